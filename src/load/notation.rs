//! Numbers written the way Danish (or English) prose writes them, which a program would read
//! as another number or not at all: `900.000` (nine hundred thousand in Danish, 900 as a
//! decimal), `1.500.000`, `1,5`, `1,500,000`, `1 500 000`, `860.000 kr.`. Each is recognised
//! with every reading it has, so that an amount is refused with both rather than misread.

use num_rational::Ratio;

use crate::num::Rational;

/// How a number written as text can be misread, with its readings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misread {
    /// `900.000`, `820.500`: one dot before three digits: thousands in Danish, a decimal point
    /// to a program.
    DotThousands {
        thousands: Rational,
        decimal: Rational,
    },
    /// `1.500.000`: dots between thousands, as Danish writes them.
    DotsThousands { value: Rational },
    /// `900.000,00`, `860.000,50`, `12,5`: a decimal comma, as Danish writes it.
    DecimalComma { value: Rational },
    /// `1,5`, `2,75`: a decimal comma on a small number, which Danish prose also writes for
    /// millions (`1,5 mio.`).
    SmallComma { value: Rational },
    /// `1,500`, `820,500`: one comma before three digits: thousands in English, a decimal
    /// comma in Danish.
    CommaThousandsOrDecimal {
        thousands: Rational,
        decimal: Rational,
    },
    /// `1,500,000`, `1,500,000.50`: commas between thousands, as English writes them.
    CommaThousands { value: Rational },
    /// `1 500 000`: spaces between thousands.
    SpaceThousands { value: Rational },
    /// `860.000 kr.`, `1,5 mio. kr.`: a number with its unit.
    WithUnit { value: Rational },
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1`, `12` or `123` followed by groups of exactly three digits: how thousands are grouped.
fn grouped(parts: &[&str]) -> bool {
    match parts.split_first() {
        Some((first, rest)) => {
            digits(first)
                && first.len() <= 3
                && !rest.is_empty()
                && rest.iter().all(|p| digits(p) && p.len() == 3)
        }
        None => false,
    }
}

/// The number `digits` (whole part) and `fraction` (its decimals), exact.
fn number(whole: &str, fraction: &str) -> Option<Rational> {
    let mut n: i128 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        n = n.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    let scale = 10i128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    Some(Ratio::new(n, scale))
}

/// The number `s` in Danish notation (dots between thousands, a decimal comma), or plain
/// (a decimal point); for what precedes a unit.
fn either_notation(s: &str) -> Option<Rational> {
    let s = s.trim();
    let (whole, fraction) = s.split_once(',').unwrap_or((s, ""));
    if !fraction.is_empty() && !digits(fraction) {
        return None;
    }
    let parts: Vec<&str> = whole.split('.').collect();
    if parts.len() > 1 && grouped(&parts) {
        return number(&parts.concat(), fraction);
    }
    if fraction.is_empty() {
        let (w, f) = whole.split_once('.').unwrap_or((whole, ""));
        let w = w.replace('_', "");
        return (digits(&w) && (f.is_empty() || digits(f))).then(|| number(&w, f))?;
    }
    digits(whole).then(|| number(whole, fraction))?
}

/// Units written after an amount, with what they multiply it by.
const UNITS: &[(&str, i128)] = &[
    ("mio. kr.", 1_000_000),
    ("mio.kr.", 1_000_000),
    ("mio kr.", 1_000_000),
    ("mio kr", 1_000_000),
    ("mio.", 1_000_000),
    ("mio", 1_000_000),
    ("million kr.", 1_000_000),
    ("million", 1_000_000),
    ("t.kr.", 1_000),
    ("tkr.", 1_000),
    ("tkr", 1_000),
    ("kr.", 1),
    ("kr", 1),
    ("dkk", 1),
];

/// How `written` (an amount written as text, or a bare value in a file) can be misread;
/// `None` where it reads one way only (or not as a number at all).
pub fn misread(written: &str) -> Option<Misread> {
    let s = written.trim();
    let lower = s.to_lowercase();
    for (unit, factor) in UNITS {
        if let Some(n) = lower.strip_suffix(unit)
            && !n.trim().is_empty()
            && n.trim()
                .chars()
                .all(|c| c.is_ascii_digit() || ".,_ ".contains(c))
        {
            let value = either_notation(&n.trim().replace(' ', ""))?;
            return Some(Misread::WithUnit {
                value: value * Ratio::from_integer(*factor),
            });
        }
    }
    if s.contains([' ', '\u{a0}']) {
        let parts: Vec<&str> = s.split([' ', '\u{a0}']).collect();
        let last = parts.last().copied().unwrap_or("");
        let (last_whole, fraction) = match last.split_once([',', '.']) {
            Some((w, f)) if f.len() <= 2 && digits(f) => (w, f),
            _ => (last, ""),
        };
        let mut groups = parts.clone();
        if let Some(l) = groups.last_mut() {
            *l = last_whole;
        }
        if grouped(&groups) {
            return Some(Misread::SpaceThousands {
                value: number(&groups.concat(), fraction)?,
            });
        }
        return None;
    }
    // Commas between thousands, perhaps with a decimal point: English.
    let (whole, point) = s.split_once('.').unwrap_or((s, ""));
    let commas: Vec<&str> = whole.split(',').collect();
    if commas.len() > 1 && grouped(&commas) && (point.is_empty() || digits(point)) {
        if commas.len() == 2 && point.is_empty() {
            return Some(Misread::CommaThousandsOrDecimal {
                thousands: number(&commas.concat(), "")?,
                decimal: number(commas[0], commas[1])?,
            });
        }
        return Some(Misread::CommaThousands {
            value: number(&commas.concat(), point)?,
        });
    }
    // A decimal comma, perhaps with dots between thousands: Danish.
    if let Some((whole, fraction)) = s.split_once(',')
        && digits(fraction)
    {
        let dots: Vec<&str> = whole.split('.').collect();
        if dots.len() > 1 && grouped(&dots) {
            return Some(Misread::DecimalComma {
                value: number(&dots.concat(), fraction)?,
            });
        }
        if digits(whole) {
            let value = number(whole, fraction)?;
            return Some(if value < Ratio::from_integer(1000) {
                Misread::SmallComma { value }
            } else {
                Misread::DecimalComma { value }
            });
        }
        return None;
    }
    // Dots between thousands: Danish.
    let dots: Vec<&str> = s.split('.').collect();
    if dots.len() > 2 && grouped(&dots) {
        return Some(Misread::DotsThousands {
            value: number(&dots.concat(), "")?,
        });
    }
    if dots.len() == 2 && grouped(&dots) && !dots[0].starts_with('0') {
        return Some(Misread::DotThousands {
            thousands: number(&dots.concat(), "")?,
            decimal: number(dots[0], dots[1])?,
        });
    }
    None
}

/// An amount as it is written in a scenario, unambiguously: `1_500_000`, `860_000.50`, `1.50`.
pub fn plain(value: Rational) -> String {
    let cents = (value * Ratio::from_integer(100)).round().to_integer();
    let whole = crate::num::group(cents / 100, '_');
    match cents % 100 {
        0 => whole,
        c => format!("{whole}.{c:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Ratio::new(n, d)
    }

    #[test]
    fn every_notation_is_read_every_way_it_can_be() {
        use Misread::*;
        let cases = [
            (
                "900.000",
                DotThousands {
                    thousands: r(900_000, 1),
                    decimal: r(900, 1),
                },
            ),
            (
                "820.500",
                DotThousands {
                    thousands: r(820_500, 1),
                    decimal: r(8205, 10),
                },
            ),
            (
                "1.500.000",
                DotsThousands {
                    value: r(1_500_000, 1),
                },
            ),
            (
                "900.000,00",
                DecimalComma {
                    value: r(900_000, 1),
                },
            ),
            (
                "860.000,50",
                DecimalComma {
                    value: r(1_720_001, 2),
                },
            ),
            ("1,5", SmallComma { value: r(3, 2) }),
            (
                "1,500",
                CommaThousandsOrDecimal {
                    thousands: r(1500, 1),
                    decimal: r(3, 2),
                },
            ),
            (
                "1,500,000",
                CommaThousands {
                    value: r(1_500_000, 1),
                },
            ),
            (
                "1,500,000.50",
                CommaThousands {
                    value: r(3_000_001, 2),
                },
            ),
            (
                "1 500 000",
                SpaceThousands {
                    value: r(1_500_000, 1),
                },
            ),
            (
                "860.000 kr.",
                WithUnit {
                    value: r(860_000, 1),
                },
            ),
            (
                "1,5 mio. kr.",
                WithUnit {
                    value: r(1_500_000, 1),
                },
            ),
            (
                "860000 kr",
                WithUnit {
                    value: r(860_000, 1),
                },
            ),
        ];
        for (written, expected) in cases {
            assert_eq!(misread(written), Some(expected), "{written}");
        }
        for plain in [
            "860000",
            "860000.50",
            "860_000",
            "0.125",
            "1000.5",
            "abc",
            "1,5,5",
        ] {
            assert_eq!(misread(plain), None, "{plain}");
        }
        assert_eq!(plain_of(1_500_000), "1_500_000");
        assert_eq!(plain(r(3, 2)), "1.50");
        assert_eq!(plain(r(1_720_001, 2)), "860_000.50");
    }

    fn plain_of(n: i128) -> String {
        plain(Ratio::from_integer(n))
    }
}
