//! Report models: what `report`, `compare` and `check` show, built from projections, before
//! any format is chosen.

pub mod check;
pub mod compare;
pub mod document;

use crate::allocation::{Allocation, Mode};
use crate::diag::Diagnostic;
use crate::engine::{Amount, Figures, Projection};
use crate::i18n::{Lang, Precision, View};
use crate::model::{PaidBy, Scenario};
use crate::num;
use crate::num::Rational;
use crate::round::{self, Chain, Rounded};
use document::{Bar, Block, Calc, Cell, Chart, Document, Row, Table};

/// A scenario with its projection: everything `report` shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub scenario: &'a Scenario,
    pub projection: Projection,
    /// Cost carried to the parties that bear it (`--by-member`, `--look-through`).
    pub members: Option<Members>,
}

/// Who bears the cost, and how precisely their amounts are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Members {
    pub allocation: Allocation,
    pub precision: Precision,
}

impl<'a> Report<'a> {
    pub fn new(scenario: &'a Scenario, projection: Projection) -> Self {
        Report {
            scenario,
            projection,
            members: None,
        }
    }

    /// The report with each funder's cost carried to its members as well.
    pub fn with_members(mut self, members: Option<Members>) -> Self {
        self.members = members;
        self
    }

    /// Each party's cost per period, in the members' precision: every funder's shown cost
    /// shared among its parties, rounded as a table.
    pub fn member_grid(&self) -> Option<Grid> {
        let m = self.members.as_ref()?;
        let step = m.precision.unit().step();
        Some(distribute(
            &m.allocation,
            &self.shown(step).cost,
            step,
            &self.groups(),
        ))
    }

    /// The groups the periods' columns add up in (months to half-years to years).
    fn groups(&self) -> Vec<Vec<usize>> {
        let keys: Vec<_> = self
            .projection
            .periods
            .iter()
            .map(|f| f.period.key)
            .collect();
        crate::period::groups(&keys)
    }

    pub fn money(&self, amount: Amount) -> Rational {
        self.projection.scale.exact(amount)
    }

    /// Warnings the figures give: money a funder that is not residual provides but never
    /// uses by the end of the window.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let s = self.scenario;
        let end = &self.projection.total.cumulative_by_funder;
        s.funders
            .iter()
            .zip(end)
            .filter(|(f, left)| !f.residual && left.0 > 0)
            .map(|(f, left)| {
                let mut d = Diagnostic::warning(
                    &s.file,
                    format!(
                        "funder `{}` has {} kr. of its funding unused at the end of the window ({})",
                        f.id,
                        num::kroner_ore(self.money(*left)),
                        s.window.to
                    ),
                )
                .help("lower its funding, or give the money a use; if it covers whatever falls to it, mark it `residual = true`");
                if let Some(span) = &f.span {
                    d = d.at(span.clone(), "funding left over");
                }
                d
            })
            .collect()
    }

    /// The figures every table shows, rounded together to whole multiples of `step` kroner.
    pub(crate) fn shown(&self, step: Rational) -> Shown {
        let p = &self.projection;
        let per_step = step.recip();
        let steps = |a: Amount| crate::num::product(self.money(a), per_step);
        let matrix =
            |rows: usize, pick: &dyn Fn(&Figures, usize) -> Amount| -> Vec<Vec<Rational>> {
                (0..rows)
                    .map(|i| p.periods.iter().map(|f| steps(pick(f, i))).collect())
                    .collect()
            };
        let s = self.scenario;
        let items = matrix(s.item_count(), &|f, i| f.items.get(i));
        let cost = matrix(s.funders.len(), &|f, i| f.cost_by_funder[i]);
        let funding = matrix(s.funders.len(), &|f, i| f.funding_by_funder[i]);
        let columns = p.periods.len();
        let groups = self.groups();
        let cost_chain = round::chain(Chain {
            upper: &items,
            lower: Some(&cost),
            columns,
            groups: &groups,
        });
        let funding = round::table(&funding, columns, &groups);
        Shown {
            items: Grid::upper(&cost_chain, step),
            cost: Grid::lower(&cost_chain, step),
            funding: Grid::upper(&funding, step),
        }
    }

    /// Period labels for the head of a table, with the total when there is more than one.
    fn head(&self, view: View, first: &str) -> Vec<String> {
        let mut head = vec![first.to_string()];
        head.extend(
            self.projection
                .periods
                .iter()
                .map(|f| view.lang.period(f.period.key)),
        );
        if self.projection.periods.len() > 1 {
            head.push(view.lang.total().to_string());
        }
        head
    }

    /// The document `report` shows: staff, cost by item, and the funder tables.
    pub fn document(&self, view: View) -> Document {
        let s = self.scenario;
        let lang = view.lang;
        let shown = self.shown(view.unit.step());
        let mut lines = Vec::new();
        if let Some(d) = &s.description {
            lines.push(d.clone());
        }
        lines.push(format!(
            "{} · {} · {} · {}{}",
            s.file.display(),
            lang.range(s.window.from, s.window.to),
            lang.by(self.projection.by),
            lang.tr("amounts in", "beløb i").to_string() + " " + view.unit.label(lang),
            prices_text(s, self.projection.prices, lang)
        ));
        let funders: Vec<String> = s.funders.iter().map(|f| f.name.clone()).collect();
        let funder_head = self.head(view, lang.tr("Funder", "Finansieringskilde"));
        let many = self.projection.periods.len() > 1;
        let mut blocks = vec![
            Block::Table(self.staff_table(view)),
            Block::Table(self.items_table(view, &shown.items)),
            Block::Table(shown.cost.table(
                &view.titled("Cost by funder", "Udgifter fordelt på finansieringskilde"),
                lang.tr("Cost by funder", "Udgifter pr. kilde"),
                funder_head.clone(),
                &funders,
                view,
                many,
            )),
            Block::Table(shown.funding.table(
                &view.titled(
                    "Funding by funder",
                    "Finansiering fordelt på finansieringskilde",
                ),
                lang.tr("Funding by funder", "Finansiering pr. kilde"),
                funder_head.clone(),
                &funders,
                view,
                many,
            )),
        ];
        if let (Some(members), Some(grid)) = (&self.members, self.member_grid()) {
            let (title, name) = member_heading(members.allocation.mode, lang);
            let unit_shown = members.precision.unit();
            let labels: Vec<String> = members
                .allocation
                .parties
                .iter()
                .map(|p| p.name.clone())
                .collect();
            let mut table = grid.table(
                &format!("{title} ({})", unit_shown.heading(lang)),
                name,
                self.head(view, lang.tr("Payer", "Betaler")),
                &labels,
                view,
                many,
            );
            table.unit = Some(unit_shown);
            blocks.push(Block::Table(table));
            blocks.extend(keys_line(s, lang).map(Block::Paragraph));
        }
        let balance = shown.funding.minus(&shown.cost);
        blocks.push(Block::Table(balance.table(
            &view.titled(
                "Balance by funder: funding − cost",
                "Balance: finansiering − udgifter",
            ),
            lang.tr("Balance", "Balance"),
            funder_head.clone(),
            &funders,
            view,
            many,
        )));
        let cumulative = balance.running();
        let mut cumulative_head = funder_head;
        if many {
            cumulative_head.pop();
        }
        blocks.push(Block::Table(cumulative.table(
            &view.titled(
                "Cumulative balance by funder, at the end of each period",
                "Akkumuleret balance ved udgangen af hver periode",
            ),
            lang.tr("Cumulative balance", "Akkumuleret balance"),
            cumulative_head.clone(),
            &funders,
            view,
            false,
        )));
        blocks.extend(self.residual_blocks(view, &cumulative, cumulative_head));
        let chart = Chart {
            title: view.titled("Cost by funder", "Udgifter fordelt på finansieringskilde"),
            after: lang.tr("Cost by funder", "Udgifter pr. kilde").to_string(),
            series: funders.clone(),
            groups: self
                .projection
                .periods
                .iter()
                .enumerate()
                .map(|(j, f)| {
                    let bar = Bar {
                        label: lang.tr("Cost", "Udgifter").to_string(),
                        values: shown.cost.cells.iter().map(|r| r[j]).collect(),
                    };
                    (lang.period(f.period.key), vec![bar])
                })
                .collect(),
        };
        Document {
            view,
            title: s.name.clone(),
            lines,
            blocks,
            notes: notes(s, lang),
            chart: Some(chart),
        }
    }

    fn staff_table(&self, view: View) -> Table {
        let s = self.scenario;
        let lang = view.lang;
        let head = [
            lang.tr("Post", "Stilling"),
            lang.tr("Employer", "Ansat i"),
            lang.tr("FTE", "Årsværk"),
            lang.tr("From – to", "Fra – til"),
            &view.titled("Cost per FTE a year", "Årlig udgift pr. årsværk"),
            lang.tr("Paid by", "Finansieret af"),
        ]
        .map(String::from)
        .to_vec();
        let step = view.unit.step();
        let rows = s
            .posts
            .iter()
            .map(|p| {
                let cost = p.annual_cost_per_fte.rational() / step;
                Row::new(vec![
                    Cell::text(&p.title),
                    Cell::text(p.employer.as_deref().unwrap_or("")),
                    Cell::fte(p.fte.rational()),
                    Cell::text(lang.range(p.range.from, p.range.to)),
                    // `round` takes exact halves away from zero.
                    Cell::money(cost.round() * step),
                    Cell::text(paid_by_text(s, &p.paid_by, lang)),
                ])
            })
            .collect();
        Table {
            unit: None,
            title: lang.tr("Staff", "Medarbejdere").to_string(),
            name: lang.tr("Staff", "Medarbejdere").to_string(),
            head,
            rows,
        }
    }

    fn items_table(&self, view: View, items: &Grid) -> Table {
        let s = self.scenario;
        let lang = view.lang;
        let names: Vec<String> = s
            .posts
            .iter()
            .map(|p| p.title.clone())
            .chain(s.costs.iter().map(|c| c.name.clone()))
            .collect();
        let many = self.projection.periods.len() > 1;
        let mut table = items.table(
            &view.titled(
                "Cost by post and other cost",
                "Udgifter pr. stilling og øvrige udgifter",
            ),
            lang.tr("Cost by item", "Udgifter pr. post"),
            self.head(view, lang.tr("Item", "Post")),
            &names,
            view,
            many,
        );
        if let Some(total) = table.rows.last_mut() {
            total.cells[0] = Cell::text(lang.tr("Total cost", "Udgifter i alt"));
        }
        let p = &self.projection;
        let mut fte = vec![Cell::text(lang.tr("FTE (average)", "Årsværk (gennemsnit)"))];
        fte.extend(p.periods.iter().map(|f| Cell::fte(f.fte.average())));
        if many {
            fte.push(Cell::fte(p.total.fte.average()));
        }
        table.rows.push(Row::new(fte));
        table
    }

    /// What residual funders must still find (a table and a sentence each), and the
    /// shortfalls of other funders.
    fn residual_blocks(&self, view: View, cumulative: &Grid, head: Vec<String>) -> Vec<Block> {
        let s = self.scenario;
        let lang = view.lang;
        let zero = Rational::from_integer(0);
        let short = |i: usize| cumulative.cells[i].iter().any(|v| *v < zero);
        let residual: Vec<usize> = (0..s.funders.len())
            .filter(|&i| s.funders[i].residual && short(i))
            .collect();
        let shortfalls = check::shortfalls(self);
        let mut blocks = Vec::new();
        if !residual.is_empty() {
            let rows = residual
                .iter()
                .map(|&i| {
                    let mut cells = vec![Cell::text(&s.funders[i].name)];
                    cells.extend(
                        cumulative.cells[i]
                            .iter()
                            .map(|v| Cell::money(-(*v).min(zero))),
                    );
                    Row::new(cells)
                })
                .collect();
            blocks.push(Block::Table(Table {
                unit: None,
                title: view.titled(
                    "Still to find by residual funders, cumulative at the end of each period",
                    "Mangler at blive finansieret af restfinansierende kilder, akkumuleret",
                ),
                name: lang.tr("Still to find", "Mangler finansiering").to_string(),
                head,
                rows,
            }));
        }
        for (i, funder) in s.funders.iter().enumerate() {
            if !short(i) {
                continue;
            }
            let last = cumulative.cells[i].last().copied().unwrap_or(zero);
            if funder.residual {
                if last < zero {
                    let amount = view.money_unit(-last);
                    let date = lang.date_long(s.window.to);
                    blocks.push(Block::Paragraph(match lang {
                        Lang::En => format!(
                            "{} covers what falls to it (residual funder) and must still find {amount} by {date}.",
                            funder.name
                        ),
                        Lang::Da => format!(
                            "{} dækker det, der ikke er finansieret på anden vis, og mangler at finde {amount} senest {date}.",
                            funder.name
                        ),
                    }));
                }
            } else {
                let ends: Vec<String> = shortfalls
                    .iter()
                    .filter(|sf| sf.funder == funder.id)
                    .map(|sf| {
                        let amount = format!("{} kr.", lang.number(sf.shortfall, 2));
                        let period = lang.period(sf.key);
                        match lang {
                            Lang::En => format!("{amount} at the end of {period}"),
                            Lang::Da => format!("{amount} ved udgangen af {period}"),
                        }
                    })
                    .collect();
                if ends.is_empty() {
                    continue;
                }
                blocks.push(Block::Paragraph(match lang {
                    Lang::En => format!(
                        "{} does not balance: its funding falls short of its cost by {}.",
                        funder.name,
                        ends.join(", ")
                    ),
                    Lang::Da => format!(
                        "{} er i underskud: finansieringen mangler {}.",
                        funder.name,
                        ends.join(", ")
                    ),
                }));
            }
        }
        blocks
    }
}

/// Shares out each funder's shown cost (`cost`, funders × periods, multiples of `step`) among
/// the parties of `allocation` by their exact shares, and rounds the parties' table to `step`
/// as a whole, like every table (controlled rounding, months adding up to their `groups`):
/// each party's amount is its exact one rounded down or up, in every period and in total,
/// whatever the periods, and the parties add up to the cost shown in every period.
pub fn distribute(
    allocation: &Allocation,
    cost: &Grid,
    step: Rational,
    groups: &[Vec<usize>],
) -> Grid {
    let periods = cost.columns.len();
    let mut exact = vec![vec![Rational::from_integer(0); periods]; allocation.parties.len()];
    for (f, shares) in allocation.shares.iter().enumerate() {
        for (j, shown) in cost.cells[f].iter().enumerate() {
            for (party, share) in shares {
                exact[*party][j] += shown / step * share;
            }
        }
    }
    Grid::upper(&round::table(&exact, periods, groups), step)
}

/// The title, sheet name and lines of a table of cost by party.
pub(crate) fn member_heading(mode: Mode, lang: Lang) -> (&'static str, &'static str) {
    match mode {
        Mode::LookThrough => (
            lang.tr(
                "Who really pays: cost by payer, looking through funders to their members",
                "Hvem betaler reelt: udgift pr. betaler, gennem finansieringskilderne til deres medlemmer",
            ),
            lang.tr("By payer", "Pr. betaler"),
        ),
        Mode::ByMember => (
            lang.tr("Cost by member of the paying groups", "Udgift pr. medlem af de betalende fællesskaber"),
            lang.tr("By member", "Pr. medlem"),
        ),
    }
}

/// A sentence naming the keys a table of cost by party uses.
pub(crate) fn keys_line(s: &Scenario, lang: Lang) -> Option<String> {
    if s.keys.is_empty() {
        return None;
    }
    let keys: Vec<String> = s
        .keys
        .iter()
        .map(|k| {
            let mut parts = vec![k.name.clone()];
            if let Some(d) = k.as_of {
                parts.push(lang.date(d));
            }
            if let Some(src) = &k.source {
                parts.push(src.clone());
            }
            parts.join(", ")
        })
        .collect();
    Some(format!(
        "{}: {}.",
        lang.tr("Allocation keys", "Fordelingsnøgler"),
        keys.join("; ")
    ))
}

/// Rounded figures of the tables, in kroner as shown.
pub(crate) struct Shown {
    pub items: Grid,
    pub cost: Grid,
    pub funding: Grid,
}

/// A rows × periods table of figures as shown, with row totals, column totals and the
/// grand total, which add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub cells: Vec<Vec<Rational>>,
    pub rows: Vec<Rational>,
    pub columns: Vec<Rational>,
    pub total: Rational,
}

impl Grid {
    fn from_steps(
        cells: &[Vec<i128>],
        rows: &[i128],
        columns: &[i128],
        total: i128,
        step: Rational,
    ) -> Grid {
        let kr = |n: &i128| crate::num::product(Rational::from_integer(*n), step);
        Grid {
            cells: cells.iter().map(|r| r.iter().map(kr).collect()).collect(),
            rows: rows.iter().map(kr).collect(),
            columns: columns.iter().map(kr).collect(),
            total: kr(&total),
        }
    }

    pub fn upper(r: &Rounded, step: Rational) -> Grid {
        Grid::from_steps(&r.upper, &r.upper_rows, &r.columns, r.total, step)
    }

    pub fn lower(r: &Rounded, step: Rational) -> Grid {
        Grid::from_steps(&r.lower, &r.lower_rows, &r.columns, r.total, step)
    }

    /// Row `i` in period `j`, or its total where `j` is `None`.
    pub fn at(&self, i: usize, j: Option<usize>) -> Rational {
        j.map_or(self.rows[i], |j| self.cells[i][j])
    }

    /// Cell by cell `self − other`: still adds up.
    pub fn minus(&self, other: &Grid) -> Grid {
        let sub = |a: &[Rational], b: &[Rational]| -> Vec<Rational> {
            a.iter().zip(b).map(|(x, y)| x - y).collect()
        };
        Grid {
            cells: self
                .cells
                .iter()
                .zip(&other.cells)
                .map(|(a, b)| sub(a, b))
                .collect(),
            rows: sub(&self.rows, &other.rows),
            columns: sub(&self.columns, &other.columns),
            total: self.total - other.total,
        }
    }

    /// Running sums along each row: the value at the end of each period.
    pub fn running(&self) -> Grid {
        let cells: Vec<Vec<Rational>> = self
            .cells
            .iter()
            .map(|r| {
                r.iter()
                    .scan(Rational::from_integer(0), |acc, v| {
                        *acc += v;
                        Some(*acc)
                    })
                    .collect()
            })
            .collect();
        let columns: Vec<Rational> = (0..self.columns.len())
            .map(|j| cells.iter().map(|r| r[j]).sum())
            .collect();
        Grid {
            rows: cells
                .iter()
                .map(|r| r.last().copied().unwrap_or_default())
                .collect(),
            total: columns.last().copied().unwrap_or_default(),
            cells,
            columns,
        }
    }

    /// The grid as a table: a label column, a column per period, the row totals when
    /// `total_column`, and a total row; totals say what they add up.
    pub fn table(
        &self,
        title: &str,
        name: &str,
        head: Vec<String>,
        labels: &[String],
        view: View,
        total_column: bool,
    ) -> Table {
        let n = self.columns.len();
        let m = self.cells.len();
        let mut rows: Vec<Row> = self
            .cells
            .iter()
            .zip(labels)
            .zip(&self.rows)
            .map(|((cells, label), total)| {
                let mut out = vec![Cell::text(label)];
                out.extend(cells.iter().map(|v| Cell::money(*v)));
                if total_column {
                    out.push(Cell::money_calc(
                        *total,
                        Calc::SumRow { from: 1, to: n + 1 },
                    ));
                }
                Row::new(out)
            })
            .collect();
        let mut total = vec![Cell::text(view.lang.total())];
        let sum = Calc::SumColumn { from: 0, to: m };
        total.extend(self.columns.iter().map(|v| Cell::money_calc(*v, sum)));
        if total_column {
            total.push(Cell::money_calc(self.total, sum));
        }
        rows.push(Row::total(total));
        Table {
            unit: None,
            title: title.to_string(),
            name: name.to_string(),
            head,
            rows,
        }
    }
}

/// ` · current prices, base year 2023` / ` · faste 2023-priser`, where there is an indexation.
pub(crate) fn prices_text(s: &Scenario, prices: crate::engine::Prices, lang: Lang) -> String {
    let Some(ix) = &s.indexation else {
        return String::new();
    };
    let y = ix.base_year;
    match (prices, lang) {
        (crate::engine::Prices::Current, Lang::En) => format!(" · current prices (base year {y})"),
        (crate::engine::Prices::Current, Lang::Da) => format!(" · løbende priser (basisår {y})"),
        (crate::engine::Prices::Fixed, Lang::En) => format!(" · fixed {y} prices"),
        (crate::engine::Prices::Fixed, Lang::Da) => format!(" · faste {y}-priser"),
    }
}

/// A sentence with its full stop, unless it already ends in one (`… 0 kr.`).
pub(crate) fn sentence(s: String) -> String {
    if s.ends_with('.') { s } else { s + "." }
}

/// The notes and sources of a scenario and its entries, for footnotes.
fn notes(s: &Scenario, lang: Lang) -> Vec<String> {
    let source = lang.tr("Source", "Kilde");
    let mut out = Vec::new();
    let mut add = |name: &str, note: &Option<String>, src: &Option<String>| {
        let mut parts = Vec::new();
        if let Some(n) = note {
            parts.push(n.clone());
        }
        if let Some(x) = src {
            parts.push(format!("{source}: {x}"));
        }
        if !parts.is_empty() {
            out.push(format!("{name}: {}", parts.join(" ")));
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

/// `Business Region North Denmark` or `BRN 1/2, Region 1/2`.
pub fn paid_by_text(s: &Scenario, paid_by: &PaidBy, lang: Lang) -> String {
    match paid_by.0.as_slice() {
        [(f, _)] => s.funders[*f].name.clone(),
        parts => parts
            .iter()
            .map(|(f, share)| {
                format!(
                    "{} {}",
                    s.funders[*f].name,
                    share_text(share.rational(), lang)
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A share as written: `0.5` / `0,5`, or a fraction `1/3`.
pub fn share_text(r: Rational, lang: Lang) -> String {
    let shown = crate::num::show(r);
    match lang {
        Lang::En => shown,
        Lang::Da => shown.replace('.', ","),
    }
}

/// Kroner with øre only where there are any: `800,000` or `860,000.50`.
pub fn money_text(kroner: Rational, lang: Lang) -> String {
    lang.number(kroner, if kroner.is_integer() { 0 } else { 2 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::By;

    /// `shown` is `exact` rounded down or up to a whole `step`.
    fn adjacent(shown: Rational, exact: Rational, step: Rational, what: &str) {
        let (down, up) = ((exact / step).floor() * step, (exact / step).ceil() * step);
        assert!(shown == down || shown == up, "{what}: {shown} for {exact}");
    }

    #[test]
    fn every_shown_figure_of_the_shipped_tables_is_its_exact_figure_rounded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for dir in ["scenarios", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let loaded = crate::load::load_file(&path).unwrap();
                let s = &loaded.scenario;
                for by in [By::Month, By::HalfYear, By::Year, By::Total] {
                    let r = Report::new(s, crate::engine::project(s, by).unwrap());
                    let step = Rational::from_integer(1);
                    let shown = r.shown(step);
                    let p = &r.projection;
                    let what = |t: &str, i: usize| format!("{} by {by}: {t} {i}", path.display());
                    for (f, row) in shown.cost.cells.iter().enumerate() {
                        for (j, cell) in row.iter().enumerate() {
                            let exact = r.money(p.periods[j].cost_by_funder[f]);
                            adjacent(*cell, exact, step, &what("funder", f));
                        }
                        let exact = r.money(p.total.cost_by_funder[f]);
                        adjacent(shown.cost.rows[f], exact, step, &what("funder total", f));
                    }
                    for (i, row) in shown.items.cells.iter().enumerate() {
                        for (j, cell) in row.iter().enumerate() {
                            adjacent(
                                *cell,
                                r.money(p.periods[j].items.get(i)),
                                step,
                                &what("item", i),
                            );
                        }
                        let exact = r.money(p.total.items.get(i));
                        adjacent(shown.items.rows[i], exact, step, &what("item total", i));
                    }
                    adjacent(
                        shown.cost.total,
                        r.money(p.total.cost()),
                        step,
                        &what("total", 0),
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 28, "{checked}");
    }
}
