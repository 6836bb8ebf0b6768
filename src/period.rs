//! The months of a scenario window and how they group into periods (year, half-year, month,
//! total), clipped to the window.

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;

use crate::model::DateRange;

/// How months are grouped into the columns of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum By {
    /// Calendar years: the Danish budget year.
    #[default]
    Year,
    /// H1 = January–June, H2 = July–December.
    HalfYear,
    Month,
    /// The whole window as one period.
    Total,
}

impl By {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            By::Year => "year",
            By::HalfYear => "half-year",
            By::Month => "month",
            By::Total => "total",
        }
    }
}

impl fmt::Display for By {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One calendar month of the window, with the days of it inside the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i16,
    pub month: i8,
    /// First day of the month inside the window.
    pub first: Date,
    /// Last day of the month inside the window.
    pub last: Date,
    pub days_in_month: i8,
}

impl Month {
    /// Days of `range` that fall in this month (and the window); 0 if none.
    pub fn covered_days(&self, range: DateRange) -> i64 {
        let from = range.from.max(self.first);
        let to = range.to.min(self.last);
        if from > to {
            0
        } else {
            i64::from(to.day() - from.day()) + 1
        }
    }

    /// Days of this month inside the window.
    pub fn window_days(&self) -> i64 {
        i64::from(self.last.day() - self.first.day()) + 1
    }
}

/// The months of a window, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub window: DateRange,
    pub months: Vec<Month>,
}

impl Calendar {
    pub fn new(window: DateRange) -> Self {
        let mut months = Vec::new();
        let mut first = window.from;
        loop {
            let last = first.last_of_month().min(window.to);
            months.push(Month {
                year: first.year(),
                month: first.month(),
                first,
                last,
                days_in_month: first.days_in_month(),
            });
            if last >= window.to {
                break;
            }
            // `last` is the end of a month before the window's end, so the next day exists.
            first = last
                .tomorrow()
                .expect("a day after a month inside the window");
        }
        Calendar { window, months }
    }

    /// Index of the month that holds `date`, which must lie in the window.
    pub fn month_index(&self, date: Date) -> usize {
        let first = &self.months[0];
        let months = (i32::from(date.year()) - i32::from(first.year)) * 12
            + i32::from(date.month() - first.month);
        months as usize
    }

    /// The months `range` (inside the window) touches.
    pub fn month_range(&self, range: DateRange) -> Range<usize> {
        self.month_index(range.from)..self.month_index(range.to) + 1
    }

    /// The periods of this window for `by`, in order.
    pub fn periods(&self, by: By) -> Vec<Period> {
        let mut periods: Vec<Period> = Vec::new();
        for (i, m) in self.months.iter().enumerate() {
            let key = match by {
                By::Year => PeriodKey::Year(m.year),
                By::HalfYear => PeriodKey::Half(m.year, if m.month <= 6 { 1 } else { 2 }),
                By::Month => PeriodKey::Month(m.year, m.month),
                By::Total => PeriodKey::Total,
            };
            match periods.last_mut() {
                Some(p) if p.key == key => {
                    p.end = m.last;
                    p.months.end = i + 1;
                }
                _ => periods.push(Period {
                    key,
                    start: m.first,
                    end: m.last,
                    months: i..i + 1,
                }),
            }
        }
        periods
    }
}

/// What a period is, independent of where the window clips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKey {
    Year(i16),
    /// Year and half (1 or 2).
    Half(i16, u8),
    Month(i16, i8),
    Total,
}

impl PeriodKey {
    /// `2024`, `2024H1`, `2024-07` or `total`.
    pub fn label(self) -> String {
        match self {
            PeriodKey::Year(y) => format!("{y:04}"),
            PeriodKey::Half(y, h) => format!("{y:04}H{h}"),
            PeriodKey::Month(y, m) => format!("{y:04}-{m:02}"),
            PeriodKey::Total => "total".to_string(),
        }
    }

    /// The period a label names (`2024`, `2024H1`, `2024-07`, `total`).
    pub fn parse(label: &str) -> Option<PeriodKey> {
        if label == "total" {
            return Some(PeriodKey::Total);
        }
        if let Some((y, h)) = label.split_once('H') {
            let h: u8 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
            return Some(PeriodKey::Half(y.parse().ok()?, h));
        }
        if let Some((y, m)) = label.split_once('-') {
            let m: i8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            return Some(PeriodKey::Month(y.parse().ok()?, m));
        }
        label.parse().ok().map(PeriodKey::Year)
    }
}

/// How periods group into larger ones, coarsest first, for rounding that keeps every year
/// (and half-year) of monthly figures adding up: `groups[level][i]` names the group of
/// period `i` (equal names, one group).
pub fn groups(keys: &[PeriodKey]) -> Vec<Vec<usize>> {
    let year = |k: &PeriodKey| match k {
        PeriodKey::Year(y) | PeriodKey::Half(y, _) | PeriodKey::Month(y, _) => *y as usize,
        PeriodKey::Total => 0,
    };
    match keys.first() {
        Some(PeriodKey::Month(..)) => vec![
            keys.iter().map(year).collect(),
            keys.iter()
                .map(|k| match k {
                    PeriodKey::Month(y, m) => *y as usize * 2 + usize::from(*m > 6),
                    _ => 0,
                })
                .collect(),
        ],
        Some(PeriodKey::Half(..)) => vec![keys.iter().map(year).collect()],
        _ => Vec::new(),
    }
}

/// A group of consecutive months, clipped to the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub key: PeriodKey,
    pub start: Date,
    pub end: Date,
    /// Indexes into `Calendar::months`.
    pub months: Range<usize>,
}

impl Period {
    pub fn label(&self) -> String {
        self.key.label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn window(a: Date, b: Date) -> Calendar {
        Calendar::new(DateRange::new(a, b))
    }

    #[test]
    fn months_of_a_window_clip_its_ends() {
        let cal = window(date(2023, 1, 15), date(2023, 3, 10));
        assert_eq!(cal.months.len(), 3);
        assert_eq!(cal.months[0].window_days(), 17);
        assert_eq!(cal.months[1].window_days(), 28);
        assert_eq!(cal.months[2].window_days(), 10);
        assert_eq!(cal.months[1].days_in_month, 28);
    }

    #[test]
    fn leap_february_has_29_days() {
        let cal = window(date(2024, 2, 1), date(2024, 2, 29));
        assert_eq!(cal.months[0].days_in_month, 29);
        assert_eq!(cal.months[0].window_days(), 29);
    }

    #[test]
    fn periods_by_each_granularity() {
        let cal = window(date(2023, 7, 1), date(2025, 3, 31));
        let labels = |by| -> Vec<String> { cal.periods(by).iter().map(|p| p.label()).collect() };
        assert_eq!(labels(By::Year), ["2023", "2024", "2025"]);
        assert_eq!(
            labels(By::HalfYear),
            ["2023H2", "2024H1", "2024H2", "2025H1"]
        );
        assert_eq!(labels(By::Month).len(), 21);
        assert_eq!(labels(By::Month)[0], "2023-07");
        assert_eq!(labels(By::Total), ["total"]);
        let years = cal.periods(By::Year);
        assert_eq!(
            (years[0].start, years[0].end),
            (date(2023, 7, 1), date(2023, 12, 31))
        );
        assert_eq!(
            (years[2].start, years[2].end),
            (date(2025, 1, 1), date(2025, 3, 31))
        );
        assert_eq!(years[1].months, 6..18);
    }

    #[test]
    fn covered_days_of_a_range() {
        let cal = window(date(2023, 1, 1), date(2023, 12, 31));
        let range = DateRange::new(date(2023, 6, 20), date(2023, 8, 5));
        let days: Vec<i64> = cal.months.iter().map(|m| m.covered_days(range)).collect();
        assert_eq!(days[5], 11);
        assert_eq!(days[6], 31);
        assert_eq!(days[7], 5);
        assert_eq!(days[8], 0);
        assert_eq!(cal.month_range(range), 5..8);
    }
}
