/**
 * An independent second reader for tests: the workbook as ExcelJS sees it, handed to the
 * core the way Kaohe's earlier ExcelJS adapter did (formula → cached result, rich text →
 * plain text, hyperlink → its text, error → { error }, merged non-master cells → null).
 * It knows nothing of merges or hidden rows (those stay undefined).
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../src/core/types';

export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return { error: String(value.error) };
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'string' ? text : plainValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}

const isMergedSlave = (cell: ExcelJS.Cell): boolean => cell.isMerged && cell.master.address !== cell.address;

/** The used range of a worksheet as a SheetGrid (an empty sheet → values []). */
export function exceljsGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
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

/** Loads .xlsx bytes with ExcelJS; `read(pick)` gives the snapshot of the picked sheets. */
export async function openWithExcelJs(data: Uint8Array | ArrayBuffer): Promise<{ read(pick: (names: string[]) => string[]): Promise<WorkbookSnapshot> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return {
    read: async (pick) => {
      const sheetNames = workbook.worksheets.map((ws) => ws.name);
      const sheets: Record<string, SheetGrid> = {};
      for (const name of pick(sheetNames)) {
        const worksheet = workbook.getWorksheet(name);
        if (worksheet) sheets[name] = exceljsGrid(worksheet);
      }
      return { sheetNames, sheets };
    },
  };
}
