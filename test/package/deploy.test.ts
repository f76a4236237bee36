/**
 * End to end: `npm run package` for each Office.js choice (one real webpack build each,
 * shared by all cases), then the package served from 127.0.0.1 and opened in Chromium.
 * Slow (minutes): it builds three times.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isPackageFilesManifest, type OfficeJsChoice } from '../../src/check/files-manifest';
import { cspInHtml, OFFICE_JS_DEFAULT_URLS } from '../../scripts/package/officejs';
import { serveFolder, type StaticServer } from './static-server';

jest.setTimeout(20 * 60 * 1000);

const PROJECT = resolve(__dirname, '../..');
const XSD = resolve(PROJECT, 'schemas/addin-manifest/OfficeAppManifestV1_1.xsd');
const BASE_URL = 'https://example.org/kaohe/';
const CHOICES: OfficeJsChoice[] = ['global', 'china', 'bundled'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run package -- …args`, as a person would type it. */
function runPackage(args: string[]): Promise<Run> {
  return new Promise((resolveRun) => {
    const child = spawn('npm', ['run', '--silent', 'package', '--', ...args], { cwd: PROJECT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

function du(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).size;
  return readdirSync(path).reduce((sum, name) => sum + du(join(path, name)), 0);
}

describe('bad base URLs exit 2 with the message, Chinese first', () => {
  test.each([
    ['not a URL', ['--base-url', 'example.org/kaohe/'], '不是完整的网址', 'is not a complete URL'],
    ['http', ['--base-url', 'http://example.org/kaohe/'], '必须以 https:// 开头', 'must start with https://'],
    ['missing', [], '缺少 --base-url', 'Missing --base-url'],
    ['localhost', ['--base-url', 'https://localhost:3000/'], '指向本机', 'points to this computer'],
    ['bad officejs', ['--base-url', BASE_URL, '--officejs', 'cn'], '--officejs“cn”无效', '--officejs "cn" is not valid'],
  ])('%s', async (_name, args, zh, en) => {
    const out = mkdtempSync(join(tmpdir(), 'kaohe-bad-'));
    const run = await runPackage([...args, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(zh);
    expect(run.stderr).toContain(en);
    expect(run.stderr.indexOf(zh)).toBeLessThan(run.stderr.indexOf(en));
    expect(readdirSync(out)).toEqual([]);
  });
});

describe.each(CHOICES)('package with --officejs %s', (choice) => {
  let run: Run;
  let out: string;
  let folder: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), `kaohe-pkg-${choice}-`));
    run = await runPackage(['--base-url', BASE_URL, '--officejs', choice, '--out', out]);
    folder = join(out, 'kaohe-1.0.1.0');
    if (run.status === 0) server = await serveFolder(folder);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('writes the folder and the zip, and reports their sizes', () => {
    expect(run.stderr.includes('失败') ? run.stderr : '').toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(folder, 'taskpane.html'))).toBe(true);
    expect(existsSync(join(folder, 'check.html'))).toBe(true);
    expect(existsSync(`${folder}.zip`)).toBe(true);
    expect(run.stdout).toContain('已生成安装包');
    expect(run.stdout).toContain('Package written');
    // Sizes for the report, visible with `npx jest test/package --verbose=false`.
    process.stdout.write(`[${choice}] folder ${(du(folder) / 1048576).toFixed(1)} MB, zip ${(du(`${folder}.zip`) / 1048576).toFixed(1)} MB\n`);
  });

  test('the manifest passes the offline XSD check and has no localhost', () => {
    const manifest = join(folder, 'manifest.xml');
    const lint = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, manifest], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
    const xml = readFileSync(manifest, 'utf8');
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/i);
    expect(xml).toContain('<Version>1.0.1.0</Version>');
    for (const match of xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)) expect(match[1].startsWith(BASE_URL)).toBe(true);
  });

  test('files.json names the version, the choice and the Office.js address the pages use', () => {
    const files: unknown = JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8'));
    expect(isPackageFilesManifest(files)).toBe(true);
    expect(files).toMatchObject({ version: '1.0.1.0', officejs: choice, baseUrl: BASE_URL });
    const taskpane = readFileSync(join(folder, 'taskpane.html'), 'utf8');
    const policy = cspInHtml(taskpane);
    expect(policy).toContain("connect-src 'self'");
    expect(readFileSync(join(folder, 'web.config'), 'utf8')).toContain(`<add name="Content-Security-Policy" value="${policy}" />`);
    if (choice === 'bundled') {
      expect(taskpane).not.toMatch(/appsforoffice|office365\.cn/);
      expect(existsSync(join(folder, 'office-js', 'office.js'))).toBe(true);
    } else {
      expect(taskpane).toContain(OFFICE_JS_DEFAULT_URLS[choice]);
      expect((files as { officejsUrl: string }).officejsUrl).toBe(OFFICE_JS_DEFAULT_URLS[choice]);
    }
  });

  /** A page that records every request and lets only 127.0.0.1 through. */
  async function guardedPage(): Promise<{ page: Page; outside: string[]; errors: string[] }> {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      outside.push(url);
      return route.abort();
    });
    return { page, outside, errors };
  }

  test('check.html reports the files OK, the version, and Office.js as the choice allows', async () => {
    const { page, outside } = await guardedPage();
    await page.goto(`${server.origin}check.html`);
    await page.waitForSelector('body[data-done="true"]', { timeout: 120_000 });
    const status = await page.$$eval('section[data-check]', (sections) =>
      Object.fromEntries(sections.map((section) => [(section as HTMLElement).dataset.check, (section as HTMLElement).dataset.status])),
    );
    const text = await page.innerText('body');
    expect(text).toContain('1.0.1.0');
    expect(text).toContain('大小与 SHA-256 一致');
    if (choice === 'bundled') {
      expect(status).toEqual({ version: 'ok', files: 'ok', officejs: 'ok' });
      expect(outside).toEqual([]);
    } else {
      expect(status).toEqual({ version: 'ok', files: 'ok', officejs: 'bad' });
      expect(text).toContain(`无法加载：${OFFICE_JS_DEFAULT_URLS[choice]}`);
      expect(outside).toContain(OFFICE_JS_DEFAULT_URLS[choice]);
    }
    await page.close();
  });

  test('taskpane.html renders its file-mode UI without a host', async () => {
    const { page, outside, errors } = await guardedPage();
    await page.goto(`${server.origin}taskpane.html`);
    await page.waitForSelector('input[type="file"]', { state: 'attached', timeout: 60_000 });
    expect((await page.innerText('body')).trim().length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    if (choice === 'bundled') expect(outside).toEqual([]);
    else expect(outside.every((url) => !url.startsWith(server.origin))).toBe(true);
    await page.close();
  });
});
