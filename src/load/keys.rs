//! Allocation keys: read from the scenario or from the key files it names, checked, and
//! resolved into exact weights (rates per inhabitant included), with the groups of funders and
//! members they define, and no group that contains itself.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;
use num_traits::CheckedMul;

use super::tree::{Entry, Table, Value};
use super::{Loader, fields, id_hint, values};
use crate::diag::{Diagnostic, Span};
use crate::model::{Funder, Key, KeyMember};
use crate::msg::{List, Msg};
use crate::num::Rational;

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
    pub(super) fn funder_links(&mut self, table: &Table, owner: &Msg) -> FunderLinks {
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
            Value::Table(t) => self.key_map(t, &Msg::OwnerTheScenario),
            Value::Array(files) => {
                let mut keys = Vec::new();
                for f in files {
                    match &f.value {
                        Value::String(path) => keys.extend(self.key_file(path, &f.span)),
                        other => self.error(&f.span, values::this_is(other), Msg::KeysListsPaths),
                    }
                }
                keys
            }
            other => {
                self.error(&entry.node.span, values::this_is(other), Msg::KeysWrongKind);
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
                    Msg::NamedNotRead {
                        key: "keys".into(),
                        written: written.to_string(),
                        reason: reason.clone(),
                    },
                )
                .at(span.clone(), Msg::LabelOutsideRoot)
                .help(help.clone());
                self.push(d);
                self.keys_incomplete = true;
                return Vec::new();
            }
            // Every key file the scenario names is read ahead, inside the root, by `Prepared`.
            None => {
                self.unreadable_key_file(written, &path, &Msg::NotReadAhead, span);
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
                self.unknown_keys(top, fields::KEY_FILE, &Msg::OwnerKeyFile);
                match top.get("keys").map(|e| (&e.node.value, &e.node.span)) {
                    Some((Value::Table(t), _)) => keys = self.key_map(t, &Msg::OwnerKeyFile),
                    Some((other, span)) => {
                        self.error(span, values::this_is(other), Msg::KeyFileHoldsKeys)
                    }
                    None => self.push(
                        Diagnostic::error(&self.path, Msg::KeyFileNoKeys).help(Msg::HelpDefineKeys),
                    ),
                }
            }
        }
        (self.path, self.file) = saved;
        keys
    }

    fn unreadable_key_file(&mut self, written: &str, path: &Path, reason: &Msg, span: &Span) {
        self.push(
            Diagnostic::error(
                &self.path,
                Msg::CannotReadKeyFile {
                    written: written.to_string(),
                    path: path.display().to_string(),
                    reason: reason.clone().boxed(),
                },
            )
            .at(span.clone(), Msg::LabelThisKeyFile)
            .help(Msg::HelpKeyFiles),
        );
        self.keys_incomplete = true;
    }

    /// A table of keys by id.
    fn key_map(&mut self, table: &Table, whose: &Msg) -> Vec<RawKey> {
        let mut out = Vec::new();
        let keys = self.tables_by_id(
            table,
            fields::KEY,
            |id| Msg::OwnerKey { id: id.to_string() },
            |owner, id| Msg::KeyNotATable {
                owner: owner.clone().boxed(),
                whose: whose.clone().boxed(),
                id: id.to_string(),
            },
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

    fn key_members(&mut self, entry: &Entry, owner: &Msg) -> Vec<RawMember> {
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                values::this_is(&entry.node.value),
                Msg::MembersNotATable {
                    owner: owner.clone().boxed(),
                },
            );
            return Vec::new();
        };
        if t.entries.is_empty() {
            self.error(
                &entry.node.span,
                Msg::LabelNoMembers,
                Msg::NoMembers {
                    owner: owner.clone().boxed(),
                },
            );
        }
        let mut out = Vec::new();
        let members = self.tables_by_id(
            t,
            fields::KEY_MEMBER,
            |id| Msg::OwnerMember {
                key: owner.clone().boxed(),
                id: id.to_string(),
            },
            |who, _| Msg::MemberNotATable {
                owner: who.clone().boxed(),
            },
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
                    Diagnostic::error(
                        &self.path,
                        Msg::NoWeight {
                            owner: who.clone().boxed(),
                        },
                    )
                    .at(m.key_span.clone(), Msg::LabelNoWeight)
                    .help(Msg::HelpGiveWeight),
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
        let named: Vec<(String, String)> = (unique.iter())
            .map(|k| (k.id.clone(), k.name.clone().unwrap_or_default()))
            .collect();
        let index = Index {
            of: index,
            named: &named,
        };
        // Funders' links.
        for (f, l) in funders.iter_mut().zip(links) {
            let owner = Msg::OwnerFunder { id: f.id.clone() };
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
            let owner = Msg::OwnerKey { id: k.id.clone() };
            pers.push(
                k.per
                    .as_ref()
                    .and_then(|p| self.key_named(&index, p, &owner)),
            );
            groups.push(
                k.members
                    .iter()
                    .map(|m| {
                        let who = Msg::OwnerMember {
                            key: Msg::OwnerKey { id: k.id.clone() }.boxed(),
                            id: m.id.clone(),
                        };
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
                    Diagnostic::error(&self.path, Msg::KeyTwiceDefined { id: k.id.clone() })
                        .at(k.span.clone(), Msg::LabelDefinedAgain)
                        .also(unique[first].span.clone(), Msg::LabelFirstDefined)
                        .help(Msg::HelpKeyTwice),
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
        index: &Index,
        (id, span): &(String, Span),
        owner: &Msg,
    ) -> Option<usize> {
        if let Some(&i) = index.of.get(id) {
            return Some(i);
        }
        if self.keys_incomplete {
            // A key file that could not be read may define it: that error says enough.
            return None;
        }
        let pairs: Vec<(&str, &str)> = (index.named.iter())
            .map(|(id, name)| (id.as_str(), name.as_str()))
            .collect();
        let ids: Vec<&str> = pairs.iter().map(|(id, _)| *id).collect();
        let help = id_hint(id, &pairs, || match ids.as_slice() {
            [] => Msg::HelpNoKeys,
            _ => Msg::HelpKeysDefined {
                keys: List::of(&ids),
            },
        });
        self.push(
            Diagnostic::error(
                &self.path,
                Msg::KeyNotDefined {
                    owner: owner.clone().boxed(),
                    id: id.clone(),
                },
            )
            .at(span.clone(), Msg::LabelNoSuchKey)
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
                            Msg::SplitTwice {
                                member: member.id.clone(),
                                as_funder: keys[a].id.clone(),
                                as_member: keys[b].id.clone(),
                                key: key.id.clone(),
                            },
                        )
                        .at(member.span.clone(), Msg::LabelSecondSplit)
                        .help(Msg::HelpOneSplit),
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
                                Msg::RateTimesInhabitants {
                                    key: key.id.clone(),
                                    member: member.id.clone(),
                                    per: per.id.clone(),
                                },
                            )
                            .at(span.clone(), Msg::LabelThisRate)
                            .help(Msg::HelpRateWhole),
                        );
                        None
                    }
                }
            }
            (None, Some((_, span)), None) => {
                self.push(
                    Diagnostic::error(
                        &self.path,
                        Msg::RateWithoutPer {
                            key: key.id.clone(),
                            member: member.id.clone(),
                        },
                    )
                    .at(span.clone(), Msg::LabelRateOfWhat)
                    .help(Msg::HelpNamePer),
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
                                Msg::GroupsCycle {
                                    chain: chain.join(" → "),
                                },
                            )
                            .at(
                                member.span.clone(),
                                Msg::LabelLeadsBack {
                                    member: member.id.clone(),
                                    key: keys[g].id.clone(),
                                },
                            )
                            .help(Msg::HelpGroupsCycle),
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

/// The keys by id, and each key's id and name (for hints where a name is written).
struct Index<'k> {
    of: HashMap<String, usize>,
    named: &'k [(String, String)],
}
