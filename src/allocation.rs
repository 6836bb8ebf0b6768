//! Who really pays: each funder's cost carried to the parties that bear it, by exact shares.
//!
//! A funder that is a group (`members = "population-2020"`) is split among its members by the
//! key's weights, and a member that is itself a group is split again. Looking through
//! (`--look-through`), a funder whose money is raised from its members (`raised_by`, as BRN's
//! from the municipalities and the region) passes its cost on to them as well, so every krone
//! ends with a party that pays it. Shares are exact fractions; rounding to whole kroner happens
//! when figures are shown, the parties' table as a whole (`report::distribute`).

use num_rational::Ratio;
use num_traits::{CheckedAdd, CheckedDiv, CheckedMul};

use crate::engine::ComputeError;
use crate::model::Scenario;
use crate::num::Rational;

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
    /// By funder: (party index, share), the shares adding up to exactly 1.
    pub shares: Vec<Vec<(usize, Rational)>>,
    /// The least common multiple of the shares' denominators.
    pub denominator: i128,
    /// The key whose shares made `denominator` what it is, for messages.
    pub finest: Option<usize>,
}

/// How deep groups may nest (the loader refuses cycles; this only guards the recursion).
const MAX_DEPTH: usize = 32;

/// The shares of an allocation are shared out in øre by exact rational arithmetic on 128 bits
/// (`report::distribute` and the rounding of the parties' table): sums of amounts of up to
/// `n` øre over denominators up to `L` (the least common multiple of every share's
/// denominator) stay below `SLACK × n × L`, and the rounding scales fractions by 2^25.
const SLACK: i128 = 8;
/// The largest common denominator of the shares the rounding takes exactly.
const MAX_DENOMINATOR: i128 = 1 << 100;

pub fn allocate(s: &Scenario, mode: Mode) -> Result<Allocation, ComputeError> {
    let mut parties: Vec<Party> = Vec::new();
    let mut shares = Vec::new();
    // Every amount shared out is at most this many øre: the scenario's bound.
    let ore = crate::engine::Scale::kroner_bound(s)
        .and_then(|kr| kr.checked_mul(100))
        .unwrap_or(i128::MAX);
    let mut lcm = Denominators {
        ore,
        common: 1,
        finest: None,
    };
    for f in &s.funders {
        let mut out: Vec<(usize, Rational)> = Vec::new();
        expand(
            s,
            mode,
            &f.id,
            f.members,
            Ratio::from_integer(1),
            (0, None),
            &mut parties,
            &mut out,
            &mut lcm,
        )?;
        shares.push(out);
    }
    Ok(Allocation {
        mode,
        parties,
        shares,
        denominator: lcm.common,
        finest: lcm.finest,
    })
}

impl Allocation {
    /// Whether every party's cost can be computed exactly and rounded as a table in 128 bits
    /// on `scale`: exact costs have denominators that divide its units per krone, shares
    /// those that divide `denominator`, so every amount and sum of the parties' table is a
    /// fraction over their product, at most the scenario's bound in øre. Otherwise an error
    /// naming the key whose shares are too fine: never a wrong figure.
    pub fn fits(&self, s: &Scenario, scale: crate::engine::Scale) -> Result<(), ComputeError> {
        // Every amount and sum over the common denominator, in øre; and the denominator
        // itself scaled by the rounding's 2^25 (it weighs fractions).
        let common = scale.units_per_krone().checked_mul(self.denominator);
        let sums = crate::engine::Scale::kroner_bound(s)
            .and_then(|kr| kr.checked_mul(100 * SLACK))
            .zip(common)
            .and_then(|(x, c)| x.checked_mul(c));
        let weighed = common.and_then(|c| c.checked_mul(100 << 26));
        let fits = sums.is_some() && weighed.is_some();
        match (fits, self.finest) {
            (true, _) => Ok(()),
            (false, Some(k)) => Err(key_error(
                s,
                k,
                "its members' shares are fractions too fine to share the cost out exactly",
            )),
            (false, None) => Err(ComputeError::TooFine {
                file: s.file.display().to_string(),
            }),
        }
    }
}

/// The common denominator of the shares so far, kept small enough for the amounts.
struct Denominators {
    ore: i128,
    common: i128,
    /// The key of the last share that made `common` larger.
    finest: Option<usize>,
}

impl Denominators {
    /// Takes in `share`'s denominator; `false` if amounts can then no longer be shared out
    /// exactly.
    fn take(&mut self, share: &Rational, key: Option<usize>) -> bool {
        use num_integer::Integer;
        let d = *share.denom();
        let Some(common) = self.common.checked_mul(d / self.common.gcd(&d)) else {
            return false;
        };
        if common > self.common {
            self.finest = key.or(self.finest);
        }
        self.common = common;
        common <= MAX_DENOMINATOR
            && common
                .checked_mul(self.ore)
                .and_then(|x| x.checked_mul(SLACK))
                .is_some()
    }
}

/// The error for key `k` of `s`.
fn key_error(s: &Scenario, k: usize, what: &str) -> ComputeError {
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

/// Adds to `out` the leaves `share` of party `id` goes to; `depth` counts the keys passed
/// through, the last of them the key of `share`.
#[allow(clippy::too_many_arguments)]
fn expand(
    s: &Scenario,
    mode: Mode,
    id: &str,
    group: Option<usize>,
    share: Rational,
    (depth, via): (usize, Option<usize>),
    parties: &mut Vec<Party>,
    out: &mut Vec<(usize, Rational)>,
    lcm: &mut Denominators,
) -> Result<(), ComputeError> {
    let too_fine = |k: Option<usize>, what: &str| match k {
        Some(k) => key_error(s, k, what),
        None => ComputeError::TooFine {
            file: s.file.display().to_string(),
        },
    };
    if depth > MAX_DEPTH {
        return Err(too_fine(via, "its groups nest more than 32 deep"));
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
        let fine =
            "its members' shares are fractions too fine to share amounts out exactly to the øre";
        let sum = match out.iter_mut().find(|(p, _)| *p == index) {
            Some((_, s)) => {
                *s = s.checked_add(&share).ok_or_else(|| too_fine(via, fine))?;
                *s
            }
            None => {
                out.push((index, share));
                share
            }
        };
        if !lcm.take(&share, via) || !lcm.take(&sum, via) {
            return Err(too_fine(via, fine));
        }
        return Ok(());
    };
    let key = &s.keys[k];
    let fine = "its weights make shares too fine a fraction to compute exactly";
    let total = key.total().ok_or_else(|| too_fine(Some(k), fine))?;
    for m in &key.members {
        let part = m
            .weight
            .checked_div(&total)
            .and_then(|w| share.checked_mul(&w))
            .ok_or_else(|| too_fine(Some(k), fine))?;
        expand(
            s,
            mode,
            &m.id,
            m.group,
            part,
            (depth + 1, Some(k)),
            parties,
            out,
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

    #[test]
    fn looking_through_brn_reaches_every_municipality_and_the_region() {
        let s = load_str(Path::new("t.toml"), SCENARIO.to_string())
            .unwrap()
            .scenario;
        let a = allocate(&s, Mode::LookThrough).unwrap();
        let ids: Vec<&str> = a.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "region"]);
        // BRN: 15/24 to the municipalities, by population 3:1; 9/24 to the region.
        assert_eq!(
            a.shares[0],
            [
                (0, Ratio::new(45, 96)),
                (1, Ratio::new(15, 96)),
                (2, Ratio::new(9, 24))
            ]
        );
        assert_eq!(a.shares[1], [(0, Ratio::new(3, 4)), (1, Ratio::new(1, 4))]);
        assert_eq!(a.shares[2], [(2, Ratio::from_integer(1))]);
        for shares in &a.shares {
            assert_eq!(
                shares.iter().map(|(_, r)| *r).sum::<Rational>(),
                Ratio::from_integer(1)
            );
        }
    }

    #[test]
    fn by_member_splits_only_the_groups() {
        let s = load_str(Path::new("t.toml"), SCENARIO.to_string())
            .unwrap()
            .scenario;
        let a = allocate(&s, Mode::ByMember).unwrap();
        let ids: Vec<&str> = a.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["brn", "a", "b", "region"]);
        assert_eq!(a.shares[0], [(0, Ratio::from_integer(1))]);
    }
}
