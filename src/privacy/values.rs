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
    // This runs for every free-text and segment cell of a million-row export: the cheap
    // byte tests decide most values before any allocation.
    let bytes = value.as_bytes();
    if bytes.contains(&b'@') {
        return is_email(value).then_some(Identifying::Email);
    }
    if bytes.iter().filter(|b| b.is_ascii_digit()).count() >= 6 {
        return is_phone(value).then_some(Identifying::Phone);
    }
    let words = value.split_whitespace().count();
    if !(1..=4).contains(&words) || (words == 1 && !value.contains('.')) {
        return None;
    }
    is_person_name(value).then_some(Identifying::Name)
}

/// `name@host.domain`, nothing else in the value.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty() && local.chars().all(local_char) && is_domain(domain)
}

/// A character of an address before its @ (combining accents belong to the letter before).
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '\'' | '\u{300}'..='\u{36f}')
}

/// A character of an address after its @.
fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '\u{300}'..='\u{36f}')
}

/// `host.tld`: address characters with a dot that has something on both sides.
fn is_domain(domain: &str) -> bool {
    domain.chars().all(domain_char)
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
    // A number with one decimal point is a sum or a share («1320585.375»), never a phone.
    let plain = run.chars().all(|c| c.is_ascii_digit() || c == '.');
    if plain && run.matches('.').count() == 1 {
        return false;
    }
    match digits {
        // Ten plain digits are a phone where a Russian number starts (3xx, 4xx, 8xx, 9xx);
        // written with separators, any ten digits are.
        10 if plain => run.starts_with(['3', '4', '8', '9']),
        10 => true,
        11 => run
            .trim_start_matches(['+', '(', ' '])
            .starts_with(['7', '8']),
        6 | 7 => run.contains('-') && !run.contains('.'),
        _ => false,
    }
}

/// A whole value that is a phone number, with an extension or not («… доб. 123»).
pub fn is_phone(value: &str) -> bool {
    // The mark is looked for at character boundaries of the value itself: a lower-cased copy
    // can have other byte lengths («İ» is two bytes, «i̇» three), and its offsets would cut
    // the value inside a character.
    let marked = value.char_indices().find_map(|(at, _)| {
        let rest = value[at..].chars().take(3).flat_map(char::to_lowercase);
        let rest: String = rest.collect();
        ["доб", "вн", "ext"]
            .iter()
            .any(|mark| rest.starts_with(mark))
            .then_some(at)
    });
    let number = marked.map_or(value, |at| value[..at].trim_end_matches([' ', ',', '.']));
    phone_digits(number.trim())
}

/// Words of departments, positions and tenure that end like surnames («кадров») but are not.
const NOT_NAMES: [&str; 52] = [
    "отдел",
    "отдела",
    "отделы",
    "управление",
    "управления",
    "сектор",
    "сектора",
    "служба",
    "департамент",
    "бухгалтерия",
    "кадров",
    "кадры",
    "специалист",
    "специалисты",
    "руководитель",
    "руководители",
    "главный",
    "ведущий",
    "старший",
    "начальник",
    "заместитель",
    "министерство",
    "министр",
    "комитет",
    "группа",
    "учета",
    "учёта",
    "отчетности",
    "информационных",
    "технологий",
    "обеспечения",
    "обеспечивающий",
    "работы",
    "года",
    "лет",
    "более",
    "менее",
    "от",
    "до",
    "без",
    // Pronouns and question words are never part of a name («Насколько Вы …»).
    "вы",
    "вас",
    "ваш",
    "ваша",
    "я",
    "мы",
    "он",
    "она",
    "они",
    "насколько",
    "как",
    "оцените",
];

/// Surname and patronymic endings, Cyrillic and in Latin transliteration.
const NAME_ENDINGS: [&str; 36] = [
    "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ская",
    "цкая", "вич", "вна", "ична", "ич", "енко", "ко", "ук", "юк", "ov", "ev", "in", "ova", "eva",
    "ina", "sky", "skiy", "skaya", "ich", "vna", "enko", "uk", "yuk",
];

const PATRONYMIC_ENDINGS: [&str; 6] = ["вич", "вна", "ична", "ich", "vna", "ichna"];

/// How a word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Capitalised,
    Upper,
    Lower,
}

/// A word of letters (and hyphens between parts), and how it is written.
fn word_case(token: &str) -> Option<Case> {
    let letters = token.chars().filter(|c| *c != '-').count();
    if letters < 2 || token.starts_with('-') || token.ends_with('-') {
        return None;
    }
    if !token.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let parts: Vec<&str> = token.split('-').collect();
    let is_upper = |p: &str| p.chars().all(char::is_uppercase);
    let is_lower = |p: &str| p.chars().all(char::is_lowercase);
    let is_capitalised = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    if parts.iter().all(|p| is_capitalised(p)) {
        Some(Case::Capitalised)
    } else if parts.iter().all(|p| is_upper(p)) {
        Some(Case::Upper)
    } else if parts.iter().all(|p| is_lower(p)) {
        Some(Case::Lower)
    } else {
        None
    }
}

/// «И.», «A.»: one capital letter and a full stop.
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// «И.И.» is two initials; so is «И.И» without its last full stop (a file name cuts it off:
/// «Иванова М.П.xlsx»).
fn split_initials(token: &str) -> Vec<std::borrow::Cow<'_, str>> {
    // Most words have no full stop: nothing to split, nothing to allocate but the one.
    if !token.contains('.') {
        return vec![std::borrow::Cow::Borrowed(token)];
    }
    let parts: Vec<&str> = token.split('.').collect();
    let letters = parts.iter().filter(|p| !p.is_empty()).count();
    let all_letters = parts
        .iter()
        .filter(|p| !p.is_empty())
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    if letters > 1 && all_letters && parts.len() > 1 {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| std::borrow::Cow::Owned(format!("{p}.")))
            .collect()
    } else {
        vec![std::borrow::Cow::Borrowed(token)]
    }
}

/// «Иванов Иван Иванович», «ИВАНОВ ИВАН ИВАНОВИЧ», «иванов иван иванович», «Иванова А. П.»,
/// «И.И. Петров», «Ivanov Ivan Ivanovich», «Smirnova A.S.», «Анна Смирнова»: two to four words
/// or initials, with an initial, a surname or a patronymic ending; a department («Отдел
/// кадров») or a position («Ведущий специалист») is not a name. Lower-case words count only
/// as a full name with a patronymic.
pub fn is_person_name(value: &str) -> bool {
    let tokens: Vec<std::borrow::Cow<'_, str>> = value
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .flat_map(split_initials)
        .collect();
    if !(2..=4).contains(&tokens.len()) {
        return false;
    }
    let mut initials = 0;
    let mut words: Vec<(String, Case)> = Vec::new();
    for token in &tokens {
        if is_initial(token) {
            initials += 1;
        } else if let Some(case) = word_case(token) {
            words.push((token.to_lowercase(), case));
        } else {
            return false;
        }
    }
    if words.is_empty() || words.iter().any(|(w, _)| NOT_NAMES.contains(&w.as_str())) {
        return false;
    }
    // A short Latin word ends like a name by chance («Rich», «Main»): Latin needs five letters.
    let ends_like = |w: &str, endings: &[&str]| {
        let least = if w.is_ascii() { 4 } else { 3 };
        endings.iter().any(|e| w.ends_with(e)) && w.chars().count() > least
    };
    if words.iter().any(|(_, case)| *case == Case::Lower) {
        return words.iter().all(|(_, case)| *case == Case::Lower)
            && words.len() == 3
            && ends_like(&words[2].0, &PATRONYMIC_ENDINGS);
    }
    initials > 0 || words.iter().any(|(w, _)| ends_like(w, &NAME_ENDINGS))
}

/// Names inside a text («Бухгалтерия (Петров И.И.)», «Отдел кадров, Смирнова А.С.») replaced by
/// `***`: every run of two to four words that is a name on its own.
pub fn mask_names(text: &str) -> Cow<'_, str> {
    // Word cores with their byte spans, punctuation around them left out.
    let mut cores: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for token in text.split(char::is_whitespace) {
        let start = at;
        at += token.len()
            + text[at + token.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let trimmed = token
            .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '«' | '»' | '"'));
        if trimmed.is_empty() {
            continue;
        }
        let offset = token.find(trimmed).unwrap_or(0);
        cores.push((start + offset, start + offset + trimmed.len()));
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cores.len() {
        let found = (2..=4).rev().find(|&size| {
            i + size <= cores.len() && {
                let (start, end) = (cores[i].0, cores[i + size - 1].1);
                let window = &text[start..end];
                // A window must not cross punctuation between its words.
                !window.contains([',', ';', '(', ')']) && is_person_name(window)
            }
        });
        match found {
            Some(size) => {
                spans.push((cores[i].0, cores[i + size - 1].1));
                i += size;
            }
            None => i += 1,
        }
    }
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in spans {
        out.push_str(&text[last..start]);
        out.push_str("***");
        last = end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Identifiers of a person written in free text (survey.md, «identifiers in free text»):
/// a personnel number («табельный 000731», «таб. № 4512», «табельный номер 004512»), an
/// internal phone («вн. 2231», «доб. 2345», «внутр. 12»), a СНИЛС («123-456-789 01») and an
/// ИНН. The word stays, the number goes: «табельный ***».
fn identifier_patterns() -> &'static [(regex::Regex, &'static str)] {
    static PATTERNS: std::sync::OnceLock<Vec<(regex::Regex, &'static str)>> =
        std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        let compile = |pattern: &str| regex::Regex::new(pattern).expect("a valid pattern");
        vec![
            (
                compile(
                    r"(?i)(табельн\w*|таб\.?(\s*(номер|ном\.|№))|таб\.|\bт\.\s?н\.)(\s*(номер|ном\.|№))?\s*[-:#№]?\s*\d+",
                ),
                "табельный ***",
            ),
            (
                compile(r"(?i)\b(доб\w*|вн|внутр\w*|ext)\.?\s*(тел\.?\s*)?\d{2,6}\b"),
                "доб. ***",
            ),
            // «т. 2-34-56», «тел. 25 34 11»: a phone the phone pattern's digits would not make.
            (
                compile(r"(?i)\b(т|тел)\.\s*\d[\d\- ]{3,}\d"),
                "тел. ***",
            ),
            (compile(r"\b\d{3}[- ]?\d{3}[- ]?\d{3}[- ]\d{2}\b"), "***"),
            (compile(r"(?i)\bИНН\s*:?\s*\d{10,12}\b"), "ИНН ***"),
            (
                compile(r"(?i)\b(паспорт\w*)\s*:?\s*(серия\s*)?\d[\d\s№]{5,}\d"),
                "$1 ***",
            ),
        ]
    })
}

/// Addresses written so that no program reads them («ivanova (at) mail.ru», «ivanova собака
/// mail точка ru») and logins: `***@…`, `логин ***`.
fn spelled_address_patterns() -> &'static [(regex::Regex, &'static str)] {
    static PATTERNS: std::sync::OnceLock<Vec<(regex::Regex, &'static str)>> =
        std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        let compile = |pattern: &str| regex::Regex::new(pattern).expect("a valid pattern");
        vec![
            (
                compile(
                    r"(?i)\b[\w.\-]+\s*(\(at\)|\[at\]|\bat\b|собака)\s*[\w\-]+(\s*(\.|\(dot\)|\[dot\]|\bdot\b|точка)\s*[\w\-]+)+",
                ),
                "***@…",
            ),
            (compile(r"(?i)\b(логин|login)\s*:?\s*[\w.\-]+"), "логин ***"),
        ]
    })
}

/// Identifiers in free text masked ([`identifier_patterns`]).
pub fn mask_identifiers(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    for (pattern, replacement) in spelled_address_patterns() {
        if pattern.is_match(&out) {
            out = Cow::Owned(pattern.replace_all(&out, *replacement).into_owned());
        }
    }
    if !out.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    for (pattern, replacement) in identifier_patterns() {
        if pattern.is_match(&out) {
            out = Cow::Owned(pattern.replace_all(&out, *replacement).into_owned());
        }
    }
    out
}

/// A free-text answer with e-mail addresses, phone numbers and identifiers masked: `a***@…`,
/// `+7 ***`, `табельный ***`.
pub fn mask_contacts(text: &str) -> Cow<'_, str> {
    match mask_identifiers(text) {
        Cow::Borrowed(text) => mask_contacts_only(text),
        Cow::Owned(text) => Cow::Owned(mask_contacts_only(&text).into_owned()),
    }
}

fn mask_contacts_only(text: &str) -> Cow<'_, str> {
    let has_at = text.contains('@');
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !has_at && digits < 6 {
        return Cow::Borrowed(text);
    }
    // E-mail addresses: around every @, the longest run of address characters on each side,
    // whatever surrounds it («пишите:anna@mail.ru», «(anna@mail.ru)», «@anna@mail.ru»).
    // Combining accents belong to the letter before them.
    let local_char =
        |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '\u{300}'..='\u{36f}');
    let domain_char =
        |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '\u{300}'..='\u{36f}');
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (at, _) in text.match_indices('@') {
        if at < done {
            continue;
        }
        let local_start = text[done..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !local_char(*c))
            .map_or(done, |(i, c)| done + i + c.len_utf8());
        let after = &text[at + 1..];
        let domain_len = after.find(|c: char| !domain_char(c)).unwrap_or(after.len());
        let domain = after[..domain_len].trim_end_matches(['.', '-']);
        let local = &text[local_start..at];
        let is_address = !local.is_empty() && is_domain(domain);
        if !is_address {
            continue;
        }
        out.push_str(&text[done..local_start]);
        out.push(local.chars().next().unwrap_or('*'));
        out.push_str("***@…");
        done = at + 1 + domain.len();
    }
    out.push_str(&text[done..]);
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
        if phone_digits(number) {
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
    mask_extensions(&out)
}

/// «+7 *** доб. 123»: the extension of a masked number is part of it.
fn mask_extensions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("+7 ***") {
        let (before, after) = rest.split_at(at + "+7 ***".len());
        out.push_str(before);
        let tail = after.trim_start_matches([' ', ',']);
        // Compared character by character on the text itself, so the length is the text's.
        let mark = ["доб.", "доб", "вн.", "ext."].iter().find_map(|m| {
            let head: String = tail.chars().take(m.chars().count()).collect();
            (head.to_lowercase() == *m).then_some(head.len())
        });
        rest = match mark {
            Some(len) => {
                let digits = tail[len..].trim_start();
                let number = digits.len()
                    - digits
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                if number > 0 {
                    out.push_str(" доб. ***");
                    &digits[number..]
                } else {
                    after
                }
            }
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// Words after which a text introduces its writer by name: «Я, Иванова, …», «меня зовут …».
const SELF_INTRODUCTIONS: [&str; 8] = [
    "я ",
    "я,",
    "я —",
    "я -",
    "меня зовут",
    "моя фамилия",
    "с уважением,",
    "с уважением",
];

/// A respondent's own name where the text introduces it, masked: the name after «Я,», «меня
/// зовут», «моя фамилия», «с уважением» (up to three words that make a name).
pub fn mask_self_introduction(text: &str) -> Cow<'_, str> {
    // A quick test first: a pain map of a million answers must not lowercase each of them.
    static MARKERS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        regex::Regex::new(
            r"(?i)я\s*[,—-]|меня\s+зовут|моя\s+фамилия|с\s+уважением|(^|[\s,.;:(])я\s+[А-ЯЁ]",
        )
        .expect("a valid pattern")
    });
    if !markers.is_match(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let lower_rest = rest.to_lowercase();
        // The earliest introduction in what is left (byte offsets agree: lowercasing Russian
        // and Latin letters keeps their lengths).
        let found = SELF_INTRODUCTIONS
            .iter()
            .filter_map(|m| lower_rest.find(m).map(|at| (at, m.len())))
            .filter(|(at, _)| rest.is_char_boundary(*at))
            // A marker begins a word: «я » inside «заявления » is none.
            .filter(|(at, _)| {
                !rest[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            })
            // The longest marker where several begin («с уважением,» over «с уважением»).
            .min_by_key(|(at, len)| (*at, std::cmp::Reverse(*len)));
        let Some((at, len)) = found else { break };
        let after = at + len;
        if !rest.is_char_boundary(after) {
            break;
        }
        out.push_str(&rest[..after]);
        let tail = &rest[after..];
        let leading = tail.len() - tail.trim_start().len();
        let body = &tail[leading..];
        // The longest run of up to three words right after it that is a name.
        let mut ends: Vec<usize> = Vec::new();
        let mut offset = 0;
        for word in body.split_inclusive(char::is_whitespace).take(3) {
            offset += word.len();
            ends.push(offset);
        }
        let mut masked = 0;
        for (size, end) in ends.iter().enumerate().rev() {
            let candidate = body[..*end]
                .trim_end()
                .trim_end_matches([',', '.', ';', ':']);
            if !candidate.is_empty()
                && (is_person_name(candidate) || (size == 0 && looks_like_surname(candidate)))
            {
                masked = candidate.len();
                // Initials end with their full stop («М.П.»), cut off with the punctuation.
                let ends_initial = candidate.chars().rev().nth(1).is_some_and(|c| c == '.');
                if ends_initial && body[masked..].starts_with('.') {
                    masked += 1;
                }
                break;
            }
        }
        if masked > 0 {
            out.push_str(&tail[..leading]);
            out.push_str("***");
            // Initials after the surname («Иванова М.П.») go with it.
            rest = strip_initials(&body[masked..]);
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// What follows a masked surname without its initials (« М.П.», « А. А.»).
fn strip_initials(text: &str) -> &str {
    static INITIALS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let initials = INITIALS.get_or_init(|| {
        regex::Regex::new(r"^\s*[А-ЯЁA-Z]\.\s*([А-ЯЁA-Z]\.)?").expect("a valid pattern")
    });
    match initials.find(text) {
        Some(found) => &text[found.end()..],
        None => text,
    }
}

/// One capitalised word with a surname's ending («Иванова», «Петров»).
fn looks_like_surname(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_alphabetic)
        && NAME_ENDINGS
            .iter()
            .any(|ending| word.to_lowercase().ends_with(ending))
}

/// A free text (a problem, a proposal) as it may be quoted in the pain map, the report and the
/// proposals (survey.md): contacts and identifiers masked, and the writer's own name where the
/// text introduces it. Names of staff a text complains about stay: the pain map needs them.
pub fn free_text_by_spelling(text: &str) -> Cow<'_, str> {
    match mask_contacts(text) {
        Cow::Borrowed(text) => mask_self_introduction(text),
        Cow::Owned(text) => Cow::Owned(mask_self_introduction(&text).into_owned()),
    }
}

/// A lower-case or capitalised word with a surname's ending that is no ordinary word of a
/// department or position («кузнецова», «Kuznetsova»).
pub(super) fn surname_like_any_case(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() >= 4
        && word.chars().all(char::is_alphabetic)
        && !NOT_NAMES.contains(&lower.as_str())
        && NAME_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// A value from the export as it may be printed: a whole value that identifies a person is
/// replaced, contacts inside text are masked.
pub fn shown_by_spelling(value: &str) -> Cow<'_, str> {
    match identifying(value) {
        Some(_) => Cow::Borrowed("(скрыто: персональные данные)"),
        None => match mask_contacts(value) {
            Cow::Borrowed(text) => mask_names(text),
            Cow::Owned(text) => Cow::Owned(mask_names(&text).into_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_introduction_goes_and_staff_complained_about_stay() {
        assert_eq!(
            free_text_by_spelling("Я, Иванова, не получила ответ"),
            "Я, ***, не получила ответ"
        );
        assert_eq!(
            free_text_by_spelling("Меня зовут Анна Смирнова, прошу перезвонить"),
            "Меня зовут ***, прошу перезвонить"
        );
        assert_eq!(
            free_text_by_spelling("Петров И.И. из бухгалтерии грубит"),
            "Петров И.И. из бухгалтерии грубит"
        );
        assert_eq!(
            free_text_by_spelling("я, как всегда, жду"),
            "я, как всегда, жду"
        );
        assert_eq!(
            free_text_by_spelling("я Смирнова, жду ответа"),
            "я ***, жду ответа"
        );
        assert_eq!(
            free_text_by_spelling("Я, Иванова М.П., прошу"),
            "Я, ***, прошу"
        );
        assert_eq!(
            free_text_by_spelling("С уважением, Сидорова А.А."),
            "С уважением, ***"
        );
        // «я » inside a word is no introduction: a staff member's name stays.
        assert_eq!(
            free_text_by_spelling("нет ответа на заявления Петрова"),
            "нет ответа на заявления Петрова"
        );
    }

    #[test]
    fn identifiers_in_free_text_are_masked() {
        for (text, shown_as) in [
            (
                "мой табельный 000731, вн. 2231",
                "мой табельный ***, доб. ***",
            ),
            ("табельный номер 004512", "табельный ***"),
            ("Таб. № 4512 не учтён", "табельный *** не учтён"),
            ("звоните, доб. 2345", "звоните, доб. ***"),
            ("т.н. 007788 не пришёл", "табельный *** не пришёл"),
            ("Таб.номер-009911", "табельный ***"),
            ("добавочный 2346", "доб. ***"),
            ("звоните т. 2-34-56", "звоните тел. ***"),
            ("ivanova (at) mail.ru", "***@…"),
            ("пишите ivanova собака mail точка ru", "пишите ***@…"),
            ("мой логин ivanova_mp", "мой логин ***"),
            ("СНИЛС 123-456-789 01", "СНИЛС ***"),
            ("ИНН 123456789012", "ИНН ***"),
        ] {
            assert_eq!(mask_contacts(text), shown_as, "{text}");
        }
        // Numbers that identify nobody stay.
        for text in [
            "приказ № 76 от 24.09.2024",
            "в 2025 году 3 раза",
            "кабинет 305",
        ] {
            assert_eq!(mask_contacts(text), text);
        }
    }

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
            ("ИВАНОВ ИВАН ИВАНОВИЧ", Identifying::Name),
            ("иванов иван иванович", Identifying::Name),
            ("И.И. Петров", Identifying::Name),
            ("Ivanov Ivan Ivanovich", Identifying::Name),
            ("Smirnova A.S.", Identifying::Name),
            ("+7 912 345-67-01 доб. 123", Identifying::Phone),
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
            "ОТДЕЛ КАДРОВ",
            "Отдел Кадров",
            "отдел кадров",
            "Главный специалист-эксперт",
            "Менее 1 года",
            "Иванов",
        ] {
            assert_eq!(identifying(value), None, "{value}");
        }
    }

    #[test]
    fn letters_that_grow_when_lower_cased_never_cut_a_value() {
        // «İ» lower-cases to three bytes: offsets in a lower-cased copy cut «о» in two.
        assert_eq!(identifying("İİİ доб 123456"), None);
        assert!(is_phone("+7 912 345-67-01 ДОБ. 123"));
        assert!(!is_phone("İİ вн 12345678"));
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
            shown_by_spelling("Иванов Иван Иванович"),
            "(скрыто: персональные данные)"
        );
        assert_eq!(shown_by_spelling("Отдел кадров"), "Отдел кадров");
        assert_eq!(
            shown_by_spelling("Бухгалтерия (Петров И.И.)"),
            "Бухгалтерия (***)"
        );
        assert_eq!(
            shown_by_spelling("Отдел кадров, Смирнова А.С."),
            "Отдел кадров, ***"
        );
        assert_eq!(
            shown_by_spelling("Иванов И.И., тел. 23-45-67"),
            "***, тел. ***"
        );
        assert_eq!(
            mask_contacts("Звоните мне +7 912 345-67-01 доб. 123, тел 23-45-67"),
            "Звоните мне +7 *** доб. ***, тел +7 ***"
        );
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            /// Any text a respondent can type goes through the masks without a panic, and no
            /// whole e-mail address survives them.
            #[test]
            fn masks_take_any_text(text in "[ a-zA-Zа-яА-ЯёЁİıß@.+()\\-0-9,;доб\u{85}\u{301}]{0,60}") {
                let _ = identifying(&text);
                let shown_text = shown_by_spelling(&text).into_owned();
                let masked = mask_contacts(&text).into_owned();
                for word in masked.split_whitespace() {
                    prop_assert!(!is_email(word.trim_matches(|c: char| !c.is_alphanumeric())));
                }
                prop_assert!(!shown_text.is_empty() || text.trim().is_empty() || text.is_empty());
            }
        }
    }

    #[test]
    fn a_column_of_numbers_or_english_words_is_not_personal_by_itself() {
        for number in ["1320585.375", "1140362.5", "2005", "5000000000"] {
            assert!(!is_phone(number), "{number}");
        }
        for phone in [
            "9131234567",
            "3812234567",
            "8 913 123-45-67",
            "+7 (913) 123-45-67",
        ] {
            assert!(is_phone(phone), "{phone}");
        }
        assert!(!is_person_name("Rich Text"));
        assert!(!is_person_name("Rich Text Test"));
        assert!(is_person_name("Radoslav Georgiev"));
        assert!(is_person_name("Ivanov Ivan Ivanovich"));
    }
}
