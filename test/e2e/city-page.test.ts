/**
 * The city office's page (dist/city.html) in a real browser (Debian's chromium,
 * playwright-core): choose three towns' workbooks (one with a grade typed over), see each
 * town's verification, download 市汇总.xlsx — with every request recorded and none leaving
 * 127.0.0.1 (the page uploads nothing). Counts worked by hand as in test/city.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { computedTown, loadBook, rowValues, sheetOf, tampered } from '../city/fixtures';
import { distIsBuilt, ensureDist } from './support/build';
import { launchChromium, WIDE_VIEWPORT } from './support/chromium';
import { escaped, guardNetwork } from './support/networkGuard';
import { DIST, SCREENSHOTS } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';

let dir: string;
let files: string[];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await ensureDist();
  if (!fs.existsSync(path.join(DIST, 'city.html'))) {
    // A dist/ built before the city page existed: build again.
    fs.rmSync(path.join(DIST, 'taskpane.html'), { force: true });
    expect(distIsBuilt()).toBe(false);
    await ensureDist();
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-e2e-city-'));
  const a = await computedTown(dir, '甲镇', { B3: '甲镇' });
  const b = await computedTown(dir, '乙镇', { B3: '乙镇', B7: 4 });
  const c = await computedTown(dir, '丙镇', { B3: '丙镇', B8: 3 });
  const bad = await tampered(c, path.join(dir, '丙镇-改.xlsx'), (book) => {
    sheetOf(book, '考核结果').getCell('L7').value = '好';
  });
  files = [a, b, bad];
  server = await serveStatic([DIST]);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function downloadReport(page: Page, out: string): Promise<ExcelJS.Workbook> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载市汇总.xlsx' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('市汇总.xlsx');
  await file.saveAs(out);
  return loadBook(out);
}

describe('city page in chromium', () => {
  it('verifies each town, downloads 市汇总.xlsx, and no request leaves 127.0.0.1', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: WIDE_VIEWPORT, locale: 'zh-CN' });
    const log = await guardNetwork(context, { localOrigin: server.origin, officeJsBase: null });
    try {
      const page = await context.newPage();
      await page.goto(server.url('city.html'));
      await page.locator('#city-files').setInputFiles(files);
      await page.waitForFunction(() => document.querySelectorAll('#city-towns tbody tr').length === 3 && !document.querySelector('.busy'), undefined, { timeout: 60_000 });

      const rows = page.locator('#city-towns tbody tr');
      await expect(rows.nth(0).innerText()).resolves.toMatch(/甲镇\s+2018\s+一致\s+结果表与重新计算一致。/);
      await expect(rows.nth(1).innerText()).resolves.toMatch(/乙镇\s+2018\s+一致/);
      const bad = await rows.nth(2).innerText();
      expect(bad).toMatch(/丙镇\s+2018\s+不一致/);
      expect(bad).toContain('考核结果!L7：等次为"好"，重新计算为"较好"');
      await expect(page.locator('#city-notes').innerText()).resolves.toBe('丙镇2018年度（丙镇-改.xlsx）不一致，未计入；如仍要计入，请勾选上面的选项。');
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'city-page.png'), fullPage: true });

      const without = await downloadReport(page, path.join(dir, 'without.xlsx'));
      expect(without.worksheets.map((s) => s.name)).toEqual(['汇总', '全部单位', '约谈汇总', '帮扶单位汇总']);
      const summary = sheetOf(without, '汇总');
      expect(rowValues(summary, 3).slice(0, 12)).toEqual([1, '甲镇', 2018, 19, 3, 13, 2, 1, 5, 4, '是', '是']);
      expect(rowValues(summary, 4).slice(0, 12)).toEqual([2, '乙镇', 2018, 19, 4, 12, 2, 1, 5, 4, '是', '是']);
      expect(rowValues(summary, 5).slice(1, 12)).toEqual(['丙镇', 2018, '', '', '', '', '', '', '', '否', '否']);
      expect(rowValues(summary, 6).slice(0, 10)).toEqual(['合计', '', '', 38, 7, 25, 4, 2, 10, 8]);
      expect(sheetOf(without, '全部单位').rowCount).toBe(2 + 38);
      await expect(page.locator('#city-notice').innerText()).resolves.toBe('已生成市汇总.xlsx（2 个镇，38 个单位）。');

      await page.locator('#city-include').check();
      const withAll = await downloadReport(page, path.join(dir, 'with.xlsx'));
      expect(rowValues(sheetOf(withAll, '汇总'), 5).slice(1, 12)).toEqual(['丙镇', 2018, 19, 3, 12, 3, 1, 5, 4, '否', '是']);
      expect(sheetOf(withAll, '全部单位').rowCount).toBe(2 + 57);

      expect(escaped(log, server.origin)).toEqual([]);
      expect(log.all.every((url) => url.startsWith(server.origin) || url.startsWith('blob:') || url.startsWith('data:'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
