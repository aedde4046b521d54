//! The summary of a journal: counts by status, the share answered on time, the median and 90th
//! percentile of days to answer, and the same counts by form, by process and by month of receipt.

use super::deadline::Status;
use super::journal::Request;
use serde::Serialize;
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
    /// Requests whose deadline rests on a year without a decree (the Labour Code's holidays
    /// only): every output says so.
    pub estimated: usize,
}

/// Excel's ПЕРСЕНТИЛЬ.ВКЛ (PERCENTILE.INC), the figure a user recomputes: linear interpolation
/// between the order statistics at rank (n − 1)·p. `sorted` is ascending and not empty.
pub fn percentile_inc(sorted: &[f64], p: f64) -> f64 {
    let rank = (sorted.len() - 1) as f64 * p;
    let lower = rank.floor() as usize;
    let upper = (lower + 1).min(sorted.len() - 1);
    sorted[lower] + (rank - lower as f64) * (sorted[upper] - sorted[lower])
}

/// The summary built one request at a time, so that a journal is never held whole for it:
/// counts, and the days to answer (8 bytes per answered request) for the median and percentile.
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    counts: Counts,
    by_form: BTreeMap<String, Counts>,
    by_process: BTreeMap<String, Counts>,
    by_month: BTreeMap<String, Counts>,
    days: Vec<f64>,
    estimated: usize,
}

impl SummaryBuilder {
    pub fn add(&mut self, request: &Request) {
        self.counts.add(request.status);
        self.estimated += usize::from(request.estimated);
        add_to(&mut self.by_form, request.form.russian(), request.status);
        add_to(
            &mut self.by_process,
            request.process.as_deref().unwrap_or("(процесс не указан)"),
            request.status,
        );
        add_to(
            &mut self.by_month,
            &request.received.format("%Y-%m").to_string(),
            request.status,
        );
        if let Some(answered) = request.answered {
            self.days
                .push((answered - request.received).num_days() as f64);
        }
    }

    pub fn finish(self) -> Summary {
        let groups = |map: BTreeMap<String, Counts>| {
            map.into_iter()
                .map(|(name, counts)| Group { name, counts })
                .collect()
        };
        let (median_days, p90_days) = if self.days.is_empty() {
            (None, None)
        } else {
            let mut days = self.days;
            days.sort_by(f64::total_cmp);
            (
                Some(percentile_inc(&days, 0.5)),
                Some(percentile_inc(&days, 0.9)),
            )
        };
        Summary {
            counts: self.counts,
            median_days,
            p90_days,
            by_form: groups(self.by_form),
            by_process: groups(self.by_process),
            by_month: groups(self.by_month),
            estimated: self.estimated,
        }
    }
}

fn add_to(map: &mut BTreeMap<String, Counts>, name: &str, status: Status) {
    match map.get_mut(name) {
        Some(counts) => counts.add(status),
        None => {
            let mut counts = Counts::default();
            counts.add(status);
            map.insert(name.to_string(), counts);
        }
    }
}

impl Summary {
    pub fn of(requests: &[Request]) -> Summary {
        let mut builder = SummaryBuilder::default();
        for request in requests {
            builder.add(request);
        }
        builder.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_percentile_is_excels_percentile_inc() {
        // =ПЕРСЕНТИЛЬ.ВКЛ({1;2;3;4;10};0,9) is 7.6 in Excel; the median of four is 2.5.
        assert!((percentile_inc(&[1.0, 2.0, 3.0, 4.0, 10.0], 0.9) - 7.6).abs() < 1e-9);
        assert!((percentile_inc(&[1.0, 2.0, 3.0, 4.0], 0.5) - 2.5).abs() < 1e-9);
        assert_eq!(percentile_inc(&[5.0], 0.9), 5.0);
    }
}

/// The requests a person must see first (overdue, most days late first; then due soon, nearest
/// deadline first), at most `limit` of them kept whatever the size of the journal: a table of a
/// million overdue rows is read by nobody, and holding them took gigabytes. The rest are
/// counted, for the note that says where the full list is (CSV, JSON, XLSX).
#[derive(Debug)]
pub struct Attention {
    limit: usize,
    kept: std::collections::BinaryHeap<Ranked>,
    /// Requests that needed attention but were not kept.
    pub more: usize,
}

/// A request with the order the list is printed in (smaller first).
#[derive(Debug)]
struct Ranked(super::Request);

impl Ranked {
    fn key(&self) -> impl Ord + use<> {
        let r = &self.0;
        (
            r.status,
            std::cmp::Reverse(r.days_late),
            r.due,
            r.row,
            r.file.to_string(),
        )
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl Attention {
    pub fn new(limit: usize) -> Attention {
        Attention {
            limit,
            kept: std::collections::BinaryHeap::new(),
            more: 0,
        }
    }

    /// Keeps the request if it needs attention and ranks among the first `limit`.
    pub fn add(&mut self, request: super::Request) {
        if !matches!(
            request.status,
            super::Status::Overdue | super::Status::DueSoon
        ) {
            return;
        }
        self.kept.push(Ranked(request));
        if self.kept.len() > self.limit {
            self.kept.pop();
            self.more += 1;
        }
    }

    /// The requests kept, in the order they are printed.
    pub fn into_sorted(self) -> Vec<super::Request> {
        self.kept
            .into_sorted_vec()
            .into_iter()
            .map(|r| r.0)
            .collect()
    }
}
