//! Comparing two scenarios: figures side by side per period, B − A, who pays more or less, and
//! which posts, costs, funding and funders differ.

use jiff::civil::Date;

use super::grid::{At, Column, Fig, Grid, GridId, Measure, RowHead, Rule, Side, What};
use super::text::{Sentence, Term, Text};
use super::{
    Bar, Block, Calc, Cell, Chart, Head, Identity, Members, MembersHead, Page, Precision, Report,
    Row, Table,
};
use crate::allocation::{self, Mode, Party};
use crate::engine::{self, Amount, ComputeError, Figures, Prices, Projection, Scale};
use crate::model::{DateRange, Flow, PaidBy, Scenario};
use crate::num::Rational;
use crate::period::{By, PeriodKey};

/// Rows × periods of exact figures.
type Cells = Vec<Vec<Rational>>;

/// Two scenarios projected on one scale, so B − A is exact.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub a: &'a Scenario,
    pub b: &'a Scenario,
    pub pa: Projection,
    pub pb: Projection,
    /// The union of both sides' periods, in time order.
    pub periods: Vec<PeriodPair>,
    /// The union of both sides' funders: A's in order, then B's new ones.
    pub funders: Vec<FunderPair>,
    pub changes: Vec<Change>,
    /// Each side's cost carried to its parties, if asked.
    pub members: Option<(Members, Members)>,
}

/// A period and where it is on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodPair {
    pub key: PeriodKey,
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

/// What a comparison is of, for data formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonHead {
    /// Each side's name and file.
    pub a: (String, String),
    pub b: (String, String),
    pub by: By,
    /// The days either window covers.
    pub window: DateRange,
    pub members: Option<MembersHead>,
    pub changes: Vec<Change>,
}

impl<'a> Comparison<'a> {
    pub fn new(
        a: &'a Scenario,
        b: &'a Scenario,
        by: By,
        prices: Prices,
    ) -> Result<Self, ComputeError> {
        let scale = Scale::for_scenarios(&[a, b], prices)?;
        let pa = engine::project_on(a, by, scale, prices)?;
        let pb = engine::project_on(b, by, scale, prices)?;
        Ok(Comparison {
            periods: pair_periods(&pa.periods, &pb.periods),
            funders: pair_funders(a, b),
            changes: changes(a, b),
            a,
            b,
            pa,
            pb,
            members: None,
        })
    }

    /// The comparison with each side's cost carried to its members as well.
    pub fn with_members(
        mut self,
        mode: Option<Mode>,
        precision: Precision,
    ) -> Result<Self, ComputeError> {
        if let Some(mode) = mode {
            let members = |s: &Scenario| -> Result<Members, ComputeError> {
                Ok(Members {
                    allocation: allocation::allocate(s, mode)?,
                    precision,
                })
            };
            self.members = Some((members(self.a)?, members(self.b)?));
        }
        Ok(self)
    }

    pub fn by(&self) -> By {
        self.pa.by
    }

    /// The days either window covers, from the earliest start to the latest end.
    pub fn window(&self) -> DateRange {
        let (a, b) = (self.a.window, self.b.window);
        DateRange::new(a.from.min(b.from), a.to.max(b.to))
    }

    fn columns(&self) -> Vec<Column> {
        self.periods
            .iter()
            .map(|p| Column::period(p.key, p.start, p.end))
            .collect()
    }

    /// One side's figures over the union of periods: `pick` of the side's period (zero where
    /// the side has none), for each of `rows`.
    fn side_cells(
        &self,
        side: Side,
        rows: usize,
        pick: &dyn Fn(&Figures, usize) -> Option<Rational>,
    ) -> Vec<Vec<Rational>> {
        let (p, index): (&Projection, fn(&PeriodPair) -> Option<usize>) = match side {
            Side::A => (&self.pa, |x| x.a),
            _ => (&self.pb, |x| x.b),
        };
        (0..rows)
            .map(|i| {
                self.periods
                    .iter()
                    .map(|pp| {
                        index(pp)
                            .and_then(|k| pick(&p.periods[k], i))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }

    /// Each side's grids and B − A: FTE, cost by funder, and cost by party where asked.
    fn grids(&self) -> Vec<Grid> {
        let money = |a: Amount| self.pa.scale.exact(a);
        let columns = self.columns();
        let mut grids = Vec::new();
        let mut three = |what: What,
                         measure: Measure,
                         rule: Rule,
                         rows: Vec<RowHead>,
                         [a, b]: [Vec<Vec<Rational>>; 2],
                         totals: Option<[Rational; 2]>| {
            let d: Vec<Vec<Rational>> = b
                .iter()
                .zip(&a)
                .map(|(rb, ra)| rb.iter().zip(ra).map(|(x, y)| x - y).collect())
                .collect();
            for (side, cells) in [(Side::A, a), (Side::B, b), (Side::Delta, d)] {
                let id = GridId::side(what, side);
                let mut g = match rule {
                    Rule::AddsUp => {
                        Grid::sums(id, measure, rule, rows.clone(), columns.clone(), cells)
                    }
                    _ => Grid::plain(id, measure, rule, rows.clone(), columns.clone(), cells),
                };
                if let Some([ta, tb]) = totals {
                    g.row_totals = Some(vec![match side {
                        Side::A => ta,
                        Side::B => tb,
                        Side::Delta => tb - ta,
                    }]);
                }
                grids.push(g);
            }
        };
        let fte = |f: &Figures, _| Some(f.fte.average());
        three(
            What::Fte,
            Measure::Fte,
            Rule::Nearest,
            vec![RowHead::new("fte", "")],
            [
                self.side_cells(Side::A, 1, &fte),
                self.side_cells(Side::B, 1, &fte),
            ],
            Some([self.pa.total.fte.average(), self.pb.total.fte.average()]),
        );
        let funder_rows: Vec<RowHead> = self
            .funders
            .iter()
            .map(|f| RowHead::new(&f.id, &f.name))
            .collect();
        let by_funder = |side: Side| {
            let pick: fn(&FunderPair) -> Option<usize> = match side {
                Side::A => |f| f.a,
                _ => |f| f.b,
            };
            self.side_cells(side, self.funders.len(), &|fig: &Figures, i| {
                pick(&self.funders[i]).map(|k| money(fig.cost_by_funder[k]))
            })
        };
        three(
            What::CostByFunder,
            Measure::Money,
            Rule::AddsUp,
            funder_rows,
            [by_funder(Side::A), by_funder(Side::B)],
            None,
        );
        if let Some((parties, cells)) = self.member_cells() {
            let precision = self
                .members
                .as_ref()
                .map_or(Precision::Kr, |m| m.0.precision);
            three(
                What::CostByMember,
                Measure::MoneyIn(precision.unit()),
                Rule::AddsUp,
                parties
                    .iter()
                    .map(|p| RowHead::new(&p.id, &p.name))
                    .collect(),
                cells,
                None,
            );
        }
        grids
    }

    /// The parties of both sides (A's in order, then B's new ones) and each side's exact cost
    /// by party over the union of periods.
    fn member_cells(&self) -> Option<(Vec<Party>, [Cells; 2])> {
        let (ma, mb) = self.members.as_ref()?;
        let mut parties: Vec<Party> = ma.allocation.parties.clone();
        for p in &mb.allocation.parties {
            if !parties.iter().any(|q| q.id == p.id) {
                parties.push(p.clone());
            }
        }
        let side = |m: &Members, p: &Projection, index: fn(&PeriodPair) -> Option<usize>| {
            let money = |a: Amount| p.scale.exact(a);
            let cost: Vec<Vec<Rational>> = (0..m.allocation.shares.len())
                .map(|f| {
                    p.periods
                        .iter()
                        .map(|x| money(x.cost_by_funder[f]))
                        .collect()
                })
                .collect();
            let own = super::scenario::shared(&m.allocation, &cost);
            parties
                .iter()
                .map(|party| {
                    let row = m.allocation.parties.iter().position(|q| q.id == party.id);
                    self.periods
                        .iter()
                        .map(|pp| match (row, index(pp)) {
                            (Some(r), Some(j)) => own[r][j],
                            _ => Rational::from_integer(0),
                        })
                        .collect()
                })
                .collect()
        };
        let a = side(ma, &self.pa, |p| p.a);
        let b = side(mb, &self.pb, |p| p.b);
        Some((parties, [a, b]))
    }

    /// The comparison as a report.
    pub fn report(&self) -> Report {
        let grids = self.grids();
        let at = |what, side| {
            At(grids
                .iter()
                .position(|g| g.id == GridId::side(what, side))
                .unwrap_or(0))
        };
        let cost = [Side::A, Side::B, Side::Delta].map(|s| at(What::CostByFunder, s));
        let fte = [Side::A, Side::B, Side::Delta].map(|s| at(What::Fte, s));
        let mut blocks = vec![
            Block::Table(self.cost_table(fte, cost)),
            Block::Table(self.funder_table(cost)),
        ];
        let window = self.window();
        blocks.extend(self.funders.iter().enumerate().map(|(i, f)| {
            Block::Sentence(Sentence::Pays {
                funder: f.name.clone(),
                a: cost[0].row_total(i),
                b: cost[1].row_total(i),
                delta: cost[2].row_total(i),
                from: window.from,
                to: window.to,
            })
        }));
        if grids.iter().any(|g| g.id.what == What::CostByMember) {
            blocks.extend(self.member_tables(&grids, |s| at(What::CostByMember, s)));
        }
        blocks.push(Block::Table(self.changes_table()));
        let chart = Chart {
            title: Text::Titled(Term::CostByFunderAB, None),
            after: Text::Term(Term::CostByFunderShort),
            series: self.funders.iter().map(|f| f.name.clone()).collect(),
            groups: self
                .periods
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let bar = |side: Side, g: At| Bar {
                        label: Text::Side(side),
                        values: (0..self.funders.len()).map(|f| g.cell(f, j)).collect(),
                    };
                    (
                        Text::Period(p.key),
                        vec![bar(Side::A, cost[0]), bar(Side::B, cost[1])],
                    )
                })
                .collect(),
        };
        let mut notes = super::scenario::notes(self.a);
        for n in super::scenario::notes(self.b) {
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        let identities = [What::Fte, What::CostByFunder, What::CostByMember]
            .map(|what| Identity::Difference {
                result: GridId::side(what, Side::Delta),
                plus: GridId::side(what, Side::B),
                minus: GridId::side(what, Side::A),
            })
            .to_vec();
        Report {
            head: Head::Comparison(self.head()),
            grids,
            identities,
            page: Page {
                title: Some(Text::Join(
                    vec![
                        Text::Term(Term::Comparison),
                        Text::Join(
                            vec![
                                Text::Plain(self.a.name.clone()),
                                Text::Plain(self.b.name.clone()),
                            ],
                            " → ",
                        ),
                    ],
                    ": ",
                )),
                lines: self.lines(),
                blocks,
                notes,
                chart: Some(chart),
            },
        }
    }

    fn head(&self) -> ComparisonHead {
        let named = |s: &Scenario| (s.name.clone(), s.file.display().to_string());
        ComparisonHead {
            a: named(self.a),
            b: named(self.b),
            by: self.by(),
            window: self.window(),
            members: self.members.as_ref().and_then(|(ma, _)| {
                let (parties, _) = self.member_cells()?;
                Some(MembersHead {
                    mode: ma.allocation.mode,
                    precision: ma.precision,
                    parties,
                })
            }),
            changes: self.changes.clone(),
        }
    }

    fn lines(&self) -> Vec<Text> {
        let prices = self.pa.prices;
        let line = |side: Side, s: &Scenario| Text::Scenario {
            side,
            name: s.name.clone(),
            file: s.file.display().to_string(),
            from: s.window.from,
            to: s.window.to,
            prices: s.indexation.as_ref().map(|ix| (prices, ix.base_year)),
        };
        vec![
            line(Side::A, self.a),
            line(Side::B, self.b),
            Text::Join(
                vec![
                    Text::By(self.by(), true),
                    Text::AmountsIn,
                    Text::Term(Term::DifferencesAreBMinusA),
                ],
                " · ",
            ),
        ]
    }

    /// Cost by party in A, in B, and B − A, when members are asked for.
    fn member_tables(&self, grids: &[Grid], at: impl Fn(Side) -> At) -> Vec<Block<Fig>> {
        let Some((ma, _)) = &self.members else {
            return Vec::new();
        };
        let (title, short) = super::scenario::member_terms(ma.allocation.mode);
        let unit = ma.precision.unit();
        let many = self.periods.len() > 1;
        let mut blocks = Vec::new();
        for side in [Side::A, Side::B, Side::Delta] {
            blocks.push(Block::Table(super::scenario::grid_table(
                Text::TitledSide(title, side, Some(unit)),
                Text::TermSide(short, side),
                Term::Payer,
                grids,
                at(side),
                many,
                true,
            )));
        }
        let mut seen = Vec::new();
        for s in [self.a, self.b] {
            if let Some(sentence) = super::scenario::keys_sentence(s).filter(|k| !seen.contains(k))
            {
                seen.push(sentence.clone());
                blocks.push(Block::Sentence(sentence));
            }
        }
        blocks
    }

    fn cost_table(&self, fte: [At; 3], cost: [At; 3]) -> Table<Fig> {
        let head = vec![
            Text::Term(Term::Period),
            Text::TermSide(Term::Fte, Side::A),
            Text::TermSide(Term::Fte, Side::B),
            Text::TermSide(Term::Fte, Side::Delta),
            Text::TermSide(Term::Cost, Side::A),
            Text::TermSide(Term::Cost, Side::B),
            Text::TermSide(Term::Cost, Side::Delta),
        ];
        let n = self.periods.len();
        let row = |label: Text, col: Option<usize>, total: bool| {
            let fte_of = |g: At| g.at(Some(0), col);
            let cost_of = |g: At| g.at(None, col);
            let sum = total.then_some(Calc::SumColumn { from: 0, to: n });
            let cells = vec![
                Cell::Text(label),
                Cell::figure(fte_of(fte[0])),
                Cell::figure(fte_of(fte[1])),
                Cell::calc(fte_of(fte[2]), Calc::ColumnDiff { plus: 2, minus: 1 }),
                Cell::Figure {
                    figure: cost_of(cost[0]),
                    calc: sum,
                },
                Cell::Figure {
                    figure: cost_of(cost[1]),
                    calc: sum,
                },
                Cell::calc(cost_of(cost[2]), Calc::ColumnDiff { plus: 5, minus: 4 }),
            ];
            Row { cells, total }
        };
        let mut rows: Vec<Row<Fig>> = self
            .periods
            .iter()
            .enumerate()
            .map(|(j, p)| row(Text::Period(p.key), Some(j), false))
            .collect();
        if n > 1 {
            rows.push(row(Text::Term(Term::Total), None, true));
        }
        Table {
            title: Text::Titled(Term::FteAndCost, None),
            name: Text::Term(Term::FteAndCost),
            head,
            rows,
            rounding_note: false,
        }
    }

    fn funder_table(&self, grids: [At; 3]) -> Table<Fig> {
        let many = self.periods.len() > 1;
        let mut head = vec![Text::Term(Term::Funder), Text::Plain(String::new())];
        head.extend(self.periods.iter().map(|p| Text::Period(p.key)));
        if many {
            head.push(Text::Term(Term::Total));
        }
        let n = self.periods.len();
        let mut rows = Vec::new();
        for (i, funder) in self.funders.iter().enumerate() {
            for (k, side) in [Side::A, Side::B, Side::Delta].into_iter().enumerate() {
                let g = grids[k];
                let name = if k == 0 { funder.name.as_str() } else { "" };
                // B − A is a difference of the two rows above, in every column.
                let here = rows.len();
                let diff = (k == 2).then(|| Calc::RowDiff {
                    plus: here - 1,
                    minus: here - 2,
                });
                let mut cells = vec![Cell::text(name), Cell::Text(Text::Side(side))];
                cells.extend((0..n).map(|j| Cell::Figure {
                    figure: g.cell(i, j),
                    calc: diff,
                }));
                if many {
                    cells.push(Cell::Figure {
                        figure: g.row_total(i),
                        calc: diff.or(Some(Calc::SumRow { from: 2, to: n + 2 })),
                    });
                }
                rows.push(Row {
                    cells,
                    total: k == 2,
                });
            }
        }
        // All funders together, in A, in B and B − A: the column totals of the cost grids.
        for (k, side) in [Side::A, Side::B, Side::Delta].into_iter().enumerate() {
            let g = grids[k];
            let here = rows.len();
            let diff = (k == 2).then(|| Calc::RowDiff {
                plus: here - 1,
                minus: here - 2,
            });
            let label = if k == 0 {
                Cell::Text(Text::Term(Term::Total))
            } else {
                Cell::text("")
            };
            let mut cells = vec![label, Cell::Text(Text::Side(side))];
            cells.extend((0..n).map(|j| Cell::Figure {
                figure: g.at(None, Some(j)),
                calc: diff,
            }));
            if many {
                cells.push(Cell::Figure {
                    figure: g.at(None, None),
                    calc: diff.or(Some(Calc::SumRow { from: 2, to: n + 2 })),
                });
            }
            rows.push(Row { cells, total: true });
        }
        Table {
            title: Text::Titled(Term::CostByFunder, None),
            name: Text::Term(Term::CostByFunderShort),
            head,
            rows,
            rounding_note: false,
        }
    }

    fn changes_table(&self) -> Table<Fig> {
        let head = vec![
            Text::Term(Term::What),
            Text::Term(Term::Id),
            Text::Term(Term::Change),
            Text::Side(Side::A),
            Text::Side(Side::B),
        ];
        let none = || Text::Plain("–".to_string());
        let mut rows = Vec::new();
        for c in &self.changes {
            let mut row = |what: Text, a: Text, b: Text| {
                rows.push(Row::new(vec![
                    Cell::Text(Text::Kind(c.kind)),
                    Cell::text(c.id.as_str()),
                    Cell::Text(what),
                    Cell::Text(a),
                    Cell::Text(b),
                ]));
            };
            match &c.what {
                ChangeKind::Added(fields) => row(
                    Text::Term(Term::Added),
                    none(),
                    Text::Entry(c.kind, fields.clone()),
                ),
                ChangeKind::Removed(fields) => row(
                    Text::Term(Term::Removed),
                    Text::Entry(c.kind, fields.clone()),
                    none(),
                ),
                ChangeKind::Changed(fields) => {
                    for f in fields {
                        let show = |v: &Option<Value>| v.clone().map_or_else(none, Text::Value);
                        row(Text::Plain(f.field.to_string()), show(&f.a), show(&f.b));
                    }
                }
            }
        }
        if rows.is_empty() {
            rows.push(Row::new(vec![
                Cell::text("–"),
                Cell::text("–"),
                Cell::Text(Text::Term(Term::NoDifferences)),
                Cell::Blank,
                Cell::Blank,
            ]));
        }
        Table {
            title: Text::Term(Term::WhatDiffers),
            name: Text::Term(Term::Differences),
            head,
            rows,
            rounding_note: false,
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
    /// Only in B, with its fields.
    Added(Fields),
    /// Only in A, with its fields.
    Removed(Fields),
    /// In both, with the fields that differ.
    Changed(Vec<FieldChange>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    /// `None` where the side has no such field.
    pub a: Option<Value>,
    pub b: Option<Value>,
}

/// The value of a field of an entry, as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Money(Rational),
    Date(Date),
    Number(Rational),
    Flag(bool),
    /// Funder ids and shares.
    Payers(Vec<(String, Rational)>),
}

impl Value {
    /// Language-neutral: plain decimals, ISO dates, funder ids (for JSON).
    pub fn plain(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Money(m) => crate::num::show(*m),
            Value::Date(d) => d.to_string(),
            Value::Number(n) => crate::num::show(*n),
            Value::Flag(b) => b.to_string(),
            Value::Payers(p) => payers(p, crate::num::show),
        }
    }
}

/// Funder ids, with their shares where there are more than one.
pub fn payers(p: &[(String, Rational)], share: impl Fn(Rational) -> String) -> String {
    match p {
        [(id, _)] => id.clone(),
        parts => parts
            .iter()
            .map(|(id, r)| format!("{id} {}", share(*r)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The fields of an entry that a comparison looks at.
pub type Fields = Vec<(&'static str, Value)>;

/// The value of field `name`, if the entry has it.
pub fn field<'f>(fields: &'f Fields, name: &str) -> Option<&'f Value> {
    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn pair_periods(a: &[Figures], b: &[Figures]) -> Vec<PeriodPair> {
    let mut pairs: Vec<PeriodPair> = Vec::new();
    // By period, not by a scan: a window of centuries by month has a million periods.
    let mut index: std::collections::HashMap<PeriodKey, usize> = std::collections::HashMap::new();
    for (side, figures) in [(0, a), (1, b)] {
        for (i, f) in figures.iter().enumerate() {
            let k = *index.entry(f.period.key).or_insert_with(|| {
                pairs.push(PeriodPair {
                    key: f.period.key,
                    start: f.period.start,
                    end: f.period.end,
                    a: None,
                    b: None,
                });
                pairs.len() - 1
            });
            let pair = &mut pairs[k];
            pair.start = pair.start.min(f.period.start);
            pair.end = pair.end.max(f.period.end);
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

fn paid_by_value(s: &Scenario, paid_by: &PaidBy) -> Value {
    Value::Payers(
        paid_by
            .0
            .iter()
            .map(|(f, share)| (s.funders[*f].id.clone(), share.rational()))
            .collect(),
    )
}

fn flow_fields(flow: &Flow, out: &mut Fields) {
    match flow {
        Flow::Annual { annual, range } => {
            out.push(("annual", Value::Money(annual.rational())));
            out.push(("from", Value::Date(range.from)));
            out.push(("to", Value::Date(range.to)));
        }
        Flow::OneOff { amount, date } => {
            out.push(("amount", Value::Money(amount.rational())));
            out.push(("date", Value::Date(*date)));
        }
    }
}

/// Every entry of a scenario: (kind, id, fields).
fn entries(s: &Scenario) -> Vec<(&'static str, String, Fields)> {
    let mut out = Vec::new();
    for f in &s.funders {
        let fields = vec![
            ("name", Value::Text(f.name.clone())),
            ("residual", Value::Flag(f.residual)),
        ];
        out.push(("funder", f.id.clone(), fields));
    }
    for p in &s.posts {
        let mut fields = vec![("title", Value::Text(p.title.clone()))];
        if let Some(e) = &p.employer {
            fields.push(("employer", Value::Text(e.clone())));
        }
        fields.extend([
            ("fte", Value::Number(p.fte.rational())),
            (
                "annual_cost_per_fte",
                Value::Money(p.annual_cost_per_fte.rational()),
            ),
            ("from", Value::Date(p.range.from)),
            ("to", Value::Date(p.range.to)),
            ("paid_by", paid_by_value(s, &p.paid_by)),
        ]);
        out.push(("post", p.id.clone(), fields));
    }
    for c in &s.costs {
        let mut fields = vec![("name", Value::Text(c.name.clone()))];
        flow_fields(&c.flow, &mut fields);
        fields.push(("paid_by", paid_by_value(s, &c.paid_by)));
        out.push(("cost", c.id.clone(), fields));
    }
    for f in &s.funding {
        let mut fields = vec![
            ("name", Value::Text(f.name.clone())),
            ("funder", Value::Text(s.funders[f.funder].id.clone())),
        ];
        flow_fields(&f.flow, &mut fields);
        out.push(("funding", f.id.clone(), fields));
    }
    out
}

/// What differs between the entries of `a` and `b`, matched by kind and id.
pub fn changes(a: &Scenario, b: &Scenario) -> Vec<Change> {
    let ea = entries(a);
    let eb = entries(b);
    // Each side's entries by kind and id: a large scenario has 100,000 of them.
    let index = |entries: &[(&'static str, String, Fields)]| {
        entries
            .iter()
            .enumerate()
            .map(|(n, (kind, id, _))| ((*kind, id.clone()), n))
            .collect::<std::collections::HashMap<_, _>>()
    };
    let (in_a, in_b) = (index(&ea), index(&eb));
    let mut out = Vec::new();
    for (kind, id, fields_a) in &ea {
        match in_b.get(&(*kind, id.clone())).map(|&n| &eb[n]) {
            None => out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Removed(fields_a.clone()),
            }),
            Some((_, _, fields_b)) => {
                let mut diffs = Vec::new();
                let names = fields_a.iter().map(|(n, _)| *n).chain(
                    fields_b
                        .iter()
                        .map(|(n, _)| *n)
                        .filter(|n| field(fields_a, n).is_none()),
                );
                for name in names {
                    let (va, vb) = (field(fields_a, name), field(fields_b, name));
                    if va != vb {
                        diffs.push(FieldChange {
                            field: name,
                            a: va.cloned(),
                            b: vb.cloned(),
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
    for (kind, id, fields_b) in &eb {
        if !in_a.contains_key(&(*kind, id.clone())) {
            out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Added(fields_b.clone()),
            });
        }
    }
    out
}
