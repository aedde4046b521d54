//! `tochki stats FILE`: the registry at a glance — touchpoints per direction and process, the
//! needs × channel matrix, the share of digital touchpoints (Novosibirsk p.5 prefers digital
//! channels) and the needs of the catalogue met nowhere.

use crate::cli::{StatsArgs, StatsFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::registry::Registry;
use crate::registry::model::{Channel, NeedValue, Text};
use crate::registry::needs::Need;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;
use std::io::Write;

#[derive(Debug, Serialize)]
pub struct Stats {
    pub touchpoints: usize,
    pub digital: usize,
    pub offline: usize,
    /// Share of digital touchpoints among those with a known kind, percent with one decimal.
    pub digital_share: Option<f64>,
    pub processes: Vec<ProcessCount>,
    /// Per need of the catalogue: touchpoints meeting it, by kind.
    pub needs: Vec<NeedCount>,
    /// Needs of the catalogue no touchpoint meets.
    pub unmet_needs: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ProcessCount {
    pub direction: String,
    pub process: String,
    pub touchpoints: usize,
    pub digital: usize,
}

#[derive(Debug, Serialize)]
pub struct NeedCount {
    pub need: String,
    pub wording: String,
    pub digital: usize,
    pub offline: usize,
}

impl Stats {
    pub fn of(registry: &Registry) -> Stats {
        // The registry's own catalogue when it states one, else the ten needs.
        let catalogue: Vec<Need> = match &registry.needs {
            Some(entries) => entries
                .iter()
                .filter_map(|e| match e.interpret() {
                    NeedValue::Known { need, .. } => Some(need),
                    _ => None,
                })
                .collect(),
            None => Need::ALL.to_vec(),
        };
        let mut needs: Vec<NeedCount> = catalogue
            .iter()
            .map(|need| NeedCount {
                need: need.code().to_string(),
                wording: need.russian().to_string(),
                digital: 0,
                offline: 0,
            })
            .collect();
        let mut processes: Vec<ProcessCount> = Vec::new();
        let mut process_index: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        let (mut total, mut digital, mut offline) = (0, 0, 0);
        for tp in registry.touchpoints() {
            total += 1;
            let channel = tp.touchpoint.channel_value();
            match channel {
                Some(Channel::Digital) => digital += 1,
                Some(Channel::Offline) => offline += 1,
                None => {}
            }
            let slot = *process_index
                .entry((tp.direction_index, tp.process_index))
                .or_insert_with(|| {
                    processes.push(ProcessCount {
                        direction: Text::non_blank(&tp.direction.name)
                            .unwrap_or("")
                            .to_string(),
                        process: Text::non_blank(&tp.process.name).unwrap_or("").to_string(),
                        touchpoints: 0,
                        digital: 0,
                    });
                    processes.len() - 1
                });
            let row = &mut processes[slot];
            row.touchpoints += 1;
            if channel == Some(Channel::Digital) {
                row.digital += 1;
            }
            for need in tp.touchpoint.known_needs() {
                if let Some(count) = needs.iter_mut().find(|n| n.need == need.code()) {
                    match channel {
                        Some(Channel::Digital) => count.digital += 1,
                        Some(Channel::Offline) => count.offline += 1,
                        None => {}
                    }
                }
            }
        }
        let known = digital + offline;
        let digital_share =
            (known > 0).then(|| (digital as f64 * 1000.0 / known as f64).round() / 10.0);
        let unmet_needs = needs
            .iter()
            .filter(|n| n.digital + n.offline == 0)
            .map(|n| n.need.clone())
            .collect();
        Stats {
            touchpoints: total,
            digital,
            offline,
            digital_share,
            processes,
            needs,
            unmet_needs,
        }
    }
}

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (registry, note) = crate::commands::shared::load_counting_errors(&args.file)?;
    let stats = Stats::of(&registry);
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats)?;
            writeln!(out)?;
        }
        StatsFormat::Text => text(out, &stats)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes: note.into_iter().collect(),
    })
}

fn text(out: &mut dyn Write, stats: &Stats) -> std::io::Result<()> {
    writeln!(
        out,
        "Точек взаимодействия: {} (цифровых {}, офлайн {}{})",
        stats.touchpoints,
        stats.digital,
        stats.offline,
        stats
            .digital_share
            .map(|s| format!("; доля цифровых {s:.1}%"))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    let mut processes = Table::new();
    processes.load_style(UTF8_FULL_CONDENSED).set_header(vec![
        "Направление",
        "Процесс",
        "Точек",
        "Цифровых",
    ]);
    for p in &stats.processes {
        processes.add_row(vec![
            p.direction.clone(),
            p.process.clone(),
            p.touchpoints.to_string(),
            p.digital.to_string(),
        ]);
    }
    writeln!(out, "{processes}")?;
    writeln!(out)?;
    let mut matrix = Table::new();
    matrix.load_style(UTF8_FULL_CONDENSED).set_header(vec![
        "Потребность",
        "Цифровые",
        "Офлайн",
        "Всего",
    ]);
    for n in &stats.needs {
        matrix.add_row(vec![
            format!("{} ({})", n.need, n.wording),
            n.digital.to_string(),
            n.offline.to_string(),
            (n.digital + n.offline).to_string(),
        ]);
    }
    writeln!(out, "{matrix}")?;
    if stats.unmet_needs.is_empty() {
        writeln!(
            out,
            "Каждая потребность каталога удовлетворяется хотя бы в одной точке."
        )?;
    } else {
        writeln!(
            out,
            "Потребности каталога, которые не удовлетворяются ни в одной точке: {}",
            stats.unmet_needs.join(", ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shares_and_unmet_needs() {
        let registry: Registry = serde_yaml::from_str(
            "needs: [info, consultation, forms]
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Сайт, channel: digital, needs: [info]},
  {point: Почта, channel: digital, needs: [info, consultation]},
  {point: Кабинет, channel: offline, needs: [consultation]}]}]}]",
        )
        .unwrap();
        let stats = Stats::of(&registry);
        assert_eq!((stats.touchpoints, stats.digital, stats.offline), (3, 2, 1));
        assert_eq!(stats.digital_share, Some(66.7));
        assert_eq!(stats.unmet_needs, ["forms"]);
        assert_eq!((stats.needs[1].digital, stats.needs[1].offline), (1, 1));
        assert_eq!(stats.processes[0].touchpoints, 3);
    }
}
