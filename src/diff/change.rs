//! One change between two versions, and the reason of Lipetsk 3.3 it falls under.

use serde::Serialize;

/// The kinds of change of the spec (`kind` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    DirectionAdded,
    DirectionRemoved,
    DirectionRenamed,
    ProcessAdded,
    ProcessRemoved,
    ProcessRenamed,
    TouchpointAdded,
    TouchpointRemoved,
    TouchpointMoved,
    ChannelChanged,
    NeedsChanged,
    FieldChanged,
    MetaChanged,
    AttributeAdded,
    AttributeRemoved,
    AttributeValuesChanged,
    ProfileAdded,
    ProfileRemoved,
    ProfileChanged,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::DirectionAdded => "direction_added",
            ChangeKind::DirectionRemoved => "direction_removed",
            ChangeKind::DirectionRenamed => "direction_renamed",
            ChangeKind::ProcessAdded => "process_added",
            ChangeKind::ProcessRemoved => "process_removed",
            ChangeKind::ProcessRenamed => "process_renamed",
            ChangeKind::TouchpointAdded => "touchpoint_added",
            ChangeKind::TouchpointRemoved => "touchpoint_removed",
            ChangeKind::TouchpointMoved => "touchpoint_moved",
            ChangeKind::ChannelChanged => "channel_changed",
            ChangeKind::NeedsChanged => "needs_changed",
            ChangeKind::FieldChanged => "field_changed",
            ChangeKind::MetaChanged => "meta_changed",
            ChangeKind::AttributeAdded => "attribute_added",
            ChangeKind::AttributeRemoved => "attribute_removed",
            ChangeKind::AttributeValuesChanged => "attribute_values_changed",
            ChangeKind::ProfileAdded => "profile_added",
            ChangeKind::ProfileRemoved => "profile_removed",
            ChangeKind::ProfileChanged => "profile_changed",
        }
    }

    /// How the approval sheet names the change.
    pub fn russian(self) -> &'static str {
        match self {
            ChangeKind::DirectionAdded => "направление добавлено",
            ChangeKind::DirectionRemoved => "направление исключено",
            ChangeKind::DirectionRenamed => "направление переименовано",
            ChangeKind::ProcessAdded => "процесс включён",
            ChangeKind::ProcessRemoved => "процесс исключён",
            ChangeKind::ProcessRenamed => "процесс переименован",
            ChangeKind::TouchpointAdded => "точка добавлена",
            ChangeKind::TouchpointRemoved => "точка исключена",
            ChangeKind::TouchpointMoved => "точка перенесена в другой процесс",
            ChangeKind::ChannelChanged => "изменён вид точки",
            ChangeKind::NeedsChanged => "изменены удовлетворяемые потребности",
            ChangeKind::FieldChanged => "изменено поле",
            ChangeKind::MetaChanged => "изменены сведения о версии",
            ChangeKind::AttributeAdded => "признак сегментации добавлен",
            ChangeKind::AttributeRemoved => "признак сегментации исключён",
            ChangeKind::AttributeValuesChanged => "изменены значения признака",
            ChangeKind::ProfileAdded => "профиль добавлен",
            ChangeKind::ProfileRemoved => "профиль исключён",
            ChangeKind::ProfileChanged => "профиль изменён",
        }
    }

    /// The Lipetsk 3.3 reason for updating the registry, or an editorial change.
    pub fn reason(self) -> Reason {
        match self {
            ChangeKind::ProcessAdded | ChangeKind::ProcessRemoved => Reason::ProcessRegister,
            ChangeKind::DirectionAdded | ChangeKind::DirectionRemoved => Reason::ProcessRegister,
            ChangeKind::ChannelChanged => Reason::PointKind,
            ChangeKind::NeedsChanged => Reason::Needs,
            ChangeKind::TouchpointAdded
            | ChangeKind::TouchpointRemoved
            | ChangeKind::TouchpointMoved => Reason::Rows,
            ChangeKind::DirectionRenamed
            | ChangeKind::ProcessRenamed
            | ChangeKind::FieldChanged => Reason::Editorial,
            ChangeKind::MetaChanged => Reason::Version,
            ChangeKind::AttributeAdded
            | ChangeKind::AttributeRemoved
            | ChangeKind::AttributeValuesChanged
            | ChangeKind::ProfileAdded
            | ChangeKind::ProfileRemoved
            | ChangeKind::ProfileChanged => Reason::Segments,
        }
    }
}

/// Why a change matters for the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Lipetsk 3.3 (1): a process entered or left the register of processes.
    ProcessRegister,
    /// Lipetsk 3.3 (2): the kind of a point changed.
    PointKind,
    /// Lipetsk 3.3 (3): the needs met at a point changed.
    Needs,
    /// Lipetsk 3.1: rows of the registry added or removed.
    Rows,
    /// Wording only.
    Editorial,
    /// The version's own data (approval, publication).
    Version,
    /// North Ossetia: the segmentation attributes and the profiles of client segments.
    Segments,
}

impl Reason {
    pub fn russian(self) -> &'static str {
        match self {
            Reason::ProcessRegister => {
                "Липецк 3.3 (1): включение (исключение) процесса в реестр процессов"
            }
            Reason::PointKind => "Липецк 3.3 (2): изменение вида точки взаимодействия",
            Reason::Needs => "Липецк 3.3 (3): изменение удовлетворяемых потребностей",
            Reason::Rows => "Липецк 3.1: добавление, исключение строк перечня",
            Reason::Editorial => "редакционное изменение",
            Reason::Version => "сведения о версии",
            Reason::Segments => {
                "Северная Осетия: признаки для сегментации и профили клиентского сегмента"
            }
        }
    }
}

/// One change; the fields that do not apply are empty and left out of JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// For an added touchpoint: its kind and needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// For an added or removed process: how many touchpoints it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    pub reason: Reason,
}

impl Change {
    pub fn new(kind: ChangeKind) -> Self {
        Change {
            kind,
            direction: None,
            process: None,
            point: None,
            id: None,
            field: None,
            from: None,
            to: None,
            added: Vec::new(),
            removed: Vec::new(),
            channel: None,
            needs: Vec::new(),
            count: None,
            reason: kind.reason(),
        }
    }
}
