//! A survey run as every command makes it: the registry, when one is given, read once by the
//! caller and used for all it serves here — the `--by` column checked against the registry's
//! attribute of that name, the profiles' groups and processes (`--profiles`), and the results
//! landed on its processes (S007–S009) — then the waves tallied. The commands only parse their
//! arguments, load the files and render (issue 25: `tally --registry --by` read the registry
//! twice, `--profiles` three times).

use super::tally::{ProfileSpec, ProfileSpecs, keep_profile_processes, tally_watched};
use super::{TallyConfig, TallyReport, WaveInput};
use crate::input::records::ReadProgress;
use crate::registry::Registry;
use crate::registry::link::{Link, Linker};

/// A registry read for a survey run, and its file as messages name it.
pub struct Registered<'a> {
    pub registry: &'a Registry,
    pub file: &'a str,
}

/// With `--by`: the registry's attribute the `--by` column is, if its segmentation has one of
/// that name (the column's values are then checked against it).
pub fn segment_attribute(config: &mut TallyConfig, registered: &Registered) -> anyhow::Result<()> {
    let Some(by) = config.by.as_deref() else {
        return Ok(());
    };
    let name = by.trim_matches('*').trim();
    let attribute = registered
        .registry
        .segmentation
        .as_deref()
        .and_then(|s| crate::registry::profiles::attribute(s, name));
    // A free-text attribute has no closed list of values: its answers could name a person, so
    // it is no segment, as `survey init` refuses it (survey.md, Smolensk 5.2).
    if let Some(attribute) = attribute.filter(|a| a.is_free()) {
        anyhow::bail!(
            "--by «{name}»: в перечне {} у признака «{}» нет закрытого списка значений (free: true, свободный текст); по нему нельзя делить ответы — такой ответ мог бы назвать человека (Смоленск, п. 5.2)",
            registered.file,
            attribute.name()
        );
    }
    config.segment_attribute = attribute.cloned();
    Ok(())
}

/// `--profiles`: the registry's segmentation and profiles, their processes linked to the
/// registry's names (a profile's process the registry lacks is R021's, left out here).
pub fn profile_specs(registered: &Registered) -> anyhow::Result<ProfileSpecs> {
    let registry = registered.registry;
    let Some(profiles) = registry.profiles.as_ref().filter(|p| !p.is_empty()) else {
        anyhow::bail!(
            "{}: в перечне нет профилей клиентского сегмента (profiles:) — итогам по профилям не из чего взяться",
            registered.file
        );
    };
    let linker = Linker::of(registry);
    let specs = profiles
        .iter()
        .map(|p| ProfileSpec {
            name: p.title().to_string(),
            attributes: p
                .attributes
                .iter()
                .flat_map(|a| &a.0)
                .map(|(k, v)| (k.clone(), v.0.trim().to_string()))
                .collect(),
            processes: p
                .processes
                .iter()
                .flatten()
                .filter_map(|name| match linker.link(name.0.trim()) {
                    Link::Linked { process, .. } => Some(process.process),
                    Link::Unlinked { .. } => None,
                })
                .collect(),
        })
        .collect();
    Ok(ProfileSpecs {
        segmentation: registry.segmentation.clone().unwrap_or_default(),
        profiles: specs,
    })
}

/// The waves tallied (`progress` told how far each export's reading got), landed on the
/// registry's processes when one is given, and kept to the profiles' processes when the
/// config has profiles.
pub fn run(
    waves: &[WaveInput],
    config: &TallyConfig,
    registered: Option<&Registered>,
    progress: &dyn ReadProgress,
) -> anyhow::Result<TallyReport> {
    let mut report = tally_watched(waves, config, progress)?;
    if let Some(registered) = registered {
        report.procedure = registered.registry.procedure.clone();
        report.organization =
            crate::registry::model::Text::non_blank(&registered.registry.organization)
                .map(str::to_string);
        super::by_process::link(
            &mut report,
            registered.registry,
            registered.file,
            config.definition.as_ref(),
        );
    }
    if let Some(specs) = &config.profiles {
        keep_profile_processes(&mut report, specs);
    }
    Ok(report)
}
