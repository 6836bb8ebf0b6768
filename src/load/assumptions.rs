//! Values marked as assumptions: `assumption = true`, `= "why"`, `= { field, why, range }` or a
//! list of such tables, on an entry or on `[indexation]`. Each mark is checked against what it
//! marks (the field is a number or date the entry has; a range is a percentage, or two values
//! low ≤ high of the field's kind), every mistake at its place.

use num_rational::Ratio;

use super::tree::{Node, Table, Value};
use super::{Loader, fields, values};
use crate::diag::Diagnostic;
use crate::model::{AssumedRange, Assumption, Cost, Flow, Funding, Indexation, Post};
use crate::msg::{List, Msg};
use crate::num::Rational;

/// What kind of value a field holds, and so what its range is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Of {
    Money,
    Fte,
    Rate,
    Date,
}

/// The entries as built, to check marks against.
pub(super) struct Built<'a> {
    pub posts: &'a [Post],
    pub costs: &'a [Cost],
    pub funding: &'a [Funding],
    pub indexation: Option<&'a Indexation>,
}

/// A flow's fields that can be assumed, the amount first.
fn flow_fields(flow: &Flow) -> Vec<(String, Of)> {
    match flow {
        Flow::Annual { .. } => vec![
            ("annual".into(), Of::Money),
            ("from".into(), Of::Date),
            ("to".into(), Of::Date),
        ],
        Flow::OneOff { .. } => vec![("amount".into(), Of::Money), ("date".into(), Of::Date)],
    }
}

impl Loader<'_> {
    /// Every mark of the file's entries and indexation, in file order.
    pub(super) fn assumptions(&mut self, top: &Table, built: &Built) -> Vec<Assumption> {
        let mut out = Vec::new();
        for section in ["funding", "posts", "costs"] {
            let Some(Value::Array(items)) = top.get(section).map(|e| &e.node.value) else {
                continue;
            };
            for item in items {
                let Value::Table(t) = &item.value else {
                    continue;
                };
                let (Some(mark), Some(Value::String(id))) =
                    (t.get("assumption"), t.get("id").map(|e| &e.node.value))
                else {
                    continue;
                };
                // An entry that could not be built has its errors already.
                let Some(fields) = entry_fields(section, id, built) else {
                    continue;
                };
                let id = id.to_string();
                let owner = match section {
                    "funding" => Msg::OwnerFunding { id: id.clone() },
                    "posts" => Msg::OwnerPost { id: id.clone() },
                    _ => Msg::OwnerCost { id: id.clone() },
                };
                self.assumption_marks(&mark.node, section, &id, &owner, &fields, &mut out);
            }
        }
        if let (Some(Value::Table(t)), Some(ix)) = (
            top.get("indexation").map(|e| &e.node.value),
            built.indexation,
        ) && let Some(mark) = t.get("assumption")
        {
            let mut fields: Vec<(String, Of)> = Vec::new();
            for (name, rates) in [("wages", &ix.wages), ("prices", &ix.prices)] {
                if !rates.is_empty() {
                    fields.push((name.to_string(), Of::Rate));
                }
            }
            for (name, rates) in [("wages", &ix.wages), ("prices", &ix.prices)] {
                fields.extend(rates.keys().map(|y| (format!("{name}.{y}"), Of::Rate)));
            }
            self.assumption_marks(
                &mark.node,
                "indexation",
                "",
                &Msg::OwnerIndexation,
                &fields,
                &mut out,
            );
        }
        // In file order, a variant's marks after those of the files it extends (read after it).
        out.sort_by_key(|a| {
            a.span
                .as_ref()
                .map(|s| (std::cmp::Reverse(s.file.0), s.range().start))
        });
        out
    }

    /// The marks of one `assumption` value.
    fn assumption_marks(
        &mut self,
        node: &Node,
        section: &'static str,
        id: &str,
        owner: &Msg,
        fields: &[(String, Of)],
        out: &mut Vec<Assumption>,
    ) {
        let mut made: Vec<Assumption> = Vec::new();
        let mut one = |me: &mut Self, node: &Node| {
            if let Some(a) = me.assumption_mark(node, section, id, owner, fields) {
                if made.iter().any(|m| m.field == a.field) {
                    let message = Msg::MarkedTwice {
                        owner: owner.clone().boxed(),
                        field: a.field,
                    };
                    me.push(
                        Diagnostic::error(&me.path, message)
                            .at(node.span.clone(), Msg::LabelMarkedAgain)
                            .help(Msg::HelpMarkOnce),
                    );
                } else {
                    made.push(a);
                }
            }
        };
        match &node.value {
            Value::Array(items) if !items.is_empty() => {
                for item in items {
                    one(self, item);
                }
            }
            _ => one(self, node),
        }
        out.extend(made);
    }

    /// One mark: `true`, a reason, or a table; `None` for `false` or a mistake (reported).
    fn assumption_mark(
        &mut self,
        node: &Node,
        section: &'static str,
        id: &str,
        owner: &Msg,
        fields: &[(String, Of)],
    ) -> Option<Assumption> {
        let Some((default, _)) = fields.first() else {
            let message = Msg::NothingToVary {
                owner: owner.clone().boxed(),
            };
            self.push(
                Diagnostic::error(&self.path, message)
                    .at(node.span.clone(), Msg::LabelNoRates)
                    .help(Msg::HelpGiveRates),
            );
            return None;
        };
        let mut a = Assumption {
            section,
            id: id.to_string(),
            field: default.clone(),
            why: None,
            range: None,
            span: Some(node.span.clone()),
        };
        match &node.value {
            Value::Bool(true) => Some(a),
            Value::Bool(false) => None,
            Value::String(why) => {
                a.why = Some(why.clone());
                Some(a)
            }
            Value::Table(t) => {
                let owner = Msg::OwnerAssumption {
                    owner: owner.clone().boxed(),
                };
                self.unknown_keys(t, fields::ASSUMPTION_MARK, &owner);
                if let Some(e) = t.get("field") {
                    let name = self.read(e, &owner, values::text)?;
                    if !fields.iter().any(|(f, _)| *f == name) {
                        let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
                        let message = Msg::FieldNotVariable {
                            owner: owner.clone().boxed(),
                            field: name,
                        };
                        self.push(
                            Diagnostic::error(&self.path, message)
                                .at(e.node.span.clone(), Msg::LabelNoSuchField)
                                .help(Msg::HelpMarkOneOf {
                                    fields: List::of(&names),
                                }),
                        );
                        return None;
                    }
                    a.field = name;
                }
                if let Some(e) = t.get("why") {
                    a.why = Some(self.read(e, &owner, values::text)?);
                }
                if let Some(e) = t.get("range") {
                    let of = fields
                        .iter()
                        .find(|(f, _)| *f == a.field)
                        .map_or(Of::Money, |(_, of)| *of);
                    a.range = Some(self.assumed_range(&e.node, of, &owner)?);
                }
                Some(a)
            }
            other => {
                let message = Msg::AssumptionWrongKind {
                    owner: owner.clone().boxed(),
                    kind: values::kind(other).boxed(),
                };
                self.push(
                    Diagnostic::error(&self.path, message)
                        .at(node.span.clone(), Msg::LabelNotAMark)
                        .help(Msg::HelpAssumptionForms),
                );
                None
            }
        }
    }

    /// A range: `"10%"` either way, or `[low, high]` of the field's kind.
    fn assumed_range(&mut self, node: &Node, of: Of, owner: &Msg) -> Option<AssumedRange> {
        let bad = |me: &mut Self, what: Msg, help: Msg| {
            let message = Msg::AtKey {
                owner: owner.clone().boxed(),
                key: "range".into(),
                message: what.clone().boxed(),
            };
            me.push(
                Diagnostic::error(&me.path, message)
                    .at(node.span.clone(), what)
                    .help(help),
            );
            None
        };
        let both = match of {
            Of::Date => "[2023-01-01, 2023-06-30]",
            Of::Rate => "[0.02, \"5%\"]",
            _ => "[720_000, 880_000]",
        }
        .to_string();
        match &node.value {
            Value::String(p) if of != Of::Date => match percent(p) {
                Some(r) if r >= Rational::from_integer(0) && r < Rational::from_integer(1) => {
                    Some(AssumedRange::Relative(r))
                }
                _ => bad(self, Msg::RangeNotPercentage, Msg::HelpRangeForms { both }),
            },
            Value::Array(ends) if ends.len() == 2 => {
                if of == Of::Date {
                    let (a, b) = (
                        self.read_range_end(&ends[0], owner, values::date)?,
                        self.read_range_end(&ends[1], owner, values::date)?,
                    );
                    return if a <= b {
                        Some(AssumedRange::Dates(a, b))
                    } else {
                        bad(
                            self,
                            Msg::RangeDaysBackwards,
                            Msg::HelpEarlierFirst { both },
                        )
                    };
                }
                // Any number: an end beyond what is valid (an FTE below 0) is cut at the valid
                // edge where the range is used, and said so.
                let read = |v: &Value| -> Result<Rational, values::Problem> {
                    match (of, v) {
                        (Of::Rate, Value::String(s)) if s.trim().ends_with('%') => {
                            percent(s).map_or_else(|| values::signed(v), Ok)
                        }
                        (_, v) => values::signed(v),
                    }
                };
                let (a, b) = (
                    self.read_range_end(&ends[0], owner, read)?,
                    self.read_range_end(&ends[1], owner, read)?,
                );
                if a <= b {
                    Some(AssumedRange::Numbers(a, b))
                } else {
                    bad(self, Msg::RangeBackwards, Msg::HelpLowerFirst { both })
                }
            }
            _ => bad(
                self,
                Msg::RangeNotARange,
                match of {
                    Of::Date => Msg::HelpDateRange { both },
                    _ => Msg::HelpRangeForms { both },
                },
            ),
        }
    }

    fn read_range_end<T>(
        &mut self,
        node: &Node,
        owner: &Msg,
        read: impl FnOnce(&Value) -> Result<T, values::Problem>,
    ) -> Option<T> {
        match read(&node.value) {
            Ok(v) => Some(v),
            Err(p) => {
                self.problem(&node.span, owner, "range", p);
                None
            }
        }
    }
}

/// The fields of an entry a mark may name, the default (its amount) first; none if the entry
/// was not built.
fn entry_fields(section: &str, id: &str, built: &Built) -> Option<Vec<(String, Of)>> {
    match section {
        "posts" => built.posts.iter().find(|p| p.id == id).map(|_| {
            vec![
                ("annual_cost_per_fte".to_string(), Of::Money),
                ("fte".to_string(), Of::Fte),
                ("from".to_string(), Of::Date),
                ("to".to_string(), Of::Date),
            ]
        }),
        "costs" => built
            .costs
            .iter()
            .find(|c| c.id == id)
            .map(|c| flow_fields(&c.flow)),
        _ => built
            .funding
            .iter()
            .find(|f| f.id == id)
            .map(|f| flow_fields(&f.flow)),
    }
}

/// `"10%"`, `"10 %"`, `"2,5 %"` as a fraction (0.1); none if it is not one.
fn percent(text: &str) -> Option<Rational> {
    let number = text.trim().strip_suffix('%')?.trim().replace(',', ".");
    let value = values::signed(&Value::String(number)).ok()?;
    Some(value / Ratio::from_integer(100))
}
