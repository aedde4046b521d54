//! Who is a person, by the header of a column: a question that asks a name, a phone, an e-mail
//! or another way to reach the respondent (Smolensk 5.2).

use crate::text::normalize_option;

/// The question part of a grid header «Вопрос [Строка]».
fn question_part(header: &str) -> &str {
    match header.rfind(" [") {
        Some(at) => &header[..at],
        None => header,
    }
}

/// Words of a header that ask who the respondent is, whatever else the question says: a name, a
/// contact, a personnel number, a position (which, with a department, singles one person out).
const PERSONAL_WORDS: [&str; 24] = [
    "табельный",
    "табельного",
    "таб",
    "должность",
    "должности",
    "снилс",
    "фио",
    "тел",
    "моб",
    "ф.и.о",
    "фамилия",
    "фамилию",
    "имя",
    "отчество",
    "представьтесь",
    "e-mail",
    "email",
    "e-mail-адрес",
    "телефон",
    "телефона",
    "мобильный",
    "мобильного",
    "связаться",
    "контакты",
];

/// Word beginnings that ask for a way to reach the respondent ("контактный телефон",
/// "адрес почты", "оставьте почту"), unless the question asks how satisfied they are with it
/// ("Удовлетворены ли вы работой электронной почты?").
const CONTACT_STEMS: [&str; 3] = ["контакт", "почт", "мэйл"];

/// Whether a header asks for something that identifies a person (Smolensk 5.2): a name, a
/// phone, an e-mail or other contact. Only the question part of a grid header counts: a grid
/// row "[Электронная почта]" names a channel being rated, not a contact.
pub fn looks_personal(header: &str) -> bool {
    // «E‑mail» with a non-breaking hyphen, «E–mail» with a dash: one hyphen for all of them.
    let question: String = normalize_option(question_part(header))
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect();
    let compact: String = question.chars().filter(|c| !c.is_whitespace()).collect();
    let words: Vec<&str> = question
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if compact.starts_with("ф.и.о") || words.iter().any(|w| PERSONAL_WORDS.contains(w)) {
        return true;
    }
    let rates_it = question.contains("удовлетвор") || question.contains("оцени");
    !rates_it
        && words
            .iter()
            .any(|w| CONTACT_STEMS.iter().any(|stem| w.starts_with(stem)))
}
