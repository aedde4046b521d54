//! A cell's value in the registry's format: a point's kind, a basis, the needs (by the
//! catalogue's wordings, quoted descriptions kept whole).

use crate::registry::model::{Channel, NeedEntry, Text};
use crate::registry::needs::Need;
use crate::text::normalize;
use std::collections::BTreeMap;

/// Wordings of the kind of a point seen in tables, beside the registry's own spellings.
pub(super) const TABLE_CHANNEL_WORDINGS: [(&str, Channel); 4] = [
    ("взаимодействие в онлайн точке", Channel::Digital),
    ("взаимодействие в цифровой точке", Channel::Digital),
    ("взаимодействие в офлайн точке", Channel::Offline),
    ("взаимодействие в оффлайн точке", Channel::Offline),
];

/// The code of a channel cell (`digital`, `offline`), if it says one.
pub(super) fn channel_code(cell: &str) -> Option<&'static str> {
    let wanted = normalize(cell);
    Channel::parse(cell)
        .or_else(|| {
            TABLE_CHANNEL_WORDINGS
                .iter()
                .find(|(w, _)| *w == wanted)
                .map(|(_, c)| *c)
        })
        .map(Channel::code)
}

/// The basis of a point (Lipetsk 2.4) from what a table writes: the code or its Russian name,
/// or the name of a document (регламент, положение, приказ…) or of a directive (поручение,
/// распоряжение). The document's own name is not kept: the format has no place for it.
pub(super) fn basis_code(cell: &str) -> Option<&'static str> {
    let wanted = normalize(cell);
    if let Some((code, _)) = crate::registry::model::BASES
        .iter()
        .find(|(code, russian)| wanted == *code || wanted == normalize(russian))
    {
        return Some(code);
    }
    const DIRECTIVE: [&str; 4] = ["поручени", "распоряж", "распорядит", "указани"];
    const DOCUMENT: [&str; 8] = [
        "документ",
        "регламент",
        "положени",
        "приказ",
        "порядок",
        "инструкци",
        "закон",
        "постановлени",
    ];
    if DIRECTIVE.iter().any(|stem| wanted.contains(stem)) {
        Some("directive")
    } else if DOCUMENT.iter().any(|stem| wanted.contains(stem)) {
        Some("document")
    } else {
        None
    }
}

/// The needs of a cell: one per line or `;`; wordings split at their own commas, or wrapped over
/// lines (a paste from PDF breaks «получение информации о ходе рассмотрения ⏎ заявления, …» at
/// every line), are joined back into the longest catalogue wording. What matches nothing becomes
/// `{other: text}`, a line each, and is returned for I003. A text in «…» is never split: `show`
/// writes a description holding `;` or a line break as «Иное: «…»» ([`quote_description`]), and
/// it comes back as one need.
pub fn needs_of(cell: &str) -> (Vec<NeedEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut unmatched = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (piece, ends_list) in split_outside_quotes(cell) {
        let item = clean_item(piece);
        if let Some(entry) = (!item.is_empty()).then(|| described(item)).flatten() {
            rejoin(&run, &mut entries, &mut unmatched);
            run.clear();
            entries.push(entry);
        } else if !item.is_empty() {
            run.push(piece);
        }
        // `;` ends a list item for sure; a line break may only wrap one.
        if ends_list {
            rejoin(&run, &mut entries, &mut unmatched);
            run.clear();
        }
    }
    rejoin(&run, &mut entries, &mut unmatched);
    (entries, unmatched)
}

/// A need written with its description («получение информации: о сроках выплат», «Иное: …»).
fn described(item: &str) -> Option<NeedEntry> {
    let (head, description) = item.split_once(':')?;
    let need = Need::parse(head)?;
    let description = unquote_description(description.trim());
    Some(if need == Need::Other {
        other_entry(description)
    } else {
        described_entry(need, description)
    })
}

/// The pieces of a needs cell between line breaks and `;`, none inside «…», each with whether
/// a `;` (not a line break) ends it.
pub(super) fn split_outside_quotes(cell: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in cell.char_indices() {
        match ch {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            '\n' | ';' if depth == 0 => {
                pieces.push((&cell[start..i], ch == ';'));
                start = i + ch.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push((&cell[start..], true));
    pieces
}

/// Whether a need's description must be written in «…» to come back whole: it holds what
/// splits a cell, or is itself in «…».
pub(super) fn needs_quotes(description: &str) -> bool {
    description.contains([';', '\n'])
        || description.ends_with(['.', ','])
        || (description.starts_with('«') && description.ends_with('»'))
        || description != description.trim()
}

/// A need's description as a table cell writes it (import.md «Round trip»).
pub fn quote_description(description: &str) -> String {
    if needs_quotes(description) {
        format!("«{description}»")
    } else {
        description.to_string()
    }
}

/// The description [`quote_description`] wrote; a text a person put in «…» keeps its quotes.
pub(super) fn unquote_description(text: &str) -> &str {
    match text.strip_prefix('«').and_then(|t| t.strip_suffix('»')) {
        Some(inner) if needs_quotes(inner) => inner,
        _ => text,
    }
}

/// Lines of a needs cell, cut at their commas too, matched to the longest catalogue wording
/// that consecutive parts spell (across commas and line breaks); the parts that spell none are
/// `other` needs, one per line.
pub(super) fn rejoin(lines: &[&str], entries: &mut Vec<NeedEntry>, unmatched: &mut Vec<String>) {
    // (the part, the line it is on)
    let parts: Vec<(&str, usize)> = lines
        .iter()
        .enumerate()
        .flat_map(|(line, text)| text.split(',').map(move |part| (part, line)))
        .collect();
    let spell = |from: usize, to: usize| -> String {
        let mut text = String::new();
        for (i, (part, line)) in parts[from..to].iter().enumerate() {
            if i > 0 {
                text.push_str(if parts[from + i - 1].1 == *line {
                    ","
                } else {
                    " "
                });
            }
            text.push_str(part);
        }
        text
    };
    let flush =
        |from: usize, to: usize, entries: &mut Vec<NeedEntry>, unmatched: &mut Vec<String>| {
            let mut at = from;
            while at < to {
                let line = parts[at].1;
                let end = (at..to).find(|&i| parts[i].1 != line).unwrap_or(to);
                let text = clean_item(
                    &parts[at..end]
                        .iter()
                        .map(|(p, _)| *p)
                        .collect::<Vec<_>>()
                        .join(","),
                )
                .to_string();
                if !text.is_empty() {
                    entries.push(other_entry(&text));
                    unmatched.push(text);
                }
                at = end;
            }
        };
    let mut start = 0;
    let mut loose = 0;
    while start < parts.len() {
        // No catalogue wording spans more than a dozen parts: a window keeps a long cell linear.
        let found = (start + 1..=parts.len().min(start + 16))
            .rev()
            .find_map(|end| Need::parse(&spell(start, end)).map(|need| (end, need)));
        match found {
            Some((end, need)) => {
                flush(loose, start, entries, unmatched);
                entries.push(code_entry(need));
                start = end;
                loose = end;
            }
            None => start += 1,
        }
    }
    flush(loose, parts.len(), entries, unmatched);
}

/// A list item without its bullet, numbering and final full stop.
pub(super) fn clean_item(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['-', '–', '—', '•', '*'])
        .trim()
        .trim_end_matches(['.', ','])
        .trim()
}

pub(super) fn code_entry(need: Need) -> NeedEntry {
    NeedEntry::Name(Text(need.code().to_string()))
}

pub(super) fn described_entry(need: Need, description: &str) -> NeedEntry {
    let mut map = BTreeMap::new();
    map.insert(
        need.code().to_string(),
        Some(Text(description.to_string())).filter(|t| !t.0.is_empty()),
    );
    NeedEntry::WithDescription(map)
}

pub(super) fn other_entry(description: &str) -> NeedEntry {
    let mut map = BTreeMap::new();
    map.insert(
        "other".to_string(),
        Some(Text(description.to_string())).filter(|t| !t.0.is_empty()),
    );
    NeedEntry::WithDescription(map)
}
