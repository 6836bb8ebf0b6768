//! Word (DOCX): the meeting paper as a document a case handler can paste into a case. Written
//! by hand as WordprocessingML in a zip (the `zip` crate, already built for XLSX), so it needs
//! no crate of its own: real Word tables (`w:tbl`, the head row repeated on each page, rows
//! never split), the figures as the language writes them, headings in Word's heading styles,
//! notes as footnotes on the rows they are about, and "Side 1 af 3" in the footer.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use super::paper::{Doc, DocBlock, DocTable, Logo, LogoKind, Paper, for_paper};
use crate::i18n::{Lang, PaperWord, paper_word};
use crate::report::Shown;

/// The text's width on A4 with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;

/// The Word exporter.
pub struct Docx {
    pub lang: Lang,
    pub paper: Paper,
}

impl super::Exporter for Docx {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = for_paper(shown, self.lang, &self.paper);
        let doc = Doc::new(&shown, self.lang, &self.paper);
        render(&doc, &self.paper).map_err(std::io::Error::other)
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text; `bold` for totals and heads.
fn run(text: &str, bold: bool) -> String {
    format!(
        "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        if bold { "<w:rPr><w:b/></w:rPr>" } else { "" },
        escape(text)
    )
}

fn paragraph(style: Option<&str>, extra: &str, runs: &str) -> String {
    let style = style
        .map(|s| format!("<w:pStyle w:val=\"{s}\"/>"))
        .unwrap_or_default();
    format!("<w:p><w:pPr>{style}{extra}</w:pPr>{runs}</w:p>")
}

/// The paper as the bytes of a .docx file.
pub fn render(doc: &Doc, paper: &Paper) -> Result<Vec<u8>, String> {
    let lang = doc.lang;
    let mut body = String::new();
    let mut footnotes: Vec<String> = Vec::new();
    body.push_str(&paragraph(Some("Title"), "", &run(&doc.title, false)));
    if let Some(meeting) = &doc.meeting {
        body.push_str(&paragraph(Some("Subtitle"), "", &run(meeting, false)));
    }
    for line in &doc.lines {
        body.push_str(&paragraph(Some("Meta"), "", &run(line, false)));
    }
    for block in &doc.blocks {
        match block {
            DocBlock::Paragraph(text) => body.push_str(&paragraph(None, "", &run(text, false))),
            DocBlock::Table(t) => table(&mut body, &mut footnotes, t, doc),
            // Word draws no charts here: the table beside it has the figures.
            DocBlock::Bars(_) => {}
        }
    }
    if !doc.loose.is_empty() {
        body.push_str(&paragraph(
            Some("Heading1"),
            "",
            &run(paper_word(PaperWord::Notes, lang), false),
        ));
        for &n in &doc.loose {
            body.push_str(&paragraph(
                Some("Note"),
                "",
                &run(&format!("{n}. {}", doc.notes[n - 1]), false),
            ));
        }
    }
    let logo = paper.logo.as_ref().map(Picture::of).transpose()?;
    let section = format!(
        "<w:sectPr>{}<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
        if logo.is_some() {
            "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
        } else {
            ""
        }
    );
    let document = format!("{XML}<w:document {NS}><w:body>{body}{section}</w:body></w:document>");
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            content_types(logo.as_ref()).into_bytes(),
        ),
        ("_rels/.rels".into(), RELS.as_bytes().to_vec()),
        ("docProps/core.xml".into(), core(doc).into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles(lang).into_bytes()),
        ("word/settings.xml".into(), SETTINGS.as_bytes().to_vec()),
        (
            "word/footnotes.xml".into(),
            footnotes_xml(&footnotes).into_bytes(),
        ),
        ("word/footer1.xml".into(), footer(doc).into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels(logo.is_some()).into_bytes(),
        ),
    ];
    if let Some(logo) = logo {
        let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
        let ext = logo.ext;
        let mut rels = format!(
            "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdLogo\" Type=\"{image}\" Target=\"media/logo.{ext}\"/>"
        );
        if logo.svg.is_some() {
            let _ = write!(
                rels,
                "<Relationship Id=\"rIdLogoSvg\" Type=\"{image}\" Target=\"media/logo.svg\"/>"
            );
        }
        rels.push_str("</Relationships>");
        files.push((
            "word/header1.xml".into(),
            header(logo.size, logo.svg.is_some()).into_bytes(),
        ));
        files.push(("word/_rels/header1.xml.rels".into(), rels.into_bytes()));
        files.push((format!("word/media/logo.{ext}"), logo.bytes));
        if let Some(svg) = logo.svg {
            files.push(("word/media/logo.svg".into(), svg));
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// Column widths in twips: by the longest line each column holds, the label columns wrapping
/// when the table is wider than the page.
fn widths(t: &DocTable) -> Vec<usize> {
    let cols = t.head.len();
    let chars = |s: &str| s.chars().count();
    let longest_word = |s: &str| s.split(' ').map(chars).max().unwrap_or(0);
    let mut natural = vec![1usize; cols];
    let mut least = vec![1usize; cols];
    for (c, h) in t.head.iter().enumerate() {
        natural[c] = natural[c].max(chars(h));
        least[c] = least[c].max(longest_word(h));
    }
    for row in &t.rows {
        for (c, cell) in row.cells.iter().enumerate().take(cols) {
            natural[c] = natural[c].max(chars(cell) + 2 * row.notes.len());
            least[c] = least[c].max(if t.numeric[c] {
                chars(cell)
            } else {
                longest_word(cell)
            });
        }
    }
    // About 110 twips a character at 9 pt, and padding.
    let twips = |n: usize| n * 110 + 220;
    let natural: Vec<usize> = natural.into_iter().map(twips).collect();
    let least: Vec<usize> = least.into_iter().map(twips).collect();
    let sum: usize = natural.iter().sum();
    if sum <= TEXT_WIDTH {
        return natural;
    }
    let min: usize = least.iter().sum();
    if min >= TEXT_WIDTH {
        return least;
    }
    let loss: usize = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
    natural
        .iter()
        .zip(&least)
        .map(|(n, l)| l + (TEXT_WIDTH - min) * (n - l) / loss.max(1))
        .collect()
}

fn table(body: &mut String, footnotes: &mut Vec<String>, t: &DocTable, doc: &Doc) {
    body.push_str(&paragraph(Some("Heading1"), "", &run(&t.title, false)));
    let widths = widths(t);
    let total: usize = widths.iter().sum();
    let _ = write!(
        body,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Figures\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for w in &widths {
        let _ = write!(body, "<w:gridCol w:w=\"{w}\"/>");
    }
    body.push_str("</w:tblGrid>");
    let cell = |body: &mut String, c: usize, runs: &str, bold_rule: bool, head: bool| {
        let align = if t.numeric[c] { "right" } else { "left" };
        let border = if head {
            "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"333333\"/></w:tcBorders>"
        } else if bold_rule {
            "<w:tcBorders><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"333333\"/></w:tcBorders>"
        } else {
            "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"CCCCCC\"/></w:tcBorders>"
        };
        let _ = write!(
            body,
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{border}</w:tcPr>{}</w:tc>",
            widths[c],
            paragraph(
                Some("TableText"),
                &format!(
                    "<w:jc w:val=\"{align}\"/>{}",
                    if head { "<w:keepNext/>" } else { "" }
                ),
                runs
            )
        );
    };
    body.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (c, h) in t.head.iter().enumerate() {
        cell(body, c, &run(h, true), false, true);
    }
    body.push_str("</w:tr>");
    for row in &t.rows {
        body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for c in 0..t.head.len() {
            let text = row.cells.get(c).map(String::as_str).unwrap_or("");
            let mut runs = run(text, row.total);
            if c == 0 {
                for (k, &n) in row.notes.iter().enumerate() {
                    if k > 0 {
                        // Two marks apart: ¹,² rather than ¹².
                        runs.push_str("<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>,</w:t></w:r>");
                    }
                    footnotes.push(doc.notes[n - 1].clone());
                    let _ = write!(
                        runs,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{}\"/></w:r>",
                        footnotes.len()
                    );
                }
            }
            cell(body, c, &runs, row.total, false);
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    if let Some(note) = &t.note {
        body.push_str(&paragraph(Some("Note"), "", &run(note, false)));
    }
}

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"709\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

/// A logo as Word holds it: a picture (PNG or JPEG); for an SVG, the drawing itself and a PNG
/// drawn from it, the picture readers before Word 2016 show instead.
struct Picture {
    ext: &'static str,
    bytes: Vec<u8>,
    svg: Option<Vec<u8>>,
    size: (u32, u32),
}

impl Picture {
    fn of(logo: &Logo) -> Result<Picture, String> {
        let (ext, bytes, svg) = match logo.kind {
            LogoKind::Png => ("png", logo.bytes.clone(), None),
            LogoKind::Jpeg => ("jpeg", logo.bytes.clone(), None),
            // 1.5 cm at about 600 dpi.
            LogoKind::Svg => (
                "png",
                logo.svg_as_png(360).ok_or("the SVG logo cannot be drawn")?,
                Some(logo.bytes.clone()),
            ),
        };
        Ok(Picture {
            ext,
            bytes,
            svg,
            size: logo.size,
        })
    }
}

fn content_types(logo: Option<&Picture>) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut out = format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    if let Some(logo) = logo {
        let _ = write!(
            out,
            "<Default Extension=\"{0}\" ContentType=\"image/{0}\"/>",
            logo.ext
        );
        if logo.svg.is_some() {
            out.push_str("<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>");
        }
    }
    let _ = write!(
        out,
        "<Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/><Override PartName=\"/word/footnotes.xml\" ContentType=\"{main}.footnotes+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    );
    if logo.is_some() {
        let _ = write!(
            out,
            "<Override PartName=\"/word/header1.xml\" ContentType=\"{main}.header+xml\"/>"
        );
    }
    out.push_str("</Types>");
    out
}

fn document_rels(logo: bool) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"{base}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"{base}/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdFootnotes\" Type=\"{base}/footnotes\" Target=\"footnotes.xml\"/><Relationship Id=\"rIdFooter\" Type=\"{base}/footer\" Target=\"footer1.xml\"/>"
    );
    if logo {
        let _ = write!(
            out,
            "<Relationship Id=\"rIdHeader\" Type=\"{base}/header\" Target=\"header1.xml\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

fn core(doc: &Doc) -> String {
    format!(
        "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title>{}<dc:creator>klimabudget</dc:creator><dc:language>{}</dc:language></cp:coreProperties>",
        escape(&doc.title),
        doc.meeting
            .as_ref()
            .map(|m| format!("<dc:subject>{}</dc:subject>", escape(m)))
            .unwrap_or_default(),
        doc.lang.tr("en-GB", "da-DK")
    )
}

fn styles(lang: Lang) -> String {
    let style = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    format!(
        "{XML}<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>{}{}{}{}{}{}{}<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"Figures\"><w:name w:val=\"Figures\"/><w:tblPr><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>",
        lang.tr("en-GB", "da-DK"),
        style(
            "Title",
            "Title",
            "<w:spacing w:after=\"60\"/>",
            "<w:b/><w:sz w:val=\"34\"/><w:szCs w:val=\"34\"/>"
        ),
        style(
            "Subtitle",
            "Subtitle",
            "<w:spacing w:after=\"60\"/>",
            "<w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
        ),
        style(
            "Meta",
            "Meta",
            "<w:spacing w:after=\"0\"/>",
            "<w:color w:val=\"555555\"/><w:sz w:val=\"19\"/>"
        ),
        style(
            "Heading1",
            "heading 1",
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"80\"/><w:outlineLvl w:val=\"0\"/>",
            "<w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
        ),
        style(
            "TableText",
            "Table Text",
            "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
        ),
        style(
            "Note",
            "Note",
            "<w:spacing w:before=\"40\" w:after=\"40\"/>",
            "<w:color w:val=\"555555\"/><w:sz w:val=\"16\"/>"
        ),
        style(
            "FootnoteText",
            "footnote text",
            "<w:spacing w:after=\"0\"/>",
            "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"
        ),
    )
}

fn footnotes_xml(notes: &[String]) -> String {
    let mut out = format!(
        "{XML}<w:footnotes {NS}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, note) in notes.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>",
            i + 1,
            run(&format!(" {note}"), false)
        );
    }
    out.push_str("</w:footnotes>");
    out
}

/// The foot of every page: the meeting and the date at the left, `Side 1 af 3` at the right.
fn footer(doc: &Doc) -> String {
    let left: Vec<&str> = doc
        .meeting
        .iter()
        .chain(doc.printed.iter())
        .map(String::as_str)
        .collect();
    let (page, of) = doc
        .lang
        .tr("Page|of", "Side|af")
        .split_once('|')
        .unwrap_or(("", ""));
    let field = |instr: &str| {
        format!(
            "<w:fldSimple w:instr=\" {instr} \"><w:r><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"16\"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
        )
    };
    let small = |s: &str| {
        format!(
            "<w:r><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(s)
        )
    };
    format!(
        "{XML}<w:ftr {NS}><w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr>{}<w:r><w:tab/></w:r>{}{}{}{}</w:p></w:ftr>",
        small(&left.join(" · ")),
        small(&format!("{page} ")),
        field("PAGE"),
        small(&format!(" {of} ")),
        field("NUMPAGES"),
    )
}

/// The head of every page: the logo at the right, 1.5 cm high; an SVG as Word 2016 and later
/// draw it (`asvg:svgBlip`), the PNG for older readers.
fn header((w, h): (u32, u32), svg: bool) -> String {
    let cy: u64 = 540_000;
    let cx = cy * u64::from(w) / u64::from(h.max(1));
    let svg = if svg {
        "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdLogoSvg\"/></a:ext></a:extLst>"
    } else {
        ""
    };
    format!(
        "{XML}<w:hdr {NS}><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"1\" name=\"Logo\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Logo\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdLogo\">{svg}</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p></w:hdr>"
    )
}
