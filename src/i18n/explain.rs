//! Derivations, bridges and sensitivities in Danish and English: the words of
//! [`crate::report::words`] put into a language, numbers and dates as each writes them.

use num_traits::Signed;

use super::{Lang, MINUS, MONTHS_DA_SHORT, View, field_label, full_stop, term};
use crate::explain::{Base, Fraction};
use crate::num::Rational;
use crate::period::PeriodKey;
use crate::report::Figure;
use crate::report::text::Term;
use crate::report::words::{Change, FormulaWords, Said, StepWords, Value, Why, Word};

const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A word or phrase in the view's language.
pub(super) fn word(view: View, w: &Word) -> String {
    let lang = view.lang;
    let tr = |en: &str, da: &str| lang.tr(en, da).to_string();
    match w {
        Word::Entry => tr("Entry", "Post"),
        Word::Where => tr("Where", "Hvor"),
        Word::FormulaHead => tr("Formula", "Beregning"),
        Word::Amount => tr("Amount (kr.)", "Beløb (kr.)"),
        Word::Derivation => tr("How the figure is made up", "Sådan er tallet sammensat"),
        Word::HowComputed => tr("How the figures are computed", "Sådan er tallene beregnet"),
        Word::HowFigure => tr("How the figure is computed", "Sådan er tallet beregnet"),
        Word::Figure {
            measure,
            whose,
            period,
        } => figure(lang, measure, whose.as_deref(), *period),
        Word::Over { from, to } => match lang {
            Lang::En => format!("over {}", lang.range(*from, *to)),
            Lang::Da => format!("i perioden {}", lang.range(*from, *to)),
        },
        Word::Formula(f) => formula(lang, f),
        Word::Named(k, name, id) => {
            let kind = kind(lang, k);
            if id.is_empty() {
                capitalise(&kind)
            } else if name == id {
                format!("{} {id}", capitalise(&kind))
            } else {
                format!("{} {name} ({id})", capitalise(&kind))
            }
        }
        Word::Bridge => tr(
            "From A to B, step by step: each difference and what it changes",
            "Fra A til B trin for trin: hver forskel og hvad den ændrer",
        ),
        Word::BridgeShort => tr("Bridge", "Fra A til B"),
        Word::Step => tr("Step", "Trin"),
        Word::Change => tr("Change", "Ændring"),
        Word::Running => tr("Running total", "Løbende"),
        Word::InA => tr("In A", "I A"),
        Word::InB => tr("In B", "I B"),
        Word::StepWhat(s) => step(lang, s),
        Word::BridgeOrder => tr(
            "The steps go in a stated order: the indexation, then funders, posts, other costs and funding in the order of B (entries only in A after them), and within an entry its fields in the order of the file format. Each step is the change in the figure when that one difference is made on top of the steps before it, exactly; the steps add up to B − A exactly whatever the order.",
            "Trinene følger en fast rækkefølge: pris- og lønfremskrivningen, så finansieringskilder, stillinger, øvrige udgifter og finansiering i B's rækkefølge (poster, der kun findes i A, til sidst), og inden for en post dens felter i filformatets rækkefølge. Hvert trin er ændringen i tallet, når netop den forskel indføres oven på trinene før, eksakt; trinene summerer eksakt til B − A uanset rækkefølgen.",
        ),
        Word::Sensitivity => tr(
            "Which assumption matters most",
            "Hvilken antagelse betyder mest",
        ),
        Word::SensitivityShort => tr("Sensitivity", "Følsomhed"),
        Word::Assumption => tr("Assumption", "Antagelse"),
        Word::Range => tr("Range", "Interval"),
        Word::Low => tr("At the low end", "Ved laveste værdi"),
        Word::High => tr("At the high end", "Ved højeste værdi"),
        Word::Swing => tr("Swing", "Udsving"),
        Word::Values(a, b) => format!("{} – {}", value(lang, *a), value(lang, *b)),
        Word::AssumedField(field) => match field.as_str() {
            "wages" => tr("Wage rises, every year", "Lønstigninger, alle år"),
            "prices" => tr("Price rises, every year", "Prisstigninger, alle år"),
            other => field_label(other, lang),
        },
        Word::Percents(a, b) => format!("{} – {}", percent(lang, *a), percent(lang, *b)),
        Word::TimesEach(a, b) => match lang {
            Lang::En => format!(
                "each year's rise × {} – × {}",
                lang.written(*a),
                lang.written(*b)
            ),
            Lang::Da => format!(
                "hvert års stigning × {} – × {}",
                lang.written(*a),
                lang.written(*b)
            ),
        },
        Word::EachRate(a, b) => match lang {
            Lang::En => format!(
                "each year's rise {} – {}",
                percent(lang, *a),
                percent(lang, *b)
            ),
            Lang::Da => format!(
                "hvert års stigning {} – {}",
                percent(lang, *a),
                percent(lang, *b)
            ),
        },
        Word::Assumed => tr("Assumption", "Antagelse"),
        Word::FigureHead => tr("Figure", "Tal"),
        Word::AmountHead => tr("Amount", "Beløb"),
        Word::AppendixLine => tr(
            "Each figure of the tables by post and by funder, computed from the scenario's entries: a post's cost is its FTE × its cost per FTE a year × the part of the year it runs (whole months in twelfths, part months by the day) × the index where amounts rise; a funder's cost is its share of each post and cost. The amounts are the tables' own, rounded alike.",
            "Hvert tal i tabellerne pr. post og pr. finansieringskilde, beregnet ud fra scenariets poster: en stillings udgift er dens årsværk × dens årlige udgift pr. årsværk × den del af året, den løber (hele måneder i tolvtedele, dele af måneder efter dage) × indekset, hvor beløb fremskrives; en finansieringskildes udgift er dens andel af hver stilling og udgift. Beløbene er tabellernes egne, afrundet ens.",
        ),
        Word::BalanceIs => tr("funding − cost", "finansiering − udgifter"),
        Word::ShortfallIs => tr(
            "how far the cumulative balance is below 0 (else 0)",
            "hvor meget den akkumulerede balance er under 0 (ellers 0)",
        ),
        Word::CumulativeIs { from, to } => match lang {
            Lang::En => format!(
                "the balances from {} to {}",
                lang.date_long(*from),
                lang.date_long(*to)
            ),
            Lang::Da => format!(
                "balancerne fra {} til {}",
                lang.date_long(*from),
                lang.date_long(*to)
            ),
        },
        Word::Cut(v) => match lang {
            Lang::En => format!("cut at {}", value(lang, *v)),
            Lang::Da => format!("afskåret ved {}", value(lang, *v)),
        },
    }
}

/// A sentence in the view's language.
pub(super) fn said(view: View, s: &Said<Figure>) -> String {
    let lang = view.lang;
    match s {
        Said::Sum { value, exact } => {
            let exactly = exactly(lang, value, *exact);
            let value = amount(view, value);
            full_stop(match lang {
                Lang::En => format!("The parts add up to {value}{exactly}"),
                Lang::Da => format!("Delene summerer til {value}{exactly}"),
            })
        }
        Said::Shortfall {
            funder,
            cumulative,
            value,
            exact,
        } => {
            let exactly = exactly(lang, value, *exact);
            let (c, v) = (amount(view, cumulative), amount(view, value));
            full_stop(match lang {
                Lang::En => format!(
                    "The parts add up to {funder}'s cumulative balance, {c}; what it must still find is the part below zero: {v}{exactly}"
                ),
                Lang::Da => format!(
                    "Delene summerer til den akkumulerede balance for {funder}, {c}; det, der mangler, er delen under nul: {v}{exactly}"
                ),
            })
        }
        Said::Average { months, value } => {
            let (m, v) = (lang.written(*months), view.figure(value));
            match lang {
                Lang::En => format!(
                    "The FTE is every post's FTE-months divided by the {m} months of the period in the window: {v}."
                ),
                Lang::Da => format!(
                    "Årsværket er alle stillingers årsværksmåneder divideret med periodens {m} måneder i vinduet: {v}."
                ),
            }
        }
        Said::ShownAs { shown, exact, why } => {
            let amount = view.amount(shown);
            let exact_text = number(lang, *exact);
            let how = if shown.shown == *exact {
                lang.tr("exactly", "eksakt").to_string()
            } else {
                let down = shown.shown.abs() < exact.abs();
                let dir = match (lang, down) {
                    (Lang::En, true) => "down",
                    (Lang::En, false) => "up",
                    (Lang::Da, true) => "ned",
                    (Lang::Da, false) => "op",
                };
                match (lang, why) {
                    (Lang::En, Why::Nearest) => {
                        format!("rounded {dir} from {exact_text}, to the nearest")
                    }
                    (Lang::En, Why::AddsUp) => format!(
                        "rounded {dir} from {exact_text}: not to the nearest, so that its table adds up (the table is rounded as a whole)"
                    ),
                    (Lang::En, Why::Enough) => {
                        format!("rounded {dir} from {exact_text}, so that the amount is enough")
                    }
                    (Lang::Da, Why::Nearest) => {
                        format!("rundet {dir} fra {exact_text} til det nærmeste")
                    }
                    (Lang::Da, Why::AddsUp) => format!(
                        "rundet {dir} fra {exact_text}: ikke til det nærmeste, så tabellen summerer (tabellen afrundes som en helhed)"
                    ),
                    (Lang::Da, Why::Enough) => {
                        format!("rundet {dir} fra {exact_text}, så beløbet er nok")
                    }
                }
            };
            full_stop(match lang {
                Lang::En => format!("The report shows it as {amount}: {how}"),
                Lang::Da => format!("Rapporten viser det som {amount}: {how}"),
            })
        }
        Said::NotInTable => lang
            .tr(
                "The report shows this figure in no table of its own.",
                "Rapporten viser ikke dette tal i en tabel.",
            )
            .to_string(),
        Said::CommonWindow { from, to } => {
            let range = lang.range(*from, *to);
            match lang {
                Lang::En => format!(
                    "The scenarios' windows differ: the bridge covers the days both cover, {range}."
                ),
                Lang::Da => format!(
                    "Scenariernes perioder er forskellige: broen dækker de dage, begge dækker, {range}."
                ),
            }
        }
        Said::CutAt { assumption, edge } => {
            let edge = value(lang, *edge);
            match lang {
                Lang::En => format!(
                    "The range of {assumption} would make it invalid: it is cut at {edge}, the edge of what is valid."
                ),
                Lang::Da => format!(
                    "Intervallet for {assumption} ville gøre værdien ugyldig: det er afskåret ved {edge}, grænsen for gyldige værdier."
                ),
            }
        }
        Said::Silent { count } => match lang {
            Lang::En => format!(
                "{count} other difference{} between A and B move{} none of these figures (see what differs).",
                if *count == 1 { "" } else { "s" },
                if *count == 1 { "s" } else { "" }
            ),
            Lang::Da => format!(
                "{count} {} mellem A og B flytter ikke disse tal (se forskellene).",
                if *count == 1 {
                    "anden forskel"
                } else {
                    "andre forskelle"
                }
            ),
        },
        Said::Base { value } => {
            let v = amount(view, value);
            match lang {
                Lang::En => format!("With every value as written, the figure is {v}"),
                Lang::Da => format!("Med alle værdier som skrevet er tallet {v}"),
            }
        }
        Said::NoRange { assumption } => match lang {
            Lang::En => format!(
                "{assumption} is a date: it varies only in a range its mark gives, such as range = [2023-01-01, 2023-06-30]; left out."
            ),
            Lang::Da => format!(
                "{assumption} er en dato: den varieres kun i et interval, som markeringen giver, fx range = [2023-01-01, 2023-06-30]; udeladt."
            ),
        },
        Said::Nothing { assumption } => match lang {
            Lang::En => format!(
                "{assumption}: its range holds one value (a value of 0, or a range of 0 %), so it moves nothing; give its mark a range = [low, high]; left out."
            ),
            Lang::Da => format!(
                "{assumption}: intervallet rummer én værdi (værdien 0, eller et interval på 0 %), så den flytter intet; giv markeringen et range = [lav, høj]; udeladt."
            ),
        },
        Said::Ranked { count: 0, .. } => lang
            .tr(
                "The scenario marks no value as an assumption: mark one with assumption = \"why\" on its entry, or assumption = { field = \"fte\", why = \"…\", range = \"10%\" }.",
                "Scenariet markerer ingen værdi som en antagelse: markér en med assumption = \"hvorfor\" på dens post, eller assumption = { field = \"fte\", why = \"…\", range = \"10%\" }.",
            )
            .to_string(),
        Said::Ranked { count, percent } => {
            let p = lang.written(*percent * Rational::from_integer(100));
            match lang {
                Lang::En => format!(
                    "{count} assumption{}, ranked by how far each moves the figure; each is varied by ±{p} % unless its mark gives a range, the others held where they are. Both ends are computed exactly, as a report of the scenario with the assumption set there.",
                    if *count == 1 { "" } else { "s" }
                ),
                Lang::Da => format!(
                    "{count} {}, ordnet efter hvor meget hver flytter tallet; hver varieres ±{p} %, medmindre markeringen giver et interval, og de andre holdes fast. Begge ender er beregnet eksakt, som en rapport over scenariet med antagelsen sat dertil.",
                    if *count == 1 {
                        "antagelse"
                    } else {
                        "antagelser"
                    }
                ),
            }
        }
    }
}

/// A rate as a percentage: `4.5 %`, `4,5 %`.
fn percent(lang: Lang, r: Rational) -> String {
    format!("{} %", lang.written(r * Rational::from_integer(100)))
}

/// A figure with its unit, as shown: `2,400,000.00 kr.`, `3.00 FTE`.
fn amount(view: View, f: &Figure) -> String {
    let unit = match f.shape {
        crate::report::Shape::Money(unit) => super::unit_label(unit, view.lang),
        crate::report::Shape::Fte => view.lang.tr("FTE", "årsværk"),
        crate::report::Shape::Percent(_) => "%",
    };
    format!("{} {unit}", view.figure(f))
}

/// `, exactly 100000/3 kr. = 33,333.3333…` where the exact figure has more than two decimals.
fn exactly(lang: Lang, shown: &Figure, exact: Rational) -> String {
    if crate::num::decimals(exact).is_some_and(|d| d <= 2) && shown.shown == exact {
        return String::new();
    }
    match lang {
        Lang::En => format!(" (exactly {} kr.)", number(lang, exact)),
        Lang::Da => format!(" (eksakt {} kr.)", number(lang, exact)),
    }
}

/// An exact number: a decimal where it is a short one, else the fraction and its first
/// decimals: `100000/3 = 33,333.3333…`.
fn number(lang: Lang, r: Rational) -> String {
    match crate::num::decimals(r).filter(|d| *d <= 6) {
        Some(d) => lang.number(r, d.max(if r.is_integer() { 0 } else { 2 })),
        None => {
            let sign = if r < Rational::from_integer(0) {
                MINUS
            } else {
                ""
            };
            format!(
                "{sign}{}/{} = {}…",
                r.numer().abs(),
                r.denom(),
                lang.number(r, 4)
            )
        }
    }
}

/// Kroner as written: whole, or with øre where there are any.
fn kroner(lang: Lang, r: Rational) -> String {
    let places = if r.is_integer() { 0 } else { 2 };
    format!("{} kr.", lang.number(r, places))
}

fn value(lang: Lang, v: Value) -> String {
    match v {
        Value::Money(m) => kroner(lang, m),
        Value::Number(n) => lang.written(n),
        Value::Date(d) => lang.date(d),
        Value::MonthDay(m, d) => match lang {
            Lang::En => format!("{m:02}-{d:02}"),
            Lang::Da => format!("{d:02}.{m:02}"),
        },
    }
}

fn month_name(lang: Lang, (y, m): (i16, i8)) -> (String, i16) {
    let k = usize::try_from(m - 1).unwrap_or(0).min(11);
    let name = match lang {
        Lang::En => MONTHS_EN_SHORT[k],
        Lang::Da => MONTHS_DA_SHORT[k],
    };
    (name.to_string(), y)
}

/// `Jan–Dec 2024`, `Jul 2023–Jun 2024`, `Jul 2023`; `jan.–dec. 2024` in Danish.
fn months(lang: Lang, first: (i16, i8), last: (i16, i8)) -> String {
    let (a, ya) = month_name(lang, first);
    let (b, yb) = month_name(lang, last);
    if first == last {
        format!("{a} {ya}")
    } else if ya == yb {
        format!("{a}–{b} {ya}")
    } else {
        format!("{a} {ya}–{b} {yb}")
    }
}

/// A line's formula with its numbers: `1 FTE × 800,000 kr. a year × 12/12 (Jan–Dec 2024) ×
/// index 1.05 × share 2/3`.
fn formula(lang: Lang, f: &FormulaWords) -> String {
    let when = months(lang, f.first, f.last);
    let mut out = String::new();
    if f.minus {
        out.push_str(MINUS);
        out.push(' ');
    }
    let fte = |x: Rational| format!("{} {}", lang.written(x), lang.tr("FTE", "årsværk"));
    let a_year = lang.tr("a year", "om året");
    match f.base {
        Base::Post {
            fte: n,
            cost_per_fte,
        } => out.push_str(&format!(
            "{} × {} {a_year}",
            fte(n),
            kroner(lang, cost_per_fte)
        )),
        Base::Annual(a) => out.push_str(&format!("{} {a_year}", kroner(lang, a))),
        Base::OneOff { amount, date } => {
            let on = lang.tr("on", "den");
            out.push_str(&format!(
                "{} {on} {}",
                kroner(lang, amount),
                lang.date_long(date)
            ));
        }
        Base::Fte(n) => out.push_str(&fte(n)),
    }
    let is_fte = matches!(f.base, Base::Fte(_));
    match (f.fraction, is_fte) {
        (Fraction::Whole, _) => {}
        (Fraction::Months(n), false) => out.push_str(&format!(" × {n}/12 ({when})")),
        (Fraction::Months(n), true) => out.push_str(&match lang {
            Lang::En => format!(" × {n} month{} ({when})", if n == 1 { "" } else { "s" }),
            Lang::Da => format!(
                " × {n} {} ({when})",
                if n == 1 { "måned" } else { "måneder" }
            ),
        }),
        (Fraction::Days { days, of }, money) => {
            let twelfth = if money { "" } else { " × 1/12" };
            out.push_str(&match lang {
                Lang::En => format!("{twelfth} × {days}/{of} ({days} of {of} days, {when})"),
                Lang::Da => format!("{twelfth} × {days}/{of} ({days} af {of} dage, {when})"),
            });
        }
    }
    if let Some(level) = f.level {
        out.push_str(&format!(
            " × {} {}",
            lang.tr("index", "indeks"),
            lang.written(level)
        ));
    }
    if let Some(share) = f.share {
        out.push_str(&format!(
            " × {} {}",
            lang.tr("share", "andel"),
            lang.written(share)
        ));
    }
    if let Some(m) = f.months {
        let m = lang.written(m);
        out.push_str(&match lang {
            Lang::En => format!(" ÷ {m} months"),
            Lang::Da => format!(" ÷ {m} måneder"),
        });
    }
    out
}

/// A figure as people read it: `Cost by funder: Business Region North Denmark, 2024`.
fn figure(lang: Lang, measure: &str, whose: Option<&str>, period: Option<PeriodKey>) -> String {
    let what = match measure {
        "cost" | "items" => term(Term::Cost, lang),
        "fte" => term(Term::Fte, lang),
        "cost_by_funder" => term(Term::CostByFunderShort, lang),
        "funding_by_funder" => term(Term::FundingByFunderShort, lang),
        "balance_by_funder" => term(Term::BalanceShort, lang),
        "cumulative_balance_by_funder" => term(Term::CumulativeShort, lang),
        _ => term(Term::StillToFindShort, lang),
    };
    let mut out = what.to_string();
    if let Some(w) = whose {
        out = format!("{out}: {w}");
    }
    match period {
        Some(period) => format!("{out}, {}", lang.period(period)),
        None => out,
    }
}

/// What a step of a bridge does: `Post Kommunal klimamedarbejder (joint-municipal-post):
/// added`; `Funding BRN: bidrag til DK2020 (brn-dk2020): To 31.12.2026 → 30.06.2023`.
fn step(lang: Lang, s: &StepWords) -> String {
    let kind = kind(lang, s.kind);
    let who = match (s.id.is_empty(), s.name == s.id || s.name.is_empty()) {
        (true, _) => capitalise(&kind),
        (false, true) => format!("{} {}", capitalise(&kind), s.id),
        (false, false) => format!("{} {} ({})", capitalise(&kind), s.name, s.id),
    };
    let none = "–".to_string();
    let change = match &s.change {
        Change::Added => lang.tr("added", "tilføjet").to_string(),
        Change::Removed => lang.tr("removed", "fjernet").to_string(),
        Change::Field { field, a, b } => format!(
            "{} {} → {}",
            field_label(field, lang),
            a.map_or_else(|| none.clone(), |v| value(lang, v)),
            b.map_or_else(|| none.clone(), |v| value(lang, v))
        ),
        Change::PaidBy => lang.tr("who pays changed", "fordeling ændret").to_string(),
        Change::Funder { a, b } => format!("{} {a} → {b}", field_label("funder", lang)),
        Change::Indexed => field_label("indexed", lang),
        Change::Flow => lang
            .tr(
                "a yearly amount became a one-off, or the other way",
                "et årligt beløb blev et engangsbeløb eller omvendt",
            )
            .to_string(),
    };
    format!("{who}: {change}")
}

fn kind(lang: Lang, kind: &str) -> String {
    match kind {
        "post" => lang.tr("post", "stilling"),
        "cost" => lang.tr("cost", "udgift"),
        "funding" => lang.tr("funding", "finansiering"),
        "scenario" => lang.tr("scenario", "scenarie"),
        "indexation" => lang.tr("indexation", "pris- og lønfremskrivning"),
        _ => lang.tr("funder", "finansieringskilde"),
    }
    .to_string()
}

fn capitalise(s: &str) -> String {
    super::capitalise(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Rational::new(n, d)
    }

    #[test]
    fn formulas_in_both_languages() {
        let f = FormulaWords {
            base: Base::Post {
                fte: r(1, 1),
                cost_per_fte: r(800_000, 1),
            },
            fraction: Fraction::Months(12),
            first: (2024, 1),
            last: (2024, 12),
            level: Some(r(21, 20)),
            share: Some(r(2, 3)),
            minus: true,
            months: None,
        };
        assert_eq!(
            formula(Lang::En, &f),
            "\u{2212} 1 FTE × 800,000 kr. a year × 12/12 (Jan–Dec 2024) × index 1.05 × share 2/3"
        );
        assert_eq!(
            formula(Lang::Da, &f),
            "\u{2212} 1 årsværk × 800.000 kr. om året × 12/12 (jan.–dec. 2024) × indeks 1,05 × andel 2/3"
        );
        let part = FormulaWords {
            base: Base::Annual(r(12_000, 1)),
            fraction: Fraction::Days { days: 16, of: 31 },
            first: (2023, 7),
            last: (2023, 7),
            level: None,
            share: None,
            minus: false,
            months: None,
        };
        assert_eq!(
            formula(Lang::Da, &part),
            "12.000 kr. om året × 1/12 × 16/31 (16 af 31 dage, jul. 2023)"
        );
        assert_eq!(months(Lang::En, (2023, 7), (2024, 6)), "Jul 2023–Jun 2024");
        assert_eq!(number(Lang::Da, r(100_000, 3)), "100000/3 = 33.333,3333…");
        assert_eq!(number(Lang::En, r(-7_040_000, 1)), "\u{2212}7,040,000");
    }
}
