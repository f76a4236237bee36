/**
 * The one scoring dispatcher: one indicator's scores for a whole column of values at once,
 * in one tight loop per method so that the kernel is inlined and no number is boxed
 * (100,000 units × 40 indicators would otherwise allocate millions of heap numbers).
 * `scoreOf` (one value) runs through it too.
 */
import type { Indicator } from '../types';
import { bonusScore } from './bonus';
import { deductionScore } from './deduction';
import { directScore } from './direct';
import { passScore } from './pass';
import { rangeScore } from './range';
import { ratioScore } from './ratio';
import { relativeScore, type Extremes } from './relative';

/**
 * An indicator's kernel parameters with the defaults of an empty cell: 目标值 1 (100% for a
 * rate, a yes for yes/no), 下限 0, 每项分值 1. The reader requires a target where it
 * matters; the defaults keep the kernels total. (达标 reads `indicator.target` itself: an
 * empty target there means "expects a yes".) Shared with `formulaOf`. Cost: O(1).
 * @example kernelSettings({ target: null, floor: null, perItem: 0.5 }) // => { target: 1, floor: 0, perItem: 0.5 }
 */
export function kernelSettings(indicator: Pick<Indicator, 'target' | 'floor' | 'perItem'>): { target: number; floor: number; perItem: number } {
  return { target: indicator.target ?? 1, floor: indicator.floor ?? 0, perItem: indicator.perItem ?? 1 };
}

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
  const { target, floor, perItem } = kernelSettings(indicator);
  switch (indicator.method) {
    case 'ratio':
      for (let i = 0; i < n; i++) out[i] = present[i] === 1 ? ratioScore(values[i], points, target, direction) : 0;
      return;
    case 'range': {
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
