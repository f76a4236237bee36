/**
 * The --host wps package with a stand-in build (fast, no webpack): the add-in folder, the
 * Office-only pages left out, Office.js removed from the pane, jsplugins.xml (a <jsplugin>
 * of type et under the base URL), the .7z it points to, and the offline archive with its
 * publish.xml entry.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parsePackageArgs, type PackageOptions } from '../../scripts/package/options';
import { jspluginsXml, makeWpsPackage, publishXml, withoutOfficeJs, type WpsBuilder } from '../../scripts/package/wps';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** What `webpack --env host=wps` writes (names as in a real build). */
const fakeBuild: WpsBuilder = (_root, outDir) => {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const page = (scripts: string[], office: boolean) =>
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'">${office ? `<script src="${OFFICE_JS}" type="text/javascript"></script>` : ''}${scripts.map((s) => `<script defer src="${s}"></script>`).join('')}`;
  writeFileSync(join(outDir, 'index.html'), `<script src="ribbon.js"></script>${page(['wps.1.js'], false)}`);
  writeFileSync(join(outDir, 'taskpane.html'), page(['taskpane.2.js'], true));
  writeFileSync(join(outDir, 'commands.html'), page(['commands.3.js'], true));
  writeFileSync(join(outDir, 'dialog.html'), page(['dialog.4.js'], true));
  writeFileSync(join(outDir, 'check.html'), page(['check.5.js'], false));
  for (const file of ['ribbon.js', 'wps.1.js', 'taskpane.2.js', 'taskpane.2.js.LICENSE.txt', 'commands.3.js', 'dialog.4.js', 'check.5.js', 'exceljs.6.js']) writeFileSync(join(outDir, file), `// ${file}`);
  writeFileSync(join(outDir, 'ribbon.xml'), readFileSync(join(__dirname, '../../src/wps/ribbon.xml')));
  writeFileSync(join(outDir, 'manifest.xml'), '<OfficeApp/>');
  writeFileSync(join(outDir, 'assets', 'icon-64.png'), 'png');
  return { ok: true, status: 0 };
};

const copyZipper = (folder: string, archive: string): boolean => {
  const run = spawnSync('7z', ['a', '-t7z', '-bd', '-y', archive, '.'], { cwd: folder, encoding: 'utf8' });
  return run.status === 0;
};

function workspace(): { root: string; options: PackageOptions } {
  const root = mkdtempSync(join(tmpdir(), 'kaohe-wps-pkg-'));
  copyFileSync(join(__dirname, 'fixtures/manifest.dev.xml'), join(root, 'manifest.xml'));
  const parsed = parsePackageArgs(['--base-url', 'https://example.org/kaohe', '--host', 'wps']);
  if (!parsed.ok) throw new Error('options');
  return { root, options: parsed.options };
}

describe('npm run package -- --host wps', () => {
  it('parses --host and rejects other hosts', () => {
    expect(parsePackageArgs(['--base-url', 'https://example.org/k/', '--host', 'wps'])).toMatchObject({ ok: true, options: { host: 'wps' } });
    expect(parsePackageArgs(['--base-url', 'https://example.org/k/', '--host', 'libreoffice'])).toMatchObject({ ok: false, problems: [{ code: 'package.host.invalid', params: { found: 'libreoffice' } }] });
  });

  it('writes the add-in folder, jsplugins.xml, the .7z and the offline archive', async () => {
    const { root, options } = workspace();
    const outcome = await makeWpsPackage(options, root, fakeBuild, copyZipper);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { folder, offline, version } = outcome.report;
    expect(version).toBe('1.0.1.0');
    expect(folder).toBe(join(root, 'pkg', 'kaohe-wps-1.0.1.0'));
    expect(offline).toBe(join(root, 'pkg', 'kaohe-wps-1.0.1.0-offline.zip'));

    const listing = spawnSync('find', ['.', '-type', 'f'], { cwd: folder, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((p) => p.slice(2)).sort();
    expect(listing).toEqual([
      'README.txt',
      'assets/icon-64.png',
      'exceljs.6.js',
      'index.html',
      'jsplugins.xml',
      'kaohe_1.0.1.0.7z',
      'ribbon.js',
      'ribbon.xml',
      'taskpane.2.js',
      'taskpane.2.js.LICENSE.txt',
      'taskpane.html',
      'wps.1.js',
    ]);
    // Nothing loads from outside: the pane has no Office.js in WPS.
    expect(readFileSync(join(folder, 'taskpane.html'), 'utf8')).not.toContain('appsforoffice');
    expect(readFileSync(join(folder, 'taskpane.html'), 'utf8')).toContain('taskpane.2.js');

    const jsplugins = readFileSync(join(folder, 'jsplugins.xml'), 'utf8');
    expect(spawnSync('xmllint', ['--noout', join(folder, 'jsplugins.xml')]).status).toBe(0);
    const entry = /<jsplugin ([^>]*)\/>/.exec(jsplugins.replace(/<!--[\s\S]*?-->/g, ''))![1];
    expect(entry).toBe('name="kaohe" type="et" url="https://example.org/kaohe/kaohe_1.0.1.0.7z" version="1.0.1.0" enable="true"');

    // The .7z holds the add-in files at its top level.
    const sevenList = spawnSync('7z', ['l', '-ba', join(folder, 'kaohe_1.0.1.0.7z')], { encoding: 'utf8' }).stdout;
    for (const file of ['ribbon.xml', 'index.html', 'ribbon.js', 'taskpane.html']) expect(sevenList).toMatch(new RegExp(`\\s${file.replace('.', '\\.')}\\n`));
    expect(sevenList).not.toContain('jsplugins.xml');

    const zip = await JSZip.loadAsync(readFileSync(offline));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
    expect(names).toEqual(expect.arrayContaining(['publish.xml', 'kaohe_1.0.1.0/ribbon.xml', 'kaohe_1.0.1.0/index.html', 'kaohe_1.0.1.0/ribbon.js', 'kaohe_1.0.1.0/taskpane.html']));
    expect(names.some((name) => /commands|dialog|check|manifest/.test(name))).toBe(false);
    const publish = await zip.file('publish.xml')!.async('string');
    expect(publish).toContain('<jsplugin name="kaohe" type="et" url="kaohe_1.0.1.0" version="1.0.1.0" enable="enable_dev" install="null"/>');
  });

  it('counts versions on: a second package is 1.0.2.0', async () => {
    const { root, options } = workspace();
    await makeWpsPackage(options, root, fakeBuild, copyZipper);
    const second = await makeWpsPackage(options, root, fakeBuild, copyZipper);
    expect(second).toMatchObject({ ok: true, report: { version: '1.0.2.0' } });
    expect(existsSync(join(root, 'pkg', 'kaohe-wps-1.0.1.0'))).toBe(true);
  });

  it('says what is missing when the build lacks the WPS files, or 7z is not there', async () => {
    const { root, options } = workspace();
    const noRibbon: WpsBuilder = (r, out) => {
      fakeBuild(r, out);
      spawnSync('rm', [join(out, 'ribbon.js')]);
      return { ok: true, status: 0 };
    };
    expect(await makeWpsPackage(options, root, noRibbon, copyZipper)).toEqual({ ok: false, kind: 'build', problems: [{ code: 'package.wps.dist.missing', params: { file: 'ribbon.js' } }] });
    expect(await makeWpsPackage(options, root, fakeBuild, () => false)).toEqual({ ok: false, kind: 'build', problems: [{ code: 'package.wps.no7z' }] });
  });

  it('helpers: XML escapes, Office.js removal', () => {
    expect(jspluginsXml('https://example.org/a&b/', '1.0.1.0')).toContain('url="https://example.org/a&amp;b/kaohe_1.0.1.0.7z"');
    expect(publishXml('1.0.3.0')).toContain('url="kaohe_1.0.3.0"');
    expect(withoutOfficeJs(`<head><script src="${OFFICE_JS}" type="text/javascript"></script><script src="a.js"></script>`)).toBe('<head><script src="a.js"></script>');
  });
});
