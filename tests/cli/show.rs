//! `tochki show` and `tochki stats` on the shipped registries.

use super::{root, tochki, tochki_in};
use insta::assert_snapshot;

const FILE: &str = "registries/lipetsk_accounting.yaml";

#[test]
fn show_prints_every_text_format() {
    for format in ["table", "markdown", "csv", "html", "json"] {
        let run = tochki(["show", "--format", format, FILE]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_snapshot!(format!("show_{format}"), run.snapshot());
    }
}

#[test]
fn show_writes_xlsx_and_html_atomically_into_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry.yaml");
    std::fs::copy(root().join(FILE), &registry).unwrap();
    let run = tochki_in(
        dir.path(),
        [
            "show",
            "registry.yaml",
            "--format",
            "xlsx",
            "-o",
            "table.xlsx",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Записано: table.xlsx (5 строк)\n");
    let bytes = std::fs::read(dir.path().join("table.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let run = tochki_in(
        dir.path(),
        [
            "show",
            "registry.yaml",
            "--format",
            "html",
            "-o",
            "table.html",
        ],
    );
    assert_eq!(run.code, 0);
    let page = std::fs::read_to_string(dir.path().join("table.html")).unwrap();
    assert!(page.contains("<td rowspan=\"5\">Централизованный бухгалтерский учет"));
    // Nothing else (no temporary file) is left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["registry.yaml", "table.html", "table.xlsx"]);
}

#[test]
fn show_never_writes_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry.yaml");
    std::fs::copy(root().join(FILE), &registry).unwrap();
    let before = std::fs::read(&registry).unwrap();
    let run = tochki_in(
        dir.path(),
        [
            "show",
            "registry.yaml",
            "--format",
            "html",
            "-o",
            "registry.yaml",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("совпадает с входным файлом"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&registry).unwrap(), before);
}

#[test]
fn show_xlsx_needs_an_output_file() {
    let run = tochki(["show", "--format", "xlsx", FILE]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("-o"));
}

#[test]
fn show_csv_opens_in_russian_excel() {
    let run = tochki(["show", "--format", "csv", FILE]);
    assert!(run.stdout.starts_with('\u{feff}'));
    assert!(run.stdout.contains("№ п/п;Направление деятельности;"));
}

#[test]
fn stats_counts_the_registry() {
    let run = tochki([
        "stats",
        "--format",
        "json",
        "registries/north_ossetia_hr_it_accounting.yaml",
    ]);
    assert_eq!(run.code, 0);
    let json = run.json();
    assert_eq!(json["touchpoints"], 7);
    assert_eq!(json["digital"], 6);
    assert_eq!(json["offline"], 1);
    assert_eq!(json["digital_share"], 85.7);
    assert_snapshot!(tochki(["stats", "registries/smolensk_accounting.yaml"]).snapshot());
}
