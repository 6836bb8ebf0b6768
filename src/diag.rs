//! Diagnostics about input: where in which file, what is wrong, and what to do about it.
//!
//! A [`Diagnostic`] points at byte ranges of source files held in [`Sources`]; rendering
//! turns it into the `file:line:column`, the source line and a marker under the value, the way
//! a compiler does.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

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
}

impl Sources {
    pub fn add(&mut self, path: &Path, text: String) -> FileId {
        self.files.push(SourceFile {
            path: path.to_path_buf(),
            text: Arc::new(text),
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

    pub fn text(&self, file: FileId) -> &str {
        &self.files[file.0 as usize].text
    }

    /// The text of a file, to keep while more files are added.
    pub fn shared(&self, file: FileId) -> Arc<String> {
        Arc::clone(&self.files[file.0 as usize].text)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, file: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(file);
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
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
    pub text: String,
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the problem is in (also when there is no place in it, e.g. it cannot be read).
    pub file: PathBuf,
    /// One line: what is wrong.
    pub message: String,
    /// Where, with a short label under the value.
    pub primary: Option<Label>,
    /// Other places that explain it (e.g. the first of two duplicate ids).
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn warning(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            text: label.into(),
        });
        self
    }

    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            text: label.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
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

    /// `file:line:column: message` on one line (no source excerpt).
    pub fn one_line(&self, sources: &Sources) -> String {
        match self.line_column(sources) {
            Some((line, column)) => {
                format!("{}:{line}:{column}: {}", self.file.display(), self.message)
            }
            _ => format!("{}: {}", self.file.display(), self.message),
        }
    }

    /// The full diagnostic: header, place, source line with a marker, help.
    pub fn render(&self, sources: &Sources, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let Some(primary) = &self.primary else {
            // No place in a file (it could not be read, say): name the file in the title.
            let (word, paint) = match self.severity {
                Severity::Error => ("error", "\x1b[1;91m"),
                Severity::Warning => ("warning", "\x1b[1;33m"),
            };
            // About the command line rather than a file: no file to name.
            let title = if self.file.as_os_str().is_empty() {
                self.message.clone()
            } else {
                format!("{}: {}", self.file.display(), self.message)
            };
            let mut out = if color {
                format!("{paint}{word}\x1b[0m\x1b[1m: {title}\x1b[0m")
            } else {
                format!("{word}: {title}")
            };
            if let Some(help) = &self.help {
                out.push_str(&format!("\n  = help: {help}"));
            }
            return out;
        };
        let file = primary.span.file;
        let path = sources.path(file).display().to_string();
        let mut snippet = Snippet::source(sources.text(file)).path(path).annotation(
            AnnotationKind::Primary
                .span(primary.span.range())
                .label(primary.text.as_str()),
        );
        for extra in self.secondary.iter().filter(|l| l.span.file == file) {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(extra.span.range())
                    .label(extra.text.as_str()),
            );
        }
        let mut group = level.primary_title(self.message.as_str()).element(snippet);
        for extra in self.secondary.iter().filter(|l| l.span.file != file) {
            let path = sources.path(extra.span.file).display().to_string();
            group = group.element(
                Snippet::source(sources.text(extra.span.file))
                    .path(path)
                    .annotation(
                        AnnotationKind::Context
                            .span(extra.span.range())
                            .label(extra.text.as_str()),
                    ),
            );
        }
        let mut report = vec![group];
        if let Some(help) = &self.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
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

impl Diagnostics {
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.render(&self.sources, color));
            out.push_str("\n\n");
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
                d.message
                    .push_str(" (a warning, denied by --deny-warnings)");
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
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}
