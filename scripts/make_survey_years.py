#!/usr/bin/env python3
"""Survey exports for issue 27 (survey.md «Trust across years, groups and outputs»), written to
tests/fixtures/years/ (deterministic):

  2024/Ответы.csv, 2025/Ответы.csv  the same file name in two folders; 2024 mostly satisfied,
      2025 mostly not (a decline of about 45 p. p.)
  copy_of_2024.csv                  the 2024 answers byte for byte under another name
  steady_2024.csv, steady_2025.csv  two years without a decline
  reworded_2024.csv, reworded_2025.csv  the grid question reworded between the years, rows
      unchanged; «Расчетные листки» falls from 90,0 % to 42,5 %
  reworded.survey.yaml              a definition linking the old wording (`also:`)
  areas_2024.csv, areas_2025.csv    the overall question asked once per area (accounting, HR, IT)
  paper.csv                         a hand-typed paper sheet of 30 questionnaires and a totals row
  minutes.csv                       timestamps without seconds: different people in one minute
  typed.csv                         a typed «2», «Нет ответа», and «удовлетворе\u0308н» (a combining
      diaeresis) in answer cells

Run from the project root: python3 scripts/make_survey_years.py
"""
import csv
import io
import os

OUT = "tests/fixtures/years/"
FIVE = ["Полностью удовлетворен", "Скорее удовлетворен", "Скорее не удовлетворен",
        "Полностью не удовлетворен", "Затрудняюсь ответить"]
THREE = ["Удовлетворен", "Не удовлетворен", "Затрудняюсь ответить"]


def write_csv(name, rows):
    path = OUT + name
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    with open(path, "wb") as f:
        f.write(buffer.getvalue().encode("utf-8"))


def answers(n, satisfied):
    """n answers of the five-point scale, `satisfied` of them satisfied, the rest not."""
    return [FIVE[i % 2] if i < satisfied else FIVE[2 + i % 2] for i in range(n)]


GRID = "Насколько Вы удовлетворены работой бухгалтерии?"


def wave(year, satisfied, respondents=40, grid=GRID):
    head = ["Отметка времени", "Насколько Вы в целом удовлетворены работой бухгалтерии?",
            f"{grid} [Расчетные листки]", f"{grid} [Консультации]"]
    rows = [head]
    overall = [THREE[0] if i < satisfied else THREE[1] for i in range(respondents)]
    sheets = answers(respondents, satisfied)
    advice = answers(respondents, respondents - 4)
    for i in range(respondents):
        rows.append([f"{10 + i % 9:02d}.11.{year} {9 + i % 8:02d}:{i % 60:02d}:{(i * 7) % 60:02d}",
                     overall[i], sheets[i], advice[i]])
    return rows


# The same name in two folders: 2024 satisfied 36 of 40, 2025 18 of 40.
write_csv("2024/Ответы.csv", wave(2024, 36))
write_csv("2025/Ответы.csv", wave(2025, 18))
with open(OUT + "2024/Ответы.csv", "rb") as f:
    data = f.read()
with open(OUT + "copy_of_2024.csv", "wb") as f:
    f.write(data)

# No decline: 36 of 40 satisfied in 2024, 37 in 2025.
write_csv("steady_2024.csv", wave(2024, 36))
write_csv("steady_2025.csv", wave(2025, 37))

# The grid question reworded, rows unchanged: «Расчетные листки» 36/40 = 90,0 % → 17/40 = 42,5 %.
write_csv("reworded_2024.csv", wave(2024, 36))
write_csv("reworded_2025.csv", wave(2025, 17, grid="Оцените, пожалуйста, работу бухгалтерии"))
with open(OUT + "reworded.survey.yaml", "w", encoding="utf-8") as f:
    f.write("""\
# The grid question was reworded in 2025: `also:` links the 2024 wording to the same item.
overall: "Насколько Вы в целом удовлетворены*"
items:
  - label: Расчетные листки
    column: "Оцените, пожалуйста, работу бухгалтерии [Расчетные листки]"
    also: ["Насколько Вы удовлетворены работой бухгалтерии? [Расчетные листки]"]
  - label: Консультации
    column: "Оцените, пожалуйста, работу бухгалтерии [Консультации]"
    also: ["Насколько Вы удовлетворены работой бухгалтерии? [Консультации]"]
""")

# The overall question once per area, as `survey init` writes it.
AREAS = ["ведения бухгалтерского учета", "кадрового обеспечения", "информационных технологий"]


def areas(year, satisfied):
    head = ["Отметка времени"] + [
        f"Насколько Вы в целом удовлетворены тем, как построена работа по вопросам {a}?" for a in AREAS]
    rows = [head]
    for i in range(30):
        rows.append([f"{10 + i % 9:02d}.11.{year} 10:{i:02d}:{i:02d}"]
                    + [THREE[0] if i < s else THREE[1] for s in satisfied])
    return rows


# 2024: accounting 27, HR 15, IT 24 of 30; 2025: accounting 12, HR 27, IT 24.
write_csv("areas_2024.csv", areas(2024, [27, 15, 24]))
write_csv("areas_2025.csv", areas(2025, [12, 27, 24]))

# A hand-typed paper sheet: 30 questionnaires and a totals row (no timestamps).
rows = [["№ анкеты", "Оцените работу бухгалтерии [Консультации]", "Оцените работу бухгалтерии [Справки]",
         "Оцените работу бухгалтерии [Листки]"]]
for i in range(30):
    rows.append([str(i + 1), FIVE[i % 4], FIVE[(i + 1) % 4], FIVE[(i + 2) % 4]])
rows.append(["Итого", "30", "30", "30"])
write_csv("paper.csv", rows)

# Timestamps without seconds: 60 people in 20 minutes, many with the same answers.
rows = [["Отметка времени", "Оцените работу бухгалтерии [Консультации]", "Оцените работу бухгалтерии [Справки]"]]
for i in range(60):
    rows.append([f"10.11.2025 10:{i // 3:02d}", FIVE[(i // 3) % 2], FIVE[(i // 6) % 2]])
write_csv("minutes.csv", rows)

# Typed answers: a digit, «Нет ответа», a combining diaeresis.
rows = [["Отметка времени", "Оцените работу бухгалтерии [Консультации]"]]
cells = ["2", "Нет ответа", "Полностью удовлетворе\u0308н", "Скорее удовлетворен", "Скорее удовлетворен"]
for i, cell in enumerate(cells):
    rows.append([f"10.11.2025 10:{i:02d}:00", cell])
write_csv("typed.csv", rows)
