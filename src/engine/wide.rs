//! The wide path: a scenario whose fractions are too fine, or whose amounts too large, for one
//! 128-bit scale ([`Scale::for_scenarios`] refuses it) is still computed exactly.
//!
//! Its entries are split into groups that each fit a scale of their own (halving until they
//! do), each group is projected by the same code as any scenario, and the groups' figures are
//! added up as arbitrary-precision rationals (`num-bigint`): a projection is linear in its
//! entries, so the sums are the scenario's figures. They are then written on the smallest
//! scale on which every figure of the scenarios is a whole number of units, the scale the rest
//! of the crate computes with, checked against the same bounds as a scale of the fast path.
//! So only two things remain refused, with a message: an entry too fine or too large on its
//! own (named, with its place), and figures that together need more than 128 bits even on
//! the smallest scale.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{
    Amount, ComputeError, Figures, FteSum, Items, LIMIT, MAX_KRONER, Prices, Projection, Scale,
    files, project_on,
};
use crate::model::Scenario;
use crate::period::{By, Calendar, Period};

/// An entry of a scenario, by its list and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Post(usize),
    Cost(usize),
    Funding(usize),
}

/// `scenarios` projected by `by` on one common scale, by the wide path.
/// Groups hold at most `most` entries (the tests make every entry a group of its own).
pub(super) fn project(
    scenarios: &[&Scenario],
    by: By,
    prices: Prices,
    most: usize,
) -> Result<Vec<Projection>, ComputeError> {
    let exact: Vec<Exact> = scenarios
        .iter()
        .map(|s| Exact::of(s, by, prices, most))
        .collect::<Result<_, _>>()?;
    let common = exact
        .iter()
        .map(Exact::denominator)
        .fold(BigInt::one(), |d, x| num_integer::Integer::lcm(&d, &x));
    // Each scenario's own scale too where it has one, so that its figures can be traced on
    // this scale as they are computed ([`super::trace`]); else the smallest.
    let own = scenarios
        .iter()
        .filter_map(|s| Scale::for_scenarios(&[s], prices).ok())
        .fold(common.clone(), |d, s| {
            num_integer::Integer::lcm(&d, &BigInt::from(s.0))
        });
    let file = || files(scenarios);
    // Too large if the amounts alone are past what a figure may be; else too fine.
    let refused = || {
        if exact.iter().all(|e| e.fits(&BigInt::one())) {
            ComputeError::TooFine { file: file() }
        } else {
            ComputeError::TooLarge { file: file() }
        }
    };
    let scale = [own, common]
        .into_iter()
        .find(|d| exact.iter().all(|e| e.fits(d)))
        .and_then(|d| d.to_i128())
        .ok_or_else(refused)?;
    exact
        .into_iter()
        .map(|e| e.on(Scale(scale), by, prices))
        .collect::<Option<_>>()
        .ok_or_else(|| ComputeError::TooLarge { file: file() })
}

/// Every figure of one scenario, exactly: the few per period (FTE, funding, by funder) as
/// rational numbers of kroner; each item's, which no two groups share, as its group
/// projected it, so that memory stays that of the projections (a by-month report of many
/// posts holds millions of items).
struct Exact {
    periods: Vec<Cells>,
    total: Cells,
    groups: Vec<Group>,
    items: usize,
}

/// One group's projection, and where its items are among the scenario's.
struct Group {
    p: Projection,
    items: Vec<usize>,
    /// The least common multiple of its items' denominators (in lowest terms): a divisor of
    /// its scale.
    denominator: i128,
    /// Every item's size in every period, in kroner, rounded up.
    size: BigInt,
}

/// The figures of one period ([`Figures`]), exactly.
struct Cells {
    period: Period,
    /// FTE × months covered, and the months the window covers: an [`FteSum`]'s parts.
    fte: BigRational,
    months: BigRational,
    funding: Vec<BigRational>,
    cost_by_funder: Vec<BigRational>,
    funding_by_funder: Vec<BigRational>,
    cumulative_by_funder: Vec<BigRational>,
}

impl Exact {
    fn of(s: &Scenario, by: By, prices: Prices, most: usize) -> Result<Exact, ComputeError> {
        // The scenario without its entries: what every group shares (the window, the
        // funders, the indexation), which must fit on its own.
        let shell = Scenario {
            posts: Vec::new(),
            costs: Vec::new(),
            funding: Vec::new(),
            ..s.clone()
        };
        Scale::for_scenarios(&[&shell], prices)?;
        let mut entries: Vec<Entry> = (0..s.posts.len())
            .map(Entry::Post)
            .chain((0..s.costs.len()).map(Entry::Cost))
            .chain((0..s.funding.len()).map(Entry::Funding))
            .collect();
        // Entries with the same fractions side by side, so that halving keeps them together:
        // few groups, each of many entries (20,000 posts cycling through 15 prime FTEs made
        // thousands of groups of a few posts each, 5.6 s by month; sorted, about 1 s, where the
        // fast path takes 0.24 s for the same posts all at 1/7).
        entries.sort_by_cached_key(|e| fractions(s, *e));
        let mut groups = Vec::new();
        split(s, &shell, &entries, (prices, most), &mut groups)?;
        let calendar = Calendar::new(s.window);
        let cells = |period: Period| Cells {
            period,
            fte: BigRational::zero(),
            months: BigRational::zero(),
            funding: vec![BigRational::zero(); s.funding.len()],
            cost_by_funder: vec![BigRational::zero(); s.funders.len()],
            funding_by_funder: vec![BigRational::zero(); s.funders.len()],
            cumulative_by_funder: vec![BigRational::zero(); s.funders.len()],
        };
        let mut exact = Exact {
            periods: calendar.periods(by).into_iter().map(cells).collect(),
            total: cells(calendar.periods(By::Total).remove(0)),
            groups: Vec::with_capacity(groups.len()),
            items: s.item_count(),
        };
        for (group, sub, scale) in groups {
            let p = project_on(&sub, by, scale, prices)?;
            // Where the group's items and funding entries are in the scenario's lists.
            let mut items: Vec<usize> = Vec::new();
            let mut costs: Vec<usize> = Vec::new();
            let mut funding: Vec<usize> = Vec::new();
            for entry in group {
                match entry {
                    Entry::Post(i) => items.push(i),
                    Entry::Cost(j) => costs.push(s.posts.len() + j),
                    Entry::Funding(k) => funding.push(k),
                }
            }
            items.extend(costs);
            let at = Places {
                funding: &funding,
                scale,
            };
            for (cells, f) in exact.periods.iter_mut().zip(&p.periods) {
                cells.add(f, &at);
            }
            exact.total.add(&p.total, &at);
            exact.groups.push(Group::new(p, items));
        }
        Ok(exact)
    }

    /// The least common multiple of every figure's denominator (in lowest terms).
    fn denominator(&self) -> BigInt {
        let cells = self
            .periods
            .iter()
            .chain([&self.total])
            .flat_map(Cells::values)
            .map(|r| r.denom().clone());
        let items = self.groups.iter().map(|g| BigInt::from(g.denominator));
        cells
            .chain(items)
            .fold(BigInt::one(), |d, x| num_integer::Integer::lcm(&d, &x))
    }

    /// Whether every sum of this scenario's figures fits on scale `d` as the fast path's
    /// figures do: the sum of every flow's size in every period (and the months and
    /// FTE-months counted) within [`LIMIT`] units and [`MAX_KRONER`] kroner.
    fn fits(&self, d: &BigInt) -> bool {
        let t = &self.total;
        let kroner = self
            .periods
            .iter()
            .flat_map(|c| &c.funding)
            .map(BigRational::abs)
            .fold(BigRational::one() + &t.months + t.fte.abs(), |a, b| a + b)
            .ceil()
            .to_integer()
            + self.groups.iter().map(|g| &g.size).sum::<BigInt>();
        kroner <= BigInt::from(MAX_KRONER) && kroner * d <= BigInt::from(LIMIT)
    }

    /// The figures on `scale`, on which each is a whole number of units; `None` if one is not
    /// (the scale is made so that none is).
    fn on(self, scale: Scale, by: By, prices: Prices) -> Option<Projection> {
        let d = BigInt::from(scale.0);
        let units = |r: &BigRational| -> Option<i128> {
            let u = r * &d;
            u.is_integer().then(|| u.to_integer().to_i128()).flatten()
        };
        let amounts = |v: &[BigRational]| -> Option<Vec<Amount>> {
            v.iter().map(|r| units(r).map(Amount)).collect()
        };
        // An item as its group has it, on `scale`: `a / D` = `(a / g) / (D / g)` in lowest
        // terms, and `scale` is a multiple of `D / g`.
        let item = |g: &Group, a: Amount| -> Option<Amount> {
            let r = crate::num::ratio(a.0, g.p.scale.0);
            if scale.0 % r.denom() != 0 {
                return None;
            }
            r.numer().checked_mul(scale.0 / r.denom()).map(Amount)
        };
        let items = |k: Option<usize>| -> Option<Items> {
            let mut out = vec![Amount::ZERO; self.items];
            for g in &self.groups {
                let f = k.map_or(&g.p.total, |k| &g.p.periods[k]);
                for (i, &to) in g.items.iter().enumerate() {
                    out[to] = item(g, f.items.get(i))?;
                }
            }
            Some(out.into_iter().collect())
        };
        let figures = |(c, k): (Cells, Option<usize>)| -> Option<Figures> {
            Some(Figures {
                fte: FteSum {
                    fte: units(&c.fte)?,
                    months: units(&c.months)?,
                },
                items: items(k)?,
                funding: amounts(&c.funding)?,
                cost_by_funder: amounts(&c.cost_by_funder)?,
                funding_by_funder: amounts(&c.funding_by_funder)?,
                cumulative_by_funder: amounts(&c.cumulative_by_funder)?,
                period: c.period,
            })
        };
        Some(Projection {
            scale,
            by,
            prices,
            periods: self
                .periods
                .into_iter()
                .enumerate()
                .map(|(k, c)| figures((c, Some(k))))
                .collect::<Option<_>>()?,
            total: figures((self.total, None))?,
        })
    }
}

/// Where a group's figures go in its scenario's, and the group's scale.
struct Places<'a> {
    /// The scenario's funding index of each of the group's funding entries.
    funding: &'a [usize],
    scale: Scale,
}

impl Group {
    fn new(p: Projection, items: Vec<usize>) -> Group {
        let d = p.scale.0;
        let mut denominator = 1i128;
        for a in p
            .periods
            .iter()
            .chain([&p.total])
            .flat_map(|f| f.items.iter())
        {
            let lowest = *crate::num::ratio(a.0, d).denom();
            // Both divide `d`: their least common multiple does too.
            if denominator % lowest != 0 {
                denominator = num_integer::Integer::lcm(&denominator, &lowest);
            }
        }
        let units: BigInt = p
            .periods
            .iter()
            .flat_map(|f| f.items.iter())
            .map(|a| BigInt::from(a.0.unsigned_abs()))
            .sum();
        let size = num_integer::Integer::div_ceil(&units, &BigInt::from(d));
        Group {
            p,
            items,
            denominator,
            size,
        }
    }
}

impl Cells {
    /// Adds a group's figures of the same period.
    fn add(&mut self, f: &Figures, at: &Places) {
        let d = BigInt::from(at.scale.0);
        let q = |a: i128| BigRational::new(BigInt::from(a), d.clone());
        self.fte += q(f.fte.fte);
        // The months the window covers: the same in every group.
        self.months = q(f.fte.months);
        for (k, &to) in at.funding.iter().enumerate() {
            self.funding[to] += q(f.funding[k].0);
        }
        let sums = [
            (&mut self.cost_by_funder, &f.cost_by_funder),
            (&mut self.funding_by_funder, &f.funding_by_funder),
            (&mut self.cumulative_by_funder, &f.cumulative_by_funder),
        ];
        for (acc, xs) in sums {
            for (a, x) in acc.iter_mut().zip(xs) {
                *a += q(x.0);
            }
        }
    }

    fn values(&self) -> impl Iterator<Item = &BigRational> {
        [&self.fte, &self.months]
            .into_iter()
            .chain(&self.funding)
            .chain(&self.cost_by_funder)
            .chain(&self.funding_by_funder)
            .chain(&self.cumulative_by_funder)
    }
}

/// Splits `entries` into groups that each fit a scale of their own, halving where they do
/// not: time O(n log n) in the entries. Each group with the scenario of only its entries and
/// that scenario's scale. An entry that does not fit alone is refused by name.
fn split(
    s: &Scenario,
    shell: &Scenario,
    entries: &[Entry],
    (prices, most): (Prices, usize),
    out: &mut Vec<(Vec<Entry>, Scenario, Scale)>,
) -> Result<(), ComputeError> {
    if entries.len() <= most.max(1) {
        let sub = subset(s, shell, entries);
        if let Ok(scale) = Scale::for_scenarios(&[&sub], prices) {
            out.push((entries.to_vec(), sub, scale));
            return Ok(());
        }
    }
    match entries {
        [one] => Err(entry_error(s, *one)),
        _ => {
            let (a, b) = entries.split_at(entries.len() / 2);
            split(s, shell, a, (prices, most), out)?;
            split(s, shell, b, (prices, most), out)
        }
    }
}

/// The denominators of an entry's fractions (FTE, amount, shares), to sort entries by.
fn fractions(s: &Scenario, entry: Entry) -> Vec<i128> {
    let shares = |paid_by: &crate::model::PaidBy| -> Vec<i128> {
        paid_by
            .0
            .iter()
            .map(|(_, x)| *x.rational().denom())
            .collect()
    };
    let flow = |f: &crate::model::Flow| match f {
        crate::model::Flow::Annual { annual, .. } => *annual.rational().denom(),
        crate::model::Flow::OneOff { amount, .. } => *amount.rational().denom(),
    };
    match entry {
        Entry::Post(i) => {
            let post = &s.posts[i];
            let mut key = vec![*post.fte.rational().denom(), *post.annual_cost().denom()];
            key.extend(shares(&post.paid_by));
            key
        }
        Entry::Cost(j) => {
            let mut key = vec![flow(&s.costs[j].flow)];
            key.extend(shares(&s.costs[j].paid_by));
            key
        }
        Entry::Funding(k) => vec![flow(&s.funding[k].flow)],
    }
}

/// The scenario with only `entries`.
fn subset(s: &Scenario, shell: &Scenario, entries: &[Entry]) -> Scenario {
    let mut sub = shell.clone();
    for entry in entries {
        match *entry {
            Entry::Post(i) => sub.posts.push(s.posts[i].clone()),
            Entry::Cost(j) => sub.costs.push(s.costs[j].clone()),
            Entry::Funding(k) => sub.funding.push(s.funding[k].clone()),
        }
    }
    sub
}

/// The error for an entry that cannot be computed exactly even on its own.
fn entry_error(s: &Scenario, entry: Entry) -> ComputeError {
    let (list, id, span) = match entry {
        Entry::Post(i) => ("posts", &s.posts[i].id, &s.posts[i].span),
        Entry::Cost(j) => ("costs", &s.costs[j].id, &s.costs[j].span),
        Entry::Funding(k) => ("funding", &s.funding[k].id, &s.funding[k].span),
    };
    let written = span
        .as_ref()
        .and_then(|span| Some((s.files.get(span.file.0 as usize)?, span.range().start)));
    ComputeError::Entry {
        file: written.map_or(&s.file, |(f, _)| f).display().to_string(),
        offset: written.map(|(_, offset)| offset),
        list,
        id: id.clone(),
    }
}
