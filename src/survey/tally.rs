//! From the counters of one pass to the figures of the spec: per wave and item the count and
//! share of every option, the satisfaction level (top-2-box among those with an opinion) with
//! its Wilson interval, the mean score, the cells left out; per segment the same, small groups
//! suppressed; across waves the change and its significance.

use super::codes;
use super::columns::{Column, Role};
use super::definition::Definition;
use super::label::ItemLabel;
pub use super::report::*;
use super::scale::Scale;
use super::scan::{ColumnTally, GroupCounts, Misfit, PainText, ScanConfig, ScannedExport, scan};
use super::stats::{one_decimal, two_proportion_p, wilson};
use crate::diagnostic::{Finding, sort_findings};
use crate::input::records::{ReadOptions, ReadProgress, Unwatched};
use crate::privacy::shown;
use crate::privacy::suppressed;

pub use super::waves::WaveInput;

/// What a tally run is asked. Built by [`TallyConfig::new`], the one constructor, and then
/// its options set field by field.
pub struct TallyConfig {
    pub read: ReadOptions,
    pub definition: Option<Definition>,
    pub by: Option<String>,
    pub min_group: u64,
    pub population: Option<u64>,
    pub collect_pains: bool,
    /// With `--registry` whose segmentation names the `--by` column: that attribute, whose values
    /// the column's values must be (S002 otherwise; profiles.md).
    pub segment_attribute: Option<crate::registry::profiles::Attribute>,
    /// With `--profiles`: the registry's segmentation and profiles to measure.
    pub profiles: Option<ProfileSpecs>,
}

/// The profiles `--profiles` measures, as the registry gives them (processes already linked to
/// the registry's names).
#[derive(Debug, Clone, Default)]
pub struct ProfileSpecs {
    pub segmentation: Vec<crate::registry::profiles::Attribute>,
    pub profiles: Vec<ProfileSpec>,
}

#[derive(Debug, Clone, Default)]
pub struct ProfileSpec {
    pub name: String,
    /// (attribute, value) as the profile names them.
    pub attributes: Vec<(String, String)>,
    pub processes: Vec<String>,
}

impl TallyConfig {
    /// A tally with the reading options and the minimum group, nothing else asked: no
    /// definition, no segment, no population, no pains, no profiles.
    pub fn new(read: ReadOptions, min_group: u64) -> TallyConfig {
        TallyConfig {
            read,
            definition: None,
            by: None,
            min_group,
            population: None,
            collect_pains: false,
            segment_attribute: None,
            profiles: None,
        }
    }

    /// The attributes any profile uses that the segmentation has (never a free one): the segment
    /// questions the scan combines.
    fn profile_columns(&self) -> Vec<String> {
        let Some(specs) = &self.profiles else {
            return Vec::new();
        };
        let mut names: Vec<String> = Vec::new();
        for (name, _) in specs.profiles.iter().flat_map(|p| &p.attributes) {
            let Some(attribute) = crate::registry::profiles::attribute(&specs.segmentation, name)
            else {
                continue;
            };
            if !attribute.is_free() && !names.iter().any(|n| n == attribute.name()) {
                names.push(attribute.name().to_string());
            }
        }
        names
    }
}

fn figures(scale: Scale, counts: &[u64], population: Option<u64>) -> Figures {
    let options = scale.options();
    let n: u64 = counts.iter().sum();
    let with_opinion = n - counts[scale.unsure()];
    let satisfied: u64 = scale.satisfied().iter().map(|&i| counts[i]).sum();
    let level =
        (with_opinion > 0).then(|| one_decimal(satisfied as f64 * 100.0 / with_opinion as f64));
    let ci = wilson(satisfied, with_opinion, population)
        .map(|(low, high)| [one_decimal(low * 100.0), one_decimal(high * 100.0)]);
    let mean = match scale {
        Scale::FivePoint if with_opinion > 0 => {
            let total: u64 = options
                .iter()
                .zip(counts)
                .filter_map(|((_, score), count)| score.map(|s| s as u64 * count))
                .sum();
            Some((total as f64 / with_opinion as f64 * 100.0).round() / 100.0)
        }
        _ => None,
    };
    Figures {
        n,
        small: false,
        counts: ByOption(
            options
                .iter()
                .map(|(o, _)| *o)
                .zip(counts.iter().copied())
                .collect(),
        ),
        shares: ByOption(
            options
                .iter()
                .zip(counts)
                .map(|((o, _), count)| {
                    let share = if n == 0 {
                        0.0
                    } else {
                        one_decimal(*count as f64 * 100.0 / n as f64)
                    };
                    (*o, share)
                })
                .collect(),
        ),
        level,
        ci,
        mean,
        satisfied,
        with_opinion,
    }
}

/// Decides which columns are items and on which scale; S002/S003/S004 findings.
/// How the export's overall questions are told apart: None for one (or none), Some(by area)
/// for several — by their areas when each names one of its own, else by their headers.
fn several_overall(scanned: &ScannedExport) -> Option<bool> {
    let overall_areas: Vec<Option<super::label::Area>> = scanned
        .columns
        .iter()
        .filter(|c| c.overall && matches!(c.role, Role::Item | Role::Candidate))
        .map(|c| super::label::Area::named_in(&c.header))
        .collect();
    // Several overall questions are told apart by their areas when each names one of its own,
    // else by their whole headers.
    let distinct = overall_areas.iter().all(Option::is_some)
        && (1..overall_areas.len()).all(|i| !overall_areas[..i].contains(&overall_areas[i]));
    match overall_areas.len() {
        0 | 1 => None,
        _ => Some(distinct),
    }
}

fn build_wave(
    label: &str,
    scanned: ScannedExport,
    config: &TallyConfig,
    findings: &mut Vec<Finding>,
) -> anyhow::Result<Wave> {
    let file = scanned.file.clone();
    let mut items = Vec::new();
    let mut left_out = 0;
    let mut personal = Vec::new();
    let several_overall = several_overall(&scanned);
    let grids = recognised_grids(&scanned);
    for (column, tally) in scanned.columns.iter().zip(&scanned.tallies) {
        let by_values = tally.identifies();
        if column.role == Role::Segment {
            check_segment(&scanned, column, by_values)?;
        }
        if column.role == Role::Personal || by_values.is_some() {
            personal.push(column);
            continue;
        }
        let Some(scale) = item_scale(column, tally, &grids) else {
            continue;
        };
        let answers = tally.on(scale);
        left_out += answers.misfits + tally.left_out_rows;
        findings.extend(outside_scale(&file, column, scale, &answers));
        // Groups of the `--by` segment (the combinations of `--profiles` are no segments).
        let groups = (config.by.is_some() && !scanned.groups.is_empty())
            .then(|| groups_of(scale, tally, &scanned.groups, config));
        let (label, key) = identity(column, scale, several_overall);
        let mut figures = figures(scale, answers.counts, config.population);
        let groups = if figures.n < config.min_group {
            // A process two people use identifies them: nothing of it is shown.
            figures.hidden_as_small();
            None
        } else {
            groups
        };
        items.push(Item {
            label,
            key,
            header: column.header.clone(),
            scale,
            figures,
            groups,
            link: None,
        });
    }
    for column in &personal {
        findings.push(codes::personal_column(&file, column.index, &column.header));
    }
    findings.extend(segment_values(&file, &scanned, config));
    findings.extend(nothing_to_tally(&scanned, &items));
    if let Some(population) = config.population {
        check_population(&file, scanned.respondents, population)?;
    }
    let personal_columns: Vec<usize> = personal.iter().map(|c| c.index).collect();
    let mut pains = pain_rows(&scanned.pains, &scanned, &personal_columns);
    let pains_junk: u64 = scanned
        .pains
        .iter()
        .filter(|p| !personal_columns.contains(&p.column) && is_junk(&p.text))
        .map(|p| p.count)
        .sum();
    // The texts about a small item are not quoted either.
    let small: Vec<String> = items
        .iter()
        .filter(|i| i.figures.small)
        .map(|i| i.label.as_str().to_string())
        .collect();
    let quoted = pains.len();
    pains.retain(|pain| !small.contains(&pain.item));
    let pains_withheld = (quoted - pains.len()) as u64;
    let profiles = profile_results(&scanned, &items, config);
    Ok(Wave {
        period: scanned.dates.period(),
        label: label.to_string(),
        file,
        respondents: scanned.respondents,
        left_out,
        items,
        profiles,
        pains,
        pains_withheld,
        pains_junk,
        ledger: scanned.ledger.clone(),
    })
}

/// S002 for every value of the `--by` column that is none of the registry's attribute's values.
fn segment_values(file: &str, scanned: &ScannedExport, config: &TallyConfig) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(attribute) = &config.segment_attribute {
        for (value, count) in &scanned.groups {
            if value == "(не указано)" {
                continue;
            }
            let fits = matches!(
                crate::registry::profiles::fit(attribute, value),
                crate::registry::profiles::Fit::One(_)
            );
            if !fits {
                // A value fewer people gave than the minimum group is not printed: it may be one.
                let shown = (*count >= config.min_group).then_some(value.as_str());
                findings.push(codes::segment_value_outside(file, attribute, shown, *count));
            }
        }
    }
    findings
}

/// The figures of each profile's respondents (profiles.md): the groups of the scan are the
/// combinations of the profile attributes' answers; a combination belongs to a profile when
/// every attribute the profile names and the survey asked has the same value of the attribute
/// in both. Fewer matching respondents or answers than the minimum group: nothing is shown.
fn profile_results(
    scanned: &ScannedExport,
    items: &[Item],
    config: &TallyConfig,
) -> Vec<ProfileResult> {
    use crate::registry::profiles::{Fit, attribute, fit};
    let Some(specs) = &config.profiles else {
        return Vec::new();
    };
    if config.by.is_some() {
        return Vec::new();
    }
    let names = config.profile_columns();
    let value_of = |name: &str, text: &str| -> Option<String> {
        let attribute = attribute(&specs.segmentation, name)?;
        match fit(attribute, text) {
            Fit::One(value) => Some(value),
            _ => None,
        }
    };
    let mut results = Vec::new();
    let mut memberships: Vec<Vec<usize>> = Vec::new();
    for spec in &specs.profiles {
        let mut asked = Vec::new();
        let mut not_asked = Vec::new();
        // (index among the scan's profile columns, the attribute value the profile has)
        let mut wanted: Vec<(usize, Option<String>)> = Vec::new();
        for (name, value) in &spec.attributes {
            let canonical = attribute(&specs.segmentation, name).map(|a| a.name().to_string());
            let at = canonical
                .as_deref()
                .and_then(|c| names.iter().position(|n| n == c))
                .filter(|&i| scanned.profile_columns.get(i).copied().flatten().is_some());
            match at {
                Some(i) => {
                    asked.push(name.clone());
                    wanted.push((i, value_of(name, value)));
                }
                None => not_asked.push(name.clone()),
            }
        }
        // The groups (combinations) this profile's respondents gave.
        let matching: Vec<usize> = scanned
            .groups
            .iter()
            .enumerate()
            .filter(|(_, (combination, _))| {
                let values: Vec<&str> = combination.split(super::scan::PROFILE_SEPARATOR).collect();
                !wanted.is_empty()
                    && wanted.iter().all(|(i, value)| {
                        value.is_some()
                            && values
                                .get(*i)
                                .and_then(|v| value_of(&names[*i], v))
                                .is_some_and(|v| Some(&v) == value.as_ref())
                    })
            })
            .map(|(g, _)| g)
            .collect();
        let respondents: u64 = matching.iter().map(|&g| scanned.groups[g].1).sum();
        let profile_items = profile_items(scanned, items, &matching, config);
        results.push(ProfileResult {
            name: spec.name.clone(),
            asked,
            not_asked,
            respondents: Some(respondents),
            items: profile_items,
        });
        memberships.push(matching);
    }
    hide_recognisable(
        &mut results,
        memberships,
        scanned,
        &names,
        &value_of,
        config.min_group,
    );
    results
}

/// Every item's figures over the scan's groups `matching` (a profile's respondents).
/// Profiles hidden where their people could be recognised: too few, or a few people apart from
/// a profile they nest in, from a group another run shows with `--by`, or from everyone.
/// Decided from the answers and the registry's profiles alone, whatever else the run asks
/// (survey.md).
fn hide_recognisable(
    results: &mut [ProfileResult],
    mut memberships: Vec<Vec<usize>>,
    scanned: &ScannedExport,
    names: &[String],
    value_of: &dyn Fn(&str, &str) -> Option<String>,
    min_group: u64,
) {
    // Too few people match, or the profile is a few people apart from one it nests in (or from
    // everyone): neither its number nor any figure of its is shown. Decided from the answers
    // and the registry's profiles alone, whatever else the run asks (survey.md).
    let mut sizes: Vec<u64> = results.iter().map(|r| r.respondents.unwrap_or(0)).collect();
    let mut fixed = vec![false; sizes.len()];
    // The groups another run shows with `--by` on any attribute the profiles ask: a profile a
    // few people apart from one of them would give those people away by subtraction.
    for (members, size) in attribute_groups(scanned, names, value_of) {
        memberships.push(members);
        sizes.push(size);
        fixed.push(true);
    }
    let hidden = crate::privacy::suppressed_nested(
        &memberships,
        &sizes,
        &fixed,
        scanned.respondents,
        min_group,
    );
    for (result, hide) in results.iter_mut().zip(hidden) {
        if hide {
            result.respondents = None;
            result.items.clear();
        }
    }
}

/// For each attribute column the profiles ask and each of its values: the groups (combinations)
/// whose respondents gave that value, and how many they are — what `--by` on that attribute
/// would show.
fn attribute_groups(
    scanned: &ScannedExport,
    names: &[String],
    value_of: &dyn Fn(&str, &str) -> Option<String>,
) -> Vec<(Vec<usize>, u64)> {
    let mut sets: std::collections::BTreeMap<(usize, String), (Vec<usize>, u64)> =
        std::collections::BTreeMap::new();
    for (g, (combination, count)) in scanned.groups.iter().enumerate() {
        for (i, value) in combination
            .split(super::scan::PROFILE_SEPARATOR)
            .enumerate()
        {
            let Some(name) = names.get(i) else { continue };
            let key = value_of(name, value).unwrap_or_else(|| value.trim().to_string());
            let entry = sets.entry((i, key)).or_default();
            entry.0.push(g);
            entry.1 += count;
        }
    }
    sets.into_values().collect()
}

fn profile_items(
    scanned: &ScannedExport,
    items: &[Item],
    matching: &[usize],
    config: &TallyConfig,
) -> Vec<ProfileItem> {
    let mut profile_items = Vec::new();
    // Every item for now: which are about the profile's processes is known once the items
    // are linked to the registry ([`keep_profile_processes`]).
    for item in items {
        let Some(index) = scanned.columns.iter().position(|c| c.header == item.header) else {
            continue;
        };
        let tally = &scanned.tallies[index];
        let mut counts = vec![0u64; item.scale.options().len()];
        for &g in matching {
            if let Some(group) = tally.groups.get(g) {
                for (sum, n) in counts.iter_mut().zip(group.on(item.scale)) {
                    *sum += n;
                }
            }
        }
        let mut figures = figures(item.scale, &counts, config.population);
        if figures.n < config.min_group {
            figures.hidden_as_small();
        }
        profile_items.push(ProfileItem {
            label: item.label.as_str().to_string(),
            process: String::new(),
            figures,
        });
    }
    profile_items
}

/// Keeps of each profile's items those linked to the profile's processes (after
/// [`super::by_process::link`]), naming the process.
pub fn keep_profile_processes(report: &mut TallyReport, specs: &ProfileSpecs) {
    for wave in &mut report.waves {
        let links: Vec<(String, Option<String>)> = wave
            .items
            .iter()
            .map(|i| {
                (
                    i.label.as_str().to_string(),
                    i.link.as_ref().and_then(|l| l.process.clone()),
                )
            })
            .collect();
        for (result, spec) in wave.profiles.iter_mut().zip(&specs.profiles) {
            result.items.retain_mut(|item| {
                let process = links
                    .iter()
                    .find(|(l, _)| *l == item.label)
                    .and_then(|(_, p)| p.clone());
                match process {
                    Some(process)
                        if spec.processes.iter().any(|p| {
                            crate::text::normalize(p) == crate::text::normalize(&process)
                        }) =>
                    {
                        item.process = process;
                        true
                    }
                    _ => false,
                }
            });
        }
    }
}

/// The label and the cross-year key of an item: a question found to be the overall one by its
/// header is the overall item when it is asked on the three-way scale.
/// An item's label and the key that pairs it across years. `several_overall`: None for one
/// overall question in the export, Some(by area) for several (told apart by their areas when
/// each names its own, else by their headers).
fn identity(column: &Column, scale: Scale, several_overall: Option<bool>) -> (ItemLabel, String) {
    if column.overall && scale == Scale::ThreeWay {
        // The overall question asked once per area: each area's is an item of its own.
        match (
            several_overall,
            super::label::Area::named_in(&column.header),
        ) {
            (None, _) => (ItemLabel::Overall, ItemLabel::OVERALL_KEY.to_string()),
            (Some(true), Some(area)) => {
                let label = ItemLabel::OverallOf(area);
                let key = label.as_str().to_string();
                (label, key)
            }
            _ => (
                ItemLabel::Named(column.header.clone()),
                format!("overall:{}", crate::text::normalize_option(&column.header)),
            ),
        }
    } else {
        (column.label.clone(), column.key.clone())
    }
}

/// Refuses a `--by` column whose values identify people or are no categories.
fn check_segment(
    scanned: &ScannedExport,
    column: &Column,
    by_values: Option<crate::privacy::Identifying>,
) -> anyhow::Result<()> {
    let file = &scanned.file;
    if let Some(kind) = by_values {
        anyhow::bail!(
            "{file}: по столбцу «{}» нельзя разбивать итоги (--by): его значения похожи на {} — это персональные данные (Смоленск 5.2: опрос анонимный); выберите столбец с категорией должностей, подразделением или стажем",
            column.header,
            kind.russian()
        );
    }
    if !is_a_category(&scanned.groups, scanned.respondents) {
        anyhow::bail!(
            "{file}: в столбце «{}» {} {} на {} {} — это не категория, а свободный текст или идентификатор: группы из одного человека раскрыли бы, кто как ответил; выберите столбец с категорией должностей, подразделением или стажем",
            column.header,
            scanned.groups.len(),
            crate::text::plural(
                scanned.groups.len(),
                "разное значение",
                "разных значения",
                "разных значений"
            ),
            scanned.respondents,
            crate::text::plural(scanned.respondents as usize, "анкету", "анкеты", "анкет")
        );
    }
    Ok(())
}

/// The scale of an item; None for a column that is no item.
fn item_scale(column: &Column, tally: &ColumnTally, grids: &[&str]) -> Option<Scale> {
    match column.role {
        Role::Item => Some(choose_scale(tally, column.overall)),
        // A row of a grid whose other rows are items is an item too, whatever share of its
        // cells is off the scale («Не обращался», digits): its valid answers count, the rest is
        // S002 — a row is never dropped whole without a finding (survey.md).
        Role::Candidate => recognised_scale(tally).or_else(|| {
            let in_grid = super::columns::grid_row(&column.header).is_some()
                && grids.contains(&super::columns::question_part(&column.header));
            let matched = tally.five.matched().max(tally.three.matched());
            // A grid row alone: an item when at least half its cells, and five at least, are
            // on the scale.
            let half = super::columns::grid_row(&column.header).is_some()
                && matched >= 5
                && matched * 2 >= tally.nonempty;
            ((in_grid || half) && matched > 0).then(|| choose_scale(tally, false))
        }),
        _ => None,
    }
}

/// The questions of the grids (`Вопрос [Строка]`) some row of which is recognised as an item.
fn recognised_grids(scanned: &ScannedExport) -> Vec<&str> {
    let mut grids: Vec<&str> = Vec::new();
    for (column, tally) in scanned.columns.iter().zip(&scanned.tallies) {
        let recognised = match column.role {
            Role::Item => true,
            Role::Candidate => recognised_scale(tally).is_some(),
            _ => false,
        };
        if recognised && super::columns::grid_row(&column.header).is_some() {
            let question = super::columns::question_part(&column.header);
            if !grids.contains(&question) {
                grids.push(question);
            }
        }
    }
    grids
}

/// S002 for the values kept of those outside the scale, and one for the rest.
fn outside_scale(file: &str, column: &Column, scale: Scale, answers: &Answers) -> Vec<Finding> {
    let mut findings: Vec<Finding> = answers
        .sample
        .iter()
        .map(|misfit| {
            codes::value_outside_scale(file, misfit, column.index, scale, column.label.as_str())
        })
        .collect();
    let listed = answers.sample.len();
    if answers.misfits > listed as u64 {
        findings.push(codes::more_outside_scale(
            file,
            column.index,
            &column.header,
            answers.misfits - listed as u64,
            listed,
        ));
    }
    findings
}

/// S004 when no column is an item, or no row holds answers.
fn nothing_to_tally(scanned: &ScannedExport, items: &[Item]) -> Option<Finding> {
    if items.is_empty() {
        Some(codes::no_items(
            &scanned.file,
            scanned.encoding,
            scanned.delimiter,
        ))
    } else if scanned.respondents == 0 {
        Some(codes::no_answers(&scanned.file))
    } else {
        None
    }
}

/// Every answer is a person, "затрудняюсь ответить" included: no item may have more answers
/// than the population.
fn check_population(file: &str, respondents: u64, population: u64) -> anyhow::Result<()> {
    // Every questionnaire is a person of the population, whatever it answered: an item's answers
    // can never be more, and a population smaller than the questionnaires would make the
    // interval falsely narrow (zero wide at n = N).
    if respondents > population {
        anyhow::bail!(
            "--population {population}: в выгрузке {file} ответили {respondents} {} — больше численности; укажите верную численность внутренних клиентов",
            crate::text::plural(respondents as usize, "человек", "человека", "человек")
        );
    }
    Ok(())
}

/// A column's answers on one scale.
struct Answers<'a> {
    counts: &'a [u64],
    misfits: u64,
    sample: &'a [Misfit],
}

impl ColumnTally {
    fn on(&self, scale: Scale) -> Answers<'_> {
        match scale {
            Scale::FivePoint => Answers {
                counts: &self.five.counts,
                misfits: self.five.misfits,
                sample: &self.five.sample,
            },
            Scale::ThreeWay => Answers {
                counts: &self.three.counts,
                misfits: self.three.misfits,
                sample: &self.three.sample,
            },
        }
    }
}

impl GroupCounts {
    fn on(&self, scale: Scale) -> &[u64] {
        match scale {
            Scale::FivePoint => &self.five,
            Scale::ThreeWay => &self.three,
        }
    }
}

/// The scale of a column the definition names: the one more of its values belong to; the
/// overall question is three-way unless its values say otherwise.
fn choose_scale(tally: &ColumnTally, overall: bool) -> Scale {
    let (five, three) = (tally.five.matched(), tally.three.matched());
    if three > five || (overall && three == five) {
        Scale::ThreeWay
    } else {
        Scale::FivePoint
    }
}

/// Without a definition, a column is an item when at least 90% of its non-empty values belong to
/// one scale; the rest are reported as values outside the scale.
fn recognised_scale(tally: &ColumnTally) -> Option<Scale> {
    let (five, three) = (tally.five.matched(), tally.three.matched());
    let best = five.max(three);
    if best == 0 || best * 10 < tally.nonempty * 9 {
        return None;
    }
    Some(if three > five {
        Scale::ThreeWay
    } else {
        Scale::FivePoint
    })
}

/// Per segment: the figures, or only the name for a group where fewer than the minimum answered
/// this item (Smolensk 5.2). The hidden groups together must not be recoverable by subtracting
/// the shown ones from the item's total: while they hold some answers but fewer than the
/// minimum, the smallest shown group is hidden too (so one hidden group never stands alone).
fn groups_of(
    scale: Scale,
    tally: &ColumnTally,
    groups: &[(String, u64)],
    config: &TallyConfig,
) -> Vec<Group> {
    let counts: Vec<GroupCounts> = (0..groups.len())
        .map(|i| tally.groups.get(i).copied().unwrap_or_default())
        .collect();
    let values: Vec<&[u64]> = counts.iter().map(|c| c.on(scale)).collect();
    // The answers the figures are made of: a value outside the scale is in no figure, so it
    // cannot make a group large enough to show one person's answer.
    let answered: Vec<u64> = values.iter().map(|v| v.iter().sum()).collect();
    let hidden = suppressed(&answered, config.min_group);
    let labels = group_labels(groups, config.min_group);
    groups
        .iter()
        .enumerate()
        .map(|(i, (_, respondents))| {
            let group = labels[i].clone();
            if hidden[i] {
                return Group::Suppressed {
                    group,
                    suppressed: true,
                };
            }
            Group::Shown {
                group,
                respondents: *respondents,
                figures: figures(scale, values[i], None),
            }
        })
        .collect()
}

/// The names of the groups as they may be printed. A value fewer than the minimum share is
/// never printed, even for a hidden group: it can itself say who answered («Заместитель
/// министра», a name typed into the field). Such groups are numbered instead; the others pass
/// through the mask of contacts and names.
fn group_labels(groups: &[(String, u64)], min_group: u64) -> Vec<String> {
    let mut small = 0;
    groups
        .iter()
        .map(|(name, respondents)| {
            if *respondents < min_group {
                small += 1;
                format!("(малая группа {small})")
            } else {
                shown(name).into_owned()
            }
        })
        .collect()
}

/// Whether a segment column holds categories: at most 20 values, or fewer distinct values than
/// half the questionnaires. A column where nearly every answer is its own value (a timestamp, a
/// free-text answer, a personnel number) would print one group per person.
fn is_a_category(groups: &[(String, u64)], respondents: u64) -> bool {
    groups.len() <= 20 || (groups.len() as u64) * 2 <= respondents
}

/// The pain map's rows: never from a column found personal by its values, contacts masked.
/// A text no respondent meant as a problem or a proposal, never quoted (documents.md): a
/// spreadsheet formula («=HYPERLINK(…)», «+cmd», «@SUM(…)»), markup («<script>»), or nothing
/// but a link.
pub fn is_junk(text: &str) -> bool {
    let text = text.trim();
    let formula = text.starts_with(['=', '+', '@'])
        || (text.starts_with('-') && text.chars().nth(1).is_some_and(|c| !c.is_whitespace()))
            && text.contains('(');
    let markup = text.to_lowercase().contains("<script") || text.starts_with('<');
    let masked = crate::privacy::mask_classes(text);
    let only_links = masked
        .replace("[ссылка]", "")
        .chars()
        .all(|c| !c.is_alphanumeric());
    formula || markup || (masked.contains("[ссылка]") && only_links)
}

fn pain_rows(pains: &[PainText], scanned: &ScannedExport, personal: &[usize]) -> Vec<PainRow> {
    let mut rows: Vec<PainRow> = pains
        .iter()
        .filter(|pain| !personal.contains(&pain.column))
        .filter(|pain| !is_junk(&pain.text))
        .map(|pain| {
            let column = &scanned.columns[pain.column];
            PainRow {
                item: column.about.clone().unwrap_or_else(|| "общее".to_string()),
                kind: if column.role == Role::Proposal {
                    "предложение"
                } else {
                    "проблема"
                },
                text: crate::privacy::free_text(&pain.text).into_owned(),
                count: pain.count,
            }
        })
        .collect();
    // Grouped by item, problems before proposals, the most frequent first.
    rows.sort_by(|a, b| {
        (
            a.item.as_str(),
            a.kind == "предложение",
            std::cmp::Reverse(a.count),
        )
            .cmp(&(
                b.item.as_str(),
                b.kind == "предложение",
                std::cmp::Reverse(b.count),
            ))
    });
    rows
}

/// Tallies every export and compares consecutive waves.
pub fn tally(inputs: &[WaveInput], config: &TallyConfig) -> anyhow::Result<TallyReport> {
    tally_watched(inputs, config, &Unwatched)
}

/// [`tally`], telling `progress` how far the reading of each export got.
pub fn tally_watched(
    inputs: &[WaveInput],
    config: &TallyConfig,
    progress: &dyn ReadProgress,
) -> anyhow::Result<TallyReport> {
    let mut findings = Vec::new();
    let mut scanned_waves = Vec::new();
    for input in inputs {
        let scan_config = ScanConfig {
            read: config.read,
            definition: config.definition.as_ref(),
            by: config.by.as_deref(),
            collect_pains: config.collect_pains,
            profile_columns: &config.profile_columns(),
            progress,
        };
        let mut scanned = scan(&input.path, &scan_config)?;
        findings.append(&mut scanned.findings);
        scanned_waves.push((input.clone(), scanned));
    }
    // Years are compared in the order of their answers' dates, whatever order the files were
    // given in; labels the dates contradict and the same answers twice are refused.
    let mut waves = Vec::new();
    for (input, scanned) in super::waves::order(scanned_waves)? {
        waves.push(build_wave(&input.label, scanned, config, &mut findings)?);
    }
    disambiguate_across_waves(&mut waves);
    let dynamics = dynamics(&waves);
    let incomparable = incomparable(&waves);
    for item in &incomparable {
        let file = waves
            .iter()
            .find(|w| w.label == item.to)
            .map(|w| w.file.clone())
            .unwrap_or_default();
        findings.push(codes::not_comparable(&file, item));
    }
    // One definition over several years: an item an earlier year's export did not ask is «не
    // спрашивался» that year, not a missing column (S001 concerns the latest year only).
    if let Some(latest) = waves.last().map(|w| w.file.clone()) {
        findings.retain(|f| f.code != "S001" || f.file == latest);
    }
    sort_findings(&mut findings);
    Ok(TallyReport {
        waves,
        dynamics,
        incomparable,
        findings,
        registry: None,
        min_group: config.min_group,
        procedure: None,
        organization: None,
    })
}

/// Two different items of two years with the same label («Консультации» of accounting in one
/// export, of HR in the next) would share a row of every table and chart that spans the years:
/// their labels become their whole headers.
fn disambiguate_across_waves(waves: &mut [Wave]) {
    use std::collections::{HashMap, HashSet};
    let mut keys_of: HashMap<String, HashSet<String>> = HashMap::new();
    for item in waves.iter().flat_map(|w| &w.items) {
        keys_of
            .entry(crate::text::normalize_option(item.label.as_str()))
            .or_default()
            .insert(item.key.clone());
    }
    for item in waves.iter_mut().flat_map(|w| &mut w.items) {
        if keys_of[&crate::text::normalize_option(item.label.as_str())].len() > 1 {
            item.label = ItemLabel::Named(item.header.clone());
        }
    }
}

/// Items of a later wave with no counterpart in the earlier one, when the earlier wave also has
/// items the later does not ask: a question may have been reworded, and a decline must not hide
/// behind the new wording (survey.md «Which column»). Only new items beside vanished ones are
/// said: a wave that only adds questions has nothing to compare them with, and says so nowhere.
fn incomparable(waves: &[Wave]) -> Vec<Incomparable> {
    let mut out = Vec::new();
    for pair in waves.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let gone: Vec<String> = before
            .items
            .iter()
            .filter(|i| !after.items.iter().any(|a| a.key == i.key))
            .map(|i| i.label.russian().to_string())
            .collect();
        if gone.is_empty() {
            continue;
        }
        for item in &after.items {
            if !before.items.iter().any(|b| b.key == item.key) {
                out.push(Incomparable {
                    item: item.label.clone(),
                    from: before.label.clone(),
                    to: after.label.clone(),
                    former: gone.clone(),
                });
            }
        }
    }
    out
}

fn dynamics(waves: &[Wave]) -> Vec<Dynamics> {
    let mut out = Vec::new();
    for pair in waves.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        for item in &after.items {
            // Paired by identity (question and row, or the definition's label), never by the
            // short label: two grids can share a row text.
            let Some(previous) = before.items.iter().find(|i| i.key == item.key) else {
                continue;
            };
            let (a, b) = (&previous.figures, &item.figures);
            let (Some(level_a), Some(level_b)) = (
                (a.with_opinion > 0).then(|| a.satisfied as f64 * 100.0 / a.with_opinion as f64),
                (b.with_opinion > 0).then(|| b.satisfied as f64 * 100.0 / b.with_opinion as f64),
            ) else {
                continue;
            };
            let p_value =
                two_proportion_p(a.satisfied, a.with_opinion, b.satisfied, b.with_opinion)
                    .unwrap_or(1.0);
            let delta = level_b - level_a;
            let significant = p_value < 0.05;
            out.push(Dynamics {
                item: item.label.clone(),
                from: before.label.clone(),
                to: after.label.clone(),
                delta_pp: one_decimal(delta),
                p_value: (p_value * 10_000.0).round() / 10_000.0,
                significant,
                trend: Trend::of(delta, significant),
                levels: (level_a, level_b),
            });
        }
    }
    // Declines first (Omsk p.13 asks for proposals on them), then in item order.
    out.sort_by_key(|d| !d.trend.is_significant_decline());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_path_with_an_equals_sign_is_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("part=2024.csv");
        std::fs::write(&file, "a\n").unwrap();
        let argument = file.to_str().unwrap();
        let wave = WaveInput::parse(argument);
        assert_eq!(wave.path, file);
        assert_eq!(wave.label, "2024");
        let labelled = WaveInput::parse(&format!("2023={argument}"));
        assert_eq!(
            (labelled.label.as_str(), labelled.path.as_path()),
            ("2023", file.as_path())
        );
    }

    #[test]
    fn wave_labels_come_from_arguments_or_years_in_names() {
        let w = WaveInput::parse("2024=exports/a.csv");
        assert_eq!(
            (w.label.as_str(), w.path.to_str()),
            ("2024", Some("exports/a.csv"))
        );
        assert_eq!(
            WaveInput::parse("exports/survey_2025_final.csv").label,
            "2025"
        );
        assert_eq!(WaveInput::parse("exports/survey.csv").label, "survey");
        assert_eq!(WaveInput::parse("exports/20251.csv").label, "20251");
    }

    #[test]
    fn figures_follow_the_spec() {
        // 3 fully, 5 rather satisfied, 1 rather not, 1 not at all, 2 unsure.
        let f = figures(Scale::FivePoint, &[3, 5, 1, 1, 2], None);
        assert_eq!(f.n, 12);
        // 5 of 12 answers: 41.7%.
        assert_eq!(f.shares.0[1], ("Скорее удовлетворен", 41.7));
        assert_eq!((f.satisfied, f.with_opinion), (8, 10));
        assert_eq!(f.level, Some(80.0));
        // (3*4 + 5*3 + 1*2 + 1*1) / 10 = 3.0
        assert_eq!(f.mean, Some(3.0));
        let three = figures(Scale::ThreeWay, &[7, 2, 1], None);
        assert_eq!(three.level, Some(77.8));
        assert_eq!(three.mean, None);
        let nobody = figures(Scale::FivePoint, &[0, 0, 0, 0, 4], None);
        assert_eq!((nobody.level, nobody.ci), (None, None));
    }

    #[test]
    fn trends_are_decided_on_the_exact_change() {
        // A significant fall of 0.04 pp prints as -0.0 but is a decline all the same.
        assert_eq!(Trend::of(-0.04, true), Trend::SignificantDecline);
        assert_eq!(one_decimal(-0.04), 0.0);
        assert_eq!(Trend::of(-0.04, false), Trend::Decline);
        assert_eq!(Trend::of(0.04, true), Trend::SignificantRise);
        assert_eq!(Trend::of(3.0, false), Trend::Rise);
        assert_eq!(Trend::of(0.0, true), Trend::NoChange);
    }

    #[test]
    fn balance_splits_answers_at_the_middle_of_the_scale() {
        let item = Item {
            label: ItemLabel::Named("А".into()),
            key: "а".into(),
            header: "Оцените [А]".into(),
            scale: Scale::FivePoint,
            figures: figures(Scale::FivePoint, &[1, 2, 3, 4, 0], None),
            groups: None,
            link: None,
        };
        let balance = item.balance();
        let sides = |parts: &[Part]| -> Vec<(&str, f64, bool)> {
            parts
                .iter()
                .map(|p| (p.option, p.share, p.strong))
                .collect()
        };
        assert_eq!(
            sides(&balance.satisfied),
            [
                ("Скорее удовлетворен", 20.0, false),
                ("Полностью удовлетворен", 10.0, true)
            ]
        );
        assert_eq!(
            sides(&balance.dissatisfied),
            [
                ("Скорее не удовлетворен", 30.0, false),
                ("Полностью не удовлетворен", 40.0, true)
            ]
        );
        assert_eq!(balance.unsure.share, 0.0);
    }

    #[test]
    fn reading_is_told_to_the_watcher_and_drawn_by_nobody_here() {
        use std::sync::Mutex;
        #[derive(Default)]
        struct Events(Mutex<Vec<(&'static str, u64)>>);
        impl ReadProgress for Events {
            fn start(&self, _path: &std::path::Path, total: u64) {
                self.0.lock().unwrap().push(("start", total));
            }
            fn advance(&self, done: u64) {
                self.0.lock().unwrap().push(("advance", done));
            }
            fn finish(&self) {
                self.0.lock().unwrap().push(("finish", 0));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.csv");
        let text = "Оцените [А]\nУдовлетворен\nНе удовлетворен\n";
        std::fs::write(&path, text).unwrap();
        let config = TallyConfig::new(ReadOptions::default(), 5);
        let events = Events::default();
        let waves = [WaveInput {
            label: "2025".into(),
            path,
        }];
        tally_watched(&waves, &config, &events).unwrap();
        let events = events.0.into_inner().unwrap();
        let total = text.len() as u64;
        assert_eq!(events.first(), Some(&("start", total)));
        assert_eq!(events.last(), Some(&("finish", 0)));
        let advances: Vec<u64> = events
            .iter()
            .filter(|(what, _)| *what == "advance")
            .map(|(_, done)| *done)
            .collect();
        assert!(!advances.is_empty());
        assert!(advances.windows(2).all(|w| w[0] <= w[1]));
        assert!(advances.iter().all(|&done| done <= total), "{advances:?}");
    }

    mod properties {
        use super::super::*;
        use crate::survey::definition::{DefinedItem, Definition};
        use proptest::prelude::*;

        /// A cell of a generated export: an option, a value outside the scale, or nothing.
        fn cell() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => (0usize..5).prop_map(|i| crate::survey::scale::FIVE_POINT[i].0.to_string()),
                1 => Just("Хорошо".to_string()),
                1 => Just(String::new()),
                1 => Just("  ".to_string()),
            ]
        }

        /// Rows of two items; some rows lose their last cell (a ragged row, S005).
        fn rows() -> impl Strategy<Value = Vec<(String, String, bool)>> {
            prop::collection::vec((cell(), cell(), prop::bool::weighted(0.1)), 0..40)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// Every cell of an item is counted, left out, or empty: the counts of the items
            /// plus the cells left out plus the empty cells equal the cells of the rows.
            #[test]
            fn every_cell_is_counted_left_out_or_empty(rows in rows()) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("answers.csv");
                let mut text = String::from("Оцените [А],Оцените [Б]\n");
                let mut empty = 0u64;
                for (a, b, ragged) in &rows {
                    let blank = |c: &String| c.trim().is_empty();
                    if *ragged {
                        text += &format!("{a}\n");
                        empty += 1 + u64::from(blank(a));
                    } else {
                        text += &format!("{a},{b}\n");
                        empty += u64::from(blank(a)) + u64::from(blank(b));
                    }
                }
                std::fs::write(&path, text).unwrap();
                let item = |label: &str| DefinedItem {
                    label: label.into(),
                    column: format!("*[{label}]"),
                    process: None,
                    direction: None,
                    also: Vec::new(),
                };
                let mut config = TallyConfig::new(ReadOptions::default(), 5);
                config.definition = Some(Definition {
                    title: None,
                    overall: None,
                    items: vec![item("А"), item("Б")],
                    problems: None,
                    proposals: None,
                    segments: Vec::new(),
                    personal: Vec::new(),
                    index: Default::default(),
                });
                let waves = [WaveInput { label: "2025".into(), path }];
                let report = tally(&waves, &config).unwrap();
                let wave = &report.waves[0];
                let counted: u64 = wave.items.iter().map(|i| i.figures.n).sum();
                prop_assert_eq!(wave.items.len(), 2);
                prop_assert_eq!(counted + wave.left_out + empty, 2 * rows.len() as u64);
                // The ledger accounts for every row of the export: its counts add up to the
                // rows, and its records are the questionnaires counted.
                let ledger = &wave.ledger;
                prop_assert_eq!(ledger.counts.values().sum::<usize>(), ledger.rows);
                prop_assert_eq!(ledger.count(crate::input::table::Fate::Record) as u64, wave.respondents);
            }
        }
    }
}
