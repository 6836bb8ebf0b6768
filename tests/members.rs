//! Who really pays: allocation keys, members of groups, and looking through BRN to the
//! municipalities and the region.

use std::collections::BTreeMap;

use klimabudget::allocation::{Allocation, Mode, Party, Way};
use klimabudget::num::Rational;
use klimabudget::round;
use num_rational::Ratio;
use num_traits::Signed;
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
            // JSON carries every figure to the øre, rounded to the nearest.
            let shown = kroner(&members[id]);
            let exact = Ratio::new(800_000 * population, total);
            assert_eq!(shown, (exact * 100).round() / 100, "{id}");
            sum += shown;
        }
        let off = sum - Rational::from_integer(800_000);
        assert!(off.abs() <= Ratio::new(11, 200), "{year}: {sum}");
        // BRN is not split without --look-through; the region pays nothing directly.
        assert_eq!(members["brn"], "1600000.00");
        assert_eq!(members["region"], "0.00");
    }
    // Over the four years: 3,200,000 × 217,075 / 590,936 = 1,175,491.09 for Aalborg.
    assert_eq!(r["total"]["cost_by_member"]["aalborg"], "1175491.09");
}

#[test]
fn each_member_s_total_is_its_exact_share_rounded_whatever_the_periods() {
    // The members' table is rounded as a whole, like every table for people: each member's
    // total is its exact share of the 3,200,000 rounded down or up, by year, half-year or
    // month alike, and the members add up to it.
    use klimabudget::report::grid::{GridId, What};
    use klimabudget::report::{Members, Mode as Rounded, Precision, Rounding};
    let s = klimabudget::load::load_file(&crate::common::root().join("scenarios/status-quo.toml"))
        .unwrap()
        .scenario;
    let total: i128 = POPULATION.iter().map(|(_, p)| p).sum();
    for by in [
        klimabudget::period::By::Year,
        klimabudget::period::By::HalfYear,
        klimabudget::period::By::Month,
        klimabudget::period::By::Total,
    ] {
        let p = klimabudget::engine::project(&s, by).unwrap();
        let members = Members::new(&s, &p, Mode::ByMember, Precision::Kr).unwrap();
        let report = klimabudget::report::scenario::report(&s, &p, Some(&members));
        let shown = report.shown(Rounding {
            unit: klimabudget::num::Unit::Mio,
            mode: Rounded::Controlled,
        });
        let g = shown.grid(GridId::of(What::CostByMember)).unwrap();
        let mut sum = Rational::from_integer(0);
        for (id, population) in POPULATION {
            let row = g.row(id).unwrap();
            let figure = g.at(Some(row), None).unwrap();
            let exact = Ratio::new(3_200_000 * population, total);
            assert_eq!(figure.exact, exact);
            assert!(
                figure.shown == exact.floor() || figure.shown == exact.ceil(),
                "{by}, {id}: {} vs {exact}",
                figure.shown
            );
            sum += figure.shown;
        }
        assert_eq!(sum, Rational::from_integer(3_200_000), "{by}");
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
    // Each figure is to the nearest øre, so the members add up to the cost within an øre
    // each.
    for side in ["a", "b", "delta"] {
        let m = &y2024[side]["cost_by_member"];
        let sum: Rational = parties.iter().map(|id| kroner(&m[*id])).sum();
        let off = sum - kroner(&y2024[side]["cost"]);
        assert!(off.abs() <= Ratio::new(12, 200), "{side}: {sum}");
    }
    let municipal: Rational = POPULATION
        .iter()
        .map(|(id, _)| kroner(&y2024["delta"]["cost_by_member"][*id]))
        .sum();
    assert!((municipal + Rational::from_integer(300_000)).abs() <= Ratio::new(11, 200));
    // Aalborg: −300,000 × 217,075 / 590,936 = −110,202.285… kr.: −110,202.29 to the nearest
    // øre (not the difference of A and B each rounded, 551,011.45 − 661,213.74).
    assert_eq!(y2024["delta"]["cost_by_member"]["aalborg"], "-110202.29");
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
    // The region is a funder too: in the funders' two tables, and in the three tables by
    // payer.
    assert_eq!(run.stdout.matches("| Region Nordjylland |").count(), 5);
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
    let shares: Vec<(usize, Rational)> = (weights.iter().enumerate())
        .map(|(i, w)| (i, Ratio::new(*w, total)))
        .collect();
    Allocation {
        mode: Mode::ByMember,
        parties: (0..weights.len())
            .map(|i| Party {
                id: format!("m{i}"),
                name: format!("M{i}"),
            })
            .collect(),
        shares: vec![
            shares
                .iter()
                .map(|(i, r)| (*i, klimabudget::allocation::big(r)))
                .collect(),
        ],
        way: Way::Exact(vec![shares]),
        finest: None,
    }
}

/// A scenario of one group paying `amounts` (øre, one cost each, in 2024) whose key weighs
/// member `m{i}` `1/primes[i]`.
fn fine_scenario(primes: &[i128], amounts: &[i128]) -> klimabudget::model::Scenario {
    let members: String = (primes.iter().enumerate())
        .map(|(i, p)| format!("m{i} = {{ weight = \"1/{p}\" }}\n"))
        .collect();
    let costs: String = (amounts.iter().enumerate())
        .map(|(i, a)| {
            format!(
                "[[costs]]\nid = \"c{i}\"\namount = {}.{:02}\ndate = 2024-{:02}-01\npaid_by = \"group\"\n\n",
                a / 100,
                a % 100,
                i % 12 + 1
            )
        })
        .collect();
    let text = format!(
        "[scenario]\nname = \"fine\"\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [funders.group]\nmembers = \"k\"\n\n{costs}[keys.k.members]\n{members}"
    );
    klimabudget::load::load_str(std::path::Path::new("fine.toml"), text)
        .unwrap()
        .scenario
}

/// Primes from 2 to near 10^6: keys of their reciprocals are too fine for 128 bits from
/// a few members on.
const PRIMES: [i128; 24] = [
    2, 3, 7, 61, 97, 101, 997, 1_009, 7_919, 9_973, 10_007, 65_521, 99_991, 100_003, 262_139,
    524_287, 611_953, 700_001, 786_433, 900_001, 999_863, 999_907, 999_953, 999_983,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Issue 11, finding 2: members weighted by reciprocals of primes (shares far too fine for
    /// 128 bits) are computed in arbitrary precision: by month, every member's amount to the
    /// øre is its exact share rounded half away from zero, and the table in øre adds up with
    /// every figure its exact value rounded down or up.
    #[test]
    fn members_of_prime_weights_agree_with_big_rationals_to_the_ore(
        picked in prop::sample::subsequence(PRIMES.to_vec(), 2..12),
        amounts in prop::collection::vec(1i128..50_000_000_000, 1..14),
    ) {
        use klimabudget::report::grid::{GridId, What};
        use klimabudget::report::{Members, Precision, Rounding};
        use num_rational::BigRational;
        let s = fine_scenario(&picked, &amounts);
        let p = klimabudget::engine::project(&s, klimabudget::period::By::Month).unwrap();
        let members = Members::new(&s, &p, Mode::ByMember, Precision::Ore).unwrap();
        let report = klimabudget::report::scenario::report(&s, &p, Some(&members));
        let big = |n: i128, d: i128| BigRational::new(n.into(), d.into());
        let weights: BigRational = picked.iter().map(|q| big(1, *q)).sum();
        let exact = |i: usize, ore: i128| big(ore, 100) * big(1, picked[i]) / &weights;
        let month_ore = |m: usize| -> i128 {
            (amounts.iter().enumerate()).filter(|(i, _)| i % 12 == m).map(|(_, a)| a).sum()
        };
        let nearest = |x: &BigRational| {
            let ore = x * big(100, 1);
            let half = big(1, 2);
            let n = if ore >= big(0, 1) { (ore + half).floor() } else { (ore - half).ceil() };
            n.to_integer()
        };
        // Data: each figure to the nearest øre.
        let data = report.shown(Rounding::data());
        let g = data.grid(GridId::of(What::CostByMember)).unwrap();
        for i in 0..picked.len() {
            let row = g.row(&format!("m{i}")).unwrap();
            for m in 0..12 {
                let f = g.at(Some(row), Some(m)).unwrap();
                prop_assert_eq!(
                    num_bigint::BigInt::from(f.steps()),
                    nearest(&exact(i, month_ore(m))),
                    "m{} month {}", i, m + 1
                );
            }
            let all: i128 = amounts.iter().sum();
            let f = g.at(Some(row), None).unwrap();
            prop_assert_eq!(num_bigint::BigInt::from(f.steps()), nearest(&exact(i, all)));
        }
        // The table in øre: adds up, every figure its exact value rounded down or up.
        let table = report.shown(Rounding { unit: klimabudget::num::Unit::Ore, ..Rounding::default() });
        let g = table.grid(GridId::of(What::CostByMember)).unwrap();
        for m in 0..12 {
            let mut sum = 0i128;
            for i in 0..picked.len() {
                let f = g.at(Some(g.row(&format!("m{i}")).unwrap()), Some(m)).unwrap();
                let x = exact(i, month_ore(m)) * big(100, 1);
                let steps = BigRational::from_integer(f.steps().into());
                prop_assert!(steps == x.floor() || steps == x.ceil(), "m{} month {}: {} vs {}", i, m + 1, f.steps(), x);
                sum += f.steps();
            }
            prop_assert_eq!(sum, month_ore(m));
        }
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
        let cost = vec![amounts.iter().map(|a| Rational::from_integer(*a) * step).collect::<Vec<_>>()];
        let amount_total: Rational = cost[0].iter().sum();
        let a = allocation(&weights);
        // Each member's exact cost, rounded as a table: as the members' table of a report is.
        let exact = a.share_out(&cost).cells;
        let in_steps: Vec<Vec<Rational>> =
            exact.iter().map(|r| r.iter().map(|v| v / step).collect()).collect();
        let g = round::table(&in_steps, cost[0].len(), &[]).unwrap();
        let total: i128 = weights.iter().sum();
        for (j, amount) in cost[0].iter().enumerate() {
            let shown: Vec<Rational> = g.upper.iter().map(|r| Rational::from_integer(r[j]) * step).collect();
            prop_assert_eq!(Rational::from_integer(g.columns[j]) * step, *amount);
            prop_assert_eq!(shown.iter().sum::<Rational>(), *amount);
            for (i, v) in shown.iter().enumerate() {
                let exact = amount * Ratio::new(weights[i], total);
                prop_assert!((v - exact) < step && (exact - v) < step, "{} vs {}", v, exact);
            }
        }
        // Each member's total is its exact share of the whole rounded down or up (so members
        // of equal weight end within one step of each other).
        for (i, row) in g.upper_rows.iter().enumerate() {
            let row = Rational::from_integer(*row) * step;
            let exact = amount_total * Ratio::new(weights[i], total);
            prop_assert!((row - exact) < step && (exact - row) < step, "{} vs {}", row, exact);
        }
        prop_assert_eq!(Rational::from_integer(g.total) * step, amount_total);
    }
}

#[test]
fn an_equal_split_gives_the_odd_krone_to_the_first() {
    let cost = vec![vec![Rational::from_integer(100)]];
    let exact = allocation(&[1, 1, 1]).share_out(&cost).cells;
    let g = round::table(&exact, 1, &[]).unwrap();
    let shown: BTreeMap<usize, i128> = g.upper_rows.iter().copied().enumerate().collect();
    assert_eq!(shown[&0], 34);
    assert_eq!(shown[&1], 33);
    assert_eq!(shown[&2], 33);
}
