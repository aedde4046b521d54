//! R022: a profile's preferred service channel is offered by no touchpoint of its processes.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::link::{Link, Linker};
use crate::registry::model::Channel;

pub static RULE: Rule = Rule {
    code: "R022",
    name: "preferred-channel-not-offered",
    severity: Severity::Warning,
    source: "Северная Осетия 3.2–3.4, Новосибирск 5",
    summary: "предпочтительный канал получения услуг профиля не предлагает ни одна точка его процессов",
    explanation: "\
Что проверяет: что у процессов профиля есть точка того вида, которым профиль предпочитает получать
услуги: «Лично в организации» — офлайн-точка (помещения, личный приём), «через СЭД», «по почте» —
цифровая.

Почему это важно: профиль описывает, как клиенту удобно; если его процессы предлагают только
другой канал, клиентский путь профиля не проходит через перечень (Северная Осетия, п. 3.2–3.4;
Новосибирск, п. 5).

Пример:
    channels: {service: [Лично в организации]}
    processes: [Смена расчетного счета]      # у процесса только сайт, почта и телефон

Как исправить: добавьте процессу точку этого вида или уточните предпочтительный канал профиля.

Основание: Северная Осетия, п. 3.2–3.4; Новосибирск, п. 5.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let Some(profiles) = &context.registry.profiles else {
        return;
    };
    let linker = Linker::of(context.registry);
    let directions: Vec<_> = context.registry.directions.iter().flatten().collect();
    for (i, profile) in profiles.iter().enumerate() {
        // The kinds of point the profile's processes offer (unlinked processes are R021's).
        let mut offered: Vec<Channel> = Vec::new();
        let mut linked = false;
        for process in profile.processes.iter().flatten() {
            if let Link::Linked { process, .. } = linker.link(process.0.trim()) {
                linked = true;
                let touchpoints = directions[process.direction_index]
                    .processes
                    .iter()
                    .flatten()
                    .nth(process.process_index)
                    .and_then(|p| p.touchpoints.as_ref());
                offered.extend(
                    touchpoints
                        .into_iter()
                        .flatten()
                        .filter_map(|t| t.channel_value()),
                );
            }
        }
        if !linked {
            continue;
        }
        let service = profile
            .channels
            .iter()
            .flat_map(|c| c.service.iter().flatten());
        for (j, wanted) in service.enumerate() {
            let Some(kind) = crate::registry::profiles::channel_kind(&wanted.0) else {
                continue;
            };
            if !offered.contains(&kind) {
                out.report(
                    YamlPath::root().key("profiles").index(i).key("channels").key("service").index(j),
                    format!(
                        "Профиль «{}» предпочитает получать услуги «{}» ({}), а у его процессов нет ни одной такой точки",
                        profile.title(),
                        wanted.0.trim(),
                        kind.russian()
                    ),
                    "Добавьте процессу профиля точку этого вида или уточните предпочтительный канал",
                );
            }
        }
    }
}
