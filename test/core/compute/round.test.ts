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

  test('agrees with the exact string method right around halves and the 15-digit boundary', () => {
    const exact = (x: number): number => {
      const [m, e] = Math.abs(x).toPrecision(15).split('e');
      const r = Math.round(Number(`${m}e${Number(e ?? 0) + 2}`)) / 100;
      return r === 0 ? 0 : x < 0 ? -r : r;
    };
    /** The double next to `x` away from (step 1) or towards (step −1) +∞. */
    const step = (x: number, by: 1 | -1): number => {
      const bits = new BigInt64Array(Float64Array.of(x).buffer);
      bits[0] += BigInt(by);
      return new Float64Array(bits.buffer)[0];
    };
    let checked = 0;
    for (let i = 0; i < 4000; i++) {
      const whole = (i * 7919) % (i % 2 === 0 ? 1000 : 9_999_999);
      const half = (whole + 0.5) / 100;
      const unit = 10 ** (Math.floor(Math.log10(half)) - 14); // one unit of the 15th digit
      for (const base of [half, half - unit / 2, half + unit / 2, half - unit]) {
        let x = step(step(base, -1), -1);
        for (let k = 0; k < 5; k++, x = step(x, 1)) {
          expect([x, round2(x)]).toEqual([x, exact(x)]);
          expect([-x, round2(-x)]).toEqual([-x, exact(-x)]);
          checked++;
        }
      }
    }
    expect(checked).toBe(80_000);
  });
});
