//! `tochki survey check|tally|pains`: the annual satisfaction survey.

use crate::cli::{
    FiguresArgs, PainsFormat, SurveyCheckArgs, SurveyCheckFormat, SurveyCommand, SurveyInput,
    SurveyPainsArgs, SurveyReportArgs, SurveyTallyArgs, TallyFormat,
};
use crate::exit::status_of;
use crate::exit::{ExitStatus, Outcome};
use crate::input::records::{ReadOptions, ReadProgress};
use crate::input::text::Encoding;
use crate::output::write_atomically;
use crate::progress::Progress;
use crate::render::findings::{self as render_findings, SourceFiles};
use crate::render::survey as render;
use crate::survey::definition::Definition;
use crate::survey::pipeline::{self, Registered};
use crate::survey::tally::tally_watched;
use crate::survey::{TallyConfig, TallyReport, WaveInput, tally};
use anyhow::bail;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// A progress bar per export while the survey core reads it, where a bar may be drawn at all
/// (see [`Progress`]); the core only tells how far it got.
struct Bars {
    machine_output: bool,
    current: Mutex<Option<Progress>>,
}

impl Bars {
    /// Bars for output read by people (`true`) or by programs (`false`: never drawn).
    fn new(for_people: bool) -> Bars {
        Bars {
            machine_output: !for_people,
            current: Mutex::new(None),
        }
    }

    fn current(&self) -> std::sync::MutexGuard<'_, Option<Progress>> {
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl ReadProgress for Bars {
    fn start(&self, path: &Path, total: u64) {
        let bar = Progress::new(
            total,
            &format!("Чтение {}", path.display()),
            self.machine_output,
        );
        *self.current() = Some(bar);
    }

    fn advance(&self, done: u64) {
        if let Some(bar) = self.current().as_ref() {
            bar.set(done);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.current().take() {
            bar.finish();
        }
    }
}

pub fn run(command: &SurveyCommand, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match command {
        SurveyCommand::Init(args) => super::survey_init::run(args, out).map(Outcome::from),
        SurveyCommand::Proposals(args) => run_proposals(args, out),
        SurveyCommand::Check(args) => run_check(args, out),
        SurveyCommand::Tally(args) => run_tally(args, out),
        SurveyCommand::Pains(args) => run_pains(args, out),
        SurveyCommand::Report(args) => run_report(args, out),
    }
}

/// The status with the ledger of every export read (import.md, «Every row and column accounted
/// for»): its one-line summary and what its reading noticed, as notes after the result.
fn with_ledger(status: ExitStatus, report: &crate::survey::report::TallyReport) -> Outcome {
    Outcome {
        status,
        notes: crate::survey::ledger_notes(report),
    }
}

/// The validated reading options and waves of any survey command.
struct Inputs {
    waves: Vec<WaveInput>,
    read: ReadOptions,
    definition: Option<Definition>,
}

fn inputs(input: &SurveyInput) -> anyhow::Result<Inputs> {
    let encoding = match &input.encoding {
        None => None,
        Some(name) => match Encoding::parse(name) {
            Some(encoding) => Some(encoding),
            None => bail!("--encoding {name}: неизвестная кодировка; укажите utf-8 или cp1251"),
        },
    };
    let delimiter = match input.delimiter.as_deref() {
        None => None,
        Some("tab" | "\\t" | "\t") => Some(b'\t'),
        Some(d) if d.len() == 1 && d.is_ascii() => Some(d.as_bytes()[0]),
        Some(d) => bail!("--delimiter {d}: разделитель — один символ: «,», «;», «|» или tab"),
    };
    let definition = input
        .definition
        .as_deref()
        .map(Definition::load)
        .transpose()?;
    let waves: Vec<WaveInput> = input.exports.iter().map(|e| WaveInput::parse(e)).collect();
    for wave in &waves {
        if !wave.path.exists() {
            bail!("нет файла выгрузки {}", wave.path.display());
        }
        refuse_a_document(&wave.path)?;
    }
    Ok(Inputs {
        waves,
        read: ReadOptions {
            encoding,
            delimiter,
            count_lines: false,
            first_line_as_header: false,
        },
        definition,
    })
}

/// A Word, OpenDocument text, PDF or YAML file is never an export of answers (those are CSV or
/// a workbook): said at once with what the file is, instead of a reader's complaint about a
/// damaged workbook.
fn refuse_a_document(path: &Path) -> anyhow::Result<()> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let what = match extension.as_str() {
        "docx" | "docm" | "doc" | "odt" | "rtf" => "документ Word",
        "pdf" => "PDF",
        "yaml" | "yml" => "файл YAML",
        _ => return Ok(()),
    };
    let hint = crate::commands::shared::other_reader(path, crate::commands::shared::Reader::Survey)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    bail!(
        "{}: это {what}, а не выгрузка ответов анкеты: выгрузку сохраняют из Google или Яндекс Форм как CSV или книгу Excel (.xlsx){hint}",
        path.display()
    )
}

/// An export in which no column is a question on a scale is no export of this survey: the
/// tally of it would be empty tables. Refused with what the file is, when another reader
/// takes it (a journal given to `survey tally`).
fn refuse_non_exports(report: &TallyReport) -> anyhow::Result<()> {
    // A wave without a single row has its own message further on («нет ни одной анкеты»).
    let Some(wave) = report
        .waves
        .iter()
        .find(|w| w.items.is_empty() && w.respondents > 0)
    else {
        return Ok(());
    };
    let path = Path::new(&wave.file);
    let hint = crate::commands::shared::other_reader(path, crate::commands::shared::Reader::Survey)
        .map(|h| format!("; {h}"))
        .unwrap_or_else(|| {
            "; проверьте, что это выгрузка ответов (подробно: tochki survey check)".to_string()
        });
    bail!(
        "{}: не выгрузка анкеты: ни в одном столбце нет ответов по шкале удовлетворенности{hint}",
        wave.file
    )
}

fn config(
    inputs: Inputs,
    figures: &FiguresArgs,
    pains: bool,
) -> anyhow::Result<(Vec<WaveInput>, TallyConfig)> {
    if figures.min_group == 0 {
        bail!("--min-group должен быть не меньше 1");
    }
    let mut config = TallyConfig::new(inputs.read, figures.min_group);
    config.definition = inputs.definition;
    config.by = figures.by.clone();
    config.population = figures.population;
    config.collect_pains = pains;
    Ok((inputs.waves, config))
}

/// The figures of the commands that only read (check, pains): defaults.
fn plain_figures() -> FiguresArgs {
    FiguresArgs {
        by: None,
        min_group: 5,
        population: None,
    }
}

fn run_check(args: &SurveyCheckArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (waves, config) = config(inputs(&args.input)?, &plain_figures(), false)?;
    let bars = Bars::new(args.format == SurveyCheckFormat::Text);
    let report = tally_watched(&waves, &config, &bars)?;
    match args.format {
        SurveyCheckFormat::Text => render_findings::text(
            out,
            &report.findings,
            &SourceFiles::default(),
            waves.len(),
            crate::commands::shared::use_color(crate::cli::ColorChoice::Auto),
        )?,
        SurveyCheckFormat::Json => render_findings::json(out, &report.findings)?,
    }
    Ok(with_ledger(status_of(&report.findings, false), &report))
}

/// The registry read, as the survey's pipeline takes it.
fn registered(loaded: &Option<(crate::registry::Registry, String)>) -> Option<Registered<'_>> {
    loaded.as_ref().map(|(registry, file)| Registered {
        registry,
        file: file.as_str(),
    })
}

/// The registry of `--registry`, read once for the whole run.
fn registry(path: Option<&Path>) -> anyhow::Result<Option<(crate::registry::Registry, String)>> {
    path.map(|p| Ok((super::shared::load_for_linking(p)?, p.display().to_string())))
        .transpose()
}

fn tally_status(report: &TallyReport, fail_on_decline: bool) -> ExitStatus {
    let status = status_of(&report.findings, false);
    // A question that could not be compared may hide a decline: a failure too (survey.md).
    if fail_on_decline && (report.declines().next().is_some() || !report.incomparable.is_empty()) {
        ExitStatus::Findings
    } else {
        status
    }
}

fn run_tally(args: &SurveyTallyArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (waves, mut config) = config(inputs(&args.input)?, &args.figures, false)?;
    if args.profiles && args.registry.is_none() {
        bail!("--profiles берёт профили из перечня: добавьте --registry ПЕРЕЧЕНЬ");
    }
    if args.profiles && config.by.is_some() {
        bail!("--profiles и --by вместе не используются: профиль сам задаёт свою группу");
    }
    let loaded = registry(args.registry.as_deref())?;
    let registered = registered(&loaded);
    if let Some(registered) = &registered {
        pipeline::segment_attribute(&mut config, registered)?;
        if args.profiles {
            config.profiles = Some(pipeline::profile_specs(registered)?);
        }
    }
    let input_paths: Vec<std::path::PathBuf> = input_files(&args.input)
        .into_iter()
        .chain(args.registry.clone())
        .collect();
    let input_refs: Vec<&std::path::Path> = input_paths.iter().map(|p| p.as_path()).collect();
    let format = crate::output::format_by_name(
        args.format,
        args.output.as_deref(),
        &TALLY_FORMATS,
        TallyFormat::Table,
        &input_refs,
    )?;
    let bars = Bars::new(matches!(format, TallyFormat::Table | TallyFormat::Markdown));
    let report = pipeline::run(&waves, &config, registered.as_ref(), &bars)?;
    refuse_non_exports(&report)?;
    // Colour only on a terminal, never into a file.
    let color =
        args.output.is_none() && crate::commands::shared::use_color(crate::cli::ColorChoice::Auto);
    let mut bytes = Vec::new();
    match format {
        TallyFormat::Table => render::table(&mut bytes, &report, color)?,
        TallyFormat::Json => render::json(&mut bytes, &report)?,
        TallyFormat::Csv => bytes = render::csv_bytes(&report)?,
        TallyFormat::Markdown => render::markdown(&mut bytes, &report)?,
    }
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes, &input_refs, args.force)?;
            super::shared::written_note(out, path, None)?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(with_ledger(
        tally_status(&report, args.fail_on_decline),
        &report,
    ))
}

/// What the pain map and the proposals are written as, by the names of files (documents.md).
const PAINS_FORMATS: [crate::output::FormatName<PainsFormat>; 3] = [
    crate::output::FormatName {
        format: PainsFormat::Csv,
        name: "csv",
        extensions: &["csv"],
    },
    crate::output::FormatName {
        format: PainsFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
    crate::output::FormatName {
        format: PainsFormat::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
    },
];
const PROPOSALS_FORMATS: [crate::output::FormatName<crate::cli::ProposalsFormat>; 2] = [
    crate::output::FormatName {
        format: crate::cli::ProposalsFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
    crate::output::FormatName {
        format: crate::cli::ProposalsFormat::Docx,
        name: "docx",
        extensions: &["docx"],
    },
];
/// What the tally is written as, by the names of files (documents.md).
const TALLY_FORMATS: [crate::output::FormatName<TallyFormat>; 4] = [
    crate::output::FormatName {
        format: TallyFormat::Table,
        name: "table",
        extensions: &["txt"],
    },
    crate::output::FormatName {
        format: TallyFormat::Json,
        name: "json",
        extensions: &["json"],
    },
    crate::output::FormatName {
        format: TallyFormat::Csv,
        name: "csv",
        extensions: &["csv"],
    },
    crate::output::FormatName {
        format: TallyFormat::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
    },
];
const REPORT_FORMATS: [crate::output::FormatName<()>; 1] = [crate::output::FormatName {
    format: (),
    name: "html",
    extensions: &["html", "htm"],
}];

fn run_pains(args: &SurveyPainsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let input_paths = input_files(&args.input);
    let input_refs: Vec<&std::path::Path> = input_paths.iter().map(|p| p.as_path()).collect();
    let format = crate::output::format_by_name(
        args.format,
        args.output.as_deref(),
        &PAINS_FORMATS,
        PainsFormat::Markdown,
        &input_refs,
    )?;
    let (waves, config) = config(inputs(&args.input)?, &plain_figures(), true)?;
    let report = tally(&waves, &config)?;
    refuse_non_exports(&report)?;
    let bytes = match format {
        PainsFormat::Csv => render::pains_csv(&report)?,
        PainsFormat::Markdown => {
            let mut buffer = Vec::new();
            render::pains_markdown(&mut buffer, &report)?;
            buffer
        }
        PainsFormat::Xlsx => {
            if args.output.is_none() {
                bail!("формат xlsx записывается только в файл: добавьте -o карта_болей.xlsx");
            }
            render::pains_xlsx(&report)?
        }
    };
    match &args.output {
        Some(path) => {
            write_atomically(path, &bytes, &input_refs, args.force)?;
            let rows: usize = report.waves.iter().map(|w| w.pains.len()).sum();
            super::shared::written_note(out, path, Some(rows))?;
            let withheld: u64 = report.waves.iter().map(|w| w.pains_withheld).sum();
            if withheld > 0 {
                writeln!(
                    out,
                    "{}",
                    crate::render::withheld_note(withheld, report.min_group)
                )?;
            }
            let junk: u64 = report.waves.iter().map(|w| w.pains_junk).sum();
            if junk > 0 {
                writeln!(out, "{}", crate::render::junk_note(junk))?;
            }
        }
        None => out.write_all(&bytes)?,
    }
    Ok(with_ledger(status_of(&report.findings, false), &report))
}

/// Every file a survey command reads: the exports and the definition. A result is never
/// written over any of them.
fn input_files(input: &SurveyInput) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = input
        .exports
        .iter()
        .map(|e| WaveInput::parse(e).path)
        .collect();
    files.extend(input.definition.iter().cloned());
    files
}

fn run_proposals(
    args: &crate::cli::SurveyProposalsArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let mut paths = input_files(&args.input);
    paths.extend(args.registry.iter().cloned());
    let format = crate::output::format_by_name(
        args.format,
        Some(&args.output),
        &PROPOSALS_FORMATS,
        crate::cli::ProposalsFormat::Markdown,
        &paths.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    )?;
    let figures = FiguresArgs {
        by: None,
        min_group: args.min_group,
        population: None,
    };
    let definition = inputs(&args.input)?;
    let (waves, config) = config(definition, &figures, true)?;
    let loaded = registry(args.registry.as_deref())?;
    let registered = registered(&loaded);
    let report = pipeline::run(&waves, &config, registered.as_ref(), &Bars::new(false))?;
    refuse_non_exports(&report)?;
    // «No decline» said of an export with no answers would be false comfort to the Minister.
    if let Some(latest) = report.waves.last()
        && latest.respondents == 0
    {
        anyhow::bail!(
            "{}: в выгрузке нет ни одной анкеты — сравнивать нечего; проверьте, что это выгрузка последнего опроса",
            latest.file
        );
    }
    let proposals = crate::survey::proposals::Proposals::of(&report);
    let date = chrono::Local::now().format("%d.%m.%Y").to_string();
    let bytes = match format {
        crate::cli::ProposalsFormat::Markdown => {
            crate::render::proposals::markdown(&proposals, &date).into_bytes()
        }
        crate::cli::ProposalsFormat::Docx => crate::render::proposals::docx(&proposals, &date)?,
    };
    let inputs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    write_atomically(&args.output, &bytes, &inputs, args.force)?;
    if proposals.is_empty() {
        writeln!(out, "{}", crate::render::proposals::no_decline(&proposals))?;
    }
    super::shared::written_note(out, &args.output, None)?;
    Ok(with_ledger(status_of(&report.findings, false), &report))
}

fn run_report(args: &SurveyReportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let paths = input_files(&args.input);
    let mut everything = paths.clone();
    everything.extend(args.registry.iter().cloned());
    crate::output::format_by_name(
        None,
        Some(&args.output),
        &REPORT_FORMATS,
        (),
        &everything.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    )?;
    let inputs = inputs(&args.input)?;
    let title = inputs.definition.as_ref().and_then(|d| d.title.clone());
    let (waves, mut config) = config(inputs, &args.figures, true)?;
    let loaded = registry(args.registry.as_deref())?;
    let registered = registered(&loaded);
    if let Some(registered) = &registered {
        pipeline::segment_attribute(&mut config, registered)?;
    }
    let mut paths = paths;
    let report = pipeline::run(&waves, &config, registered.as_ref(), &Bars::new(true))?;
    refuse_non_exports(&report)?;
    paths.extend(args.registry.iter().cloned());
    let page = crate::render::report::html(&report, title.as_deref());
    let inputs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    write_atomically(&args.output, page.as_bytes(), &inputs, args.force)?;
    super::shared::written_note(out, &args.output, None)?;
    for finding in report
        .findings
        .iter()
        .filter(|f| f.severity == crate::diagnostic::Severity::Error)
    {
        writeln!(
            out,
            "  {}: {} {}",
            render_findings::location(finding),
            finding.code,
            finding.message
        )?;
    }
    Ok(with_ledger(status_of(&report.findings, false), &report))
}
