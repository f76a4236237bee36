/**
 * Acceptance 3 — bad input: every error reported at its sheet and cell, in Chinese and in
 * English, exit code 1, nothing written; and a usage error exits 2.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseJson, runCli, tempDir, type CliJson, type CliRun } from './support/cli';
import { fileHash, writeWorkbook } from './support/xlsx';
import { EXPECTED_ERRORS, badInputSheets } from './fixtures/badInput';

let dir: string;
let input: string;
let hashBefore: string;
let zh: CliRun;
let en: CliRun;
let zhJson: CliJson;
let enJson: CliJson;

beforeAll(async () => {
  dir = tempDir('bad');
  input = path.join(dir, 'bad.xlsx');
  await writeWorkbook(input, badInputSheets());
  hashBefore = fileHash(input);
  [zh, en] = await Promise.all([
    runCli(['compute', input, '--json', '-o', path.join(dir, 'out-zh.xlsx')]),
    runCli(['compute', input, '--json', '-o', path.join(dir, 'out-en.xlsx'), '--lang', 'en']),
  ]);
  zhJson = parseJson(zh.stdout);
  enJson = parseJson(en.stdout);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cellsOf = (json: CliJson) => [...new Set(json.errors.map((e) => `${e.sheet}!${e.cell}`))].sort();
const EXPECTED_CELLS = EXPECTED_ERRORS.map((e) => `${e.sheet}!${e.cell}`).sort();

describe('bad input: the run', () => {
  it('exits 1', () => {
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
  });

  it('writes nothing: no -o file, no file beside the input, input unchanged', () => {
    expect(readdirSync(dir).sort()).toEqual(['bad.xlsx']);
    expect(existsSync(path.join(dir, 'bad-考核结果.xlsx'))).toBe(false);
    expect(fileHash(input)).toBe(hashBefore);
  });

  it('reports no results, only errors', () => {
    expect({ units: zhJson.units, interviews: zhJson.interviews, assistance: zhJson.assistance }).toEqual({ units: [], interviews: [], assistance: [] });
  });
});

describe('bad input: every error at its sheet and cell', () => {
  it('reports exactly the expected cells, no more and no fewer', () => {
    expect(cellsOf(zhJson)).toEqual(EXPECTED_CELLS);
  });

  it.each(EXPECTED_ERRORS.map((e) => [e.what, e] as const))('%s', (_what, expected) => {
    const found = zhJson.errors.filter((e) => e.sheet === expected.sheet && e.cell === expected.cell);
    expect(found.length).toBeGreaterThan(0);
    // WORKBOOK: `考核数据!F7：应为 0–100% 的比率，实际为"九十"` — the sheet and cell lead the sentence.
    expect(found[0].message.startsWith(`${expected.sheet}!${expected.cell}：`)).toBe(true);
    if (expected.mentions) expect(found.map((e) => e.message).join('\n')).toContain(expected.mentions);
  });
});

describe('bad input: --lang en', () => {
  it('reports the same cells', () => {
    expect(cellsOf(enJson)).toEqual(cellsOf(zhJson));
  });

  it('says every error in English', () => {
    for (const error of enJson.errors) {
      const twin = zhJson.errors.find((e) => e.sheet === error.sheet && e.cell === error.cell);
      expect(error.message).not.toBe(twin?.message);
      expect(error.message.startsWith(`${error.sheet}!${error.cell}`)).toBe(true);
      // Once Chinese text (sheet names, units, what was found) is taken out, English words remain.
      const latinWords = error.message.replace(/[\u3000-\u9fff\uff00-\uffef]+/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
      expect({ message: error.message, words: latinWords.length >= 3 }).toEqual({ message: error.message, words: true });
    }
  });
});

describe('bad input: usage errors exit 2', () => {
  it.each([
    ['no input file', ['compute']],
    ['an unknown option', ['compute', 'x.xlsx', '--frobnicate']],
    ['an unknown command', ['calculate', 'x.xlsx']],
  ])('%s', async (_label, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
  });
});

describe('bad input: through npm run', () => {
  it('prints only the JSON document on stdout and exits 1', async () => {
    const viaNpm = await runCli(['compute', input, '--json', '-o', path.join(dir, 'npm-out.xlsx')], true);
    expect(viaNpm.code).toBe(1);
    expect(viaNpm.stdout.trim().startsWith('{')).toBe(true);
    expect(cellsOf(parseJson(viaNpm.stdout))).toEqual(EXPECTED_CELLS);
    expect(existsSync(path.join(dir, 'npm-out.xlsx'))).toBe(false);
  });
});
