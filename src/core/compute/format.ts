/**
 * Numbers as a person reads them in a formula, a fact or a veto text: at most 2 decimals,
 * no float noise, no trailing zeros, rates as percents.
 */
import type { ColumnKind } from '../types';
import { round2 } from './round';

/**
 * A number with at most 2 decimals, trailing zeros dropped, never `-0`.
 * Cost: O(1). Never throws.
 * @example formatNumber(4.5)       // => '4.5'
 * @example formatNumber(0.1 + 0.2) // => '0.3'
 * @example formatNumber(19.0)      // => '19'
 */
export function formatNumber(x: number): string {
  const rounded = round2(x);
  return String(rounded === 0 ? 0 : rounded);
}

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
