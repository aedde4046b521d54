#!/usr/bin/env bash
# Side by side: `tochki` against the floor (the least any tool must do with the same input,
# bench/floor.rs) and the tools a user would otherwise run (xsv, DuckDB), on large generated
# inputs. Wall time and peak memory by /usr/bin/time, best of 3 runs; the sections `check`,
# `survey` and `diff` of docs/benchmarks.md are rewritten with the figures.
#
#   bash bench/compare.sh [check] [survey] [diff]   all when none is named
#   --install-peers   install xsv (cargo install) and DuckDB (pip) when missing
#   --scale S         smaller inputs for a quick try (figures are then not written into the docs)
#   --before REV      also time the tochki of commit REV (built in target/before/) in the same run,
#                     a row beside today's (a change must not make the tally slower)
#
# The Rust benchmarks of the library itself are `cargo bench` (benches/bench.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

sections=() install=0 scale=1 before=""
while [ $# -gt 0 ]; do
  case $1 in
    --install-peers) install=1 ;;
    --scale) scale=$2; shift ;;
    --before) before=$2; shift ;;
    check|survey|diff) sections+=("$1") ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ ${#sections[@]} -eq 0 ] && sections=(check survey diff)

cargo build --release --quiet --bin tochki --example floor
tochki=target/release/tochki floor=target/release/examples/floor
old=""
if [ -n "$before" ]; then
  rev=$(git rev-parse --short "$before")
  rm -rf target/before/src && mkdir -p target/before
  git worktree add --force --detach target/before/src "$rev" >/dev/null 2>&1 \
    || { git worktree prune; git worktree add --force --detach target/before/src "$rev"; }
  CARGO_TARGET_DIR=$PWD/target/before/build cargo build --release --quiet --bin tochki \
    --manifest-path target/before/src/Cargo.toml
  old=target/before/build/release/tochki
  git worktree remove --force target/before/src
fi
data=target/bench-data
[ "$scale" = 1 ] || data=target/bench-data-$scale
python3 bench/gen_data.py "$data" --scale "$scale"

xsv=${CARGO_HOME:-$HOME/.cargo}/bin/xsv
if [ $install = 1 ]; then
  [ -x "$xsv" ] || cargo install xsv --locked --quiet
  python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet duckdb
fi

source bench/lib.sh
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN{printf "%.1f", b/1048576}'; }
write() {
  local body="Measured on $(uname -m) ($(nproc) cores), best of 3 runs.

$3"
  echo "$body"
  if [ "$scale" = 1 ]; then python3 bench/write_section.py "$1" "$2" "$body"; fi
}

bench_check() {
  local file=$data/registry_200k.yaml size
  size=$(mib "$file")
  points=$(grep -c '^          - point:' "$file" | python3 -c 'print(f"{int(input()):,}")')
  read -r fs fm <<<"$(best_of_3 "$floor" serde "$file")"
  read -r ts tm <<<"$(best_of_3 "$tochki" check --format json "$file")"
  write check check "Registry of $points touchpoints, $size MiB (bench/gen_data.py).

| what | time, s | peak memory, MiB | ratio |
|---|---|---|---|
| bare \`serde_yaml::from_str\` into the model (floor: read the file, deserialize) | $fs | $fm | 1.00× time, $(ratio "$fm" "$size")× file size in memory |
| \`tochki check --format json\` (whole run: read, rules, positions, output) | $ts | $tm | $(ratio "$ts" "$fs")× time, $(ratio "$tm" "$size")× file size in memory |

Target: check ≤ 2× the bare deserialize, peak memory ≤ 10× the file size."
}

bench_diff() {
  local old=$data/registry_200k.yaml new=$data/registry_200k_changed.yaml changes
  points=$(grep -c '^          - point:' "$old" | python3 -c 'print(f"{int(input()):,}")')
  read -r fs fm <<<"$(best_of_3 "$floor" serde "$old" "$new")"
  read -r ds dm <<<"$(best_of_3 "$tochki" diff --format json "$old" "$new")"
  # diff exits 1 when the versions differ: that is the point here, not a failure.
  changes=$({ "$tochki" diff --format json "$old" "$new" 2>/dev/null || true; } |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)["changes"]))')
  write diff diff "Two registries of $points touchpoints; the second with 1% changed (needs, kind), moved to another process, or in a renamed process: $changes changes found.

| what | time, s | peak memory, MiB | ratio |
|---|---|---|---|
| bare \`serde_yaml::from_str\` of both files (floor: read and deserialize) | $fs | $fm | 1.00× |
| \`tochki diff --format json\` (check both, match, report) | $ds | $dm | $(ratio "$ds" "$fs")× |

Target: diff ≤ 1.5× the time to load both."
}

bench_survey() {
  local file=$data/survey_1m.csv size rows peers=""
  size=$(mib "$file")
  read -r fs fm <<<"$(best_of_3 "$floor" csv "$file")"
  read -r ts tm <<<"$(best_of_3 "$tochki" survey tally --format json "$file")"
  local was=""
  if [ -n "$old" ]; then
    read -r os om <<<"$(best_of_3 "$old" survey tally --format json "$file")"
    was="| the same, as of commit $rev (before this change; same run) | $os | $om | $(ratio "$os" "$fs")× |"$'\n'
  fi
  if [ -x "$xsv" ]; then
    read -r xs xm <<<"$(best_of_3 "$xsv" frequency --limit 0 -s 2-13 "$file")"
    peers+="| \`xsv frequency -s 2-13 --limit 0\` (counts only) | $xs | $xm | $(ratio "$xs" "$fs")× |"$'\n'
  else
    peers+="| \`xsv frequency\` | not installed (\`--install-peers\`) | | |"$'\n'
  fi
  if python3 -c 'import duckdb' 2>/dev/null; then
    cat >"$data/duckdb_tally.py" <<'PY'
import duckdb, sys
con = duckdb.connect()
con.execute("SET threads=2")
r = con.execute("SELECT name, value, count(*) FROM (UNPIVOT (SELECT COLUMNS('Насколько.*') FROM read_csv(?, header=true, all_varchar=true, quote='\"', escape='\"')) ON COLUMNS(*) INTO NAME name VALUE value) GROUP BY ALL", [sys.argv[1]]).fetchall()
print(len(r))
PY
    read -r ds dm <<<"$(best_of_3 python3 "$data/duckdb_tally.py" "$file")"
    peers+="| DuckDB (Python, 2 threads): UNPIVOT the 12 items, GROUP BY (counts only) | $ds | $dm | $(ratio "$ds" "$fs")× |"$'\n'
  else
    peers+="| DuckDB | not installed (\`--install-peers\`) | | |"$'\n'
  fi
  rows=$("$floor" csv "$file" | python3 -c 'print(f"{int(input()):,}")')
  write survey "survey tally" "Export of $rows rows, $size MiB: timestamp, 12 five-point grid items, two segments, problems and proposals with commas, quotes and line breaks (bench/gen_data.py).

| what | time, s | peak memory, MiB | ratio to the floor |
|---|---|---|---|
| bare csv-crate record count (floor) | $fs | $fm | 1.00× |
| \`tochki survey tally --format json\` (checks, 12 items, levels, intervals) | $ts | $tm | $(ratio "$ts" "$fs")× |
${was}${peers%$'\n'}

Target: faster than both peers, within 2× the floor, peak memory under 50 MB whatever the number of rows."
}

for section in "${sections[@]}"; do "bench_$section"; done
