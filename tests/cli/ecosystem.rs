//! `init`, `completions` and `man`.

use super::tochki_in;

#[test]
fn init_writes_starters_that_pass_their_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let run = tochki_in(dir.path(), ["init", "new"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in [
        "perechen.yaml",
        "registry.schema.json",
        "anketa.survey.yaml",
        "otvety_primer.csv",
    ] {
        assert!(dir.path().join("new").join(name).exists(), "{name}");
    }
    let check = tochki_in(
        &dir.path().join("new"),
        ["check", "--strict", "perechen.yaml"],
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(check.stdout, "Проверено 1 файл: замечаний нет.\n");
    let survey = tochki_in(
        &dir.path().join("new"),
        [
            "survey",
            "check",
            "--survey",
            "anketa.survey.yaml",
            "otvety_primer.csv",
        ],
    );
    assert_eq!(survey.code, 0, "{}", survey.stdout);
    assert_eq!(survey.stdout, "Проверено 1 файл: замечаний нет.\n");
    // The definition is what the tally uses: both items and the overall question are found.
    let tally = tochki_in(
        &dir.path().join("new"),
        [
            "survey",
            "tally",
            "--format",
            "json",
            "--survey",
            "anketa.survey.yaml",
            "otvety_primer.csv",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&tally.stdout).unwrap();
    assert_eq!(json["waves"][0]["items"].as_array().unwrap().len(), 3);
    // The starter registry is commented in Russian, field by field.
    let registry = std::fs::read_to_string(dir.path().join("new/perechen.yaml")).unwrap();
    assert!(registry.starts_with("# yaml-language-server: $schema=./registry.schema.json"));
    assert!(registry.contains("# Вид точки: digital (цифровая) или offline (офлайн)."));

    // A second run changes nothing and says why.
    std::fs::write(dir.path().join("new/perechen.yaml"), "organization: своё\n").unwrap();
    let again = tochki_in(dir.path(), ["init", "new"]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("не перезаписывает"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new/perechen.yaml")).unwrap(),
        "organization: своё\n"
    );
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = tochki_in(dir.path(), ["completions", shell]);
        assert_eq!(run.code, 0, "{shell}");
        for command in ["check", "diff", "survey", "show"] {
            assert!(run.stdout.contains(command), "{shell} lacks {command}");
        }
    }
    let bad = tochki_in(dir.path(), ["completions", "cmd"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn man_page_is_roff_with_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let run = tochki_in(dir.path(), ["man"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(".ie"));
    assert!(run.stdout.contains(".TH tochki 1"));
    for command in ["check", "diff", "show", "survey", "init", "schema"] {
        assert!(run.stdout.contains(command), "{command}");
    }
}
