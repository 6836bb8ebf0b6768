//! Names of figures, as the JSON of a report keys them: a measure, an id where the measure is
//! by item or funder, and a period (`cost_by_funder.brn.2024`, `items.regional-post.2023H2`,
//! `cumulative_balance_by_funder.brn.2026`, `must_find.brn`, `cost`). The period may come first
//! instead, as `sweep --show` writes it (`total.cost_by_funder.brn`); without one it is `total`.

use std::fmt;

use crate::engine::{Amount, Projection};
use crate::model::Scenario;
use crate::msg::{Days, List, Msg};
use crate::num::Rational;
use crate::period::{By, Calendar, PeriodKey};

/// What a figure measures: of the whole, of an item, or of a funder (by id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The cost of every item together.
    Cost,
    /// The average FTE of all posts.
    Fte,
    /// The cost of one post or other cost.
    Item(String),
    CostBy(String),
    FundingBy(String),
    /// Funding − cost in the period.
    BalanceBy(String),
    /// Funding − cost from the window's start to the period's end.
    CumulativeBy(String),
    /// What a residual funder must still find by the period's end.
    MustFind(String),
}

impl Measure {
    /// The measure's key, as the report's JSON has it.
    pub fn key(&self) -> &'static str {
        match self {
            Measure::Cost => "cost",
            Measure::Fte => "fte",
            Measure::Item(_) => "items",
            Measure::CostBy(_) => "cost_by_funder",
            Measure::FundingBy(_) => "funding_by_funder",
            Measure::BalanceBy(_) => "balance_by_funder",
            Measure::CumulativeBy(_) => "cumulative_balance_by_funder",
            Measure::MustFind(_) => "must_find",
        }
    }

    /// The item's or funder's id, where the measure has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Measure::Cost | Measure::Fte => None,
            Measure::Item(id)
            | Measure::CostBy(id)
            | Measure::FundingBy(id)
            | Measure::BalanceBy(id)
            | Measure::CumulativeBy(id)
            | Measure::MustFind(id) => Some(id),
        }
    }

    /// Whether the id names a funder (else an item, or nothing).
    pub fn by_funder(&self) -> bool {
        !matches!(self, Measure::Cost | Measure::Fte | Measure::Item(_))
    }

    fn parse(key: &str, id: Option<&str>) -> Option<Measure> {
        let id = || id.map(str::to_string);
        Some(match key {
            "cost" if id().is_none() => Measure::Cost,
            "fte" if id().is_none() => Measure::Fte,
            "items" => Measure::Item(id()?),
            "cost_by_funder" => Measure::CostBy(id()?),
            "funding_by_funder" => Measure::FundingBy(id()?),
            "balance_by_funder" => Measure::BalanceBy(id()?),
            "cumulative_balance_by_funder" => Measure::CumulativeBy(id()?),
            "must_find" => Measure::MustFind(id()?),
            _ => return None,
        })
    }
}

/// The measures, as written: for messages.
pub const MEASURES: &str = "cost, fte, items.<id>, cost_by_funder.<funder>, funding_by_funder.<funder>, balance_by_funder.<funder>, cumulative_balance_by_funder.<funder>, must_find.<funder>";

const KEYS: [&str; 8] = [
    "cost",
    "fte",
    "items",
    "cost_by_funder",
    "funding_by_funder",
    "balance_by_funder",
    "cumulative_balance_by_funder",
    "must_find",
];

/// A figure of a report, named.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name {
    pub measure: Measure,
    pub period: PeriodKey,
}

impl fmt::Display for Name {
    /// Measure first, period last, `total` left out where the measure ends at the window's
    /// end anyway (`must_find.brn`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.measure.key())?;
        if let Some(id) = self.measure.id() {
            write!(f, ".{id}")?;
        }
        write!(f, ".{}", self.period.label())
    }
}

impl Name {
    /// Reads a name, measure first (`cost_by_funder.brn.2024`) or period first
    /// (`2024.cost_by_funder.brn`); the scenario is not consulted ([`Name::check`] does).
    pub fn parse(text: &str) -> Result<Name, Msg> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        let bad = || Msg::NotAFigure {
            written: text.to_string(),
            measures: MEASURES.to_string(),
        };
        let period = |p: &str| PeriodKey::parse(p).filter(|_| !KEYS.contains(&p));
        // Period first, as `sweep --show` writes it.
        let (period, rest) = match parts.as_slice() {
            [first, rest @ ..] if !KEYS.contains(first) => (period(first).ok_or_else(bad)?, rest),
            _ => match parts.as_slice() {
                [rest @ .., last] if parts.len() > 1 && period(last).is_some() => {
                    let with_id = |k: &&str| !matches!(*k, "cost" | "fte");
                    // `items.2024` is the item `2024`, not the period.
                    if rest.len() == 1 && KEYS.contains(&rest[0]) && with_id(&rest[0]) {
                        (PeriodKey::Total, parts.as_slice())
                    } else {
                        (period(last).ok_or_else(bad)?, rest)
                    }
                }
                all => (PeriodKey::Total, all),
            },
        };
        let measure = match rest {
            [key] => Measure::parse(key, None),
            [key, id] => Measure::parse(key, Some(id)),
            _ => None,
        }
        .ok_or_else(bad)?;
        Ok(Name { measure, period })
    }

    /// [`Name::parse`], with `did you mean …?` where one word is a near miss of a measure.
    pub fn parse_or_suggest(text: &str) -> Result<Name, Msg> {
        Name::parse(text).map_err(|e| {
            let parts: Vec<&str> = text.trim().split('.').collect();
            for (i, part) in parts.iter().enumerate() {
                let near = KEYS
                    .iter()
                    .map(|k| (strsim::damerau_levenshtein(part, k), *k))
                    .filter(|(d, k)| *d > 0 && *d <= 2.max(k.len() / 4))
                    .min();
                if let Some((_, key)) = near {
                    let mut fixed = parts.clone();
                    fixed[i] = key;
                    let fixed = fixed.join(".");
                    if Name::parse(&fixed).is_ok() {
                        return Msg::NotAFigureDidYouMean {
                            written: text.to_string(),
                            fixed,
                        };
                    }
                }
            }
            e
        })
    }

    /// The granularity of the name's period.
    pub fn by(&self) -> By {
        match self.period {
            PeriodKey::Year(_) => By::Year,
            PeriodKey::Half(..) => By::HalfYear,
            PeriodKey::Month(..) => By::Month,
            PeriodKey::Total => By::Total,
        }
    }

    /// Checks the name against a scenario: its item or funder exists, its period is in the
    /// window, a funder whose gap it names is residual. The message lists what exists, or
    /// suggests the nearest name.
    pub fn check(&self, s: &Scenario) -> Result<(), Msg> {
        let me = self.to_string();
        if let Some(id) = self.measure.id() {
            let ids: Vec<String> = if self.measure.by_funder() {
                s.funders.iter().map(|f| f.id.clone()).collect()
            } else {
                s.item_ids().map(str::to_string).collect()
            };
            if !ids.iter().any(|x| x == id) {
                let (what, hint) = self.unknown_id(id, &ids);
                return Err(Msg::FigureNoSuch {
                    name: me,
                    what,
                    id: id.to_string(),
                    hint,
                });
            }
            if let Measure::MustFind(id) = &self.measure
                && s.funders.iter().any(|f| f.id == *id && !f.residual)
            {
                return Err(Msg::MustFindNotResidual {
                    name: me,
                    id: id.clone(),
                    period: self.period.label(),
                });
            }
        }
        if self.period != PeriodKey::Total {
            let labels: Vec<String> = Calendar::new(s.window)
                .periods(self.by())
                .iter()
                .map(|p| p.key.label())
                .collect();
            let label = self.period.label();
            if !labels.contains(&label) {
                let (first, last) = (
                    labels.first().cloned().unwrap_or_default(),
                    labels.last().cloned().unwrap_or_default(),
                );
                return Err(Msg::FigureNoPeriod {
                    name: me,
                    window: Days(s.window.from, s.window.to),
                    period: label,
                    by: by_words(self.by()),
                    first,
                    last,
                });
            }
        }
        Ok(())
    }

    /// The figure's exact value in `p`, a projection of `s` by the name's granularity
    /// ([`Name::by`]); `None` where the name does not fit it ([`Name::check`] says why).
    pub fn value(&self, s: &Scenario, p: &Projection) -> Option<Rational> {
        let f = if self.period == PeriodKey::Total {
            &p.total
        } else {
            p.periods.iter().find(|f| f.period.key == self.period)?
        };
        let money = |a: Amount| p.scale.exact(a);
        let funder = |id: &str| s.funder_index(id);
        Some(match &self.measure {
            Measure::Cost => money(f.cost()),
            Measure::Fte => f.fte.average(),
            Measure::Item(id) => money(f.items.get(s.item_ids().position(|x| x == id)?)),
            Measure::CostBy(id) => money(f.cost_by_funder[funder(id)?]),
            Measure::FundingBy(id) => money(f.funding_by_funder[funder(id)?]),
            Measure::BalanceBy(id) => {
                let i = funder(id)?;
                money(f.funding_by_funder[i] - f.cost_by_funder[i])
            }
            Measure::CumulativeBy(id) => money(f.cumulative_by_funder[funder(id)?]),
            Measure::MustFind(id) => {
                let i = funder(id)?;
                (-money(f.cumulative_by_funder[i])).max(Rational::from_integer(0))
            }
        })
    }

    /// Whether the figure is FTE rather than money.
    pub fn is_fte(&self) -> bool {
        self.measure == Measure::Fte
    }

    /// Every name of a figure of `s` by `by` and in total, measure first: for tests and for
    /// listing.
    pub fn all(s: &Scenario, by: By) -> Vec<Name> {
        let mut periods: Vec<PeriodKey> = Calendar::new(s.window)
            .periods(by)
            .iter()
            .map(|p| p.key)
            .collect();
        if by != By::Total {
            periods.push(PeriodKey::Total);
        }
        let mut measures = vec![Measure::Cost, Measure::Fte];
        measures.extend(s.item_ids().map(|id| Measure::Item(id.to_string())));
        for f in &s.funders {
            let id = || f.id.clone();
            measures.extend([
                Measure::CostBy(id()),
                Measure::FundingBy(id()),
                Measure::BalanceBy(id()),
                Measure::CumulativeBy(id()),
            ]);
            if f.residual {
                measures.push(Measure::MustFind(id()));
            }
        }
        let mut out = Vec::with_capacity(measures.len() * periods.len());
        for measure in measures {
            for period in &periods {
                out.push(Name {
                    measure: measure.clone(),
                    period: *period,
                });
            }
        }
        out
    }
}

/// The one of `right` nearest to `wrong`, if it is near enough to be a slip.
pub fn nearest(wrong: &str, right: &[String]) -> Option<String> {
    right
        .iter()
        .map(|r| (strsim::damerau_levenshtein(wrong, r), r))
        .filter(|(d, r)| *d <= 2.max(r.len() / 3))
        .min()
        .map(|(_, r)| r.clone())
}

impl Name {
    /// The name with its id replaced by `id`.
    pub fn with_id(&self, id: &str) -> Name {
        Name {
            measure: with_id(&self.measure, id),
            period: self.period,
        }
    }

    /// For an id the name has that is not among `ids` (of its kind): what kind of thing it
    /// names (a funder, a post or cost), and a hint: the name with the nearest id, or the ids.
    pub fn unknown_id(&self, id: &str, ids: &[String]) -> (Box<Msg>, Box<Msg>) {
        let (what, all) = if self.measure.by_funder() {
            let all = Msg::HelpTheFundersAre { ids: List::of(ids) };
            (Msg::WhatFunder, all)
        } else {
            let all = Msg::HelpThePostsAndCostsAre { ids: List::of(ids) };
            (Msg::WhatPostOrCost, all)
        };
        let hint = match nearest(id, ids) {
            Some(near) => Msg::HelpDidYouMean {
                word: self.with_id(&near).to_string(),
            },
            None => all,
        };
        (what.boxed(), hint.boxed())
    }
}

/// How a report is divided, in words: `year`, `half-year`, `month`, `total`.
pub fn by_words(by: By) -> Box<Msg> {
    match by {
        By::Year => Msg::ByYear,
        By::HalfYear => Msg::ByHalfYear,
        By::Month => Msg::ByMonth,
        By::Total => Msg::ByTotal,
    }
    .boxed()
}

fn with_id(m: &Measure, id: &str) -> Measure {
    Measure::parse(m.key(), Some(id)).unwrap_or(Measure::Cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn names_read_measure_first_or_period_first() {
        let a = name("cost_by_funder.brn.2024");
        assert_eq!(a.measure, Measure::CostBy("brn".into()));
        assert_eq!(a.period, PeriodKey::Year(2024));
        assert_eq!(a, name("2024.cost_by_funder.brn"));
        assert_eq!(a.to_string(), "cost_by_funder.brn.2024");
        let b = name("items.joint-municipal-post.2023H2");
        assert_eq!(b.period, PeriodKey::Half(2023, 2));
        assert_eq!(b.by(), By::HalfYear);
        assert_eq!(name("must_find.brn").period, PeriodKey::Total);
        assert_eq!(name("must_find.brn").to_string(), "must_find.brn.total");
        assert_eq!(name("total.cost_by_funder.brn"), name("cost_by_funder.brn"));
        assert_eq!(name("cost").measure, Measure::Cost);
        assert_eq!(name("fte.2024-07").period, PeriodKey::Month(2024, 7));
        // An item whose id looks like a year is an item, not a period.
        assert_eq!(name("items.2024").measure, Measure::Item("2024".into()));
        assert_eq!(name("items.2024").period, PeriodKey::Total);
        assert_eq!(name("items.2024.2025").period, PeriodKey::Year(2025));
        for bad in [
            "",
            "costs.2024",
            "cost_by_funder",
            "2024",
            "cost.brn.x.2024",
            "x.cost",
        ] {
            assert!(Name::parse(bad).is_err(), "{bad}");
        }
    }
}
