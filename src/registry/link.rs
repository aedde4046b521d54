//! Linking a name written elsewhere (a survey item, a journal's «Процесс» cell) to a process of
//! the registry, by one rule for every caller (cycle.md «Results per process»): the normalised
//! name first (case, `ё`/`е`, spacing and punctuation ignored), then the closest name when it is
//! close enough (Jaro-Winkler ≥ 0.9, or one name contained in the other), never a guess below.

use super::Registry;
use crate::text::normalize;

/// How close a name must be to count as the same process: a typo or a missing word, not a
/// different process that merely shares words.
pub const THRESHOLD: f64 = 0.9;

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
    /// The closest name, above the threshold or contained one in the other.
    Closest { score: f64 },
}

/// The outcome of linking one name.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Linked {
        process: ProcessRef,
        how: How,
    },
    /// No process is close enough; `closest` names the nearest one for the message.
    Unlinked {
        closest: Option<ProcessRef>,
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

/// The processes of one registry, normalised once, to link many names against.
#[derive(Debug, Clone)]
pub struct Linker {
    processes: Vec<(String, ProcessRef)>,
}

impl Linker {
    pub fn of(registry: &Registry) -> Linker {
        let mut processes = Vec::new();
        for (d, direction) in registry.directions.iter().flatten().enumerate() {
            let direction_name = direction.name.as_ref().map(|t| t.0.trim()).unwrap_or("");
            for (p, process) in direction.processes.iter().flatten().enumerate() {
                let Some(name) = process.name.as_ref().map(|t| t.0.trim()) else {
                    continue;
                };
                if normalize(name).is_empty() {
                    continue;
                }
                processes.push((
                    normalize(name),
                    ProcessRef {
                        direction_index: d,
                        process_index: p,
                        direction: direction_name.to_string(),
                        process: name.to_string(),
                    },
                ));
            }
        }
        Linker { processes }
    }

    /// Every named process, in registry order.
    pub fn processes(&self) -> impl Iterator<Item = &ProcessRef> {
        self.processes.iter().map(|(_, process)| process)
    }

    /// Links `name` by the exact normalised name only: for a link the user wrote himself
    /// (`process:` in a survey definition), where a near miss is a mistake to report.
    pub fn link_exact(&self, name: &str) -> Link {
        let wanted = normalize(name);
        match self.processes.iter().find(|(key, _)| *key == wanted) {
            Some((_, process)) => Link::Linked {
                process: process.clone(),
                how: How::Exact,
            },
            None => Link::Unlinked {
                closest: self.closest(&wanted).map(|(process, _)| process.clone()),
            },
        }
    }

    /// Links `name` by the exact normalised name, then by the closest one above the threshold.
    pub fn link(&self, name: &str) -> Link {
        let wanted = normalize(name);
        if wanted.is_empty() {
            return Link::Unlinked { closest: None };
        }
        if let Some((_, process)) = self.processes.iter().find(|(key, _)| *key == wanted) {
            return Link::Linked {
                process: process.clone(),
                how: How::Exact,
            };
        }
        match self.closest(&wanted) {
            Some((process, score)) if score >= THRESHOLD || contains(&wanted, process) => {
                Link::Linked {
                    process: process.clone(),
                    how: How::Closest { score },
                }
            }
            closest => Link::Unlinked {
                closest: closest.map(|(process, _)| process.clone()),
            },
        }
    }

    /// The process with the highest similarity; a containment counts as a full match, so that
    /// «Начисление заработной платы» finds «Начисление заработной платы и иных выплат».
    fn closest(&self, wanted: &str) -> Option<(&ProcessRef, f64)> {
        let mut best: Option<(&ProcessRef, f64)> = None;
        for (key, process) in &self.processes {
            let score = if contained(wanted, key) {
                1.0
            } else {
                strsim::jaro_winkler(wanted, key)
            };
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((process, score));
            }
        }
        best
    }
}

fn contains(wanted: &str, process: &ProcessRef) -> bool {
    contained(wanted, &normalize(&process.process))
}

/// One name contained in the other as whole words, and long enough not to be a stray word:
/// «обучение» alone never links to every process that mentions training.
fn contained(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').count() >= 2 && format!(" {long} ").contains(&format!(" {short} "))
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
      - name: Начисление заработной платы и иных выплат
      - name: Выдача справок о доходах
  - name: Кадры
    processes:
      - name: Оформление отпуска
      - name: Обучение и повышение квалификации
",
        )
        .unwrap()
    }

    fn linked(link: &Link) -> Option<&str> {
        link.process().map(|p| p.process.as_str())
    }

    #[test]
    fn exact_names_link_whatever_their_case_and_punctuation() {
        let linker = Linker::of(&registry());
        let link = linker.link("  оформление   ОТПУСКА. ");
        assert_eq!(linked(&link), Some("Оформление отпуска"));
        assert!(matches!(
            link,
            Link::Linked {
                how: How::Exact,
                ..
            }
        ));
        assert_eq!(link.process().unwrap().direction, "Кадры");
    }

    #[test]
    fn a_typo_links_to_the_closest_name_above_the_threshold() {
        let linker = Linker::of(&registry());
        let link = linker.link("Выдача справок о доходaх"); // a Latin «a»
        assert_eq!(linked(&link), Some("Выдача справок о доходах"));
        assert!(matches!(
            link,
            Link::Linked {
                how: How::Closest { .. },
                ..
            }
        ));
    }

    #[test]
    fn a_shorter_name_contained_in_a_process_links() {
        let linker = Linker::of(&registry());
        let link = linker.link("Начисление заработной платы");
        assert_eq!(
            linked(&link),
            Some("Начисление заработной платы и иных выплат")
        );
    }

    #[test]
    fn a_different_process_is_never_guessed() {
        let linker = Linker::of(&registry());
        let link = linker.link("Закупки канцелярских товаров");
        assert_eq!(linked(&link), None);
        let Link::Unlinked { closest } = link else {
            panic!("linked")
        };
        assert!(closest.is_some(), "the message names the closest process");
        // One shared word is no containment.
        assert_eq!(linked(&linker.link("обучение")), None);
    }

    #[test]
    fn a_given_link_must_be_exact() {
        let linker = Linker::of(&registry());
        assert_eq!(
            linked(&linker.link_exact("Начисление заработной платы")),
            None
        );
        assert_eq!(
            linked(&linker.link_exact("выдача справок о доходах")),
            Some("Выдача справок о доходах")
        );
    }
}
