//! The `[indexation]` table: a base year, yearly rises of wages and prices, and the day in the
//! year they take effect.

use std::collections::BTreeMap;

use num_rational::Ratio;
use num_traits::Signed;

use super::tree::{Entry, Table, Value};
use super::{Loader, fields, nearest, values};
use crate::diag::{Diagnostic, Span};
use crate::model::{Index, Indexation};
use crate::msg::{Msg, Percent};
use crate::num::Rational;

/// A rise above this a year is worth a warning: 20 %.
const HIGH_RATE: (i128, i128) = (1, 5);

impl Loader<'_> {
    /// The indexation of the scenario: `Some(None)` without one, `None` if it is broken.
    /// `last_year` is the last year of the window, up to which a rate `from` a year applies.
    pub(super) fn indexation(
        &mut self,
        top: &Table,
        last_year: Option<i16>,
    ) -> Option<Option<Indexation>> {
        let Some(entry) = top.get("indexation") else {
            return Some(None);
        };
        let owner = &Msg::OwnerIndexation;
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::IndexationNotATable,
            );
            return None;
        };
        self.unknown_keys(t, fields::INDEXATION, owner);
        let base_year = self
            .required(t, &entry.node.span, "base_year", owner, "2024")
            .and_then(|e| self.read(e, owner, year));
        let last = last_year.map(|y| base_year.map_or(y, |b| y.max(b)));
        let wages = self.rates(t, "wages", last);
        let prices = self.rates(t, "prices", last);
        let effective = match t.get("effective") {
            None => Some((1, 1)),
            Some(e) => self.read(e, owner, effective),
        };
        Some(Some(Indexation {
            base_year: base_year?,
            wages: wages?,
            prices: prices?,
            effective: effective?,
        }))
    }

    /// Rates by year, `{ 2025 = 0.04, 2026 = "3 %" }`, or one rate from a year on,
    /// `{ from = 2027, rate = "3 %" }` (to `to`, or to `last`), the years given beside it
    /// taking precedence.
    fn rates(
        &mut self,
        t: &Table,
        key: &str,
        last: Option<i16>,
    ) -> Option<BTreeMap<i16, Rational>> {
        let owner = Msg::OwnerRates {
            key: key.to_string(),
        };
        let Some(entry) = t.get(key) else {
            return Some(BTreeMap::new());
        };
        let Value::Table(rates) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::RatesNotATable {
                    key: key.to_string(),
                },
            );
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        let (mut from, mut to, mut rate) = (None, None, None);
        for e in &rates.entries {
            match e.key.as_str() {
                "from" => from = Some(self.read_at(e, &owner, year).ok_or(())),
                "to" => to = Some(self.read_at(e, &owner, year).ok_or(())),
                "rate" => rate = Some(self.rate_at(e, &owner).ok_or(())),
                _ => {
                    let Some(y) = e.key.parse::<i16>().ok().filter(|y| (1..=9999).contains(y))
                    else {
                        self.push(
                            Diagnostic::error(
                                &self.path,
                                Msg::RatesKeyNotAYear {
                                    key: key.to_string(),
                                    written: e.key.clone(),
                                },
                            )
                            .at(e.key_span.clone(), Msg::LabelNotAYear)
                            .help(Msg::HelpRatesByYear),
                        );
                        ok = false;
                        continue;
                    };
                    match self.rate_at(e, &owner) {
                        Some(r) => {
                            out.insert(y, r);
                        }
                        None => ok = false,
                    }
                }
            }
        }
        let broken = from.as_ref().is_some_and(Result::is_err)
            || to.as_ref().is_some_and(Result::is_err)
            || rate.as_ref().is_some_and(Result::is_err);
        if broken {
            return None;
        }
        let (from, to) = (from.and_then(Result::ok), to.and_then(Result::ok));
        match (from, rate.and_then(Result::ok)) {
            (Some((from, _)), Some(rate)) => {
                if let Some((to, span)) = &to
                    && *to < from
                {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            Msg::RatesToBeforeFrom {
                                key: key.to_string(),
                                to: to.to_string(),
                                from: from.to_string(),
                            },
                        )
                        .at(span.clone(), Msg::LabelBeforeFrom)
                        .help(Msg::HelpRatesFromTo),
                    );
                    return None;
                }
                let end = to.map(|t| t.0).or(last).unwrap_or(from);
                for y in from..=end {
                    out.entry(y).or_insert(rate);
                }
            }
            (None, Some(_)) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::RateWithoutFrom {
                            key: key.to_string(),
                        },
                    )
                    .at(self.header(&entry.node.span), Msg::LabelFromWhen)
                    .help(Msg::HelpRateFrom {
                        key: key.to_string(),
                    }),
                );
                return None;
            }
            (None, None) if to.is_none() => {}
            // `from` or `to` without a rate: pointed at the first of them given.
            (from, None) => {
                let span = from.or(to).map(|(_, span)| span).expect("from or to given");
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::FromWithoutRate {
                            key: key.to_string(),
                        },
                    )
                    .at(span, Msg::LabelWhatRate)
                    .help(Msg::HelpRateFrom {
                        key: key.to_string(),
                    }),
                );
                return None;
            }
        }
        ok.then_some(out)
    }

    /// A rate read from `e`, with a warning where it is unusually high.
    fn rate_at(&mut self, e: &Entry, owner: &Msg) -> Option<Rational> {
        let r = self.read(e, owner, rate)?;
        if r > Ratio::new(HIGH_RATE.0, HIGH_RATE.1) {
            self.warn(
                Diagnostic::warning(
                    &self.path,
                    Msg::AtKey {
                        owner: owner.clone().boxed(),
                        key: e.key.clone(),
                        message: Msg::RateHigh { rate: Percent(r) }.boxed(),
                    },
                )
                .at(e.node.span.clone(), Msg::LabelHighRate { rate: Percent(r) })
                .help(Msg::HelpRateHigh),
            );
        }
        Some(r)
    }

    /// `indexed = "wages" | "prices"` of a funding entry.
    pub(super) fn indexed(&mut self, t: &Table, owner: &Msg) -> Option<Option<(Index, Span)>> {
        let Some(e) = t.get("indexed") else {
            return Some(None);
        };
        let text = self.read(e, owner, values::text)?;
        match text.as_str() {
            "wages" => Some(Some((Index::Wages, e.node.span.clone()))),
            "prices" => Some(Some((Index::Prices, e.node.span.clone()))),
            other => {
                let help = match nearest(other, &["wages", "prices"]) {
                    Some(n) => Msg::HelpDidYouMeanQuoted {
                        word: n.to_string(),
                    },
                    None => Msg::HelpIndexedWhat,
                };
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::AtKey {
                            owner: owner.clone().boxed(),
                            key: "indexed".into(),
                            message: Msg::IndexedNotAnIndex {
                                written: other.to_string(),
                            }
                            .boxed(),
                        },
                    )
                    .at(e.node.span.clone(), Msg::LabelNotAnIndex)
                    .help(help),
                );
                None
            }
        }
    }
}

fn year(value: &Value) -> Result<i16, values::Problem> {
    match value {
        Value::Integer(n) => n
            .get()
            .and_then(|n| i16::try_from(n).ok())
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| values::Problem::new(Msg::NumberNotAYear, Msg::LabelNotAYear)),
        other => Err(values::Problem::new(
            Msg::Expected {
                expected: Msg::ExpectYear.boxed(),
                found: values::kind(other).boxed(),
            },
            Msg::LabelNotAYear,
        )),
    }
}

/// `3,5` or `3.5` as a number (a Danish decimal comma read as a point), if it is one.
fn percent_number(s: &str) -> Option<Value> {
    let s = s.trim();
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (whole, fraction) = unsigned.split_once([',', '.']).unwrap_or((unsigned, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let ok = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && (fraction.is_empty() || unsigned.len() > whole.len() + 1);
    ok.then(|| Value::String(s.replacen(',', ".", 1)))
}

/// A yearly rise: a decimal (`0.04`, `"0.04"`) or a percent string (`"4 %"`, `"4%"`,
/// `"3,5 %"`); more than -100 %. A bare number above 1 in size (`3`) is refused: it is a
/// percentage written without its sign, which as a decimal would be +300 % a year.
pub(super) fn rate(value: &Value) -> Result<Rational, values::Problem> {
    let hundred = Ratio::from_integer(100);
    let r = match value {
        Value::String(s) if s.trim().ends_with('%') => {
            let number = s.trim().strip_suffix('%').unwrap_or_default();
            match percent_number(number) {
                Some(n) => values::signed(&n)? / hundred,
                None => {
                    return Err(values::Problem::new(
                        Msg::NotAPercentage { written: s.clone() },
                        Msg::LabelNotANumber,
                    )
                    .help(Msg::HelpWritePercent));
                }
            }
        }
        // `"3,5"` or `"0,03"`: a decimal comma, which a rate does not take without `%`.
        Value::String(s) if s.contains(',') && percent_number(s).is_some() => {
            let n = percent_number(s).map_or(Ok(hundred), |n| values::signed(&n))?;
            return Err(comma_rate(s.trim(), n));
        }
        other => {
            let r = values::signed(other)?;
            if r.abs() > Ratio::from_integer(1) {
                let written = match other {
                    Value::Integer(n) => n.get().map_or_else(String::new, |n| n.to_string()),
                    Value::Float(f) | Value::String(f) => f.trim().to_string(),
                    _ => crate::num::show(r),
                };
                return Err(bare_percentage(&written, r));
            }
            r
        }
    };
    if r <= Ratio::from_integer(-1) {
        return Err(values::Problem::new(
            Msg::RateFallAll { rate: Percent(r) },
            Msg::LabelFallAll,
        ));
    }
    if r > Ratio::from_integer(10) {
        return Err(values::Problem::new(
            Msg::RateOver1000 { rate: Percent(r) },
            Msg::LabelRateTooLarge,
        )
        .help(Msg::HelpRateForm));
    }
    Ok(r)
}

/// How to write a rise of `decimal` a year: `0.035` or `"3,5 %"`.
fn rate_help(decimal: Rational) -> Msg {
    Msg::HelpRateBare {
        decimal: crate::num::show(decimal),
        rate: Percent(decimal),
    }
}

/// `3` as a rate: a percentage written without `%`, which as a decimal is +300 % a year.
fn bare_percentage(written: &str, percent: Rational) -> values::Problem {
    values::Problem::new(
        Msg::RateBare {
            written: written.to_string(),
            rate: Percent(percent),
        },
        Msg::LabelRateAYear {
            rate: Percent(percent),
        },
    )
    .help(rate_help(percent / Ratio::from_integer(100)))
}

/// `"3,5"` (a percentage, 3.5 %) or `"0,03"` (a decimal, 3 %) as a rate: a decimal comma
/// without `%`, read by the size of the number.
fn comma_rate(written: &str, n: Rational) -> values::Problem {
    let decimal = comma_reading(n);
    values::Problem::new(
        Msg::RateDecimalComma {
            written: written.to_string(),
        },
        Msg::LabelRateAYear {
            rate: Percent(decimal),
        },
    )
    .help(rate_help(decimal))
}

/// A rate written with a decimal comma, as meant: above 1 a percentage (`3,5`), else a
/// decimal (`0,03`).
fn comma_reading(n: Rational) -> Rational {
    if n.abs() > Ratio::from_integer(1) {
        n / Ratio::from_integer(100)
    } else {
        n
    }
}

/// A rate written bare in a file where it is no TOML (`2027 = 3 %`, `2027 = 3,5`): the error
/// for what it means, if it is one.
pub(super) fn bare_rate(written: &str) -> Option<values::Problem> {
    let written = written.trim();
    let (number, percent) = match written.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (written, false),
    };
    let n = values::signed(&percent_number(number)?).ok()?;
    let decimal = if percent {
        n / Ratio::from_integer(100)
    } else {
        comma_reading(n)
    };
    Some(
        values::Problem::new(
            Msg::RateNotToml {
                written: written.to_string(),
            },
            Msg::LabelRateAYear {
                rate: Percent(decimal),
            },
        )
        .help(rate_help(decimal)),
    )
}

/// `"04-01"`: a month and day that every year has.
fn effective(value: &Value) -> Result<(i8, i8), values::Problem> {
    let bad = || values::Problem::new(Msg::EffectiveNotADay, Msg::LabelNotMonthDay);
    let Value::String(s) = value else {
        return Err(bad());
    };
    let (m, d) = s.trim().split_once('-').ok_or_else(bad)?;
    let (m, d): (i8, i8) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    // Every year has it: 29 February does not qualify.
    if jiff::civil::Date::new(2023, m, d).is_err() {
        return Err(bad());
    }
    Ok((m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(p: &values::Problem) -> String {
        p.message.render(crate::msg::Lang::En)
    }

    #[test]
    fn rates_as_decimals_and_percentages() {
        let s = |t: &str| Value::String(t.to_string());
        let r = |n, d| Ratio::new(n, d);
        assert_eq!(rate(&Value::Float("0.03".into())).unwrap(), r(3, 100));
        for written in ["3 %", "3%", " 3 % ", "0.03"] {
            assert_eq!(rate(&s(written)).unwrap(), r(3, 100), "{written}");
        }
        assert_eq!(rate(&s("3,5 %")).unwrap(), r(35, 1000));
        assert_eq!(rate(&s("3.5%")).unwrap(), r(35, 1000));
        assert_eq!(rate(&s("-2 %")).unwrap(), r(-2, 100));
        // Issue 12: `wages = { 2027 = 3 }` was +300 % a year, without a word.
        let three = Value::Integer(super::super::tree::Integer::new(Some(3)));
        let p = rate(&three).unwrap_err();
        assert_eq!(en(&p), "3 would be a rise of 300 % a year");
        assert_eq!(
            p.help.as_deref().map(|h| h.render(crate::msg::Lang::En)),
            Some("write 0.03 or \"3 %\" for a rise of 3 % a year".into())
        );
        let p = rate(&s("3,5")).unwrap_err();
        assert_eq!(
            p.help.as_deref().map(|h| h.render(crate::msg::Lang::Da)),
            Some("skriv 0.035 eller \"3,5 %\" for en stigning på 3,5 % om året".into())
        );
        let p = rate(&s("0,03")).unwrap_err();
        assert_eq!(
            p.help.as_deref().map(|h| h.render(crate::msg::Lang::En)),
            Some("write 0.03 or \"3 %\" for a rise of 3 % a year".into())
        );
        assert!(rate(&s("3 %%")).is_err());
        assert!(rate(&s("-100 %")).is_err());
        assert_eq!(
            bare_rate("3 %").map(|p| en(&p)).as_deref(),
            Some("3 % is not TOML: a rate in percent is written in quotes")
        );
    }
}
