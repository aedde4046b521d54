//! Property tests of the registry reader: generated registries, and the same registries with
//! random edits (characters YAML cares about inserted, spans deleted).

use proptest::prelude::*;
use tochki::registry::load_bytes;
use tochki::rules::check_loaded;

const POINTS: &[&str] = &[
    "Телефонная связь",
    "Личный прием",
    "Официальный сайт",
    "Электронная почта, СЭД",
    "Кабинет 12",
    "",
];
const CHANNELS: &[&str] = &["digital", "offline", "цифровая", "офлайн", "цифр", ""];
const NEEDS: &[&str] = &[
    "info",
    "consultaton",
    "получение консультации",
    "представление заявления, обращения, запроса, документов",
    "{other: пропуск}",
    "other",
];
const EDITS: &[&str] = &[
    ":", "- ", "[", "]", "{", "}", "\t", " ", "\n", "#", "&a ", "*a", "<<: ", ",", "\"", "'",
    "---\n", "ё", "  ",
];

#[derive(Debug, Clone)]
struct Touchpoint {
    point: usize,
    channel: usize,
    needs: Vec<usize>,
    flow: bool,
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        0..POINTS.len(),
        0..CHANNELS.len(),
        prop::collection::vec(0..NEEDS.len(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(point, channel, needs, flow)| Touchpoint {
            point,
            channel,
            needs,
            flow,
        })
}

type Directions = Vec<(String, Vec<(String, Vec<Touchpoint>)>)>;

fn registry() -> impl Strategy<Value = String> {
    let process = ("[а-я]{1,8}", prop::collection::vec(touchpoint(), 0..3));
    let direction = ("[а-я]{1,8}", prop::collection::vec(process, 0..3));
    prop::collection::vec(direction, 0..3).prop_map(|directions: Directions| render(&directions))
}

/// Needs as a flow list: wordings with commas are written unquoted on purpose sometimes.
fn render(directions: &Directions) -> String {
    let mut yaml = String::from("organization: Министерство\nareas: [accounting]\ndirections:\n");
    for (name, processes) in directions {
        yaml.push_str(&format!("  - name: {name}\n    processes:\n"));
        for (name, touchpoints) in processes {
            yaml.push_str(&format!("      - name: {name}\n        touchpoints:\n"));
            for tp in touchpoints {
                let needs: Vec<&str> = tp.needs.iter().map(|&n| NEEDS[n]).collect();
                let point = serde_json::to_string(POINTS[tp.point]).unwrap();
                let channel = serde_json::to_string(CHANNELS[tp.channel]).unwrap();
                if tp.flow {
                    yaml.push_str(&format!(
                        "          - {{point: {point}, channel: {channel}, needs: [{}]}}\n",
                        needs.join(", ")
                    ));
                } else {
                    yaml.push_str(&format!(
                        "          - point: {point}\n            channel: {channel}\n            needs: [{}]\n",
                        needs.join(", ")
                    ));
                }
            }
        }
    }
    yaml
}

/// Applies edits at character positions given as fractions of the text's length.
fn mutate(text: &str, edits: &[(u16, usize, bool)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, what, delete) in edits {
        let at = (at as usize * chars.len()) / (u16::MAX as usize + 1);
        if delete {
            let end = (at + 1 + what % 5).min(chars.len());
            chars.drain(at..end);
        } else {
            let insert: Vec<char> = EDITS[what % EDITS.len()].chars().collect();
            chars.splice(at..at, insert);
        }
    }
    chars.into_iter().collect()
}

/// Every finding's line and column lie inside the file.
fn assert_positions_inside(text: &str) {
    let loaded = load_bytes("p.yaml", text.as_bytes().to_vec());
    let lines: Vec<&str> = text.lines().collect();
    for finding in check_loaded(&loaded) {
        let (Some(line), Some(column)) = (finding.line, finding.column) else {
            assert!(text.is_empty(), "no position: {finding:?}\n{text}");
            continue;
        };
        assert!(
            line >= 1 && line <= lines.len().max(1),
            "line {line} of {}: {finding:?}\n{text}",
            lines.len()
        );
        let width = lines.get(line - 1).map_or(0, |l| l.chars().count());
        assert!(
            column >= 1 && column <= width + 1,
            "column {column} of {width}: {finding:?}\n{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn diff_of_a_registry_with_itself_has_no_changes(yaml in registry()) {
        let loaded = load_bytes("a.yaml", yaml.clone().into_bytes());
        let registry = loaded.registry.expect("a generated registry parses");
        prop_assert!(tochki::diff::compare(&registry, &registry).is_empty());
    }

    #[test]
    fn findings_of_generated_registries_lie_inside_the_file(yaml in registry()) {
        assert_positions_inside(&yaml);
    }

    #[test]
    fn findings_of_a_file_starting_with_a_space_lie_inside_it(yaml in registry()) {
        // Found by the mutation below: serde_yaml reads it as two documents, saphyr as neither.
        assert_positions_inside(&format!(" {yaml}"));
    }

    #[test]
    fn findings_of_mutated_registries_lie_inside_the_file(
        yaml in registry(),
        edits in prop::collection::vec((any::<u16>(), 0usize..64, any::<bool>()), 1..4),
    ) {
        assert_positions_inside(&mutate(&yaml, &edits));
    }
}

/// Texts a ministry's table holds: commas (the needs split at them), quotes, `&<>` (XML),
/// line breaks inside a cell, `ё`, leading dashes and digits (YAML), long words.
const TABLE_TEXTS: &[&str] = &[
    "Телефонная связь",
    "Электронная почта, СЭД",
    "Кабинет № 12 «бухгалтерия»",
    "Сайт & портал <gov>",
    "Первая строка\nвторая строка",
    "- приём ёлок",
    "2024 год: отчёт",
    "\"Кавычки\" и 'апострофы'",
    "получение справок; выписок",
    "«в кавычках»",
    "запрос [срочный] {вне очереди}.",
    "получение информации, прочее",
];

fn table_registry() -> impl Strategy<Value = String> {
    use tochki::registry::needs::Need;
    let touchpoint = (
        0..TABLE_TEXTS.len(),
        any::<bool>(),
        proptest::sample::subsequence(Need::ALL[..9].to_vec(), 0..4),
        proptest::option::of(0..TABLE_TEXTS.len()),
        proptest::option::of(0..TABLE_TEXTS.len()),
    );
    let process = proptest::collection::vec(touchpoint, 1..4);
    let direction = proptest::collection::vec(process, 1..4);
    proptest::collection::vec(direction, 1..4).prop_map(|directions| {
        let quoted = |s: &str| serde_json::to_string(s).unwrap();
        let mut yaml = String::from("organization: Министерство\ndirections:\n");
        for (d, processes) in directions.iter().enumerate() {
            yaml.push_str(&format!(
                "  - name: {}\n    processes:\n",
                quoted(&format!(
                    "Направление {d}, {}",
                    TABLE_TEXTS[d % TABLE_TEXTS.len()]
                ))
            ));
            for (p, touchpoints) in processes.iter().enumerate() {
                yaml.push_str(&format!(
                    "      - name: {}\n        touchpoints:\n",
                    quoted(&format!("Процесс {d}.{p}"))
                ));
                for (t, (point, digital, needs, client, other)) in touchpoints.iter().enumerate() {
                    let mut list: Vec<String> =
                        needs.iter().map(|n| n.code().to_string()).collect();
                    if let Some(other) = other {
                        list.push(format!("{{other: {}}}", quoted(TABLE_TEXTS[*other])));
                    }
                    yaml.push_str(&format!(
                        "          - point: {}\n            channel: {}\n            needs: [{}]\n",
                        quoted(&format!("{} {t}", TABLE_TEXTS[*point])),
                        if *digital { "digital" } else { "offline" },
                        list.join(", "),
                    ));
                    if let Some(client) = client {
                        yaml.push_str(&format!(
                            "            client: {}\n",
                            quoted(TABLE_TEXTS[*client])
                        ));
                    }
                }
            }
        }
        yaml
    })
}

/// What a round trip through a table must keep, per touchpoint in order.
fn table_model(registry: &tochki::registry::Registry) -> Vec<String> {
    registry
        .touchpoints()
        .map(|t| {
            let text = |v: &Option<tochki::registry::model::Text>| {
                v.as_ref().map(|t| t.0.clone()).unwrap_or_default()
            };
            format!(
                "{} | {} | {} | {:?} | {:?} | {}",
                text(&t.direction.name),
                text(&t.process.name),
                text(&t.touchpoint.point),
                t.touchpoint.channel_value(),
                t.touchpoint.need_values(),
                text(&t.touchpoint.client),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// import(show --format docx X) and import(show --format xlsx X) give back X (import.md,
    /// «Round trip»): order, texts, channels and needs.
    #[test]
    fn a_registry_survives_its_appendix_in_word_and_excel(yaml in table_registry()) {
        use tochki::render::official_table::{OfficialTable, docx_bytes, xlsx_bytes};
        let original = load_bytes("x.yaml", yaml.clone().into_bytes()).registry.expect("generated YAML reads");
        let table = OfficialTable::of(&original);
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [("t.docx", docx_bytes(&table).unwrap()), ("t.xlsx", xlsx_bytes(&table).unwrap())] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let imported = tochki::registry::load_file(&path).unwrap();
            prop_assert!(imported.findings.is_empty(), "{name}: {:?}", imported.findings);
            let registry = imported.registry.expect("the table reads");
            prop_assert_eq!(table_model(&registry), table_model(&original), "{} of\n{}", name, yaml);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever a cell holds (`:`, `#`, `[`, `{`, quotes, a leading `-`, tabs, line breaks), the
    /// YAML `import` writes reads back as the same model (import.md).
    #[test]
    fn the_yaml_import_writes_reads_back_as_the_same_model(
        point in "\\PC{0,12}([:#\\[\\]{},'\"\\t\\n-]\\PC{0,6}){0,4}",
        other in "\\PC{1,12}([:#\\[\\]{},;'\"\\t\\n-]\\PC{0,6}){0,4}",
    ) {
        use tochki::registry::model::{Direction, NeedEntry, OneOrMany, Process, Registry, Text, Touchpoint};
        let mut description = std::collections::BTreeMap::new();
        description.insert("other".to_string(), Some(Text(other.clone())));
        let registry = Registry {
            organization: Some(Text(point.clone())),
            directions: Some(vec![Direction {
                name: Some(Text(other.clone())),
                processes: Some(vec![Process {
                    name: Some(Text(point.clone())),
                    id: None,
                    touchpoints: Some(vec![Touchpoint {
                        point: Some(Text(point.clone())),
                        needs: Some(OneOrMany::Many(vec![NeedEntry::WithDescription(description)])),
                        ..Touchpoint::default()
                    }]),
                }]),
            }]),
            ..Registry::default()
        };
        let text = tochki::render::registry_yaml::yaml(
            &registry,
            &tochki::render::registry_yaml::Provenance { header: vec![], process_note: &|_, _| None },
        );
        let back = load_bytes("back.yaml", text.clone().into_bytes());
        let read = back.registry.unwrap_or_else(|| panic!("{text}\n{:?}", back.findings));
        prop_assert_eq!(format!("{read:?}"), format!("{registry:?}"), "{}", text);
    }
}
