//! The first visible sheet of an XLSX workbook as records, the way a CSV export of the same sheet
//! has them (Yandex Forms saves answers so).

use super::records::Export;
use super::{Problem, Words, workbook};
use csv::ByteRecord;
use std::path::Path;

/// Opens the first visible sheet: the header row and every row after it, row numbers kept as
/// the spreadsheet shows them (an empty row stays an empty record).
pub fn open(path: &Path, file: String, words: &'static Words) -> anyhow::Result<Export> {
    let rows = first_visible_rows(path).map_err(|problem| problem.explain(&file, words))?;
    Ok(export_of_rows(file, rows, words))
}

fn first_visible_rows(path: &Path) -> Result<Vec<ByteRecord>, Problem> {
    let mut workbook = workbook::open(path)?;
    // The first sheet a person sees: a hidden sheet is a form service's or an editor's own.
    let sheet = workbook::visible_sheets(&workbook)
        .into_iter()
        .next()
        .ok_or(Problem::NoVisibleSheet)?;
    workbook::sheet_rows(&mut workbook, &sheet)
}

/// The first row as the header (trailing empty headers dropped), the rest as records padded to
/// it, as a CSV export of the same sheet has them.
fn export_of_rows(file: String, rows: Vec<ByteRecord>, words: &'static Words) -> Export {
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
    Export::from_rows(file, headers, records, words)
}
