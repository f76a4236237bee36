/**
 * Reads a workbook snapshot through Office.js in as few round trips as the size allows:
 *
 *   sync 1  sheet names (and visibility) of every sheet;
 *   sync 2  the used-range size of each picked sheet;
 *   sync 3… values, number formats and value types, in row bands of at most `chunkCells`
 *           cells; bands of several sheets share a sync while their total fits.
 *
 * Uses ExcelApi 1.1 only (`getUsedRange()` without arguments; an empty sheet answers A1).
 */
import { columnLetter } from '../core/a1';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../core/types';
import { withOfficeErrors } from './officeErrors';

/**
 * Default cells per request. Excel rejects requests and responses above 5 MB (Office on the
 * web); at a generous 100 bytes per cell (value, number format and type, in JSON, CJK text in
 * UTF-8) 35,000 cells stay near 3.5 MB.
 */
export const DEFAULT_CHUNK_CELLS = 35_000;

/** The used range of one sheet, as Excel reported it (0-based). */
export interface UsedRangeSize {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** A block of whole rows of a used range, loaded with one `range.load`. */
export interface RowBand {
  sheet: string;
  /** 0-based sheet row of the band's first row. */
  rowIndex: number;
  rowCount: number;
  columnIndex: number;
  columnCount: number;
}

/**
 * Cuts used ranges into row bands of at most `chunkCells` cells (at least one row each) and
 * packs them, in order, into syncs whose total stays within `chunkCells`.
 * Cost: O(bands).
 * @example planReadBands([{ sheet: 'A', rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 2 }], 8)
 *   // => [[{ sheet: 'A', rowIndex: 0, rowCount: 4, … }], [{ rowIndex: 4, rowCount: 4, … }], [{ rowIndex: 8, rowCount: 2, … }]]
 */
export function planReadBands(sizes: UsedRangeSize[], chunkCells: number = DEFAULT_CHUNK_CELLS): RowBand[][] {
  const limit = Math.max(1, Math.floor(chunkCells));
  const syncs: RowBand[][] = [];
  let current: RowBand[] = [];
  let currentCells = 0;
  for (const size of sizes) {
    const rowsPerBand = Math.max(1, Math.floor(limit / Math.max(1, size.columnCount)));
    for (let offset = 0; offset < size.rowCount; offset += rowsPerBand) {
      const band: RowBand = {
        sheet: size.sheet,
        rowIndex: size.rowIndex + offset,
        rowCount: Math.min(rowsPerBand, size.rowCount - offset),
        columnIndex: size.columnIndex,
        columnCount: size.columnCount,
      };
      const cells = band.rowCount * band.columnCount;
      if (current.length > 0 && currentCells + cells > limit) {
        syncs.push(current);
        current = [];
        currentCells = 0;
      }
      current.push(band);
      currentCells += cells;
    }
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** `B3:D9` for a band. */
export function bandAddress(band: RowBand): string {
  const top = `${columnLetter(band.columnIndex)}${band.rowIndex + 1}`;
  const bottom = `${columnLetter(band.columnIndex + band.columnCount - 1)}${band.rowIndex + band.rowCount}`;
  return `${top}:${bottom}`;
}

/** One cell from Office.js into the snapshot's model: errors as `{ error }`, blanks as null. */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined || valueType === 'Empty') return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/**
 * Reads the names of all sheets, then the used ranges of the sheets `pick` chooses.
 * Cost: 2 + ⌈cells / chunkCells⌉ syncs (3 for an ordinary workbook).
 * Throws OfficeFailure (with its message) when Excel rejects a request.
 */
export async function readWorkbook(pick: (sheetNames: string[]) => string[], chunkCells: number = DEFAULT_CHUNK_CELLS): Promise<WorkbookSnapshot> {
  return withOfficeErrors(() =>
    Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      await context.sync();
      const sheetNames = worksheets.items.map((sheet) => sheet.name);
      const picked = [...new Set(pick(sheetNames))].filter((name) => sheetNames.includes(name));
      const snapshot: WorkbookSnapshot = { sheetNames, sheets: {} };
      if (picked.length === 0) return snapshot;

      const usedRanges = picked.map((name) => {
        const range = worksheets.getItem(name).getUsedRange();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        return { name, range };
      });
      await context.sync();
      const sizes: UsedRangeSize[] = usedRanges.map(({ name, range }) => ({
        sheet: name,
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      }));
      for (const size of sizes) {
        snapshot.sheets[size.sheet] = { name: size.sheet, values: [], formats: [], originRow: size.rowIndex, originCol: size.columnIndex };
      }

      for (const group of planReadBands(sizes, chunkCells)) {
        const loads = group.map((band) => {
          const range = worksheets.getItem(band.sheet).getRange(bandAddress(band));
          range.load('values,numberFormat,valueTypes');
          return { band, range };
        });
        await context.sync();
        for (const { band, range } of loads) appendBand(snapshot.sheets[band.sheet], range.values, range.numberFormat, range.valueTypes);
      }
      return snapshot;
    }),
  );
}

function appendBand(grid: SheetGrid, values: unknown[][], formats: unknown[][], types: string[][]): void {
  for (let r = 0; r < values.length; r++) {
    grid.values.push(values[r].map((value, c) => toCellValue(value, types[r]?.[c])));
    grid.formats?.push(formats[r].map((format) => (typeof format === 'string' ? format : null)));
  }
}
