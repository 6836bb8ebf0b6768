//! The projection: every figure of a scenario per period, exactly. Pure computation, no I/O.
//!
//! All amounts are integers counted in units of `1/D` krone, where the [`Scale`] `D` is chosen
//! per computation so that every monthly accrual, day-prorated part month and funder share is
//! a whole number of units. Sums are then plain integer sums: exact, and fast. Figures become
//! decimals only when they are shown, rounded half away from zero.

use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use jiff::civil::Date;
use num_integer::Integer;
use num_rational::Ratio;

use crate::model::{DateRange, Flow, Index, PaidBy, Scenario};
use crate::num::{Rational, round_div};
use crate::period::{By, Calendar, Month, Period, PeriodKey};

pub mod trace;
mod wide;

/// `lcm(12 × d)` for every month length `d` of 28–31 days: one twelfth of a year, prorated by
/// the day, is a whole number of units when the scale is a multiple of this.
const MONTH_DENOMINATOR: i128 = 4_530_960;

/// Below this many post-months a scenario's posts are projected on one thread.
const PARALLEL_POST_MONTHS: usize = 1 << 18;

/// Whether indexed amounts rise with their index (current prices, løbende priser) or stay in
/// the base year's prices (fixed prices, faste priser). Without an indexation both are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Prices {
    #[default]
    Current,
    Fixed,
}

impl Prices {
    pub fn name(self) -> &'static str {
        match self {
            Prices::Current => "current",
            Prices::Fixed => "fixed",
        }
    }
}

/// The levels of one index over a window, in current prices: the level in force from the rise
/// of each year (and the year before the window) until the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Levels {
    /// The year of `levels[0]`: the year before the window's first.
    first_year: i16,
    levels: Vec<Rational>,
    effective: (i8, i8),
}

impl Levels {
    /// The levels of `index` over `window`, or `None` in fixed prices or without indexation.
    pub fn new(s: &Scenario, index: Index, prices: Prices) -> Result<Option<Levels>, ComputeError> {
        let (Some(ix), Prices::Current) = (&s.indexation, prices) else {
            return Ok(None);
        };
        let first_year = s.window.from.year() - 1;
        // Each year's level from the year before's, one rise at a time: working each out from
        // the base year took time quadratic in the years (2024–9999: 7.4 s).
        let levels = ix
            .levels(index, first_year, s.window.to.year())
            .ok_or_else(|| ComputeError::TooFine {
                file: s.file.display().to_string(),
            })?;
        Ok(Some(Levels {
            first_year,
            levels,
            effective: ix.effective,
        }))
    }

    /// Index into `levels` of the level in force on `date`.
    fn at(&self, date: jiff::civil::Date) -> usize {
        let starts_new = (date.month(), date.day()) >= self.effective;
        let year = if starts_new {
            date.year()
        } else {
            date.year() - 1
        };
        (year - self.first_year) as usize
    }

    /// The parts of `range` within `month` at each level: (days, index into `levels`).
    fn segments(&self, month: &Month, range: DateRange) -> [(i64, usize); 2] {
        let from = range.from.max(month.first);
        let to = range.to.min(month.last);
        if from > to {
            return [(0, 0), (0, 0)];
        }
        let (m, d) = self.effective;
        if month.month == m && d > from.day() && d <= to.day() {
            // The rise takes effect within the covered days.
            let before = i64::from(d - from.day());
            let after = i64::from(to.day() - d) + 1;
            [(before, self.at(from)), (after, self.at(to))]
        } else {
            [
                (i64::from(to.day() - from.day()) + 1, self.at(from)),
                (0, 0),
            ]
        }
    }

    /// Every level's denominator, for the scale.
    fn denominators(&self) -> impl Iterator<Item = i128> + '_ {
        self.levels.iter().map(|l| *l.denom())
    }

    /// The highest level, rounded up: a bound on how much an amount can grow.
    fn ceiling(&self) -> i128 {
        self.levels
            .iter()
            .map(|l| l.ceil().to_integer())
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// The levels a scenario's flows follow: wages (posts, funding indexed by wages) and prices
/// (other costs, funding indexed by prices).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Indexing {
    pub wages: Option<Levels>,
    pub prices: Option<Levels>,
}

impl Indexing {
    pub fn new(s: &Scenario, prices: Prices) -> Result<Indexing, ComputeError> {
        Ok(Indexing {
            wages: Levels::new(s, Index::Wages, prices)?,
            prices: Levels::new(s, Index::Prices, prices)?,
        })
    }

    fn of(&self, index: Option<Index>) -> Option<&Levels> {
        match index? {
            Index::Wages => self.wages.as_ref(),
            Index::Prices => self.prices.as_ref(),
        }
    }
}

/// Why a scenario cannot be computed exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComputeError {
    #[error(
        "{file}: the FTE, shares and amounts use fractions too fine to compute exactly together; use fewer decimals or simpler fractions"
    )]
    TooFine { file: String },
    #[error(
        "{file}: the amounts add up to more than can be computed exactly; use smaller amounts or a shorter window"
    )]
    TooLarge { file: String },
    /// A scenario computed by the wide path, whose figures cannot be traced month by month.
    #[error(
        "{file}: its fractions are too fine to trace a figure month by month on one exact scale (its figures are exact: they add up groups of entries in arbitrary precision); explain it with simpler fractions"
    )]
    NotTraceable { file: String },
    /// An entry too fine or too large to compute exactly even on its own.
    #[error(
        "{file}: {list} `{id}`: its FTE, amounts and shares are too fine or too large to compute exactly, even on its own; use fewer decimals, simpler fractions or smaller amounts"
    )]
    Entry {
        /// The file it is written in, and where (a byte offset), if it came from a file.
        file: String,
        offset: Option<usize>,
        /// `posts`, `costs` or `funding`.
        list: &'static str,
        id: String,
    },
    /// An allocation key whose shares cannot be computed, or shared out, exactly.
    #[error(
        "{at}: key `{key}`: {what}; give whole weights (such as population counts), decimals or simpler fractions"
    )]
    Key {
        /// `file:line:column` of the key, or the scenario's file.
        at: String,
        key: String,
        what: String,
    },
}

impl ComputeError {
    /// The error as a diagnostic, its message by id ([`crate::msg`]) so that it is said in the
    /// language of the run, about the file (or the key's place) it names.
    pub fn diagnostic(&self) -> crate::diag::Diagnostic {
        use crate::msg::Msg;
        let (at, message) = match self {
            ComputeError::TooFine { file } => (file, Msg::ComputeTooFine),
            ComputeError::TooLarge { file } => (file, Msg::ComputeTooLarge),
            ComputeError::NotTraceable { file } => (file, Msg::ComputeNotTraceable),
            ComputeError::Entry {
                file,
                offset,
                list,
                id,
            } => {
                let id = id.clone();
                let owner = match *list {
                    "posts" => Msg::OwnerPost { id },
                    "costs" => Msg::OwnerCost { id },
                    _ => Msg::OwnerFunding { id },
                };
                let message = Msg::ComputeEntry {
                    owner: owner.boxed(),
                };
                let at = offset.and_then(|offset| place(file, offset));
                return crate::diag::Diagnostic::error(
                    std::path::Path::new(at.as_deref().unwrap_or(file)),
                    message,
                );
            }
            ComputeError::Key { at, key, what } => {
                let what = match what.as_str() {
                    "its members' shares are fractions too fine to share the cost out exactly" => {
                        Msg::KeyTooFineCost
                    }
                    "its groups nest more than 32 deep" => Msg::KeyNestsDeep,
                    other => Msg::Text(other.to_string()),
                };
                let message = Msg::ComputeKey {
                    key: key.clone(),
                    what: what.boxed(),
                };
                (at, message)
            }
        };
        crate::diag::Diagnostic::error(std::path::Path::new(at), message)
    }
}

/// The number of units in one krone, shared by every figure of one computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale(i128);

/// An exact amount of money, in units of `1/D` krone of its [`Scale`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub i128);

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0 + rhs.0)
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, rhs: Amount) {
        self.0 += rhs.0;
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0 - rhs.0)
    }
}

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount(0), Add::add)
    }
}

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

/// The most any one sum may reach, so that differences of sums (balances, and B − A in a
/// comparison) stay far from overflow.
const LIMIT: i128 = i128::MAX / 16;
/// The most kroner any sum may reach: far inside what a `Decimal` holds in øre.
const MAX_KRONER: i128 = 10i128.pow(24);

impl Scale {
    /// A scale on which every figure of `scenarios` is a whole number of units, checked so that
    /// no sum can overflow.
    pub fn for_scenarios(scenarios: &[&Scenario], prices: Prices) -> Result<Scale, ComputeError> {
        let file = || files(scenarios);
        let too_fine = || ComputeError::TooFine { file: file() };
        // Denominators of amounts and FTE (money has at most 2 decimals, so 100 covers it).
        let mut values: i128 = 100;
        // Denominators of shares.
        let mut shares: i128 = 1;
        let lcm = |a: i128, b: i128| -> Option<i128> {
            // Nearly always `b` divides `a` already: no gcd needed.
            if a % b == 0 {
                Some(a)
            } else {
                a.checked_mul(b / a.gcd(&b))
            }
        };
        for s in scenarios {
            for post in &s.posts {
                values = lcm(values, *post.fte.rational().denom()).ok_or_else(too_fine)?;
                values = lcm(values, *post.annual_cost().denom()).ok_or_else(too_fine)?;
                shares = paid_by_denominators(&post.paid_by, shares, lcm).ok_or_else(too_fine)?;
            }
            for cost in &s.costs {
                shares = paid_by_denominators(&cost.paid_by, shares, lcm).ok_or_else(too_fine)?;
            }
        }
        // Price levels multiply amounts: their denominators too.
        let mut levels: i128 = 1;
        let mut indexings = Vec::new();
        for s in scenarios {
            let ix = Indexing::new(s, prices)?;
            for l in ix.wages.iter().chain(ix.prices.iter()) {
                for d in l.denominators() {
                    levels = lcm(levels, d).ok_or_else(too_fine)?;
                }
            }
            indexings.push(ix);
        }
        let d = MONTH_DENOMINATOR
            .checked_mul(values)
            .and_then(|d| d.checked_mul(shares))
            .and_then(|d| d.checked_mul(levels))
            .ok_or_else(too_fine)?;
        let scale = Scale(d);
        for (s, ix) in scenarios.iter().zip(&indexings) {
            let growth = ix
                .wages
                .iter()
                .chain(ix.prices.iter())
                .map(Levels::ceiling)
                .max()
                .unwrap_or(1);
            let bound = scale.bound(s).and_then(|b| b.checked_mul(growth));
            // Both in units and in øre (a `Decimal` holds up to 96 bits) the sums must fit.
            if bound.is_none_or(|b| b > LIMIT || b / scale.0 > MAX_KRONER) {
                return Err(ComputeError::TooLarge { file: file() });
            }
        }
        Ok(scale)
    }

    /// An upper bound, in whole kroner, of every sum of `scenario`'s flows over its window, in
    /// current or fixed prices: no funder's cost in any period can be more.
    pub fn kroner_bound(scenario: &Scenario) -> Option<i128> {
        let Ok(scale) = Scale::for_scenarios(&[scenario], Prices::Current) else {
            // The wide path's: every flow's size in every period, from its exact figures.
            let p = project_in(scenario, By::Month, Prices::Current).ok()?;
            let s = p.scale.0;
            let units = p.periods.iter().try_fold(0i128, |sum, f| {
                f.items
                    .iter()
                    .chain(f.funding.iter().copied())
                    .try_fold(sum, |sum, a| sum.checked_add(a.0.checked_abs()?))
            })?;
            return Some(units / s + 1);
        };
        let ix = Indexing::new(scenario, Prices::Current).ok()?;
        let growth = ix
            .wages
            .iter()
            .chain(ix.prices.iter())
            .map(Levels::ceiling)
            .max()
            .unwrap_or(1);
        let units = scale.bound(scenario)?.checked_mul(growth)?;
        Some(units / scale.0 + 1)
    }

    /// An upper bound, in units, of the sum of every flow of `scenario` over its window.
    fn bound(self, scenario: &Scenario) -> Option<i128> {
        let months = Calendar::new(scenario.window).months.len() as i128;
        // A yearly amount accrues at most `annual / 12` a month.
        let years = months / 12 + 1;
        let flow = |f: &Flow| -> Option<i128> {
            match f {
                Flow::Annual { annual, .. } => self.units(annual.rational())?.checked_mul(years),
                Flow::OneOff { amount, .. } => self.units(amount.rational()),
            }
        };
        // The months a period covers are counted in units too.
        let mut total: i128 = self.0.checked_mul(months)?;
        for post in &scenario.posts {
            total = total.checked_add(self.units(post.annual_cost())?.checked_mul(years)?)?;
            total = total.checked_add(self.units(post.fte.rational())?.checked_mul(months)?)?;
        }
        for f in scenario.funding.iter().map(|f| &f.flow) {
            total = total.checked_add(flow(f)?)?;
        }
        for f in scenario.costs.iter().map(|c| &c.flow) {
            total = total.checked_add(flow(f)?)?;
        }
        Some(total)
    }

    /// `value` in units; `None` if it is not a whole number of units or too large.
    fn units(self, value: Rational) -> Option<i128> {
        let n = value.numer().checked_mul(self.0 / value.denom())?;
        (self.0 % value.denom() == 0).then_some(n)
    }

    /// An amount in øre, rounded half away from zero.
    pub fn ore(self, amount: Amount) -> i128 {
        if amount.0 == 0 {
            // Most cells of a large by-month report: no division needed.
            return 0;
        }
        // The scale is a multiple of 100 (money has øre): one division instead of two.
        if self.0 % 100 == 0 {
            round_div(amount.0, self.0 / 100, 1)
        } else {
            round_div(amount.0, self.0, 100)
        }
    }

    /// How many units make one krone.
    pub fn units_per_krone(self) -> i128 {
        self.0
    }

    /// An amount as an exact rational number of kroner.
    pub fn exact(self, amount: Amount) -> Rational {
        crate::num::ratio(amount.0, self.0)
    }
}

/// `file:line:column` of byte `offset` in `file`, read when a message needs it (the loader
/// keeps no line index: for 100,000 posts, making one took a tenth of the run).
fn place(file: &str, offset: usize) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let before = text.get(..offset)?;
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some(format!("{file}:{line}:{column}"))
}

/// The scenarios' files, for messages: `a.toml, b.toml`.
fn files(scenarios: &[&Scenario]) -> String {
    scenarios
        .iter()
        .map(|s| s.file.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn paid_by_denominators(
    paid_by: &PaidBy,
    acc: i128,
    lcm: impl Fn(i128, i128) -> Option<i128>,
) -> Option<i128> {
    paid_by
        .0
        .iter()
        .try_fold(acc, |acc, (_, share)| lcm(acc, *share.rational().denom()))
}

/// An exact average FTE: post-months over window-months, both in units of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FteSum {
    /// Σ fte × covered days / days in month, in units.
    pub fte: i128,
    /// Σ window days / days in month, in units: how many months the period covers.
    pub months: i128,
}

impl FteSum {
    /// The time-weighted average FTE.
    pub fn average(self) -> Rational {
        if self.months == 0 {
            Ratio::from_integer(0)
        } else {
            Ratio::new(self.fte, self.months)
        }
    }
}

impl Add for FteSum {
    type Output = FteSum;
    fn add(self, rhs: FteSum) -> FteSum {
        FteSum {
            fte: self.fte + rhs.fte,
            months: self.months + rhs.months,
        }
    }
}

/// Each item's cost in one period, in 64 bits each while every one fits (nearly always: a
/// 100,000-post report by month holds 12 million of them, and half the memory is half the
/// time), else in 128.
#[derive(Debug, Clone)]
pub enum Items {
    Narrow(Vec<i64>),
    Wide(Vec<i128>),
}

impl Items {
    pub fn with_capacity(n: usize) -> Items {
        Items::Narrow(Vec::with_capacity(n))
    }

    pub fn len(&self) -> usize {
        match self {
            Items::Narrow(v) => v.len(),
            Items::Wide(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i`'s cost.
    pub fn get(&self, i: usize) -> Amount {
        match self {
            Items::Narrow(v) => Amount(i128::from(v[i])),
            Items::Wide(v) => Amount(v[i]),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Amount> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    pub fn push(&mut self, amount: Amount) {
        if let Items::Narrow(v) = self {
            match i64::try_from(amount.0) {
                Ok(a) => return v.push(a),
                Err(_) => self.widen(),
            }
        }
        if let Items::Wide(v) = self {
            v.push(amount.0);
        }
    }

    /// Adds `amount` to item `i`.
    fn add(&mut self, i: usize, amount: Amount) {
        let sum = self.get(i) + amount;
        if let Items::Narrow(v) = self {
            match i64::try_from(sum.0) {
                Ok(a) => return v[i] = a,
                Err(_) => self.widen(),
            }
        }
        if let Items::Wide(v) = self {
            v[i] = sum.0;
        }
    }

    fn widen(&mut self) {
        if let Items::Narrow(v) = self {
            *self = Items::Wide(v.iter().map(|&a| i128::from(a)).collect());
        }
    }
}

impl FromIterator<Amount> for Items {
    fn from_iter<I: IntoIterator<Item = Amount>>(amounts: I) -> Items {
        let amounts = amounts.into_iter();
        let mut items = Items::with_capacity(amounts.size_hint().0);
        for a in amounts {
            items.push(a);
        }
        items
    }
}

/// The same figures, however wide.
impl PartialEq for Items {
    fn eq(&self, other: &Items) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Items {}

/// Every figure of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub period: Period,
    /// FTE of all posts together.
    pub fte: FteSum,
    /// Cost of each post, then each cost entry, as in `Scenario::item_ids`.
    pub items: Items,
    /// What each funding entry provides.
    pub funding: Vec<Amount>,
    pub cost_by_funder: Vec<Amount>,
    pub funding_by_funder: Vec<Amount>,
    /// Funding − cost from the window's start to the end of this period, by funder.
    pub cumulative_by_funder: Vec<Amount>,
}

impl Figures {
    /// Zeros but for `items`.
    fn with_items(period: Period, scenario: &Scenario, items: Items) -> Self {
        let funders = scenario.funders.len();
        Figures {
            period,
            fte: FteSum::default(),
            items,
            funding: vec![Amount::ZERO; scenario.funding.len()],
            cost_by_funder: vec![Amount::ZERO; funders],
            funding_by_funder: vec![Amount::ZERO; funders],
            cumulative_by_funder: vec![Amount::ZERO; funders],
        }
    }

    pub fn cost(&self) -> Amount {
        self.items.iter().sum()
    }

    /// Funding − cost in this period, by funder.
    pub fn balance_by_funder(&self) -> impl Iterator<Item = Amount> + '_ {
        self.funding_by_funder
            .iter()
            .zip(&self.cost_by_funder)
            .map(|(f, c)| *f - *c)
    }
}

/// The figures of a scenario for each period of one granularity, and in total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub scale: Scale,
    pub by: By,
    /// Current or fixed prices (the same without an indexation).
    pub prices: Prices,
    pub periods: Vec<Figures>,
    pub total: Figures,
}

/// Projects `scenario` by `by` on its own scale, in current prices.
pub fn project(scenario: &Scenario, by: By) -> Result<Projection, ComputeError> {
    project_in(scenario, by, Prices::Current)
}

/// Projects `scenario` by `by` on its own scale, in current or fixed prices.
pub fn project_in(scenario: &Scenario, by: By, prices: Prices) -> Result<Projection, ComputeError> {
    let mut one = project_all(&[scenario], by, prices)?;
    Ok(one.remove(0))
}

/// Projects `scenarios` by `by` on one common scale (to compare them), in current or fixed
/// prices: on [`Scale::for_scenarios`]'s where there is one (nearly always), else by the
/// wide path, which adds up groups of entries in arbitrary precision ([`wide`]).
pub fn project_all(
    scenarios: &[&Scenario],
    by: By,
    prices: Prices,
) -> Result<Vec<Projection>, ComputeError> {
    match Scale::for_scenarios(scenarios, prices) {
        Ok(scale) => scenarios
            .iter()
            .map(|s| project_on(s, by, scale, prices))
            .collect(),
        Err(ComputeError::TooFine { .. } | ComputeError::TooLarge { .. }) => {
            wide::project(scenarios, by, prices, usize::MAX)
        }
        Err(e) => Err(e),
    }
}

/// [`project_all`] by the wide path, whether the fast one could or not, each group of entries
/// at most `most` entries: the tests check that it gives the fast path's figures.
#[doc(hidden)]
pub fn project_wide(
    scenarios: &[&Scenario],
    by: By,
    prices: Prices,
    most: usize,
) -> Result<Vec<Projection>, ComputeError> {
    wide::project(scenarios, by, prices, most)
}

/// Projects `scenario` by `by` on `scale`, which must come from [`Scale::for_scenarios`] with
/// this scenario among them and the same `prices`.
pub fn project_on(
    scenario: &Scenario,
    by: By,
    scale: Scale,
    prices: Prices,
) -> Result<Projection, ComputeError> {
    let post_months = scenario.posts.len() * Calendar::new(scenario.window).months.len();
    let shares = if post_months < PARALLEL_POST_MONTHS {
        1
    } else {
        crate::cores()
    };
    project_shared(scenario, by, scale, prices, shares)
}

/// [`project_on`], the posts in `shares` shares, each on a thread of its own.
fn project_shared(
    scenario: &Scenario,
    by: By,
    scale: Scale,
    prices: Prices,
    shares: usize,
) -> Result<Projection, ComputeError> {
    let indexing = Indexing::new(scenario, prices)?;
    let calendar = Calendar::new(scenario.window);
    let periods = calendar.periods(by);
    let mut period_of = vec![0usize; calendar.months.len()];
    for (p, period) in periods.iter().enumerate() {
        period_of[period.months.clone()].fill(p);
    }
    let units = |r: Rational| scale.units(r).expect("the scale covers every value");
    let at = Months {
        calendar: &calendar,
        period_of: &period_of,
        units: &units,
    };
    let posts = Posts::new(scenario, &indexing, &calendar, &units);
    let (mut figures, post_totals) = posts.project(scenario, &calendar, &periods, scale, shares);
    add_costs(scenario, &indexing, &at, &mut figures);
    add_funding(scenario, &indexing, &at, &mut figures);
    add_cumulative(&mut figures, scenario.funders.len());
    let total = total_of(scenario, &calendar, &figures, post_totals);
    Ok(Projection {
        scale,
        by,
        prices,
        periods: figures,
        total,
    })
}

/// The months of a window, the period each falls in, and amounts in units: what a flow
/// needs to accrue.
struct Months<'a> {
    calendar: &'a Calendar,
    period_of: &'a [usize],
    units: &'a (dyn Fn(Rational) -> i128 + Sync),
}

/// Where a post runs, and what a whole month of it is when no index moves it.
struct Run {
    first: usize,
    last: usize,
    /// A whole month's cost, if the same in every month.
    monthly: Option<i128>,
}

/// What one share of the periods holds: each period's index, its figures with the posts'
/// items, and its costs by pattern; and what the posts cost in them together.
struct Share {
    periods: Vec<(usize, Figures, Vec<Amount>)>,
    posts: Vec<Amount>,
}

/// The posts of a scenario, ready to be projected: posts paid alike are summed first and
/// split between funders once.
struct Posts<'a> {
    /// The distinct ways posts are paid for, and each post's among them (found by hash: a
    /// linear search took 121 s for 100,000 posts with shares of their own).
    patterns: Vec<&'a PaidBy>,
    pattern_of: Vec<usize>,
    annuals: Vec<Annual<'a>>,
    ftes: Vec<i128>,
    runs: Vec<Run>,
    /// Whether each month of the calendar is a whole month of the window.
    whole: Vec<bool>,
}

impl<'a> Posts<'a> {
    fn new(
        scenario: &'a Scenario,
        indexing: &'a Indexing,
        calendar: &Calendar,
        units: &'a (dyn Fn(Rational) -> i128 + Sync),
    ) -> Self {
        let mut patterns: Vec<&PaidBy> = Vec::new();
        let mut pattern_index: std::collections::HashMap<&PaidBy, usize> =
            std::collections::HashMap::new();
        let mut pattern_of = Vec::with_capacity(scenario.posts.len());
        for post in &scenario.posts {
            let k = *pattern_index.entry(&post.paid_by).or_insert_with(|| {
                patterns.push(&post.paid_by);
                patterns.len() - 1
            });
            pattern_of.push(k);
        }
        let mut annuals: Vec<Annual> = scenario
            .posts
            .iter()
            .map(|post| Annual::new(post.annual_cost(), indexing.wages.as_ref(), units))
            .collect();
        let ftes = scenario
            .posts
            .iter()
            .map(|post| units(post.fte.rational()))
            .collect();
        let runs = scenario
            .posts
            .iter()
            .zip(annuals.iter_mut())
            .map(|(post, annual)| {
                let months = calendar.month_range(post.range);
                Run {
                    first: months.start,
                    last: months.end - 1,
                    monthly: annual.levels.is_none().then(|| annual.level(0).1),
                }
            })
            .collect();
        let whole = calendar
            .months
            .iter()
            .map(|m| m.window_days() == i64::from(m.days_in_month))
            .collect();
        Posts {
            patterns,
            pattern_of,
            annuals,
            ftes,
            runs,
            whole,
        }
    }

    /// Every period's figures with the posts' cost, FTE and cost by funder; and each post's
    /// total. The periods are dealt out in turn, a share to a thread: later periods, with
    /// more posts running, are spread as evenly as earlier ones.
    fn project(
        self,
        scenario: &Scenario,
        calendar: &Calendar,
        periods: &[Period],
        scale: Scale,
        shares: usize,
    ) -> (Vec<Figures>, Vec<Amount>) {
        let shares = shares.clamp(1, periods.len().max(1));
        // Each share memoizes its own annual amounts; the first (on this thread) takes these.
        let mut jobs: Vec<_> = (1..shares)
            .map(|k| ((k, shares), self.annuals.clone()))
            .collect();
        jobs.insert(0, ((0, shares), self.annuals.clone()));
        let made = crate::on_threads(jobs, |(turn, annuals)| {
            self.share(scenario, calendar, periods, scale, turn, annuals)
        });
        let mut made_periods = Vec::with_capacity(periods.len());
        let mut post_totals = vec![Amount::ZERO; scenario.posts.len()];
        for share in made {
            made_periods.extend(share.periods);
            add_into(&mut post_totals, &share.posts);
        }
        made_periods.sort_by_key(|(p, _, _)| *p);
        let (mut figures, mut by_pattern) = (Vec::new(), Vec::new());
        for (_, f, sums) in made_periods {
            figures.push(f);
            by_pattern.push(sums);
        }
        for (k, paid_by) in self.patterns.iter().enumerate() {
            let per_period: Vec<Amount> = by_pattern.iter().map(|sums| sums[k]).collect();
            split(paid_by, &per_period, &mut figures, |f| {
                &mut f.cost_by_funder
            });
        }
        (figures, post_totals)
    }

    /// The periods `first`, `first + step`, …: periods outside, posts inside, so that each
    /// period's items are written once, in order, by the thread that made them.
    fn share(
        &self,
        scenario: &Scenario,
        calendar: &Calendar,
        periods: &[Period],
        scale: Scale,
        (first, step): (usize, usize),
        mut annuals: Vec<Annual>,
    ) -> Share {
        let item_count = scenario.item_count();
        let mut share = Share {
            periods: Vec::with_capacity(periods.len().div_ceil(step)),
            posts: vec![Amount::ZERO; self.runs.len()],
        };
        for p in (first..periods.len()).step_by(step) {
            let period = &periods[p];
            let months = period.months.clone();
            let mut sums = vec![Amount::ZERO; self.patterns.len()];
            let mut fte = 0;
            let mut items = Items::with_capacity(item_count);
            for (i, (run, annual)) in self.runs.iter().zip(annuals.iter_mut()).enumerate() {
                let (from, to) = (months.start.max(run.first), months.end.min(run.last + 1));
                if from >= to {
                    // Not running in this period.
                    items.push(Amount::ZERO);
                    continue;
                }
                let mut amount = 0;
                for (m, &whole) in self.whole.iter().enumerate().take(to).skip(from) {
                    // Inside the run, a whole month of the window is a whole month of the post.
                    let (cost, post_fte) = match run.monthly {
                        Some(monthly) if whole && m > run.first && m < run.last => {
                            (monthly, self.ftes[i])
                        }
                        _ => {
                            let month = &calendar.months[m];
                            let range = scenario.posts[i].range;
                            let days = month.covered_days(range);
                            (
                                annual.accrue(month, range, days),
                                prorate(self.ftes[i], month, days),
                            )
                        }
                    };
                    amount += cost;
                    fte += post_fte;
                }
                sums[self.pattern_of[i]] += Amount(amount);
                share.posts[i] += Amount(amount);
                items.push(Amount(amount));
            }
            for _ in self.runs.len()..item_count {
                items.push(Amount::ZERO);
            }
            let mut f = Figures::with_items(period.clone(), scenario, items);
            f.fte = FteSum {
                fte,
                months: calendar.months[months]
                    .iter()
                    .map(|m| scale.0 / i128::from(m.days_in_month) * i128::from(m.window_days()))
                    .sum(),
            };
            share.periods.push((p, f, sums));
        }
        share
    }
}

/// Other costs: each item per period, split between its funders.
fn add_costs(scenario: &Scenario, indexing: &Indexing, at: &Months, figures: &mut [Figures]) {
    let posts = scenario.posts.len();
    let mut per_period = vec![Amount::ZERO; figures.len()];
    for (j, cost) in scenario.costs.iter().enumerate() {
        let levels = indexing.prices.as_ref();
        accrue_flow(&cost.flow, levels, at, &mut per_period);
        for (f, amount) in figures.iter_mut().zip(&per_period) {
            f.items.add(posts + j, *amount);
        }
        split(&cost.paid_by, &per_period, figures, |f| {
            &mut f.cost_by_funder
        });
        per_period.fill(Amount::ZERO);
    }
}

/// Funding: each entry per period, and by funder.
fn add_funding(scenario: &Scenario, indexing: &Indexing, at: &Months, figures: &mut [Figures]) {
    let mut per_period = vec![Amount::ZERO; figures.len()];
    for (k, funding) in scenario.funding.iter().enumerate() {
        let levels = indexing.of(funding.indexed);
        accrue_flow(&funding.flow, levels, at, &mut per_period);
        for (f, amount) in figures.iter_mut().zip(&per_period) {
            f.funding[k] = *amount;
            f.funding_by_funder[funding.funder] += *amount;
        }
        per_period.fill(Amount::ZERO);
    }
}

/// Each funder's balance from the window's start to the end of each period.
fn add_cumulative(figures: &mut [Figures], funders: usize) {
    let mut running = vec![Amount::ZERO; funders];
    for f in figures {
        let balances: Vec<Amount> = f.balance_by_funder().collect();
        for (r, b) in running.iter_mut().zip(balances) {
            *r += b;
        }
        f.cumulative_by_funder.clone_from(&running);
    }
}

/// A yearly amount's units at each price level, worked out once per level it meets.
#[derive(Clone)]
struct Annual<'a> {
    annual: Rational,
    levels: Option<&'a Levels>,
    /// Units a year, and a whole month's, at the base (no index) or at each level.
    at: Vec<Option<(i128, i128)>>,
    units: &'a (dyn Fn(Rational) -> i128 + Sync),
}

impl<'a> Annual<'a> {
    fn new(
        annual: Rational,
        levels: Option<&'a Levels>,
        units: &'a (dyn Fn(Rational) -> i128 + Sync),
    ) -> Self {
        let n = levels.map_or(1, |l| l.levels.len());
        Annual {
            annual,
            levels,
            at: vec![None; n],
            units,
        }
    }

    /// Units a year and a whole month's at level `k`.
    fn level(&mut self, k: usize) -> (i128, i128) {
        if let Some(u) = self.at[k] {
            return u;
        }
        let value = match self.levels {
            Some(l) => self.annual * l.levels[k],
            None => self.annual,
        };
        let yearly = (self.units)(value);
        let u = (yearly, yearly / 12);
        self.at[k] = Some(u);
        u
    }

    /// What the amount accrues over the `days` of `range` within `month`.
    fn accrue(&mut self, month: &Month, range: DateRange, days: i64) -> i128 {
        let [(_, _, a), (_, _, b)] = self.pieces(month, range, days);
        a + b
    }

    /// What the amount accrues over the `days` of `range` within `month`, in at most two
    /// pieces (a rise of the index can take effect within the month): each piece's days, the
    /// index of its level (0 without an index) and its units; an unused piece is all zeros.
    /// The projection sums them ([`Annual::accrue`]); [`trace`] shows them.
    fn pieces(&mut self, month: &Month, range: DateRange, days: i64) -> [(i64, usize, i128); 2] {
        let accrue_at = |(yearly, monthly): (i128, i128), days: i64| {
            if days == i64::from(month.days_in_month) {
                monthly
            } else {
                accrue(yearly, month, days)
            }
        };
        let mut out = [(0, 0, 0); 2];
        match self.levels {
            None => out[0] = (days, 0, accrue_at(self.level(0), days)),
            Some(l) => {
                for (slot, (d, k)) in out.iter_mut().zip(l.segments(month, range)) {
                    if d > 0 {
                        *slot = (d, k, accrue_at(self.level(k), d));
                    }
                }
            }
        }
        out
    }

    /// A one-off on `date`.
    fn once(&mut self, date: jiff::civil::Date) -> i128 {
        self.once_at(date).1
    }

    /// A one-off on `date`: the index of its level (0 without an index) and its units.
    fn once_at(&mut self, date: jiff::civil::Date) -> (usize, i128) {
        let k = self.levels.map_or(0, |l| l.at(date));
        (k, self.level(k).0)
    }
}

/// The sum of every period: the whole window. `posts` is what each post costs in all of them.
fn total_of(
    scenario: &Scenario,
    calendar: &Calendar,
    periods: &[Figures],
    mut posts: Vec<Amount>,
) -> Figures {
    let whole = calendar.periods(By::Total).remove(0);
    posts.resize(scenario.item_count(), Amount::ZERO);
    let mut total = Figures::with_items(whole, scenario, posts.into_iter().collect());
    let others = scenario.posts.len();
    for f in periods {
        total.fte = total.fte + f.fte;
        for i in others..f.items.len() {
            total.items.add(i, f.items.get(i));
        }
        add_into(&mut total.funding, &f.funding);
        add_into(&mut total.cost_by_funder, &f.cost_by_funder);
        add_into(&mut total.funding_by_funder, &f.funding_by_funder);
    }
    if let Some(last) = periods.last() {
        total
            .cumulative_by_funder
            .clone_from(&last.cumulative_by_funder);
    }
    total
}

fn add_into<T: Copy + Add<Output = T>>(acc: &mut [T], xs: &[T]) {
    for (a, x) in acc.iter_mut().zip(xs) {
        *a = *a + *x;
    }
}

/// What a yearly amount of `annual` units accrues over `days` days of `month`.
fn accrue(annual: i128, month: &Month, days: i64) -> i128 {
    let dim = i128::from(month.days_in_month);
    if i128::from(days) == dim {
        annual / 12
    } else {
        annual / (12 * dim) * i128::from(days)
    }
}

/// A monthly rate (FTE) over `days` days of `month`, as a fraction of the month.
fn prorate(rate: i128, month: &Month, days: i64) -> i128 {
    let dim = i128::from(month.days_in_month);
    if i128::from(days) == dim {
        rate
    } else {
        rate / dim * i128::from(days)
    }
}

/// Adds what `flow` accrues in each period to `out`, at the levels given (if indexed).
fn accrue_flow(flow: &Flow, levels: Option<&Levels>, at: &Months, out: &mut [Amount]) {
    let (calendar, period_of, units) = (at.calendar, at.period_of, at.units);
    match flow {
        Flow::Annual { annual, range } => {
            let mut annual = Annual::new(annual.rational(), levels, units);
            for m in calendar.month_range(*range) {
                let month = &calendar.months[m];
                let days = month.covered_days(*range);
                out[period_of[m]] += Amount(annual.accrue(month, *range, days));
            }
        }
        Flow::OneOff { amount, date } => {
            let mut once = Annual::new(amount.rational(), levels, units);
            out[period_of[calendar.month_index(*date)]] += Amount(once.once(*date));
        }
    }
}

/// Splits each period's amount between the funders of `paid_by`, exactly.
fn split(
    paid_by: &PaidBy,
    per_period: &[Amount],
    figures: &mut [Figures],
    target: impl Fn(&mut Figures) -> &mut Vec<Amount>,
) {
    for (f, amount) in figures.iter_mut().zip(per_period) {
        let by_funder = target(f);
        for (funder, share) in &paid_by.0 {
            by_funder[*funder] += share_of(*amount, *share);
        }
    }
}

/// A funder's exact share of an amount.
fn share_of(amount: Amount, share: crate::model::Share) -> Amount {
    let share = share.rational();
    // The scale makes every amount a multiple of every share's denominator.
    Amount(amount.0 / share.denom() * share.numer())
}

/// A non-residual funder whose cumulative balance is negative at the end of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// The funder, by its index in the scenario.
    pub funder: usize,
    pub key: PeriodKey,
    pub end: Date,
    /// How much is missing, exactly (more than 0).
    pub amount: Rational,
}

/// The shortfalls of a projected scenario: every period end where a non-residual funder's
/// cumulative balance is below zero.
pub fn shortfalls(s: &Scenario, p: &Projection) -> Vec<Shortfall> {
    below_zero(s, p, false)
}

/// What residual funders must still find: every period end where a residual funder's
/// cumulative balance is below zero.
pub fn gaps(s: &Scenario, p: &Projection) -> Vec<Shortfall> {
    below_zero(s, p, true)
}

/// Every period end where a funder that is `residual` (or not) is below zero.
fn below_zero(s: &Scenario, p: &Projection, residual: bool) -> Vec<Shortfall> {
    let mut out = Vec::new();
    for (i, funder) in s.funders.iter().enumerate() {
        if funder.residual != residual {
            continue;
        }
        for f in &p.periods {
            let cumulative = f.cumulative_by_funder[i];
            if cumulative.is_negative() {
                out.push(Shortfall {
                    funder: i,
                    key: f.period.key,
                    end: f.period.end,
                    amount: p.scale.exact(-cumulative),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;
    use std::path::Path;

    fn scenario(body: &str) -> Scenario {
        let text = format!("[funders.a]\n[funders.b]\n[funders.c]\n{body}\n");
        match load_str(Path::new("test.toml"), text) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{d}"),
        }
    }

    fn window(start: &str, end: &str) -> String {
        format!("[scenario]\nname = \"t\"\nstart = {start}\nend = {end}\n")
    }

    fn r(n: i128, d: i128) -> Rational {
        Ratio::new(n, d)
    }

    /// (label, exact total cost) of each period.
    fn costs(s: &Scenario, by: By) -> Vec<(String, Rational)> {
        let p = project(s, by).unwrap();
        p.periods
            .iter()
            .map(|f| (f.period.label(), p.scale.exact(f.cost())))
            .collect()
    }

    #[test]
    fn whole_months_are_exact() {
        // 800,000 kr. a year for six whole months is exactly 400,000.00.
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 800_000\nto = 2023-06-30\npaid_by = \"a\"",
            window("2023-01-01", "2023-12-31")
        ));
        let p = project(&s, By::Month).unwrap();
        assert_eq!(p.scale.exact(p.periods[0].cost()), r(200_000, 3));
        assert_eq!(p.scale.exact(p.total.cost()), r(400_000, 1));
        assert_eq!(p.scale.ore(p.total.cost()), 40_000_000);
        assert_eq!(
            costs(&s, By::HalfYear),
            [("2023H1".into(), r(400_000, 1)), ("2023H2".into(), r(0, 1))]
        );
    }

    #[test]
    fn part_months_accrue_by_the_day() {
        // 12,000 a year is 1,000 a month; 16 of January's 31 days accrue 1,000 × 16/31.
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 12_000\nfrom = 2023-01-16\nto = 2023-02-10\npaid_by = \"a\"",
            window("2023-01-01", "2023-12-31")
        ));
        let c = costs(&s, By::Month);
        assert_eq!(c[0], ("2023-01".into(), r(16_000, 31)));
        assert_eq!(c[1], ("2023-02".into(), r(10_000, 28)));
        assert_eq!(c[2].1, r(0, 1));
    }

    #[test]
    fn leap_february_has_29_days() {
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 12_000\nfrom = 2024-02-01\nto = 2024-02-14\npaid_by = \"a\"",
            window("2024-01-01", "2024-12-31")
        ));
        assert_eq!(costs(&s, By::Month)[1], ("2024-02".into(), r(14_000, 29)));
        // The whole of a leap February is one twelfth, like any whole month.
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 12_000\npaid_by = \"a\"",
            window("2024-02-01", "2024-02-29")
        ));
        assert_eq!(costs(&s, By::Total), [("total".into(), r(1_000, 1))]);
    }

    #[test]
    fn the_window_clips_entries() {
        // The window starts 15 March: March counts 17 of 31 days; the post's earlier start and
        // later end are cut off.
        let s = scenario(&format!(
            "{}[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 12_000\nfrom = 2023-01-01\nto = 2023-12-31\npaid_by = \"a\"",
            window("2023-03-15", "2023-04-30")
        ));
        let c = costs(&s, By::Month);
        assert_eq!(
            c,
            [
                ("2023-03".into(), r(17_000, 31)),
                ("2023-04".into(), r(1_000, 1))
            ]
        );
        let p = project(&s, By::Year).unwrap();
        assert_eq!(p.periods[0].period.start.to_string(), "2023-03-15");
        assert_eq!(p.periods[0].period.end.to_string(), "2023-04-30");
        // Present every day of the window: 1 FTE on average, though March is partial.
        assert_eq!(p.total.fte.average(), r(1, 1));
    }

    #[test]
    fn one_offs_fall_in_the_month_of_their_date() {
        let s = scenario(&format!(
            "{}[[funding]]\nid = \"f\"\nfunder = \"b\"\namount = 860_000\ndate = 2023-07-31",
            window("2023-01-01", "2023-12-31")
        ));
        let p = project(&s, By::Month).unwrap();
        let funding: Vec<Rational> = p
            .periods
            .iter()
            .map(|f| p.scale.exact(f.funding_by_funder[1]))
            .collect();
        assert_eq!(funding[6], r(860_000, 1));
        assert_eq!(funding.iter().sum::<Rational>(), r(860_000, 1));
        let p = project(&s, By::HalfYear).unwrap();
        assert_eq!(p.scale.exact(p.periods[0].funding_by_funder[1]), r(0, 1));
        assert_eq!(
            p.scale.exact(p.periods[1].cumulative_by_funder[1]),
            r(860_000, 1)
        );
    }

    #[test]
    fn thirds_conserve_the_whole() {
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 100_000.01\npaid_by = {{ a = \"1/3\", b = \"1/3\", c = \"1/3\" }}",
            window("2023-01-01", "2023-12-31")
        ));
        for by in [By::Month, By::HalfYear, By::Year, By::Total] {
            let p = project(&s, by).unwrap();
            for f in p.periods.iter().chain([&p.total]) {
                let parts: Vec<Rational> =
                    f.cost_by_funder.iter().map(|a| p.scale.exact(*a)).collect();
                assert_eq!(parts[0], parts[1]);
                assert_eq!(parts[1], parts[2]);
                assert_eq!(parts.iter().sum::<Rational>(), p.scale.exact(f.cost()));
            }
            assert_eq!(p.scale.exact(p.total.cost()), r(10_000_001, 100));
            assert_eq!(p.scale.exact(p.total.cost_by_funder[0]), r(10_000_001, 300));
        }
    }

    #[test]
    fn fte_is_a_time_weighted_average() {
        // 1 FTE July–December is 0.50 in the calendar year; 0.5 FTE all year adds 0.50.
        let s = scenario(&format!(
            "{}[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 1\nfrom = 2023-07-01\npaid_by = \"a\"\n\
             [[posts]]\nid = \"q\"\nfte = \"1/2\"\nannual_cost_per_fte = 1\npaid_by = \"a\"",
            window("2023-01-01", "2024-12-31")
        ));
        let p = project(&s, By::Year).unwrap();
        assert_eq!(p.periods[0].fte.average(), r(1, 1));
        assert_eq!(p.periods[1].fte.average(), r(3, 2));
        // Over the whole window: 18 of 24 months at 1 FTE, plus 0.5 throughout.
        assert_eq!(p.total.fte.average(), r(5, 4));
        let p = project(&s, By::HalfYear).unwrap();
        assert_eq!(p.periods[0].fte.average(), r(1, 2));
        assert_eq!(p.periods[1].fte.average(), r(3, 2));
    }

    #[test]
    fn posts_shared_between_threads_give_the_same_figures() {
        let mut text = crate::generate::scenario(301, 4);
        text.push_str("[indexation]\nbase_year = 2024\nwages = { 2025 = 0.04, 2026 = \"3%\" }\n");
        text.push_str("effective = \"04-01\"\n");
        let s = match load_str(Path::new("gen.toml"), text) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{d}"),
        };
        for prices in [Prices::Current, Prices::Fixed] {
            let scale = Scale::for_scenarios(&[&s], prices).unwrap();
            for by in [By::Month, By::HalfYear, By::Total] {
                let one = project_shared(&s, by, scale, prices, 1).unwrap();
                assert!(one.total.fte.fte > 0 && one.total.cost() > Amount::ZERO);
                for shares in [2, 3, 7, 400] {
                    let shared = project_shared(&s, by, scale, prices, shares).unwrap();
                    assert_eq!(shared, one, "{shares} shares");
                }
            }
        }
    }

    #[test]
    fn cumulative_balance_runs_from_the_window_start() {
        let s = scenario(&format!(
            "{}[[costs]]\nid = \"x\"\nannual = 1_200\npaid_by = \"a\"\n\
             [[funding]]\nid = \"f\"\nfunder = \"a\"\namount = 1_000\ndate = 2023-01-01",
            window("2023-01-01", "2023-12-31")
        ));
        let p = project(&s, By::HalfYear).unwrap();
        let cumulative: Vec<Rational> = p
            .periods
            .iter()
            .map(|f| p.scale.exact(f.cumulative_by_funder[0]))
            .collect();
        assert_eq!(cumulative, [r(400, 1), r(-200, 1)]);
        assert_eq!(p.scale.exact(p.total.cumulative_by_funder[0]), r(-200, 1));
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_the_ore() {
        let scale = Scale(300);
        assert_eq!(scale.ore(Amount(1)), 0); // 0.0033…
        assert_eq!(scale.ore(Amount(2)), 1); // 0.0066…
        assert_eq!(Scale(200).ore(Amount(1)), 1); // 0.005 exactly
        assert_eq!(Scale(200).ore(Amount(-1)), -1);
        // The largest sums allowed round without overflow.
        assert_eq!(round_div(LIMIT, 7, 100) / 100, LIMIT / 7);
    }

    #[test]
    fn an_entry_too_fine_alone_is_named_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.toml");
        std::fs::write(&file, "[scenario]\nname = \"x\"\n\n[[posts]]\nid = \"p\"\n").unwrap();
        let error = ComputeError::Entry {
            file: file.display().to_string(),
            offset: Some(23),
            list: "posts",
            id: "p".into(),
        };
        let shown = error
            .diagnostic()
            .one_line(&crate::diag::Sources::default(), crate::i18n::Lang::En);
        assert!(
            shown.contains(&format!("{}:4:1", file.display())),
            "{shown}"
        );
        assert!(
            shown.contains("post `p`: its FTE, amounts and shares are too fine"),
            "{shown}"
        );
    }

    #[test]
    fn figures_beyond_exact_computation_are_refused() {
        // Fractions with large prime denominators make the common scale too fine ...
        let primes = [
            999_983, 999_979, 999_961, 999_959, 999_953, 999_931, 999_917, 999_907,
        ];
        let posts: String = primes
            .iter()
            .enumerate()
            .map(|(i, p)| format!("[[posts]]\nid = \"p{i}\"\nfte = \"1/{p}\"\nannual_cost_per_fte = 1\npaid_by = \"a\"\n"))
            .collect();
        let s = scenario(&format!("{}{posts}", window("2023-01-01", "2023-12-31")));
        assert!(matches!(
            project(&s, By::Year),
            Err(ComputeError::TooFine { .. })
        ));
        // ... while on one fine scale, large amounts no longer fit: the wide path computes
        // them, exactly.
        let s = scenario(&format!(
            "{}[[posts]]\nid = \"p\"\nfte = \"1/999983\"\nannual_cost_per_fte = 1\npaid_by = {{ a = \"1/999979\", b = \"999978/999979\" }}\n\
             [[costs]]\nid = \"c\"\nannual = 1_000_000_000_000\npaid_by = {{ a = \"1/999961\", b = \"999960/999961\" }}",
            window("0001-01-01", "9999-12-31")
        ));
        assert!(matches!(
            Scale::for_scenarios(&[&s], Prices::Current),
            Err(ComputeError::TooLarge { .. })
        ));
        let p = project(&s, By::Total).unwrap();
        let (post, cost) = (r(9_999, 999_983), r(9_999_000_000_000_000, 1));
        assert_eq!(p.scale.exact(p.total.cost()), post + cost);
        assert_eq!(
            p.scale.exact(p.total.cost_by_funder[0]),
            post / r(999_979, 1) + cost / r(999_961, 1)
        );
    }

    #[test]
    fn figures_too_large_for_64_bits_are_kept_in_128() {
        let mut items: Items = [Amount(5), Amount(-7)].into_iter().collect();
        assert!(matches!(items, Items::Narrow(_)));
        let narrow = items.clone();
        items.widen();
        assert_eq!(items, narrow, "the same figures, however wide");
        let mut items = narrow;
        items.add(0, Amount(i128::from(i64::MAX)));
        assert!(matches!(items, Items::Wide(_)));
        assert_eq!(items.get(0), Amount(i128::from(i64::MAX) + 5));
        assert_eq!(items.get(1), Amount(-7));
        items.push(Amount(i128::MIN / 4));
        assert_eq!(items.iter().last(), Some(Amount(i128::MIN / 4)));
        // Fine shares make a fine scale: a post's month no longer fits in 64 bits, and its
        // figures are as exact as ever.
        let s = scenario(&format!(
            "{}[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 1_200_000\npaid_by = {{ a = \"1/999979\", b = \"999978/999979\" }}",
            window("2023-01-01", "2023-12-31")
        ));
        let p = project(&s, By::Month).unwrap();
        assert!(matches!(p.periods[0].items, Items::Wide(_)));
        assert_eq!(p.scale.exact(p.periods[0].items.get(0)), r(100_000, 1));
        assert_eq!(p.scale.exact(p.total.items.get(0)), r(1_200_000, 1));
        assert_eq!(
            p.scale.exact(p.total.cost_by_funder[0]),
            r(1_200_000, 999_979)
        );
    }

    fn indexed(extra: &str) -> Scenario {
        let text = format!(
            "{}[funders.a]\n[funders.b]\n[funders.c]\n[indexation]\nbase_year = 2024\nwages = {{ 2024 = 0.02, 2025 = 0.04, 2026 = \"3%\" }}\nprices = {{ 2025 = 0.02, 2026 = 0.02 }}\n{extra}\n",
            window("2023-01-01", "2026-12-31")
        );
        match load_str(Path::new("i.toml"), text) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{d}"),
        }
    }

    fn yearly(s: &Scenario, prices: Prices) -> Vec<Rational> {
        let p = project_in(s, By::Year, prices).unwrap();
        p.periods.iter().map(|f| p.scale.exact(f.cost())).collect()
    }

    #[test]
    fn wages_compound_from_the_base_year() {
        let s = indexed(
            "[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 100_000\npaid_by = \"a\"",
        );
        // 2023 is before the base year: 2024's rise of 2 % taken out. 2025: + 4 %; 2026: + 3 %
        // on that, compounded.
        assert_eq!(
            yearly(&s, Prices::Current),
            [
                r(5_000_000, 51),
                r(100_000, 1),
                r(104_000, 1),
                r(107_120, 1)
            ]
        );
        // Fixed prices: the base year's, every year.
        assert_eq!(yearly(&s, Prices::Fixed), [r(100_000, 1); 4]);
    }

    #[test]
    fn a_rise_takes_effect_on_its_day() {
        let s = indexed(
            "effective = \"04-15\"\n[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 120_000\npaid_by = \"a\"",
        );
        let p = project_in(&s, By::Month, Prices::Current).unwrap();
        let month = |label: &str| {
            let f = p
                .periods
                .iter()
                .find(|f| f.period.label() == label)
                .unwrap();
            p.scale.exact(f.cost())
        };
        // 10,000 a month at 2024's level; from 15 April 2025 at 2025's, 4 % higher.
        assert_eq!(month("2025-03"), r(10_000, 1));
        assert_eq!(
            month("2025-04"),
            r(10_000, 1) * r(14, 30) + r(10_400, 1) * r(16, 30)
        );
        assert_eq!(month("2025-05"), r(10_400, 1));
        // In 2024 the rise of 2 % over 2023 comes on 15 April too.
        assert_eq!(month("2024-01"), r(10_000, 1) / r(102, 100));
    }

    #[test]
    fn costs_follow_prices_and_funding_follows_what_it_says() {
        let s = indexed(
            "[[costs]]\nid = \"ops\"\nannual = 10_000\npaid_by = \"a\"\n\
             [[costs]]\nid = \"study\"\namount = 10_000\ndate = 2026-06-01\npaid_by = \"a\"\n\
             [[funding]]\nid = \"f\"\nfunder = \"a\"\nannual = 50_000\nindexed = \"wages\"\n\
             [[funding]]\nid = \"g\"\nfunder = \"b\"\nannual = 50_000",
        );
        let p = project_in(&s, By::Year, Prices::Current).unwrap();
        let y2026 = &p.periods[3];
        // Prices rise 2 % in 2025 and 2 % in 2026: 10,404 for the year and for the one-off.
        assert_eq!(p.scale.exact(y2026.items.get(0)), r(10_404, 1));
        assert_eq!(p.scale.exact(y2026.items.get(1)), r(10_404, 1));
        // Funding indexed by wages rises with them; funding fixed in kroner does not.
        assert_eq!(p.scale.exact(y2026.funding[0]), r(53_560, 1));
        assert_eq!(p.scale.exact(y2026.funding[1]), r(50_000, 1));
    }

    #[test]
    fn levels_year_by_year_are_each_worked_out_from_the_base() {
        // Issue 11, finding 6: each year's level was worked out from the base year, so a
        // window of 2024–9999 took 7.4 s; now one rise at a time, with the same levels.
        use crate::model::{Index, Indexation};
        let rates = |pairs: &[(i16, Rational)]| pairs.iter().copied().collect();
        let ix = Indexation {
            base_year: 2024,
            wages: rates(&[
                (2020, r(-1, 2)),
                (2025, r(4, 100)),
                (2026, r(1, 3)),
                (2031, r(-2, 7)),
            ]),
            prices: rates(&[]),
            effective: (1, 1),
        };
        for index in [Index::Wages, Index::Prices] {
            for (first, last) in [
                (2018, 2035),
                (2024, 2024),
                (2026, 2030),
                (1, 40),
                (2030, 2300),
            ] {
                let reference: Vec<Rational> = (first..=last)
                    .map(|y| ix.level_of_year(index, y).unwrap())
                    .collect();
                assert_eq!(
                    ix.levels(index, first, last).unwrap(),
                    reference,
                    "{first}–{last}"
                );
            }
        }
        // 2024–9999 by year: each year a level, and the figures of the last year.
        let s = scenario(&format!(
            "{}[indexation]\nbase_year = 2024\nwages = {{ 2025 = 0.04, 2026 = \"3%\" }}\n\
             [[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 800_000\npaid_by = \"a\"",
            window("2024-01-01", "9999-12-31")
        ));
        let p = project_in(&s, By::Year, Prices::Current).unwrap();
        assert_eq!(p.periods.len(), 7976);
        assert_eq!(p.scale.exact(p.periods[7975].cost()), r(856_960, 1));
        assert_eq!(p.scale.exact(p.periods[0].cost()), r(800_000, 1));
    }
}
