//! `tochki diff OLD NEW`: what changed between two versions of a registry, in the procedure's
//! terms, for the approval sheet.

use crate::cli::{ColorChoice, DiffArgs, DiffFormat};
use crate::diagnostic::{Finding, Severity, sort_findings};
use crate::diff;
use crate::exit::{ExitStatus, Outcome};
use crate::registry;
use crate::render::diff as render;
use crate::rules;
use anyhow::bail;
use std::io::Write;

fn is_error(finding: &Finding) -> bool {
    finding.severity == Severity::Error
}

pub fn run(args: &DiffArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // The two files are read, checked and compared on both cores: each step depends only on
    // the files, so the order of the output does not depend on the threads.
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| registry::load_file(&args.old));
        let new = registry::load_file(&args.new);
        (old.join(), new)
    });
    let mut old =
        old.map_err(|_| anyhow::anyhow!("чтение файла {} прервано", args.old.display()))??;
    let mut new = new?;
    super::shared::name_other_table(&args.old, &mut old.findings);
    super::shared::name_other_table(&args.new, &mut new.findings);
    let (old_findings, new_findings, changes) = std::thread::scope(|scope| {
        let old_findings = scope.spawn(|| rules::check_loaded_where(&old, is_error));
        let new_findings = scope.spawn(|| rules::check_loaded_where(&new, is_error));
        let changes = match (&old.registry, &new.registry) {
            (Some(old_registry), Some(new_registry)) => {
                Some(diff::compare(old_registry, new_registry))
            }
            _ => None,
        };
        (old_findings.join(), new_findings.join(), changes)
    });
    let (Ok(old_findings), Ok(new_findings)) = (old_findings, new_findings) else {
        bail!("проверка файлов прервана");
    };
    // Both files are checked; rule errors are listed, and the versions still compared.
    let mut findings: Vec<Finding> = old_findings.into_iter().chain(new_findings).collect();
    sort_findings(&mut findings);
    let Some(changes) = changes else {
        let unreadable: Vec<String> = findings
            .iter()
            .filter(|f| f.code == crate::registry::r001::RULE.code)
            .map(|f| format!("{}: {}", crate::render::findings::location(f), f.message))
            .collect();
        bail!(
            "сравнение невозможно: файл не читается как перечень\n  {}",
            unreadable.join("\n  ")
        );
    };
    // A table (an appendix) carries no areas, publication date, approvals, needs catalogue or
    // procedure: what only the YAML side has is not compared, and said once, never reported as
    // deleted.
    let mut changes = changes;
    let mut notes = Vec::new();
    if old.places.is_some() != new.places.is_some() {
        let before = changes.len();
        changes.retain(|c| {
            !(c.kind == crate::diff::ChangeKind::MetaChanged
                && (c.from.is_none() || c.to.is_none())
                && c.field
                    .as_deref()
                    .is_some_and(|f| NOT_IN_TABLES.contains(&f)))
        });
        if changes.len() < before {
            notes.push(
                "области, дата размещения, согласование, каталог потребностей и порядок пишутся только в YAML: таблица приложения их не содержит, они не сравнивались".to_string(),
            );
        }
    }
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
            crate::commands::shared::use_color(args.color.unwrap_or(ColorChoice::Auto)),
        )?,
        DiffFormat::Markdown => render::markdown(out, &report)?,
        DiffFormat::Json => render::json(out, &report)?,
    }
    Ok(Outcome {
        status: if changes.is_empty() {
            ExitStatus::Clean
        } else {
            ExitStatus::Findings
        },
        notes,
    })
}

/// The version's facts a table never carries (diff/flat.rs `meta` keys).
const NOT_IN_TABLES: [&str; 6] = [
    "areas",
    "published",
    "approvals",
    "needs",
    "procedure.act",
    "procedure.points",
];
