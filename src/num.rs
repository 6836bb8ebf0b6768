//! Numbers: the exact rational type, rounding half away from zero, and figures as plain
//! text (`800000.00`, `1,600,000`). A leaf: it uses nothing else of the crate, and everything
//! that computes or prints a figure uses it.

use num_rational::Ratio;
use rust_decimal::Decimal;

/// An exact rational number; shares, FTE and accruals are computed with it.
pub type Rational = Ratio<i128>;

/// `n / d` in lowest terms, for `d > 0`; in 64-bit arithmetic where it fits, several times
/// faster than 128-bit: large scenarios make millions of these.
pub fn ratio(n: i128, d: i128) -> Rational {
    use num_integer::Integer;
    if d == 1 {
        return Ratio::from_integer(n);
    }
    let g = match (u64::try_from(n.unsigned_abs()), u64::try_from(d)) {
        (Ok(a), Ok(b)) => i128::from(a.gcd(&b)),
        _ => n.gcd(&d),
    };
    Ratio::new_raw(n / g, d / g)
}

/// `a × b`, as [`ratio`] reduces it where the parts' products fit.
pub fn product(a: Rational, b: Rational) -> Rational {
    match (
        a.numer().checked_mul(*b.numer()),
        a.denom().checked_mul(*b.denom()),
    ) {
        (Some(n), Some(d)) => ratio(n, d),
        _ => a * b,
    }
}

/// An exact `Decimal` as a rational (a `Decimal` has at most 28 decimals, so `10^scale` fits).
pub fn decimal_to_rational(value: Decimal) -> Rational {
    ratio(value.mantissa(), 10i128.pow(value.scale()))
}

/// `n / d` in units of `1/per`, rounded half away from zero, without overflow for `d > 0`.
pub fn round_div(n: i128, d: i128, per: i128) -> i128 {
    // Most figures fit in 64 bits, where division is several times faster.
    if let (Ok(n64), Ok(d64), Ok(per64)) = (i64::try_from(n), i64::try_from(d), i64::try_from(per))
    {
        if per64 == 1 {
            let (q, r) = (n64 / d64, n64 % d64);
            return i128::from(q + i64::from(r.abs() * 2 >= d64) * n64.signum());
        }
        if let Some(np) = (n64 % d64).checked_mul(per64)
            && let Some(whole) = (n64 / d64).checked_mul(per64)
        {
            let rest = np / d64;
            let twice = (np % d64).abs() * 2;
            let round = i64::from(twice >= d64) * n64.signum();
            return i128::from(whole + rest + round);
        }
    }
    let whole = n / d;
    let rest = n % d; // |rest| < d
    // rest * per / d, computed without overflow: rest < d <= i128::MAX / per is not
    // guaranteed, so split per into whole and remainder steps when needed.
    let scaled = match rest.checked_mul(per) {
        Some(x) => round_half_away(x, d),
        None => {
            let r = Ratio::new(rest, d) * Ratio::from_integer(per);
            round_half_away(*r.numer(), *r.denom())
        }
    };
    whole * per + scaled
}

/// Half away from zero of `num / den`, `den > 0`.
pub fn round_half_away(num: i128, den: i128) -> i128 {
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// A rational as a user wrote it: a decimal where it is one, else a fraction.
pub fn show(r: Rational) -> String {
    let as_decimal = decimals(r).filter(|&p| p <= 28).and_then(|places| {
        let numer = r.numer().checked_mul(10i128.pow(places) / *r.denom())?;
        Decimal::try_from_i128_with_scale(numer, places).ok()
    });
    match as_decimal {
        Some(d) => d.to_string(),
        None if *r.denom() == 1 => r.numer().to_string(),
        None => format!("{}/{}", r.numer(), r.denom()),
    }
}

/// Number of decimals needed to write `r` exactly, if it is a finite decimal.
pub fn decimals(r: Rational) -> Option<u32> {
    let mut den = *r.denom();
    let mut twos = 0;
    let mut fives = 0;
    while den % 2 == 0 {
        den /= 2;
        twos += 1;
    }
    while den % 5 == 0 {
        den /= 5;
        fives += 1;
    }
    (den == 1).then_some(twos.max(fives))
}

/// What money is shown in: whole kroner, thousands, millions with one decimal, or øre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// Kroner, whole.
    #[default]
    Kr,
    /// Thousands of kroner, whole.
    Tkr,
    /// Millions of kroner, with one decimal.
    Mio,
    /// Kroner and øre.
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

    /// The smallest amount shown, in kroner: 0.01, 1, 1,000 or 100,000.
    pub fn step(self) -> Rational {
        self.size() / Ratio::from_integer(10i128.pow(self.decimals()))
    }
}

/// `value` rounded half away from zero to `places` decimals.
pub fn round(value: Rational, places: u32) -> Decimal {
    let per = 10i128.pow(places);
    Decimal::from_i128_with_scale(round_div(*value.numer(), *value.denom(), per), places)
}

/// Two decimals, `.` as the decimal mark, no grouping: the JSON form, `"800000.00"`.
pub fn plain2(value: Rational) -> String {
    round(value, 2).to_string()
}

/// Øre as a JSON string of kroner with two decimals, `.` as the decimal mark, written into the
/// end of `buf`: `"800000.00"`, `"-0.01"`. Without allocating: JSON reports write millions.
pub fn ore_json(ore: i128, buf: &mut [u8; 48]) -> &[u8] {
    /// "00" to "99".
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let abs = ore.unsigned_abs();
    let cents = (abs % 100) as usize * 2;
    buf[44..].copy_from_slice(&[b'.', PAIRS[cents], PAIRS[cents + 1], b'"']);
    let mut at = 44;
    // 64-bit arithmetic where it fits (nearly always): several times faster than 128-bit.
    match u64::try_from(abs / 100) {
        Ok(mut kroner) => {
            while kroner >= 100 {
                let pair = (kroner % 100) as usize * 2;
                kroner /= 100;
                at -= 2;
                buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
            }
            if kroner >= 10 {
                at -= 2;
                let pair = kroner as usize * 2;
                buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
            } else {
                at -= 1;
                buf[at] = b'0' + kroner as u8;
            }
        }
        Err(_) => {
            let mut digits = itoa::Buffer::new();
            let text = digits.format(abs / 100).as_bytes();
            at -= text.len();
            buf[at..at + text.len()].copy_from_slice(text);
        }
    }
    if ore < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    at -= 1;
    buf[at] = b'"';
    &buf[at..]
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
        assert_eq!(ore_json(80_000_000, &mut buf), b"\"800000.00\"");
        assert_eq!(ore_json(-1, &mut buf), b"\"-0.01\"");
        assert_eq!(ore_json(0, &mut buf), b"\"0.00\"");
        assert_eq!(ore_json(-123_456, &mut buf), b"\"-1234.56\"");
        assert_eq!(ore_json(1_005, &mut buf), b"\"10.05\"");
        assert_eq!(ore_json(99_999, &mut buf), b"\"999.99\"");
    }

    #[test]
    fn json_figures_are_the_decimal_figures_quoted() {
        let mut buf = [0u8; 48];
        // Every length of kroner, both signs, and past 64 bits to the largest amount.
        let mut values = vec![i128::MIN + 1, i128::MAX, i128::from(u64::MAX) * 100 + 99];
        let mut n: i128 = 1;
        while n < i128::MAX / 7 {
            values.extend([n, n - 1, n + 1, n * 7 / 3]);
            n *= 10;
        }
        for ore in values.into_iter().flat_map(|v| [v, -v]) {
            let sign = if ore < 0 { "-" } else { "" };
            let (kr, cents) = (ore.unsigned_abs() / 100, ore.unsigned_abs() % 100);
            let expected = format!("\"{sign}{kr}.{cents:02}\"");
            assert_eq!(ore_json(ore, &mut buf), expected.as_bytes(), "{ore}");
        }
    }
}
