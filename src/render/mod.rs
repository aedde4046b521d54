//! Output formats. Commands build a report model; the functions here write it, one function per
//! format, and never decide anything about the findings themselves.

pub mod diff;
pub mod docx;
pub mod findings;
pub mod fit;
pub mod format;
pub mod official_table;
pub mod palette;
pub mod profiles;
pub mod proposals;
pub mod questionnaire;
pub mod region;
pub mod registry_yaml;
pub mod report;
pub mod requests;
pub mod stats;
pub mod style;
pub mod survey;

/// Text from an input as one cell of a Markdown table: HTML is escaped (a Markdown file is
/// usually shown as HTML, and `<script>` from an answer must stay text), `|` cannot end the
/// cell, and a line break cannot end the row.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A number the Russian way, for outputs people read (survey.md): a decimal comma. JSON and
/// CSV, for programs, keep the point. Every renderer for people uses this one.
pub fn russian(number: String) -> String {
    number.replace('.', ",")
}

/// A change in percentage points as Russian typography writes it: `+5,3`, `−29,3` (a minus
/// sign, not a hyphen).
pub fn signed(value: f64) -> String {
    crate::text::signed_pp(value)
}

/// A p-value after «p»: `< 0,0001` or `= 0,0123`, never `= 0,0000`; a no-break space keeps
/// the sign with its number when a line wraps.
pub fn p_value(p: f64) -> String {
    if p < 0.0001 {
        "<\u{a0}0,0001".to_string()
    } else {
        format!("=\u{a0}{}", russian(format!("{p:.4}")))
    }
}

/// A p-value in a table cell: `< 0,0001` (a non-breaking space, so a narrow column never parts
/// the sign from the number) or `0,0123`.
pub fn p_cell(p: f64) -> String {
    if p < 0.0001 {
        "<\u{a0}0,0001".to_string()
    } else {
        russian(format!("{p:.4}"))
    }
}

/// `84,2 %`, with a non-breaking space so that a narrow column never parts the number from its
/// sign.
pub fn share(value: f64) -> String {
    // Rounded half away from zero as the tally rounds its shares (6.25 → 6,3 everywhere:
    // `{:.1}` alone would give 6,2 for the same figure in another output).
    let rounded = (value * 10.0).round() / 10.0;
    format!("{}\u{a0}%", russian(format!("{rounded:.1}")))
}

/// CSV for Russian Excel: UTF-8 with BOM, `;` as delimiter, CRLF, and no cell of `rows` that a
/// spreadsheet would run as a formula.
pub fn excel_csv<R: AsRef<[String]>>(
    headings: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> anyhow::Result<Vec<u8>> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer.write_record(headings)?;
        for row in rows {
            let row = row.as_ref();
            writer.write_record(
                row.iter()
                    .map(|c| excel_number(&crate::text::spreadsheet_safe(c))),
            )?;
        }
        writer.flush()?;
    }
    Ok(bytes)
}

/// A number as Russian Excel and LibreOffice read it from CSV: «84,2», never «84.2» (text or a
/// date to them). Any other cell as it is.
fn excel_number(cell: &str) -> String {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    match digits.split_once('.') {
        Some((whole, fraction))
            if !whole.is_empty()
                && !fraction.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            cell.replace('.', ",")
        }
        _ => cell.to_string(),
    }
}

/// The heading cells of an XLSX table: bold, wrapped, framed, on a pale blue.
pub fn xlsx_heading_format() -> rust_xlsxwriter::Format {
    rust_xlsxwriter::Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_background_color(0xEEF2F7)
}

/// A table sheet set to print as a person expects: landscape A4, one page wide (as long as it
/// takes), the heading row `heading` on every page.
pub fn xlsx_for_print(sheet: &mut rust_xlsxwriter::Worksheet, heading: u32) -> anyhow::Result<()> {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(heading, heading)?;
    Ok(())
}

/// Column widths (in characters) for the texts of a table, its heading row first: each column
/// as wide as its longest line (the heading's longest word), at least `least`, at most 60 (a
/// longer text wraps).
pub fn xlsx_widths(texts: &[Vec<String>], least: f64) -> Vec<f64> {
    let columns = texts.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            // The heading row (the first) wraps between its words: its longest word counts.
            let heading = texts
                .first()
                .and_then(|row| row.get(c))
                .and_then(|text| text.split_whitespace().map(|w| w.chars().count()).max())
                .unwrap_or(0);
            let longest = texts
                .iter()
                .skip(1)
                .filter_map(|row| row.get(c))
                .flat_map(|text| text.lines())
                .map(|line| line.chars().count())
                .max()
                .unwrap_or(0)
                .max(heading);
            (longest as f64 + 2.0).clamp(least, 60.0)
        })
        .collect()
}

/// Each row as tall as its wrapped texts, for office suites that do not measure rows a
/// program wrote (LibreOffice shows one line and hides the rest): the lines a cell's text takes
/// at its column's width, 15 points a line. `first` is the sheet row of `texts[0]`.
pub fn xlsx_row_heights(
    sheet: &mut rust_xlsxwriter::Worksheet,
    first: u32,
    texts: &[Vec<String>],
    widths: &[f64],
) -> anyhow::Result<()> {
    for (r, row) in texts.iter().enumerate() {
        let lines = row
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                let per_line = (width - 1.0).max(1.0);
                text.lines()
                    .map(|line| (line.chars().count() as f64 / per_line).ceil().max(1.0))
                    .sum::<f64>()
            })
            .fold(1.0, f64::max);
        if lines > 1.0 {
            sheet.set_row_height(first + u32::try_from(r)?, (lines * 15.0).min(409.0))?;
        }
    }
    Ok(())
}

/// The body cells of an XLSX table: wrapped, framed, aligned to the top.
pub fn xlsx_cell_format() -> rust_xlsxwriter::Format {
    rust_xlsxwriter::Format::new()
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_align(rust_xlsxwriter::FormatAlign::Top)
}

/// The note that texts were not quoted: they are about items fewer than `min_group` people
/// answered (anonymity, Smolensk 5.2).
pub fn withheld_note(withheld: u64, min_group: u64) -> String {
    format!(
        "{withheld} {} не {}: {} о вопросах, на которые ответили меньше {min_group} {} (анонимность опроса).",
        crate::text::plural(withheld as usize, "текст", "текста", "текстов"),
        crate::text::plural(withheld as usize, "приводится", "приводятся", "приводятся"),
        crate::text::plural(withheld as usize, "он", "они", "они"),
        crate::text::plural(min_group as usize, "человека", "человек", "человек"),
    )
}

/// The note for texts left out as formulas, markup or only links.
pub fn junk_note(junk: u64) -> String {
    format!(
        "{junk} {} не {}: формулы электронной таблицы, разметка или одна ссылка без текста.",
        crate::text::plural(junk as usize, "текст", "текста", "текстов"),
        crate::text::plural(junk as usize, "приводится", "приводятся", "приводятся"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_a_csv_for_russian_excel_have_a_decimal_comma() {
        assert_eq!(excel_number("84.2"), "84,2");
        assert_eq!(excel_number("-10.7"), "-10,7");
        assert_eq!(excel_number("10.11.2025"), "10.11.2025");
        assert_eq!(excel_number("2025"), "2025");
        assert_eq!(excel_number("v1.x"), "v1.x");
        let bytes = excel_csv(&["a"], [vec!["84.2".to_string()]]).unwrap();
        assert!(String::from_utf8(bytes).unwrap().contains("84,2"));
    }

    #[test]
    fn changes_and_p_values_are_written_the_russian_way() {
        assert_eq!(signed(-29.34), "\u{2212}29,3");
        assert_eq!(signed(5.25), "+5,2");
        assert_eq!(p_value(0.00001), "<\u{a0}0,0001");
        assert_eq!(p_value(0.0123), "=\u{a0}0,0123");
        assert_eq!(p_cell(0.00001), "<\u{a0}0,0001");
    }

    #[test]
    fn markdown_cells_keep_their_table() {
        assert_eq!(
            super::markdown_cell("<b>a</b> | b\r\nc & d \\"),
            "&lt;b&gt;a&lt;/b&gt; \\| b c &amp; d \\\\"
        );
    }
}
