/**
 * manifest.xml: valid against Microsoft's XSD offline, and consistent with what the build
 * produces (every resid defined, every URL a page or icon we ship, en-US for every string).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getOfficeAppsForManifestHosts } from 'office-addin-manifest';

const root = join(__dirname, '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const schema = join(root, 'schemas', 'addin-manifest', 'OfficeAppManifestV1_1.xsd');
const DEV_ORIGIN = 'https://localhost:3000/';

const all = (pattern: RegExp): RegExpExecArray[] => [...xml.matchAll(new RegExp(pattern.source, 'g'))];

it('validates offline against the add-in manifest XSD', () => {
  const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, join(root, 'manifest.xml')], { encoding: 'utf8' });
  expect(result.stderr.trim()).toBe(`${join(root, 'manifest.xml')} validates`);
  expect(result.status).toBe(0);
});

it('is an Excel task-pane add-in, version 1.0.0.0, ExcelApi 1.1, read-write, no shared runtime', () => {
  expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
  expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  expect(xml).toMatch(/<Version>1\.0\.0\.0<\/Version>/);
  expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
  expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(xml).not.toMatch(/SharedRuntime|<Runtimes>/);
  const hosts = all(/<Host Name="([^"]+)"\/>/).map((m) => m[1]);
  expect(getOfficeAppsForManifestHosts(hosts)).toEqual(['excel']);
});

it('defines every resid it uses, and uses every resource it defines', () => {
  const used = new Set(all(/resid="([^"]+)"/).map((m) => m[1]));
  const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/).map((m) => m[1]));
  expect([...used].filter((id) => !defined.has(id))).toEqual([]);
  expect([...defined].filter((id) => !used.has(id))).toEqual([]);
});

it('gives every display string an en-US override', () => {
  for (const element of ['DisplayName', 'Description']) {
    expect(xml).toMatch(new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
  }
  const strings = all(/<bt:String id="([^"]+)" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/);
  expect(strings.length).toBeGreaterThanOrEqual(7);
  for (const [, id, body] of strings) expect({ id, hasEnglish: /<bt:Override Locale="en-US" Value="[^"]+"\/>/.test(body) }).toEqual({ id, hasEnglish: true });
});

it('puts a 考核 group with both buttons on the Home tab', () => {
  expect(xml).toMatch(/<OfficeTab id="TabHome">\s*<Group id="Kaohe.Group">/);
  expect(xml).toMatch(/<bt:String id="Group.Label" DefaultValue="考核">\s*<bt:Override Locale="en-US" Value="Assessment"\/>/);
  expect(xml).toMatch(/<bt:String id="Compute.Label" DefaultValue="计算排名">/);
  expect(xml).toMatch(/<bt:String id="Pane.Label" DefaultValue="打开考核面板">/);
  expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>computeRanking<\/FunctionName>/);
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  const commands = readFileSync(join(root, 'src', 'commands', 'commands.ts'), 'utf8');
  expect(commands).toContain("Office.actions.associate('computeRanking', computeRanking)");
});

it('points only at pages the build makes and icons that exist, on the dev origin', () => {
  const urls = all(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/).map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  const built = new Set(['taskpane.html', 'commands.html']);
  for (const url of urls) {
    expect(url.startsWith(DEV_ORIGIN)).toBe(true);
    const file = url.slice(DEV_ORIGIN.length);
    if (file.startsWith('assets/')) expect(existsSync(join(root, file))).toBe(true);
    else expect(built.has(file)).toBe(true);
  }
  for (const size of [16, 32, 80]) expect(xml).toContain(`size="${size}" resid="Icon.${size}x${size}"`);
});

it('ships PNG icons of the sizes they claim', () => {
  for (const size of [16, 32, 64, 80, 128]) {
    const png = readFileSync(join(root, 'assets', `icon-${size}.png`));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});
