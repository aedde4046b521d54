//! Findings: what every check (registry rules, survey checks, loader errors) reports.
//!
//! One type for all of them so that renderers, sorting, `--strict`, `--ignore` and the exit
//! status are decided once, whatever produced the finding.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// How serious a finding is. `--strict` turns warnings into errors; infos never fail a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The Russian word shown to users.
    pub fn russian(self) -> &'static str {
        match self {
            Severity::Error => "ошибка",
            Severity::Warning => "предупреждение",
            Severity::Info => "замечание",
        }
    }

    /// The machine name used in JSON and in GitHub annotations.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One segment of a YAML path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// Keys of the format are static; keys read from a file are owned.
    Key(Cow<'static, str>),
    Index(usize),
}

/// The path of a node inside a YAML document, e.g. `directions[0].processes[2].touchpoints[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YamlPath(pub Vec<Segment>);

impl YamlPath {
    pub fn root() -> Self {
        YamlPath(Vec::new())
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &'static str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(Cow::Borrowed(key)));
        YamlPath(segments)
    }

    /// This path extended by a key read from a file.
    pub fn key_owned(&self, key: String) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(Cow::Owned(key)));
        YamlPath(segments)
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        YamlPath(segments)
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Where a finding points: a line and column in a text file (1-based, columns in characters,
/// as an editor counts them on Cyrillic text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One finding of any check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub code: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Counted from 1, in characters (a text file) or as the spreadsheet numbers its columns;
    /// code constructors take a column index from 0 and add the 1 themselves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The YAML path of the node (registries) where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The row (1 = header) of a survey export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The cell of a registry read from a table: `таблица 1, строка 7, графа «Точка
    /// взаимодействия»` or `Лист1!D7 (графа «…»)`; `line` is then the table row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The offending value, where there is one (survey findings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
    /// What to do about it, in one sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The code's kebab-case name (for annotations that title a finding).
    #[serde(skip)]
    pub name: &'static str,
}

impl Finding {
    /// A finding with no position yet; the caller fills in what it knows. Codes make findings
    /// through [`Rule::finding`]; this stays visible for tests and renderers' examples.
    pub(crate) fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Finding {
            file: String::new(),
            code,
            severity,
            line: None,
            column: None,
            path: None,
            row: None,
            cell: None,
            value: None,
            message: message.into(),
            help: None,
            name: "",
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_cell(mut self, cell: impl Into<String>) -> Self {
        self.cell = Some(cell.into());
        self
    }

    pub fn at(mut self, position: Position) -> Self {
        self.line = Some(position.line);
        self.column = Some(position.column);
        self
    }

    /// The order in which findings are printed: by file, line, column, then code.
    pub fn sort_key(&self) -> (String, usize, usize, usize, &'static str) {
        (
            self.file.clone(),
            self.line.unwrap_or(0),
            self.row.unwrap_or(0),
            self.column.unwrap_or(0),
            self.code,
        )
    }
}

/// Which files a code applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A registry rule, checked by `check` (its check is listed in `rules::CHECKS`).
    Registry,
    /// A finding of `survey check`, produced by the survey reader.
    Survey,
    /// A finding of reading a registry from a table (`import`, or `check FILE.docx`).
    Import,
    /// A finding of reading a journal of requests (`requests`).
    Journal,
}

/// The descriptor of a code (R, S, I, J): what it means, not how it is checked. Each domain
/// declares its codes beside the code that finds them; `catalog` lists them all.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    /// Kebab-case name of the defect, e.g. `duplicate-touchpoint`.
    pub name: &'static str,
    pub severity: Severity,
    /// The seed point it comes from ("Липецк 2.7"), or "—".
    pub source: &'static str,
    /// One line in Russian.
    pub summary: &'static str,
    /// Full Russian text: Что проверяет / Почему это важно / Пример / Как исправить / Основание.
    pub explanation: &'static str,
    pub scope: Scope,
}

impl Rule {
    /// A finding of this code, with its code, name and severity: the one way findings are made.
    pub fn finding(&self, message: impl Into<String>) -> Finding {
        let mut finding = Finding::new(self.code, self.severity, message);
        finding.name = self.name;
        finding
    }
}

/// Totals of a list of findings, by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    pub fn of(findings: &[Finding]) -> Self {
        let mut totals = Totals::default();
        for finding in findings {
            match finding.severity {
                Severity::Error => totals.errors += 1,
                Severity::Warning => totals.warnings += 1,
                Severity::Info => totals.infos += 1,
            }
        }
        totals
    }
}

/// Sorts findings into their printing order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_path_prints_like_the_spec() {
        let path = YamlPath::root()
            .key("directions")
            .index(0)
            .key("processes")
            .index(2)
            .key("needs")
            .index(0);
        assert_eq!(path.to_string(), "directions[0].processes[2].needs[0]");
        assert_eq!(YamlPath::root().to_string(), "");
    }

    #[test]
    fn totals_count_each_severity() {
        let findings = vec![
            Finding::new("R001", Severity::Error, "a"),
            Finding::new("R003", Severity::Warning, "b"),
            Finding::new("R003", Severity::Warning, "c"),
            Finding::new("R017", Severity::Info, "d"),
        ];
        assert_eq!(
            Totals::of(&findings),
            Totals {
                errors: 1,
                warnings: 2,
                infos: 1
            }
        );
    }
}
