//! One way to tell what a header cell names, for every domain (import.md, cycle.md): each
//! domain declares its columns as data ([`ColumnSpec`]: each field's wordings, and the headers
//! it knows are not its fields), and [`classify`] matches a header against them by whole
//! wordings. A wording of one word names a column only as the whole header (or with a
//! parenthesised qualifier: «Исполнитель (ФИО)»), never as a header's first word: «Номер
//! телефона», «Номер п/п», «Форма собственности», «Срок хранения» are not the number, the form
//! or the due date. A wording of several words may carry qualifiers after it («Дата поступления
//! обращения») or, where the domain says so, around it («Направление деятельности УФО»). The
//! longest wording that fits decides; two fields' wordings fitting equally are [`Heading::Ambiguous`],
//! never a silent choice.

use super::grid::{GridRow, Slot};
use crate::text::normalize;

/// Where qualifiers may stand around a wording of several words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifiers {
    /// Only after it: «Дата поступления обращения» (journal headers of document systems).
    After,
    /// Before or after it: «Направление деятельности УФО», «Точка взаимодействия
    /// (цифровая/офлайн)» (registry tables).
    Around,
}

/// A domain's columns, declared as data.
pub struct ColumnSpec<F: 'static> {
    /// Each field and its wordings; the first wording is the field's heading.
    pub fields: &'static [(F, &'static [&'static str])],
    /// Headers that fit a field's wording but are something else («Поступило от», «Форма
    /// ответа»).
    pub not_fields: &'static [&'static str],
    pub qualifiers: Qualifiers,
}

impl<F: Copy + PartialEq> ColumnSpec<F> {
    /// The wordings of a field (empty for a field the spec does not declare).
    pub fn wordings(&self, field: F) -> &'static [&'static str] {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, w)| w)
    }

    /// A field's heading: its first wording.
    pub fn heading(&self, field: F) -> &'static str {
        self.wordings(field).first().copied().unwrap_or("")
    }
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading<F> {
    Field(F),
    /// A header the domain knows it does not use.
    NotAField,
    /// No field's wording.
    Unknown,
    /// Two fields' wordings fit it equally.
    Ambiguous(F, F),
}

/// Footnote marks a header may carry («…клиента¹», «Вид точки*»): not part of its words.
fn without_marks(header: &str) -> String {
    header
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' | '*'
            )
        })
        .collect()
}

/// Whether a header (raw and normalised) fits a wording (raw): as the whole header; a one-word
/// wording followed only by a parenthesised qualifier; a wording of several words with
/// qualifiers where `qualifiers` allows them.
fn fits(raw: &str, header: &str, wording: &str, qualifiers: Qualifiers) -> Option<usize> {
    let normal = normalize(wording);
    if normal.is_empty() {
        // «№»: a sign that normalises to nothing is compared as written.
        let compact = |t: &str| -> String {
            t.chars()
                .filter(|c| !c.is_whitespace() && *c != '.')
                .collect()
        };
        let sign = compact(wording);
        return (!sign.is_empty() && compact(raw) == sign).then_some(sign.len());
    }
    if header == normal {
        return Some(normal.len());
    }
    if !normal.contains(' ') {
        // One word: the whole header, or the word and a parenthesised qualifier only.
        let lowered = raw.trim().to_lowercase().replace('ё', "е");
        let word = wording.trim().to_lowercase().replace('ё', "е");
        let rest = lowered.strip_prefix(&word)?.trim_start();
        return rest.starts_with('(').then_some(normal.len());
    }
    let follows = header
        .strip_prefix(&normal)
        .is_some_and(|rest| rest.starts_with(' '));
    let inside =
        qualifiers == Qualifiers::Around && format!(" {header} ").contains(&format!(" {normal} "));
    (follows || inside).then_some(normal.len())
}

/// What a header cell names under `spec`: the field whose wording fits it longest, a header the
/// domain does not use, nothing, or two fields at once.
pub fn classify<F: Copy + PartialEq>(header: &str, spec: &ColumnSpec<F>) -> Heading<F> {
    best_match(header, spec).0
}

/// How long the wording is that decides a header (0 for none): «Форма обращения» is named
/// more fully than «Форма».
fn matched_length<F: Copy + PartialEq>(header: &str, spec: &ColumnSpec<F>) -> usize {
    best_match(header, spec).1
}

/// [`classify`], with the length of the wording that decided; a heading hyphenated by hand to
/// fit a narrow column («Точка взаимо-» ⏎ «действия») is read joined when as written it names
/// nothing.
fn best_match<F: Copy + PartialEq>(header: &str, spec: &ColumnSpec<F>) -> (Heading<F>, usize) {
    let found = best_match_as_written(header, spec);
    if found.0 == Heading::Unknown
        && let Some(joined) = dehyphenated(header)
    {
        return best_match_as_written(&joined, spec);
    }
    found
}

/// A heading with its hand hyphenation undone: a hyphen at a line's end (or before a space)
/// between two lower-case letters joins them; None when there is none.
pub fn dehyphenated(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut joined = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' && i > 0 && chars[i - 1].is_lowercase() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j].is_lowercase() {
                joined = true;
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    joined.then_some(out)
}

fn best_match_as_written<F: Copy + PartialEq>(
    header: &str,
    spec: &ColumnSpec<F>,
) -> (Heading<F>, usize) {
    let raw = without_marks(header);
    let normal = normalize(&raw);
    if normal.is_empty() && raw.trim().is_empty() {
        return (Heading::Unknown, 0);
    }
    let mut best: Option<(usize, Option<F>)> = None;
    let mut tie: Option<F> = None;
    let candidates = spec
        .fields
        .iter()
        .flat_map(|(field, wordings)| wordings.iter().map(move |w| (Some(*field), *w)))
        .chain(spec.not_fields.iter().map(|w| (None, *w)));
    for (field, wording) in candidates {
        let Some(length) = fits(&raw, &normal, wording, spec.qualifiers) else {
            continue;
        };
        match best {
            Some((best_length, best_field)) if length == best_length && best_field != field => {
                tie = field;
            }
            Some((best_length, _)) if length <= best_length => {}
            _ => {
                best = Some((length, field));
                tie = None;
            }
        }
    }
    let length = best.map_or(0, |(length, _)| length);
    let heading = match best {
        None => Heading::Unknown,
        Some((_, None)) => Heading::NotAField,
        Some((_, Some(field))) => match tie {
            Some(other) => Heading::Ambiguous(field, other),
            None => Heading::Field(field),
        },
    };
    (heading, length)
}

/// «Дата» and «Регистрация» as one heading: the leaf, then the group heading (one word) in the
/// genitive — «Дата регистрации», «Дата поступления», «Дата исполнения», «Дата ответа».
fn with_genitive(leaf: &str, group: &str) -> String {
    let group = group.trim();
    if group.contains(char::is_whitespace) || group.is_empty() {
        return format!("{leaf} {group}");
    }
    let lower = group.to_lowercase();
    let genitive = if let Some(stem) = lower.strip_suffix("ия") {
        format!("{stem}ии")
    } else if let Some(stem) = lower.strip_suffix("ие") {
        format!("{stem}ия")
    } else if let Some(stem) = lower.strip_suffix('а') {
        format!("{stem}ы")
    } else if lower.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) {
        format!("{lower}а")
    } else {
        lower
    };
    format!("{leaf} {genitive}")
}

/// Which row of a two-row header is the one added to the header found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// The row above: headings merged down over both rows.
    Above,
    /// The row below: leaves under group headings.
    Below,
}

/// The heading a leaf of a two-row header takes from the group heading above it, if any: the
/// group's own (a field) over a generic leaf, the leaf with the group in the genitive, or the
/// group and the leaf read as one.
fn under_group<F: Copy + PartialEq>(
    top: &GridRow,
    bottom: &GridRow,
    c: usize,
    spec: &ColumnSpec<F>,
) -> Option<String> {
    fn text(row: &GridRow, c: usize) -> &str {
        row.slots.get(c).map_or("", |s| s.text.trim())
    }
    // A group heading merged across («Поступило» over «Дата | Номер») stands over every column
    // it covers: the text of the nearest slot to the left that is not merged. A CSV keeps no
    // merges: an empty slot after a heading may be under it too (`loose`), but then only the
    // leaf-and-genitive reading counts («Регистрация» / «Дата»), never the heading alone (an
    // empty slot beside «Рег. №» is no number).
    // No group spans more than a few dozen columns: the look back is bounded, so a sheet whose
    // one cell sits at column XFD is not walked back 16,384 times per column.
    const GROUP_SPAN: usize = 64;
    let group = |c: usize| -> (&str, bool) {
        let mut at = c;
        let mut loose = false;
        while at > 0 && c - at < GROUP_SPAN && text(top, at).is_empty() {
            loose |= !top.slots.get(at).is_some_and(|s| s.merged_left);
            at -= 1;
        }
        (text(top, at), loose)
    };
    // A leaf that says only what kind of value stands under its group («Дата», «№»): the group
    // heading names the field («Поступило» / «Дата» is the receipt). «Время» is not one: under
    // «Поступило» it is the time, a field of its own, never a second receipt.
    let generic = |c: usize| {
        let leaf = text(bottom, c);
        !leaf.is_empty()
            && matches!(
                crate::text::normalize(leaf).as_str(),
                "дата" | "номер" | "" | "n"
            )
    };
    // The group heading is a field («Поступило»), or names one with the leaf before it in the
    // genitive («Регистрация» over «Дата» is «Дата регистрации»).
    let is_field = |heading: &str| matches!(classify(heading, spec), Heading::Field(_));
    let leaf = text(bottom, c);
    if leaf.is_empty() {
        return None;
    }
    let (heading, loose) = group(c);
    if heading.is_empty() {
        return None;
    }
    // The two rows read as one where that names a field more fully than either alone: «Форма»
    // / «обращения», «Контрольный» / «срок», «Дата» / «поступления» (never a full heading and a
    // value under it: «Дата поступления» over «Кузнецова» names nothing more).
    let joined = format!("{heading} {leaf}");
    let length = |h: &str| matched_length(h, spec);
    if is_field(&joined) && length(&joined) > length(heading).max(length(leaf)) {
        return Some(joined);
    }
    if is_field(leaf) {
        return None;
    }
    if generic(c) {
        if !loose && is_field(heading) {
            return Some(heading.to_string());
        }
        let composed = with_genitive(leaf, heading);
        return is_field(&composed).then_some(composed);
    }
    None
}

/// A header of two rows read as its leaf headings (import.md, cycle.md: Дело-WEB reports), or
/// None when `bottom` does not complete `top`. It does when the two rows hold no values (no
/// digits), never name a field in the same column both, and together name a field one alone
/// does not: a leaf under a group heading merged across («Исполнение» over «Исполнитель | Срок
/// исполнения | Дата исполнения»), or a heading merged down over both rows beside them. Each
/// column's heading is then the lower row's where it has one, else the upper's; the row keeps
/// the upper row's number. `added` says which row is the one that may complete the header
/// found: it must bring a field of its own (a title above a header brings none).
pub fn two_row_header<F: Copy + PartialEq>(
    top: &GridRow,
    bottom: &GridRow,
    spec: &ColumnSpec<F>,
    added: Added,
) -> Option<GridRow> {
    let has_digits = |row: &GridRow| {
        row.slots
            .iter()
            .any(|s| s.text.bytes().any(|b| b.is_ascii_digit()))
    };
    if has_digits(top) || has_digits(bottom) || bottom.number != top.number + 1 {
        return None;
    }
    let field = |row: &GridRow, c: usize| {
        row.slots
            .get(c)
            .map(|s| classify(&s.text, spec))
            .is_some_and(|h| matches!(h, Heading::Field(_)))
    };
    fn text(row: &GridRow, c: usize) -> &str {
        row.slots.get(c).map_or("", |s| s.text.trim())
    }
    let named = |c: usize| under_group(top, bottom, c, spec);
    let group_field = |c: usize| named(c).is_some();
    let width = top.slots.len().max(bottom.slots.len());
    let mut gains = false;
    let mut from_group = vec![false; width];
    for (c, taken) in from_group.iter_mut().enumerate() {
        if added == Added::Below && group_field(c) {
            *taken = true;
            gains = true;
            continue;
        }
        match (field(top, c), field(bottom, c)) {
            (true, true) => return None,
            (true, false) if added == Added::Above && text(bottom, c).is_empty() => gains = true,
            (false, true) if added == Added::Below => gains = true,
            _ => {}
        }
    }
    gains.then(|| GridRow {
        number: top.number,
        slots: (0..width)
            .map(|c| {
                let lower = text(bottom, c);
                let heading = if from_group[c] {
                    named(c).unwrap_or_default()
                } else if lower.is_empty() {
                    text(top, c).to_string()
                } else {
                    lower.to_string()
                };
                Slot {
                    text: heading,
                    ..Slot::default()
                }
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum F {
        Number,
        Form,
        Due,
        Received,
        Point,
        Executor,
    }

    const SPEC: ColumnSpec<F> = ColumnSpec {
        fields: &[
            (F::Number, &["Номер", "№", "Рег. номер"]),
            (F::Form, &["Форма", "Форма обращения"]),
            (F::Due, &["Срок", "Контрольный срок"]),
            (F::Received, &["Дата поступления"]),
            (F::Point, &["Точка взаимодействия"]),
            (F::Executor, &["Исполнитель"]),
        ],
        not_fields: &["Поступило от", "Форма ответа"],
        qualifiers: Qualifiers::After,
    };

    #[test]
    fn a_one_word_wording_is_never_a_first_word() {
        for header in [
            "Номер телефона",
            "Номер п/п",
            "Форма собственности",
            "Срок хранения",
        ] {
            assert_eq!(classify(header, &SPEC), Heading::Unknown, "{header}");
        }
        assert_eq!(classify("Номер", &SPEC), Heading::Field(F::Number));
        assert_eq!(classify(" № ", &SPEC), Heading::Field(F::Number));
        assert_eq!(classify("Срок (план)", &SPEC), Heading::Field(F::Due));
        assert_eq!(
            classify("Исполнитель (ФИО)", &SPEC),
            Heading::Field(F::Executor)
        );
        assert_eq!(classify("ФОРМА", &SPEC), Heading::Field(F::Form));
    }

    #[test]
    fn a_wording_of_several_words_takes_qualifiers_where_the_domain_allows() {
        assert_eq!(
            classify("Дата поступления обращения", &SPEC),
            Heading::Field(F::Received)
        );
        assert_eq!(
            classify("Рег. номер документа", &SPEC),
            Heading::Field(F::Number)
        );
        assert_eq!(classify("Форма ответа", &SPEC), Heading::NotAField);
        assert_eq!(classify("Форма обращения¹", &SPEC), Heading::Field(F::Form));
        // Before the wording only where qualifiers stand around it.
        assert_eq!(
            classify("Ключевая точка взаимодействия", &SPEC),
            Heading::Unknown
        );
        let around = ColumnSpec {
            qualifiers: Qualifiers::Around,
            ..SPEC
        };
        assert_eq!(
            classify("Ключевая точка взаимодействия (цифровая)", &around),
            Heading::Field(F::Point)
        );
    }

    fn row(number: usize, cells: &[&str]) -> GridRow {
        GridRow {
            number,
            slots: cells
                .iter()
                .map(|t| Slot {
                    text: t.to_string(),
                    ..Slot::default()
                })
                .collect(),
        }
    }

    #[test]
    fn a_two_row_header_is_read_as_its_leaves() {
        // «Исполнение» merged over «Исполнитель | Срок»; «Дата поступления» merged down.
        let top = row(3, &["Дата поступления", "Исполнение", ""]);
        let bottom = row(4, &["", "Исполнитель", "Срок"]);
        let merged = two_row_header(&top, &bottom, &SPEC, Added::Below).unwrap();
        let texts: Vec<&str> = merged.slots.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["Дата поступления", "Исполнитель", "Срок"]);
        assert_eq!(merged.number, 3);
        // A repeated header, a row of values, rows far apart: no two-row header.
        let below = |bottom: GridRow| two_row_header(&top, &bottom, &SPEC, Added::Below);
        assert!(below(row(4, &["Дата поступления", "", ""])).is_none());
        assert!(below(row(4, &["", "Иванова", "01.04.2025"])).is_none());
        assert!(below(row(9, &["", "Исполнитель", "Срок"])).is_none());
        // A title above a header adds no field: no two-row header.
        let title = row(2, &["Журнал регистрации обращений", "", ""]);
        assert!(two_row_header(&title, &top, &SPEC, Added::Above).is_none());
        // A heading merged down from the row above does.
        // A group heading over generic leaves names the fields: «Поступило» / «Дата».
        let mut received = row(1, &["Дата поступления", "", "Номер"]);
        received.slots[1].merged_left = true;
        let leaves = row(2, &["Дата", "№", ""]);
        let merged = two_row_header(&received, &leaves, &SPEC, Added::Below).unwrap();
        assert_eq!(merged.slots[0].text, "Дата поступления");
        assert_eq!(merged.slots[2].text, "Номер");
        // A group heading that is no field names one with the leaf in the genitive.
        // «Дата» over «поступления | ответа»: read as one heading.
        let date = row(1, &["Дата", "", "Форма"]);
        let parts = row(2, &["поступления", "ответа", ""]);
        let merged = two_row_header(&date, &parts, &SPEC, Added::Below).unwrap();
        assert_eq!(merged.slots[0].text, "Дата поступления");
        // A heading split over the two rows: «Форма» / «обращения», «Контрольный» / «срок».
        let split = row(1, &["Форма", "Срок"]);
        let rest = row(2, &["обращения", ""]);
        let merged = two_row_header(&split, &rest, &SPEC, Added::Below).unwrap();
        assert_eq!(merged.slots[0].text, "Форма обращения");
        let mut stage = row(1, &["Поступление", "", "Номер"]);
        stage.slots[1].merged_left = true;
        let leaves = row(2, &["Дата", "", ""]);
        let merged = two_row_header(&stage, &leaves, &SPEC, Added::Below).unwrap();
        assert_eq!(merged.slots[0].text, "Дата поступления");
        let group = row(2, &["", "Исполнение", "Номер"]);
        let found = row(3, &["Дата поступления", "Исполнитель", ""]);
        let merged = two_row_header(&group, &found, &SPEC, Added::Above).unwrap();
        assert_eq!(merged.slots[2].text, "Номер");
    }

    #[test]
    fn two_fields_fitting_equally_are_said_not_chosen() {
        const TWO: ColumnSpec<F> = ColumnSpec {
            fields: &[
                (F::Due, &["Дата исполнения"]),
                (F::Form, &["Дата исполнения"]),
            ],
            not_fields: &[],
            qualifiers: Qualifiers::After,
        };
        assert_eq!(
            classify("Дата исполнения", &TWO),
            Heading::Ambiguous(F::Due, F::Form)
        );
        assert_eq!(classify("", &TWO), Heading::Unknown);
    }
}
