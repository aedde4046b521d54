//! The summary of a journal: counts by status, the share answered on time, the median and 90th
//! percentile of days to answer, and the same counts by form, by process and by month of receipt.

use super::deadline::Status;
use super::journal::Request;
use serde::Serialize;
use statrs::statistics::{Data, Median, OrderStatistics};
use std::collections::BTreeMap;

/// Counts of one group of requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub on_time: usize,
    pub late: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub open: usize,
    /// Answered on time out of those whose outcome is known (on time, late, overdue); None
    /// when there are none yet.
    pub share_on_time: Option<f64>,
}

impl Counts {
    fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::OnTime => self.on_time += 1,
            Status::Late => self.late += 1,
            Status::Overdue => self.overdue += 1,
            Status::DueSoon => self.due_soon += 1,
            Status::Open => self.open += 1,
        }
        let decided = self.on_time + self.late + self.overdue;
        self.share_on_time = (decided > 0).then(|| 100.0 * self.on_time as f64 / decided as f64);
    }
}

/// A named group's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub counts: Counts,
    /// Days from receipt to answer, over the answered requests.
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
    pub by_form: Vec<Group>,
    pub by_process: Vec<Group>,
    pub by_month: Vec<Group>,
}

impl Summary {
    pub fn of(requests: &[Request]) -> Summary {
        let mut counts = Counts::default();
        let mut by_form: BTreeMap<String, Counts> = BTreeMap::new();
        let mut by_process: BTreeMap<String, Counts> = BTreeMap::new();
        let mut by_month: BTreeMap<String, Counts> = BTreeMap::new();
        let mut days = Vec::new();
        for request in requests {
            counts.add(request.status);
            by_form
                .entry(request.form.russian().to_string())
                .or_default()
                .add(request.status);
            by_process
                .entry(
                    request
                        .process
                        .clone()
                        .unwrap_or_else(|| "(процесс не указан)".into()),
                )
                .or_default()
                .add(request.status);
            by_month
                .entry(request.received.format("%Y-%m").to_string())
                .or_default()
                .add(request.status);
            if let Some(answered) = request.answered {
                days.push((answered - request.received).num_days() as f64);
            }
        }
        let groups = |map: BTreeMap<String, Counts>| {
            map.into_iter()
                .map(|(name, counts)| Group { name, counts })
                .collect()
        };
        let (median_days, p90_days) = if days.is_empty() {
            (None, None)
        } else {
            let mut data = Data::new(days);
            (Some(data.median()), Some(data.percentile(90)))
        };
        Summary {
            counts,
            median_days,
            p90_days,
            by_form: groups(by_form),
            by_process: groups(by_process),
            by_month: groups(by_month),
        }
    }
}
