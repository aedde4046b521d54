//! R001: the file is YAML of the registry's shape. Parse errors, wrong kinds of values and
//! unknown keys come from the loader; this file checks the values the model keeps as text
//! (dates, channels, areas, roles, bases) and turns unknown keys into findings.

use super::{Context, Sink};
use crate::diagnostic::{Finding, YamlPath};
use crate::registry::model::{self, APPROVAL_ROLES, AREAS, BASES, Channel, Text};
use crate::registry::positions::UnknownKey;

pub use crate::registry::r001::RULE;

pub(super) fn check(context: &Context, out: &mut Sink) {
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
    // A profile's area is one of the same four codes.
    for (i, profile) in registry.profiles.iter().flatten().enumerate() {
        let Some(area) = Text::non_blank(&profile.area) else {
            continue;
        };
        if !AREAS
            .iter()
            .any(|(code, _)| code.eq_ignore_ascii_case(area))
        {
            let closest = crate::text::closest(area, AREAS.iter().map(|(c, _)| *c));
            out.report(
                YamlPath::root().key("profiles").index(i).key("area"),
                format!("Неизвестная область профиля «{area}»{}", did_you_mean(closest)),
                "Допустимые области: accounting (бухгалтерский учет), hr (кадры), it (ИТ), admin (АХД)",
            );
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
                match crate::text::mixed_script_hint(channel) {
                    Some(hint) => format!("Неизвестный вид точки «{channel}»: {hint}"),
                    None => format!("Неизвестный вид точки «{channel}»"),
                },
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
