//! Reading a journal of requests: a CSV (UTF-8 or cp1251, `,` or `;`, as survey exports) or a
//! workbook sheet, one row per request, columns recognised by their headers (cycle.md). A row
//! with a problem becomes a finding (J002–J004) and is counted nowhere else.

use super::codes::{j001, j002, j003, j004};
use super::deadline::{Form, Status, deadline, parse_date, status};
use crate::calendar::Calendar;
use crate::diagnostic::Finding;
use crate::input::GridRow;
use crate::registry::link::Linker;
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
    /// The deadline rests on a year without a decree: the Labour Code's holidays only.
    pub estimated: bool,
    /// The process as the registry names it when linked, else as written.
    #[serde(skip)]
    pub process: Option<std::sync::Arc<str>>,
    #[serde(skip)]
    pub unit: Option<String>,
    #[serde(skip)]
    pub executor: Option<String>,
    #[serde(skip)]
    pub text: Option<String>,
}

/// What reading a journal found besides its requests (which go to the caller one by one).
#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub findings: Vec<Finding>,
    /// False when the journal had no required column (J001): nothing could be read.
    pub readable: bool,
}

/// How to judge the requests.
pub struct Judge<'a> {
    pub calendar: &'a Calendar,
    pub as_of: NaiveDate,
    pub due_soon: u32,
    /// Where a written deadline goes when its 30th day is off (`--day-off`).
    pub day_off: super::deadline::DayOff,
    pub linker: Option<&'a Linker>,
    /// Executors, units and texts are not kept (`--anonymous`).
    pub anonymous: bool,
}

/// How many rows from the top may be title lines before the header.
const HEADER_SEARCH: usize = 15;

/// Reads the requests of a table, row by row: the header is the first row (of the first
/// [`HEADER_SEARCH`]) with a «Дата поступления» column.
pub fn read(
    file: &str,
    rows: &mut dyn Iterator<Item = anyhow::Result<GridRow>>,
    judge: &Judge,
    on_request: &mut dyn FnMut(Request),
) -> anyhow::Result<Journal> {
    let mut first_filled: Option<GridRow> = None;
    let mut header = None;
    for _ in 0..HEADER_SEARCH {
        let Some(row) = rows.next() else { break };
        let row = row?;
        if row
            .slots
            .iter()
            .any(|s| Column::of(&s.text) == Some(Column::Received))
        {
            header = Some(row);
            break;
        }
        if first_filled.is_none() && row.slots.iter().any(|s| !s.text.is_empty()) {
            first_filled = Some(row);
        }
    }
    let Some(header) = header else {
        let seen = first_filled.map(|r| filled(&r)).unwrap_or_default();
        return Ok(unreadable(file, j001(Column::Received.heading(), &seen, 1)));
    };
    let columns: Vec<Option<Column>> = header.slots.iter().map(|s| Column::of(&s.text)).collect();
    let place = |column: Column| columns.iter().position(|c| *c == Some(column));
    if place(Column::Form).is_none() {
        return Ok(unreadable(
            file,
            j001(Column::Form.heading(), &filled(&header), header.number),
        ));
    }
    let mut journal = Journal {
        readable: true,
        ..Journal::default()
    };
    let mut names = Interner::default();
    for row in rows {
        let row = row?;
        if row.slots.iter().all(|s| s.text.trim().is_empty()) {
            continue;
        }
        let cell = |column: Column| {
            place(column)
                .and_then(|i| row.slots.get(i))
                .map(|s| s.text.trim())
                .filter(|t| !t.is_empty())
        };
        // The row as the spreadsheet shows it, the column as an index from 0 (the codes add 1).
        let at = |column: Column| (row.number, place(column).unwrap_or(0));
        match read_row(&cell, &at, judge, &mut names) {
            Ok(request) => on_request(request),
            Err(mut finding) => {
                finding.file = file.to_string();
                journal.findings.push(*finding);
            }
        }
    }
    Ok(journal)
}

/// The filled cells of a row (headers named in J001), the first twelve.
fn filled(row: &GridRow) -> Vec<String> {
    row.slots
        .iter()
        .filter(|s| !s.text.is_empty())
        .map(|s| s.text.clone())
        .take(12)
        .collect()
}

/// One shared copy of each process name: a journal of a million rows names a few dozen.
#[derive(Default)]
struct Interner(std::collections::HashMap<String, std::sync::Arc<str>>);

impl Interner {
    fn get(&mut self, name: &str, judge: &Judge) -> std::sync::Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return shared.clone();
        }
        let linked = match judge.linker.and_then(|l| l.link(name).process().cloned()) {
            Some(process) => process.process,
            None => name.to_string(),
        };
        let shared: std::sync::Arc<str> = linked.into();
        self.0.insert(name.to_string(), shared.clone());
        shared
    }
}

fn unreadable(file: &str, finding: Finding) -> Journal {
    let mut finding = finding;
    finding.file = file.to_string();
    Journal {
        findings: vec![finding],
        readable: false,
    }
}

/// One row as a request, or the first problem that keeps it out.
fn read_row<'r>(
    cell: &dyn Fn(Column) -> Option<&'r str>,
    at: &dyn Fn(Column) -> (usize, usize),
    judge: &Judge,
    names: &mut Interner,
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
    let received = date(Column::Received, true)?
        .ok_or_else(|| Box::new(j002(Column::Received.heading(), "", at(Column::Received))))?;
    let form = Form::parse(cell(Column::Form).unwrap_or(""))
        .ok_or_else(|| Box::new(j004(cell(Column::Form).unwrap_or(""), at(Column::Form))))?;
    let answered = date(Column::Answered, false)?;
    let due = date(Column::Due, false)?;
    if let Some(answered) = answered
        && answered < received
    {
        return Err(Box::new(j003(answered, received, at(Column::Answered))));
    }
    let from_cell = due.is_some();
    let due = deadline(judge.calendar, form, received, due, judge.day_off);
    // A «Срок» cell is the journal's own; a computed deadline may rest on an estimated year.
    let estimated =
        !from_cell && super::deadline::is_estimated(judge.calendar, form, received, due);
    let (status, days_late) = status(judge.calendar, due, answered, judge.as_of, judge.due_soon);
    let process = cell(Column::Process)
        .or(cell(Column::Point))
        .map(|name| names.get(name, judge));
    // What --anonymous leaves out is not even kept.
    let owned = |column| cell(column).map(str::to_string);
    // Who the executor and correspondent are is never kept with --anonymous; otherwise
    // contacts inside the cells are masked here, once, for every output.
    let personal = |column| {
        if judge.anonymous {
            None
        } else {
            cell(column).map(|text| crate::privacy::mask_contacts(text).into_owned())
        }
    };
    Ok(Request {
        row: at(Column::Received).0,
        number: owned(Column::Number),
        received,
        form,
        due,
        answered,
        status,
        days_late,
        estimated,
        process,
        unit: personal(Column::Unit),
        executor: personal(Column::Executor),
        text: personal(Column::Text),
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
