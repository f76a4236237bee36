import { round2 } from '../../../src/core/compute';

describe('round2: half away from zero on the decimal the reader sees', () => {
  test.each([
    [1.005, 1.01],
    [-2.675, -2.68],
    [0.1 + 0.2, 0.3],
    [2.675, 2.68],
    [1.004999, 1],
    [1.235, 1.24],
    [-1.235, -1.24],
    [0.125, 0.13],
    [-0.125, -0.13],
    [1.45, 1.45],
    [19, 19],
    [0, 0],
    [-0.001, 0], // never -0
    [-0.004, 0],
    [-0.005, -0.01],
    [99.995, 100],
    [8.345, 8.35],
    [1234567.885, 1234567.89], // beyond the fast path
    [1e21, 1e21],
    [0.045, 0.05],
    [10.075, 10.08],
  ])('round2(%p) === %p', (x, expected) => {
    const result = round2(x);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  test('non-finite numbers come back unchanged', () => {
    expect(round2(Infinity)).toBe(Infinity);
    expect(round2(Number.NaN)).toBeNaN();
  });

  test('agrees with the exact string method on many sums of hundredths and thousandths', () => {
    const exact = (x: number): number => {
      const [m, e] = Math.abs(x).toPrecision(15).split('e');
      const r = Math.round(Number(`${m}e${Number(e ?? 0) + 2}`)) / 100;
      return r === 0 ? 0 : x < 0 ? -r : r;
    };
    for (let i = -20000; i <= 20000; i++) {
      const x = i / 1000 + 0.1 * (i % 7);
      expect(round2(x)).toBe(exact(x));
    }
  });
});
