//! Exporters: each turns a report model into one output format, writing to any `Write`.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod xlsx;

use std::io::Write;
use std::path::Path;

use crate::i18n::View;
use crate::report::Report;
use crate::report::compare::Comparison;
use crate::report::document::Document;

/// The output formats of `report` and `compare`.
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
            _ => return None,
        })
    }

    /// Bytes a terminal cannot show.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

/// How to write: the language and unit of figures, and the terminal's wishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub view: View,
    pub style: table::TableStyle,
    /// Indented JSON (for a terminal) rather than compact.
    pub pretty: bool,
}

fn document(
    format: Format,
    doc: &Document,
    options: &Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table => out.write_all(table::render(doc, options.style).as_bytes()),
        Format::Markdown => out.write_all(markdown::render(doc).as_bytes()),
        Format::Html => out.write_all(html::render(doc).as_bytes()),
        Format::Xlsx => {
            let bytes = xlsx::render(doc).map_err(std::io::Error::other)?;
            out.write_all(&bytes)
        }
        Format::Csv | Format::Json => unreachable!("not a document format"),
    }
}

/// Writes a report in `format`.
pub fn report(
    format: Format,
    r: &Report,
    options: &Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::report(r, out, options.pretty),
        Format::Csv => csv::report(r, out),
        _ => document(format, &r.document(options.view), options, out),
    }
}

/// Writes a comparison in `format`.
pub fn compare(
    format: Format,
    c: &Comparison,
    options: &Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::compare(c, out, options.pretty),
        Format::Csv => csv::compare(c, out),
        _ => document(format, &c.document(options.view), options, out),
    }
}
