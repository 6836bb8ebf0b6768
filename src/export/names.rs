//! A comparison's sides by their names: where the report says A, B and B − A, the formats
//! people read (terminal, Markdown, HTML, XLSX, PDF, Word) say `Status quo`, `Det Fælles
//! Klimasekretariat` and `Forskel`, each scenario by its [`Scenario::short`] name. The data
//! formats (JSON, CSV) keep `a`, `b` and `delta`. Where both scenarios go by the same name, A
//! and B stay.
//!
//! [`Scenario::short`]: crate::model::Scenario::short

use crate::i18n::{self, Lang, PaperWord, paper_word};
use crate::report::text::{Term, Text};
use crate::report::words::Word;
use crate::report::{Block, Cell, Chart, Figure, Head, Shown, Side};

/// The names a comparison's sides go by: A, B and B − A.
struct Sides {
    a: String,
    b: String,
    delta: &'static str,
}

impl Sides {
    fn name(&self, side: Side) -> &str {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
            Side::Delta => self.delta,
        }
    }
}

/// The report with a comparison's sides called by their names, and the scenarios' lines
/// saying which is the baseline; file paths in those lines only where `files`. Figures are
/// untouched, and a report of no comparison is as it was.
pub fn named(shown: &Shown, lang: Lang, files: bool) -> Shown {
    let sides = match &shown.head {
        Head::Comparison(h) => h.short.as_ref().map(|(a, b)| Sides {
            a: a.clone(),
            b: b.clone(),
            delta: paper_word(PaperWord::Difference, lang),
        }),
        _ => None,
    };
    let Some(sides) = sides else {
        return shown.clone();
    };
    let view = super::view(shown, lang);
    let text = |t: &Text| rename(t, &sides, lang, files);
    let mut out = shown.clone();
    let page = &mut out.page;
    page.title = page.title.as_ref().map(text);
    page.lines = page.lines.iter().map(text).collect();
    for block in &mut page.blocks {
        match block {
            Block::Table(t) => {
                t.title = text(&t.title);
                t.name = text(&t.name);
                t.head = t.head.iter().map(text).collect();
                for row in &mut t.rows {
                    for cell in &mut row.cells {
                        if let Cell::Text(x) = cell {
                            *x = text(x);
                        }
                    }
                }
            }
            Block::Sentence(crate::report::Sentence::Pays {
                funder,
                a,
                b,
                delta,
                from,
                to,
            }) => {
                let said = view.pays_in(
                    funder,
                    [a, b, delta],
                    lang.range_long(*from, *to),
                    [&sides.a, &sides.b],
                );
                *block = Block::Text(Text::Plain(said));
            }
            Block::Text(t) => *t = text(t),
            Block::Bars(b) => {
                b.title = text(&b.title);
                for bar in &mut b.bars {
                    bar.label = text(&bar.label);
                }
            }
            _ => {}
        }
    }
    if let Some(chart) = &mut page.chart {
        chart_names(chart, &sides, lang, &text);
    }
    out
}

fn chart_names(
    chart: &mut Chart<Figure>,
    sides: &Sides,
    lang: Lang,
    text: &impl Fn(&Text) -> Text,
) {
    if let Text::Titled(Term::CostByFunderAB, unit) = &chart.title {
        chart.title = Text::WithUnit(
            Box::new(Text::Plain(i18n::cost_by_funder_of(
                &sides.a, &sides.b, lang,
            ))),
            *unit,
        );
    }
    chart.after = text(&chart.after);
    for (_, bars) in &mut chart.groups {
        for bar in bars {
            bar.label = text(&bar.label);
        }
    }
}

/// A text with the comparison's sides named (the scenarios' lines with their files where
/// `files`).
fn rename(t: &Text, sides: &Sides, lang: Lang, files: bool) -> Text {
    let again = |t: &Text| rename(t, sides, lang, files);
    let name = |side: &Side| Text::Plain(sides.name(*side).to_string());
    match t {
        Text::Side(side) => name(side),
        Text::TermSide(term, side) => Text::Join(vec![Text::Term(*term), name(side)], " "),
        Text::TitledSide(term, side, unit) => Text::WithUnit(
            Box::new(Text::Join(vec![Text::Term(*term), name(side)], ", ")),
            *unit,
        ),
        Text::Term(Term::DifferencesAreBMinusA) => {
            Text::Plain(i18n::differences_are(&sides.a, &sides.b, lang))
        }
        Text::Term(Term::WhatDiffers) => Text::Plain(i18n::what_differs(&sides.a, &sides.b, lang)),
        Text::Scenario {
            side,
            name,
            file,
            from,
            to,
            prices,
        } => {
            let word = match side {
                Side::A => PaperWord::Baseline,
                _ => PaperWord::Compared,
            };
            let mut line = format!(
                "{}: {name} ({}",
                paper_word(word, lang),
                lang.range(*from, *to)
            );
            if files {
                line = format!("{line}, {file}");
            }
            line.push(')');
            let mut parts = vec![Text::Plain(line)];
            parts.extend(prices.map(|(p, y)| Text::Prices(p, y)));
            Text::Join(parts, " · ")
        }
        Text::Windows {
            a,
            b,
            compared,
            common,
        } => Text::Plain(i18n::windows_differ(
            [&sides.a, &sides.b],
            [*a, *b, *compared],
            *common,
            lang,
        )),
        Text::Words(w) if **w == Word::Bridge => {
            Text::Plain(i18n::bridge_from_to(&sides.a, &sides.b, lang))
        }
        Text::Words(w) if **w == Word::InA => Text::Plain(sides.a.clone()),
        Text::Words(w) if **w == Word::InB => Text::Plain(sides.b.clone()),
        Text::Join(parts, sep) => Text::Join(parts.iter().map(again).collect(), sep),
        Text::WithUnit(inner, unit) => Text::WithUnit(Box::new(again(inner)), *unit),
        other => other.clone(),
    }
}
