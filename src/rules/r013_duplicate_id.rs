//! R013: touchpoint ids are unique, since `diff` matches versions by them.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::Text;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "R013",
    name: "duplicate-id",
    severity: Severity::Error,
    source: "—",
    summary: "две точки с одинаковым id",
    explanation: "\
Что проверяет: что необязательный идентификатор точки (id) не повторяется во всём перечне.

Почему это важно: по id `tochki diff` сопоставляет точки двух версий перечня; повтор id делает
сравнение неоднозначным, и изменение может быть показано не у той точки.

Пример:
    - point: Телефонная связь
      id: ТВ-001
    - point: Электронная почта
      id: ТВ-001        # повтор

Как исправить: дайте второй точке новый id (старые id не переиспользуйте).

Основание: правило ведения версий перечня (Липецк, п. 3.1: изменения строк перечня).",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let mut first_seen: HashMap<&str, &str> = HashMap::new();
    for tp in context.registry.touchpoints() {
        let Some(id) = Text::non_blank(&tp.touchpoint.id) else {
            continue;
        };
        let point = Text::non_blank(&tp.touchpoint.point).unwrap_or("без названия");
        match first_seen.get(id) {
            Some(first) => out.report(
                tp.path().key("id"),
                format!("id «{id}» уже занят точкой «{first}»"),
                "Дайте точке новый, не использованный ранее id",
            ),
            None => {
                first_seen.insert(id, point);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn repeated_ids_are_reported() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: А, channel: digital, needs: [info], id: 1},
  {point: Б, channel: digital, needs: [info], id: 2}]},
  {name: q, touchpoints: [{point: В, channel: digital, needs: [info], id: '1'}]}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "directions[0].processes[1].touchpoints[0].id");
        assert!(found[0].1.contains("«А»"));
    }
}
