import { directFormula, directScore } from '../../../src/core/score/direct';

describe('directScore (直接)', () => {
  test.each([
    [5.5, 6, 5.5],
    [0, 6, 0],
    [6, 6, 6],
    [7, 6, 6], // an input error upstream; clamped here
    [-1, 6, 0],
  ])('%p with P=%p → %p', (value, points, expected) => {
    expect(directScore(value, points)).toBe(expected);
  });

  test('formula', () => {
    expect(directFormula(5.5, 6, 5.5)).toBe('直接得分 5.5');
    expect(directFormula(7, 6, 6)).toBe('直接得分 7，限于 0–6 → 6');
  });
});
