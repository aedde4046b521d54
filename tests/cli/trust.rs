//! Issue 8 on the survey side: no path by which a respondent can be identified, no figure that is
//! quietly wrong, no export that makes the tool hang or eat memory. Every promise is tried on
//! every output it reaches, on the fixtures of tests/fixtures/survey/ (written by
//! scripts/make_trust_fixtures.py).

use super::{Run, raw_rows, root, tochki, tochki_in};
use serde_json::Value;

const PERSONAL: &str = "tests/fixtures/survey/personal_by_values.csv";
const SMALL: &str = "tests/fixtures/survey/small_group_per_item.csv";

/// Every value of the personal fixture that identifies someone, and the pieces a reader could
/// recognise: surnames, e-mail local parts, the last digits of phones.
fn identifying_values() -> Vec<String> {
    let rows = raw_rows(PERSONAL);
    let mut values = Vec::new();
    for row in &rows[1..] {
        values.push(row[1].clone());
        values.push(row[1].split(' ').next().unwrap().to_string());
        let digits: String = row[2].chars().filter(char::is_ascii_digit).collect();
        values.push(digits[digits.len() - 7..].to_string());
        values.push(row[2].clone());
        values.push(row[3].clone());
        values.push(row[3].split('@').next().unwrap().to_string());
        if !row[8].is_empty() {
            values.push(row[8].clone());
        }
    }
    // Contacts written inside free-text answers and as a segment value.
    values.extend(
        [
            "petrova.anna",
            "555-66-77",
            "5556677",
            "olga.p@mail.ru",
            "olga.p",
        ]
        .map(String::from),
    );
    values
}

/// Text of every part of an XLSX file (its XML), to look for values in it.
fn xlsx_text(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    }
    text
}

/// What every survey command writes for the personal fixture: stdout, stderr and every file.
fn every_output_of_the_personal_fixture() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join(PERSONAL);
    let file = fixture.to_str().unwrap();
    let mut outputs = Vec::new();
    let mut run = |name: String, args: Vec<&str>| {
        let run = tochki_in(dir.path(), &args);
        assert!(run.code <= 1, "{name}: {}", run.stderr);
        outputs.push((name, format!("{}\n{}", run.stdout, run.stderr)));
    };
    for format in ["table", "json", "csv", "markdown"] {
        for by in ["Категория должностей", "Подразделение"] {
            run(
                format!("tally {format} --by {by}"),
                vec![
                    "survey",
                    "tally",
                    "--format",
                    format,
                    "--by",
                    by,
                    "--min-group",
                    "1",
                    file,
                ],
            );
        }
    }
    for format in ["text", "json"] {
        run(
            format!("check {format}"),
            vec!["survey", "check", "--format", format, file],
        );
    }
    for format in ["csv", "markdown"] {
        run(
            format!("pains {format}"),
            vec!["survey", "pains", "--format", format, file],
        );
    }
    run(
        "pains xlsx".into(),
        vec![
            "survey",
            "pains",
            "--format",
            "xlsx",
            "-o",
            "pains.xlsx",
            file,
        ],
    );
    run(
        "report".into(),
        vec![
            "survey",
            "report",
            "--by",
            "Подразделение",
            "--min-group",
            "1",
            "-o",
            "report.html",
            file,
        ],
    );
    outputs.push((
        "pains.xlsx (file)".into(),
        xlsx_text(&dir.path().join("pains.xlsx")),
    ));
    outputs.push((
        "report.html (file)".into(),
        std::fs::read_to_string(dir.path().join("report.html")).unwrap(),
    ));
    outputs
}

#[test]
fn values_that_identify_people_never_reach_any_output() {
    let values = identifying_values();
    let outputs = every_output_of_the_personal_fixture();
    assert!(outputs.len() > 10);
    for (name, text) in &outputs {
        for value in &values {
            assert!(!text.contains(value.as_str()), "{name} shows «{value}»");
        }
    }
    // The free-text answers are there, their contacts masked.
    let pains = &outputs
        .iter()
        .find(|(n, _)| n == "pains markdown")
        .unwrap()
        .1;
    assert!(pains.contains("пишите мне на p***@…"), "{pains}");
    assert!(pains.contains("Перезвоните: +7 ***"), "{pains}");
    let report = &outputs
        .iter()
        .find(|(n, _)| n == "report.html (file)")
        .unwrap()
        .1;
    assert!(report.contains("p***@…"));
}

#[test]
fn columns_found_personal_by_their_values_are_never_segments() {
    for (column, why) in [
        ("Сотрудник", "ФИО"),
        ("Номер для обратной связи", "номера телефонов"),
        ("Адрес", "адреса электронной почты"),
        (
            "Оставьте e-mail, если хотите получить ответ на предложение",
            "персональные",
        ),
    ] {
        let run = tochki(["survey", "tally", "--by", column, PERSONAL]);
        assert_eq!(run.code, 2, "{column}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{column}: {}", run.stdout);
        assert!(run.stderr.contains(why), "{column}: {}", run.stderr);
        assert!(run.stderr.contains("Смоленск 5.2"), "{}", run.stderr);
        for value in identifying_values() {
            assert!(!run.stderr.contains(value.as_str()), "{value}");
        }
    }
}

#[test]
fn every_personal_column_is_named_by_s003_and_is_no_item() {
    let run = tochki(["survey", "check", "--format", "json", PERSONAL]);
    let json = run.json();
    let mut s003: Vec<u64> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S003")
        .map(|f| f["column"].as_u64().unwrap())
        .collect();
    s003.sort();
    assert_eq!(s003, [2, 3, 4, 9]);
    let tally = tochki(["survey", "tally", "--format", "json", PERSONAL]).json();
    let labels: Vec<&str> = tally["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Консультации", "Расчетные листки"]);
}

/// The groups of one item of a tally, as JSON.
fn groups_of(json: &Value, label: &str) -> Vec<Value> {
    json["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == label)
        .unwrap_or_else(|| panic!("no item {label}"))["groups"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_group_is_hidden_by_who_answered_the_item_not_by_its_questionnaires() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "--by",
        "Категория должностей",
        SMALL,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let rows = raw_rows(SMALL);
    // Answers per group and item, counted here from the raw file.
    let answered = |group: &str, column: usize| {
        rows[1..]
            .iter()
            .filter(|r| r[1] == group && !r[column].is_empty())
            .count() as u64
    };
    assert_eq!(answered("Руководитель", 3), 1);
    // Консультации: every group of 6 or more answered it, all shown.
    for group in groups_of(&json, "Консультации") {
        let name = group["group"].as_str().unwrap();
        assert_eq!(group["n"], answered(name, 2), "{name}");
    }
    // Командировки: one head of department answered; that group is hidden, and the next
    // smallest with it, so the one answer cannot be recovered from the total.
    let trips = groups_of(&json, "Командировки");
    let hidden: Vec<&str> = trips
        .iter()
        .filter(|g| g["suppressed"] == true)
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(hidden, ["Руководитель", "Обеспечивающий специалист"]);
    for group in &trips {
        if group["suppressed"] == true {
            assert!(group.get("counts").is_none() && group.get("n").is_none());
        }
    }
    // The table and Markdown say «скрыто» for it and never show its figures.
    for format in ["table", "markdown", "csv"] {
        let run = tochki([
            "survey",
            "tally",
            "--format",
            format,
            "--by",
            "Категория должностей",
            SMALL,
        ]);
        // Markdown names the item once, above its groups; the others on every row.
        let same_line = format != "markdown";
        let line = run
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("| Командировки") && !same_line)
            .find(|l| l.contains("Руководитель") && (!same_line || l.contains("Командировки")))
            .unwrap_or_else(|| panic!("{format}: {}", run.stdout));
        assert!(line.contains("скрыто"), "{format}: {line}");
    }
}

#[test]
fn a_cp1251_semicolon_export_with_commas_in_its_headers_is_read() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "tests/fixtures/survey/cp1251_semicolon_commas.csv",
    ]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let json = run.json();
    let items = json["waves"][0]["items"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        [
            "Оформление отпусков, командировок",
            "Справки, копии, выписки",
            "Консультации по кадровым вопросам, срокам"
        ]
    );
    for item in items {
        assert_eq!(item["n"], 20);
    }
    assert_eq!(json["waves"][0]["respondents"], 20);
}

/// Level of an item (satisfied / with opinion, percent) from the raw rows.
fn raw_level(file: &str, column: usize) -> f64 {
    let rows = raw_rows(file);
    let values: Vec<&str> = rows[1..].iter().map(|r| r[column].as_str()).collect();
    let satisfied = values
        .iter()
        .filter(|v| **v == "Полностью удовлетворен" || **v == "Скорее удовлетворен")
        .count();
    let opinion = values
        .iter()
        .filter(|v| **v != "Затрудняюсь ответить" && !v.is_empty())
        .count();
    satisfied as f64 * 100.0 / opinion as f64
}

#[test]
fn grids_sharing_a_row_text_are_two_items_in_every_year() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "tests/fixtures/survey/grids_2024.csv",
        "tests/fixtures/survey/grids_2025.csv",
    ]);
    let json = run.json();
    let headers = &raw_rows("tests/fixtures/survey/grids_2024.csv")[0];
    let dynamics = json["dynamics"].as_array().unwrap();
    assert_eq!(dynamics.len(), 2, "{dynamics:?}");
    for (column, header) in headers.iter().enumerate().skip(1) {
        let d = dynamics
            .iter()
            .find(|d| d["item"] == header.as_str())
            .unwrap_or_else(|| panic!("no dynamics for {header}: {dynamics:?}"));
        let expected = raw_level("tests/fixtures/survey/grids_2025.csv", column)
            - raw_level("tests/fixtures/survey/grids_2024.csv", column);
        let delta = d["delta_pp"].as_f64().unwrap();
        assert!(
            (delta - expected).abs() < 0.06,
            "{header}: {delta} vs {expected}"
        );
    }
    // Accounting rose from 30% to 95%, HR fell from 90% to 20%.
    assert!(run.stdout.contains("65.0") && run.stdout.contains("-70.0"));
}

#[test]
fn population_is_checked_against_every_answer() {
    // 22 people rated «Консультации», 4 of them «затрудняюсь ответить».
    let rows = raw_rows(SMALL);
    let answers = rows[1..].iter().filter(|r| !r[2].is_empty()).count();
    let unsure = rows[1..]
        .iter()
        .filter(|r| r[2] == "Затрудняюсь ответить")
        .count();
    assert!(unsure > 0);
    let population = (answers - 1).to_string();
    let run = tochki(["survey", "tally", "--population", &population, SMALL]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains(&format!("ответили {answers} человек")),
        "{}",
        run.stderr
    );
}

#[test]
fn xlsx_dates_are_dates_everywhere() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let stamp = Format::new().set_num_format("dd.mm.yyyy hh:mm:ss");
    for (c, header) in [
        "Отметка времени",
        "Дата приема на работу",
        "Оцените [Консультации]",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for r in 1..=10u32 {
        let when = ExcelDateTime::parse_from_str(&format!("2025-11-{r:02} 10:15:30")).unwrap();
        sheet
            .write_datetime_with_format(r, 0, &when, &stamp)
            .unwrap();
        let hired = ExcelDateTime::parse_from_str(if r % 2 == 0 {
            "2025-11-01"
        } else {
            "2019-03-15"
        })
        .unwrap();
        sheet
            .write_datetime_with_format(r, 1, &hired, &date)
            .unwrap();
        sheet.write_string(r, 2, "Скорее удовлетворен").unwrap();
    }
    workbook.save(dir.path().join("answers.xlsx")).unwrap();
    let run = tochki_in(
        dir.path(),
        [
            "survey",
            "tally",
            "--format",
            "json",
            "--by",
            "Дата приема на работу",
            "answers.xlsx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let groups = run.json()["waves"][0]["items"][0]["groups"].clone();
    let names: Vec<&str> = groups
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2019-03-15", "2025-11-01"]);
    // Excel's serial number of 2025-11-01 is 45962: it never shows.
    assert!(!run.stdout.contains("45962"));
}

fn assert_russian_and_named(run: &Run, file: &str) {
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains(file), "{}", run.stderr);
    for english in [
        "os error",
        "No such file",
        "Zip",
        "zip archive",
        "invalid",
        "Error",
    ] {
        assert!(!run.stderr.contains(english), "{english}: {}", run.stderr);
    }
}

#[test]
fn messages_about_unreadable_exports_are_russian() {
    let dir = tempfile::tempdir().unwrap();
    // Excel's «Юникод-текст»: UTF-16 with a byte order mark, tab-delimited.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Отметка времени\tОцените [Консультации]\r\n".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("unicode.txt"), &utf16).unwrap();
    let run = tochki_in(dir.path(), ["survey", "tally", "unicode.txt"]);
    assert_russian_and_named(&run, "unicode.txt");
    assert!(run.stderr.contains("UTF-16") && run.stderr.contains("CSV UTF-8"));
    // A damaged workbook.
    std::fs::write(
        dir.path().join("broken.xlsx"),
        b"PK\x03\x04 not really a zip",
    )
    .unwrap();
    let run = tochki_in(dir.path(), ["survey", "tally", "broken.xlsx"]);
    assert_russian_and_named(&run, "broken.xlsx");
    assert!(run.stderr.contains("книга Excel"), "{}", run.stderr);
    // A folder given as an export, and a definition that is not there.
    std::fs::create_dir(dir.path().join("exports.csv")).unwrap();
    let run = tochki_in(dir.path(), ["survey", "tally", "exports.csv"]);
    assert_russian_and_named(&run, "exports.csv");
    let export = root().join("examples/survey_2025.csv");
    let run = tochki_in(
        dir.path(),
        [
            "survey",
            "tally",
            "--survey",
            "missing.survey.yaml",
            export.to_str().unwrap(),
        ],
    );
    assert_russian_and_named(&run, "missing.survey.yaml");
}

#[test]
fn markdown_escapes_answer_texts() {
    let run = tochki(["survey", "pains", "--format", "markdown", PERSONAL]);
    // Markup is no respondent's proposal: never quoted, counted in a note.
    assert!(!run.stdout.contains("script"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("формулы электронной таблицы, разметка или одна ссылка"),
        "{}",
        run.stdout
    );
    // Every table row keeps its seven cells.
    for line in run.stdout.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 8, "{line}");
    }
}

#[test]
fn an_xlsx_zip_bomb_is_refused_before_it_unpacks() {
    let run = tochki(["survey", "tally", "tests/fixtures/survey/zip_bomb.xlsx"]);
    assert_russian_and_named(&run, "zip_bomb.xlsx");
    assert!(
        run.stderr.contains("распаковывается больше"),
        "{}",
        run.stderr
    );
}

#[test]
fn twenty_thousand_columns_are_read_and_their_duplicates_found() {
    let dir = tempfile::tempdir().unwrap();
    let headers: Vec<String> = (0..20_000)
        .map(|i| format!("Оцените [Вопрос {i}]"))
        .collect();
    let row: Vec<&str> = (0..20_000)
        .map(|i| ["Полностью удовлетворен", "Скорее не удовлетворен"][i % 2])
        .collect();
    let mut text = headers.join(",") + "\n";
    for _ in 0..3 {
        text += &(row.join(",") + "\n");
    }
    std::fs::write(dir.path().join("wide.csv"), &text).unwrap();
    let run = tochki_in(
        dir.path(),
        // Three respondents: shown only with the minimum group lowered to them.
        [
            "survey",
            "tally",
            "--format",
            "json",
            "--min-group",
            "1",
            "wide.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let items = json["waves"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 20_000);
    assert_eq!(items[19_999]["counts"]["Скорее не удовлетворен"], 3);
    // The same export with the last header repeating an earlier one.
    let repeated = text.replacen("Оцените [Вопрос 19999]", "Оцените [Вопрос 17]", 1);
    std::fs::write(dir.path().join("wide.csv"), repeated).unwrap();
    let run = tochki_in(dir.path(), ["survey", "tally", "wide.csv"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("столбцы 18 и 20000"), "{}", run.stderr);
}

#[test]
fn free_text_and_identifier_columns_are_no_segments() {
    // Free text: every answer its own group.
    let run = tochki([
        "survey",
        "tally",
        "--by",
        "Предложения по улучшению",
        PERSONAL,
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("свободный текст"), "{}", run.stderr);
    assert!(!run.stderr.contains("Больше консультаций"));
    // A column of 64 different timestamps on 64 questionnaires is no category either.
    let run = tochki([
        "survey",
        "tally",
        "--by",
        "Отметка времени",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("не категория"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

/// stdout and stderr of every format of `tally --by COLUMN FILE`, and the HTML report.
fn every_view_by(column: &str, file: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = root().join(file);
    let path = path.to_str().unwrap();
    let mut views = Vec::new();
    for format in ["table", "json", "csv", "markdown"] {
        let run = tochki_in(
            dir.path(),
            ["survey", "tally", "--format", format, "--by", column, path],
        );
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        views.push((format.to_string(), run.stdout + &run.stderr));
    }
    let run = tochki_in(
        dir.path(),
        [
            "survey",
            "report",
            "--by",
            column,
            "-o",
            "report.html",
            path,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    views.push(("report".into(), html));
    views
}

#[test]
fn a_segment_value_too_few_people_share_is_never_printed() {
    let single = [
        "ИВАНОВ",
        "Ivanov",
        "Smirnova",
        "Петров",
        "Смирнова",
        "Заместитель министра",
        "petrov@mail.ru",
        "345-67-01",
    ];
    for (view, text) in every_view_by("Подразделение", "tests/fixtures/survey/small_values.csv")
    {
        for value in single {
            assert!(!text.contains(value), "{view} shows «{value}»");
        }
        assert!(text.contains("Бухгалтерия"), "{view}");
        // A terminal table may wrap the label in its cell: its words are there.
        assert!(text.contains("(малая группа"), "{view}");
    }
}

/// The groups of the first item, as (name, n or None when suppressed).
fn first_item_groups(run: &Run) -> Vec<(String, Option<u64>)> {
    run.json()["waves"][0]["items"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["group"].as_str().unwrap().to_string(), g["n"].as_u64()))
        .collect()
}

#[test]
fn answers_outside_the_scale_never_make_a_group_visible() {
    let file = "tests/fixtures/survey/misfits_in_small_groups.csv";
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "--by",
        "Категория должностей",
        file,
    ]);
    let groups = first_item_groups(&run);
    // Five heads of department, one answer on the scale: hidden. Five trainees, none on the
    // scale: hidden. Together they hold one answer, so a shown group is hidden with them and the
    // one answer cannot be had as the total minus the shown groups.
    let shown: Vec<&(String, Option<u64>)> = groups.iter().filter(|g| g.1.is_some()).collect();
    assert_eq!(shown.len(), 1, "{groups:?}");
    let total = run.json()["waves"][0]["items"][0]["n"].as_u64().unwrap();
    let hidden_answers = total - shown.iter().map(|g| g.1.unwrap()).sum::<u64>();
    assert!(
        hidden_answers >= 5,
        "{hidden_answers} answers hidden: {groups:?}"
    );
}

#[test]
fn names_in_values_outside_the_scale_and_in_timestamps_are_masked() {
    let run = tochki([
        "survey",
        "check",
        "--format",
        "json",
        "tests/fixtures/survey/names_in_values.csv",
    ]);
    let json = run.json();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "S002").count(),
        3,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == "S006").count(),
        2,
        "{codes:?}"
    );
    for text in [
        run.stdout.as_str(),
        &tochki([
            "survey",
            "check",
            "tests/fixtures/survey/names_in_values.csv",
        ])
        .stdout,
    ] {
        for value in [
            "ИВАНОВ",
            "Ivanov",
            "Иванов",
            "23-45-67",
            "Смирнова",
            "345-67-01",
        ] {
            assert!(!text.contains(value), "«{value}» in {text}");
        }
    }
}

#[test]
fn population_is_at_least_the_questionnaires() {
    // 22 questionnaires; «Командировки» was answered by 17 of them.
    let run = tochki(["survey", "tally", "--population", "20", SMALL]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("ответили 22 человека"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_result_is_written_over_the_survey_definition() {
    let dir = tempfile::tempdir().unwrap();
    let definition = dir.path().join("omsk.survey.yaml");
    std::fs::copy(root().join("examples/omsk.survey.yaml"), &definition).unwrap();
    let before = std::fs::read(&definition).unwrap();
    let export = root().join("examples/survey_2025.csv");
    for format in ["csv", "markdown", "xlsx"] {
        let run = tochki_in(
            dir.path(),
            [
                "survey",
                "pains",
                "--survey",
                "omsk.survey.yaml",
                "--format",
                format,
                "-o",
                "omsk.survey.yaml",
                export.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 2, "{format}");
        assert!(
            run.stderr.contains("совпадает с входным файлом"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read(&definition).unwrap(), before);
}

#[test]
fn different_questions_of_two_years_never_share_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, header: &str, answer: &str| {
        let mut text = format!("Отметка времени,{header}\n");
        // Each export's answers in its own year.
        let year = if name.contains("2024") { 2024 } else { 2025 };
        for i in 0..20 {
            text += &format!("12.11.{year} 10:{i:02},{answer}\n");
        }
        std::fs::write(dir.path().join(name), text).unwrap();
    };
    write(
        "answers_2024.csv",
        "Оцените работу бухгалтерии [Консультации]",
        "Полностью удовлетворен",
    );
    write(
        "answers_2025.csv",
        "Оцените работу отдела кадров [Консультации]",
        "Полностью не удовлетворен",
    );
    let files = ["answers_2024.csv", "answers_2025.csv"];
    let run = tochki_in(
        dir.path(),
        ["survey", "tally", "--format", "json", files[0], files[1]],
    );
    let json = run.json();
    assert_eq!(json["dynamics"].as_array().unwrap().len(), 0);
    assert_eq!(
        json["waves"][0]["items"][0]["label"],
        "Оцените работу бухгалтерии [Консультации]"
    );
    assert_eq!(
        json["waves"][1]["items"][0]["label"],
        "Оцените работу отдела кадров [Консультации]"
    );
    let run = tochki_in(
        dir.path(),
        ["survey", "report", "-o", "report.html", files[0], files[1]],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(!html.contains("<title>Консультации</title>"));
}

#[test]
fn the_first_visible_sheet_is_read() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "tests/fixtures/survey/hidden_first_sheet.xlsx",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["waves"][0]["respondents"], 30);
}

#[test]
fn help_is_russian() {
    for args in [
        vec!["--help"],
        vec!["survey", "tally", "--help"],
        vec!["check", "-h"],
    ] {
        let run = tochki(&args);
        assert_eq!(run.code, 0, "{args:?}");
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "Arguments:",
        ] {
            assert!(!run.stdout.contains(english), "{args:?}: {english}");
        }
        assert!(run.stdout.contains("Использование:"), "{}", run.stdout);
    }
}

/// The line a finding names, as the file has it (lines end at `\n`, `\r\n` or a lone `\r`).
fn line_of(bytes: &[u8], line: usize) -> String {
    let text = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    text.split('\n')
        .nth(line - 1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn fuzz_regression_a_lone_carriage_return_is_a_line_break_for_every_reader() {
    // Found by `cargo fuzz run registry`: a stray CR inside a line; libyaml counted it as a line
    // break, the quoted line did not, and the message was libyaml's English.
    let file = "tests/fixtures/fuzz/registry_lone_carriage_return.yaml";
    let run = tochki(["check", "--format", "json", file]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let finding = &json["findings"][0];
    let line = finding["line"].as_u64().unwrap() as usize;
    let column = finding["column"].as_u64().unwrap() as usize;
    let bytes = std::fs::read(root().join(file)).unwrap();
    let text = line_of(&bytes, line);
    assert!(column <= text.chars().count() + 1, "{column} in «{text}»");
    // The column points at the colon of the second «key:» on that line.
    let rest: String = text.chars().skip(column - 1).collect();
    assert!(rest.starts_with(": Сотрудники"), "{rest}");
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("ключ: значение"), "{message}");
    assert!(!message.contains("mapping values"), "{message}");
}

#[test]
fn fuzz_regression_unicode_line_breaks_count_as_lines() {
    // Found by `cargo fuzz run registry`: a NEL (U+0085) in a comment is a line break to libyaml
    // (YAML 1.1) and to nobody else; the finding named a column past the end of its line.
    let file = "tests/fixtures/fuzz/registry_next_line_character.yaml";
    let run = tochki(["check", "--format", "json", file]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let bytes = std::fs::read(root().join(file)).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let text = text.replace(['\u{85}', '\u{2028}', '\u{2029}'], "\n");
    for finding in run.json()["findings"].as_array().unwrap() {
        let line = finding["line"].as_u64().unwrap() as usize;
        let column = finding["column"].as_u64().unwrap() as usize;
        let width = line_of(text.as_bytes(), line).chars().count();
        assert!(column <= width + 1, "{finding}: column {column} of {width}");
    }
}

#[test]
fn yaml_syntax_errors_are_said_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "colon.yaml",
            "organization: a\ndirections:\n  - name: x: y\n",
        ),
        ("bracket.yaml", "organization: a\nareas: [accounting\n"),
        ("quote.yaml", "organization: \"a\n"),
        ("at.yaml", "organization: @a\n"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
        let run = tochki_in(dir.path(), ["check", name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stdout);
        let first = run.stdout.lines().next().unwrap();
        assert!(first.starts_with(&format!("{name}:")), "{first}");
        for english in [
            "mapping", "expected", "found", "token", "stream", "scanning", "while",
        ] {
            assert!(!run.stdout.contains(english), "English in «{first}»");
        }
        assert!(first.contains("R001 ошибка"), "{first}");
    }
}

#[test]
fn survey_definition_errors_are_said_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let export = root().join("examples/survey_2025.csv");
    for (text, expected) in [
        ("title: x\nitemz: []\n", "неизвестный ключ «itemz»"),
        ("items:\n  - label: a\n", "нет обязательного ключа «column»"),
    ] {
        std::fs::write(dir.path().join("d.survey.yaml"), text).unwrap();
        let run = tochki_in(
            dir.path(),
            [
                "survey",
                "tally",
                "--survey",
                "d.survey.yaml",
                export.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains(expected), "{}", run.stderr);
        assert!(!run.stderr.contains("unknown field") && !run.stderr.contains("missing field"));
    }
}

#[test]
fn a_failed_write_to_stdout_is_said_in_russian() {
    // `tochki show … > /dev/full`: a full disk behind the redirection.
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tochki"))
        .current_dir(root())
        .args(["show", "registries/omsk_accounting.yaml"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("не удалось вывести результат"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
}

#[test]
fn many_findings_on_one_long_line_are_each_quoted_in_a_short_excerpt() {
    // A hostile size: 20,000 repeated needs on one line, one R006 each (the text format looked
    // the line up and indexed it once per finding, which grew with the square of the line).
    let base = std::fs::read_to_string(root().join("registries/example_complete.yaml")).unwrap();
    let needs = format!("needs: [{}]", vec!["info"; 20_000].join(", "));
    let at = base.find("needs: [").unwrap();
    let end = at + base[at..].find(']').unwrap() + 1;
    let text = format!("{}{}{}", &base[..at], needs, &base[end..]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.yaml"), &text).unwrap();
    let run = tochki_in(dir.path(), ["check", "many.yaml"]);
    // R006 is a warning: status 0 without --strict.
    assert_eq!(run.code, 0, "{}", run.stderr);
    // One finding said 19,999 times is said once, with its count (documents.md «The terminal»).
    let findings = run.stdout.lines().filter(|l| l.contains(" R006 ")).count();
    assert_eq!(findings, 1);
    assert!(
        run.stdout.contains("= то же ещё 19998 раз"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("19999 предупреждений"),
        "{}",
        run.stdout
    );
    let quoted_width = run
        .stdout
        .lines()
        .filter(|l| l.contains(" | ") && l.contains("info"))
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(quoted_width < 140, "{quoted_width}");
}

#[test]
fn utf32_is_named_as_utf32() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE, 0x00, 0x00];
    for c in "organization: Министерство\n".chars() {
        bytes.extend_from_slice(&(c as u32).to_le_bytes());
    }
    std::fs::write(dir.path().join("u32.yaml"), &bytes).unwrap();
    std::fs::write(dir.path().join("u32.csv"), &bytes).unwrap();
    let run = tochki_in(dir.path(), ["check", "u32.yaml"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("UTF-32"), "{}", run.stdout);
    let run = tochki_in(dir.path(), ["survey", "tally", "u32.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("UTF-32LE") && !run.stderr.contains("Юникод-текст"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_letter_that_grows_when_lower_cased_is_no_panic() {
    // «İ» is two bytes and lower-cases to three: the phone check cut a value inside a letter.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("i.csv"),
        "Отметка времени,Подразделение,Оцените [А]\n1,İİİ доб 123456,Скорее удовлетворен\n",
    )
    .unwrap();
    let run = tochki_in(dir.path(), ["survey", "tally", "--format", "json", "i.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["waves"][0]["items"][0]["n"], 1);
}
