//! The registry as the official table published on the organisation's site (Lipetsk 2.2,
//! Smolensk appendix): one row per touchpoint, in every format `show` writes.

use super::format::escape_html;
use super::markdown_cell;
use crate::registry::Registry;
use crate::registry::model::{NeedValue, Text};
use serde::Serialize;
use std::io::Write;

pub use crate::registry::model::OFFICIAL_HEADINGS as HEADINGS;

/// One row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub number: usize,
    pub direction: String,
    pub process: String,
    pub point: String,
    pub channel: String,
    pub needs: Vec<String>,
    pub interaction: String,
    pub client: String,
    pub value: String,
    /// Beyond the form's nine columns: written by the appendix when the registry fills them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub features: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub process_id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
}

/// A column the appendix adds to the form's nine where the registry fills it, so that
/// `import(show X)` gives X back (import.md «Round trip»); ids in columns of their own
/// (docs/decisions.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Features,
    Basis,
    ProcessId,
    Id,
}

impl Extra {
    const ALL: [Extra; 4] = [Extra::Features, Extra::Basis, Extra::ProcessId, Extra::Id];

    pub fn heading(self) -> &'static str {
        match self {
            Extra::Features => "Особенности взаимодействия",
            Extra::Basis => "Основание",
            Extra::ProcessId => "Код процесса",
            Extra::Id => "Код точки",
        }
    }

    fn value(self, row: &Row) -> &str {
        match self {
            Extra::Features => &row.features,
            Extra::Basis => &row.basis,
            Extra::ProcessId => &row.process_id,
            Extra::Id => &row.id,
        }
    }

    /// The column's width in the appendix (Word: percent of the table; Excel: characters).
    fn widths(self) -> (u32, f64) {
        match self {
            // Wide enough for «взаимодействия» on one line at 10 pt.
            Extra::Features => (26, 18.0),
            Extra::Basis => (16, 14.0),
            Extra::ProcessId | Extra::Id => (10, 9.0),
        }
    }
}

impl Row {
    fn cells(&self) -> [String; 9] {
        [
            self.number.to_string(),
            self.direction.clone(),
            self.process.clone(),
            self.point.clone(),
            self.channel.clone(),
            self.needs.join("; "),
            self.interaction.clone(),
            self.client.clone(),
            self.value.clone(),
        ]
    }
}

/// The table with its title.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialTable {
    pub organization: String,
    pub approved: Option<String>,
    pub rows: Vec<Row>,
    /// The approval act and its date apart, for the appendix's caption.
    #[serde(skip)]
    pub act: Option<(String, String)>,
}

/// A basis as the appendix writes it: the Russian name of a code, any other text as it is.
fn basis_russian(basis: &str) -> String {
    crate::registry::model::BASES
        .iter()
        .find(|(code, _)| *code == basis)
        .map_or_else(
            || basis.to_string(),
            |(_, russian)| crate::text::capitalize(russian),
        )
}

/// A value as a table cell: its text, or empty when missing or blank.
fn cell_or_empty(value: &Option<Text>) -> String {
    Text::non_blank(value).unwrap_or("").to_string()
}

impl OfficialTable {
    pub fn of(registry: &Registry) -> Self {
        let rows = registry
            .touchpoints()
            .enumerate()
            .map(|(i, tp)| {
                let touchpoint = tp.touchpoint;
                // A list in a cell as Russian writes it: «Получение информации; получение
                // консультации» — the first from a capital, a catalogue's need after a
                // semicolon in lower case; a text of the registry's own as it was typed.
                let needs = touchpoint
                    .need_values()
                    .into_iter()
                    .enumerate()
                    .map(|(at, value)| {
                        let name = |need: crate::registry::needs::Need| {
                            if at == 0 {
                                crate::text::capitalize(need.russian())
                            } else {
                                need.russian().to_string()
                            }
                        };
                        match value {
                            NeedValue::Known {
                                need,
                                description: Some(description),
                            } => format!(
                                "{}: {}",
                                name(need),
                                crate::registry::import::quote_description(&description)
                            ),
                            NeedValue::Known { need, .. } => name(need),
                            NeedValue::Unknown(text) | NeedValue::Malformed(text) => text,
                        }
                    })
                    .collect();
                Row {
                    number: i + 1,
                    direction: cell_or_empty(&tp.direction.name),
                    process: cell_or_empty(&tp.process.name),
                    point: cell_or_empty(&touchpoint.point),
                    channel: touchpoint.channel_value().map_or_else(
                        || cell_or_empty(&touchpoint.channel),
                        |c| c.russian().to_string(),
                    ),
                    needs,
                    interaction: cell_or_empty(&touchpoint.interaction),
                    client: cell_or_empty(&touchpoint.client),
                    value: cell_or_empty(&touchpoint.value),
                    features: cell_or_empty(&touchpoint.features),
                    basis: basis_russian(&cell_or_empty(&touchpoint.basis)),
                    process_id: cell_or_empty(&tp.process.id),
                    id: cell_or_empty(&touchpoint.id),
                }
            })
            .collect();
        // People read «от 30.04.2025», never the ISO date of the format (documents.md).
        let approved = registry.approved.as_ref().map(|a| {
            let date = cell_or_empty(&a.date);
            let date = crate::registry::model::parse_date(&date)
                .map_or(date, |d| d.format("%d.%m.%Y").to_string());
            [cell_or_empty(&a.act), date]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" от ")
        });
        let act = registry
            .approved
            .as_ref()
            .map(|a| (cell_or_empty(&a.act), cell_or_empty(&a.date)))
            .filter(|(act, _)| !act.is_empty());
        OfficialTable {
            organization: cell_or_empty(&registry.organization),
            approved: approved.filter(|a| !a.is_empty()),
            rows,
            act,
        }
    }

    /// «Перечень … Министерства финансов Смоленской области»: the body in the genitive when its
    /// head is known; a name that cannot be declined surely («ОГКУ «Центр …»») after a dash.
    pub fn title(&self) -> String {
        const HEAD: &str = "Перечень точек взаимодействия с внутренним клиентом";
        if self.organization.trim().is_empty() {
            return HEAD.to_string();
        }
        match crate::text::body_genitive(&self.organization) {
            Some(genitive) => format!("{HEAD} {genitive}"),
            None => format!("{HEAD} — {}", self.organization),
        }
    }

    /// The columns beyond the form's nine that some row fills.
    pub fn extras(&self) -> Vec<Extra> {
        Extra::ALL
            .into_iter()
            .filter(|extra| self.rows.iter().any(|row| !extra.value(row).is_empty()))
            .collect()
    }

    /// The appendix's headings: the form's nine and the extras.
    fn appendix_headings(&self, extras: &[Extra]) -> Vec<String> {
        HEADINGS
            .iter()
            .map(|h| (*h).to_string())
            .chain(extras.iter().map(|e| e.heading().to_string()))
            .collect()
    }

    /// Runs of equal values in a column (for merged cells): (first row, length).
    pub(crate) fn runs(&self, value: impl Fn(&Row) -> (&str, &str)) -> Vec<(usize, usize)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            match runs.last_mut() {
                Some((start, length)) if value(&self.rows[*start]) == value(row) => *length += 1,
                _ => runs.push((i, 1)),
            }
        }
        runs
    }
}

/// A terminal table (comfy-table), wrapped to the terminal's width.
pub fn table(out: &mut dyn Write, table: &OfficialTable) -> std::io::Result<()> {
    use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
    let mut rendered = Table::new();
    rendered
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(HEADINGS.to_vec());
    // Every touchpoint names its direction and process: at 80 columns each is a block of its
    // own, read without the one above it.
    for row in &table.rows {
        let mut cells = row.cells();
        cells[5] = row.needs.join("\n");
        rendered.add_row(cells.to_vec());
    }
    let width = super::fit::terminal_width();
    write!(out, "{}", super::fit::wrap(&table.title(), width, "  "))?;
    if let Some(approved) = &table.approved {
        write!(
            out,
            "{}",
            super::fit::wrap(&format!("Утверждён: {approved}"), width, "  ")
        )?;
    }
    // Fitted to the terminal (documents.md): a block per touchpoint where the nine columns
    // would cut words.
    write!(out, "{}", super::fit::comfy(&rendered))
}

pub fn markdown(out: &mut dyn Write, table: &OfficialTable) -> std::io::Result<()> {
    writeln!(out, "# {}", markdown_cell(&table.title()))?;
    writeln!(out)?;
    if let Some(approved) = &table.approved {
        writeln!(out, "Утверждён: {}", markdown_cell(approved))?;
        writeln!(out)?;
    }
    writeln!(out, "| {} |", HEADINGS.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(HEADINGS.len()))?;
    for row in &table.rows {
        let cells: Vec<String> = row.cells().iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// CSV for Russian Excel: UTF-8 with BOM, `;` as delimiter, CRLF, and no cell that a
/// spreadsheet would run as a formula.
pub fn csv_bytes(table: &OfficialTable) -> anyhow::Result<Vec<u8>> {
    super::excel_csv(&HEADINGS, table.rows.iter().map(Row::cells))
}

/// One self-contained page for the site's "Клиентоцентричность" section: directions and
/// processes as merged cells, every text escaped, no external resources.
pub fn html(table: &OfficialTable) -> String {
    let mut page = String::new();
    let title = escape_html(&table.title());
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\nbody{{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#1a1a1a}}\ntable{{border-collapse:collapse;width:100%;font-size:14px}}\nth,td{{border:1px solid #888;padding:6px 8px;vertical-align:top;text-align:left}}\nth{{background:#eef2f7}}\nth:first-child,td:first-child{{white-space:nowrap}}\nul{{margin:0;padding-left:1.2em}}\n</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
    ));
    if let Some(approved) = &table.approved {
        page.push_str(&format!("<p>Утверждён: {}</p>\n", escape_html(approved)));
    }
    page.push_str("<table>\n<thead><tr>");
    for heading in HEADINGS {
        page.push_str(&format!("<th>{}</th>", escape_html(heading)));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    let direction_runs = table.runs(|r| (r.direction.as_str(), ""));
    let process_runs = table.runs(|r| (r.direction.as_str(), r.process.as_str()));
    for (i, row) in table.rows.iter().enumerate() {
        page.push_str("<tr>");
        page.push_str(&format!("<td>{}</td>", row.number));
        for (runs, value) in [
            (&direction_runs, &row.direction),
            (&process_runs, &row.process),
        ] {
            if let Some((_, length)) = runs.iter().find(|(start, _)| *start == i) {
                let span = if *length > 1 {
                    format!(" rowspan=\"{length}\"")
                } else {
                    String::new()
                };
                page.push_str(&format!("<td{span}>{}</td>", escape_html(value)));
            }
        }
        page.push_str(&format!("<td>{}</td>", escape_html(&row.point)));
        page.push_str(&format!("<td>{}</td>", escape_html(&row.channel)));
        page.push_str("<td><ul>");
        for need in &row.needs {
            page.push_str(&format!("<li>{}</li>", escape_html(need)));
        }
        page.push_str("</ul></td>");
        for value in [&row.interaction, &row.client, &row.value] {
            page.push_str(&format!("<td>{}</td>", escape_html(value)));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    page
}

pub fn json(out: &mut dyn Write, table: &OfficialTable) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, table)?;
    writeln!(out)
}

/// An XLSX workbook with the table, directions and processes as merged cells.
pub fn xlsx_bytes(table: &OfficialTable) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Перечень")?;
    let header = super::xlsx_heading_format().set_align(FormatAlign::Top);
    let cell = super::xlsx_cell_format();
    let extras = table.extras();
    let headings = table.appendix_headings(&extras);
    let last_column = (headings.len() - 1) as u16;
    // The caption over the title, as the order's appendix has it: `import` reads the act back.
    let top = match table.caption() {
        Some(caption) => {
            let right = Format::new().set_align(FormatAlign::Right);
            sheet.merge_range(0, 0, 0, last_column, &caption, &right)?;
            1
        }
        None => 0,
    };
    sheet.write_string_with_format(top, 0, table.title(), &Format::new().set_bold())?;
    for (col, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(top + 2, col as u16, heading, &header)?;
    }
    // Narrow enough that the table prints one page wide at a readable size; texts wrap.
    let widths = [6.0, 18.0, 20.0, 18.0, 10.0, 24.0, 22.0, 14.0, 18.0];
    let extra_widths = extras.iter().map(|e| e.widths().1);
    for (col, width) in widths.into_iter().chain(extra_widths).enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    let first = top + 3;
    for (i, row) in table.rows.iter().enumerate() {
        let r = first + i as u32;
        let extra_cells = extras.iter().map(|e| e.value(row).to_string());
        // Text cells are strings, never formulas, so no escaping is needed in XLSX.
        for (col, value) in row.cells().into_iter().chain(extra_cells).enumerate() {
            match col {
                1 | 2 => continue,
                // «№ п/п» is a number, as Excel sorts and sums it.
                0 => sheet.write_number_with_format(r, 0, (i + 1) as f64, &cell)?,
                _ => sheet.write_string_with_format(r, col as u16, value.as_str(), &cell)?,
            };
        }
    }
    for (col, runs) in [
        (1u16, table.runs(|r| (r.direction.as_str(), ""))),
        (
            2u16,
            table.runs(|r| (r.direction.as_str(), r.process.as_str())),
        ),
    ] {
        for (start, length) in runs {
            let value = if col == 1 {
                &table.rows[start].direction
            } else {
                &table.rows[start].process
            };
            let r = first + start as u32;
            if length > 1 {
                sheet.merge_range(r, col, r + length as u32 - 1, col, value, &cell)?;
            } else {
                sheet.write_string_with_format(r, col, value.as_str(), &cell)?;
            }
        }
    }
    sheet.set_freeze_panes(first, 0)?;
    let widths: Vec<f64> = widths
        .into_iter()
        .chain(extras.iter().map(|e| e.widths().1))
        .collect();
    xlsx_print(sheet, table, &extras, &headings, &widths, top)?;
    Ok(workbook.save_to_buffer()?)
}

/// The sheet's rows as tall as their texts (the merged direction and process span their rows),
/// printed as the order's appendix is: landscape A4, as wide as the page, the header row on
/// every page.
fn xlsx_print(
    sheet: &mut rust_xlsxwriter::Worksheet,
    table: &OfficialTable,
    extras: &[Extra],
    headings: &[String],
    widths: &[f64],
    top: u32,
) -> anyhow::Result<()> {
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = row
                .cells()
                .into_iter()
                .chain(extras.iter().map(|e| e.value(row).to_string()))
                .collect();
            cells[1].clear();
            cells[2].clear();
            cells
        })
        .collect();
    super::xlsx_row_heights(sheet, top + 3, &texts, widths)?;
    // Bold headings take more room a line than body text.
    let bold_widths: Vec<f64> = widths.iter().map(|w| w * 0.8).collect();
    super::xlsx_row_heights(sheet, top + 2, &[headings.to_vec()], &bold_widths)?;
    super::xlsx_for_print(sheet, top + 2)
}

/// The appendix to an order as a Word document (import.md «Writing the appendix»): landscape
/// A4, Times New Roman, the caption top right when the act is known, the title, and the table
/// with directions and processes merged vertically and its header on every page.
pub fn docx_bytes(table: &OfficialTable) -> anyhow::Result<Vec<u8>> {
    use super::docx::{Align, Cell, Document, Style, Table};
    let mut document = Document::new(true);
    if let Some(caption) = table.caption() {
        document.paragraph(
            &caption,
            Style {
                align: Align::Right,
                ..Style::default()
            },
        );
        document.paragraph("", Style::default());
    }
    let title = table.title();
    document.set_title(&title);
    document.paragraph(
        &title,
        Style {
            bold: true,
            align: Align::Center,
            ..Style::default()
        },
    );
    document.paragraph("", Style::default());
    let extras = table.extras();
    let mut rows: Vec<Vec<Cell>> = table
        .rows
        .iter()
        .map(|row| {
            row.cells()
                .into_iter()
                .chain(extras.iter().map(|e| e.value(row).to_string()))
                .map(Cell::Text)
                .collect()
        })
        .collect();
    for (column, runs) in [
        (1, table.runs(|r| (r.direction.as_str(), ""))),
        (
            2,
            table.runs(|r| (r.direction.as_str(), r.process.as_str())),
        ),
    ] {
        for (start, length) in runs {
            if length > 1 {
                for (offset, row) in rows[start..start + length].iter_mut().enumerate() {
                    row[column] = if offset == 0 {
                        match &row[column] {
                            Cell::Text(text) => Cell::MergeStart(text.clone()),
                            other => other.clone(),
                        }
                    } else {
                        Cell::MergeContinue
                    };
                }
            }
        }
    }
    // «Внутренний клиент» wide enough for «министерства» and «подведомственных» in one line.
    let mut widths = vec![6, 22, 24, 24, 15, 28, 24, 26, 22];
    widths.extend(extras.iter().map(|e| e.widths().0));
    document.table(&Table {
        header: table.appendix_headings(&extras),
        rows,
        widths,
        // 10 pt (tables may be 10–12): «Консультирование» and «подведомственных» stay whole.
        size: 10,
    });
    document.to_bytes()
}

impl OfficialTable {
    /// «Приложение к приказу … от 24.09.2024 № 76», when the approval act is known.
    pub fn caption(&self) -> Option<String> {
        let (act, date) = self.act.as_ref()?;
        let date = crate::registry::model::parse_date(date)
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|| date.clone());
        // «№ 76» goes after the date, as orders are cited.
        let (act, number) = match act.find('№') {
            Some(at) => (act[..at].trim(), Some(act[at..].trim())),
            None => (act.trim(), None),
        };
        let already_dated = act.contains(" от ");
        // The act in the dative, whatever its kind: «к приказу», «к распоряжению», «к
        // постановлению»; `import` reads each back.
        let (first, rest) = act.split_once(' ').unwrap_or((act, ""));
        let dative = match first.to_lowercase().as_str() {
            "приказ" => Some("приказу"),
            "распоряжение" => Some("распоряжению"),
            "постановление" => Some("постановлению"),
            "решение" => Some("решению"),
            _ => None,
        };
        let mut caption = match dative {
            Some(dative) if rest.is_empty() => format!("Приложение к {dative}"),
            Some(dative) => format!("Приложение к {dative} {rest}"),
            None => format!("Приложение к документу «{act}»"),
        };
        if !date.is_empty() && !already_dated {
            caption.push_str(&format!(" от {date}"));
        }
        if let Some(number) = number {
            caption.push(' ');
            caption.push_str(number);
        }
        Some(caption)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> OfficialTable {
        let registry: Registry = serde_yaml::from_str(
            "
organization: Мин <Тест>
directions:
  - name: Бухгалтерия
    processes:
      - name: Зарплата
        touchpoints:
          - {point: '<script>alert(1)</script>', channel: digital, needs: [info, {other: пропуск}]}
          - {point: Кабинет, channel: offline, needs: [submission], client: '=HYPERLINK(\"x\")'}
      - name: Командировки
        touchpoints:
          - {point: Почта, channel: digital, needs: [result]}
",
        )
        .unwrap();
        OfficialTable::of(&registry)
    }

    #[test]
    fn rows_carry_russian_wording() {
        let table = sample();
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[0].channel, "цифровая");
        assert_eq!(
            table.rows[0].needs,
            [
                "Получение информации",
                "другие удовлетворяемые потребности клиента: пропуск"
            ]
        );
    }

    #[test]
    fn html_escapes_and_merges_cells() {
        let page = html(&sample());
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(page.contains("Мин &lt;Тест&gt;"));
        assert!(page.contains("<td rowspan=\"3\">Бухгалтерия</td>"));
        assert!(page.contains("<td rowspan=\"2\">Зарплата</td>"));
        assert!(!page.contains("http"));
    }

    #[test]
    fn csv_has_a_bom_and_defuses_formulas() {
        let bytes = csv_bytes(&sample()).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("'=HYPERLINK"));
        assert!(text.contains("\r\n"));
    }

    #[test]
    fn xlsx_is_a_zip_with_the_sheet() {
        let bytes = xlsx_bytes(&sample()).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
