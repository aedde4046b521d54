//! What an item is called: the overall question (Omsk Q1) or a named item. Machine-readable
//! output spells the overall question `overall`; people read «В целом (общий вопрос)».

use serde::{Serialize, Serializer};

/// The name of an item in every output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemLabel {
    /// The overall question (Omsk Q1).
    Overall,
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
            ItemLabel::Named(name) => name,
        }
    }

    /// The label as people read it.
    pub fn russian(&self) -> &str {
        match self {
            ItemLabel::Overall => "В целом (общий вопрос)",
            ItemLabel::Named(name) => name,
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
