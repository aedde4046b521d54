//! The registry flattened for matching: every direction, process and touchpoint with the keys
//! the matching hashes on (normalised names, content signatures).

use crate::registry::Registry;
use crate::registry::model::{NeedValue, Text};
use crate::registry::needs::Need;
use crate::text::normalize;

pub struct Flat {
    /// Version metadata as (field, value) in a fixed order.
    pub meta: Vec<(&'static str, Option<String>)>,
    pub directions: Vec<FlatDirection>,
    pub processes: Vec<FlatProcess>,
    pub touchpoints: Vec<FlatTouchpoint>,
}

pub struct FlatDirection {
    pub name: String,
    pub key: String,
    /// Its processes' keys, sorted: equal content under another name is a rename.
    pub content: String,
}

pub struct FlatProcess {
    pub name: String,
    pub key: String,
    pub id: Option<String>,
    pub direction: usize,
    /// Its touchpoints' keys, sorted.
    pub content: String,
    pub touchpoints: usize,
}

pub struct FlatTouchpoint {
    pub point: String,
    /// The normalised point.
    pub key: String,
    pub id: Option<String>,
    pub process: usize,
    pub channel: Option<String>,
    pub needs: Vec<Need>,
    /// The other fields as (field, value), in a fixed order.
    pub fields: Vec<(&'static str, Option<String>)>,
    /// Channel, needs and fields together: what stays when a touchpoint moves.
    pub content: String,
}

fn text(value: &Option<Text>) -> Option<String> {
    Text::non_blank(value).map(str::to_string)
}

impl Flat {
    pub fn of(registry: &Registry) -> Flat {
        let approved = registry.approved.clone().unwrap_or_default();
        let approvals = registry.approvals.as_ref().map(|list| {
            list.iter()
                .map(|a| {
                    format!(
                        "{}: {} ({})",
                        text(&a.role).unwrap_or_default(),
                        text(&a.person).unwrap_or_default(),
                        text(&a.date).unwrap_or_default()
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
                    NeedValue::Known { need, .. } => need.code().to_string(),
                    NeedValue::Unknown(t) | NeedValue::Malformed(t) => t,
                })
                .collect::<Vec<_>>()
                .join(", ")
        });
        let meta = vec![
            ("organization", text(&registry.organization)),
            ("areas", areas),
            ("approved.act", text(&approved.act)),
            ("approved.date", text(&approved.date)),
            ("published", text(&registry.published)),
            ("approvals", approvals),
            ("needs", catalogue),
        ];

        let mut flat = Flat {
            meta,
            directions: Vec::new(),
            processes: Vec::new(),
            touchpoints: Vec::new(),
        };
        for direction in registry.directions.iter().flatten() {
            let d = flat.directions.len();
            let name = text(&direction.name).unwrap_or_default();
            let mut process_keys = Vec::new();
            for process in direction.processes.iter().flatten() {
                let p = flat.processes.len();
                let process_name = text(&process.name).unwrap_or_default();
                let mut point_keys = Vec::new();
                let touchpoints = process.touchpoints.as_deref().unwrap_or_default();
                for touchpoint in touchpoints {
                    let point = text(&touchpoint.point).unwrap_or_default();
                    let key = normalize(&point);
                    point_keys.push(key.clone());
                    let channel = touchpoint.channel_value().map(|c| c.code().to_string());
                    let needs = touchpoint.known_needs();
                    let fields = vec![
                        ("point", Some(point.clone())),
                        ("interaction", text(&touchpoint.interaction)),
                        ("features", text(&touchpoint.features)),
                        ("client", text(&touchpoint.client)),
                        ("value", text(&touchpoint.value)),
                        ("basis", text(&touchpoint.basis)),
                    ];
                    let content = format!("{:?}|{:?}|{:?}", channel, needs, &fields[1..]);
                    flat.touchpoints.push(FlatTouchpoint {
                        point,
                        key,
                        id: text(&touchpoint.id),
                        process: p,
                        channel,
                        needs,
                        fields,
                        content,
                    });
                }
                point_keys.sort();
                let key = normalize(&process_name);
                process_keys.push(key.clone());
                flat.processes.push(FlatProcess {
                    name: process_name,
                    key,
                    id: text(&process.id),
                    direction: d,
                    content: point_keys.join("\u{1f}"),
                    touchpoints: touchpoints.len(),
                });
            }
            process_keys.sort();
            flat.directions.push(FlatDirection {
                key: normalize(&name),
                name,
                content: process_keys.join("\u{1f}"),
            });
        }
        flat
    }
}
