//! The report model: what every command shows, as one kind of value, with every figure exact.
//!
//! A [`Report`] holds the figures in [`Grid`]s (rows × periods with their totals, each with a
//! rule for how it is rounded) and, for people, a layout of [`Block`]s — tables, sentences, a
//! chart — whose figures point into the grids or carry an exact figure of their own. Words are
//! [`Text`]: ids of terms and sentences, put into a language only by the renderers.
//!
//! [`Report::shown`] is the one step that rounds: each grid once, as a whole, so that every
//! table showing it shows the same figures ([`shown`]). Every output format renders the shown
//! report and computes nothing of its own ([`crate::export`]).

pub mod appendix;
pub mod bridge;
pub mod changes;
pub mod check;
pub mod compare;
pub mod explain;
pub mod grid;
pub mod scenario;
pub mod sensitivity;
pub mod shown;
pub mod status;
pub mod text;
pub mod whatif;
pub mod words;

use jiff::civil::Date;

pub use grid::{Column, Fig, Grid, GridId, GridRef, Measure, RowHead, Rule, Side, What};
pub use shown::{Figure, Identity, Mode, Rounding, Shape, Shown, ShownGrid};
pub use text::{Sentence, Term, Text};

use crate::allocation;
use crate::engine::Prices;
use crate::num;
use crate::period::By;

/// What a command shows, exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What the report is of, for formats that write data rather than pages.
    pub head: Head,
    /// The figures.
    pub grids: Vec<Grid>,
    /// The page for people.
    pub page: Page<Fig>,
    /// Relations between grids that the shown figures should keep where they can.
    pub identities: Vec<Identity>,
}

/// Tables, sentences and a chart, for people: the figures are `F`, exact ([`Fig`]) in a
/// [`Report`] and rounded ([`Figure`]) in a [`Shown`] one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<F> {
    /// The heading; none for output that is a list of lines (`check`, `solve`).
    pub title: Option<Text>,
    /// Lines under the title: description, file, window.
    pub lines: Vec<Text>,
    pub blocks: Vec<Block<F>>,
    /// Notes and sources, shown as footnotes where the format has room for them.
    pub notes: Vec<Text>,
    /// Cost by funder per period, for formats that draw charts.
    pub chart: Option<Chart<F>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<F> {
    Table(Table<F>),
    /// A paragraph of one sentence.
    Sentence(Sentence<F>),
    /// Sentences each on a line of its own, together one paragraph.
    Lines(Vec<Sentence<F>>),
    Text(Text),
    /// A waterfall or a tornado: floating bars, drawn where the format draws charts.
    Bars(Bars<F>),
}

/// Floating bars: a waterfall (a bridge from A to B, step by step) or a tornado (how far each
/// assumption moves a figure). Drawn to the exact figures; each bar says its shown ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bars<F> {
    pub title: Text,
    pub kind: BarsKind,
    /// A tornado's figure with every value as written: the line its bars spread from.
    pub base: Option<F>,
    pub bars: Vec<FloatBar<F>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarsKind {
    Waterfall,
    Tornado,
}

/// A bar from one figure to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloatBar<F> {
    pub label: Text,
    pub from: F,
    pub to: F,
    /// The figures written beside the bar: a step's change, or a tornado's two ends.
    pub said: Vec<F>,
    /// A whole bar from zero (A and B of a waterfall) rather than a step.
    pub whole: bool,
}

impl Bars<Figure> {
    /// The line the bars spread from (zero, or a tornado's base figure) and the lowest and
    /// highest exact figure of all, that line included: the scale to draw them on.
    pub fn extent(&self) -> (num::Rational, num::Rational, num::Rational) {
        let base = self.base.map_or_else(num::Rational::default, |f| f.exact);
        let ends = self.bars.iter().flat_map(|x| [x.from.exact, x.to.exact]);
        let (lo, hi) = ends.fold((base, base), |(lo, hi), v| (lo.min(v), hi.max(v)));
        (base, lo, hi)
    }
}

impl<F> Bars<F> {
    /// The bars with their figures turned into others by `f`.
    pub fn map<G>(&self, f: &mut impl FnMut(&F) -> G) -> Bars<G> {
        Bars {
            title: self.title.clone(),
            kind: self.kind,
            base: self.base.as_ref().map(&mut *f),
            bars: self
                .bars
                .iter()
                .map(|b| FloatBar {
                    label: b.label.clone(),
                    from: f(&b.from),
                    to: f(&b.to),
                    said: b.said.iter().map(&mut *f).collect(),
                    whole: b.whole,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<F> {
    pub title: Text,
    /// A short name, for a spreadsheet tab (at most 31 characters once written).
    pub name: Text,
    pub head: Vec<Text>,
    pub rows: Vec<Row<F>>,
    /// Said under the table: its figures are rounded and some sums or differences of shown
    /// figures differ from the shown result by a unit. Set by [`Report::shown`].
    pub rounding_note: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<F> {
    pub cells: Vec<Cell<F>>,
    /// A total row, set apart when shown.
    pub total: bool,
}

impl<F> Row<F> {
    pub fn new(cells: Vec<Cell<F>>) -> Self {
        Row {
            cells,
            total: false,
        }
    }

    pub fn total(cells: Vec<Cell<F>>) -> Self {
        Row { cells, total: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<F> {
    Text(Text),
    /// A figure; `calc` says how it follows from other cells of its table, for formats that
    /// keep it live (XLSX formulas, which hold the exact figures).
    Figure {
        figure: F,
        calc: Option<Calc>,
    },
    Blank,
}

impl<F> Cell<F> {
    pub fn text(t: impl Into<Text>) -> Self {
        Cell::Text(t.into())
    }

    pub fn figure(figure: F) -> Self {
        Cell::Figure { figure, calc: None }
    }

    pub fn calc(figure: F, calc: Calc) -> Self {
        Cell::Figure {
            figure,
            calc: Some(calc),
        }
    }

    pub fn is_figure(&self) -> bool {
        matches!(self, Cell::Figure { .. })
    }
}

/// How a cell follows from others of its table, by row and column index within the table's
/// rows (the head not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calc {
    /// The sum of this row's cells in columns `from..to`.
    SumRow { from: usize, to: usize },
    /// The sum of this column's cells in rows `from..to`.
    SumColumn { from: usize, to: usize },
    /// Row `plus` minus row `minus`, in this column.
    RowDiff { plus: usize, minus: usize },
    /// Column `plus` minus column `minus`, in this row.
    ColumnDiff { plus: usize, minus: usize },
}

impl<F> Table<F> {
    /// For each column, whether it holds figures (aligned right).
    pub fn numeric_columns(&self) -> Vec<bool> {
        (0..self.head.len())
            .map(|i| {
                self.rows
                    .iter()
                    .any(|r| r.cells.get(i).is_some_and(Cell::is_figure))
            })
            .collect()
    }
}

/// Stacked bars: for each period, each funder's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart<F> {
    pub title: Text,
    /// The table the chart belongs under, by its `name`.
    pub after: Text,
    /// The series' names (funders, or budget and actuals), one each.
    pub series: Vec<Text>,
    /// One group of bars per period; one bar per side (one for a report, A and B for a
    /// comparison); each bar has a figure per series.
    pub groups: Vec<(Text, Vec<Bar<F>>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar<F> {
    pub label: Text,
    pub values: Vec<F>,
}

/// What a report is of: the facts that data formats (JSON, CSV) write beside the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    Scenario(ScenarioHead),
    Comparison(compare::ComparisonHead),
    Check(check::CheckHead),
    Sweep(whatif::SweepHead),
    Solve(whatif::SolveHead),
    Status(status::StatusHead),
    /// One figure's derivation (`explain`).
    Explain(Box<explain::ExplainHead>),
    /// How far each assumption moves a figure (`sensitivity`).
    Sensitivity(Box<sensitivity::SensitivityHead>),
}

/// One scenario's report: its name and window, and who its funders and paying parties are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioHead {
    pub name: String,
    pub file: String,
    pub start: Date,
    pub end: Date,
    pub by: By,
    /// Current or fixed prices, where the scenario has an indexation.
    pub prices: Option<Prices>,
    pub funders: Vec<FunderHead>,
    pub members: Option<MembersHead>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderHead {
    pub id: String,
    pub name: String,
    pub residual: bool,
}

/// The parties cost is carried to (`--by-member`, `--look-through`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembersHead {
    pub mode: allocation::Mode,
    pub precision: Precision,
    pub parties: Vec<allocation::Party>,
}

/// How precisely amounts per member are shown: whole kroner, or kroner and øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Precision {
    #[default]
    Kr,
    Ore,
}

impl Precision {
    pub fn unit(self) -> crate::num::Unit {
        match self {
            Precision::Kr => crate::num::Unit::Kr,
            Precision::Ore => crate::num::Unit::Ore,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Precision::Kr => "kr",
            Precision::Ore => "ore",
        }
    }
}

/// Who bears the cost, what each party bears per period of the projection, and how precisely
/// their amounts are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Members {
    pub allocation: allocation::Allocation,
    pub cost: allocation::Shared,
    pub precision: Precision,
}

impl Members {
    /// The cost of `s`, projected as `p`, carried to its members as `mode` says; an error
    /// naming the key where the amounts cannot be shown exactly.
    pub fn new(
        s: &crate::model::Scenario,
        p: &crate::engine::Projection,
        mode: allocation::Mode,
        precision: Precision,
    ) -> Result<Members, crate::engine::ComputeError> {
        let allocation = allocation::allocate(s, mode, p.scale)?;
        let cost: Vec<Vec<num::Rational>> = (0..s.funders.len())
            .map(|f| {
                p.periods
                    .iter()
                    .map(|x| p.scale.exact(x.cost_by_funder[f]))
                    .collect()
            })
            .collect();
        let cost = allocation.share_out(&cost);
        if let Some(exact) = &cost.exact
            && !allocation::shows_as(exact, &cost.cells)
        {
            return Err(allocation.too_fine(s));
        }
        Ok(Members {
            allocation,
            cost,
            precision,
        })
    }
}

impl Report {
    /// The grid with this id.
    pub fn grid(&self, id: GridId) -> Option<&Grid> {
        self.grids.iter().find(|g| g.id == id)
    }
}
