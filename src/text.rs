//! Text helpers shared by every check: normalisation for comparing what people typed,
//! "did you mean" suggestions, and Russian plural forms for totals.

/// The text with its first letter in upper case («руководитель» → «Руководитель»).
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Normalises text for comparison: lower case, `ё` → `е`, punctuation removed, runs of
/// white space folded to one space, trimmed. Two touchpoints are "the same" when their
/// normalised points are equal (Lipetsk 2.7).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        // A combining accent («е» + U+0308 looks like «ё», U+0301 marks stress) belongs to its
        // letter: dropped, as `ё` becomes `е`, never a word break.
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            continue;
        }
        // A soft hyphen and zero-width characters are invisible: nothing, never a word break.
        if matches!(
            ch,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
        ) {
            continue;
        }
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            push_lowercase(&mut out, ch);
        } else {
            // Punctuation and spaces both separate words; neither is kept.
            pending_space = true;
        }
    }
    out
}

/// Pushes the lower case of a letter, `ё` as `е`; Russian and ASCII letters without the
/// general Unicode tables, since this runs for every point of a large registry.
fn push_lowercase(out: &mut String, ch: char) {
    match ch {
        'A'..='Z' => out.push(ch.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' | 'а'..='е' | 'ж'..='я' => out.push(ch),
        'А'..='Я' => out.push(char::from_u32(ch as u32 + 32).unwrap_or(ch)),
        'ё' | 'Ё' => out.push('е'),
        _ => {
            for lower in ch.to_lowercase() {
                out.push(if lower == 'ё' { 'е' } else { lower });
            }
        }
    }
}

/// Normalises an answer option or a short value: case, `ё`, surrounding and repeated spaces
/// and a final full stop are ignored, other punctuation is kept.
pub fn normalize_option(text: &str) -> String {
    // A combining accent (е + U+0308 from macOS or PDF text, a stress mark) belongs to its
    // letter: dropped, as «ё» becomes «е».
    let lowered: String = text
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    let folded = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.trim_end_matches('.').trim_end().to_string()
}

/// The candidate closest to `input` (by normalised Jaro-Winkler similarity), if it is close
/// enough to be a plausible typo.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = normalize(input);
    let mut best: Option<(&'a str, f64)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&wanted, &normalize(candidate));
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.filter(|(_, score)| *score >= 0.75).map(|(c, _)| c)
}

/// An input/output failure in Russian, naming the file and what to do: the operating system's
/// own text (`No such file or directory (os error 2)`) is English and says nothing to the user.
/// `what` is the accusative of what was being read: «выгрузку», «перечень», «описание анкеты».
pub fn io_problem(file: &str, what: &str, error: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("{file}: не удалось прочитать {what}: {}", io_reason(error))
}

/// Why an input/output operation failed, in Russian, with what to do. The one place the
/// operating system's English (`No such file or directory (os error 2)`) is turned into words.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let reason = match error.kind() {
        ErrorKind::NotFound => "такого файла или папки нет (проверьте имя и путь)",
        ErrorKind::PermissionDenied => "нет прав доступа (проверьте права на файл и папку)",
        ErrorKind::IsADirectory => "это папка, а не файл; укажите файл",
        ErrorKind::NotADirectory => "часть пути — файл, а не папка",
        ErrorKind::AlreadyExists => "файл уже существует; укажите другое имя",
        ErrorKind::StorageFull => "на диске нет места; освободите место",
        ErrorKind::ReadOnlyFilesystem => "диск доступен только для чтения; укажите другую папку",
        ErrorKind::InvalidFilename => "недопустимое имя файла",
        ErrorKind::InvalidData => "данные не читаются как текст; пересохраните файл в UTF-8",
        _ if error.raw_os_error() == Some(21) => "это папка, а не файл; укажите файл",
        // Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION — the file is open in Excel or
        // Word, which lock it (on Linux these codes mean other things).
        #[cfg(windows)]
        _ if matches!(error.raw_os_error(), Some(32 | 33)) => {
            "файл открыт в другой программе (Excel, Word); закройте его там и запустите снова"
        }
        _ => {
            return match error.raw_os_error() {
                Some(code) => format!(
                    "системная ошибка ввода-вывода (код {code}); проверьте, что файл не повреждён и доступен"
                ),
                None => {
                    "ошибка ввода-вывода; проверьте, что файл не повреждён и доступен".to_string()
                }
            };
        }
    };
    reason.to_string()
}

/// `«a», «b»`: headers named in a message.
pub fn quoted_list(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| format!("«{h}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A word mixing Cyrillic and Latin letters («цифрoвая» with a Latin «o») looks right and
/// matches nothing: the hint names the Latin letters, or None when there are none.
pub fn mixed_script_hint(text: &str) -> Option<String> {
    let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().any(cyrillic) && word.chars().any(|c| c.is_ascii_alphabetic()) {
            let latin: Vec<String> = word
                .chars()
                .filter(char::is_ascii_alphabetic)
                .map(|c| format!("«{c}»"))
                .collect();
            return Some(format!(
                "в слове «{word}» латинские буквы {} среди русских — наберите их русскими",
                latin.join(", ")
            ));
        }
    }
    None
}

/// A text as a terminal may print it: control characters (an escape sequence that would
/// recolour or clear the screen, a bell) shown as `�`; line breaks and tabs kept.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// The most characters an Excel cell holds.
pub const EXCEL_CELL_LIMIT: usize = 32_767;

/// A text cut to what an Excel cell holds, with a mark that says so; None when it fits.
pub fn cut_for_excel(text: &str) -> Option<String> {
    const MARK: &str =
        " … [обрезано: в ячейке Excel не больше 32 767 знаков; полный текст — в CSV или JSON]";
    if text.chars().count() <= EXCEL_CELL_LIMIT {
        return None;
    }
    let keep = EXCEL_CELL_LIMIT - MARK.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(MARK);
    Some(cut)
}

/// The months in the genitive, as dates are written in words («24 сентября 2024 г.»).
pub const GENITIVE_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The number (1–12) of a month written in the genitive, any case.
pub fn month_of_genitive(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    GENITIVE_MONTHS
        .iter()
        .position(|m| *m == word)
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod combining_tests {
    #[test]
    fn a_combining_diaeresis_is_the_same_letter() {
        assert_eq!(
            super::normalize("Личный прие\u{308}м"),
            super::normalize("Личный приём")
        );
        assert_eq!(super::normalize("Личный прие\u{301}м"), "личный прием");
    }
}

/// The heads a body's name begins with, in the nominative and the genitive, longest first
/// («Главное управление …» before «Управление …»): a title names the body whose registry it is
/// in the genitive («Перечень … Министерства финансов …»), a caption names the order's issuer
/// the same way, and the one table turns either way.
const BODY_HEADS: [(&str, &str); 22] = [
    ("главное управление", "главного управления"),
    ("государственная инспекция", "государственной инспекции"),
    ("государственный комитет", "государственного комитета"),
    ("региональная служба", "региональной службы"),
    ("региональное агентство", "регионального агентства"),
    ("региональный комитет", "регионального комитета"),
    ("областной комитет", "областного комитета"),
    ("контрольно-счетная палата", "контрольно-счетной палаты"),
    ("контрольно-счётная палата", "контрольно-счётной палаты"),
    ("министерство", "министерства"),
    ("департамент", "департамента"),
    ("комитет", "комитета"),
    ("управление", "управления"),
    ("агентство", "агентства"),
    ("администрация", "администрации"),
    ("служба", "службы"),
    ("инспекция", "инспекции"),
    ("аппарат", "аппарата"),
    ("представительство", "представительства"),
    ("правительство", "правительства"),
    ("дирекция", "дирекции"),
    ("палата", "палаты"),
];

/// `name` with its head turned (nominative → genitive or back), the rest as typed; a genitive
/// keeps its head's first letter as typed, a nominative (a name on its own) is capitalised;
/// None when no known head opens it.
fn turn_body_head(name: &str, from_genitive: bool) -> Option<String> {
    let name = name.trim();
    let lower = name.to_lowercase();
    let (from, to) = BODY_HEADS
        .iter()
        .map(|(n, g)| if from_genitive { (*g, *n) } else { (*n, *g) })
        .filter(|(from, _)| {
            lower
                .strip_prefix(from)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        })
        .max_by_key(|(from, _)| from.len())?;
    let tail: String = name.chars().skip(from.chars().count()).collect();
    let tail = tail.trim();
    if tail.is_empty() {
        return None;
    }
    let head = if from_genitive || name.starts_with(char::is_uppercase) {
        capitalize(to)
    } else {
        to.to_string()
    };
    Some(format!("{head} {tail}"))
}

/// A body's name in the genitive, for «Перечень … Министерства финансов Смоленской области»:
/// its head turned, the rest (already a genitive's complement) as it is; None for a name whose
/// head is unknown («ОГКУ «Центр …»», «Минфин») — a caller then writes it apart, never guesses.
pub fn body_genitive(name: &str) -> Option<String> {
    turn_body_head(name, false)
}

/// A body's name in the nominative from its genitive («… приказу Министерства финансов …»).
pub fn body_nominative(genitive: &str) -> Option<String> {
    turn_body_head(genitive, true)
}

#[cfg(test)]
mod body_name_tests {
    use super::{body_genitive, body_nominative};

    #[test]
    fn heads_turn_both_ways_and_the_rest_stays() {
        for (nominative, genitive) in [
            (
                "Министерство финансов Смоленской области",
                "Министерства финансов Смоленской области",
            ),
            (
                "Управление делами Губернатора",
                "Управления делами Губернатора",
            ),
            (
                "Главное управление МЧС России по Омской области",
                "Главного управления МЧС России по Омской области",
            ),
            (
                "Государственная инспекция по надзору",
                "Государственной инспекции по надзору",
            ),
            (
                "Администрация Главы Республики",
                "Администрации Главы Республики",
            ),
        ] {
            assert_eq!(body_genitive(nominative).as_deref(), Some(genitive));
            assert_eq!(body_nominative(genitive).as_deref(), Some(nominative));
        }
    }

    #[test]
    fn an_unknown_head_is_not_guessed() {
        assert_eq!(body_genitive("ОГКУ «Центр бухгалтерского учета»"), None);
        assert_eq!(body_genitive("Минфин"), None);
        assert_eq!(body_genitive("Министерство"), None);
        assert_eq!(body_genitive("Министерствофинансов"), None);
    }
}

/// An ISO date (`2025-05-14`) as people read it (`14.05.2025`); any other text as it is.
pub fn russian_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_string(), |d| d.format("%d.%m.%Y").to_string())
}

/// A change in percentage points as Russian typography writes it: `+5,3`, `−29,3` (a minus
/// sign, not a hyphen; a decimal comma).
pub fn signed_pp(value: f64) -> String {
    format!("{value:+.1}")
        .replace('.', ",")
        .replacen('-', "\u{2212}", 1)
}

/// Picks the Russian plural form for a count: `plural(3, "ошибка", "ошибки", "ошибок")`.
pub fn plural<'a>(count: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let tens = count % 100;
    let units = count % 10;
    if (11..=14).contains(&tens) {
        many
    } else if units == 1 {
        one
    } else if (2..=4).contains(&units) {
        few
    } else {
        many
    }
}

/// Makes a text safe for a spreadsheet cell: a value that starts with `=`, `+`, `-`, `@`
/// (or a tab or carriage return) gets a leading apostrophe so that it is never run as a formula.
pub fn spreadsheet_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_letter_inside_a_russian_word_is_named() {
        let hint = mixed_script_hint("цифрoвая").unwrap();
        assert!(
            hint.contains("«o»") && hint.contains("«цифрoвая»"),
            "{hint}"
        );
        assert!(mixed_script_hint("цифровая").is_none());
        assert!(mixed_script_hint("СЭД Directum").is_none());
    }

    #[test]
    fn control_characters_are_not_printed_and_long_cells_are_cut_with_a_mark() {
        assert_eq!(printable("a\u{1b}[2Jb\nc"), "a\u{fffd}[2Jb\nc");
        assert_eq!(printable("обычный текст"), "обычный текст");
        let long = "я".repeat(40_000);
        let cut = cut_for_excel(&long).unwrap();
        assert_eq!(cut.chars().count(), EXCEL_CELL_LIMIT);
        assert!(cut.ends_with("полный текст — в CSV или JSON]"));
        assert!(cut_for_excel("коротко").is_none());
    }

    #[test]
    fn normalize_ignores_case_yo_spaces_and_punctuation() {
        assert_eq!(normalize("  Телефонная   связь. "), "телефонная связь");
        assert_eq!(normalize("ЛИЧНЫЙ приём"), "личный прием");
        assert_eq!(normalize("СЭД «Дело-WEB»"), "сэд дело web");
        assert_eq!(
            normalize("Телефонная связь,кабинеты"),
            "телефонная связь кабинеты"
        );
    }

    #[test]
    fn normalize_option_keeps_inner_punctuation() {
        assert_eq!(
            normalize_option(" Полностью  удовлетворён. "),
            "полностью удовлетворен"
        );
        assert_eq!(normalize_option("1-3 лет"), "1-3 лет");
    }

    #[test]
    fn closest_finds_typos_and_rejects_noise() {
        let keys = ["point", "channel", "needs", "interaction"];
        assert_eq!(closest("pont", keys), Some("point"));
        assert_eq!(closest("chanel", keys), Some("channel"));
        assert_eq!(closest("zzzzzzzz", keys), None);
    }

    #[test]
    fn plural_follows_russian_grammar() {
        let forms = |n| plural(n, "ошибка", "ошибки", "ошибок");
        assert_eq!(forms(1), "ошибка");
        assert_eq!(forms(2), "ошибки");
        assert_eq!(forms(5), "ошибок");
        assert_eq!(forms(11), "ошибок");
        assert_eq!(forms(21), "ошибка");
        assert_eq!(forms(112), "ошибок");
    }

    #[test]
    fn spreadsheet_safe_escapes_formulas() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("@cmd"), "'@cmd");
        assert_eq!(spreadsheet_safe("Обычный текст"), "Обычный текст");
    }
}
