import { formulaOf, MISSING_FORMULA, scoreOf } from '../../../src/core/score';
import { makeIndicator } from '../../helpers/input';

describe('scoreOf dispatches on the method', () => {
  test.each([
    [{ method: 'ratio', points: 20, target: 1, kind: 'proportion' }, 0.95, 19, '20 × min(1, 95% ÷ 100%) = 19'],
    [{ method: 'range', points: 10, target: 0.1, floor: 0, kind: 'growth' }, 0.05, 5, '10 × clamp01((5% − 0%) ÷ (10% − 0%)) = 5'],
    [{ method: 'range', points: 10, target: 0.1, floor: null, kind: 'growth' }, 0.05, 5, '10 × clamp01((5% − 0%) ÷ (10% − 0%)) = 5'],
    [{ method: 'pass', points: 3, target: null }, 1, 3, '是，应为是 → 3'],
    [{ method: 'deduction', points: 4, perItem: 2 }, 1, 2, 'max(0, 4 − 2 × 1) = 2'],
    [{ method: 'deduction', points: 4, perItem: 2, direction: 'down' }, 1, 2, 'max(0, 4 − 2 × 1) = 2'], // direction ignored
    [{ method: 'bonus', points: 2, perItem: 0.5 }, 3, 1.5, 'min(2, 0.5 × 3) = 1.5'],
    [{ method: 'bonus', points: 2, perItem: 0.5, direction: 'down' }, 3, 1.5, 'min(2, 0.5 × 3) = 1.5'],
    [{ method: 'direct', points: 6 }, 5.5, 5.5, '直接得分 5.5'],
    [{ method: 'direct', points: 6, direction: 'down' }, 5.5, 5.5, '直接得分 5.5'],
  ] as const)('%o on %p → %p', (spec, value, score, formula) => {
    const indicator = makeIndicator({ name: 'x', ...spec });
    expect(scoreOf(indicator, value)).toBeCloseTo(score, 12);
    expect(formulaOf(indicator, value, scoreOf(indicator, value))).toBe(formula);
  });

  test('relative uses the extremes', () => {
    const indicator = makeIndicator({ name: 'x', method: 'relative', points: 5 });
    expect(scoreOf(indicator, 3, { max: 6, min: 1 })).toBe(2.5);
  });

  test.each(['ratio', 'range', 'pass', 'deduction', 'bonus', 'direct', 'relative'] as const)(
    'a missing value scores 0 under %s, and the formula says so',
    (method) => {
      const indicator = makeIndicator({ name: 'x', method, points: 5, target: 1, perItem: 1 });
      expect(scoreOf(indicator, null)).toBe(0);
      expect(formulaOf(indicator, null, 0)).toBe(MISSING_FORMULA);
      expect(MISSING_FORMULA).toBe('缺失，按 0 分');
    },
  );
});
