#!/usr/bin/env bash
# Opens the appendix `tochki show --format docx` writes the way a person would: LibreOffice
# (headless) converts it to PDF, and the check fails unless the PDF has pages and carries the
# table's texts; the first page becomes docs/appendix.png, shown in README.md. The example Word
# table of the import (examples/smolensk_appendix.docx), the questionnaire `survey init` writes
# and the proposals `survey proposals` writes are opened the same way. Run by .ci/run;
# needs Debian's libreoffice-writer and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in libreoffice pdftoppm pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "docx check: $tool is not installed (apt-get install libreoffice-writer poppler-utils)" >&2
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
target/release/tochki show registries/smolensk_accounting.yaml --format docx \
  -o "$work/appendix.docx" >/dev/null 2>&1
cp examples/smolensk_appendix.docx "$work/example.docx"
target/release/tochki survey init registries/smolensk_accounting.yaml -o "$work/survey" >/dev/null
cp "$work/survey/smolensk_accounting.anketa.docx" "$work/anketa.docx"
target/release/tochki survey proposals examples/survey_2024.csv examples/survey_2025.csv \
  --registry examples/registry_cycle.yaml --format docx -o "$work/proposals.docx" >/dev/null
target/release/tochki show examples/north_ossetia_profiles.yaml --profiles --format docx \
  -o "$work/profiles.docx" >/dev/null
# Codes in narrow columns of their own (the registry fills ids): «ТВ-001», «п/п» and «точки»
# stay whole.
target/release/tochki show registries/example_complete.yaml --format docx -o "$work/codes.docx" >/dev/null 2>&1
# 300 touchpoints over many pages (scripts/make_long_registry.py).
target/release/tochki show tests/fixtures/appendix/long.yaml --format docx -o "$work/long.docx" >/dev/null

failed=0
for name in appendix example anketa proposals long profiles codes; do
  timeout 180 libreoffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/$name.docx" >"$work/$name.log" 2>&1 || true
  if [ ! -s "$work/$name.pdf" ]; then
    echo "docx check: LibreOffice could not open $name.docx:" >&2
    cat "$work/$name.log" >&2
    failed=1
    continue
  fi
  # Cells wrap, so the texts are looked for word by word order-free: one word per line.
  pdftotext "$work/$name.pdf" "$work/$name.raw"
  # A word broken at a syllable (a soft hyphen at the end of a line) is one word.
  python3 -c 'import re,sys; t=open(sys.argv[1],encoding="utf-8").read(); t=re.sub("[-\u00ad]\n(?=[а-яё])","",t); open(sys.argv[1],"w",encoding="utf-8").write(t)' "$work/$name.raw"
  tr -s '[:space:]' '\n' <"$work/$name.raw" >"$work/$name.txt"
  words=("Организация" "начислению" "Телефонная" "кабинеты" "бухгалтерского")
  [ "$name" = anketa ] && words=("Организация" "начислению" "Полностью" "удовлетворен" "Предложения")
  [ "$name" = proposals ] && words=("СЛУЖЕБНАЯ" "ЗАПИСКА" "Мероприятие" "Срок" "Приложение")
  [ "$name" = long ] && words=("министерства" "подведомственных" "Консультирование" "Направление")
  [ "$name" = codes ] && words=("ТВ-001" "ТВ-003" "п/п" "точки" "П-12")
  [ "$name" = profiles ] && words=("Профили" "увольняющееся" "Предпочтительный" "Точка" "Лично")
  for text in "${words[@]}"; do
    if ! grep -qx "$text" "$work/$name.txt"; then
      echo "docx check: $name.pdf lacks «$text»" >&2
      failed=1
    fi
  done
done
# Read into a file first: `grep -q` stops early, and under pipefail the writer's broken pipe
# would fail the check at random.
pdftotext "$work/appendix.pdf" "$work/appendix.lines"
grep -q "^Приложение к приказу Министерства финансов Смоленской области от 24.09.2024 № 76" "$work/appendix.lines" ||
  { echo "docx check: the appendix lacks its caption" >&2; failed=1; }
grep -qx "Наименование" "$work/appendix.txt" || { echo "docx check: no header row" >&2; failed=1; }
# The title names the body in the genitive, as an order's appendix does.
grep -q "^Перечень точек взаимодействия с внутренним клиентом Министерства финансов Смоленской" "$work/appendix.lines" ||
  { echo "docx check: the appendix's title does not name the body in the genitive" >&2; failed=1; }
# The proposals' appendix (the statistics) opens a page of its own, its mark at the top right.
python3 - "$work/proposals.pdf" <<'PY' || failed=1
import subprocess, sys
text = subprocess.run(["pdftotext", "-layout", sys.argv[1], "-"], capture_output=True, text=True).stdout
pages = [p for p in text.split("\f") if p.strip()]
opening = [i for i, p in enumerate(pages) if "Показатели опроса удовлетворенности" in p]
first = [l.strip() for l in pages[opening[0]].splitlines() if l.strip()][0] if opening else ""
if not opening or opening[0] == 0 or first != "Приложение" or "СЛУЖЕБНАЯ" in pages[opening[0]]:
    print(f"docx check: the proposals' appendix does not open its own page (pages {len(pages)}, "
          f"first line «{first}»)", file=sys.stderr)
    sys.exit(1)
PY
# The long appendix: rows flow as Word lays them out, the header row (Word's own repeated
# header) and the page number on every page, and the client column breaks no word.
pdftotext -layout "$work/long.pdf" "$work/long.layout"
python3 - "$work/long.layout" "$work/long.txt" <<'PY' || failed=1
import re, sys
pages = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\f") if p.strip()]
def numbered(i, page):
    lines = [l.strip() for l in page.splitlines() if l.strip()]
    return bool(lines) and lines[-1] == str(i + 1)
bad = [i + 1 for i, p in enumerate(pages)
       if not re.search(r"Точка", p) or not numbered(i, p)]
words = open(sys.argv[2], encoding="utf-8").read().split("\n")
broken = [w for w in ("министерств", "подведомственны", "Консультирован") if w in words]
if len(pages) < 20 or len(pages) > 60 or bad or broken:
    print(f"docx check: the long appendix: {len(pages)} pages, pages without the header row or "
          f"their number: {bad[:10]}, broken words: {broken}", file=sys.stderr)
    sys.exit(1)
print(f"docx check: the long appendix: {len(pages)} pages, each with the header row and its number")
PY
pdftoppm -png -r 80 -f 1 -l 1 "$work/appendix.pdf" "$work/page"
cp "$work"/page-1.png docs/appendix.png
pdftoppm -png -r 60 -f 1 -l 1 "$work/profiles.pdf" "$work/profiles"
cp "$work"/profiles-1.png docs/profiles_docx.png
pdftoppm -png -r 60 -f 1 -l 1 "$work/anketa.pdf" "$work/anketa"
cp "$work"/anketa-1.png docs/anketa.png
pdftoppm -png -r 60 -f 1 -l 1 "$work/proposals.pdf" "$work/proposals"
cp "$work"/proposals-1.png docs/proposals.png
[ $failed = 0 ] && echo "docx check: appendix, example, questionnaire and proposals open in LibreOffice; docs/appendix.png, docs/anketa.png and docs/proposals.png written"
exit $failed
