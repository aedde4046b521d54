//! A registry diff as a readable summary, as the approval sheet (Markdown) and as JSON.

use super::findings::location;
use super::markdown_cell;
use super::style::Style;
use crate::diagnostic::Finding;
use crate::diff::{Change, ChangeKind};
use crate::registry::model::Channel;
use crate::registry::needs::Need;
use crate::text::plural;
use serde::Serialize;
use std::io::Write;

/// What `diff` reports.
#[derive(Serialize)]
pub struct Report<'a> {
    pub old: &'a str,
    pub new: &'a str,
    pub changes: &'a [Change],
    /// Rule errors of either file (the versions are compared all the same).
    pub findings: &'a [Finding],
}

fn quoted(text: &Option<String>) -> String {
    text.as_deref()
        .map_or("—".to_string(), |t| format!("«{t}»"))
}

fn needs_russian(codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| match Need::parse(code) {
            Some(need) => format!("«{}»", need.russian()),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value of the version's data as people read it: areas by their Russian names, dates as
/// «24.09.2024» (documents.md: no codes and no ISO dates for people).
fn meta_russian(field: &str, value: &Option<String>) -> Option<String> {
    let value = value.as_ref()?;
    if field == "areas" {
        return Some(
            value
                .split(',')
                .map(|code| match code.trim() {
                    "accounting" => "бухгалтерский учет",
                    "hr" => "кадровое обеспечение",
                    "it" => "информационные технологии",
                    "admin" => "хозяйственное обеспечение",
                    other => other,
                })
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    Some(
        crate::registry::model::parse_date(value)
            .map_or_else(|| value.clone(), |d| d.format("%d.%m.%Y").to_string()),
    )
}

/// A channel code in Russian, as the official table prints it; other text as written.
fn channel_russian(code: &Option<String>) -> String {
    match code.as_deref() {
        Some(code) => Channel::from_code(code).map_or(code.to_string(), |c| c.russian().into()),
        None => "не указан".into(),
    }
}

/// «точка «…»: потребности добавлены …; исключены …».
fn needs_changed(change: &Change) -> String {
    let mut parts = Vec::new();
    if !change.added.is_empty() {
        parts.push(format!("добавлены {}", needs_russian(&change.added)));
    }
    if !change.removed.is_empty() {
        parts.push(format!("исключены {}", needs_russian(&change.removed)));
    }
    format!(
        "точка {}: потребности {}",
        quoted(&change.point),
        parts.join("; ")
    )
}

/// One line describing a change, without its direction and process. One arm per kind of
/// change, each a single sentence: kept as one match so the wordings read side by side.
pub fn describe(change: &Change) -> String {
    let field = change.field.as_deref().unwrap_or("");
    match change.kind {
        ChangeKind::DirectionAdded => {
            format!("направление добавлено: {}", quoted(&change.direction))
        }
        ChangeKind::DirectionRemoved => {
            format!("направление исключено: {}", quoted(&change.direction))
        }
        ChangeKind::DirectionRenamed => format!(
            "направление переименовано: {} → {}",
            quoted(&change.from),
            quoted(&change.to)
        ),
        ChangeKind::ProcessAdded => format!(
            "процесс включён: {} ({} {})",
            quoted(&change.process),
            change.count.unwrap_or(0),
            plural(change.count.unwrap_or(0), "точка", "точки", "точек")
        ),
        ChangeKind::ProcessRemoved => format!(
            "процесс исключён: {} ({} {})",
            quoted(&change.process),
            change.count.unwrap_or(0),
            plural(change.count.unwrap_or(0), "точка", "точки", "точек")
        ),
        ChangeKind::ProcessRenamed => format!(
            "процесс переименован: {} → {}",
            quoted(&change.from),
            quoted(&change.to)
        ),
        ChangeKind::TouchpointAdded => format!(
            "точка добавлена: {} ({}; потребности: {})",
            quoted(&change.point),
            channel_russian(&change.channel),
            if change.needs.is_empty() {
                "не указаны".to_string()
            } else {
                needs_russian(&change.needs)
            }
        ),
        ChangeKind::TouchpointRemoved => format!("точка исключена: {}", quoted(&change.point)),
        ChangeKind::TouchpointMoved => format!(
            "точка {} перенесена из процесса {} в {}",
            quoted(&change.point),
            quoted(&change.from),
            quoted(&change.to)
        ),
        ChangeKind::ChannelChanged => format!(
            "точка {}: вид точки {} → {}",
            quoted(&change.point),
            channel_russian(&change.from),
            channel_russian(&change.to)
        ),
        ChangeKind::NeedsChanged => needs_changed(change),
        ChangeKind::FieldChanged if change.point.is_some() => format!(
            "точка {}: {} {} → {}",
            quoted(&change.point),
            field_russian(field),
            quoted(&change.from),
            quoted(&change.to)
        ),
        ChangeKind::FieldChanged => format!(
            "процесс {}: {} {} → {}",
            quoted(&change.process),
            field_russian(field),
            quoted(&change.from),
            quoted(&change.to)
        ),
        ChangeKind::MetaChanged => format!(
            "{}: {} → {}",
            field_russian(field),
            quoted(&meta_russian(field, &change.from)),
            quoted(&meta_russian(field, &change.to))
        ),
        _ => describe_segments(change),
    }
}

/// A change of the segmentation or of a profile, in one line.
fn describe_segments(change: &Change) -> String {
    let field = change.field.as_deref().unwrap_or("");
    match change.kind {
        ChangeKind::AttributeAdded => format!(
            "признак сегментации добавлен: «{field}» ({})",
            if change.added.is_empty() {
                "свободный текст".to_string()
            } else {
                format!("значения: {}", change.added.join("; "))
            }
        ),
        ChangeKind::AttributeRemoved => format!("признак сегментации исключён: «{field}»"),
        ChangeKind::AttributeValuesChanged => {
            format!("признак «{field}»: {}", added_removed(change))
        }
        ChangeKind::ProfileAdded => format!("профиль клиентского сегмента добавлен: «{field}»"),
        ChangeKind::ProfileRemoved => format!("профиль клиентского сегмента исключён: «{field}»"),
        ChangeKind::ProfileChanged => format!(
            "профиль «{field}», {}: {}",
            change.from.as_deref().unwrap_or(""),
            added_removed(change)
        ),
        _ => String::new(),
    }
}

/// «добавлено: …; исключено: …» of a change's lists.
fn added_removed(change: &Change) -> String {
    let mut parts = Vec::new();
    if !change.added.is_empty() {
        parts.push(format!("добавлено: {}", change.added.join("; ")));
    }
    if !change.removed.is_empty() {
        parts.push(format!("исключено: {}", change.removed.join("; ")));
    }
    parts.join("; ")
}

/// The Russian name of a field, as the official table heads its column.
pub fn field_russian(field: &str) -> &str {
    crate::registry::model::field_label(field).unwrap_or(field)
}

fn sign(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::DirectionAdded
        | ChangeKind::ProcessAdded
        | ChangeKind::TouchpointAdded
        | ChangeKind::AttributeAdded
        | ChangeKind::ProfileAdded => "+",
        ChangeKind::DirectionRemoved
        | ChangeKind::ProcessRemoved
        | ChangeKind::TouchpointRemoved
        | ChangeKind::AttributeRemoved
        | ChangeKind::ProfileRemoved => "-",
        ChangeKind::TouchpointMoved => "→",
        _ => "~",
    }
}

/// The changes of one process (None: of the direction itself).
type ProcessGroup<'a> = (Option<&'a str>, Vec<&'a Change>);
/// The changes of one direction (None: of the version's metadata).
/// The group of the segmentation's and the profiles' changes (no direction name is empty-led
/// like this one).
const SEGMENTS: &str = "\u{0}сегменты";

type DirectionGroup<'a> = (Option<&'a str>, Vec<ProcessGroup<'a>>);

/// Changes grouped by direction, then process, keeping first appearance order.
fn grouped(changes: &[Change]) -> Vec<DirectionGroup<'_>> {
    let mut groups: Vec<DirectionGroup> = Vec::new();
    for change in changes {
        let direction = if change.reason == crate::diff::Reason::Segments {
            Some(SEGMENTS)
        } else {
            change.direction.as_deref()
        };
        let process = match change.kind {
            ChangeKind::ProcessAdded
            | ChangeKind::ProcessRemoved
            | ChangeKind::ProcessRenamed
            | ChangeKind::DirectionAdded
            | ChangeKind::DirectionRemoved
            | ChangeKind::DirectionRenamed => None,
            _ => change.process.as_deref(),
        };
        let at = match groups.iter().position(|(d, _)| *d == direction) {
            Some(i) => i,
            None => {
                groups.push((direction, Vec::new()));
                groups.len() - 1
            }
        };
        let group = &mut groups[at].1;
        match group.iter_mut().position(|(p, _)| *p == process) {
            Some(i) => group[i].1.push(change),
            None => group.push((process, vec![change])),
        }
    }
    groups
}

/// The changes for people, each line wrapped between words at the terminal's width.
pub fn text(out: &mut dyn Write, report: &Report, color: bool) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    unwrapped_text(&mut bytes, report, color)?;
    let text = String::from_utf8_lossy(&bytes);
    out.write_all(super::fit::wrap_lines(&text, super::fit::terminal_width()).as_bytes())
}

fn unwrapped_text(out: &mut dyn Write, report: &Report, color: bool) -> std::io::Result<()> {
    let style = Style { enabled: color };
    writeln!(out, "Сравнение {} → {}", report.old, report.new)?;
    writeln!(out)?;
    write_findings(out, report.findings)?;
    if report.changes.is_empty() {
        writeln!(out, "{}", style.green("Изменений нет."))?;
        return Ok(());
    }
    for (direction, processes) in grouped(report.changes) {
        match direction {
            Some(SEGMENTS) => writeln!(
                out,
                "{}",
                style.bold("Признаки сегментации и профили клиентского сегмента")
            )?,
            Some(direction) => {
                writeln!(out, "{}", style.bold(&format!("Направление «{direction}»")))?
            }
            None => writeln!(out, "{}", style.bold("Сведения о версии"))?,
        }
        for (process, changes) in processes {
            let indent = if let Some(process) = process {
                writeln!(out, "  Процесс «{process}»")?;
                "    "
            } else {
                "  "
            };
            for change in changes {
                let sign = sign(change.kind);
                let painted = match sign {
                    "+" => style.green(sign),
                    "-" => style.red(sign),
                    _ => style.yellow(sign),
                };
                writeln!(out, "{indent}{painted} {}", describe(change))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", totals_line(report.changes))
}

fn write_findings(out: &mut dyn Write, findings: &[Finding]) -> std::io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "Ошибки в сравниваемых файлах (версии сравнены всё равно; подробно: tochki check):"
    )?;
    for finding in findings {
        writeln!(
            out,
            "  {}: {} {}",
            location(finding),
            finding.code,
            finding.message
        )?;
    }
    writeln!(out)
}

/// "Изменений: 7 (процессы: +1 −1; точки: +2 −1 →1; ...)".
pub fn totals_line(changes: &[Change]) -> String {
    let count = |kinds: &[ChangeKind]| changes.iter().filter(|c| kinds.contains(&c.kind)).count();
    let mut parts = Vec::new();
    let processes = (
        count(&[ChangeKind::ProcessAdded]),
        count(&[ChangeKind::ProcessRemoved]),
        count(&[ChangeKind::ProcessRenamed]),
    );
    if processes != (0, 0, 0) {
        parts.push(format!(
            "процессы: +{} −{} переименовано {}",
            processes.0, processes.1, processes.2
        ));
    }
    let points = (
        count(&[ChangeKind::TouchpointAdded]),
        count(&[ChangeKind::TouchpointRemoved]),
        count(&[ChangeKind::TouchpointMoved]),
    );
    if points != (0, 0, 0) {
        parts.push(format!(
            "точки: +{} −{} перенесено {}",
            points.0, points.1, points.2
        ));
    }
    let kind = count(&[ChangeKind::ChannelChanged]);
    if kind > 0 {
        parts.push(format!("вид точки: {kind}"));
    }
    let needs = count(&[ChangeKind::NeedsChanged]);
    if needs > 0 {
        parts.push(format!("потребности: {needs}"));
    }
    let segments = count(&[
        ChangeKind::AttributeAdded,
        ChangeKind::AttributeRemoved,
        ChangeKind::AttributeValuesChanged,
        ChangeKind::ProfileAdded,
        ChangeKind::ProfileRemoved,
        ChangeKind::ProfileChanged,
    ]);
    if segments > 0 {
        parts.push(format!("сегменты и профили: {segments}"));
    }
    let edits = count(&[
        ChangeKind::FieldChanged,
        ChangeKind::DirectionRenamed,
        ChangeKind::DirectionAdded,
        ChangeKind::DirectionRemoved,
        ChangeKind::MetaChanged,
    ]);
    if edits > 0 {
        parts.push(format!("прочее: {edits}"));
    }
    format!("Изменений: {} ({})", changes.len(), parts.join("; "))
}

/// The approval sheet (лист согласования): every change with the reason it falls under.
pub fn markdown(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    writeln!(out, "# Изменения перечня точек взаимодействия")?;
    writeln!(out)?;
    writeln!(
        out,
        "Прежняя версия: `{}`; новая версия: `{}`.",
        report.old, report.new
    )?;
    writeln!(out)?;
    if !report.findings.is_empty() {
        writeln!(out, "## Ошибки в файлах")?;
        writeln!(out)?;
        for finding in report.findings {
            writeln!(
                out,
                "- `{}` {}: {}",
                location(finding),
                finding.code,
                markdown_cell(&finding.message)
            )?;
        }
        writeln!(out)?;
    }
    if report.changes.is_empty() {
        writeln!(out, "Изменений нет.")?;
        return Ok(());
    }
    writeln!(
        out,
        "| № | Направление | Процесс | Изменение | Основание актуализации |"
    )?;
    writeln!(out, "|---|---|---|---|---|")?;
    for (i, change) in report.changes.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            markdown_cell(change.direction.as_deref().unwrap_or("—")),
            markdown_cell(change.process.as_deref().unwrap_or("—")),
            markdown_cell(&describe(change)),
            change.reason.russian()
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", totals_line(report.changes))?;
    writeln!(out)?;
    writeln!(out, "## Согласовано")?;
    writeln!(out)?;
    writeln!(out, "| Должность | ФИО | Подпись | Дата |")?;
    writeln!(out, "|---|---|---|---|")?;
    for (_, role) in crate::registry::model::APPROVAL_ROLES {
        writeln!(out, "| {} | | | |", crate::text::capitalize(role))?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
