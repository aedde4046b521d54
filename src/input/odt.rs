//! The tables of an OpenDocument text (`.odt`, ГОСТ Р ИСО/МЭК 26300: LibreOffice, МойОфис):
//! `content.xml` read as a stream of XML events, each top-level `table:table` a [`Grid`] as
//! the Word reader gives it. A cell spanning columns or rows covers the slots the document
//! marks `table:covered-table-cell`: below its first row «merged above», right of its first
//! column «merged left». Hidden text, notes, comments and tracked deletions are not read.

use super::workbook::MAX_CELLS;
use super::{Grid, GridRow, Problem, Slot};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};
use std::path::Path;

/// Columns a text table can have: a declared span or repetition past it is a hostile or
/// broken file (LibreOffice Writer stops at 64 columns too).
const MAX_COLUMNS: u64 = 64;

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
    let open = || std::fs::File::open(path).map(BufReader::new);
    super::zip::check(open()?, || Problem::NotAnOpenDocument)?;
    let mut archive = zip::ZipArchive::new(open()?).map_err(|_| Problem::NotAnOpenDocument)?;
    let part = archive
        .by_name("content.xml")
        .map_err(|_| Problem::NotAnOpenDocument)?;
    parse(BufReader::new(part))
}

/// A cell being read.
#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    columns: usize,
    rows: usize,
    repeated: usize,
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
    /// Whether an element shows nothing: a span or paragraph in a style that hides its text.
    fn hides(&self, element: &BytesStart) -> bool {
        matches!(element.local_name().into_inner(), "span" | "p" | "h")
            && attribute(element, "style-name").is_some_and(|s| self.hidden_styles.contains(&s))
    }

    fn start(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        match element.local_name().into_inner() {
            "style" => self.style = attribute(element, "name"),
            "text-properties" if attribute(element, "display").as_deref() == Some("none") => {
                if let Some(style) = &self.style {
                    self.hidden_styles.insert(style.clone());
                }
            }
            "table" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.rows.clear();
                    self.down.clear();
                }
            }
            "table-row" if self.depth == 1 => {
                self.row.clear();
                self.spans.clear();
                self.row_repeated = count(
                    element,
                    "number-rows-repeated",
                    MAX_CELLS,
                    "повторов строки таблицы (table:number-rows-repeated)",
                )?;
                if empty {
                    self.end_row();
                }
            }
            "table-cell" if self.depth == 1 => self.start_cell(element, empty)?,
            "covered-table-cell" if self.depth == 1 => {
                let repeated = count(
                    element,
                    "number-columns-repeated",
                    MAX_COLUMNS,
                    "повторов ячейки (table:number-columns-repeated)",
                )?;
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

    /// A cell begins: its spans and repetitions, bounded before anything is allocated.
    fn start_cell(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        let columns = count(
            element,
            "number-columns-spanned",
            MAX_COLUMNS,
            "столбцов в одной ячейке (table:number-columns-spanned)",
        )?;
        let rows = count(
            element,
            "number-rows-spanned",
            MAX_CELLS,
            "строк в одной ячейке (table:number-rows-spanned)",
        )?;
        let repeated = count(
            element,
            "number-columns-repeated",
            MAX_COLUMNS,
            "повторов ячейки (table:number-columns-repeated)",
        )?;
        self.cell = Some(Cell {
            columns,
            rows,
            repeated,
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
            "table-row" if self.depth == 1 => self.end_row(),
            "table" => {
                if self.depth == 1 {
                    let n = self.grids.len() + 1;
                    let grid = super::flow::finished_table(n, &mut self.rows, &mut self.titles);
                    self.grids.push(grid);
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self) -> Result<(), Problem> {
        let Some(cell) = self.cell.take() else {
            return Ok(());
        };
        let text = super::text::as_shown(&cell.paragraphs);
        let width = cell.columns * cell.repeated;
        if self.row.len() + width > MAX_COLUMNS as usize {
            // Trailing empty cells a writer repeats to the page's edge are nothing; text past
            // the columns a table can have is a broken file.
            if text.is_empty() {
                return Ok(());
            }
            return Err(Problem::Declared {
                what: format!("в строке таблицы больше {MAX_COLUMNS} столбцов"),
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

    fn end_row(&mut self) {
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
    }
}

fn parse(reader: impl Read) -> Result<Vec<Grid>, Problem> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buffer = Vec::new();
    let mut walk = Walk::default();
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
    Ok(walk.grids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grids(body: &str) -> Vec<Grid> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        parse(xml.as_bytes()).unwrap()
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
        let grids = parse(xml.as_bytes()).unwrap();
        assert_eq!(grids[0].rows[0].slots[0].text, "Интернет-приёмная");
    }

    #[test]
    fn declared_sizes_past_a_table_are_refused_before_allocation() {
        let xml = "<table:table><table:table-row><table:table-cell table:number-columns-spanned=\"4000000000\"/></table:table-row></table:table>";
        let wrapped = format!(
            r#"<office:document-content xmlns:table="t" xmlns:text="x"><office:body><office:text>{xml}</office:text></office:body></office:document-content>"#
        );
        assert!(matches!(
            parse(wrapped.as_bytes()),
            Err(Problem::Declared { .. })
        ));
    }
}
