//! The lines above a table: the body's name and the act that approves the registry.

use super::header::HEADER_SEARCH;
use crate::input::Grid;
use crate::registry::model::{Approved, Text};
use crate::text::normalize;

/// The lines above a table where an order names itself: the texts of small tables before it
/// (a caption kept in a layout table of two cells), a Word document's paragraphs before the
/// table, and every filled cell of the rows a sheet has above its header (a caption typed in
/// column F, top right, or spread over cells: «от» | «24.09.2024» | «№» | «76»).
pub(super) fn title_lines(grids: &[Grid], chosen: usize, header_top: usize) -> Vec<String> {
    let row_text = |row: &crate::input::GridRow| -> String {
        let mut texts: Vec<&str> = Vec::new();
        for slot in &row.slots {
            let text = slot.text.trim();
            if !text.is_empty() && !texts.contains(&text) {
                texts.push(text);
            }
        }
        texts.join(" ")
    };
    let mut lines = Vec::new();
    let grid = &grids[chosen];
    // Small tables right before a Word table: a layout table holding the caption.
    if matches!(grid.source, crate::input::Source::WordTable(_)) {
        for earlier in grids[..chosen].iter().rev().take(2).rev() {
            if earlier.rows.len() <= 4 {
                lines.extend(earlier.titles.iter().cloned());
                lines.extend(earlier.rows.iter().map(row_text));
            }
        }
    }
    lines.extend(grid.titles.iter().cloned());
    lines.extend(
        grid.rows
            .iter()
            .take(header_top.min(HEADER_SEARCH))
            .map(row_text)
            .filter(|l| !l.is_empty()),
    );
    lines
}

/// «Перечень … — Министерство …»: the organisation after the dash of `show`'s own title; else
/// the body whose own order the caption names («Приложение к приказу Министерства финансов
/// Смоленской области», «Утвержден приказом …»): a приказ is the body's own act, so its issuer is
/// the body (an appendix to a government's постановление or распоряжение names no body).
pub(super) fn organization_from_titles(lines: &[String]) -> Option<String> {
    lines
        .iter()
        .find_map(|line| {
            let (head, organization) = line.split_once(" — ")?;
            normalize(head)
                .starts_with("перечень точек взаимодействия")
                .then(|| organization.trim().to_string())
                .filter(|o| !o.is_empty())
        })
        .or_else(|| lines.iter().find_map(|line| organization_of_title(line)))
        .or_else(|| {
            // A title that names another body («… ОГКУ «Центр бухгалтерского учета»») is not
            // the issuer's: the organisation is left for `check` to ask.
            let names_a_body = lines.iter().any(|l| {
                let n = normalize(l);
                n.starts_with("перечень точек взаимодействия")
                    && (l.contains('«')
                        || [
                            "огку",
                            "огбу",
                            "гку",
                            "гбу",
                            "мку",
                            "мбу",
                            "гау",
                            "учреждени",
                            "центр",
                        ]
                        .iter()
                        .any(|w| format!(" {n} ").contains(&format!(" {w}"))))
            });
            (!names_a_body)
                .then(|| lines.iter().find_map(|l| issuer_of_order(l)))
                .flatten()
        })
}

/// The body a title names in the genitive, as `show` writes it: «Перечень точек взаимодействия с
/// внутренним клиентом Министерства финансов Смоленской области» → «Министерство финансов
/// Смоленской области»; a title whose words after the heading open with no body's head names
/// none.
fn organization_of_title(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| normalize(w)).collect();
    if lower.len() < 4 || lower[0] != "перечень" || !lower[1].starts_with("точ") {
        return None;
    }
    // «… взаимодействия с внутренним клиентом» / «… с внутренними клиентами».
    let mut at = 2;
    while at < lower.len()
        && (lower[at].starts_with("взаимодейств")
            || lower[at] == "с"
            || lower[at].starts_with("внутренн")
            || lower[at].starts_with("клиент"))
    {
        at += 1;
    }
    crate::text::body_nominative(&words[at..].join(" "))
}

/// The body that issued the order a caption line names, in the nominative: «… к приказу
/// Министерства финансов Смоленской области от …» → «Министерство финансов Смоленской области».
fn issuer_of_order(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| matches!(w.to_lowercase().as_str(), "приказу" | "приказом"))?;
    let rest = &words[at + 1..];
    let end = rest
        .iter()
        .position(|w| {
            let w = w.to_lowercase();
            w == "от" || w.starts_with('№') || w == "n"
        })
        .unwrap_or(rest.len());
    let issuer = rest[..end].join(" ");
    let issuer = issuer.trim().trim_end_matches([',', '.']);
    crate::text::body_nominative(issuer)
}

/// The act named in the title lines, as the model keeps it («Приказ Министерства … от
/// 24.09.2024 № 76»), in the layouts captions have: «Приложение к приказу … от 24.09.2024 № 76»,
/// «УТВЕРЖДЕН приказом … от «24» сентября 2024 г. № 76», the number before the date, the
/// caption split over several paragraphs.
pub(super) fn act_from_titles(lines: &[String]) -> Option<String> {
    act_of_caption(&lines.join(" "))
}

/// The act in a caption's text, if it names its kind, its date and its number.
pub(super) fn act_of_caption(caption: &str) -> Option<String> {
    static ACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(приказ|распоряжени|постановлени)[а-яё]*\b").expect("act regex")
    });
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\bот\s+[«\x22]?\s*(\d{1,2})\b\s*[»\x22]?\s*(?:\.?\s*(\d{1,2})\b\s*[.\s]\s*|([а-яё]+)\s+)(\d{4})(?:\s*(?:г\.|года|г\b))?",
        )
        .expect("date regex")
    });
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // «№ 76», and «N 76» as legal databases print it.
        regex::Regex::new(r"(?:№|\bN)\s*([0-9][0-9A-Za-zА-Яа-яЁё/\-]*)").expect("number regex")
    });
    static ISO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("iso regex")
    });
    // A date a sheet keeps as a date cell reads «2024-09-24»: the caption's own form.
    let text = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = ISO.replace_all(&text, "$3.$2.$1").into_owned();
    // The act whose date and number follow it with no other act between: a caption of two lines
    // («Приложение к приказу Министерства …» over «Утвержден приказом … от … № 76») names one.
    let kinds: Vec<regex::Captures> = ACT.captures_iter(&text).collect();
    let (kind, rest, date, number) = kinds.iter().enumerate().find_map(|(i, kind)| {
        let rest = &text[kind.get(0)?.end()..];
        let date = DATE.captures(rest)?;
        let number = NUMBER.captures(rest)?;
        let next_act = kinds.get(i + 1).map_or(usize::MAX, |k| {
            k.get(0).map_or(usize::MAX, |m| {
                m.start() - kind.get(0).map_or(0, |m| m.end())
            })
        });
        (date.get(0)?.start() < next_act).then_some((kind, rest, date, number))
    })?;
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
    // A caption that quotes the act («к документу «Распоряжение …»») leaves its quotes.
    let issuer = rest[..issuer_end]
        .trim()
        .trim_matches(['«', '»', '"', ','])
        .trim();
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
            // The registry's dates are ISO (registry.md), whatever the caption wrote.
            let written = rest[i + 1].trim_end_matches([',', '.']);
            let date = crate::registry::model::parse_date(written)
                .map_or_else(|| written.to_string(), |d| d.format("%Y-%m-%d").to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caption_names_its_act_with_the_month_as_a_number() {
        assert_eq!(
            act_of_caption("Утвержден приказом Министерства финансов Смоленской области от «24» 09 2024 г. № 76").as_deref(),
            Some("Приказ Министерства финансов Смоленской области от 24.09.2024 № 76")
        );
        assert_eq!(
            act_of_caption("Приложение к приказу от 24.09.2024 № 76").as_deref(),
            Some("Приказ от 24.09.2024 № 76")
        );
        // Digits run together are no day and month.
        assert_eq!(act_of_caption("приказ от 24 2024 № 7"), None);
    }

    #[test]
    fn a_title_names_its_body_in_the_genitive_or_after_a_dash() {
        let lines = |line: &str| vec![line.to_string()];
        assert_eq!(
            organization_from_titles(&lines(
                "Перечень точек взаимодействия с внутренним клиентом Управления финансов Липецкой области"
            ))
            .as_deref(),
            Some("Управление финансов Липецкой области")
        );
        assert_eq!(
            organization_from_titles(&lines(
                "Перечень точек взаимодействия с внутренними клиентами министерства культуры"
            ))
            .as_deref(),
            Some("Министерство культуры")
        );
        assert_eq!(
            organization_from_titles(&lines(
                "Перечень точек взаимодействия с внутренним клиентом — ОГКУ «Центр учета»"
            ))
            .as_deref(),
            Some("ОГКУ «Центр учета»")
        );
        // A heading alone names no body.
        assert_eq!(
            organization_from_titles(&lines(
                "Перечень точек взаимодействия с внутренним клиентом"
            )),
            None
        );
    }

    #[test]
    fn the_body_is_the_issuer_of_its_own_order_in_the_nominative() {
        assert_eq!(
            issuer_of_order("Приложение к приказу Министерства финансов Смоленской области")
                .as_deref(),
            Some("Министерство финансов Смоленской области")
        );
        assert_eq!(
            issuer_of_order(
                "УТВЕРЖДЕН приказом Главного управления ЗАГС области от 01.02.2025 № 3"
            )
            .as_deref(),
            Some("Главное управление ЗАГС области")
        );
        assert_eq!(
            issuer_of_order("Приложение к постановлению Правительства области"),
            None
        );
        assert_eq!(issuer_of_order("Приложение к приказу от 01.02.2025"), None);
    }
}
