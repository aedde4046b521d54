//! Which table of a file is the registry, and which of the others continue it (the same
//! columns, with or without a header) or are left out, and why (the ledger's other tables).

use super::codes::i005;
use super::fields::Options;
use super::header::{Header, header_row};
use super::reader::TableReader;
use super::rows::{is_blank, is_number_row, row_words};
use crate::diagnostic::Finding;
use crate::input::table::{Fate, Other};
use crate::input::{Grid, GridRow};
use crate::text::normalize;

/// The tables after the registry's first one: each continuation read into `reader`, the
/// others said. Returns the indices joined (the first among them), the I005 findings and the
/// account of the tables not read.
pub(super) fn join_continuations<'a>(
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
                let fate_of = |_: usize, row: &GridRow| {
                    if is_blank(row) {
                        Fate::Empty
                    } else if is_number_row(row) {
                        Fate::ColumnNumbers
                    } else {
                        Fate::Header
                    }
                };
                reader.read_table(&next.rows[..skip], fate_of, &next.rows[skip..]);
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
                    why: format!("не присоединено к перечню — {why}"),
                });
                stopped = true;
            }
            Continuation::Other => {
                others.push(other_table(index, next, segment_tables, "не прочитано: не продолжение перечня (нет повторённой шапки, строки номеров граф или тех же граф)"));
                stopped = true;
            }
        }
    }
    (joined, continuation_findings, others)
}

/// A table not read as the registry: the segmentation's or the profiles' own, or another.
pub(super) fn other_table(index: usize, grid: &Grid, segment_tables: &[usize], why: &str) -> Other {
    let read_as_segments = segment_tables.contains(&index);
    Other {
        table: grid.name(),
        joined: false,
        why: if read_as_segments {
            "сегментация или профили клиентов (прочитаны отдельно)".to_string()
        } else {
            why.to_string()
        },
    }
}

/// The grid to read and its header row: the one the options name, else the first whose header
/// names a touchpoint column.
pub(super) fn choose(grids: &[Grid], options: &Options) -> Option<(usize, usize)> {
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

/// Whether a table after the registry's first one goes on with it.
pub(super) enum Continuation {
    /// It does: read it from this row (after its repeated header or row of numbers), and why
    /// it was joined.
    Joined(usize, &'static str),
    /// It looks like one but cannot be joined (I005, with the reason).
    Refused(&'static str),
    /// Another table.
    Other,
}

/// A table goes on with the registry when it repeats the header, or the row of column numbers,
/// or comes after a «Продолжение …» caption, or (a sheet) has the same header; with the same
/// number of columns each time.
pub(super) fn continuation(first: &Grid, header: &Header, next: &Grid) -> Continuation {
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
    // A table under «СОГЛАСОВАНО:», «Лист согласования», «УТВЕРЖДАЮ» is the approvals, never
    // the registry's second half, however many columns it has.
    let approvals = next.titles.iter().rev().take(3).any(|t| {
        let t = normalize(t);
        t.starts_with("согласован")
            || t.starts_with("лист согласования")
            || t.starts_with("утверждаю")
            || t.starts_with("визы")
    });
    if approvals {
        return Continuation::Other;
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
