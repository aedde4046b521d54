//! `tochki region` (region.md) on the example region scripts/make_region_example.py builds:
//! figures equal a recomputation from each body's own JSON, each registry's findings equal
//! `check`'s, no name from an export or journal reaches any output, and every kind of bad input
//! gets its Russian message while the rest of the region is still rolled up.

use super::{office_part, office_text, root, tochki, tochki_in};
use std::collections::BTreeMap;
use std::path::Path;

const AS_OF: &str = "2025-05-14";

/// `tochki region examples/region --as-of AS_OF EXTRA...`.
fn example_region(extra: &[&str]) -> super::Run {
    let mut args = vec!["region", "examples/region", "--as-of", AS_OF];
    args.extend(extra);
    tochki(args)
}

fn rollup() -> serde_json::Value {
    let run = example_region(&["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.json()
}

fn body<'a>(rollup: &'a serde_json::Value, folder: &str) -> &'a serde_json::Value {
    rollup["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["folder"].as_str().unwrap().ends_with(folder))
        .unwrap_or_else(|| panic!("no body {folder}"))
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn figures_equal_a_recomputation_from_each_bodys_own_json() {
    let rollup = rollup();
    assert_eq!(rollup["format"], "tochki.region/1");
    assert_eq!(rollup["bodies"].as_array().unwrap().len(), 5);
    for folder in ["minfin", "minzdrav", "minobr", "minek", "minkult"] {
        let dir = root().join("examples/region").join(folder);
        let sent = read_json(&dir.join("opros.json"));
        let body = body(&rollup, folder);
        let waves = sent["waves"].as_array().unwrap();
        let latest = waves.last().unwrap();
        let respondents = latest["respondents"].as_u64().unwrap();
        let survey = &body["surveys"][0];
        if respondents < 5 {
            assert_eq!(survey["hidden"], true, "{folder}");
            assert!(survey["respondents"].is_null(), "{folder}");
            assert!(
                survey["levels"][0]["years"]
                    .as_array()
                    .unwrap()
                    .last()
                    .unwrap()["level"]
                    .is_null()
            );
            continue;
        }
        assert_eq!(
            survey["respondents"].as_u64(),
            Some(respondents),
            "{folder}"
        );
        survey_matches(folder, &sent, survey);
        journal_matches(folder, &read_json(&dir.join("obrashcheniya.json")), body);
    }
}

/// The body's survey figures are its tally's own.
fn survey_matches(folder: &str, sent: &serde_json::Value, survey: &serde_json::Value) {
    let waves = sent["waves"].as_array().unwrap();
    {
        // Every year's overall level is the wave's own.
        for (wave, year) in waves
            .iter()
            .zip(survey["levels"][0]["years"].as_array().unwrap())
        {
            let overall = wave["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["label"] == "overall")
                .unwrap();
            assert_eq!(year["label"], wave["label"]);
            assert_eq!(year["level"], overall["level"], "{folder}");
            assert_eq!(year["answers"], overall["n"], "{folder}");
        }
        let change = sent["dynamics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["item"] == "overall")
            .unwrap();
        assert_eq!(
            survey["levels"][0]["changes"][0]["delta_pp"],
            change["delta_pp"]
        );
        let declines: Vec<(&serde_json::Value, &serde_json::Value)> = sent["dynamics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["decline"] == true && d["item"] != "overall")
            .map(|d| (&d["item"], &d["delta_pp"]))
            .collect();
        assert_eq!(
            survey["declines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (&d["item"], &d["delta_pp"]))
                .collect::<Vec<_>>(),
            declines,
            "{folder}"
        );
    }
}

/// The body's journal figures: its summary's counts, the share on time recomputed.
fn journal_matches(folder: &str, journal: &serde_json::Value, body: &serde_json::Value) {
    {
        let summary = &journal["summary"];
        let figures = &body["journals"][0];
        for key in ["total", "on_time", "late", "overdue"] {
            assert_eq!(figures[key], summary[key], "{folder} {key}");
        }
        let decided = ["on_time", "late", "overdue"]
            .iter()
            .map(|k| summary[k].as_u64().unwrap())
            .sum::<u64>();
        let share = summary["on_time"].as_u64().unwrap() as f64 * 100.0 / decided as f64;
        assert!((figures["share_on_time"].as_f64().unwrap() - share).abs() < 1e-9);
    }
}

#[test]
fn the_example_regions_facts_need_attention() {
    let rollup = rollup();
    // The example's facts: minfin's decline, minobr's overdue requests, minzdrav's
    // unpublished version, minek's raw export refused, minkult too small to show.
    let kinds: Vec<(String, String)> = rollup["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["body"].as_str().unwrap().to_string(),
                a["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("Минфин", "decline"),
        ("Минфин", "errors"),
        ("Минобразования", "overdue"),
        ("Минздрав", "not_published"),
        ("Минэкономразвития", "file"),
        ("Минкультуры", "small_survey"),
    ] {
        assert!(
            kinds.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} not in {kinds:?}"
        );
    }
}

#[test]
fn each_registrys_findings_are_the_ones_check_gives() {
    let rollup = rollup();
    let mut registries = 0;
    for body in rollup["bodies"].as_array().unwrap() {
        for registry in body["registries"].as_array().unwrap() {
            let file = registry["file"].as_str().unwrap();
            let check = tochki(["check", file, "--format", "json"]);
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            let (mut errors, mut warnings, mut notes) = (0, 0, 0);
            for finding in check.json()["findings"].as_array().unwrap() {
                *counts
                    .entry(finding["code"].as_str().unwrap().to_string())
                    .or_default() += 1;
                match finding["severity"].as_str().unwrap() {
                    "error" => errors += 1,
                    "warning" => warnings += 1,
                    _ => notes += 1,
                }
            }
            let by_rule: BTreeMap<String, u64> =
                serde_json::from_value(registry["by_rule"].clone()).unwrap();
            assert_eq!(by_rule, counts, "{file}");
            assert_eq!(registry["errors"], errors, "{file}");
            assert_eq!(registry["warnings"], warnings, "{file}");
            assert_eq!(registry["notes"], notes, "{file}");
            registries += 1;
        }
    }
    assert_eq!(registries, 5);
}

/// The names in the raw exports and journals the example region was built from.
fn names() -> Vec<String> {
    let mut names = Vec::new();
    for export in ["examples/survey_2024.csv", "examples/survey_2025.csv"] {
        let text = std::fs::read_to_string(root().join(export)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            let name = record.unwrap()[1].trim().to_string();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    let bytes = std::fs::read(root().join("examples/requests_2025.csv")).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(&bytes);
    for line in text.lines().skip(1) {
        if let Some(executor) = line.split(';').nth(6)
            && !executor.trim().is_empty()
        {
            names.push(executor.trim().to_string());
        }
    }
    names.push("Петрова А. А.".to_string());
    names.sort();
    names.dedup();
    names
}

#[test]
fn no_name_from_any_export_or_journal_reaches_any_output() {
    let names = names();
    assert!(names.len() > 20, "{names:?}");
    // The raw export refused is in the region: its names are there to leak.
    let raw =
        std::fs::read_to_string(root().join("examples/region/minek/vygruzka_otvetov.csv")).unwrap();
    assert!(names.iter().any(|n| raw.contains(n.as_str())));
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for format in ["table", "markdown", "json"] {
        let run = example_region(&["--format", format]);
        outputs.push((format.to_string(), run.stdout + &run.stderr));
    }
    for name in ["svod.xlsx", "svod.html"] {
        let path = dir.path().join(name);
        let run = example_region(&["-o", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let text = if name.ends_with("xlsx") {
            office_text(&path)
        } else {
            std::fs::read_to_string(&path).unwrap()
        };
        outputs.push((name.to_string(), text));
    }
    for (format, text) in &outputs {
        for name in &names {
            assert!(!text.contains(name.as_str()), "{name} in {format}");
        }
    }
}

#[test]
fn the_table_fits_eighty_columns_and_the_attention_list_comes_first() {
    let run = example_region(&["--previous", "examples/region_2024.json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let widest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80, "{widest}: {}", run.stdout);
    let attention = run.stdout.find("Требует внимания (").unwrap();
    let bodies = run.stdout.find("\nОрганы\n").unwrap();
    assert!(attention < bodies);
    let words = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("сравнение со сводом на 01.12.2024"),
        "{words}"
    );
    assert!(run.stdout.contains("К прошлому своду"));
    // No word is cut: every body's name is whole on its line.
    for name in ["Минэкономразвития", "Минобразования", "Минкультуры"]
    {
        assert!(run.stdout.contains(name), "{name}");
    }
    assert!(!run.stdout.contains("accounting"), "{}", run.stdout);
}

#[test]
fn the_workbook_holds_numbers_and_the_page_a_chart_and_sortable_tables() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("svod.xlsx");
    let run = example_region(&["-o", book.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let workbook = office_part(&book, "xl/workbook.xml");
    for sheet in ["Внимание", "Органы", "Перечни", "Опрос", "Журнал"]
    {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}");
    }
    // The «Органы» sheet: minfin's level 74.5 % as the number 0.745 in a percent format.
    let bodies = office_part(&book, "xl/worksheets/sheet3.xml");
    assert!(bodies.contains("<v>0.745</v>"), "{bodies}");
    assert!(bodies.contains("autoFilter"), "{bodies}");
    // Every table sheet prints landscape, one page wide, its headings on each page; the
    // attention list's long sentences wrap into taller rows.
    let attention = office_part(&book, "xl/worksheets/sheet2.xml");
    for sheet in [&attention, &bodies] {
        assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
        assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    }
    assert!(attention.contains("customHeight=\"1\""), "{attention}");
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    let page = dir.path().join("svod.html");
    let run = example_region(&["-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("<svg class=\"chart\""));
    assert!(html.contains("aria-sort=\"none\""));
    assert!(html.contains("Минфин, 2025: 74,5"), "the bar's tooltip");
    assert!(!html.contains("http"), "self-contained");
}

/// A region of its own in a temporary folder: `bodies` copied from the example region.
fn region_with(bodies: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for body in bodies {
        let from = root().join("examples/region").join(body);
        let to = dir.path().join(body);
        std::fs::create_dir(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn bad_input_is_said_body_by_body_and_the_rest_is_rolled_up() {
    let region = region_with(&["minfin", "minobr"]);
    let path = region.path();
    // A body with nothing recognisable.
    std::fs::create_dir(path.join("pusto")).unwrap();
    std::fs::write(path.join("pusto/zametki.txt"), "не то").unwrap();
    // Two folders naming one body.
    std::fs::create_dir(path.join("minfin_kopiya")).unwrap();
    std::fs::write(
        path.join("minfin_kopiya/body.yaml"),
        "name: Министерство финансов\nshort: минфин\n",
    )
    .unwrap();
    // A JSON of another version, and a «.docx» that is text.
    std::fs::create_dir(path.join("minprom")).unwrap();
    let tally = std::fs::read_to_string(path.join("minobr/opros.json"))
        .unwrap()
        .replace("tochki.survey/1", "tochki.survey/7");
    std::fs::write(path.join("minprom/opros.json"), tally).unwrap();
    std::fs::write(path.join("minprom/perechen.docx"), "просто текст").unwrap();
    // A raw journal by mistake.
    std::fs::copy(
        root().join("examples/requests_2025.csv"),
        path.join("minobr/zhurnal.csv"),
    )
    .unwrap();
    let run = tochki_in(path, ["region", ".", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rollup = run.json();
    let state = |folder: &str| body(&rollup, folder)["state"].as_str().unwrap().to_string();
    assert_eq!(state("pusto"), "no_data");
    assert_eq!(state("minfin"), "refused");
    assert_eq!(state("minfin_kopiya"), "refused");
    assert_eq!(state("minobr"), "read");
    assert_eq!(state("minprom"), "no_data");
    let said: Vec<String> = rollup["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["what"].as_str().unwrap().to_string())
        .collect();
    let says = |words: &str| said.iter().any(|s| s.contains(words));
    assert!(says("нет данных"), "{said:?}");
    assert!(says("этот же орган"), "{said:?}");
    assert!(says("«tochki.survey/7»"), "{said:?}");
    assert!(says("perechen.docx"), "{said:?}");
    assert!(says("tochki requests ЖУРНАЛ --format json"), "{said:?}");
    // The refused bodies' figures are in no table.
    let markdown = tochki_in(
        path,
        ["region", ".", "--as-of", AS_OF, "--format", "markdown"],
    );
    assert!(markdown.stdout.contains("не включён: повтор органа"));
    assert!(!markdown.stdout.contains("| Минфин | в целом |"));
}

#[test]
fn nothing_read_is_exit_two_and_a_wrong_previous_is_refused_by_its_version() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/x.pdf"), "%PDF").unwrap();
    let run = tochki_in(dir.path(), ["region", "a", "b"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("ни одной папки органа не включено"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("нет данных"), "{}", run.stdout);

    let old = dir.path().join("old.json");
    let text = std::fs::read_to_string(root().join("examples/region_2024.json"))
        .unwrap()
        .replace("tochki.region/1", "tochki.region/0");
    std::fs::write(&old, text).unwrap();
    let run = tochki([
        "region",
        "examples/region",
        "--previous",
        old.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("«tochki.region/0»"), "{}", run.stderr);
    // A tally given as the previous roll-up is not one.
    let run = tochki([
        "region",
        "examples/region",
        "--previous",
        "examples/region/minfin/opros.json",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("это не свод региона"), "{}", run.stderr);
}

#[test]
fn the_tally_and_the_journal_json_carry_their_format_version() {
    let run = tochki([
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "--format",
        "json",
    ]);
    assert_eq!(run.json()["format"], "tochki.survey/1");
    let run = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]);
    assert_eq!(run.json()["format"], "tochki.requests/1");
    // survey tally writes -o, the name deciding the format.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("itogi.json");
    let run = tochki([
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read_json(&out)["format"], "tochki.survey/1");
}

#[test]
fn check_leaves_bodies_folders_below_a_folder_to_region_and_says_so() {
    let run = tochki(["check", "examples/"]);
    assert!(
        run.stderr.contains("examples/region/minfin"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("examples/region/"), "{}", run.stdout);
    let run = tochki(["check", "examples/region/minfin"]);
    assert!(run.stdout.contains("R008"), "{}", run.stdout);
    assert!(!run.stdout.contains("body.yaml"), "{}", run.stdout);
}

#[test]
fn a_stray_file_a_copy_an_archive_and_a_missing_body_are_each_said() {
    let region = region_with(&["minfin", "minobr", "minzdrav"]);
    let path = region.path();
    // A covering letter and Thumbs.db beside the bodies: still three bodies.
    std::fs::write(path.join("Thumbs.db"), "x").unwrap();
    std::fs::write(path.join("soprovoditelnoe.docx"), "x").unwrap();
    // A copy of minobr's journal summary: counted once.
    std::fs::copy(
        path.join("minobr/obrashcheniya.json"),
        path.join("minobr/obrashcheniya (1).json"),
    )
    .unwrap();
    // Last year's tally in an archive folder: not this year's.
    std::fs::create_dir(path.join("minfin/arhiv")).unwrap();
    std::fs::copy(
        path.join("minobr/opros.json"),
        path.join("minfin/arhiv/opros_2024.json"),
    )
    .unwrap();
    // Areas in Russian in body.yaml.
    std::fs::write(
        path.join("minzdrav/body.yaml"),
        "name: Министерство здравоохранения\nshort: Минздрав\nareas: [бухгалтерский учёт, Кадровая политика]\n",
    )
    .unwrap();
    let run = tochki_in(
        path,
        [
            "region",
            ".",
            "--as-of",
            "2025-12-01",
            "--previous",
            root().join("examples/region_2024.json").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rollup = run.json();
    assert_eq!(rollup["bodies"].as_array().unwrap().len(), 3);
    assert_eq!(rollup["loose"].as_array().unwrap().len(), 2);
    let minobr = body(&rollup, "minobr");
    assert_eq!(minobr["journals"].as_array().unwrap().len(), 1);
    assert_eq!(minobr["journals"][0]["overdue"], 2);
    assert_eq!(
        body(&rollup, "minfin")["surveys"].as_array().unwrap().len(),
        1
    );
    assert_eq!(
        body(&rollup, "minzdrav")["areas"],
        serde_json::json!(["accounting", "hr"])
    );
    let said: Vec<(String, String)> = rollup["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["what"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |kind: &str, words: &str| said.iter().any(|(k, w)| k == kind && w.contains(words));
    assert!(has("file", "копия файла"), "{said:?}");
    assert!(has("stale_journal", "старше месяца"), "{said:?}");
    // Two bodies of last year are not in this one.
    assert_eq!(
        rollup["missing"],
        serde_json::json!(["Минэкономразвития", "Минкультуры"])
    );
    assert!(has("missing", "был в прошлом своде"), "{said:?}");
    // The roll-up is never written into a body's folder.
    let run = tochki_in(path, ["region", ".", "-o", "minfin/svod.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("внутри папки"), "{}", run.stderr);
    assert!(!path.join("minfin/svod.json").exists());
}
