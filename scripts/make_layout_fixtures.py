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
  tests/fixtures/layouts/two_row_header.docx   «Точка взаимодействия» merged over «наименование | вид»
  tests/fixtures/layouts/two_row_header.xlsx   the same as merged ranges, under a title row; and a
      parent heading above «Точка взаимодействия | Вид точки» on a second sheet
  tests/fixtures/layouts/numbered_sections.docx  «1.» | a direction merged across the rest
  tests/fixtures/layouts/approval_block.docx   a 16-line УТВЕРЖДАЮ/СОГЛАСОВАНО block, the caption
      «УТВЕРЖДЕН приказом … от «24» сентября 2024 г. № 76» over three paragraphs, no « — » title
  tests/fixtures/layouts/main_part.docx        the document's text in a part named by _rels/.rels
  tests/fixtures/layouts/alt_chunk.docx        the table kept as an altChunk (HTML) part
  tests/fixtures/layouts/hidden.xlsx           a hidden row, a hidden old «Точка взаимодействия»
      column before the visible one, a hidden sheet

Run from the repository root: python3 scripts/make_layout_fixtures.py
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, paragraph, write_zip, xlsx  # noqa: E402

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


# Headers of two rows.
two_rows = [[cell("Направление деятельности", "restart"), cell("Наименование процесса", "restart"),
             cell("Точка взаимодействия", span=2), cell("Удовлетворяемые потребности", "restart")],
            [cell("", "continue"), cell("", "continue"), cell("наименование"), cell("вид"), cell("", "continue")],
            row(NUMBERS)] + [row(r) for r in A + B]
docx(os.path.join(OUT, "two_row_header.docx"), TITLE, two_rows)
xlsx(os.path.join(OUT, "two_row_header.xlsx"), {
    "Перечень": [["Перечень точек взаимодействия с внутренним клиентом — Министерство финансов"],
                 ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "",
                  "Удовлетворяемые потребности"],
                 ["", "", "наименование", "вид", ""]] + A,
    "Выше": [["Направление деятельности", "Наименование процесса", "Характеристика точки", "",
              "Удовлетворяемые потребности"],
             ["", "", "Точка взаимодействия", "Вид точки", ""]] + B,
}, merges={"Перечень": ["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"],
           "Выше": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]})

# Numbered section headings: the number in its cell, the direction merged across the rest.
numbered = [row(["№", "Наименование процесса", "Точка взаимодействия", "Вид точки", "Удовлетворяемые потребности"]),
            [cell("1."), cell("Бухгалтерский учет", span=4)]]
numbered += [row([f"1.{i + 1}"] + r[1:]) for i, r in enumerate(A)]
numbered += [[cell("2."), cell("Кадровая политика", span=4)]]
numbered += [row([f"2.{i + 1}"] + r[1:]) for i, r in enumerate(B)]
docx(os.path.join(OUT, "numbered_sections.docx"), TITLE, numbered)

# An approval block of 16 lines above the caption, the act over three paragraphs.
BLOCK = [("УТВЕРЖДАЮ", False, "right"), ("Министр финансов", False, "right"), ("Омской области", False, "right"),
         ("_____________ И.И. Иванов", False, "right"), ("«__» ________ 2024 г.", False, "right"), ("", False, None),
         ("СОГЛАСОВАНО", False, "left"), ("Заместитель Министра", False, "left"), ("_____________ П.П. Петров", False, "left"),
         ("СОГЛАСОВАНО", False, "left"), ("Начальник отдела кадров", False, "left"), ("_____________ С.С. Сидорова", False, "left"),
         ("", False, None), ("УТВЕРЖДЕН", False, "right"), ("приказом Министерства финансов", False, "right"),
         ("от «24» сентября 2024 г. № 76", False, "right"),
         ("Перечень точек взаимодействия с внутренним клиентом", True, "center")]
docx(os.path.join(OUT, "approval_block.docx"), BLOCK, [row(HEADER)] + [row(r) for r in A])

# The main part under another name, as the package's relationships name it.
docx(os.path.join(OUT, "main_part.docx"), TITLE, [row(HEADER)] + [row(r) for r in A])
with zipfile.ZipFile(os.path.join(OUT, "main_part.docx")) as z:
    parts = {n: z.read(n) for n in z.namelist()}
parts["word/body.xml"] = parts.pop("word/document.xml")
parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"/word/body.xml")
parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/body.xml")
write_zip(os.path.join(OUT, "main_part.docx"), list(parts.items()))

# A table kept as an altChunk: an HTML part Word shows in place.
docx(os.path.join(OUT, "alt_chunk.docx"), TITLE, [],
     after='<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdHtml"/>')
with zipfile.ZipFile(os.path.join(OUT, "alt_chunk.docx")) as z:
    parts = {n: z.read(n) for n in z.namelist()}
parts["word/table.html"] = ("<html><body><table><tr>" + "".join(f"<td>{h}</td>" for h in HEADER)
                            + "</tr></table></body></html>").encode()
parts["word/_rels/document.xml.rels"] = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                         b'<Relationship Id="rIdHtml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="table.html"/></Relationships>')
write_zip(os.path.join(OUT, "alt_chunk.docx"), list(parts.items()))

# Hidden rows, columns and sheets: an old point column hidden before the visible one.
HIDDEN_HEADER = HEADER[:2] + ["Точка взаимодействия"] + HEADER[2:]
xlsx(os.path.join(OUT, "hidden.xlsx"), {
    "Перечень": [HIDDEN_HEADER,
                 A[0][:2] + ["Факс (старая)"] + A[0][2:],
                 A[1][:2] + ["Телекс (старая)"] + A[1][2:],
                 B[0][:2] + ["Пейджер (старая)"] + ["Кабинет 100 (закрыт)", "офлайн", "получение информации"]]
                + [r[:2] + [""] + r[2:] for r in B[1:]],
    "Черновик": [HEADER, ["Черновое направление", "Черновой процесс", "Черновая точка", "цифровая", "получение информации"]],
}, hidden=("Черновик",), hidden_rows={"Перечень": [4]}, hidden_cols={"Перечень": [(3, 3)]})

# A continuation whose header has the columns in another order (joined, its cells would land in
# the wrong columns): refused with I005. The same for a second sheet.
SWAPPED = HEADER[:2] + [HEADER[3], HEADER[2]] + HEADER[4:]
docx(os.path.join(OUT, "continued_reordered.docx"), TITLE,
     [row(HEADER)] + [row(r) for r in A],
     after=paragraph("Продолжение приложения") + table([row(SWAPPED)] + [row(r[:2] + [r[3], r[2]] + r[4:]) for r in B]))
xlsx(os.path.join(OUT, "sheets_reordered.xlsx"), {
    "Бухгалтерия": [HEADER] + A,
    "Кадры": [SWAPPED] + [r[:2] + [r[3], r[2]] + r[4:] for r in B],
})
# Numbered sections in Excel: «1.» in A, the direction merged across B:E (Excel stores only B).
xlsx(os.path.join(OUT, "numbered_sections.xlsx"), {
    "Перечень": [["№", "Наименование процесса", "Точка взаимодействия", "Вид точки", "Удовлетворяемые потребности"],
                 ["1.", "Бухгалтерский учет"]] + [[f"1.{i + 1}"] + r[1:] for i, r in enumerate(A)]
                + [["2.", "Кадровая политика"]] + [[f"2.{i + 1}"] + r[1:] for i, r in enumerate(B)],
}, merges={"Перечень": ["B2:E2", "B5:E5"]})
