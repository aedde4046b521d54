//! The proposals to the Minister (Omsk p. 13) as Markdown and as a Word document a civil
//! servant can send as is: title, date, numbered sections, Times New Roman.

use super::docx::{Align, Cell, Document, Style, Table};
use super::{markdown_cell, russian, share};
use crate::survey::proposals::{Drop, Proposals};
use std::fmt::Write as _;

const TITLE: &str = "Предложения по улучшению качества клиентоцентричности";
const MEASURES: [&str; 3] = ["Мероприятие", "Ответственный", "Срок"];

/// The one line of a draft with nothing to propose.
pub const NO_DECLINE: &str = "Снижения удовлетворенности по сравнению с прошлым опросом нет: предложения Министру не требуются.";

/// The line of a draft with nothing to propose: no decline, or none among the items that could
/// be assessed at all.
pub fn no_decline(proposals: &Proposals) -> &'static str {
    if !proposals.incomparable.is_empty() {
        "Среди вопросов, которые можно сравнить с прошлым опросом, снижения удовлетворенности нет; по вопросам, которые сравнить нельзя, вывода нет (см. ниже)."
    } else if proposals.unassessed.is_empty() {
        NO_DECLINE
    } else {
        "Среди вопросов, на которые ответило достаточно людей, снижения удовлетворенности по сравнению с прошлым опросом нет."
    }
}

/// The draft's first line, citing the body's own Порядок (or none).
fn intro(proposals: &Proposals) -> String {
    format!(
        "Проект предложений по итогам опроса удовлетворенности внутренних клиентов (в соответствии с {}).",
        crate::registry::model::cite(proposals.procedure.as_ref(), |p| &p.proposals)
    )
}

fn figures(drop: &Drop) -> String {
    let interval = drop.ci.map_or(String::new(), |[low, high]| {
        format!(", 95 % интервал {}", russian(format!("{low:.1}–{high:.1}")))
    });
    format!(
        "Уровень удовлетворенности: {} в {} → {} в {} ({} п. п.{interval}, p {}).",
        share(drop.levels.0),
        drop.from,
        share(drop.levels.1),
        drop.to,
        super::signed(drop.delta_pp),
        super::p_value(drop.p_value)
    )
}

fn touchpoints(drop: &Drop) -> Vec<String> {
    drop.touchpoints
        .iter()
        .map(|t| {
            // The Minister reads the catalogue's Russian wordings, never its codes.
            let needs = if t.needs.is_empty() {
                String::new()
            } else {
                let wordings: Vec<String> = t
                    .needs
                    .iter()
                    .map(|code| {
                        crate::registry::needs::Need::ALL
                            .into_iter()
                            .find(|need| need.code() == *code)
                            .map_or_else(
                                || (*code).to_string(),
                                |need| need.russian().to_lowercase(),
                            )
                    })
                    .collect();
                format!("; потребности: {}", wordings.join("; "))
            };
            format!("{}{}", t.point, needs)
        })
        .collect()
}

const GENERAL: &str = "Проблемы и предложения, не относящиеся к отдельному вопросу";

fn said_line(said: &crate::survey::proposals::Said) -> String {
    format!("{} ({}, {})", said.text, said.kind, said.count)
}

fn said(drop: &Drop) -> Vec<String> {
    drop.said.iter().map(said_line).collect()
}

fn sections(proposals: &Proposals) -> [(&'static str, &[Drop]); 2] {
    [
        ("Значимое снижение удовлетворенности", &proposals.declines),
        (
            "Снижение, не являющееся значимым (для сведения)",
            &proposals.drops,
        ),
    ]
}

pub fn markdown(proposals: &Proposals, date: &str) -> String {
    let mut out = format!("# {TITLE}\n\n{date}\n\n");
    if proposals.is_empty() {
        let _ = writeln!(out, "{}", no_decline(proposals));
        for note in proposals.notes() {
            let _ = writeln!(out, "\n{note}");
        }
        return out;
    }
    out.push_str(&format!("{}\n", intro(proposals)));
    let mut number = 0;
    for (heading, drops) in sections(proposals) {
        if drops.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {heading}");
        for drop in drops {
            number += 1;
            let _ = writeln!(
                out,
                "\n### {number}. {}\n\n{}",
                markdown_cell(&drop.item),
                figures(drop)
            );
            if let Some(process) = &drop.process {
                let _ = writeln!(out, "\nПроцесс перечня: {}", markdown_cell(process));
            }
            for (title, lines) in [
                ("Точки взаимодействия", touchpoints(drop)),
                ("Что написали респонденты", said(drop)),
            ] {
                if !lines.is_empty() {
                    let _ = writeln!(out, "\n{title}:\n");
                    for line in lines {
                        let _ = writeln!(out, "- {}", markdown_cell(&line));
                    }
                }
            }
            let _ = writeln!(
                out,
                "\n| {} |\n|---|---|---|\n|  |  |  |",
                MEASURES.join(" | ")
            );
        }
    }
    if !proposals.general.is_empty() {
        let _ = writeln!(out, "\n## {GENERAL}\n");
        for said in &proposals.general {
            let _ = writeln!(out, "- {}", markdown_cell(&said_line(said)));
        }
    }
    for note in proposals.notes() {
        let _ = writeln!(out, "\n{note}");
    }
    out
}

/// One numbered section of the Word draft: the item, its figures, process, touchpoints, what
/// respondents wrote, and the empty table of measures.
fn docx_section(document: &mut Document, number: usize, drop: &Drop) {
    let plain = Style::default();
    let bold = Style {
        bold: true,
        ..plain
    };
    document.paragraph("", plain);
    document.paragraph(&format!("{number}. {}", drop.item), bold);
    document.paragraph(
        &figures(drop),
        Style {
            align: Align::Both,
            ..plain
        },
    );
    if let Some(process) = &drop.process {
        document.paragraph(&format!("Процесс перечня: {process}"), plain);
    }
    for (title, lines) in [
        ("Точки взаимодействия:", touchpoints(drop)),
        ("Что написали респонденты:", said(drop)),
    ] {
        if !lines.is_empty() {
            document.paragraph(title, plain);
            for line in lines {
                document.paragraph(&format!("– {line}"), plain);
            }
        }
    }
    document.table(&Table {
        header: MEASURES.iter().map(|m| m.to_string()).collect(),
        rows: vec![vec![
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
        ]],
        widths: vec![50, 25, 15],
        size: 11,
    });
}

pub fn docx(proposals: &Proposals, date: &str) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new(false);
    document.set_title(TITLE);
    let plain = Style::default();
    let bold = Style {
        bold: true,
        ..plain
    };
    document.paragraph(
        TITLE,
        Style {
            bold: true,
            align: Align::Center,
            ..plain
        },
    );
    document.paragraph(
        date,
        Style {
            align: Align::Right,
            ..plain
        },
    );
    document.paragraph("", plain);
    if proposals.is_empty() {
        document.paragraph(no_decline(proposals), plain);
        for note in proposals.notes() {
            document.paragraph(&note, plain);
        }
        return document.to_bytes();
    }
    document.paragraph(
        &intro(proposals),
        Style {
            align: Align::Both,
            ..plain
        },
    );
    let mut number = 0;
    for (heading, drops) in sections(proposals) {
        if drops.is_empty() {
            continue;
        }
        document.paragraph("", plain);
        document.paragraph(heading, bold);
        for drop in drops {
            number += 1;
            docx_section(&mut document, number, drop);
        }
    }
    if !proposals.general.is_empty() {
        document.paragraph("", plain);
        document.paragraph(GENERAL, bold);
        for said in &proposals.general {
            document.paragraph(&format!("– {}", said_line(said)), plain);
        }
    }
    for note in proposals.notes() {
        document.paragraph(&note, plain);
    }
    document.to_bytes()
}
