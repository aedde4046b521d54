//! R001: the file is YAML of the registry's shape. Parse errors, wrong kinds of values and
//! unknown keys come from the loader; this file checks the values the model keeps as text
//! (dates, channels, areas, roles, bases) and turns unknown keys into findings.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Finding, Severity, YamlPath};
use crate::registry::model::{self, APPROVAL_ROLES, AREAS, BASES, Channel, Text};
use crate::registry::positions::UnknownKey;

pub static RULE: Rule = Rule {
    code: "R001",
    name: "invalid-yaml-shape",
    severity: Severity::Error,
    source: "—",
    summary: "файл — корректный YAML формы перечня: виды значений, известные ключи, настоящие даты",
    explanation: "\
Что проверяет: что файл читается как YAML в кодировке UTF-8 и имеет форму перечня: известные
ключи (неизвестный ключ называется вместе с ближайшим известным), значения нужного вида (список,
раздел, текст), настоящие даты (2024-09-24 или 24.09.2024), вид точки digital/offline (или
цифровая/онлайн/офлайн), области accounting/hr/it/admin, роли согласования и основание
document/directive.

Почему это важно: опечатка в ключе (pont вместо point) молча теряет поле, а несуществующая дата
(2024-02-30) делает невозможной проверку сроков размещения.

Пример:
    touchpoints:
      - pont: Телефонная связь      # неизвестный ключ «pont», возможно «point»
        channel: цифровой канал     # неизвестный вид точки

Как исправить: исправьте ключ или значение так, как подсказывает сообщение; файл сохраняйте в
UTF-8, отступы делайте пробелами.

Основание: формат перечня (спецификация registry.md, раздел «Shape»).",
    scope: Scope::Registry(check),
};

fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    if let Some(areas) = &registry.areas {
        for (i, area) in areas.as_slice().iter().enumerate() {
            let known = AREAS
                .iter()
                .any(|(code, _)| code.eq_ignore_ascii_case(area.as_str().trim()));
            if !known {
                let closest = crate::text::closest(area.as_str(), AREAS.iter().map(|(c, _)| *c));
                out.report(
                    YamlPath::root().key("areas").index(i),
                    format!("Неизвестная область «{}»{}", area.as_str(), did_you_mean(closest)),
                    "Допустимые области: accounting (бухгалтерский учет), hr (кадры), it (ИТ), admin (АХД)",
                );
            }
        }
    }
    if let Some(approved) = &registry.approved {
        check_date(
            out,
            YamlPath::root().key("approved").key("date"),
            &approved.date,
        );
    }
    check_date(out, YamlPath::root().key("published"), &registry.published);
    for (i, approval) in registry.approvals.iter().flatten().enumerate() {
        let path = YamlPath::root().key("approvals").index(i);
        check_date(out, path.key("date"), &approval.date);
        if let Some(role) = Text::non_blank(&approval.role)
            && !APPROVAL_ROLES.iter().any(|(code, _)| *code == role)
        {
            let closest = crate::text::closest(role, APPROVAL_ROLES.iter().map(|(c, _)| *c));
            out.report(
                path.key("role"),
                format!(
                    "Неизвестная роль согласования «{role}»{}",
                    did_you_mean(closest)
                ),
                "Роли (Липецк 3.4): unit_head, supervising_deputy, centricity_deputy",
            );
        }
    }
    for tp in registry.touchpoints() {
        if let Some(channel) = Text::non_blank(&tp.touchpoint.channel)
            && Channel::parse(channel).is_none()
        {
            out.report(
                tp.path().key("channel"),
                format!("Неизвестный вид точки «{channel}»"),
                "Укажите digital (цифровая, онлайн) или offline (офлайн)",
            );
        }
        if let Some(basis) = Text::non_blank(&tp.touchpoint.basis)
            && !BASES.iter().any(|(code, _)| *code == basis)
        {
            out.report(
                tp.path().key("basis"),
                format!("Неизвестное основание «{basis}»"),
                "Укажите document (на основании документа) или directive (по распорядительному действию), Липецк 2.4",
            );
        }
    }
}

fn check_date(out: &mut Sink, path: YamlPath, date: &Option<Text>) {
    if let Some(text) = Text::non_blank(date)
        && model::parse_date(text).is_none()
    {
        out.report(
            path,
            format!("«{text}» — не настоящая дата"),
            "Запишите существующую дату в виде 2024-09-24 или 24.09.2024",
        );
    }
}

fn did_you_mean(closest: Option<&str>) -> String {
    closest
        .map(|c| format!(": возможно, имелось в виду «{c}»"))
        .unwrap_or_default()
}

/// The finding for a key the format does not know, naming the closest known key.
pub fn unknown_key_finding(unknown: &UnknownKey) -> Finding {
    if unknown.key == "<<" {
        // serde_yaml does not apply YAML 1.1 merge keys: say so once, plainly, rather than
        // call `<<` a misspelt key.
        let mut finding = Finding::new(
            RULE.code,
            RULE.severity,
            "Ключ слияния «<<» (YAML 1.1) не поддерживается: поля из ссылки сюда не подставляются",
        )
        .with_help(
            "Запишите поля в этом разделе явно; одинаковую точку целиком можно повторить ссылкой «- *якорь»",
        )
        .at(unknown.position);
        finding.path = Some(unknown.parent.key_owned(unknown.key.clone()).to_string());
        return finding;
    }
    let closest = crate::text::closest(&unknown.key, unknown.allowed.iter().copied());
    let mut finding = Finding::new(
        RULE.code,
        RULE.severity,
        format!(
            "Неизвестный ключ «{}»{}",
            unknown.key,
            did_you_mean(closest)
        ),
    )
    .with_help(format!(
        "Допустимые ключи здесь: {}",
        unknown.allowed.join(", ")
    ))
    .at(unknown.position);
    let path = unknown.parent.key_owned(unknown.key.clone()).to_string();
    finding.path = Some(path);
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn impossible_dates_are_reported_with_their_path() {
        let found = run_rule(
            &RULE,
            "approved: {act: x, date: 2024-02-30}\npublished: 31.04.2024\n",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "approved.date");
        assert!(found[0].1.contains("2024-02-30"));
        assert_eq!(found[1].0, "published");
    }

    #[test]
    fn bad_channel_area_role_and_basis_are_reported() {
        let yaml = "
areas: [accounting, acounting]
approvals: [{role: unit_hed, person: x, date: 2024-01-01}]
directions:
  - name: d
    processes:
      - name: p
        touchpoints:
          - {point: Сайт, channel: цифровой канал, needs: [info], basis: приказ}
";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "areas[1]",
                "approvals[0].role",
                "directions[0].processes[0].touchpoints[0].channel",
                "directions[0].processes[0].touchpoints[0].basis"
            ]
        );
        assert!(found[0].1.contains("«accounting»"));
        assert!(found[1].1.contains("«unit_head»"));
    }
}
