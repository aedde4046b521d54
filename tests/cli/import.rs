//! `tochki import` and registries read from Word and Excel tables by check, show, stats and
//! diff (import.md), on the examples and on broken and hostile fixtures.

use crate::{files_in, root, tochki};
use tochki::registry::model::NeedValue;

/// The header comment names today's date: a snapshot keeps it out.
fn without_import_date(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with("# Импортировано из") {
                let cut = line.find(") ").map_or(line.len(), |i| i + 1);
                format!("{} ДАТА командой tochki import.", &line[..cut])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_smolensk_appendix_in_word_imports_with_its_merged_cells() {
    let run = tochki(["import", "examples/smolensk_appendix.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(without_import_date(&run.stdout));
    // The YAML it writes is a registry tochki reads, with the same nine touchpoints.
    let registry: tochki::registry::Registry = serde_yaml::from_str(&run.stdout).unwrap();
    assert_eq!(registry.touchpoints().count(), 9);
    assert_eq!(registry.directions.as_ref().unwrap().len(), 2);
}

#[test]
fn check_on_the_word_appendix_finds_its_two_real_duplicates_at_their_cells() {
    let run = tochki(["check", "examples/smolensk_appendix.docx"]);
    assert_eq!(run.code, 1);
    let duplicates: Vec<&str> = run.stdout.lines().filter(|l| l.contains("R008")).collect();
    assert_eq!(duplicates.len(), 2, "{}", run.stdout);
    assert!(duplicates[0].starts_with(
        "examples/smolensk_appendix.docx: таблица 1, строка 3, графа «Точка взаимодействия»: R008"
    ));
    assert!(duplicates[1].contains("строка 9,"), "{}", duplicates[1]);
    let json = tochki([
        "check",
        "--format",
        "json",
        "examples/smolensk_appendix.docx",
    ])
    .json();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "R008")
        .unwrap()
        .clone();
    assert_eq!(finding["line"], 3);
    assert_eq!(finding["column"], 4);
    assert_eq!(
        finding["cell"],
        "таблица 1, строка 3, графа «Точка взаимодействия»"
    );
}

#[test]
fn the_lipetsk_form_in_excel_reads_merged_ranges_and_skips_the_column_numbers() {
    let run = tochki(["import", "examples/lipetsk_form.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(without_import_date(&run.stdout));
    assert!(
        run.stderr.contains(
            "examples/lipetsk_form.xlsx: Перечень!F8 (графа «Удовлетворяемые потребности»): I003"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn stats_and_show_read_tables_directly() {
    let stats = tochki(["stats", "examples/lipetsk_form.xlsx"]);
    assert_eq!(stats.code, 0, "{}", stats.stderr);
    assert!(
        stats.stdout.contains("Точек взаимодействия: 6"),
        "{}",
        stats.stdout
    );
    let show = tochki(["show", "--format", "markdown", "examples/lipetsk_form.xlsx"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(show.stdout.contains("Отдел кадров"));
}

#[test]
fn diff_compares_last_years_word_table_with_this_years_yaml() {
    let run = tochki([
        "diff",
        "examples/smolensk_appendix.docx",
        "registries/smolensk_accounting.yaml",
    ]);
    // The YAML states needs the Word table does not have: changes, not a failure to read.
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("потребност"), "{}", run.stdout);
    assert!(!run.stdout.contains("Процесс добавлен"), "{}", run.stdout);
}

#[test]
fn a_table_with_defects_is_written_with_its_findings_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.yaml");
    let run = tochki([
        "import",
        "tests/fixtures/import/defects.docx",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.contains("{other: пропуск в здание}"), "{written}");
}

#[test]
fn files_that_are_no_registry_table_are_refused_with_exit_2() {
    for (file, expected) in [
        (
            "no_table.docx",
            "ошибка: tests/fixtures/import/no_table.docx: В файле нет ни одной таблицы (I001)",
        ),
        (
            "no_point_column.docx",
            "просмотрена таблица 1: «Процесс», «Канал»",
        ),
        ("encrypted.docx", "защищён паролем"),
        ("damaged.xlsx", "не читается как книга Excel"),
        ("zip_bomb.docx", "zip-бомба"),
    ] {
        let run = tochki(["import", &format!("tests/fixtures/import/{file}")]);
        assert_eq!(run.code, 2, "{file}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{file}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{file}: {}", run.stdout);
        assert!(!run.stderr.contains("panicked"));
        // A refusal is said as one: never «внимание» with an exit of 2.
        assert!(!run.stderr.contains("внимание"), "{file}: {}", run.stderr);
    }
    let check = tochki(["check", "tests/fixtures/import/no_point_column.docx"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("I001"), "{}", check.stdout);
}

#[test]
fn import_never_writes_over_its_input_or_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("perechen.docx");
    std::fs::copy(root().join("examples/smolensk_appendix.docx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let run = tochki([
        "import",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let output = dir.path().join("perechen.yaml");
    std::fs::write(&output, "старое").unwrap();
    let run = tochki([
        "import",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "старое");
    let run = tochki([
        "import",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("directions:")
    );
}

#[test]
fn columns_with_other_headers_are_mapped_explicitly() {
    let run = tochki([
        "import",
        "tests/fixtures/import/no_point_column.docx",
        "--column",
        "Канал=point",
    ]);
    // No direction column: one direction without a name, which check reports (R002).
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("point: Телефон"), "{}", run.stdout);
    let bad = tochki([
        "import",
        "tests/fixtures/import/no_point_column.docx",
        "--column",
        "Канал=точка",
    ]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("поля «точка» нет"), "{}", bad.stderr);
}

/// What a round trip must keep: per touchpoint, in order, its direction, process, point,
/// channel, needs and texts.
fn model(registry: &tochki::registry::Registry) -> Vec<String> {
    registry
        .touchpoints()
        .map(|t| {
            let text = |v: &Option<tochki::registry::model::Text>| {
                v.as_ref()
                    .map(|t| t.0.trim().to_string())
                    .unwrap_or_default()
            };
            let needs: Vec<String> = t
                .touchpoint
                .need_values()
                .into_iter()
                .map(|n| match n {
                    NeedValue::Known { need, description } => {
                        format!("{}{}", need.code(), description.unwrap_or_default())
                    }
                    other => format!("{other:?}"),
                })
                .collect();
            format!(
                "{} | {} | {} | {:?} | {} | {} | {} | {}",
                text(&t.direction.name),
                text(&t.process.name),
                text(&t.touchpoint.point),
                t.touchpoint.channel_value(),
                needs.join(","),
                text(&t.touchpoint.interaction),
                text(&t.touchpoint.client),
                text(&t.touchpoint.value),
            )
        })
        .collect()
}

#[test]
fn every_shipped_registry_survives_show_docx_and_xlsx_then_import() {
    let dir = tempfile::tempdir().unwrap();
    for file in files_in("registries", "yaml") {
        let original = tochki::registry::load_file(&root().join(&file)).unwrap();
        let original = original.registry.unwrap();
        for format in ["docx", "xlsx"] {
            let table = dir.path().join(format!("t.{format}"));
            let _ = std::fs::remove_file(&table);
            let show = tochki([
                "show",
                &file,
                "--format",
                format,
                "-o",
                table.to_str().unwrap(),
            ]);
            assert_eq!(show.code, 0, "{file}: {}", show.stderr);
            let imported = tochki::registry::load_file(&table).unwrap();
            assert!(
                imported.findings.iter().all(|f| f.code != "I004"),
                "{file} {format}: {:?}",
                imported.findings
            );
            assert_eq!(
                model(&imported.registry.unwrap()),
                model(&original),
                "{file} as {format}"
            );
        }
    }
}

/// Tiny files that declare huge sizes (scripts/make_hostile_tables.py): each is refused in
/// Russian or read sparsely, by every reader, never by allocating what it declares.
#[test]
fn tiny_files_that_declare_huge_sizes_are_refused_or_read_sparsely() {
    for (file, code, said) in [
        ("grid_before.docx", 2, "w:gridBefore"),
        ("huge_cell.docx", 2, "длиннее 1 МБ в одной ячейке"),
        ("far_columns.xlsx", 2, "больше 5000000 ячеек"),
        ("far_cell.xlsx", 1, "Проверено 1 файл"),
        ("wide_merges.xlsx", 1, "Проверено 1 файл"),
        ("overlapping_merges.xlsx", 1, "Проверено 1 файл"),
    ] {
        let path = format!("tests/fixtures/hostile/{file}");
        let run = tochki(["check", &path]);
        assert_eq!(run.code, code, "{file}: {}{}", run.stdout, run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(said), "{file}: {all}");
        assert!(
            !all.contains("panicked") && !all.contains("memory allocation"),
            "{file}"
        );
    }
    // The far cell is read by the journal and the survey readers too, sparsely.
    let journal = tochki(["requests", "tests/fixtures/hostile/far_cell.xlsx"]);
    assert_eq!(journal.code, 2, "{}", journal.stderr);
    assert!(journal.stdout.contains("J001"), "{}", journal.stdout);
    let survey = tochki(["survey", "check", "tests/fixtures/hostile/far_cell.xlsx"]);
    assert!(
        survey.code <= 2 && survey.stdout.contains("S004"),
        "{}",
        survey.stdout
    );
    let huge = tochki(["requests", "tests/fixtures/hostile/huge_cell.docx"]);
    assert_eq!(huge.code, 2);
    assert!(
        huge.stderr.contains("не похож на журнал обращений"),
        "{}",
        huge.stderr
    );
}

/// The official table's rows of a file: (direction, process, point, channel, needs).
fn shown_rows(file: &str) -> Vec<(String, String, String, String, Vec<String>)> {
    let run = tochki(["show", file, "--format", "json"]);
    assert!(run.code <= 1, "{file}: {}", run.stderr);
    run.json()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap().to_string();
            let needs = r["needs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string())
                .collect();
            (
                text("direction"),
                text("process"),
                text("point"),
                text("channel"),
                needs,
            )
        })
        .collect()
}

#[test]
fn a_registry_over_several_tables_or_sheets_is_one_registry() {
    for file in [
        "tests/fixtures/layouts/continued.docx",
        "tests/fixtures/layouts/continued_bare.docx",
        "tests/fixtures/layouts/repeated_header.docx",
        "tests/fixtures/layouts/two_sheets.xlsx",
    ] {
        let rows = shown_rows(file);
        let points: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
        assert_eq!(
            points,
            [
                "Телефонная связь",
                "Электронная почта",
                "Кабинет 305",
                "СЭД"
            ],
            "{file}"
        );
        // No header copy became a direction, a process or a point.
        assert!(
            rows.iter()
                .all(|r| r.0 != "Направление деятельности" && r.1 != "Наименование процесса"),
            "{file}"
        );
        assert_eq!(rows[2].0, "Кадровая политика", "{file}");
    }
    // Positions stay per table: the second table's row is named as the second table's.
    let run = tochki([
        "check",
        "tests/fixtures/layouts/continued.docx",
        "--format",
        "json",
    ]);
    let cells: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["cell"].as_str().map(str::to_string))
        .collect();
    assert!(
        cells.iter().any(|c| c.starts_with("таблица 2, строка 3")),
        "{cells:?}"
    );
    // A continuation with other columns is said, not joined silently and not dropped silently.
    let run = tochki([
        "check",
        "tests/fixtures/layouts/continued_wrong.docx",
        "--format",
        "json",
    ]);
    let i005: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "I005")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(i005.len(), 1, "{i005:?}");
    assert!(
        i005[0].contains("Таблица 2") && i005[0].contains("число граф"),
        "{i005:?}"
    );
}

#[test]
fn cells_merged_down_belong_to_every_row_and_needs_rows_join_their_point() {
    let rows = shown_rows("tests/fixtures/layouts/needs_rows.docx");
    assert_eq!(rows.len(), 3, "{rows:?}");
    // One need per row under a merged point: one touchpoint with three needs, no new direction.
    assert_eq!(rows[0].2, "Телефонная связь");
    assert_eq!(rows[0].4.len(), 3, "{:?}", rows[0].4);
    assert!(rows.iter().all(|r| r.0 == "Бухгалтерский учет"));
    // The channel merged down over «Кабинет 12» is the channel the document shows there.
    assert_eq!(rows[2].2, "Кабинет 12");
    assert_eq!(rows[2].3, "цифровая");
}

#[test]
fn a_document_is_read_as_a_person_sees_it() {
    let rows = shown_rows("tests/fixtures/layouts/revisions.docx");
    let points: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        points,
        [
            // Hidden text (w:vanish) is not read.
            "Телефонная связь",
            // A non-breaking hyphen is a hyphen; old cell properties (w:tcPrChange) are ignored.
            "Интернет-приёмная",
            // The deleted row is gone; moved-away text (w:moveFrom) is not read.
            "Почта России",
            // A text box is read once, the text around it kept.
            "Почта сноска России",
            // A soft hyphen is nothing.
            "Электронная почта",
        ]
    );
    assert!(rows.iter().all(|r| !r.2.contains("25-34-11")));
    // The channel after the old gridSpan is in its own column, not shifted.
    assert_eq!(rows[1].3, "цифровая");
    // The placeholder of an empty content control is empty.
    let run = tochki([
        "show",
        "tests/fixtures/layouts/revisions.docx",
        "--format",
        "json",
    ]);
    assert!(
        !run.stdout.contains("Место для ввода текста"),
        "{}",
        run.stdout
    );
}

#[test]
fn qualified_headings_are_read_and_a_second_column_of_one_field_is_said() {
    let rows = shown_rows("tests/fixtures/layouts/qualified.docx");
    assert_eq!(rows[0].0, "Бухгалтерский учет");
    assert_eq!(rows[0].2, "Телефонная связь");
    let run = tochki([
        "check",
        "tests/fixtures/layouts/qualified.docx",
        "--format",
        "json",
    ]);
    let i002: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "I002")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(i002.len(), 1, "{i002:?}");
    assert!(
        i002[0].contains("то же поле") && i002[0].contains("столбец 3"),
        "{i002:?}"
    );
    let value = tochki([
        "show",
        "tests/fixtures/layouts/qualified.docx",
        "--format",
        "json",
    ]);
    assert_eq!(value.json()["rows"][0]["value"], "Ответ без визита");
}

#[test]
fn a_file_is_named_by_what_it_is() {
    for (file, said) in [
        ("old_office.docx", "старого формата Office"),
        ("rich_text.docx", "документ RTF"),
        ("workbook.docx", "это книга Excel"),
        ("document.xlsx", "это документ Word"),
        ("open_document.docx", "OpenDocument"),
    ] {
        for command in ["check", "import"] {
            let run = tochki([command, &format!("tests/fixtures/kinds/{file}")]);
            assert_eq!(run.code, 2, "{command} {file}: {}", run.stderr);
            assert!(
                run.stderr.contains(said),
                "{command} {file}: {}",
                run.stderr
            );
            assert!(
                !run.stderr.contains("выгрузк") && !run.stderr.contains(".yaml"),
                "{}",
                run.stderr
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("папка.docx");
    std::fs::create_dir(&folder).unwrap();
    let run = tochki(["check", folder.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("это папка, а не документ"),
        "{}",
        run.stderr
    );
    // A pipe is refused without being opened (opening it would block).
    let pipe = dir.path().join("журнал.csv");
    crate::make_fifo(&pipe);
    let pipe = pipe.to_str().unwrap();
    crate::assert_refuses_pipe(&[
        vec!["requests", pipe],
        vec!["survey", "check", pipe],
        vec!["check", pipe],
    ]);
}

#[test]
fn choosing_a_table_or_a_sheet_is_answered_in_the_files_own_terms() {
    let table_on_book = tochki(["check", "examples/lipetsk_form.xlsx", "--format", "json"]);
    assert!(table_on_book.code <= 1);
    let run = tochki(["import", "examples/lipetsk_form.xlsx", "--table", "2"]);
    assert!(
        run.stderr.contains("нет таблиц по номеру") && run.stderr.contains("«Перечень»"),
        "{}",
        run.stderr
    );
    let run = tochki([
        "import",
        "examples/lipetsk_form.xlsx",
        "--sheet",
        "Нет такого",
    ]);
    assert!(run.stderr.contains("листы: «Перечень»"), "{}", run.stderr);
    // The sheet is named in another case: it is found, and its own problem is said.
    let run = tochki([
        "import",
        "examples/lipetsk_form.xlsx",
        "--sheet",
        "перечень",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = tochki(["check", "tests/fixtures/import/no_table.docx"]);
    assert!(
        run.stdout.contains("нет ни одной таблицы"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("--column"),
        "no advice that cannot help: {}",
        run.stdout
    );
}

#[test]
fn an_xlsb_is_refused_as_what_it_is_by_every_reader() {
    for (file, said) in [
        ("binary.xlsb", "книги .xlsb не читаются"),
        ("protected.xlsb", "защищён паролем"),
    ] {
        let path = format!("tests/fixtures/kinds/{file}");
        for args in [
            vec!["check", path.as_str()],
            vec!["import", path.as_str()],
            vec!["survey", "check", path.as_str()],
            vec!["requests", path.as_str()],
        ] {
            let run = tochki(&args);
            assert_eq!(run.code, 2, "{args:?}");
            assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
            assert!(
                !run.stderr.contains(".yaml") && !run.stderr.contains("CSV-таблица"),
                "{}",
                run.stderr
            );
        }
    }
}

#[test]
fn an_office_file_under_a_yaml_or_doc_name_gets_no_yaml_advice() {
    let dir = tempfile::tempdir().unwrap();
    for (source, name, said) in [
        (
            "examples/smolensk_appendix.docx",
            "перечень.doc",
            "это документ Word",
        ),
        (
            "examples/lipetsk_form.xlsx",
            "перечень.yaml",
            "это книга Excel",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::copy(crate::root().join(source), &path).unwrap();
        let run = tochki(["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{name}");
        assert!(run.stderr.contains(said), "{name}: {}", run.stderr);
        assert!(
            !run.stderr.contains(".yaml") || name.ends_with(".yaml"),
            "{}",
            run.stderr
        );
        assert!(
            !run.stdout.contains("UTF-8") && !run.stderr.contains("нулевые байты"),
            "{}",
            run.stderr
        );
    }
    let pipe = dir.path().join("pipe.yaml");
    crate::make_fifo(&pipe);
    crate::assert_refuses_pipe(&[vec!["check", pipe.to_str().unwrap()]]);
}

#[test]
fn a_heading_of_punctuation_only_names_no_column() {
    let run = tochki([
        "import",
        "tests/fixtures/layouts/continued.docx",
        "--column",
        "%=point",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("point: Телефонная связь"),
        "{}",
        run.stdout
    );
}

/// The codes of a `check --format json` run with its arguments.
fn codes_of(args: &[&str]) -> Vec<String> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    tochki(all).json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_header_of_two_rows_is_read_as_its_leaf_headings() {
    let channel = |rows: &[(String, String, String, String, Vec<String>)]| {
        rows.iter().map(|r| r.3.clone()).collect::<Vec<_>>()
    };
    let word = shown_rows("tests/fixtures/layouts/two_row_header.docx");
    assert_eq!(word.len(), 4, "{word:?}");
    assert_eq!(word[0].2, "Телефонная связь");
    assert_eq!(word[3].0, "Кадровая политика");
    assert_eq!(
        channel(&word),
        ["цифровая", "цифровая", "офлайн", "цифровая"]
    );
    let excel = shown_rows("tests/fixtures/layouts/two_row_header.xlsx");
    assert_eq!(excel.len(), 2, "{excel:?}");
    assert_eq!(channel(&excel), ["цифровая", "цифровая"]);
    // The leaf heading names its column in positions with its parent.
    let run = tochki([
        "check",
        "tests/fixtures/layouts/two_row_header.docx",
        "--format",
        "json",
    ]);
    let cells: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["cell"].as_str().map(str::to_string))
        .collect();
    assert!(
        cells
            .iter()
            .any(|c| c == "таблица 1, строка 4, графа «Точка взаимодействия: наименование»"),
        "{cells:?}"
    );
    assert!(
        !codes_of(&["tests/fixtures/layouts/two_row_header.docx"])
            .iter()
            .any(|c| c == "I002" || c == "I004" || c == "R002")
    );
    // A parent heading above «Точка взаимодействия | Вид точки» (the other sheet).
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("above.yaml");
    let run = tochki([
        "import",
        "tests/fixtures/layouts/two_row_header.xlsx",
        "--sheet",
        "Выше",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let above = shown_rows(out.to_str().unwrap());
    assert_eq!(
        above
            .iter()
            .map(|r| (r.2.as_str(), r.3.as_str()))
            .collect::<Vec<_>>(),
        [("Кабинет 305", "офлайн"), ("СЭД", "цифровая")]
    );
}

#[test]
fn a_numbered_section_heading_is_a_direction() {
    let rows = shown_rows("tests/fixtures/layouts/numbered_sections.docx");
    let directions: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        directions,
        [
            "Бухгалтерский учет",
            "Бухгалтерский учет",
            "Кадровая политика",
            "Кадровая политика"
        ]
    );
    assert_eq!(rows[2].1, "Оформление отпусков");
    // «№» is the number column, not an unknown heading.
    assert!(
        !codes_of(&["tests/fixtures/layouts/numbered_sections.docx"])
            .iter()
            .any(|c| c == "I002" || c == "R002" || c == "R012")
    );
}

#[test]
fn the_caption_past_an_approval_block_names_the_act_and_check_takes_what_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("block.yaml");
    let run = tochki([
        "import",
        "tests/fixtures/layouts/approval_block.docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(
        yaml.contains("act: Приказ Министерства финансов № 76")
            && yaml.contains("date: \"2024-09-24\""),
        "{yaml}"
    );
    // The body is the issuer of its own order: «приказом Министерства финансов».
    assert!(
        yaml.contains("organization: Министерство финансов\n"),
        "{yaml}"
    );
    // No organisation anywhere above the table: check says so in the table's terms, not YAML's.
    let run = tochki(["check", "tests/fixtures/real_layouts/marks.xlsx"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("--organization") && !run.stdout.contains("organization:"),
        "{}",
        run.stdout
    );
    let given = codes_of(&[
        "tests/fixtures/real_layouts/marks.xlsx",
        "--organization",
        "Министерство финансов Омской области",
    ]);
    assert!(!given.iter().any(|c| c == "R002"), "{given:?}");
    // On YAML files the options mean nothing: said, not ignored.
    let yaml_only = tochki(["check", "registries", "--organization", "x"]);
    assert_eq!(yaml_only.code, 2);
    assert!(
        yaml_only.stderr.contains("относятся к таблицам"),
        "{}",
        yaml_only.stderr
    );
}

#[test]
fn the_main_part_is_found_by_the_package_and_an_alt_chunk_is_refused() {
    let rows = shown_rows("tests/fixtures/layouts/main_part.docx");
    assert_eq!(rows.len(), 2);
    let chunk = tochki(["import", "tests/fixtures/layouts/alt_chunk.docx"]);
    assert_eq!(chunk.code, 2);
    assert!(
        chunk.stderr.contains("altChunk") && !chunk.stderr.contains("нет ни одной таблицы"),
        "{}",
        chunk.stderr
    );
}

#[test]
fn hidden_rows_columns_and_sheets_are_not_read_and_a_note_says_so() {
    let rows = shown_rows("tests/fixtures/layouts/hidden.xlsx");
    let points: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(points, ["Телефонная связь", "Электронная почта", "СЭД"]);
    let run = tochki([
        "check",
        "tests/fixtures/layouts/hidden.xlsx",
        "--format",
        "json",
    ]);
    let notes: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "I006")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("скрытых строк с текстом: 1")
            && notes[0].contains("скрытые столбцы: C")
            && notes[0].contains("«Черновик»"),
        "{notes:?}"
    );
}

#[test]
fn an_open_document_text_reads_as_its_word_original() {
    // LibreOffice's own .odt of each layout shows the same registry as the .docx it came from
    // (scripts/make_odt_fixtures.py). The revisions document differs where LibreOffice 7.4
    // keeps a tracked row deletion only as a row style and shows the row: read as shown.
    for (docx, odt) in [
        (
            "examples/smolensk_appendix.docx",
            "tests/fixtures/odt/smolensk_appendix.odt",
        ),
        (
            "tests/fixtures/layouts/two_row_header.docx",
            "tests/fixtures/odt/two_row_header.odt",
        ),
        (
            "tests/fixtures/layouts/numbered_sections.docx",
            "tests/fixtures/odt/numbered_sections.odt",
        ),
        (
            "tests/fixtures/layouts/continued.docx",
            "tests/fixtures/odt/continued.odt",
        ),
        (
            "tests/fixtures/layouts/needs_rows.docx",
            "tests/fixtures/odt/needs_rows.odt",
        ),
        (
            "tests/fixtures/layouts/qualified.docx",
            "tests/fixtures/odt/qualified.odt",
        ),
    ] {
        assert_eq!(shown_rows(odt), shown_rows(docx), "{odt}");
    }
    // Positions are the table's, as in Word.
    let run = tochki(["check", "tests/fixtures/odt/smolensk_appendix.odt"]);
    assert!(
        run.stdout
            .contains("smolensk_appendix.odt: таблица 1, строка"),
        "{}",
        run.stdout
    );
    let rows = shown_rows("tests/fixtures/odt/revisions.odt");
    assert_eq!(rows[1].2, "Интернет-приёмная", "{rows:?}");
    assert!(
        !rows
            .iter()
            .any(|r| r.2.contains("не публиковать") || r.2.contains("Старое")),
        "{rows:?}"
    );
}

#[test]
fn an_open_document_is_read_as_a_person_sees_it_and_bounded() {
    let rows = shown_rows("tests/fixtures/odt/shown.odt");
    let points: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        points,
        ["Телефонная связь", "Интернет-приёмная", "Почта России"]
    );
    assert!(rows.iter().all(|r| r.0 == "Бухгалтерский учет"), "{rows:?}");
    let span = tochki(["import", "tests/fixtures/odt/declared_span.odt"]);
    assert_eq!(span.code, 2);
    assert!(span.stderr.contains("4000000000"), "{}", span.stderr);
    let sheet = tochki(["check", "tests/fixtures/odt/spreadsheet.odt"]);
    assert_eq!(sheet.code, 2);
    assert!(
        sheet.stderr.contains("переименуйте файл в .ods"),
        "{}",
        sheet.stderr
    );
}

#[test]
fn a_continuation_with_its_columns_in_another_order_is_said_not_joined_and_excel_merges_cover_empty_cells()
 {
    for file in [
        "tests/fixtures/layouts/continued_reordered.docx",
        "tests/fixtures/layouts/sheets_reordered.xlsx",
    ] {
        let rows = shown_rows(file);
        // Only the first table's rows: nothing of the second lands in the wrong columns.
        assert_eq!(rows.len(), 2, "{file}: {rows:?}");
        assert!(rows.iter().all(|r| r.3 == "цифровая"), "{file}: {rows:?}");
        let codes = codes_of(&[file]);
        assert!(codes.iter().any(|c| c == "I005"), "{file}: {codes:?}");
    }
    // Excel keeps only the first cell of a merge: the direction merged across B:E is a heading,
    // and the needs column right of a two-row parent is read.
    let sections = shown_rows("tests/fixtures/layouts/numbered_sections.xlsx");
    assert_eq!(
        sections.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        [
            "Бухгалтерский учет",
            "Бухгалтерский учет",
            "Кадровая политика",
            "Кадровая политика"
        ]
    );
    let two_rows = shown_rows("tests/fixtures/layouts/two_row_header.xlsx");
    assert!(
        two_rows.iter().all(|r| r.4 == ["Получение информации"]),
        "{two_rows:?}"
    );
}

#[test]
fn an_approval_act_without_a_real_date_or_number_is_refused() {
    for (act, words) in [
        ("Приказ № 5 от 31.02.2024", "не настоящая дата"),
        ("ерунда", "нет ни номера, ни даты"),
    ] {
        let run = tochki([
            "import",
            "tests/fixtures/layouts/approval_block.docx",
            "--approved",
            act,
        ]);
        assert_eq!(run.code, 2, "{act}");
        assert!(run.stderr.contains(words), "{}", run.stderr);
    }
}

#[test]
fn a_broken_odt_is_named_as_an_opendocument_not_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.odt");
    std::fs::write(&file, b"PK\x03\x04 not really").unwrap();
    let run = tochki(["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("OpenDocument") && !run.stderr.contains("DOCX"),
        "{}",
        run.stderr
    );
}

/// Refusals name the right reason (issue 32); fixtures: scripts/make_refusal_fixtures.py.
#[test]
fn refusals_name_the_right_reason_and_a_rezipped_document_is_read() {
    let path = |name: &str| format!("tests/fixtures/refusals/{name}");
    // An archiver compressed or moved `mimetype`, or dropped it: the manifest says what it is.
    for name in [
        "mimetype_compressed.odt",
        "no_mimetype.odt",
        "other_mimetype.odt",
    ] {
        let run = tochki(["import", &path(name)]);
        assert!(run.code < 2, "{name}: {}", run.stderr);
        assert!(
            run.stdout.contains("Почта России"),
            "{name}: {}",
            run.stdout
        );
    }
    for name in ["encrypted.odt", "encrypted.docx"] {
        let run = tochki(["import", &path(name)]);
        assert_eq!(run.code, 2, "{name}");
        assert!(
            run.stderr.contains("защищён паролем"),
            "{name}: {}",
            run.stderr
        );
        for wrong in ["хотя имя говорит другое", "повреждён", "другой формат"]
        {
            assert!(
                !run.stderr.contains(wrong),
                "{name}: {wrong} in {}",
                run.stderr
            );
        }
    }
    let sheet = tochki(["import", &path("no_header_row.xlsx")]);
    assert_eq!(sheet.code, 2);
    assert!(
        sheet
            .stderr
            .contains("просмотрен лист «Заметки»: нет строки заголовков, только «Split Line»")
            && !sheet.stderr.contains("пустая"),
        "{}",
        sheet.stderr
    );
    let theme = tochki(["import", &path("theme.docx")]);
    assert_eq!(theme.code, 2);
    assert!(
        theme.stderr.contains("без текста документа Word")
            && !theme.stderr.contains("нет ни одной таблицы"),
        "{}",
        theme.stderr
    );
    let bomb = tochki(["import", &path("xml_bomb.xlsx")]);
    assert_eq!(bomb.code, 2);
    assert!(
        bomb.stderr.contains("XML-бомба") && !bomb.stderr.contains("повреждён"),
        "{}",
        bomb.stderr
    );
    let wide = tochki(["survey", "tally", &path("utf16be.csv")]);
    assert_eq!(wide.code, 2);
    assert!(
        wide.stderr.contains("UTF-16BE") && !wide.stderr.contains("Юникод-текст"),
        "{}",
        wide.stderr
    );
}
