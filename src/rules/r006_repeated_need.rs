//! R006: a need listed twice in one touchpoint.

use super::r004_unknown_need::{need_entries, need_path};
use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::NeedValue;

pub static RULE: Rule = Rule {
    code: "R006",
    name: "repeated-need",
    severity: Severity::Warning,
    source: "—",
    summary: "одна и та же потребность дважды в одной точке",
    explanation: "\
Что проверяет: что в списке потребностей одной точки нет повторов (код и формулировка одной
потребности считаются одним и тем же: info и «получение информации»).

Почему это важно: повтор завышает сводки по потребностям и выглядит небрежно в опубликованной
таблице.

Пример:
    needs: [info, получение информации]

Как исправить: удалите повтор.

Основание: правило аккуратности перечня; см. также Липецк, п. 2.7 (потребности раскрываются один раз).",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for tp in context.registry.touchpoints() {
        let mut seen = Vec::new();
        for (slot, entry) in need_entries(&tp.touchpoint.needs) {
            // `other` may repeat with different descriptions.
            if let NeedValue::Known { need, description } = entry.interpret() {
                let key = (need, description);
                if seen.contains(&key) {
                    out.report(
                        need_path(&tp, slot),
                        format!(
                            "Потребность «{}» ({}) указана дважды",
                            key.0.code(),
                            key.0.russian()
                        ),
                        "Удалите повтор",
                    );
                } else {
                    seen.push(key);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn code_and_wording_of_one_need_are_a_repeat() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: С, channel: digital, needs: [info, consultation, получение информации, {other: a}, {other: b}]}]}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "directions[0].processes[0].touchpoints[0].needs[2]"
        );
        assert!(found[0].1.contains("«info»"));
    }
}
