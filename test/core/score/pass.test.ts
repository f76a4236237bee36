import { passFormula, passScore } from '../../../src/core/score/pass';

describe('passScore (达标)', () => {
  test.each([
    // value, points, target, direction, expected
    [0.95, 6, 0.9, 'up', 6],
    [0.9, 6, 0.9, 'up', 6], // equal passes
    [0.85, 6, 0.9, 'up', 0],
    [3, 6, 5, 'down', 6],
    [5, 6, 5, 'down', 6],
    [7, 6, 5, 'down', 0],
    [1, 3, null, 'up', 3], // empty target expects a yes
    [0, 3, null, 'up', 0],
    [0, 3, null, 'down', 0], // direction does not turn a no into a yes
  ] as const)('%p with P=%p T=%p %s → %p', (value, points, target, direction, expected) => {
    expect(passScore(value, points, target, direction)).toBe(expected);
  });

  test.each([
    [0.85, 6, 0.9, 'up', 'proportion', '85% < 90% → 0'],
    [0.9, 6, 0.9, 'up', 'proportion', '90% ≥ 90% → 6'],
    [5, 6, 5, 'down', 'number', '5 ≤ 5 → 6'],
    [7, 6, 5, 'down', 'number', '7 > 5 → 0'],
    [1, 3, null, 'up', 'number', '是，应为是 → 3'],
    [0, 3, null, 'up', 'number', '否，应为是 → 0'],
  ] as const)('formula of %p', (value, points, target, direction, kind, text) => {
    const score = passScore(value, points, target, direction);
    expect(passFormula(value, points, target, direction, kind, score)).toBe(text);
  });
});
