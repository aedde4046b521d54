//! A survey tally as a terminal table with a bar per item, JSON, CSV and Markdown; and the pain
//! map as CSV, Markdown and XLSX.

use super::findings::location;
use super::style::Style;
use super::{excel_csv, markdown_cell, xlsx_cell_format, xlsx_heading_format};
use crate::survey::report::PainRow;
use crate::survey::report::{Dynamics, Figures, Group, Item, TallyReport, Trend, Wave};
use crate::text::plural;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use std::io::Write;

/// The reminder of Omsk p.13, printed with every decline.
/// What a significant decline asks for, citing the body's own Порядок (or none).
pub fn decline_reminder(report: &TallyReport) -> String {
    format!(
        "Отрицательная динамика: по {} формируются и направляются Министру предложения по улучшению качества клиентоцентричности.",
        crate::registry::model::cite(
            report.procedure.as_ref(),
            |p| &p.proposals,
            crate::registry::model::Case::Dative,
        )
    )
}

/// «Проблемы и предложения из анкет …», citing the body's pain-map point (or none).
pub fn pain_map_intro(report: &TallyReport) -> String {
    let point = crate::registry::model::cite(
        report.procedure.as_ref(),
        |p| &p.pain_map,
        crate::registry::model::Case::Nominative,
    );
    format!(
        "Проблемы и предложения из анкет (карта болей, {point}); одинаковые тексты посчитаны один раз."
    )
}

use super::{russian, share};
use crate::survey::report::RegistryBlock;

pub(super) fn percent(value: Option<f64>) -> String {
    value.map_or("—".to_string(), share)
}

/// An item's level as every output shows it: «мало ответов (N)» for a small item.
pub(super) fn level_of(figures: &crate::survey::report::Figures) -> String {
    if figures.small {
        format!("мало ответов ({})", figures.n)
    } else {
        percent(figures.level)
    }
}

pub(super) fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or("—".to_string(), |[low, high]| {
        russian(format!("{low:.1}–{high:.1}"))
    })
}

fn mean(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| russian(format!("{v:.2}")))
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
    match d.trend {
        Trend::SignificantDecline => "СНИЖЕНИЕ (значимое)",
        Trend::Decline => "снижение незначимо",
        Trend::SignificantRise => "рост (значимый)",
        Trend::Rise => "рост незначим",
        Trend::NoChange => "без изменений",
    }
}

/// "2024 → 2025, −5,3 п. п. (p = 0,0123)": a change between two years as every format for
/// people prints it.
pub fn change(d: &Dynamics) -> String {
    format!(
        "{} → {}, {}\u{a0}п.\u{a0}п. (p\u{a0}{})",
        d.from,
        d.to,
        super::signed(d.delta_pp),
        super::p_value(d.p_value)
    )
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

/// The tally for the terminal: tables fitted, every other line wrapped between words.
pub fn table(out: &mut dyn Write, report: &TallyReport, color: bool) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    unwrapped_table(&mut bytes, report, color)?;
    let text = String::from_utf8_lossy(&bytes);
    out.write_all(super::fit::wrap_lines(&text, super::fit::terminal_width()).as_bytes())
}

fn unwrapped_table(out: &mut dyn Write, report: &TallyReport, color: bool) -> std::io::Result<()> {
    let style = Style { enabled: color };
    findings_list(out, report, &style)?;
    declines_list(out, report, &style)?;
    for wave in &report.waves {
        writeln!(out, "{}", style.bold(&wave_heading(wave)))?;
        write!(out, "{}", super::fit::comfy(&items_table(wave)))?;
        write!(out, "{}", super::fit::comfy(&options_table(wave)))?;
        if let Some(groups) = groups_table(wave) {
            writeln!(
                out,
                "По сегментам (скрыты группы, где на вопрос ответили меньше порога; анонимность опроса):"
            )?;
            write!(out, "{}", super::fit::comfy(&groups))?;
        }
        writeln!(out)?;
    }
    if !report.dynamics.is_empty() {
        writeln!(
            out,
            "{}",
            style.bold("Динамика (двусторонний z-тест для двух долей, p < 0,05):")
        )?;
        write!(
            out,
            "{}",
            super::fit::comfy(&dynamics_table(&report.dynamics))
        )?;
    }
    let profiles = profile_lines(report, false);
    if !profiles.is_empty() {
        writeln!(
            out,
            "{}",
            style.bold("По профилям клиентского сегмента (последний опрос):")
        )?;
        for line in profiles {
            writeln!(out, "  {line}")?;
        }
        writeln!(out)?;
    }
    if let Some(block) = &report.registry {
        writeln!(
            out,
            "{}",
            style.bold("По процессам перечня (последний опрос):")
        )?;
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_header(REGISTRY_HEADINGS);
        for row in registry_rows(block) {
            table.add_row(row);
        }
        write!(out, "{}", super::fit::comfy(&table))?;
    }
    Ok(())
}

fn findings_list(out: &mut dyn Write, report: &TallyReport, style: &Style) -> std::io::Result<()> {
    if report.findings.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        style.bold("Замечания к выгрузкам (подробно: tochki survey check):")
    )?;
    let width = super::fit::terminal_width();
    for finding in &report.findings {
        let line = format!(
            "  {}: {} {}: {}",
            location(finding),
            finding.code,
            finding.severity.russian(),
            finding.message
        );
        write!(out, "{}", super::fit::wrap(&line, width, "    "))?;
    }
    writeln!(out)
}

fn declines_list(out: &mut dyn Write, report: &TallyReport, style: &Style) -> std::io::Result<()> {
    let declines: Vec<&Dynamics> = report.declines().collect();
    if declines.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", style.red("Значимое снижение удовлетворенности:"))?;
    let width = super::fit::terminal_width();
    for d in &declines {
        let line = format!("  {}: {}", d.item.russian(), change(d));
        write!(out, "{}", super::fit::wrap(&line, width, "    "))?;
    }
    let reminder = format!("  {}", decline_reminder(report));
    write!(out, "{}", super::fit::wrap(&reminder, width, "    "))?;
    writeln!(out)
}

fn new_table(header: Vec<&str>) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_header(header);
    table
}

fn items_table(wave: &Wave) -> Table {
    let mut table = new_table(vec![
        "Вопрос",
        "Ответов",
        "Уровень",
        "95 % ДИ",
        "Средний балл",
        "",
    ]);
    for item in &wave.items {
        table.add_row(vec![
            item.label.russian().to_string(),
            item.figures.n.to_string(),
            level_of(&item.figures),
            interval(item.figures.ci),
            mean(item.figures.mean),
            bar(item.figures.level),
        ]);
    }
    table
}

fn options_table(wave: &Wave) -> Table {
    let mut table = new_table(vec!["Вопрос", "Ответы по вариантам: число (доля)"]);
    for item in &wave.items {
        table.add_row(vec![
            item.label.russian().to_string(),
            distribution(&item.figures, "\n", true),
        ]);
    }
    table
}

/// The groups of every item broken down by segment; None when none is.
fn groups_table(wave: &Wave) -> Option<Table> {
    let with_groups: Vec<&Item> = wave.items.iter().filter(|i| i.groups.is_some()).collect();
    if with_groups.is_empty() {
        return None;
    }
    let mut table = new_table(vec![
        "Вопрос",
        "Группа",
        "Ответов",
        "Уровень",
        "95 % ДИ",
        "Средний балл",
    ]);
    for item in with_groups {
        for group in item.groups.iter().flatten() {
            let label = item.label.russian().to_string();
            table.add_row(match group {
                Group::Shown {
                    group,
                    respondents,
                    figures,
                } => vec![
                    label,
                    group.clone(),
                    respondents.to_string(),
                    percent(figures.level),
                    interval(figures.ci),
                    mean(figures.mean),
                ],
                Group::Suppressed { group, .. } => vec![
                    label,
                    group.clone(),
                    "скрыто".into(),
                    "—".into(),
                    "—".into(),
                    "—".into(),
                ],
            });
        }
    }
    Some(table)
}

fn dynamics_table(dynamics: &[Dynamics]) -> Table {
    let mut table = new_table(vec![
        "Вопрос",
        "Годы",
        "Было",
        "Стало",
        "Изменение, п. п.",
        "p",
        "Вывод",
    ]);
    for d in dynamics {
        table.add_row(vec![
            d.item.russian().to_string(),
            format!("{} → {}", d.from, d.to),
            share(d.levels.0),
            share(d.levels.1),
            super::signed(d.delta_pp),
            super::p_cell(d.p_value),
            verdict(d).to_string(),
        ]);
    }
    table
}

/// The tally for programs and for the region's roll-up, led by its format's version
/// (`tochki.survey/1`): a reader refuses another version by name (region.md).
pub fn json(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Versioned<'a> {
        format: &'static str,
        #[serde(flatten)]
        report: &'a TallyReport,
    }
    let versioned = Versioned {
        format: crate::survey::report::FORMAT,
        report,
    };
    serde_json::to_writer_pretty(&mut *out, &versioned)?;
    writeln!(out)
}

/// "Полностью удовлетворен: 20 (34,5 %)" for every option, joined by `separator`; with a
/// decimal point for CSV (`for_people` false).
pub fn distribution(figures: &Figures, separator: &str, for_people: bool) -> String {
    // A small item's counts would tell who answered what: none is shown (survey.md).
    if figures.small {
        return format!("мало ответов ({})", figures.n);
    }
    figures
        .counts
        .0
        .iter()
        .zip(&figures.shares.0)
        .map(|((option, count), (_, part))| {
            let part = if for_people {
                share(*part)
            } else {
                format!("{part:.1} %")
            };
            format!("{option}: {count} ({part})")
        })
        .collect::<Vec<_>>()
        .join(separator)
}

fn figure_cells(figures: &Figures) -> Vec<String> {
    let mut cells = vec![figures.n.to_string()];
    cells.push(if figures.small {
        format!("мало ответов ({})", figures.n)
    } else {
        figures.level.map_or(String::new(), |v| format!("{v:.1}"))
    });
    cells.push(figures.ci.map_or(String::new(), |c| format!("{:.1}", c[0])));
    cells.push(figures.ci.map_or(String::new(), |c| format!("{:.1}", c[1])));
    cells.push(figures.mean.map_or(String::new(), |v| format!("{v:.2}")));
    cells.push(distribution(figures, "; ", false));
    cells
}

/// The columns of the CSV tally.
const CSV_HEADINGS: [&str; 9] = [
    "Опрос",
    "Вопрос",
    "Группа",
    "Ответов",
    "Уровень, %",
    "ДИ от, %",
    "ДИ до, %",
    "Средний балл",
    "Ответы по вариантам",
];

/// One row per wave, item and group, for Russian Excel (UTF-8 with BOM, `;`).
pub fn csv_bytes(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    let mut rows = Vec::new();
    for wave in &report.waves {
        for item in &wave.items {
            // For Russian Excel: «В целом (общий вопрос)», not the JSON key `overall`.
            let start = || vec![wave.label.clone(), item.label.russian().to_string()];
            let mut row = start();
            row.push(String::new());
            row.extend(figure_cells(&item.figures));
            rows.push(row);
            for group in item.groups.iter().flatten() {
                let mut row = start();
                match group {
                    Group::Shown { group, figures, .. } => {
                        row.push(group.clone());
                        row.extend(figure_cells(figures));
                    }
                    Group::Suppressed { group, .. } => {
                        row.push(group.clone());
                        row.push("скрыто".to_string());
                        row.resize(CSV_HEADINGS.len(), String::new());
                    }
                }
                rows.push(row);
            }
        }
    }
    if report.registry.is_none() {
        return excel_csv(&CSV_HEADINGS, rows);
    }
    // With --registry every row of an item names its process and direction.
    let links = report.waves.iter().flat_map(|wave| {
        wave.items.iter().flat_map(|item| {
            let link = item.link.clone().unwrap_or_default();
            let cells = [
                link.process.unwrap_or_default(),
                link.direction.unwrap_or_default(),
            ];
            std::iter::repeat_n(cells, 1 + item.groups.as_ref().map_or(0, Vec::len))
        })
    });
    for (row, cells) in rows.iter_mut().zip(links) {
        row.resize(CSV_HEADINGS.len(), String::new());
        row.extend(cells);
    }
    let mut headings = CSV_HEADINGS.to_vec();
    headings.extend(["Процесс перечня", "Направление деятельности"]);
    excel_csv(&headings, rows)
}

/// A direction's line: how many items its level pools, and how many its change compares when
/// fewer (an item asked in one year only, or too small in one).
fn direction_line(direction: &crate::survey::report::DirectionResult) -> String {
    let items = direction.level_items.len();
    let mut line = format!(
        "итого по направлению: ответы на {items} {}",
        plural(items, "вопрос", "вопроса", "вопросов")
    );
    let compared = direction.change_items.len();
    if direction.delta_pp.is_some() && compared < items {
        line.push_str(&format!(
            "; изменение — по {compared} {}, заданным в оба года: {}",
            plural(compared, "вопросу", "вопросам", "вопросам"),
            direction
                .change_items
                .iter()
                .map(|i| format!("«{i}»"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    line
}

/// The registry as the latest wave measured it, a row per process, for people.
fn registry_rows(block: &RegistryBlock) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for direction in &block.directions {
        rows.push(vec![
            direction.name.clone(),
            direction_line(direction),
            direction.n.map_or("—".to_string(), |n| n.to_string()),
            percent(direction.level),
            // No interval for pooled answers of the same people (cycle.md).
            "—".to_string(),
            direction
                .delta_pp
                .map_or("—".to_string(), |d| format!("{} п. п.", super::signed(d))),
            // A direction's change is a description: no significance (cycle.md).
            String::new(),
            direction
                .processes
                .iter()
                .map(|p| p.touchpoints.len())
                .sum::<usize>()
                .to_string(),
        ]);
        for process in &direction.processes {
            rows.push(vec![
                direction.name.clone(),
                process.name.clone(),
                process
                    .n
                    .map_or("не спрошен".to_string(), |n| n.to_string()),
                percent(process.level),
                interval(process.ci),
                process
                    .delta_pp
                    .map_or("—".to_string(), |d| format!("{} п. п.", super::signed(d))),
                match process.decline {
                    Some(true) => "значимое снижение".to_string(),
                    _ => String::new(),
                },
                process.touchpoints.len().to_string(),
            ]);
        }
    }
    rows
}

const REGISTRY_HEADINGS: [&str; 8] = [
    "Направление",
    "Процесс",
    "Ответов",
    "Уровень",
    "95 % интервал",
    "Изменение",
    "",
    "Точек",
];

pub fn markdown(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    writeln!(out, "# Итоги опроса удовлетворенности внутренних клиентов")?;
    writeln!(out)?;
    markdown_declines(out, report)?;
    for wave in &report.waves {
        markdown_wave(out, wave)?;
    }
    if !report.dynamics.is_empty() {
        markdown_dynamics(out, &report.dynamics)?;
    }
    if !report.incomparable.is_empty() {
        writeln!(out, "## Не с чем сравнить\n")?;
        for line in incomparable_lines(report) {
            writeln!(out, "- {}", markdown_cell(&line))?;
        }
        writeln!(out)?;
    }
    if let Some(block) = &report.registry {
        writeln!(out, "## По процессам перечня\n")?;
        writeln!(out, "| {} |", REGISTRY_HEADINGS.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(REGISTRY_HEADINGS.len()))?;
        for row in registry_rows(block) {
            let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    let profiles = profile_lines(report, true);
    if !profiles.is_empty() {
        writeln!(
            out,
            "\n## По профилям клиентского сегмента (последний опрос)\n"
        )?;
        for line in profiles {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The profiles of the latest survey (`--profiles`): who matched, which attributes were not
/// asked, each process's figures; nothing for fewer than the minimum group.
fn profile_lines(report: &TallyReport, markdown: bool) -> Vec<String> {
    let Some(wave) = report.waves.last() else {
        return Vec::new();
    };
    let cell = |t: &str| {
        if markdown {
            markdown_cell(t)
        } else {
            t.to_string()
        }
    };
    let mut lines = Vec::new();
    for profile in &wave.profiles {
        lines.push(if markdown {
            format!("### {}", cell(&profile.name))
        } else {
            format!("«{}»", profile.name)
        });
        match profile.respondents {
            Some(n) => lines.push(format!(
                "- подходят {n} {} (по признакам: {})",
                plural(n as usize, "анкета", "анкеты", "анкет"),
                cell(&profile.asked.join(", "))
            )),
            None if profile.asked.is_empty() => lines.push(
                "- ни один признак профиля в анкете не спрашивался: сопоставить ответы нельзя"
                    .to_string(),
            ),
            None => lines.push(format!(
                "- подходит меньше {} {} (по признакам: {}): итоги не показываются",
                report.min_group,
                plural(report.min_group as usize, "анкеты", "анкет", "анкет"),
                cell(&profile.asked.join(", "))
            )),
        }
        if !profile.not_asked.is_empty() {
            lines.push(format!(
                "- не спрашивались: {}",
                cell(&profile.not_asked.join(", "))
            ));
        }
        if profile.respondents.is_some() {
            for item in &profile.items {
                let level = if item.figures.small {
                    format!("мало ответов ({})", item.figures.n)
                } else {
                    format!(
                        "{}, {} {}",
                        percent(item.figures.level),
                        item.figures.n,
                        plural(item.figures.n as usize, "ответ", "ответа", "ответов")
                    )
                };
                lines.push(format!("- {}: {level}", cell(&item.process)));
            }
        }
    }
    lines
}

fn markdown_declines(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    let declines: Vec<&Dynamics> = report.declines().collect();
    if declines.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Значимое снижение")?;
    writeln!(out)?;
    for d in declines {
        writeln!(
            out,
            "- **{}**: {}",
            markdown_cell(d.item.russian()),
            change(d)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "> {}", decline_reminder(report))?;
    writeln!(out)
}

fn markdown_wave(out: &mut dyn Write, wave: &Wave) -> std::io::Result<()> {
    writeln!(out, "## {}", markdown_cell(&wave_heading(wave)))?;
    writeln!(out)?;
    writeln!(
        out,
        "| Вопрос | Ответов | Уровень | 95 % ДИ | Средний балл | Ответы по вариантам |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for item in &wave.items {
        markdown_figures(out, &markdown_cell(item.label.russian()), &item.figures)?;
        for group in item.groups.iter().flatten() {
            match group {
                Group::Shown { group, figures, .. } => {
                    markdown_figures(out, &format!("— {}", markdown_cell(group)), figures)?
                }
                Group::Suppressed { group, .. } => writeln!(
                    out,
                    "| — {} | скрыто | — | — | — | — |",
                    markdown_cell(group)
                )?,
            }
        }
    }
    writeln!(out)
}

/// A row of an item's or a group's figures; `name` is Markdown already.
fn markdown_figures(out: &mut dyn Write, name: &str, figures: &Figures) -> std::io::Result<()> {
    writeln!(
        out,
        "| {name} | {} | {} | {} | {} | {} |",
        figures.n,
        level_of(figures),
        interval(figures.ci),
        mean(figures.mean),
        markdown_cell(&if figures.small {
            String::new()
        } else {
            distribution(figures, "; ", true)
        })
    )
}

fn markdown_dynamics(out: &mut dyn Write, dynamics: &[Dynamics]) -> std::io::Result<()> {
    writeln!(out, "## Динамика")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Вопрос | Годы | Было | Стало | Изменение, п. п. | p | Вывод |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|")?;
    for d in dynamics {
        writeln!(
            out,
            "| {} | {} → {} | {} | {} | {} | {} | {} |",
            markdown_cell(d.item.russian()),
            d.from,
            d.to,
            share(d.levels.0),
            share(d.levels.1),
            super::signed(d.delta_pp),
            super::p_cell(d.p_value),
            verdict(d)
        )?;
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

/// A row of the pain map: a problem or proposal of a wave.
struct PainLine<'a> {
    wave: &'a Wave,
    pain: &'a PainRow,
}

impl PainLine<'_> {
    /// The column of [`PAIN_HEADINGS`] that holds the count.
    const COUNT: usize = 4;

    fn cells(&self) -> [String; 7] {
        [
            self.wave.label.clone(),
            self.pain.item.clone(),
            self.pain.kind.to_string(),
            self.pain.text.clone(),
            self.pain.count.to_string(),
            String::new(),
            String::new(),
        ]
    }
}

fn pain_rows(report: &TallyReport) -> Vec<PainLine<'_>> {
    report
        .waves
        .iter()
        .flat_map(|wave| wave.pains.iter().map(move |pain| PainLine { wave, pain }))
        .collect()
}

pub fn pains_csv(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    excel_csv(
        &PAIN_HEADINGS,
        pain_rows(report).iter().map(|row| row.cells()),
    )
}

pub fn pains_markdown(out: &mut dyn Write, report: &TallyReport) -> std::io::Result<()> {
    writeln!(out, "# Карта болей внутреннего клиента")?;
    writeln!(out)?;
    let withheld: u64 = report.waves.iter().map(|w| w.pains_withheld).sum();
    if withheld > 0 {
        writeln!(out, "{}", super::withheld_note(withheld, report.min_group))?;
        writeln!(out)?;
    }
    let junk: u64 = report.waves.iter().map(|w| w.pains_junk).sum();
    if junk > 0 {
        writeln!(out, "{}", super::junk_note(junk))?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} Графы «Мероприятие» и «Срок» заполняет ответственное подразделение.",
        pain_map_intro(report)
    )?;
    writeln!(out)?;
    writeln!(out, "| {} |", PAIN_HEADINGS.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(PAIN_HEADINGS.len()))?;
    for row in pain_rows(report) {
        let cells: Vec<String> = row.cells().iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

pub fn pains_xlsx(report: &TallyReport) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Карта болей")?;
    let header = xlsx_heading_format();
    let cell = xlsx_cell_format();
    for (col, heading) in PAIN_HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *heading, &header)?;
    }
    let widths = [8.0, 32.0, 14.0, 60.0, 12.0, 40.0, 14.0];
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let texts: Vec<Vec<String>> = pain_rows(report)
        .iter()
        .map(|line| line.cells().to_vec())
        .collect();
    super::xlsx_row_heights(sheet, 1, &texts, &widths)?;
    super::xlsx_for_print(sheet, 0)?;
    for (r, line) in pain_rows(report).iter().enumerate() {
        let r = r as u32 + 1;
        for (col, value) in line.cells().iter().enumerate() {
            if col == PainLine::COUNT {
                sheet.write_number_with_format(r, col as u16, line.pain.count as f64, &cell)?;
            } else {
                // Strings are stored as text cells, never formulas.
                sheet.write_string_with_format(r, col as u16, value.as_str(), &cell)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

/// One line per item «не с чем сравнить» (survey.md «Which column»), for every output.
pub fn incomparable_lines(report: &TallyReport) -> Vec<String> {
    report
        .incomparable
        .iter()
        .map(|i| {
            let former: Vec<String> = i.former.iter().take(5).map(|f| format!("«{f}»")).collect();
            format!(
                "«{}» ({}): в {} такого вопроса не было, а {} в {} не заданы; если это прежний вопрос, свяжите формулировки ключом also: в описании анкеты",
                i.item.russian(),
                i.to,
                i.from,
                former.join(", "),
                i.to
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_significant_fall_that_rounds_to_zero_is_a_decline() {
        let d = Dynamics {
            item: crate::survey::label::ItemLabel::Overall,
            from: "2024".into(),
            to: "2025".into(),
            delta_pp: -0.0,
            p_value: 0.01,
            significant: true,
            trend: Trend::of(-0.04, true),
            levels: (80.04, 80.0),
        };
        assert_eq!(verdict(&d), "СНИЖЕНИЕ (значимое)");
    }

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
