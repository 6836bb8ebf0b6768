//! The appendix of a scenario's report (`report --explain`): how each figure of its tables by
//! item and by funder is computed, a row each, with the formula in words and numbers and the
//! figure itself, the very figure of the table (the same grid cell, so the same rounding).
//! HTML ties each table cell to its row by that figure's origin, as a tooltip.

use super::grid::{Fig, GridId, GridRef, What};
use super::text::{Term, Text};
use super::words::Word;
use super::{Block, Cell, Report, Row, Table};
use crate::engine::Projection;
use crate::explain::{self, Derivation, ExplainError, Measure, Name};
use crate::model::Scenario;
use crate::num::Rational;

/// Adds the appendix to `report`, the report of `s` projected as `p`.
pub fn add(report: &mut Report, s: &Scenario, p: &Projection) -> Result<(), ExplainError> {
    let grid = |what: What| {
        report
            .grids
            .iter()
            .position(|g| g.id == GridId::of(what))
            .unwrap_or(0)
    };
    let (items, cost, funding, balance, cumulative) = (
        grid(What::Items),
        grid(What::CostByFunder),
        grid(What::FundingByFunder),
        grid(What::BalanceByFunder),
        grid(What::CumulativeByFunder),
    );
    let deriver = explain::Deriver::new(s, p)?;
    let derive = |measure: Measure, col: usize| -> Result<Derivation, ExplainError> {
        deriver.derive(&Name {
            measure,
            period: p.periods[col].period.key,
        })
    };
    let at = |grid: usize, row: usize, col: usize| {
        Fig::Ref(GridRef {
            grid,
            row: Some(row),
            col: Some(col),
        })
    };
    let period = |col: usize| Text::Period(p.periods[col].period.key);
    let names = s
        .posts
        .iter()
        .map(|x| &x.title)
        .chain(s.costs.iter().map(|c| &c.name));
    let mut item_rows = Vec::new();
    for (i, (id, name)) in s.item_ids().zip(names).enumerate() {
        for col in 0..p.periods.len() {
            let d = derive(Measure::Item(id.to_string()), col)?;
            if d.parts.is_empty() {
                continue;
            }
            item_rows.push(Row::new(vec![
                Cell::Text(Text::Join(
                    vec![Text::Plain(name.clone()), period(col)],
                    ", ",
                )),
                Cell::Text(formulas(&d)),
                Cell::figure(at(items, i, col)),
            ]));
        }
    }
    let still = report
        .grids
        .iter()
        .position(|g| g.id == GridId::of(What::StillToFind));
    let mut funder_rows = Vec::new();
    for (f, funder) in s.funders.iter().enumerate() {
        let id = || funder.id.clone();
        let pays = s
            .posts
            .iter()
            .map(|x| &x.paid_by)
            .chain(s.costs.iter().map(|c| &c.paid_by))
            .any(|pb| pb.0.iter().any(|(g, _)| *g == f));
        if !pays && !s.funding.iter().any(|g| g.funder == f) {
            // A funder with neither costs nor funding: every figure of it is 0.
            continue;
        }
        let short = still.and_then(|g| Some((g, report.grids[g].row(&funder.id)?)));
        for col in 0..p.periods.len() {
            let label = |term: Term| {
                Cell::Text(Text::Join(
                    vec![
                        Text::Plain(funder.name.clone()),
                        Text::Term(term),
                        period(col),
                    ],
                    ", ",
                ))
            };
            let mut moves = false;
            let d = derive(Measure::CostBy(id()), col)?;
            if !d.parts.is_empty() {
                moves = true;
                funder_rows.push(Row::new(vec![
                    label(Term::Cost),
                    Cell::Text(shares(&d)),
                    Cell::figure(at(cost, f, col)),
                ]));
            }
            let d = derive(Measure::FundingBy(id()), col)?;
            if !d.parts.is_empty() {
                moves = true;
                funder_rows.push(Row::new(vec![
                    label(Term::Funding),
                    Cell::Text(formulas(&d)),
                    Cell::figure(at(funding, f, col)),
                ]));
            }
            // A period without cost or funding has a balance of 0, said by no formula.
            if moves {
                funder_rows.push(Row::new(vec![
                    label(Term::BalanceShort),
                    Cell::Text(Word::BalanceIs.into()),
                    Cell::figure(at(balance, f, col)),
                ]));
            }
            funder_rows.push(Row::new(vec![
                label(Term::CumulativeShort),
                Cell::Text(
                    Word::CumulativeIs {
                        from: s.window.from,
                        to: p.periods[col].period.end,
                    }
                    .into(),
                ),
                Cell::figure(at(cumulative, f, col)),
            ]));
            if let Some((g, row)) = short {
                funder_rows.push(Row::new(vec![
                    label(Term::StillToFindShort),
                    Cell::Text(Word::ShortfallIs.into()),
                    Cell::figure(at(g, row, col)),
                ]));
            }
        }
    }
    let table = |title: Term, rows: Vec<Row<Fig>>| {
        Block::Table(Table {
            title: Text::WithUnit(
                Box::new(Text::Join(
                    vec![Word::HowComputed.into(), Text::Term(title)],
                    ": ",
                )),
                None,
            ),
            name: Word::HowComputed.into(),
            head: vec![
                Word::FigureHead.into(),
                Word::FormulaHead.into(),
                Word::AmountHead.into(),
            ],
            rows,
            rounding_note: false,
        })
    };
    report
        .page
        .blocks
        .push(Block::Text(Word::AppendixLine.into()));
    report
        .page
        .blocks
        .push(table(Term::CostByItemShort, item_rows));
    report
        .page
        .blocks
        .push(table(Term::CostByFunderShort, funder_rows));
    Ok(())
}

/// Every line of every part, as formulas joined by `+`: an item's cost in a period, or a
/// funder's funding with each entry named.
fn formulas(d: &Derivation) -> Text {
    let named = d.parts.len() > 1 || d.parts.iter().any(|p| p.kind == "funding");
    let mut out = Vec::new();
    for part in &d.parts {
        for line in &part.lines {
            let formula: Text = super::explain::formula(part, line, false, None).into();
            out.push(if named {
                Text::Join(vec![Text::Plain(part.name.clone()), formula], ": ")
            } else {
                formula
            });
        }
    }
    Text::Join(out, " + ")
}

/// A funder's cost: the items it pays, each with its share where it is not all.
fn shares(d: &Derivation) -> Text {
    let one = Rational::from_integer(1);
    Text::Join(
        d.parts
            .iter()
            .map(|p| {
                let name = Text::Plain(p.name.clone());
                match p.share.filter(|x| *x != one) {
                    Some(share) => Text::Join(vec![name, Text::Number(share)], " × "),
                    None => name,
                }
            })
            .collect(),
        " + ",
    )
}
