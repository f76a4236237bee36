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
    // Near a half (common: sums of thousandths such as 0.0375 × 2) the 15-digit decimal
    // decides: see roundsUpNearHalf.
    const up = Math.abs(fraction - 0.5) > 1e-6 ? fraction > 0.5 : roundsUpNearHalf(Math.abs(x), hundredths, whole);
    const rounded = (up ? whole + 1 : whole) / 100;
    if (rounded === 0) return 0;
    return x < 0 ? -rounded : rounded;
  }
  return round2Exact(x);
}

/**
 * Whether the exact method rounds `magnitude` up, when `hundredths` (= magnitude × 100 as
 * computed, below 1e7) lies within 1e-6 of `whole` + 0.5.
 *
 * The exact method reads `magnitude` as D, its 15-significant-digit decimal, and rounds up
 * iff D ≥ H = (whole + 0.5) / 100. H is itself on the 15-digit grid (spacing u = 10^(e−14),
 * e = the decade of `magnitude`, which H shares), and toPrecision rounds ties up, so
 * D ≥ H ⟺ magnitude ≥ H − u/2 ⟺ magnitude × 100 − (whole + 0.5) ≥ −τ with τ = 5·10^(e−13).
 * `hundredths − (whole + 0.5)` is exact (the two are within a factor 2), and `hundredths`
 * is within half an ulp of the true product; so unless the difference lies within those
 * errors (plus a margin for τ's own rounding) of −τ, its sign against −τ decides without
 * any string. The rare undecided case reads the decimal itself.
 * Cost: O(1); one short string in the rare case.
 * @example roundsUpNearHalf(0.075, 0.075 * 100, 7) // => true  (0.075 reads as 0.0750000000000000)
 */
function roundsUpNearHalf(magnitude: number, hundredths: number, whole: number): boolean {
  const difference = hundredths - (whole + 0.5);
  const error = hundredths * 2 ** -52;
  const tolerance = 5 * 10 ** (Math.floor(Math.log10(magnitude)) - 13);
  if (difference - error > -0.9 * tolerance) return true;
  if (difference + error < -1.1 * tolerance) return false;
  return thirdDecimalIsFiveOrMore(magnitude);
}

/**
 * Whether the third decimal digit of `magnitude`'s 15-significant-digit decimal is 5 or
 * more. For 0.005 ≤ magnitude < 1e5 only (plain notation, at least 3 decimals).
 * Cost: O(1), one short string.
 * @example thirdDecimalIsFiveOrMore(1.005) // => true  ('1.00500000000000')
 */
function thirdDecimalIsFiveOrMore(magnitude: number): boolean {
  const decimal = magnitude.toPrecision(15);
  return decimal.charCodeAt(decimal.indexOf('.') + 3) >= 53; // '5'
}
