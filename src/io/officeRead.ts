/**
 * Reads a workbook snapshot through Office.js in as few round trips as the size allows,
 * without trusting the used range (a stray value at XFD1048576, or a format applied to whole
 * rows, makes it enormous):
 *
 *   sync 1  sheet names of every sheet;
 *   sync 2  for each picked sheet: the used range (`getUsedRange(true)`, values only, where
 *           ExcelApi 1.2 is there); merged areas (ExcelApi 1.13) and whether any row or
 *           column is hidden (1.2); the last row of sheets that may be Kaohe's unregistered
 *           results (the marker row, src/io/staging.ts);
 *   sync 3… values, number formats and value types in row bands of at most `chunkCells`
 *           cells (bands of several sheets share a sync), at most MAX_READ_COLUMNS wide;
 *           a sheet stops after EMPTY_ROWS_TO_STOP empty rows in a row (the real end of its
 *           data), and a sheet whose data passes MAX_READ_CELLS is left `unreadable`;
 *   then    only when some rows or columns are hidden but not all: which ones, by halving
 *           blocks 32 ways per sync (≤ 4 syncs for a million rows).
 */
import { columnLetter } from '../core/a1';
import { REGISTRY_SHEET } from '../core/defaults';
import { registeredSheets } from '../core/report/plan';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../core/types';
import { withOfficeErrors } from './officeErrors';
import { isMarkerRow, markerCandidates, withProvenSheets } from './staging';

/**
 * Default cells per request. Excel rejects requests and responses above 5 MB (Office on the
 * web); at a generous 100 bytes per cell (value, number format and type, in JSON, CJK text in
 * UTF-8) 35,000 cells stay near 3.5 MB.
 */
export const DEFAULT_CHUNK_CELLS = 35_000;
/** Columns read at most: a ledger has a few dozen; what lies beyond column IV is a stray cell. */
export const MAX_READ_COLUMNS = 256;
/** A run of this many empty rows ends a sheet's data (checked at band ends). */
export const EMPTY_ROWS_TO_STOP = 1_000;
/** Most cells of one sheet read (about 70 syncs); a larger sheet is left unreadable with a message. */
export const MAX_READ_CELLS = 2_500_000;

/** The used range of one sheet, as Excel reported it (0-based), cut to MAX_READ_COLUMNS. */
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

/** How far the reading of one sheet has got. */
export interface SheetProgress {
  size: UsedRangeSize;
  /** Rows of the used range queued so far. */
  queued: number;
  /** Empty rows at the end of what has been read. */
  emptyRun: number;
  done: boolean;
}

/**
 * The bands of the next sync: in sheet order, whole bands of at most `chunkCells` cells
 * (at least one row), while the sync's total stays within `chunkCells`. Advances `queued`.
 * Cost: O(bands of the sync).
 * @example nextReadSync([{ size: { sheet: 'A', rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 2 }, queued: 0, emptyRun: 0, done: false }], 8)
 *   // => [{ sheet: 'A', rowIndex: 0, rowCount: 4, columnIndex: 0, columnCount: 2 }]
 */
export function nextReadSync(sheets: SheetProgress[], chunkCells: number = DEFAULT_CHUNK_CELLS): RowBand[] {
  const limit = Math.max(1, Math.floor(chunkCells));
  const bands: RowBand[] = [];
  let cells = 0;
  for (const progress of sheets) {
    const { size } = progress;
    const rowsPerBand = Math.max(1, Math.floor(limit / Math.max(1, size.columnCount)));
    while (!progress.done && progress.queued < size.rowCount) {
      const rowCount = Math.min(rowsPerBand, size.rowCount - progress.queued);
      const bandCells = rowCount * size.columnCount;
      if (bands.length > 0 && cells + bandCells > limit) return bands;
      bands.push({ sheet: size.sheet, rowIndex: size.rowIndex + progress.queued, rowCount, columnIndex: size.columnIndex, columnCount: size.columnCount });
      cells += bandCells;
      progress.queued += rowCount;
    }
  }
  return bands;
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

/** What the running Excel can tell while reading. */
export interface ReadFeatures {
  /** getUsedRange(valuesOnly), rowHidden/columnHidden: ExcelApi 1.2. */
  valuesOnlyAndHidden: boolean;
  /** getMergedAreasOrNullObject: ExcelApi 1.13. */
  mergedAreas: boolean;
}

/** The read features of the Excel this code runs in. */
export function officeReadFeatures(): ReadFeatures {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  const has = (version: string): boolean => (requirements ? requirements.isSetSupported('ExcelApi', version) : false);
  return { valuesOnlyAndHidden: has('1.2'), mergedAreas: has('1.13') };
}

export interface ReadOptions {
  chunkCells?: number;
  features?: ReadFeatures;
}

/** Proxies queued in sync 2 for one sheet. */
interface SheetProbe {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  hidden: Excel.Range | null;
}

/**
 * Reads the names of all sheets, then the data of the sheets `pick` chooses.
 * Cost: 2 + ⌈cells / chunkCells⌉ syncs (3 for an ordinary workbook); a stray far cell adds
 * at most ⌈EMPTY_ROWS_TO_STOP × MAX_READ_COLUMNS / chunkCells⌉.
 * Throws OfficeFailure (with its message) when Excel rejects a request.
 */
export async function readWorkbook(pick: (sheetNames: string[]) => string[], options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const chunkCells = options.chunkCells ?? DEFAULT_CHUNK_CELLS;
  const features = options.features ?? officeReadFeatures();
  return withOfficeErrors(() =>
    Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const sheetNames = worksheets.items.map((sheet) => sheet.name);
      const picked = [...new Set(pick(sheetNames))].filter((name) => sheetNames.includes(name));
      const snapshot: WorkbookSnapshot = { sheetNames, sheets: {} };
      if (picked.length === 0) return snapshot;

      // sync 2: sizes, merges, hidden rows/columns, marker rows.
      const probes: SheetProbe[] = picked.map((name) => {
        const sheet = worksheets.getItem(name);
        const used = features.valuesOnlyAndHidden ? sheet.getUsedRange(true) : sheet.getUsedRange();
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        const merged = features.mergedAreas ? sheet.getUsedRange().getMergedAreasOrNullObject() : null;
        merged?.load('address,isNullObject');
        const hidden = features.valuesOnlyAndHidden ? sheet.getUsedRange() : null;
        hidden?.load('rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden');
        return { name, used, merged, hidden };
      });
      const candidates = markerCandidates(sheetNames, []).map((name) => {
        const last = worksheets.getItem(name).getUsedRange().getLastRow();
        last.load('values');
        return { name, last };
      });
      await context.sync();

      const progress: SheetProgress[] = probes.map(({ name, used }) => ({
        size: { sheet: name, rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: Math.min(used.columnCount, MAX_READ_COLUMNS) },
        queued: 0,
        emptyRun: 0,
        done: false,
      }));
      for (const { size } of progress) {
        snapshot.sheets[size.sheet] = { name: size.sheet, values: [], formats: [], originRow: size.rowIndex, originCol: size.columnIndex };
      }

      // sync 3…: the data in bands, stopping at the real end.
      for (;;) {
        const bands = nextReadSync(progress, chunkCells);
        if (bands.length === 0) break;
        const loads = bands.map((band) => {
          const range = worksheets.getItem(band.sheet).getRange(bandAddress(band));
          range.load('values,numberFormat,valueTypes');
          return { band, range };
        });
        await context.sync();
        for (const { band, range } of loads) {
          const state = progress.find((p) => p.size.sheet === band.sheet) as SheetProgress;
          if (state.done) continue;
          const grid = snapshot.sheets[band.sheet];
          state.emptyRun = appendBand(grid, range.values, range.numberFormat, range.valueTypes, state.emptyRun);
          if (grid.values.length * state.size.columnCount > MAX_READ_CELLS) {
            snapshot.sheets[band.sheet] = { name: band.sheet, values: [], originRow: state.size.rowIndex, originCol: state.size.columnIndex, unreadable: { code: 'ui.office.tooManyCells', params: { sheet: band.sheet, cells: MAX_READ_CELLS } } };
            state.done = true;
          } else if (state.emptyRun >= EMPTY_ROWS_TO_STOP || state.queued >= state.size.rowCount) {
            dropTrailingEmpty(grid, state.emptyRun);
            state.done = true;
          }
        }
      }

      for (const probe of probes) {
        const grid = snapshot.sheets[probe.name];
        if (grid.unreadable) continue;
        if (probe.merged) grid.merges = probe.merged.isNullObject ? [] : mergedAddresses(probe.merged.address);
      }
      await readHidden(context, probes, snapshot);

      // Unregistered result sheets that end with Kaohe's marker row are Kaohe's (a failed run left them).
      const registered = registeredSheets(snapshot.sheets[REGISTRY_SHEET]);
      const proven = candidates.filter(({ name, last }) => !registered.includes(name) && isMarkerRow(last.values[0]?.map((v) => toCellValue(v, undefined)))).map(({ name }) => name);
      const registry = withProvenSheets(snapshot.sheets[REGISTRY_SHEET], proven);
      if (registry) snapshot.sheets[REGISTRY_SHEET] = registry;
      return snapshot;
    }),
  );
}

/** `'考核数据'!A1:B2,'考核数据'!D4:E4` → `['A1:B2', 'D4:E4']` (absolute, upper case). */
export function mergedAddresses(address: string): string[] {
  if (!address) return [];
  return address
    .split(',')
    .map((part) => part.slice(part.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase())
    .filter((part) => part !== '')
    .map((part) => (part.includes(':') ? part : `${part}:${part}`));
}

/** Appends a band's rows; returns the run of empty rows at the end. Empty rows share one array. */
function appendBand(grid: SheetGrid, values: unknown[][], formats: unknown[][], types: string[][], emptyRun: number): number {
  let run = emptyRun;
  const empty: CellValue[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r].map((value, c) => toCellValue(value, types[r]?.[c]));
    const blank = row.every((v) => v === null);
    run = blank ? run + 1 : 0;
    grid.values.push(blank ? empty : row);
    grid.formats?.push(blank ? [] : formats[r].map((format) => (typeof format === 'string' ? format : null)));
  }
  return run;
}

function dropTrailingEmpty(grid: SheetGrid, emptyRun: number): void {
  const keep = Math.max(0, grid.values.length - emptyRun);
  grid.values.length = keep;
  if (grid.formats) grid.formats.length = keep;
}

/** Blocks per level of the hidden-row search. */
const HIDDEN_FAN_OUT = 32;

/**
 * Fills `hiddenRows`/`hiddenCols` (1-based) of each grid: [] when nothing in its extent is
 * hidden, undefined when the host cannot tell. Mixed ranges are split HIDDEN_FAN_OUT ways a
 * sync until single rows/columns remain. Cost: 0 syncs when nothing or all is hidden; else
 * ⌈log32(extent)⌉.
 */
async function readHidden(context: Excel.RequestContext, probes: SheetProbe[], snapshot: WorkbookSnapshot): Promise<void> {
  interface Block {
    grid: SheetGrid;
    sheet: string;
    axis: 'rows' | 'cols';
    from: number;
    to: number;
    /** Column (rows axis) or row (cols axis) span used in the address. */
    across: [number, number];
  }
  let mixed: Block[] = [];
  for (const probe of probes) {
    const grid = snapshot.sheets[probe.name];
    if (!probe.hidden || grid.unreadable) continue;
    const h = probe.hidden;
    const rows: [number, number] = [grid.originRow, grid.originRow + Math.max(grid.values.length, 1) - 1];
    const cols: [number, number] = [grid.originCol, grid.originCol + Math.min(h.columnCount, MAX_READ_COLUMNS) - 1];
    grid.hiddenRows = [];
    grid.hiddenCols = [];
    // rowHidden of the used range: true = all hidden, false = none, null = some.
    if (h.rowHidden === true) grid.hiddenRows = range1(rows[0], rows[1]);
    else if (h.rowHidden !== false) mixed.push({ grid, sheet: probe.name, axis: 'rows', from: rows[0], to: rows[1], across: cols });
    if (h.columnHidden === true) grid.hiddenCols = range1(cols[0], cols[1]);
    else if (h.columnHidden !== false) mixed.push({ grid, sheet: probe.name, axis: 'cols', from: cols[0], to: cols[1], across: rows });
  }
  while (mixed.length > 0) {
    const loads: { block: Block; range: Excel.Range }[] = [];
    for (const block of mixed) {
      const span = block.to - block.from + 1;
      const step = Math.max(1, Math.ceil(span / HIDDEN_FAN_OUT));
      for (let from = block.from; from <= block.to; from += step) {
        const part: Block = { ...block, from, to: Math.min(block.to, from + step - 1) };
        const address =
          block.axis === 'rows'
            ? `${columnLetter(block.across[0])}${part.from + 1}:${columnLetter(block.across[0])}${part.to + 1}`
            : `${columnLetter(part.from)}${block.across[0] + 1}:${columnLetter(part.to)}${block.across[0] + 1}`;
        const range = context.workbook.worksheets.getItem(block.sheet).getRange(address);
        range.load(block.axis === 'rows' ? 'rowHidden' : 'columnHidden');
        loads.push({ block: part, range });
      }
    }
    await context.sync();
    const next: Block[] = [];
    for (const { block, range } of loads) {
      const hidden = block.axis === 'rows' ? range.rowHidden : range.columnHidden;
      const list = block.axis === 'rows' ? block.grid.hiddenRows : block.grid.hiddenCols;
      if (hidden === true) list?.push(...range1(block.from, block.to));
      else if (hidden !== false && block.from < block.to) next.push(block);
    }
    mixed = next;
  }
  for (const probe of probes) {
    const grid = snapshot.sheets[probe.name];
    grid.hiddenRows?.sort((a, b) => a - b);
    grid.hiddenCols?.sort((a, b) => a - b);
  }
}

/** 1-based numbers of the 0-based indices from..to. */
function range1(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i + 1);
  return out;
}
