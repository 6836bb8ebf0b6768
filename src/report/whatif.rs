//! The reports of `sweep` (a figure for every value of one or two varied paths) and `solve`
//! (the amount at which a scenario balances).

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::grid::{At, Fig, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Shortfall, SolvedValue, Term, Text};
use super::{Block, Cell, Head, Page, Report, Row, Table};
use crate::model::Scenario;
use crate::num::decimal_to_rational;
use crate::period::By;
use crate::whatif::solve::Kind;
use crate::whatif::{Direction, Point, Show, Solution, Value, Vary};

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
    pub kind: Kind,
    pub direction: Direction,
    /// The answer (its figure, for an amount or FTE, is in the grid of the answer).
    pub value: Value,
    pub round_to: Option<Decimal>,
    /// The funder whose funding is varied, held to balance even if residual.
    pub held: Option<String>,
    /// One step past the answer, where the scenario no longer balances.
    pub beyond: Option<Value>,
    /// Funder id, period label and end of each shortfall there, by its row of the grid of
    /// shortfalls: the funders and periods that bind.
    pub shortfalls: Vec<(String, String, Date, usize)>,
}

/// The sweep's figures: a grid per `--show`, a row per point; for people, one table with a
/// row per value (one varied path), or a table per figure with the first path's values down
/// and the second's across (two).
pub fn sweep(
    base: &Scenario,
    scenario: &str,
    by: By,
    vary: &[Vary],
    show: &[Show],
    points: &[Point],
) -> Report {
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
    let blocks = sweep_tables(base, vary, show, points);
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
fn sweep_tables(
    base: &Scenario,
    vary: &[Vary],
    show: &[Show],
    points: &[Point],
) -> Vec<Block<Fig>> {
    let value = |v: Decimal| Text::Number(decimal_to_rational(v.normalize()));
    let mut blocks = Vec::new();
    match vary {
        [one] => {
            let mut head = vec![path_label(base, &one.path)];
            head.extend(show.iter().map(|s| show_label(base, s)));
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
                let mut head = vec![Text::Join(
                    vec![
                        path_label(base, &first.path),
                        path_label(base, &second.path),
                    ],
                    " \\ ",
                )];
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
                    title: Text::WithUnit(Box::new(show_label(base, s)), None),
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

/// A value `solve` found or tried: a figure (an amount, an FTE) or words (a rate, a date).
fn solved_value(solution: &Solution, value: Value) -> SolvedValue<Fig> {
    match (solution.kind, value) {
        (Kind::Money, Value::Number(n)) => SolvedValue::Figure(Fig::nearest(
            decimal_to_rational(n),
            Measure::MoneyIn(crate::num::Unit::Ore),
        )),
        (Kind::Fte, Value::Number(n)) => {
            SolvedValue::Figure(Fig::nearest(decimal_to_rational(n), Measure::Fte))
        }
        (_, Value::Number(n)) => SolvedValue::Text(Text::Number(decimal_to_rational(n))),
        (_, Value::Date(d)) => SolvedValue::Text(Text::DateLong(d)),
    }
}

/// A varied path as a person reads it: the field's name and the entry's: `FTE,
/// Kommunal klimamedarbejder`; `Wage rise, 2025`.
fn path_label(s: &Scenario, path: &str) -> Text {
    let parts: Vec<&str> = path.split('.').collect();
    let entry = |id: &str| -> Option<String> {
        s.posts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.title.clone())
            .or_else(|| s.costs.iter().find(|c| c.id == id).map(|c| c.name.clone()))
            .or_else(|| {
                s.funding
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.name.clone())
            })
            .or_else(|| {
                s.funders
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| f.name.clone())
            })
    };
    match parts.as_slice() {
        [_, id, field] => match entry(id) {
            Some(name) => Text::Join(
                vec![Text::Field(field.to_string()), Text::Plain(name)],
                ", ",
            ),
            None => Text::Plain(path.to_string()),
        },
        _ => Text::Plain(path.to_string()),
    }
}

/// A shown figure as a person reads it: `Cost by funder: Business Region North Denmark,
/// Total`.
fn show_label(s: &Scenario, show: &Show) -> Text {
    super::explain::figure_words(s, &show.name).into()
}

/// `solve`'s answer, and the shortfalls one step past it: the funders and periods that bind.
pub fn solve(scenario: &str, path: &str, by: By, solution: &Solution) -> Report {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut beyond = Vec::new();
    let mut lines = vec![Sentence::Solved {
        path: path.to_string(),
        value: solved_value(solution, solution.value),
        direction: solution.direction,
        date: solution.kind == Kind::Date,
        round_to: solution.round_to.map(decimal_to_rational),
        by,
        held: held_name(solution),
    }];
    if let Some((past, short)) = &solution.beyond {
        for sf in short {
            let (id, name) = &solution.funders[sf.funder];
            beyond.push((id.clone(), sf.key.label(), sf.end, rows.len()));
            rows.push(RowHead::new(id, name));
            cells.push(sf.amount);
        }
        // The first funder short there, at each period end it is.
        if let Some(first) = short.first() {
            let ends = short
                .iter()
                .enumerate()
                .filter(|(_, sf)| sf.funder == first.funder)
                .map(|(row, sf)| Shortfall {
                    amount: At(0).cell(row, 0),
                    period: sf.key,
                    end: sf.end,
                })
                .collect();
            lines.push(Sentence::Below {
                value: solved_value(solution, *past),
                then: Box::new(Sentence::Shortfalls {
                    funder: solution.funders[first.funder].1.clone(),
                    ends,
                }),
            });
        }
    }
    let answer = match solution.value {
        Value::Number(n) => Some(decimal_to_rational(n)),
        Value::Date(_) => None,
    };
    let mut grids = vec![Grid::shortfalls(rows, cells)];
    grids.extend(answer.map(|v| {
        Grid::list(
            GridId::of(What::Answer),
            if solution.kind == Kind::Fte {
                Measure::Fte
            } else {
                Measure::Money
            },
            Rule::Nearest,
            vec![RowHead::new("value", "")],
            vec![v],
        )
    }));
    Report {
        head: Head::Solve(SolveHead {
            scenario: scenario.to_string(),
            path: path.to_string(),
            by,
            kind: solution.kind,
            direction: solution.direction,
            value: solution.value,
            round_to: solution.round_to,
            held: solution.funder.clone(),
            beyond: solution.beyond.as_ref().map(|(v, _)| *v),
            shortfalls: beyond,
        }),
        grids,
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

/// The name of the funder `solve` held to balance, for people (its id stays in the data).
fn held_name(solution: &crate::whatif::solve::Solution) -> Option<String> {
    let id = solution.funder.as_ref()?;
    let named = solution.funders.iter().find(|(i, _)| i == id);
    Some(named.map_or_else(|| id.clone(), |(_, name)| name.clone()))
}
