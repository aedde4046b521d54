//! The JSON a body sends: its survey tally (`survey tally --format json`, `tochki.survey/1`)
//! and its journal summary (`requests --format json`, `tochki.requests/1`). Only the figures
//! the roll-up shows are read (streamed: a journal's every request is skipped, never held); a
//! JSON of another version is refused with its version named.

use super::{AreaLevels, Change, Decline, JournalFigures, SurveyFigures, YearLevel};
use serde::Deserialize;

/// What one JSON file gave.
#[derive(Debug)]
pub enum Sent {
    Survey(SurveyFigures),
    Journal(JournalFigures),
}

#[derive(Deserialize)]
struct Whole {
    format: Option<String>,
    waves: Option<Vec<WaveIn>>,
    #[serde(default)]
    dynamics: Vec<DynamicsIn>,
    min_group: Option<u64>,
    as_of: Option<String>,
    summary: Option<SummaryIn>,
    bodies: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct WaveIn {
    label: String,
    respondents: u64,
    #[serde(default)]
    items: Vec<ItemIn>,
}

#[derive(Deserialize)]
struct ItemIn {
    label: String,
    n: u64,
    level: Option<f64>,
}

#[derive(Deserialize)]
struct DynamicsIn {
    item: String,
    from: String,
    to: String,
    delta_pp: f64,
    p_value: Option<f64>,
    significant: bool,
    decline: bool,
}

#[derive(Deserialize)]
struct SummaryIn {
    total: u64,
    on_time: u64,
    late: u64,
    overdue: u64,
}

const SURVEY: &str = crate::survey::report::FORMAT;
const JOURNAL: &str = crate::requests::FORMAT;

/// Reads one JSON file a body sent; the Err is the Russian reason it is refused.
pub fn read(path: &std::path::Path, min_group: u64) -> Result<Sent, String> {
    // A BOM (Notepad saves one) is skipped; the rest streams.
    let open = || {
        let mut reader = std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .map_err(|e| format!("не удалось открыть: {}", crate::text::io_reason(&e)))?;
        if std::io::BufRead::fill_buf(&mut reader)
            .map_err(|e| format!("не удалось прочитать: {}", crate::text::io_reason(&e)))?
            .starts_with(b"\xEF\xBB\xBF")
        {
            std::io::BufRead::consume(&mut reader, 3);
        }
        Ok::<_, String>(reader)
    };
    let whole: Whole = match serde_json::from_reader(open()?) {
        Ok(whole) => whole,
        Err(error) => return Err(unreadable(open()?, &error)),
    };
    match whole.format.as_deref() {
        Some(SURVEY) => survey(whole, min_group),
        Some(JOURNAL) => journal(whole),
        Some(super::FORMAT) => Err(
            "это свод региона, а не данные органа; прошлогодний свод указывают в --previous"
                .to_string(),
        ),
        Some(other) => Err(format!(
            "версия формата «{other}» не читается: программа читает «{SURVEY}» (итоги опроса) и «{JOURNAL}» (сводка журнала); попросите орган сформировать файл заново этой версией программы"
        )),
        None if whole.waves.is_some() => Err(format!(
            "итоги опроса без версии формата (записаны прежней версией программы или изменены вручную); попросите орган сформировать их заново: tochki survey tally … --format json (версия «{SURVEY}»)"
        )),
        None if whole.summary.is_some() => Err(format!(
            "сводка журнала без версии формата (записана прежней версией программы или изменена вручную); попросите орган сформировать её заново: tochki requests … --format json (версия «{JOURNAL}»)"
        )),
        None if whole.bodies.is_some() => {
            Err("свод региона прежней версии, а не данные органа".to_string())
        }
        None => Err(not_ours()),
    }
}

fn not_ours() -> String {
    "этот JSON записан не программой tochki; ожидаются итоги опроса (tochki survey tally … --format json) или сводка журнала (tochki requests … --format json)".to_string()
}

/// Why a JSON that did not read as a whole is refused: not JSON at all, or another version's
/// shape (named by its `format`), or a file changed by hand.
fn unreadable(reader: impl std::io::Read, error: &serde_json::Error) -> String {
    if error.is_syntax() || error.is_eof() || error.is_io() {
        return format!(
            "не JSON или файл обрезан ({}); возможно, это файл другого формата с расширением .json — попросите орган прислать файл заново",
            json_place(error)
        );
    }
    let version: Option<String> = serde_json::from_reader::<_, serde_json::Value>(reader)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_string));
    match version {
        Some(v) if v != SURVEY && v != JOURNAL => format!(
            "версия формата «{v}» не читается: программа читает «{SURVEY}» и «{JOURNAL}»; попросите орган сформировать файл заново этой версией программы"
        ),
        Some(v) => format!(
            "файл версии «{v}» прочитан не полностью ({}): похоже, его изменили вручную; попросите орган сформировать его заново",
            json_place(error)
        ),
        None => not_ours(),
    }
}

/// Where a JSON stopped reading, in Russian.
fn json_place(error: &serde_json::Error) -> String {
    format!("строка {}, позиция {}", error.line(), error.column())
}

/// The overall question of the body (`overall`) or of an area (`overall:hr`).
fn overall_area(label: &str) -> Option<Option<String>> {
    if label == "overall" {
        return Some(None);
    }
    label
        .strip_prefix("overall:")
        .map(|area| Some(area.to_string()))
}

/// A figure no tally writes (a level outside 0–100 %, more answers than questionnaires): the
/// file was changed by hand, and is refused rather than trusted.
fn impossible(waves: &[WaveIn], dynamics: &[DynamicsIn]) -> Option<String> {
    for wave in waves {
        for item in &wave.items {
            if item
                .level
                .is_some_and(|l| !(0.0..=100.0).contains(&l) || l.is_nan())
                || item.n > wave.respondents
            {
                return Some(format!(
                    "в итогах опроса невозможное значение (волна {}, вопрос «{}»: уровень {:?}, ответов {} при {} анкетах): файл изменён вручную? Попросите орган сформировать итоги заново",
                    wave.label, item.label, item.level, item.n, wave.respondents
                ));
            }
        }
    }
    dynamics
        .iter()
        .find(|d| !(-100.0..=100.0).contains(&d.delta_pp))
        .map(|d| {
            format!(
                "в итогах опроса невозможное изменение {} п. п. («{}»): файл изменён вручную?",
                d.delta_pp, d.item
            )
        })
}

fn survey(whole: Whole, own_min_group: u64) -> Result<Sent, String> {
    let waves = whole.waves.unwrap_or_default();
    if let Some(reason) = impossible(&waves, &whole.dynamics) {
        return Err(reason);
    }
    let min_group = own_min_group.max(whole.min_group.unwrap_or(0));
    let Some(latest) = waves.last() else {
        return Err("в итогах опроса нет ни одной волны (нет анкет)".to_string());
    };
    let shown = |label: &str| {
        waves
            .iter()
            .find(|w| w.label == label)
            .is_some_and(|w| w.respondents >= min_group)
    };
    let hidden = latest.respondents < min_group;
    let mut areas: Vec<Option<String>> = Vec::new();
    for wave in &waves {
        for item in &wave.items {
            if let Some(area) = overall_area(&item.label)
                && !areas.contains(&area)
            {
                areas.push(area);
            }
        }
    }
    let levels = areas
        .into_iter()
        .map(|area| {
            let label = area
                .as_ref()
                .map_or_else(|| "overall".to_string(), |a| format!("overall:{a}"));
            let years = waves
                .iter()
                .filter_map(|wave| {
                    let item = wave.items.iter().find(|i| i.label == label)?;
                    let visible = wave.respondents >= min_group;
                    Some(YearLevel {
                        label: wave.label.clone(),
                        level: if visible { item.level } else { None },
                        answers: visible.then_some(item.n),
                    })
                })
                .collect();
            let changes = whole
                .dynamics
                .iter()
                .filter(|d| d.item == label && shown(&d.from) && shown(&d.to))
                .map(|d| Change {
                    from: d.from.clone(),
                    to: d.to.clone(),
                    delta_pp: d.delta_pp,
                    p_value: d.p_value.unwrap_or(1.0),
                    significant: d.significant,
                    decline: d.decline,
                })
                .collect();
            AreaLevels {
                area,
                years,
                changes,
            }
        })
        .collect();
    let declines = declines(&whole.dynamics, &latest.label, &shown);
    Ok(Sent::Survey(SurveyFigures {
        file: String::new(),
        respondents: (!hidden).then_some(latest.respondents),
        hidden,
        levels,
        declines,
    }))
}

/// The items (processes, not the overall question) that fell significantly into the latest
/// wave, both waves shown.
fn declines(dynamics: &[DynamicsIn], latest: &str, shown: &dyn Fn(&str) -> bool) -> Vec<Decline> {
    dynamics
        .iter()
        .filter(|d| {
            d.decline
                && overall_area(&d.item).is_none()
                && d.to == latest
                && shown(&d.from)
                && shown(&d.to)
        })
        .map(|d| Decline {
            item: d.item.clone(),
            from: d.from.clone(),
            to: d.to.clone(),
            delta_pp: d.delta_pp,
        })
        .collect()
}

fn journal(whole: Whole) -> Result<Sent, String> {
    let (Some(as_of), Some(summary)) = (whole.as_of, whole.summary) else {
        return Err(
            "в сводке журнала нет даты проверки или итогов; попросите орган сформировать её заново: tochki requests … --format json"
                .to_string(),
        );
    };
    let decided = summary.on_time + summary.late + summary.overdue;
    if decided > summary.total || chrono::NaiveDate::parse_from_str(&as_of, "%Y-%m-%d").is_err() {
        return Err(format!(
            "в сводке журнала невозможные числа или дата (всего {}, в срок {}, позже срока {}, просрочено {}, на дату «{as_of}»): файл изменён вручную? Попросите орган сформировать сводку заново",
            summary.total, summary.on_time, summary.late, summary.overdue
        ));
    }
    Ok(Sent::Journal(JournalFigures {
        file: String::new(),
        as_of,
        total: summary.total,
        on_time: summary.on_time,
        late: summary.late,
        overdue: summary.overdue,
        share_on_time: (decided > 0).then(|| summary.on_time as f64 * 100.0 / decided as f64),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str, min_group: u64) -> Result<Sent, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, text).unwrap();
        read(&path, min_group)
    }

    #[test]
    fn another_version_is_refused_by_name() {
        let error = read_text(r#"{"format": "tochki.survey/2", "waves": 3}"#, 5).unwrap_err();
        assert!(error.contains("«tochki.survey/2»"), "{error}");
        let error = read_text(r#"{"format": "tochki.requests/0"}"#, 5).unwrap_err();
        assert!(error.contains("«tochki.requests/0»"), "{error}");
    }

    #[test]
    fn a_tally_without_a_version_is_asked_again() {
        let error = read_text(r#"{"waves": [], "dynamics": []}"#, 5).unwrap_err();
        assert!(error.contains("без версии"), "{error}");
    }

    #[test]
    fn figures_no_tally_writes_are_refused() {
        let text = r#"{"format": "tochki.survey/1", "waves": [{"label": "2025", "respondents": 3,
            "items": [{"label": "overall", "n": 3, "level": 150.0}]}], "dynamics": []}"#;
        let error = read_text(text, 5).unwrap_err();
        assert!(error.contains("изменён вручную"), "{error}");
        let text = r#"{"format": "tochki.requests/1", "as_of": "2025-05-14",
            "summary": {"total": 5, "on_time": 10, "late": 0, "overdue": 0}}"#;
        let error = read_text(text, 5).unwrap_err();
        assert!(error.contains("изменён вручную"), "{error}");
    }

    #[test]
    fn a_bom_is_skipped() {
        let text = "\u{feff}{\"format\": \"tochki.requests/1\", \"as_of\": \"2025-05-14\",
            \"summary\": {\"total\": 1, \"on_time\": 1, \"late\": 0, \"overdue\": 0}}";
        assert!(matches!(read_text(text, 5), Ok(Sent::Journal(_))));
    }

    #[test]
    fn not_json_is_said() {
        let error = read_text("PK\u{3}\u{4} not json", 5).unwrap_err();
        assert!(error.contains("не JSON"), "{error}");
    }

    #[test]
    fn a_small_latest_wave_shows_no_figure_and_no_change() {
        let text = r#"{"format": "tochki.survey/1", "min_group": 5,
            "waves": [
              {"label": "2024", "respondents": 40, "items": [{"label": "overall", "n": 40, "level": 80.0}]},
              {"label": "2025", "respondents": 3, "items": [{"label": "overall", "n": 3, "level": 33.3}]}],
            "dynamics": [{"item": "overall", "from": "2024", "to": "2025", "delta_pp": -46.7,
                          "p_value": 0.01, "significant": true, "decline": true},
                         {"item": "Командировки", "from": "2024", "to": "2025", "delta_pp": -40.0,
                          "p_value": 0.01, "significant": true, "decline": true}]}"#;
        let Ok(Sent::Survey(figures)) = read_text(text, 5) else {
            panic!("not a survey");
        };
        assert!(figures.hidden);
        assert_eq!(figures.respondents, None);
        assert_eq!(figures.levels[0].years[0].level, Some(80.0));
        assert_eq!(figures.levels[0].years[1].level, None);
        assert!(figures.levels[0].changes.is_empty());
        assert!(figures.declines.is_empty());
    }

    #[test]
    fn per_area_overall_questions_are_areas_and_the_latest_declines_are_kept() {
        let text = r#"{"format": "tochki.survey/1", "min_group": 5,
            "waves": [
              {"label": "2024", "respondents": 40, "items": [{"label": "overall:hr", "n": 40, "level": 80.0}]},
              {"label": "2025", "respondents": 30, "items": [{"label": "overall:hr", "n": 30, "level": 60.0}]}],
            "dynamics": [{"item": "overall:hr", "from": "2024", "to": "2025", "delta_pp": -20.0,
                          "p_value": 0.04, "significant": true, "decline": true},
                         {"item": "Отпуска", "from": "2024", "to": "2025", "delta_pp": -30.0,
                          "p_value": 0.01, "significant": true, "decline": true},
                         {"item": "Справки", "from": "2024", "to": "2025", "delta_pp": -3.0,
                          "p_value": 0.5, "significant": false, "decline": false}]}"#;
        let Ok(Sent::Survey(figures)) = read_text(text, 5) else {
            panic!("not a survey");
        };
        assert_eq!(figures.levels[0].area.as_deref(), Some("hr"));
        assert_eq!(figures.levels[0].changes[0].delta_pp, -20.0);
        assert_eq!(figures.declines.len(), 1);
        assert_eq!(figures.declines[0].item, "Отпуска");
        assert_eq!(figures.declines[0].delta_pp, -30.0);
        assert_eq!(figures.respondents, Some(30));
    }

    #[test]
    fn a_journal_summary_gives_its_share_on_time() {
        let text = r#"{"format": "tochki.requests/1", "as_of": "2025-05-14",
            "requests": [{"number": "1"}],
            "summary": {"total": 10, "on_time": 2, "late": 3, "overdue": 2, "due_soon": 2, "open": 1}}"#;
        let Ok(Sent::Journal(figures)) = read_text(text, 5) else {
            panic!("not a journal");
        };
        assert_eq!(figures.overdue, 2);
        assert_eq!(
            figures.share_on_time.map(|s| (s * 10.0).round()),
            Some(286.0)
        );
    }
}
