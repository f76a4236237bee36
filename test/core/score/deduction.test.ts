import { deductionFormula, deductionScore } from '../../../src/core/score/deduction';

describe('deductionScore (扣分)', () => {
  test.each([
    // problems, points, per item, expected
    [0, 4, 2, 4],
    [1, 4, 2, 2],
    [2, 4, 2, 0],
    [3, 4, 2, 0], // never below 0
    [3, 5, 1, 2],
    [1, 2, 0.3, 1.7],
  ])('%p problems, P=%p, k=%p → %p', (value, points, perItem, expected) => {
    expect(deductionScore(value, points, perItem)).toBeCloseTo(expected, 12);
  });

  test('formula', () => {
    expect(deductionFormula(3, 4, 2, 0)).toBe('max(0, 4 − 2 × 3) = 0');
  });
});
