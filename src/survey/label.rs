//! What an item is called: the overall question (Omsk Q1) or a named item. Machine-readable
//! output spells the overall question `overall`; people read «В целом (общий вопрос)».

use serde::{Serialize, Serializer};

/// The name of an item in every output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemLabel {
    /// The overall question (Omsk Q1).
    Overall,
    /// The overall question of one area, where an export asks it once per area (`survey init`
    /// writes it so): each is an item of its own, compared with its own (survey.md).
    OverallOf(Area),
    /// A question named by the definition, a grid row or a header.
    Named(String),
}

impl ItemLabel {
    /// What makes the overall question the same item in every year's export.
    pub const OVERALL_KEY: &'static str = "overall";

    /// The label as JSON and CSV spell it: `overall` for the overall question.
    pub fn as_str(&self) -> &str {
        match self {
            ItemLabel::Overall => "overall",
            ItemLabel::OverallOf(area) => area.key(),
            ItemLabel::Named(name) => name,
        }
    }

    /// The label as people read it.
    pub fn russian(&self) -> &str {
        match self {
            ItemLabel::Overall => "В целом (общий вопрос)",
            ItemLabel::OverallOf(area) => area.russian(),
            ItemLabel::Named(name) => name,
        }
    }
}

/// The area an overall question asks about (registry.md's areas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    Accounting,
    Hr,
    It,
    Admin,
}

impl Area {
    /// The area a question's words name: «бухгалтерского учета», «кадрового», «информационных
    /// технологий», «хозяйственного»; None when none or several.
    pub fn named_in(header: &str) -> Option<Area> {
        let words = crate::text::normalize_option(header);
        let found: Vec<Area> = [
            (Area::Accounting, &["бухгалтер"][..]),
            (Area::Hr, &["кадров", "кадры", "персонал"][..]),
            (Area::It, &["информационн", "ит-", " ит ", "цифров"][..]),
            (Area::Admin, &["хозяйствен", "административно"][..]),
        ]
        .into_iter()
        .filter(|(_, stems)| stems.iter().any(|s| format!(" {words} ").contains(s)))
        .map(|(area, _)| area)
        .collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Area::Accounting => "overall:accounting",
            Area::Hr => "overall:hr",
            Area::It => "overall:it",
            Area::Admin => "overall:admin",
        }
    }

    fn russian(self) -> &'static str {
        match self {
            Area::Accounting => "В целом: бухгалтерский учет",
            Area::Hr => "В целом: кадровое обеспечение",
            Area::It => "В целом: информационные технологии",
            Area::Admin => "В целом: хозяйственное обеспечение",
        }
    }
}

impl Serialize for ItemLabel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overall_question_is_overall_in_json_and_russian_for_people() {
        assert_eq!(
            serde_json::to_string(&ItemLabel::Overall).unwrap(),
            "\"overall\""
        );
        assert_eq!(ItemLabel::Overall.russian(), "В целом (общий вопрос)");
        let named = ItemLabel::Named("Листки".into());
        assert_eq!((named.as_str(), named.russian()), ("Листки", "Листки"));
    }
}
