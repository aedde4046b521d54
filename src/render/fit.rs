//! A table for the terminal that fits its width (documents.md «The terminal»): a framed table
//! when every column can hold its longest word, else each row as a block of «поле: значение»
//! lines. Words are never cut mid-syllable: a column is never narrower than its longest word.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};

/// The characters a framed table adds: «│ » before each column, « │» after the last.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

/// The longest run a line may not break: words part at spaces, never at a no-break space
/// (`84,2 %` stays whole).
fn longest_word(text: &str) -> usize {
    text.split([' ', '\n', '\t'])
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The width tables for people are fitted to: `COLUMNS` when set, else the terminal's, else 80
/// (a file, a pipe, a console nobody measured).
pub fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if let Some(width) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| (40..=1000).contains(w))
    {
        return width;
    }
    if std::io::stdout().is_terminal()
        && let Some(width) = Table::new().width()
    {
        return usize::from(width).max(40);
    }
    80
}

/// A table built with comfy-table, fitted to the terminal: its headings and cells laid out again
/// by [`table`].
pub fn comfy(built: &Table) -> String {
    let headings: Vec<String> = built
        .header()
        .map(|h| h.cell_iter().map(comfy_table::Cell::content).collect())
        .unwrap_or_default();
    let rows: Vec<Vec<String>> = built
        .row_iter()
        .map(|r| r.cell_iter().map(comfy_table::Cell::content).collect())
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    table(&headings, &rows, terminal_width())
}

/// `headings` and `rows` as a table at most `width` characters wide, or as blocks.
pub fn table(headings: &[&str], rows: &[Vec<String>], width: usize) -> String {
    let columns = headings.len();
    let floors: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| longest_word(cell))
                .chain(std::iter::once(longest_word(headings[c])))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    if floors.iter().sum::<usize>() + frame(columns) > width {
        return blocks(headings, rows, width);
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(headings.to_vec());
    for row in rows {
        table.add_row(row.clone());
    }
    for (c, floor) in floors.iter().enumerate() {
        if let Some(column) = table.column_mut(c) {
            // The width comfy-table fixes includes the column's padding (a space each side).
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                u16::try_from(*floor + 2).unwrap_or(u16::MAX),
            )));
        }
    }
    format!("{table}\n")
}

/// Each row as a block: its first cell as the title, then «поле: значение» lines, wrapped at
/// `width` between words; an empty cell is left out.
pub fn blocks(headings: &[&str], rows: &[Vec<String>], width: usize) -> String {
    let mut out = String::new();
    for row in rows {
        let mut cells = row.iter().zip(headings);
        if let Some((title, heading)) = cells.next() {
            // A bare number says nothing alone: «Строка 3», not «3».
            let title = if !title.is_empty() && title.bytes().all(|b| b.is_ascii_digit()) {
                format!("{heading} {title}")
            } else {
                title.clone()
            };
            out.push_str(&wrap(&title, width, ""));
        }
        for (cell, heading) in cells {
            if cell.trim().is_empty() {
                continue;
            }
            if cell.contains('\n') {
                // Lines of their own (the options of a question): each under the heading.
                out.push_str(&wrap(&format!("{heading}:"), width, "    "));
                for line in cell.lines() {
                    out.push_str(&wrap(line, width, "      "));
                }
                continue;
            }
            let line = if heading.is_empty() {
                cell.clone()
            } else {
                format!("{heading}: {cell}")
            };
            out.push_str(&wrap(&line, width, "    "));
        }
        out.push('\n');
    }
    out
}

/// `text` wrapped at `width` between words, every line after the first indented by `indent`
/// (the first by `indent` shortened by two, so that a block's lines stand under its title).
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let first_indent = if indent.is_empty() { "" } else { &indent[2..] };
    let mut out = String::new();
    let mut line = first_indent.to_string();
    let mut empty = true;
    for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
        let length = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && length > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// Every line of `text` longer than `width` wrapped between words, its continuation indented
/// two spaces deeper than the line itself.
pub fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if bare.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let depth = bare.len() - bare.trim_start_matches(' ').len();
        out.push_str(&wrap(bare, width, &" ".repeat(depth + 2)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(text: &str) -> usize {
        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn a_table_that_fits_is_framed_and_no_wider_than_asked() {
        let rows = vec![vec!["Минфин".to_string(), "84,2 %".to_string()]];
        let text = table(&["Орган", "Уровень"], &rows, 80);
        assert!(text.contains('│'), "{text}");
        assert!(widest(&text) <= 80, "{text}");
    }

    #[test]
    fn a_wide_table_becomes_blocks_and_no_word_is_cut() {
        let headings = [
            "Орган",
            "Файл",
            "Области",
            "Утверждён",
            "Размещение",
            "Точек",
        ];
        let rows = vec![vec![
            "Министерство здравоохранения".to_string(),
            "examples/region/minzdrav/perechen_2025_utverzhdennyi.yaml".to_string(),
            "бухгалтерский учет, кадровая политика".to_string(),
            "Приказ № 41 от 30.04.2025".to_string(),
            "размещён позже 5 рабочих дней".to_string(),
            "12".to_string(),
        ]];
        let text = table(&headings, &rows, 80);
        assert!(!text.contains('│'), "{text}");
        assert!(
            text.contains("\n  Размещение: размещён позже 5 рабочих дней"),
            "{text}"
        );
        for word in rows[0].iter().flat_map(|c| c.split_whitespace()) {
            assert!(text.contains(word), "{word} cut in {text}");
        }
        assert!(widest(&text) <= 80, "{text}");
    }

    #[test]
    fn long_lines_keep_their_indentation() {
        let text = "  ~ точка «Касса»: потребности добавлены «получение консультации»\nкоротко\n";
        let wrapped = wrap_lines(text, 40);
        assert_eq!(
            wrapped,
            "  ~ точка «Касса»: потребности добавлены\n    «получение консультации»\nкоротко\n"
        );
    }

    #[test]
    fn wrapping_breaks_between_words() {
        let text = wrap("один два три четыре пять", 10, "    ");
        assert_eq!(text, "  один два\n    три\n    четыре\n    пять\n");
    }
}
