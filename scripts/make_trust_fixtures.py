#!/usr/bin/env python3
"""Writes the survey fixtures of the trust tests into tests/fixtures/survey/ (deterministic).

Each file is one hostile case of issue 8: identifying values under headers that do not say so,
a segment whose groups answered an item unevenly, a cp1251 `;` export whose grid headers hold
commas, two grids sharing a row text across two years, and an XLSX zip bomb.
Run from the project root: python3 scripts/make_trust_fixtures.py
"""
import csv
import io
import zipfile

OUT = "tests/fixtures/survey/"
FIVE = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
        "Полностью не удовлетворен", "Затрудняюсь ответить"]


def write_csv(name, rows, encoding="utf-8", delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    with open(OUT + name, "wb") as f:
        f.write(buffer.getvalue().encode(encoding))


# Identifying values under headers that do not say so, and contacts inside free text.
NAMES = ["Сидоров Пётр Алексеевич", "Кузнецова Мария Ивановна", "Волков А. Н.", "Зайцева Е.В.",
         "Лебедев Олег Петрович", "Орлова Ирина", "Морозов Денис Сергеевич", "Павлова Н. С.",
         "Соколов Артём Игоревич", "Новикова Ольга Павловна", "Фёдоров И.И.", "Медведева Анна"]
PHONES = ["+7 912 345-67-01", "8 (912) 3456702", "8-912-345-67-03", "89123456704",
          "+7 (3812) 23-45-05", "8 912 345 67 06", "+79123456707", "8(912)345-67-08",
          "+7 912 345 67 09", "8-912-3456710", "+7-912-345-67-11", "8 (3812) 234512"]
EMAILS = [f"user{i:02d}.minfin@omskportal.ru" for i in range(12)]
CATEGORY = ["Специалист"] * 6 + ["Руководитель"] * 6
DEPARTMENT = ["Бухгалтерия"] * 6 + ["Отдел кадров"] * 5 + ["olga.p@mail.ru"]
PROPOSALS = ["Отвечать быстрее, пишите мне на petrova.anna@minfin.ru",
             "Перезвоните: 8 (912) 555-66-77", "Больше консультаций", "", "", "", "", "", "",
             "<script>alert(1)</script> | новая графа", "", ""]
CONTACT = [EMAILS[i] if i % 3 == 0 else "" for i in range(12)]
rows = [["Отметка времени", "Сотрудник", "Номер для обратной связи", "Адрес", "Категория должностей",
         "Оцените работу бухгалтерии [Консультации]", "Оцените работу бухгалтерии [Расчетные листки]",
         "Предложения по улучшению",
         "Оставьте e-mail, если хотите получить ответ на предложение", "Подразделение"]]
for i in range(12):
    rows.append([f"0{1 + i % 9}.11.2025 10:{i:02d}:00", NAMES[i], PHONES[i], EMAILS[i], CATEGORY[i],
                 FIVE[i % 4], FIVE[(i + 1) % 5], PROPOSALS[i], CONTACT[i], DEPARTMENT[i]])
write_csv("personal_by_values.csv", rows)

# Groups that answered an item unevenly: 6 heads of department, one of whom rated "Командировки".
rows = [["Отметка времени", "Категория должностей", "Оцените [Консультации]", "Оцените [Командировки]"]]
groups = [("Руководитель", 6), ("Специалист", 9), ("Обеспечивающий специалист", 7)]
i = 0
for group, size in groups:
    for k in range(size):
        trips = "" if group == "Руководитель" and k > 0 else FIVE[(i + 2) % 4]
        if group == "Руководитель" and k == 0:
            trips = "Полностью не удовлетворен"
        rows.append([f"10.11.2025 09:{i:02d}:00", group, FIVE[i % 5], trips])
        i += 1
write_csv("small_group_per_item.csv", rows)

# Russian Excel: cp1251, `;`, long grid headers with commas.
GRID = "Насколько Вы удовлетворены, в целом и по существу, работой отдела кадров"
rows = [["Отметка времени", f"{GRID} [Оформление отпусков, командировок]",
         f"{GRID} [Справки, копии, выписки]", f"{GRID} [Консультации по кадровым вопросам, срокам]",
         "Стаж в организации"]]
for i in range(20):
    rows.append([f"10.11.2025 11:{i:02d}", FIVE[i % 5], FIVE[(i * 3) % 5], FIVE[(i * 7) % 4],
                 ["Менее 1 года", "1-3 года", "более 10 лет"][i % 3]])
write_csv("cp1251_semicolon_commas.csv", rows, encoding="cp1251", delimiter=";")

# Two grids share the row "Консультации"; across the years one rises, the other falls.
ACC = "Оцените работу бухгалтерии [Консультации]"
HR = "Оцените работу отдела кадров [Консультации]"


def grids(name, accounting, hr):
    rows = [["Отметка времени", ACC, HR]]
    for i, (a, h) in enumerate(zip(accounting, hr)):
        rows.append([f"12.11.{name[6:10]} 10:{i:02d}", a, h])
    write_csv(name, rows)


# 2024: accounting 6 of 20 satisfied, HR 18 of 20; 2025: accounting 19 of 20, HR 4 of 20.
grids("grids_2024.csv", ["Скорее удовлетворен"] * 6 + ["Скорее не удовлетворен"] * 14,
      ["Полностью удовлетворен"] * 18 + ["Полностью не удовлетворен"] * 2)
grids("grids_2025.csv", ["Полностью удовлетворен"] * 19 + ["Скорее не удовлетворен"],
      ["Скорее удовлетворен"] * 4 + ["Полностью не удовлетворен"] * 16)

# Segment values shared by one person each: names in every spelling, inside labels, contacts.
rows = [["Отметка времени", "Подразделение", "Оцените работу [Консультации]"]]
SINGLE = ["ИВАНОВ ИВАН ИВАНОВИЧ", "Ivanov Ivan Ivanovich", "Smirnova A.S.", "И.И. Петров",
          "Бухгалтерия (Петров И.И.)", "Отдел кадров, Смирнова А.С.", "Заместитель министра",
          "petrov@mail.ru", "+7 912 345-67-01"]
values = ["Бухгалтерия"] * 12 + ["Отдел кадров"] * 12 + SINGLE
for i, value in enumerate(values):
    rows.append([f"10.11.2025 12:{i:02d}:00", value, FIVE[i % 5]])
write_csv("small_values.csv", rows)

# Groups whose other answers are outside the scale: one head of department answered on it, four
# wrote something else; one trainee answered on it, the other four wrote «??».
rows = [["Отметка времени", "Категория должностей", "Оцените работу [Консультации]"]]
i = 0
for group, answers in [("Специалист", [FIVE[k % 4] for k in range(45)]),
                       ("Обеспечивающий специалист", [FIVE[(k + 1) % 4] for k in range(45)]),
                       ("Руководитель", ["Полностью не удовлетворен"] + ["не знаю"] * 4),
                       ("Стажер", ["??"] * 5)]:
    for answer in answers:
        rows.append([f"10.11.2025 13:{i // 60:02d}:{i % 60:02d}", group, answer])
        i += 1
write_csv("misfits_in_small_groups.csv", rows)

# Names and contacts where only a value outside the scale or a timestamp can carry them.
rows = [["Отметка времени", "Оцените работу [Консультации]"]]
for i in range(40):
    rows.append([f"10.11.2025 14:{i:02d}:00", FIVE[i % 5]])
rows += [["10.11.2025 15:00:00", "ИВАНОВ ИВАН ИВАНОВИЧ"], ["10.11.2025 15:01:00", "Ivanov Ivan Ivanovich"],
         ["10.11.2025 15:02:00", "Иванов И.И., тел. 23-45-67"],
         ["Смирнова Анна Петровна", "Скорее удовлетворен"], ["Смирнова Анна Петровна", "Скорее удовлетворен"],
         ["+7 912 345-67-01", "Полностью удовлетворен"], ["+7 912 345-67-01", "Полностью удовлетворен"]]
write_csv("names_in_values.csv", rows)

# An XLSX zip bomb: a sheet of 1 GiB of spaces, about 1 MB packed.
with zipfile.ZipFile(OUT + "zip_bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        block = b" " * (1 << 20)
        for _ in range(1024):
            sheet.write(block)
