//! `tochki show FILE`: the registry as the official table, for the terminal and for publishing.

use crate::cli::{ShowArgs, ShowFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::output::{FormatName, format_by_name, write_atomically};
use crate::render::official_table::{self as render, OfficialTable};
use anyhow::bail;
use std::io::Write;

/// What `show` writes, by the names of files (documents.md «The file is what its name says»).
const FORMATS: [FormatName<ShowFormat>; 7] = [
    FormatName {
        format: ShowFormat::Table,
        name: "table",
        extensions: &["txt"],
    },
    FormatName {
        format: ShowFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
    FormatName {
        format: ShowFormat::Csv,
        name: "csv",
        extensions: &["csv"],
    },
    FormatName {
        format: ShowFormat::Html,
        name: "html",
        extensions: &["html", "htm"],
    },
    FormatName {
        format: ShowFormat::Json,
        name: "json",
        extensions: &["json"],
    },
    FormatName {
        format: ShowFormat::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
    },
    FormatName {
        format: ShowFormat::Docx,
        name: "docx",
        extensions: &["docx"],
    },
];

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = format_by_name(
        args.format,
        args.output.as_deref(),
        &FORMATS,
        ShowFormat::Table,
        &[&args.file],
    )?;
    let (registry, notes) = super::shared::load_counting_errors(&args.file)?;
    if args.profiles {
        return profiles(args, format, &registry, notes, out);
    }
    let table = OfficialTable::of(&registry);
    let bytes: Vec<u8> = match format {
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
            write_atomically(path, &bytes, &[&args.file], args.force)?;
            super::shared::written_note(out, path, Some(table.rows.len()))?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes,
    })
}

/// `show --profiles`: a card per profile of client segment (profiles.md).
fn profiles(
    args: &ShowArgs,
    format: ShowFormat,
    registry: &crate::registry::Registry,
    notes: Vec<String>,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    use crate::render::profiles as cards_of;
    let mut cards = crate::registry::profiles::cards(registry);
    if !args.survey.is_empty() {
        with_figures(&mut cards, registry, args)?;
    }
    let organization =
        crate::registry::model::Text::non_blank(&registry.organization).unwrap_or("");
    let bytes: Vec<u8> = match format {
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
            write_atomically(path, &bytes, &[&args.file], args.force)?;
            super::shared::written_note(out, path, None)?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(Outcome {
        status: ExitStatus::Clean,
        notes,
    })
}

/// The latest survey's figures of every card's processes (`show --profiles --survey`), through
/// the same tally and linking as `survey tally --registry`.
fn with_figures(
    cards: &mut [crate::registry::profiles::Card],
    registry: &crate::registry::Registry,
    args: &ShowArgs,
) -> anyhow::Result<()> {
    use crate::survey::tally::{TallyConfig, WaveInput, tally};
    let waves: Vec<WaveInput> = args
        .survey
        .iter()
        .map(|p| WaveInput::parse(&p.display().to_string()))
        .collect();
    for wave in &waves {
        if !wave.path.exists() {
            bail!("нет файла выгрузки {}", wave.path.display());
        }
    }
    let config = TallyConfig::new(crate::input::records::ReadOptions::default(), 5);
    let mut report = tally(&waves, &config)?;
    crate::survey::by_process::link(
        &mut report,
        registry,
        &args.file.display().to_string(),
        None,
    );
    let results: Vec<&crate::survey::report::ProcessResult> = report
        .registry
        .iter()
        .flat_map(|b| &b.directions)
        .flat_map(|d| &d.processes)
        .collect();
    for process in cards.iter_mut().flat_map(|c| &mut c.processes) {
        let Some(result) = results.iter().find(|r| r.name == process.name) else {
            continue;
        };
        process.figures = Some(match (result.surveyed, result.level, result.n) {
            (false, ..) => "не спрашивался".to_string(),
            (true, Some(level), Some(n)) => format!(
                "{}, {n} {}",
                crate::render::share(level),
                crate::text::plural(n as usize, "ответ", "ответа", "ответов")
            ),
            (true, None, Some(n)) => format!("мало ответов ({n})"),
            _ => "нет ответов".to_string(),
        });
    }
    Ok(())
}
