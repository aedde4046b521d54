//! The registry rules `check` enforces, one file per rule, and `CHECKS`, the list that runs them.
//! Their descriptors, with every other code, are listed once in `crate::catalog`.

use crate::calendar::Calendar;
use crate::diagnostic::{Finding, Position, Severity, YamlPath};
use crate::registry::model::{Registry, Text, TouchpointRef};
use crate::text::normalize;

pub(crate) mod r001_invalid_yaml_shape;
mod r002_missing_required_field;
mod r003_missing_recommended_field;
mod r004_unknown_need;
mod r005_need_outside_catalogue;
mod r006_repeated_need;
mod r007_other_need_without_description;
mod r008_duplicate_touchpoint;
mod r009_several_points_in_one;
mod r010_channel_contradicts_point;
mod r011_duplicate_process;
mod r012_empty_group;
mod r013_duplicate_id;
mod r014_incomplete_approvals;
mod r015_late_publication;
mod r016_dates_out_of_order;
mod r017_missing_key_channel;
mod r018_unknown_profile_attribute;
mod r019_profile_value_outside_attribute;
mod r020_overlapping_bands;
mod r021_profile_process_not_in_registry;
mod r022_preferred_channel_not_offered;
mod r023_free_or_personal_attribute;
#[cfg(test)]
mod testing;

#[cfg(test)]
pub(crate) use testing::run_rule;

pub use r001_invalid_yaml_shape::unknown_key_finding;

/// What a registry rule reads.
pub struct Context<'a> {
    pub registry: &'a Registry,
    pub calendar: &'a Calendar,
    /// Every touchpoint's point, normalised once for all rules (file order).
    normalized_points: Vec<Option<String>>,
    /// Read from a Word/Excel table: advice names the table's graphs and the command's options,
    /// never YAML keys.
    pub from_table: bool,
}

impl<'a> Context<'a> {
    pub fn new(registry: &'a Registry, calendar: &'a Calendar) -> Self {
        let normalized_points = registry
            .touchpoints()
            .map(|tp| Text::non_blank(&tp.touchpoint.point).map(normalize))
            .collect();
        Context {
            registry,
            calendar,
            normalized_points,
            from_table: false,
        }
    }

    /// The advice that fits the file: `yaml` for a registry file, `table` for a Word/Excel table.
    pub fn advice<'s>(&self, yaml: &'s str, table: &'s str) -> &'s str {
        if self.from_table { table } else { yaml }
    }

    /// Every touchpoint with its normalised point.
    pub fn touchpoints(&self) -> impl Iterator<Item = (TouchpointRef<'a>, Option<&str>)> {
        self.registry
            .touchpoints()
            .zip(self.normalized_points.iter().map(Option::as_deref))
    }
}

/// Collects the findings of one rule, each with the YAML path of its node; positions are
/// resolved later, in one pass over the file, for all findings together.
pub struct Sink {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    pub findings: Vec<(YamlPath, Finding)>,
}

impl Sink {
    pub fn new(rule: &Rule) -> Self {
        Sink {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            findings: Vec::new(),
        }
    }

    /// Reports a finding of the running rule at `path`.
    pub fn report(&mut self, path: YamlPath, message: impl Into<String>, help: impl Into<String>) {
        let mut finding = Finding::new(self.code, self.severity, message).with_help(help);
        finding.name = self.name;
        self.findings.push((path, finding));
    }
}

pub use crate::diagnostic::{Rule, Scope};

/// A registry rule's check.
pub type Check = fn(&Context, &mut Sink);

/// Every registry rule with its check, in code order. The descriptors are listed for
/// `rules`, `explain` and `--ignore` by `catalog`, which also lists the other codes.
pub static CHECKS: &[(&Rule, Check)] = &[
    (
        &r001_invalid_yaml_shape::RULE,
        r001_invalid_yaml_shape::check,
    ),
    (
        &r002_missing_required_field::RULE,
        r002_missing_required_field::check,
    ),
    (
        &r003_missing_recommended_field::RULE,
        r003_missing_recommended_field::check,
    ),
    (&r004_unknown_need::RULE, r004_unknown_need::check),
    (
        &r005_need_outside_catalogue::RULE,
        r005_need_outside_catalogue::check,
    ),
    (&r006_repeated_need::RULE, r006_repeated_need::check),
    (
        &r007_other_need_without_description::RULE,
        r007_other_need_without_description::check,
    ),
    (
        &r008_duplicate_touchpoint::RULE,
        r008_duplicate_touchpoint::check,
    ),
    (
        &r009_several_points_in_one::RULE,
        r009_several_points_in_one::check,
    ),
    (
        &r010_channel_contradicts_point::RULE,
        r010_channel_contradicts_point::check,
    ),
    (&r011_duplicate_process::RULE, r011_duplicate_process::check),
    (&r012_empty_group::RULE, r012_empty_group::check),
    (&r013_duplicate_id::RULE, r013_duplicate_id::check),
    (
        &r014_incomplete_approvals::RULE,
        r014_incomplete_approvals::check,
    ),
    (&r015_late_publication::RULE, r015_late_publication::check),
    (
        &r016_dates_out_of_order::RULE,
        r016_dates_out_of_order::check,
    ),
    (
        &r017_missing_key_channel::RULE,
        r017_missing_key_channel::check,
    ),
    (
        &r018_unknown_profile_attribute::RULE,
        r018_unknown_profile_attribute::check,
    ),
    (
        &r019_profile_value_outside_attribute::RULE,
        r019_profile_value_outside_attribute::check,
    ),
    (&r020_overlapping_bands::RULE, r020_overlapping_bands::check),
    (
        &r021_profile_process_not_in_registry::RULE,
        r021_profile_process_not_in_registry::check,
    ),
    (
        &r022_preferred_channel_not_offered::RULE,
        r022_preferred_channel_not_offered::check,
    ),
    (
        &r023_free_or_personal_attribute::RULE,
        r023_free_or_personal_attribute::check,
    ),
];

/// Runs every registry rule on a loaded model.
pub fn run_all(context: &Context) -> Vec<(YamlPath, Finding)> {
    let mut all = Vec::new();
    for (rule, check) in CHECKS {
        let mut sink = Sink::new(rule);
        check(context, &mut sink);
        all.append(&mut sink.findings);
    }
    all
}

/// Splits a point cell at commas and semicolons outside parentheses.
pub(crate) fn split_points(point: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for ch in point.chars() {
        match ch {
            '(' | '«' => depth += 1,
            ')' | '»' => depth -= 1,
            _ => {}
        }
        if (ch == ',' || ch == ';') && depth <= 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(ch);
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// All findings for one loaded registry file: the loader's, unknown keys, and every rule's,
/// each with its line and column.
pub fn check_loaded(loaded: &crate::registry::Loaded) -> Vec<Finding> {
    check_loaded_on(loaded, Calendar::russian(), |_| true)
}

/// The findings `keep` accepts; positions are resolved for those only (diff lists errors, and
/// should not pay for locating warnings it will not print).
pub fn check_loaded_where(
    loaded: &crate::registry::Loaded,
    keep: impl Fn(&Finding) -> bool,
) -> Vec<Finding> {
    check_loaded_on(loaded, Calendar::russian(), keep)
}

/// The findings `keep` accepts, with the production calendar `calendar` (`check --calendar`).
pub fn check_loaded_on(
    loaded: &crate::registry::Loaded,
    calendar: &Calendar,
    keep: impl Fn(&Finding) -> bool,
) -> Vec<Finding> {
    let mut findings = loaded.findings.clone();
    let Some(registry) = &loaded.registry else {
        inside_the_text(&mut findings, &loaded.text);
        return findings;
    };
    let mut context = Context::new(registry, calendar);
    context.from_table = loaded.places.is_some();
    let mut located = run_all(&context);
    located.retain(|(_, finding)| keep(finding));
    // Unknown keys and depth came from the event pass beside serde.
    match &loaded.shape {
        Some(Ok(scan)) => {
            for unknown in &scan.unknown_keys {
                findings.push(unknown_key_finding(unknown));
            }
            if let Some(position) = scan.too_deep {
                findings.push(crate::registry::load::too_deep_finding().at(position));
            }
        }
        Some(Err((message, position))) => {
            findings.push(unreadable_events_finding(message).at(*position))
        }
        None => {}
    }
    // The second pass locates, and only when some finding needs a place; a registry read from
    // a table knows the cell of every node already.
    let paths: Vec<YamlPath> = located.iter().map(|(path, _)| path.clone()).collect();
    let positions: Vec<Option<(Position, Option<String>)>> = match &loaded.places {
        Some(places) => paths
            .iter()
            .map(|path| places.locate(path).map(|(p, cell)| (p, Some(cell))))
            .collect(),
        None if paths.is_empty() => Vec::new(),
        None => crate::registry::positions::locate(&loaded.text, &paths)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.map(|p| (p, None)))
            .collect(),
    };
    for ((path, mut finding), position) in located
        .into_iter()
        .zip(positions.into_iter().chain(std::iter::repeat(None)))
    {
        if let Some((position, cell)) = position {
            finding = finding.at(position);
            finding.cell = cell;
        }
        if !path.is_root() {
            finding.path = Some(path.to_string());
        }
        findings.push(finding);
    }
    findings.retain(|finding| keep(finding));
    inside_the_text(&mut findings, &loaded.text);
    for finding in &mut findings {
        finding.file = loaded.file.clone();
        // A finding at the document root points at the top of the file.
        if finding.line.is_none() && !loaded.text.is_empty() {
            finding.line = Some(1);
            finding.column = Some(1);
        }
    }
    findings
}

/// Keeps every position inside the text: a parser reports "unexpected end of stream" on the line
/// after the last one, where the user looks at the end of the last line.
fn inside_the_text(findings: &mut [Finding], text: &str) {
    let lines = text.lines().count();
    for finding in findings {
        // A finding without a place in a file that has lines (serde_yaml gives none for some
        // errors, and saphyr may not find the place either) points at the top of the file.
        if finding.line.is_none() && lines > 0 {
            finding.line = Some(1);
            finding.column = Some(1);
        }
        if lines > 0 && finding.line.is_some_and(|line| line > lines) {
            let last = text.lines().next_back().unwrap_or("");
            finding.line = Some(lines);
            finding.column = Some(last.chars().count() + 1);
        }
    }
}

/// serde_yaml accepted what saphyr refuses (saphyr limits nesting, for one).
fn unreadable_events_finding(message: &str) -> Finding {
    let (text, help) = if message.contains("recursion") || message.contains("deep") {
        (
            "Слишком глубокая вложенность: файл не похож на перечень",
            "Проверьте скобки и отступы в указанной строке",
        )
    } else {
        crate::input::yaml::syntax_problem(message)
    };
    r001_invalid_yaml_shape::RULE.finding(text).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_points_respects_parentheses() {
        assert_eq!(
            split_points("Телефонная связь, кабинеты внутренних клиентов"),
            vec!["Телефонная связь", "кабинеты внутренних клиентов"]
        );
        assert_eq!(
            split_points("Личный прием (кабинет 12, 3 этаж)"),
            vec!["Личный прием (кабинет 12, 3 этаж)"]
        );
    }
}
