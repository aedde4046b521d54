//! R023: a free-text attribute used as a profile's attribute, or an attribute that identifies
//! people.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::profiles;

pub static RULE: Rule = Rule {
    code: "R023",
    name: "free-or-personal-attribute",
    severity: Severity::Error,
    source: "Смоленск 5.2",
    summary: "признак со свободным текстом в профиле или признак, который указывает на человека (ФИО, табельный номер)",
    explanation: "\
Что проверяет: что признак, отмеченный free (свободный текст: «Функционал — конкретная специфика
работы»), не служит признаком профиля, и что ни один признак сегментации не называет человека:
ФИО, табельный номер, телефон, адрес почты.

Почему это важно: сегмент по свободному тексту или по табельному номеру — это один человек, и его
ответы в анкете перестают быть анонимными (Смоленск, п. 5.2).

Пример:
    - attribute: Табельный номер            # указывает на человека
    - attribute: Функционал
      free: true                            # в профиле — ошибка

Как исправить: уберите такой признак из таблицы или из профиля; для сегментов берите закрытые
списки значений.

Основание: Смоленск, п. 5.2.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let segmentation = context.registry.segmentation.as_deref().unwrap_or_default();
    for (i, attribute) in segmentation.iter().enumerate() {
        if crate::privacy::looks_personal(attribute.name()) {
            out.report(
                YamlPath::root()
                    .key("segmentation")
                    .index(i)
                    .key("attribute"),
                format!(
                    "Признак «{}» указывает на человека: по нему нельзя делить на сегменты",
                    attribute.name()
                ),
                "Уберите признак из таблицы сегментации: анкета анонимная (Смоленск, п. 5.2)",
            );
        }
    }
    for (i, profile) in context.registry.profiles.iter().flatten().enumerate() {
        for (name, _) in profile.attributes.iter().flat_map(|a| &a.0) {
            if let Some(attribute) = profiles::attribute(segmentation, name)
                && attribute.is_free()
            {
                out.report(
                    super::r018_unknown_profile_attribute::attribute_path(i, name),
                    format!(
                        "Признак «{name}» — свободный текст (free): он не может отличать профиль «{}»",
                        profile.title()
                    ),
                    "Уберите признак из профиля или дайте ему закрытый список значений",
                );
            }
        }
    }
}
