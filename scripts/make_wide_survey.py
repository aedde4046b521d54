#!/usr/bin/env python3
"""Eight years of a survey of 16 processes with a segment of 10 groups
(tests/fixtures/survey_wide/survey_2018.csv … survey_2025.csv): the report must keep eight
distinct year colours, wrap its legend and labels, and print its heat maps on A4 without
running off the side (scripts/browser_check.sh, tests/cli/survey.rs).

Run from the repository root: python3 scripts/make_wide_survey.py
"""
import csv
import os
import random

OUT = "tests/fixtures/survey_wide"
os.makedirs(OUT, exist_ok=True)
random.seed(8)
GRID = "Насколько Вы удовлетворены тем, как построена работа по вопросам ведения бухгалтерского учета?"
ITEMS = [f"Организация работы по процессу номер {i} с длинным названием из реестра процессов министерства"
         for i in range(1, 17)]
OPTIONS = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
           "Полностью не удовлетворен", "Затрудняюсь ответить"]
GROUPS = [f"Управление {i}" for i in range(1, 11)]
for year in range(2018, 2026):
    rows = [["Отметка времени"] + [f"{GRID} [{item}]" for item in ITEMS] + ["Подразделение"]]
    for n in range(120):
        rows.append([f"{year}/03/{1 + n % 28:02d} 10:{n % 60:02d}:00"]
                    + [random.choices(OPTIONS, [0.4, 0.35, 0.12, 0.08, 0.05])[0] for _ in ITEMS]
                    + [GROUPS[n % len(GROUPS)]])
    with open(os.path.join(OUT, f"survey_{year}.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
