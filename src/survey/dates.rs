//! When a wave's answers were given, read from its timestamps (survey.md «Which year»): the
//! years the answers fall in, the first and last day, and whether the timestamps keep seconds
//! (S006 needs them).

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// The dates of a wave's answers, as its timestamps give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerDates {
    /// Answers per calendar year.
    pub years: BTreeMap<i32, u64>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Timestamps read with seconds, and without («10.11.2025 10:05», Russian Excel's re-save).
    pub with_seconds: u64,
    pub without_seconds: u64,
}

/// The first and last day of a wave's answers, as JSON writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl AnswerDates {
    /// Notes one timestamp cell; a cell that is no date is not counted.
    pub fn note(&mut self, cell: &str) {
        let Some((date, seconds)) = moment(cell) else {
            return;
        };
        *self.years.entry(chrono::Datelike::year(&date)).or_default() += 1;
        self.first = Some(self.first.map_or(date, |f| f.min(date)));
        self.last = Some(self.last.map_or(date, |l| l.max(date)));
        if seconds {
            self.with_seconds += 1;
        } else {
            self.without_seconds += 1;
        }
    }

    pub fn period(&self) -> Option<Period> {
        Some(Period {
            first: self.first?,
            last: self.last?,
        })
    }

    /// The year most answers were given in (the later one on a tie).
    pub fn main_year(&self) -> Option<i32> {
        self.years
            .iter()
            .max_by_key(|(year, count)| (**count, **year))
            .map(|(year, _)| *year)
    }

    /// The period as people read it: «10.11.2025–18.11.2025».
    pub fn russian(&self) -> Option<String> {
        let period = self.period()?;
        let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        Some(if period.first == period.last {
            day(period.first)
        } else {
            format!("{}–{}", day(period.first), day(period.last))
        })
    }
}

/// «10 ноября 2025 г. 10:05:17», «10 ноября 2025»: a date with the month in words.
fn words_date(cell: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let [day, month, year, ..] = words.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month = crate::text::month_of_genitive(&month.to_lowercase())?;
    let year: i32 = year.trim_end_matches(['г', '.']).parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The seconds of a date written in words: the first word with two colons.
fn has_seconds_after_words(cell: &str) -> bool {
    cell.split_whitespace().any(|w| w.matches(':').count() >= 2)
}

/// Whether a timestamp cell keeps seconds: its time has two colons («10:05:17»).
pub fn has_seconds(cell: &str) -> bool {
    cell.split_whitespace()
        .nth(1)
        .is_some_and(|time| time.matches(':').count() >= 2)
}

/// The day of a timestamp as exports write it («10.11.2025 10:05:17», «2025-11-10 10:05:17»,
/// «2025/11/10 10:05:17 AM GMT+3», «11/10/2025 10:05:17» (day and month told apart only when
/// one is over 12; otherwise the first of the month, which keeps the year and the order of
/// months), and whether it keeps seconds.
pub fn moment(cell: &str) -> Option<(NaiveDate, bool)> {
    let cell = cell.trim();
    if let Some(date) = words_date(cell) {
        return Some((date, has_seconds_after_words(cell)));
    }
    let day_part = cell.split([' ', 'T']).next()?;
    let numbers: Vec<&str> = day_part.split(['.', '-', '/']).collect();
    let [a, b, c] = numbers.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let date = if a > 999 {
        NaiveDate::from_ymd_opt(a as i32, b, c)
    } else if c > 999 && day_part.contains('/') {
        // Google's English export writes month/day/year; a Russian one day/month/year.
        match (a > 12, b > 12) {
            (true, false) => NaiveDate::from_ymd_opt(c as i32, b, a),
            (false, true) => NaiveDate::from_ymd_opt(c as i32, a, b),
            _ => NaiveDate::from_ymd_opt(c as i32, a.min(b).max(1), 1),
        }
    } else if c > 999 {
        NaiveDate::from_ymd_opt(c as i32, b, a)
    } else if numbers[2].len() == 2 && day_part.contains('.') {
        // Russian Excel's short form «10.11.25»: the years of this century.
        NaiveDate::from_ymd_opt(2000 + c as i32, b, a)
    } else {
        None
    }?;
    Some((date, has_seconds(cell)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_as_exports_write_them_give_their_day_and_seconds() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            moment("10.11.2025 10:05:17"),
            Some((day(2025, 11, 10), true))
        );
        assert_eq!(moment("10.11.2025 10:05"), Some((day(2025, 11, 10), false)));
        assert_eq!(
            moment("2025-11-10 10:05:17"),
            Some((day(2025, 11, 10), true))
        );
        assert_eq!(
            moment("2025/11/10 10:05:17 AM GMT+3"),
            Some((day(2025, 11, 10), true))
        );
        assert_eq!(
            moment("11/20/2025 10:05:17"),
            Some((day(2025, 11, 20), true))
        );
        assert_eq!(moment("20/11/2025 10:05"), Some((day(2025, 11, 20), false)));
        assert_eq!(moment("Отметка"), None);
        assert_eq!(moment("10.11.25 09:00"), Some((day(2025, 11, 10), false)));
        assert_eq!(
            moment("10 ноября 2025 г. 09:00:05"),
            Some((day(2025, 11, 10), true))
        );
        assert_eq!(moment("31.02.2025 10:00"), None);
    }

    #[test]
    fn the_main_year_is_where_most_answers_fall() {
        let mut dates = AnswerDates::default();
        for cell in [
            "28.12.2024 10:00:00",
            "10.01.2025 10:00:00",
            "11.01.2025 09:00",
        ] {
            dates.note(cell);
        }
        assert_eq!(dates.main_year(), Some(2025));
        assert_eq!(dates.russian().as_deref(), Some("28.12.2024–11.01.2025"));
        assert_eq!((dates.with_seconds, dates.without_seconds), (2, 1));
    }
}
