//! The layering of `src/` (ARCHITECTURE.md, «Layers»), both ways: every module path a module's
//! code names (`crate::…`, `super::…`, nested groups `crate::{a::{b, c}, d}`) must point at a
//! module its row allows, and every edge a row allows must be used (a row that allows more than
//! the code needs hides the next wrong import). Inside a top-level module, the imports between
//! its submodules never run in a circle. Test modules (`#[cfg(test)] mod … { … }`) may reach
//! further; the code after them is read. As rust-analyzer's `tidy.rs`, this reads the sources,
//! not the compiler; the tests at the end hold the reader to each way a path can be written.

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
            "region",
            "diagnostic",
            "text",
        ],
    ),
    (
        "region",
        &[
            "rules",
            "registry",
            "survey",
            "requests",
            "input",
            "calendar",
            "text",
            "diagnostic",
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
    ("diff", &["registry", "text"]),
    (
        "survey",
        &["registry", "privacy", "input", "text", "diagnostic"],
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
    ("registry", &["input", "vocabulary", "text", "diagnostic"]),
    ("privacy", &["text"]),
    ("vocabulary", &["text"]),
    ("input", &["text"]),
    ("exit", &["diagnostic"]),
    ("output", &["text"]),
    ("diagnostic", &[]),
    ("text", &[]),
    ("calendar", &["text"]),
    ("progress", &[]),
];

/// Submodules of `survey` that the renderers may read: the models, never the computations.
const RENDER_MAY_READ_OF_SURVEY: &[&str] = &["report", "label", "proposals", "questionnaire"];

/// A source file as the check sees it: its path under `src/`, its module path, and the module
/// paths its code names.
type Source = (String, Vec<String>, Vec<Vec<String>>);

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

/// The code of a file without comments, string and character literals (a path inside them is
/// no import), and without its test modules (`#[cfg(test)]` before `mod name { … }`, brace
/// matched, so that code after a test module is read).
fn code(text: &str) -> String {
    let plain = without_literals(text);
    let mut out = String::new();
    let mut rest = plain.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        let is_module = trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ");
        match (is_module, trimmed.find(['{', ';'])) {
            (true, Some(open)) if trimmed.as_bytes()[open] == b'{' => {
                let body = &trimmed[open..];
                let mut depth = 0usize;
                let mut end = body.len();
                for (i, c) in body.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &body[end..];
            }
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// `text` with comments, strings (plain, byte, raw) and character literals blanked out.
fn without_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('a', '\n', '\''); a lifetime ('a) has no closing quote.
            i += if next == Some('\\') { 2 } else { 1 };
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The module path of a source file: `src/survey/tally.rs` → [survey, tally],
/// `src/survey/mod.rs` → [survey], `src/lib.rs` → [].
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// Every module path `code` names, resolved from the module `module`: `crate::a::b`,
/// `super::b` (one level up per `super`), `self::b`, and each leaf of a group however deeply
/// nested (`crate::{a::{b, c}, d::e}` → a::b, a::c, d::e). Paths a `use` brings in by a local
/// name (`use super::x; x::y`) are counted where the `use` names them.
fn module_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = |i: usize, word: &str| {
            word.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
                && !ident_before(&chars, i)
        };
        let base = if starts(i, "crate::") {
            i += "crate::".len();
            Some(Vec::new())
        } else if starts(i, "super::") || starts(i, "self::") {
            let mut base: Vec<String> = module.to_vec();
            while starts(i, "super::") || starts(i, "self::") {
                if starts(i, "super::") {
                    base.pop();
                    i += "super::".len();
                } else {
                    i += "self::".len();
                }
            }
            Some(base)
        } else {
            None
        };
        match base {
            Some(base) => {
                let (leaves, end) = use_tree(&chars, i);
                for leaf in leaves {
                    let mut path = base.clone();
                    path.extend(leaf);
                    paths.push(path);
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    paths
}

/// The leaves of a use tree starting at `i` (`a::b`, `{a, b::{c, d}}`, `a::*`), each as its
/// segments, and where the tree ends.
fn use_tree(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let skip_space = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    };
    i = skip_space(i);
    if chars.get(i) == Some(&'{') {
        let mut leaves = Vec::new();
        i += 1;
        loop {
            i = skip_space(i);
            match chars.get(i) {
                None => return (leaves, i),
                Some('}') => return (leaves, i + 1),
                Some(',') => i += 1,
                _ => {
                    let (inner, end) = use_tree(chars, i);
                    leaves.extend(inner);
                    i = end.max(i + 1);
                }
            }
        }
    }
    let start = i;
    while chars
        .get(i)
        .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    {
        i += 1;
    }
    let segment: String = chars[start..i].iter().collect();
    if segment.is_empty() {
        // `*` or the end of a path: the leaf is the path so far.
        if chars.get(i) == Some(&'*') {
            i += 1;
        }
        return (vec![Vec::new()], i);
    }
    if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
        let (inner, end) = use_tree(chars, i + 2);
        let leaves = inner
            .into_iter()
            .map(|mut leaf| {
                leaf.insert(0, segment.clone());
                leaf
            })
            .collect();
        return (leaves, end);
    }
    // `name as alias`: the alias is no path.
    let after = skip_space(i);
    if chars.get(after) == Some(&'a')
        && chars.get(after + 1) == Some(&'s')
        && chars.get(after + 2).is_some_and(|c| c.is_whitespace())
    {
        i = skip_space(after + 2);
        while chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 1;
        }
    }
    (vec![vec![segment]], i)
}

/// What the sources say: for each file, its module path and the module paths it names.
fn read_sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    files
        .iter()
        .map(|file| {
            let relative = file.strip_prefix(&root).unwrap();
            let module = module_of(relative);
            let text = std::fs::read_to_string(file).unwrap();
            let paths = module_paths(&code(&text), &module);
            (relative.display().to_string(), module, paths)
        })
        .collect()
}

/// The top-level module of a file (`lib`, `main` for the crate's roots).
fn top_of(file: &str, module: &[String]) -> String {
    module
        .first()
        .cloned()
        .unwrap_or_else(|| file.trim_end_matches(".rs").to_string())
}

/// The edges between top-level modules that break the table, and the edges used.
fn top_level_edges(
    files: &[Source],
    tops: &BTreeSet<String>,
) -> (BTreeSet<String>, BTreeSet<(String, String)>) {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut broken = BTreeSet::new();
    let mut used = BTreeSet::new();
    for (file, module, paths) in files {
        let top = top_of(file, module);
        let may = allowed
            .get(top.as_str())
            .unwrap_or_else(|| panic!("module {top} is not in the layering table"));
        for path in paths {
            let Some(target) = path.first().filter(|t| tops.contains(*t)) else {
                continue;
            };
            if *target == top {
                continue;
            }
            used.insert((top.clone(), target.clone()));
            if may.contains(&"*") {
                continue;
            }
            let inner = path.get(1).cloned().unwrap_or_default();
            let ok = may.contains(&target.as_str())
                && !(top == "render"
                    && target == "survey"
                    && !RENDER_MAY_READ_OF_SURVEY.contains(&inner.as_str()));
            if !ok {
                broken.insert(format!("{file} -> crate::{}", path.join("::")));
            }
        }
    }
    (broken, used)
}

/// The names of the top-level modules (files and folders of `src/`).
fn top_modules() -> BTreeSet<String> {
    ALLOWED.iter().map(|(m, _)| m.to_string()).collect()
}

#[test]
fn no_module_imports_a_layer_it_must_not() {
    let files = read_sources();
    let (broken, _) = top_level_edges(&files, &top_modules());
    assert!(
        broken.is_empty(),
        "imports that break the layering:\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_edge_the_table_allows_is_used() {
    let files = read_sources();
    let (_, used) = top_level_edges(&files, &top_modules());
    let mut unused = Vec::new();
    for (module, may) in ALLOWED {
        for target in may.iter().filter(|t| **t != "*") {
            if !used.contains(&(module.to_string(), target.to_string())) {
                unused.push(format!("{module} -> {target}"));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "the table allows edges no code uses (remove them here and in ARCHITECTURE.md):\n{}",
        unused.join("\n")
    );
}

/// The circles among the submodules of each top-level module (the module's own root, its
/// `mod.rs`, re-exports for the others and is left out).
fn submodule_circles(files: &[Source]) -> Vec<String> {
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, module, _) in files {
        if module.len() >= 2 {
            names
                .entry(module[0].clone())
                .or_default()
                .insert(module[1].clone());
        }
    }
    for (_, module, paths) in files {
        if module.len() < 2 {
            continue;
        }
        let (top, from) = (&module[0], &module[1]);
        for path in paths {
            if path.len() >= 2
                && path[0] == *top
                && path[1] != *from
                && names.get(top).is_some_and(|n| n.contains(&path[1]))
            {
                edges
                    .entry((top.clone(), from.clone()))
                    .or_default()
                    .insert(path[1].clone());
            }
        }
    }
    let mut circles = Vec::new();
    for ((top, from), targets) in &edges {
        // A path back from any target to `from` closes a circle.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<String> = targets.iter().cloned().collect();
        while let Some(next) = stack.pop() {
            if next == *from {
                circles.push(format!("{top}::{from}"));
                break;
            }
            if seen.insert(next.clone())
                && let Some(more) = edges.get(&(top.clone(), next))
            {
                stack.extend(more.iter().cloned());
            }
        }
    }
    circles
}

#[test]
fn no_submodules_import_each_other_in_a_circle() {
    let circles = submodule_circles(&read_sources());
    assert!(
        circles.is_empty(),
        "submodules in an import circle: {circles:?}"
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

// ---- the test of the test: each way a path can be written, and each place code can stand.

fn one_file(path: &str, text: &str) -> Vec<Source> {
    let module = module_of(Path::new(path));
    vec![(
        path.to_string(),
        module.clone(),
        module_paths(&code(text), &module),
    )]
}

fn broken_in(path: &str, text: &str) -> BTreeSet<String> {
    top_level_edges(&one_file(path, text), &top_modules()).0
}

#[test]
fn the_reader_sees_grouped_nested_and_plain_paths() {
    let paths = module_paths(
        "use crate::{text::normalize, diagnostic::{Finding, Severity as S}};\nlet x = crate::survey::report::Item;",
        &["render".to_string()],
    );
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        vec![
            "text::normalize",
            "diagnostic::Finding",
            "diagnostic::Severity",
            "survey::report::Item"
        ]
    );
}

#[test]
fn a_nested_group_that_breaks_the_layering_is_caught() {
    let broken = broken_in(
        "input/kind.rs",
        "use crate::{text::{a, b}, registry::{model::Registry}};",
    );
    assert_eq!(
        broken.into_iter().collect::<Vec<_>>(),
        vec!["input/kind.rs -> crate::registry::model::Registry"]
    );
}

#[test]
fn a_super_path_that_climbs_into_another_layer_is_caught() {
    // From input/table/grid.rs, super:: is input::table, super::super::super:: the crate's root.
    let broken = broken_in(
        "input/table/grid.rs",
        "use super::super::super::survey::Tally;",
    );
    assert_eq!(broken.len(), 1, "{broken:?}");
    // From registry/mod.rs, super:: is the crate's root too.
    let broken = broken_in("registry/mod.rs", "fn f() { super::requests::read(); }");
    assert_eq!(broken.len(), 1, "{broken:?}");
    // Within its own module it is fine.
    assert!(broken_in("registry/load.rs", "use super::model::Registry;").is_empty());
}

#[test]
fn code_after_a_test_module_is_read_and_the_test_module_is_not() {
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n fn t() { crate::survey::x(); { } }\n}\nfn after() { crate::rules::check(); }\n";
    let broken = broken_in("input/zip.rs", text);
    assert_eq!(
        broken.into_iter().collect::<Vec<_>>(),
        vec!["input/zip.rs -> crate::rules::check"]
    );
}

#[test]
fn paths_in_comments_and_strings_are_not_imports() {
    let text = "// crate::survey::x\nlet s = \"crate::rules::y\"; let r = r#\"crate::render\"#; let c = '\"'; /* crate::diff */";
    assert!(broken_in("input/zip.rs", text).is_empty());
}

#[test]
fn a_circle_between_submodules_is_caught() {
    let mut files = one_file("survey/tally.rs", "use super::scan::Row;");
    files.extend(one_file("survey/scan.rs", "use crate::survey::columns::X;"));
    files.extend(one_file("survey/columns.rs", "use super::tally::Y;"));
    let circles = submodule_circles(&files);
    assert!(
        circles.contains(&"survey::tally".to_string()),
        "{circles:?}"
    );
    files.pop();
    files.extend(one_file("survey/columns.rs", "use crate::text::x;"));
    assert!(submodule_circles(&files).is_empty());
}

#[test]
fn an_allowed_edge_nobody_uses_is_said() {
    let files = one_file("privacy/values.rs", "fn f() {}");
    let (_, used) = top_level_edges(&files, &top_modules());
    assert!(!used.contains(&("privacy".to_string(), "text".to_string())));
    let files = one_file("privacy/values.rs", "use crate::text::normalize;");
    let (_, used) = top_level_edges(&files, &top_modules());
    assert!(used.contains(&("privacy".to_string(), "text".to_string())));
}

#[test]
fn the_command_line_stays_in_cli_rs() {
    // clap's types and derives belong to the command line (`cli.rs`, and `main.rs` that runs
    // it): a domain type deriving a clap trait ties the domain to one front end.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&root).unwrap().display().to_string();
        if matches!(relative.as_str(), "cli.rs" | "main.rs") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        if text.contains("clap::") || text.contains("use clap") {
            found.push(relative);
        }
    }
    assert!(found.is_empty(), "clap outside cli.rs: {found:?}");
}
