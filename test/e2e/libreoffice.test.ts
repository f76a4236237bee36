/**
 * A real spreadsheet program reads what the CLI writes: LibreOffice Calc (headless, fresh
 * profile per run) turns 考核结果 into CSV with the JSON's ranks and grades, and prints
 * the workbook to A4 landscape pages on which every result table fits the width.
 * (The workbook downloaded from the page gets the same checks in file-mode.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JsonReport } from '../../src/core/types';
import { computeJson, makeDemoWorkbook } from './support/cli';
import { sheetCsv } from './support/libreoffice';
import { printFacts, TABLE_SHEETS } from './support/printCheck';
import { rankedRowsFromGrid, rankedRowsFromJson } from './support/workbook';

let work: string;
let cliOut: string;
let cliJson: JsonReport;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-e2e-lo-'));
  const demoFile = path.join(work, 'demo.xlsx');
  makeDemoWorkbook(demoFile);
  cliOut = path.join(work, 'demo-考核结果.xlsx');
  cliJson = computeJson(demoFile, cliOut);
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('LibreOffice reads the workbook the CLI writes', () => {
  it('gives the JSON ranks, totals and grades when 考核结果 is saved as UTF-8 CSV', async () => {
    const csv = await sheetCsv(cliOut, '考核结果', path.join(work, 'csv'));
    const expected = rankedRowsFromJson(cliJson);
    expect(expected.length).toBe(19);
    expect(rankedRowsFromGrid(csv)).toEqual(expected);
    // The title row comes first, as the sheet shows it.
    expect(csv[0][0]).toMatch(/^羊楼司镇2018年度村\(社区\)脱贫攻坚工作考核结果$/);
  }, 180_000);

  it('prints to A4 landscape pages, and every result table fits the page width', async () => {
    const facts = await printFacts(cliOut, path.join(work, 'pdf'), cliJson.units.map((unit) => unit.name));
    expect(facts.pages).toBeGreaterThan(0);
    expect(facts.notA4Landscape).toEqual([]);
    expect(facts.tables.map((table) => table.sheet)).toEqual(TABLE_SHEETS.filter((sheet) => sheet !== '数据核验' || cliJson.warnings.length > 0));
    expect(facts.tables.filter((table) => table.pages === 0 || table.splitPages > 0)).toEqual([]);
    expect(facts.unitsNotPrinted).toEqual([]);
  }, 180_000);
});
