//! Tables as people keep them: a Word document's tables, a spreadsheet's sheets, a CSV file.
//! Each reader yields the same [`Grid`]: rows of slots in the table's own grid, with merged
//! cells marked as such, so that one reader serves the registry's import and the journal.

use crate::input::kind::{Kind, sniff};
use crate::input::records::{Export, ReadOptions};
use crate::input::{Words, docx, odt, workbook};
use std::path::Path;

/// One slot of a table's grid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slot {
    /// The cell's text: paragraphs joined by line breaks, trimmed. Empty in a covered slot.
    pub text: String,
    /// Covered by a cell merged down from a row above (Word `vMerge`, an Excel merged range).
    pub merged_above: bool,
    /// Covered by a cell merged across from a slot to the left (`gridSpan`, a merged range).
    pub merged_left: bool,
}

/// One row of a table with the number the document shows for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridRow {
    /// Word: the row of the table (1 = its first row); sheets and CSV: the row number.
    pub number: usize,
    pub slots: Vec<Slot>,
}

/// Which table of the file a grid is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The N-th table of a Word document (1-based).
    WordTable(usize),
    /// A sheet of a workbook, by name.
    Sheet(String),
    /// A CSV file (one table).
    Csv,
}

/// A table read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub source: Source,
    pub rows: Vec<GridRow>,
    /// Paragraphs above a Word table (title lines: the caption «Приложение к приказу …»).
    pub titles: Vec<String>,
    /// What the file holds here that a person does not see and was not read («скрытые
    /// столбцы: C»), for the note that says so.
    pub hidden: Vec<String>,
    /// The rows hidden by hand and not read (their numbers), for the ledger.
    pub hidden_rows: Vec<usize>,
}

impl Grid {
    /// How the table is named in messages: «таблица 1», «лист «Перечень»», «таблица».
    pub fn name(&self) -> String {
        match &self.source {
            Source::WordTable(n) => format!("таблица {n}"),
            Source::Sheet(name) => format!("лист «{name}»"),
            Source::Csv => "таблица".to_string(),
        }
    }

    /// Where a cell is, as the user finds it: `таблица 1, строка 7, графа «Точка»` in Word,
    /// `Лист1!D7 (графа «Точка»)` in a workbook.
    pub fn cell_label(&self, row: usize, column: usize, heading: &str) -> String {
        match &self.source {
            Source::Sheet(name) => {
                // As Excel writes a reference to a sheet whose name has spaces or punctuation.
                let sheet = if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    name.clone()
                } else {
                    format!("'{}'", name.replace('\'', "''"))
                };
                format!(
                    "{sheet}!{}{row} (графа «{heading}»)",
                    workbook::column_letters(column)
                )
            }
            Source::WordTable(n) => format!("таблица {n}, строка {row}, графа «{heading}»"),
            Source::Csv => format!("строка {row}, графа «{heading}»"),
        }
    }
}

/// Every table of a file, in order: Word tables, workbook sheets (visible ones), or the CSV;
/// its problems worded with the domain's `words`.
pub fn read_all(path: &Path, file: &str, words: &'static Words) -> anyhow::Result<Vec<Grid>> {
    sniff(path).map_err(|problem| problem.explain(file, words))?;
    let grids = match Kind::of(path) {
        Some(Kind::Word) => docx::read(path),
        Some(Kind::OpenText) => odt::read(path),
        Some(Kind::OpenSheet) => odt::read_sheets(path),
        Some(Kind::Workbook) => workbook::read(path),
        Some(Kind::Csv) | None => return read_csv(path, file, words),
    };
    grids.map_err(|problem| problem.explain(file, words))
}

/// A CSV table, read as survey exports are (encoding, delimiter and BOM detected).
fn read_csv(path: &Path, file: &str, words: &'static Words) -> anyhow::Result<Vec<Grid>> {
    let mut rows = Vec::new();
    for row in CsvRows::open(path, words)? {
        if rows.len() >= workbook::MAX_ROWS {
            return Err(crate::input::Problem::TooManyRows.explain(file, words));
        }
        rows.push(row?);
    }
    Ok(vec![Grid {
        source: Source::Csv,
        rows,
        titles: Vec::new(),
        hidden: Vec::new(),
        hidden_rows: Vec::new(),
    }])
}

/// The rows of a CSV file one at a time (the header is row 1), so that a journal of a million
/// rows is never held whole.
pub struct CsvRows {
    export: Export,
    record: csv::ByteRecord,
    header: Option<GridRow>,
    number: usize,
    /// Rows with a cell that was not text in the file's encoding (found past the sample the
    /// encoding was told from), read as Windows-1251 instead.
    recoded: Vec<usize>,
}

impl CsvRows {
    pub fn open(path: &Path, words: &'static Words) -> anyhow::Result<CsvRows> {
        let options = ReadOptions {
            count_lines: true,
            first_line_as_header: true,
            ..ReadOptions::default()
        };
        let export = Export::open(path, options, words)?;
        let first = usize::try_from(export.header_line).unwrap_or(1);
        let header = GridRow {
            number: first,
            slots: export.headers.iter().map(|h| slot(h.clone())).collect(),
        };
        Ok(CsvRows {
            export,
            record: csv::ByteRecord::new(),
            header: Some(header),
            number: first,
            recoded: Vec::new(),
        })
    }
}

impl CsvRows {
    /// The rows whose cells were not in the file's encoding and were read as Windows-1251.
    pub fn recoded(&self) -> &[usize] {
        &self.recoded
    }
}

impl Iterator for CsvRows {
    type Item = anyhow::Result<GridRow>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(header) = self.header.take() {
            return Some(Ok(header));
        }
        match self.export.next_record(&mut self.record) {
            Ok(true) => {
                // A spreadsheet shows a row per record and a row per blank line: the csv reader
                // skips blank lines, so a CSV's rows are numbered by the lines they begin on.
                self.number = match self.export.record_line(&self.record) {
                    Some(line) => usize::try_from(line).unwrap_or(usize::MAX),
                    None => self.number + 1,
                };
                let encoding = self.export.encoding;
                let mut recoded = false;
                let slots = self
                    .record
                    .iter()
                    .map(|field| {
                        let text = encoding.decode(field).unwrap_or_else(|| {
                            // Never silently empty: a cell in another encoding past the first
                            // 64 KB is read as Windows-1251 and the row is named.
                            recoded = true;
                            crate::input::text::Encoding::Cp1251
                                .decode(field)
                                .unwrap_or_else(|| String::from_utf8_lossy(field))
                        });
                        slot(text.trim().to_string())
                    })
                    .collect();
                if recoded {
                    self.recoded.push(self.number);
                }
                Some(Ok(GridRow {
                    number: self.number,
                    slots,
                }))
            }
            Ok(false) => None,
            Err(error) => Some(Err(error)),
        }
    }
}

fn slot(text: String) -> Slot {
    Slot {
        text,
        ..Slot::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_name_with_spaces_is_quoted_as_excel_writes_it() {
        let grid = Grid {
            source: Source::Sheet("Перечень 2025".into()),
            rows: Vec::new(),
            titles: Vec::new(),
            hidden: Vec::new(),
            hidden_rows: Vec::new(),
        };
        assert_eq!(
            grid.cell_label(6, 6, "Точка"),
            "'Перечень 2025'!F6 (графа «Точка»)"
        );
        let plain = Grid {
            source: Source::Sheet("Лист1".into()),
            ..grid
        };
        assert_eq!(plain.cell_label(7, 4, "Точка"), "Лист1!D7 (графа «Точка»)");
    }

    #[test]
    fn columns_are_lettered_as_in_excel() {
        assert_eq!(workbook::column_letters(1), "A");
        assert_eq!(workbook::column_letters(4), "D");
        assert_eq!(workbook::column_letters(26), "Z");
        assert_eq!(workbook::column_letters(27), "AA");
        assert_eq!(workbook::column_letters(703), "AAA");
    }

    #[test]
    fn kinds_are_told_by_extension() {
        assert_eq!(Kind::of(Path::new("a/Перечень.DOCX")), Some(Kind::Word));
        assert_eq!(Kind::of(Path::new("p.ods")), Some(Kind::OpenSheet));
        assert_eq!(Kind::of(Path::new("p.xls")), Some(Kind::Workbook));
        assert_eq!(Kind::of(Path::new("p.yaml")), None);
    }
}
