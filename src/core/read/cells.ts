/**
 * Small helpers shared by the sheet readers: a row's cell and format by sheet column,
 * the text a person sees (shortened for messages), and plain-number reading of
 * parameter-like cells such as `30天` or `2次`.
 */
import type { CellValue } from '../types';
import { normalizeText } from './normalize';
import type { TableRow } from './table';
import { cellText, isBlank, parseNumberCell } from './values';

/** The cell of a row at a 0-based sheet column (null beyond the row). */
export function cellAt(row: TableRow, col: number): CellValue {
  return col < row.cells.length ? (row.cells[col] ?? null) : null;
}

/** The number format of a row's cell at a 0-based sheet column, or null. */
export function formatAt(row: TableRow, col: number): string | null {
  return col < row.formats.length ? (row.formats[col] ?? null) : null;
}

/**
 * The cell as a person sees it, shortened to 40 characters (+ '…') for messages.
 * @example shownText('九十') // => '九十'
 */
export function shownText(value: CellValue): string {
  const text = cellText(value).trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Trailing counting words a person may write after a number in a parameter cell. */
const COUNT_SUFFIX = /(天|日|名|个|次|分|年|项|人)$/;

/**
 * Reads a plain number that may carry a counting word (`30天`, `2次`, `2018年`).
 * Returns null for a blank cell, undefined when the cell is not a number. Cost: O(length).
 * @example plainNumber('30天', null) // => 30
 * @example plainNumber('三十', null) // => undefined
 */
export function plainNumber(value: CellValue, fmt: string | null): number | null | undefined {
  if (isBlank(value)) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = normalizeText(value).replace(COUNT_SUFFIX, '');
  const parsed = parseNumberCell(text, fmt, { kind: 'number', allowNegative: true });
  return parsed.ok && parsed.value !== null ? parsed.value : undefined;
}
