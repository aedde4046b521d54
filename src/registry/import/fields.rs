//! The columns of a registry table and the choices a user makes on the command line: what the
//! import reads and what its findings (I001–I004) name.

use crate::input::table::header::{ColumnSpec, Heading, Qualifiers, classify};

/// The registry's columns as the seeds head them (import.md), declared as data for the one
/// header matcher.
pub const REGISTRY_COLUMNS: ColumnSpec<Field> = ColumnSpec {
    fields: &[
        (Field::Number, &["№ п/п", "№", "N п/п", "номер"]),
        (
            Field::Direction,
            &[
                "Направление деятельности",
                "Направленность деятельности",
                "Направление",
                "Наименование направления деятельности",
                "Наименование направления",
            ],
        ),
        (
            Field::Process,
            &[
                "Наименование процесса",
                "Наименование конкретного процесса",
                "Процесс",
            ],
        ),
        (
            Field::Point,
            &["Точка взаимодействия", "Наименование точки взаимодействия"],
        ),
        (
            Field::Channel,
            &["Вид точки", "Вид точки взаимодействия", "Тип точки"],
        ),
        (
            Field::Needs,
            &[
                "Удовлетворяемые потребности",
                "Потребности клиента",
                "Удовлетворяемые потребности клиента",
            ],
        ),
        (
            Field::Interaction,
            &[
                "Осуществляемое взаимодействие",
                "Осуществляемое взаимодействие с клиентом",
            ],
        ),
        (
            Field::Features,
            &[
                "Особенности взаимодействия",
                "Особенности взаимодействия с клиентом",
            ],
        ),
        (
            Field::Client,
            &[
                "Внутренний клиент",
                "Клиент",
                "Внутренние клиенты",
                "Категория внутреннего клиента",
                "Категория внутренних клиентов",
            ],
        ),
        (
            Field::Value,
            &[
                "Ценность для внутреннего клиента",
                "Ценность для клиента",
                "Ценность взаимодействия для внутреннего клиента",
            ],
        ),
        (
            Field::Basis,
            &["Основание", "Документ/поручение", "Документ поручение"],
        ),
        (
            Field::ProcessId,
            &["Код процесса", "Идентификатор процесса"],
        ),
        (
            Field::Id,
            &[
                "Код точки",
                "Код точки взаимодействия",
                "Идентификатор точки",
                "Идентификатор точки взаимодействия",
            ],
        ),
    ],
    not_fields: &[],
    qualifiers: Qualifiers::Around,
};

/// A column of the registry's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Number,
    Direction,
    Process,
    Point,
    Channel,
    Needs,
    Interaction,
    Features,
    Client,
    Value,
    Basis,
    /// The process's identifier (the appendix writes it when the registry has one).
    ProcessId,
    /// The touchpoint's identifier.
    Id,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Number,
        Field::Direction,
        Field::Process,
        Field::Point,
        Field::Channel,
        Field::Needs,
        Field::Interaction,
        Field::Features,
        Field::Client,
        Field::Value,
        Field::Basis,
        Field::ProcessId,
        Field::Id,
    ];

    /// The fields of a touchpoint (what makes a row a touchpoint's).
    pub const TOUCHPOINT: [Field; 9] = [
        Field::Point,
        Field::Channel,
        Field::Needs,
        Field::Interaction,
        Field::Features,
        Field::Client,
        Field::Value,
        Field::Basis,
        Field::Id,
    ];

    /// The key of the registry format (`--column "Заголовок=point"` uses it too).
    pub fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Direction => "direction",
            Field::Process => "process",
            Field::Point => "point",
            Field::Channel => "channel",
            Field::Needs => "needs",
            Field::Interaction => "interaction",
            Field::Features => "features",
            Field::Client => "client",
            Field::Value => "value",
            Field::Basis => "basis",
            Field::ProcessId => "process_id",
            Field::Id => "id",
        }
    }

    /// The headers the seeds use for the column (import.md), compared normalised.
    pub fn headers(self) -> &'static [&'static str] {
        REGISTRY_COLUMNS.wordings(self)
    }

    /// The field a header names, if any (the one header matcher, `input::table::header`): its
    /// wording, or a header that contains a known wording of several words as whole words with
    /// qualifiers around it («Точка взаимодействия (цифровая/офлайн)», «Направление
    /// деятельности УФО», a footnote mark «…клиента¹»); the longest wording found wins, so the
    /// most specific field decides. A one-word wording («Клиент», «Процесс») names a column
    /// only as the whole header. Two fields fitting equally name none (the column is listed as
    /// not read, never given to one of them silently).
    pub fn of_header(header: &str) -> Option<Field> {
        match classify(header, &REGISTRY_COLUMNS) {
            Heading::Field(field) => Some(field),
            _ => None,
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.key() == key)
    }
}

/// What the user chose on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The N-th Word table (1-based).
    pub table: Option<usize>,
    /// The sheet by name.
    pub sheet: Option<String>,
    /// Headers mapped explicitly (`--column "Заголовок=field"`).
    pub columns: Vec<(String, Field)>,
    pub organization: Option<String>,
    /// «Приказ № 76 от 24.09.2024».
    pub approved: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualified_headings_are_recognised_by_the_wording_they_contain() {
        for (header, field) in [
            ("Точка взаимодействия (цифровая/офлайн)", Some(Field::Point)),
            ("Направление деятельности УФО", Some(Field::Direction)),
            ("Ценность для внутреннего клиента¹", Some(Field::Value)),
            ("Внутренний клиент*", Some(Field::Client)),
            (
                "Вид точки взаимодействия (цифровая/офлайн)",
                Some(Field::Channel),
            ),
            ("Наименование точки взаимодействия", Some(Field::Point)),
            ("%", None),
            ("№", Some(Field::Number)),
            ("№ ", Some(Field::Number)),
            ("", None),
            ("Примечание", None),
        ] {
            assert_eq!(Field::of_header(header), field, "{header}");
        }
    }
}
