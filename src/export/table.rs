//! The terminal: a [`Document`] as text tables (comfy-table), fitted to the terminal width.

use comfy_table::{Attribute, CellAlignment, ContentArrangement, presets};

use crate::report::document::{Block, Document, Table};

/// How the terminal output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableStyle {
    /// Bold totals and titles (only when writing to a terminal that wants colour).
    pub color: bool,
    /// Fit tables to the terminal's width (when writing to one); otherwise they are as wide
    /// as they need.
    pub fit: bool,
}

pub fn render(doc: &Document, style: TableStyle) -> String {
    let mut out = String::new();
    let bold = |s: &str| {
        if style.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    out.push_str(&bold(&doc.title));
    out.push('\n');
    for line in &doc.lines {
        out.push_str(line);
        out.push('\n');
    }
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Table(t) => {
                out.push_str(&bold(&t.title));
                out.push('\n');
                out.push_str(&table(t, doc, style));
                out.push('\n');
            }
            Block::Paragraph(p) => {
                out.push_str(p);
                out.push('\n');
            }
        }
    }
    out
}

fn table(t: &Table, doc: &Document, style: TableStyle) -> String {
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
        let cell = comfy_table::Cell::new(h);
        if num {
            cell.set_alignment(CellAlignment::Right)
        } else {
            cell
        }
    }));
    for row in &t.rows {
        out.add_row(row.cells.iter().map(|c| {
            let mut cell = comfy_table::Cell::new(c.show(t.view(doc.view)));
            if c.is_number() {
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
