//! Amounts and dates as Danish finance systems export them: `1.234,56`, `-1.234,56`,
//! `1234.56`, `1.234,56-`; `31-12-2023`, `31.12.2023`, `2023-12-31`. Exact: an amount is a
//! whole number of øre, never a binary fraction.

use jiff::civil::Date;

use crate::msg::{Kr, Msg};
use crate::num::Rational;

/// The largest amount of one booking: 1,000,000,000,000 kr., as for a scenario's amounts.
pub const MAX_KRONER: i128 = 1_000_000_000_000;

/// The decimal mark of a file's amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `1.234,56`: Danish.
    Comma,
    /// `1234.56` or `1,234.56`.
    Point,
}

impl Mark {
    pub fn char(self) -> char {
        match self {
            Mark::Comma => ',',
            Mark::Point => '.',
        }
    }
}

/// What an amount as written says about the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Only this mark can read it as money.
    Is(Mark),
    /// `1.500` or `1,500`: a thousands separator or three decimals.
    Ambiguous,
    /// No mark at all (`1500`), or not a number.
    Nothing,
}

/// Why an amount or a date cannot be read: a message, a short label, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: Box<Msg>,
    pub label: Box<Msg>,
    pub help: Box<Msg>,
}

fn problem(message: Msg, label: Msg, help: Msg) -> Problem {
    Problem {
        message: message.boxed(),
        label: label.boxed(),
        help: help.boxed(),
    }
}

/// The number of an amount without its sign and currency, and whether it is negative.
fn unsigned(raw: &str) -> (String, bool) {
    let mut s = raw.trim().to_string();
    for unit in ["dkk", "kr.", "kr"] {
        let n = unit.len();
        let is_unit = |t: Option<&str>| t.is_some_and(|t| t.eq_ignore_ascii_case(unit));
        if s.len() >= n && is_unit(s.get(s.len() - n..)) {
            s.truncate(s.len() - n);
        } else if is_unit(s.get(..n)) {
            s = s[n..].to_string();
        }
        s = s.trim().to_string();
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        negative = true;
        s = s[1..s.len() - 1].trim().to_string();
    }
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = s.strip_prefix(minus) {
            negative = !negative;
            s = rest.trim_start().to_string();
        } else if let Some(rest) = s.strip_suffix(minus) {
            // `1.234,56-`, as some systems write a credit.
            negative = !negative;
            s = rest.trim_end().to_string();
        }
    }
    if let Some(rest) = s.strip_prefix('+') {
        s = rest.trim_start().to_string();
    }
    (s, negative)
}

/// What `raw` says about the decimal mark.
pub fn evidence(raw: &str) -> Evidence {
    let (s, _) = unsigned(raw);
    let (comma, point) = (s.rfind(','), s.rfind('.'));
    let after = |at: usize| s.len() - at - 1;
    match (comma, point) {
        (Some(c), Some(p)) => Evidence::Is(if c > p { Mark::Comma } else { Mark::Point }),
        (Some(c), None) => {
            let groups = s.matches(',').count() > 1;
            if groups || after(c) == 3 {
                // `1,234,567` is grouped; `1,500` could be either.
                if groups {
                    Evidence::Is(Mark::Point)
                } else {
                    Evidence::Ambiguous
                }
            } else {
                Evidence::Is(Mark::Comma)
            }
        }
        (None, Some(p)) => {
            let groups = s.matches('.').count() > 1;
            if groups {
                Evidence::Is(Mark::Comma)
            } else if after(p) == 3 {
                Evidence::Ambiguous
            } else {
                Evidence::Is(Mark::Point)
            }
        }
        (None, None) => Evidence::Nothing,
    }
}

/// An amount in øre, read with the decimal mark `mark`.
pub fn amount(raw: &str, mark: Mark) -> Result<i128, Problem> {
    let help = || match mark {
        Mark::Comma => Msg::HelpAmountComma,
        Mark::Point => Msg::HelpAmountPoint,
    };
    let written = || raw.trim().to_string();
    if raw.trim().is_empty() {
        return Err(problem(
            Msg::AmountEmpty,
            Msg::LabelNoAmount,
            Msg::HelpBookingAmount,
        ));
    }
    let not_a_number = || {
        problem(
            Msg::NotAnAmount { written: written() },
            Msg::LabelNotAnAmount,
            help(),
        )
    };
    let (s, negative) = unsigned(raw);
    let separators: &[char] = match mark {
        Mark::Comma => &['.', ' ', '\u{a0}', '\u{202f}', '\''],
        Mark::Point => &[',', ' ', '\u{a0}', '\u{202f}', '\''],
    };
    let (whole, fraction) = match s.split_once(mark.char()) {
        Some((w, f)) => (w, Some(f)),
        None => (s.as_str(), None),
    };
    if whole.is_empty() && fraction.is_none_or(str::is_empty) {
        return Err(not_a_number());
    }
    // Thousands separators: groups of three after the first.
    let groups: Vec<&str> = whole.split(separators).collect();
    let grouped_well = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !digits.chars().all(|c| c.is_ascii_digit())
        || fraction.is_some_and(|f| !f.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(not_a_number());
    }
    if !grouped_well {
        return Err(problem(
            Msg::AmountGrouping { written: written() },
            Msg::LabelNotAnAmount,
            help(),
        ));
    }
    let fraction = fraction.unwrap_or("");
    let (cents, rest) = fraction.split_at(fraction.len().min(2));
    if rest.chars().any(|c| c != '0') {
        return Err(problem(
            Msg::AmountOreOnly { written: written() },
            Msg::LabelMoreThanTwoDecimals,
            Msg::HelpCheckDecimalMark {
                mark: mark.char().to_string(),
            },
        ));
    }
    let kroner = digits.trim_start_matches('0');
    if kroner.len() > 13 {
        return Err(too_large(raw));
    }
    let kroner: i128 = if kroner.is_empty() {
        0
    } else {
        kroner.parse().map_err(|_| not_a_number())?
    };
    let cents: i128 = format!("{cents:0<2}").parse().unwrap_or(0);
    let ore = kroner * 100 + cents;
    if ore > MAX_KRONER * 100 {
        return Err(too_large(raw));
    }
    Ok(if negative { -ore } else { ore })
}

fn too_large(raw: &str) -> Problem {
    problem(
        Msg::BookingTooLarge {
            written: raw.trim().to_string(),
            max: Kr(Rational::from_integer(MAX_KRONER)),
        },
        Msg::LabelTooLarge,
        Msg::HelpCheckAmount,
    )
}

/// A booking date: `31-12-2023`, `31.12.2023`, `31/12/2023` or `2023-12-31`, a time of day
/// after it ignored (`31-12-2023 00:00:00`).
pub fn date(raw: &str) -> Result<Date, Problem> {
    let s = raw.trim();
    let written = || s.to_string();
    if s.is_empty() {
        return Err(problem(
            Msg::DateEmpty,
            Msg::LabelNoBookingDate,
            Msg::HelpBookingDate,
        ));
    }
    let not_a_date = || {
        problem(
            Msg::NotADate { written: written() },
            Msg::LabelNotADay,
            Msg::HelpExportDates,
        )
    };
    // A time of day after the date: `2023-12-31T00:00`, `31-12-2023 00:00:00`.
    let day = match s.split_once([' ', 'T']) {
        Some((d, time))
            if time
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            d
        }
        Some(_) => return Err(not_a_date()),
        None => s,
    };
    let parts: Vec<&str> = day.split(['-', '.', '/']).collect();
    let number = |p: &str| -> Option<i32> {
        (!p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let [a, b, c] = parts.as_slice() else {
        return Err(not_a_date());
    };
    let (Some(x), Some(y), Some(z)) = (number(a), number(b), number(c)) else {
        return Err(not_a_date());
    };
    let (year, month, dayn) = if a.len() == 4 {
        (x, y, z)
    } else if c.len() == 4 {
        (z, y, x)
    } else {
        return Err(problem(
            Msg::DateNoCentury { written: written() },
            Msg::LabelWhichCentury,
            Msg::HelpExportYearInFull,
        ));
    };
    let in_range = |v: i32, lo: i32, hi: i32| (lo..=hi).contains(&v);
    if !in_range(year, 1, 9999) || !in_range(month, 1, 12) || !in_range(dayn, 1, 31) {
        return Err(problem(
            Msg::DateInvalid { written: written() },
            Msg::LabelNoSuchDay,
            Msg::HelpExportDates,
        ));
    }
    Date::new(year as i16, month as i8, dayn as i8).map_err(|_| {
        problem(
            Msg::DateNoSuchDayAtAll { written: written() },
            Msg::LabelNoSuchDay,
            Msg::HelpExportDates,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn danish_and_plain_amounts() {
        let c = |s| amount(s, Mark::Comma);
        let p = |s| amount(s, Mark::Point);
        assert_eq!(c("1.234,56"), Ok(123_456));
        assert_eq!(c("-1.234,56"), Ok(-123_456));
        assert_eq!(c("1.234,56-"), Ok(-123_456));
        assert_eq!(c("(1.234,56)"), Ok(-123_456));
        assert_eq!(c("\u{2212}45.000,00"), Ok(-4_500_000));
        assert_eq!(c("45.000"), Ok(4_500_000));
        assert_eq!(c("1234,5"), Ok(123_450));
        assert_eq!(c("1 234,56 kr."), Ok(123_456));
        assert_eq!(c("DKK 0,01"), Ok(1));
        assert_eq!(c(",50"), Ok(50));
        assert_eq!(p("1234.56"), Ok(123_456));
        assert_eq!(p("-1,234.56"), Ok(-123_456));
        assert_eq!(p("1234"), Ok(123_400));
        assert_eq!(p("+12.30"), Ok(1_230));
        assert_eq!(c("1,250"), Ok(125), "a trailing zero decimal is exact");
        let label = |r: Result<i128, Problem>| *r.unwrap_err().label;
        assert_eq!(label(c("1,234")), Msg::LabelMoreThanTwoDecimals);
        assert_eq!(label(c("12.34.5")), Msg::LabelNotAnAmount);
        assert_eq!(label(c("abc")), Msg::LabelNotAnAmount);
        assert_eq!(label(c("1.2a4,00")), Msg::LabelNotAnAmount);
        assert_eq!(label(c("")), Msg::LabelNoAmount);
        assert_eq!(label(c("-")), Msg::LabelNotAnAmount);
        assert_eq!(label(c("99999999999999")), Msg::LabelTooLarge);
        assert_eq!(c("1.000.000.000.000,00"), Ok(100_000_000_000_000));
        assert_eq!(label(c("1.000.000.000.000,01")), Msg::LabelTooLarge);
        // The largest amount, in the language's notation.
        let large = c("99999999999999").unwrap_err().message;
        assert!(
            large
                .render(crate::msg::Lang::Da)
                .ends_with("det største beløb på en postering, 1.000.000.000.000 kr."),
            "{large:?}"
        );
    }

    #[test]
    fn what_an_amount_says_about_the_mark() {
        assert_eq!(evidence("1.234,56"), Evidence::Is(Mark::Comma));
        assert_eq!(evidence("1,234.56"), Evidence::Is(Mark::Point));
        assert_eq!(evidence("-1234,5"), Evidence::Is(Mark::Comma));
        assert_eq!(evidence("1234.56"), Evidence::Is(Mark::Point));
        assert_eq!(evidence("1.234.567"), Evidence::Is(Mark::Comma));
        assert_eq!(evidence("1,234,567"), Evidence::Is(Mark::Point));
        assert_eq!(evidence("1.500"), Evidence::Ambiguous);
        assert_eq!(evidence("1,500"), Evidence::Ambiguous);
        assert_eq!(evidence("1500"), Evidence::Nothing);
    }

    #[test]
    fn dates_as_exported() {
        assert_eq!(date("31-12-2023"), Ok(d(2023, 12, 31)));
        assert_eq!(date("31.12.2023"), Ok(d(2023, 12, 31)));
        assert_eq!(date("1.7.2023"), Ok(d(2023, 7, 1)));
        assert_eq!(date("31/12/2023"), Ok(d(2023, 12, 31)));
        assert_eq!(date("2023-12-31"), Ok(d(2023, 12, 31)));
        assert_eq!(date(" 2023-12-31 00:00:00 "), Ok(d(2023, 12, 31)));
        assert_eq!(date("31-12-2023 00:00"), Ok(d(2023, 12, 31)));
        let label = |s| *date(s).unwrap_err().label;
        assert_eq!(label("29-02-2023"), Msg::LabelNoSuchDay);
        assert_eq!(label("31-13-2023"), Msg::LabelNoSuchDay);
        assert_eq!(label("31-12-23"), Msg::LabelWhichCentury);
        assert_eq!(label("i går"), Msg::LabelNotADay);
        assert_eq!(label(""), Msg::LabelNoBookingDate);
        assert_eq!(label("2023-12-31 kl"), Msg::LabelNotADay);
    }
}
