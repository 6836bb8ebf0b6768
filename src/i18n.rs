//! Danish and English: labels, dates, period names, and numbers in kroner, thousands or
//! millions, written the way each language writes them (`1.600.000 kr.`, `1,6 mio. kr.`).

use jiff::civil::Date;
use num_rational::Ratio;

use crate::num::Rational;
use crate::num::{group, round};
use crate::period::{By, PeriodKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Da,
}

impl Lang {
    /// The language of the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    /// decides; `da` or `da_*` is Danish, anything else English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| var(v))
            .find(|v| !v.is_empty());
        match locale {
            Some(l) if l == "da" || l.starts_with("da_") || l.starts_with("da.") => Lang::Da,
            _ => Lang::En,
        }
    }

    /// The text in this language.
    pub fn tr<'a>(self, en: &'a str, da: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Da => da,
        }
    }

    fn thousands(self) -> char {
        self.tr(",", ".").chars().next().expect("a separator")
    }

    fn decimal_mark(self) -> char {
        self.tr(".", ",").chars().next().expect("a mark")
    }

    /// A number with `decimals` decimals, grouped: `1,600,000.5` or `1.600.000,5`.
    pub fn number(self, value: Rational, decimals: u32) -> String {
        let scaled = round(value, decimals).mantissa();
        let per = 10i128.pow(decimals);
        let sign = if scaled < 0 { "-" } else { "" };
        let whole = group(scaled.abs() / per, self.thousands());
        if decimals == 0 {
            format!("{sign}{whole}")
        } else {
            let frac = scaled.abs() % per;
            format!(
                "{sign}{whole}{}{frac:0width$}",
                self.decimal_mark(),
                width = decimals as usize
            )
        }
    }

    /// A date in a table: `2023-07-01` or `01.07.2023`.
    pub fn date(self, d: Date) -> String {
        match self {
            Lang::En => d.to_string(),
            Lang::Da => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
        }
    }

    /// A date in a sentence: `1 July 2023` or `1. juli 2023`.
    pub fn date_long(self, d: Date) -> String {
        let m = usize::try_from(d.month() - 1).expect("a month is 1–12");
        match self {
            Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
            Lang::Da => format!("{}. {} {}", d.day(), MONTHS_DA[m], d.year()),
        }
    }

    /// `2023-01-01 – 2026-12-31` or `01.01.2023 – 31.12.2026`.
    pub fn range(self, from: Date, to: Date) -> String {
        format!("{} – {}", self.date(from), self.date(to))
    }

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

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_DA_SHORT: [&str; 12] = [
    "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
];

/// What money is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// Kroner, whole.
    #[default]
    Kr,
    /// Thousands of kroner, whole.
    Tkr,
    /// Millions of kroner, with one decimal.
    Mio,
    /// Kroner and øre (for amounts per member with `--precision ore`).
    Ore,
}

impl Unit {
    /// Kroner in one unit.
    pub fn size(self) -> Rational {
        Ratio::from_integer(match self {
            Unit::Kr | Unit::Ore => 1,
            Unit::Tkr => 1_000,
            Unit::Mio => 1_000_000,
        })
    }

    pub fn decimals(self) -> u32 {
        match self {
            Unit::Kr | Unit::Tkr => 0,
            Unit::Mio => 1,
            Unit::Ore => 2,
        }
    }

    /// The smallest amount shown, in kroner: 1, 1,000 or 100,000.
    pub fn step(self) -> Rational {
        self.size() / Ratio::from_integer(10i128.pow(self.decimals()))
    }

    /// After a number: `kr.`, `thousand kr.` / `t.kr.`, `million kr.` / `mio. kr.`
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unit::Kr | Unit::Ore => "kr.",
            Unit::Tkr => lang.tr("thousand kr.", "t.kr."),
            Unit::Mio => lang.tr("million kr.", "mio. kr."),
        }
    }

    /// Over a table: `kr.`, `1,000 kr.` / `1.000 kr.`, `million kr.` / `mio. kr.`
    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Unit::Tkr => lang.tr("1,000 kr.", "1.000 kr."),
            other => other.label(lang),
        }
    }
}

/// How precisely amounts per member are shown: whole kroner, or kroner and øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Precision {
    #[default]
    Kr,
    Ore,
}

impl Precision {
    pub fn unit(self) -> Unit {
        match self {
            Precision::Kr => Unit::Kr,
            Precision::Ore => Unit::Ore,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Precision::Kr => "kr",
            Precision::Ore => "ore",
        }
    }
}

/// How figures are shown: the language and the unit of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct View {
    pub lang: Lang,
    pub unit: Unit,
}

impl View {
    /// A table's or chart's title with the unit of its amounts: `Cost by funder (kr.)`.
    pub fn titled(self, en: &str, da: &str) -> String {
        format!(
            "{} ({})",
            self.lang.tr(en, da),
            self.unit.heading(self.lang)
        )
    }

    /// An amount of kroner in the unit, as a number: `1,600,000`, `1.600` or `1,6`.
    pub fn money(self, kroner: Rational) -> String {
        self.lang
            .number(kroner / self.unit.size(), self.unit.decimals())
    }

    /// An amount with its unit, for sentences: `1.600.000 kr.`, `1,6 mio. kr.`
    pub fn money_unit(self, kroner: Rational) -> String {
        format!("{} {}", self.money(kroner), self.unit.label(self.lang))
    }

    /// FTE with two decimals.
    pub fn fte(self, fte: Rational) -> String {
        self.lang.number(fte, 2)
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

    #[test]
    fn danish_and_english_numbers() {
        let v = |lang, unit| View { lang, unit };
        let x = Ratio::from_integer(1_600_000);
        assert_eq!(v(Lang::Da, Unit::Kr).money_unit(x), "1.600.000 kr.");
        assert_eq!(v(Lang::En, Unit::Kr).money_unit(x), "1,600,000 kr.");
        assert_eq!(v(Lang::Da, Unit::Mio).money_unit(x), "1,6 mio. kr.");
        assert_eq!(v(Lang::En, Unit::Mio).money_unit(x), "1.6 million kr.");
        assert_eq!(v(Lang::Da, Unit::Tkr).money_unit(x), "1.600 t.kr.");
        assert_eq!(Unit::Tkr.heading(Lang::Da), "1.000 kr.");
        assert_eq!(
            v(Lang::Da, Unit::Kr).money(Ratio::from_integer(-860_000)),
            "-860.000"
        );
        assert_eq!(v(Lang::Da, Unit::Kr).fte(Ratio::new(1, 2)), "0,50");
        assert_eq!(Unit::Mio.step(), Ratio::from_integer(100_000));
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
