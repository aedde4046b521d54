//! The segmentation attributes and the profiles of two versions (profiles.md), in the
//! procedure's terms: an attribute added or removed, its values changed; a profile added or
//! removed, its attributes, processes, channels, goal or journey changed. Attributes and profiles
//! are matched by their normalised names.

use super::{Change, ChangeKind};
use crate::registry::Registry;
use crate::registry::model::Text;
use crate::registry::profiles::Profile;
use crate::text::normalize;

/// The changes of the segmentation and the profiles from `old` to `new`.
pub fn compare(old: &Registry, new: &Registry, changes: &mut Vec<Change>) {
    let attributes = |r: &Registry| -> Vec<(String, Vec<String>)> {
        r.segmentation
            .iter()
            .flatten()
            .map(|a| {
                // After the values, the type, `free` and `bands`: a change of any is a change
                // of the attribute.
                let mut values: Vec<String> =
                    a.value_texts().iter().map(|v| v.to_string()).collect();
                if let Some(kind) = Text::non_blank(&a.kind) {
                    values.push(format!("тип: {kind}"));
                }
                if a.is_free() {
                    values.push("свободный текст".to_string());
                }
                if let Some(bands) = Text::non_blank(&a.bands) {
                    values.push(format!("интервалы: {bands}"));
                }
                (a.name().to_string(), values)
            })
            .collect()
    };
    let (before, after) = (attributes(old), attributes(new));
    for (name, values) in &after {
        match before.iter().find(|(n, _)| normalize(n) == normalize(name)) {
            None => changes.push(Change {
                field: Some(name.clone()),
                added: values.clone(),
                ..Change::new(ChangeKind::AttributeAdded)
            }),
            Some((_, old_values)) => {
                let (added, removed) = difference(old_values, values);
                if !added.is_empty() || !removed.is_empty() {
                    changes.push(Change {
                        field: Some(name.clone()),
                        added,
                        removed,
                        ..Change::new(ChangeKind::AttributeValuesChanged)
                    });
                }
            }
        }
    }
    for (name, _) in &before {
        if !after.iter().any(|(n, _)| normalize(n) == normalize(name)) {
            changes.push(Change {
                field: Some(name.clone()),
                ..Change::new(ChangeKind::AttributeRemoved)
            });
        }
    }
    compare_profiles(old, new, changes);
}

/// The profiles' changes: added, removed, or a part of one changed.
fn compare_profiles(old: &Registry, new: &Registry, changes: &mut Vec<Change>) {
    let profiles =
        |r: &Registry| -> Vec<Profile> { r.profiles.iter().flatten().cloned().collect() };
    let (before, after) = (profiles(old), profiles(new));
    for profile in &after {
        match before
            .iter()
            .find(|p| normalize(p.title()) == normalize(profile.title()))
        {
            None => changes.push(Change {
                field: Some(profile.title().to_string()),
                ..Change::new(ChangeKind::ProfileAdded)
            }),
            Some(earlier) => {
                for (part, old_items, new_items) in parts(earlier, profile) {
                    let (added, removed) = difference(&old_items, &new_items);
                    if !added.is_empty() || !removed.is_empty() {
                        changes.push(Change {
                            field: Some(profile.title().to_string()),
                            from: Some(part.to_string()),
                            added,
                            removed,
                            ..Change::new(ChangeKind::ProfileChanged)
                        });
                    }
                }
            }
        }
    }
    for profile in &before {
        if !after
            .iter()
            .any(|p| normalize(p.title()) == normalize(profile.title()))
        {
            changes.push(Change {
                field: Some(profile.title().to_string()),
                ..Change::new(ChangeKind::ProfileRemoved)
            });
        }
    }
}

/// A profile's parts that can change, as lists: (the part's Russian name, old, new).
fn parts(old: &Profile, new: &Profile) -> Vec<(&'static str, Vec<String>, Vec<String>)> {
    let list = |items: &Option<Vec<Text>>| -> Vec<String> {
        items
            .iter()
            .flatten()
            .map(|t| t.0.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    };
    let attributes = |p: &Profile| -> Vec<String> {
        p.attributes
            .iter()
            .flat_map(|a| &a.0)
            .map(|(k, v)| format!("{k}: {}", v.0.trim()))
            .collect()
    };
    let channels = |p: &Profile| -> Vec<String> {
        let Some(c) = &p.channels else {
            return Vec::new();
        };
        list(&c.informing)
            .into_iter()
            .map(|t| format!("информирование: {t}"))
            .chain(
                list(&c.service)
                    .into_iter()
                    .map(|t| format!("получение услуг: {t}")),
            )
            .collect()
    };
    let one = |t: &Option<Text>| -> Vec<String> {
        Text::non_blank(t).map(str::to_string).into_iter().collect()
    };
    // The journey in order: a step moved or repeated is a change.
    let steps = |p: &Profile| -> Vec<String> {
        list(&p.journey)
            .iter()
            .enumerate()
            .map(|(i, step)| format!("{}. {step}", i + 1))
            .collect()
    };
    vec![
        ("область", one(&old.area), one(&new.area)),
        ("признаки", attributes(old), attributes(new)),
        ("цель", one(&old.goal), one(&new.goal)),
        ("клиентский путь", steps(old), steps(new)),
        ("процессы", list(&old.processes), list(&new.processes)),
        ("предпочтительные каналы", channels(old), channels(new)),
    ]
}

/// What `new` has that `old` has not, and the reverse, compared normalised, in order.
fn difference(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let has = |list: &[String], item: &String| list.iter().any(|x| normalize(x) == normalize(item));
    (
        new.iter().filter(|x| !has(old, x)).cloned().collect(),
        old.iter().filter(|x| !has(new, x)).cloned().collect(),
    )
}
