//! One streaming pass over an export: every row is checked (S005, S006) and every column tallied
//! on both scales at once, so the columns can be classified at the end without a second read.
//! Memory stays constant in the number of rows: per column a few counters, per segment a few
//! more, a capped sample of values outside the scales, and one 64-bit hash per row for
//! duplicates.

use super::codes;
pub use super::codes::Misfit;
use super::columns::{Column, Role, classify_headers};
use super::definition::Definition;
use super::scale::{LONGEST_OPTION_BYTES, Placement, place};
use crate::diagnostic::Finding;
use crate::input::records::{Export, ReadOptions, ReadProgress, RecordStream};
use crate::input::table::{Fate, TableAccount, opens_tail, tail_row};
use crate::input::text::Encoding;
use crate::privacy::{Identifying, identifying};
use csv::ByteRecord;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::path::Path;
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

/// xxh3 for the maps keyed by answer bytes and row fingerprints: these are hashed once per cell
/// and per row of a million-row export, where SipHash showed in the profile.
type FastHash = BuildHasherDefault<Xxh3Default>;

/// Row fingerprints kept for the duplicate check (S006): 8 bytes each in a table of 2^21 slots
/// (18 MB); the cap keeps the table from doubling, so memory stays bounded on any export.
/// Rows past this many are still checked against the ones kept, but no longer added.
pub const MAX_FINGERPRINTS: usize = 1_800_000;

/// How many values outside a scale are kept per column, to be reported with row and column.
pub const MISFIT_SAMPLE: usize = 200;

/// How many values outside a scale are kept over all columns, per scale: every column is
/// counted on both scales, and a column of one scale misfits the other in every cell; 20,000
/// columns of 200 kept values each would hold a quarter of a gigabyte. Past the budget values
/// are still counted, and reported as a number.
pub const MISFIT_BUDGET: usize = 20_000;

/// Counters of one column on one scale.
#[derive(Debug, Clone)]
pub struct ScaleTally<const N: usize> {
    pub counts: [u64; N],
    /// Non-empty values that are none of the options.
    pub misfits: u64,
    pub sample: Vec<Misfit>,
}

impl<const N: usize> Default for ScaleTally<N> {
    fn default() -> Self {
        ScaleTally {
            counts: [0; N],
            misfits: 0,
            sample: Vec::new(),
        }
    }
}

impl<const N: usize> ScaleTally<N> {
    fn add(
        &mut self,
        option: Option<u8>,
        row: u64,
        budget: &mut usize,
        value: impl FnOnce() -> String,
    ) {
        match option {
            Some(i) => self.counts[i as usize] += 1,
            None => {
                self.misfits += 1;
                if self.sample.len() < MISFIT_SAMPLE && *budget > 0 {
                    *budget -= 1;
                    self.sample.push(Misfit {
                        row,
                        value: value(),
                    });
                }
            }
        }
    }

    pub fn matched(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// Everything counted for one column.
#[derive(Debug, Clone, Default)]
pub struct ColumnTally {
    pub nonempty: u64,
    pub five: ScaleTally<5>,
    pub three: ScaleTally<3>,
    /// Per segment group: counts on both scales and the answers of any kind.
    pub groups: Vec<GroupCounts>,
    /// Non-empty cells of this column in rows left out as broken (S005) or repeated (S006).
    pub left_out_rows: u64,
    /// Values that look like a name, an e-mail address or a phone number (in the order of
    /// [`Identifying`]): a personal column without a telling header.
    pub identifying: [u64; 3],
}

impl ColumnTally {
    /// Counts an answer to an item on both scales, and in its segment group.
    fn add_answer(
        &mut self,
        placement: Placement,
        row: u64,
        group: Option<usize>,
        budgets: &mut (usize, usize),
        value: impl Fn() -> String,
    ) {
        self.five.add(placement.five, row, &mut budgets.0, &value);
        self.three.add(placement.three, row, &mut budgets.1, &value);
        if let Some(group) = group {
            if self.groups.len() <= group {
                self.groups.resize(group + 1, GroupCounts::default());
            }
            let counts = &mut self.groups[group];
            if let Some(option) = placement.five {
                counts.five[option as usize] += 1;
            }
            if let Some(option) = placement.three {
                counts.three[option as usize] += 1;
            }
        }
    }

    fn note_identifying(&mut self, kind: Option<Identifying>) {
        if let Some(kind) = kind {
            self.identifying[kind as usize] += 1;
        }
    }

    /// What most of the identifying values are, when at least a third of the column's values
    /// identify a person: such a column is personal whatever its header says.
    pub fn identifies(&self) -> Option<Identifying> {
        let total: u64 = self.identifying.iter().sum();
        if self.nonempty == 0 || total == 0 || total * 3 < self.nonempty {
            return None;
        }
        let most = (0..3).max_by_key(|&i| self.identifying[i]).unwrap_or(0);
        Some([Identifying::Name, Identifying::Email, Identifying::Phone][most])
    }
}

/// One segment group's figures of one column.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupCounts {
    pub five: [u64; 5],
    pub three: [u64; 3],
}

/// A problem or proposal text as answered, counted once per normalised text.
#[derive(Debug, Clone)]
pub struct PainText {
    pub column: usize,
    pub text: String,
    pub count: u64,
}

/// What one pass over an export found.
pub struct ScannedExport {
    pub file: String,
    /// How the export was decoded (for messages when nothing made sense).
    pub encoding: Encoding,
    /// The delimiter of a CSV export; None for a workbook (no encoding or delimiter to blame).
    pub delimiter: Option<u8>,
    pub columns: Vec<Column>,
    pub tallies: Vec<ColumnTally>,
    /// Rows counted (not empty, not broken, not repeated).
    pub respondents: u64,
    /// Segment groups in order of first appearance, with their number of respondents.
    pub groups: Vec<(String, u64)>,
    /// For each name of [`ScanConfig::profile_columns`], the column that asks it (None: not
    /// asked). With profile columns and no `by`, a group's name is their values joined by
    /// [`PROFILE_SEPARATOR`].
    pub profile_columns: Vec<Option<usize>>,
    /// S001, S005, S006 found while reading.
    pub findings: Vec<Finding>,
    /// Problem and proposal texts (only when asked for).
    pub pains: Vec<PainText>,
    /// What became of every row of the export (import.md, «Every row and column accounted
    /// for»), and what its reading noticed (hidden sheets, columns, a filter that was on).
    pub ledger: TableAccount,
    /// When the answers were given, from the timestamps (survey.md «Which year»).
    pub dates: super::dates::AnswerDates,
}

/// What the scan is asked to do.
pub struct ScanConfig<'a> {
    pub read: ReadOptions,
    pub definition: Option<&'a Definition>,
    /// The header (or `*` pattern) of the column to break results down by.
    pub by: Option<&'a str>,
    pub collect_pains: bool,
    /// Questions about the respondent's segment a profile uses (attribute names, matched to
    /// headers normalised): with no `by`, every row's group is the combination of their values.
    pub profile_columns: &'a [String],
    /// Told how far the reading got; the scan draws nothing itself.
    pub progress: &'a dyn ReadProgress,
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

/// A field as trimmed text; empty when it is not text in the export's encoding.
fn trimmed(encoding: Encoding, raw: &[u8]) -> String {
    encoding
        .decode(raw)
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

/// Reads the whole export once: records are parsed on one core and tallied on the other.
pub fn scan(path: &Path, config: &ScanConfig) -> anyhow::Result<ScannedExport> {
    let export = Export::open(path, config.read, &super::EXPORT_WORDS)?;
    config.progress.start(path, export.total);
    let scanned = std::thread::scope(|scope| scan_export(export, scope, config));
    config.progress.finish();
    scanned
}

fn scan_export<'scope>(
    export: Export,
    scope: &'scope std::thread::Scope<'scope, '_>,
    config: &ScanConfig<'scope>,
) -> anyhow::Result<ScannedExport> {
    let mut pass = Pass::new(&export, config)?;
    // Rows as the spreadsheet numbers them: the header may stand below a title row.
    let first_row = export.header_line;
    for title in 1..first_row {
        pass.ledger.note(title as usize, Fate::Title);
    }
    pass.ledger.note(first_row as usize, Fate::Header);
    let mut records = RecordStream::start(scope, export, config.progress);
    let mut record = ByteRecord::new();
    let mut upcoming = ByteRecord::new();
    let mut row = first_row;
    let mut more = records.next_record(&mut upcoming)?;
    while more {
        // One record of lookahead: the last record is where an unclosed quote ends up.
        std::mem::swap(&mut record, &mut upcoming);
        more = records.next_record(&mut upcoming)?;
        row += 1;
        if record.iter().all(is_blank) {
            // Never noted: the ledger fills it in as empty, or hidden when the sheet hid it.
            continue;
        }
        if let Some(fate) = pass.tail_row(&record) {
            pass.ledger.note(row as usize, fate);
            continue;
        }
        if pass.repeats_header(&record) {
            pass.ledger.note(row as usize, Fate::Header);
            continue;
        }
        match pass.rejection(&record, row, !more) {
            Some(finding) => {
                let fate = if finding.code == "S006" {
                    Fate::Repeated
                } else {
                    Fate::Finding
                };
                pass.ledger.note(row as usize, fate);
                pass.leave_out(&record, finding)
            }
            None => {
                pass.ledger.note(row as usize, Fate::Record);
                pass.count(&record, row)
            }
        }
    }
    pass.ledger.finish(row as usize);
    Ok(pass.finish())
}

/// What one pass keeps between rows.
struct Pass {
    file: String,
    encoding: Encoding,
    delimiter: Option<u8>,
    /// Cells in the header.
    width: usize,
    /// The header's cells as the file has them, empty ones at its end counted.
    header_cells: usize,
    columns: Vec<Column>,
    segment: Option<usize>,
    /// The columns of the profile attributes asked (in the order of the config's names).
    profile_columns: Vec<Option<usize>>,
    timestamp: Option<usize>,
    /// When the counted answers were given (survey.md «Which year»).
    dates: super::dates::AnswerDates,
    collect_pains: bool,
    tallies: Vec<ColumnTally>,
    findings: Vec<Finding>,
    placer: Placer,
    identifier: Identifier,
    groups: Groups,
    fingerprints: Fingerprints,
    pains: Pains,
    respondents: u64,
    /// What is left of [`MISFIT_BUDGET`] on the five-point and the three-way scale.
    budgets: (usize, usize),
    ledger: TableAccount,
    /// Which columns hold answers (a count under one is a totals row).
    text_columns: Vec<bool>,
    /// The header's cells, trimmed: a row that repeats them is the header again (a copy of the
    /// table pasted below, two exports joined), never a questionnaire.
    headers: Vec<String>,
}

impl Pass {
    fn new(export: &Export, config: &ScanConfig) -> anyhow::Result<Pass> {
        let (columns, findings) =
            classify_headers(&export.file, &export.headers, config.definition, config.by)?;
        let width = export.headers.len();
        let table = match &export.sheet {
            Some(sheet) => format!("{}: лист «{sheet}»", export.file),
            None => export.file.clone(),
        };
        let mut ledger = TableAccount::new(table, &export.hidden_rows);
        ledger.notes = export.notes.clone();
        let text_columns = columns
            .iter()
            .map(|c| matches!(c.role, Role::Item | Role::Candidate))
            .collect();
        Ok(Pass {
            headers: export.headers.clone(),
            file: export.file.clone(),
            encoding: export.encoding,
            delimiter: export.delimiter,
            width,
            header_cells: export.header_cells.max(width),
            segment: columns.iter().position(|c| c.role == Role::Segment),
            profile_columns: config
                .profile_columns
                .iter()
                .map(|name| {
                    columns.iter().position(|c| {
                        !matches!(c.role, Role::Personal | Role::Item)
                            && crate::text::normalize(&c.header) == crate::text::normalize(name)
                    })
                })
                .collect(),
            timestamp: columns.iter().position(|c| c.role == Role::Timestamp),
            columns,
            collect_pains: config.collect_pains,
            tallies: vec![ColumnTally::default(); width],
            findings,
            placer: Placer::new(export.encoding),
            identifier: Identifier::default(),
            groups: Groups::default(),
            fingerprints: Fingerprints::default(),
            pains: Pains::default(),
            respondents: 0,
            budgets: (MISFIT_BUDGET, MISFIT_BUDGET),
            ledger,
            text_columns,
            dates: super::dates::AnswerDates::default(),
        })
    }

    /// A totals, signature or note row under the answers (a paper sheet typed by hand ends with
    /// «Итого 30 30 30»): told as every table's are (`input::table::tail_row`). Only a row
    /// whose first cell is not a timestamp, or whose cells are all counts, is looked at.
    fn tail_row(&self, record: &ByteRecord) -> Option<Fate> {
        let first = record.iter().find(|f| !is_blank(f))?;
        let counts_only = record.iter().all(|f| {
            f.iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b',' | b'.' | b'%' | b'\t'))
        });
        if !counts_only
            && (first.first().is_some_and(u8::is_ascii_digit)
                || !opens_tail(&trimmed(self.encoding, first)))
        {
            return None;
        }
        let cells: Vec<String> = record.iter().map(|f| trimmed(self.encoding, f)).collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        tail_row(&cells, &self.text_columns)
    }

    /// Whether a record repeats the header cell by cell (its trailing empty cells aside).
    fn repeats_header(&self, record: &ByteRecord) -> bool {
        let first = self.headers.first().map_or("", String::as_str);
        let Some(cell) = record.get(0) else {
            return false;
        };
        // A row per record of a million: the first cell's bytes are compared before anything
        // is decoded or allocated (in UTF-8 they are the header's own bytes).
        let cell = cell.trim_ascii();
        let same_first = match self.encoding {
            Encoding::Utf8 => cell == first.as_bytes(),
            Encoding::Cp1251 => cell.len() <= first.len() && trimmed(self.encoding, cell) == first,
        };
        if first.is_empty() || !same_first {
            return false;
        }
        let cells: Vec<String> = record.iter().map(|f| trimmed(self.encoding, f)).collect();
        let filled = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        filled == self.headers.len() && cells[..filled] == self.headers[..]
    }

    /// Why a row is left out (S005, S006), if it is; `last` for the last record of the file.
    fn rejection(&mut self, record: &ByteRecord, row: u64, last: bool) -> Option<Finding> {
        if last && let Some(finding) = self.unclosed_quote(record, row) {
            return Some(finding);
        }
        if let Some(finding) = self.wrong_width(record, row) {
            return Some(finding);
        }
        if let Some(finding) = self.unreadable(record, row) {
            return Some(finding);
        }
        self.repeated(record, row)
    }

    /// S005: a swallowed row shows as a line inside the cell with a row's worth of delimiters.
    fn unclosed_quote(&self, record: &ByteRecord, row: u64) -> Option<Finding> {
        let delimiter = self.delimiter?;
        let row_of_delimiters = self.width.saturating_sub(1).max(1);
        let column = record.iter().position(|f| {
            f.split(|&b| b == b'\n')
                .skip(1)
                .any(|line| line.iter().filter(|&&b| b == delimiter).count() >= row_of_delimiters)
        })?;
        Some(codes::unclosed_quote(&self.file, row, column))
    }

    /// S005: a row longer than the header (beyond empty trailing cells) or shorter.
    fn wrong_width(&self, record: &ByteRecord, row: u64) -> Option<Finding> {
        let extra_filled = record.iter().skip(self.width).any(|f| !is_blank(f));
        (record.len() < self.width || extra_filled)
            .then(|| codes::row_width(&self.file, row, record.len(), self.width, self.header_cells))
    }

    /// S005: a field that is not text in the detected encoding. UTF-8 is validated for the
    /// whole record at once; the field is looked for only when that fails.
    fn unreadable(&self, record: &ByteRecord, row: u64) -> Option<Finding> {
        let valid = match self.encoding {
            Encoding::Utf8 => simdutf8::basic::from_utf8(record.as_slice()).is_ok(),
            Encoding::Cp1251 => false,
        };
        if valid {
            return None;
        }
        let bad = (0..self.width).find(|&i| self.encoding.decode(&record[i]).is_none())?;
        Some(codes::unreadable_row(&self.file, row, bad, self.encoding))
    }

    /// S006: the same timestamp and answers twice. A row that is not a repeat is remembered.
    fn repeated(&mut self, record: &ByteRecord, row: u64) -> Option<Finding> {
        let timestamp = self.timestamp?;
        // Without seconds, two people who gave the same answers in one minute look alike: the
        // check is off for such a row (and said once, at the end).
        if let Some((_, false)) = super::dates::moment(&trimmed(self.encoding, &record[timestamp]))
        {
            return None;
        }
        if self.fingerprints.insert(record, self.width) {
            return None;
        }
        let time = crate::privacy::shown(&trimmed(self.encoding, &record[timestamp])).into_owned();
        Some(codes::repeated_row(&self.file, row, timestamp, &time))
    }

    /// A rejected row: its finding, and its non-empty cells counted as left out.
    fn leave_out(&mut self, record: &ByteRecord, finding: Finding) {
        self.findings.push(finding);
        for (i, tally) in self.tallies.iter_mut().enumerate() {
            if record.get(i).is_some_and(|f| !is_blank(f)) {
                tally.left_out_rows += 1;
            }
        }
    }

    /// Counts a row that is neither broken nor repeated: its segment, then every cell.
    fn count(&mut self, record: &ByteRecord, row: u64) {
        self.respondents += 1;
        if let Some(t) = self.timestamp {
            self.dates.note(&trimmed(self.encoding, &record[t]));
        }
        let mut group = None;
        if let Some(s) = self.segment {
            // The segment's values are looked at once per row, here.
            let kind = self.identifier.of(self.encoding, &record[s]);
            self.tallies[s].note_identifying(kind);
            group = Some(self.groups.add(trimmed(self.encoding, &record[s])));
        } else if self.profile_columns.iter().any(Option::is_some) {
            // The combination of the respondent's answers about their segment, for profiles.
            let values: Vec<String> = self
                .profile_columns
                .iter()
                .map(|c| c.map_or(String::new(), |c| trimmed(self.encoding, &record[c])))
                .collect();
            group = Some(self.groups.add(values.join(PROFILE_SEPARATOR)));
        }
        for (i, column) in self.columns.iter().enumerate() {
            let raw = &record[i];
            if is_blank(raw) {
                continue;
            }
            let tally = &mut self.tallies[i];
            tally.nonempty += 1;
            match column.role {
                Role::Candidate | Role::Item => {
                    let placement = self.placer.place(raw);
                    // Only a value outside the scales can identify a person.
                    if placement.five.is_none() && placement.three.is_none() {
                        tally.note_identifying(self.identifier.of(self.encoding, raw));
                    }
                    let value = || trimmed(self.encoding, raw);
                    tally.add_answer(placement, row, group, &mut self.budgets, value);
                }
                Role::Problem | Role::Proposal | Role::Other => {
                    tally.note_identifying(self.identifier.of(self.encoding, raw));
                    if self.collect_pains
                        && column.role != Role::Other
                        && let Some(text) = self.encoding.decode(raw)
                    {
                        self.pains.add(i, text.trim());
                    }
                }
                Role::Timestamp | Role::Personal | Role::Segment => {}
            }
        }
    }

    fn finish(mut self) -> ScannedExport {
        if self.dates.without_seconds > 0 {
            self.ledger.notes.push(format!(
                "повторы анкет (S006) не искались в {} {}: в отметке времени нет секунд, и разные люди, ответившие одинаково в одну минуту, неотличимы от повтора",
                self.dates.without_seconds,
                crate::text::plural(self.dates.without_seconds as usize, "строке", "строках", "строках")
            ));
        }
        ScannedExport {
            dates: self.dates,
            file: self.file,
            encoding: self.encoding,
            delimiter: self.delimiter,
            columns: self.columns,
            tallies: self.tallies,
            respondents: self.respondents,
            groups: self.groups.list,
            profile_columns: self.profile_columns,
            findings: self.findings,
            pains: self.pains.into_list(),
            ledger: self.ledger,
        }
    }
}

/// Where a cell stands on both scales, from its raw bytes.
/// Whether a value identifies a person, decided once per distinct value: segment values and
/// short answers repeat on every row. At most [`Identifier::KEPT`] values are remembered.
#[derive(Default)]
struct Identifier {
    seen: HashMap<Box<[u8]>, Option<Identifying>, FastHash>,
}

impl Identifier {
    const KEPT: usize = 4096;

    fn of(&mut self, encoding: Encoding, raw: &[u8]) -> Option<Identifying> {
        if let Some(kind) = self.seen.get(raw) {
            return *kind;
        }
        let kind = encoding.decode(raw).and_then(|text| identifying(&text));
        if self.seen.len() < Self::KEPT && raw.len() <= 256 {
            self.seen.insert(raw.into(), kind);
        }
        kind
    }
}

struct Placer {
    /// The options as the export spells them exactly.
    exact: Vec<(Vec<u8>, Placement)>,
    /// Other spellings met so far (at most 4096 are kept).
    seen: HashMap<Box<[u8]>, Placement, FastHash>,
    encoding: Encoding,
}

impl Placer {
    fn new(encoding: Encoding) -> Placer {
        Placer {
            exact: exact_options(encoding),
            seen: HashMap::default(),
            encoding,
        }
    }

    fn place(&mut self, raw: &[u8]) -> Placement {
        if raw.len() > LONGEST_OPTION_BYTES {
            return Placement::default();
        }
        if let Some((_, placement)) = self.exact.iter().find(|(bytes, _)| bytes == raw) {
            return *placement;
        }
        if let Some(placement) = self.seen.get(raw) {
            return *placement;
        }
        let text = self.encoding.decode(raw).unwrap_or_default();
        let placement = place(&text);
        if self.seen.len() < 4096 {
            self.seen.insert(raw.into(), placement);
        }
        placement
    }
}

/// Between the values of a profile group's name (a character no answer holds).
pub const PROFILE_SEPARATOR: &str = "\u{1f}";

/// Segment groups in order of first appearance, with their number of respondents.
#[derive(Default)]
struct Groups {
    ids: HashMap<String, usize>,
    list: Vec<(String, u64)>,
}

impl Groups {
    /// Counts a respondent of the group `value` and returns the group's index.
    fn add(&mut self, value: String) -> usize {
        let value = if value.is_empty() {
            "(не указано)".to_string()
        } else {
            value
        };
        let next = self.ids.len();
        let list = &mut self.list;
        let id = *self.ids.entry(value.clone()).or_insert_with(|| {
            list.push((value, 0));
            next
        });
        self.list[id].1 += 1;
        id
    }
}

/// Fingerprints of the rows counted so far, for the duplicate check (S006).
#[derive(Default)]
struct Fingerprints {
    seen: HashSet<u64, FastHash>,
    /// Scratch space for the field lengths of one row.
    lengths: Vec<u8>,
}

impl Fingerprints {
    /// False when an earlier row had the same fingerprint; else remembers this one (up to
    /// [`MAX_FINGERPRINTS`]) and returns true.
    fn insert(&mut self, record: &ByteRecord, width: usize) -> bool {
        // The fingerprint covers the bytes and where each field ends.
        self.lengths.clear();
        for field in record.iter().take(width) {
            self.lengths
                .extend_from_slice(&(field.len() as u32).to_le_bytes());
        }
        let taken = record.iter().take(width).map(<[u8]>::len).sum::<usize>();
        let digest = xxh3_64(&record.as_slice()[..taken]) ^ xxh3_64(&self.lengths).rotate_left(17);
        if self.seen.contains(&digest) {
            return false;
        }
        if self.seen.len() < MAX_FINGERPRINTS {
            self.seen.insert(digest);
        }
        true
    }
}

/// Problem and proposal texts, counted once per column and normalised text, in order of first
/// appearance.
#[derive(Default)]
struct Pains {
    counted: HashMap<(usize, String), PainText>,
    order: Vec<(usize, String)>,
}

impl Pains {
    fn add(&mut self, column: usize, text: &str) {
        let key = (column, crate::text::normalize_option(text));
        if key.1.is_empty() || is_no_answer(&key.1) {
            return;
        }
        match self.counted.get_mut(&key) {
            Some(pain) => pain.count += 1,
            None => {
                self.order.push(key.clone());
                self.counted.insert(
                    key,
                    PainText {
                        column,
                        text: text.to_string(),
                        count: 1,
                    },
                );
            }
        }
    }

    fn into_list(mut self) -> Vec<PainText> {
        self.order
            .into_iter()
            .filter_map(|key| self.counted.remove(&key))
            .collect()
    }
}

/// The options as the export spells them exactly, in its encoding: most cells are one of these,
/// and are placed by comparing bytes, before any decoding or normalising.
fn exact_options(encoding: Encoding) -> Vec<(Vec<u8>, Placement)> {
    let mut options: Vec<&str> = super::scale::FIVE_POINT.iter().map(|(o, _)| *o).collect();
    options.extend(super::scale::THREE_WAY.iter().map(|(o, _)| *o));
    options.dedup();
    options
        .into_iter()
        .map(|option| {
            let bytes = match encoding {
                Encoding::Utf8 => option.as_bytes().to_vec(),
                Encoding::Cp1251 => encoding_rs::WINDOWS_1251.encode(option).0.into_owned(),
            };
            (bytes, place(option))
        })
        .collect()
}

/// "Нет", "нет проблем", "-" and the like are not problems.
fn is_no_answer(normalized: &str) -> bool {
    matches!(
        normalized,
        "нет"
            | "-"
            | "—"
            | "нет проблем"
            | "проблем нет"
            | "нет предложений"
            | "предложений нет"
            | "не сталкивался"
            | "не сталкивалась"
            | "все устраивает"
    )
}
