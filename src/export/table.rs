//! The terminal: a shown report's page as text tables (comfy-table), fitted to the terminal
//! width, and its sentences as lines.

use comfy_table::{Attribute, CellAlignment, ContentArrangement, presets};

use crate::i18n::{Lang, View, term};
use crate::report::text::Term;
use crate::report::{Block, Cell, Figure, Shown, Table};

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
        Ok(render(shown, super::view(shown, self.lang), self.style).into_bytes())
    }
}

pub fn render(shown: &Shown, view: View, style: TableStyle) -> String {
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
        }
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
    let mut out = comfy_table::Table::new();
    out.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    if style.color {
        out.enforce_styling();
    } else {
        out.force_no_tty();
    }
    out.set_content_arrangement(if style.fit {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    // Number columns are right-aligned, heads included.
    let numeric = t.numeric_columns();
    out.set_header(t.head.iter().zip(&numeric).map(|(h, &num)| {
        let cell = comfy_table::Cell::new(view.text(h));
        if num {
            cell.set_alignment(CellAlignment::Right)
        } else {
            cell
        }
    }));
    for row in &t.rows {
        out.add_row(row.cells.iter().map(|c| {
            let mut cell = comfy_table::Cell::new(cell_text(c, view));
            if c.is_figure() {
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
