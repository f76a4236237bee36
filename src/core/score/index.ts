/**
 * Scoring methods of RULEBOOK §2, one file each, and the dispatch on `Indicator.method`.
 *
 * Each method has a pure kernel `(value, params…) => number` and a formula builder that
 * writes the calculation with the actual numbers for 计算明细. Missing values (null) score
 * 0 here, whatever the method.
 */
import type { Indicator } from '../types';
import { bonusFormula, bonusScore } from './bonus';
import { deductionFormula, deductionScore } from './deduction';
import { directFormula, directScore } from './direct';
import { passFormula, passScore } from './pass';
import { rangeFormula, rangeScore } from './range';
import { ratioFormula, ratioScore } from './ratio';
import { relativeFormula, relativeScore, type Extremes } from './relative';

export { bonusScore, bonusFormula } from './bonus';
export { deductionScore, deductionFormula } from './deduction';
export { directScore, directFormula } from './direct';
export { passScore, passFormula } from './pass';
export { rangeScore, rangeFormula } from './range';
export { ratioScore, ratioFormula } from './ratio';
export { relativeScore, relativeFormula, type Extremes } from './relative';
export { clamp01, clampScore } from './clamp';
export { columnExtremes, scoreColumn, type ValueColumn } from './column';

/** What 计算明细 says for a missing value (缺失数据=按0分). */
export const MISSING_FORMULA = '缺失，按 0 分';

const NO_EXTREMES: Extremes = { max: null, min: null };

/**
 * Target used when the indicator has none: 1 (100% for a rate, a yes for yes/no).
 * The reader requires a target where it matters; this keeps the kernels total.
 */
function targetOf(indicator: Indicator): number {
  return indicator.target ?? 1;
}

/**
 * The score of one value on one indicator, full precision. `extremes` is needed by
 * 相对 only. Cost: O(1). Never throws.
 * @example scoreOf({ method: 'ratio', points: 20, target: 1, direction: 'up', … }, 0.95) // => 19
 */
export function scoreOf(indicator: Indicator, value: number | null, extremes: Extremes = NO_EXTREMES): number {
  if (value === null) return 0;
  const points = indicator.points;
  switch (indicator.method) {
    case 'ratio':
      return ratioScore(value, points, targetOf(indicator), indicator.direction);
    case 'range':
      return rangeScore(value, points, targetOf(indicator), indicator.floor ?? 0, indicator.direction);
    case 'pass':
      return passScore(value, points, indicator.target, indicator.direction);
    case 'deduction':
      return deductionScore(value, points, indicator.perItem ?? 1);
    case 'bonus':
      return bonusScore(value, points, indicator.perItem ?? 1);
    case 'direct':
      return directScore(value, points);
    case 'relative':
      return relativeScore(value, points, extremes, indicator.direction);
  }
}

/**
 * The calculation behind `score` in words with the actual numbers.
 * Cost: O(1). Never throws.
 * @example formulaOf(ratioIndicator, 0.95, 19) // => '20 × min(1, 95% ÷ 100%) = 19'
 */
export function formulaOf(indicator: Indicator, value: number | null, score: number, extremes: Extremes = NO_EXTREMES): string {
  if (value === null) return MISSING_FORMULA;
  const { points, kind } = indicator;
  switch (indicator.method) {
    case 'ratio':
      return ratioFormula(value, points, targetOf(indicator), indicator.direction, kind, score);
    case 'range':
      return rangeFormula(value, points, targetOf(indicator), indicator.floor ?? 0, kind, score);
    case 'pass':
      return passFormula(value, points, indicator.target, indicator.direction, kind, score);
    case 'deduction':
      return deductionFormula(value, points, indicator.perItem ?? 1, score);
    case 'bonus':
      return bonusFormula(value, points, indicator.perItem ?? 1, score);
    case 'direct':
      return directFormula(value, points, score);
    case 'relative':
      return relativeFormula(value, points, extremes, indicator.direction, kind, score);
  }
}
