//! `tochki schema`: the JSON Schema editors use, generated from the model.

use super::{files_in, root, tochki};

fn schema() -> serde_json::Value {
    serde_json::from_str(&tochki(["schema"]).stdout).expect("schema is JSON")
}

fn yaml_as_json(file: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    serde_json::to_value(value).unwrap()
}

fn shipped_registries() -> Vec<String> {
    let mut files = files_in("registries", "yaml");
    files.extend(
        files_in("examples", "yaml")
            .into_iter()
            .filter(|f| !f.ends_with(".survey.yaml")),
    );
    files
}

#[test]
fn the_committed_schema_is_what_the_tool_generates() {
    let committed = std::fs::read_to_string(root().join("docs/registry.schema.json")).unwrap();
    assert_eq!(
        tochki(["schema"]).stdout,
        committed,
        "run: tochki schema > docs/registry.schema.json"
    );
}

#[test]
fn every_shipped_registry_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for file in shipped_registries() {
        let instance = yaml_as_json(&file);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
        let first = std::fs::read_to_string(root().join(&file)).unwrap();
        assert!(
            first.starts_with("# yaml-language-server: $schema=../docs/registry.schema.json"),
            "{file} lacks the schema line"
        );
    }
}

#[test]
fn the_schema_rejects_unknown_keys_and_kinds() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    assert!(!validator.is_valid(&yaml_as_json("tests/fixtures/r001_invalid_yaml_shape.yaml")));
    let bad_role = serde_json::json!({"approvals": [{"role": "boss"}]});
    assert!(!validator.is_valid(&bad_role));
}

/// Every property of every object has a Russian description.
fn check_descriptions(value: &serde_json::Value, path: &str) {
    if let Some(properties) = value.get("properties").and_then(|p| p.as_object()) {
        for (name, property) in properties {
            let description = property
                .get("description")
                .and_then(|d| d.as_str())
                .unwrap_or("");
            assert!(
                description.chars().any(|c| ('а'..='я').contains(&c)),
                "{path}.{name} has no Russian description"
            );
        }
    }
    if let Some(definitions) = value.get("$defs").and_then(|d| d.as_object()) {
        for (name, definition) in definitions {
            check_descriptions(definition, name);
        }
    }
}

#[test]
fn every_field_is_described_in_russian() {
    check_descriptions(&schema(), "Registry");
}
