import { cspInHtml, officeJsUrlInHtml, OFFICE_JS_DEFAULT_URLS, isOfficeJsChoice } from '../../scripts/package/officejs';
import { webConfig } from '../../scripts/package/iis';
import { readmeText } from '../../scripts/package/readme';
import { humanSize } from '../../scripts/package/files';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('officejs helpers', () => {
  test.each([
    ['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>', OFFICE_JS_DEFAULT_URLS.global],
    ["<script type='text/javascript' src='office-js/office.js' defer></script>", 'office-js/office.js'],
    ['<meta charset=UTF-8><script src=office-js/office.js></script><script defer src=taskpane.1a2b.js></script>', 'office-js/office.js'],
    ['<script src="taskpane.js"></script><script src="notoffice.js"></script>', null],
    ['', null],
  ])('officeJsUrlInHtml(%j) → %j', (html, expected) => {
    expect(officeJsUrlInHtml(html)).toBe(expected);
  });

  test('cspInHtml reads the meta policy, entities decoded', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src 'self' https://a.b">`;
    expect(cspInHtml(html)).toBe("default-src 'self'; script-src 'self' https://a.b");
    expect(cspInHtml('<meta charset="utf-8">')).toBeNull();
    const minified = `<meta http-equiv=X-UA-Compatible content="IE=Edge"><meta http-equiv=Content-Security-Policy content="default-src 'self'; connect-src 'self'">`;
    expect(cspInHtml(minified)).toBe("default-src 'self'; connect-src 'self'");
  });

  test('the china CDN is the 21Vianet address, all https except bundled', () => {
    expect(OFFICE_JS_DEFAULT_URLS.china).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
    expect(isOfficeJsChoice('bundled')).toBe(true);
    expect(isOfficeJsChoice('cn')).toBe(false);
  });
});

describe('webConfig', () => {
  test('is well-formed XML with json/woff2 MIME types and the CSP commented out', () => {
    const text = webConfig("default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com");
    const file = join(mkdtempSync(join(tmpdir(), 'kaohe-webconfig-')), 'web.config');
    writeFileSync(file, text);
    const lint = spawnSync('xmllint', ['--nonet', '--noout', file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(text).toContain('<mimeMap fileExtension=".json" mimeType="application/json" />');
    expect(text).toContain('<remove fileExtension=".woff2" />');
    expect(text).toContain('<mimeMap fileExtension=".woff2" mimeType="font/woff2" />');
    expect(text).toMatch(/<!--[^>]*\n\s*<add name="Content-Security-Policy" value="default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com" \/>\n\s*-->/);
  });

  test('without a policy there is no CSP header line', () => {
    expect(webConfig(null)).not.toContain('name="Content-Security-Policy"');
  });
});

describe('readmeText', () => {
  test('Chinese section before English, names the version, base URL and Office.js source', () => {
    const text = readmeText({
      version: '1.0.3.0',
      baseUrl: 'https://example.org/kaohe/',
      officejs: 'bundled',
      officejsUrl: 'office-js/office.js',
      builtAt: '2025-01-02T03:04:05.000Z',
    });
    expect(text.indexOf('【中文】')).toBeLessThan(text.indexOf('[English]'));
    expect(text).toContain('1.0.3.0');
    expect(text).toContain('https://example.org/kaohe/check.html');
    expect(text).toContain('office-js/office.js');
    expect(text).toContain('\r\n');
  });
});

test.each([
  [0, '0 B'],
  [1023, '1023 B'],
  [2048, '2 KB'],
  [3_500_000, '3.3 MB'],
])('humanSize(%i) → %s', (bytes, text) => {
  expect(humanSize(bytes)).toBe(text);
});
