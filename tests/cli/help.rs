//! Every `--help` speaks Russian: no clap English in any command's help (issue 16, item 8).

use crate::tochki;

/// Every command path: `check`, `survey tally`, …
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = vec![Vec::new()];
    walk(&tochki::cli::command(), &[], &mut out);
    out
}

#[test]
fn no_help_shows_clap_english() {
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        for flag in ["--help", "-h"] {
            let mut args = path.clone();
            args.push(flag.to_string());
            let run = tochki(&args);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
            for english in [
                "Possible values",
                "possible values",
                "[default:",
                "[OPTIONS]",
                "Usage:",
                "Options:",
                "<FORMAT>",
                "<N>",
            ] {
                assert!(
                    !run.stdout.contains(english),
                    "{args:?} shows «{english}»:\n{}",
                    run.stdout
                );
            }
            assert!(run.stdout.contains("Использование:"), "{args:?}");
        }
    }
}

#[test]
fn values_and_defaults_are_in_the_russian_help() {
    let run = tochki(["show", "--help"]);
    assert!(
        run.stdout
            .contains("по умолчанию table; с -o — по расширению файла"),
        "{}",
        run.stdout
    );
}
