//! XLSX exports (Yandex Forms' default), the first visible sheet, read cell by cell with calamine's streaming reader
//! after the archive is checked against a zip bomb: a 0.5 MB workbook can unpack to gigabytes,
//! and a sheet can declare millions of empty cells. Both are refused before any work grows.

use super::read::Export;
use anyhow::bail;
use calamine::{DataRef, Reader, Xlsx};
use csv::ByteRecord;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

/// What the parts of a workbook may unpack to, all together. A survey of 10,000 respondents and
/// 60 questions unpacks to about 40 MiB; the limit leaves six times that and keeps the check of a
/// bomb under a second.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Cells of the first sheet (filled or not, up to the last filled one of each row).
pub const MAX_CELLS: u64 = 5_000_000;

/// Rows of a sheet, as Excel has them.
const MAX_ROWS: u32 = 1_048_576;

fn too_large(file: &str, what: String) -> anyhow::Error {
    anyhow::anyhow!(
        "{file}: {what}; такая книга не похожа ни на выгрузку ответов, ни на перечень или журнал (возможно, «zip-бомба» или повреждённый файл); сохраните таблицу как CSV и проверьте CSV"
    )
}

/// Why an archive was refused before it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveProblem {
    /// Not a zip archive, or a damaged one.
    Unreadable,
    /// Its parts unpack past [`MAX_UNPACKED_BYTES`].
    TooLarge,
}

/// Refuses an archive whose parts unpack to more than [`MAX_UNPACKED_BYTES`], counting the
/// bytes as they really unpack (the sizes written in the archive can lie). Shared by every
/// reader of zipped formats (XLSX exports, DOCX and XLSX registries).
pub fn check_zip<R: Read + Seek>(reader: R) -> Result<(), ArchiveProblem> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| ArchiveProblem::Unreadable)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|_| ArchiveProblem::Unreadable)?;
        total = total.saturating_add(part.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(ArchiveProblem::TooLarge);
        }
        let left = MAX_UNPACKED_BYTES - (total - part.size());
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|_| ArchiveProblem::Unreadable)?;
        total = total - part.size() + read;
        if total > MAX_UNPACKED_BYTES {
            return Err(ArchiveProblem::TooLarge);
        }
    }
    Ok(())
}

/// [`check_zip`] for a survey export, its refusal worded for one.
pub fn check_archive<R: Read + Seek>(file: &str, reader: R) -> anyhow::Result<()> {
    check_zip(reader).map_err(|problem| match problem {
        ArchiveProblem::Unreadable => not_a_workbook(file),
        ArchiveProblem::TooLarge => too_large(file, unpacked_message()),
    })
}

pub fn unpacked_message() -> String {
    format!(
        "книга распаковывается больше чем в {} МБ",
        MAX_UNPACKED_BYTES / 1024 / 1024
    )
}

fn not_a_workbook(file: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{file}: файл не читается как книга Excel (XLSX): архив повреждён или это другой формат; откройте его в Excel и сохраните как XLSX или CSV"
    )
}

/// A cell as the export's text: dates as `2025-11-01` (with the time when there is one), whole
/// numbers without `.0`.
pub fn cell_text(cell: &DataRef) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
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

/// Opens the first sheet of an XLSX export: the header row and every row after it, row numbers
/// kept as the spreadsheet shows them (an empty row stays an empty record).
pub fn open(path: &Path, file: String) -> anyhow::Result<Export> {
    let opened = std::fs::File::open(path)
        .map_err(|error| crate::text::io_problem(&file, "выгрузку", &error))?;
    check_archive(&file, BufReader::new(opened))?;
    let opened = std::fs::File::open(path)
        .map_err(|error| crate::text::io_problem(&file, "выгрузку", &error))?;
    let mut workbook: Xlsx<_> =
        Xlsx::new(BufReader::new(opened)).map_err(|_| not_a_workbook(&file))?;
    // The first sheet a person sees: a hidden sheet is a form service's or an editor's own.
    let Some(sheet) = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .find(|s| s.visible == calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
    else {
        bail!("{file}: в книге нет ни одного видимого листа с данными; сохраните ответы заново");
    };
    let rows = sheet_rows(&mut workbook, &sheet, &file)?;
    Ok(export_of_rows(file, rows))
}

/// The filled cells of a sheet as records, refused past [`MAX_ROWS`] or [`MAX_CELLS`]. Read
/// cell by cell: a sheet whose two cells stand at A1 and XFD1048576 costs two cells, not the
/// seventeen billion a whole-sheet range would allocate. Shared with the registry and journal
/// readers (`table::sheet`).
pub(crate) fn sheet_rows<R: Read + Seek>(
    workbook: &mut Xlsx<R>,
    sheet: &str,
    file: &str,
) -> anyhow::Result<Vec<ByteRecord>> {
    let mut cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|_| not_a_workbook(file))?;
    let mut rows: Vec<ByteRecord> = Vec::new();
    let mut counted: u64 = 0;
    while let Some(cell) = cells.next_cell().map_err(|_| not_a_workbook(file))? {
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS {
            return Err(too_large(
                file,
                format!(
                    "на листе есть строка {}: больше, чем бывает в Excel",
                    row + 1
                ),
            ));
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
            return Err(too_large(
                file,
                format!("на листе больше {MAX_CELLS} ячеек"),
            ));
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

/// The first row as the header (trailing empty headers dropped), the rest as records padded to
/// it, as a CSV export of the same sheet has them.
fn export_of_rows(file: String, rows: Vec<ByteRecord>) -> Export {
    let mut records = rows.into_iter();
    let mut headers: Vec<String> = records
        .next()
        .map(|h| {
            h.iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    let width = headers.len();
    let records: Vec<ByteRecord> = records
        .map(|mut record| {
            while record.len() < width {
                record.push_field(b"");
            }
            record
        })
        .collect();
    Export::from_rows(file, headers, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_that_unpacks_past_the_limit_is_refused() {
        let mut bytes = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer
                .start_file("xl/worksheets/sheet1.xml", options)
                .unwrap();
            let block = vec![b' '; 1024 * 1024];
            for _ in 0..(MAX_UNPACKED_BYTES / block.len() as u64 + 1) {
                std::io::Write::write_all(&mut writer, &block).unwrap();
            }
            writer.finish().unwrap();
        }
        let error = check_archive("bomb.xlsx", std::io::Cursor::new(&bytes)).unwrap_err();
        assert!(
            error.to_string().contains("распаковывается больше"),
            "{error}"
        );
        let error = check_archive("bad.xlsx", std::io::Cursor::new(b"PK\x03\x04junk")).unwrap_err();
        assert!(
            error.to_string().contains("не читается как книга"),
            "{error}"
        );
    }
}
