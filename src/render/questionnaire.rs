//! The questionnaire built from a registry, in the forms `survey init` writes: the survey
//! definition (survey.md) that reads the exports, the questionnaire for people (Markdown, Word
//! in the Omsk appendix layout) and the grid rows to paste into Google or Yandex Forms.

use super::docx::{Align, Cell, Document, Style, Table};
use super::registry_yaml::scalar;
use crate::survey::questionnaire::{GRID_OPTIONS, OVERALL_OPTIONS, Questionnaire};
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
    out.push_str("# Вопрос 2: проблемы и предложения\n");
    let _ = writeln!(out, "problems: {}", scalar("Проблемы*"));
    let _ = writeln!(out, "proposals: {}", scalar("Предложения*"));
    out.push_str(
        "# Признаки сегментации (Северная Осетия), если они есть в анкете:\n\
         # segments: [\"Категория должностей\", \"Стаж в организации\"]\n",
    );
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
        "\nОбщий вопрос (один ответ):\n{}\n{}\n\nСвободные ответы:\n{}\n{}\n",
        q.overall,
        OVERALL_OPTIONS.join("\n"),
        q.problems,
        q.proposals
    );
    out
}

pub fn markdown(q: &Questionnaire) -> String {
    let mut out = format!("# {}\n\n", q.title);
    if let Some(organization) = &q.organization {
        let _ = writeln!(out, "{organization}\n");
    }
    out.push_str("Анкета анонимная: не указывайте фамилию, телефон и адрес почты.\n\n");
    let _ = writeln!(out, "## 1. {}\n", q.overall);
    for option in OVERALL_OPTIONS {
        let _ = writeln!(out, "- ☐ {option}");
    }
    let _ = writeln!(
        out,
        "\n## 2. {}\n\n______________________________\n",
        q.problems
    );
    let _ = writeln!(out, "{}\n\n______________________________\n", q.proposals);
    let _ = writeln!(out, "## 3. {}\n", q.grid);
    let _ = writeln!(out, "| Процесс | {} |", GRID_OPTIONS.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(GRID_OPTIONS.len()));
    for row in &q.rows {
        let _ = writeln!(
            out,
            "| {} |{}",
            super::markdown_cell(&row.text),
            " ☐ |".repeat(GRID_OPTIONS.len())
        );
    }
    out
}

/// The questionnaire as a Word document in the Omsk appendix layout (portrait A4).
pub fn docx(q: &Questionnaire) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::new(false);
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
    document.paragraph("", Style::default());
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    document.paragraph(&format!("1. {}", q.overall), bold);
    for option in OVERALL_OPTIONS {
        document.paragraph(&format!("☐ {option}"), Style::default());
    }
    document.paragraph("", Style::default());
    document.paragraph(&format!("2. {}", q.problems), bold);
    document.paragraph(
        "_______________________________________________",
        Style::default(),
    );
    document.paragraph(&q.proposals, bold);
    document.paragraph(
        "_______________________________________________",
        Style::default(),
    );
    document.paragraph("", Style::default());
    document.paragraph(&format!("3. {}", q.grid), bold);
    let mut header = vec!["Процесс".to_string()];
    header.extend(GRID_OPTIONS.iter().map(|o| o.to_string()));
    document.table(&Table {
        header,
        rows: q
            .rows
            .iter()
            .map(|row| {
                std::iter::once(Cell::Text(row.text.clone()))
                    .chain(GRID_OPTIONS.iter().map(|_| Cell::Text("☐".into())))
                    .collect()
            })
            .collect(),
        widths: vec![30, 14, 14, 14, 14, 14],
        repeat: Vec::new(),
        size: 9,
    });
    document.to_bytes()
}
