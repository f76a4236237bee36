/**
 * Spearman's rank correlation (issue 13 §3): the Pearson correlation of the two rank lists
 * after re-ranking each among the units present in both years, tied places given their
 * average rank. With ties the textbook shortcut 1 − 6Σd²/(n(n²−1)) is not exact, so the
 * Pearson form is used throughout.
 */

/**
 * Average ranks (1-based) of `values`, smaller value = better = rank 1; equal values share
 * the mean of the places they take. Cost: O(n log n).
 * @example averageRanks([1, 2, 2, 4]) // => [1, 2.5, 2.5, 4]
 */
export function averageRanks(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const out = new Array<number>(values.length);
  for (let p = 0; p < order.length; ) {
    let q = p + 1;
    while (q < order.length && values[order[q]] === values[order[p]]) q++;
    const mean = (p + 1 + q) / 2;
    for (let r = p; r < q; r++) out[order[r]] = mean;
    p = q;
  }
  return out;
}

/**
 * Spearman's ρ of two rank lists of the same units (same order), or null when fewer than
 * two units or either list has no spread. Cost: O(n log n).
 * @example spearman([1, 2, 3, 4], [2, 1, 4, 3]) // => 0.6
 */
export function spearman(a: number[], b: number[]): number | null {
  const n = a.length;
  if (n < 2 || b.length !== n) return null;
  const x = averageRanks(a);
  const y = averageRanks(b);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mean;
    const dy = y[i] - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
