#![no_main]

//! Fuzzes the scenario loader and everything downstream of a loaded scenario: diagnostics
//! rendering, projection for every period grouping in current and fixed prices, members and
//! look-through, report and compare documents in every format, warnings and shortfalls.

use std::path::Path;

use klimabudget::allocation::Mode;
use klimabudget::engine::{self, Prices};
use klimabudget::export::{self, Format};
use klimabudget::i18n::{Lang, View};
use klimabudget::num::Unit;
use klimabudget::period::By;
use klimabudget::report::compare::Comparison;
use klimabudget::report::{Members, Precision, scenario};
use libfuzzer_sys::fuzz_target;

/// Month grouping is skipped for windows longer than this many years, to keep runs fast.
const MAX_MONTH_YEARS: i16 = 50;

/// Half-years and the comparison are skipped beyond this many years: a window of 7,500 years
/// took 29 s here under AddressSanitizer (0.3 s by year and 0.6 s by half-year for the
/// release binary), a slow harness rather than a hang.
const MAX_YEARS: i16 = 200;

fuzz_target!(|data: &[u8]| {
    match klimabudget::load::load_bytes(Path::new("fuzz.toml"), data.to_vec()) {
        Err(diagnostics) => {
            // Rendering errors must never panic.
            let _ = diagnostics.render(false, klimabudget::i18n::Lang::Da);
            for d in diagnostics.errors() {
                let _ = d.one_line(&diagnostics.sources, klimabudget::i18n::Lang::Da);
            }
        }
        Ok(loaded) => {
            let _ = loaded.warnings.render(false, klimabudget::i18n::Lang::Da);
            let s = &loaded.scenario;
            // Vary language, unit and format cheaply with the input length (one each per input).
            let view = View {
                lang: [Lang::En, Lang::Da][data.len() % 2],
                unit: [Unit::Kr, Unit::Tkr, Unit::Mio][data.len() / 2 % 3],
            };
            let format = [
                Format::Table,
                Format::Markdown,
                Format::Csv,
                Format::Json,
                Format::Html,
                Format::Xlsx,
            ][data.len() / 6 % 6];
            let prices = [Prices::Current, Prices::Fixed][data.len() / 36 % 2];
            let options = export::Options {
                view,
                ..Default::default()
            };
            let members =
                |mode, p: &engine::Projection| Members::new(s, p, mode, Precision::Kr).ok();
            let years = s.window.to.year() - s.window.from.year();
            for by in [By::Year, By::HalfYear, By::Month, By::Total] {
                if by == By::Month && years > MAX_MONTH_YEARS {
                    continue;
                }
                if by == By::HalfYear && years > MAX_YEARS {
                    continue;
                }
                if let Ok(projection) = engine::project_in(s, by, prices) {
                    // The wide path (groups added in arbitrary precision) gives the fast
                    // path's projection: each entry a group of its own, on small scenarios.
                    let entries = s.posts.len() + s.costs.len() + s.funding.len();
                    if entries <= 24 && years <= MAX_MONTH_YEARS {
                        let wide = engine::project_wide(&[s], by, prices, 1);
                        assert_eq!(wide.as_deref(), Ok(std::slice::from_ref(&projection)));
                    }
                    let members = members(Mode::LookThrough, &projection);
                    let report = scenario::report(s, &projection, members.as_ref());
                    let _ = export::render(&report, format, &options);
                    let _ = scenario::warnings(s, &projection);
                    let _ = engine::shortfalls(s, &projection);
                }
                if years > MAX_YEARS {
                    continue;
                }
                if let Ok(comparison) = Comparison::new(s, s, by, prices)
                    .and_then(|c| c.with_members(Some(Mode::ByMember), Precision::Ore))
                {
                    let _ = export::render(&comparison.report(), format, &options);
                }
            }
        }
    }
});
