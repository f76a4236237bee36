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

  it('says every error in English, in the catalog\'s words (hand-checked against the Chinese list above)', () => {
    expect(enJson.errors.map((e) => e.message)).toEqual([
      '指标设置!K8: 否决类别 should name a veto condition by its number 1–5 or its words (e.g. 减贫计划, 资金, 弄虚作假, 准确率, 违纪违规), found "吃拿卡要"',
      '考核数据!G3: expected a rate between 0 and 100%, found "九十"',
      '考核数据!H4: a rate must lie between 0 and 100%, found "120%"',
      '考核数据!J5: expected a number of at least 0, found "-1"',
      '考核数据!I6: A direct score should be between 0 and 10, found 12',
      '考核数据!K7: No value for "产业扶贫项目数": a blank must not silently cost a unit points (set 缺失数据=按0分 in 考核参数 to score blanks as 0)',
      '考核数据!A8: The unit "黄金村" appears twice (first at A4)',
      '考核数据!E9: the cell holds the error value "#DIV/0!"; fix the formula or data first',
      '考核数据!L10: expected a number, found the date "2018-06-01"',
      '考核数据!K12: No value for "产业扶贫项目数": a blank must not silently cost a unit points (set 缺失数据=按0分 in 考核参数 to score blanks as 0)',
      '考核数据!F13: The denominator is 0 while the numerator is 3: no ratio can be computed',
      '问题清单!A2: 单位 "桃花村" is not a unit of the assessment data',
      '问题清单!B3: 问题类别 should name a veto condition by its number 1–5 or its words (e.g. 减贫计划, 资金, 弄虚作假, 准确率, 违纪违规), found "作风问题"',
      '帮扶单位!B3: 联点村 "桃源村" is not a unit of the assessment data',
    ]);
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
