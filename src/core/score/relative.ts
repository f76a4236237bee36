/**
 * 相对 (relative to the best unit), RULEBOOK §2: 正向 `P·v/max(v)` (`max ≤ 0` → all `P`);
 * 逆向 `P·min(v)/v`, `v = 0` → `P`. Max and min are over all units, missing values excluded.
 */
import { formatNumber, formatValue } from '../numbers';
import type { ColumnKind, Direction } from '../types';
import { clampScore as sharedClamp } from './clamp';

// Bound once: a call through an import binding is a property read per call in CommonJS
// output (tsx, ts-jest), which keeps this kernel's hot loops from being fully inlined.
const clampScore = sharedClamp;

/** The best and worst values of one indicator over all units (null when no unit has one). */
export interface Extremes {
  max: number | null;
  min: number | null;
}

/**
 * Relative score in [0, points]. Cost: O(1) once the extremes are known. Never throws.
 * @example relativeScore(3, 5, { max: 6, min: 1 }, 'up')   // => 2.5
 * @example relativeScore(4, 5, { max: 9, min: 2 }, 'down') // => 2.5
 * @example relativeScore(0, 5, { max: 0, min: 0 }, 'up')   // => 5
 */
export function relativeScore(value: number, points: number, extremes: Extremes, direction: Direction): number {
  if (direction === 'down') {
    if (value === 0) return points;
    return clampScore((points * (extremes.min ?? value)) / value, points);
  }
  const max = extremes.max ?? value;
  if (max <= 0) return points;
  return clampScore((points * value) / max, points);
}

/**
 * @example relativeFormula(3, 5, { max: 6, min: 1 }, 'up', 'number', 2.5) // => '5 × 3 ÷ 6（最大值）= 2.5'
 */
export function relativeFormula(
  value: number,
  points: number,
  extremes: Extremes,
  direction: Direction,
  kind: ColumnKind,
  score: number,
): string {
  const p = formatNumber(points);
  const v = formatValue(value, kind);
  const s = formatNumber(score);
  if (direction === 'down') {
    if (value === 0) return `逆向，值为 0 → ${p}`;
    return `${p} × ${formatValue(extremes.min ?? value, kind)}（最小值）÷ ${v} = ${s}`;
  }
  const max = extremes.max ?? value;
  if (max <= 0) return `最大值 ${formatValue(max, kind)} ≤ 0 → ${p}`;
  return `${p} × ${v} ÷ ${formatValue(max, kind)}（最大值）= ${s}`;
}
