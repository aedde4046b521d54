//! YAML syntax errors (libyaml's English, through serde_yaml or saphyr) as Russian words with
//! advice. Shared by every YAML reader: registries and survey definitions.

/// libyaml's messages (inside serde_yaml) as a user can act on them; none is shown in English.
pub fn syntax_problem(detail: &str) -> (&'static str, &'static str) {
    const KNOWN: [(&str, &str, &str); 11] = [
        (
            "mapping values are not allowed",
            "Здесь YAML не ждёт «ключ: значение»: двоеточие с пробелом внутри значения без кавычек или неверный отступ",
            "Возьмите значение в кавычки или выровняйте отступ с соседними ключами",
        ),
        (
            "block sequence entries are not allowed",
            "Элемент списка «- » стоит там, где его не ждут",
            "Проверьте отступ: элементы списка стоят под ключом списка, с одинаковым отступом",
        ),
        (
            "did not find expected key",
            "Неверный отступ: здесь YAML ждал ключ",
            "Выровняйте строку по соседним ключам того же раздела",
        ),
        (
            "did not find expected '-' indicator",
            "Неверный отступ в списке: здесь YAML ждал элемент «- »",
            "Выровняйте элементы списка по одному отступу",
        ),
        (
            "did not find expected ',' or",
            "Не закрыта скобка списка [ ] или словаря { }",
            "Закройте скобку или возьмите значение с запятыми в кавычки",
        ),
        (
            "could not find expected ':'",
            "После ключа нет двоеточия",
            "Поставьте «: » после ключа или возьмите значение в кавычки",
        ),
        (
            "found unexpected end of stream",
            "Файл обрывается: не закрыта кавычка или скобка",
            "Найдите незакрытую кавычку или скобку выше указанной строки",
        ),
        (
            "found character that cannot start any token",
            "Значение начинается с символа, с которого в YAML начинать нельзя (например, @, ` или %)",
            "Возьмите значение в кавычки",
        ),
        (
            "unknown anchor",
            "Ссылка *имя указывает на якорь &имя, которого нет выше",
            "Объявите якорь до ссылки или запишите значение явно",
        ),
        (
            "control characters are not allowed",
            "В файле управляющий (невидимый) символ",
            "Удалите невидимый символ в указанной строке или пересохраните файл в UTF-8",
        ),
        (
            "found unknown escape character",
            "Неизвестная последовательность с \\ внутри двойных кавычек",
            "Удвойте обратную косую черту (\\\\) или возьмите значение в одинарные кавычки",
        ),
    ];
    KNOWN
        .iter()
        .find(|(english, _, _)| detail.contains(english))
        .map(|(_, message, help)| (*message, *help))
        .unwrap_or((
            "Файл не является корректным YAML",
            "Проверьте отступы, двоеточия, кавычки и скобки в указанной строке и строкой выше",
        ))
}

/// Valid YAML that the parser under tochki (libyaml, YAML 1.1) does not read, found in the
/// yaml-test-suite: said as such, with how to write it instead, rather than as a plain syntax
/// error. Only asked once a document failed to parse.
pub fn unread_construct(text: &str) -> Option<(&'static str, &'static str)> {
    let lines: Vec<&str> = text.lines().collect();
    let content: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if content.iter().all(|l| *l == "..." || *l == "---") && content.contains(&"...") {
        return Some((
            "Документ из одного конца документа «...»: это допустимый YAML, но tochki его не читает",
            "Уберите строку «...» и заполните перечень (organization, directions)",
        ));
    }
    if let Some(version) = content.iter().find_map(|l| l.strip_prefix("%YAML"))
        && !matches!(version.trim(), "1.1" | "1.2")
    {
        return Some((
            "Директива %YAML другой версии: это допустимый YAML, но tochki читает только YAML 1.1 и 1.2",
            "Уберите строку %YAML (или напишите %YAML 1.2) и запустите снова",
        ));
    }
    let in_flow = text.contains('{') || text.contains('[');
    if in_flow && lines.iter().any(|l| l.trim_start().starts_with(':')) {
        return Some((
            "Двоеточие ключа перенесено на следующую строку внутри { } или [ ]: это допустимый YAML, но tochki его не читает",
            "Поставьте двоеточие на той же строке, что ключ, или запишите раздел блоком, без скобок",
        ));
    }
    if content
        .iter()
        .any(|l| l.starts_with(": ") || *l == ":" || l.starts_with("- : "))
    {
        return Some((
            "Ключ без имени («: значение»): это допустимый YAML, но tochki его не читает",
            "Впишите имя ключа перед двоеточием, например organization: …",
        ));
    }
    if lines.iter().any(|l| {
        let body = l.trim_start_matches(' ');
        body.starts_with('-') && body[1..].starts_with('\t')
    }) {
        return Some((
            "Табуляция после «-» элемента списка: это допустимый YAML, но tochki его не читает",
            "Поставьте пробел вместо табуляции после «-»",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_yaml_that_tochki_does_not_read_is_named() {
        for (text, said) in [
            ("...\n", "«...»"),
            ("%YAML 1.3\n---\na: b\n", "%YAML"),
            (": v\na: b\n", "Ключ без имени"),
            ("{ a\n: b }\n", "на следующую строку"),
            ("a:\n-\tb\n", "Табуляция после «-»"),
        ] {
            let (message, _) = unread_construct(text).unwrap_or_else(|| panic!("{text:?}"));
            assert!(message.contains(said), "{text:?}: {message}");
        }
        assert!(unread_construct("organization: x\n").is_none());
    }
}
