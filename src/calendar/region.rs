//! A region's own non-working days, laid over the federal calendar (cycle.md «Regional days
//! off»), each rule with its source in docs/calendar_sources.md. Shipped are the rules a law
//! fixes for every year; a region whose days an act sets year by year (Tatarstan's and
//! Bashkortostan's Kurban and Uraza Bayram) brings them in a `--calendar` file.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A subject of the Federation with its own days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Republic of North Ossetia–Alania: law 61-РЗ of 2 October 2018.
    NorthOssetia,
}

impl Region {
    /// The region a name means («Республика Северная Осетия — Алания», «РСО-Алания», «Северная
    /// Осетия»); None for a region without rules of its own here.
    pub fn parse(name: &str) -> Option<Region> {
        let name = crate::text::normalize(name);
        let ossetia =
            name.contains("осетия") && (name.contains("север") || name.contains("алания"));
        (ossetia || name.split(' ').any(|w| w == "рсо")).then_some(Region::NorthOssetia)
    }

    /// How the region is named in messages.
    pub fn name(self) -> &'static str {
        match self {
            Region::NorthOssetia => "Республика Северная Осетия — Алания",
        }
    }

    /// The region's own days off in `year`.
    pub fn days_off(self, year: i32) -> Vec<NaiveDate> {
        match self {
            // «the first Monday of the feast of Uastyrdzhi (Dzheorguyba), which falls on the
            // last full week of November» (law 61-РЗ, art. 1), in force since October 2018.
            Region::NorthOssetia if year >= 2018 => {
                last_full_week_monday(year, 11).into_iter().collect()
            }
            Region::NorthOssetia => Vec::new(),
        }
    }
}

/// The Monday that begins the last full week (Monday to Sunday) of a month.
fn last_full_week_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next - Duration::days(1);
    // The last Sunday on or before the month's last day ends the last full week.
    let back = last.weekday().num_days_from_sunday();
    let sunday = last - Duration::days(i64::from(back));
    let monday = sunday - Duration::days(6);
    (monday.weekday() == Weekday::Mon && monday.month() == month).then_some(monday)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dzheorguyba_is_the_monday_of_the_last_full_week_of_november() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let monday = |y| Region::NorthOssetia.days_off(y);
        // The example: 22 November 2027 (30 November is a Tuesday).
        assert_eq!(monday(2027), vec![day(2027, 11, 22)]);
        // 2025: 30 November is a Sunday, so the last full week is 24–30 November.
        assert_eq!(monday(2025), vec![day(2025, 11, 24)]);
        // 2024: 30 November is a Saturday: the last full week is 18–24 November.
        assert_eq!(monday(2024), vec![day(2024, 11, 18)]);
        assert!(monday(2017).is_empty());
        for name in [
            "Республика Северная Осетия — Алания",
            "РСО-Алания",
            "Северная Осетия",
        ] {
            assert_eq!(Region::parse(name), Some(Region::NorthOssetia), "{name}");
        }
        assert_eq!(Region::parse("Омская область"), None);
    }
}
