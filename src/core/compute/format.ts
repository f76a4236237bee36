/**
 * Numbers as a person reads them in a formula, a fact or a veto text: at most 2 decimals,
 * no float noise, no trailing zeros, rates as percents.
 */
import { formatNumber } from '../read/values';
import type { ColumnKind } from '../types';

/** A number with at most 2 (or `digits`) decimals, trailing zeros dropped, never `-0` — shared with the reader. */
export { formatNumber };

/**
 * A normalised value as the reader wrote it: proportions and growth rates as percents
 * (`0.95` → `95%`), other kinds as plain numbers.
 * Cost: O(1). Never throws.
 * @example formatValue(0.955, 'proportion') // => '95.5%'
 * @example formatValue(3, 'number')         // => '3'
 */
export function formatValue(x: number, kind: ColumnKind): string {
  if (kind === 'number') return formatNumber(x);
  return `${formatNumber(x * 100)}%`;
}
