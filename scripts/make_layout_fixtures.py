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
