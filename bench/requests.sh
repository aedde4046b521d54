#!/usr/bin/env bash
# `tochki requests` on journals of 100,000 and 1,000,000 requests (issue 12: 100,000 under
# 0.5 s, memory flat), as Russian Excel saves them (cp1251, «;», CRLF), side by side with what a
# user would otherwise script: a Python loop (csv + datetime) computing the same 30-day deadlines
# with weekends only, no production calendar. Best of 3 by /usr/bin/time; rewrites the section
# <!-- bench:requests --> of docs/benchmarks.md.   bash bench/requests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin tochki
tochki=target/release/tochki data=target/bench-data
mkdir -p "$data"
python3 - "$data" <<'PY'
import datetime, os, sys
forms = ["СЭД", "Служебная записка", "Телефон", "Электронная почта", "Личный приём"]
processes = ["Начисление и выплата заработной платы", "Возмещение расходов на служебные командировки", "Выдача справок о доходах"]
start = datetime.date(2024, 1, 1)
# A journal nobody answered (issue 28: the table once grew with it, 4.1 GiB for a million).
open_path = f"{sys.argv[1]}/journal_open_1000000.csv"
if not os.path.exists(open_path):
    with open(open_path, "wb") as f:
        f.write("Рег. №;Дата поступления;Форма обращения;Процесс;Исполнитель;Дата ответа\r\n".encode("cp1251"))
        for i in range(1_000_000):
            received = start + datetime.timedelta(days=i * 730 // 1_000_000)
            f.write(f"01-15/{i};{received:%d.%m.%Y};{forms[i % 5]};{processes[i % 3]};Исполнитель {i % 50};\r\n".encode("cp1251"))
for rows in (100_000, 1_000_000):
    path = f"{sys.argv[1]}/journal_{rows}.csv"
    if os.path.exists(path):
        continue
    with open(path, "wb") as f:
        f.write("Рег. №;Дата поступления;Форма обращения;Процесс;Исполнитель;Дата ответа\r\n".encode("cp1251"))
        for i in range(rows):
            # Two years in order of receipt; the last 2% still open, as a live journal has them.
            received = start + datetime.timedelta(days=i * 730 // rows)
            answered = "" if i >= rows * 0.98 else (received + datetime.timedelta(days=(i * 13) % 40)).strftime("%d.%m.%Y")
            line = f"01-15/{i};{received:%d.%m.%Y};{forms[i % 5]};{processes[i % 3]};Исполнитель {i % 50};{answered}\r\n"
            f.write(line.encode("cp1251"))
PY
python3 bench/gen_journal_xlsx.py "$data/journal_1000000.xlsx" 1000000
cat >"$data/requests_peer.py" <<'PY'
import csv, datetime, sys
as_of = datetime.date(2026, 1, 15)
counts = {}
with open(sys.argv[1], encoding="cp1251", newline="") as f:
    for row in csv.DictReader(f, delimiter=";"):
        received = datetime.datetime.strptime(row["Дата поступления"], "%d.%m.%Y").date()
        oral = row["Форма обращения"] in ("Телефон", "Личный приём")
        due = received if oral else received + datetime.timedelta(days=30)
        while due.weekday() >= 5:
            due += datetime.timedelta(days=1)
        answered = row["Дата ответа"]
        if answered:
            status = "on_time" if datetime.datetime.strptime(answered, "%d.%m.%Y").date() <= due else "late"
        else:
            status = "overdue" if as_of > due else "open"
        counts[status] = counts.get(status, 0) + 1
print(counts)
PY
source bench/lib.sh
# The build before the table kept only the most overdue (target/before/build, from
# `bench/compare.sh --before REV`), when there is one: the same journal in the same run.
before=target/before/build/release/tochki
was=""
if [ -x "$before" ]; then
  was="| the same, the build before (all overdue requests held for the table) $(cells "$before" requests --as-of 2026-01-15 "$data/journal_open_1000000.csv")"
fi
body="Measured on $(uname -m) ($(nproc) cores), best of 3 runs. Journals as Russian Excel saves them (cp1251, «;»), 6 columns, two years of requests, the last 2% still open.

| what | time, s | peak memory, MiB |
|---|---|---|
| \`tochki requests\` (the table a daily check prints), 100,000 requests $(cells "$tochki" requests --as-of 2026-01-15 "$data/journal_100000.csv")
| \`tochki requests\`, 1,000,000 requests $(cells "$tochki" requests --as-of 2026-01-15 "$data/journal_1000000.csv")
| \`tochki requests --format json\` (every request listed), 100,000 $(cells "$tochki" requests --as-of 2026-01-15 --format json "$data/journal_100000.csv")
| Python csv + datetime, same deadlines without the calendar, counts only, 100,000 $(cells python3 "$data/requests_peer.py" "$data/journal_100000.csv")
| \`tochki requests --format json\`, 1,000,000 $(cells "$tochki" requests --as-of 2026-01-15 --format json "$data/journal_1000000.csv")
| Python csv + datetime, 1,000,000 $(cells python3 "$data/requests_peer.py" "$data/journal_1000000.csv")
| \`tochki requests\`, 1,000,000 requests none answered (all overdue: the table lists the 500 most overdue) $(cells "$tochki" requests --as-of 2026-01-15 "$data/journal_open_1000000.csv")
$was
| \`tochki requests\`, XLSX of 1,000,000 (dates typed as dates) $(cells "$tochki" requests --as-of 2026-01-15 "$data/journal_1000000.xlsx")
| \`tochki requests --format json\`, XLSX of 1,000,000 $(cells "$tochki" requests --as-of 2026-01-15 --format json "$data/journal_1000000.xlsx")

Target: 100,000 requests under 0.5 s, memory flat. The journal is read row by row and the summary
built as the rows go by; the table keeps the 500 requests that most need attention (overdue
first, most days late first) and counts the rest, and the days to answer (8 bytes per answered
request), so its memory stays flat however many are open (before, a journal of a million open
requests held them all for the table). JSON and CSV list every request as it is judged: each goes into a temporary file and is
streamed out after the summary is known, so their memory is flat too (before this, the JSON of
1,000,000 requests held them all: 450 MiB). A workbook is read sheet by sheet and row by row
(before: the whole sheet in memory, 3.2 s and 471 MiB for the XLSX of 1,000,000 requests; the
same run of the previous build). Only \`--format xlsx\` holds every request, to write the book."
python3 bench/write_section.py requests "Журнал обращений" "$body"
echo "$body"
