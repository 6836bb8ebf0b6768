//! Comparing two scenarios: figures side by side per period, B − A, who pays more or less, and
//! which posts, costs, funding and funders differ.

use jiff::civil::Date;
use num_rational::Ratio;

use super::document::{Bar, Block, Calc, Cell, Chart, Document, Row, Table};
use super::{Grid, Members, Report, share_text};
use crate::allocation::{self, Mode, Party};
use crate::engine::{self, Amount, ComputeError, Figures, Prices, Scale};
use crate::i18n::Precision;
use crate::i18n::{Lang, View};
use crate::model::{DateRange, Flow, PaidBy, Scenario};
use crate::num::Rational;
use crate::period::{By, PeriodKey};
use crate::round;

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

    /// As the language writes it (for tables).
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Value::Money(m) => super::money_text(*m, lang),
            Value::Date(d) => lang.date(*d),
            Value::Number(n) => share_text(*n, lang),
            Value::Flag(b) => lang
                .tr(
                    if *b { "true" } else { "false" },
                    if *b { "ja" } else { "nej" },
                )
                .to_string(),
            Value::Payers(p) => payers(p, |r| share_text(r, lang)),
            Value::Text(_) => self.plain(),
        }
    }
}

fn payers(p: &[(String, Rational)], share: impl Fn(Rational) -> String) -> String {
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

fn field<'f>(fields: &'f Fields, name: &str) -> Option<&'f Value> {
    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// A sentence describing an added or removed entry.
pub fn describe(kind: &str, fields: &Fields, lang: Lang) -> String {
    let get = |name| {
        field(fields, name)
            .map(|v| v.show(lang))
            .unwrap_or_default()
    };
    let flow = || {
        if field(fields, "annual").is_some() {
            match lang {
                Lang::En => format!(
                    "{} kr. a year, {} – {}",
                    get("annual"),
                    get("from"),
                    get("to")
                ),
                Lang::Da => format!(
                    "{} kr. om året, {} – {}",
                    get("annual"),
                    get("from"),
                    get("to")
                ),
            }
        } else {
            match lang {
                Lang::En => format!("{} kr. on {}", get("amount"), get("date")),
                Lang::Da => format!("{} kr. den {}", get("amount"), get("date")),
            }
        }
    };
    match (kind, lang) {
        ("funder", _) => {
            let residual = matches!(field(fields, "residual"), Some(Value::Flag(true)));
            let name = get("name");
            if residual {
                format!("{name} ({})", lang.tr("residual", "restfinansierende"))
            } else {
                name
            }
        }
        ("post", _) => {
            let employer = get("employer");
            let employed = if employer.is_empty() {
                String::new()
            } else {
                format!(", {} {employer}", lang.tr("employed by", "ansat i"))
            };
            format!(
                "{} {} {} kr. {}, {} – {}, {} {}{employed}",
                get("fte"),
                lang.tr("FTE ×", "årsværk à"),
                get("annual_cost_per_fte"),
                lang.tr("a year", "om året"),
                get("from"),
                get("to"),
                lang.tr("paid by", "finansieret af"),
                get("paid_by"),
            )
        }
        ("cost", Lang::En) => format!("{}, paid by {}", flow(), get("paid_by")),
        ("cost", Lang::Da) => format!("{}, finansieret af {}", flow(), get("paid_by")),
        (_, Lang::En) => format!("{} from {}", flow(), get("funder")),
        (_, Lang::Da) => format!("{} fra {}", flow(), get("funder")),
    }
}

impl<'a> Comparison<'a> {
    pub fn new(
        a: &'a Scenario,
        b: &'a Scenario,
        by: By,
        prices: Prices,
    ) -> Result<Self, ComputeError> {
        let scale = Scale::for_scenarios(&[a, b], prices)?;
        let a = Report::new(a, engine::project_on(a, by, scale, prices)?);
        let b = Report::new(b, engine::project_on(b, by, scale, prices)?);
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

    /// The comparison with each side's cost carried to its members as well.
    pub fn with_members(
        mut self,
        mode: Option<Mode>,
        precision: Precision,
    ) -> Result<Self, ComputeError> {
        if let Some(mode) = mode {
            let members = |s: &Scenario| -> Result<Option<Members>, ComputeError> {
                Ok(Some(Members {
                    allocation: allocation::allocate(s, mode)?,
                    precision,
                }))
            };
            self.a.members = members(self.a.scenario)?;
            self.b.members = members(self.b.scenario)?;
        }
        Ok(self)
    }

    /// The parties of both sides (A's in order, then B's new ones) and their cost per period
    /// of the comparison: A, B and B − A.
    pub fn member_grids(&self) -> Option<(Vec<Party>, [Grid; 3])> {
        let (ma, mb) = (self.a.members.as_ref()?, self.b.members.as_ref()?);
        let (ga, gb) = (self.a.member_grid()?, self.b.member_grid()?);
        let mut parties: Vec<Party> = ma.allocation.parties.clone();
        for p in &mb.allocation.parties {
            if !parties.iter().any(|q| q.id == p.id) {
                parties.push(p.clone());
            }
        }
        let side = |m: &Members, g: &Grid, index: fn(&PeriodPair) -> Option<usize>| -> Grid {
            let zero = Rational::from_integer(0);
            let cells: Vec<Vec<Rational>> = parties
                .iter()
                .map(|party| {
                    let row = m.allocation.parties.iter().position(|q| q.id == party.id);
                    self.periods
                        .iter()
                        .map(|p| match (row, index(p)) {
                            (Some(r), Some(j)) => g.cells[r][j],
                            _ => zero,
                        })
                        .collect()
                })
                .collect();
            let rows = cells.iter().map(|r| r.iter().sum()).collect();
            let columns: Vec<Rational> = (0..self.periods.len())
                .map(|j| cells.iter().map(|r| r[j]).sum())
                .collect();
            Grid {
                total: columns.iter().sum(),
                cells,
                rows,
                columns,
            }
        };
        let a = side(ma, &ga, |p| p.a);
        let b = side(mb, &gb, |p| p.b);
        let d = b.minus(&a);
        Some((parties, [a, b, d]))
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

    /// Each side's cost by funder over the union of periods, rounded to whole multiples of
    /// `step` kroner, and B − A.
    pub(crate) fn shown(&self, step: Rational) -> [Grid; 3] {
        let side = |report: &Report,
                    pick: fn(&FunderPair) -> Option<usize>,
                    index: fn(&PeriodPair) -> Option<usize>| {
            let cells: Vec<Vec<Rational>> = self
                .funders
                .iter()
                .map(|fp| {
                    self.periods
                        .iter()
                        .map(|p| match (pick(fp), index(p)) {
                            (Some(f), Some(i)) => {
                                report.money(report.projection.periods[i].cost_by_funder[f]) / step
                            }
                            _ => Rational::from_integer(0),
                        })
                        .collect()
                })
                .collect();
            let keys: Vec<_> = self.periods.iter().map(|p| p.key).collect();
            let groups = crate::period::groups(&keys);
            Grid::upper(&round::table(&cells, self.periods.len(), &groups), step)
        };
        let a = side(&self.a, |f| f.a, |p| p.a);
        let b = side(&self.b, |f| f.b, |p| p.b);
        let d = b.minus(&a);
        [a, b, d]
    }

    /// One sentence per funder: who pays how much more or less over the whole window, in the
    /// figures the tables show.
    pub fn sentences(&self, view: View) -> Vec<String> {
        let [a, b, d] = self.shown(view.unit.step());
        let lang = view.lang;
        let window = self.window();
        let span = lang.range(window.from, window.to);
        let zero = Rational::from_integer(0);
        self.funders
            .iter()
            .enumerate()
            .map(|(i, funder)| {
                let (av, bv, dv) = (a.rows[i], b.rows[i], d.rows[i]);
                let name = &funder.name;
                if dv == zero {
                    match lang {
                        Lang::En => super::sentence(format!("{name} pays the same in B as in A over {span}: {}", view.money_unit(av))),
                        Lang::Da => super::sentence(format!("{name} betaler det samme i B som i A i perioden {span}: {}", view.money_unit(av))),
                    }
                } else {
                    let amount = view.money_unit(if dv > zero { dv } else { -dv });
                    let (from, to) = (view.money_unit(av), view.money_unit(bv));
                    match (lang, dv > zero) {
                        (Lang::En, up) => format!(
                            "{name} pays {amount} {} in B than in A over {span} ({from} → {to}).",
                            if up { "more" } else { "less" }
                        ),
                        (Lang::Da, up) => format!(
                            "{name} betaler {amount} {} i B end i A i perioden {span} ({from} → {to}).",
                            if up { "mere" } else { "mindre" }
                        ),
                    }
                }
            })
            .collect()
    }

    pub fn document(&self, view: View) -> Document {
        let lang = view.lang;
        let (sa, sb) = (self.a.scenario, self.b.scenario);
        let prices = self.a.projection.prices;
        let side_line = |letter: &str, s: &Scenario| {
            format!(
                "{letter}: {} ({}, {}){}",
                s.name,
                s.file.display(),
                lang.range(s.window.from, s.window.to),
                super::prices_text(s, prices, lang)
            )
        };
        let lines = vec![
            side_line("A", sa),
            side_line("B", sb),
            format!(
                "{} · {} {} · {}",
                capitalise(lang.by(self.by())),
                lang.tr("amounts in", "beløb i"),
                view.unit.label(lang),
                lang.tr("differences are B − A", "forskelle er B − A")
            ),
        ];
        let shown = self.shown(view.unit.step());
        let mut blocks = vec![
            Block::Table(self.cost_table(view, &shown)),
            Block::Table(self.funder_table(view, &shown)),
        ];
        blocks.extend(self.sentences(view).into_iter().map(Block::Paragraph));
        blocks.extend(self.member_tables(view));
        blocks.push(Block::Table(self.changes_table(lang)));
        let [a, b, _] = &shown;
        let chart = Chart {
            title: view.titled(
                "Cost by funder, A and B",
                "Udgifter fordelt på finansieringskilde, A og B",
            ),
            after: lang.tr("Cost by funder", "Udgifter pr. kilde").to_string(),
            series: self.funders.iter().map(|f| f.name.clone()).collect(),
            groups: self
                .periods
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let bar = |label: &str, g: &Grid| Bar {
                        label: label.to_string(),
                        values: g.cells.iter().map(|r| r[j]).collect(),
                    };
                    (lang.period(p.key), vec![bar("A", a), bar("B", b)])
                })
                .collect(),
        };
        let mut notes = super::notes(sa, lang);
        notes.extend(super::notes(sb, lang));
        notes.dedup();
        Document {
            view,
            title: format!(
                "{}: {} → {}",
                lang.tr("Comparison", "Sammenligning"),
                sa.name,
                sb.name
            ),
            lines,
            blocks,
            notes,
            chart: Some(chart),
        }
    }

    /// Cost by party in A, in B, and B − A, when members are asked for.
    fn member_tables(&self, view: View) -> Vec<Block> {
        let (Some(members), Some((parties, grids))) = (&self.a.members, self.member_grids()) else {
            return Vec::new();
        };
        let lang = view.lang;
        let (title, name) = super::member_heading(members.allocation.mode, lang);
        let unit = members.precision.unit();
        let labels: Vec<String> = parties.iter().map(|p| p.name.clone()).collect();
        let mut head = vec![lang.tr("Payer", "Betaler").to_string()];
        head.extend(self.periods.iter().map(|p| lang.period(p.key)));
        let many = self.periods.len() > 1;
        if many {
            head.push(lang.total().to_string());
        }
        let mut blocks = Vec::new();
        for (side, g) in ["A", "B", "B − A"].into_iter().zip(&grids) {
            let mut t = g.table(
                &format!("{title}, {side} ({})", unit.heading(lang)),
                &format!("{name} {side}"),
                head.clone(),
                &labels,
                view,
                many,
            );
            t.unit = Some(unit);
            blocks.push(Block::Table(t));
        }
        let mut seen = Vec::new();
        for s in [self.a.scenario, self.b.scenario] {
            if let Some(line) = super::keys_line(s, lang).filter(|l| !seen.contains(l)) {
                seen.push(line.clone());
                blocks.push(Block::Paragraph(line));
            }
        }
        blocks
    }

    fn cost_table(&self, view: View, [a, b, d]: &[Grid; 3]) -> Table {
        let lang = view.lang;
        let (fte, cost) = (lang.tr("FTE", "Årsværk"), lang.tr("Cost", "Udgifter"));
        let head = vec![
            lang.tr("Period", "Periode").to_string(),
            format!("{fte} A"),
            format!("{fte} B"),
            format!("{fte} B − A"),
            format!("{cost} A"),
            format!("{cost} B"),
            format!("{cost} B − A"),
        ];
        let fte_shown = |v: Rational| crate::num::round(v, 2);
        let fte_cells = |[fa, fb, _]: [Side; 3]| {
            let (x, y) = (fte_shown(fa.fte), fte_shown(fb.fte));
            let r = |d: rust_decimal::Decimal| crate::num::decimal_to_rational(d);
            [r(x), r(y), r(y) - r(x)]
        };
        let row = |label: String,
                   sides: [Side; 3],
                   ca: Rational,
                   cb: Rational,
                   cd: Rational,
                   total: bool| {
            let [fa, fb, fd] = fte_cells(sides);
            let mut cells = vec![Cell::Text(label), Cell::fte(fa), Cell::fte(fb)];
            cells.push(Cell::Fte {
                value: fd,
                calc: Some(Calc::ColumnDiff { plus: 2, minus: 1 }),
            });
            cells.extend([Cell::money(ca), Cell::money(cb)]);
            cells.push(Cell::money_calc(cd, Calc::ColumnDiff { plus: 5, minus: 4 }));
            Row { cells, total }
        };
        let mut rows: Vec<Row> = self
            .periods
            .iter()
            .enumerate()
            .map(|(j, p)| {
                row(
                    lang.period(p.key),
                    self.period(p),
                    a.columns[j],
                    b.columns[j],
                    d.columns[j],
                    false,
                )
            })
            .collect();
        if self.periods.len() > 1 {
            let n = rows.len();
            let mut total = row(
                lang.total().to_string(),
                self.total(),
                a.total,
                b.total,
                d.total,
                true,
            );
            for k in [4, 5] {
                if let Cell::Money { calc, .. } = &mut total.cells[k] {
                    *calc = Some(Calc::SumColumn { from: 0, to: n });
                }
            }
            rows.push(total);
        }
        Table {
            unit: None,
            title: view.titled("FTE and cost", "Årsværk og udgifter"),
            name: lang.tr("FTE and cost", "Årsværk og udgifter").to_string(),
            head,
            rows,
        }
    }

    fn funder_table(&self, view: View, grids: &[Grid; 3]) -> Table {
        let lang = view.lang;
        let many = self.periods.len() > 1;
        let mut head = vec![
            lang.tr("Funder", "Finansieringskilde").to_string(),
            String::new(),
        ];
        head.extend(self.periods.iter().map(|p| lang.period(p.key)));
        if many {
            head.push(lang.total().to_string());
        }
        let n = self.periods.len();
        let mut rows = Vec::new();
        for (i, funder) in self.funders.iter().enumerate() {
            for (k, (side, g)) in ["A", "B", "B − A"].into_iter().zip(grids).enumerate() {
                let name = if k == 0 { funder.name.as_str() } else { "" };
                // B − A is a difference of the two rows above, in every column.
                let here = rows.len();
                let diff = (k == 2).then(|| Calc::RowDiff {
                    plus: here - 1,
                    minus: here - 2,
                });
                let mut cells = vec![Cell::text(name), Cell::text(side)];
                cells.extend(g.cells[i].iter().map(|v| Cell::Money {
                    value: *v,
                    calc: diff,
                }));
                if many {
                    cells.push(Cell::Money {
                        value: g.rows[i],
                        calc: diff.or(Some(Calc::SumRow { from: 2, to: n + 2 })),
                    });
                }
                rows.push(Row {
                    cells,
                    total: k == 2,
                });
            }
        }
        Table {
            unit: None,
            title: view.titled("Cost by funder", "Udgifter fordelt på finansieringskilde"),
            name: lang.tr("Cost by funder", "Udgifter pr. kilde").to_string(),
            head,
            rows,
        }
    }

    fn changes_table(&self, lang: Lang) -> Table {
        let head = [
            lang.tr("What", "Hvad"),
            "Id",
            lang.tr("Change", "Ændring"),
            "A",
            "B",
        ]
        .map(String::from)
        .to_vec();
        let kind = |k: &str| -> String {
            match k {
                "post" => lang.tr("post", "stilling"),
                "cost" => lang.tr("cost", "udgift"),
                "funding" => lang.tr("funding", "finansiering"),
                _ => lang.tr("funder", "finansieringskilde"),
            }
            .to_string()
        };
        let none = "–".to_string();
        let mut rows = Vec::new();
        for c in &self.changes {
            let mut row = |what: String, a: String, b: String| {
                rows.push(Row::new(vec![
                    Cell::Text(kind(c.kind)),
                    Cell::text(&c.id),
                    Cell::Text(what),
                    Cell::Text(a),
                    Cell::Text(b),
                ]));
            };
            match &c.what {
                ChangeKind::Added(fields) => row(
                    lang.tr("added", "tilføjet").to_string(),
                    none.clone(),
                    describe(c.kind, fields, lang),
                ),
                ChangeKind::Removed(fields) => row(
                    lang.tr("removed", "fjernet").to_string(),
                    describe(c.kind, fields, lang),
                    none.clone(),
                ),
                ChangeKind::Changed(fields) => {
                    for f in fields {
                        let show =
                            |v: &Option<Value>| v.as_ref().map_or(none.clone(), |v| v.show(lang));
                        row(f.field.to_string(), show(&f.a), show(&f.b));
                    }
                }
            }
        }
        if rows.is_empty() {
            rows.push(Row::new(vec![
                Cell::text("–"),
                Cell::text("–"),
                Cell::text(lang.tr(
                    "no differences in posts, costs, funding or funders",
                    "ingen forskelle i stillinger, udgifter, finansiering eller finansieringskilder",
                )),
                Cell::Blank,
                Cell::Blank,
            ]));
        }
        Table {
            unit: None,
            title: lang
                .tr("What differs between A and B", "Forskelle mellem A og B")
                .to_string(),
            name: lang.tr("Differences", "Forskelle").to_string(),
            head,
            rows,
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
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
                        key: f.period.key,
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
