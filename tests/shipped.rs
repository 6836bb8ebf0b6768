//! The shipped scenarios give the figures of the source document (FACTS.md, F1–F10).

use crate::common::{klimabudget, period};

#[test]
fn dk2020_reproduces_f1_and_f2() {
    let r = klimabudget([
        "report",
        "scenarios/dk2020-2021-2023.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // F1: 2 FTE, 4.0 mio. kr. over 2021 to mid-2023.
    assert_eq!(r["total"]["cost"], "4000000.00");
    assert_eq!(r["total"]["fte"], "2.00");
    // F2: 1.6 mio. kr. a year; 2023 runs to 30 June (F3).
    assert_eq!(period(&r, "2021")["cost"], "1600000.00");
    assert_eq!(period(&r, "2022")["cost"], "1600000.00");
    assert_eq!(period(&r, "2023")["cost"], "800000.00");
    assert_eq!(period(&r, "2023")["end"], "2023-06-30");
    // F2: paid equally, 2.0 mio. kr. from each payer, and funded to the krone.
    for funder in ["brn", "municipalities"] {
        assert_eq!(r["total"]["cost_by_funder"][funder], "2000000.00");
        assert_eq!(r["total"]["funding_by_funder"][funder], "2000000.00");
        assert_eq!(r["total"]["cumulative_balance_by_funder"][funder], "0.00");
    }
}

#[test]
fn every_shipped_scenario_balances() {
    let run = klimabudget(["check", "scenarios/"]).code(0);
    assert!(
        run.stdout
            .contains("balanced    scenarios/dk2020-2021-2023.toml")
    );
    assert!(
        run.stdout
            .contains("balanced    scenarios/joint-secretariat.toml")
    );
    assert!(run.stdout.contains("balanced    scenarios/status-quo.toml"));
    assert!(
        run.stdout
            .ends_with("4 scenarios: 4 balanced, 0 unbalanced, 0 invalid\n")
    );
}

#[test]
fn joint_secretariat_moves_the_municipal_share_to_brn() {
    let c = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let year = |label: &str| -> &serde_json::Value {
        c["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["label"] == label)
            .unwrap()
    };
    // The municipalities pay 800,000 kr. a year less in 2024 and 2025, BRN as much more.
    for label in ["2024", "2025"] {
        let y = year(label);
        assert_eq!(y["a"]["cost_by_funder"]["municipalities"], "800000.00");
        assert_eq!(y["b"]["cost_by_funder"]["municipalities"], "0.00");
        assert_eq!(y["delta"]["cost_by_funder"]["municipalities"], "-800000.00");
        assert_eq!(y["delta"]["cost_by_funder"]["brn"], "800000.00");
        assert_eq!(y["delta"]["cost_by_funder"]["region"], "0.00");
        // F8: 3 FTE in both setups; F11: the same level of spending.
        assert_eq!(y["a"]["fte"], "3.00");
        assert_eq!(y["b"]["fte"], "3.00");
        assert_eq!(y["delta"]["cost"], "0.00");
    }
    // 2023: the switch on 1 July halves the change.
    assert_eq!(
        year("2023")["delta"]["cost_by_funder"]["municipalities"],
        "-400000.00"
    );
    assert_eq!(c["total"]["delta"]["cost_by_funder"]["brn"], "2800000.00");
    assert_eq!(
        c["total"]["b"]["cost_by_funder"]["municipalities"],
        "400000.00"
    );
    // The new post is matched as added, the part-time staff as ending mid-2023.
    let changes = c["changes"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|ch| ch["id"] == "joint-municipal-post" && ch["change"] == "added")
    );
    let staff = changes
        .iter()
        .find(|ch| ch["id"] == "municipal-staff")
        .unwrap();
    assert_eq!(staff["fields"][0]["field"], "to");
    assert_eq!(staff["fields"][0]["b"], "2023-06-30");
}

#[test]
fn joint_secretariat_from_mid_2023_is_paid_by_brn_alone() {
    let r = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--by",
        "half-year",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // F8, F10: from 2023H2, 3 FTE paid wholly by BRN.
    for label in ["2023H2", "2024H1", "2024H2", "2025H1", "2025H2", "2026H1"] {
        let p = period(&r, label);
        assert_eq!(p["fte"], "3.00");
        assert_eq!(p["cost_by_funder"]["brn"], "1200000.00");
        assert_eq!(p["cost_by_funder"]["municipalities"], "0.00");
        assert_eq!(p["cost_by_funder"]["region"], "0.00");
    }
    // F5: the 860,000 kr. of GEN2040 phase 3 arrive on 1 July 2023.
    assert_eq!(
        period(&r, "2023H2")["funding_by_funder"]["brn"],
        "860000.00"
    );
    // What BRN must still find by the end of 2026: 9.2 mio. kr. of cost, less its
    // DK2020 contribution (400,000) and the GEN2040 grants (900,000 + 860,000).
    assert_eq!(
        r["total"]["cumulative_balance_by_funder"]["brn"],
        "-7040000.00"
    );
}

#[test]
fn the_main_job_prints_the_comparison() {
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
    ])
    .code(0);
    // (Issue 12: "De nordjyske kommuner pays" took a plural name for one; a sentence writes its
    // days in words.)
    assert!(run.stdout.contains(
        "De nordjyske kommuner: 2,800,000 kr. less in Det Fælles Klimasekretariat than in Status quo over 1 January 2023 – 31 December 2026 (3,200,000 kr. → 400,000 kr.)."
    ));
    assert!(run.stdout.contains(
        "Business Region North Denmark: 2,800,000 kr. more in Det Fælles Klimasekretariat than in Status quo over 1 January 2023 – 31 December 2026 (6,400,000 kr. → 9,200,000 kr.)."
    ));
    assert_eq!(run.stderr, "");
}
