//! `tochki rules` and `tochki explain CODE`: the catalogue as the user reads it.

use crate::catalog::{self, CATALOG};
use crate::exit::ExitStatus;
use anyhow::bail;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::io::Write;

/// Prints the table of all rules.
pub fn run_rules(out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec!["Код", "Уровень", "Основание", "Что проверяет"]);
    // People read the rule by its code and summary, never its English slug (documents.md).
    for rule in CATALOG {
        table.add_row(vec![
            rule.code,
            rule.severity.russian(),
            rule.source,
            rule.summary,
        ]);
    }
    write!(out, "{}", crate::render::fit::comfy(&table))?;
    writeln!(out, "Подробнее о правиле: tochki explain КОД")?;
    Ok(ExitStatus::Clean)
}

/// Prints one rule's full explanation.
pub fn run_explain(
    args: &crate::cli::ExplainArgs,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    let Some(rule) = catalog::find(args.code.trim()) else {
        let codes: Vec<&str> = CATALOG.iter().map(|r| r.code).collect();
        bail!(
            "нет правила с кодом «{}»; коды: {} (список: tochki rules)",
            args.code,
            codes.join(", ")
        );
    };
    let text = format!(
        "{} ({})\n{}\nОснование: {}\n\n{}\n",
        rule.code,
        rule.severity.russian(),
        crate::text::capitalize(rule.summary),
        rule.source,
        rule.explanation
    );
    let width = crate::render::fit::terminal_width();
    write!(out, "{}", crate::render::fit::wrap_lines(&text, width))?;
    Ok(ExitStatus::Clean)
}
