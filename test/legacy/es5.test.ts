/**
 * Proof without an IE11 (issue 11, Must 2), on the production build in dist/:
 * - detect.js picks the legacy pane for Trident and Edge/12–18, the React pane otherwise,
 *   and never throws (run in a bare VM context with fake and missing DOMs);
 * - every script taskpane.html loads under such a user agent — detect, the legacy bundle,
 *   and Office.js as bundled — and the ribbon's commands/dialog bundles parse as ES5 (es-check);
 * - the legacy bundle's core, inside duktape (`duk`, an ES5-only engine without Map, Promise,
 *   normalize or Intl), assesses the demo workbook to the same JSON as the CLI. Duktape has
 *   no ECMA-402 Intl, which IE11 and EdgeHTML have: the harness stands in an Intl.Collator
 *   giving the order Node's ICU gives (the demo has a tie decided by name).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { sheetsToRead } from '../../src/core';
import { openWorkbook } from '../../src/io/xlsx';
import { ensureDist } from '../e2e/support/build';
import { computeJson, makeDemoWorkbook } from '../e2e/support/cli';
import { bin, DIST, ROOT } from '../e2e/support/paths';
import { USER_AGENTS } from '../io/simulator/excel-simulator';

let html = '';
let detectFile = '';
let modernFile = '';
let legacyFile = '';

beforeAll(async () => {
  await ensureDist();
  html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const tag = /<script[^>]*data-legacy=["']?([^"'\s>]+)["']?[^>]*>/i.exec(html);
  if (!tag) throw new Error('dist/taskpane.html has no detect script with data-legacy');
  detectFile = /\bsrc=["']?([^"'\s>]+)/.exec(tag[0])![1];
  legacyFile = tag[1];
  modernFile = /data-modern=["']?([^"'\s>]+)/.exec(tag[0])![1];
}, 900_000);

/** Runs detect.js in a fresh context with the given user agent; returns the script it added (or null). */
function runDetect(userAgent: string | undefined, withDom = true): string | null {
  const code = fs.readFileSync(path.join(DIST, detectFile), 'utf8');
  let added: string | null = null;
  const me = { getAttribute: (name: string) => ({ 'data-legacy': legacyFile, 'data-modern': modernFile })[name] ?? null };
  const documentElement = { className: '' };
  const document = {
    documentElement,
    head: { appendChild: (node: { src: string }) => (added = node.src) },
    getElementsByTagName: (name: string) => (name === 'script' ? [me] : []),
    createElement: () => ({ src: '' }),
  };
  const context: Record<string, unknown> = withDom ? { document, navigator: { userAgent } } : {};
  context.window = context;
  if (withDom) {
    context.Promise = Promise;
    context.Symbol = Symbol;
  }
  vm.runInNewContext(code, context);
  return added;
}

describe('detect.js', () => {
  it.each([
    ['IE11 (Trident)', 'legacy', USER_AGENTS.Trident],
    ['EdgeHTML 18', 'legacy', USER_AGENTS.EdgeHTML],
    ['EdgeHTML 12', 'legacy', 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.10240'],
    ['WebView2 (Edg/)', 'modern', USER_AGENTS.WebView2],
    ['Chrome', 'modern', USER_AGENTS.Browser],
    ['Edge/19 (not EdgeHTML)', 'modern', 'Mozilla/5.0 Chrome/80 Safari/537.36 Edge/19.1'],
  ])('%s gets the %s pane', (_name, expected, userAgent) => {
    expect(runDetect(userAgent)).toBe(expected === 'legacy' ? legacyFile : modernFile);
  });
  it('never throws: no DOM, no navigator, no user agent', () => {
    expect(() => runDetect(undefined, false)).not.toThrow();
    expect(() => runDetect(undefined)).not.toThrow();
  });
  it('is the only script of taskpane.html besides Office.js', () => {
    const sources = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(sources.filter((src) => !/office\.js$/.test(src))).toEqual([detectFile]);
  });
});

describe('ES5 only under Trident and EdgeHTML', () => {
  it('detect, the legacy pane, the ribbon command, its dialog and Office.js (bundled) parse as ES5', () => {
    const files = [detectFile, legacyFile];
    for (const page of ['commands.html', 'dialog.html']) {
      const pageHtml = fs.readFileSync(path.join(DIST, page), 'utf8');
      for (const m of pageHtml.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/gi)) if (!/^https?:|office\.js$/.test(m[1])) files.push(m[1]);
    }
    const paths = files.map((file) => path.join(DIST, file));
    paths.push(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist', 'office.js'));
    expect(paths.length).toBeGreaterThanOrEqual(5);
    const run = spawnSync(bin('es-check'), ['es5', ...paths], { cwd: ROOT, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toContain('passed');
    expect(run.status).toBe(0);
  });
  it('the React pane is not ES5 (so the check above can fail)', () => {
    const run = spawnSync(bin('es-check'), ['es5', path.join(DIST, modernFile)], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
  });
});

describe('the legacy core in an ES5-only engine (duktape)', () => {
  it('assesses the demo workbook to the same JSON as the CLI', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-duk-'));
    const demo = path.join(work, 'demo.xlsx');
    makeDemoWorkbook(demo);
    const cliJson = computeJson(demo, path.join(work, 'out.xlsx'));
    // The snapshot the CLI reads (ExcelJS adapter), dates as { $date: ms }.
    const snapshot = await (await openWorkbook(fs.readFileSync(demo))).read((names) => sheetsToRead(names));
    const snapshotJson = JSON.stringify(snapshot, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.getTime() } : value;
    });
    const strings = new Set<string>();
    JSON.parse(snapshotJson, (_key, value) => (typeof value === 'string' && strings.add(value), value));
    const order = [...strings].sort(new Intl.Collator('zh-Hans-CN').compare);
    const script = [
      'var window = this;',
      `var __order = ${JSON.stringify(order)};`,
      'var __rank = {}; for (var i = 0; i < __order.length; i++) __rank[__order[i]] = i;',
      'this.Intl = { Collator: function () { this.compare = function (a, b) { var x = __rank[a], y = __rank[b];',
      '  if (x === undefined || y === undefined) return a < b ? -1 : a > b ? 1 : 0; return x - y; }; } };',
      fs.readFileSync(path.join(DIST, legacyFile), 'utf8'),
      `;print(window.KaoheLegacy.assessJson(${JSON.stringify(snapshotJson)}, 'zh', ${new Date(2019, 0, 5, 10).getTime()}));`,
    ].join('\n');
    const file = path.join(work, 'run.js');
    fs.writeFileSync(file, script);
    const run = spawnSync('duk', [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`duktape (\`duk\`, Debian package duktape) is needed for this test: ${run.error.message}`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(cliJson);
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
