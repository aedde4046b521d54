//! Integration tests: the built `tochki` binary run on the files shipped in `registries/`,
//! `examples/` and `tests/fixtures/`, with snapshots of what a user sees.

mod check;
mod cycle;
mod diff;
mod documents;
mod ecosystem;
mod help;
mod import;
mod layouts;
mod profiles;
mod readme;
mod region;
mod requests;
mod schema;
mod show;
mod survey;
mod tables;
mod trust;
mod years;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What one run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr as one text for a snapshot.
    pub fn snapshot(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// The project root: tests run from it so paths in the output stay short and stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tochki ARGS` in the project root. A hang fails the test instead of blocking CI.
pub fn tochki<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    tochki_in(&root(), args)
}

/// `survey COMMAND` on the two years of the example cycle with its registry, written to `out`,
/// and any `extra` options.
pub fn cycle_to(command: &str, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "survey",
        command,
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--registry",
        "examples/registry_cycle.yaml",
        "-o",
        out.to_str().expect("a temporary path is text"),
    ];
    args.extend(extra);
    tochki(args)
}

/// The text of an Office file: its XML parts with the tags dropped, every text node on a line
/// of its own.
pub fn office_text(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        if part.name().is_ok_and(|n| n.ends_with(".xml")) {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
            let mut inside = false;
            for c in xml.chars() {
                match c {
                    // Every text node on a line of its own: numbers of cells never run together.
                    '<' => {
                        inside = true;
                        text.push('\n');
                    }
                    '>' => inside = false,
                    // Soft hyphens between syllables are the layout's, not the text's.
                    '\u{ad}' => {}
                    _ if !inside => text.push(c),
                    _ => {}
                }
            }
        }
    }
    text
}

/// One part of an Office package as text.
pub fn office_part(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

/// Runs `tochki ARGS` in `dir`.
pub fn tochki_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::cargo_bin("tochki")
        .expect("the tochki binary is built")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Tables are fitted to 80 columns, whatever the terminal the tests run in.
        .env_remove("COLUMNS")
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("tochki runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The files of a folder of the project with the given extension, sorted, relative to the root.
pub fn files_in(folder: &str, extension: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
        .expect("folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| format!("{folder}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    files
}

/// The raw rows of a UTF-8 comma-separated export (header first), read without the code under
/// test, for reference figures.
pub fn raw_rows(file: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(root().join(file))
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A named pipe at `path` (coreutils' mkfifo, on every machine the tests run on).
pub fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

/// Every command of `runs` refuses the pipe it names without opening it (opening it would
/// block): exit 2 and «не обычный файл».
pub fn assert_refuses_pipe(runs: &[Vec<&str>]) {
    for args in runs {
        let run = tochki(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("не обычный файл"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
