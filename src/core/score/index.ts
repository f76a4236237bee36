/**
 * Scoring methods of RULEBOOK §2, one file each; the dispatch on `Indicator.method` is
 * `scoreColumn` (column.ts) for scores and `formulaOf` (here) for their words.
 *
 * Each method has a pure kernel `(value, params…) => number` and a formula builder that
 * writes the calculation with the actual numbers for 计算明细. Missing values (null) score
 * 0 here, whatever the method.
 */
import type { Indicator } from '../types';
import { bonusFormula } from './bonus';
import { kernelSettings, scoreColumn } from './column';
import { deductionFormula } from './deduction';
import { directFormula } from './direct';
import { passFormula } from './pass';
import { rangeFormula } from './range';
import { ratioFormula } from './ratio';
import { relativeFormula, type Extremes } from './relative';

export { bonusScore, bonusFormula } from './bonus';
export { deductionScore, deductionFormula } from './deduction';
export { directScore, directFormula } from './direct';
export { passScore, passFormula } from './pass';
export { rangeScore, rangeFormula } from './range';
export { ratioScore, ratioFormula } from './ratio';
export { relativeScore, relativeFormula, type Extremes } from './relative';
export { clamp01, clampScore } from './clamp';
export { kernelSettings, scoreColumn } from './column';

/** What 计算明细 says for a missing value (缺失数据=按0分). */
export const MISSING_FORMULA = '缺失，按 0 分';

const NO_EXTREMES: Extremes = { max: null, min: null };

// One-value scratch for `scoreOf`, so that one value is scored by the column dispatcher.
const ONE = new Float64Array(1);
const ONE_OUT = new Float64Array(1);

/**
 * The score of one value on one indicator, full precision: `scoreColumn` on a column of
 * one. `extremes` is needed by 相对 only. Cost: O(1). Never throws.
 * @example scoreOf({ method: 'ratio', points: 20, target: 1, direction: 'up', … }, 0.95) // => 19
 */
export function scoreOf(indicator: Indicator, value: number | null, extremes: Extremes = NO_EXTREMES): number {
  if (value === null) return 0;
  ONE[0] = value;
  scoreColumn(indicator, ONE, ONE_OUT, extremes);
  return ONE_OUT[0];
}

/**
 * The calculation behind `score` in words with the actual numbers.
 * Cost: O(1). Never throws.
 * @example formulaOf(ratioIndicator, 0.95, 19) // => '20 × min(1, 95% ÷ 100%) = 19'
 */
export function formulaOf(indicator: Indicator, value: number | null, score: number, extremes: Extremes = NO_EXTREMES): string {
  if (value === null) return MISSING_FORMULA;
  const { points, kind, direction } = indicator;
  const { target, floor, perItem } = kernelSettings(indicator);
  switch (indicator.method) {
    case 'ratio':
      return ratioFormula(value, points, target, direction, kind, score);
    case 'range':
      return rangeFormula(value, points, target, floor, kind, score);
    case 'pass':
      return passFormula(value, points, indicator.target, direction, kind, score);
    case 'deduction':
      return deductionFormula(value, points, perItem, score);
    case 'bonus':
      return bonusFormula(value, points, perItem, score);
    case 'direct':
      return directFormula(value, points, score);
    case 'relative':
      return relativeFormula(value, points, extremes, direction, kind, score);
  }
}
