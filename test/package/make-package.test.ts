/**
 * The package pipeline with a stand-in build (fast, no webpack): folder, zip, manifest,
 * files.json, web.config, README.txt and the version counter.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { isPackageFilesManifest } from '../../src/check/files-manifest';
import { COUNTER_FILE, makePackage, type Builder } from '../../scripts/package/make-package';
import type { PackageOptions } from '../../scripts/package/options';

const XSD = resolve(__dirname, '../../schemas/addin-manifest/OfficeAppManifestV1_1.xsd');
const NOW = new Date('2025-03-04T05:06:07.000Z');

/** A stand-in for webpack: writes what the real build writes, for one Office.js source. */
function fakeBuild(officeJsSrc: string, pages = ['taskpane.html', 'commands.html', 'check.html']): Builder {
  return (_root, _officejs, outDir) => {
    mkdirSync(join(outDir, 'assets'), { recursive: true });
    for (const page of pages) {
      writeFileSync(
        join(outDir, page),
        `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><script src="${officeJsSrc}"></script>`,
      );
    }
    for (const size of [16, 32, 64, 80]) writeFileSync(join(outDir, 'assets', `icon-${size}.png`), `png${size}`);
    writeFileSync(join(outDir, 'manifest.xml'), '<stale/>');
    return { ok: true, status: 0 };
  };
}

function workspace(): { root: string; options: PackageOptions } {
  const root = mkdtempSync(join(tmpdir(), 'kaohe-pkg-'));
  copyFileSync(join(__dirname, 'fixtures/manifest.dev.xml'), join(root, 'manifest.xml'));
  return {
    root,
    options: { baseUrl: 'https://example.org/kaohe/', officejs: 'bundled', version: null, outDir: 'pkg', manifestPath: 'manifest.xml' },
  };
}

describe('makePackage with a stand-in build', () => {
  test('writes the folder, the zip and everything in them', async () => {
    const { root, options } = workspace();
    const outcome = await makePackage(options, root, NOW, fakeBuild('office-js/office.js'));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { report } = outcome;
    expect(report.version).toBe('1.0.1.0');
    expect(report.folder).toBe(join(root, 'pkg', 'kaohe-1.0.1.0'));
    expect(report.zip).toBe(join(root, 'pkg', 'kaohe-1.0.1.0.zip'));
    expect(report.officejsUrl).toBe('office-js/office.js');

    const manifest = readFileSync(join(report.folder, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain('<Version>1.0.1.0</Version>');
    const lint = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, join(report.folder, 'manifest.xml')], { encoding: 'utf8' });
    expect(lint.status).toBe(0);

    const files: unknown = JSON.parse(readFileSync(join(report.folder, 'files.json'), 'utf8'));
    expect(isPackageFilesManifest(files)).toBe(true);
    if (!isPackageFilesManifest(files)) return;
    expect(files).toMatchObject({ version: '1.0.1.0', builtAt: NOW.toISOString(), officejs: 'bundled', baseUrl: options.baseUrl });
    expect(files.files.map((file) => file.path)).toEqual([
      'README.txt',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'check.html',
      'commands.html',
      'manifest.xml',
      'taskpane.html',
      'web.config',
    ]);
    for (const file of files.files) {
      const bytes = readFileSync(join(report.folder, file.path));
      expect({ path: file.path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(file);
    }
    expect(readFileSync(join(report.folder, 'web.config'), 'utf8')).toContain(`value="default-src 'self'"`);
    expect(readFileSync(join(report.folder, 'README.txt'), 'utf8')).toContain('https://example.org/kaohe/check.html');

    const zip = await JSZip.loadAsync(readFileSync(report.zip));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
    expect(names).toEqual([...files.files.map((file) => `kaohe-1.0.1.0/${file.path}`), 'kaohe-1.0.1.0/files.json'].sort());
    expect(report.fileCount).toBe(names.length);
    expect(report.zipBytes).toBe(readFileSync(report.zip).length);
    expect(readFileSync(join(root, 'pkg', COUNTER_FILE), 'utf8').trim()).toBe('1');
  });

  test('the next run counts up; an explicit --version is taken as is and leaves the counter alone', async () => {
    const { root, options } = workspace();
    const build = fakeBuild('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const first = await makePackage(options, root, NOW, build);
    const second = await makePackage(options, root, NOW, build);
    const explicit = await makePackage({ ...options, version: '3.2.1.9' }, root, NOW, build);
    expect([first, second, explicit].map((outcome) => (outcome.ok ? outcome.report.version : 'failed'))).toEqual([
      '1.0.1.0',
      '1.0.2.0',
      '3.2.1.9',
    ]);
    expect(readFileSync(join(root, 'pkg', COUNTER_FILE), 'utf8').trim()).toBe('2');
  });

  test('a page the manifest needs but the build lacks stops the package', async () => {
    const { root, options } = workspace();
    const outcome = await makePackage(options, root, NOW, fakeBuild('office-js/office.js', ['taskpane.html', 'check.html']));
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'build',
      problems: [{ code: 'package.manifest.fileMissing', params: { file: 'commands.html' } }],
    });
  });

  test('a failed build and a missing manifest are reported as data', async () => {
    const { root, options } = workspace();
    const failing: Builder = () => ({ ok: false, status: 2 });
    expect(await makePackage(options, root, NOW, failing)).toEqual({
      ok: false,
      kind: 'build',
      problems: [{ code: 'package.build.failed', params: { status: '2' } }],
    });
    expect(await makePackage({ ...options, manifestPath: 'nope.xml' }, root, NOW, failing)).toMatchObject({
      ok: false,
      kind: 'input',
      problems: [{ code: 'package.manifest.missing' }],
    });
    expect(existsSync(join(root, 'pkg', COUNTER_FILE))).toBe(false);
  });
});
