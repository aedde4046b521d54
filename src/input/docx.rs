//! The tables of a Word document (`.docx`): `word/document.xml` read as a stream of XML events
//! (quick-xml), each top-level `w:tbl` a [`Grid`]. A cell spanning columns (`w:gridSpan`) covers
//! the slots to its right; a cell continuing a vertical merge (`w:vMerge` without
//! `restart`) is marked as merged from above. Tables nested in a cell give their text to it.
//! Text hidden directly (`w:vanish`) or by a character or paragraph style that hides it (in
//! `word/styles.xml`, through the styles it is based on) is not read.

use super::workbook::MAX_CELLS;
use super::{Grid, GridRow, Problem, Slot};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};
use std::path::Path;

/// Columns a Word table can have (Word itself stops at 63): a declared span or `gridBefore`
/// past it is a hostile or broken file, and never allocates more.
const MAX_SPAN: usize = 64;

/// Every top-level table of the document, with the paragraphs above each as its titles.
pub fn read(path: &Path) -> Result<Vec<Grid>, Problem> {
    let open = || std::fs::File::open(path).map(BufReader::new);
    super::zip::check(open()?, || Problem::NotADocument)?;
    let mut archive = zip::ZipArchive::new(open()?).map_err(|_| Problem::NotADocument)?;
    let name = main_part(&mut archive);
    let hidden = hidden_styles(&mut archive);
    let part = archive.by_name(&name).map_err(|_| Problem::NotADocument)?;
    parse(BufReader::new(part), hidden)
}

/// The styles that hide their text (`w:vanish` in the style's run properties, or inherited
/// through `w:basedOn` from one that does, unless the style turns it off again).
fn hidden_styles<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> std::collections::HashSet<String> {
    use std::collections::HashMap;
    let mut current: Option<String> = None;
    let mut based: HashMap<String, String> = HashMap::new();
    let mut vanish: HashMap<String, bool> = HashMap::new();
    super::zip::each_element(archive, "word/styles.xml", |name, attribute| match name {
        "style" => current = attribute("styleId"),
        "basedOn" => {
            if let (Some(id), Some(parent)) = (&current, attribute("val")) {
                based.insert(id.clone(), parent);
            }
        }
        "vanish" => {
            if let Some(id) = &current {
                let on = !matches!(attribute("val").as_deref(), Some("0" | "false" | "off"));
                vanish.insert(id.clone(), on);
            }
        }
        _ => {}
    });
    let hides = |id: &str| {
        let mut id = id.to_string();
        // A chain of styles is short; a loop in a broken file ends here.
        for _ in 0..32 {
            if let Some(&on) = vanish.get(&id) {
                return on;
            }
            match based.get(&id) {
                Some(parent) => id = parent.clone(),
                None => return false,
            }
        }
        false
    };
    based
        .keys()
        .chain(vanish.keys())
        .filter(|id| hides(id))
        .cloned()
        .collect()
}

/// The part holding the document's text: the one the package's `_rels/.rels` names as the
/// office document (a document system may call it anything), else `word/document.xml`.
fn main_part<R: Read + std::io::Seek>(archive: &mut zip::ZipArchive<R>) -> String {
    let mut main = None;
    super::zip::each_element(archive, "_rels/.rels", |name, attribute| {
        let is_main = attribute("Type").is_some_and(|t| t.ends_with("/officeDocument"));
        if name == "Relationship" && is_main && main.is_none() {
            main = attribute("Target").map(|t| t.trim_start_matches('/').to_string());
        }
    });
    main.unwrap_or_else(|| "word/document.xml".to_string())
}

fn too_many_cells() -> Problem {
    Problem::TooManyCells {
        place: "в таблицах документа".to_string(),
    }
}

/// A cell being read.
#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    span: usize,
    /// Some(true) restarts a vertical merge, Some(false) continues one.
    vmerge: Option<bool>,
}

/// The state of the walk over the document's events.
#[derive(Default)]
struct Walk {
    grids: Vec<Grid>,
    /// Paragraphs of the body since the last table (titles of the next one).
    titles: Vec<String>,
    /// Depth of `w:tbl` elements; 1 inside a top-level table.
    depth: usize,
    rows: Vec<GridRow>,
    row: Vec<Slot>,
    cell: Option<Cell>,
    text: super::flow::Paragraphs,
    cells: u64,
    /// Depth inside an element whose content a person does not see (0: not inside one).
    skip: usize,
    /// Inside a run, its properties, and whether the run is hidden (`w:vanish`).
    in_run: bool,
    in_run_properties: bool,
    run_hidden: bool,
    /// The styles that hide their text, and whether the paragraph being read is in one.
    hidden_styles: std::collections::HashSet<String>,
    paragraph_hidden: bool,
    /// Inside a row's properties, and whether they mark the row deleted (`w:trPr/w:del`).
    in_row_properties: bool,
    row_deleted: bool,
    /// Per open content control, whether it shows its placeholder (`w:showingPlcHdr`).
    placeholders: Vec<bool>,
}

/// Elements whose whole content Word does not show as the document's text: deleted and
/// moved-away revisions, the old properties tracked changes keep, the fallback copy of a
/// drawing or text box, field codes.
const NOT_SHOWN: [&str; 14] = [
    "del",
    "moveFrom",
    "delText",
    "tcPrChange",
    "trPrChange",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "tblGridChange",
    "numberingChange",
    "Fallback",
    "instrText",
];

/// Whether a property element is on (`<w:vanish/>`, `w:val="true"`), not off (`w:val="0"`).
fn is_on(element: &BytesStart) -> bool {
    !matches!(value(element).as_deref(), Some("0" | "false" | "off"))
}

impl Walk {
    fn start(&mut self, element: &BytesStart, empty: bool) -> Result<(), Problem> {
        match element.local_name().into_inner() {
            "tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.rows.clear();
                }
            }
            "tr" if self.depth == 1 => self.row.clear(),
            "gridBefore" if self.depth == 1 => {
                let before =
                    declared(element, "пустых ячеек перед строкой таблицы (w:gridBefore)")?;
                self.cells += before as u64;
                for _ in 0..before {
                    self.row.push(Slot::default());
                }
            }
            "tc" if self.depth == 1 => self.cell = Some(Cell::default()),
            "gridSpan" if self.depth == 1 => {
                let span = declared(element, "столбцов в одной ячейке таблицы (w:gridSpan)")?;
                if let Some(cell) = &mut self.cell {
                    cell.span = span.max(1);
                }
            }
            "vMerge" if self.depth == 1 => {
                if let Some(cell) = &mut self.cell {
                    cell.vmerge = Some(value(element).as_deref() == Some("restart"));
                }
            }
            "p" if !empty => {
                self.text.start();
                self.paragraph_hidden = false;
            }
            "pStyle" if !self.in_run => {
                self.paragraph_hidden =
                    value(element).is_some_and(|v| self.hidden_styles.contains(&v));
            }
            "r" if !empty => {
                self.in_run = true;
                self.run_hidden = self.paragraph_hidden;
            }
            "rStyle"
                if self.in_run_properties
                    && value(element).is_some_and(|v| self.hidden_styles.contains(&v)) =>
            {
                self.run_hidden = true;
            }
            "rPr" if !empty && self.in_run => self.in_run_properties = true,
            "vanish" | "specVanish" if self.in_run_properties => self.run_hidden = is_on(element),
            "trPr" if !empty => self.in_row_properties = true,
            "del" if empty && self.in_row_properties => self.row_deleted = true,
            "sdt" if !empty => self.placeholders.push(false),
            "showingPlcHdr" => {
                if let Some(last) = self.placeholders.last_mut() {
                    *last = is_on(element);
                }
            }
            "noBreakHyphen" => self.text.current.push('-'),
            // A fragment kept as a document of its own (HTML, RTF, another .docx) that Word
            // shows in place: its tables are not in this part, so nothing here is the whole.
            "altChunk" => return Err(Problem::ExternalChunk),
            "tab" => self.text.current.push(' '),
            "br" | "cr" => self.text.current.push('\n'),
            _ => {}
        }
        Ok(())
    }

    /// Whether text read now is text a person sees.
    fn shown(&self) -> bool {
        !self.run_hidden && !self.placeholders.contains(&true)
    }

    fn end(&mut self, name: &str) -> Result<(), Problem> {
        match name {
            "r" => {
                self.in_run = false;
                self.run_hidden = false;
            }
            "rPr" => self.in_run_properties = false,
            "trPr" => self.in_row_properties = false,
            "sdt" => {
                self.placeholders.pop();
            }
            "p" => {
                if let Some(text) = self.text.end() {
                    match &mut self.cell {
                        Some(cell) if self.depth >= 1 => cell.paragraphs.push(text),
                        _ if self.depth == 0 => self.titles.push(text),
                        _ => {}
                    }
                }
            }
            "tc" if self.depth == 1 => self.end_cell()?,
            "tr" if self.depth == 1 && std::mem::take(&mut self.row_deleted) => {
                // A deleted row (tracked changes): not in the document a person accepts.
                self.row.clear();
            }
            "tr" if self.depth == 1 => {
                let number = self.rows.len() + 1;
                self.rows.push(GridRow {
                    number,
                    slots: std::mem::take(&mut self.row),
                });
            }
            "tbl" => {
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
        let span = cell.span.max(1);
        self.cells += span as u64;
        if self.cells > MAX_CELLS {
            return Err(too_many_cells());
        }
        let merged_above = cell.vmerge == Some(false);
        self.row.push(Slot {
            text: if merged_above { String::new() } else { text },
            merged_above,
            merged_left: false,
        });
        for _ in 1..span {
            self.row.push(Slot {
                text: String::new(),
                merged_above,
                merged_left: true,
            });
        }
        Ok(())
    }
}

/// A count the document declares (`w:gridBefore`, `w:gridSpan`), refused past [`MAX_SPAN`]
/// before anything is allocated for it.
fn declared(element: &BytesStart, what: &str) -> Result<usize, Problem> {
    let Some(text) = value(element) else {
        return Ok(0);
    };
    match text.trim().parse::<u64>() {
        Ok(count) if count <= MAX_SPAN as u64 => Ok(count as usize),
        _ => Err(Problem::Declared {
            what: format!(
                "в документе объявлено «{}» {what}, а в таблице Word не больше 63 столбцов",
                text.trim()
            ),
        }),
    }
}

/// The `w:val` attribute of an element.
fn value(element: &BytesStart) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == "val")
        .map(|a| a.value.to_string())
}

fn parse(
    reader: impl Read,
    hidden_styles: std::collections::HashSet<String>,
) -> Result<Vec<Grid>, Problem> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buffer = Vec::new();
    let mut walk = Walk {
        hidden_styles,
        ..Walk::default()
    };
    // Text counts only inside `w:t` (runs' text), not in field codes or properties.
    let mut in_text = false;
    // Whether the part is a document at all: a `w:body` (a theme or another package named
    // .docx has none, and «no table» would send the user looking for one).
    let mut body = false;
    loop {
        match xml
            .read_event_into(&mut buffer)
            .map_err(|_| Problem::NotADocument)?
        {
            Event::Start(element) => {
                let name = element.local_name().into_inner();
                body |= name == "body";
                if walk.skip > 0 {
                    walk.skip += 1;
                } else if NOT_SHOWN.contains(&name) {
                    walk.skip = 1;
                } else {
                    in_text = name == "t";
                    walk.start(&element, false)?;
                }
            }
            Event::Empty(element) if walk.skip == 0 => {
                body |= element.local_name().into_inner() == "body";
                walk.start(&element, true)?;
            }
            Event::End(element) => {
                if walk.skip > 0 {
                    walk.skip -= 1;
                } else {
                    if element.local_name().into_inner() == "t" {
                        in_text = false;
                    }
                    walk.end(element.local_name().into_inner())?;
                }
            }
            Event::Text(text) if in_text && walk.skip == 0 && walk.shown() => {
                walk.text.current.push_str(&text.xml10_content())
            }
            Event::GeneralRef(reference) if in_text && walk.skip == 0 && walk.shown() => {
                super::zip::push_reference(&mut walk.text.current, &reference);
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    if !body {
        return Err(Problem::OtherFormat {
            what: "пакет Office без текста документа Word (тема оформления, шаблон или другая часть Office)",
            save: "откройте документ в Word или LibreOffice и сохраните как «Документ Word (.docx)»",
        });
    }
    Ok(walk.grids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Перечень</w:t></w:r></w:p>{tables}</w:body></w:document>"#
        )
    }

    fn cell(text: &str, properties: &str) -> String {
        format!("<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn merges_spans_and_titles_are_read() {
        let xml = body(&format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            cell("Процесс", r#"<w:vMerge w:val="restart"/>"#),
            cell("Точка &amp; канал", ""),
            cell("", "<w:vMerge/>"),
            cell("Почта", ""),
            cell("Раздел", r#"<w:gridSpan w:val="2"/>"#),
        ));
        let grids = parse(xml.as_bytes(), Default::default()).unwrap();
        assert_eq!(grids.len(), 1);
        let grid = &grids[0];
        assert_eq!(grid.titles, vec!["Перечень".to_string()]);
        assert_eq!(grid.rows[0].slots[1].text, "Точка & канал");
        assert!(grid.rows[1].slots[0].merged_above);
        assert_eq!(grid.rows[1].slots[1].text, "Почта");
        assert_eq!(grid.rows[2].slots.len(), 2);
        assert!(grid.rows[2].slots[1].merged_left);
        assert_eq!(grid.rows[2].number, 3);
    }

    #[test]
    fn paragraphs_of_a_cell_are_lines_and_nested_tables_give_their_text() {
        let xml = body(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Первая</w:t></w:r></w:p><w:p><w:r><w:t>Вторая</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Вложенная</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        );
        let grids = parse(xml.as_bytes(), Default::default()).unwrap();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].rows[0].slots[0].text, "Первая\nВторая\nВложенная");
    }

    #[test]
    fn broken_xml_is_a_problem_not_a_panic() {
        assert!(
            parse(
                &b"<w:document><w:body><w:tbl></w:body>"[..],
                Default::default()
            )
            .is_err()
        );
    }

    #[test]
    fn text_in_a_style_that_hides_it_is_not_read() {
        let styles = r#"<w:styles xmlns:w="w"><w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="Secret2"><w:basedOn w:val="Secret"/></w:style><w:style w:type="paragraph" w:styleId="Draft"><w:basedOn w:val="Normal"/><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Shown"><w:basedOn w:val="Draft"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style></w:styles>"#;
        let mut zipped = std::io::Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut zipped);
            writer
                .start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, styles.as_bytes()).unwrap();
            writer.finish().unwrap();
        }
        let mut archive = zip::ZipArchive::new(zipped).unwrap();
        let hidden = hidden_styles(&mut archive);
        let mut names: Vec<&str> = hidden.iter().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, vec!["Draft", "Secret", "Secret2"]);
        let xml = r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc>
            <w:p><w:r><w:t>Телефон</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Secret2"/></w:rPr><w:t> 23-45-67</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr><w:r><w:t>черновик</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Shown"/></w:pPr><w:r><w:t>связь</w:t></w:r></w:p>
            </w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let grids = parse(xml.as_bytes(), hidden).unwrap();
        assert_eq!(grids[0].rows[0].slots[0].text, "Телефон\nсвязь");
    }
}
