//! The journal of requests in every format `requests` writes: overdue and due-soon requests
//! first, then the summary, then the rows that could not be read. With `anonymous`, executors,
//! units and request texts appear nowhere.

use super::findings::one_line;
use super::{excel_csv, markdown_cell, russian, share, xlsx_cell_format, xlsx_heading_format};
use crate::diagnostic::Finding;
use crate::requests::summary::{Counts, Group};
use crate::requests::{Request, Status, Summary};
use chrono::NaiveDate;
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;
use std::fmt::Write as _;

/// What `requests` reports.
pub struct Report {
    pub as_of: NaiveDate,
    pub requests: Vec<Request>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    pub anonymous: bool,
    /// What became of every row of the journals read.
    pub ledger: crate::requests::Ledger,
    /// Requests needing attention not listed (a table shows the first few hundred).
    pub more: usize,
}

impl Report {
    fn summary_ref(&self) -> &Summary {
        &self.summary
    }

    /// Overdue (most days first), then due soon (nearest deadline first).
    fn attention(&self) -> Vec<&Request> {
        let mut list: Vec<&Request> = self
            .requests
            .iter()
            .filter(|r| matches!(r.status, Status::Overdue | Status::DueSoon))
            .collect();
        list.sort_by_key(|r| (r.status, std::cmp::Reverse(r.days_late), r.due, r.row));
        list
    }

    /// The columns of a request list, executors left out when anonymous.
    fn headings(&self) -> Vec<&'static str> {
        let mut headings = vec![
            "Строка",
            "Рег. №",
            "Поступило",
            "Форма",
            "Срок",
            "Ответ",
            "Статус",
            "Дней просрочки",
            "Процесс",
        ];
        if !self.anonymous {
            headings.extend(["Подразделение", "Исполнитель", "Содержание"]);
        }
        headings
    }

    fn cells(&self, request: &Request) -> Vec<String> {
        self.raw_cells(request)
            .into_iter()
            .map(|cell| crate::text::printable(&cell).into_owned())
            .collect()
    }

    fn raw_cells(&self, request: &Request) -> Vec<String> {
        let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        let mut cells = vec![
            request.row.to_string(),
            request.number.clone().unwrap_or_default(),
            date(request.received),
            request.form.russian().to_string(),
            if request.estimated {
                format!("{} (оценка)", date(request.due))
            } else {
                date(request.due)
            },
            request.answered.map(date).unwrap_or_default(),
            request.status.russian().to_string(),
            request.days_late.map(|d| d.to_string()).unwrap_or_default(),
            request.process.as_deref().unwrap_or("").to_string(),
        ];
        if !self.anonymous {
            for value in [&request.unit, &request.executor, &request.text] {
                cells.push(value.as_deref().unwrap_or("").to_string());
            }
        }
        cells
    }
}

fn counts_row(name: &str, counts: &Counts) -> Vec<String> {
    vec![
        name.to_string(),
        counts.total.to_string(),
        counts.on_time.to_string(),
        counts.late.to_string(),
        counts.overdue.to_string(),
        counts.due_soon.to_string(),
        counts.open.to_string(),
        counts.share_on_time.map_or("—".to_string(), share),
    ]
}

const COUNT_HEADINGS: [&str; 8] = [
    "",
    "Всего",
    "В срок",
    "С опозданием",
    "Просрочено",
    "Срок подходит",
    "В работе",
    "Доля в срок",
];

fn days(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |d| russian(format!("{d:.1}")))
}

/// The summary's rows: all, then by form, process and month.
fn summary_rows(summary: &Summary) -> Vec<Vec<String>> {
    let mut rows = vec![counts_row("Все обращения", &summary.counts)];
    let group = |prefix: &str, groups: &[Group], rows: &mut Vec<Vec<String>>| {
        for g in groups {
            rows.push(counts_row(&format!("{prefix}{}", g.name), &g.counts));
        }
    };
    group("форма: ", &summary.by_form, &mut rows);
    group("процесс: ", &summary.by_process, &mut rows);
    for g in &summary.by_month {
        rows.push(counts_row(
            &format!("месяц: {}", month_name(&g.name)),
            &g.counts,
        ));
    }
    rows
}

/// «2025-04» as people read it: «апрель 2025»; anything else as it is.
fn month_name(key: &str) -> String {
    const MONTHS: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    let parsed = key
        .split_once('-')
        .and_then(|(y, m)| Some((y, m.parse::<usize>().ok()?)))
        .filter(|(_, m)| (1..=12).contains(m));
    match parsed {
        Some((year, month)) => format!("{} {year}", MONTHS[month - 1]),
        None => key.to_string(),
    }
}

/// The note every human output carries when a deadline is an estimate.
fn estimated_note(summary: &Summary) -> Option<String> {
    (summary.estimated > 0).then(|| {
        let count = summary.estimated;
        let word = crate::text::plural(count, "обращения", "обращений", "обращений");
        format!(
            "Сроки {count} {word} — оценка (пометка «оценка»): на их год нет постановления Правительства о переносе выходных, учтены только праздники ст. 112 ТК РФ; календарь года подключается ключом --calendar (формат xmlcalendar)."
        )
    })
}

/// The line under a list cut short: how many more, and where the full list is.
fn more_note(more: usize) -> Option<String> {
    (more > 0).then(|| {
        format!(
            "… и ещё {more} просроченных и подходящих к сроку (показаны первые, самые просроченные); полный список: --format csv, --format json или --format xlsx -o обращения.xlsx"
        )
    })
}

pub fn table(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut out = String::new();
    if report.summary.counts.total == 0 && !report.findings.is_empty() {
        findings_text(&mut out, &report.findings);
        return Ok(out.into_bytes());
    }
    let _ = writeln!(
        out,
        "Журнал обращений на {}",
        report.as_of.format("%d.%m.%Y")
    );
    let attention = report.attention();
    if attention.is_empty() {
        let _ = writeln!(out, "\nПросроченных и подходящих к сроку обращений нет.");
    } else {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_header(report.headings());
        for request in attention {
            table.add_row(report.cells(request));
        }
        let _ = write!(
            out,
            "\nПросроченные и подходящие к сроку\n{}",
            super::fit::comfy(&table)
        );
        if let Some(note) = more_note(report.more) {
            let _ = writeln!(out, "{note}");
        }
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_header(COUNT_HEADINGS);
    for row in summary_rows(&report.summary) {
        table.add_row(row);
    }
    let _ = write!(out, "\nИтоги\n{}", super::fit::comfy(&table));
    let _ = writeln!(
        out,
        "Дней до ответа: медиана {}, 90-й процентиль {} (как ПЕРСЕНТИЛЬ.ВКЛ в Excel).",
        days(report.summary.median_days),
        days(report.summary.p90_days)
    );
    if let Some(note) = estimated_note(&report.summary) {
        let _ = writeln!(out, "{note}");
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "\nСтроки, которые не посчитаны:");
        findings_text(&mut out, &report.findings);
    }
    Ok(out.into_bytes())
}

/// Each finding, wrapped between words at the terminal's width.
fn findings_text(out: &mut String, findings: &[Finding]) {
    let width = super::fit::terminal_width();
    for finding in findings {
        out.push_str(&super::fit::wrap(&one_line(finding), width, "    "));
        if let Some(help) = &finding.help {
            out.push_str(&super::fit::wrap(
                &format!("  = помощь: {help}"),
                width,
                "      ",
            ));
        }
    }
}

#[derive(Serialize)]
struct Json<'a> {
    as_of: NaiveDate,
    requests: &'a [Request],
    summary: &'a Summary,
    findings: Vec<JsonFinding<'a>>,
}

/// The findings as the JSON lists them.
fn json_findings(report: &Report) -> Vec<JsonFinding<'_>> {
    report
        .findings
        .iter()
        .map(|f| JsonFinding {
            file: &f.file,
            code: f.code,
            row: f.row,
            column: f.column,
            value: f.value.as_deref(),
            message: &f.message,
        })
        .collect()
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    code: &'a str,
    row: Option<usize>,
    column: Option<usize>,
    value: Option<&'a str>,
    message: &'a str,
}

/// The JSON of cycle.md: requests with ISO dates, the summary, findings by row and column.
/// Executors and texts are never in it.
pub fn json(report: &Report) -> anyhow::Result<Vec<u8>> {
    let json = Json {
        as_of: report.as_of,
        requests: &report.requests,
        summary: &report.summary,
        findings: json_findings(report),
    };
    let mut bytes = serde_json::to_vec_pretty(&json)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The headings of the findings section (CSV) and sheet (XLSX).
const FINDING_HEADINGS: [&str; 6] = ["Файл", "Строка", "Графа", "Код", "Находка", "Что сделать"];

/// A finding as a row of the findings section or sheet.
fn finding_row(finding: &Finding) -> Vec<String> {
    vec![
        finding.file.clone(),
        finding.row.map(|r| r.to_string()).unwrap_or_default(),
        finding.column.map(|c| c.to_string()).unwrap_or_default(),
        finding.code.to_string(),
        finding.message.clone(),
        finding.help.clone().unwrap_or_default(),
    ]
}

/// Every request of a journal, written as it is judged into a temporary file, so that the JSON
/// and the CSV that list every one never hold a million requests in memory.
pub struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    json: bool,
    anonymous: bool,
    count: usize,
}

impl Spill {
    pub fn new(json: bool, anonymous: bool) -> std::io::Result<Spill> {
        Ok(Spill {
            file: std::io::BufWriter::new(tempfile::tempfile()?),
            json,
            anonymous,
            count: 0,
        })
    }

    /// Writes one request: a JSON object, or a CSV row.
    pub fn add(&mut self, request: &Request) -> anyhow::Result<()> {
        use std::io::Write as _;
        if self.json {
            if self.count > 0 {
                self.file.write_all(b",\n")?;
            }
            self.file.write_all(b"    ")?;
            serde_json::to_writer(&mut self.file, request)?;
        } else {
            let report = Report {
                as_of: NaiveDate::default(),
                requests: Vec::new(),
                summary: Summary::of(&[]),
                findings: Vec::new(),
                anonymous: self.anonymous,
                ledger: crate::requests::Ledger::default(),
                more: 0,
            };
            let row = excel_csv_row(&report.cells(request))?;
            self.file.write_all(&row)?;
        }
        self.count += 1;
        Ok(())
    }

    /// The spilled requests, from the start.
    fn into_reader(self) -> anyhow::Result<std::io::BufReader<std::fs::File>> {
        use std::io::Seek as _;
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(std::io::SeekFrom::Start(0))?;
        Ok(std::io::BufReader::new(file))
    }
}

/// One CSV row for Russian Excel (`;`, CRLF, cells that Excel would run as formulas quoted).
fn excel_csv_row(cells: &[String]) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        writer.write_record(cells.iter().map(|c| crate::text::spreadsheet_safe(c)))?;
        writer.flush()?;
    }
    Ok(bytes)
}

/// The JSON of cycle.md with the requests of `spill`, written as they stream.
pub fn json_streamed(
    report: &Report,
    spill: Spill,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    writeln!(out, "{{")?;
    writeln!(
        out,
        "  \"format\": {},",
        serde_json::to_string(crate::requests::FORMAT)?
    )?;
    writeln!(
        out,
        "  \"as_of\": {},",
        serde_json::to_string(&report.as_of)?
    )?;
    writeln!(out, "  \"requests\": [")?;
    let any = spill.count > 0;
    std::io::copy(&mut spill.into_reader()?, out)?;
    if any {
        writeln!(out)?;
    }
    let summary = serde_json::to_string_pretty(report.summary_ref())?.replace('\n', "\n  ");
    writeln!(out, "  ],")?;
    writeln!(out, "  \"summary\": {summary},")?;
    let findings = serde_json::to_string_pretty(&json_findings(report))?.replace('\n', "\n  ");
    writeln!(out, "  \"findings\": {findings},")?;
    let ledger = serde_json::to_string_pretty(&report.ledger)?.replace('\n', "\n  ");
    writeln!(out, "  \"ledger\": {ledger}")?;
    writeln!(out, "}}")?;
    Ok(())
}

/// The CSV with the requests of `spill`, then the findings section.
pub fn csv_streamed(
    report: &Report,
    spill: Spill,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let headings: Vec<String> = report.headings().iter().map(ToString::to_string).collect();
    out.write_all(&excel_csv_row(&headings)?)?;
    std::io::copy(&mut spill.into_reader()?, out)?;
    if !report.findings.is_empty() {
        out.write_all(&excel_csv_row(&[])?)?;
        out.write_all(&excel_csv_row(&[
            "Строки, которые не посчитаны".to_string()
        ])?)?;
        let headings: Vec<String> = FINDING_HEADINGS.iter().map(ToString::to_string).collect();
        out.write_all(&excel_csv_row(&headings)?)?;
        for finding in &report.findings {
            out.write_all(&excel_csv_row(&finding_row(finding))?)?;
        }
    }
    Ok(())
}

/// Every request, one row each, for Russian Excel; then, after an empty row, the rows that
/// were not counted, so that nothing dropped is invisible.
pub fn csv(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut rows: Vec<Vec<String>> = report.requests.iter().map(|r| report.cells(r)).collect();
    if !report.findings.is_empty() {
        rows.push(Vec::new());
        rows.push(vec!["Строки, которые не посчитаны".to_string()]);
        rows.push(FINDING_HEADINGS.iter().map(ToString::to_string).collect());
        rows.extend(report.findings.iter().map(finding_row));
    }
    excel_csv(&report.headings(), rows)
}

pub fn markdown(report: &Report) -> Vec<u8> {
    let mut out = format!(
        "# Журнал обращений на {}\n\n",
        report.as_of.format("%d.%m.%Y")
    );
    let table = |out: &mut String, headings: &[&str], rows: Vec<Vec<String>>| {
        let _ = writeln!(out, "| {} |", headings.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(headings.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    };
    out.push_str("## Просроченные и подходящие к сроку\n\n");
    let attention = report.attention();
    if attention.is_empty() {
        out.push_str("Нет.\n");
    } else {
        let rows = attention.iter().map(|r| report.cells(r)).collect();
        table(&mut out, &report.headings(), rows);
        if let Some(note) = more_note(report.more) {
            let _ = writeln!(out, "\n{note}");
        }
    }
    out.push_str("\n## Итоги\n\n");
    table(&mut out, &COUNT_HEADINGS, summary_rows(&report.summary));
    let _ = writeln!(
        out,
        "\nДней до ответа: медиана {}, 90-й процентиль {} (как ПЕРСЕНТИЛЬ.ВКЛ в Excel).",
        days(report.summary.median_days),
        days(report.summary.p90_days)
    );
    if let Some(note) = estimated_note(&report.summary) {
        let _ = writeln!(out, "\n{note}");
    }
    if !report.findings.is_empty() {
        out.push_str("\n## Строки, которые не посчитаны\n\n");
        for finding in &report.findings {
            let _ = writeln!(out, "- {}", markdown_cell(&one_line(finding)));
        }
    }
    out.into_bytes()
}

/// A sheet to write: its name, headings and rows.
type Sheet<'a> = (&'a str, Vec<&'a str>, Vec<Vec<String>>);

/// A workbook: the requests (attention first), the summary.
pub fn xlsx(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let heading = xlsx_heading_format();
    let cell = xlsx_cell_format();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut ordered: Vec<&Request> = report.attention();
    ordered.extend(
        report
            .requests
            .iter()
            .filter(|r| !matches!(r.status, Status::Overdue | Status::DueSoon)),
    );
    sheets.push((
        "Обращения",
        report.headings(),
        ordered.iter().map(|r| report.cells(r)).collect(),
    ));
    sheets.push((
        "Итоги",
        COUNT_HEADINGS.to_vec(),
        summary_rows(&report.summary),
    ));
    sheets.push((
        "Находки",
        FINDING_HEADINGS.to_vec(),
        report.findings.iter().map(finding_row).collect(),
    ));
    let date_format = xlsx_cell_format().set_num_format("dd.mm.yyyy");
    // An estimated deadline is a date too, shown with its mark; a share is a number in percent.
    let estimated_format = xlsx_cell_format().set_num_format("dd.mm.yyyy\" (оценка)\"");
    let percent_format = xlsx_cell_format().set_num_format("0.0%");
    for (name, headings, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        let texts: Vec<Vec<String>> =
            std::iter::once(headings.iter().map(|h| (*h).to_string()).collect())
                .chain(rows.iter().map(|row| row.to_vec()))
                .collect();
        let widths = super::xlsx_widths(&texts, 12.0);
        for (c, h) in headings.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &heading)?;
            sheet.set_column_width(c as u16, widths.get(c).copied().unwrap_or(16.0))?;
        }
        super::xlsx_row_heights(sheet, 0, &texts, &widths)?;
        super::xlsx_for_print(sheet, 0)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                // Numbers and dates as Excel's own, so that a user can sort and count them.
                if let Some(date) = excel_date(value) {
                    sheet.write_datetime_with_format(r, c, &date, &date_format)?;
                } else if let Some(date) = value.strip_suffix(" (оценка)").and_then(excel_date)
                {
                    sheet.write_datetime_with_format(r, c, &date, &estimated_format)?;
                } else if let Some(share) = excel_share(value) {
                    sheet.write_number_with_format(r, c, share, &percent_format)?;
                } else if let Some(number) = excel_number(value) {
                    sheet.write_number_with_format(r, c, number, &cell)?;
                } else {
                    let text = crate::text::cut_for_excel(value);
                    sheet.write_string_with_format(
                        r,
                        c,
                        text.as_deref().unwrap_or(value),
                        &cell,
                    )?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// A cell this renderer wrote as a date (`09.04.2025`), as Excel's date.
fn excel_date(value: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let date = NaiveDate::parse_from_str(value, "%d.%m.%Y").ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&date)).ok()?,
        chrono::Datelike::month(&date) as u8,
        chrono::Datelike::day(&date) as u8,
    )
    .ok()
}

/// A share this renderer wrote («37,5 %»), as the fraction Excel shows in percent.
fn excel_share(value: &str) -> Option<f64> {
    let number = value.strip_suffix('%')?.trim();
    let number: f64 = number.replace(',', ".").parse().ok()?;
    number.is_finite().then_some(number / 100.0)
}

/// A whole number or a share this renderer wrote (`12`, `37,5 %` is a text), as a number.
fn excel_number(value: &str) -> Option<f64> {
    let leading_zero = value.len() > 1 && value.starts_with('0');
    (!value.is_empty()
        && !leading_zero
        && value.len() <= 12
        && value.bytes().all(|b| b.is_ascii_digit()))
    .then(|| value.parse().ok())
    .flatten()
}
