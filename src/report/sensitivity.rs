//! The report of `sensitivity`: each assumption's range and the figure at both ends, the one
//! that moves it most first, as a table and a tornado; why each is assumed, as notes.

use super::explain::figure_words;
use super::grid::{At, Column, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Text};
use super::words::{Said, Value, Word};
use super::{Bars, BarsKind, Block, Cell, Head, Page, Report, Row, Table};
use crate::engine::Prices;
use crate::model::Scenario;
use crate::num::Rational;
use crate::whatif::sensitivity::{Sensitivity, Setting, Skip, Tested};

/// What a sensitivity is of, for data formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SensitivityHead {
    pub scenario: String,
    pub file: String,
    pub prices: Option<Prices>,
    pub sensitivity: Sensitivity,
    /// `file:line` of each tested assumption's mark, in the order of `sensitivity.tested`.
    pub places: Vec<Option<String>>,
}

/// The tested assumptions that move the figure (those not left out), in rank order.
pub fn ranked(s: &Sensitivity) -> impl Iterator<Item = &Tested> {
    s.tested.iter().filter(|t| t.skipped.is_none())
}

/// The assumption as people read it: the entry, and the field.
fn label(t: &Tested) -> Text {
    let a = &t.assumption;
    let field: Text = Word::AssumedField(a.field.clone()).into();
    if a.id.is_empty() {
        let indexation = Word::Named("indexation", String::new(), String::new());
        return Text::Join(vec![indexation.into(), field], ": ");
    }
    let kind = match a.section {
        "posts" => "post",
        "costs" => "cost",
        _ => "funding",
    };
    Text::Join(
        vec![
            Word::Named(kind, t.name.clone(), a.id.clone()).into(),
            field,
        ],
        ": ",
    )
}

/// A setting in words, by what the field holds: kroner, FTE, a rate, a day.
fn value(t: &Tested, x: Setting) -> Value {
    let field = t.assumption.field.as_str();
    match x {
        Setting::Date(d) => Value::Date(d),
        Setting::Number(v) if matches!(field, "annual_cost_per_fte" | "annual" | "amount") => {
            Value::Money(v)
        }
        Setting::Number(v) | Setting::Times(v) | Setting::Every(v) => Value::Number(v),
    }
}

/// The range as tried: `720,000 kr. – 880,000 kr.`, `4.5 % – 5.5 %`, `each year's rise × 0.9
/// – × 1.1`.
fn range(t: &Tested) -> Text {
    let rate = t.assumption.section == "indexation";
    match (t.low, t.high) {
        (Setting::Times(a), Setting::Times(b)) => Word::TimesEach(a, b).into(),
        (Setting::Every(a), Setting::Every(b)) => Word::EachRate(a, b).into(),
        (Setting::Number(a), Setting::Number(b)) if rate => Word::Percents(a, b).into(),
        (a, b) => Word::Values(value(t, a), value(t, b)).into(),
    }
}

/// The report of a sensitivity of `s`'s figure; `places` says where each mark is written.
pub fn report(s: &Scenario, prices: Prices, head: SensitivityHead) -> Report {
    let sens = &head.sensitivity;
    let measure = if sens.name.is_fte() {
        Measure::Fte
    } else {
        Measure::Money
    };
    let base_value = sens.base;
    let rows: Vec<&Tested> = ranked(sens).collect();
    let cells: Vec<Vec<Rational>> = rows
        .iter()
        .map(|t| {
            let (lo, hi) = t.figures.unwrap_or_default();
            vec![lo, hi, t.swing()]
        })
        .collect();
    let grid = Grid::plain(
        GridId::of(What::Sensitivity),
        measure,
        Rule::Nearest,
        (0..rows.len())
            .map(|k| RowHead::new(rows[k].assumption.path(), ""))
            .collect(),
        vec![Column::single(); 3],
        cells,
    );
    let at = At(0);
    let mut table_rows = Vec::new();
    for (k, t) in rows.iter().enumerate() {
        let place = sens
            .tested
            .iter()
            .position(|x| std::ptr::eq(x, *t))
            .and_then(|i| head.places.get(i).cloned().flatten())
            .unwrap_or_default();
        let mut range = range(t);
        if let Some(edge) = t.cut {
            range = Text::Join(vec![range, Word::Cut(value(t, edge)).into()], ", ");
        }
        table_rows.push(Row::new(vec![
            Cell::Text(label(t)),
            Cell::text(place),
            Cell::Text(range),
            Cell::figure(at.cell(k, 0)),
            Cell::figure(at.cell(k, 1)),
            Cell::figure(at.cell(k, 2)),
        ]));
    }
    let figure: Text = figure_words(s, &sens.name).into();
    let base = At(1).cell(0, 0);
    let mut blocks = vec![
        Block::Sentence(Sentence::Said(Said::Base { value: base })),
        Block::Table(Table {
            title: Text::WithUnit(
                Box::new(Text::Join(
                    vec![Word::Sensitivity.into(), figure.clone()],
                    ": ",
                )),
                None,
            ),
            name: Word::SensitivityShort.into(),
            head: vec![
                Word::Assumption.into(),
                Word::Where.into(),
                Word::Range.into(),
                Word::Low.into(),
                Word::High.into(),
                Word::Swing.into(),
            ],
            rows: table_rows,
            rounding_note: false,
        }),
    ];
    if !rows.is_empty() {
        blocks.push(Block::Bars(Bars {
            title: Text::WithUnit(Box::new(figure), None),
            kind: BarsKind::Tornado,
            base: Some(base),
            bars: rows
                .iter()
                .enumerate()
                .map(|(k, t)| super::FloatBar {
                    label: label(t),
                    from: at.cell(k, 0),
                    to: at.cell(k, 1),
                    said: vec![at.cell(k, 0), at.cell(k, 1)],
                    whole: false,
                })
                .collect(),
        }));
    }
    let mut said = vec![Said::Ranked {
        count: rows.len(),
        percent: sens.percent,
    }];
    let plain = |t: &Tested| -> String { t.assumption.path() };
    for t in &sens.tested {
        if let Some(edge) = t.cut {
            said.push(Said::CutAt {
                assumption: plain(t),
                edge: value(t, edge),
            });
        }
        match t.skipped {
            Some(Skip::NoRange) => said.push(Said::NoRange {
                assumption: plain(t),
            }),
            Some(Skip::Nothing) => said.push(Said::Nothing {
                assumption: plain(t),
            }),
            None => {}
        }
    }
    blocks.extend(said.into_iter().map(|x| Block::Sentence(Sentence::Said(x))));
    let notes = sens
        .tested
        .iter()
        .filter_map(|t| {
            let why = t.assumption.why.clone()?;
            Some(Text::Join(vec![label(t), Text::Plain(why)], ": "))
        })
        .collect();
    let mut meta = vec![Text::Plain(s.file.display().to_string())];
    meta.extend(super::scenario::prices_text(s, prices));
    Report {
        head: Head::Sensitivity(Box::new(head)),
        grids: vec![
            grid,
            Grid::list(
                GridId::of(What::Explained),
                measure,
                Rule::Nearest,
                vec![RowHead::new("base", "")],
                vec![base_value],
            ),
        ],
        identities: Vec::new(),
        page: Page {
            title: Some(Text::Join(
                vec![Word::SensitivityShort.into(), Text::Plain(s.name.clone())],
                ": ",
            )),
            lines: vec![Text::Join(meta, " · ")],
            blocks,
            notes,
            chart: None,
        },
    }
}
