/**
 * Reading a found sheet (a SheetGrid) by 1-based sheet coordinates, and the text a person
 * sees in a cell, for comparing Kaohe's result sheets with a recomputation. Pure.
 */
import { cellText } from '../read/values';
import type { CellValue, OutCell, SheetGrid } from '../types';

/**
 * The value at a 1-based sheet row and column ('' outside the used range).
 * @example valueAt({ name: 'X', values: [['a']], originRow: 1, originCol: 0 }, 2, 1) // => 'a'
 */
export function valueAt(grid: SheetGrid, row1: number, col1: number): CellValue {
  const row = grid.values[row1 - 1 - grid.originRow];
  if (!row) return null;
  const v = row[col1 - 1 - grid.originCol];
  return v === undefined ? null : v;
}

/** The trimmed text of a cell as a person sees it (numbers without float noise). */
export function textAt(grid: SheetGrid, row1: number, col1: number): string {
  return cellText(valueAt(grid, row1, col1)).trim();
}

/** Last 1-based sheet row of the used range (0 for an empty sheet). */
export function lastRow(grid: SheetGrid): number {
  return grid.values.length === 0 ? 0 : grid.originRow + grid.values.length;
}

/** Last 1-based sheet column of the used range. Cost: O(rows). */
export function lastCol(grid: SheetGrid): number {
  let width = 0;
  for (const row of grid.values) if (row && row.length > width) width = row.length;
  return width === 0 ? 0 : grid.originCol + width;
}

/**
 * The text an OutCell shows: scores with their two decimals, other numbers plain.
 * @example shownOut({ v: 18.5, fmt: '0.00' }) // => '18.50'
 */
export function shownOut(cell: OutCell | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return '';
  if (typeof cell.v === 'number') return cell.fmt === '0.00' ? cell.v.toFixed(2) : cellText(cell.v);
  return cell.v.trim();
}

/** A found value shown the way its expected cell would be (so 98.8 shows as 98.80 beside 98.80). */
export function shownFound(v: CellValue, like: OutCell | undefined): string {
  if (typeof v === 'number' && like?.fmt === '0.00') return v.toFixed(2);
  return cellText(v).trim();
}

/**
 * True when a found cell holds what the recomputation would write: numbers equal (a number
 * typed as text counts), text equal after trimming; a blank equals ''. Cost: O(text).
 */
export function sameValue(found: CellValue, expected: OutCell | undefined): boolean {
  const want = expected?.v ?? null;
  if (typeof want === 'number') {
    const n = typeof found === 'number' ? found : typeof found === 'string' && found.trim() !== '' ? Number(found.trim()) : NaN;
    return Number.isFinite(n) && Math.abs(n - want) <= 1e-9 * Math.max(1, Math.abs(want));
  }
  return cellText(found).trim() === (want === null ? '' : want.trim());
}
