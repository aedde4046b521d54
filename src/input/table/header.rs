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
    let raw = without_marks(header);
    let normal = normalize(&raw);
    if normal.is_empty() && raw.trim().is_empty() {
        return Heading::Unknown;
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
    match best {
        None => Heading::Unknown,
        Some((_, None)) => Heading::NotAField,
        Some((_, Some(field))) => match tie {
            Some(other) => Heading::Ambiguous(field, other),
            None => Heading::Field(field),
        },
    }
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
