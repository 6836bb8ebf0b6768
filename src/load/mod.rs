//! Loading a scenario file: read, parse, check every rule, and build the [`Scenario`].
//!
//! Every problem found is reported, not only the first, each with its place in the file. A file
//! with any error yields no scenario at all, so no table is ever printed from bad input.

mod access;
mod assumptions;
pub mod fields;
mod files;
mod indexation;
mod keys;
mod notation;
pub mod prepare;
pub mod schema;
pub mod tree;
pub mod values;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use self::access::Access;
pub use self::files::normalize;
pub use self::prepare::{Override, Prepared};

use jiff::civil::Date;
use num_rational::Ratio;

use self::fields::Field;
use self::tree::{Entry, Node, Table, Value};
use crate::diag::{Diagnostic, Diagnostics, Sources, Span};
use crate::model::{
    Cost, DateRange, Defaults, Flow, Fte, Funder, Funding, PaidBy, Post, Scenario, Share,
};
use crate::msg::{Count, Day, Days, Kr, List, Msg, Num, Ordinal, Parser};
use crate::num::Rational;

/// The range of `annual_cost_per_fte` outside which a warning asks to check the figure.
const USUAL_COST_PER_FTE: (i64, i64) = (100_000, 3_000_000);

/// The largest scenario file read: 100 MiB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// A valid scenario, with the warnings its file gave and the text they point into.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    pub warnings: Diagnostics,
    /// Every file read to make it: the scenario, the files it extends, the key files.
    files: Vec<PathBuf>,
    /// The `[actuals]` table as written, with its places: checked and read by
    /// `crate::actuals` (only `status` and `check` use it). *Default:* none.
    pub actuals: Option<tree::Entry>,
}

impl Loaded {
    /// Every file read to make the scenario: the scenario itself, the files it `extends`
    /// (directly or through others) and the key files named; no output may replace one.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }
}

/// Reads and checks the scenario at `path`.
pub fn load_file(path: &Path) -> Result<Loaded, Diagnostics> {
    Prepared::open(path)?.into_loaded(&[])
}

/// Checks the scenario in `bytes`, reported as coming from `path`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<Loaded, Diagnostics> {
    match text_of(bytes) {
        Ok(text) => load_str(path, text),
        Err((message, help)) => Err(Diagnostic::error(path, message).help(help).into()),
    }
}

/// Why a file cannot be read as text, and what to do.
type Unreadable = (Box<Msg>, Box<Msg>);

fn unreadable(why: Msg, help: Msg) -> Unreadable {
    (why.boxed(), help.boxed())
}

/// Why [`read_regular`] read no file.
pub(crate) enum NotRead {
    /// It could not be looked at (it does not exist, or a directory on the way may not be
    /// read).
    Stat(std::io::Error),
    /// It could not be opened or read.
    Read(std::io::Error),
    Directory,
    /// A device, FIFO or socket: what kind ([`special_kind`]).
    Special(Box<Msg>),
    /// Over the limit: its length in bytes, as far as it was read.
    TooLarge(u64),
}

/// The bytes of a regular file (not a directory, device, pipe or socket) of at most `max`
/// bytes, whatever its metadata says: `/dev/zero` would be read for ever, a FIFO waits until
/// someone writes, and files in /proc say they hold 0 bytes. The scenario and key files, the
/// bookings export and the logo are all read by it.
pub(crate) fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, NotRead> {
    use std::io::Read;
    let regular = |meta: &std::fs::Metadata| {
        if meta.is_file() {
            Ok(())
        } else if meta.is_dir() {
            Err(NotRead::Directory)
        } else {
            Err(NotRead::Special(special_kind(meta).boxed()))
        }
    };
    let meta = std::fs::metadata(path).map_err(NotRead::Stat)?;
    // Checked before opening: opening a FIFO waits for a writer, perhaps for ever.
    regular(&meta)?;
    if meta.len() > max {
        return Err(NotRead::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(NotRead::Read)?;
    // What was opened may not be what was looked at (the path changed in between).
    regular(&file.metadata().map_err(NotRead::Read)?)?;
    // Read at most one byte more than the limit, whatever the metadata says.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(NotRead::Read)?;
    if bytes.len() as u64 > max {
        return Err(NotRead::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The text of a scenario or key file: a regular file of at most 100 MiB ([`read_regular`]),
/// UTF-8.
fn read_text(path: &Path) -> Result<String, Unreadable> {
    let cannot = |e: std::io::Error, help: Msg| {
        unreadable(
            Msg::CannotRead {
                reason: io_reason(&e).boxed(),
            },
            help,
        )
    };
    let bytes = read_regular(path, MAX_FILE_BYTES).map_err(|why| match why {
        NotRead::Stat(e) => cannot(e, Msg::HelpCheckPath),
        NotRead::Read(e) => cannot(e, Msg::HelpMayRead),
        NotRead::Directory => unreadable(Msg::IsDirectory, Msg::HelpIsDirectory),
        NotRead::Special(kind) => {
            unreadable(Msg::NotRegular { kind: kind.boxed() }, Msg::HelpRegular)
        }
        NotRead::TooLarge(len) => too_large(len),
    })?;
    text_of(bytes)
}

/// What kind of special file `meta` describes, for messages.
fn special_kind(meta: &std::fs::Metadata) -> Msg {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() {
            return Msg::CharDevice;
        }
        if t.is_block_device() {
            return Msg::BlockDevice;
        }
        if t.is_fifo() {
            return Msg::Fifo;
        }
        if t.is_socket() {
            return Msg::Socket;
        }
    }
    let _ = meta;
    Msg::SpecialFile
}

fn too_large(len: u64) -> Unreadable {
    unreadable(
        Msg::TooLarge {
            mib: Count(usize::try_from(len / (1024 * 1024)).unwrap_or(usize::MAX)),
        },
        Msg::HelpTooLarge,
    )
}

fn text_of(bytes: Vec<u8>) -> Result<String, Unreadable> {
    if bytes.contains(&0) {
        return Err(unreadable(Msg::Binary, Msg::HelpBinary));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        unreadable(Msg::NotUtf8 { line: Count(line) }, Msg::HelpUtf8)
    })
}

/// Checks the scenario in `text`, reported as coming from `path`.
pub fn load_str(path: &Path, text: String) -> Result<Loaded, Diagnostics> {
    Prepared::parse(path, text).into_loaded(&[])
}

/// Adds `text` to `sources` as the file at `path` and parses it: its tree, or a diagnostic
/// for each syntax error.
fn parse_file(
    sources: &mut Sources,
    path: &Path,
    text: String,
) -> Result<(crate::diag::FileId, tree::Node), Vec<Diagnostic>> {
    let file = sources.add(path, text);
    let text = sources.shared(file);
    if let Some(root) = tree::parse_in_pieces(file, &text) {
        return Ok((file, root));
    }
    let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
    if !errors.is_empty() {
        if let Some(d) = lone_carriage_returns(path, &text) {
            return Err(vec![d]);
        }
        return Err(syntax_diagnostics(path, file, &errors, &text));
    }
    Ok((file, tree::from_document(file, doc.get_ref(), doc.span())))
}

/// One error for a file whose lines end in a lone CR (old Mac line endings), which TOML
/// does not allow, instead of one per line; with no excerpt, as the whole file is one line.
fn lone_carriage_returns(path: &Path, text: &str) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let lone = (0..bytes.len())
        .filter(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    (lone >= 2 && lone > newlines).then(|| {
        Diagnostic::error(path, Msg::LoneCr { lines: Count(lone) }).help(Msg::HelpLineEndings)
    })
}

/// [`parse_file`] for a file a scenario names (a key file, a scenario it extends), which may
/// be anything: of its syntax errors only the first is shown, with no more of the file than
/// that one line, so that a file such as `/etc/shadow` is not echoed.
fn parse_named(
    sources: &mut Sources,
    path: &Path,
    text: String,
) -> Result<(crate::diag::FileId, tree::Node), Vec<Diagnostic>> {
    parse_file(sources, path, text).map_err(|errors| {
        let more = errors.len().saturating_sub(1);
        let Some(mut first) = errors.into_iter().next() else {
            return Vec::new();
        };
        first.secondary.clear();
        if let Some(label) = &mut first.primary {
            let text = sources.text(label.span.file);
            let range = label.span.range();
            let start = range.start.min(text.len());
            let line_end = text[start..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| start + i);
            label.span = Span::new(label.span.file, start..range.end.clamp(start, line_end));
        }
        if more > 0 {
            let message = std::mem::replace(&mut first.message, Msg::Text(String::new()));
            first.message = Msg::NotEchoed {
                message: message.boxed(),
                more: Count(more),
            };
        }
        vec![first]
    })
}

/// Diagnostics for the syntax errors of one file.
fn syntax_diagnostics(
    path: &Path,
    file: crate::diag::FileId,
    errors: &[toml::de::Error],
    text: &str,
) -> Vec<Diagnostic> {
    let mut loader = Loader {
        path: path.to_path_buf(),
        file,
        sources: Sources::default(),
        read: Vec::new(),
        keys_incomplete: false,
        key_files: &HashMap::new(),
        removed: &HashMap::new(),
        unknown: Vec::new(),
        no_funders: None,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    loader.syntax_errors(errors, text);
    loader.errors
}

/// Why a file cannot be read, in words: the common reasons by id, others as the system says.
pub(crate) fn io_reason(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::NoSuchFile,
        std::io::ErrorKind::PermissionDenied => Msg::PermissionDenied,
        _ => Msg::Io {
            reason: e.to_string(),
        },
    }
}

/// The kinds of entry, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Funding,
    Posts,
    Costs,
}

impl Section {
    fn key(self) -> &'static str {
        match self {
            Section::Funding => "funding",
            Section::Posts => "posts",
            Section::Costs => "costs",
        }
    }

    /// Who a message is about: `post `regional-post``.
    fn owner(self, id: &str) -> Msg {
        let id = id.to_string();
        match self {
            Section::Funding => Msg::OwnerFunding { id },
            Section::Posts => Msg::OwnerPost { id },
            Section::Costs => Msg::OwnerCost { id },
        }
    }
}

/// `from` and `to` as written (each optional), and the entry they belong to.
struct RawDates {
    from: Option<(Date, Span)>,
    to: Option<(Date, Span)>,
    /// The entry's table, for errors about the whole entry.
    span: Span,
}

/// A flow as read, before it is placed in the window.
enum RawFlow {
    Annual {
        annual: crate::model::Money,
        dates: RawDates,
    },
    OneOff {
        amount: crate::model::Money,
        date: (Date, Span),
    },
}

/// Below this many entries a list is read on one thread.
const PARALLEL_ENTRIES: usize = 4096;

struct Loader<'p> {
    /// Key files read ahead by [`Prepared`].
    key_files: &'p HashMap<PathBuf, files::KeyFile>,
    /// Funders a variant removes, by id, with where `remove` names them.
    removed: &'p HashMap<String, Span>,
    /// The file being read now (the scenario, or a key file it names).
    path: PathBuf,
    file: crate::diag::FileId,
    /// Every file read so far.
    sources: Sources,
    /// The paths of the files read, for [`Loaded::files`].
    read: Vec<PathBuf>,
    /// A key file could not be read, so keys it would define are not missing for another
    /// reason.
    keys_incomplete: bool,
    /// Funders named but not declared, said once each at the end ([`Loader::unknown_funders`]).
    unknown: Vec<UnknownFunder>,
    /// The scenario has no funders, and why: said once, naming those the entries name.
    no_funders: Option<NoFunders>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Loader<'_> {
    /// The loaded scenario, or every error found; diagnostics in file order.
    fn finish(self, scenario: Option<Scenario>) -> Result<Loaded, Diagnostics> {
        let by_place = |d: &Diagnostic| {
            d.primary
                .as_ref()
                .map(|l| (l.span.file.0, l.span.range().start))
        };
        let mut errors = self.errors;
        errors.sort_by_key(by_place);
        match scenario {
            Some(scenario) if errors.is_empty() => {
                let mut warnings = self.warnings;
                warnings.sort_by_key(by_place);
                Ok(Loaded {
                    scenario,
                    warnings: Diagnostics {
                        sources: self.sources,
                        items: warnings,
                    },
                    files: self.read,
                    actuals: None,
                })
            }
            _ => Err(Diagnostics {
                sources: self.sources,
                items: errors,
            }),
        }
    }

    fn error(&mut self, span: &Span, label: impl Into<Msg>, message: impl Into<Msg>) {
        let d = Diagnostic::error(&self.path, message).at(span.clone(), label);
        self.errors.push(d);
    }

    fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    fn problem(&mut self, span: &Span, owner: &Msg, key: &str, p: values::Problem) {
        let message = Msg::AtKey {
            owner: owner.clone().boxed(),
            key: key.to_string(),
            message: p.message,
        };
        let mut d = Diagnostic::error(&self.path, message).at(span.clone(), *p.label);
        if let Some(help) = p.help {
            d = d.help(help);
        }
        self.errors.push(d);
    }

    fn syntax_errors(&mut self, errors: &[toml::de::Error], text: &str) {
        // Made once for all the errors: looking back through the file for each made 10,000
        // errors take minutes.
        let lines = LineTable::new(text);
        // Lines of table headers that repeat an earlier one: the keys below a repeated header
        // repeat too, and are not worth a message of their own.
        let mut repeated_headers: std::collections::HashSet<usize> =
            std::collections::HashSet::new();
        // Lines with an error already: what follows a slip on the same line is its echo.
        let mut said: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for e in errors {
            let range = e.span().unwrap_or(text.len()..text.len());
            let message = e.message().trim_end().to_string();
            let span = Span::new(self.file, range.clone());
            if message.contains("duplicate key") {
                let line = lines.line_of(range.start);
                if lines.is_header(line) {
                    repeated_headers.insert(line);
                } else if lines.section[line].is_some_and(|h| repeated_headers.contains(&h)) {
                    continue;
                }
                self.duplicate_key(text, span, &lines, line);
                continue;
            }
            let line = lines.line_of(range.start);
            if !said.insert(line) {
                continue;
            }
            if let Some(d) = self.bare_number(&lines, line, range.start) {
                self.push(d);
                continue;
            }
            self.push(
                Diagnostic::error(
                    &self.path,
                    Msg::InvalidToml {
                        reason: Parser(message),
                    },
                )
                .at(span, Msg::LabelHere)
                .help(Msg::HelpToml),
            );
        }
    }

    /// A number written as prose writes it (`annual = 1.500.000`, `annual = 1,5`), which is
    /// not TOML: the error for what it reads as, at the value, instead of the parser's.
    fn bare_number(&self, lines: &LineTable, line: usize, at: usize) -> Option<Diagnostic> {
        let start = lines.starts[line];
        let text = lines.text(line);
        let eq = text.get(..at.checked_sub(start)?)?.rfind('=')?;
        let key = text[..eq]
            .trim_end()
            .rsplit(['.', '{', ',', ' ', '\t'])
            .next()?
            .trim_matches(['"', '\'']);
        let rest = &text[eq + 1..];
        let from = eq + 1 + (rest.len() - rest.trim_start().len());
        // To a comment, the end of an inline table, or a comma that is no decimal comma.
        let bytes = text.as_bytes();
        let mut to = from;
        while to < bytes.len() {
            let after = bytes.get(to + 1).is_some_and(u8::is_ascii_digit);
            if bytes[to] == b'#' || bytes[to] == b'}' || (bytes[to] == b',' && !after) {
                break;
            }
            to += 1;
        }
        let value = text[from..to].trim_end();
        if value.is_empty() || value.starts_with(['"', '\'', '[', '{']) {
            return None;
        }
        let year = key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit());
        let p = match key {
            "annual" | "amount" | "annual_cost_per_fte" => values::misread_bare(value)?,
            "rate" if value.ends_with('%') => indexation::bare_rate(value)?,
            _ if year => indexation::bare_rate(value)?,
            _ => return None,
        };
        let span = Span::new(self.file, start + from..start + from + value.len());
        let message = Msg::BareValue {
            key: key.to_string(),
            message: p.message,
        };
        let mut d = Diagnostic::error(&self.path, message).at(span, *p.label);
        if let Some(help) = p.help {
            d = d.help(*help);
        }
        Some(d)
    }

    /// A key or table written twice: point at both places.
    fn duplicate_key(&mut self, text: &str, span: Span, lines: &LineTable, line: usize) {
        let key = &text[span.range()];
        let trimmed = lines.text(line).trim();
        // The same header on an earlier line, or the same key earlier in the same table.
        let earlier = lines.earlier[line].filter(|&e| {
            let l = lines.text(e);
            lines.is_header(line)
                || l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        let what = if trimmed.starts_with('[') {
            Msg::TableTwice {
                header: trimmed.to_string(),
            }
        } else {
            Msg::KeyTwice {
                key: key.to_string(),
            }
        };
        let mut d = Diagnostic::error(&self.path, what)
            .at(span, Msg::LabelAgainHere)
            .help(Msg::HelpOnce);
        if let Some(e) = earlier {
            let offset = lines.starts[e] + lines.text(e).find(key).unwrap_or(0);
            d = d.also(
                Span::new(self.file, offset..offset + key.len()),
                Msg::LabelFirstHere,
            );
        }
        self.push(d);
    }

    /// The entries of `table` keyed by id whose value is a table: each with the name messages
    /// call it by (`owner` of its id), its unknown keys reported. An entry with a bad id or a
    /// value that is not a table is reported instead, with `help` (given the entry's name and
    /// id) saying what to write.
    fn tables_by_id<'t>(
        &mut self,
        table: &'t Table,
        fields: &[Field],
        owner: impl Fn(&str) -> Msg,
        help: impl Fn(&Msg, &str) -> Msg,
    ) -> Vec<(&'t Entry, &'t Table, Msg)> {
        let mut out = Vec::new();
        for e in &table.entries {
            let who = owner(&e.key);
            if let Err(p) = values::id(&e.key) {
                self.problem(&e.key_span, &who, "id", p);
                continue;
            }
            let Value::Table(t) = &e.node.value else {
                self.error(
                    &e.node.span,
                    values::this_is(&e.node.value),
                    help(&who, &e.key),
                );
                continue;
            };
            self.unknown_keys(t, fields, &who);
            out.push((e, t, who));
        }
        out
    }

    /// Reports keys of `table` not in `fields`, with the nearest valid key.
    fn unknown_keys(&mut self, table: &Table, fields: &[Field], owner: &Msg) {
        self.unknown_keys_but(table, fields, owner, &[]);
    }

    /// [`Loader::unknown_keys`], leaving out `said`: keys an error has covered already.
    fn unknown_keys_but(&mut self, table: &Table, fields: &[Field], owner: &Msg, said: &[&str]) {
        for entry in &table.entries {
            if fields.iter().any(|f| f.name == entry.key) || said.contains(&entry.key.as_str()) {
                continue;
            }
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            let mut d = Diagnostic::error(
                &self.path,
                Msg::UnknownKey {
                    owner: owner.clone().boxed(),
                    key: entry.key.clone(),
                },
            )
            .at(entry.key_span.clone(), Msg::LabelUnknownKey);
            d = d.help(suggest(&entry.key, &names, || Msg::HelpKeysAllowed {
                keys: List::of(&names),
            }));
            self.push(d);
        }
    }

    /// The entry `key` of a table, or an error that it is missing (with `add key = example`).
    fn required<'t>(
        &mut self,
        table: &'t Table,
        table_span: &Span,
        key: &str,
        owner: &Msg,
        example: &str,
    ) -> Option<&'t Entry> {
        let entry = table.get(key);
        if entry.is_none() {
            let d = Diagnostic::error(
                &self.path,
                Msg::KeyMissing {
                    owner: owner.clone().boxed(),
                    key: key.to_string(),
                },
            )
            .at(
                self.header(table_span),
                Msg::LabelNoKeyHere {
                    key: key.to_string(),
                },
            )
            .help(Msg::HelpAddKey {
                key: key.to_string(),
                example: example.to_string(),
            });
            self.push(d);
        }
        entry
    }

    /// The table `key` of the file, or an error that there is none, with `help`.
    fn required_table<'t>(&mut self, top: &'t Table, key: &str, help: Msg) -> Option<&'t Entry> {
        let entry = top.get(key);
        if entry.is_none() {
            // The top level has no header to point at.
            let d = Diagnostic::error(
                &self.path,
                Msg::NoTable {
                    key: key.to_string(),
                },
            )
            .help(help);
            self.push(d);
        }
        entry
    }

    /// [`Loader::read`], with where the value was written.
    fn read_at<T>(
        &mut self,
        entry: &Entry,
        owner: &Msg,
        read: impl FnOnce(&Value) -> Result<T, values::Problem>,
    ) -> Option<(T, Span)> {
        Some((self.read(entry, owner, read)?, entry.node.span.clone()))
    }

    fn read<T>(
        &mut self,
        entry: &Entry,
        owner: &Msg,
        read: impl FnOnce(&Value) -> Result<T, values::Problem>,
    ) -> Option<T> {
        match read(&entry.node.value) {
            Ok(v) => Some(v),
            Err(p) => {
                self.problem(&entry.node.span, owner, &entry.key, p);
                None
            }
        }
    }

    fn optional_text(&mut self, table: &Table, key: &str, owner: &Msg) -> Option<String> {
        let entry = table.get(key)?;
        self.read(entry, owner, values::text)
    }

    /// `[scenario] short_name`: not empty, since a column head must say something.
    fn short_name(&mut self, table: &Table, owner: &Msg) -> Option<String> {
        let entry = table.get("short_name")?;
        let short = self.read(entry, owner, values::text)?;
        if short.trim().is_empty() {
            self.push(
                Diagnostic::error(&self.path, Msg::ShortNameEmpty)
                    .at(entry.node.span.clone(), Msg::LabelEmptyName)
                    .help(Msg::HelpShortName),
            );
            return None;
        }
        Some(short.trim().to_string())
    }

    fn scenario(&mut self, root: &Node) -> Option<Scenario> {
        let Value::Table(top) = &root.value else {
            unreachable!("a TOML document is a table")
        };
        if !self.is_scenario(top) {
            return None;
        }
        let loose = self.loose_scenario_keys(top);
        self.unknown_keys_but(top, fields::TOP, &Msg::OwnerFile, &loose);

        let window = self.scenario_table(top, !loose.is_empty());
        let funders = self.funders(top);
        let ids = FunderIds {
            ids: funders.iter().map(|(f, _)| f.id.clone()).collect(),
            names: funders.iter().map(|(f, _)| f.name.clone()).collect(),
        };
        let defaults = self.defaults(top, &ids);
        let refs = Refs {
            funders: ids,
            defaults,
        };
        let funding = self.list(top, Section::Funding, &refs);
        let posts = self.list(top, Section::Posts, &refs);
        let costs = self.list(top, Section::Costs, &refs);
        self.unknown_funders(&refs.funders);
        self.unique_ids([&funding, &posts, &costs]);

        let last_year = window.as_ref().map(|(_, w)| w.to.year());
        let indexation = self.indexation(top, last_year);
        let raw_keys = self.raw_keys(top);
        let (mut funders, links): (Vec<Funder>, Vec<keys::FunderLinks>) =
            funders.into_iter().unzip();
        let keys = self.resolve_keys(raw_keys, &mut funders, &links);
        let (header, window) = window?;
        self.unusual_posts(&posts);
        let indexation = indexation?;
        let funding = self.funding(funding, window, indexation.is_some());
        let posts = self.posts(posts, window);
        let costs = self.costs(costs, window);
        let assumptions = self.assumptions(
            top,
            &assumptions::Built {
                posts: &posts,
                costs: &costs,
                funding: &funding,
                indexation: indexation.as_ref(),
            },
        );
        if !self.errors.is_empty() {
            return None;
        }
        let scenario = Scenario {
            file: self.path.clone(),
            name: header.name,
            short_name: header.short_name,
            description: header.description,
            note: header.note,
            source: header.source,
            window,
            funders,
            funding,
            posts,
            costs,
            keys,
            indexation,
            defaults: Defaults {
                paid_by: refs.defaults.paid_by.flatten(),
                employer: refs.defaults.employer,
            },
            assumptions,
            files: self.sources.paths(),
        };
        self.idle_funders(&scenario);
        Some(scenario)
    }

    /// Whether the file's top table is a scenario; an error saying why not where it is not.
    fn is_scenario(&mut self, top: &Table) -> bool {
        if top.entries.is_empty() {
            self.push(Diagnostic::error(&self.path, Msg::EmptyFile).help(Msg::HelpWhatScenarioHas));
            return false;
        }
        let known = (fields::TOP.iter().chain(fields::SCENARIO)).any(|f| top.get(f.name).is_some());
        if !known {
            let keys: Vec<&str> = top.entries.iter().map(|e| e.key.as_str()).collect();
            let first = &top.entries[0];
            self.push(
                Diagnostic::error(
                    &self.path,
                    Msg::NotAScenario {
                        keys: List::of(&keys),
                    },
                )
                .at(first.key_span.clone(), Msg::LabelNotAScenarioKey)
                .help(Msg::HelpScenarioStarts),
            );
            return false;
        }
        true
    }

    /// Keys of `[scenario]` (`name`, `start`, `end`) written at the top of a file that has no
    /// `[scenario]` header: one error for the missing header, where each key would otherwise
    /// be unknown and the table missing. The keys it covers.
    fn loose_scenario_keys<'t>(&mut self, top: &'t Table) -> Vec<&'t str> {
        if top.get("scenario").is_some() {
            return Vec::new();
        }
        let loose: Vec<&Entry> = (top.entries.iter())
            .filter(|e| fields::SCENARIO.iter().any(|f| f.name == e.key))
            .filter(|e| !matches!(e.node.value, Value::Table(_)))
            .collect();
        let Some(first) = loose.first() else {
            return Vec::new();
        };
        let keys: Vec<&str> = loose.iter().map(|e| e.key.as_str()).collect();
        self.push(
            Diagnostic::error(
                &self.path,
                Msg::ScenarioHeaderMissing {
                    keys: List::of(&keys),
                },
            )
            .at(first.key_span.clone(), Msg::LabelBelongsUnderScenario)
            .help(Msg::HelpAddScenarioHeader {
                key: first.key.clone(),
            }),
        );
        keys
    }

    /// The funding entries read without errors, as the model holds them.
    fn funding(&mut self, raw: Vec<RawEntry>, window: DateRange, indexation: bool) -> Vec<Funding> {
        let mut out = Vec::with_capacity(raw.len());
        // One error for every entry indexed without an [indexation] table: one table missing.
        let mut unindexed: Vec<Span> = Vec::new();
        for raw in raw {
            let flow = raw
                .flow
                .as_ref()
                .and_then(|f| self.flow(f, window, &raw.owner));
            if let (Some(flow), Some(RawKind::Funding { funder, indexed }), Some(id)) =
                (flow, raw.kind, raw.id)
            {
                if let (Some((_, span)), false) = (&indexed, indexation) {
                    unindexed.push(span.clone());
                }
                out.push(Funding {
                    name: raw.name.unwrap_or_else(|| id.0.clone()),
                    id: id.0,
                    funder,
                    flow,
                    indexed: indexed.map(|(i, _)| i),
                    note: raw.note,
                    source: raw.source,
                    span: Some(raw.span),
                });
            }
        }
        if let Some((first, more)) = unindexed.split_first() {
            let mut d = Diagnostic::error(
                &self.path,
                Msg::IndexedWithoutIndexation {
                    entries: Count(unindexed.len()),
                },
            )
            .at(first.clone(), Msg::LabelIndexedByWhat)
            .help(Msg::HelpDeclareIndexation);
            for span in more.iter().take(MAX_ALSO) {
                d = d.also(span.clone(), Msg::LabelAlsoHere);
            }
            self.push(d);
        }
        out
    }

    /// The posts read without errors, as the model holds them.
    fn posts(&mut self, raw: Vec<RawEntry>, window: DateRange) -> Vec<Post> {
        let mut out = Vec::with_capacity(raw.len());
        for raw in raw {
            let Some(RawKind::Post(post)) = raw.kind else {
                continue;
            };
            let RawPost {
                fte,
                annual_cost_per_fte,
                employer,
                dates,
            } = *post;
            let (employer, employer_default) = match employer {
                Some((e, default)) => (Some(e), default),
                None => (None, false),
            };
            let range = dates.and_then(|d| self.clip(&d, window, &raw.owner));
            if let (
                Some(range),
                Some((fte, _)),
                Some((annual_cost_per_fte, _)),
                Some((paid_by, paid_by_default)),
                Some(id),
            ) = (range, fte, annual_cost_per_fte, raw.paid_by, raw.id)
            {
                out.push(Post {
                    title: raw.name.unwrap_or_else(|| id.0.clone()),
                    id: id.0,
                    employer,
                    employer_default,
                    fte: Fte::new(fte),
                    annual_cost_per_fte,
                    range,
                    paid_by,
                    paid_by_default,
                    note: raw.note,
                    source: raw.source,
                    span: Some(raw.span),
                });
            }
        }
        out
    }

    /// The other costs read without errors, as the model holds them.
    fn costs(&mut self, raw: Vec<RawEntry>, window: DateRange) -> Vec<Cost> {
        let mut out = Vec::with_capacity(raw.len());
        for raw in raw {
            let flow = raw
                .flow
                .as_ref()
                .and_then(|f| self.flow(f, window, &raw.owner));
            if let (Some(flow), Some((paid_by, paid_by_default)), Some(id)) =
                (flow, raw.paid_by, raw.id)
            {
                out.push(Cost {
                    name: raw.name.unwrap_or_else(|| id.0.clone()),
                    id: id.0,
                    flow,
                    paid_by,
                    paid_by_default,
                    note: raw.note,
                    source: raw.source,
                    span: Some(raw.span),
                });
            }
        }
        out
    }

    /// `[scenario]`: its name and window. `loose`: its keys are at the top of the file, which
    /// has no `[scenario]` header (an error said so already).
    fn scenario_table(&mut self, top: &Table, loose: bool) -> Option<(Header, DateRange)> {
        let owner = &Msg::OwnerScenario;
        let entry = match loose {
            true => top.get("scenario"),
            false => self.required_table(top, "scenario", Msg::HelpAddScenario),
        };
        let entry = entry?;
        let Value::Table(table) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::ScenarioNotATable,
            );
            return None;
        };
        let span = &entry.node.span;
        self.unknown_keys(table, fields::SCENARIO, owner);
        let name = self
            .required(
                table,
                span,
                "name",
                owner,
                "\"Det Fælles Klimasekretariat\"",
            )
            .and_then(|e| {
                let name = self.read(e, owner, values::text)?;
                if name.trim().is_empty() {
                    self.push(
                        Diagnostic::error(&self.path, Msg::NameEmpty)
                            .at(e.node.span.clone(), Msg::LabelEmptyName)
                            .help(Msg::HelpNameScenario),
                    );
                    return None;
                }
                Some(name)
            });
        let start = self
            .required(table, span, "start", owner, "2023-01-01")
            .and_then(|e| self.read_at(e, owner, values::date));
        let end = self
            .required(table, span, "end", owner, "2026-12-31")
            .and_then(|e| self.read_at(e, owner, values::date));
        let header = Header {
            name: name?,
            short_name: self.short_name(table, owner),
            description: self.optional_text(table, "description", owner),
            note: self.optional_text(table, "note", owner),
            source: self.optional_text(table, "source", owner),
        };
        let ((start, _), (end, end_span)) = (start?, end?);
        if end < start {
            self.push(
                Diagnostic::error(
                    &self.path,
                    Msg::EndBeforeStart {
                        end: Day(end),
                        start: Day(start),
                    },
                )
                .at(end_span, Msg::LabelBeforeStart)
                .help(Msg::HelpWindow),
            );
            return None;
        }
        Some((header, DateRange::new(start, end)))
    }

    /// The funders. Where there are none (no `[funders]`, or an empty one), the error waits
    /// for the entries: it names the funders they name ([`Loader::unknown_funders`]).
    fn funders(&mut self, top: &Table) -> Vec<(Funder, keys::FunderLinks)> {
        let Some(entry) = top.get("funders") else {
            self.no_funders = Some(NoFunders::Missing);
            return Vec::new();
        };
        let Value::Table(table) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::FundersNotATable,
            );
            self.no_funders = Some(NoFunders::NotATable);
            return Vec::new();
        };
        if table.entries.is_empty() {
            self.no_funders = Some(NoFunders::Empty(entry.node.span.clone()));
        }
        let mut out = Vec::new();
        let funders = self.tables_by_id(
            table,
            fields::FUNDER,
            |id| Msg::OwnerFunder { id: id.to_string() },
            |owner, _| Msg::FunderNotATable {
                owner: owner.clone().boxed(),
            },
        );
        for (e, t, owner) in funders {
            let name = self.optional_text(t, "name", &owner);
            let residual = match t.get("residual") {
                Some(r) => self.read(r, &owner, values::boolean).unwrap_or(false),
                None => false,
            };
            let links = self.funder_links(t, &owner);
            out.push((
                Funder {
                    name: name.unwrap_or_else(|| e.key.clone()),
                    id: e.key.clone(),
                    residual,
                    note: self.optional_text(t, "note", &owner),
                    source: self.optional_text(t, "source", &owner),
                    span: Some(e.key_span.clone()),
                    members: None,
                    raised_by: None,
                },
                links,
            ));
        }
        out
    }

    /// The errors for funders named but not declared: one a funder, at its first use, with
    /// the others beside it; or, where there are no funders at all, one error that says which
    /// to declare.
    fn unknown_funders(&mut self, funders: &FunderIds) {
        let unknown = std::mem::take(&mut self.unknown);
        let mut order: Vec<&str> = Vec::new();
        let mut uses: HashMap<&str, Vec<&UnknownFunder>> = HashMap::new();
        for u in &unknown {
            let seen = uses.entry(u.id.as_str()).or_default();
            if seen.is_empty() {
                order.push(u.id.as_str());
            }
            seen.push(u);
        }
        if let Some(none) = self.no_funders.take() {
            let declare: Vec<String> = (order.iter())
                .filter(|id| values::id(id).is_ok())
                .map(|id| format!("[funders.{id}]"))
                .collect();
            let help = match (declare.is_empty(), &none) {
                (true, NoFunders::Missing) => Msg::HelpAddFunderTable,
                (true, _) => Msg::HelpAddFunder,
                (false, _) => Msg::HelpDeclareFunders {
                    tables: List(declare),
                },
            };
            let d = match none {
                // No [funders] table: said at the top.
                NoFunders::Missing => Diagnostic::error(
                    &self.path,
                    Msg::NoTable {
                        key: "funders".into(),
                    },
                )
                .help(help),
                NoFunders::NotATable => return,
                NoFunders::Empty(span) => Diagnostic::error(&self.path, Msg::NoFunders)
                    .at(span, Msg::LabelNoFundersHere)
                    .help(help),
            };
            self.push(d);
            return;
        }
        for id in order {
            let all = &uses[id];
            let first = all[0];
            let help = id_hint(id, &funders.pairs(), || match funders.ids.as_slice() {
                [] => Msg::HelpDeclareFunderFirst,
                ids if values::id(id).is_ok() => Msg::HelpFundersAre {
                    funders: List::of(ids),
                    id: id.to_string(),
                },
                ids => Msg::HelpFundersAreOnly {
                    funders: List::of(ids),
                },
            });
            let message = match all.len() {
                1 => Msg::UnknownFunder {
                    owner: first.owner.clone().boxed(),
                    key: first.key.to_string(),
                    id: id.to_string(),
                },
                n => Msg::UnknownFunderNamed {
                    owner: first.owner.clone().boxed(),
                    key: first.key.to_string(),
                    id: id.to_string(),
                    times: Count(n),
                },
            };
            let mut d = Diagnostic::error(&self.path, message)
                .at(first.span.clone(), Msg::LabelNoSuchFunder)
                .help(help);
            for u in all.iter().skip(1).take(MAX_ALSO) {
                d = d.also(u.span.clone(), Msg::LabelAlsoHere);
            }
            self.push(d);
        }
    }

    /// The `[defaults]` table: what entries that do not say otherwise take.
    fn defaults(&mut self, top: &Table, funders: &FunderIds) -> RawDefaults {
        let Some(entry) = top.get("defaults") else {
            return RawDefaults::default();
        };
        let owner = &Msg::OwnerDefaults;
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::DefaultsNotATable,
            );
            // Entries without their own `paid_by` are not missing it for another reason.
            return RawDefaults {
                paid_by: Some(None),
                employer: None,
            };
        };
        self.unknown_keys(t, fields::DEFAULTS, owner);
        RawDefaults {
            paid_by: t.get("paid_by").map(|e| self.paid_by(e, owner, funders)),
            employer: self.optional_text(t, "employer", owner),
        }
    }

    fn list(&mut self, top: &Table, section: Section, funders: &Refs) -> Vec<RawEntry> {
        let key = section.key();
        let Some(entry) = top.get(key) else {
            return Vec::new();
        };
        let Value::Array(items) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::ListNotAList {
                    key: key.to_string(),
                },
            );
            return Vec::new();
        };
        if items.len() < PARALLEL_ENTRIES {
            return self.entries(items, 0, section, funders);
        }
        // A long list in shares, each read by a loader of its own on a thread of its own, what
        // they find gathered in order.
        let per = items.len().div_ceil(crate::cores());
        let parts: Vec<_> = items
            .chunks(per)
            .enumerate()
            .map(|(k, share)| {
                let part = Loader {
                    key_files: self.key_files,
                    removed: self.removed,
                    path: self.path.clone(),
                    file: self.file,
                    sources: self.sources.clone(),
                    read: Vec::new(),
                    keys_incomplete: false,
                    unknown: Vec::new(),
                    no_funders: None,
                    errors: Vec::new(),
                    warnings: Vec::new(),
                };
                (k * per, share, part)
            })
            .collect();
        let read = crate::on_threads(parts, |(first, share, mut part)| {
            (part.entries(share, first, section, funders), part)
        });
        let mut out: Vec<RawEntry> = Vec::new();
        for (entries, part) in read {
            if out.is_empty() {
                out = entries;
                out.reserve(items.len() - out.len());
            } else {
                out.extend(entries);
            }
            self.errors.extend(part.errors);
            self.warnings.extend(part.warnings);
            self.unknown.extend(part.unknown);
        }
        out
    }

    /// The entries `items` of `section`, the first of them the list's `first`.
    fn entries(
        &mut self,
        items: &[Node],
        first: usize,
        section: Section,
        funders: &Refs,
    ) -> Vec<RawEntry> {
        let key = section.key();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Value::Table(t) = &item.value else {
                self.error(
                    &item.span,
                    values::this_is(&item.value),
                    Msg::EntryNotATable {
                        key: key.to_string(),
                    },
                );
                continue;
            };
            out.push(self.entry(t, &item.span, section, first + i, funders));
        }
        out
    }

    fn entry(
        &mut self,
        t: &Table,
        span: &Span,
        section: Section,
        index: usize,
        refs: &Refs,
    ) -> RawEntry {
        let funders = &refs.funders;
        let id_entry = t.get("id");
        let id_text = id_entry.and_then(|e| match &e.node.value {
            Value::String(s) => Some(s.clone()),
            _ => None,
        });
        let owner = match &id_text {
            Some(id) => section.owner(id),
            None => Msg::OwnerNthEntry {
                n: Ordinal(index + 1),
                list: section.key().to_string(),
            },
        };
        let fields = match section {
            Section::Funding => fields::FUNDING,
            Section::Posts => fields::POST,
            Section::Costs => fields::COST,
        };
        self.unknown_keys(t, fields, &owner);
        let id = match self.required(t, span, "id", &owner, "\"my-entry\"") {
            Some(e) => self
                .read(e, &owner, values::text)
                .and_then(|raw| match values::id(&raw) {
                    Ok(()) => Some((raw, e.node.span.clone())),
                    Err(p) => {
                        self.problem(&e.node.span, &owner, "id", p);
                        None
                    }
                }),
            None => None,
        };
        let name_key = if section == Section::Posts {
            "title"
        } else {
            "name"
        };
        let name = self.optional_text(t, name_key, &owner);
        let note = self.optional_text(t, "note", &owner);
        let source = self.optional_text(t, "source", &owner);
        let paid_by = match (section, t.get("paid_by"), &refs.defaults.paid_by) {
            (Section::Funding, _, _) => None,
            (_, Some(e), _) => self.paid_by(e, &owner, funders).map(|p| (p, false)),
            (_, None, Some(Some(default))) => Some((default.clone(), true)),
            // A `[defaults] paid_by` that is broken: said there.
            (_, None, Some(None)) => None,
            (_, None, None) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::KeyMissing {
                            owner: owner.clone().boxed(),
                            key: "paid_by".into(),
                        },
                    )
                    .at(
                        self.header(span),
                        Msg::LabelNoKeyHere {
                            key: "paid_by".into(),
                        },
                    )
                    .help(Msg::HelpPaidByMissing),
                );
                None
            }
        };
        let (kind, flow) = match section {
            Section::Funding => {
                let funder = self
                    .required(t, span, "funder", &owner, "\"brn\"")
                    .and_then(|e| {
                        let id = self.read(e, &owner, values::text)?;
                        self.funder_ref(&id, &e.node.span, &owner, "funder", funders)
                    });
                let flow = self.raw_flow(t, span, &owner);
                let indexed = self.indexed(t, &owner);
                let kind = match (funder, indexed) {
                    (Some(funder), Some(indexed)) => Some(RawKind::Funding { funder, indexed }),
                    _ => None,
                };
                (kind, flow)
            }
            Section::Posts => {
                let fte = self
                    .required(t, span, "fte", &owner, "1")
                    .and_then(|e| self.read_at(e, &owner, values::fte));
                let cost = self
                    .required(t, span, "annual_cost_per_fte", &owner, "800_000")
                    .and_then(|e| self.read_at(e, &owner, values::money));
                let employer = match (t.get("employer"), &refs.defaults.employer) {
                    (Some(_), _) => self
                        .optional_text(t, "employer", &owner)
                        .map(|e| (e, false)),
                    (None, Some(default)) => Some((default.clone(), true)),
                    (None, None) => None,
                };
                let dates = self.range(t, &owner).map(|(from, to)| RawDates {
                    from,
                    to,
                    span: span.clone(),
                });
                let kind = RawKind::Post(Box::new(RawPost {
                    fte,
                    annual_cost_per_fte: cost,
                    employer,
                    dates,
                }));
                (Some(kind), None)
            }
            Section::Costs => (Some(RawKind::Cost), self.raw_flow(t, span, &owner)),
        };
        RawEntry {
            id: id.map(|(id, span)| IdSpan(id, span)),
            owner,
            name,
            note,
            source,
            paid_by,
            kind,
            flow,
            span: span.clone(),
        }
    }

    /// The funder `id` names (at `span`, in `owner`'s `key`); one that is not declared is
    /// kept for [`Loader::unknown_funders`], which says so once for all its uses.
    fn funder_ref(
        &mut self,
        id: &str,
        span: &Span,
        owner: &Msg,
        key: &'static str,
        funders: &FunderIds,
    ) -> Option<usize> {
        if let Some(i) = funders.ids.iter().position(|f| f == id) {
            return Some(i);
        }
        if let Some(removed) = self.removed.get(id) {
            // The mistake is the `remove`, not the base that uses the funder.
            self.push(
                Diagnostic::error(
                    &self.path,
                    Msg::RemovedFunderUsed {
                        id: id.to_string(),
                        owner: owner.clone().boxed(),
                        key: key.to_string(),
                    },
                )
                .at(removed.clone(), Msg::LabelRemovedHere)
                .also(span.clone(), Msg::LabelStillUsedHere)
                .help(Msg::HelpRemovedFunderUsed {
                    id: id.to_string(),
                    owner: owner.clone().boxed(),
                    key: key.to_string(),
                }),
            );
            return None;
        }
        self.unknown.push(UnknownFunder {
            id: id.to_string(),
            span: span.clone(),
            owner: owner.clone(),
            key,
        });
        None
    }

    fn paid_by(&mut self, e: &Entry, owner: &Msg, funders: &FunderIds) -> Option<PaidBy> {
        match &e.node.value {
            Value::String(id) => self
                .funder_ref(id, &e.node.span, owner, "paid_by", funders)
                .map(PaidBy::single),
            Value::Table(t) => {
                if t.entries.is_empty() {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            Msg::PaidByEmpty {
                                owner: owner.clone().boxed(),
                            },
                        )
                        .at(e.node.span.clone(), Msg::LabelNoFunders)
                        .help(Msg::HelpPaidByEmpty),
                    );
                    return None;
                }
                let mut parts = Vec::new();
                let mut ok = true;
                for part in &t.entries {
                    let funder =
                        self.funder_ref(&part.key, &part.key_span, owner, "paid_by", funders);
                    let share = self.read(part, owner, values::share);
                    match (funder, share) {
                        (Some(f), Some(s)) => parts.push((f, s, part.node.span.clone())),
                        _ => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
                let sum = parts
                    .iter()
                    .try_fold(Ratio::from_integer(0), |acc: Rational, (_, s, _)| {
                        num_traits::CheckedAdd::checked_add(&acc, s)
                    });
                if sum != Some(Ratio::from_integer(1)) {
                    let sum = match sum {
                        Some(sum) => Msg::Number { number: Num(sum) },
                        None => Msg::UnmanageableFraction,
                    };
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            Msg::SharesNotOne {
                                owner: owner.clone().boxed(),
                                sum: sum.clone().boxed(),
                            },
                        )
                        .at(e.node.span.clone(), Msg::LabelAddUpTo { sum: sum.boxed() })
                        .help(Msg::HelpSharesOne),
                    );
                    return None;
                }
                Some(PaidBy(
                    parts
                        .into_iter()
                        .map(|(f, s, _)| (f, Share::new(s)))
                        .collect(),
                ))
            }
            other => {
                self.error(
                    &e.node.span,
                    values::this_is(other),
                    Msg::PaidByWrongKind {
                        owner: owner.clone().boxed(),
                    },
                );
                None
            }
        }
    }

    fn date_key(&mut self, t: &Table, key: &str, owner: &Msg) -> Option<Option<(Date, Span)>> {
        match t.get(key) {
            None => Some(None),
            Some(e) => self
                .read(e, owner, values::date)
                .map(|d| Some((d, e.node.span.clone()))),
        }
    }

    /// `from` and `to`, each optional; `None` if either is broken.
    #[allow(clippy::type_complexity)]
    fn range(
        &mut self,
        t: &Table,
        owner: &Msg,
    ) -> Option<(Option<(Date, Span)>, Option<(Date, Span)>)> {
        let from = self.date_key(t, "from", owner);
        let to = self.date_key(t, "to", owner);
        let (from, to) = (from?, to?);
        if let (Some((f, _)), Some((d, span))) = (&from, &to)
            && d < f
        {
            self.push(
                Diagnostic::error(
                    &self.path,
                    Msg::ToBeforeFrom {
                        owner: owner.clone().boxed(),
                        to: Day(*d),
                        from: Day(*f),
                    },
                )
                .at(span.clone(), Msg::LabelBeforeFrom)
                .help(Msg::HelpFromTo),
            );
            return None;
        }
        Some((from, to))
    }

    fn raw_flow(&mut self, t: &Table, span: &Span, owner: &Msg) -> Option<RawFlow> {
        let annual = t.get("annual");
        let amount = t.get("amount");
        let shape_help = Msg::HelpFlowShape;
        match (annual, amount) {
            (Some(_), Some(second)) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::BothAnnualAndAmount {
                            owner: owner.clone().boxed(),
                        },
                    )
                    .at(second.key_span.clone(), Msg::LabelSecondFlow)
                    .help(shape_help),
                );
                None
            }
            (None, None) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::NeitherAnnualNorAmount {
                            owner: owner.clone().boxed(),
                        },
                    )
                    .at(self.header(span), Msg::LabelNoAmountHere)
                    .help(shape_help),
                );
                None
            }
            (Some(annual), None) => {
                if let Some(date) = t.get("date") {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            Msg::DateWithAnnual {
                                owner: owner.clone().boxed(),
                            },
                        )
                        .at(date.key_span.clone(), Msg::LabelNotForAnnual)
                        .help(Msg::HelpFromToInstead),
                    );
                }
                let value = self.read(annual, owner, values::money);
                let range = self.range(t, owner);
                let (from, to) = range?;
                Some(RawFlow::Annual {
                    annual: value?,
                    dates: RawDates {
                        from,
                        to,
                        span: span.clone(),
                    },
                })
            }
            (None, Some(amount)) => {
                for key in ["from", "to"] {
                    if let Some(e) = t.get(key) {
                        self.push(
                            Diagnostic::error(
                                &self.path,
                                Msg::FromToWithAmount {
                                    owner: owner.clone().boxed(),
                                    key: key.to_string(),
                                },
                            )
                            .at(e.key_span.clone(), Msg::LabelNotForAmount)
                            .help(Msg::HelpGiveDate),
                        );
                    }
                }
                let value = self.read(amount, owner, values::money);
                let date = match t.get("date") {
                    Some(e) => self
                        .read(e, owner, values::date)
                        .map(|d| (d, e.node.span.clone())),
                    None => {
                        self.push(
                            Diagnostic::error(
                                &self.path,
                                Msg::AmountWithoutDate {
                                    owner: owner.clone().boxed(),
                                },
                            )
                            .at(amount.key_span.clone(), Msg::LabelNoDate)
                            .help(Msg::HelpAddDate),
                        );
                        None
                    }
                };
                Some(RawFlow::OneOff {
                    amount: value?,
                    date: date?,
                })
            }
        }
    }

    /// Places a flow in the window: clips it, or reports it wholly outside.
    fn flow(&mut self, raw: &RawFlow, window: DateRange, owner: &Msg) -> Option<Flow> {
        match raw {
            RawFlow::OneOff { amount, date } => {
                if !window.contains(date.0) {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            Msg::DateOutside {
                                owner: owner.clone().boxed(),
                                date: Day(date.0),
                                window: Days(window.from, window.to),
                            },
                        )
                        .at(date.1.clone(), Msg::LabelOutsideWindow)
                        .help(Msg::HelpDateIntoWindow),
                    );
                    return None;
                }
                Some(Flow::OneOff {
                    amount: *amount,
                    date: date.0,
                })
            }
            RawFlow::Annual { annual, dates } => {
                let range = self.clip(dates, window, owner)?;
                Some(Flow::Annual {
                    annual: *annual,
                    range,
                })
            }
        }
    }

    /// The days `dates` cover inside the window (`from`/`to` default to its ends); an error if
    /// none, a warning if some are cut off.
    fn clip(&mut self, dates: &RawDates, window: DateRange, owner: &Msg) -> Option<DateRange> {
        let declared = DateRange {
            from: dates.from.as_ref().map_or(window.from, |d| d.0),
            to: dates.to.as_ref().map_or(window.to, |d| d.0),
        };
        let Some(range) = declared.intersect(window) else {
            let owner = owner.clone().boxed();
            let (message, place) = if declared.from > window.to {
                (
                    Msg::StartsAfterWindow {
                        owner,
                        from: Day(declared.from),
                        end: Day(window.to),
                    },
                    dates.from.as_ref(),
                )
            } else {
                (
                    Msg::EndsBeforeWindow {
                        owner,
                        to: Day(declared.to),
                        start: Day(window.from),
                    },
                    dates.to.as_ref(),
                )
            };
            let place = place.map_or_else(|| self.header(&dates.span), |d| d.1.clone());
            self.push(
                Diagnostic::error(&self.path, message)
                    .at(place, Msg::LabelOutsideWindow)
                    .help(Msg::HelpIntoWindow {
                        window: Days(window.from, window.to),
                    }),
            );
            return None;
        };
        if range != declared {
            let place = if declared.from < window.from {
                dates.from.as_ref()
            } else {
                dates.to.as_ref()
            };
            let mut d = Diagnostic::warning(
                &self.path,
                Msg::PartlyOutside {
                    owner: owner.clone().boxed(),
                    declared: Days(declared.from, declared.to),
                    counted: Days(range.from, range.to),
                },
            )
            .help(Msg::HelpClipped);
            if let Some((_, span)) = place {
                d = d.at(span.clone(), Msg::LabelClipped);
            }
            self.warnings.push(d);
        }
        Some(range)
    }

    /// The first line of a table's span: its header (`[[posts]]`), where "missing key" errors
    /// point.
    fn header(&self, span: &Span) -> Span {
        let text = self.sources.text(span.file);
        let start = span.range().start.min(text.len());
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        Span::new(span.file, start..end.max(start))
    }

    fn warn(&mut self, d: Diagnostic) {
        self.warnings.push(d);
    }

    /// Posts whose FTE or cost per FTE look like a slip of the keyboard.
    fn unusual_posts(&mut self, posts: &[RawEntry]) {
        for raw in posts {
            let Some(RawKind::Post(post)) = &raw.kind else {
                continue;
            };
            let (fte, cost) = (&post.fte, &post.annual_cost_per_fte);
            let owner = &raw.owner;
            if let Some((fte, span)) = fte
                && *fte > Ratio::from_integer(2)
            {
                self.warn(
                    Diagnostic::warning(
                        &self.path,
                        Msg::FteUnusual {
                            owner: owner.clone().boxed(),
                            fte: Num(*fte),
                        },
                    )
                    .at(span.clone(), Msg::LabelMoreThan2Fte)
                    .help(Msg::HelpFteSize),
                );
            }
            if let Some((cost, span)) = cost {
                let kr = cost.decimal();
                if kr < USUAL_COST_PER_FTE.0.into() || kr > USUAL_COST_PER_FTE.1.into() {
                    self.warn(
                        Diagnostic::warning(
                            &self.path,
                            Msg::CostPerFteUnusual {
                                owner: owner.clone().boxed(),
                                cost: Kr(cost.rational()),
                            },
                        )
                        .at(span.clone(), Msg::LabelUnusualCost)
                        .help(Msg::HelpCostPerFte),
                    );
                }
            }
        }
    }

    /// Funders that neither pay for anything nor provide anything, unless a `note` says why
    /// they are there (to show that they pay nothing, say).
    fn idle_funders(&mut self, s: &Scenario) {
        for (i, funder) in s.funders.iter().enumerate() {
            if funder.note.is_some() {
                continue;
            }
            let pays = s
                .posts
                .iter()
                .map(|p| &p.paid_by)
                .chain(s.costs.iter().map(|c| &c.paid_by))
                .any(|pb| pb.0.iter().any(|(f, _)| *f == i));
            let provides = s.funding.iter().any(|f| f.funder == i);
            let member = s
                .keys
                .iter()
                .any(|k| k.members.iter().any(|m| m.id == funder.id));
            if !pays && !provides && !member {
                let mut d = Diagnostic::warning(
                    &self.path,
                    Msg::IdleFunder {
                        id: funder.id.clone(),
                    },
                )
                .help(Msg::HelpIdleFunder);
                if let Some(span) = &funder.span {
                    d = d.at(span.clone(), Msg::LabelPaysNothing);
                }
                self.warn(d);
            }
        }
    }

    fn unique_ids(&mut self, lists: [&Vec<RawEntry>; 3]) {
        let count = lists.iter().map(|l| l.len()).sum();
        let mut seen: HashMap<&str, (&Span, &Msg)> = HashMap::with_capacity(count);
        let mut dups = Vec::new();
        for entry in lists.iter().flat_map(|l| l.iter()) {
            let Some(IdSpan(id, span)) = &entry.id else {
                continue;
            };
            match seen.get(id.as_str()) {
                Some((first, first_owner)) => dups.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::DuplicateId {
                            id: id.clone(),
                            first: (*first_owner).clone().boxed(),
                        },
                    )
                    .at(span.clone(), Msg::LabelUsedAgain)
                    .also((*first).clone(), Msg::LabelFirstUsed)
                    .help(Msg::HelpUniqueIds),
                ),
                None => {
                    seen.insert(id, (span, &entry.owner));
                }
            }
        }
        self.errors.extend(dups);
    }
}

struct Header {
    name: String,
    short_name: Option<String>,
    description: Option<String>,
    note: Option<String>,
    source: Option<String>,
}

/// The funders entries may name: their ids, and names (for hints where a name is written).
struct FunderIds {
    ids: Vec<String>,
    names: Vec<String>,
}

impl FunderIds {
    /// Each funder's id and name.
    fn pairs(&self) -> Vec<(&str, &str)> {
        (self.ids.iter().map(String::as_str))
            .zip(self.names.iter().map(String::as_str))
            .collect()
    }
}

/// A funder named but not declared: which, where, and by whom.
struct UnknownFunder {
    id: String,
    span: Span,
    owner: Msg,
    key: &'static str,
}

/// Why a scenario has no funders to name, for the one error that says so.
enum NoFunders {
    /// No `[funders]` table.
    Missing,
    /// `funders` is not a table (said where it is).
    NotATable,
    /// `[funders]` is empty, here.
    Empty(Span),
}

/// Further places shown beside the first of one mistake made many times.
const MAX_ALSO: usize = 20;

/// What entries may name or take: the funders, and `[defaults]`.
struct Refs {
    funders: FunderIds,
    defaults: RawDefaults,
}

/// `[defaults]` as read: `paid_by` is `Some(None)` where it is given but broken.
#[derive(Default)]
struct RawDefaults {
    paid_by: Option<Option<PaidBy>>,
    employer: Option<String>,
}

struct IdSpan(String, Span);

enum RawKind {
    Funding {
        funder: usize,
        indexed: Option<(crate::model::Index, Span)>,
    },
    Post(Box<RawPost>),
    Cost,
}

/// What only a post has, as read.
struct RawPost {
    fte: Option<(Rational, Span)>,
    annual_cost_per_fte: Option<(crate::model::Money, Span)>,
    /// The employer, and whether it is `[defaults]`'s.
    employer: Option<(String, bool)>,
    dates: Option<RawDates>,
}

/// An entry as read, before it is placed in the window.
struct RawEntry {
    id: Option<IdSpan>,
    owner: Msg,
    name: Option<String>,
    note: Option<String>,
    source: Option<String>,
    /// Who pays, and whether it is `[defaults]`'s.
    paid_by: Option<(PaidBy, bool)>,
    kind: Option<RawKind>,
    flow: Option<RawFlow>,
    /// The entry's table.
    span: Span,
}

/// The lines of a file that failed to parse, indexed once: where each starts, the table
/// header governing it, and the nearest earlier line it repeats (the same header, or the same
/// key in the same table).
struct LineTable<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// The header line above each line (the previous header, for a header line).
    section: Vec<Option<usize>>,
    earlier: Vec<Option<usize>>,
}

impl<'t> LineTable<'t> {
    fn new(text: &'t str) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut table = LineTable {
            text,
            section: Vec::with_capacity(starts.len()),
            earlier: Vec::with_capacity(starts.len()),
            starts,
        };
        let mut header: Option<usize> = None;
        let mut headers: HashMap<&str, usize> = HashMap::new();
        let mut keys: HashMap<(Option<usize>, &str), usize> = HashMap::new();
        for i in 0..table.starts.len() {
            let line = table.text(i);
            table.section.push(header);
            let earlier = if table.is_header(i) {
                header = Some(i);
                headers.insert(line.trim(), i)
            } else {
                let t = line.trim_start();
                t.find('=')
                    .and_then(|eq| keys.insert((header, t[..eq].trim_end()), i))
            };
            table.earlier.push(earlier);
        }
        table
    }

    /// The text of line `i`, without its newline.
    fn text(&self, i: usize) -> &'t str {
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s - 1);
        &self.text[self.starts[i]..end]
    }

    fn is_header(&self, i: usize) -> bool {
        self.text(i).trim_start().starts_with('[')
    }

    /// The line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

/// "did you mean `x`?" for the name in `names` nearest `word`, if one is near; else
/// `otherwise`.
pub(crate) fn suggest(word: &str, names: &[&str], otherwise: impl FnOnce() -> Msg) -> Msg {
    match nearest(word, names) {
        Some(near) => Msg::HelpDidYouMean {
            word: near.to_string(),
        },
        None => otherwise(),
    }
}

/// The hint for `written` where an id is expected, among `ids` (each with its name): the id
/// whose name it is ("did you mean `brn`? (`Business Region North Denmark` is its name)"), the
/// id it is but for case, the nearest id; else `otherwise`.
fn id_hint(written: &str, ids: &[(&str, &str)], otherwise: impl FnOnce() -> Msg) -> Msg {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let wanted = fold(written);
    let named = |(id, name): &&(&str, &str)| !name.is_empty() && name != id;
    if let Some((id, name)) = ids
        .iter()
        .filter(named)
        .find(|(_, name)| fold(name) == wanted)
    {
        return Msg::HelpIdNotName {
            id: id.to_string(),
            name: name.to_string(),
        };
    }
    if let Some((id, _)) = ids.iter().find(|(id, _)| fold(id) == wanted) {
        return Msg::HelpDidYouMean {
            word: id.to_string(),
        };
    }
    let only: Vec<&str> = ids.iter().map(|(id, _)| *id).collect();
    if let Some(near) = nearest(written, &only) {
        return Msg::HelpDidYouMean {
            word: near.to_string(),
        };
    }
    // A name written nearly right, or short (`BRN` for Business Region North Denmark).
    let initials = |name: &str| -> String {
        (name.split_whitespace())
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_lowercase()
    };
    let near_name = (ids.iter().filter(named))
        .map(|(id, name)| (strsim::jaro_winkler(&wanted, &fold(name)), *id, *name))
        .filter(|(score, _, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id, name)| (id, name))
        .or_else(|| {
            (ids.iter().filter(named))
                .find(|(_, name)| wanted.len() > 1 && initials(name) == wanted)
                .map(|(id, name)| (*id, *name))
        });
    match near_name {
        Some((id, name)) => Msg::HelpIdNotName {
            id: id.to_string(),
            name: name.to_string(),
        },
        None => otherwise(),
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
