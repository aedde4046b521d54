//! The North Ossetia tables beside the registry (profiles.md): «Признаки для сегментации
//! внутреннего клиента» (a «Тип признака | Признак | Значение признака» table, values separated by
//! `;`, the type merged down) and the profiles of client segments (two-column blocks: the
//! profile's name, «Основные признаки», «Цель», «Особенности клиентского пути», «Предпочтительные
//! каналы» with «Информирование:» and «Получение услуг:»), read with the cell of every value.

use crate::diagnostic::{Finding, Position, Severity, YamlPath};
use crate::input::{Grid, GridRow};
use crate::registry::model::Text;
use crate::registry::profiles::{Attribute, Attributes, Channels, Profile};
use crate::text::normalize;

/// The segmentation and the profiles a document's tables hold, with the places of their values.
#[derive(Debug, Default)]
pub struct Segments {
    pub segmentation: Vec<Attribute>,
    pub profiles: Vec<Profile>,
    /// (the model's path, the grid's index among the document's grids, row, 1-based column).
    pub places: Vec<(YamlPath, usize, usize, usize)>,
    pub findings: Vec<Finding>,
}

/// The texts of a row's slots, trimmed (covered slots empty).
fn cells(row: &GridRow) -> Vec<&str> {
    row.slots.iter().map(|s| s.text.trim()).collect()
}

fn is_segmentation_header(row: &GridRow) -> bool {
    let texts: Vec<String> = cells(row).iter().map(|t| normalize(t)).collect();
    texts.iter().any(|t| t == "тип признака")
        && texts.iter().any(|t| t == "признак")
        && texts
            .iter()
            .any(|t| t == "значение признака" || t == "значения признака")
}

/// A list of values as a table cell holds it: `;` or line breaks between them; in a cell with
/// neither, commas (see [`comma_values`]).
fn values_of(cell: &str) -> Vec<Text> {
    let pieces: Vec<&str> = if cell.contains([';', '\n']) {
        cell.split([';', '\n']).collect()
    } else {
        comma_values(cell).unwrap_or_else(|| vec![cell])
    };
    pieces
        .into_iter()
        .map(|v| v.trim().trim_end_matches('.').trim())
        .filter(|v| !v.is_empty())
        .map(|v| Text(v.to_string()))
        .collect()
}

/// The values of a cell that separates them by commas («Удаленная работа, работа в офисе,
/// гибрид»), or None when the commas belong to one value. A comma between digits is a decimal
/// comma («до 1,5 лет»), never a separator; the cell is one value when a part is long (more than
/// five words) or goes on with a participle or «который» («Сотрудники, работающие удаленно»).
fn comma_values(cell: &str) -> Option<Vec<&str>> {
    let chars: Vec<(usize, char)> = cell.char_indices().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, &(at, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let decimal = i > 0
            && chars[i - 1].1.is_ascii_digit()
            && chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        // A comma inside brackets belongs to its value: «Помощник (советник, референт)».
        if c == ',' && !decimal && depth == 0 {
            parts.push(&cell[start..at]);
            start = at + 1;
        }
    }
    parts.push(&cell[start..]);
    if parts.len() < 2 {
        return None;
    }
    // Active participles: «работающие», «занимающий», «прошедшие».
    const PARTICIPLE: [&str; 8] = ["щий", "щая", "щее", "щие", "вший", "вшая", "вшее", "вшие"];
    let one_value = parts.iter().enumerate().any(|(i, part)| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        // A part that goes on with the one before: «который …», or a participle in lower case
        // with its own words («работающие удаленно»); «ведущая» alone or «Обеспечивающий
        // специалист» are values of their own.
        let goes_on = first.starts_with("котор")
            || (words.len() > 1
                && words[0].starts_with(char::is_lowercase)
                && PARTICIPLE.iter().any(|p| first.ends_with(p)));
        words.len() > 5 || (i > 0 && goes_on)
    });
    (!one_value).then_some(parts)
}

/// A value cell that describes the attribute instead of listing values («Регион (в зависимости
/// от региона клиент может …)», «Конкретная специфика работы (…)»): free text.
fn describes(cell: &str) -> bool {
    !cell.contains(';')
        && cell.contains('(')
        && cell.chars().count() > 30
        && comma_values(cell).is_none()
}

/// The area a heading above the profiles names («Ведение бухгалтерского учета»).
fn area_of(titles: &[String]) -> Option<Text> {
    for title in titles.iter().rev() {
        let words = normalize(title);
        for (stem, code) in [
            ("бухгалтер", "accounting"),
            ("кадр", "hr"),
            ("информационн", "it"),
            ("хозяйств", "admin"),
        ] {
            if words.split(' ').any(|w| w.starts_with(stem)) {
                return Some(Text(code.to_string()));
            }
        }
    }
    None
}

pub static I007: crate::diagnostic::Rule = crate::diagnostic::Rule {
    code: "I007",
    name: "segmentation-row-shifted",
    severity: Severity::Warning,
    source: "Северная Осетия, таблица признаков",
    summary: "строка таблицы признаков сдвинута (признак в графе типа, значения в графе признака): сказано, как прочитана",
    explanation: "\
Что проверяет: что в таблице «Признаки для сегментации внутреннего клиента» название признака
стоит в графе «Признак», а значения — в графе «Значение признака».

Почему это важно: в приказе Северной Осетии строка «Льготы» сдвинута: «Льготы» — в графе «Тип
признака», значения — в графе «Признак», графа значений пуста. Прочитать её как есть — значит
получить признак с названием из семи льгот и без значений; tochki читает её как признак «Льготы»
и говорит об этом, чтобы человек проверил.

Пример: | Льготы | Увеличение отпускного периода …; Надбавка к окладу … | (пусто) |

Как исправить: перенесите название признака и значения в их графы.

Основание: Северная Осетия, таблица признаков для сегментации внутреннего клиента.",
    scope: crate::diagnostic::Scope::Import,
};

pub static I010: crate::diagnostic::Rule = crate::diagnostic::Rule {
    code: "I010",
    name: "segmentation-values-by-comma",
    severity: Severity::Info,
    source: "Северная Осетия, таблица признаков",
    summary: "значения признака разделены запятыми, а не «;»: сказано, как прочитаны",
    explanation: "\
Что проверяет: ячейку «Значение признака», где значения разделены запятыми («Удаленная работа,
работа в офисе, гибрид»), а не «;» или переносом строки.

Почему это важно: прочитанная как одно значение, такая ячейка даёт признак с одним длинным
значением, и профили, которые называют «Удаленная работа», не проходят проверку (R019) не по
своей вине. tochki делит ячейку по запятым, если в ней нет «;» и переносов, запятая не
десятичная («1,5 года»), каждая часть не длиннее пяти слов и ни одна не продолжает предыдущую
причастием или словом «который» («Сотрудники, работающие удаленно» — одно значение), и говорит,
как прочитал.

Пример: | Социально-демографические | Формат работы | Удаленная работа, работа в офисе, гибрид |

Как исправить: ничего, если прочитано верно; если это одно значение, разделите значения «;».

Основание: Северная Осетия, таблица признаков для сегментации внутреннего клиента.",
    scope: crate::diagnostic::Scope::Import,
};

/// Reads the segmentation and profile tables among `grids`.
pub fn read(grids: &[Grid]) -> Segments {
    let mut segments = Segments::default();
    let mut area = None;
    for (g, grid) in grids.iter().enumerate() {
        // A heading names the area of the profiles after it, until another does.
        area = area_of(&grid.titles).or(area);
        if let Some(header) = grid.rows.iter().take(5).position(is_segmentation_header) {
            read_segmentation(&mut segments, g, grid, header);
        } else if grid.rows.iter().any(|r| {
            cells(r)
                .first()
                .is_some_and(|c| normalize(c) == "основные признаки")
        }) {
            read_profiles(&mut segments, g, grid, area.clone());
        }
    }
    segments
}

fn read_segmentation(segments: &mut Segments, g: usize, grid: &Grid, header: usize) {
    let head = cells(&grid.rows[header]);
    let column = |name: &str| head.iter().position(|t| normalize(t).starts_with(name));
    let (Some(kind_at), Some(name_at), Some(values_at)) = (
        column("тип признака"),
        head.iter().position(|t| normalize(t) == "признак"),
        column("значени"),
    ) else {
        return;
    };
    let mut kind = String::new();
    for row in &grid.rows[header + 1..] {
        let texts = cells(row);
        let at = |i: usize| texts.get(i).copied().unwrap_or("");
        let (mut name, mut values) = (at(name_at).to_string(), at(values_at).to_string());
        let own_kind = at(kind_at);
        let merged = row.slots.get(kind_at).is_some_and(|s| s.merged_above);
        if name.is_empty() && values.is_empty() {
            continue;
        }
        let index = segments.segmentation.len();
        let path = YamlPath::root().key("segmentation").index(index);
        if values.is_empty() && name.contains(';') && !own_kind.is_empty() {
            // Shifted: the attribute in the type's column, its values in the attribute's.
            let mut finding = I007
                .finding(format!(
                    "Строка {}: значения записаны в графе «Признак», название — в графе «Тип признака»; прочитано как признак «{own_kind}»",
                    row.number
                ))
                .with_help("Перенесите название признака и значения в их графы")
                .at(Position {
                    line: row.number,
                    column: kind_at + 1,
                });
            finding.cell = Some(grid.cell_label(row.number, kind_at + 1, "Тип признака"));
            segments.findings.push(finding);
            values = name;
            name = own_kind.to_string();
        } else if !own_kind.is_empty() && !merged {
            kind = own_kind.to_string();
        }
        let free = describes(&values);
        if !free && !values.contains([';', '\n']) && comma_values(&values).is_some() {
            let mut finding = I010
                .finding(format!(
                    "Значения признака «{name}» прочитаны через запятую: {}",
                    values_of(&values).iter().map(|v| format!("«{}»", v.0)).collect::<Vec<_>>().join(", ")
                ))
                .with_help("Если это одно значение, разделите значения признака «;», а запятые оставьте внутри значений")
                .at(Position {
                    line: row.number,
                    column: values_at + 1,
                });
            finding.cell = Some(grid.cell_label(row.number, values_at + 1, "Значение признака"));
            segments.findings.push(finding);
        }
        segments
            .places
            .push((path.key("attribute"), g, row.number, name_at + 1));
        segments
            .places
            .push((path.key("values"), g, row.number, values_at + 1));
        segments.places.push((path, g, row.number, name_at + 1));
        segments.segmentation.push(Attribute {
            kind: (!kind.is_empty()).then(|| Text(kind.clone())),
            attribute: Some(Text(name)),
            values: (!free).then(|| values_of(&values)),
            bands: None,
            free: free.then_some(true),
        });
    }
}

/// The channels of a «Информирование:» or «Получение услуг:» cell: comma-separated.
fn channel_list(cell: &str) -> Vec<Text> {
    cell.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| Text(t.to_string()))
        .collect()
}

/// Where a profile's block is.
#[derive(PartialEq)]
enum Part {
    Name,
    Attributes,
    Journey,
    Channels,
}

fn read_profiles(segments: &mut Segments, g: usize, grid: &Grid, area: Option<Text>) {
    let mut part = Part::Name;
    for row in &grid.rows {
        let texts = cells(row);
        let first = texts.first().copied().unwrap_or("");
        let second = texts
            .iter()
            .skip(1)
            .find(|t| !t.is_empty())
            .copied()
            .unwrap_or("");
        let label = normalize(first);
        if first.is_empty() && second.is_empty() {
            continue;
        }
        let index = segments.profiles.len().saturating_sub(1);
        let path = YamlPath::root().key("profiles").index(index);
        match label.as_str() {
            "основные признаки" => part = Part::Attributes,
            "особенности клиентского пути" => part = Part::Journey,
            "предпочтительные каналы" => part = Part::Channels,
            "цель" => {
                if let Some(profile) = segments.profiles.last_mut() {
                    profile.goal = Some(Text(second.to_string()));
                    segments.places.push((path.key("goal"), g, row.number, 2));
                }
            }
            _ if second.is_empty() && (part == Part::Name || part == Part::Channels) => {
                segments.profiles.push(Profile {
                    name: Some(Text(first.to_string())),
                    area: area.clone(),
                    ..Profile::default()
                });
                let path = YamlPath::root()
                    .key("profiles")
                    .index(segments.profiles.len() - 1);
                segments.places.push((path, g, row.number, 1));
                part = Part::Name;
            }
            _ => {
                let Some(profile) = segments.profiles.last_mut() else {
                    continue;
                };
                match part {
                    Part::Attributes => {
                        let attributes = profile.attributes.get_or_insert_with(Attributes::default);
                        attributes
                            .0
                            .push((first.to_string(), Text(second.to_string())));
                        segments.places.push((
                            path.key("attributes").key_owned(first.to_string()),
                            g,
                            row.number,
                            2,
                        ));
                    }
                    Part::Journey => {
                        let step = if first.is_empty() { second } else { first };
                        profile
                            .journey
                            .get_or_insert_with(Vec::new)
                            .push(Text(step.to_string()));
                    }
                    Part::Channels => {
                        let channels = profile.channels.get_or_insert_with(Channels::default);
                        let list = channel_list(second);
                        if label.starts_with("информировани") {
                            channels.informing = Some(list);
                        } else if label.starts_with("получение услуг") {
                            channels.service = Some(list);
                        }
                    }
                    Part::Name => {}
                }
            }
        }
    }
}
