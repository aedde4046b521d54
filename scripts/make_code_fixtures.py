#!/usr/bin/env python3
"""Fixtures that trigger the survey codes no other fixture triggers (S001, S004, S010, S011), for the
meta-test that holds every code of the catalogue to a fixture (tests/cli/check.rs).

Run from the repository root: python3 scripts/make_code_fixtures.py
"""
from pathlib import Path

OUT = Path("tests/fixtures/codes")
OUT.mkdir(parents=True, exist_ok=True)

# S001: the definition names a column the export does not have.
(OUT / "s001_missing_column.survey.yaml").write_text(
    "title: Анкета\n"
    "items:\n"
    "  - label: Выдача справок\n"
    "    column: \"*[Выдача справок]\"\n"
    "  - label: Командировки\n"
    "    column: \"*[Командировки]\"\n",
    encoding="utf-8",
)
(OUT / "s001_missing_column.csv").write_text(
    "Отметка времени,Оцените работу [Выдача справок]\n"
    "10.11.2025 09:00:00,Полностью удовлетворен\n"
    "10.11.2025 09:05:00,Скорее удовлетворен\n",
    encoding="utf-8",
)

# S004: no column of the export is a question on a scale.
(OUT / "s004_no_items.csv").write_text(
    "Отметка времени,Ваши предложения\n"
    "10.11.2025 09:00:00,Больше консультаций\n"
    "10.11.2025 09:05:00,Меньше бумаги\n",
    encoding="utf-8",
)

# S010: a grid row linked to a process of examples/registry_2025.yaml by a close spelling.
(OUT / "s010_close_spelling.csv").write_text(
    "Отметка времени,Оцените работу [Выдача справки о доходах]\n"
    "10.11.2025 09:00:00,Полностью удовлетворен\n"
    "10.11.2025 09:05:00,Скорее удовлетворен\n",
    encoding="utf-8",
)

# An XLSX export whose header is not in row 1: a title row and an empty row above it.
import sys
sys.path.insert(0, "scripts")
from make_import_examples import xlsx  # noqa: E402

xlsx(str(OUT / "titled_export.xlsx"), {"Ответы": [
    ["Результаты опроса внутренних клиентов, 2025"],
    [],
    ["Отметка времени", "Оцените работу [Консультации]", "Оцените работу [Справки]"],
] + [[f"0{i}.11.2025 10:00:00", "Полностью удовлетворен", "Скорее удовлетворен"] for i in range(1, 7)]
  + [["07.11.2025 10:00:00", "Полностью удовлетворен", "Полностью удовлетворен"],
     ["07.11.2025 10:00:00", "Полностью удовлетворен", "Полностью удовлетворен"]]})

# S011: two grid rows that both link to «Выдача справок о доходах» of examples/registry_2025.yaml.
(OUT / "s011_two_items.csv").write_text(
    "Отметка времени,Оцените работу [Выдача справок о доходах],Оцените работу [Выдача справки о доходах]\n"
    "10.11.2025 09:00:00,Полностью удовлетворен,Скорее удовлетворен\n"
    "10.11.2025 09:05:00,Скорее удовлетворен,Полностью удовлетворен\n",
    encoding="utf-8",
)
