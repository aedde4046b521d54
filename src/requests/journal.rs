//! Reading a journal of requests: a CSV (UTF-8 or cp1251, `,` or `;`, as survey exports) or a
//! workbook sheet, one row per request, columns recognised by their headers (cycle.md). A row
//! with a problem becomes a finding (J002–J004) and is counted nowhere else.

use super::codes::{j001, j002, j003, j004, j006_answered, j006_received, j007};
use super::deadline::{Form, Moment, Status, deadline, parse_journal_moment, status};
use crate::calendar::Calendar;
use crate::diagnostic::Finding;
use crate::input::GridRow;
use crate::input::table::header::{Added, ColumnSpec, Qualifiers, two_row_header};
use crate::input::table::{Fate, TableAccount, is_column_numbers, opens_tail, tail_row};
use crate::registry::link::Linker;
use crate::text::normalize;
use chrono::NaiveDate;
use serde::Serialize;

/// A column of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Received,
    /// The time of receipt in a column of its own (an oral request after the day's end).
    ReceivedTime,
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
    pub fn heading(self) -> &'static str {
        JOURNAL_COLUMNS.heading(self)
    }

    #[cfg(test)]
    fn of(header: &str) -> Option<Column> {
        match classify(header) {
            Heading::Field(column) => Some(column),
            _ => None,
        }
    }
}

/// The headers journals and document systems (Дело, Дело-WEB, DIRECTUM, ДелоПро, Практик,
/// 1С:Документооборот, СЭД «Кодекс») use (cycle.md), declared as data for the one header
/// matcher (`input::table::header`): a header is a field's when it is one of its wordings, or a
/// wording of several words followed by more («Дата поступления обращения»); the longest
/// wording that fits decides, so «Дата исполнения (план)» is a deadline, not an answer; a
/// one-word wording is never a header's first word («Номер телефона» is no number). The
/// headers listed as not fields begin like a field's but are something else: a correspondent
/// («Поступило от»), the form of the *answer*, a number of days («Срок, дней»), the sender's own
/// outgoing date and number in an incoming journal («Исх. дата», «Исх. №»: never an answer).
pub const JOURNAL_COLUMNS: ColumnSpec<Column> = ColumnSpec {
    fields: &[
        (
            Column::Received,
            &[
                "Дата поступления",
                "Дата регистрации",
                "Поступило",
                "Дата получения",
                "Рег. дата",
                "Дата рег.",
                "Дата обращения",
                "Вх. дата",
                "Дата входящего",
                "Дата вх.",
                "Дата приёма",
                "Дата и время поступления",
                "Дата и время регистрации",
            ],
        ),
        (
            Column::Form,
            &[
                "Форма обращения",
                "Вид обращения",
                "Способ обращения",
                "Форма",
                "Вид доставки",
                "Способ поступления",
                "Способ доставки",
                "Тип обращения",
                "Канал поступления",
                "Вид документа",
            ],
        ),
        (
            Column::Answered,
            &[
                "Дата ответа",
                "Дата исполнения",
                "Исполнено",
                "Фактическая дата исполнения",
                "Дата фактического исполнения",
                "Дата исполнения (факт)",
                "Ответ дан",
                "Дата отправки ответа",
                "Дата снятия с контроля",
                "Снято с контроля",
                "Дата исп.",
                "Дата факт. исп.",
                "Факт. дата",
                "Дата отв.",
                "Дата факт. исполнения",
                "Дата направления ответа",
                "Исх. дата ответа",
                "Дата исходящего ответа",
                "Дата и номер ответа",
                "Номер и дата ответа",
                "Ответ (дата, №)",
                "Ответ (№, дата)",
                "Отметка об исполнении",
                "Исх. № и дата ответа",
            ],
        ),
        (
            Column::Due,
            &[
                "Контрольный срок",
                "Срок исполнения",
                "Срок",
                "Срок ответа",
                "Плановая дата исполнения",
                "Плановая дата",
                "План. дата",
                "Контрольная дата",
                "Дата исполнения (план)",
                "Дата исполнения по плану",
            ],
        ),
        (
            Column::Number,
            &[
                "Рег. №",
                "Рег. номер",
                "Регистрационный номер",
                "Номер",
                "№",
                "Вх. №",
                "Входящий номер",
            ],
        ),
        (Column::Process, &["Процесс", "Наименование процесса"]),
        (Column::Point, &["Точка взаимодействия"]),
        (Column::Unit, &["Подразделение"]),
        (
            Column::ReceivedTime,
            &[
                "Время поступления",
                "Время регистрации",
                "Время обращения",
                "Время приёма",
                "Время",
            ],
        ),
        (
            Column::Executor,
            &["Исполнитель", "Ответственный исполнитель"],
        ),
        (
            Column::Text,
            &[
                "Содержание",
                "Краткое содержание",
                "Текст обращения",
                "Суть обращения",
            ],
        ),
    ],
    not_fields: &[
        "Поступило от",
        "Поступило из",
        "Форма ответа",
        "Вид ответа",
        "Способ ответа",
        "Способ отправки ответа",
        "Срок, дней",
        "Срок в днях",
        "Срок (дней)",
        "Исх. дата",
        "Дата исх.",
        "Исх. №",
        "Исх. номер",
        "Исходящий номер",
        "Дата исходящего",
        "Исходящая дата",
    ],
    qualifiers: Qualifiers::After,
};

/// What a header is.
pub type Heading = crate::input::table::header::Heading<Column>;

/// What a header cell is, by the longest wording that fits it. A cell with digits is a value
/// (a filter line «Дата регистрации: с 01.01.2025 по 31.12.2025»), never a header.
pub fn classify(header: &str) -> Heading {
    let wanted = normalize(header);
    if wanted.bytes().any(|b| b.is_ascii_digit()) {
        return Heading::Unknown;
    }
    match crate::input::table::header::classify(header, &JOURNAL_COLUMNS) {
        Heading::Field(column) => Heading::Field(qualified(column, &wanted)),
        other => other,
    }
}

/// A date header with a qualifier says what it is: «(план)», «по плану», «плановая»,
/// «(контрольная)», «(срок)», «не позднее» make an answer's date a deadline; «… ответа» makes a
/// registration date the answer's (its outgoing registration), never the receipt.
fn qualified(column: Column, header: &str) -> Column {
    let words: Vec<&str> = header.split(' ').collect();
    let says = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
    match column {
        Column::Answered
            if says(&["план", "контрольн", "срок"]) || header.contains("не позднее") =>
        {
            Column::Due
        }
        Column::Received if says(&["ответ", "исход", "исх"]) => Column::Answered,
        other => other,
    }
}

/// One request as read and judged.
#[derive(Debug, Clone, Serialize)]
pub struct Request {
    /// The journal the request comes from.
    #[serde(serialize_with = "shared_text")]
    pub file: std::sync::Arc<str>,
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
    /// Answered after the day of the check: judged open as it stood that day.
    #[serde(skip)]
    pub answered_later: bool,
}

/// The most characters of a cell a report shows (a request's content is a line or two; a cell
/// of 50 MB must not make the table take half a minute).
const SHOWN_CHARS: usize = 2_000;

/// A cell cut to [`SHOWN_CHARS`] with a mark that says so.
fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((at, _)) => std::borrow::Cow::Owned(format!(
            "{} … [обрезано: в ячейке больше {SHOWN_CHARS} знаков]",
            &text[..at]
        )),
    }
}

fn shared_text<S: serde::Serializer>(
    text: &std::sync::Arc<str>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

/// What reading a journal found besides its requests (which go to the caller one by one).
#[derive(Debug, Clone, Default)]
pub struct Journal {
    pub findings: Vec<Finding>,
    /// What the reading skipped or did not use, said once (headers not used, totals rows).
    pub notes: Vec<String>,
    /// False when the journal had no required column (J001): nothing could be read.
    pub readable: bool,
    /// What became of every row of each table read (import.md, «Every row and column
    /// accounted for»).
    pub ledger: crate::input::Ledger,
}

/// How to judge the requests.
pub struct Judge<'a> {
    pub calendar: &'a Calendar,
    /// The day the journal is judged as it stood (`--as-of`).
    pub as_of: NaiveDate,
    /// The real today: an answer dated after it is a typo (J006).
    pub today: NaiveDate,
    pub due_soon: u32,
    /// Where a written deadline goes when its 30th day is off (`--day-off`).
    pub day_off: super::deadline::DayOff,
    pub linker: Option<&'a Linker>,
    /// Executors, units and texts are not kept (`--anonymous`).
    pub anonymous: bool,
    /// The zone timestamps with an offset are read in (`--timezone`).
    pub zone: super::deadline::Zone,
    /// The end of the working day (`--day-end`): an oral request received later is due the
    /// next working day.
    pub day_end: chrono::NaiveTime,
}

impl<'a> Judge<'a> {
    /// A judge of journals on `calendar` as they stood on `as_of`, with the defaults of the
    /// command line: 3 working days «due soon», the preceding working day for a 30th day off,
    /// no registry, names kept, the computer's zone, the working day ending at 18:00.
    pub fn new(calendar: &'a Calendar, as_of: NaiveDate) -> Judge<'a> {
        Judge {
            calendar,
            as_of,
            today: chrono::Local::now().date_naive().max(as_of),
            due_soon: 3,
            day_off: super::deadline::DayOff::default(),
            linker: None,
            anonymous: false,
            zone: super::deadline::Zone::default(),
            day_end: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
        }
    }
}

/// How many rows from the top may be title, filter and approval lines before the header.
const HEADER_SEARCH: usize = 40;

/// Reads the requests of a table, row by row: the header is the first row (of the first
/// [`HEADER_SEARCH`]) with a «Дата поступления» column; title and filter lines above it are
/// skipped, and so are blank rows and totals rows after it.
pub fn read(
    file: &str,
    rows: &mut dyn Iterator<Item = anyhow::Result<GridRow>>,
    judge: &Judge,
    on_request: &mut dyn FnMut(Request),
) -> anyhow::Result<Journal> {
    read_table(TableAccount::new(file, &[]), file, rows, judge, on_request)
}

/// [`read`], noting every row's fate in `account` (a sheet's, with its hidden rows).
pub fn read_table(
    mut account: TableAccount,
    file: &str,
    rows: &mut dyn Iterator<Item = anyhow::Result<GridRow>>,
    judge: &Judge,
    on_request: &mut dyn FnMut(Request),
) -> anyhow::Result<Journal> {
    let Found {
        header,
        columns,
        next,
    } = match find_header(file, rows, judge, &mut account)? {
        Ok(found) => found,
        Err(journal) => return Ok(journal),
    };
    let rows = &mut next.into_iter().map(Ok).chain(rows);
    let place = |column: Column| columns.iter().position(|c| *c == Some(column));
    if place(Column::Form).is_none() {
        return Ok(unreadable(
            file,
            j001(Column::Form.heading(), &filled(&header), header.number),
        ));
    }
    let mut journal = Journal {
        readable: true,
        notes: unused_note(file, &header, &columns, judge.anonymous)
            .into_iter()
            .chain(receipts_note(file, &header, place(Column::Received)))
            .collect(),
        ..Journal::default()
    };
    account.columns = column_uses(&header, &columns, judge.anonymous);
    let mut names = Interner::default();
    let shared_file: std::sync::Arc<str> = std::sync::Arc::from(file);
    let no_text_columns = vec![false; header.slots.len()];
    let mut last = header.number;
    let mut answered_later = 0;
    // The row read before: a cell merged down over rows (a receipt date written once for a
    // day's requests) belongs to every row it covers.
    let mut previous: Option<GridRow> = None;
    for row in rows {
        let mut row = row?;
        if let Some(above) = &previous {
            carry_merged(&mut row, above);
        }
        last = row.number;
        if let Some((column, swallowed)) = unclosed_quote(&row, header.slots.len()) {
            // The lines the quote swallowed are rows of the file too: counted, as this one.
            for number in row.number..=row.number + swallowed {
                account.note(number, Fate::Finding);
            }
            last = row.number + swallowed;
            let mut finding = j007((row.number, column), swallowed);
            finding.file = file.to_string();
            journal.findings.push(finding);
            continue;
        }
        if let Some(fate) = not_a_request(&row, &header, &no_text_columns) {
            account.note(row.number, fate);
            continue;
        }
        match request_of(&row, &header, &place, judge, &mut names) {
            Ok(mut request) => {
                answered_later += usize::from(request.answered_later);
                account.note(row.number, Fate::Record);
                request.file = std::sync::Arc::clone(&shared_file);
                on_request(request)
            }
            Err(mut finding) => {
                account.note(row.number, Fate::Finding);
                finding.file = file.to_string();
                journal.findings.push(*finding);
            }
        }
        previous = Some(row);
    }
    account.finish(last);
    journal.ledger.tables.push(account);
    if answered_later > 0 {
        journal.notes.push(format!(
            "{file}: ответов, данных после даты проверки {}: {answered_later} — на эту дату эти обращения считаются неотвеченными",
            judge.as_of.format("%d.%m.%Y")
        ));
    }
    Ok(journal)
}

/// What a row is when it is no request: empty, the header again (a copy, or Excel's print
/// titles pasted as rows), the row of column numbers an official journal form prints under its
/// header, or a totals, signature, approval or note row, told as every table's are.
fn not_a_request(row: &GridRow, header: &GridRow, text_columns: &[bool]) -> Option<Fate> {
    if row.slots.iter().all(|s| s.text.trim().is_empty()) {
        return Some(Fate::Empty);
    }
    // A row with a date in it (nearly every request) is no header again: the cells are
    // normalised and compared only when it has no digit, or the header has one too.
    let digits = |r: &GridRow| {
        r.slots
            .iter()
            .any(|s| s.text.bytes().any(|b| b.is_ascii_digit()))
    };
    if (!digits(row) || digits(header)) && same_words(row, header) {
        return Some(Fate::Header);
    }
    let cells: Vec<&str> = row.slots.iter().map(|s| s.text.as_str()).collect();
    if is_column_numbers(&cells) {
        return Some(Fate::ColumnNumbers);
    }
    // Totals, signature, executor and note rows begin with their words: the whole row is
    // looked at only when its first filled cell could open one.
    let first = cells
        .iter()
        .find(|c| !c.trim().is_empty())
        .copied()
        .unwrap_or("");
    if opens_tail(first)
        && let Some(fate) = tail_row(&cells, text_columns)
    {
        return Some(fate);
    }
    // A grouping row of a report («Беляева Б.Б. (2)», «Отдел кадров»): one filled cell and no
    // date in it, never a request.
    let mut filled = cells.iter().filter(|c| !c.trim().is_empty());
    match (filled.next(), filled.next()) {
        (Some(one), None) if parse_journal_moment(one, super::deadline::Zone::Local).is_none() => {
            Some(Fate::Heading)
        }
        _ => None,
    }
}

/// What became of each column of the journal, for the ledger (headings left out with
/// `--anonymous`: a column may be headed by a name).
fn column_uses(
    header: &GridRow,
    columns: &[Option<Column>],
    anonymous: bool,
) -> Vec<crate::input::table::ledger::ColumnUse> {
    header
        .slots
        .iter()
        .zip(columns)
        .enumerate()
        .map(
            |(i, (slot, column))| crate::input::table::ledger::ColumnUse {
                column: i + 1,
                heading: if anonymous {
                    String::new()
                } else {
                    slot.text.trim().to_string()
                },
                field: column.map(|c| format!("{c:?}").to_lowercase()),
                ignored: column
                    .is_none()
                    .then(|| "заголовок не используется".to_string()),
            },
        )
        .collect()
}

/// The header row among the first [`HEADER_SEARCH`] and the field of each of its cells, or the
/// unreadable journal (J001, J005) when there is none.
#[allow(clippy::type_complexity)]
fn find_header(
    file: &str,
    rows: &mut dyn Iterator<Item = anyhow::Result<GridRow>>,
    judge: &Judge,
    account: &mut TableAccount,
) -> anyhow::Result<Result<Found, Journal>> {
    let mut first_filled: Option<GridRow> = None;
    let mut header = None;
    let mut previous: Option<GridRow> = None;
    for _ in 0..HEADER_SEARCH {
        let Some(row) = rows.next() else { break };
        let row = row?;
        if names_receipt(&row) {
            account.note(row.number, Fate::Header);
            header = Some(row);
            break;
        }
        // A header of two rows whose receipt only the two together name («Регистрация» over
        // «Дата»): the row above and this one.
        if let Some(top) = &previous
            && let Some(merged) = two_row_header(top, &row, &JOURNAL_COLUMNS, Added::Below)
            && names_receipt(&merged)
        {
            account.note(top.number, Fate::Header);
            account.note(row.number, Fate::Header);
            header = Some(GridRow {
                number: row.number,
                ..merged
            });
            previous = None;
            break;
        }
        let blank = row.slots.iter().all(|s| s.text.trim().is_empty());
        account.note(row.number, if blank { Fate::Empty } else { Fate::Title });
        if first_filled.is_none() && row.slots.iter().any(|s| !s.text.is_empty()) {
            first_filled = Some(row.clone());
        }
        previous = Some(row);
    }
    let Some(mut header) = header else {
        let seen = first_filled
            .map(|r| {
                if judge.anonymous {
                    Vec::new()
                } else {
                    filled(&r)
                }
            })
            .unwrap_or_default();
        return Ok(Err(unreadable(
            file,
            j001(Column::Received.heading(), &seen, 1),
        )));
    };
    // A header of two rows (Дело-WEB) is read as its leaf headings: the row above completes it
    // (headings merged down over both), or the row below does (leaves under group headings).
    let mut next = None;
    if let Some(top) = previous
        && let Some(merged) = two_row_header(&top, &header, &JOURNAL_COLUMNS, Added::Above)
    {
        account.note(top.number, Fate::Header);
        header = GridRow {
            number: header.number,
            ..merged
        };
    } else if let Some(row) = rows.next() {
        let row = row?;
        match two_row_header(&header, &row, &JOURNAL_COLUMNS, Added::Below) {
            Some(merged) => {
                account.note(row.number, Fate::Header);
                header = GridRow {
                    number: row.number,
                    ..merged
                };
            }
            None => next = Some(row),
        }
    }
    Ok(match header_columns(&header) {
        Ok(columns) => Ok(Found {
            header,
            columns,
            next,
        }),
        Err(finding) => Err(unreadable(file, *finding)),
    })
}

/// Whether a row has a heading of the receipt date (what makes it a journal's header).
fn names_receipt(row: &GridRow) -> bool {
    row.slots
        .iter()
        .any(|s| classify(&s.text) == Heading::Field(Column::Received))
}

/// The header found, the field of each of its columns, and the row read past it (looking for a
/// second header row) that is not one.
struct Found {
    header: GridRow,
    columns: Vec<Option<Column>>,
    next: Option<GridRow>,
}

/// The note that a journal with both a receipt and a registration date counts from the receipt
/// (the column at `receipt`).
fn receipts_note(file: &str, header: &GridRow, receipt: Option<usize>) -> Option<String> {
    let receipts = header
        .slots
        .iter()
        .filter(|s| classify(&s.text) == Heading::Field(Column::Received))
        .count();
    let at = receipt.filter(|_| receipts > 1)?;
    Some(format!(
        "{file}: в журнале несколько граф даты поступления и регистрации; срок считается от «{}» (порядки считают срок с даты поступления)",
        header.slots[at].text.trim()
    ))
}

/// The note naming the headers no field took, once per journal.
fn unused_note(
    file: &str,
    header: &GridRow,
    columns: &[Option<Column>],
    anonymous: bool,
) -> Option<String> {
    // A heading may be a name, a phone or an e-mail (a column per person): with --anonymous it
    // is shown as every value from a user's file is, masked by class.
    let unused: Vec<String> = header
        .slots
        .iter()
        .zip(columns)
        .filter(|(slot, column)| column.is_none() && !slot.text.trim().is_empty())
        .map(|(slot, _)| {
            let text = slot.text.trim();
            if anonymous {
                format!("«{}»", crate::privacy::shown(text))
            } else {
                format!("«{text}»")
            }
        })
        .collect();
    (!unused.is_empty()).then(|| format!("{file}: графы не использованы: {}", unused.join(", ")))
}

/// Whether two rows hold the same words cell by cell (a repeated header).
fn same_words(row: &GridRow, header: &GridRow) -> bool {
    let words = |r: &GridRow| -> Vec<String> {
        r.slots
            .iter()
            .map(|s| normalize(&s.text))
            .filter(|t| !t.is_empty())
            .collect()
    };
    words(row) == words(header)
}

/// The field of each header cell; a header that fits two fields, or two columns of one field,
/// is J005: the tool never picks one silently.
fn header_columns(header: &GridRow) -> Result<Vec<Option<Column>>, Box<Finding>> {
    let mut columns = Vec::with_capacity(header.slots.len());
    for (index, slot) in header.slots.iter().enumerate() {
        match classify(&slot.text) {
            Heading::Field(column) => {
                let first = columns.iter().position(|c| *c == Some(column));
                if let (Some(first), Column::Received) = (first, column)
                    && let Some(receipt) = receipt_of(&header.slots[first].text, &slot.text)
                {
                    // «Дата поступления» and «Дата регистрации» both: the receipt counts (the
                    // orders count «с даты поступления»); the other is left, and said.
                    if receipt == 1 {
                        columns[first] = None;
                        columns.push(Some(column));
                    } else {
                        columns.push(None);
                    }
                    continue;
                }
                if let Some(first) = first {
                    return Err(Box::new(super::codes::j005_twice(
                        column.heading(),
                        (&header.slots[first].text, first),
                        (&slot.text, index),
                        header.number,
                    )));
                }
                columns.push(Some(column));
            }
            Heading::Ambiguous(one, other) => {
                return Err(Box::new(super::codes::j005_two_fields(
                    &slot.text,
                    (one.heading(), other.heading()),
                    (header.number, index),
                )));
            }
            Heading::NotAField | Heading::Unknown => columns.push(None),
        }
    }
    Ok(columns)
}

/// Of two receipt headers, which one is the receipt itself (0: the first, 1: the second): the
/// one that says «поступ…» when only one does; None when both or neither do (J005).
fn receipt_of(first: &str, second: &str) -> Option<usize> {
    let says = |h: &str| normalize(h).split(' ').any(|w| w.starts_with("поступ"));
    match (says(first), says(second)) {
        (true, false) => Some(0),
        (false, true) => Some(1),
        _ => None,
    }
}

/// A cell that swallowed rows of a CSV file behind a quote opened and never closed: a line
/// inside it holds a row's worth of delimiters. Its column and the lines it swallowed.
fn unclosed_quote(row: &GridRow, width: usize) -> Option<(usize, usize)> {
    let row_of_delimiters = width.saturating_sub(1).max(2);
    row.slots.iter().enumerate().find_map(|(column, slot)| {
        let mut lines = slot.text.split('\n').skip(1).peekable();
        lines.peek()?;
        let rows = lines.any(|line| {
            [';', ',', '\t', '|']
                .iter()
                .any(|d| line.matches(*d).count() >= row_of_delimiters)
        });
        rows.then(|| (column, slot.text.matches('\n').count()))
    })
}

/// Gives the slots merged down from the row above its text.
fn carry_merged(row: &mut GridRow, above: &GridRow) {
    for (slot, upper) in row.slots.iter_mut().zip(&above.slots) {
        if slot.merged_above && slot.text.is_empty() {
            slot.text.clone_from(&upper.text);
        }
    }
}

/// The day a deadline counts from: the receipt's; for an oral request received after the
/// working day ends (`--day-end`), the next day (it is answered the next working day).
fn counted_from(arrived: Moment, form: Form, judge: &Judge) -> NaiveDate {
    let after_hours = form == Form::Oral && arrived.time.is_some_and(|t| t > judge.day_end);
    if after_hours {
        arrived.date + chrono::Duration::days(1)
    } else {
        arrived.date
    }
}

/// The request of a row under `header` (`place` tells a field's column), or its finding.
fn request_of(
    row: &GridRow,
    header: &GridRow,
    place: &dyn Fn(Column) -> Option<usize>,
    judge: &Judge,
    names: &mut Interner,
) -> Result<Request, Box<Finding>> {
    let cell = |column: Column| {
        place(column)
            .and_then(|i| row.slots.get(i))
            .map(|s| s.text.trim())
            .filter(|t| !t.is_empty())
    };
    // The row as the spreadsheet shows it, the column as an index from 0 (the codes add 1).
    let at = |column: Column| (row.number, place(column).unwrap_or(0));
    // A finding names the column as the file heads it («Срок»), not the field's name.
    let heading = |column: Column| {
        place(column)
            .and_then(|i| header.slots.get(i))
            .map(|s| s.text.trim().to_string())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| column.heading().to_string())
    };
    read_row(&cell, &at, &heading, judge, names)
}

/// The answer as it stood on the day of the check, and whether one was given later: an answer
/// before the receipt is J003, one dated after today J006; one given after the day of the
/// check (but not after today) was not there on that day.
fn as_it_stood(
    answered: Option<NaiveDate>,
    received: NaiveDate,
    judge: &Judge,
    at: (usize, usize),
) -> Result<(Option<NaiveDate>, bool), Box<Finding>> {
    let Some(answered) = answered else {
        return Ok((None, false));
    };
    if answered < received {
        return Err(Box::new(j003(answered, received, at)));
    }
    if answered > judge.today {
        return Err(Box::new(j006_answered(answered, judge.today, at)));
    }
    let later = answered > judge.as_of;
    Ok(((!later).then_some(answered), later))
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

/// One shared copy of each process name: a journal of a million rows names a few dozen. Names
/// that differ only in case, spacing or punctuation («начисление и выплата  заработной
/// платы.») are one process, under the spelling seen first. The forms of request are told once
/// per wording too (a journal writes a handful of them a million times).
#[derive(Default)]
struct Interner(
    std::collections::HashMap<String, std::sync::Arc<str>>,
    std::collections::HashMap<String, Option<Form>>,
    /// Executors, units and texts as shown, contacts masked: a journal names a few dozen
    /// executors a million times, and masking runs regular expressions.
    std::collections::HashMap<String, String>,
);

/// Distinct wordings of the form remembered at most: a hostile journal of a million distinct
/// ones costs the vocabulary per row, never unbounded memory.
const FORMS_REMEMBERED: usize = 10_000;

impl Interner {
    /// A personal cell as shown: cut to its length, contacts masked (remembered per wording).
    fn masked(&mut self, text: &str) -> String {
        if let Some(shown) = self.2.get(text) {
            return shown.clone();
        }
        let shown = crate::privacy::mask_contacts(&shortened(text)).into_owned();
        if self.2.len() < FORMS_REMEMBERED {
            self.2.insert(text.to_string(), shown.clone());
        }
        shown
    }

    fn form(&mut self, text: &str) -> Option<Form> {
        if let Some(form) = self.1.get(text) {
            return *form;
        }
        let form = Form::parse(text);
        if self.1.len() < FORMS_REMEMBERED {
            self.1.insert(text.to_string(), form);
        }
        form
    }

    fn get(&mut self, name: &str, judge: &Judge) -> std::sync::Arc<str> {
        let key = normalize(name);
        if let Some(shared) = self.0.get(&key) {
            return shared.clone();
        }
        let linked = match judge.linker.and_then(|l| l.link(name).process().cloned()) {
            Some(process) => process.process,
            // A name as written is free text: with --anonymous, a person's name in it is not kept.
            None if judge.anonymous => crate::privacy::shown(name).into_owned(),
            None => name.to_string(),
        };
        let shared: std::sync::Arc<str> = linked.into();
        self.0.insert(key, shared.clone());
        shared
    }
}

fn unreadable(file: &str, finding: Finding) -> Journal {
    let mut finding = finding;
    finding.file = file.to_string();
    Journal {
        findings: vec![finding],
        ..Journal::default()
    }
}

/// One row as a request, or the first problem that keeps it out.
fn read_row<'r>(
    cell: &dyn Fn(Column) -> Option<&'r str>,
    at: &dyn Fn(Column) -> (usize, usize),
    heading: &dyn Fn(Column) -> String,
    judge: &Judge,
    names: &mut Interner,
) -> Result<Request, Box<Finding>> {
    // An empty cell is no date either: J002 says «Не указана …» for the receipt.
    let parse = |column: Column, text: &str| {
        parse_journal_moment(text, judge.zone)
            .ok_or_else(|| Box::new(j002(&heading(column), text, at(column), judge.anonymous)))
    };
    // An answer or a deadline written with its number («Исх. № 45 от 10.04.2025»): the one date
    // inside; two dates, or none, are a finding.
    let date = |column: Column| -> Result<Option<NaiveDate>, Box<Finding>> {
        let Some(text) = cell(column) else {
            return Ok(None);
        };
        match parse(column, text) {
            Ok(moment) => Ok(Some(moment.date)),
            Err(finding) => super::deadline::date_inside(text).map(Some).ok_or(finding),
        }
    };
    let mut arrived = parse(Column::Received, cell(Column::Received).unwrap_or(""))?;
    // The time in a column of its own when the date cell has none («Время поступления»).
    if arrived.time.is_none() {
        arrived.time = cell(Column::ReceivedTime).and_then(super::deadline::time_of_day);
    }
    let received = arrived.date;
    // The journal as it stood on the day of the check: a request not yet received then is not
    // one of its requests.
    if received > judge.as_of {
        return Err(Box::new(j006_received(
            received,
            judge.as_of,
            at(Column::Received),
        )));
    }
    let form = names
        .form(cell(Column::Form).unwrap_or(""))
        .ok_or_else(|| {
            Box::new(j004(
                cell(Column::Form).unwrap_or(""),
                at(Column::Form),
                judge.anonymous,
            ))
        })?;
    let answered = date(Column::Answered)?;
    let due = date(Column::Due)?;
    let (answered, answered_later) = as_it_stood(answered, received, judge, at(Column::Answered))?;
    let from_cell = due.is_some();
    let due = deadline(
        judge.calendar,
        form,
        counted_from(arrived, form, judge),
        due,
        judge.day_off,
    );
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
    let mut personal = |column| {
        if judge.anonymous {
            None
        } else {
            cell(column).map(|text| names.masked(text))
        }
    };
    Ok(Request {
        file: std::sync::Arc::from(""),
        row: at(Column::Received).0,
        // A registration number is typed by people and may carry a name («Комаровская-12»):
        // with --anonymous it is not kept at all (the row number finds the request).
        number: if judge.anonymous {
            None
        } else {
            owned(Column::Number)
        },
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
        answered_later,
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

    #[test]
    fn plan_and_fact_and_document_system_headers_are_told_apart() {
        for (header, column) in [
            ("Фактическая дата исполнения", Some(Column::Answered)),
            ("Дата фактического исполнения", Some(Column::Answered)),
            ("Ответ дан", Some(Column::Answered)),
            ("Дата отправки ответа", Some(Column::Answered)),
            ("Исх. дата", None),
            ("Дата снятия с контроля", Some(Column::Answered)),
            ("Дата исполнения (план)", Some(Column::Due)),
            ("Плановая дата исполнения", Some(Column::Due)),
            ("План. дата", Some(Column::Due)),
            ("Контрольная дата", Some(Column::Due)),
            ("Срок исполнения", Some(Column::Due)),
            ("Форма ответа", None),
            ("Поступило от", None),
            ("Срок, дней", None),
            ("Вид доставки", Some(Column::Form)),
            ("Способ поступления", Some(Column::Form)),
            ("Способ доставки", Some(Column::Form)),
            ("Тип обращения", Some(Column::Form)),
            ("Канал поступления", Some(Column::Form)),
            ("Вид документа", Some(Column::Form)),
            ("Рег. дата", Some(Column::Received)),
            ("Дата обращения", Some(Column::Received)),
            ("Вх. дата", Some(Column::Received)),
            ("Дата регистрации: с 01.01.2025 по 31.12.2025", None),
            ("Дата ответа (план)", Some(Column::Due)),
            ("Дата исполнения (плановая)", Some(Column::Due)),
            ("Дата ответа по плану", Some(Column::Due)),
            ("Дата исполнения (контрольная)", Some(Column::Due)),
            ("Дата ответа (срок)", Some(Column::Due)),
            ("Исполнено (план)", Some(Column::Due)),
            ("Дата ответа, не позднее", Some(Column::Due)),
            ("Дата регистрации ответа", Some(Column::Answered)),
        ] {
            assert_eq!(Column::of(header), column, "{header}");
        }
        assert_eq!(classify("Форма ответа"), Heading::NotAField);
    }
}
