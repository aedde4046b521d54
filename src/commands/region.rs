//! `tochki region FOLDER...`: the coordinator's roll-up of every body (region.md). Exit 1 when
//! something needs attention (as `requests` exits 1 when a request is overdue), 0 when nothing
//! does, 2 when no body's folder gave anything.

use crate::cli::{RegionArgs, RegionFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::output::FormatName;
use crate::render::region as render;
use anyhow::bail;
use std::io::Write;

const FORMATS: [FormatName<RegionFormat>; 5] = [
    FormatName {
        format: RegionFormat::Table,
        name: "table",
        extensions: &["txt"],
    },
    FormatName {
        format: RegionFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
    FormatName {
        format: RegionFormat::Json,
        name: "json",
        extensions: &["json"],
    },
    FormatName {
        format: RegionFormat::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
    },
    FormatName {
        format: RegionFormat::Html,
        name: "html",
        extensions: &["html", "htm"],
    },
];

pub fn run(args: &RegionArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut inputs: Vec<&std::path::Path> = args.folders.iter().map(|p| p.as_path()).collect();
    inputs.extend(args.previous.as_deref());
    let format = crate::output::format_by_name(
        args.format,
        args.output.as_deref(),
        &FORMATS,
        RegionFormat::Table,
        &inputs,
    )?;
    if matches!(format, RegionFormat::Xlsx | RegionFormat::Html) && args.output.is_none() {
        let extension = if format == RegionFormat::Xlsx {
            "xlsx"
        } else {
            "html"
        };
        bail!("этот формат записывается только в файл: добавьте -o свод.{extension}");
    }
    if args.min_group == 0 {
        bail!("--min-group 0: укажите число не меньше 1 (обычно 5)");
    }
    let made = match &args.as_of {
        Some(text) => crate::requests::deadline::parse_journal_date(text).ok_or_else(|| {
            anyhow::anyhow!("--as-of «{text}»: не дата; укажите 2025-12-01 или 01.12.2025")
        })?,
        None => chrono::Local::now().date_naive(),
    };
    if let Some(output) = &args.output {
        refuse_inside(output, &args.folders)?;
    }
    let previous = args
        .previous
        .as_deref()
        .map(crate::region::read_previous)
        .transpose()?;
    if let Some(previous) = &previous
        && previous.made > made.format("%Y-%m-%d").to_string()
    {
        bail!(
            "--previous: свод на {} позже этого свода ({}); укажите свод прошлого года или дату свода --as-of",
            crate::text::russian_date(&previous.made),
            made.format("%d.%m.%Y")
        );
    }
    let options = crate::region::Options {
        min_group: args.min_group,
        previous,
        made,
    };
    let rollup = crate::region::roll_up(&args.folders, &options)?;
    let bytes = match format {
        RegionFormat::Table => render::table(&rollup, crate::render::fit::terminal_width()),
        RegionFormat::Markdown => render::markdown(&rollup),
        RegionFormat::Json => render::json(&rollup)?,
        RegionFormat::Xlsx => render::xlsx(&rollup)?,
        RegionFormat::Html => render::html(&rollup).into_bytes(),
    };
    let mut notes = Vec::new();
    match &args.output {
        Some(path) => {
            crate::output::write_atomically(path, &bytes, &inputs, args.force)?;
            super::shared::written_note(out, path, None)?;
        }
        None => out.write_all(&bytes)?,
    }
    let read = rollup
        .bodies
        .iter()
        .any(|b| b.state == crate::region::State::Read);
    let status = if !read {
        notes.push(
            "ни одной папки органа не включено в свод (ничего не прочитано или все отклонены — см. «Требует внимания»): проверьте, что в папках лежат перечни и JSON, записанные командами tochki survey tally и tochki requests".to_string(),
        );
        ExitStatus::Trouble
    } else if rollup.attention.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    };
    Ok(Outcome { status, notes })
}

/// The roll-up is never written into a body's folder: it would overwrite what a body sent, or
/// be read as a body's file next time.
fn refuse_inside(output: &std::path::Path, folders: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    let Ok(parent) = std::fs::canonicalize(parent) else {
        return Ok(());
    };
    for folder in folders {
        if let Ok(folder) = std::fs::canonicalize(folder)
            && parent.starts_with(&folder)
        {
            bail!(
                "-o {}: это внутри папки {}, которую читает свод; запишите свод в другую папку",
                output.display(),
                folder.display()
            );
        }
    }
    Ok(())
}
