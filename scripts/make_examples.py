#!/usr/bin/env python3
"""Writes the example survey exports in examples/ (deterministic: a fixed seed).

The exports follow the Omsk questionnaire (shared/seeds/000_*.txt, appendix): Q1 overall on the
three-way scale, Q2 problems and proposals per need, Q3 the five-point scale per need; plus the
segmentation attributes of North Ossetia and the "ФИО" line of the Omsk form, which makes the
export not anonymous (S003). Run from the project root: python3 scripts/make_examples.py
"""
import csv
import io
import random

NEEDS = [
    "Предоставление заявления с указанием банковских реквизитов, необходимых для перечисления заработной платы",
    "Предоставление отчета о расходах по командировке",
    "Предоставление расчетных листочков по заработной плате",
]
FIVE = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
        "Полностью не удовлетворен", "Затрудняюсь ответить"]
THREE = ["Удовлетворен", "Не удовлетворен", "Затрудняюсь ответить"]
CATEGORY = ["Специалист", "Обеспечивающий специалист", "Руководитель"]
TENURE = ["Менее 1 года", "1-3 лет", "3-5 лет", "5-10 лет", "более 10 лет"]
OVERALL = "Насколько Вы в целом удовлетворены тем, как построена работа в Министерстве по вопросам ведения бухгалтерского учета?"
GRID = "Насколько Вы удовлетворены тем, как построена работа по вопросам ведения бухгалтерского учета?"
PROBLEMS = [
    "Долго ждать ответа по телефону",
    "Расчетный листок приходит после выплаты",
    "Непонятно, какие документы нужны для авансового отчета",
    "Бланк заявления на сайте устарел",
]
PROPOSALS = [
    "Рассылать расчетные листки по электронной почте",
    "Разместить образец авансового отчета, с пояснениями, \"как заполнять\"",
    "Принимать заявления через СЭД без бумажного оригинала",
]

HEADERS = (["Отметка времени", "ФИО внутреннего клиента", OVERALL]
           + [f"{GRID} [{need}]" for need in NEEDS]
           + [f"Проблемы [{need}]" for need in NEEDS]
           + [f"Предложения [{need}]" for need in NEEDS]
           + ["Категория должностей", "Стаж в организации"])

SURNAMES = ["Иванова", "Петров", "Сидорова", "Кузнецов", "Смирнова", "Попов", "Волкова", "Соколов"]


def answers(rng, weights):
    return rng.choices(FIVE, weights=weights)[0]


def wave(year, count, weights_by_need, overall_weights, seed):
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        day = 10 + i % 18
        stamp = f"{day:02d}.11.{year} {9 + i % 8:02d}:{(i * 7) % 60:02d}:{(i * 13) % 60:02d}"
        name = f"{rng.choice(SURNAMES)} {chr(0x410 + rng.randrange(30))}.{chr(0x410 + rng.randrange(30))}."
        overall = rng.choices(THREE, weights=overall_weights)[0]
        grid = [answers(rng, w) for w in weights_by_need]
        problems = ["" for _ in NEEDS]
        proposals = ["" for _ in NEEDS]
        for n, value in enumerate(grid):
            if value in ("Скорее не удовлетворен", "Полностью не удовлетворен") and rng.random() < 0.7:
                problems[n] = rng.choice(PROBLEMS)
                if rng.random() < 0.3:
                    problems[n] = problems[n].lower() + "  "
            if rng.random() < 0.15:
                proposals[n] = rng.choice(PROPOSALS) + ("\nСпасибо!" if rng.random() < 0.2 else "")
        category = rng.choices(CATEGORY, weights=[60, 37, 3])[0]
        tenure = rng.choice(TENURE)
        rows.append([stamp, name, overall] + grid + problems + proposals + [category, tenure])
    return rows


def write_google(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(rows)


def write_excel(path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS + ["", ""])
    for row in rows:
        writer.writerow(row + ["", ""])
    buffer.write(";" * (len(HEADERS) + 1) + "\r\n")
    buffer.write(";" * (len(HEADERS) + 1) + "\r\n")
    with open(path, "wb") as f:
        f.write(buffer.getvalue().encode("cp1251"))


def main():
    good = [50, 35, 8, 3, 4]
    rows_2024 = wave(2024, 64, [good, [55, 32, 6, 3, 4], good], [75, 15, 10], seed=2024)
    # 2025: the business-trip report got much worse (a significant decline), the rest held.
    rows_2025 = wave(2025, 58, [good, [15, 20, 35, 25, 5], [55, 33, 5, 3, 4]], [65, 25, 10], seed=2025)
    write_google("examples/survey_2024.csv", rows_2024)
    write_google("examples/survey_2025.csv", rows_2025)
    write_excel("examples/survey_2025_excel.csv", rows_2025)
    invalid = [list(r) for r in rows_2025[:12]]
    invalid[2][3] = "скорее да"
    invalid[4][4] = "5"
    invalid[5][2] = "Удовлетворена."
    invalid[7] = invalid[7][:6]
    invalid.append(list(invalid[1]))
    write_google("examples/survey_2025_invalid.csv", invalid)


if __name__ == "__main__":
    main()
