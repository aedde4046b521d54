//! The registry as serde reads it from YAML.
//!
//! Fields are lenient on purpose (texts from any scalar, dates and channels as text): a value of
//! the wrong kind becomes a rule finding with its position instead of aborting the whole load,
//! so the user sees every problem of the file at once. Typed accessors below interpret them.

use super::needs::Need;
use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// A text value written as any YAML scalar (`id: 12` is the text "12").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// None for an empty or blank text, so that `point: ""` counts as missing.
    pub fn non_blank(text: &Option<Text>) -> Option<&str> {
        text.as_ref().map(|t| t.0.trim()).filter(|t| !t.is_empty())
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number", "boolean"] })
    }
}

/// Accepted spellings of a touchpoint's kind, for editors: every spelling `Channel::parse`
/// knows, as written and with a capital letter.
fn channel_schema(_: &mut SchemaGenerator) -> Schema {
    let mut spellings: Vec<String> = Vec::new();
    for (spelling, _) in CHANNEL_SPELLINGS {
        for form in [spelling.to_string(), crate::text::capitalize(spelling)] {
            if !spellings.contains(&form) {
                spellings.push(form);
            }
        }
    }
    json_schema!({
        "description": "Вид точки: digital — цифровая (сайт, портал, электронная почта, СЭД, мессенджер, приложение, телефон), offline — офлайн (помещения, личный приём, бумажные документы). Можно писать по-русски: цифровая, онлайн, офлайн.",
        "type": "string",
        "enum": spellings
    })
}

/// A date as the format accepts it, for editors.
fn date_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Дата: 2024-09-24 или 24.09.2024",
        "type": "string",
        "pattern": "^(\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4})$"
    })
}

/// «code — label; code — label» for a schema description.
fn labelled(codes: &[(&str, &str)]) -> String {
    codes
        .iter()
        .map(|(code, label)| format!("{code} — {label}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn codes_of(codes: &[(&'static str, &str)]) -> Vec<&'static str> {
    codes.iter().map(|(code, _)| *code).collect()
}

fn role_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": format!("Роль согласующего (Липецк 3.4): {}", labelled(&APPROVAL_ROLES)),
        "type": "string",
        "enum": codes_of(&APPROVAL_ROLES)
    })
}

fn area_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": format!("Области перечня: {}", labelled(&AREAS)),
        "anyOf": [
            { "type": "string", "enum": codes_of(&AREAS) },
            { "type": "array", "items": { "type": "string", "enum": codes_of(&AREAS) } }
        ]
    })
}

fn basis_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": format!("Основание выявления точки (Липецк 2.4): {}", labelled(&BASES)),
        "type": "string",
        "enum": codes_of(&BASES)
    })
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A list that may also be written as a single value (`areas: accounting`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    Many(Vec<T>),
    One(T),
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::Many(items) => items,
            OneOrMany::One(item) => std::slice::from_ref(item),
        }
    }
}

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(
    title = "Перечень точек взаимодействия с внутренним клиентом",
    description = "Формат перечня для tochki: организация, направления деятельности, процессы и точки взаимодействия (Липецк 2.2, Смоленск, приложение). Проверка: tochki check ФАЙЛ.",
    deny_unknown_fields
)]
pub struct Registry {
    #[schemars(description = "Полное наименование органа (организации), чей это перечень")]
    pub organization: Option<Text>,
    #[serde(default)]
    #[schemars(schema_with = "area_schema")]
    pub areas: Option<OneOrMany<Text>>,
    #[schemars(
        description = "Субъект Российской Федерации: его собственные нерабочие дни ложатся на производственный календарь журнала (например, «Республика Северная Осетия — Алания»)"
    )]
    pub region: Option<Text>,
    #[schemars(description = "Акт, которым утверждена эта версия перечня (приказ, распоряжение)")]
    pub approved: Option<Approved>,
    #[serde(default)]
    #[schemars(
        schema_with = "date_schema",
        description = "Дата размещения этой версии на официальном сайте (не позднее 5 рабочих дней после утверждения, Липецк 3.1)"
    )]
    pub published: Option<Text>,
    #[schemars(description = "Согласование изменений тремя должностными лицами (Липецк 3.4)")]
    pub approvals: Option<Vec<Approval>>,
    /// This region's own catalogue of needs, a subset of the ten.
    #[schemars(
        description = "Собственный каталог потребностей региона (подмножество десяти): коды info, consultation, forms, submission, status, result, inspection, feedback, feedback_result, other"
    )]
    pub needs: Option<Vec<NeedEntry>>,
    /// None when the key is missing; `directions:` with no value reads as an empty list, so
    /// that R012 (empty) and R002 (missing) tell the two apart.
    #[serde(default, deserialize_with = "null_as_empty")]
    #[schemars(description = "Направления деятельности — группы процессов")]
    pub directions: Option<Vec<Direction>>,
    #[schemars(
        description = "Признаки для сегментации внутреннего клиента (Северная Осетия): тип, признак, значения"
    )]
    pub segmentation: Option<Vec<Attribute>>,
    #[schemars(
        description = "Профили клиентского сегмента (Северная Осетия): признаки, цель, клиентский путь, предпочтительные каналы"
    )]
    pub profiles: Option<Vec<Profile>>,
    #[schemars(
        description = "Собственный Порядок взаимодействия с внутренним клиентом органа: акт и пункты, которые цитируют документы (предложения Министру, отчёт, карта болей)"
    )]
    pub procedure: Option<Procedure>,
}

/// The body's own Порядок (documents.md «The body's own order»): the act, and the points the
/// documents the tool writes cite. Without it they cite no point and no region.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema, PartialEq)]
#[schemars(deny_unknown_fields)]
pub struct Procedure {
    #[schemars(
        description = "Акт, которым утверждён Порядок: «Приказ Министерства … от 24.09.2024 № 76»"
    )]
    pub act: Option<Text>,
    #[schemars(
        description = "Пункты Порядка: deadline (срок ответа), oral (устные обращения), proposals (предложения при снижении), pain_map (карта болей), anonymity (анонимность опроса), publication (размещение перечня), approvals (согласование)"
    )]
    pub points: Option<Points>,
}

/// The points of a Порядок the documents cite, by what they are about.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema, PartialEq)]
#[schemars(deny_unknown_fields)]
pub struct Points {
    #[schemars(description = "Пункт о сроке ответа на обращение: «п. 9»")]
    pub deadline: Option<Text>,
    #[schemars(description = "Пункт об устных обращениях: «п. 8»")]
    pub oral: Option<Text>,
    #[schemars(
        description = "Пункт о предложениях Министру при снижении удовлетворенности: «п. 13»"
    )]
    pub proposals: Option<Text>,
    #[schemars(description = "Пункт о карте болей: «п. 4.7–4.8»")]
    pub pain_map: Option<Text>,
    #[schemars(description = "Пункт об анонимности опроса: «п. 5.2»")]
    pub anonymity: Option<Text>,
    #[schemars(description = "Пункт о размещении перечня на сайте: «п. 3.1»")]
    pub publication: Option<Text>,
    #[schemars(description = "Пункт о согласовании изменений перечня: «п. 3.4»")]
    pub approvals: Option<Text>,
}

impl Procedure {
    pub const KEYS: &'static [&'static str] = &["act", "points"];
}

impl Points {
    pub const KEYS: &'static [&'static str] = &[
        "deadline",
        "oral",
        "proposals",
        "pain_map",
        "anonymity",
        "publication",
        "approvals",
    ];
}

/// The grammatical case a citation stands in: «по Порядку» (dative), «в соответствии с
/// Порядком» (instrumental), «(карта болей, Порядок …)» (nominative). «п. 13 Порядка» is the
/// same in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Dative,
    Instrumental,
}

/// What a document cites: a point of the body's own Порядок when the registry names it
/// («п. 13 Порядка»), else the Порядок itself in `case`, never another region's (documents.md).
pub fn cite(
    procedure: Option<&Procedure>,
    point: fn(&Points) -> &Option<Text>,
    case: Case,
) -> String {
    let point = procedure
        .and_then(|p| p.points.as_ref())
        .and_then(|points| Text::non_blank(point(points)))
        .map(str::trim);
    match point {
        Some(point) if point.starts_with("п") => format!("{point} Порядка"),
        Some(point) => format!("п. {point} Порядка"),
        None => match case {
            Case::Nominative => "Порядок взаимодействия с внутренним клиентом",
            Case::Dative => "Порядку взаимодействия с внутренним клиентом",
            Case::Instrumental => "Порядком взаимодействия с внутренним клиентом",
        }
        .to_string(),
    }
}

/// A present key with no value (`directions:`) as an empty list.
fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Ok(Some(
        Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default(),
    ))
}

/// The act that approved this version (утверждение).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Approved {
    #[schemars(description = "Вид, номер и название акта: «Приказ № 76»")]
    pub act: Option<Text>,
    #[serde(default)]
    #[schemars(schema_with = "date_schema")]
    pub date: Option<Text>,
}

/// One sign-off of this version (согласование, Lipetsk 3.4).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Approval {
    #[serde(default)]
    #[schemars(schema_with = "role_schema")]
    pub role: Option<Text>,
    #[schemars(description = "Фамилия и инициалы согласующего")]
    pub person: Option<Text>,
    #[serde(default)]
    #[schemars(schema_with = "date_schema")]
    pub date: Option<Text>,
}

/// A group of processes (направление деятельности).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Direction {
    #[schemars(description = "Направление (направленность) деятельности — группа процессов")]
    pub name: Option<Text>,
    #[schemars(
        description = "Процессы направления из реестра межведомственных и внутриведомственных процессов"
    )]
    pub processes: Option<Vec<Process>>,
}

/// One process of the register of processes (наименование конкретного процесса).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Process {
    #[schemars(description = "Наименование конкретного процесса")]
    pub name: Option<Text>,
    #[schemars(description = "Номер процесса в реестре процессов (необязательно)")]
    pub id: Option<Text>,
    #[schemars(
        description = "Точки взаимодействия процесса; в одном процессе точка не повторяется (Липецк 2.7)"
    )]
    pub touchpoints: Option<Vec<Touchpoint>>,
}

/// Where the client meets the service (точка взаимодействия).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Touchpoint {
    #[schemars(
        description = "Точка взаимодействия: одна точка (канал), например «Телефонная связь»"
    )]
    pub point: Option<Text>,
    #[serde(default)]
    #[schemars(schema_with = "channel_schema")]
    pub channel: Option<Text>,
    #[schemars(
        description = "Удовлетворяемые потребности клиента: коды (info, consultation, forms, submission, status, result, inspection, feedback, feedback_result) или формулировки порядков, с описанием при нужде ({info: \"о сроках выплат\"}); другие — как {other: \"описание\"}"
    )]
    pub needs: Option<OneOrMany<NeedEntry>>,
    #[schemars(description = "Осуществляемое взаимодействие с клиентом")]
    pub interaction: Option<Text>,
    #[schemars(description = "Особенности взаимодействия с клиентом")]
    pub features: Option<Text>,
    #[schemars(description = "Внутренний клиент: кто обращается в этой точке")]
    pub client: Option<Text>,
    #[schemars(description = "Ценность для внутреннего клиента")]
    pub value: Option<Text>,
    #[serde(default)]
    #[schemars(schema_with = "basis_schema")]
    pub basis: Option<Text>,
    #[schemars(
        description = "Постоянный идентификатор точки; по нему tochki diff сопоставляет версии"
    )]
    pub id: Option<Text>,
}

/// The keys of each mapping of the format, in the order the format lists them (and messages
/// name them). The structs above are the declaration; the test `key_lists_match_the_schema`
/// keeps these lists equal to their fields as the schema shows them.
impl Registry {
    pub const KEYS: &'static [&'static str] = &[
        "organization",
        "areas",
        "region",
        "approved",
        "published",
        "approvals",
        "needs",
        "directions",
        "segmentation",
        "profiles",
        "procedure",
    ];
}

impl Approved {
    pub const KEYS: &'static [&'static str] = &["act", "date"];
}

impl Approval {
    pub const KEYS: &'static [&'static str] = &["role", "person", "date"];
}

impl Direction {
    pub const KEYS: &'static [&'static str] = &["name", "processes"];
}

impl Process {
    pub const KEYS: &'static [&'static str] = &["name", "id", "touchpoints"];
}

impl Touchpoint {
    pub const KEYS: &'static [&'static str] = &[
        "point",
        "channel",
        "needs",
        "interaction",
        "features",
        "client",
        "value",
        "basis",
        "id",
    ];
}

/// A need as written: a code or wording, or a mapping of one to its description
/// (`{other: "описание"}`, `{info: "о сроках выплат"}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum NeedEntry {
    Name(Text),
    WithDescription(BTreeMap<String, Option<Text>>),
}

/// What a need entry means once interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeedValue {
    /// A known need; `description` is set for `{other: "..."}`, `{info: "..."}`.
    Known {
        need: Need,
        description: Option<String>,
    },
    /// Not a need of the catalogue: the text as written.
    Unknown(String),
    /// A mapping that is not one need of the catalogue and its description.
    Malformed(String),
}

impl NeedEntry {
    pub fn interpret(&self) -> NeedValue {
        match self {
            NeedEntry::Name(text) => match Need::parse(text.as_str()) {
                Some(need) => NeedValue::Known {
                    need,
                    description: None,
                },
                None => NeedValue::Unknown(text.0.clone()),
            },
            NeedEntry::WithDescription(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    // Any need may say what exactly it is about (`{info: "о сроках выплат"}`);
                    // `other` must (R007).
                    (Some((key, description)), None) => match Need::parse(key) {
                        Some(need) => NeedValue::Known {
                            need,
                            description: Text::non_blank(description).map(str::to_string),
                        },
                        None => NeedValue::Malformed(key.clone()),
                    },
                    _ => NeedValue::Malformed(map.keys().cloned().collect::<Vec<_>>().join(", ")),
                }
            }
        }
    }
}

/// The kind of a touchpoint (вид точки взаимодействия).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Digital,
    Offline,
}

impl Channel {
    /// Reads `digital`/`offline` or the Russian words (`цифровая`, `онлайн`, `офлайн`), in any
    /// case and with any punctuation between words (see `CHANNEL_SPELLINGS`).
    pub fn parse(text: &str) -> Option<Channel> {
        let wanted = crate::text::normalize(text);
        CHANNEL_SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == wanted)
            .map(|(_, channel)| *channel)
    }

    /// The channel whose code (`digital`, `offline`) this is, exactly.
    pub fn from_code(code: &str) -> Option<Channel> {
        [Channel::Digital, Channel::Offline]
            .into_iter()
            .find(|channel| channel.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Channel::Digital => "digital",
            Channel::Offline => "offline",
        }
    }

    /// As the official table prints it.
    pub fn russian(self) -> &'static str {
        match self {
            Channel::Digital => "цифровая",
            Channel::Offline => "офлайн",
        }
    }
}

/// Every spelling of a channel the format accepts, normalised (`text::normalize`): the parser
/// and the schema both read this list.
pub const CHANNEL_SPELLINGS: [(&str, Channel); 11] = [
    ("digital", Channel::Digital),
    ("online", Channel::Digital),
    ("цифровая", Channel::Digital),
    ("цифровой", Channel::Digital),
    ("цифровая точка", Channel::Digital),
    ("онлайн", Channel::Digital),
    ("онлайн точка", Channel::Digital),
    ("offline", Channel::Offline),
    ("офлайн", Channel::Offline),
    ("офлайн точка", Channel::Offline),
    ("оффлайн", Channel::Offline),
];

/// Reads a date written as `2024-09-24` or `24.09.2024`; None when it is not a real date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let text = text.trim();
    // chrono reads «24.09.24» as the year 24: a two-digit year is no date of an order here
    // (R001 says so), nor is any year outside the calendar the tool knows.
    let year_written = text.split(['-', '.']).any(|part| part.trim().len() == 4);
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
        .filter(|date| year_written && (1900..=2200).contains(&date.year()))
}

/// The approval roles of Lipetsk 3.4, with their Russian names.
pub const APPROVAL_ROLES: [(&str, &str); 3] = [
    (
        "unit_head",
        "руководитель структурного подразделения, ответственный за процесс",
    ),
    (
        "supervising_deputy",
        "заместитель руководителя, курирующий направление деятельности",
    ),
    (
        "centricity_deputy",
        "заместитель руководителя, ответственный за внедрение клиентоцентричности",
    ),
];

/// The areas a registry may cover.
pub const AREAS: [(&str, &str); 4] = [
    ("accounting", "бухгалтерский учет"),
    ("hr", "кадровая политика"),
    ("it", "информационно-техническое обеспечение"),
    ("admin", "административно-хозяйственная деятельность"),
];

/// Basis on which a touchpoint was found (Lipetsk 2.4), with its Russian name.
pub const BASES: [(&str, &str); 2] = [
    ("document", "документ"),
    ("directive", "распорядительное действие"),
];

/// The Russian name of each field a diff can name (a key of the format, or `approved.act` and
/// `approved.date` for the act's two), as the official table heads its column.
pub const FIELD_LABELS: [(&str, &str); 17] = [
    ("point", "точка взаимодействия"),
    ("interaction", "осуществляемое взаимодействие"),
    ("features", "особенности взаимодействия"),
    ("client", "внутренний клиент"),
    ("value", "ценность для клиента"),
    ("basis", "основание"),
    ("name", "наименование"),
    ("direction", "направление деятельности"),
    ("organization", "организация"),
    ("areas", "области"),
    ("approved.act", "акт об утверждении"),
    ("approved.date", "дата утверждения"),
    ("published", "дата размещения на сайте"),
    ("approvals", "согласование"),
    ("needs", "каталог потребностей"),
    ("procedure.act", "акт о Порядке"),
    ("procedure.points", "пункты Порядка"),
];

/// The Russian name of a field (see `FIELD_LABELS`).
pub fn field_label(field: &str) -> Option<&'static str> {
    FIELD_LABELS
        .iter()
        .find(|(key, _)| *key == field)
        .map(|(_, label)| *label)
}

impl Registry {
    /// The region's own catalogue of needs when the file states one (`needs:` at the top): the
    /// known needs listed there, in order. R005 and `stats` both read it.
    pub fn catalogue(&self) -> Option<Vec<Need>> {
        let entries = self.needs.as_ref()?;
        Some(
            entries
                .iter()
                .filter_map(|entry| match entry.interpret() {
                    NeedValue::Known { need, .. } => Some(need),
                    _ => None,
                })
                .collect(),
        )
    }
}

impl Registry {
    /// Every touchpoint with its direction and process indices, in file order.
    pub fn touchpoints(&self) -> impl Iterator<Item = TouchpointRef<'_>> {
        self.directions
            .iter()
            .flatten()
            .enumerate()
            .flat_map(|(d, direction)| {
                direction
                    .processes
                    .iter()
                    .flatten()
                    .enumerate()
                    .flat_map(move |(p, process)| {
                        process.touchpoints.iter().flatten().enumerate().map(
                            move |(t, touchpoint)| TouchpointRef {
                                direction_index: d,
                                process_index: p,
                                touchpoint_index: t,
                                direction,
                                process,
                                touchpoint,
                            },
                        )
                    })
            })
    }
}

/// A touchpoint with where it stands.
#[derive(Debug, Clone, Copy)]
pub struct TouchpointRef<'a> {
    pub direction_index: usize,
    pub process_index: usize,
    pub touchpoint_index: usize,
    pub direction: &'a Direction,
    pub process: &'a Process,
    pub touchpoint: &'a Touchpoint,
}

impl TouchpointRef<'_> {
    /// The YAML path of this touchpoint.
    pub fn path(&self) -> crate::diagnostic::YamlPath {
        process_path(self.direction_index, self.process_index)
            .key("touchpoints")
            .index(self.touchpoint_index)
    }
}

/// The YAML path of a direction.
pub fn direction_path(direction: usize) -> crate::diagnostic::YamlPath {
    crate::diagnostic::YamlPath::root()
        .key("directions")
        .index(direction)
}

/// The YAML path of a process.
pub fn process_path(direction: usize, process: usize) -> crate::diagnostic::YamlPath {
    direction_path(direction).key("processes").index(process)
}

impl Touchpoint {
    /// The needs as interpreted, with their index in the list.
    pub fn need_values(&self) -> Vec<NeedValue> {
        self.needs
            .as_ref()
            .map(|needs| needs.as_slice().iter().map(NeedEntry::interpret).collect())
            .unwrap_or_default()
    }

    /// The known needs, in order, without repeats.
    pub fn known_needs(&self) -> Vec<Need> {
        let mut needs = Vec::new();
        for value in self.need_values() {
            if let NeedValue::Known { need, .. } = value
                && !needs.contains(&need)
            {
                needs.push(need);
            }
        }
        needs
    }

    pub fn channel_value(&self) -> Option<Channel> {
        Text::non_blank(&self.channel).and_then(Channel::parse)
    }
}

/// The columns of the official table (Lipetsk 2.2, Smolensk appendix), in the seeds' wording:
/// a registry fact that the renderers print and the import recognises.
pub const OFFICIAL_HEADINGS: [&str; 9] = [
    "№ п/п",
    "Направление деятельности",
    "Наименование процесса",
    "Точка взаимодействия",
    "Вид точки",
    "Удовлетворяемые потребности",
    "Осуществляемое взаимодействие",
    "Внутренний клиент",
    "Ценность для внутреннего клиента",
];

// The North Ossetia segmentation and profiles (profiles.md); what they mean is in
// `registry::profiles`.

/// One attribute of the segmentation table: its type, name and values.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Attribute {
    #[serde(rename = "type")]
    #[schemars(description = "Тип признака: Организационные, Технологический, Функциональный")]
    pub kind: Option<Text>,
    #[schemars(description = "Признак: «Категория должностей», «Стаж в организации / органе»")]
    pub attribute: Option<Text>,
    #[schemars(description = "Значения признака, как их перечисляет таблица")]
    pub values: Option<Vec<Text>>,
    #[schemars(
        description = "Значения — числовые интервалы (years — лет, rubles — рублей, age — возраст): они не должны пересекаться и оставлять пропуски (R020)"
    )]
    pub bands: Option<Text>,
    #[schemars(
        description = "Свободный текст («конкретная специфика работы»): никогда не сегмент и не признак профиля (R023)"
    )]
    pub free: Option<bool>,
}

/// A profile's attributes in the order the file gives them: attribute → value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attributes(pub Vec<(String, Text)>);

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Attributes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // serde's own wording, which the R001 translation names «словарь».
                f.write_str("a map")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Attributes, M::Error> {
                let mut pairs = Vec::new();
                while let Some((key, value)) = map.next_entry::<Text, Option<Text>>()? {
                    pairs.push((key.0, value.unwrap_or_default()));
                }
                Ok(Attributes(pairs))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl JsonSchema for Attributes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Attributes".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Основные признаки профиля: «признак: значение», как их называет таблица признаков",
            "type": "object",
            "additionalProperties": { "type": ["string", "number", "boolean"] }
        })
    }
}

/// The channels a profile prefers (North Ossetia: «Предпочтительные каналы»).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Channels {
    #[schemars(description = "Информирование: «Организация, коллеги»")]
    pub informing: Option<Vec<Text>>,
    #[schemars(description = "Получение услуг: «Лично в организации»")]
    pub service: Option<Vec<Text>>,
}

/// A profile of a client segment.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Profile {
    #[schemars(description = "Название профиля: «Физическое лицо, меняющее расчетный счет …»")]
    pub name: Option<Text>,
    #[schemars(description = "Область: accounting, hr, it, admin")]
    pub area: Option<Text>,
    #[schemars(
        description = "Основные признаки: «признак: значение», как их называет таблица признаков"
    )]
    pub attributes: Option<Attributes>,
    #[schemars(description = "Цель клиента")]
    pub goal: Option<Text>,
    #[schemars(description = "Особенности клиентского пути, по шагам")]
    pub journey: Option<Vec<Text>>,
    #[schemars(description = "Процессы перечня, которыми пользуется профиль")]
    pub processes: Option<Vec<Text>>,
    #[schemars(description = "Предпочтительные каналы: информирования и получения услуг")]
    pub channels: Option<Channels>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_digit_year_or_a_year_out_of_range_is_no_date() {
        assert!(parse_date("24.09.2024").is_some());
        assert!(parse_date("2024-09-24").is_some());
        for text in ["24.09.24", "0024-09-24", "24.09.0024", "24.09.3024"] {
            assert!(parse_date(text).is_none(), "{text}");
        }
    }

    #[test]
    fn dates_are_read_in_both_forms_and_impossible_ones_refused() {
        assert_eq!(
            parse_date("2024-09-24"),
            NaiveDate::from_ymd_opt(2024, 9, 24)
        );
        assert_eq!(
            parse_date("24.09.2024"),
            NaiveDate::from_ymd_opt(2024, 9, 24)
        );
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("31.04.2025"), None);
        assert_eq!(parse_date("вчера"), None);
    }

    #[test]
    fn channels_accept_russian_words() {
        assert_eq!(Channel::parse("цифровая"), Some(Channel::Digital));
        assert_eq!(Channel::parse("Онлайн"), Some(Channel::Digital));
        assert_eq!(Channel::parse("офлайн"), Some(Channel::Offline));
        assert_eq!(Channel::parse("offline"), Some(Channel::Offline));
        assert_eq!(Channel::parse("почта"), None);
    }

    #[test]
    fn need_entries_are_interpreted() {
        let entry: NeedEntry = serde_yaml::from_str("{other: получение пропуска}").unwrap();
        assert_eq!(
            entry.interpret(),
            NeedValue::Known {
                need: Need::Other,
                description: Some("получение пропуска".into())
            }
        );
        let entry: NeedEntry = serde_yaml::from_str("получение информации").unwrap();
        assert_eq!(
            entry.interpret(),
            NeedValue::Known {
                need: Need::Info,
                description: None
            }
        );
        let entry: NeedEntry = serde_yaml::from_str("{info: x}").unwrap();
        assert_eq!(
            entry.interpret(),
            NeedValue::Known {
                need: Need::Info,
                description: Some("x".into())
            }
        );
        let entry: NeedEntry = serde_yaml::from_str("{инфа: x}").unwrap();
        assert_eq!(entry.interpret(), NeedValue::Malformed("инфа".into()));
    }

    fn schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Registry)).unwrap()
    }

    /// The enum of a property's schema (directly or under `anyOf`).
    fn enum_of(property: &serde_json::Value) -> Vec<String> {
        let values = property["enum"]
            .as_array()
            .or_else(|| property["anyOf"][0]["enum"].as_array())
            .expect("an enum");
        values
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    fn properties(object: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = object["properties"]
            .as_object()
            .expect("an object schema")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_schema_accepts_every_spelling_the_parser_accepts() {
        let schema = schema();
        let allowed = enum_of(&schema["$defs"]["Touchpoint"]["properties"]["channel"]);
        for (spelling, channel) in CHANNEL_SPELLINGS {
            assert!(allowed.contains(&spelling.to_string()), "{spelling}");
            assert!(
                allowed.contains(&crate::text::capitalize(spelling)),
                "{spelling}"
            );
            assert_eq!(Channel::parse(spelling), Some(channel));
        }
        for spelling in &allowed {
            assert!(Channel::parse(spelling).is_some(), "{spelling}");
        }
    }

    #[test]
    fn code_lists_are_the_schema_enums() {
        let schema = schema();
        let codes = |list: &[(&str, &str)]| -> Vec<String> {
            list.iter().map(|(c, _)| c.to_string()).collect()
        };
        let defs = &schema["$defs"];
        assert_eq!(
            enum_of(&defs["Approval"]["properties"]["role"]),
            codes(&APPROVAL_ROLES)
        );
        assert_eq!(enum_of(&schema["properties"]["areas"]), codes(&AREAS));
        assert_eq!(
            enum_of(&defs["Touchpoint"]["properties"]["basis"]),
            codes(&BASES)
        );
    }

    #[test]
    fn key_lists_match_the_schema() {
        let schema = schema();
        let defs = &schema["$defs"];
        assert_eq!(properties(&schema), sorted(Registry::KEYS));
        assert_eq!(properties(&defs["Approved"]), sorted(Approved::KEYS));
        assert_eq!(properties(&defs["Approval"]), sorted(Approval::KEYS));
        assert_eq!(properties(&defs["Direction"]), sorted(Direction::KEYS));
        assert_eq!(properties(&defs["Process"]), sorted(Process::KEYS));
        assert_eq!(properties(&defs["Touchpoint"]), sorted(Touchpoint::KEYS));
        assert_eq!(properties(&defs["Attribute"]), sorted(Attribute::KEYS));
        assert_eq!(properties(&defs["Profile"]), sorted(Profile::KEYS));
        assert_eq!(properties(&defs["Channels"]), sorted(Channels::KEYS));
        assert_eq!(properties(&defs["Procedure"]), sorted(Procedure::KEYS));
        assert_eq!(properties(&defs["Points"]), sorted(Points::KEYS));
        // Every object of the format that refuses unknown keys has its list above.
        let strict: Vec<&String> = defs
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, def)| def["additionalProperties"] == serde_json::json!(false))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(
            strict,
            [
                "Approval",
                "Approved",
                "Attribute",
                "Channels",
                "Direction",
                "Points",
                "Procedure",
                "Process",
                "Profile",
                "Touchpoint"
            ]
        );
    }
}
