//! Output formats. Commands build a report model; the functions here write it, one function per
//! format, and never decide anything about the findings themselves.

pub mod diff;
pub mod findings;
pub mod official_table;
pub mod report;
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

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_cells_keep_their_table() {
        assert_eq!(
            super::markdown_cell("<b>a</b> | b\r\nc & d \\"),
            "&lt;b&gt;a&lt;/b&gt; \\| b c &amp; d \\\\"
        );
    }
}
