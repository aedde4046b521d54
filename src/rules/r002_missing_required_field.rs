//! R002: the fields without which a row of the registry means nothing.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{Text, direction_path, process_path};

pub static RULE: Rule = Rule {
    code: "R002",
    name: "missing-required-field",
    severity: Severity::Error,
    source: "Липецк 2.2, Смоленск (приложение)",
    summary: "обязательные поля: организация; названия направлений и процессов; точка, вид точки и хотя бы одна потребность",
    explanation: "\
Что проверяет: что указаны организация (organization) и хотя бы одно направление (directions);
что у каждого направления и процесса есть название (name); что у каждой точки взаимодействия
есть сама точка (point), вид точки (channel) и хотя бы одна удовлетворяемая потребность (needs).

Почему это важно: перечень имеет установленную структуру — направление деятельности, процесс,
точка взаимодействия (Липецк 2.2); для каждой точки определяются удовлетворяемые потребности
(Смоленск 1.7, Липецк 2.6). Строка без этих сведений не может быть опубликована.

Пример:
    touchpoints:
      - point: Телефонная связь
        # нет channel и needs

Как исправить: заполните недостающие поля; вид точки — digital или offline, потребности —
коды или формулировки из `tochki explain R004`.

Основание: Липецк, п. 2.2; Смоленск, п. 1.7 и приложение к Порядку.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    if Text::non_blank(&registry.organization).is_none() {
        out.report(
            YamlPath::root(),
            "Не указана организация (organization)",
            context.advice(
                "Добавьте строку organization: с полным наименованием органа",
                "В заголовке документа организация не найдена (строка «Перечень … — Организация»): укажите её в --organization \"…\" или допишите в заголовок после « — »",
            ),
        );
    }
    if registry.directions.is_none() {
        out.report(
            YamlPath::root(),
            "Нет ни одного направления деятельности (directions)",
            context.advice(
                "Добавьте раздел directions: со списком направлений, процессов и точек",
                "Заполните в таблице графы направления, процесса и точки взаимодействия",
            ),
        );
    }
    for (d, direction) in registry.directions.iter().flatten().enumerate() {
        if Text::non_blank(&direction.name).is_none() {
            out.report(
                direction_path(d),
                "У направления деятельности нет названия (name)",
                context.advice(
                    "Укажите name: — группу процессов, например «Ведение бухгалтерского учета»",
                    "Впишите направление деятельности в графу направления или строкой-заголовком раздела",
                ),
            );
        }
        for (p, process) in direction.processes.iter().flatten().enumerate() {
            if Text::non_blank(&process.name).is_none() {
                out.report(
                    process_path(d, p),
                    "У процесса нет названия (name)",
                    context.advice(
                        "Укажите name: — наименование процесса из реестра процессов",
                        "Впишите наименование процесса из реестра процессов в графу процесса",
                    ),
                );
            }
        }
    }
    unnamed_segments(registry, out);
    for tp in registry.touchpoints() {
        let touchpoint = tp.touchpoint;
        let mut missing = Vec::new();
        if Text::non_blank(&touchpoint.point).is_none() {
            missing.push("точка взаимодействия (point)");
        }
        if Text::non_blank(&touchpoint.channel).is_none() {
            missing.push("вид точки (channel)");
        }
        let has_need = touchpoint
            .needs
            .as_ref()
            .is_some_and(|needs| !needs.as_slice().is_empty());
        if !has_need {
            missing.push("удовлетворяемые потребности (needs)");
        }
        if !missing.is_empty() {
            out.report(
                tp.path(),
                format!("У точки взаимодействия не заполнено: {}", missing.join(", ")),
                context.advice(
                    "Заполните поля; вид точки — digital или offline, потребности — см. `tochki explain R004`",
                    "Заполните графы; вид точки — «цифровая» или «офлайн», потребности — формулировки из `tochki explain R004`",
                ),
            );
        }
    }
}

/// The segmentation's attributes and the profiles are named (profiles.md).
fn unnamed_segments(registry: &crate::registry::Registry, out: &mut Sink) {
    for (i, attribute) in registry.segmentation.iter().flatten().enumerate() {
        if attribute.name().is_empty() {
            out.report(
                YamlPath::root().key("segmentation").index(i),
                "У признака сегментации нет названия (attribute)",
                "Укажите attribute: — название признака, как его называет таблица признаков",
            );
        }
    }
    for (i, profile) in registry.profiles.iter().flatten().enumerate() {
        if Text::non_blank(&profile.name).is_none() {
            out.report(
                YamlPath::root().key("profiles").index(i),
                "У профиля клиентского сегмента нет названия (name)",
                "Укажите name: — кто этот клиент («Физическое лицо, меняющее расчетный счет…»)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn reports_missing_organization_names_and_touchpoint_fields() {
        let yaml = "
directions:
  - processes:
      - touchpoints:
          - point: Телефонная связь
          - {point: Сайт, channel: digital, needs: [info]}
";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "",
                "directions[0]",
                "directions[0].processes[0]",
                "directions[0].processes[0].touchpoints[0]"
            ]
        );
        assert!(found[3].1.contains("вид точки (channel)"));
        assert!(found[3].1.contains("needs"));
        assert!(!found[3].1.contains("point)"));
    }

    #[test]
    fn a_complete_registry_passes() {
        let yaml = "
organization: Мин
directions: [{name: d, processes: [{name: p, touchpoints: [{point: Сайт, channel: digital, needs: [info]}]}]}]
";
        assert!(run_rule(&RULE, yaml).is_empty());
    }
}
