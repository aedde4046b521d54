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
    // The Word questionnaire holds Q2 (problems and proposals per process, 2.1, 2.2, …) and the
    // grid (3.1, 3.2, …): a row per process under its header.
    let grids = tochki::input::docx::read(&dir.path().join("registry_2025.anketa.docx")).unwrap();
    for (grid, number) in grids.iter().zip(["2", "3"]) {
        assert_eq!(grid.rows.len(), processes.len() + 1);
        assert_eq!(grid.rows[1].slots[0].text, format!("{number}.1"));
        assert_eq!(grid.rows[1].slots[1].text, processes[0]);
    }
    assert_eq!(grids[0].rows[0].slots[2].text, "Проблемы (укажите)");
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

/// An export of six answers in the Google Forms grid layout, its rows named `rows`.
fn export_with_rows(dir: &std::path::Path, rows: &[&str]) -> std::path::PathBuf {
    let grid = "Насколько Вы удовлетворены тем, как построена работа по вопросам ведения бухгалтерского учета?";
    let mut csv = "Отметка времени".to_string();
    for row in rows {
        csv.push_str(&format!(",\"{grid} [{row}]\""));
    }
    csv.push('\n');
    for i in 0..6 {
        csv.push_str(&format!("0{}.11.2025 10:00:00", i + 1));
        for _ in rows {
            csv.push_str(",Скорее удовлетворен");
        }
        csv.push('\n');
    }
    let path = dir.join("export.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn items_link_exactly_or_by_the_same_words_and_never_by_containment() {
    let dir = tempfile::tempdir().unwrap();
    let export = export_with_rows(
        dir.path(),
        &[
            "начисление и выплата  заработной платы.", // normalised
            "Возмещение расходов на служебные командировк", // the same words, one cut short
            "Выдача справок", // a more general thing than «Выдача справок о доходах»: no link
            "Закупка канцелярских товаров", // nothing close: refused
        ],
    );
    let run = tochki([
        "survey",
        "tally",
        export.to_str().unwrap(),
        "--registry",
        "examples/registry_2025.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    let links: Vec<(String, serde_json::Value)> = report["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap().to_string(),
                i["process"].clone(),
            )
        })
        .collect();
    assert_eq!(links[0].1, "Начисление и выплата заработной платы");
    assert_eq!(links[1].1, "Возмещение расходов на служебные командировки");
    assert!(links[2].1.is_null(), "{links:?}");
    assert!(links[3].1.is_null(), "{links:?}");
    let codes: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    let s007: Vec<_> = codes.iter().filter(|(c, _)| *c == "S007").collect();
    assert_eq!(s007.len(), 2, "{codes:?}");
    // The shorter name is named with its candidate, not linked to it.
    assert!(
        s007[0].1.contains("«Выдача справок»") && s007[0].1.contains("«Выдача справок о доходах»"),
        "{s007:?}"
    );
    assert!(s007[1].1.contains("«Закупка канцелярских товаров»"));
    // The link that was not exact is reported.
    let s010: Vec<_> = codes.iter().filter(|(c, _)| *c == "S010").collect();
    assert_eq!(s010.len(), 1, "{codes:?}");
    assert!(
        s010[0]
            .1
            .contains("«Возмещение расходов на служебные командировки»")
    );
    // Two processes of the registry are not asked about.
    let s008: Vec<_> = codes
        .iter()
        .filter(|(c, _)| *c == "S008")
        .map(|(_, m)| *m)
        .collect();
    assert_eq!(s008.len(), 3, "{s008:?}");
    assert!(s008.iter().any(|m| m.contains("«Оформление отпусков»")));
}

#[test]
fn the_registry_block_carries_each_process_with_its_item_figures_and_touchpoints() {
    // The Omsk definition, its process: links pointed at the Smolensk registry's names.
    let dir = tempfile::tempdir().unwrap();
    let definition = std::fs::read_to_string(crate::root().join("examples/omsk.survey.yaml"))
        .unwrap()
        .replace(
            "process: Начисление и выплата заработной платы",
            "process: Организация работы по начислению и выплате заработной платы",
        )
        .replace(
            "process: Возмещение расходов на служебные командировки",
            "process: Организация работы по возмещению расходов, связанных со служебными командировками",
        )
        .replace("    direction: Бухгалтерский учет\n", "");
    let definition_path = dir.path().join("smolensk.survey.yaml");
    std::fs::write(&definition_path, definition).unwrap();
    let run = tochki([
        "survey",
        "tally",
        "--survey",
        definition_path.to_str().unwrap(),
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--registry",
        "registries/smolensk_accounting.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    let directions = report["registry"]["directions"].as_array().unwrap();
    assert_eq!(directions.len(), 2);
    let first = &directions[0]["processes"][0];
    assert_eq!(
        first["name"],
        "Организация работы по начислению и выплате заработной платы"
    );
    assert_eq!(first["surveyed"], true);
    // The definition's process: links the first item; its figures are the item's own.
    let item = report["waves"][1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == first["item"])
        .unwrap()
        .clone();
    assert_eq!(first["level"], item["level"]);
    assert_eq!(first["n"], item["n"]);
    assert!(first["delta_pp"].is_number());
    assert_eq!(first["touchpoints"].as_array().unwrap().len(), 2);
    // A process no item asks about has no figures.
    let unsurveyed = directions[1]["processes"][0].clone();
    assert_eq!(unsurveyed["surveyed"], false);
    assert!(unsurveyed["level"].is_null() && unsurveyed["n"].is_null());
    // S009: Smolensk's touchpoints never meet feedback.
    let s009 = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S009")
        .count();
    assert_eq!(s009, 7);
    // Without --registry, nothing of it appears.
    let plain = tochki([
        "survey",
        "tally",
        "examples/survey_2025.csv",
        "--format",
        "json",
    ])
    .json();
    assert!(plain.get("registry").is_none());
    assert!(plain["waves"][0]["items"][1].get("process").is_none());
}

#[test]
fn the_example_registry_shows_results_per_process_in_every_format() {
    let args = |format: &str| {
        vec![
            "survey".to_string(),
            "tally".into(),
            "examples/survey_2024.csv".into(),
            "examples/survey_2025.csv".into(),
            "--registry".into(),
            "examples/registry_cycle.yaml".into(),
            "--format".into(),
            format.into(),
        ]
    };
    let table = tochki(args("table"));
    assert_eq!(table.code, 0, "{}", table.stderr);
    let section = table.stdout.split("По процессам перечня").nth(1).unwrap();
    // «расчётных листков» in the registry is the survey's «расчетных листочков»: linked.
    assert!(section.contains("Предоставление расчётных листков по заработной плате"));
    assert!(section.contains("Выдача справок о доходах"));
    assert!(section.contains("не спрошен"));
    assert!(section.contains("значимое снижение"));
    assert!(table.stdout.contains("S008"));
    let markdown = tochki(args("markdown"));
    assert!(markdown.stdout.contains("## По процессам перечня"));
    assert!(markdown.stdout.contains("п.\u{a0}п."));
    let csv = tochki(args("csv"));
    let header = csv.stdout.lines().next().unwrap();
    assert!(
        header.ends_with("Процесс перечня;Направление деятельности"),
        "{header}"
    );
    assert!(
        csv.stdout
            .contains(";Предоставление расчётных листков по заработной плате;Бухгалтерский учет")
    );
}

#[test]
fn proposals_draft_each_decline_with_its_process_and_never_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let markdown = dir.path().join("prop.md");
    let run = tochki([
        "survey",
        "proposals",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--registry",
        "examples/registry_cycle.yaml",
        "-o",
        markdown.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&markdown).unwrap();
    let significant = text
        .split("## Снижение, не являющееся значимым")
        .next()
        .unwrap();
    // The one significant decline of the examples, with its process's touchpoint and an empty
    // table of measures.
    assert!(significant.contains("### 1. Предоставление отчета о расходах по командировке"));
    assert!(
        significant.contains("- Электронная почта бухгалтерии; потребности: представление заявления, обращения, запроса, документов; получение результата, ответа, разъяснения")
    );
    assert!(significant.contains("| Мероприятие | Ответственный | Срок |"));
    assert!(
        significant.replace('\u{a0}', " ").contains("p < 0,0001"),
        "{significant}"
    );
    assert!(text.contains("## Снижение, не являющееся значимым"));
    // The export's ФИО column never reaches the draft.
    let rows = crate::raw_rows("examples/survey_2025.csv");
    let fio = rows[0].iter().position(|h| h.contains("ФИО")).unwrap();
    let docx = dir.path().join("prop.docx");
    let run = tochki([
        "survey",
        "proposals",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut word = String::new();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut word,
    )
    .unwrap();
    // Soft hyphens between syllables are the layout's, not the text's.
    let word = word.replace('\u{ad}', "");
    assert!(word.contains("Мероприятие"));
    for row in &rows[1..] {
        let name = row[fio].trim();
        if name.len() > 3 {
            assert!(
                !text.contains(name) && !word.contains(name),
                "{name} leaked"
            );
        }
    }
}

#[test]
fn no_decline_is_said_in_one_line_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("prop.md");
    let run = tochki([
        "survey",
        "proposals",
        "tests/fixtures/years/steady_2024.csv",
        "tests/fixtures/years/steady_2025.csv",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Снижения удовлетворенности"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.contains("предложения Министру не требуются"));
    assert!(!text.contains("###"));
}

#[test]
fn the_report_draws_the_registry_and_the_segments_as_heat_maps() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = tochki([
        "survey",
        "report",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--by",
        "Категория должностей",
        "--registry",
        "examples/registry_cycle.yaml",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    let map = html
        .split("Перечень: удовлетворенность по процессам")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    // Four processes: three coloured, the one nobody asked about grey; the decline marked and,
    // with 58 answers, its interval (27,6–52,4) wider than 20 pp: hatched.
    assert_eq!(map.matches("<div class=\"cell").count(), 4);
    assert!(map.contains("<div class=\"cell none\""));
    assert!(map.contains("class=\"cell wide dark decline\""), "{map}");
    assert!(map.contains("▼ 39,3"));
    // Touchpoints on hover and in the table under the map.
    assert!(map.contains(
        "title=\"Предоставление расчётных листков по заработной плате: Личный кабинет сотрудника\""
    ));
    assert!(map.contains("<td>Личный кабинет сотрудника</td>"));
    // Segments × items: hidden groups are cells that say so and carry no figure.
    let segments = html.split("<h2>По сегментам</h2>").nth(1).unwrap();
    assert!(
        segments
            .contains("<td class=\"cell hidden-cell\" title=\"слишком мало ответов\">скрыто</td>")
    );
}

#[test]
fn a_direction_pools_the_answers_to_its_processes_items() {
    let report = tochki([
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--registry",
        "examples/registry_cycle.yaml",
        "--format",
        "json",
    ])
    .json();
    let direction = &report["registry"]["directions"][0];
    // Worked out from the items' own counts: satisfied (the two «удовлетворен» options) over
    // answers with an opinion (all but «затрудняюсь»), summed over the three linked items.
    let pooled = |wave: usize| -> (u64, u64, u64) {
        report["waves"][wave]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["label"] != "overall")
            .fold((0, 0, 0), |(s, w, n), item| {
                let count = |option: &str| item["counts"][option].as_u64().unwrap();
                let all = item["n"].as_u64().unwrap();
                (
                    s + count("Полностью удовлетворен") + count("Скорее удовлетворен"),
                    w + all - count("Затрудняюсь ответить"),
                    n + all,
                )
            })
    };
    let (s, w, n) = pooled(1);
    let (s0, w0, _) = pooled(0);
    let level = (s as f64 * 1000.0 / w as f64).round() / 10.0;
    let before = s0 as f64 * 100.0 / w0 as f64;
    assert_eq!(direction["items"], 3);
    assert_eq!(direction["n"], n);
    assert_eq!(direction["level"].as_f64().unwrap(), level);
    let delta = direction["delta_pp"].as_f64().unwrap();
    assert!(
        (delta - (s as f64 * 100.0 / w as f64 - before)).abs() < 0.06,
        "{delta}"
    );
    // The answers of one person to several items are not independent: a direction's change is
    // described, never called significant (cycle.md).
    assert!(direction.get("decline").is_none(), "{direction}");
}

#[test]
fn general_problems_reach_the_proposals_masked_and_nothing_personal_does() {
    // Two waves of the personal-data fixture: everyone satisfied, then nobody.
    let rows = crate::raw_rows("tests/fixtures/survey/personal_by_values.csv");
    let dir = tempfile::tempdir().unwrap();
    let grid: Vec<usize> = (0..rows[0].len())
        .filter(|i| rows[0][*i].starts_with("Оцените"))
        .collect();
    for (year, answer) in [
        ("2024", "Полностью удовлетворен"),
        ("2025", "Полностью не удовлетворен"),
    ] {
        let mut writer = csv::Writer::from_path(dir.path().join(format!("{year}.csv"))).unwrap();
        for (r, row) in rows.iter().enumerate() {
            let mut row = row.clone();
            if r > 0 {
                for i in &grid {
                    row[*i] = answer.to_string();
                }
                // Each wave's answers in its own year (waves over one period are refused).
                row[0] = row[0].replace(".2025", &format!(".{year}"));
            }
            writer.write_record(&row).unwrap();
        }
    }
    let export = |year: &str| {
        format!(
            "{year}={}",
            dir.path().join(format!("{year}.csv")).display()
        )
    };
    for format in ["markdown", "docx"] {
        let output = dir.path().join(format!("p.{format}"));
        let run = tochki([
            "survey".to_string(),
            "proposals".into(),
            export("2024"),
            export("2025"),
            "--format".into(),
            format.into(),
            "-o".into(),
            output.display().to_string(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = if format == "docx" {
            let mut text = String::new();
            let mut archive = zip::ZipArchive::new(std::fs::File::open(&output).unwrap()).unwrap();
            std::io::Read::read_to_string(
                &mut archive.by_name("word/document.xml").unwrap(),
                &mut text,
            )
            .unwrap();
            text
        } else {
            std::fs::read_to_string(&output).unwrap()
        };
        assert!(
            text.contains("не относящиеся к отдельному вопросу"),
            "{format}"
        );
        assert!(
            text.contains("p***@…"),
            "{format}: e-mails are masked, not dropped"
        );
        for row in &rows[1..] {
            for cell in &row[1..4] {
                let cell = cell.trim();
                if cell.len() > 4 {
                    assert!(!text.contains(cell), "{format}: {cell} leaked");
                }
            }
        }
        assert!(!text.contains("petrova.anna@minfin.ru"), "{format}");
    }
}

#[test]
fn a_registry_that_is_no_registry_or_names_a_process_twice_is_refused_for_linking() {
    let survey = tochki([
        "survey",
        "tally",
        "examples/survey_2025.csv",
        "--registry",
        "examples/omsk.survey.yaml",
    ]);
    assert_eq!(survey.code, 2);
    assert!(
        survey.stderr.contains("описание анкеты, а не перечень"),
        "{}",
        survey.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let init = tochki([
        "survey",
        "init",
        "tests/fixtures/r011_duplicate_process.yaml",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(init.code, 2);
    assert!(init.stderr.contains("R011"), "{}", init.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn the_shipped_definition_links_to_the_shipped_registry() {
    let run = tochki([
        "survey",
        "tally",
        "examples/survey_2025.csv",
        "--survey",
        "examples/omsk.survey.yaml",
        "--registry",
        "examples/registry_2025.yaml",
        "--format",
        "json",
    ]);
    let report = run.json();
    let unlinked = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S007")
        .count();
    assert_eq!(unlinked, 0, "{}", run.stdout);
}

#[test]
fn a_definition_with_one_label_twice_or_no_items_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tally_with = |name: &str, definition: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, definition).unwrap();
        tochki([
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--survey",
            path.to_str().unwrap(),
        ])
    };
    let run = tally_with(
        "twice.survey.yaml",
        "items:\n  - label: Консультации\n    column: \"*[Консультации]\"\n  - label: Консультации\n    column: \"*[Консультации 2]\"\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("описан дважды (строки 2 и 4)"),
        "{}",
        run.stderr
    );
    let run = tally_with("empty.survey.yaml", "title: Анкета\nitems: []\n");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("нет ни одного вопроса"),
        "{}",
        run.stderr
    );
}

/// Two years of an export where «Отпуск за свой счёт» is answered by two people, its texts
/// personal, and a big item «Консультации» declines with texts that carry identifiers.
fn small_item_exports(dir: &std::path::Path) -> [String; 2] {
    let grid = "Насколько Вы удовлетворены [{}]";
    let header = format!(
        "Отметка времени,\"{}\",\"{}\",\"Проблемы [Консультации]\",\"Проблемы [Отпуск за свой счёт]\"\n",
        grid.replace("{}", "Консультации"),
        grid.replace("{}", "Отпуск за свой счёт")
    );
    let mut files = Vec::new();
    for (year, good) in [("2024", 18), ("2025", 4)] {
        let mut csv = header.clone();
        for i in 0..20 {
            let consultation = if i < good {
                "Полностью удовлетворен"
            } else {
                "Полностью не удовлетворен"
            };
            let small = match (year, i) {
                ("2024", 0..=1) => "Полностью удовлетворен",
                ("2025", 0) => "Полностью не удовлетворен",
                ("2025", 1) => "Полностью не удовлетворен",
                _ => "",
            };
            let problem = if i == 5 {
                "мой табельный 000731, вн. 2231, ответа нет"
            } else {
                ""
            };
            let personal = if year == "2025" && i == 0 {
                "мой отпуск за свой счёт по уходу за ребёнком"
            } else {
                ""
            };
            csv.push_str(&format!(
                "{:02}.11.{year} 10:{i:02}:00,{consultation},{small},\"{problem}\",\"{personal}\"\n",
                i + 1
            ));
        }
        let path = dir.join(format!("{year}.csv"));
        std::fs::write(&path, csv).unwrap();
        files.push(format!("{year}={}", path.display()));
    }
    [files[0].clone(), files[1].clone()]
}

#[test]
fn a_small_item_shows_no_figures_and_no_texts_and_identifiers_are_masked_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let [y2024, y2025] = small_item_exports(dir.path());
    let secrets = ["000731", "2231", "по уходу за ребёнком"];
    let mut outputs = Vec::new();
    for format in ["table", "json", "markdown", "csv"] {
        let run = tochki(["survey", "tally", &y2024, &y2025, "--format", format]);
        assert!(run.code <= 1, "{format}: {}", run.stderr);
        outputs.push((format.to_string(), run.stdout));
    }
    let run = tochki(["survey", "pains", &y2024, &y2025]);
    outputs.push(("pains".into(), run.stdout));
    let html = dir.path().join("r.html");
    let run = tochki([
        "survey",
        "report",
        &y2024,
        &y2025,
        "-o",
        html.to_str().unwrap(),
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    outputs.push(("html".into(), std::fs::read_to_string(&html).unwrap()));
    for format in ["markdown", "docx"] {
        let path = dir.path().join(format!("p.{format}"));
        let run = tochki([
            "survey",
            "proposals",
            &y2024,
            &y2025,
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(run.code <= 1, "{}", run.stderr);
        let text = if format == "docx" {
            let mut text = String::new();
            let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
            std::io::Read::read_to_string(
                &mut archive.by_name("word/document.xml").unwrap(),
                &mut text,
            )
            .unwrap();
            text
        } else {
            std::fs::read_to_string(&path).unwrap()
        };
        outputs.push((format!("proposals {format}"), text));
    }
    for (name, text) in &outputs {
        for secret in secrets {
            assert!(!text.contains(secret), "{name} quotes «{secret}»");
        }
    }
    let table = &outputs[0].1;
    assert!(table.contains("мало ответов (2)"), "{table}");
    let json: serde_json::Value = serde_json::from_str(&outputs[1].1).unwrap();
    let small = json["waves"][1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "Отпуск за свой счёт")
        .unwrap()
        .clone();
    assert_eq!(small["small"], true);
    assert!(small["level"].is_null() && small["ci"].is_null());
    // No change for the small item: 100 % → 0 % on two answers is no decline.
    let dynamics: Vec<&str> = json["dynamics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["item"].as_str().unwrap())
        .collect();
    assert_eq!(dynamics, ["Консультации"]);
    assert!(outputs[2].1.contains("мало ответов (2)"), "markdown");
    // The big item's complaint stays, with its identifiers masked.
    assert!(outputs[4].1.contains("табельный ***"), "{}", outputs[4].1);
    assert!(!outputs[5].1.contains("Отпуск за свой счёт ▼"), "html");
}

#[test]
fn the_ministers_draft_names_needs_in_russian_and_an_empty_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let [y2024, y2025] = small_item_exports(dir.path());
    let registry = dir.path().join("r.yaml");
    std::fs::write(
        &registry,
        "organization: x\ndirections:\n  - name: Бухгалтерия\n    processes:\n      - name: Консультации\n        touchpoints:\n          - {point: Телефонная связь, channel: digital, needs: [info, consultation]}\n",
    )
    .unwrap();
    let draft = dir.path().join("p.md");
    let run = tochki([
        "survey",
        "proposals",
        &y2024,
        &y2025,
        "--registry",
        registry.to_str().unwrap(),
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("потребности: получение информации"), "{text}");
    assert!(
        !text.contains("info") && !text.contains("consultation"),
        "{text}"
    );
    let empty = dir.path().join("2026.csv");
    std::fs::write(
        &empty,
        "Отметка времени,\"Насколько Вы удовлетворены [Консультации]\"\n",
    )
    .unwrap();
    let run = tochki([
        "survey",
        "proposals",
        &y2025,
        &format!("2026={}", empty.display()),
        "-o",
        dir.path().join("q.md").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("нет ни одной анкеты"), "{}", run.stderr);
    assert!(!dir.path().join("q.md").exists());
}

#[test]
fn a_personnel_number_or_a_position_makes_the_export_not_anonymous_and_min_group_hides_texts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2025.csv");
    let mut csv = "Отметка времени,Ваш табельный номер,Ваш отдел и должность,\"Оцените [Консультации]\",Проблемы [Консультации]\n".to_string();
    for i in 0..8 {
        csv.push_str(&format!("0{}.11.2025 10:00:00,00073{i},Бухгалтерия главный специалист,Полностью удовлетворен,долго ждать ответа\n", i + 1));
    }
    std::fs::write(&path, csv).unwrap();
    let run = tochki([
        "survey",
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let s003 = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "S003")
        .count();
    assert_eq!(s003, 2, "{}", run.stdout);
    assert!(!run.stdout.contains("000730"), "values never printed");
    // --min-group 1000: eight answers are a small item; nothing of it is quoted.
    let draft = dir.path().join("p.md");
    let run = tochki([
        "survey",
        "proposals",
        &format!("2025={}", path.display()),
        "--min-group",
        "1000",
        "-o",
        draft.to_str().unwrap(),
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(!text.contains("долго ждать"), "{text}");
    let tally = tochki([
        "survey",
        "tally",
        path.to_str().unwrap(),
        "--min-group",
        "1000",
    ]);
    assert!(
        tally.stdout.contains("мало ответов (8)"),
        "{}",
        tally.stdout
    );
}

#[test]
fn a_process_added_this_year_is_not_a_missing_column_of_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let definition = dir.path().join("d.survey.yaml");
    std::fs::write(
        &definition,
        "items:\n  - label: Консультации\n    column: \"*[Консультации]\"\n    process: Консультации\n  - label: Справки\n    column: \"*[Справки]\"\n    process: Справки\n",
    )
    .unwrap();
    let registry = dir.path().join("r.yaml");
    std::fs::write(
        &registry,
        "organization: x\ndirections:\n  - name: Бухгалтерия\n    processes:\n      - name: Консультации\n        touchpoints: [{point: СЭД, channel: digital, needs: [feedback]}]\n      - name: Справки\n        touchpoints: [{point: СЭД, channel: digital, needs: [feedback]}]\n",
    )
    .unwrap();
    let write = |year: &str, header: &str, row: &str| {
        let path = dir.path().join(format!("{year}.csv"));
        let mut csv = format!("Отметка времени,{header}\n");
        for i in 1..=9 {
            csv.push_str(&format!("0{i}.11.{year} 10:00:00,{row}\n"));
        }
        std::fs::write(&path, csv).unwrap();
        format!("{year}={}", path.display())
    };
    let y2024 = write("2024", "Оцените [Консультации]", "Полностью удовлетворен");
    let y2025 = write(
        "2025",
        "Оцените [Консультации],Оцените [Справки]",
        "Скорее не удовлетворен,Полностью удовлетворен",
    );
    let run = tochki([
        "survey",
        "tally",
        &y2024,
        &y2025,
        "--survey",
        definition.to_str().unwrap(),
        "--registry",
        registry.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    assert!(
        !json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "S001"),
        "{}",
        run.stdout
    );
    // The direction's change is over the item asked both years: 100 % → 0 %.
    let direction = &json["registry"]["directions"][0];
    assert_eq!(direction["delta_pp"].as_f64(), Some(-100.0), "{direction}");
}

#[test]
fn a_registry_from_a_table_asks_about_the_areas_its_directions_name_and_no_other() {
    // The definition `survey init` writes for the layout fixture, with `extra` arguments.
    let definition = |extra: &[&str]| {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec!["survey", "init", "tests/fixtures/layouts/continued.docx"];
        args.extend(extra);
        args.extend(["-o", dir.path().to_str().unwrap()]);
        let run = tochki(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(dir.path().join("continued.survey.yaml")).unwrap()
    };
    // Its directions: «Бухгалтерский учет» and «Кадровая политика».
    let named = definition(&[]);
    assert!(
        named.contains("ведения бухгалтерского учета и кадровой политики"),
        "{named}"
    );
    let chosen = definition(&["--areas", "it"]);
    assert!(
        chosen.contains("информационно-технического обеспечения"),
        "{chosen}"
    );
    assert!(!chosen.contains("бухгалтерского"), "{chosen}");
}

/// The level an export's column gives, computed here from the CSV itself: (Полностью + Скорее
/// удовлетворен) / (answers − Затрудняюсь ответить), as survey.md defines it, in percent with
/// one decimal; with the number of answers.
fn level_from_csv(file: &str, header_ends: &str) -> (u64, Option<f64>) {
    let mut reader = csv::Reader::from_path(file).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = headers
        .iter()
        .position(|h| h.ends_with(header_ends))
        .unwrap_or_else(|| panic!("{file}: no column ending {header_ends}"));
    let (mut n, mut satisfied, mut unsure) = (0u64, 0u64, 0u64);
    for record in reader.records() {
        let value = record.unwrap()[column].to_string();
        if value.is_empty() {
            continue;
        }
        n += 1;
        if value == "Полностью удовлетворен" || value == "Скорее удовлетворен"
        {
            satisfied += 1;
        }
        if value == "Затрудняюсь ответить" {
            unsure += 1;
        }
    }
    let level =
        (n > unsure).then(|| (satisfied as f64 * 1000.0 / (n - unsure) as f64).round() / 10.0);
    (n, level)
}

/// What must never be written anywhere: the identifiers in the 2025 free texts, and the text
/// about the process two people use.
const IDENTIFIERS: [&str; 9] = [
    "000731",
    "2231",
    "004512",
    "2345",
    "ivanova",
    "25-34-11",
    "Иванова",
    "Мария Петровна",
    "за свой счёт",
];

const CYCLE_REGISTRY: &str = "tests/fixtures/cycle/registry.yaml";
const CYCLE_EXPORTS: [&str; 2] = [
    "tests/fixtures/cycle/survey_2024.csv",
    "tests/fixtures/cycle/survey_2025.csv",
];

/// `survey init` on the cycle's registry in `dir`, then the tally of both years as JSON with the
/// definition it wrote: (the definition's path, the report).
fn cycle_tally(dir: &std::path::Path) -> (String, serde_json::Value) {
    let run = tochki([
        "survey",
        "init",
        CYCLE_REGISTRY,
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let definition = dir
        .join("registry.survey.yaml")
        .to_str()
        .unwrap()
        .to_string();
    let tally = tochki([
        "survey",
        "tally",
        CYCLE_EXPORTS[0],
        CYCLE_EXPORTS[1],
        "--survey",
        &definition,
        "--registry",
        CYCLE_REGISTRY,
        "--format",
        "json",
    ]);
    assert!(tally.code <= 1, "{}", tally.stderr);
    (definition, tally.json())
}

#[test]
fn a_two_year_cycle_links_every_item_to_its_own_process_and_says_the_rename() {
    let dir = tempfile::tempdir().unwrap();
    let (_, report) = cycle_tally(dir.path());
    // Every item of 2025 on its own process (never the near name, never the longer one).
    let latest = &report["waves"][1]["items"];
    for item in latest
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["label"] != "overall")
    {
        assert_eq!(item["process"], item["label"], "{item}");
    }
    // The row 2024 still spelt the old way is read, linked by its close spelling and said
    // (S010); its process has no change: the row was another question then.
    let old = report["waves"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "Предоставление расчетных листочков")
        .expect("the renamed row is read, not dropped");
    assert_eq!(old["process"], "Предоставление расчетных листков");
    let findings: Vec<&serde_json::Value> = report["findings"].as_array().unwrap().iter().collect();
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "S010" && f["message"].as_str().unwrap().contains("листочков")),
        "{findings:?}"
    );
    assert!(
        !report["dynamics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["item"].as_str().unwrap().contains("листк")),
    );
}

#[test]
fn a_two_year_cycles_figures_are_the_ones_the_answers_give() {
    let dir = tempfile::tempdir().unwrap();
    let (_, report) = cycle_tally(dir.path());
    for (w, file) in CYCLE_EXPORTS.iter().enumerate() {
        for item in report["waves"][w]["items"].as_array().unwrap() {
            let label = item["label"].as_str().unwrap();
            if label == "overall" {
                continue;
            }
            let (n, level) = level_from_csv(file, &format!("[{label}]"));
            assert_eq!(item["n"].as_u64(), Some(n), "{file}: {label}");
            if n >= 5 {
                assert_eq!(item["level"].as_f64(), level, "{file}: {label}");
            } else {
                // A process two people use: no level at all.
                assert!(item["level"].is_null(), "{file}: {label}: {item}");
            }
        }
    }
    // The decline, on «о стаже» (not «о доходах»), significant; nothing for the tiny process.
    let dynamics = report["dynamics"].as_array().unwrap();
    let decline: Vec<&str> = dynamics
        .iter()
        .filter(|d| d["decline"] == true && d["significant"] == true)
        .map(|d| d["item"].as_str().unwrap())
        .collect();
    assert_eq!(decline, ["Выдача справок о стаже"]);
    let (_, before) = level_from_csv(CYCLE_EXPORTS[0], "[Выдача справок о стаже]");
    let (_, after) = level_from_csv(CYCLE_EXPORTS[1], "[Выдача справок о стаже]");
    let delta = dynamics
        .iter()
        .find(|d| d["item"] == "Выдача справок о стаже")
        .unwrap()["delta_pp"]
        .as_f64()
        .unwrap();
    assert!(
        (delta - (after.unwrap() - before.unwrap())).abs() < 0.11,
        "{delta}"
    );
    assert!(
        !dynamics
            .iter()
            .any(|d| d["item"] == "Возмещение командировочных расходов")
    );
}

/// A file a command wrote, as text (a `.docx` as its document XML).
fn written(path: &str) -> String {
    if path.ends_with(".docx") {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    } else {
        std::fs::read_to_string(path).unwrap()
    }
}

#[test]
fn a_two_year_cycle_quotes_nobody_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let (definition, _) = cycle_tally(dir.path());
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let inputs = [CYCLE_EXPORTS[0], CYCLE_EXPORTS[1], "--survey", &definition];
    let linked = [&inputs[..], &["--registry", CYCLE_REGISTRY]].concat();
    let mut outputs: Vec<(String, String)> = Vec::new();
    for format in ["table", "json", "csv", "markdown"] {
        let args = [&["survey", "tally"], &linked[..], &["--format", format]].concat();
        outputs.push((format!("tally {format}"), tochki(&args).stdout));
    }
    for format in ["csv", "markdown"] {
        let run = tochki([&["survey", "pains"], &inputs[..], &["--format", format]].concat());
        assert!(run.code <= 1, "{}", run.stderr);
        outputs.push((format!("pains {format}"), run.stdout));
    }
    let html = at("report.html");
    assert!(tochki([&["survey", "report"], &linked[..], &["-o", &html]].concat()).code <= 1);
    outputs.push(("report".into(), written(&html)));
    for (format, file) in [("markdown", "p.md"), ("docx", "p.docx")] {
        let path = at(file);
        let args = [
            &["survey", "proposals"],
            &linked[..],
            &["--format", format, "-o", &path],
        ];
        let run = tochki(args.concat());
        assert!(run.code <= 1, "{}", run.stderr);
        outputs.push((format!("proposals {format}"), written(&path)));
    }
    for (name, text) in &outputs {
        for identifier in IDENTIFIERS {
            assert!(!text.contains(identifier), "{name} quotes «{identifier}»");
        }
    }
    // The draft speaks about the declining process with what people wrote about it (masked).
    let draft = &outputs
        .iter()
        .find(|(n, _)| n == "proposals markdown")
        .unwrap()
        .1;
    assert!(draft.contains("### 1. Выдача справок о стаже"), "{draft}");
    assert!(draft.contains("Сделать заказ справки через СЭД"), "{draft}");
    assert!(draft.contains("Не оценивались"), "{draft}");
}
