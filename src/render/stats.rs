//! `tochki stats` as text (the JSON is the model serialised).

use crate::registry::stats::Stats;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use std::io::Write;

pub fn summary(out: &mut dyn Write, stats: &Stats) -> std::io::Result<()> {
    writeln!(
        out,
        "Точек взаимодействия: {} (цифровых {}, офлайн {}{})",
        stats.touchpoints,
        stats.digital,
        stats.offline,
        stats
            .digital_share
            .map(|s| format!("; доля цифровых {}", super::share(s)))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    let mut processes = Table::new();
    processes.load_style(UTF8_FULL_CONDENSED).set_header(vec![
        "Направление",
        "Процесс",
        "Точек",
        "Цифровых",
    ]);
    for p in &stats.processes {
        processes.add_row(vec![
            p.direction.clone(),
            p.process.clone(),
            p.touchpoints.to_string(),
            p.digital.to_string(),
        ]);
    }
    write!(out, "{}", super::fit::comfy(&processes))?;
    writeln!(out)?;
    let mut matrix = Table::new();
    matrix.load_style(UTF8_FULL_CONDENSED).set_header(vec![
        "Потребность",
        "Цифровые",
        "Офлайн",
        "Всего",
    ]);
    for n in &stats.needs {
        matrix.add_row(vec![
            // People read the catalogue's wording, never its code (documents.md).
            crate::text::capitalize(&n.wording),
            n.digital.to_string(),
            n.offline.to_string(),
            (n.digital + n.offline).to_string(),
        ]);
    }
    write!(out, "{}", super::fit::comfy(&matrix))?;
    if stats.unmet_needs.is_empty() {
        writeln!(
            out,
            "Каждая потребность каталога удовлетворяется хотя бы в одной точке."
        )?;
    } else {
        writeln!(
            out,
            "Потребности каталога, которые не удовлетворяются ни в одной точке: {}",
            stats
                .unmet_needs
                .iter()
                .map(|code| {
                    crate::registry::needs::Need::parse(code)
                        .map_or(code.clone(), |n| format!("«{}»", n.russian()))
                })
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, stats: &Stats) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, stats)?;
    writeln!(out)
}
