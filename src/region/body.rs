//! One body's folder read: `body.yaml` (name, short name, areas), each registry through the
//! same loader and rules as `check`, each JSON through `sent`; a raw answer export or journal
//! refused with the advice to send the JSON instead; any other file listed as not used. Every
//! file gets a place in the body: figures, a refusal or a note.

use super::{Body, FileNote, Options, Publication, RegistryFigures, State, folders, sent};
use crate::registry::model::{Text, parse_date};
use std::path::Path;

/// What `body.yaml` may say.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    name: Option<String>,
    short: Option<String>,
    #[serde(default)]
    areas: AreasIn,
}

#[derive(serde::Deserialize, Default)]
#[serde(untagged)]
enum AreasIn {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

/// Reads one body's folder; never fails: what cannot be read is said in the body.
pub fn read(folder: &Path, options: &Options) -> Body {
    let folder_name = folder.file_name().map_or_else(
        || folder.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    let mut body = Body {
        name: folder_name,
        full_name: None,
        folder: folder.display().to_string(),
        state: State::NoData,
        areas: Vec::new(),
        registries: Vec::new(),
        surveys: Vec::new(),
        journals: Vec::new(),
        problems: Vec::new(),
        skipped: Vec::new(),
        previous: None,
    };
    let (files, subfolders) = match folders::files_of(folder) {
        Ok(found) => found,
        Err(error) => {
            body.problems.push(FileNote {
                file: body.folder.clone(),
                message: error.to_string(),
            });
            return body;
        }
    };
    for subfolder in subfolders {
        body.skipped.push(FileNote {
            file: subfolder.display().to_string(),
            message:
                "вложенная папка (архив?): в свод не входит — свод читает файлы самой папки органа"
                    .to_string(),
        });
    }
    // A file sent twice (a copy «… (1).json») would count twice: the copy is refused.
    let mut seen: std::collections::HashMap<u64, String> = std::collections::HashMap::new();
    for path in files {
        if let Ok(bytes) = std::fs::read(&path) {
            let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
            if let Some(first) = seen.get(&hash) {
                body.problems.push(FileNote {
                    file: path.display().to_string(),
                    message: format!("копия файла {first}: не учтена второй раз"),
                });
                continue;
            }
            seen.insert(hash, path.display().to_string());
        }
        read_file(&path, options, &mut body);
    }
    if !(body.registries.is_empty() && body.surveys.is_empty() && body.journals.is_empty()) {
        body.state = State::Read;
    }
    body
}

/// One file of a body's folder, into its place in `body`.
fn read_file(path: &Path, options: &Options, body: &mut Body) {
    let file = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let refuse = |body: &mut Body, message: String| {
        body.problems.push(FileNote {
            file: file.clone(),
            message,
        });
    };
    if name == "body.yaml" || name == "body.yml" {
        if let Err(message) = read_body_file(path, body) {
            refuse(body, message);
        }
        return;
    }
    if name.ends_with(".survey.yaml") || name.ends_with(".survey.yml") {
        body.skipped.push(FileNote {
            file,
            message: "описание анкеты: в свод не входит (координатору нужны итоги опроса в JSON)"
                .to_string(),
        });
        return;
    }
    if extension == "json" {
        match sent::read(path, options.min_group) {
            Ok(sent::Sent::Survey(mut figures)) => {
                figures.file = file;
                body.surveys.push(figures);
            }
            Ok(sent::Sent::Journal(mut figures)) => {
                figures.file = file;
                body.journals.push(figures);
            }
            Err(message) => refuse(body, message),
        }
        return;
    }
    if extension == "yaml" || extension == "yml" || crate::input::Kind::of(path).is_some() {
        match registry(path) {
            Ok(figures) => body.registries.push(figures),
            Err(message) => refuse(body, message),
        }
        return;
    }
    body.skipped.push(FileNote {
        file,
        message: "не используется в своде: свод читает перечни (.yaml, .docx, .odt, .xlsx, .ods), итоги опроса и сводку журнала (.json)".to_string(),
    });
}

fn read_body_file(path: &Path, body: &mut Body) -> Result<(), String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("не удалось прочитать: {}", crate::text::io_reason(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "не в кодировке UTF-8; сохраните body.yaml в UTF-8".to_string())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let parsed: BodyFile = serde_yaml::from_str(text).map_err(|e| {
        let place = e
            .location()
            .map_or_else(String::new, |l| format!("строка {}: ", l.line()));
        let what = if e.to_string().contains("unknown field") {
            "в body.yaml бывают только name, short и areas"
        } else {
            "не разметка YAML (кавычки, скобки, отступы пробелами)"
        };
        format!(
            "{place}{what}; пример: «name: Министерство финансов», «short: Минфин», «areas: [бухгалтерский учет, кадровая политика]» — каждое с новой строки"
        )
    })?;
    let clean = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let (name, short) = (clean(parsed.name), clean(parsed.short));
    if let Some(shown) = short.clone().or_else(|| name.clone()) {
        body.name = shown;
    }
    body.full_name = name;
    let given = match parsed.areas {
        AreasIn::None => Vec::new(),
        AreasIn::One(area) => vec![area],
        AreasIn::Many(areas) => areas,
    };
    body.areas.clear();
    for area in given {
        let wanted = crate::text::normalize(&area);
        // A code (accounting) or its Russian name (бухгалтерский учет), any case, «ё».
        let Some((code, _)) = crate::registry::model::AREAS
            .iter()
            .find(|(code, name)| *code == area.trim() || crate::text::normalize(name) == wanted)
        else {
            let names: Vec<String> = crate::registry::model::AREAS
                .iter()
                .map(|(code, name)| format!("{name} ({code})"))
                .collect();
            return Err(format!(
                "в body.yaml области «{area}» нет; области: {}",
                names.join(", ")
            ));
        };
        body.areas.push((*code).to_string());
    }
    Ok(())
}

/// A registry's findings counted as `check` counts them: by level and by rule.
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
    by_rule: std::collections::BTreeMap<String, usize>,
    error_rules: std::collections::BTreeMap<String, usize>,
}

impl Counts {
    fn of(findings: &[crate::diagnostic::Finding]) -> Counts {
        let mut counts = Counts {
            errors: 0,
            warnings: 0,
            notes: 0,
            by_rule: std::collections::BTreeMap::new(),
            error_rules: std::collections::BTreeMap::new(),
        };
        for finding in findings {
            *counts.by_rule.entry(finding.code.to_string()).or_insert(0) += 1;
            match finding.severity {
                crate::diagnostic::Severity::Error => {
                    counts.errors += 1;
                    *counts
                        .error_rules
                        .entry(finding.code.to_string())
                        .or_insert(0) += 1;
                }
                crate::diagnostic::Severity::Warning => counts.warnings += 1,
                crate::diagnostic::Severity::Info => counts.notes += 1,
            }
        }
        counts
    }
}

/// A registry's figures, from the findings `check` gives for the same file; the Err says why
/// the file is no registry (a raw export or journal is refused with the advice to send JSON).
fn registry(path: &Path) -> Result<RegistryFigures, String> {
    let shown = path.display().to_string();
    let loaded = crate::registry::load_file(path).map_err(|e| {
        // The file is named beside the message already.
        let message = e.to_string();
        message
            .strip_prefix(&format!("{shown}: "))
            .map_or(message.clone(), str::to_string)
    })?;
    let table = crate::input::Kind::of(path).is_some();
    if table && loaded.registry.is_none() && loaded.findings.iter().any(|f| f.code == "I001") {
        return Err(raw_advice(path));
    }
    let calendar = crate::calendar::Calendar::russian();
    let findings = crate::rules::check_loaded_on(&loaded, calendar, |_| true);
    let counts = Counts::of(&findings);
    let mut figures = RegistryFigures {
        file: loaded.file.clone(),
        areas: Vec::new(),
        act: None,
        approved: None,
        published: None,
        publication: Publication::Unknown,
        touchpoints: 0,
        digital_share: None,
        needs_covered: 0,
        needs_total: 0,
        errors: counts.errors,
        warnings: counts.warnings,
        notes: counts.notes,
        by_rule: counts.by_rule,
        error_rules: counts.error_rules,
    };
    let Some(registry) = &loaded.registry else {
        return Ok(figures);
    };
    figures.areas = registry
        .areas
        .as_ref()
        .map(|a| {
            a.as_slice()
                .iter()
                .map(|t| t.as_str().trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let approved = registry.approved.as_ref();
    figures.act = approved
        .and_then(|a| Text::non_blank(&a.act))
        .map(str::to_string);
    let approved_on = approved
        .and_then(|a| Text::non_blank(&a.date))
        .and_then(parse_date);
    let published_on = Text::non_blank(&registry.published).and_then(parse_date);
    figures.approved = approved_on.map(|d| d.to_string());
    figures.published = published_on.map(|d| d.to_string());
    figures.publication = match (approved_on, published_on) {
        (None, _) => Publication::NotApproved,
        (Some(_), None) if table => Publication::NotStated,
        (Some(_), None) => Publication::NotPublished,
        _ if findings.iter().any(|f| f.code == "R015") => Publication::Late,
        _ => Publication::OnTime,
    };
    let stats = crate::registry::stats::Stats::of(registry);
    figures.touchpoints = stats.touchpoints;
    figures.digital_share = stats.digital_share;
    figures.needs_total = stats.needs.len();
    figures.needs_covered = stats
        .needs
        .iter()
        .filter(|n| n.digital + n.offline > 0)
        .count();
    Ok(figures)
}

/// Why a table that is no registry is refused: answers and journals stay with the body.
fn raw_advice(path: &Path) -> String {
    let calendar = crate::calendar::Calendar::russian();
    let judge = crate::requests::journal::Judge::new(calendar, chrono::Local::now().date_naive());
    let journal =
        crate::requests::file::read_journal(path, 0, &judge, &mut |_| {}).is_ok_and(|j| j.readable);
    if journal {
        "это журнал обращений, а не перечень: журнал с именами заявителей остаётся в органе (Смоленск 5.2); пришлите координатору сводку: tochki requests ЖУРНАЛ --format json -o обращения.json".to_string()
    } else {
        "это не перечень (нет графы «Точка взаимодействия»): похоже на выгрузку ответов анкеты; ответы остаются в органе (опрос анонимный, Смоленск 5.2) — пришлите координатору итоги: tochki survey tally ВЫГРУЗКИ --format json -o итоги.json".to_string()
    }
}

/// The key two names of one body share: the same words whatever the case, «ё» and spacing.
fn body_key(name: &str) -> String {
    name.to_lowercase()
        .replace('ё', "е")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are one body's.
pub fn same_body(a: &str, b: &str) -> bool {
    body_key(a) == body_key(b)
}

/// Two folders naming one body (by its shown or its full name): both are refused (which one is
/// right only the region knows), and said; the rest of the region is rolled up. One map of
/// keys: linear in the number of bodies.
pub fn refuse_duplicates(bodies: &mut [Body]) {
    let mut folders_of: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, body) in bodies.iter().enumerate() {
        let mut keys = vec![body_key(&body.name)];
        if let Some(full) = &body.full_name {
            keys.push(body_key(full));
        }
        keys.dedup();
        for key in keys {
            folders_of.entry(key).or_default().push(i);
        }
    }
    let mut twins: Vec<Vec<usize>> = vec![Vec::new(); bodies.len()];
    for indices in folders_of.values().filter(|v| v.len() > 1) {
        for &i in indices {
            twins[i].extend(indices.iter().filter(|&&j| j != i));
        }
    }
    let folders: Vec<String> = bodies.iter().map(|b| b.folder.clone()).collect();
    for (body, mut others) in bodies.iter_mut().zip(twins) {
        if others.is_empty() {
            continue;
        }
        others.sort_unstable();
        others.dedup();
        let named: Vec<&str> = others.iter().map(|&j| folders[j].as_str()).collect();
        body.state = State::Refused;
        body.problems.push(FileNote {
            file: body.folder.clone(),
            message: format!(
                "этот же орган («{}») назван и в папке {}: в свод не включён ни один — оставьте одну папку органа или назовите их по-разному в body.yaml",
                body.name,
                named.join(", ")
            ),
        });
    }
}
