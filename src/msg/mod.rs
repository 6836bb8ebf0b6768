//! Messages for people, by id, in Danish and English: the catalogue of everything the loader
//! and the commands say about input (errors, warnings, labels, hints), kept as ids with their
//! values and put into words only when shown ([`Msg::render`]), in the language of the run.
//!
//! The catalogue (`catalogue.rs`) writes each message's English and Danish side by side; a
//! placeholder either language leaves out does not compile (an unused variable), and a test
//! renders every message in both.

mod catalogue;

use jiff::civil::Date;

use crate::num::{Rational, decimals, group, round};

pub use self::catalogue::Msg;

/// The language of everything shown to people.
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

    pub fn thousands(self) -> char {
        self.tr(",", ".").chars().next().expect("a separator")
    }

    pub fn decimal_mark(self) -> char {
        self.tr(".", ",").chars().next().expect("a mark")
    }

    /// A number with `decimals` decimals, grouped: `1,600,000.5` or `1.600.000,5`.
    pub fn number(self, value: Rational, decimals: u32) -> String {
        let scaled = round(value, decimals).mantissa();
        let per = 10i128.pow(decimals);
        // A true minus sign (U+2212), as wide as a digit in tabular figures; data formats
        // (JSON, CSV) write their own plain `-`.
        let sign = if scaled < 0 { MINUS } else { "" };
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

    /// A number as the user wrote it, grouped, with the language's decimal mark: `0.5` /
    /// `0,5`, `600,000` / `600.000`; a fraction that is no decimal as one: `1/3`.
    pub fn written(self, value: Rational) -> String {
        match crate::num::decimals(value).filter(|p| *p <= 12) {
            Some(places) => self.number(value, places),
            None => format!("{}/{}", value.numer(), value.denom()),
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

    /// In a sentence: `1 January 2023 – 31 December 2026` or `1. januar 2023 – 31. december
    /// 2026`.
    pub fn range_long(self, from: Date, to: Date) -> String {
        format!("{} – {}", self.date_long(from), self.date_long(to))
    }
}

/// The minus sign of printed numbers: U+2212, not the hyphen.
pub const MINUS: &str = "\u{2212}";

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

/// A value in a message, shown as the language writes it.
pub trait Arg {
    fn show(&self, lang: Lang) -> String;
    /// Whether it is shown in the language asked for (text outside the catalogue is not).
    fn translated(&self) -> bool {
        true
    }
    /// A value of the kind, for tests that render every message.
    fn sample() -> Self
    where
        Self: Sized;
}

/// Text shown as it is: an id, a key, a name, a path, a value as written in the file.
impl Arg for String {
    fn show(&self, _: Lang) -> String {
        self.clone()
    }
    fn sample() -> Self {
        "⟨x⟩".into()
    }
}

impl Arg for &'static str {
    fn show(&self, _: Lang) -> String {
        self.to_string()
    }
    fn sample() -> Self {
        "⟨x⟩"
    }
}

/// A message within a message.
impl Arg for Box<Msg> {
    fn show(&self, lang: Lang) -> String {
        self.render(lang)
    }
    fn translated(&self) -> bool {
        self.is_translated()
    }
    fn sample() -> Self {
        Box::new(Msg::OwnerTheScenario)
    }
}

/// A whole number: `1,000` / `1.000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub usize);

impl Arg for Count {
    fn show(&self, lang: Lang) -> String {
        group(self.0 as i128, lang.thousands())
    }
    fn sample() -> Self {
        Count(1234)
    }
}

/// A number as it is, with the language's marks: `1,500,000.5` / `1.500.000,5`; a fraction
/// that is no decimal as one (`1/3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num(pub Rational);

/// `r` exactly, grouped, with the language's decimal mark, whatever its size (`1/3` as a
/// fraction): for values as users wrote them, which may be far larger than any figure.
fn exact(lang: Lang, r: Rational) -> String {
    let places = decimals(r).filter(|p| *p <= 12);
    let scaled = places.and_then(|p| {
        let per = 10i128.pow(p);
        Some((r.numer().checked_mul(per / r.denom())?, per, p))
    });
    match scaled {
        Some((n, per, p)) => {
            let whole = group(n / per, lang.thousands());
            let sign = if n < 0 && n / per == 0 { "-" } else { "" };
            match p {
                0 => whole,
                p => format!(
                    "{sign}{whole}{}{:0width$}",
                    lang.decimal_mark(),
                    (n % per).unsigned_abs(),
                    width = p as usize
                ),
            }
        }
        None => format!("{}/{}", r.numer(), r.denom()),
    }
}

impl Arg for Num {
    fn show(&self, lang: Lang) -> String {
        exact(lang, self.0)
    }
    fn sample() -> Self {
        Num(Rational::new(3, 2))
    }
}

/// An amount of money: `1,500,000 kr.`, `0.50 kr.` / `1.500.000 kr.`, `0,50 kr.`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kr(pub Rational);

impl Arg for Kr {
    fn show(&self, lang: Lang) -> String {
        // Øre as two decimals: 1.50 kr., not 1.5 kr.
        let tenths = decimals(self.0) == Some(1);
        let number = exact(lang, self.0) + if tenths { "0" } else { "" };
        format!("{number} kr.")
    }
    fn sample() -> Self {
        Kr(Rational::new(3, 2))
    }
}

/// An amount to the øre: `311,874.22 kr.` / `311.874,22 kr.`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ore(pub Rational);

impl Arg for Ore {
    fn show(&self, lang: Lang) -> String {
        // Half away from zero, as every figure.
        let ore = (self.0 * Rational::from_integer(100)).round().to_integer();
        let sign = if ore < 0 { "-" } else { "" };
        let (whole, cents) = (ore.abs() / 100, ore.abs() % 100);
        let whole = group(whole, lang.thousands());
        format!("{sign}{whole}{}{cents:02} kr.", lang.decimal_mark())
    }
    fn sample() -> Self {
        Ore(Rational::new(3, 2))
    }
}

/// A percentage: `300 %` / `300 %`, `3.5 %` / `3,5 %`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(pub Rational);

impl Arg for Percent {
    fn show(&self, lang: Lang) -> String {
        match num_traits::CheckedMul::checked_mul(&self.0, &Rational::from_integer(100)) {
            Some(p) => format!("{} %", exact(lang, p)),
            None => format!("{} × 100 %", exact(lang, self.0)),
        }
    }
    fn sample() -> Self {
        Percent(Rational::new(3, 100))
    }
}

/// A day in a sentence: `2023-07-01` (as the file writes it) / `1. juli 2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub Date);

impl Arg for Day {
    fn show(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.0.to_string(),
            Lang::Da => lang.date_long(self.0),
        }
    }
    fn sample() -> Self {
        Day(jiff::civil::date(2023, 7, 1))
    }
}

/// Days from one to another, both included: `2023-01-01 – 2023-12-31` /
/// `1. januar 2023 – 31. december 2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(pub Date, pub Date);

impl Arg for Days {
    fn show(&self, lang: Lang) -> String {
        format!("{} – {}", Day(self.0).show(lang), Day(self.1).show(lang))
    }
    fn sample() -> Self {
        Days(
            jiff::civil::date(2023, 1, 1),
            jiff::civil::date(2023, 12, 31),
        )
    }
}

/// What the TOML parser says is wrong (`invalid float, expected nothing`), in its words for
/// English and in Danish words where they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parser(pub String);

/// The parser's descriptions of a mistake, in Danish.
const PARSER_DA: &[(&str, &str)] = &[
    (
        "missing opening quote",
        "manglende indledende anførselstegn",
    ),
    ("missing escaped value", "manglende tegn efter \\"),
    (
        "missing comma between array elements",
        "manglende komma mellem listens elementer",
    ),
    (
        "missing assignment between key-value pairs",
        "manglende `=` mellem nøgle og værdi",
    ),
    (
        "invalid multi-line basic string",
        "ugyldig flerlinjet tekst",
    ),
    ("unexpected leading zero", "uventet foranstillet nul"),
    (
        "missing key for inline table element",
        "manglende nøgle i tabellens element",
    ),
    ("missing inline table opening", "manglende `{` før tabellen"),
    ("missing array opening", "manglende `[` før listen"),
    ("invalid unquoted key", "ugyldig nøgle uden anførselstegn"),
    ("invalid key", "ugyldig nøgle"),
    ("invalid basic string", "ugyldig tekst"),
    ("unexpected sign", "uventet fortegn"),
    ("unexpected key or value", "uventet nøgle eller værdi"),
    (
        "unexpected content between comment and newline",
        "uventet indhold mellem kommentar og linjeskift",
    ),
    ("unexpected content", "uventet indhold"),
    ("unexpected `=` in array", "uventet `=` i liste"),
    (
        "string values must be quoted",
        "tekstværdier skal stå i anførselstegn",
    ),
    ("missing value for key", "manglende værdi til nøglen"),
    ("missing value", "manglende værdi"),
    ("missing table open", "manglende `[` før tabellen"),
    ("missing comment start", "manglende `#` før kommentaren"),
    (
        "missing comma between key-value pairs",
        "manglende komma mellem nøgle-værdi-par",
    ),
    ("invalid value", "ugyldig værdi"),
    ("invalid table", "ugyldig tabel"),
    ("invalid string", "ugyldig tekst"),
    ("invalid octal number", "ugyldigt oktaltal"),
    (
        "invalid multi-line literal string",
        "ugyldig flerlinjet tekst",
    ),
    ("invalid mantissa", "ugyldig mantisse"),
    (
        "invalid literal string",
        "ugyldig tekst i enkelte anførselstegn",
    ),
    ("invalid key-value pair", "ugyldigt nøgle-værdi-par"),
    ("invalid integer number", "ugyldigt heltal"),
    (
        "invalid inline table element",
        "ugyldigt element i tabellen",
    ),
    ("invalid hexadecimal number", "ugyldigt hexadecimalt tal"),
    ("invalid fraction", "ugyldige decimaler"),
    ("invalid float", "ugyldigt decimaltal"),
    ("invalid exponent", "ugyldig eksponent"),
    ("invalid date-time", "ugyldig dato eller tid"),
    ("invalid comment character", "ugyldigt tegn i kommentar"),
    ("invalid boolean", "ugyldig sandhedsværdi"),
    ("invalid binary number", "ugyldigt binærtal"),
    (
        "extra comma in inline table",
        "overskydende komma i tabellen",
    ),
    ("extra comma in array", "overskydende komma i listen"),
    (
        "extra assignment between key-value pairs",
        "overskydende `=` mellem nøgle-værdi-par",
    ),
    ("extra `=`", "overskydende `=`"),
    (
        "unclosed array table",
        "uafsluttet overskrift af en tabelliste (`[[…]]`)",
    ),
    ("unclosed table", "uafsluttet tabeloverskrift"),
    ("unclosed array", "uafsluttet liste"),
    ("unclosed inline table", "uafsluttet tabel"),
    (
        "cannot recurse further; max recursion depth met",
        "for dybt indlejret: den største tilladte dybde er nået",
    ),
    (
        "cannot extend value of type array with a dotted key",
        "en liste kan ikke udvides med en nøgle med punktum",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "en tabel skrevet på én linje kan ikke udvides med en nøgle med punktum",
    ),
    ("invalid date", "ugyldig dato"),
    ("invalid time", "ugyldigt klokkeslæt"),
    ("invalid offset", "ugyldig tidszone"),
    ("invalid datetime", "ugyldig dato og tid"),
    ("month", "måned"),
    ("day", "dag"),
    ("year", "år"),
    ("hour", "time"),
    ("minute", "minut"),
    ("second", "sekund"),
    ("hours", "timer"),
    ("minutes", "minutter"),
    ("`T` between date and time", "`T` mellem dato og klokkeslæt"),
    ("invalid date-time", "ugyldig dato og tid"),
    ("a four-digit year (YYYY)", "et firecifret år (ÅÅÅÅ)"),
    ("a two-digit month (MM)", "en tocifret måned (MM)"),
    ("a two-digit day (DD)", "en tocifret dag (DD)"),
    ("a two-digit hour (HH)", "en tocifret time (TT)"),
    ("a two-digit minute (MM)", "et tocifret minut (MM)"),
    ("a two-digit second (SS)", "et tocifret sekund (SS)"),
    ("year or hour", "år eller time"),
    ("nanosecond", "nanosekund"),
    // What the parser expected instead.
    ("nothing", "intet"),
    ("newline", "linjeskift"),
    ("key", "nøgle"),
    ("value", "værdi"),
    ("numbers", "tal"),
    ("digits", "cifre"),
    ("letters", "bogstaver"),
    ("literal string", "tekst i enkelte anførselstegn"),
    ("basic string", "tekst"),
    ("multi-line basic string", "flerlinjet tekst"),
    ("unicode hexadecimal value", "hexadecimal Unicode-værdi"),
    ("printable characters", "skrivbare tegn"),
    ("characters", "tegn"),
    (
        "non-single-quote visible characters",
        "synlige tegn undtagen '",
    ),
    ("non-single-quote characters", "tegn undtagen '"),
    (
        "non-double-quote visible characters",
        "synlige tegn undtagen \"",
    ),
    ("etc", "osv."),
];

impl Parser {
    /// `words` in Danish, if they are known (`day between 01 and 28` too).
    fn danish(words: &str) -> Option<String> {
        if let Some((unit, range)) = words.split_once(" between ")
            && let Some((from, to)) = range.split_once(" and ")
            && from.bytes().chain(to.bytes()).all(|b| b.is_ascii_digit())
        {
            return Parser::danish(unit).map(|u| format!("{u} mellem {from} og {to}"));
        }
        (PARSER_DA.iter())
            .find(|(en, _)| *en == words)
            .map(|(_, da)| da.to_string())
    }
}

impl Arg for Parser {
    fn show(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.0.clone();
        }
        let (what, expected) = match self.0.split_once(", expected ") {
            Some((what, expected)) => (what, Some(expected)),
            None => (self.0.as_str(), None),
        };
        let mut out = Parser::danish(what).unwrap_or_else(|| what.to_string());
        if let Some(expected) = expected {
            let items: Vec<String> = (expected.split(", "))
                .map(|e| Parser::danish(e).unwrap_or_else(|| e.to_string()))
                .collect();
            out.push_str(", forventede ");
            out.push_str(&items.join(", "));
        }
        out
    }
    fn translated(&self) -> bool {
        let (what, expected) = self.0.split_once(", expected ").unwrap_or((&self.0, ""));
        let known =
            |w: &str| w.starts_with('`') || w.starts_with('\'') || Parser::danish(w).is_some();
        known(what) && (expected.is_empty() || expected.split(", ").all(known))
    }
    fn sample() -> Self {
        Parser("invalid float, expected nothing".into())
    }
}

/// Names in backticks: `` `a`, `b` and `c` `` / `` `a`, `b` og `c` ``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List(pub Vec<String>);

impl List {
    pub fn of<S: AsRef<str>>(names: &[S]) -> List {
        List(names.iter().map(|n| n.as_ref().to_string()).collect())
    }
}

impl Arg for List {
    fn show(&self, lang: Lang) -> String {
        let quoted: Vec<String> = self.0.iter().map(|n| format!("`{n}`")).collect();
        match quoted.split_last() {
            None => lang.tr("none", "ingen").to_string(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.tr("and", "og")),
        }
    }
    fn sample() -> Self {
        List(vec!["a".into(), "b".into(), "c".into()])
    }
}

/// Messages one after another, separated by commas: `account `22999`, text `Løn``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts(pub Vec<Msg>);

impl Arg for Parts {
    fn show(&self, lang: Lang) -> String {
        let parts: Vec<String> = self.0.iter().map(|m| m.render(lang)).collect();
        parts.join(", ")
    }
    fn translated(&self) -> bool {
        self.0.iter().all(Msg::is_translated)
    }
    fn sample() -> Self {
        Parts(vec![Msg::OwnerTheScenario, Msg::OwnerFile])
    }
}

/// `1st`, `2nd` / `1.`, `2.`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ordinal(pub usize);

impl Arg for Ordinal {
    fn show(&self, lang: Lang) -> String {
        let n = self.0;
        if lang == Lang::Da {
            return format!("{n}.");
        }
        let suffix = match (n % 10, n % 100) {
            (1, 11) | (2, 12) | (3, 13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }
    fn sample() -> Self {
        Ordinal(2)
    }
}

/// Defines [`Msg`]: each message's id, its values, and its English and Danish text side by
/// side, `{name}` standing for a value.
macro_rules! messages {
    ($(
        $(#[$meta:meta])*
        $id:ident $({ $($field:ident : $ty:ty),* $(,)? })? => $en:literal, $da:literal;
    )*) => {
        /// A message by id, with its values; [`Msg::render`] puts it into words.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Msg {
            /// Text from outside the catalogue, shown as it is in every language.
            Text(String),
            $( $(#[$meta])* $id $({ $($field: $ty),* })?, )*
        }

        impl Msg {
            /// The message's id: its name in the catalogue.
            pub fn id(&self) -> &'static str {
                match self {
                    Msg::Text(_) => "Text",
                    $( Msg::$id { .. } => stringify!($id), )*
                }
            }

            /// The message in `lang`.
            pub fn render(&self, lang: $crate::msg::Lang) -> String {
                match lang {
                    $crate::msg::Lang::En => match self {
                        Msg::Text(t) => t.clone(),
                        $( Msg::$id $({ $($field),* })? => {
                            $($( let $field = $crate::msg::Arg::show($field, lang); )*)?
                            format!($en)
                        } )*
                    },
                    $crate::msg::Lang::Da => match self {
                        Msg::Text(t) => t.clone(),
                        $( Msg::$id $({ $($field),* })? => {
                            $($( let $field = $crate::msg::Arg::show($field, lang); )*)?
                            format!($da)
                        } )*
                    },
                }
            }

            /// Whether every part of it comes from the catalogue (none is [`Msg::Text`]).
            pub fn is_translated(&self) -> bool {
                match self {
                    Msg::Text(_) => false,
                    $( Msg::$id $({ $($field),* })? => {
                        true $($( && $crate::msg::Arg::translated($field) )*)?
                    } )*
                }
            }

            /// Every message of the catalogue once, with sample values.
            pub fn every() -> Vec<Msg> {
                vec![ $( Msg::$id $({ $($field: <$ty as $crate::msg::Arg>::sample()),* })?, )* ]
            }
        }
    };
}

pub(crate) use messages;

/// Text from outside the catalogue, for the unit tests' own words only: code that builds
/// messages for people names them by id, so that none reaches a Danish user in English.
#[cfg(test)]
impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::Text(s)
    }
}

impl From<Box<Msg>> for Msg {
    fn from(m: Box<Msg>) -> Msg {
        *m
    }
}

#[cfg(test)]
impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::Text(s.to_string())
    }
}

impl Msg {
    /// The message boxed, to go inside another.
    pub fn boxed(self) -> Box<Msg> {
        Box::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English words that a Danish message must not hold (outside what it quotes).
    /// (Not "to", "for", "a", "give" or "is": Danish words too.)
    const ENGLISH: &[&str] = &[
        "the", "are", "of", "and", "or", "write", "must", "not", "with", "more", "than", "this",
        "here", "add", "found", "shown", "error", "warning", "which", "an", "has", "should",
    ];

    /// The words of `text` outside backticks and double quotes, and outside what is written
    /// as code: options (`--as-of`) and names of figures and paths (`must_find.brn`).
    fn words(text: &str) -> Vec<String> {
        let text: Vec<&str> = (text.split(' '))
            .filter(|w| !w.starts_with("--") && !w.contains(['_', '=']))
            .collect();
        let mut out = Vec::new();
        let mut quoted = None;
        let mut word = String::new();
        for c in text.join(" ").chars() {
            match (quoted, c) {
                (None, '`' | '"') => quoted = Some(c),
                (Some(q), c) if c == q => quoted = None,
                (None, c) if c.is_alphabetic() => word.push(c),
                _ => {}
            }
            if !c.is_alphabetic() && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        out.extend((!word.is_empty()).then_some(word));
        out
    }

    #[test]
    fn every_message_is_in_both_languages_with_every_placeholder_filled() {
        let every = Msg::every();
        assert!(every.len() > 5, "{}", every.len());
        let mut ids = std::collections::BTreeSet::new();
        for m in &every {
            assert!(ids.insert(m.id()), "{} twice", m.id());
            assert!(m.is_translated(), "{}", m.id());
            let (en, da) = (m.render(Lang::En), m.render(Lang::Da));
            for text in [&en, &da] {
                assert!(!text.trim().is_empty(), "{}: empty", m.id());
                // A placeholder left as written would show its name in braces.
                let open = text.find('{').map(|i| &text[i + 1..]);
                let unfilled =
                    open.and_then(|rest| rest.split_once('}'))
                        .is_some_and(|(name, _)| {
                            !name.is_empty()
                                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        });
                assert!(!unfilled, "{}: {text}", m.id());
            }
            // Each text value (sampled as `⟨x⟩`) appears as often in Danish as in English.
            let values = |t: &str| t.matches("⟨x⟩").count();
            assert_eq!(values(&en), values(&da), "{}:\n{en}\n{da}", m.id());
            let english: Vec<String> = words(&da)
                .into_iter()
                .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
                .collect();
            assert!(
                english.is_empty(),
                "{}: English in Danish: {english:?}\n{da}",
                m.id()
            );
        }
    }

    #[test]
    fn a_message_stays_small() {
        // Errors carry messages by value (`Result<_, Msg>`): a message with many values boxes
        // some of them (a message within a message), so that none is over clippy's limit for
        // an error and every diagnostic stays small.
        assert!(
            std::mem::size_of::<Msg>() <= 128,
            "{}",
            std::mem::size_of::<Msg>()
        );
    }

    #[test]
    fn values_are_shown_as_each_language_writes_them() {
        let r = |n: i128, d: i128| Rational::new(n, d);
        assert_eq!(Kr(r(150_000_050, 100)).show(Lang::En), "1,500,000.50 kr.");
        assert_eq!(Kr(r(150_000_050, 100)).show(Lang::Da), "1.500.000,50 kr.");
        assert_eq!(Kr(r(900, 1)).show(Lang::Da), "900 kr.");
        assert_eq!(Percent(r(3, 100)).show(Lang::En), "3 %");
        assert_eq!(Percent(r(35, 1000)).show(Lang::Da), "3,5 %");
        assert_eq!(
            Day(jiff::civil::date(2023, 7, 1)).show(Lang::Da),
            "1. juli 2023"
        );
        assert_eq!(
            Day(jiff::civil::date(2023, 7, 1)).show(Lang::En),
            "2023-07-01"
        );
        assert_eq!(List::of(&["a", "b", "c"]).show(Lang::Da), "`a`, `b` og `c`");
        assert_eq!(List::of(&["a"]).show(Lang::En), "`a`");
        assert_eq!(Ordinal(22).show(Lang::En), "22nd");
        assert_eq!(Ordinal(22).show(Lang::Da), "22.");
        assert_eq!(Count(12_345).show(Lang::Da), "12.345");
    }
}
