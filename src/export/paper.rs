//! What the papers for a meeting share (PDF, Word, HTML): the meeting, the date printed and a
//! logo; the scenarios' names where tables say A and B; and notes fit for a board: numbered
//! once, without duplicates, and without file paths, sources or the source document's figure
//! numbers (`(F2, F3)`) unless `--show-sources` asks for them.
//!
//! [`for_paper`] rewrites a shown report's words for a paper (figures untouched); [`Doc`] is
//! that report as plain strings in reading order, for the PDF and Word writers to lay out.

use jiff::civil::Date;

use super::names;
use crate::i18n::{Lang, PaperWord, View, paper_word, term};
use crate::msg::Msg;
use crate::report::text::{Term, Text};
use crate::report::words::Word;
use crate::report::{Block, Cell, Figure, Shown};

/// The paper's font, shipped with the crate: Carlito (metric-compatible with Calibri).
pub(super) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Carlito-Regular.ttf");
pub(super) const BOLD: &[u8] = include_bytes!("../../assets/fonts/Carlito-Bold.ttf");

/// What a paper carries beside the report. *Default:* nothing of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paper {
    /// The meeting the paper is for: `KKR Nordjylland, 10. februar 2023`.
    pub meeting: Option<String>,
    /// The day it was made (standard output's date, or `SOURCE_DATE_EPOCH`'s).
    pub printed: Option<Date>,
    pub logo: Option<Logo>,
    /// Keep file paths, sources and the source document's figure numbers in the notes.
    pub show_sources: bool,
}

/// A logo for the paper's head, read and checked when the flag is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub kind: LogoKind,
    pub bytes: Vec<u8>,
    /// Width and height in pixels (PNG, JPEG) or user units (SVG).
    pub size: (u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Jpeg,
    Svg,
}

impl LogoKind {
    pub fn mime(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
            LogoKind::Svg => "image/svg+xml",
        }
    }
}

impl Logo {
    /// A logo from a file's bytes: PNG, JPEG or SVG (plain or gzipped), told by its content,
    /// with its size; an SVG is parsed here, so that a broken one is refused at the flag.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Logo, Msg> {
        let (kind, size) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            let be = |i: usize| {
                bytes
                    .get(i..i + 4)
                    .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            };
            match (bytes.get(12..16), be(16), be(20)) {
                (Some(b"IHDR"), Some(w), Some(h)) if w > 0 && h > 0 => (LogoKind::Png, (w, h)),
                _ => return Err(Msg::LogoBadPng),
            }
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            (LogoKind::Jpeg, jpeg_size(&bytes).ok_or(Msg::LogoBadJpeg)?)
        } else if looks_like_svg(&bytes) {
            let tree = svg_tree(&bytes).map_err(|e| Msg::LogoBadSvg {
                reason: e.to_string(),
            })?;
            let side = |v: f32| v.round().clamp(1.0, 1e6) as u32;
            (
                LogoKind::Svg,
                (side(tree.size().width()), side(tree.size().height())),
            )
        } else {
            return Err(Msg::LogoNotImage);
        };
        Ok(Logo { kind, bytes, size })
    }

    /// An SVG logo as a drawing (for the PDF, which keeps it vector).
    pub fn svg(&self) -> Option<resvg::usvg::Tree> {
        (self.kind == LogoKind::Svg)
            .then(|| svg_tree(&self.bytes).ok())
            .flatten()
    }

    /// An SVG logo drawn as a PNG `height` pixels high, for readers that cannot draw SVG
    /// (Word's fallback picture).
    pub fn svg_as_png(&self, height: u32) -> Option<Vec<u8>> {
        use resvg::tiny_skia::{Pixmap, Transform};
        let tree = self.svg()?;
        let scale = height as f32 / tree.size().height();
        let width = (tree.size().width() * scale).ceil().clamp(1.0, 4096.0) as u32;
        let mut pixmap = Pixmap::new(width, height)?;
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap.encode_png().ok()
    }
}

/// Whether `bytes` are an SVG: gzipped (`.svgz`), or text with an `<svg` element.
fn looks_like_svg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
        || std::str::from_utf8(bytes).is_ok_and(|text| text.contains("<svg"))
}

/// An SVG parsed for a paper: its text set in the paper's own font (Carlito, whatever family
/// it names), and no file it names read: a logo received from someone else cannot pull a
/// picture off this machine into the paper (pictures inside it as `data:` URLs are drawn).
fn svg_tree(bytes: &[u8]) -> Result<resvg::usvg::Tree, resvg::usvg::Error> {
    use resvg::usvg::{ImageHrefResolver, Options};
    let mut options = Options {
        font_family: "Carlito".into(),
        image_href_resolver: ImageHrefResolver {
            resolve_data: ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Options::default()
    };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(REGULAR.to_vec());
    fonts.load_font_data(BOLD.to_vec());
    fonts.set_serif_family("Carlito");
    fonts.set_sans_serif_family("Carlito");
    resvg::usvg::Tree::from_data(bytes, &options)
}

/// A JPEG's size, from its first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return (w > 0 && h > 0).then_some((w, h));
        }
        i += 2 + len;
    }
    None
}

/// The report with its words as a paper shows them: the scenarios' names instead of A and B
/// ([`names::named`]), no file paths and notes for a board (see the module's head). Figures
/// are untouched.
pub fn for_paper(shown: &Shown, lang: Lang, paper: &Paper) -> Shown {
    let mut out = names::named(shown, lang, paper.show_sources);
    // A board reads no file paths: the column of where a bridge's or a derivation's entries
    // are written goes, unless the sources are asked for.
    if !paper.show_sources {
        for block in &mut out.page.blocks {
            if let Block::Table(t) = block {
                drop_where(t);
            }
        }
    }
    out.page.notes = board_notes(
        &out.page.notes,
        super::view(shown, lang),
        paper.show_sources,
    );
    out
}

/// Drops a table's column headed `Where` (file:line of entries).
fn drop_where(t: &mut crate::report::Table<Figure>) {
    let Some(k) = t.head.iter().position(|h| *h == Text::from(Word::Where)) else {
        return;
    };
    t.head.remove(k);
    for row in &mut t.rows {
        if k < row.cells.len() {
            row.cells.remove(k);
        }
        // Formulas count columns: those right of the column move left.
        for cell in &mut row.cells {
            if let Cell::Figure { calc: Some(c), .. } = cell {
                use crate::report::Calc;
                let shift = |x: &mut usize| {
                    if *x > k {
                        *x -= 1;
                    }
                };
                match c {
                    Calc::SumRow { from, to } => {
                        shift(from);
                        shift(to);
                    }
                    Calc::ColumnDiff { plus, minus } => {
                        shift(plus);
                        shift(minus);
                    }
                    Calc::SumColumn { .. } | Calc::RowDiff { .. } => {}
                }
            }
        }
    }
}

/// The notes of a board paper: each said once; without sources and figure numbers unless
/// `sources`. Each stays `subject: text` (a [`Text::Join`] of two plain parts) so that a
/// paper can tie it to the row of its subject.
fn board_notes(notes: &[Text], view: View, sources: bool) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for note in notes {
        let (subject, body) = match note {
            Text::Join(parts, ": ") if parts.len() == 2 => {
                let subject = view.text(&parts[0]);
                let body = match &parts[1] {
                    Text::Join(pieces, sep) => pieces
                        .iter()
                        .filter(|p| sources || !is_source(p))
                        .map(|p| view.text(p))
                        .collect::<Vec<_>>()
                        .join(sep),
                    other => view.text(other),
                };
                (subject, body)
            }
            other => (String::new(), view.text(other)),
        };
        let body = if sources {
            body
        } else {
            without_figure_refs(&body)
        };
        let body = body.trim().to_string();
        if body.is_empty() {
            continue;
        }
        let key = format!("{subject}\u{0}{body}");
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.push(if subject.is_empty() {
            Text::Plain(body)
        } else {
            Text::Join(vec![Text::Plain(subject), Text::Plain(body)], ": ")
        });
    }
    out
}

/// `Source: …` of a note.
fn is_source(t: &Text) -> bool {
    matches!(t, Text::Join(parts, _) if parts.first() == Some(&Text::Term(Term::Source)))
}

/// A note without references to the source document's figures: `(F2, F3)` goes, `(regionens
/// andel, F2)` becomes `(regionens andel)`.
pub fn without_figure_refs(s: &str) -> String {
    let is_ref = |p: &str| {
        let p = p.trim();
        p.len() > 1 && p.starts_with('F') && p[1..].chars().all(|c| c.is_ascii_digit())
    };
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        let kept: Vec<&str> = inner.split(',').filter(|p| !is_ref(p)).collect();
        if kept.len() == inner.split(',').count() {
            out.push_str(&rest[..=close]);
        } else if kept.is_empty() {
            out.push_str(rest[..open].trim_end());
        } else {
            out.push_str(&rest[..open]);
            out.push('(');
            out.push_str(kept.join(",").trim());
            out.push(')');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A report as a paper reads it: plain strings in reading order, notes numbered once and tied
/// to the rows they are about.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    /// Lines under the title: the meeting, the scenarios, the unit.
    pub lines: Vec<String>,
    /// `Printed 2 December 2026` / `Udskrevet 2. december 2026`.
    pub printed: Option<String>,
    pub meeting: Option<String>,
    pub blocks: Vec<DocBlock>,
    /// Every note, numbered by its place here (1 first).
    pub notes: Vec<String>,
    /// The notes tied to no row, by number, for the end of the paper.
    pub loose: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DocBlock {
    Table(DocTable),
    Paragraph(String),
    /// A waterfall or a tornado, laid out: where each bar starts and ends across the plot.
    Bars(DocBars),
}

/// Floating bars on a common scale from 0 (the plot's left) to 1 (its right).
#[derive(Debug, Clone, PartialEq)]
pub struct DocBars {
    pub title: String,
    /// Where zero, or a tornado's base figure, is.
    pub axis: f32,
    pub bars: Vec<DocBar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocBar {
    pub label: String,
    pub from: f32,
    pub to: f32,
    /// The figures the bar says.
    pub said: String,
    /// A whole bar (A, B); else a step or a range.
    pub whole: bool,
    /// The bar goes up (its end above its start).
    pub up: bool,
}

impl DocBars {
    /// The bars of `b` placed on one scale, drawn to the exact figures (positions for drawing
    /// only), each saying its shown figures in `view`.
    fn new(b: &crate::report::Bars<Figure>, view: View) -> DocBars {
        let (base, lo, hi) = b.extent();
        let span = if hi > lo {
            hi - lo
        } else {
            crate::num::Rational::from_integer(1)
        };
        // A position on the plot, to a thousandth: for drawing, never for a figure.
        let at = |v: crate::num::Rational| {
            let thousandths = ((v - lo) * crate::num::Rational::from_integer(1000) / span)
                .round()
                .to_integer();
            thousandths as f32 / 1000.0
        };
        DocBars {
            title: view.text(&b.title),
            axis: at(base),
            bars: b
                .bars
                .iter()
                .map(|x| DocBar {
                    label: view.text(&x.label),
                    from: at(x.from.exact),
                    to: at(x.to.exact),
                    said: x
                        .said
                        .iter()
                        .map(|f| view.figure(f))
                        .collect::<Vec<_>>()
                        .join(" / "),
                    whole: x.whole,
                    up: x.to.exact >= x.from.exact,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocTable {
    pub title: String,
    pub head: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<DocRow>,
    /// Said under the table (the rounding note).
    pub note: Option<String>,
    /// The notes tied to this table's rows and first shown here, by number.
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRow {
    pub cells: Vec<String>,
    pub total: bool,
    /// Notes on the row's first cell, by number.
    pub notes: Vec<usize>,
}

impl Doc {
    /// The paper of a shown report (already [`for_paper`]).
    pub fn new(shown: &Shown, lang: Lang, paper: &Paper) -> Doc {
        let view = super::view(shown, lang);
        let page = &shown.page;
        // Notes by subject, numbered in the order their rows are first met.
        let subjects: Vec<(String, String)> = page
            .notes
            .iter()
            .map(|n| match n {
                Text::Join(parts, ": ") if parts.len() == 2 => {
                    (view.text(&parts[0]), view.text(&parts[1]))
                }
                other => (String::new(), view.text(other)),
            })
            .collect();
        let mut order: Vec<usize> = Vec::new();
        let mut blocks = Vec::new();
        for block in &page.blocks {
            match block {
                Block::Table(t) => {
                    let mut table = DocTable {
                        title: view.text(&t.title),
                        head: t.head.iter().map(|h| view.text(h)).collect(),
                        numeric: t.numeric_columns(),
                        rows: Vec::new(),
                        note: t
                            .rounding_note
                            .then(|| term(Term::RoundingNote, lang).to_string()),
                        notes: Vec::new(),
                    };
                    for row in &t.rows {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .map(|c| super::table::cell_text(c, view))
                            .collect();
                        let mut notes = Vec::new();
                        let label = cells.first().map(String::as_str).unwrap_or("");
                        for (k, (subject, _)) in subjects.iter().enumerate() {
                            if !label.is_empty() && subject == label && !order.contains(&k) {
                                order.push(k);
                                notes.push(order.len());
                                table.notes.push(order.len());
                            }
                        }
                        table.rows.push(DocRow {
                            cells,
                            total: row.total,
                            notes,
                        });
                    }
                    blocks.push(DocBlock::Table(table));
                }
                Block::Sentence(s) => blocks.push(DocBlock::Paragraph(view.sentence(s))),
                Block::Lines(lines) => {
                    for s in lines {
                        blocks.push(DocBlock::Paragraph(view.sentence(s)));
                    }
                }
                Block::Text(t) => blocks.push(DocBlock::Paragraph(view.text(t))),
                Block::Bars(b) => blocks.push(DocBlock::Bars(DocBars::new(b, view))),
            }
        }
        let tied = order.len();
        for k in 0..subjects.len() {
            if !order.contains(&k) {
                order.push(k);
            }
        }
        let notes = order
            .iter()
            .map(|&k| match &subjects[k] {
                (s, body) if s.is_empty() => body.clone(),
                (s, body) => format!("{s}: {body}"),
            })
            .collect();
        Doc {
            lang,
            title: page
                .title
                .as_ref()
                .map(|t| view.text(t))
                .unwrap_or_default(),
            lines: page.lines.iter().map(|l| view.text(l)).collect(),
            printed: paper.printed.map(|d| {
                format!(
                    "{} {}",
                    paper_word(PaperWord::Printed, lang),
                    lang.date_long(d)
                )
            }),
            meeting: paper.meeting.clone(),
            blocks,
            notes,
            loose: (tied + 1..=order.len()).collect(),
        }
    }
}

/// A note's number as superscript digits: `¹²`.
pub fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_references_are_left_out() {
        assert_eq!(
            without_figure_refs(
                "Betaler den regionale DK2020-stilling (regionens andel, F2) og bevilger GEN2040's midler (F4)."
            ),
            "Betaler den regionale DK2020-stilling (regionens andel) og bevilger GEN2040's midler."
        );
        assert_eq!(
            without_figure_refs("Ansætter to (F4, F9), men betaler (F2, F7)."),
            "Ansætter to, men betaler."
        );
        assert_eq!(without_figure_refs("(Fase 2) (F)"), "(Fase 2) (F)");
    }

    #[test]
    fn superscripts() {
        assert_eq!(superscript(12), "¹²");
        assert_eq!(superscript(3), "³");
    }

    #[test]
    fn logos_are_told_by_their_content() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(200u32.to_be_bytes());
        png.extend(80u32.to_be_bytes());
        assert_eq!(Logo::from_bytes(png).unwrap().size, (200, 80));
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>"#;
        let logo = Logo::from_bytes(svg.to_vec()).unwrap();
        assert_eq!((logo.kind, logo.size), (LogoKind::Svg, (120, 40)));
        assert!(Logo::from_bytes(b"GIF89a".to_vec()).is_err());
        let broken = Logo::from_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'><rect".to_vec());
        assert!(matches!(broken, Err(Msg::LogoBadSvg { .. })), "{broken:?}");
    }
}
