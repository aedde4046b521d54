//! What each column of an export is: from the survey definition when there is one, else from
//! its header (Google Forms' `Question [Row]` grid headers, problem and proposal columns,
//! personal columns) — items without a definition are recognised later, by their values.

use super::definition::{Definition, matches};
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
    /// The item's name: the definition's label, the `[Row]` of a grid header, or the header.
    pub label: String,
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
fn question_part(header: &str) -> &str {
    match header.rfind(" [") {
        Some(at) => &header[..at],
        None => header,
    }
}

fn looks_personal(header: &str) -> bool {
    let question = normalize_option(question_part(header));
    const STARTS: [&str; 12] = [
        "фио",
        "ф.и.о",
        "фамилия",
        "имя и фамилия",
        "e-mail",
        "email",
        "адрес электронной почты",
        "электронная почта",
        "телефон",
        "номер телефона",
        "контактный телефон",
        "ваш телефон",
    ];
    STARTS.iter().any(|s| question.starts_with(s))
        || question
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "фио")
}

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
    for (i, header) in headers.iter().enumerate() {
        if header.is_empty() {
            continue;
        }
        if let Some(j) = headers[..i]
            .iter()
            .position(|h| normalize_option(h) == normalize_option(header))
        {
            bail!(
                "{file}: строка 1: столбцы {} и {} называются одинаково «{header}»: по такому заголовку нельзя понять, какой ответ к какому вопросу; переименуйте один из них",
                j + 1,
                i + 1
            );
        }
    }
    let mut findings = Vec::new();
    let mut columns: Vec<Column> = headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let label = if header.is_empty() {
                format!("Столбец {}", index + 1)
            } else {
                grid_row(header).unwrap_or(header).to_string()
            };
            Column {
                index,
                header: header.clone(),
                label,
                about: grid_row(header).map(str::to_string),
                role: Role::Other,
                overall: false,
            }
        })
        .collect();

    for column in columns.iter_mut() {
        let header = column.header.clone();
        let personal = looks_personal(&header)
            || definition.is_some_and(|d| d.personal.iter().any(|p| matches(p, &header)));
        if personal {
            column.role = Role::Personal;
            continue;
        }
        if looks_timestamp(&header) {
            column.role = Role::Timestamp;
            continue;
        }
        let normalized = normalize_option(question_part(&header));
        match definition {
            Some(definition) => {
                // Free-text columns first: "*[Row]" item patterns match "Проблемы [Row]" too.
                if definition
                    .problems
                    .as_deref()
                    .is_some_and(|p| matches(p, &header))
                {
                    column.role = Role::Problem;
                } else if definition
                    .proposals
                    .as_deref()
                    .is_some_and(|p| matches(p, &header))
                {
                    column.role = Role::Proposal;
                } else if definition
                    .overall
                    .as_deref()
                    .is_some_and(|p| matches(p, &header))
                {
                    column.role = Role::Item;
                    column.overall = true;
                    column.label = "overall".into();
                } else if let Some(item) = definition
                    .items
                    .iter()
                    .find(|i| matches(&i.column, &header))
                {
                    column.role = Role::Item;
                    column.label = item.label.clone();
                    column.about = Some(item.label.clone());
                }
            }
            None => {
                if normalized.contains("проблем") {
                    column.role = Role::Problem;
                } else if normalized.contains("предлож") {
                    column.role = Role::Proposal;
                } else if !header.is_empty() {
                    column.role = Role::Candidate;
                    column.overall = normalized.contains("в целом");
                }
            }
        }
    }

    if let Some(definition) = definition {
        let mut named: Vec<(&str, String)> = Vec::new();
        if let Some(overall) = &definition.overall {
            named.push((overall, "общий вопрос (overall)".into()));
        }
        for item in &definition.items {
            named.push((&item.column, format!("вопрос «{}»", item.label)));
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
        for (pattern, what) in named {
            if !headers.iter().any(|h| matches(pattern, h)) {
                let closest = closest_headers(pattern, headers);
                let mut finding = Finding::new(
                    "S001",
                    crate::rules::severity_of("S001"),
                    format!(
                        "В выгрузке нет столбца «{pattern}» ({what}); ближайшие заголовки: {}",
                        closest
                            .iter()
                            .map(|h| format!("«{h}»"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .with_help("Исправьте описание анкеты по одному из этих заголовков");
                finding.file = file.to_string();
                finding.row = Some(1);
                findings.push(finding);
            }
        }
    }

    if let Some(by) = by {
        let Some(column) = columns.iter_mut().find(|c| matches(by, &c.header)) else {
            let closest = closest_headers(by, headers);
            bail!(
                "{file}: нет столбца «{by}» для --by; ближайшие заголовки: {}",
                closest
                    .iter()
                    .map(|h| format!("«{h}»"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        };
        if column.role == Role::Personal {
            bail!(
                "{file}: столбец «{}» содержит персональные данные: по нему нельзя разбивать итоги (Смоленск 5.2)",
                column.header
            );
        }
        column.role = Role::Segment;
    }
    Ok((columns, findings))
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
        assert_eq!(columns[3].label, "Расчетные листки");
        assert_eq!(columns[4].about.as_deref(), Some("Расчетные листки"));
        assert!(findings.is_empty());
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
