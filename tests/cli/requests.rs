//! `tochki requests`: the journal of requests against its deadlines (cycle.md), on the shipped
//! example (cp1251, «;», CRLF, the May 2025 holidays) and on fixtures.

use crate::{root, tochki};

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["requests", "--format", "json"];
    all.extend_from_slice(args);
    tochki(all).json()
}

/// One field of every request of a report, in order («received», «file», «due»).
fn each(report: &serde_json::Value, key: &str) -> Vec<String> {
    report["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[key].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The request of the example journal at `row` in the JSON.
fn at_row(report: &serde_json::Value, row: u64) -> serde_json::Value {
    report["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["row"] == row)
        .unwrap_or_else(|| panic!("no request in row {row}"))
        .clone()
}

/// A journal written into a fresh folder (kept alive by the returned guard).
fn temp_journal(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.csv");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

#[test]
fn every_status_of_the_example_as_of_14_may_2025() {
    let run = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
    ]);
    // Two requests are overdue: exit 1, for a daily scheduled check to alert.
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.snapshot());
    let report = json(&["examples/requests_2025.csv", "--as-of", "14.05.2025"]);
    let status = |row| at_row(&report, row)["status"].as_str().unwrap().to_string();
    // Worked out by hand on the 2025 production calendar (decree 1335: 1–4 and 8–11 May off).
    // The 30th day off → the preceding working day (cycle.md): 9 May is a holiday and 8 May a
    // day off by the decree, so 09.04 is due 07.05.
    assert_eq!(status(2), "late"); // written 09.04 → due 07.05, answered 12.05
    assert_eq!(at_row(&report, 2)["days_late"], 5);
    assert_eq!(status(3), "overdue"); // written 09.04, open: due 07.05, seven days late on the 14th
    assert_eq!(at_row(&report, 3)["days_late"], 7);
    assert_eq!(status(4), "due_soon"); // written 14.04 → due 14.05, still open
    // Written 15.04 → due 15.05, answered 16.05: after the day of the check, so on 14.05 it
    // stood open, its deadline the next day (cycle.md: judged as it stood on the day).
    assert_eq!(status(5), "due_soon");
    assert_eq!(at_row(&report, 5)["answered"], serde_json::Value::Null);
    assert_eq!(status(6), "on_time"); // oral 10.04, answered the same day
    assert_eq!(status(7), "on_time"); // oral on Saturday 12.04 → due Monday 14.04
    assert_eq!(status(8), "late"); // oral 11.04, answered 15.04
    assert_eq!(at_row(&report, 8)["days_late"], 4);
    assert_eq!(status(10), "open"); // written 01.05 → 31.05 is a Saturday → due Friday 30.05
    assert_eq!(at_row(&report, 10)["due"], "2025-05-30");
    assert_eq!(status(14), "overdue"); // oral 08.05 (a day off) → due 12.05
    let summary = &report["summary"];
    assert_eq!(summary["total"], 10);
    assert_eq!(summary["on_time"], 2);
    assert_eq!(summary["late"], 3);
    assert_eq!(summary["overdue"], 2);
    assert_eq!(summary["due_soon"], 2);
    assert_eq!(summary["open"], 1);
}

#[test]
fn a_holiday_deadline_moves_to_the_preceding_working_day_and_a_control_date_wins() {
    let report = json(&["examples/requests_2025.csv", "--as-of", "2025-05-14"]);
    assert_eq!(at_row(&report, 2)["due"], "2025-05-07");
    assert_eq!(at_row(&report, 2)["estimated"], false);
    // An organisation whose instruction follows Civil Code art. 193: the next working day.
    let following = json(&[
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
        "--day-off",
        "following",
    ]);
    assert_eq!(at_row(&following, 2)["due"], "2025-05-12");
    assert_eq!(at_row(&following, 2)["status"], "on_time");
    // Row 9: received 20.04, «Контрольный срок» 25.04 instead of 20.05; answered 28.04.
    let controlled = at_row(&report, 9);
    assert_eq!(controlled["due"], "2025-04-25");
    assert_eq!(controlled["status"], "late");
    assert_eq!(controlled["days_late"], 3);
}

#[test]
fn rows_with_j_findings_are_listed_with_their_place_and_counted_nowhere() {
    let report = json(&["examples/requests_2025.csv", "--as-of", "2025-05-14"]);
    let findings: Vec<(String, u64, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["row"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        vec![
            ("J004".to_string(), 11, 3),
            ("J002".to_string(), 12, 2),
            ("J003".to_string(), 13, 9),
        ]
    );
    for row in [11, 12, 13] {
        assert!(
            report["requests"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["row"] != row)
        );
    }
    let missing = tochki(["requests", "tests/fixtures/requests/no_form.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stdout.contains("J001"), "{}", missing.stdout);
    assert!(
        missing.stdout.contains("«Форма обращения»"),
        "{}",
        missing.stdout
    );
}

#[test]
fn an_xlsx_journal_with_serial_dates_reads_like_the_csv() {
    let xlsx = json(&[
        "tests/fixtures/requests/serial_dates.xlsx",
        "--as-of",
        "2025-05-14",
    ]);
    let csv = json(&["examples/requests_2025.csv", "--as-of", "2025-05-14"]);
    // The workbook holds the first nine requests, one title line above the header.
    let statuses = |report: &serde_json::Value, offset: u64| -> Vec<String> {
        (2..=10)
            .map(|row| {
                at_row(report, row + offset)["status"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(statuses(&xlsx, 1), statuses(&csv, 0));
    assert_eq!(at_row(&xlsx, 3)["received"], "2025-04-09");
}

#[test]
fn anonymous_leaves_executors_and_texts_out_of_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["table", "json", "csv", "markdown", "xlsx"] {
        let output = dir.path().join(format!("out.{format}"));
        let run = tochki([
            "requests",
            "examples/requests_2025.csv",
            "--as-of",
            "2025-05-14",
            "--anonymous",
            "--format",
            format,
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        let bytes = std::fs::read(&output).unwrap();
        let text = if format == "xlsx" {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut text = String::new();
            for i in 0..archive.len() {
                let mut part = archive.by_index(i).unwrap();
                std::io::Read::read_to_string(&mut part, &mut text).unwrap();
            }
            text
        } else {
            String::from_utf8_lossy(&bytes).into_owned()
        };
        for secret in ["Иванова", "Петров", "Перерасчёт отпускных", "Исполнитель"]
        {
            assert!(!text.contains(secret), "{format} shows {secret}");
        }
        assert!(text.contains("2025"), "{format} is empty");
    }
    let named = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
    ]);
    assert!(named.stdout.contains("Иванова"));
}

#[test]
fn processes_link_to_the_registry_as_survey_items_do() {
    let report = json(&[
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
        "--registry",
        "examples/registry_2025.yaml",
    ]);
    let names: Vec<&str> = report["summary"]["by_process"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Начисление и выплата заработной платы"),
        "{names:?}"
    );
}

#[test]
fn nothing_overdue_exits_0_and_a_missing_journal_exits_2() {
    let clean = tochki([
        "requests",
        "tests/fixtures/requests/serial_dates.xlsx",
        "--as-of",
        "2025-05-01",
    ]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    let missing = tochki(["requests", "nope.csv"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.csv"), "{}", missing.stderr);
    let bad_date = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "завтра",
    ]);
    assert_eq!(bad_date.code, 2);
    assert!(bad_date.stderr.contains("--as-of"));
    let far = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--due-soon",
        "4000000000",
    ]);
    assert_eq!(far.code, 2, "a bound, not a loop of four billion days");
    let year = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "31.12.9999",
    ]);
    assert_eq!(year.code, 2);
    let input = root().join("examples/requests_2025.csv");
    let before = std::fs::read(&input).unwrap();
    let same = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--format",
        "csv",
        "-o",
        "examples/requests_2025.csv",
    ]);
    assert_eq!(same.code, 2);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

/// The tool's deadlines for every day of 2024–2028 against `scripts/calendar_oracle.py`, a
/// computation written apart from the tool's calendar code (fixture:
/// `scripts/make_calendar_journal.py`).
#[test]
fn every_deadline_of_2024_to_2028_matches_an_independent_computation() {
    let journal = "tests/fixtures/requests/calendar_2024_2028.csv";
    let expected = std::fs::read_to_string(
        crate::root().join("tests/fixtures/requests/calendar_2024_2028_expected.csv"),
    )
    .unwrap();
    let preceding = json(&[journal, "--as-of", "2028-12-31"]);
    let following = json(&[journal, "--as-of", "2028-12-31", "--day-off", "following"]);
    let mut compared = 0;
    for line in expected.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let row: u64 = fields[0].parse().unwrap();
        let request = at_row(&preceding, row);
        assert_eq!(request["due"], fields[3], "row {row}: {line}");
        assert_eq!(
            at_row(&following, row)["due"],
            fields[4],
            "row {row} following: {line}"
        );
        if fields[1] == "written" {
            assert_eq!(
                request["estimated"],
                fields[5] == "1",
                "row {row} estimated: {line}"
            );
        }
        compared += 1;
    }
    assert_eq!(compared, 2 * 1827);
}

#[test]
fn december_2026_requests_are_due_before_the_new_year_holidays() {
    let report = json(&[
        "tests/fixtures/requests/calendar_2024_2028.csv",
        "--as-of",
        "2028-12-31",
    ]);
    let due = |received: &str| {
        report["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["number"] == format!("W-{received}"))
            .unwrap()["due"]
            .clone()
    };
    // 01.12.2026 + 30 = 31.12.2026, a day off by decree 1466: the 30th.
    assert_eq!(due("2026-12-01"), "2026-12-30");
    // 09.12.2026 + 30 = 08.01.2027, inside the New Year holidays: still the 30th of December.
    assert_eq!(due("2026-12-09"), "2026-12-30");
    // 2027 is decreed (№ 1187): 05.11.2027 is a day off, so 06.10 is due 03.11 (4.11 a holiday).
    assert_eq!(due("2027-10-06"), "2027-11-03");
}

#[test]
fn a_users_calendar_replaces_the_estimate_of_a_year_without_a_decree() {
    let (_dir, path) =
        temp_journal("Рег. №;Дата поступления;Форма обращения\n1;11.12.2027;письменное\n");
    let path = path.as_str();
    // 11.12.2027 + 30 = Monday 10.01.2028: a working day by the Labour Code alone (an estimate).
    let estimate = json(&[path, "--as-of", "2027-12-11"]);
    assert_eq!(at_row(&estimate, 2)["due"], "2028-01-10");
    assert_eq!(at_row(&estimate, 2)["estimated"], true);
    assert_eq!(estimate["summary"]["estimated"], 1);
    let table = tochki(["requests", path, "--as-of", "2027-12-11"]);
    assert!(table.stdout.contains("ст. 112 ТК РФ"), "{}", table.stdout);
    let csv = tochki(["requests", path, "--as-of", "2027-12-11", "--format", "csv"]);
    assert!(csv.stdout.contains("10.01.2028 (оценка)"), "{}", csv.stdout);
    // The user's 2028 calendar makes the 10th a day off: the preceding working day, 30.12.2027.
    for file in [
        "tests/fixtures/calendar/2028_made_up.json",
        "tests/fixtures/calendar/2028_made_up.xml",
    ] {
        let exact = json(&[path, "--as-of", "2027-12-11", "--calendar", file]);
        assert_eq!(at_row(&exact, 2)["due"], "2027-12-30", "{file}");
        assert_eq!(at_row(&exact, 2)["estimated"], false, "{file}");
    }
    let broken = tochki([
        "requests",
        path,
        "--calendar",
        "tests/fixtures/calendar/broken.json",
    ]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("broken.json") && broken.stderr.contains("«40»"),
        "{}",
        broken.stderr
    );
}

#[test]
fn check_reads_a_users_calendar_for_r015() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("r.yaml");
    std::fs::write(
        &registry,
        "organization: x\napproved: {act: Приказ № 1, date: 2028-01-05}\npublished: 2028-01-14\ndirections: []\n",
    )
    .unwrap();
    let registry = registry.to_str().unwrap();
    let r015 = |run: &crate::Run| run.stdout.matches("R015").count();
    // By the Labour Code alone, 5 working days after 05.01.2028 end on 14.01: on time.
    let estimate = tochki(["check", registry]);
    assert_eq!(r015(&estimate), 0, "{}", estimate.stdout);
    // Published on the 17th: late by the estimate (deadline the 14th), said to be an estimate…
    std::fs::write(
        dir.path().join("r.yaml"),
        "organization: x\napproved: {act: Приказ № 1, date: 2028-01-05}\npublished: 2028-01-17\ndirections: []\n",
    )
    .unwrap();
    let late = tochki(["check", registry]);
    assert_eq!(r015(&late), 1, "{}", late.stdout);
    assert!(late.stdout.contains("оценён"), "{}", late.stdout);
    // …and on time by the user's calendar, where 10 January is a day off (deadline the 17th).
    let exact = tochki([
        "check",
        registry,
        "--calendar",
        "tests/fixtures/calendar/2028_made_up.json",
    ]);
    assert_eq!(r015(&exact), 0, "{}", exact.stdout);
}

#[test]
fn a_document_system_export_is_read_by_its_own_headers() {
    let journal = "tests/fixtures/requests/sed_export.csv";
    let run = tochki([
        "requests",
        journal,
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ]);
    let report = run.json();
    let numbers: Vec<(u64, &str, &str)> = report["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["row"].as_u64().unwrap(),
                r["number"].as_str().unwrap(),
                r["form"].as_str().unwrap(),
            )
        })
        .collect();
    // The filter line is not the header; the blank line 7 keeps its row, as Excel shows it;
    // courier, МЭДО, «срочное письмо», «нарочным», «через личный кабинет» are written.
    assert_eq!(
        numbers,
        vec![
            (3, "В-1", "written"),
            (4, "В-2", "written"),
            (5, "В-3", "written"),
            (6, "В-4", "written"),
            (8, "В-5", "written"),
            (9, "В-6", "oral"),
        ]
    );
    // «Фактическая дата исполнения» is the answer, «Плановая дата исполнения» the deadline.
    assert_eq!(at_row(&report, 3)["answered"], "2025-04-30");
    assert_eq!(at_row(&report, 3)["status"], "on_time");
    assert_eq!(at_row(&report, 6)["due"], "2025-04-10");
    assert_eq!(at_row(&report, 6)["status"], "late");
    assert_eq!(at_row(&report, 5)["status"], "overdue");
    assert_eq!(run.code, 1);
    // The headers it did not use and the totals row are said, once.
    assert!(
        run.stderr
            .contains("графы не использованы: «Поступило от», «Форма ответа», «Срок, дней»"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("строка 10 — итог"), "{}", run.stderr);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn two_columns_for_one_field_are_refused_naming_both() {
    let run = tochki(["requests", "tests/fixtures/requests/two_receipts.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("J005")
            && run.stdout.contains("«Вх. дата»")
            && run.stdout.contains("«Дата регистрации»"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_receipt_counts_when_a_journal_has_both_receipt_and_registration_dates() {
    let run = tochki([
        "requests",
        "tests/fixtures/requests/two_dates.csv",
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["requests"][0]["received"], "2025-04-01", "{json}");
    assert!(
        run.stderr.contains("срок считается от «Дата поступления»"),
        "{}",
        run.stderr
    );
}

#[test]
fn headers_are_whole_wordings_and_the_senders_date_is_no_answer() {
    let run = tochki([
        "requests",
        "tests/fixtures/requests/whole_headers.csv",
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ]);
    let json = run.json();
    let requests = json["requests"].as_array().unwrap();
    // «Рег. №» is the number, not «Номер телефона» or «Исх. №».
    assert_eq!(requests[0]["number"], "В-1", "{json}");
    // «Исх. дата» (28.03) is the sender's: В-1 was never answered, and is overdue.
    assert_eq!(requests[0]["answered"], serde_json::Value::Null, "{json}");
    assert_eq!(requests[0]["status"], "overdue", "{json}");
    // «Дата исп.» is the answer; «Срок хранения» is no deadline (the 30 days stand).
    assert_eq!(requests[1]["answered"], "2025-04-10", "{json}");
    assert_eq!(requests[1]["due"], "2025-04-30", "{json}");
    assert_eq!(run.code, 1, "{}", run.stderr);
    for unused in [
        "«Номер телефона»",
        "«Форма собственности»",
        "«Исх. дата»",
        "«Срок хранения»",
    ] {
        assert!(run.stderr.contains(unused), "{unused}: {}", run.stderr);
    }
}

#[test]
fn every_sheet_with_a_journal_header_is_read_and_said() {
    let run = tochki([
        "requests",
        "tests/fixtures/requests/two_sheets.xlsx",
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ]);
    let report = run.json();
    let files = each(&report, "file");
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(files[0].ends_with("(лист «2024»)") && files[2].ends_with("(лист «2025»)"));
    assert_eq!(report["summary"]["total"], 3);
    assert!(
        run.stderr.contains("прочитаны лист «2024», лист «2025»")
            && run
                .stderr
                .contains("пропущены (нет заголовка журнала): лист «Справочник»"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_finding_quotes_a_person() {
    let journal = "tests/fixtures/requests/no_header_personal.csv";
    for anonymous in [false, true] {
        let mut args = vec!["requests", journal];
        if anonymous {
            args.push("--anonymous");
        }
        let run = tochki(&args);
        assert_eq!(run.code, 2);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains("J001"), "{all}");
        for secret in ["Кузнецова", "25-34-11", "123-456-789", "kuznetsova@"] {
            assert!(
                !all.contains(secret),
                "«{secret}» shown (anonymous: {anonymous}):\n{all}"
            );
        }
    }
    // A surname and a СНИЛС in the wrong columns of a journal with a header.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.csv");
    std::fs::write(
        &path,
        "Дата поступления;Форма обращения\nКузнецова;письменное\n01.04.2025;Сидоров\n02.04.2025;123-456-789 01\n",
    )
    .unwrap();
    let run = tochki([
        "requests",
        path.to_str().unwrap(),
        "--anonymous",
        "--format",
        "json",
    ]);
    let all = format!("{}{}", run.stdout, run.stderr);
    for secret in ["Кузнецова", "Сидоров", "123-456-789"] {
        assert!(!all.contains(secret), "«{secret}» shown:\n{all}");
    }
    assert_eq!(run.json()["findings"].as_array().unwrap().len(), 3);
}

#[test]
fn bare_numbers_are_not_dates() {
    let (_dir, path) = temp_journal(
        "Дата поступления;Форма обращения;Срок\n30;письменное;\n12.05;письменное;\n01.04.2025;письменное;30\n12.05.25;письменное;\n",
    );
    let path = path.as_str();
    let report = json(&[path, "--as-of", "2025-05-14"]);
    let codes: Vec<(&str, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["row"].as_u64().unwrap()))
        .collect();
    assert_eq!(codes, vec![("J002", 2), ("J002", 3), ("J002", 4)]);
    // The finding names the column as the journal heads it.
    let message = report["findings"][2]["message"].as_str().unwrap();
    assert!(message.contains("в графе «Срок»"), "{message}");
    // «12.05.25» is a date with a two-digit year.
    assert_eq!(at_row(&report, 5)["received"], "2025-05-12");
    let as_of = tochki(["requests", path, "--as-of", "2025"]);
    assert_eq!(as_of.code, 2);
    assert!(
        as_of.stderr.contains("--as-of «2025»: не дата"),
        "{}",
        as_of.stderr
    );
}

#[test]
fn every_format_carries_the_findings_and_excel_gets_numbers_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    // J001: nothing could be read; the CSV says why instead of an empty header.
    let csv = tochki([
        "requests",
        "tests/fixtures/requests/no_form.csv",
        "--format",
        "csv",
    ]);
    assert!(
        csv.stdout.contains("Строки, которые не посчитаны") && csv.stdout.contains("J001"),
        "{}",
        csv.stdout
    );
    // J002–J004 rows of the example: in the CSV section and in a sheet of their own.
    let csv = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
        "--format",
        "csv",
    ]);
    for code in ["J002", "J003", "J004"] {
        assert!(csv.stdout.contains(code), "{code}: {}", csv.stdout);
    }
    let book = dir.path().join("j.xlsx");
    let run = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-14",
        "--format",
        "xlsx",
        "-o",
        book.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    use calamine::{Data, Reader};
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(workbook.sheet_names(), ["Обращения", "Итоги", "Находки"]);
    let findings = workbook.worksheet_range("Находки").unwrap();
    assert_eq!(findings.height(), 4, "a heading and three findings");
    let requests = workbook.worksheet_range("Обращения").unwrap();
    // Row number as a number, the date received as a date.
    assert!(
        matches!(requests.get((1, 0)), Some(Data::Float(_))),
        "{:?}",
        requests.get((1, 0))
    );
    assert!(
        matches!(requests.get((1, 2)), Some(Data::DateTime(_))),
        "{:?}",
        requests.get((1, 2))
    );
}

#[test]
fn a_cell_too_long_for_excel_is_cut_with_a_mark_and_escapes_are_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j.csv");
    let long = "я".repeat(40_000);
    std::fs::write(
        &journal,
        format!(
            "Дата поступления;Форма обращения;Процесс;Содержание\n01.04.2025;письменное;{long};\n02.04.2025;письменное;;\u{1b}[2Jочистка экрана\n"
        ),
    )
    .unwrap();
    let journal = journal.to_str().unwrap();
    let book = dir.path().join("j.xlsx");
    let run = tochki([
        "requests",
        journal,
        "--as-of",
        "2025-05-14",
        "--format",
        "xlsx",
        "-o",
        book.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let requests = workbook.worksheet_range("Обращения").unwrap();
    let text = requests
        .rows()
        .flat_map(|row| row.iter().map(ToString::to_string))
        .find(|cell| cell.starts_with("яяя"))
        .unwrap();
    assert_eq!(text.chars().count(), 32_767);
    assert!(text.contains("обрезано"));
    let table = tochki(["requests", journal, "--as-of", "2025-05-14"]);
    assert!(!table.stdout.contains('\u{1b}'), "{}", table.stdout);
    assert!(
        table.stdout.contains("\u{fffd}[2Jочистка"),
        "{}",
        table.stdout
    );
}

#[test]
fn one_process_spelt_twice_is_one_group() {
    let report = json(&["examples/requests_2025.csv", "--as-of", "2025-05-14"]);
    let names: Vec<&str> = report["summary"]["by_process"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.to_lowercase().starts_with("начисление"))
            .count(),
        1,
        "{names:?}"
    );
}

#[test]
fn a_cell_in_another_encoding_past_the_sample_is_read_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.csv");
    let mut bytes = "Дата поступления;Форма обращения;Содержание\n"
        .as_bytes()
        .to_vec();
    // 70 KB of UTF-8 rows, then one whose text is Windows-1251.
    for i in 0..1500 {
        bytes.extend(
            format!("01.04.2025;письменное;Запрос номер {i} о справке по зарплате\n").as_bytes(),
        );
    }
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Справка о стаже");
    bytes.extend("02.04.2025;письменное;".as_bytes());
    bytes.extend(cp1251.iter());
    bytes.push(b'\n');
    std::fs::write(&path, &bytes).unwrap();
    let run = tochki([
        "requests",
        path.to_str().unwrap(),
        "--as-of",
        "2025-04-02",
        "--format",
        "csv",
    ]);
    assert!(run.stdout.contains("Справка о стаже"), "the cell is read");
    assert!(
        run.stderr
            .contains("1 строка с ячейками не в кодировке файла (первая — строка 1502) прочитана"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_huge_cell_in_an_overdue_row_is_shown_cut() {
    let (_dir, path) = temp_journal(&format!(
        "Дата поступления;Форма обращения;Содержание\n01.04.2025;письменное;{}\n",
        "а".repeat(5_000_000)
    ));
    let run = tochki(["requests", &path, "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("[обрезано: в ячейке больше 2000 знаков]"),
        "cut with a mark"
    );
    assert!(run.stdout.len() < 100_000, "{} bytes", run.stdout.len());
}

#[test]
fn hidden_sheets_plan_qualifiers_oral_nouns_and_pipes_are_handled_as_a_person_means_them() {
    let run = tochki([
        "requests",
        "tests/fixtures/requests/hidden_sheet.xlsx",
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ]);
    assert_eq!(run.json()["summary"]["total"], 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("скрытые листы не прочитаны: «Скрытый»"),
        "{}",
        run.stderr
    );
    // «Дата ответа (план)» is a deadline, not an answer.
    let (_dir, path) = temp_journal(
        "Дата поступления;Форма обращения;Дата ответа (план)\n09.04.2025;письменное;20.04.2025\n10.04.2025;устный запрос;\n11.04.2025;запрос по телефону;\n",
    );
    let report = json(&[&path, "--as-of", "2025-05-13"]);
    assert_eq!(at_row(&report, 2)["due"], "2025-04-20");
    assert!(at_row(&report, 2)["answered"].is_null());
    assert_eq!(at_row(&report, 2)["status"], "overdue");
    // An oral adjective beats a bare noun; a phone beats «запрос».
    assert_eq!(at_row(&report, 3)["form"], "oral");
    assert_eq!(at_row(&report, 4)["form"], "oral");
    // A pipe given as --calendar or --survey is refused without being opened.
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("calendar.json");
    crate::make_fifo(&pipe);
    let pipe = pipe.to_str().unwrap();
    crate::assert_refuses_pipe(&[
        vec!["requests", path.as_str(), "--calendar", pipe],
        vec![
            "check",
            "registries/example_complete.yaml",
            "--calendar",
            pipe,
        ],
        vec![
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--survey",
            pipe,
        ],
    ]);
}

#[test]
fn a_header_repeated_in_the_body_is_skipped() {
    let (_dir, path) = temp_journal(
        "Дата поступления;Форма обращения\n01.04.2025;письменное\nДата поступления;Форма обращения\n02.04.2025;устное\n",
    );
    let report = json(&[&path, "--as-of", "2025-05-14"]);
    assert_eq!(report["summary"]["total"], 2);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
}

#[test]
fn a_two_row_header_is_read_as_its_leaves_above_or_below() {
    for file in ["delo_web.xlsx", "delo_web_group.csv"] {
        let run = tochki([
            "requests",
            &format!("tests/fixtures/requests/{file}"),
            "--as-of",
            "2025-04-30",
            "--format",
            "json",
        ]);
        let json = run.json();
        let requests = json["requests"].as_array().unwrap();
        // The deadline and the answer under «Исполнение» are read: В-1 on time, В-2 overdue on
        // its own deadline (20.04), not «due soon» on the default 30 days.
        assert_eq!(requests[0]["answered"], "2025-04-10", "{file}: {json}");
        assert_eq!(requests[0]["status"], "on_time", "{file}: {json}");
        assert_eq!(requests[1]["due"], "2025-04-20", "{file}: {json}");
        assert_eq!(requests[1]["status"], "overdue", "{file}: {json}");
        assert_eq!(requests[0]["number"], "В-1", "{file}: {json}");
        let table = &json["ledger"]["tables"][0];
        assert_eq!(table["counts"]["header"], 2, "{file}: {table}");
        assert_eq!(run.code, 1, "{file}: {}", run.stderr);
    }
}

#[test]
fn the_journal_is_judged_in_the_bodys_zone_and_hours_as_it_stood_on_the_day() {
    let (_dir, path) = temp_journal(
        "Рег. №;Дата поступления;Форма обращения;Дата ответа\n\
         В-1;2025-03-02T21:00:00Z;письменное;01.04.2025\n\
         В-2;10.03.2025 19:45;устное;11.03.2025\n\
         В-3;03.03.2025г.;Фельдъегерская связь;\n\
         В-4;01.06.2025;письменное;\n\
         В-5;03.03.2025;письменное;01.01.2099\n",
    );
    let run = |zone: &str| {
        tochki([
            "requests",
            &path,
            "--as-of",
            "2025-05-14",
            "--timezone",
            zone,
            "--format",
            "json",
        ])
    };
    let moscow = run("Europe/Moscow");
    let json = moscow.json();
    let number = |n: &str| {
        json["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["number"] == n)
            .cloned()
            .unwrap_or_else(|| panic!("{n} not in {json}"))
    };
    // 21:00 UTC on 2 March is 3 March in Moscow.
    assert_eq!(number("В-1")["received"], "2025-03-03");
    // An oral request after 18:00 is answered the next working day: on time.
    assert_eq!(number("В-2")["due"], "2025-03-11");
    assert_eq!(number("В-2")["status"], "on_time");
    // «Фельдъегерская связь» is a written form; «03.03.2025г.» a date.
    assert_eq!(number("В-3")["form"], "written");
    assert_eq!(number("В-3")["status"], "overdue");
    // Received after the day of the check, answered in 2099: J006, counted nowhere else.
    let j006: Vec<u64> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "J006")
        .map(|f| f["row"].as_u64().unwrap())
        .collect();
    assert_eq!(j006, vec![5, 6], "{json}");
    assert_eq!(json["summary"]["total"], 3);
    assert_eq!(moscow.code, 1);
    let utc = run("UTC").json();
    assert_eq!(utc["requests"][0]["received"], "2025-03-02", "{utc}");
    let bad = tochki(["requests", &path, "--timezone", "Марс"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("«Марс»") && bad.stderr.contains("не часовой пояс"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_receipt_date_merged_down_belongs_to_every_row_it_covers() {
    for file in ["merged_dates.xlsx", "merged_dates.docx"] {
        let run = tochki([
            "requests",
            &format!("tests/fixtures/requests/{file}"),
            "--as-of",
            "2025-04-30",
            "--format",
            "json",
        ]);
        assert_eq!(run.code, 0, "{file}: {}", run.stdout);
        let json = run.json();
        let received = each(&json, "received");
        assert_eq!(received, vec!["2025-04-01"; 3], "{file}: {json}");
        assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{file}");
    }
}

#[test]
fn a_quote_left_open_is_a_finding_with_its_row_and_the_rows_it_swallowed_are_counted() {
    let run = tochki([
        "requests",
        "tests/fixtures/requests/quote_open.csv",
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let finding = &json["findings"][0];
    assert_eq!(finding["code"], "J007", "{json}");
    assert_eq!(finding["row"], 3, "{json}");
    assert_eq!(json["summary"]["total"], 1, "{json}");
    let table = &json["ledger"]["tables"][0];
    assert_eq!(table["rows"], 5, "{table}");
    assert_eq!(table["counts"]["finding"], 3, "{table}");
}

#[test]
fn nothing_that_names_a_person_passes_anonymous_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let journal = "tests/fixtures/requests/Иванова М.П.xlsx";
    let names = ["Иванова", "Петров", "913", "Сидорова", "Смирнов"];
    for format in ["table", "json", "csv", "markdown", "xlsx"] {
        let out = dir.path().join(format!("out.{format}"));
        let mut args = vec![
            "requests",
            journal,
            "--as-of",
            "2025-04-30",
            "--anonymous",
            "--format",
            format,
        ];
        let out_text = out.to_str().unwrap().to_string();
        if format == "xlsx" {
            args.extend(["-o", &out_text]);
        }
        let run = tochki(&args);
        let mut said = format!("{}\n{}", run.stdout, run.stderr);
        if format == "xlsx" {
            let bytes = std::fs::read(&out).unwrap();
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..archive.len() {
                let mut part = archive.by_index(i).unwrap();
                let mut text = String::new();
                let _ = std::io::Read::read_to_string(&mut part, &mut text);
                said.push_str(&text);
            }
        }
        assert!(
            said.contains("2025-04") || said.contains("04.2025") || said.contains("апрель 2025"),
            "{format}: {said}"
        );
        for name in names {
            assert!(!said.contains(name), "{format}: «{name}» in\n{said}");
        }
    }
    // Without --anonymous the sheets are named as they are.
    let run = tochki(["requests", journal, "--as-of", "2025-04-30"]);
    assert!(run.stderr.contains("Иванова М.П."), "{}", run.stderr);
}

#[test]
fn a_file_that_is_no_journal_is_said_on_stderr_in_every_format() {
    for format in ["json", "csv", "table"] {
        let run = tochki(["requests", "examples/survey_2025.csv", "--format", format]);
        assert_eq!(run.code, 2, "{format}");
        let said = format!("{}{}", run.stdout, run.stderr);
        assert!(said.contains("J001"), "{format}: {said}");
        if format != "table" {
            assert!(run.stderr.contains("J001"), "{format}: {}", run.stderr);
        }
        // The questions' wording is no name: «Насколько Вы …» stays as written.
        assert!(said.contains("Насколько Вы"), "{format}: {said}");
    }
}

#[test]
fn a_regions_own_day_off_moves_a_deadline_when_the_registry_or_region_names_it() {
    // An oral request on Monday 22 November 2027, Джеоргуыба in North Ossetia (law 61-РЗ):
    // due the next working day there, the same day elsewhere.
    let (_dir, path) =
        temp_journal("Рег. №;Дата поступления;Форма обращения;Дата ответа\n1;22.11.2027;устное;\n");
    let due = |extra: &[&str]| {
        let mut args = vec![
            "requests",
            path.as_str(),
            "--as-of",
            "2027-11-22",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let json = tochki(&args).json();
        json["requests"][0]["due"].as_str().unwrap().to_string()
    };
    assert_eq!(due(&[]), "2027-11-22");
    assert_eq!(due(&["--region", "Северная Осетия"]), "2027-11-23");
    assert_eq!(
        due(&[
            "--registry",
            "registries/north_ossetia_hr_it_accounting.yaml"
        ]),
        "2027-11-23"
    );
    let unknown = tochki(["requests", &path, "--region", "Марсианская область"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("--calendar"), "{}", unknown.stderr);
}

#[test]
fn a_table_lists_the_most_overdue_first_and_counts_the_rest_json_keeps_all() {
    let mut text = String::from("Рег. №;Дата поступления;Форма обращения\n");
    for i in 0..600 {
        // Received over January–February 2025: all overdue by 30.06, the oldest most.
        let day =
            chrono::NaiveDate::from_ymd_opt(2025, 1, 9).unwrap() + chrono::Duration::days(i % 50);
        text.push_str(&format!("{i};{};письменное\n", day.format("%d.%m.%Y")));
    }
    let (_dir, path) = temp_journal(&text);
    let table = tochki(["requests", &path, "--as-of", "2025-06-30"]);
    assert_eq!(table.code, 1);
    assert!(
        table.stdout.contains("… и ещё 100 просроченных"),
        "{}",
        &table.stdout[..500]
    );
    // The first row listed is one of the oldest requests (received 09.01.2025).
    // At 80 columns each request is a block of «поле: значение» lines.
    let first_row = table
        .stdout
        .lines()
        .find(|l| l.contains("Поступило:"))
        .unwrap();
    assert!(first_row.contains("09.01.2025"), "{first_row}");
    let json = tochki([
        "requests",
        &path,
        "--as-of",
        "2025-06-30",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["requests"].as_array().unwrap().len(), 600);
    assert_eq!(json["summary"]["overdue"], 600);
}

#[test]
fn what_a_hostile_pass_found_reads_right_now() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    // A title line with no delimiter above the header (DIRECTUM RX); a grouping row; an oral
    // request at 18:00 sharp (not after the day's end); a group heading over a generic leaf.
    let directum = write(
        "Журнал_Орлова_Ольга.csv",
        "Журнал учета обращений граждан (DIRECTUM RX)\n\
         Рег. №;Поступило;;Форма обращения;Кузьмина К.К.\n\
         ;Дата;Время;;\n\
         Беляева Белла Борисовна (2);;;;\n\
         1;10.04.2025;18:00;устное;\n\
         2;10.04.2025 18:00;;устное;\n",
    );
    let run = tochki([
        "requests",
        &directum,
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
        "--anonymous",
    ]);
    let json = run.json();
    let requests = json["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 2, "{json}\n{}", run.stderr);
    assert!(
        requests.iter().all(|r| r["received"] == "2025-04-10"),
        "{json}"
    );
    // 18:00 is the end of the day, not after it: due the same day.
    assert_eq!(requests[1]["due"], "2025-04-10", "{json}");
    assert_eq!(
        json["ledger"]["tables"][0]["counts"]["heading"], 1,
        "{json}"
    );
    let said = format!("{}{}", run.stdout, run.stderr);
    for name in ["Орлова", "Кузьмина", "Беляева"] {
        assert!(!said.contains(name), "{name} in {said}");
    }
    assert!(said.contains("журнал 1.csv"), "{said}");
    // The same file twice is read once.
    let twice = tochki([
        "requests",
        &directum,
        &directum,
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
    ]);
    assert_eq!(twice.json()["summary"]["total"], 2);
    assert!(twice.stderr.contains("указан дважды"), "{}", twice.stderr);
}

#[test]
fn a_time_of_receipt_in_a_column_of_its_own_counts_for_an_oral_request() {
    let (_dir, path) = temp_journal(
        "Рег. №;Дата поступления;Время поступления;Форма обращения;Дата ответа\n\
         1;10.04.2025;19:05;устное;11.04.2025\n\
         2;10.04.2025;09:30;устное;11.04.2025\n",
    );
    let json = tochki([
        "requests",
        &path,
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
    ])
    .json();
    // After 18:00: due the next working day, answered on time; in the morning: late by one.
    assert_eq!(json["requests"][0]["due"], "2025-04-11", "{json}");
    assert_eq!(json["requests"][0]["status"], "on_time", "{json}");
    assert_eq!(json["requests"][1]["status"], "late", "{json}");
}

#[test]
fn an_answer_written_with_its_number_is_read_by_the_one_date_in_it() {
    let (_dir, path) = temp_journal(
        "Рег. №;Дата поступления;Форма обращения;Дата и номер ответа\n\
         1;01.04.2025;письменное;Исх. № 45 от 10.04.2025\n\
         2;01.04.2025;письменное;от 02.04.2025, повторно 10.04.2025\n\
         3;01.04.2025;письменное;\n",
    );
    let json = tochki([
        "requests",
        &path,
        "--as-of",
        "2025-05-14",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["requests"][0]["answered"], "2025-04-10", "{json}");
    assert_eq!(json["requests"][0]["status"], "on_time", "{json}");
    // Two dates: which one answered cannot be told, a finding with its row.
    assert_eq!(json["findings"][0]["code"], "J002", "{json}");
    assert_eq!(json["findings"][0]["row"], 3, "{json}");
    assert_eq!(json["requests"][1]["status"], "overdue", "{json}");
}

#[test]
fn a_second_hostile_pass_reads_right_now() {
    // «Регистрация» over «№ | Дата»: «Дата регистрации»; «08 апр 2025», «2025.04.09»;
    // a registration number that names a person is not kept under --anonymous.
    let (_dir, path) = temp_journal(
        "Журнал регистрации обращений\n\
         Регистрация;;Форма обращения;Ответственный\n\
         №;Дата;;\n\
         Комаровская-12;08 апр 2025;письменное;Иванова\n\
         13;2025.04.09;устное;Петров\n",
    );
    let run = tochki([
        "requests",
        &path,
        "--as-of",
        "2025-04-30",
        "--format",
        "json",
        "--anonymous",
    ]);
    let json = run.json();
    let received = each(&json, "received");
    assert_eq!(
        received,
        vec!["2025-04-08", "2025-04-09"],
        "{json}\n{}",
        run.stderr
    );
    let said = format!("{}{}", run.stdout, run.stderr);
    for name in ["Комаровская", "Иванова", "Петров"] {
        assert!(!said.contains(name), "{name} in {said}");
    }
}

#[test]
fn a_third_hostile_pass_reads_right_now() {
    // A title with a comma above a «;» header; «Дата» over «поступления | ответа»; a bare
    // «Время» column for an oral request after 18:00.
    let (_dir, path) = temp_journal(
        "Журнал обращений, 2026 год\n\
         Рег. №;Дата;;Время;Форма обращения\n\
         ;поступления;ответа;;\n\
         1;10.04.2026;13.04.2026;18:30;устное\n",
    );
    let json = tochki([
        "requests",
        &path,
        "--as-of",
        "2026-04-30",
        "--format",
        "json",
    ])
    .json();
    let request = &json["requests"][0];
    assert_eq!(request["received"], "2026-04-10", "{json}");
    assert_eq!(request["answered"], "2026-04-13", "{json}");
    assert_eq!(request["due"], "2026-04-13", "{json}");
    assert_eq!(request["status"], "on_time", "{json}");
}

#[test]
fn a_fourth_hostile_pass_reads_right_now() {
    // Headings split over two rows: «Поступление» / «дата», «Форма» / «обращения», «Ответ» /
    // «дата» (POI-style CSV from a document system).
    let (_dir, path) = temp_journal(
        "№ п/п,Поступление,,Форма,Ответ,Исполнитель\n\
         ,дата,вх. номер,обращения,дата,\n\
         1,10.03.2026,А-1,письменная,09.04.2026,Лебедев И.Н.\n\
         2,01.04.2026,А-2,письменная,,Новикова М.О.\n",
    );
    let json = tochki([
        "requests",
        &path,
        "--as-of",
        "2026-04-30",
        "--format",
        "json",
    ])
    .json();
    let requests = json["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 2, "{json}");
    assert_eq!(requests[0]["status"], "on_time", "{json}");
    // 01.04.2026 + 30 = 1 May, a holiday: due 30 April, the day of the check.
    assert_eq!(requests[1]["due"], "2026-04-30", "{json}");
    assert_eq!(requests[1]["status"], "due_soon", "{json}");
}
