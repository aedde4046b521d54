//! R019: a profile's value is none of its attribute's values, or fits several.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::profiles::{self, Fit};

pub static RULE: Rule = Rule {
    code: "R019",
    name: "profile-value-outside-attribute",
    severity: Severity::Warning,
    source: "Северная Осетия, профили клиентского сегмента",
    summary: "значение признака в профиле не из значений признака или подходит нескольким",
    explanation: "\
Что проверяет: что значение каждого признака профиля — одно из значений этого признака в таблице
признаков: та же формулировка или начало ровно одной («Старшая группа» — «Старшая группа
должностей»). Числовой интервал профиля («до 40 000», «45 000- 60 000») должен лежать в одном
интервале таблицы.

Почему это важно: профиль, чьё значение подходит нескольким значениям («Высшее» — бакалавриат,
магистр, специалитет, послевузовское) или ни одному («Социальные выплаты» среди льгот), нельзя
сопоставить с ответами анкеты: сегмент профиля не определён.

Пример (так в приказе Северной Осетии):
    Уровень дохода: до 40 000      # в таблице «До 30 000; 30 000 - 60 000; …»: два интервала

Как исправить: запишите одно значение из таблицы признаков.

Основание: Северная Осетия, таблица признаков и профили клиентского сегмента.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let Some(segmentation) = &context.registry.segmentation else {
        return;
    };
    for (i, profile) in context.registry.profiles.iter().flatten().enumerate() {
        for (name, value) in profile.attributes.iter().flat_map(|a| &a.0) {
            let Some(attribute) = profiles::attribute(segmentation, name) else {
                continue;
            };
            let value = value.0.trim().trim_end_matches([';', ',', '.']).trim();
            if attribute.is_free() {
                continue;
            }
            if value.is_empty() {
                out.report(
                    super::r018_unknown_profile_attribute::attribute_path(i, name),
                    format!("У признака «{name}» в профиле «{}» нет значения", profile.title()),
                    "Запишите одно значение из таблицы признаков сегментации или уберите признак из профиля",
                );
                continue;
            }
            let quoted = |values: &[String]| {
                values
                    .iter()
                    .map(|v| format!("«{v}»"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let message = match profiles::fit(attribute, value) {
                Fit::One(_) => continue,
                Fit::Several(values) => format!(
                    "Значение «{value}» признака «{name}» подходит нескольким значениям таблицы: {}",
                    quoted(&values)
                ),
                Fit::None => format!(
                    "Значения «{value}» нет среди значений признака «{name}»: {}",
                    quoted(
                        &attribute
                            .value_texts()
                            .iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>()
                    )
                ),
            };
            out.report(
                super::r018_unknown_profile_attribute::attribute_path(i, name),
                message,
                "Запишите одно значение из таблицы признаков сегментации",
            );
        }
    }
}
