//! JSON as the contract fixes it: money and FTE as strings with exactly two decimals, every
//! funder in every funder map, every item in `items`. Small `Serialize` types borrow from the
//! shown report (as ripgrep's JSON printer does), and serde_json writes them: this is the
//! reference path. Very large reports take [`fast`], which writes the same bytes.

mod explain;
pub mod fast;
mod status;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::report::changes::ChangeKind;
use crate::report::check::{CheckHead, Ends, ErrorHead, MustFindHead};
use crate::report::compare::ComparisonHead;
use crate::report::grid::{GridId, What};
use crate::report::whatif::{SolveHead, SweepHead};
use crate::report::{Figure, Head, MembersHead, ScenarioHead, Shown, ShownGrid, Side};

/// The JSON exporter: indented (for a terminal) or compact.
pub struct Json {
    pub pretty: bool,
}

impl super::Exporter for Json {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        match &shown.head {
            Head::Scenario(head) => self.write(&ReportJson { shown, head }),
            Head::Comparison(head) => self.write(&CompareJson { shown, head }),
            Head::Check(head) => self.write(&CheckJson { shown, head }),
            Head::Sweep(head) => self.write(&SweepJson { shown, head }),
            Head::Solve(head) => self.write(&SolveJson { shown, head }),
            Head::Status(head) => self.write(&status::StatusJson { shown, head }),
            Head::Explain(head) => self.write(&explain::ExplainJson { shown, head }),
            Head::Sensitivity(head) => self.write(&explain::SensitivityJson { shown, head }),
        }
    }
}

impl Json {
    fn write<T: Serialize>(&self, value: &T) -> std::io::Result<Vec<u8>> {
        let mut out = if self.pretty {
            serde_json::to_vec_pretty(value)?
        } else {
            serde_json::to_vec(value)?
        };
        out.push(b'\n');
        Ok(out)
    }
}

/// A figure as a two-decimal string: `"800000.00"`.
struct Num<'a>(&'a Figure);

impl Serialize for Num<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::num::plain2(self.0.shown))
    }
}

/// A grid's column (`None`: its totals) as a map of row id → figure.
struct Ids<'a> {
    grid: &'a ShownGrid,
    col: Option<usize>,
}

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.grid.rows.len()))?;
        for (i, row) in self.grid.rows.iter().enumerate() {
            m.serialize_entry(&row.id, &figure(self.grid, Some(i), self.col))?;
        }
        m.end()
    }
}

/// The figure at a row and column of a grid, which a report of its kind has.
fn figure(g: &ShownGrid, row: Option<usize>, col: Option<usize>) -> Num<'_> {
    Num(g.at(row, col).expect("the grid has the figure"))
}

fn grid(shown: &Shown, id: GridId) -> &ShownGrid {
    shown.grid(id).expect("the report has the grid")
}

/// A sequence made by a closure, element by element.
struct Seq<F>(usize, F);

impl<T: Serialize, F: Fn(usize) -> T> Serialize for Seq<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0))?;
        for i in 0..self.0 {
            seq.serialize_element(&(self.1)(i))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    file: &'a str,
}

#[derive(Serialize)]
struct Party<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Funder<'a> {
    id: &'a str,
    name: &'a str,
    residual: bool,
}

#[derive(Serialize)]
struct Members<'a> {
    mode: &'a str,
    precision: &'a str,
    parties: Vec<Party<'a>>,
}

fn members(m: &MembersHead) -> Members<'_> {
    Members {
        mode: m.mode.name(),
        precision: m.precision.name(),
        parties: m
            .parties
            .iter()
            .map(|p| Party {
                id: &p.id,
                name: &p.name,
            })
            .collect(),
    }
}

/// `report --format json`.
struct ReportJson<'a> {
    shown: &'a Shown,
    head: &'a ScenarioHead,
}

/// A report's `scenario`: its name, file and window.
#[derive(Serialize)]
struct ScenarioJson<'a> {
    name: &'a str,
    file: &'a str,
    start: String,
    end: String,
}

impl<'a> ScenarioJson<'a> {
    fn new(name: &'a str, file: &'a str, start: jiff::civil::Date, end: jiff::civil::Date) -> Self {
        ScenarioJson {
            name,
            file,
            start: start.to_string(),
            end: end.to_string(),
        }
    }
}

impl Serialize for ReportJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.head;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(
            "scenario",
            &ScenarioJson::new(&h.name, &h.file, h.start, h.end),
        )?;
        m.serialize_entry("by", h.by.name())?;
        if let Some(prices) = h.prices {
            m.serialize_entry("prices", prices.name())?;
        }
        let funders = Seq(h.funders.len(), |i: usize| Funder {
            id: &h.funders[i].id,
            name: &h.funders[i].name,
            residual: h.funders[i].residual,
        });
        m.serialize_entry("funders", &funders)?;
        if let Some(head) = &h.members {
            m.serialize_entry("members", &members(head))?;
        }
        let items = grid(self.shown, GridId::of(What::Items));
        let periods = Seq(items.columns.len(), |j: usize| PeriodJson {
            report: self,
            col: Some(j),
        });
        m.serialize_entry("periods", &periods)?;
        m.serialize_entry(
            "total",
            &PeriodJson {
                report: self,
                col: None,
            },
        )?;
        m.end()
    }
}

/// A period of a report (`col`), or its total (none).
struct PeriodJson<'a> {
    report: &'a ReportJson<'a>,
    col: Option<usize>,
}

impl Serialize for PeriodJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let shown = self.report.shown;
        let g = |what| grid(shown, GridId::of(what));
        let (items, col) = (g(What::Items), self.col);
        let mut m = s.serialize_map(None)?;
        match col {
            Some(j) => {
                let c = &items.columns[j];
                m.serialize_entry("label", &c.label())?;
                m.serialize_entry("start", &c.start.map(|d| d.to_string()))?;
                m.serialize_entry("end", &c.end.map(|d| d.to_string()))?;
            }
            None => {
                m.serialize_entry("start", &self.report.head.start.to_string())?;
                m.serialize_entry("end", &self.report.head.end.to_string())?;
            }
        }
        m.serialize_entry("fte", &figure(g(What::Fte), Some(0), col))?;
        m.serialize_entry("cost", &figure(items, None, col))?;
        m.serialize_entry("items", &Ids { grid: items, col })?;
        for (key, what) in [
            ("cost_by_funder", What::CostByFunder),
            ("funding_by_funder", What::FundingByFunder),
            ("balance_by_funder", What::BalanceByFunder),
        ] {
            m.serialize_entry(key, &Ids { grid: g(what), col })?;
        }
        // The total's is the one at the end of the window.
        let cumulative = g(What::CumulativeByFunder);
        let last = col.or(cumulative.columns.len().checked_sub(1));
        m.serialize_entry(
            "cumulative_balance_by_funder",
            &Ids {
                grid: cumulative,
                col: last,
            },
        )?;
        if let Some(members) = shown.grid(GridId::of(What::CostByMember)) {
            m.serialize_entry("cost_by_member", &Ids { grid: members, col })?;
        }
        m.end()
    }
}

/// `compare --format json`.
struct CompareJson<'a> {
    shown: &'a Shown,
    head: &'a ComparisonHead,
}

impl Serialize for CompareJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let h = self.head;
        fn named((name, file): &(String, String)) -> Named<'_> {
            Named { name, file }
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("a", &named(&h.a))?;
        m.serialize_entry("b", &named(&h.b))?;
        m.serialize_entry("by", h.by.name())?;
        #[derive(Serialize)]
        struct Window {
            mode: &'static str,
            start: String,
            end: String,
        }
        m.serialize_entry(
            "window",
            &Window {
                mode: h.window_mode,
                start: h.window.from.to_string(),
                end: h.window.to.to_string(),
            },
        )?;
        if let Some(head) = &h.members {
            m.serialize_entry("members", &members(head))?;
        }
        let cost = grid(self.shown, GridId::side(What::CostByFunder, Side::A));
        let periods = Seq(cost.columns.len(), |j: usize| ComparePeriod {
            shown: self.shown,
            col: Some(j),
            window: None,
        });
        m.serialize_entry("periods", &periods)?;
        m.serialize_entry(
            "total",
            &ComparePeriod {
                shown: self.shown,
                col: None,
                window: Some((h.window.from.to_string(), h.window.to.to_string())),
            },
        )?;
        let changes = Seq(h.changes.len(), |i: usize| change(&h.changes[i]));
        m.serialize_entry("changes", &changes)?;
        if let Some(bridge) = &h.bridge {
            m.serialize_entry(
                "bridge",
                &explain::BridgeJson {
                    shown: self.shown,
                    head: bridge,
                },
            )?;
        }
        m.end()
    }
}

struct ComparePeriod<'a> {
    shown: &'a Shown,
    col: Option<usize>,
    /// The total's start and end.
    window: Option<(String, String)>,
}

impl Serialize for ComparePeriod<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match (self.col, &self.window) {
            (Some(j), _) => {
                let cost = grid(self.shown, GridId::side(What::CostByFunder, Side::A));
                let c = &cost.columns[j];
                m.serialize_entry("label", &c.label())?;
                m.serialize_entry("start", &c.start.map(|d| d.to_string()))?;
                m.serialize_entry("end", &c.end.map(|d| d.to_string()))?;
            }
            (None, Some((start, end))) => {
                m.serialize_entry("start", start)?;
                m.serialize_entry("end", end)?;
            }
            (None, None) => {}
        }
        for side in [Side::A, Side::B, Side::Delta] {
            m.serialize_entry(
                side.name(),
                &SideJson {
                    shown: self.shown,
                    side,
                    col: self.col,
                },
            )?;
        }
        m.end()
    }
}

struct SideJson<'a> {
    shown: &'a Shown,
    side: Side,
    col: Option<usize>,
}

impl Serialize for SideJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = |what| self.shown.grid(GridId::side(what, self.side));
        let cost = g(What::CostByFunder).expect("a comparison has cost by funder");
        let fte = g(What::Fte).expect("a comparison has FTE");
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("fte", &figure(fte, Some(0), self.col))?;
        m.serialize_entry("cost", &figure(cost, None, self.col))?;
        m.serialize_entry(
            "cost_by_funder",
            &Ids {
                grid: cost,
                col: self.col,
            },
        )?;
        for (key, what) in [
            ("funding_by_funder", What::FundingByFunder),
            ("balance_by_funder", What::BalanceByFunder),
        ] {
            if let Some(grid) = g(what) {
                m.serialize_entry(
                    key,
                    &Ids {
                        grid,
                        col: self.col,
                    },
                )?;
            }
        }
        if let Some(grid) = g(What::CumulativeByFunder) {
            // The total's is the one at the end of the window.
            let col = self.col.or(grid.columns.len().checked_sub(1));
            m.serialize_entry("cumulative_balance_by_funder", &Ids { grid, col })?;
        }
        if let (None, Some(grid)) = (self.col, g(What::StillToFind)) {
            m.serialize_entry("must_find_by_funder", &Ids { grid, col: Some(0) })?;
        }
        if let Some(members) = g(What::CostByMember) {
            m.serialize_entry(
                "cost_by_member",
                &Ids {
                    grid: members,
                    col: self.col,
                },
            )?;
        }
        m.end()
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

fn change(c: &crate::report::changes::Change) -> ChangeJson<'_> {
    let described = |fields| Some(crate::i18n::describe(c.kind, fields, crate::i18n::Lang::En));
    let (change, description, fields) = match &c.what {
        ChangeKind::Added(f) => ("added", described(f), Vec::new()),
        ChangeKind::Removed(f) => ("removed", described(f), Vec::new()),
        ChangeKind::Changed(fs) => (
            "changed",
            None,
            fs.iter()
                .map(|f| FieldJson {
                    field: &f.field,
                    a: f.a.as_ref().map(|v| v.plain()),
                    b: f.b.as_ref().map(|v| v.plain()),
                })
                .collect(),
        ),
    };
    ChangeJson {
        kind: c.kind,
        id: &c.id,
        change,
        description,
        fields,
    }
}

/// A shortfall: the funder, the period and its end, and the amount (rounded up to the øre).
#[derive(Serialize)]
struct ShortfallJson<'a> {
    funder: &'a str,
    period: &'a str,
    end: String,
    shortfall: Num<'a>,
}

/// The amount in row `row` of the grid of shortfalls.
fn short(shown: &Shown, row: usize) -> Num<'_> {
    figure(
        grid(shown, GridId::of(What::Shortfalls)),
        Some(row),
        Some(0),
    )
}

/// Each funder's shortfalls, one after the other.
fn shortfalls<'a>(shown: &'a Shown, list: &'a [Ends]) -> Vec<ShortfallJson<'a>> {
    list.iter()
        .flat_map(|(funder, ends)| {
            ends.iter().map(move |(period, end, row)| ShortfallJson {
                funder,
                period,
                end: end.to_string(),
                shortfall: short(shown, *row),
            })
        })
        .collect()
}

/// What a residual funder must still find: by the end of the window (`"0.00"` where it is
/// not short then), and at each period end where it is short; rounded up to the øre.
#[derive(Serialize)]
struct MustFindJson<'a> {
    funder: &'a str,
    amount: Amount<'a>,
    by: String,
    periods: Vec<PeriodShortJson<'a>>,
}

#[derive(Serialize)]
struct PeriodShortJson<'a> {
    period: &'a str,
    end: String,
    amount: Num<'a>,
}

/// An amount that is zero where there is none.
enum Amount<'a> {
    Zero,
    Of(Num<'a>),
}

impl Serialize for Amount<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Zero => s.serialize_str("0.00"),
            Amount::Of(n) => n.serialize(s),
        }
    }
}

fn must_find<'a>(shown: &'a Shown, list: &'a [MustFindHead]) -> Vec<MustFindJson<'a>> {
    list.iter()
        .map(|m| MustFindJson {
            funder: &m.funder,
            amount: m
                .at_end
                .map_or(Amount::Zero, |row| Amount::Of(short(shown, row))),
            by: m.by.to_string(),
            periods: m
                .periods
                .iter()
                .map(|(period, end, row)| PeriodShortJson {
                    period,
                    end: end.to_string(),
                    amount: short(shown, *row),
                })
                .collect(),
        })
        .collect()
}

/// `check --format json`.
struct CheckJson<'a> {
    shown: &'a Shown,
    head: &'a CheckHead,
}

impl Serialize for CheckJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Checked<'a> {
            file: &'a str,
            name: Option<&'a str>,
            status: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            balance: Option<&'a str>,
            shortfalls: Vec<ShortfallJson<'a>>,
            must_find: Vec<MustFindJson<'a>>,
            errors: Vec<Error<'a>>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            warnings: Vec<Error<'a>>,
        }
        #[derive(Serialize)]
        struct Error<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            file: Option<&'a str>,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            line: Option<usize>,
            #[serde(skip_serializing_if = "Option::is_none")]
            column: Option<usize>,
        }
        #[derive(Serialize)]
        struct Summary {
            balanced: usize,
            unbalanced: usize,
            invalid: usize,
        }
        fn errors(list: &[ErrorHead]) -> Vec<Error<'_>> {
            list.iter()
                .map(|e| Error {
                    file: e.file.as_deref(),
                    message: &e.message,
                    line: e.line,
                    column: e.column,
                })
                .collect()
        }
        let scenarios: Vec<Checked> = self
            .head
            .scenarios
            .iter()
            .map(|c| Checked {
                file: &c.file,
                name: c.name.as_deref(),
                status: c.status,
                balance: c.balance,
                shortfalls: shortfalls(self.shown, &c.shortfalls),
                must_find: must_find(self.shown, &c.must_find),
                errors: errors(&c.errors),
                warnings: errors(&c.warnings),
            })
            .collect();
        let sum = self.head.summary;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("scenarios", &scenarios)?;
        m.serialize_entry(
            "summary",
            &Summary {
                balanced: sum.balanced,
                unbalanced: sum.unbalanced,
                invalid: sum.invalid,
            },
        )?;
        m.end()
    }
}

/// `sweep --format json`.
struct SweepJson<'a> {
    shown: &'a Shown,
    head: &'a SweepHead,
}

impl Serialize for SweepJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Vary<'a> {
            path: &'a str,
            values: Vec<String>,
        }
        let h = self.head;
        let text = |v: &rust_decimal::Decimal| v.normalize().to_string();
        let point = |i: usize| {
            let values = Seq(h.vary.len(), move |k: usize| {
                (&h.vary[k].0, text(&h.points[i][k]))
            });
            let figures = Seq(h.show.len(), move |k: usize| {
                let g = grid(self.shown, GridId::of(What::Sweep(k)));
                (&h.show[k], figure(g, Some(i), Some(0)))
            });
            Point { values, figures }
        };
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("scenario", &h.scenario)?;
        m.serialize_entry("by", h.by.name())?;
        let vary: Vec<Vary> = h
            .vary
            .iter()
            .map(|(path, values)| Vary {
                path,
                values: values.iter().map(text).collect(),
            })
            .collect();
        m.serialize_entry("vary", &vary)?;
        m.serialize_entry("show", &h.show)?;
        m.serialize_entry("points", &Seq(h.points.len(), point))?;
        m.end()
    }
}

/// A point of a sweep: the varied values and the figures, each a map by name.
struct Point<V, F> {
    values: Seq<V>,
    figures: Seq<F>,
}

/// Pairs of name and value, as a map.
struct Pairs<'s, F>(&'s Seq<F>);

impl<K: Serialize, V: Serialize, F: Fn(usize) -> (K, V)> Serialize for Pairs<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.0))?;
        for i in 0..self.0.0 {
            let (k, v) = (self.0.1)(i);
            m.serialize_entry(&k, &v)?;
        }
        m.end()
    }
}

impl<KV, KF, VV, VF, V, F> Serialize for Point<V, F>
where
    KV: Serialize,
    VV: Serialize,
    KF: Serialize,
    VF: Serialize,
    V: Fn(usize) -> (KV, VV),
    F: Fn(usize) -> (KF, VF),
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("values", &Pairs(&self.values))?;
        m.serialize_entry("figures", &Pairs(&self.figures))?;
        m.end()
    }
}

/// `solve --format json`.
struct SolveJson<'a> {
    shown: &'a Shown,
    head: &'a SolveHead,
}

impl Serialize for SolveJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::whatif::solve::Kind;
        use crate::whatif::{Direction, Value};
        let h = self.head;
        let answer = self.shown.grid(GridId::of(What::Answer));
        // Amounts and FTE with two decimals, as every figure; rates and dates as they are.
        let value = |v: Value| -> String {
            match (h.kind, v, answer) {
                (Kind::Money | Kind::Fte, Value::Number(n), _) => {
                    crate::num::plain2(crate::num::decimal_to_rational(n))
                }
                (_, v, _) => v.to_string(),
            }
        };
        let shortfalls: Vec<ShortfallJson> = h
            .shortfalls
            .iter()
            .map(|(funder, period, end, row)| ShortfallJson {
                funder,
                period,
                end: end.to_string(),
                shortfall: short(self.shown, *row),
            })
            .collect();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("scenario", &h.scenario)?;
        m.serialize_entry("path", &h.path)?;
        m.serialize_entry("until", "balanced")?;
        m.serialize_entry("by", h.by.name())?;
        m.serialize_entry(
            "kind",
            match h.kind {
                Kind::Money => "amount",
                Kind::Fte => "fte",
                Kind::Rate => "rate",
                Kind::Date => "date",
            },
        )?;
        m.serialize_entry(
            "direction",
            match h.direction {
                Direction::Smallest => "smallest",
                Direction::Largest => "largest",
            },
        )?;
        match (answer, h.kind) {
            (Some(g), Kind::Money | Kind::Fte) => {
                m.serialize_entry("value", &figure(g, Some(0), Some(0)))?
            }
            _ => m.serialize_entry("value", &value(h.value))?,
        }
        m.serialize_entry("round_to", &h.round_to.map(|r| r.normalize().to_string()))?;
        m.serialize_entry("held_funder", &h.held)?;
        // The funders and periods that bind: short one step past the answer.
        m.serialize_entry("beyond", &h.beyond.map(value))?;
        m.serialize_entry("binding", &shortfalls)?;
        // As before for the smallest amount to the øre: the shortfalls one øre less.
        if h.kind == Kind::Money && h.direction == Direction::Smallest && h.round_to.is_none() {
            m.serialize_entry("one_ore_less", &shortfalls)?;
        }
        m.end()
    }
}
