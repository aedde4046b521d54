//! The layering of `src/` (ARCHITECTURE.md, «Layers»): every `crate::…` path a module's code
//! names must point at a module its row allows. Tests (`#[cfg(test)]` to the end of a file) may
//! reach further. As rust-analyzer's `tidy.rs`, this reads the sources, not the compiler.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level module → the top-level modules it may import. The same table is in ARCHITECTURE.md.
const ALLOWED: &[(&str, &[&str])] = &[
    ("main", &["*"]),
    ("lib", &["*"]),
    ("cli", &["*"]),
    ("commands", &["*"]),
    (
        "catalog",
        &["rules", "registry", "survey", "requests", "diagnostic"],
    ),
    (
        "render",
        &[
            "survey",
            "registry",
            "requests",
            "diff",
            "diagnostic",
            "text",
        ],
    ),
    (
        "rules",
        &[
            "registry",
            "privacy",
            "input",
            "vocabulary",
            "calendar",
            "text",
            "diagnostic",
        ],
    ),
    ("diff", &["registry", "vocabulary", "text", "diagnostic"]),
    (
        "survey",
        &[
            "registry",
            "privacy",
            "input",
            "vocabulary",
            "calendar",
            "text",
            "diagnostic",
        ],
    ),
    (
        "requests",
        &[
            "registry",
            "privacy",
            "input",
            "vocabulary",
            "calendar",
            "text",
            "diagnostic",
        ],
    ),
    (
        "registry",
        &["input", "vocabulary", "calendar", "text", "diagnostic"],
    ),
    ("privacy", &["text"]),
    ("vocabulary", &["text"]),
    ("input", &["text", "diagnostic"]),
    ("exit", &["diagnostic"]),
    ("output", &["text"]),
    ("diagnostic", &[]),
    ("text", &[]),
    ("calendar", &["text"]),
    ("progress", &[]),
];

/// Submodules of `survey` that the renderers may read: the models, never the computations.
const RENDER_MAY_READ_OF_SURVEY: &[&str] = &["report", "label", "proposals", "questionnaire"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its tests, without comments.
fn code(text: &str) -> String {
    let before_tests = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at]);
    before_tests
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` (and `crate::{a, b::c}`) path in `code`, as (a, b).
fn crate_paths(code: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let group: String = if let Some(inner) = rest.strip_prefix('{') {
            inner[..inner.find('}').unwrap_or(inner.len())].to_string()
        } else {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect()
        };
        for item in group.split(',') {
            let mut parts = item.trim().split("::");
            let first = parts.next().unwrap_or("").trim().to_string();
            let second = parts.next().unwrap_or("").trim().to_string();
            if !first.is_empty() {
                paths.push((first, second));
            }
        }
    }
    paths
}

#[test]
fn no_module_imports_a_layer_it_must_not() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut broken = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let may = allowed
            .get(top.as_str())
            .unwrap_or_else(|| panic!("module {top} is not in the layering table"));
        let text = std::fs::read_to_string(file).unwrap();
        for (module, inner) in crate_paths(&code(&text)) {
            if module == top || may.contains(&"*") {
                continue;
            }
            let ok = may.contains(&module.as_str())
                && !(top == "render"
                    && module == "survey"
                    && !RENDER_MAY_READ_OF_SURVEY.contains(&inner.as_str()));
            if !ok {
                broken.insert(format!(
                    "{} -> crate::{module}::{inner}",
                    relative.display()
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports that break the layering:\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_path_reader_sees_grouped_and_plain_paths() {
    let paths = crate_paths(
        "use crate::{text::normalize, diagnostic::Finding};\nlet x = crate::survey::report::Item;",
    );
    assert_eq!(
        paths,
        vec![
            ("text".to_string(), "normalize".to_string()),
            ("diagnostic".to_string(), "Finding".to_string()),
            ("survey".to_string(), "report".to_string()),
        ]
    );
}

#[test]
fn the_table_is_the_one_in_architecture_md() {
    let architecture =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    for (module, may) in ALLOWED {
        let row = format!(
            "| `{module}` | {} |",
            if may.is_empty() {
                "—".to_string()
            } else {
                may.join(", ")
            }
        );
        assert!(
            architecture.contains(&row),
            "ARCHITECTURE.md lacks the row {row}"
        );
    }
}
