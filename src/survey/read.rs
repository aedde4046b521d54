//! Opening survey exports as users have them: CSV in UTF-8 (with or without BOM) or
//! Windows-1251, delimited by `,` `;` or tab, with CRLF and quoted multi-line answers; and XLSX
//! (Yandex Forms' default), read with calamine.
//!
//! Records are streamed as raw bytes and decoded field by field, so a 1,000,000-row export is
//! read in constant memory and an undecodable row becomes a finding instead of a failure.

use anyhow::bail;
use csv::ByteRecord;
use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::path::Path;

/// How the bytes of a CSV export are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "windows-1251")]
    Cp1251,
}

impl Encoding {
    /// Reads `utf-8`, `utf8`, `cp1251`, `windows-1251` (case does not matter).
    pub fn parse(name: &str) -> Option<Encoding> {
        match name.trim().to_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "cp1251" | "windows-1251" | "win1251" | "1251" => Some(Encoding::Cp1251),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp1251 => "Windows-1251",
        }
    }

    /// A field as text; None when its bytes are not valid in this encoding.
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self {
            Encoding::Utf8 => simdutf8::basic::from_utf8(bytes).ok().map(Cow::Borrowed),
            Encoding::Cp1251 => {
                let (text, had_errors) =
                    encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
                (!had_errors).then_some(text)
            }
        }
    }
}

/// How far the reading of an export got, told to whoever shows it: the survey core draws
/// nothing itself; the command decides whether and how progress appears.
pub trait ReadProgress: Sync {
    /// Reading `path` begins: `total` units (bytes of a CSV file, records of a sheet).
    fn start(&self, _path: &Path, _total: u64) {}
    /// `done` units of the export being read are read.
    fn advance(&self, _done: u64) {}
    /// The export is read, or its reading failed.
    fn finish(&self) {}
}

/// Progress that nobody watches (tests, library use, machine-readable output).
pub struct Unwatched;

impl ReadProgress for Unwatched {}

/// What the user may force.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
}

enum Source {
    Csv(Box<csv::Reader<Box<dyn Read + Send>>>),
    Rows(std::vec::IntoIter<ByteRecord>),
}

/// An opened export: its header row and a stream of records.
pub struct Export {
    pub file: String,
    /// None for XLSX (cells are text already).
    pub encoding: Encoding,
    pub delimiter: Option<u8>,
    /// Column headers, trimmed; trailing columns without a header are dropped when empty.
    pub headers: Vec<String>,
    /// The size to read: bytes of a CSV file, records of a sheet (for progress).
    pub total: u64,
    source: Source,
}

const SAMPLE: usize = 64 * 1024;

impl Export {
    pub fn open(path: &Path, options: ReadOptions) -> anyhow::Result<Export> {
        let file_name = path.display().to_string();
        let mut file = std::fs::File::open(path)
            .map_err(|error| crate::text::io_problem(&file_name, "выгрузку", &error))?;
        let mut sample = Vec::with_capacity(SAMPLE);
        (&mut file)
            .take(SAMPLE as u64)
            .read_to_end(&mut sample)
            .map_err(|error| crate::text::io_problem(&file_name, "выгрузку", &error))?;
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if matches!(extension.as_str(), "xls" | "ods") {
            bail!(
                "{file_name}: книги .{extension} не читаются; откройте файл в Excel или LibreOffice и сохраните как XLSX или CSV"
            );
        }
        if sample.starts_with(b"PK\x03\x04") || extension == "xlsx" {
            return super::xlsx::open(path, file_name);
        }
        if let Some(which) = utf16_bom(&sample) {
            let excel = if which.starts_with("UTF-16") {
                " (так Excel сохраняет «Юникод-текст»)"
            } else {
                ""
            };
            bail!(
                "{file_name}: файл в кодировке {which}{excel}; сохраните ответы как «CSV UTF-8» или «CSV (разделители — точки с запятой)» и запустите снова"
            );
        }
        if sample.contains(&0) {
            bail!(
                "{file_name}: файл содержит нулевые байты — это не CSV-выгрузка (возможно, документ Word, архив, файл в UTF-16 без метки или повреждённый файл); сохраните ответы как CSV или XLSX"
            );
        }
        let has_bom = sample.starts_with(b"\xEF\xBB\xBF");
        let encoding = options
            .encoding
            .unwrap_or_else(|| detect_encoding(&sample, has_bom));
        let body = if has_bom { &sample[3..] } else { &sample[..] };
        let cut = sample.len() == SAMPLE;
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| sniff_delimiter(body, cut));
        let rest: Box<dyn Read + Send> = Box::new(Cursor::new(body.to_vec()).chain(file));
        let mut reader = csv_reader(delimiter, rest);
        let mut header = ByteRecord::new();
        let has_header = reader
            .read_byte_record(&mut header)
            .map_err(|error| csv_problem(&file_name, error))?;
        let mut headers = Vec::new();
        if has_header {
            for (i, field) in header.iter().enumerate() {
                let Some(text) = encoding.decode(field) else {
                    bail!(
                        "{file_name}: строка 1, столбец {}: заголовок не читается в кодировке {}; укажите верную кодировку: --encoding utf-8 или --encoding cp1251",
                        i + 1,
                        encoding.name()
                    );
                };
                headers.push(text.trim().to_string());
            }
        }
        while headers.last().is_some_and(String::is_empty) {
            headers.pop();
        }
        let total = std::fs::metadata(path).map_or(0, |m| m.len());
        Ok(Export {
            file: file_name,
            encoding,
            delimiter: Some(delimiter),
            headers,
            total,
            source: Source::Csv(Box::new(reader)),
        })
    }

    /// An export whose records are already in memory (a workbook's sheet).
    pub fn from_rows(file: String, headers: Vec<String>, records: Vec<ByteRecord>) -> Export {
        Export {
            file,
            encoding: Encoding::Utf8,
            delimiter: None,
            headers,
            total: records.len() as u64,
            source: Source::Rows(records.into_iter()),
        }
    }

    /// How far the reading got: bytes for CSV, records for XLSX.
    pub fn position(&self) -> u64 {
        match &self.source {
            Source::Csv(reader) => reader.position().byte(),
            Source::Rows(rows) => self.total.saturating_sub(rows.len() as u64),
        }
    }

    /// Reads the next record into `record`; false at the end.
    pub fn next_record(&mut self, record: &mut ByteRecord) -> anyhow::Result<bool> {
        match &mut self.source {
            Source::Csv(reader) => reader
                .read_byte_record(record)
                .map_err(|error| csv_problem(&self.file, error)),
            Source::Rows(rows) => match rows.next() {
                Some(next) => {
                    *record = next;
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }
}

/// BOM, then strict UTF-8, then Windows-1251. A sample cut in the middle of a character is
/// still UTF-8.
pub fn detect_encoding(sample: &[u8], has_bom: bool) -> Encoding {
    if has_bom {
        return Encoding::Utf8;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => Encoding::Utf8,
        Err(error) if error.error_len().is_none() => Encoding::Utf8,
        Err(_) => Encoding::Cp1251,
    }
}

/// "UTF-16LE", "UTF-32LE" and so on when the sample starts with that byte order mark.
fn utf16_bom(sample: &[u8]) -> Option<&'static str> {
    if sample.starts_with(b"\xFF\xFE\x00\x00") {
        Some("UTF-32LE")
    } else if sample.starts_with(b"\x00\x00\xFE\xFF") {
        Some("UTF-32BE")
    } else if sample.starts_with(b"\xFF\xFE") {
        Some("UTF-16LE")
    } else if sample.starts_with(b"\xFE\xFF") {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// A CSV reading error in Russian, with the place it happened.
fn csv_problem(file: &str, error: csv::Error) -> anyhow::Error {
    let line = error.position().map(|p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(io) => crate::text::io_problem(file, "выгрузку", &io),
        _ => anyhow::anyhow!(
            "{file}{}: выгрузка не читается как CSV; сохраните её заново из Excel или формы опроса",
            line.map(|l| format!(": строка {l}")).unwrap_or_default()
        ),
    }
}

/// How many records the delimiter sniffer reads: the header and the rows after it.
const SNIFF_RECORDS: usize = 50;

/// Records as they stand: no header row, any number of fields per record.
fn csv_reader<R: Read>(delimiter: u8, source: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(source)
}

/// The delimiter that gives the header and the rows after it the same number of fields, the way
/// Python's csv.Sniffer and DuckDB's sniffer decide: counting one kind of character in the header
/// alone is fooled by long grid headers full of commas in a `;` export. Among delimiters that
/// agree equally well, the one that gives more fields wins. `cut` says the sample ends inside the
/// file, so its last record may be incomplete and is not counted.
pub fn sniff_delimiter(sample: &[u8], cut: bool) -> u8 {
    let mut best: Option<((u64, usize), u8)> = None;
    for delimiter in [b';', b',', b'\t'] {
        let mut reader = csv_reader(delimiter, sample);
        let mut record = ByteRecord::new();
        let mut widths: Vec<usize> = Vec::new();
        while widths.len() <= SNIFF_RECORDS {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {
                    if !record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                        widths.push(record.len());
                    }
                }
                _ => break,
            }
        }
        if cut && widths.len() > 2 {
            widths.pop();
        }
        let Some((&header, rows)) = widths.split_first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        // Agreement in thousandths, so that one stray row does not outweigh the rest.
        let agreement = if rows.is_empty() {
            1000
        } else {
            rows.iter().filter(|&&w| w == header).count() as u64 * 1000 / rows.len() as u64
        };
        let score = (agreement, header);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, delimiter));
        }
    }
    best.map_or(b',', |(_, delimiter)| delimiter)
}

/// Records read on another thread, in batches: parsing CSV and tallying it then share the two
/// cores, and the tally takes little more time than the parse alone.
pub struct RecordStream {
    receiver: std::sync::mpsc::Receiver<anyhow::Result<Vec<ByteRecord>>>,
    recycle: std::sync::mpsc::SyncSender<Vec<ByteRecord>>,
    batch: Vec<ByteRecord>,
    index: usize,
}

/// Records per batch: large enough to make the hand-over cheap, small enough to stay in cache.
const BATCH: usize = 1024;

/// Bytes per batch at most: a row of 20,000 columns is a megabyte, and a thousand of them must
/// not sit in each of the batches in flight.
const BATCH_BYTES: usize = 1 << 20;

impl RecordStream {
    /// Starts reading `export` on a thread of `scope`.
    pub fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        mut export: Export,
        progress: &'scope dyn ReadProgress,
    ) -> RecordStream {
        // At most a few batches in flight: memory stays constant whatever the file's size.
        let (sender, receiver) =
            std::sync::mpsc::sync_channel::<anyhow::Result<Vec<ByteRecord>>>(4);
        let (recycle, recycled) = std::sync::mpsc::sync_channel::<Vec<ByteRecord>>(8);
        scope.spawn(move || {
            loop {
                let mut batch = recycled.try_recv().unwrap_or_default();
                batch.resize_with(BATCH, ByteRecord::new);
                let mut filled = 0;
                let mut bytes = 0;
                while filled < BATCH && bytes < BATCH_BYTES {
                    match export.next_record(&mut batch[filled]) {
                        Ok(true) => {
                            bytes += batch[filled].as_slice().len();
                            filled += 1;
                        }
                        Ok(false) => break,
                        Err(error) => {
                            let _ = sender.send(Err(error));
                            return;
                        }
                    }
                }
                batch.truncate(filled);
                progress.advance(export.position());
                let full = filled == BATCH || bytes >= BATCH_BYTES;
                if filled == 0 || sender.send(Ok(batch)).is_err() || !full {
                    return;
                }
            }
        });
        RecordStream {
            receiver,
            recycle,
            batch: Vec::new(),
            index: 0,
        }
    }

    /// The next record into `record` (its old buffer goes back for reuse); false at the end.
    pub fn next_record(&mut self, record: &mut ByteRecord) -> anyhow::Result<bool> {
        loop {
            if self.index < self.batch.len() {
                std::mem::swap(record, &mut self.batch[self.index]);
                self.index += 1;
                return Ok(true);
            }
            let used = std::mem::take(&mut self.batch);
            if !used.is_empty() {
                let _ = self.recycle.try_send(used);
            }
            match self.receiver.recv() {
                Ok(Ok(batch)) => {
                    self.batch = batch;
                    self.index = 0;
                }
                Ok(Err(error)) => return Err(error),
                Err(_) => return Ok(false),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected_in_order() {
        assert_eq!(
            detect_encoding("Отметка времени".as_bytes(), false),
            Encoding::Utf8
        );
        let (cp, _, _) = encoding_rs::WINDOWS_1251.encode("Отметка времени");
        assert_eq!(detect_encoding(&cp, false), Encoding::Cp1251);
        // Cut in the middle of a two-byte letter: still UTF-8.
        let bytes = "Ответ".as_bytes();
        assert_eq!(detect_encoding(&bytes[..3], false), Encoding::Utf8);
    }

    #[test]
    fn delimiters_are_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1,2;3", false), b';');
        assert_eq!(sniff_delimiter(b"\"a;b\",c,d\n", false), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n", false), b'\t');
        assert_eq!(sniff_delimiter(b"single\n", false), b',');
    }

    #[test]
    fn the_delimiter_is_the_one_rows_agree_with() {
        // Grid headers full of commas in a `;` export: the header alone has more commas.
        let sample = "Время;Оцените, пожалуйста, работу [Консультации, звонки];Оцените, пожалуйста, работу [Расчеты, справки]\n\
                      01.11.2025;Полностью удовлетворен;Скорее удовлетворен\n\
                      02.11.2025;Скорее удовлетворен;Затрудняюсь ответить\n";
        assert_eq!(sniff_delimiter(sample.as_bytes(), false), b';');
        // A cut last row does not vote.
        let cut = "a,b,c\n1,2,3\n4,5,6\n7;8";
        assert_eq!(sniff_delimiter(cut.as_bytes(), true), b',');
    }

    #[test]
    fn cp1251_fields_decode() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Удовлетворен");
        assert_eq!(
            Encoding::Cp1251.decode(&bytes).as_deref(),
            Some("Удовлетворен")
        );
        assert!(Encoding::Utf8.decode(&bytes).is_none());
    }
}
