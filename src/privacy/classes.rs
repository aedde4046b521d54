//! Identifiers masked by class, not by spelling (survey.md «Identifiers by class»): whatever a
//! respondent types, every long run of digits, link, @handle, date of birth, car plate and
//! street address with a house number leaves the tool as `***`, and a respondent who signs or
//! introduces themself («ФИО: …», «От Петрова:», a last line that is only a name) is not named.
//! The classes live here once; `values::free_text` and `values::shown` apply them last, so every
//! output path that quotes a text gets them.

use std::borrow::Cow;

/// One class: what it matches and what it leaves in its place.
struct Class {
    name: &'static str,
    pattern: regex::Regex,
    replacement: &'static str,
}

/// The classes, in the order they are applied (the wider first: an address holds digits).
fn classes() -> &'static [Class] {
    static CLASSES: std::sync::OnceLock<Vec<Class>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let class = |name, pattern: &str, replacement| Class {
            name,
            pattern: regex::Regex::new(pattern).expect("a valid pattern"),
            replacement,
        };
        vec![
            class(
                "ссылка",
                r"(?i)\b(https?://|www\.)\S+|\b(t\.me|vk\.com|ok\.ru|wa\.me|max\.ru)/\S*|\b[\w\-]+\.(ru|рф|com|org|net|su|me|io|info|online|site)(/\S*)?\b",
                "[ссылка]",
            ),
            class("упоминание", r"(^|[^\w@.])@[\w.]{3,}", "$1@***"),
            class(
                "адрес",
                r"(?i)\b(ул\.|улица|пр-т|просп\.|проспект|пер\.|переулок|бульвар|б-р|шоссе|наб\.|набережная|пл\.|площадь|мкр\.?|микрорайон)\s*[^,;\n]{1,40}?,?\s*(д\.|дом)?\s*\d+[а-яa-z]?(\s*,?\s*(кв\.|квартира|корп\.|к\.|стр\.)\s*\d+[а-яa-z]?)*",
                "[адрес]",
            ),
            class(
                "дата рождения",
                r"(?i)\b(дата\s+рождения|д\.\s?р\.|родил(ся|ась))\s*:?\s*[^,;\n]{0,20}?\d{4}(\s*г\.?)?|\b\d{4}\s*г\.\s?р\.",
                "[дата рождения]",
            ),
            class(
                "госномер",
                r"(?i)\b[АВЕКМНОРСТУХABEKMHOPCTYX]\s?\d{3}\s?[АВЕКМНОРСТУХABEKMHOPCTYX]{2}\s?\d{2,3}\b",
                "***",
            ),
            // Five digits or more, in groups split by spaces, dots or hyphens: СНИЛС, passport,
            // card, account, ОМС, phone, a date written with digits.
            class("число", r"\d(?:[ \u{a0}.\-]?\d){4,}", "***"),
        ]
    })
}

/// A text with every class masked; untouched when none is in it.
pub fn mask_classes(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    for class in classes() {
        if class.pattern.is_match(&out) {
            out = Cow::Owned(
                class
                    .pattern
                    .replace_all(&out, class.replacement)
                    .into_owned(),
            );
        }
    }
    match mask_signatures(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(signed) => Cow::Owned(signed),
    }
}

/// The names of the classes, for the decisions and the tests.
pub fn class_names() -> Vec<&'static str> {
    classes().iter().map(|c| c.name).collect()
}

/// A respondent who names themself: «ФИО: Кузнецова Ирина», «От Петрова:», «Подпись:
/// Петров», «я кузнецова ирина» (any case), a last line that is only a name.
fn mask_signatures(text: &str) -> Cow<'_, str> {
    static SIGNED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let signed = SIGNED.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(фио|ф\.и\.о\.|подпись|автор|отправитель|от)\s*:\s*[\w.\- ]{2,40}|(^|[\n.:;!?])\s*от\s+[А-ЯЁA-Z][\w\-]+(\s+[А-ЯЁA-Z][\w.\-]*){0,2}\s*:|(?:^|[\s,.;:(])(я|ya|меня\s+зовут|my\s+name\s+is|i\s+am)\s*,?\s+([\w\-]+)(\s+[\w\-.]+)?",
        )
        .expect("a valid pattern")
    });
    let mut out: Cow<'_, str> = Cow::Borrowed(text);
    if signed.is_match(text) {
        out = Cow::Owned(
            signed
                .replace_all(text, |caps: &regex::Captures| {
                    let whole = &caps[0];
                    if let Some(word) = caps.get(5) {
                        // «я иванова», «я кузнецова ирина»: only a surname-like word is a name;
                        // «я думаю», «я считаю» stay.
                        if super::values::surname_like_any_case(word.as_str()) {
                            let start = word.start() - caps.get(0).map_or(0, |m| m.start());
                            return format!("{}***", &whole[..start]);
                        }
                        return whole.to_string();
                    }
                    match whole.find(':') {
                        Some(colon) if caps.get(1).is_some() => format!("{}: ***", &whole[..colon]),
                        _ => match caps.get(2).map_or("", |m| m.as_str()) {
                            "" | "\n" => {
                                format!("{}От ***:", caps.get(2).map_or("", |m| m.as_str()))
                            }
                            mark => format!("{mark} От ***:"),
                        },
                    }
                })
                .into_owned(),
        );
    }
    // A last line that is only a name: a signature.
    let last_start = out.trim_end().rfind('\n').map(|i| i + 1);
    if let Some(start) = last_start {
        let last = out[start..].trim();
        if super::values::is_person_name(last.trim_start_matches(['—', '-', ' '])) {
            let mut signed = out[..start].to_string();
            signed.push_str("***");
            return Cow::Owned(signed);
        }
    }
    out
}
