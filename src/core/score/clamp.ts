/**
 * Shared arithmetic of the scoring methods (RULEBOOK §2).
 */

/**
 * Limits `x` to [0, 1]. Cost: O(1).
 * @example clamp01(1.2) // => 1
 */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Limits a score to [0, points]. Cost: O(1).
 * @example clampScore(-1, 10) // => 0
 */
export function clampScore(score: number, points: number): number {
  return score < 0 ? 0 : score > points ? points : score;
}
