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

/// A journal summary older than this many days before the roll-up is said to be stale.
const STALE_DAYS: i64 = 31;

/// The attention list of `bodies`, in their order, then the bodies of the previous roll-up
/// this one lacks.
pub fn of(bodies: &[Body], missing: &[String], options: &super::Options) -> Vec<Attention> {
    let min_group = options.min_group;
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
        if body.surveys.is_empty() {
            say("no_survey", "нет итогов опроса (opros.json)".to_string());
        }
        if body.journals.is_empty() {
            say(
                "no_journal",
                "нет сводки журнала обращений (obrashcheniya.json)".to_string(),
            );
        }
        journal_facts(body, options, &mut say);
    }
    for name in missing {
        list.push(Attention {
            body: name.clone(),
            kind: "missing".to_string(),
            what: "был в прошлом своде, в этом его нет: папка не прислана или орган назван иначе"
                .to_string(),
        });
    }
    list
}

/// A journal summary that is stale or dated after the roll-up, and overdue requests.
fn journal_facts(body: &Body, options: &super::Options, say: &mut dyn FnMut(&str, String)) {
    for journal in &body.journals {
        if let Ok(as_of) = chrono::NaiveDate::parse_from_str(&journal.as_of, "%Y-%m-%d") {
            let age = (options.made - as_of).num_days();
            if age > STALE_DAYS {
                say(
                    "stale_journal",
                    format!(
                        "сводка журнала на {} — старше месяца к дате свода: попросите свежую",
                        crate::text::russian_date(&journal.as_of)
                    ),
                );
            } else if age < 0 {
                say(
                    "stale_journal",
                    format!(
                        "сводка журнала датирована {} — позже даты свода",
                        crate::text::russian_date(&journal.as_of)
                    ),
                );
            }
        }
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

fn registry_facts(body: &Body, say: &mut dyn FnMut(&str, String)) {
    for registry in &body.registries {
        if registry.errors > 0 {
            let codes: Vec<String> = registry
                .error_rules
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
        for decline in &survey.declines {
            say(
                "decline",
                format!(
                    "значимое снижение по вопросу «{}»: {} п. п., {} → {}",
                    decline.item,
                    crate::text::signed_pp(decline.delta_pp),
                    decline.from,
                    decline.to
                ),
            );
        }
    }
}
