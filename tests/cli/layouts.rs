//! Registries as real documents lay them out (issue 26, import.md): each layout read as a person
//! reads it, and the appendix `show` writes read back into the registry it came from. Fixtures:
//! scripts/make_real_layouts.py.

use super::{files_in, tochki};
use serde_yaml::Value;

const DIR: &str = "tests/fixtures/real_layouts";

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// `import FILE` to stdout: the registry as YAML, and stderr.
fn import(name: &str) -> (Value, String) {
    let run = tochki(["import", &path(name)]);
    assert!(run.code <= 1, "{}", run.stderr);
    let yaml: Value = serde_yaml::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not YAML ({e}): {}", run.stdout));
    (yaml, run.stderr)
}

/// Every touchpoint of a registry with its direction's and process's names.
fn touchpoints(registry: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for direction in registry["directions"].as_sequence().into_iter().flatten() {
        for process in direction["processes"].as_sequence().into_iter().flatten() {
            for touchpoint in process["touchpoints"].as_sequence().into_iter().flatten() {
                all.push((
                    direction["name"].as_str().unwrap_or("").to_string(),
                    process["name"].as_str().unwrap_or("").to_string(),
                    touchpoint.clone(),
                ));
            }
        }
    }
    all
}

fn needs(touchpoint: &Value) -> Vec<String> {
    touchpoint["needs"]
        .as_sequence()
        .into_iter()
        .flatten()
        .map(|n| match n.as_str() {
            Some(code) => code.to_string(),
            None => serde_yaml::to_string(n).unwrap().trim().to_string(),
        })
        .collect()
}

#[test]
fn a_point_merged_over_rows_with_their_own_texts_is_a_touchpoint_per_row() {
    let (registry, stderr) = import("merged_point.docx");
    let all = touchpoints(&registry);
    assert_eq!(all.len(), 4, "{registry:?}");
    let by_request: Vec<_> = all
        .iter()
        .filter(|(_, p, _)| p.ends_with("по требованию"))
        .collect();
    assert_eq!(by_request.len(), 2);
    assert_eq!(by_request[0].2["point"], by_request[1].2["point"]);
    assert_eq!(by_request[0].2["channel"], "offline");
    assert_eq!(by_request[1].2["channel"], "digital");
    assert_eq!(
        by_request[1].2["client"],
        "Руководители структурных подразделений"
    );
    assert_eq!(by_request[1].2["value"], "Контроль расходов");
    assert!(stderr.contains("точек 4"), "{stderr}");
    // The order's own appendix deserves R008 for the repeated point of one process.
    let check = tochki(["check", &path("merged_point.docx")]);
    assert!(check.stdout.contains("R008"), "{}", check.stdout);
}

#[test]
fn text_hidden_by_a_character_or_paragraph_style_is_not_published() {
    let (registry, _) = import("style_hidden.docx");
    let text = serde_yaml::to_string(&registry).unwrap();
    for hidden in [
        "не публиковать",
        "25-34-11",
        "цифровая",
        "Иванова",
        "черновик",
    ] {
        assert!(!text.contains(hidden), "{hidden} in\n{text}");
    }
    let all = touchpoints(&registry);
    assert_eq!(all[0].2["point"], "Телефонная связь");
    assert_eq!(all[0].2["channel"], "offline");
    assert_eq!(needs(&all[0].2), ["info"]);
}

#[test]
fn segmentation_values_separated_by_commas_are_values_and_said_so() {
    let (registry, stderr) = import("segments_commas.docx");
    let values = |attribute: &str| -> Vec<String> {
        registry["segmentation"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|a| a["attribute"] == attribute)
            .unwrap_or_else(|| panic!("no {attribute}"))["values"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        values("Формат работы"),
        ["Удаленная работа", "работа в офисе", "гибрид"]
    );
    // A decimal comma stays inside its band.
    assert_eq!(
        values("Стаж работы"),
        ["менее 1,5 лет", "от 1,5 до 5 лет", "5 лет и более"]
    );
    // A comma before a participle belongs to one value; «;» decides where it is written.
    assert_eq!(values("Категория"), ["Сотрудники, работающие удаленно"]);
    // Capitalised or alone, a participle is a value of its own.
    assert_eq!(
        values("Категория должностей"),
        ["Руководитель", "Специалист", "Обеспечивающий специалист"]
    );
    assert_eq!(values("Группа должностей").len(), 5);
    assert_eq!(
        values("Предпочтение канала"),
        ["Телефон", "электронная почта", "личный визит"]
    );
    assert!(
        stderr.contains("I010 замечание: Значения признака «Формат работы» прочитаны через запятую: «Удаленная работа», «работа в офисе», «гибрид»"),
        "{stderr}"
    );
    assert!(!stderr.contains("«Категория» прочитаны"), "{stderr}");
    // The profile naming «Удаленная работа» is now a value of its attribute: no R019.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("segments.yaml");
    let run = tochki([
        "import",
        &path("segments_commas.docx"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let check = tochki(["check", out.to_str().unwrap()]);
    assert!(!check.stdout.contains("R019"), "{}", check.stdout);
}

#[test]
fn a_process_merged_down_across_a_direction_boundary_is_that_rows_process() {
    let (registry, stderr) = import("process_across.docx");
    assert!(!stderr.contains("I004"), "{stderr}");
    let all = touchpoints(&registry);
    assert_eq!(all.len(), 4);
    assert_eq!(
        (all[2].0.as_str(), all[2].1.as_str()),
        ("Кадровая политика", "Выдача справок")
    );
    assert_eq!(all[2].2["point"], "Кабинет 305");
}

#[test]
fn need_wordings_wrapped_over_lines_are_joined_into_the_catalogue_wording() {
    let (registry, stderr) = import("wrapped_needs.docx");
    let all = touchpoints(&registry);
    assert_eq!(needs(&all[0].2), ["status"]);
    assert_eq!(
        needs(&all[1].2),
        [
            "consultation",
            "submission",
            "result",
            "other: печать справок"
        ]
    );
    // Only the text that spells no wording is reported.
    assert_eq!(stderr.matches("I003").count(), 1, "{stderr}");
}

#[test]
fn needs_and_kinds_as_a_matrix_of_marks_are_read_from_the_marks() {
    for file in ["marks.docx", "marks.xlsx"] {
        let (registry, stderr) = import(file);
        assert!(!stderr.contains("I002"), "{file}: {stderr}");
        let all = touchpoints(&registry);
        let read: Vec<(String, Vec<String>)> = all
            .iter()
            .map(|(_, _, t)| (t["channel"].as_str().unwrap_or("").to_string(), needs(t)))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "digital".to_string(),
                    vec!["info".to_string(), "submission".to_string()]
                ),
                (
                    "offline".to_string(),
                    vec!["consultation".to_string(), "forms".to_string()]
                ),
                (
                    "digital".to_string(),
                    vec!["info".to_string(), "feedback".to_string()]
                ),
            ],
            "{file}"
        );
    }
}

#[test]
fn headings_hyphenated_by_hand_are_recognised() {
    let (registry, stderr) = import("hyphenated.docx");
    assert!(!stderr.contains("I002"), "{stderr}");
    let all = touchpoints(&registry);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, "Бухгалтерский учет");
    assert_eq!(all[0].2["channel"], "digital");
    assert_eq!(needs(&all[0].2), ["info"]);
}

#[test]
fn a_direction_typed_with_case_yo_or_spacing_variants_is_one_direction() {
    let (registry, _) = import("direction_variants.xlsx");
    let directions: Vec<&str> = registry["directions"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(directions, ["Бухгалтерский учёт", "Кадровая политика"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("variants.yaml");
    tochki([
        "import",
        &path("direction_variants.xlsx"),
        "-o",
        out.to_str().unwrap(),
    ]);
    let check = tochki(["check", out.to_str().unwrap()]);
    assert!(!check.stdout.contains("R011"), "{}", check.stdout);
}

#[test]
fn the_smolensk_caption_gives_the_act_and_the_body() {
    let (registry, _) = import("smolensk_caption.docx");
    assert_eq!(
        registry["organization"],
        "Министерство финансов Смоленской области"
    );
    assert_eq!(
        registry["approved"]["act"],
        "Приказ Министерства финансов Смоленской области № 76"
    );
    assert_eq!(registry["approved"]["date"], "2024-09-24");
}

#[test]
fn a_column_the_table_does_not_have_is_said_once_with_its_rows() {
    let run = tochki(["check", &path("no_needs.docx")]);
    assert_eq!(
        run.stdout.matches("R002 ошибка").count(),
        1,
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("= то же ещё 9 раз: строки 3–11"),
        "{}",
        run.stdout
    );
    // The real duplicate keeps its own finding; the totals still count every row.
    assert!(run.stdout.contains("R008 ошибка"), "{}", run.stdout);
    assert!(run.stdout.contains("11 ошибок"), "{}", run.stdout);
}

#[test]
fn excel_carriage_returns_are_line_breaks_as_libreoffice_writes_them() {
    let run = tochki(["import", &path("carriage.xlsx")]);
    assert!(!run.stdout.contains("\\r"), "{}", run.stdout);
    let registry: Value = serde_yaml::from_str(&run.stdout).unwrap();
    let processes: Vec<&str> = registry["directions"][0]["processes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    // `_x005F_x000D_` is Excel's escape for the text «_x000D_» itself.
    assert_eq!(
        processes,
        ["Выдача справок\nо доходах", "Выдача справок_x000D_ о стаже"]
    );
}

/// A registry's model as the round trip compares it: organisation, act and directions, with
/// empty values dropped.
fn model(yaml: &str) -> Value {
    fn clean(value: &Value) -> Option<Value> {
        match value {
            Value::Null => None,
            Value::Sequence(items) if items.is_empty() => None,
            Value::Mapping(map) if map.is_empty() => None,
            Value::Mapping(map) => Some(Value::Mapping(
                map.iter()
                    .filter_map(|(k, v)| clean(v).map(|v| (k.clone(), v)))
                    .collect(),
            )),
            Value::Sequence(items) => Some(Value::Sequence(
                items
                    .iter()
                    .map(|v| clean(v).unwrap_or(Value::Null))
                    .collect(),
            )),
            other => Some(other.clone()),
        }
    }
    let registry: Value = serde_yaml::from_str(yaml).unwrap();
    let mut kept = serde_yaml::Mapping::new();
    for key in ["organization", "approved", "directions"] {
        if let Some(value) = registry.get(key).and_then(clean) {
            kept.insert(Value::from(key), value);
        }
    }
    Value::Mapping(kept)
}

#[test]
fn the_appendix_gives_back_every_registry_it_was_made_from() {
    let dir = tempfile::tempdir().unwrap();
    let mut registries = files_in("registries", "yaml");
    registries.extend(
        files_in("examples", "yaml")
            .into_iter()
            .filter(|f| !f.ends_with(".survey.yaml")),
    );
    registries.push(path("described.yaml"));
    assert!(registries.len() >= 9, "{registries:?}");
    for registry in &registries {
        let original = model(&std::fs::read_to_string(super::root().join(registry)).unwrap());
        for format in ["docx", "xlsx"] {
            let name = registry.replace('/', "_");
            let appendix = dir.path().join(format!("{name}.{format}"));
            let back = dir.path().join(format!("{name}.{format}.yaml"));
            let show = tochki([
                "show",
                registry,
                "--format",
                format,
                "-o",
                appendix.to_str().unwrap(),
            ]);
            assert_eq!(show.code, 0, "{registry}: {}", show.stderr);
            let run = tochki([
                "import",
                appendix.to_str().unwrap(),
                "-o",
                back.to_str().unwrap(),
            ]);
            assert!(run.code <= 1, "{registry} {format}: {}", run.stderr);
            let imported = model(&std::fs::read_to_string(&back).unwrap());
            assert_eq!(
                imported, original,
                "{registry} through {format} came back otherwise"
            );
        }
    }
}

#[test]
fn people_and_phones_under_the_table_and_an_approvals_table_are_never_the_registry() {
    for file in ["tail_people.docx", "tail_people.xlsx"] {
        let (registry, stderr) = import(file);
        let text = serde_yaml::to_string(&registry).unwrap();
        for person in [
            "Петрова",
            "Иванова",
            "Петров",
            "29-10-11",
            "согласовано",
            "Заместитель",
        ] {
            assert!(!text.contains(person), "{file}: {person} in\n{text}");
        }
        assert_eq!(touchpoints(&registry).len(), 2, "{file}");
        assert!(
            stderr.contains("I008 замечание: строка пропущена — подпись или исполнитель"),
            "{file}: {stderr}"
        );
    }
    // The approvals after «СОГЛАСОВАНО:» are not joined as the registry's second half.
    let (_, stderr) = import("tail_people.docx");
    assert!(!stderr.contains("присоединены"), "{stderr}");
}

#[test]
fn numbered_sections_in_a_table_without_a_direction_column_are_directions() {
    let (registry, stderr) = import("sections_no_direction.docx");
    let all = touchpoints(&registry);
    let places: Vec<(&str, &str)> = all
        .iter()
        .map(|(d, p, _)| (d.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            ("Бухгалтерский учет", "Зарплата"),
            ("Бухгалтерский учет", "Командировки"),
            ("Кадровое обеспечение", "Отпуска")
        ]
    );
    assert!(!stderr.contains("I004"), "{stderr}");
}

#[test]
fn any_dash_is_no_mark_and_both_kinds_marked_are_said() {
    let (registry, stderr) = import("marks_dashes.docx");
    let all = touchpoints(&registry);
    assert_eq!(needs(&all[0].2), ["info", "result"]);
    assert_eq!(all[0].2["channel"], "digital");
    assert_eq!(needs(&all[1].2), ["consultation"]);
    assert_eq!(all[1].2["channel"], "offline");
    assert!(all[2].2.get("channel").is_none(), "{:?}", all[2].2);
    assert!(
        stderr.contains("строка 5, графа «Точка взаимодействия»: I011 предупреждение"),
        "{stderr}"
    );
}

#[test]
fn the_caption_is_read_top_right_in_a_sheet_and_in_a_layout_table() {
    for file in ["caption_right.xlsx", "caption_layout.docx"] {
        let (registry, _) = import(file);
        assert_eq!(
            registry["organization"], "Министерство финансов Смоленской области",
            "{file}"
        );
        assert_eq!(registry["approved"]["date"], "2024-09-24", "{file}");
        assert_eq!(
            registry["approved"]["act"], "Приказ Министерства финансов Смоленской области № 76",
            "{file}"
        );
    }
    // A title naming another body: the ministry that issued the order is not taken for it.
    let (registry, _) = import("other_body.docx");
    assert!(registry.get("organization").is_none(), "{registry:?}");
    assert_eq!(registry["approved"]["date"], "2024-09-24");
}
