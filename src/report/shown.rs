//! The one step that rounds: a [`Report`] of exact figures becomes a [`Shown`] one, every
//! figure rounded to the unit asked for, each grid once, as a whole.
//!
//! The rules, for every figure of every table and format:
//! - a shown figure is its exact value rounded down or up to the shown precision, never
//!   further, so never of the other sign (and a zero is never `-0`);
//! - a grid that adds up is rounded as a whole (controlled rounding, [`crate::round`]), so its
//!   shown cells add up to its shown totals; with [`Mode::Independent`] each figure is rounded
//!   to the nearest instead;
//! - figures that are part of no sum are rounded to the nearest, half away from zero;
//!   amounts that must be enough are rounded away from zero (and said to be "at least");
//! - where an identity between grids (funding − cost = balance, B − A) or a formula of a
//!   table does not hold for the shown figures, the honest figures stay and the table says
//!   that its figures are rounded ([`Table::rounding_note`]).

use num_traits::Signed;

use super::grid::{Column, Fig, Grid, GridId, GridRef, Measure, RowHead, Rule};
use super::{Block, Calc, Cell, Chart, Head, Page, Report, Row, Table};
use crate::num::{Rational, Unit};
use crate::round;

/// How figures are rounded for showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rounding {
    /// The unit of money (amounts per member have their own precision).
    pub unit: Unit,
    pub mode: Mode,
}

/// How a grid that adds up is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// As a whole, so that the shown figures add up (controlled rounding).
    #[default]
    Controlled,
    /// Each figure to the nearest; totals may then differ from the sum of the shown parts.
    Independent,
}

impl Rounding {
    /// For data formats (JSON, CSV): every figure to the øre, each to the nearest, so that
    /// they agree with each other and with any exact computation.
    pub fn data() -> Rounding {
        Rounding {
            unit: Unit::Ore,
            mode: Mode::Independent,
        }
    }

    /// The unit a grid of `measure` is shown in.
    fn shape(self, measure: Measure) -> Shape {
        match measure {
            Measure::Money => Shape::Money(self.unit),
            // Data formats show every amount to the øre.
            Measure::MoneyIn(_) if self.unit == Unit::Ore => Shape::Money(Unit::Ore),
            Measure::MoneyIn(unit) => Shape::Money(unit),
            Measure::Fte => Shape::Fte,
            Measure::Percent if self == Rounding::data() => Shape::Percent(2),
            Measure::Percent => Shape::Percent(1),
        }
    }
}

/// What a shown figure is, and so how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Kroner, in this unit.
    Money(Unit),
    /// Full-time equivalents, with two decimals.
    Fte,
    /// Percent, with this many decimals.
    Percent(u32),
}

impl Shape {
    /// The smallest difference shown, in kroner or FTE.
    pub fn step(self) -> Rational {
        match self {
            Shape::Money(unit) => unit.step(),
            Shape::Fte => Rational::new(1, 100),
            Shape::Percent(decimals) => Rational::new(1, 10i128.pow(decimals)),
        }
    }
}

/// A figure as shown, with the exact value it was rounded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// In kroner (or FTE): a whole number of the shape's steps.
    pub shown: Rational,
    pub exact: Rational,
    pub shape: Shape,
    /// The grid figure it is, where it is one: the same figure in two places (a table's
    /// cell and a chart's bar) has the same origin.
    pub origin: Option<GridRef>,
}

impl Figure {
    fn new(shown_steps: i128, exact: Rational, shape: Shape) -> Figure {
        Figure {
            shown: Rational::from_integer(shown_steps) * shape.step(),
            exact,
            shape,
            origin: None,
        }
    }

    /// The shown figure in whole steps of its shape (øre, kroner, 100,000 kr., 0.01 FTE).
    pub fn steps(&self) -> i128 {
        (self.shown / self.shape.step()).to_integer()
    }

    /// Shown larger (further from zero) than it is: an amount rounded up to be enough.
    pub fn is_rounded_up(&self) -> bool {
        self.shown.abs() > self.exact.abs()
    }
}

/// A grid's figures as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownGrid {
    pub id: GridId,
    pub rows: Vec<RowHead>,
    pub columns: Vec<Column>,
    pub cells: Vec<Vec<Figure>>,
    pub row_totals: Option<Vec<Figure>>,
    pub column_totals: Option<Vec<Figure>>,
    pub total: Option<Figure>,
}

impl ShownGrid {
    /// The figure at a row and column; `None` for either is its total.
    pub fn at(&self, row: Option<usize>, col: Option<usize>) -> Option<&Figure> {
        match (row, col) {
            (Some(i), Some(j)) => self.cells.get(i)?.get(j),
            (Some(i), None) => self.row_totals.as_ref()?.get(i),
            (None, Some(j)) => self.column_totals.as_ref()?.get(j),
            (None, None) => self.total.as_ref(),
        }
    }

    pub fn row(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }
}

/// A report with every figure rounded for showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub head: Head,
    pub grids: Vec<ShownGrid>,
    pub page: Page<Figure>,
    pub rounding: Rounding,
}

impl Shown {
    pub fn grid(&self, id: GridId) -> Option<&ShownGrid> {
        self.grids.iter().find(|g| g.id == id)
    }
}

/// Relations between grids that hold exactly and that the shown figures should keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// Grid `result` is grid `plus` − grid `minus`, figure by figure.
    Difference {
        result: GridId,
        plus: GridId,
        minus: GridId,
    },
    /// The column totals of `grid` are those of `same_as`.
    SameColumnTotals { grid: GridId, same_as: GridId },
}

fn nearest(value: Rational, step: Rational) -> i128 {
    // `round` takes exact halves away from zero.
    (value / step).round().to_integer()
}

fn away(value: Rational, step: Rational) -> i128 {
    let steps = value / step;
    if steps < Rational::from_integer(0) {
        steps.floor().to_integer()
    } else {
        steps.ceil().to_integer()
    }
}

impl Report {
    /// The report with every figure rounded as `rounding` says: each grid once, as a whole.
    pub fn shown(&self, rounding: Rounding) -> Shown {
        let (grids, mut broken) = self.round_grids(rounding);
        for identity in &self.identities {
            if let Some(result) = self.broken_identity(identity, &grids) {
                broken[result] = true;
            }
        }
        let page = shown_page(&self.page, &grids, &broken, rounding);
        Shown {
            head: self.head.clone(),
            grids,
            page,
            rounding,
        }
    }

    /// Every grid rounded, and whether the shown figures of each fail to add up as the exact
    /// ones do.
    fn round_grids(&self, rounding: Rounding) -> (Vec<ShownGrid>, Vec<bool>) {
        let mut shown: Vec<Option<ShownGrid>> = vec![None; self.grids.len()];
        let mut broken = vec![false; self.grids.len()];
        for (i, g) in self.grids.iter().enumerate() {
            if shown[i].is_some() {
                continue;
            }
            let shape = rounding.shape(g.measure);
            match g.rule {
                Rule::Nearest => shown[i] = Some(each(g, shape, nearest)),
                Rule::Up => shown[i] = Some(each(g, shape, away)),
                Rule::AddsUp | Rule::Under(_) => {
                    let lower = self
                        .grids
                        .iter()
                        .position(|l| l.rule == Rule::Under(g.id))
                        .filter(|_| matches!(g.rule, Rule::AddsUp));
                    let upper = match g.rule {
                        Rule::Under(id) => self.grids.iter().position(|u| u.id == id),
                        _ => None,
                    };
                    let (top, under) = match (upper, lower) {
                        (Some(u), _) => (u, Some(i)),
                        (None, l) => (i, l),
                    };
                    let done = together(
                        &self.grids[top],
                        under.map(|l| &self.grids[l]),
                        shape,
                        rounding.mode,
                    );
                    let (t, u, fails) = done;
                    shown[top] = Some(t);
                    broken[top] |= fails;
                    if let (Some(l), Some(u)) = (under, u) {
                        shown[l] = Some(u);
                        broken[l] |= fails;
                    }
                }
            }
        }
        let grids = shown
            .into_iter()
            .map(|g| g.expect("every grid is rounded"))
            .collect();
        (grids, broken)
    }

    /// The grid whose shown figures break `identity`, if they do.
    fn broken_identity(&self, identity: &Identity, grids: &[ShownGrid]) -> Option<usize> {
        let index = |id: GridId| self.grids.iter().position(|g| g.id == id);
        match *identity {
            Identity::Difference {
                result,
                plus,
                minus,
            } => {
                let (r, p, m) = (index(result)?, index(plus)?, index(minus)?);
                let (gr, gp, gm) = (&grids[r], &grids[p], &grids[m]);
                let ok = figures_of(gr).into_iter().all(|(row, col)| {
                    match (gr.at(row, col), gp.at(row, col), gm.at(row, col)) {
                        (Some(x), Some(a), Some(b)) => x.shown == a.shown - b.shown,
                        _ => true,
                    }
                });
                (!ok).then_some(r)
            }
            Identity::SameColumnTotals { grid, same_as } => {
                let (g, s) = (index(grid)?, index(same_as)?);
                let shown = |k: usize| {
                    grids[k]
                        .column_totals
                        .as_ref()
                        .map(|c| c.iter().map(|f| f.shown).collect::<Vec<_>>())
                };
                (shown(g) != shown(s)).then_some(g)
            }
        }
    }
}

/// Every position of a figure in a grid: cells, row totals, column totals, the total.
fn figures_of(g: &ShownGrid) -> Vec<(Option<usize>, Option<usize>)> {
    let rows = (0..g.rows.len()).map(Some).chain([None]);
    rows.flat_map(|i| {
        (0..g.columns.len())
            .map(Some)
            .chain([None])
            .map(move |j| (i, j))
    })
    .filter(|(i, j)| g.at(*i, *j).is_some())
    .collect()
}

/// A grid with each figure rounded on its own by `how` (steps from a value and a step).
fn each(g: &Grid, shape: Shape, how: fn(Rational, Rational) -> i128) -> ShownGrid {
    let step = shape.step();
    let fig = |v: &Rational| Figure::new(how(*v, step), *v, shape);
    let list = |v: &Option<Vec<Rational>>| v.as_ref().map(|v| v.iter().map(fig).collect());
    ShownGrid {
        id: g.id,
        rows: g.rows.clone(),
        columns: g.columns.clone(),
        cells: g
            .cells
            .iter()
            .map(|r| r.iter().map(fig).collect())
            .collect(),
        row_totals: list(&g.row_totals),
        column_totals: list(&g.column_totals),
        total: g.total.as_ref().map(fig),
    }
}

/// A grid that adds up (and the grid under it, if any) rounded together as a whole; with
/// `Independent`, or where the table is too large for the exact method, each figure to the
/// nearest. Also whether the shown figures fail to add up.
fn together(
    upper: &Grid,
    lower: Option<&Grid>,
    shape: Shape,
    mode: Mode,
) -> (ShownGrid, Option<ShownGrid>, bool) {
    let step = shape.step();
    let in_steps = |g: &Grid| -> Vec<Vec<Rational>> {
        g.cells
            .iter()
            .map(|r| r.iter().map(|v| v / step).collect())
            .collect()
    };
    let rounded = (mode == Mode::Controlled)
        .then(|| {
            let keys: Vec<_> = upper.columns.iter().map(|c| c.key).collect();
            let groups = crate::period::groups(&keys);
            let (u, l) = (in_steps(upper), lower.map(in_steps));
            round::chain(round::Chain {
                upper: &u,
                lower: l.as_deref(),
                columns: upper.columns.len(),
                groups: &groups,
            })
        })
        .flatten();
    let Some(r) = rounded else {
        let u = each(upper, shape, nearest);
        let l = lower.map(|l| each(l, shape, nearest));
        let fails = !adds_up(&u) || l.as_ref().is_some_and(|l| !adds_up(l));
        return (u, l, fails);
    };
    let build = |g: &Grid, cells: &[Vec<i128>], rows: &[i128]| -> ShownGrid {
        let fig = |n: i128, exact: Rational| Figure::new(n, exact, shape);
        let exact = |v: &Option<Vec<Rational>>, k: usize| v.as_ref().map(|v| v[k]);
        ShownGrid {
            id: g.id,
            rows: g.rows.clone(),
            columns: g.columns.clone(),
            cells: cells
                .iter()
                .zip(&g.cells)
                .map(|(s, e)| s.iter().zip(e).map(|(n, x)| fig(*n, *x)).collect())
                .collect(),
            row_totals: g
                .row_totals
                .as_ref()
                .map(|t| rows.iter().zip(t).map(|(n, x)| fig(*n, *x)).collect()),
            column_totals: g.column_totals.as_ref().map(|_| {
                (0..g.columns.len())
                    .map(|j| fig(r.columns[j], exact(&g.column_totals, j).unwrap_or_default()))
                    .collect()
            }),
            total: g.total.map(|t| fig(r.total, t)),
        }
    };
    let u = build(upper, &r.upper, &r.upper_rows);
    let l = lower.map(|l| build(l, &r.lower, &r.lower_rows));
    (u, l, false)
}

/// Whether a grid's shown cells add up to its shown totals.
fn adds_up(g: &ShownGrid) -> bool {
    let sum = |it: &mut dyn Iterator<Item = Rational>| it.fold(Rational::default(), |a, b| a + b);
    let rows_ok = g.row_totals.as_ref().is_none_or(|t| {
        g.cells
            .iter()
            .zip(t)
            .all(|(r, t)| sum(&mut r.iter().map(|f| f.shown)) == t.shown)
    });
    let columns_ok = g.column_totals.as_ref().is_none_or(|t| {
        t.iter()
            .enumerate()
            .all(|(j, t)| sum(&mut g.cells.iter().map(|r| r[j].shown)) == t.shown)
    });
    let total_ok = match (&g.total, &g.column_totals) {
        (Some(t), Some(c)) => sum(&mut c.iter().map(|f| f.shown)) == t.shown,
        _ => true,
    };
    rows_ok && columns_ok && total_ok
}

/// The page with its figures: those of the shown grids, and its own rounded by their rules.
fn shown_page(
    page: &Page<Fig>,
    grids: &[ShownGrid],
    broken: &[bool],
    rounding: Rounding,
) -> Page<Figure> {
    // Whether a figure came from a grid whose shown figures do not add up as the exact do.
    let touched_broken = std::cell::Cell::new(false);
    let mut figure = |f: Fig| -> Figure {
        match f {
            Fig::Ref(origin @ GridRef { grid, row, col }) => {
                touched_broken.set(touched_broken.get() || broken[grid]);
                Figure {
                    origin: Some(origin),
                    ..*grids[grid]
                        .at(row, col)
                        .expect("a page refers to figures its grids have")
                }
            }
            Fig::Own {
                value,
                measure,
                rule,
            } => {
                let shape = rounding.shape(measure);
                let how = if rule == Rule::Up { away } else { nearest };
                Figure::new(how(value, shape.step()), value, shape)
            }
        }
    };
    let mut blocks = Vec::with_capacity(page.blocks.len());
    for block in &page.blocks {
        blocks.push(match block {
            Block::Table(t) => {
                touched_broken.set(false);
                let mut table = shown_table(t, &mut figure);
                table.rounding_note |= touched_broken.get();
                Block::Table(table)
            }
            Block::Sentence(s) => Block::Sentence(s.clone().map(&mut figure)),
            Block::Lines(l) => Block::Lines(l.iter().map(|s| s.clone().map(&mut figure)).collect()),
            Block::Text(t) => Block::Text(t.clone()),
            Block::Bars(b) => Block::Bars(b.map(&mut |x: &Fig| figure(*x))),
        });
    }
    let chart = page.chart.as_ref().map(|c| Chart {
        title: c.title.clone(),
        after: c.after.clone(),
        series: c.series.clone(),
        groups: c
            .groups
            .iter()
            .map(|(label, bars)| {
                let bars = bars
                    .iter()
                    .map(|b| super::Bar {
                        label: b.label.clone(),
                        values: b.values.iter().map(|v| figure(*v)).collect(),
                    })
                    .collect();
                (label.clone(), bars)
            })
            .collect(),
    });
    Page {
        title: page.title.clone(),
        lines: page.lines.clone(),
        blocks,
        notes: page.notes.clone(),
        chart,
    }
}

/// A table with its figures shown; where the shown figures do not obey a formula of the
/// table, it says its figures are rounded. The formulas stay: they hold for the exact
/// figures, which a spreadsheet keeps.
fn shown_table(t: &Table<Fig>, figure: &mut impl FnMut(Fig) -> Figure) -> Table<Figure> {
    let rows: Vec<Row<Figure>> = t
        .rows
        .iter()
        .map(|r| Row {
            total: r.total,
            cells: r
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Text(x) => Cell::Text(x.clone()),
                    Cell::Blank => Cell::Blank,
                    Cell::Figure { figure: f, calc } => Cell::Figure {
                        figure: figure(*f),
                        calc: *calc,
                    },
                })
                .collect(),
        })
        .collect();
    let mut table = Table {
        title: t.title.clone(),
        name: t.name.clone(),
        head: t.head.clone(),
        rows,
        rounding_note: t.rounding_note,
    };
    let value = |rows: &[Row<Figure>], i: usize, j: usize| -> Option<Rational> {
        match rows.get(i)?.cells.get(j)? {
            Cell::Figure { figure, .. } => Some(figure.shown),
            _ => None,
        }
    };
    let zero = Rational::from_integer(0);
    let mut failed = false;
    for i in 0..table.rows.len() {
        for j in 0..table.rows[i].cells.len() {
            let (shown, Some(calc)) = (match &table.rows[i].cells[j] {
                Cell::Figure { figure, calc } => (figure.shown, *calc),
                _ => continue,
            }) else {
                continue;
            };
            let rows = &table.rows;
            let expected = match calc {
                Calc::SumRow { from, to } => (from..to)
                    .map(|k| value(rows, i, k))
                    .try_fold(zero, |a, b| Some(a + b?)),
                Calc::SumColumn { from, to } => (from..to)
                    .map(|k| value(rows, k, j))
                    .try_fold(zero, |a, b| Some(a + b?)),
                Calc::RowDiff { plus, minus } => value(rows, plus, j)
                    .zip(value(rows, minus, j))
                    .map(|(a, b)| a - b),
                Calc::ColumnDiff { plus, minus } => value(rows, i, plus)
                    .zip(value(rows, i, minus))
                    .map(|(a, b)| a - b),
            };
            if expected != Some(shown) {
                failed = true;
            }
        }
    }
    table.rounding_note |= failed;
    table
}
