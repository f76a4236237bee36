/**
 * 直接 (the assessor's score), RULEBOOK §2: `v`. A value outside [0, P] is an input error the
 * reader reports; the kernel clamps so that a result is never out of range. Direction is ignored.
 */
import { formatNumber } from '../numbers';
import { clampScore as sharedClamp } from './clamp';

// Bound once: a call through an import binding is a property read per call in CommonJS
// output (tsx, ts-jest), which keeps this kernel's hot loops from being fully inlined.
const clampScore = sharedClamp;

/**
 * The value itself, limited to [0, points]. Cost: O(1). Never throws.
 * @example directScore(5.5, 6) // => 5.5
 */
export function directScore(value: number, points: number): number {
  return clampScore(value, points);
}

/**
 * @example directFormula(5.5, 6, 5.5) // => '直接得分 5.5'
 */
export function directFormula(value: number, points: number, score: number): string {
  if (value === score) return `直接得分 ${formatNumber(value)}`;
  return `直接得分 ${formatNumber(value)}，限于 0–${formatNumber(points)} → ${formatNumber(score)}`;
}
