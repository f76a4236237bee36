/**
 * LibreOffice Calc as "a real spreadsheet program": converts a workbook headless to CSV or
 * PDF, each run in a fresh user profile (so runs never share or lock one).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { parseCsv } from './csv';

/** A conversion takes ~3–20 s; a first start on a cold machine can take longer. */
const SOFFICE_TIMEOUT_MS = 120_000;

/**
 * Runs `soffice --headless --convert-to <target>` into `outDir` and returns the files it
 * wrote there. Throws when soffice fails, times out or writes nothing.
 * @example convert('/tmp/a.xlsx', '/tmp/pdf', 'pdf') // => ['/tmp/pdf/a.pdf']
 */
export function convert(input: string, outDir: string, target: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const before = new Set(fs.readdirSync(outDir));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  try {
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, input],
      { encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS },
    );
    if (run.error) throw new Error(`soffice could not run (apt package libreoffice-calc-nogui): ${run.error.message}`);
    const written = fs.readdirSync(outDir).filter((name) => !before.has(name));
    if (run.status !== 0 || written.length === 0) {
      throw new Error(`soffice --convert-to ${target} ${input}: exit ${run.status}, wrote nothing\n${run.stdout}\n${run.stderr}`);
    }
    return written.map((name) => path.join(outDir, name));
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The 1-based position of a sheet in the workbook's tab order (hidden sheets count), as
 * LibreOffice's CSV filter numbers sheets. Throws when the sheet is not there.
 * @example await sheetNumber('/tmp/out.xlsx', '考核结果') // => 6
 */
export async function sheetNumber(file: string, sheet: string): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (!workbookXml) throw new Error(`${file}: no xl/workbook.xml`);
  const names = [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((match) => decodeXml(match[1]));
  const at = names.indexOf(sheet);
  if (at < 0) throw new Error(`${file}: no sheet "${sheet}" (sheets: ${names.join(', ')})`);
  return at + 1;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity] ?? '');
}

/**
 * One sheet as UTF-8 CSV, parsed: comma, double quote, UTF-8 (76), values as stored
 * (not as shown), the sheet chosen by its number (CSV filter token 12).
 * @example (await sheetCsv('/tmp/out.xlsx', '考核结果', '/tmp/csv'))[1][0] // => '排名'
 */
export async function sheetCsv(file: string, sheet: string, outDir: string): Promise<string[][]> {
  const number = await sheetNumber(file, sheet);
  const [csv] = convert(file, outDir, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${number}`);
  return parseCsv(fs.readFileSync(csv, 'utf8'));
}

/**
 * The whole workbook printed to PDF (calc_pdf_Export), as LibreOffice lays out the pages.
 * @example toPdf('/tmp/out.xlsx', '/tmp/pdf') // => '/tmp/pdf/out.pdf'
 */
export function toPdf(file: string, outDir: string): string {
  const [pdf] = convert(file, outDir, 'pdf:calc_pdf_Export');
  return pdf;
}
