//! A journal file read as its kind asks: a CSV row by row, a workbook sheet by sheet (streamed,
//! never held whole), a Word, OpenDocument text or spreadsheet table by table; every sheet or
//! table whose header is a journal's is read, else the first one (for J001), and what was hidden
//! is said. The command (`commands::requests`) only hands each file here.

use super::journal::{Judge, read, read_table};
use crate::input::table::TableAccount;

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
pub fn read_journal(
    path: &std::path::Path,
    index: usize,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    let file = file_label(path, index, judge.anonymous);
    match crate::input::Kind::of(path) {
        Some(crate::input::Kind::Workbook) => read_workbook(path, &file, judge, on_request),
        Some(
            crate::input::Kind::Word | crate::input::Kind::OpenText | crate::input::Kind::OpenSheet,
        ) => read_tables(path, &file, judge, on_request),
        _ => read_csv(path, &file, judge, on_request),
    }
}

/// A journal in the tables of a Word or OpenDocument file or the sheets of an OpenDocument
/// spreadsheet: every table whose header is a journal's, else the first one (for J001).
fn read_tables(
    path: &std::path::Path,
    file: &str,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    let file = file.to_string();
    let grids = crate::input::read_all(path, &file, &crate::requests::JOURNAL_WORDS)?;
    let names: Vec<String> = grids
        .iter()
        .enumerate()
        .map(|(i, g)| table_label(&g.name(), i, judge.anonymous))
        .collect();
    let journals: Vec<bool> = grids
        .iter()
        .map(|g| read_header_only(&file, &mut g.rows.iter().cloned().map(Ok), judge))
        .collect();
    if !journals.contains(&true) {
        // No table has a journal's header: the first one, for J001.
        let Some(grid) = grids.into_iter().next() else {
            return read(&file, &mut std::iter::empty(), judge, on_request);
        };
        let hidden = hidden_note(&file, &names[0], &grid, judge.anonymous);
        let account = TableAccount::new(file.clone(), &grid.hidden_rows);
        let rows = &mut grid.rows.into_iter().map(Ok);
        let mut journal = read_table(account, &file, rows, judge, on_request)?;
        journal.notes.extend(hidden);
        return Ok(journal);
    }
    let mut whole = crate::requests::Journal {
        readable: true,
        ..Default::default()
    };
    let mut read_names = Vec::new();
    let mut skipped = Vec::new();
    let several = grids.len() > 1;
    for ((grid, is_journal), table) in grids.into_iter().zip(journals).zip(names) {
        if !is_journal {
            skipped.push(table);
            continue;
        }
        // A sheet's rows are named with the sheet: «журнал.xlsx: лист «2024»».
        let name = if several {
            format!("{file} ({table})")
        } else {
            file.clone()
        };
        whole
            .notes
            .extend(hidden_note(&name, &table, &grid, judge.anonymous));
        read_names.push(table);
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

/// A CSV journal, row by row.
fn read_csv(
    path: &std::path::Path,
    file: &str,
    judge: &Judge,
    on_request: &mut dyn FnMut(crate::requests::Request),
) -> anyhow::Result<crate::requests::Journal> {
    let mut rows = crate::input::CsvRows::open(path, &crate::requests::JOURNAL_WORDS)?;
    let mut journal = read(file, &mut rows, judge, on_request)?;
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
    let hidden_note = hidden_sheets_note(file, &workbook::hidden_sheets(&book), judge.anonymous);
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
            .map(|(is_journal, _)| is_journal)
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
    for (i, ((sheet, is_journal), hidden)) in sheets.iter().zip(journals).zip(&hidden).enumerate() {
        let name = table_label(&format!("лист «{sheet}»"), i, judge.anonymous);
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
    let (journal, hidden_columns) = crate::input::workbook::stream_rows(
        book,
        sheet,
        hidden,
        |rows| read_table(account, label, rows, judge, on_request),
        explain,
    )
    .map_err(explain)?;
    let mut journal = journal?;
    journal.notes.extend(
        crate::input::workbook::hidden_columns_note(&hidden_columns).map(|n| {
            format!("{label}: {n}; если это часть журнала, покажите их и запустите снова")
        }),
    );
    journal
        .notes
        .extend(hidden.folded_note().map(|n| format!("{label}: {n}")));
    Ok(journal)
}

/// How a journal file is named in what the command prints: its path; with `--anonymous` by
/// its place among the journals given («журнал 1.csv»). A file's name is free text someone
/// typed («Журнал_Орлова_Ольга.csv», «Носова.ods»): no test of its words tells every name
/// apart, so under --anonymous no file name is printed at all.
fn file_label(path: &std::path::Path, index: usize, anonymous: bool) -> String {
    if !anonymous {
        return path.display().to_string();
    }
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
        .unwrap_or_default();
    format!("журнал {}{extension}", index + 1)
}

/// How a sheet or table is named: by its name («лист «2024»»); with `--anonymous` by its place
/// («лист 2»), for a sheet's name may be a person's («Иванова М.П.»).
fn table_label(name: &str, index: usize, anonymous: bool) -> String {
    if anonymous {
        format!("таблица {}", index + 1)
    } else {
        name.to_string()
    }
}

/// The note saying what a table of a document or spreadsheet hid and was not read (hidden
/// text, columns, sheets) or was read though hidden (rows under a filter); with `--anonymous`
/// only that there was some (hidden sheets are named by their names).
fn hidden_note(
    name: &str,
    table: &str,
    grid: &crate::input::Grid,
    anonymous: bool,
) -> Option<String> {
    let what = if anonymous {
        "строки, столбцы или листы".to_string()
    } else {
        grid.hidden.join("; ")
    };
    (!grid.hidden.is_empty()).then(|| {
        format!(
            "{name}: {table}: скрытое — {what}; если это часть журнала, покажите его и запустите снова"
        )
    })
}

/// The note naming the hidden sheets of a journal, which are not read.
fn hidden_sheets_note(file: &str, hidden: &[String], anonymous: bool) -> Option<String> {
    (!hidden.is_empty()).then(|| {
        let names: Vec<String> = if anonymous {
            vec![hidden.len().to_string()]
        } else {
            hidden.iter().map(|h| format!("«{h}»")).collect()
        };
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
