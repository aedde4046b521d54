//! Client segments and profiles (profiles.md): the North Ossetia order's segmentation table and
//! profiles, checked (R018–R023) and shown as cards.

use crate::tochki;

const SEED: &str = "registries/north_ossetia_hr_it_accounting.yaml";
const FIXED: &str = "examples/north_ossetia_profiles.yaml";

/// The findings of `check --format json` on a file: (code, message).
fn findings(file: &str) -> Vec<(String, String)> {
    tochki(["check", file, "--format", "json"]).json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn check_finds_the_seeds_own_defects_of_segments_and_profiles() {
    let found = findings(SEED);
    let has = |code: &str, words: &[&str]| {
        found
            .iter()
            .any(|(c, m)| c == code && words.iter().all(|w| m.contains(w)))
    };
    // Overlapping bands of «Стаж» (and of «Уровень дохода»).
    assert!(has(
        "R020",
        &["«1-3 лет»", "«3-5 лет»", "Стаж в организации / органе"]
    ));
    assert!(has("R020", &["«30 000 - 60 000»", "«60 000 - 100 000»"]));
    // An income that fits no band alone, one that straddles two, «Высшее» fitting four values.
    assert!(has(
        "R019",
        &["«до 40 000»", "«До 30 000»", "«30 000 - 60 000»"]
    ));
    // «45 000- 60 000» touches «60 000 - 100 000» only at the end the table's own bands share:
    // R020 says that overlap once; the profile's value fits «30 000 - 60 000» (issue 27.12).
    assert!(!has("R019", &["«45 000- 60 000»"]));
    assert!(has("R019", &["«Высшее»", "бакалавриат", "послевузовское"]));
    // «Возраст», which the table does not have; «Наличие льготы» for «Льготы».
    assert!(has("R018", &["«Возраст»"]));
    assert!(has("R018", &["«Наличие льготы»"]));
    assert!(has(
        "R018",
        &[
            "«Стаж в организации»",
            "ближе всего «Стаж в организации / органе»"
        ]
    ));
    // «Лично в организации» where the process offers only digital points.
    assert!(has("R022", &["«Лично в организации»"]));
    // Warnings only: the order's registry itself still reads.
    assert_eq!(tochki(["check", SEED]).code, 0);
}

#[test]
fn the_corrected_segments_and_profiles_pass_strict() {
    let run = tochki(["check", "--strict", FIXED]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn show_profiles_prints_a_card_per_profile_in_every_format() {
    let text = tochki(["show", FIXED, "--profiles"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    for words in [
        "1. Физическое лицо, меняющее расчетный счет",
        "2. Физическое лицо, увольняющееся",
        "Основные признаки:",
        "Особенности клиентского пути:",
        "1. Узнать, какие документы нужны",
        "- получение услуг: Лично в организации",
        "Помещения (кабинеты) отдела бюджетного учета и отчетности (офлайн) — ★ предпочтительный канал",
    ] {
        // Lines wrap at 80 columns: words are compared, not line breaks.
        let flat = text.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{words}\n{}", text.stdout);
    }
    let json = tochki(["show", FIXED, "--profiles", "--format", "json"]).json();
    let cards = json["profiles"].as_array().unwrap();
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0]["area"], "бухгалтерский учет");
    let points = cards[0]["processes"][0]["touchpoints"].as_array().unwrap();
    let preferred: Vec<&str> = points
        .iter()
        .filter(|p| p["preferred"] == true)
        .map(|p| p["channel"].as_str().unwrap())
        .collect();
    assert_eq!(preferred, ["офлайн"]);
    second_profile_stars_its_means(cards);
    let markdown = tochki(["show", FIXED, "--profiles", "--format", "markdown"]).stdout;
    assert!(markdown.starts_with("# Профили клиентского сегмента"));
    assert_eq!(markdown.matches("\n## ").count(), 2);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("p.html");
    let docx = dir.path().join("p.docx");
    for (format, path) in [("html", &html), ("docx", &docx)] {
        let run = tochki([
            "show",
            FIXED,
            "--profiles",
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<article class=\"card\">").count(), 2);
    assert!(!page.contains("src=\"http"), "self-contained");
    let grids = tochki::input::docx::read(&docx).unwrap();
    assert_eq!(grids.len(), 2, "a touchpoint table per card");
    assert_eq!(grids[0].rows[4].slots[3].text, "★");
    // A process the registry does not have is said on the card.
    let missing = tochki([
        "show",
        "tests/fixtures/r021_profile_process_not_in_registry.yaml",
        "--profiles",
    ]);
    assert!(
        missing
            .stdout
            .contains("«Выдача справок о стаже»: нет в перечне"),
        "{}",
        missing.stdout
    );
    // Cards are not a table: csv and xlsx say so.
    let csv = tochki(["show", FIXED, "--profiles", "--format", "csv"]);
    assert_eq!(csv.code, 2);
    assert!(csv.stderr.contains("карточками"), "{}", csv.stderr);
}

#[test]
fn diff_says_what_changed_in_the_segmentation_and_the_profiles() {
    let run = tochki(["diff", SEED, FIXED]);
    assert!(run.code <= 1, "{}", run.stderr);
    for words in [
        "Признаки сегментации и профили клиентского сегмента",
        "+ признак сегментации добавлен: «Возраст»",
        "- признак сегментации исключён: «Вид службы»",
        "~ признак «Стаж в организации / органе»: добавлено: от 1 до 3 лет",
        "профиль «Физическое лицо, увольняющееся из органа исполнительной власти», процессы: добавлено: Смена расчетного счета",
        "предпочтительные каналы: добавлено: получение услуг: Телефон",
    ] {
        // Lines wrap at the terminal's width: words are compared, not line breaks.
        let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{words}\n{}", run.stdout);
    }
    let json = tochki(["diff", SEED, FIXED, "--format", "json"]).json();
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["reason"] == "segments")
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "attribute_added",
        "attribute_removed",
        "attribute_values_changed",
        "profile_changed",
    ] {
        assert!(kinds.contains(&kind), "{kind}: {kinds:?}");
    }
    // A profile removed and added: said in those words.
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("renamed.yaml");
    let text = std::fs::read_to_string(FIXED)
        .unwrap()
        .replace("Физическое лицо, увольняющееся", "Сотрудник, увольняющийся");
    std::fs::write(&renamed, text).unwrap();
    let run = tochki(["diff", FIXED, renamed.to_str().unwrap()]);
    assert!(
        run.stdout
            .contains("профиль клиентского сегмента добавлен: «Сотрудник, увольняющийся"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("профиль клиентского сегмента исключён: «Физическое лицо, увольняющееся"),
        "{}",
        run.stdout
    );
    // Nothing changed: nothing said.
    assert!(
        tochki(["diff", FIXED, FIXED])
            .stdout
            .contains("Изменений нет")
    );
}

#[test]
fn survey_init_asks_segments_as_closed_questions_of_the_attributes_values() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let run = tochki([
        "survey",
        "init",
        FIXED,
        "-o",
        out,
        "--segments",
        "категория должностей,Стаж в организации / органе",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let definition =
        std::fs::read_to_string(dir.path().join("north_ossetia_profiles.survey.yaml")).unwrap();
    assert!(
        definition.contains("segments: [Категория должностей, Стаж в организации / органе]"),
        "{definition}"
    );
    let rows =
        std::fs::read_to_string(dir.path().join("north_ossetia_profiles.form_rows.txt")).unwrap();
    let question = rows
        .split("Стаж в организации / органе\nВарианты:\n")
        .nth(1)
        .unwrap();
    let options: Vec<&str> = question.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        options,
        [
            "Менее 1 года",
            "от 1 до 3 лет",
            "от 3 до 5 лет",
            "от 5 до 10 лет",
            "от 10 лет"
        ]
    );
    let markdown =
        std::fs::read_to_string(dir.path().join("north_ossetia_profiles.anketa.md")).unwrap();
    assert!(
        markdown.contains("## 4. Категория должностей (один ответ)"),
        "{markdown}"
    );
    // Without --segments, no segment question.
    let plain = tempfile::tempdir().unwrap();
    tochki([
        "survey",
        "init",
        FIXED,
        "-o",
        plain.path().to_str().unwrap(),
    ]);
    let definition =
        std::fs::read_to_string(plain.path().join("north_ossetia_profiles.survey.yaml")).unwrap();
    assert!(!definition.contains("\nsegments:"));
    // Free text, a person, an unknown name: refused, nothing written.
    for (name, words) in [
        ("Функционал", "свободный текст"),
        ("Стаж", "ближе всего «Стаж в организации / органе»"),
    ] {
        let other = tempfile::tempdir().unwrap();
        let run = tochki([
            "survey",
            "init",
            FIXED,
            "-o",
            other.path().to_str().unwrap(),
            "--segments",
            name,
        ]);
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains(words), "{}", run.stderr);
        assert_eq!(std::fs::read_dir(other.path()).unwrap().count(), 0);
    }
}

#[test]
fn a_segment_value_outside_the_attribute_is_s002_and_a_rare_one_is_never_printed() {
    let run = tochki([
        "survey",
        "tally",
        "tests/fixtures/segments/survey_2025.csv",
        "--survey",
        "tests/fixtures/segments/segments.survey.yaml",
        "--by",
        "Категория должностей",
        "--registry",
        FIXED,
        "--format",
        "json",
    ]);
    let findings: Vec<String> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S002")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings[0].contains("«Стажёр» (7 анкет)"), "{findings:?}");
    assert!(
        findings[1].contains("значение малой группы"),
        "{findings:?}"
    );
    assert!(!run.stdout.contains("Практикант"));
    // Without the registry the same column is only a segment.
    let plain = tochki([
        "survey",
        "tally",
        "tests/fixtures/segments/survey_2025.csv",
        "--survey",
        "tests/fixtures/segments/segments.survey.yaml",
        "--by",
        "Категория должностей",
        "--format",
        "json",
    ]);
    assert!(!plain.stdout.contains("\"S002\""));
}

#[test]
fn import_reads_the_segmentation_and_the_profiles_as_the_order_prints_them() {
    for file in [
        "tests/fixtures/profiles/north_ossetia.docx",
        "tests/fixtures/odt/north_ossetia.odt",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("no.yaml");
        let run = tochki(["import", file, "-o", out.to_str().unwrap()]);
        assert!(run.code <= 1, "{file}: {}", run.stderr);
        // The shifted «Льготы» row is read as that attribute, and said.
        assert!(
            run.stderr.contains("I007") && run.stderr.contains("«Льготы»"),
            "{}",
            run.stderr
        );
        let registry = tochki::registry::load_file(&out).unwrap().registry.unwrap();
        let segmentation = registry.segmentation.as_ref().unwrap();
        assert_eq!(segmentation.len(), 17, "{file}");
        let stage = segmentation
            .iter()
            .find(|a| a.name() == "Стаж в организации / органе")
            .unwrap();
        assert_eq!(
            stage.value_texts(),
            [
                "Менее 1 года",
                "1-3 лет",
                "3-5 лет",
                "5-10 лет",
                "более 10 лет"
            ]
        );
        assert_eq!(
            stage.kind.as_ref().unwrap().0,
            "Организационные",
            "the type merged down"
        );
        let benefits = segmentation.iter().find(|a| a.name() == "Льготы").unwrap();
        assert_eq!(benefits.value_texts().len(), 7);
        assert!(
            segmentation
                .iter()
                .find(|a| a.name() == "Функционал")
                .unwrap()
                .is_free()
        );
        let profiles = registry.profiles.as_ref().unwrap();
        assert_eq!(profiles.len(), 2);
        assert_eq!(profiles[1].area.as_ref().unwrap().0, "accounting");
        let attributes = &profiles[0].attributes.as_ref().unwrap().0;
        assert_eq!(attributes.len(), 7);
        assert_eq!(attributes[3].0, "Уровень дохода");
        assert_eq!(attributes[3].1.0, "до 40 000");
        assert_eq!(
            profiles[0]
                .channels
                .as_ref()
                .unwrap()
                .service
                .as_ref()
                .unwrap()[0]
                .0,
            "Лично в организации"
        );
        assert_eq!(
            profiles[1].journey.as_ref().unwrap()[0].0,
            "Возможен перерасчет отпускных"
        );
    }
}

#[test]
fn check_on_the_orders_document_points_at_the_cells_of_its_defects() {
    for file in [
        "tests/fixtures/profiles/north_ossetia.docx",
        "tests/fixtures/odt/north_ossetia.odt",
    ] {
        let json = tochki(["check", file, "--format", "json"]).json();
        let cells: Vec<(String, String)> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| {
                Some((
                    f["code"].as_str()?.to_string(),
                    f["cell"].as_str()?.to_string(),
                ))
            })
            .collect();
        assert!(
            cells.contains(&(
                "R019".to_string(),
                "таблица 2, строка 6, графа «Значение»".to_string()
            )),
            "{file}: {cells:?}"
        );
        assert!(
            cells
                .iter()
                .any(|(c, cell)| c == "R020" && cell.starts_with("таблица 1, строка 6")),
            "{cells:?}"
        );
    }
}

#[test]
fn tally_by_profile_counts_the_respondents_whose_answers_match_and_hides_few() {
    let args = |format: &'static str| {
        [
            "survey",
            "tally",
            "tests/fixtures/segments/profiles_2025.csv",
            "--survey",
            "tests/fixtures/segments/profiles.survey.yaml",
            "--registry",
            FIXED,
            "--profiles",
            "--format",
            format,
        ]
    };
    let json = tochki(args("json")).json();
    let profiles = json["waves"][0]["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2);
    // 30 respondents are «Специалист, Старшая группа должностей, от 3 до 5 лет».
    assert_eq!(profiles[0]["respondents"], 30);
    assert_eq!(profiles[0]["asked"].as_array().unwrap().len(), 3);
    assert_eq!(
        profiles[0]["not_asked"],
        serde_json::json!(["Уровень дохода", "Возраст", "Образование", "Льготы"])
    );
    let items = profiles[0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only the profile's own process");
    assert_eq!(
        items[0]["process"],
        "Смена расчетного счета для получения заработной платы"
    );
    assert_eq!(items[0]["figures"]["n"], 30);
    // Recomputed from the CSV: the matching rows' answers to that process.
    let mut reader = csv::Reader::from_path("tests/fixtures/segments/profiles_2025.csv").unwrap();
    let (mut satisfied, mut with_opinion) = (0u32, 0u32);
    for record in reader.records() {
        let record = record.unwrap();
        if &record[4] == "Специалист" && &record[5] == "Старшая группа должностей"
        {
            match &record[1] {
                "Полностью удовлетворен" | "Скорее удовлетворен" =>
                {
                    satisfied += 1;
                    with_opinion += 1;
                }
                "Затрудняюсь ответить" => {}
                _ => with_opinion += 1,
            }
        }
    }
    let level = (f64::from(satisfied) * 1000.0 / f64::from(with_opinion)).round() / 10.0;
    assert_eq!(items[0]["figures"]["level"].as_f64(), Some(level));
    // Three people match the second profile: not their number, not one figure.
    assert!(profiles[1]["respondents"].is_null());
    assert!(profiles[1]["items"].as_array().unwrap().is_empty());
    for format in ["table", "markdown"] {
        let text = tochki(args(format)).stdout;
        assert!(text.contains("подходит меньше 5 анкет"), "{format}: {text}");
        assert!(
            text.contains("не спрашивались: Уровень дохода"),
            "{format}: {text}"
        );
        assert!(text.contains("подходят 30 анкет"), "{format}: {text}");
        // The three people of the second profile: no count of theirs anywhere.
        assert!(!text.contains("подходят 3 "), "{format}: {text}");
    }
    // --profiles needs the registry, and is no --by.
    let alone = tochki([
        "survey",
        "tally",
        "tests/fixtures/segments/profiles_2025.csv",
        "--profiles",
    ]);
    assert_eq!(alone.code, 2);
    assert!(alone.stderr.contains("--registry"), "{}", alone.stderr);
}

#[test]
fn show_profiles_with_a_survey_puts_the_latest_figures_of_each_process_on_its_card() {
    let survey = "tests/fixtures/segments/profiles_2025.csv";
    let run = tochki(["show", FIXED, "--profiles", "--survey", survey]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The figure is the tally's own for that process.
    let tally = tochki([
        "survey",
        "tally",
        survey,
        "--registry",
        FIXED,
        "--format",
        "json",
    ])
    .json();
    let process = tally["registry"]["directions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["processes"].as_array().unwrap().iter())
        .find(|p| p["name"] == "Смена расчетного счета для получения заработной платы")
        .unwrap()
        .clone();
    let level = format!("{:.1}", process["level"].as_f64().unwrap()).replace('.', ",");
    let expected = format!(
        "итоги последнего опроса: {level}\u{a0}%, {} ответов",
        process["n"].as_u64().unwrap()
    );
    let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&expected), "{expected}\n{}", run.stdout);
    let json = tochki([
        "show",
        FIXED,
        "--profiles",
        "--survey",
        survey,
        "--format",
        "json",
    ])
    .json();
    assert!(json["profiles"][0]["processes"][0]["figures"].is_string());
    // --survey belongs to the cards.
    let table = tochki(["show", FIXED, "--survey", survey]);
    assert_eq!(table.code, 2);
}

#[test]
fn diff_sees_an_attributes_type_free_and_bands_and_a_profiles_area_and_step_order() {
    let dir = tempfile::tempdir().unwrap();
    let changed = dir.path().join("changed.yaml");
    let text = std::fs::read_to_string(FIXED)
        .unwrap()
        .replacen("    bands: years\n", "    bands: age\n", 1)
        .replacen("    area: accounting\n", "    area: hr\n", 1)
        .replace(
            "      - Узнать, какие документы нужны для замены расчетного счета\n      - Подписать бухгалтерские документы о замене расчетного счета\n",
            "      - Подписать бухгалтерские документы о замене расчетного счета\n      - Узнать, какие документы нужны для замены расчетного счета\n",
        );
    std::fs::write(&changed, text).unwrap();
    let run = tochki(["diff", FIXED, changed.to_str().unwrap()]);
    for words in [
        // The unit in Russian words, never the YAML code.
        "интервалы: возраст в годах",
        "область: добавлено: кадровая политика",
        "клиентский путь: добавлено: 1. Подписать",
    ] {
        // Lines wrap at the terminal's width: words are compared, not line breaks.
        let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{words}\n{}", run.stdout);
    }
}

#[test]
fn a_profiles_area_outside_the_four_codes_is_r001_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("area.yaml");
    std::fs::write(
        &file,
        "organization: x\ndirections: []\nprofiles:\n  - name: П\n    area: бухгалтерия\n",
    )
    .unwrap();
    let json = tochki(["check", file.to_str().unwrap(), "--format", "json"]).json();
    let r001: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "R001")
        .collect();
    assert_eq!(r001.len(), 1, "{r001:?}");
    assert_eq!(r001[0]["line"], 5);
    assert_eq!(r001[0]["path"], "profiles[0].area");
}

#[test]
fn an_unnamed_attribute_or_profile_and_an_empty_value_are_findings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shape.yaml");
    std::fs::write(
        &file,
        "organization: x\ndirections: []\nsegmentation:\n  - type: Организационные\n    values: [a]\n  - attribute: Категория\n    values: [Специалист]\nprofiles:\n  - area: hr\n    attributes:\n      Категория:\n",
    )
    .unwrap();
    let json = tochki(["check", file.to_str().unwrap(), "--format", "json"]).json();
    let found: Vec<(String, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "R002" || f["code"] == "R019")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    for expected in [("R002", 4), ("R002", 9), ("R019", 11)] {
        assert!(
            found.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?}: {found:?}"
        );
    }
}

#[test]
fn one_date_written_two_ways_is_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    let text = std::fs::read_to_string(FIXED).unwrap();
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, text.replace("date: 2024-05-13", "date: \"13.05.2024\"")).unwrap();
    assert_ne!(
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap()
    );
    let run = tochki(["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(run.stdout.contains("Изменений нет"), "{}", run.stdout);
}

#[test]
fn attributes_written_as_a_list_are_r001_saying_a_mapping_is_wanted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("list.yaml");
    std::fs::write(
        &file,
        "organization: x\ndirections: []\nprofiles:\n  - name: x\n    attributes: [a, b]\n",
    )
    .unwrap();
    let run = tochki(["check", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(":5:17: R001") && run.stdout.contains("ожидался словарь"),
        "{}",
        run.stdout
    );
}

#[test]
fn r021_names_candidates_of_one_name_with_their_directions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.yaml");
    let point =
        "        touchpoints:\n          - {point: Телефон, channel: digital, needs: [info]}\n";
    std::fs::write(
        &file,
        format!(
            "organization: x\ndirections:\n  - name: Бухгалтерия\n    processes:\n      - name: Выдача справок\n{point}  - name: Кадры\n    processes:\n      - name: Выдача справок\n{point}profiles:\n  - name: П\n    processes: [Выдача справок о стаже]\n"
        ),
    )
    .unwrap();
    let run = tochki(["check", file.to_str().unwrap()]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("R021"))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("(похожие: «Бухгалтерия / Выдача справок», «Кадры / Выдача справок»)"),
        "{}",
        run.stdout
    );
}

/// The second profile prefers «Телефон, Электронная почта»: the phone and the mail are marked,
/// the site (digital too) is not.
fn second_profile_stars_its_means(cards: &[serde_json::Value]) {
    let points = cards[1]["processes"][0]["touchpoints"].as_array().unwrap();
    let marked: Vec<(&str, bool)> = points
        .iter()
        .map(|p| {
            (
                p["point"].as_str().unwrap(),
                p["preferred"].as_bool().unwrap(),
            )
        })
        .collect();
    for (point, preferred) in &marked {
        let expected = point.starts_with("Телефон") || point.starts_with("Электронная почта");
        assert_eq!(*preferred, expected, "{point}: {marked:?}");
    }
    assert!(
        marked
            .iter()
            .any(|(p, _)| p.starts_with("Официальный сайт"))
    );
}
