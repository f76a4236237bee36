/**
 * 比例 (ratio to target), RULEBOOK §2: 正向 `P·clamp01(v/T)`; 逆向 `P·clamp01(T/v)`, `v = 0` → `P`.
 */
import { formatNumber, formatValue } from '../numbers';
import type { ColumnKind, Direction } from '../types';
import { clamp01 as sharedClamp } from './clamp';

// Bound once: a call through an import binding is a property read per call in CommonJS
// output (tsx, ts-jest), which keeps this kernel's hot loops from being fully inlined.
const clamp01 = sharedClamp;

/**
 * Ratio-to-target score. Trusts its input (the reader checks `target > 0`); a target ≤ 0
 * counts as met for 正向, so the result is never NaN. Cost: O(1). Never throws.
 * @example ratioScore(0.95, 20, 1, 'up')  // => 19
 * @example ratioScore(4, 10, 2, 'down')   // => 5
 * @example ratioScore(0, 10, 2, 'down')   // => 10
 */
export function ratioScore(value: number, points: number, target: number, direction: Direction): number {
  if (direction === 'down') {
    if (value === 0) return points;
    return points * clamp01(target / value);
  }
  if (target <= 0) return points;
  return points * clamp01(value / target);
}

/**
 * The calculation in words with the actual numbers, for 计算明细.
 * @example ratioFormula(0.95, 20, 1, 'up', 'proportion', 19) // => '20 × min(1, 95% ÷ 100%) = 19'
 */
export function ratioFormula(
  value: number,
  points: number,
  target: number,
  direction: Direction,
  kind: ColumnKind,
  score: number,
): string {
  const p = formatNumber(points);
  const v = formatValue(value, kind);
  const t = formatValue(target, kind);
  const s = formatNumber(score);
  if (direction === 'down') {
    if (value === 0) return `逆向，值为 0 → ${p}`;
    return `${p} × ${target / value < 0 ? 'max(0' : 'min(1'}, ${t} ÷ ${v}) = ${s}`;
  }
  if (target <= 0) return `目标值 ${t} ≤ 0 → ${p}`;
  return `${p} × ${value / target < 0 ? 'max(0' : 'min(1'}, ${v} ÷ ${t}) = ${s}`;
}
