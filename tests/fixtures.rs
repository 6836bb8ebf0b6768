//! Fixture scenarios under tests/fixtures/ carry their expected figures in header comments:
//!
//! ```text
//! # expect --by month 2023-01 cost = 548.39          (report --format json, a period's field)
//! # expect check --by half-year = unbalanced         (check --format json, the status)
//! # expect check shortfall z 2023 = 0.01             (a shortfall of funder z in 2023)
//! ```
//!
//! Every expectation of every fixture is checked against the real binary.

use std::collections::HashMap;
use std::path::Path;

use crate::common::{klimabudget, period, toml_files};

enum Expect {
    Report {
        by: String,
        label: String,
        path: String,
    },
    Status {
        by: String,
    },
    Shortfall {
        by: String,
        funder: String,
        label: String,
    },
}

/// `--by X` at the start of `words`, or the default.
fn by(words: &mut Vec<&str>) -> String {
    if words.first() == Some(&"--by") {
        let by = words[1].to_string();
        words.drain(..2);
        by
    } else {
        "year".to_string()
    }
}

fn expectations(file: &Path) -> Vec<(String, Expect, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("# expect ") else {
            continue;
        };
        let (lhs, value) = rest.split_once(" = ").expect("`= value`");
        let mut words: Vec<&str> = lhs.split_whitespace().collect();
        let expect = if words[0] == "check" {
            words.remove(0);
            let by = by(&mut words);
            match words.as_slice() {
                [] => Expect::Status { by },
                ["shortfall", funder, label] => Expect::Shortfall {
                    by,
                    funder: funder.to_string(),
                    label: label.to_string(),
                },
                other => panic!("{}: bad check expectation {other:?}", file.display()),
            }
        } else {
            let by = by(&mut words);
            let [label, path] = words.as_slice() else {
                panic!("{}: bad expectation {line}", file.display());
            };
            Expect::Report {
                by,
                label: label.to_string(),
                path: path.to_string(),
            }
        };
        out.push((line.to_string(), expect, value.trim().to_string()));
    }
    out
}

#[test]
fn every_fixture_gives_its_expected_figures() {
    let files = toml_files("tests/fixtures");
    assert!(files.len() >= 3, "fixtures are there");
    let mut checked = 0;
    for file in files {
        let path = file.to_str().unwrap();
        let mut runs: HashMap<(bool, String), serde_json::Value> = HashMap::new();
        let mut json = |check: bool, by: &str| {
            runs.entry((check, by.to_string()))
                .or_insert_with(|| {
                    let cmd = if check { "check" } else { "report" };
                    klimabudget([cmd, path, "--by", by, "--format", "json"]).json()
                })
                .clone()
        };
        for (line, expect, value) in expectations(&file) {
            let got = match &expect {
                Expect::Report { by, label, path } => {
                    let report = json(false, by);
                    let mut v = period(&report, label).clone();
                    for key in path.split('.') {
                        v = v[key].clone();
                    }
                    v.as_str().map(str::to_string)
                }
                Expect::Status { by } => json(true, by)["scenarios"][0]["status"]
                    .as_str()
                    .map(str::to_string),
                Expect::Shortfall { by, funder, label } => {
                    json(true, by)["scenarios"][0]["shortfalls"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|s| s["funder"] == funder.as_str() && s["period"] == label.as_str())
                        .and_then(|s| s["shortfall"].as_str().map(str::to_string))
                }
            };
            assert_eq!(
                got.as_deref(),
                Some(value.as_str()),
                "{}: {line}",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} expectations");
}
