//! What a row of a table is at a glance: blank, its filled texts, a row of numbers, a section
//! number.

use crate::input::GridRow;
use crate::text::normalize;

/// The words of a row's cells, to compare a header with its repetition.
pub(super) fn row_words(row: &GridRow) -> Vec<String> {
    row.slots
        .iter()
        .map(|s| normalize(&s.text))
        .filter(|t| !t.is_empty())
        .collect()
}

pub(super) fn is_blank(row: &GridRow) -> bool {
    row.slots.iter().all(|s| s.text.trim().is_empty()) && !row.slots.iter().any(|s| s.merged_above)
}

/// The texts of a row's filled cells, trimmed, in order.
pub(super) fn filled_texts(row: &GridRow) -> Vec<&str> {
    row.slots
        .iter()
        .map(|s| s.text.trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The row of column numbers printed forms have under the header: `1 2 3 …`.
pub(super) fn is_number_row(row: &GridRow) -> bool {
    let filled = filled_texts(row);
    filled.len() >= 2
        && filled.iter().enumerate().all(|(i, t)| {
            t.trim_end_matches('.')
                .parse::<usize>()
                .is_ok_and(|n| n == i + 1)
        })
}

/// Whether a cell is a section's number alone: «1», «1.», «2)», «II.».
pub(super) fn is_section_number(text: &str) -> bool {
    let bare = text.trim().trim_end_matches(['.', ')']);
    !bare.is_empty()
        && (bare.chars().all(|c| c.is_ascii_digit())
            || bare.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}
