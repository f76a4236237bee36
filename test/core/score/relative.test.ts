import { relativeFormula, relativeScore } from '../../../src/core/score/relative';

describe('relativeScore (相对)', () => {
  test.each([
    // value, points, max, min, direction, expected
    [3, 5, 6, 1, 'up', 2.5],
    [6, 5, 6, 1, 'up', 5],
    [0, 5, 6, 0, 'up', 0],
    [0, 5, 0, 0, 'up', 5], // max 0 → all P
    [-1, 5, -1, -3, 'up', 5], // max below 0 → all P
    [4, 5, 9, 2, 'down', 2.5],
    [2, 5, 9, 2, 'down', 5],
    [0, 5, 9, 0, 'down', 5], // v = 0 → P
    [4, 5, 9, 0, 'down', 0], // best is 0, v > 0
  ] as const)('%p with P=%p max=%p min=%p %s → %p', (value, points, max, min, direction, expected) => {
    expect(relativeScore(value, points, { max, min }, direction)).toBeCloseTo(expected, 12);
  });

  test.each([
    [3, 5, { max: 6, min: 1 }, 'up', 'number', '5 × 3 ÷ 6（最大值）= 2.5'],
    [0, 5, { max: 0, min: 0 }, 'up', 'number', '最大值 0 ≤ 0 → 5'],
    [4, 5, { max: 9, min: 2 }, 'down', 'number', '5 × 2（最小值）÷ 4 = 2.5'],
    [0, 5, { max: 9, min: 0 }, 'down', 'number', '逆向，值为 0 → 5'],
    [0.3, 5, { max: 0.6, min: 0.1 }, 'up', 'proportion', '5 × 30% ÷ 60%（最大值）= 2.5'],
  ] as const)('formula of %p', (value, points, extremes, direction, kind, text) => {
    const score = relativeScore(value, points, extremes, direction);
    expect(relativeFormula(value, points, extremes, direction, kind, score)).toBe(text);
  });
});
