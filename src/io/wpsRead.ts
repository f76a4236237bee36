/**
 * Reads a workbook snapshot through the WPS 表格 object model (synchronous, one call per
 * property), with bounded work however the sheet is laid out:
 *
 *   names     `Sheets.Count`, then `Sheets.Item(i).Name` for each sheet;
 *   size      `UsedRange` (Row, Column, Rows.Count, Columns.Count) of each picked sheet;
 *             more than `maxCells` (a stray far cell, XFD1048576) → the sheet is `unreadable`;
 *   values    `Value2` in row bands of at most `bandCells` cells (one cell: a scalar);
 *   formats   `NumberFormat` per column, halved where it answers null (mixed) down to the
 *             cell: O(format runs × log rows) calls, not one call per cell;
 *   merges    `MergeCells` of the used range (false: none), then halving the areas that
 *             answer true/null down to single cells, whose `MergeArea` names the merge;
 *   hidden    `EntireRow.Hidden` / `EntireColumn.Hidden`, halved where it answers null.
 *
 * Each sheet has a budget of `maxProbes` calls for formats, merges and hidden rows; when
 * merges or hidden rows would pass it they are left undefined (the host could not say);
 * formats past it make the sheet unreadable (a misread format would misread the values).
 */
import { REGISTRY_SHEET } from '../core/defaults';
import { registeredSheets } from '../core/report/plan';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../core/types';
import { isMarkerRow, markerCandidates, withProvenSheets } from './staging';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './wpsTypes';
import { columnLetter, parseA1 } from '../core/a1';
import { WpsFailure } from './wpsErrors';

export interface WpsReadLimits {
  /** Most cells of one sheet's used range (default 2,000,000). */
  maxCells: number;
  /** Most cells per `Value2` read (default 50,000). */
  bandCells: number;
  /** Most calls per sheet for formats, merges and hidden rows together (default 50,000). */
  maxProbes: number;
}

export const DEFAULT_WPS_READ_LIMITS: WpsReadLimits = { maxCells: 2_000_000, bandCells: 50_000, maxProbes: 50_000 };

/** CVErr numbers `Value2` returns for error values → their text. */
const CVERR_TEXT = new Map<number, string>([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
  [-2146826245, '#GETTING_DATA'],
]);

/**
 * One `Value2` cell into the snapshot's model: blanks as null, CVErr numbers as `{ error }`.
 * @example wpsCellValue(-2146826281) // => { error: '#DIV/0!' }
 * @example wpsCellValue(undefined)   // => null
 */
export function wpsCellValue(value: unknown): CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return CVERR_TEXT.has(value) ? { error: CVERR_TEXT.get(value) as string } : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/**
 * `Value2` as rows of `height × width`, whatever shape WPS gave (a scalar for one cell,
 * rows of values for more). Missing cells are undefined.
 */
export function value2Rows(value: unknown, height: number, width: number): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length > 0 && !Array.isArray(value[0])) {
    // A flat list: one row (height 1) or one column (width 1).
    return height === 1 ? [value] : value.map((v) => [v]);
  }
  void width;
  return value as unknown[][];
}

/**
 * True for a number format that shows a date or a time (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"`,
 * `h:mm`, `[$-F800]dddd…`); false for General, numbers, percentages, text and scientific.
 * Quoted text, escaped characters and [..] sections (colours, conditions, locales) are
 * ignored; elapsed-time sections ([h], [mm]) count as time.
 * @example isDateFormat('yyyy"年"m"月"d"日"') // => true
 * @example isDateFormat('0.00%')            // => false
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || /^general$/i.test(format.trim()) || format === '@') return false;
  const section = format.split(';')[0];
  if (/\[(h+|m+|s+)\]/i.test(section)) return true;
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare.replace(/general/gi, '')) && !/^[#0.,%\sE+-]*$/i.test(bare);
}

/**
 * A date from a serial number, as ExcelJS (and so the CLI) turns one into a Date: days
 * since 1899-12-30 in UTC (1462 more in a 1904-based workbook).
 * @example serialToDate(43465).toISOString() // => '2018-12-31T00:00:00.000Z'
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round(((date1904 ? serial + 1462 : serial) - 25569) * 86_400_000));
}

/** `$A$5:$B$9` → 0-based box, or null. */
export function addressBox(address: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const [from, to] = address.replace(/^.*!/, '').split(':');
  const a = parseA1(from ?? '');
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return null;
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

const rangeOf = (r0: number, c0: number, r1: number, c1: number): string => `${columnLetter(c0)}${r0 + 1}:${columnLetter(c1)}${r1 + 1}`;

class Budget {
  used = 0;
  constructor(private readonly limit: number) {}
  /** Counts one call; false once the budget is spent. */
  take(): boolean {
    this.used++;
    return this.used <= this.limit;
  }
}

class OverBudget extends Error {}

/** The active workbook, or a WpsFailure saying there is none. */
export function activeWorkbook(app: WpsApplication): WpsWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new WpsFailure({ code: 'wps.noWorkbook' }, 'NoWorkbook', null);
  return book;
}

/** Names of every sheet, in tab order. Cost: 1 + sheets calls. */
export function sheetNamesOf(book: WpsWorkbook): string[] {
  const count = book.Sheets.Count;
  const names: string[] = [];
  for (let i = 1; i <= count; i++) names.push(book.Sheets.Item(i).Name);
  return names;
}

/**
 * Reads the sheet list and the sheets `pick` chooses. Synchronous, like WPS itself.
 * Throws WpsFailure when there is no workbook; other WPS exceptions pass through
 * (the port wraps them).
 */
export function readWorkbookWps(app: WpsApplication, pick: (sheetNames: string[]) => string[], limits: WpsReadLimits = DEFAULT_WPS_READ_LIMITS): WorkbookSnapshot {
  const book = activeWorkbook(app);
  const sheetNames = sheetNamesOf(book);
  const picked = [...new Set(pick(sheetNames))].filter((name) => sheetNames.includes(name));
  const snapshot: WorkbookSnapshot = { sheetNames, sheets: {} };
  for (const name of picked) snapshot.sheets[name] = readSheet(book.Sheets.Item(name), name, limits, book.Date1904 === true);
  // Unregistered result sheets that end with Kaohe's marker row are Kaohe's (a failed run left them).
  const registered = registeredSheets(snapshot.sheets[REGISTRY_SHEET]);
  const proven = markerCandidates(sheetNames, registered).filter((name) => isMarkerRow(lastRowOf(book.Sheets.Item(name))));
  const registry = withProvenSheets(snapshot.sheets[REGISTRY_SHEET], proven);
  if (registry) snapshot.sheets[REGISTRY_SHEET] = registry;
  return snapshot;
}

/** The last used row of a sheet from column A (at most 64 columns), for the marker check. */
function lastRowOf(sheet: WpsWorksheet): CellValue[] {
  const used = sheet.UsedRange;
  const row = used.Row + used.Rows.Count - 1;
  const right = Math.min(used.Column + used.Columns.Count - 1, 64);
  return value2Rows(sheet.Range(`A${row}:${columnLetter(right - 1)}${row}`).Value2, 1, right)[0].map(wpsCellValue);
}

/** One sheet's grid (values, formats, merges, hidden rows and columns). */
export function readSheet(sheet: WpsWorksheet, name: string, limits: WpsReadLimits = DEFAULT_WPS_READ_LIMITS, date1904 = false): SheetGrid {
  const used = sheet.UsedRange;
  const originRow = used.Row - 1;
  const originCol = used.Column - 1;
  const height = used.Rows.Count;
  const width = used.Columns.Count;
  const cells = height * width;
  if (cells > limits.maxCells) {
    return {
      name,
      values: [],
      formats: [],
      originRow,
      originCol,
      unreadable: { code: 'wps.read.tooLarge', params: { sheet: name, range: rangeOf(originRow, originCol, originRow + height - 1, originCol + width - 1), cells, limit: limits.maxCells } },
    };
  }
  const r1 = originRow + height - 1;
  const c1 = originCol + width - 1;

  const values: CellValue[][] = [];
  const rowsPerBand = Math.max(1, Math.floor(limits.bandCells / Math.max(1, width)));
  for (let top = originRow; top <= r1; top += rowsPerBand) {
    const bottom = Math.min(r1, top + rowsPerBand - 1);
    const rows = value2Rows(sheet.Range(rangeOf(top, originCol, bottom, c1)).Value2, bottom - top + 1, width);
    for (let r = 0; r <= bottom - top; r++) {
      const row = rows[r] ?? [];
      const out: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) out[c] = wpsCellValue(row[c]);
      values.push(out);
    }
  }

  const budget = new Budget(limits.maxProbes);
  let formats: (string | null)[][];
  try {
    formats = readFormats(sheet, originRow, originCol, r1, c1, budget);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return { name, values: [], formats: [], originRow, originCol, unreadable: { code: 'wps.read.tooMixed', params: { sheet: name, limit: limits.maxProbes } } };
  }
  // Dates: WPS gives serial numbers (Value2); the CLI's reader gives Dates for date-formatted
  // cells, and so does this adapter, so the core sees the same thing from both.
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < width; c++) {
      const v = values[r][c];
      if (typeof v === 'number' && isDateFormat(formats[r][c])) values[r][c] = serialToDate(v, date1904);
    }
  }
  const grid: SheetGrid = { name, values, formats, originRow, originCol };
  const merges = readMerges(sheet, used, originRow, originCol, r1, c1, budget);
  if (merges) grid.merges = merges;
  const hiddenRows = readHidden(sheet, 'rows', originRow, r1, budget);
  if (hiddenRows) grid.hiddenRows = hiddenRows;
  const hiddenCols = readHidden(sheet, 'cols', originCol, c1, budget);
  if (hiddenCols) grid.hiddenCols = hiddenCols;
  return grid;
}

/** Number formats: the whole range first, then per column, halving mixed runs. */
function readFormats(sheet: WpsWorksheet, r0: number, c0: number, r1: number, c1: number, budget: Budget): (string | null)[][] {
  const height = r1 - r0 + 1;
  const width = c1 - c0 + 1;
  const formats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill('General'));
  const take = () => {
    if (!budget.take()) throw new OverBudget();
  };
  take();
  const whole = sheet.Range(rangeOf(r0, c0, r1, c1)).NumberFormat;
  if (typeof whole === 'string') {
    for (const row of formats) row.fill(whole);
    return formats;
  }
  for (let c = c0; c <= c1; c++) {
    const fill = (top: number, bottom: number, format: string) => {
      for (let r = top; r <= bottom; r++) formats[r - r0][c - c0] = format;
    };
    const walk = (top: number, bottom: number): void => {
      take();
      const format = sheet.Range(rangeOf(top, c, bottom, c)).NumberFormat;
      if (typeof format === 'string') fill(top, bottom, format);
      else if (top === bottom) fill(top, bottom, 'General');
      else {
        const mid = Math.floor((top + bottom) / 2);
        walk(top, mid);
        walk(mid + 1, bottom);
      }
    };
    walk(r0, r1);
  }
  return formats;
}

/** Merged areas touching the used range, as absolute A1 ranges; undefined past the budget. */
function readMerges(sheet: WpsWorksheet, used: WpsRange, r0: number, c0: number, r1: number, c1: number, budget: Budget): string[] | undefined {
  if (!budget.take()) return undefined;
  if (used.MergeCells === false) return [];
  const found = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
  const covered = (a: number, b: number, c: number, d: number) => [...found.values()].some((m) => a >= m.r0 && c <= m.r1 && b >= m.c0 && d <= m.c1);
  const walk = (top: number, left: number, bottom: number, right: number): boolean => {
    if (covered(top, left, bottom, right)) return true;
    if (!budget.take()) return false;
    const range = sheet.Range(rangeOf(top, left, bottom, right));
    const merged = range.MergeCells;
    if (merged === false) return true;
    if (!budget.take()) return false;
    const areaAddress = range.MergeArea.Address();
    const area = addressBox(areaAddress);
    if (area && (area.r0 !== area.r1 || area.c0 !== area.c1)) {
      found.set(rangeOf(area.r0, area.c0, area.r1, area.c1), area);
      if (merged === true && area.r0 <= top && area.c0 <= left && area.r1 >= bottom && area.c1 >= right) return true;
    }
    if (top === bottom && left === right) return true;
    if (bottom - top >= right - left) {
      const mid = Math.floor((top + bottom) / 2);
      return walk(top, left, mid, right) && walk(mid + 1, left, bottom, right);
    }
    const mid = Math.floor((left + right) / 2);
    return walk(top, left, bottom, mid) && walk(top, mid + 1, bottom, right);
  };
  return walk(r0, c0, r1, c1) ? [...found.keys()] : undefined;
}

/** 1-based hidden rows (or columns) between `from` and `to` (0-based); undefined past the budget. */
function readHidden(sheet: WpsWorksheet, kind: 'rows' | 'cols', from: number, to: number, budget: Budget): number[] | undefined {
  const hidden: number[] = [];
  const probe = (a: number, b: number): boolean | null => {
    const range = kind === 'rows' ? sheet.Range(`A${a + 1}:A${b + 1}`).EntireRow : sheet.Range(`${columnLetter(a)}1:${columnLetter(b)}1`).EntireColumn;
    return range.Hidden;
  };
  const walk = (a: number, b: number): boolean => {
    if (!budget.take()) return false;
    const answer = probe(a, b);
    if (answer === false) return true;
    if (answer === true) {
      for (let i = a; i <= b; i++) hidden.push(i + 1);
      return true;
    }
    if (a === b) return true;
    const mid = Math.floor((a + b) / 2);
    return walk(a, mid) && walk(mid + 1, b);
  };
  return walk(from, to) ? hidden : undefined;
}
