//! The findings of reading a registry from a table (I001–I004, import.md): each code's
//! description beside the function that builds its findings, as the R rules and S codes have.
//! `catalog::CATALOG` lists the statics, so `explain I003` and `--ignore I002` work.

use crate::diagnostic::{Finding, Severity};
use crate::diagnostic::{Rule, Scope};
use crate::input::Grid;

pub static I001: Rule = Rule {
    code: "I001",
    name: "no-touchpoint-table",
    severity: Severity::Error,
    source: "Липецк 2.2, Смоленск, приложение",
    summary: "в файле нет таблицы с графой «Точка взаимодействия» (названы просмотренные таблицы и их заголовки)",
    explanation: "\
Что проверяет: что в документе Word или книге Excel есть таблица, в строке заголовков которой есть
графа точки взаимодействия («Точка взаимодействия», «Наименование точки взаимодействия»).

Почему это важно: без этой графы таблица — не перечень, и читать из неё нечего; угадывать графу
по содержимому tochki не станет.

Пример: таблица с графами «Процесс» и «Канал» — графы точки нет.

Как исправить: назовите графу, как в форме перечня (Липецк 2.2), или укажите её явно:
--column \"Канал=point\"; другую таблицу выберите --table N или --sheet ИМЯ.

Основание: Липецк, п. 2.2 (форма перечня); Смоленск, приложение.",
    scope: Scope::Import,
};

/// I001: none of `grids` has a touchpoint column; names each with its first headers.
pub fn i001(grids: &[Grid], options: &super::fields::Options) -> Finding {
    let seen: Vec<String> = grids
        .iter()
        .filter(
            |grid| match (&options.table, &options.sheet, &grid.source) {
                (Some(n), _, crate::input::Source::WordTable(m)) => n == m,
                (_, Some(name), crate::input::Source::Sheet(sheet)) => {
                    crate::text::normalize(name) == crate::text::normalize(sheet)
                }
                (None, None, _) => true,
                _ => false,
            },
        )
        .take(10)
        .map(described)
        .collect();
    let sheets: Vec<String> = grids
        .iter()
        .filter_map(|g| match &g.source {
            crate::input::Source::Sheet(name) => Some(format!("«{name}»")),
            _ => None,
        })
        .collect();
    let workbook = !sheets.is_empty();
    let (message, help) = if seen.is_empty() {
        match (&options.table, &options.sheet) {
            (Some(n), _) if workbook => (
                format!("В книге Excel нет таблиц по номеру ({n}): в ней листы {}", sheets.join(", ")),
                "Укажите лист: --sheet ИМЯ (в книге нет --table)".to_string(),
            ),
            (Some(n), _) => (
                format!("В файле нет таблицы {n}"),
                format!("В документе таблиц: {}; укажите другой номер в --table", grids.len()),
            ),
            (_, Some(name)) if workbook => (
                format!("В книге нет листа «{name}»; листы: {}", sheets.join(", ")),
                "Укажите один из листов: --sheet ИМЯ (имя с пробелами — в кавычках)".to_string(),
            ),
            (_, Some(name)) => (
                format!("В файле нет листа «{name}»: это не книга Excel"),
                "В документе Word таблицу выбирают номером: --table N".to_string(),
            ),
            _ => (
                "В файле нет ни одной таблицы".to_string(),
                "Перечень читается из таблицы: откройте документ, оформите перечень таблицей с графой «Точка взаимодействия» (как в форме Липецка, п. 2.2) и сохраните".to_string(),
            ),
        }
    } else {
        (
            format!(
                "Нет таблицы с графой «Точка взаимодействия»; {} {}",
                seen_verb(&seen),
                seen.join("; ")
            ),
            "Назовите графу точки, как в форме перечня, или укажите её: --column \"Заголовок=point\"".to_string(),
        )
    };
    I001.finding(message).with_help(help)
}

/// A table as I001 names it: its header's first headings; its first texts when it has no row
/// of two headings; «(пустая)» when it has nothing at all.
fn described(grid: &Grid) -> String {
    let headers: Vec<String> = grid
        .rows
        .iter()
        .find(|row| row.slots.iter().filter(|s| !s.text.is_empty()).count() >= 2)
        .map(|row| {
            row.slots
                .iter()
                .filter(|s| !s.text.is_empty())
                .take(8)
                .map(|s| format!("«{}»", s.text.replace('\n', " ")))
                .collect()
        })
        .unwrap_or_default();
    // A table with text but no row of two headings is not empty: its first texts.
    let texts: Vec<String> = grid
        .rows
        .iter()
        .flat_map(|row| &row.slots)
        .filter(|s| !s.text.is_empty())
        .take(3)
        .map(|s| format!("«{}»", s.text.replace('\n', " ")))
        .collect();
    match (headers.is_empty(), texts.is_empty()) {
        (false, _) => format!("{}: {}", grid.name(), headers.join(", ")),
        (true, false) => format!(
            "{}: нет строки заголовков, только {}",
            grid.name(),
            texts.join(", ")
        ),
        (true, true) => format!("{} (пустая)", grid.name()),
    }
}

/// «просмотрены» for several tables, «просмотрена таблица», «просмотрен лист» for one.
fn seen_verb(seen: &[String]) -> &'static str {
    match seen {
        [one] if one.starts_with("лист") => "просмотрен",
        [one] if one.starts_with("таблиц") => "просмотрена",
        _ => "просмотрены",
    }
}

pub static I002: Rule = Rule {
    code: "I002",
    name: "unknown-column",
    severity: Severity::Warning,
    source: "Липецк 2.2",
    summary: "заголовок графы не совпадает ни с одной графой перечня (назван ближайший); графа пропущена",
    explanation: "\
Что проверяет: что каждая графа таблицы узнана по заголовку (регистр, ё/е, пробелы и знаки
препинания не важны).

Почему это важно: данные неузнанной графы не попадут в перечень; tochki не угадывает молча.

Пример: «Точка контакта» вместо «Точка взаимодействия».

Как исправить: переименуйте графу или укажите её явно: --column \"Точка контакта=point\"
(поля: direction, process, point, channel, needs, interaction, features, client, value, basis).

Основание: Липецк, п. 2.2.",
    scope: Scope::Import,
};

/// I002: a header that names no field.
pub fn i002(header: &str) -> Finding {
    let all: Vec<&str> = super::fields::Field::ALL
        .iter()
        .flat_map(|f| f.headers().iter().copied())
        .collect();
    let header = header.replace('\n', " ");
    let message = match crate::text::closest(&header, all.iter().copied()) {
        Some(closest) => {
            format!("Графа «{header}» не узнана (ближе всего «{closest}»); она пропущена")
        }
        None => format!("Графа «{header}» не узнана; она пропущена"),
    };
    I002.finding(message)
        .with_help("Переименуйте графу или укажите её: --column \"Заголовок=поле\"")
}

/// I002: a second column for a field that an earlier column already gives.
pub fn i002_twice(header: &str, first: &str, first_column: usize) -> Finding {
    let header = header.replace('\n', " ");
    let first = first.replace('\n', " ");
    I002.finding(format!(
        "Графа «{header}» — то же поле, что графа «{first}» (столбец {first_column}); прочитана первая, эта пропущена"
    ))
    .with_help("Удалите лишнюю графу или укажите, какая что значит: --column \"Заголовок=поле\"")
}

pub static I003: Rule = Rule {
    code: "I003",
    name: "need-outside-catalogue-wording",
    severity: Severity::Warning,
    source: "Липецк 2.6, Омск 6, Смоленск 1.7",
    summary: "текст в графе потребностей не совпал ни с одной формулировкой каталога: записан как «другое» с исходным текстом",
    explanation: "\
Что проверяет: что каждая потребность в ячейке (по одной на строку или через «;») — формулировка
каталога. Формулировки с запятыми внутри собираются обратно.

Почему это важно: потребность вне каталога не попадёт в сводку потребностей и в анкету.

Пример: «пропуск в здание» — записано как {other: \"пропуск в здание\"}.

Как исправить: замените текст формулировкой каталога (tochki explain R004) или оставьте other с
описанием, если потребность действительно своя.

Основание: Липецк, п. 2.6; Омск, п. 6; Смоленск, п. 1.7.",
    scope: Scope::Import,
};

/// I003: a needs text that matches no catalogue wording.
pub fn i003(text: &str) -> Finding {
    I003.finding(format!(
        "Потребность «{text}» не совпала с формулировками каталога: записана как «другое» с исходным текстом"
    ))
    .with_help("Замените её формулировкой каталога или оставьте other с описанием")
}

pub static I004: Rule = Rule {
    code: "I004",
    name: "point-without-process",
    severity: Severity::Error,
    source: "Липецк 2.2",
    summary: "строка с точкой, над которой нет процесса (или направления деятельности)",
    explanation: "\
Что проверяет: что у каждой строки с точкой взаимодействия есть процесс и направление — в её
ячейках, в объединённой ячейке или в строке выше.

Почему это важно: точка вне процесса не может быть проверена на повторы (Липецк 2.7) и не попадёт
в анкету.

Пример: первая строка таблицы, где графа процесса пуста.

Как исправить: впишите процесс (или направление) в строку или объедините ячейку с ячейкой выше.

Основание: Липецк, п. 2.2 (направление → процесс → точка).",
    scope: Scope::Import,
};

/// I004: a row with a point but no `missing` («процесса», «направления деятельности») above.
pub fn i004(missing: &str) -> Finding {
    I004.finding(format!(
        "У точки в этой строке нет {missing}: ни в строке, ни выше; строка пропущена"
    ))
    .with_help("Впишите его в строку или объедините ячейку с ячейкой выше")
}

pub static I005: Rule = Rule {
    code: "I005",
    name: "continuation-not-joined",
    severity: Severity::Warning,
    source: "Липецк 2.2",
    summary: "таблица или лист похожи на продолжение перечня, но не присоединены (сказано почему)",
    explanation: "\
Что проверяет: что таблица, похожая на продолжение перечня (после подписи «Продолжение…», с
повторённой шапкой или строкой номеров граф), присоединена к перечню; если присоединить нельзя,
говорит почему.

Почему это важно: перечень в приложении к приказу часто разбит на несколько таблиц. Прочитать
только первую — значит потерять направление, и в приказ уйдёт неполный перечень.

Пример: вторая таблица после «Продолжение приложения» с другим числом граф.

Как исправить: сделайте у продолжения те же графы, что у первой таблицы, или объедините таблицы
в одну.

Основание: Липецк, п. 2.2 (форма перечня).",
    scope: Scope::Import,
};

/// I005: `table` looks like a continuation of the registry but is not joined, because `why`.
pub fn i005(table: &str, why: &str) -> Finding {
    let (like, joined) = if table.starts_with("лист") {
        ("похож", "присоединён")
    } else {
        ("похожа", "присоединена")
    };
    I005.finding(format!(
        "{} {like} на продолжение перечня, но не {joined}: {why}",
        crate::text::capitalize(table)
    ))
    .with_help("Сделайте у продолжения те же графы, что у первой таблицы, или объедините таблицы")
}

pub static I006: Rule = Rule {
    code: "I006",
    name: "hidden-content-not-read",
    severity: Severity::Info,
    source: "Липецк 2.2",
    summary: "скрытые строки, столбцы или листы книги не прочитаны (сказано сколько и какие)",
    explanation: "\
Что проверяет: есть ли в книге Excel скрытые строки, столбцы или листы. Таблица читается так, как
её видит человек: скрытое не читается, и эта заметка говорит, что именно пропущено.

Почему это важно: в скрытых строках и столбцах держат старые точки («Факс (старая)») и черновые
графы. Если скрытое — часть перечня, его нужно показать, иначе в приказ уйдёт не то, что в файле.

Пример: столбец C «Точка взаимодействия» со старыми точками скрыт, рядом видимый D с новыми.

Как исправить: если скрытое — часть перечня, покажите его в Excel (Формат → Скрыть или
отобразить) и запустите снова; если нет — удалите его из книги или оставьте как есть.

Основание: Липецк, п. 2.2 (форма перечня).",
    scope: Scope::Import,
};

/// I006: `table` holds what a person does not see (`what`: «скрытые столбцы: C»), not read.
pub fn i006(table: &str, what: &[String]) -> Finding {
    I006.finding(format!(
        "{}: не прочитано скрытое — {}",
        crate::text::capitalize(table),
        what.join("; ")
    ))
    .with_help("Если скрытое — часть перечня, покажите его в Excel (Формат → Скрыть или отобразить) и запустите снова")
}

pub static I008: Rule = Rule {
    code: "I008",
    name: "row-not-of-registry",
    severity: Severity::Info,
    source: "Липецк 2.2",
    summary: "строка пропущена как не часть перечня: итог, подпись или исполнитель, лист согласования, примечание (сказано какая и почему)",
    explanation: "\
Что проверяет: строки таблицы, которые не точки взаимодействия и не заголовки: «Итого: 4 точки»,
подпись «Начальник отдела ____ И.И. Иванова», «Исполнитель: Петрова А.А., тел. …», лист
согласования («Должность | Фамилия | Подпись | Дата»), примечание под таблицей.

Почему это важно: прочитанная как точка, такая строка стала бы направлением или точкой
перечня, а имя и телефон исполнителя ушли бы в приказ. Пропущенная молча — никто бы не узнал,
что из таблицы что-то не взято.

Пример: последняя строка таблицы «Итого: 4 точки взаимодействия», объединённая по всей ширине.

Как исправить: ничего, если строка действительно не часть перечня. Если это точка, перепишите
её так, чтобы она не начиналась со слов итога или подписи, и запустите снова.

Основание: Липецк, п. 2.2 (форма перечня: только направления, процессы и точки).",
    scope: Scope::Import,
};

/// I008: a row skipped as not the registry's (`what`: «итог», «подпись или исполнитель»).
pub fn i008(what: &str) -> Finding {
    I008.finding(format!("строка пропущена — {what}, не часть перечня"))
        .with_help("Если это точка взаимодействия, перепишите строку так, чтобы она не читалась как итог или подпись")
}

pub static I009: Rule = Rule {
    code: "I009",
    name: "spreadsheet-error-value",
    severity: Severity::Error,
    source: "Липецк 2.2",
    summary: "в ячейке значение ошибки электронной таблицы (#Н/Д, #ЗНАЧ!, #REF!): не прочитано как текст",
    explanation: "\
Что проверяет: ячейки, в которых вместо текста стоит значение ошибки формулы Excel или
LibreOffice: #Н/Д (#N/A), #ЗНАЧ! (#VALUE!), #ССЫЛКА! (#REF!), #ДЕЛ/0!, Err:502.

Почему это важно: «#Н/Д» — не название точки и не клиент; прочитанное как текст, оно ушло бы в
приказ. Ошибка значит, что формула сломалась (удалён лист, на который она ссылалась, или не
найдено значение в справочнике).

Пример: графа «Внутренний клиент» заполнена ВПР по справочнику, а в справочнике нет строки.

Как исправить: откройте таблицу, исправьте формулу или замените её значением, сохраните и
запустите снова.

Основание: Липецк, п. 2.2 (все графы перечня заполняются текстом).",
    scope: Scope::Import,
};

/// I009: a cell holds a spreadsheet's error value; the cell is read as empty.
pub fn i009(value: &str) -> Finding {
    I009.finding(format!(
        "в ячейке значение ошибки электронной таблицы «{value}»: ячейка не прочитана"
    ))
    .with_help("Исправьте формулу в таблице или замените её значением и запустите снова")
}

pub static I011: Rule = Rule {
    code: "I011",
    name: "both-kinds-marked",
    severity: Severity::Warning,
    source: "Липецк 2.2",
    summary: "в графах отметок вида точки отмечены и «цифровая», и «офлайн»: вид не записан",
    explanation: "\
Что проверяет: строки таблицы, где вид точки задан отметками («+», «✓») в двух графах —
«цифровая» и «офлайн», — и отмечены обе.

Почему это важно: у точки один вид (Липецк, п. 2.2); выбрать один из двух за человека нельзя.
Вид не записывается, и `check` скажет, что его нет.

Пример: | Электронная почта | + | + |

Как исправить: оставьте одну отметку или разделите точку на две — цифровую и офлайн.

Основание: Липецк, п. 2.2 (вид точки — цифровая или офлайн).",
    scope: Scope::Import,
};

/// I011: both kinds of point marked in one row.
pub fn i011() -> Finding {
    I011.finding("отмечены оба вида точки — «цифровая» и «офлайн»: вид не записан".to_string())
        .with_help("Оставьте одну отметку или разделите точку на цифровую и офлайн")
}
