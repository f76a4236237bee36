/**
 * The WPS adapter gives the same JSON as the command line: the demo ledger and the
 * acceptance workbooks (test/acceptance/fixtures), written as .xlsx for the CLI and loaded
 * into the WPS simulator cell for cell (dates as serial numbers, error values, merges).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { templateSheets } from '../../../src/core';
import { runAssessmentInExcel } from '../../../src/io/office';
import { createWpsPort } from '../../../src/io/wps';
import type { WpsApplication } from '../../../src/io/wpsTypes';
import { badInputSheets } from '../../acceptance/fixtures/badInput';
import { messyLedgerSheets } from '../../acceptance/fixtures/messyLedger';
import { tiesSheets, VARIANTS } from '../../acceptance/fixtures/tiesParams';
import { parseJson, runCli, tempDir } from '../../acceptance/support/cli';
import { writeWorkbook, type SheetSpec } from '../../acceptance/support/xlsx';
import { simFromSheets, simFromSpecs } from './workbooks';
import type { SimApplication } from './wps-simulator';

// Each case starts the CLI as a child process (tsx start-up): generous on a busy machine.
jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = tempDir('wps');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaWps(app: SimApplication) {
  const outcome = await runAssessmentInExcel(createWpsPort(app as unknown as WpsApplication), { lang: 'zh', now: new Date() });
  return { outcome, json: JSON.parse(JSON.stringify(outcome.json)) as unknown };
}

async function viaCli(file: string) {
  const run = await runCli(['compute', file, '--json', '-o', `${file}-out.xlsx`]);
  return parseJson(run.stdout);
}

async function compare(label: string, specs: SheetSpec[]) {
  const file = path.join(dir, `${label}.xlsx`);
  await writeWorkbook(file, specs);
  const [cli, wps] = await Promise.all([viaCli(file), viaWps(simFromSpecs(specs))]);
  expect(wps.json).toEqual(cli);
  return { cli, wps };
}

describe('the WPS adapter and the CLI agree', () => {
  it('on the demo ledger (CLI template --demo)', async () => {
    const file = path.join(dir, 'demo.xlsx');
    await runCli(['template', file, '--demo', '--force']);
    const [cli, wps] = await Promise.all([viaCli(file), viaWps(simFromSheets(templateSheets(true)))]);
    expect(cli.errors).toEqual([]);
    expect(cli.units.length).toBe(19);
    expect(wps.json).toEqual(cli);
  });

  it('on the messy 19-unit ledger (merged cells, formats, text numbers, dates)', async () => {
    const { cli, wps } = await compare('messy', messyLedgerSheets());
    expect(cli.errors).toEqual([]);
    expect(wps.outcome.ok).toBe(true);
  });

  it('on the bad-input workbook: the same errors, naming the same cells, and nothing written', async () => {
    const specs = badInputSheets();
    const app = simFromSpecs(specs);
    const before = app.sheetNames();
    const file = path.join(dir, 'bad.xlsx');
    await writeWorkbook(file, specs);
    const [cli, wps] = await Promise.all([viaCli(file), viaWps(app)]);
    expect(cli.errors.length).toBeGreaterThan(0);
    expect(wps.json).toEqual(cli);
    expect(app.sheetNames()).toEqual(before);
  });

  it.each(VARIANTS.map((variant, index) => [index, variant.label] as const))('on ties and parameters variant %i (%s)', async (index) => {
    const variant = VARIANTS[index];
    await compare(`ties-${index}`, tiesSheets(variant.params, variant.blankGaofeng, variant.problems));
  });
});
