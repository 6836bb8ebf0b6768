//! XLSX (rust_xlsxwriter): an overview sheet, then one sheet per table with its title, a frozen
//! header, number formats, totals as live formulas (SUM, differences) so that an edit in Excel
//! recomputes, and a stacked column chart of cost by funder whose figures are formulas
//! pointing at the table's cells.
//!
//! A finance officer works in the workbook: its cells hold the exact figures, to the øre, and
//! a number format shows them in the unit asked for (`#,##0.0,,` shows 2,400,000.00 as 2.4
//! in millions), so every sum Excel recomputes is exact and shown to the nearest, as the
//! report rounded each figure for it. The file format stores every number as a binary
//! double: amounts to the øre of less than 2^53 øre are held as the nearest double.

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartType, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
    utility::row_col_to_cell,
};

use crate::i18n::{Lang, View, term};
use crate::num::{Rational, Unit};
use crate::report::text::Term;
use crate::report::{Block, Calc, Cell, Chart as ChartModel, Figure, Shape, Shown, Table};

/// The first row of a table's figures (row 0 is its title, row 1 its head).
const FIRST: u32 = 2;

/// The XLSX exporter.
pub struct Xlsx {
    pub lang: Lang,
}

impl super::Exporter for Xlsx {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let shown = super::names::named(shown, self.lang, true);
        render(&shown, super::view(&shown, self.lang)).map_err(std::io::Error::other)
    }
}

pub fn render(shown: &Shown, view: View) -> Result<Vec<u8>, XlsxError> {
    let page = &shown.page;
    let lang = view.lang;
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);

    let overview = book.add_worksheet();
    overview.set_name(sheet_name(lang.tr("Overview", "Oversigt"), &mut Vec::new()))?;
    if let Some(t) = &page.title {
        overview.write_string_with_format(0, 0, view.text(t), &title)?;
    }
    let mut row = 1;
    for line in &page.lines {
        overview.write_string(row, 0, view.text(line))?;
        row += 1;
    }
    row += 1;
    for block in &page.blocks {
        let lines = match block {
            Block::Sentence(s) => vec![view.sentence(s)],
            Block::Lines(l) => l.iter().map(|s| view.sentence(s)).collect(),
            Block::Text(t) => vec![view.text(t)],
            // Their figures are a table's, on that table's sheet.
            Block::Table(_) | Block::Bars(_) => Vec::new(),
        };
        for line in lines {
            overview.write_string(row, 0, line)?;
            row += 1;
        }
    }
    if !page.notes.is_empty() {
        row += 1;
        overview.write_string_with_format(row, 0, term(Term::NotesAndSources, lang), &bold)?;
        row += 1;
        for note in &page.notes {
            overview.write_string(row, 0, view.text(note))?;
            row += 1;
        }
    }
    overview.set_column_width(0, 120)?;
    overview.set_paper_size(9);
    overview.set_landscape();
    overview.set_print_fit_to_pages(1, 0);

    let mut names = vec![lang.tr("Overview", "Oversigt").to_string()];
    for block in &page.blocks {
        let Block::Table(t) = block else {
            continue;
        };
        let sheet = book.add_worksheet();
        let name = sheet_name(&view.text(&t.name), &mut names);
        sheet.set_name(&name)?;
        let places = write_table(sheet, t, view)?;
        if let Some(chart) = page.chart.as_ref().filter(|c| c.after == t.name) {
            write_chart(sheet, &name, t, &places, chart, view)?;
        }
    }
    book.save_to_buffer()
}

/// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {n}");
        name = clean.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The number format that shows kroner in `unit` (a trailing `,` divides by 1,000), or FTE.
fn number_format(shape: Shape) -> &'static str {
    match shape {
        Shape::Money(Unit::Kr) => "#,##0",
        Shape::Money(Unit::Ore) => "#,##0.00",
        Shape::Money(Unit::Tkr) => "#,##0,",
        Shape::Money(Unit::Mio) => "#,##0.0,,",
        Shape::Fte => "0.00",
        Shape::Percent(1) => "0.0",
        Shape::Percent(_) => "0.00",
    }
}

fn number(v: Rational, decimals: u32) -> f64 {
    crate::num::round(v, decimals).to_f64().unwrap_or(0.0)
}

/// What a cell holds for a figure: its exact value, kroner to the øre (FTE to 1/1,000,000).
fn cell_value(f: &Figure) -> Rational {
    let places = match f.shape {
        Shape::Money(_) => 2,
        Shape::Fte | Shape::Percent(_) => 6,
    };
    crate::num::decimal_to_rational(crate::num::round(f.exact, places))
}

fn cell_ref(row: usize, col: usize) -> String {
    row_col_to_cell(FIRST + row as u32, col as u16)
}

/// The formula a calculated cell keeps, in A1 references.
fn formula(calc: Calc, row: usize, col: usize) -> String {
    match calc {
        Calc::SumRow { from, to } => {
            format!("=SUM({}:{})", cell_ref(row, from), cell_ref(row, to - 1))
        }
        Calc::SumColumn { from, to } => {
            format!("=SUM({}:{})", cell_ref(from, col), cell_ref(to - 1, col))
        }
        Calc::RowDiff { plus, minus } => {
            format!("={}-{}", cell_ref(plus, col), cell_ref(minus, col))
        }
        Calc::ColumnDiff { plus, minus } => {
            format!("={}-{}", cell_ref(row, plus), cell_ref(row, minus))
        }
    }
}

/// Where each figure of a table that is a grid's figure is, by its origin: for the chart.
type Places = Vec<(crate::report::GridRef, (u32, u16))>;

fn write_table(sheet: &mut Worksheet, t: &Table<Figure>, view: View) -> Result<Places, XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let head_num = head.clone().set_align(FormatAlign::Right);
    let total = |f: &Format| f.clone().set_bold().set_border_top(FormatBorder::Thin);
    let mut places = Places::new();
    // The widest text of each column, in characters, for its width.
    let mut widths: Vec<usize> = vec![8; t.head.len()];
    let mut fit = |c: usize, chars: usize| {
        if let Some(w) = widths.get_mut(c) {
            *w = (*w).max(chars);
        }
    };

    sheet.write_string_with_format(
        0,
        0,
        view.text(&t.title),
        &Format::new().set_bold().set_font_size(13),
    )?;
    for (c, (h, numeric)) in t.head.iter().zip(t.numeric_columns()).enumerate() {
        let f = if numeric { &head_num } else { &head };
        let text = view.text(h);
        // Heads wrap: they count for half their length.
        fit(c, text.chars().count() / 2);
        sheet.write_string_with_format(1, c as u16, text, f)?;
    }
    let text = Format::new();
    for (r, row) in t.rows.iter().enumerate() {
        let at = FIRST + r as u32;
        for (c, cell) in row.cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(s) => {
                    let f = if row.total {
                        total(&text)
                    } else {
                        text.clone()
                    };
                    let s = view.text(s);
                    fit(c, s.chars().count());
                    sheet.write_string_with_format(at, col, s, &f)?;
                }
                Cell::Blank => {}
                Cell::Figure { figure, calc } => {
                    if let Some(origin) = figure.origin {
                        places.push((origin, (at, col)));
                    }
                    fit(c, view.figure(figure).chars().count());
                    let base = Format::new().set_num_format(number_format(figure.shape));
                    let f = if row.total { total(&base) } else { base };
                    let value = cell_value(figure);
                    match calc {
                        Some(calc) => {
                            let result = crate::num::round(value, 6).normalize().to_string();
                            sheet.write_formula_with_format(
                                at,
                                col,
                                Formula::new(formula(*calc, r, c)).set_result(result),
                                &f,
                            )?;
                        }
                        None => {
                            sheet.write_number_with_format(at, col, number(value, 6), &f)?;
                        }
                    }
                }
            }
        }
    }
    if t.rounding_note {
        let below = FIRST + t.rows.len() as u32;
        sheet.write_string(below, 0, term(Term::RoundingNote, view.lang))?;
    }
    sheet.set_freeze_panes(FIRST, 1)?;
    // Printed: A4 landscape, as wide as one page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    for (c, w) in widths.iter().enumerate() {
        // Characters, with a margin; a label column at most 60 wide (its text wraps there).
        let width = (*w as f64 + 2.0).min(if c == 0 { 60.0 } else { 40.0 });
        sheet.set_column_width(c as u16, width)?;
    }
    Ok(places)
}

/// The chart's figures below the table, each a formula pointing at the table's cell, and a
/// stacked column chart drawn from them: edit the table, and the chart follows.
fn write_chart(
    sheet: &mut Worksheet,
    name: &str,
    t: &Table<Figure>,
    places: &Places,
    chart: &ChartModel<Figure>,
    view: View,
) -> Result<(), XlsxError> {
    let top = FIRST + t.rows.len() as u32 + 3;
    let title = view.text(&chart.title);
    sheet.write_string_with_format(top, 0, &title, &Format::new().set_bold())?;
    // Categories: a period, or a period and side.
    let mut categories = Vec::new();
    for (label, bars) in &chart.groups {
        for bar in bars {
            let label = view.text(label);
            let bar = view.text(&bar.label);
            categories.push(if bars.len() > 1 && !bar.is_empty() {
                format!("{label} {bar}")
            } else {
                label
            });
        }
    }
    for (k, c) in categories.iter().enumerate() {
        sheet.write_string(top + 1, 1 + k as u16, c)?;
    }
    let mut shape = Shape::Money(view.unit);
    for (s, series) in chart.series.iter().enumerate() {
        let row = top + 2 + s as u32;
        sheet.write_string(row, 0, view.text(series))?;
        let values = chart
            .groups
            .iter()
            .flat_map(|(_, bars)| bars.iter().map(move |b| b.values[s]));
        for (k, v) in values.enumerate() {
            shape = v.shape;
            let f = Format::new().set_num_format(number_format(v.shape));
            let value = cell_value(&v);
            let place = v
                .origin
                .and_then(|o| places.iter().find(|(p, _)| *p == o))
                .map(|(_, (r, c))| row_col_to_cell(*r, *c));
            match place {
                Some(cell) => {
                    let result = crate::num::round(value, 6).normalize().to_string();
                    sheet.write_formula_with_format(
                        row,
                        1 + k as u16,
                        Formula::new(format!("={cell}")).set_result(result),
                        &f,
                    )?;
                }
                None => {
                    sheet.write_number_with_format(row, 1 + k as u16, number(value, 6), &f)?;
                }
            }
        }
    }
    let mut c = Chart::new(ChartType::ColumnStacked);
    c.title().set_name(&title);
    let last = categories.len() as u16;
    for s in 0..chart.series.len() {
        let row = top + 2 + s as u32;
        c.add_series()
            .set_name((name, row, 0))
            .set_categories((name, top + 1, 1, top + 1, last))
            .set_values((name, row, 1, row, last));
    }
    c.y_axis().set_num_format(number_format(shape));
    sheet.insert_chart(top + 3 + chart.series.len() as u32, 0, &c)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Cost by funder", &mut taken), "Cost by funder");
        assert_eq!(sheet_name("Cost by funder", &mut taken), "Cost by funder 2");
        assert_eq!(sheet_name("a/b: c?", &mut taken), "a-b- c-");
        let long = "Udgifter fordelt på finansieringskilde og periode";
        assert_eq!(sheet_name(long, &mut taken).chars().count(), 31);
    }

    #[test]
    fn formulas_in_a1_references() {
        assert_eq!(
            formula(Calc::SumRow { from: 1, to: 5 }, 0, 5),
            "=SUM(B3:E3)"
        );
        assert_eq!(
            formula(Calc::SumColumn { from: 0, to: 3 }, 3, 2),
            "=SUM(C3:C5)"
        );
        assert_eq!(formula(Calc::RowDiff { plus: 1, minus: 0 }, 2, 3), "=D4-D3");
        assert_eq!(
            formula(Calc::ColumnDiff { plus: 5, minus: 4 }, 0, 6),
            "=F3-E3"
        );
    }
}
