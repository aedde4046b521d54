//! A registry from a table as ministries keep it (import.md): the columns recognised by their
//! headers, merged and continued cells carried down, section headings as directions, values
//! mapped to the format of registry.md. Every touchpoint remembers the row it came from, so
//! findings point at the table ([`Places`]).

mod codes;
mod fields;

use crate::diagnostic::{Finding, Position, Segment, YamlPath};
use crate::input::table::{Fate, LedgerWords, Other, TableAccount, is_error_value, tail_row};
use crate::input::{Grid, GridRow, Ledger};
use crate::registry::model::{
    Approved, Channel, Direction, NeedEntry, OneOrMany, Process, Registry, Text, Touchpoint,
};
use crate::registry::needs::Need;
use crate::text::normalize;
pub use codes::{I001, I002, I003, I004, I005, I006, I008, I009};
pub use segments::I007;
mod segments;
use codes::{i001, i002, i002_twice, i003, i004, i005, i006, i008, i009};
pub use fields::{Field, Options};
use std::collections::BTreeMap;

/// A row of one of the tables a registry was read from: a registry split over several tables
/// (continuations) keeps the positions of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowRef {
    /// Index into [`Places::grids`].
    pub table: usize,
    /// The row as the document shows it.
    pub row: usize,
}

/// A process's row and its touchpoints' rows.
pub type ProcessRows = (RowRef, Vec<RowRef>);
/// A direction's row and its processes' rows.
pub type DirectionRows = (RowRef, Vec<ProcessRows>);

/// Where each node of the imported model stands in the table.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The grids the registry came from (their rows dropped), as they are named in messages:
    /// the first, and every continuation joined to it.
    pub grids: Vec<Grid>,
    pub header_row: usize,
    /// (1-based column, header as written) of each recognised field.
    pub columns: BTreeMap<Field, (usize, String)>,
    /// Per direction: its row and, per process, its row and its touchpoints' rows.
    pub directions: Vec<DirectionRows>,
    /// The tables the segmentation and the profiles came from (rows dropped), and the cell of
    /// each of their nodes: (path, index into `segment_grids`, row, 1-based column).
    pub segment_grids: Vec<Grid>,
    pub segment_cells: Vec<(YamlPath, usize, usize, usize)>,
    /// What became of every row and column of the tables read, and of the other tables.
    pub ledger: Ledger,
}

impl Places {
    /// The cell a YAML path of the model points at, with its label for messages.
    pub fn locate(&self, path: &YamlPath) -> Option<(Position, String)> {
        let segments = &path.0;
        let index = |i: usize| match segments.get(i) {
            Some(Segment::Index(n)) => Some(*n),
            _ => None,
        };
        let key = |i: usize| match segments.get(i) {
            Some(Segment::Key(k)) => Some(k.as_ref()),
            _ => None,
        };
        if matches!(key(0), Some("segmentation" | "profiles")) {
            return self.segment_cell(path);
        }
        if key(0) != Some("directions") {
            return None;
        }
        let Some(d) = index(1) else {
            let header = RowRef {
                table: 0,
                row: self.header_row,
            };
            return self.cell(header, Field::Direction);
        };
        let (direction_row, processes) = self.directions.get(d)?;
        let Some(p) = index(3) else {
            return self.cell(*direction_row, Field::Direction);
        };
        let (process_row, touchpoints) = processes.get(p)?;
        let Some(t) = index(5) else {
            return self.cell(*process_row, Field::Process);
        };
        let row = *touchpoints.get(t)?;
        let field = key(6).and_then(Field::from_key).unwrap_or(Field::Point);
        self.cell(row, field)
            .or_else(|| self.cell(row, Field::Point))
    }

    /// The cell of a node of the segmentation or the profiles: the deepest node read with a
    /// place that holds `path`.
    fn segment_cell(&self, path: &YamlPath) -> Option<(Position, String)> {
        let (_, grid, row, column) = self
            .segment_cells
            .iter()
            .filter(|(p, ..)| path.0.starts_with(&p.0))
            .max_by_key(|(p, ..)| p.0.len())?;
        let grid = self.segment_grids.get(*grid)?;
        Some((
            Position {
                line: *row,
                column: *column,
            },
            grid.cell_label(
                *row,
                *column,
                if *column == 1 {
                    "Признак"
                } else {
                    "Значение"
                },
            ),
        ))
    }

    fn cell(&self, at: RowRef, field: Field) -> Option<(Position, String)> {
        let (column, heading) = self.columns.get(&field)?;
        let grid = self.grids.get(at.table)?;
        Some((
            Position {
                line: at.row,
                column: *column,
            },
            grid.cell_label(at.row, *column, heading),
        ))
    }

    /// The tables read, as messages name them: «таблица 1, таблица 2».
    pub fn table_names(&self) -> String {
        self.grids
            .iter()
            .chain(&self.segment_grids)
            .map(Grid::name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The grid a row of the model stands in, for provenance comments.
    pub fn grid(&self, at: RowRef) -> Option<&Grid> {
        self.grids.get(at.table)
    }
}

/// A registry read from a table.
#[derive(Debug, Clone)]
pub struct Imported {
    /// None when no table with a touchpoint column was found (I001).
    pub registry: Option<Registry>,
    pub places: Places,
    pub findings: Vec<Finding>,
    /// What became of every row and column of the tables read, and of the other tables.
    pub ledger: Ledger,
}

/// The registry's nouns for the ledger's summary line.
pub const LEDGER_WORDS: LedgerWords = LedgerWords {
    record: "точек",
    heading: "заголовков",
};

/// Reads the registry from the tables of a file.
pub fn import(file: &str, grids: Vec<Grid>, options: &Options) -> Imported {
    let segments = segments::read(&grids);
    // The tables the segmentation and the profiles were read from, for the ledger.
    let segment_tables: Vec<usize> = segments.places.iter().map(|(_, g, ..)| *g).collect();
    let chosen = choose(&grids, options);
    let Some((grid, header_index)) = chosen else {
        return without_registry_table(file, &grids, segments, &segment_tables, options);
    };
    let first = &grids[grid];
    let header = Header::of(first, header_index, &options.columns);
    let mut reader = TableReader::new(first, &header);
    let mut account = TableAccount::new(first.name(), &first.hidden_rows);
    for (i, row) in first.rows[..=header.bottom].iter().enumerate() {
        let fate = if i < header.top {
            if is_blank(row) {
                Fate::Empty
            } else {
                Fate::Title
            }
        } else {
            Fate::Header
        };
        account.note(row.number, fate);
    }
    account.columns = reader.column_uses();
    reader.accounts.push(account);
    reader.read_rows(&first.rows[header.bottom + 1..]);
    let (joined, continuation_findings, others) =
        join_continuations(file, &grids, grid, &header, &segment_tables, &mut reader);
    for (account, &g) in reader.accounts.iter_mut().zip(&joined) {
        let last = grids[g].rows.last().map_or(0, |r| r.number);
        account.finish(last.max(grids[g].hidden_rows.last().copied().unwrap_or(0)));
    }
    let ledger = Ledger {
        tables: std::mem::take(&mut reader.accounts),
        others,
    };
    let grid = first;
    let mut registry = registry_of(grid, options, std::mem::take(&mut reader.directions));
    let places = Places {
        grids: joined
            .iter()
            .map(|&i| Grid {
                rows: Vec::new(),
                ..grids[i].clone()
            })
            .collect(),
        header_row: grid.rows[header.bottom].number,
        columns: reader.column_headings(),
        directions: std::mem::take(&mut reader.places),
        ..Places::default()
    };
    let mut places = places;
    places.ledger = ledger.clone();
    let mut findings = with_segments(&mut registry, &mut places, segments, &grids);
    findings.extend(std::mem::take(&mut reader.findings));
    findings.extend(continuation_findings);
    for &i in &joined {
        if !grids[i].hidden.is_empty() {
            findings.push(i006(&grids[i].name(), &grids[i].hidden));
        }
    }
    for finding in &mut findings {
        finding.file = file.to_string();
    }
    Imported {
        registry: Some(registry),
        places,
        findings,
        ledger,
    }
}

/// The file has no table with a touchpoint column: its segmentation and profiles alone, or
/// I001.
fn without_registry_table(
    file: &str,
    grids: &[Grid],
    segments: segments::Segments,
    segment_tables: &[usize],
    options: &Options,
) -> Imported {
    if !segments.segmentation.is_empty() || !segments.profiles.is_empty() {
        // A document of the segmentation and the profiles only: no directions (check says
        // so), the rest read.
        let mut registry = Registry::default();
        let mut places = Places::default();
        let mut findings = with_segments(&mut registry, &mut places, segments, grids);
        for finding in &mut findings {
            finding.file = file.to_string();
        }
        let others = grids
            .iter()
            .enumerate()
            .map(|(i, g)| other_table(i, g, segment_tables, "нет графы точки взаимодействия"))
            .collect();
        return Imported {
            registry: Some(registry),
            places,
            findings,
            ledger: Ledger {
                tables: Vec::new(),
                others,
            },
        };
    }
    let mut finding = i001(grids, options);
    finding.file = file.to_string();
    Imported {
        registry: None,
        places: Places::default(),
        findings: vec![finding],
        ledger: Ledger::default(),
    }
}

/// The tables after the registry's first one: each continuation read into `reader`, the
/// others said. Returns the indices joined (the first among them), the I005 findings and the
/// account of the tables not read.
fn join_continuations<'a>(
    file: &str,
    grids: &'a [Grid],
    grid: usize,
    header: &Header,
    segment_tables: &[usize],
    reader: &mut TableReader<'a>,
) -> (Vec<usize>, Vec<Finding>, Vec<Other>) {
    let first = &grids[grid];
    let mut joined = vec![grid];
    let mut continuation_findings = Vec::new();
    let mut others = Vec::new();
    let mut stopped = false;
    for (index, next) in grids.iter().enumerate() {
        if index == grid {
            continue;
        }
        if index < grid || stopped || segment_tables.contains(&index) {
            others.push(other_table(
                index,
                next,
                segment_tables,
                "не перечень: нет графы точки взаимодействия или таблица до выбранной",
            ));
            continue;
        }
        match continuation(first, header, next) {
            Continuation::Joined(skip, why) => {
                reader.table = joined.len();
                reader.grid = next;
                let mut account = TableAccount::new(next.name(), &next.hidden_rows);
                for row in &next.rows[..skip] {
                    let fate = if is_blank(row) {
                        Fate::Empty
                    } else if is_number_row(row) {
                        Fate::ColumnNumbers
                    } else {
                        Fate::Header
                    };
                    account.note(row.number, fate);
                }
                account.columns = reader.column_uses();
                reader.accounts.push(account);
                reader.read_rows(&next.rows[skip..]);
                joined.push(index);
                others.push(Other {
                    table: next.name(),
                    joined: true,
                    why: why.to_string(),
                });
            }
            Continuation::Refused(why) => {
                let mut finding = i005(&next.name(), why);
                finding.file = file.to_string();
                continuation_findings.push(finding);
                others.push(Other {
                    table: next.name(),
                    joined: false,
                    why: why.to_string(),
                });
                stopped = true;
            }
            Continuation::Other => {
                others.push(other_table(index, next, segment_tables, "не продолжение перечня: нет повторённой шапки, строки номеров граф или тех же граф"));
                stopped = true;
            }
        }
    }
    (joined, continuation_findings, others)
}

/// A table not read as the registry: the segmentation's or the profiles' own, or another.
fn other_table(index: usize, grid: &Grid, segment_tables: &[usize], why: &str) -> Other {
    let read_as_segments = segment_tables.contains(&index);
    Other {
        table: grid.name(),
        joined: false,
        why: if read_as_segments {
            "прочитана как сегментация или профили клиентов".to_string()
        } else {
            why.to_string()
        },
    }
}

/// Puts the segmentation and the profiles read into the registry and their cells into the
/// places; returns their findings.
fn with_segments(
    registry: &mut Registry,
    places: &mut Places,
    segments: segments::Segments,
    grids: &[Grid],
) -> Vec<Finding> {
    let mut used: Vec<usize> = segments.places.iter().map(|(_, g, ..)| *g).collect();
    used.sort_unstable();
    used.dedup();
    places.segment_grids = used
        .iter()
        .map(|&g| Grid {
            rows: Vec::new(),
            ..grids[g].clone()
        })
        .collect();
    places.segment_cells = segments
        .places
        .into_iter()
        .map(|(path, g, row, column)| {
            let index = used.iter().position(|u| *u == g).unwrap_or(0);
            (path, index, row, column)
        })
        .collect();
    if !segments.segmentation.is_empty() {
        registry.segmentation = Some(segments.segmentation);
    }
    if !segments.profiles.is_empty() {
        registry.profiles = Some(segments.profiles);
    }
    segments.findings
}

/// The registry of the directions read, with the organisation and the act the options or the
/// table's title lines name.
fn registry_of(grid: &Grid, options: &Options, directions: Vec<Direction>) -> Registry {
    let mut registry = Registry {
        organization: options
            .organization
            .clone()
            .or_else(|| organization_from_titles(grid))
            .map(Text),
        areas: None,
        approved: options
            .approved
            .clone()
            .or_else(|| act_from_titles(grid))
            .map(|act| approved_of(&act)),
        published: None,
        approvals: None,
        needs: None,
        directions: Some(directions),
        segmentation: None,
        profiles: None,
    };
    if registry.approved.as_ref().is_some_and(|a| a.act.is_none()) {
        registry.approved = None;
    }
    registry
}

/// The grid to read and its header row: the one the options name, else the first whose header
/// names a touchpoint column.
fn choose(grids: &[Grid], options: &Options) -> Option<(usize, usize)> {
    grids.iter().enumerate().find_map(|(i, grid)| {
        let named = match (&options.table, &options.sheet, &grid.source) {
            (Some(n), _, crate::input::Source::WordTable(m)) => n == m,
            (_, Some(name), crate::input::Source::Sheet(sheet)) => {
                normalize(name) == normalize(sheet)
            }
            (None, None, _) => true,
            _ => false,
        };
        if !named {
            return None;
        }
        header_row(grid, &options.columns).map(|h| (i, h))
    })
}

/// How many rows from the top may be title and approval lines (УТВЕРЖДАЮ, СОГЛАСОВАНО) before
/// the header (import.md).
const HEADER_SEARCH: usize = 40;

/// Whether a table after the registry's first one goes on with it.
enum Continuation {
    /// It does: read it from this row (after its repeated header or row of numbers), and why
    /// it was joined.
    Joined(usize, &'static str),
    /// It looks like one but cannot be joined (I005, with the reason).
    Refused(&'static str),
    /// Another table.
    Other,
}

/// The words of a row's cells, to compare a header with its repetition.
fn row_words(row: &GridRow) -> Vec<String> {
    row.slots
        .iter()
        .map(|s| normalize(&s.text))
        .filter(|t| !t.is_empty())
        .collect()
}

/// A table goes on with the registry when it repeats the header, or the row of column numbers,
/// or comes after a «Продолжение …» caption, or (a sheet) has the same header; with the same
/// number of columns each time.
fn continuation(first: &Grid, header: &Header, next: &Grid) -> Continuation {
    let width = first.rows[header.bottom].slots.len();
    let Some(start) = next.rows.iter().position(|r| !is_blank(r)) else {
        return Continuation::Other;
    };
    let top = &next.rows[start];
    let repeats_header = header.words.contains(&row_words(top));
    let numbers = is_number_row(top);
    let captioned = next
        .titles
        .iter()
        .any(|t| normalize(t).starts_with("продолжение"));
    let same_width = next
        .rows
        .iter()
        .all(|r| r.slots.len() == width || is_blank(r));
    // A table with a header of its own that names a touchpoint column but is not this one
    // (the columns in another order, others added): joined, its cells would land in the first
    // table's columns; not joined, a part of the registry would vanish. Said instead.
    let own_header =
        header_row(next, &[]).is_some_and(|h| !header.words.contains(&row_words(&next.rows[h])));
    if own_header {
        return Continuation::Refused(
            "своя шапка — другие графы или другой их порядок; сделайте графы как у первой таблицы (листа) или импортируйте отдельно (--table, --sheet)",
        );
    }
    // A table with the same columns and no header of its own goes on with the registry: a
    // section break from portrait to landscape, or Word's «Разделить таблицу» (import.md). A
    // narrow table (the segmentation's two columns) is never taken for one.
    let same_columns = !own_header && same_width && width >= 4 && next.rows.len() > start;
    if !(repeats_header || numbers || captioned || same_columns) {
        return Continuation::Other;
    }
    if !same_width {
        return Continuation::Refused("число граф не совпадает с таблицей перечня");
    }
    let why = if repeats_header {
        "повторяет шапку"
    } else if numbers {
        "повторяет строку номеров граф"
    } else if captioned {
        "после подписи «Продолжение»"
    } else {
        "те же графы, без своей шапки (разрыв раздела или разделённая таблица)"
    };
    // Past the repeated header (of one or two rows) and the row of numbers.
    let skip = next.rows[start..]
        .iter()
        .position(|r| !(header.words.contains(&row_words(r)) || is_number_row(r)))
        .map_or(next.rows.len(), |p| start + p);
    Continuation::Joined(skip, why)
}

/// The header of a registry table: one row, or two (a heading merged across over its leaf
/// headings, «Точка взаимодействия» over «наименование | вид», the other headings merged down
/// over both rows). Each column gets its leaf heading and the field it names.
struct Header {
    /// The index of the header's first row.
    top: usize,
    /// The index of the header's last row: the data begin under it.
    bottom: usize,
    /// The row number the header's findings point at (its leaf row).
    number: usize,
    /// Each column's heading as messages name it and the field it names.
    columns: Vec<(String, Option<Field>)>,
    /// The words of each header row, to skip copies of them in the body.
    words: Vec<Vec<String>>,
}

impl Header {
    fn of(grid: &Grid, found: usize, explicit: &[(String, Field)]) -> Header {
        let (top, bottom) = header_rows(grid, found);
        let leaf = &grid.rows[bottom];
        let width = leaf.slots.len().max(grid.rows[top].slots.len());
        let empty = crate::input::Slot {
            merged_above: true,
            ..crate::input::Slot::default()
        };
        let columns = (0..width)
            .map(|c| {
                if top == bottom {
                    let text = leaf.slots[c].text.clone();
                    let field = field_of(&text, explicit);
                    return (text, field);
                }
                let upper = &grid.rows[top];
                // A leaf row shorter than its parent: the missing slots are under headings
                // merged down over both rows.
                let own = leaf.slots.get(c).unwrap_or(&empty);
                let covered = upper.slots.get(c).is_some_and(|s| s.merged_left);
                // The heading merged across this column: the text where its span starts.
                let parent = (0..=c)
                    .rev()
                    .find(|&i| upper.slots.get(i).is_none_or(|s| !s.merged_left))
                    .and_then(|i| upper.slots.get(i))
                    .map(|s| s.text.trim().to_string())
                    .unwrap_or_default();
                if own.merged_above || own.text.trim().is_empty() {
                    let text = if covered { String::new() } else { parent };
                    let field = field_of(&text, explicit);
                    return (text, field);
                }
                let text = own.text.trim().to_string();
                match field_of(&text, explicit) {
                    Some(field) => (text, Some(field)),
                    None => {
                        let field = leaf_field(&text, field_of(&parent, explicit));
                        (format!("{parent}: {text}"), field)
                    }
                }
            })
            .collect();
        Header {
            top,
            bottom,
            number: leaf.number,
            columns,
            words: grid.rows[top..=bottom].iter().map(row_words).collect(),
        }
    }
}

/// The first and last rows of the header around the row that names the touchpoint column: the
/// row above too when a heading of this row is merged down from it, the row below too when it
/// holds only leaf headings under headings merged across this one.
fn header_rows(grid: &Grid, found: usize) -> (usize, usize) {
    let row = &grid.rows[found];
    if found > 0 {
        let above = &grid.rows[found - 1];
        let merged_from_above = row.slots.iter().enumerate().any(|(i, s)| {
            s.merged_above
                && above
                    .slots
                    .get(i)
                    .is_some_and(|a| !a.text.trim().is_empty())
        });
        if merged_from_above {
            return (found - 1, found);
        }
    }
    let Some(next) = grid.rows.get(found + 1) else {
        return (found, found);
    };
    // The columns under a heading merged across: the span's first column and the covered ones.
    let spanned: Vec<bool> = (0..row.slots.len())
        .map(|c| row.slots[c].merged_left || row.slots.get(c + 1).is_some_and(|s| s.merged_left))
        .collect();
    let filled = |(i, s): (usize, &crate::input::Slot)| {
        !s.merged_above && !s.text.trim().is_empty() && i < spanned.len()
    };
    let only_leaves = next
        .slots
        .iter()
        .enumerate()
        .all(|(i, s)| !filled((i, s)) || spanned[i]);
    let some_leaf = next.slots.iter().enumerate().any(|(i, s)| filled((i, s)));
    if only_leaves && some_leaf && !is_number_row(next) {
        (found, found + 1)
    } else {
        (found, found)
    }
}

/// The field of a leaf heading that names none by itself, under the field of its parent:
/// «наименование» is the parent's own, «вид»/«тип» under a touchpoint is its channel.
fn leaf_field(leaf: &str, parent: Option<Field>) -> Option<Field> {
    let parent = parent?;
    let leaf = normalize(leaf);
    if parent == Field::Point && (leaf.starts_with("вид") || leaf.starts_with("тип")) {
        return Some(Field::Channel);
    }
    (leaf.starts_with("наименовани") || leaf.starts_with("название")).then_some(parent)
}

/// The row whose cells name a touchpoint column.
fn header_row(grid: &Grid, explicit: &[(String, Field)]) -> Option<usize> {
    grid.rows.iter().take(HEADER_SEARCH).position(|row| {
        row.slots
            .iter()
            .any(|slot| field_of(&slot.text, explicit) == Some(Field::Point))
    })
}

fn field_of(header: &str, explicit: &[(String, Field)]) -> Option<Field> {
    let wanted = normalize(header);
    // A heading of punctuation only («%») normalises to nothing: it names no column, and an
    // empty header cell is never the column it names.
    explicit
        .iter()
        .find(|(h, _)| !wanted.is_empty() && normalize(h) == wanted)
        .map(|(_, f)| *f)
        .or_else(|| Field::of_header(header))
}

/// The reader of one table's data rows.
struct TableReader<'a> {
    grid: &'a Grid,
    /// The index of `grid` among the joined tables (0: the first).
    table: usize,
    /// The header's words, to skip a copy of it in the body (the row Word repeats on each page).
    header_words: Vec<Vec<String>>,
    /// Each column's text in force: a cell merged down belongs to every row it covers.
    above: Vec<String>,
    /// The field of each slot (None: a spacer or an unknown column).
    fields: Vec<Option<Field>>,
    headers: Vec<String>,
    directions: Vec<Direction>,
    places: Vec<DirectionRows>,
    findings: Vec<Finding>,
    /// The direction and process text in force (continued by empty and merged cells).
    direction: Option<String>,
    process: Option<String>,
    /// Whether the process in force was named since its direction began.
    has_direction_column: bool,
    /// The account of each table read (the first, then each continuation).
    accounts: Vec<TableAccount>,
    /// Which columns hold texts (a count under one is a totals row).
    text_columns: Vec<bool>,
}

impl<'a> TableReader<'a> {
    fn new(grid: &'a Grid, header: &Header) -> Self {
        let mut fields = Vec::new();
        let mut headers = Vec::new();
        let mut findings = Vec::new();
        let mut unknown = std::collections::HashSet::new();
        for (column, (text, field)) in header.columns.iter().enumerate() {
            // A header merged across belongs to the column where it starts.
            let field = *field;
            let first = field.and_then(|f| fields.iter().position(|g| *g == Some(f)));
            fields.push(if first.is_some() { None } else { field });
            headers.push(text.clone());
            let position = Position {
                line: header.number,
                column: column + 1,
            };
            let label = grid.cell_label(header.number, column + 1, text);
            if let Some(first) = first {
                findings.push(
                    i002_twice(text, &headers[first], first + 1)
                        .at(position)
                        .with_cell(label),
                );
            } else if field.is_none() && !text.trim().is_empty() && unknown.insert(text.as_str()) {
                // Each unknown header once: a sheet of 5,000 columns named «x» is one finding.
                findings.push(i002(text).at(position).with_cell(label));
            }
        }
        let has_direction_column = fields.contains(&Some(Field::Direction));
        let text_columns = fields
            .iter()
            .map(|f| f.is_some_and(|f| !matches!(f, Field::Number | Field::Basis)))
            .collect();
        TableReader {
            grid,
            table: 0,
            header_words: header.words.clone(),
            above: Vec::new(),
            fields,
            headers,
            directions: Vec::new(),
            places: Vec::new(),
            findings,
            direction: None,
            process: None,
            has_direction_column,
            accounts: Vec::new(),
            text_columns,
        }
    }

    /// What became of each column, for the ledger.
    fn column_uses(&self) -> Vec<crate::input::table::ledger::ColumnUse> {
        self.headers
            .iter()
            .zip(&self.fields)
            .enumerate()
            .map(|(i, (heading, field))| {
                let ignored = match field {
                    Some(Field::Number) => Some("номер строки".to_string()),
                    Some(_) => None,
                    None if heading.trim().is_empty() => Some("пустая шапка".to_string()),
                    None if self.headers[..i].contains(heading) => {
                        Some("вторая графа того же поля (I002)".to_string())
                    }
                    None => Some("заголовок не узнан (I002)".to_string()),
                };
                crate::input::table::ledger::ColumnUse {
                    column: i + 1,
                    heading: heading.clone(),
                    field: field.map(|f| f.key().to_string()),
                    ignored,
                }
            })
            .collect()
    }

    /// Notes a row's fate in the account of the table being read.
    fn note(&mut self, row: &GridRow, fate: Fate) {
        if let Some(account) = self.accounts.last_mut() {
            account.note(row.number, fate);
        }
    }

    fn column_headings(&self) -> BTreeMap<Field, (usize, String)> {
        self.fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, (i + 1, self.headers[i].clone()))))
            .collect()
    }

    fn text<'r>(&self, row: &'r GridRow, field: Field) -> Option<&'r str> {
        let column = self.fields.iter().position(|f| *f == Some(field))?;
        let text = row.slots.get(column)?.text.trim();
        (!text.is_empty()).then_some(text)
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn at(&self, row: &GridRow) -> RowRef {
        RowRef {
            table: self.table,
            row: row.number,
        }
    }

    fn read_rows(&mut self, rows: &'a [GridRow]) {
        self.above.clear();
        for row in rows {
            if is_blank(row) {
                self.note(row, Fate::Empty);
                continue;
            }
            if is_number_row(row) {
                self.note(row, Fate::ColumnNumbers);
                continue;
            }
            if self.header_words.contains(&row_words(row)) {
                self.note(row, Fate::Header);
                continue;
            }
            let cells: Vec<&str> = row.slots.iter().map(|s| s.text.as_str()).collect();
            if let Some(fate) = tail_row(&cells, &self.text_columns) {
                self.skip_row(row, fate);
                continue;
            }
            let row = &self.without_errors(row);
            if let Some(heading) = section_heading(row, self) {
                self.above.clear();
                self.start_direction(heading.to_string(), row);
                self.note(row, Fate::Heading);
                continue;
            }
            let resolved = self.resolve(row);
            // A row whose point is merged down from the row above and whose other cells are
            // empty goes on with that touchpoint (one need per row under a merged point): its
            // needs join it. A row with texts of its own (interaction, channel, client, value)
            // is a touchpoint of its own, the merged point repeated (import.md).
            let point_merged = self
                .column(Field::Point)
                .and_then(|c| row.slots.get(c))
                .is_some_and(|s| s.merged_above);
            if point_merged && !self.has_own_texts(row) && self.extend_last(&resolved) {
                self.note(row, Fate::Continuation);
                continue;
            }
            let fate = self.read_row(row, &resolved);
            self.note(row, fate);
        }
    }

    /// Whether a row holds texts of its own (not merged from above) in the touchpoint's columns
    /// other than the point and its needs.
    fn has_own_texts(&self, row: &GridRow) -> bool {
        [
            Field::Channel,
            Field::Interaction,
            Field::Features,
            Field::Client,
            Field::Value,
            Field::Basis,
        ]
        .iter()
        .any(|f| {
            self.column(*f)
                .and_then(|c| row.slots.get(c))
                .is_some_and(|s| !s.merged_above && !s.text.trim().is_empty())
        })
    }

    /// A row that is not the registry's (totals, signature, approval list, note): I008 and its
    /// fate in the ledger.
    fn skip_row(&mut self, row: &GridRow, fate: Fate) {
        let what = match fate {
            Fate::Totals => "итог",
            Fate::Signature => "подпись или исполнитель",
            Fate::ApprovalList => "лист согласования",
            _ => "примечание",
        };
        let column = row
            .slots
            .iter()
            .position(|s| !s.text.trim().is_empty())
            .unwrap_or(0);
        let heading = self.headers.get(column).cloned().unwrap_or_default();
        self.findings.push(
            i008(what)
                .at(Position {
                    line: row.number,
                    column: column + 1,
                })
                .with_cell(self.grid.cell_label(row.number, column + 1, &heading)),
        );
        self.note(row, fate);
    }

    /// The row with every cell holding a spreadsheet's error value emptied, each an I009.
    fn without_errors(&mut self, row: &GridRow) -> GridRow {
        let mut clean = row.clone();
        for (column, slot) in clean.slots.iter_mut().enumerate() {
            if is_error_value(&slot.text) {
                let heading = self.headers.get(column).cloned().unwrap_or_default();
                self.findings.push(
                    i009(slot.text.trim())
                        .at(Position {
                            line: row.number,
                            column: column + 1,
                        })
                        .with_cell(self.grid.cell_label(row.number, column + 1, &heading)),
                );
                slot.text.clear();
            }
        }
        clean
    }

    /// The row with every cell merged down from above given the text it shows.
    fn resolve(&mut self, row: &GridRow) -> GridRow {
        let mut resolved = row.clone();
        if self.above.len() < row.slots.len() {
            self.above.resize(row.slots.len(), String::new());
        }
        for (column, slot) in resolved.slots.iter_mut().enumerate() {
            if slot.merged_above && slot.text.is_empty() {
                slot.text = self.above[column].clone();
            } else if !slot.merged_left {
                self.above[column] = slot.text.clone();
            }
        }
        resolved
    }

    /// Adds the needs of a continuation row to the last touchpoint; false when there is none.
    fn extend_last(&mut self, row: &GridRow) -> bool {
        let own_needs = self
            .column(Field::Needs)
            .and_then(|c| row.slots.get(c))
            .map(|s| s.text.trim().to_string())
            .unwrap_or_default();
        let Some(touchpoint) = self
            .directions
            .last_mut()
            .and_then(|d| d.processes.as_mut())
            .and_then(|p| p.last_mut())
            .and_then(|p| p.touchpoints.as_mut())
            .and_then(|t| t.last_mut())
        else {
            return false;
        };
        if own_needs.is_empty() {
            return true;
        }
        let (entries, unmatched) = needs_of(&own_needs);
        let mut all = match touchpoint.needs.take() {
            Some(OneOrMany::Many(list)) => list,
            Some(OneOrMany::One(one)) => vec![one],
            None => Vec::new(),
        };
        for entry in entries {
            if !all.contains(&entry) {
                all.push(entry);
            }
        }
        touchpoint.needs = Some(OneOrMany::Many(all));
        self.outside_catalogue(row, unmatched);
        true
    }

    fn start_direction(&mut self, name: String, row: &GridRow) {
        let at = self.at(row);
        self.direction = Some(name.clone());
        self.process = None;
        self.directions.push(Direction {
            name: Some(Text(name)),
            processes: Some(Vec::new()),
        });
        self.places.push((at, Vec::new()));
    }

    fn start_process(&mut self, name: String, row: &GridRow) {
        let at = self.at(row);
        self.process = Some(name.clone());
        if let Some(direction) = self.directions.last_mut() {
            direction
                .processes
                .get_or_insert_with(Vec::new)
                .push(Process {
                    name: Some(Text(name)),
                    id: None,
                    touchpoints: Some(Vec::new()),
                });
        }
        if let Some((_, processes)) = self.places.last_mut() {
            processes.push((at, Vec::new()));
        }
    }

    /// A data row; `row` as stored (its merged cells empty) decides what starts, `resolved`
    /// (merged cells filled from above) gives the touchpoint's values.
    fn read_row(&mut self, raw: &GridRow, resolved: &GridRow) -> Fate {
        let row = resolved;
        // Every field but the number, direction and process belongs to the touchpoint.
        let has_touchpoint = Field::ALL[3..].iter().any(|f| self.text(row, *f).is_some());
        // The direction: a new text starts one, an empty or merged cell continues it.
        let headed =
            self.text(raw, Field::Direction).is_some() || self.text(raw, Field::Process).is_some();
        match self.text(raw, Field::Direction) {
            Some(name) if self.direction.as_deref() != Some(name) => {
                self.start_direction(name.to_string(), raw)
            }
            _ if !self.has_direction_column && self.directions.is_empty() => {
                let at = self.at(raw);
                self.directions.push(Direction {
                    name: None,
                    processes: Some(Vec::new()),
                });
                self.places.push((at, Vec::new()));
            }
            _ => {}
        }
        match self.text(raw, Field::Process) {
            Some(name) if self.process.as_deref() != Some(name) && !self.directions.is_empty() => {
                self.start_process(name.to_string(), raw)
            }
            _ => {}
        }
        if !has_touchpoint {
            return if headed { Fate::Heading } else { Fate::Empty };
        }
        if self.directions.is_empty() || self.process.is_none() {
            let column = self.column(Field::Point).unwrap_or(0) + 1;
            let missing = if self.directions.is_empty() {
                "направления деятельности"
            } else {
                "процесса"
            };
            self.findings.push(
                i004(missing)
                    .at(Position {
                        line: row.number,
                        column,
                    })
                    .with_cell(
                        self.grid
                            .cell_label(row.number, column, &self.headers[column - 1]),
                    ),
            );
            return Fate::Finding;
        }
        let touchpoint = self.touchpoint(row);
        let at = self.at(row);
        if let Some(process) = self
            .directions
            .last_mut()
            .and_then(|d| d.processes.as_mut())
            .and_then(|p| p.last_mut())
        {
            process
                .touchpoints
                .get_or_insert_with(Vec::new)
                .push(touchpoint);
        }
        if let Some((_, processes)) = self.places.last_mut()
            && let Some((_, rows)) = processes.last_mut()
        {
            rows.push(at);
        }
        Fate::Record
    }

    /// I003 for every need of a row's needs cell that matches no catalogue wording.
    fn outside_catalogue(&mut self, row: &GridRow, unmatched: Vec<String>) {
        let Some(index) = self.column(Field::Needs) else {
            return;
        };
        let column = index + 1;
        let label = self
            .grid
            .cell_label(row.number, column, &self.headers[index]);
        for text in unmatched {
            self.findings.push(
                i003(&text)
                    .at(Position {
                        line: row.number,
                        column,
                    })
                    .with_cell(label.clone()),
            );
        }
    }

    fn touchpoint(&mut self, row: &GridRow) -> Touchpoint {
        let channel = match self.text(row, Field::Channel) {
            Some(cell) => Some(channel_code(cell).map_or_else(|| cell.to_string(), str::to_string)),
            None => self
                .text(row, Field::Features)
                .and_then(channel_code)
                .map(str::to_string),
        };
        let needs = self.text(row, Field::Needs).map(|cell| {
            let (entries, unmatched) = needs_of(cell);
            self.outside_catalogue(row, unmatched);
            OneOrMany::Many(entries)
        });
        let text = |field| self.text(row, field).map(|t| Text(t.to_string()));
        let basis = self
            .text(row, Field::Basis)
            .map(|cell| Text(basis_code(cell).map_or_else(|| cell.to_string(), str::to_string)));
        Touchpoint {
            point: text(Field::Point),
            channel: channel.map(Text),
            needs,
            interaction: text(Field::Interaction),
            features: text(Field::Features),
            client: text(Field::Client),
            value: text(Field::Value),
            basis,
            id: None,
        }
    }
}

fn is_blank(row: &GridRow) -> bool {
    row.slots.iter().all(|s| s.text.trim().is_empty()) && !row.slots.iter().any(|s| s.merged_above)
}

/// The texts of a row's filled cells, trimmed, in order.
fn filled_texts(row: &GridRow) -> Vec<&str> {
    row.slots
        .iter()
        .map(|s| s.text.trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The row of column numbers printed forms have under the header: `1 2 3 …`.
fn is_number_row(row: &GridRow) -> bool {
    let filled = filled_texts(row);
    filled.len() >= 2
        && filled.iter().enumerate().all(|(i, t)| {
            t.trim_end_matches('.')
                .parse::<usize>()
                .is_ok_and(|n| n == i + 1)
        })
}

/// Whether a cell is a section's number alone: «1», «1.», «2)», «II.».
fn is_section_number(text: &str) -> bool {
    let bare = text.trim().trim_end_matches(['.', ')']);
    !bare.is_empty()
        && (bare.chars().all(|c| c.is_ascii_digit())
            || bare.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// A row with one text and nothing in the touchpoint's columns: a section heading, a direction
/// written across the table, perhaps after its number in a cell of its own («1.» | «Бухгалтерский
/// учет» merged across the rest). A lone number (`2.`) is no heading.
fn section_heading<'a>(row: &'a GridRow, reader: &TableReader) -> Option<&'a str> {
    let mut filled: Vec<(usize, &str)> = row
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.text.trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if filled.len() == 2 && is_section_number(filled[0].1) && !is_section_number(filled[1].1) {
        filled.remove(0);
    }
    let (at, only) = *filled.first()?;
    if filled.iter().any(|(_, t)| *t != only) {
        return None;
    }
    // Merged across the table: the slots after the text are covered by it up to the point's
    // column, so the text is no process or point of its own.
    let covers = |field| {
        reader.column(field).is_some_and(|c| {
            c > at && (at + 1..=c).all(|i| row.slots.get(i).is_some_and(|s| s.merged_left))
        })
    };
    let merged_across = covers(Field::Point);
    let in_touchpoint = [Field::Point, Field::Process]
        .iter()
        .any(|f| reader.text(row, *f).is_some());
    if in_touchpoint && !merged_across {
        return None;
    }
    // Only a row merged across the table is a heading (or, in a table without merges, a lone
    // text in the direction column or the first one); a row with only the needs filled, or a
    // note in an unknown column, is not.
    let heading_column = reader
        .column(Field::Direction)
        .map_or(at == 0 || reader.column(Field::Number) == Some(at), |c| {
            c == at
        });
    if !merged_across && !heading_column {
        return None;
    }
    let heading = only
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')' || c == ' ')
        .trim();
    (!heading.is_empty()).then_some(heading)
}

/// Wordings of the kind of a point seen in tables, beside the registry's own spellings.
const TABLE_CHANNEL_WORDINGS: [(&str, Channel); 4] = [
    ("взаимодействие в онлайн точке", Channel::Digital),
    ("взаимодействие в цифровой точке", Channel::Digital),
    ("взаимодействие в офлайн точке", Channel::Offline),
    ("взаимодействие в оффлайн точке", Channel::Offline),
];

/// The code of a channel cell (`digital`, `offline`), if it says one.
fn channel_code(cell: &str) -> Option<&'static str> {
    let wanted = normalize(cell);
    Channel::parse(cell)
        .or_else(|| {
            TABLE_CHANNEL_WORDINGS
                .iter()
                .find(|(w, _)| *w == wanted)
                .map(|(_, c)| *c)
        })
        .map(Channel::code)
}

/// The basis of a point (Lipetsk 2.4) from what a table writes: the code or its Russian name,
/// or the name of a document (регламент, положение, приказ…) or of a directive (поручение,
/// распоряжение). The document's own name is not kept: the format has no place for it.
fn basis_code(cell: &str) -> Option<&'static str> {
    let wanted = normalize(cell);
    if let Some((code, _)) = super::model::BASES
        .iter()
        .find(|(code, russian)| wanted == *code || wanted == normalize(russian))
    {
        return Some(code);
    }
    const DIRECTIVE: [&str; 4] = ["поручени", "распоряж", "распорядит", "указани"];
    const DOCUMENT: [&str; 8] = [
        "документ",
        "регламент",
        "положени",
        "приказ",
        "порядок",
        "инструкци",
        "закон",
        "постановлени",
    ];
    if DIRECTIVE.iter().any(|stem| wanted.contains(stem)) {
        Some("directive")
    } else if DOCUMENT.iter().any(|stem| wanted.contains(stem)) {
        Some("document")
    } else {
        None
    }
}

/// The needs of a cell: one per line or `;`; wordings split at their own commas are joined
/// back into the longest catalogue wording. What matches nothing becomes `{other: text}` and is
/// returned for I003. A text in «…» is never split: `show` writes a description holding `;` or
/// a line break as «Иное: «…»» ([`quote_description`]), and it comes back as one need.
pub fn needs_of(cell: &str) -> (Vec<NeedEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut unmatched = Vec::new();
    for piece in split_outside_quotes(cell) {
        let piece = clean_item(piece);
        if piece.is_empty() {
            continue;
        }
        if let Some(need) = Need::parse(piece) {
            entries.push(code_entry(need));
            continue;
        }
        if let Some((head, description)) = piece.split_once(':')
            && let Some(need) = Need::parse(head)
        {
            let description = unquote_description(description.trim());
            entries.push(if need == Need::Other {
                other_entry(description)
            } else {
                described_entry(need, description)
            });
            continue;
        }
        rejoin(piece, &mut entries, &mut unmatched);
    }
    (entries, unmatched)
}

/// The pieces of a needs cell between line breaks and `;`, none inside «…».
fn split_outside_quotes(cell: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in cell.char_indices() {
        match ch {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            '\n' | ';' if depth == 0 => {
                pieces.push(&cell[start..i]);
                start = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(&cell[start..]);
    pieces
}

/// Whether a need's description must be written in «…» to come back whole: it holds what
/// splits a cell, or is itself in «…».
fn needs_quotes(description: &str) -> bool {
    description.contains([';', '\n'])
        || description.ends_with(['.', ','])
        || (description.starts_with('«') && description.ends_with('»'))
        || description != description.trim()
}

/// A need's description as a table cell writes it (import.md «Round trip»).
pub fn quote_description(description: &str) -> String {
    if needs_quotes(description) {
        format!("«{description}»")
    } else {
        description.to_string()
    }
}

/// The description [`quote_description`] wrote; a text a person put in «…» keeps its quotes.
fn unquote_description(text: &str) -> &str {
    match text.strip_prefix('«').and_then(|t| t.strip_suffix('»')) {
        Some(inner) if needs_quotes(inner) => inner,
        _ => text,
    }
}

/// A piece split at commas: the longest runs of parts that are catalogue wordings, the rest as
/// `other`.
fn rejoin(piece: &str, entries: &mut Vec<NeedEntry>, unmatched: &mut Vec<String>) {
    let parts: Vec<&str> = piece.split(',').collect();
    let mut start = 0;
    let mut loose: Vec<&str> = Vec::new();
    let flush =
        |loose: &mut Vec<&str>, entries: &mut Vec<NeedEntry>, unmatched: &mut Vec<String>| {
            let text = loose.join(",").trim().to_string();
            loose.clear();
            if !clean_item(&text).is_empty() {
                let text = clean_item(&text).to_string();
                entries.push(other_entry(&text));
                unmatched.push(text);
            }
        };
    while start < parts.len() {
        let found = (start + 1..=parts.len())
            .rev()
            .find_map(|end| Need::parse(&parts[start..end].join(",")).map(|need| (end, need)));
        match found {
            Some((end, need)) => {
                flush(&mut loose, entries, unmatched);
                entries.push(code_entry(need));
                start = end;
            }
            None => {
                loose.push(parts[start]);
                start += 1;
            }
        }
    }
    flush(&mut loose, entries, unmatched);
}

/// A list item without its bullet, numbering and final full stop.
fn clean_item(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['-', '–', '—', '•', '*'])
        .trim()
        .trim_end_matches(['.', ','])
        .trim()
}

fn code_entry(need: Need) -> NeedEntry {
    NeedEntry::Name(Text(need.code().to_string()))
}

fn described_entry(need: Need, description: &str) -> NeedEntry {
    let mut map = BTreeMap::new();
    map.insert(
        need.code().to_string(),
        Some(Text(description.to_string())).filter(|t| !t.0.is_empty()),
    );
    NeedEntry::WithDescription(map)
}

fn other_entry(description: &str) -> NeedEntry {
    let mut map = BTreeMap::new();
    map.insert(
        "other".to_string(),
        Some(Text(description.to_string())).filter(|t| !t.0.is_empty()),
    );
    NeedEntry::WithDescription(map)
}

/// The lines above a table where an order names itself: a Word document's paragraphs before
/// the table, and the first cell of the rows a sheet has above its header.
fn title_lines(grid: &Grid) -> impl Iterator<Item = &str> {
    grid.titles
        .iter()
        .map(String::as_str)
        .chain(
            grid.rows
                .iter()
                .flat_map(|r| r.slots.first())
                .map(|s| s.text.as_str()),
        )
        .take(HEADER_SEARCH)
}

/// «Перечень … — Министерство …»: the organisation after the dash of `show`'s own title.
fn organization_from_titles(grid: &Grid) -> Option<String> {
    title_lines(grid).find_map(|line| {
        let (head, organization) = line.split_once(" — ")?;
        normalize(head)
            .starts_with("перечень точек взаимодействия")
            .then(|| organization.trim().to_string())
            .filter(|o| !o.is_empty())
    })
}

/// The act named in the title lines, as the model keeps it («Приказ Министерства … от
/// 24.09.2024 № 76»), in the layouts captions have: «Приложение к приказу … от 24.09.2024 № 76»,
/// «УТВЕРЖДЕН приказом … от «24» сентября 2024 г. № 76», the number before the date, the
/// caption split over several paragraphs.
fn act_from_titles(grid: &Grid) -> Option<String> {
    let caption: Vec<&str> = title_lines(grid).collect();
    act_of_caption(&caption.join(" "))
}

/// The act in a caption's text, if it names its kind, its date and its number.
fn act_of_caption(caption: &str) -> Option<String> {
    static ACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(приказ|распоряжени|постановлени)[а-яё]*\b").expect("act regex")
    });
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\bот\s+[«\x22]?\s*(\d{1,2})\s*[»\x22]?\s*(?:\.\s*(\d{1,2})\s*\.\s*|([а-яё]+)\s+)(\d{4})(?:\s*(?:г\.|года|г\b))?",
        )
        .expect("date regex")
    });
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // «№ 76», and «N 76» as legal databases print it.
        regex::Regex::new(r"(?:№|\bN)\s*([0-9][0-9A-Za-zА-Яа-яЁё/\-]*)").expect("number regex")
    });
    let text = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    let kind = ACT.captures(&text)?;
    let rest = &text[kind.get(0)?.end()..];
    let date = DATE.captures(rest)?;
    let number = NUMBER.captures(rest)?;
    let day: u32 = date[1].parse().ok()?;
    let month: u32 = match (date.get(2), date.get(3)) {
        (Some(m), _) => m.as_str().parse().ok()?,
        (None, Some(word)) => {
            let word = word.as_str().to_lowercase();
            crate::text::month_of_genitive(&word)?
        }
        _ => return None,
    };
    let year: i32 = date[4].parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    // The issuer: the words between the act's kind and its date or number.
    let issuer_end = date.get(0)?.start().min(number.get(0)?.start());
    let issuer = rest[..issuer_end].trim().trim_end_matches(',').trim();
    let kind = match kind[1].to_lowercase().as_str() {
        "приказ" => "Приказ",
        "распоряжени" => "Распоряжение",
        _ => "Постановление",
    };
    let issuer = if issuer.is_empty() {
        String::new()
    } else {
        format!("{issuer} ")
    };
    Some(format!(
        "{kind} {issuer}от {day:02}.{month:02}.{year} № {}",
        &number[1]
    ))
}

/// Refuses an approval act (`--approved`) that names neither a number nor a real date, or names
/// a date that does not exist («от 31.02.2024»): it would be written into the registry as is.
pub fn check_act(act: &str) -> Result<(), String> {
    let approved = approved_of(act);
    let words: Vec<&str> = act.split_whitespace().collect();
    let dated = words
        .windows(2)
        .find(|pair| pair[0] == "от")
        .map(|pair| pair[1]);
    if let (Some(date), None) = (dated, &approved.date) {
        return Err(format!(
            "--approved: «{date}» — не настоящая дата; запишите акт как «Приказ № 76 от 24.09.2024»"
        ));
    }
    if approved.date.is_none() && !act.contains('№') && !act.contains(" N") {
        return Err(format!(
            "--approved «{act}»: нет ни номера, ни даты акта; запишите его как «Приказ № 76 от 24.09.2024»"
        ));
    }
    Ok(())
}

/// An approval act as the model keeps it: the act without its date (« от 24.09.2024»), and the
/// date apart.
fn approved_of(act: &str) -> Approved {
    let words: Vec<&str> = act.split_whitespace().collect();
    let dated = words.windows(2).position(|pair| {
        pair[0] == "от" && super::model::parse_date(pair[1].trim_end_matches([',', '.'])).is_some()
    });
    let (act, date) = match dated {
        Some(i) => {
            let mut rest = words.clone();
            let date = rest[i + 1].trim_end_matches([',', '.']).to_string();
            rest.drain(i..i + 2);
            (rest.join(" "), Some(Text(date)))
        }
        None => (words.join(" "), None),
    };
    Approved {
        act: Some(Text(act)).filter(|t| !t.0.is_empty()),
        date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Slot, Source};

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            source: Source::WordTable(1),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| GridRow {
                    number: i + 1,
                    slots: cells
                        .iter()
                        .map(|text| match *text {
                            "^" => Slot {
                                merged_above: true,
                                ..Slot::default()
                            },
                            "<" => Slot {
                                merged_left: true,
                                ..Slot::default()
                            },
                            text => Slot {
                                text: text.to_string(),
                                ..Slot::default()
                            },
                        })
                        .collect(),
                })
                .collect(),
            titles: vec!["Приложение к приказу Министерства от 24.09.2024 № 76".into()],
            hidden: Vec::new(),
            hidden_rows: Vec::new(),
        }
    }

    fn import_one(g: Grid) -> Imported {
        import("t.docx", vec![g], &Options::default())
    }

    fn names(registry: &Registry) -> Vec<(String, String, String)> {
        registry
            .touchpoints()
            .map(|t| {
                (
                    t.direction.name.clone().map(|n| n.0).unwrap_or_default(),
                    t.process.name.clone().map(|n| n.0).unwrap_or_default(),
                    t.touchpoint.point.clone().map(|n| n.0).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_quoted_description_comes_back_as_one_need() {
        for description in [
            "справки; выписки",
            "первая\nвторая",
            "«в кавычках»",
            "конец.",
        ] {
            let cell = format!(
                "Получение информации; Другие удовлетворяемые потребности клиента: {}",
                quote_description(description)
            );
            let (entries, unmatched) = needs_of(&cell);
            assert_eq!(
                entries,
                vec![code_entry(Need::Info), other_entry(description)],
                "{cell}"
            );
            assert!(unmatched.is_empty());
        }
        // A person's own quotes stay, and split nothing inside them.
        let (entries, _) = needs_of("other: «Госуслуги»; получение «справок; выписок»");
        assert_eq!(entries[0], other_entry("«Госуслуги»"));
        assert_eq!(entries[1], other_entry("получение «справок; выписок»"));
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn captions_name_their_act_in_the_common_layouts() {
        for (caption, act) in [
            (
                "Приложение к приказу Министерства финансов от 24.09.2024 № 76",
                Some("Приказ Министерства финансов от 24.09.2024 № 76"),
            ),
            (
                "УТВЕРЖДЕН приказом Министерства финансов от «24» сентября 2024 г. № 76",
                Some("Приказ Министерства финансов от 24.09.2024 № 76"),
            ),
            (
                "УТВЕРЖДЕН приказом Министерства финансов № 76-п от 24.09.2024",
                Some("Приказ Министерства финансов от 24.09.2024 № 76-п"),
            ),
            (
                "Приложение к распоряжению от 3 марта 2025 года № 12",
                Some("Распоряжение от 03.03.2025 № 12"),
            ),
            (
                "УТВЕРЖДЕН приказом от 24 сентября 2024 г. N 76",
                Some("Приказ от 24.09.2024 № 76"),
            ),
            // No number, or a date that does not exist: no act is guessed.
            ("Приложение к приказу от 24.09.2024", None),
            ("Приложение к приказу от 31.02.2024 № 5", None),
            ("Перечень точек взаимодействия", None),
        ] {
            assert_eq!(act_of_caption(caption).as_deref(), act, "{caption}");
        }
    }

    #[test]
    fn merged_and_empty_cells_continue_and_headings_start_directions() {
        let imported = import_one(grid(&[
            &["Перечень точек взаимодействия — Минфин", "<", "<", "<"],
            &[
                "№ п/п",
                "Направленность деятельности",
                "Процесс",
                "Точка взаимодействия",
            ],
            &["1", "2", "3", "4"],
            &["1.", "Учет", "Зарплата", "Телефон"],
            &["", "^", "^", "Почта"],
            &["", "", "Командировки", "СЭД"],
            &["", "", "", ""],
            &["2. Кадры", "<", "<", "<"],
            &["3.", "", "Отпуск", "Кабинет"],
        ]));
        let registry = imported.registry.unwrap();
        assert_eq!(
            names(&registry),
            vec![
                ("Учет".into(), "Зарплата".into(), "Телефон".into()),
                ("Учет".into(), "Зарплата".into(), "Почта".into()),
                ("Учет".into(), "Командировки".into(), "СЭД".into()),
                ("Кадры".into(), "Отпуск".into(), "Кабинет".into()),
            ]
        );
        assert_eq!(registry.organization.unwrap().0, "Минфин");
        let approved = registry.approved.unwrap();
        assert_eq!(approved.date.unwrap().0, "24.09.2024");
        assert!(imported.findings.is_empty(), "{:?}", imported.findings);
        // Places: the second touchpoint of the first process stands in row 5.
        let path = YamlPath::root()
            .key("directions")
            .index(0)
            .key("processes")
            .index(0)
            .key("touchpoints")
            .index(1);
        let (position, label) = imported.places.locate(&path).unwrap();
        assert_eq!((position.line, position.column), (5, 4));
        assert_eq!(label, "таблица 1, строка 5, графа «Точка взаимодействия»");
    }

    #[test]
    fn a_point_with_no_process_above_is_i004_and_unknown_headers_are_i002() {
        let imported = import_one(grid(&[
            &[
                "Направление деятельности",
                "Процесс",
                "Точка взаимодействия",
                "Примечание",
            ],
            &["Учет", "", "Телефон", "x"],
        ]));
        let codes: Vec<&str> = imported.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["I002", "I004"]);
        assert_eq!(imported.findings[1].line, Some(2));
    }

    #[test]
    fn an_unknown_header_repeated_across_columns_is_one_finding() {
        let imported = import_one(grid(&[
            &["Процесс", "Точка взаимодействия", "x", "x", "x", "y"],
            &["Зарплата", "Телефон", "", "", "", ""],
        ]));
        let codes: Vec<&str> = imported.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["I002", "I002"]);
    }

    #[test]
    fn no_touchpoint_column_is_i001_naming_the_headers_seen() {
        let imported = import_one(grid(&[&["Направление", "Процесс"], &["a", "b"]]));
        assert!(imported.registry.is_none());
        assert_eq!(imported.findings[0].code, "I001");
        assert!(imported.findings[0].message.contains("«Процесс»"));
    }

    #[test]
    fn needs_with_commas_are_joined_back_and_the_rest_is_other() {
        let (entries, unmatched) = needs_of(
            "Получение информации; представление заявления, обращения, запроса, документов, \
             пропуск в здание\nДругие удовлетворяемые потребности клиента: справка",
        );
        let codes: Vec<String> = entries
            .iter()
            .map(|e| match e.interpret() {
                super::super::model::NeedValue::Known { need, description } => {
                    format!(
                        "{}{}",
                        need.code(),
                        description.map(|d| format!("={d}")).unwrap_or_default()
                    )
                }
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                "info",
                "submission",
                "other=пропуск в здание",
                "other=справка"
            ]
        );
        assert_eq!(unmatched, vec!["пропуск в здание".to_string()]);
    }

    #[test]
    fn a_basis_is_a_document_or_a_directive() {
        assert_eq!(basis_code("Регламент бухгалтерии"), Some("document"));
        assert_eq!(basis_code("Поручение министра"), Some("directive"));
        assert_eq!(basis_code("распорядительное действие"), Some("directive"));
        assert_eq!(basis_code("document"), Some("document"));
        assert_eq!(basis_code("по памяти"), None);
    }

    #[test]
    fn table_wordings_of_the_kind_are_channels() {
        assert_eq!(
            channel_code("Взаимодействие в онлайн-точке"),
            Some("digital")
        );
        assert_eq!(
            channel_code("Взаимодействие в офлайн-точке"),
            Some("offline")
        );
        assert_eq!(channel_code("Цифровая"), Some("digital"));
        assert_eq!(channel_code("по телефону"), None);
    }

    #[test]
    fn the_official_headings_are_all_recognised() {
        for heading in crate::registry::model::OFFICIAL_HEADINGS {
            assert!(Field::of_header(heading).is_some(), "{heading}");
        }
    }
}
