//! Grids: the figures of a report, exact, as rows × columns (usually periods) with their
//! totals, each grid with the rule it is rounded by.

use jiff::civil::Date;

use crate::num::Rational;
use crate::period::PeriodKey;

/// A grid of exact figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub id: GridId,
    pub measure: Measure,
    pub rule: Rule,
    pub rows: Vec<RowHead>,
    pub columns: Vec<Column>,
    /// Rows × columns.
    pub cells: Vec<Vec<Rational>>,
    /// Each row over all columns (the total column), where the grid has one: the sum of the
    /// row where the grid adds up, else a figure of its own (the FTE of a whole window is an
    /// average).
    pub row_totals: Option<Vec<Rational>>,
    /// Each column over all rows (the total row), where the grid has one.
    pub column_totals: Option<Vec<Rational>>,
    /// The grand total, where both kinds of totals are.
    pub total: Option<Rational>,
}

/// Which grid: what it holds, and for a comparison, which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GridId {
    pub what: What,
    pub side: Option<Side>,
}

impl GridId {
    pub fn of(what: What) -> Self {
        GridId { what, side: None }
    }

    pub fn side(what: What, side: Side) -> Self {
        GridId {
            what,
            side: Some(side),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum What {
    /// Cost of each post and other cost; the total row is the cost.
    Items,
    /// The average FTE of all posts (one row); the total is the whole window's.
    Fte,
    CostByFunder,
    FundingByFunder,
    /// Funding − cost, by funder.
    BalanceByFunder,
    /// Funding − cost from the window's start to the end of each period, by funder.
    CumulativeByFunder,
    /// What residual funders must still find, at the end of each period.
    StillToFind,
    /// Cost by paying party (`--by-member`, `--look-through`).
    CostByMember,
    /// The shortfalls `check` found, one row each.
    Shortfalls,
    /// A figure of a sweep (the `n`th `--show`), one row per point.
    Sweep(usize),
    /// The answer `solve` found.
    Answer,
    /// A figure of `status` (budget follow-up), one row per entry or funder.
    Status(StatusGrid),
    /// `status`: cost per month of the year followed up: budget (0), actuals (1), forecast (2).
    StatusMonthly(u8),
    /// `status`: each funder's cumulative balance at each year's end, as budgeted (`false`)
    /// or re-forecast with the actuals to date and the budget after (`true`).
    StatusCumulative(bool),
    /// `status`: the bookings, every one accounted for (to entries, after the as-of date, not
    /// allocated, unmapped).
    StatusBookings,
    /// `status`: the bookings not allocated to any entry, one row each.
    StatusUnallocated,
    /// `status`: what each residual funder must still find by the end of the window, as
    /// budgeted (`false`) or re-forecast (`true`); rounded up where shown.
    StatusMustFind(bool),
    /// The lines of a derivation, one row each (`explain`).
    Lines,
    /// The parts of a derivation, an entry each (`explain`).
    Parts,
    /// The figure a derivation explains (`explain`), or that a sensitivity varies, with every
    /// value as written (`sensitivity`).
    Explained,
    /// The steps of a bridge from A to B, a row each, a column per figure.
    BridgeSteps,
    /// A bridge's figures in A (row 0) and B (row 1).
    BridgeEnds,
    /// A sensitivity: an assumption a row; the figure at the low end, at the high end, and
    /// how far apart they are.
    Sensitivity,
}

/// A grid of `status`: the part of the window, the rows, and the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusGrid {
    pub scope: Scope,
    pub rows: StatusRows,
    pub figure: StatusFigure,
}

/// The part of the window a status looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The budget year of the as-of date (from the start of the follow-up, if later).
    Year,
    /// The whole window from the start of the follow-up.
    Window,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Year => "year",
            Scope::Window => "window",
        }
    }
}

/// The rows of a status grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusRows {
    /// Posts and other costs.
    Cost,
    /// Funding entries: money received.
    Funding,
    /// Funders: their part of the cost.
    Funders,
}

/// A figure of a status row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFigure {
    /// The budget of the whole scope (the year's budget: årsbudget).
    Budget,
    /// The budget from the scope's start to the as-of date, by the projection's day-exact
    /// rules.
    BudgetToDate,
    /// What the bookings to the as-of date say (forbrug; money received for funding).
    Actual,
    /// Actual − budget to date (afvigelse).
    Deviation,
    /// The deviation in percent of the budget to date.
    DeviationPercent,
    /// Actuals in percent of the scope's budget (forbrugsprocent).
    UsedPercent,
    /// Expected at the scope's end: actuals + the budget not yet due.
    ForecastRemaining,
    /// Expected at the scope's end: actuals per month of running time so far, for every
    /// month of it in the scope.
    ForecastRunRate,
}

impl StatusFigure {
    pub const ALL: [StatusFigure; 8] = [
        StatusFigure::Budget,
        StatusFigure::BudgetToDate,
        StatusFigure::Actual,
        StatusFigure::Deviation,
        StatusFigure::DeviationPercent,
        StatusFigure::UsedPercent,
        StatusFigure::ForecastRemaining,
        StatusFigure::ForecastRunRate,
    ];

    /// The key in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            StatusFigure::Budget => "budget",
            StatusFigure::BudgetToDate => "budget_to_date",
            StatusFigure::Actual => "actual",
            StatusFigure::Deviation => "deviation",
            StatusFigure::DeviationPercent => "deviation_percent",
            StatusFigure::UsedPercent => "used_percent",
            StatusFigure::ForecastRemaining => "forecast_remaining_budget",
            StatusFigure::ForecastRunRate => "forecast_run_rate",
        }
    }

    pub fn is_percent(self) -> bool {
        matches!(
            self,
            StatusFigure::DeviationPercent | StatusFigure::UsedPercent
        )
    }
}

/// A side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    A,
    B,
    /// B − A.
    Delta,
}

impl Side {
    /// The key in JSON and CSV: `a`, `b`, `delta`.
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
            Side::Delta => "delta",
        }
    }
}

/// What a grid's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Kroner, shown in the unit asked for.
    Money,
    /// Kroner, shown in this unit whatever is asked for (amounts per member: kroner or øre).
    MoneyIn(crate::num::Unit),
    /// Full-time equivalents, shown with two decimals.
    Fte,
    /// Percent (5 is 5 %), shown with one decimal (two in data formats).
    Percent,
}

/// How a grid's figures are rounded when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The grid adds up: its row totals, column totals and grand total are the sums of its
    /// cells. Rounded as a whole, so that the shown figures add up too (controlled rounding),
    /// each still its exact value rounded down or up.
    AddsUp,
    /// As [`Rule::AddsUp`], rounded together with the grid `upper` (whose rows come above
    /// these, with the same column totals), so both show the same column totals.
    Under(GridId),
    /// Each figure to the nearest, half away from zero: figures that are part of no sum.
    Nearest,
    /// Each figure away from zero: amounts that must be enough (shortfalls).
    Up,
}

/// A row of a grid: an id for data formats, a name for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowHead {
    pub id: String,
    pub name: String,
}

impl RowHead {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        RowHead {
            id: id.into(),
            name: name.into(),
        }
    }
}

/// A column of a grid: a period (with its dates), or a single column of figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub key: PeriodKey,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Column {
    pub fn period(key: PeriodKey, start: Date, end: Date) -> Self {
        Column {
            key,
            start: Some(start),
            end: Some(end),
        }
    }

    /// The one column of a grid that is a list of figures.
    pub fn single() -> Self {
        Column {
            key: PeriodKey::Total,
            start: None,
            end: None,
        }
    }

    /// `2024`, `2024H1`, `2024-07` or `total`.
    pub fn label(&self) -> String {
        self.key.label()
    }
}

/// A figure of a page: one of a grid's, or one of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fig {
    Ref(GridRef),
    /// A figure that is part of no grid, rounded by its own rule.
    Own {
        value: Rational,
        measure: Measure,
        rule: Rule,
    },
}

impl Fig {
    /// A figure of its own, rounded to the nearest.
    pub fn nearest(value: Rational, measure: Measure) -> Self {
        Fig::Own {
            value,
            measure,
            rule: Rule::Nearest,
        }
    }
}

/// A figure of a grid: a cell, a row's total (`col` none), a column's total (`row` none), or
/// the grand total (both none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridRef {
    pub grid: usize,
    pub row: Option<usize>,
    pub col: Option<usize>,
}

impl Grid {
    /// A grid that adds up (or is rounded under `upper`): totals are the sums of the cells.
    pub fn sums(
        id: GridId,
        measure: Measure,
        rule: Rule,
        rows: Vec<RowHead>,
        columns: Vec<Column>,
        cells: Vec<Vec<Rational>>,
    ) -> Grid {
        let zero = Rational::from_integer(0);
        let row_totals: Vec<Rational> = cells.iter().map(|r| r.iter().sum()).collect();
        let column_totals: Vec<Rational> = (0..columns.len())
            .map(|j| cells.iter().map(|r| r[j]).sum())
            .collect();
        let total = column_totals.iter().fold(zero, |a, b| a + b);
        Grid {
            id,
            measure,
            rule,
            rows,
            columns,
            cells,
            row_totals: Some(row_totals),
            column_totals: Some(column_totals),
            total: Some(total),
        }
    }

    /// A grid whose figures are each rounded by `rule` and whose totals, if any, are given.
    pub fn plain(
        id: GridId,
        measure: Measure,
        rule: Rule,
        rows: Vec<RowHead>,
        columns: Vec<Column>,
        cells: Vec<Vec<Rational>>,
    ) -> Grid {
        Grid {
            id,
            measure,
            rule,
            rows,
            columns,
            cells,
            row_totals: None,
            column_totals: None,
            total: None,
        }
    }

    /// A list of figures, one row each, in a single column.
    pub fn list(
        id: GridId,
        measure: Measure,
        rule: Rule,
        rows: Vec<RowHead>,
        values: Vec<Rational>,
    ) -> Grid {
        let cells = values.into_iter().map(|v| vec![v]).collect();
        Grid::plain(id, measure, rule, rows, vec![Column::single()], cells)
    }

    /// Amounts missing, one row each (by funder), rounded up where shown.
    pub fn shortfalls(rows: Vec<RowHead>, amounts: Vec<Rational>) -> Grid {
        Grid::list(
            GridId::of(What::Shortfalls),
            Measure::Money,
            Rule::Up,
            rows,
            amounts,
        )
    }

    /// The figure at a row and column; `None` for either is its total.
    pub fn at(&self, row: Option<usize>, col: Option<usize>) -> Option<Rational> {
        match (row, col) {
            (Some(i), Some(j)) => self.cells.get(i)?.get(j).copied(),
            (Some(i), None) => self.row_totals.as_ref()?.get(i).copied(),
            (None, Some(j)) => self.column_totals.as_ref()?.get(j).copied(),
            (None, None) => self.total,
        }
    }

    /// The index of the row with this id.
    pub fn row(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }
}

/// A reference into grid number `grid`, for the figures of a page.
#[derive(Debug, Clone, Copy)]
pub struct At(pub usize);

impl At {
    pub fn cell(self, row: usize, col: usize) -> Fig {
        Fig::Ref(GridRef {
            grid: self.0,
            row: Some(row),
            col: Some(col),
        })
    }

    /// Row `row`'s total, or the cell of column `col` where one is given.
    pub fn at(self, row: Option<usize>, col: Option<usize>) -> Fig {
        Fig::Ref(GridRef {
            grid: self.0,
            row,
            col,
        })
    }

    pub fn row_total(self, row: usize) -> Fig {
        self.at(Some(row), None)
    }

    pub fn column_total(self, col: usize) -> Fig {
        self.at(None, Some(col))
    }

    pub fn total(self) -> Fig {
        self.at(None, None)
    }
}
