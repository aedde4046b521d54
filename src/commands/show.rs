//! `tochki show FILE`: the registry as the official table, for the terminal and for publishing.

use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::output::write_atomically;
use crate::render::official_table::{self as render, OfficialTable};
use anyhow::bail;
use std::io::Write;

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (registry, note) = super::shared::load_counting_errors(&args.file)?;
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
        ShowFormat::Docx => {
            if args.output.is_none() {
                bail!("формат docx записывается только в файл: добавьте -o приложение.docx");
            }
            render::docx_bytes(&table)?
        }
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes, &[&args.file])?;
            super::shared::written_note(out, path, Some(table.rows.len()))?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes: note.into_iter().collect(),
    })
}
