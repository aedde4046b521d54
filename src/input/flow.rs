//! What the Word and the OpenDocument readers share: the paragraphs of a text flow, where a
//! paragraph inside a paragraph (a text box, a frame) gives its text to the one around it, and
//! the finished table of the flow.

use super::{Grid, GridRow, Source};

/// The paragraph being read and those a nested one interrupted.
#[derive(Debug, Default)]
pub struct Paragraphs {
    /// The text of the paragraph being read.
    pub current: String,
    depth: usize,
    outer: Vec<String>,
}

impl Paragraphs {
    /// Whether a paragraph is open (text read now belongs to one).
    pub fn open(&self) -> bool {
        self.depth > 0
    }

    /// A paragraph begins; inside another, the outer one goes on after it, its text kept.
    pub fn start(&mut self) {
        if self.depth > 0 {
            self.outer.push(std::mem::take(&mut self.current));
        } else {
            self.current.clear();
        }
        self.depth += 1;
    }

    /// A paragraph ends: a nested one's text joins the outer paragraph, between spaces; the
    /// text of a top-level one is returned.
    pub fn end(&mut self) -> Option<String> {
        if self.depth > 1 {
            self.depth -= 1;
            let inner = std::mem::take(&mut self.current);
            let mut outer = self.outer.pop().unwrap_or_default();
            let inner = inner.trim();
            if !inner.is_empty() {
                if !outer.is_empty() && !outer.ends_with(' ') {
                    outer.push(' ');
                }
                outer.push_str(inner);
                outer.push(' ');
            }
            self.current = outer;
            return None;
        }
        self.depth = self.depth.saturating_sub(1);
        Some(std::mem::take(&mut self.current))
    }
}

/// A top-level table finished: the `n`-th of the document, with the paragraphs above it.
pub fn finished_table(n: usize, rows: &mut Vec<GridRow>, titles: &mut Vec<String>) -> Grid {
    Grid {
        source: Source::WordTable(n),
        rows: std::mem::take(rows),
        titles: std::mem::take(titles),
        hidden: Vec::new(),
        hidden_rows: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_paragraph_joins_the_one_around_it_between_spaces() {
        let mut text = Paragraphs::default();
        text.start();
        text.current.push_str("Почта ");
        text.start();
        text.current.push_str("сноска");
        assert_eq!(text.end(), None);
        text.current.push_str("России");
        assert_eq!(text.end().as_deref(), Some("Почта сноска России"));
        assert!(!text.open());
    }
}
