import { formatNumber, formatValue } from '../../../src/core/compute/format';

describe('formatNumber / formatValue', () => {
  test.each([
    [4.5, '4.5'],
    [19, '19'],
    [0.1 + 0.2, '0.3'],
    [2.005, '2.01'],
    [-0.001, '0'],
    [1 / 3, '0.33'],
  ])('formatNumber(%p) → %p', (x, text) => expect(formatNumber(x)).toBe(text));

  test.each([
    [0.95, 'proportion', '95%'],
    [0.955, 'proportion', '95.5%'],
    [0.07, 'growth', '7%'],
    [-0.05, 'growth', '-5%'],
    [3, 'number', '3'],
  ] as const)('formatValue(%p, %s) → %p', (x, kind, text) => expect(formatValue(x, kind)).toBe(text));
});
