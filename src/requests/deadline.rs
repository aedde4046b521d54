//! Deadlines and statuses of requests (Omsk 8–9, Novosibirsk 10): a written request is answered
//! by the 30th day after receipt, moved to the next working day when that day is not one; an oral
//! one the same working day; a «Контрольный срок» cell wins over both.

use crate::calendar::Calendar;
use chrono::{Duration, NaiveDate};
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

/// The deadline of a request: the `due` cell when there is one, else by its form.
pub fn deadline(
    calendar: &Calendar,
    form: Form,
    received: NaiveDate,
    due: Option<NaiveDate>,
) -> NaiveDate {
    if let Some(due) = due {
        return due;
    }
    match form {
        Form::Written => working_day_from(calendar, received + Duration::days(WRITTEN_DAYS)),
        Form::Oral => working_day_from(calendar, received),
    }
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

/// The years a journal's dates may fall in; anything else is a typo (J002), and no date
/// arithmetic ever nears the ends of the calendar.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date as journals write it: `09.04.2025`, `2025-04-09` (with a time after it or not), or an
/// Excel serial day number (`45756`); years 1900–2200.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    parse_any_date(text).filter(|date| YEARS.contains(&date.year()))
}

fn parse_any_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let first = text.split([' ', 'T']).next().unwrap_or("");
    if let Some(date) = crate::registry::model::parse_date(first) {
        return Some(date);
    }
    if let Ok(date) = NaiveDate::parse_from_str(first, "%d.%m.%y") {
        return Some(date);
    }
    // Excel counts days from 30 December 1899; 1 to 2958465 are the dates it can show.
    let serial: f64 = text.replace(',', ".").parse().ok()?;
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial.floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_written_deadline_on_a_holiday_moves_to_the_next_working_day() {
        let calendar = Calendar::russian();
        // 9 April + 30 days = 9 May 2025, Victory Day: the 12th is the next working day.
        assert_eq!(
            deadline(calendar, Form::Written, date(2025, 4, 9), None),
            date(2025, 5, 12)
        );
        // 1 April + 30 days = 1 May: 1–4 May are off in 2025 (decree 1335), the 5th works.
        assert_eq!(
            deadline(calendar, Form::Written, date(2025, 4, 1), None),
            date(2025, 5, 5)
        );
        // A working 30th day stays.
        assert_eq!(
            deadline(calendar, Form::Written, date(2025, 3, 3), None),
            date(2025, 4, 2)
        );
    }

    #[test]
    fn an_oral_request_is_due_the_same_working_day_and_a_due_cell_wins() {
        let calendar = Calendar::russian();
        assert_eq!(
            deadline(calendar, Form::Oral, date(2025, 4, 9), None),
            date(2025, 4, 9)
        );
        // Received on a Saturday: the next working day, Monday.
        assert_eq!(
            deadline(calendar, Form::Oral, date(2025, 4, 12), None),
            date(2025, 4, 14)
        );
        assert_eq!(
            deadline(
                calendar,
                Form::Written,
                date(2025, 4, 9),
                Some(date(2025, 4, 20))
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
        assert_eq!(parse_date("09.04.2025"), Some(date(2025, 4, 9)));
        assert_eq!(parse_date("2025-04-09"), Some(date(2025, 4, 9)));
        assert_eq!(parse_date("2025-04-09 10:15:00"), Some(date(2025, 4, 9)));
        assert_eq!(parse_date("09.04.2025 10:15"), Some(date(2025, 4, 9)));
        assert_eq!(parse_date("45756"), Some(date(2025, 4, 9)));
        assert_eq!(parse_date("31.02.2025"), None);
        assert_eq!(parse_date("вчера"), None);
        assert_eq!(parse_date("1e308"), None);
        assert_eq!(parse_date("31.12.9999"), None);
        assert_eq!(parse_date("2958465"), None); // 9999-12-31 as a serial
    }
}
