//! R009: one touchpoint cell naming several points.

use super::{Context, Rule, Scope, Sink, split_points};
use crate::diagnostic::Severity;
use crate::registry::model::Text;

pub static RULE: Rule = Rule {
    code: "R009",
    name: "several-points-in-one",
    severity: Severity::Warning,
    source: "Липецк 2.7, Смоленск (приложение)",
    summary: "в одной ячейке названо несколько точек («Телефонная связь, кабинеты»): разделите",
    explanation: "\
Что проверяет: что в поле point названа одна точка взаимодействия, а не перечень через запятую
или точку с запятой: предупреждение выдаётся, когда не меньше двух частей ячейки сами называют
канал (телефон, связь, почта, сайт, СЭД, кабинет, приём...). Запятые внутри скобок и кавычек «»
не считаются, а запятая в названии отдела («Телефон отдела кадров, защиты информации») — тоже.

Почему это важно: у каждой точки свой вид (цифровая или офлайн) и свои потребности; ячейка
«Телефонная связь, кабинеты внутренних клиентов» из приложения к приказу Смоленска смешивает
цифровую точку с офлайн-точкой, и её вид нельзя указать верно.

Пример:
    point: Телефонная связь, СЭД, электронная почта

Как исправить: сделайте по точке на каждый канал, каждой укажите свой вид и потребности:
    - point: Телефонная связь
    - point: СЭД
    - point: Электронная почта

Основание: Липецк, п. 2.2 (3) и 2.7; Смоленск, приложение к Порядку.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for tp in context.registry.touchpoints() {
        let Some(point) = Text::non_blank(&tp.touchpoint.point) else {
            continue;
        };
        if !point.contains([',', ';']) {
            continue;
        }
        let parts: Vec<String> = split_points(point)
            .into_iter()
            .filter(|part| names_a_channel(part))
            .collect();
        if parts.len() > 1 {
            let quoted: Vec<String> = parts.iter().map(|p| format!("«{p}»")).collect();
            out.report(
                tp.path().key("point"),
                format!(
                    "В одной точке названо {} точки: {}",
                    parts.len(),
                    quoted.join(", ")
                ),
                "Сделайте отдельную точку для каждого канала со своим видом и потребностями",
            );
        }
    }
}

/// Whether a part of a cell is itself a point: it names a channel.
fn names_a_channel(part: &str) -> bool {
    const OTHER_STEMS: &[&str] = &["телефон", "связ", "почт", "письм", "канал"];
    crate::vocabulary::meaning(part).names_a_channel()
        || crate::vocabulary::mentions(part, OTHER_STEMS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn comma_separated_points_are_reported() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: 'Телефонная связь, СЭД; электронная почта', channel: digital, needs: [info]},
  {point: 'Личный прием (кабинет 5, 2 этаж)', channel: offline, needs: [info]},
  {point: 'Телефон отдела технического обеспечения, защиты информации', channel: digital, needs: [info]}]}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "directions[0].processes[0].touchpoints[0].point"
        );
        assert!(found[0].1.contains("3 точки"));
    }
}
