//! R016: approvals come before approval, publication after it.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{Text, parse_date};

pub static RULE: Rule = Rule {
    code: "R016",
    name: "dates-out-of-order",
    severity: Severity::Error,
    source: "—",
    summary: "согласование датировано позже утверждения или размещение — раньше утверждения",
    explanation: "\
Что проверяет: что каждое согласование (approvals[].date) не позже даты утверждения
(approved.date), а размещение на сайте (published) не раньше неё.

Почему это важно: изменения сначала согласуются (Липецк 3.4), затем утверждаются приказом (2.1) и
только потом размещаются на сайте (3.1); обратный порядок означает ошибку в дате или нарушение
процедуры.

Пример:
    approved: { act: Приказ № 76, date: 2024-09-24 }
    published: 2024-09-20          # раньше утверждения

Как исправить: проверьте даты по документам и исправьте.

Основание: Липецк, п. 2.1, 3.1, 3.4.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    let Some(approved) = registry
        .approved
        .as_ref()
        .and_then(|a| Text::non_blank(&a.date))
        .and_then(parse_date)
    else {
        return;
    };
    let shown = approved.format("%d.%m.%Y");
    for (i, approval) in registry.approvals.iter().flatten().enumerate() {
        if let Some(date) = Text::non_blank(&approval.date).and_then(parse_date)
            && date > approved
        {
            out.report(
                YamlPath::root().key("approvals").index(i).key("date"),
                format!(
                    "Согласование датировано {} — позже утверждения {shown}",
                    date.format("%d.%m.%Y")
                ),
                "Согласование предшествует утверждению: проверьте даты",
            );
        }
    }
    if let Some(published) = Text::non_blank(&registry.published).and_then(parse_date)
        && published < approved
    {
        out.report(
            YamlPath::root().key("published"),
            format!(
                "Версия размещена {} — раньше утверждения {shown}",
                published.format("%d.%m.%Y")
            ),
            "Размещение следует за утверждением: проверьте даты",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn late_approval_and_early_publication_are_reported() {
        let yaml = "approved: {act: x, date: 2024-09-24}
published: 2024-09-20
approvals: [{role: unit_head, person: a, date: 2024-09-20}, {role: supervising_deputy, person: b, date: 2024-09-25}]";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["approvals[1].date", "published"]);
    }
}
