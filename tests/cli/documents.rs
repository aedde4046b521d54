//! What people receive (issue 29, documents.md «Files»): a file is what its name says, and
//! nothing is overwritten by surprise — one rule for every command that writes.

use super::{cycle_to, office_part as part, office_text, tochki};

/// Whether a file is an Office package with the given part.
fn has_part(path: &std::path::Path, part: &str) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    zip::ZipArchive::new(file).is_ok_and(|mut a| a.by_name(part).is_ok())
}

#[test]
fn the_name_of_the_file_decides_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name);
    let docx = out("приложение.docx");
    let run = tochki([
        "show",
        "registries/lipetsk_accounting.yaml",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(has_part(&docx, "word/document.xml"));
    let xlsx = out("обращения.xlsx");
    let run = tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-20",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert!(run.code <= 1, "{}", run.stderr);
    assert!(has_part(&xlsx, "xl/workbook.xml"));
    // The README's own example: the draft to the Minister named .docx is a Word document.
    let proposals = out("предложения.docx");
    let run = tochki([
        "survey",
        "proposals",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "-o",
        proposals.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(has_part(&proposals, "word/document.xml"));
    let pains = out("карта.xlsx");
    tochki([
        "survey",
        "pains",
        "examples/survey_2025.csv",
        "-o",
        pains.to_str().unwrap(),
    ]);
    assert!(has_part(&pains, "xl/workbook.xml"));
    // A --format that contradicts the name, or a name the command cannot write: refused.
    for (args, said) in [
        (
            vec![
                "show",
                "registries/lipetsk_accounting.yaml",
                "--format",
                "markdown",
                "-o",
            ],
            "имя файла говорит «docx»",
        ),
        (
            vec!["survey", "report", "examples/survey_2025.csv", "-o"],
            "эта команда не пишет файлы .docx",
        ),
    ] {
        let target = out("противоречие.docx");
        let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        all.push(target.to_str().unwrap().to_string());
        let run = tochki(&all);
        assert_eq!(run.code, 2, "{all:?}");
        assert!(run.stderr.contains(said), "{all:?}: {}", run.stderr);
        assert!(!target.exists());
    }
}

#[test]
fn no_command_overwrites_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let last_year = dir.path().join("прошлый.docx");
    std::fs::write(&last_year, "the last year's appendix").unwrap();
    let target = last_year.to_str().unwrap();
    for args in [
        vec!["show", "registries/lipetsk_accounting.yaml", "-o", target],
        vec![
            "survey",
            "proposals",
            "examples/survey_2024.csv",
            "examples/survey_2025.csv",
            "-o",
            target,
        ],
    ] {
        let run = tochki(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("--force"), "{args:?}: {}", run.stderr);
        assert_eq!(
            std::fs::read_to_string(&last_year).unwrap(),
            "the last year's appendix"
        );
    }
    let report = dir.path().join("отчёт.html");
    std::fs::write(&report, "old").unwrap();
    let run = tochki([
        "survey",
        "report",
        "examples/survey_2025.csv",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    let run = tochki([
        "survey",
        "report",
        "examples/survey_2025.csv",
        "-o",
        report.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&report).unwrap().contains("<html"));
}

#[test]
fn check_on_many_files_puts_errors_first_counts_codes_and_names_the_clean_files() {
    let run = tochki(["check", "registries"]);
    assert_eq!(run.code, 1);
    let first_warning = run.stdout.find(" предупреждение: ").unwrap();
    let last_error = run.stdout.rfind(" ошибка: ").unwrap();
    assert!(last_error < first_warning, "errors first:\n{}", run.stdout);
    assert!(
        run.stdout.contains("По кодам: R008 (ошибка) — 2"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Без замечаний: registries/example_complete.yaml"),
        "{}",
        run.stdout
    );
}

#[test]
fn outputs_for_people_hold_no_codes_and_no_iso_dates() {
    let stats = tochki(["stats", "registries/example_complete.yaml"]);
    for code in ["info (", "feedback_result", "inspection"] {
        assert!(!stats.stdout.contains(code), "{code}: {}", stats.stdout);
    }
    assert!(stats.stdout.contains("Получение информации"));
    let diff = tochki([
        "diff",
        "examples/registry_2024.yaml",
        "examples/registry_2025.yaml",
    ]);
    for english in ["accounting", "2024-09-24", "forms (", "consultation"] {
        assert!(!diff.stdout.contains(english), "{english}: {}", diff.stdout);
    }
    assert!(diff.stdout.contains("24.09.2024"), "{}", diff.stdout);
    assert!(
        diff.stdout.contains("бухгалтерский учет"),
        "{}",
        diff.stdout
    );
}

#[test]
fn numbers_reach_russian_excel_as_numbers() {
    // The tally's «CSV для русского Excel»: decimal commas.
    let csv = tochki([
        "survey",
        "tally",
        "examples/survey_2025.csv",
        "--format",
        "csv",
    ]);
    let row = csv
        .stdout
        .lines()
        .find(|l| l.contains("В целом"))
        .unwrap()
        .to_string();
    let level = row.split(';').nth(4).unwrap();
    assert!(level.contains(','), "{row}");
    assert!(!level.contains('.'), "{row}");
    // The journal's workbook: shares as numbers in percent, estimated deadlines as dates.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("journal.xlsx");
    tochki([
        "requests",
        "examples/requests_2025.csv",
        "--as-of",
        "2025-05-20",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let file = std::fs::File::open(&xlsx).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        !strings.contains(" %<"),
        "a share stored as text: {strings}"
    );
    assert!(
        !strings.contains("(оценка)<"),
        "an estimated date stored as text"
    );
}

#[test]
fn documents_cite_the_bodys_own_order_and_no_other_region() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(super::root().join("examples/registry_cycle.yaml")).unwrap();
    let own = dir.path().join("own.yaml");
    std::fs::write(
        &own,
        format!(
            "{base}\nprocedure:\n  act: \"Приказ Министерства от 27.08.2024 № 46-п\"\n  points: {{ proposals: \"п. 17\", pain_map: \"п. 6.1\" }}\n"
        ),
    )
    .unwrap();
    let draft = |registry: &str, name: &str| -> String {
        let out = dir.path().join(name);
        let run = tochki([
            "survey",
            "proposals",
            "examples/survey_2024.csv",
            "examples/survey_2025.csv",
            "--registry",
            registry,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(out).unwrap()
    };
    let with_own = draft(own.to_str().unwrap(), "own.md");
    assert!(with_own.contains("п. 17 Порядка"), "{with_own}");
    let without = draft("examples/registry_cycle.yaml", "plain.md");
    assert!(
        without.contains("в соответствии с Порядком взаимодействия с внутренним клиентом"),
        "{without}"
    );
    assert!(!without.contains("с Порядку"), "{without}");
    for text in [&with_own, &without] {
        for region in ["Омск", "Смоленск", "Липецк"] {
            assert!(!text.contains(region), "{region} in\n{text}");
        }
    }
    // The report and the tally cite the body's point of proposals too.
    let tally = tochki([
        "survey",
        "tally",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "--registry",
        own.to_str().unwrap(),
    ]);
    assert!(
        tally.stdout.contains("по п. 17 Порядка"),
        "{}",
        tally.stdout
    );
    // A point the format does not know is said by check; a change of the order by diff.
    let typo = dir.path().join("typo.yaml");
    std::fs::write(
        &typo,
        format!("{base}\nprocedure:\n  points: {{ propsals: \"п. 13\" }}\n"),
    )
    .unwrap();
    let check = tochki(["check", typo.to_str().unwrap()]);
    assert!(check.stdout.contains("propsals"), "{}", check.stdout);
    let diff = tochki([
        "diff",
        "examples/registry_cycle.yaml",
        own.to_str().unwrap(),
    ]);
    assert!(diff.stdout.contains("пункты Порядка"), "{}", diff.stdout);
}

#[test]
fn every_word_document_is_structured_and_flows() {
    let dir = tempfile::tempdir().unwrap();
    let appendix = dir.path().join("a.docx");
    tochki([
        "show",
        "tests/fixtures/appendix/long.yaml",
        "-o",
        appendix.to_str().unwrap(),
    ]);
    let proposals = dir.path().join("p.docx");
    tochki([
        "survey",
        "proposals",
        "examples/survey_2024.csv",
        "examples/survey_2025.csv",
        "-o",
        proposals.to_str().unwrap(),
    ]);
    for file in [&appendix, &proposals] {
        let body = part(file, "word/document.xml");
        assert!(!body.contains("w:type=\"page\""), "a fixed page break");
        assert!(
            body.contains("<w:pStyle w:val=\"Title\"/>"),
            "no title style"
        );
        assert!(body.contains("footerReference"), "no footer");
        assert!(part(file, "word/footer1.xml").contains(" PAGE "));
        let core = part(file, "docProps/core.xml");
        assert!(core.contains("<dc:language>ru-RU</dc:language>"), "{core}");
        assert!(!core.contains("<dc:title></dc:title>"), "{core}");
    }
    let body = part(&appendix, "word/document.xml");
    assert!(body.contains("<w:tblHeader/>"));
    assert_eq!(body.matches("<w:tbl>").count(), 1, "one table that flows");
    assert!(body.contains("<w:cantSplit/>"));
}

#[test]
fn the_draft_to_the_minister_is_an_official_memo_with_statistics_in_its_appendix() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("записка.docx");
    let run = cycle_to("proposals", &docx, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = office_text(&docx);
    for part in [
        "Министерство энергетики и жилищно-коммунального комплекса Омской области",
        "Министру энергетики и жилищно-коммунального комплекса Омской области",
        "СЛУЖЕБНАЯ ЗАПИСКА",
        "О предложениях по улучшению качества клиентоцентричности",
        "приняли участие 58 человек, удовлетворенность заметно снизилась по одному вопросу",
        "Мероприятие",
        "Ответственное подразделение",
        "И.О. Фамилия",
        "Исп. ",
        "к служебной записке",
        "Показатели опроса удовлетворенности",
    ] {
        assert!(text.contains(part), "«{part}» not in\n{text}");
    }
    // The appendix opens a page of its own: its first paragraph breaks the page.
    let document = crate::office_part(&docx, "word/document.xml");
    let mark = document.find("к служебной записке").unwrap();
    let opening = document[..mark].rfind("<w:p>").unwrap();
    assert!(
        document[opening..mark].contains("<w:pageBreakBefore/>"),
        "{}",
        &document[opening..mark]
    );
    // Intervals and p-values only in the appendix.
    let appendix = text.find("к служебной записке").unwrap();
    for statistic in ["p <", "p =", "интервал"] {
        if let Some(at) = text.find(statistic) {
            assert!(at > appendix, "«{statistic}» before the appendix");
        }
    }
}

#[test]
fn the_report_names_the_body_and_the_period_and_its_texts_stand_out() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let run = cycle_to("report", &html, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    let subtitle = page
        .split("<p class=\"subtitle\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap();
    assert!(
        subtitle
            .contains("Министерство энергетики и жилищно-коммунального комплекса Омской области"),
        "{subtitle}"
    );
    assert!(
        subtitle.contains("2025: 10.11.2025–27.11.2025"),
        "{subtitle}"
    );
    assert!(subtitle.contains("отчёт от "), "{subtitle}");
    assert!(page.contains("name=\"viewport\""));
    // Labels inside bars: dark with a light halo, never white on a light bar.
    assert!(!page.contains(".inbar{font-size:11px;fill:#fff}"));
    // Headings stay with what they head when printed.
    assert!(page.contains("break-after:avoid"));
}

/// One colour language (issue 29.5): every colour a chart, tile or cell of the report is filled
/// with is the palette's — blue satisfied, orange dissatisfied and declines, greys for earlier
/// years and no data — and each text on a heat cell reads at 4.5:1.
#[test]
fn the_report_speaks_one_colour_language() {
    use tochki::render::palette;
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    let run = cycle_to("report", &html, &["--by", "Категория должностей"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    let mut allowed: Vec<String> = [
        palette::SATISFIED,
        palette::SATISFIED_LIGHT,
        palette::DISSATISFIED,
        palette::DISSATISFIED_LIGHT,
        palette::UNSURE,
        palette::NO_DATA,
        palette::DECLINE_BACKGROUND,
    ]
    .map(String::from)
    .to_vec();
    allowed.extend(palette::HEAT.iter().map(|(_, bg, _)| bg.to_string()));
    allowed.extend((0..2).map(|i| palette::year(i, 2)));
    let mut used = Vec::new();
    for opening in [
        "fill=\"",
        "background-color:",
        "stroke=\"",
        "background:",
        "solid ",
    ] {
        for piece in page.split(opening).skip(1) {
            if piece.starts_with('#') {
                let colour: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_hexdigit() || *c == '#')
                    .collect();
                used.push(colour);
            }
        }
    }
    let structural = ["#eef2f7", "#bbb", "#888", "#333", "#fff"];
    let foreign: Vec<&String> = used
        .iter()
        .filter(|c| !allowed.contains(c) && !structural.contains(&c.as_str()))
        .collect();
    assert!(used.len() > 40, "{used:?}");
    assert!(
        foreign.is_empty(),
        "colours outside the palette: {foreign:?}"
    );
    for (_, bg, fg) in palette::HEAT {
        assert!(palette::contrast(bg, fg) >= 4.5, "{fg} on {bg}");
    }
}

/// documents.md «The terminal»: at 80 columns every line of what people read fits (a table
/// becomes blocks, prose wraps between words). Notes on stderr wrap only on a terminal.
#[test]
fn every_output_for_people_fits_eighty_columns() {
    let runs: [&[&str]; 14] = [
        &["--help"],
        &["requests", "--help"],
        &["survey", "tally", "--help"],
        &["rules"],
        &["explain", "R008"],
        &["stats", "registries/lipetsk_accounting.yaml"],
        &["show", "registries/lipetsk_accounting.yaml"],
        &["show", "examples/north_ossetia_profiles.yaml", "--profiles"],
        &[
            "diff",
            "examples/registry_2024.yaml",
            "examples/registry_2025.yaml",
        ],
        &[
            "requests",
            "examples/requests_2025.csv",
            "--as-of",
            "2025-05-14",
        ],
        &[
            "survey",
            "tally",
            "examples/survey_2024.csv",
            "examples/survey_2025.csv",
            "--registry",
            "examples/registry_cycle.yaml",
        ],
        &[
            "survey",
            "tally",
            "examples/survey_2025.csv",
            "--by",
            "Категория должностей",
        ],
        &["region", "examples/region", "--as-of", "2025-05-14"],
        &[
            "region",
            "examples/region",
            "--as-of",
            "2025-05-14",
            "--previous",
            "examples/region_2024.json",
        ],
    ];
    for args in runs {
        let run = tochki(args);
        assert!(run.code <= 1, "{args:?}: {}", run.stderr);
        for line in run.stdout.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: {} characters:\n{line}",
                line.chars().count()
            );
        }
    }
}

/// `diff` of a registry against its own appendix speaks Russian: approval roles by their names
/// (Lipetsk 3.4), dates as people write them, needs by the catalogue's words.
#[test]
fn diff_names_roles_dates_and_needs_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(super::root().join("registries/lipetsk_accounting.yaml")).unwrap();
    let changed = dir.path().join("changed.yaml");
    std::fs::write(
        &changed,
        original
            .replace("О.В. Кузнецова", "О.В. Петрова")
            .replace("needs: [info, consultation,", "needs: [consultation,"),
    )
    .unwrap();
    let run = tochki([
        "diff",
        "registries/lipetsk_accounting.yaml",
        changed.to_str().unwrap(),
    ]);
    let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("руководитель структурного подразделения, ответственный за процесс: О.В. Кузнецова (24.04.2025)"),
        "{flat}"
    );
    assert!(
        flat.contains("получение информации, получение консультации"),
        "{flat}"
    );
    for code in [
        "unit_head",
        "supervising_deputy",
        "2025-04-24",
        "info,",
        "feedback_result",
    ] {
        assert!(!flat.contains(code), "{code}: {flat}");
    }
}

/// On a terminal `check` wraps its findings between words at the terminal's width (a pseudo
/// terminal from util-linux's `script`); into a pipe each finding stays one line for grep.
#[test]
fn check_wraps_on_a_terminal_and_keeps_lines_whole_in_a_pipe() {
    let binary = env!("CARGO_BIN_EXE_tochki");
    let output = std::process::Command::new("script")
        .args([
            "-qc",
            &format!("{binary} check registries/smolensk_accounting.yaml"),
            "/dev/null",
        ])
        .current_dir(super::root())
        .env("COLUMNS", "80")
        .output()
        .expect("util-linux's script runs");
    let text = String::from_utf8_lossy(&output.stdout).replace('\r', "");
    let plain = regex::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(&text, "");
    assert!(plain.contains("R008"), "{plain}");
    // A quoted source line keeps its indentation and stays one line, so its caret stays under
    // the place it points at.
    assert!(
        plain.contains("28 |           - point: Телефонная связь, кабинеты внутренних клиентов\n   |             ^"),
        "{plain}"
    );
    let widest = plain.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80, "{widest}: {plain}");
    let piped = tochki(["check", "registries/smolensk_accounting.yaml"]);
    assert!(
        piped
            .stdout
            .lines()
            .any(|l| l.contains("R008") && l.chars().count() > 80),
        "{}",
        piped.stdout
    );
}

/// `diff` of a YAML registry against the appendix made from it compares what the table carries:
/// the version's facts only YAML holds (areas, approvals, catalogue) are said not compared,
/// never reported as deleted.
#[test]
fn diff_against_an_appendix_leaves_out_what_tables_never_carry() {
    let dir = tempfile::tempdir().unwrap();
    let appendix = dir.path().join("a.docx");
    let run = tochki([
        "show",
        "registries/lipetsk_accounting.yaml",
        "-o",
        appendix.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = tochki([
        "diff",
        "registries/lipetsk_accounting.yaml",
        appendix.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("согласование"), "{}", run.stdout);
    assert!(run.stderr.contains("не сравнивались"), "{}", run.stderr);
}
