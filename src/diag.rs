//! Diagnostics about input: where in which file, what is wrong, and what to do about it.
//!
//! A [`Diagnostic`] points at byte ranges of source files held in [`Sources`]; rendering
//! turns it into the `file:line:column`, the source line and a marker under the value, the way
//! a compiler does.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::msg::{Count, Lang, Msg};

/// Which loaded file a span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file (files are at most 100 MiB, so 32 bits hold any offset:
/// a large scenario's tree holds millions of spans).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Span {
        let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Span {
            file,
            start: at(range.start),
            end: at(range.end),
        }
    }

    pub fn range(&self) -> Range<usize> {
        // u32 to usize never truncates on the platforms Rust supports here.
        self.start as usize..self.end as usize
    }
}

/// The text of every file that was read, so diagnostics can show it.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

#[derive(Debug, Clone)]
struct SourceFile {
    path: PathBuf,
    /// A `String` kept as read: an `Arc<str>` would copy it (12 MB for a large scenario).
    text: Arc<String>,
    /// The byte offset of the start of each line, made the first time a place in the file is
    /// shown and shared by every copy, so that each diagnostic costs the lines it shows, not
    /// the whole file.
    lines: Arc<OnceLock<Vec<u32>>>,
}

impl SourceFile {
    fn line_starts(&self) -> &[u32] {
        self.lines.get_or_init(|| {
            let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|(_, b)| *b == b'\n')
                        .map(|(i, _)| at(i + 1)),
                )
                .collect()
        })
    }

    /// The 0-based line holding byte `offset`, and where that line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts();
        let line = starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1);
        (line, starts.get(line).map_or(0, |&s| s as usize))
    }

    /// Where the 0-based line `line` ends, its newline included.
    fn line_end(&self, line: usize) -> usize {
        self.line_starts()
            .get(line + 1)
            .map_or(self.text.len(), |&s| s as usize)
    }
}

impl Sources {
    pub fn add(&mut self, path: &Path, text: String) -> FileId {
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            text: Arc::new(text),
            lines: Arc::new(OnceLock::new()),
        });
        FileId(self.files.len() as u32 - 1)
    }

    /// Takes over the files of `other`; returns what to add to its file ids
    /// ([`Diagnostic::shifted`]).
    pub fn append(&mut self, other: Sources) -> u32 {
        let offset = self.files.len() as u32;
        self.files.extend(other.files);
        offset
    }

    pub fn path(&self, file: FileId) -> &Path {
        &self.files[file.0 as usize].path
    }

    /// Every file's path, by [`FileId`].
    pub fn paths(&self) -> Vec<std::path::PathBuf> {
        self.files.iter().map(|f| f.path.clone()).collect()
    }

    pub fn text(&self, file: FileId) -> &str {
        &self.files[file.0 as usize].text
    }

    /// The text of a file, to keep while more files are added.
    pub fn shared(&self, file: FileId) -> Arc<String> {
        Arc::clone(&self.files[file.0 as usize].text)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, file: FileId, offset: usize) -> (usize, usize) {
        let source = &self.files[file.0 as usize];
        let text = source.text.as_str();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (line, line_start) = source.line_of(offset);
        let column = text[line_start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The whole lines of `file` that hold the byte ranges `ranges`: their byte range and the
    /// 1-based number of the first.
    fn excerpt<'r>(
        &self,
        file: FileId,
        ranges: impl IntoIterator<Item = &'r Range<usize>>,
    ) -> (Range<usize>, usize) {
        let source = &self.files[file.0 as usize];
        let text = source.text.as_str();
        let (mut lo, mut hi) = (usize::MAX, 0);
        for r in ranges {
            lo = lo.min(r.start);
            hi = hi.max(r.end.max(r.start + 1));
        }
        let lo = floor_char_boundary(text, lo.min(text.len()));
        let hi = hi.min(text.len()).max(lo);
        let (first, start) = source.line_of(lo);
        let (last, _) = source.line_of(hi.saturating_sub(1).max(lo));
        (start..source.line_end(last), first + 1)
    }

    /// The lines around `labels` (all in `file`) as a snippet to annotate, each label's span
    /// moved into it.
    fn snippet<'a>(
        &'a self,
        file: FileId,
        labels: &[(&'a Label, AnnotationKind, &'a str)],
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let ranges: Vec<Range<usize>> = labels.iter().map(|(l, _, _)| l.span.range()).collect();
        let (window, first_line) = self.excerpt(file, &ranges);
        let text = &self.text(file)[window.clone()];
        let mut snippet = Snippet::source(text)
            .line_start(first_line)
            .path(self.path(file).display().to_string());
        for ((_, kind, label), range) in labels.iter().zip(ranges) {
            // On character boundaries whatever the span says: a slice inside a character
            // would panic.
            let start = floor_char_boundary(
                text,
                range.start.clamp(window.start, window.end) - window.start,
            );
            let end = ceil_char_boundary(
                text,
                range.end.clamp(window.start, window.end) - window.start,
            );
            snippet = snippet.annotation((*kind).span(start..end).label(*label));
        }
        snippet
    }
}

/// A place more lines than this from the primary one is shown in an excerpt of its own, so an
/// excerpt never holds many lines between its places.
const NEAR_LINES: usize = 100;

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(text.len())
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A labelled place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: Msg,
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the problem is in (also when there is no place in it, e.g. it cannot be read).
    pub file: PathBuf,
    /// One line: what is wrong.
    pub message: Msg,
    /// Where, with a short label under the value.
    pub primary: Option<Label>,
    /// Other places that explain it (e.g. the first of two duplicate ids).
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: Option<Msg>,
}

impl Diagnostic {
    pub fn error(file: &Path, message: impl Into<Msg>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn warning(file: &Path, message: impl Into<Msg>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, span: Span, label: impl Into<Msg>) -> Self {
        self.primary = Some(Label {
            span,
            text: label.into(),
        });
        self
    }

    pub fn also(mut self, span: Span, label: impl Into<Msg>) -> Self {
        self.secondary.push(Label {
            span,
            text: label.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic with its file ids moved by `offset` ([`Sources::append`]).
    pub fn shifted(mut self, offset: u32) -> Self {
        for label in self.primary.iter_mut().chain(self.secondary.iter_mut()) {
            label.span.file.0 += offset;
        }
        self
    }

    /// 1-based line and column of the primary place, if there is one.
    pub fn line_column(&self, sources: &Sources) -> Option<(usize, usize)> {
        let label = self.primary.as_ref()?;
        Some(sources.line_column(label.span.file, label.span.range().start))
    }

    /// `file:line:column: message` on one line (no source excerpt), in `lang`.
    pub fn one_line(&self, sources: &Sources, lang: Lang) -> String {
        let message = self.message.render(lang);
        match self.line_column(sources) {
            Some((line, column)) => {
                format!("{}:{line}:{column}: {message}", self.file.display())
            }
            _ => format!("{}: {message}", self.file.display()),
        }
    }

    /// The full diagnostic in `lang`: header, place, source line with a marker, help.
    pub fn render(&self, sources: &Sources, color: bool, lang: Lang) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let (error, warning, help_word) = match lang {
            Lang::En => ("error", "warning", "help"),
            Lang::Da => ("fejl", "advarsel", "hjælp"),
        };
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(error),
            Severity::Warning => Level::WARNING.with_name(warning),
        };
        let message = self.message.render(lang);
        let help = self.help.as_ref().map(|h| h.render(lang));
        let Some(primary) = &self.primary else {
            // No place in a file (it could not be read, say): name the file in the title.
            let (word, paint) = match self.severity {
                Severity::Error => (error, "\x1b[1;91m"),
                Severity::Warning => (warning, "\x1b[1;33m"),
            };
            // About the command line rather than a file: no file to name.
            let title = if self.file.as_os_str().is_empty() {
                message
            } else {
                format!("{}: {message}", self.file.display())
            };
            let mut out = if color {
                format!("{paint}{word}\x1b[0m\x1b[1m: {title}\x1b[0m")
            } else {
                format!("{word}: {title}")
            };
            if let Some(help) = &help {
                out.push_str(&format!("\n  = {help_word}: {help}"));
            }
            return out;
        };
        // Each excerpt is cut to the lines of its places: rendering against the whole file
        // made every diagnostic cost the file's length.
        let file = primary.span.file;
        let line = |l: &Label| sources.line_column(l.span.file, l.span.range().start).0;
        let at = line(primary);
        let near = |l: &&Label| l.span.file == file && line(l).abs_diff(at) <= NEAR_LINES;
        let texts: Vec<String> = std::iter::once(primary)
            .chain(&self.secondary)
            .map(|l| l.text.render(lang))
            .collect();
        let text = |i: usize| texts[i].as_str();
        let mut labels = vec![(primary, AnnotationKind::Primary, text(0))];
        labels.extend(
            self.secondary
                .iter()
                .enumerate()
                .filter(|(_, l)| near(l))
                .map(|(i, l)| (l, AnnotationKind::Context, text(i + 1))),
        );
        let mut group = level
            .primary_title(message.as_str())
            .element(sources.snippet(file, &labels));
        for (i, extra) in self.secondary.iter().enumerate().filter(|(_, l)| !near(l)) {
            group = group.element(sources.snippet(
                extra.span.file,
                &[(extra, AnnotationKind::Context, text(i + 1))],
            ));
        }
        let mut report = vec![group];
        if let Some(help) = &help {
            report.push(Group::with_title(
                Level::HELP
                    .with_name(help_word)
                    .secondary_title(help.as_str()),
            ));
        }
        renderer.render(&report)
    }
}

/// Diagnostics with the sources they point into.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub sources: Sources,
    pub items: Vec<Diagnostic>,
}

/// One diagnostic that points into no source (a file that cannot be read, a usage error).
impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics {
            sources: Sources::default(),
            items: vec![d],
        }
    }
}

/// How many errors, and how many warnings, are printed in full by default; the rest are
/// counted.
pub const MAX_SHOWN: usize = 200;

/// How many are printed in full in this process (`--max-errors`; 0 for all).
static SHOWN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(MAX_SHOWN);

/// Sets how many errors, and how many warnings, [`Diagnostics::render`] prints in full from
/// now on in this process; 0 prints all (the binary's `--max-errors`).
pub fn set_max_shown(n: usize) {
    SHOWN.store(n, std::sync::atomic::Ordering::Relaxed);
}

impl Diagnostics {
    /// Every diagnostic in full in `lang`, up to [`MAX_SHOWN`] errors and as many warnings (or
    /// what [`set_max_shown`] says); then how many more there are.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        let shown = match SHOWN.load(std::sync::atomic::Ordering::Relaxed) {
            0 => usize::MAX,
            n => n,
        };
        let mut out = String::new();
        let (mut errors, mut warnings) = (0usize, 0usize);
        for d in &self.items {
            let seen = match d.severity {
                Severity::Error => &mut errors,
                Severity::Warning => &mut warnings,
            };
            *seen += 1;
            if *seen > shown {
                continue;
            }
            out.push_str(&d.render(&self.sources, color, lang));
            out.push_str("\n\n");
        }
        for (total, errors) in [(errors, true), (warnings, false)] {
            if total > shown {
                let (n, shown, total) = (Count(total - shown), Count(shown), Count(total));
                let more = match (errors, n.0 == 1) {
                    (true, true) => Msg::MoreError { shown, total },
                    (true, false) => Msg::MoreErrors { n, shown, total },
                    (false, true) => Msg::MoreWarning { shown, total },
                    (false, false) => Msg::MoreWarnings { n, shown, total },
                };
                out.push_str(&more.render(lang));
                out.push_str("\n\n");
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    /// Takes over the diagnostics of `other`, with the files they point into.
    pub fn merge(&mut self, other: Diagnostics) {
        let offset = self.sources.append(other.sources);
        self.items
            .extend(other.items.into_iter().map(|d| d.shifted(offset)));
    }

    /// Warnings made errors, as `--deny-warnings` asks.
    pub fn denied(mut self) -> Self {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
                let message = std::mem::replace(&mut d.message, Msg::Text(String::new()));
                d.message = Msg::Denied {
                    message: message.boxed(),
                };
            }
        }
        self
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false, Lang::En))
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_shown_with_its_own_lines_only() {
        // Issue 11, finding 6: each diagnostic was rendered against the whole file (10,000
        // errors took 20 s); the excerpt is now the lines of its places, found by a line index.
        let mut sources = Sources::default();
        let text: String = (1..=100_000).map(|i| format!("line{i} = {i}\n")).collect();
        let file = sources.add(Path::new("big.toml"), text.clone());
        let at = text.find("line77777 =").unwrap();
        let (window, first) = sources.excerpt(file, std::slice::from_ref(&(at + 12..at + 17)));
        assert_eq!(&text[window], "line77777 = 77777\n");
        assert_eq!(first, 77_777);
        assert_eq!(sources.line_column(file, at + 12), (77_777, 13));
        // Two places: the lines from the first to the last.
        let other = text.find("line77779 =").unwrap();
        let (window, first) = sources.excerpt(file, &[other..other + 3, at..at + 1]);
        assert_eq!(
            &text[window],
            "line77777 = 77777\nline77778 = 77778\nline77779 = 77779\n"
        );
        assert_eq!(first, 77_777);
        // The last line, and an empty span at the end, after the last newline.
        let last = text.len() - "line100000 = 100000\n".len();
        let (window, first) = sources.excerpt(file, std::slice::from_ref(&(last..last + 4)));
        assert_eq!((&text[window], first), ("line100000 = 100000\n", 100_000));
        let (window, first) =
            sources.excerpt(file, std::slice::from_ref(&(text.len()..text.len())));
        assert_eq!((&text[window], first), ("", 100_001));
        let d = Diagnostic::error(Path::new("big.toml"), "bad")
            .at(Span::new(file, at + 12..at + 17), "here")
            .also(Span::new(file, 0..5), "far away");
        assert_eq!(
            d.render(&sources, false, Lang::En),
            "error: bad\n     --> big.toml:77777:13\n      |\n77777 | line77777 = 77777\n      |             ^^^^^ here\n      |\n     ::: big.toml:1:1\n      |\n    1 | line1 = 1\n      | ----- far away"
        );
    }

    #[test]
    fn after_200_errors_and_200_warnings_the_rest_are_counted() {
        // Issue 11, finding 6: every one of 20,000 diagnostics was printed.
        let mut sources = Sources::default();
        let file = sources.add(Path::new("x.toml"), "a = 1\n".repeat(1000));
        let mut items = Vec::new();
        for i in 0..1000 {
            let span = Span::new(file, i * 6..i * 6 + 1);
            items.push(
                Diagnostic::error(Path::new("x.toml"), format!("e{i}")).at(span.clone(), "e"),
            );
            if i < 201 {
                items.push(Diagnostic::warning(Path::new("x.toml"), format!("w{i}")).at(span, "w"));
            }
        }
        let out = Diagnostics { sources, items }.render(false, Lang::En);
        assert_eq!(out.matches("\nerror: ").count() + 1, 200);
        assert_eq!(out.matches("warning: ").count(), 200);
        assert!(out.contains("error: e199\n") && !out.contains("error: e200\n"));
        assert!(out.ends_with(
            "… and 800 more errors (200 shown of 1,000; --max-errors changes how many)\n\n… and 1 more warning (200 shown of 201; --max-errors changes how many)"
        ), "{}", &out[out.len() - 200..]);
    }
}
