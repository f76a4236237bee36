/**
 * Every unit's indicator scores in a form that can be re-weighted without re-reading or
 * re-scoring (issue 13, 稳健性分析). Changing an indicator's points P to f·P changes its score:
 *
 * | method | score | with f·P |
 * |---|---|---|
 * | 比例, 区间, 达标, 相对 | P · g(v) | f · score (linear in P) |
 * | 直接 | v, the assessor's score out of P | f · score (the same share of the new points) |
 * | 扣分 | max(0, P − k·v) | max(0, f·P − k·v) — NOT linear: kept as c = k·v |
 * | 加分 | min(P, k·v) | min(f·P, k·v) — NOT linear: kept as b = k·v |
 *
 * A missing value scores 0 whatever the points.
 */
import { relativeExtremes } from '../compute';
import { scoreOf } from '../score';
import type { AssessmentInput, AssessmentResult } from '../types';

/** How one indicator's stored number turns into a score under a factor. */
export const Form = {
  /** stored = score; new = f · stored. */
  Linear: 0,
  /** stored = k·v (Infinity when missing); new = clamp(f·P − stored, 0, f·P). */
  Deduction: 1,
  /** stored = k·v (0 when missing); new = clamp(stored, 0, f·P). */
  Bonus: 2,
} as const;

export interface WeightForms {
  /** Units (result order) × indicators, unit-major `[k * indicators + i]`. */
  stored: Float64Array;
  form: Uint8Array;
  points: Float64Array;
  /** Dimension index of each indicator (in `result.dimensions`). */
  dimensionOf: Int32Array;
  indicators: number;
}

/**
 * Scores every unit once (result order) and keeps each score in its re-weightable form.
 * Cost: O(units × indicators), one Float64Array of that size.
 * @example weightForms(input, result).stored[0] // => 20  (first unit, first indicator)
 */
export function weightForms(input: AssessmentInput, result: AssessmentResult): WeightForms {
  const indicators = result.indicators;
  const I = indicators.length;
  const n = result.units.length;
  const byName = new Map<string, number>();
  input.units.forEach((unit, u) => byName.set(unit.name, u));
  const extremes = relativeExtremes(indicators, input.values);
  const form = new Uint8Array(I);
  const points = new Float64Array(I);
  const dimensionOf = new Int32Array(I);
  indicators.forEach((ind, i) => {
    form[i] = ind.method === 'deduction' ? Form.Deduction : ind.method === 'bonus' ? Form.Bonus : Form.Linear;
    points[i] = ind.points;
    dimensionOf[i] = Math.max(0, result.dimensions.indexOf(ind.dimension));
  });
  const stored = new Float64Array(n * I);
  for (let k = 0; k < n; k++) {
    const u = byName.get(result.units[k].name);
    for (let i = 0; i < I; i++) {
      const value = u === undefined ? null : input.values.get(u, i);
      const ind = indicators[i];
      const at = k * I + i;
      if (form[i] === Form.Linear) stored[at] = scoreOf(ind, value, extremes[i]);
      else if (form[i] === Form.Deduction) stored[at] = value === null ? Infinity : (ind.perItem ?? 1) * value;
      else stored[at] = value === null ? 0 : (ind.perItem ?? 1) * value;
    }
  }
  return { stored, form, points, dimensionOf, indicators: I };
}
