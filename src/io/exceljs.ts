/**
 * The ExcelJS adapter: WorkbookPort over an ExcelJS.Workbook, for the CLI (Node) and the
 * task pane's file mode (browser, lazily imported). No fs, no path: bytes in, bytes out.
 *
 * Reading hands the core plain values (formula → its result, rich text → plain text,
 * hyperlink → its text, error → { error }, merged non-master cells → null) and number
 * formats. Writing carries out a WritePlan: remove, add values, then formats.
 */
import ExcelJS from 'exceljs';
import type { CellValue, OutCell, OutputSheet, SheetGrid, WorkbookSnapshot, WritePlan } from '../core/types';
import type { WorkbookPort } from './port';
import { findUncarriable, type UncarriableKind } from './uncarriable';

export interface ExcelJsWorkbook extends WorkbookPort {
  /** The workbook as .xlsx bytes. */
  toBuffer(): Promise<Uint8Array>;
  /** What the writer cannot carry over from the loaded file ([] for a new workbook). */
  uncarriable: UncarriableKind[];
  /** The underlying ExcelJS workbook (for tests and special cases). */
  workbook: ExcelJS.Workbook;
}

/**
 * Loads .xlsx bytes. Throws (ExcelJS/JSZip errors) when the bytes are not an .xlsx:
 * the caller turns that into an input error.
 * @example const book = await openWorkbook(bytes); (await book.read(() => ['考核数据'])).sheetNames
 */
export async function openWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
  const uncarriable = await findUncarriable(data);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return wrap(workbook, uncarriable);
}

/** An empty workbook (for `template`, and for result sheets that cannot join their input). */
export function newWorkbook(): ExcelJsWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaohe';
  return wrap(workbook, []);
}

function wrap(workbook: ExcelJS.Workbook, uncarriable: UncarriableKind[]): ExcelJsWorkbook {
  return {
    workbook,
    uncarriable,
    read: async (pick) => readSnapshot(workbook, pick),
    apply: async (plan) => applyPlan(workbook, plan),
    toBuffer: async () => new Uint8Array(await workbook.xlsx.writeBuffer()),
  };
}

// ───────────────────────── reading ─────────────────────────

/**
 * A cell's value as the core sees it. Cost: O(rich-text runs).
 * @example plainValue({ formula: 'A1*2', result: 4 }) // => 4
 */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'string' ? text : plainValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}

function isMergedSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/** The used range of a worksheet as a SheetGrid (an empty sheet → values []). */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.value === null || cell.value === undefined || isMergedSlave(cell)) return;
      top = Math.min(top, rowNumber);
      bottom = Math.max(bottom, rowNumber);
      left = Math.min(left, colNumber);
      right = Math.max(right, colNumber);
    });
  });
  if (bottom < 0) return { name: worksheet.name, values: [], formats: [], originRow: 0, originCol: 0 };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = worksheet.getRow(r);
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      rowValues.push(isMergedSlave(cell) ? null : plainValue(cell.value));
      rowFormats.push(cell.numFmt ? cell.numFmt : null);
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  return { name: worksheet.name, values, formats, originRow: top - 1, originCol: left - 1 };
}

function readSnapshot(workbook: ExcelJS.Workbook, pick: (sheetNames: string[]) => string[]): WorkbookSnapshot {
  const sheetNames = workbook.worksheets.map((ws) => ws.name);
  const sheets: Record<string, SheetGrid> = {};
  for (const name of pick(sheetNames)) {
    const worksheet = workbook.getWorksheet(name);
    if (worksheet) sheets[name] = sheetGrid(worksheet);
  }
  return { sheetNames, sheets };
}

// ───────────────────────── writing ─────────────────────────

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The value ExcelJS should store: strings stay strings (ExcelJS never parses `=` in a string). */
function storedValue(cell: OutCell): ExcelJS.CellValue {
  if (cell.v === null || cell.v === undefined) return null;
  if (cell.text) return String(cell.v);
  return cell.v;
}

/** The look of one cell: everything ExcelJS turns into a style id. */
function styleKey(out: OutCell | undefined, bordered: boolean): string {
  if (!out) return bordered ? '||||||b' : '';
  const fmt = out.text ? '@' : (out.fmt ?? '');
  return `${fmt}|${out.fill ?? ''}|${out.bold ? 1 : 0}|${out.wrap ? 1 : 0}|${out.align ?? ''}|${bordered ? 'b' : ''}`;
}

function buildStyle(out: OutCell | undefined, bordered: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (bordered) style.border = THIN;
  if (!out) return style;
  const fmt = out.text ? '@' : out.fmt;
  if (fmt) style.numFmt = fmt;
  if (out.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: out.fill } };
  if (out.bold) style.font = { bold: true };
  if (out.wrap || out.align) {
    style.alignment = { wrapText: out.wrap || undefined, horizontal: out.align, vertical: out.wrap ? 'top' : 'middle' };
  }
  return style;
}

/**
 * One shared style object per distinct look, so ExcelJS resolves each look to a style id
 * once (it caches ids by object identity) instead of rendering every cell's style as XML.
 * The objects must not be mutated after they are handed to a cell. Cost: O(1) per lookup.
 */
export class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  /** The style for a cell (undefined: a blank cell inside a bordered table). */
  get(out: OutCell | undefined, bordered: boolean): Partial<ExcelJS.Style> {
    const key = styleKey(out, bordered);
    let style = this.byKey.get(key);
    if (!style) {
      style = buildStyle(out, bordered);
      this.byKey.set(key, style);
    }
    return style;
  }

  /** How many distinct looks were seen (for tests). */
  get size(): number {
    return this.byKey.size;
  }
}

/**
 * For each 0-based row, how many leading columns carry a thin border: each header row and
 * the rows below it down to the first empty row, across the header's width. Cost: O(rows).
 * @example borderedColumns({ rows: [[a], [h, h], [c, c], []], headerRows: [2] } as OutputSheet) // => [0, 2, 2, 0]
 */
export function borderedColumns(sheet: Pick<OutputSheet, 'rows' | 'headerRows'>): number[] {
  const columns = sheet.rows.map(() => 0);
  for (const headerRow of sheet.headerRows) {
    const width = sheet.rows[headerRow - 1]?.length ?? 0;
    for (let r = headerRow - 1; r < sheet.rows.length && sheet.rows[r].length > 0; r++) {
      columns[r] = Math.max(columns[r], width);
    }
  }
  return columns;
}

/**
 * Values and cell formats in one pass, row by row, each cell given a shared style object.
 * Cost: O(cells).
 */
function writeCells(worksheet: ExcelJS.Worksheet, sheet: OutputSheet): void {
  const styles = new SharedStyles();
  const bordered = borderedColumns(sheet);
  sheet.rows.forEach((cells, r) => {
    const width = Math.max(cells.length, bordered[r]);
    if (width === 0) return;
    const row = worksheet.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const out = cells[c] as OutCell | undefined;
      const cell = row.getCell(c + 1);
      if (out) {
        const value = storedValue(out);
        if (value !== null) cell.value = value;
        if (out.note) cell.note = out.note;
      }
      cell.style = styles.get(out, c < bordered[r]);
    }
  });
}

function writeLayout(worksheet: ExcelJS.Worksheet, sheet: OutputSheet): void {
  for (const range of sheet.merges) worksheet.mergeCells(range);
  sheet.widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  sheet.heights?.forEach((height, r) => {
    if (height !== null) worksheet.getRow(r + 1).height = height;
  });
  if (sheet.freezeRows > 0 || sheet.freezeCols > 0) {
    worksheet.views = [{ state: 'frozen', xSplit: sheet.freezeCols, ySplit: sheet.freezeRows }];
  }
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9,
    orientation: sheet.print.landscape ? 'landscape' : 'portrait',
    ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(sheet.print.repeatRows ? { printTitlesRow: sheet.print.repeatRows } : {}),
  };
  if (sheet.hidden) worksheet.state = 'veryHidden';
}

/**
 * Writes one OutputSheet into a new worksheet: values and shared styles, then merges and
 * layout. Cost: O(cells).
 */
export function addSheet(workbook: ExcelJS.Workbook, sheet: OutputSheet): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(sheet.name);
  writeCells(worksheet, sheet);
  writeLayout(worksheet, sheet);
  return worksheet;
}

function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.remove) {
    const worksheet = workbook.getWorksheet(name);
    if (worksheet) workbook.removeWorksheet(worksheet.id);
  }
  for (const sheet of plan.add) addSheet(workbook, sheet);
  activateFirstResult(workbook, plan);
}

/** Makes the first visible added sheet the active tab (the old active tab may be gone). */
function activateFirstResult(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const first = plan.add.find((sheet) => !sheet.hidden);
  if (!first) return;
  const index = workbook.worksheets.findIndex((ws) => ws.name === first.name);
  if (index < 0) return;
  const base = workbook.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
  workbook.views = [{ ...base, firstSheet: 0, activeTab: index } as ExcelJS.WorkbookView];
}
