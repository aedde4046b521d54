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
    // «№ п/п» is a number Excel sorts; printed landscape with the header row on every page.
    let sheet = crate::office_part(&dir.path().join("table.xlsx"), "xl/worksheets/sheet1.xml");
    let first_number = sheet
        .split("<c r=\"A5\"")
        .nth(1)
        .and_then(|rest| rest.split("</c>").next());
    assert!(
        first_number.is_some_and(|c| !c.contains("t=\"s\"") && c.contains("<v>1</v>")),
        "{first_number:?}"
    );
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    let workbook = crate::office_part(&dir.path().join("table.xlsx"), "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
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

#[test]
fn output_refuses_a_hard_link_a_symlink_and_dotdot_to_its_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let registry = dir.path().join("reg.yaml");
    std::fs::copy(root().join(FILE), &registry).unwrap();
    let before = std::fs::read(&registry).unwrap();
    std::fs::hard_link(&registry, dir.path().join("link.yaml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&registry, dir.path().join("sym.yaml")).unwrap();
    for target in ["link.yaml", "sym.yaml", "sub/../reg.yaml", "./reg.yaml"] {
        if !dir.path().join(target).exists() {
            continue;
        }
        let run = tochki_in(
            dir.path(),
            ["show", "reg.yaml", "--format", "html", "-o", target],
        );
        assert_eq!(run.code, 2, "{target}: {}", run.snapshot());
        assert!(
            run.stderr.contains("совпадает с входным файлом"),
            "{}",
            run.stderr
        );
        assert_eq!(std::fs::read(&registry).unwrap(), before, "{target}");
    }
    assert!(
        std::fs::symlink_metadata(dir.path().join("sym.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Every line of a run's stderr is Russian: no `os error`, no clap English.
fn assert_russian(run: &super::Run) {
    for banned in [
        "os error",
        "error:",
        "Usage",
        "No such",
        "Is a directory",
        "invalid",
    ] {
        assert!(!run.stderr.contains(banned), "{banned}: {}", run.stderr);
    }
}

#[test]
fn messages_missing_file_directory_and_bad_arguments_are_russian_and_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    for (args, expected) in [
        (
            vec!["check", "missing.yaml"],
            "нет файла или папки missing.yaml",
        ),
        (
            vec!["show", "missing.yaml"],
            "не удалось прочитать файл missing.yaml: такого файла или папки нет",
        ),
        (vec!["stats", "missing.yaml"], "missing.yaml"),
        (vec!["diff", "missing.yaml", "other.yaml"], "missing.yaml"),
        (
            vec!["show", "folder"],
            "folder — это папка, а не файл перечня",
        ),
        (vec!["stats", "folder"], "folder — это папка"),
        (
            vec!["check", "--format", "xml", "a.yaml"],
            "недопустимое значение «xml» для --format",
        ),
        (vec!["stats"], "не указан обязательный аргумент"),
        (vec!["chek", "a.yaml"], "нет команды «chek»"),
        (
            vec!["check", "--frmat", "json", "a.yaml"],
            "неизвестный параметр «--frmat»",
        ),
    ] {
        let run = tochki_in(dir.path(), &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.snapshot());
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert_russian(&run);
    }
}

#[test]
fn messages_show_and_stats_print_the_table_but_count_the_errors_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reg.yaml"),
        "organization: Мин\ndirections:\n  - name: d\n    processes:\n      - name: p\n        touchpoints:\n          - {point: Сайт, channel: цифр, needs: [info, нечто]}\n",
    )
    .unwrap();
    for command in ["show", "stats"] {
        let run = tochki_in(dir.path(), [command, "reg.yaml"]);
        assert_eq!(run.code, 0, "{}", run.snapshot());
        assert!(
            run.stdout.contains("Сайт") || run.stdout.contains("Точек"),
            "{}",
            run.stdout
        );
        assert_eq!(
            run.stderr,
            "tochki: внимание: в перечне reg.yaml 2 ошибки (подробно: tochki check reg.yaml)\n"
        );
    }
    // A clean registry: nothing on stderr.
    let run = tochki(["show", FILE]);
    assert_eq!(run.stderr, "");
}
