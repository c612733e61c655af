#!/usr/bin/env bash
# Side-by-side benchmark of association rules and item-item CF: the reference tools
# (efficient-apriori 2.0.6, mlxtend 0.25.0, implicit 0.7.3 in ../shared/peers) and the whole
# `precision rules` / `precision recommend` processes, on the same file, in the same run.
#
#   Benchmarks/compare-recommendation.sh [FILE] [--no-mlxtend]   (default: /tmp/peers-data/tx_1m.csv)
#
# For each peer: its load_s + compute_s and its process's wall time and peak memory; for the
# library: the whole process (CSV file to output, JSON to /dev/null), best of 3, and its peak
# memory; then the ratio of the peer's load + compute to the library's whole process.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PEERS="${PEERS:-$ROOT/../shared/peers}"
PY=/tmp/peers-venv/bin/python
FILE="${1:-/tmp/peers-data/tx_1m.csv}"
MLXTEND=1
[ "${2:-}" = "--no-mlxtend" ] && MLXTEND=0

cd "$ROOT"
swift build -c release --product precision >/dev/null
BIN="$(swift build -c release --show-bin-path)"

best_of_3() {  # best_of_3 CMD...: prints "wall_s peak_MiB" of the fastest of 3 runs (stdout discarded)
  local best="" out
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -n 1 )
    if [ -z "$best" ] || awk -v a="$out" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then best="$out"; fi
  done
  awk '{ printf "%.3f %.0f", $1, $2 / 1024 }' <<< "$best"
}

peer() {  # peer SCRIPT ARGS...: prints "load+compute_s wall_s peak_MiB"
  local line json
  line=$( { /usr/bin/time -f 'TIME %e %M' "$PY" "$PEERS/$1" --input "$FILE" "${@:2}"; } 2>&1 )
  json=$(grep '^{' <<< "$line" | tail -n 1)
  python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print("%.3f" % (d["load_s"] + d["compute_s"]), end=" ")' "$json"
  grep '^TIME' <<< "$line" | awk '{ printf "%.3f %.0f\n", $2, $3 / 1024 }'
}

echo "== $(basename "$FILE")"
for support in 0.001 0.005; do
  lib=$(best_of_3 "$BIN/precision" rules --input "$FILE" --min-support "$support" --format json)
  ea=$(peer apriori_efficient.py --min-support "$support")
  echo "rules at $support: precision $(cut -d' ' -f1 <<< "$lib") s, $(cut -d' ' -f2 <<< "$lib") MiB |" \
       "efficient-apriori load+compute $(cut -d' ' -f1 <<< "$ea") s (process $(cut -d' ' -f2 <<< "$ea") s, $(cut -d' ' -f3 <<< "$ea") MiB)" \
       "| ratio $(awk -v p="$(cut -d' ' -f1 <<< "$ea")" -v l="$(cut -d' ' -f1 <<< "$lib")" 'BEGIN { printf "%.1f", p / l }')x"
  if [ "$MLXTEND" = 1 ]; then
    mx=$(peer fpgrowth_mlxtend.py --min-support "$support")
    echo "  mlxtend load+compute $(cut -d' ' -f1 <<< "$mx") s (process $(cut -d' ' -f2 <<< "$mx") s, $(cut -d' ' -f3 <<< "$mx") MiB)"
  fi
done
lib=$(best_of_3 "$BIN/precision" recommend --input "$FILE" --format json)
im=$(peer itemitem_implicit.py)
echo "item-item CF, all customers: precision $(cut -d' ' -f1 <<< "$lib") s, $(cut -d' ' -f2 <<< "$lib") MiB |" \
     "implicit load+compute $(cut -d' ' -f1 <<< "$im") s (process $(cut -d' ' -f2 <<< "$im") s, $(cut -d' ' -f3 <<< "$im") MiB)" \
     "| ratio $(awk -v p="$(cut -d' ' -f1 <<< "$im")" -v l="$(cut -d' ' -f1 <<< "$lib")" 'BEGIN { printf "%.1f", p / l }')x"
