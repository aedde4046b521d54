//! `tochki show FILE`: the registry as the official table, for the terminal and for publishing.

use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::ExitStatus;
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

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let (_, registry) = load_readable(&args.file)?;
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
    Ok(ExitStatus::Clean)
}
