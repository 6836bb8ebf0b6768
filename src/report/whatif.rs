//! The reports of `sweep` (a figure for every value of one or two varied paths) and `solve`
//! (the amount at which a scenario balances).

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::grid::{At, Fig, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Shortfall, Term, Text};
use super::{Block, Cell, Head, Page, Report, Row, Table};
use crate::num::{Rational, decimal_to_rational};
use crate::period::By;
use crate::whatif::{Point, Show, Solution, Vary};

/// What a sweep is of, for data formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SweepHead {
    pub scenario: String,
    pub by: By,
    /// Each varied path and its values.
    pub vary: Vec<(String, Vec<Decimal>)>,
    /// The figures shown, as asked for.
    pub show: Vec<String>,
    /// The values of the varied paths at each point, in order.
    pub points: Vec<Vec<Decimal>>,
}

/// What `solve` found, for data formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SolveHead {
    pub scenario: String,
    pub path: String,
    pub by: By,
    /// The funder whose funding is varied, held to balance even if residual.
    pub held: Option<String>,
    /// Funder id, period label and end of each shortfall one øre below the answer, by its
    /// row of the shortfalls grid.
    pub below: Vec<(String, String, Date, usize)>,
}

/// The sweep's figures: a grid per `--show`, a row per point; for people, one table with a
/// row per value (one varied path), or a table per figure with the first path's values down
/// and the second's across (two).
pub fn sweep(scenario: &str, by: By, vary: &[Vary], show: &[Show], points: &[Point]) -> Report {
    let rows: Vec<RowHead> = (0..points.len())
        .map(|i| RowHead::new(i.to_string(), ""))
        .collect();
    let grids: Vec<Grid> = show
        .iter()
        .enumerate()
        .map(|(k, s)| {
            Grid::list(
                GridId::of(What::Sweep(k)),
                if s.is_fte() {
                    Measure::Fte
                } else {
                    Measure::Money
                },
                Rule::Nearest,
                rows.clone(),
                points.iter().map(|p| p.figures[k]).collect(),
            )
        })
        .collect();
    let blocks = sweep_tables(vary, show, points);
    Report {
        head: Head::Sweep(SweepHead {
            scenario: scenario.to_string(),
            by,
            vary: vary
                .iter()
                .map(|v| (v.path.clone(), v.values.clone()))
                .collect(),
            show: show.iter().map(|s| s.text.clone()).collect(),
            points: points.iter().map(|p| p.values.clone()).collect(),
        }),
        grids,
        identities: Vec::new(),
        page: Page {
            title: Some(Text::Join(
                vec![
                    Text::Term(Term::SweepTitle),
                    Text::Plain(scenario.to_string()),
                ],
                ": ",
            )),
            lines: vec![Text::Join(
                vec![
                    Text::Join(
                        vec![
                            Text::Plain(points.len().to_string()),
                            Text::Term(Term::Variants),
                        ],
                        " ",
                    ),
                    Text::Term(Term::SweepLine),
                ],
                " · ",
            )],
            blocks,
            notes: Vec::new(),
            chart: None,
        },
    }
}

/// One table for one varied path (a row per value, a column per figure), or one table per
/// figure for two (the first path's values down, the second's across); the figures are
/// those of grid `k` for `show[k]`.
fn sweep_tables(vary: &[Vary], show: &[Show], points: &[Point]) -> Vec<Block<Fig>> {
    let value = |v: Decimal| Text::Number(decimal_to_rational(v.normalize()));
    let mut blocks = Vec::new();
    match vary {
        [one] => {
            let mut head = vec![Text::Plain(one.path.clone())];
            head.extend(show.iter().map(|s| Text::Plain(s.text.clone())));
            let rows = points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut cells = vec![Cell::Text(value(p.values[0]))];
                    cells.extend((0..show.len()).map(|k| Cell::figure(At(k).cell(i, 0))));
                    Row::new(cells)
                })
                .collect();
            blocks.push(Block::Table(Table {
                title: Text::Titled(Term::Sweep, None),
                name: Text::Term(Term::Sweep),
                head,
                rows,
                rounding_note: false,
            }));
        }
        [first, second] => {
            let across = second.values.len();
            for (k, s) in show.iter().enumerate() {
                let mut head = vec![Text::Plain(format!("{} \\ {}", first.path, second.path))];
                head.extend(second.values.iter().map(|v| value(*v)));
                let rows = first
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let mut cells = vec![Cell::Text(value(*v))];
                        cells.extend(
                            (0..across).map(|j| Cell::figure(At(k).cell(i * across + j, 0))),
                        );
                        Row::new(cells)
                    })
                    .collect();
                blocks.push(Block::Table(Table {
                    title: Text::WithUnit(Box::new(Text::Plain(s.text.clone())), None),
                    name: Text::Plain(s.text.clone()),
                    head,
                    rows,
                    rounding_note: false,
                }));
            }
        }
        _ => {}
    }
    blocks
}

/// `solve`'s answer, and the shortfall one øre below it.
pub fn solve(scenario: &str, path: &str, by: By, solution: &Solution) -> Report {
    let value = decimal_to_rational(solution.value);
    let money = |value: Rational| Fig::Own {
        value,
        measure: Measure::Money,
        rule: Rule::Nearest,
    };
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut below = Vec::new();
    for sf in &solution.below {
        let (id, name) = &solution.funders[sf.funder];
        below.push((id.clone(), sf.key.label(), sf.end, rows.len()));
        rows.push(RowHead::new(id, name));
        cells.push(sf.amount);
    }
    let mut lines = vec![Sentence::Solved {
        path: path.to_string(),
        value: money(value),
        by,
        held: solution.funder.clone(),
    }];
    if let (Some(first), Some((_, name))) = (
        solution.below.first(),
        solution.below.first().map(|s| &solution.funders[s.funder]),
    ) {
        lines.push(Sentence::Below {
            value: money(value - Rational::new(1, 100)),
            then: Box::new(Sentence::Shortfalls {
                funder: name.clone(),
                ends: vec![Shortfall {
                    amount: At(0).cell(0, 0),
                    period: first.key,
                    end: first.end,
                }],
            }),
        });
    }
    Report {
        head: Head::Solve(SolveHead {
            scenario: scenario.to_string(),
            path: path.to_string(),
            by,
            held: solution.funder.clone(),
            below,
        }),
        grids: vec![
            Grid::shortfalls(rows, cells),
            Grid::list(
                GridId::of(What::Answer),
                Measure::Money,
                Rule::Nearest,
                vec![RowHead::new("value", "")],
                vec![value],
            ),
        ],
        identities: Vec::new(),
        page: Page {
            title: None,
            lines: Vec::new(),
            blocks: vec![Block::Lines(lines)],
            notes: Vec::new(),
            chart: None,
        },
    }
}
