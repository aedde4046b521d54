#!/usr/bin/env python3
"""Generates the side-by-side benchmark inputs into DIR (once; existing files are kept):

  registry_200k.yaml          a registry of DIRECTIONS × PROCESSES × TOUCHPOINTS touchpoints
  registry_200k_changed.yaml  the same with about 1% changed: every hundredth touchpoint gets
                              other needs, another changes its kind, another moves to the next
                              process, and every fiftieth process is renamed
  survey_1m.csv               a Google Forms style export of ROWS rows: timestamp, 12 grid items,
                              two segments, problems and proposals with commas, quotes and breaks

Usage: gen_data.py DIR [--scale S]   (S < 1 makes everything smaller, for a quick try)
"""
import os
import sys

out = sys.argv[1]
scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
os.makedirs(out, exist_ok=True)

POINTS = [
    ("Телефонная связь", "digital"),
    ("Электронная почта", "digital"),
    ("Система электронного документооборота", "digital"),
    ("Кабинет бухгалтерии", "offline"),
    ("Официальный сайт", "digital"),
    ("Личный прием", "offline"),
]
NEEDS = ["info", "consultation", "submission", "status", "result", "forms"]


def registry(path, directions, processes, touchpoints, changed):
    if os.path.exists(path):
        return
    lines = [
        "organization: Министерство финансов N-ской области",
        "areas: [accounting]",
        'approved: { act: "Приказ № 1", date: 2025-04-30 }',
        "published: 2025-05-13",
        "directions:",
    ]
    moved_in = []
    for d in range(directions):
        lines.append(f"  - name: Направление деятельности {d}\n    processes:")
        for p in range(processes):
            renamed = " (новая редакция)" if changed and p % 50 == 7 else ""
            lines.append(f"      - name: Процесс {d}.{p}{renamed}\n        touchpoints:")
            lines.extend(moved_in)
            moved_in = []
            for t in range(touchpoints):
                ident = (d * processes + p) * touchpoints + t + 1
                point, channel = POINTS[t % len(POINTS)]
                first = NEEDS[t % len(NEEDS)]
                if changed and ident % 100 == 10:
                    first = "feedback"
                if changed and ident % 100 == 20:
                    channel = "offline" if channel == "digital" else "digital"
                entry = (
                    f"          - point: {point} {d}.{p}.{t}\n"
                    f"            channel: {channel}\n"
                    f"            needs: [{first}, {NEEDS[(t + 1) % len(NEEDS)]}]\n"
                    f"            client: Сотрудники\n"
                    f"            value: Ответ без визита\n"
                    f"            interaction: Консультации\n"
                    f"            id: ТВ-{ident}"
                )
                if changed and ident % 100 == 30 and p + 1 < processes:
                    moved_in.append(entry)
                else:
                    lines.append(entry)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


FIVE = [
    "Полностью удовлетворен",
    "Скорее удовлетворен",
    "Скорее не удовлетворен",
    "Полностью не удовлетворен",
    "Затрудняюсь ответить",
]
CATEGORIES = ["Специалист", "Обеспечивающий специалист", "Руководитель"]
TENURES = ["Менее 1 года", "1-3 лет", "3-5 лет", "5-10 лет", "более 10 лет"]
PROBLEMS = [
    "",
    "",
    "Долго ждать ответа, по телефону никто не берет трубку",
    'Расчетный листок приходит после выплаты; "личный кабинет" не работает',
    "Непонятно, какие документы нужны\nдля авансового отчета",
]


def export(path, rows):
    if os.path.exists(path):
        return
    header = ["Отметка времени"]
    header += [
        f'"Насколько Вы удовлетворены работой по вопросам ведения учета? [Потребность {i}: получение результата, ответа, разъяснения]"'
        for i in range(1, 13)
    ]
    header += ["Категория должностей", "Стаж в организации", "Проблемы", "Предложения"]
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1) & mask
        return state >> 33

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in range(rows):
            cells = [f"{1 + row % 28:02}.11.2025 {row % 24:02}:{row % 60:02}:{(row // 60) % 60:02}"]
            cells += [FIVE[nxt() % 5] for _ in range(12)]
            cells.append(CATEGORIES[nxt() % 3])
            cells.append(TENURES[nxt() % 5])
            for _ in range(2):
                text = PROBLEMS[nxt() % len(PROBLEMS)]
                cells.append('"' + text.replace('"', '""') + '"' if text else "")
            f.write(",".join(cells) + "\n")


processes = max(1, int(100 * scale))
registry(f"{out}/registry_200k.yaml", 20, processes, 100, False)
registry(f"{out}/registry_200k_changed.yaml", 20, processes, 100, True)
export(f"{out}/survey_1m.csv", max(1, int(1_000_000 * scale)))
