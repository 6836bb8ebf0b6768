//! Markdown: GitHub tables, for meeting papers and wikis.

use super::table::cell_text;
use crate::i18n::{Lang, View, term};
use crate::report::text::Term;
use crate::report::{Block, Figure, Shown, Table};

/// The Markdown exporter.
pub struct Markdown {
    pub lang: Lang,
}

impl super::Exporter for Markdown {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = super::names::named(shown, self.lang, true);
        Ok(render(&shown, super::view(&shown, self.lang)).into_bytes())
    }
}

pub fn render(shown: &Shown, view: View) -> String {
    let page = &shown.page;
    let mut out = String::new();
    if let Some(title) = &page.title {
        out.push_str(&format!("# {}\n\n", escape(&view.text(title))));
    }
    for line in &page.lines {
        out.push_str(&escape(&view.text(line)));
        out.push_str("  \n");
    }
    let paragraph = |out: &mut String, text: String| {
        out.push_str(&escape(&text));
        out.push('\n');
    };
    for block in &page.blocks {
        out.push('\n');
        match block {
            Block::Table(t) => {
                out.push_str(&format!("## {}\n\n", escape(&view.text(&t.title))));
                out.push_str(&table(t, view));
                if t.rounding_note {
                    out.push('\n');
                    paragraph(&mut out, term(Term::RoundingNote, view.lang).to_string());
                }
            }
            Block::Sentence(s) => paragraph(&mut out, view.sentence(s)),
            Block::Lines(lines) => {
                for s in lines {
                    out.push_str(&escape(&view.sentence(s)));
                    out.push_str("  \n");
                }
            }
            Block::Text(t) => paragraph(&mut out, view.text(t)),
            Block::Bars(b) => {
                out.push_str(&format!("## {}\n\n", escape(&view.text(&b.title))));
                out.push_str("```text\n");
                out.push_str(&super::table::text_bars(b, view));
                out.push_str("```\n");
            }
        }
    }
    if !page.notes.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            term(Term::NotesAndSources, view.lang)
        ));
        for (i, note) in page.notes.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, escape(&view.text(note))));
        }
    }
    out
}

fn table(t: &Table<Figure>, view: View) -> String {
    let numeric = t.numeric_columns();
    let mut out = String::new();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        t.head.iter().map(|h| escape(&view.text(h))).collect(),
    ));
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
                    let text = escape(&cell_text(c, view));
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
