//! What a file is: its kind by extension, and what its first bytes say it really is (never
//! opening a pipe).

use std::path::Path;

/// The kinds of table files, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// An OpenDocument text (`.odt`), read like a Word document.
    OpenText,
    /// An OpenDocument spreadsheet (`.ods`: LibreOffice Calc, МойОфис Таблица).
    OpenSheet,
    Workbook,
    Csv,
}

impl Kind {
    /// The kind of a path by its extension; None for YAML and anything else.
    pub fn of(path: &Path) -> Option<Kind> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        match extension.as_str() {
            "docx" | "docm" => Some(Kind::Word),
            "odt" => Some(Kind::OpenText),
            "ods" => Some(Kind::OpenSheet),
            "xlsx" | "xlsm" | "xls" | "xlsb" => Some(Kind::Workbook),
            "csv" | "tsv" => Some(Kind::Csv),
            _ => None,
        }
    }
}

/// Refuses a path that is not a regular file (without opening it: a pipe would block), and a
/// file whose first bytes say it is another format than its extension: a `.doc` or an `.xls`
/// of old Office, RTF, PDF, an OpenDocument file, a workbook named `.docx` or a document named
/// `.xlsx`.
pub fn sniff(path: &Path) -> Result<(), super::Problem> {
    use super::Problem;
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(Problem::NotAFile {
            folder: metadata.is_dir(),
        });
    }
    let mut sample = Vec::new();
    {
        use std::io::Read;
        std::fs::File::open(path)?
            .take(64 * 1024)
            .read_to_end(&mut sample)?;
    }
    let head = &sample[..sample.len().min(8)];
    let kind = Kind::of(path);
    let other = |what, save| Err(Problem::OtherFormat { what, save });
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // Office keeps a password-protected .docx or .xlsx in the old container, its package
        // in a stream named «EncryptedPackage».
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if sample
            .windows(encrypted.len())
            .any(|w| w == encrypted.as_slice())
        {
            // Encrypted by design: the name is right, the password is the matter.
            return Err(Problem::Encrypted);
        }
        // An .xls is what its name says: the old format, refused as such.
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if extension == "xls" {
            return Err(Problem::OldWorkbook { extension });
        }
        return other(
            "файл старого формата Office (.doc или .xls) или файл, который защищён паролем",
            "откройте его в Word или Excel и сохраните как .docx или .xlsx",
        );
    }
    if head.starts_with(b"{\\rtf") {
        return other(
            "документ RTF",
            "откройте его в Word и сохраните как «Документ Word (.docx)»",
        );
    }
    if head.starts_with(b"%PDF") {
        return other(
            "PDF (скан или печатная форма), из него таблицу не прочитать",
            "возьмите исходный документ Word или Excel",
        );
    }
    if head.starts_with(b"PK") {
        return zipped(path, kind);
    }
    if let Some(what) = markup(&sample) {
        return Err(Problem::OtherFormat {
            what,
            save: "так выгружают таблицы СЭД, 1С и сайты; откройте файл в Excel или LibreOffice и сохраните как .xlsx или .ods",
        });
    }
    Ok(())
}

/// A table saved as markup under a table's name: an HTML page (what document systems and 1C
/// call «выгрузка в Excel») or an Excel 2003 XML spreadsheet; None for anything else.
fn markup(sample: &[u8]) -> Option<&'static str> {
    let text = sample.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(sample);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    if text[start] != b'<' {
        return None;
    }
    let lower: Vec<u8> = text.iter().map(u8::to_ascii_lowercase).collect();
    let has = |what: &[u8]| lower.windows(what.len()).any(|w| w == what);
    if has(b"urn:schemas-microsoft-com:office:spreadsheet") {
        Some("таблица Excel 2003 в формате XML (SpreadsheetML)")
    } else if has(b"<html") || has(b"<table") || has(b"<!doctype html") {
        Some("веб-страница (HTML) с таблицей")
    } else {
        None
    }
}

/// What a zip archive holds, by its parts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Package {
    Word,
    Excel,
    OpenText,
    OpenSheet,
    /// An OpenDocument presentation, drawing or formula.
    OpenOther,
    Unknown,
}

impl Package {
    /// What it is, and what to do with it, for a message.
    fn said(self, kind: Option<Kind>) -> (&'static str, &'static str) {
        match (self, kind) {
            (Package::Word, _) => ("документ Word", "переименуйте файл в .docx"),
            (Package::Excel, _) => ("книга Excel", "переименуйте файл в .xlsx"),
            (Package::OpenText, _) => (
                "текстовый документ OpenDocument (.odt: LibreOffice, МойОфис)",
                "переименуйте файл в .odt",
            ),
            (Package::OpenSheet, _) => (
                "таблица OpenDocument (.ods: LibreOffice, МойОфис)",
                "переименуйте файл в .ods",
            ),
            (Package::OpenOther, _) => (
                "документ OpenDocument, но не текст и не таблица (презентация или рисунок)",
                "перенесите таблицу в документ .odt или .ods",
            ),
            (Package::Unknown, Some(Kind::OpenSheet)) => (
                "архив, но не таблица OpenDocument",
                "откройте таблицу в LibreOffice или МойОфис и сохраните как .ods",
            ),
            (Package::Unknown, _) => (
                "архив, но не документ OpenDocument",
                "откройте документ в LibreOffice или МойОфис и сохраните как .odt",
            ),
        }
    }
}

/// A zip archive by what its parts say it is: a Word document, a workbook, an OpenDocument file
/// under another name. An archive nothing is known of is left to the reader of its kind (it says
/// the file is broken), but for an OpenDocument name.
fn zipped(path: &Path, kind: Option<Kind>) -> Result<(), super::Problem> {
    let parts = zip_part_names(path);
    let has = |prefix: &str| parts.iter().any(|p| p.starts_with(prefix));
    // What an OpenDocument package is: its `mimetype` entry (stored first, as the standard asks,
    // or not: an archiver may compress or move it), else the media type its manifest gives the
    // package's root.
    let media = open_document_type(path);
    let open_document = parts.iter().any(|p| p == "content.xml") && media.is_some();
    let media = media.unwrap_or_default();
    if open_document && encrypted_open_document(path) {
        return Err(super::Problem::Encrypted);
    }
    let package = if open_document && media.contains("opendocument.text") {
        Package::OpenText
    } else if open_document && media.contains("opendocument.spreadsheet") {
        Package::OpenSheet
    } else if open_document {
        Package::OpenOther
    } else if has("word/") {
        Package::Word
    } else if has("xl/") {
        Package::Excel
    } else {
        Package::Unknown
    };
    let wrong = match kind {
        Some(Kind::Word) => !matches!(package, Package::Word | Package::Unknown),
        Some(Kind::Workbook) => !matches!(package, Package::Excel | Package::Unknown),
        Some(Kind::OpenText) => package != Package::OpenText,
        Some(Kind::OpenSheet) => package != Package::OpenSheet,
        // A CSV name on a zip: a workbook is read as one (an export service's mistake);
        // anything else named.
        Some(Kind::Csv) => matches!(package, Package::Word),
        None => matches!(package, Package::Word | Package::Excel),
    };
    if wrong {
        let (what, save) = package.said(kind);
        return Err(super::Problem::OtherFormat { what, save });
    }
    Ok(())
}

/// The media type of an OpenDocument package: its `mimetype` entry, else the manifest's root
/// entry (`META-INF/manifest.xml`, `full-path="/"`); None when it has neither.
fn open_document_type(path: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
    if let Ok(entry) = archive.by_name("mimetype") {
        let mut text = String::new();
        if entry.take(256).read_to_string(&mut text).is_ok() && text.contains("opendocument") {
            return Some(text.trim().to_string());
        }
    }
    let mut media = None;
    super::zip::each_element(&mut archive, "META-INF/manifest.xml", |name, attribute| {
        if name == "file-entry" && attribute("full-path").as_deref() == Some("/") {
            media = attribute("media-type");
        }
    });
    media.filter(|m| m.contains("opendocument"))
}

/// Whether an OpenDocument package's manifest says its parts are encrypted (a password).
fn encrypted_open_document(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    let mut encrypted = false;
    super::zip::each_element(&mut archive, "META-INF/manifest.xml", |name, _| {
        encrypted |= name == "encryption-data";
    });
    encrypted
}

/// The names of a zip archive's parts (none when it is not one).
fn zip_part_names(path: &Path) -> Vec<String> {
    std::fs::File::open(path)
        .ok()
        .and_then(|file| zip::ZipArchive::new(std::io::BufReader::new(file)).ok())
        .map(|archive| {
            archive
                .file_names()
                .flatten()
                .map(|n| n.to_string())
                .collect()
        })
        .unwrap_or_default()
}
