#!/usr/bin/env python3
"""BG/NBD with lifetimes 0.11.3 on the full CDNOW file, summarised as DESIGN.md's
`precision clv` defines it: calibration_and_holdout_data(freq='D', freq_multiplier=7),
calibration to 1997-09-30, holdout to 1998-06-30 (weeks of 7 days, not calendar weeks).

Run with the lifetimes venv made by ../shared/peers/setup.sh:
  /tmp/peers-venv-lifetimes/bin/python Benchmarks/peers/bgnbd_cdnow_daily.py /tmp/peers-data/cdnow.csv
Prints one JSON line: the timings (load, summary, fit; best of --repeat), the fitted
parameters, the log-likelihood, and the holdout table by calibration frequency (0..6, 7+)
with lifetimes' conditional expected purchases over the 39-week holdout.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter
from lifetimes.utils import calibration_and_holdout_data


def run(path):
    t0 = time.perf_counter()
    tx = pd.read_csv(path, dtype={"customer_id": str}, usecols=["customer_id", "date"])
    t1 = time.perf_counter()
    summary = calibration_and_holdout_data(
        tx, "customer_id", "date", calibration_period_end="1997-09-30",
        observation_period_end="1998-06-30", freq="D", freq_multiplier=7)
    t2 = time.perf_counter()
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(summary["frequency_cal"], summary["recency_cal"], summary["T_cal"])
    t3 = time.perf_counter()
    return summary, bgf, (t1 - t0, t2 - t1, t3 - t2)


def total_log_likelihood(bgf, summary):
    """The total log-likelihood over customers (lifetimes' objective is a mean)."""
    p = np.log([bgf.params_[k] for k in ("r", "alpha", "a", "b")])
    f = summary["frequency_cal"].to_numpy().astype(int)
    return float(-BetaGeoFitter._negative_log_likelihood(
        p, f, summary["recency_cal"].to_numpy(float), summary["T_cal"].to_numpy(float), np.ones_like(f), 0.0) * len(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    best = None
    for _ in range(args.repeat):
        summary, bgf, times = run(args.input)
        best = times if best is None or sum(times) < sum(best) else best
    duration = float(summary["duration_holdout"].iloc[0])
    predicted = bgf.conditional_expected_number_of_purchases_up_to_time(
        duration, summary["frequency_cal"], summary["recency_cal"], summary["T_cal"])
    bucket = summary["frequency_cal"].clip(upper=7).astype(int)
    table = []
    for k in range(8):
        mask = bucket == k
        table.append({"frequency": k, "customers": int(mask.sum()),
                      "actual": float(summary["frequency_holdout"][mask].mean()),
                      "predicted": float(predicted[mask].mean())})
    error = predicted - summary["frequency_holdout"]
    print(json.dumps({
        "tool": "lifetimes-0.11.3", "task": "bgnbd_cdnow_daily", "customers": len(summary),
        "load_s": round(best[0], 4), "summary_s": round(best[1], 4), "fit_s": round(best[2], 4),
        "total_s": round(sum(best), 4),
        "params": {k: float(v) for k, v in bgf.params_.items()},
        "log_likelihood": total_log_likelihood(bgf, summary),
        "holdout_duration": duration,
        "holdout_actual_total": float(summary["frequency_holdout"].sum()),
        "holdout_predicted_total": float(predicted.sum()),
        "mae": float(np.abs(error).mean()), "rmse": float(np.sqrt((error ** 2).mean())),
        "table": table,
    }))


if __name__ == "__main__":
    main()
