//! `klimabudget sweep SCENARIO --vary PATH=FROM..TO/STEP --show FIGURE`: a figure for every
//! value (or pair of values) of one or two varied paths.

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde_json::json;

use super::{Env, Error, Exit};
use crate::export::table::{TableStyle, render};
use crate::i18n::{Unit, View};
use crate::load::Prepared;
use crate::num::plain2;
use crate::period::By;
use crate::report::document::{Block, Cell, Document, Row, Table};
use crate::whatif::{self, Point, Show, Vary, WhatIfError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SweepFormat {
    #[default]
    Table,
    Csv,
    Json,
}

/// What `klimabudget sweep` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    pub vary: Vec<String>,
    pub show: Vec<String>,
    pub by: By,
    pub format: SweepFormat,
    pub unit: Unit,
    pub scenarios: super::ScenarioOptions,
}

pub(crate) fn whatif_error(e: WhatIfError) -> Error {
    match e {
        WhatIfError::Input(d) => Error::Input(d),
        WhatIfError::Compute(c) => Error::Compute(c),
        WhatIfError::Usage(m) => Error::Input(whatif::usage(m)),
    }
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let usage = |m: String| Error::Input(whatif::usage(m));
    if args.vary.len() > 2 {
        return Err(usage("a sweep varies one or two paths".into()));
    }
    let vary: Vec<Vary> = args
        .vary
        .iter()
        .map(|v| Vary::parse(v))
        .collect::<Result<_, _>>()
        .map_err(usage)?;
    let show: Vec<Show> = args
        .show
        .iter()
        .map(|s| Show::parse(s))
        .collect::<Result<_, _>>()
        .map_err(usage)?;
    let prepared = Prepared::open(&args.scenario).map_err(Error::Input)?;
    let options = whatif::Options {
        by: args.by,
        prices: args.scenarios.prices,
        overrides: args.scenarios.overrides(),
    };
    let points = whatif::sweep(&prepared, &vary, &show, &options).map_err(whatif_error)?;
    let view = View {
        lang: env.lang,
        unit: args.unit,
    };
    match args.format {
        SweepFormat::Table => {
            let doc = document(&args.scenario, &vary, &show, &points, view);
            let style = TableStyle {
                color: env.color_out,
                fit: env.fit,
            };
            env.out.write_all(render(&doc, style).as_bytes())?;
        }
        SweepFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *env.out);
            let head: Vec<&str> = vary
                .iter()
                .map(|v| v.path.as_str())
                .chain(show.iter().map(|s| s.text.as_str()))
                .collect();
            w.write_record(&head).map_err(std::io::Error::other)?;
            for p in &points {
                let record: Vec<String> = p
                    .values
                    .iter()
                    .map(|v| v.normalize().to_string())
                    .chain(p.figures.iter().map(|f| plain2(*f)))
                    .collect();
                w.write_record(&record).map_err(std::io::Error::other)?;
            }
            w.flush()?;
        }
        SweepFormat::Json => {
            let body = json!({
                "scenario": args.scenario.display().to_string(),
                "by": args.by.name(),
                "vary": vary.iter().map(|v| json!({
                    "path": v.path,
                    "values": v.values.iter().map(|x| x.normalize().to_string()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "show": show.iter().map(|s| s.text.clone()).collect::<Vec<_>>(),
                "points": points.iter().map(|p| json!({
                    "values": vary.iter().zip(&p.values).map(|(v, x)| (v.path.clone(), json!(x.normalize().to_string()))).collect::<serde_json::Map<_, _>>(),
                    "figures": show.iter().zip(&p.figures).map(|(s, f)| (s.text.clone(), json!(plain2(*f)))).collect::<serde_json::Map<_, _>>(),
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *env.out, &body).map_err(std::io::Error::from)?;
            writeln!(env.out)?;
        }
    }
    Ok(Exit::Success)
}

fn value_text(v: Decimal, view: View) -> String {
    let d = v.normalize();
    view.lang
        .number(crate::num::decimal_to_rational(d), d.scale())
}

/// A figure as a cell: money rounded to the unit's `step` on its own (a sweep's figures have
/// no totals to add up to), FTE as it is.
fn figure(show: &Show, value: crate::num::Rational, step: crate::num::Rational) -> Cell {
    if show.is_fte() {
        Cell::fte(value)
    } else {
        Cell::money((value / step).round() * step)
    }
}

/// One table for one varied path (a row per value, a column per figure), or one table per
/// figure for two (rows the first path's values, columns the second's).
fn document(
    scenario: &std::path::Path,
    vary: &[Vary],
    show: &[Show],
    points: &[Point],
    view: View,
) -> Document {
    let lang = view.lang;
    let step = view.unit.step();
    let mut blocks = Vec::new();
    match vary {
        [one] => {
            let mut head = vec![one.path.clone()];
            head.extend(show.iter().map(|s| s.text.clone()));
            let rows = points
                .iter()
                .map(|p| {
                    let mut cells = vec![Cell::Text(value_text(p.values[0], view))];
                    cells.extend(
                        show.iter()
                            .zip(&p.figures)
                            .map(|(s, f)| figure(s, *f, step)),
                    );
                    Row::new(cells)
                })
                .collect();
            blocks.push(Block::Table(Table {
                title: view.titled("Sweep", "Følsomhed"),
                unit: None,
                name: lang.tr("Sweep", "Følsomhed").to_string(),
                head,
                rows,
            }));
        }
        [first, second] => {
            for (k, s) in show.iter().enumerate() {
                let mut head = vec![format!("{} \\ {}", first.path, second.path)];
                head.extend(second.values.iter().map(|v| value_text(*v, view)));
                let rows = first
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let mut cells = vec![Cell::Text(value_text(*v, view))];
                        cells.extend((0..second.values.len()).map(|j| {
                            figure(s, points[i * second.values.len() + j].figures[k], step)
                        }));
                        Row::new(cells)
                    })
                    .collect();
                blocks.push(Block::Table(Table {
                    title: format!("{} ({})", s.text, view.unit.heading(lang)),
                    unit: None,
                    name: s.text.chars().take(31).collect(),
                    head,
                    rows,
                }));
            }
        }
        _ => {}
    }
    Document {
        view,
        title: format!(
            "{}: {}",
            lang.tr("Sweep", "Følsomhedsberegning"),
            scenario.display()
        ),
        lines: vec![format!(
            "{} {} · {}",
            points.len(),
            lang.tr("variants", "varianter"),
            lang.tr(
                "each computed like a report of it",
                "hver beregnet som en rapport over den"
            )
        )],
        blocks,
        notes: Vec::new(),
        chart: None,
    }
}
