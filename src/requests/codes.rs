//! The findings of reading a journal of requests (J001–J004, cycle.md): each code's description
//! beside the function that builds its findings. `catalog::CATALOG` lists them for `explain`.

use crate::diagnostic::{Finding, Severity};
use crate::diagnostic::{Rule, Scope};
use chrono::NaiveDate;

/// A value as a finding may quote it: with `--anonymous`, only a value without letters (a date
/// or a number written wrong); anything else may name a person («Кузнецова», a СНИЛС in the
/// wrong column).
fn quotable(value: &str, anonymous: bool) -> String {
    if anonymous && value.chars().any(char::is_alphabetic) {
        "(значение скрыто: --anonymous)".to_string()
    } else {
        crate::privacy::shown(value).into_owned()
    }
}

/// A finding of `rule` at (row, column): the row as the spreadsheet shows it, the column as an
/// index from 0, as every code constructor takes it (survey codes too); the finding holds it
/// from 1, as the spreadsheet shows it.
fn finding(
    rule: &'static Rule,
    (row, column): (usize, usize),
    value: &str,
    message: String,
    help: &str,
) -> Finding {
    let mut finding = Finding::new(rule.code, rule.severity, message).with_help(help);
    finding.row = Some(row);
    finding.column = Some(column + 1);
    // A misplaced cell may hold anything: it is shown as every export value is, masked.
    finding.value = Some(crate::privacy::shown(value).into_owned());
    finding
}

pub static J001: Rule = Rule {
    code: "J001",
    name: "missing-journal-column",
    severity: Severity::Error,
    source: "Омск 8–9, Смоленск 5.3",
    summary: "в журнале обращений нет обязательной графы (дата поступления или форма обращения)",
    explanation: "\
Что проверяет: что в журнале есть графы «Дата поступления» (или «Дата регистрации», «Поступило») и
«Форма обращения» (или «Вид обращения»): без них срок ответа не вычислить.

Почему это важно: срок письменного обращения — 30 дней с поступления, устного — тот же рабочий
день; без даты и формы не видно, какие обращения просрочены.

Пример: выгрузка СЭД с графами «Номер», «Дата», «Исполнитель».

Как исправить: переименуйте графу по образцу (регистр и знаки препинания не важны) или добавьте её.

Основание: Омск, пп. 8–9; Новосибирск, п. 10; Смоленск, п. 5.3.",
    scope: Scope::Journal,
};

/// J001: the journal lacks the column `wanted`; names the headers it has.
pub fn j001(wanted: &str, seen: &[String], row: usize) -> Finding {
    let seen = if seen.is_empty() {
        "заголовков нет".to_string()
    } else {
        // The first filled row may be data, not a header: shown as every value is, masked.
        let shown: Vec<String> = seen
            .iter()
            .map(|value| crate::privacy::shown(value).into_owned())
            .collect();
        format!("заголовки: {}", crate::text::quoted_list(&shown))
    };
    let mut finding = J001.finding(format!("В журнале нет графы «{wanted}» ({seen})")).with_help(
        "Назовите графы как в образце: «Дата поступления», «Форма обращения», «Дата ответа», «Срок»",
    );
    finding.row = Some(row);
    finding
}

pub static J002: Rule = Rule {
    code: "J002",
    name: "not-a-date",
    severity: Severity::Error,
    source: "—",
    summary: "в графе даты не дата (даты пишут 09.04.2025, 2025-04-09 или числом Excel)",
    explanation: "\
Что проверяет: что даты поступления, ответа и срока — настоящие даты: 09.04.2025, 2025-04-09 (со
временем после или без) или число, которым Excel хранит дату. Дата поступления обязательна.

Почему это важно: по строке без даты нельзя вычислить срок; она не считается нигде, а остаётся в
списке находок, чтобы её исправили.

Пример: «31.02.2025», «вчера», пустая дата поступления.

Как исправить: впишите дату в одном из этих видов.

Основание: Омск, пп. 8–9.",
    scope: Scope::Journal,
};

/// J002: `value` in the column `heading` is not a date.
pub fn j002(heading: &str, value: &str, at: (usize, usize), anonymous: bool) -> Finding {
    let value = &quotable(value, anonymous);
    let message = if value.is_empty() {
        format!("Не указана {}", heading.to_lowercase())
    } else {
        format!("«{value}» в графе «{heading}» — не дата")
    };
    finding(
        &J002,
        at,
        value,
        message,
        "Впишите дату, как 09.04.2025; строка не посчитана",
    )
}

pub static J003: Rule = Rule {
    code: "J003",
    name: "answered-before-received",
    severity: Severity::Error,
    source: "—",
    summary: "дата ответа раньше даты поступления",
    explanation: "\
Что проверяет: что ответ дан не раньше, чем обращение поступило.

Почему это важно: такая строка — опечатка в дате; посчитать её в срок или с опозданием нельзя.

Пример: поступило 09.04.2025, ответ 08.04.2025.

Как исправить: исправьте одну из дат.

Основание: —.",
    scope: Scope::Journal,
};

/// J003: answered before it was received.
pub fn j003(answered: NaiveDate, received: NaiveDate, at: (usize, usize)) -> Finding {
    finding(
        &J003,
        at,
        &answered.format("%d.%m.%Y").to_string(),
        format!(
            "Ответ {} раньше поступления {}",
            answered.format("%d.%m.%Y"),
            received.format("%d.%m.%Y")
        ),
        "Исправьте дату ответа или поступления; строка не посчитана",
    )
}

pub static J004: Rule = Rule {
    code: "J004",
    name: "unknown-request-form",
    severity: Severity::Error,
    source: "Омск 8–9, Новосибирск 10",
    summary: "форма обращения не узнана (письменное или устное)",
    explanation: "\
Что проверяет: что форма обращения понятна: письменное (письмо, СЭД, служебная записка,
электронная почта, заявление) или устное (телефон, личный приём, устно).

Почему это важно: от формы зависит срок: письменному — 30 дней, устному — тот же рабочий день.

Пример: «голубиная связь», пустая ячейка.

Как исправить: впишите «письменное» или «устное» либо один из способов выше.

Основание: Омск, пп. 8–9; Новосибирск, п. 10.",
    scope: Scope::Journal,
};

/// J004: the form `value` is neither written nor oral.
pub fn j004(value: &str, at: (usize, usize), anonymous: bool) -> Finding {
    let value = &quotable(value, anonymous);
    let message = if value.is_empty() {
        "Не указана форма обращения".to_string()
    } else {
        format!("Форма обращения «{value}» не узнана")
    };
    finding(
        &J004,
        at,
        value,
        message,
        "Впишите «письменное» или «устное»; строка не посчитана",
    )
}

pub static J005: Rule = Rule {
    code: "J005",
    name: "ambiguous-journal-column",
    severity: Severity::Error,
    source: "Омск 8–9, Смоленск 5.3",
    summary: "графу журнала можно понять двояко: два столбца одного поля или заголовок двух полей",
    explanation: "\
Что проверяет: что каждое поле журнала (дата поступления, форма, дата ответа, срок…) взято из
одного столбца, и каждый заголовок значит одно поле.

Почему это важно: выгрузки СЭД часто несут и «Дату регистрации», и «Дату поступления», и
«Дату исполнения», и «Плановую дату исполнения». Взять молча первую — значит посчитать сроки не
по той дате, и руководитель подпишет неверную справку о просрочках.

Пример: «Дата регистрации» и «Вх. дата» в одном журнале (когда одна из граф — «Дата
поступления», срок считается от неё, и заметка это говорит).

Как исправить: удалите или переименуйте лишний столбец (например, «Дата регистрации (СЭД)»),
чтобы осталось одно поле для каждой даты.

Основание: Омск, пп. 8–9; Смоленск, п. 5.3 (контроль сроков).",
    scope: Scope::Journal,
};

/// J005: two columns of the header are one field.
pub fn j005_twice(
    heading: &str,
    (first, first_at): (&str, usize),
    (second, second_at): (&str, usize),
    row: usize,
) -> Finding {
    let mut finding = J005
        .finding(format!(
            "Поле «{heading}» есть в двух графах: «{first}» (столбец {}) и «{second}» (столбец {}); какую брать — неясно",
            first_at + 1,
            second_at + 1
        ))
        .with_help("Удалите или переименуйте одну из граф и запустите снова; журнал не прочитан");
    finding.row = Some(row);
    finding.column = Some(second_at + 1);
    finding
}

/// J005: one header fits two fields equally.
pub fn j005_two_fields(
    header: &str,
    (one, other): (&str, &str),
    (row, column): (usize, usize),
) -> Finding {
    let mut finding = J005
        .finding(format!(
            "Заголовок «{header}» подходит и к полю «{one}», и к полю «{other}»"
        ))
        .with_help("Переименуйте графу так, чтобы было ясно, какое это поле; журнал не прочитан");
    finding.row = Some(row);
    finding.column = Some(column + 1);
    finding
}

pub static J006: Rule = Rule {
    code: "J006",
    name: "date-after-check",
    severity: Severity::Error,
    source: "Омск 8–9, Новосибирск 10",
    summary: "обращение поступило позже даты проверки или ответ датирован будущим днём",
    explanation: "\
Что проверяет: что обращение поступило не позже дня, на который проверяются сроки (--as-of,
по умолчанию сегодня), и что дата ответа не позже сегодняшнего дня.

Почему это важно: журнал проверяется таким, каким он был в тот день. Обращения, которого в тот
день ещё не было, нельзя посчитать ни просроченным, ни отвеченным; ответ, датированный будущим
днём, — опечатка в дате, и засчитать его «в срок» значит скрыть просрочку. Ответ, данный после
дня проверки, но не позже сегодняшнего, не ошибка: на день проверки обращение считается
неотвеченным.

Пример: проверка на 30.04.2025, поступило 05.05.2025; ответ 10.04.2035.

Как исправить: исправьте дату или проверьте журнал на более позднюю дату (--as-of).

Основание: Омск, пп. 8–9; Новосибирск, п. 10.",
    scope: Scope::Journal,
};

/// J006: received after the day of the check.
pub fn j006_received(received: NaiveDate, as_of: NaiveDate, at: (usize, usize)) -> Finding {
    finding(
        &J006,
        at,
        &received.format("%d.%m.%Y").to_string(),
        format!(
            "Обращение поступило {} — позже даты проверки {}",
            received.format("%d.%m.%Y"),
            as_of.format("%d.%m.%Y")
        ),
        "Проверьте дату или запустите с более поздней --as-of; строка не посчитана",
    )
}

/// J006: answered after today.
pub fn j006_answered(answered: NaiveDate, today: NaiveDate, at: (usize, usize)) -> Finding {
    finding(
        &J006,
        at,
        &answered.format("%d.%m.%Y").to_string(),
        format!(
            "Ответ датирован {} — позже сегодняшнего дня {}",
            answered.format("%d.%m.%Y"),
            today.format("%d.%m.%Y")
        ),
        "Исправьте дату ответа; строка не посчитана",
    )
}

pub static J007: Rule = Rule {
    code: "J007",
    name: "unclosed-quote",
    severity: Severity::Error,
    source: "—",
    summary: "кавычка в ячейке журнала открыта и не закрыта: следующие строки попали в одну ячейку",
    explanation: "\
Что проверяет: что в журнале CSV каждая кавычка, открывающая ячейку, закрыта.

Почему это важно: незакрытая кавычка делает из всех следующих строк файла одну ячейку. Без
проверки эти обращения молча пропали бы, а оставшееся обращение получило бы чужие даты.

Пример: «Просьба выдать справку \"о доходах;01.04.2025;…» — кавычка перед «о доходах» не закрыта.

Как исправить: закройте кавычку или удалите её и сохраните журнал заново.

Основание: —.",
    scope: Scope::Journal,
};

/// J007: the cell at `at` opens a quote that swallows `swallowed` lines after it.
pub fn j007(at: (usize, usize), swallowed: usize) -> Finding {
    let lines = crate::text::plural(swallowed, "строка", "строки", "строк");
    finding(
        &J007,
        at,
        "",
        format!(
            "Кавычка в ячейке открыта и не закрыта: {swallowed} {lines} после неё попали в одну ячейку"
        ),
        "Закройте или удалите кавычку и сохраните журнал заново; эти строки не посчитаны",
    )
}
