/**
 * Rounding to 2 decimals, half away from zero, on the decimal the reader sees.
 *
 * `1.005` is stored as 1.00499999999999989…; a reader sees `1.005` and expects `1.01`.
 * So the number is first read back as its 15-significant-digit decimal (which removes
 * binary noise), then shifted by two places in its exponent string (no `x * 100`, which
 * would add noise of its own), rounded, and shifted back.
 */

/** The exact method: toPrecision(15), then an exponent-string shift. */
function round2Exact(x: number): number {
  const magnitude = Math.abs(x);
  // From 2^53 on a double holds no hundredths (nor fractions) to round.
  if (magnitude >= 2 ** 53) return x;
  const [mantissa, exponent] = magnitude.toPrecision(15).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent ?? 0) + 2}`);
  const rounded = Math.round(shifted) / 100;
  if (rounded === 0) return 0;
  return x < 0 ? -rounded : rounded;
}

/**
 * Rounds to 2 decimals, half away from zero, as the decimal reads.
 *
 * Cost: O(1). A fast path handles the common case (the hundredths are not near a half,
 * so no binary noise can change the outcome); anything near a half takes the exact
 * string route, so results are identical to it. Non-finite numbers come back unchanged.
 * Never throws.
 *
 * @example round2(1.005)     // => 1.01
 * @example round2(-2.675)    // => -2.68
 * @example round2(0.1 + 0.2) // => 0.3
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const hundredths = Math.abs(x) * 100;
  if (hundredths < 1e7) {
    const whole = Math.floor(hundredths);
    const fraction = hundredths - whole;
    // Below 1e5 and far from a half, neither the product's noise (~1e-9 here) nor the
    // 15-digit reading (~1e-8 here) can move the hundredths across the half.
    if (Math.abs(fraction - 0.5) > 1e-6) {
      const rounded = (fraction > 0.5 ? whole + 1 : whole) / 100;
      if (rounded === 0) return 0;
      return x < 0 ? -rounded : rounded;
    }
  }
  return round2Exact(x);
}
