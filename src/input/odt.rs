//! The tables of an OpenDocument file (ГОСТ Р ИСО/МЭК 26300: LibreOffice, МойОфис): a text
//! (`.odt`) or a spreadsheet (`.ods`, the default on Astra Linux desktops). `content.xml` is
//! read as a stream of XML events, each top-level `table:table` a [`Grid`] as the Word and the
//! XLSX readers give it. A cell spanning columns or rows covers the slots the document marks
//! `table:covered-table-cell`: below its first row «merged above», right of its first column
//! «merged left». Hidden text (directly or by a named style, a hidden section), notes, comments
//! and tracked deletions are not read. Of a spreadsheet, a sheet hidden by its table style, a
//! row and a column hidden by hand (`table:visibility="collapse"`) are not read and are said; a
//! row hidden by a filter (`"filter"`) is read and said, as of an XLSX workbook (import.md).

use super::workbook::MAX_CELLS;
use super::{Grid, GridRow, Problem, Slot};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};
use std::path::Path;

/// Columns a text table can have: a declared span or repetition past it is a hostile or
/// broken file (LibreOffice Writer stops at 64 columns too).
const MAX_COLUMNS: u64 = 64;

/// Columns of a sheet (LibreOffice Calc and Excel: 16384).
const MAX_SHEET_COLUMNS: u64 = 16_384;

/// Rows of a sheet LibreOffice can have (16M with large sheets on): a repetition of empty rows
/// up to it is the file's ordinary tail, never allocated.
const MAX_SHEET_ROWS: u64 = 1 << 24;

/// Elements whose content a reader does not see as the document's text: tracked deletions,
/// notes and comments, hidden text and paragraphs, a drawing's alternative text.
const NOT_SHOWN: [&str; 9] = [
    "tracked-changes",
    "note",
    "annotation",
    "hidden-text",
    "hidden-paragraph",
    "desc",
    "title",
    "sequence-decls",
    "forms",
];

/// Every top-level table of the document, with the paragraphs above each as its titles.
pub fn read(path: &Path) -> Result<Vec<Grid>, Problem> {
    read_content(path, false).map(|walk| walk.grids)
}

/// Every visible sheet of an OpenDocument spreadsheet (`.ods`) as a grid, in order, as a
/// person sees it; the first grid's `hidden` names the hidden sheets.
pub fn read_sheets(path: &Path) -> Result<Vec<Grid>, Problem> {
    let mut walk = read_content(path, true)?;
    if let (Some(first), false) = (walk.grids.first_mut(), walk.hidden_sheets.is_empty()) {
        let names: Vec<String> = walk
            .hidden_sheets
            .iter()
            .map(|n| format!("«{n}»"))
            .collect();
        first
            .hidden
            .push(format!("скрытые листы книги: {}", names.join(", ")));
    }
    Ok(walk.grids)
}

/// The first visible sheet of a spreadsheet as records, numbered as the sheet shows its rows:
/// a row not read (empty, hidden by hand) is an empty record, with the notes an XLSX
/// workbook's first sheet has (`super::workbook::first_visible_rows`).
pub fn first_visible_sheet(path: &Path) -> Result<super::workbook::FirstSheet, Problem> {
    let walk = read_content(path, true)?;
    let (Some(grid), Some(sheet)) = (walk.grids.into_iter().next(), walk.sheets.first()) else {
        return Err(Problem::NoVisibleSheet);
    };
    let mut rows = Vec::new();
    for row in grid.rows {
        rows.resize_with(row.number.saturating_sub(1), csv::ByteRecord::new);
        rows.push(row.slots.iter().map(|s| s.text.as_str()).collect());
    }
    let columns: Vec<usize> = sheet.columns_with_text.iter().copied().collect();
    Ok(super::workbook::FirstSheet {
        name: sheet.name.clone(),
        rows,
        hidden_rows: grid.hidden_rows,
        notes: super::workbook::first_sheet_notes(
            &columns,
            super::workbook::folded_note(sheet.filtered, true),
            &walk.hidden_sheets,
        ),
    })
}

/// `content.xml` of an OpenDocument archive, after the zip-bomb check, walked as a text's
/// tables or a spreadsheet's sheets.
fn read_content(path: &Path, sheets: bool) -> Result<Walk, Problem> {
    let broken: fn() -> Problem = if sheets {
        || Problem::NotAnOpenSheet
    } else {
        || Problem::NotAnOpenDocument
    };
    let open = || std::fs::File::open(path).map(BufReader::new);
    super::zip::check(open()?, broken)?;
    let mut archive = zip::ZipArchive::new(open()?).map_err(|_| broken())?;
    let part = archive.by_name("content.xml").map_err(|_| broken())?;
    parse(BufReader::new(part), sheets).map_err(|problem| match problem {
        Problem::NotAnOpenDocument => broken(),
        other => other,
    })
}

/// A cell being read.
#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    columns: usize,
    rows: usize,
    repeated: usize,
    /// A spreadsheet cell's value by its type (a number, a date), preferred to the text it
    /// shows in its format («1 234,50», «1 нояб.»), as the XLSX reader gives it.
    value: Option<String>,
}

/// How a spreadsheet row is shown (`table:visibility`).
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Visibility {
    #[default]
    Visible,
    /// Hidden by hand: not read, said.
    Collapse,
    /// Hidden by a filter: read, said.
    Filter,
}

/// What a spreadsheet's walk keeps beside a text's: the sheet being read and what it hides.
#[derive(Default)]
struct Sheet {
    name: String,
    hidden: bool,
    /// Ranges of columns hidden by hand (0-based, first and last), and the next column a
    /// `table:table-column` declares.
    hidden_columns: Vec<(usize, usize)>,
    next_column: usize,
    /// The number the next row has (1-based): repeated rows count as many as they stand for.
    next_row: usize,
    row_visibility: Visibility,
    /// Rows hidden by hand (not read), and of them those with text.
    hidden_rows: Vec<usize>,
    hidden_with_text: usize,
    /// Rows hidden by a filter, read.
    filtered: usize,
    /// Hidden columns that held text.
    columns_with_text: std::collections::BTreeSet<usize>,
    /// Empty cells read but not yet placed: they take slots only when a filled cell follows,
    /// so that the 1000 empty cells a writer repeats to a row's end cost nothing.
    pending: usize,
}

impl Sheet {
    fn column_hidden(&self, column: usize) -> bool {
        self.hidden_columns
            .iter()
            .any(|&(first, last)| (first..=last).contains(&column))
    }

    /// What the reading of the sheet did not show as read: hidden rows and columns with text,
    /// rows read though a filter hid them.
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.hidden_with_text > 0 {
            notes.push(format!(
                "скрытых строк с текстом: {}",
                self.hidden_with_text
            ));
        }
        if !self.columns_with_text.is_empty() {
            let letters: Vec<String> = self
                .columns_with_text
                .iter()
                .map(|&c| super::workbook::column_letters(c + 1))
                .collect();
            notes.push(format!("скрытые столбцы: {}", letters.join(", ")));
        }
        notes.extend(super::workbook::folded_note(self.filtered, true));
        notes
    }
}

/// A spreadsheet cell's value by its declared type; None for text, and for an error (LibreOffice
/// writes `calcext:value-type="error"` beside a float 0: the shown «#N/A» is what it is).
fn typed_value(element: &BytesStart) -> Option<String> {
    let types: Vec<String> = element
        .attributes()
        .flatten()
        .filter(|a| a.key.local_name().into_inner() == "value-type")
        .map(|a| a.value.to_string())
        .collect();
    if types.iter().any(|t| t == "error") {
        return None;
    }
    match types.first().map(String::as_str) {
        Some("float" | "percentage" | "currency") => attribute(element, "value")
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .map(super::workbook::number_text),
        Some("date") => attribute(element, "date-value").map(|d| {
            let d = d.split('.').next().unwrap_or_default();
            match d.split_once('T') {
                Some((day, "00:00:00")) => day.to_string(),
                Some((day, time)) => format!("{day} {time}"),
                None => d.to_string(),
            }
        }),
        Some("boolean") => attribute(element, "boolean-value").map(|b| {
            if b == "true" {
                "ИСТИНА"
            } else {
                "ЛОЖЬ"
            }
            .to_string()
        }),
        _ => None,
    }
}

/// The state of the walk over the document's events.
#[derive(Default)]
struct Walk {
    grids: Vec<Grid>,
    titles: Vec<String>,
    /// Depth of `table:table` elements; 1 inside a top-level table.
    depth: usize,
    rows: Vec<GridRow>,
    row: Vec<Slot>,
    /// How often the row being read repeats (`table:number-rows-repeated`).
    row_repeated: usize,
    cell: Option<Cell>,
    /// Per column, how many rows below the current one a cell above still covers.
    down: Vec<usize>,
    /// Spans started in the current row: (first column, columns, rows).
    spans: Vec<(usize, usize, usize)>,
    text: super::flow::Paragraphs,
    cells: u64,
    skip: usize,
    /// Automatic styles that hide their text (`text:display="none"`), and the style being
    /// read while the styles are.
    hidden_styles: std::collections::HashSet<String>,
    style: Option<String>,
    /// Section styles that hide a section (`text:display="none"` on a section's properties) are
    /// in `hidden_styles` too; table styles that hide a sheet (`table:display="false"`) here.
    hidden_tables: std::collections::HashSet<String>,
    /// Reading a spreadsheet: the sheet being read; and the hidden sheets met, by name.
    sheet: Option<Sheet>,
    hidden_sheets: Vec<String>,
    /// The visible sheets read, as their grids are (what each hid).
    sheets: Vec<Sheet>,
}

/// An attribute's value by its local name.
fn attribute(element: &BytesStart, key: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == key)
        .map(|a| a.value.to_string())
}

/// A count the document declares (spans, repetitions), refused past [`MAX_COLUMNS`] columns
/// (or, for rows, [`MAX_CELLS`]) before anything is allocated for it.
fn count(element: &BytesStart, key: &str, limit: u64, what: &str) -> Result<usize, Problem> {
    let Some(text) = attribute(element, key) else {
        return Ok(1);
    };
    match text.trim().parse::<u64>() {
        Ok(n) if n <= limit => Ok(n.max(1) as usize),
        _ => Err(Problem::Declared {
            what: format!("в документе объявлено «{}» {what}", text.trim()),
        }),
    }
}

impl Walk {
    /// Whether an element shows nothing: a span, paragraph or section in a style that hides
    /// its text, a section marked hidden (`text:display="none"`, or a condition: LibreOffice
    /// shows a section with `text:condition` only when it is false, unknowable here, so such a
    /// section is read).
    fn hides(&self, element: &BytesStart) -> bool {
        let name = element.local_name().into_inner();
        (matches!(name, "span" | "p" | "h" | "section" | "list")
            && attribute(element, "style-name").is_some_and(|s| self.hidden_styles.contains(&s)))
            || (name == "section" && attribute(element, "display").as_deref() == Some("none"))
    }

    /// How often a cell repeats (`table:number-columns-repeated`), bounded by the columns a
    /// table of this file can have.
    fn cells_repeated(&self, element: &BytesStart) -> Result<usize, Problem> {
        count(
            element,
            "number-columns-repeated",
            self.max_columns(),
            "повторов ячейки (table:number-columns-repeated)",
        )
    }

    /// The most columns a table of this file can have.
    fn max_columns(&self) -> u64 {
        if self.sheet.is_some() {
            MAX_SHEET_COLUMNS
        } else {
            MAX_COLUMNS
        }
    }

    fn start(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        match element.local_name().into_inner() {
            "style" => self.style = attribute(element, "name"),
            "text-properties" | "paragraph-properties" | "section-properties"
                if attribute(element, "display").as_deref() == Some("none") =>
            {
                if let Some(style) = &self.style {
                    self.hidden_styles.insert(style.clone());
                }
            }
            "table-properties" if attribute(element, "display").as_deref() == Some("false") => {
                if let Some(style) = &self.style {
                    self.hidden_tables.insert(style.clone());
                }
            }
            "table" if !empty => self.start_table(element),
            "table-column" if self.depth == 1 => self.column(element)?,
            "table-row" if self.depth == 1 => self.start_row(element, empty)?,
            "table-cell" if self.depth == 1 => self.start_cell(element, empty)?,
            "covered-table-cell" if self.depth == 1 => {
                let repeated = self.cells_repeated(element)?;
                self.place_pending()?;
                if self.row.len() + repeated > self.max_columns() as usize {
                    return Err(Problem::Declared {
                        what: format!("в строке таблицы больше {} столбцов", self.max_columns()),
                    });
                }
                for _ in 0..repeated {
                    self.covered();
                }
            }
            "p" | "h" if !empty => self.text.start(),
            "p" | "h" if empty => self.end_paragraph(),
            "s" if self.text.open() => {
                let spaces = attribute(element, "c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                self.text.current.push_str(&" ".repeat(spaces));
            }
            "tab" if self.text.open() => self.text.current.push(' '),
            "line-break" if self.text.open() => self.text.current.push('\n'),
            _ => {}
        }
        Ok(())
    }

    /// A table begins; a top-level one of a spreadsheet is a sheet, with its name and whether
    /// its style hides it.
    fn start_table(&mut self, element: &BytesStart) {
        self.depth += 1;
        if self.depth != 1 {
            return;
        }
        self.rows.clear();
        self.down.clear();
        if self.sheet.is_some() {
            let hidden =
                attribute(element, "style-name").is_some_and(|s| self.hidden_tables.contains(&s));
            self.sheet = Some(Sheet {
                name: attribute(element, "name").unwrap_or_default(),
                hidden,
                next_row: 1,
                ..Sheet::default()
            });
        }
    }

    /// A row begins: how often it repeats and, of a sheet, whether it is hidden.
    fn start_row(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        self.row.clear();
        self.spans.clear();
        let limit = if self.sheet.is_some() {
            MAX_SHEET_ROWS
        } else {
            MAX_CELLS
        };
        self.row_repeated = count(
            element,
            "number-rows-repeated",
            limit,
            "повторов строки таблицы (table:number-rows-repeated)",
        )?;
        if let Some(sheet) = &mut self.sheet {
            sheet.pending = 0;
            sheet.row_visibility = match attribute(element, "visibility").as_deref() {
                Some("collapse") => Visibility::Collapse,
                Some("filter") => Visibility::Filter,
                _ => Visibility::Visible,
            };
        }
        if empty {
            self.end_row()?;
        }
        Ok(())
    }

    /// A sheet's column declaration: the columns hidden by hand.
    fn column(&mut self, element: &BytesStart) -> Result<(), Problem> {
        let repeated = count(
            element,
            "number-columns-repeated",
            MAX_SHEET_COLUMNS,
            "повторов столбца (table:number-columns-repeated)",
        )?;
        if let Some(sheet) = &mut self.sheet {
            let first = sheet.next_column;
            sheet.next_column = first.saturating_add(repeated);
            if attribute(element, "visibility").is_some_and(|v| v != "visible") {
                sheet.hidden_columns.push((first, first + repeated - 1));
            }
        }
        Ok(())
    }

    /// The empty cells held back take their slots: a filled cell follows them.
    fn place_pending(&mut self) -> Result<(), Problem> {
        let Some(sheet) = &mut self.sheet else {
            return Ok(());
        };
        let pending = std::mem::take(&mut sheet.pending);
        if self.row.len() + pending > MAX_SHEET_COLUMNS as usize {
            return Err(Problem::Declared {
                what: format!("в строке таблицы больше {MAX_SHEET_COLUMNS} столбцов"),
            });
        }
        self.cells += pending as u64;
        if self.cells > MAX_CELLS {
            return Err(Problem::TooManyCells {
                place: "в таблицах документа".to_string(),
            });
        }
        self.row
            .resize_with(self.row.len() + pending, Slot::default);
        Ok(())
    }

    /// A cell begins: its spans and repetitions, bounded before anything is allocated.
    fn start_cell(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        let columns = count(
            element,
            "number-columns-spanned",
            self.max_columns(),
            "столбцов в одной ячейке (table:number-columns-spanned)",
        )?;
        let rows = count(
            element,
            "number-rows-spanned",
            MAX_CELLS,
            "строк в одной ячейке (table:number-rows-spanned)",
        )?;
        let repeated = self.cells_repeated(element)?;
        let value = self.sheet.as_ref().and_then(|_| typed_value(element));
        self.cell = Some(Cell {
            columns,
            rows,
            repeated,
            value,
            ..Cell::default()
        });
        if empty {
            self.end_cell()?;
        }
        Ok(())
    }

    /// A slot covered by a cell above (a row span) or to the left (a column span).
    fn covered(&mut self) {
        let column = self.row.len();
        let above = self.down.get(column).is_some_and(|&d| d > 0);
        self.row.push(Slot {
            text: String::new(),
            merged_above: above,
            merged_left: !above,
        });
    }

    fn end_paragraph(&mut self) {
        if let Some(text) = self.text.end() {
            match &mut self.cell {
                Some(cell) if self.depth >= 1 => cell.paragraphs.push(text),
                _ if self.depth == 0 => self.titles.push(text),
                _ => {}
            }
        }
    }

    fn end(&mut self, name: &str) -> Result<(), Problem> {
        match name {
            "p" | "h" => self.end_paragraph(),
            "table-cell" if self.depth == 1 => self.end_cell()?,
            "table-row" if self.depth == 1 => self.end_row()?,
            "table" => {
                if self.depth == 1 {
                    self.end_table();
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
        Ok(())
    }

    /// A top-level table ends: a text's table, or a sheet (a hidden one only named).
    fn end_table(&mut self) {
        let Some(sheet) = self.sheet.take() else {
            let n = self.grids.len() + 1;
            let grid = super::flow::finished_table(n, &mut self.rows, &mut self.titles);
            self.grids.push(grid);
            return;
        };
        let rows = std::mem::take(&mut self.rows);
        if sheet.hidden {
            self.hidden_sheets.push(sheet.name);
        } else {
            self.grids.push(Grid {
                source: super::Source::Sheet(sheet.name.clone()),
                rows,
                titles: Vec::new(),
                hidden: sheet.notes(),
                hidden_rows: sheet.hidden_rows.clone(),
            });
            self.sheets.push(sheet);
        }
        self.sheet = Some(Sheet::default());
    }

    fn end_cell(&mut self) -> Result<(), Problem> {
        let Some(cell) = self.cell.take() else {
            return Ok(());
        };
        let shown = super::text::as_shown(&cell.paragraphs);
        let text = cell.value.unwrap_or(shown);
        let width = cell.columns * cell.repeated;
        if let Some(sheet) = &mut self.sheet
            && text.is_empty()
            && cell.columns == 1
            && cell.rows == 1
        {
            sheet.pending = sheet.pending.saturating_add(cell.repeated);
            return Ok(());
        }
        self.place_pending()?;
        if self.row.len() + width > self.max_columns() as usize {
            // Trailing empty cells a writer repeats to the page's edge are nothing; text past
            // the columns a table can have is a broken file.
            if text.is_empty() {
                return Ok(());
            }
            return Err(Problem::Declared {
                what: format!("в строке таблицы больше {} столбцов", self.max_columns()),
            });
        }
        self.cells += width as u64;
        if self.cells > MAX_CELLS {
            return Err(Problem::TooManyCells {
                place: "в таблицах документа".to_string(),
            });
        }
        for _ in 0..cell.repeated {
            if cell.rows > 1 {
                self.spans.push((self.row.len(), cell.columns, cell.rows));
            }
            // The columns it spans follow as `table:covered-table-cell`s of their own.
            self.row.push(Slot {
                text: text.clone(),
                ..Slot::default()
            });
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), Problem> {
        let row = std::mem::take(&mut self.row);
        // The covers of the rows above go one row further down; this row's spans begin theirs.
        for d in &mut self.down {
            *d = d.saturating_sub(1);
        }
        for &(first, columns, rows) in &self.spans {
            if self.down.len() < first + columns {
                self.down.resize(first + columns, 0);
            }
            for d in &mut self.down[first..first + columns] {
                *d = rows - 1;
            }
        }
        if self.sheet.is_some() {
            return self.end_sheet_row(row);
        }
        let filled = row.iter().any(|s| !s.text.is_empty() || s.merged_above);
        // Rows a writer repeats are empty ones: one is as good as many. A filled row repeated
        // is written as often as the document says (bounded by the cell count).
        let times = if filled { self.row_repeated } else { 1 };
        self.cells = self
            .cells
            .saturating_add((row.len() * times.saturating_sub(1)) as u64);
        let times = if self.cells > MAX_CELLS { 1 } else { times };
        for _ in 0..times {
            let number = self.rows.len() + 1;
            self.rows.push(GridRow {
                number,
                slots: row.clone(),
            });
        }
        Ok(())
    }

    /// A sheet's row ends: numbered as the sheet shows it (repeated rows count as many), its
    /// hidden columns emptied; hidden by hand it is not read, by a filter it is read, and both
    /// are counted for the notes; an empty row takes no room at all.
    fn end_sheet_row(&mut self, mut row: Vec<Slot>) -> Result<(), Problem> {
        let Some(sheet) = &mut self.sheet else {
            return Ok(());
        };
        let times = self.row_repeated;
        let number = sheet.next_row;
        sheet.next_row = number.saturating_add(times);
        sheet.pending = 0;
        for (c, slot) in row.iter_mut().enumerate() {
            if sheet.column_hidden(c) {
                if !slot.text.is_empty() {
                    sheet.columns_with_text.insert(c);
                }
                *slot = Slot::default();
            }
        }
        let filled = row.iter().any(|s| !s.text.is_empty() || s.merged_above);
        match sheet.row_visibility {
            Visibility::Collapse => {
                if filled {
                    sheet.hidden_with_text += times;
                }
                if filled || times == 1 {
                    sheet
                        .hidden_rows
                        .extend(number..number + times.min(MAX_CELLS as usize));
                }
                return Ok(());
            }
            Visibility::Filter if filled => sheet.filtered += times,
            _ => {}
        }
        if !filled {
            return Ok(());
        }
        self.cells = self
            .cells
            .saturating_add((row.len() * times.saturating_sub(1)) as u64);
        if self.cells > MAX_CELLS {
            return Err(Problem::TooManyCells {
                place: format!("на листе «{}»", sheet.name),
            });
        }
        for k in 0..times {
            self.rows.push(GridRow {
                number: number + k,
                slots: row.clone(),
            });
        }
        Ok(())
    }
}

fn parse(reader: impl Read, sheets: bool) -> Result<Walk, Problem> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buffer = Vec::new();
    let mut walk = Walk {
        sheet: sheets.then(Sheet::default),
        ..Walk::default()
    };
    loop {
        match xml
            .read_event_into(&mut buffer)
            .map_err(|_| Problem::NotAnOpenDocument)?
        {
            Event::Start(element) => {
                let name = element.local_name().into_inner();
                if walk.skip > 0 {
                    walk.skip += 1;
                } else if NOT_SHOWN.contains(&name) || walk.hides(&element) {
                    walk.skip = 1;
                } else {
                    walk.start(&element, false)?;
                }
            }
            Event::Empty(element) if walk.skip == 0 => walk.start(&element, true)?,
            Event::End(element) => {
                if walk.skip > 0 {
                    walk.skip -= 1;
                } else {
                    walk.end(element.local_name().into_inner())?;
                }
            }
            Event::Text(text) if walk.skip == 0 && walk.text.open() => {
                // Whitespace in a paragraph is collapsed (ODF 1.2, 6.1.2); `text:s` gives more.
                let content = text.xml10_content();
                let mut last_space = walk.text.current.ends_with(' ');
                for ch in content.chars() {
                    if ch.is_whitespace() {
                        if !last_space {
                            walk.text.current.push(' ');
                        }
                        last_space = true;
                    } else {
                        walk.text.current.push(ch);
                        last_space = false;
                    }
                }
            }
            Event::GeneralRef(reference) if walk.skip == 0 && walk.text.open() => {
                super::zip::push_reference(&mut walk.text.current, &reference);
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    Ok(walk)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grids(body: &str) -> Vec<Grid> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        parse(xml.as_bytes(), false).unwrap().grids
    }

    #[test]
    fn spans_cover_their_slots_and_hidden_text_is_not_read() {
        let grid = &grids(
            "<text:p>Перечень</text:p><table:table><table:table-row>\
             <table:table-cell table:number-rows-spanned=\"2\"><text:p>Бухгалтерский учет</text:p></table:table-cell>\
             <table:table-cell table:number-columns-spanned=\"2\"><text:p>Телефонная<text:s text:c=\"1\"/>связь<text:hidden-text text:string-value=\"x\">старый номер</text:hidden-text></text:p></table:table-cell>\
             <table:covered-table-cell/></table:table-row><table:table-row>\
             <table:covered-table-cell/><table:table-cell><text:p>a<text:line-break/>b</text:p></table:table-cell>\
             <table:table-cell><text:p>c<text:note><text:note-body><text:p>сноска</text:p></text:note-body></text:note></text:p></table:table-cell>\
             </table:table-row></table:table>",
        )[0];
        assert_eq!(grid.titles, vec!["Перечень".to_string()]);
        let texts: Vec<Vec<&str>> = grid
            .rows
            .iter()
            .map(|r| r.slots.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["Бухгалтерский учет", "Телефонная связь", ""],
                vec!["", "a\nb", "c"]
            ]
        );
        assert!(grid.rows[0].slots[2].merged_left);
        assert!(grid.rows[1].slots[0].merged_above && !grid.rows[1].slots[0].merged_left);
    }

    #[test]
    fn text_in_a_hidden_style_is_not_read_and_a_non_breaking_hyphen_is_a_hyphen() {
        let xml = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:style="s" xmlns:table="t" xmlns:text="x"><office:automatic-styles><style:style style:name="T2" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles><office:body><office:text><table:table><table:table-row><table:table-cell><text:p>Интернет‑приёмная<text:span text:style-name="T2"> (не публиковать)</text:span></text:p></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#;
        let grids = parse(xml.as_bytes(), false).unwrap().grids;
        assert_eq!(grids[0].rows[0].slots[0].text, "Интернет-приёмная");
    }

    #[test]
    fn declared_sizes_past_a_table_are_refused_before_allocation() {
        let xml = "<table:table><table:table-row><table:table-cell table:number-columns-spanned=\"4000000000\"/></table:table-row></table:table>";
        let wrapped = format!(
            r#"<office:document-content xmlns:table="t" xmlns:text="x"><office:body><office:text>{xml}</office:text></office:body></office:document-content>"#
        );
        assert!(matches!(
            parse(wrapped.as_bytes(), false).map(|w| w.grids),
            Err(Problem::Declared { .. })
        ));
    }

    fn sheets(body: &str) -> Walk {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:style="s" xmlns:table="t" xmlns:text="x" xmlns:calcext="c"><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
        );
        parse(xml.as_bytes(), true).unwrap()
    }

    fn texts(grid: &Grid) -> Vec<(usize, Vec<&str>)> {
        grid.rows
            .iter()
            .map(|r| (r.number, r.slots.iter().map(|s| s.text.as_str()).collect()))
            .collect()
    }

    #[test]
    fn a_sheet_is_read_as_calc_shows_it_numbered_typed_and_with_what_it_hides() {
        let walk = sheets(
            r#"<table:table table:name="Ответы" table:style-name="ta1">
            <table:table-column table:number-columns-repeated="1"/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="1022"/>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Дата</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Секрет</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Балл</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1021"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="date" office:date-value="2025-03-10T00:00:00"><text:p>10.03.25</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="4.5" calcext:value-type="float"><text:p>4,50</text:p></table:table-cell></table:table-row>
            <table:table-row table:visibility="collapse"><table:table-cell office:value-type="string"><text:p>скрыто</text:p></table:table-cell></table:table-row>
            <table:table-row table:visibility="filter"><table:table-cell office:value-type="date" office:date-value="2025-03-11T09:30:00"><text:p>11.03</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:formula="of:=NA()" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            </table:table>
            <table:table table:name="Служебный" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell></table:table-row></table:table>"#,
        );
        assert_eq!(walk.grids.len(), 1);
        assert_eq!(walk.hidden_sheets, vec!["Служебный".to_string()]);
        let grid = &walk.grids[0];
        assert_eq!(grid.source, super::super::Source::Sheet("Ответы".into()));
        assert_eq!(
            texts(grid),
            vec![
                (1, vec!["Дата", "", "Балл"]),
                (4, vec!["2025-03-10", "", "4.5"]),
                (6, vec!["2025-03-11 09:30:00", "", "", "#N/A"]),
            ]
        );
        assert_eq!(grid.hidden_rows, vec![5]);
        let notes = grid.hidden.join("; ");
        assert!(notes.contains("скрытых строк с текстом: 1"), "{notes}");
        assert!(notes.contains("скрытые столбцы: B"), "{notes}");
        assert!(
            notes.contains("включён отбор: 1 скрытых фильтром"),
            "{notes}"
        );
    }

    #[test]
    fn a_sheet_that_declares_more_than_a_sheet_has_is_refused() {
        let xml = r#"<office:document-content xmlns:table="t" xmlns:office="o"><office:body><office:spreadsheet><table:table table:name="a"><table:table-row><table:table-cell table:number-columns-repeated="99999999"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
        assert!(matches!(
            parse(xml.as_bytes(), true).map(|w| w.grids),
            Err(Problem::Declared { .. })
        ));
        // A filled row repeated past the cells a sheet may have is refused, not cut silently.
        let xml = r#"<office:document-content xmlns:table="t" xmlns:office="o" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="a"><table:table-row table:number-rows-repeated="9000000"><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
        assert!(matches!(
            parse(xml.as_bytes(), true).map(|w| w.grids),
            Err(Problem::TooManyCells { .. })
        ));
    }

    #[test]
    fn a_hidden_section_and_a_paragraph_in_a_hidden_style_are_not_read() {
        let xml = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:style="s" xmlns:table="t" xmlns:text="x"><office:automatic-styles><style:style style:name="P9" style:family="paragraph"><style:text-properties text:display="none"/></style:style><style:style style:name="Sect1" style:family="section"><style:section-properties text:display="none"/></style:style></office:automatic-styles><office:body><office:text>
        <text:section text:name="old" text:display="none"><table:table><table:table-row><table:table-cell><text:p>старая редакция</text:p></table:table-cell></table:table-row></table:table></text:section>
        <text:section text:name="old2" text:style-name="Sect1"><table:table><table:table-row><table:table-cell><text:p>ещё одна</text:p></table:table-cell></table:table-row></table:table></text:section>
        <table:table><table:table-row><table:table-cell><text:p>Телефон</text:p><text:p text:style-name="P9">не публиковать</text:p></table:table-cell></table:table-row></table:table>
        </office:text></office:body></office:document-content>"#;
        let grids = parse(xml.as_bytes(), false).unwrap().grids;
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].rows[0].slots[0].text, "Телефон");
    }
}
