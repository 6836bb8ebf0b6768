//! What users see in the terminal, pinned: review changes to these like code.

use crate::common::klimabudget;

#[test]
fn report_tables() {
    for file in ["dk2020-2021-2023", "status-quo", "joint-secretariat"] {
        let run = klimabudget(["report", &format!("scenarios/{file}.toml")]).code(0);
        insta::assert_snapshot!(format!("report-{file}"), run.stdout);
    }
}

#[test]
fn report_by_half_year_shows_what_brn_must_still_find() {
    let run = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--by",
        "half-year",
    ])
    .code(0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn compare_tables() {
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
    ])
    .code(0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn check_lines() {
    let run = klimabudget(["check"]).code(0);
    insta::assert_snapshot!(run.stdout);
}
