import { bonusFormula, bonusScore } from '../../../src/core/score/bonus';

describe('bonusScore (加分)', () => {
  test.each([
    // items, points, per item, expected
    [0, 2, 0.5, 0],
    [3, 2, 0.5, 1.5],
    [4, 2, 0.5, 2],
    [9, 2, 0.5, 2], // never above P
    [3, 2, 0.1, 0.3],
  ])('%p items, P=%p, k=%p → %p', (value, points, perItem, expected) => {
    expect(bonusScore(value, points, perItem)).toBeCloseTo(expected, 12);
  });

  test('formula', () => {
    expect(bonusFormula(9, 2, 0.5, 2)).toBe('min(2, 0.5 × 9) = 2');
    expect(bonusFormula(3, 2, 0.1, bonusScore(3, 2, 0.1))).toBe('min(2, 0.1 × 3) = 0.3');
  });
});
