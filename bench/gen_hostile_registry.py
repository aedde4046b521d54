#!/usr/bin/env python3
"""Generates the hostile registry inputs: N processes with one finding each, the same file
clean, and a file nested DEPTH levels deep in flow style. Usage: gen_hostile_registry.py DIR [N] [DEPTH]"""
import os
import sys

out = sys.argv[1]
processes = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
os.makedirs(out, exist_ok=True)

POINTS = [
    ("Телефонная связь", "digital"),
    ("Электронная почта", "digital"),
    ("Личный прием", "offline"),
    ("Официальный сайт", "digital"),
]


def registry(bad):
    lines = [
        "organization: Министерство финансов",
        "areas: [accounting]",
        "directions:",
        "  - name: Бухгалтерский учет",
        "    processes:",
    ]
    for i in range(processes):
        point, channel = POINTS[i % len(POINTS)]
        lines += [
            f"      - name: Процесс {i}",
            "        touchpoints:",
            f"          - point: {point}",
            f"            channel: {'цифровой канал' if bad else channel}",
            "            needs: [info, consultation]",
            f"            interaction: Консультации по процессу {i}",
            "            client: Сотрудники министерства",
            "            value: Быстрый ответ",
        ]
    return "\n".join(lines) + "\n"


with open(os.path.join(out, "hostile_processes.yaml"), "w", encoding="utf-8") as f:
    f.write(registry(True))
with open(os.path.join(out, "clean_processes.yaml"), "w", encoding="utf-8") as f:
    f.write(registry(False))
with open(os.path.join(out, "hostile_deep.yaml"), "w", encoding="utf-8") as f:
    f.write("organization: x\nextra: " + "[" * depth + "]" * depth + "\n")
