//! R007: "другие потребности" must say which.

use super::r004_unknown_need::{need_entries, need_path};
use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::NeedValue;
use crate::registry::needs::Need;

pub static RULE: Rule = Rule {
    code: "R007",
    name: "other-need-without-description",
    severity: Severity::Error,
    source: "Липецк 2.6(9)",
    summary: "потребность other («другие потребности») без описания",
    explanation: "\
Что проверяет: что потребность other у точки записана с описанием: {other: \"получение пропуска\"}.
В собственном каталоге перечня (needs: в начале файла) other описания не требует.

Почему это важно: «другие потребности» без описания ничего не сообщают клиенту и не могут быть
сопоставлены с анкетой или между версиями перечня.

Пример:
    needs: [info, other]

Как исправить: needs: [info, {other: \"получение пропуска в здание\"}]

Основание: Липецк, п. 2.6 (9); Смоленск, п. 1.7 (10).",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for tp in context.registry.touchpoints() {
        for (slot, entry) in need_entries(&tp.touchpoint.needs) {
            if let NeedValue::Known {
                need: Need::Other,
                description: None,
            } = entry.interpret()
            {
                out.report(
                    need_path(&tp, slot),
                    "Потребность «другие» указана без описания",
                    "Запишите её как {other: \"что именно нужно клиенту\"}",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn other_needs_a_description_in_touchpoints_only() {
        let yaml = "needs: [info, other]
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: С, channel: digital, needs: [other, {other: пропуск}, {other: ''}]}]}]}]";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "directions[0].processes[0].touchpoints[0].needs[0]",
                "directions[0].processes[0].touchpoints[0].needs[2]"
            ]
        );
    }
}
