//! `tochki init [DIR]`: a starter registry, a survey definition and a sample export, with
//! Russian comments on every field; all pass `check` and `survey check` as written. Existing
//! files are never overwritten.

use crate::cli::InitArgs;
use crate::exit::ExitStatus;
use crate::output::write_new;
use anyhow::{Context as _, bail};
use std::io::Write;

/// The files `init` writes, with their content.
fn files() -> Vec<(&'static str, String)> {
    vec![
        (
            "perechen.yaml",
            include_str!("../../templates/perechen.yaml").to_string(),
        ),
        (
            "registry.schema.json",
            crate::commands::schema::schema_json(),
        ),
        (
            "anketa.survey.yaml",
            include_str!("../../templates/anketa.survey.yaml").to_string(),
        ),
        (
            "otvety_primer.csv",
            include_str!("../../templates/otvety_primer.csv").to_string(),
        ),
    ]
}

pub fn run(args: &InitArgs, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let dir = &args.dir;
    let files = files();
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if !existing.is_empty() {
        bail!(
            "файлы уже есть, программа их не перезаписывает: {}; выберите другую папку: tochki init ПАПКА",
            existing.join(", ")
        );
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("не удалось создать папку {}", dir.display()))?;
    for (name, content) in &files {
        write_new(&dir.join(name), content.as_bytes())?;
        writeln!(out, "Создан {}", dir.join(name).display())?;
    }
    writeln!(out)?;
    writeln!(out, "Дальше:")?;
    writeln!(
        out,
        "  tochki check {}",
        dir.join("perechen.yaml").display()
    )?;
    writeln!(
        out,
        "  tochki survey check --survey {} {}",
        dir.join("anketa.survey.yaml").display(),
        dir.join("otvety_primer.csv").display()
    )?;
    Ok(ExitStatus::Clean)
}
