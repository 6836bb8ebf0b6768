//! Reading single values: money, FTE, shares, dates and ids, each with the rules of the format.
//!
//! Each reader returns the value or a [`Problem`]: a message, a short label for the marker
//! under the value, and a hint. The caller adds where it is and whose it is.

use jiff::civil::Date;
use num_rational::Ratio;
use rust_decimal::Decimal;

use super::notation::{Misread, misread, plain};
use super::tree::Value;
use crate::model::Money;
use crate::msg::{Count, Day, Kr, Msg, Num};
use crate::num::{Rational, decimal_to_rational, decimals, group, round_half_away, show};

/// The largest amount of money accepted in one value: 1,000,000,000,000 kr.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
/// The largest FTE of one post.
pub const MAX_FTE: i64 = 10_000;
/// The most decimals an FTE or a share may have (write a fraction for more).
pub const MAX_RATIO_DECIMALS: u32 = 6;
/// The largest denominator of a fraction such as `"1/3"`.
pub const MAX_DENOMINATOR: i128 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: Box<Msg>,
    pub label: Box<Msg>,
    pub help: Option<Box<Msg>>,
    /// The number as written, where it could not be held exactly (too large, too fine).
    written: Option<String>,
}

impl Problem {
    pub(super) fn new(message: Msg, label: Msg) -> Self {
        Problem {
            message: message.boxed(),
            label: label.boxed(),
            help: None,
            written: None,
        }
    }

    pub(crate) fn help(mut self, help: Msg) -> Self {
        self.help = Some(help.boxed());
        self
    }

    /// The number as written, for messages that name it.
    fn written(&self) -> String {
        self.written.clone().unwrap_or_default()
    }
}

type Read<T> = Result<T, Problem>;

/// What a kind of value is called in messages.
pub fn kind(value: &Value) -> Msg {
    match value {
        Value::String(_) => Msg::KindString,
        Value::Integer(_) => Msg::KindInteger,
        Value::Float(_) => Msg::KindFloat,
        Value::Bool(_) => Msg::KindBool,
        Value::Datetime(_) => Msg::KindDate,
        Value::Array(_) => Msg::KindArray,
        Value::Table(_) => Msg::KindTable,
    }
}

/// "this is a string", the label under a value of the wrong kind.
pub fn this_is(value: &Value) -> Msg {
    Msg::ThisIs {
        kind: kind(value).boxed(),
    }
}

fn wrong_type(value: &Value, expected: Msg) -> Problem {
    Problem::new(
        Msg::Expected {
            expected: expected.boxed(),
            found: kind(value).boxed(),
        },
        this_is(value),
    )
}

pub fn text(value: &Value) -> Read<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(wrong_type(other, Msg::ExpectString)),
    }
}

pub fn boolean(value: &Value) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong_type(other, Msg::ExpectBool)),
    }
}

/// An id: ASCII letters, digits, `-` and `_`, starting with a letter or digit.
pub fn id(raw: &str) -> Read<()> {
    let valid_start = raw
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let valid_rest = raw
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid_start && valid_rest {
        return Ok(());
    }
    let problem = if raw.is_empty() {
        Problem::new(Msg::IdEmpty, Msg::LabelIdEmpty)
    } else {
        Problem::new(
            Msg::IdInvalid {
                written: raw.to_string(),
            },
            Msg::LabelIdChars,
        )
    };
    let suggestion = ascii_id(raw);
    Err(if !suggestion.is_empty() && suggestion != raw {
        problem.help(Msg::HelpIdWrite { suggestion })
    } else {
        problem.help(Msg::HelpIdChars)
    })
}

/// A valid id close to `raw`: Danish letters spelt out, others replaced by `-`.
pub fn ascii_id(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'ø' => out.push_str("oe"),
            'Ø' => out.push_str("Oe"),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("Aa"),
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => out.push(c),
            _ => out.push('-'),
        }
    }
    out.trim_start_matches(['-', '_']).to_string()
}

pub fn date(value: &Value) -> Read<Date> {
    match value {
        Value::Datetime(dt) => {
            let written = dt.to_string();
            match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) if d.year == 0 => Err(Problem::new(
                    Msg::DateYearZero { written },
                    Msg::LabelYearZero,
                )
                .help(Msg::HelpYearInFull)),
                (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map_err(|_| {
                        let last = Date::new(d.year as i16, d.month as i8, 1)
                            .map(|first| first.last_of_month());
                        match last {
                            Ok(last) => Problem::new(
                                Msg::DateNoSuchDay {
                                    written,
                                    last: Day(last),
                                },
                                Msg::LabelNotADate,
                            ),
                            Err(_) => {
                                Problem::new(Msg::DateInvalid { written }, Msg::LabelNotADate)
                            }
                        }
                    }),
                (Some(d), _, _) => Err(Problem::new(
                    Msg::DateWithTime { written },
                    Msg::LabelDateAndTime,
                )
                .help(Msg::HelpWithoutTime {
                    date: d.to_string(),
                })),
                (None, _, _) => Err(Problem::new(
                    Msg::DateTimeOnly { written },
                    Msg::LabelTimeNotDate,
                )
                .help(Msg::HelpWriteDate)),
            }
        }
        Value::String(s) => {
            let looks_like_date = s.parse::<toml::value::Datetime>().is_ok();
            let problem = Problem::new(
                Msg::DateQuoted { written: s.clone() },
                Msg::LabelStringNotDate,
            );
            Err(if looks_like_date {
                problem.help(Msg::HelpUnquoteDate { written: s.clone() })
            } else {
                problem.help(Msg::HelpWriteDateUnquoted)
            })
        }
        other => Err(wrong_type(other, Msg::ExpectDate)),
    }
}

/// Why the number written `raw` cannot be held exactly: too many digits before the point
/// (too large) or after it (too fine: `5e-324`, 0.000…0001 with 29 decimals).
fn unheld(raw: &str) -> Problem {
    let lower = raw.trim().to_ascii_lowercase().replace('_', "");
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (lower.as_str(), 0),
    };
    let whole = mantissa
        .trim_start_matches(['+', '-'])
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0');
    let whole_digits = i64::try_from(whole.len()).unwrap_or(i64::MAX);
    let written = raw.to_string();
    let mut p = if whole_digits.saturating_add(exponent) > 28 {
        Problem::new(
            Msg::NumberTooLarge {
                written: written.clone(),
            },
            Msg::LabelTooLarge,
        )
    } else {
        Problem::new(
            Msg::NumberTooFine {
                written: written.clone(),
            },
            Msg::LabelTooFine,
        )
    };
    p.written = Some(written);
    p
}

/// A number as written: integer (any radix), float (as the decimal written) or string.
fn decimal(value: &Value, allow_fraction: bool) -> Read<Rational> {
    match value {
        Value::Integer(n) => {
            Ok(Ratio::from_integer(n.get().ok_or_else(|| {
                Problem::new(Msg::IntegerTooLarge, Msg::LabelTooLarge)
            })?))
        }
        Value::Float(raw) => {
            let lower = raw.to_ascii_lowercase();
            if lower.contains("inf") || lower.contains("nan") {
                return Err(Problem::new(
                    Msg::NotFinite {
                        written: raw.clone(),
                    },
                    Msg::LabelNotFinite,
                )
                .help(Msg::HelpWriteNumber));
            }
            let d = if lower.contains('e') {
                Decimal::from_scientific(raw).map_err(|_| unheld(raw))?
            } else {
                Decimal::from_str_exact(raw).map_err(|_| unheld(raw))?
            };
            Ok(decimal_to_rational(d))
        }
        Value::String(s) => parse_number_text(s.trim(), allow_fraction),
        other => Err(wrong_type(
            other,
            if allow_fraction {
                Msg::ExpectRatio
            } else {
                Msg::ExpectNumber
            },
        )),
    }
}

fn parse_number_text(s: &str, allow_fraction: bool) -> Read<Rational> {
    let not_number = || {
        let danish = s.replace('.', "").replace(',', ".");
        let hint = if s.contains(',') && Decimal::from_str_exact(&danish).is_ok() {
            Msg::HelpDecimalPoint { number: danish }
        } else if allow_fraction {
            Msg::HelpWriteRatio
        } else {
            Msg::HelpWriteNumberText
        };
        Problem::new(
            Msg::NotANumber {
                written: s.to_string(),
            },
            Msg::LabelNotANumber,
        )
        .help(hint)
    };
    if let Some((num, den)) = s.split_once('/').filter(|_| allow_fraction) {
        let num: i128 = num.trim().parse().map_err(|_| not_number())?;
        let den: i128 = den.trim().parse().map_err(|_| not_number())?;
        if den == 0 {
            return Err(Problem::new(
                Msg::DividesByZero {
                    written: s.to_string(),
                },
                Msg::LabelDenominatorZero,
            ));
        }
        let r = Ratio::new(num, den);
        if r.denom().abs() > MAX_DENOMINATOR {
            return Err(Problem::new(
                Msg::DenominatorTooLarge {
                    written: s.to_string(),
                    max: Count(MAX_DENOMINATOR as usize),
                },
                Msg::LabelDenominatorTooLarge,
            ));
        }
        return Ok(r);
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '_'))
    {
        return Err(not_number());
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    if !unsigned.chars().any(|c| c.is_ascii_digit())
        || unsigned.matches('.').count() > 1
        || unsigned.contains(['+', '-'])
    {
        return Err(not_number());
    }
    // Exactly as written, or not at all: rounding a 29th decimal away would change the value.
    let d = Decimal::from_str_exact(s).map_err(|_| unheld(s))?;
    Ok(decimal_to_rational(d))
}

/// Any number, as for money but signed and with any decimals (rates).
pub fn signed(value: &Value) -> Read<Rational> {
    decimal(value, false)
}

/// Whether `s` is an amount written plainly: digits with `_` between some of them, no
/// leading zero, and perhaps a decimal point with decimals after it.
fn is_plain(s: &str) -> bool {
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let groups_ok = !whole.is_empty()
        && whole
            .split('_')
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    let no_leading_zero = whole == "0" || !whole.starts_with('0');
    let fraction_ok =
        fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    groups_ok && no_leading_zero && fraction_ok
}

/// The error for an amount written so that it reads as more than one number, or as another
/// number than a program would take it for (`"900.000"`, `650.000`, `"1,5"`), with every
/// reading and how to write each.
fn misread_money(written: &str, quoted: bool, how: Misread) -> Problem {
    let written = match quoted {
        true => format!("\"{}\"", written.trim()),
        false => written.trim().to_string(),
    };
    let write = |value: Rational| Msg::HelpWriteAmount {
        code: plain(value),
        amount: Kr(value),
    };
    let either = |thousands: Rational, decimal: Rational| Msg::HelpWriteEither {
        thousands_code: plain(thousands),
        thousands: Kr(thousands),
        decimal_code: plain(decimal),
        decimal: Kr(decimal),
    };
    let two_ways = |thousands: Rational, decimal: Rational| Msg::LabelEitherAmount {
        thousands: Kr(thousands),
        decimal: Kr(decimal),
    };
    match how {
        Misread::DotThousands { thousands, decimal } => {
            let message = if quoted {
                Msg::MoneyDotThousands {
                    written,
                    thousands: Kr(thousands),
                    decimal: Kr(decimal),
                }
            } else {
                Msg::MoneyFloatDotThousands {
                    written,
                    thousands: Kr(thousands),
                    decimal: Kr(decimal),
                }
            };
            Problem::new(message, two_ways(thousands, decimal)).help(either(thousands, decimal))
        }
        Misread::DotsThousands { value } => Problem::new(
            Msg::MoneyDotsThousands {
                written,
                amount: Kr(value),
            },
            Msg::LabelDotsBetweenThousands,
        )
        .help(write(value)),
        Misread::DecimalComma { value } => Problem::new(
            Msg::MoneyDecimalComma {
                written,
                amount: Kr(value),
            },
            Msg::LabelDecimalComma,
        )
        .help(write(value)),
        Misread::SmallComma { value } => {
            let millions = value * Ratio::from_integer(1_000_000);
            Problem::new(
                Msg::MoneySmallComma {
                    written,
                    amount: Kr(value),
                    millions: Kr(millions),
                },
                two_ways(millions, value),
            )
            .help(either(millions, value))
        }
        Misread::CommaThousandsOrDecimal { thousands, decimal } => Problem::new(
            Msg::MoneyCommaThousandsOrDecimal {
                written,
                thousands: Kr(thousands),
                decimal: Kr(decimal),
            },
            two_ways(thousands, decimal),
        )
        .help(either(thousands, decimal)),
        Misread::CommaThousands { value } => Problem::new(
            Msg::MoneyCommaThousands {
                written,
                amount: Kr(value),
            },
            Msg::LabelCommasBetweenThousands,
        )
        .help(write(value)),
        Misread::SpaceThousands { value } => Problem::new(
            Msg::MoneySpaceThousands {
                written,
                amount: Kr(value),
            },
            Msg::LabelSpacesBetweenThousands,
        )
        .help(write(value)),
        Misread::WithUnit { value } => Problem::new(
            Msg::MoneyWithUnit {
                written,
                amount: Kr(value),
            },
            Msg::LabelUnitInAmount,
        )
        .help(write(value)),
    }
}

/// The error for a bare value in a file that is no TOML but reads as an amount in Danish or
/// English notation (`annual = 1.500.000`, `annual = 1,5`), if it does.
pub fn misread_bare(written: &str) -> Option<Problem> {
    misread(written).map(|how| misread_money(written, false, how))
}

/// How many decimals `written` has after its point (none with an exponent: `8.6e5`).
fn written_decimals(written: &str) -> usize {
    if written.contains(['e', 'E']) {
        return 0;
    }
    written.split_once('.').map_or(0, |(_, f)| f.trim().len())
}

/// Money: a TOML integer, a float as written, or a plain string (`"860000"`, `"860000.50"`,
/// `"860_000"`); at most 2 decimals, as written; never negative. A number that reads as
/// another in Danish or English notation (`"900.000"`, `650.000`, `"1,5"`, `"1,500,000"`)
/// is refused with its readings: an amount is never read as one the user did not write.
pub fn money(value: &Value) -> Read<Money> {
    match value {
        Value::String(s) => {
            let t = s.trim();
            if let Some(how) = misread(t) {
                return Err(misread_money(t, true, how));
            }
            let unsigned = t.strip_prefix('-').unwrap_or(t);
            if !is_plain(unsigned) {
                let p = parse_number_text(t, false).err().unwrap_or_else(|| {
                    Problem::new(
                        Msg::NotANumber {
                            written: t.to_string(),
                        },
                        Msg::LabelNotANumber,
                    )
                    .help(Msg::HelpWriteNumberText)
                });
                return Err(p);
            }
            too_many_decimals(t)?;
        }
        Value::Float(raw) if !raw.to_ascii_lowercase().contains(['e', 'i', 'n']) => {
            if let Some(how @ Misread::DotThousands { .. }) = misread(raw) {
                return Err(misread_money(raw, false, how));
            }
            too_many_decimals(raw)?;
        }
        _ => {}
    }
    let r = decimal(value, false).map_err(|p| {
        if *p.label == Msg::LabelTooLarge {
            Problem::new(Msg::AmountTooLarge, Msg::LabelTooLarge)
        } else if *p.label == Msg::LabelTooFine {
            Problem::new(
                Msg::AmountTooFine {
                    written: p.written(),
                },
                Msg::LabelMoreThanTwoDecimals,
            )
            .help(Msg::HelpWholeOre)
        } else {
            p
        }
    })?;
    if r < Ratio::from_integer(0) {
        return Err(
            Problem::new(Msg::AmountNegative { amount: Num(r) }, Msg::LabelNegative)
                .help(Msg::HelpPositiveAmount),
        );
    }
    if r > Ratio::from_integer(MAX_MONEY as i128) {
        return Err(Problem::new(
            Msg::AmountOverMax { amount: Num(r) },
            Msg::LabelTooLarge,
        ));
    }
    let places = decimals(r).unwrap_or(u32::MAX);
    if places > 2 {
        return Err(more_decimals(&show(r), places as usize, r));
    }
    let d = Decimal::from_i128_with_scale(*r.numer() * 100 / *r.denom(), 2);
    Ok(Money::new(d))
}

/// An amount written with more than 2 decimals, trailing zeros counted: `"1000.010"` is
/// refused as `"1000.005"` is, since a third decimal is a slip of some kind.
fn too_many_decimals(written: &str) -> Read<()> {
    let places = written_decimals(written);
    if places <= 2 {
        return Ok(());
    }
    let number = written.trim().replace('_', "");
    match Decimal::from_str_exact(&number).map(decimal_to_rational) {
        Ok(r) => Err(more_decimals(written.trim(), places, r)),
        // Too many digits to hold: said where the number is read.
        Err(_) => Ok(()),
    }
}

fn more_decimals(written: &str, places: usize, r: Rational) -> Problem {
    let rounded = Decimal::from_i128_with_scale(round_half_away(*r.numer() * 100, *r.denom()), 2);
    Problem::new(
        Msg::AmountDecimals {
            written: written.to_string(),
            places: Count(places),
        },
        Msg::LabelMoreThanTwoDecimals,
    )
    .help(Msg::HelpRounded {
        rounded: rounded.to_string(),
    })
}

/// What a positive number is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Fte,
    Share,
    Weight,
}

impl What {
    fn msg(self) -> Box<Msg> {
        match self {
            What::Fte => Msg::WhatFte,
            What::Share => Msg::WhatShare,
            What::Weight => Msg::WhatWeight,
        }
        .boxed()
    }
}

/// A positive number (FTE, share, weight): decimals up to [`MAX_RATIO_DECIMALS`] or a
/// fraction, at most `max`.
pub fn positive(value: &Value, what: What, max: i64) -> Read<Rational> {
    if what == What::Weight
        && let Some(problem) = misread_count(value)
    {
        return Err(problem);
    }
    let too_fine = |written: String| {
        Problem::new(
            Msg::RatioTooFine {
                what: what.msg(),
                max: Count(MAX_RATIO_DECIMALS as usize),
                written,
            },
            Msg::LabelTooFine,
        )
        .help(Msg::HelpFraction)
    };
    let r = decimal(value, true).map_err(|p| {
        if *p.label == Msg::LabelTooFine {
            too_fine(p.written())
        } else {
            p
        }
    })?;
    if r <= Ratio::from_integer(0) {
        return Err(Problem::new(
            Msg::RatioNotPositive {
                what: what.msg(),
                found: Num(r),
            },
            Msg::LabelMustBePositive,
        )
        .help(match what {
            What::Fte => Msg::HelpFteZero,
            What::Share => Msg::HelpShareZero,
            What::Weight => Msg::HelpWeightZero,
        }));
    }
    if r > Ratio::from_integer(max as i128) {
        return Err(Problem::new(
            Msg::RatioTooLarge {
                what: what.msg(),
                max: Count(max as usize),
                found: Num(r),
            },
            Msg::LabelTooLarge,
        ));
    }
    if let Value::Float(_) | Value::String(_) = value
        && decimals(r).is_some_and(|p| p > MAX_RATIO_DECIMALS)
    {
        return Err(too_fine(show(r)));
    }
    Ok(r)
}

/// A weight (inhabitants, a rate per inhabitant) written in Danish or English notation
/// (`217.075`, `"217.075"`, `"217,075"`, `"1.234.567"`, `"12,5"`): refused with its
/// readings, since a key's weights read one way and another would share money out wrongly.
fn misread_count(value: &Value) -> Option<Problem> {
    let written = match value {
        Value::String(s) => format!("\"{}\"", s.trim()),
        Value::Float(raw) => raw.clone(),
        _ => return None,
    };
    let code = |v: Rational| {
        let text = show(v);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole = whole.parse().map_or(whole.to_string(), |w| group(w, '_'));
        match fraction {
            "" => whole,
            // Written with one more decimal, so that it cannot read as thousands.
            f if f.len() == 3 => format!("{whole}.{f}0"),
            f => format!("{whole}.{f}"),
        }
    };
    let (thousands, decimal) = match misread(written.trim_matches('"'))? {
        Misread::DotThousands { thousands, decimal }
        | Misread::CommaThousandsOrDecimal { thousands, decimal } => (thousands, decimal),
        Misread::DotsThousands { value }
        | Misread::DecimalComma { value }
        | Misread::SmallComma { value }
        | Misread::CommaThousands { value }
        | Misread::SpaceThousands { value } => {
            return Some(
                Problem::new(Msg::NumberNotation { written }, Msg::LabelNotation)
                    .help(Msg::HelpWriteNumberAs { code: code(value) }),
            );
        }
        Misread::WithUnit { .. } => return None,
    };
    Some(
        Problem::new(
            Msg::NumberTwoWays {
                written,
                thousands: Num(thousands),
                decimal: Num(decimal),
            },
            Msg::LabelEitherNumber {
                thousands: Num(thousands),
                decimal: Num(decimal),
            },
        )
        .help(Msg::HelpWriteEitherNumber {
            thousands_code: code(thousands),
            thousands: Num(thousands),
            decimal_code: code(decimal),
            decimal: Num(decimal),
        }),
    )
}

pub fn fte(value: &Value) -> Read<Rational> {
    positive(value, What::Fte, MAX_FTE)
}

pub fn share(value: &Value) -> Read<Rational> {
    positive(value, What::Share, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tree::Integer;

    fn float(s: &str) -> Value {
        Value::Float(s.to_string())
    }

    fn string(s: &str) -> Value {
        Value::String(s.to_string())
    }

    fn int(s: &str) -> Value {
        Value::Integer(Integer::new(s.parse().ok()))
    }

    #[test]
    fn a_weight_reads_one_way_or_is_refused() {
        let weight = |v: &Value| positive(v, What::Weight, 1_000_000_000);
        // One reading only: taken as written.
        for (v, n, d) in [
            (int("217075"), 217_075, 1),
            (float("0.125"), 1, 8),
            (float("1.5"), 3, 2),
            (string("36.3040"), 363_040, 10_000),
            (string("1/3"), 1, 3),
        ] {
            assert_eq!(weight(&v).unwrap(), Ratio::new(n, d), "{v:?}");
        }
        // Thousands or decimals, or separators a scenario does not use: refused.
        for v in [
            float("36.304"),
            string("36.304"),
            string("36,304"),
            string("1.036.304"),
            string("1,036,304"),
            string("12,5"),
            string("36 304"),
        ] {
            let p = weight(&v).unwrap_err();
            assert!(
                matches!(
                    *p.message,
                    Msg::NumberTwoWays { .. } | Msg::NumberNotation { .. }
                ),
                "{v:?}: {:?}",
                p.message
            );
        }
    }

    #[test]
    fn floats_are_read_as_the_decimal_written() {
        // 0.1 is not exact in binary floating point; as written it is exactly 0.10.
        assert_eq!(money(&float("0.1")).unwrap().to_string(), "0.10");
        assert_eq!(money(&float("860000.5")).unwrap().to_string(), "860000.50");
        assert_eq!(money(&float("8.6e5")).unwrap().to_string(), "860000.00");
    }

    #[test]
    fn money_from_integer_and_string() {
        assert_eq!(money(&int("800000")).unwrap().to_string(), "800000.00");
        assert_eq!(
            money(&string("860000.50")).unwrap().to_string(),
            "860000.50"
        );
        let hex = Value::Integer(Integer::new(i128::from_str_radix("ff", 16).ok()));
        assert_eq!(money(&hex).unwrap().to_string(), "255.00");
    }

    fn en(m: &Msg) -> String {
        m.render(crate::msg::Lang::En)
    }

    #[test]
    fn money_rules() {
        let p = money(&float("1000.005")).unwrap_err();
        assert_eq!(
            en(&p.message),
            "1000.005 has 3 decimals; money has at most 2 (øre)"
        );
        assert_eq!(
            p.help.as_deref().map(en).as_deref(),
            Some("write 1000.01 or \"1000.01\"")
        );
        // Issue 12: a third decimal was forgiven where it was 0 ("1000.010" was 1000.01, and
        // "820.500" 820.50 kr.); it is a slip of some kind, and said so.
        assert_eq!(
            en(&money(&string("1000.010")).unwrap_err().message),
            "1000.010 has 3 decimals; money has at most 2 (øre)"
        );
        assert!(en(&money(&int("-5")).unwrap_err().message).contains("negative"));
        assert!(money(&float("inf")).is_err());
        assert!(money(&float("nan")).is_err());
        assert!(money(&string("1/3")).is_err());
        assert!(money(&string("abc")).is_err());
        assert!(money(&int("1000000000001")).unwrap_err().label == Msg::LabelTooLarge.boxed());
        assert!(money(&Value::Bool(true)).is_err());
    }

    #[test]
    fn money_in_danish_notation_is_refused_with_both_readings() {
        // Issue 12: "900.000" was read as 900 kr. without a word, 650.000 as 650 kr. with only
        // a warning about an unusual cost, and "1,5" hinted at "1.5" (1.50 kr.).
        let p = money(&string("900.000")).unwrap_err();
        assert_eq!(
            en(&p.message),
            "\"900.000\" reads two ways: 900,000 kr. with a dot between thousands, as Danish writes amounts, or 900 kr. with a decimal point"
        );
        assert_eq!(
            en(p.help.as_ref().unwrap()),
            "write 900_000 for 900,000 kr., or 900 for 900 kr.; in a scenario `_` is the only thousands separator and `.` the decimal point"
        );
        let p = money(&float("650.000")).unwrap_err();
        assert_eq!(
            en(&p.message),
            "650.000 is read by TOML as 650 kr., but in Danish notation it is 650,000 kr."
        );
        assert_eq!(
            p.message.render(crate::msg::Lang::Da),
            "TOML læser 650.000 som 650 kr., men med dansk talnotation er det 650.000 kr."
        );
        for written in [
            "1.500.000",
            "1,5",
            "900.000,00",
            "1,500,000",
            "1 500 000",
            "860.000 kr.",
        ] {
            assert!(money(&string(written)).is_err(), "{written}");
        }
        for written in ["860000", "860000.50", "860_000", "0.5", "0"] {
            assert!(money(&string(written)).is_ok(), "{written}");
        }
    }

    #[test]
    fn shares_and_fte() {
        assert_eq!(share(&string("1/3")).unwrap(), Ratio::new(1, 3));
        assert_eq!(share(&float("0.25")).unwrap(), Ratio::new(1, 4));
        assert_eq!(share(&string(" 2 / 6 ")).unwrap(), Ratio::new(1, 3));
        assert!(share(&int("0")).is_err());
        assert!(share(&float("1.5")).is_err());
        assert!(share(&string("1/0")).is_err());
        assert_eq!(fte(&float("0.5")).unwrap(), Ratio::new(1, 2));
        assert!(fte(&float("0.3333333")).unwrap_err().help.is_some());
        assert!(fte(&int("0")).is_err());
    }

    #[test]
    fn ids() {
        assert!(id("regional-post").is_ok());
        assert!(id("2023_a").is_ok());
        assert!(id("-x").is_err());
        assert!(id("").is_err());
        let p = id("læsø").unwrap_err();
        assert!(en(&p.help.unwrap()).contains("`laesoe`"));
    }

    #[test]
    fn rounding_and_showing() {
        assert_eq!(round_half_away(5, 2), 3);
        assert_eq!(round_half_away(-5, 2), -3);
        assert_eq!(round_half_away(4, 3), 1);
        assert_eq!(show(Ratio::new(1, 3)), "1/3");
        assert_eq!(show(Ratio::new(1, 4)), "0.25");
        assert_eq!(show(Ratio::from_integer(-5)), "-5");
        assert_eq!(
            show(Ratio::from_integer(10i128.pow(30))),
            "1".to_string() + &"0".repeat(30)
        );
    }
}
