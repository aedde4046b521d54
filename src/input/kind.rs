//! What a file is: its kind by extension, and what its first bytes say it really is (never
//! opening a pipe).

use std::path::Path;

/// The kinds of table files, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// An OpenDocument text (`.odt`), read like a Word document.
    OpenText,
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
            "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => Some(Kind::Workbook),
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
            return other(
                "файл Office, который защищён паролем",
                "откройте его в Word или Excel, снимите защиту (Файл → Сведения → Защита) и сохраните заново",
            );
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
        return zipped(path, kind, &sample);
    }
    Ok(())
}

/// A zip archive by what its parts say it is: a Word document, a workbook, an OpenDocument file
/// under another name.
fn zipped(path: &Path, kind: Option<Kind>, sample: &[u8]) -> Result<(), super::Problem> {
    use super::Problem;
    let other = |what, save| Err(Problem::OtherFormat { what, save });
    if !matches!(kind, Some(Kind::Word | Kind::Workbook | Kind::OpenText)) {
        let parts = zip_part_names(path);
        if parts.iter().any(|p| p.starts_with("word/")) {
            return other("документ Word", "переименуйте файл в .docx");
        }
        if parts.iter().any(|p| p.starts_with("xl/")) && kind != Some(Kind::Csv) {
            return other("книга Excel", "переименуйте файл в .xlsx");
        }
    }
    if kind != Some(Kind::Csv) && kind.is_some() {
        let parts = zip_part_names(path);
        let has = |prefix: &str| parts.iter().any(|p| p.starts_with(prefix));
        let open_document = has("mimetype") && parts.iter().any(|p| p == "content.xml");
        let text = sample
            .windows(b"opendocument.text".len())
            .any(|w| w == b"opendocument.text");
        match kind {
            Some(Kind::OpenText) if open_document && !text => {
                return other(
                    "другой документ OpenDocument (не текст .odt: таблица .ods или презентация)",
                    "сохраните таблицу как .xlsx или перенесите её в текстовый документ .odt",
                );
            }
            Some(Kind::OpenText) if open_document => {}
            _ if open_document && text => {
                return other(
                    "текстовый документ OpenDocument (.odt: LibreOffice, МойОфис)",
                    "переименуйте файл в .odt",
                );
            }
            _ if open_document => {
                return other(
                    "документ OpenDocument (.ods: LibreOffice, МойОфис)",
                    "сохраните его как .xlsx",
                );
            }
            Some(Kind::OpenText) if has("word/") => {
                return other("документ Word", "переименуйте файл в .docx");
            }
            Some(Kind::OpenText) if has("xl/") => {
                return other("книга Excel", "переименуйте файл в .xlsx");
            }
            Some(Kind::OpenText) => {
                return other(
                    "архив, но не документ OpenDocument",
                    "откройте документ в LibreOffice или МойОфис и сохраните как .odt",
                );
            }
            Some(Kind::Word) if has("xl/") => {
                return other("книга Excel", "переименуйте файл в .xlsx");
            }
            Some(Kind::Workbook) if has("word/") => {
                return other("документ Word", "переименуйте файл в .docx");
            }
            _ => {}
        }
    }
    Ok(())
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
