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
    /// The document's title in its properties (what a screen reader and the file list show).
    title: String,
    body: String,
    /// The height the body has taken on its current page, estimated in points.
    used: f64,
    /// The next paragraph opens a new page (an appendix after the letter).
    break_before_next: bool,
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
            title: String::new(),
            body: String::new(),
            used: 0.0,
            break_before_next: false,
        }
    }

    /// The height text may take on a page, in points.
    fn text_height(&self) -> f64 {
        let page = if self.landscape { A4_SHORT } else { A4_LONG };
        f64::from(page - 2 * MARGIN) / 20.0
    }

    /// The width text may take, in twips.
    fn text_width(&self) -> u32 {
        let page = if self.landscape { A4_LONG } else { A4_SHORT };
        page - MARGIN - MARGIN_LEFT
    }

    /// The document's title, for its properties.
    pub fn set_title(&mut self, title: &str) {
        self.title = title.to_string();
    }

    /// The next paragraph begins a new page, as an appendix to a letter does (Word's «с новой
    /// страницы»: the paragraph carries it, so no empty line opens the page).
    pub fn page_break(&mut self) {
        self.break_before_next = true;
    }

    /// A paragraph; line breaks in `text` stay line breaks.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let mut xml = paragraph_xml(text, style);
        if std::mem::take(&mut self.break_before_next) {
            // After keepNext, before spacing: the order the schema gives pPr's children.
            xml = xml.replacen("<w:spacing ", "<w:pageBreakBefore/><w:spacing ", 1);
            self.used = 0.0;
        }
        self.body.push_str(&xml);
        let size = if style.size == 0 { 12 } else { style.size };
        self.used += height(text, f64::from(self.text_width()) / 20.0, size);
    }

    /// A table whose header row Word repeats on every page; rows may split across pages.
    pub fn table(&mut self, table: &Table) {
        let widths = fitted_widths(table, self.text_width());
        let opening = table_opening(&widths);
        let cell_style = |bold| Style {
            bold,
            size: table.size,
            align: if bold { Align::Center } else { Align::Left },
        };
        let mut header = String::from("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (heading, width) in table.header.iter().zip(&widths) {
            header.push_str(&cell_xml(
                &Cell::Text(heading.clone()),
                *width,
                cell_style(true),
            ));
        }
        header.push_str("</w:tr>");
        let row_height = |cells: &[Cell]| -> f64 {
            cells
                .iter()
                .zip(&widths)
                .map(|(cell, width)| match cell {
                    Cell::Text(text) | Cell::MergeStart(text) => {
                        height(text, cell_points(*width), table.size)
                    }
                    Cell::MergeContinue => 0.0,
                })
                .fold(0.0, f64::max)
                + ROW_PADDING
        };
        self.body.push_str(&opening);
        self.body.push_str(&header);
        let mut used = self.used;
        // Rows flow over pages as Word lays them out, the header row repeated by Word itself
        // (`w:tblHeader`): no page break is fixed, so an edit never leaves a row alone on a
        // page (documents.md «The appendix .docx»).
        let header_height = row_height(
            &table
                .header
                .iter()
                .cloned()
                .map(Cell::Text)
                .collect::<Vec<_>>(),
        );
        used += header_height;
        // The text of each column's open vertical merge: a merge that runs onto a new page is
        // begun again there with its text, since Word and LibreOffice print a merged cell's
        // text only on the page where it starts (a process's rows on page 2 would be nameless).
        let mut merged: Vec<Option<String>> = vec![None; widths.len()];
        for row in &table.rows {
            let height = row_height(row);
            let new_page = used + height > self.text_height() && used > header_height;
            if new_page {
                used = header_height;
            }
            used += height;
            // A row is kept whole on a page: an official table never starts a page with the
            // tail of the row before.
            self.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (column, (cell, width)) in row.iter().zip(&widths).enumerate() {
                let cell = match cell {
                    Cell::MergeStart(text) => {
                        merged[column] = Some(text.clone());
                        cell.clone()
                    }
                    Cell::MergeContinue if new_page => merged[column]
                        .clone()
                        .map_or(Cell::MergeContinue, Cell::MergeStart),
                    Cell::MergeContinue => Cell::MergeContinue,
                    Cell::Text(_) => {
                        merged[column] = None;
                        cell.clone()
                    }
                };
                self.body
                    .push_str(&cell_xml(&cell, *width, cell_style(false)));
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
        self.used = used % self.text_height();
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
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"{width}\" w:h=\"{height}\" w:orient=\"{orient}\"/><w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN_LEFT}\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            self.body
        );
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let core = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:language>ru-RU</dc:language><dc:creator>tochki</dc:creator></cp:coreProperties>",
            escape(&self.title)
        );
        for (name, content) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("docProps/core.xml", core.as_str()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", STYLES),
            ("word/footer1.xml", FOOTER),
            ("word/settings.xml", SETTINGS),
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

/// A cell's padding above and below, and its borders, in points.
const ROW_PADDING: f64 = 2.0;

/// A table's start: its properties (fixed layout, borders, cell margins) and its grid.
fn table_opening(widths: &[u32]) -> String {
    let mut opening = String::from(
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>",
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        opening.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        ));
    }
    opening.push_str("</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for width in widths {
        opening.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    opening.push_str("</w:tblGrid>");
    opening
}

/// The columns' widths in twips: the table's parts of `total`, but never narrower than a
/// column's longest word that cannot break — a code («ТВ-001»), a number, «п/п», a short word
/// of a heading («точки») — so Word and LibreOffice never cut one at a letter. A long Russian
/// word counts only as far as a syllable break allows (`hyphenated` breaks it). The space the
/// narrow columns take is taken from the others in their proportions; when even the words do
/// not fit, the words' widths are scaled down to the page.
fn fitted_widths(table: &Table, total: u32) -> Vec<u32> {
    let columns = table.widths.len();
    let mut needed = vec![0u32; columns];
    let mut need = |column: usize, text: &str, bold: bool| {
        if let Some(slot) = needed.get_mut(column) {
            let widest = text
                .split_whitespace()
                .map(|word| unbreakable_twips(word, table.size, bold))
                .max()
                .unwrap_or(0);
            *slot = (*slot).max(widest + 2 * 57);
        }
    };
    for (column, heading) in table.header.iter().enumerate() {
        need(column, heading, true);
    }
    for row in &table.rows {
        for (column, cell) in row.iter().enumerate() {
            if let Cell::Text(text) | Cell::MergeStart(text) = cell {
                need(column, text, false);
            }
        }
    }
    let sum_needed: u32 = needed.iter().sum();
    if sum_needed >= total {
        return needed
            .iter()
            .map(|n| (u64::from(*n) * u64::from(total) / u64::from(sum_needed.max(1))) as u32)
            .collect();
    }
    // Columns held at their words' width, and the rest sharing what is left by their parts.
    let mut fixed = vec![false; columns];
    loop {
        let left: u32 = total
            - needed
                .iter()
                .zip(&fixed)
                .filter(|(_, f)| **f)
                .map(|(n, _)| *n)
                .sum::<u32>();
        let parts: u32 = table
            .widths
            .iter()
            .zip(&fixed)
            .filter(|(_, f)| !**f)
            .map(|(w, _)| *w)
            .sum::<u32>()
            .max(1);
        let widths: Vec<u32> = (0..columns)
            .map(|i| {
                if fixed[i] {
                    needed[i]
                } else {
                    (u64::from(table.widths[i]) * u64::from(left) / u64::from(parts)) as u32
                }
            })
            .collect();
        let short: Vec<usize> = (0..columns)
            .filter(|&i| !fixed[i] && widths[i] < needed[i])
            .collect();
        if short.is_empty() {
            return widths;
        }
        for i in short {
            fixed[i] = true;
        }
    }
}

/// The width in twips a word takes that the cell must hold on one line, in Times New Roman of
/// `size` points: capitals and «№» wider than small letters, digits half an em, punctuation a
/// third. A Russian word of letters only may break at a syllable, so it asks for its longest
/// part between two breaks `hyphenated` allows, with the hyphen.
fn unbreakable_twips(word: &str, size: u32, bold: bool) -> u32 {
    let russian =
        |c: char| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c) || "ёЁ".contains(c);
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let letters_only = core.chars().count() >= 7 && core.chars().all(russian);
    // A long word needs its longest part between two syllable breaks, and the hyphen.
    let longest_part: String = if letters_only {
        let parts = hyphenated(core, 1);
        let part = parts
            .split('\u{ad}')
            .max_by_key(|p| p.chars().count())
            .unwrap_or(core);
        format!("{part}-")
    } else {
        String::new()
    };
    let counted: Box<dyn Iterator<Item = char>> = if letters_only {
        Box::new(longest_part.chars())
    } else {
        Box::new(word.chars())
    };
    let ems: f64 = counted
        .map(|c| {
            if c == '№' {
                1.0
            } else if c.is_uppercase() {
                0.72
            } else if c.is_alphanumeric() {
                0.5
            } else {
                0.34
            }
        })
        .sum();
    let size = if size == 0 { 12.0 } else { f64::from(size) };
    let points = ems * size * if bold { 1.1 } else { 1.0 };
    (points * 20.0).ceil() as u32
}

/// The width a cell's text may take, in points: the column less the cell margins.
fn cell_points(width: u32) -> f64 {
    f64::from(width.saturating_sub(2 * 57)) / 20.0
}

/// The estimated height in points of `text` set in Times New Roman of `size` points in a
/// width of `width` points: words wrapped greedily at an average letter width (0.46 em, a little
/// wider than Times New Roman's Cyrillic), each line 1.15 em high.
fn height(text: &str, width: f64, size: u32) -> f64 {
    let size = f64::from(size);
    let letter = size * 0.46;
    let per_line = (width / letter).floor().max(1.0) as usize;
    let lines: usize = text
        .split('\n')
        .map(|paragraph| {
            let mut lines = 1;
            let mut current = 0;
            for word in paragraph.split_whitespace() {
                let length = word.chars().count();
                if current > 0 && current + 1 + length <= per_line {
                    current += 1 + length;
                    continue;
                }
                // The word begins a line (a new one unless the line is empty); a word longer
                // than a line breaks inside itself.
                lines += usize::from(current > 0);
                let extra = length.saturating_sub(1) / per_line;
                lines += extra;
                current = length - extra * per_line;
            }
            lines
        })
        .sum();
    lines as f64 * size * 1.15
}

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
    // Structure a screen reader announces (ПП РФ № 102): a bold centred paragraph is the
    // document's title, another bold one a heading; the look stays as set here.
    let role = match (style.bold, style.align) {
        (true, Align::Center) => "<w:pStyle w:val=\"Title\"/>",
        (true, _) => "<w:pStyle w:val=\"Heading1\"/>",
        _ => "",
    };
    let mut xml = format!(
        "<w:p><w:pPr>{role}<w:keepNext w:val=\"{}\"/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"{align}\"/></w:pPr>",
        if style.bold { "1" } else { "0" }
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
        paragraph_xml(&hyphenated(text, letters_per_line(width, style)), style)
    )
}

/// How many letters of a word fit on one line of a cell: the width less its margins, at an
/// average Cyrillic letter of a little over half an em (more in bold).
fn letters_per_line(width: u32, style: Style) -> usize {
    let size = if style.size == 0 {
        12.0
    } else {
        f64::from(style.size)
    };
    // Measured on Times New Roman: a Cyrillic lower-case letter averages a little over half
    // an em; reckoning it narrower leaves a word one letter too long for its line unbroken,
    // and the office suite then cuts it anywhere («подтверждающи|х»).
    let letter = size * if style.bold { 0.62 } else { 0.56 };
    (cell_points(width) / letter).floor().max(1.0) as usize
}

/// Long Russian words with soft hyphens between their syllables («взаимо­действие»): a word too
/// long for its column breaks at a syllable with a hyphen, as a typist would break it, never
/// mid-syllable (documents.md). The table reader drops soft hyphens, so a round trip is exact.
pub fn hyphenated(text: &str, fits: usize) -> String {
    // Only a word longer than a line of its cell gets them: a word that fits stays whole.
    let long = fits.max(6) + 1;
    let vowel = |c: char| "аеёиоуыэюяАЕЁИОУЫЭЮЯ".contains(c);
    let letter =
        |c: char| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c) || c == 'ё' || c == 'Ё';
    let mut out = String::with_capacity(text.len() + 8);
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        if word.len() >= long {
            for (i, &c) in word.iter().enumerate() {
                out.push(c);
                // A break after i: at least 3 letters each side, after a vowel before a
                // consonant and a vowel (ва|ни), or between two consonants (вз|ма … ст|в), never
                // before ь, ъ or й.
                let (left, right) = (i + 1, word.len() - i - 1);
                if left < 3 || right < 3 {
                    continue;
                }
                let next = word[i + 1];
                let after = word.get(i + 2).copied().unwrap_or(' ');
                if matches!(next, 'ь' | 'ъ' | 'й' | 'Ь' | 'Ъ' | 'Й') {
                    continue;
                }
                let between_vowels = vowel(c) && !vowel(next) && vowel(after);
                let between_consonants = !vowel(c)
                    && !vowel(next)
                    && word[..=i].iter().any(|&x| vowel(x))
                    && word[i + 1..].iter().any(|&x| vowel(x))
                    && !matches!(c, 'ь' | 'ъ')
                    && vowel(after);
                if between_vowels || between_consonants {
                    out.push('\u{ad}');
                }
            }
        } else {
            out.extend(word.iter());
        }
        word.clear();
    };
    for c in text.chars() {
        if letter(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
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
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>"#;

/// The footer: the page number, centred, as ГОСТ Р 7.0.97 numbers the pages of a document.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#;

/// The settings: the document's language for spelling and screen readers, no automatic
/// hyphenation (a word is never split in a narrow column).
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:autoHyphenation w:val="false"/><w:themeFontLang w:val="ru-RU"/></w:settings>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_column_holds_its_codes_and_short_words_whole() {
        let table = Table {
            header: vec![
                "№ п/п".into(),
                "Наименование процесса".into(),
                "Код точки".into(),
            ],
            rows: vec![vec![
                Cell::Text("1".into()),
                Cell::Text("Организация работы по начислению заработной платы".into()),
                Cell::Text("ТВ-001".into()),
            ]],
            widths: vec![2, 100, 2],
            size: 10,
        };
        let widths = fitted_widths(&table, 10_000);
        // The page's width, less what integer division loses.
        let sum = widths.iter().sum::<u32>();
        assert!((10_000 - 3..=10_000).contains(&sum), "{widths:?}");
        // Each narrow column takes its longest word, bold in the header, plus the margins.
        assert!(
            widths[0] >= unbreakable_twips("п/п", 10, true) + 114,
            "{widths:?}"
        );
        assert!(
            widths[2] >= unbreakable_twips("ТВ-001", 10, false) + 114,
            "{widths:?}"
        );
        assert!(
            widths[2] >= unbreakable_twips("точки", 10, true) + 114,
            "{widths:?}"
        );
        // The wide column gives up what they take, and no more.
        assert!(widths[1] > 8_000, "{widths:?}");
        // A long Russian word asks for seven letters only: it breaks at a syllable.
        assert_eq!(
            unbreakable_twips("Централизованный", 10, false),
            unbreakable_twips("Централ", 10, false)
        );
        // Words wider than the page together: scaled down, never wider than the page.
        let crowded = Table {
            widths: vec![1, 1, 1],
            ..table
        };
        assert!(fitted_widths(&crowded, 600).iter().sum::<u32>() <= 600);
    }

    #[test]
    fn a_merge_that_runs_onto_a_new_page_names_itself_again() {
        let mut rows = vec![vec![
            Cell::MergeStart("Возмещение расходов".into()),
            Cell::Text("Точка 1".into()),
        ]];
        for i in 2..=80 {
            rows.push(vec![Cell::MergeContinue, Cell::Text(format!("Точка {i}"))]);
        }
        let mut document = Document::new(true);
        document.table(&Table {
            header: vec!["Процесс".into(), "Точка".into()],
            rows,
            widths: vec![1, 1],
            size: 10,
        });
        let starts = document
            .body
            .matches("<w:vMerge w:val=\"restart\"/>")
            .count();
        let named = document.body.matches("Возмещение расходов").count();
        // 80 rows of one line each fill more than two landscape pages.
        assert!(starts >= 3, "{starts} merges");
        assert_eq!(starts, named);
    }

    #[test]
    fn long_words_break_between_syllables_only() {
        let shown = |t: &str| hyphenated(t, 8).replace('\u{ad}', "-");
        // Russian rules allow a break between two consonants of a cluster («дейст-вие»).
        assert_eq!(shown("Взаимодействие"), "Взаи-мо-дейст-вие");
        assert!(
            !shown("подведомственных").contains("-е"),
            "{}",
            shown("подведомственных")
        );
        assert!(!shown("Осуществляемое").contains("-ь"));
        assert_eq!(shown("Телефон"), "Телефон");
        // A word that fits its line is left whole.
        assert_eq!(hyphenated("Взаимодействие", 20), "Взаимодействие");
        // Nothing but soft hyphens is added: the text reads back the same.
        assert_eq!(
            hyphenated("Консультирование сотрудников", 8).replace('\u{ad}', ""),
            "Консультирование сотрудников"
        );
    }

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
