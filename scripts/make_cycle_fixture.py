#!/usr/bin/env python3
"""A two-year survey cycle (issue 19), for tests/cli/cycle.rs:

  tests/fixtures/cycle/registry.yaml    the 2025 registry: 7 processes in 2 directions, with a
      near-name pair (справок о стаже / справок о доходах), a process contained in another
      (Оформление отпуска / … без сохранения заработной платы) and a tiny process
  tests/fixtures/cycle/survey_2024.csv  the Google Forms export of 2024 (120 respondents): the grid
      as `survey init` names it, except one row still spelt the old way («листочков»: a rename)
      and no question yet about the process added in 2025
  tests/fixtures/cycle/survey_2025.csv  the export of 2025 (130 respondents): «Выдача справок о
      стаже» declines sharply, «Возмещение командировочных расходов» is answered by 2 people,
      per-process problems and proposals («Проблемы [Процесс]») hold identifiers: personnel
      numbers, extensions, e-mails, phones, a respondent introducing herself

Column headers are the ones `tochki survey init tests/fixtures/cycle/registry.yaml` makes the
form give. Answers are drawn from a fixed seed, so the files are the same on every run; the test
recomputes every figure from the CSV itself. Run from the repository root:
  python3 scripts/make_cycle_fixture.py
"""
import csv
import os
import random

OUT = "tests/fixtures/cycle"
os.makedirs(OUT, exist_ok=True)
random.seed(19)

ACCOUNTING = "Бухгалтерский учет"
HR = "Кадровая политика"
PROCESSES = [
    (ACCOUNTING, "Начисление заработной платы"),
    (ACCOUNTING, "Предоставление расчетных листков"),
    (ACCOUNTING, "Выдача справок о стаже"),
    (ACCOUNTING, "Выдача справок о доходах"),
    (ACCOUNTING, "Возмещение командировочных расходов"),
    (HR, "Оформление отпуска"),
    (HR, "Оформление отпуска без сохранения заработной платы"),
]

with open(os.path.join(OUT, "registry.yaml"), "w", encoding="utf-8") as f:
    f.write("organization: Министерство финансов Омской области\nareas: [accounting, hr]\ndirections:\n")
    for direction in (ACCOUNTING, HR):
        f.write(f"  - name: {direction}\n    processes:\n")
        for d, name in PROCESSES:
            if d != direction:
                continue
            f.write(f"      - name: {name}\n        touchpoints:\n")
            f.write("          - point: Телефонная связь\n            channel: digital\n            needs: [info, consultation]\n")
            f.write("          - point: Кабинет 305\n            channel: offline\n            needs: [consultation]\n")

TOPIC = "ведения бухгалтерского учета и кадровой политики"
OVERALL = f"Насколько Вы в целом удовлетворены тем, как построена работа по вопросам {TOPIC}?"
GRID = f"Насколько Вы удовлетворены тем, как построена работа по вопросам {TOPIC}?"
OPTIONS = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
           "Полностью не удовлетворен", "Затрудняюсь ответить"]
THREE = ["Удовлетворен", "Не удовлетворен", "Затрудняюсь ответить"]
CATEGORIES = ["Руководители", "Специалисты", "Обеспечивающие специалисты"]

# How satisfied people are with each process, per year: the chance of each option.
GOOD = [0.45, 0.40, 0.08, 0.03, 0.04]
BAD = [0.10, 0.25, 0.35, 0.25, 0.05]
IDENTIFIERS = [
    "Долго ждать справку, мой табельный 000731, вн. 2231",
    "табельный номер 004512: справку не выдали к сроку",
    "Звоню на доб. 2345 — никто не берёт трубку",
    "Я, Иванова Мария Петровна, прошу выдавать справки в день обращения",
    "Пишите мне на ivanova.mp@minfin-omsk.ru или звоните +7 (3812) 25-34-11",
]


def draw(weights):
    return random.choices(OPTIONS, weights)[0]


def export(path, year, rows, respondents):
    header = ["Отметка времени", OVERALL] + [f"{GRID} [{r}]" for r in rows]
    header += [f"Проблемы [{r}]" for r in rows] + [f"Предложения [{r}]" for r in rows]
    header += ["Проблемы, с которыми Вы сталкиваетесь", "Предложения по улучшению взаимодействия",
               "Категория должностей"]
    lines = [header]
    for n in range(respondents):
        answers = []
        for r in rows:
            if r == "Возмещение командировочных расходов" and n >= 2:
                answers.append("")  # a tiny process: two people use it
                continue
            bad = year == 2025 and r == "Выдача справок о стаже"
            answers.append(draw(BAD if bad else GOOD))
        problems = [""] * len(rows)
        proposals = [""] * len(rows)
        if year == 2025 and "Выдача справок о стаже" in rows and n < len(IDENTIFIERS):
            problems[rows.index("Выдача справок о стаже")] = IDENTIFIERS[n]
        if year == 2025 and n == 7:
            proposals[rows.index("Выдача справок о стаже")] = "Сделать заказ справки через СЭД"
        if year == 2025 and n in (0, 1):
            problems[rows.index("Возмещение командировочных расходов")] = "мой отпуск за свой счёт по уходу за ребёнком"
        overall = random.choices(THREE, [0.7, 0.2, 0.1])[0]
        stamp = f"{year}/03/{1 + n % 28:02d} 10:{n % 60:02d}:{n % 53:02d}"
        general = "Мало информации на сайте" if n % 17 == 3 else ""
        lines.append([stamp, overall] + answers + problems + proposals
                     + [general, "", CATEGORIES[n % len(CATEGORIES)]])
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(lines)


ROWS_2025 = [name for _, name in PROCESSES]
# 2024: the row spelt the old way, no question on the tiny process yet.
ROWS_2024 = [("Предоставление расчетных листочков" if r == "Предоставление расчетных листков" else r)
             for r in ROWS_2025 if r != "Возмещение командировочных расходов"]
export(os.path.join(OUT, "survey_2024.csv"), 2024, ROWS_2024, 120)
export(os.path.join(OUT, "survey_2025.csv"), 2025, ROWS_2025, 130)
