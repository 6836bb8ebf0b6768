//! Exporters: each turns a shown report into the bytes of one output format. They only
//! render: every figure is already rounded ([`crate::report::Shown`]), every word is put into
//! the language asked for through [`crate::i18n`], and nothing is computed here.
//!
//! Data formats (JSON, CSV) are rendered from a report shown to the øre, each figure to the
//! nearest ([`Rounding::data`]); tables for people from one shown in the unit asked for.

pub mod ci;
pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod names;
pub mod paper;
pub mod pdf;
pub mod table;
pub mod xlsx;

use std::path::Path;

use crate::i18n::{Lang, View};
use crate::report::{Mode, Report, Rounding, Shown};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Tables for the terminal.
    #[default]
    Table,
    /// GitHub Markdown tables.
    Markdown,
    /// Tidy CSV: one row per period, item or funder, and measure.
    Csv,
    /// JSON, with money and FTE as two-decimal strings.
    Json,
    /// One self-contained, printable HTML page with a chart.
    Html,
    /// An Excel workbook: a sheet per table, live totals, a chart.
    Xlsx,
    /// GitHub Actions annotations (`check` only).
    Github,
    /// JUnit XML (`check` only).
    Junit,
    /// A typeset A4 paper for a meeting.
    Pdf,
    /// A Word document for a meeting's case: Word tables, headings, footnotes.
    Docx,
}

impl Format {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Table,
            "md" | "markdown" => Format::Markdown,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "html" | "htm" => Format::Html,
            "xlsx" => Format::Xlsx,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            _ => return None,
        })
    }

    /// Bytes a terminal cannot show.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Pdf | Format::Docx)
    }

    /// A format of data, every figure to the øre, rather than of tables for people.
    pub fn is_data(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Csv | Format::Github | Format::Junit
        )
    }
}

/// How to write: the language and unit of figures, how tables are rounded, and the
/// terminal's wishes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub view: View,
    /// How tables for people are rounded (data formats always round each figure to the øre).
    pub mode: Mode,
    pub style: table::TableStyle,
    /// Indented JSON (for a terminal) rather than compact.
    pub pretty: bool,
    /// The meeting, date, logo and notes of a paper (PDF, Word, HTML).
    pub paper: paper::Paper,
}

impl Options {
    /// How figures are rounded for `format`.
    pub fn rounding(&self, format: Format) -> Rounding {
        if format.is_data() {
            Rounding::data()
        } else if format == Format::Xlsx {
            // Cells hold exact figures and show them to the nearest in the unit; its totals are
            // the sums of the exact figures, shown to the nearest too.
            Rounding {
                unit: self.view.unit,
                mode: Mode::Independent,
            }
        } else {
            Rounding {
                unit: self.view.unit,
                mode: self.mode,
            }
        }
    }
}

/// Turns a shown report into bytes; writes nothing.
pub trait Exporter {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>>;
}

/// The exporter of `format`.
pub fn exporter(format: Format, options: &Options) -> Box<dyn Exporter> {
    let lang = options.view.lang;
    match format {
        Format::Table => Box::new(table::Terminal {
            lang,
            style: options.style,
        }),
        Format::Markdown => Box::new(markdown::Markdown { lang }),
        Format::Html => Box::new(html::Html {
            lang,
            paper: options.paper.clone(),
        }),
        Format::Xlsx => Box::new(xlsx::Xlsx { lang }),
        Format::Pdf => Box::new(pdf::Pdf {
            lang,
            paper: options.paper.clone(),
        }),
        Format::Docx => Box::new(docx::Docx {
            lang,
            paper: options.paper.clone(),
        }),
        Format::Csv => Box::new(csv::Csv),
        Format::Json => Box::new(json::Json {
            pretty: options.pretty,
        }),
        Format::Github => Box::new(ci::Github { lang }),
        Format::Junit => Box::new(ci::Junit { lang }),
    }
}

/// A report in `format`: rounded once as the format asks, then rendered.
pub fn render(report: &Report, format: Format, options: &Options) -> std::io::Result<Vec<u8>> {
    let shown = report.shown(options.rounding(format));
    exporter(format, options).serialize(&shown)
}

/// The view a shown report is written in: its unit, in `lang`.
pub(crate) fn view(shown: &Shown, lang: Lang) -> View {
    View {
        lang,
        unit: shown.rounding.unit,
    }
}
