//! Exporters: each turns a report model into one output format, writing to any `Write`.

pub mod json;
pub mod table;

/// The output formats of `report` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Tables for the terminal.
    #[default]
    Table,
    /// JSON, with money and FTE as two-decimal strings.
    Json,
}
