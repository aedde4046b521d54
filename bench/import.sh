#!/usr/bin/env bash
# `tochki import` of a 10,000-row registry table (issue 10: under a second), Word and Excel,
# side by side with what a user would otherwise script: python-docx and openpyxl reading every
# cell of the same files (no mapping, no checks). Best of 3 by /usr/bin/time; rewrites the
# section <!-- bench:import --> of docs/benchmarks.md.
#   bash bench/import.sh [--install-peers]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --install-peers ]; then python3 -m pip install --quiet python-docx openpyxl; fi
cargo build --release --quiet --bin tochki
tochki=target/release/tochki data=target/bench-data
python3 bench/gen_import.py "$data" 10000

source bench/lib.sh
peer() {
  if python3 -c "import $1" 2>/dev/null; then cells python3 -c "$2" "$3"; else echo "| not installed (\`--install-peers\`) | |"; fi
}
docx_peer='import docx,sys
d=docx.Document(sys.argv[1]); print(sum(len(r.cells) for t in d.tables for r in t.rows))'
xlsx_peer='import openpyxl,sys
w=openpyxl.load_workbook(sys.argv[1], read_only=True); print(sum(1 for _ in w.active.iter_rows(values_only=True)))'
docx=$data/table_10000.docx xlsx=$data/table_10000.xlsx
body="Measured on $(uname -m) ($(nproc) cores), best of 3 runs. A table of 10,000 touchpoints in the Lipetsk 2.2 form, directions and processes merged (bench/gen_import.py): .docx $(du -k "$docx" | cut -f1) KiB, .xlsx $(du -k "$xlsx" | cut -f1) KiB.

| what | time, s | peak memory, MiB |
|---|---|---|
| \`tochki import table_10000.docx\` (read, map, write YAML) $(cells "$tochki" import "$docx")
| python-docx: open and walk every cell (no mapping) $(peer docx "$docx_peer" "$docx")
| \`tochki import table_10000.xlsx\` $(cells "$tochki" import "$xlsx")
| openpyxl (read-only): walk every row (no mapping) $(peer openpyxl "$xlsx_peer" "$xlsx")

Target: under a second for 10,000 rows."
python3 bench/write_section.py import "Импорт таблиц Word и Excel" "$body"
echo "$body"
