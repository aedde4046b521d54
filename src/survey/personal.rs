//! What identifies a respondent in the values of an export (Smolensk 5.2: the survey is
//! anonymous): names, e-mail addresses and Russian phone numbers. A column whose values look
//! like these is personal whatever its header says; a free-text answer that mentions one is
//! printed with it masked; any other value from the export that reaches an output (a segment
//! name, a value outside the scale) passes through [`shown`].

use std::borrow::Cow;

/// What kind of identifying value a cell holds, for the message that names why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identifying {
    Name,
    Email,
    Phone,
}

impl Identifying {
    /// The plural for a message: «значения похожи на …».
    pub fn russian(self) -> &'static str {
        match self {
            Identifying::Name => "ФИО",
            Identifying::Email => "адреса электронной почты",
            Identifying::Phone => "номера телефонов",
        }
    }
}

/// What a whole value is, if it identifies a person.
pub fn identifying(value: &str) -> Option<Identifying> {
    let value = value.trim();
    if value.is_empty() || value.len() > 120 {
        return None;
    }
    if is_email(value) {
        Some(Identifying::Email)
    } else if is_phone(value) {
        Some(Identifying::Phone)
    } else if is_person_name(value) {
        Some(Identifying::Name)
    } else {
        None
    }
}

/// `name@host.domain`, nothing else in the value.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !value.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain
            .split_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && !tld.is_empty())
}

/// The digits of a run of phone characters, when it holds 10 or 11 of them (`+7 912 345-67-01`,
/// `8 (912) 3456701`, `8-912-345-67-01`, `9123456701`) or is a city number written with dashes
/// (`23-45-67`).
fn phone_digits(run: &str) -> bool {
    let digits = run.chars().filter(char::is_ascii_digit).count();
    let only_phone_chars = run
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '\u{a0}'));
    if !only_phone_chars {
        return false;
    }
    match digits {
        10 => true,
        11 => run
            .trim_start_matches(['+', '(', ' '])
            .starts_with(['7', '8']),
        6 | 7 => run.contains('-') && !run.contains('.'),
        _ => false,
    }
}

/// A whole value that is a phone number.
pub fn is_phone(value: &str) -> bool {
    phone_digits(value)
}

/// «Иванов Иван Иванович», «Иванова А. П.», «Петров И.И.», «Анна Смирнова»: two or three
/// capitalised Cyrillic words or initials, with a surname or patronymic ending or an initial,
/// so that a department («Отдел кадров») or a position («Ведущий специалист») is not a name.
pub fn is_person_name(value: &str) -> bool {
    let tokens: Vec<&str> = value
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .flat_map(split_initials)
        .collect();
    if !(2..=4).contains(&tokens.len()) {
        return false;
    }
    let mut initials = 0;
    let mut words = Vec::new();
    for token in &tokens {
        if is_initial(token) {
            initials += 1;
        } else if is_capitalised_word(token) {
            words.push(token.to_lowercase());
        } else {
            return false;
        }
    }
    if words.is_empty() {
        return false;
    }
    let surname_or_patronymic = |w: &String| {
        const ENDINGS: [&str; 22] = [
            "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий",
            "ская", "цкая", "вич", "вна", "ична", "ич", "енко", "ко", "ук", "юк",
        ];
        ENDINGS.iter().any(|e| w.ends_with(e)) && w.chars().count() > 3
    };
    initials > 0 || words.iter().any(surname_or_patronymic)
}

/// «И.И.» is two initials.
fn split_initials(token: &str) -> Vec<&str> {
    if token.contains('.') && token.chars().filter(|c| *c == '.').count() > 1 {
        token.split_inclusive('.').collect()
    } else {
        vec![token]
    }
}

fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if is_cyrillic_upper(c))
}

fn is_cyrillic_upper(c: char) -> bool {
    ('А'..='Я').contains(&c) || c == 'Ё'
}

fn is_capitalised_word(token: &str) -> bool {
    token.split('-').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(is_cyrillic_upper)
            && part.chars().count() >= 2
            && chars.all(|c| ('а'..='я').contains(&c) || c == 'ё')
    })
}

/// A free-text answer with e-mail addresses and phone numbers masked: `a***@…`, `+7 ***`.
pub fn mask_contacts(text: &str) -> Cow<'_, str> {
    let has_at = text.contains('@');
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !has_at && digits < 6 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // E-mail addresses: any word with an @ and a dot after it.
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        let core = word.trim_matches(|c: char| {
            !(c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '-' | '+'))
        });
        let core = core.trim_end_matches('.');
        if is_email(core) {
            let at = word.find(core).unwrap_or(0);
            out.push_str(&word[..at]);
            let first = core.chars().next().unwrap_or('*');
            out.push(first);
            out.push_str("***@…");
            out.push_str(&word[at + core.len()..]);
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    Cow::Owned(mask_phones(&out))
}

/// Runs of phone characters with a phone's number of digits become `+7 ***`.
fn mask_phones(text: &str) -> String {
    let is_phone_char =
        |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '\u{a0}');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(') {
        out.push_str(&rest[..start]);
        let run_len = rest[start..]
            .find(|c: char| !is_phone_char(c))
            .unwrap_or(rest.len() - start);
        let run = &rest[start..start + run_len];
        // Keep the spaces after the number.
        let number = run.trim_end_matches([' ', '-', '(', '\u{a0}']);
        let trailing = &run[number.len()..];
        if phone_digits(number) && number.chars().filter(char::is_ascii_digit).count() >= 10 {
            out.push_str("+7 ***");
        } else {
            out.push_str(number);
        }
        out.push_str(trailing);
        rest = &rest[start + run_len..];
        if run_len == 0 {
            // A lone "(" or "+": keep it and go on.
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
        }
    }
    out.push_str(rest);
    out
}

/// A value from the export as it may be printed: a whole value that identifies a person is
/// replaced, contacts inside text are masked.
pub fn shown(value: &str) -> Cow<'_, str> {
    match identifying(value) {
        Some(_) => Cow::Borrowed("(скрыто: персональные данные)"),
        None => mask_contacts(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifying_values_are_recognised() {
        for (value, kind) in [
            ("ivanov@minfin.ru", Identifying::Email),
            ("+7 912 345-67-01", Identifying::Phone),
            ("8 (912) 3456701", Identifying::Phone),
            ("8-912-345-67-01", Identifying::Phone),
            ("89123456701", Identifying::Phone),
            ("23-45-67", Identifying::Phone),
            ("Иванов Иван Иванович", Identifying::Name),
            ("Иванова А. П.", Identifying::Name),
            ("Петров И.И.", Identifying::Name),
            ("Анна Смирнова", Identifying::Name),
            ("Римский-Корсаков Николай", Identifying::Name),
        ] {
            assert_eq!(identifying(value), Some(kind), "{value}");
        }
        for value in [
            "Отдел кадров",
            "Ведущий специалист",
            "Руководители",
            "Специалисты",
            "От 1 до 5 лет",
            "2025-11-01",
            "01.11.2025 10:15:00",
            "Полностью удовлетворен",
            "Затрудняюсь ответить",
            "5",
            "Долго ждать ответа на письма",
        ] {
            assert_eq!(identifying(value), None, "{value}");
        }
    }

    #[test]
    fn contacts_in_free_text_are_masked() {
        assert_eq!(
            mask_contacts("Пишите на anna.petrova@minfin.ru, отвечу."),
            "Пишите на a***@…, отвечу."
        );
        assert_eq!(
            mask_contacts("Звоните +7 912 345-67-01 или 8 (912) 3456701 после обеда"),
            "Звоните +7 *** или +7 *** после обеда"
        );
        assert_eq!(
            mask_contacts("Ждали ответа 10 дней, с 01.10.2025"),
            "Ждали ответа 10 дней, с 01.10.2025"
        );
        assert_eq!(mask_contacts("Кабинет (205)"), "Кабинет (205)");
        assert_eq!(
            shown("Иванов Иван Иванович"),
            "(скрыто: персональные данные)"
        );
        assert_eq!(shown("Отдел кадров"), "Отдел кадров");
    }
}
