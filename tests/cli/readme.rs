//! README.md and docs/GUIDE.md say what the tool does today (documents.md «The README and the
//! guide»): every `tochki` command in their `sh` blocks runs (each in a fresh folder beside the
//! shipped files) without trouble (exit 0 or 1, never 2), and every `console` block's lines
//! appear, in order, in what its command prints.

use super::root;
use std::path::Path;

/// The lines of the fenced blocks of `kind` in `text`, each block with its first line number.
fn blocks(text: &str, kind: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    let mut current: Option<(usize, Vec<String>)> = None;
    for (number, line) in text.lines().enumerate() {
        match &mut current {
            None if line.trim() == format!("```{kind}") => current = Some((number + 2, Vec::new())),
            Some(_) if line.trim() == "```" => found.extend(current.take()),
            Some((_, lines)) => lines.push(line.to_string()),
            None => {}
        }
    }
    found
}

/// A command of an `sh` block: the comment cut off, continuation lines joined; None when it is
/// not a `tochki` command or holds a placeholder (ФАЙЛ, ПАПКА_РЕГИОНА, …) for the reader.
fn command(line: &str) -> Option<String> {
    let line = match line.find("  #") {
        Some(at) => &line[..at],
        None => line,
    }
    .trim();
    // Installing into the user's folders (`> ~/.local/…`) is shown, never run by a test.
    if !line.starts_with("tochki ")
        || line.contains('…')
        || line.contains("...")
        || line.contains("> ~")
        || line.contains("> /")
        || line.contains("$PROFILE")
    {
        return None;
    }
    let placeholder = line.split(|c: char| !c.is_alphabetic()).any(|word| {
        word.chars().count() >= 3 && word.chars().all(|c| ('А'..='Я').contains(&c) || c == 'Ё')
    });
    (!placeholder && inputs_exist(line)).then(|| line.to_string())
}

/// Whether every file the command reads is shipped: a guide's example over a file of the
/// reader's own (`форма.xlsx`) is shown, not run. What follows `-o` is written, not read.
fn inputs_exist(line: &str) -> bool {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => words.push(std::mem::take(&mut word)),
            _ => word.push(c),
        }
    }
    words.push(word);
    let mut written = false;
    for word in words.iter().skip(1) {
        if written {
            written = false;
            continue;
        }
        if word == "-o" || word == "--output" {
            written = true;
            continue;
        }
        let path = word.rsplit('=').next().unwrap_or(word);
        let file_like = !path.starts_with('-')
            && path.rsplit_once('.').is_some_and(|(_, ext)| {
                (2..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if file_like && !root().join(path).exists() {
            return false;
        }
    }
    true
}

/// Runs `line` with sh in a fresh folder holding links to the shipped files.
fn run(line: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    for shipped in ["registries", "examples", "templates", "data", "docs"] {
        let from = root().join(shipped);
        if from.exists() {
            std::os::unix::fs::symlink(&from, dir.path().join(shipped)).unwrap();
        }
    }
    let binary = assert_cmd::cargo::cargo_bin("tochki");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir.path())
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("HOME", dir.path())
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    // A no-break space is a space to the reader.
    let text = (String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr))
        .replace('\u{a0}', " ");
    (output.status.code().unwrap_or(-1), text)
}

fn commands_run(file: &Path) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let mut ran = 0;
    for (start, lines) in blocks(&text, "sh") {
        let joined = lines.join("\n").replace("\\\n", " ");
        for (offset, line) in joined.lines().enumerate() {
            let Some(command) = command(line) else {
                continue;
            };
            let (code, output) = run(&command);
            assert!(
                code == 0 || code == 1,
                "{}:{}: `{command}` exited {code}:\n{output}",
                file.display(),
                start + offset
            );
            ran += 1;
        }
    }
    ran
}

#[test]
fn every_command_in_the_readme_and_the_guide_runs() {
    let readme = commands_run(&root().join("README.md"));
    let guide = commands_run(&root().join("docs/GUIDE.md"));
    assert!(readme >= 15, "{readme} commands in README.md");
    assert!(guide >= 5, "{guide} commands in docs/GUIDE.md");
}

#[test]
fn every_sample_output_is_what_the_tool_prints() {
    let mut samples = 0;
    for file in ["README.md", "docs/GUIDE.md"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for (start, lines) in blocks(&text, "console") {
            let Some(command) = lines.first().and_then(|l| l.strip_prefix("$ ")) else {
                panic!("{file}:{start}: a console block starts with «$ tochki …»");
            };
            let (code, output) = run(command);
            assert!(
                code == 0 || code == 1,
                "{file}:{start}: exit {code}\n{output}"
            );
            let mut rest = output.as_str();
            for expected in lines[1..]
                .iter()
                .filter(|l| !l.trim().is_empty() && l.trim() != "…")
            {
                let expected = expected.replace('\u{a0}', " ");
                match rest.find(expected.as_str()) {
                    Some(at) => rest = &rest[at + expected.len()..],
                    None => panic!(
                        "{file}:{start}: `{command}` does not print, in this order:\n{expected}\n--- it prints:\n{output}"
                    ),
                }
            }
            samples += 1;
        }
    }
    assert!(samples >= 7, "{samples} samples");
}
