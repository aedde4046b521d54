#!/usr/bin/env bash
# Hostile sizes for the registry reader: builds release, generates the inputs into target/,
# times `tochki check` (best of 3, /usr/bin/time) and writes the figures into
# docs/benchmarks.md between <!-- bench:hostile-registry --> and <!-- /bench:hostile-registry -->.
#
#   bench/hostile_registry.sh            # 200,000 processes, 50,000 levels
#   PROCESSES=20000 bench/hostile_registry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PROCESSES=${PROCESSES:-200000}
DEPTH=${DEPTH:-50000}
TARGET=${CARGO_TARGET_DIR:-target}
DATA="$TARGET/hostile-registry"
LOCK=${TOCHKI_BUILD_LOCK:-/tmp/tochki-build.lock}

flock "$LOCK" cargo build --release --bin tochki --quiet
BIN="$TARGET/release/tochki"
python3 bench/gen_hostile_registry.py "$DATA" "$PROCESSES" "$DEPTH"

# best FILE...: "seconds KiB" of the fastest of three runs of `tochki check FILE`.
best() {
    local best_s="" best_k=""
    for _ in 1 2 3; do
        local line
        # check exits 1 on findings: that is the point here, not a failure of the bench.
        /usr/bin/time -f '%e s %M KiB' -o "$DATA/time.txt" "$BIN" check --format json "$1" >/dev/null 2>&1 || true
        line=$(tail -1 "$DATA/time.txt")
        local s k
        s=$(echo "$line" | awk '{print $1}')
        k=$(echo "$line" | awk '{print $3}')
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_k=$k; fi
    done
    echo "$best_s $best_k"
}
findings() { { "$BIN" check --format json "$1" 2>/dev/null || true; } | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))'; }

read -r clean_s clean_k < <(best "$DATA/clean_processes.yaml")
read -r hostile_s hostile_k < <(best "$DATA/hostile_processes.yaml")
read -r deep_s deep_k < <(best "$DATA/hostile_deep.yaml")
hostile_n=$(findings "$DATA/hostile_processes.yaml")
deep_n=$(findings "$DATA/hostile_deep.yaml")
mib() { awk "BEGIN{printf \"%.0f\", $1/1024}"; }
size() { awk "BEGIN{printf \"%.1f\", $(stat -c %s "$1")/1048576}"; }
ratio=$(awk "BEGIN{printf \"%.2f\", $hostile_s/$clean_s}")

section=$(cat <<TABLE
Measured on $(uname -m) ($(nproc) cores), best of 3 runs of \`tochki check --format json\`.

| input | size, MiB | findings | time, s | peak memory, MiB | ratio |
|---|---|---|---|---|---|
| clean registry: $PROCESSES processes, one touchpoint each | $(size "$DATA/clean_processes.yaml") | 0 | $clean_s | $(mib "$clean_k") | 1.00× |
| the same with one finding in every process | $(size "$DATA/hostile_processes.yaml") | $hostile_n | $hostile_s | $(mib "$hostile_k") | ${ratio}× |
| $DEPTH levels of flow nesting (\`[[[…]]]\`) | $(size "$DATA/hostile_deep.yaml") | $deep_n | $deep_s | $(mib "$deep_k") | — |

Target: the hostile registry within 2× of the clean one; the deep file under 1 s with one finding.
TABLE
)
python3 bench/write_section.py hostile-registry "Враждебные размеры: перечень" "$section"
echo "$section"
