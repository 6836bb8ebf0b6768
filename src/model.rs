//! The scenario as the rest of the program sees it: loaded, checked, and typed.
//!
//! Everything here has passed the rules of the loader (`crate::load`): ids are unique and
//! well-formed, every funder named exists, shares add up to exactly 1, money has at most two
//! decimals and is never negative, and every date range lies (clipped) inside the window.

use std::fmt;
use std::path::PathBuf;

use jiff::civil::Date;
use num_rational::Ratio;
use rust_decimal::Decimal;

use crate::diag::Span;
use crate::num::{Rational, decimal_to_rational, product};

/// An amount of money in kroner, with at most two decimals (øre), never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    /// Wraps a value the loader has already checked (≥ 0, ≤ 2 decimals).
    pub fn new(value: Decimal) -> Self {
        debug_assert!(value >= Decimal::ZERO && value.normalize().scale() <= 2);
        Money(value.normalize())
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn rational(self) -> Rational {
        decimal_to_rational(self.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// Full-time equivalents of a post (`1` is one person full time), exact and > 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fte(Rational);

impl Fte {
    pub fn new(value: Rational) -> Self {
        debug_assert!(value > Rational::from_integer(0));
        Fte(value)
    }

    pub fn rational(self) -> Rational {
        self.0
    }
}

/// One funder's exact part of an entry's cost, in (0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Share(Rational);

impl Share {
    pub const WHOLE: Share = Share(Ratio::new_raw(1, 1));

    pub fn new(value: Rational) -> Self {
        Share(value)
    }

    pub fn rational(self) -> Rational {
        self.0
    }
}

/// An inclusive range of days, `from <= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub from: Date,
    pub to: Date,
}

impl DateRange {
    pub fn new(from: Date, to: Date) -> Self {
        debug_assert!(from <= to);
        DateRange { from, to }
    }

    /// The part of `self` inside `other`, if any.
    pub fn intersect(self, other: DateRange) -> Option<DateRange> {
        let from = self.from.max(other.from);
        let to = self.to.min(other.to);
        (from <= to).then_some(DateRange { from, to })
    }

    pub fn contains(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.from, self.to)
    }
}

/// How money flows over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    /// `annual` kroner a year, accrued month by month over `range` (already clipped to the
    /// window).
    Annual { annual: Money, range: DateRange },
    /// A one-off `amount`, falling wholly in the month of `date`.
    OneOff { amount: Money, date: Date },
}

/// Who pays for an entry: funder indexes (into `Scenario::funders`) with exact shares that add
/// up to 1, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaidBy(pub Vec<(usize, Share)>);

impl PaidBy {
    pub fn single(funder: usize) -> Self {
        PaidBy(vec![(funder, Share::WHOLE)])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funder {
    pub id: String,
    /// Display name. *Default:* the id.
    pub name: String,
    /// Covers whatever falls to it; a negative balance is what it must still find.
    /// *Default:* `false`.
    pub residual: bool,
    pub note: Option<String>,
    pub source: Option<String>,
    /// Where it is written (the funder's key, or the entry's table), if it came from a file.
    pub span: Option<Span>,
    /// A funder that is a group of members (the municipalities, jointly): its cost is split
    /// among them by this key (an index into `Scenario::keys`). *Default:* none.
    pub members: Option<usize>,
    /// How the funder's own money is raised from its members (BRN from the municipalities and
    /// the region): a key its cost is looked through by. *Default:* none.
    pub raised_by: Option<usize>,
}

/// An allocation key: exact weights by member, such as population by municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub id: String,
    /// Display name. *Default:* the id.
    pub name: String,
    pub source: Option<String>,
    pub note: Option<String>,
    /// The day the figures describe.
    pub as_of: Option<jiff::civil::Date>,
    pub members: Vec<KeyMember>,
    /// Where it is written.
    pub span: Option<Span>,
    /// Where it is written, for messages: `file:line:column`. *Default:* none.
    pub at: Option<String>,
}

impl Key {
    /// The sum of the weights, exact; `None` where it does not fit (the loader refuses such a
    /// key, so a loaded key always has one).
    pub fn total(&self) -> Option<Rational> {
        use num_traits::CheckedAdd;
        self.members
            .iter()
            .try_fold(Rational::from_integer(0), |sum, m| {
                sum.checked_add(&m.weight)
            })
    }
}

/// One member of a key and its weight (> 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMember {
    pub id: String,
    /// Display name. *Default:* the funder's name of the same id, else the id.
    pub name: String,
    pub weight: Rational,
    /// A member that is itself a group, split by this key (an index into `Scenario::keys`).
    pub group: Option<usize>,
}

/// Pay and price indexation: amounts are written in the prices of `base_year` and rise each
/// year by the rates given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexation {
    pub base_year: i16,
    /// Rise of wages by year: 0.04 is 4 % from the year before.
    pub wages: std::collections::BTreeMap<i16, Rational>,
    /// Rise of prices by year.
    pub prices: std::collections::BTreeMap<i16, Rational>,
    /// The day in each year a rise takes effect (month, day). *Default:* 1 January.
    pub effective: (i8, i8),
}

/// Which index an amount follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Index {
    Wages,
    Prices,
}

impl Indexation {
    fn rates(&self, index: Index) -> &std::collections::BTreeMap<i16, Rational> {
        match index {
            Index::Wages => &self.wages,
            Index::Prices => &self.prices,
        }
    }

    /// The levels of the years `first..=last`, each in force from its rise until the next
    /// (`level_of_year` of each), in time linear in the years; `None` where one is too fine.
    pub fn levels(&self, index: Index, first: i16, last: i16) -> Option<Vec<Rational>> {
        use num_traits::CheckedMul;
        let rates = self.rates(index);
        let mut level = self.level_of_year(index, first)?;
        let mut out = Vec::with_capacity(usize::try_from(last - first).unwrap_or(0) + 1);
        out.push(level);
        for year in first.saturating_add(1)..=last {
            // The level of a year is the year before's times its rise, before the base year
            // as after it.
            if let Some(rate) = rates.get(&year) {
                level = level.checked_mul(&(Ratio::from_integer(1) + rate))?;
            }
            out.push(level);
        }
        Some(out)
    }

    /// The level in force from the rise of `year` until the next.
    pub fn level_of_year(&self, index: Index, year: i16) -> Option<Rational> {
        use num_traits::CheckedMul;
        let rates = self.rates(index);
        let one = Ratio::from_integer(1);
        let factor = |y: i16| one + rates.get(&y).copied().unwrap_or_default();
        let mut level: Rational = one;
        if year > self.base_year {
            for y in self.base_year + 1..=year {
                level = level.checked_mul(&factor(y))?;
            }
        } else {
            for y in year + 1..=self.base_year {
                level = level.checked_mul(&factor(y).recip())?;
            }
        }
        Some(level)
    }
}

/// Money a funder provides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funding {
    pub id: String,
    /// Display name. *Default:* the id.
    pub name: String,
    pub funder: usize,
    pub flow: Flow,
    /// The index the amount follows. *Default:* none: fixed in kroner.
    pub indexed: Option<Index>,
    pub note: Option<String>,
    pub source: Option<String>,
    /// Where it is written (the funder's key, or the entry's table), if it came from a file.
    pub span: Option<Span>,
}

/// A staff post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: String,
    /// Display title. *Default:* the id.
    pub title: String,
    pub employer: Option<String>,
    /// The employer is `[defaults]`'s, not the post's own. *Default:* `false`.
    pub employer_default: bool,
    pub fte: Fte,
    pub annual_cost_per_fte: Money,
    /// When the post runs, clipped to the window.
    pub range: DateRange,
    pub paid_by: PaidBy,
    /// `paid_by` is `[defaults]`'s, not the post's own. *Default:* `false`.
    pub paid_by_default: bool,
    pub note: Option<String>,
    pub source: Option<String>,
    /// Where it is written (the funder's key, or the entry's table), if it came from a file.
    pub span: Option<Span>,
}

impl Post {
    /// `fte × annual_cost_per_fte`, exact.
    pub fn annual_cost(&self) -> Rational {
        product(self.fte.rational(), self.annual_cost_per_fte.rational())
    }
}

/// Any other cost: operations, travel, a one-off study.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    pub id: String,
    /// Display name. *Default:* the id.
    pub name: String,
    pub flow: Flow,
    pub paid_by: PaidBy,
    /// `paid_by` is `[defaults]`'s, not the cost's own. *Default:* `false`.
    pub paid_by_default: bool,
    pub note: Option<String>,
    pub source: Option<String>,
    /// Where it is written (the funder's key, or the entry's table), if it came from a file.
    pub span: Option<Span>,
}

/// A loaded, valid scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// The file it was loaded from, as the user wrote it.
    pub file: PathBuf,
    pub name: String,
    /// What a comparison calls it in column heads and sentences (`short_name`), if given.
    pub short_name: Option<String>,
    pub description: Option<String>,
    pub note: Option<String>,
    pub source: Option<String>,
    /// The inclusive window `[start, end]` the scenario covers.
    pub window: DateRange,
    pub funders: Vec<Funder>,
    pub funding: Vec<Funding>,
    pub posts: Vec<Post>,
    pub costs: Vec<Cost>,
    /// Allocation keys, from the scenario and the key files it names.
    pub keys: Vec<Key>,
    /// Pay and price indexation, if declared.
    pub indexation: Option<Indexation>,
    /// What entries take that do not say otherwise (`[defaults]`).
    pub defaults: Defaults,
    /// The values marked as assumptions, in file order. *Default:* none.
    pub assumptions: Vec<Assumption>,
    /// The files it was read from, by [`crate::diag::FileId`]: where a span is, for messages
    /// made after loading (the computation's). *Default:* none.
    pub files: Vec<PathBuf>,
}

/// What posts and costs take that do not say otherwise: `[defaults]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Defaults {
    /// Who pays for a post or cost without its own `paid_by`. *Default:* none.
    pub paid_by: Option<PaidBy>,
    /// Who employs the staff of a post without its own `employer`. *Default:* none.
    pub employer: Option<String>,
}

/// A value of the scenario marked as an assumption (`assumption = …`): which entry and field,
/// why, and how far it may vary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    /// `posts`, `costs`, `funding`, or `indexation`.
    pub section: &'static str,
    /// The entry's id; empty for the indexation.
    pub id: String,
    /// The field: `fte`, `annual_cost_per_fte`, `annual`, `amount`, `date`, `from`, `to`;
    /// for the indexation `wages` or `prices` (every year's rate together) or `wages.2025`.
    pub field: String,
    /// Why it is assumed. *Default:* none.
    pub why: Option<String>,
    /// How far it may vary. *Default:* none: as far as the command says (`--sensitivity`).
    pub range: Option<AssumedRange>,
    /// Where the mark is written.
    pub span: Option<Span>,
}

/// How far an assumed value may vary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssumedRange {
    /// This fraction of the value either way (0.1 for `"10%"`).
    Relative(Rational),
    /// From the first number to the second.
    Numbers(Rational, Rational),
    /// From the first day to the second.
    Dates(Date, Date),
}

impl Assumption {
    /// The path of the value for `--set`: `posts.gen2040-post.annual_cost_per_fte`,
    /// `indexation.wages` (every year's rate).
    pub fn path(&self) -> String {
        if self.id.is_empty() {
            format!("{}.{}", self.section, self.field)
        } else {
            format!("{}.{}.{}", self.section, self.id, self.field)
        }
    }
}

impl Scenario {
    /// The name a comparison calls it by: its `short_name`, or the part of its name before
    /// `: ` (`Status quo` of `Status quo: DK2020-sekretariat og GEN2040 fortsætter`), or its
    /// name.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or_else(|| {
            self.name
                .split_once(": ")
                .map(|(short, _)| short.trim())
                .filter(|s| !s.is_empty())
                .unwrap_or(&self.name)
        })
    }

    /// The ids of posts then costs: the `items` of a report, in this order.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.posts
            .iter()
            .map(|p| p.id.as_str())
            .chain(self.costs.iter().map(|c| c.id.as_str()))
    }

    pub fn item_count(&self) -> usize {
        self.posts.len() + self.costs.len()
    }

    /// The scenario over `window` only (a part of its own): every entry cut to it, those
    /// wholly outside it left out. Amounts and dates inside are as they were, so every figure
    /// of a period inside `window` is the same.
    pub fn within(&self, window: DateRange) -> Scenario {
        let window = self.window.intersect(window).unwrap_or(window);
        let flow = |f: &Flow| -> Option<Flow> {
            match f {
                Flow::Annual { annual, range } => Some(Flow::Annual {
                    annual: *annual,
                    range: range.intersect(window)?,
                }),
                Flow::OneOff { date, .. } => window.contains(*date).then_some(*f),
            }
        };
        Scenario {
            window,
            posts: self
                .posts
                .iter()
                .filter_map(|p| {
                    Some(Post {
                        range: p.range.intersect(window)?,
                        ..p.clone()
                    })
                })
                .collect(),
            costs: self
                .costs
                .iter()
                .filter_map(|c| {
                    Some(Cost {
                        flow: flow(&c.flow)?,
                        ..c.clone()
                    })
                })
                .collect(),
            funding: self
                .funding
                .iter()
                .filter_map(|f| {
                    Some(Funding {
                        flow: flow(&f.flow)?,
                        ..f.clone()
                    })
                })
                .collect(),
            ..self.clone()
        }
    }

    pub fn funder_index(&self, id: &str) -> Option<usize> {
        self.funders.iter().position(|f| f.id == id)
    }
}
