/**
 * Bench figure 2: the command line end to end on a generated workbook (`compute in.xlsx
 * -o out.xlsx` as a child process), against ExcelJS alone reading the CLI's output and
 * writing it back (also a child process, so both pay a Node start-up).
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ledgerRows, syntheticLedger } from '../../test/helpers/generate';
import { cliCommand, median, timedRun, warmCli } from './measure';

export interface CliFigures {
  units: number;
  indicators: number;
  cliMs: number;
  excelJsMs: number;
  inputBytes: number;
  outputBytes: number;
}

/**
 * Writes the synthetic ledger (`units` × `indicators`) as an .xlsx with ExcelJS.
 * Cost: O(units × indicators).
 */
export async function writeLedgerXlsx(file: string, units: number, indicators: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of ledgerRows(syntheticLedger(units, indicators, 5000))) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRows(rows as ExcelJS.CellValue[][]);
  }
  await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** The reference: load a workbook with ExcelJS and write it again (a `node -e` script). */
const ROUND_TRIP = `
const ExcelJS = require('exceljs');
(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(process.argv[1]);
  await workbook.xlsx.writeFile(process.argv[2]);
})().catch((error) => { process.stderr.write(String(error)); process.exitCode = 1; });
`;

/**
 * Times the CLI and the ExcelJS round trip, median of `runs` each (after one warm-up run
 * of each, which also fills the OS file cache). `root` is the repository (for the CLI and exceljs).
 */
export async function benchCli(root: string, units: number, indicators: number, runs: number): Promise<CliFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kaohe-bench-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    const copy = path.join(dir, 'copy.xlsx');
    await writeLedgerXlsx(input, units, indicators);
    const [node, ...launcher] = cliCommand(root);
    await warmCli(root);
    const cli = async () => (await timedRun(node, [...launcher, 'compute', input, '-o', output], root)).ms;
    const excelJs = async () => (await timedRun(process.execPath, ['-e', ROUND_TRIP, output, copy], root)).ms;
    await cli();
    await excelJs();
    const cliTimes: number[] = [];
    const excelJsTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      cliTimes.push(await cli());
      excelJsTimes.push(await excelJs());
    }
    return {
      units,
      indicators,
      cliMs: median(cliTimes),
      excelJsMs: median(excelJsTimes),
      inputBytes: (await stat(input)).size,
      outputBytes: (await stat(output)).size,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
