//! `tochki show FILE`: the registry as the official table, for the terminal and for publishing.

use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::output::write_atomically;
use crate::render::official_table::{self as render, OfficialTable};
use anyhow::bail;
use std::io::Write;

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (registry, note) = super::shared::load_counting_errors(&args.file)?;
    if args.profiles {
        return profiles(args, &registry, note, out);
    }
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

/// `show --profiles`: a card per profile of client segment (profiles.md).
fn profiles(
    args: &ShowArgs,
    registry: &crate::registry::Registry,
    note: Option<String>,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    use crate::render::profiles as cards_of;
    let cards = crate::registry::profiles::cards(registry);
    let organization =
        crate::registry::model::Text::non_blank(&registry.organization).unwrap_or("");
    let bytes: Vec<u8> = match args.format {
        ShowFormat::Table => cards_of::text(&cards).into_bytes(),
        ShowFormat::Markdown => cards_of::markdown(&cards).into_bytes(),
        ShowFormat::Json => cards_of::json(&cards)?.into_bytes(),
        ShowFormat::Html => cards_of::html(&cards, organization).into_bytes(),
        ShowFormat::Docx => {
            if args.output.is_none() {
                bail!("формат docx записывается только в файл: добавьте -o профили.docx");
            }
            cards_of::docx(&cards, organization)?
        }
        ShowFormat::Csv | ShowFormat::Xlsx => bail!(
            "профили показываются карточками: --format table, markdown, html, docx или json (csv и xlsx — для таблицы перечня)"
        ),
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes, &[&args.file])?;
            super::shared::written_note(out, path, Some(cards.len()))?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes: note.into_iter().collect(),
    })
}
