//! Danish and English, at the edge: the renderers put a shown report's terms, sentences,
//! dates, periods and figures into words here, the way each language writes them
//! (`1.600.000 kr.`, `1,6 mio. kr.`, `2. halvår 2023`).

use jiff::civil::Date;
use num_traits::Signed;

use crate::num::{Rational, Unit};
use crate::period::{By, PeriodKey};
use crate::report::changes::{Fields, Value, field, payers};
use crate::report::text::{
    Checked, Sentence, Shortfall, Status, StatusTerm, StatusText, Term, Text,
};
use crate::report::{Figure, Shape, Side};

pub use crate::msg::Lang;

mod explain;

impl Lang {
    /// A period's name: `2024`, `2024H1`, `2024-07`, `Total`; in Danish `2024`,
    /// `1. halvår 2024`, `jul. 2024`, `I alt`.
    pub fn period(self, key: PeriodKey) -> String {
        match (self, key) {
            (_, PeriodKey::Year(y)) => y.to_string(),
            (Lang::En, k @ (PeriodKey::Half(..) | PeriodKey::Month(..))) => k.label(),
            (Lang::Da, PeriodKey::Half(y, h)) => format!("{h}. halvår {y}"),
            (Lang::Da, PeriodKey::Month(y, m)) => {
                let m = usize::try_from(m - 1).expect("a month is 1–12");
                format!("{} {y}", MONTHS_DA_SHORT[m])
            }
            (_, PeriodKey::Total) => self.total().to_string(),
        }
    }

    pub fn total(self) -> &'static str {
        self.tr("Total", "I alt")
    }

    /// `by year` / `pr. år`.
    pub fn by(self, by: By) -> &'static str {
        match by {
            By::Year => self.tr("by year", "pr. år"),
            By::HalfYear => self.tr("by half-year", "pr. halvår"),
            By::Month => self.tr("by month", "pr. måned"),
            By::Total => self.tr("for the whole period", "for hele perioden"),
        }
    }
}

/// The minus sign of printed numbers: U+2212, not the hyphen.
pub use crate::msg::MINUS;
const MONTHS_DA_SHORT: [&str; 12] = [
    "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];

/// The unit after a number: `kr.`, `thousand kr.` / `t.kr.`, `million kr.` / `mio. kr.`
pub fn unit_label(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Kr | Unit::Ore => "kr.",
        Unit::Tkr => lang.tr("thousand kr.", "t.kr."),
        Unit::Mio => lang.tr("million kr.", "mio. kr."),
    }
}

/// The unit over a table: the same label as after a number (`t.kr.`, never `1.000 kr.` beside
/// it), so that one report speaks of thousands one way.
pub fn unit_heading(unit: Unit, lang: Lang) -> &'static str {
    unit_label(unit, lang)
}

/// A term in `lang`.
pub fn term(t: Term, lang: Lang) -> &'static str {
    let (en, da) = match t {
        Term::Total => ("Total", "I alt"),
        Term::Staff => ("Staff", "Medarbejdere"),
        Term::Post => ("Post", "Stilling"),
        Term::Employer => ("Employer", "Ansat i"),
        Term::Fte => ("FTE", "Årsværk"),
        Term::FromTo => ("From – to", "Fra – til"),
        Term::CostPerFte => ("Cost per FTE a year", "Årlig udgift pr. årsværk"),
        Term::PaidBy => ("Paid by", "Finansieret af"),
        Term::CostByItem => (
            "Cost by post and other cost",
            "Udgifter pr. stilling og øvrige udgifter",
        ),
        Term::CostByItemShort => ("Cost by item", "Udgifter pr. post"),
        Term::Item => ("Item", "Post"),
        Term::TotalCost => ("Total cost", "Udgifter i alt"),
        Term::FteAverage => ("FTE (average)", "Årsværk (gennemsnit)"),
        Term::CostByFunder => ("Cost by funder", "Udgifter fordelt på finansieringskilde"),
        Term::CostByFunderShort => ("Cost by funder", "Udgifter pr. kilde"),
        Term::Funder => ("Funder", "Finansieringskilde"),
        Term::FundingByFunder => (
            "Funding by funder",
            "Finansiering fordelt på finansieringskilde",
        ),
        Term::FundingByFunderShort => ("Funding by funder", "Finansiering pr. kilde"),
        Term::Payer => ("Payer", "Betaler"),
        Term::LookThrough => (
            "Who really pays: cost by payer, looking through funders to their members",
            "Hvem betaler reelt: udgift pr. betaler, gennem finansieringskilderne til deres medlemmer",
        ),
        Term::LookThroughShort => ("By payer", "Pr. betaler"),
        Term::ByMember => (
            "Cost by member of the paying groups",
            "Udgift pr. medlem af de betalende fællesskaber",
        ),
        Term::ByMemberShort => ("By member", "Pr. medlem"),
        Term::Balance => (
            "Balance by funder: funding − cost",
            "Balance: finansiering − udgifter",
        ),
        Term::BalanceShort => ("Balance", "Balance"),
        Term::Cumulative => (
            "Cumulative balance by funder, at the end of each period",
            "Akkumuleret balance ved udgangen af hver periode",
        ),
        Term::CumulativeShort => ("Cumulative balance", "Akkumuleret balance"),
        Term::StillToFind => (
            "Still to find by residual funders, cumulative at the end of each period",
            "Mangler at blive finansieret af restfinansierende kilder, akkumuleret",
        ),
        Term::StillToFindShort => ("Still to find", "Mangler finansiering"),
        Term::Funding => ("Funding", "Finansiering"),
        Term::FundersOverWindow => (
            "Each funder over the whole window: cost, funding, balance and what it must still find",
            "Hver finansieringskilde i hele perioden: udgifter, finansiering, balance og hvad der mangler",
        ),
        Term::FundersOverWindowShort => ("Funders", "Finansieringskilder"),
        Term::Cost => ("Cost", "Udgifter"),
        Term::Comparison => ("Comparison", "Sammenligning"),
        Term::DifferencesAreBMinusA => ("differences are B − A", "forskelle er B − A"),
        Term::FteAndCost => ("FTE and cost", "Årsværk og udgifter"),
        Term::Period => ("Period", "Periode"),
        Term::CostByFunderAB => (
            "Cost by funder, A and B",
            "Udgifter fordelt på finansieringskilde, A og B",
        ),
        Term::WhatDiffers => ("What differs between A and B", "Forskelle mellem A og B"),
        Term::Differences => ("Differences", "Forskelle"),
        Term::What => ("What", "Hvad"),
        Term::Id => ("Id", "Id"),
        Term::Change => ("Change", "Ændring"),
        Term::Added => ("added", "tilføjet"),
        Term::Removed => ("removed", "fjernet"),
        Term::NoDifferences => (
            "no differences in posts, costs, funding or funders",
            "ingen forskelle i stillinger, udgifter, finansiering eller finansieringskilder",
        ),
        Term::Balanced => ("balanced", "i balance"),
        Term::Unbalanced => ("unbalanced", "i underskud"),
        Term::Invalid => ("invalid", "ugyldig"),
        Term::Sweep => ("Sweep", "Følsomhed"),
        Term::SweepTitle => ("Sweep", "Følsomhedsberegning"),
        Term::SweepLine => (
            "each computed like a report of it",
            "hver beregnet som en rapport over den",
        ),
        Term::Variants => ("variants", "varianter"),
        Term::RoundingNote => (
            "Figures are rounded; a total or difference may differ by a unit from the figures shown beside it.",
            "Tallene er afrundede; der kan forekomme afrundingsdifferencer.",
        ),
        Term::NotesAndSources => ("Notes and sources", "Noter og kilder"),
        Term::Source => ("Source", "Kilde"),
        Term::AllocationKeys => ("Allocation keys", "Fordelingsnøgler"),
        Term::ByDefault => ("(default)", "(standard)"),
        Term::DefaultPaidBy => (
            "Paid by default ([defaults] paid_by)",
            "Finansieret som standard ([defaults] paid_by)",
        ),
        Term::DefaultEmployer => (
            "Employer by default ([defaults] employer)",
            "Ansat i som standard ([defaults] employer)",
        ),
        Term::Status(t) => status_words(t),
    };
    lang.tr(en, da)
}

/// How a report is written: the language, and the unit of money asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct View {
    pub lang: Lang,
    pub unit: Unit,
}

impl View {
    /// A figure as a number in its unit: `1,600,000`, `1.600`, `1,6`, `0,50`.
    pub fn figure(self, f: &Figure) -> String {
        match f.shape {
            Shape::Money(unit) => self.lang.number(f.shown / unit.size(), unit.decimals()),
            Shape::Fte => self.lang.number(f.shown, 2),
            Shape::Percent(decimals) => self.lang.number(f.shown, decimals),
        }
    }

    /// An amount with its unit, for sentences: `1.600.000 kr.`, `1,6 mio. kr.`; `at least`
    /// before it where it was rounded up to be enough.
    pub fn amount(self, f: &Figure) -> String {
        let unit = match f.shape {
            Shape::Money(unit) => unit_label(unit, self.lang),
            Shape::Fte => self.lang.tr("FTE", "årsværk"),
            Shape::Percent(_) => "%",
        };
        let at_least = if f.is_rounded_up() {
            self.lang.tr("at least ", "mindst ")
        } else {
            ""
        };
        format!("{at_least}{} {unit}", self.figure(f))
    }

    fn heading(self, unit: Option<Unit>) -> &'static str {
        unit_heading(unit.unwrap_or(self.unit), self.lang)
    }

    /// A text in the view's language.
    pub fn text(self, t: &Text) -> String {
        let lang = self.lang;
        match t {
            Text::Plain(s) => s.clone(),
            Text::Term(t) => term(*t, lang).to_string(),
            Text::Titled(t, unit) => format!("{} ({})", term(*t, lang), self.heading(*unit)),
            Text::TitledSide(t, side, unit) => format!(
                "{}, {} ({})",
                term(*t, lang),
                side_text(*side),
                self.heading(*unit)
            ),
            Text::WithUnit(t, unit) => format!("{} ({})", self.text(t), self.heading(*unit)),
            Text::TermSide(t, side) => format!("{} {}", term(*t, lang), side_text(*side)),
            Text::Side(side) => side_text(*side).to_string(),
            Text::Period(k) => lang.period(*k),
            Text::Date(d) => lang.date(*d),
            Text::DateLong(d) => lang.date_long(*d),
            Text::Range(a, b) => lang.range(*a, *b),
            Text::By(by, capital) => {
                let s = lang.by(*by);
                if *capital {
                    capitalise(s)
                } else {
                    s.to_string()
                }
            }
            Text::AmountsIn => format!(
                "{} {}",
                lang.tr("amounts in", "beløb i"),
                unit_label(self.unit, lang)
            ),
            Text::Prices(prices, year) => prices_text(*prices, *year, lang),
            Text::PaidBy(parts) => match parts.as_slice() {
                [(name, _)] => name.clone(),
                parts => parts
                    .iter()
                    .map(|(name, share)| format!("{name} {}", lang.written(*share)))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            Text::Number(r) => lang.written(*r),
            Text::Value(v) => value_text(v, lang),
            Text::Entry(kind, fields) => describe(kind, fields, lang),
            Text::Field(name) => field_label(name, lang),
            Text::Kind(kind) => match *kind {
                "post" => lang.tr("post", "stilling"),
                "cost" => lang.tr("cost", "udgift"),
                "funding" => lang.tr("funding", "finansiering"),
                "scenario" => lang.tr("scenario", "scenarie"),
                "indexation" => lang.tr("indexation", "pris- og lønfremskrivning"),
                "key" => lang.tr("allocation key", "fordelingsnøgle"),
                _ => lang.tr("funder", "finansieringskilde"),
            }
            .to_string(),
            Text::Scenario {
                side,
                name,
                file,
                from,
                to,
                prices,
            } => {
                let prices = prices
                    .map(|(p, y)| format!(" · {}", prices_text(p, y, lang)))
                    .unwrap_or_default();
                format!(
                    "{}: {name} ({file}, {}){prices}",
                    side_text(*side),
                    lang.range(*from, *to)
                )
            }
            Text::Windows {
                a,
                b,
                compared,
                common,
            } => windows_differ(["A", "B"], [*a, *b, *compared], *common, lang),
            Text::Join(parts, sep) => parts
                .iter()
                .map(|p| self.text(p))
                .collect::<Vec<_>>()
                .join(sep),
            Text::Status(t) => self.status_text(t),
            Text::Words(w) => explain::word(self, w),
        }
    }

    /// A sentence in the view's language.
    pub fn sentence(self, s: &Sentence<Figure>) -> String {
        let lang = self.lang;
        match s {
            Sentence::MustFind { funder, amount, by } => {
                let (amount, date) = (self.amount(amount), lang.date_long(*by));
                match lang {
                    Lang::En => format!(
                        "{funder} covers what falls to it (residual funder) and must still find {amount} by {date}."
                    ),
                    Lang::Da => format!(
                        "{funder} dækker det, der ikke er finansieret på anden vis, og mangler at finde {amount} senest {date}."
                    ),
                }
            }
            Sentence::Shortfalls { funder, ends } => format!("{}.", self.short(funder, ends)),
            Sentence::Pays {
                funder,
                a,
                b,
                delta,
                from,
                to,
            } => {
                // A sentence writes its days in words.
                let span = lang.range_long(*from, *to);
                self.pays(funder, [a, b, delta], span)
            }
            Sentence::Keys(keys) => {
                let keys: Vec<String> = keys
                    .iter()
                    .map(|(name, as_of, source)| {
                        let mut parts = vec![name.clone()];
                        parts.extend(as_of.map(|d| lang.date_long(d)));
                        parts.extend(source.clone());
                        parts.join(", ")
                    })
                    .collect();
                format!("{}: {}.", term(Term::AllocationKeys, lang), keys.join("; "))
            }
            Sentence::Checked(c) => self.checked(c),
            Sentence::StillToFind {
                funder,
                now,
                plan,
                by,
                as_of,
            } => self.still_to_find(funder, [now, plan], *by, *as_of),
            Sentence::Summary {
                balanced,
                unbalanced,
                invalid,
            } => {
                let n = balanced + unbalanced + invalid;
                match lang {
                    Lang::En => format!(
                        "{n} scenario{}: {balanced} balanced, {unbalanced} unbalanced, {invalid} invalid",
                        if n == 1 { "" } else { "s" }
                    ),
                    Lang::Da => format!(
                        "{n} scenarie{}: {balanced} i balance, {unbalanced} i underskud, {invalid} ugyldige",
                        if n == 1 { "" } else { "r" }
                    ),
                }
            }
            Sentence::Solved {
                path,
                value,
                direction,
                date,
                round_to,
                by,
                held,
            } => {
                let by = lang.by(*by);
                let held = held
                    .as_ref()
                    .map(|f| match lang {
                        Lang::En => format!(" ({f} included, held to balance even if residual)"),
                        Lang::Da => {
                            format!(" ({f} medregnet, også selv om den er restfinansierende)")
                        }
                    })
                    .unwrap_or_default();
                let smallest = *direction == crate::whatif::Direction::Smallest;
                let which = match (lang, date, smallest) {
                    (Lang::En, false, true) => "the smallest value",
                    (Lang::En, false, false) => "the largest value",
                    (Lang::En, true, true) => "the earliest date",
                    (Lang::En, true, false) => "the latest date",
                    (Lang::Da, false, true) => "den mindste værdi",
                    (Lang::Da, false, false) => "den største værdi",
                    (Lang::Da, true, true) => "den tidligste dato",
                    (Lang::Da, true, false) => "den seneste dato",
                };
                let rounded = round_to
                    .map(|r| {
                        let r = lang.written(r);
                        match (lang, smallest) {
                            (Lang::En, true) => format!(", rounded up to a multiple of {r},"),
                            (Lang::En, false) => format!(", rounded down to a multiple of {r},"),
                            (Lang::Da, true) => format!(", rundet op til et multiplum af {r}"),
                            (Lang::Da, false) => format!(", rundet ned til et multiplum af {r}"),
                        }
                    })
                    .unwrap_or_default();
                let why = match lang {
                    Lang::En => format!(
                        "is {which}{rounded} at which the scenario balances {by}: every funder's cumulative balance is at least 0 at the end of every period{held}."
                    ),
                    Lang::Da => format!(
                        "er {which}{rounded}, hvor scenariet er i balance {by}: alle finansieringskilders akkumulerede balance er mindst 0 ved udgangen af hver periode{held}."
                    ),
                };
                format!("{path} = {}\n{why}", self.solved(value))
            }
            Sentence::Below { value, then } => match (lang, then.as_ref()) {
                // Danish puts the verb second: "Ved 22. marts 2028 mangler BRN …".
                (Lang::Da, Sentence::Shortfalls { funder, ends }) => format!(
                    "Ved {} mangler {funder} {}.",
                    self.solved(value),
                    self.ends(ends)
                ),
                _ => {
                    let at = lang.tr("At", "Ved");
                    format!("{at} {} {}", self.solved(value), self.sentence(then))
                }
            },
            Sentence::Said(said) => explain::said(self, said),
        }
    }

    /// A value `solve` found or tried.
    fn solved(self, v: &crate::report::text::SolvedValue<Figure>) -> String {
        match v {
            crate::report::text::SolvedValue::Figure(f) => match f.shape {
                Shape::Fte | Shape::Percent(_) => self.figure(f),
                Shape::Money(_) => self.amount(f),
            },
            crate::report::text::SolvedValue::Text(t) => self.text(t),
        }
    }

    /// `X is short 12 kr. at the end of 2024 (31 December 2024), …`, without a full stop.
    pub fn short(self, funder: &str, ends: &[Shortfall<Figure>]) -> String {
        let ends = self.ends(ends);
        match self.lang {
            Lang::En => format!("{funder} is short {ends}"),
            Lang::Da => format!("{funder} mangler {ends}"),
        }
    }

    /// `12 kr. at the end of 2024 (31 December 2024), …`
    fn ends(self, ends: &[Shortfall<Figure>]) -> String {
        let lang = self.lang;
        let ends: Vec<String> = ends
            .iter()
            .map(|e| {
                let (amount, period, date) = (
                    self.amount(&e.amount),
                    lang.period(e.period),
                    lang.date_long(e.end),
                );
                match lang {
                    Lang::En => format!("{amount} at the end of {period} ({date})"),
                    Lang::Da => format!("{amount} ved udgangen af {period} ({date})"),
                }
            })
            .collect();
        ends.join(", ")
    }

    fn pays(self, name: &str, figures: [&Figure; 3], span: String) -> String {
        self.pays_in(name, figures, span, ["A", "B"])
    }

    /// What a funder pays in B against A, the sides called by `sides` (their names on a paper).
    pub fn pays_in(
        self,
        name: &str,
        [a, b, delta]: [&Figure; 3],
        span: String,
        [sa, sb]: [&str; 2],
    ) -> String {
        let zero = Rational::from_integer(0);
        let (from, to) = (self.amount(a), self.amount(b));
        if delta.exact == zero {
            // "Name: …" rather than "Name pays …": the name may be plural (De nordjyske
            // kommuner).
            return full_stop(match self.lang {
                Lang::En => format!("{name}: the same in {sb} as in {sa} over {span}: {from}"),
                Lang::Da => {
                    format!("{name} betaler det samme i {sb} som i {sa} i perioden {span}: {from}")
                }
            });
        }
        let up = delta.exact > zero;
        let mut size = *delta;
        size.shown = size.shown.abs();
        size.exact = size.exact.abs();
        let amount = self.amount(&size);
        match self.lang {
            Lang::En => format!(
                "{name}: {amount} {} in {sb} than in {sa} over {span} ({from} → {to}).",
                if up { "more" } else { "less" }
            ),
            Lang::Da => format!(
                "{name} betaler {amount} {} i {sb} end i {sa} i perioden {span} ({from} → {to}).",
                if up { "mere" } else { "mindre" }
            ),
        }
    }

    /// One line of `check`.
    fn checked(self, c: &Checked<Figure>) -> String {
        let lang = self.lang;
        let status = |t: Term| format!("{:<12}", term(t, lang));
        let name = c
            .name
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let file = &c.file;
        let shorts = |short: &[(String, Vec<Shortfall<Figure>>)]| -> Vec<String> {
            short
                .iter()
                .map(|(funder, ends)| self.short(funder, ends))
                .collect()
        };
        let mut line = match &c.status {
            Status::Balanced => format!("{}{file}{name}", status(Term::Balanced)),
            Status::Unbalanced(short) => format!(
                "{}{file}{name}: {}",
                status(Term::Unbalanced),
                shorts(short).join("; ")
            ),
            Status::Invalid { first, more, short } => {
                let more = match (more, lang) {
                    (0, _) => String::new(),
                    (n, Lang::En) => format!(" (and {n} more)"),
                    (n, Lang::Da) => format!(" (og {n} til)"),
                };
                let mut line = format!("{}{first}{more}", status(Term::Invalid));
                for s in shorts(short) {
                    line.push_str("; ");
                    line.push_str(&s);
                }
                line
            }
        };
        for (funder, amount, by) in &c.must_find {
            line.push_str("; ");
            line.push_str(&self.must_find(funder, amount, *by));
        }
        line
    }

    /// `X (residual) must still find 7,040,000.00 kr. by 31 December 2026`.
    pub fn must_find(self, funder: &str, amount: &Figure, by: Date) -> String {
        let (amount, by) = (self.amount(amount), self.lang.date_long(by));
        match self.lang {
            Lang::En => format!("{funder} (residual) must still find {amount} by {by}"),
            Lang::Da => {
                format!("{funder} (restfinansierende) mangler at finde {amount} senest {by}")
            }
        }
    }
}

/// Words of a status (budget follow-up): English and Danish.
fn status_words(t: StatusTerm) -> (&'static str, &'static str) {
    use StatusTerm as S;
    match t {
        S::Cost => ("Cost", "Udgifter"),
        S::Funding => ("Funding received", "Finansiering (indtægter)"),
        S::Funders => ("Cost by funder", "Udgifter pr. finansieringskilde"),
        S::AnnualBudget => ("Budget for the year", "Årsbudget"),
        S::WindowBudget => ("Budget, whole period", "Budget i alt"),
        S::BudgetToDate => ("Budget to date", "Budget til dato"),
        S::Actual => ("Actual", "Forbrug"),
        S::Received => ("Received", "Modtaget"),
        S::Deviation => ("Deviation", "Afvigelse"),
        S::DeviationPercent => ("Deviation %", "Afvigelse %"),
        S::UsedPercent => ("Used %", "Forbrugsprocent"),
        S::ReceivedPercent => ("Received %", "Modtaget i pct."),
        S::YearForecastRemaining => (
            "Expected year-end: actuals + remaining budget",
            "Forventet regnskab: forbrug + restbudget",
        ),
        S::YearForecastRunRate => (
            "Expected year-end: run rate",
            "Forventet regnskab: lineær fremskrivning",
        ),
        S::WindowForecastRemaining => (
            "Expected at the end: actuals + remaining budget",
            "Forventet ved periodens slut: forbrug + restbudget",
        ),
        S::WindowForecastRunRate => (
            "Expected at the end: run rate",
            "Forventet ved periodens slut: lineær fremskrivning",
        ),
        S::YearReceivedRemaining => (
            "Expected year-end: received + remaining budget",
            "Forventet regnskab: modtaget + restbudget",
        ),
        S::WindowReceivedRemaining => (
            "Expected at the end: received + remaining budget",
            "Forventet ved periodens slut: modtaget + restbudget",
        ),
        S::Material => ("Material", "Væsentlig"),
        S::Explanation => ("Explanation", "Forklaring"),
        S::Yes => ("yes", "ja"),
        S::Entry => ("Item", "Post"),
        S::FundingEntry => ("Funding", "Finansiering"),
        S::TotalCost => ("Total cost", "Udgifter i alt"),
        S::TotalFunding => ("Total funding", "Finansiering i alt"),
        S::Monthly => (
            "Cost by month: budget, actuals and forecast",
            "Udgifter pr. måned: budget, forbrug og prognose",
        ),
        S::Budget => ("Budget", "Budget"),
        S::Forecast => (
            "Forecast (actuals to date, then run rate)",
            "Prognose (forbrug til dato, derefter lineær fremskrivning)",
        ),
        S::ForecastShort => ("Forecast", "Prognose"),
        S::Cumulative => (
            "Cumulative balance by funder at each year's end: budget, and re-forecast with the actuals",
            "Akkumuleret balance pr. finansieringskilde ved årets udgang: budget og genberegnet med forbruget",
        ),
        S::Bookings => (
            "Bookings: every one accounted for",
            "Posteringer: hver postering gjort op",
        ),
        S::Count => ("Bookings", "Antal"),
        S::Amount => ("Amount as booked", "Beløb som bogført"),
        S::ToEntries => (
            "To entries, up to the as-of date",
            "Fordelt på poster til og med opgørelsesdatoen",
        ),
        S::AfterAsOf => (
            "To entries, after the as-of date (not counted)",
            "Fordelt på poster efter opgørelsesdatoen (ikke medregnet)",
        ),
        S::Unallocated => (
            "Not allocated, known (with a reason)",
            "Ikke fordelt, kendt (med begrundelse)",
        ),
        S::Unmapped => (
            "Not allocated: no rule matches",
            "Ikke fordelt: ingen regel passer",
        ),
        S::FileTotal => ("Total of the files", "Filernes sum"),
        S::UnallocatedBookings => ("Bookings not allocated", "Ikke fordelte posteringer"),
        S::Place => ("File and line", "Fil og linje"),
        S::Date => ("Date", "Dato"),
        S::Account => ("Account", "Konto"),
        S::Text => ("Text", "Tekst"),
        S::Reason => ("Reason", "Begrundelse"),
        S::NoRule => (
            "no rule matches (shown by --allow-unmapped)",
            "ingen regel passer (vist med --allow-unmapped)",
        ),
        S::Methods => (
            "Deviation = actual − budget to date, and in percent of the budget to date; used % = actual in percent of the budget. Expected outturn by two methods: actuals + remaining budget (the budget not yet due, as planned), and run rate (the actuals per month of the entry's running time so far, in whole øre, for every month of it ahead in the period; a month partly covered counts by its days, as in the budget; a one-off amount, or an entry not yet started, takes its remaining budget). Money received is shown as a positive amount.",
            "Afvigelse = forbrug − budget til dato, og i procent af budgettet til dato; forbrugsprocent = forbrug i procent af budgettet. Forventet regnskab efter to metoder: forbrug + restbudget (den del af budgettet, der endnu ikke er forfalden, som planlagt) og lineær fremskrivning (forbruget pr. måned af postens løbetid indtil nu, i hele øre, for hver af dens resterende måneder i perioden; en delvist dækket måned tæller efter sine dage som i budgettet; et engangsbeløb eller en post, der endnu ikke er begyndt, får sit restbudget). Indtægter vises som positive beløb.",
        ),
        S::NotApplicable => ("–", "–"),
    }
}

/// The short name of a status table, for a spreadsheet's tab.
fn status_short(t: StatusTerm, lang: Lang) -> &'static str {
    use StatusTerm as S;
    let (en, da) = match t {
        S::Cost => ("Cost", "Udgifter"),
        S::Funding => ("Funding", "Finansiering"),
        S::Funders => ("Funders", "Kilder"),
        S::Monthly => ("By month", "Pr. måned"),
        S::Cumulative => ("Balance", "Balance"),
        S::Bookings => ("Bookings", "Posteringer"),
        S::UnallocatedBookings => ("Not allocated", "Ikke fordelt"),
        other => status_words(other),
    };
    lang.tr(en, da)
}

impl View {
    /// A status's text in the view's language.
    fn status_text(self, t: &StatusText) -> String {
        let lang = self.lang;
        match t {
            StatusText::Title { as_of, name } => match lang {
                Lang::En => format!("Budget follow-up as of {}: {name}", lang.date_long(*as_of)),
                Lang::Da => format!("Budgetopfølgning pr. {}: {name}", lang.date_long(*as_of)),
            },
            StatusText::Bookings { files, rows, from } => {
                let (files, from) = (files.join(", "), lang.date_long(*from));
                let rows = crate::num::group(*rows as i128, lang.thousands());
                match lang {
                    Lang::En => {
                        format!("Bookings: {files} ({rows} bookings); followed up from {from}")
                    }
                    Lang::Da => {
                        format!("Bogføring: {files} ({rows} posteringer); opfølgning fra {from}")
                    }
                }
            }
            StatusText::Materiality { percent, amount } => {
                let percent = percent.map(|p| match lang {
                    Lang::En => format!("over {} % of the budget to date", lang.written(p)),
                    Lang::Da => format!("over {} % af budgettet til dato", lang.written(p)),
                });
                let amount = amount.map(|a| {
                    let n = lang.number(a, if a.is_integer() { 0 } else { 2 });
                    format!("{} {n} kr.", lang.tr("over", "over"))
                });
                match (percent, amount, lang) {
                    (None, None, Lang::En) => "No materiality threshold: no deviation is flagged (--materiality 5% or an amount sets one).".into(),
                    (None, None, Lang::Da) => "Ingen væsentlighedsgrænse: ingen afvigelse markeres (--materiality 5% eller et beløb sætter en).".into(),
                    (p, a, _) => {
                        let both = [p, a].into_iter().flatten().collect::<Vec<_>>().join(lang.tr(" and ", " og "));
                        full_stop(match lang {
                            Lang::En => format!("Material deviations (flagged): {both}"),
                            Lang::Da => format!("Væsentlige afvigelser (markeret): {both}"),
                        })
                    }
                }
            }
            StatusText::Scope {
                what,
                scope,
                from,
                to,
            } => {
                let (what, range) = (term(Term::Status(*what), lang), lang.range(*from, *to));
                match (scope, lang) {
                    (crate::report::grid::Scope::Year, Lang::En) => {
                        format!("{what}, budget year {} ({range})", from.year())
                    }
                    (crate::report::grid::Scope::Year, Lang::Da) => {
                        format!("{what}, budgetår {} ({range})", from.year())
                    }
                    (crate::report::grid::Scope::Window, Lang::En) => {
                        format!("{what}, whole period ({range})")
                    }
                    (crate::report::grid::Scope::Window, Lang::Da) => {
                        format!("{what}, hele perioden ({range})")
                    }
                }
            }
            StatusText::Short { what, year } => {
                let what = status_short(*what, lang);
                match year {
                    Some(y) => format!("{what} {y}"),
                    None => format!("{what} {}", lang.tr("all", "i alt")),
                }
            }
            StatusText::FunderRow { name, reforecast } => {
                let how = if *reforecast {
                    lang.tr("with actuals", "med forbrug")
                } else {
                    lang.tr("budget", "budget")
                };
                format!("{name}: {how}")
            }
        }
    }

    /// What a residual funder must still find, re-forecast with the actuals, and by budget.
    fn still_to_find(
        self,
        funder: &str,
        [now, plan]: [&Figure; 2],
        by: Date,
        as_of: Date,
    ) -> String {
        let lang = self.lang;
        let (now, plan) = (self.amount(now), self.amount(plan));
        let (by, as_of) = (lang.date_long(by), lang.date_long(as_of));
        full_stop(match lang {
            Lang::En => format!(
                "{funder} (residual funder) must still find {now} by {by}, with the actuals to {as_of} and the budget after; the budget alone says {plan}"
            ),
            Lang::Da => format!(
                "{funder} (restfinansierende) mangler at finde {now} senest {by} med forbruget til {as_of} og budgettet derefter; budgettet alene giver {plan}"
            ),
        })
    }
}

/// A field of an entry as a person calls it; a field without a label as it is written.
fn field_label(name: &str, lang: Lang) -> String {
    let (en, da) = match name {
        "name" => ("Name", "Navn"),
        "title" => ("Title", "Titel"),
        "employer" => ("Employer", "Ansat i"),
        "fte" => ("FTE", "Årsværk"),
        "annual_cost_per_fte" => ("Cost per FTE a year", "Årlig udgift pr. årsværk"),
        "annual" => ("Amount a year", "Beløb om året"),
        "amount" => ("Amount", "Beløb"),
        "from" => ("From", "Fra"),
        "to" => ("To", "Til"),
        "date" => ("Date", "Dato"),
        "paid_by" => ("Paid by", "Finansieret af"),
        "funder" => ("Funder", "Finansieringskilde"),
        "residual" => ("Residual", "Restfinansierende"),
        "start" => ("Start", "Start"),
        "end" => ("End", "Slut"),
        "base_year" => ("Base year", "Basisår"),
        "effective" => ("Rises take effect", "Stigninger fra"),
        "as_of" => ("As of", "Opgjort pr."),
        "members" => ("Members by key", "Medlemmer efter nøgle"),
        "raised_by" => ("Raised by key", "Finansieres efter nøgle"),
        "indexed" => ("Indexed by", "Fremskrives med"),
        other => {
            // `wages.2025`, `prices.2025`, `members.aalborg`.
            return match other.split_once('.') {
                Some(("wages", year)) => format!("{} {year}", lang.tr("Wage rise", "Lønstigning")),
                Some(("prices", year)) => {
                    format!("{} {year}", lang.tr("Price rise", "Prisstigning"))
                }
                Some(("members", id)) => format!("{} {id}", lang.tr("Weight of", "Vægt for")),
                _ => other.to_string(),
            };
        }
    };
    lang.tr(en, da).to_string()
}

/// Words of a paper for a meeting (PDF, Word, HTML) that reports do not hold as terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperWord {
    /// B − A, as a column or row of a comparison.
    Difference,
    /// Before the baseline scenario's name.
    Baseline,
    /// Before the name of the scenario compared with it.
    Compared,
    /// Before the date the paper was made.
    Printed,
    /// The heading of notes not tied to a table.
    Notes,
    /// After a table's title on the page it continues on.
    Continued,
    /// Before a notes's number under a table.
    Note,
}

/// A word of a paper in `lang`.
pub fn paper_word(w: PaperWord, lang: Lang) -> &'static str {
    let (en, da) = match w {
        PaperWord::Difference => ("Difference", "Forskel"),
        PaperWord::Baseline => ("Baseline", "Udgangspunkt"),
        PaperWord::Compared => ("Compared with", "Sammenlignet med"),
        PaperWord::Printed => ("Printed", "Udskrevet"),
        PaperWord::Notes => ("Notes", "Noter"),
        PaperWord::Continued => ("continued", "fortsat"),
        PaperWord::Note => ("Note", "Note"),
    };
    lang.tr(en, da)
}

/// `Page 1 of 3` / `Side 1 af 3`.
pub fn page_of(page: usize, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Page {page} of {pages}"),
        Lang::Da => format!("Side {page} af {pages}"),
    }
}

/// `differences are B − A` with the scenarios' names.
pub fn differences_are(a: &str, b: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("differences are {b} − {a}"),
        Lang::Da => format!("forskel er {b} − {a}"),
    }
}

/// The bridge's title with the scenarios' names: `From Status quo to Det Fælles
/// Klimasekretariat, step by step: …`.
pub fn bridge_from_to(a: &str, b: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("From {a} to {b}, step by step: each difference and what it changes"),
        Lang::Da => format!("Fra {a} til {b} trin for trin: hver forskel og hvad den ændrer"),
    }
}

/// `What differs between A and B` with the scenarios' names.
pub fn what_differs(a: &str, b: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("What differs between {a} and {b}"),
        Lang::Da => format!("Forskelle mellem {a} og {b}"),
    }
}

/// `Cost by funder, A and B` with the scenarios' names.
pub fn cost_by_funder_of(a: &str, b: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Cost by funder, {a} and {b}"),
        Lang::Da => format!("Udgifter fordelt på finansieringskilde, {a} og {b}"),
    }
}

/// A sentence with its full stop, unless it already ends in one (`… 0 kr.`).
fn full_stop(s: String) -> String {
    if s.ends_with('.') { s } else { s + "." }
}

fn side_text(side: Side) -> &'static str {
    match side {
        Side::A => "A",
        Side::B => "B",
        Side::Delta => "B − A",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `current prices (base year 2023)` / `faste 2023-priser`.
fn prices_text(prices: crate::engine::Prices, year: i16, lang: Lang) -> String {
    use crate::engine::Prices;
    match (prices, lang) {
        (Prices::Current, Lang::En) => format!("current prices (base year {year})"),
        (Prices::Current, Lang::Da) => format!("løbende priser (basisår {year})"),
        (Prices::Fixed, Lang::En) => format!("fixed {year} prices"),
        (Prices::Fixed, Lang::Da) => format!("faste {year}-priser"),
    }
}

/// That a comparison's windows differ (`a`, `b`), the sides called by `names`, and which days
/// are compared: those both cover (`common`) or every day either covers.
pub fn windows_differ(
    [na, nb]: [&str; 2],
    windows: [(Date, Date); 3],
    common: bool,
    lang: Lang,
) -> String {
    // A sentence writes its days in words.
    let [a, b, c] = windows.map(|(from, to)| lang.range_long(from, to));
    match (lang, common) {
        (Lang::En, true) => format!(
            "The windows differ ({na}: {a}; {nb}: {b}): compared over the days both cover, {c}; --window union compares every day of both."
        ),
        (Lang::En, false) => format!(
            "The windows differ ({na}: {a}; {nb}: {b}): compared over every day either covers, {c}; a side shows zeros where it has no period."
        ),
        (Lang::Da, true) => format!(
            "Perioderne er forskellige ({na}: {a}; {nb}: {b}): sammenlignet over de dage, begge dækker, {c}; --window union sammenligner alle dage i begge."
        ),
        (Lang::Da, false) => format!(
            "Perioderne er forskellige ({na}: {a}; {nb}: {b}): sammenlignet over alle dage, mindst én dækker, {c}; en side viser nul, hvor den ingen periode har."
        ),
    }
}

/// A field's value in a comparison, as the language writes it.
fn value_text(v: &Value, lang: Lang) -> String {
    match v {
        Value::Money(m) => lang.number(*m, if m.is_integer() { 0 } else { 2 }),
        Value::Date(d) => lang.date(*d),
        Value::Number(n) => lang.written(*n),
        Value::Flag(b) => lang
            .tr(
                if *b { "true" } else { "false" },
                if *b { "ja" } else { "nej" },
            )
            .to_string(),
        // Names where people read them; ids stay in the data formats (`Value::plain`).
        Value::Payers(p, names) => {
            let named: Vec<(String, Rational)> = (names.iter().cloned())
                .zip(p.iter().map(|(_, share)| *share))
                .collect();
            payers(&named, |r| lang.written(r))
        }
        Value::Named { name, .. } => name.clone(),
        Value::Index(crate::model::Index::Wages) => lang.tr("wages", "løn").to_string(),
        Value::Index(crate::model::Index::Prices) => lang.tr("prices", "priser").to_string(),
        Value::Text(_) => v.plain(),
    }
}

/// A few words describing an added or removed entry of a comparison.
pub fn describe(kind: &str, fields: &Fields, lang: Lang) -> String {
    let get = |name| {
        field(fields, name)
            .map(|v| value_text(v, lang))
            .unwrap_or_default()
    };
    let flow = || {
        if field(fields, "annual").is_some() {
            match lang {
                Lang::En => format!(
                    "{} kr. a year, {} – {}",
                    get("annual"),
                    get("from"),
                    get("to")
                ),
                Lang::Da => format!(
                    "{} kr. om året, {} – {}",
                    get("annual"),
                    get("from"),
                    get("to")
                ),
            }
        } else {
            match lang {
                Lang::En => format!("{} kr. on {}", get("amount"), get("date")),
                Lang::Da => format!("{} kr. den {}", get("amount"), get("date")),
            }
        }
    };
    match (kind, lang) {
        ("funder", _) => {
            let residual = matches!(field(fields, "residual"), Some(Value::Flag(true)));
            let name = get("name");
            if residual {
                format!("{name} ({})", lang.tr("residual", "restfinansierende"))
            } else {
                name
            }
        }
        ("post", _) => {
            let employer = get("employer");
            let employed = if employer.is_empty() {
                String::new()
            } else {
                format!(", {} {employer}", lang.tr("employed by", "ansat i"))
            };
            format!(
                "{} {} {} kr. {}, {} – {}, {} {}{employed}",
                get("fte"),
                lang.tr("FTE ×", "årsværk à"),
                get("annual_cost_per_fte"),
                lang.tr("a year", "om året"),
                get("from"),
                get("to"),
                lang.tr("paid by", "finansieret af"),
                get("paid_by"),
            )
        }
        ("indexation" | "key" | "scenario", _) => fields
            .iter()
            .map(|(name, v)| format!("{}: {}", field_label(name, lang), value_text(v, lang)))
            .collect::<Vec<_>>()
            .join(", "),
        ("cost", Lang::En) => format!("{}, paid by {}", flow(), get("paid_by")),
        ("cost", Lang::Da) => format!("{}, finansieret af {}", flow(), get("paid_by")),
        (_, Lang::En) => format!("{} from {}", flow(), get("funder")),
        (_, Lang::Da) => format!("{} fra {}", flow(), get("funder")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "da_DK.UTF-8")])), Lang::Da);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "da_DK.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "da_DK"),
                ("LANG", "C")
            ])),
            Lang::Da
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    /// `kroner` shown in `unit`, rounded to the nearest.
    fn shown(kroner: i128, unit: Unit) -> Figure {
        let exact = Rational::from_integer(kroner);
        Figure {
            shown: (exact / unit.step()).round() * unit.step(),
            exact,
            shape: Shape::Money(unit),
            origin: None,
        }
    }

    #[test]
    fn danish_and_english_numbers() {
        let v = |lang, unit| View { lang, unit };
        let x = |unit| shown(1_600_000, unit);
        assert_eq!(v(Lang::Da, Unit::Kr).amount(&x(Unit::Kr)), "1.600.000 kr.");
        assert_eq!(v(Lang::En, Unit::Kr).amount(&x(Unit::Kr)), "1,600,000 kr.");
        assert_eq!(v(Lang::Da, Unit::Mio).amount(&x(Unit::Mio)), "1,6 mio. kr.");
        assert_eq!(
            v(Lang::En, Unit::Mio).amount(&x(Unit::Mio)),
            "1.6 million kr."
        );
        assert_eq!(v(Lang::Da, Unit::Tkr).amount(&x(Unit::Tkr)), "1.600 t.kr.");
        // One label for thousands: issue 12 found `t.kr.` in sentences and `1.000 kr.` over
        // the tables of the same report.
        assert_eq!(unit_heading(Unit::Tkr, Lang::Da), "t.kr.");
        assert_eq!(unit_heading(Unit::Tkr, Lang::En), "thousand kr.");
        assert_eq!(
            v(Lang::Da, Unit::Kr).figure(&shown(-860_000, Unit::Kr)),
            "−860.000"
        );
        let half = Figure {
            shown: Rational::new(1, 2),
            exact: Rational::new(1, 2),
            shape: Shape::Fte,
            origin: None,
        };
        assert_eq!(v(Lang::Da, Unit::Kr).figure(&half), "0,50");
        // Rounded up to be enough: said so.
        let up = Figure {
            shown: Rational::from_integer(676_252),
            exact: Rational::new(67_625_156, 100),
            shape: Shape::Money(Unit::Kr),
            origin: None,
        };
        assert_eq!(v(Lang::Da, Unit::Kr).amount(&up), "mindst 676.252 kr.");
        assert_eq!(v(Lang::En, Unit::Kr).amount(&up), "at least 676,252 kr.");
        // A surplus too small for the unit is 0, never -0.
        assert_eq!(
            v(Lang::Da, Unit::Mio).figure(&shown(-22_104, Unit::Mio)),
            "0,0"
        );
        assert_eq!(Unit::Mio.step(), Rational::from_integer(100_000));
    }

    #[test]
    fn danish_dates_and_periods() {
        assert_eq!(Lang::Da.date(date(2023, 7, 1)), "01.07.2023");
        assert_eq!(Lang::Da.date_long(date(2023, 7, 1)), "1. juli 2023");
        assert_eq!(Lang::En.date_long(date(2023, 7, 1)), "1 July 2023");
        assert_eq!(Lang::Da.period(PeriodKey::Half(2023, 2)), "2. halvår 2023");
        assert_eq!(Lang::Da.period(PeriodKey::Month(2024, 5)), "maj 2024");
        assert_eq!(Lang::En.period(PeriodKey::Half(2023, 2)), "2023H2");
        assert_eq!(Lang::Da.period(PeriodKey::Total), "I alt");
    }
}
