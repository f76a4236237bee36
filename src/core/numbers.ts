/**
 * Numbers for people, in one place at the bottom of the core: the one rounding rule (half
 * away from zero on the decimal the reader sees, RULEBOOK §2) and the texts built on it —
 * plain numbers, percents, and a normalised value of a given kind. `read/`, `score/`,
 * `compute/` and `report/` import this module; it imports nothing but types.
 *
 * "The decimal the reader sees": `1.005` is stored as 1.00499999999999989…; a reader sees
 * `1.005` and expects `1.01`. So a number is first read as its 15-significant-digit
 * decimal (which removes binary noise), then shifted by `digits` places in its exponent
 * string (no `x * 100`, which would add noise of its own), rounded, and shifted back.
 */
import type { ColumnKind } from './types';

/**
 * Rounds to `digits` decimals (0–15), half away from zero, as the 15-digit decimal reads;
 * never `-0`; non-finite numbers come back unchanged. The reference method (strings).
 * Cost: O(1). Never throws.
 * @example roundHalfAway(1.0005, 3) // => 1.001
 * @example roundHalfAway(-2.5, 0)   // => -3
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Math.abs(x);
  // From 2^53 on a double holds no fractions to round.
  if (magnitude >= 2 ** 53) return x;
  const [mantissa, exponent] = magnitude.toPrecision(15).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent ?? 0) + digits}`);
  const rounded = Number(`${Math.round(shifted)}e${-digits}`);
  if (rounded === 0) return 0;
  return x < 0 ? -rounded : rounded;
}

/**
 * Rounds to 2 decimals, half away from zero, as the decimal reads: `roundHalfAway(x, 2)`,
 * with a fast path for the common case (the hundredths are not near a half, so no binary
 * noise can change the outcome); anything near a half is decided as the reference decides
 * it, so results are identical to it. Cost: O(1). Never throws.
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
  return roundHalfAway(x, 2);
}

/**
 * τ = 5·10^(e−13) for the decades e = −3 … 4 that roundsUpNearHalf meets (its magnitudes lie
 * in [0.005 − 1e-8, 1e5)), by e + 3: a table, so the common near-half case costs no log.
 */
const HALF_TOLERANCE = Array.from({ length: 8 }, (_, i) => 5 * 10 ** (i - 3 - 13));

/** 10^e for e = −3 … 4, by e + 3. */
const DECADES = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4];

/**
 * The decade e of a magnitude in [1e-3, 1e5) — 10^e ≤ magnitude < 10^(e+1) — by comparison
 * with DECADES (−3 for anything smaller). Cost: O(1).
 * @example decadeOf(0.075) // => -2
 */
function decadeOf(magnitude: number): number {
  let e = 4;
  while (e > -3 && magnitude < DECADES[e + 3]) e--;
  return e;
}

/**
 * Whether the reference rounds `magnitude` up, when `hundredths` (= magnitude × 100 as
 * computed, below 1e7) lies within 1e-6 of `whole` + 0.5.
 *
 * The reference reads `magnitude` as D, its 15-significant-digit decimal, and rounds up
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
  const tolerance = HALF_TOLERANCE[decadeOf(magnitude) + 3];
  if (difference - error > -0.9 * tolerance) return true;
  if (difference + error < -1.1 * tolerance) return false;
  // The third decimal of the 15-digit decimal (plain notation for 0.005 ≤ magnitude < 1e5).
  const decimal = magnitude.toPrecision(15);
  return decimal.charCodeAt(decimal.indexOf('.') + 3) >= 53; // '5'
}

/**
 * A number as written, without float noise: integers as they are, others through their
 * 15-significant-digit decimal. Cost: O(1).
 * @example numberText(0.1 + 0.2) // => '0.3'
 */
export function numberText(n: number): string {
  const shortest = String(n);
  // At most 15 significant digits already (sign, point or exponent only shorten the count):
  // the round trip through toPrecision(15) below would give the same text.
  if (shortest.length <= 15 || (Number.isInteger(n) && Math.abs(n) < 1e15) || !Number.isFinite(n)) return shortest;
  return String(Number(n.toPrecision(15)));
}

/**
 * A number for people: rounded half away from zero to at most `digits` decimals (default
 * 2), trailing zeros dropped, never `-0`. Cost: O(1). Never throws.
 * @example formatNumber(4.5)    // => '4.5'
 * @example formatNumber(1 / 3)  // => '0.33'
 * @example formatNumber(1.005)  // => '1.01'
 * @example formatNumber(0.125, 6) // => '0.125'
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return numberText(digits === 2 ? round2(n) : roundHalfAway(n, digits));
}

/**
 * A fraction as a percent for people, up to `digits` decimals of the percent.
 * @example formatPercent(0.95)   // => '95%'
 * @example formatPercent(0.9876) // => '98.76%'
 */
export function formatPercent(fraction: number, digits = 2): string {
  return `${formatNumber(fraction * 100, digits)}%`;
}

/**
 * A normalised value as the reader wrote it: proportions and growth rates as percents
 * (`0.95` → `95%`), other kinds as plain numbers. Cost: O(1). Never throws.
 * @example formatValue(0.955, 'proportion') // => '95.5%'
 * @example formatValue(3, 'number')         // => '3'
 */
export function formatValue(x: number, kind: ColumnKind, digits = 2): string {
  return kind === 'number' ? formatNumber(x, digits) : formatPercent(x, digits);
}

/**
 * A target, floor or threshold as 指标设置 writes it, blank when unset: up to 6 decimals, so
 * that the 考核说明 sheet shows exactly what was used.
 * @example boundText(0.98, 'proportion') // => '98%'
 * @example boundText(null, 'number')     // => ''
 */
export function boundText(value: number | null, kind: ColumnKind): string {
  return value === null ? '' : formatValue(value, kind, 6);
}
