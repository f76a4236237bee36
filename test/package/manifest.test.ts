import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rewriteManifest } from '../../scripts/package/manifest';

const XSD = resolve(__dirname, '../../schemas/addin-manifest/OfficeAppManifestV1_1.xsd');
const devManifest = readFileSync(join(__dirname, 'fixtures/manifest.dev.xml'), 'utf8');
const BASE = 'https://example.org/kaohe/';

describe('rewriteManifest', () => {
  const rewritten = rewriteManifest(devManifest, BASE, '1.0.7.0');

  test('no problems, no local address left', () => {
    expect(rewritten.problems).toEqual([]);
    expect(rewritten.xml).not.toMatch(/localhost|127\.0\.0\.1/i);
  });

  test('every URL-bearing element points under the base URL', () => {
    const urls = [...rewritten.xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    expect(rewritten.xml).toContain('<SourceLocation DefaultValue="https://example.org/kaohe/taskpane.html"/>');
    expect(rewritten.xml).toContain('<bt:Url id="Commands.Url" DefaultValue="https://example.org/kaohe/commands.html"/>');
  });

  test('AppDomain becomes the server origin and Version the new version', () => {
    expect(rewritten.xml).toContain('<AppDomain>https://example.org</AppDomain>');
    expect(rewritten.xml.match(/<Version>[^<]*<\/Version>/g)).toEqual(['<Version>1.0.7.0</Version>']);
  });

  test('references list the files the package must contain', () => {
    expect([...new Set(rewritten.references.map((reference) => reference.file))].sort()).toEqual([
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'check.html',
      'commands.html',
      'taskpane.html',
    ]);
  });

  test('the result passes the offline XSD check', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kaohe-manifest-')), 'manifest.xml');
    writeFileSync(file, rewritten.xml);
    const lint = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
  });

  test.each([
    ['http://localhost:3000/a.html', 'https://example.org/kaohe/a.html'],
    ['https://127.0.0.1:8080/x/y.png?v=1', 'https://example.org/kaohe/x/y.png?v=1'],
    ['https://localhost', 'https://example.org/kaohe/'],
  ])('local URL %j → %j', (local, expected) => {
    const xml = `<Version>1.0.0.0</Version><IconUrl DefaultValue="${local}"/>`;
    expect(rewriteManifest(xml, BASE, '1.0.1.0').xml).toContain(`<Version>1.0.1.0</Version><IconUrl DefaultValue="${expected}"/>`);
  });

  test('external URLs stay as they are', () => {
    const xml = '<Version>1.0.0.0</Version><SupportUrl DefaultValue="https://support.example.com/kaohe"/>';
    const result = rewriteManifest(xml, BASE, '1.0.1.0');
    expect(result.xml).toContain('https://support.example.com/kaohe');
    expect(result.references).toEqual([]);
  });

  test('development comments give way to one line naming the version and server', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!--\n  dev: https://localhost:3000\n-->\n<OfficeApp><Version>1.0.0.0</Version></OfficeApp>';
    expect(rewriteManifest(xml, BASE, '1.0.2.0').xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Kaohe 考核 1.0.2.0 · https://example.org/kaohe/ -->\n<OfficeApp><Version>1.0.2.0</Version></OfficeApp>',
    );
  });

  test('a manifest without one <Version> is a problem', () => {
    expect(rewriteManifest('<OfficeApp/>', BASE, '1.0.1.0').problems).toEqual([{ code: 'package.manifest.noVersion' }]);
  });

  test('a local address in a non-URL spot (plain text) is reported, not silently kept', () => {
    const xml = '<Version>1.0.0.0</Version><Description DefaultValue="see localhost"/>';
    expect(rewriteManifest(xml, BASE, '1.0.1.0').problems).toMatchObject([{ code: 'package.manifest.localLeft' }]);
  });
});
