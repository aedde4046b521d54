//! Comparing two versions of a registry in the terms of the procedure (Lipetsk 3.1, 3.3;
//! North Ossetia 4.1): processes and directions added, removed or renamed; touchpoints added,
//! removed or moved; a point's kind or needs changed; other fields edited.
//!
//! Matching is by hash maps keyed on ids and normalised names, never pairwise, so two
//! registries of 200,000 touchpoints compare in about the time it takes to read them.

mod change;
mod flat;
mod segments;

pub use change::{Change, ChangeKind, Reason};

use crate::registry::Registry;
use crate::registry::needs::Need;
use flat::{Flat, FlatProcess, FlatTouchpoint};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// Indices of items by key, in order; a key that repeats (a defect a rule reports) keeps every
/// index, so duplicates pair up in file order instead of overwriting each other.
struct Index<K> {
    slots: HashMap<K, VecDeque<usize>>,
}

impl<K: Hash + Eq> Index<K> {
    fn new(entries: impl Iterator<Item = (K, usize)>) -> Self {
        let mut slots: HashMap<K, VecDeque<usize>> = HashMap::new();
        for (key, index) in entries {
            slots.entry(key).or_default().push_back(index);
        }
        Index { slots }
    }

    /// The first index still free under the key.
    fn take(&mut self, key: &K) -> Option<usize> {
        self.slots.get_mut(key).and_then(VecDeque::pop_front)
    }
}

/// All changes from `old` to `new`, grouped by direction and process in the new version's order
/// (removed things in the old version's order after them).
pub fn compare(old: &Registry, new: &Registry) -> Vec<Change> {
    let mut changes = Vec::new();
    segments::compare(old, new, &mut changes);
    let old = Flat::of(old);
    let new = Flat::of(new);
    compare_meta(&old, &new, &mut changes);

    let direction_map = match_directions(&old, &new, &mut changes);
    let process_map = match_processes(&old, &new, &direction_map, &mut changes);
    compare_touchpoints(&old, &new, &process_map, &mut changes);
    order_changes(&mut changes, &old, &new);
    changes
}

/// Orders changes as a reader goes through the new version: metadata first, then by direction,
/// process and touchpoint as they stand in the new file; what was removed follows what stands
/// beside it, in the old file's order.
fn order_changes(changes: &mut [Change], old: &Flat, new: &Flat) {
    fn positions<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
        let mut map = HashMap::new();
        for (i, name) in names.enumerate() {
            map.entry(name).or_insert(i);
        }
        map
    }
    const LATER: usize = usize::MAX / 4;
    let new_directions = positions(new.directions.iter().map(|d| d.name.as_str()));
    let old_directions = positions(old.directions.iter().map(|d| d.name.as_str()));
    let new_processes = positions(new.processes.iter().map(|p| p.name.as_str()));
    let old_processes = positions(old.processes.iter().map(|p| p.name.as_str()));
    let new_points = positions(new.touchpoints.iter().map(|t| t.point));
    let old_points = positions(old.touchpoints.iter().map(|t| t.point));
    let place = |name: Option<&str>, new: &HashMap<&str, usize>, old: &HashMap<&str, usize>| {
        name.map_or(0, |name| match (new.get(name), old.get(name)) {
            (Some(i), _) => 1 + i,
            (None, Some(i)) => LATER + i,
            (None, None) => LATER * 2,
        })
    };
    let key = |change: &Change| {
        if change.kind == ChangeKind::MetaChanged {
            return (0, 0, 0, 0);
        }
        // The segmentation and the profiles after the registry's own rows.
        if change.reason == Reason::Segments {
            return (2, 0, 0, 0);
        }
        let direction_level = matches!(
            change.kind,
            ChangeKind::DirectionAdded
                | ChangeKind::DirectionRemoved
                | ChangeKind::DirectionRenamed
        );
        (
            1,
            place(
                change.direction.as_deref(),
                &new_directions,
                &old_directions,
            ),
            if direction_level {
                0
            } else {
                place(change.process.as_deref(), &new_processes, &old_processes)
            },
            place(change.point.as_deref(), &new_points, &old_points),
        )
    };
    changes.sort_by_key(|change| key(change));
}

fn compare_meta(old: &Flat, new: &Flat, changes: &mut Vec<Change>) {
    // One date written two ways (2024-05-13 in YAML, 13.05.2024 in a table) is no change.
    let same_date = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => crate::registry::model::parse_date(a)
            .is_some_and(|d| crate::registry::model::parse_date(b) == Some(d)),
        _ => false,
    };
    for ((field, before), (_, after)) in old.meta.iter().zip(&new.meta) {
        if before != after && !same_date(before, after) {
            changes.push(Change {
                field: Some(field.to_string()),
                from: before.clone(),
                to: after.clone(),
                ..Change::new(ChangeKind::MetaChanged)
            });
        }
    }
}

/// old direction index → new direction index, for directions matched by name or renamed.
fn match_directions(old: &Flat, new: &Flat, changes: &mut Vec<Change>) -> HashMap<usize, usize> {
    let mut map = HashMap::new();
    pair_by(
        &mut map,
        old.directions.iter().map(|d| Some(d.key.as_str())),
        new.directions.iter().map(|d| Some(d.key.as_str())),
    );
    // A rename: much the same processes under another name.
    let renames = pair_by_members(
        &mut map,
        old.directions.iter().map(|d| &d.members[..]),
        new.directions.iter().map(|d| &d.members[..]),
    );
    for (i, j) in renames {
        changes.push(Change {
            direction: Some(new.directions[j].name.clone()),
            from: Some(old.directions[i].name.clone()),
            to: Some(new.directions[j].name.clone()),
            ..Change::new(ChangeKind::DirectionRenamed)
        });
    }
    let matched_new: HashSet<usize> = map.values().copied().collect();
    for (j, direction) in new.directions.iter().enumerate() {
        if !matched_new.contains(&j) {
            changes.push(Change {
                direction: Some(direction.name.clone()),
                ..Change::new(ChangeKind::DirectionAdded)
            });
        }
    }
    for (i, direction) in old.directions.iter().enumerate() {
        if !map.contains_key(&i) {
            changes.push(Change {
                direction: Some(direction.name.clone()),
                ..Change::new(ChangeKind::DirectionRemoved)
            });
        }
    }
    map
}

/// old process index → new process index, for processes matched by id, by name, or renamed.
fn match_processes(
    old: &Flat,
    new: &Flat,
    direction_map: &HashMap<usize, usize>,
    changes: &mut Vec<Change>,
) -> HashMap<usize, usize> {
    let mut map: HashMap<usize, usize> = HashMap::new();
    // By id where both versions have one.
    pair_by(
        &mut map,
        old.processes.iter().map(|p| p.id.as_deref()),
        new.processes.iter().map(|p| p.id.as_deref()),
    );
    // Then by normalised name (a process is unique in a registry, R011).
    pair_by(
        &mut map,
        old.processes.iter().map(|p| Some(p.key.as_str())),
        new.processes.iter().map(|p| Some(p.key.as_str())),
    );
    // Then by content: much the same touchpoints under another name is a rename.
    pair_by_members(
        &mut map,
        old.processes.iter().map(|p| &p.members[..]),
        new.processes.iter().map(|p| &p.members[..]),
    );
    // Report renames among the matched, then additions and removals.
    for (&i, &j) in sorted(&map) {
        let (before, after) = (&old.processes[i], &new.processes[j]);
        if before.key != after.key {
            changes.push(Change {
                from: Some(before.name.clone()),
                to: Some(after.name.clone()),
                ..process_change(ChangeKind::ProcessRenamed, new, after)
            });
        } else if before.name != after.name {
            changes.push(Change {
                field: Some("name".into()),
                from: Some(before.name.clone()),
                to: Some(after.name.clone()),
                ..process_change(ChangeKind::FieldChanged, new, after)
            });
        }
        let (from_direction, to_direction) = (
            &old.directions[before.direction].key,
            &new.directions[after.direction].key,
        );
        // A process that only followed its direction's rename has not moved.
        let followed = direction_map.get(&before.direction) == Some(&after.direction);
        if from_direction != to_direction && !followed {
            changes.push(Change {
                field: Some("direction".into()),
                from: Some(old.directions[before.direction].name.clone()),
                to: Some(new.directions[after.direction].name.clone()),
                ..process_change(ChangeKind::FieldChanged, new, after)
            });
        }
    }
    let matched_new: HashSet<usize> = map.values().copied().collect();
    for (j, process) in new.processes.iter().enumerate() {
        if !matched_new.contains(&j) {
            changes.push(Change {
                count: Some(process.touchpoints),
                ..process_change(ChangeKind::ProcessAdded, new, process)
            });
        }
    }
    for (i, process) in old.processes.iter().enumerate() {
        if !map.contains_key(&i) {
            changes.push(Change {
                count: Some(process.touchpoints),
                ..process_change(ChangeKind::ProcessRemoved, old, process)
            });
        }
    }
    map
}

/// Pairs the still unpaired old items with the still unpaired new items of the same key (None:
/// the item has no such key), in file order; returns the old indices it paired.
fn pair_by<K: Hash + Eq>(
    pairs: &mut HashMap<usize, usize>,
    old: impl Iterator<Item = Option<K>>,
    new: impl Iterator<Item = Option<K>>,
) -> Vec<usize> {
    let taken: HashSet<usize> = pairs.values().copied().collect();
    let mut index = Index::new(
        new.enumerate()
            .filter(|(j, _)| !taken.contains(j))
            .filter_map(|(j, key)| key.map(|key| (key, j))),
    );
    let mut paired = Vec::new();
    for (i, key) in old.enumerate() {
        if pairs.contains_key(&i) {
            continue;
        }
        if let Some(j) = key.and_then(|key| index.take(&key)) {
            pairs.insert(i, j);
            paired.push(i);
        }
    }
    paired
}

/// Pairs unpaired old groups with unpaired new groups that share at least half of their
/// members: a rename keeps the content, perhaps with a few edits. Each member key indexes the
/// free new groups that hold it, so only groups with a common member are ever compared.
/// Returns the pairs it made.
fn pair_by_members<'a>(
    pairs: &mut HashMap<usize, usize>,
    old: impl Iterator<Item = &'a [String]>,
    new: impl Iterator<Item = &'a [String]>,
) -> Vec<(usize, usize)> {
    let new: Vec<&[String]> = new.collect();
    let taken: HashSet<usize> = pairs.values().copied().collect();
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, members) in new.iter().enumerate().filter(|(j, _)| !taken.contains(j)) {
        for member in members.iter() {
            holders.entry(member.as_str()).or_default().push(j);
        }
    }
    let mut made = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    for (i, members) in old.enumerate() {
        if pairs.contains_key(&i) {
            continue;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for member in members {
            for &j in holders.get(member.as_str()).into_iter().flatten() {
                if !used.contains(&j) {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let best = shared
            .into_iter()
            .max_by_key(|&(j, count)| (count, std::cmp::Reverse(j)));
        if let Some((j, count)) = best
            && count * 2 >= members.len().max(new[j].len())
        {
            used.insert(j);
            pairs.insert(i, j);
            made.push((i, j));
        }
    }
    made
}

fn process_change(kind: ChangeKind, flat: &Flat, process: &FlatProcess) -> Change {
    Change {
        direction: Some(flat.directions[process.direction].name.clone()),
        process: Some(process.name.clone()),
        ..Change::new(kind)
    }
}

fn touchpoint_change(kind: ChangeKind, flat: &Flat, tp: &FlatTouchpoint) -> Change {
    let process = &flat.processes[tp.process];
    Change {
        point: Some(tp.point.to_string()),
        id: tp.id.map(str::to_string),
        ..process_change(kind, flat, process)
    }
}

fn compare_touchpoints(
    old: &Flat,
    new: &Flat,
    process_map: &HashMap<usize, usize>,
    changes: &mut Vec<Change>,
) {
    let mut pairs: HashMap<usize, usize> = HashMap::new();
    // By id where both versions have one.
    pair_by(
        &mut pairs,
        old.touchpoints.iter().map(|t| t.id),
        new.touchpoints.iter().map(|t| t.id),
    );
    // Then by process (as matched) and normalised point.
    pair_by(
        &mut pairs,
        old.touchpoints.iter().map(|t| {
            process_map
                .get(&t.process)
                .map(|&process| (process, t.key.as_str()))
        }),
        new.touchpoints
            .iter()
            .map(|t| Some((t.process, t.key.as_str()))),
    );
    // Then a move: the same point and content in a process it did not stand in before.
    let moved: HashSet<usize> = pair_by(
        &mut pairs,
        old.touchpoints
            .iter()
            .map(|t| Some((t.key.as_str(), t.content))),
        new.touchpoints
            .iter()
            .map(|t| Some((t.key.as_str(), t.content))),
    )
    .into_iter()
    .collect();

    let added_processes: HashSet<usize> = {
        let matched: HashSet<usize> = process_map.values().copied().collect();
        (0..new.processes.len())
            .filter(|j| !matched.contains(j))
            .collect()
    };
    let removed_processes: HashSet<usize> = (0..old.processes.len())
        .filter(|i| !process_map.contains_key(i))
        .collect();

    for (&i, &j) in sorted(&pairs) {
        let (before, after) = (&old.touchpoints[i], &new.touchpoints[j]);
        if moved.contains(&i) || process_map.get(&before.process) != Some(&after.process) {
            changes.push(Change {
                from: Some(old.processes[before.process].name.clone()),
                to: Some(new.processes[after.process].name.clone()),
                ..touchpoint_change(ChangeKind::TouchpointMoved, new, after)
            });
        }
        compare_pair(before, after, new, changes);
    }
    let paired_new: HashSet<usize> = pairs.values().copied().collect();
    for (j, tp) in new.touchpoints.iter().enumerate() {
        // The touchpoints of an added process are told by the process's addition.
        if !paired_new.contains(&j) && !added_processes.contains(&tp.process) {
            changes.push(Change {
                channel: tp.channel.map(str::to_string),
                needs: tp.needs.iter().map(|n| n.code().to_string()).collect(),
                ..touchpoint_change(ChangeKind::TouchpointAdded, new, tp)
            });
        }
    }
    for (i, tp) in old.touchpoints.iter().enumerate() {
        if !pairs.contains_key(&i) && !removed_processes.contains(&tp.process) {
            changes.push(touchpoint_change(ChangeKind::TouchpointRemoved, old, tp));
        }
    }
}

/// Changes between two versions of one touchpoint.
fn compare_pair(
    before: &FlatTouchpoint,
    after: &FlatTouchpoint,
    new: &Flat,
    changes: &mut Vec<Change>,
) {
    if before.channel != after.channel {
        changes.push(Change {
            from: before.channel.map(str::to_string),
            to: after.channel.map(str::to_string),
            ..touchpoint_change(ChangeKind::ChannelChanged, new, after)
        });
    }
    let added: Vec<Need> = after
        .needs
        .iter()
        .filter(|n| !before.needs.contains(n))
        .copied()
        .collect();
    let removed: Vec<Need> = before
        .needs
        .iter()
        .filter(|n| !after.needs.contains(n))
        .copied()
        .collect();
    if !added.is_empty() || !removed.is_empty() {
        changes.push(Change {
            added: added.iter().map(|n| n.code().to_string()).collect(),
            removed: removed.iter().map(|n| n.code().to_string()).collect(),
            ..touchpoint_change(ChangeKind::NeedsChanged, new, after)
        });
    }
    for ((field, from), (_, to)) in before.fields.iter().zip(&after.fields) {
        if from != to {
            changes.push(Change {
                field: Some(field.to_string()),
                from: from.map(str::to_string),
                to: to.map(str::to_string),
                ..touchpoint_change(ChangeKind::FieldChanged, new, after)
            });
        }
    }
}

/// A map's entries in key order, so output does not depend on hashing.
fn sorted(map: &HashMap<usize, usize>) -> Vec<(&usize, &usize)> {
    let mut entries: Vec<(&usize, &usize)> = map.iter().collect();
    entries.sort();
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(yaml: &str) -> Registry {
        serde_yaml::from_str(yaml).unwrap()
    }

    fn kinds(changes: &[Change]) -> Vec<&'static str> {
        changes.iter().map(|c| c.kind.as_str()).collect()
    }

    const BASE: &str = "
organization: Мин
directions:
  - name: Бухгалтерия
    processes:
      - name: Зарплата
        touchpoints:
          - {point: Телефонная связь, channel: digital, needs: [info, consultation], client: Сотрудники}
          - {point: Кабинет, channel: offline, needs: [submission]}
      - name: Командировки
        touchpoints:
          - {point: Электронная почта, channel: digital, needs: [submission]}
";

    #[test]
    fn identical_registries_have_no_changes() {
        assert!(compare(&registry(BASE), &registry(BASE)).is_empty());
    }

    #[test]
    fn a_respelt_point_is_an_edit_not_a_removal_and_addition() {
        let new = BASE.replace("Телефонная связь", "телефонная  связь.");
        let changes = compare(&registry(BASE), &registry(&new));
        assert_eq!(kinds(&changes), ["field_changed"]);
        assert_eq!(changes[0].field.as_deref(), Some("point"));
    }

    #[test]
    fn channel_and_needs_changes_are_named() {
        let new = BASE
            .replace(
                "{point: Кабинет, channel: offline",
                "{point: Кабинет, channel: digital",
            )
            .replace("needs: [info, consultation]", "needs: [info, result]");
        let changes = compare(&registry(BASE), &registry(&new));
        assert_eq!(kinds(&changes), ["needs_changed", "channel_changed"]);
        assert_eq!(changes[0].added, ["result"]);
        assert_eq!(changes[0].removed, ["consultation"]);
        assert_eq!(changes[1].from.as_deref(), Some("offline"));
    }

    #[test]
    fn a_process_rename_keeps_its_touchpoints() {
        let new = BASE.replace("name: Зарплата", "name: Заработная плата");
        let changes = compare(&registry(BASE), &registry(&new));
        assert_eq!(kinds(&changes), ["process_renamed"]);
        assert_eq!(changes[0].from.as_deref(), Some("Зарплата"));
    }

    #[test]
    fn a_renamed_process_with_an_edit_is_still_a_rename() {
        let new = BASE
            .replace("name: Зарплата", "name: Заработная плата")
            .replace(
                "{point: Кабинет, channel: offline, needs: [submission]}",
                "{point: Кабинет, channel: offline, needs: [submission]}\n          - {point: Сайт, channel: digital, needs: [info]}",
            );
        let changes = compare(&registry(BASE), &registry(&new));
        assert_eq!(kinds(&changes), ["process_renamed", "touchpoint_added"]);
    }

    #[test]
    fn a_touchpoint_moved_between_processes_is_a_move() {
        let new = "
organization: Мин
directions:
  - name: Бухгалтерия
    processes:
      - name: Зарплата
        touchpoints:
          - {point: Телефонная связь, channel: digital, needs: [info, consultation], client: Сотрудники}
      - name: Командировки
        touchpoints:
          - {point: Электронная почта, channel: digital, needs: [submission]}
          - {point: Кабинет, channel: offline, needs: [submission]}
";
        let changes = compare(&registry(BASE), &registry(new));
        assert_eq!(kinds(&changes), ["touchpoint_moved"]);
        assert_eq!(changes[0].from.as_deref(), Some("Зарплата"));
        assert_eq!(changes[0].to.as_deref(), Some("Командировки"));
    }

    #[test]
    fn added_and_removed_processes_and_touchpoints() {
        let new = "
organization: Мин
directions:
  - name: Бухгалтерия
    processes:
      - name: Зарплата
        touchpoints:
          - {point: Телефонная связь, channel: digital, needs: [info, consultation], client: Сотрудники}
          - {point: Сайт, channel: digital, needs: [info]}
      - name: Инвентаризация
        touchpoints:
          - {point: Склад, channel: offline, needs: [inspection]}
";
        let changes = compare(&registry(BASE), &registry(new));
        assert_eq!(
            kinds(&changes),
            [
                "touchpoint_added",
                "touchpoint_removed",
                "process_added",
                "process_removed"
            ]
        );
        assert_eq!(changes[0].point.as_deref(), Some("Сайт"));
        assert_eq!(changes[1].point.as_deref(), Some("Кабинет"));
    }

    #[test]
    fn ids_match_touchpoints_across_a_new_wording() {
        let old = BASE.replace(
            "{point: Кабинет, channel: offline",
            "{id: Т-2, point: Кабинет, channel: offline",
        );
        let new = BASE.replace(
            "{point: Кабинет, channel: offline",
            "{id: Т-2, point: Кабинет бухгалтерии, channel: offline",
        );
        let changes = compare(&registry(&old), &registry(&new));
        assert_eq!(kinds(&changes), ["field_changed"]);
        assert_eq!(changes[0].to.as_deref(), Some("Кабинет бухгалтерии"));
        assert_eq!(changes[0].id.as_deref(), Some("Т-2"));
    }

    #[test]
    fn duplicate_touchpoints_pair_up_in_file_order() {
        let yaml = BASE.replace(
            "{point: Кабинет, channel: offline, needs: [submission]}",
            "{point: Кабинет, channel: offline, needs: [submission]}\n          - {point: Кабинет, channel: digital, needs: [info]}",
        );
        assert!(compare(&registry(&yaml), &registry(&yaml)).is_empty());
    }

    #[test]
    fn metadata_changes_are_reported() {
        let new = BASE.replace(
            "organization: Мин",
            "organization: Мин\npublished: 2025-05-13",
        );
        let changes = compare(&registry(BASE), &registry(&new));
        assert_eq!(kinds(&changes), ["meta_changed"]);
        assert_eq!(changes[0].field.as_deref(), Some("published"));
    }
}
