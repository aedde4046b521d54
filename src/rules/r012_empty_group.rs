//! R012: a direction without processes or a process without touchpoints.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::Severity;
use crate::registry::model::{Text, direction_path, process_path};

pub static RULE: Rule = Rule {
    code: "R012",
    name: "empty-group",
    severity: Severity::Error,
    source: "—",
    summary: "направление без процессов или процесс без точек взаимодействия",
    explanation: "\
Что проверяет: что у каждого направления есть хотя бы один процесс, а у каждого процесса — хотя бы
одна точка взаимодействия.

Почему это важно: пустая строка в опубликованной таблице сообщает клиенту, что процесс есть, но
обратиться по нему некуда; чаще всего это незаконченная правка.

Пример:
    - name: Организация работы по учету рабочего времени
      touchpoints: []

Как исправить: добавьте точки взаимодействия или удалите пустой процесс (направление).

Основание: Липецк, п. 2.2 (структура перечня: направление — процесс — точка).",
    scope: Scope::Registry(check),
};

fn check(context: &Context, out: &mut Sink) {
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
}
