//! The `[indexation]` table: a base year, yearly rises of wages and prices, and the day in the
//! year they take effect.

use std::collections::BTreeMap;

use num_rational::Ratio;

use super::tree::{Table, Value};
use super::{Loader, fields, nearest, values};
use crate::diag::{Diagnostic, Span};
use crate::model::{Index, Indexation};
use crate::num::Rational;

impl Loader<'_> {
    /// The indexation of the scenario: `Some(None)` without one, `None` if it is broken.
    pub(super) fn indexation(&mut self, top: &Table) -> Option<Option<Indexation>> {
        let Some(entry) = top.get("indexation") else {
            return Some(None);
        };
        let owner = "[indexation]";
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                "`indexation` must be a table: [indexation] with base_year, wages and prices",
            );
            return None;
        };
        self.unknown_keys(t, fields::INDEXATION, owner);
        let base_year = self
            .required(t, &entry.node.span, "base_year", owner, "2024")
            .and_then(|e| self.read(e, owner, year));
        let wages = self.rates(t, "wages");
        let prices = self.rates(t, "prices");
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

    /// Rates by year: `{ 2025 = 0.04, 2026 = "3%" }`.
    fn rates(&mut self, t: &Table, key: &str) -> Option<BTreeMap<i16, Rational>> {
        let owner = format!("[indexation] `{key}`");
        let Some(entry) = t.get(key) else {
            return Some(BTreeMap::new());
        };
        let Value::Table(rates) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                format!(
                    "{owner} is a table of rates by year, such as {{ 2025 = 0.04, 2026 = \"3%\" }}"
                ),
            );
            return None;
        };
        let mut out = BTreeMap::new();
        let mut ok = true;
        for e in &rates.entries {
            let Some(y) = e.key.parse::<i16>().ok().filter(|y| (1..=9999).contains(y)) else {
                self.push(
                    Diagnostic::error(&self.path, format!("{owner}: `{}` is not a year", e.key))
                        .at(e.key_span.clone(), "not a year")
                        .help("rates are given by year: { 2025 = 0.04 } is a rise of 4 % in 2025"),
                );
                ok = false;
                continue;
            };
            match self.read(e, &owner, rate) {
                Some(r) => {
                    out.insert(y, r);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// `indexed = "wages" | "prices"` of a funding entry.
    pub(super) fn indexed(&mut self, t: &Table, owner: &str) -> Option<Option<(Index, Span)>> {
        let Some(e) = t.get("indexed") else {
            return Some(None);
        };
        let text = self.read(e, owner, values::text)?;
        match text.as_str() {
            "wages" => Some(Some((Index::Wages, e.node.span.clone()))),
            "prices" => Some(Some((Index::Prices, e.node.span.clone()))),
            other => {
                let help = match nearest(other, &["wages", "prices"]) {
                    Some(n) => format!("did you mean \"{n}\"?"),
                    None => "write \"wages\" or \"prices\", or leave it out for an amount fixed in kroner".to_string(),
                };
                self.push(
                    Diagnostic::error(
                        &self.path,
                        format!("{owner}: `indexed` is \"{other}\", not an index"),
                    )
                    .at(e.node.span.clone(), "not \"wages\" or \"prices\"")
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
            .ok_or_else(|| problem("the number is not a year".to_string(), "not a year")),
        other => Err(problem(
            format!("expected a year such as 2024, found {}", other.kind()),
            "not a year",
        )),
    }
}

/// A yearly rise: `0.04`, `"0.04"` or `"4%"`; more than -100 %.
fn rate(value: &Value) -> Result<Rational, values::Problem> {
    let r = match value {
        Value::String(s) if s.trim().ends_with('%') => {
            let number = Value::String(s.trim().trim_end_matches('%').trim().to_string());
            values::signed(&number)? / Ratio::from_integer(100)
        }
        other => values::signed(other)?,
    };
    if r <= Ratio::from_integer(-1) {
        return Err(problem(
            format!(
                "a fall of 100 % or more ({}) leaves nothing",
                crate::num::show(r)
            ),
            "-100 % or less",
        ));
    }
    if r > Ratio::from_integer(10) {
        return Err(problem(
            format!(
                "a rise of {} a year is more than 1,000 %",
                crate::num::show(r)
            ),
            "too large: write 0.04 or \"4%\" for 4 %",
        ));
    }
    Ok(r)
}

/// `"04-01"`: a month and day that every year has.
fn effective(value: &Value) -> Result<(i8, i8), values::Problem> {
    let bad = || {
        problem(
            "`effective` is a day in the year, \"MM-DD\", such as \"04-01\"".to_string(),
            "not \"MM-DD\"",
        )
    };
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

fn problem(message: String, label: &str) -> values::Problem {
    values::Problem::new(crate::msg::Msg::Text(message), label.into())
}
