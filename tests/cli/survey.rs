//! `tochki survey` on the exports shipped in examples/. Every figure is checked against a
//! reference computed here, from the raw CSV, without the code under test.

use super::{Run, raw_rows, root, tochki, tochki_in};
use insta::assert_snapshot;
use serde_json::Value;

const FIVE: [&str; 5] = [
    "Полностью удовлетворен",
    "Скорее удовлетворен",
    "Скорее не удовлетворен",
    "Полностью не удовлетворен",
    "Затрудняюсь ответить",
];
const THREE: [&str; 3] = ["Удовлетворен", "Не удовлетворен", "Затрудняюсь ответить"];

/// Reference figures of one column: (n, counts, level, ci, mean), by plain counting.
struct Reference {
    n: u64,
    counts: Vec<u64>,
    level: f64,
    ci: (f64, f64),
    mean: Option<f64>,
    satisfied: u64,
    with_opinion: u64,
}

fn reference(rows: &[Vec<String>], column: usize, options: &[&str]) -> Reference {
    let mut counts = vec![0u64; options.len()];
    for row in &rows[1..] {
        if let Some(i) = options.iter().position(|o| *o == row[column]) {
            counts[i] += 1;
        }
    }
    let n: u64 = counts.iter().sum();
    let unsure = counts[options.len() - 1];
    let satisfied = if options.len() == 5 {
        counts[0] + counts[1]
    } else {
        counts[0]
    };
    let with_opinion = n - unsure;
    let p = satisfied as f64 / with_opinion as f64;
    // Wilson score interval, 95%: z = 1.96 (to 2 decimals; the tool uses 1.959964).
    let z = 1.959964f64;
    let m = with_opinion as f64;
    let centre = (p + z * z / (2.0 * m)) / (1.0 + z * z / m);
    let half = z * (p * (1.0 - p) / m + z * z / (4.0 * m * m)).sqrt() / (1.0 + z * z / m);
    let mean = (options.len() == 5)
        .then(|| (4 * counts[0] + 3 * counts[1] + 2 * counts[2] + counts[3]) as f64 / m);
    Reference {
        n,
        counts,
        level: p * 100.0,
        ci: ((centre - half) * 100.0, (centre + half) * 100.0),
        mean,
        satisfied,
        with_opinion,
    }
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

fn item<'a>(wave: &'a Value, label_start: &str) -> &'a Value {
    wave["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"].as_str().unwrap().starts_with(label_start))
        .unwrap_or_else(|| panic!("no item {label_start}"))
}

fn check_against_reference(wave: &Value, rows: &[Vec<String>]) {
    let columns = [
        (2, "overall", &THREE[..]),
        (3, "Предоставление заявления", &FIVE[..]),
        (4, "Предоставление отчета", &FIVE[..]),
        (5, "Предоставление расчетных", &FIVE[..]),
    ];
    for (column, label, options) in columns {
        let expected = reference(rows, column, options);
        let got = item(wave, label);
        assert_eq!(got["n"], expected.n, "{label} n");
        for (option, count) in options.iter().zip(&expected.counts) {
            assert_eq!(got["counts"][option], *count, "{label} {option}");
            let share = *count as f64 * 100.0 / expected.n as f64;
            assert!(
                close(got["shares"][option].as_f64().unwrap(), share, 0.05),
                "{label} {option} share"
            );
        }
        assert!(
            close(got["level"].as_f64().unwrap(), expected.level, 0.05),
            "{label} level"
        );
        assert!(
            close(got["ci"][0].as_f64().unwrap(), expected.ci.0, 0.05),
            "{label} ci low"
        );
        assert!(
            close(got["ci"][1].as_f64().unwrap(), expected.ci.1, 0.05),
            "{label} ci high"
        );
        match expected.mean {
            Some(mean) => assert!(
                close(got["mean"].as_f64().unwrap(), mean, 0.005),
                "{label} mean"
            ),
            None => assert!(got["mean"].is_null()),
        }
    }
}

#[test]
fn tally_figures_match_an_independent_count() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let wave = &json["waves"][0];
    let rows = raw_rows("examples/survey_2025.csv");
    assert_eq!(wave["label"], "2025");
    assert_eq!(wave["respondents"], (rows.len() - 1) as u64);
    assert_eq!(wave["left_out"], 0);
    check_against_reference(wave, &rows);
}

#[test]
fn the_russian_excel_save_gives_the_same_figures() {
    let google = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025.csv",
    ])
    .json();
    let excel = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025_excel.csv",
    ]);
    assert_eq!(excel.code, 0, "{}", excel.stderr);
    let excel = excel.json();
    assert_eq!(google["waves"][0]["items"], excel["waves"][0]["items"]);
    assert_eq!(
        excel["waves"][0]["respondents"],
        google["waves"][0]["respondents"]
    );
    check_against_reference(&excel["waves"][0], &raw_rows("examples/survey_2025.csv"));
}

/// Two-sided p-value of the z-test, with erfc by Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7).
fn reference_p(x1: u64, n1: u64, x2: u64, n2: u64) -> f64 {
    let (p1, p2) = (x1 as f64 / n1 as f64, x2 as f64 / n2 as f64);
    let pooled = (x1 + x2) as f64 / (n1 + n2) as f64;
    let z = (p2 - p1) / (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.3275911 * x);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    poly * (-x * x).exp()
}

#[test]
fn dynamics_match_a_hand_computed_z_test_and_declines_come_first() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025.csv",
        "examples/survey_2024.csv",
    ]);
    assert_eq!(run.code, 0);
    let json = run.json();
    // Waves are put in year order whatever order the files were given in.
    assert_eq!(json["waves"][0]["label"], "2024");
    let (old, new) = (
        raw_rows("examples/survey_2024.csv"),
        raw_rows("examples/survey_2025.csv"),
    );
    let dynamics = json["dynamics"].as_array().unwrap();
    assert_eq!(dynamics.len(), 4);
    assert_eq!(dynamics[0]["decline"], true);
    assert!(
        dynamics[0]["item"]
            .as_str()
            .unwrap()
            .starts_with("Предоставление отчета")
    );
    assert!(dynamics[1..].iter().all(|d| d["decline"] == false));
    for (column, label, options) in [
        (2, "overall", &THREE[..]),
        (4, "Предоставление отчета", &FIVE[..]),
    ] {
        let (a, b) = (
            reference(&old, column, options),
            reference(&new, column, options),
        );
        let d = dynamics
            .iter()
            .find(|d| d["item"].as_str().unwrap().starts_with(label))
            .unwrap();
        assert!(close(
            d["delta_pp"].as_f64().unwrap(),
            b.level - a.level,
            0.05
        ));
        let p = reference_p(a.satisfied, a.with_opinion, b.satisfied, b.with_opinion);
        assert!(
            close(d["p_value"].as_f64().unwrap(), p, 1e-4),
            "{label}: {} vs {p}",
            d["p_value"]
        );
        assert_eq!(d["significant"], p < 0.05);
    }
}

#[test]
fn fail_on_decline_turns_a_decline_into_status_1() {
    let args = [
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
    ];
    assert_eq!(tochki(args).code, 0);
    let mut with_flag = args.to_vec();
    with_flag.push("--fail-on-decline");
    let run = tochki(with_flag);
    assert_eq!(run.code, 1);
    // No region's order is cited without the body's own (documents.md «The body's own order»).
    assert!(!run.stdout.contains("Омск"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("по Порядку взаимодействия с внутренним клиентом")
    );
}

#[test]
fn tally_table_is_what_the_user_reads() {
    let run = tochki([
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
    ]);
    assert_snapshot!(run.snapshot());
}

#[test]
fn tally_markdown_and_csv_formats() {
    let md = tochki([
        "survey",
        "tally",
        "--format",
        "markdown",
        "--survey",
        "examples/omsk.survey.yaml",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert_snapshot!("tally_markdown", md.snapshot());
    let csv = tochki([
        "survey",
        "tally",
        "--format",
        "csv",
        "examples/survey_2025.csv",
    ]);
    assert!(csv.stdout.starts_with('\u{feff}'));
    assert_snapshot!("tally_csv", csv.snapshot());
}

#[test]
fn the_definition_gives_the_same_figures_and_its_labels() {
    let plain = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025.csv",
    ])
    .json();
    let defined = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "--survey",
        "examples/omsk.survey.yaml",
        "examples/survey_2025.csv",
    ])
    .json();
    let labels: Vec<&str> = defined["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "overall",
            "Предоставление заявления с указанием банковских реквизитов",
            "Предоставление отчета о расходах по командировке",
            "Предоставление расчетных листочков по заработной плате"
        ]
    );
    for i in 0..4 {
        assert_eq!(
            plain["waves"][0]["items"][i]["counts"],
            defined["waves"][0]["items"][i]["counts"]
        );
    }
}

#[test]
fn a_column_the_definition_names_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("def.yaml"),
        "overall: \"Насколько Вы в целом удовлетворены*\"\nitems:\n  - label: Листки\n    column: \"*[Предоставление расчетных листков по заработной плате]\"\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/survey_2025.csv"),
        dir.path().join("s.csv"),
    )
    .unwrap();
    let run = tochki_in(
        dir.path(),
        [
            "survey", "check", "--format", "json", "--survey", "def.yaml", "s.csv",
        ],
    );
    assert_eq!(run.code, 1);
    let json = run.json();
    let s001 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "S001")
        .expect("S001");
    let message = s001["message"].as_str().unwrap();
    assert!(
        message.contains("[Предоставление расчетных листочков по заработной плате]"),
        "{message}"
    );
}

#[test]
fn check_reports_invalid_values_with_row_column_and_closest_option() {
    let run = tochki([
        "survey",
        "check",
        "--format",
        "json",
        "examples/survey_2025_invalid.csv",
    ]);
    assert_eq!(run.code, 1);
    let json = run.json();
    let found: Vec<(String, Option<u64>, Option<u64>)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["row"].as_u64(),
                f["column"].as_u64(),
            )
        })
        .collect();
    let expect = |code: &str, row: u64, column: Option<u64>| (code.to_string(), Some(row), column);
    assert_eq!(
        found,
        vec![
            expect("S003", 1, Some(2)),
            expect("S002", 4, Some(4)),
            expect("S002", 6, Some(5)),
            expect("S002", 7, Some(3)),
            expect("S005", 9, None),
            expect("S006", 14, Some(1)),
        ]
    );
    let first = &json["findings"][1];
    assert_eq!(first["value"], "скорее да");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("«Скорее удовлетворен»")
    );
    assert_snapshot!(tochki(["survey", "check", "examples/survey_2025_invalid.csv"]).snapshot());
}

#[test]
fn tally_leaves_out_bad_cells_and_says_how_many() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025_invalid.csv",
    ]);
    assert_eq!(run.code, 1);
    let json = run.json();
    let wave = &json["waves"][0];
    // 12 data rows + 1 repeat; row 9 is ragged, row 14 repeats row 3: 11 counted.
    assert_eq!(wave["respondents"], 11);
    // 3 values outside the scale + 4 item cells of the ragged row + 4 of the repeated one.
    assert_eq!(wave["left_out"], 11);
    let rows = raw_rows("examples/survey_2025_invalid.csv");
    let counted: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| *i == 0 || (r.len() == rows[0].len() && *i != 13))
        .map(|(_, r)| r.clone())
        .collect();
    let expected = reference(&counted, 4, &FIVE);
    assert_eq!(item(wave, "Предоставление отчета")["n"], expected.n);
}

#[test]
fn segments_under_the_minimum_are_never_printed() {
    let run = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "--by",
        "Категория должностей",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let rows = raw_rows("examples/survey_2025.csv");
    let size = |name: &str| rows[1..].iter().filter(|r| r[12] == name).count() as u64;
    let groups = json["waves"][0]["items"][1]["groups"].as_array().unwrap();
    for group in groups {
        let name = group["group"].as_str().unwrap();
        if size(name) < 5 {
            assert_eq!(group["suppressed"], true, "{name}");
            assert!(group.get("counts").is_none() && group.get("level").is_none());
        }
    }
    // Exactly one group is under 5, so the next smallest is hidden too.
    let hidden = groups.iter().filter(|g| g["suppressed"] == true).count();
    assert_eq!(hidden, 2);
    let shown = groups
        .iter()
        .find(|g| g.get("respondents").is_some())
        .unwrap();
    assert_eq!(shown["respondents"], size(shown["group"].as_str().unwrap()));
}

#[test]
fn population_narrows_the_interval_and_must_be_plausible() {
    let wide = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "examples/survey_2025.csv",
    ])
    .json();
    let narrow = tochki([
        "survey",
        "tally",
        "--format",
        "json",
        "--population",
        "80",
        "examples/survey_2025.csv",
    ])
    .json();
    let width = |j: &Value| {
        let ci = &j["waves"][0]["items"][2]["ci"];
        ci[1].as_f64().unwrap() - ci[0].as_f64().unwrap()
    };
    assert!(width(&narrow) < width(&wide));
    let run = tochki([
        "survey",
        "tally",
        "--population",
        "10",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("больше численности"), "{}", run.stderr);
}

/// Every output of every survey command, for the personal-data check.
fn all_outputs() -> Vec<Run> {
    let files = ["examples/survey_2024.csv", "examples/survey_2025.csv"];
    let mut runs = Vec::new();
    for format in ["table", "json", "csv", "markdown"] {
        runs.push(tochki([
            "survey", "tally", "--format", format, files[0], files[1],
        ]));
    }
    runs.push(tochki(["survey", "check", files[1]]));
    runs.push(tochki([
        "survey",
        "check",
        "--format",
        "json",
        "examples/survey_2025_invalid.csv",
    ]));
    for format in ["csv", "markdown"] {
        runs.push(tochki([
            "survey", "pains", "--format", format, files[0], files[1],
        ]));
    }
    runs
}

#[test]
fn personal_data_never_appears_in_any_output() {
    let mut names: Vec<String> = Vec::new();
    for file in ["examples/survey_2024.csv", "examples/survey_2025.csv"] {
        names.extend(raw_rows(file)[1..].iter().map(|r| r[1].clone()));
    }
    for run in all_outputs() {
        for name in &names {
            assert!(!run.stdout.contains(name.as_str()), "{name} printed");
            // Surnames alone neither.
            let surname = name.split(' ').next().unwrap();
            assert!(!run.stdout.contains(surname), "{surname} printed");
        }
    }
}

#[test]
fn pains_count_identical_texts_once_and_are_safe_in_excel() {
    let run = tochki([
        "survey",
        "pains",
        "--format",
        "csv",
        "examples/survey_2025.csv",
    ]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with('\u{feff}'));
    // The example data hold no test strings, and a formula is never quoted (documents.md).
    assert!(!run.stdout.contains("HYPERLINK"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(run.stdout.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[5], "Мероприятие");
    assert_eq!(&headers[6], "Срок");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.iter().all(|r| r[5].is_empty() && r[6].is_empty()));
    // Reference: problems about the business-trip report, counted after folding case and spaces.
    let raw = raw_rows("examples/survey_2025.csv");
    let mut reference: std::collections::BTreeMap<String, u64> = Default::default();
    for row in &raw[1..] {
        let text = row[7]
            .trim()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            *reference.entry(text).or_default() += 1;
        }
    }
    let got: std::collections::BTreeMap<String, u64> = rows
        .iter()
        .filter(|r| {
            &r[1] == "Предоставление отчета о расходах по командировке" && &r[2] == "проблема"
        })
        .map(|r| (r[3].trim().to_lowercase(), r[4].parse().unwrap()))
        .collect();
    assert_eq!(got, reference);
}

#[test]
fn pains_write_xlsx_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/survey_2025.csv"),
        dir.path().join("s.csv"),
    )
    .unwrap();
    let run = tochki_in(
        dir.path(),
        [
            "survey",
            "pains",
            "--format",
            "xlsx",
            "-o",
            "pains.xlsx",
            "s.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read(dir.path().join("pains.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    let run = tochki_in(dir.path(), ["survey", "pains", "--format", "xlsx", "s.csv"]);
    assert_eq!(run.code, 2);
    let md = tochki(["survey", "pains", "examples/survey_2025.csv"]);
    assert_snapshot!("pains_markdown", md.snapshot());
}

/// Runs `survey check` on bytes written to a temporary file.
fn check_bytes(bytes: &[u8], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.csv"), bytes).unwrap();
    let mut args = vec!["survey", "check", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("bad.csv");
    tochki_in(dir.path(), args)
}

fn codes(run: &Run) -> Vec<(String, Option<u64>, Option<u64>)> {
    run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["row"].as_u64(),
                f["column"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn bad_export_empty_file() {
    let run = check_bytes(b"", &[]);
    assert_eq!(run.code, 1);
    assert_eq!(codes(&run), vec![("S004".to_string(), Some(1), None)]);
}

#[test]
fn bad_export_header_only() {
    let run = check_bytes("Отметка времени,Вопрос [Строка]\r\n".as_bytes(), &[]);
    assert_eq!(run.code, 1);
    assert_eq!(codes(&run)[0].0, "S004");
}

#[test]
fn bad_export_ragged_rows() {
    let csv = "Отметка времени,Оценка [А],Оценка [Б]\n1,Удовлетворен,Удовлетворен\n2,Удовлетворен\n3,Удовлетворен,Не удовлетворен,лишнее\n4,Удовлетворен,Удовлетворен,\n";
    let run = check_bytes(csv.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        codes(&run),
        vec![
            ("S005".to_string(), Some(3), None),
            ("S005".to_string(), Some(4), None)
        ]
    );
}

#[test]
fn bad_export_unclosed_quote() {
    let csv = "Отметка времени,Оценка [А]\n1,Удовлетворен\n2,\"Удовлетворен\n3,Удовлетворен\n";
    let run = check_bytes(csv.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    assert_eq!(codes(&run), vec![("S005".to_string(), Some(3), Some(2))]);
    assert!(run.stdout.contains("Кавычка в этой ячейке не закрыта"));
}

#[test]
fn bad_export_binary_garbage() {
    let garbage: Vec<u8> = (0..2048u32).map(|i| (i * 31 % 256) as u8).collect();
    let run = check_bytes(&garbage, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("нулевые байты"), "{}", run.stderr);
    assert!(run.stderr.contains("bad.csv"));
}

#[test]
fn bad_export_duplicate_headers() {
    let run = check_bytes("Вопрос,Вопрос\nУдовлетворен,Удовлетворен\n".as_bytes(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("строка 1: столбцы 1 и 2"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_export_undecodable_byte_under_forced_utf8() {
    let (cp, _, _) = encoding_rs::WINDOWS_1251.encode("Отметка,Оценка [А]\n1,Удовлетворен\n");
    let mut bytes = "Отметка,Оценка [А]\n1,Удовлетворен\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"2,");
    bytes.extend_from_slice(&cp[cp.len() - 13..]);
    let run = check_bytes(&bytes, &["--encoding", "utf-8"]);
    assert_eq!(run.code, 1, "{}", run.snapshot());
    assert_eq!(codes(&run), vec![("S005".to_string(), Some(3), Some(2))]);
    // Detected, the file is not strict UTF-8, so it is read as Windows-1251 (the spec's order);
    // nothing then matches a scale, and the message says which encoding was used.
    let auto = check_bytes(&bytes, &[]);
    assert_eq!(codes(&auto)[0].0, "S004");
    assert!(auto.stdout.contains("Windows-1251"));
}

#[test]
fn explain_covers_survey_codes() {
    let run = tochki(["explain", "S002"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("S002 (ошибка)"), "{}", run.stdout);
    assert!(!run.stdout.contains("value-outside-scale"));
}

#[test]
fn a_multi_line_answer_in_the_last_row_is_not_an_unclosed_quote() {
    let csv = "Отметка времени,Оценка [А],Предложения\n1,Удовлетворен,\n2,Удовлетворен,\"Спасибо!\nНо, хотелось бы быстрее\"\n";
    let run = check_bytes(csv.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(codes(&run).is_empty());
}

#[test]
fn an_xlsx_export_gives_the_same_figures_as_its_csv() {
    // Yandex Forms exports XLSX by default: write the 2025 answers as a workbook.
    let rows = raw_rows("examples/survey_2025.csv");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, value.as_str())
                .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    workbook.save(dir.path().join("answers_2025.xlsx")).unwrap();
    let run = tochki_in(
        dir.path(),
        ["survey", "tally", "--format", "json", "answers_2025.xlsx"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["waves"][0]["label"], "2025");
    check_against_reference(&json["waves"][0], &rows);
}

#[test]
fn report_is_one_self_contained_page_with_charts() {
    let dir = tempfile::tempdir().unwrap();
    for year in ["2024", "2025"] {
        std::fs::copy(
            root().join(format!("examples/survey_{year}.csv")),
            dir.path().join(format!("survey_{year}.csv")),
        )
        .unwrap();
    }
    let run = tochki_in(
        dir.path(),
        [
            "survey",
            "report",
            "survey_2024.csv",
            "survey_2025.csv",
            "--by",
            "Категория должностей",
            "-o",
            "report.html",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Записано: report.html\n");
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // Two waves: the levels chart and a diverging chart per wave, each with drawn marks.
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 3);
    assert!(page.matches("<rect ").count() > 20);
    // The decline comes first, with the Omsk p.13 reminder.
    let decline = page.find("Значимое снижение").unwrap();
    assert!(decline < page.find("<svg").unwrap());
    assert!(!page.contains("(Омск)"));
    // Self-contained: nothing is loaded from anywhere.
    for external in ["src=\"http", "href=\"http", "@import", "url(", "<link"] {
        assert!(!page.contains(external), "{external}");
    }
    // A link in a proposal is a class of identifier: masked, never quoted (survey.md).
    assert!(!page.contains("example.invalid"));
    // Personal data never reaches the report; small segments are hidden.
    for row in raw_rows("examples/survey_2025.csv")[1..].iter() {
        assert!(!page.contains(row[1].split(' ').next().unwrap()));
    }
    // Hidden groups are cells of the segments heat map that say so, with no figure.
    assert!(page.contains("title=\"слишком мало ответов\">скрыто</td>"));
}

#[test]
fn report_never_writes_over_an_export() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/survey_2025.csv"),
        dir.path().join("s.csv"),
    )
    .unwrap();
    let before = std::fs::read(dir.path().join("s.csv")).unwrap();
    let run = tochki_in(dir.path(), ["survey", "report", "s.csv", "-o", "s.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read(dir.path().join("s.csv")).unwrap(), before);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    for format in ["table", "json", "csv", "markdown"] {
        let run = tochki([
            "survey",
            "tally",
            "--format",
            format,
            "examples/survey_2024.csv",
            "examples/survey_2025.csv",
        ]);
        // Only the notes (the account of each export's rows), never a bar's carriage returns.
        assert!(!run.stderr.contains('\r'), "{format}: {}", run.stderr);
        assert!(
            run.stderr
                .lines()
                .all(|l| l.starts_with("tochki: examples/survey_202")),
            "{format}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("Прочитано строк: 59 — анкет 58, шапка 1")
        );
    }
    assert_eq!(tochki(["check", "registries/"]).stderr, "");
}

#[test]
fn excels_sep_line_and_a_pipe_delimiter_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let header = "Отметка времени;Оцените [Консультации]";
    let rows: String = (1..=6)
        .map(|i| format!("0{i}.11.2025 10:00:00;Полностью удовлетворен\r\n"))
        .collect();
    let sep = dir.path().join("sep.csv");
    std::fs::write(&sep, format!("sep=;\r\n{header}\r\n{rows}")).unwrap();
    let pipe = dir.path().join("pipe.csv");
    std::fs::write(&pipe, format!("{header}\r\n{rows}").replace(';', "|")).unwrap();
    for path in [&sep, &pipe] {
        let run = tochki([
            "survey",
            "tally",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(
            run.code,
            0,
            "{}: {}{}",
            path.display(),
            run.stdout,
            run.stderr
        );
        let json = run.json();
        assert_eq!(json["waves"][0]["respondents"], 6, "{}", path.display());
        assert_eq!(json["waves"][0]["items"][0]["n"], 6);
    }
    // Nothing recognised: S004 names the encoding and the delimiter it read with.
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "a~b\n1~2\n").unwrap();
    let run = tochki(["survey", "check", odd.to_str().unwrap()]);
    assert!(run.stdout.contains("разделитель «,»"), "{}", run.stdout);
}

#[test]
fn an_existing_file_whose_name_holds_an_equals_sign_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::root().join("examples/survey_2025.csv"),
        dir.path().join("part=2025.csv"),
    )
    .unwrap();
    let run = crate::tochki_in(dir.path(), ["survey", "check", "part=2025.csv"]);
    assert!(run.code <= 1, "{}", run.stderr);
    assert!(!run.stderr.contains("нет файла"), "{}", run.stderr);
}

#[test]
fn an_xlsx_export_with_a_title_above_its_header_is_read_with_the_rows_excel_shows() {
    let run = tochki([
        "survey",
        "tally",
        "tests/fixtures/codes/titled_export.xlsx",
        "--format",
        "json",
    ]);
    let json = run.json();
    // A title row and an empty row above the header: seven answers, two items.
    assert_eq!(json["waves"][0]["respondents"], 7, "{}", run.stdout);
    assert_eq!(json["waves"][0]["items"].as_array().unwrap().len(), 2);
    let repeated: Vec<u64> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S006")
        .map(|f| f["row"].as_u64().unwrap())
        .collect();
    // The repeated answer stands on row 11 of the sheet.
    assert_eq!(repeated, [11]);
    assert!(!run.stdout.contains("--encoding"), "{}", run.stdout);
}

#[test]
fn a_header_of_empty_cells_is_counted_as_the_file_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty_header.csv");
    // No line has two filled cells: the first line stays the header (a line with two would be
    // taken as the header, past a blank or title line, as in a workbook).
    std::fs::write(&path, ",,\n1\n").unwrap();
    let run = tochki(["survey", "check", path.to_str().unwrap()]);
    assert!(
        run.stdout.contains("в заголовке 3 (с названием — 0)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_report_of_eight_years_keeps_each_year_its_colour_and_its_heat_maps_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("wide.html");
    let mut args: Vec<String> = (2018..=2025)
        .map(|y| format!("tests/fixtures/survey_wide/survey_{y}.csv"))
        .collect();
    args.splice(0..0, ["survey".to_string(), "report".to_string()]);
    args.extend(["--by", "Подразделение", "-o", html.to_str().unwrap()].map(String::from));
    let run = tochki(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    // The legend of the levels chart: one colour per year, all different.
    let legend: Vec<&str> = page
        .split("<circle ")
        .skip(1)
        .filter(|c| c.contains("r=\"6\""))
        .take(8)
        .map(|c| {
            c.split("fill=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    let distinct: std::collections::BTreeSet<&&str> = legend.iter().collect();
    assert_eq!(distinct.len(), 8, "{legend:?}");
    // Labels wrap in two lines instead of running off the left edge.
    assert!(page.contains("<tspan"), "labels are not wrapped");
    // The segments' heat map: items down, at most 8 groups across per table (10 groups: two).
    let tables = page.matches("<table class=\"heat segments\">").count();
    assert_eq!(tables, 8 * 2, "one pair of tables per year");
    let mut headers = Vec::new();
    for table in page.split("<table class=\"heat segments\">").skip(1) {
        let header = table.split("</tr>").next().unwrap();
        assert!(header.matches("<th>").count() <= 9, "{header}");
        headers.push(header.to_string());
    }
    // The groups stand in the same columns every year, so years compare column by column.
    for year in headers.chunks(2) {
        assert_eq!(
            year,
            &headers[..2],
            "a year's columns differ from the first's"
        );
    }
}

#[test]
fn numbers_and_english_words_do_not_make_an_export_personal() {
    // POI's WithChartSheet.xlsx and 60289.xlsx (corpora2) had S003 on «Revenue» and «Campo1».
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numbers.csv");
    std::fs::write(
        &path,
        "Year,Revenue,Campo1\n2005,1140362.5,Rich Text\n2006,1320585.375,Rich Text Test\n2007,1563287.125,Main Item\n",
    )
    .unwrap();
    // `survey check`: the tally refuses a file with no question on a scale.
    let run = tochki([
        "survey",
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = run.json();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"S003"), "{json}");
}

/// A file of another kind given to a survey command is refused with what it is and the
/// command that reads it, never tallied into empty tables (issue 29, a ministry employee's
/// try); and the other way round, a survey export given to `check` or `import`.
#[test]
fn a_file_of_another_kind_is_named_with_the_command_that_reads_it() {
    for (file, words) in [
        (
            "examples/requests_2025.csv",
            [
                "не выгрузка анкеты",
                "журнал обращений: его читает tochki requests",
            ],
        ),
        (
            "examples/lipetsk_form.xlsx",
            [
                "не выгрузка анкеты",
                "перечень точек взаимодействия: его читает tochki check",
            ],
        ),
        (
            "examples/smolensk_appendix.docx",
            ["это документ Word, а не выгрузка", "tochki check"],
        ),
        (
            "registries/lipetsk_accounting.yaml",
            ["это файл YAML, а не выгрузка", "tochki check"],
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("r.html");
        let memo = dir.path().join("p.md");
        for command in ["tally", "pains", "report", "proposals"] {
            let mut args = vec!["survey", command, file];
            match command {
                "report" => args.extend(["-o", page.to_str().unwrap()]),
                "proposals" => args.extend(["-o", memo.to_str().unwrap()]),
                _ => {}
            }
            let run = tochki(args);
            assert_eq!(run.code, 2, "{command} {file}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{command} {file}: {}", run.stdout);
            for word in words {
                assert!(
                    run.stderr.contains(word),
                    "{command} {file}: {word}: {}",
                    run.stderr
                );
            }
        }
    }
    let run = tochki(["check", "examples/survey_2025.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "выгрузка ответов анкеты: её читает tochki survey tally examples/survey_2025.csv"
        ),
        "{}",
        run.stdout
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.yaml");
    let run = tochki([
        "import",
        "examples/requests_2025.csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("журнал обращений: его читает tochki requests"),
        "{}",
        run.stderr
    );
}

/// The journal's reader, the third member of the class: a survey export and a registry table
/// given to `requests` are named with the command that reads them.
#[test]
fn requests_names_a_survey_export_and_a_registry() {
    for (file, word) in [
        (
            "examples/survey_2025.csv",
            "выгрузка ответов анкеты: её читает tochki survey tally",
        ),
        (
            "examples/lipetsk_form.xlsx",
            "перечень точек взаимодействия: его читает tochki check",
        ),
    ] {
        let run = tochki(["requests", file, "--as-of", "2025-05-14"]);
        assert_eq!(run.code, 2, "{file}: {}", run.stderr);
        let flat = (run.stdout + &run.stderr)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(word), "{file}: {flat}");
    }
}
