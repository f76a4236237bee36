/**
 * Merged cells (WORKBOOK "Tolerance", issue 10): a value merged over several cells belongs
 * to each of them — a 类型 or 维度 merged over a group of rows, a 合计 merged across 序号 and
 * 单位, a group title merged across its indicators. Hosts give only the top-left cell's
 * value plus the list of merged ranges; `fillMerges` copies the value into the covered
 * cells of the grid.
 *
 * Bounded: a merge is clipped to the grid's rows and to the width of each row it fills
 * (header rows: to the grid's width), rows shared between blank rows are copied before
 * they are written, and at most MERGE_FILL_LIMIT cells are filled per sheet, so a stray
 * merge over A1:XFD1048576 costs no more than the grid itself.
 *
 * Pure: no Node, DOM or Office.
 */
import type { CellValue, SheetGrid } from '../types';

/** At most this many covered cells are filled per sheet. */
export const MERGE_FILL_LIMIT = 2_000_000;
/** Rows from the top (of the grid) filled up to the grid's width: where headers are. */
const HEADER_ROWS = 12;

/** One merged range in 0-based sheet coordinates, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const RANGE = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

function letters(col: string): number {
  let n = 0;
  for (let i = 0; i < col.length; i++) n = n * 26 + (col.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Parses an absolute A1 range (`A5:A9`, `$B$3:$D$3`, a single `C4`); null when malformed.
 * @example parseRange('A5:B9') // => { top: 4, left: 0, bottom: 8, right: 1 }
 */
export function parseRange(text: string): MergeRange | null {
  const m = RANGE.exec(text.trim().toUpperCase());
  if (!m) return null;
  const r1 = Number(m[2]) - 1;
  const c1 = letters(m[1]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  const c2 = m[3] === undefined ? c1 : letters(m[3]);
  if (r1 < 0 || r2 < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export interface FilledGrid {
  /** The grid's values with merged values copied into covered cells (rows copied on write). */
  values: CellValue[][];
  /** The merges in sheet coordinates (parsed, malformed ones dropped). */
  merges: MergeRange[];
  /** True when MERGE_FILL_LIMIT stopped the filling. */
  truncated: boolean;
}

/**
 * The grid's values with every merge filled in. Returns the grid's own `values` (no copy)
 * when there is nothing to fill. Cost: O(merges + rows + filled cells), at most
 * MERGE_FILL_LIMIT filled cells. Throws: never.
 * @example fillMerges({ name: 'S', values: [['村'], [null]], originRow: 0, originCol: 0, merges: ['A1:A2'] }).values // => [['村'], ['村']]
 */
export function fillMerges(grid: SheetGrid): FilledGrid {
  const source = grid.values;
  const merges: MergeRange[] = [];
  for (const text of grid.merges ?? []) {
    const range = typeof text === 'string' ? parseRange(text) : null;
    if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
  }
  if (merges.length === 0) return { values: source, merges, truncated: false };

  let gridWidth = 0;
  for (let r = 0; r < Math.min(source.length, HEADER_ROWS); r++) {
    const cells = source[r];
    if (cells && cells.length > gridWidth) gridWidth = cells.length;
  }
  const values = source.slice();
  const copied = new Uint8Array(values.length);
  let budget = MERGE_FILL_LIMIT;
  let truncated = false;
  for (const m of merges) {
    const top = m.top - grid.originRow;
    const left = m.left - grid.originCol;
    if (top < 0 || top >= values.length || left < 0) continue;
    const value = values[top]?.[left];
    if (value === null || value === undefined) continue;
    const bottom = Math.min(m.bottom - grid.originRow, values.length - 1);
    for (let r = top; r <= bottom; r++) {
      let cells = values[r] ?? [];
      // Fill only as far as the row reaches (a header row: the grid's width), so a far merge
      // over blank rows and columns is not expanded into a huge block.
      const reach = Math.max(cells.length, r < HEADER_ROWS ? gridWidth : 0, r === top ? 0 : left + 1);
      const right = Math.min(m.right - grid.originCol, reach - 1);
      if (right < left) continue;
      const cost = right - left + 1;
      if (cost > budget) {
        truncated = true;
        break;
      }
      budget -= cost;
      if (!copied[r]) {
        cells = cells.slice();
        copied[r] = 1;
        values[r] = cells;
      }
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (cells.length < c) cells.push(null);
        cells[c] = value;
      }
    }
    if (truncated) break;
  }
  return { values, merges, truncated };
}
