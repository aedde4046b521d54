#!/usr/bin/env python3
"""A journal with a written and an oral request received on every day of 2024-2028 (every
holiday and transfer of the decreed years, the year ends, the leap day 29.02.2024 and 2028), and
the deadlines an independent computation gives for them (scripts/calendar_oracle.py, written
without the tool's calendar code). tests/cli/requests.rs compares the tool with it.

Run from the repository root: python3 scripts/make_calendar_journal.py
"""
import csv
import datetime
import subprocess
import sys
from pathlib import Path

OUT = Path("tests/fixtures/requests")
OUT.mkdir(parents=True, exist_ok=True)
table = subprocess.run(
    [sys.executable, "scripts/calendar_oracle.py", "table", "2024-01-01", "2028-12-31", "--no-header"],
    check=True, capture_output=True, text=True,
).stdout.splitlines()

journal = [["Рег. №", "Дата поступления", "Форма обращения", "Дата ответа"]]
expected = [["row", "form", "received", "due_preceding", "due_following", "estimated"]]
DECREED = range(2023, 2028)


def estimated(received, due):
    """Whether a preceding-mode deadline rests on a year without a decree: any day looked at,
    from receipt to the later of the deadline and the 30th day, in such a year."""
    start = datetime.date.fromisoformat(received)
    end = max(datetime.date.fromisoformat(due), start + datetime.timedelta(days=30))
    return int(any(year not in DECREED for year in range(start.year, end.year + 1)))

for line in table:
    received, preceding, following, oral, _ = line.split(",")
    day = "{2}.{1}.{0}".format(*received.split("-"))
    journal.append([f"W-{received}", day, "письменное", ""])
    expected.append([len(journal), "written", received, preceding, following,
                     estimated(received, preceding)])
    journal.append([f"O-{received}", day, "устное", ""])
    expected.append([len(journal), "oral", received, oral, oral, ""])

with open(OUT / "calendar_2024_2028.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f, delimiter=";").writerows(journal)
with open(OUT / "calendar_2024_2028_expected.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows(expected)
print(f"{len(journal) - 1} requests")

# Calendars in the xmlcalendar format for `--calendar`: 2028 as a user would add it, with a
# made-up transfer (10 January 2028 a day off), as calendar.json and calendar.xml; and a
# broken one.
import calendar as months_of
import datetime
import json

CAL = Path("tests/fixtures/calendar")
CAL.mkdir(parents=True, exist_ok=True)
HOLIDAYS = {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}
EXTRA = {(1, 10)}
months = []
for m in range(1, 13):
    days = []
    for d in range(1, months_of.monthrange(2028, m)[1] + 1):
        weekday = datetime.date(2028, m, d).weekday()
        if (m, d) in EXTRA:
            days.append(f"{d}+")
        elif (m, d) in HOLIDAYS or weekday >= 5:
            days.append(str(d))
    months.append({"month": m, "days": ",".join(days)})
(CAL / "2028_made_up.json").write_text(
    json.dumps({"year": 2028, "months": months}, ensure_ascii=False), encoding="utf-8")
xml = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<calendar year="2028" lang="ru" date="2027.09.01" country="ru">', "<days>"]
xml += [f'<day d="{m:02d}.{d:02d}" t="1"/>' for (m, d) in sorted(HOLIDAYS | EXTRA)]
xml += ["</days>", "</calendar>"]
(CAL / "2028_made_up.xml").write_text("\n".join(xml) + "\n", encoding="utf-8")
(CAL / "broken.json").write_text(
    '{"year": 2028, "months": [{"month": 1, "days": "1,2,40"}]}', encoding="utf-8")
