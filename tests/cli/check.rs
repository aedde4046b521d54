//! `tochki check`, `rules` and `explain` as a user runs them.

use super::{files_in, root, tochki, tochki_in};
use insta::assert_snapshot;
use tochki::catalog::CATALOG;
use tochki::diagnostic::Scope;

fn snapshot_name(file: &str) -> String {
    file.replace(['/', '.'], "_")
}

#[test]
fn check_reports_every_shipped_registry_as_the_user_sees_it() {
    for file in files_in("registries", "yaml") {
        let text = tochki(["check", &file]);
        assert_snapshot!(format!("text_{}", snapshot_name(&file)), text.snapshot());
        let json = tochki(["check", "--format", "json", &file]);
        assert_snapshot!(format!("json_{}", snapshot_name(&file)), json.snapshot());
    }
}

#[test]
fn check_finds_both_real_duplicates_of_the_smolensk_appendix() {
    let run = tochki([
        "check",
        "--format",
        "json",
        "registries/smolensk_accounting.yaml",
    ]);
    assert_eq!(run.code, 1);
    let json = run.json();
    let duplicates: Vec<(u64, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "R008")
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        duplicates,
        vec![
            (33, "directions[0].processes[0].touchpoints[1]".to_string()),
            (73, "directions[0].processes[5].touchpoints[1]".to_string()),
        ]
    );
    assert_eq!(json["errors"], 2);
}

#[test]
fn the_complete_example_passes_strict() {
    let run = tochki(["check", "--strict", "registries/example_complete.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "Проверено 1 файл: замечаний нет.\n");
}

#[test]
fn every_registry_rule_has_a_fixture_that_triggers_it() {
    for rule in CATALOG {
        if !matches!(rule.scope, Scope::Registry) {
            continue;
        }
        let file = format!(
            "tests/fixtures/{}_{}.yaml",
            rule.code.to_lowercase(),
            rule.name.replace('-', "_")
        );
        assert!(
            root().join(&file).exists(),
            "{} has no fixture {file}",
            rule.code
        );
        let run = tochki(["check", "--format", "json", &file]);
        let json = run.json();
        let hits = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == rule.code)
            .count();
        assert!(hits > 0, "{file} does not trigger {}", rule.code);
        for finding in json["findings"].as_array().unwrap() {
            assert!(
                finding["line"].as_u64().unwrap() >= 1,
                "{file}: finding without a line"
            );
            assert!(finding["column"].as_u64().unwrap() >= 1);
        }
        assert_snapshot!(
            format!("rule_{}", rule.code),
            tochki(["check", &file]).snapshot()
        );
    }
}

#[test]
fn json_output_has_the_fields_of_the_spec() {
    let run = tochki([
        "check",
        "--format",
        "json",
        "tests/fixtures/r008_duplicate_touchpoint.yaml",
    ]);
    let json = run.json();
    for key in ["findings", "errors", "warnings", "infos"] {
        assert!(json.get(key).is_some(), "no {key}");
    }
    let finding = &json["findings"][0];
    for key in [
        "file", "code", "severity", "line", "column", "path", "message",
    ] {
        assert!(
            finding.get(key).is_some(),
            "finding has no {key}: {finding}"
        );
    }
}

#[test]
fn findings_are_sorted_by_file_line_and_code() {
    let run = tochki(["check", "--format", "json", "registries/"]);
    let findings = run.json()["findings"].as_array().unwrap().clone();
    let keys: Vec<(String, u64, u64, String)> = findings
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn strict_turns_warnings_into_a_failing_status() {
    let file = "tests/fixtures/r003_missing_recommended_field.yaml";
    assert_eq!(tochki(["check", "--ignore", "R017", file]).code, 0);
    assert_eq!(
        tochki(["check", "--strict", "--ignore", "R017", file]).code,
        1
    );
}

#[test]
fn ignore_silences_a_rule_and_rejects_unknown_codes() {
    let file = "tests/fixtures/r008_duplicate_touchpoint.yaml";
    let run = tochki(["check", "--ignore", "R008,R017", file]);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains("R008"));
    let run = tochki(["check", "--ignore", "R999", file]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("R999"), "{}", run.stderr);
}

#[test]
fn github_format_writes_workflow_annotations() {
    let run = tochki([
        "check",
        "--format",
        "github",
        "tests/fixtures/r008_duplicate_touchpoint.yaml",
    ]);
    assert_snapshot!(run.snapshot());
}

#[test]
fn a_missing_file_is_trouble_with_a_russian_message() {
    let run = tochki(["check", "registries/нет_такого.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("нет файла или папки registries/нет_такого.yaml"),
        "{}",
        run.stderr
    );
}

#[test]
fn rules_and_explain_print_the_catalogue() {
    assert_snapshot!("rules", tochki(["rules"]).snapshot());
    assert_snapshot!("explain_r008", tochki(["explain", "r008"]).snapshot());
    let unknown = tochki(["explain", "R099"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("нет правила с кодом «R099»"));
}

/// Writes `bytes` to a temporary file and checks it.
fn check_bytes(bytes: &[u8]) -> super::Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), bytes).unwrap();
    tochki_in(dir.path(), ["check", "--format", "json", "bad.yaml"])
}

/// The single R001 finding of a bad file: (line, message).
fn only_finding(run: &super::Run) -> (Option<u64>, String) {
    assert_eq!(run.code, 1, "{}", run.snapshot());
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    let first = &findings[0];
    assert_eq!(first["code"], "R001");
    assert_eq!(first["file"], "bad.yaml");
    (
        first["line"].as_u64(),
        first["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn bad_input_empty_file() {
    let (line, message) = only_finding(&check_bytes(b""));
    assert_eq!(line, None);
    assert!(message.contains("Файл пуст"));
}

#[test]
fn bad_input_binary_garbage() {
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let (_, message) = only_finding(&check_bytes(&garbage));
    assert!(message.contains("нулевые байты"), "{message}");
}

#[test]
fn bad_input_nul_bytes_in_text() {
    let (line, message) = only_finding(&check_bytes(b"organization: x\ndirections:\n  \x00\n"));
    assert_eq!(line, Some(3));
    assert!(message.contains("нулевые байты"));
}

#[test]
fn bad_input_tab_indentation() {
    let (line, message) = only_finding(&check_bytes(
        "organization: x\ndirections:\n\t- name: y\n".as_bytes(),
    ));
    assert_eq!(line, Some(3));
    assert!(message.contains("табуляц"), "{message}");
}

#[test]
fn bad_input_duplicate_key() {
    let yaml = "organization: x\ndirections:\n  - name: a\n    name: b\n";
    let (line, message) = only_finding(&check_bytes(yaml.as_bytes()));
    assert_eq!(line, Some(4));
    assert!(message.contains("«name» повторяется"), "{message}");
}

#[test]
fn bad_input_alias_bomb() {
    let mut yaml = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
        ));
    }
    // Under a key the format does not know, so that nothing but the expansion can stop it.
    yaml.push_str("organization: x\nbomb: *a9\n");
    // serde_yaml never expands an alias it does not need, so the bomb stays a small file: the
    // run ends at once and names the keys that do not belong in a registry.
    let run = check_bytes(yaml.as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"Неизвестный ключ «bomb»"),
        "{messages:?}"
    );
}

#[test]
fn bad_input_deep_nesting() {
    let yaml = format!(
        "organization: x\nextra: {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let run = check_bytes(yaml.as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let deep = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .contains("глубокая вложенность")
        })
        .expect("deep nesting reported");
    assert_eq!(deep["code"], "R001");
    assert_eq!(deep["line"], 2);
}

#[test]
fn bad_input_windows_1251() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("organization: Министерство финансов\n");
    let (line, message) = only_finding(&check_bytes(&bytes));
    assert_eq!(line, Some(1));
    assert!(message.contains("Windows-1251"), "{message}");
}

#[test]
fn bad_input_unknown_key_names_the_closest() {
    let run = tochki([
        "check",
        "--format",
        "json",
        "tests/fixtures/r001_invalid_yaml_shape.yaml",
    ]);
    let json = run.json();
    let unknown = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("«pont»"))
        .expect("unknown key reported");
    assert!(unknown["message"].as_str().unwrap().contains("«point»"));
    assert_eq!(unknown["line"], 10);
    assert_eq!(unknown["column"], 13);
}

#[test]
fn bad_input_misspelt_need_names_code_and_russian() {
    let run = tochki([
        "check",
        "--format",
        "json",
        "tests/fixtures/r004_unknown_need.yaml",
    ]);
    let messages: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "R004")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(messages[0].contains("«consultation» (получение консультации)"));
    assert!(messages[1].contains("«forms» (получение форм документов)"));
}

#[test]
fn bad_input_impossible_date() {
    let yaml = "organization: x\npublished: 2025-02-29\ndirections: []\n";
    let run = check_bytes(yaml.as_bytes());
    let json = run.json();
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "R001");
    assert_eq!(finding["line"], 2);
    assert_eq!(finding["column"], 12);
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("не настоящая дата")
    );
}

#[test]
fn check_never_writes_into_its_input() {
    let file = root().join("registries/smolensk_accounting.yaml");
    let before = std::fs::read(&file).unwrap();
    tochki(["check", "registries/"]);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// The command and fixture that trigger each survey, import and journal code.
const CODE_FIXTURES: &[(&str, &[&str])] = &[
    (
        "I001",
        &["check", "tests/fixtures/import/no_point_column.docx"],
    ),
    ("I002", &["check", "tests/fixtures/import/defects.docx"]),
    ("I003", &["check", "tests/fixtures/import/defects.docx"]),
    ("I004", &["check", "tests/fixtures/import/defects.docx"]),
    ("J001", &["requests", "tests/fixtures/requests/no_form.csv"]),
    (
        "J002",
        &[
            "requests",
            "examples/requests_2025.csv",
            "--as-of",
            "2025-05-14",
        ],
    ),
    (
        "J003",
        &[
            "requests",
            "examples/requests_2025.csv",
            "--as-of",
            "2025-05-14",
        ],
    ),
    (
        "I005",
        &["check", "tests/fixtures/layouts/continued_wrong.docx"],
    ),
    ("I006", &["check", "tests/fixtures/layouts/hidden.xlsx"]),
    ("I008", &["check", "tests/fixtures/tables/registry.xlsx"]),
    ("I009", &["check", "tests/fixtures/tables/registry.xlsx"]),
    (
        "I010",
        &["check", "tests/fixtures/real_layouts/segments_commas.docx"],
    ),
    (
        "I011",
        &["check", "tests/fixtures/real_layouts/marks_dashes.docx"],
    ),
    (
        "I007",
        &["check", "tests/fixtures/profiles/north_ossetia.docx"],
    ),
    (
        "J004",
        &[
            "requests",
            "examples/requests_2025.csv",
            "--as-of",
            "2025-05-14",
        ],
    ),
    (
        "J005",
        &["requests", "tests/fixtures/requests/two_receipts.csv"],
    ),
    (
        "J007",
        &["requests", "tests/fixtures/requests/quote_open.csv"],
    ),
    (
        "J006",
        &[
            "requests",
            "tests/fixtures/requests/serial_dates.xlsx",
            "--as-of",
            "2025-04-16",
        ],
    ),
    (
        "S001",
        &[
            "survey",
            "check",
            "tests/fixtures/codes/s001_missing_column.csv",
            "--survey",
            "tests/fixtures/codes/s001_missing_column.survey.yaml",
        ],
    ),
    (
        "S002",
        &["survey", "check", "examples/survey_2025_invalid.csv"],
    ),
    (
        "S003",
        &["survey", "check", "examples/survey_2025_invalid.csv"],
    ),
    (
        "S004",
        &["survey", "check", "tests/fixtures/codes/s004_no_items.csv"],
    ),
    (
        "S005",
        &["survey", "check", "examples/survey_2025_invalid.csv"],
    ),
    (
        "S006",
        &["survey", "check", "examples/survey_2025_invalid.csv"],
    ),
    (
        "S007",
        &[
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--registry",
            "examples/registry_2025.yaml",
        ],
    ),
    (
        "S008",
        &[
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--registry",
            "examples/registry_2025.yaml",
        ],
    ),
    (
        "S011",
        &[
            "survey",
            "tally",
            "tests/fixtures/codes/s011_two_items.csv",
            "--registry",
            "examples/registry_2025.yaml",
        ],
    ),
    (
        "S012",
        &[
            "survey",
            "tally",
            "tests/fixtures/years/reworded_2024.csv",
            "tests/fixtures/years/reworded_2025.csv",
        ],
    ),
    (
        "S013",
        &[
            "survey",
            "check",
            "tests/fixtures/years/several_2025.csv",
            "--survey",
            "tests/fixtures/years/several.survey.yaml",
        ],
    ),
    (
        "S010",
        &[
            "survey",
            "tally",
            "tests/fixtures/codes/s010_close_spelling.csv",
            "--registry",
            "examples/registry_2025.yaml",
        ],
    ),
    (
        "S009",
        &[
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--registry",
            "examples/registry_2025.yaml",
        ],
    ),
];

#[test]
fn every_survey_import_and_journal_code_has_a_fixture_that_triggers_it() {
    for rule in CATALOG {
        if matches!(rule.scope, Scope::Registry) {
            continue;
        }
        let Some((_, args)) = CODE_FIXTURES.iter().find(|(code, _)| *code == rule.code) else {
            panic!("{} has no fixture in CODE_FIXTURES", rule.code);
        };
        let mut args: Vec<&str> = args.to_vec();
        args.extend(["--format", "json"]);
        let run = tochki(args.clone());
        let json = run.json();
        let hits = json["findings"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no findings list in {}", rule.code, run.stdout))
            .iter()
            .filter(|f| f["code"] == rule.code)
            .count();
        assert!(hits > 0, "{:?} does not trigger {}", args, rule.code);
    }
}

#[test]
fn the_readme_lists_every_rule_of_the_catalogue() {
    let readme = std::fs::read_to_string(root().join("docs/GUIDE.md")).unwrap();
    for rule in CATALOG {
        let row = format!("| {} | `{}` |", rule.code, rule.name);
        assert!(
            readme.contains(&row),
            "docs/GUIDE.md lacks the row of {}",
            rule.code
        );
        assert!(
            readme.contains(rule.summary),
            "docs/GUIDE.md summary of {} is stale",
            rule.code
        );
    }
}

/// A registry of `processes` processes with one touchpoint each; `bad` gives every touchpoint
/// an unknown channel (one R001 finding per process, on line 9 + 8·i).
fn many_processes(processes: usize, bad: bool) -> String {
    let mut yaml = String::from(
        "organization: Министерство финансов\nareas: [accounting]\ndirections:\n  - name: Бухгалтерский учет\n    processes:\n",
    );
    let points = [
        ("Телефонная связь", "digital"),
        ("Электронная почта", "digital"),
        ("Личный прием", "offline"),
        ("Официальный сайт", "digital"),
    ];
    for i in 0..processes {
        let (point, channel) = points[i % points.len()];
        let channel = if bad {
            "цифровой канал"
        } else {
            channel
        };
        yaml.push_str(&format!(
            "      - name: Процесс {i}\n        touchpoints:\n          - point: {point}\n            channel: {channel}\n            needs: [info, consultation]\n            interaction: Консультации по процессу {i}\n            client: Сотрудники министерства\n            value: Быстрый ответ\n"
        ));
    }
    yaml
}

#[test]
fn hostile_size_many_process_findings_each_in_json_and_said_once_in_text() {
    let processes = 20_000;
    let clean = check_bytes(many_processes(processes, false).as_bytes());
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    let run = check_bytes(many_processes(processes, true).as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), processes);
    for (i, finding) in findings.iter().enumerate() {
        assert_eq!(finding["code"], "R001");
        assert_eq!(
            finding["path"],
            format!("directions[0].processes[{i}].touchpoints[0].channel")
        );
        assert_eq!(finding["line"], 9 + 8 * i as u64, "{finding}");
        assert_eq!(finding["column"], 22);
    }
    // The text output says the same finding once, quoting its first line, with the count and
    // the lines of the others (documents.md «The terminal»); JSON keeps each.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), many_processes(processes, true)).unwrap();
    let text = tochki_in(dir.path(), ["check", "bad.yaml"]);
    assert_eq!(
        text.stdout.matches(" R001 ").count(),
        1,
        "{}",
        &text.stdout[..600]
    );
    assert!(
        text.stdout
            .contains("9 |             channel: цифровой канал\n"),
        "{}",
        &text.stdout[..600]
    );
    assert!(
        text.stdout.contains(&format!(
            "= то же ещё {} раз: строки 17, 25, 33,",
            processes - 1
        )),
        "{}",
        &text.stdout[..600]
    );
    assert!(text.stdout.contains("20000 ошибок"), "{}", text.stdout);
}

#[test]
fn hostile_size_fifty_thousand_nested_brackets_are_one_depth_finding() {
    let depth = 50_000;
    let yaml = format!(
        "organization: x\nextra: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let run = check_bytes(yaml.as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "R001");
    assert_eq!(findings[0]["line"], 2);
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("глубокая вложенность")
    );
}

/// (code, line, column, path) of every finding of a run.
fn findings_of(run: &super::Run) -> Vec<(String, u64, u64, String)> {
    run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
                f["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn empty_groups_fail_check_at_their_line() {
    let head = "organization: Мин\nareas: [accounting]\n";
    type Wanted<'a> = (&'a str, u64, u64, &'a str);
    let cases: [(&str, Wanted); 5] = [
        ("directions: []\n", ("R012", 3, 13, "directions")),
        ("directions:\n", ("R012", 3, 11, "directions")),
        ("", ("R002", 1, 1, "")),
        (
            "directions:\n  - name: d\n    processes: []\n",
            ("R012", 4, 5, "directions[0]"),
        ),
        (
            "directions:\n  - name: d\n    processes:\n      - name: p\n",
            ("R012", 6, 9, "directions[0].processes[0]"),
        ),
    ];
    for (body, (code, line, column, path)) in cases {
        let run = check_bytes(format!("{head}{body}").as_bytes());
        assert_eq!(run.code, 1, "{body}: {}", run.stdout);
        let found = findings_of(&run);
        let wanted = (code.to_string(), line, column, path.to_string());
        assert!(
            found.contains(&wanted),
            "{body}: {found:?} lacks {wanted:?}"
        );
    }
}

#[test]
fn a_need_wording_split_by_flow_list_commas_is_one_finding_asking_for_quotes() {
    let yaml = "organization: Мин\ndirections:\n  - name: d\n    processes:\n      - name: p\n        touchpoints:\n          - point: Сайт\n            channel: digital\n            needs: [представление заявления, обращения, запроса, документов]\n";
    let run = check_bytes(yaml.as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let r004: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "R004")
        .collect();
    assert_eq!(r004.len(), 1, "{r004:?}");
    assert_eq!(r004[0]["line"], 9);
    assert_eq!(r004[0]["column"], 21);
    assert!(r004[0]["help"].as_str().unwrap().contains("в кавычки"));
    assert!(r004[0]["help"].as_str().unwrap().contains("submission"));
    assert!(!r004[0]["message"].as_str().unwrap().contains("feedback"));
}

const READERS_HEAD: &str =
    "organization: Мин\nareas: [accounting]\ndirections:\n  - name: d\n    processes:\n";

#[test]
fn readers_agree_on_a_tab_after_a_colon() {
    // serde_yaml accepts these tabs; no syntax error, and the finding keeps its own line.
    let yaml = format!(
        "{READERS_HEAD}      - name:\tp\n        touchpoints:\n          - point:\tСайт\n            channel:\tцифр\n            needs: [info]\n"
    );
    let run = check_bytes(yaml.as_bytes());
    let found = findings_of(&run);
    assert!(
        found.iter().all(|f| !f.0.is_empty() && f.1 > 1),
        "{found:?}"
    );
    let messages = run.stdout.clone();
    assert!(!messages.contains("корректным YAML"), "{messages}");
    assert!(found.contains(&(
        "R001".to_string(),
        9,
        22,
        "directions[0].processes[0].touchpoints[0].channel".to_string()
    )));
}

#[test]
fn readers_agree_merge_keys_are_refused_with_one_clear_message() {
    let yaml = format!(
        "{READERS_HEAD}      - name: p\n        touchpoints:\n          - &base {{point: Сайт, channel: digital, needs: [info]}}\n          - <<: *base\n            point: Телефон\n"
    );
    let run = check_bytes(yaml.as_bytes());
    assert_eq!(run.code, 1);
    let json = run.json();
    let merge: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains("«<<»"))
        .collect();
    assert_eq!(merge.len(), 1, "{merge:?}");
    assert!(
        merge[0]["message"]
            .as_str()
            .unwrap()
            .contains("не поддерживается")
    );
    assert!(
        !merge[0]["message"]
            .as_str()
            .unwrap()
            .contains("Неизвестный ключ")
    );
    assert_eq!(merge[0]["line"], 9);
    assert_eq!(merge[0]["column"], 13);
}

#[test]
fn readers_agree_a_finding_inside_an_alias_points_at_the_alias() {
    let yaml = format!(
        "{READERS_HEAD}      - name: p\n        touchpoints:\n          - &tp {{point: Сайт, channel: цифр, needs: [info]}}\n      - name: q\n        touchpoints:\n          - *tp\n"
    );
    let run = check_bytes(yaml.as_bytes());
    let found = findings_of(&run);
    let channel = |p: usize| format!("directions[0].processes[{p}].touchpoints[0].channel");
    assert!(
        found.contains(&("R001".to_string(), 8, 40, channel(0))),
        "{found:?}"
    );
    assert!(
        found.contains(&("R001".to_string(), 11, 13, channel(1))),
        "{found:?}"
    );
}

#[test]
fn readers_agree_a_second_document_is_pointed_at_its_marker() {
    let yaml = "organization: Мин\ndirections: []\n---\norganization: Другое\n";
    let (line, message) = only_finding(&check_bytes(yaml.as_bytes()));
    assert_eq!(line, Some(3));
    assert!(message.contains("несколько YAML-документов"), "{message}");
}

#[test]
fn valid_yaml_that_tochki_does_not_read_is_said_to_be_valid() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("dots.yaml", "...\n"),
        ("version.yaml", "%YAML 1.3\n---\norganization: x\n"),
        ("empty_key.yaml", ": v\norganization: x\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let run = tochki(["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}");
        assert!(
            run.stdout.contains("допустимый YAML, но tochki"),
            "{name}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_latin_letter_in_a_russian_channel_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.yaml");
    std::fs::write(
        &path,
        "organization: x\ndirections:\n  - name: d\n    processes:\n      - name: p\n        touchpoints:\n          - {point: Сайт, channel: цифрoвая, needs: [info]}\n",
    )
    .unwrap();
    let run = tochki(["check", path.to_str().unwrap()]);
    assert!(run.stdout.contains("латинские буквы «o»"), "{}", run.stdout);
}
