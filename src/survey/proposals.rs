//! The draft of proposals to the Minister when satisfaction falls (Omsk p. 13; cycle.md
//! «Proposals»): every significant decline, then every drop that is not significant, with its
//! figures, the touchpoints of its process and what respondents wrote about it.

use super::by_process::TouchpointBrief;
use super::tally::{TallyReport, Trend};

/// What respondents wrote about an item, grouped (already masked by the tally).
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub kind: &'static str,
    pub text: String,
    pub count: u64,
}

/// One item whose level fell.
#[derive(Debug, Clone, PartialEq)]
pub struct Drop {
    pub item: String,
    pub from: String,
    pub to: String,
    pub levels: (f64, f64),
    pub delta_pp: f64,
    pub ci: Option<[f64; 2]>,
    pub p_value: f64,
    pub process: Option<String>,
    pub touchpoints: Vec<TouchpointBrief>,
    pub said: Vec<Said>,
    /// How many answered the item this year (with an opinion).
    pub answers: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposals {
    /// Significant declines (Omsk p. 13).
    pub declines: Vec<Drop>,
    /// Drops that are not significant, for attention.
    pub drops: Vec<Drop>,
    /// What respondents wrote about no item in particular (the pain map's «общее»).
    pub general: Vec<Said>,
    /// Items of the latest survey with fewer than `--min-group` answers: their change is not
    /// assessed and their texts are not quoted (anonymity, Smolensk 5.2).
    pub unassessed: Vec<String>,
    /// Items of the latest survey that nothing of the year before can be compared with (a
    /// reworded question): a decline there would not show (survey.md «Which column»).
    pub incomparable: Vec<String>,
    pub min_group: u64,
    /// The body's own Порядок, which the draft cites (documents.md).
    pub procedure: Option<crate::registry::model::Procedure>,
    /// The body (from the registry), and the period and respondents of the latest survey.
    pub organization: Option<String>,
    pub period: Option<String>,
    pub respondents: u64,
}

/// What respondents wrote about an item.
fn said_about(wave: &super::report::Wave, item: &super::label::ItemLabel) -> Vec<Said> {
    let label = item.as_str();
    wave.pains
        .iter()
        .filter(|pain| pain.item == label || pain.item == item.russian())
        .map(|pain| Said {
            kind: pain.kind,
            text: pain.text.clone(),
            count: pain.count,
        })
        .collect()
}

/// A survey's period as people read it: «10.11.2025–27.11.2025».
fn period_russian(period: super::dates::Period) -> String {
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    if period.first == period.last {
        day(period.first)
    } else {
        format!("{}–{}", day(period.first), day(period.last))
    }
}

/// What respondents wrote about no item of the wave in particular.
fn general(wave: &super::report::Wave) -> Vec<Said> {
    let items: Vec<&str> = wave.items.iter().map(|i| i.label.as_str()).collect();
    wave.pains
        .iter()
        .filter(|pain| !items.contains(&pain.item.as_str()))
        .map(|pain| Said {
            kind: pain.kind,
            text: pain.text.clone(),
            count: pain.count,
        })
        .collect()
}

/// The items of the wave `label` that nothing of the year before can be compared with.
fn incomparable(report: &TallyReport, label: &str) -> Vec<String> {
    report
        .incomparable
        .iter()
        .filter(|i| i.to == label)
        .map(|i| i.item.russian().to_string())
        .collect()
}

/// The items of a wave too few people answered to be assessed.
fn unassessed(wave: &super::report::Wave) -> Vec<String> {
    wave.items
        .iter()
        .filter(|i| i.figures.small)
        .map(|i| i.label.russian().to_string())
        .collect()
}

impl Proposals {
    pub fn of(report: &TallyReport) -> Proposals {
        let mut declines = Vec::new();
        let mut drops = Vec::new();
        let Some(latest) = report.waves.last() else {
            return Proposals {
                declines,
                drops,
                general: Vec::new(),
                unassessed: Vec::new(),
                incomparable: Vec::new(),
                min_group: report.min_group,
                procedure: report.procedure.clone(),
                organization: report.organization.clone(),
                period: None,
                respondents: 0,
            };
        };
        for dynamics in report.dynamics.iter().filter(|d| d.to == latest.label) {
            if dynamics.delta_pp >= 0.0 {
                continue;
            }
            let item = latest.items.iter().find(|i| i.label == dynamics.item);
            let process = item
                .and_then(|i| i.link.as_ref())
                .and_then(|l| l.process.clone());
            let touchpoints = process
                .as_deref()
                .and_then(|name| {
                    report.registry.as_ref()?.directions.iter().find_map(|d| {
                        d.processes
                            .iter()
                            .find(|p| p.name == name)
                            .map(|p| p.touchpoints.clone())
                    })
                })
                .unwrap_or_default();
            let said = said_about(latest, &dynamics.item);
            let drop = Drop {
                item: dynamics.item.russian().to_string(),
                from: dynamics.from.clone(),
                to: dynamics.to.clone(),
                levels: dynamics.levels,
                delta_pp: dynamics.delta_pp,
                ci: item.and_then(|i| i.figures.ci),
                p_value: dynamics.p_value,
                process,
                touchpoints,
                said,
                answers: item.map_or(0, |i| i.figures.n),
            };
            if matches!(dynamics.trend, Trend::SignificantDecline) {
                declines.push(drop);
            } else {
                drops.push(drop);
            }
        }
        let general = general(latest);
        let unassessed = unassessed(latest);
        let incomparable = incomparable(report, &latest.label);
        Proposals {
            declines,
            drops,
            general,
            unassessed,
            incomparable,
            min_group: report.min_group,
            procedure: report.procedure.clone(),
            organization: report.organization.clone(),
            period: latest.period.map(period_russian),
            respondents: latest.respondents,
        }
    }

    /// The lines that say which items could not be assessed or compared, when some could not.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self.unassessed_note().into_iter().collect();
        if !self.incomparable.is_empty() {
            let names: Vec<String> = self.incomparable.iter().map(|n| format!("«{n}»")).collect();
            notes.push(format!(
                "Не с чем сравнить с прошлым опросом (вопрос в этом году сформулирован иначе или задан впервые, а часть прошлогодних вопросов не задана; снижение по ним не оценено): {}. Если это прежние вопросы, свяжите формулировки в описании анкеты (also:) и сформируйте предложения заново.",
                names.join(", ")
            ));
        }
        notes
    }

    /// The line that says which items could not be assessed, when some could not.
    fn unassessed_note(&self) -> Option<String> {
        if self.unassessed.is_empty() {
            return None;
        }
        let names: Vec<String> = self.unassessed.iter().map(|n| format!("«{n}»")).collect();
        Some(format!(
            "Не оценивались (на вопрос ответили меньше {} {}, цифры и тексты не приводятся — анонимность опроса): {}.",
            self.min_group,
            crate::text::plural(self.min_group as usize, "человека", "человек", "человек"),
            names.join(", ")
        ))
    }

    pub fn is_empty(&self) -> bool {
        self.declines.is_empty() && self.drops.is_empty()
    }
}
