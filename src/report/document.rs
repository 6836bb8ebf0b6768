//! A document of titled tables and paragraphs: what every table exporter (terminal, Markdown,
//! HTML, XLSX) renders. Figures in it are already rounded for display, so every exporter
//! shows the same numbers and every table adds up; cells that are sums or differences of
//! others say so, for exporters that can keep them live (XLSX formulas).

use crate::i18n::View;
use crate::num::Rational;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The language and unit the figures are shown in.
    pub view: View,
    pub title: String,
    /// Lines under the title: description, file, window.
    pub lines: Vec<String>,
    pub blocks: Vec<Block>,
    /// Notes and sources, shown as footnotes where the format has room for them.
    pub notes: Vec<String>,
    /// Cost by funder per period, for formats that draw charts.
    pub chart: Option<Chart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Table(Table),
    Paragraph(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    /// The unit of this table's money, where it differs from the document's (amounts per
    /// member are in kroner or øre whatever the document's unit).
    pub unit: Option<crate::i18n::Unit>,
    /// A short name, for a spreadsheet tab (at most 31 characters).
    pub name: String,
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
    /// Kroner, rounded for display (a whole number of the view's steps).
    Money {
        value: Rational,
        calc: Option<Calc>,
    },
    /// Full-time equivalents, shown with 2 decimals.
    Fte {
        value: Rational,
        calc: Option<Calc>,
    },
    Blank,
}

/// How a cell follows from others of its table, by row and column index within the table's
/// rows (the head not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calc {
    /// The sum of this row's cells in columns `from..to`.
    SumRow { from: usize, to: usize },
    /// The sum of this column's cells in rows `from..to`.
    SumColumn { from: usize, to: usize },
    /// Row `plus` minus row `minus`, in this column.
    RowDiff { plus: usize, minus: usize },
    /// Column `plus` minus column `minus`, in this row.
    ColumnDiff { plus: usize, minus: usize },
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub fn money(value: Rational) -> Self {
        Cell::Money { value, calc: None }
    }

    pub fn money_calc(value: Rational, calc: Calc) -> Self {
        Cell::Money {
            value,
            calc: Some(calc),
        }
    }

    pub fn fte(value: Rational) -> Self {
        Cell::Fte { value, calc: None }
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Money { .. } | Cell::Fte { .. })
    }

    /// The figure of a number cell.
    pub fn value(&self) -> Option<Rational> {
        match self {
            Cell::Money { value, .. } | Cell::Fte { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The cell's text as the view writes it.
    pub fn show(&self, view: View) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money { value, .. } => view.money(*value),
            Cell::Fte { value, .. } => view.fte(*value),
            Cell::Blank => String::new(),
        }
    }
}

impl Table {
    /// The view this table's figures are shown in.
    pub fn view(&self, doc: View) -> View {
        View {
            lang: doc.lang,
            unit: self.unit.unwrap_or(doc.unit),
        }
    }

    /// For each column, whether it holds figures (aligned right).
    pub fn numeric_columns(&self) -> Vec<bool> {
        (0..self.head.len())
            .map(|i| {
                self.rows
                    .iter()
                    .any(|r| r.cells.get(i).is_some_and(Cell::is_number))
            })
            .collect()
    }
}

/// Stacked bars: for each period, each funder's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    /// The `name` of the table the chart belongs under.
    pub after: String,
    /// Funder names, one series each.
    pub series: Vec<String>,
    /// One group of bars per period; one bar per side (one for a report, A and B for a
    /// comparison); each bar has a value per series, in kroner as displayed.
    pub groups: Vec<(String, Vec<Bar>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub values: Vec<Rational>,
}
