//! R010: the kind of a touchpoint contradicts what the point is.

use super::{Context, Rule, Scope, Sink, split_points};
use crate::diagnostic::Severity;
use crate::registry::model::{Channel, Text};
use crate::text::normalize;

pub static RULE: Rule = Rule {
    code: "R010",
    name: "channel-contradicts-point",
    severity: Severity::Warning,
    source: "Смоленск 1.3(8-9), Сев. Осетия 3.2-3.3",
    summary: "вид точки противоречит самой точке (кабинет отмечен цифровым, сайт — офлайн)",
    explanation: "\
Что проверяет: что офлайн-точки (служебные помещения, кабинеты, личный приём, бумажные документы)
не отмечены как цифровые, а цифровые (сайт, портал, электронная почта, СЭД, мессенджер,
приложение, программный продукт) — как офлайн. Телефон не проверяется: регионы относят его
по-разному (Северная Осетия 3.2 — к цифровым, Омск 5 — к устной форме).

Почему это важно: офлайн-точка — физическое пространство, цифровая — взаимодействие через
информационно-телекоммуникационную сеть (Смоленск 1.3 (8-9)); неверный вид искажает долю цифровых
каналов, которым отдаётся предпочтение (Новосибирск, п. 5).

Пример:
    point: Телефонная связь, кабинеты внутренних клиентов
    channel: digital           # «кабинеты» — офлайн-точка

Как исправить: исправьте вид точки; если в ячейке несколько точек разного вида, разделите её
(см. R009).

Основание: Смоленск, п. 1.3 (8-9); Северная Осетия, п. 3.2-3.3.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for (tp, normalized_point) in context.touchpoints() {
        let (Some(point), Some(normalized_point), Some(channel)) = (
            Text::non_blank(&tp.touchpoint.point),
            normalized_point,
            tp.touchpoint.channel_value(),
        ) else {
            continue;
        };
        // A single point (the common case) is already normalised; a cell of several is split.
        let parts: Vec<(String, String)> = if point.contains([',', ';']) {
            split_points(point)
                .into_iter()
                .map(|part| {
                    let normalized = normalize(&part);
                    (part, normalized)
                })
                .collect()
        } else {
            vec![(point.to_string(), normalized_point.to_string())]
        };
        for (part, normalized) in parts {
            let meaning = crate::vocabulary::meaning(&normalized);
            let (is_offline, is_digital) = (meaning.offline, meaning.digital);
            let contradiction = match channel {
                Channel::Digital => is_offline && !is_digital,
                Channel::Offline => is_digital && !is_offline,
            };
            if contradiction {
                let (kind, other) = match channel {
                    Channel::Digital => ("офлайн-точка", "offline"),
                    Channel::Offline => ("цифровая точка", "digital"),
                };
                out.report(
                    tp.path().key("channel"),
                    format!(
                        "«{part}» — {kind}, а вид точки указан «{}»",
                        channel.russian()
                    ),
                    if context.from_table {
                        format!(
                            "Укажите в графе вида точки «{}» или разделите точку (R009)",
                            if other == "offline" {
                                "офлайн"
                            } else {
                                "цифровая"
                            }
                        )
                    } else {
                        format!("Укажите channel: {other} или разделите точку (R009)")
                    },
                );
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn premises_marked_digital_and_site_marked_offline_are_reported() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: 'Телефонная связь, кабинеты внутренних клиентов', channel: digital, needs: [info]},
  {point: 'Официальный сайт', channel: офлайн, needs: [info]},
  {point: 'Телефонная связь', channel: offline, needs: [info]},
  {point: 'Личный прием', channel: offline, needs: [info]}]}]}]";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "directions[0].processes[0].touchpoints[0].channel",
                "directions[0].processes[0].touchpoints[1].channel"
            ]
        );
        assert!(
            found[0]
                .1
                .contains("«кабинеты внутренних клиентов» — офлайн-точка")
        );
    }
}
