//! The region's roll-up (region.md) in every format from one model of sections: each section a
//! heading, its column headings and rows of typed cells, so that the terminal, Markdown, the
//! page and the workbook show the same figures (numbers as numbers in the workbook, Russian
//! typography for people).

use crate::region::{Body, Publication, Rollup, State, area_name};
use crate::text::russian_date;
use std::fmt::Write as _;

/// One cell, typed: people see it in Russian, the workbook stores it as a number or a date.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// Percent, 0–100.
    Share(f64),
    /// Percentage points.
    Delta(f64),
    P(f64),
    /// ISO date.
    Date(String),
    /// Nothing to show: «—».
    None,
}

impl Cell {
    fn shown(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(share) => super::share(*share),
            Cell::Delta(delta) => super::signed(*delta),
            Cell::P(p) => super::p_cell(*p),
            Cell::Date(iso) => russian_date(iso),
            Cell::None => "—".to_string(),
        }
    }

    /// The value a sortable page orders by.
    fn sort_key(&self) -> Option<f64> {
        match self {
            Cell::Count(n) => Some(*n as f64),
            Cell::Share(v) | Cell::Delta(v) | Cell::P(v) => Some(*v),
            // 2025-05-14 sorts as 20250514: by date, not by day.
            Cell::Date(iso) => iso.replace('-', "").parse().ok(),
            _ => None,
        }
    }
}

/// A section of the roll-up.
pub struct Section {
    pub title: &'static str,
    pub sheet: &'static str,
    pub headings: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// The columns the terminal shows (every one in the other formats): an 80-column console
    /// holds these as a table.
    pub brief: &'static [usize],
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn opt_share(value: Option<f64>) -> Cell {
    value.map_or(Cell::None, Cell::Share)
}

fn state(body: &Body) -> &'static str {
    match body.state {
        State::Read => "прочитано",
        State::NoData => "нет данных",
        State::Refused => "не включён: повтор органа",
    }
}

/// The body's latest overall change and its significance, when shown.
fn latest_change(body: &Body) -> Option<&crate::region::Change> {
    body.surveys
        .iter()
        .filter(|s| !s.hidden)
        .flat_map(|s| s.levels.iter())
        .find(|l| l.area.is_none())
        .and_then(|l| l.changes.last())
}

/// What a change means, in the words of the survey's dynamics.
fn verdict(change: &crate::region::Change) -> Cell {
    text(if change.decline {
        "значимое снижение"
    } else if change.significant {
        "значимый рост"
    } else {
        "незначимо"
    })
}

fn bodies_section(rollup: &Rollup) -> Section {
    let rows = rollup
        .bodies
        .iter()
        .map(|body| {
            let counted = body.state != State::Refused;
            let change = latest_change(body).filter(|_| counted);
            vec![
                text(body.name.clone()),
                text(state(body)),
                Cell::Count(body.registries.len() as u64),
                if counted && !body.registries.is_empty() {
                    Cell::Count(body.errors() as u64)
                } else {
                    Cell::None
                },
                if counted {
                    opt_share(body.level())
                } else {
                    Cell::None
                },
                change.map_or(Cell::None, |c| Cell::Delta(c.delta_pp)),
                change.map_or(Cell::None, verdict),
                if counted {
                    opt_share(body.share_on_time())
                } else {
                    Cell::None
                },
                if counted && !body.journals.is_empty() {
                    Cell::Count(body.overdue())
                } else {
                    Cell::None
                },
            ]
        })
        .collect();
    Section {
        title: "Органы",
        sheet: "Органы",
        brief: &[0, 3, 4, 5, 7, 8],
        headings: vec![
            "Орган",
            "Данные",
            "Перечней",
            "Ошибок",
            "Уровень (последний год)",
            "Изменение, п. п.",
            "Значимость",
            "Ответы в срок",
            "Просрочено",
        ],
        rows,
    }
}

fn counted(rollup: &Rollup) -> impl Iterator<Item = &Body> {
    rollup.bodies.iter().filter(|b| b.state != State::Refused)
}

fn registries_section(rollup: &Rollup) -> Section {
    let mut rows = Vec::new();
    for body in counted(rollup) {
        for registry in &body.registries {
            let areas: Vec<String> = registry.areas.iter().map(|a| area_name(a)).collect();
            let rules: Vec<String> = registry
                .by_rule
                .iter()
                .map(|(code, count)| format!("{code} × {count}"))
                .collect();
            rows.push(vec![
                text(body.name.clone()),
                text(registry.file.clone()),
                if areas.is_empty() {
                    Cell::None
                } else {
                    text(areas.join(", "))
                },
                registry.act.clone().map_or(Cell::None, Cell::Text),
                registry.approved.clone().map_or(Cell::None, Cell::Date),
                registry.published.clone().map_or(Cell::None, Cell::Date),
                text(registry.publication.russian()),
                if registry.publication == Publication::Unknown {
                    Cell::None
                } else {
                    Cell::Count(registry.touchpoints as u64)
                },
                opt_share(registry.digital_share),
                if registry.needs_total == 0 {
                    Cell::None
                } else {
                    text(format!(
                        "{} из {}",
                        registry.needs_covered, registry.needs_total
                    ))
                },
                Cell::Count(registry.errors as u64),
                Cell::Count(registry.warnings as u64),
                Cell::Count(registry.notes as u64),
                if rules.is_empty() {
                    Cell::None
                } else {
                    text(rules.join(", "))
                },
            ]);
        }
    }
    Section {
        title: "Перечни",
        sheet: "Перечни",
        brief: &[0, 6, 7, 8, 10, 11],
        headings: vec![
            "Орган",
            "Файл",
            "Области",
            "Акт утверждения",
            "Утверждён",
            "Размещён",
            "Размещение",
            "Точек",
            "Цифровых",
            "Потребностей охвачено",
            "Ошибок",
            "Предупреждений",
            "Замечаний",
            "Находки по правилам",
        ],
        rows,
    }
}

fn survey_section(rollup: &Rollup) -> Section {
    let mut rows = Vec::new();
    for body in counted(rollup) {
        for survey in &body.surveys {
            if survey.hidden {
                rows.push(vec![
                    text(body.name.clone()),
                    Cell::None,
                    Cell::None,
                    text(format!("меньше {}", rollup.min_group)),
                    Cell::None,
                    Cell::None,
                    Cell::None,
                    text("не выводится (анонимность)"),
                ]);
                continue;
            }
            for area in &survey.levels {
                let name = area
                    .area
                    .as_deref()
                    .map_or_else(|| "в целом".to_string(), area_name);
                for year in &area.years {
                    let change = area.changes.iter().find(|c| c.to == year.label);
                    rows.push(vec![
                        text(body.name.clone()),
                        text(name.clone()),
                        text(year.label.clone()),
                        year.answers.map_or(Cell::None, Cell::Count),
                        opt_share(year.level),
                        change.map_or(Cell::None, |c| Cell::Delta(c.delta_pp)),
                        change.map_or(Cell::None, |c| Cell::P(c.p_value)),
                        change.map_or(Cell::None, verdict),
                    ]);
                }
            }
            if survey.levels.is_empty() {
                rows.push(vec![
                    text(body.name.clone()),
                    Cell::None,
                    Cell::None,
                    survey.respondents.map_or(Cell::None, Cell::Count),
                    Cell::None,
                    Cell::None,
                    Cell::None,
                    text("в анкете нет общего вопроса"),
                ]);
            }
        }
    }
    Section {
        title: "Опрос удовлетворенности",
        sheet: "Опрос",
        brief: &[0, 1, 2, 3, 4, 5],
        headings: vec![
            "Орган",
            "Область",
            "Год",
            "Ответов",
            "Уровень",
            "Изменение, п. п.",
            "p",
            "Значимость",
        ],
        rows,
    }
}

fn journal_section(rollup: &Rollup) -> Section {
    let mut rows = Vec::new();
    for body in counted(rollup) {
        for journal in &body.journals {
            rows.push(vec![
                text(body.name.clone()),
                Cell::Date(journal.as_of.clone()),
                Cell::Count(journal.total),
                Cell::Count(journal.on_time),
                Cell::Count(journal.late),
                Cell::Count(journal.overdue),
                opt_share(journal.share_on_time),
            ]);
        }
    }
    Section {
        title: "Журнал обращений",
        sheet: "Журнал",
        brief: &[0, 1, 2, 5, 6],
        headings: vec![
            "Орган",
            "На дату",
            "Обращений",
            "В срок",
            "Позже срока",
            "Просрочено",
            "Доля в срок",
        ],
        rows,
    }
}

fn previous_section(rollup: &Rollup) -> Option<Section> {
    rollup.previous.as_ref()?;
    let rows = counted(rollup)
        .map(|body| {
            let before = body.previous.as_ref();
            vec![
                text(body.name.clone()),
                before.map_or(Cell::None, |p| opt_share(p.level)),
                opt_share(body.level()),
                match (before.and_then(|p| p.level), body.level()) {
                    (Some(a), Some(b)) => Cell::Delta(b - a),
                    _ => Cell::None,
                },
                before.map_or(Cell::None, |p| Cell::Count(p.errors as u64)),
                Cell::Count(body.errors() as u64),
                before.map_or(Cell::None, |p| Cell::Count(p.overdue)),
                Cell::Count(body.overdue()),
                before.map_or(Cell::None, |p| opt_share(p.share_on_time)),
                opt_share(body.share_on_time()),
            ]
        })
        .collect();
    Some(Section {
        title: "К прошлому своду",
        sheet: "К прошлому своду",
        brief: &[0, 1, 2, 6, 7],
        headings: vec![
            "Орган",
            "Уровень: было",
            "Уровень: стало",
            "Изменение, п. п.",
            "Ошибок: было",
            "Ошибок: стало",
            "Просрочено: было",
            "Просрочено: стало",
            "В срок: было",
            "В срок: стало",
        ],
        rows,
    })
}

fn skipped_section(rollup: &Rollup) -> Section {
    let rows = rollup
        .bodies
        .iter()
        .flat_map(|body| {
            body.skipped.iter().map(move |note| {
                vec![
                    text(body.name.clone()),
                    text(note.file.clone()),
                    text(note.message.clone()),
                ]
            })
        })
        .collect();
    Section {
        title: "Файлы, не вошедшие в свод",
        sheet: "Не вошло",
        brief: &[0, 1, 2],
        headings: vec!["Орган", "Файл", "Почему"],
        rows,
    }
}

/// Every section, in the order people read them (the attention list comes before them).
pub fn sections(rollup: &Rollup) -> Vec<Section> {
    let mut sections = vec![
        bodies_section(rollup),
        registries_section(rollup),
        survey_section(rollup),
        journal_section(rollup),
    ];
    sections.extend(previous_section(rollup));
    sections.push(skipped_section(rollup));
    sections
}

/// «Свод по региону на 01.12.2025: 5 органов (прочитано 4, нет данных 1)».
fn headline(rollup: &Rollup) -> String {
    let total = rollup.bodies.len();
    let count = |state: State| rollup.bodies.iter().filter(|b| b.state == state).count();
    let mut parts = vec![format!("прочитано {}", count(State::Read))];
    if count(State::NoData) > 0 {
        parts.push(format!("нет данных {}", count(State::NoData)));
    }
    if count(State::Refused) > 0 {
        parts.push(format!("не включено {}", count(State::Refused)));
    }
    let mut line = format!(
        "Свод по региону на {}: {total} {} ({})",
        russian_date(&rollup.made),
        crate::text::plural(total, "орган", "органа", "органов"),
        parts.join(", ")
    );
    if let Some(previous) = &rollup.previous {
        let _ = write!(line, "; сравнение со сводом на {}", russian_date(previous));
    }
    line
}

fn attention_title(rollup: &Rollup) -> String {
    if rollup.attention.is_empty() {
        "Требует внимания: ничего".to_string()
    } else {
        format!("Требует внимания ({}):", rollup.attention.len())
    }
}

/// Tables for the terminal, each fitted to `width` (a block per row when it would not fit).
pub fn table(rollup: &Rollup, width: usize) -> Vec<u8> {
    let mut out = String::new();
    out.push_str(&super::fit::wrap(&headline(rollup), width, ""));
    out.push('\n');
    out.push_str(&attention_title(rollup));
    out.push('\n');
    for item in &rollup.attention {
        out.push_str(&super::fit::wrap(
            &format!("• {}: {}", item.body, item.what),
            width,
            "    ",
        ));
    }
    for section in sections(rollup) {
        if section.rows.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{}\n", section.title);
        let headings: Vec<&str> = section.brief.iter().map(|&c| section.headings[c]).collect();
        let rows: Vec<Vec<String>> = section
            .rows
            .iter()
            .map(|r| section.brief.iter().map(|&c| r[c].shown()).collect())
            .collect();
        out.push_str(&super::fit::table(&headings, &rows, width));
    }
    out.push_str(&super::fit::wrap(
        "\nВсе графы (акты, даты, правила, значимость): --format markdown, или файл -o свод.xlsx или -o свод.html",
        width,
        "",
    ));
    out.into_bytes()
}

pub fn markdown(rollup: &Rollup) -> Vec<u8> {
    use super::markdown_cell as cell;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&headline(rollup)));
    let _ = writeln!(
        out,
        "## {}\n",
        attention_title(rollup).trim_end_matches(':')
    );
    for item in &rollup.attention {
        let _ = writeln!(out, "- **{}**: {}", cell(&item.body), cell(&item.what));
    }
    for section in sections(rollup) {
        if section.rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {}\n", section.title);
        let _ = writeln!(out, "| {} |", section.headings.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(section.headings.len()));
        for row in &section.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(&c.shown())).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    out.into_bytes()
}

pub fn json(rollup: &Rollup) -> anyhow::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(rollup)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A workbook: the attention list, then a sheet per section; numbers, shares and dates as
/// Excel's own, with a filter on every heading row so that any column sorts.
pub fn xlsx(rollup: &Rollup) -> anyhow::Result<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let heading = super::xlsx_heading_format();
    let formats = Formats::new();
    let attention = Section {
        title: "Требует внимания",
        sheet: "Внимание",
        brief: &[0, 1],
        headings: vec!["Орган", "Что"],
        rows: rollup
            .attention
            .iter()
            .map(|a| vec![text(a.body.clone()), text(a.what.clone())])
            .collect(),
    };
    let title = workbook.add_worksheet();
    title.set_name("Свод")?;
    let bold = rust_xlsxwriter::Format::new().set_bold().set_font_size(14);
    title.write_string_with_format(
        0,
        0,
        "Свод по региону: клиентоцентричность органов исполнительной власти",
        &bold,
    )?;
    title.write_string(1, 0, headline(rollup))?;
    title.write_string(2, 0, attention_title(rollup).trim_end_matches(':'))?;
    // What each sheet holds, so the title page says what the book is.
    let listed = rust_xlsxwriter::Format::new().set_text_wrap();
    title.write_string(4, 0, "Листы книги:")?;
    for (row, section) in (5u32..).zip(
        std::iter::once(("Внимание", "Требует внимания"))
            .chain(sections(rollup).iter().map(|s| (s.sheet, s.title))),
    ) {
        title.write_string_with_format(
            row,
            0,
            format!("«{}» — {}", section.0, section.1),
            &listed,
        )?;
    }
    title.set_column_width(0, 100)?;
    title.set_landscape();
    title.set_paper_size(9);
    for section in std::iter::once(attention).chain(sections(rollup)) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(section.sheet)?;
        // Widths from the texts (the attention list's sentences wrap at 60 characters), rows as
        // tall as their lines, printed landscape one page wide with the headings on each page.
        let texts: Vec<Vec<String>> =
            std::iter::once(section.headings.iter().map(|h| (*h).to_string()).collect())
                .chain(
                    section
                        .rows
                        .iter()
                        .map(|row| row.iter().map(Cell::shown).collect()),
                )
                .collect();
        let widths = super::xlsx_widths(&texts, 10.0);
        for (c, h) in section.headings.iter().enumerate() {
            let c = u16::try_from(c)?;
            sheet.write_string_with_format(0, c, *h, &heading)?;
            sheet.set_column_width(c, widths.get(usize::from(c)).copied().unwrap_or(16.0))?;
        }
        super::xlsx_row_heights(sheet, 0, &texts, &widths)?;
        super::xlsx_for_print(sheet, 0)?;
        for (r, row) in section.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)?;
            for (c, value) in row.iter().enumerate() {
                write_cell(sheet, r, u16::try_from(c)?, value, &formats)?;
            }
        }
        let last_row = u32::try_from(section.rows.len())?;
        let last_column = u16::try_from(section.headings.len().saturating_sub(1))?;
        sheet.autofilter(0, 0, last_row, last_column)?;
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The cell formats of the workbook.
struct Formats {
    body: rust_xlsxwriter::Format,
    percent: rust_xlsxwriter::Format,
    delta: rust_xlsxwriter::Format,
    p: rust_xlsxwriter::Format,
    date: rust_xlsxwriter::Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            body: super::xlsx_cell_format(),
            percent: super::xlsx_cell_format().set_num_format("0.0%"),
            delta: super::xlsx_cell_format().set_num_format("+0.0;\u{2212}0.0;0.0"),
            p: super::xlsx_cell_format().set_num_format("0.0000"),
            date: super::xlsx_cell_format().set_num_format("dd.mm.yyyy"),
        }
    }
}

/// One typed cell as Excel's own: a number, a share in percent, a date, a year, or a text.
fn write_cell(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    value: &Cell,
    formats: &Formats,
) -> anyhow::Result<()> {
    match value {
        Cell::Count(n) => {
            sheet.write_number_with_format(r, c, *n as f64, &formats.body)?;
        }
        Cell::Share(v) => {
            sheet.write_number_with_format(r, c, v / 100.0, &formats.percent)?;
        }
        Cell::Delta(v) => {
            // As people read it: one decimal (never −0.4000000000000057).
            let rounded = (v * 10.0).round() / 10.0;
            sheet.write_number_with_format(r, c, rounded, &formats.delta)?;
        }
        Cell::P(v) => {
            sheet.write_number_with_format(r, c, *v, &formats.p)?;
        }
        Cell::Date(iso) => match excel_date(iso) {
            Some(d) => {
                sheet.write_datetime_with_format(r, c, &d, &formats.date)?;
            }
            None => {
                sheet.write_string_with_format(r, c, iso, &formats.body)?;
            }
        },
        Cell::Text(t) if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) => {
            // A year is a number to sort and filter by.
            sheet.write_number_with_format(r, c, t.parse::<f64>()?, &formats.body)?;
        }
        Cell::Text(t) => {
            let safe = crate::text::spreadsheet_safe(t);
            let cut = crate::text::cut_for_excel(&safe);
            sheet.write_string_with_format(r, c, cut.as_deref().unwrap_or(&safe), &formats.body)?;
        }
        Cell::None => {
            sheet.write_string_with_format(r, c, "—", &formats.body)?;
        }
    }
    Ok(())
}

fn excel_date(iso: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let date = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&date)).ok()?,
        u8::try_from(chrono::Datelike::month(&date)).ok()?,
        u8::try_from(chrono::Datelike::day(&date)).ok()?,
    )
    .ok()
}

/// A self-contained page: the attention list, a chart of each body's overall level per year,
/// then the sections as tables that sort by any column (a button in each heading).
pub fn html(rollup: &Rollup) -> String {
    use super::format::escape_html as esc;
    let title = format!("Свод по региону на {}", russian_date(&rollup.made));
    let mut page = String::new();
    let headline = headline(rollup);
    let subtitle = headline
        .split_once(": ")
        .map_or(headline.as_str(), |(_, rest)| rest);
    let _ = writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
        esc(&title),
        esc(&title),
        esc(&crate::text::capitalize(subtitle))
    );
    let _ = writeln!(
        page,
        "<section class=\"attention\" aria-labelledby=\"attention\">\n<h2 id=\"attention\">{}</h2>",
        esc(attention_title(rollup).trim_end_matches(':'))
    );
    if !rollup.attention.is_empty() {
        page.push_str("<ul>\n");
        for item in &rollup.attention {
            let _ = writeln!(
                page,
                "<li><strong>{}</strong>: {}</li>",
                esc(&item.body),
                esc(&item.what)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
    page.push_str(&levels_chart(rollup));
    for (n, section) in sections(rollup).iter().enumerate() {
        if section.rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            page,
            "<section>\n<h2 id=\"s{n}\">{}</h2>\n<div class=\"scroll\" role=\"region\" aria-labelledby=\"s{n}\" tabindex=\"0\">\n<table class=\"sortable\">\n<thead><tr>",
            esc(section.title)
        );
        for heading in &section.headings {
            let _ = write!(
                page,
                "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\">{}</button></th>",
                esc(heading)
            );
        }
        page.push_str("</tr></thead>\n<tbody>\n");
        for row in &section.rows {
            page.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let tag = if c == 0 { "th scope=\"row\"" } else { "td" };
                let close = if c == 0 { "th" } else { "td" };
                match cell.sort_key() {
                    Some(key) => {
                        let _ = write!(
                            page,
                            "<{tag} data-sort=\"{key}\" class=\"number\">{}</{close}>",
                            esc(&cell.shown())
                        );
                    }
                    None => {
                        let _ = write!(page, "<{tag}>{}</{close}>", esc(&cell.shown()));
                    }
                }
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }
    page.push_str("</main>\n");
    page.push_str(SORT_SCRIPT);
    page.push_str("</body>\n</html>\n");
    page
}

const CHART_WIDTH: f64 = 960.0;
const CHART_LABEL: f64 = 300.0;
const BAR: f64 = 14.0;

/// The years shown and each body's overall level in them (bodies without one left out).
type ChartData<'a> = (Vec<String>, Vec<(&'a str, Vec<(String, f64)>)>);

fn chart_data(rollup: &Rollup) -> ChartData<'_> {
    let mut years: Vec<String> = Vec::new();
    let mut bodies: Vec<(&str, Vec<(String, f64)>)> = Vec::new();
    for body in counted(rollup) {
        let Some(levels) = body
            .surveys
            .iter()
            .filter(|s| !s.hidden)
            .flat_map(|s| s.levels.iter())
            .find(|l| l.area.is_none())
        else {
            continue;
        };
        let shown: Vec<(String, f64)> = levels
            .years
            .iter()
            .filter_map(|y| y.level.map(|l| (y.label.clone(), l)))
            .collect();
        for (year, _) in &shown {
            if !years.contains(year) {
                years.push(year.clone());
            }
        }
        if !shown.is_empty() {
            bodies.push((&body.name, shown));
        }
    }
    years.sort();
    (years, bodies)
}

/// Each body's overall level per year as horizontal bars, a colour per year with the value
/// written beside each bar (the figure never rests on colour alone); the same figures are in
/// the survey table below.
fn levels_chart(rollup: &Rollup) -> String {
    use super::format::escape_html as esc;
    let (years, bodies) = chart_data(rollup);
    if bodies.is_empty() {
        return String::new();
    }
    let group = BAR * years.len() as f64 + 14.0;
    let height = 40.0 + group * bodies.len() as f64 + 30.0;
    let plot = CHART_WIDTH - CHART_LABEL - 70.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<section aria-labelledby=\"chart\">\n<h2 id=\"chart\">Удовлетворенность по органам и годам</h2>\n<p class=\"note\">Доля удовлетворенных ответами на общий вопрос анкеты; органы с числом анкет меньше {} не показаны. Те же числа — в таблице «Опрос удовлетворенности».</p>\n<svg class=\"chart\" viewBox=\"0 0 {CHART_WIDTH} {height}\" role=\"img\" aria-labelledby=\"chart-title\">\n<title id=\"chart-title\">Уровень удовлетворенности каждого органа по годам</title>",
        rollup.min_group
    );
    for (i, year) in years.iter().enumerate() {
        let x = CHART_LABEL + i as f64 * 110.0;
        let _ = writeln!(
            svg,
            "<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{}\"/><text class=\"legend\" x=\"{}\" y=\"20\">{}</text>",
            super::palette::year(i, years.len()),
            x + 20.0,
            esc(year)
        );
    }
    for (b, (name, shown)) in bodies.iter().enumerate() {
        let top = 40.0 + b as f64 * group;
        let _ = writeln!(
            svg,
            "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            CHART_LABEL - 10.0,
            top + BAR * years.len() as f64 / 2.0 + 4.0,
            esc(&short_name(name))
        );
        for (year, level) in shown {
            let i = years.iter().position(|y| y == year).unwrap_or(0);
            let y = top + i as f64 * BAR;
            let w = plot * level.clamp(0.0, 100.0) / 100.0;
            let _ = writeln!(
                svg,
                "<rect x=\"{CHART_LABEL}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"><title>{}, {}: {}</title></rect><text class=\"value\" x=\"{:.1}\" y=\"{}\">{}</text>",
                BAR - 2.0,
                super::palette::year(i, years.len()),
                esc(name),
                esc(year),
                esc(&super::share(*level)),
                CHART_LABEL + w + 6.0,
                y + BAR - 4.0,
                esc(&super::share(*level))
            );
        }
    }
    let axis = 40.0 + group * bodies.len() as f64 + 16.0;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = CHART_LABEL + plot * tick / 100.0;
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{x}\" y1=\"34\" x2=\"{x}\" y2=\"{}\"/><text class=\"axis\" x=\"{x}\" y=\"{axis}\" text-anchor=\"middle\">{tick:.0}\u{a0}%</text>",
            axis - 12.0
        );
    }
    svg.push_str("</svg>\n</section>\n");
    svg
}

/// A body's name that fits the label column; the whole name is in the bars' tooltips.
fn short_name(name: &str) -> String {
    const MAX: usize = 40;
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#1a1a1a}
h1{font-size:24px}h2{font-size:19px;margin-top:1.6em}.subtitle{color:#333;font-size:15px;margin-top:-0.5em}
.note{color:#555;font-size:13px}
.attention{border-left:5px solid #a8431a;background:#fdf0e6;padding:0.5em 1em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #bbb;padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:#eef2f7;padding:0}tbody th{font-weight:normal}
thead th button{font:inherit;font-weight:bold;background:none;border:none;padding:5px 8px;width:100%;text-align:left;cursor:pointer;color:#1a1a1a}
thead th[aria-sort=ascending] button::after{content:' ▲'}thead th[aria-sort=descending] button::after{content:' ▼'}
td.number,th.number{text-align:right;white-space:nowrap}
svg.chart{display:block;max-width:100%;height:auto}
.label{font-size:13px;fill:#222}.axis{font-size:12px;fill:#444}.legend{font-size:13px;fill:#222}.value{font-size:12px;fill:#222}
.grid{stroke:#e3e3e3}
@media (max-width:600px){body{margin:1em .5em}table{font-size:12px}th,td{padding:3px 4px;hyphens:auto;overflow-wrap:break-word}}
@media print{body{margin:0;max-width:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.scroll{overflow:visible}
table,svg.chart{break-inside:avoid}h1,h2{break-after:avoid;page-break-after:avoid}thead th button::after{content:''}}";

/// Sorting by a heading's button: numbers by their value, texts in Russian order; the heading
/// says its order (`aria-sort`).
const SORT_SCRIPT: &str = "<script>
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('thead th');
  heads.forEach(function (th, column) {
    th.querySelector('button').addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var p = x.getAttribute('data-sort'), q = y.getAttribute('data-sort');
        var order = (p !== null && q !== null) ? (parseFloat(p) - parseFloat(q))
          : (p !== null ? -1 : (q !== null ? 1 : x.textContent.localeCompare(y.textContent, 'ru')));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
</script>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_shown_the_russian_way() {
        assert_eq!(Cell::Share(84.25).shown(), "84,3\u{a0}%");
        assert_eq!(Cell::Delta(-9.7).shown(), "\u{2212}9,7");
        assert_eq!(Cell::Date("2025-05-14".to_string()).shown(), "14.05.2025");
        assert_eq!(Cell::None.shown(), "—");
    }

    #[test]
    fn long_names_are_shortened_for_the_chart() {
        let name = "Министерство цифрового развития, информационных технологий и связи";
        assert_eq!(short_name(name).chars().count(), 40);
        assert_eq!(short_name("Минфин"), "Минфин");
    }
}
