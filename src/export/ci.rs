//! `check` for CI servers: GitHub Actions workflow commands (annotations on the lines of a
//! pull request) and JUnit XML (a test case per scenario, which any CI server reads).

use std::fmt::Write as _;

use crate::i18n::{Lang, View, term};
use crate::report::check::{CheckHead, CheckedHead};
use crate::report::text::{Checked, Sentence, Status, Term};
use crate::report::{Block, Figure, Head, Shown};

/// The head of `check` and each scenario's sentence, in order; an error for other reports.
fn checks(shown: &Shown) -> std::io::Result<(&CheckHead, Vec<&Checked<Figure>>)> {
    let Head::Check(head) = &shown.head else {
        return Err(std::io::Error::other(
            "only check writes CI formats; use --format json",
        ));
    };
    let lines = shown
        .page
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Lines(l) => l.as_slice(),
            _ => &[],
        })
        .filter_map(|s| match s {
            Sentence::Checked(c) => Some(c),
            _ => None,
        })
        .collect();
    Ok((head, lines))
}

/// GitHub Actions workflow commands.
pub struct Github {
    pub lang: Lang,
}

/// A workflow command's message: `%`, CR and LF escaped.
fn message(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,` too.
fn property(s: &str) -> String {
    message(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::kind file=…,line=…,col=…,title=…::message`.
fn command(
    kind: &str,
    c: &CheckedHead,
    place: Option<(usize, usize)>,
    title: &str,
    text: &str,
) -> String {
    command_in(kind, &c.file, place, title, text)
}

/// [`command`] about a place in `file` (a scenario's bookings export, say).
fn command_in(
    kind: &str,
    file: &str,
    place: Option<(usize, usize)>,
    title: &str,
    text: &str,
) -> String {
    let mut props = format!("file={}", property(file));
    if let Some((line, col)) = place {
        let _ = write!(props, ",line={line},col={col}");
    }
    let _ = write!(props, ",title={}", property(title));
    format!("::{kind} {props}::{}\n", message(text))
}

impl super::Exporter for Github {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let (head, lines) = checks(shown)?;
        let view = super::view(shown, self.lang);
        let mut out = String::new();
        for (c, said) in head.scenarios.iter().zip(lines) {
            let place = |e: &crate::report::check::ErrorHead| e.line.zip(e.column);
            for e in &c.errors {
                out.push_str(&command_in(
                    "error",
                    e.file.as_deref().unwrap_or(&c.file),
                    place(e),
                    "klimabudget check",
                    &e.message,
                ));
            }
            for w in &c.warnings {
                out.push_str(&command_in(
                    "warning",
                    w.file.as_deref().unwrap_or(&c.file),
                    place(w),
                    "klimabudget check",
                    &w.message,
                ));
            }
            let short = match &said.status {
                Status::Unbalanced(short) | Status::Invalid { short, .. } => short.as_slice(),
                Status::Balanced => &[],
            };
            let unbalanced = term(Term::Unbalanced, self.lang);
            for (funder, ends) in short {
                out.push_str(&command(
                    "error",
                    c,
                    None,
                    unbalanced,
                    &view.short(funder, ends),
                ));
            }
            for (funder, amount, by) in &said.must_find {
                let text = view.must_find(funder, amount, *by);
                out.push_str(&command("notice", c, None, "klimabudget check", &text));
            }
        }
        for s in shown.page.blocks.iter().flat_map(|b| match b {
            Block::Lines(l) => l.as_slice(),
            _ => &[],
        }) {
            if let Sentence::Summary { .. } = s {
                out.push_str(&view.sentence(s));
                out.push('\n');
            }
        }
        Ok(out.into_bytes())
    }
}

/// JUnit XML.
pub struct Junit {
    pub lang: Lang,
}

/// Text in XML: `&`, `<`, `>`, `"` and `'` escaped; characters XML 1.0 cannot hold dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl super::Exporter for Junit {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let (head, lines) = checks(shown)?;
        let view: View = super::view(shown, self.lang);
        let s = head.summary;
        let tests = s.balanced + s.unbalanced + s.invalid;
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let counts = format!(
            "tests=\"{tests}\" failures=\"{}\" errors=\"{}\"",
            s.unbalanced, s.invalid
        );
        let _ = writeln!(out, "<testsuites name=\"klimabudget check\" {counts}>");
        let _ = writeln!(out, "  <testsuite name=\"klimabudget check\" {counts}>");
        for (c, said) in head.scenarios.iter().zip(lines) {
            let name = c.name.as_deref().unwrap_or(&c.file);
            let _ = write!(
                out,
                "    <testcase classname=\"klimabudget.check\" name=\"{}\" file=\"{}\">",
                xml(name),
                xml(&c.file)
            );
            let line = view.sentence(&Sentence::Checked(said.clone()));
            match c.status {
                "unbalanced" => {
                    let _ = write!(
                        out,
                        "\n      <failure type=\"unbalanced\" message=\"{}\">{}</failure>\n    ",
                        xml(term(Term::Unbalanced, self.lang)),
                        xml(&line)
                    );
                }
                "invalid" => {
                    let body: Vec<String> = c
                        .errors
                        .iter()
                        .map(|e| match (e.line, e.column) {
                            (Some(l), Some(col)) => format!("{}:{l}:{col}: {}", c.file, e.message),
                            _ => format!("{}: {}", c.file, e.message),
                        })
                        .collect();
                    let first = c.errors.first().map_or("", |e| e.message.as_str());
                    let _ = write!(
                        out,
                        "\n      <error type=\"invalid\" message=\"{}\">{}</error>\n    ",
                        xml(first),
                        xml(&body.join("\n"))
                    );
                }
                _ if !said.must_find.is_empty() => {
                    let _ = write!(out, "\n      <system-out>{}</system-out>\n    ", xml(&line));
                }
                _ => {}
            }
            out.push_str("</testcase>\n");
        }
        out.push_str("  </testsuite>\n</testsuites>\n");
        Ok(out.into_bytes())
    }
}
