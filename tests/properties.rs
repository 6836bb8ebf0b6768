//! Property tests over generated valid scenarios: the invariants hold on any of them; money
//! scaled by k scales every figure by k; the order of entries changes nothing; splitting a post
//! in two changes no funder's figures. And loading arbitrary text never panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use klimabudget::engine::{self, Projection};
use klimabudget::model::{
    Cost, DateRange, Flow, Fte, Funder, Funding, Money, PaidBy, Post, Scenario, Share,
};
use klimabudget::num::Rational;
use klimabudget::period::By;
use num_bigint::BigInt;
use num_rational::{BigRational, Ratio};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::invariants::{ALL, assert_invariants};

/// Where in the window something happens: a fraction of the window, in thousandths.
type Place = u16;

#[derive(Debug, Clone)]
struct FlowSpec {
    /// In øre.
    ore: i64,
    one_off: bool,
    from: Place,
    to: Place,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub start: i64,
    pub days: i64,
    residual: Vec<bool>,
    posts: Vec<(FlowSpec, (i128, i128), Vec<u8>)>,
    costs: Vec<(FlowSpec, Vec<u8>)>,
    funding: Vec<(FlowSpec, usize)>,
}

fn flow_spec() -> impl Strategy<Value = FlowSpec> {
    (0i64..300_000_000, any::<bool>(), 0u16..=1000, 0u16..=1000).prop_map(|(ore, one_off, a, b)| {
        FlowSpec {
            ore,
            one_off,
            from: a.min(b),
            to: a.max(b),
        }
    })
}

/// Weights by funder (0 = does not pay), at least one non-zero.
fn payers(funders: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..4, funders).prop_map(|mut w| {
        if w.iter().all(|x| *x == 0) {
            w[0] = 1;
        }
        w
    })
}

pub fn spec() -> impl Strategy<Value = Spec> {
    (1usize..=4).prop_flat_map(|n| {
        (
            0i64..3000,
            0i64..1200,
            prop::collection::vec(any::<bool>(), n),
            prop::collection::vec((flow_spec(), (1i128..=12, 1i128..=6), payers(n)), 0..5),
            prop::collection::vec((flow_spec(), payers(n)), 0..4),
            prop::collection::vec((flow_spec(), 0..n), 0..4),
        )
            .prop_map(|(start, days, residual, posts, costs, funding)| Spec {
                start,
                days,
                residual,
                posts,
                costs,
                funding,
            })
    })
}

fn day(n: i64) -> Date {
    date(2020, 1, 1)
        .checked_add(jiff::Span::new().days(n))
        .unwrap()
}

fn money(ore: i64) -> Money {
    Money::new(Decimal::new(ore, 2))
}

fn paid_by(weights: &[u8]) -> PaidBy {
    let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    PaidBy(
        weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0)
            .map(|(f, w)| (f, Share::new(Ratio::new(i128::from(*w), total))))
            .collect(),
    )
}

pub fn build(spec: &Spec) -> Scenario {
    let window = DateRange::new(day(spec.start), day(spec.start + spec.days));
    let at = |p: Place| day(spec.start + spec.days * i64::from(p) / 1000);
    let flow = |f: &FlowSpec| {
        if f.one_off {
            Flow::OneOff {
                amount: money(f.ore),
                date: at(f.from),
            }
        } else {
            Flow::Annual {
                annual: money(f.ore),
                range: DateRange::new(at(f.from), at(f.to)),
            }
        }
    };
    Scenario {
        file: PathBuf::from("generated.toml"),
        name: "generated".into(),
        short_name: None,
        description: None,
        note: None,
        source: None,
        window,
        funders: spec
            .residual
            .iter()
            .enumerate()
            .map(|(i, r)| Funder {
                id: format!("f{i}"),
                name: format!("Funder {i}"),
                residual: *r,
                note: None,
                source: None,
                span: None,
                members: None,
                raised_by: None,
            })
            .collect(),
        keys: Vec::new(),
        indexation: None,
        defaults: Default::default(),
        assumptions: Vec::new(),
        files: Vec::new(),
        posts: spec
            .posts
            .iter()
            .enumerate()
            .map(|(i, (f, (num, den), w))| Post {
                id: format!("p{i}"),
                title: format!("Post {i}"),
                employer: None,
                employer_default: false,
                fte: Fte::new(Ratio::new(*num, *den)),
                annual_cost_per_fte: money(f.ore),
                range: DateRange::new(at(f.from), at(f.to)),
                paid_by: paid_by(w),
                paid_by_default: false,
                note: None,
                source: None,
                span: None,
            })
            .collect(),
        costs: spec
            .costs
            .iter()
            .enumerate()
            .map(|(i, (f, w))| Cost {
                id: format!("c{i}"),
                name: format!("Cost {i}"),
                flow: flow(f),
                paid_by: paid_by(w),
                paid_by_default: false,
                note: None,
                source: None,
                span: None,
            })
            .collect(),
        funding: spec
            .funding
            .iter()
            .enumerate()
            .map(|(i, (f, funder))| Funding {
                id: format!("g{i}"),
                name: format!("Funding {i}"),
                funder: *funder,
                flow: flow(f),
                indexed: None,
                note: None,
                source: None,
                span: None,
            })
            .collect(),
    }
}

/// Every figure of a projection by name, exact: order-free, so two scenarios with the same
/// entries in another order compare equal.
fn named(s: &Scenario, p: &Projection) -> BTreeMap<String, Rational> {
    let mut out = BTreeMap::new();
    let items: Vec<&str> = s.item_ids().collect();
    for f in p.periods.iter().chain([&p.total]) {
        let label = f.period.label();
        out.insert(format!("{label} fte"), f.fte.average());
        out.insert(format!("{label} cost"), p.scale.exact(f.cost()));
        for (i, id) in items.iter().enumerate() {
            out.insert(format!("{label} item {id}"), p.scale.exact(f.items.get(i)));
        }
        for (i, funder) in s.funders.iter().enumerate() {
            let id = &funder.id;
            out.insert(
                format!("{label} cost {id}"),
                p.scale.exact(f.cost_by_funder[i]),
            );
            out.insert(
                format!("{label} funding {id}"),
                p.scale.exact(f.funding_by_funder[i]),
            );
            out.insert(
                format!("{label} cumulative {id}"),
                p.scale.exact(f.cumulative_by_funder[i]),
            );
        }
    }
    out
}

fn figures(s: &Scenario) -> Vec<BTreeMap<String, Rational>> {
    ALL.iter()
        .map(|by| named(s, &engine::project(s, *by).unwrap()))
        .collect()
}

/// The primes from 7 (so that the fractions are not decimals) to 199.
const PRIMES: [usize; 42] = [
    7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101,
    103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197,
];

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_invariants_hold_on_any_scenario(spec in spec()) {
        assert_invariants(&build(&spec));
    }

    #[test]
    fn money_times_k_makes_every_figure_times_k(spec in spec(), k in 1i64..=1000) {
        let s = build(&spec);
        let mut scaled = spec.clone();
        for (f, _, _) in &mut scaled.posts { f.ore *= k; }
        for (f, _) in &mut scaled.costs { f.ore *= k; }
        for (f, _) in &mut scaled.funding { f.ore *= k; }
        let k = Rational::from_integer(i128::from(k));
        for (a, b) in figures(&s).into_iter().zip(figures(&build(&scaled))) {
            for (name, value) in a {
                let expected = if name.ends_with(" fte") { value } else { value * k };
                prop_assert_eq!(b[&name], expected, "{}", name);
            }
        }
    }

    #[test]
    fn the_order_of_entries_changes_nothing(spec in spec(), rotate in 0usize..4) {
        let s = build(&spec);
        let mut r = s.clone();
        r.posts.reverse();
        r.costs.reverse();
        r.funding.reverse();
        // Funders in another order: every index that names one moves with it.
        let n = r.funders.len();
        let shift = rotate % n;
        r.funders.rotate_left(shift);
        let moved = |i: usize| (i + n - shift) % n;
        for pb in r.posts.iter_mut().map(|p| &mut p.paid_by).chain(r.costs.iter_mut().map(|c| &mut c.paid_by)) {
            for (f, _) in &mut pb.0 { *f = moved(*f); }
            pb.0.reverse();
        }
        for g in &mut r.funding { g.funder = moved(g.funder); }
        prop_assert_eq!(figures(&s), figures(&r));
    }

    #[test]
    fn splitting_a_post_in_two_changes_no_funder(spec in spec(), which in 0usize..5, part in 1i128..100) {
        let s = build(&spec);
        prop_assume!(!s.posts.is_empty());
        let mut split = s.clone();
        let i = which % s.posts.len();
        let post = split.posts.remove(i);
        let fte = post.fte.rational();
        let first = fte * Ratio::new(part, 100);
        for (n, f) in [first, fte - first].into_iter().enumerate() {
            split.posts.push(Post { id: format!("{}-{n}", post.id), fte: Fte::new(f), ..post.clone() });
        }
        let funders_only = |m: BTreeMap<String, Rational>| -> BTreeMap<String, Rational> {
            m.into_iter().filter(|(k, _)| !k.contains(" item ")).collect()
        };
        for (a, b) in figures(&s).into_iter().zip(figures(&split)) {
            prop_assert_eq!(funders_only(a), funders_only(b));
        }
    }

    #[test]
    fn the_wide_path_gives_the_fast_paths_projection(spec in spec(), most in 1usize..4) {
        // Groups of at most `most` entries added up in arbitrary precision: the same scale
        // and every figure the same as the fast path's, part months and shares included.
        let s = build(&spec);
        for by in ALL {
            let fast = engine::project(&s, by).unwrap();
            let wide = engine::project_wide(&[&s], by, engine::Prices::Current, most).unwrap();
            prop_assert_eq!(wide, vec![fast]);
        }
    }

    #[test]
    fn prime_fractions_too_fine_for_128_bits_are_exact_against_big_rationals(
        posts in prop::collection::vec((0..PRIMES.len(), 0..3usize, 1i64..200_000), 8..18),
        years in 1i16..6,
    ) {
        // Issue 11, finding 2: posts of FTE 1/p, each split 1/q : (q − 1)/q between two
        // funders, over whole years. From about 11 posts on, the fast path's 128-bit scale
        // cannot hold them; the wide path computes them, exactly what arbitrary-precision
        // arithmetic gives, in every year and in total; and it refuses exactly those whose
        // figures cannot be written in 128 bits on their smallest common scale.
        let mut text = format!(
            "[scenario]\nname = \"primes\"\nstart = 2023-01-01\nend = {}-12-31\n\n[funders.a]\n[funders.b]\n",
            2022 + years
        );
        let big = |n: i128, d: i128| BigRational::new(BigInt::from(n), BigInt::from(d));
        let (mut cost, mut a, mut b, mut fte) = (big(0, 1), big(0, 1), big(0, 1), big(0, 1));
        let mut items = Vec::new();
        for (i, (p, q, kr)) in posts.iter().enumerate() {
            let (p, q) = (PRIMES[*p] as i128, [2, 3, 7][*q]);
            text.push_str(&format!(
                "\n[[posts]]\nid = \"p{i}\"\nfte = \"1/{p}\"\nannual_cost_per_fte = {kr}\npaid_by = {{ a = \"1/{q}\", b = \"{}/{q}\" }}\n",
                q - 1
            ));
            let yearly = big(i128::from(*kr), p);
            a += &yearly * big(1, q);
            b += &yearly * big(q - 1, q);
            cost += &yearly;
            fte += big(1, p);
            items.push(yearly);
        }
        let s = klimabudget::load::load_str(Path::new("primes.toml"), text).unwrap().scenario;
        let n = big(i128::from(years), 1);
        // The smallest common scale of every figure, and the size of every flow in every
        // period with the months and FTE-months counted: what must fit in 128 bits.
        let every = [&cost, &a, &b, &fte].into_iter().chain(&items);
        let scale = every.fold(BigInt::from(1), |d, r| num_integer::Integer::lcm(&d, r.denom()));
        let months = big(12, 1) * &n;
        let size = (big(1, 1) + &months + &fte * &months + &cost * &n).ceil().to_integer();
        let fits = size * scale <= BigInt::from(i128::MAX / 16);
        let projected = engine::project(&s, By::Year);
        prop_assert_eq!(projected.is_ok(), fits, "{:?}", projected.as_ref().err());
        let Ok(p) = projected else {
            let too_fine = matches!(projected, Err(engine::ComputeError::TooFine { .. }));
            prop_assert!(too_fine, "{:?}", projected.err());
            return Ok(());
        };
        let exact = |r: Rational| big(*r.numer(), *r.denom());
        let total = [&cost * &n, &a * &n, &b * &n];
        let years = p.periods.iter().map(|f| (f, [cost.clone(), a.clone(), b.clone()]));
        for (f, [cost, a, b]) in years.chain([(&p.total, total)]) {
            prop_assert_eq!(exact(p.scale.exact(f.cost())), cost);
            prop_assert_eq!(exact(p.scale.exact(f.cost_by_funder[0])), a);
            prop_assert_eq!(exact(p.scale.exact(f.cost_by_funder[1])), b);
        }
    }

    #[test]
    fn loading_any_text_never_panics(text in ".{0,400}") {
        let _ = klimabudget::load::load_str(Path::new("any.toml"), text);
    }

    #[test]
    fn loading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = klimabudget::load::load_bytes(Path::new("any.toml"), bytes);
    }

    #[test]
    fn loading_scenario_like_text_never_panics(
        parts in prop::collection::vec(prop::sample::select(vec![
            "[scenario]\n", "name = \"x\"\n", "start = 2023-01-01\n", "end = 2023-12-31\n",
            "end = 2022-01-01\n", "[funders.a]\n", "[funders.b]\nresidual = true\n", "[[posts]]\n",
            "[[costs]]\n", "[[funding]]\n", "id = \"p\"\n", "id = \"q\"\n", "fte = \"1/3\"\n",
            "fte = 0\n", "annual_cost_per_fte = 800_000\n", "paid_by = \"a\"\n",
            "paid_by = { a = 0.5, b = \"1/2\" }\n", "paid_by = { a = 0.5 }\n", "annual = 1e5\n",
            "amount = \"860000.50\"\n", "date = 2023-07-01\n", "from = 2023-03-15\n",
            "to = 2023-02-01\n", "funder = \"a\"\n", "funder = \"z\"\n", "annual = -1\n",
            "x = [[[1]]]\n", "\u{feff}", "\r\n", "note = \"æøå\"\n",
        ]), 0..40),
    ) {
        let text: String = parts.concat();
        if let Ok(loaded) = klimabudget::load::load_str(Path::new("like.toml"), text) {
            for by in ALL {
                let _ = engine::project(&loaded.scenario, by);
            }
        }
    }
}
