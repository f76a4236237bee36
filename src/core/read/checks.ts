/**
 * Data checks that warn (RULEBOOK §7): an `A/B` ratio above 1, and values far from all the
 * others (modified z-score, Iglewicz & Hoaglin: |0.6745·(x − median) / MAD| > 3.5, for
 * indicators with at least 5 values). When more than half the units share one value
 * (MAD = 0) the z-score is blind, so a value is then flagged when it is at least 10 times
 * larger or smaller than that shared, non-zero value — the mark of a unit mix-up (元 for
 * 万元, a fraction for a percentage), while 3 problems against everyone's 0 is not noise
 * worth a warning. Missing-value warnings come from data.ts.
 *
 * Yes/no indicators (达标 without a target) are not checked for outliers.
 * Cost: O(units × indicators) (medians by quickselect, no sorting).
 */
import { parseA1 } from '../a1';
import type { Indicator } from '../types';
import type { ValueTable } from '../valueTable';
import type { IssueList } from './issues';
import { formatNumber, formatPercent } from './values';

/** Smallest number of values for the outlier check. */
export const OUTLIER_MIN_VALUES = 5;
/** With MAD = 0: how many times larger or smaller than the shared value a value must be to be flagged. */
export const SHARED_VALUE_FACTOR = 10;
/** Modified z-score above which a value is flagged. */
export const OUTLIER_Z = 3.5;

/** Median of sorted numbers. @example median([1, 2, 3, 10]) // => 2.5 */
export function median(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median of the first `n` numbers of `values`, reordering them in place (quickselect,
 * O(n) on average — no full sort). @example medianInPlace(Float64Array.of(3, 1, 2), 3) // => 2
 */
export function medianInPlace(values: Float64Array, n: number): number {
  const k = n >> 1;
  select(values, 0, n - 1, k);
  if (n % 2 === 1) return values[k];
  let below = values[0];
  for (let i = 1; i < k; i++) if (values[i] > below) below = values[i];
  return (below + values[k]) / 2;
}

/** Hoare quickselect: afterwards values[k] is the k-th smallest of values[left..right]. */
function select(values: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** A value as a person reads it for this indicator: rates as percent. */
function shown(indicator: Indicator, value: number): string {
  return indicator.kind === 'number' ? formatNumber(value) : formatPercent(value);
}

/** The first cell of an IndicatorValue reference (`考核数据!D7/E7` → row/col of D7). */
function firstCell(reference: string): { sheet: string; row: number; col: number } | null {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return null;
  const at = parseA1(reference.slice(bang + 1).split(/[/:]/)[0]);
  return at ? { sheet: reference.slice(0, bang), ...at } : null;
}

/**
 * Adds the warnings of RULEBOOK §7 for read values to `issues`. Reads each indicator's
 * column of the value table once (plus a copy for the median search).
 * @example checkValues(indicators, values, issues) // warns on 考核数据!D7 when 120/100
 */
export function checkValues(indicators: Indicator[], values: ValueTable, issues: IssueList): void {
  const count = values.units;
  const sorted = new Float64Array(count); // the values of one indicator (reordered by the median search)
  const deviations = new Float64Array(count);
  indicators.forEach((indicator, id) => {
    const column = values.column(id);
    const isRatio = indicator.columns.length === 2;
    const yesNo = indicator.method === 'pass' && indicator.target === null && !isRatio;
    let n = 0;
    for (let u = 0; u < count; u++) {
      const v = column[u];
      if (v !== v) continue; // NaN: none
      sorted[n++] = v;
      if (isRatio && v > 1) {
        const at = firstCell(values.cell(u, id));
        if (at) issues.warning(at.sheet, at.row, at.col, 'read.check.ratioAboveOne', { indicator: indicator.name, ratio: formatPercent(v), display: values.display(u, id) });
      }
    }
    if (yesNo || n < OUTLIER_MIN_VALUES) return;
    const mid = medianInPlace(sorted, n);
    for (let i = 0; i < n; i++) deviations[i] = Math.abs(sorted[i] - mid);
    const mad = medianInPlace(deviations, n);
    if (mad === 0 && mid === 0) return;
    const low = mad === 0 ? mid / SHARED_VALUE_FACTOR : mid - (OUTLIER_Z * mad) / 0.6745;
    const high = mad === 0 ? mid * SHARED_VALUE_FACTOR : mid + (OUTLIER_Z * mad) / 0.6745;
    const lowest = Math.min(low, high);
    const highest = Math.max(low, high);
    for (let u = 0; u < count; u++) {
      const x = column[u];
      if (x !== x || (x > lowest && x < highest)) continue;
      if (mad !== 0 && Math.abs((0.6745 * (x - mid)) / mad) <= OUTLIER_Z) continue;
      const at = firstCell(values.cell(u, id));
      if (at) issues.warning(at.sheet, at.row, at.col, 'read.check.outlier', { indicator: indicator.name, value: shown(indicator, x), median: shown(indicator, mid) });
    }
  });
}
