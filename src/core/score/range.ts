/**
 * 区间 (linear between floor and target), RULEBOOK §2: `P·clamp01((v−F)/(T−F))` in both
 * directions (a lower-is-better indicator has `F > T`).
 */
import { formatNumber, formatValue } from '../numbers';
import type { ColumnKind } from '../types';
import { clamp01 as sharedClamp } from './clamp';

// Bound once: a call through an import binding is a property read per call in CommonJS
// output (tsx, ts-jest), which keeps this kernel's hot loops from being fully inlined.
const clamp01 = sharedClamp;

/**
 * Linear score between floor (0 points) and target (full points). Trusts its input (the
 * reader checks `T ≠ F`); with `T = F` it degrades to pass/fail on `v ≥ T` (or `v ≤ T`
 * when `direction` is 'down'), so the result is never NaN. Cost: O(1). Never throws.
 * @example rangeScore(0.05, 10, 0.1, 0)  // => 5
 * @example rangeScore(3, 10, 0, 10)      // => 7  (lower is better: floor 10, target 0)
 */
export function rangeScore(value: number, points: number, target: number, floor: number, direction: 'up' | 'down' = 'up'): number {
  if (target === floor) {
    const met = direction === 'down' ? value <= target : value >= target;
    return met ? points : 0;
  }
  return points * clamp01((value - floor) / (target - floor));
}

/**
 * The calculation with the actual numbers, for 计算明细.
 * @example rangeFormula(0.05, 10, 0.1, 0, 'growth', 5) // => '10 × clamp01((5% − 0%) ÷ (10% − 0%)) = 5'
 */
export function rangeFormula(
  value: number,
  points: number,
  target: number,
  floor: number,
  kind: ColumnKind,
  score: number,
): string {
  const v = formatValue(value, kind);
  const t = formatValue(target, kind);
  const f = formatValue(floor, kind);
  if (target === floor) return `目标值 = 下限 = ${t}，值 ${v} → ${formatNumber(score)}`;
  return `${formatNumber(points)} × clamp01((${v} − ${f}) ÷ (${t} − ${f})) = ${formatNumber(score)}`;
}
