//! The registry at a glance, for `tochki stats`: touchpoints per direction and process, the
//! needs × channel matrix, the share of digital touchpoints (Novosibirsk p.5 prefers digital
//! channels) and the needs of the catalogue met nowhere. `render::stats` writes it.

use super::Registry;
use super::model::{Channel, Text};
use super::needs::Need;
use serde::Serialize;

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
        let catalogue = registry.catalogue().unwrap_or_else(|| Need::ALL.to_vec());
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
