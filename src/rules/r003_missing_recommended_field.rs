//! R003: the columns of the official forms that a touchpoint should fill.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::Text;

pub static RULE: Rule = Rule {
    code: "R003",
    name: "missing-recommended-field",
    severity: Severity::Warning,
    source: "Липецк 2.2",
    summary: "рекомендуемые поля точки: внутренний клиент, ценность для клиента, осуществляемое взаимодействие",
    explanation: "\
Что проверяет: что у каждой точки взаимодействия заполнены внутренний клиент (client) и ценность
для внутреннего клиента (value) — графы формы Липецка, и осуществляемое взаимодействие
(interaction) — графа формы Смоленска.

Почему это важно: без этих граф опубликованная таблица не отвечает на вопросы клиента «это для
меня?» и «что я здесь получу?»; Липецк 2.2 включает их в структуру перечня.

Пример:
    - point: Телефонная связь
      channel: digital
      needs: [consultation]
      # нет client, value, interaction

Как исправить: добавьте client (например, «Сотрудники министерства»), value (например, «Ответ без
визита в бухгалтерию») и interaction (что происходит в точке).

Основание: Липецк, п. 2.2 (4-5); Смоленск, приложение (графа «Осуществляемое взаимодействие»).",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for tp in context.registry.touchpoints() {
        let touchpoint = tp.touchpoint;
        let mut missing = Vec::new();
        if Text::non_blank(&touchpoint.client).is_none() {
            missing.push("внутренний клиент (client)");
        }
        if Text::non_blank(&touchpoint.value).is_none() {
            missing.push("ценность для клиента (value)");
        }
        if Text::non_blank(&touchpoint.interaction).is_none() {
            missing.push("осуществляемое взаимодействие (interaction)");
        }
        if !missing.is_empty() {
            out.report(
                tp.path(),
                format!("Не заполнено: {}", missing.join(", ")),
                "Добавьте эти графы: они входят в форму перечня (Липецк 2.2)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn lists_each_missing_column() {
        let yaml = "
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Сайт, channel: digital, needs: [info], client: Сотрудники},
  {point: Почта, channel: digital, needs: [info], client: a, value: b, interaction: c}]}]}]
";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "directions[0].processes[0].touchpoints[0]");
        assert!(found[0].1.contains("value"));
        assert!(found[0].1.contains("interaction"));
        assert!(!found[0].1.contains("client"));
    }
}
