//! The survey report for the management: one self-contained HTML page (no network, no external
//! scripts or fonts) with charts drawn as inline SVG by the tool. Every text that comes from an
//! export is escaped; personal columns never reach the report, since the tally never keeps them.

use super::format::escape_html as esc;
use super::share;
use super::survey::{change, decline_reminder, interval, pain_map_intro, percent, verdict};
use crate::survey::label::ItemLabel;
use crate::survey::report::{Group, Item, PainRow, Part, TallyReport, Wave};
use crate::text::plural;
use std::fmt::Write as _;

const WIDTH: f64 = 960.0;
const LABEL_WIDTH: f64 = 340.0;
const ROW: f64 = 34.0;
/// The space one year takes in a chart's legend.
const LEGEND_STEP: f64 = 110.0;
/// A label that fits the label column; the whole text is in the tooltip.
fn short(label: &str) -> String {
    const MAX: usize = 48;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let cut: String = label.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The whole page.
/// Under the title: the body (with `--registry`), the period of each survey (the dates of the
/// answers) and the day the report was made (documents.md «The report and the pages»).
fn subtitle(page: &mut String, report: &TallyReport) {
    let mut parts: Vec<String> = Vec::new();
    if let Some(organization) = &report.organization {
        parts.push(organization.clone());
    }
    let periods: Vec<String> = report
        .waves
        .iter()
        .map(|w| match w.period {
            Some(p) if p.first == p.last => format!("{}: {}", w.label, p.first.format("%d.%m.%Y")),
            Some(p) => format!(
                "{}: {}–{}",
                w.label,
                p.first.format("%d.%m.%Y"),
                p.last.format("%d.%m.%Y")
            ),
            None => w.label.clone(),
        })
        .collect();
    if !periods.is_empty() {
        parts.push(format!("опрос {}", periods.join("; ")));
    }
    parts.push(format!(
        "отчёт от {}",
        chrono::Local::now().format("%d.%m.%Y")
    ));
    let _ = writeln!(
        page,
        "<p class=\"subtitle\">{}</p>",
        esc(&parts.join(" · "))
    );
}

pub fn html(report: &TallyReport, title: Option<&str>) -> String {
    let mut page = String::new();
    let title = title.unwrap_or("Итоги опроса удовлетворенности внутренних клиентов");
    let _ = writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>",
        esc(title),
        STYLE,
        esc(title)
    );
    subtitle(&mut page, report);
    lead(&mut page, report);
    declines(&mut page, report);
    registry_heat_map(&mut page, report);
    if !report.waves.is_empty() {
        page.push_str("<section>\n<h2>Уровень удовлетворенности и 95 % интервал</h2>\n");
        page.push_str("<p class=\"note\">Доля удовлетворенных (полностью и скорее) среди ответивших с мнением; линия — 95 % интервал Уилсона.</p>\n");
        page.push_str(&levels_chart(report));
        page.push_str("</section>\n");
    }
    for wave in &report.waves {
        let _ = writeln!(
            page,
            "<section>\n<h2>Распределение ответов, {}</h2>",
            esc(&wave.label)
        );
        page.push_str("<p class=\"note\">Неудовлетворенные — левее нуля, удовлетворенные — правее; «затрудняюсь ответить» — отдельно справа. Доли от всех ответов на вопрос.</p>\n");
        page.push_str(&diverging_chart(wave));
        page.push_str("</section>\n");
    }
    dynamics(&mut page, report);
    segments(&mut page, report);
    pain_map(&mut page, report);
    page.push_str("</main>\n");
    page.push_str(SELF_CHECK);
    page.push_str("</body>\n</html>\n");
    page
}

/// The waves and their numbers of questionnaires.
fn lead(page: &mut String, report: &TallyReport) {
    let waves: Vec<String> = report
        .waves
        .iter()
        .map(|w| {
            format!(
                "{} — {} {}",
                esc(&w.label),
                w.respondents,
                plural(w.respondents as usize, "анкета", "анкеты", "анкет")
            )
        })
        .collect();
    let _ = writeln!(page, "<p class=\"lead\">Опросы: {}.</p>", waves.join("; "));
}

/// The significant declines first, with the Omsk p.13 reminder.
fn declines(page: &mut String, report: &TallyReport) {
    let declines: Vec<_> = report.declines().collect();
    if declines.is_empty() {
        return;
    }
    page.push_str(
        "<section class=\"declines\">\n<h2>Значимое снижение удовлетворенности</h2>\n<ul>\n",
    );
    for d in declines {
        let _ = writeln!(
            page,
            "<li><strong>{}</strong>: {}</li>",
            esc(d.item.russian()),
            esc(&change(d))
        );
    }
    let _ = writeln!(
        page,
        "</ul>\n<p>{}</p>\n</section>",
        esc(&decline_reminder(report))
    );
}

fn dynamics(page: &mut String, report: &TallyReport) {
    if !report.incomparable.is_empty() {
        page.push_str("<section>\n<h2>Не с чем сравнить</h2>\n<ul>\n");
        for line in super::survey::incomparable_lines(report) {
            let _ = writeln!(page, "<li>{}</li>", esc(&line));
        }
        page.push_str("</ul>\n</section>\n");
    }
    if report.dynamics.is_empty() {
        return;
    }
    page.push_str("<section>\n<h2>Динамика</h2>\n<table>\n<thead><tr><th>Вопрос</th><th>Годы</th><th>Было</th><th>Стало</th><th>Изменение, п. п.</th><th>p</th><th>Вывод</th></tr></thead>\n<tbody>\n");
    for d in &report.dynamics {
        let class = if d.trend.is_significant_decline() {
            " class=\"decline\""
        } else {
            ""
        };
        let _ = writeln!(
            page,
            "<tr{class}><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(d.item.russian()),
            esc(&d.from),
            esc(&d.to),
            share(d.levels.0),
            share(d.levels.1),
            super::signed(d.delta_pp),
            esc(&super::p_cell(d.p_value)),
            esc(verdict(d))
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// The figures per segment group as a heat map, segments × items, one per wave; a group whose
/// figures are hidden (fewer answers than the threshold) is a hatched grey «скрыто».
/// Groups of a segment in one table of the segments' heat map.
const GROUPS_PER_TABLE: usize = 8;

/// One group's cell of an item in the segments' heat map.
fn segment_cell(page: &mut String, item: &Item, name: &str) {
    let cell = item.groups.iter().flatten().find(|g| match g {
        Group::Shown { group, .. } | Group::Suppressed { group, .. } => group == name,
    });
    match cell {
        Some(Group::Shown {
            figures,
            respondents,
            ..
        }) => {
            let title = format!(
                "{name}: {respondents} {}",
                plural(*respondents as usize, "анкета", "анкеты", "анкет")
            );
            heat_cell(page, figures.level, figures.ci, false, "", &title);
        }
        Some(Group::Suppressed { .. }) => page
            .push_str("<td class=\"cell hidden-cell\" title=\"слишком мало ответов\">скрыто</td>"),
        None => page.push_str("<td class=\"cell none\">—</td>"),
    }
}

/// The groups as columns, the same for every year so years compare column by column: in the
/// order they first appear over the years, the pooled small groups («малая группа») last; a
/// group a year lacks shows «—» there.
fn segment_columns<'a>(waves: &[&'a Wave]) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for group in waves
        .iter()
        .flat_map(|w| w.items.iter())
        .flat_map(|i| i.groups.iter().flatten())
    {
        let name = match group {
            Group::Shown { group, .. } | Group::Suppressed { group, .. } => group.as_str(),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    // A stable sort: the pooled groups move to the end, the rest keep their order.
    names.sort_by_key(|name| name.starts_with("(малая группа"));
    names
}

fn segments(page: &mut String, report: &TallyReport) {
    let segmented: Vec<&Wave> = report
        .waves
        .iter()
        .filter(|w| w.items.iter().any(|i| i.groups.is_some()))
        .collect();
    if segmented.is_empty() {
        return;
    }
    page.push_str(&format!("<section>\n<h2>По сегментам</h2>\n<p class=\"note\">Уровень удовлетворенности группы по каждому вопросу: синий — 70 % и выше (чем темнее, тем выше), оранжевый — ниже 70 % (чем темнее, тем ниже). Цифры группы не показываются («скрыто»), если на вопрос в ней ответили меньше {min} {people}; пока скрытые группы вместе меньше {min}, скрывается и следующая по размеру, иначе их цифры можно было бы вычислить вычитанием из общего итога; значения, которые указали меньше {min} {forms}, заменены на «малая группа» (анонимность опроса).</p>\n",
        min = report.min_group,
        people = crate::text::plural(report.min_group as usize, "человека", "человек", "человек"),
        forms = crate::text::plural(report.min_group as usize, "анкеты", "анкет", "анкет"),
    ));
    let names = segment_columns(&segmented);
    for wave in segmented {
        let items: Vec<&Item> = wave.items.iter().filter(|i| i.groups.is_some()).collect();
        let _ = writeln!(page, "<h3>{}</h3>", esc(&wave.label));
        // Items down, groups across, at most GROUPS_PER_TABLE groups in one table: a survey of
        // 16 items, or a segment of many groups, prints on A4 instead of running off the side.
        for chunk in names.chunks(GROUPS_PER_TABLE) {
            page.push_str("<table class=\"heat segments\">\n<thead><tr><th>Вопрос</th>");
            for name in chunk {
                let _ = write!(page, "<th>{}</th>", esc(name));
            }
            page.push_str("</tr></thead>\n<tbody>\n");
            for item in &items {
                let _ = write!(
                    page,
                    "<tr><th title=\"{}\">{}</th>",
                    esc(item.label.russian()),
                    esc(&short(item.label.russian()))
                );
                for name in chunk {
                    segment_cell(page, item, name);
                }
                page.push_str("</tr>\n");
            }
            page.push_str("</tbody>\n</table>\n");
        }
    }
    heat_legend(page);
    page.push_str("</section>\n");
}

/// The registry as the latest wave measured it (`--registry`): directions → processes, each
/// cell coloured by its level, hatched when its interval is wider than 20 pp, declines marked,
/// unsurveyed processes grey; the touchpoints on hover and in a table under the map.
fn registry_heat_map(page: &mut String, report: &TallyReport) {
    let Some(block) = &report.registry else {
        return;
    };
    page.push_str("<section>\n<h2>Перечень: удовлетворенность по процессам</h2>\n<p class=\"note\">Последний опрос. Синие ячейки — уровень 70 % и выше (чем темнее, тем выше), оранжевые — ниже 70 % (чем темнее, тем ниже), как в распределении ответов: синий — удовлетворены, оранжевый — нет; штриховка — 95 % интервал шире 20 п. п. (мало ответов); ▼ — значимое снижение; серые — процессы, о которых не спрашивали. Точки взаимодействия — при наведении и в таблице ниже.</p>\n<table class=\"heat registry\">\n<tbody>\n");
    for direction in &block.directions {
        let figures = match (direction.level, direction.delta_pp) {
            (Some(level), Some(delta)) => format!(
                "<br><span class=\"note\">все вопросы: {}, {} п. п.</span>",
                percent(Some(level)),
                super::signed(delta)
            ),
            (Some(level), None) => format!(
                "<br><span class=\"note\">все вопросы: {}</span>",
                percent(Some(level))
            ),
            _ => String::new(),
        };
        let _ = write!(
            page,
            "<tr><th>{}{figures}</th><td class=\"row\">",
            esc(&direction.name)
        );
        for process in &direction.processes {
            let points: Vec<String> = process
                .touchpoints
                .iter()
                .map(|t| t.point.clone())
                .collect();
            let title = format!("{}: {}", process.name, points.join("; "));
            if process.surveyed {
                let decline = process.decline == Some(true);
                heat_block(
                    page,
                    &process.name,
                    process.level,
                    process.ci,
                    decline,
                    &title,
                );
            } else {
                let _ = write!(
                    page,
                    "<div class=\"cell none\" title=\"{}\"><span class=\"name\">{}</span><span class=\"value\">не спрошен</span></div>",
                    esc(&title),
                    esc(&short(&process.name))
                );
            }
        }
        page.push_str("</td></tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
    heat_legend(page);
    page.push_str("<table>\n<thead><tr><th>Направление</th><th>Процесс</th><th>Уровень</th><th>Точки взаимодействия</th></tr></thead>\n<tbody>\n");
    for direction in &block.directions {
        for process in &direction.processes {
            let points: Vec<String> = process.touchpoints.iter().map(|t| esc(&t.point)).collect();
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&direction.name),
                esc(&process.name),
                if process.surveyed {
                    percent(process.level)
                } else {
                    "не спрошен".to_string()
                },
                points.join("<br>")
            );
        }
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// A cell's classes: `wide` hatches a wide interval — in dark stripes on a cell whose text is
/// white (`fg`), so its figures keep their contrast, light ones elsewhere.
fn heat_classes(ci: Option<[f64; 2]>, decline: bool, fg: &str) -> String {
    let mut classes = String::from("cell");
    if ci.is_some_and(|[low, high]| high - low > 20.0) {
        classes.push_str(if fg == "#fff" { " wide dark" } else { " wide" });
    }
    if decline {
        classes.push_str(" decline");
    }
    classes
}

/// A table cell of a heat map.
fn heat_cell(
    page: &mut String,
    level: Option<f64>,
    ci: Option<[f64; 2]>,
    decline: bool,
    name: &str,
    title: &str,
) {
    let Some(level) = level else {
        let _ = write!(
            page,
            "<td class=\"cell none\" title=\"{}\">—</td>",
            esc(title)
        );
        return;
    };
    let (bg, fg) = super::palette::heat(level);
    let _ = write!(
        page,
        "<td class=\"{}\" style=\"background-color:{bg};color:{fg}\" title=\"{}\">{}{}</td>",
        heat_classes(ci, decline, fg),
        esc(title),
        esc(name),
        percent(Some(level))
    );
}

/// A block of the registry's heat map: the process's name and level.
fn heat_block(
    page: &mut String,
    name: &str,
    level: Option<f64>,
    ci: Option<[f64; 2]>,
    decline: bool,
    title: &str,
) {
    let (bg, fg) = level.map_or((super::palette::NO_DATA, "#000"), super::palette::heat);
    let mark = if decline { "▼ " } else { "" };
    let _ = write!(
        page,
        "<div class=\"{}\" style=\"background-color:{bg};color:{fg}\" title=\"{}\"><span class=\"name\">{}</span><span class=\"value\">{mark}{}</span></div>",
        heat_classes(ci, decline, fg),
        esc(title),
        esc(&short(name)),
        percent(level)
    );
}

fn heat_legend(page: &mut String) {
    page.push_str("<p class=\"legend-row\">");
    let mut from = 0.0;
    for (upto, bg, fg) in super::palette::HEAT {
        let label = if upto.is_finite() {
            format!("{from:.0}–{upto:.0} %")
        } else {
            format!("{from:.0}–100 %")
        };
        let _ = write!(
            page,
            "<span class=\"swatch\" style=\"background-color:{bg};color:{fg}\">{label}</span>"
        );
        from = upto;
    }
    let _ = writeln!(
        page,
        "<span class=\"swatch wide\" style=\"background-color:{}\">интервал шире 20 п. п.</span><span class=\"swatch none\">не спрошен / скрыто</span></p>",
        super::palette::HEAT[3].1
    );
}

fn pain_map(page: &mut String, report: &TallyReport) {
    let pains: Vec<(&Wave, &PainRow)> = report
        .waves
        .iter()
        .flat_map(|w| w.pains.iter().map(move |p| (w, p)))
        .collect();
    page.push_str("<section>\n<h2>Карта болей</h2>\n");
    let withheld: u64 = report.waves.iter().map(|w| w.pains_withheld).sum();
    if withheld > 0 {
        let _ = writeln!(
            page,
            "<p class=\"note\">{}</p>",
            esc(&super::withheld_note(withheld, report.min_group))
        );
    }
    let junk: u64 = report.waves.iter().map(|w| w.pains_junk).sum();
    if junk > 0 {
        let _ = writeln!(
            page,
            "<p class=\"note\">{}</p>",
            esc(&super::junk_note(junk))
        );
    }
    if pains.is_empty() && withheld == 0 {
        page.push_str("<p>Проблем и предложений в анкетах нет.</p>\n");
    } else if !pains.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"note\">{} Мероприятия и сроки заполняет ответственное подразделение.</p>",
            esc(&pain_map_intro(report))
        );
        page.push_str("<table>\n<thead><tr><th>Опрос</th><th>Вопрос</th><th>Вид</th><th>Текст</th><th>Раз</th><th>Мероприятие</th><th>Срок</th></tr></thead>\n<tbody>\n");
        for (wave, pain) in pains {
            let _ = writeln!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td></td><td></td></tr>",
                esc(&wave.label),
                esc(&pain.item),
                esc(pain.kind),
                esc(&pain.text).replace('\n', "<br>"),
                pain.count
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}

/// Dots per year with their interval, one row per item.
fn levels_chart(report: &TallyReport) -> String {
    let mut labels: Vec<ItemLabel> = Vec::new();
    for wave in &report.waves {
        for item in &wave.items {
            if !labels.contains(&item.label) {
                labels.push(item.label.clone());
            }
        }
    }
    // The legend wraps: as many years a row as fit right of the labels.
    let per_row = ((WIDTH - LABEL_WIDTH) / LEGEND_STEP).floor().max(1.0) as usize;
    let legend_rows = report.waves.len().div_ceil(per_row).max(1);
    let top = 50.0 + 18.0 * (legend_rows - 1) as f64;
    let height = top + ROW * labels.len() as f64 + 30.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" role=\"img\" aria-label=\"Уровень удовлетворенности по годам\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    // Legend.
    for (i, wave) in report.waves.iter().enumerate() {
        let colour = super::palette::year(i, report.waves.len());
        let lx = LABEL_WIDTH + LEGEND_STEP * (i % per_row) as f64;
        let ly = 14.0 + 18.0 * (i / per_row) as f64;
        let _ = writeln!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{ly:.1}\" r=\"6\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"legend\">{}</text>",
            lx + 6.0,
            lx + 16.0,
            ly + 5.0,
            esc(&wave.label)
        );
    }
    // Grid every 20%.
    for step in (0..=100).step_by(20) {
        let gx = level_x(step as f64);
        let _ = writeln!(
            svg,
            "<line x1=\"{gx:.1}\" y1=\"{:.1}\" x2=\"{gx:.1}\" y2=\"{:.1}\" class=\"grid\"/><text x=\"{gx:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{step}\u{a0}%</text>",
            top - 14.0,
            height - 24.0,
            height - 8.0
        );
    }
    for (row, label) in labels.iter().enumerate() {
        let y = top + ROW * row as f64 + ROW / 2.0;
        row_label(&mut svg, label, y + 4.0);
        year_dots(&mut svg, report, label, y);
    }
    svg.push_str("</svg>\n");
    svg
}

/// Where a level (percent) stands on the levels chart.
fn level_x(percent: f64) -> f64 {
    let plot = WIDTH - LABEL_WIDTH - 30.0;
    LABEL_WIDTH + plot * percent / 100.0
}

/// An item's name at the left of its row of a chart, whole in the tooltip.
fn row_label(svg: &mut String, label: &ItemLabel, baseline: f64) {
    let shown = label.russian();
    let lines = label_lines(shown);
    let _ = write!(
        svg,
        "<text x=\"{x:.1}\" y=\"{:.1}\" class=\"label\" text-anchor=\"end\"><title>{}</title>",
        baseline - 7.5 * (lines.len() - 1) as f64,
        esc(shown),
        x = LABEL_WIDTH - 10.0,
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            svg,
            "<tspan x=\"{:.1}\" dy=\"{}\">{}</tspan>",
            LABEL_WIDTH - 10.0,
            if i == 0 { 0 } else { 15 },
            esc(line)
        );
    }
    svg.push_str("</text>\n");
}

/// A label in at most two lines that fit the label column (13 px letters are about 7 px
/// wide: 40 of them take 280 of its 330 px), the rest cut with «…».
fn label_lines(label: &str) -> Vec<String> {
    const LINE: usize = 40;
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let Some(current) = lines.last_mut() else {
            break;
        };
        if current.is_empty() || current.chars().count() + 1 + word.chars().count() <= LINE {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    for line in &mut lines {
        if line.chars().count() > LINE {
            *line = format!("{}…", line.chars().take(LINE - 1).collect::<String>());
        }
    }
    if lines.len() > 2 {
        lines.truncate(2);
        let second: String = lines[1].chars().take(LINE - 1).collect();
        lines[1] = format!("{}…", second.trim_end());
    }
    lines
}

/// One dot with its interval per year for the item `label`, in the row centred on `y`.
fn year_dots(svg: &mut String, report: &TallyReport, label: &ItemLabel, y: f64) {
    let count = report.waves.len().max(1) as f64;
    for (i, wave) in report.waves.iter().enumerate() {
        let Some(item) = wave.items.iter().find(|it| &it.label == label) else {
            continue;
        };
        let (Some(level), Some([low, high])) = (item.figures.level, item.figures.ci) else {
            continue;
        };
        let colour = super::palette::year(i, report.waves.len());
        let dy = y - 8.0 + 16.0 * (i as f64 + 0.5) / count;
        let _ = writeln!(
            svg,
            "<line x1=\"{:.1}\" y1=\"{dy:.1}\" x2=\"{:.1}\" y2=\"{dy:.1}\" stroke=\"{colour}\" stroke-width=\"2\"/><circle cx=\"{:.1}\" cy=\"{dy:.1}\" r=\"5\" fill=\"{colour}\"><title>{}: {} ({})</title></circle>",
            level_x(low),
            level_x(high),
            level_x(level),
            esc(&wave.label),
            share(level),
            interval(Some([low, high]))
        );
    }
}

/// The width of the "затрудняюсь ответить" column of the diverging chart.
const UNSURE_WIDTH: f64 = 90.0;
/// The diverging chart's plot: dissatisfied to the left of `ZERO`, satisfied to the right.
const DIVERGING_PLOT: f64 = WIDTH - LABEL_WIDTH - UNSURE_WIDTH - 40.0;
const ZERO: f64 = LABEL_WIDTH + DIVERGING_PLOT / 2.0;
/// Pixels per percent on each side of zero.
const PX_PER_PERCENT: f64 = DIVERGING_PLOT / 200.0;

/// The diverging stacked bars of one wave.
fn diverging_chart(wave: &Wave) -> String {
    // Dissatisfied to the left of zero, satisfied to the right, "unsure" in a column apart.
    let (zero, scale, unsure_width) = (ZERO, PX_PER_PERCENT, UNSURE_WIDTH);
    let height = 40.0 + ROW * wave.items.len() as f64 + 40.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" role=\"img\" aria-label=\"Распределение ответов {}\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(&wave.label)
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{zero:.1}\" y1=\"30\" x2=\"{zero:.1}\" y2=\"{:.1}\" class=\"zero\"/><text x=\"{:.1}\" y=\"20\" class=\"axis\" text-anchor=\"end\">← не удовлетворены</text><text x=\"{:.1}\" y=\"20\" class=\"axis\">удовлетворены →</text><text x=\"{:.1}\" y=\"20\" class=\"axis\" text-anchor=\"middle\">затрудняюсь</text>",
        height - 30.0,
        zero - 8.0,
        zero + 8.0,
        WIDTH - unsure_width / 2.0 - 10.0
    );
    for (row, item) in wave.items.iter().enumerate() {
        let y = 36.0 + ROW * row as f64;
        row_label(&mut svg, &item.label, y + ROW / 2.0 + 4.0);
        diverging_bar(&mut svg, item, y);
    }
    // Percent axis on both sides.
    for step in [-100i32, -50, 0, 50, 100] {
        let ax = zero + step as f64 * scale;
        let _ = writeln!(
            svg,
            "<text x=\"{ax:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{} %</text>",
            height - 12.0,
            step.abs()
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// One item's bar of the diverging chart, in the row starting at `y`.
fn diverging_bar(svg: &mut String, item: &Item, y: f64) {
    let balance = item.balance();
    let bar_y = y + 6.0;
    let bar_h = ROW - 12.0;
    let mut cursor = ZERO;
    for part in &balance.satisfied {
        let w = part.share * PX_PER_PERCENT;
        segment(svg, cursor, bar_y, w, bar_h, colour(part, true), part);
        cursor += w;
    }
    let mut cursor = ZERO;
    for part in &balance.dissatisfied {
        let w = part.share * PX_PER_PERCENT;
        cursor -= w;
        segment(svg, cursor, bar_y, w, bar_h, colour(part, false), part);
    }
    let ux = WIDTH - UNSURE_WIDTH - 10.0;
    let unsure = balance.unsure.share;
    let w = unsure * UNSURE_WIDTH / 100.0;
    segment(
        svg,
        ux,
        bar_y,
        w,
        bar_h,
        super::palette::UNSURE,
        &balance.unsure,
    );
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\" text-anchor=\"end\">{unsure:.0} %</text>",
        WIDTH - 4.0,
        bar_y + bar_h / 2.0 + 4.0
    );
}

/// The colour of an option's part of a bar: blue for satisfied, orange for dissatisfied,
/// deeper for the outermost option (the palette's language), grey for «затрудняюсь ответить».
fn colour(part: &Part, satisfied: bool) -> &'static str {
    use super::palette::{DISSATISFIED, DISSATISFIED_LIGHT, SATISFIED, SATISFIED_LIGHT};
    match (satisfied, part.strong) {
        (true, true) => SATISFIED,
        (true, false) => SATISFIED_LIGHT,
        (false, true) => DISSATISFIED,
        (false, false) => DISSATISFIED_LIGHT,
    }
}

/// One part of a stacked bar, with its share in the tooltip and, where it fits, on the bar.
fn segment(svg: &mut String, x: f64, y: f64, w: f64, h: f64, colour: &str, part: &Part) {
    if w <= 0.0 {
        return;
    }
    let (option, value) = (part.option, part.share);
    let _ = writeln!(
        svg,
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{colour}\"><title>{}: {}</title></rect>",
        esc(option),
        share(value)
    );
    if w > 30.0 {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"inbar\" text-anchor=\"middle\">{value:.0} %</text>",
            x + w / 2.0,
            y + h / 2.0 + 4.0
        );
    }
}

const STYLE: &str =
    "body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;max-width:1000px;color:#1a1a1a}
h1{font-size:24px}h2{font-size:19px;margin-top:1.6em}
.lead{color:#444}.note{color:#555;font-size:13px}
.declines{border-left:5px solid #a8431a;background:#fdf0e6;padding:0.5em 1em}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #bbb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7}tr.decline td{background:#fdf0e6}tr.hidden td{color:#777}
svg.chart{display:block;max-width:100%;height:auto}
.label{font-size:13px;fill:#222}.axis{font-size:12px;fill:#555}.legend{font-size:13px;fill:#222}
.value{font-size:12px;fill:#333}.inbar{font-size:11px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
.subtitle{color:#333;font-size:15px;margin-top:-0.5em}
.grid{stroke:#e3e3e3}.zero{stroke:#333;stroke-width:1.5}
table.heat td.cell,div.cell{text-align:center;font-size:13px}
table.registry td.row{display:flex;flex-wrap:wrap;gap:6px;border:none}
div.cell{width:170px;min-height:64px;padding:6px;border:1px solid #888;display:flex;flex-direction:column;justify-content:space-between}
div.cell .name{font-size:12px}div.cell .value{font-size:16px;font-weight:bold}
div.cell .name,div.cell .value{background:rgba(255,255,255,.92);color:#111;border-radius:2px;padding:0 3px;align-self:flex-start}
.cell.wide,.swatch.wide{background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.45) 0 4px,transparent 4px 9px)}
.cell.wide.dark{background-image:repeating-linear-gradient(45deg,rgba(0,0,0,.3) 0 4px,transparent 4px 9px)}
.cell.decline{outline:3px solid #a8431a;outline-offset:-3px}
.cell.none,.swatch.none{background-color:#d9d9d9;color:#333}
.cell.hidden-cell{background-color:#d9d9d9;color:#333;background-image:repeating-linear-gradient(45deg,#bbb 0 2px,transparent 2px 7px)}
.legend-row{font-size:12px}.swatch{display:inline-block;padding:2px 8px;margin:2px;border:1px solid #888}
table.segments{table-layout:fixed;margin-bottom:1em}table.segments th:first-child{width:32%}
table.segments th{font-size:13px;overflow-wrap:anywhere}
@media (max-width:600px){body{margin:1em .5em}table{font-size:12px}th,td{padding:3px 4px;hyphens:auto;overflow-wrap:break-word}}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table,svg.chart,section h2{break-inside:avoid}h1,h2,h3,p.note{break-after:avoid;page-break-after:avoid}table.registry td.row{display:block}div.cell{display:inline-flex;margin:2px}}";

/// A few lines of inline script that let an automated check confirm the charts were drawn: the
/// number of SVG charts with a non-zero size goes into an attribute of <body>.
const SELF_CHECK: &str = "<script>
window.addEventListener('load', function () {
  var drawn = 0;
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && svg.querySelectorAll('rect,circle').length > 0) { drawn += 1; }
  });
  document.body.setAttribute('data-charts-drawn', String(drawn));
  var cells = 0;
  document.querySelectorAll('.cell').forEach(function (cell) {
    var box = cell.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) { cells += 1; }
  });
  document.body.setAttribute('data-heat-cells', String(cells));
  // Nothing runs off the side of the page: it would not print.
  var wide = document.documentElement.scrollWidth > window.innerWidth + 1;
  document.body.setAttribute('data-overflows', wide ? '1' : '0');
});
</script>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened_for_the_chart() {
        let long = "а".repeat(60);
        assert_eq!(short(&long).chars().count(), 48);
        assert!(short(&long).ends_with('…'));
        assert_eq!(short("Коротко"), "Коротко");
    }
}
