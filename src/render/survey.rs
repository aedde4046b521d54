//! A survey tally as a terminal table with a bar per item, JSON, CSV and Markdown; and the pain
//! map as CSV, Markdown and XLSX.

use super::findings::location;
use super::markdown_cell;
use super::style::Style;
use crate::survey::tally::{Dynamics, Figures, Group, TallyReport, Wave};
use crate::text::{plural, spreadsheet_safe};
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use std::io::Write;

/// The reminder of Omsk p.13, printed with every decline.
pub const DECLINE_REMINDER: &str = "Отрицательная динамика: по п. 13 Порядка (Омск) финансовое управление формирует и направляет Министру предложения по улучшению качества клиентоцентричности.";

fn percent(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{v:.1}%"))
}

fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or("—".to_string(), |[low, high]| {
        format!("{low:.1}–{high:.1}")
    })
}

fn mean(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{v:.2}"))
}

/// A 20-character bar of the level.
pub fn bar(level: Option<f64>) -> String {
    match level {
        None => String::new(),
        Some(level) => {
            let filled = ((level / 5.0).round() as usize).min(20);
            format!("{}{}", "█".repeat(filled), "░".repeat(20 - filled))
        }
    }
}

/// The verdict on a change between two years.
pub fn verdict(d: &Dynamics) -> &'static str {
    match (d.delta_pp, d.significant) {
        (delta, true) if delta < 0.0 => "СНИЖЕНИЕ (значимое)",
        (delta, false) if delta < 0.0 => "снижение незначимо",
        (delta, true) if delta > 0.0 => "рост (значимый)",
        (delta, false) if delta > 0.0 => "рост незначим",
        _ => "без изменений",
    }
}

fn wave_heading(wave: &Wave) -> String {
    format!(
        "Опрос {} — {}: {} {}, не учтено ячеек: {}",
        wave.label,
        wave.file,
        wave.respondents,
        plural(wave.respondents as usize, "анкета", "анкеты", "анкет"),
        wave.left_out
    )
}

pub fn item_label(label: &str) -> String {
    if label == "overall" {
        "В целом (общий вопрос)".to_string()
    } else {
        label.to_string()
    }
}

pub fn table(out: &mut dyn Write, report: &TallyReport, color: bool) -> std::io::Result<()> {
    let style = Style { enabled: color };
    if !report.findings.is_empty() {
        writeln!(
            out,
            "{}",
            style.bold("Замечания к выгрузкам (подробно: tochki survey check):")
        )?;
        for finding in &report.findings {
            writeln!(
                out,
                "  {}: {} {}: {}",
                location(finding),
                finding.code,
                finding.severity.russian(),
                finding.message
            )?;
        }
        writeln!(out)?;
    }
    let declines: Vec<&Dynamics> = report.declines().collect();
    if !declines.is_empty() {
        writeln!(out, "{}", style.red("Значимое снижение удовлетворенности:"))?;
        for d in &declines {
            writeln!(
                out,
                "  {}: {} → {}, {:+.1} п.п. (p = {:.4})",
                item_label(&d.item),
                d.from,
                d.to,
                d.delta_pp,
                d.p_value
            )?;
        }
        writeln!(out, "  {DECLINE_REMINDER}")?;
        writeln!(out)?;
    }
    for wave in &report.waves {
        writeln!(out, "{}", style.bold(&wave_heading(wave)))?;
        let mut rendered = Table::new();
        rendered.load_style(UTF8_FULL_CONDENSED).set_header(vec![
            "Вопрос",
            "Ответов",
            "Уровень",
            "95% ДИ",
            "Средний балл",
            "",
        ]);
        for item in &wave.items {
            rendered.add_row(vec![
                item_label(&item.label),
                item.figures.n.to_string(),
                percent(item.figures.level),
                interval(item.figures.ci),
                mean(item.figures.mean),
                bar(item.figures.level),
            ]);
        }
        writeln!(out, "{rendered}")?;
        let mut options = Table::new();
        options
            .load_style(UTF8_FULL_CONDENSED)
            .set_header(vec!["Вопрос", "Ответы по вариантам: число (доля)"]);
        for item in &wave.items {
            options.add_row(vec![
                item_label(&item.label),
                distribution(&item.figures, "\n"),
            ]);
        }
        writeln!(out, "{options}")?;
        let with_groups: Vec<_> = wave.items.iter().filter(|i| i.groups.is_some()).collect();
        if !with_groups.is_empty() {
            let mut groups = Table::new();
            groups.load_style(UTF8_FULL_CONDENSED).set_header(vec![
                "Вопрос",
                "Группа",
                "Анкет",
                "Уровень",
                "95% ДИ",
                "Средний балл",
            ]);
            for item in with_groups {
                for group in item.groups.iter().flatten() {
                    match group {
                        Group::Shown {
                            group,
                            respondents,
                            figures,
                        } => groups.add_row(vec![
                            item_label(&item.label),
                            group.clone(),
                            respondents.to_string(),
                            percent(figures.level),
                            interval(figures.ci),
                            mean(figures.mean),
                        ]),
                        Group::Suppressed { group, .. } => groups.add_row(vec![
                            item_label(&item.label),
                            group.clone(),
                            "скрыто".into(),
                            "—".into(),
                            "—".into(),
                            "—".into(),
                        ]),
                    };
                }
            }
            writeln!(
                out,
                "По сегментам (группы меньше порога скрыты ради анонимности, Смоленск 5.2):"
            )?;
            writeln!(out, "{groups}")?;
        }
        writeln!(out)?;
    }
    if !report.dynamics.is_empty() {
        writeln!(
            out,
            "{}",
            style.bold("Динамика (двусторонний z-тест для двух долей, p < 0,05):")
        )?;
        let mut rendered = Table::new();
        rendered.load_style(UTF8_FULL_CONDENSED).set_header(vec![
            "Вопрос",
            "Годы",
            "Было",
            "Стало",
            "Изменение, п.п.",
            "p",
            "Вывод",
        ]);
        for d in &report.dynamics {
            let verdict = verdict(d);
            rendered.add_row(vec![
                item_label(&d.item),
                format!("{} → {}", d.from, d.to),
                format!("{:.1}%", d.levels.0),
                format!("{:.1}%", d.levels.1),
                format!("{:+.1}", d.delta_pp),
                format!("{:.4}", d.p_value),
                verdict.to_string(),
            ]);
        }
        writeln!(out, "{rendered}")?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// "Полностью удовлетворен: 20 (34.5%)" for every option, joined by `separator`.
pub fn distribution(figures: &Figures, separator: &str) -> String {
    figures
        .counts
        .0
        .iter()
        .zip(&figures.shares.0)
        .map(|((option, count), (_, share))| format!("{option}: {count} ({share:.1}%)"))
        .collect::<Vec<_>>()
        .join(separator)
}

fn figure_cells(figures: &Figures) -> Vec<String> {
    let mut cells = vec![figures.n.to_string()];
    cells.push(figures.level.map_or(String::new(), |v| format!("{v:.1}")));
    cells.push(figures.ci.map_or(String::new(), |c| format!("{:.1}", c[0])));
    cells.push(figures.ci.map_or(String::new(), |c| format!("{:.1}", c[1])));
    cells.push(figures.mean.map_or(String::new(), |v| format!("{v:.2}")));
    cells.push(distribution(figures, "; "));
    cells
}

/// One row per wave, item and group, for Russian Excel (UTF-8 with BOM, `;`).
pub fn csv_bytes(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer.write_record([
            "Опрос",
            "Вопрос",
            "Группа",
            "Ответов",
            "Уровень, %",
            "ДИ от, %",
            "ДИ до, %",
            "Средний балл",
            "Ответы по вариантам",
        ])?;
        for wave in &report.waves {
            for item in &wave.items {
                let mut row = vec![wave.label.clone(), item.label.clone(), String::new()];
                row.extend(figure_cells(&item.figures));
                writer.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
                for group in item.groups.iter().flatten() {
                    let mut row = vec![wave.label.clone(), item.label.clone()];
                    match group {
                        Group::Shown { group, figures, .. } => {
                            row.push(group.clone());
                            row.extend(figure_cells(figures));
                        }
                        Group::Suppressed { group, .. } => {
                            row.push(group.clone());
                            row.extend(["скрыто".to_string()]);
                            row.resize(9, String::new());
                        }
                    }
                    writer.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
                }
            }
        }
        writer.flush()?;
    }
    Ok(bytes)
}

pub fn markdown(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    writeln!(out, "# Итоги опроса удовлетворенности внутренних клиентов")?;
    writeln!(out)?;
    let declines: Vec<&Dynamics> = report.declines().collect();
    if !declines.is_empty() {
        writeln!(out, "## Значимое снижение")?;
        writeln!(out)?;
        for d in declines {
            writeln!(
                out,
                "- **{}**: {} → {}, {:+.1} п.п. (p = {:.4})",
                markdown_cell(&item_label(&d.item)),
                d.from,
                d.to,
                d.delta_pp,
                d.p_value
            )?;
        }
        writeln!(out)?;
        writeln!(out, "> {DECLINE_REMINDER}")?;
        writeln!(out)?;
    }
    for wave in &report.waves {
        writeln!(out, "## {}", markdown_cell(&wave_heading(wave)))?;
        writeln!(out)?;
        writeln!(
            out,
            "| Вопрос | Ответов | Уровень | 95% ДИ | Средний балл | Ответы по вариантам |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for item in &wave.items {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                markdown_cell(&item_label(&item.label)),
                item.figures.n,
                percent(item.figures.level),
                interval(item.figures.ci),
                mean(item.figures.mean),
                markdown_cell(&distribution(&item.figures, "; "))
            )?;
            for group in item.groups.iter().flatten() {
                match group {
                    Group::Shown { group, figures, .. } => writeln!(
                        out,
                        "| — {} | {} | {} | {} | {} | {} |",
                        markdown_cell(group),
                        figures.n,
                        percent(figures.level),
                        interval(figures.ci),
                        mean(figures.mean),
                        markdown_cell(&distribution(figures, "; "))
                    )?,
                    Group::Suppressed { group, .. } => writeln!(
                        out,
                        "| — {} | скрыто | — | — | — | — |",
                        markdown_cell(group)
                    )?,
                }
            }
        }
        writeln!(out)?;
    }
    if !report.dynamics.is_empty() {
        writeln!(out, "## Динамика")?;
        writeln!(out)?;
        writeln!(
            out,
            "| Вопрос | Годы | Было | Стало | Изменение, п.п. | p | Вывод |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for d in &report.dynamics {
            writeln!(
                out,
                "| {} | {} → {} | {:.1}% | {:.1}% | {:+.1} | {:.4} | {} |",
                markdown_cell(&item_label(&d.item)),
                d.from,
                d.to,
                d.levels.0,
                d.levels.1,
                d.delta_pp,
                d.p_value,
                verdict(d)
            )?;
        }
    }
    Ok(())
}

/// The columns of the pain map (Smolensk 4.8: problems, measures, deadline).
pub const PAIN_HEADINGS: [&str; 7] = [
    "Опрос",
    "Вопрос (потребность)",
    "Вид",
    "Проблема или предложение",
    "Сколько раз",
    "Мероприятие",
    "Срок",
];

fn pain_rows(report: &TallyReport) -> Vec<[String; 7]> {
    report
        .waves
        .iter()
        .flat_map(|wave| {
            wave.pains.iter().map(|pain| {
                [
                    wave.label.clone(),
                    pain.item.clone(),
                    pain.kind.to_string(),
                    pain.text.clone(),
                    pain.count.to_string(),
                    String::new(),
                    String::new(),
                ]
            })
        })
        .collect()
}

pub fn pains_csv(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer.write_record(PAIN_HEADINGS)?;
        for row in pain_rows(report) {
            writer.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
        }
        writer.flush()?;
    }
    Ok(bytes)
}

pub fn pains_markdown(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    writeln!(out, "# Карта болей внутреннего клиента")?;
    writeln!(out)?;
    writeln!(
        out,
        "Проблемы и предложения из анкет (Смоленск 4.7-4.8); одинаковые тексты посчитаны один раз. Графы «Мероприятие» и «Срок» заполняет ответственное подразделение."
    )?;
    writeln!(out)?;
    writeln!(out, "| {} |", PAIN_HEADINGS.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(PAIN_HEADINGS.len()))?;
    for row in pain_rows(report) {
        let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

pub fn pains_xlsx(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Карта болей")?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(0xEEF2F7);
    let cell = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    for (col, heading) in PAIN_HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *heading, &header)?;
    }
    for (col, width) in [8.0, 32.0, 14.0, 60.0, 12.0, 40.0, 14.0].iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    for (r, row) in pain_rows(report).iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            let r = r as u32 + 1;
            if col == 4 {
                sheet.write_number_with_format(
                    r,
                    col as u16,
                    value.parse::<f64>().unwrap_or(0.0),
                    &cell,
                )?;
            } else {
                // Strings are stored as text cells, never formulas.
                sheet.write_string_with_format(r, col as u16, value.as_str(), &cell)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_twenty_characters() {
        assert_eq!(bar(Some(100.0)).chars().count(), 20);
        assert_eq!(
            bar(Some(50.0)),
            format!("{}{}", "█".repeat(10), "░".repeat(10))
        );
        assert_eq!(bar(None), "");
    }
}
