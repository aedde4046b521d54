//! `tochki import FILE [-o registry.yaml]`: a registry kept as a Word or Excel table (or CSV)
//! written as YAML of registry.md, with a comment naming the source row of each process
//! (import.md). Exit 0 when written (warnings are fine), 1 when written with I-errors,
//! 2 when nothing could be read. Never writes over its input or, without --force, any file.

use crate::cli::ImportArgs;
use crate::diagnostic::Severity;
use crate::exit::{ExitStatus, Outcome};
use crate::render::registry_yaml::{Provenance, yaml};
use anyhow::bail;
use std::io::Write;

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let options = super::shared::table_options(&args.table)?;
    // The one rule of every command (documents.md), said before the reading, not after it.
    if let Some(output) = &args.output
        && output.exists()
        && !args.force
        && !output.is_dir()
    {
        bail!(
            "{} уже существует: tochki не перезаписывает файлы без спроса; укажите другое имя в -o или добавьте --force",
            output.display()
        );
    }
    let mut loaded = crate::registry::load::load_table(&args.file, &options)?;
    super::shared::name_other_table(&args.file, &mut loaded.findings);
    let notes: Vec<String> = loaded
        .findings
        .iter()
        .map(crate::render::findings::one_line)
        .collect();
    let Some(registry) = &loaded.registry else {
        return refused(&loaded, notes);
    };
    let places = loaded.places.clone().unwrap_or_default();
    let table = places.table_names();
    let header = vec![
        format!(
            "Импортировано из {} ({table}) {} командой tochki import.",
            file_name(&args.file),
            chrono::Local::now().format("%d.%m.%Y")
        ),
        "Проверьте перечень: tochki check ФАЙЛ.yaml".to_string(),
    ];
    let note_of = |d: usize, p: usize| {
        let at = places.directions.get(d)?.1.get(p)?.0;
        let grid = places.grid(at)?;
        let row = at.row;
        Some(match &grid.source {
            crate::input::Source::WordTable(n) => format!("строка {row} таблицы {n}"),
            crate::input::Source::Sheet(name) => format!("строка {row} листа «{name}»"),
            crate::input::Source::Csv => format!("строка {row}"),
        })
    };
    let text = yaml(
        registry,
        &Provenance {
            header,
            process_note: &note_of,
        },
    );
    match &args.output {
        Some(path) => {
            crate::output::write_atomically(path, text.as_bytes(), &[&args.file], args.force)?;
            let touchpoints = registry.touchpoints().count();
            writeln!(
                out,
                "Записано: {} ({touchpoints} {})",
                path.display(),
                crate::text::plural(touchpoints, "точка", "точки", "точек")
            )?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    let mut notes = notes;
    notes.extend(super::shared::ledger_notes(&args.file, &places.ledger));
    let errors = loaded
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    Ok(Outcome {
        status: if errors {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        },
        notes,
    })
}

/// Nothing to import: a refusal, said as the other refusals are («tochki: ошибка: …»).
fn refused(loaded: &crate::registry::Loaded, notes: Vec<String>) -> anyhow::Result<Outcome> {
    let reasons: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.severity == crate::diagnostic::Severity::Error)
        .map(|f| {
            let help = f
                .help
                .as_deref()
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            format!("{}: {} ({}){help}", f.file, f.message, f.code)
        })
        .collect();
    if reasons.is_empty() {
        return Ok(Outcome {
            status: ExitStatus::Trouble,
            notes,
        });
    }
    bail!("{}", reasons.join("\n"))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
