/**
 * Town workbooks for the verify/city tests: the demo ledger (19 units) under another
 * 镇名 and parameters, computed by our CLI (`run(['compute', …])` in process), and the
 * tampered copies (edited with ExcelJS, as a person editing in a spreadsheet would).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { templateSheets } from '../../src/core/report';
import { newWorkbook } from '../../src/io/xlsx/index';
import { run, type CliIo } from '../../src/cli/main';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, capturing its output. */
export async function cli(args: string[], now = new Date('2019-01-05T10:00:00Z')): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += `${s}\n`), stderr: (s) => void (stderr += `${s}\n`), now: () => now };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/**
 * Writes the demo ledger with some 考核参数 values replaced (cells of that sheet: B3 镇名,
 * B7 好等次名额, B8 一般等次名额) and computes it; returns the computed workbook's path.
 */
export async function computedTown(dir: string, name: string, params: Record<string, string | number>): Promise<string> {
  const template = newWorkbook();
  await template.apply({ remove: [], add: templateSheets(true), renamed: [] });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await template.toBuffer()) as unknown as ArrayBuffer);
  const sheet = sheetOf(book, '考核参数');
  for (const [cell, value] of Object.entries(params)) sheet.getCell(cell).value = value;
  const input = path.join(dir, `${name}-台账.xlsx`);
  fs.writeFileSync(input, new Uint8Array(await book.xlsx.writeBuffer()));
  const output = path.join(dir, `${name}.xlsx`);
  const computed = await cli(['compute', input, '-o', output]);
  if (computed.code !== 0) throw new Error(`compute ${name}: ${computed.stderr}`);
  return output;
}

/** A copy of `file` with `edit` applied to its ExcelJS workbook. */
export async function tampered(file: string, out: string, edit: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  edit(book);
  fs.writeFileSync(out, new Uint8Array(await book.xlsx.writeBuffer()));
  return out;
}

export const sheetOf = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => book.getWorksheet(name) as ExcelJS.Worksheet;

/** Loads an .xlsx file with ExcelJS (to look at what was written). */
export async function loadBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return book;
}

/** The values of a 1-based row, from column A; a blank cell is ''. */
export const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] => Array.from((sheet.getRow(row).values as unknown[]).slice(1), (v) => v ?? '');
