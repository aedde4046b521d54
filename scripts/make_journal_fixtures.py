#!/usr/bin/env python3
"""Journals as document systems and clerks export them, for tests/cli/requests.rs:

  tests/fixtures/requests/sed_export.csv        a Дело-style export: a filter line above the
      header, headers of document systems (plan and fact dates, «Вид доставки», «Поступило от»,
      «Форма ответа», «Срок, дней»), forms by delivery wordings, a blank line, a totals row.
  tests/fixtures/requests/two_dates.csv          «Дата поступления» and «Дата регистрации»: the
      receipt counts, and a note says so.
  tests/fixtures/requests/two_receipts.csv       «Дата регистрации» and «Вх. дата»: neither is
      the receipt itself, J005 names both.
  tests/fixtures/requests/whole_headers.csv      a Дело incoming journal: «Номер телефона»,
      «Срок хранения», «Форма собственности» (not the number, the due date, the form), «Исх. дата»
      and «Исх. №» (the sender's, never an answer), «Дата исп.» (the answer, abbreviated).
  tests/fixtures/requests/two_sheets.xlsx        sheets «2024» and «2025» (both read) and
      «Справочник» (skipped).
  tests/fixtures/requests/no_header_personal.csv no header; the first row names a person.
  tests/fixtures/requests/delo_web.xlsx          a Дело-WEB report: a header of two rows,
      «Исполнение» merged over «Исполнитель | Срок исполнения | Дата исполнения», the other
      headings merged down over both rows.
  tests/fixtures/requests/Иванова М.П.xlsx        a clerk's own journal: the file, its sheets
      («Иванова М.П.», «Петров +7 913 123-45-67», hidden «Сидорова») and a process cell name
      people; nothing of them may pass --anonymous.
  tests/fixtures/requests/quote_open.csv         a quote opened in row 3 and never closed: the two
      rows after it swallowed into one cell (J007), every row counted.
  tests/fixtures/requests/merged_dates.xlsx|docx three requests of one day, the receipt date
      written once and merged down over their rows.
  tests/fixtures/requests/delo_web_group.csv     the same saved as CSV with the group row above:
      «Регистрация» over «Дата регистрации | Вид доставки», «Рег. №» only in the upper row.

Run from the repository root: python3 scripts/make_journal_fixtures.py
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, xlsx  # noqa: E402

OUT = "tests/fixtures/requests"
os.makedirs(OUT, exist_ok=True)


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


write("sed_export.csv", [
    "Дата регистрации: с 01.01.2025 по 31.12.2025;;;;;;;;;",
    "Рег. №;Рег. дата;Вид доставки;Поступило от;Содержание;Исполнитель;Плановая дата исполнения;Фактическая дата исполнения;Форма ответа;Срок, дней",
    "В-1;01.04.2025;курьер;Отдел кадров;Справка;Иванова А. П.;;30.04.2025;письмо;30",
    "В-2;01.04.2025;МЭДО;Отдел кадров;Справка;Иванова А. П.;;05.05.2025;письмо;30",
    "В-3;02.04.2025;Срочное письмо;Отдел кадров;Справка;Иванова А. П.;;;письмо;30",
    "В-4;02.04.2025;нарочным;Отдел кадров;Справка;Иванова А. П.;10.04.2025;11.04.2025;письмо;30",
    "",
    "В-5;03.04.2025;Через личный кабинет сотрудника;ИТ;Пароль;Петров С. В.;;03.04.2025;письмо;30",
    "В-6;03.04.2025;по телефону;ИТ;Пароль;Петров С. В.;;03.04.2025;устно;",
    "Итого: 6;;;;;;;;;",
])

write("two_dates.csv", [
    "Дата поступления;Дата регистрации;Форма обращения",
    "01.04.2025;02.04.2025;письменное",
])
write("two_receipts.csv", [
    "Дата регистрации;Вх. дата;Форма обращения",
    "01.04.2025;02.04.2025;письменное",
])
write("whole_headers.csv", [
    "Рег. №;Дата поступления;Номер телефона;Форма обращения;Форма собственности;Исх. №;Исх. дата;Срок хранения;Дата исп.",
    # The sender's outgoing date (28.03) is no answer: never answered, overdue on 14.05.
    "В-1;01.04.2025;8 (3812) 23-45-67;письменное;ГКУ;17-01/345;28.03.2025;5 лет;",
    # Answered on 10.04 (the abbreviated header): on time.
    "В-2;02.04.2025;8 (3812) 23-45-68;письменное;ГКУ;17-01/346;29.03.2025;5 лет;10.04.2025",
])

HEADER = ["Рег. №", "Дата поступления", "Форма обращения", "Дата ответа"]
xlsx(os.path.join(OUT, "two_sheets.xlsx"), {
    "2024": [HEADER, ["1", datetime.date(2024, 12, 2), "письменное", datetime.date(2024, 12, 20)]],
    "2025": [HEADER, ["2", datetime.date(2025, 3, 3), "письменное", datetime.date(2025, 3, 20)],
             ["3", datetime.date(2025, 3, 4), "устное", datetime.date(2025, 3, 4)]],
    "Справочник": [["Форма"], ["письменное"], ["устное"]],
})

write("no_header_personal.csv", [
    "Кузнецова Ольга Игоревна;тел. 8 (3812) 25-34-11;СНИЛС 123-456-789 01;kuznetsova@minfin.ru",
    "Сидоров П. П.;тел. 8 (3812) 25-34-12;СНИЛС 123-456-789 02;sidorov@minfin.ru",
])

# A journal with a hidden sheet: it is not read, and the note says so.
xlsx(os.path.join(OUT, "hidden_sheet.xlsx"), {
    "Журнал": [HEADER, ["1", datetime.date(2025, 3, 3), "письменное", datetime.date(2025, 3, 20)]],
    "Скрытый": [HEADER, ["2", datetime.date(2025, 3, 4), "письменное", ""]],
}, hidden=("Скрытый",))

# A Дело-WEB report: the deadline and the answer stand under «Исполнение». Request 2's own
# deadline (20.04) has passed on 30.04; by the default 30 days (02.05) it would not have.
DELO_TOP = ["Рег. №", "Дата регистрации", "Вид доставки", "Исполнение", "", ""]
DELO_LEAVES = ["", "", "", "Исполнитель", "Срок исполнения", "Дата исполнения"]
DELO_ROWS = [
    ["В-1", datetime.date(2025, 4, 1), "письмо", "Иванова А. П.", datetime.date(2025, 4, 15), datetime.date(2025, 4, 10)],
    ["В-2", datetime.date(2025, 4, 2), "письмо", "Петров С. В.", datetime.date(2025, 4, 20), ""],
]
xlsx(os.path.join(OUT, "delo_web.xlsx"),
     {"Отчёт": [["Журнал регистрации обращений"], DELO_TOP, DELO_LEAVES] + DELO_ROWS},
     merges={"Отчёт": ["A2:A3", "B2:B3", "C2:C3", "D2:F2"]})
write("delo_web_group.csv", [
    "Рег. №;Регистрация;;Исполнение;;",
    ";Дата регистрации;Вид доставки;Исполнитель;Срок исполнения;Дата исполнения",
    "В-1;01.04.2025;письмо;Иванова А. П.;15.04.2025;10.04.2025",
    "В-2;02.04.2025;письмо;Петров С. В.;20.04.2025;",
])

# Three requests received on one day, the date merged down over their rows (rows 2-4).
MERGED = [["Рег. №", "Дата поступления", "Форма обращения", "Дата ответа"],
          ["1", datetime.date(2025, 4, 1), "письменное", datetime.date(2025, 4, 10)],
          ["2", "", "письменное", datetime.date(2025, 4, 11)],
          ["3", "", "устное", datetime.date(2025, 4, 1)]]
xlsx(os.path.join(OUT, "merged_dates.xlsx"), {"Журнал": MERGED}, merges={"Журнал": ["B2:B4"]})
word = [[cell(h) for h in MERGED[0]]]
for i, r in enumerate(MERGED[1:]):
    word.append([cell(r[0]), cell("01.04.2025" if i == 0 else "", merge="restart" if i == 0 else "continue"),
                 cell(r[2]), cell(r[3].strftime("%d.%m.%Y"))])
docx(os.path.join(OUT, "merged_dates.docx"), [("Журнал обращений", True, "center")], word)

write("quote_open.csv", [
    "Рег. №;Дата поступления;Форма обращения;Дата ответа;Содержание",
    "1;01.04.2025;письменное;10.04.2025;справка",
    '2;01.04.2025;письменное;10.04.2025;"справка о доходах',
    "3;02.04.2025;письменное;;справка",
    "4;03.04.2025;устное;03.04.2025;консультация",
])

PERSONAL = ["Рег. №", "Дата поступления", "Форма обращения", "Дата ответа", "Процесс"]
xlsx(os.path.join(OUT, "Иванова М.П.xlsx"), {
    "Иванова М.П.": [PERSONAL, ["1", datetime.date(2025, 4, 1), "письменное", datetime.date(2025, 4, 10), "Справка для Смирновой А.С."]],
    "Петров +7 913 123-45-67": [PERSONAL, ["2", datetime.date(2025, 4, 2), "устное", "", "Консультация"]],
    "Сидорова": [PERSONAL, ["3", datetime.date(2025, 4, 3), "устное", "", "Консультация"]],
}, hidden=("Сидорова",))
