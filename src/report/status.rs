//! The status of a budget follow-up (`klimabudget status`): per entry and per funder, for the
//! budget year of the as-of date and for the whole window, the budget, the budget to date, the
//! actuals, the deviation, and the expected outturn by two stated methods; each funder's
//! cumulative balance re-forecast with the actuals; and every booking accounted for.
//!
//! Budgets come from the engine: the scenario cut to each part of the window is projected by
//! the same day-exact rules as every report, so a post from 1 July has half a year's budget by
//! 31 December. Actuals are the bookings `crate::actuals` read, to the øre. All exact.

use jiff::civil::Date;
use num_traits::Signed;

use super::grid::{
    At, Column, Fig, Grid, GridId, Measure, RowHead, Rule, Scope, StatusFigure, StatusGrid,
    StatusRows, What,
};
use super::text::{Sentence, Shortfall, StatusTerm, StatusText, Term, Text};
use super::{Bar, Block, Calc, Cell, Chart, FunderHead, Head, Identity, Page, Report, Row, Table};
use crate::actuals::{Bookings, Materiality, Place, To};
use crate::engine::{ComputeError, Prices, project_in};
use crate::model::{DateRange, Flow, PaidBy, Scenario};
use crate::num::Rational;
use crate::period::{By, Calendar};
use num_traits::{CheckedAdd, CheckedDiv, CheckedMul, CheckedSub};

/// What a status is asked for.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The last day the actuals count.
    pub as_of: Date,
    /// Which deviations are flagged.
    pub materiality: Materiality,
    pub prices: Prices,
}

/// What a status is of, for data formats: the facts beside the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusHead {
    pub name: String,
    pub file: String,
    pub start: Date,
    pub end: Date,
    pub as_of: Date,
    /// The first day followed up.
    pub from: Date,
    pub prices: Option<Prices>,
    pub funders: Vec<FunderHead>,
    pub files: Vec<FileHead>,
    pub materiality: Materiality,
    pub scopes: Vec<ScopeHead>,
    /// How many bookings went to entries up to the as-of date, to entries after it, nowhere
    /// known, and nowhere (unmapped), in the rows of the bookings grid.
    pub counts: [usize; 4],
    pub unallocated: Vec<UnallocatedHead>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHead {
    pub path: String,
    pub encoding: &'static str,
    pub delimiter: char,
    pub decimal: Option<char>,
    pub rows: usize,
}

/// A part of the window looked at: its days and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeHead {
    pub scope: Scope,
    pub start: Date,
    pub end: Date,
    /// Cost rows, funding rows, funder rows (in that order).
    pub parts: Vec<(StatusRows, Vec<RowFacts>)>,
}

/// What a row of a status says beside its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFacts {
    pub id: String,
    pub name: String,
    /// `post`, `cost`, `funding` or `funder`.
    pub kind: &'static str,
    /// Shown in tables: it has a budget or actuals in the scope.
    pub shown: bool,
    pub material: bool,
    /// Whether the percentages have a base (a budget to date, a budget).
    pub deviation_percent: bool,
    pub used_percent: bool,
    /// How its run-rate forecast is made: `run-rate`, or `remaining-budget` where it has no
    /// rate (a one-off, or not begun by the as-of date); `entries` for a funder (its shares of
    /// its entries' forecasts).
    pub method: &'static str,
    pub explanation: Option<String>,
}

/// A booking not allocated: where, what, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnallocatedHead {
    pub file: String,
    pub line: u64,
    pub date: Date,
    pub account: String,
    pub text: String,
    pub voucher: String,
    /// The rule's reason; none for a booking no rule matches.
    pub reason: Option<String>,
}

/// A figure too large, or with too fine a fraction, to compute exactly in 128 bits: the
/// status is refused ([`ComputeError::TooFine`]), never computed wrongly.
#[derive(Debug, Clone, Copy)]
struct Overflow;

type Checked<T> = Result<T, Overflow>;

/// As the engine says it: the scenario's file is filled in by [`report`].
impl From<Overflow> for ComputeError {
    fn from(_: Overflow) -> ComputeError {
        ComputeError::TooFine {
            file: String::new(),
        }
    }
}

/// The largest numerator or denominator of a figure, far enough inside 128 bits that
/// rounding it for showing (in steps of an øre, sums of a table) cannot overflow.
const BOUND: i128 = 1 << 100;

fn fit(r: Option<Rational>) -> Checked<Rational> {
    let r = r.ok_or(Overflow)?;
    if r.numer().abs() < BOUND && *r.denom() < BOUND {
        Ok(r)
    } else {
        Err(Overflow)
    }
}

fn add(a: Rational, b: Rational) -> Checked<Rational> {
    fit(a.checked_add(&b))
}

fn sub(a: Rational, b: Rational) -> Checked<Rational> {
    fit(a.checked_sub(&b))
}

fn mul(a: Rational, b: Rational) -> Checked<Rational> {
    fit(a.checked_mul(&b))
}

/// `a / b`, for `b` not zero.
fn div(a: Rational, b: Rational) -> Checked<Rational> {
    fit(a.checked_div(&b))
}

fn sum(values: impl IntoIterator<Item = Rational>) -> Checked<Rational> {
    values.into_iter().try_fold(Rational::from_integer(0), add)
}

/// The run rate of `actual` over `elapsed` months: the actuals per month, in whole øre (half
/// away from zero), as a finance officer states a monthly rate. The one rounding inside a
/// figure, and a part of the method: without it, run rates of entries begun on different days
/// have fractions that no sum of them could hold exactly; with it, every forecast and every
/// sum of them (funders, totals, months) is exact.
fn per_month(actual: Rational, elapsed: Rational) -> Checked<Rational> {
    let rate = div(actual, elapsed)?;
    Ok(Rational::new(
        crate::num::round_div(*rate.numer(), *rate.denom(), 100),
        100,
    ))
}

/// The money of a row: its budget, budget to date, actuals and the two forecasts.
#[derive(Debug, Clone, Copy, Default)]
struct Money {
    budget: Rational,
    to_date: Rational,
    actual: Rational,
    remaining: Rational,
    rate: Rational,
}

impl Money {
    /// Every figure of the row, in the order of [`StatusFigure::ALL`]; none for a
    /// percentage without a base.
    fn figures(&self) -> Checked<[Option<Rational>; 8]> {
        let zero = Rational::from_integer(0);
        let hundred = Rational::from_integer(100);
        let deviation = sub(self.actual, self.to_date)?;
        let percent = |part: Rational, of: Rational| -> Checked<Option<Rational>> {
            if of == zero {
                return Ok(None);
            }
            Ok(Some(mul(div(part, of)?, hundred)?))
        };
        Ok([
            Some(self.budget),
            Some(self.to_date),
            Some(self.actual),
            Some(deviation),
            percent(deviation, self.to_date)?,
            percent(self.actual, self.budget)?,
            Some(self.remaining),
            Some(self.rate),
        ])
    }
}

/// The figures of one kind of rows over one scope, exact, by row, and their total.
#[derive(Debug, Clone)]
struct Figures {
    money: Vec<Money>,
    rows: Vec<[Option<Rational>; 8]>,
    total: [Option<Rational>; 8],
    /// Whether the run rate applies (else the remaining budget stands in).
    has_rate: Vec<bool>,
}

/// Where a figure is in [`StatusFigure::ALL`].
fn index(f: StatusFigure) -> usize {
    StatusFigure::ALL
        .iter()
        .position(|x| *x == f)
        .unwrap_or_default()
}

impl Figures {
    fn new(money: Vec<Money>, has_rate: Vec<bool>) -> Checked<Figures> {
        let rows = money
            .iter()
            .map(Money::figures)
            .collect::<Checked<Vec<_>>>()?;
        let total = Money {
            budget: sum(money.iter().map(|m| m.budget))?,
            to_date: sum(money.iter().map(|m| m.to_date))?,
            actual: sum(money.iter().map(|m| m.actual))?,
            remaining: sum(money.iter().map(|m| m.remaining))?,
            rate: sum(money.iter().map(|m| m.rate))?,
        }
        .figures()?;
        Ok(Figures {
            money,
            rows,
            total,
            has_rate,
        })
    }

    fn of(&self, f: StatusFigure, i: usize) -> Option<Rational> {
        self.rows[i][index(f)]
    }

    /// The total's figure: money summed; percentages of the sums.
    fn total(&self, f: StatusFigure) -> Option<Rational> {
        self.total[index(f)]
    }

    fn shown(&self, i: usize) -> bool {
        let zero = Rational::from_integer(0);
        let m = &self.money[i];
        m.budget != zero || m.actual != zero || m.to_date != zero
    }

    fn material(&self, m: &Materiality, i: usize) -> bool {
        let zero = Rational::from_integer(0);
        let deviation = self.of(StatusFigure::Deviation, i).unwrap_or(zero);
        if !m.is_set() || deviation == zero {
            return false;
        }
        let by_percent =
            m.percent
                .is_none_or(|p| match self.of(StatusFigure::DeviationPercent, i) {
                    Some(pct) => pct.abs() > p,
                    // A deviation from a budget of nothing is as large as can be.
                    None => true,
                });
        let by_amount = m.amount.is_none_or(|a| deviation.abs() > a);
        by_percent && by_amount
    }
}

/// The days of a scope and of its part up to the as-of date.
#[derive(Debug, Clone, Copy)]
struct Days {
    scope: Scope,
    range: DateRange,
    to_date: Option<DateRange>,
}

/// The status report of `s` with `bookings` as of `o.as_of`, which the caller has checked to
/// lie inside the window and not before the follow-up's first day.
pub fn report(s: &Scenario, bookings: &Bookings, o: &Options) -> Result<Report, ComputeError> {
    build(s, bookings, o).map_err(|e| match e {
        ComputeError::TooFine { file } if file.is_empty() => ComputeError::TooFine {
            file: s.file.display().to_string(),
        },
        e => e,
    })
}

fn build(s: &Scenario, bookings: &Bookings, o: &Options) -> Result<Report, ComputeError> {
    let from = bookings.config.from.max(s.window.from);
    let follow = DateRange::new(from, s.window.to);
    let year_start = Date::new(o.as_of.year(), 1, 1).unwrap_or(from).max(from);
    let year_end = Date::new(o.as_of.year(), 12, 31)
        .unwrap_or(s.window.to)
        .min(s.window.to);
    let days = |scope, range: DateRange| Days {
        scope,
        range,
        to_date: (o.as_of >= range.from).then(|| DateRange::new(range.from, o.as_of.min(range.to))),
    };
    let scopes = [
        days(Scope::Year, DateRange::new(year_start, year_end)),
        days(Scope::Window, follow),
    ];
    let mut b = Builder {
        s,
        bookings,
        o,
        grids: Vec::new(),
        identities: Vec::new(),
        blocks: Vec::new(),
    };
    let mut scope_heads = Vec::new();
    for d in scopes {
        scope_heads.push(b.scope(d)?);
    }
    let monthly_name = b.monthly(scopes[0])?;
    b.cumulative(follow)?;
    let (counts, unallocated) = b.bookings();
    b.blocks
        .push(Block::Text(Text::Term(Term::Status(StatusTerm::Methods))));
    let files = bookings
        .files
        .iter()
        .enumerate()
        .map(|(k, f)| FileHead {
            path: f.path.display().to_string(),
            encoding: f.encoding,
            delimiter: char::from(f.delimiter),
            decimal: f.mark.map(|m| m.char()),
            rows: bookings.rows.iter().filter(|r| r.file == k).count(),
        })
        .collect::<Vec<_>>();
    let mut lines: Vec<Text> = s.description.iter().cloned().map(Text::Plain).collect();
    let mut meta = vec![
        Text::Plain(s.file.display().to_string()),
        Text::Range(s.window.from, s.window.to),
        Text::AmountsIn,
    ];
    meta.extend(super::scenario::prices_text(s, o.prices));
    lines.push(Text::Join(meta, " · "));
    lines.push(Text::Status(StatusText::Bookings {
        files: files.iter().map(|f| f.path.clone()).collect(),
        rows: bookings.rows.len(),
        from,
    }));
    lines.push(Text::Status(StatusText::Materiality {
        percent: o.materiality.percent,
        amount: o.materiality.amount,
    }));
    let chart = b.chart(scopes[0], monthly_name);
    Ok(Report {
        head: Head::Status(StatusHead {
            name: s.name.clone(),
            file: s.file.display().to_string(),
            start: s.window.from,
            end: s.window.to,
            as_of: o.as_of,
            from,
            prices: s.indexation.as_ref().map(|_| o.prices),
            funders: super::scenario::funder_heads(s),
            files,
            materiality: o.materiality,
            scopes: scope_heads,
            counts,
            unallocated,
        }),
        grids: b.grids,
        identities: b.identities,
        page: Page {
            title: Some(Text::Status(StatusText::Title {
                as_of: o.as_of,
                name: s.name.clone(),
            })),
            lines,
            blocks: b.blocks,
            notes: Vec::new(),
            chart: Some(chart),
        },
    })
}

struct Builder<'a> {
    s: &'a Scenario,
    bookings: &'a Bookings,
    o: &'a Options,
    grids: Vec<Grid>,
    identities: Vec<Identity>,
    blocks: Vec<Block<Fig>>,
}

/// Each item's (posts, then costs) and each funding entry's budget over `range`, exact: the
/// projection of the scenario cut to it.
fn budgets(
    s: &Scenario,
    range: Option<DateRange>,
    prices: Prices,
) -> Result<(Vec<Rational>, Vec<Rational>), ComputeError> {
    let zero = Rational::from_integer(0);
    let mut items = vec![zero; s.item_count()];
    let mut funding = vec![zero; s.funding.len()];
    let Some(range) = range else {
        return Ok((items, funding));
    };
    let cut = s.within(range);
    let p = project_in(&cut, By::Total, prices)?;
    for (i, k) in kept(s.item_ids(), cut.item_ids()).into_iter().enumerate() {
        if let Some(k) = k {
            items[i] = p.scale.exact(p.total.items.get(k));
        }
    }
    let ids = |s: &Scenario| -> Vec<String> { s.funding.iter().map(|f| f.id.clone()).collect() };
    let (all, kept_ids) = (ids(s), ids(&cut));
    for (i, k) in kept(
        all.iter().map(String::as_str),
        kept_ids.iter().map(String::as_str),
    )
    .into_iter()
    .enumerate()
    {
        if let Some(k) = k {
            funding[i] = p.scale.exact(p.total.funding[k]);
        }
    }
    Ok((items, funding))
}

/// For each id of `all`, its place among `cut`, the ids `Scenario::within` kept of them (in
/// the same order): one pass, however many entries.
fn kept<'a>(
    all: impl Iterator<Item = &'a str>,
    cut: impl Iterator<Item = &'a str>,
) -> Vec<Option<usize>> {
    let mut cut = cut.enumerate().peekable();
    all.map(|id| {
        let here = cut.peek().is_some_and(|(_, c)| *c == id);
        if here {
            cut.next().map(|(k, _)| k)
        } else {
            None
        }
    })
    .collect()
}

/// Who pays item `i` (posts, then costs).
fn paid_by(s: &Scenario, i: usize) -> &PaidBy {
    match s.posts.get(i) {
        Some(p) => &p.paid_by,
        None => &s.costs[i - s.posts.len()].paid_by,
    }
}

/// The days an item or funding entry runs, where it accrues by the year (none for a one-off).
fn running(s: &Scenario, place: Place) -> Option<DateRange> {
    let flow = match place {
        Place::Item(i) if i < s.posts.len() => return Some(s.posts[i].range),
        Place::Item(i) => s.costs[i - s.posts.len()].flow,
        Place::Funding(i) => s.funding[i].flow,
    };
    match flow {
        Flow::Annual { range, .. } => Some(range),
        Flow::OneOff { .. } => None,
    }
}

/// The months of `range` that `running` covers, each counted by its days as the projection
/// counts them (a whole month 1, a part month its covered days over the month's days).
fn months(running: DateRange, range: Option<DateRange>) -> Rational {
    let Some(range) = range.and_then(|r| r.intersect(running)) else {
        return Rational::from_integer(0);
    };
    Calendar::new(range)
        .months
        .iter()
        .map(|m| Rational::new(m.covered_days(range).into(), m.days_in_month.into()))
        .sum()
}

/// The day after `d`, if there is one.
fn after(d: Date) -> Option<Date> {
    d.tomorrow().ok()
}

impl Builder<'_> {
    fn money(&self, ore: i128) -> Rational {
        Rational::new(ore, 100)
    }

    /// Each item's and funding entry's actuals in `range` (money received counted positive).
    fn actuals(&self, range: Option<DateRange>) -> Checked<(Vec<Rational>, Vec<Rational>)> {
        let mut items = vec![0i128; self.s.item_count()];
        let mut funding = vec![0i128; self.s.funding.len()];
        if let Some(range) = range {
            for r in self.bookings.rows.iter().filter(|r| range.contains(r.date)) {
                let (into, ore) = match r.to {
                    To::Entry(Place::Item(i)) => (&mut items[i], r.amount),
                    To::Entry(Place::Funding(i)) => {
                        (&mut funding[i], self.bookings.received(r.amount))
                    }
                    _ => continue,
                };
                *into = into.checked_add(ore).ok_or(Overflow)?;
            }
        }
        let money = |v: Vec<i128>| v.into_iter().map(|ore| self.money(ore)).collect();
        Ok((money(items), money(funding)))
    }

    /// The figures of items and of funding entries over one scope.
    fn figures(&self, d: Days) -> Result<(Figures, Figures), ComputeError> {
        let prices = self.o.prices;
        let (budget_items, budget_funding) = budgets(self.s, Some(d.range), prices)?;
        let (to_date_items, to_date_funding) = budgets(self.s, d.to_date, prices)?;
        let rest = after(self.o.as_of)
            .filter(|a| *a <= d.range.to)
            .map(|a| DateRange::new(a.max(d.range.from), d.range.to));
        let make = |budget: Vec<Rational>,
                    to_date: Vec<Rational>,
                    actual: Vec<Rational>,
                    place: &dyn Fn(usize) -> Place|
         -> Checked<Figures> {
            let mut money = Vec::with_capacity(budget.len());
            let mut has_rate = Vec::with_capacity(budget.len());
            for i in 0..budget.len() {
                let remaining = sub(add(actual[i], budget[i])?, to_date[i])?;
                let run = running(self.s, place(i));
                let elapsed = run.map(|r| months(r, d.to_date)).unwrap_or_default();
                let ahead = run.map(|r| months(r, rest)).unwrap_or_default();
                let rated = elapsed > Rational::from_integer(0);
                let rate = if rated {
                    add(actual[i], mul(per_month(actual[i], elapsed)?, ahead)?)?
                } else {
                    remaining
                };
                has_rate.push(rated);
                money.push(Money {
                    budget: budget[i],
                    to_date: to_date[i],
                    actual: actual[i],
                    remaining,
                    rate,
                });
            }
            Figures::new(money, has_rate)
        };
        let (actual_items, actual_funding) = self.actuals(d.to_date)?;
        let items = make(budget_items, to_date_items, actual_items, &Place::Item)?;
        let funding = make(
            budget_funding,
            to_date_funding,
            actual_funding,
            &Place::Funding,
        )?;
        Ok((items, funding))
    }

    /// Each funder's part of the items' figures, by the items' shares.
    fn funders(&self, items: &Figures) -> Checked<Figures> {
        let n = self.s.funders.len();
        let mut money = vec![Money::default(); n];
        for (i, m) in items.money.iter().enumerate() {
            for (f, share) in &paid_by(self.s, i).0 {
                let part = |x: Rational| mul(x, share.rational());
                let into = &mut money[*f];
                into.budget = add(into.budget, part(m.budget)?)?;
                into.to_date = add(into.to_date, part(m.to_date)?)?;
                into.actual = add(into.actual, part(m.actual)?)?;
                into.remaining = add(into.remaining, part(m.remaining)?)?;
                into.rate = add(into.rate, part(m.rate)?)?;
            }
        }
        Figures::new(money, vec![true; n])
    }

    /// The three tables of a scope (cost, funding, funders) with their grids.
    fn scope(&mut self, d: Days) -> Result<ScopeHead, ComputeError> {
        let (items, funding) = self.figures(d)?;
        let funders = self.funders(&items)?;
        let s = self.s;
        let explanation = |id: &str| {
            self.bookings
                .config
                .explanations
                .iter()
                .find(|(x, _)| x == id)
                .map(|(_, t)| t.clone())
        };
        let item_rows: Vec<(String, String, &'static str)> = s
            .posts
            .iter()
            .map(|p| (p.id.clone(), p.title.clone(), "post"))
            .chain(
                s.costs
                    .iter()
                    .map(|c| (c.id.clone(), c.name.clone(), "cost")),
            )
            .collect();
        let funding_rows: Vec<(String, String, &'static str)> = s
            .funding
            .iter()
            .map(|f| (f.id.clone(), f.name.clone(), "funding"))
            .collect();
        let funder_rows: Vec<(String, String, &'static str)> = s
            .funders
            .iter()
            .map(|f| (f.id.clone(), f.name.clone(), "funder"))
            .collect();
        let mut parts = Vec::new();
        for (rows, figures, heads) in [
            (StatusRows::Cost, &items, item_rows),
            (StatusRows::Funding, &funding, funding_rows),
            (StatusRows::Funders, &funders, funder_rows),
        ] {
            let facts: Vec<RowFacts> = heads
                .into_iter()
                .enumerate()
                .map(|(i, (id, name, kind))| RowFacts {
                    shown: figures.shown(i),
                    material: figures.material(&self.o.materiality, i),
                    deviation_percent: figures.of(StatusFigure::DeviationPercent, i).is_some(),
                    used_percent: figures.of(StatusFigure::UsedPercent, i).is_some(),
                    method: match (rows, figures.has_rate[i]) {
                        // A funder's forecast is its shares of its entries'.
                        (StatusRows::Funders, _) => "entries",
                        (_, true) => "run-rate",
                        (_, false) => "remaining-budget",
                    },
                    explanation: explanation(&id),
                    id,
                    name,
                    kind,
                })
                .collect();
            self.part(d, rows, figures, &facts);
            parts.push((rows, facts));
        }
        Ok(ScopeHead {
            scope: d.scope,
            start: d.range.from,
            end: d.range.to,
            parts,
        })
    }

    /// The grids of one kind of rows over one scope, and its table.
    fn part(&mut self, d: Days, rows: StatusRows, figures: &Figures, facts: &[RowFacts]) {
        let heads: Vec<RowHead> = facts.iter().map(|f| RowHead::new(&f.id, &f.name)).collect();
        let id = |figure| {
            GridId::of(What::Status(StatusGrid {
                scope: d.scope,
                rows,
                figure,
            }))
        };
        let mut at = Vec::new();
        for figure in StatusFigure::ALL {
            let zero = Rational::from_integer(0);
            let cells: Vec<Vec<Rational>> = (0..facts.len())
                .map(|i| vec![figures.of(figure, i).unwrap_or(zero)])
                .collect();
            let grid = if figure.is_percent() {
                Grid {
                    column_totals: Some(vec![figures.total(figure).unwrap_or(zero)]),
                    ..Grid::plain(
                        id(figure),
                        Measure::Percent,
                        Rule::Nearest,
                        heads.clone(),
                        vec![Column::single()],
                        cells,
                    )
                }
            } else {
                let rule = match rows {
                    StatusRows::Funders => Rule::Under(GridId::of(What::Status(StatusGrid {
                        scope: d.scope,
                        rows: StatusRows::Cost,
                        figure,
                    }))),
                    _ => Rule::AddsUp,
                };
                // Its total is the one summed, checked, with the figures.
                let total = figures.total(figure).unwrap_or(zero);
                Grid {
                    row_totals: Some(cells.iter().map(|r| r[0]).collect()),
                    column_totals: Some(vec![total]),
                    total: Some(total),
                    ..Grid::plain(
                        id(figure),
                        Measure::Money,
                        rule,
                        heads.clone(),
                        vec![Column::single()],
                        cells,
                    )
                }
            };
            at.push(At(self.grids.len()));
            self.grids.push(grid);
        }
        self.identities.push(Identity::Difference {
            result: id(StatusFigure::Deviation),
            plus: id(StatusFigure::Actual),
            minus: id(StatusFigure::BudgetToDate),
        });
        let total = figures_total_defined(figures);
        self.blocks
            .push(Block::Table(self.table(d, rows, &at, facts, total)));
    }

    /// A scope's table of one kind of rows: the rows shown, then the total.
    fn table(
        &self,
        d: Days,
        rows: StatusRows,
        at: &[At],
        facts: &[RowFacts],
        total: [bool; 2],
    ) -> Table<Fig> {
        use StatusTerm as S;
        let year = d.scope == Scope::Year;
        let (what, first, actual, used, total_label) = match rows {
            StatusRows::Cost => (S::Cost, S::Entry, S::Actual, S::UsedPercent, S::TotalCost),
            StatusRows::Funding => (
                S::Funding,
                S::FundingEntry,
                S::Received,
                S::ReceivedPercent,
                S::TotalFunding,
            ),
            StatusRows::Funders => (
                S::Funders,
                S::Entry,
                S::Actual,
                S::UsedPercent,
                S::TotalCost,
            ),
        };
        let first = if rows == StatusRows::Funders {
            Text::Term(Term::Funder)
        } else {
            Text::Term(Term::Status(first))
        };
        let flags = self.o.materiality.is_set();
        let explained = facts.iter().any(|f| f.shown && f.explanation.is_some());
        let t = |x: S| Text::Term(Term::Status(x));
        let mut head = vec![
            first,
            t(if year {
                S::AnnualBudget
            } else {
                S::WindowBudget
            }),
            t(S::BudgetToDate),
            t(actual),
            t(S::Deviation),
            t(S::DeviationPercent),
            t(used),
            // Money received is forecast from what has come in, not from spending.
            t(match (year, rows == StatusRows::Funding) {
                (true, false) => S::YearForecastRemaining,
                (false, false) => S::WindowForecastRemaining,
                (true, true) => S::YearReceivedRemaining,
                (false, true) => S::WindowReceivedRemaining,
            }),
            t(if year {
                S::YearForecastRunRate
            } else {
                S::WindowForecastRunRate
            }),
        ];
        if flags {
            head.push(t(S::Material));
        }
        if explained {
            head.push(t(S::Explanation));
        }
        // Figure columns 1..=8, in the order of `StatusFigure::ALL`.
        let deviation = Calc::ColumnDiff { plus: 3, minus: 2 };
        let shown: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].shown).collect();
        let mut table_rows: Vec<Row<Fig>> = shown
            .iter()
            .map(|&i| {
                let f = &facts[i];
                let mut cells = vec![Cell::text(f.name.as_str())];
                for (k, figure) in StatusFigure::ALL.iter().enumerate() {
                    let defined = match figure {
                        StatusFigure::DeviationPercent => f.deviation_percent,
                        StatusFigure::UsedPercent => f.used_percent,
                        _ => true,
                    };
                    cells.push(match (defined, figure) {
                        (false, _) => Cell::Text(t(S::NotApplicable)),
                        (true, StatusFigure::Deviation) => Cell::calc(at[k].cell(i, 0), deviation),
                        (true, _) => Cell::figure(at[k].cell(i, 0)),
                    });
                }
                if flags {
                    cells.push(if f.material {
                        Cell::Text(t(S::Yes))
                    } else {
                        Cell::Blank
                    });
                }
                if explained {
                    cells.push(match &f.explanation {
                        Some(x) => Cell::text(x.as_str()),
                        None => Cell::Blank,
                    });
                }
                Row::new(cells)
            })
            .collect();
        if !shown.is_empty() {
            let m = shown.len();
            let sum = Calc::SumColumn { from: 0, to: m };
            let mut cells = vec![Cell::Text(t(total_label))];
            for (k, figure) in StatusFigure::ALL.iter().enumerate() {
                cells.push(match figure {
                    StatusFigure::DeviationPercent if !total[0] => Cell::Text(t(S::NotApplicable)),
                    StatusFigure::UsedPercent if !total[1] => Cell::Text(t(S::NotApplicable)),
                    f if f.is_percent() => Cell::figure(at[k].column_total(0)),
                    _ => Cell::calc(at[k].column_total(0), sum),
                });
            }
            cells.extend((0..usize::from(flags) + usize::from(explained)).map(|_| Cell::Blank));
            table_rows.push(Row::total(cells));
        }
        Table {
            title: Text::WithUnit(
                Box::new(Text::Status(StatusText::Scope {
                    what,
                    scope: d.scope,
                    from: d.range.from,
                    to: d.range.to,
                })),
                None,
            ),
            name: Text::Status(StatusText::Short {
                what,
                year: year.then_some(d.range.from.year()),
            }),
            head,
            rows: table_rows,
            rounding_note: false,
        }
    }

    /// Cost per month of the year followed up: budget, actuals, forecast; the name of its
    /// table, for the chart.
    fn monthly(&mut self, d: Days) -> Result<Text, ComputeError> {
        let s = self.s;
        let prices = self.o.prices;
        let zero = Rational::from_integer(0);
        let cut = s.within(d.range);
        let full = project_in(&cut, By::Month, prices)?;
        let to_date_cut = d.to_date.map(|r| s.within(r));
        let to_date = match &to_date_cut {
            Some(cut) => Some((cut, project_in(cut, By::Month, prices)?)),
            None => None,
        };
        let periods: Vec<&crate::engine::Figures> = full.periods.iter().collect();
        let columns = super::scenario::columns(&full);
        let in_full = kept(s.item_ids(), cut.item_ids());
        let in_to_date = to_date_cut
            .as_ref()
            .map(|c| kept(s.item_ids(), c.item_ids()))
            .unwrap_or_default();
        let item_in =
            |places: &[Option<usize>], p: &crate::engine::Projection, k: usize, i: usize| {
                places
                    .get(i)
                    .copied()
                    .flatten()
                    .map_or(zero, |j| p.scale.exact(p.periods[k].items.get(j)))
            };
        let mut budget = Vec::new();
        let mut actual = Vec::new();
        let mut forecast = Vec::new();
        let (items, _) = self.figures(d)?;
        let rest = after(self.o.as_of)
            .filter(|a| *a <= d.range.to)
            .map(|a| DateRange::new(a.max(d.range.from), d.range.to));
        // Each item's running days and actuals per month so far, where it has a rate.
        let rates: Vec<Option<(DateRange, Rational)>> = (0..s.item_count())
            .map(|i| {
                running(s, Place::Item(i))
                    .filter(|_| items.has_rate[i])
                    .map(|run| {
                        let elapsed = months(run, d.to_date);
                        Ok((run, per_month(items.money[i].actual, elapsed)?))
                    })
                    .transpose()
            })
            .collect::<Checked<Vec<_>>>()?;
        for (k, m) in periods.iter().enumerate() {
            let month = DateRange::new(m.period.start, m.period.end);
            budget.push(full.scale.exact(m.cost()));
            let booked = sum(self
                .bookings
                .rows
                .iter()
                .filter(|r| month.contains(r.date) && d.to_date.is_some_and(|t| t.contains(r.date)))
                .filter(|r| matches!(r.to, To::Entry(Place::Item(_))))
                .map(|r| self.money(r.amount)))?;
            actual.push(booked);
            let mut ahead = booked;
            // The same month of the days to the as-of date, if it has any.
            let due_month = to_date.as_ref().and_then(|(_, p)| {
                p.periods
                    .iter()
                    .position(|x| x.period.key == m.period.key)
                    .map(|j| (p, j))
            });
            for (i, rate) in rates.iter().enumerate() {
                match rate {
                    Some((run, per_month)) => {
                        let left = months(*run, rest.and_then(|r| r.intersect(month)));
                        ahead = add(ahead, mul(*per_month, left)?)?;
                    }
                    None => {
                        let planned = item_in(&in_full, &full, k, i);
                        let due = due_month.map_or(zero, |(p, j)| item_in(&in_to_date, p, j, i));
                        ahead = add(ahead, sub(planned, due)?)?;
                    }
                }
            }
            forecast.push(ahead);
        }
        let heads = [StatusTerm::Budget, StatusTerm::Actual, StatusTerm::Forecast];
        let mut at = Vec::new();
        for (k, values) in [budget, actual, forecast].into_iter().enumerate() {
            at.push(At(self.grids.len()));
            // Its totals summed here, checked: one row, so each month is a column's total.
            let total = sum(values.iter().copied())?;
            self.grids.push(Grid {
                row_totals: Some(vec![total]),
                column_totals: Some(values.clone()),
                total: Some(total),
                ..Grid::plain(
                    GridId::of(What::StatusMonthly(k as u8)),
                    Measure::Money,
                    Rule::AddsUp,
                    vec![RowHead::new(["budget", "actual", "forecast"][k], "")],
                    columns.clone(),
                    vec![values],
                )
            });
        }
        let n = columns.len();
        let rows = heads
            .iter()
            .zip(&at)
            .map(|(h, g)| {
                let mut cells = vec![Cell::Text(Text::Term(Term::Status(*h)))];
                cells.extend((0..n).map(|j| Cell::figure(g.cell(0, j))));
                cells.push(Cell::calc(
                    g.row_total(0),
                    Calc::SumRow { from: 1, to: n + 1 },
                ));
                Row::new(cells)
            })
            .collect();
        let mut head = vec![Text::Term(Term::Period)];
        head.extend(columns.iter().map(|c| Text::Period(c.key)));
        head.push(Text::Term(Term::Total));
        let name = Text::Status(StatusText::Short {
            what: StatusTerm::Monthly,
            year: Some(d.range.from.year()),
        });
        self.blocks.push(Block::Table(Table {
            title: monthly_title(d),
            name: name.clone(),
            head,
            rows,
            rounding_note: false,
        }));
        Ok(name)
    }

    /// Budget, actuals and forecast per month of the year, side by side.
    fn chart(&self, d: Days, after: Text) -> Chart<Fig> {
        let at = |k: u8| {
            At(self
                .grids
                .iter()
                .position(|g| g.id == GridId::of(What::StatusMonthly(k)))
                .unwrap_or(0))
        };
        let zero = Fig::nearest(Rational::from_integer(0), Measure::Money);
        let columns = self.grids[at(0).0].columns.clone();
        let letters = [
            StatusTerm::Budget,
            StatusTerm::Actual,
            StatusTerm::ForecastShort,
        ];
        Chart {
            title: monthly_title(d),
            after,
            series: letters
                .iter()
                .map(|t| Text::Term(Term::Status(*t)))
                .collect(),
            groups: columns
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let bars = (0..3u8)
                        .map(|k| Bar {
                            label: Text::Plain(String::new()),
                            values: (0..3u8)
                                .map(|s| if s == k { at(k).cell(0, j) } else { zero })
                                .collect(),
                        })
                        .collect();
                    (Text::Period(c.key), bars)
                })
                .collect(),
        }
    }

    /// Each funder's cumulative balance at each year's end: as budgeted, and re-forecast with
    /// the actuals from the follow-up's start to the as-of date in place of the budget of those
    /// days; what residual funders must still find, and where others fall short.
    fn cumulative(&mut self, follow: DateRange) -> Result<(), ComputeError> {
        let s = self.s;
        let o = self.o;
        let zero = Rational::from_integer(0);
        let plan = project_in(s, By::Year, o.prices)?;
        let known = DateRange::new(follow.from, o.as_of.min(follow.to));
        let cut = s.within(known);
        let budgeted = project_in(&cut, By::Month, o.prices)?;
        let n = s.funders.len();
        // Each booking's effect on each funder's balance, with its date.
        let mut effects: Vec<(Date, usize, Rational)> = Vec::new();
        for r in self.bookings.rows.iter().filter(|r| known.contains(r.date)) {
            match r.to {
                To::Entry(Place::Item(i)) => {
                    for (f, share) in &paid_by(s, i).0 {
                        let part = mul(self.money(r.amount), share.rational())?;
                        effects.push((r.date, *f, -part));
                    }
                }
                To::Entry(Place::Funding(i)) => {
                    let received = self.money(self.bookings.received(r.amount));
                    effects.push((r.date, s.funding[i].funder, received));
                }
                _ => {}
            }
        }
        let mut planned = vec![Vec::new(); n];
        let mut again = vec![Vec::new(); n];
        for period in &plan.periods {
            let end = period.period.end;
            for f in 0..n {
                let p = plan.scale.exact(period.cumulative_by_funder[f]);
                let budget_known = sum(budgeted
                    .periods
                    .iter()
                    .filter(|m| m.period.end <= end)
                    .map(|m| {
                        budgeted
                            .scale
                            .exact(m.funding_by_funder[f] - m.cost_by_funder[f])
                    }))?;
                let actual_known = sum(effects
                    .iter()
                    .filter(|(d, g, _)| *d <= end && *g == f)
                    .map(|(_, _, v)| *v))?;
                planned[f].push(p);
                again[f].push(add(sub(p, budget_known)?, actual_known)?);
            }
        }
        let columns = super::scenario::columns(&plan);
        let heads: Vec<RowHead> = s
            .funders
            .iter()
            .map(|f| RowHead::new(&f.id, &f.name))
            .collect();
        let mut at = Vec::new();
        for (k, cells) in [planned.clone(), again.clone()].into_iter().enumerate() {
            at.push(At(self.grids.len()));
            self.grids.push(Grid::plain(
                GridId::of(What::StatusCumulative(k == 1)),
                Measure::Money,
                Rule::Nearest,
                heads.clone(),
                columns.clone(),
                cells,
            ));
        }
        let mut rows = Vec::new();
        for (f, funder) in s.funders.iter().enumerate() {
            // A funder with nothing at any year's end either way says nothing here.
            if planned[f].iter().chain(&again[f]).all(|v| *v == zero) {
                continue;
            }
            for (k, g) in at.iter().enumerate() {
                let mut cells = vec![Cell::Text(Text::Status(StatusText::FunderRow {
                    name: funder.name.clone(),
                    reforecast: k == 1,
                }))];
                cells.extend((0..columns.len()).map(|j| Cell::figure(g.cell(f, j))));
                rows.push(Row::new(cells));
            }
        }
        let mut head = vec![Text::Term(Term::Funder)];
        head.extend(columns.iter().map(|c| Text::Period(c.key)));
        self.blocks.push(Block::Table(Table {
            title: Text::Titled(Term::Status(StatusTerm::Cumulative), None),
            name: Text::Status(StatusText::Short {
                what: StatusTerm::Cumulative,
                year: None,
            }),
            head,
            rows,
            rounding_note: false,
        }));
        // What residual funders must find by the end, both ways: amounts that must be enough.
        let residual: Vec<usize> = (0..n).filter(|&f| s.funders[f].residual).collect();
        let last = columns.len().saturating_sub(1);
        let gap = |v: Rational| if v < zero { -v } else { zero };
        let mut must = Vec::new();
        for (k, table) in [&planned, &again].into_iter().enumerate() {
            must.push(At(self.grids.len()));
            self.grids.push(Grid::list(
                GridId::of(What::StatusMustFind(k == 1)),
                Measure::Money,
                Rule::Up,
                residual.iter().map(|&f| heads[f].clone()).collect(),
                residual.iter().map(|&f| gap(table[f][last])).collect(),
            ));
        }
        for (row, &f) in residual.iter().enumerate() {
            if again[f][last] < zero || planned[f][last] < zero {
                self.blocks.push(Block::Sentence(Sentence::StillToFind {
                    funder: s.funders[f].name.clone(),
                    now: must[1].cell(row, 0),
                    plan: must[0].cell(row, 0),
                    by: s.window.to,
                    as_of: o.as_of,
                }));
            }
        }
        for (f, funder) in s.funders.iter().enumerate() {
            if funder.residual {
                continue;
            }
            let ends: Vec<Shortfall<Fig>> = plan
                .periods
                .iter()
                .enumerate()
                .filter(|(j, _)| again[f][*j] < zero)
                .map(|(j, p)| Shortfall {
                    amount: Fig::Own {
                        value: -again[f][j],
                        measure: Measure::Money,
                        rule: Rule::Up,
                    },
                    period: p.period.key,
                    end: p.period.end,
                })
                .collect();
            if !ends.is_empty() {
                self.blocks.push(Block::Sentence(Sentence::Shortfalls {
                    funder: funder.name.clone(),
                    ends,
                }));
            }
        }
        Ok(())
    }

    /// Every booking accounted for, and those not allocated one by one.
    fn bookings(&mut self) -> ([usize; 4], Vec<UnallocatedHead>) {
        use StatusTerm as S;
        let b = self.bookings;
        let zero = Rational::from_integer(0);
        let mut counts = [0usize; 4];
        let mut sums = [zero; 4];
        let mut unallocated = Vec::new();
        let mut amounts = Vec::new();
        for r in &b.rows {
            let k = match r.to {
                To::Entry(_) if r.date <= self.o.as_of => 0,
                To::Entry(_) => 1,
                To::Unallocated { .. } => 2,
                To::Unmapped => 3,
            };
            counts[k] += 1;
            sums[k] += self.money(r.amount);
            if k >= 2 {
                unallocated.push(UnallocatedHead {
                    file: b.files[r.file].path.display().to_string(),
                    line: r.line,
                    date: r.date,
                    account: r.account.clone(),
                    text: r.text.clone(),
                    voucher: r.voucher.clone(),
                    reason: b.reason(r).map(str::to_string),
                });
                amounts.push(self.money(r.amount));
            }
        }
        let ids = ["to_entries", "after_as_of", "unallocated", "unmapped"];
        let labels = [S::ToEntries, S::AfterAsOf, S::Unallocated, S::Unmapped];
        let g = At(self.grids.len());
        self.grids.push(Grid::sums(
            GridId::of(What::StatusBookings),
            Measure::Money,
            Rule::AddsUp,
            ids.iter().map(|id| RowHead::new(*id, "")).collect(),
            vec![Column::single()],
            sums.iter().map(|v| vec![*v]).collect(),
        ));
        let count = |n: usize| Cell::Text(Text::Number(Rational::from_integer(n as i128)));
        let t = |x: S| Text::Term(Term::Status(x));
        let shown: Vec<usize> = (0..4).filter(|&k| counts[k] > 0 || k == 0).collect();
        let mut rows: Vec<Row<Fig>> = shown
            .iter()
            .map(|&k| {
                Row::new(vec![
                    Cell::Text(t(labels[k])),
                    count(counts[k]),
                    Cell::figure(g.cell(k, 0)),
                ])
            })
            .collect();
        rows.push(Row::total(vec![
            Cell::Text(t(S::FileTotal)),
            count(counts.iter().sum()),
            Cell::calc(
                g.column_total(0),
                Calc::SumColumn {
                    from: 0,
                    to: shown.len(),
                },
            ),
        ]));
        self.blocks.push(Block::Table(Table {
            title: Text::Titled(Term::Status(S::Bookings), None),
            name: Text::Status(StatusText::Short {
                what: S::Bookings,
                year: None,
            }),
            head: vec![
                Text::Term(Term::What),
                t(S::Count),
                Text::WithUnit(Box::new(t(S::Amount)), None),
            ],
            rows,
            rounding_note: false,
        }));
        if unallocated.is_empty() {
            return (counts, unallocated);
        }
        let u = At(self.grids.len());
        self.grids.push(Grid::sums(
            GridId::of(What::StatusUnallocated),
            Measure::Money,
            Rule::AddsUp,
            unallocated
                .iter()
                .map(|x| RowHead::new(format!("{}:{}", x.file, x.line), x.text.as_str()))
                .collect(),
            vec![Column::single()],
            amounts.iter().map(|a| vec![*a]).collect(),
        ));
        let mut rows: Vec<Row<Fig>> = unallocated
            .iter()
            .enumerate()
            .map(|(i, x)| {
                Row::new(vec![
                    Cell::text(format!("{}:{}", x.file, x.line)),
                    Cell::Text(Text::Date(x.date)),
                    Cell::text(x.account.as_str()),
                    Cell::text(x.text.as_str()),
                    match &x.reason {
                        Some(r) => Cell::text(r.as_str()),
                        None => Cell::Text(t(S::NoRule)),
                    },
                    Cell::figure(u.cell(i, 0)),
                ])
            })
            .collect();
        let n = unallocated.len();
        rows.push(Row::total(vec![
            Cell::Text(Text::Term(Term::Total)),
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            Cell::calc(u.column_total(0), Calc::SumColumn { from: 0, to: n }),
        ]));
        self.blocks.push(Block::Table(Table {
            title: Text::Titled(Term::Status(S::UnallocatedBookings), None),
            name: Text::Status(StatusText::Short {
                what: S::UnallocatedBookings,
                year: None,
            }),
            head: vec![
                t(S::Place),
                t(S::Date),
                t(S::Account),
                t(S::Text),
                t(S::Reason),
                Text::WithUnit(Box::new(t(S::Amount)), None),
            ],
            rows,
            rounding_note: false,
        }));
        (counts, unallocated)
    }
}

/// The title of the cost per month of the year followed up (its table and its chart).
fn monthly_title(d: Days) -> Text {
    Text::WithUnit(
        Box::new(Text::Status(StatusText::Scope {
            what: StatusTerm::Monthly,
            scope: Scope::Year,
            from: d.range.from,
            to: d.range.to,
        })),
        None,
    )
}

/// Whether the total row's percentages have a base: [deviation %, used %].
fn figures_total_defined(f: &Figures) -> [bool; 2] {
    [
        f.total(StatusFigure::DeviationPercent).is_some(),
        f.total(StatusFigure::UsedPercent).is_some(),
    ]
}
