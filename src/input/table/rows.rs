//! Rows that are a table's but not its records, told the same way for every domain (import.md,
//! «Every row and column accounted for»): a totals line, a signature or «Исполнитель» line, an
//! approval list typed under the table, a note, the row of column numbers; and the cells that
//! hold a spreadsheet's error value instead of a text. The registry, the journal and the survey
//! all ask here, so a totals row means the same to `import`, `requests` and `survey`.

use super::ledger::Fate;
use crate::text::normalize;

/// The error values spreadsheets show in a cell whose formula failed, in Excel's and
/// LibreOffice's English and Russian spellings.
const ERROR_VALUES: [&str; 24] = [
    "#n/a",
    "#н/д",
    "#value!",
    "#знач!",
    "#ref!",
    "#ссылка!",
    "#ссыл!",
    "#div/0!",
    "#дел/0!",
    "#name?",
    "#имя?",
    "#num!",
    "#число!",
    "#null!",
    "#пусто!",
    "#spill!",
    "#перенос!",
    "#calc!",
    "#getting_data",
    "#field!",
    "#blocked!",
    "#unknown!",
    "err:502",
    "err:504",
];

/// Whether a cell holds a spreadsheet's error value (`#N/A`, `#Н/Д`, `#ЗНАЧ!`, LibreOffice's
/// `Err:502`): a finding, never a name.
pub fn is_error_value(text: &str) -> bool {
    let text = text.trim();
    if !(text.starts_with('#') || text.starts_with("Err:") || text.starts_with("err:")) {
        return false;
    }
    let lower = text.to_lowercase();
    ERROR_VALUES.contains(&lower.as_str())
}

/// The texts of a row's filled cells, each once (a text merged across shows in one cell).
fn distinct<'a>(cells: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for cell in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !out.contains(&cell) {
            out.push(cell);
        }
    }
    out
}

/// Whether a text is a bare count: «4», «30», «12,5».
fn is_count(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '%'))
}

/// The row of column numbers printed forms have under the header: `1 2 3 …`.
pub fn is_column_numbers(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    filled.len() >= 2
        && filled.iter().enumerate().all(|(i, t)| {
            t.trim_end_matches('.')
                .parse::<usize>()
                .is_ok_and(|n| n == i + 1)
        })
}

/// Words a totals line begins with.
const TOTALS: [&str; 5] = ["итого", "всего", "итог", "общий итог", "итого по"];

/// Words a signature line's post begins with (the signature block under a table).
const POSTS: [&str; 16] = [
    "начальник",
    "руководитель",
    "директор",
    "министр",
    "заместитель",
    "первый заместитель",
    "исполняющий обязанности",
    "и о",
    "врио",
    "главный бухгалтер",
    "председатель",
    "консультант",
    "главный специалист",
    "ведущий специалист",
    "специалист",
    "секретарь",
];

/// Words that begin a note under a table.
const NOTES: [&str; 6] = [
    "примечание",
    "примечания",
    "справочно",
    "сноска",
    "пояснение",
    "пояснения",
];

/// Whether a text holds a person's initials with a surname («И.И. Иванова», «Петрова А.А.»).
fn has_initials(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    // «И.И.» or «И. И.»: a capital, a dot, optional space, a capital, a dot.
    chars
        .windows(4)
        .any(|w| w[0].is_uppercase() && w[1] == '.' && w[2].is_uppercase() && w[3] == '.')
        || chars.windows(5).any(|w| {
            w[0].is_uppercase() && w[1] == '.' && w[2] == ' ' && w[3].is_uppercase() && w[4] == '.'
        })
}

/// Whether a text is a date as tables write it: «20.09.2024», «2024-09-20».
fn is_date_like(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split(['.', '-', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

/// Whether a text is only a phone number: digits with spaces, brackets, hyphens and a plus, at
/// least five digits, after «тел.», «т.», «моб.» if any.
fn is_phone(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let rest = ["тел.:", "тел.", "тел:", "тел", "т.", "моб.", "моб"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower)
        .trim();
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-' | '+' | '\u{a0}'))
}

/// Whether a text names a person: a surname with initials («Петрова А.А.», «И.И. Иванова»), or
/// a surname, name and patronymic («Иванова Ирина Ивановна»), all capitalised.
fn is_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !capitalised {
        return false;
    }
    if has_initials(text) {
        return true;
    }
    const PATRONYMIC: [&str; 6] = ["вич", "вна", "ична", "инична", "ьич", "ич"];
    words.len() >= 3
        && words.iter().any(|w| {
            let w = w.to_lowercase();
            PATRONYMIC.iter().any(|p| w.ends_with(p))
        })
}

/// Whether a cell holds only people and phones, with the words an executor line uses
/// («Исп.», «Исполнитель:», «тел.»), separated by commas.
fn personal(text: &str) -> bool {
    let lower = text.trim();
    let rest = ["Исполнитель:", "Исполнитель", "Исп.:", "Исп.", "Исп"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(lower);
    let parts: Vec<&str> = rest
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| is_phone(p) || is_person(p))
}

/// Whether a normalised text begins with one of `words` as whole words.
fn begins_with(normalized: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        normalized == *w
            || normalized
                .strip_prefix(w)
                .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// The headings an approval list has when it is typed as a table under the registry.
const APPROVAL_HEADINGS: [&str; 7] = [
    "должность",
    "фамилия",
    "фио",
    "подпись",
    "дата",
    "инициалы",
    "фамилия инициалы",
];

/// Whether a row whose first filled cell is this text may be one of the rows [`tail_row`]
/// tells (a cheap look before the whole row is decoded).
pub fn opens_tail(first: &str) -> bool {
    let head = normalize(first);
    personal(first)
        || first.starts_with('*')
        || first.contains("___")
        || begins_with(&head, &TOTALS)
        || begins_with(&head, &POSTS)
        || begins_with(&head, &NOTES)
        || begins_with(&head, &APPROVAL_HEADINGS)
        || begins_with(
            &head,
            &[
                "лист согласования",
                "согласовано",
                "визы",
                "исполнитель",
                "исп",
                "подготовил",
                "подготовила",
            ],
        )
}

/// What a row that is not a record is, when it is one of the rows every table may end with:
/// totals, a signature or executor line, the start of an approval list, a note. `text_columns`
/// says which of the row's cells the domain expects text in (a count there is a total: a
/// totals row «4» under the point's column is never a point).
pub fn tail_row(cells: &[&str], text_columns: &[bool]) -> Option<Fate> {
    let texts = distinct(cells);
    let first = *texts.first()?;
    let head = normalize(first);
    if begins_with(&head, &TOTALS) {
        return Some(Fate::Totals);
    }
    let few = texts.len() <= 3;
    if few && begins_with(&head, &["лист согласования", "согласовано", "визы"])
    {
        return Some(Fate::ApprovalList);
    }
    let approval_headings = texts
        .iter()
        .filter(|t| APPROVAL_HEADINGS.contains(&normalize(t).as_str()))
        .count();
    if approval_headings >= 3 && approval_headings * 2 >= texts.len() {
        return Some(Fate::ApprovalList);
    }
    if few
        && (begins_with(&head, &["исполнитель", "исп", "подготовил", "подготовила"]))
        && (first.contains(':') || has_initials(first) || texts.len() > 1 || personal(first))
    {
        return Some(Fate::Signature);
    }
    // Only people and phones: an executor's line without its word («Петрова А.А., 8 (4812)
    // 29-10-11»), a name merged across the table, a name in one cell and a phone in another.
    if texts.len() <= 3 && texts.iter().all(|t| personal(t)) {
        return Some(Fate::Signature);
    }
    let underscores = texts.iter().any(|t| t.contains("___"));
    let post = begins_with(&head, &POSTS);
    let initials = texts.iter().any(|t| has_initials(t));
    // A row of an approval list typed as a table: a post, a person, a date or «согласовано».
    let dated = texts
        .iter()
        .any(|t| is_date_like(t) || normalize(t).starts_with("согласован"));
    if post && initials && dated && texts.len() <= 5 {
        return Some(Fate::ApprovalList);
    }
    if few && (underscores && (post || initials) || post && initials) {
        return Some(Fate::Signature);
    }
    if few && begins_with(&head, &NOTES) {
        return Some(Fate::Note);
    }
    if first.starts_with('*') && texts.len() == 1 {
        return Some(Fate::Note);
    }
    // Only counts, one at least under a column of texts: a totals row without its word.
    let all_counts = texts.iter().all(|t| is_count(t));
    let under_text = cells
        .iter()
        .zip(text_columns)
        .any(|(cell, text)| *text && is_count(cell));
    if all_counts && under_text {
        return Some(Fate::Totals);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_signatures_approval_lists_and_notes_are_told() {
        let none = [false; 6];
        let tail = |cells: &[&str]| tail_row(cells, &none);
        assert_eq!(
            tail(&["Итого: 4 точки взаимодействия", "", ""]),
            Some(Fate::Totals)
        );
        assert_eq!(tail(&["", "ВСЕГО", "12"]), Some(Fate::Totals));
        assert_eq!(
            tail(&[
                "Начальник отдела бухгалтерского учета",
                "",
                "____ И.И. Иванова"
            ]),
            Some(Fate::Signature)
        );
        assert_eq!(
            tail(&["Исполнитель: Петрова А.А., тел. 8 (3812) 23-45-67"]),
            Some(Fate::Signature)
        );
        assert_eq!(
            tail(&["Должность", "Фамилия, инициалы", "Подпись", "Дата"]),
            Some(Fate::ApprovalList)
        );
        assert_eq!(tail(&["Лист согласования"]), Some(Fate::ApprovalList));
        assert_eq!(
            tail(&["Примечание: сроки указаны в рабочих днях"]),
            Some(Fate::Note)
        );
        // A count under a column of texts is a total; under a number column it is nothing.
        assert_eq!(
            tail_row(&["", "", "4", ""], &[false, false, true, true]),
            Some(Fate::Totals)
        );
        assert_eq!(
            tail_row(&["4", "", "", ""], &[false, true, true, true]),
            None
        );
    }

    #[test]
    fn records_that_mention_posts_or_totals_words_are_records() {
        let none = [false; 6];
        let tail = |cells: &[&str]| tail_row(cells, &none);
        // A registry row whose client is a post is no signature.
        assert_eq!(
            tail(&[
                "Бухгалтерский учет",
                "Начисление заработной платы",
                "Телефонная связь",
                "Начальники отделов"
            ]),
            None
        );
        // «Итоговый отчет» is not «Итого».
        assert_eq!(tail(&["Итоговый отчет", "Подготовка отчетности"]), None);
        assert_eq!(tail(&["Исполнительный лист", "Удержания"]), None);
    }

    #[test]
    fn error_values_are_told_in_both_languages() {
        for value in ["#N/A", "#Н/Д", "#ЗНАЧ!", "#REF!", "#DIV/0!", "Err:502"] {
            assert!(is_error_value(value), "{value}");
        }
        for value in ["#1", "№ 5", "Справка #2", ""] {
            assert!(!is_error_value(value), "{value}");
        }
    }

    #[test]
    fn column_numbers_run_from_one() {
        assert!(is_column_numbers(&["1", "2", "3", "4"]));
        assert!(is_column_numbers(&["1.", "2.", "", "3."]));
        assert!(!is_column_numbers(&["1", "3"]));
        assert!(!is_column_numbers(&["1"]));
    }
}
