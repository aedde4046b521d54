//! R015: the version is published within 5 working days (Lipetsk 3.1).

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{Text, parse_date};
use chrono::Datelike;

pub static RULE: Rule = Rule {
    code: "R015",
    name: "late-publication",
    severity: Severity::Warning,
    source: "Липецк 3.1",
    summary: "версия размещена на сайте позже 5 рабочих дней после утверждения",
    explanation: "\
Что проверяет: что дата размещения на официальном сайте (published) не позже пятого рабочего дня
после даты утверждения (approved.date). Рабочие дни считаются по производственному календарю РФ:
выходные, нерабочие праздничные дни (ст. 112 ТК РФ) и переносы по постановлениям Правительства
(календарь на 2024–2026 годы поставляется с программой, data/production_calendar.yaml). Для
других лет учитываются только субботы и воскресенья, и находка об этом говорит.

Почему это важно: актуальная версия перечня размещается на официальном сайте не позднее 5 рабочих
дней с момента внесения изменений (Липецк 3.1).

Пример:
    approved: { act: Приказ № 12, date: 2025-04-30 }
    published: 2025-05-14     # 6-й рабочий день: 1–4 и 8–11 мая нерабочие

Как исправить: разместите версию в срок; если дата указана неверно, исправьте её.

Основание: Липецк, п. 3.1.",
    scope: Scope::Registry,
};

const DEADLINE_DAYS: u32 = 5;

pub(super) fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    let approved = registry
        .approved
        .as_ref()
        .and_then(|a| Text::non_blank(&a.date))
        .and_then(parse_date);
    let published = Text::non_blank(&registry.published).and_then(parse_date);
    let (Some(approved), Some(published)) = (approved, published) else {
        return;
    };
    let calendar = context.calendar;
    let deadline = calendar.add_working_days(approved, DEADLINE_DAYS);
    if published <= deadline {
        return;
    }
    let used = calendar.working_days_between(approved, published);
    let uncovered: Vec<String> = (approved.year()..=published.year())
        .filter(|year| !calendar.covers(*year))
        .map(|year| year.to_string())
        .collect();
    let note = if uncovered.is_empty() {
        String::new()
    } else {
        format!(
            " (постановления о переносе выходных на {} нет: срок оценён по праздникам ст. 112 ТК РФ; календарь года можно подключить ключом --calendar)",
            uncovered.join(", ")
        )
    };
    out.report(
        YamlPath::root().key("published"),
        format!(
            "Версия размещена {} — на {used}-й рабочий день после утверждения {}; срок — {DEADLINE_DAYS} рабочих дней, по {} включительно{note}",
            published.format("%d.%m.%Y"),
            approved.format("%d.%m.%Y"),
            deadline.format("%d.%m.%Y"),
        ),
        "Размещайте версию в течение 5 рабочих дней; если дата указана неверно, исправьте её (Липецк 3.1)",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn may_holidays_2025_extend_the_deadline() {
        // Approved 30 April 2025: the fifth working day is 13 May.
        let on_time = "approved: {act: x, date: 2025-04-30}\npublished: 2025-05-13\n";
        assert!(run_rule(&RULE, on_time).is_empty());
        let late = "approved: {act: x, date: 2025-04-30}\npublished: 2025-05-14\n";
        let found = run_rule(&RULE, late);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "published");
        assert!(found[0].1.contains("на 6-й рабочий день"), "{}", found[0].1);
        assert!(found[0].1.contains("по 13.05.2025"));
    }

    #[test]
    fn years_without_a_calendar_are_said_so() {
        let late = "approved: {act: x, date: 2030-01-01}\npublished: 2030-01-20\n";
        let found = run_rule(&RULE, late);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.contains("выходных на 2030 нет"),
            "{}",
            found[0].1
        );
    }
}
