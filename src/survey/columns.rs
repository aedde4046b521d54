//! What each column of an export is: from the survey definition when there is one, else from
//! its header (Google Forms' `Question [Row]` grid headers, problem and proposal columns,
//! personal columns) — items without a definition are recognised later, by their values.

use super::codes;
use super::definition::{Definition, matches};
use super::label::ItemLabel;
use crate::diagnostic::Finding;
use crate::text::normalize_option;
use anyhow::bail;

/// The role of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `Отметка времени`: used to recognise repeated rows.
    Timestamp,
    /// Identifies a person: never printed, never written.
    Personal,
    /// Free text: problems (Omsk Q2).
    Problem,
    /// Free text: proposals.
    Proposal,
    /// The `--by` column.
    Segment,
    /// A question named by the definition.
    Item,
    /// May be an item: decided by its values at the end of the pass.
    Candidate,
    /// Anything else.
    Other,
}

/// One column of an export.
#[derive(Debug, Clone)]
pub struct Column {
    pub index: usize,
    pub header: String,
    /// The item's name: the definition's label, the `[Row]` of a grid header, or the header;
    /// the whole header where two grid questions share a row text.
    pub label: ItemLabel,
    /// What makes the item the same item in another year's export: the definition's label, or
    /// the whole normalised header (question and row), never the short label alone.
    pub key: String,
    /// For problem and proposal columns of a grid: the item they are about.
    pub about: Option<String>,
    pub role: Role,
    /// The overall question (Omsk Q1).
    pub overall: bool,
}

/// The `[Row]` part of a Google Forms grid header, split at the last ` [`.
pub fn grid_row(header: &str) -> Option<&str> {
    let at = header.rfind(" [").or_else(|| header.rfind('['))?;
    let inner = header[at..].trim_start().strip_prefix('[')?;
    let inner = inner.strip_suffix(']').unwrap_or(inner).trim();
    (!inner.is_empty()).then_some(inner)
}

/// The question part of a grid header (before ` [Row]`).
pub fn question_part(header: &str) -> &str {
    match header.rfind(" [") {
        Some(at) => &header[..at],
        None => header,
    }
}

pub use crate::privacy::looks_personal;

fn looks_timestamp(header: &str) -> bool {
    let h = normalize_option(header);
    h == "отметка времени"
        || h == "timestamp"
        || h == "дата и время"
        || h == "время заполнения"
        || h == "дата заполнения"
        || h == "время создания"
}

/// The headers closest to a missing column, for the message.
pub fn closest_headers(wanted: &str, headers: &[String]) -> Vec<String> {
    let wanted = normalize_option(&wanted.replace('*', ""));
    let mut scored: Vec<(f64, &String)> = headers
        .iter()
        .map(|h| (strsim::jaro_winkler(&wanted, &normalize_option(h)), h))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, h)| h.clone()).collect()
}

/// Assigns roles from headers and the definition; S001 for what the definition names but the
/// export lacks. Fails on duplicate headers and on an unknown `--by` column.
pub fn classify_headers(
    file: &str,
    headers: &[String],
    definition: Option<&Definition>,
    by: Option<&str>,
) -> anyhow::Result<(Vec<Column>, Vec<Finding>)> {
    refuse_repeated_headers(file, headers)?;
    let mut columns: Vec<Column> = headers
        .iter()
        .enumerate()
        .map(|(index, header)| Column::of_header(index, header))
        .collect();
    for column in columns.iter_mut() {
        column.classify(definition);
    }
    disambiguate_repeated_rows(&mut columns);
    let mut findings = definition.map_or_else(Vec::new, |d| missing_columns(file, headers, d));
    findings.extend(items_of_several_columns(file, &mut columns));
    if let Some(by) = by {
        mark_segment(file, headers, &mut columns, by)?;
    }
    Ok((columns, findings))
}

/// Two columns with the same normalised header: which answer belongs to which question cannot
/// be told. One map of normalised headers: a 20,000-column export is checked in linear time.
fn refuse_repeated_headers(file: &str, headers: &[String]) -> anyhow::Result<()> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, header) in headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        if let Some(j) = seen.insert(normalize_option(header), i) {
            bail!(
                "{file}: строка 1: столбцы {} и {} называются одинаково «{header}»: по такому заголовку нельзя понять, какой ответ к какому вопросу; переименуйте один из них",
                j + 1,
                i + 1
            );
        }
    }
    Ok(())
}

impl Column {
    /// A column of role `Other`, labelled by its grid row or header.
    fn of_header(index: usize, header: &str) -> Column {
        let label = if header.is_empty() {
            format!("Столбец {}", index + 1)
        } else {
            grid_row(header).unwrap_or(header).to_string()
        };
        Column {
            index,
            header: header.to_string(),
            label: ItemLabel::Named(label),
            about: grid_row(header).map(str::to_string),
            key: normalize_option(header),
            role: Role::Other,
            overall: false,
        }
    }

    /// The role from the header and the definition: personal and timestamp columns by their
    /// header whatever the definition says, the rest by the definition when there is one.
    fn classify(&mut self, definition: Option<&Definition>) {
        let personal = looks_personal(&self.header)
            || definition.is_some_and(|d| d.personal.iter().any(|p| matches(p, &self.header)));
        if personal {
            self.role = Role::Personal;
        } else if looks_timestamp(&self.header) {
            self.role = Role::Timestamp;
        } else {
            match definition {
                Some(definition) => self.classify_by_definition(definition),
                None => self.classify_by_header(),
            }
        }
    }

    fn classify_by_definition(&mut self, definition: &Definition) {
        let header = self.header.as_str();
        let names =
            |pattern: &Option<String>| pattern.as_deref().is_some_and(|p| matches(p, header));
        // Free-text columns first: "*[Row]" item patterns match "Проблемы [Row]" too.
        // A free-text question per process («Проблемы [Процесс]») is about the item whose
        // pattern its header matches too.
        let about = || definition.item_for(header).map(|item| item.label.clone());
        if names(&definition.problems) {
            self.role = Role::Problem;
            self.about = about().or(self.about.take());
        } else if names(&definition.proposals) {
            self.role = Role::Proposal;
            self.about = about().or(self.about.take());
        } else if names(&definition.overall) {
            self.role = Role::Item;
            self.overall = true;
            self.label = ItemLabel::Overall;
            self.key = ItemLabel::OVERALL_KEY.into();
        } else if let Some(item) = definition.item_for(header) {
            self.role = Role::Item;
            self.label = ItemLabel::Named(item.label.clone());
            self.key = format!("item:{}", normalize_option(&item.label));
            self.about = Some(item.label.clone());
        } else if grid_row(header).is_some() {
            // A grid row the definition does not name (a process renamed since that year's
            // form, a row added by hand): read by its values and linked by its label, so that
            // it shows and is reported (S007/S010) instead of vanishing.
            self.role = Role::Candidate;
        }
    }

    fn classify_by_header(&mut self) {
        let normalized = normalize_option(question_part(&self.header));
        if normalized.contains("проблем") {
            self.role = Role::Problem;
        } else if normalized.contains("предлож") {
            self.role = Role::Proposal;
        } else if !self.header.is_empty() {
            self.role = Role::Candidate;
            self.overall = normalized.contains("в целом");
        }
    }
}

/// How many missing columns get the closest headers named.
const MISSING_WITH_SUGGESTIONS: usize = 50;

/// S001 for every column the definition names that no header matches.
fn missing_columns(file: &str, headers: &[String], definition: &Definition) -> Vec<Finding> {
    let mut named: Vec<(&str, String)> = Vec::new();
    if let Some(overall) = &definition.overall {
        named.push((overall, "общий вопрос (overall)".into()));
    }
    // An item is found by its column or by a former wording (`also:`, an earlier year's).
    let mut also_of: Vec<(usize, usize)> = Vec::new();
    for item in &definition.items {
        let own = named.len();
        named.push((&item.column, format!("вопрос «{}»", item.label)));
        for former in &item.also {
            also_of.push((named.len(), own));
            named.push((former, String::new()));
        }
    }
    if let Some(problems) = &definition.problems {
        named.push((problems, "проблемы (problems)".into()));
    }
    if let Some(proposals) = &definition.proposals {
        named.push((proposals, "предложения (proposals)".into()));
    }
    for segment in &definition.segments {
        named.push((segment, "признак сегмента (segments)".into()));
    }
    // Linear in patterns and headers: each header looked up in an index of the patterns.
    let index = super::definition::PatternIndex::new(named.iter().map(|(p, _)| *p).collect());
    let mut found = vec![false; named.len()];
    for header in headers {
        for i in index.matching(header) {
            found[i] = true;
        }
    }
    for &(former, own) in &also_of {
        found[own] |= found[former];
        found[former] = true;
    }
    named
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !found[*i])
        .map(|(_, named)| named)
        .enumerate()
        .map(|(n, (pattern, what))| {
            // The closest headers for the first few: a definition of thousands of items missing
            // from an export must not compare each with every header.
            let closest = if n < MISSING_WITH_SUGGESTIONS {
                closest_headers(pattern, headers)
            } else {
                Vec::new()
            };
            codes::missing_column(file, pattern, &what, &closest)
        })
        .collect()
}

/// Makes the `--by` column the segment; fails when there is none, or when it holds personal
/// data or free text.
fn mark_segment(
    file: &str,
    headers: &[String],
    columns: &mut [Column],
    by: &str,
) -> anyhow::Result<()> {
    let Some(column) = columns.iter_mut().find(|c| matches(by, &c.header)) else {
        bail!(
            "{file}: нет столбца «{by}» для --by; ближайшие заголовки: {}",
            codes::quoted_list(&closest_headers(by, headers))
        );
    };
    if column.role == Role::Personal {
        bail!(
            "{file}: столбец «{}» содержит персональные данные: по нему нельзя разбивать итоги (Смоленск 5.2)",
            column.header
        );
    }
    if matches!(column.role, Role::Problem | Role::Proposal) {
        bail!(
            "{file}: столбец «{}» — свободный текст (проблемы или предложения): по нему нельзя разбивать итоги, каждый ответ стал бы своей группой; выберите столбец с категорией должностей, подразделением или стажем",
            column.header
        );
    }
    column.role = Role::Segment;
    Ok(())
}

/// Two grid questions with the same row text («Оцените работу бухгалтерии [Консультации]»,
/// «Оцените работу отдела кадров [Консультации]») are two items: where a row text repeats, the
/// label is the whole header, so no table shows two rows of the same name.
/// A definition's item whose pattern matches several columns («*[Консультации]» over «скорость
/// [Консультации]» and «качество [Консультации]»): never one item of two columns, never the
/// first year's first column compared with the next year's second. Each column becomes an item
/// of its own, named and paired across years by its whole header, and an error (S013) names
/// them so that the definition is made exact.
fn items_of_several_columns(file: &str, columns: &mut [Column]) -> Vec<Finding> {
    let mut by_key: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, column) in columns.iter().enumerate() {
        if column.role == Role::Item && !column.overall {
            by_key.entry(column.key.clone()).or_default().push(i);
        }
    }
    let mut findings = Vec::new();
    let mut shared: Vec<Vec<usize>> = by_key.into_values().filter(|v| v.len() > 1).collect();
    shared.sort();
    for group in shared {
        let label = columns[group[0]].label.russian().to_string();
        let headers: Vec<String> = group.iter().map(|&i| columns[i].header.clone()).collect();
        for &i in &group {
            columns[i].label = ItemLabel::Named(columns[i].header.clone());
            columns[i].key = normalize_option(&columns[i].header);
        }
        findings.push(super::codes::pattern_of_several_columns(
            file,
            &label,
            &headers,
            columns[group[0]].index,
        ));
    }
    findings
}

fn disambiguate_repeated_rows(columns: &mut [Column]) {
    let mut uses: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let counted = |c: &Column| matches!(c.role, Role::Candidate) && grid_row(&c.header).is_some();
    for column in columns.iter().filter(|c| counted(c)) {
        *uses
            .entry(normalize_option(column.label.as_str()))
            .or_default() += 1;
    }
    for column in columns.iter_mut().filter(|c| counted(c)) {
        if uses[&normalize_option(column.label.as_str())] > 1 {
            column.label = ItemLabel::Named(column.header.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn grid_rows_name_items() {
        assert_eq!(
            grid_row("Насколько Вы удовлетворены? [Предоставление расчетных листков]"),
            Some("Предоставление расчетных листков")
        );
        assert_eq!(grid_row("Q [a [b]]"), Some("b]"));
        assert_eq!(grid_row("Без сетки"), None);
    }

    #[test]
    fn roles_come_from_headers() {
        let (columns, findings) = classify_headers(
            "f.csv",
            &headers(&[
                "Отметка времени",
                "ФИО внутреннего клиента",
                "Насколько Вы в целом удовлетворены?",
                "Оцените [Расчетные листки]",
                "Проблемы [Расчетные листки]",
                "Предложения",
                "Адрес электронной почты",
                "Удовлетворены ли вы телефонной связью? [Телефонная связь]",
            ]),
            None,
            None,
        )
        .unwrap();
        let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                Role::Timestamp,
                Role::Personal,
                Role::Candidate,
                Role::Candidate,
                Role::Problem,
                Role::Proposal,
                Role::Personal,
                Role::Candidate
            ]
        );
        assert!(columns[2].overall);
        assert_eq!(columns[3].label.as_str(), "Расчетные листки");
        assert_eq!(columns[4].about.as_deref(), Some("Расчетные листки"));
        assert!(findings.is_empty());
    }

    #[test]
    fn personal_headers_are_recognised_by_their_words() {
        for header in [
            "ФИО",
            "Ваш табельный номер",
            "Таб. №",
            "Ваш отдел и должность",
            "Ф.И.О. сотрудника",
            "Ваша фамилия",
            "Имя",
            "Как Вас зовут? Представьтесь, пожалуйста",
            "Отчество",
            "Контактный телефон",
            "Телефон для связи",
            "Мобильный телефон",
            "E-mail",
            "Ваш email",
            "Адрес почты",
            "Электронная почта для ответа",
            "Как с Вами связаться?",
            "Оставьте e-mail, если хотите получить ответ на предложение",
            "Ваши контакты",
            "Ф. И. О.",
            "Тел.",
            "Моб. тел.",
            "E\u{2011}mail",
            "E\u{2013}mail",
        ] {
            assert!(looks_personal(header), "{header}");
        }
        for header in [
            "Удовлетворены ли вы телефонной связью? [Телефонная связь]",
            "Оцените работу [Электронная почта]",
            "Насколько Вы удовлетворены работой электронной почты?",
            "Предложения по улучшению",
            "Категория должностей",
            "Стаж в организации",
            "Насколько Вы в целом удовлетворены?",
        ] {
            assert!(!looks_personal(header), "{header}");
        }
    }

    #[test]
    fn a_contact_request_is_personal_even_when_it_mentions_a_proposal() {
        let (columns, _) = classify_headers(
            "f.csv",
            &headers(&[
                "Предложения по улучшению",
                "Оставьте e-mail, если хотите получить ответ на предложение",
            ]),
            None,
            None,
        )
        .unwrap();
        assert_eq!(columns[0].role, Role::Proposal);
        assert_eq!(columns[1].role, Role::Personal);
    }

    #[test]
    fn repeated_grid_rows_keep_their_question() {
        let (columns, _) = classify_headers(
            "f.csv",
            &headers(&[
                "Оцените работу бухгалтерии [Консультации]",
                "Оцените работу отдела кадров [Консультации]",
                "Оцените работу отдела кадров [Отпуска]",
            ]),
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            columns[0].label.as_str(),
            "Оцените работу бухгалтерии [Консультации]"
        );
        assert_eq!(
            columns[1].label.as_str(),
            "Оцените работу отдела кадров [Консультации]"
        );
        assert_eq!(columns[2].label.as_str(), "Отпуска");
        assert_ne!(columns[0].key, columns[1].key);
    }

    #[test]
    fn many_columns_are_checked_for_duplicates_at_once() {
        let mut list: Vec<String> = (0..20_000).map(|i| format!("Вопрос {i}")).collect();
        list.push("вопрос 17".into());
        let error = classify_headers("f.csv", &list, None, None).unwrap_err();
        assert!(error.to_string().contains("столбцы 18 и 20001"), "{error}");
    }

    #[test]
    fn duplicate_headers_and_unknown_by_are_refused() {
        let error = classify_headers("f.csv", &headers(&["A", "B", "a "]), None, None).unwrap_err();
        assert!(error.to_string().contains("столбцы 1 и 3"));
        let error = classify_headers(
            "f.csv",
            &headers(&["Стаж", "B"]),
            None,
            Some("Стаж в организации"),
        )
        .unwrap_err();
        assert!(error.to_string().contains("«Стаж»"));
        let error =
            classify_headers("f.csv", &headers(&["ФИО", "B"]), None, Some("ФИО")).unwrap_err();
        assert!(error.to_string().contains("персональные"));
    }
}
