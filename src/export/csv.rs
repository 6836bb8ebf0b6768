//! CSV: tidy data for spreadsheets and scripts. One row per period × item or funder × measure,
//! plain `.` decimals, amounts in kroner to the øre. The øre are rounded the way printed tables
//! are, so every column of figures adds up exactly.

use std::io::Write;

use crate::num::Rational;
use crate::report::compare::Comparison;
use crate::report::{Grid, Report};

/// One øre, the step CSV amounts are rounded to.
fn ore() -> Rational {
    Rational::new(1, 100)
}

fn money(v: Rational) -> String {
    crate::num::plain2(v)
}

/// Writes one record: `side` (a comparison's; none in a report), the period's label, start and
/// end, then kind, id, name, measure and value.
fn record<W: Write>(
    w: &mut csv::Writer<W>,
    side: Option<&str>,
    (label, start, end): (&str, impl std::fmt::Display, impl std::fmt::Display),
    rest: [&str; 5],
) -> csv::Result<()> {
    if let Some(side) = side {
        w.write_field(side)?;
    }
    w.write_field(label)?;
    w.write_field(start.to_string())?;
    w.write_field(end.to_string())?;
    w.write_record(rest)
}

const REPORT_HEAD: [&str; 8] = [
    "period", "start", "end", "kind", "id", "name", "measure", "value",
];

/// `report --format csv`: items' cost; funders' cost, funding, balance and cumulative balance;
/// and the period's total cost, funding and FTE.
pub fn report(r: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let s = r.scenario;
    let p = &r.projection;
    let shown = r.shown(ore());
    let balance = shown.funding.minus(&shown.cost);
    let cumulative = balance.running();
    let member_grid = r.member_grid();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(REPORT_HEAD)?;
    let names: Vec<(&str, &str)> = s
        .posts
        .iter()
        .map(|x| (x.id.as_str(), x.title.as_str()))
        .chain(s.costs.iter().map(|c| (c.id.as_str(), c.name.as_str())))
        .collect();
    let periods = p.periods.iter().map(Some).chain(std::iter::once(None));
    for (j, f) in periods.enumerate() {
        let (label, start, end) = match f {
            Some(f) => (f.period.label(), f.period.start, f.period.end),
            None => ("total".to_string(), s.window.from, s.window.to),
        };
        let period = f.map(|_| j);
        let at = |g: &Grid, i: usize| g.at(i, period);
        let column = |g: &Grid| period.map_or(g.total, |j| g.columns[j]);
        let mut row = |kind: &str, id: &str, name: &str, measure: &str, value: String| {
            record(
                &mut w,
                None,
                (&label, start, end),
                [kind, id, name, measure, &value],
            )
        };
        for (i, (id, name)) in names.iter().enumerate() {
            row("item", id, name, "cost", money(at(&shown.items, i)))?;
        }
        let measures = [
            ("cost", &shown.cost),
            ("funding", &shown.funding),
            ("balance", &balance),
            ("cumulative_balance", &cumulative),
        ];
        for (i, funder) in s.funders.iter().enumerate() {
            for (measure, grid) in measures {
                row(
                    "funder",
                    &funder.id,
                    &funder.name,
                    measure,
                    money(at(grid, i)),
                )?;
            }
        }
        if let (Some(members), Some(grid)) = (&r.members, &member_grid) {
            for (i, party) in members.allocation.parties.iter().enumerate() {
                row("member", &party.id, &party.name, "cost", money(at(grid, i)))?;
            }
        }
        let fte = f.map_or(p.total.fte.average(), |f| f.fte.average());
        row("total", "", "", "cost", money(column(&shown.items)))?;
        row("total", "", "", "funding", money(column(&shown.funding)))?;
        row("total", "", "", "fte", crate::num::plain2(fte))?;
    }
    w.flush()
}

const COMPARE_HEAD: [&str; 9] = [
    "side", "period", "start", "end", "kind", "id", "name", "measure", "value",
];

/// `compare --format csv`: for A, B and B − A, each funder's cost and the period's total cost
/// and FTE.
pub fn compare(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let grids = c.shown(ore());
    let members = c.member_grids();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COMPARE_HEAD)?;
    let window = c.window();
    let total = c.total();
    for (k, side) in ["a", "b", "delta"].into_iter().enumerate() {
        let g = &grids[k];
        let periods = c.periods.iter().map(Some).chain(std::iter::once(None));
        for (j, p) in periods.enumerate() {
            let (label, start, end, fte) = match p {
                Some(p) => (p.label.clone(), p.start, p.end, c.period(p)[k].fte),
                None => ("total".to_string(), window.from, window.to, total[k].fte),
            };
            let mut row = |kind: &str, id: &str, name: &str, measure: &str, value: String| {
                let period = (label.as_str(), start, end);
                record(
                    &mut w,
                    Some(side),
                    period,
                    [kind, id, name, measure, &value],
                )
            };
            let period = p.map(|_| j);
            let at = |g: &Grid, i: usize| g.at(i, period);
            for (i, funder) in c.funders.iter().enumerate() {
                row("funder", &funder.id, &funder.name, "cost", money(at(g, i)))?;
            }
            if let Some((parties, member_grids)) = &members {
                for (i, party) in parties.iter().enumerate() {
                    row(
                        "member",
                        &party.id,
                        &party.name,
                        "cost",
                        money(at(&member_grids[k], i)),
                    )?;
                }
            }
            let cost = period.map_or(g.total, |j| g.columns[j]);
            row("total", "", "", "cost", money(cost))?;
            row("total", "", "", "fte", crate::num::plain2(fte))?;
        }
    }
    w.flush()
}
