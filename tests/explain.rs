//! Derivations (`klimabudget explain`): for every figure of every shipped scenario and fixture,
//! and of generated scenarios, the parts add up exactly to the figure the projection gives,
//! and every line's formula, computed from the numbers it shows, is the line's value.

use klimabudget::engine::{self, Prices};
use klimabudget::explain::{self, Derivation, How, Name};
use klimabudget::load;
use klimabudget::model::{Indexation, Scenario};
use klimabudget::num::Rational;
use num_rational::Ratio;
use proptest::prelude::*;

use crate::common::{klimabudget, root, toml_files};
use crate::invariants::ALL;
use crate::properties::{build, spec};

/// The scenarios shipped and used as fixtures, each a valid one.
fn scenarios() -> Vec<Scenario> {
    let mut files = toml_files("scenarios");
    files.extend(toml_files("tests/fixtures"));
    files.push(root().join("tests/cases/fase2.toml"));
    files
        .iter()
        .map(|f| match load::load_file(f) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{}: {d}", f.display()),
        })
        .collect()
}

/// Holds a derivation to its promises: the lines add up to their parts, the parts to the sum,
/// the sum makes the figure, and each line's formula gives its value.
fn assert_adds_up(d: &Derivation, figure: Rational) {
    let zero = Rational::from_integer(0);
    for part in &d.parts {
        assert!(
            !part.lines.is_empty(),
            "{}: {} has no lines",
            d.name,
            part.id
        );
        let lines: Rational = part.lines.iter().map(|l| l.value).sum();
        assert_eq!(lines, part.value, "{}: {}", d.name, part.id);
        for line in &part.lines {
            assert_eq!(
                line.formula(part, d.months),
                line.value,
                "{}: {} {:?}",
                d.name,
                part.id,
                line
            );
        }
    }
    let parts: Rational = d.parts.iter().map(|p| p.value).sum();
    assert_eq!(parts, d.sum, "{}", d.name);
    let value = match d.how {
        How::Sum => d.sum,
        How::Shortfall => (-d.sum).max(zero),
    };
    assert_eq!(value, d.value, "{}", d.name);
    assert_eq!(d.value, figure, "{}", d.name);
}

/// Every figure of `s` by every granularity, in both prices, explained and added up.
fn explain_everything(s: &Scenario) -> usize {
    let mut n = 0;
    for prices in [Prices::Current, Prices::Fixed] {
        for by in ALL {
            let p = engine::project_in(s, by, prices).unwrap();
            for name in Name::all(s, by) {
                let d = explain::derive(s, &p, &name)
                    .unwrap_or_else(|e| panic!("{}: {name}: {e}", s.file.display()));
                assert_adds_up(&d, name.value(s, &p).unwrap());
                n += 1;
            }
        }
    }
    n
}

#[test]
fn every_figure_of_every_shipped_scenario_adds_up_exactly() {
    let mut n = 0;
    for s in scenarios() {
        n += explain_everything(&s);
    }
    // Four shipped scenarios, the fixtures and the new user's case: thousands of figures.
    assert!(n > 5_000, "{n}");
}

/// The derivation of `figure` in the scenario `file`, in current prices.
fn derivation(file: &str, figure: &str) -> Derivation {
    let s = load::load_file(&root().join(file)).unwrap().scenario;
    let name = Name::parse(figure).unwrap();
    let p = engine::project_in(&s, name.by(), Prices::Current).unwrap();
    explain::derive(&s, &p, &name).unwrap()
}

#[test]
fn brn_in_2024_is_three_posts_at_800_000() {
    // Hand-computed: in 2024 BRN pays the regional, GEN2040 and joint municipal posts, each
    // 1 FTE × 800,000 kr. × 12/12 × share 1 = 800,000.00.
    let d = derivation(
        "scenarios/joint-secretariat.toml",
        "cost_by_funder.brn.2024",
    );
    let ids: Vec<&str> = d.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["regional-post", "gen2040-post", "joint-municipal-post"]
    );
    for part in &d.parts {
        assert_eq!(part.value, Rational::from_integer(800_000));
        assert_eq!(part.lines.len(), 1);
        assert_eq!(part.lines[0].fraction, explain::Fraction::Months(12));
    }
    assert_eq!(d.value, Rational::from_integer(2_400_000));
    // What BRN must still find by the end: the cumulative balance's gap, 7,040,000.00.
    let d = derivation("scenarios/joint-secretariat.toml", "must_find.brn");
    assert_eq!(d.how, How::Shortfall);
    assert_eq!(d.sum, Rational::from_integer(-7_040_000));
    assert_eq!(d.value, Rational::from_integer(7_040_000));
}

#[test]
fn a_shared_post_in_an_indexed_year_shows_its_share_and_level() {
    // Fase 2 (the new user's case): wages rise 3 % from 2027; brn-post-2 starts 1 January
    // 2027. Its share of 2027 for the region is 1/3 × 800,000 × 12/12 × 1.03 = 274,666.67.
    let d = derivation("tests/cases/fase2.toml", "cost_by_funder.region.2027");
    let post = d.parts.iter().find(|p| p.id == "brn-post-2").unwrap();
    assert_eq!(post.share, Some(Ratio::new(1, 3)));
    assert_eq!(post.lines[0].level, Ratio::new(103, 100));
    assert_eq!(post.value, Ratio::new(800_000 * 103, 300));
}

/// A generated scenario with wages and prices rising, some rises within a month.
fn indexed(mut s: Scenario, rates: &[(i16, i128)], effective: (i8, i8)) -> Scenario {
    let first = s.window.from.year();
    let rates: std::collections::BTreeMap<i16, Rational> = rates
        .iter()
        .map(|(y, r)| (first + y, Ratio::new(*r, 1000)))
        .collect();
    s.indexation = Some(Indexation {
        base_year: first + 1,
        wages: rates.clone(),
        prices: rates.into_iter().map(|(y, r)| (y, r / 2)).collect(),
        effective,
    });
    for f in s.funding.iter_mut().step_by(2) {
        f.indexed = Some(klimabudget::model::Index::Wages);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_of_a_generated_scenario_adds_up(spec in spec()) {
        explain_everything(&build(&spec));
    }

    #[test]
    fn every_figure_of_an_indexed_scenario_adds_up(
        spec in spec(),
        rates in prop::collection::vec((0i16..4, -50i128..120), 0..4),
        day in 1i8..=28,
        month in 1i8..=12,
    ) {
        explain_everything(&indexed(build(&spec), &rates, (month, day)));
    }
}

/// An amount of the JSON (`"800000.00"`) in øre.
fn ore(v: &serde_json::Value) -> i64 {
    let s = v.as_str().expect("a figure");
    let (kr, ore) = s.split_once('.').expect("two decimals");
    let sign = if kr.starts_with('-') { -1 } else { 1 };
    sign * (kr.trim_start_matches('-').parse::<i64>().unwrap() * 100 + ore.parse::<i64>().unwrap())
}

#[test]
fn the_json_tree_adds_up_and_points_at_each_entry() {
    let j = klimabudget([
        "explain",
        "scenarios/joint-secretariat.toml",
        "cost_by_funder.brn.2024",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(j["figure"], "cost_by_funder.brn.2024");
    assert_eq!(j["value"], "2400000.00");
    assert_eq!(j["exact"], "2400000");
    assert_eq!(j["shown"]["value"], "2400000");
    let parts = j["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 3);
    let sum: i64 = parts.iter().map(|p| ore(&p["value"])).sum();
    assert_eq!(sum, 240_000_000);
    let text = std::fs::read_to_string(root().join("scenarios/joint-secretariat.toml")).unwrap();
    for part in parts {
        // `file:line`, the line where the entry starts: its `[[posts]]`, then its id.
        let at = part["at"].as_str().unwrap();
        let (file, line) = at.rsplit_once(':').unwrap();
        assert_eq!(file, "scenarios/joint-secretariat.toml");
        let line: usize = line.parse().unwrap();
        let id = part["id"].as_str().unwrap();
        let lines: Vec<&str> = text.lines().skip(line - 1).take(2).collect();
        assert_eq!(lines, ["[[posts]]", &format!("id = \"{id}\"")], "{at}");
        let lines = part["lines"].as_array().unwrap();
        assert_eq!(lines[0]["months"], 12);
        assert_eq!(lines[0]["index"], "1");
        assert_eq!(part["base"]["annual_cost_per_fte"], "800000");
    }
}

#[test]
fn thirds_say_how_they_were_rounded() {
    // 100,000 kr. a year shared in thirds: January's third is 25,000/9 = 2,777.78 kr.; the
    // report's table of whole kroner shows 2,777, rounded down so that its thirds add up.
    let j = klimabudget([
        "explain",
        "tests/fixtures/thirds.toml",
        "2023-01.cost_by_funder.y",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(j["exact"], "25000/9");
    assert_eq!(j["value"], "2777.78");
    assert_eq!(j["parts"][0]["share"], "1/3");
    let run = klimabudget([
        "explain",
        "tests/fixtures/thirds.toml",
        "2023-01.cost_by_funder.y",
    ])
    .code(0);
    assert!(
        run.stdout.contains("The report shows it as 2,777 kr.: rounded down from 25000/9 = 2,777.7778…: not to the nearest, so that its table adds up"),
        "{}",
        run.stdout
    );
}

#[test]
fn unknown_figures_are_exit_2_with_what_exists() {
    let cases = [
        ("costs_by_funder.brn", "did you mean `cost_by_funder.brn`?"),
        (
            "cost_by_funder.bnr.2024",
            "did you mean `cost_by_funder.brn.2024`?",
        ),
        (
            "items.nobody.2024",
            "the posts and costs are `regional-post`, `municipal-staff`",
        ),
        ("cost.2031", "has no period 2031"),
        (
            "must_find.municipalities",
            "funder `municipalities` is not residual",
        ),
        ("brn", "is not a figure: write a measure"),
    ];
    for (figure, message) in cases {
        let run = klimabudget(["explain", "scenarios/joint-secretariat.toml", figure]).code(2);
        assert!(run.stderr.contains(message), "{figure}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn explanations_in_both_languages() {
    for (figure, lang) in [
        ("must_find.brn", "da"),
        ("items.joint-municipal-post.2023H2", "en"),
    ] {
        let run = klimabudget([
            "explain",
            "scenarios/joint-secretariat.toml",
            figure,
            "--lang",
            lang,
        ])
        .code(0);
        insta::assert_snapshot!(format!("explain-{figure}-{lang}"), run.stdout);
    }
}

#[test]
fn the_report_explains_each_figure_in_an_appendix_and_in_tooltips() {
    let html = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--explain",
        "--format",
        "html",
    ])
    .code(0)
    .stdout;
    // The cell of the municipal post in 2023 carries its derivation, and the figure it ends
    // in is the cell's own.
    assert!(
        html.contains("<td class=\"num\" title=\"Kommunal klimamedarbejder, ansat i BRN-sekretariatet, 2023: 1 FTE × 800,000 kr. a year × 6/12 (Jul–Dec 2023) = 400,000 kr.\">400,000</td>"),
        "{html}"
    );
    assert!(html.contains("title=\"Business Region North Denmark, Cost, 2024: Klimamedarbejder, ansat i regionen + GEN2040-medarbejder"));
    assert!(html.contains("<h2>How the figures are computed: Cost by item (kr.)</h2>"));
    // Every figure of the tables of cost by item and by funder has one.
    let items = html
        .split("<h2>Cost by post and other cost (kr.)</h2>")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    let cells = items.matches("<td class=\"num\"").count();
    let explained = items.matches("<td class=\"num\" title=").count();
    // Four posts by year with their totals, the total row and the FTE: the posts' cells of a
    // year in which they run are explained (the municipal staff run in 2023 only).
    assert_eq!(explained, 13, "{items}");
    assert!(cells > explained);
    // Without --explain, neither.
    let plain = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--format",
        "html",
    ])
    .code(0)
    .stdout;
    assert!(!plain.contains(" title=") && !plain.contains("How the figures are computed"));
    // The board's paper in Danish has the appendix.
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("sag.docx");
    klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--explain",
        "--lang",
        "da",
        "--output",
        docx.to_str().unwrap(),
    ])
    .code(0);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Sådan er tallene beregnet: Udgifter pr. post"));
    assert!(xml.contains("1 årsværk × 800.000 kr. om året × 6/12 (jul.–dec. 2023)"));
}
