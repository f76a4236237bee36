/**
 * The pane leads with the work (issue 13 §5) in a real browser at 320 px: the roles fold
 * into one line, 计算排名 comes first, and after a run the totals chart (inline SVG, one bar
 * per unit) comes before the grade lists; picking a bar draws that unit's radar.
 * Screenshot: analysis-pane.png (test-results/screenshots, or docs/screenshots).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureDist } from './support/build';
import { launchChromium } from './support/chromium';
import { makeDemoWorkbook } from './support/cli';
import { DIST, SCREENSHOTS } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';

let work: string;
let demoFile: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-e2e-analysis-'));
  demoFile = path.join(work, 'demo.xlsx');
  makeDemoWorkbook(demoFile);
  server = await serveStatic([DIST]);
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the pane at 320 px', () => {
  it('folds the roles, then shows the chart before the grade lists and a radar on a click', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(server.url('taskpane.html'));
      await page.locator('input[type=file]').setInputFiles(demoFile);
      await page.getByText('已打开：demo.xlsx').waitFor();
      const folded = page.getByRole('button', { name: '数据表：已按表名找到 5 张，可修改' });
      await folded.waitFor();
      // 计算排名 sits above the folded roles line.
      const computeBox = (await page.getByRole('button', { name: '计算排名' }).boundingBox())!;
      expect(computeBox.y).toBeLessThan((await folded.boundingBox())!.y);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '计算排名' }).click();
      await download;
      const chart = page.getByTestId('totals-chart');
      await chart.waitFor();
      await expect(chart.locator('[data-unit]').count()).resolves.toBe(19);
      const chartBox = (await chart.boundingBox())!;
      expect(chartBox.width).toBeLessThanOrEqual(320);
      expect(chartBox.y).toBeLessThan((await page.locator('[data-grade="好"]').boundingBox())!.y);
      // Nothing scrolls sideways at 320 px.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);

      await chart.locator('[data-unit="幸福村"]').click();
      await expect(page.getByTestId('radar').getAttribute('aria-label')).resolves.toContain('幸福村');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'analysis-pane.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});
