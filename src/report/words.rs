//! Words of derivations, bridges and sensitivities, without a language: what `explain`,
//! `compare --bridge` and `sensitivity` say, by id with its data. `crate::i18n::explain` puts
//! them into Danish or English.

use jiff::civil::Date;

pub use crate::bridge::{Change, Value};
use crate::explain::{Base, Fraction};
use crate::num::Rational;
use crate::period::PeriodKey;

/// A word or phrase of these reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    /// Table heads.
    Entry,
    Where,
    FormulaHead,
    Amount,
    /// The title of a derivation's table.
    Derivation,
    /// The heading of a report's appendix of derivations.
    HowComputed,
    /// `How the figure is computed`, before the figure's name.
    HowFigure,
    /// A figure named as people read it: its measure, whose (a funder's or item's name), and
    /// its period.
    Figure {
        measure: &'static str,
        whose: Option<String>,
        /// None where the heading says it.
        period: Option<PeriodKey>,
    },
    /// The days the parts accrue over: a period, or from the window's start.
    Over {
        from: Date,
        to: Date,
    },
    /// A line of a derivation: the numbers of its formula.
    Formula(FormulaWords),
    /// An entry (`post`, `cost`, `funding`) by its name and id: `Klimamedarbejder
    /// (regional-post)`.
    Named(&'static str, String, String),
    /// The bridge's table title, its short name, and its heads.
    Bridge,
    BridgeShort,
    Step,
    Change,
    Running,
    /// The first and last rows of a bridge: the figure in A and in B.
    InA,
    InB,
    /// What a step of a bridge changes.
    StepWhat(StepWords),
    /// The order of the steps, stated under the bridge.
    BridgeOrder,
    /// The sensitivity table's title, short name and heads.
    Sensitivity,
    SensitivityShort,
    Assumption,
    Range,
    Low,
    High,
    Swing,
    /// A range of values of an assumption, as written: `720,000 – 880,000` or dates.
    Values(Value, Value),
    /// A value cut at the edge of what is valid, with the edge.
    Cut(Value),
    /// A field marked as an assumption, as people call it; `wages` and `prices` are every
    /// year's rise.
    AssumedField(String),
    /// Two rates as percentages: `4.5 % – 5.5 %`.
    Percents(Rational, Rational),
    /// Every year's rate times each of two factors: `each year's rise × 0.9 – × 1.1`.
    TimesEach(Rational, Rational),
    /// Every year's rate set to each of two rates.
    EachRate(Rational, Rational),
    /// The marks of a sensitivity's figure, where an assumption's why is said.
    Assumed,
    /// The heads of an appendix of derivations: the figure, and its amount.
    FigureHead,
    AmountHead,
    /// What an appendix of derivations is.
    AppendixLine,
    /// A balance is funding − cost.
    BalanceIs,
    /// A cumulative balance is the balances from the window's start to a period's end.
    CumulativeIs {
        from: Date,
        to: Date,
    },
    /// What a residual funder must still find: how far its cumulative balance is below 0.
    ShortfallIs,
}

/// The numbers of one line of a derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaWords {
    pub base: Base,
    pub fraction: Fraction,
    pub first: (i16, i8),
    pub last: (i16, i8),
    /// The index level, where it is not 1.
    pub level: Option<Rational>,
    /// The funder's share, where it is not 1.
    pub share: Option<Rational>,
    /// A cost taken from a balance.
    pub minus: bool,
    /// The months an FTE is averaged over.
    pub months: Option<Rational>,
}

/// Why a shown figure is rounded the way it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// To the nearest.
    Nearest,
    /// Down or up, not to the nearest, so that its table adds up.
    AddsUp,
    /// Up, so that the amount is enough.
    Enough,
}

/// What one step of a bridge does: the entry (kind, id, name) and the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWords {
    /// `post`, `cost`, `funding`, `funder`, `indexation`, `scenario`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub change: Change,
}

/// A sentence of these reports, with figures `F`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said<F> {
    /// The parts add up to the figure.
    Sum { value: F, exact: Rational },
    /// The parts add up to a cumulative balance; the figure is what is missing below zero.
    Shortfall {
        funder: String,
        cumulative: F,
        value: F,
        exact: Rational,
    },
    /// An FTE figure: the parts are each post's FTE-months divided by the months covered.
    Average { months: Rational, value: F },
    /// How the report shows the figure, rounded from `exact` (equal, down or up), and why
    /// that way.
    ShownAs { shown: F, exact: Rational, why: Why },
    /// The figure is in no table of the report as it is (a cumulative balance in total).
    NotInTable,
    /// The windows of a bridge's scenarios differ: the days bridged.
    CommonWindow { from: Date, to: Date },
    /// A sensitivity's assumption whose range was cut at the valid edge.
    CutAt { assumption: String, edge: Value },
    /// The assumptions of a sensitivity, and the relative range of those without their own.
    Ranked { count: usize, percent: Rational },
    /// How many differences between A and B move none of a bridge's figures.
    Silent { count: usize },
    /// A sensitivity's figure with every value as written.
    Base { value: F },
    /// An assumed date without a range of its own: left out.
    NoRange { assumption: String },
    /// An assumption whose range holds one value: left out.
    Nothing { assumption: String },
}

impl<F> Said<F> {
    /// The sentence with its figures turned into others by `f`.
    pub fn map<G>(self, f: &mut impl FnMut(F) -> G) -> Said<G> {
        match self {
            Said::Sum { value, exact } => Said::Sum {
                value: f(value),
                exact,
            },
            Said::Shortfall {
                funder,
                cumulative,
                value,
                exact,
            } => Said::Shortfall {
                funder,
                cumulative: f(cumulative),
                value: f(value),
                exact,
            },
            Said::Average { months, value } => Said::Average {
                months,
                value: f(value),
            },
            Said::ShownAs { shown, exact, why } => Said::ShownAs {
                shown: f(shown),
                exact,
                why,
            },
            Said::NotInTable => Said::NotInTable,
            Said::CommonWindow { from, to } => Said::CommonWindow { from, to },
            Said::CutAt { assumption, edge } => Said::CutAt { assumption, edge },
            Said::Ranked { count, percent } => Said::Ranked { count, percent },
            Said::Silent { count } => Said::Silent { count },
            Said::Base { value } => Said::Base { value: f(value) },
            Said::NoRange { assumption } => Said::NoRange { assumption },
            Said::Nothing { assumption } => Said::Nothing { assumption },
        }
    }
}
