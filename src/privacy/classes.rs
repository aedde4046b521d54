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
                "почта с пробелами",
                r"(?i)[\w.\-]+\s*(@|\(at\)|\[at\])\s*[\w\-]+\s*(\.|точка|\(dot\))\s*[a-zа-я]{2,}",
                "***@…",
            ),
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
            class(
                "адрес проживания",
                r"(?i)\b(живу|проживаю|прописан[аы]?|мой\s+адрес|адрес\s*:)\s*(на|в|по)?\s*[^,;.\n]{2,40}",
                "$1 [адрес]",
            ),
            class(
                "мессенджер",
                r"(?i)\b(телеграм\w*|telegram|тг|tg|вконтакте|вк|vk|ватсап|whatsapp|вайбер|viber|инстаграм\w*|instagram|скайп|skype)\s*:?\s*[a-z][\w.]{2,}",
                "$1 ***",
            ),
            class(
                "цифры словами",
                r"(?i)\b(ноль|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять)(?:[\s,\-]+(ноль|один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять)){4,}\b",
                "***",
            ),
            // Five digits or more, in groups split by spaces, dots, slashes or hyphens: СНИЛС,
            // passport, card, account, ОМС, phone, a date written with digits.
            class("число", r"\d(?:[ \u{a0}\u{2009}.\-/]?\d){4,}", "***"),
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
            r"(?i)\b(фио|ф\.и\.о\.|подпись|автор|отправитель|от)\s*:\s*[\w.\- ]{2,40}|(^|[\n.:;!?])\s*от\s+[А-ЯЁA-Z][\w\-]+(\s+[А-ЯЁA-Z][\w.\-]*){0,2}\s*:|(?:^|[\s,.;:(])(я|ya|меня\s+зовут|my\s+name\s+is|i\s+am|пишет|это)\s*[,\-–—:]?\s*([\w]+(?:-[\w]+)?)(\s+[\w\-.]+)?(\s+[\w\-.]+)?",
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
                        let start = word.start() - caps.get(0).map_or(0, |m| m.start());
                        let marker = caps.get(4).map_or("", |m| m.as_str()).to_lowercase();
                        // «меня зовут …», «my name is …»: whatever follows is the name.
                        let introduces = marker.starts_with("меня")
                            || marker.starts_with("my")
                            || marker.starts_with("i ");
                        // «я иванова», «это Лебедева»: only a surname-like word is a name;
                        // «я думаю», «это важно» stay.
                        if introduces || super::values::surname_like_any_case(word.as_str()) {
                            let kept = if introduces {
                                ""
                            } else {
                                // A second word that is no name («из ОК») stays.
                                caps.get(6).map_or("", |w| {
                                    let w = w.as_str().trim();
                                    if super::values::surname_like_any_case(w)
                                        || w.chars().next().is_some_and(char::is_uppercase)
                                    {
                                        ""
                                    } else {
                                        caps.get(6).map_or("", |m| m.as_str())
                                    }
                                })
                            };
                            let rest = if kept.is_empty() {
                                ""
                            } else {
                                caps.get(7).map_or("", |m| m.as_str())
                            };
                            return format!("{}***{kept}{rest}", &whole[..start]);
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
    let out = match signed_at_the_end(&out) {
        Some(signed) => Cow::Owned(signed),
        None => out,
    };
    // A text that opens with its writer's name as a heading («Ivanova A.A., бухгалтерия: …»).
    let first_end = out.find([',', ':', '\n']).unwrap_or(out.len());
    let first = out[..first_end].trim();
    let out = if first_end < out.len() && super::values::is_person_name(first) {
        Cow::Owned(format!("***{}", &out[first_end..]))
    } else {
        out
    };
    match named_beside_identifiers(&out) {
        Some(named) => Cow::Owned(named),
        None => out,
    }
}

/// A text that ends with its writer's name: the whole text a name («Сергеев С.С.»), or a last
/// line, sentence or dash-led part that is one («… Анна Петровна Зуева», «— Кузнецов»,
/// «\nЛебедева А.А., каб. 5»), a room number after it included.
fn signed_at_the_end(text: &str) -> Option<String> {
    static ROOM: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let room = ROOM.get_or_init(|| {
        regex::Regex::new(r"(?i),?\s*(каб\.?|кабинет|комн\.?|отдел|тел\.?)\s*[\w\-*]*\s*$")
            .expect("a valid pattern")
    });
    let trimmed = text.trim_end().trim_end_matches(['.', '!']);
    let body = room.replace(trimmed, "");
    let body = body.trim_end();
    let start = body
        .rfind(['\n', '—', '–', '!', '?'])
        .or_else(|| body.rfind(". "))
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    let last = body[start..].trim().trim_start_matches(['-', ' ', '.']);
    let words = last.split_whitespace().count();
    let dash_led = body[..start].ends_with(['—', '–']);
    let name = super::values::is_person_name(last)
        || (dash_led && words == 1 && super::values::surname_like_any_case(last));
    if !name || last.is_empty() {
        return None;
    }
    let at = start + body[start..].find(last)?;
    Some(format!("{}***", &text[..at]))
}

/// A name right before a masked identifier («Игорь Сергеевич Тихонов, [дата рождения]»): the
/// writer telling who they are, masked too.
fn named_beside_identifiers(text: &str) -> Option<String> {
    static BESIDE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let beside = BESIDE.get_or_init(|| {
        regex::Regex::new(
            r"((?:[А-ЯЁA-Z][\w\-]*\.?\s+){1,3}[А-ЯЁA-Z][\w\-]*\.?)\s*,?\s*(\[дата рождения\]|\[адрес\]|\*\*\*)",
        )
        .expect("a valid pattern")
    });
    let mut changed = false;
    let out = beside.replace_all(text, |caps: &regex::Captures| {
        if super::values::is_person_name(caps[1].trim()) {
            changed = true;
            format!("***, {}", &caps[2])
        } else {
            caps[0].to_string()
        }
    });
    changed.then(|| out.into_owned())
}
