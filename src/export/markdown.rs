//! Markdown: GitHub tables, for meeting papers and wikis.

use crate::report::document::{Block, Document, Table};

pub fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", escape(&doc.title));
    for line in &doc.lines {
        out.push_str(&escape(line));
        out.push_str("  \n");
    }
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Table(t) => {
                out.push_str(&format!("## {}\n\n", escape(&t.title)));
                out.push_str(&table(t, doc));
            }
            Block::Paragraph(p) => {
                out.push_str(&escape(p));
                out.push('\n');
            }
        }
    }
    if !doc.notes.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            doc.view.lang.tr("Notes and sources", "Noter og kilder")
        ));
        for (i, note) in doc.notes.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, escape(note)));
        }
    }
    out
}

fn table(t: &Table, doc: &Document) -> String {
    let numeric = t.numeric_columns();
    let mut out = String::new();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(t.head.iter().map(|h| escape(h)).collect()));
    out.push_str(&line(
        numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" }.to_string())
            .collect(),
    ));
    for row in &t.rows {
        out.push_str(&line(
            row.cells
                .iter()
                .map(|c| {
                    let text = escape(&c.show(t.view(doc.view)));
                    if row.total && !text.is_empty() {
                        format!("**{text}**")
                    } else {
                        text
                    }
                })
                .collect(),
        ));
    }
    out
}

/// Text that Markdown shows as written: table pipes and emphasis escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '\\' | '[' | ']' | '<' | '>' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
