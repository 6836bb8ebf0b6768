//! A bridge from A to B in a comparison's report: a table of the figures in A, each step (the
//! difference, where it is written in A and B, what it moves), B − A and B, with its sums
//! kept as formulas; a waterfall for each figure; and the order of the steps, stated.

use jiff::civil::Date;

use super::explain::figure_words;
use super::grid::{At, Column, Fig, Grid, GridId, Measure, RowHead, Rule, What};
use super::text::{Sentence, Text};
use super::words::{Said, StepWords, Word};
use super::{Bars, BarsKind, Block, Calc, Cell, FloatBar, Report, Row, Side, Table};
use crate::bridge::{self, Bridge};
use crate::explain::Name;
use crate::model::Scenario;
use crate::num::Rational;

/// A bridge as data formats write it: the figures, and each step with where its entry is
/// written in A and in B (`file:line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BridgeHead {
    pub bridge: Bridge,
    pub places: Vec<(Option<String>, Option<String>)>,
    /// The days bridged, where the scenarios' windows differ.
    pub common: Option<(Date, Date)>,
}

/// Adds the bridge to a comparison's report: its grids, its table, its waterfalls and its
/// sentences (after the tables of the comparison, before what differs).
pub fn add(report: &mut Report, s: &Scenario, head: BridgeHead) {
    let b = &head.bridge;
    let first = report.grids.len();
    let (steps, ends) = (At(first), At(first + 1));
    let columns = vec![Column::single(); b.names.len()];
    let money = |name: &Name| {
        if name.is_fte() {
            Measure::Fte
        } else {
            Measure::Money
        }
    };
    let measure = b.names.first().map_or(Measure::Money, money);
    report.grids.push(Grid::sums(
        GridId::of(What::BridgeSteps),
        measure,
        Rule::AddsUp,
        (0..b.steps.len())
            .map(|k| RowHead::new(k.to_string(), &b.steps[k].id))
            .collect(),
        columns.clone(),
        b.steps.iter().map(|st| st.deltas.clone()).collect(),
    ));
    report.grids.push(Grid::plain(
        GridId::of(What::BridgeEnds),
        measure,
        Rule::Nearest,
        vec![RowHead::new("a", "A"), RowHead::new("b", "B")],
        columns,
        vec![b.a.clone(), b.b.clone()],
    ));
    let mut blocks = vec![Block::Table(table(s, &head, steps, ends))];
    blocks.extend(waterfalls(s, b, steps, ends));
    let mut said = Vec::new();
    if let Some((from, to)) = head.common {
        said.push(Sentence::Said(Said::CommonWindow { from, to }));
    }
    if b.silent > 0 {
        said.push(Sentence::Said(Said::Silent { count: b.silent }));
    }
    blocks.extend(said.into_iter().map(Block::Sentence));
    blocks.push(Block::Text(Word::BridgeOrder.into()));
    // Before the table of what differs, which ends a comparison.
    let at = report.page.blocks.len().saturating_sub(1);
    report.page.blocks.splice(at..at, blocks);
    if let super::Head::Comparison(h) = &mut report.head {
        h.bridge = Some(Box::new(head));
    }
}

/// The title's figure and each figure's column head: where every figure is of one period,
/// the period goes in the title and a head is the measure and whose it is (only whose, where
/// the measure is one too); else each head is the figure's whole label.
fn heads(s: &Scenario, names: &[Name]) -> (Option<Text>, Vec<Text>) {
    let same = |f: &dyn Fn(&Name, &Name) -> bool| names.windows(2).all(|w| f(&w[0], &w[1]));
    let one_period = same(&|a, b| a.period == b.period);
    let one_measure = same(&|a, b| a.measure.key() == b.measure.key());
    let Some(first) = names.first().filter(|_| one_period) else {
        return (
            None,
            names.iter().map(|n| figure_words(s, n).into()).collect(),
        );
    };
    let heads = names
        .iter()
        .map(|n| match figure_words(s, n) {
            Word::Figure {
                whose: Some(who), ..
            } if one_measure => Text::Plain(who),
            Word::Figure { measure, whose, .. } => Word::Figure {
                measure,
                whose,
                period: None,
            }
            .into(),
            other => other.into(),
        })
        .collect();
    let title = if one_measure {
        Word::Figure {
            measure: first.measure.key(),
            whose: None,
            period: Some(first.period),
        }
        .into()
    } else {
        Text::Period(first.period)
    };
    (Some(title), heads)
}

fn table(s: &Scenario, head: &BridgeHead, steps: At, ends: At) -> Table<Fig> {
    let b = &head.bridge;
    let n = b.names.len();
    let (what, figure_heads) = heads(s, &b.names);
    let mut table_head = vec![Word::Step.into(), Word::Where.into()];
    table_head.extend(figure_heads);
    let figures = |at: &dyn Fn(usize) -> Fig, calc: Option<Calc>| -> Vec<Cell<Fig>> {
        (0..n)
            .map(|j| Cell::Figure {
                figure: at(j),
                calc,
            })
            .collect()
    };
    let mut rows = Vec::new();
    let mut a = vec![Cell::Text(Word::InA.into()), Cell::Blank];
    a.extend(figures(&|j| ends.cell(0, j), None));
    rows.push(Row::total(a));
    for (k, step) in b.steps.iter().enumerate() {
        let (pa, pb) = head.places.get(k).cloned().unwrap_or_default();
        let mut place = Vec::new();
        for (side, p) in [(Side::A, pa), (Side::B, pb)] {
            if let Some(p) = p {
                place.push(Text::Join(vec![Text::Side(side), Text::Plain(p)], " "));
            }
        }
        let mut cells = vec![
            Cell::Text(Word::StepWhat(step_words(step)).into()),
            Cell::Text(Text::Join(place, " · ")),
        ];
        cells.extend(figures(&|j| steps.cell(k, j), None));
        rows.push(Row::new(cells));
    }
    let m = b.steps.len();
    let mut delta = vec![Cell::Text(Text::Side(Side::Delta)), Cell::Blank];
    delta.extend(figures(
        &|j| steps.column_total(j),
        Some(Calc::SumColumn { from: 1, to: m + 1 }),
    ));
    rows.push(Row::total(delta));
    let mut bb = vec![Cell::Text(Word::InB.into()), Cell::Blank];
    bb.extend(figures(
        &|j| ends.cell(1, j),
        Some(Calc::SumColumn { from: 0, to: m + 1 }),
    ));
    rows.push(Row::total(bb));
    let title = match what {
        None => Word::Bridge.into(),
        Some(what) => Text::Join(vec![Word::Bridge.into(), what], ": "),
    };
    Table {
        title: Text::WithUnit(Box::new(title), None),
        name: Word::BridgeShort.into(),
        head: table_head,
        rows,
        rounding_note: false,
    }
}

/// A waterfall for each figure that moves: A, each step from the running total, B.
fn waterfalls(s: &Scenario, b: &Bridge, steps: At, ends: At) -> Vec<Block<Fig>> {
    let zero = Rational::from_integer(0);
    let mut out = Vec::new();
    for (j, name) in b.names.iter().enumerate() {
        if b.steps.iter().all(|st| st.deltas[j] == zero) {
            continue;
        }
        let measure = if name.is_fte() {
            Measure::Fte
        } else {
            Measure::Money
        };
        let own = |v: Rational| Fig::nearest(v, measure);
        let mut bars = vec![FloatBar {
            label: Word::InA.into(),
            from: own(zero),
            to: own(b.a[j]),
            said: vec![ends.cell(0, j)],
            whole: true,
        }];
        let mut running = b.a[j];
        for (k, st) in b.steps.iter().enumerate() {
            if st.deltas[j] == zero {
                continue;
            }
            bars.push(FloatBar {
                label: Word::StepWhat(step_words(st)).into(),
                from: own(running),
                to: own(running + st.deltas[j]),
                said: vec![steps.cell(k, j)],
                whole: false,
            });
            running += st.deltas[j];
        }
        bars.push(FloatBar {
            label: Word::InB.into(),
            from: own(zero),
            to: own(b.b[j]),
            said: vec![ends.cell(1, j)],
            whole: true,
        });
        out.push(Block::Bars(Bars {
            title: Text::WithUnit(Box::new(figure_words(s, name).into()), None),
            kind: BarsKind::Waterfall,
            base: None,
            bars,
        }));
    }
    out
}

/// What a step does, in words.
pub fn step_words(st: &bridge::Step) -> StepWords {
    StepWords {
        kind: st.kind,
        id: st.id.clone(),
        name: st.name.clone(),
        change: st.change.clone(),
    }
}
