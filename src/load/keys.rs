//! Allocation keys: read from the scenario or from the key files it names, checked, and
//! resolved into exact weights (rates per inhabitant included), with the groups of funders and
//! members they define, and no group that contains itself.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;
use num_traits::CheckedMul;

use super::tree::{Entry, Table, Value};
use super::{Loader, fields, list, suggest, values};
use crate::diag::{Diagnostic, Span};
use crate::model::{Funder, Key, KeyMember};
use crate::num::Rational;

/// What to do about a key that is named where none is defined.
const NO_KEYS: &str = "define the key as [keys.<id>], or name the key file that defines it: keys = [\"../keys/population-2020.toml\"]";

/// The largest weight or rate accepted.
const MAX_WEIGHT: i64 = 1_000_000_000_000;

/// A key as read, before its references are resolved.
pub(super) struct RawKey {
    id: String,
    span: Span,
    name: Option<String>,
    source: Option<String>,
    note: Option<String>,
    as_of: Option<Date>,
    per: Option<(String, Span)>,
    members: Vec<RawMember>,
}

struct RawMember {
    id: String,
    span: Span,
    name: Option<String>,
    weight: Option<Rational>,
    rate: Option<(Rational, Span)>,
    group: Option<(String, Span)>,
}

/// A funder's references to keys, as read.
#[derive(Default)]
pub(super) struct FunderLinks {
    pub members: Option<(String, Span)>,
    pub raised_by: Option<(String, Span)>,
}

impl Loader<'_> {
    /// Reads `table`'s `members` and `raised_by`.
    pub(super) fn funder_links(&mut self, table: &Table, owner: &str) -> FunderLinks {
        let mut read = |key: &str| self.read_at(table.get(key)?, owner, values::text);
        FunderLinks {
            members: read("members"),
            raised_by: read("raised_by"),
        }
    }

    /// The keys the scenario defines in place or names in key files.
    pub(super) fn raw_keys(&mut self, top: &Table) -> Vec<RawKey> {
        let Some(entry) = top.get("keys") else {
            return Vec::new();
        };
        match &entry.node.value {
            Value::Table(t) => self.key_map(t, "the scenario"),
            Value::Array(files) => {
                let mut keys = Vec::new();
                for f in files {
                    match &f.value {
                        Value::String(path) => keys.extend(self.key_file(path, &f.span)),
                        other => self.error(
                            &f.span,
                            format!("this is {}", other.kind()),
                            "`keys` lists key files by path, such as keys = [\"../keys/population-2020.toml\"]",
                        ),
                    }
                }
                keys
            }
            other => {
                self.error(
                    &entry.node.span,
                    format!("this is {}", other.kind()),
                    "`keys` is a list of key files, such as keys = [\"../keys/population-2020.toml\"], or keys defined here as [keys.<id>] tables",
                );
                Vec::new()
            }
        }
    }

    /// Reads the key file `written` (relative to the file that names it) named at `span`.
    fn key_file(&mut self, written: &str, span: &Span) -> Vec<RawKey> {
        let path = super::files::key_path(&self.sources, span, written);
        let (file, root) = match self.key_files.get(&path) {
            Some(super::files::KeyFile::Parsed { file, root }) => (*file, root.clone()),
            Some(super::files::KeyFile::Unreadable(reason)) => {
                let reason = reason.clone();
                self.unreadable_key_file(written, &path, &reason, span);
                return Vec::new();
            }
            Some(super::files::KeyFile::Refused { reason, help }) => {
                let d = Diagnostic::error(
                    &self.path,
                    format!("`keys`: `{written}` is not read: {reason}"),
                )
                .at(span.clone(), "outside the root")
                .help(help.clone());
                self.push(d);
                self.keys_incomplete = true;
                return Vec::new();
            }
            // Every key file the scenario names is read ahead, inside the root, by `Prepared`.
            None => {
                self.unreadable_key_file(written, &path, "it was not read ahead", span);
                return Vec::new();
            }
        };
        // Read the key file as the current file, then go back to the scenario.
        let saved = (
            std::mem::replace(&mut self.path, path),
            std::mem::replace(&mut self.file, file),
        );
        let mut keys = Vec::new();
        {
            if let Value::Table(top) = &root.value {
                self.unknown_keys(top, fields::KEY_FILE, "the key file");
                match top.get("keys").map(|e| (&e.node.value, &e.node.span)) {
                    Some((Value::Table(t), _)) => keys = self.key_map(t, "the key file"),
                    Some((other, span)) => self.error(
                        span,
                        format!("this is {}", other.kind()),
                        "a key file holds [keys.<id>] tables",
                    ),
                    None => self.push(
                        Diagnostic::error(&self.path, "this key file defines no keys").help(
                            "define keys as [keys.<id>] tables with name, source, as_of and [keys.<id>.members]",
                        ),
                    ),
                }
            }
        }
        (self.path, self.file) = saved;
        keys
    }

    fn unreadable_key_file(&mut self, written: &str, path: &Path, reason: &str, span: &Span) {
        self.push(
            Diagnostic::error(
                &self.path,
                format!("cannot read the key file `{written}` ({}): {reason}", path.display()),
            )
            .at(span.clone(), "this key file")
            .help("key files are found relative to the file that names them: from scenarios/, the shipped ones are ../keys/population-2020.toml and ../keys/brn-contributions.toml"),
        );
        self.keys_incomplete = true;
    }

    /// A table of keys by id.
    fn key_map(&mut self, table: &Table, whose: &str) -> Vec<RawKey> {
        let mut out = Vec::new();
        let keys = self.tables_by_id(
            table,
            fields::KEY,
            |id| format!("key `{id}`"),
            |owner, id| format!("{owner} in {whose} must be a table: [keys.{id}] with its members"),
        );
        for (e, t, owner) in keys {
            let as_of = t
                .get("as_of")
                .and_then(|d| self.read(d, &owner, values::date));
            let per = t
                .get("per")
                .and_then(|p| self.read_at(p, &owner, values::text));
            let members = match self.required(
                t,
                &e.node.span,
                "members",
                &owner,
                "{ aalborg = { name = \"Aalborg Kommune\", weight = 217_075 } }",
            ) {
                Some(m) => self.key_members(m, &owner),
                None => Vec::new(),
            };
            out.push(RawKey {
                id: e.key.clone(),
                span: e.key_span.clone(),
                name: self.optional_text(t, "name", &owner),
                source: self.optional_text(t, "source", &owner),
                note: self.optional_text(t, "note", &owner),
                as_of,
                per,
                members,
            });
        }
        out
    }

    fn key_members(&mut self, entry: &Entry, owner: &str) -> Vec<RawMember> {
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("this is {}", entry.node.value.kind()),
                format!("{owner}: `members` is a table of members by id, such as aalborg = {{ name = \"Aalborg Kommune\", weight = 217_075 }}"),
            );
            return Vec::new();
        };
        if t.entries.is_empty() {
            self.error(
                &entry.node.span,
                "no members",
                format!("{owner} has no members"),
            );
        }
        let mut out = Vec::new();
        let members = self.tables_by_id(
            t,
            fields::KEY_MEMBER,
            |id| format!("{owner}, member `{id}`"),
            |who, _| format!("{who} must be a table, such as {{ name = \"Aalborg Kommune\", weight = 217_075 }}"),
        );
        for (m, mt, who) in members {
            let positive = |v: &Value| values::positive(v, values::What::Weight, MAX_WEIGHT);
            let weight = mt.get("weight").and_then(|w| self.read(w, &who, positive));
            let rate = mt.get("rate").and_then(|r| self.read_at(r, &who, positive));
            let group = mt
                .get("members")
                .and_then(|g| self.read_at(g, &who, values::text));
            if mt.get("weight").is_none() && mt.get("rate").is_none() {
                self.push(
                    Diagnostic::error(&self.path, format!("{who} has no weight"))
                        .at(m.key_span.clone(), "no weight")
                        .help("give each member a `weight` (such as its population), or a `rate` per inhabitant with the key's `per`"),
                );
            }
            out.push(RawMember {
                id: m.key.clone(),
                span: m.key_span.clone(),
                name: self.optional_text(mt, "name", &who),
                weight,
                rate,
                group,
            });
        }
        out
    }

    /// Resolves every reference to a key, computes the weights, and refuses groups that
    /// contain each other. Sets the funders' `members` and `raised_by`.
    pub(super) fn resolve_keys(
        &mut self,
        raw: Vec<RawKey>,
        funders: &mut [Funder],
        links: &[FunderLinks],
    ) -> Vec<Key> {
        let unique = self.unique_keys(raw);
        let index: HashMap<String, usize> = unique
            .iter()
            .enumerate()
            .map(|(i, k)| (k.id.clone(), i))
            .collect();
        // Funders' links.
        for (f, l) in funders.iter_mut().zip(links) {
            let owner = format!("funder `{}`", f.id);
            f.members = l
                .members
                .as_ref()
                .and_then(|r| self.key_named(&index, r, &owner));
            f.raised_by = l
                .raised_by
                .as_ref()
                .and_then(|r| self.key_named(&index, r, &owner));
        }
        // Members' groups and keys' `per`.
        let mut groups: Vec<Vec<Option<usize>>> = Vec::new();
        let mut pers: Vec<Option<usize>> = Vec::new();
        for k in &unique {
            let owner = format!("key `{}`", k.id);
            pers.push(
                k.per
                    .as_ref()
                    .and_then(|p| self.key_named(&index, p, &owner)),
            );
            groups.push(
                k.members
                    .iter()
                    .map(|m| {
                        let who = format!("key `{}`, member `{}`", k.id, m.id);
                        m.group
                            .as_ref()
                            .and_then(|g| self.key_named(&index, g, &who))
                    })
                    .collect(),
            );
        }
        self.join_funder_groups(&unique, &mut groups, funders);
        self.refuse_cycles(&unique, &groups, funders);
        unique
            .iter()
            .enumerate()
            .map(|(k, key)| {
                let per = pers[k].map(|p| &unique[p]);
                let members = key
                    .members
                    .iter()
                    .enumerate()
                    .filter_map(|(m, member)| {
                        let weight = self.member_weight(key, member, per)?;
                        let name = member.name.clone().unwrap_or_else(|| {
                            funders
                                .iter()
                                .find(|f| f.id == member.id)
                                .map_or_else(|| member.id.clone(), |f| f.name.clone())
                        });
                        Some(KeyMember {
                            id: member.id.clone(),
                            name,
                            weight,
                            group: groups[k][m],
                        })
                    })
                    .collect();
                self.key(key, members)
            })
            .collect()
    }

    /// The keys with their ids unique across the scenario and its key files; a second
    /// definition is an error.
    fn unique_keys(&mut self, raw: Vec<RawKey>) -> Vec<RawKey> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut unique: Vec<RawKey> = Vec::new();
        for k in raw {
            if let Some(&first) = index.get(&k.id) {
                self.push(
                    Diagnostic::error(&self.path, format!("the key `{}` is defined twice", k.id))
                        .at(k.span.clone(), "defined again here")
                        .also(unique[first].span.clone(), "first defined here")
                        .help("rename one of them, or name only one of the key files"),
                );
                continue;
            }
            index.insert(k.id.clone(), unique.len());
            unique.push(k);
        }
        unique
    }

    /// The key a reference names, or an error at the reference (`owner` names who makes it).
    fn key_named(
        &mut self,
        index: &HashMap<String, usize>,
        (id, span): &(String, Span),
        owner: &str,
    ) -> Option<usize> {
        if let Some(&i) = index.get(id) {
            return Some(i);
        }
        if self.keys_incomplete {
            // A key file that could not be read may define it: that error says enough.
            return None;
        }
        let mut candidates: Vec<&str> = index.keys().map(String::as_str).collect();
        candidates.sort_by_key(|c| index[*c]);
        let help = suggest(id, &candidates, || match candidates.as_slice() {
            [] => NO_KEYS.to_string(),
            _ => format!("the keys defined are {}", list(&candidates)),
        });
        self.push(
            Diagnostic::error(
                &self.path,
                format!("{owner}: the key `{id}` is not defined"),
            )
            .at(span.clone(), "no such key")
            .help(help),
        );
        None
    }

    /// A member that is also a funder is the same party: one group key, not two.
    fn join_funder_groups(
        &mut self,
        keys: &[RawKey],
        groups: &mut [Vec<Option<usize>>],
        funders: &[Funder],
    ) {
        for (k, key) in keys.iter().enumerate() {
            for (m, member) in key.members.iter().enumerate() {
                let Some(f) = funders.iter().find(|f| f.id == member.id) else {
                    continue;
                };
                match (f.members, groups[k][m]) {
                    (Some(a), Some(b)) if a != b => self.push(
                        Diagnostic::error(
                            &self.path,
                            format!(
                                "`{}` is split by `{}` as a funder but by `{}` as a member of key `{}`",
                                member.id, keys[a].id, keys[b].id, key.id
                            ),
                        )
                        .at(member.span.clone(), "a second split")
                        .help("a party is split by one key; name the same key in both places, or only in one"),
                    ),
                    (Some(a), None) => groups[k][m] = Some(a),
                    _ => {}
                }
            }
        }
    }

    /// A member's weight: given, or its rate × its inhabitants by the key's `per`; `None`
    /// (with an error where one is due) where it has none.
    fn member_weight(
        &mut self,
        key: &RawKey,
        member: &RawMember,
        per: Option<&RawKey>,
    ) -> Option<Rational> {
        match (&member.weight, &member.rate, per) {
            (Some(w), _, _) => Some(*w),
            (None, Some((rate, span)), Some(per)) => {
                let product =
                    inhabitants(per, &member.id).map(|n| n.and_then(|n| rate.checked_mul(&n)));
                match product {
                    Ok(Some(w)) => Some(w),
                    // A member of `per` without a weight: reported there.
                    Err(NoWeight) => None,
                    Ok(None) => {
                        self.push(
                            Diagnostic::error(
                                &self.path,
                                format!(
                                    "key `{}`, member `{}`: rate × inhabitants of `{}` is too large or too fine a fraction to compute exactly",
                                    key.id, member.id, per.id
                                ),
                            )
                            .at(span.clone(), "this rate")
                            .help("give the rate and the population key's weights as whole numbers or decimals"),
                        );
                        None
                    }
                }
            }
            (None, Some((_, span)), None) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        format!(
                            "key `{}`, member `{}`: a `rate` needs the key's `per`",
                            key.id, member.id
                        ),
                    )
                    .at(span.clone(), "a rate per inhabitant of what?")
                    .help("name a population key: per = \"population-2020\""),
                );
                None
            }
            (None, None, _) => None,
        }
    }

    /// The key as the model holds it, with where it is written.
    fn key(&self, key: &RawKey, members: Vec<KeyMember>) -> Key {
        let (line, column) = self
            .sources
            .line_column(key.span.file, key.span.range().start);
        let at = format!(
            "{}:{line}:{column}",
            self.sources.path(key.span.file).display()
        );
        Key {
            id: key.id.clone(),
            name: key.name.clone().unwrap_or_else(|| key.id.clone()),
            source: key.source.clone(),
            note: key.note.clone(),
            as_of: key.as_of,
            members,
            span: Some(key.span.clone()),
            at: Some(at),
        }
    }

    /// Groups that contain each other, directly or through other groups, or a funder whose
    /// money is raised from itself.
    fn refuse_cycles(
        &mut self,
        keys: &[RawKey],
        groups: &[Vec<Option<usize>>],
        funders: &[Funder],
    ) {
        // From key k, the keys its members lead to, with the member that leads there.
        let next = |k: usize| -> Vec<(usize, &RawMember)> {
            let mut out = Vec::new();
            for (m, member) in keys[k].members.iter().enumerate() {
                if let Some(g) = groups[k][m] {
                    out.push((g, member));
                }
                if let Some(r) = funders
                    .iter()
                    .find(|f| f.id == member.id)
                    .and_then(|f| f.raised_by)
                {
                    out.push((r, member));
                }
            }
            out
        };
        let mut state = vec![0u8; keys.len()]; // 0 new, 1 on the path, 2 done
        let mut reported = false;
        for start in 0..keys.len() {
            if state[start] != 0 || reported {
                continue;
            }
            // Depth-first, keeping the path to name the whole chain.
            let mut path: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (k, ref mut i)) = path.last_mut() {
                let edges = next(k);
                if *i >= edges.len() {
                    state[k] = 2;
                    path.pop();
                    continue;
                }
                let (g, member) = edges[*i];
                *i += 1;
                match state[g] {
                    0 => {
                        state[g] = 1;
                        path.push((g, 0));
                    }
                    1 => {
                        let from = path.iter().position(|(x, _)| *x == g).unwrap_or(0);
                        let mut chain: Vec<&str> = path[from..]
                            .iter()
                            .map(|(x, _)| keys[*x].id.as_str())
                            .collect();
                        chain.push(&keys[g].id);
                        self.push(
                            Diagnostic::error(
                                &self.path,
                                format!("groups contain each other: {}", chain.join(" → ")),
                            )
                            .at(member.span.clone(), format!("`{}` leads back to `{}`", member.id, keys[g].id))
                            .help("a group's members cannot contain the group itself; check which key each `members` and `raised_by` names"),
                        );
                        reported = true;
                        break;
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The inhabitants a member of a rated key stands for, by the population key `per`: its own
/// weight there if it is one of its members; the whole area's otherwise (a group over the
/// whole area, or a party such as the region that covers all of it).
/// `Ok(None)` where the sum does not fit.
fn inhabitants(per: &RawKey, member: &str) -> Result<Option<Rational>, NoWeight> {
    use num_traits::CheckedAdd;
    if let Some(m) = per.members.iter().find(|m| m.id == member) {
        return m.weight.map(Some).ok_or(NoWeight);
    }
    let mut sum = Some(Rational::from_integer(0));
    for m in &per.members {
        let w = m.weight.ok_or(NoWeight)?;
        sum = sum.and_then(|s| s.checked_add(&w));
    }
    Ok(sum)
}

/// A member of a population key without a weight (reported where it is).
struct NoWeight;
