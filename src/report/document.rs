//! A document of titled tables and paragraphs, with exact figures: what every table exporter
//! (terminal, and later others) renders. Rounding happens in the exporter, not here.

use crate::model::Rational;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// Lines under the title: description, file, window.
    pub lines: Vec<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Table(Table),
    Paragraph(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A total row, set apart when shown.
    pub total: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            total: false,
        }
    }

    pub fn total(cells: Vec<Cell>) -> Self {
        Row { cells, total: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Kroner, exact; shown in whole kroner.
    Money(Rational),
    /// Full-time equivalents, exact; shown with 2 decimals.
    Fte(Rational),
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Money(_) | Cell::Fte(_))
    }
}
