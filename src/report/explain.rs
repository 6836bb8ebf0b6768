//! The report of `explain`: one figure's derivation as a table (each entry that contributes,
//! where it is written, its formula with the numbers, its amount), what the parts add up to,
//! and how the scenario's report shows the figure, rounded from the exact one.

use super::grid::{At, Fig, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Term, Text};
use super::words::{FormulaWords, Said, Why, Word};
use super::{Block, Calc, Cell, Head, Mode, Page, Report, Rounding, Row, Shape, Table};
use crate::engine::{ComputeError, Prices, Projection};
use crate::explain::{Derivation, How, Line, Measure as Of, Name, Part};
use crate::model::Scenario;
use crate::num::{Rational, Unit};
use crate::period::By;

/// What an explanation is of, for data formats: the derivation itself, exact, with where
/// each part is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainHead {
    pub scenario: String,
    pub file: String,
    /// Current or fixed prices, where the scenario has an indexation.
    pub prices: Option<Prices>,
    pub derivation: Derivation,
    /// `file:line` of each part's entry, where it has one.
    pub places: Vec<Option<String>>,
    /// How the scenario's report shows the figure, in the unit asked for: the shown value
    /// and its unit, where a table or sentence shows it.
    pub shown: Option<(Rational, Unit)>,
}

/// A figure named as people read it: `Cost by funder: Business Region North Denmark, 2024`.
pub fn figure_words(s: &Scenario, name: &Name) -> Word {
    let whose = name.measure.id().map(|id| {
        if name.measure.by_funder() {
            s.funders
                .iter()
                .find(|f| f.id == id)
                .map_or_else(|| id.to_string(), |f| f.name.clone())
        } else {
            s.posts
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.title.clone())
                .or_else(|| s.costs.iter().find(|c| c.id == id).map(|c| c.name.clone()))
                .unwrap_or_else(|| id.to_string())
        }
    });
    Word::Figure {
        measure: name.measure.key(),
        whose,
        period: Some(name.period),
    }
}

/// The explanation of `d`, a derivation of a figure of `s`; `places` says where each part's
/// entry is written; `shown` is the figure as the scenario's report shows it.
pub fn report(
    s: &Scenario,
    prices: Prices,
    d: &Derivation,
    places: Vec<Option<String>>,
    shown: Option<Shown>,
) -> Report {
    let name = &d.name;
    let grids = grids(d);
    let mut blocks = vec![Block::Table(table(d, &places))];
    let lines = At(0);
    blocks.push(Block::Sentence(Sentence::Said(summary(s, d, lines))));
    blocks.push(Block::Sentence(Sentence::Said(match &shown {
        Some(shown) => Said::ShownAs {
            shown: Fig::Own {
                value: shown.value,
                measure: shown.measure,
                rule: Rule::Nearest,
            },
            exact: d.value,
            why: shown.why,
        },
        None => Said::NotInTable,
    })));
    let mut meta = vec![
        Text::Plain(s.file.display().to_string()),
        Word::Over {
            from: d.from,
            to: d.end,
        }
        .into(),
    ];
    meta.extend(super::scenario::prices_text(s, prices));
    Report {
        head: Head::Explain(Box::new(ExplainHead {
            scenario: s.name.clone(),
            file: s.file.display().to_string(),
            prices: s.indexation.as_ref().map(|_| prices),
            derivation: d.clone(),
            places,
            shown: shown.and_then(|x| match x.measure {
                Measure::MoneyIn(unit) => Some((x.value, unit)),
                _ => None,
            }),
        })),
        grids,
        identities: Vec::new(),
        page: Page {
            title: Some(Text::Join(
                vec![
                    Word::HowFigure.into(),
                    Text::Join(
                        vec![
                            figure_words(s, name).into(),
                            Text::Plain(format!("({name})")),
                        ],
                        " ",
                    ),
                ],
                ": ",
            )),
            lines: vec![Text::Plain(s.name.clone()), Text::Join(meta, " · ")],
            blocks,
            notes: Vec::new(),
            chart: None,
        },
    }
}

/// The measure a derivation's amounts are shown in: to the øre, or FTE.
fn measure(d: &Derivation) -> Measure {
    if d.name.is_fte() {
        Measure::Fte
    } else {
        Measure::MoneyIn(Unit::Ore)
    }
}

/// The derivation's figures: each line (grid 0) and each part (grid 1), each grid adding up
/// to the sum, so that the shown lines add up to the shown sum; and the figure (grid 2).
fn grids(d: &Derivation) -> Vec<Grid> {
    let mut line_rows = Vec::new();
    let mut line_values = Vec::new();
    for (i, part) in d.parts.iter().enumerate() {
        for (k, line) in part.lines.iter().enumerate() {
            line_rows.push(RowHead::new(format!("{i}.{k}"), &part.id));
            line_values.push(vec![line.value]);
        }
    }
    let single = || vec![super::Column::single()];
    vec![
        Grid::sums(
            GridId::of(What::Lines),
            measure(d),
            Rule::AddsUp,
            line_rows,
            single(),
            line_values,
        ),
        Grid::sums(
            GridId::of(What::Parts),
            measure(d),
            Rule::AddsUp,
            d.parts
                .iter()
                .map(|p| RowHead::new(&p.id, &p.name))
                .collect(),
            single(),
            d.parts.iter().map(|p| vec![p.value]).collect(),
        ),
        Grid::list(
            GridId::of(What::Explained),
            measure(d),
            Rule::Nearest,
            vec![RowHead::new("value", "")],
            vec![d.value],
        ),
    ]
}

/// A row per line of each part: the entry and where it is written on its first line, the
/// formula, the amount; and the sum.
fn table(d: &Derivation, places: &[Option<String>]) -> Table<Fig> {
    let lines = At(0);
    let mut rows = Vec::new();
    for (i, part) in d.parts.iter().enumerate() {
        for (k, line) in part.lines.iter().enumerate() {
            let formula = formula(part, line, part.sign < 0, d.months);
            let (entry, place) = if k == 0 {
                (
                    Cell::Text(Word::Named(part.kind, part.name.clone(), part.id.clone()).into()),
                    Cell::text(places.get(i).cloned().flatten().unwrap_or_default()),
                )
            } else {
                (Cell::Blank, Cell::Blank)
            };
            rows.push(Row::new(vec![
                entry,
                place,
                Cell::Text(formula.into()),
                Cell::figure(lines.cell(rows.len(), 0)),
            ]));
        }
    }
    let n = rows.len();
    rows.push(Row::total(vec![
        Cell::Text(Text::Term(Term::Total)),
        Cell::Blank,
        Cell::Blank,
        Cell::calc(lines.column_total(0), Calc::SumColumn { from: 0, to: n }),
    ]));
    let amount = if d.name.is_fte() {
        Text::Term(Term::Fte)
    } else {
        Word::Amount.into()
    };
    Table {
        title: Word::Derivation.into(),
        name: Word::Derivation.into(),
        head: vec![
            Word::Entry.into(),
            Word::Where.into(),
            Word::FormulaHead.into(),
            amount,
        ],
        rows,
        rounding_note: false,
    }
}

/// A line's formula in words, with its numbers: the level and share where they are not 1.
pub fn formula(part: &Part, line: &Line, minus: bool, months: Option<Rational>) -> Word {
    let one = Rational::from_integer(1);
    Word::Formula(FormulaWords {
        base: part.base,
        fraction: line.fraction,
        first: line.first,
        last: line.last,
        level: Some(line.level).filter(|l| *l != one),
        share: part.share.filter(|x| *x != one),
        minus,
        months,
    })
}

/// What the parts make: their sum, a shortfall below zero, or an average FTE.
fn summary(s: &Scenario, d: &Derivation, lines: At) -> Said<Fig> {
    match (d.how, d.months) {
        (How::Shortfall, _) => Said::Shortfall {
            funder: d
                .name
                .measure
                .id()
                .and_then(|id| s.funders.iter().find(|f| f.id == id))
                .map_or_else(String::new, |f| f.name.clone()),
            cumulative: lines.column_total(0),
            value: At(2).cell(0, 0),
            exact: d.value,
        },
        (How::Sum, Some(months)) => Said::Average {
            months,
            value: lines.column_total(0),
        },
        (How::Sum, None) => Said::Sum {
            value: lines.column_total(0),
            exact: d.value,
        },
    }
}

/// A figure as the scenario's report shows it: its value (a whole number of the unit's
/// steps), its measure, and why it is rounded that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub value: Rational,
    pub measure: Measure,
    pub why: Why,
}

/// How `report SCENARIO` shows the figure `name` in `unit`, rounded by `mode`: by the name's
/// periods, a figure of the whole window in the report by year (its total column, or its
/// last period for a balance that runs on). `None` where no table or sentence shows it.
pub fn in_report(
    s: &Scenario,
    name: &Name,
    prices: Prices,
    unit: Unit,
    mode: Mode,
) -> Result<Option<Shown>, ComputeError> {
    let total = name.period == crate::period::PeriodKey::Total;
    let by = if total { By::Year } else { name.by() };
    let p: Projection = crate::engine::project_in(s, by, prices)?;
    let report = super::scenario::report(s, &p, None);
    let shown = report.shown(Rounding { unit, mode });
    let col = if total {
        None
    } else {
        p.periods.iter().position(|f| f.period.key == name.period)
    };
    let last = Some(p.periods.len().saturating_sub(1));
    let at = |what: What, row: Option<&str>, col: Option<usize>| {
        let g = shown.grid(GridId::of(what))?;
        let row = match row {
            Some(id) => Some(g.row(id)?),
            None => None,
        };
        g.at(row, col).copied()
    };
    let figure = match &name.measure {
        Of::Cost => at(What::Items, None, col),
        Of::Item(id) => at(What::Items, Some(id), col),
        Of::Fte => at(What::Fte, Some("fte"), col),
        Of::CostBy(id) => at(What::CostByFunder, Some(id), col),
        Of::FundingBy(id) => at(What::FundingByFunder, Some(id), col),
        Of::BalanceBy(id) => at(What::BalanceByFunder, Some(id), col),
        Of::CumulativeBy(id) => at(What::CumulativeByFunder, Some(id), col.or(last)),
        Of::MustFind(id) if total => {
            let funder = s.funders.iter().find(|f| f.id == *id).map(|f| &f.name);
            let said = shown.page.blocks.iter().find_map(|b| match b {
                Block::Sentence(Sentence::MustFind {
                    funder: f, amount, ..
                }) if Some(f) == funder => Some(*amount),
                _ => None,
            });
            return Ok(said.map(|f| Shown {
                value: f.shown,
                measure: measure_of(f.shape),
                why: Why::Enough,
            }));
        }
        Of::MustFind(id) => at(What::StillToFind, Some(id), col),
    };
    Ok(figure.map(|f| Shown {
        value: f.shown,
        measure: measure_of(f.shape),
        why: if (f.shown - f.exact) * Rational::from_integer(2) <= f.shape.step()
            && (f.exact - f.shown) * Rational::from_integer(2) <= f.shape.step()
        {
            Why::Nearest
        } else {
            Why::AddsUp
        },
    }))
}

fn measure_of(shape: Shape) -> Measure {
    match shape {
        Shape::Money(unit) => Measure::MoneyIn(unit),
        Shape::Fte => Measure::Fte,
        Shape::Percent(_) => Measure::Percent,
    }
}
