//! An owned TOML tree that keeps the place of every key and value, and numbers as written.
//!
//! The `toml` crate's spanned tree borrows the source text of one file; this owned copy can
//! outlive it and carries the file id in each span, so diagnostics can point into any file.

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::diag::{FileId, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(Integer),
    /// The float as written, `FromStr`-compatible (no `_`).
    Float(String),
    Bool(bool),
    Datetime(Datetime),
    Array(Vec<Node>),
    Table(Table),
}

/// An integer as written; none if it does not fit in 128 bits (too large for any figure).
/// Kept as bytes: an `i128` would double the alignment of every node and make it half as
/// large again, and a large scenario has millions of nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Integer(Option<[u8; 16]>);

impl Integer {
    pub fn new(n: Option<i128>) -> Integer {
        Integer(n.map(i128::to_le_bytes))
    }

    pub fn get(self) -> Option<i128> {
        self.0.map(i128::from_le_bytes)
    }
}

/// A table's entries in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
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
        value: Value::Table(convert_table(file, table, 0)),
        span: Span::new(file, span),
    }
}

/// Copies one parsed value of `file`.
pub fn value_node(file: FileId, value: &DeValue<'_>, range: std::ops::Range<usize>) -> Node {
    convert(file, value, range, 0)
}

/// The span of `range` in a piece of `file`'s text that starts at byte `offset`.
fn shifted(file: FileId, range: std::ops::Range<usize>, offset: usize) -> Span {
    Span::new(file, range.start + offset..range.end + offset)
}

/// Copies a table parsed from the text of `file` that starts at byte `offset`.
fn convert_table(file: FileId, table: &DeTable<'_>, offset: usize) -> Table {
    Table {
        entries: table
            .iter()
            .map(|(key, value)| Entry {
                key: key.get_ref().to_string(),
                key_span: shifted(file, key.span(), offset),
                node: convert(file, value.get_ref(), value.span(), offset),
            })
            .collect(),
    }
}

fn convert(
    file: FileId,
    value: &DeValue<'_>,
    range: std::ops::Range<usize>,
    offset: usize,
) -> Node {
    let value = match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => Value::Integer(Integer::new(
            i128::from_str_radix(i.as_str(), i.radix()).ok(),
        )),
        DeValue::Float(f) => Value::Float(f.as_str().to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::Datetime(*d),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| convert(file, item.get_ref(), item.span(), offset))
                .collect(),
        ),
        DeValue::Table(t) => Value::Table(convert_table(file, t, offset)),
    };
    Node {
        value,
        span: shifted(file, range, offset),
    }
}

/// Frees `root`, on a thread of its own if it is large: its million small allocations, most
/// made on other threads, take as long to free as to check, and nothing waits for them.
pub fn free_aside(root: Node) {
    let entries: usize = match &root.value {
        Value::Table(t) => t
            .entries
            .iter()
            .map(|e| match &e.node.value {
                Value::Array(items) => items.len(),
                _ => 1,
            })
            .sum(),
        _ => 1,
    };
    if entries >= FREE_ASIDE_ENTRIES {
        // Should no thread be had, the tree is freed here, as the closure is.
        let _ = std::thread::Builder::new().spawn(move || drop(root));
    }
}

/// From this many entries a tree is freed on a thread of its own.
const FREE_ASIDE_ENTRIES: usize = 4096;

/// Below this size a document is parsed whole, on one thread.
const PARALLEL_BYTES: usize = 1 << 20;
/// The least size of a piece of a document parsed in pieces.
const PIECE_BYTES: usize = 1 << 16;

/// A large document of `file`, parsed in pieces on as many threads as there are cores, cut
/// before top-level `[[name]]` headers. `None` if it is small, or if any piece does not parse,
/// or if the pieces share a key other than by adding to the same array of tables: then the
/// caller parses it whole, which also finds and places the errors.
///
/// The result is the whole document's: a piece that parses on its own ends between two
/// statements (an open string, array or inline table would be an error at its end), so the
/// next piece starts with a real header, and a document's tables can only meet across a cut
/// in arrays of tables, whose elements then follow one another.
pub fn parse_in_pieces(file: FileId, text: &str) -> Option<Node> {
    if text.len() < PARALLEL_BYTES {
        return None;
    }
    // Several pieces a thread, so that each piece's scaffolding (tokens, hashed tables) is
    // small and its memory used again by the next.
    let threads = crate::cores();
    in_pieces(file, text, threads, 8 * threads, PIECE_BYTES)
}

/// [`parse_in_pieces`] in about `pieces` pieces of at least `least` bytes, on `threads`
/// threads.
fn in_pieces(
    file: FileId,
    text: &str,
    threads: usize,
    pieces: usize,
    least: usize,
) -> Option<Node> {
    let cuts = cuts(text, pieces, least);
    if cuts.len() < 3 {
        return None;
    }
    let parse = |k: usize| {
        let (start, end) = (cuts[k], cuts[k + 1]);
        let doc = DeTable::parse(&text[start..end]).ok()?;
        Some(convert_table(file, doc.get_ref(), start))
    };
    let n = cuts.len() - 1;
    let threads = threads.clamp(1, n);
    // Thread t parses pieces t, t + threads, …
    let mut parsed: Vec<(usize, Option<Table>)> = crate::on_threads((0..threads).collect(), |t| {
        (t..n)
            .step_by(threads)
            .map(|k| (k, parse(k)))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    parsed.sort_by_key(|(k, _)| *k);
    let mut pieces = parsed.into_iter().map(|(_, piece)| piece);
    let mut root = pieces.next()??;
    for piece in pieces {
        for entry in piece?.entries {
            let Some(at) = root.entries.iter().position(|e| e.key == entry.key) else {
                root.entries.push(entry);
                continue;
            };
            let old = &mut root.entries[at].node;
            match (&mut old.value, entry.node.value) {
                (Value::Array(items), Value::Array(more))
                    if is_header(text, &old.span) && is_header(text, &entry.node.span) =>
                {
                    items.extend(more);
                }
                _ => return None,
            }
        }
    }
    Some(Node {
        value: Value::Table(root),
        // As the `toml` crate places a whole document.
        span: Span::new(file, 0..0),
    })
}

/// Whether `span` starts a line (an array of tables' span is its first header's).
fn is_header(text: &str, span: &Span) -> bool {
    let line = text[..span.range().start].rsplit('\n').next().unwrap_or("");
    line.trim_start_matches([' ', '\t']).is_empty()
}

/// Where to cut `text` into about `pieces` pieces, each at least `least` bytes long: its
/// start, the start of a line `[[name]]` (a bare key) after each share, and its end.
fn cuts(text: &str, pieces: usize, least: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let share = (bytes.len() / pieces.max(1)).max(least);
    let mut cuts = vec![0];
    let mut from = share;
    while from + least <= bytes.len() {
        let Some(newline) = bytes[from..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let at = from + newline + 1;
        if at + least > bytes.len() {
            break;
        }
        if is_array_header(&bytes[at..]) {
            cuts.push(at);
            from = at + share;
        } else {
            from = at;
        }
    }
    cuts.push(bytes.len());
    cuts
}

/// Whether `line` starts with `[[name]]`, `name` a bare key.
fn is_array_header(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"[[") else {
        return false;
    };
    let name = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .count();
    name > 0 && rest[name..].starts_with(b"]]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Option<Node> {
        let doc = DeTable::parse(text).ok()?;
        Some(from_document(FileId(0), doc.get_ref(), doc.span()))
    }

    #[test]
    fn a_document_in_pieces_is_the_whole_document() {
        let text = crate::generate::scenario(2_000, 3);
        let expected = whole(&text).expect("a generated scenario parses");
        for pieces in [2, 3, 5, 8] {
            let cuts = cuts(&text, pieces, 1_000);
            assert_eq!(cuts.len(), pieces + 1, "{pieces} pieces");
            assert!(
                cuts[1..cuts.len() - 1]
                    .iter()
                    .all(|&c| text[c..].starts_with("[[posts]]"))
            );
            assert_eq!(
                in_pieces(FileId(0), &text, 2, pieces, 1_000),
                Some(expected.clone())
            );
        }
    }

    #[test]
    fn every_shipped_and_test_file_in_pieces_is_itself_or_parsed_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut files, mut in_pieces_alike) = (0, 0);
        for dir in [
            "scenarios",
            "tests/fixtures",
            "tests/corpus",
            "tests/variants",
            "tests/regression",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).expect("the directory exists") {
                let path = entry.expect("an entry").path();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                files += 1;
                let expected = whole(&text);
                for pieces in 2..6 {
                    let got = in_pieces(FileId(0), &text, 3, pieces, 1);
                    // Cut where it may, a file either comes out whole or is left to be parsed
                    // whole; an invalid one always is.
                    assert!(got.is_none() || got == expected, "{}", path.display());
                    in_pieces_alike += usize::from(got.is_some());
                }
            }
        }
        assert!(files > 80, "{files} files");
        assert!(in_pieces_alike > 50, "{in_pieces_alike} cut cleanly");
    }

    /// Lines that make cuts (headers at a line's start) and lines that hide them (in strings,
    /// arrays, comments, indented); `{i}` is the line's place, so that keys do not clash.
    const LINES: &[&str] = &[
        "[[posts]]\n",
        "[[costs]]\n",
        "[[posts]]\r\n",
        "  [[posts]]\n",
        "[t{i}]\n",
        "[t{i}.u]\n",
        "[[a.b]]\n",
        "k{i} = {i}\n",
        "s{i} = \"\"\"\n[[posts]]\nx = 1\n\"\"\"\n",
        "l{i} = '''\n[[costs]]\n'''\n",
        "v{i} = [\n[[2]],\n]\n",
        "x{i} = { y = 1 }\n",
        "# [[posts]]\n",
        "\n",
    ];
    /// Lines that break a document or make its pieces meet: a table defined twice, an unclosed
    /// string or array, an inline array then tables of the same name.
    const BREAKING: &[&str] = &[
        "[scenario]\n",
        "[posts.extra]\n",
        "u{i} = \"\"\"\n",
        "w{i} = [\n",
        "posts = [{ id = \"x\" }]\n",
        "k = 1\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, failure_persistence: None, ..Default::default() })]

        /// Cut anywhere it may be, any document, valid or not, comes out as its whole parse or
        /// is left to be parsed whole.
        #[test]
        fn pieces_are_the_whole_or_nothing(
            picks in proptest::collection::vec((proptest::bool::weighted(0.06), 0..LINES.len(), 0..BREAKING.len()), 1..30),
            pieces in 2usize..6,
        ) {
            let text: String = picks
                .iter()
                .enumerate()
                .map(|(i, &(breaking, k, b))| {
                    let line = if breaking { BREAKING[b] } else { LINES[k] };
                    line.replace("{i}", &i.to_string())
                })
                .collect();
            let got = in_pieces(FileId(0), &text, 2, pieces, 1);
            proptest::prop_assert!(got.is_none() || got == whole(&text), "{}", text);
        }
    }

    #[test]
    fn what_a_cut_would_change_is_parsed_whole() {
        let posts = "[[posts]]\nid = \"a\"\n[[posts]]\nid = \"b\"\n";
        let cases = [
            // A header inside a multi-line string.
            format!("[scenario]\nname = \"\"\"\n{posts}\"\"\"\n"),
            // A table defined on both sides.
            format!("[funders.a]\n{posts}[funders.b]\n"),
            // Posts as an inline array, then as an array of tables: an error.
            format!("posts = [{{ id = \"x\" }}]\n{posts}"),
            // A sub-table of the last post of the first piece after another array's header.
            format!("{posts}[[costs]]\nid = \"c\"\n[posts.extra]\nx = 1\n"),
        ];
        for text in &cases {
            assert!(cuts(text, 4, 1).len() > 2, "{text}");
            assert_eq!(in_pieces(FileId(0), text, 2, 4, 1), None, "{text}");
        }
        // Arrays of tables on both sides add up, in order.
        let text = format!("[scenario]\n{posts}[[costs]]\nid = \"c\"\n{posts}");
        let got = in_pieces(FileId(0), &text, 2, 4, 1).expect("cut cleanly");
        assert_eq!(Some(got), whole(&text));
    }
}
