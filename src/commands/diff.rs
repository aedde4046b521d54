//! `tochki diff OLD NEW`: what changed between two versions of a registry, in the procedure's
//! terms, for the approval sheet.

use crate::cli::{ColorChoice, DiffArgs, DiffFormat};
use crate::diagnostic::{Finding, Severity, sort_findings};
use crate::diff;
use crate::exit::ExitStatus;
use crate::registry;
use crate::render::diff as render;
use crate::rules;
use anyhow::bail;
use std::io::Write;

pub fn run(args: &DiffArgs, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let old = registry::load_file(&args.old)?;
    let new = registry::load_file(&args.new)?;
    // Both files are checked first; rule errors are listed, and the versions still compared.
    let mut findings: Vec<Finding> = rules::check_loaded(&old)
        .into_iter()
        .chain(rules::check_loaded(&new))
        .filter(|f| f.severity == Severity::Error)
        .collect();
    sort_findings(&mut findings);
    let (Some(old_registry), Some(new_registry)) = (&old.registry, &new.registry) else {
        let unreadable: Vec<String> = findings
            .iter()
            .filter(|f| f.code == "R001")
            .map(|f| format!("{}: {}", crate::render::findings::location(f), f.message))
            .collect();
        bail!(
            "сравнение невозможно: файл не читается как перечень\n  {}",
            unreadable.join("\n  ")
        );
    };
    let changes = diff::compare(old_registry, new_registry);
    let report = render::Report {
        old: &old.file,
        new: &new.file,
        changes: &changes,
        findings: &findings,
    };
    match args.format {
        DiffFormat::Text => render::text(
            out,
            &report,
            crate::commands::check::use_color(args.color.unwrap_or(ColorChoice::Auto)),
        )?,
        DiffFormat::Markdown => render::markdown(out, &report)?,
        DiffFormat::Json => render::json(out, &report)?,
    }
    Ok(if changes.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    })
}
