//! One vocabulary of channels and forms, kept as data: what a wording of a point or of a
//! request's delivery means. R009, R010 and R017 (is a point digital or offline, does it name a
//! channel), the journal (is a request written or oral) and anything else that reads such a
//! wording read it here, so «Личный кабинет сотрудника» means one thing everywhere.
//!
//! Wordings are phrases of words, never fragments inside words: each word of a phrase is a stem
//! that must begin a word of the text, followed by at most [`MAX_ENDING`] letters of ending
//! («личн» is «личный», «личном», never «отличный»; «очн» is «очный», never «срочное»). The
//! longest phrase is matched first and takes its words, so «личный кабинет» is a digital point
//! before «кабинет» could make it an offline one.

/// What kind of point a wording names (Smolensk 1.3(8–9), N. Ossetia 3.2–3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Digital,
    Offline,
}

/// What form of request a wording names (Omsk 8–9, Novosibirsk 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Written,
    Oral,
}

/// Letters a word may have after its stem: Russian endings are at most four («-ыми», «-ого»,
/// «-ная»).
pub const MAX_ENDING: usize = 4;

use Form::{Oral, Written};
use Point::{Digital, Offline};

/// Every wording: (stems of the phrase, the point it names, the form of request it names).
/// Phone is neither digital nor offline: the seeds disagree on it. Post, courier, fax and
/// «нарочным» are ways a written request arrives, not points of either kind.
pub static WORDINGS: &[(&str, Option<Point>, Option<Form>)] = &[
    // Digital points; a request through them is written.
    ("личн кабинет", Some(Digital), Some(Written)),
    ("интернет приемн", Some(Digital), Some(Written)),
    ("электронн приемн", Some(Digital), Some(Written)),
    ("виртуальн приемн", Some(Digital), Some(Written)),
    ("портал", Some(Digital), Some(Written)),
    ("через портал", Some(Digital), Some(Written)),
    ("сайт", Some(Digital), Some(Written)),
    ("мэдо", Some(Digital), Some(Written)),
    ("есэд", Some(Digital), Some(Written)),
    ("сэд", Some(Digital), Some(Written)),
    ("эдо", Some(Digital), Some(Written)),
    ("документооборот", Some(Digital), Some(Written)),
    (
        "систем электронн документооборот",
        Some(Digital),
        Some(Written),
    ),
    ("дело web", Some(Digital), Some(Written)),
    ("директум", Some(Digital), Some(Written)),
    ("directum", Some(Digital), Some(Written)),
    ("электронн почт", Some(Digital), Some(Written)),
    ("e mail", Some(Digital), Some(Written)),
    ("email", Some(Digital), Some(Written)),
    ("электронн", Some(Digital), Some(Written)),
    ("мессенджер", Some(Digital), Some(Written)),
    ("чат бот", Some(Digital), Some(Written)),
    ("чат", Some(Digital), Some(Written)),
    ("telegram", Some(Digital), Some(Written)),
    ("whatsapp", Some(Digital), Some(Written)),
    ("телефонограмм", None, Some(Written)),
    ("докладн", None, Some(Written)),
    ("телеграм", Some(Digital), Some(Written)),
    ("интернет", Some(Digital), Some(Written)),
    ("приложени", Some(Digital), None),
    ("мобильн приложени", Some(Digital), None),
    ("программн", Some(Digital), None),
    ("информационн систем", Some(Digital), None),
    ("видеосвяз", Some(Digital), Some(Oral)),
    ("видеоконференц", Some(Digital), Some(Oral)),
    ("вкс", Some(Digital), Some(Oral)),
    // Ways a written request arrives.
    ("почт росси", None, Some(Written)),
    ("почт", None, Some(Written)),
    ("факс", None, Some(Written)),
    ("курьер", None, Some(Written)),
    ("нарочн", None, Some(Written)),
    // Дело's delivery types: a letter by government courier, special or registered mail.
    ("фельдъегерск", None, Some(Written)),
    ("спецсвяз", None, Some(Written)),
    ("спец связ", None, Some(Written)),
    ("заказн", None, Some(Written)),
    ("простое", None, Some(Written)),
    ("ценн письм", None, Some(Written)),
    ("практик", None, Some(Written)),
    ("дело", None, Some(Written)),
    ("делопро", None, Some(Written)),
    ("письм", None, Some(Written)),
    ("письменн", None, Some(Written)),
    ("служебн записк", None, Some(Written)),
    ("записк", None, Some(Written)),
    ("заявлени", None, Some(Written)),
    ("запрос", None, Some(Written)),
    ("заочн", None, Some(Written)),
    ("written", None, Some(Written)),
    // Offline points; a request there is oral.
    ("кабинет", Some(Offline), Some(Oral)),
    ("помещени", Some(Offline), None),
    ("бумажн", Some(Offline), Some(Written)),
    ("личн прием", Some(Offline), Some(Oral)),
    ("на личн прием", Some(Offline), Some(Oral)),
    ("прием", Some(Offline), Some(Oral)),
    ("на прием", Some(Offline), Some(Oral)),
    ("очн", Some(Offline), Some(Oral)),
    ("личн встреч", Some(Offline), Some(Oral)),
    ("лично", None, Some(Oral)),
    // How a profile prefers to be served (North Ossetia): in person at the organisation.
    ("лично в организаци", Some(Offline), Some(Oral)),
    ("личн посещени", Some(Offline), Some(Oral)),
    ("устн", None, Some(Oral)),
    ("по телефон", None, Some(Oral)),
    ("телефон", None, Some(Oral)),
    ("звон", None, Some(Oral)),
    ("горяч лини", None, Some(Oral)),
    ("oral", None, Some(Oral)),
];

/// How strongly a phrase says the form of a request: the adjective itself (письменное,
/// устное) says it outright; a channel (СЭД, телефон, нарочным) says it by its nature; a bare
/// noun (запрос, заявление) or «лично» only hints.
fn form_strength(phrase: &str) -> u8 {
    match phrase {
        "письменн" | "устн" | "written" | "oral" => 3,
        "запрос" | "заявлени" | "лично" | "заочн" => 1,
        _ => 2,
    }
}

/// What a wording means: the point and the form its phrases name, and the phrases found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meaning {
    pub digital: bool,
    pub offline: bool,
    pub written: bool,
    pub oral: bool,
    /// The strongest phrase for each form (see [`form_strength`]); 0 when none.
    pub written_strength: u8,
    pub oral_strength: u8,
    /// The phrases matched, in the order of the text.
    pub phrases: Vec<&'static str>,
}

impl Meaning {
    /// The form of a request: the stronger wording decides, and between equals the words that
    /// say written win («письменное заявление на личном приёме» is written, «устный запрос»
    /// and «запрос по телефону» are oral); None when no wording names a form.
    pub fn form(&self) -> Option<Form> {
        match (self.written, self.oral) {
            (true, true) if self.oral_strength > self.written_strength => Some(Oral),
            (true, _) => Some(Written),
            (false, true) => Some(Oral),
            (false, false) => None,
        }
    }

    /// Whether any wording of the vocabulary was found.
    pub fn names_a_channel(&self) -> bool {
        !self.phrases.is_empty()
    }
}

/// The words of a text as the vocabulary compares them (`text::normalize`: case, `ё`, soft
/// hyphens and punctuation ignored).
fn words(text: &str) -> Vec<String> {
    crate::text::normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `word` is `stem` with at most [`MAX_ENDING`] letters after it.
fn is_form_of(word: &str, stem: &str) -> bool {
    word.strip_prefix(stem)
        .is_some_and(|ending| ending.chars().count() <= MAX_ENDING)
}

/// Whether the phrase's stems stand at `words[at..]`.
fn matches_at(words: &[String], at: usize, stems: &[&str]) -> bool {
    stems.len() <= words.len() - at
        && stems
            .iter()
            .zip(&words[at..])
            .all(|(stem, word)| is_form_of(word, stem))
}

/// What a text means, the longest phrase first.
pub fn meaning(text: &str) -> Meaning {
    let words = words(text);
    let mut phrases: Vec<(usize, &'static str, Option<Point>, Option<Form>)> = WORDINGS
        .iter()
        .map(|(phrase, point, form)| (phrase.split(' ').count(), *phrase, *point, *form))
        .collect();
    // Longest first; among equals, the longer stems (the more specific words) first.
    phrases
        .sort_by_key(|(n, phrase, _, _)| (std::cmp::Reverse(*n), std::cmp::Reverse(phrase.len())));
    let mut taken = vec![false; words.len()];
    let mut found: Vec<(usize, &'static str, Option<Point>, Option<Form>)> = Vec::new();
    for (n, phrase, point, form) in &phrases {
        let stems: Vec<&str> = phrase.split(' ').collect();
        for at in 0..words.len() {
            if taken[at..].iter().take(*n).any(|t| *t) || !matches_at(&words, at, &stems) {
                continue;
            }
            taken[at..at + n].iter_mut().for_each(|t| *t = true);
            found.push((at, phrase, *point, *form));
        }
    }
    found.sort_by_key(|(at, ..)| *at);
    let mut meaning = Meaning::default();
    for (_, phrase, point, form) in found {
        meaning.phrases.push(phrase);
        match point {
            Some(Digital) => meaning.digital = true,
            Some(Offline) => meaning.offline = true,
            None => {}
        }
        match form {
            Some(Written) => {
                meaning.written = true;
                meaning.written_strength = meaning.written_strength.max(form_strength(phrase));
            }
            Some(Oral) => {
                meaning.oral = true;
                meaning.oral_strength = meaning.oral_strength.max(form_strength(phrase));
            }
            None => {}
        }
    }
    meaning
}

/// The means of communication the vocabulary tells apart within a kind, by its phrases: two
/// wordings name the same means when they share one («Электронная почта» and «e-mail отдела»),
/// while «сайт» and «электронная почта» are both digital yet not the same. A phrase that says
/// only a kind («лично в организации», «помещения») names no means.
static MEANS: &[(&str, &[&str])] = &[
    ("электронная почта", &["электронн почт", "e mail", "email"]),
    ("телефон", &["по телефон", "телефон", "звон", "горяч лини"]),
    (
        "сайт",
        &[
            "сайт",
            "портал",
            "через портал",
            "интернет приемн",
            "электронн приемн",
            "виртуальн приемн",
        ],
    ),
    (
        "СЭД",
        &[
            "мэдо",
            "есэд",
            "сэд",
            "эдо",
            "документооборот",
            "систем электронн документооборот",
            "дело web",
            "директум",
            "directum",
        ],
    ),
    ("личный кабинет", &["личн кабинет"]),
    (
        "мессенджер",
        &[
            "мессенджер",
            "чат бот",
            "чат",
            "telegram",
            "whatsapp",
            "телеграм",
        ],
    ),
    ("видеосвязь", &["видеосвяз", "видеоконференц", "вкс"]),
    ("почта", &["почт росси", "почт"]),
];

/// The means a wording names (see [`MEANS`]), in the order of the table, each once.
pub fn means(text: &str) -> Vec<&'static str> {
    let phrases = meaning(text).phrases;
    MEANS
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| phrases.contains(s)))
        .map(|(name, _)| *name)
        .collect()
}

/// Whether a text holds one of `stems` as a word (a stem at a word's start, a short ending):
/// for lists that are not the vocabulary's meanings (R017's key channels).
pub fn mentions(text: &str, stems: &[&str]) -> bool {
    let words = words(text);
    stems.iter().any(|phrase| {
        let stems: Vec<&str> = phrase.split(' ').collect();
        (0..words.len()).any(|at| matches_at(&words, at, &stems))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_tell_apart_what_kinds_do_not() {
        assert_eq!(means("Электронная почта info@x.ru"), ["электронная почта"]);
        assert_eq!(means("Официальный сайт Министерства"), ["сайт"]);
        assert_eq!(means("Телефон отдела (8 (8672) 53-44-67)"), ["телефон"]);
        assert_eq!(means("через СЭД «Дело»"), ["СЭД"]);
        assert!(means("Лично в организации").is_empty());
        assert!(means("Помещения отдела").is_empty());
        // Every phrase a means names is the vocabulary's own.
        for (_, stems) in MEANS {
            for stem in *stems {
                assert!(WORDINGS.iter().any(|(p, _, _)| p == stem), "{stem}");
            }
        }
    }

    /// (wording, point: d/o/-, form: w/o/-)
    const TABLE: &[(&str, &str, &str)] = &[
        ("Личный кабинет", "d", "w"),
        ("Личный кабинет сотрудника", "d", "w"),
        ("Через личный кабинет сотрудника", "d", "w"),
        ("Личный кабинет (сотрудника)", "d", "w"),
        ("Интернет-приёмная", "d", "w"),
        ("Интернет‑приемная", "d", "w"),
        ("Портал", "d", "w"),
        ("через портал", "d", "w"),
        ("Официальный сайт министерства", "d", "w"),
        ("МЭДО", "d", "w"),
        ("ЕСЭД", "d", "w"),
        ("СЭД «Дело»", "d", "w"),
        ("Система электронного документооборота", "d", "w"),
        ("Электронная почта", "d", "w"),
        ("E-mail", "d", "w"),
        ("Мессенджер", "d", "w"),
        ("Личное сообщение в мессенджере", "d", "w"),
        ("Чат-бот", "d", "w"),
        ("Мобильное приложение", "d", "-"),
        ("Информационная система «1С»", "d", "-"),
        ("Программный комплекс", "d", "-"),
        ("Видеосвязь", "d", "o"),
        ("ВКС", "d", "o"),
        ("Факс", "-", "w"),
        ("Курьер", "-", "w"),
        ("Нарочным", "-", "w"),
        ("Почта России", "-", "w"),
        ("Практик", "-", "w"),
        ("Дело", "-", "w"),
        ("Письмо", "-", "w"),
        ("Срочное письмо", "-", "w"),
        ("Уточнение к письму", "-", "w"),
        ("Письменное", "-", "w"),
        ("Письменный запрос", "-", "w"),
        ("Отличный письменный запрос", "-", "w"),
        ("Служебная записка", "-", "w"),
        ("Заявление", "-", "w"),
        ("Заявление, поданное лично", "-", "w"),
        ("Заочно", "-", "w"),
        ("written", "-", "w"),
        ("Кабинет 305", "o", "o"),
        ("Кабинеты внутренних клиентов", "o", "o"),
        ("Служебные помещения", "o", "-"),
        ("Бумажный носитель", "o", "w"),
        ("Личный приём", "o", "o"),
        ("На личном приёме", "o", "o"),
        ("Письменное заявление на личном приёме", "o", "w"),
        ("Приём граждан", "o", "o"),
        ("Очный приём", "o", "o"),
        ("Личная встреча", "o", "o"),
        ("Лично", "-", "o"),
        ("Устно", "-", "o"),
        ("Устное обращение", "-", "o"),
        ("По телефону", "-", "o"),
        ("Телефонная связь", "-", "o"),
        ("Телефонный звонок", "-", "o"),
        ("Горячая линия", "-", "o"),
        ("oral", "-", "o"),
        ("Пись\u{ad}менное", "-", "w"),
        ("Устный запрос", "-", "o"),
        ("Устное заявление", "-", "o"),
        ("Запрос по телефону", "-", "o"),
        ("Телефонограмма", "-", "w"),
        ("Интер\u{ad}нет-приёмная", "d", "w"),
        ("Отличный", "-", "-"),
        ("Срочное", "-", "-"),
        ("Прочее", "-", "-"),
        ("", "-", "-"),
    ];

    #[test]
    fn every_wording_means_what_it_says() {
        assert!(TABLE.len() >= 60);
        for (text, point, form) in TABLE {
            let meaning = meaning(text);
            let got_point = match (meaning.digital, meaning.offline) {
                (true, false) => "d",
                (false, true) => "o",
                (false, false) => "-",
                (true, true) => "both",
            };
            let got_form = match meaning.form() {
                Some(Written) => "w",
                Some(Oral) => "o",
                None => "-",
            };
            assert_eq!(
                (got_point, got_form),
                (*point, *form),
                "«{text}»: {:?}",
                meaning.phrases
            );
        }
    }

    #[test]
    fn stems_match_words_not_fragments() {
        assert!(mentions("Личный приём", &["личн"]));
        assert!(!mentions("Отличный", &["личн"]));
        assert!(!mentions("срочное письмо", &["очн"]));
        assert!(!mentions("приемлемый вариант", &["прием"]));
    }
}
