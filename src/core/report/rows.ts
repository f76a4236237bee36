/**
 * Reading an OutputSheet's rows whether it holds them all or builds some on demand
 * (`sheet.lazy`, see LazyRows in types.ts): the xlsx writer streams them band by band,
 * the Office.js and WPS writers take an eager copy.
 */
import type { OutCell, OutputSheet } from '../types';

/**
 * Rows per band when a writer streams a lazy sheet (about 2,300 cells of 计算明细): small,
 * so that a band is garbage before the next young-generation collection would promote it.
 */
export const BAND_ROWS = 256;

/**
 * The sheet's rows, lazy ones counted. Cost: O(1).
 * @example rowCount({ rows: [title, header, [], marker], lazy: { at: 2, count: 8, … } }) // => 12
 */
export function rowCount(sheet: Pick<OutputSheet, 'rows' | 'lazy'>): number {
  return sheet.rows.length + (sheet.lazy?.count ?? 0);
}

/**
 * The widest row's cell count, lazy rows counted by their `columns`. Cost: O(held rows).
 * @example sheetColumns({ rows: [[a], [b, c]] }) // => 2
 */
export function sheetColumns(sheet: Pick<OutputSheet, 'rows' | 'lazy'>): number {
  let width = sheet.lazy && sheet.lazy.count > 0 ? sheet.lazy.columns : 0;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/**
 * Sheet rows [start, end) (clamped to the sheet), held and lazy alike, in order. Lazy rows
 * are built afresh. Cost: O(cells in the band).
 * @example sheetBand(details, 2, 4).length // => 2 (the first two unit × indicator rows)
 */
export function sheetBand(sheet: Pick<OutputSheet, 'rows' | 'lazy'>, start: number, end: number): OutCell[][] {
  const lazy = sheet.lazy;
  const stop = Math.min(end, rowCount(sheet));
  if (!lazy) return sheet.rows.slice(start, stop);
  const from = lazy.at;
  const to = lazy.at + lazy.count;
  const out: OutCell[][] = [];
  for (let r = start; r < Math.min(stop, from); r++) out.push(sheet.rows[r]);
  const lazyStart = Math.max(start, from);
  const lazyEnd = Math.min(stop, to);
  if (lazyStart < lazyEnd) for (const row of lazy.band(lazyStart - from, lazyEnd - from)) out.push(row);
  for (let r = Math.max(start, to); r < stop; r++) out.push(sheet.rows[r - lazy.count]);
  return out;
}

/**
 * A LazyRows `band` from a row maker: rows [start, end) are `make(k)` for k in the range.
 * @example bandOf((k) => [textCell(names[k])])(0, 2).length // => 2
 */
export function bandOf(make: (k: number) => OutCell[]): (start: number, end: number) => OutCell[][] {
  return (start, end) => {
    const rows: OutCell[][] = [];
    for (let k = start; k < end; k++) rows.push(make(k));
    return rows;
  };
}

/**
 * How many cells of sheet rows [start, end) carry a note: the held rows' counted, the lazy
 * rows' as `lazy.notes` says (none without it), no lazy row built. Cost: O(held cells in range).
 * @example sheetNotesIn(results, 2, 10) // => the vetoed units among the first eight
 */
export function sheetNotesIn(sheet: Pick<OutputSheet, 'rows' | 'lazy'>, start: number, end: number): number {
  const lazy = sheet.lazy;
  const from = lazy ? lazy.at : sheet.rows.length;
  const count = lazy ? lazy.count : 0;
  const stop = Math.min(end, rowCount(sheet));
  let notes = 0;
  for (let r = start; r < stop; r++) {
    if (r >= from && r < from + count) continue;
    for (const cell of sheet.rows[r < from ? r : r - count]) if (cell?.note) notes++;
  }
  const lazyStart = Math.max(start, from);
  const lazyEnd = Math.min(stop, from + count);
  if (lazy?.notes && lazyStart < lazyEnd) notes += lazy.notes(lazyStart - from, lazyEnd - from);
  return notes;
}

/**
 * Sheet rows [start, end) as bands of at most `size` rows, each with its first sheet row;
 * only one band is built at a time. Cost: O(cells), memory O(one band).
 * @example [...sheetBands(sheet, 2)].map((b) => b.start) // => [0, 2, 4] for 5 rows
 */
export function* sheetBands(
  sheet: Pick<OutputSheet, 'rows' | 'lazy'>,
  size = BAND_ROWS,
  start = 0,
  end = rowCount(sheet),
): Generator<{ start: number; rows: OutCell[][] }> {
  const step = Math.max(1, size);
  for (let at = start; at < end; at += step) yield { start: at, rows: sheetBand(sheet, at, Math.min(end, at + step)) };
}

/**
 * The sheet with every row held (its lazy rows built), for writers that need them all at
 * once (Office.js, WPS); the sheet itself when it holds them already. Cost: O(cells).
 * @example eagerSheet(details).rows.length // => rowCount(details)
 */
export function eagerSheet(sheet: OutputSheet): OutputSheet {
  if (!sheet.lazy) return sheet;
  return { ...sheet, rows: sheetBand(sheet, 0, rowCount(sheet)), lazy: undefined };
}
