//! PDF: a typeset A4 paper written directly (krilla), no browser. Carlito (SIL Open Font
//! License 1.1, `assets/fonts/`) is embedded, subset, so text stays text: searchable and
//! copyable. The layout is our own and simple: paragraphs and table cells broken at spaces,
//! tables as wide as the text column (long labels wrap; when even that is not enough the
//! periods are split into blocks that each repeat the label columns), a table row never split
//! across pages and its head repeated on the next, a heading kept with what follows it, and
//! "Side 1 af 3" at every page's foot.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size as FontSize};

use super::paper::{
    BOLD, Doc, DocBlock, DocTable, LogoKind, Paper, REGULAR, for_paper, superscript,
};
use crate::i18n::{Lang, PaperWord, page_of, paper_word};
use crate::report::Shown;

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 56.7;
const RIGHT: f32 = PAGE_W - 56.7;
const TOP: f32 = 51.0;
const BOTTOM: f32 = PAGE_H - 56.7;
const WIDTH: f32 = RIGHT - LEFT;

/// Body text, table text (largest and smallest), notes.
const BODY: f32 = 10.5;
const TABLE: f32 = 9.0;
const TABLE_MIN: f32 = 7.5;
const SMALL: f32 = 8.0;
/// Padding left and right of a table cell, and above and below its text.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 2.6;

/// The PDF exporter.
pub struct Pdf {
    pub lang: Lang,
    pub paper: Paper,
}

impl super::Exporter for Pdf {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = for_paper(shown, self.lang, &self.paper);
        let doc = Doc::new(&shown, self.lang, &self.paper);
        render(&doc, &self.paper).map_err(std::io::Error::other)
    }
}

/// A font: krilla's, for writing, and its glyphs and advances, for measuring.
struct Face {
    font: Font,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: skrifa::metrics::GlyphMetrics<'static>,
    upem: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Result<Face, String> {
        let font_ref = skrifa::FontRef::new(bytes).map_err(|e| format!("font: {e}"))?;
        let font = Font::new(bytes.into(), 0).ok_or("font: krilla cannot read it")?;
        Ok(Face {
            upem: font.units_per_em(),
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(FontSize::unscaled(), LocationRef::default()),
        })
    }

    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let id = self.charmap.map(c).unwrap_or_default();
                KrillaGlyph {
                    glyph_id: GlyphId::new(id.to_u32()),
                    text_range: i..i + c.len_utf8(),
                    x_advance: self.metrics.advance_width(id).unwrap_or(0.0) / self.upem,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                let id = self.charmap.map(c).unwrap_or_default();
                self.metrics.advance_width(id).unwrap_or(0.0)
            })
            .sum::<f32>()
            / self.upem
            * size
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

impl Faces {
    fn get(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// `text` broken at spaces into lines of at most `width` (a word longer than that stays
    /// whole, on a line of its own).
    fn wrap(&self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let face = self.get(bold);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && face.width(&candidate, size) > width {
                    lines.push(std::mem::replace(&mut line, word.to_string()));
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// The widest word of `text`.
    fn widest_word(&self, text: &str, bold: bool, size: f32) -> f32 {
        text.split([' ', '\n'])
            .map(|w| self.get(bold).width(w, size))
            .fold(0.0, f32::max)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tone {
    Black,
    Grey,
}

/// One thing drawn, relative to its box's top left.
#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        /// The baseline, from the box's top.
        y: f32,
        text: String,
        bold: bool,
        size: f32,
        tone: Tone,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        tone: Tone,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    /// A filled box: a bar of a chart.
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
}

/// A piece of the page that is never split: a line of text, a table row.
#[derive(Debug, Clone, Default)]
struct Piece {
    height: f32,
    ops: Vec<Op>,
    /// Goes on the same page as the next piece.
    keep_with_next: bool,
    /// Space only: dropped at the top of a page.
    space: bool,
    /// The head of its table, to repeat above it when it starts a page.
    head: Option<usize>,
}

impl Piece {
    fn space(height: f32) -> Piece {
        Piece {
            height,
            space: true,
            ..Piece::default()
        }
    }
}

/// Lines of text as pieces, one per line, each `leading` high.
#[allow(clippy::too_many_arguments)]
fn text_pieces(
    faces: &Faces,
    text: &str,
    bold: bool,
    size: f32,
    leading: f32,
    x: f32,
    width: f32,
    tone: Tone,
) -> Vec<Piece> {
    faces
        .wrap(text, bold, size, width)
        .into_iter()
        .map(|line| Piece {
            height: leading,
            ops: vec![Op::Text {
                x,
                y: leading * 0.78,
                text: line,
                bold,
                size,
                tone,
            }],
            ..Piece::default()
        })
        .collect()
}

/// Marks the first `n` pieces of `pieces` (from `from`) to stay together.
fn keep(pieces: &mut [Piece], from: usize, n: usize) {
    let end = (from + n).min(pieces.len());
    for p in pieces.iter_mut().take(end.saturating_sub(1)).skip(from) {
        p.keep_with_next = true;
    }
}

/// A logo as the PDF draws it: a picture, or an SVG kept as a drawing (its text as text).
enum Drawn {
    Image(krilla::image::Image),
    Svg(Box<resvg::usvg::Tree>),
}

/// The paper as bytes.
pub fn render(doc: &Doc, paper: &Paper) -> Result<Vec<u8>, String> {
    let faces = Faces {
        regular: Face::new(REGULAR)?,
        bold: Face::new(BOLD)?,
    };
    let mut heads: Vec<Piece> = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();

    // The head: the logo at the right, the title, the meeting, the lines.
    let logo = paper.logo.as_ref().map(|l| {
        let (w, h) = (l.size.0 as f32, l.size.1 as f32);
        let scale = (42.0 / h).min(150.0 / w);
        (w * scale, h * scale)
    });
    let title_width = logo.map_or(WIDTH, |(w, _)| WIDTH - w - 14.0);
    let mut title = text_pieces(
        &faces,
        &doc.title,
        true,
        17.0,
        21.0,
        0.0,
        title_width,
        Tone::Black,
    );
    if let (Some((w, h)), Some(first)) = (logo, title.first_mut()) {
        first.ops.push(Op::Logo {
            x: WIDTH - w,
            y: 0.0,
            w,
            h,
        });
        // The logo stands beside the whole title: a title lower than the logo ends below it,
        // and its lines keep their spacing.
        let lower = h + 4.0 - title.iter().map(|p| p.height).sum::<f32>();
        if let Some(last) = title.last_mut().filter(|_| lower > 0.0) {
            last.height += lower;
        }
    }
    let n = title.len();
    pieces.extend(title);
    keep(&mut pieces, 0, n + 1);
    if let Some(meeting) = &doc.meeting {
        pieces.push(Piece::space(2.0));
        pieces.extend(text_pieces(
            &faces,
            meeting,
            true,
            12.0,
            15.0,
            0.0,
            WIDTH,
            Tone::Black,
        ));
    }
    pieces.push(Piece::space(4.0));
    for line in &doc.lines {
        pieces.extend(text_pieces(
            &faces,
            line,
            false,
            9.5,
            12.5,
            0.0,
            WIDTH,
            Tone::Grey,
        ));
    }

    for block in &doc.blocks {
        match block {
            DocBlock::Paragraph(text) => {
                pieces.push(Piece::space(6.0));
                let start = pieces.len();
                let lines = text_pieces(&faces, text, false, BODY, 13.5, 0.0, WIDTH, Tone::Black);
                let n = lines.len();
                pieces.extend(lines);
                // No single line of a paragraph left alone.
                if n <= 3 {
                    keep(&mut pieces, start, n);
                } else {
                    keep(&mut pieces, start, 2);
                    keep(&mut pieces, start + n - 2, 2);
                }
            }
            DocBlock::Table(t) => table(&faces, t, doc, &mut pieces, &mut heads),
            DocBlock::Bars(b) => bars(&faces, b, &mut pieces),
        }
    }

    let loose: Vec<usize> = doc.loose.clone();
    if !loose.is_empty() {
        pieces.push(Piece::space(14.0));
        let start = pieces.len();
        pieces.extend(text_pieces(
            &faces,
            paper_word(PaperWord::Notes, doc.lang),
            true,
            12.5,
            17.0,
            0.0,
            WIDTH,
            Tone::Black,
        ));
        keep(&mut pieces, start, 2);
        for n in loose {
            note_pieces(&faces, n, &doc.notes[n - 1], &mut pieces);
        }
    }

    let pages = paginate(&pieces, &heads);
    write(doc, paper, &faces, &pages)
}

/// A waterfall or a tornado: its title, then a row per bar (the label, the bar on the common
/// scale, the figures it says), the rows kept together.
fn bars(faces: &Faces, b: &super::paper::DocBars, pieces: &mut Vec<Piece>) {
    let (label_w, said_w) = (170.0, 110.0);
    let plot_x = label_w + 6.0;
    let plot_w = WIDTH - plot_x - said_w - 6.0;
    pieces.push(Piece::space(10.0));
    let start = pieces.len();
    pieces.extend(text_pieces(
        faces,
        &b.title,
        true,
        11.0,
        15.0,
        0.0,
        WIDTH,
        Tone::Black,
    ));
    let row = 13.0;
    for bar in &b.bars {
        // The label cut to its column's width.
        let mut label = bar.label.clone();
        while faces.regular.width(&label, SMALL) > label_w && label.chars().count() > 1 {
            label.pop();
        }
        let (a, z) = (bar.from.min(bar.to), bar.from.max(bar.to));
        let color = match (bar.whole, bar.up) {
            (true, _) => (0, 114, 178),
            (false, true) => (230, 159, 0),
            (false, false) => (0, 158, 115),
        };
        pieces.push(Piece {
            height: row,
            ops: vec![
                Op::Text {
                    x: 0.0,
                    y: row * 0.72,
                    text: label,
                    bold: false,
                    size: SMALL,
                    tone: Tone::Black,
                },
                Op::Bar {
                    x: plot_x + a * plot_w,
                    y: 2.0,
                    w: ((z - a) * plot_w).max(0.8),
                    h: row - 4.0,
                    color,
                },
                Op::Bar {
                    x: plot_x + b.axis * plot_w,
                    y: 0.0,
                    w: 0.6,
                    h: row,
                    color: (51, 51, 51),
                },
                Op::Text {
                    x: plot_x + plot_w + 6.0,
                    y: row * 0.72,
                    text: bar.said.clone(),
                    bold: false,
                    size: SMALL,
                    tone: Tone::Black,
                },
            ],
            ..Piece::default()
        });
    }
    let n = pieces.len() - start;
    keep(pieces, start, n);
}

/// A note under a table or at the end: its number, then its text with a hanging indent.
fn note_pieces(faces: &Faces, n: usize, text: &str, pieces: &mut Vec<Piece>) {
    let indent = 14.0;
    let mut lines = text_pieces(
        faces,
        text,
        false,
        SMALL,
        10.0,
        indent,
        WIDTH - indent,
        Tone::Grey,
    );
    if let Some(first) = lines.first_mut() {
        first.ops.push(Op::Text {
            x: 0.0,
            y: 10.0 * 0.78,
            text: format!("{n}"),
            bold: false,
            size: SMALL,
            tone: Tone::Grey,
        });
    }
    let start = pieces.len();
    let count = lines.len();
    pieces.push(Piece::space(1.5));
    pieces.extend(lines);
    keep(pieces, start + 1, count);
}

/// How a table is laid out: its text size and its columns' widths, in blocks of columns.
struct Layout {
    size: f32,
    /// Column indices of each block (the label columns first in every block).
    blocks: Vec<Vec<usize>>,
    widths: Vec<f32>,
}

/// Column widths for a table: as wide as its content where it fits; else text columns
/// wrapped (never narrower than their widest word) and, at the smallest size, the figure
/// columns split into blocks that each repeat the label columns.
fn layout(faces: &Faces, t: &DocTable) -> Layout {
    let cols = t.head.len();
    let mut size = TABLE;
    loop {
        let mut natural = vec![0.0f32; cols];
        let mut least = vec![0.0f32; cols];
        for (c, h) in t.head.iter().enumerate() {
            natural[c] = faces.bold.width(h, size);
            least[c] = faces.widest_word(h, true, size);
        }
        for row in &t.rows {
            for (c, cell) in row.cells.iter().enumerate().take(cols) {
                let mut w = faces.get(row.total).width(cell, size);
                if c == 0 && !row.notes.is_empty() {
                    w += faces.regular.width(&marks(&row.notes), size);
                }
                natural[c] = natural[c].max(w);
                least[c] = least[c].max(if t.numeric[c] {
                    w
                } else {
                    faces.widest_word(cell, row.total, size).max(if c == 0 {
                        // A label wraps at no less than about 14 characters.
                        (w).min(faces.regular.width("Finansieringskilde", size))
                    } else {
                        0.0
                    })
                });
            }
        }
        let pad = |w: f32| w + 2.0 * PAD_X;
        let natural: Vec<f32> = natural.into_iter().map(pad).collect();
        let least: Vec<f32> = least.into_iter().map(pad).collect();
        let all: Vec<usize> = (0..cols).collect();
        if natural.iter().sum::<f32>() <= WIDTH {
            return Layout {
                size,
                blocks: vec![all],
                widths: natural,
            };
        }
        let min_sum: f32 = least.iter().sum();
        if min_sum <= WIDTH {
            // Share the room left between the columns that wrap, by how much they lose.
            let extra = WIDTH - min_sum;
            let loss: f32 = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
            let widths = natural
                .iter()
                .zip(&least)
                .map(|(n, l)| {
                    l + if loss > 0.0 {
                        extra * (n - l) / loss
                    } else {
                        0.0
                    }
                })
                .collect();
            return Layout {
                size,
                blocks: vec![all],
                widths,
            };
        }
        if size > TABLE_MIN {
            size -= 0.5;
            continue;
        }
        // Blocks of figure columns, each after the label columns.
        let labels: Vec<usize> = (0..cols).take_while(|&c| !t.numeric[c]).collect();
        let label_width: f32 = labels.iter().map(|&c| least[c]).sum();
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut current = labels.clone();
        let mut used = label_width;
        for (c, &w) in least.iter().enumerate().skip(labels.len()) {
            if current.len() > labels.len() && used + w > WIDTH {
                blocks.push(std::mem::replace(&mut current, labels.clone()));
                used = label_width;
            }
            current.push(c);
            used += w;
        }
        blocks.push(current);
        return Layout {
            size,
            blocks,
            widths: least,
        };
    }
}

/// A row's note marks: `¹²`.
fn marks(notes: &[usize]) -> String {
    notes
        .iter()
        .map(|&n| superscript(n))
        .collect::<Vec<_>>()
        .join("˒")
}

/// A table as pieces: its title, then for each block of columns its head and rows; the notes
/// of its rows under it.
fn table(faces: &Faces, t: &DocTable, doc: &Doc, pieces: &mut Vec<Piece>, heads: &mut Vec<Piece>) {
    let layout = layout(faces, t);
    let size = layout.size;
    let leading = size * 1.22;
    for (b, block) in layout.blocks.iter().enumerate() {
        // Scale the block's columns to the text width only when they wrap, else keep them.
        let x_of: Vec<f32> = block
            .iter()
            .scan(0.0, |x, &c| {
                let at = *x;
                *x += layout.widths[c];
                Some(at)
            })
            .collect();
        let total_width: f32 = block.iter().map(|&c| layout.widths[c]).sum();
        pieces.push(Piece::space(if b == 0 { 14.0 } else { 8.0 }));
        let start = pieces.len();
        let title = if b == 0 {
            t.title.clone()
        } else {
            format!(
                "{} ({})",
                t.title,
                paper_word(PaperWord::Continued, doc.lang)
            )
        };
        pieces.extend(text_pieces(
            faces,
            &title,
            true,
            12.0,
            16.0,
            0.0,
            WIDTH,
            Tone::Black,
        ));
        pieces.push(Piece::space(2.0));
        let row_piece = |cells: Vec<String>, bold: bool, head: bool, notes: &[usize]| -> Piece {
            let mut ops = Vec::new();
            let mut lines_max = 1;
            for (k, &c) in block.iter().enumerate() {
                let text = cells.get(c).map(String::as_str).unwrap_or("");
                let w = layout.widths[c] - 2.0 * PAD_X;
                let numeric = t.numeric[c];
                let lines = if numeric && !head {
                    vec![text.to_string()]
                } else {
                    let room = if k == 0 && !notes.is_empty() {
                        w - faces.regular.width(&marks(notes), size)
                    } else {
                        w
                    };
                    faces.wrap(text, bold, size, room)
                };
                lines_max = lines_max.max(lines.len());
                for (i, line) in lines.iter().enumerate() {
                    let width = faces.get(bold).width(line, size);
                    let x = if numeric {
                        x_of[k] + layout.widths[c] - PAD_X - width
                    } else {
                        x_of[k] + PAD_X
                    };
                    let y = PAD_Y + leading * (i as f32) + size * 0.95;
                    ops.push(Op::Text {
                        x,
                        y,
                        text: line.clone(),
                        bold,
                        size,
                        tone: Tone::Black,
                    });
                    if k == 0 && i + 1 == lines.len() && !notes.is_empty() {
                        ops.push(Op::Text {
                            x: x + width,
                            y,
                            text: marks(notes),
                            bold: false,
                            size,
                            tone: Tone::Black,
                        });
                    }
                }
            }
            Piece {
                height: 2.0 * PAD_Y + leading * lines_max as f32,
                ops,
                ..Piece::default()
            }
        };
        let mut head = row_piece(t.head.clone(), true, true, &[]);
        // A head wraps at the bottom: its text sits on the rule.
        head.ops.push(Op::Rule {
            x1: 0.0,
            x2: total_width,
            y: head.height,
            width: 0.8,
            tone: Tone::Black,
        });
        heads.push(head.clone());
        let head_index = heads.len() - 1;
        head.keep_with_next = true;
        pieces.push(head);
        let first_row = pieces.len();
        for (r, row) in t.rows.iter().enumerate() {
            let notes: &[usize] = if b == 0 { &row.notes } else { &[] };
            let mut piece = row_piece(row.cells.clone(), row.total, false, notes);
            if row.total {
                piece.ops.push(Op::Rule {
                    x1: 0.0,
                    x2: total_width,
                    y: 0.0,
                    width: 0.6,
                    tone: Tone::Black,
                });
            } else {
                piece.ops.push(Op::Rule {
                    x1: 0.0,
                    x2: total_width,
                    y: piece.height,
                    width: 0.3,
                    tone: Tone::Grey,
                });
            }
            piece.head = Some(head_index);
            // Rows without a label belong to the row above (A, B and the difference of a
            // funder): kept on its page.
            let next_unlabelled = t
                .rows
                .get(r + 1)
                .is_some_and(|n| n.cells.first().is_some_and(String::is_empty));
            piece.keep_with_next = next_unlabelled;
            pieces.push(piece);
        }
        // The title, the head and the first two rows go together.
        keep(pieces, start, first_row - start + 2.min(t.rows.len()));
        let last = pieces.len() - 1;
        let under = b + 1 == layout.blocks.len();
        if under && (t.note.is_some() || !t.notes.is_empty()) {
            // The last row keeps the notes under the table company.
            pieces[last].keep_with_next = true;
            if let Some(note) = &t.note {
                pieces.push(Piece::space(2.0));
                let lines = text_pieces(faces, note, false, SMALL, 10.0, 0.0, WIDTH, Tone::Grey);
                pieces.extend(lines);
            }
            for &n in &t.notes {
                note_pieces(faces, n, &doc.notes[n - 1], pieces);
            }
        }
    }
}

/// The pieces placed on pages: (top, piece) for each.
fn paginate<'p>(pieces: &'p [Piece], heads: &'p [Piece]) -> Vec<Vec<(f32, &'p Piece)>> {
    let mut pages: Vec<Vec<(f32, &Piece)>> = vec![Vec::new()];
    let mut y = TOP;
    let mut i = 0;
    while i < pieces.len() {
        // The run of pieces that must share a page.
        let mut j = i;
        let mut height = pieces[i].height;
        while pieces[j].keep_with_next && j + 1 < pieces.len() && height < BOTTOM - TOP {
            j += 1;
            height += pieces[j].height;
        }
        let page_empty = pages.last().is_none_or(Vec::is_empty);
        if y + height > BOTTOM && !page_empty {
            pages.push(Vec::new());
            y = TOP;
        }
        for piece in &pieces[i..=j] {
            let page_empty = pages.last().is_none_or(Vec::is_empty);
            if piece.space && page_empty {
                continue;
            }
            if y + piece.height > BOTTOM && !page_empty {
                pages.push(Vec::new());
                y = TOP;
            }
            let page = pages.last_mut().expect("a page");
            if page.is_empty()
                && let Some(h) = piece.head
            {
                page.push((y, &heads[h]));
                y += heads[h].height;
            }
            page.push((y, piece));
            y += piece.height;
        }
        i = j + 1;
    }
    pages
}

fn fill(tone: Tone) -> Fill {
    let color = match tone {
        Tone::Black => rgb::Color::new(26, 26, 26),
        Tone::Grey => rgb::Color::new(85, 85, 85),
    };
    Fill {
        paint: color.into(),
        ..Fill::default()
    }
}

fn draw_text(surface: &mut Surface, faces: &Faces, at: Point, text: &str, bold: bool, size: f32) {
    if text.is_empty() {
        return;
    }
    let face = faces.get(bold);
    let glyphs = face.glyphs(text);
    surface.draw_glyphs(at, &glyphs, face.font.clone(), text, size, false);
}

fn write(
    doc: &Doc,
    paper: &Paper,
    faces: &Faces,
    pages: &[Vec<(f32, &Piece)>],
) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .language(doc.lang.tr("en", "da").to_string())
        .creator("klimabudget".to_string());
    if let Some(meeting) = &doc.meeting {
        metadata = metadata.description(meeting.clone());
    }
    document.set_metadata(metadata);
    let logo =
        match paper.logo.as_ref() {
            Some(l) if l.kind == LogoKind::Png => Some(Drawn::Image(
                krilla::image::Image::from_png(l.bytes.clone().into(), true)?,
            )),
            Some(l) if l.kind == LogoKind::Jpeg => Some(Drawn::Image(
                krilla::image::Image::from_jpeg(l.bytes.clone().into(), true)?,
            )),
            Some(l) => Some(Drawn::Svg(Box::new(l.svg().ok_or("the SVG logo")?))),
            None => None,
        };
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?;
    let count = pages.len();
    for (p, placed) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for (top, piece) in placed {
            for op in &piece.ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        text,
                        bold,
                        size,
                        tone,
                    } => {
                        surface.set_fill(Some(fill(*tone)));
                        draw_text(
                            &mut surface,
                            faces,
                            Point::from_xy(LEFT + x, top + y),
                            text,
                            *bold,
                            *size,
                        );
                    }
                    Op::Rule {
                        x1,
                        x2,
                        y,
                        width,
                        tone,
                    } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(LEFT + x1, top + y);
                        pb.line_to(LEFT + x2, top + y);
                        if let Some(path) = pb.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                paint: match tone {
                                    Tone::Black => rgb::Color::new(51, 51, 51),
                                    Tone::Grey => rgb::Color::new(200, 200, 200),
                                }
                                .into(),
                                width: *width,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                    }
                    Op::Bar { x, y, w, h, color } => {
                        if let Some(rect) = krilla::geom::Rect::from_xywh(LEFT + x, top + y, *w, *h)
                        {
                            let mut pb = PathBuilder::new();
                            pb.push_rect(rect);
                            if let Some(path) = pb.finish() {
                                surface.set_fill(Some(Fill {
                                    paint: rgb::Color::new(color.0, color.1, color.2).into(),
                                    ..Fill::default()
                                }));
                                surface.draw_path(&path);
                            }
                        }
                    }
                    Op::Logo { x, y, w, h } => {
                        if let (Some(logo), Some(size)) = (&logo, Size::from_wh(*w, *h)) {
                            surface.push_transform(&krilla::geom::Transform::from_translate(
                                LEFT + x,
                                top + y,
                            ));
                            match logo {
                                Drawn::Image(image) => surface.draw_image(image.clone(), size),
                                Drawn::Svg(tree) => {
                                    use krilla_svg::SurfaceExt;
                                    surface.draw_svg(
                                        tree,
                                        size,
                                        krilla_svg::SvgSettings::default(),
                                    );
                                }
                            }
                            surface.pop();
                        }
                    }
                }
            }
        }
        // The foot: the meeting and the date at the left, the page number at the right.
        surface.set_fill(Some(fill(Tone::Grey)));
        let foot_y = PAGE_H - 30.0;
        let left: Vec<&str> = doc
            .meeting
            .iter()
            .chain(doc.printed.iter())
            .map(String::as_str)
            .collect();
        draw_text(
            &mut surface,
            faces,
            Point::from_xy(LEFT, foot_y),
            &left.join(" · "),
            false,
            SMALL,
        );
        let number = page_of(p + 1, count, doc.lang);
        let w = faces.regular.width(&number, SMALL);
        draw_text(
            &mut surface,
            faces,
            Point::from_xy(RIGHT - w, foot_y),
            &number,
            false,
            SMALL,
        );
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("PDF: {e:?}"))
}
