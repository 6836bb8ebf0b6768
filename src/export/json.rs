//! JSON as the contract fixes it: money and FTE as strings with exactly two decimals, every
//! funder in every funder map, every item in `items`. Written straight to the output, so a
//! large report needs no copy of itself in memory.

use std::io::Write;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::engine::{Amount, Figures, Scale};
use crate::format;
use crate::i18n::Lang;
use crate::model::{Rational, Scenario};
use crate::report::Report;
use crate::report::check::{CheckReport, Status};
use crate::report::compare::{ChangeKind, Comparison, Side, describe};

/// A figure as a two-decimal string.
struct Num(Rational);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format::plain2(self.0))
    }
}

/// An amount in øre as a two-decimal string.
struct Ore(i128);

impl Serialize for Ore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 48];
        s.serialize_str(format::ore_str(self.0, &mut buf))
    }
}

/// A map of id → figure.
struct Map<'a, F: Fn(usize) -> Rational> {
    ids: &'a [&'a str],
    value: F,
}

impl<F: Fn(usize) -> Rational> Serialize for Map<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.ids.len()))?;
        for (i, id) in self.ids.iter().enumerate() {
            m.serialize_entry(id, &Num((self.value)(i)))?;
        }
        m.end()
    }
}

/// A map of id → amount of a projection, written from its units without fractions.
struct Amounts<'a, F: Fn(usize) -> Amount> {
    ids: &'a [&'a str],
    scale: Scale,
    value: F,
}

impl<F: Fn(usize) -> Amount> Serialize for Amounts<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.ids.len()))?;
        for (i, id) in self.ids.iter().enumerate() {
            m.serialize_entry(id, &Ore(self.scale.ore((self.value)(i))))?;
        }
        m.end()
    }
}

/// One period (or the total) of a report.
struct ReportFigures<'a> {
    scale: Scale,
    funders: &'a [&'a str],
    items: &'a [&'a str],
    figures: &'a Figures,
    /// The label; the total has none.
    label: bool,
    /// Cost by member in this period, where members are asked for.
    members: Option<(&'a [&'a str], Vec<Rational>)>,
}

impl Serialize for ReportFigures<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.figures;
        let scale = self.scale;
        let funders = |value: fn(&Figures, usize) -> Amount| Amounts {
            ids: self.funders,
            scale,
            value: move |i| value(f, i),
        };
        let mut m = s.serialize_map(None)?;
        if self.label {
            m.serialize_entry("label", &f.period.label())?;
        }
        m.serialize_entry("start", &f.period.start.to_string())?;
        m.serialize_entry("end", &f.period.end.to_string())?;
        m.serialize_entry("fte", &Num(f.fte.average()))?;
        m.serialize_entry("cost", &Ore(scale.ore(f.cost())))?;
        m.serialize_entry(
            "items",
            &Amounts {
                ids: self.items,
                scale,
                value: |i| f.items[i],
            },
        )?;
        m.serialize_entry("cost_by_funder", &funders(|f, i| f.cost_by_funder[i]))?;
        m.serialize_entry("funding_by_funder", &funders(|f, i| f.funding_by_funder[i]))?;
        m.serialize_entry(
            "balance_by_funder",
            &funders(|f, i| f.funding_by_funder[i] - f.cost_by_funder[i]),
        )?;
        m.serialize_entry(
            "cumulative_balance_by_funder",
            &funders(|f, i| f.cumulative_by_funder[i]),
        )?;
        if let Some((ids, values)) = &self.members {
            m.serialize_entry(
                "cost_by_member",
                &Map {
                    ids,
                    value: |i| values[i],
                },
            )?;
        }
        m.end()
    }
}

fn funder_ids(s: &Scenario) -> Vec<&str> {
    s.funders.iter().map(|f| f.id.as_str()).collect()
}

#[derive(Serialize)]
struct MembersHead<'a> {
    mode: &'a str,
    precision: &'a str,
    parties: Vec<FunderHeadShort<'a>>,
}

#[derive(Serialize)]
struct FunderHeadShort<'a> {
    id: &'a str,
    name: &'a str,
}

fn members_head(m: &crate::report::Members) -> MembersHead<'_> {
    MembersHead {
        mode: m.allocation.mode.name(),
        precision: m.precision.name(),
        parties: m
            .allocation
            .parties
            .iter()
            .map(|p| FunderHeadShort {
                id: &p.id,
                name: &p.name,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ScenarioHead<'a> {
    name: &'a str,
    file: String,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct FunderHead<'a> {
    id: &'a str,
    name: &'a str,
    residual: bool,
}

struct Periods<'a, T: Serialize>(&'a [T]);

impl<T: Serialize> Serialize for Periods<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(p)?;
        }
        seq.end()
    }
}

/// Writes `value`, indented when `pretty`, else compact, and a newline.
fn write_json<T: Serialize>(value: &T, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    // A buffer of its own: the serializer writes many small pieces, each a call through `out`
    // otherwise.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut w, value)?;
    } else {
        serde_json::to_writer(&mut w, value)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// A whole report, written as it is serialized.
struct ReportJson<'a> {
    r: &'a Report<'a>,
    periods: Vec<ReportFigures<'a>>,
    total: ReportFigures<'a>,
}

/// `report --format json`: indented when `pretty` (for a terminal), else compact.
pub fn report(r: &Report, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let s = r.scenario;
    let funders = funder_ids(s);
    let items: Vec<&str> = s.item_ids().collect();
    let grid = r.member_grid();
    let parties: Vec<&str> = r
        .members
        .as_ref()
        .map(|m| m.allocation.parties.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let column = |j: Option<usize>| {
        grid.as_ref().map(|g| {
            let values = match j {
                Some(j) => g.cells.iter().map(|r| r[j]).collect(),
                None => g.rows.clone(),
            };
            (parties.as_slice(), values)
        })
    };
    let figures = |f, j: Option<usize>| ReportFigures {
        scale: r.projection.scale,
        funders: &funders,
        items: &items,
        figures: f,
        label: j.is_some(),
        members: column(j),
    };
    let periods: Vec<ReportFigures> = r
        .projection
        .periods
        .iter()
        .enumerate()
        .map(|(j, f)| figures(f, Some(j)))
        .collect();
    let total = figures(&r.projection.total, None);
    write_json(&ReportJson { r, periods, total }, out, pretty)
}

impl Serialize for ReportJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let s = r.scenario;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry(
            "scenario",
            &ScenarioHead {
                name: &s.name,
                file: s.file.display().to_string(),
                start: s.window.from.to_string(),
                end: s.window.to.to_string(),
            },
        )?;
        m.serialize_entry("by", r.projection.by.name())?;
        if s.indexation.is_some() {
            m.serialize_entry("prices", r.projection.prices.name())?;
        }
        m.serialize_entry(
            "funders",
            &s.funders
                .iter()
                .map(|f| FunderHead {
                    id: &f.id,
                    name: &f.name,
                    residual: f.residual,
                })
                .collect::<Vec<_>>(),
        )?;
        if let Some(members) = &r.members {
            m.serialize_entry("members", &members_head(members))?;
        }
        m.serialize_entry("periods", &Periods(&self.periods))?;
        m.serialize_entry("total", &self.total)?;
        m.end()
    }
}

struct SideJson<'a> {
    cmp: &'a Comparison<'a>,
    funders: &'a [&'a str],
    side: &'a Side,
    members: Option<(&'a [&'a str], Vec<Rational>)>,
}

impl Serialize for SideJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("fte", &Num(self.side.fte))?;
        m.serialize_entry("cost", &Num(self.cmp.money(self.side.cost)))?;
        m.serialize_entry(
            "cost_by_funder",
            &Map {
                ids: self.funders,
                value: |i| self.cmp.money(self.side.cost_by_funder[i]),
            },
        )?;
        if let Some((ids, values)) = &self.members {
            m.serialize_entry(
                "cost_by_member",
                &Map {
                    ids,
                    value: |i| values[i],
                },
            )?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    file: String,
}

fn named(s: &Scenario) -> Named<'_> {
    Named {
        name: &s.name,
        file: s.file.display().to_string(),
    }
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'a str,
    id: &'a str,
    change: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    field: &'a str,
    a: Option<String>,
    b: Option<String>,
}

/// `compare --format json`: indented when `pretty`, else compact.
pub fn compare(c: &Comparison, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let funders: Vec<&str> = c.funders.iter().map(|f| f.id.as_str()).collect();
    let member_grids = c.member_grids();
    let party_ids: Vec<&str> = member_grids
        .as_ref()
        .map(|(parties, _)| parties.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let sides = |sides: &[Side; 3], j: Option<usize>| -> serde_json::Result<serde_json::Value> {
        let mut m = serde_json::Map::new();
        for (k, (key, side)) in ["a", "b", "delta"].into_iter().zip(sides).enumerate() {
            let members = member_grids.as_ref().map(|(_, grids)| {
                let g = &grids[k];
                let values = match j {
                    Some(j) => g.cells.iter().map(|r| r[j]).collect(),
                    None => g.rows.clone(),
                };
                (party_ids.as_slice(), values)
            });
            m.insert(
                key.to_string(),
                serde_json::to_value(SideJson {
                    cmp: c,
                    funders: &funders,
                    side,
                    members,
                })?,
            );
        }
        Ok(serde_json::Value::Object(m))
    };
    let mut periods = Vec::with_capacity(c.periods.len());
    for (j, p) in c.periods.iter().enumerate() {
        let mut v = serde_json::Map::new();
        v.insert("label".into(), p.label.clone().into());
        v.insert("start".into(), p.start.to_string().into());
        v.insert("end".into(), p.end.to_string().into());
        if let serde_json::Value::Object(s) = sides(&c.period(p), Some(j))? {
            v.extend(s);
        }
        periods.push(serde_json::Value::Object(v));
    }
    let window = c.window();
    let mut total = serde_json::Map::new();
    total.insert("start".into(), window.from.to_string().into());
    total.insert("end".into(), window.to.to_string().into());
    if let serde_json::Value::Object(s) = sides(&c.total(), None)? {
        total.extend(s);
    }
    let changes: Vec<ChangeJson> = c
        .changes
        .iter()
        .map(|ch| {
            let described = |fields| Some(describe(ch.kind, fields, Lang::En));
            let (change, description, fields) = match &ch.what {
                ChangeKind::Added(f) => ("added", described(f), Vec::new()),
                ChangeKind::Removed(f) => ("removed", described(f), Vec::new()),
                ChangeKind::Changed(fs) => (
                    "changed",
                    None,
                    fs.iter()
                        .map(|f| FieldJson {
                            field: f.field,
                            a: f.a.as_ref().map(|v| v.plain()),
                            b: f.b.as_ref().map(|v| v.plain()),
                        })
                        .collect(),
                ),
            };
            ChangeJson {
                kind: ch.kind,
                id: &ch.id,
                change,
                description,
                fields,
            }
        })
        .collect();
    let mut body = serde_json::Map::new();
    body.insert("a".into(), serde_json::to_value(named(c.a.scenario))?);
    body.insert("b".into(), serde_json::to_value(named(c.b.scenario))?);
    body.insert("by".into(), c.by().name().into());
    if let (Some(members), Some((parties, _))) = (&c.a.members, &member_grids) {
        let mut head = members_head(members);
        head.parties = parties
            .iter()
            .map(|p| FunderHeadShort {
                id: &p.id,
                name: &p.name,
            })
            .collect();
        body.insert("members".into(), serde_json::to_value(head)?);
    }
    body.insert("periods".into(), serde_json::Value::Array(periods));
    body.insert("total".into(), serde_json::Value::Object(total));
    body.insert("changes".into(), serde_json::to_value(changes)?);
    write_json(&serde_json::Value::Object(body), out, pretty)
}

#[derive(Serialize)]
struct CheckJson<'a> {
    scenarios: Vec<CheckedJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct CheckedJson<'a> {
    file: String,
    name: Option<&'a str>,
    status: &'static str,
    shortfalls: Vec<ShortfallJson<'a>>,
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct ShortfallJson<'a> {
    funder: &'a str,
    period: &'a str,
    end: String,
    shortfall: Num,
}

#[derive(Serialize)]
struct ErrorJson {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct SummaryJson {
    balanced: usize,
    unbalanced: usize,
    invalid: usize,
}

/// `check --format json`: indented when `pretty`, else compact.
pub fn check(report: &CheckReport, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let scenarios = report
        .scenarios
        .iter()
        .map(|c| {
            let (status, shortfalls, errors) = match &c.status {
                Status::Balanced => ("balanced", Vec::new(), Vec::new()),
                Status::Unbalanced(found) => (
                    "unbalanced",
                    found
                        .iter()
                        .map(|s| ShortfallJson {
                            funder: &s.funder,
                            period: &s.period,
                            end: s.end.to_string(),
                            shortfall: Num(s.shortfall),
                        })
                        .collect(),
                    Vec::new(),
                ),
                Status::Invalid(d) => (
                    "invalid",
                    Vec::new(),
                    d.errors()
                        .map(|e| {
                            let place = e.line_column(&d.sources);
                            ErrorJson {
                                message: e.message.clone(),
                                line: place.map(|p| p.0),
                                column: place.map(|p| p.1),
                            }
                        })
                        .collect(),
                ),
            };
            CheckedJson {
                file: c.file.display().to_string(),
                name: c.name.as_deref(),
                status,
                shortfalls,
                errors,
            }
        })
        .collect();
    let s = report.summary();
    let json = CheckJson {
        scenarios,
        summary: SummaryJson {
            balanced: s.balanced,
            unbalanced: s.unbalanced,
            invalid: s.invalid,
        },
    };
    write_json(&json, out, pretty)
}
