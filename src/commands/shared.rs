//! What several commands share: the colour decision and loading a registry that must be
//! readable. Commands use this module instead of reaching into each other.

use crate::cli::ColorChoice;
use crate::registry::{self, Loaded, Registry};
use anyhow::bail;
use std::io::IsTerminal;

/// Whether to colour stdout: a terminal without NO_COLOR, unless forced.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Loads a registry that must be readable as one, or explains why it is not.
pub fn load_readable(path: &std::path::Path) -> anyhow::Result<(Loaded, Registry)> {
    let mut loaded = registry::load_file(path)?;
    match loaded.registry.take() {
        Some(registry) => Ok((loaded, registry)),
        None => {
            name_other_table(path, &mut loaded.findings);
            let reasons: Vec<String> = loaded
                .findings
                .iter()
                .map(|f| {
                    let help = f
                        .help
                        .as_ref()
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_default();
                    format!(
                        "{}: {}{help}",
                        crate::render::findings::location(f),
                        f.message
                    )
                })
                .collect();
            bail!(
                "файл не читается как перечень (подробно: tochki check {}):\n  {}",
                path.display(),
                reasons.join("\n  ")
            )
        }
    }
}

/// Loads the registry that survey items and journal rows are linked to (`--registry`, `survey
/// init`): refused when it is not a registry (a survey definition given by mistake), has no
/// process, or names a process twice (R011): every link to such a name would be a guess.
pub fn load_for_linking(path: &std::path::Path) -> anyhow::Result<Registry> {
    let name = path.display().to_string();
    if name.ends_with(".survey.yaml") || name.ends_with(".survey.yml") {
        bail!(
            "{name} — описание анкеты, а не перечень: в --registry укажите файл перечня (YAML, DOCX или XLSX), а описание — в --survey"
        );
    }
    let (mut loaded, registry) = load_readable(path)?;
    if !registry.touchpoints().any(|_| true)
        && registry
            .directions
            .iter()
            .flatten()
            .all(|d| d.processes.iter().flatten().next().is_none())
    {
        bail!(
            "{name}: в перечне нет ни одного процесса — связывать не с чем; проверьте, что это файл перечня (tochki check {name})"
        );
    }
    loaded.registry = Some(registry);
    let twice: Vec<String> = crate::rules::check_loaded(&loaded)
        .into_iter()
        .filter(|f| f.code == "R011")
        .map(|f| {
            format!(
                "{}: R011 {}",
                crate::render::findings::location(&f),
                f.message
            )
        })
        .collect();
    if !twice.is_empty() {
        bail!(
            "{name}: в перечне процесс назван дважды — связь с таким названием была бы догадкой; исправьте перечень и запустите снова:\n  {}",
            twice.join("\n  ")
        );
    }
    Ok(loaded.registry.take().unwrap_or_default())
}

/// The account of every row after the result (import.md): its one-line summary and what the
/// reading noticed, as notes.
pub fn ledger_notes(file: &std::path::Path, ledger: &crate::input::Ledger) -> Vec<String> {
    if ledger.tables.is_empty() {
        return Vec::new();
    }
    let summary = ledger.summary(&crate::registry::import::LEDGER_WORDS);
    let mut notes = vec![format!(
        "{}: {summary}",
        file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().to_string()
        )
    )];
    notes.extend(ledger.notes());
    notes
}

/// Loads a readable registry and counts the errors `check` finds in it, so that a command
/// that shows the registry anyway can say the table is not fit for publishing yet.
pub fn load_counting_errors(path: &std::path::Path) -> anyhow::Result<(Registry, Vec<String>)> {
    let (mut loaded, registry) = load_readable(path)?;
    loaded.registry = Some(registry);
    let errors = crate::rules::check_loaded(&loaded)
        .iter()
        .filter(|f| f.severity == crate::diagnostic::Severity::Error)
        .count();
    let registry = loaded.registry.take().unwrap_or_default();
    let mut notes: Vec<String> = (errors > 0)
        .then(|| {
            format!(
                "в перечне {} {} {} (подробно: tochki check {})",
                path.display(),
                errors,
                crate::text::plural(errors, "ошибка", "ошибки", "ошибок"),
                path.display()
            )
        })
        .into_iter()
        .collect();
    // A table's account of every row, after the result (import.md).
    if let Some(places) = &loaded.places {
        notes.extend(ledger_notes(path, &places.ledger));
    }
    Ok((registry, notes))
}

/// «Записано: FILE (N строк)» after a result file is written; without a count when the file
/// has no rows to speak of.
pub fn written_note(
    out: &mut dyn std::io::Write,
    path: &std::path::Path,
    rows: Option<usize>,
) -> std::io::Result<()> {
    match rows {
        Some(rows) => writeln!(
            out,
            "Записано: {} ({rows} {})",
            path.display(),
            crate::text::plural(rows, "строка", "строки", "строк")
        ),
        None => writeln!(out, "Записано: {}", path.display()),
    }
}

/// The reading of a table the user chose: `--table`, `--sheet`, `--column`, `--organization`,
/// `--approved`.
pub fn table_options(
    args: &crate::cli::TableArgs,
) -> anyhow::Result<crate::registry::import::Options> {
    let mut columns = Vec::new();
    for mapping in &args.column {
        let Some((header, key)) = mapping.rsplit_once('=') else {
            bail!(
                "--column «{mapping}»: укажите заголовок и поле через «=», например --column \"Канал=point\""
            );
        };
        let Some(field) = crate::registry::import::Field::from_key(key.trim()) else {
            let keys: Vec<&str> = crate::registry::import::Field::ALL
                .iter()
                .map(|f| f.key())
                .collect();
            bail!(
                "--column «{mapping}»: поля «{}» нет; поля: {}",
                key.trim(),
                keys.join(", ")
            );
        };
        columns.push((header.trim().to_string(), field));
    }
    if let Some(act) = &args.approved {
        crate::registry::import::check_act(act).map_err(|message| anyhow::anyhow!("{message}"))?;
    }
    Ok(crate::registry::import::Options {
        table: args.table,
        sheet: args.sheet.clone(),
        columns,
        organization: args.organization.clone(),
        approved: args.approved.clone(),
    })
}

/// The tool's readers a table may belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Registry,
    Journal,
    Survey,
}

/// What a file a command could not read as its own is, said by the reader that does read it,
/// with that command: «похоже, это выгрузка анкеты: tochki survey tally ФАЙЛ». None when no
/// other reader takes it. Only called after a refusal, so the second reading costs nothing on
/// the way that works.
pub fn other_reader(path: &std::path::Path, not: Reader) -> Option<String> {
    let file = path.display();
    let readers = [Reader::Survey, Reader::Journal, Reader::Registry];
    readers
        .into_iter()
        .filter(|r| *r != not)
        .find(|r| reads(path, *r))
        .map(|reader| match reader {
            Reader::Survey => {
                format!("похоже, это выгрузка ответов анкеты: её читает tochki survey tally {file}")
            }
            Reader::Journal => {
                format!("похоже, это журнал обращений: его читает tochki requests {file}")
            }
            Reader::Registry => {
                format!("похоже, это перечень точек взаимодействия: его читает tochki check {file}")
            }
        })
}

/// Whether `reader` reads `path` as its own: a registry with a touchpoint, a journal its
/// reader calls readable, an export with a question on a scale.
fn reads(path: &std::path::Path, reader: Reader) -> bool {
    let table = crate::input::Kind::of(path).is_some();
    match reader {
        Reader::Registry => registry::load_file(path).is_ok_and(|loaded| {
            loaded.findings.iter().all(|f| f.code != "I001")
                && loaded
                    .registry
                    .as_ref()
                    .is_some_and(|r| r.touchpoints().next().is_some())
        }),
        Reader::Journal if table => {
            let calendar = crate::calendar::Calendar::russian();
            let judge =
                crate::requests::journal::Judge::new(calendar, chrono::Local::now().date_naive());
            crate::requests::file::read_journal(path, 0, &judge, &mut |_| {})
                .is_ok_and(|j| j.readable)
        }
        Reader::Survey if table => {
            struct Quiet;
            impl crate::input::records::ReadProgress for Quiet {}
            let config =
                crate::survey::TallyConfig::new(crate::input::records::ReadOptions::default(), 5);
            let wave = crate::survey::WaveInput::parse(&path.to_string_lossy());
            crate::survey::pipeline::run(&[wave], &config, None, &Quiet)
                .is_ok_and(|report| report.waves.iter().any(|w| !w.items.is_empty()))
        }
        _ => false,
    }
}

/// A registry's findings with I001 («no column of points») told what the table is when another
/// reader takes it: a survey export given to `check` is sent to `survey tally`.
pub fn name_other_table(path: &std::path::Path, findings: &mut [crate::diagnostic::Finding]) {
    let Some(finding) = findings.iter_mut().find(|f| f.code == "I001") else {
        return;
    };
    if let Some(hint) = other_reader(path, Reader::Registry) {
        finding.help = Some(crate::text::capitalize(&hint));
    }
}
