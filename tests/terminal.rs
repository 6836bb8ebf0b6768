//! Terminal tables fitted to 80, 100 and 120 columns: no line wider than the terminal, no
//! number or word broken (the fitted tables hold the same figures and words as the table on
//! one line), and the key figures of the JSON among them.

use klimabudget::engine::{self, Prices};
use klimabudget::export::table::{TableStyle, render};
use klimabudget::i18n::{Lang, View};
use klimabudget::num::Unit;
use klimabudget::period::By;
use klimabudget::report::compare::Comparison;
use klimabudget::report::{Mode, Report, Rounding, scenario};

use crate::common::{klimabudget, root};

fn load(name: &str) -> klimabudget::model::Scenario {
    klimabudget::load::load_file(&root().join(name))
        .unwrap()
        .scenario
}

fn is_number(t: &str) -> bool {
    let t = t.trim_start_matches(['−', '-']);
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// The tokens of a text between spaces and table borders.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || "│─┼├┤┬┴╭╮╰╯═╪╞╡".contains(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn check(report: &Report, unit: Unit, what: &str) {
    for lang in [Lang::En, Lang::Da] {
        let shown = report.shown(Rounding {
            unit,
            mode: Mode::Controlled,
        });
        let view = View { lang, unit };
        let style = |width| TableStyle {
            color: false,
            fit: true,
            width,
        };
        let wide = render(&shown, view, style(None));
        // Sets, not counts: label columns (periods, in a comparison's first table) repeat in
        // each block of a split table.
        let numbers: std::collections::BTreeSet<String> =
            tokens(&wide).into_iter().filter(|t| is_number(t)).collect();
        let words: std::collections::BTreeSet<String> = tokens(&wide).into_iter().collect();
        for width in [80, 100, 120] {
            let fitted = render(&shown, view, style(Some(width)));
            // The list of what differs holds ids longer than a column can be at 80 without
            // breaking them: it may be wider (words stay whole); everything else fits.
            let before = fitted
                .split(['\n'])
                .take_while(|l| {
                    !l.starts_with("What differs") && !l.starts_with("Forskelle mellem")
                })
                .collect::<Vec<_>>();
            for line in before {
                assert!(
                    line.chars().count() <= width,
                    "{what} {lang:?} at {width}: a line of {} columns:\n{fitted}",
                    line.chars().count()
                );
            }
            let shown_numbers: std::collections::BTreeSet<String> = tokens(&fitted)
                .into_iter()
                .filter(|t| is_number(t))
                .collect();
            assert_eq!(
                shown_numbers, numbers,
                "{what} {lang:?} at {width}: every figure whole:\n{fitted}"
            );
            for t in tokens(&fitted) {
                assert!(
                    words.contains(&t),
                    "{what} {lang:?} at {width}: {t:?} is a broken word:\n{fitted}"
                );
            }
        }
    }
}

#[test]
fn tables_fit_80_100_and_120_columns_without_breaking_a_number_or_a_word() {
    let (a, b) = (
        load("scenarios/status-quo.toml"),
        load("scenarios/joint-secretariat.toml"),
    );
    for by in [By::Year, By::HalfYear, By::Month] {
        let c = Comparison::new(&a, &b, by, Prices::Current).unwrap();
        check(&c.report(), Unit::Kr, &format!("compare by {by:?}"));
        let p = engine::project(&b, by).unwrap();
        check(
            &scenario::report(&b, &p, None),
            Unit::Kr,
            &format!("report by {by:?}"),
        );
    }
    let c = Comparison::new(&a, &b, By::HalfYear, Prices::Current).unwrap();
    check(&c.report(), Unit::Mio, "compare by half-year in mio");
}

#[test]
fn the_json_figures_are_in_the_fitted_table() {
    let json = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let (a, b) = (
        load("scenarios/status-quo.toml"),
        load("scenarios/joint-secretariat.toml"),
    );
    let report = Comparison::new(&a, &b, By::Year, Prices::Current)
        .unwrap()
        .report();
    let shown = report.shown(Rounding::default());
    let fitted = render(
        &shown,
        View::default(),
        TableStyle {
            color: false,
            fit: true,
            width: Some(80),
        },
    );
    let numbers = tokens(&fitted);
    // Whole kroner in the JSON's figures are shown as they are, grouped.
    for period in json["periods"].as_array().unwrap() {
        for side in ["a", "b", "delta"] {
            let cost = period[side]["cost"].as_str().unwrap();
            let kroner: i64 = cost.trim_end_matches(".00").parse().unwrap();
            let grouped = klimabudget::i18n::Lang::En
                .number(klimabudget::num::Rational::from_integer(kroner.into()), 0);
            assert!(numbers.contains(&grouped), "{grouped} not in:\n{fitted}");
        }
    }
}
