//! R020: the numeric bands of one attribute overlap or leave a gap.

use super::{Context, Rule, Scope, Sink};
use crate::diagnostic::{Severity, YamlPath};
use crate::registry::model::Text;

pub static RULE: Rule = Rule {
    code: "R020",
    name: "overlapping-bands",
    severity: Severity::Warning,
    source: "Северная Осетия, таблица признаков",
    summary: "числовые интервалы признака пересекаются или оставляют пропуск («1-3» и «3-5» оба содержат 3)",
    explanation: "\
Что проверяет: что интервалы признака с числами («Менее 1 года; 1-3 лет; 3-5 лет», «До 30 000;
30 000 - 60 000») не пересекаются и не оставляют пропусков. Концы, записанные через тире,
входят в интервал; «менее», «до» — не входят; «более», «свыше» — не входят.

Почему это важно: человек со стажем 3 года попадает в два сегмента сразу, и итоги по сегментам
считают его дважды или произвольно; в пропуск не попадает никто.

Пример (так в приказе Северной Осетии):
    values: [Менее 1 года, 1-3 лет, 3-5 лет, 5-10 лет, более 10 лет]   # 3 и 5 — в двух интервалах

Как исправить: «Менее 1 года; от 1 до 3 лет; от 3 до 5 лет; от 5 до 10 лет; 10 лет и более» —
каждое число в одном интервале.

Основание: Северная Осетия, таблица признаков для сегментации внутреннего клиента.",
    scope: Scope::Registry,
};

pub(super) fn check(context: &Context, out: &mut Sink) {
    for (i, attribute) in context.registry.segmentation.iter().flatten().enumerate() {
        let Some(mut bands) = attribute.bands() else {
            continue;
        };
        // A value of a banded attribute that reads as no interval («5-1»): said, not skipped.
        for value in attribute.value_texts() {
            if crate::registry::profiles::Band::parse(value).is_none() {
                out.report(
                    YamlPath::root().key("segmentation").index(i).key("values"),
                    format!(
                        "Значение «{value}» признака «{}» не читается как интервал (начало больше конца или нет чисел)",
                        attribute.name()
                    ),
                    "Запишите интервал как «от 1 до 3», «до 30 000», «более 10»",
                );
            }
        }
        // Whole years of age or service: «25-34» and «35-44» leave no gap.
        let whole = Text::non_blank(&attribute.bands).is_some_and(|b| b == "age" || b == "years");
        bands.sort_by(|a, b| a.1.low.total_cmp(&b.1.low));
        for pair in bands.windows(2) {
            let ((first, a), (second, b)) = (&pair[0], &pair[1]);
            let message = if a.overlaps(b) {
                format!(
                    "Интервалы «{first}» и «{second}» признака «{}» пересекаются: одно число попадает в оба",
                    attribute.name()
                )
            } else if (b.low > a.high
                && !(whole && a.high_closed && b.low_closed && b.low - a.high <= 1.0))
                || (b.low == a.high && !a.high_closed && !b.low_closed)
            {
                format!(
                    "Между интервалами «{first}» и «{second}» признака «{}» пропуск: туда не попадает никто",
                    attribute.name()
                )
            } else {
                continue;
            };
            out.report(
                YamlPath::root().key("segmentation").index(i).key("values"),
                message,
                "Запишите интервалы так, чтобы каждое число было ровно в одном: «от 1 до 3», «от 3 до 5» (верхний конец не входит)",
            );
        }
    }
}
