//! A production calendar in the open format Russian accounting and HR software exchange
//! (xmlcalendar.ru; its parsers: devmakis/prodcalendar, gozoro/russian-calendar):
//! - `calendar.json`: `{"year": 2027, "months": [{"month": 1, "days": "1,2,3,4+,…"}]}` where a
//!   listed day is a day off (`+` a transferred one) and `N*` a shortened *working* day; a
//!   Saturday or Sunday not listed is a working day. A list of such years is read too.
//! - `calendar.xml`: `<calendar year="2027"><days><day d="MM.DD" t="1|2|3"/>…` with the day
//!   month first; t=1 a day off, t=2 a shortened working day, t=3 a working weekend day; a
//!   weekend day not listed is a day off.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::HashSet;

/// A calendar file bigger than this is not a calendar (a year is about 2 KB).
const MAX_BYTES: u64 = 1024 * 1024;

/// One year of a calendar file.
#[derive(Debug, Default)]
pub struct Year {
    pub year: i32,
    pub days_off: HashSet<NaiveDate>,
    pub working_weekends: HashSet<NaiveDate>,
}

#[derive(Deserialize)]
struct JsonYear {
    year: i32,
    months: Vec<JsonMonth>,
}

#[derive(Deserialize)]
struct JsonMonth {
    month: u32,
    days: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum JsonFile {
    One(JsonYear),
    Many(Vec<JsonYear>),
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The years of a calendar file, or why it is not one (in Russian, without the file's name).
pub fn read(path: &std::path::Path) -> Result<Vec<Year>, String> {
    let metadata = std::fs::metadata(path).map_err(|e| crate::text::io_reason(&e))?;
    if !metadata.is_file() {
        // A pipe is never opened: reading it would wait for a writer.
        return Err(
            "это не обычный файл (папка, канал или устройство); укажите файл календаря".to_string(),
        );
    }
    let size = metadata.len();
    if size > MAX_BYTES {
        return Err(format!(
            "файл больше {} КБ — это не производственный календарь",
            MAX_BYTES / 1024
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| crate::text::io_reason(&e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "файл не в кодировке UTF-8; сохраните календарь в UTF-8".to_string())?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let years = if text.starts_with('<') {
        xml(text)?
    } else {
        json(text)?
    };
    if years.is_empty() {
        return Err("в файле нет ни одного года календаря".to_string());
    }
    for year in &years {
        plausible(year)?;
    }
    Ok(years)
}

/// A year of a production calendar has between about 100 and 140 days off (weekends and
/// holidays; 118 in 2025) and about 245 working days: a file that says otherwise is not one,
/// and deadlines computed on it would be wrong without a word.
fn plausible(year: &Year) -> Result<(), String> {
    let days = if NaiveDate::from_ymd_opt(year.year, 12, 31).is_some_and(|d| d.ordinal() == 366) {
        366
    } else {
        365
    };
    let weekends = (1..=days)
        .filter_map(|n| NaiveDate::from_yo_opt(year.year, n))
        .filter(|d| is_weekend(*d))
        .count();
    let off = year.days_off.len() + weekends.saturating_sub(year.working_weekends.len())
        - (1..=days)
            .filter_map(|n| NaiveDate::from_yo_opt(year.year, n))
            .filter(|d| is_weekend(*d) && year.days_off.contains(d))
            .count();
    // The holidays of the Labour Code (art. 112) are days off whatever a decree moves: a file
    // where one is a working day lacks its list of days (`<days>`) or a month of it.
    let holidays = [
        (1, 1),
        (1, 2),
        (1, 3),
        (1, 4),
        (1, 5),
        (1, 6),
        (1, 7),
        (1, 8),
        (2, 23),
        (3, 8),
        (5, 1),
        (5, 9),
        (6, 12),
        (11, 4),
    ];
    let is_off = |d: &NaiveDate| {
        year.days_off.contains(d) || (is_weekend(*d) && !year.working_weekends.contains(d))
    };
    let working: Vec<String> = holidays
        .iter()
        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year.year, m, d))
        .filter(|d| !is_off(d))
        .map(|d| d.format("%d.%m").to_string())
        .collect();
    if !working.is_empty() {
        return Err(format!(
            "{} год: праздники {} в календаре — рабочие дни, а по ст. 112 ТК РФ это нерабочие дни; в файле нет списка дней (<days>) или месяца в нём — возьмите файл года целиком",
            year.year,
            working.join(", ")
        ));
    }
    if !(90..=150).contains(&off) {
        return Err(format!(
            "{} год: в календаре {off} нерабочих дней, а в производственном календаре их от 100 до 140; проверьте файл (нужен календарь года целиком)",
            year.year
        ));
    }
    Ok(())
}

fn check_year(year: i32) -> Result<(), String> {
    if super::YEARS.contains(&year) {
        Ok(())
    } else {
        Err(format!("год {year} вне 1900–2200"))
    }
}

fn json(text: &str) -> Result<Vec<Year>, String> {
    let file: JsonFile = serde_json::from_str(text).map_err(|_| {
        "файл не читается как календарь xmlcalendar (calendar.json: {\"year\": …, \"months\": [{\"month\": 1, \"days\": \"1,2,3\"}]} или calendar.xml)".to_string()
    })?;
    let years = match file {
        JsonFile::One(year) => vec![year],
        JsonFile::Many(years) => years,
    };
    years.into_iter().map(json_year).collect()
}

fn json_year(source: JsonYear) -> Result<Year, String> {
    check_year(source.year)?;
    let mut year = Year {
        year: source.year,
        ..Year::default()
    };
    let mut listed = HashSet::new();
    let mut months = HashSet::new();
    for month in &source.months {
        months.insert(month.month);
        for token in month
            .days
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let working = token.ends_with('*');
            let number = token.trim_end_matches(['*', '+']);
            let day = number
                .parse::<u32>()
                .ok()
                .and_then(|d| NaiveDate::from_ymd_opt(source.year, month.month, d))
                .ok_or_else(|| {
                    format!(
                        "{} год, месяц {}: «{token}» — не день месяца",
                        source.year, month.month
                    )
                })?;
            listed.insert(day);
            if working {
                if is_weekend(day) {
                    year.working_weekends.insert(day);
                }
            } else {
                year.days_off.insert(day);
            }
        }
    }
    if months.len() != 12 || !(1..=12).all(|m| months.contains(&m)) {
        return Err(format!(
            "{} год: в календаре не все 12 месяцев; возьмите файл года целиком",
            source.year
        ));
    }
    // A weekend day the file does not list is a working day.
    let mut day = NaiveDate::from_ymd_opt(source.year, 1, 1).unwrap_or_default();
    while day.year() == source.year {
        if is_weekend(day) && !listed.contains(&day) {
            year.working_weekends.insert(day);
        }
        day = day.succ_opt().unwrap_or(day);
        if day.month() == 12 && day.day() == 31 && day.year() == source.year {
            if is_weekend(day) && !listed.contains(&day) {
                year.working_weekends.insert(day);
            }
            break;
        }
    }
    Ok(year)
}

fn xml(text: &str) -> Result<Vec<Year>, String> {
    use quick_xml::events::Event;
    let bad = || "файл не читается как календарь xmlcalendar (calendar.xml)".to_string();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut years = Vec::new();
    let mut current: Option<Year> = None;
    loop {
        match reader.read_event().map_err(|_| bad())? {
            Event::Start(e) | Event::Empty(e) => {
                let attribute = |name: &str| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().into_inner() == name)
                        .map(|a| a.value.to_string())
                };
                match e.local_name().into_inner() {
                    "calendar" => {
                        let year: i32 = attribute("year")
                            .and_then(|y| y.trim().parse().ok())
                            .ok_or_else(bad)?;
                        check_year(year)?;
                        if let Some(done) = current.take() {
                            years.push(done);
                        }
                        current = Some(Year {
                            year,
                            ..Year::default()
                        });
                    }
                    "day" => {
                        let year = current.as_mut().ok_or_else(bad)?;
                        let d = attribute("d").unwrap_or_default();
                        let kind = attribute("t").unwrap_or_default();
                        let (month, day) = d.split_once('.').ok_or_else(bad)?;
                        let date = month
                            .parse::<u32>()
                            .ok()
                            .zip(day.parse::<u32>().ok())
                            .and_then(|(m, dd)| NaiveDate::from_ymd_opt(year.year, m, dd))
                            .ok_or_else(|| format!("{} год: «{d}» — не день (ММ.ДД)", year.year))?;
                        match kind.trim() {
                            "1" => {
                                year.days_off.insert(date);
                            }
                            "2" | "3" => {
                                if is_weekend(date) {
                                    year.working_weekends.insert(date);
                                }
                            }
                            other => {
                                return Err(format!(
                                    "{} год, день {d}: тип t=«{other}» не из 1, 2, 3",
                                    year.year
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    years.extend(current);
    Ok(years)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// xmlcalendar/xmlcalendar.github.io data/ru/2025/calendar.json (months as published).
    const JSON_2025: &str = r#"{"year":2025,"months":[
      {"month":1,"days":"1,2,3,4,5,6,7,8,11,12,18,19,25,26"},
      {"month":2,"days":"1,2,8,9,15,16,22,23"},
      {"month":3,"days":"1,2,7*,8,9,15,16,22,23,29,30"},
      {"month":4,"days":"5,6,12,13,19,20,26,27,30*"},
      {"month":5,"days":"1,2+,3,4,8+,9,10,11,17,18,24,25,31"},
      {"month":6,"days":"1,7,8,11*,12,13+,14,15,21,22,28,29"},
      {"month":7,"days":"5,6,12,13,19,20,26,27"},
      {"month":8,"days":"2,3,9,10,16,17,23,24,30,31"},
      {"month":9,"days":"6,7,13,14,20,21,27,28"},
      {"month":10,"days":"4,5,11,12,18,19,25,26"},
      {"month":11,"days":"1*,2,3+,4,8,9,15,16,22,23,29,30"},
      {"month":12,"days":"6,7,13,14,20,21,27,28,31+"}]}"#;

    #[test]
    fn xmlcalendar_json_reads_days_off_and_working_saturdays() {
        let years = json(JSON_2025).unwrap();
        let year = &years[0];
        assert!(year.days_off.contains(&d(2025, 5, 8)));
        assert!(year.days_off.contains(&d(2025, 12, 31)));
        assert!(!year.days_off.contains(&d(2025, 3, 7)));
        assert!(year.working_weekends.contains(&d(2025, 11, 1)));
        assert!(!year.working_weekends.contains(&d(2025, 11, 2)));
    }

    #[test]
    fn xmlcalendar_xml_reads_month_first_days() {
        let xml_text = r#"<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2024" lang="ru" date="2023.12.01"><days>
<day d="04.27" t="3"/><day d="04.29" t="1" f="04.27"/><day d="11.02" t="2"/>
<day d="05.02" t="1"/></days></calendar>"#;
        let years = xml(xml_text).unwrap();
        assert_eq!(years[0].year, 2024);
        assert!(years[0].days_off.contains(&d(2024, 4, 29)));
        assert!(years[0].days_off.contains(&d(2024, 5, 2)));
        assert!(years[0].working_weekends.contains(&d(2024, 4, 27)));
        assert!(years[0].working_weekends.contains(&d(2024, 11, 2)));
    }

    #[test]
    fn a_calendar_with_no_days_off_or_every_day_off_is_refused() {
        let none = r#"{"year":2028,"months":[{"month":1,"days":""},{"month":2,"days":""},{"month":3,"days":""},{"month":4,"days":""},{"month":5,"days":""},{"month":6,"days":""},{"month":7,"days":""},{"month":8,"days":""},{"month":9,"days":""},{"month":10,"days":""},{"month":11,"days":""},{"month":12,"days":""}]}"#;
        let years = json(none).unwrap();
        // No day off listed: 1 May a working day, which no decree can make it.
        assert!(plausible(&years[0]).unwrap_err().contains("01.05"));
        let all: Vec<String> = (1..=12)
            .map(|m| {
                let days: Vec<String> = (1..=28).map(|d| d.to_string()).collect();
                format!(r#"{{"month":{m},"days":"{}"}}"#, days.join(","))
            })
            .collect();
        let all = format!(r#"{{"year":2028,"months":[{}]}}"#, all.join(","));
        let years = json(&all).unwrap();
        assert!(plausible(&years[0]).is_err());
        let years = json(JSON_2025).unwrap();
        assert!(plausible(&years[0]).is_ok());
    }

    #[test]
    fn a_calendar_without_its_days_is_refused_naming_the_holidays_it_makes_working() {
        let xml_text = r#"<?xml version="1.0"?><calendar year="2028" lang="ru"><holidays><holiday id="1" title="Новый год"/></holidays></calendar>"#;
        let years = xml(xml_text).unwrap();
        let error = plausible(&years[0]).unwrap_err();
        assert!(
            error.contains("01.05") && error.contains("<days>"),
            "{error}"
        );
        // A month without its list (May) leaves 1 and 9 May working.
        let no_may = JSON_2025.replace(
            r#""days":"1,2+,3,4,8+,9,10,11,17,18,24,25,31""#,
            r#""days":"""#,
        );
        let years = json(&no_may).unwrap();
        let error = plausible(&years[0]).unwrap_err();
        assert!(error.contains("01.05, 09.05"), "{error}");
    }

    #[test]
    fn broken_files_are_refused_in_russian() {
        assert!(json("{}").unwrap_err().contains("xmlcalendar"));
        assert!(
            json(r#"{"year":2025,"months":[{"month":1,"days":"1,40"}]}"#)
                .unwrap_err()
                .contains("«40»")
        );
        assert!(
            json(r#"{"year":2025,"months":[{"month":1,"days":"1"}]}"#)
                .unwrap_err()
                .contains("12 месяцев")
        );
        assert!(xml("<calendar><day d=\"01.01\" t=\"1\"/></calendar>").is_err());
    }
}
