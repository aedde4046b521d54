#!/usr/bin/env python3
"""A registry table of ROWS touchpoints as Word (.docx) and Excel (.xlsx), in the Lipetsk 2.2
form with directions and processes merged, for bench/import.sh.
Usage: gen_import.py DIR [ROWS]"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
from make_import_examples import LIPETSK_HEADER, cell, docx, xlsx  # noqa: E402

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
os.makedirs(out, exist_ok=True)
POINTS = [("Телефонная связь", "цифровая"), ("Электронная почта", "цифровая"),
          ("Кабинет бухгалтерии", "офлайн"), ("Официальный сайт", "цифровая")]
NEEDS = ["Получение информации; получение консультации",
         "Представление заявления, обращения, запроса, документов",
         "Получение результата, ответа, разъяснения"]
PER_PROCESS, PER_DIRECTION = 10, 100  # touchpoints per process, processes per direction

table, merges, sheet = [[cell(h) for h in LIPETSK_HEADER]], [], [LIPETSK_HEADER]
for i in range(rows):
    d, p, t = i // (PER_PROCESS * PER_DIRECTION), i // PER_PROCESS, i % PER_PROCESS
    first_in_direction = i % (PER_PROCESS * PER_DIRECTION) == 0
    point, channel = POINTS[i % len(POINTS)]
    values = [str(i + 1), f"Направление {d}", f"Процесс {p}", f"{point} {i}", channel,
              NEEDS[i % len(NEEDS)], "Сотрудники", "Ответ без визита", "Регламент"]
    table.append([
        cell(values[0]),
        cell(values[1] if first_in_direction else "", "restart" if first_in_direction else "continue"),
        cell(values[2] if t == 0 else "", "restart" if t == 0 else "continue"),
    ] + [cell(v) for v in values[3:]])
    sheet.append([v if (c != 1 or first_in_direction) and (c != 2 or t == 0) else "" for c, v in enumerate(values)])
    if t == 0:
        merges.append(f"C{i + 2}:C{min(i + PER_PROCESS, rows) + 1}")
docx(f"{out}/table_{rows}.docx", [], table)
xlsx(f"{out}/table_{rows}.xlsx", {"Перечень": sheet}, {"Перечень": merges})
