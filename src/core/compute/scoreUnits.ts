/**
 * Step 1 of compute: every unit's score on every indicator, its dimension scores and its
 * total, full precision and rounded (RULEBOOK §2).
 */
import { round2 } from '../numbers';
import { formulaOf, scoreColumn, scoreOf, type Extremes, type ValueColumn } from '../score';
import type { Indicator, IndicatorScore, UnitRow } from '../types';

export interface ScoredUnits {
  /** Dimension names in indicator-table order (first appearance). */
  dimensions: string[];
  /** For each indicator (by position), the index of its dimension in `dimensions`. */
  dimensionOf: Int32Array;
  /**
   * One unit's IndicatorScore objects (by input position), plain data built on each call
   * (scores recomputed, the same numbers): only 计算明细 reads them, and 100,000 units × 40
   * indicators would otherwise keep 4 million objects alive. Cost: O(indicators) per call.
   */
  scoresOf(unit: number): IndicatorScore[];
  /** Per unit: sum of full-precision indicator scores. */
  totalExact: Float64Array;
  /** Per unit: `round2(totalExact)`. */
  total: Float64Array;
  /** Unit-major `[unit * dimensions.length + d]`: full-precision dimension scores. */
  dimensionExact: Float64Array;
  /** Same layout: `round2` of `dimensionExact`. */
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
 * (undefined for the other indicators; nulls when no unit has a value), in one pass over
 * the units: a unit's values sit together in memory, one indicator's across units do not.
 * Cost: O(units × relative indicators).
 * @example relativeExtremes(indicators, units)[6] // => { max: 100, min: 0 }
 */
export function relativeExtremes(indicators: Indicator[], units: UnitRow[]): (Extremes | undefined)[] {
  const relative: number[] = [];
  for (let i = 0; i < indicators.length; i++) if (indicators[i].method === 'relative') relative.push(i);
  const max = new Float64Array(relative.length);
  const min = new Float64Array(relative.length);
  const seen = new Uint8Array(relative.length);
  for (let u = 0; u < units.length && relative.length > 0; u++) {
    const values = units[u].values;
    for (let r = 0; r < relative.length; r++) {
      const entry = values[relative[r]];
      if (!entry) continue;
      const value = entry.value;
      if (value === null) continue;
      if (seen[r] === 0) {
        seen[r] = 1;
        max[r] = value;
        min[r] = value;
        continue;
      }
      if (value > max[r]) max[r] = value;
      if (value < min[r]) min[r] = value;
    }
  }
  const extremes: (Extremes | undefined)[] = new Array(indicators.length).fill(undefined);
  relative.forEach((i, r) => {
    extremes[i] = seen[r] === 1 ? { max: max[r], min: min[r] } : { max: null, min: null };
  });
  return extremes;
}

/** Units scored per block: the block's values and scores fit in a small reused scratch. */
const BLOCK = 1024;

/**
 * Scores every unit on every indicator. Trusts a validated input (one value per
 * indicator; a missing one scores 0). Works by blocks of units: the block's values are
 * copied into a typed scratch (the one pass over the input's objects, with the 相对
 * extremes' pass before it), then each indicator's column is scored in one tight loop
 * (`scoreColumn`), then each unit's sums are taken in indicator order (so the
 * floating-point results are those of a plain per-unit loop). Cost: O(units × indicators), no allocation per unit. Never throws.
 * @example scoreUnits(indicators, units).total[0] // => 91.25
 */
export function scoreUnits(indicators: Indicator[], units: UnitRow[]): ScoredUnits {
  const { dimensions, dimensionOf } = dimensionsOf(indicators);
  const extremes = relativeExtremes(indicators, units);
  const dimensionCount = dimensions.length;
  const indicatorCount = indicators.length;
  const unitCount = units.length;
  const totalExact = new Float64Array(unitCount);
  const total = new Float64Array(unitCount);
  const dimensionExact = new Float64Array(unitCount * dimensionCount);
  const dimensionRounded = new Float64Array(unitCount * dimensionCount);

  // Scratch, indicator-major: [i * BLOCK + k] for the k-th unit of the block.
  const blockValues = new Float64Array(indicatorCount * BLOCK);
  const blockPresent = new Uint8Array(indicatorCount * BLOCK);
  const blockScores = new Float64Array(indicatorCount * BLOCK);

  for (let start = 0; start < unitCount; start += BLOCK) {
    const size = Math.min(BLOCK, unitCount - start);
    for (let k = 0; k < size; k++) {
      const values = units[start + k].values;
      for (let i = 0; i < indicatorCount; i++) {
        const entry = values[i];
        const at = i * BLOCK + k;
        if (entry && entry.value !== null) {
          blockValues[at] = entry.value;
          blockPresent[at] = 1;
        } else {
          blockPresent[at] = 0;
        }
      }
    }
    for (let i = 0; i < indicatorCount; i++) {
      const from = i * BLOCK;
      const column: ValueColumn = { values: blockValues.subarray(from, from + size), present: blockPresent.subarray(from, from + size) };
      scoreColumn(indicators[i], column, blockScores.subarray(from, from + size), extremes[i]);
    }
    for (let k = 0; k < size; k++) {
      const u = start + k;
      const base = u * dimensionCount;
      let sum = 0;
      for (let i = 0; i < indicatorCount; i++) {
        const score = blockScores[i * BLOCK + k];
        sum += score;
        dimensionExact[base + dimensionOf[i]] += score;
      }
      totalExact[u] = sum;
      total[u] = round2(sum);
      for (let d = 0; d < dimensionCount; d++) dimensionRounded[base + d] = round2(dimensionExact[base + d]);
    }
  }

  const scoresOf = (u: number): IndicatorScore[] => {
    const values = units[u].values;
    const out: IndicatorScore[] = new Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) {
      const indicator = indicators[i];
      const entry = values[i];
      const value = entry ? entry.value : null;
      const score = scoreOf(indicator, value, extremes[i]);
      out[i] = {
        indicatorId: indicator.id,
        value,
        display: entry ? entry.display : '',
        cell: entry ? entry.cell : '',
        score,
        rounded: round2(score),
        formula: formulaOf(indicator, value, score, extremes[i]),
      };
    }
    return out;
  };
  return { dimensions, dimensionOf, scoresOf, totalExact, total, dimensionExact, dimensionRounded };
}
