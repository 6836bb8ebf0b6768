//! A bookings export as text: its encoding (UTF-8 with or without a byte-order mark, UTF-16
//! with one, Windows-1252), its delimiter, and its records with the place of every field, so
//! that a message can point at the line and column of a field.

use std::ops::Range;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::msg::Msg;

/// The text of an export and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Why the bytes cannot be read as text: a message, the text as far as it can be shown (to
/// point into), the byte offset in it of the first bad character, and what to do.
#[derive(Debug)]
pub struct Undecodable {
    pub message: Box<Msg>,
    pub shown: String,
    pub at: usize,
    pub help: Box<Msg>,
}

/// Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text.
const UNDEFINED_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// The text of `bytes`, in `declared` if given, else UTF-8 where it is valid, else
/// Windows-1252. A byte-order mark decides in any case, and is not part of the text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(&bytes[bom..], encoding);
    }
    if let Some(encoding) = declared {
        return strict(bytes, encoding);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (shown, _) = WINDOWS_1252.decode_without_bom_handling(&bytes[..at]);
        return Err(Undecodable {
            message: Msg::ExportHasNul.boxed(),
            at: shown.len(),
            shown: shown.into_owned(),
            help: Msg::HelpExportCsv.boxed(),
        });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return strict(bytes, UTF_8);
    }
    strict(bytes, WINDOWS_1252)
}

/// `bytes` in `encoding`, or where the first byte that is not of it is.
fn strict(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, Undecodable> {
    let bad_1252 = (encoding == WINDOWS_1252)
        .then(|| bytes.iter().position(|b| UNDEFINED_1252.contains(b)))
        .flatten();
    let valid = if encoding == WINDOWS_1252 {
        bad_1252.unwrap_or(bytes.len())
    } else {
        match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => {
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding,
                });
            }
            None => first_bad(bytes, encoding),
        }
    };
    if valid == bytes.len() {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
        });
    }
    let (shown, _) = encoding.decode_without_bom_handling(&bytes[..valid]);
    let at = shown.len();
    // The rest as well as it can be read, so that the line is shown whole.
    let (rest, _) = encoding.decode_without_bom_handling(&bytes[valid..]);
    Err(Undecodable {
        message: Msg::ExportNotInEncoding {
            encoding: encoding.name().to_string(),
            byte: format!("0x{:02X}", bytes[valid]),
        }
        .boxed(),
        shown: format!("{shown}{rest}"),
        at,
        help: if encoding == UTF_8 {
            Msg::HelpSaveUtf8.boxed()
        } else {
            Msg::HelpOtherEncoding.boxed()
        },
    })
}

/// The offset of the first byte of `bytes` that `encoding` cannot read.
fn first_bad(bytes: &[u8], encoding: &'static Encoding) -> usize {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
    }
    // Decode in growing prefixes: rare, and only to say where.
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(usize::from(len)),
        _ => read,
    }
}

/// The encoding named by a label such as `utf-8`, `windows-1252` or `latin1`.
pub fn encoding(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The delimiter of a text export: the one of `;`, tab and `,` that the first line that has
/// any holds most of outside quotes (`;` before tab before `,` on a tie).
pub fn delimiter(text: &str) -> u8 {
    for line in text.lines() {
        let mut quoted = false;
        let mut counts = [0usize; 3];
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => counts[0] += 1,
                '\t' if !quoted => counts[1] += 1,
                ',' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
        if counts[best] > 0 {
            return [b';', b'\t', b','][best];
        }
    }
    b';'
}

/// One record: its fields' values, where each is in the text, and its line.
#[derive(Debug)]
pub struct Record {
    pub fields: Vec<String>,
    pub spans: Vec<Range<usize>>,
    /// Where the record starts (byte offset in the text), and its 1-based line.
    pub start: usize,
    pub line: u64,
}

impl Record {
    /// Whether every field is empty (a blank line, or one of delimiters only).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }

    /// The place of field `i`, or of the record's end where it has no such field.
    pub fn span(&self, i: usize) -> Range<usize> {
        self.spans.get(i).cloned().unwrap_or_else(|| {
            let end = self.spans.last().map_or(self.start, |s| s.end);
            end..end
        })
    }
}

/// Every record of `text`, or where the CSV breaks (a byte offset, and what is wrong).
pub fn records(text: &str, delimiter: u8) -> Result<Vec<Record>, (usize, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    // The reader's own line numbers are not those of the text (it counts a CR LF oddly):
    // lines are counted here, from the offsets.
    let newlines: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
    let line_of = |at: usize| newlines.partition_point(|&n| n < at) as u64 + 1;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let at = e.position().map_or(0, |p| p.byte() as usize);
            (at, e.to_string())
        })?;
        // A record's offset may be that of the line ending before it.
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let line = line_of(start);
        let spans = field_spans(text, start, delimiter, record.len());
        out.push(Record {
            fields: record.iter().map(str::to_string).collect(),
            spans,
            start,
            line,
        });
    }
    Ok(out)
}

/// Where each of the `n` fields of the record starting at `start` is: inside its quotes, if
/// it is quoted.
fn field_spans(text: &str, start: usize, delimiter: u8, n: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(n);
    let mut i = start.min(bytes.len());
    while spans.len() < n {
        let from = i;
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            let inner = i;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            spans.push(inner..i);
            while i < bytes.len() && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r'
            {
                i += 1;
            }
        } else {
            while i < bytes.len() && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r'
            {
                i += 1;
            }
            spans.push(from..i);
        }
        if bytes.get(i) == Some(&delimiter) {
            i += 1;
        } else {
            // The record ends here; fields the reader saw beyond are empty.
            while spans.len() < n {
                spans.push(i..i);
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        let utf8 = "Dato;Tekst\n01-07-2023;Løn\n".as_bytes();
        let d = decode(utf8, None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (UTF_8, "Dato;Tekst\n01-07-2023;Løn\n")
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(utf8);
        assert_eq!(decode(&bom, None).unwrap().text, d.text);
        let cp1252 = b"Dato;Tekst\n01-07-2023;L\xF8n\n";
        let w = decode(cp1252, None).unwrap();
        assert_eq!(
            (w.encoding, w.text.as_str()),
            (WINDOWS_1252, d.text.as_str())
        );
        // Declared UTF-8, but Windows-1252: the place of the bad byte.
        let e = decode(cp1252, Some(UTF_8)).unwrap_err();
        assert!(
            e.shown[e.at..].starts_with("\u{fffd}n"),
            "{}",
            &e.shown[e.at..]
        );
        // Bytes Windows-1252 does not define.
        let e = decode(b"a;b\n1;\x81\n", None).unwrap_err();
        let message = e.message.render(crate::msg::Lang::En);
        assert!(message.contains("0x81"), "{message}");
        assert_eq!(e.at, 6);
        // UTF-16 with its mark is read; without it, it is refused.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a;b\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, None).unwrap().text, "a;b\n");
        assert!(decode(&utf16[2..], None).is_err());
    }

    #[test]
    fn delimiters_and_fields() {
        assert_eq!(delimiter("Dato;Beløb;Tekst\n"), b';');
        assert_eq!(delimiter("\n\"a;b\",c,d\n"), b',');
        assert_eq!(delimiter("a\tb\n"), b'\t');
        assert_eq!(delimiter("one column\n"), b';');
        let text = "a;\"b;\"\"c\"\"\";d\r\nx;;\n";
        let r = records(text, b';').unwrap();
        assert_eq!(r[0].fields, ["a", "b;\"c\"", "d"]);
        assert_eq!(&text[r[0].spans[1].clone()], "b;\"\"c\"\"");
        assert_eq!(&text[r[0].spans[2].clone()], "d");
        assert_eq!((r[1].line, &text[r[1].spans[0].clone()]), (2, "x"));
        assert_eq!(r[1].spans[2], 18..18);
        assert!(!r[1].is_blank());
    }
}
