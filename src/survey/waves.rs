//! Which year each export is (survey.md «Which year»): a wave's dates are read from its
//! timestamps, waves are put in the order of their dates (never of the arguments), a year label
//! must agree with the dates, and the same answers given twice are refused.

use super::dates::AnswerDates;
use super::scan::ScannedExport;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One export to tally, with its label (a year).
#[derive(Debug, Clone)]
pub struct WaveInput {
    pub label: String,
    pub path: PathBuf,
}

impl WaveInput {
    /// `LABEL=FILE`, or a four-digit year in the file name, or the file name. An argument
    /// that is an existing path is a path, whatever `=` it holds (`part=2024.csv`, Hive-style
    /// folders `date=2025-01-01/export.csv`); to label such a file, write `2024=part=2024.csv`.
    pub fn parse(argument: &str) -> WaveInput {
        if !std::path::Path::new(argument).exists()
            && let Some((label, file)) = argument.split_once('=')
            && !label.is_empty()
            && !file.is_empty()
        {
            return WaveInput {
                label: label.to_string(),
                path: PathBuf::from(file),
            };
        }
        let path = PathBuf::from(argument);
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| argument.to_string());
        // A year in the file's name, else in its folder's (`2024/Ответы.csv`).
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let year = year_in(&name).or_else(|| year_in(&folder));
        WaveInput {
            label: year.unwrap_or(name),
            path,
        }
    }
}

/// A four-digit year standing alone in a name («опрос_2025», «2024»).
fn year_in(name: &str) -> Option<String> {
    name.as_bytes()
        .windows(4)
        .enumerate()
        .find(|(i, w)| {
            w.iter().all(u8::is_ascii_digit)
                && (w[0] == b'1' || w[0] == b'2')
                && !name.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
                && !(*i > 0 && name.as_bytes()[i - 1].is_ascii_digit())
        })
        .map(|(i, _)| name[i..i + 4].to_string())
}

/// A year written as a label («2024»).
fn year_of(label: &str) -> Option<i32> {
    (label.len() == 4 && label.bytes().all(|b| b.is_ascii_digit()))
        .then(|| label.parse().ok())
        .flatten()
}

/// Whether the label was written by the user or taken from a year in the file's name or
/// folder (both name the wave), not made up from the file name.
fn names_the_wave(input: &WaveInput) -> bool {
    let derived = WaveInput::parse(&input.path.to_string_lossy());
    input.label != derived.label || year_of(&input.label).is_some()
}

/// The waves in the order of their dates, each with its label: a label made up from a file's
/// name becomes the year of its answers; a year label that the dates contradict, two waves with
/// one label, the same file twice or two files with the same answers are refused.
pub fn order(
    mut waves: Vec<(WaveInput, ScannedExport)>,
) -> anyhow::Result<Vec<(WaveInput, ScannedExport)>> {
    for (_, scanned) in &mut waves {
        // Answers over more than half a year: perhaps the export still holds last year's.
        if let (Some(first), Some(last)) = (scanned.dates.first, scanned.dates.last)
            && (last - first).num_days() > 183
        {
            let note = format!(
                "ответы даны за {} дней ({}): возможно, в выгрузке ответы нескольких опросов — проверьте, что прошлогодние ответы удалены из формы",
                (last - first).num_days(),
                scanned.dates.russian().unwrap_or_default()
            );
            scanned.ledger.notes.push(note);
        }
    }
    if waves.len() < 2 {
        return Ok(waves);
    }
    for (input, scanned) in &mut waves {
        if !names_the_wave(input)
            && let Some(year) = scanned.dates.main_year()
        {
            input.label = year.to_string();
        }
    }
    for (input, scanned) in &waves {
        agrees(input, &scanned.dates)?;
    }
    refuse_twice(&waves)?;
    let dated = waves.iter().all(|(_, s)| s.dates.first.is_some());
    let years = waves.iter().all(|(i, _)| year_of(&i.label).is_some());
    if dated {
        waves.sort_by_key(|(_, s)| (s.dates.first, s.dates.last));
        apart_in_time(&waves)?;
        if years {
            in_order_of_dates(&waves)?;
        }
    } else if years {
        waves.sort_by_key(|(i, _)| year_of(&i.label));
    } else {
        // Neither dates nor years: the order of the arguments would decide which way a change
        // goes, and a decline could read as a rise. Refused with what decides it.
        let undated: Vec<String> = waves
            .iter()
            .filter(|(_, s)| s.dates.first.is_none())
            .map(|(i, _)| i.path.display().to_string())
            .collect();
        anyhow::bail!(
            "Не по чему упорядочить опросы: в {} нет дат ответов (отметок времени, которые читаются как даты), а метки — не годы; укажите год каждой выгрузки: ГОД=ФАЙЛ (например, 2024={} 2025=…)",
            undated.join(", "),
            undated.first().cloned().unwrap_or_default()
        );
    }
    Ok(waves)
}

/// Two waves whose answers' dates overlap are one survey twice (or one export holding the
/// other): refused.
fn apart_in_time(waves: &[(WaveInput, ScannedExport)]) -> anyhow::Result<()> {
    for pair in waves.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if let (Some(last), Some(first)) = (a.1.dates.last, b.1.dates.first)
            && last >= first
        {
            anyhow::bail!(
                "Опросы пересекаются по датам ответов: {} ({}) и {} ({}); годы сравнивают опросы разных периодов — проверьте, не одна ли это выгрузка или не содержит ли одна ответы другой",
                a.0.path.display(),
                a.1.dates.russian().unwrap_or_default(),
                b.0.path.display(),
                b.1.dates.russian().unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// A year label is the year of the answers or the year before it (the survey of 2024 held in
/// January 2025).
fn agrees(input: &WaveInput, dates: &AnswerDates) -> anyhow::Result<()> {
    let Some(label) = year_of(&input.label) else {
        return Ok(());
    };
    let outside: Vec<i32> = dates
        .years
        .keys()
        .copied()
        .filter(|y| *y != label && *y != label + 1)
        .collect();
    if outside.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "{}: метка «{}», а ответы даны {} (годы {}). Метка года — год ответов или предыдущий (опрос за {} год, проведённый в январе {}); исправьте метку (ГОД=ФАЙЛ) или проверьте, тот ли это файл",
        input.path.display(),
        input.label,
        dates.russian().unwrap_or_default(),
        dates
            .years
            .keys()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        label,
        label + 1
    )
}

/// Year labels must run in the order of the dates.
fn in_order_of_dates(waves: &[(WaveInput, ScannedExport)]) -> anyhow::Result<()> {
    for pair in waves.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if year_of(&a.0.label) >= year_of(&b.0.label) {
            anyhow::bail!(
                "Метки не идут в порядке дат ответов: «{}» ({}, {}) раньше «{}» ({}, {}); исправьте метки (ГОД=ФАЙЛ)",
                a.0.label,
                a.0.path.display(),
                a.1.dates.russian().unwrap_or_default(),
                b.0.label,
                b.0.path.display(),
                b.1.dates.russian().unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// Two waves with one label, one file given twice (or a byte-identical copy), or two files
/// with the same answers.
fn refuse_twice(waves: &[(WaveInput, ScannedExport)]) -> anyhow::Result<()> {
    for (i, (a, sa)) in waves.iter().enumerate() {
        for (b, sb) in &waves[i + 1..] {
            if same_bytes(&a.path, &b.path) {
                anyhow::bail!(
                    "{} и {} — один и тот же файл (байт в байт): сравнивать год с самим собой нельзя; укажите выгрузку другого года",
                    a.path.display(),
                    b.path.display()
                );
            }
            if fingerprint(sa) == fingerprint(sb) {
                anyhow::bail!(
                    "В {} и {} одни и те же ответы ({} анкет, те же даты и те же числа по каждому вопросу): похоже, это одна выгрузка, сохранённая дважды; укажите выгрузку другого года",
                    a.path.display(),
                    b.path.display(),
                    sa.respondents
                );
            }
            if a.label == b.label {
                anyhow::bail!(
                    "Две выгрузки с одной меткой «{}»: {} и {}; назовите волны годами: 2024=ФАЙЛ 2025=ФАЙЛ",
                    a.label,
                    a.path.display(),
                    b.path.display()
                );
            }
        }
    }
    Ok(())
}

/// What makes two exports the same answers: respondents, dates and every column's counts.
fn fingerprint(scanned: &ScannedExport) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    scanned.respondents.hash(&mut hasher);
    scanned.dates.first.hash(&mut hasher);
    scanned.dates.last.hash(&mut hasher);
    for tally in &scanned.tallies {
        tally.nonempty.hash(&mut hasher);
        tally.five.counts.hash(&mut hasher);
        tally.three.counts.hash(&mut hasher);
    }
    hasher.finish()
}

/// Whether two files hold the same bytes (one path given twice, or a copy): compared only when
/// their sizes agree, streamed.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    if size(a).is_none() || size(a) != size(b) {
        return false;
    }
    let digest = |p: &Path| -> Option<u64> {
        let mut file = std::fs::File::open(p).ok()?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let mut buffer = vec![0u8; 1 << 16];
        loop {
            let read = file.read(&mut buffer).ok()?;
            if read == 0 {
                break;
            }
            buffer[..read].hash(&mut hasher);
        }
        Some(hasher.finish())
    };
    digest(a).is_some() && digest(a) == digest(b)
}
