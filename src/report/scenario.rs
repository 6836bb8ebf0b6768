//! The report of one scenario: staff, cost by item and by funder, funding, balances, what
//! residual funders must still find, and who really pays; built from its projection.

use super::grid::{At, Column, Fig, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Shortfall, Term, Text};
use super::{
    Bar, Block, Calc, Cell, Chart, FunderHead, Head, Identity, Members, MembersHead, Page, Report,
    Row, ScenarioHead, Table,
};
use crate::diag::Diagnostic;
use crate::engine::{Amount, Figures, Projection};
use crate::model::Scenario;
use crate::msg::{Day, Msg, Ore};
use crate::num::Rational;

/// The report of `s`, projected as `p`, with cost carried to its members if asked.
pub fn report(s: &Scenario, p: &Projection, members: Option<&Members>) -> Report {
    let grids = grids(s, p, members);
    let blocks = blocks(s, p, members, &grids);
    let chart = chart(s, &grids);
    let mut lines: Vec<Text> = s.description.iter().cloned().map(Text::Plain).collect();
    let mut meta = vec![
        Text::Plain(s.file.display().to_string()),
        Text::Range(s.window.from, s.window.to),
        Text::By(p.by, false),
        Text::AmountsIn,
    ];
    meta.extend(prices_text(s, p.prices));
    lines.push(Text::Join(meta, " · "));
    lines.extend(defaults_used(s));
    Report {
        head: Head::Scenario(head(s, p, members)),
        identities: vec![
            Identity::Difference {
                result: GridId::of(What::BalanceByFunder),
                plus: GridId::of(What::FundingByFunder),
                minus: GridId::of(What::CostByFunder),
            },
            Identity::SameColumnTotals {
                grid: GridId::of(What::CostByMember),
                same_as: GridId::of(What::CostByFunder),
            },
        ],
        grids,
        page: Page {
            title: Some(Text::Plain(s.name.clone())),
            lines,
            blocks,
            notes: notes(s),
            chart: Some(chart),
        },
    }
}

/// Where the grid of `what` is among `grids`.
fn at(grids: &[Grid], what: What) -> At {
    At(grids
        .iter()
        .position(|g| g.id == GridId::of(what))
        .unwrap_or(0))
}

/// The tables and sentences of the report, in order.
fn blocks(
    s: &Scenario,
    p: &Projection,
    members: Option<&Members>,
    grids: &[Grid],
) -> Vec<Block<Fig>> {
    let many = p.periods.len() > 1;
    // A table of a grid: with its total column where there is more than one period and its
    // total row (`sums`), or neither.
    let table = |title: Term, short: Term, first: Term, what: What, sums: bool| {
        let titled = Text::Titled(title, None);
        grid_table(
            titled,
            Text::Term(short),
            first,
            grids,
            at(grids, what),
            sums && many,
            sums,
        )
    };
    let by_funder =
        |title, short, what, sums| Block::Table(table(title, short, Term::Funder, what, sums));
    let mut blocks = vec![
        Block::Table(staff_table(s)),
        Block::Table(items_table(
            grids,
            at(grids, What::Items),
            at(grids, What::Fte),
            many,
        )),
        by_funder(
            Term::CostByFunder,
            Term::CostByFunderShort,
            What::CostByFunder,
            true,
        ),
        by_funder(
            Term::FundingByFunder,
            Term::FundingByFunderShort,
            What::FundingByFunder,
            true,
        ),
    ];
    if let Some(m) = members {
        let (title, short) = member_terms(m.allocation.mode);
        let mut members = table(title, short, Term::Payer, What::CostByMember, true);
        members.title = Text::Titled(title, Some(m.precision.unit()));
        blocks.push(Block::Table(members));
        blocks.extend(keys_sentence(s).map(Block::Sentence));
    }
    blocks.push(by_funder(
        Term::Balance,
        Term::BalanceShort,
        What::BalanceByFunder,
        true,
    ));
    blocks.push(by_funder(
        Term::Cumulative,
        Term::CumulativeShort,
        What::CumulativeByFunder,
        false,
    ));
    if grids.iter().any(|g| g.id == GridId::of(What::StillToFind)) {
        blocks.push(by_funder(
            Term::StillToFind,
            Term::StillToFindShort,
            What::StillToFind,
            false,
        ));
    }
    blocks.extend(balance_sentences(s, p).into_iter().map(Block::Sentence));
    blocks
}

/// Each funder's cost per period, as stacked bars.
fn chart(s: &Scenario, grids: &[Grid]) -> Chart<Fig> {
    let cost = at(grids, What::CostByFunder);
    Chart {
        title: Text::Titled(Term::CostByFunder, None),
        after: Text::Term(Term::CostByFunderShort),
        series: s
            .funders
            .iter()
            .map(|f| Text::Plain(f.name.clone()))
            .collect(),
        groups: grids[cost.0]
            .columns
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let bar = Bar {
                    label: Text::Term(Term::Cost),
                    values: (0..s.funders.len()).map(|f| cost.cell(f, j)).collect(),
                };
                (Text::Period(c.key), vec![bar])
            })
            .collect(),
    }
}

/// `current prices (base year 2023)`, where the scenario has an indexation.
pub(crate) fn prices_text(s: &Scenario, prices: crate::engine::Prices) -> Option<Text> {
    s.indexation
        .as_ref()
        .map(|ix| Text::Prices(prices, ix.base_year))
}

fn head(s: &Scenario, p: &Projection, members: Option<&Members>) -> ScenarioHead {
    ScenarioHead {
        name: s.name.clone(),
        file: s.file.display().to_string(),
        start: s.window.from,
        end: s.window.to,
        by: p.by,
        prices: s.indexation.as_ref().map(|_| p.prices),
        funders: funder_heads(s),
        members: members.map(|m| MembersHead {
            mode: m.allocation.mode,
            precision: m.precision,
            parties: m.allocation.parties.clone(),
        }),
    }
}

/// Who the funders of `s` are, for data formats.
pub(crate) fn funder_heads(s: &Scenario) -> Vec<FunderHead> {
    s.funders
        .iter()
        .map(|f| FunderHead {
            id: f.id.clone(),
            name: f.name.clone(),
            residual: f.residual,
        })
        .collect()
}

/// The columns of a projection: its periods.
pub(crate) fn columns(p: &Projection) -> Vec<Column> {
    p.periods
        .iter()
        .map(|f| Column::period(f.period.key, f.period.start, f.period.end))
        .collect()
}

/// Every figure of the report, exact, in grids.
fn grids(s: &Scenario, p: &Projection, members: Option<&Members>) -> Vec<Grid> {
    let money = |a: Amount| p.scale.exact(a);
    let columns = columns(p);
    let matrix = |rows: usize, pick: &dyn Fn(&Figures, usize) -> Amount| -> Vec<Vec<Rational>> {
        (0..rows)
            .map(|i| p.periods.iter().map(|f| money(pick(f, i))).collect())
            .collect()
    };
    let funder_rows: Vec<RowHead> = s
        .funders
        .iter()
        .map(|f| RowHead::new(&f.id, &f.name))
        .collect();
    let item_rows: Vec<RowHead> = s
        .posts
        .iter()
        .map(|x| RowHead::new(&x.id, &x.title))
        .chain(s.costs.iter().map(|c| RowHead::new(&c.id, &c.name)))
        .collect();
    let n = s.funders.len();
    let cost = matrix(n, &|f, i| f.cost_by_funder[i]);
    let funding = matrix(n, &|f, i| f.funding_by_funder[i]);
    let balance = matrix(n, &|f, i| f.funding_by_funder[i] - f.cost_by_funder[i]);
    let cumulative = matrix(n, &|f, i| f.cumulative_by_funder[i]);
    let id = GridId::of;
    let mut grids = vec![
        Grid::sums(
            id(What::Items),
            Measure::Money,
            Rule::AddsUp,
            item_rows,
            columns.clone(),
            matrix(s.item_count(), &|f, i| f.items.get(i)),
        ),
        Grid::sums(
            id(What::CostByFunder),
            Measure::Money,
            Rule::Under(id(What::Items)),
            funder_rows.clone(),
            columns.clone(),
            cost.clone(),
        ),
        Grid::sums(
            id(What::FundingByFunder),
            Measure::Money,
            Rule::AddsUp,
            funder_rows.clone(),
            columns.clone(),
            funding,
        ),
        Grid::sums(
            id(What::BalanceByFunder),
            Measure::Money,
            Rule::AddsUp,
            funder_rows.clone(),
            columns.clone(),
            balance,
        ),
        Grid::plain(
            id(What::CumulativeByFunder),
            Measure::Money,
            Rule::Nearest,
            funder_rows,
            columns.clone(),
            cumulative.clone(),
        ),
        Grid {
            row_totals: Some(vec![p.total.fte.average()]),
            ..Grid::plain(
                id(What::Fte),
                Measure::Fte,
                Rule::Nearest,
                vec![RowHead::new("fte", "")],
                columns.clone(),
                vec![p.periods.iter().map(|f| f.fte.average()).collect()],
            )
        },
    ];
    let zero = Rational::from_integer(0);
    let short: Vec<usize> = (0..n)
        .filter(|&i| s.funders[i].residual && cumulative[i].iter().any(|v| *v < zero))
        .collect();
    if !short.is_empty() {
        grids.push(Grid::plain(
            id(What::StillToFind),
            Measure::Money,
            Rule::Nearest,
            short
                .iter()
                .map(|&i| RowHead::new(&s.funders[i].id, &s.funders[i].name))
                .collect(),
            columns.clone(),
            short
                .iter()
                .map(|&i| cumulative[i].iter().map(|v| -(*v).min(zero)).collect())
                .collect(),
        ));
    }
    if let Some(m) = members {
        grids.push(Grid::sums(
            id(What::CostByMember),
            Measure::MoneyIn(m.precision.unit()),
            Rule::AddsUp,
            m.allocation
                .parties
                .iter()
                .map(|x| RowHead::new(&x.id, &x.name))
                .collect(),
            columns,
            m.cost.cells.clone(),
        ));
    }
    grids
}

fn staff_table(s: &Scenario) -> Table<Fig> {
    let head = vec![
        Text::Term(Term::Post),
        Text::Term(Term::Employer),
        Text::Term(Term::Fte),
        Text::Term(Term::FromTo),
        Text::Titled(Term::CostPerFte, None),
        Text::Term(Term::PaidBy),
    ];
    let rows = s
        .posts
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::text(p.title.as_str()),
                Cell::Text(by_default(
                    Text::Plain(p.employer.clone().unwrap_or_default()),
                    p.employer_default,
                )),
                Cell::figure(Fig::nearest(p.fte.rational(), Measure::Fte)),
                Cell::Text(Text::Range(p.range.from, p.range.to)),
                Cell::figure(Fig::nearest(
                    p.annual_cost_per_fte.rational(),
                    Measure::Money,
                )),
                Cell::Text(by_default(paid_by(s, &p.paid_by), p.paid_by_default)),
            ])
        })
        .collect();
    Table {
        title: Text::Term(Term::Staff),
        name: Text::Term(Term::Staff),
        head,
        rows,
        rounding_note: false,
    }
}

/// `text`, marked "(default)" where it is `[defaults]`'s rather than the entry's own.
fn by_default(text: Text, default: bool) -> Text {
    match default {
        true => Text::Join(vec![text, Text::Term(Term::ByDefault)], " "),
        false => text,
    }
}

/// Which entries take what from `[defaults]`: `Paid by default ([defaults] paid_by): Region
/// Nordjylland 1/3, BRN 2/3: Klimamedarbejder 1; Konsulentbistand`; one line each.
fn defaults_used(s: &Scenario) -> Vec<Text> {
    let mut out = Vec::new();
    // At most 8 names, then how many in all: a default may serve 100,000 posts.
    let names = |names: Vec<&str>| {
        let n = names.len();
        let mut shown: Vec<Text> = names.into_iter().take(8).map(Text::from).collect();
        if n > 8 {
            let all = Text::Join(
                vec![Text::Term(Term::Total), Text::Number((n as i128).into())],
                " ",
            );
            shown.push(Text::Join(vec![Text::from("…"), all], " "));
        }
        Text::Join(shown, "; ")
    };
    if let Some(default) = &s.defaults.paid_by {
        let users: Vec<&str> = (s.posts.iter())
            .filter(|p| p.paid_by_default)
            .map(|p| p.title.as_str())
            .chain(
                (s.costs.iter())
                    .filter(|c| c.paid_by_default)
                    .map(|c| c.name.as_str()),
            )
            .collect();
        if !users.is_empty() {
            let head = Text::Join(
                vec![Text::Term(Term::DefaultPaidBy), paid_by(s, default)],
                ": ",
            );
            out.push(Text::Join(vec![head, names(users)], ": "));
        }
    }
    if let Some(employer) = &s.defaults.employer {
        let users: Vec<&str> = (s.posts.iter())
            .filter(|p| p.employer_default)
            .map(|p| p.title.as_str())
            .collect();
        if !users.is_empty() {
            let head = Text::Join(
                vec![
                    Text::Term(Term::DefaultEmployer),
                    Text::Plain(employer.clone()),
                ],
                ": ",
            );
            out.push(Text::Join(vec![head, names(users)], ": "));
        }
    }
    out
}

/// Who pays: a funder's name, or names and shares.
pub(crate) fn paid_by(s: &Scenario, paid_by: &crate::model::PaidBy) -> Text {
    Text::PaidBy(
        paid_by
            .0
            .iter()
            .map(|(f, share)| (s.funders[*f].name.clone(), share.rational()))
            .collect(),
    )
}

/// The head of a table by period: a first column, the periods, and the total column.
fn period_head(first: Term, columns: &[Column], total: bool) -> Vec<Text> {
    let mut head = vec![Text::Term(first)];
    head.extend(columns.iter().map(|c| Text::Period(c.key)));
    if total {
        head.push(Text::Term(Term::Total));
    }
    head
}

/// A grid as a table: a row per grid row, with its total where `total_column`, and a total
/// row where the grid has one and `total_row`; totals say what they add up.
pub(crate) fn grid_table(
    title: Text,
    short: Text,
    first: Term,
    grids: &[Grid],
    at: At,
    total_column: bool,
    total_row: bool,
) -> Table<Fig> {
    let g = &grids[at.0];
    let n = g.columns.len();
    let m = g.rows.len();
    let total_column = total_column && g.row_totals.is_some();
    let mut rows: Vec<Row<Fig>> = (0..m)
        .map(|i| {
            let mut cells = vec![Cell::text(g.rows[i].name.as_str())];
            cells.extend((0..n).map(|j| Cell::figure(at.cell(i, j))));
            if total_column {
                cells.push(Cell::calc(
                    at.row_total(i),
                    Calc::SumRow { from: 1, to: n + 1 },
                ));
            }
            Row::new(cells)
        })
        .collect();
    if total_row && g.column_totals.is_some() {
        let sum = Calc::SumColumn { from: 0, to: m };
        let mut cells = vec![Cell::Text(Text::Term(Term::Total))];
        cells.extend((0..n).map(|j| Cell::calc(at.column_total(j), sum)));
        if total_column {
            cells.push(Cell::calc(at.total(), sum));
        }
        rows.push(Row::total(cells));
    }
    Table {
        title,
        name: short,
        head: period_head(first, &g.columns, total_column),
        rows,
        rounding_note: false,
    }
}

fn items_table(grids: &[Grid], items: At, fte: At, many: bool) -> Table<Fig> {
    let mut table = grid_table(
        Text::Titled(Term::CostByItem, None),
        Text::Term(Term::CostByItemShort),
        Term::Item,
        grids,
        items,
        many,
        true,
    );
    if let Some(total) = table.rows.last_mut() {
        total.cells[0] = Cell::Text(Text::Term(Term::TotalCost));
    }
    let n = grids[items.0].columns.len();
    let mut average = vec![Cell::Text(Text::Term(Term::FteAverage))];
    average.extend((0..n).map(|j| Cell::figure(fte.cell(0, j))));
    if many {
        average.push(Cell::figure(fte.row_total(0)));
    }
    table.rows.push(Row::new(average));
    table
}

/// The title and short name of a table of cost by party.
pub(crate) fn member_terms(mode: crate::allocation::Mode) -> (Term, Term) {
    match mode {
        crate::allocation::Mode::LookThrough => (Term::LookThrough, Term::LookThroughShort),
        crate::allocation::Mode::ByMember => (Term::ByMember, Term::ByMemberShort),
    }
}

/// The keys a table of cost by party uses, if the scenario has any.
pub(crate) fn keys_sentence<F>(s: &Scenario) -> Option<Sentence<F>> {
    (!s.keys.is_empty()).then(|| {
        Sentence::Keys(
            s.keys
                .iter()
                .map(|k| (k.name.clone(), k.as_of, k.source.clone()))
                .collect(),
        )
    })
}

/// What residual funders must still find by the end of the window, and where other funders
/// fall short: amounts that must be enough, so rounded up where they are shown.
fn balance_sentences(s: &Scenario, p: &Projection) -> Vec<Sentence<Fig>> {
    let money = |a: Amount| p.scale.exact(a);
    // In whole kroner whatever the tables' unit, rounded up so that the amount is enough: a
    // table in millions shows −0,7 where 676,251.56 kr. is missing, and the sentence says
    // "at least 676,252 kr.".
    let up = |value: Rational| Fig::Own {
        value,
        measure: Measure::MoneyIn(crate::num::Unit::Kr),
        rule: Rule::Up,
    };
    let mut out = Vec::new();
    for (i, funder) in s.funders.iter().enumerate() {
        if funder.residual {
            let last = money(p.total.cumulative_by_funder[i]);
            if last < Rational::from_integer(0) {
                out.push(Sentence::MustFind {
                    funder: funder.name.clone(),
                    amount: up(-last),
                    by: s.window.to,
                });
            }
            continue;
        }
        let ends: Vec<Shortfall<Fig>> = crate::engine::shortfalls(s, p)
            .into_iter()
            .filter(|sf| sf.funder == i)
            .map(|sf| Shortfall {
                amount: up(sf.amount),
                period: sf.key,
                end: sf.end,
            })
            .collect();
        if !ends.is_empty() {
            out.push(Sentence::Shortfalls {
                funder: funder.name.clone(),
                ends,
            });
        }
    }
    out
}

/// Warnings the figures give: money a funder that is not residual provides but never uses by
/// the end of the window.
pub fn warnings(s: &Scenario, p: &Projection) -> Vec<Diagnostic> {
    let end = &p.total.cumulative_by_funder;
    s.funders
        .iter()
        .zip(end)
        .filter(|(f, left)| !f.residual && left.0 > 0)
        .map(|(f, left)| {
            let mut d = Diagnostic::warning(
                &s.file,
                Msg::UnusedFunding {
                    id: f.id.clone(),
                    amount: Ore(p.scale.exact(*left)),
                    end: Day(s.window.to),
                },
            )
            .help(Msg::HelpUnusedFunding);
            if let Some(span) = &f.span {
                d = d.at(span.clone(), Msg::LabelFundingLeftOver);
            }
            d
        })
        .collect()
}

/// The notes and sources of a scenario and its entries, for footnotes.
pub(crate) fn notes(s: &Scenario) -> Vec<Text> {
    let mut out = Vec::new();
    let mut add = |name: &str, note: &Option<String>, src: &Option<String>| {
        let mut parts = Vec::new();
        if let Some(n) = note {
            parts.push(Text::Plain(n.clone()));
        }
        if let Some(x) = src {
            parts.push(Text::Join(
                vec![Text::Term(Term::Source), Text::Plain(x.clone())],
                ": ",
            ));
        }
        if !parts.is_empty() {
            out.push(Text::Join(
                vec![Text::Plain(name.to_string()), Text::Join(parts, " ")],
                ": ",
            ));
        }
    };
    add(&s.name, &s.note, &s.source);
    for f in &s.funders {
        add(&f.name, &f.note, &f.source);
    }
    for p in &s.posts {
        add(&p.title, &p.note, &p.source);
    }
    for c in &s.costs {
        add(&c.name, &c.note, &c.source);
    }
    for f in &s.funding {
        add(&f.name, &f.note, &f.source);
    }
    for k in &s.keys {
        add(&k.name, &k.note, &k.source);
    }
    out
}
