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
  privacy_2024.csv, privacy_2025.csv  a decline, and in 2025 identifiers of every class in the
      problems and proposals and in answer cells (survey.md «Identifiers by class»)
  nested.yaml, nested_2025.csv      two profiles, one nested in the other one person apart (24 of
      the 25 specialists have 3 to 5 years), and a free-text attribute
  direction.yaml, direction.survey.yaml, direction_2024.csv, direction_2025.csv  a direction of
      three processes; the third is asked of 3 people in 2025 (too few to show): the direction's
      change compares the two others only (2024: 28 of 40, 2025: 24 of 40 → −10,0 p. p.)
  several.survey.yaml, several_2025.csv  an item whose pattern matches two columns (S013)
  offscale_2024.csv, offscale_2025.csv  a grid row where 8 of 40 answers in 2025 are «Не
      обращался» (no definition): still an item, its decline found
  undated_a.csv, undated_b.csv      exports without timestamps and without years in their names
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
cells = ["2", "Нет ответа", "Полностью удовлетворе\u0308н", "Скорее удовлетворен", "Скорее удовлетворен"] + FIVE * 4
for i, cell in enumerate(cells):
    rows.append([f"10.11.2025 10:{i:02d}:00", cell])
write_csv("typed.csv", rows)

# Identifiers of every class, as respondents type them (survey.md «Identifiers by class»); the
# same spellings as the unit test of privacy::classes.
SPELLINGS = ["СНИЛС 12345678901", "снилс 123-456-789 01", "карта 4276 3800 1234 5678",
             "счёт 40817.810.0.1234", "паспорт 45 07 123456", "полис ОМС 7788990011223344",
             "звоните 8 912 345 67 89", "пишите в телеграм @ivanova_a", "профиль https://vk.com/id12345",
             "канал t.me/buh_help", "сайт ivanova-blog.ru", "дата рождения 12.03.1985",
             "родилась 12 марта 1985 г.", "1985 г.р., бухгалтер", "машина А123ВС 77 стоит",
             "живу ул. Ленина, д. 5, кв. 12", "ФИО: Кузнецова Ирина", "От Петрова: прошу ускорить",
             "я, кузнецова ирина, прошу", "я кузнецова ирина", "ya Kuznetsova Irina",
             "меня зовут Ирина Кузнецова", "Спасибо за работу.\nКузнецова И.А.", "Подпись: Смирнов",
             "Это Лебедева из ОК", "Справки долго. Анна Петровна Зуева", "СНИЛС 112/233/445/95",
             "телеграм ivanova_c", "живу Ленина 15-7", "ivanova @ mail.ru"]
head = ["Отметка времени", "Насколько Вы удовлетворены работой бухгалтерии? [Консультации]",
        "Опишите проблемы, с которыми Вы столкнулись", "Ваши предложения по улучшению работы"]
rows = [head]
for i in range(24):
    rows.append([f"{10 + i % 9:02d}.11.2024 10:{i:02d}:00", FIVE[i % 2], "", ""])
write_csv("privacy_2024.csv", rows)
rows = [head]
for i, text in enumerate(SPELLINGS):
    answer = FIVE[2 + i % 2] if i % 5 else FIVE[0]
    rows.append([f"{10 + i % 9:02d}.11.2025 10:{i:02d}:00", answer, f"Проблема: {text}", f"Предлагаю: {text}"])
rows.append(["19.11.2025 11:00:00", "СНИЛС 12345678901", "", ""])
rows.append(["19.11.2025 11:01:00", "Иванова, карта 4276 3800 1234 5678", "", ""])
write_csv("privacy_2025.csv", rows)

# Two profiles one person apart: «Специалисты» (25) and «Специалисты со стажем 3–5 лет» (24).
with open(OUT + "nested.yaml", "w", encoding="utf-8") as f:
    f.write("""\
organization: Министерство финансов
areas: [accounting]
directions:
  - name: Бухгалтерский учет
    processes:
      - name: Выдача справок
        touchpoints:
          - point: Электронная почта
            channel: digital
            needs: [info]
segmentation:
  - type: Организационные
    attribute: Категория должностей
    values: [Руководитель, Специалист]
  - type: Организационные
    attribute: Стаж в организации / органе
    values: [Менее 3 лет, от 3 до 5 лет, от 5 лет]
    bands: years
  - type: Организационные
    attribute: Функционал
    free: true
profiles:
  - name: Специалисты
    area: accounting
    attributes:
      Категория должностей: Специалист
    processes: [Выдача справок]
  - name: Специалисты со стажем 3–5 лет
    area: accounting
    attributes:
      Категория должностей: Специалист
      Стаж в организации / органе: от 3 до 5 лет
    processes: [Выдача справок]
""")
rows = [["Отметка времени", "Оцените работу бухгалтерии [Выдача справок]", "Категория должностей",
         "Стаж в организации / органе", "Функционал"]]
people = ([("Специалист", "от 3 до 5 лет")] * 24 + [("Специалист", "от 5 лет")]
          + [("Руководитель", "от 3 до 5 лет")] * 10 + [("Руководитель", "от 5 лет")] * 5)
for i, (category, stage) in enumerate(people):
    rows.append([f"{10 + i % 9:02d}.11.2025 10:{i:02d}:00", FIVE[i % 4], category, stage, "бухгалтерия"])
write_csv("nested_2025.csv", rows)

# A direction's change like with like.
with open(OUT + "direction.yaml", "w", encoding="utf-8") as f:
    f.write("organization: Министерство финансов\nareas: [accounting]\ndirections:\n"
            "  - name: Бухгалтерский учет\n    processes:\n")
    for process in ["Выдача справок", "Начисление заработной платы", "Командировки"]:
        f.write(f"      - name: {process}\n        touchpoints:\n          - point: Электронная почта\n"
                "            channel: digital\n            needs: [info]\n")
with open(OUT + "direction.survey.yaml", "w", encoding="utf-8") as f:
    f.write("items:\n")
    for process in ["Выдача справок", "Начисление заработной платы", "Командировки"]:
        f.write(f"  - label: {process}\n    column: \"*[{process}]\"\n    process: {process}\n")


def direction_wave(year, satisfied, answered):
    head = ["Отметка времени"] + [f"Оцените работу бухгалтерии [{p}]" for p in
                                  ["Выдача справок", "Начисление заработной платы", "Командировки"]]
    rows = [head]
    for i in range(20):
        cells = []
        for s_count, n in zip(satisfied, answered):
            cells.append("" if i >= n else (FIVE[i % 2] if i < s_count else FIVE[2 + i % 2]))
        rows.append([f"{10 + i % 9:02d}.11.{year} 10:{i:02d}:00"] + cells)
    return rows


write_csv("direction_2024.csv", direction_wave(2024, [16, 12, 20], [20, 20, 20]))
write_csv("direction_2025.csv", direction_wave(2025, [14, 10, 3], [20, 20, 3]))

# An item pattern matching two columns: S013, each column an item of its own.
with open(OUT + "several.survey.yaml", "w", encoding="utf-8") as f:
    f.write('items:\n  - label: Консультации\n    column: "*[Консультации]"\n')
rows = [["Отметка времени", "Оцените скорость работы [Консультации]", "Оцените качество работы [Консультации]"]]
for i in range(20):
    rows.append([f"{10 + i % 9:02d}.11.2025 10:{i:02d}:00", FIVE[i % 4], FIVE[(i + 1) % 4]])
write_csv("several_2025.csv", rows)

# A grid row with off-scale cells (no definition): «Справки» 36/40 → 8 «Не обращался» + 14/32.
def offscale(year, satisfied, odd):
    rows = [["Отметка времени", "Оцените работу бухгалтерии [Консультации]",
             "Оцените работу бухгалтерии [Справки]"]]
    for i in range(40):
        cell = "Не обращался" if i < odd else (FIVE[i % 2] if i < odd + satisfied else FIVE[2 + i % 2])
        rows.append([f"{10 + i % 9:02d}.11.{year} 10:{i:02d}:00", FIVE[i % 2], cell])
    return rows


write_csv("offscale_2024.csv", offscale(2024, 36, 0))
write_csv("offscale_2025.csv", offscale(2025, 14, 8))
for name, satisfied in [("undated_a.csv", 30), ("undated_b.csv", 10)]:
    rows = [["№", "Оцените работу бухгалтерии [Консультации]"]]
    rows += [[str(i + 1), FIVE[i % 2] if i < satisfied else FIVE[2 + i % 2]] for i in range(40)]
    write_csv(name, rows)
