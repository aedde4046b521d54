//! The questionnaire built from a registry (cycle.md «The questionnaire from the registry»; Omsk
//! appendix): the general question, problems and proposals, and a five-point grid with one row
//! per process, so that the answers land on the registry's processes.

use crate::registry::Registry;
use crate::registry::model::{AREAS, OneOrMany, Text};

/// The options of the general question (Omsk Q1) and of the grid (Omsk Q3).
pub const OVERALL_OPTIONS: [&str; 3] = ["Удовлетворен", "Не удовлетворен", "Затрудняюсь ответить"];
pub const GRID_OPTIONS: [&str; 5] = [
    "Полностью удовлетворен",
    "Скорее удовлетворен",
    "Скорее не удовлетворен",
    "Полностью не удовлетворен",
    "Затрудняюсь ответить",
];

/// One row of the grid: its text (the row a form shows, unique) and the process it asks about.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub text: String,
    pub process: String,
    /// The process's direction: a process is identified by direction and name (cycle.md).
    pub direction: String,
}

/// The questionnaire.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub title: String,
    pub organization: Option<String>,
    /// Omsk Q1: «Насколько Вы в целом удовлетворены тем, как построена работа по вопросам …?»
    /// (the organisation is in the title: its name is not declined into the sentence)
    pub overall: String,
    /// Omsk Q3, the grid's question.
    pub grid: String,
    pub rows: Vec<GridRow>,
    /// Omsk Q2, asked per process: «С какими проблемами Вы сталкиваетесь …?»
    pub problems_question: String,
    /// The general free-text questions, for what is about no process in particular.
    pub problems: String,
    pub proposals: String,
    /// Closed questions about the respondent's segment (`--segments`): the attribute's name as
    /// the question and exactly its values as the options (profiles.md).
    pub segments: Vec<(String, Vec<String>)>,
}

/// The free-text questions asked per process (Omsk Q2: «Проблемы | Предложения» per row), as a
/// form titles them: the process's grid row in brackets, so that the export's header names the
/// item it is about («Проблемы [Организация работы по …]»).
pub const PER_PROCESS: [&str; 2] = ["Проблемы", "Предложения"];

impl GridRow {
    /// The title of the per-process question `kind` («Проблемы», «Предложения») for this row.
    pub fn free_text_title(&self, kind: &str) -> String {
        format!("{kind} [{}]", self.text)
    }
}

impl Questionnaire {
    pub fn of(registry: &Registry) -> Questionnaire {
        let organization = Text::non_blank(&registry.organization).map(str::to_string);
        let topic = topic(registry);
        let mut rows: Vec<GridRow> = Vec::new();
        for direction in registry.directions.iter().flatten() {
            for process in direction.processes.iter().flatten() {
                let Some(name) = Text::non_blank(&process.name) else {
                    continue;
                };
                // A form's grid needs distinct rows: a repeated name gets its direction.
                let text = if rows.iter().any(|r| r.text == name) {
                    let direction =
                        Text::non_blank(&direction.name).unwrap_or("другое направление");
                    format!("{name} ({direction})")
                } else {
                    name.to_string()
                };
                rows.push(GridRow {
                    text: text.replace(['[', ']'], ""),
                    process: name.to_string(),
                    direction: Text::non_blank(&direction.name).unwrap_or("").to_string(),
                });
            }
        }
        Questionnaire {
            title: format!(
                "Анкета оценки удовлетворенности внутренних клиентов процессами взаимодействия с ними по вопросам {topic}"
            ),
            overall: format!(
                "Насколько Вы в целом удовлетворены тем, как построена работа по вопросам {topic}?"
            ),
            grid: format!(
                "Насколько Вы удовлетворены тем, как построена работа по вопросам {topic}?"
            ),
            problems_question: format!(
                "С какими проблемами Вы сталкиваетесь (сталкивались) в рамках своей служебной деятельности в части {topic} и что Вы предлагаете?"
            ),
            organization,
            rows,
            problems: "Проблемы, с которыми Вы сталкиваетесь".to_string(),
            proposals: "Предложения по улучшению взаимодействия".to_string(),
            segments: Vec::new(),
        }
    }
}

/// The segment questions for `names` (`--segments`): each an attribute of the registry's
/// segmentation with a closed list of values. An attribute that is missing, free text or names
/// a person is refused with the reason: a segment question must never identify anyone.
pub fn segment_questions(
    registry: &Registry,
    names: &[String],
) -> Result<Vec<(String, Vec<String>)>, String> {
    use crate::registry::profiles;
    let segmentation = registry.segmentation.as_deref().unwrap_or_default();
    let mut questions = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let Some(attribute) = profiles::attribute(segmentation, name) else {
            let known: Vec<&str> = segmentation.iter().map(profiles::Attribute::name).collect();
            return Err(if known.is_empty() {
                format!(
                    "--segments «{name}»: в перечне нет таблицы признаков сегментации (segmentation:)"
                )
            } else {
                let hint = crate::text::closest(name, known.iter().copied())
                    .map(|c| format!(" (ближе всего «{c}»)"))
                    .unwrap_or_default();
                format!(
                    "--segments «{name}»: такого признака нет в таблице сегментации{hint}; признаки: {}",
                    known.join(", ")
                )
            });
        };
        let values: Vec<String> = attribute
            .value_texts()
            .iter()
            .map(|v| v.to_string())
            .collect();
        if attribute.is_free() || values.is_empty() {
            return Err(format!(
                "--segments «{name}»: у признака нет закрытого списка значений (свободный текст): такой вопрос мог бы назвать человека (Смоленск, п. 5.2)"
            ));
        }
        if crate::privacy::looks_personal(attribute.name()) {
            return Err(format!(
                "--segments «{name}»: признак указывает на человека — анкета анонимная (Смоленск, п. 5.2)"
            ));
        }
        if questions
            .iter()
            .any(|(q, _): &(String, Vec<String>)| profiles::same(q, attribute.name()))
        {
            continue;
        }
        questions.push((attribute.name().to_string(), values));
    }
    Ok(questions)
}

/// «ведения бухгалтерского учета», from the registry's areas (accounting when none is given).
fn topic(registry: &Registry) -> String {
    let mut codes: Vec<&str> = match &registry.areas {
        Some(OneOrMany::One(area)) => vec![area.as_str()],
        Some(OneOrMany::Many(areas)) => areas.iter().map(Text::as_str).collect(),
        None => Vec::new(),
    };
    // A registry read from a table has no areas: its directions say them, and no area is
    // claimed that nobody named.
    if codes.is_empty() {
        for direction in registry.directions.iter().flatten() {
            let name = crate::text::normalize(Text::non_blank(&direction.name).unwrap_or(""));
            for (stem, code) in [
                ("бухгалтер", "accounting"),
                ("кадр", "hr"),
                ("информационн", "it"),
                ("хозяйств", "admin"),
            ] {
                if name.split(' ').any(|w| w.starts_with(stem)) && !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
    }
    let names: Vec<&str> = codes
        .iter()
        .filter_map(|code| AREAS.iter().find(|(c, _)| c == code).map(|(_, name)| *name))
        .map(|name| match name {
            "бухгалтерский учет" => "ведения бухгалтерского учета",
            "кадровая политика" => "кадровой политики",
            "информационно-техническое обеспечение" => {
                "информационно-технического обеспечения"
            }
            _ => "административно-хозяйственной деятельности",
        })
        .collect();
    match names.as_slice() {
        [] => "взаимодействия с внутренним клиентом".to_string(),
        [one] => one.to_string(),
        [first @ .., last] => format!("{} и {last}", first.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_process_with_repeated_names_told_apart() {
        let registry: Registry = serde_yaml::from_str(
            r"
organization: Министерство
areas: [accounting, hr]
directions:
  - name: Учет
    processes:
      - name: Зарплата
      - name: Командировки [служебные]
  - name: Кадры
    processes:
      - name: Зарплата
",
        )
        .unwrap();
        let q = Questionnaire::of(&registry);
        let rows: Vec<&str> = q.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            rows,
            vec!["Зарплата", "Командировки служебные", "Зарплата (Кадры)"]
        );
        assert_eq!(q.rows[2].process, "Зарплата");
        assert!(
            q.overall
                .ends_with("по вопросам ведения бухгалтерского учета и кадровой политики?")
        );
    }
}
