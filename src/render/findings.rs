//! Findings as text (for people), JSON (for scripts) and GitHub workflow annotations.

use super::style::Style;
use crate::diagnostic::{Finding, Severity, Totals};
use crate::text::plural;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

/// The texts of the checked files, to quote the offending line.
#[derive(Default)]
pub struct SourceFiles {
    /// Each file's text and the byte offset where each of its lines starts, so that quoting
    /// a line costs the same whether it is the first finding or the 200,000th.
    texts: HashMap<String, (String, Vec<usize>)>,
}

impl SourceFiles {
    pub fn add(&mut self, file: &str, text: String) {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&start| start < text.len())
            .collect();
        self.texts.insert(file.to_string(), (text, starts));
    }

    /// The line as `str::lines` gives it (without `\n` or `\r\n`).
    fn line(&self, file: &str, line: usize) -> Option<&str> {
        let (text, starts) = self.texts.get(file)?;
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
        let line = &text[start..end];
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// Where a finding points, as `file:line:col` (registries), `file: таблица 1, строка 7, графа
/// «…»` (registries read from a table) or `file:строка N` (exports).
pub fn location(finding: &Finding) -> String {
    if let Some(cell) = &finding.cell {
        return format!("{}: {cell}", finding.file);
    }
    match (finding.line, finding.row) {
        (Some(line), _) => format!("{}:{}:{}", finding.file, line, finding.column.unwrap_or(1)),
        (None, Some(row)) => match finding.column {
            Some(column) => format!("{}: строка {row}, столбец {column}", finding.file),
            None => format!("{}: строка {row}", finding.file),
        },
        (None, None) => finding.file.clone(),
    }
}

/// A finding on one line: `file: строка N, столбец M: J002 ошибка: message`.
pub fn one_line(finding: &Finding) -> String {
    format!(
        "{}: {} {}: {}",
        location(finding),
        finding.code,
        finding.severity.russian(),
        finding.message
    )
}

/// `file:line:col: R008 ошибка: message`, the source line with a caret, the help line, and a
/// closing line with the totals.
pub fn text(
    out: &mut dyn Write,
    findings: &[Finding],
    sources: &SourceFiles,
    files_checked: usize,
    color: bool,
) -> std::io::Result<()> {
    let style = Style { enabled: color };
    // Where each character of the last long line quoted starts: findings come sorted by line,
    // and a minified file of one line with 10,000 findings must not be walked 10,000 times.
    let mut long_line: Option<((String, usize), Vec<usize>)> = None;
    let mut last_source: Option<((&str, usize), Option<&str>)> = None;
    let repeats = Repeats::of(findings);
    for (index, finding) in findings.iter().enumerate() {
        let again = repeats.again(index);
        if again == Some(&[][..]) {
            continue;
        }
        let severity = match finding.severity {
            Severity::Error => style.red(finding.severity.russian()),
            Severity::Warning => style.yellow(finding.severity.russian()),
            Severity::Info => style.cyan(finding.severity.russian()),
        };
        writeln!(
            out,
            "{}: {} {}: {}",
            style.bold(&location(finding)),
            style.bold(finding.code),
            severity,
            finding.message
        )?;
        // The line is looked up once for all the findings on it: finding its end scans it.
        let wanted = finding.line.map(|l| (finding.file.as_str(), l));
        if wanted.is_some() && last_source.as_ref().map(|(k, _)| *k) != wanted {
            last_source = wanted.map(|(file, l)| ((file, l), sources.line(file, l)));
        }
        if let (Some(line), Some(source)) = (
            finding.line,
            last_source.as_ref().and_then(|(_, source)| *source),
        ) {
            let number = line.to_string();
            let gutter = " ".repeat(number.len());
            let key = (finding.file.clone(), line);
            if source.len() > MAX_QUOTE && long_line.as_ref().is_none_or(|(k, _)| *k != key) {
                long_line = Some((key, source.char_indices().map(|(i, _)| i).collect()));
            }
            let starts = long_line
                .as_ref()
                .filter(|_| source.len() > MAX_QUOTE)
                .map(|(_, starts)| starts.as_slice());
            let (shown, caret_column) = excerpt(source, starts, finding.column.unwrap_or(1));
            let caret_pad: String = shown
                .chars()
                .take(caret_column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(out, "{} {}", gutter, style.blue("|"))?;
            writeln!(out, "{} {} {}", style.blue(&number), style.blue("|"), shown)?;
            writeln!(
                out,
                "{} {} {}{}",
                gutter,
                style.blue("|"),
                caret_pad,
                style.bold("^")
            )?;
        }
        if let Some(places) = again {
            writeln!(
                out,
                "  = то же ещё {} {}: {}",
                places.len(),
                plural(places.len(), "раз", "раза", "раз"),
                places_list(places)
            )?;
        }
        if let Some(help) = &finding.help {
            writeln!(out, "  = помощь: {help}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(findings, files_checked, &style))
}

/// How often a finding repeats to show it once: three times or more (a column the table does
/// not have gives the same finding on every row; two duplicates stay two findings).
const REPEATS_SHOWN_ONCE: usize = 3;

/// Findings that say the same thing (file, code and message) in many places: the first is shown
/// with the places of the others, the others not at all.
struct Repeats {
    /// For each finding: None (shown as it is), the places of its repeats (the first of a
    /// group), or an empty list (a repeat, not shown).
    again: Vec<Option<Vec<usize>>>,
}

impl Repeats {
    fn of(findings: &[Finding]) -> Repeats {
        let mut groups: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            groups
                .entry((f.file.as_str(), f.code, f.message.as_str()))
                .or_default()
                .push(i);
        }
        let mut again = vec![None; findings.len()];
        for members in groups.values().filter(|m| m.len() >= REPEATS_SHOWN_ONCE) {
            let places = members[1..]
                .iter()
                .map(|&i| findings[i].line.or(findings[i].row).unwrap_or(0))
                .collect();
            again[members[0]] = Some(places);
            for &i in &members[1..] {
                again[i] = Some(Vec::new());
            }
        }
        Repeats { again }
    }

    fn again(&self, index: usize) -> Option<&[usize]> {
        self.again.get(index).and_then(|a| a.as_deref())
    }
}

/// Row or line numbers as a person reads them: runs as «3–11», at most twelve items.
fn places_list(places: &[usize]) -> String {
    let mut sorted = places.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        runs.push(if j > i + 1 {
            format!("{}–{}", sorted[i], sorted[j])
        } else if j == i + 1 {
            format!("{}, {}", sorted[i], sorted[j])
        } else {
            sorted[i].to_string()
        });
        i = j + 1;
    }
    let shown = runs.len().min(12);
    let mut text = format!("строки {}", runs[..shown].join(", "));
    if runs.len() > shown {
        text.push_str(", …");
    }
    text
}

/// After the findings of many files: how many of each code (errors first), and the files with
/// none.
pub fn overview(
    out: &mut dyn Write,
    findings: &[Finding],
    files: &[String],
) -> std::io::Result<()> {
    let mut counts: Vec<(&str, Severity, usize)> = Vec::new();
    for finding in findings {
        match counts.iter_mut().find(|(code, _, _)| *code == finding.code) {
            Some(entry) => entry.2 += 1,
            None => counts.push((finding.code, finding.severity, 1)),
        }
    }
    let rank = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    counts.sort_by(|a, b| {
        (rank(a.1), std::cmp::Reverse(a.2), a.0).cmp(&(rank(b.1), std::cmp::Reverse(b.2), b.0))
    });
    if !counts.is_empty() {
        let list: Vec<String> = counts
            .iter()
            .map(|(code, severity, n)| format!("{code} ({}) — {n}", severity.russian()))
            .collect();
        writeln!(out, "По кодам: {}.", list.join(", "))?;
    }
    let clean: Vec<&str> = files
        .iter()
        .filter(|f| !findings.iter().any(|x| x.file == **f))
        .map(String::as_str)
        .collect();
    if !clean.is_empty() {
        writeln!(out, "Без замечаний: {}.", clean.join(", "))?;
    }
    Ok(())
}

/// Characters of a source line quoted at most, around the finding's column.
const MAX_QUOTE: usize = 120;

/// At most [`MAX_QUOTE`] characters of a source line around `column`, with the caret's column
/// in the excerpt: a minified or garbage line must not flood the terminal. `starts` (where each
/// character begins) is given for a line longer than `MAX_QUOTE` bytes.
fn excerpt(line: &str, starts: Option<&[usize]>, column: usize) -> (String, usize) {
    let Some(starts) = starts else {
        return (line.to_string(), column);
    };
    let count = starts.len();
    if count <= MAX_QUOTE {
        return (line.to_string(), column);
    }
    let start = column
        .saturating_sub(1)
        .saturating_sub(MAX_QUOTE / 2)
        .min(count);
    let end = (start + MAX_QUOTE).min(count);
    let byte = |i: usize| starts.get(i).copied().unwrap_or(line.len());
    let mut shown = String::new();
    let mut caret = column - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.push_str(&line[byte(start)..byte(end)]);
    if end < count {
        shown.push('…');
    }
    (shown, caret)
}

/// The closing line: how many files, and what was found.
pub fn summary_line(findings: &[Finding], files_checked: usize, style: &Style) -> String {
    let totals = Totals::of(findings);
    let files = format!(
        "Проверено {files_checked} {}",
        plural(files_checked, "файл", "файла", "файлов")
    );
    if findings.is_empty() {
        return format!("{files}: {}", style.green("замечаний нет."));
    }
    let mut parts = Vec::new();
    if totals.errors > 0 {
        parts.push(style.red(&format!(
            "{} {}",
            totals.errors,
            plural(totals.errors, "ошибка", "ошибки", "ошибок")
        )));
    }
    if totals.warnings > 0 {
        parts.push(style.yellow(&format!(
            "{} {}",
            totals.warnings,
            plural(
                totals.warnings,
                "предупреждение",
                "предупреждения",
                "предупреждений"
            )
        )));
    }
    if totals.infos > 0 {
        parts.push(style.cyan(&format!(
            "{} {}",
            totals.infos,
            plural(totals.infos, "замечание", "замечания", "замечаний")
        )));
    }
    format!("{files}: {}.", parts.join(", "))
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: &'a [Finding],
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Of a registry read from a table: the account of every row (import.md).
    #[serde(skip_serializing_if = "<[FileLedger]>::is_empty")]
    ledgers: &'a [FileLedger],
}

/// A table's account of its rows, by the file it was read from.
#[derive(Serialize)]
pub struct FileLedger {
    pub file: String,
    pub ledger: crate::registry::Ledger,
}

/// The spec's JSON: `findings` plus the totals `errors`, `warnings`, `infos`.
pub fn json(out: &mut dyn Write, findings: &[Finding]) -> std::io::Result<()> {
    json_with_ledgers(out, findings, &[])
}

/// [`json`], with the account of every row of each table read (`ledgers`).
pub fn json_with_ledgers(
    out: &mut dyn Write,
    findings: &[Finding],
    ledgers: &[FileLedger],
) -> std::io::Result<()> {
    let totals = Totals::of(findings);
    let report = JsonReport {
        findings,
        errors: totals.errors,
        warnings: totals.warnings,
        infos: totals.infos,
        ledgers,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=R008 name::message`.
pub fn github(out: &mut dyn Write, findings: &[Finding]) -> std::io::Result<()> {
    for finding in findings {
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = vec![format!("file={}", escape_property(&finding.file))];
        if let Some(line) = finding.line.or(finding.row) {
            properties.push(format!("line={line}"));
        }
        if let Some(column) = finding.column {
            properties.push(format!("col={column}"));
        }
        let name = finding.name;
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {name}", finding.code))
        ));
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push('\n');
            message.push_str(help);
        }
        writeln!(
            out,
            "::{level} {}::{}",
            properties.join(","),
            escape_data(&message)
        )?;
    }
    Ok(())
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotations_escape_separators() {
        let mut finding = Finding::new("R008", Severity::Error, "100% повтор, строка: 2");
        finding.file = "a,b.yaml".into();
        finding.name = "duplicate-touchpoint";
        finding.line = Some(3);
        finding.column = Some(5);
        let mut out = Vec::new();
        github(&mut out, &[finding]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "::error file=a%2Cb.yaml,line=3,col=5,title=R008 duplicate-touchpoint::100%25 повтор, строка: 2\n"
        );
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let line = format!("{}Ж{}", "д".repeat(300), "b".repeat(300));
        let starts: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
        let (shown, caret) = excerpt(&line, Some(&starts), 301);
        assert!(shown.chars().count() <= 122);
        assert_eq!(shown.chars().nth(caret - 1), Some('Ж'));
        assert_eq!(excerpt("short", None, 3), ("short".to_string(), 3));
    }

    #[test]
    fn summary_uses_russian_plurals() {
        let style = Style { enabled: false };
        let findings = vec![
            Finding::new("R001", Severity::Error, "a"),
            Finding::new("R001", Severity::Error, "b"),
            Finding::new("R003", Severity::Warning, "c"),
        ];
        assert_eq!(
            summary_line(&findings, 2, &style),
            "Проверено 2 файла: 2 ошибки, 1 предупреждение."
        );
        assert_eq!(
            summary_line(&[], 1, &style),
            "Проверено 1 файл: замечаний нет."
        );
    }
}
