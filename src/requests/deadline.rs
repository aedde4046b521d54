//! Deadlines and statuses of requests (Omsk 8–9, Novosibirsk 10): a written request is answered
//! by the 30th day after receipt, moved to the next working day when that day is not one; an oral
//! one the same working day; a «Контрольный срок» cell wins over both.

use crate::calendar::Calendar;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde::Serialize;

/// The form of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Written,
    Oral,
}

impl Form {
    pub fn russian(self) -> &'static str {
        match self {
            Form::Written => "письменное",
            Form::Oral => "устное",
        }
    }

    /// The form a journal's wording names, by the one vocabulary of channels and forms
    /// (`crate::vocabulary`): the words that say written win. None for anything else (J004).
    pub fn parse(text: &str) -> Option<Form> {
        match crate::vocabulary::meaning(text).form()? {
            crate::vocabulary::Form::Written => Some(Form::Written),
            crate::vocabulary::Form::Oral => Some(Form::Oral),
        }
    }
}

/// Days a written request may take (Omsk 9, Novosibirsk 10): the 30th day after receipt.
pub const WRITTEN_DAYS: i64 = 30;

/// The first working day on or after `day`.
pub fn working_day_from(calendar: &Calendar, day: NaiveDate) -> NaiveDate {
    let mut day = day;
    // A run of days off is two weeks at most (the New Year holidays); the bound keeps a
    // calendar without working days from looping.
    for _ in 0..366 {
        if calendar.is_working_day(day) {
            return day;
        }
        day += Duration::days(1);
    }
    day
}

/// The last working day on or before `day`.
pub fn working_day_until(calendar: &Calendar, day: NaiveDate) -> NaiveDate {
    let mut day = day;
    for _ in 0..366 {
        if calendar.is_working_day(day) {
            return day;
        }
        day -= Duration::days(1);
    }
    day
}

/// Where a written request's deadline goes when its 30th day is not a working day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DayOff {
    /// The preceding working day: never later than the 30 days the orders allow («не позднее
    /// 30 дней», Omsk 9, Novosibirsk 10), as office-work instructions do.
    #[default]
    Preceding,
    /// The next working day (Civil Code art. 193), for an organisation whose instruction says so.
    Following,
}

/// The deadline of a request: the `due` cell when there is one, else by its form. Written:
/// the 30th calendar day after receipt, moved to a working day as `day_off` says. Oral: the day
/// of receipt, or the next working day when it came on a day off.
pub fn deadline(
    calendar: &Calendar,
    form: Form,
    received: NaiveDate,
    due: Option<NaiveDate>,
    day_off: DayOff,
) -> NaiveDate {
    if let Some(due) = due {
        return due;
    }
    match form {
        Form::Written => {
            let thirtieth = received + Duration::days(WRITTEN_DAYS);
            match day_off {
                DayOff::Preceding => working_day_until(calendar, thirtieth),
                DayOff::Following => working_day_from(calendar, thirtieth),
            }
        }
        Form::Oral => working_day_from(calendar, received),
    }
}

/// Whether a deadline rests on a year the calendar only estimates (no decree, no user file):
/// any day the rule looked at, from receipt to the later of the deadline and the 30th day.
pub fn is_estimated(
    calendar: &Calendar,
    form: Form,
    received: NaiveDate,
    deadline: NaiveDate,
) -> bool {
    use chrono::Datelike;
    let looked_at = match form {
        Form::Written => deadline.max(received + Duration::days(WRITTEN_DAYS)),
        Form::Oral => deadline,
    };
    let (first, last) = (received.min(looked_at), received.max(looked_at));
    (first.year()..=last.year()).any(|year| !calendar.covers(year))
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Open and past its deadline as of the day of the check.
    Overdue,
    /// Open, the deadline within the next few working days.
    DueSoon,
    /// Open, the deadline further away.
    Open,
    /// Answered after the deadline.
    Late,
    /// Answered by the deadline.
    OnTime,
}

impl Status {
    pub fn russian(self) -> &'static str {
        match self {
            Status::OnTime => "в срок",
            Status::Late => "с опозданием",
            Status::Overdue => "просрочено",
            Status::DueSoon => "срок подходит",
            Status::Open => "в работе",
        }
    }
}

/// The status of a request with `deadline`, and by how many calendar days it is late.
pub fn status(
    calendar: &Calendar,
    deadline: NaiveDate,
    answered: Option<NaiveDate>,
    as_of: NaiveDate,
    due_soon: u32,
) -> (Status, Option<i64>) {
    match answered {
        Some(answered) if answered <= deadline => (Status::OnTime, None),
        Some(answered) => (Status::Late, Some((answered - deadline).num_days())),
        None if as_of > deadline => (Status::Overdue, Some((as_of - deadline).num_days())),
        // Counted forward from the day of the check, so a deadline years away costs nothing.
        None if deadline <= calendar.add_working_days(as_of, due_soon) => (Status::DueSoon, None),
        None => (Status::Open, None),
    }
}

/// A date as journals write it: `09.04.2025`, `9.4.2025`, `09.04.25`, `2025-04-09` (a time after
/// it or not), «12 мая 2025 г.»; a workbook's cells typed as dates arrive as `2025-04-09`.
/// Years 1900–2200 (`calendar::YEARS`). A bare number (`30`, `2025`, `45756`) or a date without
/// a year (`12.05`) is not a date: a serial day number counts only in a cell typed as a date,
/// which the workbook reader has already turned into a date.
pub fn parse_journal_date(text: &str) -> Option<NaiveDate> {
    parse_journal_moment(text, Zone::Local).map(|m| m.date)
}

/// The zone a journal's timestamps with an offset are read in (`--timezone`): the computer's
/// own, or a fixed offset (Russia keeps no summer time since 2014, so a region's zone is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    #[default]
    Local,
    Fixed(chrono::FixedOffset),
}

impl Zone {
    /// `--timezone`: `+03:00`, `+3`, `UTC+7`, `MSK+4`, or a Russian zone by its IANA name
    /// (`Europe/Moscow`, `Asia/Omsk`, `Asia/Novosibirsk`, …); `local` for the computer's.
    pub fn parse(text: &str) -> Option<Zone> {
        const NAMED: [(&str, i32); 14] = [
            ("europe/kaliningrad", 2),
            ("europe/moscow", 3),
            ("europe/simferopol", 3),
            ("europe/volgograd", 3),
            ("europe/samara", 4),
            ("asia/yekaterinburg", 5),
            ("asia/omsk", 6),
            ("asia/novosibirsk", 7),
            ("asia/krasnoyarsk", 7),
            ("asia/irkutsk", 8),
            ("asia/yakutsk", 9),
            ("asia/vladivostok", 10),
            ("asia/magadan", 11),
            ("asia/kamchatka", 12),
        ];
        let lowered = text.trim().to_lowercase();
        if lowered == "local" {
            return Some(Zone::Local);
        }
        let hours = |h: i32| chrono::FixedOffset::east_opt(h * 3600).map(Zone::Fixed);
        if let Some((_, h)) = NAMED.iter().find(|(name, _)| *name == lowered) {
            return hours(*h);
        }
        if let Some(rest) = lowered.strip_prefix("msk") {
            let shift: i32 = if rest.is_empty() {
                0
            } else {
                rest.parse().ok()?
            };
            return hours(3 + shift);
        }
        let offset = lowered.strip_prefix("utc").unwrap_or(&lowered);
        if offset.is_empty() {
            return hours(0);
        }
        let (sign, digits) = match offset.as_bytes().first()? {
            b'+' => (1, &offset[1..]),
            b'-' => (-1, &offset[1..]),
            _ => return None,
        };
        let (h, m) = digits.split_once(':').unwrap_or((digits, "0"));
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 14 || m > 59 {
            return None;
        }
        chrono::FixedOffset::east_opt(sign * (h * 3600 + m * 60)).map(Zone::Fixed)
    }
}

/// A moment a journal's cell gives: its date (in the zone, when the cell names its offset), and
/// its time of day when the cell has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// [`parse_journal_date`] with the time of day: `09.04.2025 19:45`, `2025-04-09T19:45:00`; a
/// timestamp with an offset (`2025-03-02T21:00:00Z`, `…+07:00`) is taken to `zone` first, so
/// that 21:00 UTC on 2 March is 3 March in Moscow, Omsk and Novosibirsk.
pub fn parse_journal_moment(text: &str, zone: Zone) -> Option<Moment> {
    use chrono::Datelike;
    let text = without_year_word(text.trim());
    let moment = zoned(text, zone).or_else(|| {
        let date = russian_words_date(text).or_else(|| {
            let first = text.split([' ', 'T']).next().unwrap_or("");
            numeric_date(first)
        })?;
        let time = text
            .split_once([' ', 'T'])
            .and_then(|(_, rest)| time_of_day(rest.trim()));
        Some(Moment { date, time })
    })?;
    crate::calendar::YEARS
        .contains(&moment.date.year())
        .then_some(moment)
}

/// The one date written inside a text, as registration stamps write it («Исх. № 45 от
/// 10.04.2025», «исполнено 10.04.2025г.», «10.04.2025 № 01-15/7»): None when the text holds no
/// date, or two (which one is meant cannot be told; the row is a finding).
pub fn date_inside(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let mut found: Option<NaiveDate> = None;
    for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
        let token = without_year_word(token.trim_matches(|c: char| !c.is_alphanumeric()));
        let Some(date) = numeric_date(token) else {
            continue;
        };
        if !crate::calendar::YEARS.contains(&date.year()) {
            continue;
        }
        match found {
            Some(other) if other != date => return None,
            _ => found = Some(date),
        }
    }
    found
}

/// A timestamp that names its offset, taken to `zone`.
fn zoned(text: &str, zone: Zone) -> Option<Moment> {
    // Most cells are plain dates: only a stamp with a time and a zone after it is parsed here
    // (a million-row journal must not try three formats per cell).
    let time_and_zone = text.len() > 16
        && text.as_bytes().get(4) == Some(&b'-')
        && (text.ends_with(['Z', 'z'])
            || text.get(16..).is_some_and(|rest| rest.contains(['+', '-'])));
    if !time_and_zone {
        return None;
    }
    let stamp = chrono::DateTime::parse_from_rfc3339(text)
        .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%#z"))
        .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%#z"))
        .ok()?;
    let local = match zone {
        Zone::Local => stamp.with_timezone(&chrono::Local).naive_local(),
        Zone::Fixed(offset) => stamp.with_timezone(&offset).naive_local(),
    };
    Some(Moment {
        date: local.date(),
        time: Some(local.time()),
    })
}

/// `19:45`, `19:45:10`, `19:45:10.123`: a time of day.
pub fn time_of_day(text: &str) -> Option<NaiveTime> {
    let text = text.split('.').next().unwrap_or(text);
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .ok()
}

/// A date with the year's word after it, glued or not («09.04.2025г.», «9 апреля 2025 года»):
/// the word is no part of the date.
fn without_year_word(text: &str) -> &str {
    for word in ["года", "год", "г.", "г"] {
        if let Some(rest) = text.strip_suffix(word)
            && rest.trim_end().ends_with(|c: char| c.is_ascii_digit())
        {
            return rest.trim_end();
        }
    }
    text
}

/// `dd.mm.yyyy`, `dd.mm.yy`, `yyyy-mm-dd`: the year written in full, or as two digits read as
/// Excel reads them (00–29: 2000–2029, 30–99: 1930–1999; `09.04.99` is 1999, never 2099).
fn numeric_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (year, month, day) = if a.len() == 4 && !text.contains('-') {
        // «2025.04.09»: a four-digit year first, as some systems print it.
        (number(a)? as i32, number(b)?, number(c)?)
    } else if text.contains('-') {
        // ISO: 2025-04-09 only (a four-digit year first).
        if a.len() != 4 || text.contains('.') {
            return None;
        }
        (number(a)? as i32, number(b)?, number(c)?)
    } else {
        let year = match c.len() {
            4 => number(c)? as i32,
            2 => match number(c)? as i32 {
                short @ 0..=29 => 2000 + short,
                short => 1900 + short,
            },
            _ => return None,
        };
        if a.len() > 2 || b.len() > 2 {
            return None;
        }
        (year, number(b)?, number(a)?)
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// «12 мая 2025 г.», ««12» мая 2025 года».
fn russian_words_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '«' | '»' | '"'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let [day, month, year, rest @ ..] = words.as_slice() else {
        return None;
    };
    if !rest
        .iter()
        .all(|w| matches!(w.trim_end_matches('.'), "г" | "года" | "год"))
    {
        return None;
    }
    // «апреля», and the abbreviations a document system prints: «апр», «апр.», «сент.».
    let month = crate::text::month_of_genitive(month).or_else(|| {
        const SHORT: [&str; 12] = [
            "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
        ];
        let short = month.trim_end_matches('.');
        let short = if short == "май" { "мая" } else { short };
        (short.chars().count() >= 3)
            .then(|| SHORT.iter().position(|m| short.starts_with(m)))
            .flatten()
            .map(|i| i as u32 + 1)
    })?;
    let year = year.trim_end_matches(['.', ',']);
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_written_deadline_on_a_day_off_moves_to_the_preceding_working_day() {
        let calendar = Calendar::russian();
        let written = |y, m, d, mode| deadline(calendar, Form::Written, date(y, m, d), None, mode);
        // 9 April + 30 days = 9 May 2025, Victory Day; 8 May is off too (decree 1335): 7 May.
        assert_eq!(written(2025, 4, 9, DayOff::Preceding), date(2025, 5, 7));
        assert_eq!(written(2025, 4, 9, DayOff::Following), date(2025, 5, 12));
        // 1 April + 30 days = 1 May: 30 April works.
        assert_eq!(written(2025, 4, 1, DayOff::Preceding), date(2025, 4, 30));
        assert_eq!(written(2025, 4, 1, DayOff::Following), date(2025, 5, 5));
        // 1 December 2025 + 30 = 31 December (off by decree): 30 December, not 12 January.
        assert_eq!(written(2025, 12, 1, DayOff::Preceding), date(2025, 12, 30));
        assert_eq!(written(2025, 12, 1, DayOff::Following), date(2026, 1, 12));
        // A working 30th day stays.
        assert_eq!(written(2025, 3, 3, DayOff::Preceding), date(2025, 4, 2));
        // A working Saturday counts: 1 December 2024 + 30 = Tuesday 31 December (off by
        // decree 1314), 30 December off: Saturday 28 December 2024 was a working day.
        assert_eq!(written(2024, 12, 1, DayOff::Preceding), date(2024, 12, 28));
    }

    #[test]
    fn years_without_a_decree_keep_the_labour_code_holidays_and_are_estimates() {
        let calendar = Calendar::russian();
        // 2028 has no decree: 1–8 January are still off; 9 January 2028 is a Sunday.
        let due = deadline(
            calendar,
            Form::Written,
            date(2027, 12, 10),
            None,
            DayOff::Preceding,
        );
        assert_eq!(due, date(2028, 1, 7).min(due));
        assert!(calendar.is_working_day(due));
        assert!(due < date(2028, 1, 1), "{due}");
        assert!(is_estimated(
            calendar,
            Form::Written,
            date(2027, 12, 10),
            due
        ));
        // 4 November 2028 is a Saturday: the Labour Code moves it to Monday 6 November.
        assert!(!calendar.is_working_day(date(2028, 11, 6)));
        assert!(!is_estimated(
            calendar,
            Form::Written,
            date(2026, 12, 1),
            date(2026, 12, 30)
        ));
    }

    #[test]
    fn an_oral_request_is_due_the_same_working_day_and_a_due_cell_wins() {
        let calendar = Calendar::russian();
        assert_eq!(
            deadline(
                calendar,
                Form::Oral,
                date(2025, 4, 9),
                None,
                DayOff::Preceding
            ),
            date(2025, 4, 9)
        );
        // Received on a Saturday: the next working day, Monday.
        assert_eq!(
            deadline(
                calendar,
                Form::Oral,
                date(2025, 4, 12),
                None,
                DayOff::Preceding
            ),
            date(2025, 4, 14)
        );
        assert_eq!(
            deadline(
                calendar,
                Form::Written,
                date(2025, 4, 9),
                Some(date(2025, 4, 20)),
                DayOff::Preceding
            ),
            date(2025, 4, 20)
        );
    }

    #[test]
    fn every_status() {
        let calendar = Calendar::russian();
        let due = date(2025, 4, 15); // a Tuesday
        let as_of = date(2025, 4, 10); // Thursday: 3 working days before the deadline
        let status = |answered, as_of| status(calendar, due, answered, as_of, 3);
        assert_eq!(status(Some(due), as_of), (Status::OnTime, None));
        assert_eq!(
            status(Some(date(2025, 4, 18)), as_of),
            (Status::Late, Some(3))
        );
        assert_eq!(status(None, date(2025, 4, 17)), (Status::Overdue, Some(2)));
        assert_eq!(status(None, as_of), (Status::DueSoon, None));
        assert_eq!(status(None, date(2025, 4, 1)), (Status::Open, None));
    }

    #[test]
    fn journal_wordings_of_the_form_are_understood() {
        for written in [
            "СЭД",
            "Служебная записка",
            "Электронная почта",
            "e-mail",
            "Письмо",
            "письменное",
        ] {
            assert_eq!(Form::parse(written), Some(Form::Written), "{written}");
        }
        for oral in ["Телефон", "Личный приём", "устно", "Устное обращение"]
        {
            assert_eq!(Form::parse(oral), Some(Form::Oral), "{oral}");
        }
        // Fax, courier and «нарочным» deliver written requests (issue 18, item 3).
        assert_eq!(Form::parse("факс"), Some(Form::Written));
        assert_eq!(Form::parse("Отличный вариант"), None);
    }

    #[test]
    fn dates_in_every_way_journals_write_them() {
        assert_eq!(parse_journal_date("09.04.2025"), Some(date(2025, 4, 9)));
        assert_eq!(parse_journal_date("2025-04-09"), Some(date(2025, 4, 9)));
        assert_eq!(
            parse_journal_date("2025-04-09 10:15:00"),
            Some(date(2025, 4, 9))
        );
        assert_eq!(
            parse_journal_date("09.04.2025 10:15"),
            Some(date(2025, 4, 9))
        );
        assert_eq!(parse_journal_date("45756"), None);
        assert_eq!(parse_journal_date("30"), None);
        assert_eq!(parse_journal_date("2025"), None);
        assert_eq!(parse_journal_date("12.05"), None);
        assert_eq!(parse_journal_date("12.05.25"), Some(date(2025, 5, 12)));
        assert_eq!(parse_journal_date("9.4.2025"), Some(date(2025, 4, 9)));
        assert_eq!(
            parse_journal_date("12 мая 2025 г."),
            Some(date(2025, 5, 12))
        );
        assert_eq!(
            parse_journal_date("«12» мая 2025 года"),
            Some(date(2025, 5, 12))
        );
        assert_eq!(parse_journal_date("12 мая"), None);
        assert_eq!(parse_journal_date("2025-4-9"), Some(date(2025, 4, 9)));
        assert_eq!(parse_journal_date("09.04.1899"), None);
        assert_eq!(parse_journal_date("31.02.2025"), None);
        assert_eq!(parse_journal_date("вчера"), None);
        assert_eq!(parse_journal_date("1e308"), None);
        assert_eq!(parse_journal_date("31.12.9999"), None);
        assert_eq!(parse_journal_date("2958465"), None); // 9999-12-31 as a serial
    }

    #[test]
    fn dates_with_the_years_word_two_digit_years_and_zoned_stamps() {
        let parse = |t: &str| parse_journal_date(t);
        assert_eq!(parse("09.04.2025г."), Some(date(2025, 4, 9)));
        assert_eq!(parse("09.04.2025 г."), Some(date(2025, 4, 9)));
        assert_eq!(parse("9 апреля 2025г."), Some(date(2025, 4, 9)));
        assert_eq!(parse("9 апреля 2025 года"), Some(date(2025, 4, 9)));
        // As Excel reads two-digit years: 99 is 1999, never 2099; 29 is 2029.
        assert_eq!(parse("09.04.99"), Some(date(1999, 4, 9)));
        assert_eq!(parse("09.04.29"), Some(date(2029, 4, 9)));
        assert_eq!(parse("09.04.30"), Some(date(1930, 4, 9)));
        let moscow = Zone::parse("Europe/Moscow").unwrap();
        let utc = Zone::parse("UTC").unwrap();
        let at = |t: &str, zone| parse_journal_moment(t, zone).unwrap();
        // 21:00 UTC on 2 March is 3 March in Moscow (and further east).
        assert_eq!(at("2025-03-02T21:00:00Z", moscow).date, date(2025, 3, 3));
        assert_eq!(at("2025-03-02T21:00:00Z", utc).date, date(2025, 3, 2));
        assert_eq!(
            at(
                "2025-03-02T21:00:00+07:00",
                Zone::parse("Asia/Omsk").unwrap()
            )
            .date,
            date(2025, 3, 2)
        );
        // Without an offset the time is as written, in no zone at all.
        let evening = at("10.03.2025 19:45", moscow);
        assert_eq!(evening.date, date(2025, 3, 10));
        assert_eq!(evening.time, NaiveTime::from_hms_opt(19, 45, 0));
        assert_eq!(
            at("2025-03-10T19:45:10", utc).time,
            NaiveTime::from_hms_opt(19, 45, 10)
        );
        for zone in [
            "+03:00",
            "+3",
            "UTC+7",
            "MSK+4",
            "msk",
            "local",
            "Asia/Novosibirsk",
        ] {
            assert!(Zone::parse(zone).is_some(), "{zone}");
        }
        for zone in ["Mars/Olympus", "+25", "UTC+", "3"] {
            assert!(Zone::parse(zone).is_none(), "{zone}");
        }
    }

    #[test]
    fn delivery_types_of_delo_are_written_forms() {
        for form in [
            "Фельдъегерская связь",
            "Спецсвязь",
            "Заказное",
            "Простое",
            "ценное письмо",
        ] {
            assert_eq!(Form::parse(form), Some(Form::Written), "{form}");
        }
    }

    #[test]
    fn a_date_inside_a_registration_stamp_is_found_once() {
        assert_eq!(
            date_inside("Исх. № 45 от 10.04.2025"),
            Some(date(2025, 4, 10))
        );
        assert_eq!(
            date_inside("исполнено 10.04.2025г."),
            Some(date(2025, 4, 10))
        );
        assert_eq!(date_inside("10.04.2025 № 01-15/7"), Some(date(2025, 4, 10)));
        assert_eq!(date_inside("№ 01-15/7"), None);
        // Two different dates: which one is the answer cannot be told.
        assert_eq!(date_inside("от 01.04.2025, повторно 10.04.2025"), None);
    }

    #[test]
    fn abbreviated_months_and_a_year_first_with_dots_are_dates() {
        assert_eq!(parse_journal_date("08 апр 2025"), Some(date(2025, 4, 8)));
        assert_eq!(parse_journal_date("8 апр. 2025 г."), Some(date(2025, 4, 8)));
        assert_eq!(parse_journal_date("1 сент. 2025"), Some(date(2025, 9, 1)));
        assert_eq!(parse_journal_date("5 май 2025"), Some(date(2025, 5, 5)));
        assert_eq!(parse_journal_date("2025.04.09"), Some(date(2025, 4, 9)));
        assert_eq!(parse_journal_date("8 ап 2025"), None);
    }

    #[test]
    fn a_cell_of_letters_after_a_year_is_no_stamp_and_no_panic() {
        // Byte 16 falls inside a letter here: a stamp is looked for by characters, never cut.
        for text in [
            "2025-ЖЖЖЖЖЖЖЖЖЖЖЖ",
            "2025-04-09Тёёёёёёёё+",
            "2025-0ЖЖЖЖЖЖЖЖЖЖЖЖЖ",
        ] {
            assert_eq!(parse_journal_moment(text, Zone::Local), None, "{text}");
        }
    }
}
