//! The survey's answer to the Minister computed on the right year, the right column and nobody
//! recognisable (issue 27, survey.md «Trust across years, groups and outputs»). Fixtures:
//! scripts/make_survey_years.py.

use super::{office_text, tochki};
use serde_json::Value;

const DIR: &str = "tests/fixtures/years";

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn tally_json(args: &[&str]) -> Value {
    let mut all = vec!["survey", "tally", "--format", "json"];
    all.extend(args);
    let run = tochki(&all);
    assert!(run.code <= 1, "{}", run.stderr);
    run.json()
}

/// (item, from, to, delta, decline) of every dynamics entry.
fn dynamics(json: &Value) -> Vec<(String, String, String, f64, bool)> {
    json["dynamics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["item"].as_str().unwrap().to_string(),
                d["from"].as_str().unwrap().to_string(),
                d["to"].as_str().unwrap().to_string(),
                d["delta_pp"].as_f64().unwrap(),
                d["decline"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn waves_are_ordered_and_labelled_by_their_answers_dates_not_by_the_arguments() {
    let a = path("2025/Ответы.csv");
    let b = path("2024/Ответы.csv");
    let json = tally_json(&[&a, &b]);
    let labels: Vec<&str> = json["waves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2024", "2025"]);
    assert_eq!(json["waves"][0]["period"]["first"], "2024-11-10");
    assert_eq!(json["waves"][1]["period"]["last"], "2025-11-18");
    let overall = dynamics(&json)
        .into_iter()
        .find(|d| d.0 == "overall")
        .unwrap();
    assert_eq!(
        overall,
        ("overall".into(), "2024".into(), "2025".into(), -45.0, true)
    );
    // The draft to the Minister is not «no proposals needed».
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.md");
    let run = tochki([
        "survey",
        "proposals",
        &a,
        &b,
        "--format",
        "markdown",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("не требуются"), "{text}");
    assert!(text.contains("−45,0"), "{text}");
}

#[test]
fn a_label_the_dates_contradict_and_the_same_answers_twice_are_refused() {
    let y2024 = path("2024/Ответы.csv");
    let y2025 = path("2025/Ответы.csv");
    for (args, said) in [
        (
            vec![format!("2025={y2024}"), y2025.clone()],
            "метка «2025», а ответы даны 10.11.2024–18.11.2024",
        ),
        (
            vec![format!("2024={y2025}"), format!("2025={y2024}")],
            "метка «2025», а ответы даны 10.11.2024–18.11.2024",
        ),
        (vec![y2024.clone(), y2024.clone()], "один и тот же файл"),
        (
            vec![y2024.clone(), path("copy_of_2024.csv")],
            "один и тот же файл",
        ),
        (
            vec![format!("2024={y2024}"), format!("2024={y2025}")],
            "Две выгрузки с одной меткой «2024»",
        ),
    ] {
        let mut all = vec!["survey".to_string(), "tally".to_string()];
        all.extend(args.iter().cloned());
        let run = tochki(&all);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
    }
    // A survey of 2024 held in January 2025 may be labelled 2024: the year before its answers.
    let run = tochki(["survey", "tally", &format!("2024={y2025}")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_reworded_question_is_not_comparable_everywhere_and_fails_on_decline() {
    let (a, b) = (path("reworded_2024.csv"), path("reworded_2025.csv"));
    let json = tally_json(&[&a, &b]);
    let items: Vec<&str> = json["not_comparable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item"].as_str().unwrap())
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].contains("[Расчетные листки]"), "{items:?}");
    let run = tochki(["survey", "tally", &a, &b, "--fail-on-decline"]);
    assert!(run.stdout.contains("S012"), "{}", run.stdout);
    // Even without the overall question's decline the reworded item fails the check.
    let markdown = tochki(["survey", "tally", &a, &b, "--format", "markdown"]);
    assert!(
        markdown.stdout.contains("## Не с чем сравнить"),
        "{}",
        markdown.stdout
    );
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    tochki(["survey", "report", &a, &b, "-o", html.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Не с чем сравнить")
    );
    let draft = dir.path().join("p.md");
    tochki([
        "survey",
        "proposals",
        &a,
        &b,
        "--format",
        "markdown",
        "-o",
        draft.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.contains("Не с чем сравнить с прошлым опросом"),
        "{text}"
    );
    // Linked by the definition's `also:`, the item's fall is a decline.
    let linked = tally_json(&[&a, &b, "--survey", &path("reworded.survey.yaml")]);
    assert!(linked.get("not_comparable").is_none(), "{linked}");
    let sheets = dynamics(&linked)
        .into_iter()
        .find(|d| d.0 == "Расчетные листки")
        .unwrap();
    assert_eq!((sheets.3, sheets.4), (-47.5, true));
}

#[test]
fn the_overall_question_of_each_area_is_compared_with_its_own() {
    let json = tally_json(&[&path("areas_2024.csv"), &path("areas_2025.csv")]);
    let mut found: Vec<(String, f64)> = dynamics(&json).into_iter().map(|d| (d.0, d.3)).collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        [
            ("overall:accounting".to_string(), -50.0),
            ("overall:hr".to_string(), 40.0),
            ("overall:it".to_string(), 0.0)
        ]
    );
    let table = tochki([
        "survey",
        "tally",
        &path("areas_2024.csv"),
        &path("areas_2025.csv"),
    ]);
    assert!(
        table.stdout.contains("В целом: бухгалтерский учет"),
        "{}",
        table.stdout
    );
}

#[test]
fn without_seconds_in_the_timestamps_no_one_is_a_repeat_and_it_is_said() {
    let run = tochki(["survey", "tally", &path("minutes.csv"), "--format", "json"]);
    let json = run.json();
    assert_eq!(json["waves"][0]["respondents"], 60);
    assert!(
        !json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "S006"),
        "{json}"
    );
    assert!(
        run.stderr
            .contains("повторы анкет (S006) не искались в 60 строках"),
        "{}",
        run.stderr
    );
}

/// What must never leave the tool, one per spelling of scripts/make_survey_years.py.
const SECRETS: [&str; 30] = [
    "12345678901",
    "789 01",
    "1234 5678",
    "0.1234",
    "123456",
    "3344",
    "345 67 89",
    "ivanova_a",
    "id12345",
    "buh_help",
    "ivanova-blog",
    "12.03.1985",
    "1985 г.",
    "1985 г.р.",
    "А123ВС",
    "Ленина",
    "Кузнецова Ирина",
    "Петрова",
    "кузнецова ирина",
    "я кузнецова",
    "Kuznetsova",
    "Ирина Кузнецова",
    "Кузнецова И.А.",
    "Смирнов",
    "Лебедева",
    "Зуева",
    "445/95",
    "ivanova_c",
    "Ленина 15",
    "ivanova @",
];

#[test]
fn identifiers_of_every_class_leave_the_tool_by_no_output_path() {
    let (a, b) = (path("privacy_2024.csv"), path("privacy_2025.csv"));
    let dir = tempfile::tempdir().unwrap();
    let mut outputs: Vec<(String, String)> = Vec::new();
    // The tally as a table and as JSON (answer cells outside the scale are quoted there).
    for format in ["table", "json"] {
        let run = tochki(["survey", "tally", &a, &b, "--format", format]);
        outputs.push((format!("tally {format}"), run.stdout + &run.stderr));
    }
    // The pain map as CSV, Markdown and XLSX.
    for format in ["csv", "markdown"] {
        let run = tochki(["survey", "pains", &b, "--format", format]);
        assert!(run.stdout.contains("Проблема"), "{format}: {}", run.stdout);
        outputs.push((format!("pains {format}"), run.stdout));
    }
    let xlsx = dir.path().join("pains.xlsx");
    tochki([
        "survey",
        "pains",
        &b,
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    outputs.push(("pains xlsx".into(), office_text(&xlsx)));
    // The HTML report, and the draft to the Minister as Markdown and Word.
    let html = dir.path().join("report.html");
    tochki(["survey", "report", &a, &b, "-o", html.to_str().unwrap()]);
    outputs.push((
        "report html".into(),
        std::fs::read_to_string(&html).unwrap(),
    ));
    let markdown = dir.path().join("p.md");
    tochki([
        "survey",
        "proposals",
        &a,
        &b,
        "--format",
        "markdown",
        "-o",
        markdown.to_str().unwrap(),
    ]);
    outputs.push((
        "proposals markdown".into(),
        std::fs::read_to_string(&markdown).unwrap(),
    ));
    let docx = dir.path().join("p.docx");
    tochki([
        "survey",
        "proposals",
        &a,
        &b,
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    outputs.push(("proposals docx".into(), office_text(&docx)));
    for (name, text) in &outputs {
        assert!(!text.is_empty(), "{name} is empty");
        for secret in SECRETS {
            assert!(!text.contains(secret), "{name} holds «{secret}»:\n{text}");
        }
    }
    // The texts are there, masked: the pain map still says what was written.
    assert!(outputs[2].1.contains("[адрес]"), "{}", outputs[2].1);
}

#[test]
fn a_directions_change_compares_like_with_like_and_says_which_items() {
    let run = tochki([
        "survey",
        "tally",
        &path("direction_2024.csv"),
        &path("direction_2025.csv"),
        "--survey",
        &path("direction.survey.yaml"),
        "--registry",
        &path("direction.yaml"),
        "--format",
        "json",
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let json = run.json();
    let direction = &json["registry"]["directions"][0];
    // 2025: 24 of 40 (the small item left out); 2024 over the same two items: 28 of 40.
    assert_eq!(direction["level"], 60.0, "{direction}");
    assert_eq!(direction["delta_pp"], -10.0, "{direction}");
    assert_eq!(direction["items"], 2);
    assert_eq!(
        direction["change_items"],
        serde_json::json!(["Выдача справок", "Начисление заработной платы"])
    );
    let table = tochki([
        "survey",
        "tally",
        &path("direction_2024.csv"),
        &path("direction_2025.csv"),
        "--survey",
        &path("direction.survey.yaml"),
        "--registry",
        &path("direction.yaml"),
    ]);
    assert!(
        table.stdout.contains("ответы на 2 вопроса"),
        "{}",
        table.stdout
    );
}

#[test]
fn a_paper_sheets_totals_row_is_no_questionnaire() {
    let run = tochki([
        "survey",
        "tally",
        &path("paper.csv"),
        "--population",
        "30",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["waves"][0]["respondents"], 30);
    assert!(run.stderr.contains("строка 32 — итог"), "{}", run.stderr);
}

#[test]
fn a_profile_one_person_apart_from_the_one_it_nests_in_is_hidden_in_every_output() {
    for format in ["json", "table", "markdown"] {
        let run = tochki([
            "survey",
            "tally",
            &path("nested_2025.csv"),
            "--registry",
            &path("nested.yaml"),
            "--profiles",
            "--format",
            format,
        ]);
        assert!(run.code <= 1, "{format}: {}", run.stderr);
        if format == "json" {
            let profiles = &run.json()["waves"][0]["profiles"];
            assert_eq!(profiles[0]["respondents"], 25, "{profiles}");
            assert!(profiles[1]["respondents"].is_null(), "{profiles}");
        } else {
            assert!(!run.stdout.contains("24"), "{format}: {}", run.stdout);
            assert!(run.stdout.contains("25"), "{format}: {}", run.stdout);
        }
    }
}

#[test]
fn a_free_text_attribute_is_never_a_segment() {
    let run = tochki([
        "survey",
        "tally",
        &path("nested_2025.csv"),
        "--registry",
        &path("nested.yaml"),
        "--by",
        "Функционал",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("нет закрытого списка значений (free: true"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_hint_reverses_a_meaning_and_a_combining_accent_is_its_letter() {
    let run = tochki(["survey", "check", &path("typed.csv"), "--format", "json"]);
    let json = run.json();
    let s002: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S002")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    // «2» and «Нет ответа» only: «удовлетворе\u{308}н» is «удовлетворен».
    assert_eq!(s002.len(), 2, "{s002:?}");
    for message in &s002 {
        assert!(!message.contains("ближайший вариант"), "{message}");
    }
    assert!(s002[0].contains("цифры не читаются"), "{}", s002[0]);
}

#[test]
fn a_band_touching_an_end_the_tables_bands_share_is_said_once_by_r020() {
    let run = tochki(["check", "registries/north_ossetia_hr_it_accounting.yaml"]);
    assert!(
        !run.stdout
            .contains("«45 000- 60 000» признака «Уровень дохода» подходит нескольким"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("«до 40 000» признака «Уровень дохода» подходит нескольким")
    );
    assert!(run.stdout.contains("R020"));
}

#[test]
fn a_grid_row_with_off_scale_cells_keeps_its_answers_and_its_decline() {
    let run = tochki([
        "survey",
        "tally",
        &path("offscale_2024.csv"),
        &path("offscale_2025.csv"),
        "--fail-on-decline",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let sheets = dynamics(&json)
        .into_iter()
        .find(|d| d.0 == "Справки")
        .expect("«Справки» compared");
    assert!(sheets.4, "{sheets:?}");
    let s002 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S002")
        .count();
    assert_eq!(s002, 8);
}

#[test]
fn an_item_pattern_over_two_columns_compares_each_with_its_own() {
    let run = tochki([
        "survey",
        "check",
        &path("several_2025.csv"),
        "--survey",
        &path("several.survey.yaml"),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("S013"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "«Оцените скорость работы [Консультации]», «Оцените качество работы [Консультации]»"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn waves_with_nothing_to_order_them_or_over_one_period_are_refused() {
    let run = tochki([
        "survey",
        "tally",
        &path("undated_b.csv"),
        &path("undated_a.csv"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("Не по чему упорядочить"),
        "{}",
        run.stderr
    );
    // Labelled by years, they are ordered by them.
    let labelled = tochki([
        "survey",
        "tally",
        &format!("2025={}", path("undated_b.csv")),
        &format!("2024={}", path("undated_a.csv")),
        "--format",
        "json",
    ]);
    assert_eq!(labelled.code, 0, "{}", labelled.stderr);
    assert_eq!(dynamics(&labelled.json())[0].1, "2024");
    // The same period twice.
    let overlap = tochki([
        "survey",
        "tally",
        &format!("2023={}", path("steady_2024.csv")),
        &format!("2024={}", path("privacy_2024.csv")),
    ]);
    assert_eq!(overlap.code, 2);
    assert!(
        overlap.stderr.contains("пересекаются"),
        "{}",
        overlap.stderr
    );
}
