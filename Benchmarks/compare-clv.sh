#!/usr/bin/env bash
# Side-by-side CLV benchmark on the full CDNOW file (23,570 customers): lifetimes 0.11.3 and
# `precision clv`, the same summary (calibration to 1997-09-30, holdout to 1998-06-30, weeks of
# 7 days = lifetimes' freq='D', freq_multiplier=7), in the same run.
#
#   Benchmarks/compare-clv.sh [CDNOW_CSV]     (default: /tmp/peers-data/cdnow.csv)
#
# Needs /tmp/peers-venv-lifetimes (../shared/peers/setup.sh). Prints lifetimes' load, summary
# and fit times (best of 3), the whole `precision clv` process (best of 5: read, snapshot,
# summary, fit, P(alive), 39-week expectations, holdout table, JSON for every customer), the
# ratio, and both fits' parameters.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
INPUT="${1:-/tmp/peers-data/cdnow.csv}"
cd "$ROOT"
swift build -c release --product precision >/dev/null
BIN="$(swift build -c release --show-bin-path)"

peer=$(/tmp/peers-venv-lifetimes/bin/python "$HERE/peers/bgnbd_cdnow_daily.py" "$INPUT" --repeat 3)
best=999
for _ in 1 2 3 4 5; do
  t=$( { /usr/bin/time -f '%e' "$BIN/precision" clv --input "$INPUT" --calibration-end 1997-09-30 \
        --holdout-end 1998-06-30 --unit week --format json > /tmp/precision-clv.json; } 2>&1 | tail -n 1 )
  best=$(python3 -c "print(min($best, $t))")
done
python3 - "$peer" "$best" <<'PY'
import json, sys
peer = json.loads(sys.argv[1]); ours = float(sys.argv[2])
mine = json.load(open("/tmp/precision-clv.json"))
params = {k: v["value"] for k, v in mine["purchase_model"]["parameters"].items()}
print(f"lifetimes 0.11.3: load {peer['load_s']:.3f} s + summary {peer['summary_s']:.3f} s + fit {peer['fit_s']:.3f} s = {peer['total_s']:.3f} s")
print(f"precision clv (whole process): {ours:.3f} s  ->  {peer['total_s'] / ours:.1f}x faster (fit alone in lifetimes: {peer['fit_s'] / ours:.1f}x)")
for k in ("r", "alpha", "a", "b"):
    print(f"  {k:5s} lifetimes {peer['params'][k]:.6f}  precision {params[k]:.6f}  rel. diff {abs(params[k] / peer['params'][k] - 1):.1e}")
print(f"  holdout MAE lifetimes {peer['mae']:.6f} precision {mine['holdout']['mae']:.6f}")
PY
