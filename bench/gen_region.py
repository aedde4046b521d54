#!/usr/bin/env python3
"""A region of BODIES bodies for bench/region.sh: each folder holds body.yaml, opros.json (the
tally's JSON, tochki.survey/1: three waves, the overall question per area and 12 processes, the
changes between waves), obrashcheniya.json (the journal summary, tochki.requests/1, with 200
requests as `requests --format json` lists them) and, with --registries, four registries (one
per area, each a copy of the shipped Lipetsk registry with its area). Deterministic.

Usage: python3 bench/gen_region.py FOLDER BODIES [--registries]
"""
import json
import os
import random
import sys

AREAS = ["accounting", "hr", "it", "admin"]
YEARS = ["2023", "2024", "2025"]


def survey(rng):
    waves, levels = [], {}
    for year in YEARS:
        n = rng.randint(30, 120)
        items = []
        for label in ["overall"] + [f"overall:{a}" for a in AREAS] + [f"Процесс {i}" for i in range(12)]:
            level = round(rng.uniform(55, 95), 1)
            levels[(year, label)] = level
            items.append({"label": label, "n": n, "counts": {}, "shares": {}, "level": level,
                          "ci": [level - 8, level + 6], "mean": None})
        waves.append({"label": year, "period": {"first": f"{year}-11-10", "last": f"{year}-11-27"},
                      "file": f"survey_{year}.csv", "respondents": n, "left_out": 0, "items": items})
    dynamics = []
    for a, b in zip(YEARS, YEARS[1:]):
        for label in ["overall"] + [f"overall:{x}" for x in AREAS] + [f"Процесс {i}" for i in range(12)]:
            delta = round(levels[(b, label)] - levels[(a, label)], 1)
            p = round(rng.uniform(0, 0.3) if abs(delta) > 15 else rng.uniform(0.05, 1), 4)
            dynamics.append({"item": label, "from": a, "to": b, "delta_pp": delta, "p_value": p,
                             "significant": p < 0.05, "decline": p < 0.05 and delta < 0})
    return {"format": "tochki.survey/1", "waves": waves, "dynamics": dynamics, "findings": [],
            "min_group": 5}


def journal(rng):
    requests = [{"file": "journal.csv", "row": i + 2, "number": f"01-15/{i}", "received": "2025-04-09",
                 "form": "written", "due": "2025-05-07", "answered": "2025-05-05", "status": "on_time",
                 "days_late": None, "estimated": False} for i in range(200)]
    overdue = rng.choice([0, 0, 0, 1, 3])
    late = rng.randint(0, 20)
    return {"format": "tochki.requests/1", "as_of": "2025-05-14", "requests": requests,
            "summary": {"total": 200, "on_time": 200 - late - overdue, "late": late,
                        "overdue": overdue, "due_soon": 0, "open": 0},
            "findings": [], "ledger": {"tables": []}}


def main():
    folder, bodies = sys.argv[1], int(sys.argv[2])
    registries = "--registries" in sys.argv
    marker = os.path.join(folder, f".complete_{bodies}_{registries}")
    if os.path.exists(marker):
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "registries", "lipetsk_accounting.yaml"), encoding="utf-8") as f:
        registry = f.read()
    rng = random.Random(7)
    for i in range(bodies):
        body = os.path.join(folder, f"body{i:05d}")
        os.makedirs(body, exist_ok=True)
        with open(os.path.join(body, "body.yaml"), "w", encoding="utf-8") as f:
            f.write(f"name: Орган исполнительной власти № {i}\nshort: Орган {i}\nareas: [{', '.join(AREAS)}]\n")
        with open(os.path.join(body, "opros.json"), "w", encoding="utf-8") as f:
            json.dump(survey(rng), f, ensure_ascii=False)
        with open(os.path.join(body, "obrashcheniya.json"), "w", encoding="utf-8") as f:
            json.dump(journal(rng), f, ensure_ascii=False)
        if registries:
            for area in AREAS:
                text = registry.replace("areas: [accounting]", f"areas: [{area}]")
                with open(os.path.join(body, f"perechen_{area}.yaml"), "w", encoding="utf-8") as f:
                    f.write(text)
    open(marker, "w").close()


if __name__ == "__main__":
    main()
