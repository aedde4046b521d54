//! A registry from a table as ministries keep it (import.md): the columns recognised by their
//! headers, merged and continued cells carried down, section headings as directions, values
//! mapped to the format of registry.md. Every touchpoint remembers the row it came from, so
//! findings point at the table ([`Places`]).

mod codes;
mod fields;

pub use codes::{I001, I002, I003, I004, I005, I006, I008, I009, I011};
pub use segments::{I007, I010};
mod segments;
pub use fields::{Field, Options};
mod cells;
mod choice;
mod header;
mod places;
mod reader;
mod rows;
mod titles;
use crate::diagnostic::Finding;
use crate::input::table::{Fate, LedgerWords};
use crate::input::{Grid, GridRow, Ledger};
use crate::registry::model::{Direction, Registry, Text};
pub use cells::{needs_of, quote_description};
use choice::{choose, join_continuations, other_table};
use codes::{i001, i006};
use header::Header;
pub use places::{DirectionRows, Places, ProcessRows, RowRef};
use reader::TableReader;
use rows::is_blank;
pub use titles::check_act;
use titles::{act_from_titles, approved_of, organization_from_titles, title_lines};

/// A registry read from a table.
#[derive(Debug, Clone)]
pub struct Imported {
    /// None when no table with a touchpoint column was found (I001).
    pub registry: Option<Registry>,
    pub places: Places,
    pub findings: Vec<Finding>,
    /// What became of every row and column of the tables read, and of the other tables.
    pub ledger: Ledger,
}

/// The registry's nouns for the ledger's summary line.
pub const LEDGER_WORDS: LedgerWords = LedgerWords {
    record: "точек",
    heading: "заголовков",
};

/// Reads the registry from the tables of a file.
pub fn import(file: &str, grids: Vec<Grid>, options: &Options) -> Imported {
    let segments = segments::read(&grids);
    // The tables the segmentation and the profiles were read from, for the ledger.
    let segment_tables: Vec<usize> = segments.places.iter().map(|(_, g, ..)| *g).collect();
    let chosen = choose(&grids, options);
    let Some((grid, header_index)) = chosen else {
        return without_registry_table(file, &grids, segments, &segment_tables, options);
    };
    let first = &grids[grid];
    let header = Header::of(first, header_index, &options.columns);
    let mut reader = TableReader::new(first, &header);
    let fate_of = |i: usize, row: &GridRow| match (i < header.top, is_blank(row)) {
        (true, true) => Fate::Empty,
        (true, false) => Fate::Title,
        (false, _) => Fate::Header,
    };
    reader.read_table(
        &first.rows[..=header.bottom],
        fate_of,
        &first.rows[header.bottom + 1..],
    );
    let (joined, continuation_findings, others) =
        join_continuations(file, &grids, grid, &header, &segment_tables, &mut reader);
    for (account, &g) in reader.accounts.iter_mut().zip(&joined) {
        let last = grids[g].rows.last().map_or(0, |r| r.number);
        account.finish(last.max(grids[g].hidden_rows.last().copied().unwrap_or(0)));
    }
    let ledger = Ledger {
        tables: std::mem::take(&mut reader.accounts),
        others,
    };
    let lines = title_lines(&grids, grid, header.top);
    let grid = first;
    let mut registry = registry_of(&lines, options, std::mem::take(&mut reader.directions));
    let places = Places {
        grids: joined
            .iter()
            .map(|&i| Grid {
                rows: Vec::new(),
                ..grids[i].clone()
            })
            .collect(),
        header_row: grid.rows[header.bottom].number,
        columns: reader.column_headings(),
        directions: std::mem::take(&mut reader.places),
        ..Places::default()
    };
    let mut places = places;
    places.ledger = ledger.clone();
    let mut findings = with_segments(&mut registry, &mut places, segments, &grids);
    findings.extend(std::mem::take(&mut reader.findings));
    findings.extend(continuation_findings);
    for &i in &joined {
        if !grids[i].hidden.is_empty() {
            findings.push(i006(&grids[i].name(), &grids[i].hidden));
        }
    }
    for finding in &mut findings {
        finding.file = file.to_string();
    }
    Imported {
        registry: Some(registry),
        places,
        findings,
        ledger,
    }
}

/// Puts the segmentation and the profiles read into the registry and their cells into the
/// places; returns their findings.
fn with_segments(
    registry: &mut Registry,
    places: &mut Places,
    segments: segments::Segments,
    grids: &[Grid],
) -> Vec<Finding> {
    let mut used: Vec<usize> = segments.places.iter().map(|(_, g, ..)| *g).collect();
    used.sort_unstable();
    used.dedup();
    places.segment_grids = used
        .iter()
        .map(|&g| Grid {
            rows: Vec::new(),
            ..grids[g].clone()
        })
        .collect();
    places.segment_cells = segments
        .places
        .into_iter()
        .map(|(path, g, row, column)| {
            let index = used.iter().position(|u| *u == g).unwrap_or(0);
            (path, index, row, column)
        })
        .collect();
    if !segments.segmentation.is_empty() {
        registry.segmentation = Some(segments.segmentation);
    }
    if !segments.profiles.is_empty() {
        registry.profiles = Some(segments.profiles);
    }
    segments.findings
}

/// The registry of the directions read, with the organisation and the act the options or the
/// table's title lines name.
fn registry_of(lines: &[String], options: &Options, directions: Vec<Direction>) -> Registry {
    let mut registry = Registry {
        organization: options
            .organization
            .clone()
            .or_else(|| organization_from_titles(lines))
            .map(Text),
        areas: None,
        region: None,
        approved: options
            .approved
            .clone()
            .or_else(|| act_from_titles(lines))
            .map(|act| approved_of(&act)),
        published: None,
        approvals: None,
        needs: None,
        directions: Some(directions),
        segmentation: None,
        profiles: None,
        procedure: None,
    };
    if registry.approved.as_ref().is_some_and(|a| a.act.is_none()) {
        registry.approved = None;
    }
    registry
}

/// The file has no table with a touchpoint column: its segmentation and profiles alone, or
/// I001.
fn without_registry_table(
    file: &str,
    grids: &[Grid],
    segments: segments::Segments,
    segment_tables: &[usize],
    options: &Options,
) -> Imported {
    if !segments.segmentation.is_empty() || !segments.profiles.is_empty() {
        // A document of the segmentation and the profiles only: no directions (check says
        // so), the rest read.
        let mut registry = Registry::default();
        let mut places = Places::default();
        let mut findings = with_segments(&mut registry, &mut places, segments, grids);
        for finding in &mut findings {
            finding.file = file.to_string();
        }
        let others = grids
            .iter()
            .enumerate()
            .map(|(i, g)| other_table(i, g, segment_tables, "нет графы точки взаимодействия"))
            .collect();
        return Imported {
            registry: Some(registry),
            places,
            findings,
            ledger: Ledger {
                tables: Vec::new(),
                others,
            },
        };
    }
    let mut finding = i001(grids, options);
    finding.file = file.to_string();
    Imported {
        registry: None,
        places: Places::default(),
        findings: vec![finding],
        ledger: Ledger::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::{cells::*, titles::*};
    use crate::diagnostic::YamlPath;
    use crate::input::GridRow;
    use crate::input::{Slot, Source};
    use crate::registry::needs::Need;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            source: Source::WordTable(1),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| GridRow {
                    number: i + 1,
                    slots: cells
                        .iter()
                        .map(|text| match *text {
                            "^" => Slot {
                                merged_above: true,
                                ..Slot::default()
                            },
                            "<" => Slot {
                                merged_left: true,
                                ..Slot::default()
                            },
                            text => Slot {
                                text: text.to_string(),
                                ..Slot::default()
                            },
                        })
                        .collect(),
                })
                .collect(),
            titles: vec!["Приложение к приказу Министерства от 24.09.2024 № 76".into()],
            hidden: Vec::new(),
            hidden_rows: Vec::new(),
        }
    }

    fn import_one(g: Grid) -> Imported {
        import("t.docx", vec![g], &Options::default())
    }

    fn names(registry: &Registry) -> Vec<(String, String, String)> {
        registry
            .touchpoints()
            .map(|t| {
                (
                    t.direction.name.clone().map(|n| n.0).unwrap_or_default(),
                    t.process.name.clone().map(|n| n.0).unwrap_or_default(),
                    t.touchpoint.point.clone().map(|n| n.0).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_quoted_description_comes_back_as_one_need() {
        for description in [
            "справки; выписки",
            "первая\nвторая",
            "«в кавычках»",
            "конец.",
        ] {
            let cell = format!(
                "Получение информации; Другие удовлетворяемые потребности клиента: {}",
                quote_description(description)
            );
            let (entries, unmatched) = needs_of(&cell);
            assert_eq!(
                entries,
                vec![code_entry(Need::Info), other_entry(description)],
                "{cell}"
            );
            assert!(unmatched.is_empty());
        }
        // A person's own quotes stay, and split nothing inside them.
        let (entries, _) = needs_of("other: «Госуслуги»; получение «справок; выписок»");
        assert_eq!(entries[0], other_entry("«Госуслуги»"));
        assert_eq!(entries[1], other_entry("получение «справок; выписок»"));
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn captions_name_their_act_in_the_common_layouts() {
        for (caption, act) in [
            (
                "Приложение к приказу Министерства финансов от 24.09.2024 № 76",
                Some("Приказ Министерства финансов от 24.09.2024 № 76"),
            ),
            (
                "УТВЕРЖДЕН приказом Министерства финансов от «24» сентября 2024 г. № 76",
                Some("Приказ Министерства финансов от 24.09.2024 № 76"),
            ),
            (
                "УТВЕРЖДЕН приказом Министерства финансов № 76-п от 24.09.2024",
                Some("Приказ Министерства финансов от 24.09.2024 № 76-п"),
            ),
            (
                "Приложение к распоряжению от 3 марта 2025 года № 12",
                Some("Распоряжение от 03.03.2025 № 12"),
            ),
            (
                "УТВЕРЖДЕН приказом от 24 сентября 2024 г. N 76",
                Some("Приказ от 24.09.2024 № 76"),
            ),
            // No number, or a date that does not exist: no act is guessed.
            ("Приложение к приказу от 24.09.2024", None),
            ("Приложение к приказу от 31.02.2024 № 5", None),
            ("Перечень точек взаимодействия", None),
        ] {
            assert_eq!(act_of_caption(caption).as_deref(), act, "{caption}");
        }
    }

    #[test]
    fn merged_and_empty_cells_continue_and_headings_start_directions() {
        let imported = import_one(grid(&[
            &["Перечень точек взаимодействия — Минфин", "<", "<", "<"],
            &[
                "№ п/п",
                "Направленность деятельности",
                "Процесс",
                "Точка взаимодействия",
            ],
            &["1", "2", "3", "4"],
            &["1.", "Учет", "Зарплата", "Телефон"],
            &["", "^", "^", "Почта"],
            &["", "", "Командировки", "СЭД"],
            &["", "", "", ""],
            &["2. Кадры", "<", "<", "<"],
            &["3.", "", "Отпуск", "Кабинет"],
        ]));
        let registry = imported.registry.unwrap();
        assert_eq!(
            names(&registry),
            vec![
                ("Учет".into(), "Зарплата".into(), "Телефон".into()),
                ("Учет".into(), "Зарплата".into(), "Почта".into()),
                ("Учет".into(), "Командировки".into(), "СЭД".into()),
                ("Кадры".into(), "Отпуск".into(), "Кабинет".into()),
            ]
        );
        assert_eq!(registry.organization.unwrap().0, "Минфин");
        let approved = registry.approved.unwrap();
        assert_eq!(approved.date.unwrap().0, "2024-09-24");
        assert!(imported.findings.is_empty(), "{:?}", imported.findings);
        // Places: the second touchpoint of the first process stands in row 5.
        let path = YamlPath::root()
            .key("directions")
            .index(0)
            .key("processes")
            .index(0)
            .key("touchpoints")
            .index(1);
        let (position, label) = imported.places.locate(&path).unwrap();
        assert_eq!((position.line, position.column), (5, 4));
        assert_eq!(label, "таблица 1, строка 5, графа «Точка взаимодействия»");
    }

    #[test]
    fn a_point_with_no_process_above_is_i004_and_unknown_headers_are_i002() {
        let imported = import_one(grid(&[
            &[
                "Направление деятельности",
                "Процесс",
                "Точка взаимодействия",
                "Примечание",
            ],
            &["Учет", "", "Телефон", "x"],
        ]));
        let codes: Vec<&str> = imported.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["I002", "I004"]);
        assert_eq!(imported.findings[1].line, Some(2));
    }

    #[test]
    fn an_unknown_header_repeated_across_columns_is_one_finding() {
        let imported = import_one(grid(&[
            &["Процесс", "Точка взаимодействия", "x", "x", "x", "y"],
            &["Зарплата", "Телефон", "", "", "", ""],
        ]));
        let codes: Vec<&str> = imported.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["I002", "I002"]);
    }

    #[test]
    fn no_touchpoint_column_is_i001_naming_the_headers_seen() {
        let imported = import_one(grid(&[&["Направление", "Процесс"], &["a", "b"]]));
        assert!(imported.registry.is_none());
        assert_eq!(imported.findings[0].code, "I001");
        assert!(imported.findings[0].message.contains("«Процесс»"));
    }

    #[test]
    fn needs_with_commas_are_joined_back_and_the_rest_is_other() {
        let (entries, unmatched) = needs_of(
            "Получение информации; представление заявления, обращения, запроса, документов, \
             пропуск в здание\nДругие удовлетворяемые потребности клиента: справка",
        );
        let codes: Vec<String> = entries
            .iter()
            .map(|e| match e.interpret() {
                super::super::model::NeedValue::Known { need, description } => {
                    format!(
                        "{}{}",
                        need.code(),
                        description.map(|d| format!("={d}")).unwrap_or_default()
                    )
                }
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                "info",
                "submission",
                "other=пропуск в здание",
                "other=справка"
            ]
        );
        assert_eq!(unmatched, vec!["пропуск в здание".to_string()]);
    }

    #[test]
    fn a_basis_is_a_document_or_a_directive() {
        assert_eq!(basis_code("Регламент бухгалтерии"), Some("document"));
        assert_eq!(basis_code("Поручение министра"), Some("directive"));
        assert_eq!(basis_code("распорядительное действие"), Some("directive"));
        assert_eq!(basis_code("document"), Some("document"));
        assert_eq!(basis_code("по памяти"), None);
    }

    #[test]
    fn table_wordings_of_the_kind_are_channels() {
        assert_eq!(
            channel_code("Взаимодействие в онлайн-точке"),
            Some("digital")
        );
        assert_eq!(
            channel_code("Взаимодействие в офлайн-точке"),
            Some("offline")
        );
        assert_eq!(channel_code("Цифровая"), Some("digital"));
        assert_eq!(channel_code("по телефону"), None);
    }

    #[test]
    fn the_official_headings_are_all_recognised() {
        for heading in crate::registry::model::OFFICIAL_HEADINGS {
            assert!(Field::of_header(heading).is_some(), "{heading}");
        }
    }
}
