/**
 * Step 1 of compute: every unit's score on every indicator, its dimension scores and its
 * total, full precision and rounded (RULEBOOK §2).
 */
import { formulaOf, scoreOf, type Extremes } from '../score';
import type { Indicator, IndicatorScore, UnitRow } from '../types';
import { round2 } from './round';

export interface ScoredUnits {
  /** Dimension names in indicator-table order (first appearance). */
  dimensions: string[];
  /** For each indicator (by position), the index of its dimension in `dimensions`. */
  dimensionOf: Int32Array;
  /** Unit-major `[unit * indicators.length + i]`: full-precision indicator scores. */
  indicatorScores: Float64Array;
  /**
   * One unit's IndicatorScore objects (by input position), built on demand: only 计算明细
   * reads them, and 100,000 units × 40 indicators would otherwise allocate 4 million
   * objects in the hot path. Cost: O(indicators) per call.
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
 */
export function extremesOf(units: UnitRow[], indicatorIndex: number): Extremes {
  let max: number | null = null;
  let min: number | null = null;
  for (const unit of units) {
    const value = unit.values[indicatorIndex]?.value ?? null;
    if (value === null) continue;
    if (max === null || value > max) max = value;
    if (min === null || value < min) min = value;
  }
  return { max, min };
}

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
 * Scores every unit on every indicator. Trusts a validated input (one value per
 * indicator; a missing one scores 0). Cost: O(units × indicators). Never throws.
 * @example scoreUnits(indicators, units).total[0] // => 91.25
 */
export function scoreUnits(indicators: Indicator[], units: UnitRow[]): ScoredUnits {
  const { dimensions, dimensionOf } = dimensionsOf(indicators);
  const extremes: (Extremes | undefined)[] = indicators.map((indicator, i) =>
    indicator.method === 'relative' ? extremesOf(units, i) : undefined,
  );
  const makers = indicators.map((indicator, i) => scoreMaker(indicator, extremes[i]));
  const dimensionCount = dimensions.length;
  const indicatorCount = indicators.length;
  const totalExact = new Float64Array(units.length);
  const total = new Float64Array(units.length);
  const dimensionExact = new Float64Array(units.length * dimensionCount);
  const dimensionRounded = new Float64Array(units.length * dimensionCount);
  const indicatorScores = new Float64Array(units.length * indicatorCount);

  for (let u = 0; u < units.length; u++) {
    const values = units[u].values;
    const scoreBase = u * indicatorCount;
    const base = u * dimensionCount;
    let sum = 0;
    for (let i = 0; i < indicatorCount; i++) {
      const indicator = indicators[i];
      const entry = values[i];
      const value = entry ? entry.value : null;
      const score = scoreOf(indicator, value, extremes[i]);
      sum += score;
      dimensionExact[base + dimensionOf[i]] += score;
      indicatorScores[scoreBase + i] = score;
    }
    totalExact[u] = sum;
    total[u] = round2(sum);
    for (let d = 0; d < dimensionCount; d++) dimensionRounded[base + d] = round2(dimensionExact[base + d]);
  }
  const scoresOf = (u: number): IndicatorScore[] => {
    const values = units[u].values;
    const scoreBase = u * indicatorCount;
    const out: IndicatorScore[] = new Array(indicatorCount);
    for (let i = 0; i < indicatorCount; i++) {
      const entry = values[i];
      const score = indicatorScores[scoreBase + i];
      out[i] = entry ? new makers[i](entry.value, entry.display, entry.cell, score) : new makers[i](null, '', '', score);
    }
    return out;
  };
  return { dimensions, dimensionOf, indicatorScores, scoresOf, totalExact, total, dimensionExact, dimensionRounded };
}
