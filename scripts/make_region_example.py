#!/usr/bin/env python3
"""Builds the example region (examples/region/) and last year's roll-up
(examples/region_2024.json) from the shipped registries and example surveys, as five bodies
would send them to the coordinator (region.md):

- minfin: Smolensk's registry (two real errors, R008), the survey of 2024 and 2025 with a
  significant decline (examples/survey_2024.csv, survey_2025.csv), a journal summary;
- minzdrav: a registry whose approved version is not yet published, a stable survey;
- minobr: Lipetsk's registry, a journal with overdue requests (examples/requests_2025.csv);
- minek: Omsk's registry as the appendix in Excel, its survey tally, and by mistake the raw
  export of answers (with respondents' names): refused by the roll-up;
- minkult: North Ossetia's registry, a survey of four questionnaires in 2025 (below the
  minimum group: no figure is shown).

The survey tallies and journal summaries are written by tochki itself (survey tally / requests
--format json), so they are what a body would send. Raw answers are resampled from the example
exports with a fixed seed. Run from the repository root:

    python3 scripts/make_region_example.py [path/to/tochki]
"""

import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGION = os.path.join(ROOT, "examples", "region")
PREVIOUS = os.path.join(ROOT, "examples", "region_2024.json")
AS_OF = "2025-05-14"

BODIES = {
    "minfin": ("Министерство финансов", "Минфин", ["accounting"]),
    "minzdrav": ("Министерство здравоохранения", "Минздрав", ["accounting", "hr"]),
    "minobr": ("Министерство образования", "Минобразования", ["accounting"]),
    "minek": ("Министерство экономического развития", "Минэкономразвития", ["accounting"]),
    "minkult": ("Министерство культуры", "Минкультуры", ["accounting", "hr", "it"]),
}


def tochki_binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    path = os.path.join(ROOT, "target", "release", "tochki")
    if not os.path.exists(path):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return path


def run(tochki, *args, cwd=ROOT):
    result = subprocess.run([tochki, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode == 2:
        sys.exit(f"tochki {' '.join(args)}: {result.stderr}")
    return result


def read_export(name):
    with open(os.path.join(ROOT, "examples", name), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def resample(rows, year, count, seed, satisfied_bias=0.0):
    """`count` answers drawn from `rows` (header first) with a fixed seed, dated in November of
    `year`; with a bias, some «не удовлетворен» answers of the overall question become
    «удовлетворен» (a body that improved)."""
    rng = random.Random(seed)
    header, answers = rows[0], rows[1:]
    out = [header]
    for i in range(count):
        row = list(rng.choice(answers))
        day = 10 + i % 18
        row[0] = f"{day:02d}.11.{year} {9 + i % 8:02d}:{(i * 7) % 60:02d}:{(i * 13) % 60:02d}"
        if satisfied_bias and row[2] == "Не удовлетворен" and rng.random() < satisfied_bias:
            row[2] = "Удовлетворен"
        out.append(row)
    return out


def write_export(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def journal(path, year, overdue):
    """A small journal in the Russian Excel way (cp1251, «;»), every request answered in time
    unless `overdue`."""
    lines = ["Рег. №;Дата поступления;Форма обращения;Содержание;Процесс;Исполнитель;Дата ответа"]
    for i in range(8):
        received = f"{7 + i:02d}.04.{year}"
        answered = "" if i < overdue else f"{10 + i:02d}.04.{year}"
        lines.append(f"01-20/{i + 1};{received};СЭД;Вопрос о выплате;Начисление заработной платы;Петрова А. А.;{answered}")
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("cp1251"))


def body_yaml(folder, key):
    name, short, areas = BODIES[key]
    with open(os.path.join(folder, "body.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# Карточка органа для свода по региону (tochki region)\n")
        f.write(f"name: {name}\nshort: {short}\nareas: [{', '.join(areas)}]\n")


def published(source, target, date):
    """A copy of a shipped registry with the date it was put on the site (within 5 working
    days of its approval), as a body that published it would keep it."""
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    at = next(i for i, l in enumerate(lines) if l.startswith("approved:"))
    lines.insert(at + 1, f"published: {date}")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def tally(tochki, out, *exports, cwd=ROOT):
    run(tochki, "survey", "tally", *exports, "--format", "json", "-o", out, "--force", cwd=cwd)


def build(tochki, region, work, year_only):
    """The region as its bodies send it; `year_only` 2024 builds last year's (one wave each)."""
    shutil.rmtree(region, ignore_errors=True)
    os.makedirs(region)
    folders = {key: os.path.join(region, key) for key in BODIES}
    for key, folder in folders.items():
        os.makedirs(folder)
        body_yaml(folder, key)
    rows_2024 = read_export("survey_2024.csv")
    rows_2025 = read_export("survey_2025.csv")
    exports = {}
    for key, seed in [("minzdrav", 11), ("minobr", 12), ("minek", 13), ("minkult", 14)]:
        old, new = f"{key}_2024.csv", f"{key}_2025.csv"
        write_export(os.path.join(work, old), resample(rows_2024, 2024, 48, seed))
        small = 4 if key == "minkult" else 50
        write_export(os.path.join(work, new),
                     resample(rows_2024, 2025, small, seed + 100, satisfied_bias=0.3))
        exports[key] = (old, new)
    # minfin: the example survey itself, with its decline.
    if year_only:
        tally(tochki, os.path.join(folders["minfin"], "opros.json"), "examples/survey_2024.csv")
    else:
        tally(tochki, os.path.join(folders["minfin"], "opros.json"),
              "examples/survey_2024.csv", "examples/survey_2025.csv")
    for key, (old, new) in exports.items():
        given = [f"2024={old}"] if year_only else [f"2024={old}", f"2025={new}"]
        tally(tochki, os.path.join(folders[key], "opros.json"), *given, cwd=work)
    # Registries: YAML as the bodies keep them; minek sends the appendix in Excel.
    published(os.path.join(ROOT, "registries", "smolensk_accounting.yaml"),
              os.path.join(folders["minfin"], "perechen.yaml"), "2024-09-30")
    with open(os.path.join(ROOT, "registries", "example_complete.yaml"), encoding="utf-8") as f:
        text = f.read()
    if not year_only:
        # The new version approved, not yet on the site.
        text = "\n".join(l for l in text.splitlines() if not l.startswith("published:")) + "\n"
    with open(os.path.join(folders["minzdrav"], "perechen.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    shutil.copy(os.path.join(ROOT, "registries", "lipetsk_accounting.yaml"),
                os.path.join(folders["minobr"], "perechen.yaml"))
    run(tochki, "show", "registries/omsk_accounting.yaml", "-o",
        os.path.join(folders["minek"], "prilozhenie.xlsx"), "--force")
    published(os.path.join(ROOT, "registries", "north_ossetia_hr_it_accounting.yaml"),
              os.path.join(folders["minkult"], "perechen.yaml"), "2024-05-17")
    # Journal summaries: minobr's example journal has overdue requests on 14.05.2025.
    if not year_only:
        run(tochki, "requests", "examples/requests_2025.csv", "--as-of", AS_OF,
            "--format", "json", "-o", os.path.join(folders["minobr"], "obrashcheniya.json"), "--force")
    for key, overdue in [("minfin", 0), ("minzdrav", 0), ("minek", 0), ("minkult", 1 if year_only else 0)]:
        path = f"{key}_journal.csv"
        journal(os.path.join(work, path), 2024 if year_only else 2025, overdue)
        run(tochki, "requests", path, "--as-of", "2024-05-14" if year_only else AS_OF,
            "--format", "json", "-o", os.path.join(folders[key], "obrashcheniya.json"), "--force",
            cwd=work)
    if not year_only:
        # By mistake: minek's raw export of answers, with names in it.
        shutil.copy(os.path.join(work, exports["minek"][1]),
                    os.path.join(folders["minek"], "vygruzka_otvetov.csv"))
        # And the order itself as a PDF: not used, listed.
        with open(os.path.join(folders["minek"], "prikaz.pdf"), "wb") as f:
            f.write(b"%PDF-1.4\n% example\n")


def main():
    tochki = tochki_binary()
    with tempfile.TemporaryDirectory() as work:
        last_year = os.path.join(work, "region_2024")
        build(tochki, last_year, work, year_only=True)
        result = run(tochki, "region", last_year, "--as-of", "2024-12-01", "--format", "json")
        # Last year's folders were temporary: the roll-up names them by body, not by path.
        text = result.stdout.replace(work + os.sep, "")
        with open(PREVIOUS, "w", encoding="utf-8") as f:
            f.write(text)
        build(tochki, REGION, work, year_only=False)
    print(f"written: {os.path.relpath(REGION, ROOT)}/, {os.path.relpath(PREVIOUS, ROOT)}")


if __name__ == "__main__":
    main()
