/**
 * 稳健性分析 (issue 13 §1): how firm each grade is when the indicators' points — which the
 * measures never fixed — are a little different. Each run multiplies every indicator's
 * points by its own factor drawn uniformly from [1 − p, 1 + p] (seeded, so runs repeat),
 * re-scores every unit through the scores' re-weightable form (weights.ts), and ranks and
 * grades by the rules of the real rank and grade functions: vetoes, 突出问题, quotas,
 * tie-breaks, tie mode, 排名方式 and 分类排名 exactly as in the computation. A what-if, not a
 * rule of the measures.
 *
 * Fast (issue 13 Must 7): the scores are read once per eight runs (scoreColumns), and each run
 * is ranked by a counting sort of its totals in whole hundredths, equal totals ordered on
 * the first tie-break scores summed alongside (runRank.ts, proven equal to rankUnits +
 * gradeUnits in its tests); the rare run that does not suit it goes through
 * perturbedScores and the real functions. Results are those of the plain per-run loop, bit
 * for bit (test/core/analysis/robustness.test.ts compares with one written from the rules).
 */
import { round2 as sharedRound2 } from '../numbers';
import type { AssessmentInput, AssessmentResult, Msg } from '../types';
import { rankAndGrade, rankContext, type RankContext } from './context';
import { ROBUSTNESS_SEED, seededRandom } from './prng';
import { gradeCode, hundredthsOf, runRanker, type TieScores } from './runRank';
import { weightForms, type WeightForms } from './weights';

// Form.Linear / Form.Deduction as literals: an imported object read in the hot loop is a
// getter call per score under CommonJS output.
const LINEAR = 0;
const DEDUCTION = 1;
// Imported functions bound once, for the same reason.
const round2 = sharedRound2;
const keyOf = hundredthsOf;

/**
 * Most units × indicators × runs one analysis may take; runs are cut to fit (unchanged by
 * the fast path, so a field gets the same runs, and the same figures, as before).
 */
export const ROBUSTNESS_BUDGET = 250_000_000;
/** Fewer runs than this say nothing: the analysis is skipped instead. */
export const MIN_RUNS = 50;

export interface UnitRobustness {
  /** Share of runs in which the unit kept its grade, 0–1. */
  stability: number;
  /** Best (lowest number) and worst rank reached over the runs. */
  ranks: [number, number];
}

export interface Robustness {
  /** By result position. */
  units: UnitRobustness[];
  runs: number;
  spread: number;
  seed: number;
  /** Set when runs were cut or the analysis skipped (too large). */
  note: Msg | null;
}

/**
 * Runs how many of the asked runs fit the budget (0: skip). Cost: O(1).
 * @example runsWithinBudget(1000, 5000, 40) // => 1000
 */
export function runsWithinBudget(runs: number, units: number, indicators: number): number {
  const perRun = Math.max(1, units * Math.max(1, indicators));
  const fit = Math.floor(ROBUSTNESS_BUDGET / perRun);
  if (fit >= runs) return runs;
  return fit >= MIN_RUNS ? fit : 0;
}

/** One re-weighted score (see weights.ts). */
function scoreAt(form: number, stored: number, factor: number, scaled: number): number {
  if (form === LINEAR) return factor * stored;
  const score = form === DEDUCTION ? scaled - stored : stored;
  return score < 0 ? 0 : score > scaled ? scaled : score;
}

/**
 * One run's rounded totals under `factors`, and the rounded dimension scores of the units
 * whose rounded total equals another unit's — the only ones the ranking reads (tie-breaks);
 * the other units' entries of `dims` are left as they were. Cost: O(units × indicators)
 * plus O(tied units × indicators). Writes `total` and `dims` (length units × dimensions).
 */
export function perturbedScores(w: WeightForms, factors: Float64Array, dimensionCount: number, total: Float64Array, dims: Float64Array, exact: Float64Array): void {
  const I = w.indicators;
  const { stored, form, points, dimensionOf } = w;
  const n = total.length;
  const scaled = new Float64Array(I);
  for (let i = 0; i < I; i++) scaled[i] = factors[i] * points[i];
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < n; k++) {
    const base = k * I;
    let sum = 0;
    for (let i = 0; i < I; i++) sum += scoreAt(form[i], stored[base + i], factors[i], scaled[i]);
    const rounded = round2(sum);
    total[k] = rounded;
    if (rounded < low) low = rounded;
    if (rounded > high) high = rounded;
  }
  // Units sharing a rounded total: counted by hundredths when the span is small, else all.
  const span = Math.round((high - low) * 100) + 1;
  const counts = span > 0 && span <= 4 * n + 1024 ? new Int32Array(span) : null;
  if (counts) for (let k = 0; k < n; k++) counts[Math.round((total[k] - low) * 100)]++;
  for (let k = 0; k < n; k++) {
    if (counts && counts[Math.round((total[k] - low) * 100)] < 2) continue;
    const base = k * I;
    exact.fill(0);
    for (let i = 0; i < I; i++) exact[dimensionOf[i]] += scoreAt(form[i], stored[base + i], factors[i], scaled[i]);
    const at = k * dimensionCount;
    for (let d = 0; d < dimensionCount; d++) dims[at + d] = round2(exact[d]);
  }
}

/**
 * Runs scored together: each stored score is read once for all of them, and one unit's
 * eight sums fill one 64-byte cache line (4 lanes read every score twice as often and
 * measured about 1.5× slower).
 */
const LANES = 8;

/** `Settled.kind` codes: a clamped score whose form is the same in every run. */
const AFFINE_0 = 0;
const AFFINE_1 = 1;
/** A clamped score that may land inside or outside [0, f·P] depending on the run. */
const UNSETTLED = 2;

/**
 * The clamped scores (扣分, 加分) that take the same branch of the clamp in every run,
 * given that every factor lies in [1 − spread, 1 + spread]: most stored numbers are far
 * from the points P, so `clamp(f·P − c, 0, f·P)` is `f·P − c` for every f (c ≤ (1 − p)·P),
 * or 0 (c ≥ (1 + p)·P), and `clamp(b, 0, f·P)` is b or f·P. Such a score is `a · f·P + c`
 * with `kind` a ∈ {0, 1} and `value` c, exactly: 1 · S + (−c) is S − c, 0 · S + c is c,
 * 1 · S + 0 is S, 0 · S + 0 is 0 — the very numbers the clamp returns, with no branch to
 * mispredict (the clamp's branches, taken at random across units, cost most of the
 * scoring before). Linear scores keep their stored number; `UNSETTLED` ones keep theirs
 * and go through the clamp. A margin of 1e-9 of P keeps rounding of f and f·P out of it.
 *
 * Indicator-major (`[i * units + k]`), the order scoreColumns reads them in.
 * Cost: O(units × indicators), one Float64Array and one Uint8Array of that size.
 */
interface Settled {
  kind: Uint8Array;
  /** c for a settled score; the stored number for a linear or UNSETTLED one. */
  value: Float64Array;
}

function settle(w: WeightForms, n: number, spread: number): Settled {
  const I = w.indicators;
  const { form, points } = w;
  const value = new Float64Array(n * I);
  for (let i = 0; i < I; i++) for (let k = 0; k < n; k++) value[i * n + k] = w.stored[k * I + i];
  const kind = new Uint8Array(n * I).fill(UNSETTLED);
  const sure = spread >= 0 && spread < 1;
  for (let i = 0; i < I; i++) {
    const P = points[i];
    if (form[i] === LINEAR || !sure || !(P > 0)) continue;
    const low = (1 - spread) * P * (1 - 1e-9);
    const high = (1 + spread) * P * (1 + 1e-9);
    for (let at = i * n; at < (i + 1) * n; at++) {
      const c = value[at];
      if (form[i] === DEDUCTION) {
        if (c >= 0 && c <= low) set(at, AFFINE_1, -c); // f·P − c
        else if (c >= high) set(at, AFFINE_0, 0); // 0 (c may be Infinity: missing)
        else if (c < 0) set(at, AFFINE_1, 0); // f·P
      } else if (c >= 0 && c <= low) set(at, AFFINE_0, c); // c
      else if (c >= high) set(at, AFFINE_1, 0); // f·P
      else if (c < 0) set(at, AFFINE_0, 0); // 0
    }
  }
  function set(at: number, a: number, c: number): void {
    kind[at] = a;
    value[at] = c;
  }
  return { kind, value };
}

/**
 * For `LANES` runs at once, every unit's score summed over the indicators of `list` (in
 * the list's order, which is indicator order, as `perturbedScores` adds them, so every sum
 * is the same number), unrounded, interleaved by lane (`sums[k * LANES + lane]`: one
 * cache line per unit). `factor` and `scaled` are indicator-major by lane
 * (`[i * LANES + lane]`; scaled = factor × points). With `prefixSums`, the sums over
 * list[0 … prefix − 1] are copied there on the way (the same numbers a pass over that list
 * alone gives).
 *
 * Indicator by indicator, each a plain loop over the units with that indicator's eight
 * factors in registers and no branch on its form inside: scoring took about a fifth less
 * time than unit by unit with the sums in registers, which branched on every score's form
 * (profiled side by side in one process, 2026-12-02).
 * Cost: O(units × list length).
 */
function scoreColumns(w: WeightForms, settled: Settled, list: Int32Array, factor: Float64Array, scaled: Float64Array, n: number, sums: Float64Array, prefix = 0, prefixSums: Float64Array | null = null): void {
  const { form } = w;
  const { kind, value } = settled;
  sums.fill(0);
  for (let j = 0; j < list.length; j++) {
    if (j === prefix && prefixSums !== null) prefixSums.set(sums);
    const i = list[j];
    const o = i * LANES;
    const f = form[i];
    if (f === LINEAR) linearColumn(value, i * n, n, factor, o, sums);
    else clampedColumn(kind, value, i * n, n, scaled, o, f === DEDUCTION ? 1 : 0, sums);
  }
}

/** sums += factor × stored, for one linear indicator's column. */
function linearColumn(stored: Float64Array, col: number, n: number, factor: Float64Array, o: number, sums: Float64Array): void {
  const f0 = factor[o];
  const f1 = factor[o + 1];
  const f2 = factor[o + 2];
  const f3 = factor[o + 3];
  const f4 = factor[o + 4];
  const f5 = factor[o + 5];
  const f6 = factor[o + 6];
  const f7 = factor[o + 7];
  for (let k = 0; k < n; k++) {
    const v = stored[col + k];
    const b = k * LANES;
    sums[b] += f0 * v;
    sums[b + 1] += f1 * v;
    sums[b + 2] += f2 * v;
    sums[b + 3] += f3 * v;
    sums[b + 4] += f4 * v;
    sums[b + 5] += f5 * v;
    sums[b + 6] += f6 * v;
    sums[b + 7] += f7 * v;
  }
}

/**
 * sums += one clamped indicator's scores: a settled one as a · f·P + c, an UNSETTLED one
 * through the clamp (a column with none takes the first branch every time, predicted).
 */
function clampedColumn(kind: Uint8Array, value: Float64Array, col: number, n: number, scaled: Float64Array, o: number, d: number, sums: Float64Array): void {
  const p0 = scaled[o];
  const p1 = scaled[o + 1];
  const p2 = scaled[o + 2];
  const p3 = scaled[o + 3];
  const p4 = scaled[o + 4];
  const p5 = scaled[o + 5];
  const p6 = scaled[o + 6];
  const p7 = scaled[o + 7];
  for (let k = 0; k < n; k++) {
    const a = kind[col + k];
    const b = k * LANES;
    if (a !== UNSETTLED) {
      const c = value[col + k];
      sums[b] += a * p0 + c;
      sums[b + 1] += a * p1 + c;
      sums[b + 2] += a * p2 + c;
      sums[b + 3] += a * p3 + c;
      sums[b + 4] += a * p4 + c;
      sums[b + 5] += a * p5 + c;
      sums[b + 6] += a * p6 + c;
      sums[b + 7] += a * p7 + c;
      continue;
    }
    const v = value[col + k];
    const e = d === 1 ? -v : v;
    // clamp(d · f·P ± v, 0, f·P): d · S + e is S − v or v, exactly.
    sums[b] += clamp(d * p0 + e, p0);
    sums[b + 1] += clamp(d * p1 + e, p1);
    sums[b + 2] += clamp(d * p2 + e, p2);
    sums[b + 3] += clamp(d * p3 + e, p3);
    sums[b + 4] += clamp(d * p4 + e, p4);
    sums[b + 5] += clamp(d * p5 + e, p5);
    sums[b + 6] += clamp(d * p6 + e, p6);
    sums[b + 7] += clamp(d * p7 + e, p7);
  }
}

/**
 * Lane-interleaved sums (scoreColumns) as whole hundredths, lane-major
 * (`keys[lane * n + k]`, what the ranker reads). Cost: O(length).
 */
function toHundredths(sums: Float64Array, keys: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const b = k * LANES;
    for (let lane = 0; lane < LANES; lane++) keys[lane * n + k] = keyOf(sums[b + lane]);
  }
}

/** scoreAt's clamp to [0, scaled]. */
function clamp(score: number, scaled: number): number {
  return score < 0 ? 0 : score > scaled ? scaled : score;
}

/**
 * Classes of units whose stored row is bit for bit the same (equal scores in every run):
 * the first such unit's index, or -1 for a row of its own. Cost: O(units × indicators).
 */
function rowClasses(w: WeightForms, n: number): Int32Array {
  const I = w.indicators;
  const bits = new Int32Array(w.stored.buffer, w.stored.byteOffset, 2 * n * I);
  const classes = new Int32Array(n).fill(-1);
  const seen = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    let hash = 0x811c9dc5;
    for (let j = 2 * k * I; j < 2 * (k + 1) * I; j++) hash = Math.imul(hash ^ bits[j], 0x01000193);
    const same = seen.get(hash);
    if (!same) {
      seen.set(hash, [k]);
      continue;
    }
    const twin = same.find((other) => {
      for (let j = 0; j < 2 * I; j++) if (bits[2 * k * I + j] !== bits[2 * other * I + j]) return false;
      return true;
    });
    if (twin === undefined) same.push(k);
    else classes[k] = classes[twin] = twin;
  }
  return classes;
}

/**
 * A run's tie-break scores in whole hundredths (they order and equal as the rounded scores
 * do), for the run ranker: level 0 from scoreColumns' sums over that level's indicators
 * (`leadKeys`), deeper levels summed from the stored scores of that level's indicators in
 * indicator order, as perturbedScores sums them.
 */
class LaneTies implements TieScores {
  /** The lane (run of the block) being ranked. */
  lane = 0;

  constructor(
    private readonly w: WeightForms,
    /** Each tie-break level's indicators, in indicator order. */
    private readonly levelIndicators: Int32Array[],
    private readonly factor: Float64Array,
    private readonly scaled: Float64Array,
    private readonly leadKeys: Float64Array,
    private readonly n: number,
  ) {}

  value(unit: number, at: number): number {
    const lane = this.lane;
    if (at === 0) return this.leadKeys[lane * this.n + unit];
    const { stored, form } = this.w;
    const { factor, scaled } = this;
    const list = this.levelIndicators[at];
    const base = unit * this.w.indicators;
    let sum = 0;
    for (let j = 0; j < list.length; j++) {
      const i = list[j];
      const o = i * LANES + lane;
      const v = stored[base + i];
      sum += form[i] === LINEAR ? factor[o] * v : clamp(form[i] === DEDUCTION ? scaled[o] - v : v, scaled[o]);
    }
    return keyOf(sum);
  }
}

/**
 * The robustness of every unit's grade. Runs are scored `LANES` at a time (scoreColumns) and
 * ranked and graded by runRanker (the rules of rankUnits and gradeUnits on whole hundredths);
 * a run whose totals do not suit it (non-finite, or too wide for a counting sort) goes
 * through perturbedScores and the real rank and grade functions instead.
 * Cost: O(runs × units × indicators) plus O(runs × (units + span of the totals in
 * hundredths)), runs cut to ROBUSTNESS_BUDGET. Deterministic (fixed seed). Never throws.
 * @example robustness(input, result).units[0] // => { stability: 0.873, ranks: [1, 3] }
 */
export function robustness(input: AssessmentInput, result: AssessmentResult, ctx: RankContext = rankContext(result)): Robustness {
  const { spread, runs: asked } = result.params.robustness;
  const n = result.units.length;
  const I = result.indicators.length;
  const runs = runsWithinBudget(asked, n, I);
  const units: UnitRobustness[] = result.units.map((u) => ({ stability: 1, ranks: [u.rank, u.rank] }));
  if (runs === 0) {
    return { units, runs: 0, spread, seed: ROBUSTNESS_SEED, note: { code: 'analysis.robustness.skipped', params: { units: n, indicators: I } } };
  }
  const w = weightForms(input, result);
  const settled = settle(w, n, spread);
  const { points, dimensionOf } = w;
  const params = result.params;
  const D = result.dimensions.length;
  const tieDims = params.tieBreak.map((name) => result.dimensions.indexOf(name)).filter((d) => d >= 0);
  const typeIds = new Map<string, number>();
  const typeId = new Int32Array(n);
  if (params.rankByType) {
    ctx.types.forEach((type, k) => {
      if (!typeIds.has(type)) typeIds.set(type, typeIds.size);
      typeId[k] = typeIds.get(type)!;
    });
  }
  const ranker = runRanker({
    typeId,
    typeCount: Math.max(1, typeIds.size),
    mayBeGood: Uint8Array.from(ctx.mayBeGood, Number),
    prominent: Uint8Array.from(ctx.prominent, Number),
    rowClass: rowClasses(w, n),
    tieLevels: tieDims.length,
    goodQuota: params.goodQuota,
    averageQuota: params.averageQuota,
    tieMode: params.tieMode,
    rankStyle: params.rankStyle,
    baseGrade: Uint8Array.from(ctx.grades, gradeCode),
  });

  const next = seededRandom(ROBUSTNESS_SEED);
  const factor = new Float64Array(I * LANES);
  const scaled = new Float64Array(I * LANES);
  const keys = new Float64Array(n * LANES);
  const sums = new Float64Array(n * LANES);
  const laneKeys = Array.from({ length: LANES }, (_, lane) => keys.subarray(lane * n, (lane + 1) * n));
  const all = Int32Array.from({ length: I }, (_, i) => i);
  // Each tie-break level's indicators, in indicator order (the order perturbedScores sums them in).
  const levelIndicators = tieDims.map((d) => all.filter((i) => dimensionOf[i] === d));
  const leadKeys = new Float64Array(n * LANES);
  const leadSums = new Float64Array(tieDims.length > 0 ? n * LANES : 0);
  // When the first tie-break's indicators are the first indicators (measures list them by
  // dimension, in order), the total's pass has their sums on the way, exactly: it keeps
  // them instead of a pass of their own. 0: they are not, a pass of their own.
  const lead = levelIndicators[0];
  const leadPrefix = lead !== undefined && lead.length > 0 && lead.length < I && lead.every((i, j) => i === j) ? lead.length : 0;
  const laneLeads = Array.from({ length: LANES }, (_, lane) => (tieDims.length > 0 ? leadKeys.subarray(lane * n, (lane + 1) * n) : undefined));
  const ties = new LaneTies(w, levelIndicators, factor, scaled, leadKeys, n);
  // The reference path's scratch, made on first use.
  let reference: { factors: Float64Array; total: Float64Array; dims: Float64Array; exact: Float64Array; grade: Uint8Array } | null = null;
  for (let first = 0; first < runs; first += LANES) {
    const live = Math.min(LANES, runs - first);
    for (let r = 0; r < LANES; r++) {
      for (let i = 0; i < I; i++) {
        const f = r < live ? 1 - spread + 2 * spread * next() : 1;
        factor[i * LANES + r] = f;
        scaled[i * LANES + r] = f * points[i];
      }
    }
    scoreColumns(w, settled, all, factor, scaled, n, sums, leadPrefix, leadPrefix > 0 ? leadSums : null);
    toHundredths(sums, keys, n);
    if (tieDims.length > 0) {
      if (leadPrefix === 0) scoreColumns(w, settled, levelIndicators[0], factor, scaled, n, leadSums);
      toHundredths(leadSums, leadKeys, n);
    }
    for (let lane = 0; lane < live; lane++) {
      ties.lane = lane;
      if (ranker.run(laneKeys[lane], ties, laneLeads[lane])) continue;
      reference ??= { factors: new Float64Array(I), total: new Float64Array(n), dims: new Float64Array(n * D), exact: new Float64Array(D), grade: new Uint8Array(n) };
      for (let i = 0; i < I; i++) reference.factors[i] = factor[i * LANES + lane];
      perturbedScores(w, reference.factors, D, reference.total, reference.dims, reference.exact);
      const outcome = rankAndGrade(ctx, { ...ctx, dimensionRounded: reference.dims }, reference.total);
      for (let k = 0; k < n; k++) reference.grade[k] = gradeCode(outcome.grades[k]);
      ranker.add(outcome.ranking.rank, reference.grade);
    }
  }
  const { best, worst, missed } = ranker.tally;
  for (let k = 0; k < n; k++) units[k] = { stability: (runs - missed[k]) / runs, ranks: [best[k], worst[k]] };
  const note: Msg | null = runs < asked ? { code: 'analysis.robustness.cut', params: { asked, runs } } : null;
  return { units, runs, spread, seed: ROBUSTNESS_SEED, note };
}
