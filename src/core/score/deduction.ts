/**
 * 扣分 (deduction; v = number of problems), RULEBOOK §2: `max(0, P − k·v)`. Direction is ignored.
 */
import { formatNumber } from '../numbers';

/**
 * Deduction score, never below 0 nor above `points`. Cost: O(1). Never throws.
 * @example deductionScore(1, 4, 2) // => 2
 * @example deductionScore(3, 4, 2) // => 0
 */
export function deductionScore(value: number, points: number, perItem: number): number {
  const score = points - perItem * value;
  return score < 0 ? 0 : score > points ? points : score;
}

/**
 * @example deductionFormula(3, 4, 2, 0) // => 'max(0, 4 − 2 × 3) = 0'
 */
export function deductionFormula(value: number, points: number, perItem: number, score: number): string {
  return `max(0, ${formatNumber(points)} − ${formatNumber(perItem)} × ${formatNumber(value)}) = ${formatNumber(score)}`;
}
