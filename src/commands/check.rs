//! `tochki check PATH...`: validate registries against the procedure's rules.

use crate::cli::{CheckArgs, FindingsFormat};
use crate::diagnostic::{Finding, sort_findings};
use crate::progress::Progress;
use crate::registry;
use crate::render::findings::{self as render, SourceFiles};
use crate::rules;
use anyhow::bail;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The validated configuration of one `check` run.
struct Config {
    files: Vec<PathBuf>,
    /// Bodies' folders of a region's roll-up (a `body.yaml` in them) met below a folder given.
    bodies: Vec<PathBuf>,
    ignore: Vec<&'static str>,
    strict: bool,
    format: FindingsFormat,
    color: bool,
}

impl Config {
    fn from_args(args: &CheckArgs) -> anyhow::Result<Config> {
        let mut ignore = Vec::new();
        for code in &args.ignore {
            for code in code.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match crate::catalog::find(code) {
                    Some(rule) => ignore.push(rule.code),
                    None => bail!("--ignore {code}: нет такого правила (список: tochki rules)"),
                }
            }
        }
        let mut files = Vec::new();
        let mut bodies = Vec::new();
        for path in &args.paths {
            collect_files(path, &mut files, &mut bodies)?;
        }
        Ok(Config {
            files,
            bodies,
            ignore,
            strict: args.strict,
            format: args.format,
            color: super::shared::use_color(args.color),
        })
    }
}

/// A file as given, or every `*.yaml`/`*.yml` below a folder, in name order. A folder below it
/// that holds `body.yaml` is a body's folder of a region's roll-up (`tochki region`): left out
/// and listed in `bodies` (named itself, it is checked, `body.yaml` aside).
pub fn collect_files(
    path: &Path,
    files: &mut Vec<PathBuf>,
    bodies: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow::anyhow!(
            "нет файла или папки {} (проверьте имя и путь)",
            path.display()
        ),
        _ => anyhow::anyhow!(
            "не удалось открыть {}: {}",
            path.display(),
            crate::text::io_reason(&e)
        ),
    })?;
    // A pipe or a device is a file to the readers (which refuse it without opening it); a
    // folder named like a document is said to be one.
    if !metadata.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    if crate::input::Kind::of(path).is_some() {
        anyhow::bail!(
            "{} — это папка, а не документ; укажите файл .docx, .xlsx или .csv",
            path.display()
        );
    }
    let mut found = Vec::new();
    let mut pending = vec![path.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let unreadable = |e: std::io::Error| {
            anyhow::anyhow!(
                "не удалось прочитать папку {}: {}",
                dir.display(),
                crate::text::io_reason(&e)
            )
        };
        let entries = std::fs::read_dir(&dir).map_err(unreadable)?;
        for entry in entries {
            let entry_path = entry.map_err(unreadable)?.path();
            if entry_path.is_dir() {
                if entry_path.join("body.yaml").is_file() {
                    bodies.push(entry_path);
                } else {
                    pending.push(entry_path);
                }
            } else if entry_path
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml")
                && !is_survey_definition(&entry_path)
                && !is_body_card(&entry_path)
            {
                found.push(entry_path);
            }
        }
    }
    if found.is_empty() {
        bail!("в папке {} нет файлов *.yaml или *.yml", path.display());
    }
    found.sort();
    files.extend(found);
    Ok(())
}

/// The note that bodies' folders were left to `tochki region`.
fn bodies_note(bodies: &mut [PathBuf]) -> Option<String> {
    if bodies.is_empty() {
        return None;
    }
    bodies.sort();
    let shown: Vec<String> = bodies.iter().map(|b| b.display().to_string()).collect();
    Some(format!(
        "папки органов для свода по региону (с body.yaml) не проверялись: {} — их проверяет tochki region, или укажите папку органа саму",
        shown.join(", ")
    ))
}

/// A body's card for the region's roll-up (`body.yaml`): no registry.
fn is_body_card(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("body.yaml") || n.eq_ignore_ascii_case("body.yml"))
}

/// Survey definitions are named `*.survey.yaml`: a folder's check leaves them out (a file named
/// on the command line is checked whatever its name).
fn is_survey_definition(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".survey.yaml") || n.ends_with(".survey.yml"))
}

pub fn run(args: &CheckArgs, out: &mut dyn Write) -> anyhow::Result<crate::exit::Outcome> {
    let mut config = Config::from_args(args)?;
    let mut findings: Vec<Finding> = Vec::new();
    let mut sources = SourceFiles::default();
    // A table's account of every row (import.md): a note after the result, whole in JSON.
    let mut notes = Vec::new();
    let mut ledgers = Vec::new();
    let total: u64 = config
        .files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let progress = Progress::new(total, "Проверка", config.format != FindingsFormat::Text);
    let mut done = 0;
    let calendar = match &args.calendar {
        Some(path) => std::borrow::Cow::Owned(crate::calendar::Calendar::with_file(path)?),
        None => std::borrow::Cow::Borrowed(crate::calendar::Calendar::russian()),
    };
    let table = super::shared::table_options(&args.table)?;
    let given = args.table.table.is_some()
        || args.table.sheet.is_some()
        || !args.table.column.is_empty()
        || args.table.organization.is_some()
        || args.table.approved.is_some();
    if given
        && !config
            .files
            .iter()
            .any(|f| crate::input::Kind::of(f).is_some())
    {
        bail!(
            "--table, --sheet, --column, --organization и --approved относятся к таблицам (.docx, .xlsx, .csv); в перечне YAML организацию и акт утверждения пишут в самом файле (organization:, approved:)"
        );
    }
    for file in &config.files {
        let mut loaded = if crate::input::Kind::of(file).is_some() {
            registry::load::load_table(file, &table)?
        } else {
            registry::load_file(file)?
        };
        super::shared::name_other_table(file, &mut loaded.findings);
        findings.extend(rules::check_loaded_on(&loaded, &calendar, |_| true));
        if let Some(places) = &loaded.places {
            notes.extend(super::shared::ledger_notes(file, &places.ledger));
            ledgers.push(render::FileLedger {
                file: loaded.file.clone(),
                ledger: places.ledger.clone(),
            });
        }
        done += loaded.text.len() as u64;
        sources.add(&loaded.file, loaded.text);
        progress.set(done);
    }
    progress.finish();
    findings.retain(|f| !config.ignore.contains(&f.code));
    sort_findings(&mut findings);

    match config.format {
        FindingsFormat::Text => write_text(out, &mut findings, &sources, &config)?,
        FindingsFormat::Json => render::json_with_ledgers(out, &findings, &ledgers)?,
        FindingsFormat::Github => render::github(out, &findings)?,
    }
    notes.extend(bodies_note(&mut config.bodies));
    Ok(crate::exit::Outcome {
        status: crate::exit::status_of(&findings, config.strict),
        notes,
    })
}

/// The findings as text: on a terminal the lines wrap between words at its width (documents.md
/// «The terminal»); into a file or a pipe each finding stays one line, for grep. Many files:
/// errors first, then the count per code and the files with nothing to say.
fn write_text(
    out: &mut dyn Write,
    findings: &mut [crate::diagnostic::Finding],
    sources: &SourceFiles,
    config: &Config,
) -> anyhow::Result<()> {
    let mut text = Vec::new();
    let many = config.files.len() > 1;
    if many {
        findings.sort_by_key(|f| f.severity != crate::diagnostic::Severity::Error);
    }
    render::text(
        &mut text,
        findings,
        sources,
        config.files.len(),
        config.color,
    )?;
    if many {
        let files: Vec<String> = config
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        render::overview(&mut text, findings, &files)?;
    }
    let text = String::from_utf8_lossy(&text);
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        let width = crate::render::fit::terminal_width();
        // A quoted source line («28 | - point: …») and its caret line keep their columns, so
        // the caret stays under its place: cut at the width, never wrapped.
        for line in text.split_inclusive('\n') {
            let bare = line.trim_end_matches('\n');
            // Colour codes take no column on the screen.
            let shown = without_colour(bare);
            let excerpt = shown
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
                .starts_with('|');
            if excerpt && shown.chars().count() > width {
                let cut: String = shown.chars().take(width.saturating_sub(1)).collect();
                writeln!(out, "{cut}…")?;
            } else if excerpt {
                write!(out, "{line}")?;
            } else {
                write!(out, "{}", crate::render::fit::wrap_lines(line, width))?;
            }
        }
    } else {
        write!(out, "{text}")?;
    }
    Ok(())
}

/// A line without its ANSI colour codes (`ESC [ … m`).
fn without_colour(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for code in chars.by_ref() {
                if code == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
