//! Turning exact figures into text: rounding half away from zero, grouping thousands.

use rust_decimal::Decimal;

use crate::engine::round_div;
use crate::model::Rational;

/// `value` rounded half away from zero to `places` decimals.
pub fn round(value: Rational, places: u32) -> Decimal {
    let per = 10i128.pow(places);
    Decimal::from_i128_with_scale(round_div(*value.numer(), *value.denom(), per), places)
}

/// Two decimals, `.` as the decimal mark, no grouping: the JSON form, `"800000.00"`.
pub fn plain2(value: Rational) -> String {
    round(value, 2).to_string()
}

/// Øre as kroner with two decimals, `.` as the decimal mark, into `buf`: `800000.00`, `-0.01`.
/// Without allocating: JSON reports write millions of these.
pub fn ore_bytes(ore: i128, buf: &mut [u8; 48]) -> &[u8] {
    let mut digits = itoa::Buffer::new();
    let abs = ore.unsigned_abs();
    // 64-bit arithmetic where it fits (nearly always): several times faster than 128-bit.
    let (text, cents) = match u64::try_from(abs) {
        Ok(a) => (digits.format(a / 100), (a % 100) as u8),
        Err(_) => (digits.format(abs / 100), (abs % 100) as u8),
    };
    let mut len = 0;
    if ore < 0 {
        buf[0] = b'-';
        len = 1;
    }
    buf[len..len + text.len()].copy_from_slice(text.as_bytes());
    len += text.len();
    buf[len] = b'.';
    buf[len + 1] = b'0' + cents / 10;
    buf[len + 2] = b'0' + cents % 10;
    len += 3;
    &buf[..len]
}

/// Kroner and øre with grouping: `12,345.67`.
pub fn kroner_ore(value: Rational) -> String {
    let ore = round_div(*value.numer(), *value.denom(), 100);
    let sign = if ore < 0 { "-" } else { "" };
    let ore = ore.abs();
    format!("{sign}{}.{:02}", group(ore / 100, ','), ore % 100)
}

/// Kroner with grouping, øre only where there are any: `800,000` or `860,000.50`.
pub fn kroner_ore_trim(value: Rational) -> String {
    if value.is_integer() {
        group(*value.numer(), ',')
    } else {
        kroner_ore(value)
    }
}

/// An integer with `sep` between groups of three digits.
pub fn group(n: i128, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_rational::Ratio;

    #[test]
    fn grouping_and_rounding() {
        assert_eq!(group(1_600_000, ','), "1,600,000");
        assert_eq!(group(-2_400_000, ','), "-2,400,000");
        assert_eq!(group(999, ','), "999");
        assert_eq!(group(0, ','), "0");
        assert_eq!(kroner_ore(Ratio::new(800_000, 12)), "66,666.67");
        assert_eq!(kroner_ore(Ratio::new(-5, 1000)), "-0.01");
        assert_eq!(plain2(Ratio::new(1, 3)), "0.33");
        assert_eq!(plain2(Ratio::new(2, 3)), "0.67");
        assert_eq!(plain2(Ratio::new(-1, 200)), "-0.01");
        assert_eq!(plain2(Ratio::from_integer(0)), "0.00");
        let mut buf = [0u8; 48];
        assert_eq!(ore_bytes(80_000_000, &mut buf), b"800000.00");
        assert_eq!(ore_bytes(-1, &mut buf), b"-0.01");
        assert_eq!(ore_bytes(0, &mut buf), b"0.00");
        assert_eq!(ore_bytes(-123_456, &mut buf), b"-1234.56");
    }
}
