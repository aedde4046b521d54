//! Privacy in one room (Smolensk 5.2: the survey is anonymous): who is a person (a column's
//! header, a value's shape), the masks for free text (names where a respondent introduces
//! themself, phones, e-mails, identifiers), and the suppression of small groups. Every value
//! from a user's file that reaches an output passes through [`shown`] or [`mask_contacts`]
//! before it leaves its domain: the survey, the journal and the rules call this module, and
//! none decides by itself; the renderers never import it (they get values already masked).

mod classes;
mod headers;
mod suppression;
mod values;

pub use classes::{class_names, mask_classes};
pub use headers::looks_personal;
pub use suppression::{suppressed, suppressed_nested};
pub use values::*;

use std::borrow::Cow;

/// A free text (a problem, a proposal) as it may be quoted in the pain map, the report and the
/// proposals (survey.md): contacts and identifiers masked, the writer's own name where the text
/// introduces it, and last the identifiers by class ([`mask_classes`]), whatever the spelling.
/// Names of staff a text complains about stay: the pain map needs them.
pub fn free_text(text: &str) -> Cow<'_, str> {
    // Invisible characters and combining accents first: «1123\u{200b}3344595» is eleven digits,
    // «Ива\u{301}нова» is «Иванова».
    let plain = without_invisible(text);
    let masked = match free_text_by_spelling(&plain) {
        Cow::Borrowed(text) => mask_classes(text).into_owned(),
        Cow::Owned(text) => mask_classes(&text).into_owned(),
    };
    if masked == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(masked)
    }
}

/// A text without zero-width characters and combining accents.
fn without_invisible(text: &str) -> Cow<'_, str> {
    let invisible = |c: char| {
        matches!(
            c,
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) || ('\u{300}'..='\u{36f}').contains(&c)
    };
    if text.chars().any(invisible) {
        Cow::Owned(text.chars().filter(|c| !invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A value from the export as it may be printed: a whole value that identifies a person is
/// replaced, contacts inside text are masked, and the identifiers by class too — but a
/// timestamp is shown as it is (the row it names is found by it).
pub fn shown(value: &str) -> Cow<'_, str> {
    let named = shown_by_spelling(value);
    let moment = |t: &str| {
        t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ' ' | '-' | '/' | 'T'))
    };
    if moment(&named) {
        return named;
    }
    match named {
        Cow::Borrowed(text) => mask_classes(text),
        Cow::Owned(text) => Cow::Owned(mask_classes(&text).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::classes::class_names;

    /// Per class, spellings a respondent types, and what must not survive.
    const SPELLINGS: [(&str, &str); 44] = [
        ("СНИЛС 12345678901", "12345678901"),
        ("снилс 123-456-789 01", "789"),
        ("карта 4276 3800 1234 5678", "5678"),
        ("счёт 40817.810.0.1234", "1234"),
        ("паспорт 45 07 123456", "123456"),
        ("полис ОМС 7788990011223344", "3344"),
        ("звоните 8 912 345 67 89", "345"),
        ("пишите в телеграм @ivanova_a", "ivanova_a"),
        ("профиль https://vk.com/id12345", "id12345"),
        ("канал t.me/buh_help", "buh_help"),
        ("сайт ivanova-blog.ru", "ivanova-blog"),
        ("дата рождения 12.03.1985", "1985"),
        ("родилась 12 марта 1985 г.", "1985"),
        ("1985 г.р., бухгалтер", "1985"),
        ("машина А123ВС 77 стоит", "А123ВС"),
        ("живу ул. Ленина, д. 5, кв. 12", "Ленина"),
        ("ФИО: Кузнецова Ирина", "Кузнецова"),
        ("От Петрова: прошу ускорить", "Петрова"),
        ("Проблема: От Петровой: жду ответа", "Петровой"),
        ("я, кузнецова ирина, прошу", "кузнецова"),
        ("я кузнецова ирина", "кузнецова"),
        ("ya Kuznetsova Irina", "Kuznetsova"),
        ("меня зовут Ирина Кузнецова", "Кузнецова"),
        ("Спасибо за работу.\nКузнецова И.А.", "Кузнецова"),
        ("Подпись: Смирнов", "Смирнов"),
        ("Я Ива\u{301}нова, прошу", "нова"),
        ("я - иванова", "иванова"),
        ("Я-Иванова", "Иванова"),
        ("меня зовут анна петровна крылова", "крылова"),
        ("Пишет Гусева Анна: ответа нет", "Гусева"),
        ("Это Лебедева из ОК", "Лебедева"),
        ("Спасибо!\n— Кузнецов", "Кузнецов"),
        ("Долго.\nЛебедева А.А., каб. 5", "Лебедева"),
        ("Сергеев С.С.", "Сергеев"),
        ("Справки долго. Анна Петровна Зуева", "Зуева"),
        ("Игорь Сергеевич Тихонов, 1985 г.р.", "Тихонов"),
        ("Ivanova A.A., buhgalteriya", "Ivanova"),
        ("СНИЛС 112/233/445/95", "445"),
        ("1123\u{200b}3344595", "1123"),
        ("ivanova @ mail.ru", "ivanova"),
        ("телеграм ivanova_c", "ivanova_c"),
        ("живу Ленина 15-7", "Ленина"),
        ("восемь девять один шесть пять пять пять", "шесть пять"),
        ("паспорт 45 07 123456", "+7"),
    ];

    #[test]
    fn every_spelling_of_every_class_is_masked() {
        for (text, secret) in SPELLINGS {
            let masked = super::free_text(text);
            assert!(!masked.contains(secret), "«{text}» → «{masked}»");
        }
    }

    #[test]
    fn ordinary_complaints_keep_their_words() {
        for text in [
            "я думаю, что справки выдают долго",
            "Ответ пришёл через 3 дня",
            "Жалоба на работу бухгалтерии, Петров грубил",
            "Прошу ускорить выдачу справок",
        ] {
            assert_eq!(super::free_text(text), text);
        }
        assert!(class_names().contains(&"адрес"));
    }
}
