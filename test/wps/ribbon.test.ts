/**
 * The WPS ribbon: ribbon.xml validates against the CustomUI subset XSD (and the XSD rejects
 * what it should), every callback ribbon.xml names exists in the built ribbon.js, which is
 * ES5 and runs in duktape (an ES5.1 engine); the callbacks open the right pane and say
 * the right things; 计算排名 through the modern bundle's API on the WPS simulator.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webpack from 'webpack';
import { t } from '../../src/core/messages';
import { computeRankingInWps, kaoheWpsApi } from '../../src/wps/main';
import { folderOf, openPane, PANE_FAILED, paneUrl, ribbonCallbacks, type CommandReport, type KaoheWpsApi } from '../../src/wps/ribbon';
import { badInputSheets } from '../acceptance/fixtures/badInput';
import { simFromSheets, simFromSpecs } from '../io/wps/workbooks';

const ROOT = resolve(__dirname, '../..');
const RIBBON_XML = join(ROOT, 'src/wps/ribbon.xml');
const XSD = join(ROOT, 'schemas/wps-customui/customui-subset.xsd');
const NOW = new Date(2019, 0, 5, 10, 0, 0);

function xmllint(file: string): { status: number | null; stderr: string } {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

/** Callback names ribbon.xml refers to (`ribbon.OnAction` → `OnAction`). */
function callbacksNamed(xml: string): string[] {
  const names = new Set<string>();
  for (const match of xml.matchAll(/\b(onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)) names.add(match[2]);
  return [...names].sort();
}

describe('ribbon.xml', () => {
  const xml = readFileSync(RIBBON_XML, 'utf8');

  it('validates as CustomUI XML (the subset XSD)', () => {
    const lint = xmllint(RIBBON_XML);
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
  });

  it.each([
    ['an unknown control', xml.replace('<button id="kaoheOpenPane"', '<splitButton id="x"/><button id="kaoheOpenPane"')],
    ['a duplicate id', xml.replace('id="kaoheOpenPane"', 'id="kaoheCompute"')],
    ['a button without onAction', xml.replace(/onAction="ribbon.OnAction" getImage="ribbon.GetImage" getEnabled="ribbon.OnGetEnabled"\/>\s*<\/group>/, 'getImage="ribbon.GetImage"/></group>')],
    ['a size other than normal/large', xml.replace('size="large"', 'size="huge"')],
    ['the wrong namespace', xml.replace('2006/01/customui', '2009/07/customui')],
  ])('the XSD rejects %s', (_label, broken) => {
    expect(broken).not.toBe(xml);
    const dir = mkdtempSync(join(tmpdir(), 'kaohe-ribbon-'));
    const file = join(dir, 'ribbon.xml');
    writeFileSync(file, broken);
    expect(xmllint(file).status).not.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the 考核 group with 计算排名 and 打开考核面板, Chinese labels', () => {
    expect(xml).toMatch(/<group id="kaoheGroup" label="考核">/);
    expect(xml).toMatch(/<button id="kaoheCompute" label="计算排名"/);
    expect(xml).toMatch(/<button id="kaoheOpenPane" label="打开考核面板"/);
    expect(callbacksNamed(xml)).toEqual(['ribbon.GetImage', 'ribbon.OnAction', 'ribbon.OnAddinLoad', 'ribbon.OnGetEnabled']);
  });
});

describe('the built ribbon.js', () => {
  let dir: string;
  let script: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaohe-ribbon-build-'));
    const { withWps } = require('../../scripts/package/wps-webpack.js') as { withWps: (c: unknown, o: unknown) => webpack.Configuration[] };
    const [, ribbonConfig] = withWps({ entry: {}, plugins: [], output: { path: dir } }, { production: true, csp: "default-src 'self'" });
    const stats = await new Promise<webpack.Stats | undefined>((done, fail) => webpack({ ...ribbonConfig, context: ROOT, dependencies: undefined }, (error, result) => (error ? fail(error) : done(result))));
    if (!stats || stats.hasErrors()) throw new Error(stats?.toString('errors-only') ?? 'no stats');
    script = readFileSync(join(dir, 'ribbon.js'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is ES5 (es-check)', () => {
    const check = spawnSync(join(ROOT, 'node_modules/.bin/es-check'), ['es5', join(dir, 'ribbon.js')], { encoding: 'utf8' });
    expect(check.status).toBe(0);
  });

  it('defines every callback ribbon.xml names, and they work in an ES5.1 engine (duktape)', () => {
    const names = callbacksNamed(readFileSync(RIBBON_XML, 'utf8')).map((name) => name.replace(/^ribbon\./, ''));
    const harness = [
      'var log = [];',
      'var panes = [];',
      'var window = { location: { href: "https://example.org/kaohe/index.html" }, navigator: { language: "zh-CN" },',
      '  alert: function (text) { log.push("alert:" + text); },',
      '  Application: { Build: "11.1.0.11720",',
      '    PluginStorage: { items: {}, getItem: function (k) { return this.items[k]; }, setItem: function (k, v) { this.items[k] = v; } },',
      '    CreateTaskPane: function (url, title) { var pane = { ID: panes.length + 1, Visible: false, url: url, title: title }; panes.push(pane); log.push("create:" + url); return pane; },',
      '    GetTaskPane: function (id) { return panes[id - 1]; } } };',
      script,
      `var names = ${JSON.stringify(names)};`,
      'for (var i = 0; i < names.length; i++) log.push(names[i] + ":" + typeof window.ribbon[names[i]]);',
      'log.push("load:" + window.ribbon.OnAddinLoad({}));',
      'log.push("image:" + window.ribbon.GetImage({ Id: "kaoheCompute" }));',
      'window.ribbon.OnAction({ Id: "kaoheCompute" });',
      'window.kaoheWps = { lang: "zh", describe: function () { return ""; }, computeRanking: function () { return { then: function (ok) { ok({ title: "T", lines: ["a", "b"], openPane: false }); } }; } };',
      'window.ribbon.OnAction({ Id: "kaoheOpenPane" });',
      'window.ribbon.OnAction({ Id: "kaoheOpenPane" });',
      'window.ribbon.OnAction({ Id: "kaoheCompute" });',
      'print(JSON.stringify({ log: log, panes: panes.length, visible: panes[0] && panes[0].Visible, dock: panes[0] && panes[0].DockPosition }));',
    ].join('\n');
    const file = join(dir, 'harness.js');
    writeFileSync(file, harness);
    const run = spawnSync('duk', [file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout.trim()) as { log: string[]; panes: number; visible: boolean; dock: number };
    expect(out.log.slice(0, names.length)).toEqual(names.map((name) => `${name}:function`));
    expect(out.log.slice(names.length)).toEqual([
      'load:true',
      'image:assets/icon-64.png',
      // Without the modern bundle: 计算排名 opens the pane, asking for the legacy one.
      'create:https://example.org/kaohe/taskpane.html?kaohe-engine=legacy',
      // With it: the pane is shown again (created once), and 计算排名 computes and reports.
      'alert:T\n\na\nb',
    ]);
    expect(out).toMatchObject({ panes: 1, visible: true, dock: 2 });
  });
});

describe('ribbon callbacks (unit)', () => {
  const host = (extra: object = {}) => {
    const alerts: string[] = [];
    const created: string[] = [];
    const storage = new Map<string, unknown>();
    const value = {
      location: { href: 'https://example.org/kaohe/index.html?x=1#y' },
      alert: (text: string) => alerts.push(text),
      Application: {
        Build: '12.1.0',
        PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
        CreateTaskPane: (url: string) => {
          created.push(url);
          return { ID: created.length, Visible: false };
        },
        GetTaskPane: () => null,
      },
      ...extra,
    };
    return { value, alerts, created };
  };

  it('the sentences kept outside the catalog are the catalog’s', () => {
    expect(t({ code: 'wps.pane.failed', params: { detail: '{detail}' } }, 'zh')).toBe(PANE_FAILED.zh);
    expect(t({ code: 'wps.pane.failed', params: { detail: '{detail}' } }, 'en')).toBe(PANE_FAILED.en);
  });

  it('picks the modern pane when the modern bundle ran, else asks detect.js for the legacy one', () => {
    expect(folderOf('https://example.org/kaohe/index.html?x#y')).toBe('https://example.org/kaohe/');
    expect(paneUrl('https://a/b/index.html', true)).toBe('https://a/b/taskpane.html');
    expect(paneUrl('https://a/b/index.html', false)).toBe('https://a/b/taskpane.html?kaohe-engine=legacy');
  });

  it('reuses the pane it created (PluginStorage keeps its ID)', () => {
    const h = host({ kaoheWps: { lang: 'zh' } });
    const panes: { ID: number; Visible: boolean }[] = [];
    Object.assign(h.value.Application, {
      CreateTaskPane: (url: string) => {
        h.created.push(url);
        panes.push({ ID: panes.length + 1, Visible: false });
        return panes[panes.length - 1];
      },
      GetTaskPane: (id: number) => panes[id - 1] ?? null,
    });
    openPane(h.value);
    panes[0].Visible = false;
    openPane(h.value);
    expect(h.created).toEqual(['https://example.org/kaohe/taskpane.html']);
    expect(panes[0].Visible).toBe(true);
  });

  it('says why when WPS cannot create a task pane', () => {
    const h = host({ kaoheWps: { lang: 'zh' } });
    (h.value.Application as { CreateTaskPane?: unknown }).CreateTaskPane = undefined;
    openPane(h.value);
    expect(h.alerts).toEqual(['无法打开考核面板：Application.CreateTaskPane']);
  });

  it('计算排名 with errors shows the message, then opens the pane on the error list', () => {
    const report: CommandReport = { title: '数据有误，未计算', lines: ['输入有 1 处错误'], openPane: true };
    const api: KaoheWpsApi = { lang: 'zh', describe: () => 'x', computeRanking: () => ({ then: (done: (r: CommandReport) => void) => done(report) }) };
    const h = host({ kaoheWps: api });
    ribbonCallbacks(h.value).OnAction({ Id: 'kaoheCompute' });
    expect(h.alerts).toEqual(['数据有误，未计算\n\n输入有 1 处错误']);
    expect(h.created).toEqual(['https://example.org/kaohe/taskpane.html']);
  });
});

describe('计算排名 through the modern bundle (WPS simulator)', () => {
  it('computes the demo and reports the grade counts', async () => {
    const app = simFromSheets();
    const report = await computeRankingInWps({ Application: app }, 'zh', NOW);
    expect(report.title).toBe('考核结果已生成');
    expect(report.lines[0]).toMatch(/^已计算 19 个单位：好 3 个/);
    expect(report.openPane).toBe(false);
    expect(app.sheetNames()).toContain('考核结果');
  });

  it('lists the errors and asks for the pane when the input is bad; writes nothing', async () => {
    const app = simFromSpecs(badInputSheets());
    const before = app.sheetNames();
    const report = await computeRankingInWps({ Application: app }, 'zh', NOW);
    expect(report.title).toBe('数据有误，未计算');
    expect(report.lines[0]).toMatch(/^输入有 \d+ 处错误，未写入任何结果/);
    expect(report.openPane).toBe(true);
    expect(app.sheetNames()).toEqual(before);
  });

  it('outside WPS 表格 it says so instead of throwing', async () => {
    const report = await kaoheWpsApi({}, 'en').computeRanking();
    expect(report.title).toBe('Not finished');
    expect(report.openPane).toBe(false);
  });
});
