//! R004: a need must be one of the catalogue's ten, by code or by the seeds' wording.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::{NeedEntry, NeedValue, OneOrMany, TouchpointRef};
use crate::registry::needs::Need;

pub static RULE: Rule = Rule {
    code: "R004",
    name: "unknown-need",
    severity: Severity::Error,
    source: "Смоленск 1.7, Липецк 2.6",
    summary: "потребность — один из десяти кодов или формулировок; при опечатке называется ближайшая",
    explanation: "\
Что проверяет: что каждая удовлетворяемая потребность записана кодом или формулировкой из
каталога (регистр, ё/е и пробелы не важны):
    info             получение информации
    consultation     получение консультации
    forms            получение форм документов
    submission       представление заявления, обращения, запроса, документов
    status           получение информации о ходе рассмотрения заявления, обращения, запроса, документов
    result           получение результата, ответа, разъяснения
    inspection       предоставление объектов для осмотра (проверки) — только Смоленск
    feedback         предоставление обратной связи
    feedback_result  получение результата рассмотрения обратной связи
    other            другие удовлетворяемые потребности клиента: {other: \"описание\"}

Почему это важно: потребности сравниваются между версиями перечня и с анкетой; потребность,
записанная своими словами, выпадает из сравнения и из сводок.

Пример:
    needs: [consultaton, получение консультаций]   # опечатки: consultation

Как исправить: замените значение на код или формулировку, которую называет сообщение.

Основание: Смоленск, п. 1.7; Липецк, п. 2.6; Омск, п. 6; Северная Осетия, п. 2.5.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    let registry = context.registry;
    for (i, entry) in registry.needs.iter().flatten().enumerate() {
        report(out, || YamlPath::root().key("needs").index(i), entry);
    }
    for tp in registry.touchpoints() {
        let entries: Vec<(Option<usize>, &NeedEntry)> =
            need_entries(&tp.touchpoint.needs).collect();
        let mut i = 0;
        while i < entries.len() {
            if let Some((need, pieces)) = split_wording(&entries[i..]) {
                report_split(
                    out,
                    need_path(&tp, entries[i].0),
                    need,
                    &entries[i..i + pieces],
                );
                i += pieces;
                continue;
            }
            let (slot, entry) = entries[i];
            report(out, || need_path(&tp, slot), entry);
            i += 1;
        }
    }
}

/// The longest a catalogue wording splits into at its commas (status: 4 commas, 5 pieces).
const MAX_PIECES: usize = 6;

/// A catalogue wording written unquoted in a flow list (`[представление заявления, обращения,
/// запроса, документов]`) reaches serde as several entries. When the entries from the first on
/// re-join (with commas) into a wording and the first is not a need by itself, returns the need
/// and how many entries it took.
fn split_wording(entries: &[(Option<usize>, &NeedEntry)]) -> Option<(Need, usize)> {
    let text = |k: usize| match entries.get(k)?.1 {
        NeedEntry::Name(text) => Some(text.as_str()),
        NeedEntry::WithDescription(_) => None,
    };
    let first = text(0)?;
    if entries[0].0.is_none() || Need::parse(first).is_some() {
        return None;
    }
    let mut joined = first.to_string();
    let mut best = None;
    for k in 1..MAX_PIECES.min(entries.len()) {
        let Some(piece) = text(k) else { break };
        joined.push_str(", ");
        joined.push_str(piece);
        if let Some(need) = Need::parse(&joined) {
            best = Some((need, k + 1));
        }
    }
    best
}

fn report_split(
    out: &mut Sink,
    path: YamlPath,
    need: Need,
    pieces: &[(Option<usize>, &NeedEntry)],
) {
    let wording: Vec<&str> = pieces
        .iter()
        .filter_map(|(_, entry)| match entry {
            NeedEntry::Name(text) => Some(text.as_str()),
            NeedEntry::WithDescription(_) => None,
        })
        .collect();
    let wording = wording.join(", ");
    out.report(
        path,
        format!(
            "Формулировка «{wording}» разделена запятыми на {} потребности: в списке в квадратных скобках запятая отделяет одну потребность от другой",
            pieces.len()
        ),
        format!(
            "Заключите формулировку в кавычки: \"{wording}\" — или запишите код {}",
            need.code()
        ),
    );
}

/// The need entries of a touchpoint with their index (None when `needs` is a single value).
pub(crate) fn need_entries(
    needs: &Option<OneOrMany<NeedEntry>>,
) -> impl Iterator<Item = (Option<usize>, &NeedEntry)> {
    let entries: &[NeedEntry] = needs.as_ref().map_or(&[], |n| n.as_slice());
    let single = matches!(needs, Some(OneOrMany::One(_)));
    entries
        .iter()
        .enumerate()
        .map(move |(i, entry)| (if single { None } else { Some(i) }, entry))
}

/// The YAML path of a need entry; built only when a finding needs it.
pub(crate) fn need_path(tp: &TouchpointRef, slot: Option<usize>) -> YamlPath {
    let needs = tp.path().key("needs");
    match slot {
        Some(i) => needs.index(i),
        None => needs,
    }
}

fn report(out: &mut Sink, path: impl FnOnce() -> YamlPath, entry: &NeedEntry) {
    match entry.interpret() {
        NeedValue::Known { .. } => {}
        NeedValue::Unknown(text) => {
            let message = match Need::closest(&text) {
                Some(need) => format!(
                    "Потребность «{text}» не из каталога: возможно, имелась в виду «{}» ({})",
                    need.code(),
                    need.russian()
                ),
                None => format!("Потребность «{text}» не из каталога"),
            };
            out.report(
                path(),
                message,
                "Запишите код или формулировку из каталога (`tochki explain R004`); своё — как {other: \"описание\"}",
            );
        }
        NeedValue::Malformed(key) => out.report(
            path(),
            format!("Запись «{key}: …» не является потребностью из каталога"),
            "Запишите потребность кодом из каталога с описанием ({info: \"о сроках выплат\"}) или другую — как {other: \"описание\"}",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    #[test]
    fn a_wording_split_at_its_commas_is_one_finding_that_asks_for_quotes() {
        let yaml = "
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Сайт, channel: digital, needs: [info, представление заявления, обращения, запроса, документов, получение информации о ходе рассмотрения заявления, обращения, запроса, документов, нечто]}]}]}]
";
        let found = run_rule(&RULE, yaml);
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        let tp = "directions[0].processes[0].touchpoints[0]";
        assert_eq!(
            paths,
            [
                format!("{tp}.needs[1]"),
                format!("{tp}.needs[5]"),
                format!("{tp}.needs[9]")
            ]
        );
        assert!(
            found[0]
                .1
                .contains("«представление заявления, обращения, запроса, документов»")
        );
        assert!(found[0].1.contains("на 4 потребности"));
        assert!(
            found[1]
                .1
                .contains("о ходе рассмотрения заявления, обращения")
        );
        assert!(found[2].1.contains("«нечто» не из каталога"));
    }

    #[test]
    fn misspelt_needs_name_the_closest_in_code_and_russian() {
        let yaml = "
needs: [info, consultaton]
directions: [{name: d, processes: [{name: p, touchpoints: [
  {point: Сайт, channel: digital, needs: [получение консультаций, {info: x}, {инфа: y}, получение информации]}]}]}]
";
        let found = run_rule(&RULE, yaml);
        // `{info: x}` is a need of the catalogue with its description; `{инфа: y}` is none.
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].0, "needs[1]");
        assert!(
            found[0]
                .1
                .contains("«consultation» (получение консультации)")
        );
        assert_eq!(
            found[1].0,
            "directions[0].processes[0].touchpoints[0].needs[0]"
        );
        assert!(found[1].1.contains("«consultation»"));
        assert_eq!(
            found[2].0,
            "directions[0].processes[0].touchpoints[0].needs[2]"
        );
        assert!(
            found[2]
                .1
                .contains("«инфа: …» не является потребностью из каталога")
        );
    }
}
