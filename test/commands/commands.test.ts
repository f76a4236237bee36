/**
 * The ribbon command end to end in the simulator: Office.onReady → associate → handler →
 * results written → dialog with the summary → completed() exactly once.
 */
import type { OutputSheet } from '../../src/core/types';
import { t } from '../../src/core/messages';
import { parseDialogContent } from '../../src/commands/dialogContent';
import { EXCEL_365, ExcelSimulator, type RequirementSets } from '../io/simulator/excel-simulator';
import { demoLedger, loadSheets } from '../io/simulator/workbooks';

type Handler = (event: { completed: () => void }) => Promise<void>;

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  delete (globalThis as Record<string, unknown>).computeRanking;
});

async function clickCompute(sheets: OutputSheet[], options: { requirements?: RequirementSets; displayLanguage?: string; breakExcel?: unknown } = {}) {
  const sim = new ExcelSimulator({ requirements: options.requirements ?? EXCEL_365, displayLanguage: options.displayLanguage });
  loadSheets(sim, sheets);
  uninstall = sim.install();
  if (options.breakExcel) (globalThis as any).Excel.run = () => Promise.reject(options.breakExcel);
  jest.isolateModules(() => {
    require('../../src/commands/commands');
  });
  await new Promise((resolve) => setTimeout(resolve, 0)); // Office.onReady fires
  const handler = sim.actions.get('computeRanking') as Handler | undefined;
  expect(handler).toBeDefined();
  const completed = jest.fn();
  await handler!({ completed });
  const dialog = sim.dialogs[0];
  const content = dialog ? parseDialogContent(new URL(dialog.url).hash) : null;
  return { sim, completed, dialog, content };
}

function withBadValue(sheets: OutputSheet[]): OutputSheet[] {
  return sheets.map((sheet) =>
    sheet.name === '考核数据' ? { ...sheet, rows: sheet.rows.map((row, r) => (r === sheet.headerRows[0] ? row.map((cell, c) => (c === 4 ? { ...cell, v: '九十' } : cell)) : row)) } : sheet,
  );
}

it('computes the demo workbook, shows the summary and completes once', async () => {
  const { sim, completed, dialog, content } = await clickCompute(demoLedger());
  expect(completed).toHaveBeenCalledTimes(1);
  expect(sim.sheetNames()).toEqual(expect.arrayContaining(['考核结果', '计算明细', '约谈名单', '考核说明']));
  expect(sim.stats().syncs).toBe(6); // 3 to read, 3 for the staged write
  expect(dialog.url).toMatch(/^https:\/\/localhost:3000\/dialog\.html#/);
  expect(dialog.options).toMatchObject({ displayInIframe: true });
  expect(content?.kind).toBe('done');
  expect(content?.title).toBe(t({ code: 'ui.command.titleDone' }, 'zh'));
  expect(content?.lines[0]).toMatch(/^已计算 19 个单位：好 3 个、较好 \d+ 个、一般 2 个、较差 1 个；需约谈 \d+ 个单位。/);
  expect((globalThis as Record<string, unknown>).computeRanking).toBeInstanceOf(Function);
});

it('lists the first errors with their cells and the pane hint, writes nothing, completes once', async () => {
  const sheets = withBadValue(demoLedger());
  const { sim, completed, content } = await clickCompute(sheets);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(sim.sheetNames()).not.toContain('考核结果');
  expect(content?.kind).toBe('errors');
  expect(content?.lines[0]).toMatch(/^输入有 \d+ 处错误，未写入任何结果：$/);
  expect(content?.lines[1]).toMatch(/^考核数据![A-Z]+\d+：/);
  expect(content?.lines[content.lines.length - 1]).toBe(t({ code: 'ui.command.openPane' }, 'zh'));
});

it('speaks English when Office does', async () => {
  const { content } = await clickCompute(demoLedger(), { displayLanguage: 'en-US' });
  expect(content?.title).toBe('Results written');
  expect(content?.lines[0]).toMatch(/^19 units computed: 好 3, /);
});

it('reports an Office failure in our words and still completes once', async () => {
  const { completed, content } = await clickCompute(demoLedger(), { breakExcel: { code: 'AccessDenied', message: 'raw' } });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(content?.kind).toBe('failed');
  expect(content?.lines[0]).toBe(`计算未完成：${t({ code: 'ui.office.accessDenied' }, 'zh')}`);
});

it('completes once even when no dialog can be shown', async () => {
  const { sim, completed, dialog } = await clickCompute(demoLedger(), { requirements: { ExcelApi: '1.1' } });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialog).toBeUndefined();
  expect(sim.sheetNames()).toContain('考核结果');
});

describe('a dialog that never answers', () => {
  it('times out, closes the dialog and completes the command once', async () => {
    const sim = new ExcelSimulator({ requirements: EXCEL_365, dialogsCloseThemselves: false });
    loadSheets(sim, demoLedger());
    uninstall = sim.install();
    let commands: typeof import('../../src/commands/commands') | null = null;
    jest.isolateModules(() => {
      commands = require('../../src/commands/commands');
    });
    const module = commands as unknown as typeof import('../../src/commands/commands');
    const completed = jest.fn();
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      const done = module.computeRanking({ completed });
      // Let the assessment and the dialog's opening run (simulated syncs settle on microtasks).
      for (let i = 0; i < 100_000 && sim.dialogs.length === 0; i++) await Promise.resolve();
      expect(sim.dialogs).toHaveLength(1);
      expect(completed).not.toHaveBeenCalled();
      jest.advanceTimersByTime(module.DIALOG_TIMEOUT_MS);
      await done;
      expect(completed).toHaveBeenCalledTimes(1);
      expect(sim.dialogs[0].closed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
