//! The optional survey definition (`--survey DEF.yaml`): which column is which.

use crate::text::normalize_option;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub title: Option<String>,
    /// The overall question (three-way scale): a header or a pattern with `*`.
    pub overall: Option<String>,
    #[serde(default)]
    pub items: Vec<DefinedItem>,
    pub problems: Option<String>,
    pub proposals: Option<String>,
    #[serde(default)]
    pub segments: Vec<String>,
    #[serde(default)]
    pub personal: Vec<String>,
    /// The items' column patterns indexed, built at the first lookup.
    #[serde(skip)]
    pub index: std::sync::OnceLock<PatternIndex>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinedItem {
    pub label: String,
    pub column: String,
    /// The registry process the item is about (optional).
    pub process: Option<String>,
    /// The direction of `process`, where two directions hold processes of that name.
    pub direction: Option<String>,
    /// The item's former wordings (column patterns of earlier years): the same item, compared
    /// across the rewording (survey.md «Which column»).
    #[serde(default)]
    pub also: Vec<String>,
}

impl Definition {
    /// The first item whose column pattern matches `header`, through an index built once.
    pub fn item_for(&self, header: &str) -> Option<&DefinedItem> {
        let index = self.index.get_or_init(|| {
            let (patterns, owners) = self.patterns();
            PatternIndex {
                owners,
                ..PatternIndex::new(patterns)
            }
        });
        index.first(header).map(|i| &self.items[index.owners[i]])
    }

    /// Every item's column pattern and former wordings (`also:`), with the item each names.
    fn patterns(&self) -> (Vec<&str>, Vec<usize>) {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            for pattern in std::iter::once(&item.column).chain(&item.also) {
                patterns.push(pattern.as_str());
                owners.push(i);
            }
        }
        (patterns, owners)
    }

    pub fn load(path: &std::path::Path) -> anyhow::Result<Definition> {
        let name = path.display().to_string();
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            anyhow::bail!(
                "{name}: это не обычный файл (папка, канал или устройство); укажите файл описания анкеты"
            );
        }
        let text = std::fs::read_to_string(path)
            .map_err(|error| crate::text::io_problem(&name, "описание анкеты", &error))?;
        let definition = Definition::parse(path, &text)?;
        definition.check(&name, &text)?;
        Ok(definition)
    }

    /// Refuses a definition that asks nothing, or names one label or one column twice (their
    /// dynamics would pair with each other's year, both under the first `process:`).
    fn check(&self, name: &str, text: &str) -> anyhow::Result<()> {
        if self.items.is_empty() && self.overall.is_none() {
            anyhow::bail!(
                "{name}: в описании анкеты нет ни одного вопроса (items пуст, overall не задан); образец — examples/omsk.survey.yaml"
            );
        }
        let line_of = |key: &str, value: &str| -> String {
            let lines: Vec<String> = text
                .lines()
                .enumerate()
                .filter(|(_, line)| {
                    let line = line.trim_start().trim_start_matches("- ").trim_start();
                    line.strip_prefix(key)
                        .and_then(|rest| rest.strip_prefix(':'))
                        .is_some_and(|rest| rest.trim().trim_matches(['"', '\'']) == value)
                })
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            if lines.is_empty() {
                String::new()
            } else {
                format!(" (строки {})", lines.join(" и "))
            }
        };
        for (i, item) in self.items.iter().enumerate() {
            for earlier in &self.items[..i] {
                if earlier.label == item.label {
                    anyhow::bail!(
                        "{name}: вопрос «{}» описан дважды{}; у каждого вопроса свой label",
                        item.label,
                        line_of("label", &item.label)
                    );
                }
                if earlier.column == item.column {
                    anyhow::bail!(
                        "{name}: столбец «{}» описан у двух вопросов{}; у каждого вопроса свой column",
                        item.column,
                        line_of("column", &item.column)
                    );
                }
            }
        }
        Ok(())
    }

    fn parse(path: &std::path::Path, text: &str) -> anyhow::Result<Definition> {
        serde_yaml::from_str(text).map_err(|error| {
            let place = error
                .location()
                .map(|l| format!(":{}:{}", l.line(), l.column()))
                .unwrap_or_default();
            anyhow::anyhow!(
                "{}{place}: описание анкеты не читается: {}; образец — examples/omsk.survey.yaml",
                path.display(),
                definition_problem(&error.to_string())
            )
        })
    }
}

/// serde_yaml's English message about a definition, said in Russian.
fn definition_problem(detail: &str) -> String {
    if let Some(rest) = detail.split("unknown field `").nth(1) {
        let field = rest.split('`').next().unwrap_or("");
        return format!(
            "неизвестный ключ «{field}» (допустимые: title, overall, items, problems, proposals, segments, personal; у вопроса — label, column, process, direction)"
        );
    }
    if let Some(rest) = detail.split("missing field `").nth(1) {
        let field = rest.split('`').next().unwrap_or("");
        return format!("у вопроса нет обязательного ключа «{field}»");
    }
    if detail.contains("invalid type") {
        return "значение не того вида (ожидается текст, список или список вопросов)".to_string();
    }
    crate::input::yaml::syntax_problem(detail).0.to_lowercase()
}

/// A grid header as Google Forms writes it, «Вопрос [Строка]», from the other ways services join
/// a question and its row: «Вопрос / Строка», «Вопрос: Строка», «Вопрос - Строка», a numbered row
/// «3.1. Строка».
fn as_grid_header(header: &str) -> String {
    let header = header.trim();
    for separator in [" / ", ": ", " — ", " – ", " - "] {
        if let Some(at) = header.rfind(separator) {
            let (question, row) = (&header[..at], &header[at + separator.len()..]);
            if !question.trim().is_empty() && !row.trim().is_empty() {
                return format!("{} [{}]", question.trim(), row.trim());
            }
        }
    }
    let number: String = header
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if number.chars().any(|c| c.is_ascii_digit()) && number.contains('.') {
        let row = header[number.len()..].trim();
        if !row.is_empty() {
            return format!("{} [{row}]", number.trim_end_matches('.'));
        }
    }
    header.to_string()
}

/// Patterns indexed by what they name, so that matching thousands of items to thousands of
/// columns is linear: a `*[Строка]` pattern (what `survey init` writes) and a pattern without
/// `*` are looked up by their row or header; any other pattern is tried one by one.
#[derive(Debug, Clone, Default)]
pub struct PatternIndex {
    patterns: Vec<String>,
    /// For a definition's index: the item each pattern belongs to (a column and its `also:`).
    pub owners: Vec<usize>,
    by_row: std::collections::HashMap<String, Vec<usize>>,
    by_header: std::collections::HashMap<String, Vec<usize>>,
    others: Vec<usize>,
}

impl PatternIndex {
    pub fn new(patterns: Vec<&str>) -> Self {
        let mut index = PatternIndex {
            owners: Vec::new(),
            patterns: patterns.into_iter().map(str::to_string).collect(),
            by_row: std::collections::HashMap::new(),
            by_header: std::collections::HashMap::new(),
            others: Vec::new(),
        };
        for (i, pattern) in index.patterns.iter().enumerate() {
            let row = pattern
                .strip_prefix('*')
                .and_then(|p| p.strip_prefix('['))
                .and_then(|p| p.strip_suffix(']'))
                .filter(|row| !row.contains(['*', '[', ']']));
            match row {
                Some(row) => index
                    .by_row
                    .entry(normalize_option(row))
                    .or_default()
                    .push(i),
                None if !pattern.contains('*') => index
                    .by_header
                    .entry(normalize_option(pattern))
                    .or_default()
                    .push(i),
                None => index.others.push(i),
            }
        }
        index
    }

    /// Every pattern `header` matches, in pattern order.
    pub fn matching(&self, header: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        if let Some(list) = self.by_header.get(&normalize_option(header)) {
            found.extend(list);
        }
        let grid = if header.contains('[') {
            header.to_string()
        } else {
            as_grid_header(header)
        };
        if let Some(row) = grid
            .strip_suffix(']')
            .and_then(|g| g.rfind('[').map(|at| &g[at + 1..]))
            && let Some(list) = self.by_row.get(&normalize_option(row))
        {
            found.extend(list.iter().filter(|&&i| matches(&self.patterns[i], header)));
        }
        found.extend(
            self.others
                .iter()
                .filter(|&&i| matches(&self.patterns[i], header)),
        );
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first pattern `header` matches.
    pub fn first(&self, header: &str) -> Option<usize> {
        self.matching(header).first().copied()
    }
}

/// Whether a header matches a definition's header or `*` pattern (case, ё and spaces do not
/// matter).
pub fn matches(pattern: &str, header: &str) -> bool {
    let bracketed;
    let header = if pattern.contains('[') && !header.contains('[') {
        bracketed = as_grid_header(header);
        bracketed.as_str()
    } else {
        header
    };
    let header = normalize_option(header);
    if !pattern.contains('*') {
        return normalize_option(pattern) == header;
    }
    let pieces: Vec<String> = pattern
        .split('*')
        .map(|piece| {
            let lowered: String = piece
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect();
            lowered.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    let mut rest = header.as_str();
    for (i, piece) in pieces.iter().enumerate() {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if i == 0 {
            match rest.strip_prefix(piece) {
                Some(after) => rest = after,
                None => return false,
            }
        } else if i == pieces.len() - 1 {
            return rest.trim_end().ends_with(piece);
        } else {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_rows_are_matched_however_the_service_joins_question_and_row() {
        for header in [
            "Оцените работу [Консультации]",
            "Оцените работу / Консультации",
            "Оцените работу: Консультации",
            "Оцените работу - Консультации",
            "3.1. Консультации",
        ] {
            assert!(matches("*[Консультации]", header), "{header}");
        }
        assert!(!matches("*[Консультации]", "Оцените работу / Справки"));
        assert!(!matches("*[Консультации]", "Ваш e-mail"));
    }

    #[test]
    fn the_index_finds_what_matching_one_by_one_finds() {
        let patterns = vec![
            "*[Консультации]",
            "Насколько Вы в целом*",
            "Ваш отдел",
            "*[Справки]",
        ];
        let index = PatternIndex::new(patterns.clone());
        for header in [
            "Оцените [Консультации]",
            "Оцените / Справки",
            "Насколько Вы в целом удовлетворены?",
            "ваш  отдел",
            "Другое",
        ] {
            let one_by_one: Vec<usize> = (0..patterns.len())
                .filter(|&i| matches(patterns[i], header))
                .collect();
            assert_eq!(index.matching(header), one_by_one, "{header}");
        }
    }

    #[test]
    fn patterns_match_like_the_spec() {
        assert!(matches(
            "*[Предоставление расчетных листков]",
            "Насколько Вы удовлетворены? [Предоставление расчётных листков]"
        ));
        assert!(matches(
            "Насколько Вы в целом удовлетворены*",
            "Насколько вы в целом удовлетворены работой?"
        ));
        assert!(matches("Стаж в организации", "стаж  в организации"));
        assert!(!matches("Проблемы*", "Предложения [2.1]"));
        assert!(matches("ФИО*", "ФИО внутреннего клиента"));
    }
}
