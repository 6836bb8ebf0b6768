//! The terminal: a shown report's page as text tables (comfy-table), fitted to the terminal
//! width, and its sentences as lines.

use comfy_table::{Attribute, CellAlignment, ContentArrangement, presets};

use crate::i18n::{Lang, View, term};
use crate::num::Rational;
use crate::report::text::Term;
use crate::report::{Bars, Block, Cell, Figure, Shown, Table};

/// How the terminal output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableStyle {
    /// Bold totals and titles (only when writing to a terminal that wants colour).
    pub color: bool,
    /// Fit tables to the terminal's width (when writing to one); otherwise they are as wide
    /// as they need.
    pub fit: bool,
    /// The width to fit tables to, in columns; `None`: no limit (piped, or `--wide`).
    pub width: Option<usize>,
}

/// The terminal exporter.
pub struct Terminal {
    pub lang: Lang,
    pub style: TableStyle,
}

impl super::Exporter for Terminal {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = super::names::named(shown, self.lang, true);
        Ok(render(&shown, super::view(&shown, self.lang), self.style).into_bytes())
    }
}

pub fn render(shown: &Shown, view: View, style: TableStyle) -> String {
    let text = render_unwrapped(shown, view, style);
    match style.width.filter(|_| style.fit) {
        // Lines of words wrap at spaces too, so that the terminal never breaks a number.
        Some(width) => {
            text.lines()
                .map(|l| {
                    if l.starts_with(['│', '╭', '╰', '├', '╞']) || l.chars().count() <= width
                    {
                        l.to_string()
                    } else {
                        wrap(l, width)
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        None => text,
    }
}

fn render_unwrapped(shown: &Shown, view: View, style: TableStyle) -> String {
    let page = &shown.page;
    let mut out = String::new();
    let bold = |s: &str| {
        if style.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    if let Some(title) = &page.title {
        out.push_str(&bold(&view.text(title)));
        out.push('\n');
    }
    for line in &page.lines {
        out.push_str(&view.text(line));
        out.push('\n');
    }
    for (k, block) in page.blocks.iter().enumerate() {
        if k > 0 || page.title.is_some() || !page.lines.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Table(t) => {
                out.push_str(&bold(&view.text(&t.title)));
                out.push('\n');
                out.push_str(&table(t, view, style));
                out.push('\n');
                if t.rounding_note {
                    out.push_str(term(Term::RoundingNote, view.lang));
                    out.push('\n');
                }
            }
            Block::Sentence(s) => {
                out.push_str(&view.sentence(s));
                out.push('\n');
            }
            Block::Lines(lines) => {
                for s in lines {
                    out.push_str(&view.sentence(s));
                    out.push('\n');
                }
            }
            Block::Text(t) => {
                out.push_str(&view.text(t));
                out.push('\n');
            }
            Block::Bars(b) => {
                out.push_str(&bold(&view.text(&b.title)));
                out.push('\n');
                out.push_str(&text_bars(b, view));
            }
        }
    }
    out
}

/// Floating bars drawn in text, a line each: the label, the bar between its ends on a common
/// scale (`│` marks zero, or a tornado's base), and the figures it says.
pub(crate) fn text_bars(b: &Bars<Figure>, view: View) -> String {
    const WIDTH: i128 = 40;
    let (base, lo, hi) = b.extent();
    let span = if hi > lo {
        hi - lo
    } else {
        Rational::from_integer(1)
    };
    let col = |v: Rational| {
        ((v - lo) * Rational::from_integer(WIDTH) / span)
            .round()
            .to_integer()
    };
    let labels: Vec<String> = b.bars.iter().map(|x| view.text(&x.label)).collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    let mut out = String::new();
    for (bar, label) in b.bars.iter().zip(&labels) {
        let (a, z) = (
            col(bar.from.exact.min(bar.to.exact)),
            col(bar.from.exact.max(bar.to.exact)),
        );
        let z = z.max(a + 1);
        let axis = col(base);
        let tornado = b.base.is_some();
        let line: String = (0..=WIDTH)
            .map(|c| {
                if tornado && c == axis {
                    '│'
                } else if c >= a && c < z {
                    if bar.whole { '█' } else { '▒' }
                } else if c == axis {
                    '│'
                } else {
                    ' '
                }
            })
            .collect();
        let said: Vec<String> = bar.said.iter().map(|f| view.figure(f)).collect();
        let label: String = label.chars().take(label_width).collect();
        out.push_str(&format!(
            "{label:<label_width$} {line} {}\n",
            said.join(" / ")
        ));
    }
    out
}

/// A cell's text: a figure in its unit, words in the view's language.
pub(crate) fn cell_text(c: &Cell<Figure>, view: View) -> String {
    match c {
        Cell::Text(t) => view.text(t),
        Cell::Figure { figure, .. } => view.figure(figure),
        Cell::Blank => String::new(),
    }
}

fn table(t: &Table<Figure>, view: View, style: TableStyle) -> String {
    let numeric = t.numeric_columns();
    let head: Vec<String> = t.head.iter().map(|h| view.text(h)).collect();
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| cell_text(c, view)).collect())
        .collect();
    let cols = head.len();
    let chars = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut natural: Vec<usize> = head.iter().map(|h| chars(h)).collect();
    for row in &rows {
        for (c, cell) in row.iter().enumerate().take(cols) {
            natural[c] = natural[c].max(chars(cell));
        }
    }
    // Each column is its text, a space either side and a border.
    let outer = |widths: &mut dyn Iterator<Item = usize>| -> usize {
        widths.map(|w| w + 3).sum::<usize>() + 1
    };
    let Some(limit) = style.width.filter(|_| style.fit) else {
        return draw(
            t,
            &head,
            &rows,
            &(0..cols).collect::<Vec<_>>(),
            &numeric,
            style,
        );
    };
    if outer(&mut natural.iter().copied()) <= limit {
        return draw(
            t,
            &head,
            &rows,
            &(0..cols).collect::<Vec<_>>(),
            &numeric,
            style,
        );
    }
    // Wrap the label column at spaces, never narrower than its longest word.
    let label = (!numeric.first().copied().unwrap_or(true)).then_some(0);
    let longest_word = |s: &str| {
        s.split([' ', '\n'])
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let least_label = label.map_or(0, |c| {
        rows.iter()
            .map(|r| r.get(c).map_or(0, |s| longest_word(s)))
            .chain([chars(&head[c])])
            .max()
            .unwrap_or(0)
    });
    let others: usize = outer(&mut natural.iter().copied().skip(1)) - 1;
    let wrap_rows = |width: usize| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                let mut r = r.clone();
                if let (Some(c), Some(cell)) = (label, label.and_then(|c| r.get(c).cloned())) {
                    r[c] = wrap(&cell, width);
                }
                r
            })
            .collect()
    };
    if label.is_some() && least_label + 4 + others <= limit {
        let width = limit - 4 - others;
        let wrapped = wrap_rows(width);
        return draw(
            t,
            &head,
            &wrapped,
            &(0..cols).collect::<Vec<_>>(),
            &numeric,
            style,
        );
    }
    // Still too wide: the figure columns in blocks, each after the label columns.
    let labels: Vec<usize> = (0..cols).take_while(|&c| !numeric[c]).collect();
    let mut widths = natural.clone();
    if let Some(c) = label {
        widths[c] = least_label.min(natural[c]).max(1);
    }
    if let Some(c) = label {
        // As wide as a quarter of the terminal allows, for fewer lines a label.
        widths[c] = natural[c].min(least_label.max(limit / 4));
    }
    if labels.len() == cols {
        // Only words: every column wraps, none narrower than its longest word.
        return words_only(t, &head, &rows, &numeric, limit, style);
    }
    let widest_figure = widths.iter().skip(labels.len()).max().copied().unwrap_or(0);
    let mut narrow = false;
    if let Some(c) = label
        && outer(&mut labels.iter().map(|&c| widths[c])) + widest_figure + 3 > limit
    {
        widths[c] = least_label;
        // Every label column down to its longest word, when the first alone is not enough.
        narrow = outer(&mut labels.iter().map(|&c| widths[c])) + widest_figure + 3 > limit;
    }
    let mut wrapped = wrap_rows(widths[0]);
    if narrow {
        for &c in labels.iter().skip(1) {
            let least = rows
                .iter()
                .map(|r| r.get(c).map_or(0, |s| longest_word(s)))
                .chain([chars(&head[c])])
                .max()
                .unwrap_or(0);
            widths[c] = least;
            for r in &mut wrapped {
                if let Some(cell) = r.get_mut(c) {
                    *cell = wrap(cell, least);
                }
            }
        }
    }
    let label_width = outer(&mut labels.iter().map(|&c| widths[c]));
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current = labels.clone();
    let mut used = label_width;
    for (c, &w) in widths.iter().enumerate().skip(labels.len()) {
        if current.len() > labels.len() && used + w + 3 > limit {
            blocks.push(std::mem::replace(&mut current, labels.clone()));
            used = label_width;
        }
        current.push(c);
        used += w + 3;
    }
    blocks.push(current);
    blocks
        .iter()
        .map(|b| draw(t, &head, &wrapped, b, &numeric, style))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A table of words only, wider than `limit`: each column wrapped at spaces, the room shared
/// by how much each needs beyond its longest word.
fn words_only(
    t: &Table<Figure>,
    head: &[String],
    rows: &[Vec<String>],
    numeric: &[bool],
    limit: usize,
    style: TableStyle,
) -> String {
    let cols = head.len();
    let longest = |s: &str| {
        s.split([' ', '\n'])
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let width = |s: &str| s.chars().count();
    let mut least: Vec<usize> = head.iter().map(|h| width(h)).collect();
    let mut natural = least.clone();
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(cols) {
            least[c] = least[c].max(longest(cell));
            natural[c] = natural[c].max(width(cell));
        }
    }
    let room = limit.saturating_sub(3 * cols + 1);
    let min: usize = least.iter().sum();
    let loss: usize = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
    let widths: Vec<usize> = natural
        .iter()
        .zip(&least)
        .map(|(n, l)| l + room.saturating_sub(min) * (n - l) / loss.max(1))
        .collect();
    let wrapped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(c, cell)| wrap(cell, widths.get(c).copied().unwrap_or(usize::MAX)))
                .collect()
        })
        .collect();
    draw(
        t,
        head,
        &wrapped,
        &(0..cols).collect::<Vec<_>>(),
        numeric,
        style,
    )
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word stays
/// whole on a line of its own).
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}

/// The columns `cols` of a table, as comfy-table draws them on one line each (cells already
/// wrapped where they should be).
fn draw(
    t: &Table<Figure>,
    head: &[String],
    rows: &[Vec<String>],
    cols: &[usize],
    numeric: &[bool],
    style: TableStyle,
) -> String {
    let mut out = comfy_table::Table::new();
    out.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    if style.color {
        out.enforce_styling();
    } else {
        out.force_no_tty();
    }
    out.set_content_arrangement(ContentArrangement::Disabled);
    // Number columns are right-aligned, heads included.
    out.set_header(cols.iter().map(|&c| {
        let cell = comfy_table::Cell::new(&head[c]);
        if numeric[c] {
            cell.set_alignment(CellAlignment::Right)
        } else {
            cell
        }
    }));
    for (row, texts) in t.rows.iter().zip(rows) {
        out.add_row(cols.iter().map(|&c| {
            let text = texts.get(c).map(String::as_str).unwrap_or("");
            let mut cell = comfy_table::Cell::new(text);
            if row.cells.get(c).is_some_and(Cell::is_figure) {
                cell = cell.set_alignment(CellAlignment::Right);
            }
            if row.total && style.color {
                cell = cell.add_attribute(Attribute::Bold);
            }
            cell
        }));
    }
    out.to_string()
}
