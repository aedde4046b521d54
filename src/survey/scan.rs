//! One streaming pass over an export: every row is checked (S005, S006) and every column tallied
//! on both scales at once, so the columns can be classified at the end without a second read.
//! Memory stays constant in the number of rows: per column a few counters, per segment a few
//! more, a capped sample of values outside the scales, and one 64-bit hash per row for
//! duplicates.

use super::columns::{Column, Role, classify_headers};
use super::definition::Definition;
use super::personal::{Identifying, identifying};
use super::read::{Export, ReadOptions, RecordStream};
use super::scale::{LONGEST_OPTION_BYTES, Placement, place};
use crate::diagnostic::{Finding, Severity};
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

/// A value of a column that is not an option of a scale.
#[derive(Debug, Clone)]
pub struct Misfit {
    pub row: u64,
    pub value: String,
}

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
    fn note_identifying(&mut self, text: &str) {
        if let Some(kind) = identifying(text) {
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

/// One segment group's counts of one column, on both scales.
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
    pub encoding: super::read::Encoding,
    pub columns: Vec<Column>,
    pub tallies: Vec<ColumnTally>,
    /// Rows counted (not empty, not broken, not repeated).
    pub respondents: u64,
    /// Segment groups in order of first appearance, with their number of respondents.
    pub groups: Vec<(String, u64)>,
    /// S001, S005, S006 found while reading.
    pub findings: Vec<Finding>,
    /// Problem and proposal texts (only when asked for).
    pub pains: Vec<PainText>,
}

/// What the scan is asked to do.
pub struct ScanConfig<'a> {
    pub read: ReadOptions,
    pub definition: Option<&'a Definition>,
    /// The header (or `*` pattern) of the column to break results down by.
    pub by: Option<&'a str>,
    pub collect_pains: bool,
    /// Where to report how far the reading got.
    pub progress: Option<&'a crate::progress::Progress>,
}

fn finding(code: &'static str, message: String) -> Finding {
    Finding::new(code, crate::rules::severity_of(code), message)
}

/// A row-and-column finding of an export.
pub fn cell_finding(
    code: &'static str,
    file: &str,
    row: u64,
    column: Option<usize>,
    message: String,
    help: &str,
) -> Finding {
    let mut finding = finding(code, message).with_help(help);
    finding.file = file.to_string();
    finding.row = Some(row as usize);
    finding.column = column.map(|c| c + 1);
    finding
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

/// Reads the whole export once: records are parsed on one core and tallied on the other.
pub fn scan(path: &Path, config: &ScanConfig) -> anyhow::Result<ScannedExport> {
    let export = Export::open(path, config.read)?;
    let hidden = crate::progress::Progress::hidden();
    let progress = config.progress.unwrap_or(&hidden);
    std::thread::scope(|scope| scan_export(export, scope, progress, config))
}

fn scan_export<'scope>(
    export: Export,
    scope: &'scope std::thread::Scope<'scope, '_>,
    progress: &'scope crate::progress::Progress,
    config: &ScanConfig,
) -> anyhow::Result<ScannedExport> {
    let file = export.file.clone();
    let encoding = export.encoding;
    let (columns, mut findings) =
        classify_headers(&file, &export.headers, config.definition, config.by)?;
    let width = export.headers.len();
    let mut tallies: Vec<ColumnTally> = vec![ColumnTally::default(); width];
    let segment = columns.iter().position(|c| c.role == Role::Segment);
    let timestamp = columns.iter().position(|c| c.role == Role::Timestamp);

    let exact = exact_options(encoding);
    let mut placements: HashMap<Box<[u8]>, Placement, FastHash> = HashMap::default();
    let mut group_ids: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, u64)> = Vec::new();
    let mut seen_rows: HashSet<u64, FastHash> = HashSet::default();
    let mut lengths: Vec<u8> = Vec::new();
    let mut pains: HashMap<(usize, String), PainText> = HashMap::new();
    let mut pain_order: Vec<(usize, String)> = Vec::new();
    let mut respondents = 0u64;
    let mut budgets = (MISFIT_BUDGET, MISFIT_BUDGET);
    let mut record = ByteRecord::new();
    let mut upcoming = ByteRecord::new();
    let mut row = 1u64;
    let delimiter = export.delimiter;
    let mut records = RecordStream::start(scope, export, progress);
    let mut more = records.next_record(&mut upcoming)?;

    while more {
        // One record of lookahead: the last record is where an unclosed quote ends up.
        std::mem::swap(&mut record, &mut upcoming);
        more = records.next_record(&mut upcoming)?;
        row += 1;
        if record.iter().all(is_blank) {
            continue;
        }
        if !more && let Some(delimiter) = delimiter {
            // A swallowed row shows as a line inside the cell with a row's worth of delimiters.
            let row_of_delimiters = width.saturating_sub(1).max(1);
            let swallowed = record.iter().position(|f| {
                f.split(|&b| b == b'\n').skip(1).any(|line| {
                    line.iter().filter(|&&b| b == delimiter).count() >= row_of_delimiters
                })
            });
            if let Some(column) = swallowed {
                findings.push(cell_finding(
                    "S005",
                    &file,
                    row,
                    Some(column),
                    "Кавычка в этой ячейке не закрыта: всё до конца файла попало в одну ячейку, ответы не учтены".into(),
                    "Закройте кавычку в этой ячейке (или удалите лишнюю) и сохраните выгрузку заново",
                ));
                count_left_out(&record, &mut tallies);
                continue;
            }
        }
        // S005: a row longer than the header (beyond empty trailing cells) or shorter.
        let extra_filled = record.iter().skip(width).any(|f| !is_blank(f));
        if record.len() < width || extra_filled {
            findings.push(cell_finding(
                "S005",
                &file,
                row,
                None,
                format!(
                    "В строке {} ячеек, а в заголовке {width}: ответы сдвинуты и не учтены",
                    record.len()
                ),
                "Проверьте кавычки и разделители в этой строке и сохраните выгрузку заново",
            ));
            count_left_out(&record, &mut tallies);
            continue;
        }
        // S005: a field that is not text in the detected encoding. UTF-8 is validated for the
        // whole record at once; the field is looked for only when that fails.
        let valid = match encoding {
            super::read::Encoding::Utf8 => simdutf8::basic::from_utf8(record.as_slice()).is_ok(),
            super::read::Encoding::Cp1251 => false,
        };
        let bad = if valid {
            None
        } else {
            (0..width).find(|&i| encoding.decode(&record[i]).is_none())
        };
        if let Some(bad) = bad {
            findings.push(cell_finding(
                "S005",
                &file,
                row,
                Some(bad),
                format!(
                    "Строка не читается в кодировке {}: ответы строки не учтены",
                    encoding.name()
                ),
                "Укажите кодировку явно (--encoding cp1251 или --encoding utf-8) или пересохраните файл",
            ));
            count_left_out(&record, &mut tallies);
            continue;
        }
        // S006: the same timestamp and answers twice.
        if let Some(timestamp) = timestamp {
            // The fingerprint covers the bytes and where each field ends.
            lengths.clear();
            for field in record.iter().take(width) {
                lengths.extend_from_slice(&(field.len() as u32).to_le_bytes());
            }
            let taken = record.iter().take(width).map(<[u8]>::len).sum::<usize>();
            let digest = xxh3_64(&record.as_slice()[..taken]) ^ xxh3_64(&lengths).rotate_left(17);
            if seen_rows.contains(&digest) {
                let time = encoding
                    .decode(&record[timestamp])
                    .map(|t| super::personal::shown(t.trim()).into_owned())
                    .unwrap_or_default();
                findings.push(cell_finding(
                    "S006",
                    &file,
                    row,
                    Some(timestamp),
                    format!("Строка повторяет более раннюю строку с тем же временем «{time}» и теми же ответами: повтор не учтён в итогах"),
                    "Найдите строки с этим временем и удалите повтор из выгрузки",
                ));
                count_left_out(&record, &mut tallies);
                continue;
            }
            if seen_rows.len() < MAX_FINGERPRINTS {
                seen_rows.insert(digest);
            }
        }
        respondents += 1;

        let group = segment.map(|s| {
            let value = encoding
                .decode(&record[s])
                .map(|t| t.trim().to_string())
                .unwrap_or_default();
            tallies[s].note_identifying(&value);
            let value = if value.is_empty() {
                "(не указано)".to_string()
            } else {
                value
            };
            let next = group_ids.len();
            let id = *group_ids.entry(value.clone()).or_insert_with(|| {
                groups.push((value, 0));
                next
            });
            groups[id].1 += 1;
            id
        });

        for (i, column) in columns.iter().enumerate() {
            let raw = &record[i];
            if is_blank(raw) {
                continue;
            }
            let tally = &mut tallies[i];
            tally.nonempty += 1;
            match column.role {
                Role::Candidate | Role::Item => {}
                Role::Problem | Role::Proposal | Role::Other => {
                    if let Some(text) = encoding.decode(raw) {
                        tally.note_identifying(&text);
                        if config.collect_pains && column.role != Role::Other {
                            add_pain(&mut pains, &mut pain_order, i, text.trim());
                        }
                    }
                    continue;
                }
                // The segment's values are looked at once per row, above.
                _ => continue,
            }
            let placement = if raw.len() > LONGEST_OPTION_BYTES {
                Placement::default()
            } else if let Some((_, placement)) = exact.iter().find(|(bytes, _)| bytes == raw) {
                *placement
            } else if let Some(placement) = placements.get(raw) {
                *placement
            } else {
                let text = encoding.decode(raw).unwrap_or_default();
                let placement = place(&text);
                if placements.len() < 4096 {
                    placements.insert(raw.into(), placement);
                }
                placement
            };
            let value = || {
                encoding
                    .decode(raw)
                    .map(|t| t.trim().to_string())
                    .unwrap_or_default()
            };
            tally.five.add(placement.five, row, &mut budgets.0, value);
            tally.three.add(placement.three, row, &mut budgets.1, value);
            // Only a value outside the scales can identify a person.
            if placement.five.is_none() && placement.three.is_none() {
                tally.note_identifying(&value());
            }
            if let Some(group) = group {
                if tally.groups.len() <= group {
                    tally.groups.resize(group + 1, GroupCounts::default());
                }
                let counts = &mut tally.groups[group];
                if let Some(option) = placement.five {
                    counts.five[option as usize] += 1;
                }
                if let Some(option) = placement.three {
                    counts.three[option as usize] += 1;
                }
            }
        }
    }

    let pains = pain_order
        .into_iter()
        .filter_map(|key| pains.remove(&key))
        .collect();
    Ok(ScannedExport {
        file,
        encoding,
        columns,
        tallies,
        respondents,
        groups,
        findings,
        pains,
    })
}

/// The options as the export spells them exactly, in its encoding: most cells are one of these,
/// and are placed by comparing bytes, before any decoding or normalising.
fn exact_options(encoding: super::read::Encoding) -> Vec<(Vec<u8>, Placement)> {
    let mut options: Vec<&str> = super::scale::FIVE_POINT.iter().map(|(o, _)| *o).collect();
    options.extend(super::scale::THREE_WAY.iter().map(|(o, _)| *o));
    options.dedup();
    options
        .into_iter()
        .map(|option| {
            let bytes = match encoding {
                super::read::Encoding::Utf8 => option.as_bytes().to_vec(),
                super::read::Encoding::Cp1251 => {
                    encoding_rs::WINDOWS_1251.encode(option).0.into_owned()
                }
            };
            (bytes, place(option))
        })
        .collect()
}

fn count_left_out(record: &ByteRecord, tallies: &mut [ColumnTally]) {
    for (i, tally) in tallies.iter_mut().enumerate() {
        if record.get(i).is_some_and(|f| !is_blank(f)) {
            tally.left_out_rows += 1;
        }
    }
}

fn add_pain(
    pains: &mut HashMap<(usize, String), PainText>,
    order: &mut Vec<(usize, String)>,
    column: usize,
    text: &str,
) {
    let key = (column, crate::text::normalize_option(text));
    if key.1.is_empty() || is_no_answer(&key.1) {
        return;
    }
    match pains.get_mut(&key) {
        Some(pain) => pain.count += 1,
        None => {
            order.push(key.clone());
            pains.insert(
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

/// Severity of a finding code, for the renderers' convenience.
pub fn is_error(finding: &Finding) -> bool {
    finding.severity == Severity::Error
}
