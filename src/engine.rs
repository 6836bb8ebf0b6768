//! The projection: every figure of a scenario per period, exactly. Pure computation, no I/O.
//!
//! All amounts are integers counted in units of `1/D` krone, where the [`Scale`] `D` is chosen
//! per computation so that every monthly accrual, day-prorated part month and funder share is
//! a whole number of units. Sums are then plain integer sums: exact, and fast. Figures become
//! decimals only when they are shown, rounded half away from zero.

use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use num_integer::Integer;
use num_rational::Ratio;
use rust_decimal::Decimal;

use crate::model::{Flow, PaidBy, Rational, Scenario};
use crate::period::{By, Calendar, Month, Period};

/// `lcm(12 × d)` for every month length `d` of 28–31 days: one twelfth of a year, prorated by
/// the day, is a whole number of units when the scale is a multiple of this.
const MONTH_DENOMINATOR: i128 = 4_530_960;

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
    pub fn for_scenarios(scenarios: &[&Scenario]) -> Result<Scale, ComputeError> {
        let file = || {
            scenarios
                .iter()
                .map(|s| s.file.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let too_fine = || ComputeError::TooFine { file: file() };
        // Denominators of amounts and FTE (money has at most 2 decimals, so 100 covers it).
        let mut values: i128 = 100;
        // Denominators of shares.
        let mut shares: i128 = 1;
        let lcm = |a: i128, b: i128| -> Option<i128> { a.checked_mul(b / a.gcd(&b)) };
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
        let d = MONTH_DENOMINATOR
            .checked_mul(values)
            .and_then(|d| d.checked_mul(shares))
            .ok_or_else(too_fine)?;
        let scale = Scale(d);
        for s in scenarios {
            // Both in units and in øre (a `Decimal` holds up to 96 bits) the sums must fit.
            if scale
                .bound(s)
                .is_none_or(|b| b > LIMIT || b / scale.0 > MAX_KRONER)
            {
                return Err(ComputeError::TooLarge { file: file() });
            }
        }
        Ok(scale)
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

    /// An amount in kroner, rounded half away from zero to øre.
    pub fn kroner(self, amount: Amount) -> Decimal {
        Decimal::from_i128_with_scale(round_div(amount.0, self.0, 100), 2)
    }

    /// An amount as an exact rational number of kroner.
    pub fn exact(self, amount: Amount) -> Rational {
        Ratio::new(amount.0, self.0)
    }
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

/// `n / d` in units of `1/per`, rounded half away from zero, without overflow for `d > 0`.
pub fn round_div(n: i128, d: i128, per: i128) -> i128 {
    let whole = n / d;
    let rest = n % d; // |rest| < d
    // rest * per / d, computed without overflow: rest < d <= i128::MAX / per is not
    // guaranteed, so split per into whole and remainder steps when needed.
    let scaled = match rest.checked_mul(per) {
        Some(x) => crate::load::values::round_half_away(x, d),
        None => {
            let r = Ratio::new(rest, d) * Ratio::from_integer(per);
            crate::load::values::round_half_away(*r.numer(), *r.denom())
        }
    };
    whole * per + scaled
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

/// Every figure of one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub period: Period,
    /// FTE of all posts together.
    pub fte: FteSum,
    /// FTE of each post (the window-months are those of `fte`).
    pub post_fte: Vec<i128>,
    /// Cost of each post, then each cost entry, as in `Scenario::item_ids`.
    pub items: Vec<Amount>,
    /// What each funding entry provides.
    pub funding: Vec<Amount>,
    pub cost_by_funder: Vec<Amount>,
    pub funding_by_funder: Vec<Amount>,
    /// Funding − cost from the window's start to the end of this period, by funder.
    pub cumulative_by_funder: Vec<Amount>,
}

impl Figures {
    fn zero(period: Period, scenario: &Scenario) -> Self {
        let funders = scenario.funders.len();
        Figures {
            period,
            fte: FteSum::default(),
            post_fte: vec![0; scenario.posts.len()],
            items: vec![Amount::ZERO; scenario.item_count()],
            funding: vec![Amount::ZERO; scenario.funding.len()],
            cost_by_funder: vec![Amount::ZERO; funders],
            funding_by_funder: vec![Amount::ZERO; funders],
            cumulative_by_funder: vec![Amount::ZERO; funders],
        }
    }

    pub fn cost(&self) -> Amount {
        self.items.iter().copied().sum()
    }

    /// Funding − cost in this period, by funder.
    pub fn balance_by_funder(&self) -> impl Iterator<Item = Amount> + '_ {
        self.funding_by_funder
            .iter()
            .zip(&self.cost_by_funder)
            .map(|(f, c)| *f - *c)
    }

    /// The average FTE of post `i`.
    pub fn post_fte(&self, i: usize) -> Rational {
        FteSum {
            fte: self.post_fte[i],
            months: self.fte.months,
        }
        .average()
    }
}

/// The figures of a scenario for each period of one granularity, and in total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub scale: Scale,
    pub by: By,
    pub periods: Vec<Figures>,
    pub total: Figures,
}

/// Projects `scenario` by `by` on its own scale.
pub fn project(scenario: &Scenario, by: By) -> Result<Projection, ComputeError> {
    Ok(project_on(scenario, by, Scale::for_scenarios(&[scenario])?))
}

/// Projects `scenario` by `by` on `scale`, which must come from [`Scale::for_scenarios`] with
/// this scenario among them.
pub fn project_on(scenario: &Scenario, by: By, scale: Scale) -> Projection {
    let calendar = Calendar::new(scenario.window);
    let periods = calendar.periods(by);
    let mut period_of = vec![0usize; calendar.months.len()];
    for (p, period) in periods.iter().enumerate() {
        period_of[period.months.clone()].fill(p);
    }
    let mut figures: Vec<Figures> = periods
        .iter()
        .map(|p| Figures::zero(p.clone(), scenario))
        .collect();
    let units = |r: Rational| scale.units(r).expect("the scale covers every value");

    for f in &mut figures {
        f.fte.months = calendar.months[f.period.months.clone()]
            .iter()
            .map(|m| scale.0 / i128::from(m.days_in_month) * i128::from(m.window_days()))
            .sum();
    }

    // Posts: cost and FTE, month by month.
    let mut per_period = vec![Amount::ZERO; periods.len()];
    for (i, post) in scenario.posts.iter().enumerate() {
        let annual = units(post.annual_cost());
        let fte = units(post.fte.rational());
        for m in calendar.month_range(post.range) {
            let month = &calendar.months[m];
            let days = month.covered_days(post.range);
            let p = period_of[m];
            figures[p].items[i] += Amount(accrue(annual, month, days));
            figures[p].post_fte[i] += prorate(fte, month, days);
        }
        for (f, amount) in figures.iter_mut().zip(per_period.iter_mut()) {
            f.fte.fte += f.post_fte[i];
            *amount = f.items[i];
        }
        split(&post.paid_by, &per_period, &mut figures, |f| {
            &mut f.cost_by_funder
        });
        per_period.fill(Amount::ZERO);
    }

    // Other costs.
    let posts = scenario.posts.len();
    for (j, cost) in scenario.costs.iter().enumerate() {
        accrue_flow(&cost.flow, &calendar, &period_of, &units, &mut per_period);
        for (f, amount) in figures.iter_mut().zip(&per_period) {
            f.items[posts + j] = *amount;
        }
        split(&cost.paid_by, &per_period, &mut figures, |f| {
            &mut f.cost_by_funder
        });
        per_period.fill(Amount::ZERO);
    }

    // Funding.
    for (k, funding) in scenario.funding.iter().enumerate() {
        accrue_flow(
            &funding.flow,
            &calendar,
            &period_of,
            &units,
            &mut per_period,
        );
        for (f, amount) in figures.iter_mut().zip(&per_period) {
            f.funding[k] = *amount;
            f.funding_by_funder[funding.funder] += *amount;
        }
        per_period.fill(Amount::ZERO);
    }

    // Cumulative balances.
    let mut running = vec![Amount::ZERO; scenario.funders.len()];
    for f in &mut figures {
        let balances: Vec<Amount> = f.balance_by_funder().collect();
        for (r, b) in running.iter_mut().zip(balances) {
            *r += b;
        }
        f.cumulative_by_funder.clone_from(&running);
    }

    let total = total_of(scenario, &calendar, &figures);
    Projection {
        scale,
        by,
        periods: figures,
        total,
    }
}

/// The sum of every period: the whole window.
fn total_of(scenario: &Scenario, calendar: &Calendar, periods: &[Figures]) -> Figures {
    let whole = calendar.periods(By::Total).remove(0);
    let mut total = Figures::zero(whole, scenario);
    for f in periods {
        total.fte = total.fte + f.fte;
        add_into(&mut total.post_fte, &f.post_fte);
        add_into(&mut total.items, &f.items);
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

/// Adds what `flow` accrues in each period to `out`.
fn accrue_flow(
    flow: &Flow,
    calendar: &Calendar,
    period_of: &[usize],
    units: &impl Fn(Rational) -> i128,
    out: &mut [Amount],
) {
    match flow {
        Flow::Annual { annual, range } => {
            let annual = units(annual.rational());
            for m in calendar.month_range(*range) {
                let month = &calendar.months[m];
                out[period_of[m]] += Amount(accrue(annual, month, month.covered_days(*range)));
            }
        }
        Flow::OneOff { amount, date } => {
            out[period_of[calendar.month_index(*date)]] += Amount(units(amount.rational()));
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
            let share = share.rational();
            // The scale makes every amount a multiple of every share's denominator.
            by_funder[*funder] += Amount(amount.0 / share.denom() * share.numer());
        }
    }
}
