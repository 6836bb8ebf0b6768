//! Who really pays: allocation keys, members of groups, and looking through BRN to the
//! municipalities and the region.

use std::collections::BTreeMap;

use klimabudget::allocation::{Allocation, Mode, Party};
use klimabudget::num::Rational;
use klimabudget::report::{Grid, distribute};
use num_rational::Ratio;
use proptest::prelude::*;

use crate::common::{klimabudget, period};

/// The population of 1 January 2020, as in keys/population-2020.toml.
const POPULATION: [(&str, i128); 11] = [
    ("aalborg", 217_075),
    ("bronderslev", 36_304),
    ("frederikshavn", 59_654),
    ("hjorring", 64_483),
    ("jammerbugt", 38_324),
    ("laeso", 1_786),
    ("mariagerfjord", 41_800),
    ("morso", 20_247),
    ("rebild", 31_113),
    ("thisted", 43_423),
    ("vesthimmerland", 36_727),
];

fn kroner(v: &serde_json::Value) -> Rational {
    let s = v.as_str().expect("a money string");
    let d: rust_decimal::Decimal = s.parse().unwrap();
    Ratio::new(d.mantissa(), 10i128.pow(d.scale()))
}

#[test]
fn each_municipality_pays_its_population_share_of_800_000_a_year() {
    let r = klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--by-member",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(r["members"]["mode"], "by-member");
    assert_eq!(r["members"]["precision"], "kr");
    let total: i128 = POPULATION.iter().map(|(_, p)| p).sum();
    assert_eq!(total, 590_936);
    for year in ["2023", "2024", "2025", "2026"] {
        let members = &period(&r, year)["cost_by_member"];
        let mut sum = Rational::from_integer(0);
        for (id, population) in POPULATION {
            let shown = kroner(&members[id]);
            let exact = Ratio::new(800_000 * population, total);
            assert!(shown.is_integer(), "whole kroner");
            assert!(
                (shown - exact) < Ratio::from_integer(1)
                    && (exact - shown) < Ratio::from_integer(1),
                "{id}: {shown} vs {exact}"
            );
            sum += shown;
        }
        assert_eq!(sum, Rational::from_integer(800_000), "{year}");
        // BRN is not split without --look-through; the region pays nothing directly.
        assert_eq!(members["brn"], "1600000.00");
        assert_eq!(members["region"], "0.00");
    }
    // Over the four years: 3,200,000 × 217,075 / 590,936 = 1,175,491.09 for Aalborg.
    assert_eq!(r["total"]["cost_by_member"]["aalborg"], "1175491.00");
}

#[test]
fn each_member_s_total_is_its_exact_share_rounded_whatever_the_periods() {
    // The members' tables are rounded as a whole, like every table: each member's total is
    // its exact share of the 3,200,000 rounded down or up, by year, half-year or month alike.
    let total: i128 = POPULATION.iter().map(|(_, p)| p).sum();
    for by in ["year", "half-year", "month", "total"] {
        let r = klimabudget([
            "report",
            "scenarios/status-quo.toml",
            "--by-member",
            "--by",
            by,
            "--format",
            "json",
        ])
        .code(0)
        .json();
        assert_eq!(r["total"]["cost_by_funder"]["municipalities"], "3200000.00");
        let mut sum = Rational::from_integer(0);
        for (id, population) in POPULATION {
            let shown = kroner(&r["total"]["cost_by_member"][id]);
            let exact = Ratio::new(3_200_000 * population, total);
            assert!(
                shown == exact.floor() || shown == exact.ceil(),
                "--by {by}, {id}: {shown} vs {exact}"
            );
            sum += shown;
        }
        assert_eq!(sum, Rational::from_integer(3_200_000), "--by {by}");
    }
}

#[test]
fn to_the_ore_on_request() {
    let r = klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--by-member",
        "--precision",
        "ore",
        "--by",
        "total",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // 3,200,000 × 1,786 / 590,936 = 9,671.44 kr.
    assert_eq!(r["total"]["cost_by_member"]["laeso"], "9671.44");
    assert_eq!(r["members"]["precision"], "ore");
}

#[test]
fn looking_through_brn_shows_what_each_municipality_and_the_region_pay() {
    let c = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--look-through",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let parties: Vec<&str> = c["members"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = POPULATION.iter().map(|(id, _)| *id).collect();
    expected.push("region");
    assert_eq!(parties, expected, "the 11 municipalities and the region");
    let y2024 = c["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "2024")
        .unwrap();
    // BRN pays 800,000 more, 9/24 of it raised from the region: 300,000 more for the region.
    assert_eq!(y2024["delta"]["cost_by_member"]["region"], "300000.00");
    assert_eq!(y2024["a"]["cost_by_member"]["region"], "600000.00");
    // The municipalities: 800,000 less directly, 15/24 × 800,000 = 500,000 more through BRN.
    for side in ["a", "b", "delta"] {
        let m = &y2024[side]["cost_by_member"];
        let sum: Rational = parties.iter().map(|id| kroner(&m[*id])).sum();
        assert_eq!(
            sum,
            kroner(&y2024[side]["cost"]),
            "{side}: the members add up to the cost"
        );
    }
    let municipal: Rational = POPULATION
        .iter()
        .map(|(id, _)| kroner(&y2024["delta"]["cost_by_member"][*id]))
        .sum();
    assert_eq!(municipal, Rational::from_integer(-300_000));
    // Aalborg: 551,011.45 − 661,213.73 = −110,202.28 kr. to the øre.
    assert_eq!(y2024["delta"]["cost_by_member"]["aalborg"], "-110202.00");
}

#[test]
fn the_tables_show_every_municipality_in_danish() {
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--look-through",
        "--lang",
        "da",
        "--format",
        "markdown",
    ])
    .code(0);
    for name in ["Aalborg Kommune", "Læsø Kommune", "Vesthimmerlands Kommune"] {
        assert_eq!(
            run.stdout.matches(&format!("| {name} |")).count(),
            3,
            "{name} in A, B and B − A"
        );
    }
    // The region is a funder too: in the funders' table, and in the three tables by payer.
    assert_eq!(run.stdout.matches("| Region Nordjylland |").count(), 4);
    assert!(run.stdout.contains("## Hvem betaler reelt"));
    assert!(
        run.stdout
            .contains("Fordelingsnøgler: Folketal 1. januar 2020")
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn keys_that_are_not_used_change_nothing() {
    // Without --by-member or --look-through the figures are the funders' own.
    let plain = klimabudget(["report", "scenarios/status-quo.toml", "--format", "json"])
        .code(0)
        .json();
    assert!(plain.get("members").is_none());
    assert!(plain["total"].get("cost_by_member").is_none());
}

/// An allocation of one funder to `weights.len()` parties by exact shares.
fn allocation(weights: &[i128]) -> Allocation {
    let total: i128 = weights.iter().sum();
    Allocation {
        mode: Mode::ByMember,
        parties: (0..weights.len())
            .map(|i| Party {
                id: format!("m{i}"),
                name: format!("M{i}"),
            })
            .collect(),
        shares: vec![
            weights
                .iter()
                .enumerate()
                .map(|(i, w)| (i, Ratio::new(*w, total)))
                .collect(),
        ],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn members_add_up_exactly_to_their_group(
        // Weights with ties (small ranges) and tiny members (Læsø beside Aalborg).
        weights in prop::collection::vec(prop_oneof![1i128..4, 1i128..2_000, Just(1_786i128), Just(217_075i128)], 1..15),
        amounts in prop::collection::vec(0i128..10_000_000, 1..8),
        ore in any::<bool>(),
    ) {
        let step = if ore { Ratio::new(1, 100) } else { Ratio::from_integer(1) };
        let cells = vec![amounts.iter().map(|a| Rational::from_integer(*a) * step).collect::<Vec<_>>()];
        let cost = Grid {
            rows: vec![cells[0].iter().sum()],
            columns: cells[0].clone(),
            total: cells[0].iter().sum(),
            cells,
        };
        let a = allocation(&weights);
        let g = distribute(&a, &cost, step, &[]);
        let total: i128 = weights.iter().sum();
        for (j, amount) in cost.columns.iter().enumerate() {
            let shown: Vec<Rational> = g.cells.iter().map(|r| r[j]).collect();
            prop_assert_eq!(shown.iter().sum::<Rational>(), *amount);
            for (i, v) in shown.iter().enumerate() {
                let exact = amount * Ratio::new(weights[i], total);
                prop_assert!((v - exact) < step && (exact - v) < step, "{} vs {}", v, exact);
                prop_assert!((v / step).is_integer());
            }
        }
        // Each member's total is its exact share of the whole rounded down or up (so members
        // of equal weight end within one step of each other).
        for (i, row) in g.rows.iter().enumerate() {
            let exact = cost.total * Ratio::new(weights[i], total);
            prop_assert!((row - exact) < step && (exact - row) < step, "{} vs {}", row, exact);
        }
        prop_assert_eq!(g.rows.iter().sum::<Rational>(), cost.total);
        prop_assert_eq!(g.total, cost.total);
    }
}

#[test]
fn an_equal_split_gives_the_odd_krone_to_the_first() {
    let cost = Grid {
        cells: vec![vec![Rational::from_integer(100)]],
        rows: vec![Rational::from_integer(100)],
        columns: vec![Rational::from_integer(100)],
        total: Rational::from_integer(100),
    };
    let g = distribute(
        &allocation(&[1, 1, 1]),
        &cost,
        Rational::from_integer(1),
        &[],
    );
    let shown: BTreeMap<usize, Rational> = g.rows.iter().copied().enumerate().collect();
    assert_eq!(shown[&0], Rational::from_integer(34));
    assert_eq!(shown[&1], Rational::from_integer(33));
    assert_eq!(shown[&2], Rational::from_integer(33));
}
