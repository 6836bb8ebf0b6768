//! Sensitivity: how far each value marked as an assumption moves a figure. Each assumption is
//! set to the low and the high end of its range (its mark's own, or `--sensitivity` either
//! way), the others held where they are, and the scenario computed at each end like any
//! variant (`report --set PATH=VALUE`), so both ends are exact. A range that would make the
//! value invalid (an FTE of 0 or less, a negative amount, a day outside the window) is cut at
//! the valid edge; where nothing valid remains, the question has no answer.

use jiff::civil::Date;
use num_traits::Signed;

use super::{Options, WhatIfError};
use crate::engine;
use crate::explain::Name;
use crate::load::{Override, Prepared};
use crate::model::{AssumedRange, Assumption, DateRange, Flow, Scenario};
use crate::msg::{Day, Msg, Num};
use crate::num::Rational;

/// A value an assumption is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Kroner, FTE or a rate.
    Number(Rational),
    Date(Date),
    /// Every year's rate times this.
    Times(Rational),
    /// Every year's rate this.
    Every(Rational),
}

/// Why an assumption is left out of the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A date varies only in a range its mark gives.
    NoRange,
    /// Its range holds one value (a relative range of 0, or of a value of 0).
    Nothing,
}

/// One assumption tried at both ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tested {
    pub assumption: Assumption,
    /// The entry's name, or empty for the indexation.
    pub name: String,
    pub low: Setting,
    pub high: Setting,
    /// An end cut at the edge of what is valid: the edge.
    pub cut: Option<Setting>,
    /// The figure with the assumption at the low and at the high end, exactly.
    pub figures: Option<(Rational, Rational)>,
    pub skipped: Option<Skip>,
}

impl Tested {
    /// How far the figure moves over the range.
    pub fn swing(&self) -> Rational {
        self.figures
            .map_or_else(Rational::default, |(a, b)| (b - a).abs())
    }
}

/// The figure with every value as written, and each assumption tried, the one that moves it
/// most first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sensitivity {
    pub name: Name,
    pub base: Rational,
    /// How far either way an assumption without a range of its own is varied.
    pub percent: Rational,
    pub tested: Vec<Tested>,
}

/// How far each of `base`'s assumptions moves the figure `name`; `base` is `prepared` loaded
/// with `options.overrides`.
pub fn sensitivity(
    prepared: &Prepared,
    base: &Scenario,
    name: &Name,
    percent: Rational,
    options: &Options,
) -> Result<Sensitivity, WhatIfError> {
    name.check(base).map_err(WhatIfError::usage)?;
    let figure = |overrides: &[Override]| -> Result<Rational, WhatIfError> {
        let mut all = options.overrides.clone();
        all.extend_from_slice(overrides);
        let loaded = prepared.load(&all)?;
        let p = engine::project_in(&loaded.scenario, name.by(), options.prices)?;
        Ok(name.value(&loaded.scenario, &p).unwrap_or_default())
    };
    let value = figure(&[])?;
    let mut tested = Vec::new();
    for a in &base.assumptions {
        let mut t = ends(base, a, percent)?;
        if t.skipped.is_none() {
            let low = figure(&overrides(base, a, t.low))?;
            let high = figure(&overrides(base, a, t.high))?;
            t.figures = Some((low, high));
        }
        tested.push(t);
    }
    // The largest swing first; skipped ones last; ties in file order.
    tested.sort_by(|x, y| (x.skipped.is_some(), y.swing()).cmp(&(y.skipped.is_some(), x.swing())));
    Ok(Sensitivity {
        name: name.clone(),
        base: value,
        percent,
        tested,
    })
}

/// What kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Of {
    Money,
    Fte,
    Rate,
    /// A day, valid between these two.
    Date(Date, Date),
    /// Every year's rate of an index.
    Rates,
}

/// The value an assumption marks, what kind it is, and the entry's name.
fn current(s: &Scenario, a: &Assumption) -> Option<(Setting, Of, String)> {
    let w = s.window;
    let money = |m: crate::model::Money| Setting::Number(m.rational());
    let flow = |f: &Flow| -> Option<(Setting, Of)> {
        Some(match (f, a.field.as_str()) {
            (Flow::Annual { annual, .. }, "annual") => (money(*annual), Of::Money),
            (Flow::Annual { range, .. }, "from") => {
                (Setting::Date(range.from), Of::Date(w.from, range.to))
            }
            (Flow::Annual { range, .. }, "to") => {
                (Setting::Date(range.to), Of::Date(range.from, w.to))
            }
            (Flow::OneOff { amount, .. }, "amount") => (money(*amount), Of::Money),
            (Flow::OneOff { date, .. }, "date") => (Setting::Date(*date), Of::Date(w.from, w.to)),
            _ => return None,
        })
    };
    let dates = |r: DateRange, field: &str| match field {
        "from" => Some((Setting::Date(r.from), Of::Date(w.from, r.to))),
        "to" => Some((Setting::Date(r.to), Of::Date(r.from, w.to))),
        _ => None,
    };
    match a.section {
        "posts" => {
            let p = s.posts.iter().find(|p| p.id == a.id)?;
            let (v, of) = match a.field.as_str() {
                "fte" => (Setting::Number(p.fte.rational()), Of::Fte),
                "annual_cost_per_fte" => (money(p.annual_cost_per_fte), Of::Money),
                field => dates(p.range, field)?,
            };
            Some((v, of, p.title.clone()))
        }
        "costs" => {
            let c = s.costs.iter().find(|c| c.id == a.id)?;
            flow(&c.flow).map(|(v, of)| (v, of, c.name.clone()))
        }
        "funding" => {
            let g = s.funding.iter().find(|g| g.id == a.id)?;
            flow(&g.flow).map(|(v, of)| (v, of, g.name.clone()))
        }
        _ => {
            let ix = s.indexation.as_ref()?;
            match a.field.split_once('.') {
                None => Some((
                    Setting::Times(Rational::from_integer(1)),
                    Of::Rates,
                    String::new(),
                )),
                Some((index, year)) => {
                    let rates = if index == "wages" {
                        &ix.wages
                    } else {
                        &ix.prices
                    };
                    let rate = rates.get(&year.parse().ok()?)?;
                    Some((Setting::Number(*rate), Of::Rate, String::new()))
                }
            }
        }
    }
}

/// The ends of an assumption's range, cut at the valid edge where they go beyond it.
fn ends(s: &Scenario, a: &Assumption, percent: Rational) -> Result<Tested, WhatIfError> {
    let (value, of, name) = current(s, a)
        .ok_or_else(|| WhatIfError::usage(Msg::AssumptionMarksNothing { path: a.path() }))?;
    let one = Rational::from_integer(1);
    let mut t = Tested {
        assumption: a.clone(),
        name,
        low: value,
        high: value,
        cut: None,
        figures: None,
        skipped: None,
    };
    let relative = match a.range {
        Some(AssumedRange::Relative(p)) => Some(p),
        None => Some(percent),
        _ => None,
    };
    (t.low, t.high) = match (value, a.range, relative) {
        (Setting::Date(_), Some(AssumedRange::Dates(lo, hi)), _) => {
            (Setting::Date(lo), Setting::Date(hi))
        }
        (Setting::Date(_), _, _) => {
            t.skipped = Some(Skip::NoRange);
            return Ok(t);
        }
        (Setting::Times(_), Some(AssumedRange::Numbers(lo, hi)), _) => {
            (Setting::Every(lo), Setting::Every(hi))
        }
        (Setting::Times(_), _, Some(p)) => (Setting::Times(one - p), Setting::Times(one + p)),
        (Setting::Number(_), Some(AssumedRange::Numbers(lo, hi)), _) => {
            (Setting::Number(lo), Setting::Number(hi))
        }
        (Setting::Number(v), _, Some(p)) => {
            let (lo, hi) = (v * (one - p), v * (one + p));
            (Setting::Number(lo.min(hi)), Setting::Number(lo.max(hi)))
        }
        _ => {
            let path = a.path();
            return Err(WhatIfError::usage(Msg::AssumptionRangeKind { path }));
        }
    };
    // Money is whole øre.
    if of == Of::Money {
        let ore = |x: Setting| match x {
            Setting::Number(v) => Setting::Number(
                Rational::from_integer(crate::num::round_half_away(*v.numer() * 100, *v.denom()))
                    / Rational::from_integer(100),
            ),
            other => other,
        };
        (t.low, t.high) = (ore(t.low), ore(t.high));
    }
    let edges = match of {
        Of::Money => Some((
            Setting::Number(Rational::from_integer(0)),
            Setting::Number(Rational::from_integer(
                crate::load::values::MAX_MONEY.into(),
            )),
        )),
        Of::Fte => Some((
            Setting::Number(Rational::new(1, 100)),
            Setting::Number(Rational::from_integer(crate::load::values::MAX_FTE.into())),
        )),
        Of::Rate => Some((
            Setting::Number(Rational::new(-99, 100)),
            Setting::Number(Rational::from_integer(10)),
        )),
        Of::Date(from, to) => Some((Setting::Date(from), Setting::Date(to))),
        Of::Rates => None,
    };
    if let Some((lo, hi)) = edges {
        let below = |x: Setting, edge: Setting| cmp(x, edge).is_lt();
        if below(t.high, lo) || below(hi, t.low) {
            return Err(WhatIfError::usage(Msg::AssumptionRangeInvalid {
                path: a.path(),
                low: setting_words(t.low),
                high: setting_words(t.high),
            }));
        }
        if below(t.low, lo) {
            t.low = lo;
            t.cut = Some(lo);
        }
        if below(hi, t.high) {
            t.high = hi;
            t.cut = Some(hi);
        }
    }
    if t.low == t.high {
        t.skipped = Some(Skip::Nothing);
    }
    Ok(t)
}

fn cmp(a: Setting, b: Setting) -> std::cmp::Ordering {
    match (a, b) {
        (Setting::Number(x), Setting::Number(y)) => x.cmp(&y),
        (Setting::Date(x), Setting::Date(y)) => x.cmp(&y),
        _ => std::cmp::Ordering::Equal,
    }
}

/// A setting as `--set` writes it: a decimal where it is one, else a fraction; a day.
pub fn setting_text(x: Setting) -> String {
    match x {
        Setting::Number(v) | Setting::Times(v) | Setting::Every(v) => match crate::num::decimals(v)
        {
            Some(places) if places <= 6 => crate::num::show(v),
            _ => format!("{}/{}", v.numer(), v.denom()),
        },
        Setting::Date(d) => d.to_string(),
    }
}

/// A setting in a message, as the language writes numbers and days.
fn setting_words(x: Setting) -> Box<Msg> {
    match x {
        Setting::Number(v) | Setting::Times(v) | Setting::Every(v) => {
            Msg::Number { number: Num(v) }
        }
        Setting::Date(d) => Msg::DayValue { day: Day(d) },
    }
    .boxed()
}

/// The `--set`s that put the assumption at `at`.
fn overrides(s: &Scenario, a: &Assumption, at: Setting) -> Vec<Override> {
    let set = |path: String, v: Setting| {
        Override::from("--sensitivity", format!("{path}={}", setting_text(v)))
    };
    match (at, &s.indexation) {
        (Setting::Times(k), Some(ix)) | (Setting::Every(k), Some(ix)) => {
            let rates = if a.field == "wages" {
                &ix.wages
            } else {
                &ix.prices
            };
            rates
                .iter()
                .map(|(year, rate)| {
                    let v = match at {
                        Setting::Times(_) => *rate * k,
                        _ => k,
                    };
                    set(format!("indexation.{}.{year}", a.field), Setting::Number(v))
                })
                .collect()
        }
        (at, _) => vec![set(a.path(), at)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_written_as_set_reads_them() {
        assert_eq!(setting_text(Setting::Number(Rational::new(9, 10))), "0.9");
        assert_eq!(
            setting_text(Setting::Number(Rational::new(11, 30))),
            "11/30"
        );
        assert_eq!(
            setting_text(Setting::Number(Rational::from_integer(720_000))),
            "720000"
        );
    }
}
