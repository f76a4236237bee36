/**
 * Step 1 of compute: every unit's score on every indicator, its dimension scores and its
 * total, full precision and rounded (RULEBOOK §2).
 */
import { formulaOf, scoreColumn, scoreOf, type Extremes, type ValueColumn } from '../score';
import type { Indicator, IndicatorScore, UnitRow } from '../types';
import { round2 } from './round';

export interface ScoredUnits {
  /** Dimension names in indicator-table order (first appearance). */
  dimensions: string[];
  /** For each indicator (by position), the index of its dimension in `dimensions`. */
  dimensionOf: Int32Array;
  /**
   * One unit's IndicatorScore objects (by input position), built on demand (scores
   * recomputed, the same numbers): only 计算明细 reads them, and 100,000 units × 40
   * indicators would otherwise keep 4 million objects (or a 32 MB array) alive.
   * Cost: O(indicators) per call.
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
 * Max and min of one indicator's values over all units, missing values excluded
 * (for 相对). Cost: O(units).
 * @example extremesOf(units, 2) // => { max: 6, min: 3 }
 */
export function extremesOf(units: UnitRow[], indicatorIndex: number): Extremes {
  let max: number | null = null;
  let min: number | null = null;
  for (let u = 0; u < units.length; u++) {
    const entry = units[u].values[indicatorIndex];
    if (!entry) continue;
    const value = entry.value;
    if (value === null) continue;
    if (max === null || value > max) max = value;
    if (min === null || value < min) min = value;
  }
  return { max, min };
}

/**
 * `extremesOf` for every 相对 indicator (undefined for the others), in one pass over the
 * units: a unit's values sit together in memory, one indicator's across units do not.
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

/** Constructor of the score objects of one indicator. */
type ScoreMaker = new (value: number | null, display: string, cell: string, score: number) => IndicatorScore;

/**
 * A class for the scores of one indicator whose `formula` is written when read, not when
 * scored: 100,000 units × 40 indicators would otherwise build 4 million strings that only
 * 计算明细 reads. `formula` is a getter on the prototype, so `JSON.stringify` gets it
 * through `toJSON`, but an object spread (`{ ...score }`) does not copy it.
 * Cost: O(1) per object; `formula` O(1) per read.
 */
function scoreMaker(indicator: Indicator, extremes: Extremes | undefined): ScoreMaker {
  const indicatorId = indicator.id;
  return class IndicatorScoreOf implements IndicatorScore {
    readonly indicatorId: number;
    readonly value: number | null;
    readonly display: string;
    readonly cell: string;
    readonly score: number;
    readonly rounded: number;
    constructor(value: number | null, display: string, cell: string, score: number) {
      this.indicatorId = indicatorId;
      this.value = value;
      this.display = display;
      this.cell = cell;
      this.score = score;
      this.rounded = round2(score);
    }
    /** How the score was made, with the actual numbers. */
    get formula(): string {
      return formulaOf(indicator, this.value, this.score, extremes);
    }
    toJSON(): IndicatorScore {
      const { value, display, cell, score, rounded, formula } = this;
      return { indicatorId, value, display, cell, score, rounded, formula };
    }
  };
}

/**
 * Sees the values of one block of units while they are scored, so that another step
 * (the vetoes) needs no pass of its own over the input's objects. `columns[i]` holds
 * indicator i's values of units `start … start + columns[i].values.length − 1`; the
 * arrays are scratch, valid only during the call.
 */
export type BlockVisitor = (start: number, columns: ValueColumn[]) => void;

/**
 * Scores every unit on every indicator. Trusts a validated input (one value per
 * indicator; a missing one scores 0). Works by blocks of units: the block's values are
 * copied into a typed scratch (the one pass over the input's objects, with the 相对
 * extremes' pass before it), then each indicator's column is scored in one tight loop
 * (`scoreColumn`), then each unit's sums are taken in indicator order (so the
 * floating-point results are those of a plain per-unit loop). `visit`, when given, sees
 * each block's values. Cost: O(units × indicators), no allocation per unit. Never throws.
 * @example scoreUnits(indicators, units).total[0] // => 91.25
 */
export function scoreUnits(indicators: Indicator[], units: UnitRow[], visit?: BlockVisitor): ScoredUnits {
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
    const columns: ValueColumn[] = new Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) {
      const from = i * BLOCK;
      columns[i] = { values: blockValues.subarray(from, from + size), present: blockPresent.subarray(from, from + size) };
      scoreColumn(indicators[i], columns[i], blockScores.subarray(from, from + size), extremes[i]);
    }
    if (visit) visit(start, columns);
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

  let makers: ScoreMaker[] | null = null;
  const scoresOf = (u: number): IndicatorScore[] => {
    makers ??= indicators.map((indicator, i) => scoreMaker(indicator, extremes[i]));
    const values = units[u].values;
    const out: IndicatorScore[] = new Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) {
      const entry = values[i];
      const score = scoreOf(indicators[i], entry ? entry.value : null, extremes[i]);
      out[i] = entry ? new makers[i](entry.value, entry.display, entry.cell, score) : new makers[i](null, '', '', score);
    }
    return out;
  };
  return { dimensions, dimensionOf, scoresOf, totalExact, total, dimensionExact, dimensionRounded };
}
