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
    assert!(has("R019", &["«45 000- 60 000»"]));
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
