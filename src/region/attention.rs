//! What needs the coordinator's attention, body by body: what could not be read, registry
//! errors, a version not approved or not published (in time), a significant decline, overdue
//! requests, a survey too small to show. No composite score: each line is one fact the orders
//! name.

use super::{Body, Publication, State};
use serde::{Deserialize, Serialize};

/// One fact that needs attention.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Attention {
    pub body: String,
    /// `no_data`, `refused`, `file`, `errors`, `not_approved`, `not_published`,
    /// `late_publication`, `decline`, `overdue`, `small_survey`.
    pub kind: String,
    /// The fact in Russian.
    pub what: String,
}

/// The attention list of `bodies`, in their order.
pub fn of(bodies: &[Body], min_group: u64) -> Vec<Attention> {
    let mut list = Vec::new();
    for body in bodies {
        let mut say = |kind: &str, what: String| {
            list.push(Attention {
                body: body.name.clone(),
                kind: kind.to_string(),
                what,
            });
        };
        match body.state {
            State::NoData if body.problems.is_empty() => say(
                "no_data",
                "нет данных: в папке нет ни перечня, ни итогов опроса, ни сводки журнала"
                    .to_string(),
            ),
            State::NoData => say(
                "no_data",
                "нет данных: ни один файл не прочитан".to_string(),
            ),
            State::Refused => {}
            State::Read => {}
        }
        for problem in &body.problems {
            let kind = if body.state == State::Refused {
                "refused"
            } else {
                "file"
            };
            say(kind, format!("{}: {}", problem.file, problem.message));
        }
        if body.state == State::Refused {
            continue;
        }
        registry_facts(body, &mut say);
        survey_facts(body, min_group, &mut say);
        for journal in &body.journals {
            if journal.overdue > 0 {
                say(
                    "overdue",
                    format!(
                        "просрочено обращений: {} на {}",
                        journal.overdue,
                        crate::text::russian_date(&journal.as_of)
                    ),
                );
            }
        }
    }
    list
}

fn registry_facts(body: &Body, say: &mut dyn FnMut(&str, String)) {
    for registry in &body.registries {
        if registry.errors > 0 {
            let codes: Vec<String> = registry
                .by_rule
                .iter()
                .map(|(code, count)| format!("{code} × {count}"))
                .collect();
            say(
                "errors",
                format!(
                    "перечень {}: {} {} ({}; подробно: tochki check {})",
                    registry.file,
                    registry.errors,
                    crate::text::plural(registry.errors, "ошибка", "ошибки", "ошибок"),
                    codes.join(", "),
                    registry.file
                ),
            );
        }
        match registry.publication {
            Publication::NotApproved => say(
                "not_approved",
                format!("перечень {}: нет даты утверждения", registry.file),
            ),
            Publication::NotPublished => say(
                "not_published",
                format!(
                    "перечень {}: версия, утверждённая {}, не размещена на сайте",
                    registry.file,
                    registry
                        .approved
                        .as_deref()
                        .map_or_else(String::new, crate::text::russian_date)
                ),
            ),
            Publication::Late => say(
                "late_publication",
                format!(
                    "перечень {}: версия размещена позже 5 рабочих дней после утверждения",
                    registry.file
                ),
            ),
            Publication::OnTime | Publication::NotStated | Publication::Unknown => {}
        }
    }
}

fn survey_facts(body: &Body, min_group: u64, say: &mut dyn FnMut(&str, String)) {
    for survey in &body.surveys {
        if survey.hidden {
            say(
                "small_survey",
                format!(
                    "опрос: в последней волне меньше {min_group} анкет — показатели не выводятся (анонимность)"
                ),
            );
            continue;
        }
        for area in &survey.levels {
            for change in area.changes.iter().filter(|c| c.decline) {
                let whom = area
                    .area
                    .as_deref()
                    .map_or_else(|| "в целом".to_string(), super::area_name);
                say(
                    "decline",
                    format!(
                        "значимое снижение удовлетворенности ({whom}): {} п. п., {} → {}",
                        crate::text::signed_pp(change.delta_pp),
                        change.from,
                        change.to
                    ),
                );
            }
        }
        if !survey.declines.is_empty() {
            say(
                "decline",
                format!(
                    "значимое снижение по процессам: {}",
                    survey
                        .declines
                        .iter()
                        .map(|d| format!("«{d}»"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
}
