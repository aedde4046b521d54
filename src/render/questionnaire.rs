//! The questionnaire built from a registry, in the forms `survey init` writes: the survey
//! definition (survey.md) that reads the exports, the questionnaire for people (Markdown, Word
//! in the Omsk appendix layout) and the grid rows to paste into Google or Yandex Forms.

use super::docx::{Align, Cell, Document, Style, Table};
use super::registry_yaml::scalar;
use crate::survey::questionnaire::{GRID_OPTIONS, OVERALL_OPTIONS, PER_PROCESS, Questionnaire};
use std::fmt::Write as _;

/// The survey definition: one item per process, `process:` linking it; the column patterns
/// match the headers Google and Yandex Forms give a grid («Вопрос [Строка]»).
pub fn definition(q: &Questionnaire, registry_file: &str) -> String {
    let mut out = format!(
        "# Описание анкеты, созданное tochki survey init из {registry_file}.\n\
         # Заголовки выгрузки совпадут с ним, если строки сетки вставлены из *.form_rows.txt.\n"
    );
    let _ = writeln!(out, "title: {}", scalar(&q.title));
    out.push_str(
        "# Вопрос 1 (один ответ): Удовлетворен / Не удовлетворен / Затрудняюсь ответить\n",
    );
    let _ = writeln!(
        out,
        "overall: {}",
        scalar("Насколько Вы в целом удовлетворены*")
    );
    out.push_str("# Вопрос 3: пятибалльная шкала по каждому процессу перечня\nitems:\n");
    for row in &q.rows {
        let _ = writeln!(out, "  - label: {}", scalar(&row.text));
        let _ = writeln!(out, "    column: {}", scalar(&format!("*[{}]", row.text)));
        let _ = writeln!(out, "    process: {}", scalar(&row.process));
        if !row.direction.is_empty() {
            let _ = writeln!(out, "    direction: {}", scalar(&row.direction));
        }
    }
    out.push_str(
        "# Вопрос 2: проблемы и предложения — по каждому процессу («Проблемы [Процесс]»: текст\n\
         # попадает к своему процессу) и общие, о чём-то другом\n",
    );
    let _ = writeln!(out, "problems: {}", scalar("Проблемы*"));
    let _ = writeln!(out, "proposals: {}", scalar("Предложения*"));
    if q.segments.is_empty() {
        out.push_str(
            "# Признаки сегментации (Северная Осетия), если они есть в анкете:\n\
             # segments: [\"Категория должностей\", \"Стаж в организации\"]\n",
        );
    } else {
        out.push_str(
            "# Вопросы о сегменте (закрытые списки значений из таблицы признаков перечня)\n",
        );
        let names: Vec<String> = q.segments.iter().map(|(name, _)| scalar(name)).collect();
        let _ = writeln!(out, "segments: [{}]", names.join(", "));
    }
    out
}

/// The rows to paste into a form's grid question, and how to set the form up.
pub fn form_rows(q: &Questionnaire) -> String {
    let mut out = format!(
        "Вопрос-сетка (Google Формы: «Сетка (множественный выбор)»; Яндекс Формы: «Шкала»):\n{}\n\n\
         Столбцы:\n{}\n\nСтроки (вставьте все разом):\n",
        q.grid,
        GRID_OPTIONS.join("\n")
    );
    for row in &q.rows {
        out.push_str(&row.text);
        out.push('\n');
    }
    let _ = write!(
        out,
        "\nОбщий вопрос (один ответ):\n{}\n{}\n\n\
         Проблемы и предложения по каждому процессу (Google Формы: «Текст (абзац)»; Яндекс Формы: \
         «Длинный текст»), вопросы с этими названиями, не обязательные:\n",
        q.overall,
        OVERALL_OPTIONS.join("\n"),
    );
    for row in &q.rows {
        for kind in PER_PROCESS {
            out.push_str(&row.free_text_title(kind));
            out.push('\n');
        }
    }
    for (name, values) in &q.segments {
        let _ = write!(
            out,
            "\nВопрос о сегменте (один ответ, раскрывающийся список; название вопроса — ровно это):\n{name}\nВарианты:\n{}\n",
            values.join("\n")
        );
    }
    let _ = write!(
        out,
        "\nОбщие свободные ответы (о том, что не относится к одному процессу):\n{}\n{}\n\n\
         Не добавляйте вопросов о фамилии, телефоне, почте или табельном номере: анкета анонимная.\n",
        q.problems, q.proposals
    );
    out
}

/// The line every questionnaire carries (Smolensk 5.2): it asks for nobody's name. The Omsk
/// form's «(ФИО внутреннего клиента)» line is left out on purpose (docs/decisions.md).
const ANONYMOUS: &str =
    "Анкета анонимная: не указывайте фамилию, телефон, адрес почты и табельный номер.";

pub fn markdown(q: &Questionnaire) -> String {
    let mut out = format!("# {}\n\n", q.title);
    if let Some(organization) = &q.organization {
        let _ = writeln!(out, "{organization}\n");
    }
    let _ = writeln!(out, "{ANONYMOUS}\n");
    let _ = writeln!(out, "## 1. {}\n", q.overall);
    for (i, option) in OVERALL_OPTIONS.iter().enumerate() {
        let _ = writeln!(out, "- ☐ 1.{}. {option}", i + 1);
    }
    let _ = writeln!(out, "\n## 2. {}\n", q.problems_question);
    out.push_str("| № п/п | Процесс | Проблемы (укажите) | Предложения |\n|---|---|---|---|\n");
    for (i, row) in q.rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "| 2.{} | {} |   |   |",
            i + 1,
            super::markdown_cell(&row.text)
        );
    }
    let _ = writeln!(
        out,
        "\n{}: ______________________________\n\n{}: ______________________________\n",
        q.problems, q.proposals
    );
    let _ = writeln!(out, "## 3. {}\n", q.grid);
    let _ = writeln!(out, "| № п/п | Процесс | {} |", GRID_OPTIONS.join(" | "));
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(GRID_OPTIONS.len()));
    for (i, row) in q.rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "| 3.{} | {} |{}",
            i + 1,
            super::markdown_cell(&row.text),
            " ☐ |".repeat(GRID_OPTIONS.len())
        );
    }
    for (i, (name, values)) in q.segments.iter().enumerate() {
        let _ = writeln!(out, "\n## {}. {name} (один ответ)\n", 4 + i);
        for value in values {
            let _ = writeln!(out, "- ☐ {value}");
        }
    }
    out
}

/// Omsk Q2: a row per process, «Проблемы (укажите) | Предложения» to fill in.
fn problems_table(q: &Questionnaire) -> Table {
    Table {
        header: ["№ п/п", "Процесс", "Проблемы (укажите)", "Предложения"]
            .map(str::to_string)
            .to_vec(),
        rows: q
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                vec![
                    Cell::Text(format!("2.{}", i + 1)),
                    Cell::Text(row.text.clone()),
                    Cell::Text(String::new()),
                    Cell::Text(String::new()),
                ]
            })
            .collect(),
        widths: vec![8, 36, 28, 28],
        size: 10,
    }
}

/// The questionnaire as a Word document in the Omsk appendix layout (portrait A4).
pub fn docx(q: &Questionnaire) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new(false);
    document.set_title(&q.title);
    let bold_center = Style {
        bold: true,
        align: Align::Center,
        ..Style::default()
    };
    document.paragraph(&q.title, bold_center);
    if let Some(organization) = &q.organization {
        document.paragraph(
            organization,
            Style {
                align: Align::Center,
                ..Style::default()
            },
        );
    }
    document.paragraph(ANONYMOUS, Style::default());
    document.paragraph("", Style::default());
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    document.paragraph(&format!("1. {}", q.overall), bold);
    for (i, option) in OVERALL_OPTIONS.iter().enumerate() {
        document.paragraph(&format!("☐ 1.{}. {option}", i + 1), Style::default());
    }
    document.paragraph("", Style::default());
    document.paragraph(&format!("2. {}", q.problems_question), bold);
    document.table(&problems_table(q));
    document.paragraph("", Style::default());
    document.paragraph(
        &format!("{}: _______________________________", q.problems),
        Style::default(),
    );
    document.paragraph(
        &format!("{}: _______________________________", q.proposals),
        Style::default(),
    );
    document.paragraph("", Style::default());
    document.paragraph(&format!("3. {}", q.grid), bold);
    let mut header = vec!["№ п/п".to_string(), "Процесс".to_string()];
    header.extend(GRID_OPTIONS.iter().map(|o| o.to_string()));
    document.table(&Table {
        header,
        rows: q
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                [
                    Cell::Text(format!("3.{}", i + 1)),
                    Cell::Text(row.text.clone()),
                ]
                .into_iter()
                .chain(GRID_OPTIONS.iter().map(|_| Cell::Text("☐".into())))
                .collect()
            })
            .collect(),
        // Each option's column keeps «удовлетворен» and «Затрудняюсь» whole at 9 pt.
        widths: vec![7, 28, 13, 13, 13, 13, 13],
        size: 9,
    });
    for (i, (name, values)) in q.segments.iter().enumerate() {
        document.paragraph("", Style::default());
        document.paragraph(&format!("{}. {name} (один ответ)", 4 + i), bold);
        for value in values {
            document.paragraph(&format!("☐ {value}"), Style::default());
        }
    }
    document.to_bytes()
}
