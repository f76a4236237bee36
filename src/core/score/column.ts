/**
 * One indicator's scores for a whole column of values at once — the same numbers as
 * `scoreOf` value by value, computed in one tight loop per method so that the kernel is
 * inlined and no number is boxed (100,000 units × 40 indicators would otherwise allocate
 * millions of heap numbers).
 */
import type { Indicator } from '../types';
import { bonusScore } from './bonus';
import { deductionScore } from './deduction';
import { directScore } from './direct';
import { passScore } from './pass';
import { rangeScore } from './range';
import { ratioScore } from './ratio';
import { relativeScore, type Extremes } from './relative';

/** A column of values: `values[i]` counts only where `present[i]` is 1 (0: missing, scores 0). */
export interface ValueColumn {
  values: Float64Array;
  present: Uint8Array;
}

/**
 * Writes `scoreOf(indicator, value, extremes)` of every value in `column` to `out` (same
 * positions; `out.length ≥ column.values.length`). Cost: O(values). Never throws.
 * @example scoreColumn(ratioIndicator, { values: Float64Array.of(0.95, 0), present: Uint8Array.of(1, 0) }, out) // out => [19, 0]
 */
export function scoreColumn(indicator: Indicator, column: ValueColumn, out: Float64Array, extremes: Extremes = { max: null, min: null }): void {
  const { values, present } = column;
  const n = values.length;
  const points = indicator.points;
  const direction = indicator.direction;
  const target = indicator.target ?? 1;
  const perItem = indicator.perItem ?? 1;
  switch (indicator.method) {
    case 'ratio':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? ratioScore(values[i], points, target, direction) : 0;
      return;
    case 'range': {
      const floor = indicator.floor ?? 0;
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? rangeScore(values[i], points, target, floor, direction) : 0;
      return;
    }
    case 'pass': {
      const passTarget = indicator.target;
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? passScore(values[i], points, passTarget, direction) : 0;
      return;
    }
    case 'deduction':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? deductionScore(values[i], points, perItem) : 0;
      return;
    case 'bonus':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? bonusScore(values[i], points, perItem) : 0;
      return;
    case 'direct':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? directScore(values[i], points) : 0;
      return;
    case 'relative':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? relativeScore(values[i], points, extremes, direction) : 0;
      return;
  }
}

/**
 * Max and min of the present values of a column (null when none is present).
 * Cost: O(values). Never throws.
 * @example columnExtremes({ values: Float64Array.of(3, 9, 6), present: Uint8Array.of(1, 0, 1) }) // => { max: 6, min: 3 }
 */
export function columnExtremes(column: ValueColumn): Extremes {
  const { values, present } = column;
  let max = -Infinity;
  let min = Infinity;
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    if (present[i] !== 1) continue;
    const value = values[i];
    if (!seen) {
      seen = true;
      max = value;
      min = value;
      continue;
    }
    if (value > max) max = value;
    if (value < min) min = value;
  }
  return seen ? { max, min } : { max: null, min: null };
}
