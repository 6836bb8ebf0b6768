//! Reading single values: money, FTE, shares, dates and ids, each with the rules of the format.
//!
//! Each reader returns the value or a [`Problem`]: a message, a short label for the marker
//! under the value, and a hint. The caller adds where it is and whose it is.

use jiff::civil::Date;
use num_rational::Ratio;
use rust_decimal::Decimal;

use super::tree::Value;
use crate::model::Money;
use crate::num::{Rational, decimal_to_rational, decimals, round_half_away, show};

/// The largest amount of money accepted in one value: 1,000,000,000,000 kr.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
/// The largest FTE of one post.
pub const MAX_FTE: i64 = 10_000;
/// The most decimals an FTE or a share may have (write a fraction for more).
pub const MAX_RATIO_DECIMALS: u32 = 6;
/// The largest denominator of a fraction such as `"1/3"`.
pub const MAX_DENOMINATOR: i128 = 1_000_000;

const TOO_BIG: &str = "too large";
/// The label of a number with more decimals than can be held (`5e-324`).
const TOO_FINE: &str = "too many decimals";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

impl Problem {
    fn new(message: impl Into<String>, label: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            label: label.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

type Read<T> = Result<T, Problem>;

fn wrong_type(value: &Value, expected: &str) -> Problem {
    Problem::new(
        format!("expected {expected}, found {}", value.kind()),
        format!("this is {}", value.kind()),
    )
}

pub fn text(value: &Value) -> Read<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(wrong_type(other, "a string")),
    }
}

pub fn boolean(value: &Value) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong_type(other, "true or false")),
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
        Problem::new("an id cannot be empty", "empty id")
    } else {
        Problem::new(
            format!("`{raw}` is not a valid id"),
            "ids use ASCII letters, digits, `-` and `_`",
        )
    };
    let suggestion = ascii_id(raw);
    Err(if !suggestion.is_empty() && suggestion != raw {
        problem.help(format!(
            "an id starts with a letter or digit and has only ASCII letters, digits, `-` and `_`: write `{suggestion}`; the display name can keep any letters"
        ))
    } else {
        problem.help(
            "an id starts with a letter or digit and has only ASCII letters, digits, `-` and `_`",
        )
    })
}

/// A valid id close to `raw`: Danish letters spelt out, others replaced by `-`.
fn ascii_id(raw: &str) -> String {
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
        Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) if d.year == 0 => Err(Problem::new(
                format!("`{dt}` is in the year 0000, which has no budget: years run from 0001"),
                "year 0000",
            )
            .help("write the year in full, such as 2024-01-01")),
            (Some(d), None, None) => {
                Date::new(d.year as i16, d.month as i8, d.day as i8).map_err(|e| {
                    Problem::new(
                        format!("`{dt}` is not a valid date: {e}"),
                        "not a valid date",
                    )
                })
            }
            (Some(d), _, _) => Err(Problem::new(
                format!("`{dt}` has a time of day; a date here is a day only"),
                "a date and time",
            )
            .help(format!("write `{d}` without the time"))),
            (None, _, _) => Err(Problem::new(
                format!("`{dt}` is a time of day, not a date"),
                "a time, not a date",
            )
            .help("write a date such as `2023-07-01`")),
        },
        Value::String(s) => {
            let looks_like_date = s.parse::<toml::value::Datetime>().is_ok();
            let problem = Problem::new(
                format!("dates are written without quotes; found the string \"{s}\""),
                "a string, not a date",
            );
            Err(if looks_like_date {
                problem.help(format!("write {s} without quotes, as a TOML date"))
            } else {
                problem.help("write a TOML date without quotes, such as 2023-07-01")
            })
        }
        other => Err(wrong_type(other, "a date such as 2023-07-01")),
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
    if whole_digits.saturating_add(exponent) > 28 {
        Problem::new(
            format!("`{raw}` is too large a number to compute exactly"),
            TOO_BIG,
        )
    } else {
        Problem::new(
            format!("`{raw}` has more decimals than can be computed exactly"),
            TOO_FINE,
        )
    }
}

/// The number as written that `p` is about: the first `quoted` part of its message.
fn written(p: &Problem) -> &str {
    p.message.split('`').nth(1).unwrap_or("the number")
}

/// A number as written: integer (any radix), float (as the decimal written) or string.
fn decimal(value: &Value, allow_fraction: bool) -> Read<Rational> {
    match value {
        Value::Integer(n) => Ok(Ratio::from_integer(n.get().ok_or_else(|| {
            Problem::new("the number is too large to compute exactly", TOO_BIG)
        })?)),
        Value::Float(raw) => {
            let lower = raw.to_ascii_lowercase();
            if lower.contains("inf") || lower.contains("nan") {
                return Err(Problem::new(
                    format!("`{raw}` is not a finite number"),
                    "not a finite number",
                )
                .help("write a number such as 1 or 0.5"));
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
                "a number or a string such as \"0.5\" or \"1/3\""
            } else {
                "a number or a string such as \"860000.50\""
            },
        )),
    }
}

fn parse_number_text(s: &str, allow_fraction: bool) -> Read<Rational> {
    let not_number = || {
        let danish = s.replace('.', "").replace(',', ".");
        let hint = if s.contains(',') && Decimal::from_str_exact(&danish).is_ok() {
            format!("write numbers with a decimal point and no thousands separators: \"{danish}\"")
        } else if allow_fraction {
            "write a decimal such as \"0.5\" or a fraction such as \"1/3\"".to_string()
        } else {
            "write a number such as 860000 or \"860000.50\"".to_string()
        };
        Problem::new(format!("\"{s}\" is not a number"), "not a number").help(hint)
    };
    if let Some((num, den)) = s.split_once('/').filter(|_| allow_fraction) {
        let num: i128 = num.trim().parse().map_err(|_| not_number())?;
        let den: i128 = den.trim().parse().map_err(|_| not_number())?;
        if den == 0 {
            return Err(Problem::new(
                format!("\"{s}\" divides by zero"),
                "denominator is 0",
            ));
        }
        let r = Ratio::new(num, den);
        if r.denom().abs() > MAX_DENOMINATOR {
            return Err(Problem::new(
                format!("the fraction \"{s}\" has a denominator over {MAX_DENOMINATOR}"),
                "denominator too large",
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

pub fn money(value: &Value) -> Read<Money> {
    let r = decimal(value, false).map_err(|p| match p.label.as_str() {
        TOO_BIG => Problem::new(
            "the amount is more than the largest accepted, 1,000,000,000,000 kr.",
            "too large",
        ),
        TOO_FINE => Problem::new(
            format!(
                "{} has more than 2 decimals; money has at most 2 (øre)",
                written(&p)
            ),
            "more than 2 decimals",
        )
        .help("round the amount to whole øre, such as 0.01"),
        _ => p,
    })?;
    if r < Ratio::from_integer(0) {
        return Err(Problem::new(
            format!("amounts cannot be negative; found {}", show(r)),
            "negative",
        )
        .help(
            "write the amount as a positive number; money a funder provides goes under [[funding]]",
        ));
    }
    if r > Ratio::from_integer(MAX_MONEY as i128) {
        return Err(Problem::new(
            format!(
                "{} kr. is more than the largest amount accepted, 1,000,000,000,000 kr.",
                show(r)
            ),
            "too large",
        ));
    }
    let places = decimals(r).unwrap_or(u32::MAX);
    if places > 2 {
        let rounded =
            Decimal::from_i128_with_scale(round_half_away(*r.numer() * 100, *r.denom()), 2);
        return Err(Problem::new(
            format!(
                "{} has {places} decimals; money has at most 2 (øre)",
                show(r)
            ),
            "more than 2 decimals",
        )
        .help(format!("write {rounded} or \"{rounded}\"")));
    }
    let d = Decimal::from_i128_with_scale(*r.numer() * 100 / *r.denom(), 2);
    Ok(Money::new(d))
}

/// A positive number (FTE, share, weight): decimals up to [`MAX_RATIO_DECIMALS`] or a
/// fraction, at most `max`.
pub fn positive(value: &Value, what: &str, max: i64) -> Read<Rational> {
    let r = decimal(value, true).map_err(|p| {
        if p.label == TOO_FINE {
            Problem::new(
                format!(
                    "{what} has more than {MAX_RATIO_DECIMALS} decimals (found {})",
                    written(&p)
                ),
                TOO_FINE,
            )
            .help("write a fraction such as \"1/3\" for a repeating decimal")
        } else {
            p
        }
    })?;
    if r <= Ratio::from_integer(0) {
        return Err(Problem::new(
            format!("{what} must be more than 0 (found {})", show(r)),
            "must be > 0",
        )
        .help(match what {
            "an FTE" => "a post of 0 FTE costs nothing: remove it, or give its size (1 is one person full time)",
            "a share" => "leave a funder who pays nothing out of `paid_by`",
            _ => "leave a member that bears nothing out of the key",
        }));
    }
    if r > Ratio::from_integer(max as i128) {
        return Err(Problem::new(
            format!("{what} must be at most {max} (found {})", show(r)),
            "too large",
        ));
    }
    if let Value::Float(_) | Value::String(_) = value
        && decimals(r).is_some_and(|p| p > MAX_RATIO_DECIMALS)
    {
        return Err(Problem::new(
            format!(
                "{what} has more than {MAX_RATIO_DECIMALS} decimals (found {})",
                show(r)
            ),
            "too many decimals",
        )
        .help("write a fraction such as \"1/3\" for a repeating decimal"));
    }
    Ok(r)
}

pub fn fte(value: &Value) -> Read<Rational> {
    positive(value, "an FTE", MAX_FTE)
}

pub fn share(value: &Value) -> Read<Rational> {
    positive(value, "a share", 1)
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

    #[test]
    fn money_rules() {
        let p = money(&float("1000.005")).unwrap_err();
        assert_eq!(
            p.message,
            "1000.005 has 3 decimals; money has at most 2 (øre)"
        );
        assert_eq!(p.help.as_deref(), Some("write 1000.01 or \"1000.01\""));
        // Trailing zeros are not decimals that matter.
        assert_eq!(money(&string("1000.010")).unwrap().to_string(), "1000.01");
        assert!(money(&int("-5")).unwrap_err().message.contains("negative"));
        assert!(money(&float("inf")).is_err());
        assert!(money(&float("nan")).is_err());
        assert!(money(&string("1/3")).is_err());
        assert!(money(&string("abc")).is_err());
        assert!(money(&int("1000000000001")).unwrap_err().label == "too large");
        assert!(money(&Value::Bool(true)).is_err());
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
        assert!(p.help.unwrap().contains("`laesoe`"));
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
