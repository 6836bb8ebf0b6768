//! `solve`: the value of one number or date of a scenario at which it balances: the smallest
//! amount that is enough, the largest cost that can be afforded, the earliest date from which
//! a post can be paid for; with the funder and the period that bind, rounded in the safe
//! direction when asked.
//!
//! Amounts and FTE move every balance in proportion, so three evaluations give each balance
//! as a line and the answer is exact; rates and dates are searched by halving, the scenario
//! being computed at each step like any variant.

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Options, WhatIfError};
use crate::engine::{self, Shortfall};
use crate::load::{Override, Prepared};
use crate::model::{DateRange, Flow, Scenario};
use crate::msg::{Day, Msg, Num, Ore};
use crate::num::Rational;

/// What a path's value is, and so how it is searched, and how finely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Kroner: `annual`, `amount`, `annual_cost_per_fte`; to the øre.
    Money,
    /// A post's FTE; to 0.01.
    Fte,
    /// A yearly rise of wages or prices; to 0.0001 (0.01 %).
    Rate,
    /// A day: an entry's `from`, `to` or `date`.
    Date,
}

impl Kind {
    fn of(path: &str) -> Result<Kind, Msg> {
        let parts: Vec<&str> = path.split('.').collect();
        Ok(match parts.as_slice() {
            [_, _, "annual" | "amount" | "annual_cost_per_fte"] => Kind::Money,
            ["posts", _, "fte"] => Kind::Fte,
            ["indexation", "wages" | "prices", _] => Kind::Rate,
            ["posts" | "costs" | "funding", _, "from" | "to" | "date"] => Kind::Date,
            _ => {
                return Err(Msg::SolveWhatKind {
                    path: path.to_string(),
                });
            }
        })
    }

    /// The step an answer is given to.
    fn step(self) -> Decimal {
        match self {
            Kind::Money | Kind::Fte => Decimal::new(1, 2),
            Kind::Rate => Decimal::new(1, 4),
            Kind::Date => Decimal::ONE,
        }
    }
}

/// A value of a path: a number or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    Number(Decimal),
    Date(Date),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{}", n.normalize()),
            Value::Date(d) => write!(f, "{d}"),
        }
    }
}

impl Value {
    /// The value in a message, as the language writes numbers and days.
    pub fn words(self) -> Box<Msg> {
        match self {
            Value::Number(n) => Msg::Number {
                number: Num(rational(n)),
            },
            Value::Date(d) => Msg::DayValue { day: Day(d) },
        }
        .boxed()
    }
}

/// Which end of the values that balance the answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The smallest value that balances: more of it helps (funding; a later start).
    Smallest,
    /// The largest value that balances: more of it hurts (a cost; a later end).
    Largest,
}

/// The answer of `solve`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    pub kind: Kind,
    pub direction: Direction,
    /// The answer: the scenario balances at it.
    pub value: Value,
    /// The multiple it was rounded to (in the safe direction), if asked.
    pub round_to: Option<Decimal>,
    /// The funder whose funding is varied, if it is, held to balance even if it is residual.
    pub funder: Option<String>,
    /// One step past the answer (one øre less, one day earlier, …) and the shortfalls there:
    /// the funders and periods that bind. None where the answer is at the end of the range.
    pub beyond: Option<(Value, Vec<Shortfall>)>,
    /// The id and name of each funder of the scenario, as the shortfalls count them.
    pub funders: Vec<(String, String)>,
}

/// A constraint that must stay at least 0: a funder's cumulative balance at a period's end.
#[derive(Debug, Clone, Copy)]
struct Place {
    funder: usize,
    period: usize,
}

/// The scenario with the path at `value`, projected: its constraints (every funder that
/// must balance, at the end of every period) and its shortfalls.
struct Evaluated {
    balances: Vec<(Place, Rational)>,
    short: Vec<Shortfall>,
}

struct Solver<'a> {
    prepared: &'a Prepared,
    options: &'a Options,
    path: &'a str,
    /// `--set`s that hold a residual funder whose funding is varied.
    hold: Vec<Override>,
}

impl Solver<'_> {
    fn at(&self, value: Value) -> Result<Evaluated, WhatIfError> {
        let mut all = self.options.overrides.clone();
        all.extend_from_slice(&self.hold);
        all.push(Override::from("--vary", format!("{}={value}", self.path)));
        let loaded = self.prepared.load(&all)?;
        let s = &loaded.scenario;
        let p = engine::project_in(s, self.options.by, self.options.prices)?;
        let mut balances = Vec::new();
        for (funder, f) in s.funders.iter().enumerate() {
            if f.residual {
                continue;
            }
            for (period, x) in p.periods.iter().enumerate() {
                let place = Place { funder, period };
                balances.push((place, p.scale.exact(x.cumulative_by_funder[funder])));
            }
        }
        Ok(Evaluated {
            balances,
            short: engine::shortfalls(s, &p),
        })
    }
}

fn usage(message: Msg) -> WhatIfError {
    WhatIfError::usage(message)
}

fn number(r: Rational) -> Decimal {
    Decimal::from_i128_with_scale(*r.numer(), 0) / Decimal::from_i128_with_scale(*r.denom(), 0)
}

fn rational(d: Decimal) -> Rational {
    crate::num::decimal_to_rational(d)
}

/// `value` rounded to a whole multiple of `step`: up, or down.
fn to_multiple(value: Rational, step: Decimal, up: bool) -> Rational {
    let step = rational(step);
    let n = value / step;
    (if up { n.ceil() } else { n.floor() }) * step
}

/// The value of `path` at which the scenario balances, exact to its step (and to a multiple
/// of `round_to`, in the safe direction); see the module's description.
pub fn solve(
    prepared: &Prepared,
    path: &str,
    round_to: Option<Decimal>,
    options: &Options,
) -> Result<Solution, WhatIfError> {
    let kind = Kind::of(path).map_err(usage)?;
    if let Some(r) = round_to
        && (r <= Decimal::ZERO || kind == Kind::Date)
    {
        return Err(usage(Msg::SolveRoundTo {
            round_to: r.to_string(),
        }));
    }
    let base = prepared.load(&options.overrides)?.scenario;
    let funder = funding_funder(&base, path);
    // A residual funder whose funding is varied is held to balance: that is the question.
    let hold: Vec<Override> = funder
        .iter()
        .map(|f| Override::new(format!("funders.{f}.residual=false")))
        .collect();
    let solver = Solver {
        prepared,
        options,
        path,
        hold,
    };
    let (direction, value) = match kind {
        Kind::Money | Kind::Fte => linear(&solver, &base, kind, round_to)?,
        Kind::Rate | Kind::Date => halving(&solver, &base, kind, round_to)?,
    };
    let past = past(kind, direction, value, round_to);
    let beyond = match past {
        Some(v) if in_domain(&solver, kind, v) => {
            let e = solver.at(v)?;
            (!e.short.is_empty()).then_some((v, e.short))
        }
        _ => None,
    };
    Ok(Solution {
        kind,
        direction,
        value,
        round_to,
        funder,
        beyond,
        funders: base
            .funders
            .iter()
            .map(|f| (f.id.clone(), f.name.clone()))
            .collect(),
    })
}

/// The funder of the funding entry a path names (`funding.<id>.…`), if any.
fn funding_funder(s: &Scenario, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["funding", id, ..] => s
            .funding
            .iter()
            .find(|f| f.id == *id)
            .map(|f| s.funders[f.funder].id.clone()),
        _ => None,
    }
}

/// The value one step (or one multiple) past the answer, on the side where it fails.
fn past(
    kind: Kind,
    direction: Direction,
    value: Value,
    round_to: Option<Decimal>,
) -> Option<Value> {
    let step = round_to.unwrap_or(kind.step());
    match value {
        Value::Number(n) => Some(Value::Number(match direction {
            Direction::Smallest => n.checked_sub(step)?,
            Direction::Largest => n.checked_add(step)?,
        })),
        Value::Date(d) => {
            let day = jiff::Span::new().days(1);
            Some(Value::Date(match direction {
                Direction::Smallest => d.checked_sub(day).ok()?,
                Direction::Largest => d.checked_add(day).ok()?,
            }))
        }
    }
}

fn in_domain(solver: &Solver, kind: Kind, v: Value) -> bool {
    let _ = solver;
    match (kind, v) {
        (Kind::Money, Value::Number(n)) => n >= Decimal::ZERO,
        (Kind::Fte, Value::Number(n)) => n > Decimal::ZERO,
        _ => true,
    }
}

/// The funder and period end of a constraint, for messages: (`Region Nordjylland`, `2027`).
fn place_text(
    s: &Scenario,
    solver: &Solver,
    place: Place,
) -> Result<(String, String), WhatIfError> {
    let p = engine::project_in(s, solver.options.by, solver.options.prices)?;
    let period = p
        .periods
        .get(place.period)
        .map(|f| f.period.label())
        .unwrap_or_default();
    Ok((s.funders[place.funder].name.clone(), period))
}

/// `at 0, Business Region North Denmark is short 120,866.67 kr. at the end of 2027`: the
/// first shortfall of the variant at `at`, `e`.
fn short_at(names: &Scenario, at: Value, e: &Evaluated) -> Msg {
    let at = at.words();
    match e.short.first() {
        Some(sf) => Msg::SolveShortAt {
            at,
            funder: names.funders[sf.funder].name.clone(),
            short: Ore(sf.amount),
            period: sf.key.label(),
        },
        None => Msg::SolveAt { at },
    }
}

/// Amounts and FTE: every balance is a line in the value, so three evaluations find where
/// each reaches 0 exactly; the answer is the last of them (smallest where more helps, largest
/// where more hurts).
fn linear(
    solver: &Solver,
    base: &Scenario,
    kind: Kind,
    round_to: Option<Decimal>,
) -> Result<(Direction, Value), WhatIfError> {
    let path = solver.path;
    // FTE must stay above 0; amounts may be 0.
    let points = match kind {
        Kind::Fte => [Decimal::ONE, Decimal::TWO, Decimal::from(3)],
        _ => [Decimal::ZERO, Decimal::ONE, Decimal::TWO],
    };
    let [e0, e1, e2] = points.map(|p| solver.at(Value::Number(p)));
    let (e0, e1, e2) = (e0?, e1?, e2?);
    let x0 = rational(points[0]);
    let zero = Rational::from_integer(0);
    // Each balance as a + k·v: a lower bound where it rises with v, an upper where it falls.
    let mut lower: Option<(Rational, Place)> = None;
    let mut upper: Option<(Rational, Place)> = None;
    for ((place, b0), ((_, b1), (_, b2))) in
        e0.balances.iter().zip(e1.balances.iter().zip(&e2.balances))
    {
        let k = b1 - b0;
        if *b2 - b0 != k * 2 {
            return Err(usage(Msg::SolveNotProportional {
                path: path.to_string(),
            }));
        }
        let a = *b0 - k * x0;
        if k > zero {
            let bound = -a / k;
            if lower.is_none_or(|(l, _)| bound > l) {
                lower = Some((bound, *place));
            }
        } else if k < zero {
            let bound = -a / k;
            if upper.is_none_or(|(u, _)| bound < u) {
                upper = Some((bound, *place));
            }
        } else if a < zero {
            let (funder, period) = place_text(base, solver, *place)?;
            return Err(usage(Msg::SolveOutOfReach {
                path: path.to_string(),
                funder,
                short: Ore(-a),
                period,
            }));
        }
    }
    let domain = match kind {
        Kind::Fte => rational(kind.step()),
        _ => zero,
    };
    let step = kind.step();
    let lo = lower.map(|(l, p)| (to_multiple(l, step, true).max(domain), p));
    let hi = upper.map(|(u, p)| (to_multiple(u, step, false), p));
    if let (Some((l, pl)), Some((h, ph))) = (lo, hi)
        && l > h
    {
        let ((helps, at_helps), (hurts, at_hurts)) =
            (place_text(base, solver, pl)?, place_text(base, solver, ph)?);
        let helps = Msg::SolveNeedsAtLeast {
            funder: helps,
            period: at_helps,
            least: Num(l),
        };
        let hurts = Msg::SolveAllowsAtMost {
            funder: hurts,
            period: at_hurts,
            most: Num(h),
        };
        return Err(usage(Msg::SolvePulledBothWays {
            path: path.to_string(),
            helps: helps.boxed(),
            hurts: hurts.boxed(),
        }));
    }
    if hi.is_some_and(|(h, _)| h < domain) {
        let at = Value::Number(number(domain).normalize());
        return Err(usage(Msg::SolveEven {
            path: path.to_string(),
            short: short_at(base, at, &solver.at(at)?).boxed(),
        }));
    }
    // Where more helps, the smallest value that is enough; where more only hurts, the
    // largest that is affordable.
    let (direction, value) = match (lo, hi) {
        (Some((l, _)), _) if l > domain || hi.is_none() => (Direction::Smallest, l),
        (_, Some((h, _))) => (Direction::Largest, h),
        _ => {
            return Err(usage(Msg::SolveAnyValue {
                path: path.to_string(),
            }));
        }
    };
    let value = match round_to {
        None => value,
        Some(r) => {
            let rounded = to_multiple(value, r, direction == Direction::Smallest);
            let fits = match direction {
                Direction::Smallest => hi.is_none_or(|(h, _)| rounded <= h),
                Direction::Largest => rounded >= domain && lo.is_none_or(|(l, _)| rounded >= l),
            };
            if !fits {
                let (round_to, path) = (r.to_string(), path.to_string());
                let low = Num(lo.map_or(domain, |(l, _)| l));
                return Err(usage(match hi {
                    Some((h, _)) => Msg::SolveNoMultiple {
                        round_to,
                        path,
                        low,
                        high: Num(h),
                    },
                    None => Msg::SolveNoMultipleFrom {
                        round_to,
                        path,
                        low,
                    },
                }));
            }
            rounded
        }
    };
    let value = Value::Number(number(value).normalize());
    if !solver.at(value)?.short.is_empty() {
        return Err(usage(Msg::SolveStillShort {
            path: path.to_string(),
            at: value.words(),
        }));
    }
    Ok((direction, value))
}

/// The range a rate or a date is searched in: as steps of 0.01 % for a rate, as days from
/// the window's start for a date (an entry's `from` up to its `to`, its `to` from its `from`).
fn range(base: &Scenario, kind: Kind, path: &str) -> (i64, i64) {
    if kind == Kind::Rate {
        // −50 % to +100 % a year.
        return (-5_000, 10_000);
    }
    let parts: Vec<&str> = path.split('.').collect();
    let window = base.window;
    let (from, to) = match (parts.get(2).copied(), entry_range(base, parts[1])) {
        (Some("from"), Some(r)) => (window.from, r.to),
        (Some("to"), Some(r)) => (r.from, window.to),
        _ => (window.from, window.to),
    };
    (
        days_between(window.from, from),
        days_between(window.from, to),
    )
}

/// The days an entry runs, if it runs over days (a post, or an annual cost or funding).
fn entry_range(s: &Scenario, id: &str) -> Option<DateRange> {
    if let Some(p) = s.posts.iter().find(|p| p.id == id) {
        return Some(p.range);
    }
    let flow = s
        .costs
        .iter()
        .find(|c| c.id == id)
        .map(|c| &c.flow)
        .or_else(|| s.funding.iter().find(|f| f.id == id).map(|f| &f.flow))?;
    match flow {
        Flow::Annual { range, .. } => Some(*range),
        Flow::OneOff { .. } => None,
    }
}

fn days_between(from: Date, to: Date) -> i64 {
    to.since(from).map_or(0, |s| i64::from(s.get_days()))
}

/// Rates and dates: halving the range between a value that balances and one that does not.
fn halving(
    solver: &Solver,
    base: &Scenario,
    kind: Kind,
    round_to: Option<Decimal>,
) -> Result<(Direction, Value), WhatIfError> {
    let path = solver.path;
    let (lo, hi) = range(base, kind, path);
    let start = base.window.from;
    let value = |i: i64| -> Value {
        match kind {
            Kind::Rate => Value::Number(Decimal::new(i, 4)),
            _ => Value::Date(
                start
                    .checked_add(jiff::Span::new().days(i))
                    .unwrap_or(start),
            ),
        }
    };
    let ok = |i: i64| -> Result<bool, WhatIfError> { Ok(solver.at(value(i))?.short.is_empty()) };
    let (at_lo, at_hi) = (ok(lo)?, ok(hi)?);
    let short = |i: i64| -> Result<Box<Msg>, WhatIfError> {
        Ok(short_at(base, value(i), &solver.at(value(i))?).boxed())
    };
    let direction = match (at_lo, at_hi) {
        (true, true) => {
            return Err(usage(Msg::SolveAnyBetween {
                path: path.to_string(),
                low: value(lo).words(),
                high: value(hi).words(),
            }));
        }
        (false, false) => {
            return Err(usage(Msg::SolveNoneBetween {
                path: path.to_string(),
                low: value(lo).words(),
                high: value(hi).words(),
                at_low: short(lo)?,
                at_high: short(hi)?,
            }));
        }
        (false, true) => Direction::Smallest,
        (true, false) => Direction::Largest,
    };
    // The boundary between `good` (balances) and `bad`.
    let (mut good, mut bad) = match direction {
        Direction::Smallest => (hi, lo),
        Direction::Largest => (lo, hi),
    };
    while (good - bad).abs() > 1 {
        let mid = bad + (good - bad) / 2;
        if ok(mid)? {
            good = mid;
        } else {
            bad = mid;
        }
    }
    let mut answer = value(good);
    if let (Some(r), Value::Number(n)) = (round_to, answer) {
        let rounded = number(to_multiple(
            rational(n),
            r,
            direction == Direction::Smallest,
        ));
        if !solver.at(Value::Number(rounded))?.short.is_empty() {
            return Err(usage(Msg::SolveNoNearbyMultiple {
                path: path.to_string(),
                value: Num(rational(n)),
                round_to: r.to_string(),
            }));
        }
        answer = Value::Number(rounded.normalize());
    }
    Ok((direction, answer))
}
