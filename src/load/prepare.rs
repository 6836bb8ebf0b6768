//! Opening a scenario once, to check it as many times as needed: its file read and parsed, the
//! files it `extends` merged under it, the key files it names read; then, for each variant,
//! overrides (`--set posts.regional-post.fte=0.8`) applied to a copy and the whole checked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::files::{KeyFile, key_path, normalize};
use super::tree::{self, Entry, Node, Table, Value};
use super::{Access, Loaded, Loader, fields, id_hint, parse_file, parse_named, read_text, suggest};
use crate::diag::{Diagnostic, Diagnostics, FileId, Sources, Span};
use crate::msg::{Count, List, Msg};

/// The most files a chain of `extends` may go through below the scenario: deeper chains are
/// refused (each level is a frame of recursion: 8,000 overflowed the stack).
pub const MAX_EXTENDS: usize = 64;

/// A scenario file and everything it names, read and merged, not yet checked.
#[derive(Debug, Clone)]
pub struct Prepared {
    path: PathBuf,
    sources: Sources,
    /// The scenario's tree with the files it extends merged under it.
    root: Node,
    pub(super) key_files: HashMap<PathBuf, KeyFile>,
    /// Every file read: the scenario, the files it extends, the key files.
    files: Vec<PathBuf>,
    /// Where the files it names may be.
    access: Access,
    /// Funders removed by a variant (`remove`), with where.
    removed: HashMap<String, Span>,
    /// Problems found reading, parsing and merging: any of them makes every load fail.
    errors: Vec<Diagnostic>,
}

/// One override: a path into the scenario and the value to put there, as written on the
/// command line (`posts.regional-post.fte=0.8`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub text: String,
    /// The option it came from, for messages: `--set`, `--vary`.
    pub flag: &'static str,
}

impl Override {
    pub fn new(text: impl Into<String>) -> Self {
        Override {
            text: text.into(),
            flag: "--set",
        }
    }

    /// An override from another option than `--set`.
    pub fn from(flag: &'static str, text: impl Into<String>) -> Self {
        Override {
            text: text.into(),
            flag,
        }
    }
}

impl Prepared {
    /// Reads the scenario at `path` with the files it extends and the key files it names,
    /// those inside the root of this process's [`Access`].
    pub fn open(path: &Path) -> Result<Prepared, Diagnostics> {
        Prepared::open_in(path, &Access::for_process())
    }

    /// [`Prepared::open`], the files the scenario names confined by `access`.
    pub fn open_in(path: &Path, access: &Access) -> Result<Prepared, Diagnostics> {
        match read_text(path) {
            Ok(text) => Ok(Prepared::parse_in(path, text, access)),
            Err((message, help)) => Err(Diagnostic::error(path, message).help(help).into()),
        }
    }

    /// The scenario in `text`, reported as coming from `path`.
    pub fn parse(path: &Path, text: String) -> Prepared {
        Prepared::parse_in(path, text, &Access::for_process())
    }

    /// [`Prepared::parse`], the files the scenario names confined by `access`.
    pub fn parse_in(path: &Path, text: String, access: &Access) -> Prepared {
        let mut p = Prepared {
            path: path.to_path_buf(),
            sources: Sources::default(),
            root: Node {
                value: Value::Table(Table::default()),
                span: Span::new(FileId(0), 0..0),
            },
            key_files: HashMap::new(),
            files: Vec::new(),
            access: access.clone(),
            removed: HashMap::new(),
            errors: Vec::new(),
        };
        let mut chain = Vec::new();
        if let Some(root) = p.read_tree(path, text, &mut chain) {
            p.root = root;
        }
        p.prefetch_keys();
        p
    }

    /// The path the scenario was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks the scenario with `overrides` applied; the prepared scenario stays for more.
    pub fn load(&self, overrides: &[Override]) -> Result<Loaded, Diagnostics> {
        self.check(self.root.clone(), overrides)
    }

    /// Checks the scenario with `overrides` applied, once: no copy of it is made.
    pub fn into_loaded(mut self, overrides: &[Override]) -> Result<Loaded, Diagnostics> {
        let span = self.root.span.clone();
        let root = std::mem::replace(
            &mut self.root,
            Node {
                value: Value::Bool(false),
                span,
            },
        );
        self.check(root, overrides)
    }

    fn check(&self, mut root: Node, overrides: &[Override]) -> Result<Loaded, Diagnostics> {
        if !self.errors.is_empty() {
            return Err(Diagnostics {
                sources: self.sources.clone(),
                items: self.errors.clone(),
            });
        }
        let mut sources = self.sources.clone();
        let mut errors = Vec::new();
        for o in overrides {
            apply(&mut root, o, &mut sources, &mut errors);
        }
        if !errors.is_empty() {
            return Err(Diagnostics {
                sources,
                items: errors,
            });
        }
        let main = root.span.file;
        let mut loader = Loader {
            path: self.path.clone(),
            file: main,
            sources,
            read: self.files.clone(),
            keys_incomplete: false,
            key_files: &self.key_files,
            removed: &self.removed,
            unknown: Vec::new(),
            no_funders: None,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        let scenario = loader.scenario(&root);
        let actuals = match &root.value {
            Value::Table(top) => top.get("actuals").cloned(),
            _ => None,
        };
        tree::free_aside(root);
        loader
            .finish(scenario)
            .map(|loaded| Loaded { actuals, ..loaded })
    }

    /// Parses one file of the chain and merges the file it extends under it.
    fn read_tree(&mut self, path: &Path, text: String, chain: &mut Vec<PathBuf>) -> Option<Node> {
        // A byte-order mark is not part of the TOML; dropping it keeps columns right.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        self.files.push(path.to_path_buf());
        // The scenario given is shown as it is; a file it extends may be anything.
        let parse = if chain.is_empty() {
            parse_file
        } else {
            parse_named
        };
        let mut root = match parse(&mut self.sources, path, text) {
            Ok((_, root)) => root,
            Err(errors) => {
                self.errors.extend(errors);
                return None;
            }
        };
        chain.push(normalize(path));
        let Value::Table(top) = &mut root.value else {
            unreachable!("a TOML document is a table")
        };
        let extends = take(top, "extends");
        let remove = take(top, "remove");
        let Some(extends) = extends else {
            if let Some(r) = remove {
                self.errors.push(
                    Diagnostic::error(path, Msg::RemoveWithoutExtends)
                        .at(r.key_span, Msg::LabelNothingToRemove)
                        .help(Msg::HelpWriteExtends),
                );
            }
            return Some(root);
        };
        let Value::String(written) = &extends.node.value else {
            self.errors
                .push(Diagnostic::error(path, Msg::ExtendsOneFile).at(
                    extends.node.span.clone(),
                    super::values::this_is(&extends.node.value),
                ));
            return None;
        };
        let base_path = normalize(&path.parent().unwrap_or(Path::new("")).join(written));
        if let Some(at) = chain.iter().position(|p| *p == base_path) {
            let mut names: Vec<String> = chain[at..]
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            names.push(base_path.display().to_string());
            self.errors.push(
                Diagnostic::error(
                    path,
                    Msg::ExtendsCircle {
                        chain: names.join(" → "),
                    },
                )
                .at(extends.node.span.clone(), Msg::LabelLeadsBackPlain)
                .help(Msg::HelpExtendsItself),
            );
            return None;
        }
        if chain.len() > MAX_EXTENDS {
            let names: Vec<String> = chain.iter().map(|p| p.display().to_string()).collect();
            let chain = match names.len() {
                0..=8 => Msg::Chain {
                    chain: names.join(" → "),
                },
                n => Msg::ChainCut {
                    first: names[..3].join(" → "),
                    more: Count(n - 6),
                    last: names[n - 3..].join(" → "),
                },
            };
            self.errors.push(
                Diagnostic::error(
                    path,
                    Msg::ExtendsTooDeep {
                        max: Count(MAX_EXTENDS),
                        chain: chain.boxed(),
                        next: base_path.display().to_string(),
                    },
                )
                .at(extends.node.span.clone(), Msg::LabelOneBaseTooMany)
                .help(Msg::HelpExtendsDepth {
                    max: Count(MAX_EXTENDS),
                }),
            );
            return None;
        }
        if let Err(refused) = self.access.check(&base_path) {
            self.errors.push(
                Diagnostic::error(
                    path,
                    Msg::NamedNotRead {
                        key: "extends".into(),
                        written: written.clone(),
                        reason: refused.reason.boxed(),
                    },
                )
                .at(extends.node.span.clone(), Msg::LabelOutsideRoot)
                .help(refused.help),
            );
            return None;
        }
        let base_text = match read_text(&base_path) {
            Ok(t) => t,
            Err((reason, _)) => {
                self.errors.push(
                    Diagnostic::error(
                        path,
                        Msg::CannotReadBase {
                            written: written.clone(),
                            path: base_path.display().to_string(),
                            reason,
                        },
                    )
                    .at(extends.node.span.clone(), Msg::LabelThisFile)
                    .help(Msg::HelpExtendsRelative),
                );
                return None;
            }
        };
        let base = self.read_tree(&base_path, base_text, chain)?;
        let mut merged = base;
        merge_scenario(&mut merged, root, path, &mut self.errors);
        if let Some(remove) = remove {
            remove_entries(
                &mut merged,
                &remove,
                path,
                &mut self.errors,
                &mut self.removed,
            );
        }
        Some(merged)
    }

    /// Reads the key files the merged scenario names, each relative to the file naming it.
    fn prefetch_keys(&mut self) {
        let Value::Table(top) = &self.root.value else {
            return;
        };
        let Some(Value::Array(files)) = top.get("keys").map(|e| &e.node.value) else {
            return;
        };
        let wanted: Vec<PathBuf> = files
            .iter()
            .filter_map(|f| match &f.value {
                Value::String(s) => Some(key_path(&self.sources, &f.span, s)),
                _ => None,
            })
            .collect();
        for path in wanted {
            if self.key_files.contains_key(&path) {
                continue;
            }
            if let Err(super::access::Refused { reason, help }) = self.access.check(&path) {
                self.key_files
                    .insert(path, KeyFile::Refused { reason, help });
                continue;
            }
            let entry = match read_text(&path).inspect(|_| self.files.push(path.clone())) {
                Err((reason, _)) => KeyFile::Unreadable(*reason),
                Ok(text) => match parse_named(&mut self.sources, &path, text) {
                    Ok((file, root)) => KeyFile::Parsed { file, root },
                    Err(errors) => {
                        self.errors.extend(errors);
                        KeyFile::Unreadable(Msg::NotValidToml)
                    }
                },
            };
            self.key_files.insert(path, entry);
        }
    }
}

/// Removes the entry `key` from a table and returns it.
fn take(table: &mut Table, key: &str) -> Option<Entry> {
    let i = table.entries.iter().position(|e| e.key == key)?;
    Some(table.entries.remove(i))
}

fn entry_id(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Table(t) => match &t.get("id")?.node.value {
            Value::String(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Whether an entry of a list has every key its kind requires: then it replaces the base's
/// entry of the same id instead of patching it.
fn complete(list: &str, table: &Table) -> bool {
    let has = |k: &str| table.get(k).is_some();
    let flow = has("annual") || has("amount");
    match list {
        "posts" => has("fte") && has("annual_cost_per_fte") && has("paid_by"),
        "costs" => has("paid_by") && flow,
        "funding" => has("funder") && flow,
        _ => false,
    }
}

/// Merges table `over` into `base`, key by key; tables within merge too.
fn merge_table(base: &mut Table, over: Table) {
    for e in over.entries {
        match base.entries.iter_mut().find(|b| b.key == e.key) {
            Some(b) => match (&mut b.node.value, e.node.value) {
                (Value::Table(bt), Value::Table(ot)) => merge_table(bt, ot),
                (_, value) => {
                    b.node = Node {
                        value,
                        span: e.node.span,
                    };
                    b.key_span = e.key_span;
                }
            },
            None => base.entries.push(e),
        }
    }
}

/// Merges a variant's tree into its base's: tables key by key; entries of lists by id,
/// replaced when complete, patched when only some keys are given; new entries appended.
fn merge_scenario(base: &mut Node, variant: Node, path: &Path, errors: &mut Vec<Diagnostic>) {
    let (Value::Table(bt), Value::Table(vt)) = (&mut base.value, variant.value) else {
        return;
    };
    for e in vt.entries {
        let list = matches!(e.key.as_str(), "posts" | "costs" | "funding");
        let Some(b) = bt.entries.iter_mut().find(|b| b.key == e.key) else {
            bt.entries.push(e);
            continue;
        };
        match (&mut b.node.value, e.node.value) {
            (Value::Array(items), Value::Array(new)) if list => {
                for item in new {
                    let Some(id) = entry_id(&item).map(str::to_string) else {
                        // Without an id it cannot match; the check will say so.
                        items.push(item);
                        continue;
                    };
                    match items.iter_mut().find(|i| entry_id(i) == Some(id.as_str())) {
                        Some(old) => match (&mut old.value, item.value) {
                            (Value::Table(ot), Value::Table(nt)) if !complete(&e.key, &nt) => {
                                merge_table(ot, nt)
                            }
                            (_, value) => {
                                *old = Node {
                                    value,
                                    span: item.span,
                                }
                            }
                        },
                        None => items.push(item),
                    }
                }
            }
            (Value::Array(items), Value::Array(new)) if e.key == "keys" => items.extend(new),
            (Value::Table(t), Value::Table(n)) => merge_table(t, n),
            (_, value) => {
                if list {
                    errors.push(
                        Diagnostic::error(path, Msg::VariantListNotAList { key: e.key.clone() })
                            .at(e.node.span.clone(), Msg::LabelNotAList)
                            .help(Msg::HelpEachWithId { key: e.key.clone() }),
                    );
                }
                b.node = Node {
                    value,
                    span: e.node.span,
                };
            }
        }
    }
}

/// Drops the entries and funders `remove` names; the funders' ids go into `removed`.
fn remove_entries(
    root: &mut Node,
    remove: &Entry,
    path: &Path,
    errors: &mut Vec<Diagnostic>,
    removed: &mut HashMap<String, Span>,
) {
    let Value::Table(top) = &mut root.value else {
        return;
    };
    let Value::Array(ids) = &remove.node.value else {
        errors.push(Diagnostic::error(path, Msg::RemoveListsIds).at(
            remove.node.span.clone(),
            super::values::this_is(&remove.node.value),
        ));
        return;
    };
    // Each entry's and funder's id and name, for a hint where a name is written.
    let named = named_ids(top);
    for id_node in ids {
        let Value::String(id) = &id_node.value else {
            errors.push(
                Diagnostic::error(path, Msg::RemoveIdsAsStrings)
                    .at(id_node.span.clone(), super::values::this_is(&id_node.value)),
            );
            continue;
        };
        let mut found = false;
        for e in top.entries.iter_mut() {
            match (e.key.as_str(), &mut e.node.value) {
                ("posts" | "costs" | "funding", Value::Array(items)) => {
                    let before = items.len();
                    items.retain(|i| entry_id(i) != Some(id.as_str()));
                    found |= items.len() != before;
                }
                ("funders", Value::Table(t)) => {
                    let gone = take(t, id).is_some();
                    if gone {
                        removed.insert(id.clone(), id_node.span.clone());
                    }
                    found |= gone;
                }
                _ => {}
            }
        }
        if !found {
            let pairs: Vec<(&str, &str)> = named
                .iter()
                .map(|(i, n)| (i.as_str(), n.as_str()))
                .collect();
            errors.push(
                Diagnostic::error(path, Msg::RemoveNothing { id: id.clone() })
                    .at(id_node.span.clone(), Msg::LabelNothingById)
                    .help(id_hint(id, &pairs, || Msg::HelpRemoveWhat)),
            );
        }
    }
}

/// The id and name (`title` of a post, `name` otherwise) of each entry and funder of `top`.
fn named_ids(top: &Table) -> Vec<(String, String)> {
    let text = |t: &Table, key: &str| match t.get(key).map(|e| &e.node.value) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let mut out = Vec::new();
    for e in &top.entries {
        match (e.key.as_str(), &e.node.value) {
            ("posts" | "costs" | "funding", Value::Array(items)) => {
                for item in items {
                    if let (Some(id), Value::Table(t)) = (entry_id(item), &item.value) {
                        let name = text(t, if e.key == "posts" { "title" } else { "name" });
                        out.push((id.to_string(), name));
                    }
                }
            }
            ("funders", Value::Table(funders)) => {
                for f in &funders.entries {
                    if let Value::Table(t) = &f.node.value {
                        out.push((f.key.clone(), text(t, "name")));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// An override of one value in `section`, for messages.
fn section_example(section: &str) -> Option<&'static str> {
    Some(match section {
        "scenario" => "scenario.end=2027-12-31",
        "funders" => "funders.brn.residual=false",
        "funding" => "funding.brn-dk2020.annual=2500000",
        "posts" => "posts.regional-post.fte=0.8",
        "costs" => "costs.operations.annual=50000",
        "indexation" => "indexation.wages.2025=0.04",
        "defaults" => "defaults.employer=BRN-sekretariatet",
        "actuals" => "actuals.file=bookings-2024.csv",
        _ => return None,
    })
}

/// The fields a table at `path` (within the scenario) may hold, for checking an override.
fn fields_at(path: &[&str]) -> Option<&'static [fields::Field]> {
    match path {
        ["scenario"] => Some(fields::SCENARIO),
        ["funders", _] => Some(fields::FUNDER),
        ["posts", _] => Some(fields::POST),
        ["costs", _] => Some(fields::COST),
        ["funding", _] => Some(fields::FUNDING),
        ["indexation"] => Some(fields::INDEXATION),
        ["defaults"] => Some(fields::DEFAULTS),
        ["actuals"] => Some(fields::ACTUALS),
        _ => None,
    }
}

/// The table `name` of `table`, made empty (spanning `made`) where there is none; `None`
/// where `name` holds something else.
fn table_in<'t>(table: &'t mut Table, name: &str, made: Span) -> Option<&'t mut Table> {
    if table.get(name).is_none() {
        table.entries.push(Entry {
            key: name.to_string(),
            key_span: made.clone(),
            node: Node {
                value: Value::Table(Table::default()),
                span: made,
            },
        });
    }
    match &mut table.entries.iter_mut().find(|e| e.key == name)?.node.value {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// Applies one override to the tree; a wrong path or value is an error pointing at it.
fn apply(root: &mut Node, o: &Override, sources: &mut Sources, errors: &mut Vec<Diagnostic>) {
    let file = sources.add(Path::new(o.flag), o.text.clone());
    let path_text = o.text.split_once('=').map_or(o.text.as_str(), |(p, _)| p);
    let at = Setting { o, file, path_text };
    if let Err(d) = at.apply(root) {
        errors.push(*d);
    }
}

/// One override being applied: its flag and text, where its text is among the sources, and
/// the path part of it; for messages that point into it.
struct Setting<'a> {
    o: &'a Override,
    file: FileId,
    path_text: &'a str,
}

/// Why an override cannot be applied.
type Refused = Box<Diagnostic>;

/// The sections a path may start with.
const SECTIONS: [&str; 8] = [
    "scenario",
    "defaults",
    "funders",
    "funding",
    "posts",
    "costs",
    "indexation",
    "actuals",
];

impl Setting<'_> {
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range)
    }

    fn fail(&self, message: Msg, range: std::ops::Range<usize>, label: Msg, help: Msg) -> Refused {
        Box::new(
            Diagnostic::error(Path::new(self.o.flag), message)
                .at(self.span(range), label)
                .help(help),
        )
    }

    /// The whole path, for messages about it.
    fn whole_path(&self) -> std::ops::Range<usize> {
        0..self.path_text.len()
    }

    fn apply(&self, root: &mut Node) -> Result<(), Refused> {
        let (flag, text) = (self.o.flag, &self.o.text);
        let Some((path_text, value_text)) = text.split_once('=') else {
            return Err(self.fail(
                Msg::SetNoValue {
                    flag: flag.to_string(),
                    text: text.clone(),
                },
                0..text.len(),
                Msg::LabelNoEquals,
                Msg::HelpSetForm,
            ));
        };
        let value = self.value(value_text, path_text.len() + 1..text.len());
        let Value::Table(top) = &mut root.value else {
            return Ok(());
        };
        let path: Vec<&str> = path_text.trim().split('.').collect();
        // Find (or, for `indexation`, make) the table the last part is a key of.
        let (table_path, key): (&[&str], &str) = match path.as_slice() {
            [] | [_] => return Err(self.unknown_section(path.first().copied().unwrap_or(""))),
            [head @ .., last] => (head, last),
        };
        let table = self.target(top, table_path)?;
        // The key must be one the table may hold (the rates of indexation are years).
        if let Some(known) = fields_at(table_path)
            && !known.iter().any(|f| f.name == key)
        {
            let names: Vec<&str> = known.iter().map(|f| f.name).collect();
            return Err(self.fail(
                Msg::SetNotAKey {
                    flag: flag.to_string(),
                    key: key.to_string(),
                    table: table_path.join("."),
                },
                path_text.len() - key.len()..path_text.len(),
                Msg::LabelUnknownKey,
                suggest(key, &names, || Msg::HelpKeysHere {
                    keys: List::of(&names),
                }),
            ));
        }
        match table.entries.iter_mut().find(|e| e.key == key) {
            Some(e) => e.node = value,
            None => table.entries.push(Entry {
                key: key.to_string(),
                key_span: self.span(path_text.len() - key.len()..path_text.len()),
                node: value,
            }),
        }
        Ok(())
    }

    /// The value: TOML where it is TOML (numbers, dates, true), else the text itself.
    fn value(&self, value_text: &str, at: std::ops::Range<usize>) -> Node {
        match toml::de::DeValue::parse(value_text.trim()) {
            Ok(v) => {
                let mut node = tree::value_node(self.file, v.get_ref(), at.clone());
                node.span = self.span(at);
                node
            }
            Err(_) => Node {
                value: Value::String(value_text.trim().to_string()),
                span: self.span(at),
            },
        }
    }

    /// A path that names no section's value.
    fn unknown_section(&self, first: &str) -> Refused {
        let flag = self.o.flag;
        // A known section with a wrong rest: say what its paths look like, not "did you
        // mean" the very word written.
        let near = match section_example(first) {
            Some(example) => Msg::HelpPathInto {
                section: first.to_string(),
                flag: flag.to_string(),
                example: example.to_string(),
            },
            None => suggest(first, &SECTIONS, || Msg::HelpPathStarts {
                sections: List::of(&SECTIONS),
            }),
        };
        self.fail(
            Msg::SetNotAPath {
                flag: flag.to_string(),
                path: self.path_text.to_string(),
            },
            self.whole_path(),
            Msg::LabelUnknownPath,
            near,
        )
    }

    /// The table `table_path` names in the scenario's tree.
    fn target<'t>(
        &self,
        top: &'t mut Table,
        table_path: &[&str],
    ) -> Result<&'t mut Table, Refused> {
        let table = match table_path {
            ["scenario"] | ["defaults"] | ["indexation"] | ["indexation", _] | ["actuals"] => {
                let made = self.span(self.whole_path());
                let t = table_in(top, table_path[0], made.clone());
                match table_path {
                    ["indexation", sub] => t.and_then(|inner| table_in(inner, sub, made)),
                    _ => t,
                }
            }
            ["funders", id] => return self.funder(top, id),
            [list_name @ ("posts" | "costs" | "funding"), id] => {
                return self.entry(top, list_name, id);
            }
            _ => None,
        };
        table.ok_or_else(|| self.unknown_section(table_path.first().copied().unwrap_or("")))
    }

    /// The table of funder `id`.
    fn funder<'t>(&self, top: &'t mut Table, id: &str) -> Result<&'t mut Table, Refused> {
        let funders = match top
            .entries
            .iter_mut()
            .find(|e| e.key == "funders")
            .map(|e| &mut e.node.value)
        {
            Some(Value::Table(funders)) => funders,
            _ => return Err(self.unknown_section("funders")),
        };
        let ids: Vec<(String, String)> = (funders.entries.iter())
            .map(|e| {
                let name = match &e.node.value {
                    Value::Table(t) => match t.get("name").map(|n| &n.node.value) {
                        Some(Value::String(n)) => n.clone(),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                (e.key.clone(), name)
            })
            .collect();
        match funders
            .entries
            .iter_mut()
            .find(|e| e.key == id)
            .map(|e| &mut e.node.value)
        {
            Some(Value::Table(t)) => Ok(t),
            _ => {
                let pairs: Vec<(&str, &str)> =
                    ids.iter().map(|(i, n)| (i.as_str(), n.as_str())).collect();
                let only: Vec<&str> = pairs.iter().map(|(i, _)| *i).collect();
                Err(self.fail(
                    Msg::SetNoFunder {
                        flag: self.o.flag.to_string(),
                        id: id.to_string(),
                    },
                    self.whole_path(),
                    Msg::LabelNoSuchFunder,
                    id_hint(id, &pairs, || Msg::HelpFundersAreOnly {
                        funders: List::of(&only),
                    }),
                ))
            }
        }
    }

    /// The table of entry `id` of `list_name` (`posts`, `costs`, `funding`).
    fn entry<'t>(
        &self,
        top: &'t mut Table,
        list_name: &str,
        id: &str,
    ) -> Result<&'t mut Table, Refused> {
        let flag = self.o.flag;
        let items = match top
            .entries
            .iter_mut()
            .find(|e| e.key == list_name)
            .map(|e| &mut e.node.value)
        {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(self.fail(
                    Msg::SetNoList {
                        flag: flag.to_string(),
                        list: list_name.to_string(),
                    },
                    self.whole_path(),
                    Msg::LabelNothingHere,
                    Msg::HelpSetEntry {
                        list: list_name.to_string(),
                    },
                ));
            }
        };
        let name_key = if list_name == "posts" {
            "title"
        } else {
            "name"
        };
        let ids: Vec<(String, String)> = items
            .iter()
            .filter_map(|i| {
                let name = match &i.value {
                    Value::Table(t) => match t.get(name_key).map(|n| &n.node.value) {
                        Some(Value::String(n)) => n.clone(),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                entry_id(i).map(|id| (id.to_string(), name))
            })
            .collect();
        match items
            .iter_mut()
            .find(|i| entry_id(i) == Some(id))
            .map(|i| &mut i.value)
        {
            Some(Value::Table(t)) => Ok(t),
            _ => {
                let pairs: Vec<(&str, &str)> =
                    ids.iter().map(|(i, n)| (i.as_str(), n.as_str())).collect();
                let only: Vec<&str> = pairs.iter().map(|(i, _)| *i).collect();
                Err(self.fail(
                    Msg::SetNoEntry {
                        flag: flag.to_string(),
                        id: id.to_string(),
                        list: list_name.to_string(),
                    },
                    self.whole_path(),
                    Msg::LabelNoSuchEntry,
                    id_hint(id, &pairs, || Msg::HelpIdsIn {
                        list: list_name.to_string(),
                        ids: List::of(&only),
                    }),
                ))
            }
        }
    }
}
