import { ratioFormula, ratioScore } from '../../../src/core/score/ratio';

describe('ratioScore (比例)', () => {
  test.each([
    // value, points, target, direction, expected
    [0.95, 20, 1, 'up', 19],
    [1, 20, 1, 'up', 20],
    [1.2, 20, 1, 'up', 20], // clamp at 1
    [0, 20, 1, 'up', 0],
    [-0.05, 10, 0.1, 'up', 0], // negative growth: clamp at 0
    [3.5, 10, 7, 'up', 5],
    [4, 10, 2, 'down', 5], // T / v
    [1, 10, 2, 'down', 10], // clamp at 1
    [0, 10, 2, 'down', 10], // v = 0 → P
    [2, 10, 2, 'down', 10],
  ] as const)('%p with P=%p T=%p %s → %p', (value, points, target, direction, expected) => {
    expect(ratioScore(value, points, target, direction)).toBeCloseTo(expected, 12);
  });

  test('a target of 0 is met, never NaN', () => {
    expect(ratioScore(0, 5, 0, 'up')).toBe(5);
  });

  test.each([
    [0.95, 20, 1, 'up', 'proportion', '20 × min(1, 95% ÷ 100%) = 19'],
    [3.5, 10, 7, 'up', 'number', '10 × min(1, 3.5 ÷ 7) = 5'],
    [-0.05, 10, 0.1, 'up', 'growth', '10 × max(0, -5% ÷ 10%) = 0'],
    [4, 10, 2, 'down', 'number', '10 × min(1, 2 ÷ 4) = 5'],
    [0, 10, 2, 'down', 'number', '逆向，值为 0 → 10'],
  ] as const)('formula of %p (%s)', (value, points, target, direction, kind, text) => {
    const score = ratioScore(value, points, target, direction);
    expect(ratioFormula(value, points, target, direction, kind, score)).toBe(text);
  });
});
