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
        crate::registry::model::cite(
            proposals.procedure.as_ref(),
            |p| &p.proposals,
            crate::registry::model::Case::Instrumental,
        )
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

/// A respondent's text as a line of the memo: from a capital letter, as a sentence of an
/// official paper starts (the text itself is left as written).
fn said_line(said: &crate::survey::proposals::Said) -> String {
    let mut chars = said.text.chars();
    let text = match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => said.text.clone(),
    };
    format!("{text} ({}, {})", said.kind, said.count)
}

/// «по одному вопросу», «по трём вопросам», «по 12 вопросам»: a count in the dative, in words
/// up to ten as an official letter writes it.
fn questions_dative(count: usize) -> String {
    const WORDS: [&str; 10] = [
        "одному",
        "двум",
        "трём",
        "четырём",
        "пяти",
        "шести",
        "семи",
        "восьми",
        "девяти",
        "десяти",
    ];
    let noun = if count == 1 {
        "вопросу"
    } else {
        "вопросам"
    };
    match WORDS.get(count.wrapping_sub(1)) {
        Some(word) => format!("{word} {noun}"),
        None => format!(
            "{count} {}",
            crate::text::plural(count, "вопросу", "вопросам", "вопросам")
        ),
    }
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

/// The addressee of the draft: «Министру …» from the body's name («Министерство финансов
/// Смоленской области» → «Министру финансов Смоленской области»), else a line to fill in.
fn addressee(organization: Option<&str>) -> String {
    match organization.and_then(|o| o.strip_prefix("Министерство ")) {
        Some(rest) => format!("Министру {rest}\n\n____________________\n(инициалы, фамилия)"),
        None => {
            "Министру\n____________________\n(наименование органа, инициалы, фамилия)".to_string()
        }
    }
}

/// The text of the draft in plain words: which processes' satisfaction fell, by how much, from
/// how many answers; the figures of statistics are in the appendix.
fn plain_text(proposals: &Proposals) -> String {
    let period = proposals
        .period
        .as_deref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    let falls: Vec<String> = proposals
        .declines
        .iter()
        .map(|d| {
            // Who answered the question, only when not everyone did.
            let answered = if d.answers == proposals.respondents {
                String::new()
            } else {
                format!(
                    " (ответили {} {})",
                    d.answers,
                    crate::text::plural(d.answers as usize, "человек", "человека", "человек")
                )
            };
            format!(
                "«{}» — с {} до {}{answered}",
                d.item,
                share(d.levels.0),
                share(d.levels.1),
            )
        })
        .collect();
    let mut text = format!(
        "По итогам опроса удовлетворенности внутренних клиентов{period}, в котором приняли участие {} {}, удовлетворенность заметно снизилась по {}: {}.",
        proposals.respondents,
        crate::text::plural(
            proposals.respondents as usize,
            "человек",
            "человека",
            "человек"
        ),
        questions_dative(proposals.declines.len()),
        falls.join("; ")
    );
    if !proposals.drops.is_empty() {
        let names: Vec<String> = proposals
            .drops
            .iter()
            .map(|d| {
                if d.item.starts_with("В целом") {
                    "общая оценка работы".to_string()
                } else {
                    format!("«{}»", d.item)
                }
            })
            .collect();
        text.push_str(&format!(
            " Кроме того, удовлетворенность снизилась в пределах случайных колебаний опроса по {}: {}; эти снижения также учтены в мероприятиях.",
            questions_dative(names.len()),
            names.join("; ")
        ));
    }
    text.push_str(&format!(
        " В соответствии с {} предлагаю мероприятия по улучшению качества клиентоцентричности (таблица ниже). Показатели опроса приведены в приложении.",
        crate::registry::model::cite(
            proposals.procedure.as_ref(),
            |p| &p.proposals,
            crate::registry::model::Case::Instrumental,
        )
    ));
    text
}

/// The proposals per process: what respondents wrote, and columns for the measure, the unit
/// responsible and the deadline.
fn measures_table(proposals: &Proposals) -> Table {
    let rows = proposals
        .declines
        .iter()
        .chain(&proposals.drops)
        .enumerate()
        .map(|(i, d)| {
            let mut about = d.item.clone();
            if let Some(process) = d.process.as_ref().filter(|p| **p != d.item) {
                about.push_str(&format!("\n(процесс «{process}»)"));
            }
            let mut wrote: Vec<String> = d.said.iter().take(5).map(said_line).collect();
            // Nothing is dropped without saying so: the rest are counted.
            if d.said.len() > 5 {
                wrote.push(format!(
                    "и ещё {} (все тексты — в карте болей, приложенной к итогам опроса)",
                    d.said.len() - 5
                ));
            }
            if wrote.is_empty() {
                wrote.push("Проблем и предложений по вопросу не указано".to_string());
            }
            vec![
                Cell::Text((i + 1).to_string()),
                Cell::Text(about),
                Cell::Text(wrote.join("\n")),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
            ]
        })
        .collect();
    Table {
        header: [
            "№",
            "Вопрос анкеты",
            "Что предложили респонденты",
            MEASURES[0],
            "Ответственное подразделение",
            MEASURES[2],
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows,
        widths: vec![5, 24, 26, 22, 14, 10],
        size: 10,
    }
}

/// The appendix: the statistics behind the text.
fn statistics_table(proposals: &Proposals) -> Table {
    let rows = proposals
        .declines
        .iter()
        .chain(&proposals.drops)
        .map(|d| {
            vec![
                Cell::Text(d.item.clone()),
                Cell::Text(d.answers.to_string()),
                Cell::Text(format!("{} → {}", share(d.levels.0), share(d.levels.1))),
                Cell::Text(format!("{} п. п.", super::signed(d.delta_pp))),
                Cell::Text(d.ci.map_or("—".to_string(), |[low, high]| {
                    russian(format!("{low:.1}–{high:.1}"))
                })),
                Cell::Text(super::p_value(d.p_value)),
            ]
        })
        .collect();
    Table {
        header: [
            "Вопрос",
            "Ответов",
            "Уровень, было → стало",
            "Изменение",
            "95 % интервал, %",
            "p",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows,
        widths: vec![34, 10, 18, 12, 14, 10],
        size: 10,
    }
}

/// The appendix of the draft: the statistics behind its text, explained in plain words.
fn statistics_appendix(document: &mut Document, proposals: &Proposals, date: &str) {
    let plain = Style::default();
    document.page_break();
    document.paragraph(
        &format!("Приложение\nк служебной записке\nот {date} № ________"),
        Style {
            align: Align::Right,
            ..plain
        },
    );
    document.paragraph("", plain);
    document.paragraph(
        "Показатели опроса удовлетворенности",
        Style {
            bold: true,
            align: Align::Center,
            ..plain
        },
    );
    document.paragraph(
            "Уровень удовлетворенности — доля удовлетворенных среди ответивших с мнением; 95 % интервал — границы, в которых с вероятностью 95 % лежит уровень; p — вероятность увидеть такое снижение случайно (снижение значимо при p < 0,05).",
            Style { size: 10, align: Align::Both, ..plain },
        );
    document.paragraph("", plain);
    document.table(&statistics_table(proposals));
}

/// The draft to the Minister as an official document (documents.md, ГОСТ Р 7.0.97-2016): the
/// body, the addressee, the document's date and number to fill in, its title, the text in
/// plain words, the proposals per process, the signature and the executor; the statistics in an
/// appendix.
pub fn docx(proposals: &Proposals, date: &str) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new(false);
    document.set_title(TITLE);
    let plain = Style::default();
    let small = Style { size: 10, ..plain };
    let justified = Style {
        align: Align::Both,
        ..plain
    };
    let organization = proposals.organization.as_deref();
    document.paragraph(
        organization.unwrap_or("____________________\n(наименование органа)"),
        Style {
            bold: true,
            ..plain
        },
    );
    document.paragraph("", plain);
    document.paragraph(
        &addressee(organization),
        Style {
            align: Align::Right,
            ..plain
        },
    );
    document.paragraph("", plain);
    document.paragraph(
        "СЛУЖЕБНАЯ ЗАПИСКА",
        Style {
            bold: true,
            align: Align::Center,
            ..plain
        },
    );
    document.paragraph(&format!("{date}   № ________"), plain);
    document.paragraph("", plain);
    document.paragraph(
        "О предложениях по улучшению качества клиентоцентричности по итогам опроса удовлетворенности внутренних клиентов",
        Style { bold: true, ..plain },
    );
    document.paragraph("", plain);
    if proposals.is_empty() {
        document.paragraph(no_decline(proposals), justified);
    } else {
        document.paragraph(&plain_text(proposals), justified);
        document.paragraph("", plain);
        document.table(&measures_table(proposals));
    }
    if !proposals.general.is_empty() {
        document.paragraph("", plain);
        document.paragraph(&format!("{GENERAL}:"), plain);
        for said in proposals.general.iter().take(10) {
            document.paragraph(&format!("– {}", said_line(said)), justified);
        }
    }
    for note in proposals.notes() {
        document.paragraph(&note, justified);
    }
    if !proposals.is_empty() {
        document.paragraph("", plain);
        document.paragraph("Приложение: показатели опроса на 1 л. в 1 экз.", plain);
    }
    document.paragraph("", plain);
    document.paragraph("", plain);
    document.paragraph(
        "____________________ (должность)          ____________          И.О. Фамилия",
        plain,
    );
    document.paragraph("", plain);
    document.paragraph("Исп. ____________________, тел. ____________", small);
    if !proposals.is_empty() {
        statistics_appendix(&mut document, proposals, date);
    }
    document.to_bytes()
}
