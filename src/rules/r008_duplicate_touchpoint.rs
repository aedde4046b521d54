//! R008: no touchpoint twice within one process (Lipetsk 2.7) — the defect the Smolensk
//! appendix has twice.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::Text;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "R008",
    name: "duplicate-touchpoint",
    severity: Severity::Error,
    source: "Липецк 2.7",
    summary: "точка взаимодействия повторяется в одном процессе: объедините и перечислите потребности один раз",
    explanation: "\
Что проверяет: что в одном процессе нет двух точек взаимодействия, совпадающих после приведения к
одному виду (регистр, ё/е, пробелы и знаки препинания не важны).

Почему это важно: если взаимодействие идёт в несколько этапов (приём заявления, рассмотрение,
уведомления), точки в рамках одного процесса не дублируются: указывается одна точка и
раскрываются удовлетворяемые в ней потребности (Липецк 2.7). В приложении к приказу Смоленска
такая ошибка встречается дважды.

Пример:
    - name: Организация работы по начислению и выплате заработной платы
      touchpoints:
        - point: Телефонная связь, кабинеты внутренних клиентов
          needs: [submission]
        - point: Телефонная связь, кабинеты внутренних клиентов   # повтор
          needs: [info, consultation]

Как исправить: оставьте одну точку и перечислите в ней все потребности и виды взаимодействия:
needs: [submission, info, consultation].

Основание: Липецк, п. 2.7.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    // Touchpoints come in file order, process by process; the key includes the process.
    let mut first_seen: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (tp, normalized) in context.touchpoints() {
        let (Some(point), Some(normalized)) = (Text::non_blank(&tp.touchpoint.point), normalized)
        else {
            continue;
        };
        let key = (tp.direction_index, tp.process_index, normalized);
        match first_seen.get(&key) {
            Some(first) => {
                let process = Text::non_blank(&tp.process.name).unwrap_or("без названия");
                out.report(
                    tp.path(),
                    format!(
                        "Точка «{point}» повторяется в процессе «{process}» (впервые — точка № {} этого процесса)",
                        first + 1
                    ),
                    "Объедините точки в одну и перечислите в ней потребности один раз (Липецк 2.7)",
                );
            }
            None => {
                first_seen.insert(key, tp.touchpoint_index);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn respelt_duplicates_within_a_process_are_found() {
        let yaml = "directions: [{name: d, processes: [
  {name: p1, touchpoints: [
    {point: 'Телефонная связь, кабинеты', channel: digital, needs: [info]},
    {point: 'телефонная  связь кабинеты.', channel: digital, needs: [submission]}]},
  {name: p2, touchpoints: [
    {point: 'Телефонная связь, кабинеты', channel: digital, needs: [info]}]}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "directions[0].processes[0].touchpoints[1]");
        assert!(found[0].1.contains("«p1»"));
        assert!(found[0].1.contains("№ 1"));
    }
}
