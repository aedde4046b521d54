//! The findings of `survey check` (S001–S013): each code's description beside the functions
//! that build its findings, so a finding can only be made with a code that exists and with the
//! severity the catalogue gives it. The catalogue (`catalog::CATALOG`) lists the statics here,
//! so `explain`, `rules`, `--ignore` and the README table cover them with the registry rules.

use super::scale::Scale;
use crate::diagnostic::{Finding, Severity};
use crate::diagnostic::{Rule, Scope};
use crate::input::text::Encoding;
use crate::privacy::shown;

/// A finding of `rule` in an export: `row` counts from 1 (the header), `column` from 0.
fn finding(
    rule: &'static Rule,
    file: &str,
    row: Option<u64>,
    column: Option<usize>,
    message: String,
    help: &str,
) -> Finding {
    let mut finding = Finding::new(rule.code, rule.severity, message).with_help(help);
    finding.file = file.to_string();
    finding.row = row.map(|row| row as usize);
    finding.column = column.map(|column| column + 1);
    finding
}

pub use crate::text::quoted_list;

/// A value of a column that is not an option of a scale.
#[derive(Debug, Clone)]
pub struct Misfit {
    pub row: u64,
    pub value: String,
}

pub static S001: Rule = Rule {
    code: "S001",
    name: "missing-column",
    severity: Severity::Error,
    source: "—",
    summary: "в выгрузке нет столбца, который называет описание анкеты",
    explanation: "\
Что проверяет: что каждый столбец, названный в описании анкеты (--survey), есть в выгрузке
(заголовок или шаблон со звёздочкой).

Почему это важно: без столбца вопрос не будет посчитан, а итог покажет меньше вопросов, чем было в
анкете.

Пример: в описании column: \"*[Предоставление расчетных листков]\", а в выгрузке заголовок
«... [Предоставление расчётных листочков]».

Как исправить: исправьте описание по одному из ближайших заголовков, которые называет сообщение.

Основание: Омск, п. 11 и приложение (анкета).",
    scope: Scope::Survey,
};

/// S001: the definition names a column (`pattern`, described as `what`) the export lacks.
pub fn missing_column(file: &str, pattern: &str, what: &str, closest: &[String]) -> Finding {
    finding(
        &S001,
        file,
        Some(1),
        None,
        format!(
            "В выгрузке нет столбца «{pattern}» ({what}); ближайшие заголовки: {}",
            quoted_list(closest)
        ),
        "Исправьте описание анкеты по одному из этих заголовков",
    )
}

pub static S002: Rule = Rule {
    code: "S002",
    name: "value-outside-scale",
    severity: Severity::Error,
    source: "Омск, приложение",
    summary: "ответ не совпадает ни с одним вариантом шкалы (строка, столбец, значение, ближайший вариант)",
    explanation: "\
Что проверяет: что каждый непустой ответ на вопрос со шкалой — один из её вариантов (регистр, ё/е,
пробелы по краям и точка в конце не важны). Шкалы: пятибалльная (Полностью удовлетворен, Скорее
удовлетворен, Скорее не удовлетворен, Полностью не удовлетворен, Затрудняюсь ответить) и
трёхвариантная (Удовлетворен, Не удовлетворен, Затрудняюсь ответить).

Почему это важно: значение вне шкалы нельзя посчитать ни в одну сторону; оно никогда не
засчитывается молча, а итог говорит, сколько ячеек пропущено.

Пример: «Скорее удовлетворён» — верно; «скорее да» — вне шкалы.

Как исправить: исправьте значение в выгрузке на вариант, который называет сообщение.

Основание: Омск, приложение (анкета, вопросы 1 и 3).",
    scope: Scope::Survey,
};

/// S002: one value of the item `label` (column `column`) is not an option of its scale.
pub fn value_outside_scale(
    file: &str,
    misfit: &Misfit,
    column: usize,
    scale: Scale,
    label: &str,
) -> Finding {
    let value = shown(&misfit.value);
    let mut finding = finding(
        &S002,
        file,
        Some(misfit.row),
        Some(column),
        format!(
            "«{value}» — не вариант шкалы ({}) в вопросе «{label}»{}; ячейка не учтена",
            scale.russian(),
            match scale.closest(&misfit.value) {
                Some(option) => format!(": ближайший вариант «{option}»"),
                None if !misfit.value.chars().any(char::is_alphabetic) => {
                    ": цифры не читаются как ответ — неизвестно, какой конец шкалы 1".to_string()
                }
                None => String::new(),
            }
        ),
        "Исправьте значение в выгрузке на один из вариантов шкалы",
    );
    finding.value = Some(value.into_owned());
    finding
}

/// S002: a value of the `--by` column that is none of the registry's attribute's values
/// (profiles.md); `value` None when fewer people gave it than the minimum group.
pub fn segment_value_outside(
    file: &str,
    attribute: &crate::registry::profiles::Attribute,
    value: Option<&str>,
    count: u64,
) -> Finding {
    let what = match value {
        Some(value) => format!("«{value}»"),
        None => "значение малой группы (не показывается)".to_string(),
    };
    let values: Vec<String> = attribute
        .value_texts()
        .iter()
        .map(|v| format!("«{v}»"))
        .collect();
    finding(
        &S002,
        file,
        None,
        None,
        format!(
            "В столбце «{}» {what} ({count} {}) — не значение признака перечня; значения: {}",
            attribute.name(),
            crate::text::plural(count as usize, "анкета", "анкеты", "анкет"),
            values.join(", ")
        ),
        "Исправьте значение в выгрузке или в таблице признаков перечня (segmentation:)",
    )
}

/// S002: how many more values of a column are outside the scale than were reported one by one.
pub fn more_outside_scale(
    file: &str,
    column: usize,
    header: &str,
    more: u64,
    shown: usize,
) -> Finding {
    finding(
        &S002,
        file,
        None,
        Some(column),
        format!(
            "В столбце «{header}» ещё {more} {} вне шкалы (показаны первые {shown})",
            crate::text::plural(more as usize, "значение", "значения", "значений")
        ),
        "Проверьте, что столбец действительно вопрос со шкалой, или задайте описание анкеты (--survey)",
    )
}

pub static S003: Rule = Rule {
    code: "S003",
    name: "personal-data",
    severity: Severity::Warning,
    source: "Смоленск 5.2",
    summary: "выгрузка содержит персональные данные (ФИО, e-mail, телефон): они не выводятся",
    explanation: "\
Что проверяет: нет ли в выгрузке столбцов, по которым можно узнать человека: ФИО, фамилия,
e-mail, телефон, или названных в описании анкеты как personal.

Почему это важно: опрос проводится с максимально возможной анонимностью (Смоленск 5.2). Программа
никогда не печатает и не записывает эти столбцы, но сама выгрузка уже не анонимна.

Пример: столбец «ФИО внутреннего клиента» из бланка анкеты Омска.

Как исправить: уберите такие вопросы из формы опроса; храните выгрузку как документ ограниченного
доступа.

Основание: Смоленск, п. 5.2.",
    scope: Scope::Survey,
};

/// S003: the column `header` identifies people.
pub fn personal_column(file: &str, column: usize, header: &str) -> Finding {
    finding(
        &S003,
        file,
        Some(1),
        Some(column),
        format!(
            "Выгрузка не анонимна: столбец «{header}» содержит персональные данные; программа его не выводит"
        ),
        "Уберите такие вопросы из формы опроса (Смоленск 5.2) и храните выгрузку как документ ограниченного доступа",
    )
}

pub static S004: Rule = Rule {
    code: "S004",
    name: "nothing-to-tally",
    severity: Severity::Error,
    source: "—",
    summary: "в выгрузке не распознан ни один вопрос со шкалой или нет ни одного ответа",
    explanation: "\
Что проверяет: что в выгрузке есть хотя бы один столбец-вопрос (все его значения из одной шкалы)
и хотя бы одна строка ответов.

Почему это важно: пустой итог выглядит как «все довольны» или «никто не ответил»; ни то, ни другое
нельзя выдавать без проверки.

Пример: выгрузка, в которой есть только заголовок; или ответы записаны баллами 1–5 вместо слов.

Как исправить: проверьте, что выбран верный файл; для нестандартных столбцов задайте описание
анкеты (--survey).

Основание: Омск, п. 11-12.",
    scope: Scope::Survey,
};

/// S004: no column is a question on a scale.
pub fn no_items(file: &str, encoding: Encoding, delimiter: Option<u8>) -> Finding {
    let (read_as, help) = match delimiter {
        // A CSV: its encoding and its delimiter may be what went wrong.
        Some(delimiter) => {
            let name = match delimiter {
                b'\t' => "табуляция".to_string(),
                other => format!("«{}»", other as char),
            };
            (
                format!(
                    " (выгрузка прочитана в кодировке {}, разделитель {name})",
                    encoding.name()
                ),
                "Проверьте, что выбран верный файл, кодировка (--encoding utf-8 или cp1251) и разделитель (--delimiter «,», «;», «tab» или «|»); для нестандартных заголовков задайте описание анкеты (--survey)",
            )
        }
        // A workbook has neither: only the file and the headers can be wrong.
        None => (
            String::new(),
            "Проверьте, что выбран верный файл и что заголовки — вопросы анкеты; для нестандартных заголовков задайте описание анкеты (--survey)",
        ),
    };
    finding(
        &S004,
        file,
        Some(1),
        None,
        format!(
            "Не распознан ни один вопрос со шкалой: ни в одном столбце значения не совпадают с вариантами шкалы{read_as}"
        ),
        help,
    )
}

/// S004: the export has questions but no row of answers.
pub fn no_answers(file: &str) -> Finding {
    finding(
        &S004,
        file,
        Some(1),
        None,
        "В выгрузке нет ни одной строки ответов".into(),
        "Проверьте, что выбран верный файл и что выгрузка сделана после окончания опроса",
    )
}

pub static S005: Rule = Rule {
    code: "S005",
    name: "broken-row",
    severity: Severity::Error,
    source: "—",
    summary: "строка другой длины, чем заголовок, или не читается в кодировке файла",
    explanation: "\
Что проверяет: что в каждой строке столько же ячеек, сколько в заголовке (пустые хвостовые ячейки
допускаются), и что она читается в определённой кодировке.

Почему это важно: строка со сдвигом ячеек приписывает ответы чужим вопросам.

Пример: ответ с незакрытой кавычкой или точкой с запятой внутри, сохранённый без кавычек.

Как исправить: исправьте строку в таблице и сохраните выгрузку заново.

Основание: —",
    scope: Scope::Survey,
};

/// S005: a quote in `column` is never closed, so the rest of the file fell into one cell.
pub fn unclosed_quote(file: &str, row: u64, column: usize) -> Finding {
    finding(
        &S005,
        file,
        Some(row),
        Some(column),
        "Кавычка в этой ячейке не закрыта: всё до конца файла попало в одну ячейку, ответы не учтены".into(),
        "Закройте кавычку в этой ячейке (или удалите лишнюю) и сохраните выгрузку заново",
    )
}

/// S005: a row of `cells` cells under a header of `width`.
pub fn row_width(file: &str, row: u64, cells: usize, width: usize, header_cells: usize) -> Finding {
    let header = if header_cells > width {
        format!("{header_cells} (с названием — {width})")
    } else {
        width.to_string()
    };
    finding(
        &S005,
        file,
        Some(row),
        None,
        format!(
            "В строке {cells} {}, а в заголовке {header}: ответы сдвинуты и не учтены",
            crate::text::plural(cells, "ячейка", "ячейки", "ячеек")
        ),
        "Проверьте кавычки и разделители в этой строке и сохраните выгрузку заново",
    )
}

/// S005: the cell in `column` is not text in the export's encoding.
pub fn unreadable_row(file: &str, row: u64, column: usize, encoding: Encoding) -> Finding {
    finding(
        &S005,
        file,
        Some(row),
        Some(column),
        format!(
            "Строка не читается в кодировке {}: ответы строки не учтены",
            encoding.name()
        ),
        "Укажите кодировку явно (--encoding cp1251 или --encoding utf-8) или пересохраните файл",
    )
}

pub static S006: Rule = Rule {
    code: "S006",
    name: "duplicate-response",
    severity: Severity::Warning,
    source: "—",
    summary: "одна и та же строка ответов дважды (одинаковые время и ответы)",
    explanation: "\
Что проверяет: что в выгрузке нет двух строк с одинаковыми отметкой времени и всеми ответами.

Почему это важно: повторная отправка формы или двойное копирование строк удваивает голос одного
человека.

Пример: две строки «12.11.2025 10:15:03; Удовлетворен; ...».

Как исправить: удалите повтор из выгрузки.

Основание: —",
    scope: Scope::Survey,
};

/// S006: the row repeats an earlier one with the same `time` (in the timestamp `column`).
pub fn repeated_row(file: &str, row: u64, column: usize, time: &str) -> Finding {
    finding(
        &S006,
        file,
        Some(row),
        Some(column),
        format!(
            "Строка повторяет более раннюю строку с тем же временем «{time}» и теми же ответами: повтор не учтён в итогах"
        ),
        "Найдите строки с этим временем и удалите повтор из выгрузки",
    )
}

pub static S007: Rule = Rule {
    code: "S007",
    name: "item-without-process",
    severity: Severity::Warning,
    source: "Омск, приложение; Липецк 2.2",
    summary: "вопрос анкеты не связан ни с одним процессом перечня (назван ближайший)",
    explanation: "\
Что проверяет: с --registry — что каждый вопрос-строка сетки связан с одним процессом перечня: по
ключу process: описания анкеты (и direction:, если процесс с таким названием есть в двух
направлениях), иначе по названию (регистр, ё/е, пробелы и знаки не важны), иначе по тем же
значимым словам в другой форме или порядке (листков/листочков, справок/справки). Название с
добавленными или выпавшими словами — другой процесс: связи нет, он назван кандидатом.

Почему это важно: итоги вопроса без процесса не попадают на перечень, и по ним не видно, какие
точки взаимодействия улучшать.

Пример: вопрос «Выдача справок» при процессе «Предоставление справок о доходах».

Как исправить: укажите process: у вопроса в описании анкеты (tochki survey init делает это сам)
или переименуйте строку анкеты по перечню.

Основание: Омск, приложение (анкета по процессам); Липецк, п. 2.2.",
    scope: Scope::Survey,
};

/// S007: the item `label` links to no process; `candidates` are the nearest ones, or those
/// that fit equally (`several`).
pub fn item_without_process(
    file: &str,
    label: &str,
    candidates: &[String],
    several: bool,
) -> Finding {
    let named = candidates
        .iter()
        .map(|c| format!("«{c}»"))
        .collect::<Vec<_>>()
        .join(", ");
    let message = if several {
        format!(
            "Вопрос «{label}» подходит к нескольким процессам перечня: {named}; связь не сделана"
        )
    } else if named.is_empty() {
        format!("Вопрос «{label}» не связан ни с одним процессом перечня")
    } else {
        format!("Вопрос «{label}» не связан ни с одним процессом перечня (ближе всего {named})")
    };
    let mut finding = S007.finding(message).with_help(
        "Укажите process: у вопроса в описании анкеты или переименуйте строку по перечню",
    );
    finding.file = file.to_string();
    finding
}

pub static S008: Rule = Rule {
    code: "S008",
    name: "process-not-surveyed",
    severity: Severity::Warning,
    source: "Омск 11",
    summary: "о процессе перечня не спрашивает ни один вопрос анкеты (в этом году не измерен)",
    explanation: "\
Что проверяет: с --registry — что о каждом процессе перечня спрашивает хотя бы один вопрос.

Почему это важно: удовлетворенность процессом, о котором не спросили, неизвестна, и его динамику
нельзя сравнить с прошлым годом (Омск, п. 12).

Пример: в перечне есть «Оформление отпусков», а в анкете такой строки нет.

Как исправить: добавьте строку в анкету (tochki survey init строит анкету по перечню).

Основание: Омск, пп. 11–12.",
    scope: Scope::Survey,
};

/// S008: no item asks about `process` (in `direction`).
pub fn process_not_surveyed(file: &str, direction: &str, process: &str) -> Finding {
    let mut finding = S008
        .finding(format!(
            "О процессе «{process}» ({direction}) не спрашивает ни один вопрос анкеты"
        ))
        .with_help("Добавьте строку в анкету: tochki survey init ПЕРЕЧЕНЬ");
    finding.file = file.to_string();
    finding
}

pub static S009: Rule = Rule {
    code: "S009",
    name: "process-without-feedback",
    severity: Severity::Info,
    source: "Смоленск 4.5",
    summary: "у процесса нет ни одной точки, где можно дать обратную связь (потребность feedback)",
    explanation: "\
Что проверяет: с --registry — что у каждого процесса есть точка с потребностью «предоставление
обратной связи».

Почему это важно: система обратной связи (Смоленск, п. 4.5) — то, откуда берутся проблемы для
карты болей; без такой точки клиенту негде сказать о проблеме, кроме ежегодной анкеты.

Пример: у процесса только «Телефонная связь» с потребностями info и consultation.

Как исправить: добавьте потребность feedback точке, где клиент может оставить отзыв.

Основание: Смоленск, п. 4.5.",
    scope: Scope::Survey,
};

/// S009: `process` has no touchpoint meeting `feedback`.
pub fn process_without_feedback(file: &str, process: &str) -> Finding {
    let mut finding = S009
        .finding(format!(
            "У процесса «{process}» нет точки, где можно дать обратную связь"
        ))
        .with_help("Добавьте потребность feedback точке, где клиент может оставить отзыв");
    finding.file = file.to_string();
    finding
}

pub static S010: Rule = Rule {
    code: "S010",
    name: "item-linked-by-close-spelling",
    severity: Severity::Info,
    source: "Омск, приложение; Липецк 2.2",
    summary: "вопрос связан с процессом перечня по близкому написанию, а не по точному названию",
    explanation: "\
Что проверяет: с --registry — какие вопросы анкеты связаны с процессом не по точному названию, а
по тем же значимым словам в другой форме, написании или порядке («Выдача справки о доходах» —
«Выдача справок о доходах»). Такая связь делается, только если подходит ровно один процесс.

Почему это важно: неверная связь переносит итоги, снижение и жалобы одного процесса на другой, и
Министр читает их там. Пользователь должен видеть каждую нестрогую связь и подтвердить её.

Пример: вопрос «Предоставление расчетных листочков» связан с процессом «Предоставление расчетных
листков».

Как исправить: если связь верна, впишите process: (и direction:) у вопроса в описании анкеты —
замечание уйдёт; если нет — переименуйте строку анкеты по перечню.

Основание: Омск, приложение (анкета по процессам); Липецк, п. 2.2.",
    scope: Scope::Survey,
};

/// S010: the item `label` was linked to `process` by a close spelling.
pub fn item_linked_closely(file: &str, label: &str, process: &str) -> Finding {
    let mut finding = S010
        .finding(format!(
            "Вопрос «{label}» связан с процессом «{process}» по близкому написанию"
        ))
        .with_help("Если связь верна, впишите process: у вопроса в описании анкеты");
    finding.file = file.to_string();
    finding
}

pub static S011: Rule = Rule {
    code: "S011",
    name: "several-items-one-process",
    severity: Severity::Warning,
    source: "Омск, приложение; Липецк 2.2",
    summary: "несколько вопросов анкеты связаны с одним процессом перечня: цифры процесса — по первому",
    explanation: "\
Что проверяет: с --registry — что о каждом процессе перечня спрашивает один вопрос.

Почему это важно: цифры процесса в перечне (уровень, изменение, снижение) берутся по одному
вопросу; ответы на второй вопрос о том же процессе в них не войдут, а итог направления их учтёт,
и два уровня разойдутся без объяснения.

Пример: «Выдача справок о доходах» и «Выдача справки о доходах» в одной анкете.

Как исправить: оставьте в анкете один вопрос о процессе или свяжите второй с другим процессом
ключом process: в описании анкеты.

Основание: Омск, приложение (анкета по процессам); Липецк, п. 2.2.",
    scope: Scope::Survey,
};

/// S011: the items `labels` all link to `process`; its figures are the first one's.
pub fn several_items_one_process(file: &str, process: &str, labels: &[String]) -> Finding {
    let named: Vec<String> = labels.iter().map(|l| format!("«{l}»")).collect();
    let mut finding = S011
        .finding(format!(
            "С процессом «{process}» связаны несколько вопросов: {}; цифры процесса — по первому",
            named.join(", ")
        ))
        .with_help("Оставьте один вопрос о процессе или укажите другим вопросам process: в описании анкеты");
    finding.file = file.to_string();
    finding
}

pub static S012: Rule = Rule {
    code: "S012",
    name: "item-not-comparable",
    severity: Severity::Warning,
    source: "Омск, п. 13",
    summary: "вопрос этого года не с чем сравнить: прошлогодний задан иначе или не задан (связать формулировки — also: в описании анкеты)",
    explanation: "\
Что проверяет: есть ли у каждого вопроса последнего опроса пара в предыдущем, когда часть
прошлогодних вопросов в этом году не задана.

Почему это важно: вопрос, сформулированный в этом году иначе («Насколько Вы удовлетворены
работой бухгалтерии?» → «Оцените работу бухгалтерии»), для программы — новый вопрос. Его
динамики нет, и снижение с 90 % до 42,5 % не попало бы ни в отчёт, ни в предложения Министру
(Омск, п. 13). Поэтому такой вопрос назван «не с чем сравнить», а с --fail-on-decline это
ошибка (код выхода 1).

Пример: в 2024 году «Насколько Вы удовлетворены работой бухгалтерии? [Расчетные листки]», в
2025 — «Оцените работу бухгалтерии [Расчетные листки]».

Как исправить: если это тот же вопрос, опишите его в описании анкеты (--survey) и перечислите
прежние формулировки в also:; если новый — ничего, динамика появится в следующем году.

Основание: Омск, п. 13 (предложения при отрицательной динамике).",
    scope: Scope::Survey,
};

/// S012: `item` of the later wave has no counterpart in the earlier one.
pub fn not_comparable(file: &str, item: &super::report::Incomparable) -> Finding {
    let former: Vec<String> = item
        .former
        .iter()
        .take(5)
        .map(|l| format!("«{l}»"))
        .collect();
    let more = if item.former.len() > 5 {
        format!(" и ещё {}", item.former.len() - 5)
    } else {
        String::new()
    };
    let mut finding = S012
        .finding(format!(
            "Вопрос «{}» ({}) не с чем сравнить: в {} его не было, а вопросы {} {}{more} в {} не заданы — возможно, вопрос сформулирован иначе",
            item.item.russian(),
            item.to,
            item.from,
            item.from,
            former.join(", "),
            item.to
        ))
        .with_help("Если это тот же вопрос, перечислите прежние формулировки в also: у вопроса в описании анкеты (--survey)");
    finding.file = file.to_string();
    finding
}

pub static S013: Rule = Rule {
    code: "S013",
    name: "item-of-several-columns",
    severity: Severity::Error,
    source: "Омск, приложение",
    summary: "шаблон вопроса в описании анкеты подходит нескольким столбцам: каждый столбец — свой вопрос, описание нужно уточнить",
    explanation: "\
Что проверяет: что шаблон столбца каждого вопроса описания анкеты (column:) подходит ровно
одному столбцу выгрузки.

Почему это важно: шаблон «*[Консультации]» подходит и «Оцените скорость работы
[Консультации]», и «Оцените качество работы [Консультации]». Слить их в один вопрос —
смешать две оценки; взять первый — потерять второй; а если в следующем году столбцы стоят
в другом порядке, сравнить «скорость» одного года с «качеством» другого и не увидеть
снижения. tochki считает каждый столбец отдельным вопросом (по его заголовку) и сообщает
об ошибке.

Пример: column: «*[Консультации]» при столбцах «Оцените скорость работы [Консультации]» и
«Оцените качество работы [Консультации]».

Как исправить: впишите в column: заголовок целиком или шаблон, подходящий одному столбцу.

Основание: Омск, приложение (анкета по процессам).",
    scope: Scope::Survey,
};

/// S013: an item's pattern matches `headers`; each is counted as an item of its own.
pub fn pattern_of_several_columns(
    file: &str,
    label: &str,
    headers: &[String],
    column: usize,
) -> Finding {
    let named: Vec<String> = headers.iter().map(|h| format!("«{h}»")).collect();
    finding(
        &S013,
        file,
        Some(1),
        Some(column + 1),
        format!(
            "Шаблон вопроса «{label}» подходит нескольким столбцам: {}; каждый посчитан отдельным вопросом по своему заголовку",
            named.join(", ")
        ),
        "Уточните column: в описании анкеты — заголовок целиком или шаблон, подходящий одному столбцу",
    )
}
