//! Workbooks (XLSX) read cell by cell after the zip-bomb check, bounded in rows and cells
//! before anything grows: a sheet whose two cells stand at A1 and XFD1048576 costs two cells,
//! not the seventeen billion a whole-sheet range would allocate. Merged ranges are marked.
//! XLS and XLSB are refused with advice: calamine reads them only as whole-sheet ranges,
//! which two cells far apart can make gigabytes large. ODS is read by the OpenDocument walker
//! (`super::odt`), streamed like a text's tables.

use super::{Grid, GridRow, Problem, Slot, Source};
use calamine::{DataRef, Reader, Xlsx};
use csv::ByteRecord;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

/// Rows of a sheet, as Excel has them; also the most rows a CSV table may have.
pub const MAX_ROWS: usize = 1_048_576;

/// Cells of a sheet (filled or not, up to the last filled one of each row), and the cells all
/// merged ranges of a sheet may cover together.
pub const MAX_CELLS: u64 = 5_000_000;

/// A workbook format the readers refuse, by the file's extension: `.xls`, `.xlsb`.
pub fn refused_format(path: &Path) -> Result<(), Problem> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(extension.as_str(), "xls" | "xlsb") {
        return Err(Problem::OldWorkbook { extension });
    }
    Ok(())
}

/// `A`, `B`, … `Z`, `AA` for a 1-based column number.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// An XLSX workbook, opened after its archive passed the zip-bomb check.
pub fn open(path: &Path) -> Result<Xlsx<BufReader<std::fs::File>>, Problem> {
    refused_format(path)?;
    let open = || std::fs::File::open(path).map(BufReader::new);
    super::zip::check(open()?, || Problem::NotAWorkbook)?;
    Xlsx::new(open()?).map_err(|_| Problem::NotAWorkbook)
}

/// The names of the visible worksheets, in order.
pub fn visible_sheets<R: Read + Seek>(workbook: &Xlsx<R>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

/// The names of the worksheets a person does not see (hidden or very hidden), in order.
pub fn hidden_sheets<R: Read + Seek>(workbook: &Xlsx<R>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

/// Every visible worksheet of the workbook as a grid, in order, as a person sees it: hidden
/// rows left out, hidden columns empty, each grid's `hidden` saying what was not read.
pub fn read(path: &Path) -> Result<Vec<Grid>, Problem> {
    let mut workbook = open(path)?;
    let mut grids = Vec::new();
    let parts = sheet_parts(path);
    for name in visible_sheets(&workbook) {
        let records = sheet_rows(&mut workbook, &name)?;
        let hidden = match parts.iter().find(|(sheet, _)| *sheet == name) {
            Some((_, part)) => hidden_parts(path, part)?,
            None => HiddenParts::default(),
        };
        let merges: Vec<(u32, u32, u32, u32)> = workbook
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect();
        let mut rows: Vec<GridRow> = records
            .iter()
            .enumerate()
            .map(|(r, record)| GridRow {
                number: r + 1,
                slots: record
                    .iter()
                    .map(|field| Slot {
                        text: String::from_utf8_lossy(field).trim().to_string(),
                        ..Slot::default()
                    })
                    .collect(),
            })
            .collect();
        mark_merges(&name, &mut rows, &merges)?;
        let notes = hidden.apply(&mut rows);
        grids.push(Grid {
            source: Source::Sheet(name),
            rows,
            titles: Vec::new(),
            hidden: notes,
            hidden_rows: hidden.row_numbers(),
        });
    }
    let hidden_sheets = hidden_sheets(&workbook);
    if let (Some(first), false) = (grids.first_mut(), hidden_sheets.is_empty()) {
        let names: Vec<String> = hidden_sheets.iter().map(|n| format!("«{n}»")).collect();
        first
            .hidden
            .push(format!("скрытые листы книги: {}", names.join(", ")));
    }
    Ok(grids)
}

/// The rows and columns of a sheet Excel hides (0-based).
#[derive(Debug, Default)]
pub struct HiddenParts {
    /// Rows hidden by hand: not read.
    rows: std::collections::HashSet<u32>,
    /// Ranges of hidden columns, first and last.
    columns: Vec<(u32, u32)>,
    /// Rows hidden by an autofilter or a folded outline group: the person filtered or folded
    /// the view and still counts them as the table's rows, so they are read (import.md).
    folded: usize,
    /// Whether the sheet has an autofilter.
    filter: bool,
}

impl HiddenParts {
    fn column_hidden(&self, column: usize) -> bool {
        self.columns
            .iter()
            .any(|&(first, last)| (first as usize..=last as usize).contains(&column))
    }

    /// The rows hidden by hand, as the sheet numbers them (1-based), in order.
    pub fn row_numbers(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.rows.iter().map(|&r| r as usize + 1).collect();
        rows.sort_unstable();
        rows
    }

    /// Whether a row (0-based) is hidden by hand and so not read.
    pub fn row_hidden(&self, row: u32) -> bool {
        self.rows.contains(&row)
    }

    /// The note that rows hidden by a filter or a folded group were read anyway.
    pub fn folded_note(&self) -> Option<String> {
        folded_note(self.folded, self.filter)
    }

    /// Leaves out the hidden rows and empties the hidden columns; says what held text.
    fn apply(&self, rows: &mut Vec<GridRow>) -> Vec<String> {
        let filled = |row: &GridRow| row.slots.iter().any(|s| !s.text.trim().is_empty());
        let before = rows.len();
        let mut dropped = 0;
        rows.retain(|row| {
            let hidden = self.rows.contains(&((row.number - 1) as u32));
            dropped += usize::from(hidden && filled(row));
            !hidden
        });
        debug_assert!(rows.len() <= before);
        let mut columns = std::collections::BTreeSet::new();
        for row in rows.iter_mut() {
            for (c, slot) in row.slots.iter_mut().enumerate() {
                if self.column_hidden(c) {
                    if !slot.text.trim().is_empty() {
                        columns.insert(c);
                    }
                    *slot = Slot::default();
                }
            }
        }
        let mut notes = Vec::new();
        if dropped > 0 {
            notes.push(format!("скрытых строк с текстом: {dropped}"));
        }
        if !columns.is_empty() {
            let letters: Vec<String> = columns.iter().map(|&c| column_letters(c + 1)).collect();
            notes.push(format!("скрытые столбцы: {}", letters.join(", ")));
        }
        notes.extend(self.folded_note());
        notes
    }
}

/// The note that `folded` rows hidden by a filter (or a folded outline group) were read anyway:
/// the person filtered or folded the view and still counts them as the table's rows.
pub fn folded_note(folded: usize, filter: bool) -> Option<String> {
    (folded > 0).then(|| {
        let how = if filter {
            "фильтром"
        } else {
            "свёрнутой группировкой"
        };
        format!(
            "включён отбор: {folded} скрытых {how} строк прочитаны — это строки таблицы, вид лишь отфильтрован или свёрнут"
        )
    })
}

/// A number as a cell's text: whole numbers without `.0`.
pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Each worksheet's name and the part of the archive that holds it
/// (`xl/workbook.xml` and its relationships). Empty when they cannot be read.
fn sheet_parts(path: &Path) -> Vec<(String, String)> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Vec::new();
    };
    let mut ids = Vec::new();
    let mut targets = std::collections::HashMap::new();
    super::zip::each_element(&mut archive, "xl/workbook.xml", |name, attribute| {
        if name == "sheet"
            && let (Some(sheet), Some(id)) = (attribute("name"), attribute("id"))
        {
            ids.push((sheet, id));
        }
    });
    super::zip::each_element(
        &mut archive,
        "xl/_rels/workbook.xml.rels",
        |name, attribute| {
            if name == "Relationship"
                && let (Some(id), Some(target)) = (attribute("Id"), attribute("Target"))
            {
                let part = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                targets.insert(id, part);
            }
        },
    );
    ids.into_iter()
        .filter_map(|(sheet, id)| Some((sheet, targets.get(&id)?.clone())))
        .collect()
}

/// The rows and columns a sheet's part marks hidden (`<row hidden="1">`, `<col hidden="1">`).
pub fn hidden_parts(path: &Path, part: &str) -> Result<HiddenParts, Problem> {
    let file = std::fs::File::open(path)?;
    let mut archive =
        zip::ZipArchive::new(BufReader::new(file)).map_err(|_| Problem::NotAWorkbook)?;
    let mut hidden = HiddenParts::default();
    let mut next_row: u32 = 0;
    let on = |value: Option<String>| matches!(value.as_deref(), Some("1" | "true"));
    let mut folded_rows = Vec::new();
    super::zip::each_element(&mut archive, part, |name, attribute| match name {
        "row" => {
            let row = attribute("r")
                .and_then(|r| r.parse::<u32>().ok())
                .map_or(next_row, |r| r.saturating_sub(1));
            next_row = row.saturating_add(1);
            if on(attribute("hidden")) {
                let grouped = attribute("outlineLevel")
                    .and_then(|l| l.parse::<u32>().ok())
                    .is_some_and(|l| l > 0);
                if grouped {
                    folded_rows.push(row);
                } else {
                    hidden.rows.insert(row);
                }
            }
        }
        "autoFilter" => hidden.filter = true,
        "col" if on(attribute("hidden")) => {
            let bound = |key| {
                attribute(key)
                    .and_then(|v| v.parse::<u32>().ok())
                    .map(|v| v.saturating_sub(1))
            };
            if let (Some(first), Some(last)) = (bound("min"), bound("max")) {
                hidden.columns.push((first, last));
            }
        }
        _ => {}
    });
    // Under an autofilter every hidden row is a filtered one (the sheet part stores no other
    // mark of the filter's own hiding).
    if hidden.filter {
        folded_rows.extend(hidden.rows.drain());
    }
    hidden.folded = folded_rows.len();
    Ok(hidden)
}

/// The rows and columns a sheet hides, by the sheet's name (none when its part cannot be found).
pub fn sheet_hidden(path: &Path, sheet: &str) -> Result<HiddenParts, Problem> {
    match sheet_parts(path).iter().find(|(name, _)| name == sheet) {
        Some((_, part)) => hidden_parts(path, part),
        None => Ok(HiddenParts::default()),
    }
}

/// The first visible sheet of a workbook as a person sees it.
pub struct FirstSheet {
    pub name: String,
    /// Its records; a row hidden by hand is an empty record (rows keep their numbers), a
    /// hidden column's cells are empty.
    pub rows: Vec<ByteRecord>,
    /// The rows hidden by hand (1-based), not read.
    pub hidden_rows: Vec<usize>,
    /// What was not read or read though hidden: hidden sheets, columns, a filter that was on.
    pub notes: Vec<String>,
}

/// The records of the first visible sheet (the one a person sees first: a hidden sheet is a
/// form service's or an editor's own, and is named in a note).
pub fn first_visible_rows(path: &Path) -> Result<FirstSheet, Problem> {
    let mut workbook = open(path)?;
    // The first sheet a person sees: a hidden sheet is a form service's or an editor's own.
    let sheet = visible_sheets(&workbook)
        .into_iter()
        .next()
        .ok_or(Problem::NoVisibleSheet)?;
    let mut rows = sheet_rows(&mut workbook, &sheet)?;
    let hidden = sheet_hidden(path, &sheet)?;
    let mut columns = std::collections::BTreeSet::new();
    for (r, record) in rows.iter_mut().enumerate() {
        let row_hidden = hidden.row_hidden(r as u32);
        if !row_hidden && hidden.columns.is_empty() {
            continue;
        }
        let mut kept = ByteRecord::new();
        for (c, field) in record.iter().enumerate() {
            if row_hidden || hidden.column_hidden(c) {
                if !row_hidden && !field.is_empty() {
                    columns.insert(c);
                }
                kept.push_field(b"");
            } else {
                kept.push_field(field);
            }
        }
        *record = kept;
    }
    let columns: Vec<usize> = columns.into_iter().collect();
    let notes = first_sheet_notes(&columns, hidden.folded_note(), &hidden_sheets(&workbook));
    Ok(FirstSheet {
        name: sheet,
        rows,
        hidden_rows: hidden.row_numbers(),
        notes,
    })
}

/// What a workbook's first sheet did not show as read, worded once for XLSX and ODS: hidden
/// columns with text (0-based), rows read though a filter hid them, hidden sheets.
pub fn first_sheet_notes(
    columns: &[usize],
    folded: Option<String>,
    hidden_sheets: &[String],
) -> Vec<String> {
    let mut notes: Vec<String> = hidden_columns_note(columns).into_iter().collect();
    notes.extend(folded);
    if !hidden_sheets.is_empty() {
        let names: Vec<String> = hidden_sheets.iter().map(|n| format!("«{n}»")).collect();
        notes.push(format!(
            "скрытые листы книги не прочитаны: {}; если ответы там, покажите лист в Excel или LibreOffice и запустите снова",
            names.join(", ")
        ));
    }
    notes
}

/// The rows of a sheet one at a time, read cell by cell: a journal of a million rows is never
/// held whole. `f` gets the rows (each with the number the sheet shows, empty rows left out);
/// with its result come the hidden columns that held text in the rows read (0-based), for the
/// note that says they were not read.
pub fn stream_rows<T, R: Read + Seek>(
    workbook: &mut Xlsx<R>,
    sheet: &str,
    hidden: &HiddenParts,
    f: impl FnOnce(&mut dyn Iterator<Item = anyhow::Result<GridRow>>) -> T,
    explain: impl Fn(Problem) -> anyhow::Error,
) -> Result<(T, Vec<usize>), Problem> {
    // Merged ranges, by their first row: a cell merged down over rows (a receipt date written
    // once for a day's requests) marks the rows under its first as «merged above».
    let mut merges: Vec<(u32, u32, u32, u32)> = workbook
        .merge_cells_by_sheet_name(sheet)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.end.0 > d.start.0)
        .map(|d| {
            (
                d.start.0,
                d.start.1,
                d.end.0,
                d.end.1.min(d.start.1 + 16_383),
            )
        })
        .collect();
    merges.sort_unstable();
    let cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|_| Problem::NotAWorkbook)?;
    let mut rows = SheetRows {
        cells,
        pending: None,
        finished: false,
        explain: &explain,
        hidden,
        hidden_with_text: std::collections::BTreeSet::new(),
        merges,
        next_merge: 0,
        active: Vec::new(),
    };
    let result = f(&mut rows);
    Ok((result, rows.hidden_with_text.into_iter().collect()))
}

/// The note that hidden columns (0-based) with text were not read.
pub fn hidden_columns_note(columns: &[usize]) -> Option<String> {
    (!columns.is_empty()).then(|| {
        let letters: Vec<String> = columns.iter().map(|&c| column_letters(c + 1)).collect();
        format!("скрытые столбцы не прочитаны: {}", letters.join(", "))
    })
}

/// The iterator of [`stream_rows`].
struct SheetRows<'a, 'e, R: Read + Seek> {
    cells: calamine::XlsxCellReader<'a, R>,
    /// A cell read past the end of the row being built: the first of the next row.
    pending: Option<(u32, usize, String)>,
    finished: bool,
    explain: &'e dyn Fn(Problem) -> anyhow::Error,
    /// Rows hidden by hand are never handed over; hidden columns' cells are empty.
    hidden: &'e HiddenParts,
    /// Hidden columns that held text in a row read.
    hidden_with_text: std::collections::BTreeSet<usize>,
    /// Ranges merged down (first row, first column, last row, last column), in order of their
    /// first row; the next one not yet active; those covering the rows being read.
    merges: Vec<(u32, u32, u32, u32)>,
    next_merge: usize,
    active: Vec<(u32, u32, u32, u32)>,
}

impl<R: Read + Seek> SheetRows<'_, '_, R> {
    /// Marks the slots of row `row` (0-based) that a range merged down from above covers.
    fn mark_merged(&mut self, row: u32, slots: &mut Vec<Slot>) {
        while let Some(&merge) = self.merges.get(self.next_merge)
            && merge.0 < row
        {
            self.active.push(merge);
            self.next_merge += 1;
        }
        self.active.retain(|m| m.2 >= row);
        for &(_, first, _, last) in &self.active {
            let (first, last) = (first as usize, last as usize);
            if slots.len() <= last {
                slots.resize(last + 1, Slot::default());
            }
            for slot in &mut slots[first..=last] {
                if slot.text.is_empty() {
                    slot.merged_above = true;
                }
            }
        }
    }
}

impl<R: Read + Seek> SheetRows<'_, '_, R> {
    /// The next non-empty cell: (row, column, text).
    fn next_cell(&mut self) -> Result<Option<(u32, usize, String)>, Problem> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        while let Some(cell) = self.cells.next_cell().map_err(|_| Problem::NotAWorkbook)? {
            let (row, column) = cell.get_position();
            if row as usize >= MAX_ROWS {
                return Err(Problem::RowBeyondExcel {
                    row: u64::from(row) + 1,
                });
            }
            if self.hidden.row_hidden(row) {
                continue;
            }
            if self.hidden.column_hidden(column as usize) {
                if self.hidden_with_text.len() < 64 && !cell_text(cell.get_value()).is_empty() {
                    self.hidden_with_text.insert(column as usize);
                }
                continue;
            }
            let text = cell_text(cell.get_value());
            if !text.is_empty() {
                return Ok(Some((row, column as usize, text)));
            }
        }
        Ok(None)
    }
}

impl<R: Read + Seek> Iterator for SheetRows<'_, '_, R> {
    type Item = anyhow::Result<GridRow>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let first = match self.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => {
                self.finished = true;
                return None;
            }
            Err(problem) => {
                self.finished = true;
                return Some(Err((self.explain)(problem)));
            }
        };
        let row = first.0;
        let mut slots: Vec<Slot> = Vec::new();
        let mut put = |column: usize, text: String| {
            if slots.len() <= column {
                slots.resize(column + 1, Slot::default());
            }
            slots[column].text = text.trim().to_string();
        };
        put(first.1, first.2);
        loop {
            match self.next_cell() {
                Ok(Some(cell)) if cell.0 == row => put(cell.1, cell.2),
                Ok(Some(cell)) => {
                    self.pending = Some(cell);
                    break;
                }
                Ok(None) => {
                    self.finished = true;
                    break;
                }
                Err(problem) => {
                    self.finished = true;
                    return Some(Err((self.explain)(problem)));
                }
            }
        }
        self.mark_merged(row, &mut slots);
        Some(Ok(GridRow {
            number: row as usize + 1,
            slots,
        }))
    }
}

/// A cell's line breaks as a person sees them: Excel stores a break typed on Windows as
/// `_x000D_` before the line feed (read back as a carriage return), LibreOffice as a line feed
/// alone; both are one line break, so a copy saved by either compares equal.
fn line_breaks(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// A cell as text: dates as `2025-11-01` (with the time when there is one), whole numbers
/// without `.0`.
pub fn cell_text(cell: &DataRef) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(s) => line_breaks(s),
        DataRef::SharedString(s) => line_breaks(s),
        DataRef::Float(f) => number_text(*f),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => if *b { "ИСТИНА" } else { "ЛОЖЬ" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
            }
        }
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.replace('T', " "),
        DataRef::Error(e) => e.to_string(),
    }
}

/// The filled cells of a sheet as records, refused past [`MAX_ROWS`] or [`MAX_CELLS`].
pub fn sheet_rows<R: Read + Seek>(
    workbook: &mut Xlsx<R>,
    sheet: &str,
) -> Result<Vec<ByteRecord>, Problem> {
    let mut cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|_| Problem::NotAWorkbook)?;
    let mut rows: Vec<ByteRecord> = Vec::new();
    let mut counted: u64 = 0;
    while let Some(cell) = cells.next_cell().map_err(|_| Problem::NotAWorkbook)? {
        let (row, column) = cell.get_position();
        if row as usize >= MAX_ROWS {
            return Err(Problem::RowBeyondExcel {
                row: u64::from(row) + 1,
            });
        }
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, column) = (row as usize, column as usize);
        // Rows and cells before this one are filled in empty, so rows keep their numbers.
        let before = rows.get(row).map_or(0, ByteRecord::len);
        let added = (row + 1).saturating_sub(rows.len()) as u64
            + (column + 1).saturating_sub(before) as u64;
        counted = counted.saturating_add(added);
        if counted > MAX_CELLS {
            return Err(Problem::TooManyCells {
                place: format!("на листе «{sheet}»"),
            });
        }
        put_cell(&mut rows, row, column, &text);
    }
    Ok(rows)
}

/// Puts a cell's text at its place, filling the rows and cells before it in empty.
fn put_cell(rows: &mut Vec<ByteRecord>, row: usize, column: usize, text: &str) {
    if rows.len() <= row {
        rows.resize_with(row + 1, ByteRecord::new);
    }
    let record = &mut rows[row];
    while record.len() < column {
        record.push_field(b"");
    }
    if record.len() == column {
        record.push_field(text.as_bytes());
    }
}

/// The widest merged range a row is widened to (a table's columns; a range to XFD is not one).
const MAX_MERGE_WIDTH: usize = 1024;

/// Marks the slots merged ranges cover: below the first row «merged above», right of the first
/// column «merged left», their text cleared. Only slots that exist are visited, and all merges
/// together may visit at most [`MAX_CELLS`] of them: a sheet of a million overlapping merges is
/// refused, not walked.
fn mark_merges(
    sheet: &str,
    rows: &mut [GridRow],
    merges: &[(u32, u32, u32, u32)],
) -> Result<(), Problem> {
    let mut visited: u64 = 0;
    for &(first_row, first_col, last_row, last_col) in merges {
        let (first_row, last_row) = (first_row as usize, last_row as usize);
        let (first_col, last_col) = (first_col as usize, last_col as usize);
        if first_row >= rows.len() || first_row > last_row {
            continue;
        }
        let last_row = last_row.min(rows.len() - 1);
        for (offset, row) in rows[first_row..=last_row].iter_mut().enumerate() {
            let r = first_row + offset;
            // A merged range covers its slots even where the sheet stores no cell (Excel keeps
            // only the first cell of a merge): the row is widened to the range, within bounds.
            if last_col < MAX_MERGE_WIDTH && row.slots.len() <= last_col {
                visited += (last_col + 1 - row.slots.len()) as u64;
                row.slots.resize(last_col + 1, Slot::default());
            }
            let end = last_col.min(row.slots.len().saturating_sub(1));
            for col in first_col..=end {
                if col >= row.slots.len() {
                    break;
                }
                visited += 1;
                if visited > MAX_CELLS {
                    return Err(Problem::TooManyCells {
                        place: format!("на листе «{sheet}» объединённые ячейки покрывают"),
                    });
                }
                let slot = &mut row.slots[col];
                if r > first_row {
                    slot.merged_above = true;
                    slot.text.clear();
                } else if col > first_col {
                    slot.merged_left = true;
                    slot.text.clear();
                }
            }
        }
    }
    Ok(())
}
