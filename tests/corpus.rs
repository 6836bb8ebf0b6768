//! Bad input: every invalid scenario under tests/corpus/ is refused with exit code 2, no output
//! and its exact message (place included), pinned in a snapshot. Generated cases cover sizes
//! not worth committing.

use std::fmt::Write as _;

use crate::common::{klimabudget, toml_files};

#[test]
fn every_invalid_scenario_is_refused_with_its_message() {
    let files = toml_files("tests/corpus");
    assert!(files.len() >= 40, "the corpus has {} cases", files.len());
    for file in files {
        let stem = file.file_stem().unwrap().to_str().unwrap().to_string();
        let path = format!("tests/corpus/{stem}.toml");
        let run = klimabudget(["report", &path]).code(2);
        assert_eq!(run.stdout, "", "{path}: no table from bad input");
        assert!(!run.stderr.contains("panicked"), "{path}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{path}: {}", run.stderr);
        insta::assert_snapshot!(format!("corpus-{stem}"), run.stderr);
    }
}

#[test]
fn three_mistakes_are_three_errors_each_at_its_line() {
    let run = klimabudget([
        "check",
        "tests/corpus/three-mistakes.toml",
        "--format",
        "json",
    ])
    .code(2);
    let json = run.json();
    let errors = json["scenarios"][0]["errors"].as_array().unwrap();
    let places: Vec<(u64, u64)> = errors
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(places, [(12, 7), (14, 11), (18, 10)]);
    assert_eq!(json["scenarios"][0]["status"], "invalid");
    assert_eq!(json["summary"]["invalid"], 1);
}

/// A scenario of `n` posts; the posts `bad` have fte = 0.
fn many_posts(n: usize, bad: &[usize]) -> String {
    let mut s = String::from(
        "[scenario]\nname = \"Many\"\nstart = 2023-01-01\nend = 2023-12-31\n\n[funders.brn]\nnote = \"pays all\"\nresidual = true\n",
    );
    for i in 0..n {
        let fte = if bad.contains(&i) { "0" } else { "1" };
        write!(
            s,
            "\n[[posts]]\nid = \"p{i}\"\nfte = {fte}\nannual_cost_per_fte = 800_000\npaid_by = \"brn\"\n"
        )
        .unwrap();
    }
    s
}

#[test]
fn mistakes_among_100000_entries_are_found_at_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.toml");
    // Read in pieces and shares on several threads: mistakes near the start, the middle and the
    // end are each found, in order.
    let bad = [3, 50_001, 99_998];
    std::fs::write(&path, many_posts(100_000, &bad)).unwrap();
    let json = klimabudget(["check", path.to_str().unwrap(), "--format", "json"])
        .code(2)
        .json();
    let found: Vec<(u64, u64, &str)> = json["scenarios"][0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let place = |k: &str| e[k].as_u64().unwrap();
            (
                place("line"),
                place("column"),
                e["message"].as_str().unwrap(),
            )
        })
        .collect();
    // 8 lines of header, 6 lines a post: post i has its fte on line 9 + 6 × i + 3.
    let messages: Vec<String> = bad
        .iter()
        .map(|i| format!("post `p{i}`: `fte`: an FTE must be more than 0 (found 0)"))
        .collect();
    let expected: Vec<(u64, u64, &str)> = bad
        .iter()
        .zip(&messages)
        .map(|(i, m)| (9 + 6 * *i as u64 + 3, 7, m.as_str()))
        .collect();
    assert_eq!(found, expected);
    std::fs::write(&path, many_posts(100_000, &[])).unwrap();
    let json = klimabudget([
        "report",
        path.to_str().unwrap(),
        "--by",
        "total",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(json["total"]["cost"], "80000000000.00");
    assert_eq!(json["total"]["fte"], "100000.00");
}

#[test]
fn a_file_over_100_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let f = std::fs::File::create(&path).unwrap();
    // A sparse file: no need to write 100 MiB to refuse it.
    f.set_len(100 * 1024 * 1024 + 1).unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(2);
    assert!(
        run.stderr
            .contains("huge.toml: is 100 MiB; scenario files over 100 MiB are refused"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_reports_every_one_of_1000_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string("tests/fixtures/mid-month.toml").unwrap();
    for i in 0..1000 {
        let body = if i % 100 == 7 {
            "[scenario]\n".to_string()
        } else {
            valid.clone()
        };
        std::fs::write(dir.path().join(format!("s{i:04}.toml")), body).unwrap();
    }
    let run = klimabudget(["check", dir.path().to_str().unwrap()]).code(2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1001);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("balanced    "))
            .count(),
        990
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("invalid     "))
            .count(),
        10
    );
    assert!(lines[7].contains("s0007.toml"));
    assert_eq!(
        lines[1000],
        "1000 scenarios: 990 balanced, 0 unbalanced, 10 invalid"
    );
}
