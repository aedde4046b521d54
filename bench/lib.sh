# Shared by the scripts in bench/: `source bench/lib.sh` after setting $data (a folder for the
# timing file).

# best_of_3 CMD...: "seconds MiB" of the fastest of three runs, by /usr/bin/time. A command that
# exits with an error (a refusal is what some benchmarks measure) is timed all the same.
best_of_3() {
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -o "$data/time.txt" -f '%e %M' "$@" >/dev/null 2>&1 || true
    local out
    # /usr/bin/time -o also notes a refusal's exit status: the figures are its last line.
    out=$(tail -1 "$data/time.txt")
    if [ -z "$best" ] || awk -v a="${out%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best=$out
    fi
  done
  awk -v s="${best%% *}" -v k="${best##* }" 'BEGIN{printf "%.2f %.0f", s, k/1024}'
}

# cells CMD...: the same as two Markdown table cells, "| seconds | MiB |".
cells() {
  local result
  result=$(best_of_3 "$@")
  printf '| %s | %s |' "${result%% *}" "${result##* }"
}
