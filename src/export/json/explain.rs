//! `explain --format json`: a figure's derivation as a tree a program can walk: the figure,
//! its parts (each entry, where it is written, its base amount and share), and each part's
//! lines (months, fraction, index level). Every amount is given twice: to the øre as the
//! report's JSON writes figures (`value`), and exactly (`exact`: a decimal, or a fraction
//! such as `"100000/3"` where it has no finite decimal form).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{Num, Seq, figure, grid};
use crate::bridge::Change;
use crate::explain::{Base, Fraction, How};
use crate::num::show;
use crate::report::Shown;
use crate::report::bridge::BridgeHead;
use crate::report::explain::ExplainHead;
use crate::report::grid::{GridId, What};
use crate::report::sensitivity::SensitivityHead;

pub(super) struct ExplainJson<'a> {
    pub shown: &'a Shown,
    pub head: &'a ExplainHead,
}

impl Serialize for ExplainJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.head;
        let d = &h.derivation;
        let lines = grid(self.shown, GridId::of(What::Lines));
        let parts = grid(self.shown, GridId::of(What::Parts));
        let mut m = s.serialize_map(None)?;
        scenario_and_figure(&mut m, (&h.scenario, &h.file), &d.name)?;
        m.serialize_entry("measure", d.name.measure.key())?;
        m.serialize_entry("id", &d.name.measure.id())?;
        m.serialize_entry(
            "period",
            &Period {
                label: d.name.period.label(),
                start: d.start.to_string(),
                end: d.end.to_string(),
            },
        )?;
        m.serialize_entry("from", &d.from.to_string())?;
        m.serialize_entry("prices", &h.prices.map(|p| p.name()))?;
        m.serialize_entry(
            "how",
            match (d.how, d.months) {
                (How::Shortfall, _) => "shortfall",
                (How::Sum, Some(_)) => "average",
                (How::Sum, None) => "sum",
            },
        )?;
        // The figure: the lines' sum, or (for what must be found) what is below zero.
        let value = grid(self.shown, GridId::of(What::Explained));
        m.serialize_entry("value", &figure(value, Some(0), Some(0)))?;
        m.serialize_entry("exact", &show(d.value))?;
        m.serialize_entry("sum", &figure(lines, None, Some(0)))?;
        m.serialize_entry("sum_exact", &show(d.sum))?;
        m.serialize_entry("months", &d.months.map(show))?;
        m.serialize_entry(
            "shown",
            &h.shown.map(|(value, unit)| ShownJson {
                value: show(value),
                unit: match unit {
                    crate::num::Unit::Kr => "kr",
                    crate::num::Unit::Tkr => "tkr",
                    crate::num::Unit::Mio => "mio",
                    crate::num::Unit::Ore => "ore",
                },
            }),
        )?;
        let mut row = 0;
        let mut part_rows = Vec::with_capacity(d.parts.len());
        for part in &d.parts {
            part_rows.push(row);
            row += part.lines.len();
        }
        m.serialize_entry(
            "parts",
            &Seq(d.parts.len(), |i: usize| {
                let part: &crate::explain::Part = &d.parts[i];
                PartJson {
                    kind: part.kind,
                    id: &part.id,
                    name: &part.name,
                    at: h.places.get(i).cloned().flatten(),
                    sign: part.sign,
                    share: part.share.map(show),
                    base: base(part.base),
                    value: figure(parts, Some(i), Some(0)),
                    exact: show(part.value),
                    lines: part
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(k, line)| {
                            let (months, days, of_days) = match line.fraction {
                                Fraction::Months(n) => (Some(n), None, None),
                                Fraction::Days { days, of } => (None, Some(days), Some(of)),
                                Fraction::Whole => (None, None, None),
                            };
                            LineJson {
                                from: format!("{:04}-{:02}", line.first.0, line.first.1),
                                to: format!("{:04}-{:02}", line.last.0, line.last.1),
                                months,
                                days,
                                of_days,
                                fraction: show(
                                    line.fraction.of_base(matches!(part.base, Base::Fte(_))),
                                ),
                                index: show(line.level),
                                value: figure(lines, Some(part_rows[i] + k), Some(0)),
                                exact: show(line.value),
                            }
                        })
                        .collect(),
                }
            }),
        )?;
        m.end()
    }
}

/// The scenario (`name`, `file`) and the figure's name, first in the JSON of `explain` and
/// `sensitivity`.
fn scenario_and_figure<M: SerializeMap>(
    m: &mut M,
    (name, file): (&str, &str),
    figure: &crate::explain::Name,
) -> Result<(), M::Error> {
    m.serialize_entry("scenario", &super::Named { name, file })?;
    m.serialize_entry("figure", &figure.to_string())
}

#[derive(Serialize)]
struct Period {
    label: String,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct ShownJson {
    value: String,
    unit: &'static str,
}

#[derive(Serialize)]
struct PartJson<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    at: Option<String>,
    sign: i8,
    share: Option<String>,
    base: BaseJson,
    value: Num<'a>,
    exact: String,
    lines: Vec<LineJson<'a>>,
}

#[derive(Serialize, Default)]
struct BaseJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    fte: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annual_cost_per_fte: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

fn base(b: Base) -> BaseJson {
    match b {
        Base::Post { fte, cost_per_fte } => BaseJson {
            fte: Some(show(fte)),
            annual_cost_per_fte: Some(show(cost_per_fte)),
            annual: Some(show(fte * cost_per_fte)),
            ..BaseJson::default()
        },
        Base::Annual(a) => BaseJson {
            annual: Some(show(a)),
            ..BaseJson::default()
        },
        Base::OneOff { amount, date } => BaseJson {
            amount: Some(show(amount)),
            date: Some(date.to_string()),
            ..BaseJson::default()
        },
        Base::Fte(f) => BaseJson {
            fte: Some(show(f)),
            ..BaseJson::default()
        },
    }
}

#[derive(Serialize)]
struct LineJson<'a> {
    from: String,
    to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    of_days: Option<i64>,
    /// Of the base: of a year (money) or a month (FTE).
    fraction: String,
    index: String,
    value: Num<'a>,
    exact: String,
}

/// `compare --bridge --format json`: the figures bridged, their values in A and B, and each
/// step (what changed, where it is written in A and B, and how much each figure moves).
pub(super) struct BridgeJson<'a> {
    pub shown: &'a Shown,
    pub head: &'a BridgeHead,
}

impl Serialize for BridgeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = &self.head.bridge;
        let steps = grid(self.shown, GridId::of(What::BridgeSteps));
        let ends = grid(self.shown, GridId::of(What::BridgeEnds));
        let names: Vec<String> = b.names.iter().map(ToString::to_string).collect();
        let by_name = |g, row: Option<usize>| ByName {
            names: &names,
            grid: g,
            row,
        };
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("figures", &names)?;
        m.serialize_entry(
            "window",
            &self.head.common.map(|(from, to)| Period {
                label: "common".into(),
                start: from.to_string(),
                end: to.to_string(),
            }),
        )?;
        m.serialize_entry("a", &by_name(ends, Some(0)))?;
        m.serialize_entry("b", &by_name(ends, Some(1)))?;
        m.serialize_entry("delta", &by_name(steps, None))?;
        m.serialize_entry(
            "steps",
            &Seq(b.steps.len(), |k: usize| {
                let st: &crate::bridge::Step = &b.steps[k];
                let (at_a, at_b) = self.head.places.get(k).cloned().unwrap_or_default();
                let (change, field, a, b) = match &st.change {
                    Change::Added => ("added", None, None, None),
                    Change::Removed => ("removed", None, None, None),
                    Change::Field { field, a, b } => {
                        ("changed", Some(field.clone()), a.map(value), b.map(value))
                    }
                    Change::PaidBy => ("changed", Some("paid_by".into()), None, None),
                    Change::Funder { a, b } => (
                        "changed",
                        Some("funder".into()),
                        Some(a.clone()),
                        Some(b.clone()),
                    ),
                    Change::Indexed => ("changed", Some("indexed".into()), None, None),
                    Change::Flow => ("changed", Some("flow".into()), None, None),
                };
                StepJson {
                    kind: st.kind,
                    id: &st.id,
                    name: &st.name,
                    change,
                    field,
                    a,
                    b,
                    at_a,
                    at_b,
                    deltas: by_name(steps, Some(k)),
                }
            }),
        )?;
        m.serialize_entry("silent", &b.silent)?;
        m.end()
    }
}

/// A row of a grid (or its column totals, `row` none) as a map of figure name → figure.
struct ByName<'a> {
    names: &'a [String],
    grid: &'a crate::report::ShownGrid,
    row: Option<usize>,
}

impl Serialize for ByName<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.names.len()))?;
        for (j, name) in self.names.iter().enumerate() {
            m.serialize_entry(name, &figure(self.grid, self.row, Some(j)))?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct StepJson<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    change: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    b: Option<String>,
    at_a: Option<String>,
    at_b: Option<String>,
    deltas: ByName<'a>,
}

fn value(v: crate::bridge::Value) -> String {
    match v {
        crate::bridge::Value::Money(r) | crate::bridge::Value::Number(r) => show(r),
        crate::bridge::Value::Date(d) => d.to_string(),
        crate::bridge::Value::MonthDay(m, d) => format!("{m:02}-{d:02}"),
    }
}

/// `sensitivity --format json`: the figure with every value as written, and each assumption
/// with its range as tried and the figure at both ends, the one that moves it most first.
pub(super) struct SensitivityJson<'a> {
    pub shown: &'a Shown,
    pub head: &'a SensitivityHead,
}

impl Serialize for SensitivityJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::whatif::sensitivity::{Skip, setting_text};
        let h = self.head;
        let sens = &h.sensitivity;
        let figures = grid(self.shown, GridId::of(What::Sensitivity));
        let base = grid(self.shown, GridId::of(What::Explained));
        let mut m = s.serialize_map(None)?;
        scenario_and_figure(&mut m, (&h.scenario, &h.file), &sens.name)?;
        m.serialize_entry("prices", &h.prices.map(|p| p.name()))?;
        m.serialize_entry("base", &figure(base, Some(0), Some(0)))?;
        m.serialize_entry("base_exact", &show(sens.base))?;
        m.serialize_entry("sensitivity", &show(sens.percent))?;
        let mut row = 0;
        let list: Vec<AssumptionJson> = sens
            .tested
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let a = &t.assumption;
                let tried = t.skipped.is_none();
                let at = |col: usize| tried.then(|| figure(figures, Some(row), Some(col)));
                let item = AssumptionJson {
                    path: a.path(),
                    section: a.section,
                    id: &a.id,
                    field: &a.field,
                    why: a.why.as_deref(),
                    at: h.places.get(i).cloned().flatten(),
                    low: setting_text(t.low),
                    high: setting_text(t.high),
                    cut: t.cut.map(setting_text),
                    skipped: t.skipped.map(|k| match k {
                        Skip::NoRange => "no_range",
                        Skip::Nothing => "nothing",
                    }),
                    figure_low: at(0),
                    figure_high: at(1),
                    swing: at(2),
                    exact_low: t.figures.map(|f| show(f.0)),
                    exact_high: t.figures.map(|f| show(f.1)),
                };
                if tried {
                    row += 1;
                }
                item
            })
            .collect();
        m.serialize_entry("assumptions", &list)?;
        m.end()
    }
}

#[derive(Serialize)]
struct AssumptionJson<'a> {
    path: String,
    section: &'static str,
    id: &'a str,
    field: &'a str,
    why: Option<&'a str>,
    at: Option<String>,
    low: String,
    high: String,
    cut: Option<String>,
    skipped: Option<&'static str>,
    figure_low: Option<Num<'a>>,
    figure_high: Option<Num<'a>>,
    swing: Option<Num<'a>>,
    exact_low: Option<String>,
    exact_high: Option<String>,
}
