//! The columns of a registry table and the choices a user makes on the command line: what the
//! import reads and what its findings (I001–I004) name.

use crate::text::normalize;

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
}

impl Field {
    pub const ALL: [Field; 11] = [
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
        }
    }

    /// The headers the seeds use for the column (import.md), compared normalised.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Number => &["№ п/п", "№", "N п/п", "номер"],
            Field::Direction => &[
                "Направление деятельности",
                "Направленность деятельности",
                "Направление",
            ],
            Field::Process => &[
                "Наименование процесса",
                "Наименование конкретного процесса",
                "Процесс",
            ],
            Field::Point => &["Точка взаимодействия", "Наименование точки взаимодействия"],
            Field::Channel => &["Вид точки", "Вид точки взаимодействия", "Тип точки"],
            Field::Needs => &[
                "Удовлетворяемые потребности",
                "Потребности клиента",
                "Удовлетворяемые потребности клиента",
            ],
            Field::Interaction => &[
                "Осуществляемое взаимодействие",
                "Осуществляемое взаимодействие с клиентом",
            ],
            Field::Features => &[
                "Особенности взаимодействия",
                "Особенности взаимодействия с клиентом",
            ],
            Field::Client => &["Внутренний клиент", "Клиент"],
            Field::Value => &["Ценность для внутреннего клиента", "Ценность для клиента"],
            Field::Basis => &["Основание", "Документ/поручение", "Документ поручение"],
        }
    }

    /// The field a header names, if any: its wording, or a header that contains a known
    /// wording as whole words with qualifiers around it («Точка взаимодействия
    /// (цифровая/офлайн)», «Направление деятельности УФО», a footnote mark «…клиента¹»); the
    /// longest wording found wins, so the most specific field decides. A header of punctuation
    /// only names nothing.
    pub fn of_header(header: &str) -> Option<Field> {
        let wanted: String = normalize(header)
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' | '*'
                )
            })
            .collect();
        let wanted = wanted.trim();
        if wanted.is_empty() {
            // «№», «№.», «N»: the number sign alone normalises to nothing but names a column.
            let compact: String = header
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '.')
                .collect();
            return (compact == "№").then_some(Field::Number);
        }
        let padded = format!(" {wanted} ");
        let mut best: Option<(usize, Field)> = None;
        for field in Field::ALL {
            for wording in field.headers() {
                let wording = normalize(wording);
                let exact = wording == wanted;
                let inside = wording.contains(' ') && padded.contains(&format!(" {wording} "));
                if (exact || inside) && best.is_none_or(|(length, _)| wording.len() > length) {
                    best = Some((wording.len(), field));
                }
            }
        }
        best.map(|(_, field)| field)
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
