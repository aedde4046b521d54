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
                    values.push(format!(
                        "интервалы: {}",
                        crate::registry::profiles::bands_russian(bands)
                    ));
                }
                (a.name().to_string(), values)
            })
            .collect()
    };
    let (before, after) = (attributes(old), attributes(new));
    let (pairs, removed) = pair(&before, &after, |(n, _)| normalize(n));
    for (earlier, (name, values)) in pairs {
        match earlier {
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
    for (name, _) in removed {
        changes.push(Change {
            field: Some(name.clone()),
            ..Change::new(ChangeKind::AttributeRemoved)
        });
    }
    compare_profiles(old, new, changes);
}

/// Pairs the items of two versions by their keys (normalised names): a key that stands several
/// times pairs its occurrences in order, so that an attribute or profile written twice (a
/// registry's own defect, which the rules name) is never a change of itself. Each item of
/// `after` with its earlier self, if any; and the items of `before` left unpaired (removed).
fn pair<'a, T>(
    before: &'a [T],
    after: &'a [T],
    key: impl Fn(&T) -> String,
) -> (Vec<(Option<&'a T>, &'a T)>, Vec<&'a T>) {
    use std::collections::HashMap;
    let mut by_key: HashMap<String, Vec<&'a T>> = HashMap::new();
    for item in before {
        by_key.entry(key(item)).or_default().push(item);
    }
    let mut used: HashMap<String, usize> = HashMap::new();
    let pairs = after
        .iter()
        .map(|item| {
            let k = key(item);
            let n = used.entry(k.clone()).or_default();
            let earlier = by_key.get(&k).and_then(|items| items.get(*n)).copied();
            *n += 1;
            (earlier, item)
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let removed = before
        .iter()
        .filter(|item| {
            let k = key(item);
            let nth = seen.entry(k.clone()).or_default();
            *nth += 1;
            *nth > used.get(&k).copied().unwrap_or(0)
        })
        .collect();
    (pairs, removed)
}

/// The profiles' changes: added, removed, or a part of one changed.
fn compare_profiles(old: &Registry, new: &Registry, changes: &mut Vec<Change>) {
    let profiles =
        |r: &Registry| -> Vec<Profile> { r.profiles.iter().flatten().cloned().collect() };
    let (before, after) = (profiles(old), profiles(new));
    let (pairs, removed) = pair(&before, &after, |p| normalize(p.title()));
    for (earlier, profile) in pairs {
        match earlier {
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
    for profile in removed {
        changes.push(Change {
            field: Some(profile.title().to_string()),
            ..Change::new(ChangeKind::ProfileRemoved)
        });
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
    // An area by its Russian name (documents.md: no codes for people); an unknown one as typed.
    let area = |t: &Option<Text>| -> Vec<String> {
        one(t)
            .into_iter()
            .map(|code| {
                crate::registry::model::AREAS
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map_or(code.clone(), |(_, name)| (*name).to_string())
            })
            .collect()
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
        ("область", area(&old.area), area(&new.area)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_written_twice_pairs_in_order_and_an_extra_one_is_removed() {
        let before = ["a", "b", "a"];
        let after = ["a", "a"];
        let (pairs, removed) = pair(&before, &after, |s| s.to_string());
        let paired: Vec<Option<&str>> = pairs.iter().map(|(e, _)| e.copied()).collect();
        assert_eq!(paired, vec![Some("a"), Some("a")]);
        assert_eq!(removed, vec![&"b"]);
        let (pairs, removed) = pair(&after, &before, |s| s.to_string());
        assert_eq!(pairs.iter().filter(|(e, _)| e.is_none()).count(), 1);
        assert!(removed.is_empty());
    }
}
