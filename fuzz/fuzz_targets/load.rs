#![no_main]

//! Fuzzes the scenario loader and everything downstream of a loaded scenario:
//! diagnostics rendering, projection for every period grouping, report/compare
//! documents, table and JSON export, warnings and shortfall checks.

use std::path::Path;

use klimabudget::engine;
use klimabudget::export::{json, table};
use klimabudget::i18n::{Lang, Unit, View};
use klimabudget::period::By;
use klimabudget::report::Report;
use klimabudget::report::check;
use klimabudget::report::compare::Comparison;
use libfuzzer_sys::fuzz_target;

/// Month grouping is skipped for windows longer than this many years, to keep runs fast.
const MAX_MONTH_YEARS: i16 = 50;

fuzz_target!(|data: &[u8]| {
    match klimabudget::load::load_bytes(Path::new("fuzz.toml"), data.to_vec()) {
        Err(diagnostics) => {
            // Rendering errors must never panic.
            let _ = diagnostics.render(false);
            for d in diagnostics.errors() {
                let _ = d.line_column(&diagnostics.sources);
            }
        }
        Ok(loaded) => {
            let _ = loaded.warnings.render(false);
            let s = &loaded.scenario;
            // Vary language and unit cheaply with the input length (one view per input).
            let view = View {
                lang: [Lang::En, Lang::Da][data.len() % 2],
                unit: [Unit::Kr, Unit::Tkr, Unit::Mio][data.len() / 2 % 3],
            };
            let years = s.window.to.year() - s.window.from.year();
            for by in [By::Year, By::HalfYear, By::Month, By::Total] {
                if by == By::Month && years > MAX_MONTH_YEARS {
                    continue;
                }
                if let Ok(projection) = engine::project(s, by) {
                    let report = Report::new(s, projection);
                    let _ = table::render(&report.document(view), Default::default());
                    let _ = json::report(&report, &mut Vec::new(), false);
                    let _ = report.warnings();
                    let _ = check::shortfalls(&report);
                }
                if let Ok(comparison) = Comparison::new(s, s, by, klimabudget::engine::Prices::Current) {
                    let _ = table::render(&comparison.document(view), Default::default());
                    let _ = json::compare(&comparison, &mut Vec::new(), false);
                }
            }
        }
    }
});
