/**
 * 加分 (bonus; v = number of items), RULEBOOK §2: `min(P, k·v)`, never below 0. Direction is ignored.
 */
import { formatNumber } from '../numbers';

/**
 * Bonus score in [0, points]. Cost: O(1). Never throws.
 * @example bonusScore(3, 2, 0.5) // => 1.5
 * @example bonusScore(5, 2, 0.5) // => 2
 */
export function bonusScore(value: number, points: number, perItem: number): number {
  const score = perItem * value;
  return score < 0 ? 0 : score > points ? points : score;
}

/**
 * @example bonusFormula(5, 2, 0.5, 2) // => 'min(2, 0.5 × 5) = 2'
 */
export function bonusFormula(value: number, points: number, perItem: number, score: number): string {
  return `min(${formatNumber(points)}, ${formatNumber(perItem)} × ${formatNumber(value)}) = ${formatNumber(score)}`;
}
