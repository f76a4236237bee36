import { rangeFormula, rangeScore } from '../../../src/core/score/range';

describe('rangeScore (区间)', () => {
  test.each([
    // value, points, target, floor, direction, expected
    [0.05, 10, 0.1, 0, 'up', 5],
    [0.1, 10, 0.1, 0, 'up', 10],
    [0.15, 10, 0.1, 0, 'up', 10], // clamp at 1
    [-0.02, 10, 0.1, 0, 'up', 0], // clamp at 0
    [0.95, 6, 1, 0.9, 'up', 3],
    [0.9, 6, 1, 0.9, 'up', 0],
    // lower is better: floor above target
    [3, 10, 0, 10, 'down', 7],
    [0, 10, 0, 10, 'down', 10],
    [12, 10, 0, 10, 'down', 0],
    // degenerate T = F: pass/fail
    [5, 4, 5, 5, 'up', 4],
    [4, 4, 5, 5, 'up', 0],
    [6, 4, 5, 5, 'down', 0],
  ] as const)('%p with P=%p T=%p F=%p %s → %p', (value, points, target, floor, direction, expected) => {
    expect(rangeScore(value, points, target, floor, direction)).toBeCloseTo(expected, 12);
  });

  test('formula shows rates as percents', () => {
    expect(rangeFormula(0.05, 10, 0.1, 0, 'growth', 5)).toBe('10 × clamp01((5% − 0%) ÷ (10% − 0%)) = 5');
    expect(rangeFormula(3, 10, 0, 10, 'number', 7)).toBe('10 × clamp01((3 − 10) ÷ (0 − 10)) = 7');
  });
});
