import { t } from '../../src/core/messages';
import { normaliseBaseUrl } from '../../scripts/package/base-url';
import { parsePackageArgs } from '../../scripts/package/options';

describe('normaliseBaseUrl', () => {
  test.each([
    ['https://example.org/kaohe/', 'https://example.org/kaohe/', 0],
    ['https://example.org/kaohe', 'https://example.org/kaohe/', 1],
    ['https://example.org', 'https://example.org/', 0],
    ['  https://Example.ORG:8443/城镇/kaohe/ ', 'https://example.org:8443/%E5%9F%8E%E9%95%87/kaohe/', 0],
  ])('accepts %j as %j (%i notes)', (raw, url, noteCount) => {
    const result = normaliseBaseUrl(raw);
    expect(result).toMatchObject({ ok: true, url });
    if (result.ok) expect(result.notes).toHaveLength(noteCount);
  });

  test.each([
    [undefined, 'package.baseUrl.missing'],
    ['', 'package.baseUrl.missing'],
    ['example.org/kaohe/', 'package.baseUrl.invalid'],
    ['not a url', 'package.baseUrl.invalid'],
    ['https:example.org', 'package.baseUrl.invalid'],
    ['http://example.org/kaohe/', 'package.baseUrl.notHttps'],
    ['ftp://example.org/kaohe/', 'package.baseUrl.notHttps'],
    ['https://localhost:3000/', 'package.baseUrl.local'],
    ['https://127.0.0.1/kaohe/', 'package.baseUrl.local'],
    ['https://example.org/kaohe/?x=1', 'package.baseUrl.extra'],
    ['https://example.org/kaohe/#top', 'package.baseUrl.extra'],
    ['https://user:pw@example.org/kaohe/', 'package.baseUrl.extra'],
  ])('rejects %j with %s', (raw, code) => {
    expect(normaliseBaseUrl(raw)).toMatchObject({ ok: false, problem: { code } });
  });

  test('the http message names the address, Chinese first then English', () => {
    const result = normaliseBaseUrl('http://example.org/kaohe/');
    if (result.ok) throw new Error('expected a problem');
    expect(t(result.problem, 'zh')).toMatchInlineSnapshot(`"--base-url“http://example.org/kaohe/”必须以 https:// 开头：Office 只从 HTTPS 地址加载加载项。"`);
    expect(t(result.problem, 'en')).toMatchInlineSnapshot(`"--base-url "http://example.org/kaohe/" must start with https://: Office loads add-ins only over HTTPS."`);
  });
});

describe('parsePackageArgs', () => {
  test('defaults: global Office.js, counter version, pkg/ and manifest.xml', () => {
    expect(parsePackageArgs(['--base-url', 'https://example.org/kaohe/'])).toEqual({
      ok: true,
      notes: [],
      options: { baseUrl: 'https://example.org/kaohe/', officejs: 'global', version: null, outDir: 'pkg', manifestPath: 'manifest.xml', host: 'excel' },
    });
  });

  test('--name=value and --name value forms', () => {
    const result = parsePackageArgs(['--base-url=https://example.org/k', '--officejs', 'bundled', '--version=2.1.3.4', '--out', 'o']);
    expect(result).toMatchObject({
      ok: true,
      options: { baseUrl: 'https://example.org/k/', officejs: 'bundled', version: '2.1.3.4', outDir: 'o' },
      notes: [{ code: 'package.baseUrl.slashAdded' }],
    });
  });

  test('collects every problem, not just the first', () => {
    const result = parsePackageArgs(['--base-url', 'http://x.org/', '--officejs', 'cn', '--version', '1.0', '--colour', 'red']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.code)).toEqual([
      'package.option.unknown',
      'package.option.unknown',
      'package.baseUrl.notHttps',
      'package.officejs.invalid',
      'package.version.invalid',
    ]);
  });

  test('a value-less option is reported', () => {
    expect(parsePackageArgs(['--base-url'])).toMatchObject({
      ok: false,
      problems: [{ code: 'package.option.missingValue', params: { option: '--base-url' } }, { code: 'package.baseUrl.missing' }],
    });
  });

  test('--help asks for the usage without problems', () => {
    expect(parsePackageArgs(['--help'])).toEqual({ ok: false, problems: [], help: true });
  });
});
