//! The survey's report model: what a tally hands to every renderer (terminal, JSON, CSV,
//! Markdown, HTML, the proposals). Declared apart from the code that computes it, as ripgrep's
//! `sink.rs` declares what the searcher hands the printer, so that `tally` and `by_process`
//! build it without importing each other.

use super::label::ItemLabel;
use super::scale::Scale;
use crate::diagnostic::Finding;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Option → value, in the order of the scale table; a JSON object in that order.
#[derive(Debug, Clone)]
pub struct ByOption<T>(pub Vec<(&'static str, T)>);

impl<T: Serialize> Serialize for ByOption<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (option, value) in &self.0 {
            map.serialize_entry(option, value)?;
        }
        map.end()
    }
}

/// Option → count.
pub type Counts = ByOption<u64>;

/// Option → share in percent.
pub type Shares = ByOption<f64>;

/// The figures of one item (or group).
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub n: u64,
    pub counts: Counts,
    /// Option → share of all answers to the item, percent, one decimal.
    pub shares: Shares,
    /// Satisfaction level, percent, one decimal; None when nobody had an opinion.
    pub level: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub mean: Option<f64>,
    /// Fewer answers than `--min-group`: no level, interval, mean, counts or change anywhere,
    /// and no quoted texts («мало ответов (N)», survey.md «Small items»).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub small: bool,
    /// Satisfied answers and answers with an opinion: what the level is computed from.
    #[serde(skip)]
    pub satisfied: u64,
    #[serde(skip)]
    pub with_opinion: u64,
}

/// A segment's figures, or only its name when it is too small to show.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Group {
    Shown {
        group: String,
        respondents: u64,
        #[serde(flatten)]
        figures: Figures,
    },
    Suppressed {
        group: String,
        suppressed: bool,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub label: ItemLabel,
    /// The item's identity across years (see `Column::key`).
    #[serde(skip)]
    pub key: String,
    /// The column's header, the label of last resort where two items share a label.
    #[serde(skip)]
    pub header: String,
    #[serde(skip)]
    pub scale: Scale,
    #[serde(flatten)]
    pub figures: Figures,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
    /// With `--registry`: the process and direction the item asks about (null when none).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub link: Option<ItemLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Wave {
    pub label: String,
    /// The first and last day of the answers, from the timestamps (None: no timestamps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<super::dates::Period>,
    pub file: String,
    pub respondents: u64,
    pub left_out: u64,
    pub items: Vec<Item>,
    #[serde(skip)]
    pub pains: Vec<PainRow>,
    /// Texts not quoted because the item they are about has fewer than `--min-group` answers.
    pub pains_withheld: u64,
    /// Texts not quoted because they are formulas, markup or only a link.
    pub pains_junk: u64,
    /// With `--profiles`: the figures of each profile's respondents (profiles.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<ProfileResult>,
    /// What became of every row of the export (import.md, «Every row and column accounted for»).
    pub ledger: crate::input::table::TableAccount,
}

/// A profile of client segment measured by one survey: the respondents whose answers match all
/// of its attributes the survey asked, and their figures on the profile's processes.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileResult {
    pub name: String,
    /// The profile's attributes the survey asked, and those it did not (not used for matching).
    pub asked: Vec<String>,
    pub not_asked: Vec<String>,
    /// How many respondents match; None when fewer than the minimum group (not printed).
    pub respondents: Option<u64>,
    /// The items about the profile's processes, with the matching respondents' figures (small
    /// when fewer than the minimum group answered).
    pub items: Vec<ProfileItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileItem {
    pub label: String,
    pub process: String,
    pub figures: Figures,
}

/// A problem or proposal for the pain map.
#[derive(Debug, Clone, Serialize)]
pub struct PainRow {
    /// The item it is about ("общее" when the export does not say).
    pub item: String,
    /// "проблема" or "предложение".
    pub kind: &'static str,
    pub text: String,
    pub count: u64,
}

/// One option's part of an item's answers, for a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub option: &'static str,
    /// Percent of all answers to the item, not rounded.
    pub share: f64,
    /// The outermost option of its side ("полностью"; the three-way scale's only one).
    pub strong: bool,
}

/// An item's answers split at the middle of its scale, each side from the middle outwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    pub satisfied: Vec<Part>,
    pub dissatisfied: Vec<Part>,
    pub unsure: Part,
}

impl Item {
    pub fn balance(&self) -> Balance {
        let counts = &self.figures.counts.0;
        let n = self.figures.n.max(1) as f64;
        let part = |i: usize, strong: bool| Part {
            option: counts[i].0,
            share: counts[i].1 as f64 * 100.0 / n,
            strong,
        };
        let unsure = self.scale.unsure();
        let satisfied = self.scale.satisfied();
        let dissatisfied: Vec<usize> = (0..unsure).filter(|i| !satisfied.contains(i)).collect();
        // The scale lists the satisfied options from the strongest inwards.
        let outwards = |indices: Vec<usize>| {
            let last = indices.len().saturating_sub(1);
            indices
                .into_iter()
                .enumerate()
                .map(|(at, i)| part(i, at == last))
                .collect()
        };
        Balance {
            satisfied: outwards(satisfied.iter().rev().copied().collect()),
            dissatisfied: outwards(dissatisfied),
            unsure: part(unsure, false),
        }
    }
}

/// Which way a level moved between two years, decided on the exact change (the printed change
/// is rounded to one decimal and may read 0.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    SignificantDecline,
    Decline,
    SignificantRise,
    Rise,
    NoChange,
}

impl Trend {
    pub fn of(delta: f64, significant: bool) -> Trend {
        match (delta, significant) {
            (d, true) if d < 0.0 => Trend::SignificantDecline,
            (d, false) if d < 0.0 => Trend::Decline,
            (d, true) if d > 0.0 => Trend::SignificantRise,
            (d, false) if d > 0.0 => Trend::Rise,
            _ => Trend::NoChange,
        }
    }

    /// What Omsk p.13 asks proposals for.
    pub fn is_significant_decline(self) -> bool {
        self == Trend::SignificantDecline
    }
}

fn serialize_decline<S: Serializer>(trend: &Trend, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bool(trend.is_significant_decline())
}

#[derive(Debug, Clone, Serialize)]
pub struct Dynamics {
    pub item: ItemLabel,
    pub from: String,
    pub to: String,
    pub delta_pp: f64,
    pub p_value: f64,
    pub significant: bool,
    /// In JSON `decline`: whether the level fell significantly.
    #[serde(rename = "decline", serialize_with = "serialize_decline")]
    pub trend: Trend,
    #[serde(skip)]
    pub levels: (f64, f64),
}

/// An item of a later wave that nothing of the earlier wave can be compared with, while some
/// earlier items are gone: perhaps the same question reworded (survey.md «Which column»).
#[derive(Debug, Clone, Serialize)]
pub struct Incomparable {
    pub item: ItemLabel,
    pub from: String,
    pub to: String,
    /// The earlier wave's items the later one does not ask.
    pub former: Vec<String>,
}

/// The version of the tally's JSON (`survey tally --format json`), its first key.
pub const FORMAT: &str = "tochki.survey/1";

#[derive(Debug, Clone, Serialize)]
pub struct TallyReport {
    pub waves: Vec<Wave>,
    pub dynamics: Vec<Dynamics>,
    /// Items «не с чем сравнить»: said everywhere, and a failure with `--fail-on-decline`.
    #[serde(rename = "not_comparable", skip_serializing_if = "Vec::is_empty")]
    pub incomparable: Vec<Incomparable>,
    pub findings: Vec<Finding>,
    /// With `--registry`: the registry as the latest wave measured it (cycle.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry: Option<RegistryBlock>,
    /// The smallest group (and item) whose figures and texts are shown (`--min-group`).
    pub min_group: u64,
    /// With `--registry`: the body's own Порядок, which the documents cite (documents.md).
    #[serde(skip)]
    pub procedure: Option<crate::registry::model::Procedure>,
    /// With `--registry`: the body the registry names.
    #[serde(skip)]
    pub organization: Option<String>,
}

impl TallyReport {
    pub fn declines(&self) -> impl Iterator<Item = &Dynamics> {
        self.dynamics
            .iter()
            .filter(|d| d.trend.is_significant_decline())
    }
}

/// The process and direction an item asks about (null when it links to none).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemLink {
    pub process: Option<String>,
    pub direction: Option<String>,
}

/// A touchpoint as the `registry` block shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TouchpointBrief {
    pub point: String,
    pub channel: Option<&'static str>,
    pub needs: Vec<&'static str>,
}

/// A process with the figures of the item that asks about it, in the latest wave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessResult {
    pub name: String,
    pub surveyed: bool,
    pub item: Option<String>,
    pub level: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub n: Option<u64>,
    pub delta_pp: Option<f64>,
    pub decline: Option<bool>,
    pub touchpoints: Vec<TouchpointBrief>,
}

/// A direction: its processes, and the answers to their items pooled (answers, not people:
/// one person answers several items), with the change since the previous wave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DirectionResult {
    pub name: String,
    /// How many items of the latest wave speak for its processes.
    pub items: usize,
    /// The pooled level: a description only, with no interval and no significance. One
    /// person's answers to several items are not independent (cycle.md).
    pub level: Option<f64>,
    /// Answers to those items, pooled (the level counts those with an opinion).
    pub n: Option<u64>,
    /// The change of the pooled level: a description only. One person's answers to several
    /// items are not independent, so no significance is claimed for a direction (cycle.md).
    pub delta_pp: Option<f64>,
    /// The items behind the level, and behind the change (asked and shown in both years).
    pub level_items: Vec<String>,
    pub change_items: Vec<String>,
    pub processes: Vec<ProcessResult>,
}

/// The registry as the latest wave measured it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegistryBlock {
    pub directions: Vec<DirectionResult>,
}

impl Figures {
    /// The figures of an item too small to show: only its number of answers stays.
    pub fn hidden_as_small(&mut self) {
        self.small = true;
        self.level = None;
        self.ci = None;
        self.mean = None;
        self.satisfied = 0;
        self.with_opinion = 0;
        for (_, count) in &mut self.counts.0 {
            *count = 0;
        }
        for (_, share) in &mut self.shares.0 {
            *share = 0.0;
        }
    }
}
