//! What can go wrong while reading bytes, as a type with no domain noun in it. The domain
//! (registry, survey, requests) gives its own [`Words`] when it turns a problem into a message,
//! so a journal's user is never told about a registry, nor a registry's about survey answers.

use super::text::Encoding;

/// The nouns a domain's messages use for the file it reads.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The file, after «не удалось прочитать»: «выгрузку», «перечень», «журнал».
    pub accusative: &'static str,
    /// What a refused file does not look like, after «не похож на»: «выгрузку ответов».
    pub like: &'static str,
    /// How to save the file so that it reads: «сохраните ответы как CSV или XLSX».
    pub save: &'static str,
}

/// A reading problem. Turned into a Russian message by [`Problem::explain`].
#[derive(Debug)]
pub enum Problem {
    /// The file cannot be read at all.
    Io(std::io::Error),
    /// A workbook format the readers refuse (`.xls`, `.xlsb`).
    OldWorkbook { extension: String },
    /// A UTF-16 or UTF-32 byte-order mark, or UTF-16 without one.
    WideEncoding { which: &'static str },
    /// NUL bytes in what should be text.
    NulBytes,
    /// CSV that cannot be parsed, at a line when known.
    NotCsv { line: Option<u64> },
    /// A header cell whose bytes are not text in the encoding.
    HeaderEncoding { column: usize, encoding: Encoding },
    /// Not a zip archive, or a damaged one, where a workbook was expected.
    NotAWorkbook,
    /// Not a Word document (damaged, protected, another format).
    NotADocument,
    /// Not an OpenDocument text (damaged, another format).
    NotAnOpenDocument,
    /// Not an OpenDocument spreadsheet (`.ods`), or a broken one.
    NotAnOpenSheet,
    /// The archive's parts unpack past [`super::zip::MAX_UNPACKED_BYTES`].
    Unpacked,
    /// A cell at a row no spreadsheet has.
    RowBeyondExcel { row: u64 },
    /// More cells than [`super::workbook::MAX_CELLS`] in `place` («на листе «Лист1»»).
    TooManyCells { place: String },
    /// More rows than a spreadsheet holds.
    TooManyRows,
    /// A workbook with no visible worksheet.
    NoVisibleSheet,
    /// A text between two tags longer than [`super::zip::MAX_CELL_BYTES`].
    CellTooLarge,
    /// A size the file declares that no real table has («4000000000 пустых ячеек перед строкой»).
    Declared { what: String },
    /// The path is a folder, a pipe or a device, not a file (never opened: a pipe would block).
    NotAFile { folder: bool },
    /// A Word document with a fragment kept as a document of its own (`w:altChunk`).
    ExternalChunk,
    /// A document or workbook protected by a password (an OOXML package encrypted into an OLE
    /// container, an OpenDocument package with encrypted parts): nothing to read without it.
    Encrypted,
    /// An XML part declares a document type or entities (`<!DOCTYPE`, `<!ENTITY`): Office and
    /// LibreOffice never write one; an entity that expands is how an «XML bomb» works.
    XmlEntities,
    /// The file is another format than its name says (`what` names it, `save` says how to fix).
    OtherFormat {
        what: &'static str,
        save: &'static str,
    },
}

impl From<std::io::Error> for Problem {
    fn from(error: std::io::Error) -> Self {
        Problem::Io(error)
    }
}

impl Problem {
    /// The problem as the user reads it, with the file's name and the domain's words.
    pub fn explain(&self, file: &str, words: &Words) -> anyhow::Error {
        let like = words.like;
        let save = words.save;
        let message = match self {
            Problem::Io(error) => return crate::text::io_problem(file, words.accusative, error),
            Problem::OldWorkbook { extension } => format!(
                "книги .{extension} не читаются (старый или двоичный формат Excel); откройте файл в Excel или LibreOffice и сохраните как XLSX («Книга Excel») или ODS"
            ),
            Problem::WideEncoding { which } => {
                // Excel's «Юникод-текст» is UTF-16LE with a mark; big-endian comes from elsewhere.
                let excel = if *which == "UTF-16LE" || which.starts_with("UTF-16 ") {
                    " (так Excel сохраняет «Юникод-текст»)"
                } else {
                    ""
                };
                format!(
                    "файл в кодировке {which}{excel}; сохраните его как «CSV UTF-8» или «CSV (разделители — точки с запятой)» и запустите снова"
                )
            }
            Problem::NulBytes => format!(
                "файл содержит нулевые байты — это не CSV-таблица (возможно, документ Word, архив, файл в UTF-16 без метки или повреждённый файл); {save}"
            ),
            Problem::NotCsv { line } => format!(
                "{}файл не читается как CSV; {save}",
                line.map(|l| format!("строка {l}: ")).unwrap_or_default()
            ),
            Problem::HeaderEncoding { column, encoding } => format!(
                "строка 1, столбец {column}: заголовок не читается в кодировке {}; укажите верную кодировку: --encoding utf-8 или --encoding cp1251",
                encoding.name()
            ),
            Problem::NotAWorkbook => format!(
                "файл не читается как книга Excel (XLSX): архив повреждён или это другой формат; откройте его в Excel и {save}"
            ),
            Problem::NotADocument => "файл не читается как документ Word (DOCX): он повреждён, защищён паролем или это другой формат; откройте его в Word или LibreOffice, снимите защиту и сохраните как «Документ Word (.docx)»".to_string(),
            Problem::NotAnOpenSheet => "файл не читается как таблица OpenDocument (.ods): он повреждён или это другой формат; откройте его в LibreOffice или МойОфис и сохраните заново как «Электронная таблица ODF (.ods)» или как .xlsx".to_string(),
            Problem::NotAnOpenDocument => "файл не читается как документ OpenDocument (.odt): он повреждён или это другой формат; откройте его в LibreOffice или МойОфис и сохраните заново как «Текст ODF (.odt)»".to_string(),
            Problem::Unpacked => format!(
                "файл распаковывается больше чем в {} МБ; такой файл не похож на {like} (возможно, «zip-бомба» или повреждённый файл)",
                super::zip::MAX_UNPACKED_BYTES / 1024 / 1024
            ),
            Problem::RowBeyondExcel { row } => format!(
                "на листе есть строка {row}: больше, чем бывает в Excel; такая книга не похожа на {like}"
            ),
            Problem::TooManyCells { place } => format!(
                "{place} больше {} ячеек; такой файл не похож на {like}",
                super::workbook::MAX_CELLS
            ),
            Problem::TooManyRows => format!(
                "в таблице больше {} строк; такая таблица не похожа на {like}",
                super::workbook::MAX_ROWS
            ),
            Problem::CellTooLarge => format!(
                "в файле есть текст длиннее {} МБ в одной ячейке; такой файл не похож на {like} (возможно, повреждённый файл); {save}",
                super::zip::MAX_CELL_BYTES / 1024 / 1024
            ),
            Problem::Declared { what } => format!(
                "{what}; такой файл не похож на {like} (возможно, повреждённый файл); откройте его в Word, Excel или LibreOffice и сохраните заново"
            ),
            Problem::NotAFile { folder: true } => {
                "это папка, а не файл; укажите файл".to_string()
            }
            Problem::NotAFile { folder: false } => {
                "это не обычный файл (канал или устройство); сохраните данные в файл и укажите его".to_string()
            }
            Problem::Encrypted => "файл защищён паролем: откройте его в Word, Excel или LibreOffice, снимите пароль (Файл → Сведения → Защита или Файл → Свойства → Безопасность) и сохраните заново".to_string(),
            Problem::XmlEntities => format!(
                "внутри файла XML объявляет свои сущности (<!DOCTYPE>/<!ENTITY>), чего Word, Excel и LibreOffice не пишут: такой файл не читается — при раскрытии он может занять всю память («XML-бомба»); он не похож на {like}; откройте исходный документ и сохраните его заново"
            ),
            Problem::OtherFormat { what, save } => other_format(file, what, save),
            Problem::ExternalChunk => "в документ вставлен фрагмент, который хранится отдельным файлом внутри документа (altChunk: так вставляют текст из веб-страниц и систем документооборота); его таблицы здесь не прочитать; откройте документ в Word или LibreOffice и сохраните его заново как «Документ Word (.docx)» — фрагмент станет обычным текстом".to_string(),
            Problem::NoVisibleSheet => {
                format!("в книге нет ни одного видимого листа с данными; {save}")
            }
        };
        anyhow::anyhow!("{file}: {message}")
    }
}

/// A file that is another format: «хотя имя говорит другое» only when the name does claim a
/// table or a document — a `.pdf` named as what it is is simply not readable here.
fn other_format(file: &str, what: &str, save: &str) -> String {
    let claims = std::path::Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| {
            matches!(
                e.as_str(),
                "docx"
                    | "docm"
                    | "odt"
                    | "xlsx"
                    | "xlsm"
                    | "ods"
                    | "csv"
                    | "tsv"
                    | "txt"
                    | "yaml"
                    | "yml"
            )
        });
    if claims {
        format!("это {what}, хотя имя говорит другое; {save}")
    } else {
        format!("это {what}; {save}")
    }
}
