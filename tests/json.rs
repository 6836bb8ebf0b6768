//! The JSON of report, compare and check matches the contract: field names, money and FTE as
//! two-decimal strings, every funder in every funder map, every item in `items`.

use serde_json::Value;

use crate::common::{klimabudget, toml_files};

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort();
    k
}

fn assert_two_decimals(v: &Value, what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    let (int, dec) = s.split_once('.').unwrap_or_else(|| panic!("{what}: {s}"));
    assert!(
        dec.len() == 2 && dec.bytes().all(|b| b.is_ascii_digit()),
        "{what}: {s}"
    );
    let int = int.strip_prefix('-').unwrap_or(int);
    assert!(
        !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()),
        "{what}: {s}"
    );
}

fn assert_map(v: &Value, ids: &[&str], what: &str) {
    let mut expected = ids.to_vec();
    expected.sort();
    assert_eq!(keys(v), expected, "{what}");
    for id in ids {
        assert_two_decimals(&v[id], &format!("{what}.{id}"));
    }
}

const PERIOD_KEYS: [&str; 9] = [
    "balance_by_funder",
    "cost",
    "cost_by_funder",
    "cumulative_balance_by_funder",
    "end",
    "fte",
    "funding_by_funder",
    "items",
    "start",
];

#[test]
fn report_json_has_the_contract_shape() {
    for file in toml_files("scenarios") {
        for by in ["year", "half-year", "month", "total"] {
            let path = file.to_str().unwrap();
            let r = klimabudget(["report", path, "--by", by, "--format", "json"])
                .code(0)
                .json();
            // `prices` is there when the scenario has an indexation.
            let indexed = std::fs::read_to_string(&file)
                .unwrap()
                .contains("indexation");
            let expected: &[&str] = if indexed {
                &["by", "funders", "periods", "prices", "scenario", "total"]
            } else {
                &["by", "funders", "periods", "scenario", "total"]
            };
            assert_eq!(keys(&r), expected);
            assert_eq!(r["by"], by);
            assert_eq!(keys(&r["scenario"]), ["end", "file", "name", "start"]);
            assert_eq!(r["scenario"]["file"], path);
            let funders: Vec<&str> = r["funders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    assert_eq!(keys(f), ["id", "name", "residual"]);
                    f["id"].as_str().unwrap()
                })
                .collect();
            let scenario = klimabudget::load::load_file(&file).unwrap().scenario;
            let items: Vec<&str> = scenario.item_ids().collect();
            assert!(!items.is_empty());
            let mut periods: Vec<&Value> = r["periods"].as_array().unwrap().iter().collect();
            if by == "total" {
                assert_eq!(periods.len(), 1);
                assert_eq!(periods[0]["label"], "total");
            }
            periods.push(&r["total"]);
            for (i, p) in periods.iter().enumerate() {
                let is_total = i == periods.len() - 1;
                let mut expected = PERIOD_KEYS.to_vec();
                if !is_total {
                    expected.push("label");
                    expected.sort();
                }
                assert_eq!(keys(p), expected, "{path} by {by}");
                assert_two_decimals(&p["fte"], "fte");
                assert_two_decimals(&p["cost"], "cost");
                assert_map(&p["items"], &items, "items");
                for map in [
                    "cost_by_funder",
                    "funding_by_funder",
                    "balance_by_funder",
                    "cumulative_balance_by_funder",
                ] {
                    assert_map(&p[map], &funders, map);
                }
            }
        }
    }
}

#[test]
fn compare_json_has_the_contract_shape() {
    // DK2020 has no `region`; the union of funders still lists it, with zeros. Its window
    // (2021 – mid-2023) differs from the joint secretariat's (2023 – 2026): by default they
    // are compared over the days both cover; `--window union` compares every day of both.
    let common = klimabudget([
        "compare",
        "scenarios/dk2020-2021-2023.toml",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(
        common["window"],
        serde_json::json!({"mode": "common", "start": "2023-01-01", "end": "2023-06-30"})
    );
    assert_eq!(common["periods"].as_array().unwrap().len(), 1);
    assert_eq!(common["periods"][0]["label"], "2023");
    assert_eq!(common["total"]["end"], "2023-06-30");
    let c = klimabudget([
        "compare",
        "scenarios/dk2020-2021-2023.toml",
        "scenarios/joint-secretariat.toml",
        "--window",
        "union",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(
        keys(&c),
        ["a", "b", "by", "changes", "periods", "total", "window"]
    );
    assert_eq!(c["window"]["mode"], "union");
    assert_eq!(keys(&c["a"]), ["file", "name"]);
    // Written in the contract's order, as a reader expects them.
    let order = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        order(&c),
        ["a", "b", "by", "window", "periods", "total", "changes"]
    );
    assert_eq!(order(&c["a"]), ["name", "file"]);
    let period = ["label", "start", "end", "a", "b", "delta"];
    assert_eq!(order(&c["periods"][0]), period);
    assert_eq!(
        order(&c["periods"][0]["a"]),
        [
            "fte",
            "cost",
            "cost_by_funder",
            "funding_by_funder",
            "balance_by_funder",
            "cumulative_balance_by_funder"
        ]
    );
    assert_eq!(
        c["total"]["a"]["must_find_by_funder"],
        serde_json::json!({"brn": "0.00", "municipalities": "0.00", "region": "0.00"})
    );
    assert_eq!(c["total"]["b"]["must_find_by_funder"]["brn"], "7040000.00");
    assert_eq!(c["a"]["file"], "scenarios/dk2020-2021-2023.toml");
    assert_eq!(c["by"], "year");
    let labels: Vec<&str> = c["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    // The union of both windows' periods.
    assert_eq!(labels, ["2021", "2022", "2023", "2024", "2025", "2026"]);
    let funders = ["brn", "municipalities", "region"];
    let periods = c["periods"].as_array().unwrap();
    for p in periods.iter().chain([&c["total"]]) {
        for side in ["a", "b", "delta"] {
            let mut k = keys(&p[side]);
            k.retain(|k| *k != "must_find_by_funder");
            assert_eq!(
                k,
                [
                    "balance_by_funder",
                    "cost",
                    "cost_by_funder",
                    "cumulative_balance_by_funder",
                    "fte",
                    "funding_by_funder"
                ]
            );
            assert_two_decimals(&p[side]["fte"], "fte");
            assert_two_decimals(&p[side]["cost"], "cost");
            assert_map(&p[side]["cost_by_funder"], &funders, "cost_by_funder");
        }
    }
    // A side with nothing in a period shows zeros.
    assert_eq!(periods[0]["b"]["cost"], "0.00");
    assert_eq!(periods[0]["b"]["fte"], "0.00");
    assert_eq!(periods[0]["delta"]["cost"], "-1600000.00");
    assert_eq!(periods[5]["a"]["cost_by_funder"]["brn"], "0.00");
    // 2023: both sides have it, A only January–June.
    assert_eq!(periods[2]["start"], "2023-01-01");
    assert_eq!(periods[2]["end"], "2023-12-31");
    assert_eq!(periods[2]["a"]["cost"], "800000.00");
}

#[test]
fn check_json_has_the_contract_shape() {
    let c = klimabudget([
        "check",
        "scenarios",
        "tests/fixtures/thirds.toml",
        "--format",
        "json",
    ])
    .code(1)
    .json();
    assert_eq!(keys(&c), ["scenarios", "summary"]);
    assert_eq!(
        c["summary"],
        serde_json::json!({"balanced": 4, "unbalanced": 1, "invalid": 0})
    );
    let scenarios = c["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 5);
    for s in scenarios {
        // The contract's keys, and what residual funders must still find; `balance` where
        // the scenario was computed, `warnings` where it has any.
        let mut k = keys(s);
        k.retain(|k| *k != "warnings");
        assert_eq!(
            k,
            [
                "balance",
                "errors",
                "file",
                "must_find",
                "name",
                "shortfalls",
                "status"
            ]
        );
    }
    let thirds = &scenarios[4];
    assert_eq!(thirds["file"], "tests/fixtures/thirds.toml");
    assert_eq!(thirds["warnings"][0]["line"], 20);
    assert_eq!(thirds["status"], "unbalanced");
    assert_eq!(
        thirds["shortfalls"],
        serde_json::json!([{"funder": "z", "period": "2023", "end": "2023-12-31", "shortfall": "0.01"}])
    );
}
