//! An owned TOML tree that keeps the place of every key and value, and numbers as written.
//!
//! The `toml` crate's spanned tree borrows the source text of one file; this owned copy can
//! outlive it and carries the file id in each span, so diagnostics can point into any file.

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::diag::{FileId, Span};

#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Value {
    String(String),
    /// An integer; `None` if it does not fit in 128 bits (too large for any figure).
    Integer(Option<i128>),
    /// The float as written, `FromStr`-compatible (no `_`).
    Float(String),
    Bool(bool),
    Datetime(Datetime),
    Array(Vec<Node>),
    Table(Table),
}

impl Value {
    /// What a user would call this kind of value.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Bool(_) => "a boolean",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// A table's entries in file order.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub node: Node,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// Copies a parsed document into an owned tree of `file`.
pub fn from_document(file: FileId, table: &DeTable<'_>, span: std::ops::Range<usize>) -> Node {
    Node {
        value: Value::Table(convert_table(file, table)),
        span: Span { file, range: span },
    }
}

fn convert_table(file: FileId, table: &DeTable<'_>) -> Table {
    Table {
        entries: table
            .iter()
            .map(|(key, value)| Entry {
                key: key.get_ref().to_string(),
                key_span: Span {
                    file,
                    range: key.span(),
                },
                node: convert(file, value.get_ref(), value.span()),
            })
            .collect(),
    }
}

/// Copies one parsed value of `file`.
pub fn value_node(file: FileId, value: &DeValue<'_>, range: std::ops::Range<usize>) -> Node {
    convert(file, value, range)
}

fn convert(file: FileId, value: &DeValue<'_>, range: std::ops::Range<usize>) -> Node {
    let value = match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => Value::Integer(i128::from_str_radix(i.as_str(), i.radix()).ok()),
        DeValue::Float(f) => Value::Float(f.as_str().to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::Datetime(*d),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| convert(file, item.get_ref(), item.span()))
                .collect(),
        ),
        DeValue::Table(t) => Value::Table(convert_table(file, t)),
    };
    Node {
        value,
        span: Span { file, range },
    }
}
