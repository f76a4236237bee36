import { kernelSettings, scoreColumn, scoreOf, type Extremes } from '../../../src/core/score';
import type { Indicator } from '../../../src/core/types';
import { makeIndicator } from '../../helpers/input';

/** A column as the value table holds it: NaN where a value is missing. */
function column(values: (number | null)[]): Float64Array {
  return Float64Array.from(values, (value) => value ?? Number.NaN);
}

function scored(indicator: Indicator, values: (number | null)[], extremes?: Extremes): number[] {
  const out = new Float64Array(values.length).fill(Number.NaN);
  scoreColumn(indicator, column(values), out, extremes);
  return [...out];
}

/**
 * Each method on a column, expected scores worked by hand from RULEBOOK §2 (P points,
 * T target, F floor, k per item; a missing value (null) scores 0 whatever the method).
 */
describe('scoreColumn, worked by hand from the rules', () => {
  test('比例 正向: P·clamp01(v/T) — P 20, T 1', () => {
    const ind = makeIndicator({ name: 'r', method: 'ratio', points: 20, target: 1 });
    // 0.95 → 19; 1.2 → capped 20; −0.1 → 0; null → 0
    expect(scored(ind, [0.95, 1.2, -0.1, null, 0.5])).toEqual([19, 20, 0, 0, 10]);
  });

  test('比例 逆向: P·clamp01(T/v), v = 0 → P — P 2, T 20', () => {
    const ind = makeIndicator({ name: 'r', method: 'ratio', points: 2, target: 20, direction: 'down' });
    // 40 → 2·0.5 = 1; 10 → 2 (capped); 0 → 2
    expect(scored(ind, [40, 10, 0, 80])).toEqual([1, 2, 2, 0.5]);
  });

  test('比例 without a target uses T = 1 (100%)', () => {
    const ind = makeIndicator({ name: 'r', method: 'ratio', points: 5, target: null });
    expect(scored(ind, [0.5, 1])).toEqual([2.5, 5]);
  });

  test('区间: P·clamp01((v−F)/(T−F)) — P 3, T 90, F 10', () => {
    const ind = makeIndicator({ name: 'g', method: 'range', points: 3, target: 90, floor: 10 });
    // 50 → 3·40/80 = 1.5; 10 → 0; 5 → 0; 90 → 3; 100 → 3
    expect(scored(ind, [50, 10, 5, 90, 100])).toEqual([1.5, 0, 0, 3, 3]);
  });

  test('区间 逆向 (F > T): same formula — P 2, T 10, F 90', () => {
    const ind = makeIndicator({ name: 'g', method: 'range', points: 2, target: 10, floor: 90, direction: 'down' });
    // 50 → 2·(50−90)/(10−90) = 2·0.5 = 1; 10 → 2; 95 → 0
    expect(scored(ind, [50, 10, 95])).toEqual([1, 2, 0]);
  });

  test('区间 with T = F degrades to pass/fail at T', () => {
    const ind = makeIndicator({ name: 'g', method: 'range', points: 2, target: 5, floor: 5 });
    expect(scored(ind, [4, 5, 6])).toEqual([0, 2, 2]);
  });

  test('达标: P if v ≥ T (逆向 v ≤ T); an empty target expects a yes', () => {
    expect(scored(makeIndicator({ name: 'p', method: 'pass', points: 2, target: 60 }), [59.9, 60, 61])).toEqual([0, 2, 2]);
    expect(scored(makeIndicator({ name: 'p', method: 'pass', points: 1, target: 50, direction: 'down' }), [49, 50, 51])).toEqual([1, 1, 0]);
    expect(scored(makeIndicator({ name: 'p', method: 'pass', points: 3, target: null }), [1, 0])).toEqual([3, 0]);
  });

  test('扣分: max(0, P − k·v) — P 4, k 0.5; no k means 1', () => {
    expect(scored(makeIndicator({ name: 'd', method: 'deduction', points: 4, perItem: 0.5 }), [0, 3, 10])).toEqual([4, 2.5, 0]);
    expect(scored(makeIndicator({ name: 'd', method: 'deduction', points: 4, perItem: null }), [3])).toEqual([1]);
  });

  test('加分: min(P, k·v) — P 2, k 0.5', () => {
    expect(scored(makeIndicator({ name: 'b', method: 'bonus', points: 2, perItem: 0.5 }), [0, 3, 5])).toEqual([0, 1.5, 2]);
  });

  test('直接: v, limited to [0, P] — P 3', () => {
    expect(scored(makeIndicator({ name: 'x', method: 'direct', points: 3 }), [2.5, 3, 4, -1])).toEqual([2.5, 3, 3, 0]);
  });

  test('相对 正向: P·v/max; max ≤ 0 → P — P 3', () => {
    const ind = makeIndicator({ name: 'rel', method: 'relative', points: 3 });
    expect(scored(ind, [3, 6, 0], { max: 6, min: 0 })).toEqual([1.5, 3, 0]);
    expect(scored(ind, [0], { max: 0, min: 0 })).toEqual([3]);
  });

  test('相对 逆向: P·min/v, v = 0 → P — P 2', () => {
    const ind = makeIndicator({ name: 'rel', method: 'relative', points: 2, direction: 'down' });
    expect(scored(ind, [2, 8, 0], { max: 8, min: 2 })).toEqual([2, 0.5, 2]);
  });

  test('scoreOf scores one value through the same dispatcher', () => {
    const ind = makeIndicator({ name: 'g', method: 'range', points: 3, target: 90, floor: 10 });
    expect([scoreOf(ind, 50), scoreOf(ind, null)]).toEqual([1.5, 0]);
  });

  test('kernelSettings: the defaults of empty cells', () => {
    expect(kernelSettings({ target: null, floor: null, perItem: null })).toEqual({ target: 1, floor: 0, perItem: 1 });
    expect(kernelSettings({ target: 0.9, floor: 0.5, perItem: 2 })).toEqual({ target: 0.9, floor: 0.5, perItem: 2 });
  });
});
