/**
 * Carries out a WritePlan through Office.js as a staged write (see applyPlan and
 * src/io/staging.ts). Each sheet is written like this:
 *
 *   1. (staging) add it under a temporary name;
 *   2. write it in row bands: number formats first (`@` on every text cell,
 *      so `=`, `+`, `-`, `@` stay text), then values;
 *   3. formats as rectangles (fills, bold, wrap, alignment), header borders;
 *   4. features behind requirement sets: merges, column widths, very-hidden registry (1.2),
 *      frozen panes (1.7), page layout (1.9), cell notes (1.18; else comments 1.10; else
 *      only the 说明 column carries the text);
 *   5. activate the first result sheet.
 *
 * When the queued payload would pass the request budget, it syncs in between (same run).
 */
import { a1, columnLetter } from '../core/a1';
import { REGISTRY_SHEET } from '../core/defaults';
import { eagerSheet } from '../core/report/rows';
import type { OutCell, OutputSheet, WritePlan } from '../core/types';
import { OfficeFailure, officeErrorMsg } from './officeErrors';
import { DEFAULT_CHUNK_CELLS } from './officeRead';
import { rollBack, rollForward, stageWrite, type StagedWrite, type SwapRemainder } from './staging';
import { addOfficeChart } from './officeChart';

/**
 * Queued bytes (values and number formats, as JSON in UTF-8) after which the writer syncs
 * before going on. Excel on the web refuses requests over 5 MB; 4,000,000 bytes plus the small
 * format calls stays under 4 MiB. 1,000 units with the default indicator set need about 3.5 MB,
 * so they are written in one sync.
 */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4_000_000;

/** What the running Excel can do beyond ExcelApi 1.1. */
export interface WriteFeatures {
  /** Range.merge, format.columnWidth, setting Worksheet.visibility: ExcelApi 1.2. */
  mergeWidthHide: boolean;
  /** Worksheet.freezePanes: ExcelApi 1.7. */
  freeze: boolean;
  /** Worksheet.pageLayout: ExcelApi 1.9. */
  pageLayout: boolean;
  /** Cell notes (ExcelApi 1.18), else threaded comments (1.10), else none. */
  notes: 'notes' | 'comments' | null;
}

/**
 * Asks Office which requirement sets the running Excel supports.
 * @example detectFeatures((set, v) => v === '1.1') // => { mergeWidthHide: false, freeze: false, pageLayout: false, notes: null }
 */
export function detectFeatures(isSetSupported: (set: string, version: string) => boolean): WriteFeatures {
  const excel = (version: string): boolean => isSetSupported('ExcelApi', version);
  return {
    mergeWidthHide: excel('1.2'),
    freeze: excel('1.7'),
    pageLayout: excel('1.9'),
    notes: excel('1.18') ? 'notes' : excel('1.10') ? 'comments' : null,
  };
}

/** The features of the Excel this code runs in (Office.context.requirements). */
export function officeFeatures(): WriteFeatures {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return detectFeatures((set, version) => (requirements ? requirements.isSetSupported(set, version) : false));
}

/** The value Excel receives for a cell: null becomes ''. */
export function excelValue(cell: OutCell | undefined): string | number {
  const v = cell?.v;
  return v === null || v === undefined ? '' : v;
}

/**
 * The number format a cell gets BEFORE its value: every string is text (`@`), so Excel never
 * turns it into a formula or a number; numbers keep their format (default General).
 * @example numberFormatFor({ v: '=HYPERLINK("x")', text: true }) // => '@'
 * @example numberFormatFor({ v: 91.25, fmt: '0.00' }) // => '0.00'
 */
export function numberFormatFor(cell: OutCell | undefined): string {
  if (!cell) return 'General';
  if (typeof cell.v === 'string' || cell.text) return '@';
  return cell.fmt ?? 'General';
}

/** A rectangle of cells sharing one value of a format attribute (0-based, inclusive). */
export interface FormatBlock<T> {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  value: T;
}

/**
 * Groups the cells that carry an attribute into rectangles: horizontal runs of equal value,
 * stacked while the next row has the same run. Keeps the number of Office calls small
 * (a formatted column of 20,000 rows is one call). Cost: O(cells).
 * @example formatBlocks([[{ v: 1, bold: true }, { v: 2, bold: true }]], (c) => c.bold) // => [{ r0: 0, c0: 0, r1: 0, c1: 1, value: true }]
 */
export function formatBlocks<T>(rows: OutCell[][], pickValue: (cell: OutCell) => T | undefined): FormatBlock<T>[] {
  const done: FormatBlock<T>[] = [];
  let open = new Map<string, FormatBlock<T>>();
  rows.forEach((row, r) => {
    const next = new Map<string, FormatBlock<T>>();
    let c = 0;
    while (c < row.length) {
      const value = row[c] ? pickValue(row[c]) : undefined;
      if (value === undefined || value === null || (value as unknown) === false) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] && pickValue(row[end + 1]) === value) end++;
      const key = `${c}:${end}:${String(value)}`;
      const above = open.get(key);
      if (above) {
        above.r1 = r;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { r0: r, c0: c, r1: r, c1: end, value });
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

/** `A1:C4` for a block. */
export function blockAddress(block: { r0: number; c0: number; r1: number; c1: number }): string {
  return `${a1(block.r0, block.c0)}:${a1(block.r1, block.c1)}`;
}

/** Excel column width in points for a width in characters (7 px a character plus 5 px padding, at 96 dpi). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** ARGB `FFC6EFCE` → `#C6EFCE`. */
export function cssColour(argb: string): string {
  const hex = argb.replace(/^#/, '');
  return `#${hex.length === 8 ? hex.slice(2) : hex}`;
}

/**
 * UTF-8 length of a string, without TextEncoder (IE11 and EdgeHTML lack it). A lone
 * surrogate counts 3 bytes, as its U+FFFD replacement. Cost: O(length).
 * @example utf8Length('考核a') // => 7
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const utf8Bytes = utf8Length;

/** The tables of a sheet: each header row down to the last non-blank row before the next header. */
export function tableBlocks(sheet: OutputSheet): { r0: number; c0: number; r1: number; c1: number }[] {
  const headers = [...sheet.headerRows].sort((x, y) => x - y).map((row1) => row1 - 1);
  return headers.map((r0, index) => {
    const stop = index + 1 < headers.length ? headers[index + 1] : sheet.rows.length;
    const width = Math.max(1, sheet.rows[r0]?.length ?? 1);
    let r1 = r0;
    while (r1 + 1 < stop && (sheet.rows[r1 + 1] ?? []).some((cell) => cell && cell.v !== null && cell.v !== '')) r1++;
    return { r0, c0: 0, r1, c1: width - 1 };
  });
}

/** Syncs in the middle of a run when the queued payload would pass the budget. */
class RequestBudget {
  private queued = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) {
      await this.context.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }
}

export interface ApplyOptions {
  chunkCells?: number;
  requestBudgetBytes?: number;
  features?: WriteFeatures;
}

/** Excel's limits on what a sheet may hold. */
export const EXCEL_MAX_ROW_HEIGHT_POINTS = 409;
export const EXCEL_MAX_COLUMN_WIDTH_CHARACTERS = 255;

/**
 * Applies a write plan as a staged write (src/io/staging.ts), so it cannot half-happen:
 *
 *   run 1  sync 1  names of the sheets now;
 *          sync 2… delete orphans of failed runs, write every new sheet under a staging name
 *                  (one sync per request budget), create the registry if missing;
 *          sync n  the swap: delete Kaohe's old sheets, rename the staged ones, rewrite the
 *                  registry in place, activate the first result sheet.
 *
 * A failure while staging deletes the staged sheets (a second run) and throws
 * `ui.office.rolledBack`: the previous results stay. A failure during the swap finishes it
 * (a second run) so the workbook holds the new set; if that fails too, `ui.office.unfinished`.
 * Cost: 3 syncs for results up to about `requestBudgetBytes`, one more per further budget.
 * Throws OfficeFailure (with its message) when Excel refuses.
 */
export async function applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
  const features = options.features ?? officeFeatures();
  const chunkCells = options.chunkCells ?? DEFAULT_CHUNK_CELLS;
  const budgetBytes = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
  let write: StagedWrite | null = null;
  let phase: 'names' | 'stage' | 'swap' = 'names';
  try {
    await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const staged = stageWrite({ sheetNames: worksheets.items.map((sheet) => sheet.name), plan });
      if (staged.conflicts.length > 0) {
        throw new OfficeFailure({ code: 'ui.office.nameTaken', params: { sheet: staged.conflicts[0] } }, '', null);
      }
      write = staged;
      phase = 'stage';
      const budget = new RequestBudget(context, budgetBytes);
      for (const name of staged.cleanup) worksheets.getItem(name).delete();
      for (const { staging, sheet } of staged.staged) await writeSheet(context, worksheets.add(staging), sheet, features, chunkCells, budget);
      if (staged.registry?.create) await writeSheet(context, worksheets.add(REGISTRY_SHEET), staged.registry.sheet, features, chunkCells, budget);
      await context.sync();
      phase = 'swap';
      queueSwap(worksheets, staged.remove, staged.staged.map((s) => ({ from: s.staging, to: s.final })), staged, features);
      await context.sync();
    });
  } catch (error) {
    if (error instanceof OfficeFailure && !write) throw error;
    const cause = officeFailure(error);
    if (!write || phase === 'names') throw cause;
    if (phase === 'stage') {
      await recover((names) => ({ remove: rollBack(names, write as StagedWrite), rename: [] }), null, features);
      throw new OfficeFailure({ code: 'ui.office.rolledBack', params: { reason: cause.officeCode || cause.msg.code } }, cause.officeCode, error);
    }
    try {
      await recover((names) => rollForward(names, write as StagedWrite), write, features);
    } catch {
      throw new OfficeFailure({ code: 'ui.office.unfinished', params: { reason: cause.officeCode || cause.msg.code } }, cause.officeCode, error);
    }
  }
}

function officeFailure(error: unknown): OfficeFailure {
  return error instanceof OfficeFailure ? error : new OfficeFailure(officeErrorMsg(error), typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '', error);
}

/** Queues the swap: deletes, renames, the registry rewritten in place, the first result sheet activated. */
function queueSwap(worksheets: Excel.WorksheetCollection, remove: string[], rename: { from: string; to: string }[], write: StagedWrite, features: WriteFeatures): void {
  for (const name of remove) worksheets.getItem(name).delete();
  for (const { from, to } of rename) worksheets.getItem(from).name = to;
  if (write.registry) {
    const registry = worksheets.getItem(REGISTRY_SHEET);
    registry.getRange('A1:B1048576').clear('Contents');
    const rows = write.registry.rows.map((row) => [excelCellValue(row[0]), excelCellValue(row[1])]);
    registry.getRange(`A1:B${rows.length}`).values = rows;
    // A registry left visible by ExcelApi 1.1 is hidden as soon as a version that can do it runs.
    if (features.mergeWidthHide) registry.visibility = 'VeryHidden';
  }
  if (write.activate) worksheets.getItem(write.activate).activate();
}

/** A second run after a failure: reads the sheet names, then deletes and renames what `remainder` says. */
async function recover(remainder: (names: string[]) => SwapRemainder, write: StagedWrite | null, features: WriteFeatures): Promise<void> {
  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const todo = remainder(worksheets.items.map((sheet) => sheet.name));
    if (write) queueSwap(worksheets, todo.remove, todo.rename, write, features);
    else for (const name of todo.remove) worksheets.getItem(name).delete();
    await context.sync();
  });
}

const excelCellValue = (v: unknown): string | number => (typeof v === 'string' || typeof v === 'number' ? v : '');

/**
 * Writes one sheet's values, formats and features (queued against the budget). A sheet
 * with lazy rows (计算明细) has them built here, for this sheet only.
 */
async function writeSheet(context: Excel.RequestContext, worksheet: Excel.Worksheet, laidOut: OutputSheet, features: WriteFeatures, chunkCells: number, budget: RequestBudget): Promise<void> {
  const sheet = eagerSheet(laidOut);
  await writeValues(worksheet, sheet, chunkCells, budget);
  await writeFormats(worksheet, sheet, features, budget);
  await writeFeatures(context, worksheet, sheet, features, budget);
  if (sheet.chart) addOfficeChart(worksheet, sheet);
}

async function writeValues(worksheet: Excel.Worksheet, sheet: OutputSheet, chunkCells: number, budget: RequestBudget): Promise<void> {
  let width = 1;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  const rowsPerBand = Math.max(1, Math.floor(chunkCells / width));
  for (let start = 0; start < sheet.rows.length; start += rowsPerBand) {
    const bandRows = sheet.rows.slice(start, start + rowsPerBand);
    const values = bandRows.map((row) => Array.from({ length: width }, (_, c) => excelValue(row[c])));
    const formats = bandRows.map((row) => Array.from({ length: width }, (_, c) => numberFormatFor(row[c])));
    const needsFormats = formats.some((row) => row.some((format) => format !== 'General'));
    await budget.reserve(utf8Bytes(JSON.stringify(values)) + (needsFormats ? utf8Bytes(JSON.stringify(formats)) : 0));
    const range = worksheet.getRange(`A${start + 1}:${columnLetter(width - 1)}${start + bandRows.length}`);
    if (needsFormats) range.numberFormat = formats;
    range.values = values;
  }
}

/** Border sides as Office.js strings (string literals, so no runtime Excel enums are needed). */
type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

const ALIGNMENT: Record<NonNullable<OutCell['align']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };

/** Bytes one queued format operation adds to a request (object path, property, address, value), generously. */
const FORMAT_OP_BYTES = 300;

async function writeFormats(worksheet: Excel.Worksheet, sheet: OutputSheet, features: WriteFeatures, budget: RequestBudget): Promise<void> {
  // Every operation is counted against the request budget, so a sheet of 200,000 rows
  // cannot push its request past the limit with formats queued after its values.
  const op = () => budget.reserve(FORMAT_OP_BYTES);
  for (const block of formatBlocks(sheet.rows, (cell) => cell.fill)) {
    await op();
    worksheet.getRange(blockAddress(block)).format.fill.color = cssColour(block.value);
  }
  const headerRows = new Set(sheet.headerRows.map((row1) => row1 - 1));
  for (const block of formatBlocks(sheet.rows.map((row, r) => (headerRows.has(r) ? row.map((cell) => ({ ...cell, bold: true })) : row)), (cell) => cell.bold)) {
    await op();
    worksheet.getRange(blockAddress(block)).format.font.bold = true;
  }
  for (const block of formatBlocks(sheet.rows, (cell) => cell.wrap)) {
    await op();
    worksheet.getRange(blockAddress(block)).format.wrapText = true;
  }
  for (const block of formatBlocks(sheet.rows, (cell) => cell.align)) {
    await op();
    worksheet.getRange(blockAddress(block)).format.horizontalAlignment = ALIGNMENT[block.value];
  }
  for (const table of tableBlocks(sheet)) {
    await budget.reserve(FORMAT_OP_BYTES * 6);
    const format = worksheet.getRange(blockAddress(table)).format;
    const sides: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (table.r1 > table.r0) sides.push('InsideHorizontal');
    if (table.c1 > table.c0) sides.push('InsideVertical');
    for (const side of sides) format.borders.getItem(side).style = 'Continuous';
  }
  if (!features.mergeWidthHide) return;
  for (const merge of sheet.merges) {
    await op();
    worksheet.getRange(merge).merge(false);
  }
  for (const { from, to, width } of widthRuns(sheet.widths)) {
    await op();
    worksheet.getRange(`${columnLetter(from)}1:${columnLetter(to)}1`).format.columnWidth = columnWidthPoints(Math.min(width, EXCEL_MAX_COLUMN_WIDTH_CHARACTERS));
  }
  // Row heights for wrapped text (format.rowHeight is ExcelApi 1.2), one call per run of equal heights.
  for (const { from, to, height } of heightRuns(sheet.heights ?? [])) {
    await op();
    worksheet.getRange(`A${from + 1}:A${to + 1}`).format.rowHeight = Math.min(height, EXCEL_MAX_ROW_HEIGHT_POINTS);
  }
}

/** Consecutive rows of equal (non-default) height, for one call each. */
function heightRuns(heights: (number | null)[]): { from: number; to: number; height: number }[] {
  const runs: { from: number; to: number; height: number }[] = [];
  heights.forEach((height, row) => {
    if (height === null) return;
    const last = runs[runs.length - 1];
    if (last && last.height === height && last.to === row - 1) last.to = row;
    else runs.push({ from: row, to: row, height });
  });
  return runs;
}

/** Consecutive columns of equal width, for one call each. */
function widthRuns(widths: number[]): { from: number; to: number; width: number }[] {
  const runs: { from: number; to: number; width: number }[] = [];
  widths.forEach((width, column) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.to === column - 1) last.to = column;
    else if (width > 0) runs.push({ from: column, to: column, width });
  });
  return runs;
}

async function writeFeatures(context: Excel.RequestContext, worksheet: Excel.Worksheet, sheet: OutputSheet, features: WriteFeatures, budget: RequestBudget): Promise<void> {
  if (sheet.hidden && features.mergeWidthHide) worksheet.visibility = 'VeryHidden';
  if (features.freeze && !sheet.hidden) {
    if (sheet.freezeRows > 0 && sheet.freezeCols > 0) worksheet.freezePanes.freezeAt(`A1:${a1(sheet.freezeRows - 1, sheet.freezeCols - 1)}`);
    else if (sheet.freezeRows > 0) worksheet.freezePanes.freezeRows(sheet.freezeRows);
    else if (sheet.freezeCols > 0) worksheet.freezePanes.freezeColumns(sheet.freezeCols);
  }
  if (features.notes) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      for (let c = 0; c < row.length; c++) {
        const note = row[c]?.note;
        if (!note) continue;
        await budget.reserve(FORMAT_OP_BYTES + utf8Bytes(JSON.stringify(note)));
        if (features.notes === 'notes') worksheet.notes.add(a1(r, c), note);
        else context.workbook.comments.add(`'${sheet.name.replace(/'/g, "''")}'!${a1(r, c)}`, note);
      }
    }
  }
  if (features.pageLayout && !sheet.hidden) {
    const layout = worksheet.pageLayout;
    layout.orientation = sheet.print.landscape ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    if (sheet.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.repeatRows) layout.setPrintTitleRows(sheet.print.repeatRows);
  }
}
