//! `status --format json`: the budget follow-up as data. Money and percentages as strings with
//! two decimals; a percentage without a base (of a budget of nothing) is `null`.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Funder, Num, ScenarioJson, Seq, grid};
use crate::report::grid::{GridId, Scope, StatusFigure, StatusGrid, StatusRows, What};
use crate::report::status::{RowFacts, StatusHead};
use crate::report::{Shown, ShownGrid};

/// `status --format json`.
pub(super) struct StatusJson<'a> {
    pub shown: &'a Shown,
    pub head: &'a StatusHead,
}

fn part_name(rows: StatusRows) -> &'static str {
    match rows {
        StatusRows::Cost => "cost",
        StatusRows::Funding => "funding",
        StatusRows::Funders => "funders",
    }
}

impl Serialize for StatusJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct File<'a> {
            file: &'a str,
            encoding: &'a str,
            delimiter: String,
            decimal: Option<String>,
            bookings: usize,
        }
        let h = self.head;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(
            "scenario",
            &ScenarioJson::new(&h.name, &h.file, h.start, h.end),
        )?;
        m.serialize_entry("as_of", &h.as_of.to_string())?;
        m.serialize_entry("follow_up_from", &h.from.to_string())?;
        if let Some(prices) = h.prices {
            m.serialize_entry("prices", prices.name())?;
        }
        let files: Vec<File> = h
            .files
            .iter()
            .map(|f| File {
                file: &f.path,
                encoding: f.encoding,
                delimiter: f.delimiter.to_string(),
                decimal: f.decimal.map(|c| c.to_string()),
                bookings: f.rows,
            })
            .collect();
        m.serialize_entry("files", &files)?;
        let two = |r: crate::num::Rational| crate::num::plain2(r);
        m.serialize_entry(
            "materiality",
            &serde_json::json!({
                "percent": h.materiality.percent.map(two),
                "amount": h.materiality.amount.map(two),
            }),
        )?;
        let funders = Seq(h.funders.len(), |i: usize| Funder {
            id: &h.funders[i].id,
            name: &h.funders[i].name,
            residual: h.funders[i].residual,
        });
        m.serialize_entry("funders", &funders)?;
        let scopes = Seq(h.scopes.len(), |k: usize| ScopeJson {
            shown: self.shown,
            scope: &h.scopes[k],
        });
        m.serialize_entry("scopes", &scopes)?;
        m.serialize_entry("monthly", &Monthly { shown: self.shown })?;
        m.serialize_entry("cumulative", &Cumulative { shown: self.shown })?;
        m.serialize_entry("must_find", &MustFind { shown: self.shown })?;
        m.serialize_entry(
            "bookings",
            &Bookings {
                shown: self.shown,
                counts: h.counts,
            },
        )?;
        m.serialize_entry(
            "unallocated",
            &Unallocated {
                shown: self.shown,
                head: h,
            },
        )?;
        m.end()
    }
}

struct ScopeJson<'a> {
    shown: &'a Shown,
    scope: &'a crate::report::status::ScopeHead,
}

impl Serialize for ScopeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sc = self.scope;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("scope", sc.scope.name())?;
        m.serialize_entry("start", &sc.start.to_string())?;
        m.serialize_entry("end", &sc.end.to_string())?;
        for (rows, facts) in &sc.parts {
            let name = part_name(*rows);
            let list = Seq(facts.len(), |i: usize| RowJson {
                shown: self.shown,
                scope: sc.scope,
                rows: *rows,
                row: Some(i),
                facts: Some(&facts[i]),
            });
            m.serialize_entry(name, &list)?;
            m.serialize_entry(
                &format!("{name}_total"),
                &RowJson {
                    shown: self.shown,
                    scope: sc.scope,
                    rows: *rows,
                    row: None,
                    facts: None,
                },
            )?;
        }
        m.end()
    }
}

/// A row of a scope (`row`), or its total (none).
struct RowJson<'a> {
    shown: &'a Shown,
    scope: Scope,
    rows: StatusRows,
    row: Option<usize>,
    facts: Option<&'a RowFacts>,
}

impl Serialize for RowJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(f) = self.facts {
            m.serialize_entry("id", &f.id)?;
            m.serialize_entry("name", &f.name)?;
            m.serialize_entry("kind", f.kind)?;
        }
        for figure in StatusFigure::ALL {
            let g = grid(
                self.shown,
                GridId::of(What::Status(StatusGrid {
                    scope: self.scope,
                    rows: self.rows,
                    figure,
                })),
            );
            let defined = match (self.facts, figure) {
                (Some(f), StatusFigure::DeviationPercent) => f.deviation_percent,
                (Some(f), StatusFigure::UsedPercent) => f.used_percent,
                (None, f) if f.is_percent() => total_defined(self.shown, self.scope, self.rows, f),
                _ => true,
            };
            let value = g.at(self.row, Some(0)).filter(|_| defined).map(Num);
            m.serialize_entry(figure.name(), &value)?;
        }
        if let Some(f) = self.facts {
            m.serialize_entry("method", f.method)?;
            m.serialize_entry("material", &f.material)?;
            m.serialize_entry("explanation", &f.explanation)?;
        }
        m.end()
    }
}

/// Whether a total's percentage has a base: its budget (to date) is not nothing.
fn total_defined(shown: &Shown, scope: Scope, rows: StatusRows, f: StatusFigure) -> bool {
    let base = match f {
        StatusFigure::DeviationPercent => StatusFigure::BudgetToDate,
        _ => StatusFigure::Budget,
    };
    let g = grid(
        shown,
        GridId::of(What::Status(StatusGrid {
            scope,
            rows,
            figure: base,
        })),
    );
    g.at(None, Some(0))
        .is_some_and(|x| x.exact != crate::num::Rational::from_integer(0))
}

struct Monthly<'a> {
    shown: &'a Shown,
}

impl Serialize for Monthly<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = |k| grid(self.shown, GridId::of(What::StatusMonthly(k)));
        let budget = g(0);
        let list = Seq(budget.columns.len(), |j: usize| {
            let c = &budget.columns[j];
            let at = |k| Num(g(k).at(Some(0), Some(j)).expect("a month's figure"));
            serde_json::json!({
                "label": c.label(),
                "start": c.start.map(|d| d.to_string()),
                "end": c.end.map(|d| d.to_string()),
                "budget": crate::num::plain2(at(0).0.shown),
                "actual": crate::num::plain2(at(1).0.shown),
                "forecast": crate::num::plain2(at(2).0.shown),
            })
        });
        list.serialize(s)
    }
}

/// A column of a grid of funders as a map of funder id → figure.
fn by_funder(g: &ShownGrid, col: usize) -> serde_json::Map<String, serde_json::Value> {
    g.rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = g.at(Some(i), Some(col)).expect("the grid has the figure");
            (r.id.clone(), crate::num::plain2(f.shown).into())
        })
        .collect()
}

struct Cumulative<'a> {
    shown: &'a Shown,
}

impl Serialize for Cumulative<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let plan = grid(self.shown, GridId::of(What::StatusCumulative(false)));
        let again = grid(self.shown, GridId::of(What::StatusCumulative(true)));
        let list = Seq(plan.columns.len(), |j: usize| {
            let c = &plan.columns[j];
            serde_json::json!({
                "label": c.label(),
                "end": c.end.map(|d| d.to_string()),
                "budget": by_funder(plan, j),
                "reforecast": by_funder(again, j),
            })
        });
        list.serialize(s)
    }
}

struct MustFind<'a> {
    shown: &'a Shown,
}

impl Serialize for MustFind<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let plan = grid(self.shown, GridId::of(What::StatusMustFind(false)));
        let again = grid(self.shown, GridId::of(What::StatusMustFind(true)));
        let list = Seq(plan.rows.len(), |i: usize| {
            serde_json::json!({
                "funder": plan.rows[i].id,
                "budget": crate::num::plain2(plan.at(Some(i), Some(0)).expect("a figure").shown),
                "reforecast": crate::num::plain2(again.at(Some(i), Some(0)).expect("a figure").shown),
            })
        });
        list.serialize(s)
    }
}

struct Bookings<'a> {
    shown: &'a Shown,
    counts: [usize; 4],
}

impl Serialize for Bookings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = grid(self.shown, GridId::of(What::StatusBookings));
        let mut m = s.serialize_map(None)?;
        for (i, row) in g.rows.iter().enumerate() {
            m.serialize_entry(
                &row.id,
                &serde_json::json!({
                    "count": self.counts[i],
                    "amount": crate::num::plain2(g.at(Some(i), Some(0)).expect("a figure").shown),
                }),
            )?;
        }
        m.serialize_entry(
            "total",
            &serde_json::json!({
                "count": self.counts.iter().sum::<usize>(),
                "amount": crate::num::plain2(g.at(None, Some(0)).expect("a figure").shown),
            }),
        )?;
        m.end()
    }
}

struct Unallocated<'a> {
    shown: &'a Shown,
    head: &'a StatusHead,
}

impl Serialize for Unallocated<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.shown.grid(GridId::of(What::StatusUnallocated));
        let list = Seq(self.head.unallocated.len(), |i: usize| {
            let u = &self.head.unallocated[i];
            let amount = g
                .and_then(|g| g.at(Some(i), Some(0)))
                .map(|f| crate::num::plain2(f.shown));
            serde_json::json!({
                "file": u.file,
                "line": u.line,
                "date": u.date.to_string(),
                "account": u.account,
                "text": u.text,
                "voucher": u.voucher,
                "reason": u.reason,
                "amount": amount,
            })
        });
        list.serialize(s)
    }
}
