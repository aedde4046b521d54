//! The sheets of an XLSX workbook, read cell by cell after the zip-bomb check (the survey
//! reader's `sheet_rows`, bounded in rows and cells), with merged ranges marked. XLS and ODS are
//! refused with advice: calamine reads them only as whole-sheet ranges, which two cells far
//! apart can make gigabytes large.

use super::{Grid, GridRow, Slot, Source};
use crate::survey::xlsx::{ArchiveProblem, MAX_CELLS, check_zip, sheet_rows, unpacked_message};
use calamine::{Reader, Xlsx};
use std::io::BufReader;
use std::path::Path;

/// Rows of a sheet, as Excel has them; also the most rows a CSV table may have.
pub const MAX_ROWS: usize = 1_048_576;

fn not_a_workbook(file: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{file}: файл не читается как книга Excel: он повреждён, защищён паролем или это другой формат; откройте его в Excel или LibreOffice, снимите защиту и сохраните как XLSX"
    )
}

/// Every visible worksheet of the workbook, in order.
pub fn read(path: &Path, file: &str) -> anyhow::Result<Vec<Grid>> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(extension.as_str(), "xls" | "ods") {
        anyhow::bail!(
            "{file}: книги .{extension} не читаются; откройте файл в Excel или LibreOffice и сохраните как XLSX («Книга Excel»)"
        );
    }
    let open = || {
        std::fs::File::open(path)
            .map(BufReader::new)
            .map_err(|error| crate::text::io_problem(file, "книгу", &error))
    };
    check_zip(open()?).map_err(|problem| match problem {
        ArchiveProblem::Unreadable => not_a_workbook(file),
        ArchiveProblem::TooLarge => anyhow::anyhow!(
            "{file}: {}; такая книга не похожа на перечень или журнал (возможно, «zip-бомба» или повреждённый файл)",
            unpacked_message()
        ),
    })?;
    let mut workbook: Xlsx<_> = Xlsx::new(open()?).map_err(|_| not_a_workbook(file))?;
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut grids = Vec::new();
    for name in names {
        let records = sheet_rows(&mut workbook, &name, file)?;
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
        mark_merges(file, &name, &mut rows, &merges)?;
        grids.push(Grid {
            source: Source::Sheet(name),
            rows,
            titles: Vec::new(),
        });
    }
    Ok(grids)
}

/// Marks the slots merged ranges cover: below the first row «merged above», right of the first
/// column «merged left», their text cleared. Only slots that exist are visited, and all merges
/// together may visit at most [`MAX_CELLS`] of them: a sheet of a million overlapping merges is
/// refused, not walked.
fn mark_merges(
    file: &str,
    sheet: &str,
    rows: &mut [GridRow],
    merges: &[(u32, u32, u32, u32)],
) -> anyhow::Result<()> {
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
            let end = last_col.min(row.slots.len().saturating_sub(1));
            for col in first_col..=end {
                if col >= row.slots.len() {
                    break;
                }
                visited += 1;
                if visited > MAX_CELLS {
                    anyhow::bail!(
                        "{file}: на листе «{sheet}» объединённые ячейки покрывают больше {MAX_CELLS} ячеек; такой лист не похож на перечень"
                    );
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
