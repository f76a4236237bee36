import { boundText, formatNumber, formatPercent, formatValue, numberText, roundHalfAway } from '../../src/core/numbers';

describe('formatNumber / formatPercent / formatValue / boundText', () => {
  test.each([
    [4.5, '4.5'],
    [19, '19'],
    [0.1 + 0.2, '0.3'],
    [2.005, '2.01'],
    [1.005, '1.01'],
    [-0.001, '0'],
    [-2.675, '-2.68'],
    [1 / 3, '0.33'],
  ])('formatNumber(%p) → %p', (x, text) => expect(formatNumber(x)).toBe(text));

  test.each([
    [0.125, 6, '0.125'],
    [0.00005, 4, '0.0001'],
    [4.5, 4, '4.5'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
  ])('formatNumber(%p, %p digits) → %p', (x, digits, text) => expect(formatNumber(x, digits)).toBe(text));

  test.each([
    [0.95, 'proportion', '95%'],
    [0.955, 'proportion', '95.5%'],
    [0.07, 'growth', '7%'],
    [-0.05, 'growth', '-5%'],
    [3, 'number', '3'],
  ] as const)('formatValue(%p, %s) → %p', (x, kind, text) => expect(formatValue(x, kind)).toBe(text));

  test('percents and bounds as 指标设置 writes them', () => {
    expect(formatPercent(0.9876)).toBe('98.76%');
    expect(boundText(0.98, 'proportion')).toBe('98%');
    expect(boundText(0.125, 'number')).toBe('0.125');
    expect(boundText(0.123456, 'proportion')).toBe('12.3456%');
    expect(boundText(null, 'number')).toBe('');
  });

  test('numberText writes what a person wrote, without float noise', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234567)).toBe('1234567');
    expect(numberText(-0.5)).toBe('-0.5');
  });

  test.each([
    [1.0005, 3, 1.001],
    [1.00049, 3, 1],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.0004, 3, 0],
  ])('roundHalfAway(%p, %p) → %p', (x, digits, expected) => {
    const result = roundHalfAway(x, digits);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });
});
