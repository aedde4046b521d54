//! Minimal ANSI styling, applied only when the command decided colour is wanted.

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub enabled: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn red(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
    pub fn yellow(&self, text: &str) -> String {
        self.paint("1;33", text)
    }
    pub fn cyan(&self, text: &str) -> String {
        self.paint("1;36", text)
    }
    pub fn green(&self, text: &str) -> String {
        self.paint("1;32", text)
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    pub fn blue(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
}
