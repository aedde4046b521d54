//! The catalogue of client needs (удовлетворяемые потребности клиента).
//!
//! The seeds list 8 (North Ossetia 2.5), 9 (Omsk 6, Lipetsk 2.6) or 10 (Smolensk 1.7) needs with
//! slightly different wording; the tool knows the union and accepts each seed's wording.

use crate::text::normalize;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One need of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Info,
    Consultation,
    Forms,
    Submission,
    Status,
    Result,
    Inspection,
    Feedback,
    FeedbackResult,
    Other,
}

impl Need {
    /// All needs in the order of the spec's table.
    pub const ALL: [Need; 10] = [
        Need::Info,
        Need::Consultation,
        Need::Forms,
        Need::Submission,
        Need::Status,
        Need::Result,
        Need::Inspection,
        Need::Feedback,
        Need::FeedbackResult,
        Need::Other,
    ];

    /// The code used in registries and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Need::Info => "info",
            Need::Consultation => "consultation",
            Need::Forms => "forms",
            Need::Submission => "submission",
            Need::Status => "status",
            Need::Result => "result",
            Need::Inspection => "inspection",
            Need::Feedback => "feedback",
            Need::FeedbackResult => "feedback_result",
            Need::Other => "other",
        }
    }

    /// The seeds' Russian wording, as printed in the official table.
    pub fn russian(self) -> &'static str {
        match self {
            Need::Info => "получение информации",
            Need::Consultation => "получение консультации",
            Need::Forms => "получение форм документов",
            Need::Submission => "представление заявления, обращения, запроса, документов",
            Need::Status => {
                "получение информации о ходе рассмотрения заявления, обращения, запроса, документов"
            }
            Need::Result => "получение результата, ответа, разъяснения",
            Need::Inspection => "предоставление объектов для осмотра (проверки)",
            Need::Feedback => "предоставление обратной связи",
            Need::FeedbackResult => "получение результата рассмотрения обратной связи",
            Need::Other => "другие удовлетворяемые потребности клиента",
        }
    }

    /// Other wordings the seeds use for the same need (Omsk, Lipetsk, North Ossetia).
    fn variants(self) -> &'static [&'static str] {
        match self {
            Need::Status => &[
                "получение информации о ходе рассмотрения, заявления, обращения, запроса, документов",
                "получение информации о ходе рассмотрения обращения, запроса, документов",
            ],
            Need::Other => &[
                "другие потребности клиента",
                "другие удовлетворяемые потребности внутреннего клиента",
                "другие",
            ],
            _ => &[],
        }
    }

    /// Finds a need by its code or any of its Russian wordings (case, `ё` and punctuation
    /// do not matter).
    pub fn parse(text: &str) -> Option<Need> {
        // Most registries write codes: answer those without normalising anything.
        if let Some(need) = Need::ALL.into_iter().find(|need| need.code() == text) {
            return Some(need);
        }
        static BY_NORMALIZED: OnceLock<HashMap<String, Need>> = OnceLock::new();
        let table = BY_NORMALIZED.get_or_init(|| {
            let mut table = HashMap::new();
            for need in Need::ALL {
                table.insert(normalize(need.code()), need);
                table.insert(normalize(need.russian()), need);
                for variant in need.variants() {
                    table.insert(normalize(variant), need);
                }
            }
            table
        });
        table.get(&normalize(text)).copied()
    }

    /// The need closest to a misspelt text, for "did you mean".
    pub fn closest(text: &str) -> Option<Need> {
        let mut names: Vec<(&'static str, Need)> = Vec::new();
        for need in Need::ALL {
            names.push((need.code(), need));
            names.push((need.russian(), need));
        }
        let best = crate::text::closest(text, names.iter().map(|(name, _)| *name))?;
        names
            .iter()
            .find(|(name, _)| *name == best)
            .map(|(_, need)| *need)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_every_seed_wording() {
        assert_eq!(Need::parse("info"), Some(Need::Info));
        assert_eq!(
            Need::parse("Получение консультации"),
            Some(Need::Consultation)
        );
        assert_eq!(
            Need::parse("получение результата , ответа, разъяснения."),
            Some(Need::Result)
        );
        assert_eq!(Need::parse("другие потребности клиента"), Some(Need::Other));
        assert_eq!(Need::parse("feedback_result"), Some(Need::FeedbackResult));
        assert_eq!(Need::parse("консультация по телефону"), None);
    }

    #[test]
    fn closest_names_the_need_for_typos_in_code_and_russian() {
        assert_eq!(Need::closest("consultaton"), Some(Need::Consultation));
        assert_eq!(
            Need::closest("получение консультаций"),
            Some(Need::Consultation)
        );
        assert_eq!(Need::closest("получние форм документов"), Some(Need::Forms));
    }
}
