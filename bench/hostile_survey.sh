#!/usr/bin/env bash
# Hostile sizes for `tochki survey` (issue 8, item 13): an export of 20,000 columns (the
# duplicate-header check was quadratic) and an XLSX zip bomb (0.5-1 MB that unpacks to 1 GiB).
# Builds the release binary, generates the inputs into target/hostile/, takes the best of three
# runs of wall time and peak memory (/usr/bin/time), and rewrites the section between
# <!-- bench:hostile-survey --> markers in docs/benchmarks.md.
# Run from anywhere: bash bench/hostile_survey.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
tochki=target/release/tochki
data=target/hostile
mkdir -p "$data"

python3 - "$data" <<'PY'
import sys
data = sys.argv[1]
FIVE = ["Полностью удовлетворен", "Скорее не удовлетворен"]
cols = 20000
with open(f"{data}/wide.csv", "w", encoding="utf-8") as f:
    f.write(",".join(f"Оцените [Вопрос {i}]" for i in range(cols)) + "\n")
    for r in range(100):
        f.write(",".join(FIVE[(i + r) % 2] for i in range(cols)) + "\n")
PY
cp tests/fixtures/survey/zip_bomb.xlsx "$data/zip_bomb.xlsx"

source bench/lib.sh
row() {
  local what=$1; shift
  printf '| %s %s\n' "$what" "$(cells "$@")"
}

wide_size=$(du -m "$data/wide.csv" | cut -f1)
bomb_size=$(du -k "$data/zip_bomb.xlsx" | cut -f1)
section=$(cat <<MD
Measured on $(uname -m) ($(nproc) cores), best of 3 runs.

| what | time, s | peak memory, MiB |
|---|---|---|
$(row "\`survey tally --format json\`: 20,000 columns × 100 rows (${wide_size} MiB)" "$tochki" survey tally --format json "$data/wide.csv")
$(row "\`survey tally\`: XLSX zip bomb, ${bomb_size} KiB unpacking to 1 GiB (refused, exit 2)" "$tochki" survey tally "$data/zip_bomb.xlsx")

Before (issue 8): the 20,000-column export took over 20 s (duplicate headers compared pairwise),
the zip bomb 39 s and 3.4 GB. Targets: under 2 s; refused with a clear message within a second.
MD
)
python3 bench/write_section.py hostile-survey "Враждебные размеры: анкеты" "$section"
echo "$section"
