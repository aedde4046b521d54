//! R014: a change is approved by three roles (Lipetsk 3.4).

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{APPROVAL_ROLES, Text};

pub static RULE: Rule = Rule {
    code: "R014",
    name: "incomplete-approvals",
    severity: Severity::Warning,
    source: "Липецк 3.4",
    summary: "согласование указано, но не всеми тремя ролями",
    explanation: "\
Что проверяет: если указан раздел approvals (согласование версии), в нём есть все три роли:
unit_head — руководитель структурного подразделения, ответственный за процесс;
supervising_deputy — заместитель руководителя, курирующий направление деятельности;
centricity_deputy — заместитель, ответственный за внедрение клиентоцентричности.

Почему это важно: изменения перечня подлежат согласованию с тремя должностными лицами (Липецк
3.4); версия без одной из подписей не может быть утверждена.

Пример:
    approvals:
      - { role: unit_head, person: И.И. Иванова, date: 2024-09-20 }
      # нет supervising_deputy и centricity_deputy

Как исправить: добавьте недостающие согласования с ФИО и датой.

Основание: Липецк, п. 3.4.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let Some(approvals) = &context.registry.approvals else {
        return;
    };
    if approvals.is_empty() {
        return;
    }
    let present: Vec<&str> = approvals
        .iter()
        .filter_map(|a| Text::non_blank(&a.role))
        .collect();
    let missing: Vec<String> = APPROVAL_ROLES
        .iter()
        .filter(|(code, _)| !present.contains(code))
        .map(|(code, russian)| format!("{code} ({russian})"))
        .collect();
    if !missing.is_empty() {
        out.report(
            YamlPath::root().key("approvals"),
            format!("Нет согласования: {}", missing.join("; ")),
            "Добавьте согласования всех трёх ролей с ФИО и датой (Липецк 3.4)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn missing_roles_are_listed() {
        let found = run_rule(
            &RULE,
            "approvals: [{role: unit_head, person: x, date: 2024-01-01}]",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "approvals");
        assert!(found[0].1.contains("supervising_deputy"));
        assert!(found[0].1.contains("centricity_deputy"));
        assert!(!found[0].1.contains("unit_head"));
        assert!(run_rule(&RULE, "organization: x").is_empty());
    }
}
