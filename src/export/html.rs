//! HTML: one self-contained page a director can print as it is: the tables, a chart of cost by
//! funder drawn as inline SVG, the scenario's notes and sources as footnotes, and print CSS for
//! A4. No scripts, fonts or images from elsewhere.

use std::fmt::Write as _;

use super::paper::{Paper, for_paper};
use super::table::cell_text;
use crate::i18n::{Lang, PaperWord, View, paper_word, term};
use crate::num::Rational;
use crate::report::text::Term;
use crate::report::text::Text;
use crate::report::words::Word;
use crate::report::{Bars, BarsKind, Block, Cell, Chart, Figure, GridRef, Shown, Table};

/// The page's style, with its print CSS for A4 (also the style of `klimabudget serve`'s view).
pub const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a;
       max-width: 190mm; margin: 12mm auto; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 16pt 0 5pt; }
p.meta { margin: 0; color: #444; }
p.meeting { margin: 0 0 4pt; font-weight: 600; font-size: 12pt; }
img.logo { float: right; max-height: 48px; max-width: 180px; margin: 0 0 6pt 12pt; }
div.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0 0 6pt; font-variant-numeric: tabular-nums; }
td.text:first-child { min-width: 9em; max-width: 22em; }
td.text { min-width: 6em; }
td.long { min-width: 16em; }
th, td { padding: 2.5pt 6pt; border-bottom: 0.5pt solid #ccc; vertical-align: top; }
th { text-align: left; border-bottom: 1pt solid #333; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 1pt solid #333; }
figure { margin: 12pt 0; }
figcaption { font-weight: 600; font-size: 12pt; margin-bottom: 4pt; }
ol.notes { font-size: 8.5pt; color: #333; padding-left: 14pt; }
sup.fn { font-size: 7pt; line-height: 0; margin-left: 1pt; }
sup.fn a { color: inherit; text-decoration: none; }
p.note { font-size: 8.5pt; color: #333; margin: 0 0 6pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2, figcaption { break-after: avoid; }
  table, figure { break-inside: avoid; }
  div.scroll { overflow: visible; }
  td.text:first-child, td.text { min-width: 0; }
}
"#;

/// Colours that stay apart for colour-blind readers and in greyscale print (Okabe–Ito).
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// The HTML exporter.
pub struct Html {
    pub lang: Lang,
    /// The meeting, date, logo and notes of the page as a paper.
    pub paper: Paper,
}

impl super::Exporter for Html {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = for_paper(shown, self.lang, &self.paper);
        Ok(render(&shown, super::view(&shown, self.lang), &self.paper).into_bytes())
    }
}

/// Bytes as base64, for a logo inside the page.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn render(shown: &Shown, view: View, paper: &Paper) -> String {
    let page = &shown.page;
    let lang = view.lang;
    let title = page
        .title
        .as_ref()
        .map(|t| view.text(t))
        .unwrap_or_default();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.tr("en", "da"),
        escape(&title),
    );
    if let Some(logo) = &paper.logo {
        let _ = writeln!(
            out,
            "<img class=\"logo\" alt=\"\" src=\"data:{};base64,{}\">",
            logo.kind.mime(),
            base64(&logo.bytes)
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    if let Some(meeting) = &paper.meeting {
        let _ = writeln!(out, "<p class=\"meeting\">{}</p>", escape(meeting));
    }
    for line in &page.lines {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&view.text(line)));
    }
    if let Some(date) = paper.printed {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{} {}</p>",
            paper_word(PaperWord::Printed, lang),
            escape(&lang.date_long(date))
        );
    }
    let tips = tips(shown, view);
    // The notes numbered as the papers number them: in the order their rows are met, each
    // row's first cell marked with its notes.
    let doc = super::paper::Doc::new(shown, lang, paper);
    let mut marks = doc.blocks.iter().filter_map(|b| match b {
        super::paper::DocBlock::Table(t) => {
            Some(t.rows.iter().map(|r| r.notes.clone()).collect::<Vec<_>>())
        }
        _ => None,
    });
    let mut chart_drawn = false;
    for block in &page.blocks {
        match block {
            Block::Table(t) => {
                let notes = marks.next().unwrap_or_default();
                out.push_str(&table(t, view, &tips, &notes));
                if let Some(chart) = page.chart.as_ref().filter(|c| c.after == t.name) {
                    out.push_str(&svg(chart, view));
                    chart_drawn = true;
                }
            }
            Block::Sentence(s) => {
                let _ = writeln!(out, "<p>{}</p>", escape(&view.sentence(s)));
            }
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|s| escape(&view.sentence(s))).collect();
                let _ = writeln!(out, "<p>{}</p>", lines.join("<br>\n"));
            }
            Block::Text(t) => {
                let _ = writeln!(out, "<p>{}</p>", escape(&view.text(t)));
            }
            Block::Bars(b) => out.push_str(&bars_svg(b, view)),
        }
    }
    if !chart_drawn && let Some(chart) = &page.chart {
        out.push_str(&svg(chart, view));
    }
    if !doc.notes.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<ol class=\"notes\">",
            term(Term::NotesAndSources, lang)
        );
        for (k, note) in doc.notes.iter().enumerate() {
            let _ = writeln!(out, "<li id=\"note-{}\">{}</li>", k + 1, escape(note));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Each figure's derivation, from the report's appendix (`report --explain`): by the
/// figure's origin, the appendix row's words, shown when the pointer rests on the figure.
fn tips(shown: &Shown, view: View) -> Vec<(GridRef, String)> {
    let appendix = Text::from(Word::HowComputed);
    let mut out = Vec::new();
    for block in &shown.page.blocks {
        let Block::Table(t) = block else {
            continue;
        };
        if t.name != appendix {
            continue;
        }
        for row in &t.rows {
            if let [what, how, .., Cell::Figure { figure, .. }] = row.cells.as_slice()
                && let Some(origin) = figure.origin
            {
                let tip = format!(
                    "{}: {} = {}",
                    cell_text(what, view),
                    cell_text(how, view),
                    view.amount(figure)
                );
                out.push((origin, tip));
            }
        }
    }
    out
}

/// A table; `notes[r]` are the numbers of the notes on row `r`, marked on its first cell.
fn table(
    t: &Table<Figure>,
    view: View,
    tips: &[(GridRef, String)],
    notes: &[Vec<usize>],
) -> String {
    let numeric = t.numeric_columns();
    let mut out = format!(
        "<h2>{}</h2>\n<div class=\"scroll\"><table>\n<thead><tr>",
        escape(&view.text(&t.title))
    );
    for (h, num) in t.head.iter().zip(&numeric) {
        let _ = write!(
            out,
            "<th{}>{}</th>",
            if *num { " class=\"num\"" } else { "" },
            escape(&view.text(h))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in t.rows.iter().enumerate() {
        out.push_str(if row.total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (k, c) in row.cells.iter().enumerate() {
            let text = cell_text(c, view);
            // A sentence beside the figures (an explanation) gets room to read as one.
            let class = if c.is_figure() {
                "num"
            } else if k > 0 && text.chars().count() > 40 {
                "text long"
            } else {
                "text"
            };
            let tip = match c {
                Cell::Figure {
                    figure:
                        Figure {
                            origin: Some(origin),
                            ..
                        },
                    ..
                } => tips
                    .iter()
                    .find(|(o, _)| o == origin)
                    .map(|(_, tip)| format!(" title=\"{}\"", escape(tip)))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let marks: String = match notes.get(r) {
                Some(ns) if k == 0 => ns
                    .iter()
                    .map(|n| format!("<sup class=\"fn\"><a href=\"#note-{n}\">{n}</a></sup>"))
                    .collect(),
                _ => String::new(),
            };
            let _ = write!(
                out,
                "<td class=\"{class}\"{tip}>{}{marks}</td>",
                escape(&text)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    if t.rounding_note {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            escape(term(Term::RoundingNote, view.lang))
        );
    }
    out
}

/// A round step for the axis: 1, 2 or 5 × a power of ten, giving about five ticks.
fn tick_step(max: Rational) -> Rational {
    let target = max / Rational::from_integer(5);
    let mut power = Rational::from_integer(1);
    while power * Rational::from_integer(10) <= target {
        power *= Rational::from_integer(10);
    }
    while power > target && power > Rational::new(1, 1_000_000) {
        power /= Rational::from_integer(10);
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| power * Rational::from_integer(m))
        .find(|s| *s >= target)
        .unwrap_or(power * Rational::from_integer(10))
}

/// Stacked bars of cost by funder per period; for a comparison, A and B side by side. The
/// bars are drawn to the exact figures (a constant amount is a level line of bars, however
/// its shown figures round); each says its shown figure.
fn svg(chart: &Chart<Figure>, view: View) -> String {
    let unit = view.unit;
    let (width, height) = (680i64, 300i64);
    let (left, right, top, bottom) = (78i64, 12i64, 12i64, 56i64);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let zero = Rational::from_integer(0);
    let max = chart
        .groups
        .iter()
        .flat_map(|(_, bars)| bars.iter())
        .map(|b| {
            b.values
                .iter()
                .map(|v| v.exact)
                .filter(|v| *v > zero)
                .sum::<Rational>()
        })
        .max()
        .unwrap_or(zero);
    let step = if max > zero {
        tick_step(max)
    } else {
        Rational::from_integer(1)
    };
    let ticks = (max / step).ceil().to_integer().max(1);
    let top_value = step * Rational::from_integer(ticks);
    // Pixels from the plot's bottom for a value (exact until drawn).
    let y = |v: Rational| -> i64 {
        let px = v * Rational::from_integer(i128::from(plot_h)) / top_value;
        top + plot_h - px.round().to_integer() as i64
    };
    let mut out = format!(
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n",
        escape(&view.text(&chart.title)),
        escape(&view.text(&chart.title))
    );
    for k in 0..=ticks {
        let v = step * Rational::from_integer(k);
        let yy = y(v);
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"{}\" stroke-width=\"1\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            width - right,
            if k == 0 { "#333" } else { "#ddd" },
            left - 6,
            yy + 4,
            escape(&view.lang.number(v / unit.size(), unit.decimals()))
        );
    }
    let groups = chart.groups.len().max(1) as i64;
    let group_w = plot_w / groups;
    for (g, (label, bars)) in chart.groups.iter().enumerate() {
        let x0 = left + g as i64 * group_w;
        let n = bars.len().max(1) as i64;
        let bar_w = ((group_w * 7 / 10) / n).max(2);
        let gap = (group_w - bar_w * n) / 2;
        for (b, bar) in bars.iter().enumerate() {
            let x = x0 + gap + b as i64 * bar_w;
            let mut base = zero;
            for (s, figure) in bar.values.iter().enumerate() {
                let v = figure.exact;
                if v <= zero {
                    continue;
                }
                let (y_top, y_bottom) = (y(base + v), y(base));
                let _ = writeln!(
                    out,
                    "<rect x=\"{x}\" y=\"{y_top}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{} · {} · {}: {}</title></rect>",
                    bar_w - 1,
                    (y_bottom - y_top).max(0),
                    PALETTE[s % PALETTE.len()],
                    escape(&view.text(label)),
                    escape(&view.text(&bar.label)),
                    escape(&view.text(&chart.series[s])),
                    escape(&view.amount(figure))
                );
                base += v;
            }
            if n > 1 {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>",
                    x + bar_w / 2,
                    top + plot_h + 12,
                    escape(&view.text(&bar.label))
                );
            }
        }
        // Many periods (a year by month): smaller labels, so that they do not run together.
        let size = if groups > 8 { " font-size=\"8\"" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\"{size}>{}</text>",
            x0 + group_w / 2,
            top + plot_h + if n > 1 { 25 } else { 15 },
            escape(&view.text(label))
        );
    }
    // Legend under the axis.
    let mut lx = left;
    let ly = height - 14;
    for (s, name) in chart.series.iter().enumerate() {
        let name = view.text(name);
        let _ = writeln!(
            out,
            "<rect x=\"{lx}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{ly}\">{}</text>",
            ly - 9,
            PALETTE[s % PALETTE.len()],
            lx + 14,
            escape(&name)
        );
        lx += 24 + 6 * name.chars().count() as i64;
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

/// Floating bars as inline SVG, one row each: a waterfall (A, each step from the running
/// total, B) or a tornado (each assumption's range around the base figure). Drawn to the
/// exact figures; each bar says its shown ones, and tells them again on hover.
fn bars_svg(b: &Bars<Figure>, view: View) -> String {
    let (width, row, left, plot_w) = (760i64, 24i64, 250i64, 340i64);
    let (top, bottom) = (8i64, 30i64);
    let height = top + row * b.bars.len().max(1) as i64 + bottom;
    let zero = Rational::from_integer(0);
    let (base, lo, hi) = b.extent();
    let step = tick_step(if hi > lo {
        hi - lo
    } else {
        Rational::from_integer(1)
    });
    let lo = (lo / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    let x = |v: Rational| -> i64 {
        let px = (v - lo) * Rational::from_integer(i128::from(plot_w)) / (hi - lo);
        left + px.round().to_integer() as i64
    };
    let unit = view.unit;
    let title = escape(&view.text(&b.title));
    let mut out = format!(
        "<figure>\n<figcaption>{title}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{title}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
    );
    let axis_y = top + row * b.bars.len() as i64;
    let mut v = lo;
    while v <= hi {
        let xx = x(v);
        let _ = writeln!(
            out,
            "<line x1=\"{xx}\" x2=\"{xx}\" y1=\"{top}\" y2=\"{axis_y}\" stroke=\"#e3e3e3\"/>\n<text x=\"{xx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>",
            axis_y + 12,
            escape(&view.lang.number(v / unit.size(), unit.decimals()))
        );
        v += step;
    }
    for (i, bar) in b.bars.iter().enumerate() {
        let y = top + row * i as i64;
        let (a, z) = (
            x(bar.from.exact.min(bar.to.exact)),
            x(bar.from.exact.max(bar.to.exact)),
        );
        let up = bar.to.exact >= bar.from.exact;
        let fill = match (b.kind, bar.whole, up) {
            (_, true, _) => "#0072B2",
            (BarsKind::Waterfall, false, true) => "#E69F00",
            (BarsKind::Waterfall, false, false) => "#009E73",
            (BarsKind::Tornado, false, _) => "#56B4E9",
        };
        let label = view.text(&bar.label);
        let short: String = label.chars().take(40).collect();
        let said: Vec<String> = bar.said.iter().map(|f| view.amount(f)).collect();
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n<rect x=\"{a}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>{}: {}</title></rect>\n<text x=\"{}\" y=\"{}\">{}</text>",
            left - 6,
            y + 15,
            escape(&short),
            y + 4,
            (z - a).max(1),
            row - 8,
            escape(&label),
            escape(&said.join(" / ")),
            left + plot_w + 8,
            y + 15,
            escape(&said.join(" / "))
        );
    }
    if b.base.is_some() || lo < zero {
        let xb = x(base);
        let _ = writeln!(
            out,
            "<line x1=\"{xb}\" x2=\"{xb}\" y1=\"{top}\" y2=\"{axis_y}\" stroke=\"#333\" stroke-width=\"1\"/>"
        );
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        let r = |n| Rational::from_integer(n);
        assert_eq!(tick_step(r(2_400_000)), r(500_000));
        assert_eq!(tick_step(r(9_200_000)), r(2_000_000));
        assert_eq!(tick_step(r(7)), r(2));
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
