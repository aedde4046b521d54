//! Profiles of client segments as cards (profiles.md «Showing profiles»): name and area, the
//! attributes, the goal, the client journey as numbered steps, the preferred channels, and the
//! touchpoints of the profile's processes with the preferred ones marked; for the terminal,
//! Markdown, a self-contained HTML page, JSON and a Word document.

use super::docx::{Align, Cell, Document, Style, Table};
use super::format::escape_html as esc;
use super::markdown_cell;
use crate::registry::profiles::Card;
use std::fmt::Write as _;

/// The mark of a touchpoint of the kind the profile prefers.
const PREFERRED: &str = "★ предпочтительный канал";

/// The lines of a card for the terminal and, with `markdown`, for Markdown.
fn lines(card: &Card, markdown: bool, points: bool) -> Vec<String> {
    let cell = |t: &str| {
        if markdown {
            markdown_cell(t)
        } else {
            t.to_string()
        }
    };
    let mut out = Vec::new();
    if !card.area.is_empty() {
        out.push(format!("Область: {}", cell(&card.area)));
    }
    if !card.attributes.is_empty() {
        out.push("Основные признаки:".to_string());
        for (name, value) in &card.attributes {
            out.push(format!("- {}: {}", cell(name), cell(value)));
        }
    }
    if !card.goal.is_empty() {
        out.push(format!("Цель: {}", cell(&card.goal)));
    }
    if !card.journey.is_empty() {
        out.push("Особенности клиентского пути:".to_string());
        for (i, step) in card.journey.iter().enumerate() {
            out.push(format!("{}. {}", i + 1, cell(step)));
        }
    }
    if !card.informing.is_empty() || !card.service.is_empty() {
        out.push("Предпочтительные каналы:".to_string());
        if !card.informing.is_empty() {
            out.push(format!(
                "- информирование: {}",
                cell(&card.informing.join(", "))
            ));
        }
        if !card.service.is_empty() {
            out.push(format!(
                "- получение услуг: {}",
                cell(&card.service.join(", "))
            ));
        }
    }
    for process in card.processes.iter().filter(|_| points) {
        if !process.linked {
            out.push(format!(
                "Процесс «{}»: нет в перечне (R021)",
                cell(&process.name)
            ));
            continue;
        }
        if let Some(figures) = &process.figures {
            out.push(format!(
                "Процесс «{}», итоги последнего опроса: {figures}",
                cell(&process.name)
            ));
        }
        out.push(format!(
            "Процесс «{}», точки взаимодействия:",
            cell(&process.name)
        ));
        for point in &process.touchpoints {
            let channel = if point.channel.is_empty() {
                String::new()
            } else {
                format!(" ({})", point.channel)
            };
            let mark = if point.preferred {
                format!(" — {PREFERRED}")
            } else {
                String::new()
            };
            out.push(format!("- {}{channel}{mark}", cell(&point.point)));
        }
    }
    out
}

/// Cards for the terminal.
/// The cards for the terminal, each line wrapped between words at its width.
pub fn text(cards: &[Card]) -> String {
    super::fit::wrap_lines(&unwrapped_text(cards), super::fit::terminal_width())
}

fn unwrapped_text(cards: &[Card]) -> String {
    let mut out = String::new();
    if cards.is_empty() {
        return "В перечне нет профилей клиентского сегмента (profiles:).\n".to_string();
    }
    for (i, card) in cards.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, card.name);
        for line in lines(card, false, true) {
            let _ = writeln!(out, "   {line}");
        }
        out.push('\n');
    }
    out
}

pub fn markdown(cards: &[Card]) -> String {
    let mut out = String::from("# Профили клиентского сегмента\n\n");
    if cards.is_empty() {
        out.push_str("В перечне нет профилей клиентского сегмента.\n");
    }
    for (i, card) in cards.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", i + 1, markdown_cell(&card.name));
        let mut in_list = false;
        for line in lines(card, true, true) {
            // A paragraph after a list, and a list after a paragraph, start after a blank line
            // (CommonMark would run them together).
            let item =
                line.starts_with("- ") || line.chars().next().is_some_and(|c| c.is_ascii_digit());
            if item != in_list {
                out.push('\n');
            }
            in_list = item;
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}

pub fn json(cards: &[Card]) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(&serde_json::json!({ "profiles": cards }))? + "\n")
}

/// One self-contained page, a card per profile.
pub fn html(cards: &[Card], organization: &str) -> String {
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>Профили клиентского сегмента</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Профили клиентского сегмента</h1>\n<p class=\"lead\">{}</p>\n<div class=\"cards\">\n",
        esc(organization)
    );
    for card in cards {
        page.push_str("<article class=\"card\">\n");
        let _ = writeln!(page, "<h2>{}</h2>", esc(&card.name));
        if !card.area.is_empty() {
            let _ = writeln!(page, "<p class=\"area\">{}</p>", esc(&card.area));
        }
        if !card.attributes.is_empty() {
            page.push_str("<h3>Основные признаки</h3>\n<dl>");
            for (name, value) in &card.attributes {
                let _ = write!(page, "<dt>{}</dt><dd>{}</dd>", esc(name), esc(value));
            }
            page.push_str("</dl>\n");
        }
        if !card.goal.is_empty() {
            let _ = writeln!(page, "<h3>Цель</h3>\n<p>{}</p>", esc(&card.goal));
        }
        if !card.journey.is_empty() {
            page.push_str("<h3>Особенности клиентского пути</h3>\n<ol>");
            for step in &card.journey {
                let _ = write!(page, "<li>{}</li>", esc(step));
            }
            page.push_str("</ol>\n");
        }
        if !card.informing.is_empty() || !card.service.is_empty() {
            page.push_str("<h3>Предпочтительные каналы</h3>\n<ul>");
            for (what, list) in [
                ("информирование", &card.informing),
                ("получение услуг", &card.service),
            ] {
                if !list.is_empty() {
                    let _ = write!(page, "<li>{what}: {}</li>", esc(&list.join(", ")));
                }
            }
            page.push_str("</ul>\n");
        }
        html_processes(&mut page, card);
        page.push_str("</article>\n");
    }
    page.push_str("</div>\n");
    if cards.is_empty() {
        page.push_str("<p>В перечне нет профилей клиентского сегмента.</p>\n");
    }
    page.push_str("</main>\n");
    page.push_str(SELF_CHECK);
    page.push_str("</body>\n</html>\n");
    page
}

/// A card's processes in HTML: figures, touchpoints with the preferred ones marked.
fn html_processes(page: &mut String, card: &Card) {
    for process in &card.processes {
        if !process.linked {
            let _ = writeln!(
                page,
                "<p class=\"missing\">Процесс «{}»: нет в перечне</p>",
                esc(&process.name)
            );
            continue;
        }
        let _ = writeln!(page, "<h3>{}</h3>", esc(&process.name));
        if let Some(figures) = &process.figures {
            let _ = writeln!(
                page,
                "<p class=\"figures\">Итоги последнего опроса: {}</p>",
                esc(figures)
            );
        }
        page.push_str("<ul class=\"points\">\n");
        for point in &process.touchpoints {
            let class = if point.preferred {
                " class=\"preferred\" title=\"предпочтительный канал\""
            } else {
                ""
            };
            let mark = if point.preferred { " ★" } else { "" };
            let channel = if point.channel.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"channel\">{}</span>", esc(&point.channel))
            };
            let _ = write!(page, "<li{class}>{}{channel}{mark}</li>", esc(&point.point));
        }
        page.push_str("</ul>\n");
    }
}

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;margin:2em auto;max-width:1000px;color:#1a1a1a}
.lead{color:#444}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
.card{border:1px solid #888;border-radius:6px;padding:12px 16px;break-inside:avoid}
.card h2{font-size:17px;margin:0 0 4px}.card h3{font-size:14px;margin:12px 0 4px;color:#333}
.area{color:#555;font-size:13px;margin:0}dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0;font-size:14px}
dt{color:#555}dd{margin:0}ol,ul{margin:0;padding-left:1.3em;font-size:14px}
.points li.preferred{font-weight:bold}.channel{color:#555;font-weight:normal}.missing{color:#a8431a}
@media print{body{margin:0;max-width:none}.cards{display:block}.card{margin-bottom:12px}}";

/// The number of cards laid out with a size goes into an attribute of <body>, for the browser
/// check.
const SELF_CHECK: &str = "<script>
window.addEventListener('load', function () {
  var laid = 0;
  document.querySelectorAll('article.card').forEach(function (card) {
    var box = card.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) { laid += 1; }
  });
  document.body.setAttribute('data-cards-laid', String(laid));
});
</script>
";

/// The cards as a Word document: a section per profile, its touchpoints as a table.
pub fn docx(cards: &[Card], organization: &str) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new(false);
    document.set_title(&format!("Профили клиентских сегментов — {organization}"));
    let heading = Style {
        bold: true,
        align: Align::Center,
        ..Style::default()
    };
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    document.paragraph("Профили клиентского сегмента", heading);
    if !organization.is_empty() {
        document.paragraph(
            organization,
            Style {
                align: Align::Center,
                ..Style::default()
            },
        );
    }
    for (i, card) in cards.iter().enumerate() {
        document.paragraph("", Style::default());
        document.paragraph(&format!("{}. {}", i + 1, card.name), bold);
        for line in lines(card, false, false) {
            document.paragraph(&line, Style::default());
        }
        for process in card.processes.iter().filter(|p| p.figures.is_some()) {
            document.paragraph(
                &format!(
                    "Процесс «{}», итоги последнего опроса: {}",
                    process.name,
                    process.figures.as_deref().unwrap_or("")
                ),
                Style::default(),
            );
        }
        let rows: Vec<Vec<Cell>> = card
            .processes
            .iter()
            .flat_map(|process| {
                process.touchpoints.iter().map(move |point| {
                    vec![
                        Cell::Text(process.name.clone()),
                        Cell::Text(point.point.clone()),
                        Cell::Text(point.channel.clone()),
                        Cell::Text(if point.preferred {
                            "★".to_string()
                        } else {
                            String::new()
                        }),
                    ]
                })
            })
            .collect();
        if !rows.is_empty() {
            document.table(&Table {
                header: [
                    "Процесс",
                    "Точка взаимодействия",
                    "Вид точки",
                    "Предпочтительный канал",
                ]
                .map(str::to_string)
                .to_vec(),
                rows,
                widths: vec![26, 38, 14, 22],
                size: 10,
            });
        }
    }
    document.to_bytes()
}
