//! The header of a registry table: its row or rows (two-row headers as leaf headings), and
//! which field each column is, by whole wordings.

use super::cells::channel_code;
use super::fields::Field;
use super::rows::{is_number_row, row_words};
use crate::input::Grid;
use crate::registry::needs::Need;
use crate::text::normalize;

/// How many rows from the top may be title and approval lines (УТВЕРЖДАЮ, СОГЛАСОВАНО) before
/// the header (import.md).
pub(super) const HEADER_SEARCH: usize = 40;

/// The header of a registry table: one row, or two (a heading merged across over its leaf
/// headings, «Точка взаимодействия» over «наименование | вид», the other headings merged down
/// over both rows). Each column gets its leaf heading and the field it names.
pub(super) struct Header {
    /// The index of the header's first row.
    pub(super) top: usize,
    /// The index of the header's last row: the data begin under it.
    pub(super) bottom: usize,
    /// The row number the header's findings point at (its leaf row).
    pub(super) number: usize,
    /// Each column's heading as messages name it and the field it names.
    pub(super) columns: Vec<(String, Option<Field>)>,
    /// The columns of a matrix of marks: a catalogue wording under «Удовлетворяемые
    /// потребности», a kind («цифровая», «офлайн») under «Вид точки».
    pub(super) marks: Vec<Option<Mark>>,
    /// The words of each header row, to skip copies of them in the body.
    pub(super) words: Vec<Vec<String>>,
}

impl Header {
    pub(super) fn of(grid: &Grid, found: usize, explicit: &[(String, Field)]) -> Header {
        let (top, bottom) = header_rows(grid, found);
        let leaf = &grid.rows[bottom];
        let width = leaf.slots.len().max(grid.rows[top].slots.len());
        let empty = crate::input::Slot {
            merged_above: true,
            ..crate::input::Slot::default()
        };
        let mut marks = vec![None; width];
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
                        let parent_field = field_of(&parent, explicit);
                        let field = leaf_field(&text, parent_field);
                        if field.is_none() {
                            marks[c] = mark_of(&text, parent_field);
                        }
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
            marks,
            words: grid.rows[top..=bottom].iter().map(row_words).collect(),
        }
    }
}

/// What a column of a matrix of marks stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Need(Need),
    /// The channel's code.
    Channel(&'static str),
}

/// The mark column a leaf heading makes under its parent's field, if any.
fn mark_of(leaf: &str, parent: Option<Field>) -> Option<Mark> {
    match parent? {
        Field::Needs => Need::parse(leaf).map(Mark::Need),
        Field::Channel | Field::Point => channel_code(leaf).map(Mark::Channel),
        _ => None,
    }
}

/// The first and last rows of the header around the row that names the touchpoint column: the
/// row above too when a heading of this row is merged down from it, the row below too when it
/// holds only leaf headings under headings merged across this one.
pub(super) fn header_rows(grid: &Grid, found: usize) -> (usize, usize) {
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
pub(super) fn leaf_field(leaf: &str, parent: Option<Field>) -> Option<Field> {
    let parent = parent?;
    let leaf = normalize(leaf);
    if parent == Field::Point && (leaf.starts_with("вид") || leaf.starts_with("тип")) {
        return Some(Field::Channel);
    }
    (leaf.starts_with("наименовани") || leaf.starts_with("название")).then_some(parent)
}

/// The row whose cells name a touchpoint column.
pub(super) fn header_row(grid: &Grid, explicit: &[(String, Field)]) -> Option<usize> {
    grid.rows.iter().take(HEADER_SEARCH).position(|row| {
        row.slots
            .iter()
            .any(|slot| field_of(&slot.text, explicit) == Some(Field::Point))
    })
}

pub(super) fn field_of(header: &str, explicit: &[(String, Field)]) -> Option<Field> {
    let wanted = normalize(header);
    // A heading of punctuation only («%») normalises to nothing: it names no column, and an
    // empty header cell is never the column it names.
    explicit
        .iter()
        .find(|(h, _)| !wanted.is_empty() && normalize(h) == wanted)
        .map(|(_, f)| *f)
        .or_else(|| Field::of_header(header))
}
