/**
 * Bench figure of issue 9 Must 7: the browser file mode on a generated workbook — time from
 * the click on 计算排名 to the finished download, in Debian's chromium (playwright-core,
 * never a downloaded browser) on the production build served from 127.0.0.1 — against the
 * CLI computing the same file in the same run; and the size of the chunks the page loads
 * lazily (the xlsx reader/writer), raw and gzipped.
 *
 * Every request of the page is guarded as in the end-to-end tests: nothing leaves the
 * machine (Office.js is answered from the local npm copy).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/e2e/support/chromium';
import { guardNetwork, officeJsBase } from '../../test/e2e/support/networkGuard';
import { serveStatic, type StaticServer } from '../../test/e2e/support/staticServer';
import { cliCommand, median, timedRun, warmCli } from './measure';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BrowserFigures {
  units: number;
  indicators: number;
  inputBytes: number;
  /** Median, click on 计算排名 → download complete (the file written by the browser). */
  clickToDownloadMs: number;
  /** Median, file chosen → 已打开 shown (not part of the goal: the CLI's time includes its reading). */
  openMs: number;
  /** Median wall time of `compute in.xlsx -o out.xlsx` (the CLI as `npm run cli` runs it, a child process). */
  cliMs: number;
  /** Size of the downloaded workbook (last run). */
  downloadBytes: number;
  /** Scripts the page requested only once a file was opened or computed (its lazy chunks). */
  lazyChunks: ChunkSize[];
  /** Whether dist/ was (re)built for this run. */
  built: boolean;
}

/** Newest modification time (ms) of the files under `dir`, recursively. Cost: one stat per file. */
async function newestUnder(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? await newestUnder(full) : (await stat(full)).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * Makes sure `root/dist` is the production build of the current sources: reused when
 * dist/taskpane.html is newer than everything under src/ and the build's configuration,
 * else `webpack --mode production` (as `npm run build`, ~1 min). Returns whether it built.
 */
export async function ensureBuild(root: string): Promise<boolean> {
  const page = await stat(path.join(root, 'dist', 'taskpane.html')).catch(() => null);
  const sources = Math.max(
    await newestUnder(path.join(root, 'src')),
    ...(await Promise.all(['webpack.config.js', 'package.json'].map(async (file) => (await stat(path.join(root, file))).mtimeMs))),
  );
  if (page && page.mtimeMs > sources) return false;
  await timedRun(path.join(root, 'node_modules/.bin/webpack'), ['--mode', 'production'], root);
  return true;
}

/**
 * Raw and gzip (level 9) size of each named file of dist/. Cost: one gzip per file.
 * @example await chunkSizes('/repo/dist', ['xlsx.609ef5da.js']) // => [{ file: 'xlsx.609ef5da.js', bytes: 58326, gzipBytes: 20455 }]
 */
export async function chunkSizes(dist: string, files: string[]): Promise<ChunkSize[]> {
  return Promise.all(
    files.map(async (file) => {
      const body = await readFile(path.join(dist, file));
      return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
}

/**
 * Times the page (click → download complete) and the CLI on one generated workbook of
 * `units` × `indicators`, median of `runs` each; a fresh browser context per page run.
 * `root` is the repository. Cost: a build when dist/ is stale, `runs` CLI runs and page runs.
 * Throws when the page shows no 已打开, offers no download, or a request would leave 127.0.0.1.
 * @example await benchBrowser('/repo', 5_000, 40, 3) // => { clickToDownloadMs: 8123, cliMs: 7012, … }
 */
export async function benchBrowser(root: string, units: number, indicators: number, runs: number): Promise<BrowserFigures> {
  const built = await ensureBuild(root);
  const dist = path.join(root, 'dist');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kaohe-bench-browser-'));
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const [node, ...launcher] = cliCommand(root);
  await warmCli(root);
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await serveStatic([dist]);
    browser = await launchChromium();
    const input = path.join(dir, 'bench.xlsx');
    await timedRun(tsx, [path.join(root, 'scripts/bench/makeLedger.ts'), input, String(units), String(indicators)], root);
    const officeBase = officeJsBase(await readFile(path.join(dist, 'taskpane.html'), 'utf8'));

    const clicks: number[] = [];
    const opens: number[] = [];
    const cli: number[] = [];
    const lazy = new Set<string>();
    let downloadBytes = 0;
    for (let i = 0; i < runs; i++) {
      cli.push((await timedRun(node, [...launcher, 'compute', input, '-o', path.join(dir, `cli-${i}.xlsx`)], root)).ms);

      const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
      try {
        const log = await guardNetwork(context, { localOrigin: server.origin, officeJsBase: officeBase });
        const page = await context.newPage();
        await page.goto(server.url('taskpane.html'));
        await page.locator('input[type=file]').waitFor({ state: 'attached', timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        const initial = log.all.length;

        const opening = performance.now();
        await page.locator('input[type=file]').setInputFiles(input);
        await page.getByText(`已打开：${path.basename(input)}`).waitFor({ timeout: 600_000 });
        opens.push(performance.now() - opening);

        const button = page.getByRole('button', { name: '计算排名' });
        await button.waitFor({ timeout: 60_000 });
        const clicked = performance.now();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), button.click({ timeout: 60_000 })]);
        const saved = await download.path(); // resolves once the file is complete
        clicks.push(performance.now() - clicked);
        downloadBytes = (await stat(saved)).size;

        if (log.outside.length > 0) throw new Error(`the page tried to leave 127.0.0.1: ${log.outside.join(', ')}`);
        for (const url of log.all.slice(initial)) {
          if (url.startsWith(server.origin) && url.endsWith('.js')) lazy.add(decodeURIComponent(new URL(url).pathname.slice(1)));
        }
      } finally {
        await context.close();
      }
    }
    return {
      units,
      indicators,
      inputBytes: (await stat(input)).size,
      clickToDownloadMs: median(clicks),
      openMs: median(opens),
      cliMs: median(cli),
      downloadBytes,
      lazyChunks: await chunkSizes(dist, [...lazy].sort()),
      built,
    };
  } finally {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
