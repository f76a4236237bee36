/**
 * Builds acceptance workbooks with ExcelJS exactly as a clerk would leave them (title rows,
 * merged cells, number formats, text numbers, Excel error values), and reads workbooks back
 * for comparison. Test support only: never imports the code under test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** A cell with a number format (e.g. `0%`), or an Excel error value. */
export interface FormattedCell {
  v: string | number | boolean | Date | null;
  numFmt: string;
}
export interface ErrorCell {
  excelError: '#DIV/0!' | '#N/A' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#NULL!';
}
export type InCell = string | number | boolean | Date | null | undefined | FormattedCell | ErrorCell;

/** One input sheet: rows from A1 (row 1 first), and merged ranges. */
export interface SheetSpec {
  name: string;
  rows: InCell[][];
  merges?: string[];
}

/**
 * A percent-formatted number, as Excel stores `95%` typed into a cell.
 * @example pct(0.95) // => { v: 0.95, numFmt: '0%' }
 */
export function pct(fraction: number): FormattedCell {
  return { v: fraction, numFmt: '0%' };
}

/**
 * A date cell (UTC midnight, as ExcelJS stores dates) with a date format.
 * @example day(2018, 12, 31)
 */
export function day(year: number, month: number, dayOfMonth: number): FormattedCell {
  return { v: new Date(Date.UTC(year, month - 1, dayOfMonth)), numFmt: 'yyyy-mm-dd' };
}

/** An Excel error value such as `#DIV/0!`. */
export function excelError(code: ErrorCell['excelError']): ErrorCell {
  return { excelError: code };
}

function isFormatted(cell: InCell): cell is FormattedCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'numFmt' in cell;
}

function isError(cell: InCell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'excelError' in cell;
}

/**
 * Writes an .xlsx file with the given sheets, in order. Cost: O(cells); throws on I/O errors.
 * @example await writeWorkbook('/tmp/a.xlsx', [{ name: '考核数据', rows: [['单位'], ['龙源村']] }]);
 */
export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell === undefined || cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (isError(cell)) {
          target.value = { error: cell.excelError } as ExcelJS.CellErrorValue;
        } else if (isFormatted(cell)) {
          target.value = cell.v;
          target.numFmt = cell.numFmt;
        } else {
          target.value = cell;
        }
        if (typeof cell === 'string' && cell.includes('\n')) target.alignment = { wrapText: true };
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * SHA-256 of a file's bytes, to prove the input was not touched.
 * @example fileHash('/tmp/a.xlsx') // => 'e3b0…'
 */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Loads an .xlsx file. Throws when it is not one.
 * @example (await loadWorkbook('/tmp/out.xlsx')).worksheets.length // => 9
 */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/**
 * Every non-empty cell of a sheet as `{ A1: value }` (values in JSON form, so dates,
 * errors and rich text compare with toEqual), plus the merged ranges.
 * @example sheetCells(book.getWorksheet('考核参数')!).cells.A1 // => '参数'
 */
export function sheetCells(worksheet: ExcelJS.Worksheet): { cells: Record<string, unknown>; merges: string[] } {
  const cells: Record<string, unknown> = {};
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[cell.address] = JSON.parse(JSON.stringify(cell.value));
    });
  });
  const merges = [...((worksheet.model as unknown as { merges?: string[] }).merges ?? [])].sort();
  return { cells, merges };
}
