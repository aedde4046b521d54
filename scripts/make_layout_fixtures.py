#!/usr/bin/env python3
"""Registries laid out as ministries really make them (issue 17), for tests/cli/import.rs:

  tests/fixtures/layouts/continued.docx        two tables, «Продолжение приложения» between them,
      the second repeating the header and the row of numbers
  tests/fixtures/layouts/continued_bare.docx   the second table starts with data, after the caption
  tests/fixtures/layouts/continued_wrong.docx  the continuation has other columns: I005
  tests/fixtures/layouts/repeated_header.docx  the header row repeated in the body
  tests/fixtures/layouts/needs_rows.docx       a point merged down over rows of one need each, and
      the channel, client and value merged down too
  tests/fixtures/layouts/two_sheets.xlsx       one registry on two sheets with the same header

Run from the repository root: python3 scripts/make_layout_fixtures.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, paragraph, xlsx  # noqa: E402

OUT = "tests/fixtures/layouts"
os.makedirs(OUT, exist_ok=True)
HEADER = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
          "Удовлетворяемые потребности"]
NUMBERS = [str(i) for i in range(1, len(HEADER) + 1)]
A = [["Бухгалтерский учет", "Начисление заработной платы", "Телефонная связь", "цифровая", "получение информации"],
     ["Бухгалтерский учет", "Выдача справок о доходах", "Электронная почта", "цифровая", "получение информации"]]
B = [["Кадровая политика", "Оформление отпусков", "Кабинет 305", "офлайн", "получение консультации"],
     ["Кадровая политика", "Прием на работу", "СЭД", "цифровая", "получение информации"]]


def row(values):
    return [cell(v) for v in values]


def table(rows):
    return "<w:tbl>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"


TITLE = [("Перечень точек взаимодействия с внутренним клиентом — Министерство финансов", True, "center")]

docx(os.path.join(OUT, "continued.docx"), TITLE,
     [row(HEADER), row(NUMBERS)] + [row(r) for r in A],
     after=paragraph("Продолжение приложения") + table([row(HEADER), row(NUMBERS)] + [row(r) for r in B]))
docx(os.path.join(OUT, "continued_bare.docx"), TITLE,
     [row(HEADER)] + [row(r) for r in A],
     after=paragraph("Продолжение приложения") + table([row(r) for r in B]))
docx(os.path.join(OUT, "continued_wrong.docx"), TITLE,
     [row(HEADER)] + [row(r) for r in A],
     after=paragraph("Продолжение приложения") + table([row(r[:3]) for r in B]))
docx(os.path.join(OUT, "repeated_header.docx"), TITLE,
     [row(HEADER)] + [row(r) for r in A] + [row(HEADER)] + [row(r) for r in B])

# A point merged down over three rows, one need per row; channel merged down with it.
merged = [row(HEADER),
          [cell("Бухгалтерский учет", "restart"), cell("Начисление заработной платы", "restart"),
           cell("Телефонная связь", "restart"), cell("цифровая", "restart"), cell("получение информации")],
          [cell("", "continue"), cell("", "continue"), cell("", "continue"), cell("", "continue"),
           cell("получение консультации")],
          [cell("", "continue"), cell("", "continue"), cell("", "continue"), cell("", "continue"),
           cell("представление заявления, обращения, запроса, документов")],
          [cell("", "continue"), cell("Выдача справок о доходах"), cell("Электронная почта", "restart"),
           cell("цифровая", "restart"), cell("получение информации")],
          [cell("", "continue"), cell("Выдача справок о стаже"), cell("Кабинет 12"),
           cell("", "continue"), cell("получение информации")]]
docx(os.path.join(OUT, "needs_rows.docx"), TITLE, merged)

xlsx(os.path.join(OUT, "two_sheets.xlsx"), {
    "Бухгалтерия": [HEADER] + A,
    "Кадры": [HEADER] + B,
})


# What a person sees is what is read: hidden text, a non-breaking hyphen, tracked changes (old
# cell properties, a deleted row, moved text), a text box with its fallback, a placeholder of an
# empty content control, a soft hyphen.
def run(text, props=""):
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def raw_cell(runs, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{runs}</w:p></w:tc>"


TEXTBOX = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>сноска</w:t></w:r></w:p>'
           '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
           '<w:t>сноска</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
PLACEHOLDER = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Место для ввода текста.'
               '</w:t></w:r></w:sdtContent></w:sdt>')
HEAD = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
        "Осуществляемое взаимодействие"]
REVISIONS = [
    row(HEAD),
    [cell("Бухгалтерский учет"), cell("Начисление заработной платы"),
     raw_cell(run("Телефонная связь") + run(" (старый номер 25-34-11, не публиковать)", "<w:vanish/>")),
     cell("цифровая"), cell("Консультации")],
    [cell("Бухгалтерский учет"), cell("Начисление заработной платы"),
     raw_cell(run("Интернет") + "<w:r><w:noBreakHyphen/></w:r>" + run("приёмная")),
     raw_cell(run("цифровая"), '<w:tcPrChange w:id="1" w:author="x"><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange>'),
     cell("Заявления")],
    ['<w:trPr><w:del w:id="2" w:author="x"/></w:trPr>', cell("Бухгалтерский учет"),
     cell("Начисление заработной платы"), cell("Факс (старая)"), cell("цифровая"), cell("Заявления")],
    [cell("Бухгалтерский учет"), cell("Начисление заработной платы"),
     raw_cell('<w:moveFrom w:id="3" w:author="x">' + run("Старое место") + "</w:moveFrom>"
              + '<w:moveTo w:id="4" w:author="x">' + run("Почта России") + "</w:moveTo>"),
     cell("офлайн"), cell("Письма")],
    [cell("Бухгалтерский учет"), cell("Выдача справок"), raw_cell(run("Почта ") + TEXTBOX + run("России")),
     cell("офлайн"), raw_cell(PLACEHOLDER)],
    [cell("Бухгалтерский учет"), cell("Выдача справок"), cell("Элек\u00adтронная почта"),
     cell("цифровая"), cell("Справки")],
]
docx(os.path.join(OUT, "revisions.docx"), TITLE, REVISIONS)

# Qualified headings and a second column for one field.
QUALIFIED = ["Направление деятельности УФО", "Наименование процесса", "Точка взаимодействия (цифровая/офлайн)",
             "Вид точки", "Ценность для внутреннего клиента¹", "Точка взаимодействия"]
docx(os.path.join(OUT, "qualified.docx"), TITLE,
     [row(QUALIFIED), row(["Бухгалтерский учет", "Начисление заработной платы", "Телефонная связь", "цифровая",
                           "Ответ без визита", "Факс (старая)"])])

# Files that are not what their names say.
KINDS = "tests/fixtures/kinds"
os.makedirs(KINDS, exist_ok=True)
with open(os.path.join(KINDS, "old_office.docx"), "wb") as f:
    f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
with open(os.path.join(KINDS, "rich_text.docx"), "wb") as f:
    f.write(b"{\\rtf1\\ansi \\b \\'cf\\'e5\\'f0\\'e5\\'f7\\'e5\\'ed\\'fc}")
import shutil
import zipfile
shutil.copy("examples/lipetsk_form.xlsx", os.path.join(KINDS, "workbook.docx"))
shutil.copy("examples/smolensk_appendix.docx", os.path.join(KINDS, "document.xlsx"))
with zipfile.ZipFile(os.path.join(KINDS, "open_document.docx"), "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype", (2025, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.text")
    z.writestr(zipfile.ZipInfo("content.xml", (2025, 1, 1, 0, 0, 0)), "<office:document-content/>")
# A binary workbook (.xlsb: here a zip with the extension, as calamine would be asked to read
# it) and a password-protected one (an OLE container with an EncryptedPackage stream).
shutil.copy("examples/lipetsk_form.xlsx", os.path.join(KINDS, "binary.xlsb"))
with open(os.path.join(KINDS, "protected.xlsb"), "wb") as f:
    names = "".join(n.ljust(32, "\0") for n in ["Root Entry", "EncryptionInfo", "EncryptedPackage"])
    f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names.encode("utf-16-le"))
