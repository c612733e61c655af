#!/usr/bin/env bash
# Side-by-side RFM benchmark: the reference tools (pandas, polars, DuckDB) and this library,
# on the same files, in the same run, on this machine.
#
#   Benchmarks/compare.sh [FILE ...]     (default: /tmp/peers-data/tx_100k.csv and tx_1m.csv)
#
# Needs the peers' environments (../shared/peers/setup.sh) and data (../shared/peers/run_all.sh
# or gen_transactions.py). Reports for each file:
#   peer load_s + compute_s, and the peer process's wall time and peak memory;
#   precision-benchmarks: read, snapshot, rfm and library time (CSV bytes in memory to RFM);
#   the whole `precision rfm --format json > /dev/null` process: wall time and peak memory (best of 3).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
PEERS="${PEERS:-$ROOT/../shared/peers}"
PY=/tmp/peers-venv/bin/python
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || FILES=(/tmp/peers-data/tx_100k.csv /tmp/peers-data/tx_1m.csv)

cd "$ROOT"
swift build -c release --product precision >/dev/null
swift build -c release --product precision-benchmarks >/dev/null
BIN="$(swift build -c release --show-bin-path)"

measure() {  # measure CMD...: prints "wall_s peak_MiB" of the command (stdout discarded)
  local out
  out=$( { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -n 1 )
  awk '{ printf "%.3f %.0f", $1, $2 / 1024 }' <<< "$out"
}

for f in "${FILES[@]}"; do
  echo "== $(basename "$f")"
  if [ -x "$PY" ]; then
    for peer in rfm_polars rfm_duckdb rfm_pandas; do
      line=$( { /usr/bin/time -f 'TIME %e %M' "$PY" "$PEERS/$peer.py" --input "$f"; } 2>&1 )
      json=$(grep '^{' <<< "$line" | tail -n 1)
      t=$(grep '^TIME' <<< "$line" | awk '{ printf "wall=%.3fs peak=%.0fMiB", $2, $3 / 1024 }')
      python3 - "$json" <<'PY' || echo -n "  $peer (no result)"
import json, sys
d = json.loads(sys.argv[1]); r = d["result"]
print(f"  {d['peer']:16} load={d['load_s']:.3f}s compute={d['compute_s']:.3f}s "
      f"load+compute={d['load_s'] + d['compute_s']:.3f}s  555={r['score_555']} 111={r['score_111']}", end="")
PY
      echo "  process: $t"
    done
  else
    echo "  (peers not set up: $PEERS/setup.sh)"
  fi
  "$BIN/precision-benchmarks" "$f" --repeat 3 | sed 's/^/  library: /'
  best=""
  for _ in 1 2 3; do
    m=$(measure "$BIN/precision" rfm --input "$f" --format json)
    if [ -z "$best" ] || awk -v a="$m" -v b="$best" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then best="$m"; fi
  done
  echo "  precision rfm --format json process: wall=$(cut -d' ' -f1 <<< "$best")s peak=$(cut -d' ' -f2 <<< "$best")MiB (best of 3)"
done
