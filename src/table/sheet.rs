//! The sheets of a workbook: XLSX through calamine after the zip-bomb check (merged ranges
//! marked), XLS and ODS through calamine's other readers (no merged ranges there: an empty cell
//! under a filled one continues it anyway, which is how such sheets are kept).

use super::{Grid, GridRow, Slot, Source};
use crate::survey::xlsx::{ArchiveProblem, MAX_CELLS, cell_text, check_zip, unpacked_message};
use calamine::{Data, Reader};
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
    if extension != "xls" {
        let opened = std::fs::File::open(path)
            .map_err(|error| crate::text::io_problem(file, "книгу", &error))?;
        check_zip(BufReader::new(opened)).map_err(|problem| match problem {
            ArchiveProblem::Unreadable => not_a_workbook(file),
            ArchiveProblem::TooLarge => anyhow::anyhow!(
                "{file}: {}; такая книга не похожа на перечень (возможно, «zip-бомба» или повреждённый файл)",
                unpacked_message()
            ),
        })?;
    }
    let mut workbook = calamine::open_workbook_auto(path).map_err(|_| not_a_workbook(file))?;
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut grids = Vec::new();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|_| not_a_workbook(file))?;
        let merges = merged_ranges(&mut workbook, &name);
        grids.push(grid_of(file, name, &range, &merges)?);
    }
    Ok(grids)
}

/// (first row, first column, last row, last column) of every merged range of a sheet (XLSX
/// only; the others have none to tell).
fn merged_ranges(
    workbook: &mut calamine::Sheets<BufReader<std::fs::File>>,
    sheet: &str,
) -> Vec<(u32, u32, u32, u32)> {
    let calamine::Sheets::Xlsx(xlsx) = workbook else {
        return Vec::new();
    };
    xlsx.merge_cells_by_sheet_name(sheet)
        .unwrap_or_default()
        .iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect()
}

/// A cell of a whole-sheet range as the streaming reader's cell, to word it the same way.
fn data_ref(value: &Data) -> calamine::DataRef<'static> {
    use calamine::DataRef;
    match value {
        Data::Empty => DataRef::Empty,
        Data::String(s) => DataRef::String(s.clone()),
        Data::Float(f) => DataRef::Float(*f),
        Data::Int(i) => DataRef::Int(*i),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
    }
}

fn grid_of(
    file: &str,
    name: String,
    range: &calamine::Range<Data>,
    merges: &[(u32, u32, u32, u32)],
) -> anyhow::Result<Grid> {
    let Some((top, left)) = range.start() else {
        return Ok(Grid {
            source: Source::Sheet(name),
            rows: Vec::new(),
            titles: Vec::new(),
        });
    };
    let (height, width) = range.get_size();
    if height.saturating_mul(width) as u64 > MAX_CELLS || height > MAX_ROWS {
        anyhow::bail!(
            "{file}: на листе «{name}» больше {MAX_CELLS} ячеек; такой лист не похож на перечень"
        );
    }
    // Slots from column A, so that column numbers and letters are the sheet's own.
    let columns = left as usize + width;
    let mut rows: Vec<GridRow> = (0..height)
        .map(|r| GridRow {
            number: top as usize + r + 1,
            slots: vec![Slot::default(); columns],
        })
        .collect();
    for (r, row) in range.rows().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let text = cell_text(&data_ref(value));
            rows[r].slots[left as usize + c].text = text.trim().to_string();
        }
    }
    for &(first_row, first_col, last_row, last_col) in merges {
        for row in first_row..=last_row {
            let Some(r) = (row as usize).checked_sub(top as usize) else {
                continue;
            };
            for col in first_col..=last_col {
                let Some(slot) = rows.get_mut(r).and_then(|g| g.slots.get_mut(col as usize)) else {
                    continue;
                };
                if row > first_row {
                    slot.merged_above = true;
                    slot.text.clear();
                } else if col > first_col {
                    slot.merged_left = true;
                    slot.text.clear();
                }
            }
        }
    }
    Ok(Grid {
        source: Source::Sheet(name),
        rows,
        titles: Vec::new(),
    })
}
