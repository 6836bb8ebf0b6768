//! What differs between two scenarios, entry by entry and field by field, matched by kind
//! and id: what a comparison lists.

use jiff::civil::Date;

use crate::model::{Flow, PaidBy, Scenario};
use crate::num::Rational;

/// What differs for one entry, matched by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `funder`, `post`, `cost` or `funding`.
    pub kind: &'static str,
    pub id: String,
    pub what: ChangeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only in B, with its fields.
    Added(Fields),
    /// Only in A, with its fields.
    Removed(Fields),
    /// In both, with the fields that differ.
    Changed(Vec<FieldChange>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    /// `None` where the side has no such field.
    pub a: Option<Value>,
    pub b: Option<Value>,
}

/// The value of a field of an entry, as compared.
#[derive(Debug, Clone, Eq)]
pub enum Value {
    Text(String),
    Money(Rational),
    Date(Date),
    Number(Rational),
    Flag(bool),
    /// Funder ids and shares, with each funder's name for people.
    Payers(Vec<(String, Rational)>, Vec<String>),
    /// A funder or key by id, with its name for people.
    Named {
        id: String,
        name: String,
    },
    /// The index an amount follows.
    Index(crate::model::Index),
}

/// Values are the same when their ids are: a funder renamed is one change, not one in every
/// entry it pays for.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Text(a), Value::Text(b)) => a == b,
            (Value::Money(a), Value::Money(b)) | (Value::Number(a), Value::Number(b)) => a == b,
            (Value::Date(a), Value::Date(b)) => a == b,
            (Value::Flag(a), Value::Flag(b)) => a == b,
            (Value::Payers(a, _), Value::Payers(b, _)) => a == b,
            (Value::Named { id: a, .. }, Value::Named { id: b, .. }) => a == b,
            (Value::Index(a), Value::Index(b)) => a == b,
            _ => false,
        }
    }
}

impl Value {
    /// Language-neutral: plain decimals, ISO dates, funder ids (for JSON).
    pub fn plain(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Money(m) => crate::num::show(*m),
            Value::Date(d) => d.to_string(),
            Value::Number(n) => crate::num::show(*n),
            Value::Flag(b) => b.to_string(),
            Value::Payers(p, _) => payers(p, crate::num::show),
            Value::Named { id, .. } => id.clone(),
            Value::Index(crate::model::Index::Wages) => "wages".to_string(),
            Value::Index(crate::model::Index::Prices) => "prices".to_string(),
        }
    }
}

/// Funder ids, with their shares where there are more than one.
pub fn payers(p: &[(String, Rational)], share: impl Fn(Rational) -> String) -> String {
    match p {
        [(id, _)] => id.clone(),
        parts => parts
            .iter()
            .map(|(id, r)| format!("{id} {}", share(*r)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The fields of an entry that a comparison looks at.
pub type Fields = Vec<(String, Value)>;

/// The value of field `name`, if the entry has it.
pub fn field<'f>(fields: &'f Fields, name: &str) -> Option<&'f Value> {
    fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn paid_by_value(s: &Scenario, paid_by: &PaidBy) -> Value {
    Value::Payers(
        paid_by
            .0
            .iter()
            .map(|(f, share)| (s.funders[*f].id.clone(), share.rational()))
            .collect(),
        paid_by
            .0
            .iter()
            .map(|(f, _)| s.funders[*f].name.clone())
            .collect(),
    )
}

fn flow_fields(flow: &Flow, out: &mut Fields) {
    match flow {
        Flow::Annual { annual, range } => {
            out.push(("annual".into(), Value::Money(annual.rational())));
            out.push(("from".into(), Value::Date(range.from)));
            out.push(("to".into(), Value::Date(range.to)));
        }
        Flow::OneOff { amount, date } => {
            out.push(("amount".into(), Value::Money(amount.rational())));
            out.push(("date".into(), Value::Date(*date)));
        }
    }
}

/// Every entry of a scenario: (kind, id, fields).
fn entries(s: &Scenario) -> Vec<(&'static str, String, Fields)> {
    let f = |name: &str, v: Value| (name.to_string(), v);
    let mut out = Vec::new();
    // The scenario itself: its name and window change every figure's meaning.
    out.push((
        "scenario",
        String::new(),
        vec![
            f("name", Value::Text(s.name.clone())),
            f("start", Value::Date(s.window.from)),
            f("end", Value::Date(s.window.to)),
        ],
    ));
    if let Some(ix) = &s.indexation {
        let mut fields = vec![
            f("base_year", Value::Text(ix.base_year.to_string())),
            f(
                "effective",
                Value::Text(format!("{:02}-{:02}", ix.effective.0, ix.effective.1)),
            ),
        ];
        for (index, rates) in [("wages", &ix.wages), ("prices", &ix.prices)] {
            for (year, rate) in rates {
                fields.push((format!("{index}.{year}"), Value::Number(*rate)));
            }
        }
        out.push(("indexation", String::new(), fields));
    }
    for k in &s.keys {
        let mut fields = vec![f("name", Value::Text(k.name.clone()))];
        if let Some(d) = k.as_of {
            fields.push(f("as_of", Value::Date(d)));
        }
        for m in &k.members {
            fields.push((format!("members.{}", m.id), Value::Number(m.weight)));
        }
        out.push(("key", k.id.clone(), fields));
    }
    let key = |k: Option<usize>| {
        k.map(|k| Value::Named {
            id: s.keys[k].id.clone(),
            name: s.keys[k].name.clone(),
        })
    };
    for fu in &s.funders {
        let mut fields = vec![
            f("name", Value::Text(fu.name.clone())),
            f("residual", Value::Flag(fu.residual)),
        ];
        fields.extend(key(fu.members).map(|v| f("members", v)));
        fields.extend(key(fu.raised_by).map(|v| f("raised_by", v)));
        out.push(("funder", fu.id.clone(), fields));
    }
    for p in &s.posts {
        let mut fields = vec![f("title", Value::Text(p.title.clone()))];
        if let Some(e) = &p.employer {
            fields.push(f("employer", Value::Text(e.clone())));
        }
        fields.extend([
            f("fte", Value::Number(p.fte.rational())),
            f(
                "annual_cost_per_fte",
                Value::Money(p.annual_cost_per_fte.rational()),
            ),
            f("from", Value::Date(p.range.from)),
            f("to", Value::Date(p.range.to)),
            f("paid_by", paid_by_value(s, &p.paid_by)),
        ]);
        out.push(("post", p.id.clone(), fields));
    }
    for c in &s.costs {
        let mut fields = vec![f("name", Value::Text(c.name.clone()))];
        flow_fields(&c.flow, &mut fields);
        fields.push(f("paid_by", paid_by_value(s, &c.paid_by)));
        out.push(("cost", c.id.clone(), fields));
    }
    for fu in &s.funding {
        let mut fields = vec![
            f("name", Value::Text(fu.name.clone())),
            f(
                "funder",
                Value::Named {
                    id: s.funders[fu.funder].id.clone(),
                    name: s.funders[fu.funder].name.clone(),
                },
            ),
        ];
        flow_fields(&fu.flow, &mut fields);
        if let Some(index) = fu.indexed {
            fields.push(f("indexed", Value::Index(index)));
        }
        out.push(("funding", fu.id.clone(), fields));
    }
    out
}

/// What differs between the entries of `a` and `b`, matched by kind and id.
pub fn changes(a: &Scenario, b: &Scenario) -> Vec<Change> {
    let ea = entries(a);
    let eb = entries(b);
    // Each side's entries by kind and id: a large scenario has 100,000 of them.
    let index = |entries: &[(&'static str, String, Fields)]| {
        entries
            .iter()
            .enumerate()
            .map(|(n, (kind, id, _))| ((*kind, id.clone()), n))
            .collect::<std::collections::HashMap<_, _>>()
    };
    let (in_a, in_b) = (index(&ea), index(&eb));
    let mut out = Vec::new();
    for (kind, id, fields_a) in &ea {
        match in_b.get(&(*kind, id.clone())).map(|&n| &eb[n]) {
            None => out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Removed(fields_a.clone()),
            }),
            Some((_, _, fields_b)) => {
                let mut diffs = Vec::new();
                let names = fields_a.iter().map(|(n, _)| n.as_str()).chain(
                    fields_b
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .filter(|n| field(fields_a, n).is_none()),
                );
                for name in names {
                    let (va, vb) = (field(fields_a, name), field(fields_b, name));
                    if va != vb {
                        diffs.push(FieldChange {
                            field: name.to_string(),
                            a: va.cloned(),
                            b: vb.cloned(),
                        });
                    }
                }
                if !diffs.is_empty() {
                    out.push(Change {
                        kind,
                        id: id.clone(),
                        what: ChangeKind::Changed(diffs),
                    });
                }
            }
        }
    }
    for (kind, id, fields_b) in &eb {
        if !in_a.contains_key(&(*kind, id.clone())) {
            out.push(Change {
                kind,
                id: id.clone(),
                what: ChangeKind::Added(fields_b.clone()),
            });
        }
    }
    out
}
