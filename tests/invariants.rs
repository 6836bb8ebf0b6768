//! The invariants of the computation: periods add up to the total; months to half-years to
//! years; funders to the cost; cumulative balances to the sum of balances. Checked here on
//! every shipped scenario and fixture, and in `properties` on generated ones.

use klimabudget::engine::{self, Amount, Figures, Projection};
use klimabudget::load;
use klimabudget::model::Scenario;
use klimabudget::num::Rational;
use klimabudget::period::By;

use crate::common::toml_files;

pub const ALL: [By; 4] = [By::Month, By::HalfYear, By::Year, By::Total];

fn load_all(files: Vec<std::path::PathBuf>) -> Vec<Scenario> {
    files
        .iter()
        .map(|f| match load::load_file(f) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{d}"),
        })
        .collect()
}

/// Every money figure of a period: cost, items, funding entries, by funder.
fn figures(f: &Figures) -> Vec<Amount> {
    let mut v = vec![f.cost()];
    v.extend(f.items.iter());
    v.extend(&f.funding);
    v.extend(&f.cost_by_funder);
    v.extend(&f.funding_by_funder);
    v
}

fn add(a: Vec<Amount>, b: Vec<Amount>) -> Vec<Amount> {
    a.into_iter().zip(b).map(|(x, y)| x + y).collect()
}

/// Groups the periods of `fine` into those of `coarse` by date, summing their figures and
/// their FTE weights.
fn regroup(fine: &Projection, coarse: &Projection) -> Vec<(Vec<Amount>, i128, i128)> {
    coarse
        .periods
        .iter()
        .map(|c| {
            let inside: Vec<&Figures> = fine
                .periods
                .iter()
                .filter(|f| c.period.start <= f.period.start && f.period.end <= c.period.end)
                .collect();
            let money = inside
                .iter()
                .map(|f| figures(f))
                .reduce(add)
                .expect("a fine period");
            let fte = inside.iter().map(|f| f.fte.fte).sum();
            let months = inside.iter().map(|f| f.fte.months).sum();
            (money, fte, months)
        })
        .collect()
}

fn exact(p: &Projection) -> Vec<(Vec<Amount>, i128, i128)> {
    p.periods
        .iter()
        .map(|f| (figures(f), f.fte.fte, f.fte.months))
        .collect()
}

/// Asserts every invariant of the computation on `s`, for every granularity.
pub fn assert_invariants(s: &Scenario) {
    let projections: Vec<Projection> = ALL
        .iter()
        .map(|by| engine::project(s, *by).unwrap())
        .collect();
    for p in &projections {
        let by = p.by;
        // The periods add up to the total, and cover the window.
        let summed = p.periods.iter().map(figures).reduce(add).expect("a period");
        assert_eq!(summed, figures(&p.total), "{} by {by}", s.name);
        let fte: (i128, i128) = p
            .periods
            .iter()
            .fold((0, 0), |(a, b), f| (a + f.fte.fte, b + f.fte.months));
        assert_eq!(
            fte,
            (p.total.fte.fte, p.total.fte.months),
            "{} by {by}",
            s.name
        );
        assert_eq!(p.periods.first().unwrap().period.start, s.window.from);
        assert_eq!(p.periods.last().unwrap().period.end, s.window.to);
        let mut running = vec![Amount::ZERO; s.funders.len()];
        for f in p.periods.iter().chain([&p.total]) {
            // The funders add up to the cost, and their funding to the funding entries.
            let by_funder: Amount = f.cost_by_funder.iter().copied().sum();
            assert_eq!(by_funder, f.cost(), "{} by {by}", s.name);
            let funding: Amount = f.funding_by_funder.iter().copied().sum();
            assert_eq!(
                funding,
                f.funding.iter().copied().sum(),
                "{} by {by}",
                s.name
            );
        }
        // Cumulative balances add up the balances.
        for f in &p.periods {
            for (r, b) in running.iter_mut().zip(f.balance_by_funder()) {
                *r += b;
            }
            assert_eq!(running, f.cumulative_by_funder, "{} by {by}", s.name);
        }
        let total: Vec<Amount> = p.total.balance_by_funder().collect();
        assert_eq!(total, p.total.cumulative_by_funder, "{} by {by}", s.name);
    }
    // Months add up to half-years, half-years to years, months to years.
    let [months, halves, years, _] = &projections[..] else {
        unreachable!()
    };
    assert_eq!(regroup(months, halves), exact(halves), "{}", s.name);
    assert_eq!(regroup(halves, years), exact(years), "{}", s.name);
    assert_eq!(regroup(months, years), exact(years), "{}", s.name);
}

#[test]
fn every_shipped_scenario_and_fixture_holds_the_invariants() {
    let mut files = toml_files("scenarios");
    files.extend(toml_files("tests/fixtures"));
    let scenarios = load_all(files);
    assert!(scenarios.len() >= 7);
    for s in &scenarios {
        assert_invariants(s);
    }
}

#[test]
fn the_wide_path_gives_the_fast_paths_projection_for_every_shipped_scenario_and_fixture() {
    // The wide path (for scenarios too fine for one 128-bit scale) projects groups of entries
    // and adds them up in arbitrary precision; with every entry a group of its own, on
    // scenarios the fast path computes, it must give the very same projection: the same
    // scale, every figure equal, in current and fixed prices.
    let mut files = toml_files("scenarios");
    files.extend(toml_files("tests/fixtures"));
    files.extend(toml_files("tests/cases"));
    let mut checked = 0;
    for s in &load_all(files) {
        for by in ALL {
            for prices in [engine::Prices::Current, engine::Prices::Fixed] {
                let fast = engine::project_in(s, by, prices).unwrap();
                for most in [1, 2, usize::MAX] {
                    let wide = engine::project_wide(&[s], by, prices, most).unwrap();
                    assert_eq!(
                        wide,
                        std::slice::from_ref(&fast),
                        "{} by {by:?}, groups of {most}",
                        s.name
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 7 * 4 * 2 * 3, "{checked}");
}

#[test]
fn whole_months_are_exact_in_the_shipped_scenarios() {
    // 800,000 kr. a year for six whole months is exactly 400,000.00.
    let mut checked = 0;
    for s in &load_all(toml_files("scenarios")) {
        // In the base year's prices: an indexed scenario's rises do not count here.
        let p = engine::project_in(s, By::HalfYear, engine::Prices::Fixed).unwrap();
        for (i, post) in s.posts.iter().enumerate() {
            for f in &p.periods {
                let covers_half =
                    post.range.from <= f.period.start && f.period.end <= post.range.to;
                if covers_half && f.period.months.len() == 6 {
                    let expected = post.annual_cost() / Rational::from_integer(2);
                    assert_eq!(
                        p.scale.exact(f.items.get(i)),
                        expected,
                        "{} {}",
                        s.name,
                        post.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 40);
}
