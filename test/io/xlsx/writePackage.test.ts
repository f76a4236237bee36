/**
 * The package writer keeps the user's workbook: over the corpus of workbooks written by
 * real tools (test/fixtures/corpus), every entry of the input comes back byte for byte
 * (local header, compressed data and descriptor; the central record except its offset),
 * only the listing parts differ and only by additions, and a re-run replaces only
 * Kaohe's own parts. openpyxl (a second, independent reader) loads every output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assess, sheetsToRead } from '../../../src/core';
import { REGISTRY_SHEET } from '../../../src/core/defaults';
import type { JsonReport } from '../../../src/core/types';
import { openWorkbook } from '../../../src/io/xlsx/index';
import { partsOf, storedEntries } from './support';

const CORPUS = path.resolve(__dirname, '../../fixtures/corpus');
const NOW = new Date('2019-01-05T00:00:00Z');
/** The parts the writer may edit (additions only); every other input entry is copied. */
const LISTING_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
const RESULT_SHEETS = ['考核结果', '计算明细', '约谈名单', '考核说明', REGISTRY_SHEET];

async function compute(bytes: Uint8Array): Promise<{ out: Uint8Array; json: JsonReport; added: string[] }> {
  const book = await openWorkbook(bytes);
  const snapshot = await book.read((names) => sheetsToRead(names));
  const outcome = assess(snapshot, { lang: 'zh', now: NOW });
  if (!outcome.ok || !outcome.plan) throw new Error(`input errors: ${JSON.stringify(outcome.json.errors)}`);
  await book.apply(outcome.plan);
  return { out: await book.toBuffer(), json: outcome.json, added: outcome.plan.add.map((s) => s.name) };
}

/** The central record with its local-header offset blanked (the one field that moves). */
function centralWithoutOffset(central: Uint8Array): string {
  const copy = Buffer.from(central);
  copy.fill(0, 42, 46);
  return copy.toString('hex');
}

/** True when `small` is `large` with characters inserted (greedy subsequence). Cost: O(|large|). */
function isSubsequence(small: string, large: string): boolean {
  let i = 0;
  for (let j = 0; j < large.length && i < small.length; j++) if (large[j] === small[i]) i++;
  return i === small.length;
}

/** Attributes the writer may rewrite in place: list counts and the active tab. */
const normalise = (xml: string): string => xml.replace(/\s(count|activeTab)="\d+"/g, '');

/** The input files the writer is tried on: every corpus workbook the assessment accepts. */
const WORKBOOKS = readdirSync(CORPUS).filter((name) => /^(handmade-(closedxml|features|macro|prefixed|total-a1048576)|libreoffice|openpyxl-[\w-]+)\.xls[xm]$/.test(name));

describe('the package writer over the corpus', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'kaohe-write-'));
  const outputs: { file: string; added: string[] }[] = [];

  it('has workbooks from LibreOffice, openpyxl and by hand to try', () => {
    expect(WORKBOOKS).toEqual(expect.arrayContaining(['libreoffice.xlsx', 'openpyxl-features.xlsx', 'handmade-macro.xlsm', 'handmade-prefixed.xlsx', 'handmade-closedxml.xlsx']));
  });

  it.each(WORKBOOKS)('%s: every input entry is copied byte for byte; listing parts only gain', async (name) => {
    const input = new Uint8Array(readFileSync(path.join(CORPUS, name)));
    const { out, added } = await compute(input);
    const before = storedEntries(input);
    const after = storedEntries(out);
    const beforeText = partsOf(input);
    const afterText = partsOf(out);
    for (const [entry, stored] of before) {
      const copy = after.get(entry);
      expect(copy).toBeDefined();
      if (LISTING_PARTS.includes(entry)) {
        expect(isSubsequence(normalise(beforeText.get(entry)!), normalise(afterText.get(entry)!))).toBe(true);
        continue;
      }
      expect([entry, Buffer.from(copy!.local).equals(Buffer.from(stored.local))]).toEqual([entry, true]);
      expect(centralWithoutOffset(copy!.central)).toBe(centralWithoutOffset(stored.central));
    }
    // Only Kaohe's parts are new.
    const newEntries = [...after.keys()].filter((entry) => !before.has(entry));
    expect(newEntries.filter((entry) => !/^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?|charts\/chart\d+\.xml|styles\.xml)$/.test(entry))).toEqual([]);
    expect(added).toEqual(expect.arrayContaining(RESULT_SHEETS));
    const file = path.join(work, `out-${name}`);
    writeFileSync(file, out);
    outputs.push({ file, added });
  });

  it.each(WORKBOOKS)('%s: a re-run replaces only Kaohe\'s parts and keeps every original entry', async (name) => {
    const input = new Uint8Array(readFileSync(path.join(CORPUS, name)));
    const first = await compute(input);
    const second = await compute(first.out);
    expect(second.added).toEqual(first.added);
    const original = storedEntries(input);
    const after = storedEntries(second.out);
    for (const [entry, stored] of original) {
      if (LISTING_PARTS.includes(entry)) continue;
      expect([entry, Buffer.from(after.get(entry)!.local).equals(Buffer.from(stored.local))]).toEqual([entry, true]);
    }
    // The same sheets once each, the registry still very hidden, sheet ids unique.
    const workbook = partsOf(second.out).get('xl/workbook.xml')!;
    const names = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    for (const sheet of RESULT_SHEETS) expect(names.filter((n) => n === sheet)).toHaveLength(1);
    const ids = [...workbook.matchAll(/\bsheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(workbook).toMatch(new RegExp(`name="${REGISTRY_SHEET}"[^>]*state="veryHidden"`));
    const rels = partsOf(second.out).get('xl/_rels/workbook.xml.rels')!;
    const relIds = [...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(relIds).size).toBe(relIds.length);
  });

  it('openpyxl loads every output and reads the result sheets Kaohe wrote', () => {
    expect(outputs.length).toBe(WORKBOOKS.length);
    const script = [
      'import json, sys, openpyxl',
      'out = {}',
      'for f in sys.argv[1:]:',
      '    wb = openpyxl.load_workbook(f, keep_vba=f.endswith(".xlsm"))',
      '    ws = wb["考核结果"]',
      '    out[f] = {"sheets": wb.sheetnames, "state": wb["Kaohe登记"].sheet_state, "header": [c.value for c in ws[2]][:2], "titles": ws.print_title_rows, "freeze": ws.freeze_panes}',
      'print(json.dumps(out, ensure_ascii=False))',
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script, ...outputs.map((o) => o.file)], { encoding: 'utf8', timeout: 120_000 });
    // openpyxl warns about features of the users' sheets it does not model (sparklines…); it must not fail.
    expect(run.stderr).not.toMatch(/Traceback|Error/);
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as Record<string, { sheets: string[]; state: string; header: string[]; titles: string; freeze: string }>;
    for (const { file, added } of outputs) {
      expect(read[file].sheets).toEqual(expect.arrayContaining(added));
      expect(read[file].state).toBe('veryHidden');
      expect(read[file].header).toEqual(['排名', '单位']);
      expect(read[file].titles).toBe('$1:$2');
      expect(read[file].freeze).toBe('C3');
    }
  }, 150_000);
});
