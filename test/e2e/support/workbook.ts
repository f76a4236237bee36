/**
 * Reading the workbooks the tests produce (ExcelJS in Node): sheet lists, a comparable
 * fingerprint of a sheet's contents, and the ranking table of 考核结果 in any grid form
 * (ExcelJS rows, LibreOffice CSV, the simulator's values).
 */
import ExcelJS from 'exceljs';
import type { JsonReport } from '../../../src/core/types';

/** One line of the ranking: what must agree between the JSON, the sheet and its CSV. */
export interface RankedRow {
  rank: number;
  name: string;
  total: number;
  grade: string;
}

/**
 * Loads an .xlsx file. Throws when it is not one.
 * @example (await loadWorkbook('/tmp/out.xlsx')).worksheets.length // => 12
 */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/**
 * Everything a user would call the content of a sheet: each non-empty cell's value and
 * number format, the merged ranges, and the visibility, in a form `toEqual` can compare.
 * Cost: O(cells).
 * @example sheetContent(workbook.getWorksheet('考核数据')!).cells['B3'] // => { value: '文白社区', numFmt: '' }
 */
export function sheetContent(worksheet: ExcelJS.Worksheet): { cells: Record<string, { value: unknown; numFmt: string }>; merges: string[]; state: string } {
  const cells: Record<string, { value: unknown; numFmt: string }> = {};
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells[cell.address] = { value: JSON.parse(JSON.stringify(cell.value)), numFmt: cell.numFmt ?? '' };
    });
  });
  const merges = [...((worksheet.model as unknown as { merges?: string[] }).merges ?? [])].sort();
  return { cells, merges, state: worksheet.state };
}

/**
 * A worksheet as a grid of plain values (rich text and formulas reduced to text/result).
 * @example gridOf(workbook.getWorksheet('考核结果')!)[1][0] // => '排名'
 */
export function gridOf(worksheet: ExcelJS.Worksheet): unknown[][] {
  const grid: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const value = cell.value as unknown;
      line[columnNumber - 1] =
        value && typeof value === 'object' && 'richText' in value
          ? (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('')
          : value && typeof value === 'object' && 'result' in value
            ? (value as { result: unknown }).result
            : value;
    });
    grid[rowNumber - 1] = line;
  });
  return Array.from(grid, (line) => line ?? []);
}

/**
 * The ranking table of a 考核结果 grid: the header row is the first that holds 排名, 单位,
 * 总分 and 等次; data rows follow until the first row without a unit. Throws when there is
 * no such header.
 * @example rankedRowsFromGrid([['title'], ['排名', '单位', '总分', '等次'], [1, '龙源村', 98.3, '好']]) // => [{ rank: 1, name: '龙源村', total: 98.3, grade: '好' }]
 */
export function rankedRowsFromGrid(grid: unknown[][]): RankedRow[] {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  const headerAt = grid.findIndex((row) => ['排名', '单位', '总分', '等次'].every((name) => row.some((cell) => text(cell) === name)));
  if (headerAt < 0) throw new Error('no header row with 排名, 单位, 总分 and 等次');
  const header = grid[headerAt].map(text);
  const column = (name: string) => header.indexOf(name);
  const rows: RankedRow[] = [];
  for (const row of grid.slice(headerAt + 1)) {
    const name = text(row[column('单位')]);
    if (name === '') break;
    rows.push({ rank: Number(text(row[column('排名')])), name, total: Number(text(row[column('总分')])), grade: text(row[column('等次')]) });
  }
  return rows;
}

/**
 * The ranking as the CLI's JSON reports it (units are in rank order).
 * @example rankedRowsFromJson(json)[0] // => { rank: 1, name: '文白社区', total: 98.78, grade: '较好' }
 */
export function rankedRowsFromJson(json: JsonReport): RankedRow[] {
  return json.units.map((unit) => ({ rank: unit.rank, name: unit.name, total: unit.total, grade: unit.grade }));
}
