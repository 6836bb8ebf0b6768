//! What if: variants (`extends`), overrides (`--set`), indexation in current and fixed prices,
//! sweeps and goal seeking, each checked against a direct report of the same variant.

use serde_json::Value;

use crate::common::{klimabudget, period};

fn report(args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    klimabudget(all).code(0).json()
}

#[test]
fn a_variant_patches_replaces_adds_and_removes_by_id() {
    let r = report(&["tests/variants/patch.toml", "--by", "total"]);
    assert_eq!(r["scenario"]["name"], "Patched");
    let t = &r["total"];
    // Post a patched: FTE 0.5, the rest from the base (600,000 per FTE, paid by brn).
    assert_eq!(t["items"]["a"], "300000.00");
    // Post b replaced by a complete entry: 2 FTE × 500,000, paid by the region.
    assert_eq!(t["items"]["b"], "1000000.00");
    assert_eq!(t["cost_by_funder"]["region"], "1005000.00");
    // A cost added; ops removed.
    assert_eq!(t["items"]["travel"], "5000.00");
    assert!(t["items"].get("ops").is_none());
    assert_eq!(t["cost"], "1305000.00");
}

#[test]
fn variants_chain_and_cycles_are_refused() {
    let r = report(&["tests/variants/chain.toml"]);
    assert_eq!(r["scenario"]["end"], "2025-12-31");
    // The chain's own patch (1,000,000 per FTE) on patch.toml's (0.5 FTE).
    assert_eq!(period(&r, "2025")["items"]["a"], "500000.00");
    let run = klimabudget(["report", "tests/variants/cycle-a.toml"]).code(2);
    assert!(run.stderr.contains(
        "`extends` goes round in a circle: tests/variants/cycle-a.toml → tests/variants/cycle-b.toml → tests/variants/cycle-a.toml"
    ));
    // Errors point into the file that holds the mistake.
    let run = klimabudget([
        "check",
        "tests/variants/broken-patch.toml",
        "tests/variants/bad-remove.toml",
    ])
    .code(2);
    assert!(
        run.stdout
            .contains("invalid     tests/variants/broken-patch.toml:6:7: post `a`: `fte`"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "tests/variants/bad-remove.toml:2:11: `remove`: the base has no entry or funder `nope`"
    ));
}

#[test]
fn overrides_change_any_value_or_say_which_path_is_wrong() {
    let r = report(&[
        "scenarios/status-quo.toml",
        "--by",
        "total",
        "--set",
        "posts.regional-post.fte=0.5",
    ]);
    assert_eq!(r["total"]["items"]["regional-post"], "1600000.00");
    let r = report(&[
        "scenarios/status-quo.toml",
        "--set",
        "scenario.end=2027-12-31",
    ]);
    assert_eq!(period(&r, "2027")["cost"], "2400000.00");
    let r = report(&[
        "scenarios/joint-secretariat.toml",
        "--by",
        "total",
        "--set",
        "funding.brn-joint-secretariat.annual=2500000",
    ]);
    // 2,160,000 before the budget, and 2,500,000 a year for 3½ years.
    assert_eq!(r["total"]["funding_by_funder"]["brn"], "10910000.00");

    for (set, message) in [
        (
            "posts.regional-pst.fte=1",
            "--set: there is no entry `regional-pst` in posts",
        ),
        (
            "posts.regional-post.ftee=1",
            "--set: `ftee` is not a key of posts.regional-post",
        ),
        (
            "funders.brm.residual=true",
            "--set: there is no funder `brm`",
        ),
        (
            "budget.x=1",
            "--set: `budget.x` is not a path in a scenario",
        ),
        (
            "posts.regional-post.fte",
            "`--set posts.regional-post.fte` gives no value",
        ),
        (
            "posts.regional-post.fte=-1",
            "post `regional-post`: `fte`: an FTE must be more than 0 (found -1)",
        ),
        (
            "scenario.end=soon",
            "[scenario]: `end`: dates are written without quotes",
        ),
    ] {
        let run = klimabudget(["report", "scenarios/status-quo.toml", "--set", set]).code(2);
        assert!(run.stderr.contains(message), "{set}: {}", run.stderr);
        assert_eq!(run.stdout, "");
    }
    // compare: --set for both sides, --set-b for B only.
    let c = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/status-quo.toml",
        "--set-b",
        "posts.gen2040-post.fte=2",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(c["total"]["delta"]["cost"], "3200000.00");
}

#[test]
fn three_lines_of_variant_in_current_and_fixed_prices() {
    let current = report(&["scenarios/joint-secretariat-high-wages.toml"]);
    assert_eq!(current["prices"], "current");
    // 800,000 in 2023 prices, 5 % a year from 2024: 840,000; 882,000; 926,100.
    assert_eq!(
        period(&current, "2026")["items"]["regional-post"],
        "926100.00"
    );
    assert_eq!(period(&current, "2024")["cost"], "2520000.00");
    let fixed = report(&[
        "scenarios/joint-secretariat-high-wages.toml",
        "--prices",
        "fixed",
    ]);
    assert_eq!(fixed["prices"], "fixed");
    assert_eq!(
        period(&fixed, "2026")["items"]["regional-post"],
        "800000.00"
    );
    // Without indexation the base scenario is the same in both.
    let base = report(&["scenarios/joint-secretariat.toml", "--prices", "fixed"]);
    assert_eq!(
        period(&base, "2026")["cost"],
        period(&report(&["scenarios/joint-secretariat.toml"]), "2026")["cost"]
    );
}

#[test]
fn every_sweep_figure_is_a_direct_report_of_the_variant() {
    let s = klimabudget([
        "sweep",
        "scenarios/joint-secretariat-high-wages.toml",
        "--vary",
        "posts.joint-municipal-post.annual_cost_per_fte=600000..900000/150000",
        "--vary",
        "indexation.wages.2025=0..0.05/0.025",
        "--show",
        "total.cost_by_funder.brn",
        "--show",
        "2025.cost",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let points = s["points"].as_array().unwrap();
    assert_eq!(points.len(), 9);
    for p in points {
        let cost = p["values"]["posts.joint-municipal-post.annual_cost_per_fte"]
            .as_str()
            .unwrap();
        let rate = p["values"]["indexation.wages.2025"].as_str().unwrap();
        let direct = report(&[
            "scenarios/joint-secretariat-high-wages.toml",
            "--set",
            &format!("posts.joint-municipal-post.annual_cost_per_fte={cost}"),
            "--set",
            &format!("indexation.wages.2025={rate}"),
        ]);
        assert_eq!(
            p["figures"]["total.cost_by_funder.brn"], direct["total"]["cost_by_funder"]["brn"],
            "{cost} {rate}"
        );
        assert_eq!(p["figures"]["2025.cost"], period(&direct, "2025")["cost"]);
    }
    // The first point: 600,000 per FTE, no rise in 2025 (2024's 5 % only).
    assert_eq!(points[0]["values"]["indexation.wages.2025"], "0");
}

#[test]
fn sweep_mistakes_are_exit_2() {
    let base = [
        "sweep",
        "scenarios/joint-secretariat.toml",
        "--show",
        "total.cost",
        "--vary",
    ];
    for (vary, message) in [
        (
            "posts.joint-municipal-post.fte=1..2/0",
            "the step must be more than 0",
        ),
        (
            "posts.joint-municipal-post.fte=1..2/-1",
            "the step must be more than 0",
        ),
        (
            "posts.joint-municipal-post.fte=2..1/1",
            "the end (1) is before the start (2)",
        ),
        (
            "posts.joint-municipal-post.fte=1..2000000/1",
            "a sweep has at most 1,000,000 points",
        ),
        (
            "posts.nope.fte=1..2/1",
            "--vary: there is no entry `nope` in posts",
        ),
        ("posts.joint-municipal-post.fte=1..2", "has no `/STEP`"),
    ] {
        let mut args = base.to_vec();
        args.push(vary);
        let run = klimabudget(args).code(2);
        assert!(run.stderr.contains(message), "{vary}: {}", run.stderr);
    }
    let run = klimabudget([
        "sweep",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "posts.joint-municipal-post.fte=1..2/1",
        "--show",
        "2031.cost",
    ])
    .code(2);
    assert!(
        run.stderr.contains("there is no period `2031`"),
        "{}",
        run.stderr
    );
}

#[test]
fn solve_finds_what_brn_must_set_aside_a_year() {
    let s = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.brn-joint-secretariat.annual",
        "--until",
        "balanced",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // BRN's cost to 2026 is 9.2 mio. kr.; it has 2.16 mio. kr. of funding before its budget,
    // which runs 3½ years from 1 July 2023: (9,200,000 - 2,160,000) / 3.5 = 2,011,428.571…
    assert_eq!(s["value"], "2011428.58");
    assert_eq!(s["held_funder"], "brn");
    assert_eq!(s["one_ore_less"][0]["funder"], "brn");
    assert_eq!(s["one_ore_less"][0]["period"], "2026");
    // A direct check of the same variant: balanced at the value, short one øre below it.
    let at = |v: &str| {
        klimabudget([
            "check",
            "scenarios/joint-secretariat.toml",
            "--set",
            &format!("funding.brn-joint-secretariat.annual={v}"),
            "--set",
            "funders.brn.residual=false",
        ])
    };
    at("2011428.58").code(0);
    let run = at("2011428.57").code(1);
    assert!(
        run.stdout.contains(
            "Business Region North Denmark is short at least 0.01 kr. at the end of 2026"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn solve_says_why_no_value_can() {
    // The municipalities' funding cannot make BRN balance.
    let run = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.municipal-dk2020.annual",
        "--set",
        "funders.brn.residual=false",
    ])
    .code(2);
    assert!(
        run.stderr
            .contains("no value of `funding.municipal-dk2020.annual` balances the scenario"),
        "{}",
        run.stderr
    );
    let run = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "scenario.end",
    ])
    .code(2);
    assert!(
        run.stderr.contains("solve finds a number or a date"),
        "{}",
        run.stderr
    );
}

/// `check` of the scenario with `path` at `value` (and `set`), as a CI run would see it.
fn check_at(scenario: &str, path: &str, value: &str, set: &[&str]) -> i32 {
    let at = format!("{path}={value}");
    let mut args = vec!["check", scenario, "--set", &at];
    for s in set {
        args.extend(["--set", s]);
    }
    klimabudget(args).code
}

/// `solve --format json` of `path`, with more arguments.
fn solve(scenario: &str, path: &str, more: &[&str]) -> Value {
    let mut args = vec!["solve", scenario, "--vary", path, "--format", "json"];
    args.extend(more);
    klimabudget(args).code(0).json()
}

/// Regression: solve tried 0 first for an FTE (refused), answered "0.00 kr. is the smallest
/// value" for a cost per FTE (a user wants the largest), and found no dates. Each kind of path
/// is answered in its direction, and a direct check of the answer balances while one step
/// past it does not: the answer is the boundary.
#[test]
fn solve_answers_every_kind_of_path_at_its_boundary() {
    let fase2 = "tests/cases/fase2.toml";
    let cases: [(&str, &str, &str, &str, &str); 4] = [
        // path, kind, direction, answer, one step past it
        (
            "posts.brn-post-2.annual_cost_per_fte",
            "amount",
            "largest",
            "481376.82",
            "481376.83",
        ),
        ("posts.brn-post-2.fte", "fte", "largest", "0.60", "0.61"),
        (
            "posts.brn-post-2.from",
            "date",
            "smallest",
            "2028-03-23",
            "2028-03-22",
        ),
        (
            "funding.brn-fase2.annual",
            "amount",
            "smallest",
            "1693214.74",
            "1693214.73",
        ),
    ];
    for (path, kind, direction, answer, past) in cases {
        let s = solve(fase2, path, &[]);
        assert_eq!(s["kind"], kind, "{path}");
        assert_eq!(s["direction"], direction, "{path}");
        assert_eq!(s["value"], answer, "{path}");
        assert_eq!(s["beyond"], past, "{path}");
        // The funder and period that bind.
        assert_eq!(s["binding"][0]["funder"], "brn", "{path}");
        assert_eq!(check_at(fase2, path, answer, &[]), 0, "{path} at {answer}");
        assert_eq!(check_at(fase2, path, past, &[]), 1, "{path} at {past}");
    }
}

#[test]
fn solve_rounds_in_the_direction_that_still_balances() {
    let fase2 = "tests/cases/fase2.toml";
    // The smallest funding, up to a whole 1,000 kr.: still enough, and 1,000 less is not.
    let s = solve(fase2, "funding.brn-fase2.annual", &["--round-to", "1000"]);
    assert_eq!(s["value"], "1694000.00");
    assert_eq!(s["round_to"], "1000");
    assert_eq!(
        check_at(fase2, "funding.brn-fase2.annual", "1694000", &[]),
        0
    );
    assert_eq!(
        check_at(fase2, "funding.brn-fase2.annual", "1693000", &[]),
        1
    );
    // The largest cost, down to a whole 1,000 kr.: affordable, and 1,000 more is not.
    let s = solve(
        fase2,
        "posts.brn-post-2.annual_cost_per_fte",
        &["--round-to", "1000"],
    );
    assert_eq!(s["value"], "481000.00");
    assert_eq!(
        check_at(fase2, "posts.brn-post-2.annual_cost_per_fte", "482000", &[]),
        1
    );
    let run = klimabudget([
        "solve",
        fase2,
        "--vary",
        "posts.brn-post-2.from",
        "--round-to",
        "7",
    ])
    .code(2);
    assert!(run.stderr.contains("--round-to 7"), "{}", run.stderr);
}

#[test]
fn solve_finds_the_largest_wage_rise_a_budget_allows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rate.toml");
    std::fs::write(
        &file,
        "[scenario]\nname = \"Rate\"\nstart = 2024-01-01\nend = 2026-12-31\n\n\
         [funders.kommune]\nname = \"Kommunen\"\n\n\
         [indexation]\nbase_year = 2024\nwages = { 2025 = 0.02, 2026 = 0.03 }\n\n\
         [[funding]]\nid = \"budget\"\nfunder = \"kommune\"\nannual = 930_000\n\n\
         [[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 900_000\npaid_by = \"kommune\"\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let s = solve(file, "indexation.wages.2025", &[]);
    assert_eq!(s["kind"], "rate");
    assert_eq!(s["direction"], "largest");
    let rate = s["value"].as_str().unwrap().to_string();
    let past = s["beyond"].as_str().unwrap().to_string();
    // Three years of 930,000 against 900,000 × (1 + 1 + r)(…): about 3.4 %; to 0.0001.
    let r: f64 = rate.parse().unwrap();
    assert!((0.03..0.04).contains(&r), "{rate}");
    assert_eq!(check_at(file, "indexation.wages.2025", &rate, &[]), 0);
    assert_eq!(check_at(file, "indexation.wages.2025", &past, &[]), 1);
}

#[test]
fn solve_names_the_funder_that_no_value_can_help() {
    // Regression: "a funder is short" without naming it.
    let run = klimabudget([
        "solve",
        "tests/cases/fase2.toml",
        "--vary",
        "funding.region-fase2.annual",
    ])
    .code(2);
    assert!(
        run.stderr.contains(
            "Business Region North Denmark is short 201,733.33 kr. at the end of 2027 whatever it is"
        ),
        "{}",
        run.stderr
    );
    // Regression: "raising it helps one funder and hurts another" when only BRN pays it.
    let run = klimabudget([
        "solve",
        "tests/cases/fase2.toml",
        "--vary",
        "costs.consultancy.amount",
    ])
    .code(2);
    assert!(
        run.stderr
            .contains("even at 0, Business Region North Denmark is short"),
        "{}",
        run.stderr
    );
}

#[test]
fn sweep_as_csv_and_solve_as_text_in_danish() {
    let run = klimabudget([
        "sweep",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "posts.joint-municipal-post.fte=1..2/0.5",
        "--show",
        "total.cost_by_funder.brn",
        "--format",
        "csv",
    ])
    .code(0);
    assert_eq!(
        run.stdout,
        "posts.joint-municipal-post.fte,total.cost_by_funder.brn\n1,9200000.00\n1.5,10600000.00\n2,12000000.00\n"
    );
    let run = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.brn-joint-secretariat.annual",
        "--lang",
        "da",
    ])
    .code(0);
    assert!(
        run.stdout
            .starts_with("funding.brn-joint-secretariat.annual = 2.011.428,58 kr.\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(
                "Ved 2.011.428,57 kr. mangler Business Region North Denmark mindst 0,01 kr. ved udgangen af 2026 (31. december 2026)."
            ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_sweep_takes_a_list_and_labels_what_it_varies_and_shows() {
    // Issue 13: sweeps took only ranges and labelled their columns with raw paths.
    let run = klimabudget([
        "sweep",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "posts.joint-municipal-post.fte=1.5,0.5,1",
        "--show",
        "total.cost_by_funder.brn",
        "--lang",
        "da",
    ])
    .code(0);
    assert!(
        run.stdout
            .contains("Årsværk, Kommunal klimamedarbejder, ansat i BRN-sekretariatet"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Udgifter pr. kilde: Business Region North Denmark, I alt"),
        "{}",
        run.stdout
    );
    // The values in the order listed, each a direct report of the variant.
    let csv = klimabudget([
        "sweep",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "posts.joint-municipal-post.fte=1.5,0.5,1",
        "--show",
        "total.cost_by_funder.brn",
        "--format",
        "csv",
    ])
    .code(0);
    assert_eq!(
        csv.stdout,
        "posts.joint-municipal-post.fte,total.cost_by_funder.brn\n1.5,10600000.00\n0.5,7800000.00\n1,9200000.00\n"
    );
    for bad in ["x.fte=1,,2", "x.fte=1,one", "x.fte=1,1"] {
        klimabudget([
            "sweep",
            "scenarios/joint-secretariat.toml",
            "--vary",
            bad,
            "--show",
            "total.cost",
        ])
        .code(2);
    }
}

/// Issue 13: sweep and solve skipped the loading step every other command shares, so their
/// warnings were never printed and --deny-warnings did nothing for them.
#[test]
fn every_command_prints_warnings_and_denies_them_on_request() {
    let thirds = "tests/fixtures/thirds.toml";
    let commands: [&[&str]; 5] = [
        &["report", thirds],
        &["compare", thirds, thirds],
        &["check", thirds],
        &[
            "sweep",
            thirds,
            "--vary",
            "funding.fz.amount=33333.33,33333.34",
            "--show",
            "total.cost",
        ],
        &["solve", thirds, "--vary", "funding.fz.amount"],
    ];
    for (k, args) in commands.into_iter().enumerate() {
        // check finds z a third of an øre short: exit 1; the others succeed.
        let run = klimabudget(args.iter().copied()).code(if k == 2 { 1 } else { 0 });
        assert!(
            run.stderr
                .contains("warning: funder `x` has 0.01 kr. of its funding unused"),
            "{args:?}: {}",
            run.stderr
        );
        let mut denied: Vec<&str> = vec!["--deny-warnings"];
        denied.extend(args.iter().copied());
        let run = klimabudget(denied).code(2);
        assert!(
            run.stderr
                .contains("(a warning, denied by --deny-warnings)"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
