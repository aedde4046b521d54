//! The yearly cycle (cycle.md): the questionnaire built from the registry by `survey init`, and
//! its answers landing on the registry's processes.

use crate::tochki;

#[test]
fn survey_init_writes_a_definition_whose_form_exports_tally_by_process() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let run = tochki(["survey", "init", "examples/registry_2025.yaml", "-o", out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in ["survey.yaml", "anketa.md", "anketa.docx", "form_rows.txt"] {
        assert!(
            dir.path().join(format!("registry_2025.{name}")).exists(),
            "{name}"
        );
    }
    // A form built from the pasted rows exports «Вопрос [Строка]» headers, as Google Forms does.
    let rows = std::fs::read_to_string(dir.path().join("registry_2025.form_rows.txt")).unwrap();
    let lines: Vec<&str> = rows.lines().collect();
    let grid = lines[1];
    let first = lines.iter().position(|l| l.starts_with("Строки")).unwrap() + 1;
    let processes: Vec<&str> = lines[first..]
        .iter()
        .take_while(|l| !l.is_empty())
        .copied()
        .collect();
    assert_eq!(processes.len(), 5);
    let overall_at = lines
        .iter()
        .position(|l| l.starts_with("Общий вопрос"))
        .unwrap()
        + 1;
    let mut csv = format!("Отметка времени,\"{}\"", lines[overall_at]);
    for process in &processes {
        csv.push_str(&format!(",\"{grid} [{process}]\""));
    }
    csv.push_str(",Проблемы,Предложения\n");
    for i in 0..6 {
        csv.push_str(&format!("0{}.11.2025 10:00:00,Удовлетворен", i + 1));
        for _ in &processes {
            csv.push_str(",Скорее удовлетворен");
        }
        csv.push_str(",,\n");
    }
    let export = dir.path().join("export.csv");
    std::fs::write(&export, csv).unwrap();
    let definition = dir.path().join("registry_2025.survey.yaml");
    let tally = tochki([
        "survey",
        "tally",
        export.to_str().unwrap(),
        "--survey",
        definition.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(tally.code, 0, "{}", tally.stderr);
    let report = tally.json();
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        0,
        "{}",
        tally.stdout
    );
    let labels: Vec<&str> = report["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .filter(|l| *l != "overall")
        .collect();
    assert_eq!(labels, processes);
    // The Word questionnaire holds the grid: a row per process under its header.
    let grids =
        tochki::table::docx::read(&dir.path().join("registry_2025.anketa.docx"), "a").unwrap();
    assert_eq!(grids[0].rows.len(), processes.len() + 1);
    assert_eq!(grids[0].rows[1].slots[0].text, processes[0]);
}

#[test]
fn survey_init_never_overwrites_and_writes_nothing_when_one_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("registry_2025.anketa.md");
    std::fs::write(&existing, "моя анкета").unwrap();
    let run = tochki([
        "survey",
        "init",
        "examples/registry_2025.yaml",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("не перезаписывает"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "моя анкета");
    assert!(!dir.path().join("registry_2025.survey.yaml").exists());
    // A registry read from a Word table works as well.
    let word = tempfile::tempdir().unwrap();
    let run = tochki([
        "survey",
        "init",
        "examples/smolensk_appendix.docx",
        "-o",
        word.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Процессов в анкете: 7"),
        "{}",
        run.stdout
    );
}
