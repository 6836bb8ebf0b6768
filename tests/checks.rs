//! `check` says everything that matters to CI: what residual funders must still find, failing
//! on it where asked, the verdict kept when warnings are denied, and the CI formats read back
//! by the rules GitHub and JUnit readers apply.

use crate::common::{klimabudget, root};

/// Regression: `check` called the joint secretariat balanced while BRN, its residual funder,
/// must still find 7,040,000 kr., and its JSON had no field for it.
#[test]
fn what_a_residual_funder_must_still_find_is_said_and_in_the_json() {
    let run = klimabudget(["check", "scenarios/joint-secretariat.toml"]).code(0);
    assert!(
        run.stdout.starts_with(
            "balanced    scenarios/joint-secretariat.toml (Det Fælles Klimasekretariat); Business Region North Denmark (residual) must still find 7,040,000.00 kr. by 31 December 2026\n"
        ),
        "{}",
        run.stdout
    );
    let json = klimabudget([
        "check",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let s = &json["scenarios"][0];
    assert_eq!(s["status"], "balanced");
    let must = &s["must_find"][0];
    assert_eq!(must["funder"], "brn");
    assert_eq!(must["amount"], "7040000.00");
    assert_eq!(must["by"], "2026-12-31");
    let periods: Vec<(&str, &str)> = must["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["amount"].as_str().unwrap()))
        .collect();
    assert_eq!(
        periods,
        [
            ("2024", "2240000.00"),
            ("2025", "4640000.00"),
            ("2026", "7040000.00")
        ]
    );
    // In Danish, too.
    let run = klimabudget(["check", "scenarios/joint-secretariat.toml", "--lang", "da"]).code(0);
    assert!(
        run.stdout
            .contains("Business Region North Denmark (restfinansierende) mangler at finde 7.040.000,00 kr. senest 31. december 2026"),
        "{}",
        run.stdout
    );
    // --require-funded makes the gap a failure, by period.
    let run = klimabudget([
        "check",
        "scenarios/joint-secretariat.toml",
        "--require-funded",
        "--format",
        "json",
    ])
    .code(1);
    let s = &run.json()["scenarios"][0];
    assert_eq!(s["status"], "unbalanced");
    assert_eq!(s["shortfalls"].as_array().unwrap().len(), 3);
    assert_eq!(s["shortfalls"][2]["shortfall"], "7040000.00");
}

/// Regression: with --deny-warnings an unbalanced scenario became invalid and its shortfalls
/// vanished from the output.
#[test]
fn denied_warnings_keep_the_verdict_and_the_shortfalls() {
    let run = klimabudget([
        "check",
        "tests/fixtures/thirds.toml",
        "--deny-warnings",
        "--format",
        "json",
    ])
    .code(2);
    let s = &run.json()["scenarios"][0];
    assert_eq!(s["status"], "invalid");
    assert_eq!(s["balance"], "unbalanced");
    assert_eq!(s["shortfalls"][0]["funder"], "z");
    assert_eq!(s["shortfalls"][0]["shortfall"], "0.01");
    assert!(
        s["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unused at the end of the window"),
        "{s}"
    );
    assert_eq!(s["errors"][0]["line"], 20);
    let text = klimabudget(["check", "tests/fixtures/thirds.toml", "--deny-warnings"]).code(2);
    assert!(
        text.stdout
            .contains("; z is short at least 0.01 kr. at the end of 2023"),
        "{}",
        text.stdout
    );
}

/// Regression: `check` with no path, outside the repository, said "1 scenario … 1 invalid".
#[test]
fn check_with_no_path_checks_scenarios_or_says_what_to_pass() {
    let run = klimabudget(["check"]).code(0);
    assert!(
        run.stdout
            .ends_with("4 scenarios: 4 balanced, 0 unbalanced, 0 invalid\n")
    );
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("klimabudget")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no scenarios/ directory here"), "{err}");
    assert!(err.contains("klimabudget check my-scenario.toml"), "{err}");
    assert!(out.stdout.is_empty());
}

/// One GitHub workflow command, parsed by the rules of GitHub's toolkit: `::kind
/// key=value,…::message`, with `%25`, `%0D`, `%0A` (and in values `%3A`, `%2C`) unescaped.
fn workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |s: &str| {
        s.replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, message) = rest.split_once("::").expect("a message");
    let (kind, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (kind.to_string(), props, unescape(message))
}

#[test]
fn github_annotations_point_at_the_lines_of_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad, 100% wrong.toml");
    std::fs::write(
        &bad,
        "[scenario]\nname = \"Bad\"\nstart = 2024-01-01\nend = 2024-12-31\n\n[funders.brn]\nresidual = true\n\n[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 1\npaid_by = \"brm\"\n",
    )
    .unwrap();
    let run = klimabudget([
        "check",
        "tests/fixtures/thirds.toml",
        "scenarios/joint-secretariat.toml",
        bad.to_str().unwrap(),
        "--format",
        "github",
    ])
    .code(2);
    let commands: Vec<_> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::"))
        .map(workflow_command)
        .collect();
    let find = |kind: &str, text: &str| {
        commands
            .iter()
            .find(|(k, _, m)| k == kind && m.contains(text))
            .unwrap_or_else(|| panic!("no {kind} with {text}: {}", run.stdout))
    };
    let prop = |c: &(String, Vec<(String, String)>, String), key: &str| {
        c.1.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let error = find("error", "unknown funder `brm`");
    assert_eq!(prop(error, "file").as_deref(), bad.to_str());
    assert_eq!(prop(error, "line").as_deref(), Some("13"));
    assert_eq!(prop(error, "col").as_deref(), Some("11"));
    let short = find("error", "z is short at least 0.01 kr.");
    assert_eq!(
        prop(short, "file").as_deref(),
        Some("tests/fixtures/thirds.toml")
    );
    let warning = find("warning", "unused at the end of the window");
    assert_eq!(prop(warning, "line").as_deref(), Some("20"));
    find("notice", "must still find 7,040,000.00 kr.");
    assert!(
        run.stdout
            .ends_with("3 scenarios: 1 balanced, 1 unbalanced, 1 invalid\n")
    );
}

#[test]
fn junit_has_a_test_case_per_scenario_that_a_reader_parses() {
    let run = klimabudget([
        "check",
        "scenarios/",
        "tests/fixtures/thirds.toml",
        "tests/corpus/duplicate-id.toml",
        "--format",
        "junit",
    ])
    .code(2);
    let doc =
        roxmltree::Document::parse(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("6"));
    assert_eq!(suites.attribute("failures"), Some("1"));
    assert_eq!(suites.attribute("errors"), Some("1"));
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 6);
    let case = |file: &str| {
        *cases
            .iter()
            .find(|c| c.attribute("file") == Some(file))
            .unwrap()
    };
    let failure = case("tests/fixtures/thirds.toml")
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .contains("z is short at least 0.01 kr.")
    );
    let error = case("tests/corpus/duplicate-id.toml")
        .children()
        .find(|n| n.has_tag_name("error"))
        .unwrap();
    assert!(
        error
            .text()
            .unwrap()
            .contains("tests/corpus/duplicate-id.toml:")
    );
    let joint = case("scenarios/joint-secretariat.toml");
    let out = joint
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .unwrap();
    assert!(
        out.text()
            .unwrap()
            .contains("must still find 7,040,000.00 kr.")
    );
    assert!(root().join("tests/corpus/duplicate-id.toml").exists());
}

/// Regression: compare of the joint secretariat with its high-wages variant showed BRN paying
/// 744,300 kr. more but said "no differences": indexation, the scenario's name and window,
/// keys and funders were never listed.
#[test]
fn compare_lists_every_difference_that_changes_a_figure() {
    let c = klimabudget([
        "compare",
        "scenarios/joint-secretariat.toml",
        "scenarios/joint-secretariat-high-wages.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let changes = c["changes"].as_array().unwrap();
    let kinds: Vec<&str> = changes
        .iter()
        .map(|ch| ch["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["scenario", "indexation"], "{changes:?}");
    assert_eq!(changes[1]["change"], "added");
    assert!(
        changes[1]["description"]
            .as_str()
            .unwrap()
            .contains("Wage rise 2025: 0.05"),
        "{changes:?}"
    );
    // A pair that differs in the window, the keys and their members, a funder and an entry.
    let dir = tempfile::tempdir().unwrap();
    let base = |end: &str, weight: u32, residual: bool, rate: &str| {
        format!(
            "[scenario]\nname = \"S\"\nstart = 2024-01-01\nend = {end}\n\n\
             [indexation]\nbase_year = 2024\nwages = {{ 2025 = {rate} }}\n\n\
             [funders.brn]\nresidual = {residual}\nraised_by = \"k\"\n\n\
             [keys.k.members]\nbrn-a = {{ weight = {weight} }}\nbrn-b = {{ weight = 1 }}\n\n\
             [[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 800_000\npaid_by = \"brn\"\n"
        )
    };
    let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&a, base("2026-12-31", 1, true, "0.03")).unwrap();
    std::fs::write(&b, base("2027-12-31", 2, false, "0.04")).unwrap();
    let c = klimabudget([
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let fields: Vec<String> = c["changes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|ch| {
            ch["fields"].as_array().into_iter().flatten().map(move |f| {
                format!(
                    "{} {}",
                    ch["kind"].as_str().unwrap(),
                    f["field"].as_str().unwrap()
                )
            })
        })
        .collect();
    for expected in [
        "scenario end",
        "indexation wages.2025",
        "key members.brn-a",
        "funder residual",
    ] {
        assert!(
            fields.contains(&expected.to_string()),
            "{expected}: {fields:?}"
        );
    }
    // In Danish, as people call them.
    let run = klimabudget([
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--lang",
        "da",
        "--format",
        "markdown",
    ])
    .code(0);
    for words in [
        "Lønstigning 2025",
        "Vægt for brn-a",
        "Restfinansierende",
        "| scenarie |",
    ] {
        assert!(run.stdout.contains(words), "{words}: {}", run.stdout);
    }
}

/// Regression: scenarios with different windows (2023–26 against 2026–29) were compared over
/// the union with no warning. Now the days both cover, said at the top.
#[test]
fn different_windows_are_said_and_compared_like_with_like() {
    let run = klimabudget([
        "compare",
        "scenarios/joint-secretariat.toml",
        "tests/cases/fase2.toml",
    ])
    .code(0);
    assert!(
        run.stdout.contains(
            "The windows differ (Det Fælles Klimasekretariat: 1 January 2023 – 31 December 2026; Det Fælles Klimasekretariat, fase 2: 1 July 2026 – 31 December 2029): compared over the days both cover, 1 July 2026 – 31 December 2026"
        ),
        "{}",
        run.stdout
    );
    // Half a year of A: 3 posts of 800,000 a year.
    assert!(
        run.stdout
            .contains("Business Region North Denmark: 660,000 kr. less in Det Fælles Klimasekretariat, fase 2 than in Det Fælles Klimasekretariat over 1 July 2026 – 31 December 2026 (1,200,000 kr. → 540,000 kr.)."),
        "{}",
        run.stdout
    );
    let union = klimabudget([
        "compare",
        "scenarios/joint-secretariat.toml",
        "tests/cases/fase2.toml",
        "--window",
        "union",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(union["window"]["mode"], "union");
    assert_eq!(union["periods"].as_array().unwrap().len(), 7);
}

/// Issue 13: compare looked only at cost; now funding, balance and what each funder must
/// still find too, over the whole window.
#[test]
fn compare_shows_funding_balance_and_what_is_still_to_find() {
    let c = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let t = &c["total"];
    assert_eq!(t["a"]["funding_by_funder"]["brn"], "4960000.00");
    assert_eq!(t["b"]["funding_by_funder"]["brn"], "2160000.00");
    assert_eq!(t["delta"]["balance_by_funder"]["brn"], "-5600000.00");
    assert_eq!(t["a"]["must_find_by_funder"]["brn"], "1440000.00");
    assert_eq!(t["b"]["must_find_by_funder"]["brn"], "7040000.00");
    assert_eq!(t["delta"]["must_find_by_funder"]["brn"], "5600000.00");
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--lang",
        "da",
    ])
    .code(0);
    assert!(
        run.stdout.contains("Mangler finansiering"),
        "{}",
        run.stdout
    );
}
