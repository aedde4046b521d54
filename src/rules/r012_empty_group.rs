//! R012: a registry without directions, a direction without processes or a process without
//! touchpoints. A registry with no `directions` key at all is R002 (a missing required field).

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{Text, direction_path, process_path};

pub static RULE: Rule = Rule {
    code: "R012",
    name: "empty-group",
    severity: Severity::Error,
    source: "—",
    summary: "пустой перечень, направление без процессов или процесс без точек взаимодействия",
    explanation: "\
Что проверяет: что в перечне есть хотя бы одно направление (directions: не пуст), у каждого
направления есть хотя бы один процесс, а у каждого процесса — хотя бы одна точка взаимодействия.

Почему это важно: пустая строка в опубликованной таблице сообщает клиенту, что процесс есть, но
обратиться по нему некуда; чаще всего это незаконченная правка.

Пример:
    - name: Организация работы по учету рабочего времени
      touchpoints: []

Как исправить: добавьте точки взаимодействия или удалите пустой процесс (направление).

Основание: Липецк, п. 2.2 (структура перечня: направление — процесс — точка).",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    if context
        .registry
        .directions
        .as_ref()
        .is_some_and(|directions| directions.is_empty())
    {
        out.report(
            YamlPath::root().key("directions"),
            "В перечне нет ни одного направления: раздел directions пуст",
            "Добавьте направления с процессами и точками взаимодействия",
        );
    }
    for (d, direction) in context.registry.directions.iter().flatten().enumerate() {
        let processes = direction.processes.as_deref().unwrap_or_default();
        if processes.is_empty() {
            let name = Text::non_blank(&direction.name).unwrap_or("без названия");
            out.report(
                direction_path(d),
                format!("В направлении «{name}» нет ни одного процесса"),
                "Добавьте процессы с точками взаимодействия или удалите направление",
            );
        }
        for (p, process) in processes.iter().enumerate() {
            if process
                .touchpoints
                .as_deref()
                .unwrap_or_default()
                .is_empty()
            {
                let name = Text::non_blank(&process.name).unwrap_or("без названия");
                out.report(
                    process_path(d, p),
                    format!("В процессе «{name}» нет ни одной точки взаимодействия"),
                    "Добавьте точки взаимодействия или удалите процесс",
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
    fn empty_directions_and_processes_are_reported() {
        let yaml = "directions: [{name: d1}, {name: d2, processes: [{name: p, touchpoints: []},
  {name: q, touchpoints: [{point: С, channel: digital, needs: [info]}]}]}]";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["directions[0]", "directions[1].processes[0]"]);
    }

    #[test]
    fn an_empty_or_valueless_directions_list_is_reported_and_a_missing_one_is_left_to_r002() {
        for yaml in [
            "organization: x\ndirections: []\n",
            "organization: x\ndirections:\n",
        ] {
            let found = run_rule(&RULE, yaml);
            assert_eq!(found.len(), 1, "{yaml}");
            assert_eq!(found[0].0, "directions");
        }
        assert!(run_rule(&RULE, "organization: x\n").is_empty());
    }
}
