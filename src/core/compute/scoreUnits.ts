/**
 * Step 1 of compute: every unit's score on every indicator, its dimension scores and its
 * total, full precision and rounded (RULEBOOK §2).
 */
import { round2 as sharedRound2 } from '../numbers';
import { formulaOf, scoreColumn, scoreOf, type Extremes } from '../score';
import type { Indicator, IndicatorScore } from '../types';
import type { ValueTable } from '../valueTable';

// Bound once (see score/column.ts): called once per unit and dimension.
const round2 = sharedRound2;

export interface ScoredUnits {
  /** Dimension names in indicator-table order (first appearance). */
  dimensions: string[];
  /**
   * One unit's IndicatorScore objects (by input position), plain data built on each call
   * (scores recomputed, the same numbers): only 计算明细 reads them, and 100,000 units × 40 indicators would
   * otherwise keep 4 million objects alive. Cost: O(indicators) per call.
   */
  scoresOf(unit: number): IndicatorScore[];
  /** Per unit: sum of full-precision indicator scores. */
  totalExact: Float64Array;
  /** Per unit: `round2(totalExact)`. */
  total: Float64Array;
  /** Unit-major `[unit * dimensions.length + d]`: the dimension scores, `round2` of their full-precision sums. */
  dimensionRounded: Float64Array;
}

/**
 * The dimensions in first-appearance order, and each indicator's dimension index.
 * Cost: O(indicators).
 * @example dimensionsOf([{ dimension: '减贫成效' }, { dimension: '精准识别' }, { dimension: '减贫成效' }])
 * // => { dimensions: ['减贫成效', '精准识别'], dimensionOf: Int32Array [0, 1, 0] }
 */
export function dimensionsOf(indicators: Pick<Indicator, 'dimension'>[]): { dimensions: string[]; dimensionOf: Int32Array } {
  const index = new Map<string, number>();
  const dimensionOf = new Int32Array(indicators.length);
  indicators.forEach((indicator, i) => {
    let d = index.get(indicator.dimension);
    if (d === undefined) {
      d = index.size;
      index.set(indicator.dimension, d);
    }
    dimensionOf[i] = d;
  });
  return { dimensions: [...index.keys()], dimensionOf };
}

/**
 * The max and min of every 相对 indicator's values over all units, missing values excluded
 * (undefined for the other indicators; nulls when no unit has a value), one pass over each
 * 相对 column. Cost: O(units × relative indicators).
 * @example relativeExtremes(indicators, values)[6] // => { max: 100, min: 0 }
 */
export function relativeExtremes(indicators: Indicator[], values: ValueTable): (Extremes | undefined)[] {
  return indicators.map((indicator, i) => {
    if (indicator.method !== 'relative') return undefined;
    const column = values.column(i);
    let max = -Infinity;
    let min = Infinity;
    for (let u = 0; u < column.length; u++) {
      const v = column[u];
      if (v > max) max = v; // NaN (none) compares false both ways
      if (v < min) min = v;
    }
    return max === -Infinity ? { max: null, min: null } : { max, min };
  });
}

/**
 * Scores every unit on every indicator. Trusts a validated input (a missing value scores
 * 0). Each indicator's column is scored in one tight loop (`scoreColumn`), then the sums are
 * taken column after column in indicator order, so each unit's floating-point sums are
 * those of a plain per-unit loop. Cost: O(units × indicators) time, O(units × dimensions)
 * memory. Never throws.
 * @example scoreUnits(indicators, values).total[0] // => 91.25
 */
export function scoreUnits(indicators: Indicator[], values: ValueTable): ScoredUnits {
  const { dimensions, dimensionOf } = dimensionsOf(indicators);
  const extremes = relativeExtremes(indicators, values);
  const dimensionCount = dimensions.length;
  const indicatorCount = indicators.length;
  const unitCount = values.units;
  // One column of scores at a time: keeping all of them (32 MB at 100,000 × 40) made the
  // collector run during every computation; 计算明细 recomputes a unit's on demand.
  const column = new Float64Array(unitCount);
  const totalExact = new Float64Array(unitCount);
  const total = new Float64Array(unitCount);
  // The dimension sums are taken in the array that then holds them rounded (unit-major):
  // a dimension-major array of their own, transposed after, was a second large allocation
  // per computation, and first writes to fresh memory cost more than the strided adds.
  const dimensionRounded = new Float64Array(unitCount * dimensionCount);

  for (let i = 0; i < indicatorCount; i++) {
    scoreColumn(indicators[i], values.column(i), column, extremes[i]);
    addColumn(column, totalExact, dimensionRounded, dimensionCount, dimensionOf[i]);
  }
  roundAll(totalExact, total);
  roundAll(dimensionRounded, dimensionRounded);

  const scoresOf = (u: number): IndicatorScore[] => {
    const out: IndicatorScore[] = new Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) {
      const indicator = indicators[i];
      const value = values.get(u, i);
      const score = scoreOf(indicator, value, extremes[i]);
      out[i] = {
        indicatorId: indicator.id,
        value,
        display: values.display(u, i),
        cell: values.cell(u, i),
        score,
        rounded: round2(score),
        formula: formulaOf(indicator, value, score, extremes[i]),
      };
    }
    return out;
  };
  return { dimensions, scoresOf, totalExact, total, dimensionRounded };
}

// The loops of scoreUnits as small functions of their own: V8 compiles each with its own
// type feedback (one long function was deoptimised at each loop it had not yet run).

/** Adds one indicator's scores to the totals and to dimension `d`'s sums (unit-major, `D` per unit). */
function addColumn(column: Float64Array, total: Float64Array, dimensions: Float64Array, D: number, d: number): void {
  for (let u = 0; u < column.length; u++) {
    const score = column[u];
    total[u] += score;
    dimensions[u * D + d] += score;
  }
}

/** `out[k] = round2(exact[k])` for every k (in place when they are the same array). */
function roundAll(exact: Float64Array, out: Float64Array): void {
  for (let k = 0; k < exact.length; k++) out[k] = round2(exact[k]);
}
