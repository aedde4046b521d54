//! The survey's answer to the Minister computed on the right year, the right column and nobody
//! recognisable (issue 27, survey.md «Trust across years, groups and outputs»). Fixtures:
//! scripts/make_survey_years.py.

use super::tochki;
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
