//! R017: the key touchpoints the seeds name should appear somewhere in the registry.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};

pub static RULE: Rule = Rule {
    code: "R017",
    name: "missing-key-channel",
    severity: Severity::Info,
    source: "Смоленск 2.2, Омск 5",
    summary: "в перечне нет ключевого канала (телефон, письменный, личный, сайт)",
    explanation: "\
Что проверяет: что среди всех точек перечня есть каждый из ключевых каналов: телефонная связь;
письменное взаимодействие (письмо, электронная почта, СЭД); личное взаимодействие (личный приём,
служебные помещения, кабинеты); официальный сайт (портал).

Почему это важно: эти каналы названы ключевыми точками взаимодействия (Смоленск 2.2, Омск 5,
Северная Осетия 3.4); их отсутствие чаще означает пропуск в перечне, чем отсутствие канала.

Пример: в приложении к приказу Смоленска нет официального сайта, хотя п. 2.2 называет его
первой ключевой точкой.

Как исправить: добавьте точку с этим каналом к процессам, где он используется; если канала
действительно нет, замечание можно отключить: --ignore R017.

Основание: Смоленск, п. 2.2; Омск, п. 5; Северная Осетия, п. 3.4.",
    scope: Scope::Registry,
};

/// The key channels with the stems that recognise them.
const KEY_CHANNELS: &[(&str, &[&str])] = &[
    ("телефонная связь", &["телефон"]),
    (
        "письменное взаимодействие (письмо, электронная почта, СЭД)",
        &[
            "письм",
            "почт",
            "сэд",
            "эдо",
            "документооборот",
            "служебн записк",
        ],
    ),
    (
        "личное взаимодействие (личный приём, помещения)",
        &["личн", "кабинет", "помещени", "прием"],
    ),
    ("официальный сайт (портал)", &["сайт", "портал"]),
];

pub(super) fn check(context: &Context, out: &mut Sink) {
    let points: Vec<&str> = context
        .touchpoints()
        .filter_map(|(_, point)| point)
        .collect();
    if points.is_empty() {
        return;
    }
    for (name, stems) in KEY_CHANNELS {
        if !points.iter().any(|p| crate::vocabulary::mentions(p, stems)) {
            out.report(
                YamlPath::root().key("directions"),
                format!("В перечне нет ключевого канала: {name}"),
                "Добавьте точку с этим каналом или отключите замечание: --ignore R017",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn absent_key_channels_are_named() {
        let yaml = "directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Телефонная связь, channel: digital, needs: [info]},
  {point: СЭД, channel: digital, needs: [info]}]}]}]";
        let found = run_rule(&RULE, yaml);
        assert_eq!(found.len(), 2);
        assert!(found[0].1.contains("личное"));
        assert!(found[1].1.contains("сайт"));
    }
}
