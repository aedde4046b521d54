//! Benchmarks of the whole commands on generated data, side by side with what a user would
//! otherwise run, in one run; the figures are written into docs/benchmarks.md.
//!
//! `cargo bench --bench bench -- [check] [diff] [survey]` (all when none is named).
//! The data goes to target/bench-data/ and is generated once.

#![allow(clippy::print_stdout)] // A bench reports to its terminal.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    // Re-executed by the bench itself to measure the floor in a process of its own.
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--count-records" {
        // The floor of a tally: the csv crate reading every record, nothing else.
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(&args[2])
            .expect("bench export");
        let mut record = csv::ByteRecord::new();
        let mut count = 0u64;
        while reader.read_byte_record(&mut record).expect("record") {
            count += 1;
        }
        println!("{count}");
        return;
    }
    if args.len() >= 3 && args[1] == "--bare-serde" {
        for file in &args[2..] {
            let text = std::fs::read_to_string(file).expect("bench file");
            let registry: tochki::registry::Registry = serde_yaml::from_str(&text).expect("parses");
            assert!(registry.directions.is_some());
        }
        return;
    }
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let all = wanted.is_empty();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    std::fs::create_dir_all(&data).expect("bench data folder");
    build_release(&root);
    let tochki = root.join("target/release/tochki");
    if all || wanted.iter().any(|w| w == "check") {
        let section = bench_check(&tochki, &data);
        write_section(&root, "check", &section);
    }
    if all || wanted.iter().any(|w| w == "survey") {
        let section = bench_survey(&tochki, &data);
        write_section(&root, "survey", &section);
    }
    if all || wanted.iter().any(|w| w == "diff") {
        let section = bench_diff(&tochki, &data);
        write_section(&root, "diff", &section);
    }
}

fn build_release(root: &Path) {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--bin", "tochki"])
        .current_dir(root)
        .status()
        .expect("cargo build");
    assert!(status.success(), "release build failed");
}

/// Wall time in seconds and peak resident memory in MiB of one command, by /usr/bin/time.
fn measure(program: &Path, args: &[&str]) -> (f64, f64, i32) {
    let output = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("TIME %e %M")
        .arg(program)
        .args(args)
        .output()
        .expect("/usr/bin/time runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("TIME "))
        .unwrap_or_else(|| panic!("no timing in: {stderr}"));
    let mut parts = line.split_whitespace().skip(1);
    let seconds: f64 = parts.next().unwrap().parse().unwrap();
    let kib: f64 = parts.next().unwrap().parse().unwrap();
    // time(1) reports the child's exit status as its own.
    (seconds, kib / 1024.0, output.status.code().unwrap_or(-1))
}

/// The best of `runs` runs (wall seconds, peak MiB).
fn best_of(runs: usize, program: &Path, args: &[&str]) -> (f64, f64) {
    let mut best = (f64::MAX, 0.0);
    for _ in 0..runs {
        let (seconds, mib, _) = measure(program, args);
        if seconds < best.0 {
            best = (seconds, mib);
        }
    }
    best
}

/// A registry of `directions × processes × touchpoints` rows, realistic Russian text.
pub fn generate_registry(path: &Path, directions: usize, processes: usize, touchpoints: usize) {
    generate_version(path, directions, processes, touchpoints, false);
}

/// The same registry; with `changed`, about 1% of it changes: every hundredth touchpoint gets
/// other needs, another changes its kind, another moves to the next process, and every
/// fiftieth process is renamed.
fn generate_version(
    path: &Path,
    directions: usize,
    processes: usize,
    touchpoints: usize,
    changed: bool,
) {
    if path.exists() {
        return;
    }
    let points = [
        ("Телефонная связь", "digital"),
        ("Электронная почта", "digital"),
        ("Система электронного документооборота", "digital"),
        ("Кабинет бухгалтерии", "offline"),
        ("Официальный сайт", "digital"),
        ("Личный прием", "offline"),
    ];
    let needs = [
        "info",
        "consultation",
        "submission",
        "status",
        "result",
        "forms",
    ];
    let mut text = String::with_capacity(directions * processes * touchpoints * 160);
    text.push_str("organization: Министерство финансов N-ской области\nareas: [accounting]\napproved: { act: \"Приказ № 1\", date: 2025-04-30 }\npublished: 2025-05-13\ndirections:\n");
    let mut moved_in: Vec<String> = Vec::new();
    for d in 0..directions {
        let _ = writeln!(
            text,
            "  - name: Направление деятельности {d}\n    processes:"
        );
        for p in 0..processes {
            let renamed = if changed && p % 50 == 7 {
                " (новая редакция)"
            } else {
                ""
            };
            let _ = writeln!(
                text,
                "      - name: Процесс {d}.{p}{renamed}\n        touchpoints:"
            );
            for entry in moved_in.drain(..) {
                text.push_str(&entry);
            }
            for t in 0..touchpoints {
                let id = (d * processes + p) * touchpoints + t + 1;
                let (point, mut channel) = points[t % points.len()];
                let mut first_need = needs[t % needs.len()];
                if changed && id % 100 == 10 {
                    first_need = "feedback";
                }
                if changed && id % 100 == 20 {
                    channel = if channel == "digital" {
                        "offline"
                    } else {
                        "digital"
                    };
                }
                let entry = format!(
                    "          - point: {point} {d}.{p}.{t}\n            channel: {channel}\n            needs: [{first_need}, {}]\n            client: Сотрудники\n            value: Ответ без визита\n            interaction: Консультации\n            id: ТВ-{id}\n",
                    needs[(t + 1) % needs.len()],
                );
                if changed && id % 100 == 30 && p + 1 < processes {
                    moved_in.push(entry);
                } else {
                    text.push_str(&entry);
                }
            }
        }
    }
    std::fs::write(path, text).expect("write registry");
}

fn bench_check(tochki: &Path, data: &Path) -> String {
    let file = data.join("registry_200k.yaml");
    generate_registry(&file, 20, 100, 100);
    let size_mib = std::fs::metadata(&file).unwrap().len() as f64 / 1024.0 / 1024.0;
    let file_arg = file.to_str().unwrap();

    // The floor: a bare serde_yaml deserialize of the same file into the same model, in a
    // process of its own (this bench binary, re-executed), measured the same way.
    let this = std::env::current_exe().expect("bench binary");
    let (bare, bare_mib) = best_of(3, &this, &["--bare-serde", file_arg]);
    let (check_s, check_mib) = best_of(3, tochki, &["check", "--format", "json", file_arg]);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Registry of 200,000 touchpoints, {size_mib:.1} MiB (generated by the bench).\n"
    );
    let _ = writeln!(out, "| what | time, s | peak memory, MiB | ratio |");
    let _ = writeln!(out, "|---|---|---|---|");
    let _ = writeln!(
        out,
        "| bare `serde_yaml::from_str` into the model (floor: read the file, deserialize) | {bare:.2} | {bare_mib:.0} | 1.00× time, {:.1}× file size in memory |",
        bare_mib / size_mib
    );
    let _ = writeln!(
        out,
        "| `tochki check --format json` (whole run: read, rules, positions, output) | {check_s:.2} | {check_mib:.0} | {:.2}× time, {:.1}× file size in memory |",
        check_s / bare,
        check_mib / size_mib
    );
    let _ = writeln!(
        out,
        "\nTarget: check ≤ 2× the bare deserialize, peak memory ≤ 10× the file size."
    );
    out
}

fn bench_diff(tochki: &Path, data: &Path) -> String {
    let old = data.join("registry_200k.yaml");
    let new = data.join("registry_200k_changed.yaml");
    generate_registry(&old, 20, 100, 100);
    generate_version(&new, 20, 100, 100, true);
    let (old_arg, new_arg) = (old.to_str().unwrap(), new.to_str().unwrap());
    let this = std::env::current_exe().expect("bench binary");
    let (load_s, load_mib) = best_of(3, &this, &["--bare-serde", old_arg, new_arg]);
    let (diff_s, diff_mib) = best_of(3, tochki, &["diff", "--format", "json", old_arg, new_arg]);
    let output = Command::new(tochki)
        .args(["diff", "--format", "json", old_arg, new_arg])
        .output()
        .expect("diff runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("diff JSON");
    let changes = report["changes"].as_array().map_or(0, Vec::len);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Two registries of 200,000 touchpoints; the second with 1% changed (needs, kind), moved to another process, or in a renamed process: {changes} changes found.\n"
    );
    let _ = writeln!(out, "| what | time, s | peak memory, MiB | ratio |");
    let _ = writeln!(out, "|---|---|---|---|");
    let _ = writeln!(
        out,
        "| bare `serde_yaml::from_str` of both files (floor: read and deserialize) | {load_s:.2} | {load_mib:.0} | 1.00× |"
    );
    let _ = writeln!(
        out,
        "| `tochki diff --format json` (check both, match, report) | {diff_s:.2} | {diff_mib:.0} | {:.2}× |",
        diff_s / load_s
    );
    let _ = writeln!(out, "\nTarget: diff ≤ 1.5× the time to load both.");
    out
}

const FIVE: [&str; 5] = [
    "Полностью удовлетворен",
    "Скорее удовлетворен",
    "Скорее не удовлетворен",
    "Полностью не удовлетворен",
    "Затрудняюсь ответить",
];

/// A Google Forms style export: timestamp, 12 grid items, two segments, problems and proposals
/// with commas, quotes and line breaks. A small linear congruential generator keeps it
/// deterministic without a dependency.
fn generate_export(path: &Path, rows: usize) {
    if path.exists() {
        return;
    }
    use std::io::Write as _;
    let file = std::fs::File::create(path).expect("bench export");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut header = vec!["Отметка времени".to_string()];
    for i in 1..=12 {
        header.push(format!(
            "\"Насколько Вы удовлетворены работой по вопросам ведения учета? [Потребность {i}: получение результата, ответа, разъяснения]\""
        ));
    }
    header.extend(
        [
            "Категория должностей",
            "Стаж в организации",
            "Проблемы",
            "Предложения",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    writeln!(out, "{}", header.join(",")).unwrap();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize
    };
    let categories = ["Специалист", "Обеспечивающий специалист", "Руководитель"];
    let tenures = [
        "Менее 1 года",
        "1-3 лет",
        "3-5 лет",
        "5-10 лет",
        "более 10 лет",
    ];
    let problems = [
        "",
        "",
        "Долго ждать ответа, по телефону никто не берет трубку",
        "Расчетный листок приходит после выплаты; \"личный кабинет\" не работает",
        "Непонятно, какие документы нужны\nдля авансового отчета",
    ];
    for row in 0..rows {
        let mut line = format!(
            "{:02}.11.2025 {:02}:{:02}:{:02}",
            1 + row % 28,
            row % 24,
            row % 60,
            (row / 60) % 60
        );
        for _ in 0..12 {
            line.push(',');
            line.push_str(FIVE[next() % 5]);
        }
        line.push(',');
        line.push_str(categories[next() % 3]);
        line.push(',');
        line.push_str(tenures[next() % 5]);
        for _ in 0..2 {
            let text = problems[next() % problems.len()];
            line.push(',');
            if !text.is_empty() {
                line.push('"');
                line.push_str(&text.replace('"', "\"\""));
                line.push('"');
            }
        }
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
}

/// Installs a peer the user would otherwise run, when missing; None when it cannot be had.
fn ensure_peer(check: &mut Command, install: &mut Command) -> bool {
    let works = |c: &mut Command| c.output().is_ok_and(|o| o.status.success());
    works(check) || (works(install) && works(check))
}

fn bench_survey(tochki: &Path, data: &Path) -> String {
    let file = data.join("survey_1m.csv");
    generate_export(&file, 1_000_000);
    let size_mib = std::fs::metadata(&file).unwrap().len() as f64 / 1024.0 / 1024.0;
    let file_arg = file.to_str().unwrap();
    let this = std::env::current_exe().expect("bench binary");
    let (floor_s, floor_mib) = best_of(3, &this, &["--count-records", file_arg]);
    let (tally_s, tally_mib) = best_of(
        3,
        tochki,
        &["survey", "tally", "--format", "json", file_arg],
    );
    let mut rows = vec![
        format!("| bare csv-crate record count (floor) | {floor_s:.2} | {floor_mib:.0} | 1.00× |"),
        format!(
            "| `tochki survey tally --format json` (checks, 12 items, levels, intervals) | {tally_s:.2} | {tally_mib:.0} | {:.2}× |",
            tally_s / floor_s
        ),
    ];
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    let xsv = cargo_home.join("bin/xsv");
    if ensure_peer(
        Command::new(&xsv).arg("--version"),
        Command::new(env!("CARGO")).args(["install", "xsv", "--locked"]),
    ) {
        let (s, mib) = best_of(
            3,
            &xsv,
            &["frequency", "--limit", "0", "-s", "2-13", file_arg],
        );
        rows.push(format!(
            "| `xsv frequency -s 2-13 --limit 0` (counts only) | {s:.2} | {mib:.0} | {:.2}× |",
            s / floor_s
        ));
    } else {
        rows.push("| `xsv frequency` | could not be installed here | | |".into());
    }
    let query = "import duckdb,sys\ncon=duckdb.connect()\ncon.execute(\"SET threads=2\")\nr=con.execute(\"SELECT name, value, count(*) FROM (UNPIVOT (SELECT COLUMNS('Насколько.*') FROM read_csv(?, header=true, all_varchar=true, quote='\\\"', escape='\\\"')) ON COLUMNS(*) INTO NAME name VALUE value) GROUP BY ALL\", [sys.argv[1]]).fetchall()\nprint(len(r))\n";
    let script = data.join("duckdb_tally.py");
    std::fs::write(&script, query).unwrap();
    if ensure_peer(
        Command::new("python3").args(["-c", "import duckdb"]),
        Command::new("python3").args(["-m", "pip", "install", "--quiet", "duckdb"]),
    ) {
        let python = PathBuf::from("python3");
        let python = which(&python).unwrap_or(python);
        let (s, mib) = best_of(3, &python, &[script.to_str().unwrap(), file_arg]);
        rows.push(format!(
            "| DuckDB (Python, 2 threads): UNPIVOT the 12 items, GROUP BY (counts only) | {s:.2} | {mib:.0} | {:.2}× |",
            s / floor_s
        ));
    } else {
        rows.push("| DuckDB | could not be installed here | | |".into());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Export of 1,000,000 rows, {size_mib:.0} MiB: timestamp, 12 five-point grid items, two segments, problems and proposals with commas, quotes and line breaks (generated by the bench).\n"
    );
    let _ = writeln!(
        out,
        "| what | time, s | peak memory, MiB | ratio to the floor |"
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for row in rows {
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(
        out,
        "\nTarget: faster than both peers, within 2× the floor, peak memory under 50 MB whatever the number of rows."
    );
    out
}

fn which(program: &Path) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Replaces the section between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`.
fn write_section(root: &Path, name: &str, body: &str) {
    let path = root.join("docs/benchmarks.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = format!("<!-- bench:{name} -->");
    let end = format!("<!-- /bench:{name} -->");
    let machine = format!(
        "Measured on {} ({} cores), best of 3 runs.\n\n",
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let block = format!("{start}\n{machine}{body}{end}");
    let new = match (text.find(&start), text.find(&end)) {
        (Some(s), Some(e)) => format!("{}{}{}", &text[..s], block, &text[e + end.len()..]),
        _ => format!("{text}\n{block}\n"),
    };
    std::fs::write(&path, new).expect("write docs/benchmarks.md");
    println!("{block}");
}
