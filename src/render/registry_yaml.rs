//! A registry written as YAML of registry.md for people: block style, a header comment naming
//! the source, a comment with the table row above each process (`import`). serde_yaml cannot
//! write comments, so the few shapes of the format are written here; every text goes through
//! [`scalar`], which quotes whatever YAML could read as something else.

use crate::registry::model::{NeedEntry, OneOrMany, Registry, Text, Touchpoint};
use std::fmt::Write as _;

/// Where the registry came from, for the comments.
pub struct Provenance<'a> {
    /// The header comment's lines (source file, table, date of import).
    pub header: Vec<String>,
    /// The comment above process `[d][p]` («строка 7 таблицы 1»), when known.
    pub process_note: &'a dyn Fn(usize, usize) -> Option<String>,
}

pub fn yaml(registry: &Registry, provenance: &Provenance) -> String {
    let mut out = String::new();
    for line in &provenance.header {
        let _ = writeln!(out, "# {line}");
    }
    field(&mut out, 0, "organization", &registry.organization);
    if let Some(approved) = &registry.approved {
        out.push_str("approved:\n");
        field(&mut out, 2, "act", &approved.act);
        field(&mut out, 2, "date", &approved.date);
    }
    if registry.directions.as_ref().is_none_or(Vec::is_empty) {
        out.push_str("directions: []\n");
    } else {
        out.push_str("directions:\n");
    }
    for (d, direction) in registry.directions.iter().flatten().enumerate() {
        match &direction.name {
            Some(name) => {
                let _ = writeln!(out, "  - name: {}", scalar(&name.0));
            }
            None => out.push_str("  - name:\n"),
        }
        out.push_str("    processes:\n");
        for (p, process) in direction.processes.iter().flatten().enumerate() {
            if let Some(note) = (provenance.process_note)(d, p) {
                let _ = writeln!(out, "      # {note}");
            }
            match &process.name {
                Some(name) => {
                    let _ = writeln!(out, "      - name: {}", scalar(&name.0));
                }
                None => out.push_str("      - name:\n"),
            }
            if let Some(id) = &process.id {
                let _ = writeln!(out, "        id: {}", scalar(&id.0));
            }
            out.push_str("        touchpoints:\n");
            for touchpoint in process.touchpoints.iter().flatten() {
                write_touchpoint(&mut out, touchpoint);
            }
        }
    }
    write_segments(&mut out, registry);
    out
}

/// A list of texts in block style at `indent`, under `key`.
fn text_list(out: &mut String, indent: usize, key: &str, items: &Option<Vec<Text>>) {
    let items: Vec<&Text> = items.iter().flatten().collect();
    if items.is_empty() {
        return;
    }
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}:");
    for item in items {
        let _ = writeln!(out, "{pad}  - {}", scalar(&item.0));
    }
}

/// The segmentation table and the profiles (profiles.md), when the registry has them.
fn write_segments(out: &mut String, registry: &Registry) {
    if let Some(segmentation) = &registry.segmentation {
        out.push_str("segmentation:\n");
        for attribute in segmentation {
            let _ = writeln!(out, "  - attribute: {}", scalar(attribute.name()));
            field(out, 4, "type", &attribute.kind);
            text_list(out, 4, "values", &attribute.values);
            field(out, 4, "bands", &attribute.bands);
            if attribute.is_free() {
                out.push_str("    free: true\n");
            }
        }
    }
    let Some(profiles) = &registry.profiles else {
        return;
    };
    out.push_str("profiles:\n");
    for profile in profiles {
        let _ = writeln!(
            out,
            "  - name: {}",
            profile
                .name
                .as_ref()
                .map_or(String::new(), |t| scalar(&t.0))
        );
        field(out, 4, "area", &profile.area);
        let attributes = profile
            .attributes
            .iter()
            .flat_map(|a| &a.0)
            .collect::<Vec<_>>();
        if !attributes.is_empty() {
            out.push_str("    attributes:\n");
            for (name, value) in attributes {
                let _ = writeln!(out, "      {}: {}", scalar(name), scalar(&value.0));
            }
        }
        field(out, 4, "goal", &profile.goal);
        text_list(out, 4, "journey", &profile.journey);
        text_list(out, 4, "processes", &profile.processes);
        if let Some(channels) = &profile.channels {
            out.push_str("    channels:\n");
            text_list(out, 6, "informing", &channels.informing);
            text_list(out, 6, "service", &channels.service);
        }
    }
}

fn write_touchpoint(out: &mut String, touchpoint: &Touchpoint) {
    let mut first = true;
    let mut key = |out: &mut String, name: &str| {
        let prefix = if first {
            "          - "
        } else {
            "            "
        };
        first = false;
        let _ = write!(out, "{prefix}{name}:");
    };
    for (name, value) in [
        ("point", &touchpoint.point),
        ("channel", &touchpoint.channel),
    ] {
        if let Some(value) = value {
            key(out, name);
            let _ = writeln!(out, " {}", scalar(&value.0));
        }
    }
    if let Some(needs) = &touchpoint.needs {
        key(out, "needs");
        let entries = match needs {
            OneOrMany::One(entry) => std::slice::from_ref(entry),
            OneOrMany::Many(entries) => entries.as_slice(),
        };
        if entries.is_empty() {
            out.push_str(" []\n");
        } else {
            out.push('\n');
            for entry in entries {
                let _ = writeln!(out, "              - {}", need(entry));
            }
        }
    }
    for (name, value) in [
        ("interaction", &touchpoint.interaction),
        ("features", &touchpoint.features),
        ("client", &touchpoint.client),
        ("value", &touchpoint.value),
        ("basis", &touchpoint.basis),
        ("id", &touchpoint.id),
    ] {
        if let Some(value) = value {
            key(out, name);
            let _ = writeln!(out, " {}", scalar(&value.0));
        }
    }
    if first {
        out.push_str("          - {}\n");
    }
}

fn need(entry: &NeedEntry) -> String {
    match entry {
        NeedEntry::Name(name) => scalar(&name.0),
        NeedEntry::WithDescription(map) => {
            // Inside `{…}` a comma, a bracket or a brace ends a plain scalar: those are quoted.
            let parts: Vec<String> = map
                .iter()
                .map(|(key, value)| {
                    let value = value.as_ref().map_or(String::new(), |v| flow_scalar(&v.0));
                    format!("{}: {value}", flow_scalar(key))
                })
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

fn field(out: &mut String, indent: usize, name: &str, value: &Option<Text>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{:indent$}{name}: {}", "", scalar(&value.0));
    }
}

/// A text as a YAML scalar: plain when YAML reads it back as the same string, else in double
/// quotes with JSON escapes (a subset of YAML's).
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

/// Whether YAML may hold a character as it is (YAML 1.2, «printable»; a byte-order mark only at
/// the start of a stream). The line breaks of YAML 1.1 (U+0085, U+2028, U+2029) are escaped
/// too: inside quotes libyaml folds them into spaces.
fn yaml_printable(c: char) -> bool {
    matches!(c as u32, 0x20..=0x7E | 0xA0..=0x2027 | 0x202A..=0xD7FF | 0xE000..=0xFEFE | 0xFF00..=0xFFFD | 0x10000..=0x10FFFF)
}

/// A double-quoted YAML scalar: `"` and `\` escaped, and every character YAML may not hold as
/// it is (controls, line breaks, U+FFFE, U+FFFF) as an escape.
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if yaml_printable(c) => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A text as a scalar inside a flow collection (`{…}`, `[…]`), where `,[]{}` also end a plain one.
pub fn flow_scalar(text: &str) -> String {
    // Plain only for words, spaces and the punctuation of ordinary Russian text: libyaml's rules
    // for `:` and `?` inside flow collections are stricter than the spec's.
    let ordinary = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '«' | '»' | '(' | ')'));
    if is_plain_safe(text) && ordinary {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`~ ".contains(first);
    let looks_typed = matches!(
        text.to_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
    ) || text.parse::<f64>().is_ok()
        || text.starts_with(|c: char| c.is_ascii_digit());
    !special_start
        && !looks_typed
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains(['\n', '\r', '\t'])
        && text.chars().all(yaml_printable)
        // Plain only for the characters of ordinary text; anything else is quoted, which is
        // always safe (libyaml is stricter than the spec around some indicators).
        && text.chars().all(|c| {
            c.is_alphanumeric() || " .,;:-–—«»()№/\"'!?%".contains(c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_yaml_would_misread_are_quoted_and_read_back_the_same() {
        for text in [
            "Телефонная связь",
            "Телефонная связь, СЭД",
            "yes",
            "2024-09-24",
            "- пункт",
            "a: b",
            "строка\nвторая",
            "«кавычки» и \"прямые\"",
            "# не комментарий",
            "100",
            "",
            " пробел",
        ] {
            let yaml = format!("key: {}\n", scalar(text));
            let back: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(back["key"], text, "{yaml}");
        }
        assert_eq!(scalar("Телефонная связь"), "Телефонная связь");
    }

    #[test]
    fn texts_inside_a_flow_mapping_read_back_the_same() {
        for text in [
            "получение справок, выписок",
            "запрос [срочный] {вне очереди}",
            "a: b",
            "- пункт",
            "#1",
        ] {
            let yaml = format!("key: {{other: {}}}\n", flow_scalar(text));
            let back: std::collections::BTreeMap<
                String,
                std::collections::BTreeMap<String, String>,
            > = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            assert_eq!(back["key"]["other"], text, "{yaml}");
        }
    }
}
