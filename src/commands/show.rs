//! `tochki show FILE`: the registry as the official table, for the terminal and for publishing.

use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::output::write_atomically;
use crate::registry::{self, Loaded, Registry};
use crate::render::official_table::{self as render, OfficialTable};
use anyhow::bail;
use std::io::Write;

/// Loads a registry that must be readable as one, or explains why it is not.
pub fn load_readable(path: &std::path::Path) -> anyhow::Result<(Loaded, Registry)> {
    let mut loaded = registry::load_file(path)?;
    match loaded.registry.take() {
        Some(registry) => Ok((loaded, registry)),
        None => {
            let reasons: Vec<String> = loaded
                .findings
                .iter()
                .map(|f| format!("{}: {}", crate::render::findings::location(f), f.message))
                .collect();
            bail!(
                "файл не читается как перечень (подробно: tochki check {}):\n  {}",
                path.display(),
                reasons.join("\n  ")
            )
        }
    }
}

/// Loads a readable registry and counts the errors `check` finds in it, so that a command
/// that shows the registry anyway can say the table is not fit for publishing yet.
pub fn load_counting_errors(path: &std::path::Path) -> anyhow::Result<(Registry, Option<String>)> {
    let (mut loaded, registry) = load_readable(path)?;
    loaded.registry = Some(registry);
    let errors = crate::rules::check_loaded(&loaded)
        .iter()
        .filter(|f| f.severity == crate::diagnostic::Severity::Error)
        .count();
    let registry = loaded.registry.take().unwrap_or_default();
    let note = (errors > 0).then(|| {
        format!(
            "в перечне {} {} {} (подробно: tochki check {})",
            path.display(),
            errors,
            crate::text::plural(errors, "ошибка", "ошибки", "ошибок"),
            path.display()
        )
    });
    Ok((registry, note))
}

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (registry, note) = load_counting_errors(&args.file)?;
    let table = OfficialTable::of(&registry);
    let bytes: Vec<u8> = match args.format {
        ShowFormat::Table => {
            let mut buffer = Vec::new();
            render::table(&mut buffer, &table)?;
            buffer
        }
        ShowFormat::Markdown => {
            let mut buffer = Vec::new();
            render::markdown(&mut buffer, &table)?;
            buffer
        }
        ShowFormat::Json => {
            let mut buffer = Vec::new();
            render::json(&mut buffer, &table)?;
            buffer
        }
        ShowFormat::Csv => render::csv_bytes(&table)?,
        ShowFormat::Html => render::html(&table).into_bytes(),
        ShowFormat::Xlsx => {
            if args.output.is_none() {
                bail!("формат xlsx записывается только в файл: добавьте -o перечень.xlsx");
            }
            render::xlsx_bytes(&table)?
        }
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes, &[&args.file])?;
            writeln!(
                out,
                "Записано: {} ({} {})",
                path.display(),
                table.rows.len(),
                crate::text::plural(table.rows.len(), "строка", "строки", "строк")
            )?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes: note.into_iter().collect(),
    })
}
