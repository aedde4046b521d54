//! The Russian production calendar (производственный календарь) for the publication deadline
//! of Lipetsk 3.1: "не позднее 5 рабочих дней".
//!
//! The data (holidays of the Labour Code art. 112 and each year's government decree on
//! transferred days off) is kept in `data/production_calendar.yaml`, compiled into the binary.

pub mod file;
pub mod region;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/production_calendar.yaml");

#[derive(Deserialize)]
struct Data {
    holidays: Vec<Holiday>,
    years: BTreeMap<i32, Year>,
}

#[derive(Deserialize)]
struct Holiday {
    date: String,
}

#[derive(Deserialize)]
struct Year {
    decree: String,
    transfers: Vec<Transfer>,
}

#[derive(Deserialize)]
struct Transfer {
    from: NaiveDate,
    to: NaiveDate,
}

/// The years any date of the tool may fall in (journals, registries): outside them there is no
/// calendar at all, and the readers refuse such dates.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Working and non-working days: exact for the years of a decree (shipped, or read from a
/// user's file), estimated from the Labour Code for every other year of [`YEARS`].
#[derive(Clone)]
pub struct Calendar {
    days_off: HashSet<NaiveDate>,
    working_weekends: HashSet<NaiveDate>,
    decrees: BTreeMap<i32, String>,
}

impl Calendar {
    /// The calendar shipped with the tool.
    pub fn russian() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            // The data is compiled in, not read from the user: the calendar tests parse it, so
            // a broken data file fails the build's tests, never a user's run.
            let data: Data =
                serde_yaml::from_str(DATA).expect("data/production_calendar.yaml is valid");
            Calendar::from_data(&data)
        })
    }

    fn from_data(data: &Data) -> Calendar {
        let mut days_off = HashSet::new();
        let mut working_weekends = HashSet::new();
        let mut decrees = BTreeMap::new();
        for (&year, spec) in &data.years {
            decrees.insert(year, spec.decree.clone());
            let holidays: Vec<NaiveDate> = data
                .holidays
                .iter()
                .filter_map(|h| {
                    NaiveDate::parse_from_str(&format!("{year}-{}", h.date), "%Y-%m-%d").ok()
                })
                .collect();
            days_off.extend(holidays.iter().copied());
            let decreed_from: HashSet<NaiveDate> = spec.transfers.iter().map(|t| t.from).collect();
            for transfer in &spec.transfers {
                days_off.insert(transfer.to);
                // A plain weekend named as "from" becomes a working day; a holiday stays off.
                if is_weekend(transfer.from) && !holidays.contains(&transfer.from) {
                    working_weekends.insert(transfer.from);
                }
            }
            // Art. 112 part 2: a holiday on a weekend moves to the next working day, except the
            // January holidays and those the decree moves elsewhere.
            for holiday in &holidays {
                if is_weekend(*holiday) && holiday.month() != 1 && !decreed_from.contains(holiday) {
                    let mut day = *holiday + Duration::days(1);
                    while is_weekend(day) || days_off.contains(&day) {
                        day += Duration::days(1);
                    }
                    days_off.insert(day);
                }
            }
        }
        let mut calendar = Calendar {
            days_off,
            working_weekends,
            decrees,
        };
        let holidays: Vec<&str> = data.holidays.iter().map(|h| h.date.as_str()).collect();
        for year in YEARS {
            if !calendar.decrees.contains_key(&year) {
                calendar.estimate(year, &holidays);
            }
        }
        calendar
    }

    /// The days off of a year no decree covers, from the Labour Code alone (art. 112): its
    /// holidays, and a holiday on a weekend moved to the next working day (January's excepted:
    /// their moves are the decree's, and unknown without one).
    fn estimate(&mut self, year: i32, holidays: &[&str]) {
        let days: Vec<NaiveDate> = holidays
            .iter()
            .filter_map(|h| NaiveDate::parse_from_str(&format!("{year}-{h}"), "%Y-%m-%d").ok())
            .collect();
        self.days_off.extend(days.iter().copied());
        for holiday in &days {
            if is_weekend(*holiday) && holiday.month() != 1 {
                let mut day = *holiday + Duration::days(1);
                while is_weekend(day) || self.days_off.contains(&day) {
                    day += Duration::days(1);
                }
                self.days_off.insert(day);
            }
        }
    }

    /// This calendar with a region's own days off laid over it, every year of [`YEARS`].
    pub fn with_region(&self, region: region::Region) -> Calendar {
        let mut calendar = self.clone();
        for year in YEARS {
            calendar.days_off.extend(region.days_off(year));
        }
        calendar
    }

    /// The shipped calendar with the years of a user's file (`--calendar`) in place of its
    /// own: xmlcalendar's `calendar.json` (one year, or a list of years) or `calendar.xml`.
    pub fn with_file(path: &std::path::Path) -> anyhow::Result<Calendar> {
        let file = path.display().to_string();
        let years = file::read(path).map_err(|problem| anyhow::anyhow!("{file}: {problem}"))?;
        let mut calendar = Calendar::russian().clone();
        for year in years {
            calendar.days_off.retain(|day| day.year() != year.year);
            calendar
                .working_weekends
                .retain(|day| day.year() != year.year);
            calendar.days_off.extend(year.days_off);
            calendar.working_weekends.extend(year.working_weekends);
            calendar.decrees.insert(
                year.year,
                format!("производственный календарь из файла {file}"),
            );
        }
        Ok(calendar)
    }

    /// True when the calendar knows the year's holidays and transfers (a decree's, or a
    /// user's file's); the other years are estimates.
    pub fn covers(&self, year: i32) -> bool {
        self.decrees.contains_key(&year)
    }

    /// The decree the year's transfers come from.
    pub fn decree(&self, year: i32) -> Option<&str> {
        self.decrees.get(&year).map(String::as_str)
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.working_weekends.contains(&day) {
            return true;
        }
        !is_weekend(day) && !self.days_off.contains(&day)
    }

    /// The date `count` working days after `start` (the start day itself not counted).
    pub fn add_working_days(&self, start: NaiveDate, count: u32) -> NaiveDate {
        let mut day = start;
        let mut left = count;
        while left > 0 {
            day += Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not later).
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = start;
        while day < end {
            day += Duration::days(1);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn off(y: i32, m: u32, day: u32) -> bool {
        !Calendar::russian().is_working_day(d(y, m, day))
    }

    #[test]
    fn may_2025_follows_decree_1335() {
        // 1-4 May and 8-11 May are off; 5-7 May are working days.
        for day in [1, 2, 3, 4, 8, 9, 10, 11] {
            assert!(off(2025, 5, day), "5 May {day} should be off");
        }
        for day in [5, 6, 7, 12] {
            assert!(!off(2025, 5, day), "May {day} should be working");
        }
        // 23 Feb (Sunday) went to 8 May, so 24 Feb is a working day.
        assert!(!off(2025, 2, 24));
        // 8 March (Saturday) went to 13 June.
        assert!(!off(2025, 3, 10));
        assert!(off(2025, 6, 13));
        // 1 November (Saturday) was a working day, 3 November off.
        assert!(!off(2025, 11, 1));
        assert!(off(2025, 11, 3));
    }

    #[test]
    fn march_2026_holiday_on_sunday_moves_to_monday() {
        assert!(off(2026, 3, 8));
        assert!(off(2026, 3, 9));
        assert!(!off(2026, 3, 10));
        // 9 May 2026 is a Saturday: 11 May is off.
        assert!(off(2026, 5, 11));
        // January 2026: 1-11 off, 12 January working.
        for day in 1..=11 {
            assert!(off(2026, 1, day), "Jan {day}");
        }
        assert!(!off(2026, 1, 12));
        assert!(off(2026, 12, 31));
    }

    #[test]
    fn year_2024_working_saturdays() {
        assert!(!off(2024, 4, 27));
        assert!(off(2024, 4, 29));
        assert!(off(2024, 4, 30));
        assert!(!off(2024, 11, 2));
        assert!(!off(2024, 12, 28));
        assert!(off(2024, 12, 30));
        assert!(off(2024, 12, 31));
    }

    #[test]
    fn working_days_are_counted_across_holidays() {
        let calendar = Calendar::russian();
        // Approved on Wednesday 30 April 2025: 5 working days end on Tuesday 13 May.
        assert_eq!(calendar.add_working_days(d(2025, 4, 30), 5), d(2025, 5, 13));
        assert_eq!(
            calendar.working_days_between(d(2025, 4, 30), d(2025, 5, 13)),
            5
        );
        // Outside the decreed years the Labour Code's holidays still count (1–8 January).
        assert!(!calendar.covers(2030));
        assert_eq!(calendar.add_working_days(d(2030, 1, 1), 5), d(2030, 1, 15));
    }
}
