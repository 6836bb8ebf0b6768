//! Report models: what `report`, `compare` and `check` show, built from projections, before
//! any format is chosen.

pub mod check;
pub mod compare;
pub mod document;

use crate::diag::Diagnostic;
use crate::engine::{Amount, Figures, Projection};
use crate::format;
use crate::model::{Flow, PaidBy, Rational, Scenario};
use document::{Block, Cell, Document, Row, Table};

/// A scenario with its projection: everything `report` shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub scenario: &'a Scenario,
    pub projection: Projection,
}

impl<'a> Report<'a> {
    pub fn new(scenario: &'a Scenario, projection: Projection) -> Self {
        Report {
            scenario,
            projection,
        }
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
                        format::kroner_ore(self.money(*left)),
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

    /// The periods as columns: each period, then the total when there is more than one.
    fn columns(&self) -> Vec<&Figures> {
        let p = &self.projection;
        let mut cols: Vec<&Figures> = p.periods.iter().collect();
        if p.periods.len() > 1 {
            cols.push(&p.total);
        }
        cols
    }

    fn head(&self, first: &str) -> Vec<String> {
        let mut head = vec![first.to_string()];
        head.extend(self.projection.periods.iter().map(|f| f.period.label()));
        if self.projection.periods.len() > 1 {
            head.push("Total".to_string());
        }
        head
    }

    /// A funder × period table of `measure`, with a total row.
    fn funder_table(
        &self,
        title: &str,
        measure: impl Fn(&Figures, usize) -> Amount,
        with_total_column: bool,
    ) -> Table {
        let mut head = self.head("Funder");
        let mut cols = self.columns();
        if !with_total_column && cols.len() > 1 {
            cols.pop();
            head.pop();
        }
        let mut rows: Vec<Row> = self
            .scenario
            .funders
            .iter()
            .enumerate()
            .map(|(i, funder)| {
                let mut cells = vec![Cell::text(&funder.name)];
                cells.extend(cols.iter().map(|f| Cell::Money(self.money(measure(f, i)))));
                Row::new(cells)
            })
            .collect();
        let mut total = vec![Cell::text("Total")];
        total.extend(cols.iter().map(|f| {
            let sum = (0..self.scenario.funders.len())
                .map(|i| measure(f, i))
                .sum();
            Cell::Money(self.money(sum))
        }));
        rows.push(Row::total(total));
        Table {
            title: title.to_string(),
            head,
            rows,
        }
    }

    /// The terminal-style document: staff, cost by item, and the funder tables.
    pub fn document(&self) -> Document {
        let s = self.scenario;
        let mut lines = Vec::new();
        if let Some(d) = &s.description {
            lines.push(d.clone());
        }
        lines.push(format!(
            "{} · {} · by {} · amounts in kr.",
            s.file.display(),
            s.window,
            self.projection.by
        ));
        let mut blocks = vec![Block::Table(self.staff_table())];
        blocks.push(Block::Table(self.items_table()));
        blocks.push(Block::Table(self.funder_table(
            "Cost by funder (kr.)",
            |f, i| f.cost_by_funder[i],
            true,
        )));
        blocks.push(Block::Table(self.funder_table(
            "Funding by funder (kr.)",
            |f, i| f.funding_by_funder[i],
            true,
        )));
        blocks.push(Block::Table(self.funder_table(
            "Balance by funder: funding − cost (kr.)",
            |f, i| f.funding_by_funder[i] - f.cost_by_funder[i],
            true,
        )));
        blocks.push(Block::Table(self.funder_table(
            "Cumulative balance by funder, at the end of each period (kr.)",
            |f, i| f.cumulative_by_funder[i],
            false,
        )));
        blocks.extend(self.residual_blocks());
        Document {
            title: s.name.clone(),
            lines,
            blocks,
        }
    }

    fn staff_table(&self) -> Table {
        let s = self.scenario;
        let head = [
            "Post",
            "Employer",
            "FTE",
            "From – to",
            "Cost per FTE a year",
            "Paid by",
        ]
        .map(String::from)
        .to_vec();
        let rows = s
            .posts
            .iter()
            .map(|p| {
                Row::new(vec![
                    Cell::text(&p.title),
                    Cell::text(p.employer.as_deref().unwrap_or("")),
                    Cell::Fte(p.fte.rational()),
                    Cell::text(p.range.to_string()),
                    Cell::Money(p.annual_cost_per_fte.rational()),
                    Cell::text(paid_by_text(s, &p.paid_by)),
                ])
            })
            .collect();
        Table {
            title: "Staff".to_string(),
            head,
            rows,
        }
    }

    fn items_table(&self) -> Table {
        let s = self.scenario;
        let cols = self.columns();
        let names = s
            .posts
            .iter()
            .map(|p| p.title.as_str())
            .chain(s.costs.iter().map(|c| c.name.as_str()));
        let mut rows: Vec<Row> = names
            .enumerate()
            .map(|(i, name)| {
                let mut cells = vec![Cell::text(name)];
                cells.extend(cols.iter().map(|f| Cell::Money(self.money(f.items[i]))));
                Row::new(cells)
            })
            .collect();
        let mut total = vec![Cell::text("Total cost")];
        total.extend(cols.iter().map(|f| Cell::Money(self.money(f.cost()))));
        rows.push(Row::total(total));
        let mut fte = vec![Cell::text("FTE (average)")];
        fte.extend(cols.iter().map(|f| Cell::Fte(f.fte.average())));
        rows.push(Row::new(fte));
        Table {
            title: "Cost by post and other cost (kr.)".to_string(),
            head: self.head("Item"),
            rows,
        }
    }

    /// What residual funders must still find (a table and a sentence each), and the
    /// shortfalls of other funders.
    fn residual_blocks(&self) -> Vec<Block> {
        let s = self.scenario;
        let p = &self.projection;
        let short = |i: usize| {
            p.periods
                .iter()
                .any(|f| f.cumulative_by_funder[i].is_negative())
        };
        let residual: Vec<usize> = (0..s.funders.len())
            .filter(|&i| s.funders[i].residual && short(i))
            .collect();
        let mut blocks = Vec::new();
        if !residual.is_empty() {
            let mut head = self.head("Funder");
            if p.periods.len() > 1 {
                head.pop();
            }
            let rows = residual
                .iter()
                .map(|&i| {
                    let mut cells = vec![Cell::text(&s.funders[i].name)];
                    cells.extend(p.periods.iter().map(|f| {
                        Cell::Money(self.money(-f.cumulative_by_funder[i].min(Amount::ZERO)))
                    }));
                    Row::new(cells)
                })
                .collect();
            blocks.push(Block::Table(Table {
                title:
                    "Still to find by residual funders, cumulative at the end of each period (kr.)"
                        .to_string(),
                head,
                rows,
            }));
        }
        for (i, funder) in s.funders.iter().enumerate() {
            if !short(i) {
                continue;
            }
            let last = p.total.cumulative_by_funder[i];
            if funder.residual {
                if last.is_negative() {
                    blocks.push(Block::Paragraph(format!(
                        "{} covers what falls to it (residual funder) and must still find {} kr. by {}.",
                        funder.name,
                        format::kroner(self.money(-last)),
                        s.window.to
                    )));
                }
            } else {
                let ends: Vec<String> = check::shortfalls(self)
                    .into_iter()
                    .filter(|sf| sf.funder == funder.id)
                    .map(|sf| {
                        format!(
                            "{} kr. at the end of {}",
                            format::kroner_ore(sf.shortfall),
                            sf.period
                        )
                    })
                    .collect();
                blocks.push(Block::Paragraph(format!(
                    "{} does not balance: its funding falls short of its cost by {}.",
                    funder.name,
                    ends.join(", ")
                )));
            }
        }
        blocks
    }
}

/// `Business Region North Denmark` or `BRN 1/2, Region 1/2`.
pub fn paid_by_text(s: &Scenario, paid_by: &PaidBy) -> String {
    match paid_by.0.as_slice() {
        [(f, _)] => s.funders[*f].name.clone(),
        parts => parts
            .iter()
            .map(|(f, share)| {
                format!(
                    "{} {}",
                    s.funders[*f].name,
                    crate::load::values::show(share.rational())
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `800,000 kr. a year, 2023-07-01 – 2026-06-30` or `860,000 kr. on 2023-07-01`.
pub fn flow_text(flow: &Flow) -> String {
    match flow {
        Flow::Annual { annual, range } => format!(
            "{} kr. a year, {}",
            format::kroner_ore_trim(annual.rational()),
            range
        ),
        Flow::OneOff { amount, date } => {
            format!(
                "{} kr. on {date}",
                format::kroner_ore_trim(amount.rational())
            )
        }
    }
}
