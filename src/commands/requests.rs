//! `tochki requests JOURNAL...`: which requests of internal clients are overdue or about to be
//! (cycle.md «The journal of requests»). Exit 1 when anything is overdue or a row could not be
//! read (J002–J004), so that a daily scheduled run can alert; 0 otherwise; 2 when nothing could
//! be read.

use crate::calendar::Calendar;
use crate::cli::{RequestsArgs, RequestsFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::input::table::TableAccount;
use crate::registry::link::Linker;
use crate::render::requests::{self as render, Report};
use crate::requests::journal::{Judge, read, read_table};
use crate::requests::{Status, SummaryBuilder};
use anyhow::bail;
use std::io::Write;

/// Whether the rows have a journal header (a trial read of the header only).
fn read_header_only(
    file: &str,
    rows: &mut dyn Iterator<Item = anyhow::Result<crate::input::GridRow>>,
    judge: &Judge,
) -> bool {
    let mut header_only = rows.take(41).collect::<Vec<_>>().into_iter();
    read(file, &mut header_only, judge, &mut |_| {}).is_ok_and(|journal| journal.readable)
}

/// One journal file, its requests handed to `on_request`: a CSV row by row; of a workbook,
/// every sheet whose header is a journal's (said in a note), else its first sheet, for J001.
fn read_journal(
    path: &std::path::Path,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    let file = path.display().to_string();
    match crate::input::Kind::of(path) {
        Some(crate::input::Kind::Workbook) => read_workbook(path, &file, judge, on_request),
        Some(crate::input::Kind::Word | crate::input::Kind::OpenText) => {
            let grids = crate::input::read_all(path, &file, &crate::requests::JOURNAL_WORDS)?;
            let journals: Vec<bool> = grids
                .iter()
                .map(|g| read_header_only(&file, &mut g.rows.iter().cloned().map(Ok), judge))
                .collect();
            if !journals.contains(&true) {
                let rows = grids.into_iter().next().map(|g| g.rows).unwrap_or_default();
                return read(&file, &mut rows.into_iter().map(Ok), judge, on_request);
            }
            let mut whole = crate::requests::Journal {
                readable: true,
                ..Default::default()
            };
            let mut read_names = Vec::new();
            let mut skipped = Vec::new();
            let several = grids.len() > 1;
            for (grid, is_journal) in grids.into_iter().zip(journals) {
                if !is_journal {
                    skipped.push(grid.name());
                    continue;
                }
                read_names.push(grid.name());
                // A sheet's rows are named with the sheet: «журнал.xlsx: лист «2024»».
                let name = if several {
                    format!("{file} ({})", grid.name())
                } else {
                    file.clone()
                };
                let account = TableAccount::new(name.clone(), &grid.hidden_rows);
                let journal = read_table(
                    account,
                    &name,
                    &mut grid.rows.into_iter().map(Ok),
                    judge,
                    on_request,
                )?;
                whole.findings.extend(journal.findings);
                whole.notes.extend(journal.notes);
                whole.ledger.tables.extend(journal.ledger.tables);
            }
            if several {
                let mut note = format!("{file}: прочитаны {}", read_names.join(", "));
                if !skipped.is_empty() {
                    note.push_str(&format!(
                        "; пропущены (нет заголовка журнала): {}",
                        skipped.join(", ")
                    ));
                }
                whole.notes.insert(0, note);
            }
            Ok(whole)
        }
        _ => {
            let mut rows = crate::input::CsvRows::open(path, &crate::requests::JOURNAL_WORDS)?;
            let mut journal = read(&file, &mut rows, judge, on_request)?;
            if let Some(first) = rows.recoded().first() {
                let count = rows.recoded().len();
                let word = crate::text::plural(count, "строка", "строки", "строк");
                let verb = crate::text::plural(count, "прочитана", "прочитаны", "прочитаны");
                journal.notes.push(format!(
                    "{file}: {count} {word} с ячейками не в кодировке файла (первая — строка {first}) {verb} как Windows-1251; проверьте их или сохраните журнал в одной кодировке"
                ));
            }
            Ok(journal)
        }
    }
}

/// A workbook journal, sheet by sheet and row by row (never held whole): every sheet whose
/// header is a journal's, said in a note; else its first sheet, for J001.
fn read_workbook(
    path: &std::path::Path,
    file: &str,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    use crate::input::workbook;
    let words = &crate::requests::JOURNAL_WORDS;
    let explain = |problem: crate::input::Problem| problem.explain(file, words);
    crate::input::sniff(path).map_err(explain)?;
    // Opened once (the zip-bomb check unpacks the whole archive); each sheet is then read twice,
    // its header alone first, its rows as they stream second.
    let mut book = workbook::open(path).map_err(explain)?;
    let sheets = workbook::visible_sheets(&book);
    // What a person does not see is not read, and said.
    let hidden_note = hidden_sheets_note(file, &workbook::hidden_sheets(&book));
    let hidden: Vec<workbook::HiddenParts> = sheets
        .iter()
        .map(|sheet| workbook::sheet_hidden(path, sheet))
        .collect::<Result<_, _>>()
        .map_err(explain)?;
    let journals = sheets
        .iter()
        .zip(&hidden)
        .map(|(sheet, hidden)| {
            workbook::stream_rows(
                &mut book,
                sheet,
                hidden,
                |rows| read_header_only(file, rows, judge),
                explain,
            )
            .map_err(explain)
        })
        .collect::<anyhow::Result<Vec<bool>>>()?;
    if !journals.contains(&true) {
        let Some(first) = sheets.first() else {
            return Err(explain(crate::input::Problem::NoVisibleSheet));
        };
        // No sheet has a journal's header: the first one, for J001.
        let mut journal = read_sheet(&mut book, first, &hidden[0], file, judge, on_request)?;
        journal.notes.extend(hidden_note);
        return Ok(journal);
    }
    let several = sheets.len() > 1;
    let mut whole = crate::requests::Journal {
        readable: true,
        ..Default::default()
    };
    let (mut read_names, mut skipped) = (Vec::new(), Vec::new());
    for ((sheet, is_journal), hidden) in sheets.iter().zip(journals).zip(&hidden) {
        let name = format!("лист «{sheet}»");
        if !is_journal {
            skipped.push(name);
            continue;
        }
        let label = if several {
            format!("{file} ({name})")
        } else {
            file.to_string()
        };
        read_names.push(name);
        let journal = read_sheet(&mut book, sheet, hidden, &label, judge, on_request)?;
        whole.findings.extend(journal.findings);
        whole.notes.extend(journal.notes);
        whole.ledger.tables.extend(journal.ledger.tables);
    }
    if several {
        whole
            .notes
            .insert(0, sheets_note(file, &read_names, &skipped));
    }
    whole.notes.extend(hidden_note);
    Ok(whole)
}

/// One sheet of a workbook journal, streamed, its rows hidden by hand left out and accounted
/// for, a filter or folded group said; `label` names it in messages.
fn read_sheet<R: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<R>,
    sheet: &str,
    hidden: &crate::input::workbook::HiddenParts,
    label: &str,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    let words = &crate::requests::JOURNAL_WORDS;
    let explain = |problem: crate::input::Problem| problem.explain(label, words);
    let account = TableAccount::new(label, &hidden.row_numbers());
    let mut journal = crate::input::workbook::stream_rows(
        book,
        sheet,
        hidden,
        |rows| read_table(account, label, rows, judge, on_request),
        explain,
    )
    .map_err(explain)??;
    journal
        .notes
        .extend(hidden.folded_note().map(|n| format!("{label}: {n}")));
    Ok(journal)
}

/// The note naming the hidden sheets of a journal, which are not read.
fn hidden_sheets_note(file: &str, hidden: &[String]) -> Option<String> {
    (!hidden.is_empty()).then(|| {
        let names: Vec<String> = hidden.iter().map(|h| format!("«{h}»")).collect();
        format!(
            "{file}: скрытые листы не прочитаны: {}; если это часть журнала, покажите их в Excel (Формат → Скрыть или отобразить) и запустите снова",
            names.join(", ")
        )
    })
}

/// The note naming the sheets read and the sheets skipped.
fn sheets_note(file: &str, read: &[String], skipped: &[String]) -> String {
    let mut note = format!("{file}: прочитаны {}", read.join(", "));
    if !skipped.is_empty() {
        note.push_str(&format!(
            "; пропущены (нет заголовка журнала): {}",
            skipped.join(", ")
        ));
    }
    note
}

/// The day statuses are judged on: --as-of, or today.
fn as_of(args: &RequestsArgs) -> anyhow::Result<chrono::NaiveDate> {
    Ok(match &args.as_of {
        Some(text) => crate::requests::deadline::parse_journal_date(text).ok_or_else(|| {
            anyhow::anyhow!(
                "--as-of «{text}»: не дата (годы 1900–2200); укажите 2025-05-13 или 13.05.2025"
            )
        })?,
        None => chrono::Local::now().date_naive(),
    })
}

pub fn run(args: &RequestsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let as_of = as_of(args)?;
    if args.format == RequestsFormat::Xlsx && args.output.is_none() {
        bail!("формат xlsx записывается только в файл: добавьте -o обращения.xlsx");
    }
    let linker = match &args.registry {
        Some(path) => {
            let registry = super::shared::load_for_linking(path)?;
            Some(Linker::of(&registry))
        }
        None => None,
    };
    let calendar = match &args.calendar {
        Some(path) => std::borrow::Cow::Owned(Calendar::with_file(path)?),
        None => std::borrow::Cow::Borrowed(Calendar::russian()),
    };
    let judge = Judge {
        calendar: &calendar,
        day_off: args.day_off,
        as_of,
        due_soon: args.due_soon,
        linker: linker.as_ref(),
        anonymous: args.anonymous,
    };
    // The list a format prints: every request for programs and spreadsheets, only those that
    // need attention for people; the summary is built as the rows go by. JSON and CSV write
    // every request into a temporary file as it is judged, never holding them all.
    let keep_all = args.format == RequestsFormat::Xlsx;
    let mut spill = match args.format {
        RequestsFormat::Json | RequestsFormat::Csv => Some(render::Spill::new(
            args.format == RequestsFormat::Json,
            args.anonymous,
        )?),
        _ => None,
    };
    let mut spill_error: Option<anyhow::Error> = None;
    let mut requests = Vec::new();
    let mut summary = SummaryBuilder::default();
    let mut on_request = |request: crate::requests::Request| {
        summary.add(&request);
        if let Some(spill) = spill.as_mut() {
            if let Err(error) = spill.add(&request)
                && spill_error.is_none()
            {
                spill_error = Some(error);
            }
        } else if keep_all || matches!(request.status, Status::Overdue | Status::DueSoon) {
            requests.push(request);
        }
    };
    let mut findings = Vec::new();
    let mut notes = Vec::new();
    let mut readable = false;
    let mut ledger = crate::input::Ledger::default();
    for path in &args.journals {
        let journal = read_journal(path, &judge, &mut on_request)?;
        readable |= journal.readable;
        findings.extend(journal.findings);
        notes.extend(journal.notes);
        ledger.tables.extend(journal.ledger.tables);
    }
    if !ledger.tables.is_empty() {
        // The account of every row, after the result (import.md): one line per journal read.
        let summary = ledger.summary(&crate::requests::LEDGER_WORDS);
        notes.push(match ledger.tables.as_slice() {
            [one] => format!("{}: {summary}", one.table),
            _ => summary,
        });
    }
    if let Some(error) = spill_error {
        return Err(error);
    }
    let summary = summary.finish();
    let report = Report {
        as_of,
        requests,
        summary,
        findings,
        anonymous: args.anonymous,
        ledger,
    };
    emit(args, &report, spill, out)?;
    let mut outcome: Outcome = exit_status(readable, &report).into();
    outcome.notes = notes;
    Ok(outcome)
}

/// Writes the report to `-o` (atomically) or to the output: JSON and CSV from the spilled
/// requests as they stream, the other formats from the report.
fn emit(
    args: &RequestsArgs,
    report: &Report,
    mut spill: Option<render::Spill>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let inputs: Vec<&std::path::Path> = args
        .journals
        .iter()
        .map(|p| p.as_path())
        .chain(args.registry.as_deref())
        .collect();
    let json = args.format == RequestsFormat::Json;
    let mut write = |sink: &mut dyn Write| -> anyhow::Result<()> {
        match spill.take() {
            Some(spill) if json => render::json_streamed(report, spill, sink),
            Some(spill) => render::csv_streamed(report, spill, sink),
            None => {
                let bytes = match args.format {
                    RequestsFormat::Markdown => render::markdown(report),
                    RequestsFormat::Xlsx => render::xlsx(report)?,
                    _ => render::table(report)?,
                };
                Ok(sink.write_all(&bytes)?)
            }
        }
    };
    match &args.output {
        Some(path) => {
            crate::output::write_atomically_with(path, &inputs, &mut write)?;
            super::shared::written_note(out, path, Some(report.summary.counts.total))?;
        }
        None => write(out)?,
    }
    Ok(())
}

/// 2 when no journal could be read, 1 when anything is overdue or a row was not counted.
fn exit_status(readable: bool, report: &Report) -> ExitStatus {
    if !readable {
        ExitStatus::Trouble
    } else if !report.findings.is_empty() || report.summary.counts.overdue > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}
