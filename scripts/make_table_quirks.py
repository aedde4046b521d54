#!/usr/bin/env python3
"""The same table quirks for every command that reads a table (issue 25, tests/cli/tables.rs):
a title and approval block above the header, the row of column numbers, a row hidden by hand, a
hidden sheet, a totals row, a signature and an «Исполнитель» line under the table, a spreadsheet
error value. Each command must give the same account (ledger) of them.

  tests/fixtures/tables/registry.xlsx   the registry as an Excel sheet with every quirk
  tests/fixtures/tables/registry.docx   the same as a Word table, cut in two tables with the
                                        same columns and no header on the second (a section
                                        break), the signature line under the second
  tests/fixtures/tables/journal.xlsx    a journal of requests with every quirk, a hidden sheet
  tests/fixtures/tables/journal.csv     the same journal saved as CSV (nothing hidden in CSV)
  tests/fixtures/tables/survey.xlsx     a hand-typed paper survey with every quirk
  tests/fixtures/tables/survey.csv      the same as CSV
  tests/fixtures/tables/survey_title.csv  the same as Excel saves the sheet as CSV: the title line
                                        above the header kept
  tests/fixtures/tables/*.ods           the three workbooks as LibreOffice Calc saves them
                                        (OpenDocument), the same quirks, the error values as
                                        Calc stores them (a typed error, not a text)

Run from the repository root: python3 scripts/make_table_quirks.py
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, ods, xlsx  # noqa: E402

OUT = "tests/fixtures/tables"
os.makedirs(OUT, exist_ok=True)

# ---------------------------------------------------------------- the registry
REG_HEADER = ["№ п/п", "Направление деятельности", "Наименование процесса", "Точка взаимодействия",
              "Вид точки", "Удовлетворяемые потребности", "Внутренний клиент"]
NEED = "получение информации о ходе рассмотрения заявления, обращения, запроса, документов"
REG_ROWS = [
    ["1", "Бухгалтерский учет", "Начисление заработной платы", "Телефонная связь", "цифровая", NEED, "Гражданские служащие"],
    ["2", "", "", "Личный прием в кабинете бухгалтерии", "офлайн", NEED, "Гражданские служащие"],
    # Hidden by hand in the workbook: an old point nobody should publish.
    ["3", "", "", "Факс (старый)", "цифровая", NEED, "Гражданские служащие"],
    ["4", "", "Возмещение командировочных расходов", "Система электронного документооборота", "цифровая", NEED, "#Н/Д"],
    ["5", "Кадровое обеспечение", "Оформление отпуска", "Личный кабинет сотрудника", "цифровая", NEED, "Гражданские служащие"],
]
REG_TAIL = [
    ["Итого: 4 точки взаимодействия", "", "", "", "", "", ""],
    ["Начальник отдела бухгалтерского учета", "", "", "", "", "____ И.И. Иванова", ""],
    ["Исполнитель: Петрова А.А., тел. 8 (3812) 23-45-67", "", "", "", "", "", ""],
]
REG_TITLE = [
    ["УТВЕРЖДАЮ", "", "", "", "", "", ""],
    ["Министр финансов ____ П.П. Петров", "", "", "", "", "", ""],
    ["Перечень точек взаимодействия с внутренним клиентом", "", "", "", "", "", ""],
]
rows = REG_TITLE + [REG_HEADER, [str(i) for i in range(1, 8)]] + REG_ROWS + REG_TAIL
# Rows as Excel numbers them: title 1-3, header 4, numbers 5, data 6-10, tail 11-13.
xlsx(os.path.join(OUT, "registry.xlsx"), {"Перечень": rows, "Справочник": [["Клиент"], ["Гражданские служащие"]]},
     merges={"Перечень": ["B6:B9", "C6:C8", "A11:G11"]}, hidden=("Справочник",), hidden_rows={"Перечень": [8]})
ods(os.path.join(OUT, "registry.ods"), {"Перечень": rows, "Справочник": [["Клиент"], ["Гражданские служащие"]]},
    merges={"Перечень": ["B6:B9", "C6:C8", "A11:G11"]}, hidden=("Справочник",), hidden_rows={"Перечень": [8]},
    errors=("#Н/Д",))

# The Word document: two tables with the same columns, the second without a header.
first = [[cell(h) for h in REG_HEADER], [cell(str(i)) for i in range(1, 8)]]
word_rows = [r for r in REG_ROWS if r[3] != "Факс (старый)"]
for r in word_rows[:2]:
    first.append([cell(v) for v in r])
second = [[cell(v) for v in r] for r in word_rows[2:]]
second += [[cell(REG_TAIL[0][0], span=7)], [cell(REG_TAIL[1][0], span=5), cell(REG_TAIL[1][5], span=2)]]
W_TABLE = '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>' + "".join(
    '<w:gridCol w:w="2000"/>' for _ in range(7)) + "</w:tblGrid>" + "".join(
    f"<w:tr>{''.join(r)}</w:tr>" for r in second) + "</w:tbl>"
SECTION_BREAK = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>'
docx(os.path.join(OUT, "registry.docx"),
     [("УТВЕРЖДАЮ", False, "right"), ("Перечень точек взаимодействия с внутренним клиентом", True, "center")],
     first, after=SECTION_BREAK + W_TABLE)

# ---------------------------------------------------------------- the journal
J_HEADER = ["Рег. №", "Дата поступления", "Форма обращения", "Контрольный срок", "Дата ответа"]
J_ROWS = [
    ["1", "10.03.2025", "письменное", "", "20.03.2025"],
    ["2", "11.03.2025", "устное", "", "11.03.2025"],
    # Hidden by hand in the workbook.
    ["3", "12.03.2025", "письменное", "", ""],
    ["4", "13.03.2025", "письменное", "", "#Н/Д"],
    ["5", "14.03.2025", "письменное", "", "01.04.2025"],
]
J_TITLE = [["Журнал регистрации обращений внутренних клиентов", "", "", "", ""],
           ["за I квартал 2025 г.", "", "", "", ""]]
J_TAIL = [["Итого", "5", "", "", ""],
          ["Исполнитель: Петрова А.А., тел. 23-45-67", "", "", "", ""]]
journal = J_TITLE + [J_HEADER, ["1", "2", "3", "4", "5"]] + J_ROWS + J_TAIL
# Rows: title 1-2, header 3, numbers 4, requests 5-9 (row 7 hidden), tail 10-11.
xlsx(os.path.join(OUT, "journal.xlsx"), {"Журнал": journal, "Черновик": [["Дата поступления", "Форма обращения"], ["01.01.2025", "устное"]]},
     hidden=("Черновик",), hidden_rows={"Журнал": [7]})
ods(os.path.join(OUT, "journal.ods"), {"Журнал": journal, "Черновик": [["Дата поступления", "Форма обращения"], ["01.01.2025", "устное"]]},
    hidden=("Черновик",), hidden_rows={"Журнал": [7]}, errors=("#Н/Д",))
with open(os.path.join(OUT, "journal.csv"), "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    for r in J_TITLE + [J_HEADER, ["1", "2", "3", "4", "5"]] + [r for r in J_ROWS if r[0] != "3"] + J_TAIL:
        w.writerow(r)

# ---------------------------------------------------------------- the survey
S_HEADER = ["Отметка времени",
            "Оцените удовлетворенность [Начисление заработной платы]",
            "Оцените удовлетворенность [Оформление отпуска]"]
OPTIONS = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен", "Полностью не удовлетворен"]
S_ROWS = [[f"2025-03-{d:02d} 10:{d:02d}:00", OPTIONS[d % 4], OPTIONS[(d + 1) % 4]] for d in range(1, 13)]
S_TITLE = [["Результаты анкетирования, 2025 год", "", ""]]
S_TAIL = [["Итого", "12", "12"]]
survey = S_TITLE + [S_HEADER] + S_ROWS + S_TAIL
# Rows: title 1, header 2, answers 3-14 (row 5 hidden), totals 15.
xlsx(os.path.join(OUT, "survey.xlsx"), {"Ответы": survey, "Служебный": [["x", "y"], ["1", "2"]]},
     hidden=("Служебный",), hidden_rows={"Ответы": [5]})
ods(os.path.join(OUT, "survey.ods"), {"Ответы": survey, "Служебный": [["x", "y"], ["1", "2"]]},
    hidden=("Служебный",), hidden_rows={"Ответы": [5]})
with open(os.path.join(OUT, "survey.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for r in [S_HEADER] + [r for i, r in enumerate(S_ROWS) if i != 2] + S_TAIL:
        w.writerow(r)
# The workbook saved as CSV by Excel: its title line above the header kept.
with open(os.path.join(OUT, "survey_title.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for r in S_TITLE + [S_HEADER] + [r for i, r in enumerate(S_ROWS) if i != 2] + S_TAIL:
        w.writerow(r)


# ---------------------------------------------------------------- a web page named .xls
# What document systems and 1C write as «выгрузка в Excel»: an HTML table under an .xls name.
with open(os.path.join(OUT, "sed_export.xls"), "w", encoding="utf-8") as f:
    f.write('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8"></head>\n'
            "<body><table border=1>\n<tr>" + "".join(f"<th>{h}</th>" for h in J_HEADER) + "</tr>\n"
            + "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>\n" for r in J_ROWS)
            + "</table></body></html>\n")

# ---------------------------------------------------------------- a repeated header, a hidden column
# The header repeated in the body (a copy of the table pasted below, a page's repeated header
# kept by a conversion) and a hidden column with text in it, in each command's table.
#   tests/fixtures/tables/registry_repeat.xlsx|ods   header 1, points 2-3, header again 4, points 5-6
#   tests/fixtures/tables/journal_repeat.xlsx|ods    header 1, requests 2-3, header again 4, request 5
#   tests/fixtures/tables/survey_repeat.xlsx|ods     header 1, answers 2-4, header again 5, answers 6-8
R_HEADER = REG_HEADER + ["Служебная отметка"]
r_rows = [R_HEADER] + [r + ["проверить"] for r in REG_ROWS[:2]] + [R_HEADER] + [r + ["проверить"] for r in REG_ROWS[3:5]]
j_header = J_HEADER + ["Телефон заявителя"]
j_rows = [j_header] + [r + ["8 913 000-00-00"] for r in J_ROWS[:2]] + [j_header] + [J_ROWS[4] + ["8 913 000-00-01"]]
s_header = S_HEADER + ["ФИО"]
s_rows = [s_header] + [r + ["Иванова"] for r in S_ROWS[:3]] + [s_header] + [r + ["Петров"] for r in S_ROWS[3:6]]
for write in (xlsx, ods):
    ext = "xlsx" if write is xlsx else "ods"
    write(os.path.join(OUT, f"registry_repeat.{ext}"), {"Перечень": r_rows}, hidden_cols={"Перечень": [(8, 8)]})
    write(os.path.join(OUT, f"journal_repeat.{ext}"), {"Журнал": j_rows}, hidden_cols={"Журнал": [(6, 6)]})
    write(os.path.join(OUT, f"survey_repeat.{ext}"), {"Ответы": s_rows}, hidden_cols={"Ответы": [(4, 4)]})
