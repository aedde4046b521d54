//! The registry flattened for matching: every direction, process and touchpoint with the keys
//! the matching hashes on (normalised names, content signatures).

use crate::registry::Registry;
use crate::registry::model::{NeedValue, Text, Touchpoint};
use crate::registry::needs::Need;
use crate::text::normalize;
use std::hash::{DefaultHasher, Hash, Hasher};

pub struct Flat<'a> {
    /// Version metadata as (field, value) in a fixed order.
    pub meta: Vec<(&'static str, Option<String>)>,
    pub directions: Vec<FlatDirection>,
    pub processes: Vec<FlatProcess>,
    pub touchpoints: Vec<FlatTouchpoint<'a>>,
}

pub struct FlatDirection {
    pub name: String,
    pub key: String,
    /// Its processes' keys: much the same members under another name is a rename.
    pub members: Vec<String>,
}

pub struct FlatProcess {
    pub name: String,
    pub key: String,
    pub id: Option<String>,
    pub direction: usize,
    /// Its touchpoints' keys.
    pub members: Vec<String>,
    pub touchpoints: usize,
}

/// Touchpoints are the bulk of a registry: they borrow their texts from it.
pub struct FlatTouchpoint<'a> {
    pub point: &'a str,
    /// The normalised point.
    pub key: String,
    pub id: Option<&'a str>,
    pub process: usize,
    pub channel: Option<&'static str>,
    pub needs: Vec<Need>,
    /// The other fields as (field, value), in a fixed order.
    pub fields: [(&'static str, Option<&'a str>); 6],
    /// A hash of channel, needs and fields together: what stays when a touchpoint moves.
    pub content: u64,
}

/// A value as an owned text, None when missing or blank.
fn owned_non_blank(value: &Option<Text>) -> Option<String> {
    Text::non_blank(value).map(str::to_string)
}

fn borrowed(value: &Option<Text>) -> Option<&str> {
    Text::non_blank(value)
}

/// The version's metadata as (field, value), in a fixed order.
fn meta(registry: &Registry) -> Vec<(&'static str, Option<String>)> {
    let approved = registry.approved.clone().unwrap_or_default();
    let approvals = registry.approvals.as_ref().map(|list| {
        list.iter()
            .map(|a| {
                // The role by its Russian name (Lipetsk 3.4), the date as people write it.
                let role = owned_non_blank(&a.role).unwrap_or_default();
                let role = crate::registry::model::APPROVAL_ROLES
                    .iter()
                    .find(|(code, _)| *code == role)
                    .map_or(role.clone(), |(_, russian)| (*russian).to_string());
                format!(
                    "{}: {} ({})",
                    role,
                    owned_non_blank(&a.person).unwrap_or_default(),
                    crate::text::russian_date(&owned_non_blank(&a.date).unwrap_or_default())
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    let areas = registry.areas.as_ref().map(|areas| {
        areas
            .as_slice()
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let catalogue = registry.needs.as_ref().map(|needs| {
        needs
            .iter()
            .map(|n| match n.interpret() {
                NeedValue::Known { need, .. } => need.russian().to_string(),
                NeedValue::Unknown(t) | NeedValue::Malformed(t) => t,
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let procedure = registry.procedure.as_ref();
    let points = procedure.and_then(|p| p.points.as_ref()).map(|points| {
        let named = [
            ("срок ответа", &points.deadline),
            ("устные обращения", &points.oral),
            ("предложения", &points.proposals),
            ("карта болей", &points.pain_map),
            ("анонимность", &points.anonymity),
            ("размещение", &points.publication),
            ("согласование", &points.approvals),
        ];
        named
            .iter()
            .filter_map(|(what, point)| owned_non_blank(point).map(|p| format!("{what} — {p}")))
            .collect::<Vec<_>>()
            .join(", ")
    });
    vec![
        ("organization", owned_non_blank(&registry.organization)),
        ("areas", areas),
        ("approved.act", owned_non_blank(&approved.act)),
        ("approved.date", owned_non_blank(&approved.date)),
        ("published", owned_non_blank(&registry.published)),
        ("approvals", approvals),
        ("needs", catalogue),
        (
            "procedure.act",
            procedure.and_then(|p| owned_non_blank(&p.act)),
        ),
        ("procedure.points", points.filter(|p| !p.is_empty())),
    ]
}

impl<'a> FlatTouchpoint<'a> {
    /// A touchpoint of the process at index `process`, its texts borrowed.
    fn of(touchpoint: &'a Touchpoint, process: usize) -> Self {
        let point = borrowed(&touchpoint.point).unwrap_or_default();
        let key = normalize(point);
        let channel = touchpoint.channel_value().map(|c| c.code());
        let needs = touchpoint.known_needs();
        let fields = [
            ("point", Some(point)),
            ("interaction", borrowed(&touchpoint.interaction)),
            ("features", borrowed(&touchpoint.features)),
            ("client", borrowed(&touchpoint.client)),
            ("value", borrowed(&touchpoint.value)),
            ("basis", borrowed(&touchpoint.basis)),
        ];
        let mut hasher = DefaultHasher::new();
        (&channel, &needs, &fields[1..]).hash(&mut hasher);
        let content = hasher.finish();
        FlatTouchpoint {
            point,
            key,
            id: borrowed(&touchpoint.id),
            process,
            channel,
            needs,
            fields,
            content,
        }
    }
}

impl<'a> Flat<'a> {
    pub fn of(registry: &'a Registry) -> Flat<'a> {
        let meta = meta(registry);
        let mut flat = Flat {
            meta,
            directions: Vec::new(),
            processes: Vec::new(),
            touchpoints: Vec::new(),
        };
        for direction in registry.directions.iter().flatten() {
            let d = flat.directions.len();
            let name = owned_non_blank(&direction.name).unwrap_or_default();
            let mut process_keys = Vec::new();
            for process in direction.processes.iter().flatten() {
                let p = flat.processes.len();
                let process_name = owned_non_blank(&process.name).unwrap_or_default();
                let mut point_keys = Vec::new();
                let touchpoints = process.touchpoints.as_deref().unwrap_or_default();
                for touchpoint in touchpoints {
                    let flat_touchpoint = FlatTouchpoint::of(touchpoint, p);
                    point_keys.push(flat_touchpoint.key.clone());
                    flat.touchpoints.push(flat_touchpoint);
                }
                let key = normalize(&process_name);
                process_keys.push(key.clone());
                flat.processes.push(FlatProcess {
                    name: process_name,
                    key,
                    id: owned_non_blank(&process.id),
                    direction: d,
                    members: point_keys,
                    touchpoints: touchpoints.len(),
                });
            }
            flat.directions.push(FlatDirection {
                key: normalize(&name),
                name,
                members: process_keys,
            });
        }
        flat
    }
}
