/**
 * Issue 10 corpus: test/fixtures/ledgers/combined-19.xlsx holds every ledger form in one
 * 19-unit ledger (built by make_ledgers.py with openpyxl, re-saved by LibreOffice so its
 * formulas carry cached values). Expected ranks, totals, grades and vetoes are worked out by
 * hand (the script prints the same figures by plain arithmetic) and written literally here.
 *
 * Three hosts: the package reader (src/io/xlsx) as the CLI and the page use it, which says
 * which cells are merged and which rows are hidden; the command line end to end; and the
 * Excel simulator as Excel 2016, which cannot tell (merges and hidden rows unknown).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assess, sheetsToRead } from '../../src/core';
import { issueText } from '../../src/core/messages';
import type { WorkbookSnapshot } from '../../src/core/types';
import { readXlsx } from '../../src/io/xlsx/reader';
import { createOfficePort, runAssessmentInExcel } from '../../src/io/office';
import { EXCEL_2016, ExcelSimulator, type SimValue } from '../io/simulator/excel-simulator';
import { parseJson, runCli, tempDir, type CliJson } from '../acceptance/support/cli';
import { unitsWithValues } from '../helpers/input';

const FILE = path.join(__dirname, '..', 'fixtures', 'ledgers', 'combined-19.xlsx');
const NOW = new Date('2019-01-05T10:00:00Z');

/** [unit, rank, total, grade, veto categories] — see make_ledgers.py for each sum. */
const EXPECTED: [string, number, number, string, number[]][] = [
  ['文白社区', 1, 97.5, '好', []], // 40 + 28.5 + 19 + 10
  ['龙源村', 2, 95.5, '好', []], // 40 + 27 + 19 + 9.5
  ['梅池村', 3, 91, '好', []], // 40 + 24 + 18 + 9
  ['黄金村', 4, 89, '较好', []], // 40 + 22.5 + 18 + 8.5
  ['大前村', 5, 88.5, '较好', [1]], // 35 (7/8) + 25.5 + 19 + 9; vetoed, so never 好
  ['金鸡社区', 6, 85, '较好', []],
  ['高丰村', 7, 83.5, '较好', []],
  ['幸福村', 8, 83, '较好', []],
  ['明星村', 9, 80, '较好', []],
  ['三港村', 10, 79.5, '较好', [1]],
  ['新和村', 11, 78, '较好', []],
  ['小港村', 12, 77, '较好', [4]],
  ['中洲社区', 13, 75.5, '较好', [4]],
  ['双山村', 14, 74.5, '较好', [4]],
  ['黄沙村', 15, 73.5, '较好', []],
  ['油铺村', 16, 69, '较好', [4]],
  ['梧桐社区', 17, 63.17, '较好', [1]], // 26.67 (2/3) + 16.5 + 13 + 7
  ['五爱村', 18, 62, '一般', [4]],
  ['七里冲村', 19, 55.5, '一般', [1, 4]],
];
const COMMUNITIES = ['文白社区', '金鸡社区', '中洲社区', '梧桐社区'];

/** The workbook as the package reader hands it over: merges and hidden rows known. */
async function modernSnapshot(): Promise<WorkbookSnapshot> {
  return readXlsx(readFileSync(FILE), (names) => sheetsToRead(names));
}

describe('combined 19-unit ledger, host that sees merges and hidden rows', () => {
  let outcome: ReturnType<typeof assess>;
  beforeAll(async () => {
    outcome = assess(await modernSnapshot(), { lang: 'zh', now: NOW });
  });

  it('reads without errors; the warnings name the hidden rows left out and the assessors averaged', () => {
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.issues.map((i) => issueText(i, 'zh'))).toEqual([
      '考核数据 !B20：第 20 行（九井村）是隐藏行，按 隐藏行=不计入 未计入考核',
      '日常管理!A3：第 3 行（九井村委会）是隐藏行，按 隐藏行=不计入 未计入考核',
      '评分表（评委一）："重点工作评分"有 3 位评分人的分数（评分表（评委一）!B（重点工作评分）、评分表（评委二）!B（重点工作评分）、评分表（评委三）!B（重点工作评分）），按平均分计',
      '评分表（评委一）!A21：第 21 行（九井村）是隐藏行，按 隐藏行=不计入 未计入考核',
      '评分表（评委二）!A21：第 21 行（九井村）是隐藏行，按 隐藏行=不计入 未计入考核',
      '评分表（评委三）!A21：第 21 行（九井村）是隐藏行，按 隐藏行=不计入 未计入考核',
    ]);
  });

  it('gives the ranks, totals, grades and vetoes worked by hand', () => {
    const units = outcome.result!.units;
    expect(units.map((u) => [u.name, u.rank, u.total, u.grade, u.vetoes.map((v) => v.category)])).toEqual(EXPECTED);
  });

  it('types come from the merged 类型 cells; values name their real sheets', () => {
    const input = outcome.input!;
    expect(input.units.filter((u) => u.type === '社区').map((u) => u.name)).toEqual(COMMUNITIES);
    const longyuan = unitsWithValues(input).find((u) => u.name === '龙源村')!;
    expect(longyuan.values.map((v) => [v.display, v.cell])).toEqual([
      ['1', '考核数据 !F6'],
      ['98', '考核数据 !G6'],
      ['19、18、20 → 19', '评分表（评委一）!B2、评分表（评委二）!B2、评分表（评委三）!B2'],
      ['9.5', '日常管理!B22'],
    ]);
  });
});

/** The expected result when hidden rows cannot be seen: 九井村 counted last, 一般 moves down. */
function countedHidden(): [string, number, number, string, number[]][] {
  const expected = EXPECTED.map(([name, rank, total, grade, vetoes]): [string, number, number, string, number[]] => [name, rank, total, name === '五爱村' ? '较好' : grade, vetoes]);
  expected.push(['九井村', 20, 15, '一般', [1, 4]]); // 1/5 → 8, 满意度 60% → 0, 5, 2
  return expected;
}

describe('combined 19-unit ledger in the Excel simulator (Excel 2016: no merge or hidden-row information)', () => {
  it('gives the same ranks, totals, grades and vetoes as the command line', async () => {
    const snapshot = await modernSnapshot();
    const sim = new ExcelSimulator({ requirements: EXCEL_2016 });
    for (const name of snapshot.sheetNames) {
      const g = snapshot.sheets[name];
      expect([g.originRow, g.originCol]).toEqual([0, 0]);
      sim.addSheet(name, g.values.map((row) => row.map((v) => (v === null || v instanceof Date || typeof v === 'object' ? null : (v as SimValue)))));
    }
    const uninstall = sim.install();
    let outcome;
    try {
      outcome = await runAssessmentInExcel(createOfficePort(), { lang: 'zh', now: NOW });
    } finally {
      uninstall();
    }
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(outcome.result!.units.map((u) => [u.name, u.rank, u.total, u.grade, u.vetoes.map((v) => v.category)])).toEqual(countedHidden());
  }, 120_000);
});

describe('combined 19-unit ledger through the command line (the package reader sees merges and hidden rows)', () => {
  let json: CliJson;
  beforeAll(async () => {
    const dir = tempDir('ledgers');
    const run = await runCli(['compute', FILE, '--json', '-o', path.join(dir, 'out.xlsx')], true);
    json = parseJson(run.stdout);
  }, 120_000);

  it('has no errors, and names the hidden rows it left out on each sheet', () => {
    expect(json.errors).toEqual([]);
    expect(json.warnings.filter((w) => w.message.includes('隐藏')).map((w) => w.sheet)).toEqual(['考核数据 ', '日常管理', '评分表（评委一）', '评分表（评委二）', '评分表（评委三）']);
  });

  it('gives the ranks, totals, grades and vetoes worked by hand (the hidden 九井村 left out)', () => {
    expect(json.units.map((u) => [u.name, u.rank, u.total, u.grade, u.vetoes.map((v) => v.category)])).toEqual(EXPECTED);
    expect(json.units.filter((u) => u.type === '社区').map((u) => u.name).sort()).toEqual([...COMMUNITIES].sort());
  });
});
