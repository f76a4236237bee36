/**
 * 稳健性分析 (issue 13 §1): how firm each grade is when the indicators' points — which the
 * measures never fixed — are a little different. Each run multiplies every indicator's
 * points by its own factor drawn uniformly from [1 − p, 1 + p] (seeded, so runs repeat),
 * re-scores every unit through the scores' re-weightable form (weights.ts), and ranks and
 * grades with the real rank and grade functions: vetoes, 突出问题, quotas, tie-breaks, tie
 * mode and 分类排名 exactly as in the computation. A what-if, not a rule of the measures.
 */
import { round2 as sharedRound2 } from '../numbers';
import type { AssessmentInput, AssessmentResult, Msg } from '../types';
import { rankAndGrade, rankContext, type RankContext } from './context';
import { ROBUSTNESS_SEED, seededRandom } from './prng';
import { weightForms, type WeightForms } from './weights';

// Form.Linear / Form.Deduction as literals: an imported object read in the hot loop is a
// getter call per score under CommonJS output.
const LINEAR = 0;
// Bound once, for the same reason.
const round2 = sharedRound2;
const DEDUCTION = 1;

/** Most units × indicators × runs one analysis may take (about a second); runs are cut to fit. */
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
 * The robustness of every unit's grade. Cost: O(runs × (units × indicators + units log units)),
 * runs cut to ROBUSTNESS_BUDGET. Deterministic (fixed seed). Never throws.
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
  const D = result.dimensions.length;
  const next = seededRandom(ROBUSTNESS_SEED);
  const factors = new Float64Array(I);
  const total = new Float64Array(n);
  const dims = new Float64Array(n * D);
  const exact = new Float64Array(D);
  const kept = new Int32Array(n);
  const best = new Int32Array(n).fill(2 ** 30);
  const worst = new Int32Array(n);
  const subset = { ...ctx, dimensionRounded: dims };
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < I; i++) factors[i] = 1 - spread + 2 * spread * next();
    perturbedScores(w, factors, D, total, dims, exact);
    const { ranking, grades } = rankAndGrade(ctx, subset, total);
    for (let k = 0; k < n; k++) {
      if (grades[k] === ctx.grades[k]) kept[k]++;
      const r = ranking.rank[k];
      if (r < best[k]) best[k] = r;
      if (r > worst[k]) worst[k] = r;
    }
  }
  for (let k = 0; k < n; k++) units[k] = { stability: kept[k] / runs, ranks: [best[k], worst[k]] };
  const note: Msg | null = runs < asked ? { code: 'analysis.robustness.cut', params: { asked, runs } } : null;
  return { units, runs, spread, seed: ROBUSTNESS_SEED, note };
}
