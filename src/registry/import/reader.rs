//! The rows under the header read into directions, processes and touchpoints: merged and
//! continued cells carried down, section headings, rows that end a table, every row's fate.

use super::cells::{basis_code, channel_code, needs_of};
use super::codes::{i002, i002_twice, i003, i004, i008, i009, i011};
use super::fields::Field;
use super::header::{Header, Mark};
use super::places::{DirectionRows, RowRef};
use super::rows::{is_blank, is_number_row, is_section_number, row_words};
use crate::diagnostic::{Finding, Position};
use crate::input::table::{Fate, TableAccount, is_error_value, tail_row};
use crate::input::{Grid, GridRow};
use crate::registry::model::{Direction, NeedEntry, OneOrMany, Process, Text, Touchpoint};
use std::collections::BTreeMap;

/// The reader of one table's data rows.
pub(super) struct TableReader<'a> {
    pub(super) grid: &'a Grid,
    /// The index of `grid` among the joined tables (0: the first).
    pub(super) table: usize,
    /// The header's words, to skip a copy of it in the body (the row Word repeats on each page).
    pub(super) header_words: Vec<Vec<String>>,
    /// Each column's text in force: a cell merged down belongs to every row it covers.
    pub(super) above: Vec<String>,
    /// The field of each slot (None: a spacer or an unknown column).
    pub(super) fields: Vec<Option<Field>>,
    pub(super) headers: Vec<String>,
    pub(super) directions: Vec<Direction>,
    pub(super) places: Vec<DirectionRows>,
    pub(super) findings: Vec<Finding>,
    /// The direction and process text in force (continued by empty and merged cells).
    pub(super) direction: Option<String>,
    pub(super) process: Option<String>,
    /// Whether the process in force was named since its direction began.
    pub(super) has_direction_column: bool,
    /// The account of each table read (the first, then each continuation).
    pub(super) accounts: Vec<TableAccount>,
    /// Which columns hold texts (a count under one is a totals row).
    pub(super) text_columns: Vec<bool>,
    /// The columns of a matrix of marks: a need or a kind of point each (import.md).
    pub(super) marks: Vec<Option<Mark>>,
    /// Whether the row after the one being read names a process of its own.
    pub(super) next_names_process: bool,
}

impl<'a> TableReader<'a> {
    pub(super) fn new(grid: &'a Grid, header: &Header) -> Self {
        let mut fields = Vec::new();
        let mut headers = Vec::new();
        let mut findings = Vec::new();
        let mut unknown = std::collections::HashSet::new();
        for (column, ((text, field), mark)) in header.columns.iter().zip(&header.marks).enumerate()
        {
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
            } else if field.is_none()
                && mark.is_none()
                && !text.trim().is_empty()
                && unknown.insert(text.as_str())
            {
                // Each unknown header once: a sheet of 5,000 columns named «x» is one finding.
                findings.push(i002(text).at(position).with_cell(label));
            }
        }
        let has_direction_column = fields.contains(&Some(Field::Direction));
        let text_columns = fields
            .iter()
            .map(|f| {
                f.is_some_and(|f| {
                    !matches!(
                        f,
                        Field::Number | Field::Basis | Field::ProcessId | Field::Id
                    )
                })
            })
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
            marks: header.marks.clone(),
            next_names_process: false,
        }
    }

    /// What became of each column, for the ledger.
    pub(super) fn column_uses(&self) -> Vec<crate::input::table::ledger::ColumnUse> {
        self.headers
            .iter()
            .zip(&self.fields)
            .enumerate()
            .map(|(i, (heading, field))| {
                let field = field.or(match self.marks.get(i) {
                    Some(Some(Mark::Need(_))) => Some(Field::Needs),
                    Some(Some(Mark::Channel(_))) => Some(Field::Channel),
                    _ => None,
                });
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
    pub(super) fn note(&mut self, row: &GridRow, fate: Fate) {
        if let Some(account) = self.accounts.last_mut() {
            account.note(row.number, fate);
        }
    }

    pub(super) fn column_headings(&self) -> BTreeMap<Field, (usize, String)> {
        self.fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, (i + 1, self.headers[i].clone()))))
            .collect()
    }

    pub(super) fn text<'r>(&self, row: &'r GridRow, field: Field) -> Option<&'r str> {
        let column = self.fields.iter().position(|f| *f == Some(field))?;
        let text = row.slots.get(column)?.text.trim();
        (!text.is_empty()).then_some(text)
    }

    pub(super) fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    pub(super) fn at(&self, row: &GridRow) -> RowRef {
        RowRef {
            table: self.table,
            row: row.number,
        }
    }

    /// A table read: the rows above its data noted in a new account of it by `fate_of` (their
    /// index among them, the row), its columns accounted, its data rows read.
    pub(super) fn read_table(
        &mut self,
        above: &[GridRow],
        fate_of: impl Fn(usize, &GridRow) -> Fate,
        data: &'a [GridRow],
    ) {
        let mut account = TableAccount::new(self.grid.name(), &self.grid.hidden_rows);
        for (i, row) in above.iter().enumerate() {
            account.note(row.number, fate_of(i, row));
        }
        account.columns = self.column_uses();
        self.accounts.push(account);
        self.read_rows(data);
    }

    pub(super) fn read_rows(&mut self, rows: &'a [GridRow]) {
        self.above.clear();
        // For each row, whether the next filled row names a process of its own: then a row
        // naming only a process, in a table without a direction column, heads a section (a
        // direction). One pass from the end, so a sheet of empty rows stays linear.
        let mut next_names: Vec<bool> = vec![false; rows.len()];
        let mut following = false;
        for (index, row) in rows.iter().enumerate().rev() {
            next_names[index] = following;
            if !is_blank(row) {
                following = self.text(row, Field::Process).is_some();
            }
        }
        for (index, row) in rows.iter().enumerate() {
            self.next_names_process = next_names[index];
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
    pub(super) fn has_own_texts(&self, row: &GridRow) -> bool {
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
    pub(super) fn skip_row(&mut self, row: &GridRow, fate: Fate) {
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
    pub(super) fn without_errors(&mut self, row: &GridRow) -> GridRow {
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
    pub(super) fn resolve(&mut self, row: &GridRow) -> GridRow {
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
    pub(super) fn extend_last(&mut self, row: &GridRow) -> bool {
        let own_needs = self
            .column(Field::Needs)
            .and_then(|c| row.slots.get(c))
            .map(|s| s.text.trim().to_string())
            .unwrap_or_default();
        let (marked_needs, _) = self.marked(row);
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
        if own_needs.is_empty() && marked_needs.is_empty() {
            return true;
        }
        let (mut entries, unmatched) = needs_of(&own_needs);
        entries.extend(marked_needs);
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

    pub(super) fn start_direction(&mut self, name: String, row: &GridRow) {
        let at = self.at(row);
        self.direction = Some(name.clone());
        self.process = None;
        self.directions.push(Direction {
            name: Some(Text(name)),
            processes: Some(Vec::new()),
        });
        self.places.push((at, Vec::new()));
    }

    pub(super) fn start_process(&mut self, name: String, row: &GridRow) {
        let at = self.at(row);
        let id = self
            .text(row, Field::ProcessId)
            .map(|t| Text(t.to_string()));
        self.process = Some(name.clone());
        if let Some(direction) = self.directions.last_mut() {
            direction
                .processes
                .get_or_insert_with(Vec::new)
                .push(Process {
                    name: Some(Text(name)),
                    id,
                    touchpoints: Some(Vec::new()),
                });
        }
        if let Some((_, processes)) = self.places.last_mut() {
            processes.push((at, Vec::new()));
        }
    }

    /// The direction and process a row starts: a new text starts one, an empty or merged cell
    /// continues the one in force.
    fn start_headings(&mut self, raw: &GridRow, row: &GridRow) {
        // A direction repeated in every row is the same direction however its case, «ё» or
        // spacing varies (one person typed it, another pasted it): the first spelling names it.
        match self.text(raw, Field::Direction) {
            Some(name)
                if !self
                    .direction
                    .as_deref()
                    .is_some_and(|d| same_name(d, name)) =>
            {
                self.start_direction(name.to_string(), raw);
                // A process cell merged down across the new direction's first row names that
                // row's process in the new direction, as the document shows it there.
                if self.text(raw, Field::Process).is_none()
                    && let Some(process) = self.text(row, Field::Process)
                {
                    self.start_process(process.to_string(), raw);
                }
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
            Some(name)
                if !self.process.as_deref().is_some_and(|p| same_name(p, name))
                    && !self.directions.is_empty() =>
            {
                self.start_process(name.to_string(), raw)
            }
            _ => {}
        }
    }

    /// A data row; `row` as stored (its merged cells empty) decides what starts, `resolved`
    /// (merged cells filled from above) gives the touchpoint's values.
    pub(super) fn read_row(&mut self, raw: &GridRow, resolved: &GridRow) -> Fate {
        let row = resolved;
        // Every field but the number, direction and process belongs to the touchpoint.
        let has_touchpoint = Field::TOUCHPOINT
            .iter()
            .any(|f| self.text(row, *f).is_some());
        // The direction: a new text starts one, an empty or merged cell continues it.
        let headed =
            self.text(raw, Field::Direction).is_some() || self.text(raw, Field::Process).is_some();
        // Without a direction column, a row naming only a process, followed by rows with
        // processes of their own, is a section: the direction they belong to.
        if !has_touchpoint
            && !self.has_direction_column
            && self.next_names_process
            && let Some(name) = self.text(raw, Field::Process)
        {
            self.start_direction(name.to_string(), raw);
            return Fate::Heading;
        }
        self.start_headings(raw, row);
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
    pub(super) fn outside_catalogue(&mut self, row: &GridRow, unmatched: Vec<String>) {
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

    /// The needs and kinds of point a row marks in a matrix of marks («+», «✓», «да»).
    pub(super) fn marked(&self, row: &GridRow) -> (Vec<NeedEntry>, Vec<&'static str>) {
        let mut needs = Vec::new();
        let mut channels = Vec::new();
        for (slot, mark) in row.slots.iter().zip(&self.marks) {
            if !is_mark(&slot.text) {
                continue;
            }
            match mark {
                Some(Mark::Need(need)) => {
                    needs.push(NeedEntry::Name(Text(need.code().to_string())))
                }
                Some(Mark::Channel(code)) => channels.push(*code),
                None => {}
            }
        }
        (needs, channels)
    }

    pub(super) fn touchpoint(&mut self, row: &GridRow) -> Touchpoint {
        let (marked_needs, marked_channels) = self.marked(row);
        let channel = match self.text(row, Field::Channel) {
            Some(cell) => Some(channel_code(cell).map_or_else(|| cell.to_string(), str::to_string)),
            // One kind marked is the point's kind; both marked are said and left unset.
            None if marked_channels.len() == 1 => Some(marked_channels[0].to_string()),
            None if marked_channels.len() > 1 => {
                let column = self.column(Field::Point).unwrap_or(0) + 1;
                self.findings.push(
                    i011()
                        .at(Position {
                            line: row.number,
                            column,
                        })
                        .with_cell(self.grid.cell_label(
                            row.number,
                            column,
                            &self.headers[column - 1],
                        )),
                );
                None
            }
            None => self
                .text(row, Field::Features)
                .and_then(channel_code)
                .map(str::to_string),
        };
        let mut needs = self.text(row, Field::Needs).map(|cell| {
            let (entries, unmatched) = needs_of(cell);
            self.outside_catalogue(row, unmatched);
            entries
        });
        if !marked_needs.is_empty() {
            let list = needs.get_or_insert_with(Vec::new);
            for need in marked_needs {
                if !list.contains(&need) {
                    list.push(need);
                }
            }
        }
        let needs = needs.map(OneOrMany::Many);
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
            id: text(Field::Id),
        }
    }
}

/// Whether two cells name the same direction or process: case, «ё» and spacing aside.
fn same_name(a: &str, b: &str) -> bool {
    a == b || crate::text::normalize_option(a) == crate::text::normalize_option(b)
}

/// Whether a cell of a matrix of marks marks its column: any text but a «no» («-», «нет», «0»).
fn is_mark(text: &str) -> bool {
    let text = text.trim();
    // Any dash is a «no»: the hyphen, «‐», «‒», «–», «—», «―», the minus sign «−».
    let dash = |c: char| {
        matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}'
        )
    };
    !text.is_empty()
        && !text.chars().all(dash)
        && !matches!(text.to_lowercase().as_str(), "нет" | "0" | "ложь" | "false")
}

/// A row with one text and nothing in the touchpoint's columns: a section heading, a direction
/// written across the table, perhaps after its number in a cell of its own («1.» | «Бухгалтерский
/// учет» merged across the rest). A lone number (`2.`) is no heading.
pub(super) fn section_heading<'a>(row: &'a GridRow, reader: &TableReader) -> Option<&'a str> {
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
    let heading = without_section_number(only);
    (!heading.is_empty()).then_some(heading)
}

/// A section heading without its number: «1. », «2) », «Раздел 3. », «III. », «Глава 2 ».
fn without_section_number(text: &str) -> &str {
    let mut rest = text.trim();
    for word in [
        "Раздел",
        "раздел",
        "РАЗДЕЛ",
        "Глава",
        "глава",
        "Часть",
        "часть",
    ] {
        if let Some(after) = rest.strip_prefix(word)
            && after.starts_with(' ')
        {
            rest = after.trim_start();
            break;
        }
    }
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    if number_end > 0 {
        return rest[number_end..]
            .trim_start_matches([')', '.'])
            .trim_start();
    }
    // A Roman numeral followed by «.» or «)».
    let roman_end = rest
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        .unwrap_or(rest.len());
    if roman_end > 0 && rest[roman_end..].starts_with(['.', ')']) {
        return rest[roman_end + 1..].trim_start();
    }
    rest
}
