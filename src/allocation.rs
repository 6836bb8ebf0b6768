//! Who really pays: each funder's cost carried to the parties that bear it, by exact shares.
//!
//! A funder that is a group (`members = "population-2020"`) is split among its members by the
//! key's weights, and a member that is itself a group is split again. Looking through
//! (`--look-through`), a funder whose money is raised from its members (`raised_by`, as BRN's
//! from the municipalities and the region) passes its cost on to them as well, so every krone
//! ends with a party that pays it. Shares are exact fractions (in arbitrary precision, as fine
//! weights need); rounding to whole kroner or øre happens when figures are shown, the parties'
//! table as a whole (`report::shown`).

use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::{BigRational, Ratio};
use num_traits::{One, Zero};

use crate::engine::ComputeError;
use crate::model::Scenario;
use crate::num::{Rational, product};

/// How far costs are carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Groups are split among their members; funders stay who they are.
    ByMember,
    /// Also through funders whose money is raised from members, to the ultimate payers.
    LookThrough,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::ByMember => "by-member",
            Mode::LookThrough => "look-through",
        }
    }
}

/// A party that bears cost: a funder that is not split further, or a member of a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub name: String,
}

/// For each funder of a scenario, the parties its cost goes to and their exact shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub mode: Mode,
    /// In the order they are first met: funders in order, each key's members in order.
    pub parties: Vec<Party>,
    /// By funder: (party index, share), the shares adding up to exactly 1; in arbitrary
    /// precision, as nested keys of fine weights need.
    pub shares: Vec<Vec<(usize, BigRational)>>,
    /// How amounts are shared out on the scenario's scale.
    pub way: Way,
    /// The key whose shares made their common denominator what it is, for messages.
    pub finest: Option<usize>,
}

/// How amounts are shared out among the parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Way {
    /// In 128 bits, exactly: the shares as [`Rational`]s, by funder as
    /// [`Allocation::shares`]. Every amount, sum and rounding of the parties' table fits.
    Exact(Vec<Vec<(usize, Rational)>>),
    /// In arbitrary precision, each party's amount then written in whole `1/q` krone
    /// (`fine_scale`: a multiple of the scale and of the simpler shares' denominators times
    /// a power of two as large as the rounding takes, past 10^20 for ordinary amounts), and
    /// checked to show as the exact amount does ([`shows_as`]) wherever it is shown.
    Fine(i128),
}

/// How deep groups may nest (the loader refuses cycles; this only guards the recursion).
const MAX_DEPTH: usize = 32;

/// The shares of an allocation are shared out in øre by exact rational arithmetic on 128 bits
/// (the rounding of the parties' table): sums of amounts of up to `n` øre over denominators
/// up to `L` (the least common multiple of every share's denominator) stay below
/// `SLACK × n × L`, and the rounding scales fractions by 2^25.
const SLACK: i128 = 8;
/// The largest common denominator of the shares the rounding takes exactly.
const MAX_DENOMINATOR: i128 = 1 << 100;

/// The parties of `s` and their shares of each funder's cost, and how amounts on `scale` are
/// shared out: exactly in 128 bits where every figure fits, else in arbitrary precision.
pub fn allocate(
    s: &Scenario,
    mode: Mode,
    scale: crate::engine::Scale,
) -> Result<Allocation, ComputeError> {
    let mut parties: Vec<Party> = Vec::new();
    let mut shares = Vec::new();
    let mut lcm = Denominators {
        common: BigInt::one(),
        finest: None,
    };
    for f in &s.funders {
        let mut out: Vec<(usize, BigRational)> = Vec::new();
        let mut at: HashMap<usize, usize> = HashMap::new();
        expand(
            s,
            mode,
            &f.id,
            f.members,
            BigRational::one(),
            (0, None),
            &mut parties,
            (&mut out, &mut at),
            &mut lcm,
        )?;
        shares.push(out);
    }
    let bound = crate::engine::Scale::kroner_bound(s);
    let way = match exact_way(&shares, &lcm.common, bound, scale) {
        Some(exact) => Way::Exact(exact),
        None => Way::Fine(
            fine_scale(&shares, bound, scale).ok_or_else(|| too_fine(s, lcm.finest, TOO_FINE))?,
        ),
    };
    Ok(Allocation {
        mode,
        parties,
        shares,
        way,
        finest: lcm.finest,
    })
}

/// The `q` of [`Way::Fine`]: a multiple of the scale's units per krone (so that every cost
/// is a whole number of `1/q`), of as many of the shares' denominators as fit, smallest first
/// (so that simple shares are shared out exactly), and of the largest power of two that then
/// fits: the finest scale the parties' table can be summed and rounded on.
fn fine_scale(
    shares: &[Vec<(usize, BigRational)>],
    bound: Option<i128>,
    scale: crate::engine::Scale,
) -> Option<i128> {
    let mut q = scale.units_per_krone();
    if !fits(bound, q) {
        return None;
    }
    let mut denominators: Vec<i128> = (shares.iter().flatten())
        .filter_map(|(_, r)| i128::try_from(r.denom()).ok())
        .collect();
    denominators.sort_unstable();
    denominators.dedup();
    for d in denominators {
        match q.checked_mul(d / q.gcd(&d)) {
            Some(finer) if fits(bound, finer) => q = finer,
            _ => break,
        }
    }
    while let Some(finer) = q.checked_mul(2).filter(|&f| fits(bound, f)) {
        q = finer;
    }
    Some(q)
}

/// Whether the amounts of the parties' table, all multiples of `1/common` krone and at most
/// the scenario's bound, can be summed and rounded in 128 bits.
fn fits(bound: Option<i128>, common: i128) -> bool {
    let sums = bound
        .and_then(|kr| kr.checked_mul(100 * SLACK))
        .and_then(|x| x.checked_mul(common));
    // The rounding weighs fractions: the denominator itself scaled by 2^25 and øre.
    let weighed = common.checked_mul(100 << 26);
    sums.is_some() && weighed.is_some()
}

/// The shares as 128-bit fractions, where they and every amount shared out on `scale` fit:
/// exact costs have denominators that divide its units per krone, shares ones that divide
/// `common`, so every amount and sum of the parties' table is a fraction over their product.
fn exact_way(
    shares: &[Vec<(usize, BigRational)>],
    common: &BigInt,
    bound: Option<i128>,
    scale: crate::engine::Scale,
) -> Option<Vec<Vec<(usize, Rational)>>> {
    let common = i128::try_from(common).ok()?;
    let product = scale.units_per_krone().checked_mul(common)?;
    if common > MAX_DENOMINATOR || !fits(bound, product) {
        return None;
    }
    shares
        .iter()
        .map(|of| {
            of.iter()
                .map(|(p, r)| {
                    let n = i128::try_from(r.numer()).ok()?;
                    let d = i128::try_from(r.denom()).ok()?;
                    Some((*p, Ratio::new_raw(n, d)))
                })
                .collect()
        })
        .collect()
}

/// Each party's cost per period, shared out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// Parties × periods: exact where the allocation's way is [`Way::Exact`], else in whole
    /// `1/q` krone, each within one of them of the exact amount (`on_scale`).
    pub cells: Vec<Vec<Rational>>,
    /// Parties × periods, exact, where `cells` are not: to check what they show.
    pub exact: Option<Vec<Vec<BigRational>>>,
}

impl Allocation {
    /// Each party's cost per period: every funder's cost (`cost`, funders × periods, exact
    /// kroner) shared among its parties.
    pub fn share_out(&self, cost: &[Vec<Rational>]) -> Shared {
        let periods = cost.first().map_or(0, Vec::len);
        let zero = || vec![vec![Rational::from_integer(0); periods]; self.parties.len()];
        match &self.way {
            Way::Exact(shares) => {
                let mut cells = zero();
                for (f, shares) in shares.iter().enumerate() {
                    for (j, c) in cost[f].iter().enumerate() {
                        for (party, share) in shares {
                            cells[*party][j] += product(*c, *share);
                        }
                    }
                }
                Shared { cells, exact: None }
            }
            Way::Fine(q) => {
                let mut exact = vec![vec![BigRational::zero(); periods]; self.parties.len()];
                for (f, shares) in self.shares.iter().enumerate() {
                    for (j, c) in cost[f].iter().enumerate() {
                        let c = big(c);
                        for (party, share) in shares {
                            exact[*party][j] += &c * share;
                        }
                    }
                }
                let cells = on_scale(&exact, *q);
                Shared {
                    cells,
                    exact: Some(exact),
                }
            }
        }
    }

    /// The error when the parties' amounts cannot be shown exactly: it names the key whose
    /// shares are the finest.
    pub fn too_fine(&self, s: &Scenario) -> ComputeError {
        too_fine(s, self.finest, TOO_FINE)
    }
}

/// `exact` (parties × periods) written in whole `1/q` krone: each amount exactly where it is
/// a whole number of them, else rounded down or up so that every period's sum stays exact
/// (the largest remainders up), a multiple of `1/q` as every cost is.
fn on_scale(exact: &[Vec<BigRational>], q: i128) -> Vec<Vec<Rational>> {
    let big_q = BigRational::from_integer(q.into());
    let periods = exact.first().map_or(0, Vec::len);
    // In units of 1/q: the whole part, and the remainder where there is one.
    let mut whole = vec![vec![0i128; periods]; exact.len()];
    for j in 0..periods {
        let mut rest = Vec::new();
        let mut sum = BigRational::zero();
        let mut floors = 0i128;
        for (p, row) in exact.iter().enumerate() {
            let units = &row[j] * &big_q;
            let floor = units.floor();
            // Within the bound `fits` checked, as every amount of the scenario is (were it not,
            // the figure would be wrong and `shows_as` would say so).
            whole[p][j] = i128::try_from(floor.to_integer()).unwrap_or_default();
            floors += whole[p][j];
            sum += &units;
            if !units.is_integer() {
                rest.push((units - floor, p));
            }
        }
        // The period's sum is a whole number of units: so many remainders go up.
        let up = i128::try_from(sum.to_integer()).unwrap_or_default() - floors;
        rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, p) in rest.iter().take(usize::try_from(up).unwrap_or_default()) {
            whole[*p][j] += 1;
        }
    }
    whole
        .into_iter()
        .map(|row| row.into_iter().map(|n| crate::num::ratio(n, q)).collect())
        .collect()
}

/// `r` in arbitrary precision.
pub fn big(r: &Rational) -> BigRational {
    BigRational::new_raw(BigInt::from(*r.numer()), BigInt::from(*r.denom()))
}

/// Whether `cells` show as `exact` (both parties × periods): every cell, every row's and
/// column's sum and the sum of all, rounded down, up or to the nearest krone or øre, is the
/// same figure. A figure written in whole `1/q` krone differs from the exact one only where the
/// exact one lies within a few `1/q` of a rounding's boundary.
pub fn shows_as(exact: &[Vec<BigRational>], cells: &[Vec<Rational>]) -> bool {
    let same = |x: &BigRational, y: BigRational| {
        [BigInt::one(), BigInt::from(100)].iter().all(|per| {
            let (x, y) = (x * per, &y * per);
            let half = |v: &BigRational| (v - v.floor()).cmp(&BigRational::new(1.into(), 2.into()));
            x.floor() == y.floor() && x.is_integer() == y.is_integer() && half(&x) == half(&y)
        })
    };
    let periods = exact.first().map_or(0, Vec::len);
    let mut columns = (
        vec![BigRational::zero(); periods],
        vec![Rational::from_integer(0); periods],
    );
    let mut all = (BigRational::zero(), Rational::from_integer(0));
    for (xs, ys) in exact.iter().zip(cells) {
        let mut row = (BigRational::zero(), Rational::from_integer(0));
        for (j, (x, y)) in xs.iter().zip(ys).enumerate() {
            if !same(x, big(y)) {
                return false;
            }
            row.0 += x;
            row.1 += y;
            columns.0[j] += x;
            columns.1[j] += y;
        }
        if !same(&row.0, big(&row.1)) {
            return false;
        }
        all.0 += row.0;
        all.1 += row.1;
    }
    columns
        .0
        .iter()
        .zip(&columns.1)
        .all(|(x, y)| same(x, big(y)))
        && same(&all.0, big(&all.1))
}

const TOO_FINE: &str = "its members' shares are fractions too fine to share the cost out exactly";

/// The common denominator of the shares so far.
struct Denominators {
    common: BigInt,
    /// The key of the last share that made `common` larger.
    finest: Option<usize>,
}

impl Denominators {
    /// Takes in `share`'s denominator.
    fn take(&mut self, share: &BigRational, key: Option<usize>) {
        let common = self.common.lcm(share.denom());
        if common > self.common {
            self.finest = key.or(self.finest);
            self.common = common;
        }
    }
}

/// The error for key `k` of `s`, or for the scenario where no key is to blame.
fn too_fine(s: &Scenario, k: Option<usize>, what: &str) -> ComputeError {
    let Some(k) = k else {
        return ComputeError::TooFine {
            file: s.file.display().to_string(),
        };
    };
    let key = &s.keys[k];
    ComputeError::Key {
        at: key
            .at
            .clone()
            .unwrap_or_else(|| s.file.display().to_string()),
        key: key.id.clone(),
        what: what.to_string(),
    }
}

/// Adds to `out` the leaves `share` of party `id` goes to (`at`: where each party is in
/// `out`); `depth` counts the keys passed through, the last of them the key of `share`.
#[allow(clippy::too_many_arguments)]
fn expand(
    s: &Scenario,
    mode: Mode,
    id: &str,
    group: Option<usize>,
    share: BigRational,
    (depth, via): (usize, Option<usize>),
    parties: &mut Vec<Party>,
    (out, at): (&mut Vec<(usize, BigRational)>, &mut HashMap<usize, usize>),
    lcm: &mut Denominators,
) -> Result<(), ComputeError> {
    if depth > MAX_DEPTH {
        return Err(too_fine(s, via, "its groups nest more than 32 deep"));
    }
    let funder = s.funders.iter().find(|f| f.id == id);
    let through = match mode {
        Mode::LookThrough => funder.and_then(|f| f.raised_by),
        Mode::ByMember => None,
    };
    let Some(k) = through.or(group).or(funder.and_then(|f| f.members)) else {
        // A leaf: it pays.
        let index = match parties.iter().position(|p| p.id == id) {
            Some(i) => i,
            None => {
                let name = funder.map_or_else(
                    || member_name(s, id).unwrap_or_else(|| id.to_string()),
                    |f| f.name.clone(),
                );
                parties.push(Party {
                    id: id.to_string(),
                    name,
                });
                parties.len() - 1
            }
        };
        lcm.take(&share, via);
        match at.get(&index) {
            Some(&i) => {
                out[i].1 += share;
                lcm.take(&out[i].1, via);
            }
            None => {
                at.insert(index, out.len());
                out.push((index, share));
            }
        }
        return Ok(());
    };
    let key = &s.keys[k];
    let total: BigRational = key.members.iter().map(|m| big(&m.weight)).sum();
    for m in &key.members {
        let part = &share * big(&m.weight) / &total;
        expand(
            s,
            mode,
            &m.id,
            m.group,
            part,
            (depth + 1, Some(k)),
            parties,
            (&mut *out, &mut *at),
            lcm,
        )?;
    }
    Ok(())
}

fn member_name(s: &Scenario, id: &str) -> Option<String> {
    s.keys
        .iter()
        .flat_map(|k| k.members.iter())
        .find(|m| m.id == id)
        .map(|m| m.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;
    use num_traits::Signed;
    use std::path::Path;

    const SCENARIO: &str = r#"
[scenario]
name = "t"
start = 2024-01-01
end = 2024-12-31

[funders.brn]
raised_by = "brn-contributions"
[funders.municipalities]
members = "population"
[funders.region]
note = "pays through BRN"

[[costs]]
id = "x"
annual = 1
paid_by = "brn"

[keys.population.members]
a = { weight = 3 }
b = { weight = 1 }

[keys.brn-contributions]
per = "population"
[keys.brn-contributions.members]
municipalities = { rate = 15, members = "population" }
region = { rate = 9 }
"#;

    fn scenario(text: &str) -> Scenario {
        load_str(Path::new("t.toml"), text.to_string())
            .unwrap()
            .scenario
    }

    fn allocated(s: &Scenario, mode: Mode) -> Allocation {
        let scale =
            crate::engine::Scale::for_scenarios(&[s], crate::engine::Prices::Current).unwrap();
        allocate(s, mode, scale).unwrap()
    }

    fn r(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn looking_through_brn_reaches_every_municipality_and_the_region() {
        let a = allocated(&scenario(SCENARIO), Mode::LookThrough);
        let ids: Vec<&str> = a.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "region"]);
        // BRN: 15/24 to the municipalities, by population 3:1; 9/24 to the region.
        assert_eq!(a.shares[0], [(0, r(45, 96)), (1, r(15, 96)), (2, r(9, 24))]);
        assert_eq!(a.shares[1], [(0, r(3, 4)), (1, r(1, 4))]);
        assert_eq!(a.shares[2], [(2, r(1, 1))]);
        for shares in &a.shares {
            assert_eq!(shares.iter().map(|(_, r)| r).sum::<BigRational>(), r(1, 1));
        }
        // Ordinary shares are shared out in 128 bits, the same fractions.
        let Way::Exact(exact) = &a.way else {
            panic!("{:?}", a.way)
        };
        assert_eq!(exact[0][1], (1, Ratio::new(15, 96)));
    }

    #[test]
    fn by_member_splits_only_the_groups() {
        let a = allocated(&scenario(SCENARIO), Mode::ByMember);
        let ids: Vec<&str> = a.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["brn", "a", "b", "region"]);
        assert_eq!(a.shares[0], [(0, r(1, 1))]);
    }

    #[test]
    fn shares_too_fine_for_128_bits_are_shared_out_on_a_fine_scale_that_shows_as_exact() {
        // Seven members weighted 1/p for primes near 10^6: the shares' common denominator
        // is about 10^42.
        let primes = [
            999_863, 999_883, 999_907, 999_917, 999_931, 999_953, 999_959,
        ];
        let members: String = primes
            .iter()
            .map(|p| format!("m{p} = {{ weight = \"1/{p}\" }}\n"))
            .collect();
        let s = scenario(&format!(
            "[scenario]\nname = \"t\"\nstart = 2024-01-01\nend = 2024-12-31\n\n\
             [funders.group]\nmembers = \"primes\"\n\n\
             [[costs]]\nid = \"x\"\nannual = 1200000\npaid_by = \"group\"\n\n\
             [keys.primes.members]\n{members}"
        ));
        let a = allocated(&s, Mode::ByMember);
        let Way::Fine(q) = a.way else {
            panic!("{:?}", a.way)
        };
        assert!(q >= 1 << 60, "{q}");
        let cost = vec![vec![Ratio::from_integer(100_000), Ratio::new(1_000_001, 3)]];
        let shared = a.share_out(&cost);
        let exact = shared.exact.as_ref().unwrap();
        // Each share is (1/p) / Σ 1/p; each cell is the cost times it, within 1/q.
        let total: BigRational = primes.iter().map(|p| r(1, *p)).sum();
        for (i, p) in primes.iter().enumerate() {
            let share = r(1, *p) / &total;
            assert_eq!(exact[i][0], &share * r(100_000, 1));
            let off = (big(&shared.cells[i][1]) - &exact[i][1]).abs();
            assert!(off * BigRational::from_integer(q.into()) <= r(1, 2));
        }
        assert!(shows_as(exact, &shared.cells));
        // A cell an øre off does not.
        let mut cells = shared.cells.clone();
        let sum: BigRational = exact.iter().map(|row| row[0].clone()).sum();
        assert_eq!(sum, r(100_000, 1));
        cells[0][0] += Ratio::new(1, 100);
        assert!(!shows_as(exact, &cells));
    }
}
