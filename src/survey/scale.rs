//! The answer scales of the questionnaire (Omsk appendix): the five-point scale of Q3 and the
//! three-way scale of Q1, with the scores used for the mean.

use crate::text::normalize_option;

/// Which scale a question uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    FivePoint,
    ThreeWay,
}

/// The five-point options as the scale table spells them, with their scores.
pub const FIVE_POINT: [(&str, Option<u8>); 5] = [
    ("Полностью удовлетворен", Some(4)),
    ("Скорее удовлетворен", Some(3)),
    ("Скорее не удовлетворен", Some(2)),
    ("Полностью не удовлетворен", Some(1)),
    ("Затрудняюсь ответить", None),
];

/// The three-way options.
pub const THREE_WAY: [(&str, Option<u8>); 3] = [
    ("Удовлетворен", None),
    ("Не удовлетворен", None),
    ("Затрудняюсь ответить", None),
];

/// Longest option in bytes, in any encoding; a longer raw value cannot be an option (apart from
/// padding, which is why a margin is added).
pub const LONGEST_OPTION_BYTES: usize = 96;

impl Scale {
    pub fn options(self) -> &'static [(&'static str, Option<u8>)] {
        match self {
            Scale::FivePoint => &FIVE_POINT,
            Scale::ThreeWay => &THREE_WAY,
        }
    }

    /// Index of the "затрудняюсь ответить" option.
    pub fn unsure(self) -> usize {
        self.options().len() - 1
    }

    /// Indices of the options that count as satisfied (top-2-box; the three-way scale's one).
    pub fn satisfied(self) -> &'static [usize] {
        match self {
            Scale::FivePoint => &[0, 1],
            Scale::ThreeWay => &[0],
        }
    }

    pub fn russian(self) -> &'static str {
        match self {
            Scale::FivePoint => "пятибалльная",
            Scale::ThreeWay => "трёхвариантная",
        }
    }

    /// The option a value is, if any (case, ё, spaces and a final full stop do not matter).
    pub fn find(self, value: &str) -> Option<usize> {
        let wanted = normalize_option(value);
        self.options()
            .iter()
            .position(|(option, _)| normalize_option(option) == wanted)
    }

    /// The option a value that is none was likely meant to be, for the message: only a close
    /// spelling of the same sense. No hint for a digit (its meaning depends on which end of the
    /// scale is 1), for a value far from every option («Нет ответа»), nor one that turns «не
    /// удовлетворен» into «удовлетворен» or back.
    pub fn closest(self, value: &str) -> Option<&'static str> {
        let wanted = normalize_option(value);
        if !wanted.chars().any(char::is_alphabetic) {
            return None;
        }
        let negative = |t: &str| format!(" {t} ").contains(" не ") || t.starts_with("не");
        let mut best: Option<(&'static str, f64)> = None;
        for (option, _) in self.options() {
            let normal = normalize_option(option);
            if negative(&normal) != negative(&wanted) {
                continue;
            }
            let score = strsim::jaro_winkler(&wanted, &normal);
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((option, score));
            }
        }
        best.filter(|(_, score)| *score >= 0.85).map(|(o, _)| o)
    }
}

/// Where a value stands on both scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Placement {
    pub five: Option<u8>,
    pub three: Option<u8>,
}

/// Places a value on both scales.
pub fn place(value: &str) -> Placement {
    Placement {
        five: Scale::FivePoint.find(value).map(|i| i as u8),
        three: Scale::ThreeWay.find(value).map(|i| i as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_matched_loosely() {
        assert_eq!(Scale::FivePoint.find("скорее удовлетворён."), Some(1));
        assert_eq!(
            Scale::FivePoint.find("  ПОЛНОСТЬЮ  не удовлетворен "),
            Some(3)
        );
        assert_eq!(Scale::ThreeWay.find("Удовлетворен"), Some(0));
        assert_eq!(Scale::ThreeWay.find("Скорее удовлетворен"), None);
        assert_eq!(
            place("Затрудняюсь ответить"),
            Placement {
                five: Some(4),
                three: Some(2)
            }
        );
    }

    #[test]
    fn closest_option_is_named() {
        assert_eq!(
            Scale::FivePoint.closest("скорее удовлетворн"),
            Some("Скорее удовлетворен")
        );
        assert_eq!(
            Scale::ThreeWay.closest("не удовлетворена"),
            Some("Не удовлетворен")
        );
        // No hint that reverses a meaning or guesses a digit.
        assert_eq!(Scale::FivePoint.closest("2"), None);
        assert_eq!(Scale::FivePoint.closest("Нет ответа"), None);
        assert_eq!(
            Scale::ThreeWay.closest("неудовлетворен"),
            Some("Не удовлетворен")
        );
        assert_eq!(
            Scale::FivePoint.find("Полностью удовлетворе\u{308}н"),
            Some(0)
        );
    }
}
