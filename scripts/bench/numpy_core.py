"""numpy doing Kaohe's core job, for the bench's side-by-side figure (issue 15 Must 6).

Usage: python3 numpy_core.py FOLDER

FOLDER holds what scripts/bench/numpy.ts wrote:
  job.json    indicators (method, points, target, floor, perItem, direction, vetoThreshold,
              dimension index), dimension count, tie-break dimension indices, unit count,
              quotas, tie mode, 否决单位可评好;
  values.f64  the value matrix, little-endian float64, indicator-major
              (values[i * units + u]), NaN where a value is missing.

The job, vectorised over units and timed without the loading (median of 5 runs after one
warm-up, time.perf_counter): score every indicator by the rules of src/core/score/*
(missing -> 0), sum dimension and total scores in indicator order (the order Kaohe adds
them), round to 2 decimals half away from zero as src/core/numbers.ts round2 does, rank by
rounded total then the tie-break dimensions' rounded scores (np.lexsort), competition
ranks, vetoes from 否决阈值 (src/core/compute/vetoes.ts), grades 好 / 较好 / 一般 by quota
with tied groups kept whole (src/core/compute/grade.ts).

Writes totals.f64 (rounded totals), ranks.i32 and grades.u8 (0 好, 1 较好, 2 一般) in input
order to FOLDER, and prints one JSON line: {"ms": …, "runs": [...], "numpy": "2.x"}.
Without numpy it prints {"unavailable": "numpy not available"} and exits 0.
Only the defaults the bench uses are implemented: competition ranking, no 分类排名, no
problem list; anything else is refused with {"unavailable": …}.
"""
import json
import os
import sys
import time

try:
    import numpy as np
except ImportError:  # the bench reports it as an INFO row
    print(json.dumps({"unavailable": "numpy not available"}))
    sys.exit(0)

GOOD, FAIR, AVERAGE = 0, 1, 2  # 好, 较好, 一般


def score_indicator(ind, v, present, out):
    """One indicator's scores for all units into `out` (missing -> 0), as src/core/score/*.

    Operation order follows the TypeScript kernels so the doubles are the same.
    Example: a 直接 indicator of 3 points, values [5, nan] -> out [3.0, 0.0].
    """
    method = ind["method"]
    points = float(ind["points"])
    down = ind["direction"] == "down"
    raw_target = ind["target"]
    target = 1.0 if raw_target is None else float(raw_target)
    floor = 0.0 if ind["floor"] is None else float(ind["floor"])
    per_item = 1.0 if ind["perItem"] is None else float(ind["perItem"])
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "ratio":
            if down:
                s = np.where(v == 0, points, points * np.clip(target / v, 0.0, 1.0))
            elif target <= 0:
                s = np.full_like(v, points)
            else:
                s = points * np.clip(v / target, 0.0, 1.0)
        elif method == "range":
            if target == floor:
                met = v <= target if down else v >= target
                s = np.where(met, points, 0.0)
            else:
                s = points * np.clip((v - floor) / (target - floor), 0.0, 1.0)
        elif method == "pass":
            if raw_target is None:
                met = v >= 1
            else:
                met = v <= raw_target if down else v >= raw_target
            s = np.where(met, points, 0.0)
        elif method == "deduction":
            s = np.clip(points - per_item * v, 0.0, points)
        elif method == "bonus":
            s = np.clip(per_item * v, 0.0, points)
        elif method == "direct":
            s = np.clip(v, 0.0, points)
        elif method == "relative":
            seen = v[present]
            if down:
                low = seen.min() if seen.size else np.nan
                s = np.where(v == 0, points, np.clip((points * low) / v, 0.0, points))
            else:
                high = seen.max() if seen.size else np.nan
                s = np.full_like(v, points) if high <= 0 else np.clip((points * v) / high, 0.0, points)
        else:
            raise ValueError(f"unknown method {method}")
    np.copyto(out, s)
    out[~present] = 0.0


def round2(x):
    """Half away from zero to 2 decimals as the 15-digit decimal reads (numbers.ts round2).

    Example: round2(np.array([1.005, -2.675, 0.1 + 0.2])) -> [1.01, -2.68, 0.3].
    """
    magnitude = np.abs(x)
    hundredths = magnitude * 100
    whole = np.floor(hundredths)
    fraction = hundredths - whole
    up = fraction > 0.5
    near = np.abs(fraction - 0.5) <= 1e-6
    if near.any():
        m, h, w = magnitude[near], hundredths[near], whole[near]
        difference = h - (w + 0.5)
        error = h * 2.0**-52
        tolerance = 5 * 10.0 ** (np.floor(np.log10(m)) - 13)
        near_up = difference - error > -0.9 * tolerance
        undecided = ~near_up & ~(difference + error < -1.1 * tolerance)
        for k in np.flatnonzero(undecided):  # rare: read the decimal itself
            text = f"{m[k]:#.15g}"  # as toPrecision(15): plain notation from 0.005 to 1e15
            near_up[k] = text[text.index(".") + 3] >= "5"
        up[near] = near_up
    rounded = (whole + up) / 100
    rounded = np.where(x < 0, -rounded, rounded)
    rounded[rounded == 0] = 0.0  # never -0
    return rounded


def job(spec, values):
    """The whole core job on the loaded matrix; returns (totals, ranks, grades) in input order."""
    n = spec["units"]
    indicators = spec["indicators"]
    dims = spec["dimensions"]
    total = np.zeros(n)
    dimension = np.zeros((dims, n))
    eligible = np.ones(n, dtype=bool)
    score = np.empty(n)
    for i, ind in enumerate(indicators):
        v = values[i]
        present = ~np.isnan(v)
        score_indicator(ind, v, present, score)
        total += score
        dimension[ind["dimensionIndex"]] += score
        threshold = ind["vetoThreshold"]
        if threshold is not None and ind["vetoCategory"] is not None:
            vetoed = (v > threshold) if ind["direction"] == "down" else (v < threshold)
            eligible &= ~(vetoed & present)
    total = round2(total)
    rounded_dims = [round2(dimension[d]) for d in spec["tieBreak"]]

    # lexsort: last key is primary; descending by negation; stable, so input order last.
    order = np.lexsort([-d for d in reversed(rounded_dims)] + [-total])
    sorted_keys = [total[order]] + [d[order] for d in rounded_dims]
    new_group = np.ones(n, dtype=bool)
    if n > 1:
        same = np.ones(n - 1, dtype=bool)
        for key in sorted_keys:
            same &= key[1:] == key[:-1]
        new_group[1:] = ~same
    group = np.cumsum(new_group) - 1  # group id by order position
    starts = np.flatnonzero(new_group)
    rank_sorted = (starts + 1)[group]  # competition: 1 + position of the group's first unit
    ranks = np.empty(n, dtype=np.int32)
    ranks[order] = rank_sorted

    # 好: eligible units of the first groups while the quota is not yet filled.
    high = spec["tieMode"] == "high"
    may = eligible[order] | bool(spec["vetoedMayBeGood"])
    per_group = np.bincount(group, weights=may, minlength=len(starts))
    cum_incl = np.cumsum(per_group)
    cum_before = cum_incl - per_group
    quota = spec["goodQuota"]
    good_group = (cum_before < quota) if high else (cum_incl <= quota)
    good = may & good_group[group]
    # 就低: the group the 好 boundary split is 较好 and out of the 一般 count.
    decided = good.copy()
    if not high:
        decided |= may & (cum_before < quota)[group] & ~good_group[group]
    # 一般: ungraded units of the last groups while the quota is not yet filled.
    ungraded = ~decided
    per_group_u = np.bincount(group, weights=ungraded, minlength=len(starts))
    from_end_incl = np.cumsum(per_group_u[::-1])[::-1]
    from_end_after = from_end_incl - per_group_u
    quota_a = spec["averageQuota"]
    average_group = (from_end_incl <= quota_a) if high else (from_end_after < quota_a)
    average = ungraded & average_group[group]
    grade_sorted = np.where(good, GOOD, np.where(average, AVERAGE, FAIR)).astype(np.uint8)
    grades = np.empty(n, dtype=np.uint8)
    grades[order] = grade_sorted
    return total, ranks, grades


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "job.json"), encoding="utf-8") as f:
        spec = json.load(f)
    if spec["rankByType"] or spec["rankStyle"] != "competition" or spec["problems"] > 0:
        print(json.dumps({"unavailable": "numpy side: only competition ranking without 分类排名 or problems"}))
        return
    values = np.fromfile(os.path.join(folder, "values.f64"), dtype="<f8").reshape(len(spec["indicators"]), spec["units"])
    result = job(spec, values)  # warm-up
    runs = []
    for _ in range(spec.get("runs", 5)):
        start = time.perf_counter()
        result = job(spec, values)
        runs.append((time.perf_counter() - start) * 1000)
    total, ranks, grades = result
    total.astype("<f8").tofile(os.path.join(folder, "totals.f64"))
    ranks.astype("<i4").tofile(os.path.join(folder, "ranks.i32"))
    grades.tofile(os.path.join(folder, "grades.u8"))
    print(json.dumps({"ms": float(np.median(runs)), "runs": runs, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
