/**
 * The WPS 表格 add-in package (`npm run package -- --base-url … --host wps`):
 *
 *   pkg/kaohe-wps-<v>/                 the add-in folder, served at --base-url:
 *       ribbon.xml, index.html, ribbon.js, wps.*.js   entry page and ribbon callbacks
 *       taskpane.html, taskpane.*.js, chunks, assets/  the pane (without Office.js)
 *       jsplugins.xml                                  enterprise/online mode (oem.ini JSPluginsServer)
 *       kaohe_<v>.7z                                   the add-in files, which WPS downloads from there
 *       README.txt
 *   pkg/kaohe-wps-<v>-offline.zip      offline install: `kaohe_<v>/` (the add-in files) and
 *                                      `publish.xml` (the entry for jsaddons/publish.xml)
 *
 * Formats (from Kingsoft's WPS 加载项 documentation and public add-in examples):
 *   jsplugins.xml  <jsplugins><jsplugin name type="et" url="….7z" version enable="true"/></jsplugins>
 *                  (online alternative: <jspluginonline name type url="<folder>/"/>);
 *   publish.xml    <jsplugins><jsplugin name type="et" url="<name>_<version>" version
 *                  enable="enable_dev" install="null"/></jsplugins>, beside the folder
 *                  `<name>_<version>/` in the jsaddons folder.
 * Not tried on a real WPS: docs/install-wps.md lists what a first trial should check.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import type { Msg } from '../../src/core/types';
import { runWebpack } from './build';
import { folderBytes, listFiles } from './files';
import { officeJsUrlInHtml } from './officejs';
import type { PackageOptions } from './options';
import { nextCounterVersion } from './version';

/** The add-in's name in jsplugins.xml / publish.xml and its jsaddons folder prefix. */
export const WPS_ADDON_NAME = 'kaohe';
export const WPS_COUNTER_FILE = 'wps-version-counter.txt';

/** Files of the webpack output the WPS add-in does not use (Office-only pages and the manifest). */
const OFFICE_ONLY_PAGES = ['commands.html', 'dialog.html', 'check.html'];

export interface WpsPackageReport {
  folder: string;
  offline: string;
  sevenZip: string;
  version: string;
  fileCount: number;
  folderBytes: number;
}

export type WpsPackageOutcome = { ok: true; report: WpsPackageReport } | { ok: false; kind: 'input' | 'build'; problems: Msg[] };

/** The build step (replaceable in tests): webpack with `--env host=wps` into `outDir`. */
export type WpsBuilder = (projectRoot: string, outDir: string) => { ok: boolean; status: number | null };

/** Packs a folder's files (at the top level) into a .7z; the step that needs the `7z` program. */
export type SevenZipper = (folder: string, archive: string) => boolean;

const defaultBuild: WpsBuilder = (root, outDir) => runWebpack(root, 'global', outDir, { host: 'wps' });

const defaultSevenZip: SevenZipper = (folder, archive) => {
  const run = spawnSync('7z', ['a', '-t7z', '-bd', '-y', resolve(archive), '.'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  return run.status === 0;
};

const xmlAttr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * jsplugins.xml for oem.ini's JSPluginsServer: one `<jsplugin>` of type et whose archive is
 * under the base URL.
 * @example jspluginsXml('https://example.org/kaohe/', '1.0.1.0') // => '<?xml …<jsplugin name="kaohe" type="et" url="https://example.org/kaohe/kaohe_1.0.1.0.7z" …'
 */
export function jspluginsXml(baseUrl: string, version: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Kaohe 考核 for WPS 表格. oem.ini: [Support] JsApiPlugin=true; [Server] JSPluginsServer=<this file\'s address>. -->',
    '<!-- Online alternative (no archive; WPS loads the folder each time):',
    `     <jspluginonline name="${WPS_ADDON_NAME}" type="et" url="${xmlAttr(baseUrl)}"/> -->`,
    '<jsplugins>',
    `  <jsplugin name="${WPS_ADDON_NAME}" type="et" url="${xmlAttr(`${baseUrl}${WPS_ADDON_NAME}_${version}.7z`)}" version="${xmlAttr(version)}" enable="true"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/**
 * The publish.xml entry of an add-in copied into the jsaddons folder as `kaohe_<version>/`.
 * @example publishXml('1.0.1.0') // => '<?xml …<jsplugin name="kaohe" type="et" url="kaohe_1.0.1.0" version="1.0.1.0" enable="enable_dev" install="null"/>…'
 */
export function publishXml(version: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Merge the <jsplugin> line into jsaddons/publish.xml when that file already exists (keep the other add-ins). -->',
    '<jsplugins>',
    `  <jsplugin name="${WPS_ADDON_NAME}" type="et" url="${WPS_ADDON_NAME}_${xmlAttr(version)}" version="${xmlAttr(version)}" enable="enable_dev" install="null"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/** taskpane.html without the Office.js script tag (WPS has no Office; nothing may load from outside). */
export function withoutOfficeJs(html: string): string {
  const url = officeJsUrlInHtml(html);
  if (!url) return html;
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const withoutTag = html.replace(new RegExp(`<script[^>]*src=["']?${escaped}["']?[^>]*>\\s*</script>`, 'g'), '');
  const origin = /^https:\/\//.test(url) ? new URL(url).origin : '';
  return origin ? withoutTag.split(` ${origin}`).join('') : withoutTag;
}

function readmeWps(version: string, baseUrl: string): string {
  return [
    `Kaohe 考核 WPS 表格加载项 / WPS Spreadsheets add-in — 版本 version ${version}`,
    '',
    '【中文】',
    `在线（单位统一部署）：把本文件夹全部文件放到 ${baseUrl}，在每台电脑 WPS 的 oem.ini 中加入`,
    `  [Support] JsApiPlugin=true    [Server] JSPluginsServer=${baseUrl}jsplugins.xml`,
    `离线（单台电脑）：解压 kaohe-wps-${version}-offline.zip，把 kaohe_${version} 文件夹复制到 jsaddons 文件夹，`,
    '  并把 publish.xml 中的 <jsplugin …/> 一行并入 jsaddons\\publish.xml（没有就直接复制）。',
    '  Windows：%APPDATA%\\kingsoft\\wps\\jsaddons   UOS/麒麟：~/.local/share/Kingsoft/wps/jsaddons',
    '详见项目文档 docs/install-wps.md。本加载项尚未在真实 WPS 上试过，首次试用请按文档逐项检查。',
    '',
    '[English]',
    `Online: serve this folder at ${baseUrl}; in WPS's oem.ini set [Support] JsApiPlugin=true and [Server] JSPluginsServer=${baseUrl}jsplugins.xml.`,
    `Offline: unpack kaohe-wps-${version}-offline.zip, copy kaohe_${version} into the jsaddons folder and merge the <jsplugin> line of publish.xml into jsaddons/publish.xml.`,
    'See docs/install-wps.md. Not yet tried on a real WPS: check the list there on the first trial.',
    '',
  ].join('\r\n');
}

function nextWpsVersion(outDir: string, sourceManifest: string): string {
  const sourceVersion = /<Version>\s*([^<]*?)\s*<\/Version>/.exec(sourceManifest)?.[1] ?? '1.0.0.0';
  const counterPath = join(outDir, WPS_COUNTER_FILE);
  const stored = existsSync(counterPath) ? Number.parseInt(readFileSync(counterPath, 'utf8').trim(), 10) : 0;
  const folders = readdirSync(outDir)
    .filter((name) => name.startsWith('kaohe-wps-'))
    .map((name) => `kaohe-${name.slice('kaohe-wps-'.length).replace(/-offline\.zip$/, '')}`);
  return nextCounterVersion(sourceVersion, Number.isFinite(stored) ? stored : 0, folders);
}

/** Script files an HTML page loads (`src=…`, and the bundles detect.js picks from: data-modern, data-legacy; relative paths only). */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/\s(?:src|data-modern|data-legacy)=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src) && /\.js$/.test(src));
}

/**
 * Makes the WPS package for the options (see the module comment for the layout).
 * Cost: one webpack build, a 7z and a zip. Throws only on file-system failures.
 */
export async function makeWpsPackage(
  options: PackageOptions,
  projectRoot: string,
  build: WpsBuilder = defaultBuild,
  sevenZip: SevenZipper = defaultSevenZip,
): Promise<WpsPackageOutcome> {
  const manifestPath = resolve(projectRoot, options.manifestPath);
  if (!existsSync(manifestPath)) return { ok: false, kind: 'input', problems: [{ code: 'package.manifest.missing', params: { file: manifestPath } }] };
  const outDir = resolve(projectRoot, options.outDir);
  mkdirSync(outDir, { recursive: true });
  const version = options.version ?? nextWpsVersion(outDir, readFileSync(manifestPath, 'utf8'));
  const folder = join(outDir, `kaohe-wps-${version}`);
  const offline = `${folder}-offline.zip`;
  rmSync(folder, { recursive: true, force: true });
  rmSync(offline, { force: true });

  const built = mkdtempSync(join(tmpdir(), 'kaohe-wps-build-'));
  try {
    const result = build(projectRoot, built);
    if (!result.ok) return { ok: false, kind: 'build', problems: [{ code: 'package.build.failed', params: { status: String(result.status) } }] };
    for (const file of ['index.html', 'ribbon.xml', 'ribbon.js', 'taskpane.html']) {
      if (!existsSync(join(built, file))) return { ok: false, kind: 'build', problems: [{ code: 'package.wps.dist.missing', params: { file } }] };
    }
    // Leave out the Office-only pages, their own scripts and the Office manifest.
    const kept = new Set(['index.html', 'taskpane.html'].flatMap((page) => scriptsOf(readFileSync(join(built, page), 'utf8'))));
    const dropped = new Set(['manifest.xml', ...OFFICE_ONLY_PAGES]);
    for (const page of OFFICE_ONLY_PAGES) {
      if (!existsSync(join(built, page))) continue;
      for (const script of scriptsOf(readFileSync(join(built, page), 'utf8'))) if (!kept.has(script)) dropped.add(script).add(`${script}.LICENSE.txt`);
    }
    mkdirSync(folder, { recursive: true });
    for (const path of listFiles(built)) {
      if (dropped.has(path) || /^office-js\//.test(path)) continue;
      const target = join(folder, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(built, ...path.split('/')), target);
    }
  } finally {
    rmSync(built, { recursive: true, force: true });
  }
  writeFileSync(join(folder, 'taskpane.html'), withoutOfficeJs(readFileSync(join(folder, 'taskpane.html'), 'utf8')), 'utf8');
  writeFileSync(join(folder, 'README.txt'), readmeWps(version, options.baseUrl), 'utf8');

  // The add-in files alone: the offline archive's folder and the .7z WPS downloads.
  const addonFiles = listFiles(folder);
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const path of addonFiles) zip.file(`${WPS_ADDON_NAME}_${version}/${path}`, readFileSync(join(folder, ...path.split('/'))), { date });
  zip.file('publish.xml', publishXml(version), { date });
  writeFileSync(offline, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));

  const sevenZipPath = join(folder, `${WPS_ADDON_NAME}_${version}.7z`);
  const staging = mkdtempSync(join(tmpdir(), 'kaohe-wps-7z-'));
  try {
    for (const path of addonFiles) {
      const target = join(staging, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(folder, ...path.split('/')), target);
    }
    if (!sevenZip(staging, sevenZipPath)) return { ok: false, kind: 'build', problems: [{ code: 'package.wps.no7z' }] };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(join(folder, 'jsplugins.xml'), jspluginsXml(options.baseUrl, version), 'utf8');
  if (options.version === null) writeFileSync(join(outDir, WPS_COUNTER_FILE), `${version.split('.')[2]}\n`, 'utf8');
  return { ok: true, report: { folder, offline, sevenZip: sevenZipPath, version, fileCount: listFiles(folder).length, folderBytes: folderBytes(folder) } };
}
