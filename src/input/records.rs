//! Records of a table file as users have them: CSV in UTF-8 (with or without BOM) or
//! Windows-1251, delimited by `,` `;` or tab, with CRLF and quoted multi-line answers; and the
//! first visible sheet of an XLSX workbook (Yandex Forms' default for survey exports).
//!
//! Records are streamed as raw bytes and decoded field by field, so a 1,000,000-row export is
//! read in constant memory and an undecodable row becomes a finding instead of a failure.

use super::text::{Encoding, detect_encoding, wide_bom};
use super::{Problem, Words};
use csv::ByteRecord;
use std::io::{Cursor, Read};
use std::path::Path;

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
    /// Number records by the lines of the file, blank lines counted, as a spreadsheet shows
    /// them (journals and registry tables); costs one more copy of the bytes, so a survey
    /// tally, which numbers its rows itself, goes without.
    pub count_lines: bool,
    /// Hand the first line over as the header as it is (the journal and a registry table find
    /// their header themselves, past a title block, and account for the lines above it); else
    /// the header is the first record with two or more filled cells, as of a workbook's sheet.
    pub first_line_as_header: bool,
}

enum Source {
    Csv(Box<csv::Reader<Box<dyn Read + Send>>>),
    Rows(std::vec::IntoIter<ByteRecord>),
}

/// Records read ahead of an export's header (looking for it past title lines) that turned out
/// to be records after all: handed out before the stream's.
type Ahead = std::collections::VecDeque<ByteRecord>;

/// An opened export: its header row and a stream of records.
pub struct Export {
    pub file: String,
    /// How a CSV file's bytes are decoded (UTF-8 for a workbook's cells, which are text already).
    pub encoding: Encoding,
    pub delimiter: Option<u8>,
    /// Column headers, trimmed; trailing columns without a header are dropped when empty.
    pub headers: Vec<String>,
    /// The size to read: bytes of a CSV file, records of a sheet (for progress).
    pub total: u64,
    /// Cells of the header row as the file has them, empty ones at its end counted (`headers`
    /// drops those).
    pub header_cells: usize,
    /// The line of a CSV file the header stands on (1 unless blank lines come first): the row
    /// a spreadsheet shows it on.
    pub header_line: u64,
    /// The domain's words for the problems met later in the stream.
    words: &'static Words,
    /// A workbook's sheet read (None for CSV), its rows hidden by hand (1-based, empty
    /// records here) and what its reading noticed (hidden sheets and columns, a filter on).
    pub sheet: Option<String>,
    pub hidden_rows: Vec<usize>,
    pub notes: Vec<String>,
    /// Whether records are numbered by the file's lines (`ReadOptions::count_lines`).
    count_lines: bool,
    /// Records read ahead while looking for the header past title lines.
    ahead: Ahead,
    source: Source,
}

const SAMPLE: usize = 64 * 1024;

impl Export {
    /// Opens a CSV or XLSX file as records; its problems are worded with the domain's `words`.
    pub fn open(
        path: &Path,
        options: ReadOptions,
        words: &'static Words,
    ) -> anyhow::Result<Export> {
        let file = path.display().to_string();
        match Export::open_csv(path, &file, options, words) {
            Ok(Some(export)) => Ok(export),
            Ok(None) => {
                let sheet = match super::Kind::of(path) {
                    Some(super::Kind::OpenSheet) => super::odt::first_visible_sheet(path),
                    _ => super::workbook::first_visible_rows(path),
                }
                .map_err(|problem| problem.explain(&file, words))?;
                let mut export = export_of_rows(file, sheet.rows, words);
                export.sheet = Some(sheet.name);
                export.hidden_rows = sheet.hidden_rows;
                export.notes = sheet.notes;
                Ok(export)
            }
            Err(problem) => Err(problem.explain(&file, words)),
        }
    }

    /// The CSV export, or None when the file is a workbook (its first bytes or its extension).
    fn open_csv(
        path: &Path,
        file_name: &str,
        options: ReadOptions,
        words: &'static Words,
    ) -> Result<Option<Export>, Problem> {
        // A pipe is never opened (it would block); an old Office file, a protected one, RTF or
        // PDF is named by what it is, never «не CSV».
        super::kind::sniff(path)?;
        let mut file = std::fs::File::open(path)?;
        let mut sample = Vec::with_capacity(SAMPLE);
        (&mut file).take(SAMPLE as u64).read_to_end(&mut sample)?;
        super::workbook::refused_format(path)?;
        let xlsx = path
            .extension()
            .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"));
        if sample.starts_with(b"PK\x03\x04") || xlsx {
            return Ok(None);
        }
        if let Some(which) = wide_bom(&sample) {
            return Err(Problem::WideEncoding { which });
        }
        if sample.contains(&0) {
            return Err(Problem::NulBytes);
        }
        let has_bom = sample.starts_with(b"\xEF\xBB\xBF");
        let encoding = options
            .encoding
            .unwrap_or_else(|| detect_encoding(&sample, has_bom));
        let body = if has_bom { &sample[3..] } else { &sample[..] };
        // Excel writes (and reads) a first line «sep=;» naming the delimiter: honoured, skipped.
        let (declared, body) = match separator_line(body) {
            Some((delimiter, rest)) => (Some(delimiter), rest),
            None => (None, body),
        };
        let cut = sample.len() == SAMPLE;
        let delimiter = options
            .delimiter
            .or(declared)
            .unwrap_or_else(|| sniff_delimiter(body, cut));
        let bytes = Cursor::new(body.to_vec()).chain(file);
        let rest: Box<dyn Read + Send> = if options.count_lines {
            Box::new(LineFeeds::new(bytes))
        } else {
            Box::new(bytes)
        };
        let mut reader = csv_reader(delimiter, rest);
        let mut header = ByteRecord::new();
        let has_header = reader.read_byte_record(&mut header).map_err(csv_problem)?;
        // Line feeds only, and one at the end (`LineFeeds`): the reader is past the header's.
        let mut header_line = if options.count_lines {
            reader.position().line().saturating_sub(1).max(1)
        } else {
            1
        };
        let mut ahead = Ahead::new();
        if has_header && !options.first_line_as_header && filled_cells(&header) < 2 {
            header_line += past_titles(&mut reader, &mut header, &mut ahead)?;
        }
        let mut headers = if has_header {
            decoded_header(&header, encoding)?
        } else {
            Vec::new()
        };
        let header_cells = headers.len();
        while headers.last().is_some_and(String::is_empty) {
            headers.pop();
        }
        let total = std::fs::metadata(path).map_or(0, |m| m.len());
        Ok(Some(Export {
            header_cells,
            header_line,
            count_lines: options.count_lines,
            file: file_name.to_string(),
            encoding,
            delimiter: Some(delimiter),
            headers,
            total,
            words,
            sheet: None,
            hidden_rows: Vec::new(),
            notes: Vec::new(),
            ahead,
            source: Source::Csv(Box::new(reader)),
        }))
    }

    /// An export whose records are already in memory (a workbook's sheet).
    pub fn from_rows(
        file: String,
        headers: Vec<String>,
        records: Vec<ByteRecord>,
        words: &'static Words,
    ) -> Export {
        Export {
            header_cells: headers.len(),
            header_line: 1,
            count_lines: false,
            file,
            words,
            encoding: Encoding::Utf8,
            delimiter: None,
            headers,
            total: records.len() as u64,
            sheet: None,
            hidden_rows: Vec::new(),
            notes: Vec::new(),
            ahead: Ahead::new(),
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

    /// The line of a CSV file the last record read begins on, counting blank lines (the row a
    /// spreadsheet shows it on); None for a workbook's rows.
    pub fn record_line(&self, record: &ByteRecord) -> Option<u64> {
        match &self.source {
            Source::Csv(reader) if self.count_lines && self.ahead.is_empty() => {
                // After a record the reader stands at the start of the next line; the record
                // ends on the line before and began as many lines earlier as it holds breaks.
                let breaks: u64 = record
                    .iter()
                    .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
                    .sum();
                // Counted back from where the record ends; a quote left open to the end of the
                // file took the last line feed as its own (no line ends the record after it), so
                // the record never begins before where the one before ended.
                let start = record.position().map_or(1, csv::Position::line);
                let back = reader.position().line().saturating_sub(1 + breaks);
                Some(back.max(start).max(1))
            }
            Source::Csv(_) | Source::Rows(_) => None,
        }
    }

    /// Reads the next record into `record`; false at the end.
    pub fn next_record(&mut self, record: &mut ByteRecord) -> anyhow::Result<bool> {
        if let Some(next) = self.ahead.pop_front() {
            *record = next;
            return Ok(true);
        }
        match &mut self.source {
            Source::Csv(reader) => reader
                .read_byte_record(record)
                .map_err(|error| csv_problem(error).explain(&self.file, self.words)),
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

/// Lines above an export's header that may be a title or blank (the header search of a table,
/// `input::table`, looks as far).
const TITLE_LINES: usize = 40;

/// The header's cells as text, trimmed; a cell that is not text in the encoding is refused.
fn decoded_header(header: &ByteRecord, encoding: Encoding) -> Result<Vec<String>, Problem> {
    let mut headers = Vec::with_capacity(header.len());
    for (i, field) in header.iter().enumerate() {
        let Some(text) = encoding.decode(field) else {
            return Err(Problem::HeaderEncoding {
                column: i + 1,
                encoding,
            });
        };
        headers.push(text.trim().to_string());
    }
    Ok(headers)
}

/// The header is the first record with two or more filled cells, as of a workbook's sheet
/// (`export_of_rows`): a title line above it («Результаты анкетирования, 2025 год») is not the
/// header, in a CSV as in the XLSX it was saved from. Looked for in the first lines only; when
/// none has two cells, the first line stays the header and the lines read stay `ahead`. The
/// lines the header moved down by.
fn past_titles<R: Read>(
    reader: &mut csv::Reader<R>,
    header: &mut ByteRecord,
    ahead: &mut Ahead,
) -> Result<u64, Problem> {
    let mut record = ByteRecord::new();
    while ahead.len() < TITLE_LINES && reader.read_byte_record(&mut record).map_err(csv_problem)? {
        ahead.push_back(record.clone());
    }
    match ahead.iter().position(|r| filled_cells(r) >= 2) {
        Some(at) => {
            *header = ahead.drain(..=at).next_back().unwrap_or_default();
            Ok(at as u64 + 1)
        }
        None => Ok(0),
    }
}

/// The cells of a record with something in them.
fn filled_cells(record: &ByteRecord) -> usize {
    record
        .iter()
        .filter(|f| !f.iter().all(u8::is_ascii_whitespace))
        .count()
}

/// The first row as the header (trailing empty headers dropped), the rest as records padded to
/// it, as a CSV export of the same sheet has them.
fn export_of_rows(file: String, rows: Vec<ByteRecord>, words: &'static Words) -> Export {
    // The header is the first row with two or more filled cells: empty rows and a title row
    // above it (one cell, «Результаты опроса») are not the header, as a CSV export's empty
    // first line is not.
    let skip = rows
        .iter()
        .take(TITLE_LINES + 1)
        .position(|r| filled_cells(r) >= 2)
        .unwrap_or(0);
    let header_line = skip as u64 + 1;
    let mut records = rows.into_iter().skip(skip);
    let mut headers: Vec<String> = records
        .next()
        .map(|h| {
            h.iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    let width = headers.len();
    let records: Vec<ByteRecord> = records
        .map(|mut record| {
            while record.len() < width {
                record.push_field(b"");
            }
            record
        })
        .collect();
    let mut export = Export::from_rows(file, headers, records, words);
    export.header_line = header_line;
    export
}

/// A byte stream with every CRLF as LF and a LF at its end, so that the CSV reader counts
/// lines the same way whatever the file's line ends, and row numbers can be told from it.
struct LineFeeds<R> {
    inner: R,
    /// Converted bytes not yet handed out, from `at`.
    ready: Vec<u8>,
    at: usize,
    /// A CR read at the end of a chunk, not yet known to be followed by a LF.
    pending_cr: bool,
    last: u8,
    done: bool,
}

impl<R: Read> LineFeeds<R> {
    fn new(inner: R) -> Self {
        LineFeeds {
            inner,
            ready: Vec::new(),
            at: 0,
            pending_cr: false,
            last: b'\n',
            done: false,
        }
    }

    /// Converts the next chunk of the inner stream into `ready`.
    fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 64 * 1024];
        self.ready.clear();
        self.at = 0;
        while self.ready.is_empty() && !self.done {
            let n = self.inner.read(&mut chunk)?;
            if n == 0 {
                self.done = true;
                if std::mem::take(&mut self.pending_cr) {
                    self.ready.push(b'\r');
                    self.last = b'\r';
                }
                if self.last != b'\n' {
                    self.ready.push(b'\n');
                }
                break;
            }
            let mut rest = &chunk[..n];
            if std::mem::take(&mut self.pending_cr) && rest.first() != Some(&b'\n') {
                self.ready.push(b'\r');
            }
            // Copied in runs between carriage returns: most files have none, or one per line.
            while let Some(at) = rest.iter().position(|&b| b == b'\r') {
                self.ready.extend_from_slice(&rest[..at]);
                match rest.get(at + 1) {
                    Some(b'\n') => {}
                    Some(_) => self.ready.push(b'\r'),
                    None => self.pending_cr = true,
                }
                rest = &rest[at + 1..];
            }
            self.ready.extend_from_slice(rest);
            if let Some(&last) = self.ready.last() {
                self.last = last;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for LineFeeds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at >= self.ready.len() {
            self.fill()?;
        }
        let available = &self.ready[self.at..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.at += n;
        Ok(n)
    }
}

/// A CSV reading error as a problem, with the line it happened on.
fn csv_problem(error: csv::Error) -> Problem {
    let line = error.position().map(|p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Problem::Io(io),
        _ => Problem::NotCsv { line },
    }
}

/// The delimiter a first line `sep=X` declares, and the bytes after that line.
fn separator_line(body: &[u8]) -> Option<(u8, &[u8])> {
    let end = body.iter().position(|&b| b == b'\n')?;
    let line = body[..end].strip_suffix(b"\r").unwrap_or(&body[..end]);
    let rest = line
        .strip_prefix(b"sep=")
        .or_else(|| line.strip_prefix(b"SEP="))?;
    match rest {
        [delimiter] => Some((*delimiter, &body[end + 1..])),
        _ => None,
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
    // Title lines above the header hold none of the delimiters («Журнал учета обращений
    // (DIRECTUM RX)»): the delimiter is told from the header and the rows under it.
    let mut sample = sample;
    for _ in 0..40 {
        let Some(end) = sample.iter().position(|&b| b == b'\n') else {
            break;
        };
        let line = &sample[..end];
        let blank = line.iter().all(u8::is_ascii_whitespace);
        // A title may hold a comma of its prose («Журнал обращений, 2025 год»), never a row's
        // worth of delimiters.
        let commas = line.iter().filter(|&&b| b == b',').count();
        let others = line.iter().any(|b| matches!(b, b';' | b'\t' | b'|'));
        if blank || others || commas > 1 {
            break;
        }
        sample = &sample[end + 1..];
    }
    let mut best: Option<((u64, usize), u8)> = None;
    for delimiter in [b';', b',', b'\t', b'|'] {
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
    fn line_feeds_turn_crlf_into_lf_and_end_with_one() {
        let convert = |bytes: &[u8]| {
            let mut out = Vec::new();
            LineFeeds::new(bytes).read_to_end(&mut out).unwrap();
            out
        };
        assert_eq!(convert(b"a\r\nb\r\n"), b"a\nb\n");
        assert_eq!(convert(b"a\nb"), b"a\nb\n");
        assert_eq!(convert(b"a\rb\r"), b"a\rb\r\n");
        assert_eq!(convert(b""), b"");
    }

    #[test]
    fn a_sep_line_names_the_delimiter_and_is_skipped() {
        let (delimiter, rest) = separator_line(b"sep=;\r\na;b\n1;2\n").unwrap();
        assert_eq!((delimiter, rest), (b';', &b"a;b\n1;2\n"[..]));
        assert!(separator_line(b"a;b\n").is_none());
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3\n", false), b'|');
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
}
