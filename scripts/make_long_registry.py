#!/usr/bin/env python3
"""A registry of 300 touchpoints in 5 directions of 6 processes (tests/fixtures/appendix/long.yaml):
the appendix `show --format docx` writes of it runs over many pages, so scripts/docx_check.sh can
see that every page names its direction and process at the top and that the client column keeps
«министерства» and «подведомственных» whole.

Run from the repository root: python3 scripts/make_long_registry.py
"""
import os

OUT = "tests/fixtures/appendix/long.yaml"
os.makedirs(os.path.dirname(OUT), exist_ok=True)
lines = ["organization: Министерство финансов Омской области",
         "approved: {act: Приказ Министерства финансов Омской области № 76, date: 24.09.2024}",
         "directions:"]
n = 0
for d in range(1, 6):
    lines += [f"  - name: Направление {d} — ведение бухгалтерского учета и отчетности", "    processes:"]
    for p in range(1, 7):
        lines += [f"      - name: Процесс {d}.{p} — начисление и выплата заработной платы работникам",
                  "        touchpoints:"]
        for t in range(10):
            n += 1
            lines += [f"          - point: Точка {n} — телефонная связь с бухгалтерией",
                      f"            channel: {'digital' if t % 2 else 'offline'}",
                      "            needs: [info, consultation]",
                      "            interaction: Консультирование по вопросам начисления",
                      "            client: Работники министерства и подведомственных учреждений",
                      "            value: Быстрое получение ответа без визита в бухгалтерию"]
with open(OUT, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
