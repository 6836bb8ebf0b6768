//! CSV: tidy data for spreadsheets and scripts. One row per period × item or funder × measure,
//! plain `.` decimals, amounts in kroner to the øre, each figure rounded to the nearest øre
//! like the JSON's.

use crate::report::grid::{GridId, StatusFigure, StatusGrid, StatusRows, What};
use crate::report::{Figure, Head, Shown, ShownGrid, Side};

/// The CSV exporter: reports, comparisons and sweeps.
pub struct Csv;

impl super::Exporter for Csv {
    fn serialize(&self, shown: &Shown) -> std::io::Result<Vec<u8>> {
        let mut w = Writer(csv::Writer::from_writer(Vec::new()));
        match &shown.head {
            Head::Scenario(_) => report(shown, &mut w)?,
            Head::Comparison(_) => compare(shown, &mut w)?,
            Head::Sweep(h) => sweep(shown, h, &mut w)?,
            Head::Status(h) => status(shown, h, &mut w)?,
            Head::Sensitivity(h) => sensitivity(shown, h, &mut w)?,
            Head::Check(_) | Head::Solve(_) | Head::Explain(_) => {
                return Err(std::io::Error::other(
                    "check, solve and explain have no CSV form; use --format json",
                ));
            }
        }
        w.0.into_inner().map_err(|e| e.into_error())
    }
}

/// A CSV writer whose text cells cannot run as formulas in a spreadsheet.
struct Writer(csv::Writer<Vec<u8>>);

impl Writer {
    fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for cell in record {
            self.0.write_field(neutral(cell.as_ref()).as_bytes())?;
        }
        // An empty record ends the one the fields were written into.
        self.0.write_record(None::<&[u8]>)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A cell that a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, a tab
/// or a carriage return first) with a `'` before it, as OWASP's rule for CSV injection says;
/// numbers (`-2500.00`) are left as they are.
fn neutral(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            if cell.parse::<rust_decimal::Decimal>().is_err() =>
        {
            format!("'{cell}").into()
        }
        _ => cell.into(),
    }
}

/// A figure to the øre: `800000.00`.
fn money(f: &Figure) -> String {
    crate::num::plain2(f.shown)
}

/// One column of a grid: a period, or `None` for the total.
fn at(g: &ShownGrid, row: Option<usize>, col: Option<usize>) -> &Figure {
    g.at(row, col).expect("the grid has the figure")
}

/// The grid of `id`, which a report of this kind has.
fn grid(shown: &Shown, id: GridId) -> &ShownGrid {
    shown.grid(id).expect("the report has the grid")
}

/// The periods of a grid and then the total: label, start and end, and the column.
fn periods(
    g: &ShownGrid,
    window: (String, String),
) -> Vec<(String, String, String, Option<usize>)> {
    let mut out: Vec<_> = g
        .columns
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            (c.label(), date(c.start), date(c.end), Some(j))
        })
        .collect();
    out.push(("total".to_string(), window.0, window.1, None));
    out
}

const REPORT_HEAD: [&str; 8] = [
    "period", "start", "end", "kind", "id", "name", "measure", "value",
];

/// `report --format csv`: items' cost; funders' cost, funding, balance and cumulative balance;
/// members' cost; and the period's total cost, funding and FTE.
fn report(shown: &Shown, w: &mut Writer) -> csv::Result<()> {
    let Head::Scenario(head) = &shown.head else {
        unreachable!("a report");
    };
    let g = |what| grid(shown, GridId::of(what));
    let (items, cost, funding) = (
        g(What::Items),
        g(What::CostByFunder),
        g(What::FundingByFunder),
    );
    let (balance, cumulative, fte) = (
        g(What::BalanceByFunder),
        g(What::CumulativeByFunder),
        g(What::Fte),
    );
    let members = shown.grid(GridId::of(What::CostByMember));
    let last = cumulative.columns.len().checked_sub(1);
    w.write_record(REPORT_HEAD)?;
    let window = (head.start.to_string(), head.end.to_string());
    for (label, start, end, col) in periods(items, window) {
        let mut row = |kind: &str, id: &str, name: &str, measure: &str, value: String| {
            w.write_record([&label, &start, &end, kind, id, name, measure, &value])
        };
        for (i, r) in items.rows.iter().enumerate() {
            row(
                "item",
                &r.id,
                &r.name,
                "cost",
                money(at(items, Some(i), col)),
            )?;
        }
        for (i, r) in cost.rows.iter().enumerate() {
            let measures = [
                ("cost", at(cost, Some(i), col)),
                ("funding", at(funding, Some(i), col)),
                ("balance", at(balance, Some(i), col)),
                // At the end of the window, for the total.
                ("cumulative_balance", at(cumulative, Some(i), col.or(last))),
            ];
            for (measure, figure) in measures {
                row("funder", &r.id, &r.name, measure, money(figure))?;
            }
        }
        if let Some(m) = members {
            for (i, r) in m.rows.iter().enumerate() {
                row("member", &r.id, &r.name, "cost", money(at(m, Some(i), col)))?;
            }
        }
        row("total", "", "", "cost", money(at(items, None, col)))?;
        row("total", "", "", "funding", money(at(funding, None, col)))?;
        row("total", "", "", "fte", money(at(fte, Some(0), col)))?;
    }
    w.flush()?;
    Ok(())
}

const COMPARE_HEAD: [&str; 9] = [
    "side", "period", "start", "end", "kind", "id", "name", "measure", "value",
];

/// `compare --format csv`: for A, B and B − A, each funder's (and party's) cost and the
/// period's total cost and FTE.
fn compare(shown: &Shown, w: &mut Writer) -> csv::Result<()> {
    let Head::Comparison(head) = &shown.head else {
        unreachable!("a comparison");
    };
    w.write_record(COMPARE_HEAD)?;
    let window = (head.window.from.to_string(), head.window.to.to_string());
    for side in [Side::A, Side::B, Side::Delta] {
        let cost = grid(shown, GridId::side(What::CostByFunder, side));
        let fte = grid(shown, GridId::side(What::Fte, side));
        let members = shown.grid(GridId::side(What::CostByMember, side));
        for (label, start, end, col) in periods(cost, window.clone()) {
            let mut row = |kind: &str, id: &str, name: &str, measure: &str, value: String| {
                w.write_record([
                    side.name(),
                    &label,
                    &start,
                    &end,
                    kind,
                    id,
                    name,
                    measure,
                    &value,
                ])
            };
            for (i, r) in cost.rows.iter().enumerate() {
                row(
                    "funder",
                    &r.id,
                    &r.name,
                    "cost",
                    money(at(cost, Some(i), col)),
                )?;
            }
            if let Some(m) = members {
                for (i, r) in m.rows.iter().enumerate() {
                    row("member", &r.id, &r.name, "cost", money(at(m, Some(i), col)))?;
                }
            }
            row("total", "", "", "cost", money(at(cost, None, col)))?;
            row("total", "", "", "fte", money(at(fte, Some(0), col)))?;
        }
    }
    if let Some(bridge) = &head.bridge {
        bridge_rows(shown, bridge, &window, w)?;
    }
    w.flush()?;
    Ok(())
}

/// A bridge's rows: side `bridge`, a row per step and figure (kind and id of the entry, the
/// change as `field: a -> b`, the figure's name as the measure, how much it moves), in the
/// order of the steps.
fn bridge_rows(
    shown: &Shown,
    head: &crate::report::bridge::BridgeHead,
    window: &(String, String),
    w: &mut Writer,
) -> csv::Result<()> {
    use crate::bridge::{Change, Value};
    let steps = grid(shown, GridId::of(What::BridgeSteps));
    let plain = |v: &Option<Value>| match v {
        Some(Value::Money(r) | Value::Number(r)) => crate::num::show(*r),
        Some(Value::Date(d)) => d.to_string(),
        Some(Value::MonthDay(m, d)) => format!("{m:02}-{d:02}"),
        None => "-".to_string(),
    };
    let (start, end) = head
        .common
        .map_or_else(|| window.clone(), |(a, b)| (a.to_string(), b.to_string()));
    for (k, st) in head.bridge.steps.iter().enumerate() {
        let change = match &st.change {
            Change::Added => "added".to_string(),
            Change::Removed => "removed".to_string(),
            Change::Field { field, a, b } => format!("{field}: {} -> {}", plain(a), plain(b)),
            Change::PaidBy => "paid_by".to_string(),
            Change::Funder { a, b } => format!("funder: {a} -> {b}"),
            Change::Indexed => "indexed".to_string(),
            Change::Flow => "flow".to_string(),
        };
        for (j, name) in head.bridge.names.iter().enumerate() {
            w.write_record([
                "bridge",
                &name.period.label(),
                &start,
                &end,
                st.kind,
                &st.id,
                &change,
                &name.to_string(),
                &money(at(steps, Some(k), Some(j))),
            ])?;
        }
    }
    Ok(())
}

/// `sensitivity --format csv`: a row per assumption, the one that moves the figure most
/// first: its path, the ends tried, and the figure at each end and their distance (empty for
/// one left out).
fn sensitivity(
    shown: &Shown,
    head: &crate::report::sensitivity::SensitivityHead,
    w: &mut Writer,
) -> csv::Result<()> {
    use crate::whatif::sensitivity::setting_text;
    let figures = grid(shown, GridId::of(What::Sensitivity));
    w.write_record([
        "path",
        "low",
        "high",
        "figure",
        "figure_low",
        "figure_high",
        "swing",
    ])?;
    let name = head.sensitivity.name.to_string();
    let mut row = 0;
    for t in &head.sensitivity.tested {
        let cell = |col: usize| match t.skipped {
            None => money(at(figures, Some(row), Some(col))),
            Some(_) => String::new(),
        };
        w.write_record([
            t.assumption.path(),
            setting_text(t.low),
            setting_text(t.high),
            name.clone(),
            cell(0),
            cell(1),
            cell(2),
        ])?;
        if t.skipped.is_none() {
            row += 1;
        }
    }
    w.flush()?;
    Ok(())
}

/// `sweep --format csv`: a row per point, the varied values then the figures.
fn sweep(
    shown: &Shown,
    head: &crate::report::whatif::SweepHead,
    w: &mut Writer,
) -> csv::Result<()> {
    let names: Vec<&str> = head
        .vary
        .iter()
        .map(|(p, _)| p.as_str())
        .chain(head.show.iter().map(String::as_str))
        .collect();
    w.write_record(&names)?;
    for (i, values) in head.points.iter().enumerate() {
        let record: Vec<String> = values
            .iter()
            .map(|v| v.normalize().to_string())
            .chain((0..head.show.len()).map(|k| {
                money(at(
                    grid(shown, GridId::of(What::Sweep(k))),
                    Some(i),
                    Some(0),
                ))
            }))
            .collect();
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

const STATUS_HEAD: [&str; 9] = [
    "section", "period", "start", "end", "kind", "id", "name", "measure", "value",
];

/// `status --format csv`: each row of each scope with each figure (a percentage without a
/// base is empty); cost per month; each funder's cumulative balance; the bookings.
fn status(
    shown: &Shown,
    head: &crate::report::status::StatusHead,
    w: &mut Writer,
) -> csv::Result<()> {
    w.write_record(STATUS_HEAD)?;
    for scope in &head.scopes {
        let (start, end) = (scope.start.to_string(), scope.end.to_string());
        for (rows, facts) in &scope.parts {
            let part = match rows {
                StatusRows::Cost => "cost",
                StatusRows::Funding => "funding",
                StatusRows::Funders => "funder",
            };
            for figure in StatusFigure::ALL {
                let g = grid(
                    shown,
                    GridId::of(What::Status(StatusGrid {
                        scope: scope.scope,
                        rows: *rows,
                        figure,
                    })),
                );
                for (i, f) in facts.iter().enumerate() {
                    let defined = match figure {
                        StatusFigure::DeviationPercent => f.deviation_percent,
                        StatusFigure::UsedPercent => f.used_percent,
                        _ => true,
                    };
                    let value = if defined {
                        money(at(g, Some(i), Some(0)))
                    } else {
                        String::new()
                    };
                    w.write_record([
                        scope.scope.name(),
                        scope.scope.name(),
                        &start,
                        &end,
                        part,
                        &f.id,
                        &f.name,
                        figure.name(),
                        &value,
                    ])?;
                }
            }
        }
    }
    for (k, measure) in ["budget", "actual", "forecast"].iter().enumerate() {
        let g = grid(shown, GridId::of(What::StatusMonthly(k as u8)));
        for (j, c) in g.columns.iter().enumerate() {
            let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            w.write_record([
                "monthly",
                &c.label(),
                &date(c.start),
                &date(c.end),
                "total",
                "",
                "",
                measure,
                &money(at(g, Some(0), Some(j))),
            ])?;
        }
    }
    for (reforecast, measure) in [
        (false, "cumulative_budget"),
        (true, "cumulative_reforecast"),
    ] {
        let g = grid(shown, GridId::of(What::StatusCumulative(reforecast)));
        for (j, c) in g.columns.iter().enumerate() {
            let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            for (i, r) in g.rows.iter().enumerate() {
                w.write_record([
                    "cumulative",
                    &c.label(),
                    &date(c.start),
                    &date(c.end),
                    "funder",
                    &r.id,
                    &r.name,
                    measure,
                    &money(at(g, Some(i), Some(j))),
                ])?;
            }
        }
    }
    let g = grid(shown, GridId::of(What::StatusBookings));
    for (i, r) in g.rows.iter().enumerate() {
        let amount = money(at(g, Some(i), Some(0)));
        for (measure, value) in [("amount", amount), ("count", head.counts[i].to_string())] {
            w.write_record([
                "bookings", "", "", "", "bookings", &r.id, "", measure, &value,
            ])?;
        }
    }
    if let Some(g) = shown.grid(GridId::of(What::StatusUnallocated)) {
        for (i, u) in head.unallocated.iter().enumerate() {
            w.write_record([
                "unallocated",
                &u.date.to_string(),
                &u.date.to_string(),
                &u.date.to_string(),
                "booking",
                &format!("{}:{}", u.file, u.line),
                &u.text,
                "amount",
                &money(at(g, Some(i), Some(0))),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutral;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralised_numbers_are_not() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+2",
            "-cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutral(formula), format!("'{formula}"));
        }
        for plain in [
            "-2500.00",
            "+3",
            "800000.00",
            "Region Nordjylland",
            "",
            "a=b",
        ] {
            assert_eq!(neutral(plain), plain);
        }
    }
}
