#!/usr/bin/env python3
"""Registries laid out as real documents lay them out (issue 26), for tests/cli/layouts.rs:

  tests/fixtures/real_layouts/merged_point.docx     a point merged down over rows with their own
      interaction, features, client and value (Smolensk's «…по требованию»): one touchpoint a row
  tests/fixtures/real_layouts/style_hidden.docx     text hidden by a character style (through
      w:basedOn) and a paragraph style: not read
  tests/fixtures/real_layouts/segments_commas.docx  segmentation values separated by commas, a
      decimal comma inside a band, and a profile naming those values
  tests/fixtures/real_layouts/process_across.docx   a process cell merged down across a direction
      boundary (a direction heading row cuts it)
  tests/fixtures/real_layouts/wrapped_needs.docx    need wordings wrapped at every line by a PDF paste
  tests/fixtures/real_layouts/marks.docx            needs as a matrix of «+» under the catalogue's
      wordings, and the kind as «цифровая | офлайн» with «✓»
  tests/fixtures/real_layouts/marks.xlsx            the same in Excel (merged group headings)
  tests/fixtures/real_layouts/hyphenated.docx       headings hyphenated by hand («Точка взаимо-» ⏎
      «действия»)
  tests/fixtures/real_layouts/direction_variants.xlsx  a direction repeated in every row with ё/е,
      case and spacing variants
  tests/fixtures/real_layouts/smolensk_caption.docx the order's own caption, the month as a number,
      the organisation only in «Приложение к приказу Министерства …»
  tests/fixtures/real_layouts/no_needs.docx         Smolensk's form: no needs column, ten rows
  tests/fixtures/real_layouts/carriage.xlsx         Excel's _x000D_ escapes in shared strings
  tests/fixtures/real_layouts/tail_people.docx      under the table a name and phone merged across,
      a full name alone, and after «СОГЛАСОВАНО:» a table of the same width of approvals
  tests/fixtures/real_layouts/tail_people.xlsx      an executor typed into cells under the table
  tests/fixtures/real_layouts/sections_no_direction.docx  «1 | Бухгалтерский учет» rows heading
      sections in a table without a direction column
  tests/fixtures/real_layouts/marks_dashes.docx     «−» (the minus sign) and «‐» as «no», both kinds
      marked in one row
  tests/fixtures/real_layouts/caption_right.xlsx    the caption top right (column F), its date a
      date cell of its own
  tests/fixtures/real_layouts/caption_layout.docx   the caption in a layout table of two cells
  tests/fixtures/real_layouts/other_body.docx       the ministry's order appends the registry of
      an institution named in the title: no organisation taken from the caption
  tests/fixtures/real_layouts/described.yaml        a registry with what the appendix must give
      back: needs with descriptions, an `other` need with «;» in it, features, basis, ids of
      processes and touchpoints, an act that is a постановление

Run from the repository root: python3 scripts/make_real_layouts.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_import_examples import cell, docx, paragraph, xlsx  # noqa: E402

OUT = "tests/fixtures/real_layouts"
os.makedirs(OUT, exist_ok=True)
TITLE = [("Перечень точек взаимодействия с внутренним клиентом — Министерство финансов", True, "center")]


def row(values):
    return [cell(v) for v in values]


def merged_point():
    header = ["№ п/п", "Направление деятельности", "Наименование процесса", "Точка взаимодействия",
              "Осуществляемое взаимодействие", "Особенности взаимодействия", "Внутренний клиент",
              "Ценность для внутреннего клиента"]
    r, c = "restart", "continue"
    rows = [row(header),
            [cell("1."), cell("Бухгалтерский учет", r),
             cell("Организация работы по представлению сведений по требованию", r),
             cell("Телефонная связь, СЭД", r), cell("Предоставление заверенных копий платёжных поручений"),
             cell("Взаимодействие в офлайн-точке"), cell("Работники министерства"), cell("Копии в срок")],
            [cell(""), cell("", c), cell("", c), cell("", c),
             cell("Предоставление информации о кассовом расходе выплат"), cell("Взаимодействие в онлайн-точке"),
             cell("Руководители структурных подразделений"), cell("Контроль расходов")],
            [cell("2."), cell("", c), cell("Начисление заработной платы", r), cell("Личный кабинет сотрудника", r),
             cell("Расчётный листок"), cell("Взаимодействие в онлайн-точке"), cell("Работники министерства"),
             cell("Знать свою зарплату")],
            [cell(""), cell("", c), cell("", c), cell("", c), cell("Заявление на вычет"),
             cell("Взаимодействие в онлайн-точке"), cell("Работники министерства"), cell("Вычет без визита")]]
    docx(os.path.join(OUT, "merged_point.docx"), TITLE, rows)


def style_hidden():
    styles = ('<w:style w:type="character" w:styleId="Secret"><w:name w:val="Скрытый"/><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Secret2"><w:basedOn w:val="Secret"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Draft"><w:rPr><w:vanish/></w:rPr></w:style>')

    def runs(*parts):
        out = ""
        for text, style in parts:
            props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
            out += f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'
        return f"<w:tc><w:tcPr/><w:p>{out}</w:p></w:tc>"

    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    draft = ('<w:tc><w:tcPr/><w:p><w:r><w:t>получение информации</w:t></w:r></w:p>'
             '<w:p><w:pPr><w:pStyle w:val="Draft"/></w:pPr><w:r><w:t>черновик: уточнить у Иванова</w:t></w:r></w:p></w:tc>')
    rows = [row(header),
            [cell("Бухгалтерский учет"), cell("Начисление заработной платы"),
             runs(("Телефонная связь", None), (" (не публиковать: старый номер 25-34-11)", "Secret")),
             runs(("офлайн", None), (" цифровая", "Secret2")), draft],
            row(["Бухгалтерский учет", "Выдача справок", "Кабинет 12", "офлайн", "получение консультации"])]
    docx(os.path.join(OUT, "style_hidden.docx"), TITLE, rows, styles=styles)


def segments_commas():
    header = row(["Тип признака", "Признак", "Значение признака"])
    seg = [header,
           [cell("Социально-демографические", "restart"), cell("Стаж работы"),
            cell("менее 1,5 лет, от 1,5 до 5 лет, 5 лет и более")],
           [cell("", "continue"), cell("Формат работы"), cell("Удаленная работа, работа в офисе, гибрид")],
           [cell("Поведенческие"), cell("Предпочтение канала"), cell("Телефон; электронная почта; личный визит")],
           [cell("", "continue"), cell("Категория"), cell("Сотрудники, работающие удаленно")],
           [cell("Организационные"), cell("Категория должностей"),
            cell("Руководитель, Специалист, Обеспечивающий специалист")],
           [cell("", "continue"), cell("Группа должностей"), cell("Высшая, главная, ведущая, старшая, младшая")]]
    registry = [row(["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
                     "Удовлетворяемые потребности"]),
                row(["Кадровая политика", "Оформление отпусков", "Кабинет 305", "офлайн", "получение консультации"])]

    def table(rows):
        return "<w:tbl>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"

    profile = table([row(["Удаленщик", ""]), row(["Основные признаки", ""]),
                     row(["Формат работы", "Удаленная работа"]), row(["Стаж работы", "от 1,5 до 5 лет"]),
                     row(["Цель", "Получать услуги без визита"]),
                     row(["Предпочтительные каналы", ""]), row(["Информирование:", "электронная почта"])])
    after = (paragraph("Признаки для сегментации внутреннего клиента") + table(seg)
             + paragraph("Профили клиентских сегментов") + profile)
    docx(os.path.join(OUT, "segments_commas.docx"),
         [("Перечень точек взаимодействия с внутренним клиентом по вопросам кадрового обеспечения", True, "center")],
         registry, after=after)


def process_across():
    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    r, c = "restart", "continue"
    rows = [row(header),
            [cell("Бухгалтерский учет", r), cell("Выдача справок", r), cell("Электронная почта"), cell("цифровая"),
             cell("получение информации")],
            [cell("", c), cell("", c), cell("Кабинет 12"), cell("офлайн"), cell("получение консультации")],
            [cell("Кадровая политика", r), cell("", c), cell("Кабинет 305"), cell("офлайн"),
             cell("получение консультации")],
            [cell("", c), cell("Оформление отпусков"), cell("СЭД"), cell("цифровая"), cell("получение информации")]]
    docx(os.path.join(OUT, "process_across.docx"), TITLE, rows)


def wrapped_needs():
    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    rows = [row(header),
            row(["Бухгалтерский учет", "Выдача справок", "Электронная почта", "цифровая",
                 "получение информации о ходе рассмотрения\nзаявления, обращения, запроса,\nдокументов"]),
            row(["Бухгалтерский учет", "Начисление заработной платы", "Кабинет 12", "офлайн",
                 "получение\nконсультации\nпредставление заявления, обращения,\nзапроса, документов\nполучение результата, ответа,\nразъяснения\nпечать справок"])]
    docx(os.path.join(OUT, "wrapped_needs.docx"), TITLE, rows)


NEEDS9 = ["получение информации", "получение консультации", "получение форм документов",
          "представление заявления, обращения, запроса, документов",
          "получение информации о ходе рассмотрения заявления, обращения, запроса, документов",
          "получение результата, ответа, разъяснения", "предоставление объектов для осмотра (проверки)",
          "предоставление обратной связи", "получение результата рассмотрения обратной связи"]


def marks():
    top = [cell("Направление деятельности", "restart"), cell("Наименование процесса", "restart"),
           cell("Точка взаимодействия", "restart"), cell("Вид точки", span=2),
           cell("Удовлетворяемые потребности", span=len(NEEDS9))]
    leaves = [cell("", "continue"), cell("", "continue"), cell("", "continue"), cell("цифровая"), cell("офлайн")] \
        + [cell(n) for n in NEEDS9]
    data = [["Бухгалтерский учет", "Выдача справок", "Электронная почта", "✓", "", "+", "", "", "+"] + [""] * 5,
            ["Бухгалтерский учет", "Выдача справок", "Кабинет 12", "", "✓", "", "+", "+", "", "", "", "", "", ""],
            ["Кадровая политика", "Оформление отпусков", "СЭД", "✓", "", "+", "", "", "", "", "", "", "+", ""]]
    docx(os.path.join(OUT, "marks.docx"), TITLE, [top, leaves] + [row(d) for d in data])
    head1 = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки", "",
             "Удовлетворяемые потребности"] + [""] * (len(NEEDS9) - 1)
    head2 = ["", "", "", "цифровая", "офлайн"] + NEEDS9
    xlsx(os.path.join(OUT, "marks.xlsx"), {"Перечень": [head1, head2] + data},
         merges={"Перечень": ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:N1"]})


def hyphenated():
    header = ["Направле-\nние деятель-\nности", "Наименова-\nние процесса", "Точка взаимо-\nдействия",
              "Вид точ-\nки", "Удовлетво-\nряемые потреб-\nности"]
    rows = [row(header),
            row(["Бухгалтерский учет", "Выдача справок", "Электронная почта", "цифровая", "получение информации"])]
    docx(os.path.join(OUT, "hyphenated.docx"), TITLE, rows)


def direction_variants():
    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    data = [["Бухгалтерский учёт", "Выдача справок", "Электронная почта", "цифровая", "получение информации"],
            ["Бухгалтерский учет", "Выдача справок", "Кабинет 12", "офлайн", "получение консультации"],
            ["бухгалтерский  учет ", "Начисление заработной платы", "Личный кабинет", "цифровая",
             "получение информации"],
            ["БУХГАЛТЕРСКИЙ УЧЕТ", "Начисление заработной платы", "Кабинет 14", "офлайн", "получение консультации"],
            ["Кадровая политика", "Оформление отпусков", "СЭД", "цифровая", "получение информации"]]
    xlsx(os.path.join(OUT, "direction_variants.xlsx"), {"Лист1": [header] + data})


SMOLENSK_HEADER = ["№ п/п", "Направленность деятельности", "Наименование конкретного процесса",
                   "Точка взаимодействия", "Осуществляемое взаимодействие с клиентом",
                   "Особенности взаимодействия с клиентом"]


def smolensk_rows(count):
    rows = [row(SMOLENSK_HEADER)]
    for i in range(count):
        point = "Телефонная связь" if i < 2 else f"Кабинет {100 + i}"
        rows.append(row([f"{i + 1}.", "Взаимодействие с внутренним клиентом по вопросам ведения бухгалтерского учета",
                         "Организация работы по начислению заработной платы" if i < 2 else f"Процесс {i + 1}",
                         point, "Получение информации", "Взаимодействие в онлайн-точке" if i % 2 == 0
                         else "Взаимодействие в офлайн-точке"]))
    return rows


def smolensk_caption():
    before = [("Приложение к приказу Министерства финансов Смоленской области", False, "right"),
              ("Утвержден приказом Министерства финансов Смоленской области", False, "right"),
              ("от «24» 09 2024 г. № 76", False, "right"),
              ("", False, None),
              ("Перечень точек взаимодействия с внутренним клиентом по вопросам ведения бухгалтерского учета",
               True, "center")]
    docx(os.path.join(OUT, "smolensk_caption.docx"), before, smolensk_rows(3))


def no_needs():
    docx(os.path.join(OUT, "no_needs.docx"), TITLE, smolensk_rows(10))


def carriage():
    header = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
              "Удовлетворяемые потребности"]
    data = [["Бухгалтерский учет", "Выдача справок_x000D_\nо доходах", "Электронная почта", "цифровая",
             "получение информации_x000D_\nполучение консультации"],
            ["Бухгалтерский учет", "Выдача справок_x005F_x000D_ о стаже", "Кабинет 12", "офлайн",
             "получение консультации"]]
    xlsx(os.path.join(OUT, "carriage.xlsx"), {"Лист1": [header] + data})


DESCRIBED = """\
# A registry with every field the appendix must give back (import.md «Round trip»).
organization: Министерство цифрового развития области
areas: [it]
approved: { act: "Постановление Правительства области № 12-п", date: 2025-03-14 }
directions:
  - name: Информационные технологии
    processes:
      - name: Подключение к СЭД
        id: П-7
        touchpoints:
          - point: Заявка в системе
            channel: digital
            needs:
              - info: о сроках подключения
              - submission
              - other: "печать; сканирование"
            interaction: Подача заявки
            features: Взаимодействие в онлайн-точке
            client: Работники министерства
            value: Подключение за один день
            basis: document
            id: ТВ-7.1
          - point: Кабинет 210
            channel: offline
            needs: [consultation]
            features: Взаимодействие в офлайн-точке
            basis: directive
            id: ТВ-7.2
"""


def described():
    with open(os.path.join(OUT, "described.yaml"), "w", encoding="utf-8") as f:
        f.write(DESCRIBED)


FIVE_HEAD = ["Направление деятельности", "Наименование процесса", "Точка взаимодействия", "Вид точки",
             "Удовлетворяемые потребности"]
FIVE_ROWS = [["Бухгалтерский учет", "Зарплата", "Телефонная связь", "цифровая", "получение информации"],
             ["Бухгалтерский учет", "Зарплата", "Кабинет 214", "офлайн", "получение консультации"]]


def tail_people():
    import datetime  # noqa: F401
    rows = [row(FIVE_HEAD)] + [row(r) for r in FIVE_ROWS] + [
        [cell("Петрова А.А., 8 (4812) 29-10-11", span=5)],
        [cell("Иванова Ирина Ивановна", span=5)],
        [cell("Исп. Петрова Анна Андреевна", span=5)]]

    def table(rows):
        return "<w:tbl>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"

    approvals = table([row(["Заместитель министра", "П.П. Петров", "", "20.09.2024", "согласовано"]),
                       row(["Начальник отдела", "И.И. Иванова", "", "21.09.2024", "согласовано"])])
    docx(os.path.join(OUT, "tail_people.docx"), TITLE, rows, after=paragraph("СОГЛАСОВАНО:") + approvals)
    xlsx(os.path.join(OUT, "tail_people.xlsx"), {"Лист1": [FIVE_HEAD] + FIVE_ROWS + [
        ["", "Петрова Анна Андреевна, тел. 29-10-11"], ["", "", "Петрова А.А.", "", "8 (4812) 29-10-11"]]})


def sections_no_direction():
    head = ["№", "Наименование процесса", "Точка взаимодействия", "Вид точки", "Удовлетворяемые потребности"]
    rows = [head, ["1", "Бухгалтерский учет", "", "", ""],
            ["1.1", "Зарплата", "Телефон", "цифровая", "получение информации"],
            ["1.2", "Командировки", "СЭД", "цифровая", "получение информации"],
            ["2", "Кадровое обеспечение", "", "", ""],
            ["2.1", "Отпуска", "Кабинет 305", "офлайн", "получение консультации"]]
    docx(os.path.join(OUT, "sections_no_direction.docx"), TITLE, [row(r) for r in rows])


def marks_dashes():
    top = [cell("Направление деятельности", "restart"), cell("Наименование процесса", "restart"),
           cell("Точка взаимодействия", "restart"), cell("Вид точки", span=2),
           cell("Удовлетворяемые потребности", span=3)]
    leaves = [cell("", "continue"), cell("", "continue"), cell("", "continue"), cell("цифровая"), cell("офлайн"),
              cell("получение информации"), cell("получение консультации"),
              cell("получение результата, ответа, разъяснения")]
    data = [["Учет", "Зарплата", "Телефон", "+", "\u2212", "+", "\u2212", "+"],
            ["Учет", "Зарплата", "Кабинет", "\u2010", "+", "\u2212", "+", "\u2010"],
            ["Учет", "Зарплата", "Сайт", "+", "+", "+", "", ""]]
    docx(os.path.join(OUT, "marks_dashes.docx"), TITLE, [top, leaves] + [row(d) for d in data])


def captions():
    import datetime
    blank = [""] * 5
    xlsx(os.path.join(OUT, "caption_right.xlsx"), {"Перечень": [
        blank + ["Приложение к приказу Министерства финансов Смоленской области"],
        blank + ["от", datetime.date(2024, 9, 24), "№ 76"],
        ["Перечень точек взаимодействия с внутренним клиентом"],
        FIVE_HEAD] + FIVE_ROWS})
    layout = ('<w:tbl><w:tr>' + cell("") + cell("Приложение к приказу Министерства финансов Смоленской области\n"
                                               "от 24.09.2024 № 76") + '</w:tr></w:tbl>')
    docx(os.path.join(OUT, "caption_layout.docx"),
         [("Перечень точек взаимодействия с внутренним клиентом", True, "center")],
         [row(FIVE_HEAD)] + [row(r) for r in FIVE_ROWS], prefix=layout)
    docx(os.path.join(OUT, "other_body.docx"),
         [("Приложение к приказу Министерства финансов Смоленской области от 24.09.2024 № 76", False, "right"),
          ("Перечень точек взаимодействия с внутренним клиентом ОГКУ «Центр бухгалтерского учета»", True,
           "center")],
         [row(FIVE_HEAD)] + [row(r) for r in FIVE_ROWS])


for make in (tail_people, sections_no_direction, marks_dashes, captions, described, merged_point, style_hidden, segments_commas, process_across, wrapped_needs, marks, hyphenated,
             direction_variants, smolensk_caption, no_needs, carriage):
    make()
