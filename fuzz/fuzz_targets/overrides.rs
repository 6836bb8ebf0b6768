#![no_main]

//! Fuzzes the strings people type on the command line: each line of the input is tried as a
//! `--set PATH=VALUE` on a scenario (all lines together, then the scenario projected and
//! reported), as a `--vary` range or list, and as a figure name (`--show`, `explain`).

use std::path::Path;

use klimabudget::engine::{self, Prices};
use klimabudget::explain::Name;
use klimabudget::export::{self, Format};
use klimabudget::load::{Override, Prepared};
use klimabudget::period::By;
use klimabudget::report::scenario;
use klimabudget::whatif::Vary;
use libfuzzer_sys::fuzz_target;

/// A scenario of its own (no files named), with posts, funding, shares and indexation.
const SCENARIO: &str = include_str!("../../tests/cases/fase2.toml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines: Vec<&str> = text.lines().take(16).collect();
    for line in &lines {
        let _ = Vary::parse(line);
        if let Err(m) = Name::parse_or_suggest(line) {
            let _ = m.render(klimabudget::i18n::Lang::Da);
        }
    }
    let prepared = Prepared::parse(Path::new("fase2.toml"), SCENARIO.to_string());
    let overrides: Vec<Override> = lines.iter().map(|l| Override::new(*l)).collect();
    match prepared.load(&overrides) {
        Err(d) => {
            let _ = d.render(false, klimabudget::i18n::Lang::Da);
        }
        Ok(loaded) => {
            let s = &loaded.scenario;
            // Windows made very long by an override are projected by year only.
            let years = s.window.to.year() - s.window.from.year();
            let by = if years > 50 { By::Year } else { By::HalfYear };
            if let Ok(p) = engine::project_in(s, by, Prices::Current) {
                let report = scenario::report(s, &p, None);
                let _ = export::render(&report, Format::Json, &Default::default());
                let _ = export::render(&report, Format::Table, &Default::default());
                for line in &lines {
                    if let Ok(name) = Name::parse(line) {
                        let _ = name.value(s, &p);
                    }
                }
            }
        }
    }
});
