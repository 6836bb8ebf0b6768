//! Comparing two scenarios: figures side by side per period, B − A, who pays more or less, and
//! which posts, costs, funding and funders differ.

use jiff::civil::Date;
use num_rational::Ratio;

use super::document::{Block, Cell, Document, Row, Table};
use super::{Report, flow_text};
use crate::engine::{self, Amount, ComputeError, Figures, Scale};
use crate::format;
use crate::model::{DateRange, Flow, PaidBy, Rational, Scenario};
use crate::period::By;

/// Two scenarios projected on one scale, so B − A is exact.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub a: Report<'a>,
    pub b: Report<'a>,
    /// The union of both sides' periods, in time order.
    pub periods: Vec<PeriodPair>,
    /// The union of both sides' funders: A's in order, then B's new ones.
    pub funders: Vec<FunderPair>,
    pub changes: Vec<Change>,
}

/// A period label and where it is on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodPair {
    pub label: String,
    /// The earliest start and latest end of the period on either side.
    pub start: Date,
    pub end: Date,
    pub a: Option<usize>,
    pub b: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderPair {
    pub id: String,
    pub name: String,
    pub a: Option<usize>,
    pub b: Option<usize>,
}

/// One side's figures of a period (zero where the side has no such period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub fte: Rational,
    pub cost: Amount,
    /// By the comparison's funders.
    pub cost_by_funder: Vec<Amount>,
}

impl Side {
    fn delta(&self, a: &Side) -> Side {
        Side {
            fte: self.fte - a.fte,
            cost: self.cost - a.cost,
            cost_by_funder: self
                .cost_by_funder
                .iter()
                .zip(&a.cost_by_funder)
                .map(|(b, a)| *b - *a)
                .collect(),
        }
    }
}

/// What differs for one entry, matched by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `funder`, `post`, `cost` or `funding`.
    pub kind: &'static str,
    pub id: String,
    pub what: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only in B, with a description.
    Added(String),
    /// Only in A, with a description.
    Removed(String),
    /// In both, with the fields that differ.
    Changed(Vec<FieldChange>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub a: String,
    pub b: String,
}

impl<'a> Comparison<'a> {
    pub fn new(a: &'a Scenario, b: &'a Scenario, by: By) -> Result<Self, ComputeError> {
        let scale = Scale::for_scenarios(&[a, b])?;
        let a = Report::new(a, engine::project_on(a, by, scale));
        let b = Report::new(b, engine::project_on(b, by, scale));
        let periods = pair_periods(&a.projection.periods, &b.projection.periods);
        let funders = pair_funders(a.scenario, b.scenario);
        let changes = changes(a.scenario, b.scenario);
        Ok(Comparison {
            a,
            b,
            periods,
            funders,
            changes,
        })
    }

    pub fn by(&self) -> By {
        self.a.projection.by
    }

    pub fn money(&self, amount: Amount) -> Rational {
        self.a.money(amount)
    }

    fn side(&self, figures: Option<&Figures>, pick: fn(&FunderPair) -> Option<usize>) -> Side {
        match figures {
            None => Side {
                fte: Ratio::from_integer(0),
                cost: Amount::ZERO,
                cost_by_funder: vec![Amount::ZERO; self.funders.len()],
            },
            Some(f) => Side {
                fte: f.fte.average(),
                cost: f.cost(),
                cost_by_funder: self
                    .funders
                    .iter()
                    .map(|fp| pick(fp).map_or(Amount::ZERO, |i| f.cost_by_funder[i]))
                    .collect(),
            },
        }
    }

    /// A, B and B − A of a period.
    pub fn period(&self, p: &PeriodPair) -> [Side; 3] {
        let a = self.side(p.a.map(|i| &self.a.projection.periods[i]), |f| f.a);
        let b = self.side(p.b.map(|i| &self.b.projection.periods[i]), |f| f.b);
        let d = b.delta(&a);
        [a, b, d]
    }

    /// A, B and B − A over each whole window.
    pub fn total(&self) -> [Side; 3] {
        let a = self.side(Some(&self.a.projection.total), |f| f.a);
        let b = self.side(Some(&self.b.projection.total), |f| f.b);
        let d = b.delta(&a);
        [a, b, d]
    }

    /// The days either window covers, from the earliest start to the latest end.
    pub fn window(&self) -> DateRange {
        let (a, b) = (self.a.scenario.window, self.b.scenario.window);
        DateRange::new(a.from.min(b.from), a.to.max(b.to))
    }

    /// One sentence per funder: who pays how much more or less over the whole window.
    pub fn sentences(&self) -> Vec<String> {
        let [a, b, d] = self.total();
        let window = self.window();
        self.funders
            .iter()
            .enumerate()
            .map(|(i, funder)| {
                let (av, bv, dv) = (
                    self.money(a.cost_by_funder[i]),
                    self.money(b.cost_by_funder[i]),
                    self.money(d.cost_by_funder[i]),
                );
                let zero = Ratio::from_integer(0);
                if dv == zero {
                    format!(
                        "{} pays the same in B as in A over {window}: {} kr.",
                        funder.name,
                        format::kroner(av)
                    )
                } else {
                    let word = if dv > zero { "more" } else { "less" };
                    format!(
                        "{} pays {} kr. {word} in B than in A over {window} ({} kr. → {} kr.).",
                        funder.name,
                        format::kroner(if dv > zero { dv } else { -dv }),
                        format::kroner(av),
                        format::kroner(bv)
                    )
                }
            })
            .collect()
    }

    pub fn document(&self) -> Document {
        let (sa, sb) = (self.a.scenario, self.b.scenario);
        let lines = vec![
            format!("A: {} ({}, {})", sa.name, sa.file.display(), sa.window),
            format!("B: {} ({}, {})", sb.name, sb.file.display(), sb.window),
            format!("By {} · amounts in kr. · differences are B − A", self.by()),
        ];
        let mut blocks = vec![
            Block::Table(self.cost_table()),
            Block::Table(self.funder_table()),
        ];
        blocks.extend(self.sentences().into_iter().map(Block::Paragraph));
        blocks.push(Block::Table(self.changes_table()));
        Document {
            title: format!("Comparison: {} → {}", sa.name, sb.name),
            lines,
            blocks,
        }
    }

    /// Rows of (label, [A, B, B − A]) for each period, then the total.
    fn rows(&self) -> Vec<(String, [Side; 3], bool)> {
        let mut rows: Vec<(String, [Side; 3], bool)> = self
            .periods
            .iter()
            .map(|p| (p.label.clone(), self.period(p), false))
            .collect();
        if self.periods.len() > 1 {
            rows.push(("Total".to_string(), self.total(), true));
        }
        rows
    }

    fn cost_table(&self) -> Table {
        let head = [
            "Period",
            "FTE A",
            "FTE B",
            "FTE B − A",
            "Cost A",
            "Cost B",
            "Cost B − A",
        ]
        .map(String::from)
        .to_vec();
        let rows = self
            .rows()
            .into_iter()
            .map(|(label, [a, b, d], total)| {
                let mut cells = vec![Cell::Text(label)];
                cells.extend([a.fte, b.fte, d.fte].map(Cell::Fte));
                cells.extend([a.cost, b.cost, d.cost].map(|c| Cell::Money(self.money(c))));
                Row { cells, total }
            })
            .collect();
        Table {
            title: "FTE and cost (kr.)".to_string(),
            head,
            rows,
        }
    }

    fn funder_table(&self) -> Table {
        let rows_by_period = self.rows();
        let mut head = vec!["Funder".to_string(), String::new()];
        head.extend(rows_by_period.iter().map(|(label, _, _)| label.clone()));
        let mut rows = Vec::new();
        for (i, funder) in self.funders.iter().enumerate() {
            for (k, side) in ["A", "B", "B − A"].into_iter().enumerate() {
                let name = if k == 0 { funder.name.as_str() } else { "" };
                let mut cells = vec![Cell::text(name), Cell::text(side)];
                cells.extend(
                    rows_by_period
                        .iter()
                        .map(|(_, sides, _)| Cell::Money(self.money(sides[k].cost_by_funder[i]))),
                );
                rows.push(Row {
                    cells,
                    total: k == 2,
                });
            }
        }
        Table {
            title: "Cost by funder (kr.)".to_string(),
            head,
            rows,
        }
    }

    fn changes_table(&self) -> Table {
        let head = ["What", "Id", "Change", "A", "B"]
            .map(String::from)
            .to_vec();
        let mut rows = Vec::new();
        for c in &self.changes {
            match &c.what {
                ChangeKind::Added(desc) => rows.push(Row::new(vec![
                    Cell::text(c.kind),
                    Cell::text(&c.id),
                    Cell::text("added"),
                    Cell::text("–"),
                    Cell::text(desc),
                ])),
                ChangeKind::Removed(desc) => rows.push(Row::new(vec![
                    Cell::text(c.kind),
                    Cell::text(&c.id),
                    Cell::text("removed"),
                    Cell::text(desc),
                    Cell::text("–"),
                ])),
                ChangeKind::Changed(fields) => {
                    for f in fields {
                        rows.push(Row::new(vec![
                            Cell::text(c.kind),
                            Cell::text(&c.id),
                            Cell::text(f.field),
                            Cell::text(&f.a),
                            Cell::text(&f.b),
                        ]));
                    }
                }
            }
        }
        if rows.is_empty() {
            rows.push(Row::new(vec![
                Cell::text("–"),
                Cell::text("–"),
                Cell::text("no differences in posts, costs, funding or funders"),
                Cell::Blank,
                Cell::Blank,
            ]));
        }
        Table {
            title: "What differs between A and B".to_string(),
            head,
            rows,
        }
    }
}

fn pair_periods(a: &[Figures], b: &[Figures]) -> Vec<PeriodPair> {
    let mut pairs: Vec<PeriodPair> = Vec::new();
    for (side, figures) in [(0, a), (1, b)] {
        for (i, f) in figures.iter().enumerate() {
            let label = f.period.label();
            let pair = match pairs.iter_mut().find(|p| p.label == label) {
                Some(p) => {
                    p.start = p.start.min(f.period.start);
                    p.end = p.end.max(f.period.end);
                    p
                }
                None => {
                    pairs.push(PeriodPair {
                        label,
                        start: f.period.start,
                        end: f.period.end,
                        a: None,
                        b: None,
                    });
                    pairs.last_mut().expect("just pushed")
                }
            };
            if side == 0 {
                pair.a = Some(i);
            } else {
                pair.b = Some(i);
            }
        }
    }
    pairs.sort_by_key(|p| p.start);
    pairs
}

fn pair_funders(a: &Scenario, b: &Scenario) -> Vec<FunderPair> {
    let mut pairs: Vec<FunderPair> = a
        .funders
        .iter()
        .enumerate()
        .map(|(i, f)| FunderPair {
            id: f.id.clone(),
            name: f.name.clone(),
            a: Some(i),
            b: b.funder_index(&f.id),
        })
        .collect();
    for (i, f) in b.funders.iter().enumerate() {
        if a.funder_index(&f.id).is_none() {
            pairs.push(FunderPair {
                id: f.id.clone(),
                name: f.name.clone(),
                a: None,
                b: Some(i),
            });
        }
    }
    pairs
}

/// The fields of an entry that a comparison looks at, as text.
type Fields = Vec<(&'static str, String)>;

fn paid_by_ids(s: &Scenario, paid_by: &PaidBy) -> String {
    match paid_by.0.as_slice() {
        [(f, _)] => s.funders[*f].id.clone(),
        parts => parts
            .iter()
            .map(|(f, share)| {
                format!(
                    "{} {}",
                    s.funders[*f].id,
                    crate::load::values::show(share.rational())
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn flow_fields(flow: &Flow, out: &mut Fields) {
    match flow {
        Flow::Annual { annual, range } => {
            out.push(("annual", format::kroner_ore_trim(annual.rational())));
            out.push(("from", range.from.to_string()));
            out.push(("to", range.to.to_string()));
        }
        Flow::OneOff { amount, date } => {
            out.push(("amount", format::kroner_ore_trim(amount.rational())));
            out.push(("date", date.to_string()));
        }
    }
}

/// Every entry of a scenario: (kind, id, fields, description).
fn entries(s: &Scenario) -> Vec<(&'static str, String, Fields, String)> {
    let mut out = Vec::new();
    for f in &s.funders {
        let fields = vec![
            ("name", f.name.clone()),
            ("residual", f.residual.to_string()),
        ];
        let desc = if f.residual {
            format!("{} (residual)", f.name)
        } else {
            f.name.clone()
        };
        out.push(("funder", f.id.clone(), fields, desc));
    }
    for p in &s.posts {
        let paid = paid_by_ids(s, &p.paid_by);
        let fte = crate::load::values::show(p.fte.rational());
        let cost = format::kroner_ore_trim(p.annual_cost_per_fte.rational());
        let employer = p.employer.clone().unwrap_or_default();
        let desc = format!(
            "{} FTE × {} kr. a year, {}, paid by {}{}",
            fte,
            cost,
            p.range,
            paid,
            if employer.is_empty() {
                String::new()
            } else {
                format!(", employed by {employer}")
            }
        );
        let fields = vec![
            ("title", p.title.clone()),
            ("employer", employer),
            ("fte", fte),
            ("annual_cost_per_fte", cost),
            ("from", p.range.from.to_string()),
            ("to", p.range.to.to_string()),
            ("paid_by", paid),
        ];
        out.push(("post", p.id.clone(), fields, desc));
    }
    for c in &s.costs {
        let paid = paid_by_ids(s, &c.paid_by);
        let mut fields = vec![("name", c.name.clone())];
        flow_fields(&c.flow, &mut fields);
        fields.push(("paid_by", paid.clone()));
        let desc = format!("{}, paid by {paid}", flow_text(&c.flow));
        out.push(("cost", c.id.clone(), fields, desc));
    }
    for f in &s.funding {
        let funder = s.funders[f.funder].id.clone();
        let mut fields = vec![("name", f.name.clone()), ("funder", funder.clone())];
        flow_fields(&f.flow, &mut fields);
        let desc = format!("{} from {funder}", flow_text(&f.flow));
        out.push(("funding", f.id.clone(), fields, desc));
    }
    out
}

/// What differs between the entries of `a` and `b`, matched by kind and id.
pub fn changes(a: &Scenario, b: &Scenario) -> Vec<Change> {
    let ea = entries(a);
    let eb = entries(b);
    let mut out = Vec::new();
    for (kind, id, fields_a, desc) in &ea {
        match eb.iter().find(|(k, i, _, _)| k == kind && i == id) {
            None => out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Removed(desc.clone()),
            }),
            Some((_, _, fields_b, _)) => {
                let mut diffs = Vec::new();
                for (field, va) in fields_a {
                    let vb = fields_b
                        .iter()
                        .find(|(f, _)| f == field)
                        .map_or("–", |(_, v)| v.as_str());
                    if va != vb {
                        diffs.push(FieldChange {
                            field,
                            a: va.clone(),
                            b: vb.to_string(),
                        });
                    }
                }
                for (field, vb) in fields_b {
                    if !fields_a.iter().any(|(f, _)| f == field) {
                        diffs.push(FieldChange {
                            field,
                            a: "–".to_string(),
                            b: vb.clone(),
                        });
                    }
                }
                if !diffs.is_empty() {
                    out.push(Change {
                        kind,
                        id: id.clone(),
                        what: ChangeKind::Changed(diffs),
                    });
                }
            }
        }
    }
    for (kind, id, _, desc) in &eb {
        if !ea.iter().any(|(k, i, _, _)| k == kind && i == id) {
            out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Added(desc.clone()),
            });
        }
    }
    out
}
