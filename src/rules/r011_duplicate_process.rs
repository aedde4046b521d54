//! R011: the same process twice in the registry.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::{Text, process_path};
use crate::text::normalize;
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "R011",
    name: "duplicate-process",
    severity: Severity::Error,
    source: "—",
    summary: "один и тот же процесс дважды (в одном или в разных направлениях)",
    explanation: "\
Что проверяет: что каждый процесс встречается в перечне один раз (названия сравниваются без учёта
регистра, ё/е, пробелов и знаков препинания), в каком бы направлении он ни стоял.

Почему это важно: перечень формируется по реестру межведомственных и внутриведомственных процессов
(Смоленск 1.6, Северная Осетия 2.1), где каждый процесс один; повтор делит точки одного процесса
на две группы и скрывает дубликаты точек (R008).

Пример:
    - name: Организация работы по учету рабочего времени
    ...
    - name: Организация работы по учёту рабочего времени    # тот же процесс

Как исправить: объедините точки в одном процессе.

Основание: Смоленск, п. 1.6; Северная Осетия, п. 2.1.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let mut first_seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (d, direction) in context.registry.directions.iter().flatten().enumerate() {
        for (p, process) in direction.processes.iter().flatten().enumerate() {
            let Some(name) = Text::non_blank(&process.name) else {
                continue;
            };
            match first_seen.get(&normalize(name)) {
                Some(&(first_d, first_p)) => {
                    let place = if first_d == d {
                        format!("в этом же направлении (процесс № {})", first_p + 1)
                    } else {
                        format!("в направлении № {}", first_d + 1)
                    };
                    out.report(
                        process_path(d, p),
                        format!("Процесс «{name}» уже есть в перечне {place}"),
                        "Объедините точки взаимодействия в одном процессе",
                    );
                }
                None => {
                    first_seen.insert(normalize(name), (d, p));
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
    fn repeated_process_is_found_across_directions() {
        let yaml = "directions: [
  {name: d1, processes: [{name: Учет времени, touchpoints: []}]},
  {name: d2, processes: [{name: 'учёт  времени', touchpoints: []}, {name: Другое, touchpoints: []}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "directions[1].processes[0]");
        assert!(found[0].1.contains("направлении № 1"));
    }
}
