//! Patterns of the map rules: account and voucher numbers (exact, glob, range) and words of
//! a booking's text.

use crate::msg::Msg;

/// A pattern an account or voucher number is matched against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Number {
    /// The whole number, with `*` for any characters and `?` for one: `22510`, `2250*`.
    Glob(String),
    /// From `lo` to `hi`, inclusive, both whole numbers: `22500-22599`.
    Range(u128, u128),
}

impl Number {
    /// The pattern as written, or why it cannot be one; `ranges` reads `22500-22599` as a
    /// range (accounts), else as the number written (vouchers such as `24-0009`).
    pub fn parse(written: &str, ranges: bool) -> Result<Number, Msg> {
        let w = written.trim();
        if w.is_empty() {
            return Err(Msg::PatternEmpty);
        }
        if let Some((lo, hi)) = w.split_once('-').filter(|_| ranges) {
            let (lo, hi) = (lo.trim(), hi.trim());
            let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
            if digits(lo) && digits(hi) {
                let (Ok(a), Ok(b)) = (lo.parse::<u128>(), hi.parse::<u128>()) else {
                    return Err(Msg::PatternTooLong { written: w.into() });
                };
                if a > b {
                    return Err(Msg::PatternRangeBackwards { written: w.into() });
                }
                return Ok(Number::Range(a, b));
            }
        }
        Ok(Number::Glob(w.to_string()))
    }

    /// Whether the number `value` (as the export writes it) matches.
    pub fn matches(&self, value: &str) -> bool {
        let value = value.trim();
        match self {
            Number::Glob(p) if !p.contains(['*', '?']) => p == value,
            Number::Glob(p) => glob(p, value),
            Number::Range(lo, hi) => {
                !value.is_empty()
                    && value.chars().all(|c| c.is_ascii_digit())
                    && value.parse::<u128>().is_ok_and(|v| *lo <= v && v <= *hi)
            }
        }
    }
}

/// Words a booking's text contains, in any case; `*` stands for any characters between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The pieces between `*`s, lower-cased, in order.
    pieces: Vec<String>,
}

impl Words {
    pub fn parse(written: &str) -> Result<Words, Msg> {
        let pieces: Vec<String> = written
            .split('*')
            .map(|p| p.to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        if pieces.iter().all(|p| p.trim().is_empty()) {
            return Err(Msg::PatternNoWords);
        }
        Ok(Words { pieces })
    }

    pub fn matches(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        let mut rest = text.as_str();
        for piece in &self.pieces {
            match rest.find(piece.as_str()) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

/// Whether `value` is all of `pattern`, `*` matching any characters and `?` one.
fn glob(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let v: Vec<char> = value.chars().collect();
    // The classic two-pointer match with a single backtrack point.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < v.len() {
        if i < p.len() && (p[i] == '?' || p[i] == v[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_patterns() {
        let n = |s| Number::parse(s, true).unwrap();
        assert!(n("22510").matches("22510"));
        assert!(!n("22510").matches("225100"));
        assert!(n("2250*").matches("22501"));
        assert!(n("2250*").matches("2250"));
        assert!(!n("2250*").matches("2251"));
        assert!(n("22?10").matches("22510"));
        assert!(n("22500-22599").matches("22550"));
        assert!(n("22500 - 22599").matches(" 22599 "));
        assert!(!n("22500-22599").matches("22600"));
        assert!(!n("22500-22599").matches("2255a"));
        assert!(n("*").matches("anything"));
        assert!(Number::parse("22599-22500", true).is_err());
        assert_eq!(
            Number::parse("24-0009", false),
            Ok(Number::Glob("24-0009".into()))
        );
        assert!(Number::parse("  ", true).is_err());
        // Not two numbers: a glob that happens to hold a dash.
        assert_eq!(n("AB-12"), Number::Glob("AB-12".into()));
    }

    #[test]
    fn text_patterns() {
        let w = |s| Words::parse(s).unwrap();
        assert!(w("GEN2040").matches("Løn juli GEN2040-medarbejder"));
        assert!(w("løn*gen2040").matches("LØN JULI GEN2040"));
        assert!(!w("løn*gen2040").matches("GEN2040 løn"));
        assert!(w("Refusion").matches("refusion sygedagpenge"));
        assert!(Words::parse("**").is_err());
    }
}
