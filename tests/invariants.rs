//! The invariants of the computation, on every shipped scenario and fixture, for every
//! granularity: periods add up to the total; months to half-years to years; funders to the
//! cost; cumulative balances to the sum of balances.

use klimabudget::engine::{self, Amount, Figures, Projection};
use klimabudget::load;
use klimabudget::model::{Rational, Scenario};
use klimabudget::period::By;

use crate::common::toml_files;

const ALL: [By; 4] = [By::Month, By::HalfYear, By::Year, By::Total];

fn load_all(files: Vec<std::path::PathBuf>) -> Vec<Scenario> {
    files
        .iter()
        .map(|f| match load::load_file(f) {
            Ok(l) => l.scenario,
            Err(d) => panic!("{d}"),
        })
        .collect()
}

fn shipped() -> Vec<Scenario> {
    load_all(toml_files("scenarios"))
}

fn scenarios() -> Vec<Scenario> {
    let mut files = toml_files("scenarios");
    files.extend(toml_files("tests/fixtures"));
    load_all(files)
}

fn sum<T: Copy + std::iter::Sum<T>>(xs: impl Iterator<Item = T>) -> T {
    xs.sum()
}

/// Every money figure of a period: cost, items, funding entries, by funder.
fn figures(f: &Figures) -> Vec<Amount> {
    let mut v = vec![f.cost()];
    v.extend(&f.items);
    v.extend(&f.funding);
    v.extend(&f.cost_by_funder);
    v.extend(&f.funding_by_funder);
    v
}

fn add(a: Vec<Amount>, b: Vec<Amount>) -> Vec<Amount> {
    a.into_iter().zip(b).map(|(x, y)| x + y).collect()
}

#[test]
fn periods_add_up_to_the_total() {
    for s in scenarios() {
        for by in ALL {
            let p = engine::project(&s, by).unwrap();
            let summed = p.periods.iter().map(figures).reduce(add).expect("a period");
            assert_eq!(summed, figures(&p.total), "{} by {by}", s.name);
            let fte = p
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
        }
    }
}

#[test]
fn funders_add_up_to_the_cost() {
    for s in scenarios() {
        for by in ALL {
            let p = engine::project(&s, by).unwrap();
            for f in p.periods.iter().chain([&p.total]) {
                assert_eq!(
                    sum(f.cost_by_funder.iter().copied()),
                    f.cost(),
                    "{} by {by}",
                    s.name
                );
                assert_eq!(
                    sum(f.funding_by_funder.iter().copied()),
                    sum(f.funding.iter().copied()),
                    "{} by {by}",
                    s.name
                );
            }
        }
    }
}

#[test]
fn cumulative_balances_add_up_the_balances() {
    for s in scenarios() {
        for by in ALL {
            let p = engine::project(&s, by).unwrap();
            let mut running = vec![Amount::ZERO; s.funders.len()];
            for f in &p.periods {
                for (r, b) in running.iter_mut().zip(f.balance_by_funder()) {
                    *r += b;
                }
                assert_eq!(running, f.cumulative_by_funder, "{} by {by}", s.name);
            }
            let total: Vec<Amount> = p.total.balance_by_funder().collect();
            assert_eq!(total, p.total.cumulative_by_funder, "{} by {by}", s.name);
        }
    }
}

/// Groups the periods of `fine` into those of `coarse` by date, summing their figures.
fn regroup(fine: &Projection, coarse: &Projection) -> Vec<Vec<Amount>> {
    coarse
        .periods
        .iter()
        .map(|c| {
            fine.periods
                .iter()
                .filter(|f| c.period.start <= f.period.start && f.period.end <= c.period.end)
                .map(figures)
                .reduce(add)
                .expect("a fine period inside each coarse one")
        })
        .collect()
}

#[test]
fn months_add_up_to_half_years_add_up_to_years() {
    for s in scenarios() {
        let months = engine::project(&s, By::Month).unwrap();
        let halves = engine::project(&s, By::HalfYear).unwrap();
        let years = engine::project(&s, By::Year).unwrap();
        let exact =
            |p: &Projection| -> Vec<Vec<Amount>> { p.periods.iter().map(figures).collect() };
        assert_eq!(regroup(&months, &halves), exact(&halves), "{}", s.name);
        assert_eq!(regroup(&halves, &years), exact(&years), "{}", s.name);
        assert_eq!(regroup(&months, &years), exact(&years), "{}", s.name);
        // FTE averages regroup by their weights too.
        for y in &years.periods {
            let (fte, w) = months
                .periods
                .iter()
                .filter(|m| y.period.start <= m.period.start && m.period.end <= y.period.end)
                .fold((0, 0), |(a, b), m| (a + m.fte.fte, b + m.fte.months));
            assert_eq!(Rational::new(fte, w), y.fte.average(), "{}", s.name);
        }
    }
}

#[test]
fn whole_months_are_exact_in_the_shipped_scenarios() {
    // 800,000 kr. a year for six whole months is exactly 400,000.00.
    for s in &shipped() {
        let p = engine::project(s, By::HalfYear).unwrap();
        for (i, post) in s.posts.iter().enumerate() {
            for f in &p.periods {
                let covers_half =
                    post.range.from <= f.period.start && f.period.end <= post.range.to;
                if covers_half && f.period.months.len() == 6 {
                    let expected = post.annual_cost() / Rational::from_integer(2);
                    assert_eq!(
                        p.scale.exact(f.items[i]),
                        expected,
                        "{} {}",
                        s.name,
                        post.id
                    );
                }
            }
        }
    }
}
