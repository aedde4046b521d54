//! Benchmarks of the library on the files shipped in `registries/` and `examples/`: each command
//! run in-process, repeated for about a second, the mean time per run printed. They measure the
//! code, not the machine's disk or process start, so a change that slows a command shows here.
//!
//! `cargo bench` (all) or `cargo bench -- NAME` (those whose name contains NAME).
//! The side-by-side comparison with the floor and with xsv and DuckDB, on inputs a hundred
//! thousand times larger, is `bench/compare.sh`; it writes docs/benchmarks.md. This writes nothing.

#![allow(clippy::print_stdout)] // A bench reports to its terminal.

use clap::FromArgMatches;
use std::time::{Duration, Instant};

/// (name, command line) of every benchmark.
const BENCHES: &[(&str, &[&str])] = &[
    (
        "check_smolensk",
        &[
            "check",
            "--format",
            "json",
            "registries/smolensk_accounting.yaml",
        ],
    ),
    (
        "check_all_registries",
        &["check", "--format", "json", "registries"],
    ),
    (
        "show_markdown",
        &[
            "show",
            "--format",
            "markdown",
            "registries/lipetsk_accounting.yaml",
        ],
    ),
    (
        "diff_examples",
        &[
            "diff",
            "--format",
            "json",
            "examples/registry_2024.yaml",
            "examples/registry_2025.yaml",
        ],
    ),
    (
        "survey_tally_two_years",
        &[
            "survey",
            "tally",
            "--format",
            "json",
            "examples/survey_2024.csv",
            "examples/survey_2025.csv",
        ],
    ),
    (
        "survey_check_excel",
        &[
            "survey",
            "check",
            "--format",
            "json",
            "examples/survey_2025_excel.csv",
        ],
    ),
];

fn main() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("project folder");
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!("{:<26} {:>8} {:>12}", "bench", "runs", "mean");
    for (name, args) in BENCHES {
        if !wanted.is_empty() && !wanted.iter().any(|w| name.contains(w.as_str())) {
            continue;
        }
        let (runs, mean) = measure(args);
        println!("{name:<26} {runs:>8} {:>9.3} ms", mean.as_secs_f64() * 1e3);
    }
}

/// Runs the command until a second has passed (at least 5 times) and returns the mean.
fn measure(args: &[&str]) -> (u32, Duration) {
    let matches = tochki::cli::command()
        .try_get_matches_from(std::iter::once("tochki").chain(args.iter().copied()))
        .expect("bench arguments parse");
    let cli = tochki::cli::Cli::from_arg_matches(&matches).expect("bench arguments");
    let mut out = Vec::with_capacity(1 << 16);
    let start = Instant::now();
    let mut runs = 0;
    while runs < 5 || start.elapsed() < Duration::from_secs(1) {
        out.clear();
        let outcome = tochki::run(&cli, &mut out).expect("bench command runs");
        std::hint::black_box(outcome.status);
        assert!(!out.is_empty(), "{args:?} printed nothing");
        runs += 1;
    }
    (runs, start.elapsed() / runs)
}
