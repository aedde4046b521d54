#!/usr/bin/env python3
"""A survey export with segment questions built from the North Ossetia attributes
(tests/fixtures/segments/): `segments.survey.yaml` (the definition) and `survey_2025.csv`
(80 answers). «Категория должностей» holds one value that is no value of the attribute
(«Стажёр», 7 answers) and one given by a single person («Практикант»): `tally --by … --registry`
must report both as S002 and never print the second.

Run from the repository root: python3 scripts/make_segments_fixture.py
"""
import csv
import os
import random

OUT = "tests/fixtures/segments"
os.makedirs(OUT, exist_ok=True)
random.seed(20)
PROCESS = "Смена расчетного счета для получения заработной платы"
GRID = "Насколько Вы удовлетворены тем, как построена работа?"
OPTIONS = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
           "Полностью не удовлетворен", "Затрудняюсь ответить"]
with open(os.path.join(OUT, "segments.survey.yaml"), "w", encoding="utf-8") as f:
    f.write(f"""title: Анкета с вопросами о сегменте
items:
  - label: {PROCESS}
    column: "*[{PROCESS}]"
    process: {PROCESS}
segments: [Категория должностей, Стаж в организации / органе]
""")
CATEGORY = ["Специалист"] * 40 + ["Руководитель"] * 18 + ["Обеспечивающий специалист"] * 14 + ["Стажёр"] * 7 + ["Практикант"]
STAGE = ["Менее 1 года", "от 1 до 3 лет", "от 3 до 5 лет", "от 5 до 10 лет", "от 10 лет"]
rows = [["Отметка времени", f"{GRID} [{PROCESS}]", "Категория должностей", "Стаж в организации / органе"]]
for n, category in enumerate(CATEGORY):
    rows.append([f"2025/03/{1 + n % 28:02d} 10:{n % 60:02d}:00",
                 random.choices(OPTIONS, [0.4, 0.35, 0.12, 0.08, 0.05])[0], category, STAGE[n % len(STAGE)]])
with open(os.path.join(OUT, "survey_2025.csv"), "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(rows)

# Profiles (tally --profiles): the three processes of examples/north_ossetia_profiles.yaml and three
# segment questions. 30 respondents match the first profile (Специалист, Старшая группа
# должностей, от 3 до 5 лет), 3 the second (fewer than the minimum group: nothing shown).
PROCESSES = ["Смена расчетного счета для получения заработной платы",
             "Оформление отпусков и кадровых документов", "Техническая поддержка рабочих мест"]
with open(os.path.join(OUT, "profiles.survey.yaml"), "w", encoding="utf-8") as f:
    f.write("title: Анкета с вопросами о сегменте\nitems:\n")
    for p in PROCESSES:
        f.write(f"  - label: {p}\n    column: \"*[{p}]\"\n    process: {p}\n")
    f.write("segments: [Категория должностей, Группа должностей, Стаж в организации / органе]\n")
people = ([("Специалист", "Старшая группа должностей", "от 3 до 5 лет")] * 30
          + [("Обеспечивающий специалист", "Ведущая группа должностей", "от 5 до 10 лет")] * 3
          + [("Руководитель", "Главная группа должностей", "от 10 лет")] * 25)
rows = [["Отметка времени"] + [f"{GRID} [{p}]" for p in PROCESSES]
        + ["Категория должностей", "Группа должностей", "Стаж в организации / органе"]]
for n, (category, group, stage) in enumerate(people):
    # The first profile's people are less satisfied with the bank account process.
    weights = [0.1, 0.2, 0.4, 0.25, 0.05] if category == "Специалист" else [0.5, 0.35, 0.08, 0.02, 0.05]
    rows.append([f"2025/04/{1 + n % 28:02d} 11:{n % 60:02d}:00"]
                + [random.choices(OPTIONS, weights if i == 0 else [0.4, 0.35, 0.12, 0.08, 0.05])[0]
                   for i in range(len(PROCESSES))]
                + [category, group, stage])
with open(os.path.join(OUT, "profiles_2025.csv"), "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(rows)
