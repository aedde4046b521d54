//! Survey results landing on the registry's processes (cycle.md «Results per process»): every
//! item linked to a process (the definition's `process:` first, then the label, by the one rule
//! of `registry::link`), findings S007–S009, and the `registry` block of the latest wave.

use super::codes::{
    item_linked_closely, item_without_process, process_not_surveyed, process_without_feedback,
    several_items_one_process,
};
use super::definition::Definition;
use super::label::ItemLabel;
use super::report::TallyReport;
pub use super::report::{DirectionResult, ItemLink, ProcessResult, RegistryBlock, TouchpointBrief};
use crate::registry::Registry;
use crate::registry::link::{Link, Linker};
use crate::registry::model::Text;
use crate::registry::needs::Need;

/// S011 for every process that several items of the latest wave link to: the process shows
/// the first one's figures.
fn several_items(
    report: &TallyReport,
    latest: usize,
    linker: &Linker,
    asked: &[((usize, usize), usize)],
    export: &str,
) -> Vec<crate::diagnostic::Finding> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut findings = Vec::new();
    for (place, _) in asked {
        if seen.contains(place) {
            continue;
        }
        seen.push(*place);
        let labels: Vec<String> = asked
            .iter()
            .filter(|(p, _)| p == place)
            .map(|(_, i)| report.waves[latest].items[*i].label.as_str().to_string())
            .collect();
        if labels.len() > 1
            && let Some(process) = linker
                .processes()
                .find(|p| (p.direction_index, p.process_index) == *place)
        {
            findings.push(several_items_one_process(export, &process.process, &labels));
        }
    }
    findings
}

/// The candidates as a message names them: «Направление / Процесс» when two share a name.
fn candidate_names(candidates: &[crate::registry::link::ProcessRef]) -> Vec<String> {
    candidates
        .iter()
        .map(|c| {
            if candidates.iter().filter(|o| o.process == c.process).count() > 1 {
                format!("{} / {}", c.direction, c.process)
            } else {
                c.process.clone()
            }
        })
        .collect()
}

/// Whether the unlinked name fits several processes equally (an exact name in two
/// directions), rather than none.
fn fits_several(
    linker: &Linker,
    label: &str,
    defined: Option<&super::definition::DefinedItem>,
) -> bool {
    let name = defined.and_then(|d| d.process.as_deref()).unwrap_or(label);
    let wanted = crate::text::normalize(name);
    linker
        .processes()
        .filter(|p| crate::text::normalize(&p.process) == wanted)
        .count()
        > 1
}

/// Links the items of `report` to the processes of `registry`; adds each item's link, the
/// `registry` block and findings S007–S009 to the report.
pub fn link(
    report: &mut TallyReport,
    registry: &Registry,
    registry_file: &str,
    definition: Option<&Definition>,
) {
    let linker = Linker::of(registry);
    let Some(latest) = report.waves.len().checked_sub(1) else {
        return;
    };
    let export = report.waves[latest].file.clone();
    let mut findings = Vec::new();
    // (direction index, process index) → the item of the latest wave asking about it.
    let mut asked: Vec<((usize, usize), usize)> = Vec::new();
    for wave in 0..report.waves.len() {
        for i in 0..report.waves[wave].items.len() {
            let item = &report.waves[wave].items[i];
            let ItemLabel::Named(label) = &item.label else {
                continue;
            };
            let defined =
                definition.and_then(|d| d.items.iter().find(|defined| defined.label == *label));
            let found = match defined.and_then(|d| d.process.as_deref()) {
                Some(process) => {
                    linker.link_exact(process, defined.and_then(|d| d.direction.as_deref()))
                }
                None => linker.link(label),
            };
            // An item is reported once: in the latest wave, or in the earlier wave that asked
            // it when the latest did not (a row renamed since: cycle.md).
            let file = &report.waves[wave].file;
            let reported =
                wave == latest || !report.waves[latest].items.iter().any(|l| l.key == item.key);
            let link = match &found {
                Link::Linked { process, how } => {
                    if wave == latest {
                        asked.push(((process.direction_index, process.process_index), i));
                    }
                    if reported && *how == crate::registry::link::How::Close {
                        findings.push(item_linked_closely(file, label, &process.process));
                    }
                    ItemLink {
                        process: Some(process.process.clone()),
                        direction: Some(process.direction.clone()),
                    }
                }
                Link::Unlinked { candidates } => {
                    if reported {
                        let names = candidate_names(candidates);
                        let several = candidates.len() > 1 && fits_several(&linker, label, defined);
                        findings.push(item_without_process(file, label, &names, several));
                    }
                    ItemLink::default()
                }
            };
            report.waves[wave].items[i].link = Some(link);
        }
    }
    findings.extend(several_items(report, latest, &linker, &asked, &export));
    let block = block(report, latest, registry, &asked);
    for direction in &block.directions {
        for process in &direction.processes {
            if !process.surveyed {
                findings.push(process_not_surveyed(
                    registry_file,
                    &direction.name,
                    &process.name,
                ));
            }
            if !process
                .touchpoints
                .iter()
                .any(|t| t.needs.contains(&"feedback"))
            {
                findings.push(process_without_feedback(registry_file, &process.name));
            }
        }
    }
    report.registry = Some(block);
    report.findings.extend(findings);
}

fn block(
    report: &TallyReport,
    latest: usize,
    registry: &Registry,
    asked: &[((usize, usize), usize)],
) -> RegistryBlock {
    let wave = &report.waves[latest];
    let mut directions = Vec::new();
    for (d, direction) in registry.directions.iter().flatten().enumerate() {
        let mut processes = Vec::new();
        for (p, process) in direction.processes.iter().flatten().enumerate() {
            let Some(name) = Text::non_blank(&process.name) else {
                continue;
            };
            // The first item asking about the process speaks for it.
            let item = asked
                .iter()
                .find(|(at, _)| *at == (d, p))
                .map(|(_, i)| &wave.items[*i]);
            let dynamics = item.and_then(|item| {
                report
                    .dynamics
                    .iter()
                    .find(|d| d.item == item.label && d.to == wave.label)
            });
            processes.push(ProcessResult {
                name: name.to_string(),
                surveyed: item.is_some(),
                item: item.map(|i| i.label.as_str().to_string()),
                level: item.and_then(|i| i.figures.level),
                ci: item.and_then(|i| i.figures.ci),
                n: item.map(|i| i.figures.n),
                delta_pp: dynamics.map(|d| d.delta_pp),
                decline: dynamics.map(|d| d.trend.is_significant_decline()),
                touchpoints: touchpoints(process),
            });
        }
        let speaking: Vec<usize> = asked
            .iter()
            .filter(|((at, _), _)| *at == d)
            .map(|(_, i)| *i)
            .collect();
        let pooled = pooled(report, latest, &speaking);
        directions.push(DirectionResult {
            name: Text::non_blank(&direction.name).unwrap_or("").to_string(),
            items: pooled.level_items.len(),
            level: pooled.level,
            n: pooled.n,
            delta_pp: pooled.delta_pp,
            level_items: pooled.level_items,
            change_items: pooled.change_items,
            processes,
        });
    }
    RegistryBlock { directions }
}

/// The pooled figures of a direction's items, and which items are behind each.
#[derive(Default)]
struct Pooled {
    level: Option<f64>,
    n: Option<u64>,
    delta_pp: Option<f64>,
    /// The items the level pools (too small ones are not).
    level_items: Vec<String>,
    /// The items the change compares: asked, and not too small, in both years.
    change_items: Vec<String>,
}

/// Satisfied and with-opinion answers of the items `speaking` (indices in the latest wave)
/// summed, in the latest wave and, for the same items, in the one before: like with like — an
/// item too small in either year, or asked in one only, enters neither side of the change.
fn pooled(report: &TallyReport, latest: usize, speaking: &[usize]) -> Pooled {
    use super::stats::one_decimal;
    let wave = &report.waves[latest];
    let sum = |items: &[&super::report::Item]| {
        items.iter().fold((0u64, 0u64), |(s, n), i| {
            (s + i.figures.satisfied, n + i.figures.with_opinion)
        })
    };
    let shown: Vec<&super::report::Item> = speaking
        .iter()
        .map(|i| &wave.items[*i])
        .filter(|i| !i.figures.small)
        .collect();
    let (satisfied, answers) = sum(&shown);
    if answers == 0 {
        return Pooled::default();
    }
    let level = satisfied as f64 * 100.0 / answers as f64;
    let all: u64 = shown.iter().map(|i| i.figures.n).sum();
    let mut pooled = Pooled {
        level: Some(one_decimal(level)),
        n: Some(all),
        level_items: shown
            .iter()
            .map(|i| i.label.russian().to_string())
            .collect(),
        ..Pooled::default()
    };
    if let Some(before) = latest.checked_sub(1).map(|w| &report.waves[w]) {
        let earlier = |item: &super::report::Item| {
            before
                .items
                .iter()
                .find(|b| b.key == item.key && !b.figures.small)
        };
        let now: Vec<&super::report::Item> = shown
            .iter()
            .copied()
            .filter(|i| earlier(i).is_some())
            .collect();
        let then: Vec<&super::report::Item> = now.iter().filter_map(|i| earlier(i)).collect();
        let ((s1, n1), (s0, n0)) = (sum(&now), sum(&then));
        if n0 > 0 && n1 > 0 {
            let delta = s1 as f64 * 100.0 / n1 as f64 - s0 as f64 * 100.0 / n0 as f64;
            pooled.delta_pp = Some(one_decimal(delta));
            pooled.change_items = now.iter().map(|i| i.label.russian().to_string()).collect();
        }
    }
    pooled
}

fn touchpoints(process: &crate::registry::model::Process) -> Vec<TouchpointBrief> {
    process
        .touchpoints
        .iter()
        .flatten()
        .map(|t| TouchpointBrief {
            point: Text::non_blank(&t.point).unwrap_or("").to_string(),
            channel: t.channel_value().map(|c| c.code()),
            needs: t.known_needs().into_iter().map(Need::code).collect(),
        })
        .collect()
}
