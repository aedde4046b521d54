//! `tochki requests JOURNAL...`: which requests of internal clients are overdue or about to be
//! (cycle.md «The journal of requests»). Exit 1 when anything is overdue or a row could not be
//! read (J002–J004), so that a daily scheduled run can alert; 0 otherwise; 2 when nothing could
//! be read.

use crate::calendar::Calendar;
use crate::cli::{RequestsArgs, RequestsFormat};
use crate::exit::{ExitStatus, Outcome};
use crate::registry::link::Linker;
use crate::render::requests::{self as render, Report};
use crate::requests::SummaryBuilder;
use crate::requests::file::read_journal;
use crate::requests::journal::Judge;
use anyhow::bail;
use std::io::Write;

/// The day statuses are judged on: --as-of, or today.
fn as_of(args: &RequestsArgs) -> anyhow::Result<chrono::NaiveDate> {
    Ok(match &args.as_of {
        Some(text) => crate::requests::deadline::parse_journal_date(text).ok_or_else(|| {
            anyhow::anyhow!(
                "--as-of «{text}»: не дата (годы 1900–2200); укажите 2025-05-13 или 13.05.2025"
            )
        })?,
        None => chrono::Local::now().date_naive(),
    })
}

/// The production calendar: the shipped one or a user's file (`--calendar`), with the region's
/// own days off laid over it (`--region`, else the registry's `region:`).
fn calendar_of(
    args: &RequestsArgs,
    registry: Option<&crate::registry::Registry>,
) -> anyhow::Result<std::borrow::Cow<'static, Calendar>> {
    let calendar = match &args.calendar {
        Some(path) => std::borrow::Cow::Owned(Calendar::with_file(path)?),
        None => std::borrow::Cow::Borrowed(Calendar::russian()),
    };
    let named = args.region.clone().or_else(|| {
        registry
            .and_then(|r| crate::registry::model::Text::non_blank(&r.region))
            .map(str::to_string)
    });
    let Some(name) = named else {
        return Ok(calendar);
    };
    match crate::calendar::region::Region::parse(&name) {
        Some(region) => Ok(std::borrow::Cow::Owned(calendar.with_region(region))),
        None if args.region.is_some() => bail!(
            "--region «{name}»: своих нерабочих дней этого региона в программе нет (есть: Республика Северная Осетия — Алания); добавьте их файлом календаря --calendar"
        ),
        // A registry's region without days of its own: the federal calendar stands.
        None => Ok(calendar),
    }
}

/// The journals given, each file once: the same file named twice (or by two paths) would count
/// every request twice; a note says so.
fn unique_journals<'a>(
    journals: &'a [std::path::PathBuf],
    notes: &mut Vec<String>,
) -> Vec<&'a std::path::PathBuf> {
    let mut seen = std::collections::HashSet::new();
    let mut unique = Vec::new();
    for path in journals {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            unique.push(path);
        } else {
            notes.push(format!(
                "{}: файл указан дважды — прочитан один раз",
                path.display()
            ));
        }
    }
    unique
}

/// How many requests needing attention the table and Markdown list; the rest are counted.
const ATTENTION_SHOWN: usize = 500;

/// The judge of the command line's options.
fn judge_of<'a>(
    args: &RequestsArgs,
    calendar: &'a Calendar,
    linker: Option<&'a Linker>,
    as_of: chrono::NaiveDate,
) -> Judge<'a> {
    Judge {
        day_off: args.day_off.into(),
        due_soon: args.due_soon,
        linker,
        anonymous: args.anonymous,
        zone: args.timezone,
        day_end: args.day_end,
        ..Judge::new(calendar, as_of)
    }
}

/// What `requests` writes, by the names of files (documents.md «The file is what its name says»).
const FORMATS: [crate::output::FormatName<RequestsFormat>; 5] = [
    crate::output::FormatName {
        format: RequestsFormat::Table,
        name: "table",
        extensions: &["txt"],
    },
    crate::output::FormatName {
        format: RequestsFormat::Json,
        name: "json",
        extensions: &["json"],
    },
    crate::output::FormatName {
        format: RequestsFormat::Csv,
        name: "csv",
        extensions: &["csv"],
    },
    crate::output::FormatName {
        format: RequestsFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
    crate::output::FormatName {
        format: RequestsFormat::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
    },
];

/// Every file the command reads: a result is never written over one of them.
fn input_paths(args: &RequestsArgs) -> Vec<&std::path::Path> {
    args.journals
        .iter()
        .map(|p| p.as_path())
        .chain(args.registry.as_deref())
        .collect()
}

/// The format asked: `--format`, else the name of `-o`, else the table.
fn format_of(args: &RequestsArgs) -> anyhow::Result<RequestsFormat> {
    let inputs = input_paths(args);
    crate::output::format_by_name(
        args.format,
        args.output.as_deref(),
        &FORMATS,
        RequestsFormat::Table,
        &inputs,
    )
}

pub fn run(args: &RequestsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let as_of = as_of(args)?;
    let format = format_of(args)?;
    if format == RequestsFormat::Xlsx && args.output.is_none() {
        bail!("формат xlsx записывается только в файл: добавьте -o обращения.xlsx");
    }
    let registry = args
        .registry
        .as_deref()
        .map(super::shared::load_for_linking)
        .transpose()?;
    let linker = registry.as_ref().map(Linker::of);
    let calendar = calendar_of(args, registry.as_ref())?;
    let judge = judge_of(args, &calendar, linker.as_ref(), as_of);
    // The list a format prints: every request for programs and spreadsheets, only those that
    // need attention for people; the summary is built as the rows go by. JSON and CSV write
    // every request into a temporary file as it is judged, never holding them all.
    let keep_all = format == RequestsFormat::Xlsx;
    let mut spill = match format {
        RequestsFormat::Json | RequestsFormat::Csv => Some(render::Spill::new(
            format == RequestsFormat::Json,
            args.anonymous,
        )?),
        _ => None,
    };
    let mut spill_error: Option<anyhow::Error> = None;
    let mut requests = Vec::new();
    // For people (table, Markdown): the first ATTENTION_SHOWN that need attention, the rest
    // counted; memory stays flat whatever the journal's size.
    let mut attention = crate::requests::summary::Attention::new(ATTENTION_SHOWN);
    let mut summary = SummaryBuilder::default();
    let mut on_request = |request: crate::requests::Request| {
        summary.add(&request);
        if let Some(spill) = spill.as_mut() {
            if let Err(error) = spill.add(&request)
                && spill_error.is_none()
            {
                spill_error = Some(error);
            }
        } else if keep_all {
            requests.push(request);
        } else {
            attention.add(request);
        }
    };
    let mut findings = Vec::new();
    let mut notes = Vec::new();
    let mut readable = false;
    let mut ledger = crate::input::Ledger::default();
    for (index, path) in unique_journals(&args.journals, &mut notes)
        .into_iter()
        .enumerate()
    {
        let mut journal = read_journal(path, index, &judge, &mut on_request)?;
        readable |= journal.readable;
        name_other_table(path, &mut journal);
        findings.extend(journal.findings);
        notes.extend(journal.notes);
        ledger.tables.extend(journal.ledger.tables);
    }
    notes.extend(ledger_line(&ledger));
    if let Some(error) = spill_error {
        return Err(error);
    }
    let summary = summary.finish();
    let more = attention.more;
    let requests = if keep_all {
        requests
    } else {
        attention.into_sorted()
    };
    let report = Report {
        as_of,
        requests,
        summary,
        findings,
        anonymous: args.anonymous,
        ledger,
        more,
    };
    emit(args, &report, spill, out)?;
    let mut outcome: Outcome = exit_status(readable, &report).into();
    notes.extend(unread_notes(args, readable, &report));
    outcome.notes = notes;
    Ok(outcome)
}

/// The account of every row, after the result (import.md): one line for the journals read.
fn ledger_line(ledger: &crate::input::Ledger) -> Option<String> {
    if ledger.tables.is_empty() {
        return None;
    }
    let summary = ledger.summary(&crate::requests::LEDGER_WORDS);
    Some(match ledger.tables.as_slice() {
        [one] => format!("{}: {summary}", one.table),
        _ => summary,
    })
}

/// Writes the report to `-o` (atomically) or to the output: JSON and CSV from the spilled
/// requests as they stream, the other formats from the report.
fn emit(
    args: &RequestsArgs,
    report: &Report,
    mut spill: Option<render::Spill>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let inputs = input_paths(args);
    let format = format_of(args)?;
    let json = format == RequestsFormat::Json;
    let mut write = |sink: &mut dyn Write| -> anyhow::Result<()> {
        match spill.take() {
            Some(spill) if json => render::json_streamed(report, spill, sink),
            Some(spill) => render::csv_streamed(report, spill, sink),
            None => {
                let bytes = match format {
                    RequestsFormat::Markdown => render::markdown(report),
                    RequestsFormat::Xlsx => render::xlsx(report)?,
                    _ => render::table(report)?,
                };
                Ok(sink.write_all(&bytes)?)
            }
        }
    };
    match &args.output {
        Some(path) => {
            crate::output::write_atomically_with(path, &inputs, args.force, &mut write)?;
            super::shared::written_note(out, path, Some(report.summary.counts.total))?;
        }
        None => write(out)?,
    }
    Ok(())
}

/// A journal not read at all (exit 2) is said on stderr too: in JSON, CSV or a workbook the
/// reason is only inside the output, and a person in a shell would see nothing.
fn unread_notes(args: &RequestsArgs, readable: bool, report: &Report) -> Vec<String> {
    if readable
        || matches!(
            format_of(args).unwrap_or(RequestsFormat::Table),
            RequestsFormat::Table | RequestsFormat::Markdown
        )
    {
        return Vec::new();
    }
    report
        .findings
        .iter()
        .map(crate::render::findings::one_line)
        .collect()
}

/// 2 when no journal could be read, 1 when anything is overdue or a row was not counted.
fn exit_status(readable: bool, report: &Report) -> ExitStatus {
    if !readable {
        ExitStatus::Trouble
    } else if !report.findings.is_empty() || report.summary.counts.overdue > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// A table that is no journal (J001, no date column): what it is, when another reader takes
/// it — a survey export is sent to `survey tally`, a registry to `check`.
fn name_other_table(path: &std::path::Path, journal: &mut crate::requests::Journal) {
    if journal.readable {
        return;
    }
    let Some(finding) = journal.findings.iter_mut().find(|f| f.code == "J001") else {
        return;
    };
    if let Some(hint) =
        crate::commands::shared::other_reader(path, crate::commands::shared::Reader::Journal)
    {
        finding.help = Some(crate::text::capitalize(&hint));
    }
}
