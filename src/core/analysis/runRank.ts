/**
 * The ranks and grades of one robustness run, fast: the same outcome as `rankUnits` then
 * `gradeUnits` (compute/rank.ts, compute/grade.ts) — vetoes, 突出问题, quotas, tie-breaks
 * by dimension, 并列就高/就低, 分类排名, competition or dense ranks, 否决单位可评好 — but
 * without a comparison sort, names or notes. It rests on two facts:
 *
 * 1. ranks and grades depend only on the rank groups (units equal on type, rounded total
 *    and every tie-break dimension) and their order, never on the order inside a group
 *    (that is where `rankUnits` uses names);
 * 2. rounded totals are whole numbers of hundredths, so one counting sort of those
 *    integers orders the units; tie-break dimensions are read (lazily, one at a time,
 *    through a callback) only inside groups of equal totals — or, when the caller has
 *    every unit's first tie-break score at hand, straight from those, and the callback only
 *    from the second tie-break on.
 *
 * Scratch arrays are allocated once per ranker and reused by every run.
 * Proven equal to rankUnits + gradeUnits in test/core/analysis/runRank.test.ts.
 */
import { round2 } from '../numbers';
import type { Grade, RankStyle, TieMode } from '../types';
import { GRADE_ORDER } from './context';

/** Grade codes: positions in GRADE_ORDER (好 0, 较好 1, 一般 2, 较差 3). */
const GOOD = 0;
const FAIR = 1;
const AVERAGE = 2;
const POOR = 3;
/** Not graded yet (gradeGroup's null). */
const NONE = 255;

/**
 * The grade code of a grade: its position in GRADE_ORDER. Cost: O(1).
 * @example gradeCode('一般') // => 2
 */
export function gradeCode(grade: Grade): number {
  return GRADE_ORDER.indexOf(grade);
}

/**
 * `round2(x)` as a whole number of hundredths (`Math.round(round2(x) * 100)`), with
 * round2's own fast path inlined for totals in [0, 1e5); NaN for a non-finite x.
 * Cost: O(1).
 * @example hundredthsOf(1.005) // => 101
 * @example hundredthsOf(0.1 + 0.2) // => 30
 */
export function hundredthsOf(x: number): number {
  if (x > 0 && x < 1e5) {
    const hundredths = x * 100;
    const fraction = hundredths - Math.floor(hundredths);
    // round2's test, on the same numbers: far from a half, the product decides: the
    // nearest whole number (floor of h + 0.5, exact that far from a half; no branch on the
    // fraction to mispredict, and Math.round measured slower).
    if (Math.abs(fraction - 0.5) > 1e-6) return Math.floor(hundredths + 0.5);
  }
  const rounded = round2(x);
  return Number.isFinite(rounded) ? Math.round(rounded * 100) : NaN;
}

/** What stays the same over the runs. All arrays by unit (result position). */
export interface RunUnits {
  /** Type group of each unit, 0 … typeCount − 1 (all 0 without 分类排名); any numbering. */
  typeId: Int32Array;
  typeCount: number;
  /** May be graded 好 (eligible, or 否决单位可评好). */
  mayBeGood: Uint8Array;
  /** Has a 突出问题: always 较差. */
  prominent: Uint8Array;
  /**
   * Units with bit-identical indicator data share a class (their scores are equal in every
   * run, so they never need a tie-break read); -1 for a unit alone.
   */
  rowClass: Int32Array;
  /** How many tie-break dimensions the callback answers for (levels 0 … tieLevels − 1). */
  tieLevels: number;
  goodQuota: number;
  averageQuota: number;
  tieMode: TieMode;
  rankStyle: RankStyle;
  /** The computed grade codes, which every run's grades are counted against. */
  baseGrade: Uint8Array;
}

/** What the runs so far add up to, by unit. */
export interface RunTally {
  /** Best (lowest) rank; 2^30 before any run. */
  best: Int32Array;
  /** Worst (highest) rank; 0 before any run. */
  worst: Int32Array;
  /** Runs in which the grade differed from `baseGrade`. */
  missed: Int32Array;
}

/**
 * Where the ranker reads tie-break scores: `value(unit, level)` is the score of `unit` on
 * tie-break level `level` (the level-th tie-break dimension) in the current run, rounded —
 * or any number that orders and equals as the rounded score does (its whole hundredths,
 * `hundredthsOf`). An object with a method, so that every analysis calls the same function
 * (a new closure per analysis would throw away the optimised code of the ranker).
 */
export interface TieScores {
  value(unit: number, level: number): number;
}

export interface RunRanker {
  tally: RunTally;
  /**
   * Ranks and grades one run and adds it to the tally. `keys` are the units' rounded totals
   * in hundredths (`hundredthsOf`). Returns false, adding nothing, when a key is NaN or the
   * keys span too many hundredths for a counting sort (the caller then ranks the run with
   * rankUnits and gradeUnits, and adds it with `add`).
   * `leadKeys`, when given, are every unit's level-0 tie-break scores in the form `ties`
   * answers them (whole hundredths): equal totals are then ordered on them directly, and
   * `ties` is read only from level 1 on, inside groups equal on both — the same outcome
   * (equal totals are common at thousands of units; a callback per tied unit cost more).
   * Returns false, too, when one of them is NaN.
   * Cost: O(units + span of the keys) plus the tie-break reads inside groups of equal keys.
   */
  run(keys: Float64Array, ties: TieScores, leadKeys?: Float64Array): boolean;
  /** Adds a run ranked elsewhere: ranks and grade codes by unit. Cost: O(units). */
  add(rank: Int32Array, grade: Uint8Array): void;
  /** The grade code of `unit` in the last run that `run` ranked. Cost: O(1). */
  gradeOf(unit: number): number;
}

/** Most buckets a counting sort may use, beyond 8 per unit. */
const BUCKETS_FLOOR = 1 << 16;
/**
 * Largest group of equal totals ordered by counting, pair by pair, how many members have a
 * higher lead score (m² branch-free steps); larger groups are sorted.
 */
const PAIRWISE_LIMIT = 16;
/** Lead scores are counted pair by pair as 32-bit integers only when they span less than this. */
const PAIRWISE_SPAN = 2 ** 30;

/**
 * A ranker for `units`. Cost: O(units) memory, allocated once.
 * @example const ranker = runRanker(units); ranker.run(Float64Array.of(9050, 9100), ties); ranker.tally.best // => [2, 1]
 */
export function runRanker(units: RunUnits): RunRanker {
  return new Ranker(units);
}

/** The ranker: methods on a class (shared by every analysis), scratch arrays on the instance. */
class Ranker implements RunRanker {
  readonly tally: RunTally;
  private readonly n: number;
  private readonly units: RunUnits;
  /** Units not graded 较好 in the computation, and those with a 突出问题: the only ones whose grade can differ from it without a run grading them. */
  private readonly special: Int32Array;
  private readonly dense: boolean;
  private readonly boundaryGood: number;
  private readonly boundaryAverage: boolean;
  private readonly bucketLimit: number;
  /**
   * The counting sort's buckets, as many as any run may use, made once: growing them on
   * demand put a branch in `run` that optimised code had no feedback for, and V8
   * deoptimised `run` over and over (robustness took 1.5× as long in those processes).
   */
  private readonly counts: Int32Array;
  private readonly bucketOf: Int32Array;
  private readonly order: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly groupEnd: Int32Array;
  private readonly typeEnd: Int32Array;
  private readonly level: Float64Array;
  private readonly touched: Int32Array;
  /** splitDistinct's scratch: one group's units, their lead scores as offsets, how many score higher. */
  private readonly groupUnits = new Int32Array(PAIRWISE_LIMIT);
  private readonly groupLeads = new Int32Array(PAIRWISE_LIMIT);
  private readonly groupAbove = new Int32Array(PAIRWISE_LIMIT);
  /**
   * Grades persist between runs: 较差 for 突出问题 (as in every run), NONE elsewhere; the
   * units a run grades are listed in `touched` and reset at the start of the next run.
   */
  private readonly graded: Uint8Array;
  private touchedCount = 0;

  constructor(units: RunUnits) {
    const n = units.typeId.length;
    this.n = n;
    this.units = units;
    this.tally = { best: new Int32Array(n).fill(2 ** 30), worst: new Int32Array(n), missed: new Int32Array(n) };
    const { baseGrade, prominent } = units;
    this.special = Int32Array.from(Array.from(baseGrade.keys()).filter((u) => baseGrade[u] !== FAIR || prominent[u]));
    this.dense = units.rankStyle === 'dense';
    this.boundaryGood = units.tieMode === 'high' ? GOOD : FAIR;
    this.boundaryAverage = units.tieMode === 'low';
    this.bucketLimit = Math.max(BUCKETS_FLOOR, 8 * n);
    this.counts = new Int32Array(this.bucketLimit + 1);
    this.bucketOf = new Int32Array(n);
    this.order = new Int32Array(n);
    this.groupStart = new Int32Array(n);
    this.groupEnd = new Int32Array(n);
    this.typeEnd = new Int32Array(n);
    this.level = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.graded = new Uint8Array(n);
    for (let u = 0; u < n; u++) this.graded[u] = prominent[u] ? POOR : NONE;
  }

  private sameClass(start: number, end: number): boolean {
    const { rowClass } = this.units;
    const order = this.order;
    const c = rowClass[order[start]];
    if (c < 0) return false;
    for (let p = start + 1; p < end; p++) if (rowClass[order[p]] !== c) return false;
    return true;
  }

  private markGroup(start: number, end: number): void {
    const { groupStart, groupEnd } = this;
    for (let p = start; p < end; p++) {
      groupStart[p] = start;
      groupEnd[p] = end;
    }
  }

  /** Sorts order positions [start, end) by `key` (by unit), highest first, stably: insertion sort for the usual small group. */
  private sortDescending(start: number, end: number, key: Float64Array): void {
    const order = this.order;
    if (end - start > 32) {
      order.subarray(start, end).sort((a, b) => (key[a] < key[b] ? 1 : key[a] > key[b] ? -1 : 0));
      return;
    }
    for (let p = start + 1; p < end; p++) {
      const u = order[p];
      const value = key[u];
      let q = p - 1;
      while (q >= start && key[order[q]] < value) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = u;
    }
  }

  /**
   * Orders positions [start, end) by `key` (highest first) and splits them where it
   * changes: a unit alone is a group, equal ones are refined from tie level `next`.
   */
  private splitBy(start: number, end: number, key: Float64Array, next: number, ties: TieScores): void {
    const order = this.order;
    this.sortDescending(start, end, key);
    let p = start;
    while (p < end) {
      const value = key[order[p]];
      let q = p + 1;
      while (q < end && key[order[q]] === value) q++;
      if (q - p === 1) this.markGroup(p, q);
      else this.refine(p, q, next, ties);
      p = q;
    }
  }

  /**
   * Orders positions [start, end) (equal type and total; at most PAIRWISE_LIMIT of them)
   * by `lead` as splitBy does, when their lead scores all differ: each member goes to the
   * position given by how many have a higher score, counted without a branch
   * (`(v − x) >>> 31` is 1 exactly when x > v, the offsets being below 2^30), and is a
   * group of its own. Returns false, changing nothing, when two scores are equal (the sum
   * of those counts is then below m(m − 1)/2: each equal pair is counted by neither).
   * Cost: O(m²).
   */
  private splitDistinct(start: number, end: number, lead: Float64Array, low: number): boolean {
    const { order, groupUnits, groupLeads, groupAbove, groupStart, groupEnd } = this;
    const m = end - start;
    for (let p = 0; p < m; p++) {
      const u = order[start + p];
      groupUnits[p] = u;
      groupLeads[p] = (lead[u] - low) | 0;
    }
    let pairs = 0;
    for (let p = 0; p < m; p++) {
      const v = groupLeads[p];
      let above = 0;
      for (let q = 0; q < m; q++) above += (v - groupLeads[q]) >>> 31;
      groupAbove[p] = above;
      pairs += above;
    }
    if (pairs !== (m * (m - 1)) / 2) return false;
    for (let p = 0; p < m; p++) {
      const at = start + groupAbove[p];
      order[at] = groupUnits[p];
      groupStart[at] = at;
      groupEnd[at] = at + 1;
    }
    return true;
  }

  /** Splits order positions [start, end) (equal type and total) by the tie levels from `at`. */
  private refine(start: number, end: number, at: number, ties: TieScores): void {
    if (at >= this.units.tieLevels || this.sameClass(start, end)) {
      this.markGroup(start, end);
      return;
    }
    const { order, level } = this;
    for (let p = start; p < end; p++) level[order[p]] = ties.value(order[p], at);
    this.splitBy(start, end, level, at + 1, ties);
  }

  private grade(u: number, code: number): void {
    this.graded[u] = code;
    this.touched[this.touchedCount++] = u;
  }

  /** gradeGroup of compute/grade.ts on order positions [start, end). */
  private gradeType(start: number, end: number): void {
    const { order, groupStart, groupEnd, graded } = this;
    const { mayBeGood, goodQuota, averageQuota } = this.units;
    let good = 0;
    for (let p = start; p < end && good < goodQuota; p = groupEnd[p]) {
      const stop = groupEnd[p];
      let eligible = 0;
      for (let q = p; q < stop; q++) if (graded[order[q]] === NONE && mayBeGood[order[q]]) eligible++;
      const fits = eligible <= goodQuota - good;
      const code = fits ? GOOD : this.boundaryGood;
      if (eligible > 0) for (let q = p; q < stop; q++) if (graded[order[q]] === NONE && mayBeGood[order[q]]) this.grade(order[q], code);
      good = fits ? good + eligible : goodQuota;
    }
    let average = 0;
    for (let p = end - 1; p >= start && average < averageQuota; p = groupStart[p] - 1) {
      const first = groupStart[p];
      let ungraded = 0;
      for (let q = first; q <= p; q++) if (graded[order[q]] === NONE) ungraded++;
      const fits = ungraded <= averageQuota - average;
      if (ungraded > 0 && (fits || this.boundaryAverage)) for (let q = first; q <= p; q++) if (graded[order[q]] === NONE) this.grade(order[q], AVERAGE);
      average = fits ? average + ungraded : averageQuota;
    }
  }

  run(keys: Float64Array, ties: TieScores, leadKeys?: Float64Array): boolean {
    const n = this.n;
    if (n === 0) return true;
    const { typeId, typeCount, prominent, baseGrade } = this.units;
    const { bucketOf, order, groupStart, groupEnd, typeEnd, graded, touched, special } = this;
    const { best, worst, missed } = this.tally;
    let low = Infinity;
    let high = -Infinity;
    for (let u = 0; u < n; u++) {
      const key = keys[u];
      if (key !== key) return false;
      if (key < low) low = key;
      if (key > high) high = key;
    }
    if (typeCount * (high - low + 1) > this.bucketLimit) return false;
    const lead = this.units.tieLevels > 0 ? leadKeys : undefined;
    let leadLow = Infinity;
    let leadHigh = -Infinity;
    if (lead !== undefined) {
      for (let u = 0; u < n; u++) {
        const key = lead[u];
        if (key !== key) return false;
        if (key < leadLow) leadLow = key;
        if (key > leadHigh) leadHigh = key;
      }
    }
    const pairwise = lead !== undefined && leadHigh - leadLow < PAIRWISE_SPAN;
    // Small integers from here on (typed-array indices must not be doubles to stay fast).
    const top = high | 0;
    const span = (top - low + 1) | 0;
    const buckets = typeCount * span;
    const counts = this.counts;
    counts.fill(0, 0, buckets + 1);
    // Counting sort: type ascending, then total descending (stable: unit order within a bucket).
    for (let u = 0; u < n; u++) {
      const bucket = (typeId[u] * span + (top - keys[u])) | 0;
      bucketOf[u] = bucket;
      counts[bucket + 1]++;
    }
    for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
    for (let u = 0; u < n; u++) order[counts[bucketOf[u]]++] = u;

    // Rank groups, type groups and ranks (into the tally), bucket by bucket: after the
    // scatter, counts[b] is where bucket b ends, and type t holds buckets t·span … (t+1)·span − 1
    // (no unit's data is read to find where a group or a type ends).
    const dense = this.dense;
    let types = 0;
    let start = 0;
    for (let t = 0; t < typeCount; t++) {
      const typeStart = start;
      let groups = 0;
      const last = (t + 1) * span;
      for (let b = t * span; b < last; b++) {
        const end = counts[b];
        if (end === start) continue;
        if (end - start === 1) {
          // A unit alone: its group and rank at once.
          groupStart[start] = start;
          groupEnd[start] = end;
          groups++;
          const r = dense ? groups : start - typeStart + 1;
          const u = order[start];
          if (r < best[u]) best[u] = r;
          if (r > worst[u]) worst[u] = r;
          start = end;
          continue;
        }
        if (lead !== undefined) {
          // Equal totals: level 0 as given, the callback from level 1.
          if (!(pairwise && end - start <= PAIRWISE_LIMIT && this.splitDistinct(start, end, lead, leadLow))) this.splitBy(start, end, lead, 1, ties);
        } else this.refine(start, end, 0, ties);
        for (let g = start; g < end; g = groupEnd[g]) {
          groups++;
          const r = dense ? groups : g - typeStart + 1;
          for (let q = g; q < groupEnd[g]; q++) {
            const u = order[q];
            if (r < best[u]) best[u] = r;
            if (r > worst[u]) worst[u] = r;
          }
        }
        start = end;
      }
      if (start > typeStart) typeEnd[types++] = start;
    }

    for (let t = 0; t < this.touchedCount; t++) graded[touched[t]] = NONE;
    this.touchedCount = 0;
    let from = 0;
    for (let t = 0; t < types; t++) {
      this.gradeType(from, typeEnd[t]);
      from = typeEnd[t];
    }
    // Grades against the computation: a unit the run graded, or a special one; every other
    // unit ends 较好 as it was.
    for (let t = 0; t < this.touchedCount; t++) if (graded[touched[t]] !== baseGrade[touched[t]]) missed[touched[t]]++;
    for (let s = 0; s < special.length; s++) {
      const u = special[s];
      if (graded[u] !== NONE && !prominent[u]) continue; // graded by the run: counted above
      if ((graded[u] === NONE ? FAIR : graded[u]) !== baseGrade[u]) missed[u]++;
    }
    return true;
  }

  add(rank: Int32Array, grade: Uint8Array): void {
    const { best, worst, missed } = this.tally;
    const baseGrade = this.units.baseGrade;
    for (let u = 0; u < this.n; u++) {
      if (rank[u] < best[u]) best[u] = rank[u];
      if (rank[u] > worst[u]) worst[u] = rank[u];
      if (grade[u] !== baseGrade[u]) missed[u]++;
    }
  }

  gradeOf(unit: number): number {
    return this.graded[unit] === NONE ? FAIR : this.graded[unit];
  }
}
