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
