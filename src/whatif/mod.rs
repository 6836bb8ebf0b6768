//! What if: sweeps over ranges of values, and goal seeking (`solve`). Each variant is the
//! scenario with overrides, loaded and projected like any other, so a sweep's figure is the
//! figure a report of that variant shows.

use std::fmt;

use rust_decimal::Decimal;

pub mod sensitivity;
pub mod solve;

pub use solve::{Direction, Solution, Value, solve};

use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::{self, ComputeError, Prices, Projection};
use crate::explain::Name;
use crate::load::{Override, Prepared};
use crate::model::Scenario;
use crate::msg::{Count, List, Msg, Num};
use crate::num::{Rational, decimal_to_rational};
use crate::period::{By, PeriodKey};

/// The most points a sweep may have.
pub const MAX_POINTS: u64 = 1_000_000;

/// Why a what-if cannot be answered. All of these are exit code 2. (A usage error's
/// `Display` is English, for logs; people read its message in the language of the run.)
#[derive(Debug, thiserror::Error)]
pub enum WhatIfError {
    #[error("{0}")]
    Input(Diagnostics),
    #[error(transparent)]
    Compute(#[from] ComputeError),
    #[error("{}", .0.render(crate::msg::Lang::En))]
    Usage(Box<Msg>),
}

impl WhatIfError {
    /// A usage error: what was asked cannot be answered.
    pub fn usage(message: Msg) -> WhatIfError {
        WhatIfError::Usage(message.boxed())
    }
}

/// A number as written on the command line, in a message.
fn num(d: Decimal) -> Num {
    Num(decimal_to_rational(d))
}

/// A count of values or points, in a message.
fn count_of(n: u64) -> Count {
    Count(usize::try_from(n).unwrap_or(usize::MAX))
}

impl From<Diagnostics> for WhatIfError {
    fn from(d: Diagnostics) -> Self {
        WhatIfError::Input(d)
    }
}

/// One varied value: a path (as for `--set`) and the values it takes, `FROM..TO/STEP` or a
/// list `A,B,C`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vary {
    pub path: String,
    pub values: Vec<Decimal>,
}

impl Vary {
    /// Reads `path=FROM..TO/STEP` (`TO` is included when the steps land on it) or
    /// `path=A,B,C` (the values in the order given).
    pub fn parse(text: &str) -> Result<Vary, Msg> {
        let t = || text.to_string();
        let form = || Msg::VaryForm.boxed();
        let (path, range) = (text.split_once('=')).ok_or_else(|| Msg::VaryNoEquals {
            text: t(),
            form: form(),
        })?;
        if !range.contains("..") {
            return Vary::list(text, path, range);
        }
        let (bounds, step) = (range.split_once('/')).ok_or_else(|| Msg::VaryNoStep {
            text: t(),
            form: form(),
        })?;
        let (from, to) = (bounds.split_once("..")).ok_or_else(|| Msg::VaryNoRange {
            text: t(),
            form: form(),
        })?;
        let number = |s: &str, what: Msg| -> Result<Decimal, Msg> {
            s.trim()
                .replace('_', "")
                .parse::<Decimal>()
                .map_err(|_| Msg::VaryNotANumber {
                    text: t(),
                    what: what.boxed(),
                    written: s.to_string(),
                })
        };
        let (from, to, step) = (
            number(from, Msg::VaryStart)?,
            number(to, Msg::VaryEnd)?,
            number(step, Msg::VaryStep)?,
        );
        if step <= Decimal::ZERO {
            return Err(Msg::VaryStepNotPositive {
                text: t(),
                step: num(step),
            });
        }
        if to < from {
            return Err(Msg::VaryEndBeforeStart {
                text: t(),
                to: num(to),
                from: num(from),
            });
        }
        let too_many = |count: Msg| Msg::VaryTooMany {
            text: t(),
            count: count.boxed(),
            max: count_of(MAX_POINTS),
        };
        // Checked all the way: the widest range (-79228162514264337593543950335..7922…/1)
        // overflows the subtraction and the finest step (0.0000000000000000000000000001)
        // the division; both are far more values than a sweep may have.
        let count = to
            .checked_sub(from)
            .and_then(|width| width.checked_div(step))
            .and_then(|steps| steps.floor().checked_add(Decimal::ONE))
            .ok_or_else(|| {
                too_many(Msg::MoreThan {
                    n: num(Decimal::MAX),
                })
            })?;
        let as_number = |c: Decimal| Msg::Number { number: num(c) };
        if count > Decimal::from(MAX_POINTS) {
            return Err(too_many(as_number(count)));
        }
        let count = u64::try_from(count).map_err(|_| too_many(as_number(count)))?;
        // Each value exact: `from + step × k`, refused where a Decimal's 28 digits would round
        // it; the last at most `to`, whatever the division rounded.
        let value = |k: u64| -> Option<Decimal> {
            let offset = step.checked_mul(Decimal::from(k))?;
            let v = from.checked_add(offset)?;
            (v.checked_sub(from)? == offset && v <= to).then_some(v)
        };
        let mut values = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        for k in 0..count {
            match value(k) {
                Some(v) => values.push(v),
                None if k + 1 == count && k > 0 => break,
                None => {
                    return Err(Msg::VaryNotExact {
                        text: t(),
                        from: num(from),
                        k: count_of(k),
                        step: num(step),
                    });
                }
            }
        }
        Ok(Vary {
            path: path.trim().to_string(),
            values,
        })
    }

    /// `A,B,C`: each a number, none twice.
    fn list(text: &str, path: &str, list: &str) -> Result<Vary, Msg> {
        let mut values: Vec<Decimal> = Vec::new();
        for item in list.split(',') {
            let v = item
                .trim()
                .replace('_', "")
                .parse::<Decimal>()
                .map_err(|_| Msg::VaryListNotANumber {
                    text: text.to_string(),
                    item: item.trim().to_string(),
                })?;
            if values.contains(&v) {
                return Err(Msg::VaryListedTwice {
                    text: text.to_string(),
                    value: num(v),
                });
            }
            values.push(v);
        }
        if values.len() as u64 > MAX_POINTS {
            return Err(Msg::VaryListTooMany {
                text: text.to_string(),
                count: Count(values.len()),
                max: count_of(MAX_POINTS),
            });
        }
        Ok(Vary {
            path: path.trim().to_string(),
            values,
        })
    }

    fn set(&self, value: Decimal) -> Override {
        Override::from("--vary", format!("{}={}", self.path, value.normalize()))
    }
}

/// A figure to show: `total.cost_by_funder.brn`, `2024.cost`, `2024H1.items.regional-post`,
/// or measure first as `explain` names it (`cost_by_funder.brn.2024`, `must_find.brn`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Show {
    /// As written.
    pub text: String,
    pub name: Name,
}

impl Show {
    pub fn parse(text: &str) -> Result<Show, Msg> {
        Ok(Show {
            text: text.to_string(),
            name: Name::parse(text).map_err(|e| Msg::Flagged {
                flag: "--show".into(),
                message: e.boxed(),
            })?,
        })
    }

    /// The figure in a projection of `s`, exact; an error naming what is missing.
    pub fn of(&self, s: &Scenario, p: &Projection) -> Result<Rational, Msg> {
        let period = self.name.period;
        let text = || self.text.clone();
        if period != PeriodKey::Total && !p.periods.iter().any(|f| f.period.key == period) {
            let labels: Vec<String> = p.periods.iter().map(|f| f.period.label()).collect();
            return Err(Msg::ShowNoPeriod {
                text: text(),
                period: period.label(),
                by: crate::explain::name::by_words(p.by),
                periods: labels.join(", "),
            });
        }
        if let Some(id) = self.name.measure.id() {
            if self.name.measure.by_funder() && s.funder_index(id).is_none() {
                let ids: Vec<&str> = s.funders.iter().map(|f| f.id.as_str()).collect();
                return Err(Msg::ShowNoFunder {
                    text: text(),
                    id: id.to_string(),
                    funders: List::of(&ids),
                });
            }
            if !self.name.measure.by_funder() && !s.item_ids().any(|x| x == id) {
                return Err(Msg::ShowNoItem {
                    text: text(),
                    id: id.to_string(),
                });
            }
        }
        (self.name.value(s, p)).ok_or_else(|| Msg::ShowNotAFigure { text: text() })
    }

    pub fn is_fte(&self) -> bool {
        self.name.is_fte()
    }
}

impl fmt::Display for Show {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// How each variant is computed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub by: By,
    pub prices: Prices,
    /// Overrides applied before the varied values.
    pub overrides: Vec<Override>,
}

/// One point of a sweep: the values of the varied paths, and the figures shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub values: Vec<Decimal>,
    pub figures: Vec<Rational>,
}

/// The figures of every combination of the varied values, in order (the last varies fastest).
pub fn sweep(
    prepared: &Prepared,
    vary: &[Vary],
    show: &[Show],
    options: &Options,
    progress: &mut dyn FnMut(usize, u64),
) -> Result<Vec<Point>, WhatIfError> {
    let total: u64 = vary.iter().map(|v| v.values.len() as u64).product();
    if total > MAX_POINTS {
        return Err(WhatIfError::usage(Msg::SweepTooManyPoints {
            total: count_of(total),
            max: count_of(MAX_POINTS),
        }));
    }
    let mut points = Vec::with_capacity(total as usize);
    let mut index = vec![0usize; vary.len()];
    let mut overrides = options.overrides.clone();
    let base = overrides.len();
    loop {
        overrides.truncate(base);
        let values: Vec<Decimal> = vary.iter().zip(&index).map(|(v, i)| v.values[*i]).collect();
        overrides.extend(vary.iter().zip(&values).map(|(v, x)| v.set(*x)));
        let loaded = prepared.load(&overrides)?;
        let p = engine::project_in(&loaded.scenario, options.by, options.prices)?;
        let figures = show
            .iter()
            .map(|s| s.of(&loaded.scenario, &p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(WhatIfError::usage)?;
        points.push(Point { values, figures });
        progress(points.len(), total);
        // The next combination, like an odometer.
        let mut k = vary.len();
        loop {
            if k == 0 {
                return Ok(points);
            }
            k -= 1;
            index[k] += 1;
            if index[k] < vary[k].values.len() {
                break;
            }
            index[k] = 0;
        }
    }
}

/// A usage error as diagnostics about the command line.
pub fn usage(message: Msg) -> Diagnostics {
    Diagnostic::error(std::path::Path::new(""), message).into()
}
