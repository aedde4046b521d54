#!/usr/bin/env python3
"""Tiny Word and Excel files that declare huge sizes (issue 17): each must be refused or read
sparsely, in Russian, in under a second, never by allocating what it declares.

  tests/fixtures/hostile/grid_before.docx       rows with w:gridBefore="4000000000"
  tests/fixtures/hostile/far_cell.xlsx          cells in A1 and XFD1048576
  tests/fixtures/hostile/wide_merges.xlsx       50 merged ranges A2:XFD1048576
  tests/fixtures/hostile/overlapping_merges.xlsx 2,000 overlapping malformed merges
  tests/fixtures/hostile/far_columns.xlsx       a registry table in columns XFC:XFD
  tests/fixtures/hostile/huge_cell.docx         one cell of 3 MB of text

Run from the repository root: python3 scripts/make_hostile_tables.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, write_zip, xlsx  # noqa: E402

OUT = "tests/fixtures/hostile"
os.makedirs(OUT, exist_ok=True)
HEADER = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки"]
ROW = ["Бухгалтерия", "Начисление заработной платы", "Телефонная связь", "цифровая"]

# gridBefore of four billion slots, on many rows.
rows = [[cell(h) for h in HEADER]]
for _ in range(50):
    rows.append(['<w:trPr><w:gridBefore w:val="4000000000"/></w:trPr>'] + [cell(v) for v in ROW])
docx(os.path.join(OUT, "grid_before.docx"), [("Перечень", False, None)], rows)

# One 3 MB cell.
rows = [[cell(h) for h in HEADER], [cell(v) for v in ROW[:2]] + [cell("Телефон " * 400_000), cell("цифровая")]]
docx(os.path.join(OUT, "huge_cell.docx"), [("Перечень", False, None)], rows)


def sheet_xml(cells, merges=()):
    data = "".join(f'<row r="{r}"><c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c></row>' for r, ref, text in cells)
    merge = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    merge = f'<mergeCells count="{len(merges)}">{merge}</mergeCells>' if merges else ""
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:XFD1048576"/><sheetData>{data}</sheetData>{merge}</worksheet>')


def workbook(path, sheet):
    write_zip(path, [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Перечень" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ])


table = [(1, f"{c}1", h) for c, h in zip("ABCD", HEADER)] + [(2, f"{c}2", v) for c, v in zip("ABCD", ROW)]
workbook(os.path.join(OUT, "far_cell.xlsx"), sheet_xml(table + [(1048576, "XFD1048576", "x")]))
workbook(os.path.join(OUT, "wide_merges.xlsx"), sheet_xml(table, ["A2:XFD1048576"] * 50))
workbook(os.path.join(OUT, "overlapping_merges.xlsx"),
         sheet_xml(table, [f"A{i}:XFD{1048576 - i}" for i in range(1, 2001)]))
far = [(1, "XFC1", "Наименование процесса"), (1, "XFD1", "Точка взаимодействия")]
for r in range(2, 2002):
    far += [(r, f"XFC{r}", "Начисление заработной платы"), (r, f"XFD{r}", f"Точка {r}")]
workbook(os.path.join(OUT, "far_columns.xlsx"), sheet_xml(far))
