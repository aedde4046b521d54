//! `tochki diff` on the version pair shipped in examples/.

use super::{root, tochki, tochki_in};
use insta::assert_snapshot;

const OLD: &str = "examples/registry_2024.yaml";
const NEW: &str = "examples/registry_2025.yaml";

#[test]
fn diff_summarises_the_example_pair() {
    let run = tochki(["diff", OLD, NEW]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.snapshot());
}

#[test]
fn diff_markdown_is_the_approval_sheet() {
    let run = tochki(["diff", "--format", "markdown", OLD, NEW]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("Липецк 3.3 (2): изменение вида точки взаимодействия")
    );
    assert_snapshot!(run.snapshot());
}

#[test]
fn diff_json_has_every_change_kind_of_the_spec() {
    let run = tochki(["diff", "--format", "json", OLD, NEW]);
    assert_eq!(run.code, 1);
    let json = run.json();
    let kinds: std::collections::BTreeSet<String> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap().to_string())
        .collect();
    for kind in [
        "direction_added",
        "direction_removed",
        "direction_renamed",
        "process_added",
        "process_removed",
        "process_renamed",
        "touchpoint_added",
        "touchpoint_removed",
        "touchpoint_moved",
        "channel_changed",
        "needs_changed",
        "field_changed",
        "meta_changed",
    ] {
        assert!(kinds.contains(kind), "no {kind} in {kinds:?}");
    }
    let needs = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "needs_changed")
        .unwrap();
    assert_eq!(needs["point"], "Кабинет бухгалтерии");
    assert_eq!(needs["added"], serde_json::json!(["forms"]));
    let moved = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "touchpoint_moved")
        .unwrap();
    assert_eq!(moved["from"], "Начисление и выплата заработной платы");
    assert_eq!(moved["to"], "Оформление отпусков");
    assert_snapshot!(run.snapshot());
}

#[test]
fn a_version_compared_with_itself_has_no_changes() {
    let run = tochki(["diff", NEW, NEW]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Изменений нет."));
}

#[test]
fn files_with_rule_errors_are_compared_and_their_errors_listed() {
    let run = tochki([
        "diff",
        "registries/smolensk_accounting.yaml",
        "registries/smolensk_accounting.yaml",
    ]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("R008"), "{}", run.stdout);
}

#[test]
fn an_unreadable_file_is_trouble() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), b"\x00\x01").unwrap();
    std::fs::copy(root().join(NEW), dir.path().join("new.yaml")).unwrap();
    let run = tochki_in(dir.path(), ["diff", "bad.yaml", "new.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("сравнение невозможно"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("bad.yaml:1:1"), "{}", run.stderr);
}

#[test]
fn a_registry_with_an_attribute_written_twice_has_no_changes_against_itself() {
    // Found by the diff fuzz target: the second «Вид службы» was compared with the first.
    let text = std::fs::read_to_string(
        crate::root().join("registries/north_ossetia_hr_it_accounting.yaml"),
    )
    .unwrap()
    .replacen(
        "segmentation:\n",
        "segmentation:\n  - type: Организационные\n    attribute: Вид службы\n    values: [Другая служба]\n",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.yaml");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let run = crate::tochki(["diff", path, path]);
    assert!(run.stdout.contains("Изменений нет"), "{}", run.stdout);
}
