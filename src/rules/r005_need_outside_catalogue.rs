//! R005: a registry that states its region's catalogue of needs keeps to it.

use super::r004_unknown_need::{need_entries, need_path};
use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::NeedValue;

pub static RULE: Rule = Rule {
    code: "R005",
    name: "need-outside-catalogue",
    severity: Severity::Error,
    source: "—",
    summary: "потребность вне собственного каталога перечня (needs: в начале файла)",
    explanation: "\
Что проверяет: если перечень задаёт свой каталог потребностей (ключ needs: в начале файла), каждая
потребность точки входит в этот каталог.

Почему это важно: регионы определяют разный состав потребностей: 8 в Северной Осетии (п. 2.5), 9
в Омске и Липецке, 10 в Смоленске (с «предоставлением объектов для осмотра»). Потребность вне
каталога региона — признак ошибки или перечня, скопированного из другого региона.

Пример:
    needs: [info, consultation, forms, status, result, feedback, feedback_result, other]
    ...
          needs: [submission]     # нет в каталоге этого перечня

Как исправить: замените потребность на одну из каталога или, если каталог неполон, дополните его.

Основание: Северная Осетия, п. 2.5; Смоленск, п. 1.7; Липецк, п. 2.6.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    let Some(allowed) = registry.catalogue() else {
        return;
    };
    let listed = allowed
        .iter()
        .map(|n| n.code())
        .collect::<Vec<_>>()
        .join(", ");
    for tp in registry.touchpoints() {
        for (slot, entry) in need_entries(&tp.touchpoint.needs) {
            if let NeedValue::Known { need, .. } = entry.interpret()
                && !allowed.contains(&need)
            {
                out.report(
                    need_path(&tp, slot),
                    format!(
                        "Потребность «{}» ({}) не входит в каталог этого перечня",
                        need.code(),
                        need.russian()
                    ),
                    format!(
                        "Каталог перечня: {listed}. Замените потребность или дополните каталог"
                    ),
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
    fn needs_outside_the_declared_catalogue_are_reported() {
        let yaml = "
needs: [info, consultation]
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Сайт, channel: digital, needs: [info, submission]}]}]}]
";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "directions[0].processes[0].touchpoints[0].needs[1]"
        );
        assert!(found[0].1.contains("submission"));
    }

    #[test]
    fn without_a_catalogue_nothing_is_reported() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [{point: С, channel: digital, needs: [inspection]}]}]}]";
        assert!(run_rule(&RULE, yaml).is_empty());
    }
}
