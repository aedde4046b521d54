//! Word documents (`.docx`) written as the few WordprocessingML parts a document needs: A4
//! portrait or landscape, Times New Roman, paragraphs and tables with cells merged vertically
//! and a header row repeated on every page. Hand-written with the zip crate already used for
//! reading: the parts are small and fixed, and a writer crate would add far more than it saves
//! (docs/decisions.md). Other documents (a questionnaire, proposals) use the same builder.

use std::io::Write as _;

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Both,
}

/// A paragraph's look: bold, size in points, alignment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub bold: bool,
    /// Points; 0 means the document's 12.
    pub size: u32,
    pub align: Align,
}

/// A table cell: a text, the first cell of a vertical merge, or a cell the merge covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    MergeStart(String),
    MergeContinue,
}

/// A table: its header row (repeated on every page), rows, column widths in parts of the page
/// width, and its font size in points.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub widths: Vec<u32>,
    pub size: u32,
}

/// A document being built.
#[derive(Debug, Clone)]
pub struct Document {
    landscape: bool,
    body: String,
}

/// A4 in twentieths of a point, and margins of 2 cm (1134) left, 1.5 cm elsewhere.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN: u32 = 851;
const MARGIN_LEFT: u32 = 1134;

impl Document {
    pub fn new(landscape: bool) -> Self {
        Document {
            landscape,
            body: String::new(),
        }
    }

    /// The width text may take, in twips.
    fn text_width(&self) -> u32 {
        let page = if self.landscape { A4_LONG } else { A4_SHORT };
        page - MARGIN - MARGIN_LEFT
    }

    /// A paragraph; line breaks in `text` stay line breaks.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.body.push_str(&paragraph_xml(text, style));
    }

    pub fn table(&mut self, table: &Table) {
        let total: u32 = table.widths.iter().sum::<u32>().max(1);
        let widths: Vec<u32> = table
            .widths
            .iter()
            .map(|w| w * self.text_width() / total)
            .collect();
        let body = &mut self.body;
        body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            body.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            ));
        }
        body.push_str("</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
        for width in &widths {
            body.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        body.push_str("</w:tblGrid>");
        let cell_style = |bold| Style {
            bold,
            size: table.size,
            align: if bold { Align::Center } else { Align::Left },
        };
        body.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (heading, width) in table.header.iter().zip(&widths) {
            body.push_str(&cell_xml(
                &Cell::Text(heading.clone()),
                *width,
                cell_style(true),
            ));
        }
        body.push_str("</w:tr>");
        for row in &table.rows {
            body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (cell, width) in row.iter().zip(&widths) {
                body.push_str(&cell_xml(cell, *width, cell_style(false)));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }

    /// The document as the bytes of a `.docx` file.
    pub fn to_bytes(&self) -> anyhow::Result<Vec<u8>> {
        let (width, height) = if self.landscape {
            (A4_LONG, A4_SHORT)
        } else {
            (A4_SHORT, A4_LONG)
        };
        let orient = if self.landscape {
            "landscape"
        } else {
            "portrait"
        };
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}<w:sectPr><w:pgSz w:w=\"{width}\" w:h=\"{height}\" w:orient=\"{orient}\"/><w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN_LEFT}\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            self.body
        );
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", STYLES),
            ("word/document.xml", document.as_str()),
        ] {
            zip.start_file(name, options)?;
            zip.write_all(content.as_bytes())?;
        }
        zip.finish()?;
        Ok(buffer.into_inner())
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn run_properties(style: Style) -> String {
    let mut properties = String::new();
    if style.bold {
        properties.push_str("<w:b/>");
    }
    if style.size > 0 {
        properties.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            style.size * 2
        ));
    }
    properties
}

fn paragraph_xml(text: &str, style: Style) -> String {
    let align = match style.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Both => "both",
    };
    let mut xml = format!(
        "<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"{align}\"/></w:pPr>"
    );
    let properties = run_properties(style);
    for (i, line) in text.split('\n').enumerate() {
        xml.push_str(&format!("<w:r><w:rPr>{properties}</w:rPr>"));
        if i > 0 {
            xml.push_str("<w:br/>");
        }
        xml.push_str(&format!(
            "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(line)
        ));
    }
    xml.push_str("</w:p>");
    xml
}

fn cell_xml(cell: &Cell, width: u32, style: Style) -> String {
    let (merge, text) = match cell {
        Cell::Text(text) => ("", text.as_str()),
        Cell::MergeStart(text) => ("<w:vMerge w:val=\"restart\"/>", text.as_str()),
        Cell::MergeContinue => ("<w:vMerge/>", ""),
    };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{merge}</w:tcPr>{}</w:tc>",
        paragraph_xml(text, style)
    )
}

/// Text for XML: tabs as spaces, characters XML 1.0 forbids dropped, and the special
/// characters escaped as for HTML (the same five entities are XML's).
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|&c| (c as u32) >= 0x20 && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect();
    super::format::escape_html(&allowed)
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_reads_back_through_the_table_reader() {
        let mut document = Document::new(true);
        document.paragraph("Заголовок & <тест>", Style::default());
        document.table(&Table {
            header: vec!["Процесс".into(), "Точка".into()],
            rows: vec![
                vec![
                    Cell::MergeStart("Зарплата".into()),
                    Cell::Text("Телефон".into()),
                ],
                vec![Cell::MergeContinue, Cell::Text("Почта\nи СЭД".into())],
            ],
            widths: vec![1, 1],
            size: 11,
        });
        let bytes = document.to_bytes().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.docx");
        std::fs::write(&path, bytes).unwrap();
        let grids = crate::input::docx::read(&path).unwrap();
        assert_eq!(grids[0].titles, vec!["Заголовок & <тест>".to_string()]);
        let rows = &grids[0].rows;
        assert_eq!(rows[1].slots[0].text, "Зарплата");
        assert!(rows[2].slots[0].merged_above);
        assert_eq!(rows[2].slots[1].text, "Почта\nи СЭД");
    }
}
