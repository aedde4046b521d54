//! The lines above a table: the body's name and the act that approves the registry.

use super::header::HEADER_SEARCH;
use crate::input::Grid;
use crate::registry::model::{Approved, Text};
use crate::text::normalize;

/// The lines above a table where an order names itself: a Word document's paragraphs before
/// the table, and the first cell of the rows a sheet has above its header.
pub(super) fn title_lines(grid: &Grid) -> impl Iterator<Item = &str> {
    grid.titles
        .iter()
        .map(String::as_str)
        .chain(
            grid.rows
                .iter()
                .flat_map(|r| r.slots.first())
                .map(|s| s.text.as_str()),
        )
        .take(HEADER_SEARCH)
}

/// «Перечень … — Министерство …»: the organisation after the dash of `show`'s own title.
pub(super) fn organization_from_titles(grid: &Grid) -> Option<String> {
    title_lines(grid).find_map(|line| {
        let (head, organization) = line.split_once(" — ")?;
        normalize(head)
            .starts_with("перечень точек взаимодействия")
            .then(|| organization.trim().to_string())
            .filter(|o| !o.is_empty())
    })
}

/// The act named in the title lines, as the model keeps it («Приказ Министерства … от
/// 24.09.2024 № 76»), in the layouts captions have: «Приложение к приказу … от 24.09.2024 № 76»,
/// «УТВЕРЖДЕН приказом … от «24» сентября 2024 г. № 76», the number before the date, the
/// caption split over several paragraphs.
pub(super) fn act_from_titles(grid: &Grid) -> Option<String> {
    let caption: Vec<&str> = title_lines(grid).collect();
    act_of_caption(&caption.join(" "))
}

/// The act in a caption's text, if it names its kind, its date and its number.
pub(super) fn act_of_caption(caption: &str) -> Option<String> {
    static ACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(приказ|распоряжени|постановлени)[а-яё]*\b").expect("act regex")
    });
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\bот\s+[«\x22]?\s*(\d{1,2})\s*[»\x22]?\s*(?:\.\s*(\d{1,2})\s*\.\s*|([а-яё]+)\s+)(\d{4})(?:\s*(?:г\.|года|г\b))?",
        )
        .expect("date regex")
    });
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // «№ 76», and «N 76» as legal databases print it.
        regex::Regex::new(r"(?:№|\bN)\s*([0-9][0-9A-Za-zА-Яа-яЁё/\-]*)").expect("number regex")
    });
    let text = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    let kind = ACT.captures(&text)?;
    let rest = &text[kind.get(0)?.end()..];
    let date = DATE.captures(rest)?;
    let number = NUMBER.captures(rest)?;
    let day: u32 = date[1].parse().ok()?;
    let month: u32 = match (date.get(2), date.get(3)) {
        (Some(m), _) => m.as_str().parse().ok()?,
        (None, Some(word)) => {
            let word = word.as_str().to_lowercase();
            crate::text::month_of_genitive(&word)?
        }
        _ => return None,
    };
    let year: i32 = date[4].parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    // The issuer: the words between the act's kind and its date or number.
    let issuer_end = date.get(0)?.start().min(number.get(0)?.start());
    let issuer = rest[..issuer_end].trim().trim_end_matches(',').trim();
    let kind = match kind[1].to_lowercase().as_str() {
        "приказ" => "Приказ",
        "распоряжени" => "Распоряжение",
        _ => "Постановление",
    };
    let issuer = if issuer.is_empty() {
        String::new()
    } else {
        format!("{issuer} ")
    };
    Some(format!(
        "{kind} {issuer}от {day:02}.{month:02}.{year} № {}",
        &number[1]
    ))
}

/// Refuses an approval act (`--approved`) that names neither a number nor a real date, or names
/// a date that does not exist («от 31.02.2024»): it would be written into the registry as is.
pub fn check_act(act: &str) -> Result<(), String> {
    let approved = approved_of(act);
    let words: Vec<&str> = act.split_whitespace().collect();
    let dated = words
        .windows(2)
        .find(|pair| pair[0] == "от")
        .map(|pair| pair[1]);
    if let (Some(date), None) = (dated, &approved.date) {
        return Err(format!(
            "--approved: «{date}» — не настоящая дата; запишите акт как «Приказ № 76 от 24.09.2024»"
        ));
    }
    if approved.date.is_none() && !act.contains('№') && !act.contains(" N") {
        return Err(format!(
            "--approved «{act}»: нет ни номера, ни даты акта; запишите его как «Приказ № 76 от 24.09.2024»"
        ));
    }
    Ok(())
}

/// An approval act as the model keeps it: the act without its date (« от 24.09.2024»), and the
/// date apart.
pub(super) fn approved_of(act: &str) -> Approved {
    let words: Vec<&str> = act.split_whitespace().collect();
    let dated = words.windows(2).position(|pair| {
        pair[0] == "от"
            && crate::registry::model::parse_date(pair[1].trim_end_matches([',', '.'])).is_some()
    });
    let (act, date) = match dated {
        Some(i) => {
            let mut rest = words.clone();
            let date = rest[i + 1].trim_end_matches([',', '.']).to_string();
            rest.drain(i..i + 2);
            (rest.join(" "), Some(Text(date)))
        }
        None => (words.join(" "), None),
    };
    Approved {
        act: Some(Text(act)).filter(|t| !t.0.is_empty()),
        date,
    }
}
