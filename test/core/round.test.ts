import { round2, roundHalfAway } from '../../src/core/numbers';

/**
 * The rule written independently of src/: take the 15-significant-digit decimal the reader
 * sees (`toExponential(14)`), then round its digit string to hundredths by hand — integer
 * digits, half away from zero — with BigInt, no floating-point shift at all.
 */
function byDigits(x: number): number {
  if (!Number.isFinite(x)) return x;
  const [mantissa, exponentText] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', ''); // 15 digits d0 d1 … d14, value = d0.d1… × 10^e
  const exponent = Number(exponentText);
  // value × 100 = digits × 10^(e + 2 − 14)
  const shift = exponent + 2 - 14;
  let hundredths: bigint;
  if (shift >= 0) hundredths = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const whole = BigInt(digits) / divisor;
    const rest = BigInt(digits) % divisor;
    hundredths = rest * 2n >= divisor ? whole + 1n : whole;
  }
  const magnitude = Number(hundredths) / 100;
  if (magnitude === 0) return 0;
  return x < 0 ? -magnitude : magnitude;
}

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
    [0.0375 * 2, 0.08], // 0.075 as the reader sees it
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

  test('the hand-rounding oracle agrees with the literal cases (it is right before it is used)', () => {
    expect([byDigits(1.005), byDigits(-2.675), byDigits(1.004999), byDigits(99.995), byDigits(-0.004)]).toEqual([1.01, -2.68, 1, 100, 0]);
  });

  test('agrees with rounding the digits by hand on many sums of hundredths and thousandths', () => {
    for (let i = -20000; i <= 20000; i++) {
      const x = i / 1000 + 0.1 * (i % 7);
      expect([x, round2(x)]).toEqual([x, byDigits(x)]);
    }
  });

  test('agrees with rounding the digits by hand right around halves and the 15-digit boundary', () => {
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
          expect([x, round2(x)]).toEqual([x, byDigits(x)]);
          expect([-x, round2(-x)]).toEqual([-x, byDigits(-x)]);
          checked++;
        }
      }
    }
    expect(checked).toBe(80_000);
  });

  test('round2 is roundHalfAway to 2 digits', () => {
    for (const x of [1.005, -2.675, 0.125, 12345.675, 0.075]) expect(round2(x)).toBe(roundHalfAway(x, 2));
  });
});
