/**
 * How LibreOffice prints a result workbook: page sizes, and whether each result table fits
 * the page width (no page holds only its left or only its right columns).
 */
import fs from 'node:fs';
import { toPdf } from './libreoffice';
import { isA4Landscape, pageBoxes, pagesText, type PageBox } from './pdf';
import { gridOf, loadWorkbook } from './workbook';

/** Result sheets laid out as one table with its header in row 2 (repeated on every printed page). */
export const TABLE_SHEETS = ['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '数据核验'];

export interface TablePrint {
  sheet: string;
  /** Pages that show the table's header (its first or last three columns). */
  pages: number;
  /** Of those, pages that show only one end of the header (should be 0). */
  splitPages: number;
}

export interface PrintFacts {
  pages: number;
  /** Pages whose MediaBox is not A4 landscape (should be []). */
  notA4Landscape: (PageBox | null)[];
  /** Per result table present in the workbook, in TABLE_SHEETS order. */
  tables: TablePrint[];
  /** Units (from the caller) that appear on no 考核结果 page (should be []). */
  unitsNotPrinted: string[];
}

/** A regular expression that finds header cells in order on one printed line. */
function lineOf(headers: string[]): RegExp {
  return new RegExp(headers.map((header) => header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]+'));
}

/**
 * Prints `file` to PDF with LibreOffice (into `outDir`) and reports the facts above.
 * Cost: one soffice run (~5 s) and one pdftotext. Throws when a tool is missing or fails,
 * or the workbook has no 考核结果 sheet.
 * @example await printFacts('/tmp/out.xlsx', '/tmp/pdf', ['龙源村']) // => { pages: 17, notA4Landscape: [], tables: [{ sheet: '考核结果', pages: 1, splitPages: 0 }, …], unitsNotPrinted: [] }
 */
export async function printFacts(file: string, outDir: string, units: string[]): Promise<PrintFacts> {
  const workbook = await loadWorkbook(file);
  if (!workbook.getWorksheet('考核结果')) throw new Error(`${file}: no 考核结果 sheet`);
  const signatures = TABLE_SHEETS.flatMap((sheet) => {
    const worksheet = workbook.getWorksheet(sheet);
    if (!worksheet) return [];
    const header = (gridOf(worksheet)[1] ?? []).map((cell) => String(cell ?? '').trim()).filter(Boolean);
    return [{ sheet, left: lineOf(header.slice(0, 3)), right: lineOf(header.slice(-3)) }];
  });
  const pdf = toPdf(file, outDir);
  const boxes = pageBoxes(fs.readFileSync(pdf));
  const texts = pagesText(pdf);
  if (texts.length !== boxes.length) throw new Error(`${pdf}: pdftotext saw ${texts.length} pages, the file has ${boxes.length}`);
  const tables = signatures.map(({ sheet, left, right }) => {
    const shown = texts.filter((text) => left.test(text) || right.test(text));
    return { sheet, pages: shown.length, splitPages: shown.filter((text) => !(left.test(text) && right.test(text))).length, texts: shown };
  });
  const results = tables.find((table) => table.sheet === '考核结果')!.texts;
  return {
    pages: boxes.length,
    notA4Landscape: boxes.filter((box) => !isA4Landscape(box)),
    tables: tables.map(({ sheet, pages, splitPages }) => ({ sheet, pages, splitPages })),
    unitsNotPrinted: units.filter((unit) => !results.some((text) => text.includes(unit))),
  };
}
