//! The one list of every code: registry rules (R), survey findings (S), import findings (I) and
//! journal findings (J). `rules`, `explain`, `--ignore`, `--strict` and the README table read it.
//! Each code is declared beside what finds it; this file only names them (as ruff's `codes.rs`
//! does), and nothing below it imports it. Codes are a contract and never reused.

use crate::diagnostic::Rule;

/// Every code, in code order.
pub static CATALOG: &[&Rule] = &[
    &crate::registry::import::I001,
    &crate::registry::import::I002,
    &crate::registry::import::I003,
    &crate::registry::import::I004,
    &crate::registry::import::I005,
    &crate::registry::import::I006,
    &crate::registry::import::I007,
    &crate::registry::import::I008,
    &crate::registry::import::I009,
    &crate::registry::import::I010,
    &crate::registry::import::I011,
    &crate::requests::codes::J001,
    &crate::requests::codes::J002,
    &crate::requests::codes::J003,
    &crate::requests::codes::J004,
    &crate::requests::codes::J005,
    &crate::requests::codes::J006,
    &crate::requests::codes::J007,
    &crate::registry::r001::RULE,
    crate::rules::CHECKS[1].0,
    crate::rules::CHECKS[2].0,
    crate::rules::CHECKS[3].0,
    crate::rules::CHECKS[4].0,
    crate::rules::CHECKS[5].0,
    crate::rules::CHECKS[6].0,
    crate::rules::CHECKS[7].0,
    crate::rules::CHECKS[8].0,
    crate::rules::CHECKS[9].0,
    crate::rules::CHECKS[10].0,
    crate::rules::CHECKS[11].0,
    crate::rules::CHECKS[12].0,
    crate::rules::CHECKS[13].0,
    crate::rules::CHECKS[14].0,
    crate::rules::CHECKS[15].0,
    crate::rules::CHECKS[16].0,
    crate::rules::CHECKS[17].0,
    crate::rules::CHECKS[18].0,
    crate::rules::CHECKS[19].0,
    crate::rules::CHECKS[20].0,
    crate::rules::CHECKS[21].0,
    crate::rules::CHECKS[22].0,
    &crate::survey::codes::S001,
    &crate::survey::codes::S002,
    &crate::survey::codes::S003,
    &crate::survey::codes::S004,
    &crate::survey::codes::S005,
    &crate::survey::codes::S006,
    &crate::survey::codes::S007,
    &crate::survey::codes::S008,
    &crate::survey::codes::S009,
    &crate::survey::codes::S010,
    &crate::survey::codes::S011,
    &crate::survey::codes::S012,
    &crate::survey::codes::S013,
];

/// Finds a code (case does not matter).
pub fn find(code: &str) -> Option<&'static Rule> {
    CATALOG
        .iter()
        .copied()
        .find(|rule| rule.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ascending() {
        let codes: Vec<&str> = CATALOG.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_has_a_full_explanation_and_a_source() {
        for rule in CATALOG {
            for section in [
                "Что проверяет",
                "Почему это важно",
                "Пример",
                "Как исправить",
                "Основание",
            ] {
                assert!(
                    rule.explanation.contains(section),
                    "{} lacks section {section}",
                    rule.code
                );
            }
            assert!(!rule.source.is_empty(), "{} has no source", rule.code);
            assert!(!rule.summary.is_empty(), "{} has no summary", rule.code);
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} name is not kebab-case",
                rule.code
            );
        }
    }

    #[test]
    fn every_registry_check_is_in_the_catalogue_once() {
        for (rule, _) in crate::rules::CHECKS {
            let listed = CATALOG.iter().filter(|r| std::ptr::eq(**r, *rule)).count();
            assert_eq!(listed, 1, "{} listed {listed} times", rule.code);
        }
    }
}
