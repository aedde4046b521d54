//! One table reader for every command (issue 25, import.md «Every row and column accounted
//! for»): the same quirks (a title block above the header, the row of column numbers, a row
//! hidden by hand, a hidden sheet, a totals row, a signature and an «Исполнитель» line, a
//! spreadsheet error value) read the same way by `import`, `requests` and `survey tally`, each
//! with an account (ledger) whose counts add up to the table's rows. Fixtures:
//! scripts/make_table_quirks.py.

use super::tochki;
use serde_json::Value;

const DIR: &str = "tests/fixtures/tables";

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The count of a fate in a table account of the JSON ledger (0 when absent).
fn count(table: &Value, fate: &str) -> u64 {
    table["counts"][fate].as_u64().unwrap_or(0)
}

/// The counts of a table account add up to its rows, and its runs cover rows 1..=rows once.
fn adds_up(table: &Value) {
    let rows = table["rows"].as_u64().unwrap();
    let sum: u64 = table["counts"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(sum, rows, "{table}");
    let mut next = 1;
    for run in table["runs"].as_array().unwrap() {
        assert_eq!(run["from"].as_u64().unwrap(), next, "{table}");
        next = run["to"].as_u64().unwrap() + 1;
    }
    assert_eq!(next - 1, rows, "{table}");
}

/// The rows of a table account with a fate, in order.
fn rows_of(table: &Value, fate: &str) -> Vec<u64> {
    table["runs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["fate"] == fate)
        .flat_map(|r| r["from"].as_u64().unwrap()..=r["to"].as_u64().unwrap())
        .collect()
}

#[test]
fn import_skips_totals_signatures_hidden_rows_and_error_values_and_says_so() {
    let run = tochki(["import", &path("registry.xlsx")]);
    // I009 (an error value) is an error: written, exit 1.
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Four touchpoints: the hidden one, the totals, the signature and the executor are not.
    assert_eq!(run.stdout.matches("- point:").count(), 4, "{}", run.stdout);
    for absent in ["Итого", "Иванова", "Петрова", "Факс", "#Н/Д", "3812"] {
        assert!(!run.stdout.contains(absent), "{absent} in\n{}", run.stdout);
    }
    for said in [
        "Перечень!G9 (графа «Внутренний клиент»): I009",
        "Перечень!A11 (графа «№ п/п»): I008 замечание: строка пропущена — итог",
        "Перечень!A12 (графа «№ п/п»): I008 замечание: строка пропущена — подпись или исполнитель",
        "Прочитано строк: 13 — точек 4, шапка 2; пропущено 7: строка 8 — скрытая, строка 11 — итог, строка 12 — подпись или исполнитель, строка 13 — подпись или исполнитель, над шапкой 3",
        "скрытые листы книги: «Справочник»",
    ] {
        assert!(run.stderr.contains(said), "{said} not in\n{}", run.stderr);
    }
}

#[test]
fn a_word_registry_cut_into_two_tables_without_a_second_header_is_one_registry() {
    let run = tochki(["import", &path("registry.docx")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.matches("- point:").count(), 4, "{}", run.stdout);
    assert!(run.stdout.contains("Личный кабинет сотрудника"));
    assert!(!run.stdout.contains("Иванова"));
    assert!(
        run.stderr.contains(
            "пропущено 2: таблица 2, строка 3 — итог, таблица 2, строка 4 — подпись или исполнитель; присоединены как продолжение: таблица 2"
        ),
        "{}",
        run.stderr
    );
}

/// `requests --format json` on a journal: its ledger's only table, and the requests' rows.
fn journal(name: &str) -> (Value, Vec<u64>, Vec<String>) {
    let run = tochki([
        "requests",
        &path(name),
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
    ]);
    // J002 for «#Н/Д» in the answer's date.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let tables = json["ledger"]["tables"].as_array().unwrap().clone();
    assert_eq!(tables.len(), 1, "{json}");
    let rows = json["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    let codes = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["code"].as_str().unwrap(), f["row"]))
        .collect();
    (tables[0].clone(), rows, codes)
}

#[test]
fn requests_give_the_same_account_of_a_workbook_and_its_csv() {
    let (xlsx, xlsx_rows, xlsx_codes) = journal("journal.xlsx");
    let (csv, csv_rows, csv_codes) = journal("journal.csv");
    adds_up(&xlsx);
    adds_up(&csv);
    // The workbook's row 7 is hidden by hand: not read, and said; the CSV never had it.
    assert_eq!(rows_of(&xlsx, "hidden"), vec![7]);
    assert_eq!(xlsx_rows, vec![5, 6, 9]);
    assert_eq!(csv_rows, vec![5, 6, 8]);
    assert_eq!(xlsx_codes, vec!["J002 8"]);
    assert_eq!(csv_codes, vec!["J002 7"]);
    for table in [&xlsx, &csv] {
        assert_eq!(count(table, "title"), 2, "{table}");
        assert_eq!(count(table, "header"), 1, "{table}");
        assert_eq!(count(table, "column_numbers"), 1, "{table}");
        assert_eq!(count(table, "record"), 3, "{table}");
        assert_eq!(count(table, "totals"), 1, "{table}");
        assert_eq!(count(table, "signature"), 1, "{table}");
        assert_eq!(count(table, "finding"), 1, "{table}");
    }
}

/// `survey tally --format json` on a paper survey: respondents and the wave's ledger.
fn survey(name: &str) -> (u64, Value, String) {
    let run = tochki(["survey", "tally", &path(name), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let wave = &json["waves"][0];
    (
        wave["respondents"].as_u64().unwrap(),
        wave["ledger"].clone(),
        run.stderr,
    )
}

#[test]
fn the_survey_counts_no_totals_row_nor_hidden_row_as_a_questionnaire() {
    let (xlsx_respondents, xlsx, xlsx_notes) = survey("survey.xlsx");
    let (csv_respondents, csv, _) = survey("survey.csv");
    adds_up(&xlsx);
    adds_up(&csv);
    // Twelve answers typed, one hidden by hand in the workbook (and left out of its CSV).
    assert_eq!(xlsx_respondents, 11);
    assert_eq!(csv_respondents, 11);
    assert_eq!(rows_of(&xlsx, "hidden"), vec![5]);
    assert_eq!(rows_of(&xlsx, "totals"), vec![15]);
    assert_eq!(rows_of(&csv, "totals"), vec![13]);
    assert_eq!(count(&xlsx, "title"), 1);
    assert!(
        xlsx_notes.contains("скрытые листы книги не прочитаны: «Служебный»"),
        "{xlsx_notes}"
    );
    // --population 11 for a census of all eleven is accepted: the totals row is no one.
    let run = tochki(["survey", "tally", &path("survey.csv"), "--population", "11"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn the_same_quirk_means_the_same_to_every_command() {
    // A totals row and a signature line under the table, a title above the header: skipped,
    // and named by the same words in each command's summary.
    let import = tochki(["import", &path("registry.xlsx")]).stderr;
    let requests = tochki(["requests", &path("journal.xlsx"), "--as-of", "2025-04-30"]).stderr;
    let survey = tochki(["survey", "tally", &path("survey.xlsx")]).stderr;
    for stderr in [&import, &requests, &survey] {
        assert!(stderr.contains("Прочитано строк:"), "{stderr}");
        assert!(stderr.contains("— итог"), "{stderr}");
        assert!(stderr.contains("— скрытая"), "{stderr}");
        assert!(stderr.contains("над шапкой"), "{stderr}");
    }
    for stderr in [&import, &requests] {
        assert!(stderr.contains("— подпись или исполнитель"), "{stderr}");
    }
}

/// A command's output on the workbook and on the same table saved by LibreOffice Calc (.ods):
/// the same, but for the file's name.
fn same_for_ods(args: &[&str], xlsx: &str) {
    let ods = xlsx.replace(".xlsx", ".ods");
    let with = |file: &str| {
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        all.insert(args.iter().position(|a| *a == "FILE").unwrap(), path(file));
        all.retain(|a| a != "FILE");
        let run = tochki(all.iter().map(String::as_str));
        (
            run.code,
            run.stdout.replace(file, "F"),
            run.stderr.replace(file, "F"),
        )
    };
    let (a, b) = (with(xlsx), with(&ods));
    // The result and the ledger's line are the same; the notes on what was hidden may word a
    // sheet's hidden parts by the reader's own account, but name the same hidden sheet.
    assert_eq!(
        (a.0, &a.1),
        (b.0, &b.1),
        "{xlsx} and {ods} read differently"
    );
    let ledger = |stderr: &str| {
        stderr
            .lines()
            .filter(|l| l.contains("Прочитано строк"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(ledger(&a.2), ledger(&b.2), "{}\n---\n{}", a.2, b.2);
    assert!(!ledger(&b.2).is_empty(), "{}", b.2);
    for hidden in ["«Справочник»", "«Черновик»", "«Служебный»"] {
        assert_eq!(
            a.2.contains(hidden),
            b.2.contains(hidden),
            "{hidden}: {}",
            b.2
        );
    }
}

#[test]
fn an_opendocument_spreadsheet_reads_as_its_workbook_does_in_every_command() {
    same_for_ods(&["import", "FILE"], "registry.xlsx");
    same_for_ods(
        &[
            "requests",
            "FILE",
            "--as-of",
            "2025-04-30",
            "--format",
            "json",
        ],
        "journal.xlsx",
    );
    same_for_ods(
        &["survey", "tally", "FILE", "--format", "json"],
        "survey.xlsx",
    );
    // The error value Calc stores as a typed error beside a float 0 is the error, not 0.
    let run = tochki(["import", &path("registry.ods")]);
    assert!(
        run.stderr
            .contains("Перечень!G9 (графа «Внутренний клиент»): I009"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("скрытые листы книги: «Справочник»"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_web_page_named_xls_is_refused_by_what_it_is_in_every_command() {
    let file = path("sed_export.xls");
    for args in [
        vec!["import", file.as_str()],
        vec!["requests", file.as_str(), "--as-of", "2025-04-30"],
        vec!["survey", "tally", file.as_str()],
    ] {
        let run = tochki(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("sed_export.xls: это веб-страница (HTML) с таблицей")
                && run.stderr.contains("сохраните как .xlsx или .ods"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn check_show_and_stats_on_a_table_give_its_ledger_too() {
    let run = tochki(["check", &path("registry.xlsx"), "--format", "json"]);
    let json = run.json();
    let table = &json["ledgers"][0]["ledger"]["tables"][0];
    adds_up(table);
    assert_eq!(count(table, "record"), 4, "{json}");
    assert_eq!(rows_of(table, "totals"), vec![11]);
    // A YAML registry has no table, and no ledger.
    let yaml = tochki([
        "check",
        "registries/omsk_accounting.yaml",
        "--format",
        "json",
    ])
    .json();
    assert!(yaml.get("ledgers").is_none(), "{yaml}");
    for args in [
        vec!["check", "FILE"],
        vec!["show", "FILE"],
        vec!["stats", "FILE"],
    ] {
        let file = path("registry.ods");
        let args: Vec<&str> = args
            .into_iter()
            .map(|a| if a == "FILE" { file.as_str() } else { a })
            .collect();
        let run = tochki(&args);
        assert!(
            run.stderr
                .contains("registry.ods: Прочитано строк: 13 — точек 4"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_title_line_above_a_csv_surveys_header_is_a_title_as_in_its_workbook() {
    let (xlsx_respondents, xlsx, _) = survey("survey.xlsx");
    let (respondents, csv, stderr) = survey("survey_title.csv");
    adds_up(&csv);
    assert_eq!(respondents, xlsx_respondents, "{stderr}");
    assert_eq!(rows_of(&csv, "title"), rows_of(&xlsx, "title"));
    assert_eq!(rows_of(&csv, "header"), vec![2]);
    assert_eq!(count(&csv, "finding"), 0, "{csv}");
}

#[test]
fn a_repeated_header_and_a_hidden_column_mean_the_same_to_every_command() {
    for ext in ["xlsx", "ods"] {
        let file = |name: &str| path(&format!("{name}_repeat.{ext}"));
        let import = tochki(["import", &file("registry")]);
        assert_eq!(import.stdout.matches("- point:").count(), 4, "{ext}");
        assert!(
            !import.stdout.contains("проверить"),
            "{ext}: hidden column read"
        );
        assert!(
            import
                .stderr
                .contains("Прочитано строк: 6 — точек 4, шапка 2")
                && import.stderr.contains("скрытые столбцы: H"),
            "{ext}: {}",
            import.stderr
        );
        let requests = tochki([
            "requests",
            &file("journal"),
            "--as-of",
            "2025-04-30",
            "--format",
            "json",
        ]);
        let json = requests.json();
        let table = &json["ledger"]["tables"][0];
        adds_up(table);
        assert_eq!(rows_of(table, "header"), vec![1, 4], "{ext}: {table}");
        assert_eq!(count(table, "record"), 3, "{ext}: {table}");
        assert!(
            !requests.stdout.contains("913"),
            "{ext}: hidden column read"
        );
        assert!(
            requests.stderr.contains("скрытые столбцы") && requests.stderr.contains('F'),
            "{ext}: {}",
            requests.stderr
        );
        let survey = tochki(["survey", "tally", &file("survey"), "--format", "json"]);
        let json = survey.json();
        let wave = &json["waves"][0];
        adds_up(&wave["ledger"]);
        assert_eq!(wave["respondents"], 6, "{ext}: {json}");
        assert_eq!(rows_of(&wave["ledger"], "header"), vec![1, 5], "{ext}");
        assert!(
            survey.stderr.contains("скрытые столбцы не прочитаны: D"),
            "{ext}: {}",
            survey.stderr
        );
        assert!(!survey.stdout.contains("Иванова"), "{ext}");
    }
}
