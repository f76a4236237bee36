/**
 * The Office.js adapter against the Excel simulator: the one-click path, its cost, and the
 * workbook contract (own sheets replaced, a user's sheets untouched, input text stays text).
 */
import { REGISTRY_SHEET } from '../../src/core';
import type { OutputSheet } from '../../src/core/types';
import { createOfficePort, officeErrorMsg, runAssessmentInExcel } from '../../src/io/office';
import { EXCEL_2016, EXCEL_2019, EXCEL_365 } from './simulator/excel-simulator';
import { demoLedger, measureChunkedRead, measureOneClick, simulatedWorkbook } from './simulator/workbooks';

const NOW = new Date(2019, 0, 5, 10, 0, 0);
const FOUR_MB = 4 * 1024 * 1024;
const run = (options: { chunkCells?: number } = {}) => runAssessmentInExcel(createOfficePort(options), { lang: 'zh', now: NOW });

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function workbook(sheets: OutputSheet[] = demoLedger(), requirements = EXCEL_365) {
  const made = simulatedWorkbook(sheets, requirements);
  cleanup = made.uninstall;
  return made.sim;
}

/** Renames a unit in 考核数据 (only there: pick one that no other sheet refers to). */
function renameUnit(sheets: OutputSheet[], from: string, to: string): OutputSheet[] {
  return sheets.map((sheet) =>
    sheet.name !== '考核数据' ? sheet : { ...sheet, rows: sheet.rows.map((row) => row.map((cell, c) => (c === 0 && cell.v === from ? { ...cell, v: to } : cell))) },
  );
}

describe('one click on the demo workbook', () => {
  it('reads, assesses and writes every result sheet in 6 syncs (3 to read, 3 for the staged write)', async () => {
    const sim = workbook();
    const outcome = await run();
    expect(outcome.ok).toBe(true);
    expect(sim.stats().syncs).toBe(6);
    const names = sim.sheetNames();
    for (const sheet of outcome.plan?.add ?? []) expect(names).toContain(sheet.name);
    expect(names).toEqual(expect.arrayContaining(['考核结果', '计算明细', '约谈名单', '考核说明', REGISTRY_SHEET]));
    // The values written are the values the core laid out.
    const results = outcome.plan?.add.find((sheet) => sheet.name === '考核结果') as OutputSheet;
    const written = sim.valuesOf('考核结果');
    expect(written[0][0]).toBe(results.rows[0][0].v);
    expect(written.length).toBe(results.rows.length);
    expect(sim.activeSheet).toBe('考核结果');
  });

  it('writes formats, merges, widths, frozen panes, notes, page layout and hides the registry (Excel 365)', async () => {
    const sim = workbook();
    const outcome = await run();
    const planned = outcome.plan?.add.find((sheet) => sheet.name === '考核结果') as OutputSheet;
    const sheet = sim.sheet('考核结果');
    expect(sheet?.merges).toEqual(planned.merges);
    expect(sheet?.columnWidths.size).toBeGreaterThan(0);
    expect(sheet?.frozen).toEqual({ rows: planned.freezeRows, columns: planned.freezeCols });
    expect(sheet?.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
    const notes = planned.rows.flat().filter((cell) => cell.note).length;
    expect(notes).toBeGreaterThan(0);
    expect(sheet?.notes.size).toBe(notes);
    const filled = planned.rows.flatMap((row, r) => row.map((cell, c) => ({ cell, r, c }))).find(({ cell }) => cell.fill);
    expect(filled).toBeDefined();
    expect(sheet?.cell(filled!.r, filled!.c)?.fill).toBe(`#${filled!.cell.fill!.slice(2)}`);
    expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('VeryHidden');
  });

  it('gives rows of wrapped text the height their lines need', async () => {
    const sim = workbook();
    const outcome = await run();
    const planned = outcome.plan!.add.find((sheet) => sheet.name === '考核结果')!;
    const tall = (planned.heights ?? []).flatMap((height, row) => (height === null ? [] : [[row, height] as const]));
    expect(tall.length).toBeGreaterThan(0);
    for (const [row, height] of tall) expect(sim.sheet('考核结果')!.rowHeights.get(row)).toBe(height);
  });

  it('running twice leaves one set of result sheets', async () => {
    const sim = workbook();
    await run();
    const first = sim.sheetNames();
    await run();
    // Same sheets (the new results come after the registry in tab order).
    expect([...sim.sheetNames()].sort()).toEqual([...first].sort());
    expect(sim.sheetNames().filter((name) => name.startsWith('考核结果'))).toEqual(['考核结果']);
  });

  it("keeps a user's own sheet named 考核结果 untouched and writes beside it", async () => {
    const sim = workbook();
    sim.addSheet('考核结果', [['我的笔记', 42]]);
    const outcome = await run();
    expect(sim.valuesOf('考核结果')).toEqual([['我的笔记', 42]]);
    expect(outcome.plan?.renamed).toEqual(expect.arrayContaining([{ wanted: '考核结果', actual: '考核结果(2)' }]));
    expect(sim.sheetNames()).toContain('考核结果(2)');
    await run();
    expect(sim.valuesOf('考核结果')).toEqual([['我的笔记', 42]]);
    expect(sim.sheetNames().filter((name) => name.startsWith('考核结果'))).toEqual(['考核结果', '考核结果(2)']);
  });

  it('writes a unit named =HYPERLINK(...) as text, never as a formula', async () => {
    const name = '=HYPERLINK("http://x","y")';
    const sim = workbook(renameUnit(demoLedger(20), '测试0020村', name));
    const outcome = await run();
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(outcome.ok).toBe(true);
    const results = sim.sheet('考核结果')!;
    const hits: { value: unknown; formula?: string }[] = [];
    const box = results.usedBox(true)!;
    for (let r = 0; r <= box.r1; r++) for (let c = 0; c <= box.c1; c++) {
      const cell = results.cell(r, c);
      if (cell && typeof cell.value === 'string' && cell.value.includes('HYPERLINK')) hits.push({ value: cell.value, formula: cell.formula });
    }
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.formula).toBeUndefined();
    expect(hits.map((hit) => hit.value)).toContain(name);
    for (const sheetName of sim.sheetNames()) {
      const sheet = sim.sheet(sheetName)!;
      const used = sheet.usedBox(true);
      if (!used) continue;
      for (let r = 0; r <= used.r1; r++) for (let c = 0; c <= used.c1; c++) expect(sheet.cell(r, c)?.formula).toBeUndefined();
    }
  });

  it('writes nothing when the input has errors', async () => {
    const sheets = demoLedger().map((sheet) =>
      sheet.name === '考核数据' ? { ...sheet, rows: sheet.rows.map((row, r) => (r === sheet.headerRows[0] ? row.map((cell, c) => (c === 4 ? { ...cell, v: '九十' } : cell)) : row)) } : sheet,
    );
    const sim = workbook(sheets);
    const before = sim.sheetNames();
    const outcome = await run();
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.some((issue) => issue.severity === 'error')).toBe(true);
    expect(sim.sheetNames()).toEqual(before);
    expect(sim.stats().syncs).toBe(3);
  });
});

describe('older Excel', () => {
  it.each([
    ['Excel 2016 (ExcelApi 1.1)', EXCEL_2016],
    ['Excel 2019 (ExcelApi 1.8)', EXCEL_2019],
  ])('%s still writes complete results, without the newer features, and nothing throws', async (_label, requirements) => {
    const sim = workbook(demoLedger(), requirements);
    const outcome = await run();
    expect(outcome.ok).toBe(true);
    for (const sheet of outcome.plan?.add ?? []) {
      expect(sim.valuesOf(sheet.name).length).toBe(sheet.rows.length);
    }
    const results = sim.sheet('考核结果')!;
    expect(results.notes.size).toBe(0);
    expect(results.pageLayout).toEqual({});
    if (requirements === EXCEL_2016) {
      expect(results.frozen).toBeNull();
      expect(results.merges).toEqual([]);
      expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('Visible');
    } else {
      expect(results.frozen).not.toBeNull();
      expect(sim.sheet(REGISTRY_SHEET)?.visibility).toBe('VeryHidden');
    }
    // A second run still replaces only Kaohe's sheets.
    const names = sim.sheetNames();
    await run();
    expect([...sim.sheetNames()].sort()).toEqual([...names].sort());
  });
});

describe('size and cost', () => {
  it('computes 1,000 units in at most 7 syncs with every request and response under 4 MB', async () => {
    const figures = await measureOneClick(1000);
    expect(figures.ok).toBe(true);
    expect(figures.syncs).toBeLessThanOrEqual(7);
    expect(figures.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(figures.maxResponseBytes).toBeLessThan(FOUR_MB);
  });

  it('reads a 200,000-row sheet in bands: no request or response over 4 MB, syncs growing with rows per chunk', async () => {
    const big = await measureChunkedRead(200_000, 8);
    expect(big.cellsRead).toBe(200_000 * 8);
    expect(big.maxResponseBytes).toBeLessThan(FOUR_MB);
    expect(big.maxRequestBytes).toBeLessThan(FOUR_MB);
    const expectedBands = Math.ceil(200_000 / Math.floor(35_000 / 8));
    expect(big.syncs).toBe(2 + expectedBands);
    const smallerChunks = await measureChunkedRead(200_000, 8, 10_000);
    expect(smallerChunks.syncs).toBe(2 + Math.ceil(200_000 / Math.floor(10_000 / 8)));
    expect(smallerChunks.maxResponseBytes).toBeLessThan(big.maxResponseBytes);
  });

  it('reads several small sheets in one values sync', async () => {
    const sim = workbook();
    await createOfficePort().read((names) => names);
    expect(sim.stats().syncs).toBe(3);
  });
});

describe('select, activate and errors', () => {
  it('selects a cell on its sheet and activates a sheet, one sync each', async () => {
    const sim = workbook();
    const port = createOfficePort();
    await port.select('考核数据', 'F7');
    expect(sim.selection).toEqual({ sheet: '考核数据', address: 'F7' });
    expect(sim.activeSheet).toBe('考核数据');
    await port.activate('指标设置');
    expect(sim.activeSheet).toBe('指标设置');
    expect(sim.stats().syncs).toBe(2);
  });

  it('turns an Office failure into our own message', async () => {
    workbook();
    const failure = await createOfficePort().select('没有这张表', 'A1').catch((error: unknown) => error);
    expect(officeErrorMsg(failure)).toEqual({ code: 'ui.office.itemNotFound' });
  });

  it('reads only the sheets picked, with values, formats and origins', async () => {
    const sim = workbook([]);
    sim.addSheet('考核数据', [[null, null], [null, '单位'], [null, '龙源村']]);
    sim.addSheet('别的表', [['x']]);
    const snapshot = await createOfficePort().read((names) => names.filter((name) => name === '考核数据'));
    expect(snapshot.sheetNames).toEqual(['考核数据', '别的表']);
    expect(Object.keys(snapshot.sheets)).toEqual(['考核数据']);
    expect(snapshot.sheets['考核数据']).toMatchObject({ originRow: 1, originCol: 1, values: [['单位'], ['龙源村']], formats: [['General'], ['General']] });
  });
});
