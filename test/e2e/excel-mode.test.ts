/**
 * Excel mode in a real browser: the production pane bundle from dist/ runs on harness.html,
 * where test/e2e/pages/harness.ts has installed the Excel simulator (holding the demo
 * ledger) as the Office/Excel globals. Click 检查数据 → 计算排名 and check the summary, the
 * result sheets in the simulated workbook and their grades against the CLI's JSON.
 * Screenshot: docs/screenshots/excel-mode.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JsonReport } from '../../src/core/types';
import type { HarnessApi } from './pages/harness';
import { buildHarness, ensureDist } from './support/build';
import { launchChromium, PANE_VIEWPORT } from './support/chromium';
import { computeJson, makeDemoWorkbook } from './support/cli';
import { escaped, guardNetwork } from './support/networkGuard';
import { DIST, SCREENSHOTS } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';
import { recordTiming } from './support/timings';
import { rankedRowsFromGrid, rankedRowsFromJson } from './support/workbook';

const INPUT_SHEETS = ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数'];
const RESULT_SHEETS = ['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '考核说明'];

let work: string;
let cliJson: JsonReport;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-e2e-excel-'));
  buildHarness(work);
  const demoFile = path.join(work, 'demo.xlsx');
  makeDemoWorkbook(demoFile);
  cliJson = computeJson(demoFile, path.join(work, 'cli-out.xlsx'));
  server = await serveStatic([work, DIST]);
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Asks the simulated workbook in the page. */
function harness<T>(page: Page, ask: (api: HarnessApi) => T): Promise<T> {
  return page.evaluate(`(${ask.toString()})(window.kaoheHarness)`) as Promise<T>;
}

describe('Excel mode in chromium (simulated Excel)', () => {
  it('checks, computes and writes the result sheets into the workbook, all offline', async () => {
    const started = performance.now();
    const context = await browser.newContext({ viewport: PANE_VIEWPORT, locale: 'zh-CN' });
    const log = await guardNetwork(context, { localOrigin: server.origin, officeJsBase: null });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(server.url('harness.html'));
      // Excel mode: no file picker, and the role pickers list the workbook's sheets.
      const check = page.getByRole('button', { name: '检查数据' });
      await check.waitFor({ timeout: 20_000 });
      await expect(page.locator('input[type=file]').count()).resolves.toBe(0);
      expect(await harness(page, (api) => api.sheetNames())).toEqual(INPUT_SHEETS);

      await check.click();
      await page.getByRole('heading', { name: /^0 处错误/ }).waitFor();
      await expect(page.getByText('没有错误，可以计算。').count()).resolves.toBe(1);
      expect(await harness(page, (api) => api.sheetNames())).toEqual(INPUT_SHEETS);

      await page.getByRole('button', { name: '计算排名' }).click();
      await page.getByTestId('summary').waitFor();
      recordTiming('Excel mode (simulator): page load → check → compute → summary', performance.now() - started);

      const sheets = await harness(page, (api) => api.sheetNames());
      expect(sheets.slice(0, INPUT_SHEETS.length)).toEqual(INPUT_SHEETS);
      expect(sheets).toEqual(expect.arrayContaining(RESULT_SHEETS));
      const results = await harness(page, (api) => api.valuesOf('考核结果'));
      expect(rankedRowsFromGrid(results)).toEqual(rankedRowsFromJson(cliJson));

      // The summary offers a button per result sheet; one opens its sheet in Excel.
      for (const name of RESULT_SHEETS) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: '约谈名单', exact: true }).click();
      await page.waitForFunction(() => (window as unknown as { kaoheHarness: HarnessApi }).kaoheHarness.activeSheet() === '约谈名单', undefined, { timeout: 5_000 });

      await page.screenshot({ path: path.join(SCREENSHOTS, 'excel-mode.png'), fullPage: true });
      expect(pageErrors).toEqual([]);
      expect(escaped(log, server.origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
