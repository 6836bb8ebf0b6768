//! Bridges from A to B (`compare --bridge`): the steps of the shipped comparison, hand-checked
//! and pointing at the lines that differ; and for generated pairs of scenarios, steps that add
//! up to B − A exactly for every figure.

use klimabudget::bridge::{self, Change};
use klimabudget::engine::{self, Prices};
use klimabudget::explain::{Measure, Name};
use klimabudget::model::Scenario;
use klimabudget::num::Rational;
use klimabudget::period::{By, PeriodKey};
use proptest::prelude::*;

use crate::common::{klimabudget, root};
use crate::properties::{build, spec};

/// A JSON figure (`"2800000.00"`) in øre.
fn ore(v: &serde_json::Value) -> i64 {
    let s = v.as_str().unwrap_or_else(|| panic!("not a figure: {v}"));
    let (kr, ore) = s.split_once('.').expect("two decimals");
    let sign = if kr.starts_with('-') { -1 } else { 1 };
    sign * (kr.trim_start_matches('-').parse::<i64>().unwrap() * 100 + ore.parse::<i64>().unwrap())
}

fn bridge_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec![
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--format",
        "json",
    ];
    all.extend(args);
    klimabudget(all).code(0).json()["bridge"].clone()
}

/// The line `at` (`file:line`) names, and the one after it.
fn lines_at(at: &str) -> Vec<String> {
    let (file, line) = at.rsplit_once(':').unwrap();
    let line: usize = line.parse().unwrap();
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.lines()
        .skip(line - 1)
        .take(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn brn_pays_2_800_000_more_because_the_municipal_post_is_added() {
    // Status quo: BRN pays the regional and the GEN2040 post, 2 × 800,000 × 4 years =
    // 6,400,000. The joint secretariat adds the municipal post from 1 July 2023 at BRN's
    // cost: 800,000 × 42/12 = 2,800,000, and BRN pays 9,200,000. The municipalities pay
    // 2,800,000 less: their staff end on 30 June 2023.
    let b = bridge_json(&["--bridge"]);
    let brn = "cost_by_funder.brn.total";
    let municipalities = "cost_by_funder.municipalities.total";
    assert_eq!(b["a"][brn], "6400000.00");
    assert_eq!(b["b"][brn], "9200000.00");
    assert_eq!(b["delta"][brn], "2800000.00");
    let steps = b["steps"].as_array().unwrap();
    // The municipal staff ending, the municipal post added, and BRN's DK2020 contribution
    // ending, which moves no cost but what BRN must still find (residual: also bridged).
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert_eq!(b["figures"][3], "must_find.brn.total");
    assert_eq!(steps[2]["id"], "brn-dk2020");
    assert_eq!(steps[2]["deltas"][brn], "0.00");
    assert_eq!(steps[2]["deltas"]["must_find.brn.total"], "2800000.00");
    let post = &steps[1];
    assert_eq!(post["id"], "joint-municipal-post");
    assert_eq!(post["change"], "added");
    assert_eq!(post["deltas"][brn], "2800000.00");
    assert_eq!(post["at_a"], serde_json::Value::Null);
    assert_eq!(
        lines_at(post["at_b"].as_str().unwrap()),
        ["[[posts]]", "id = \"joint-municipal-post\""]
    );
    let ended = &steps[0];
    assert_eq!(ended["id"], "municipal-staff");
    assert_eq!(ended["field"], "to");
    assert_eq!(
        (&ended["a"], &ended["b"]),
        (&"2026-12-31".into(), &"2023-06-30".into())
    );
    assert_eq!(ended["deltas"][municipalities], "-2800000.00");
    assert_eq!(
        lines_at(ended["at_a"].as_str().unwrap())[1],
        "id = \"municipal-staff\""
    );
    // The municipalities' DK2020 money ending and BRN's yearly line (0) move none of these.
    assert_eq!(b["silent"], 2);
}

#[test]
fn what_brn_must_find_grows_by_the_post_and_the_dk2020_money_that_ends() {
    // BRN must find 1,440,000 in the status quo (6,400,000 of cost, 3,200,000 + 900,000 +
    // 860,000 of funding) and 7,040,000 in the joint secretariat: the municipal post adds
    // 2,800,000, and BRN's DK2020 contribution ending on 30 June 2023 another 800,000 × 42/12.
    let b = bridge_json(&["--bridge", "must_find.brn"]);
    let f = "must_find.brn.total";
    assert_eq!(b["a"][f], "1440000.00");
    assert_eq!(b["b"][f], "7040000.00");
    let steps = b["steps"].as_array().unwrap();
    let moves: Vec<(&str, i64)> = steps
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), ore(&s["deltas"][f])))
        .collect();
    assert_eq!(
        moves,
        [
            ("joint-municipal-post", 280_000_000),
            ("brn-dk2020", 280_000_000)
        ]
    );
    assert_eq!(steps[1]["kind"], "funding");
    assert_eq!(steps[1]["field"], "to");
}

/// The comparison of the shipped scenarios with its bridge, written as a file of `ext`.
fn written(ext: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("bridge.{ext}"));
    klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--bridge",
        "--output",
        path.to_str().unwrap(),
    ])
    .code(0);
    (dir, path)
}

#[test]
fn the_bridge_is_a_table_a_waterfall_and_live_sums() {
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--bridge",
        "--lang",
        "da",
    ])
    .code(0);
    let bridge = run
        .stdout
        .split("Fra Status quo til Det Fælles Klimasekretariat")
        .nth(1)
        .expect("the bridge's table")
        .split("Forskelle mellem A og B")
        .next()
        .unwrap();
    insta::assert_snapshot!(bridge);
    let html = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--bridge",
        "--format",
        "html",
    ])
    .code(0)
    .stdout;
    // A waterfall for each funder whose cost moves, drawn as bars.
    assert_eq!(html.matches("<figcaption>Cost by funder: ").count(), 2);
    assert!(html.contains("2,800,000 kr.</title></rect>"), "{html}");
    let (_dir, path) = written("xlsx");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let formulas = book.worksheet_formula("Bridge").unwrap();
    // Row 0 title, 1 head, 2 A, 3–5 the steps, 6 B − A, 7 B; column 2 is BRN.
    assert_eq!(
        formulas.get_value((6, 2)).map(String::as_str),
        Some("SUM(C4:C6)")
    );
    assert_eq!(
        formulas.get_value((7, 2)).map(String::as_str),
        Some("SUM(C3:C6)")
    );
}

#[test]
fn windows_that_differ_are_bridged_over_the_days_both_cover() {
    // DK2020 ran to 30 June 2023; the status quo runs from 2023: the days both cover are
    // January to June 2023, where the two are the same but for GEN2040 (its post, 400,000,
    // and its grants of 900,000 and 860,000, in the status quo only; the phase 3 grant on
    // 1 July falls outside).
    let j = klimabudget([
        "compare",
        "scenarios/dk2020-2021-2023.toml",
        "scenarios/status-quo.toml",
        "--bridge",
        "--bridge",
        "funding_by_funder.brn",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let b = &j["bridge"];
    assert_eq!(b["window"]["start"], "2023-01-01");
    assert_eq!(b["window"]["end"], "2023-06-30");
    assert_eq!(b["delta"]["cost_by_funder.brn.total"], "400000.00");
    assert_eq!(b["delta"]["funding_by_funder.brn.total"], "900000.00");
    let text = klimabudget([
        "compare",
        "scenarios/dk2020-2021-2023.toml",
        "scenarios/status-quo.toml",
        "--bridge",
    ])
    .code(0)
    .stdout;
    assert!(
        text.contains("The scenarios' windows differ: the bridge covers the days both cover, 2023-01-01 – 2023-06-30."),
        "{text}"
    );
}

#[test]
fn bridge_mistakes_are_exit_2() {
    for (figure, message) in [
        (
            "cost_by_funder.bnr",
            "did you mean `cost_by_funder.brn.total`?",
        ),
        ("costs.brn", "is not a figure"),
        ("cost_by_funder.x", "neither scenario has a funder `x`"),
        ("cost.2031", "have no period 2031"),
    ] {
        let run = klimabudget([
            "compare",
            "scenarios/status-quo.toml",
            "scenarios/joint-secretariat.toml",
            "--bridge",
            figure,
        ])
        .code(2);
        assert!(run.stderr.contains(message), "{figure}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

/// Every money figure of either side by year and in total, over the funders and items of
/// both.
fn names(a: &Scenario, b: &Scenario) -> Vec<Name> {
    let mut out = Vec::new();
    let mut funders: Vec<&str> = a.funders.iter().map(|f| f.id.as_str()).collect();
    funders.extend(b.funders.iter().map(|f| f.id.as_str()));
    funders.sort_unstable();
    funders.dedup();
    let mut items: Vec<&str> = a.item_ids().chain(b.item_ids()).collect();
    items.sort_unstable();
    items.dedup();
    let periods = klimabudget::period::Calendar::new(a.window).periods(By::Year);
    for period in periods.iter().map(|p| p.key).chain([PeriodKey::Total]) {
        let mut measures = vec![Measure::Cost, Measure::Fte];
        measures.extend(items.iter().map(|i| Measure::Item(i.to_string())));
        for f in &funders {
            let f = f.to_string();
            measures.extend([
                Measure::CostBy(f.clone()),
                Measure::FundingBy(f.clone()),
                Measure::BalanceBy(f.clone()),
                Measure::CumulativeBy(f.clone()),
                Measure::MustFind(f),
            ]);
        }
        out.extend(measures.into_iter().map(|measure| Name { measure, period }));
    }
    out
}

/// Each figure of `s`, exactly; 0 where `s` lacks what the name names (as a bridge counts).
fn direct(s: &Scenario, names: &[Name]) -> Vec<Rational> {
    let by_year = engine::project_in(s, By::Year, Prices::Current).unwrap();
    let total = engine::project_in(s, By::Total, Prices::Current).unwrap();
    names
        .iter()
        .map(|n| {
            let p = if n.period == PeriodKey::Total {
                &total
            } else {
                &by_year
            };
            n.value(s, p).unwrap_or_default()
        })
        .collect()
}

/// B made from A by changes of every kind, chosen by `choices`: entries removed, FTE, costs
/// and amounts changed, runs cut short, payers and funders swapped, entries of `other`
/// added, funders made residual or not.
fn mutate(a: &Scenario, other: &Scenario, choices: &[u8]) -> Scenario {
    use klimabudget::model::{DateRange, Flow, Fte, Money};
    let mut b = a.clone();
    let mut pick = choices.iter().copied().cycle();
    let mut next = move || pick.next().unwrap_or(0) % 6;
    let half = |r: DateRange| {
        let days = (r.to - r.from).get_days() / 2;
        DateRange::new(
            r.from,
            r.from.checked_add(jiff::Span::new().days(days)).unwrap(),
        )
    };
    let more = |m: Money| Money::new(m.decimal() + rust_decimal::Decimal::new(100_050, 2));
    let flow = |f: Flow, c: u8| match (f, c) {
        (Flow::Annual { annual, range }, 2) => Flow::Annual {
            annual: more(annual),
            range,
        },
        (Flow::Annual { annual, range }, 3) => Flow::Annual {
            annual,
            range: half(range),
        },
        (Flow::OneOff { amount, date }, 2) => Flow::OneOff {
            amount: more(amount),
            date,
        },
        (f, _) => f,
    };
    let n = b.funders.len();
    let mut removed = Vec::new();
    for (i, p) in b.posts.iter_mut().enumerate() {
        match next() {
            1 => removed.push(i),
            2 => p.fte = Fte::new(p.fte.rational() * Rational::from_integer(2)),
            3 => p.annual_cost_per_fte = more(p.annual_cost_per_fte),
            4 => p.range = half(p.range),
            5 => {
                for (f, _) in &mut p.paid_by.0 {
                    *f = (*f + 1) % n;
                }
                p.paid_by.0.sort_by_key(|(f, _)| *f);
                p.paid_by.0.dedup_by_key(|(f, _)| *f);
                let whole = p
                    .paid_by
                    .0
                    .iter()
                    .map(|(_, s)| s.rational())
                    .sum::<Rational>();
                if whole != Rational::from_integer(1) {
                    p.paid_by = klimabudget::model::PaidBy::single(0);
                }
            }
            _ => {}
        }
    }
    for i in removed.into_iter().rev() {
        b.posts.remove(i);
    }
    for c in &mut b.costs {
        c.flow = flow(c.flow, next());
    }
    for g in &mut b.funding {
        let choice = next();
        g.flow = flow(g.flow, choice);
        if choice == 5 {
            g.funder = (g.funder + 1) % n;
        }
    }
    for f in &mut b.funders {
        if next() == 1 {
            f.residual = !f.residual;
        }
    }
    // Entries of another scenario, cut to this window, under new ids and this one's funders.
    let other = other.within(a.window);
    for mut p in other.posts.into_iter().filter(|_| next() == 2) {
        p.id = format!("new-{}", p.id);
        p.paid_by = klimabudget::model::PaidBy::single(0);
        b.posts.push(p);
    }
    for mut g in other.funding.into_iter().filter(|_| next() == 2) {
        g.id = format!("new-{}", g.id);
        g.funder %= n;
        b.funding.push(g);
    }
    b
}

/// The bridge of every figure from `a` to `b` ends at B's figures, its steps adding up to
/// B − A exactly, each step a difference that moves something.
fn assert_bridges(a: &Scenario, b: &Scenario) -> Result<(), TestCaseError> {
    let names = names(a, b);
    let made = bridge::bridge(a, b, &names, Prices::Current).unwrap();
    prop_assert_eq!(&made.a, &direct(a, &names));
    prop_assert_eq!(&made.b, &direct(b, &names));
    for (j, name) in names.iter().enumerate() {
        let steps: Rational = made.steps.iter().map(|s| s.deltas[j]).sum();
        prop_assert_eq!(made.a[j] + steps, made.b[j], "{}", name);
    }
    for step in &made.steps {
        prop_assert!(step.deltas.iter().any(|d| *d != Rational::from_integer(0)));
        if let Change::Field { a, b, .. } = &step.change {
            prop_assert_ne!(a, b);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_steps_add_up_for_two_scenarios_over_one_window(a in spec(), mut b in spec()) {
        (b.start, b.days) = (a.start, a.days);
        assert_bridges(&build(&a), &build(&b))?;
    }

    #[test]
    fn the_steps_add_up_for_a_scenario_and_its_changes(
        a in spec(),
        other in spec(),
        choices in prop::collection::vec(any::<u8>(), 1..40),
    ) {
        let a = build(&a);
        let b = mutate(&a, &build(&other), &choices);
        assert_bridges(&a, &b)?;
        assert_bridges(&b, &a)?;
    }
}

#[test]
fn the_papers_draw_the_waterfall_with_the_scenarios_named() {
    let Some(pdftotext) = crate::common::tool("pdftotext", "PDFTOTEXT") else {
        return;
    };
    let (_dir, pdf) = written("pdf");
    let out = std::process::Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // A waterfall for BRN and one for the municipalities, their first and last bars named
    // after the scenarios, each bar saying its figure; no file lines on a board's paper.
    assert_eq!(
        text.matches("Cost by funder: Business Region North Denmark, Total (kr.)")
            .count(),
        1,
        "{text}"
    );
    assert!(text.contains("Cost by funder: De nordjyske kommuner, Total (kr.)"));
    for said in ["6,400,000", "9,200,000", "−2,800,000", "400,000"] {
        assert!(text.contains(said), "{said}: {text}");
    }
    assert!(
        !text.contains("scenarios/joint-secretariat.toml:"),
        "{text}"
    );
}
