//! The projection traced: what one entry accrues in each month, piece by piece, with the
//! numbers of its formula (the days covered, the index level). Made by the same code as the
//! projection ([`Annual::pieces`], [`prorate`], [`share_of`]), so a derivation built from it
//! is the projection's own arithmetic shown, not a second computation that could disagree.

use std::ops::Range;

use num_rational::Ratio;

use super::{Amount, Annual, ComputeError, Indexing, Levels, Projection, Scale, prorate, share_of};
use crate::model::{DateRange, Flow, Scenario, Share};
use crate::num::Rational;
use crate::period::{By, Calendar, Period, PeriodKey};

/// An entry of a scenario, by its index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Post(usize),
    Cost(usize),
    Funding(usize),
}

/// What an entry accrues in one month at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The month, by its index in the calendar of the window.
    pub month: usize,
    /// The days of the month accrued at this level; a one-off: 0.
    pub days: i64,
    /// The index level applied: 1 without an index, or in fixed prices.
    pub level: Rational,
    /// The amount, in units of the projection's scale.
    pub amount: Amount,
}

/// A scenario's entries traced as its projection computes them.
pub struct Tracer<'a> {
    scenario: &'a Scenario,
    indexing: Indexing,
    calendar: Calendar,
    scale: Scale,
}

impl<'a> Tracer<'a> {
    /// The tracer of `scenario` as projected in `p` (its scale and prices): refused for a
    /// scenario the fast path cannot compute (the wide path adds groups of entries up in
    /// arbitrary precision, which is not month by month on one scale).
    pub fn new(scenario: &'a Scenario, p: &Projection) -> Result<Tracer<'a>, ComputeError> {
        let own = Scale::for_scenarios(&[scenario], p.prices);
        if !own.is_ok_and(|own| p.scale.0 % own.0 == 0) {
            return Err(ComputeError::NotTraceable {
                file: scenario.file.display().to_string(),
            });
        }
        Ok(Tracer {
            scenario,
            indexing: Indexing::new(scenario, p.prices)?,
            calendar: Calendar::new(scenario.window),
            scale: p.scale,
        })
    }

    pub fn scale(&self) -> Scale {
        self.scale
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The period of `key` in the window, with its months.
    pub fn period(&self, key: PeriodKey) -> Option<Period> {
        let by = match key {
            PeriodKey::Year(_) => By::Year,
            PeriodKey::Half(..) => By::HalfYear,
            PeriodKey::Month(..) => By::Month,
            PeriodKey::Total => By::Total,
        };
        self.calendar.periods(by).into_iter().find(|p| p.key == key)
    }

    fn units(&self) -> impl Fn(Rational) -> i128 + Sync + '_ {
        move |r: Rational| {
            self.scale
                .units(r)
                .expect("the projection's scale covers every value")
        }
    }

    /// What `entry` accrues in the months `months` (indexes into the calendar), piece by
    /// piece, in time order.
    pub fn pieces(&self, entry: Entry, months: Range<usize>) -> Vec<Piece> {
        let s = self.scenario;
        let (flow, levels): (Flow, Option<&Levels>) = match entry {
            Entry::Post(i) => {
                let post = &s.posts[i];
                return self.annual_pieces(
                    post.annual_cost(),
                    post.range,
                    self.indexing.wages.as_ref(),
                    months,
                );
            }
            Entry::Cost(j) => (s.costs[j].flow, self.indexing.prices.as_ref()),
            Entry::Funding(k) => (s.funding[k].flow, self.indexing.of(s.funding[k].indexed)),
        };
        match flow {
            Flow::Annual { annual, range } => {
                self.annual_pieces(annual.rational(), range, levels, months)
            }
            Flow::OneOff { amount, date } => {
                let m = self.calendar.month_index(date);
                if !months.contains(&m) {
                    return Vec::new();
                }
                let units = self.units();
                let mut once = Annual::new(amount.rational(), levels, &units);
                let (k, amount) = once.once_at(date);
                vec![Piece {
                    month: m,
                    days: 0,
                    level: level(levels, k),
                    amount: Amount(amount),
                }]
            }
        }
    }

    fn annual_pieces(
        &self,
        annual: Rational,
        range: DateRange,
        levels: Option<&Levels>,
        months: Range<usize>,
    ) -> Vec<Piece> {
        let units = self.units();
        let mut yearly = Annual::new(annual, levels, &units);
        let run = self.calendar.month_range(range);
        let mut out = Vec::new();
        for m in run.start.max(months.start)..run.end.min(months.end) {
            let month = &self.calendar.months[m];
            let days = month.covered_days(range);
            for (d, k, amount) in yearly.pieces(month, range, days) {
                if d > 0 {
                    out.push(Piece {
                        month: m,
                        days: d,
                        level: level(levels, k),
                        amount: Amount(amount),
                    });
                }
            }
        }
        out
    }

    /// A post's FTE in each month of `months` it covers: (month, days covered, FTE × the
    /// covered fraction of the month, in units).
    pub fn fte(&self, post: usize, months: Range<usize>) -> Vec<(usize, i64, i128)> {
        let p = &self.scenario.posts[post];
        let fte = (self.units())(p.fte.rational());
        let run = self.calendar.month_range(p.range);
        (run.start.max(months.start)..run.end.min(months.end))
            .map(|m| {
                let month = &self.calendar.months[m];
                let days = month.covered_days(p.range);
                (m, days, prorate(fte, month, days))
            })
            .collect()
    }

    /// How many months the window covers of `months`, in units: the FTE's divisor.
    pub fn months_covered(&self, months: Range<usize>) -> i128 {
        self.calendar.months[months]
            .iter()
            .map(|m| self.scale.0 / i128::from(m.days_in_month) * i128::from(m.window_days()))
            .sum()
    }

    /// A funder's exact share of an amount, as the projection splits it.
    pub fn share(amount: Amount, share: Share) -> Amount {
        share_of(amount, share)
    }
}

/// The level of index `k`: 1 without an index.
fn level(levels: Option<&Levels>, k: usize) -> Rational {
    levels.map_or(Ratio::from_integer(1), |l| l.levels[k])
}
