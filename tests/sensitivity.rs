//! Assumptions and sensitivity: the shipped scenarios mark what the source document does not
//! state; `sensitivity` ranks those marks by how far each moves a figure, each end exactly the
//! figure a report gives with the assumption set there; ranges that leave what is valid are cut
//! or refused; bad marks are errors at their place.

use klimabudget::engine::{self, Prices};
use klimabudget::explain::Name;
use klimabudget::load::{Override, Prepared};
use klimabudget::model::{AssumedRange, Scenario};
use klimabudget::num::Rational;
use klimabudget::whatif::Options;
use klimabudget::whatif::sensitivity::{self, Setting};

use crate::common::{klimabudget, klimabudget_in, root};

fn prepared(file: &str) -> (Prepared, Scenario) {
    let p = Prepared::open(&root().join(file)).unwrap();
    let s = p.load(&[]).unwrap().scenario;
    (p, s)
}

#[test]
fn the_shipped_scenarios_mark_what_the_document_does_not_state() {
    let (_, s) = prepared("scenarios/joint-secretariat.toml");
    let marked: Vec<String> = s.assumptions.iter().map(|a| a.path()).collect();
    assert_eq!(
        marked,
        [
            "posts.gen2040-post.annual_cost_per_fte",
            "posts.joint-municipal-post.annual_cost_per_fte",
            "funding.brn-gen2040-phase2.date",
            "funding.brn-joint-secretariat.annual",
        ]
    );
    assert!(s.assumptions.iter().all(|a| a.why.is_some()));
    let (_, s) = prepared("scenarios/status-quo.toml");
    assert_eq!(s.assumptions.len(), 2);
    // The variant inherits its base's marks and adds its own on the wage rises.
    let (_, s) = prepared("scenarios/joint-secretariat-high-wages.toml");
    assert_eq!(s.assumptions.len(), 5);
    assert_eq!(s.assumptions[4].path(), "indexation.wages");
    // DK2020 states every figure: nothing is marked.
    let (_, s) = prepared("scenarios/dk2020-2021-2023.toml");
    assert!(s.assumptions.is_empty());
    // No comment says ASSUMPTION any more without a mark beside it.
    for file in [
        "status-quo",
        "joint-secretariat",
        "joint-secretariat-high-wages",
    ] {
        let text = std::fs::read_to_string(root().join(format!("scenarios/{file}.toml"))).unwrap();
        assert!(!text.contains("ASSUMPTION"), "{file}");
    }
}

#[test]
fn the_gen2040_post_matters_most_for_what_brn_pays() {
    // BRN pays 9,200,000 kr. With the GEN2040 post at 720,000–880,000 kr. a year over four
    // years, BRN pays 8,880,000–9,520,000 (± 320,000); with the municipal post at the same
    // range over 3½ years, 8,920,000–9,480,000 (± 280,000). The funding marks move no cost.
    let j = klimabudget([
        "sensitivity",
        "scenarios/joint-secretariat.toml",
        "--show",
        "total.cost_by_funder.brn",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(j["base"], "9200000.00");
    let a = j["assumptions"].as_array().unwrap();
    let row = |k: usize| {
        (
            a[k]["path"].as_str().unwrap(),
            a[k]["low"].as_str().unwrap(),
            a[k]["high"].as_str().unwrap(),
            a[k]["figure_low"].as_str(),
            a[k]["figure_high"].as_str(),
            a[k]["swing"].as_str(),
        )
    };
    assert_eq!(
        row(0),
        (
            "posts.gen2040-post.annual_cost_per_fte",
            "720000",
            "880000",
            Some("8880000.00"),
            Some("9520000.00"),
            Some("640000.00")
        )
    );
    assert_eq!(
        row(1),
        (
            "posts.joint-municipal-post.annual_cost_per_fte",
            "720000",
            "880000",
            Some("8920000.00"),
            Some("9480000.00"),
            Some("560000.00")
        )
    );
    assert_eq!(a[2]["skipped"], "no_range");
    assert_eq!(a[3]["skipped"], "nothing");
    // Each mark's line: the `assumption` of its entry.
    let text = std::fs::read_to_string(root().join("scenarios/joint-secretariat.toml")).unwrap();
    let at = a[0]["at"].as_str().unwrap();
    let line: usize = at.rsplit_once(':').unwrap().1.parse().unwrap();
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .starts_with("assumption = ")
    );
}

/// The overrides that put the assumption `path` at `at`, written here from the scenario and
/// not by the sensitivity's own code: every year's rate for an index.
fn set(s: &Scenario, path: &str, at: Setting) -> Vec<Override> {
    let text = |v: Rational| klimabudget::num::show(v);
    match (path, at) {
        ("indexation.wages" | "indexation.prices", Setting::Times(k) | Setting::Every(k)) => {
            let ix = s.indexation.as_ref().unwrap();
            let rates = if path.ends_with("wages") {
                &ix.wages
            } else {
                &ix.prices
            };
            rates
                .iter()
                .map(|(y, r)| {
                    let v = if matches!(at, Setting::Times(_)) {
                        *r * k
                    } else {
                        k
                    };
                    Override::new(format!("{path}.{y}={}", text(v)))
                })
                .collect()
        }
        (_, Setting::Number(v)) => vec![Override::new(format!("{path}={}", text(v)))],
        (_, Setting::Date(d)) => vec![Override::new(format!("{path}={d}"))],
        _ => unreachable!("a setting of its kind"),
    }
}

#[test]
fn both_ends_are_the_figures_of_direct_reports() {
    for (file, figure, marks) in [
        (
            "scenarios/joint-secretariat.toml",
            "total.cost_by_funder.brn",
            2,
        ),
        (
            "scenarios/joint-secretariat-high-wages.toml",
            "must_find.brn",
            3,
        ),
        (
            "scenarios/joint-secretariat-high-wages.toml",
            "cost.2025",
            3,
        ),
        (
            "scenarios/status-quo.toml",
            "cumulative_balance_by_funder.brn.2024",
            1,
        ),
    ] {
        let (p, s) = prepared(file);
        let name = Name::parse(figure).unwrap();
        let options = Options {
            by: name.by(),
            ..Options::default()
        };
        let made = sensitivity::sensitivity(&p, &s, &name, Rational::new(1, 10), &options).unwrap();
        let mut tried = 0;
        for t in made.tested.iter().filter(|t| t.skipped.is_none()) {
            let path = t.assumption.path();
            let (low, high) = t.figures.unwrap();
            for (at, figure) in [(t.low, low), (t.high, high)] {
                let loaded = p.load(&set(&s, &path, at)).unwrap();
                let projection =
                    engine::project_in(&loaded.scenario, name.by(), Prices::Current).unwrap();
                let direct = name.value(&loaded.scenario, &projection).unwrap();
                assert_eq!(direct, figure, "{file} {figure} {path} {at:?}");
            }
            tried += 1;
        }
        assert_eq!(tried, marks, "{file}");
    }
    // And through the binary: `report --set` shows the low end's figure.
    let j = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--set",
        "posts.gen2040-post.annual_cost_per_fte=720000",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(j["total"]["cost_by_funder"]["brn"], "8880000.00");
}

/// A scenario with one post marked as written in `mark`, in a directory of its own.
fn marked(mark: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "[scenario]\nname = \"Marked\"\nstart = 2024-01-01\nend = 2024-12-31\n\n[funders.brn]\nname = \"BRN\"\nresidual = true\n\n[[posts]]\nid = \"p\"\nfte = 0.5\nannual_cost_per_fte = 600_000\nfrom = 2024-04-01\npaid_by = \"brn\"\n{mark}\n"
    );
    std::fs::write(dir.path().join("m.toml"), text).unwrap();
    (dir, "m.toml".to_string())
}

#[test]
fn a_range_beyond_what_is_valid_is_cut_or_refused() {
    // FTE from −1 to 1: cut at 0.01 FTE, the least that is shown. The post runs 9 months at
    // 600,000 a year: 0.01 FTE costs 4,500.00, 1 FTE 450,000.00.
    let (dir, file) = marked("assumption = { field = \"fte\", range = [-1, 1] }");
    let j = klimabudget_in(
        dir.path(),
        ["sensitivity", &file, "--show", "cost", "--format", "json"],
    )
    .code(0)
    .json();
    let a = &j["assumptions"][0];
    assert_eq!((&a["low"], &a["cut"]), (&"0.01".into(), &"0.01".into()));
    assert_eq!(a["figure_low"], "4500.00");
    assert_eq!(a["figure_high"], "450000.00");
    let text = klimabudget_in(dir.path(), ["sensitivity", &file, "--show", "cost"])
        .code(0)
        .stdout;
    assert!(
        text.contains("The range of posts.p.fte would make it invalid: it is cut at 0.01"),
        "{text}"
    );
    // A start from 1 January 2023 to 1 June 2024: before the window is cut at its start.
    let (dir, file) = marked("assumption = { field = \"from\", range = [2023-01-01, 2024-06-01] }");
    let j = klimabudget_in(
        dir.path(),
        ["sensitivity", &file, "--show", "cost", "--format", "json"],
    )
    .code(0)
    .json();
    assert_eq!(j["assumptions"][0]["low"], "2024-01-01");
    // 0.5 FTE × 600,000 × 12/12 from January, × 7/12 from June.
    assert_eq!(j["assumptions"][0]["figure_low"], "300000.00");
    assert_eq!(j["assumptions"][0]["figure_high"], "175000.00");
    // Nothing valid: exit 2, saying so.
    let (dir, file) = marked("assumption = { field = \"fte\", range = [-2, -1] }");
    let run = klimabudget_in(dir.path(), ["sensitivity", &file, "--show", "cost"]).code(2);
    assert!(
        run.stderr.contains("no value in the range"),
        "{}",
        run.stderr
    );
}

#[test]
fn marks_in_a_file_are_checked_where_they_are() {
    for (mark, message) in [
        (
            "assumption = { field = \"ftee\" }",
            "`field` `ftee` is not a number or date of it that can be varied",
        ),
        ("assumption = { range = \"150%\" }", "not a percentage"),
        (
            "assumption = { range = [900_000, 700_000] }",
            "the low end is above the high end",
        ),
        ("assumption = { reason = \"x\" }", "reason"),
        ("assumption = 3", "`assumption` is an integer"),
        (
            "assumption = [{ field = \"fte\" }, { field = \"fte\" }]",
            "`fte` is marked twice",
        ),
        (
            "assumption = { field = \"from\", range = \"10%\" }",
            "a date varies between two days",
        ),
    ] {
        let (dir, file) = marked(mark);
        let run = klimabudget_in(dir.path(), ["check", &file]).code(2);
        assert!(run.stderr.contains(message), "{mark}: {}", run.stderr);
        assert!(run.stderr.contains("m.toml:16:"), "{mark}: {}", run.stderr);
    }
    // Well-formed marks of every kind load.
    let (dir, file) = marked(
        "assumption = [true, { field = \"fte\", why = \"half time\", range = \"20%\" }, { field = \"to\", range = [2024-06-30, 2024-12-31] }]",
    );
    klimabudget_in(dir.path(), ["check", &file]).code(0);
    let s = klimabudget::load::load_file(&dir.path().join(file))
        .unwrap()
        .scenario;
    assert_eq!(s.assumptions.len(), 3);
    assert_eq!(
        s.assumptions[1].range,
        Some(AssumedRange::Relative(Rational::new(1, 5)))
    );
}

#[test]
fn the_tornado_is_drawn_in_html_and_the_why_is_a_note() {
    let html = klimabudget([
        "sensitivity",
        "scenarios/joint-secretariat-high-wages.toml",
        "--show",
        "must_find.brn",
        "--format",
        "html",
        "--lang",
        "da",
    ])
    .code(0)
    .stdout;
    assert!(html.contains("<svg"), "{html}");
    // Three bars, each with its two ends.
    assert_eq!(html.matches("fill=\"#56B4E9\"").count(), 3, "{html}");
    assert!(html.contains("Lønstigninger, alle år"));
    assert!(html.contains("5 % a year is for illustration"));
    let run = klimabudget([
        "sensitivity",
        "scenarios/joint-secretariat.toml",
        "--show",
        "costs.brn",
    ])
    .code(2);
    assert!(run.stderr.contains("is not a figure"), "{}", run.stderr);
}
