//! `tochki survey init REGISTRY [-o DIR]`: the questionnaire built from a registry (cycle.md):
//! the survey definition with one item per process, the questionnaire as Markdown and Word, and
//! the grid rows to paste into Google or Yandex Forms. Never overwrites a file.

use crate::cli::SurveyInitArgs;
use crate::exit::ExitStatus;
use crate::render::questionnaire as render;
use crate::survey::questionnaire::Questionnaire;
use anyhow::bail;
use std::io::Write;

pub fn run(args: &SurveyInitArgs, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let mut registry = super::shared::load_for_linking(&args.registry)?;
    with_areas(&mut registry, &args.areas)?;
    let mut questionnaire = Questionnaire::of(&registry);
    questionnaire.segments =
        crate::survey::questionnaire::segment_questions(&registry, &args.segments)
            .map_err(|message| anyhow::anyhow!("{message}"))?;
    if questionnaire.rows.is_empty() {
        bail!(
            "{}: в перечне нет ни одного процесса с названием — анкете не о чем спрашивать; проверьте перечень: tochki check {}",
            args.registry.display(),
            args.registry.display()
        );
    }
    let stem = args.registry.file_stem().map_or_else(
        || "anketa".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let registry_name = args
        .registry
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let files: Vec<(String, Vec<u8>)> = vec![
        (
            format!("{stem}.survey.yaml"),
            render::definition(&questionnaire, &registry_name).into_bytes(),
        ),
        (
            format!("{stem}.anketa.md"),
            render::markdown(&questionnaire).into_bytes(),
        ),
        (format!("{stem}.anketa.docx"), render::docx(&questionnaire)?),
        (
            format!("{stem}.form_rows.txt"),
            render::form_rows(&questionnaire).into_bytes(),
        ),
    ];
    std::fs::create_dir_all(&args.output).map_err(|error| {
        anyhow::anyhow!(
            "не удалось создать папку {}: {}",
            args.output.display(),
            crate::text::io_reason(&error)
        )
    })?;
    // All or nothing: a file already there stops the command before anything is written.
    for (name, _) in &files {
        let path = args.output.join(name);
        if path.exists() {
            bail!(
                "{} уже существует: survey init не перезаписывает файлы; укажите другую папку в -o",
                path.display()
            );
        }
    }
    for (name, bytes) in &files {
        let path = args.output.join(name);
        crate::output::write_new(&path, bytes)?;
        writeln!(out, "Записано: {}", path.display())?;
    }
    // Prose, wrapped between words at the terminal's width (80 without one).
    let summary = format!(
        "Процессов в анкете: {}. Строки сетки для Google или Яндекс Форм — в {stem}.form_rows.txt; итоги по процессам: tochki survey tally ВЫГРУЗКА --survey {}",
        questionnaire.rows.len(),
        args.output.join(format!("{stem}.survey.yaml")).display()
    );
    write!(
        out,
        "{}",
        crate::render::fit::wrap(&summary, crate::render::fit::terminal_width(), "")
    )?;
    Ok(ExitStatus::Clean)
}

/// The areas `--areas` gives the questionnaire, when the registry has none.
fn with_areas(registry: &mut crate::registry::Registry, areas: &[String]) -> anyhow::Result<()> {
    if !areas.is_empty() {
        let known: Vec<&str> = crate::registry::model::AREAS
            .iter()
            .map(|(c, _)| *c)
            .collect();
        if let Some(unknown) = areas.iter().find(|a| !known.contains(&a.trim())) {
            bail!(
                "--areas: неизвестная область «{unknown}»; допустимые: {}",
                known.join(", ")
            );
        }
        registry.areas = Some(crate::registry::model::OneOrMany::Many(
            areas
                .iter()
                .map(|a| crate::registry::model::Text(a.trim().to_string()))
                .collect(),
        ));
    }
    Ok(())
}
