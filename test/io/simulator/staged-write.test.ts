/**
 * Writes that cannot half-happen (issue 11, Must 3), on the simulator: a failure injected at
 * every sync of a write — and at operations inside the swap — leaves either the old result
 * set or the new one, never a mix; orphans of failed runs are cleaned; the registry is never
 * deleted, so a very-hidden one works on ExcelApi 1.1; CLI → 2016 → 365 → 2016 works.
 */
import ExcelJS from 'exceljs';
import { REGISTRY_SHEET, templateSheets } from '../../../src/core';
import { isKaoheSheetName, SHEET_MARKER } from '../../../src/core/report/plan';
import type { OutputSheet } from '../../../src/core/types';
import { newWorkbook, openWorkbook } from '../../../src/io/xlsx';
import { plainValue } from '../../helpers/exceljsSnapshot';
import { createOfficePort, officeErrorMsg, runAssessmentInExcel } from '../../../src/io/office';
import { isStagingName, rollForward, stageWrite } from '../../../src/io/staging';
import { assess, sheetsToRead } from '../../../src/core';
import { EXCEL_2016, EXCEL_365, ExcelSimulator, type SimValue } from './excel-simulator';
import { demoLedger, loadSheets } from './workbooks';

const NOW = new Date(2019, 0, 5, 10, 0, 0);
const run = () => runAssessmentInExcel(createOfficePort(), { lang: 'zh', now: NOW });

/** Kaohe's sheets (names, values) and the registry's list: what "one whole set" compares. */
function resultState(sim: ExcelSimulator): string {
  const ours = sim.sheetNames().filter((name) => isKaoheSheetName(name) || isStagingName(name)).sort();
  const registry = sim.valuesOf(REGISTRY_SHEET).map((row) => row[0]);
  return JSON.stringify({ ours: ours.map((name) => [name, sim.valuesOf(name)]), registry });
}

/** A workbook that already holds one set of results (old), with the input changed so the next run writes a new set. */
async function workbookWithOldResults(requirements = EXCEL_365): Promise<{ sim: ExcelSimulator; uninstall: () => void; oldState: string }> {
  const sim = new ExcelSimulator({ requirements });
  loadSheets(sim, demoLedger(20));
  const uninstall = sim.install();
  expect((await run()).ok).toBe(true);
  // Rename the one unit no other sheet refers to, so the next run writes different results.
  const data = sim.sheet('考核数据')!;
  const row = sim.valuesOf('考核数据').findIndex((line) => line[0] === '测试0020村');
  data.ensure(row, 0).value = '改名村';
  return { sim, uninstall, oldState: resultState(sim) };
}

/** The state a clean run on the changed workbook ends in, and the cost of each of its syncs. */
async function cleanNewState(requirements = EXCEL_365): Promise<{ state: string; syncs: number[] }> {
  const { sim, uninstall } = await workbookWithOldResults(requirements);
  try {
    sim.resetStats();
    expect((await run()).ok).toBe(true);
    return { state: resultState(sim), syncs: sim.syncs.map((s) => s.operations) };
  } finally {
    uninstall();
  }
}

describe('a failure at any sync leaves one whole set of results', () => {
  let expected: { state: string; syncs: number[] };
  beforeAll(async () => {
    expected = await cleanNewState();
  });

  it('the clean run costs 6 syncs: 3 to read, 3 to write (names, staged sheets, swap)', () => {
    expect(expected.syncs).toHaveLength(6);
  });

  it.each([1, 2, 3, 4, 5, 6])('the whole request of sync %i fails', async (k) => {
    const { sim, uninstall, oldState } = await workbookWithOldResults();
    try {
      sim.injectFailure({ sync: k, code: 'GeneralException' });
      // Syncs 1–5: the run fails and the old set stays (reads, names, staging rolled back);
      // sync 6 (the swap): the adapter finishes the swap in a second run and succeeds.
      if (k <= 5) await expect(run()).rejects.toBeDefined();
      else expect((await run()).ok).toBe(true);
      const state = resultState(sim);
      expect(state).toBe(k <= 5 ? oldState : expected.state);
      expect(sim.sheetNames().some(isStagingName)).toBe(false);
      // And the next run works and leaves the new set.
      expect((await run()).ok).toBe(true);
      expect(resultState(sim)).toBe(expected.state);
    } finally {
      uninstall();
    }
  });

  it('a failure at any operation of the swap, or at sampled operations while staging, leaves the old or the new set', async () => {
    const swapOps = expected.syncs[5];
    const stageOps = expected.syncs[4];
    const cases: { sync: number; operation: number }[] = [];
    for (let op = 1; op <= swapOps; op++) cases.push({ sync: 6, operation: op });
    for (let op = 1; op <= stageOps; op += Math.max(1, Math.floor(stageOps / 25))) cases.push({ sync: 5, operation: op });
    cases.push({ sync: 5, operation: stageOps });
    for (const failure of cases) {
      const { sim, uninstall, oldState } = await workbookWithOldResults();
      try {
        sim.injectFailure({ ...failure, code: 'InvalidOperation' });
        let message = '';
        try {
          await run();
        } catch (error) {
          message = officeErrorMsg(error).code;
        }
        const state = resultState(sim);
        expect([oldState, expected.state]).toContain(state);
        if (failure.sync === 5) {
          expect(state).toBe(oldState);
          expect(message).toBe('ui.office.rolledBack');
        } else {
          expect(state).toBe(expected.state);
          expect(message).toBe('');
        }
        expect(sim.sheetNames().some(isStagingName)).toBe(false);
      } finally {
        uninstall();
      }
    }
  }, 120_000);

  it('when finishing a failed swap fails too, the next run cleans up and leaves the new set', async () => {
    const { sim, uninstall } = await workbookWithOldResults();
    try {
      // The swap's 3rd operation fails, and so does the first request of the recovery.
      sim.injectFailure({ sync: 6, operation: 3, code: 'GeneralException' });
      sim.injectFailure({ sync: 7, code: 'GeneralException' });
      await expect(run()).rejects.toMatchObject({ msg: { code: 'ui.office.unfinished' } });
      expect((await run()).ok).toBe(true);
      expect(resultState(sim)).toBe(expected.state);
    } finally {
      uninstall();
    }
  });
});

describe('orphans of earlier failed runs', () => {
  it('removes staging sheets and unregistered result sheets that end with the marker row; a user sheet of the same name stays', async () => {
    const sim = new ExcelSimulator();
    loadSheets(sim, demoLedger());
    sim.addSheet('Kaohe暂存3', [['半截']]);
    // An unregistered copy left by an older version's failed write: it ends with the marker.
    sim.addSheet('考核结果', [['旧结果'], [], [SHEET_MARKER]]);
    sim.addSheet('计算明细', [['用户自己的表']]);
    const uninstall = sim.install();
    try {
      const outcome = await run();
      expect(outcome.ok).toBe(true);
      const names = sim.sheetNames();
      expect(names).not.toContain('Kaohe暂存3');
      expect(names).toContain('考核结果');
      expect(names).not.toContain('考核结果(2)');
      expect(sim.valuesOf('考核结果')[0][0]).not.toBe('旧结果');
      expect(sim.valuesOf('计算明细')).toEqual([['用户自己的表']]);
      expect(names).toContain('计算明细(2)');
    } finally {
      uninstall();
    }
  });

  it('every result sheet ends with the marker row', async () => {
    const sim = new ExcelSimulator();
    loadSheets(sim, demoLedger());
    const uninstall = sim.install();
    try {
      const outcome = await run();
      for (const sheet of outcome.plan!.add.filter((s) => !s.hidden)) {
        const values = sim.valuesOf(sheet.name);
        expect(values[values.length - 1][0]).toBe(SHEET_MARKER);
      }
    } finally {
      uninstall();
    }
  });

  it('refuses, writing nothing, when a final name was taken after the plan was made', async () => {
    const sim = new ExcelSimulator();
    loadSheets(sim, demoLedger());
    const uninstall = sim.install();
    try {
      const port = createOfficePort();
      const snapshot = await port.read((names) => sheetsToRead(names));
      const outcome = assess(snapshot, { lang: 'zh', now: NOW });
      sim.addSheet('约谈名单', [['刚建的']]);
      const before = sim.sheetNames();
      await expect(port.apply(outcome.plan!)).rejects.toMatchObject({ msg: { code: 'ui.office.nameTaken', params: { sheet: '约谈名单' } } });
      expect(sim.sheetNames()).toEqual(before);
    } finally {
      uninstall();
    }
  });
});

describe('staging decisions (pure)', () => {
  const plan = assess({ sheetNames: [], sheets: {} }, { lang: 'zh', now: NOW });
  const sheet = (name: string): OutputSheet => ({ name, rows: [[{ v: name }]], merges: [], widths: [], freezeRows: 0, freezeCols: 0, headerRows: [], print: { landscape: false, fitToWidth: false } });
  it('stages under free staging names and rolls a half-done swap forward', () => {
    expect(plan.ok).toBe(false);
    const write = stageWrite({
      sheetNames: ['考核数据', '考核结果', 'Kaohe暂存1', REGISTRY_SHEET],
      plan: { remove: ['考核结果', REGISTRY_SHEET], add: [sheet('考核结果'), sheet('约谈名单'), { ...sheet(REGISTRY_SHEET), hidden: true }], renamed: [] },
    });
    expect(write.cleanup).toEqual(['Kaohe暂存1']);
    expect(write.staged.map((s) => [s.staging, s.final])).toEqual([
      ['Kaohe暂存1', '考核结果'],
      ['Kaohe暂存2', '约谈名单'],
    ]);
    expect(write.remove).toEqual(['考核结果']);
    expect(write.registry?.create).toBe(false);
    expect(write.registry?.rows.map((row) => row[0])).toEqual(['kaohe-registry', '考核结果', '约谈名单']);
    // Old 考核结果 deleted and Kaohe暂存1 renamed; Kaohe暂存2 not yet.
    expect(rollForward(['考核数据', '考核结果', 'Kaohe暂存2', REGISTRY_SHEET], write)).toEqual({ remove: [], rename: [{ from: 'Kaohe暂存2', to: '约谈名单' }] });
    // Nothing done yet: the old 考核结果 is deleted first.
    expect(rollForward(['考核数据', '考核结果', 'Kaohe暂存1', 'Kaohe暂存2', REGISTRY_SHEET], write).remove).toEqual(['考核结果']);
  });
  it('a plan without a registry (the input template) leaves the registry alone', () => {
    const write = stageWrite({ sheetNames: [REGISTRY_SHEET], plan: { remove: [], add: templateSheets(false), renamed: [] } });
    expect(write.registry).toBeNull();
    expect(write.remove).toEqual([]);
  });
});

/** Loads an .xlsx (as the CLI wrote it) into a simulator, very-hidden sheets included. */
async function simulatorFromXlsx(bytes: Uint8Array): Promise<ExcelSimulator> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sim = new ExcelSimulator({ requirements: EXCEL_2016 });
  book.eachSheet((worksheet) => {
    const rows: (SimValue | null)[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, r) => {
      const line: (SimValue | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = plainValue(cell.value);
        line[c - 1] = v === null || typeof v === 'object' ? null : v;
      });
      rows[r - 1] = line;
    });
    const visibility = worksheet.state === 'veryHidden' ? 'VeryHidden' : worksheet.state === 'hidden' ? 'Hidden' : 'Visible';
    sim.addSheet(worksheet.name, Array.from(rows, (line) => line ?? []), { visibility });
  });
  return sim;
}

describe('one workbook: CLI → Excel 2016 → 365 → 2016', () => {
  it('computes each time, keeps one set of results and never deletes the very-hidden registry', async () => {
    // CLI: template with demo data, then compute into the same workbook (ExcelJS adapter).
    const template = newWorkbook();
    await template.apply({ remove: [], add: templateSheets(true), renamed: [] });
    const cli = await openWorkbook(await template.toBuffer());
    const cliOutcome = assess(await cli.read((names) => sheetsToRead(names)), { lang: 'zh', now: NOW });
    expect(cliOutcome.ok).toBe(true);
    await cli.apply(cliOutcome.plan!);
    const sim = await simulatorFromXlsx(await cli.toBuffer());
    expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('VeryHidden');
    const resultNames = cliOutcome.plan!.add.filter((s) => !s.hidden).map((s) => s.name).sort();

    const uninstall = sim.install();
    try {
      for (const requirements of [EXCEL_2016, EXCEL_365, EXCEL_2016]) {
        sim.requirements = requirements;
        const outcome = await run();
        expect(outcome.ok).toBe(true);
        expect(sim.sheetNames().filter((name) => isKaoheSheetName(name)).sort()).toEqual(resultNames);
        expect(sim.sheetNames().filter((name) => name === REGISTRY_SHEET)).toHaveLength(1);
        expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('VeryHidden');
        expect(sim.valuesOf(REGISTRY_SHEET).slice(1).map((row) => row[0]).sort()).toEqual(resultNames);
      }
    } finally {
      uninstall();
    }
  }, 60_000);

  it('a registry left visible by Excel 2016 is hidden by the first run on a newer Excel', async () => {
    const sim = new ExcelSimulator({ requirements: EXCEL_2016 });
    loadSheets(sim, demoLedger());
    const uninstall = sim.install();
    try {
      await run();
      expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('Visible');
      sim.requirements = EXCEL_365;
      await run();
      expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('VeryHidden');
    } finally {
      uninstall();
    }
  });
});
