/**
 * 达标 (pass/fail), RULEBOOK §2: 正向 `P` if `v ≥ T` else 0; 逆向 `P` if `v ≤ T` else 0.
 * An empty target expects a yes (yes/no cells are read as 1/0).
 */
import { formatNumber, formatValue } from '../numbers';
import type { ColumnKind, Direction } from '../types';

/**
 * Pass/fail score; `target` null expects a yes (`v ≥ 1`). Cost: O(1). Never throws.
 * @example passScore(0.95, 6, 0.9, 'up')  // => 6
 * @example passScore(7, 6, 5, 'down')     // => 0
 * @example passScore(1, 3, null, 'up')    // => 3
 */
export function passScore(value: number, points: number, target: number | null, direction: Direction): number {
  if (target === null) return value >= 1 ? points : 0;
  const met = direction === 'down' ? value <= target : value >= target;
  return met ? points : 0;
}

/**
 * The comparison with the actual numbers, for 计算明细.
 * @example passFormula(0.85, 6, 0.9, 'up', 'proportion', 0) // => '85% < 90% → 0'
 * @example passFormula(1, 3, null, 'up', 'number', 3)      // => '是，应为是 → 3'
 */
export function passFormula(
  value: number,
  _points: number,
  target: number | null,
  direction: Direction,
  kind: ColumnKind,
  score: number,
): string {
  const s = formatNumber(score);
  if (target === null) return `${value >= 1 ? '是' : '否'}，应为是 → ${s}`;
  const v = formatValue(value, kind);
  const t = formatValue(target, kind);
  const sign = value === target ? '=' : value > target ? '>' : '<';
  const shown = sign === '=' ? (direction === 'down' ? '≤' : '≥') : sign;
  return `${v} ${shown} ${t} → ${s}`;
}
