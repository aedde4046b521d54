//! Linking a name written elsewhere (a survey item, a journal's «Процесс» cell) to a process of
//! the registry, by one rule for every caller (cycle.md «Results per process»). A wrong link is
//! worse than none, so a link is made only when the name points at **one** process:
//! - the normalised name (case, `ё`/`е`, spacing, punctuation, quotes ignored) equal to one
//!   process name, or «Направление / Процесс» naming the direction too;
//! - else a close spelling of one process: the same content words in another form or spelling,
//!   in any order (листков/листочков, отчета/отчёта, справок/справки), after dropping
//!   prepositions, conjunctions and the boilerplate process names carry («Организация работы
//!   по …»). Words are compared by their Snowball stems (rust-stemmers, the Russian algorithm
//!   Lucene and PostgreSQL use), and two stems count as one word only when one is the other
//!   with at most two letters more inside (a diminutive «-оч-»), on the same four-letter root.
//!   A content word that differs (о стаже / о доходах) or a word added or dropped (оформление
//!   отпуска / … без сохранения заработной платы) is another process: never a link;
//! - no link when no process qualifies or several do; the candidates are named (S007).

use super::Registry;
use crate::text::normalize;

/// A process of the registry, by where it stands and what it is called.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessRef {
    pub direction_index: usize,
    pub process_index: usize,
    pub direction: String,
    pub process: String,
}

/// How a name was linked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum How {
    /// The normalised names are equal.
    Exact,
    /// The same content words in another form, spelling or order (reported: S010).
    Close,
}

/// The outcome of linking one name.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Linked {
        process: ProcessRef,
        how: How,
    },
    /// No process, or several, fit; `candidates` names those that came closest (several that
    /// fit equally, or the nearest spellings) for the message.
    Unlinked {
        candidates: Vec<ProcessRef>,
    },
}

impl Link {
    pub fn process(&self) -> Option<&ProcessRef> {
        match self {
            Link::Linked { process, .. } => Some(process),
            Link::Unlinked { .. } => None,
        }
    }
}

/// Words that carry no content of a process name: prepositions, conjunctions, particles.
const STOP_WORDS: [&str; 24] = [
    "в",
    "во",
    "на",
    "по",
    "о",
    "об",
    "обо",
    "от",
    "до",
    "для",
    "из",
    "с",
    "со",
    "к",
    "ко",
    "и",
    "или",
    "а",
    "при",
    "за",
    "у",
    "над",
    "под",
    "через",
];

/// Boilerplate a process name begins with, which says nothing of which process it is.
const BOILERPLATE: [&str; 9] = [
    "организация работы по",
    "организация работ по",
    "организация работы с",
    "организация работ с",
    "организация работы",
    "организация работ",
    "организация",
    "обеспечение",
    "осуществление",
];

/// A name's content words as stems, sorted: what two spellings of one process share.
fn content_stems(normalized: &str) -> Vec<String> {
    use rust_stemmers::{Algorithm, Stemmer};
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::Russian);
    }
    let mut text = normalized;
    for boilerplate in BOILERPLATE {
        if let Some(rest) = text.strip_prefix(boilerplate)
            && (rest.is_empty() || rest.starts_with(' '))
            && !rest.trim().is_empty()
        {
            text = rest.trim_start();
            break;
        }
    }
    let mut stems: Vec<String> = text
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| STEMMER.with(|s| s.stem(w).into_owned()))
        .collect();
    stems.sort();
    stems
}

/// Whether two stems are one word in another form: equal, or one the other with at most two
/// letters more inside, on the same root of at least four letters (листк / листочк).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 5 || long.len() - short.len() > 2 || short[..4] != long[..4] {
        return false;
    }
    // The short stem is the long one with a run of at most two letters taken out.
    let prefix = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
    let cut = long.len() - short.len();
    cut > 0 && short[prefix..] == long[prefix + cut..]
}

/// Whether two names' content words are the same words, in any order.
fn same_words(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    let mut unmatched: Vec<&String> = b.iter().collect();
    for word in a {
        match unmatched.iter().position(|other| same_word(word, other)) {
            Some(at) => {
                unmatched.swap_remove(at);
            }
            None => return false,
        }
    }
    true
}

/// How many content words two names share (for naming candidates, never for linking).
fn shared_words(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|word| b.iter().any(|other| same_word(word, other)))
        .count()
}

/// A process, normalised once.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    direction: String,
    stems: Vec<String>,
    process: ProcessRef,
}

/// The processes of one registry, normalised once, to link many names against.
#[derive(Debug, Clone)]
pub struct Linker {
    entries: Vec<Entry>,
}

impl Linker {
    pub fn of(registry: &Registry) -> Linker {
        let mut entries = Vec::new();
        for (d, direction) in registry.directions.iter().flatten().enumerate() {
            let direction_name = direction.name.as_ref().map(|t| t.0.trim()).unwrap_or("");
            for (p, process) in direction.processes.iter().flatten().enumerate() {
                let Some(name) = process.name.as_ref().map(|t| t.0.trim()) else {
                    continue;
                };
                let normalized = normalize(name);
                if normalized.is_empty() {
                    continue;
                }
                entries.push(Entry {
                    stems: content_stems(&normalized),
                    name: normalized,
                    direction: normalize(direction_name),
                    process: ProcessRef {
                        direction_index: d,
                        process_index: p,
                        direction: direction_name.to_string(),
                        process: name.to_string(),
                    },
                });
            }
        }
        Linker { entries }
    }

    /// Every named process, in registry order.
    pub fn processes(&self) -> impl Iterator<Item = &ProcessRef> {
        self.entries.iter().map(|entry| &entry.process)
    }

    /// The processes named exactly `name`, in `direction` when one is given.
    fn exact(&self, name: &str, direction: Option<&str>) -> Vec<&ProcessRef> {
        self.entries
            .iter()
            .filter(|e| e.name == name && direction.is_none_or(|d| e.direction == d))
            .map(|e| &e.process)
            .collect()
    }

    /// `name` split as «Направление / Процесс» when its first part is a direction.
    fn with_direction<'a>(
        &self,
        name: &'a str,
        direction: Option<&'a str>,
    ) -> (String, Option<String>) {
        if let Some(direction) = direction {
            return (
                normalize(name),
                Some(normalize(direction)).filter(|d| !d.is_empty()),
            );
        }
        if let Some((before, after)) = name.split_once('/') {
            let before = normalize(before);
            if self.entries.iter().any(|e| e.direction == before) {
                return (normalize(after), Some(before));
            }
        }
        (normalize(name), None)
    }

    /// Links a name the user wrote as a link (`process:` of a survey definition, with
    /// `direction:` beside it or not): the exact normalised name of one process only.
    pub fn link_exact(&self, name: &str, direction: Option<&str>) -> Link {
        let (wanted, direction) = self.with_direction(name, direction);
        let found = self.exact(&wanted, direction.as_deref());
        match found.as_slice() {
            [one] => Link::Linked {
                process: (*one).clone(),
                how: How::Exact,
            },
            [] => Link::Unlinked {
                candidates: self.candidates(&wanted, direction.as_deref()),
            },
            several => Link::Unlinked {
                candidates: several.iter().map(|p| (*p).clone()).collect(),
            },
        }
    }

    /// Links `name` by the rule of the module: exact, else one close spelling, else none.
    pub fn link(&self, name: &str) -> Link {
        let (wanted, direction) = self.with_direction(name, None);
        if wanted.is_empty() {
            return Link::Unlinked {
                candidates: Vec::new(),
            };
        }
        let exact = self.exact(&wanted, direction.as_deref());
        match exact.as_slice() {
            [one] => {
                return Link::Linked {
                    process: (*one).clone(),
                    how: How::Exact,
                };
            }
            [] => {}
            several => {
                return Link::Unlinked {
                    candidates: several.iter().map(|p| (*p).clone()).collect(),
                };
            }
        }
        let stems = content_stems(&wanted);
        let close: Vec<&ProcessRef> = self
            .entries
            .iter()
            .filter(|e| direction.as_deref().is_none_or(|d| e.direction == d))
            .filter(|e| same_words(&stems, &e.stems))
            .map(|e| &e.process)
            .collect();
        match close.as_slice() {
            [one] => Link::Linked {
                process: (*one).clone(),
                how: How::Close,
            },
            [] => Link::Unlinked {
                candidates: self.candidates(&wanted, direction.as_deref()),
            },
            several => Link::Unlinked {
                candidates: several.iter().map(|p| (*p).clone()).collect(),
            },
        }
    }

    /// The processes that came nearest, for the message: those sharing the most content words
    /// (a name with words added or dropped among them), at most three.
    fn candidates(&self, wanted: &str, direction: Option<&str>) -> Vec<ProcessRef> {
        let stems = content_stems(wanted);
        let mut scored: Vec<(usize, f64, &ProcessRef)> = self
            .entries
            .iter()
            .filter(|e| direction.is_none_or(|d| e.direction == d))
            .map(|e| {
                (
                    shared_words(&stems, &e.stems),
                    strsim::jaro_winkler(wanted, &e.name),
                    &e.process,
                )
            })
            .filter(|(shared, score, _)| *shared > 0 || *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, _, p)| p.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        serde_yaml::from_str(
            r"
directions:
  - name: Бухгалтерский учет
    processes:
      - name: Организация работы по начислению и выплате заработной платы
      - name: Начисление пособий
      - name: Выдача справок о доходах
      - name: Предоставление расчетных листков
      - name: Предоставление отчёта о командировке
      - name: Консультации
  - name: Кадры
    processes:
      - name: Оформление отпуска без сохранения заработной платы
      - name: Выдача справок о стаже
      - name: Консультации
",
        )
        .unwrap()
    }

    fn linked(linker: &Linker, name: &str) -> Option<String> {
        linker.link(name).process().map(|p| p.process.clone())
    }

    #[test]
    fn names_that_must_link() {
        let linker = Linker::of(&registry());
        for (name, process) in [
            (
                "Предоставление расчетных листочков",
                "Предоставление расчетных листков",
            ),
            (
                "Предоставление отчета о командировке",
                "Предоставление отчёта о командировке",
            ),
            ("Выдача справки о доходах", "Выдача справок о доходах"),
            ("справок о доходах выдача", "Выдача справок о доходах"),
            ("Выдача справок, о доходах!", "Выдача справок о доходах"),
            (
                "Начисление и выплата заработной платы",
                "Организация работы по начислению и выплате заработной платы",
            ),
            ("Кадры / Консультации", "Консультации"),
        ] {
            assert_eq!(linked(&linker, name).as_deref(), Some(process), "{name}");
        }
        assert!(matches!(
            linker.link("Выдача справки о доходах"),
            Link::Linked {
                how: How::Close,
                ..
            }
        ));
        assert_eq!(
            linker
                .link("Кадры / Консультации")
                .process()
                .unwrap()
                .direction,
            "Кадры"
        );
    }

    #[test]
    fn names_that_must_not_link() {
        let mut registry = registry();
        // Without «о стаже», its item must not land on «о доходах».
        registry.directions.as_mut().unwrap()[1]
            .processes
            .as_mut()
            .unwrap()
            .remove(1);
        let linker = Linker::of(&registry);
        for name in [
            "Выдача справок о стаже",
            "Начисление заработной платы",
            "Оформление отпуска",
            "Выдача справок",
            "Закупки канцелярских товаров",
        ] {
            assert_eq!(linked(&linker, name), None, "{name}");
        }
        // Candidates are named: a name with words dropped is one of them.
        let Link::Unlinked { candidates } = linker.link("Оформление отпуска")
        else {
            panic!("linked")
        };
        assert_eq!(
            candidates[0].process,
            "Оформление отпуска без сохранения заработной платы"
        );
        // «Начисление пособий» is not «начисление заработной платы».
        assert_eq!(
            linked(&linker, "Начисление пособий").as_deref(),
            Some("Начисление пособий")
        );
    }

    #[test]
    fn the_boilerplate_is_dropped_in_either_form() {
        let registry: Registry = serde_yaml::from_str(
            "directions: [{name: Кадры, processes: [{name: Организация работы по охране труда}]}]",
        )
        .unwrap();
        let linker = Linker::of(&registry);
        assert!(
            linker
                .link("Организация работ по охране труда")
                .process()
                .is_some()
        );
        assert!(linker.link("Охране труда").process().is_some());
    }

    #[test]
    fn a_name_in_two_directions_needs_the_direction() {
        let linker = Linker::of(&registry());
        let Link::Unlinked { candidates } = linker.link("Консультации") else {
            panic!("linked to one of two")
        };
        assert_eq!(candidates.len(), 2);
        let link = linker.link_exact("Консультации", Some("Кадры"));
        assert_eq!(link.process().unwrap().direction, "Кадры");
        assert!(linker.link_exact("Консультации", None).process().is_none());
    }

    #[test]
    fn a_given_link_must_be_exact() {
        let linker = Linker::of(&registry());
        assert!(
            linker
                .link_exact("Выдача справки о доходах", None)
                .process()
                .is_none()
        );
        assert!(
            linker
                .link_exact("выдача справок о доходах", None)
                .process()
                .is_some()
        );
    }

    #[test]
    fn stems_count_as_one_word_only_with_a_short_inner_difference() {
        assert!(same_word("листк", "листочк"));
        assert!(!same_word("стаж", "доход"));
        assert!(!same_word("плат", "пособ"));
    }
}
