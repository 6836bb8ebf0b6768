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
pub mod prepare;
pub mod schema;
mod tree;
pub mod values;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use self::access::Access;
pub use self::prepare::{Override, Prepared};

use jiff::civil::Date;
use num_rational::Ratio;

use self::fields::Field;
use self::tree::{Entry, Node, Table, Value};
use crate::diag::{Diagnostic, Diagnostics, Sources, Span};
use crate::model::{Cost, DateRange, Flow, Fte, Funder, Funding, PaidBy, Post, Scenario, Share};
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
type Unreadable = (String, &'static str);

/// The text of a scenario or key file: a regular file (not a directory, device, pipe or
/// socket), at most 100 MiB whatever its metadata says, UTF-8.
fn read_text(path: &Path) -> Result<String, Unreadable> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| {
        (
            format!("cannot read the file: {}", io_reason(&e)),
            "check the path; scenario files usually live in scenarios/",
        )
    })?;
    // Checked before opening: opening a FIFO waits for a writer, perhaps for ever.
    not_a_file(&meta)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let cannot = |e: std::io::Error| {
        (
            format!("cannot read the file: {}", io_reason(&e)),
            "check that the file exists and that you may read it",
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    // What was opened may not be what was looked at (the path changed in between).
    not_a_file(&file.metadata().map_err(cannot)?)?;
    // The length in the metadata may be wrong (0 for files in /proc): read at most one byte
    // more than the limit, whatever it says.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    text_of(bytes)
}

/// Refuses whatever is not a regular file: a directory, a device (`/dev/zero` reads for
/// ever), a FIFO (blocks until someone writes), a socket.
fn not_a_file(meta: &std::fs::Metadata) -> Result<(), Unreadable> {
    if meta.is_file() {
        return Ok(());
    }
    if meta.is_dir() {
        return Err((
            "is a directory, not a scenario file".into(),
            "give a .toml scenario file; `klimabudget check DIR` checks every scenario in a directory",
        ));
    }
    let kind = special_kind(meta);
    Err((
        format!("is {kind}, not a regular file; only regular files are read"),
        "give the path of a .toml file saved on disk",
    ))
}

/// What kind of special file `meta` describes, for messages.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "a special file"
}

fn too_large(len: u64) -> Unreadable {
    (
        format!(
            "is {} MiB; scenario files over 100 MiB are refused",
            len / (1024 * 1024)
        ),
        "a scenario is a small text file; check that this is the file you meant",
    )
}

fn text_of(bytes: Vec<u8>) -> Result<String, Unreadable> {
    if bytes.contains(&0) {
        return Err((
            "is a binary file, not a TOML scenario".into(),
            "give a scenario file written as text, such as scenarios/status-quo.toml",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        (
            format!("is not UTF-8 text (invalid byte on line {line})"),
            "save the file as UTF-8; most editors offer it under \"Save as\" or \"Encoding\"",
        )
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
        Diagnostic::error(
            path,
            format!(
                "its {lone} lines end in a lone carriage return (CR, as on old Macs); TOML lines end in LF or CR LF"
            ),
        )
        .help("save the file with Unix (LF) or Windows (CR LF) line endings")
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
            let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
            label.span = Span::new(label.span.file, start..range.end.clamp(start, line_end));
        }
        if more > 0 {
            first.message.push_str(&format!(
                " (and {more} more in this file, not shown: it is named by the scenario and is not echoed)"
            ));
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
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    loader.syntax_errors(errors, text);
    loader.errors
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
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

    fn noun(self) -> &'static str {
        match self {
            Section::Funding => "funding",
            Section::Posts => "post",
            Section::Costs => "cost",
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
                })
            }
            _ => Err(Diagnostics {
                sources: self.sources,
                items: errors,
            }),
        }
    }

    fn error(&mut self, span: &Span, label: impl Into<String>, message: impl Into<String>) {
        let d = Diagnostic::error(&self.path, message).at(span.clone(), label);
        self.errors.push(d);
    }

    fn push(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    fn problem(&mut self, span: &Span, owner: &str, key: &str, p: values::Problem) {
        let mut d = Diagnostic::error(&self.path, format!("{owner}: `{key}`: {}", p.message))
            .at(span.clone(), p.label);
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
            self.push(
                Diagnostic::error(&self.path, format!("invalid TOML: {message}"))
                    .at(span, "here")
                    .help("this is not valid TOML; see https://toml.io for the syntax"),
            );
        }
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
            format!("the table {trimmed} is defined twice")
        } else {
            format!("the key `{key}` is given twice in one table")
        };
        let mut d = Diagnostic::error(&self.path, what)
            .at(span, "again here")
            .help("each key and table may appear once; remove one, or rename it");
        if let Some(e) = earlier {
            let offset = lines.starts[e] + lines.text(e).find(key).unwrap_or(0);
            d = d.also(
                Span::new(self.file, offset..offset + key.len()),
                "first here",
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
        owner: impl Fn(&str) -> String,
        help: impl Fn(&str, &str) -> String,
    ) -> Vec<(&'t Entry, &'t Table, String)> {
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
                    format!("this is {}", e.node.value.kind()),
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
    fn unknown_keys(&mut self, table: &Table, fields: &[Field], owner: &str) {
        for entry in &table.entries {
            if fields.iter().any(|f| f.name == entry.key) {
                continue;
            }
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            let mut d =
                Diagnostic::error(&self.path, format!("{owner}: unknown key `{}`", entry.key))
                    .at(entry.key_span.clone(), "unknown key");
            d = d.help(suggest(&entry.key, &names, || {
                format!("the keys allowed here are: {}", list(&names))
            }));
            self.push(d);
        }
    }

    fn required<'t>(
        &mut self,
        table: &'t Table,
        table_span: &Span,
        key: &str,
        owner: &str,
        example: &str,
    ) -> Option<&'t Entry> {
        let entry = table.get(key);
        if entry.is_none() {
            let d = if owner == "the file" {
                // The top level has no header to point at.
                Diagnostic::error(&self.path, format!("there is no [{key}] table"))
                    .help(example.to_string())
            } else {
                Diagnostic::error(&self.path, format!("{owner}: `{key}` is missing"))
                    .at(self.header(table_span), format!("no `{key}` here"))
                    .help(format!("add `{key} = {example}`"))
            };
            self.push(d);
        }
        entry
    }

    /// [`Loader::read`], with where the value was written.
    fn read_at<T>(
        &mut self,
        entry: &Entry,
        owner: &str,
        read: impl FnOnce(&Value) -> Result<T, values::Problem>,
    ) -> Option<(T, Span)> {
        Some((self.read(entry, owner, read)?, entry.node.span.clone()))
    }

    fn read<T>(
        &mut self,
        entry: &Entry,
        owner: &str,
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

    fn optional_text(&mut self, table: &Table, key: &str, owner: &str) -> Option<String> {
        let entry = table.get(key)?;
        self.read(entry, owner, values::text)
    }

    fn scenario(&mut self, root: &Node) -> Option<Scenario> {
        let Value::Table(top) = &root.value else {
            unreachable!("a TOML document is a table")
        };
        if !self.is_scenario(top) {
            return None;
        }
        self.unknown_keys(top, fields::TOP, "the file");

        let window = self.scenario_table(top, &root.span);
        let funders = self.funders(top, &root.span);
        let ids = FunderIds(funders.iter().map(|(f, _)| f.id.clone()).collect());
        let funding = self.list(top, Section::Funding, &ids);
        let posts = self.list(top, Section::Posts, &ids);
        let costs = self.list(top, Section::Costs, &ids);
        self.unique_ids([&funding, &posts, &costs]);

        let indexation = self.indexation(top);
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
            assumptions,
        };
        self.idle_funders(&scenario);
        Some(scenario)
    }

    /// Whether the file's top table is a scenario; an error saying why not where it is not.
    fn is_scenario(&mut self, top: &Table) -> bool {
        if top.entries.is_empty() {
            self.push(
                Diagnostic::error(&self.path, "the file is empty: there is no scenario in it").help(
                    "a scenario has a [scenario] table (name, start, end), [funders.<id>] tables, and [[posts]], [[costs]] and [[funding]] entries; see the README",
                ),
            );
            return false;
        }
        let known = fields::TOP.iter().any(|f| top.get(f.name).is_some());
        if !known {
            let keys: Vec<&str> = top.entries.iter().map(|e| e.key.as_str()).collect();
            let first = &top.entries[0];
            self.push(
                Diagnostic::error(
                    &self.path,
                    format!(
                        "this TOML file is not a klimabudget scenario (its keys are {})",
                        list(&keys)
                    ),
                )
                .at(first.key_span.clone(), "not a scenario key")
                .help(
                    "a scenario starts with a [scenario] table (name, start, end) and [funders.<id>] tables; see the README",
                ),
            );
            return false;
        }
        true
    }

    /// The funding entries read without errors, as the model holds them.
    fn funding(&mut self, raw: Vec<RawEntry>, window: DateRange, indexation: bool) -> Vec<Funding> {
        let mut out = Vec::with_capacity(raw.len());
        for raw in raw {
            let flow = raw
                .flow
                .as_ref()
                .and_then(|f| self.flow(f, window, &raw.owner));
            if let (Some(flow), Some(RawKind::Funding { funder, indexed }), Some(id)) =
                (flow, raw.kind, raw.id)
            {
                if let (Some((_, span)), false) = (&indexed, indexation) {
                    self.push(
                        Diagnostic::error(&self.path, format!("{}: `indexed` needs an [indexation] table", raw.owner))
                            .at(span.clone(), "indexed by what rates?")
                            .help("declare [indexation] with base_year and the yearly rises of wages and prices"),
                    );
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
            let range = dates.and_then(|d| self.clip(&d, window, &raw.owner));
            if let (
                Some(range),
                Some((fte, _)),
                Some((annual_cost_per_fte, _)),
                Some(paid_by),
                Some(id),
            ) = (range, fte, annual_cost_per_fte, raw.paid_by, raw.id)
            {
                out.push(Post {
                    title: raw.name.unwrap_or_else(|| id.0.clone()),
                    id: id.0,
                    employer,
                    fte: Fte::new(fte),
                    annual_cost_per_fte,
                    range,
                    paid_by,
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
            if let (Some(flow), Some(paid_by), Some(id)) = (flow, raw.paid_by, raw.id) {
                out.push(Cost {
                    name: raw.name.unwrap_or_else(|| id.0.clone()),
                    id: id.0,
                    flow,
                    paid_by,
                    note: raw.note,
                    source: raw.source,
                    span: Some(raw.span),
                });
            }
        }
        out
    }

    fn scenario_table(&mut self, top: &Table, root_span: &Span) -> Option<(Header, DateRange)> {
        let owner = "[scenario]";
        let entry = self.required(
            top,
            root_span,
            "scenario",
            "the file",
            "add a [scenario] table with the name and window, such as: [scenario] name = \"Det Fælles Klimasekretariat\" start = 2023-01-01 end = 2026-12-31",
        );
        let entry = entry?;
        let Value::Table(table) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                "`scenario` must be a table: write [scenario] on its own line, then name, start and end below it",
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
                    self.error(&e.node.span, "empty name", "[scenario]: `name` is empty");
                    self.errors.last_mut().unwrap().help =
                        Some("give the scenario a name; it heads every table".to_string());
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
            description: self.optional_text(table, "description", owner),
            note: self.optional_text(table, "note", owner),
            source: self.optional_text(table, "source", owner),
        };
        let ((start, _), (end, end_span)) = (start?, end?);
        if end < start {
            self.push(
                Diagnostic::error(
                    &self.path,
                    format!("[scenario]: `end` ({end}) is before `start` ({start})"),
                )
                .at(end_span, "before the start")
                .help("the window runs from `start` to `end`, both days included"),
            );
            return None;
        }
        Some((header, DateRange::new(start, end)))
    }

    fn funders(&mut self, top: &Table, root_span: &Span) -> Vec<(Funder, keys::FunderLinks)> {
        let Some(entry) = self.required(
            top,
            root_span,
            "funders",
            "the file",
            "add a table for each funder, such as: [funders.brn] name = \"Business Region North Denmark\"",
        ) else {
            return Vec::new();
        };
        let Value::Table(table) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                "`funders` must be a table of funders: write [funders.brn] with name = \"…\" below it",
            );
            return Vec::new();
        };
        if table.entries.is_empty() {
            self.push(
                Diagnostic::error(&self.path, "there are no funders")
                    .at(entry.node.span.clone(), "no funders here")
                    .help("add at least one funder: [funders.brn] with name = \"…\""),
            );
        }
        let mut out = Vec::new();
        let funders = self.tables_by_id(
            table,
            fields::FUNDER,
            |id| format!("funder `{id}`"),
            |owner, _| format!("{owner} must be a table, such as {{ name = \"…\" }}"),
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

    fn list(&mut self, top: &Table, section: Section, funders: &FunderIds) -> Vec<RawEntry> {
        let key = section.key();
        let Some(entry) = top.get(key) else {
            return Vec::new();
        };
        let Value::Array(items) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                format!("`{key}` must be a list of entries: write each as [[{key}]] followed by its keys"),
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
        }
        out
    }

    /// The entries `items` of `section`, the first of them the list's `first`.
    fn entries(
        &mut self,
        items: &[Node],
        first: usize,
        section: Section,
        funders: &FunderIds,
    ) -> Vec<RawEntry> {
        let key = section.key();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Value::Table(t) = &item.value else {
                self.error(
                    &item.span,
                    format!("this is {}", item.value.kind()),
                    format!(
                        "each entry of `{key}` must be a table, such as [[{key}]] with id = \"…\""
                    ),
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
        funders: &FunderIds,
    ) -> RawEntry {
        let noun = section.noun();
        let id_entry = t.get("id");
        let id_text = id_entry.and_then(|e| match &e.node.value {
            Value::String(s) => Some(s.clone()),
            _ => None,
        });
        let owner = match &id_text {
            Some(id) => format!("{noun} `{id}`"),
            None => format!("the {} [[{}]] entry", ordinal(index + 1), section.key()),
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
        let paid_by = match section {
            Section::Funding => None,
            _ => self
                .required(t, span, "paid_by", &owner, "\"brn\"")
                .and_then(|e| self.paid_by(e, &owner, funders)),
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
                let employer = self.optional_text(t, "employer", &owner);
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

    fn funder_ref(
        &mut self,
        id: &str,
        span: &Span,
        owner: &str,
        key: &str,
        funders: &FunderIds,
    ) -> Option<usize> {
        if let Some(i) = funders.0.iter().position(|f| f == id) {
            return Some(i);
        }
        if let Some(removed) = self.removed.get(id) {
            // The mistake is the `remove`, not the base that uses the funder.
            self.push(
                Diagnostic::error(
                    &self.path,
                    format!("`remove` drops funder `{id}`, but {owner} still names it in `{key}`"),
                )
                .at(removed.clone(), "removed here")
                .also(span.clone(), "still used here")
                .help(format!(
                    "remove or change what uses `{id}` as well (the variant can give {owner} another `{key}`), or keep the funder"
                )),
            );
            return None;
        }
        let names: Vec<&str> = funders.0.iter().map(String::as_str).collect();
        let help = suggest(id, &names, || match names.as_slice() {
            [] => "declare the funder first: [funders.<id>]".to_string(),
            _ => format!(
                "the funders of this scenario are {}; declare a new one as [funders.{id}]",
                list(&names)
            ),
        });
        self.push(
            Diagnostic::error(
                &self.path,
                format!("{owner}: `{key}`: unknown funder `{id}`"),
            )
            .at(span.clone(), "no such funder")
            .help(help),
        );
        None
    }

    fn paid_by(&mut self, e: &Entry, owner: &str, funders: &FunderIds) -> Option<PaidBy> {
        match &e.node.value {
            Value::String(id) => self
                .funder_ref(id, &e.node.span, owner, "paid_by", funders)
                .map(PaidBy::single),
            Value::Table(t) => {
                if t.entries.is_empty() {
                    self.push(
                        Diagnostic::error(&self.path, format!("{owner}: `paid_by` names no funder"))
                            .at(e.node.span.clone(), "no funders")
                            .help("name the funder who pays, such as paid_by = \"brn\", or shares such as { brn = 0.5, region = 0.5 }"),
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
                    let shown = sum
                        .map_or_else(|| "an unmanageable fraction".to_string(), crate::num::show);
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            format!("{owner}: the shares of `paid_by` add up to {shown}, not 1"),
                        )
                        .at(e.node.span.clone(), format!("these add up to {shown}"))
                        .help("make the shares add up to exactly 1; write thirds as \"1/3\""),
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
                    format!("this is {}", other.kind()),
                    format!(
                        "{owner}: `paid_by` must be a funder id such as \"brn\", or shares such as {{ brn = 0.5, municipalities = 0.5 }}"
                    ),
                );
                None
            }
        }
    }

    fn date_key(&mut self, t: &Table, key: &str, owner: &str) -> Option<Option<(Date, Span)>> {
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
        owner: &str,
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
                    format!("{owner}: `to` ({d}) is before `from` ({f})"),
                )
                .at(span.clone(), "before `from`")
                .help("`from` is the first day and `to` the last, both included"),
            );
            return None;
        }
        Some((from, to))
    }

    fn raw_flow(&mut self, t: &Table, span: &Span, owner: &str) -> Option<RawFlow> {
        let annual = t.get("annual");
        let amount = t.get("amount");
        let shape_help = "an entry is either yearly (`annual`, with optional `from` and `to`) or one-off (`amount` with `date`)";
        match (annual, amount) {
            (Some(_), Some(second)) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        format!("{owner}: has both `annual` and `amount`"),
                    )
                    .at(second.key_span.clone(), "second kind of flow")
                    .help(shape_help),
                );
                None
            }
            (None, None) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        format!("{owner}: has neither `annual` nor `amount`"),
                    )
                    .at(self.header(span), "no amount here")
                    .help(shape_help),
                );
                None
            }
            (Some(annual), None) => {
                if let Some(date) = t.get("date") {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            format!(
                                "{owner}: `date` belongs to a one-off `amount`, not to `annual`"
                            ),
                        )
                        .at(date.key_span.clone(), "not for `annual`")
                        .help(
                            "a yearly flow runs `from` one day `to` another; write those instead",
                        ),
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
                                format!("{owner}: `{key}` belongs to an `annual` flow, not to a one-off `amount`"),
                            )
                            .at(e.key_span.clone(), "not for `amount`")
                            .help("a one-off falls on one day: give it a `date`"),
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
                                format!("{owner}: a one-off `amount` needs a `date`"),
                            )
                            .at(amount.key_span.clone(), "no `date` for this")
                            .help("add `date = 2023-07-01`: the day the amount falls"),
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
    fn flow(&mut self, raw: &RawFlow, window: DateRange, owner: &str) -> Option<Flow> {
        match raw {
            RawFlow::OneOff { amount, date } => {
                if !window.contains(date.0) {
                    self.push(
                        Diagnostic::error(
                            &self.path,
                            format!(
                                "{owner}: `date` {} is outside the scenario window {window}",
                                date.0
                            ),
                        )
                        .at(date.1.clone(), "outside the window")
                        .help("move the date into the window, or widen [scenario] start and end"),
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
    fn clip(&mut self, dates: &RawDates, window: DateRange, owner: &str) -> Option<DateRange> {
        let declared = DateRange {
            from: dates.from.as_ref().map_or(window.from, |d| d.0),
            to: dates.to.as_ref().map_or(window.to, |d| d.0),
        };
        let Some(range) = declared.intersect(window) else {
            let (message, place) = if declared.from > window.to {
                (
                    format!(
                        "{owner}: starts {}, after the scenario window ends ({})",
                        declared.from, window.to
                    ),
                    dates.from.as_ref(),
                )
            } else {
                (
                    format!(
                        "{owner}: ends {}, before the scenario window starts ({})",
                        declared.to, window.from
                    ),
                    dates.to.as_ref(),
                )
            };
            let place = place.map_or_else(|| self.header(&dates.span), |d| d.1.clone());
            self.push(
                Diagnostic::error(&self.path, message)
                    .at(place, "outside the window")
                    .help(format!(
                        "the scenario runs {window}; move `from` and `to` into it, or widen [scenario] start and end"
                    )),
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
                format!(
                    "{owner}: runs {declared}, partly outside the window; only {range} is counted"
                ),
            )
            .help("this is fine if intended; set `from` and `to` inside the window to silence it");
            if let Some((_, span)) = place {
                d = d.at(span.clone(), "clipped to the window");
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
                        format!("{owner}: fte is {}; one post of more than 2 FTE is unusual", crate::num::show(*fte)),
                    )
                    .at(span.clone(), "more than 2 FTE")
                    .help("fte is the size of one post (1 = one person full time); write several posts for several people"),
                );
            }
            if let Some((cost, span)) = cost {
                let kr = cost.decimal();
                if kr < USUAL_COST_PER_FTE.0.into() || kr > USUAL_COST_PER_FTE.1.into() {
                    self.warn(
                        Diagnostic::warning(
                            &self.path,
                            format!(
                                "{owner}: annual_cost_per_fte is {} kr., outside the usual 100,000–3,000,000 kr.",
                                crate::num::kroner_ore_trim(cost.rational())
                            ),
                        )
                        .at(span.clone(), "unusual for a full-time year")
                        .help("annual_cost_per_fte is what one full-time year costs (salary, pension, overhead), not a month or the whole post"),
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
                    format!("funder `{}` has neither costs nor funding", funder.id),
                )
                .help("it shows as 0 everywhere; name it in a `paid_by` or a [[funding]] entry, remove it, or add a `note` that says why it is there");
                if let Some(span) = &funder.span {
                    d = d.at(span.clone(), "pays and provides nothing");
                }
                self.warn(d);
            }
        }
    }

    fn unique_ids(&mut self, lists: [&Vec<RawEntry>; 3]) {
        let count = lists.iter().map(|l| l.len()).sum();
        let mut seen: HashMap<&str, (&Span, &str)> = HashMap::with_capacity(count);
        let mut dups = Vec::new();
        for entry in lists.iter().flat_map(|l| l.iter()) {
            let Some(IdSpan(id, span)) = &entry.id else {
                continue;
            };
            match seen.get(id.as_str()) {
                Some((first, first_owner)) => dups.push(
                    Diagnostic::error(
                        &self.path,
                        format!("duplicate id `{id}`: {first_owner} has it already"),
                    )
                    .at(span.clone(), "used again here")
                    .also((*first).clone(), "first used here")
                    .help("ids are unique across [[funding]], [[posts]] and [[costs]]; rename one"),
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
    description: Option<String>,
    note: Option<String>,
    source: Option<String>,
}

struct FunderIds(Vec<String>);

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
    employer: Option<String>,
    dates: Option<RawDates>,
}

/// An entry as read, before it is placed in the window.
struct RawEntry {
    id: Option<IdSpan>,
    owner: String,
    name: Option<String>,
    note: Option<String>,
    source: Option<String>,
    paid_by: Option<PaidBy>,
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

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `a`, `b` and `c`.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => "none".to_string(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "did you mean `x`?" for the name in `names` nearest `word`, if one is near; else
/// `otherwise`.
fn suggest(word: &str, names: &[&str], otherwise: impl FnOnce() -> String) -> String {
    match nearest(word, names) {
        Some(near) => format!("did you mean `{near}`?"),
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
