//! The region's roll-up (region.md): every body side by side, for the body that coordinates
//! client-centricity. Each body sends a folder: its registries (read by the same reader and
//! rules as `check`), its survey tally and its journal summary as the JSON `survey tally` and
//! `requests` write. Raw answers and journals are refused: the coordinator never holds a
//! respondent's row or a correspondent's name (Smolensk 5.2).
//!
//! `folders` finds the bodies, `body` reads one, `sent` reads the JSON a body sends, `attention`
//! says what needs the coordinator's attention. The model here is what `render::region` writes
//! and what `--previous` reads back next year.

pub mod attention;
pub mod body;
pub mod folders;
pub mod sent;

use serde::{Deserialize, Serialize};

/// The version of the roll-up's JSON, its first key; `--previous` refuses any other by name.
pub const FORMAT: &str = "tochki.region/1";

/// The whole roll-up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rollup {
    pub format: String,
    /// The day it was made (ISO), the day «overdue now» of each journal is read against.
    pub made: String,
    /// The smallest number of questionnaires whose figures are shown.
    pub min_group: u64,
    /// The previous roll-up compared with (its date), with `--previous`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// What needs attention, body by body, in the order of the bodies.
    pub attention: Vec<attention::Attention>,
    pub bodies: Vec<Body>,
    /// Files lying in a region's folder beside the bodies' folders: listed, not read.
    #[serde(default)]
    pub loose: Vec<FileNote>,
    /// Bodies of the previous roll-up that this one does not have.
    #[serde(default)]
    pub missing: Vec<String>,
}

/// How a body's folder was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Something was read.
    Read,
    /// Nothing recognisable: listed as «нет данных», never dropped.
    NoData,
    /// Not rolled up: two folders name this body.
    Refused,
}

/// One body (орган) and what its folder gave.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Body {
    /// The name the roll-up shows: `body.yaml`'s `short`, else its `name`, else the folder's.
    pub name: String,
    /// The full name (`body.yaml`'s `name`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    pub folder: String,
    pub state: State,
    /// The areas `body.yaml` declares (codes).
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub registries: Vec<RegistryFigures>,
    #[serde(default)]
    pub surveys: Vec<SurveyFigures>,
    #[serde(default)]
    pub journals: Vec<JournalFigures>,
    /// Files refused (a raw export, another version, not what the extension says).
    #[serde(default)]
    pub problems: Vec<FileNote>,
    /// Files the roll-up does not use (the order as PDF, a survey definition).
    #[serde(default)]
    pub skipped: Vec<FileNote>,
    /// The same body in the previous roll-up (`--previous`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
}

/// A file and what was said about it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileNote {
    pub file: String,
    pub message: String,
}

/// Whether the approved version is on the site in time (Lipetsk 3.1, R015).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Publication {
    /// Within 5 working days of approval.
    OnTime,
    /// Later (R015).
    Late,
    /// Approved, no date of publication.
    NotPublished,
    /// Read from the appendix (a table), which does not say when it was published.
    NotStated,
    /// No date of approval.
    NotApproved,
    /// The file could not be read as a registry.
    Unknown,
}

impl Publication {
    pub fn russian(self) -> &'static str {
        match self {
            Publication::OnTime => "размещён в срок",
            Publication::Late => "размещён позже 5 рабочих дней",
            Publication::NotPublished => "не размещён",
            Publication::NotStated => "дата размещения не указана",
            Publication::NotApproved => "не утверждён",
            Publication::Unknown => "не прочитан",
        }
    }
}

/// A registry's figures: the same findings `check` gives for the same file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegistryFigures {
    pub file: String,
    /// The areas the registry names (codes: accounting, hr, it, admin).
    pub areas: Vec<String>,
    pub act: Option<String>,
    /// ISO dates.
    pub approved: Option<String>,
    pub published: Option<String>,
    pub publication: Publication,
    pub touchpoints: usize,
    /// Percent of touchpoints of a known kind that are digital.
    pub digital_share: Option<f64>,
    /// Needs of the registry's catalogue that some touchpoint meets, of all in it.
    pub needs_covered: usize,
    pub needs_total: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Findings of the lowest level (замечания), as `check` counts them apart.
    #[serde(default)]
    pub notes: usize,
    /// Findings by rule code.
    pub by_rule: std::collections::BTreeMap<String, usize>,
    /// The codes of the errors alone, with their counts.
    #[serde(default)]
    pub error_rules: std::collections::BTreeMap<String, usize>,
}

/// A survey tally's figures for the coordinator.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SurveyFigures {
    pub file: String,
    /// Questionnaires of the latest wave; None when fewer than the minimum group.
    pub respondents: Option<u64>,
    /// Fewer questionnaires in the latest wave than the minimum group: no figure is shown.
    pub hidden: bool,
    /// The overall question, for the whole body (`area` None) or per area.
    pub levels: Vec<AreaLevels>,
    /// Items (processes) whose level fell significantly in the latest change.
    pub declines: Vec<Decline>,
}

/// An item whose level fell significantly: its name and the change.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Decline {
    pub item: String,
    pub from: String,
    pub to: String,
    pub delta_pp: f64,
}

/// The overall level of one area (or of the body) in each year, and each change.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AreaLevels {
    /// An area code, or None for the body's overall question.
    pub area: Option<String>,
    pub years: Vec<YearLevel>,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct YearLevel {
    pub label: String,
    /// None when the wave had fewer questionnaires than the minimum group, or none answered.
    pub level: Option<f64>,
    /// Answers to the question; None when hidden.
    pub answers: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Change {
    pub from: String,
    pub to: String,
    pub delta_pp: f64,
    pub p_value: f64,
    pub significant: bool,
    pub decline: bool,
}

/// A journal summary's figures.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JournalFigures {
    pub file: String,
    /// The day the body's summary was made (ISO): «overdue now» is as of it.
    pub as_of: String,
    pub total: u64,
    pub on_time: u64,
    pub late: u64,
    pub overdue: u64,
    /// Percent answered on time among those answered or overdue.
    pub share_on_time: Option<f64>,
}

/// A body's figures in the previous roll-up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Previous {
    pub made: String,
    pub level: Option<f64>,
    pub errors: usize,
    pub overdue: u64,
    pub share_on_time: Option<f64>,
}

impl Body {
    /// The body's overall level in its latest year, when shown: the overall question of the
    /// first survey that asks one.
    pub fn level(&self) -> Option<f64> {
        self.surveys
            .iter()
            .filter(|s| !s.hidden)
            .flat_map(|s| s.levels.iter())
            .find(|l| l.area.is_none())
            .and_then(|l| l.years.last())
            .and_then(|y| y.level)
    }

    pub fn errors(&self) -> usize {
        self.registries.iter().map(|r| r.errors).sum()
    }

    pub fn overdue(&self) -> u64 {
        self.journals.iter().map(|j| j.overdue).sum()
    }

    /// On time among those answered or overdue, over every journal summary.
    pub fn share_on_time(&self) -> Option<f64> {
        let on_time: u64 = self.journals.iter().map(|j| j.on_time).sum();
        let decided: u64 = self
            .journals
            .iter()
            .map(|j| j.on_time + j.late + j.overdue)
            .sum();
        (decided > 0).then(|| on_time as f64 * 100.0 / decided as f64)
    }

    /// The figures `--previous` keeps of this body.
    pub fn as_previous(&self, made: &str) -> Previous {
        Previous {
            made: made.to_string(),
            level: self.level(),
            errors: self.errors(),
            overdue: self.overdue(),
            share_on_time: self.share_on_time(),
        }
    }
}

/// The Russian name of an area code; an unknown code as written.
pub fn area_name(code: &str) -> String {
    crate::registry::model::AREAS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, name)| (*name).to_string())
}

/// Rolls up the bodies found in `paths` (each a body's folder, or a folder of bodies' folders).
pub fn roll_up(paths: &[std::path::PathBuf], options: &Options) -> anyhow::Result<Rollup> {
    let (found, loose) = folders::bodies(paths)?;
    let mut bodies = read_all(&found, options);
    body::refuse_duplicates(&mut bodies);
    let mut missing = Vec::new();
    if let Some(previous) = &options.previous {
        for body in &mut bodies {
            body.previous = previous
                .bodies
                .iter()
                .find(|p| p.state == State::Read && body::same_body(&p.name, &body.name))
                .map(|p| p.as_previous(&previous.made));
        }
        missing = previous
            .bodies
            .iter()
            .filter(|p| !bodies.iter().any(|b| body::same_body(&p.name, &b.name)))
            .map(|p| p.name.clone())
            .collect();
    }
    let made = options.made.format("%Y-%m-%d").to_string();
    let loose = loose
        .into_iter()
        .map(|file| FileNote {
            file: file.display().to_string(),
            message: "лежит в папке региона рядом с папками органов: в свод не входит (данные органа кладут в его папку)".to_string(),
        })
        .collect();
    Ok(Rollup {
        format: FORMAT.to_string(),
        previous: options.previous.as_ref().map(|p| p.made.clone()),
        attention: attention::of(&bodies, &missing, options),
        made,
        min_group: options.min_group,
        bodies,
        loose,
        missing,
    })
}

/// Every body's folder read, in order, on as many threads as the machine has cores (each body
/// is read alone: its registries, its JSON).
fn read_all(found: &[std::path::PathBuf], options: &Options) -> Vec<Body> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 8);
    if threads == 1 || found.len() < 16 {
        return found.iter().map(|f| body::read(f, options)).collect();
    }
    let chunk = found.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = found
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|f| body::read(f, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// How the roll-up is made.
#[derive(Debug)]
pub struct Options {
    pub min_group: u64,
    /// Last year's roll-up (`--previous`).
    pub previous: Option<Rollup>,
    /// Today.
    pub made: chrono::NaiveDate,
}

/// Reads last year's roll-up for `--previous`: its format version must be this one.
pub fn read_previous(path: &std::path::Path) -> anyhow::Result<Rollup> {
    let shown = path.display();
    if path.is_dir() {
        anyhow::bail!(
            "--previous {shown}: это папка; укажите файл свода прошлого года (tochki region … --format json -o свод.json)"
        );
    }
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("--previous {shown}: {}", crate::text::io_reason(&e)))?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let value: serde_json::Value = serde_json::from_slice(text).map_err(|e| {
        anyhow::anyhow!(
            "--previous {shown}: не JSON или файл обрезан (строка {}, позиция {}); укажите свод прошлого года, записанный командой tochki region --format json",
            e.line(),
            e.column()
        )
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) if !other.starts_with("tochki.region/") => anyhow::bail!(
            "--previous {shown}: это не свод региона, а файл формата «{other}»; укажите свод прошлого года, записанный командой tochki region --format json"
        ),
        Some(other) => anyhow::bail!(
            "--previous {shown}: версия формата «{other}», а программа читает «{FORMAT}»; сформируйте свод прошлого года этой версией программы (tochki region … --format json)"
        ),
        None => anyhow::bail!(
            "--previous {shown}: это не свод региона (нет ключа format: «{FORMAT}»); укажите файл, записанный командой tochki region --format json"
        ),
    }
    serde_json::from_value(value).map_err(|_| {
        anyhow::anyhow!(
            "--previous {shown}: в своде не те значения (файл изменён вручную?); сформируйте его заново командой tochki region --format json"
        )
    })
}
