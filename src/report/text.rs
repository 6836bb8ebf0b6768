//! Words of a report without a language: terms and sentences by id, with their data. The
//! renderers put them into Danish or English (`crate::i18n`).

use jiff::civil::Date;

use crate::engine::Prices;
use crate::num::{Rational, Unit};
use crate::period::{By, PeriodKey};

use super::changes::{Fields, Value};
use super::grid::Side;
use super::words::{Said, Word};

/// A piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// As written in a scenario (a name, a description, a file's path): never translated.
    Plain(String),
    Term(Term),
    /// A term and the unit of the money under it: `Cost by funder (kr.)`; the unit is the one
    /// asked for unless given.
    Titled(Term, Option<Unit>),
    /// A text and the unit of the money under it: `total.cost (kr.)`.
    WithUnit(Box<Text>, Option<Unit>),
    /// A term, a comparison's side, and the unit: `Cost by member, A (kr.)`.
    TitledSide(Term, Side, Option<Unit>),
    /// A term and a side: `FTE A`, `By member B − A`.
    TermSide(Term, Side),
    Side(Side),
    Period(PeriodKey),
    /// A date in a table: `2023-07-01` / `01.07.2023`.
    Date(Date),
    /// A date in a sentence: `1 July 2023` / `1. juli 2023`.
    DateLong(Date),
    /// `2023-01-01 – 2026-12-31` / `01.01.2023 – 31.12.2026`.
    Range(Date, Date),
    /// `by year` / `pr. år`; capitalised where it starts a line.
    By(By, bool),
    /// `amounts in kr.` / `beløb i mio. kr.`, in the unit asked for.
    AmountsIn,
    /// `current prices (base year 2023)` / `faste 2023-priser`.
    Prices(Prices, i16),
    /// Who pays a post or cost: a funder's name, or names with their shares.
    PaidBy(Vec<(String, Rational)>),
    /// A number as the user wrote it (`0.5`, `1/3`), with the language's decimal mark.
    Number(Rational),
    /// A field's value in a comparison's list of changes.
    Value(Value),
    /// An added or removed entry of a comparison, described in a few words.
    Entry(&'static str, Fields),
    /// The kind of an entry: `post`, `cost`, `funding`, `funder`.
    Kind(&'static str),
    /// A field of an entry, as a person calls it: `fte` is "FTE" / "Årsværk".
    Field(String),
    /// A side of a comparison and its scenario: `A: Status quo (scenarios/status-quo.toml,
    /// 2023-01-01 – 2026-12-31)`, with its prices where it has an indexation.
    Scenario {
        side: Side,
        name: String,
        file: String,
        from: Date,
        to: Date,
        prices: Option<(Prices, i16)>,
    },
    /// The windows of a comparison differ: each side's, and the days compared (those both
    /// cover, `common`, or every day either covers).
    Windows {
        a: (Date, Date),
        b: (Date, Date),
        compared: (Date, Date),
        common: bool,
    },
    /// Pieces joined by a separator.
    Join(Vec<Text>, &'static str),
    /// Words of a status (budget follow-up).
    Status(StatusText),
    /// Words of derivations, bridges and sensitivities.
    Words(Box<Word>),
}

/// Texts of a status (`klimabudget status`) that hold data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusText {
    /// `Budget follow-up as of 30 June 2024: <name>`.
    Title { as_of: Date, name: String },
    /// The exports read: their files, how many bookings, and from when the follow-up runs.
    Bookings {
        files: Vec<String>,
        rows: usize,
        from: Date,
    },
    /// Which deviations are flagged as material.
    Materiality {
        percent: Option<Rational>,
        amount: Option<Rational>,
    },
    /// A table's title: what, over which part of the window.
    Scope {
        what: StatusTerm,
        scope: super::grid::Scope,
        from: Date,
        to: Date,
    },
    /// A sheet's name: what, and the year (or `all`).
    Short { what: StatusTerm, year: Option<i16> },
    /// A funder's row of the cumulative table: its name and budget or re-forecast.
    FunderRow { name: String, reforecast: bool },
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl From<Word> for Text {
    fn from(w: Word) -> Text {
        Text::Words(Box::new(w))
    }
}

impl From<Term> for Text {
    fn from(t: Term) -> Text {
        Text::Term(t)
    }
}

/// Words and phrases of the reports, by id; `crate::i18n` holds them in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Total,
    Staff,
    Post,
    Employer,
    Fte,
    FromTo,
    CostPerFte,
    PaidBy,
    CostByItem,
    CostByItemShort,
    Item,
    TotalCost,
    FteAverage,
    CostByFunder,
    CostByFunderShort,
    Funder,
    FundingByFunder,
    FundingByFunderShort,
    Payer,
    LookThrough,
    LookThroughShort,
    ByMember,
    ByMemberShort,
    Balance,
    BalanceShort,
    Cumulative,
    CumulativeShort,
    StillToFind,
    StillToFindShort,
    Funding,
    FundersOverWindow,
    FundersOverWindowShort,
    Cost,
    Comparison,
    DifferencesAreBMinusA,
    FteAndCost,
    Period,
    CostByFunderAB,
    WhatDiffers,
    Differences,
    What,
    Id,
    Change,
    Added,
    Removed,
    NoDifferences,
    Balanced,
    Unbalanced,
    Invalid,
    Sweep,
    SweepTitle,
    SweepLine,
    Variants,
    /// Under a table whose shown figures do not all add up or subtract exactly.
    RoundingNote,
    NotesAndSources,
    Source,
    AllocationKeys,
    /// After a value an entry takes from `[defaults]`.
    ByDefault,
    /// Who pays for the entries without their own `paid_by` (`[defaults]`).
    DefaultPaidBy,
    /// Who employs the staff of the posts without their own `employer` (`[defaults]`).
    DefaultEmployer,
    /// Words of a status (budget follow-up).
    Status(StatusTerm),
}

/// Words of a status (budget follow-up), by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusTerm {
    Cost,
    Funding,
    Funders,
    AnnualBudget,
    WindowBudget,
    BudgetToDate,
    Actual,
    Received,
    Deviation,
    DeviationPercent,
    UsedPercent,
    ReceivedPercent,
    YearForecastRemaining,
    YearForecastRunRate,
    WindowForecastRemaining,
    WindowForecastRunRate,
    YearReceivedRemaining,
    WindowReceivedRemaining,
    Material,
    Explanation,
    Yes,
    Entry,
    FundingEntry,
    TotalCost,
    TotalFunding,
    Monthly,
    Budget,
    Forecast,
    /// The forecast in a chart's legend.
    ForecastShort,
    Cumulative,
    Bookings,
    Count,
    Amount,
    ToEntries,
    AfterAsOf,
    Unallocated,
    Unmapped,
    FileTotal,
    UnallocatedBookings,
    Place,
    Date,
    Account,
    Text,
    Reason,
    NoRule,
    /// How the figures are found: the two forecasts, deviation, percentages.
    Methods,
    /// No figure: a percentage of nothing.
    NotApplicable,
}

/// A sentence with figures `F` (exact in a report, rounded once shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sentence<F> {
    /// A residual funder must still find `amount` by `by`.
    MustFind { funder: String, amount: F, by: Date },
    /// A funder's funding falls short of its cost at the end of these periods: the one
    /// sentence about shortfalls, in reports, `check` and `solve` alike.
    Shortfalls {
        funder: String,
        ends: Vec<Shortfall<F>>,
    },
    /// What a funder pays in B against A over a window.
    Pays {
        funder: String,
        a: F,
        b: F,
        delta: F,
        from: Date,
        to: Date,
    },
    /// The allocation keys a table of cost by party uses: name, date, source.
    Keys(Vec<(String, Option<Date>, Option<String>)>),
    /// One line of `check`.
    Checked(Checked<F>),
    /// `check`'s summary line.
    Summary {
        balanced: usize,
        unbalanced: usize,
        invalid: usize,
    },
    /// `solve`'s answer: the smallest or largest value (or earliest or latest date) of
    /// `path` at which the scenario balances.
    Solved {
        path: String,
        value: SolvedValue<F>,
        direction: crate::whatif::Direction,
        /// The value is a date: earliest or latest.
        date: bool,
        /// The multiple the answer was rounded to, in the safe direction.
        round_to: Option<Rational>,
        by: By,
        /// The funder whose funding is varied, held to balance even if residual.
        held: Option<String>,
    },
    /// `solve` one step past its answer: the shortfall there.
    Below {
        value: SolvedValue<F>,
        then: Box<Sentence<F>>,
    },
    /// `status`: what a residual funder must still find by `by`, with the actuals to `as_of`
    /// and the budget after; and what the budget alone says.
    StillToFind {
        funder: String,
        now: F,
        plan: F,
        by: Date,
        as_of: Date,
    },
    /// A sentence of a derivation, a bridge or a sensitivity.
    Said(Said<F>),
}

/// A value `solve` found: a figure (an amount, an FTE), or words (a rate, a date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SolvedValue<F> {
    Figure(F),
    Text(Text),
}

impl<F> SolvedValue<F> {
    fn map<G>(self, f: &mut impl FnMut(F) -> G) -> SolvedValue<G> {
        match self {
            SolvedValue::Figure(x) => SolvedValue::Figure(f(x)),
            SolvedValue::Text(t) => SolvedValue::Text(t),
        }
    }
}

/// A shortfall at the end of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall<F> {
    pub amount: F,
    pub period: PeriodKey,
    pub end: Date,
}

/// One scenario `check`ed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<F> {
    pub file: String,
    pub name: Option<String>,
    pub status: Status<F>,
    /// What each residual funder short at the end must still find, and by when.
    pub must_find: Vec<(String, F, Date)>,
}

/// Each funder that is short, with its shortfalls.
pub type Short<F> = Vec<(String, Vec<Shortfall<F>>)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status<F> {
    Balanced,
    Unbalanced(Short<F>),
    /// The first error on one line, how many more there are, and the shortfalls where the
    /// scenario was computed all the same (only its warnings were denied).
    Invalid {
        first: String,
        more: usize,
        short: Short<F>,
    },
}

impl<F> Sentence<F> {
    /// The sentence with its figures turned into others by `f`.
    pub fn map<G>(self, f: &mut impl FnMut(F) -> G) -> Sentence<G> {
        match self {
            Sentence::MustFind { funder, amount, by } => Sentence::MustFind {
                funder,
                amount: f(amount),
                by,
            },
            Sentence::Shortfalls { funder, ends } => Sentence::Shortfalls {
                funder,
                ends: ends.into_iter().map(|s| s.map(f)).collect(),
            },
            Sentence::Pays {
                funder,
                a,
                b,
                delta,
                from,
                to,
            } => Sentence::Pays {
                funder,
                a: f(a),
                b: f(b),
                delta: f(delta),
                from,
                to,
            },
            Sentence::Keys(k) => Sentence::Keys(k),
            Sentence::Checked(c) => {
                let mut short = |short: Short<F>| -> Short<G> {
                    short
                        .into_iter()
                        .map(|(funder, ends)| {
                            (funder, ends.into_iter().map(|s| s.map(f)).collect())
                        })
                        .collect()
                };
                let status = match c.status {
                    Status::Balanced => Status::Balanced,
                    Status::Unbalanced(s) => Status::Unbalanced(short(s)),
                    Status::Invalid {
                        first,
                        more,
                        short: s,
                    } => Status::Invalid {
                        first,
                        more,
                        short: short(s),
                    },
                };
                Sentence::Checked(Checked {
                    file: c.file,
                    name: c.name,
                    status,
                    must_find: c
                        .must_find
                        .into_iter()
                        .map(|(funder, amount, by)| (funder, f(amount), by))
                        .collect(),
                })
            }
            Sentence::Summary {
                balanced,
                unbalanced,
                invalid,
            } => Sentence::Summary {
                balanced,
                unbalanced,
                invalid,
            },
            Sentence::Solved {
                path,
                value,
                direction,
                date,
                round_to,
                by,
                held,
            } => Sentence::Solved {
                path,
                value: value.map(f),
                direction,
                date,
                round_to,
                by,
                held,
            },
            Sentence::Below { value, then } => Sentence::Below {
                value: value.map(f),
                then: Box::new(then.map(f)),
            },
            Sentence::StillToFind {
                funder,
                now,
                plan,
                by,
                as_of,
            } => Sentence::StillToFind {
                funder,
                now: f(now),
                plan: f(plan),
                by,
                as_of,
            },
            Sentence::Said(said) => Sentence::Said(said.map(f)),
        }
    }
}

impl<F> Shortfall<F> {
    fn map<G>(self, f: &mut impl FnMut(F) -> G) -> Shortfall<G> {
        Shortfall {
            amount: f(self.amount),
            period: self.period,
            end: self.end,
        }
    }
}
