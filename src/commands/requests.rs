//! `tochki requests JOURNAL...`: which requests of internal clients are overdue or about to be
//! (cycle.md «The journal of requests»). Exit 1 when anything is overdue or a row could not be
//! read (J002–J004), so that a daily scheduled run can alert; 0 otherwise; 2 when nothing could
//! be read.

use crate::calendar::Calendar;
use crate::cli::{RequestsArgs, RequestsFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::registry::link::Linker;
use crate::render::requests::{self as render, Report};
use crate::requests::journal::{Judge, read};
use crate::requests::{Status, Summary};
use anyhow::bail;
use std::io::Write;

pub fn run(args: &RequestsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let as_of = match &args.as_of {
        Some(text) => crate::registry::model::parse_date(text).ok_or_else(|| {
            anyhow::anyhow!("--as-of «{text}»: не дата; укажите 2025-05-13 или 13.05.2025")
        })?,
        None => chrono::Local::now().date_naive(),
    };
    if args.format == RequestsFormat::Xlsx && args.output.is_none() {
        bail!("формат xlsx записывается только в файл: добавьте -o обращения.xlsx");
    }
    let linker = match &args.registry {
        Some(path) => {
            let (_, registry) = super::shared::load_readable(path)?;
            Some(Linker::of(&registry))
        }
        None => None,
    };
    let judge = Judge {
        calendar: Calendar::russian(),
        as_of,
        due_soon: args.due_soon,
        linker: linker.as_ref(),
    };
    let mut requests = Vec::new();
    let mut findings = Vec::new();
    let mut readable = false;
    for path in &args.journals {
        let file = path.display().to_string();
        let grids = crate::table::read_all(path, &file)?;
        let journal = read(&file, &grids, &judge);
        readable |= journal.readable;
        requests.extend(journal.requests);
        findings.extend(journal.findings);
    }
    let summary = Summary::of(&requests);
    let report = Report {
        as_of,
        requests,
        summary,
        findings,
        anonymous: args.anonymous,
    };
    let bytes = match args.format {
        RequestsFormat::Table => render::table(&report)?,
        RequestsFormat::Json => render::json(&report)?,
        RequestsFormat::Csv => render::csv(&report)?,
        RequestsFormat::Markdown => render::markdown(&report),
        RequestsFormat::Xlsx => render::xlsx(&report)?,
    };
    let inputs: Vec<&std::path::Path> = args
        .journals
        .iter()
        .map(|p| p.as_path())
        .chain(args.registry.as_deref())
        .collect();
    match &args.output {
        Some(path) => {
            crate::output::write_atomically(path, &bytes, &inputs)?;
            super::shared::written_note(out, path, Some(report.requests.len()))?;
        }
        None => out.write_all(&bytes)?,
    }
    let status = if !readable {
        ExitStatus::Trouble
    } else if !report.findings.is_empty()
        || report.requests.iter().any(|r| r.status == Status::Overdue)
    {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    Ok(status.into())
}
