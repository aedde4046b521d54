//! Reading a journal of requests: a CSV (UTF-8 or cp1251, `,` or `;`, as survey exports) or a
//! workbook sheet, one row per request, columns recognised by their headers (cycle.md). A row
//! with a problem becomes a finding (J002–J004) and is counted nowhere else.

use super::codes::{j001, j002, j003, j004};
use super::deadline::{Form, Status, deadline, parse_date, status};
use crate::calendar::Calendar;
use crate::diagnostic::Finding;
use crate::registry::link::Linker;
use crate::table::Grid;
use crate::text::normalize;
use chrono::NaiveDate;
use serde::Serialize;

/// A column of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Received,
    Form,
    Answered,
    Due,
    Number,
    Process,
    Point,
    Unit,
    Executor,
    Text,
}

impl Column {
    const ALL: [Column; 10] = [
        Column::Received,
        Column::Form,
        Column::Answered,
        Column::Due,
        Column::Number,
        Column::Process,
        Column::Point,
        Column::Unit,
        Column::Executor,
        Column::Text,
    ];

    /// The headers journals use (cycle.md); a header matches when it is one of them or begins
    /// with one («Дата поступления обращения»).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Received => &[
                "Дата поступления",
                "Дата регистрации",
                "Поступило",
                "Дата получения",
            ],
            Column::Form => &[
                "Форма обращения",
                "Вид обращения",
                "Способ обращения",
                "Форма",
            ],
            Column::Answered => &["Дата ответа", "Дата исполнения", "Исполнено"],
            Column::Due => &["Контрольный срок", "Срок исполнения", "Срок"],
            Column::Number => &[
                "Рег. №",
                "Рег. номер",
                "Регистрационный номер",
                "Номер",
                "№",
            ],
            Column::Process => &["Процесс", "Наименование процесса"],
            Column::Point => &["Точка взаимодействия"],
            Column::Unit => &["Подразделение"],
            Column::Executor => &["Исполнитель"],
            Column::Text => &[
                "Содержание",
                "Краткое содержание",
                "Текст обращения",
                "Суть обращения",
            ],
        }
    }

    pub fn heading(self) -> &'static str {
        self.headers()[0]
    }

    fn of(header: &str) -> Option<Column> {
        let wanted = normalize(header);
        if wanted.is_empty() {
            return None;
        }
        Column::ALL.into_iter().find(|column| {
            column.headers().iter().any(|h| {
                let h = normalize(h);
                wanted == h || wanted.starts_with(&format!("{h} "))
            })
        })
    }
}

/// One request as read and judged.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    /// The row as the spreadsheet shows it (header = 1).
    pub row: usize,
    pub number: Option<String>,
    pub received: NaiveDate,
    pub form: Form,
    /// The deadline: the «Срок» cell, or by the form.
    pub due: NaiveDate,
    pub answered: Option<NaiveDate>,
    pub status: Status,
    pub days_late: Option<i64>,
    /// The process as the registry names it when linked, else as written.
    #[serde(skip)]
    pub process: Option<String>,
    #[serde(skip)]
    pub unit: Option<String>,
    #[serde(skip)]
    pub executor: Option<String>,
    #[serde(skip)]
    pub text: Option<String>,
}

/// A journal as read.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub requests: Vec<Request>,
    pub findings: Vec<Finding>,
    /// False when the journal had no required column (J001): nothing could be read.
    pub readable: bool,
}

/// How to judge the requests.
pub struct Judge<'a> {
    pub calendar: &'a Calendar,
    pub as_of: NaiveDate,
    pub due_soon: u32,
    pub linker: Option<&'a Linker>,
}

/// How many rows from the top may be title lines before the header.
const HEADER_SEARCH: usize = 15;

/// Reads the requests of the first table with a «Дата поступления» column.
pub fn read(file: &str, grids: &[Grid], judge: &Judge) -> Journal {
    let found = grids.iter().find_map(|grid| {
        grid.rows
            .iter()
            .take(HEADER_SEARCH)
            .position(|row| {
                row.slots
                    .iter()
                    .any(|s| Column::of(&s.text) == Some(Column::Received))
            })
            .map(|header| (grid, header))
    });
    let Some((grid, header)) = found else {
        let seen: Vec<String> = grids
            .first()
            .and_then(|g| {
                g.rows
                    .iter()
                    .find(|r| r.slots.iter().any(|s| !s.text.is_empty()))
            })
            .map(|r| {
                r.slots
                    .iter()
                    .filter(|s| !s.text.is_empty())
                    .map(|s| s.text.clone())
                    .take(12)
                    .collect()
            })
            .unwrap_or_default();
        return unreadable(file, j001(Column::Received.heading(), &seen, 1));
    };
    let columns: Vec<Option<Column>> = grid.rows[header]
        .slots
        .iter()
        .map(|s| Column::of(&s.text))
        .collect();
    let place = |column: Column| columns.iter().position(|c| *c == Some(column));
    if place(Column::Form).is_none() {
        let seen = grid.rows[header]
            .slots
            .iter()
            .map(|s| s.text.clone())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>();
        return unreadable(
            file,
            j001(Column::Form.heading(), &seen, grid.rows[header].number),
        );
    }
    let mut journal = Journal {
        readable: true,
        ..Journal::default()
    };
    for row in &grid.rows[header + 1..] {
        if row.slots.iter().all(|s| s.text.trim().is_empty()) {
            continue;
        }
        let cell = |column: Column| {
            place(column)
                .and_then(|i| row.slots.get(i))
                .map(|s| s.text.trim())
                .filter(|t| !t.is_empty())
        };
        let at = |column: Column| (row.number, place(column).map_or(1, |i| i + 1));
        match read_row(&cell, &at, judge) {
            Ok(request) => journal.requests.push(request),
            Err(mut finding) => {
                finding.file = file.to_string();
                journal.findings.push(*finding);
            }
        }
    }
    journal
}

fn unreadable(file: &str, finding: Finding) -> Journal {
    let mut finding = finding;
    finding.file = file.to_string();
    Journal {
        requests: Vec::new(),
        findings: vec![finding],
        readable: false,
    }
}

/// One row as a request, or the first problem that keeps it out.
fn read_row<'r>(
    cell: &dyn Fn(Column) -> Option<&'r str>,
    at: &dyn Fn(Column) -> (usize, usize),
    judge: &Judge,
) -> Result<Request, Box<Finding>> {
    let date = |column: Column, required: bool| -> Result<Option<NaiveDate>, Box<Finding>> {
        match cell(column) {
            None if required => Err(Box::new(j002(column.heading(), "", at(column)))),
            None => Ok(None),
            Some(text) => parse_date(text)
                .map(Some)
                .ok_or_else(|| Box::new(j002(column.heading(), text, at(column)))),
        }
    };
    let received = date(Column::Received, true)?.unwrap_or_default();
    let form = Form::parse(cell(Column::Form).unwrap_or(""))
        .ok_or_else(|| Box::new(j004(cell(Column::Form).unwrap_or(""), at(Column::Form))))?;
    let answered = date(Column::Answered, false)?;
    let due = date(Column::Due, false)?;
    if let Some(answered) = answered
        && answered < received
    {
        return Err(Box::new(j003(answered, received, at(Column::Answered))));
    }
    let due = deadline(judge.calendar, form, received, due);
    let (status, days_late) = status(judge.calendar, due, answered, judge.as_of, judge.due_soon);
    let process = cell(Column::Process).or(cell(Column::Point)).map(|name| {
        match judge.linker.and_then(|l| l.link(name).process().cloned()) {
            Some(process) => process.process,
            None => name.to_string(),
        }
    });
    let owned = |column| cell(column).map(str::to_string);
    Ok(Request {
        row: at(Column::Received).0,
        number: owned(Column::Number),
        received,
        form,
        due,
        answered,
        status,
        days_late,
        process,
        unit: owned(Column::Unit),
        executor: owned(Column::Executor),
        text: owned(Column::Text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_with_words_after_them() {
        assert_eq!(
            Column::of("Дата поступления обращения"),
            Some(Column::Received)
        );
        assert_eq!(Column::of("Контрольный срок"), Some(Column::Due));
        assert_eq!(Column::of("Срок"), Some(Column::Due));
        assert_eq!(Column::of("Исполнено"), Some(Column::Answered));
        assert_eq!(Column::of("Исполнитель"), Some(Column::Executor));
        assert_eq!(Column::of("Рег. №"), Some(Column::Number));
        assert_eq!(Column::of("Сроки и планы"), None);
    }
}
