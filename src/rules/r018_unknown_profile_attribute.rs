//! R018: a profile uses an attribute the segmentation table does not have.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::profiles;

pub static RULE: Rule = Rule {
    code: "R018",
    name: "unknown-profile-attribute",
    severity: Severity::Warning,
    source: "Северная Осетия, профили клиентского сегмента",
    summary: "профиль называет признак, которого нет в таблице признаков сегментации",
    explanation: "\
Что проверяет: что каждый признак в «Основных признаках» профиля есть в таблице «Признаки для
сегментации внутреннего клиента» (названия сравниваются без учёта регистра, ё/е, пробелов, тире и
знаков препинания), и называет ближайший признак таблицы.

Почему это важно: по признакам профиля отбираются ответы анкеты его сегмента (survey tally
--profiles); признак, которого нет в таблице, не спрашивается и не проверяется, и профиль
описывает людей, которых нельзя найти.

Пример (так в приказе Северной Осетии):
    segmentation: [... «Стаж в организации / органе» ...]   # «Возраста» в таблице нет
    profiles:
      - attributes: {Возраст: 25-34, Стаж в организации: 3-5 лет}

Как исправить: назовите признак так, как таблица, или добавьте его в таблицу признаков.

Основание: Северная Осетия, таблица признаков и профили клиентского сегмента.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let Some(segmentation) = &context.registry.segmentation else {
        return;
    };
    for (i, profile) in context.registry.profiles.iter().flatten().enumerate() {
        for (name, _) in profile.attributes.iter().flat_map(|a| &a.0) {
            if profiles::attribute(segmentation, name).is_some() {
                continue;
            }
            let names = segmentation.iter().map(profiles::Attribute::name);
            let hint = crate::text::closest(name, names)
                .map(|c| format!(" (ближе всего «{c}»)"))
                .unwrap_or_default();
            out.report(
                attribute_path(i, name),
                format!("Профиль «{}» называет признак «{name}», которого нет в таблице признаков{hint}", profile.title()),
                "Назовите признак, как таблица признаков сегментации, или добавьте его в таблицу (segmentation:)",
            );
        }
    }
}

/// The path of a profile's attribute.
pub(super) fn attribute_path(profile: usize, name: &str) -> YamlPath {
    YamlPath::root()
        .key("profiles")
        .index(profile)
        .key("attributes")
        .key_owned(name.to_string())
}
