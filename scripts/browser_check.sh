#!/usr/bin/env bash
# Renders the example survey report in a real browser (headless Chromium) and checks that the
# page loaded without console errors and that its charts were drawn with a size; saves the
# screenshot as docs/report.png. Run by .ci/run; needs Debian's chromium package.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "browser check: chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
target/release/tochki survey report examples/survey_2024.csv examples/survey_2025.csv \
  --by "Категория должностей" --registry examples/registry_cycle.yaml -o "$work/report.html" >/dev/null

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$work/profile" --window-size=1100,2400 --hide-scrollbars)

# The DOM after load (the page's own check writes how many charts have a size), and the log.
timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
  --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/console.log"
timeout 120 "$browser" "${flags[@]}" --screenshot="$work/report.png" "file://$work/report.html" \
  >/dev/null 2>>"$work/console.log"

charts=$(grep -o '<svg class="chart"' "$work/report.html" | wc -l)
drawn=$(grep -o 'data-charts-drawn="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo 0)
failed=0
if [ "$charts" -eq 0 ] || [ "$drawn" != "$charts" ]; then
  echo "browser check: $drawn of $charts charts were drawn with a size" >&2
  failed=1
fi
# The heat maps (registry × processes, segments × items): every cell laid out with a size.
cells=$(grep -o 'class="cell[ "]' "$work/report.html" | wc -l)
laid=$(grep -o 'data-heat-cells="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo 0)
if [ "$cells" -eq 0 ] || [ "$laid" != "$cells" ]; then
  echo "browser check: $laid of $cells heat-map cells were laid out" >&2
  failed=1
fi
if grep -E 'CONSOLE|Uncaught' "$work/console.log" >&2; then
  echo "browser check: the page wrote to the console (above)" >&2
  failed=1
fi
size=$(stat -c %s "$work/report.png" 2>/dev/null || echo 0)
if [ "$size" -lt 10000 ]; then
  echo "browser check: the screenshot is missing or empty ($size bytes)" >&2
  failed=1
fi
# Eight years of 16 processes with a segment of 10 groups, at the width of an A4 page: nothing
# runs off the side (the page's own check says so), and it prints to PDF.
target/release/tochki survey report tests/fixtures/survey_wide/*.csv --by "Подразделение" \
  -o "$work/wide.html" >/dev/null
narrow=("${flags[@]/--window-size=1100,2400/--window-size=800,2400}")
timeout 120 "$browser" "${narrow[@]}" --virtual-time-budget=3000 --dump-dom "file://$work/wide.html" \
  >"$work/wide_dom.html" 2>>"$work/console.log"
if ! grep -q 'data-overflows="0"' "$work/wide_dom.html"; then
  echo "browser check: the eight-year report runs off the side of an 800 px page" >&2
  failed=1
fi
timeout 120 "$browser" "${narrow[@]}" --print-to-pdf="$work/wide.pdf" "file://$work/wide.html" \
  >/dev/null 2>>"$work/console.log"
if [ ! -s "$work/wide.pdf" ]; then
  echo "browser check: the eight-year report does not print to PDF" >&2
  failed=1
fi
# The profile cards of North Ossetia (show --profiles --format html): every card laid out.
target/release/tochki show examples/north_ossetia_profiles.yaml --profiles --format html \
  -o "$work/profiles.html" >/dev/null
timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=3000 --dump-dom "file://$work/profiles.html" \
  >"$work/profiles_dom.html" 2>>"$work/console.log"
cards=$(grep -o '<article class="card"' "$work/profiles.html" | wc -l)
laid_cards=$(grep -o 'data-cards-laid="[0-9]*"' "$work/profiles_dom.html" | grep -o '[0-9]*' || echo 0)
if [ "$cards" -eq 0 ] || [ "$laid_cards" != "$cards" ]; then
  echo "browser check: $laid_cards of $cards profile cards were laid out" >&2
  failed=1
fi
profile_flags=("${flags[@]/--window-size=1100,2400/--window-size=1100,1100}")
timeout 120 "$browser" "${profile_flags[@]}" --screenshot="$work/profiles.png" "file://$work/profiles.html" \
  >/dev/null 2>>"$work/console.log"
cp "$work/profiles.png" docs/profiles.png
cp "$work/report.png" docs/report.png

# The region's roll-up (tochki region --format html): its chart drawn, its screenshot in docs/.
target/release/tochki region examples/region --as-of 2025-05-14 --previous examples/region_2024.json \
  -o "$work/region.html" >/dev/null || true
if ! grep -q '<svg class="chart"' "$work/region.html"; then
  echo "browser check: the region's page has no chart" >&2
  failed=1
fi
timeout 120 "$browser" "${flags[@]}" --window-size=1200,2600 --screenshot="$work/region.png" \
  "file://$work/region.html" >/dev/null 2>>"$work/console.log"
cp "$work/region.png" docs/region.png
# The same pages at a phone's width (390 px): nothing runs off the side.
timeout 120 "$browser" "${flags[@]}" --window-size=390,2400 --screenshot="$work/report_390.png" \
  "file://$work/report.html" >/dev/null 2>>"$work/console.log"
cp "$work/report_390.png" docs/report_390.png
# The report printed on A4 (its own @page rule): more than one page, no heading left alone at
# the foot of a page, the first page as docs/report_a4.png.
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/report_a4.pdf" \
  "file://$work/report.html" >/dev/null 2>>"$work/console.log"
if command -v pdftoppm >/dev/null 2>&1; then
  python3 - "$work/report_a4.pdf" <<'PY' || failed=1
import subprocess, sys
info = subprocess.run(["pdfinfo", sys.argv[1]], capture_output=True, text=True).stdout
size = [l for l in info.splitlines() if l.startswith("Page size")]
pages = [l for l in info.splitlines() if l.startswith("Pages:")]
count = int(pages[0].split()[1]) if pages else 0
# pdfinfo names the paper: «Page size: 594.96 x 841.92 pts (A4)».
if not size or "(A4)" not in size[0] or count < 2:
    print(f"browser check: the report does not print on A4: {size} {pages}", file=sys.stderr)
    sys.exit(1)
text = subprocess.run(["pdftotext", "-layout", sys.argv[1], "-"], capture_output=True, text=True).stdout
headings = ("Динамика", "По сегментам", "Распределение ответов, 2025")
for page in [p for p in text.split("\f") if p.strip()]:
    last = [l.strip() for l in page.splitlines() if l.strip()][-1]
    if last in headings:
        print(f"browser check: «{last}» is left alone at the foot of a printed page", file=sys.stderr)
        sys.exit(1)
print(f"browser check: the report prints on {count} A4 pages")
PY
  pdftoppm -png -r 60 -f 1 -l 1 "$work/report_a4.pdf" "$work/report_a4"
  cp "$work/report_a4-1.png" docs/report_a4.png
fi

# axe-core (WCAG 2.1 A and AA, best practices) on every page the tool writes: the survey report,
# the profile cards, the site table and the region's roll-up. axe-core comes from npm, cached in
# target/axe.
axe=target/axe/node_modules/axe-core/axe.min.js
if [ ! -f "$axe" ]; then
  npm install --silent --prefix target/axe axe-core@4 >/dev/null
fi
cp "$axe" "$work/axe.min.js"
target/release/tochki show registries/lipetsk_accounting.yaml --format html -o "$work/site.html" >/dev/null
for page in report profiles site region; do
  python3 - "$work/$page.html" "$work/${page}_axe.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
run = ('<script src="axe.min.js"></script><script>axe.run(document, {runOnly: {type: "tag", '
       'values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).then(function (r) {'
       'document.body.setAttribute("data-axe", JSON.stringify(r.violations.map(function (v) {'
       'return v.id + ": " + v.nodes.length + " (" + v.nodes.slice(0, 2).map(function (n) {'
       'return n.target.join(" "); }).join("; ") + ")"; }))); });</script>')
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", run + "</body>"))
PY
  timeout 120 "$browser" "${flags[@]}" --virtual-time-budget=20000 --dump-dom \
    "file://$work/${page}_axe.html" >"$work/${page}_axe_dom.html" 2>>"$work/console.log"
  verdict=$(grep -o 'data-axe="[^"]*"' "$work/${page}_axe_dom.html" | sed 's/&quot;/"/g' || true)
  if [ "$verdict" != 'data-axe="[]"' ]; then
    echo "browser check: axe-core on $page.html: ${verdict:-did not run}" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "browser check: axe-core finds nothing on the report, the profile cards, the site table and the region's page"
echo "browser check: $drawn of $charts charts and $laid of $cells heat-map cells drawn, no console messages, screenshot docs/report.png ($size bytes)"
