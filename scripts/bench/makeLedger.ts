/**
 * Writes a synthetic ledger (`units` × `indicators`, the bench's generator) as an .xlsx
 * through Kaohe's own package writer — ExcelJS cannot write 200,000 rows in bounded memory.
 * Run as a child process: `tsx scripts/bench/makeLedger.ts <file> <units> <indicators>`.
 */
import { writeFileSync } from 'node:fs';
import type { OutCell, OutputSheet } from '../../src/core/types';
import { newWorkbook } from '../../src/io/xlsx/index';
import { ledgerRows, syntheticLedger } from '../../test/helpers/generate';

function asSheet(name: string, rows: unknown[][]): OutputSheet {
  const out: OutCell[][] = rows.map((row) =>
    row.map((v): OutCell => (typeof v === 'number' ? { v } : v === null || v === undefined ? { v: null } : { v: String(v), text: true })),
  );
  return { name, rows: out, merges: [], widths: [], freezeRows: 0, freezeCols: 0, headerRows: [], print: { landscape: false, fitToWidth: false } };
}

const [file, units, indicators] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const book = newWorkbook();
const sheets = ledgerRows(syntheticLedger(units, indicators, 5000)).map(([name, rows]) => asSheet(name, rows as unknown[][]));
void book.apply({ remove: [], add: sheets, renamed: [] }).then(async () => writeFileSync(file, await book.toBuffer()));
