#!/usr/bin/env python3
"""Writes the registries kept as ministries keep them, for `tochki import` (import.md):

  examples/smolensk_appendix.docx  the Smolensk appendix (shared/seeds/001_*.txt, «Приложение к
                                   Порядку…») as a Word table: the caption and title above it,
                                   the direction merged down its section (w:vMerge), processes
                                   merged over their rows, the appendix's real defects kept (two
                                   duplicate points in one process, several points in one cell).
                                   The row the seed prints shifted one column left is put back in
                                   its columns, as registries/smolensk_accounting.yaml does.
  examples/lipetsk_form.xlsx       a Lipetsk 2.2 form in Excel: title lines, the header, the row of
                                   column numbers, direction and process as merged ranges.
  tests/fixtures/import/*          broken and hostile inputs for the tests.

Only the standard library: a .docx and an .xlsx are zip archives of a few XML parts.
Run from the project root: python3 scripts/make_import_examples.py
"""
import io
import os
import re
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STAMP = (2024, 9, 24, 0, 0, 0)  # fixed, so the files do not change between runs


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def paragraph(text, bold=False, align=None):
    props = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    runs = "".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
        for line in text.split("\n")
    )
    return f"<w:p>{props}{runs}</w:p>"


def cell(text, merge=None, span=1):
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    paragraphs = "".join(paragraph(p) for p in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


def docx(path, before, rows, after="", styles=None, prefix=""):
    """rows: lists of cells (already XML); styles: the body of word/styles.xml, if any; prefix:
    body XML before the title paragraphs (a layout table holding a caption)."""
    # The table's grid, as Word writes it: without it LibreOffice lays spans out differently.
    def width(r):
        return sum(int(m.group(1)) if m else 1
                   for m in (re.search(r'w:gridSpan w:val="(\d+)"', c) for c in r if c.startswith("<w:tc>")))
    columns = max((width(r) for r in rows), default=0)
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{14000 // max(columns, 1)}"/>' for _ in range(columns)) + "</w:tblGrid>"
    table = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="4"/>' for s in ["top", "left", "bottom", "right", "insideH", "insideV"]
    ) + "</w:tblBorders></w:tblPr>" + grid + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"
    if not rows:
        table = ""
    body = prefix + "".join(paragraph(p, bold=b, align=a) for p, b, a in before) + table + after
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>'
    write_zip(path, [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", document),
    ] + ([("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{styles}</w:styles>')]
         if styles else []))


# The Smolensk appendix, row by row: (№, process, point, interaction, features); None for a
# process continues the one above (merged cell).
SMOLENSK_HEADER = ["№ п/п", "Направленность деятельности", "Наименование конкретного процесса",
                   "Точка взаимодействия", "Осуществляемое взаимодействие с клиентом",
                   "Особенности взаимодействия с клиентом"]
SMOLENSK = [
    ("Взаимодействие с внутренним клиентом по вопросам ведения бухгалтерского учета", [
        ("1.", "Организация работы по начислению и выплате заработной платы", "Телефонная связь, кабинеты внутренних клиентов", "Получение документов от клиентов, запросов и справок в письменной форме", "Взаимодействие в онлайн-точке"),
        ("", None, "Телефонная связь, кабинеты внутренних клиентов", "Получение информации, консультации клиентов по начислению заработной платы, выдачи справок по заработной плате", "Взаимодействие в онлайн-точке"),
        ("", "Организация работы по возмещению расходов, связанных со служебными командировками", "Телефонная связь, кабинеты внутренних клиентов", "Получение документов от клиентов, авансовых отчетов в письменном виде", "Взаимодействие в онлайн-точке"),
        ("", "Организация работы по учету рабочего времени", "Телефонная связь, кабинеты внутренних клиентов", "Получение информации, консультации клиентов по оформлению авансовых отчетов", "Взаимодействие в онлайн-точке"),
        ("", "Организация работы по формированию сводной месячной, квартальной и годовой бюджетной, бухгалтерской отчетности", "Программный продукт", "Получение информации об отсутствии сотрудников", "Взаимодействие в онлайн-точке"),
        ("", "Организация работы по отражению фактов хозяйственной жизни", "СЭД, кабинеты внутренних клиентов", "Получение служебных записок о фактах хозяйственной жизни", "Взаимодействие в онлайн-точке"),
        ("", "Организация работы по представлению сведений по требованию", "Телефонная связь, СЭД, электронная почта", "Предоставление заверенных копий платёжных поручений на перечисление средств", "Взаимодействие в офлайн-точке"),
        ("", None, "Телефонная связь, СЭД, электронная почта", "Предоставление информации о кассовом расходе выплат", "Взаимодействие в онлайн-точке"),
    ]),
    ("Взаимодействие с внешним клиентом по вопросам ведения бухгалтерского учета", [
        ("2.", "Организация работы по представлению отчетности в контролирующие органы", "Защищенные каналы связи посредством Интернет", "Предоставление месячной, квартальной и годовой отчетности в УФНС по Смоленской области, в ОСФР, в Росстат; ответ на запросы из ОСФР по больничным листам", "Взаимодействие в онлайн-точке"),
    ]),
]


def smolensk_docx(path):
    before = [
        ("Приложение к Порядку ведения взаимодействия с внутренним клиентом по вопросам ведения бухгалтерского учета в исполнительных органах Смоленской области", False, "right"),
        ("Приложение к приказу Министерства финансов Смоленской области от 24.09.2024 № 76", False, "right"),
        ("", False, None),
        ("Перечень точек взаимодействия с внутренним клиентом по вопросам ведения бухгалтерского учета в исполнительных органах Смоленской области", True, "center"),
    ]
    rows = [[cell(h) for h in SMOLENSK_HEADER]]
    for direction, lines in SMOLENSK:
        for i, (number, process, point, interaction, features) in enumerate(lines):
            next_continues = i + 1 < len(lines) and lines[i + 1][1] is None
            rows.append([
                cell(number),
                cell(direction if i == 0 else "", "restart" if i == 0 else "continue"),
                cell(process or "", "continue" if process is None else ("restart" if next_continues else None)),
                cell(point), cell(interaction), cell(features),
            ])
    docx(path, before, rows)


HIDDEN = ' hidden="1"'


def xlsx(path, sheets, merges=None, hidden=(), hidden_rows=None, hidden_cols=None):
    """sheets: {name: rows of strings (numbers become number cells, datetime.date values cells
    typed as dates: a serial number with the date format 14, as Excel stores a date)};
    merges: {name: ["B4:B6", …]}; hidden: names of hidden sheets; hidden_rows: {name: [row
    numbers as Excel shows them]}; hidden_cols: {name: [(first, last) column numbers, 1-based]}."""
    import datetime
    merges = merges or {}
    hidden_rows = hidden_rows or {}
    hidden_cols = hidden_cols or {}
    strings, index = [], {}

    def sst(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def col(n):
        s = ""
        n += 1
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(65 + r) + s
        return s

    parts, workbook_sheets, rels = [], [], []
    for i, (name, rows) in enumerate(sheets.items(), 1):
        data = "".join(
            f'<row r="{r + 1}"{HIDDEN if r + 1 in hidden_rows.get(name, []) else ""}>' + "".join(
                (f'<c r="{col(c)}{r + 1}" s="1"><v>{(v - datetime.date(1899, 12, 30)).days}</v></c>'
                 if isinstance(v, datetime.date) else
                 f'<c r="{col(c)}{r + 1}"><v>{v}</v></c>' if isinstance(v, (int, float)) else
                 f'<c r="{col(c)}{r + 1}" t="s"><v>{sst(v)}</v></c>')
                for c, v in enumerate(row) if v != ""
            ) + "</row>" for r, row in enumerate(rows)
        )
        merge = "".join(f'<mergeCell ref="{m}"/>' for m in merges.get(name, []))
        merge = f'<mergeCells count="{len(merges.get(name, []))}">{merge}</mergeCells>' if merge else ""
        cols = "".join(f'<col min="{a}" max="{b}" width="12" hidden="1"/>' for a, b in hidden_cols.get(name, []))
        cols = f"<cols>{cols}</cols>" if cols else ""
        parts.append((f"xl/worksheets/sheet{i}.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{cols}<sheetData>{data}</sheetData>{merge}</worksheet>'))
        state = ' state="hidden"' if name in hidden else ""
        workbook_sheets.append(f'<sheet name="{escape(name)}" sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    shared = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    write_zip(path, [
        ("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
        ("xl/styles.xml", styles),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{"".join(workbook_sheets)}</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>'),
        ("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'),
    ] + parts)


LIPETSK_HEADER = ["№ п/п", "Направление деятельности", "Наименование процесса", "Точка взаимодействия",
                  "Вид точки", "Удовлетворяемые потребности", "Внутренний клиент",
                  "Ценность для внутреннего клиента", "Основание"]


def ods(path, sheets, merges=None, hidden=(), hidden_rows=None, hidden_cols=None, filtered_rows=None,
        errors=()):
    """An OpenDocument spreadsheet as LibreOffice Calc writes one: the `mimetype` part first and
    stored, numbers and dates typed (`office:value-type`, the shown text in the cell's format),
    empty cells and trailing rows compressed with `number-*-repeated`, merges as spanned cells
    and `table:covered-table-cell`s, a hidden sheet by its table style (`table:display="false"`),
    hidden rows and columns `table:visibility="collapse"`, filtered rows `"filter"`. Arguments as
    `xlsx`; `filtered_rows`: {name: [row numbers]}; `errors`: texts written as error values (a
    float 0 with `calcext:value-type="error"`, as LibreOffice writes #N/A)."""
    import datetime
    merges = merges or {}
    hidden_rows = hidden_rows or {}
    hidden_cols = hidden_cols or {}
    filtered_rows = filtered_rows or {}

    def ref(text):
        letters = re.match(r"[A-Z]+", text).group(0)
        n = 0
        for ch in letters:
            n = n * 26 + ord(ch) - 64
        return int(text[len(letters):]) - 1, n - 1

    def typed(v):
        if isinstance(v, datetime.date):
            return (f'office:value-type="date" office:date-value="{v.isoformat()}" calcext:value-type="date"',
                    v.strftime("%d.%m.%y"))
        if isinstance(v, (int, float)):
            return f'office:value-type="float" office:value="{v}" calcext:value-type="float"', str(v)
        if v in errors:
            return 'table:formula="of:=NA()" office:value-type="float" office:value="0" calcext:value-type="error"', v
        if re.fullmatch(r"-?\d+", v):
            # Calc types a number typed into a cell.
            return f'office:value-type="float" office:value="{v}" calcext:value-type="float"', v
        return 'office:value-type="string" calcext:value-type="string"', v

    tables = []
    for name, rows in sheets.items():
        width = max((len(r) for r in rows), default=1)
        spans, covered = {}, set()
        for m in merges.get(name, []):
            a, b = m.split(":")
            (r1, c1), (r2, c2) = ref(a), ref(b)
            spans[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        columns = ""
        hidden_c = {c - 1 for a, b in hidden_cols.get(name, []) for c in range(a, b + 1)}
        for c in range(width):
            vis = ' table:visibility="collapse"' if c in hidden_c else ""
            columns += f'<table:table-column table:style-name="co1"{vis} table:default-cell-style-name="Default"/>'
        columns += f'<table:table-column table:style-name="co1" table:number-columns-repeated="{1024 - width}" table:default-cell-style-name="Default"/>'
        body = ""
        for r, row in enumerate(rows):
            vis = (' table:visibility="collapse"' if r + 1 in hidden_rows.get(name, []) else
                   ' table:visibility="filter"' if r + 1 in filtered_rows.get(name, []) else "")
            cells, empty = "", 0
            for c in range(width):
                v = row[c] if c < len(row) else ""
                if (r, c) in covered:
                    if empty:
                        cells += f'<table:table-cell table:number-columns-repeated="{empty}"/>' if empty > 1 else "<table:table-cell/>"
                        empty = 0
                    cells += "<table:covered-table-cell/>"
                    continue
                if v == "" and (r, c) not in spans:
                    empty += 1
                    continue
                if empty:
                    cells += f'<table:table-cell table:number-columns-repeated="{empty}"/>' if empty > 1 else "<table:table-cell/>"
                    empty = 0
                attrs, shown = typed(v) if v != "" else ("", "")
                span = ""
                if (r, c) in spans:
                    rs, cs = spans[(r, c)]
                    span = f' table:number-columns-spanned="{cs}" table:number-rows-spanned="{rs}"'
                text = f"<text:p>{escape(shown)}</text:p>" if shown != "" else ""
                cells += f"<table:table-cell {attrs}{span}>{text}</table:table-cell>"
            cells += f'<table:table-cell table:number-columns-repeated="{1024 - width + empty}"/>'
            body += f'<table:table-row table:style-name="ro1"{vis}>{cells}</table:table-row>'
        body += ('<table:table-row table:style-name="ro1" table:number-rows-repeated="1048560">'
                 '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        style = "ta2" if name in hidden else "ta1"
        tables.append(f'<table:table table:name="{escape(name)}" table:style-name="{style}">{columns}{body}</table:table>')
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')
    styles = ('<office:automatic-styles>'
              '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="2.258cm"/></style:style>'
              '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.452cm"/></style:style>'
              '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
              '<style:style style:name="ta2" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>'
              '</office:automatic-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
               f'{styles}<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", STAMP)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        for part, text in [("content.xml", content), ("META-INF/manifest.xml", manifest)]:
            info = zipfile.ZipInfo(part, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def lipetsk_xlsx(path):
    rows = [
        ["Приложение к приказу управления финансов Липецкой области от 30.04.2025 № 112"],
        ["Перечень точек взаимодействия с внутренним клиентом — Управление финансов Липецкой области"],
        [],
        LIPETSK_HEADER,
        [str(i) for i in range(1, 10)],
        ["1", "Бухгалтерский учет", "Начисление заработной платы", "Телефонная связь", "цифровая", "Получение информации; получение консультации", "Сотрудники управления", "Ответ без визита в бухгалтерию", "Регламент бухгалтерии"],
        ["2", "", "", "Электронная почта", "цифровая", "Представление заявления, обращения, запроса, документов", "Сотрудники управления", "Документы без визита", "Регламент бухгалтерии"],
        ["3", "", "", "Кабинет бухгалтерии", "офлайн", "Получение результата, ответа, разъяснения\nпропуск в здание", "Сотрудники управления", "Личная встреча", "Регламент бухгалтерии"],
        ["4", "", "Командировки", "Система электронного документооборота", "цифровая", "Представление заявления, обращения, запроса, документов; получение информации о ходе рассмотрения заявления, обращения, запроса, документов", "Командируемые сотрудники", "Авансовый отчет без бумаги", "Приказ о командировках"],
        ["5", "Кадровая работа", "Оформление отпуска", "Официальный сайт", "цифровая", "Получение форм документов", "Сотрудники управления", "Бланк всегда под рукой", "Поручение руководителя управления"],
        ["6", "", "", "Отдел кадров", "офлайн", "Представление заявления, обращения, запроса, документов", "Сотрудники управления", "Заявление принимают сразу", "Положение об отделе кадров"],
    ]
    xlsx(path, {"Перечень": rows}, {"Перечень": ["A2:I2", "B6:B9", "C6:C8", "B10:B11", "C10:C11"]})


def fixtures(folder):
    os.makedirs(folder, exist_ok=True)
    # A Word file with no table at all.
    docx(f"{folder}/no_table.docx", [("Приказ без приложения", False, None)], [])
    # A table with no touchpoint column.
    docx(f"{folder}/no_point_column.docx", [], [[cell("Процесс"), cell("Канал")], [cell("Зарплата"), cell("Телефон")]])
    # Unknown header, a point above any process, a need outside the catalogue.
    docx(f"{folder}/defects.docx", [], [
        [cell("Направление деятельности"), cell("Наименование процесса"), cell("Точка взаимодействия"), cell("Удовлетворяемые потребности"), cell("Примечание")],
        [cell("Учет"), cell(""), cell("Телефон"), cell("Получение информации"), cell("")],
        [cell("", "continue"), cell("Зарплата"), cell("Телефон"), cell("Получение информации\nпропуск в здание"), cell("")],
    ])
    # Not a zip: what an encrypted Office file is (an OLE compound file whose directory names
    # the streams EncryptionInfo and EncryptedPackage), and a damaged zip.
    with open(f"{folder}/encrypted.docx", "wb") as f:
        directory = "".join(name.ljust(32, "\0") for name in ["Root Entry", "EncryptionInfo", "EncryptedPackage"])
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + directory.encode("utf-16-le"))
    with open(f"{folder}/damaged.xlsx", "wb") as f:
        f.write(b"PK\x03\x04" + b"\x14\0" * 20)
    # A zip bomb: document.xml of 300 MiB of zeros, a few hundred KiB packed.
    path = f"{folder}/zip_bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("word/document.xml", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as part:
            block = b"0" * (1 << 20)
            for _ in range(300):
                part.write(block)


if __name__ == "__main__":
    smolensk_docx("examples/smolensk_appendix.docx")
    lipetsk_xlsx("examples/lipetsk_form.xlsx")
    fixtures("tests/fixtures/import")
