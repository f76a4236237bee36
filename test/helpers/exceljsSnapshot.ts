/**
 * The reading half of the former ExcelJS adapter (removed from src/ in issue 9), kept as a
 * test helper so corpus tests can show what ExcelJS used to read (e.g. a cached 0 read as
 * blank). Test support only.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../src/core/types';

/** Loads .xlsx bytes with ExcelJS and reads them as the old adapter did. */
export async function openWorkbook(data: ArrayBuffer | Uint8Array): Promise<{ read(pick: (sheetNames: string[]) => string[]): Promise<WorkbookSnapshot> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return { read: async (pick) => readSnapshot(workbook, pick) };
}


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
