/**
 * Hostile cell values in data cells: Excel error values (also as formula results read
 * through the package adapter), dates where numbers belong, 40,000-character strings,
 * NaN and ±Infinity. Each must come back as an error naming its cell — never a crash, a
 * hang, or a message that carries the whole hostile string.
 */
import ExcelJS from 'exceljs';
import { assess, issueText, sheetsToRead, type CellValue } from '../../src/core';
import { openWorkbook } from '../../src/io/xlsx/index';
import { ledgerRows, ledgerSnapshot, syntheticLedger, type LedgerSpec } from '../helpers/generate';

const now = new Date(2019, 0, 5, 10, 0, 0);
const HOSTILE_TIMEOUT = 60_000;

/** 3 units × 4 indicators (比例, 区间, 达标, 扣分); unit 2's 区间 cell is 考核数据!E4. */
function ledgerWith(value: CellValue, unit = 1, indicator = 1): LedgerSpec {
  const spec = syntheticLedger(3, 4, 11);
  spec.units[unit].values[indicator] = value;
  return spec;
}

const LONG = '九'.repeat(20_000) + 'x'.repeat(20_000);

const CASES: [label: string, value: CellValue][] = [
  ['#DIV/0!', { error: '#DIV/0!' }],
  ['#N/A', { error: '#N/A' }],
  ['#VALUE!', { error: '#VALUE!' }],
  ['#REF!', { error: '#REF!' }],
  ['#NAME?', { error: '#NAME?' }],
  ['error text "#N/A" typed as a string', '#N/A'],
  ['a date', new Date(Date.UTC(2018, 11, 31))],
  ['an invalid date', new Date(Number.NaN)],
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['a 40,000-character string', LONG],
  ['a boolean in a number column', true],
  ['formula-looking text', '=1+1'],
];

describe('hostile values in a data cell', () => {
  it.each(CASES)('%s → an error at 考核数据!E4, nothing computed', (_label, value) => {
    const outcome = assess(ledgerSnapshot(ledgerWith(value)), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.plan).toBeNull();
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['考核数据!E4']);
    for (const lang of ['zh', 'en'] as const) {
      const text = issueText(errors[0], lang);
      expect(text.startsWith('考核数据!E4')).toBe(true);
      expect(text.length).toBeLessThan(400);
    }
    expect(outcome.json.errors).toHaveLength(1);
  }, HOSTILE_TIMEOUT);

  it('a 40,000-character string is quoted cut short: neither the message nor the JSON holds it whole', () => {
    const outcome = assess(ledgerSnapshot(ledgerWith(LONG)), { lang: 'zh', now });
    const json = JSON.stringify(outcome.json);
    expect(json.length).toBeLessThan(2_000);
    expect(json).not.toContain('九'.repeat(100));
    expect(outcome.json.errors[0].message).toContain('九'.repeat(10)); // it does say what was found
  });

  it('a 40,000-character unit name, given twice, is a duplicate error that does not carry the name whole', () => {
    const spec = syntheticLedger(3, 4, 11);
    spec.units[0].name = `${'龙'.repeat(40_000)}村`;
    spec.units[2].name = spec.units[0].name;
    const outcome = assess(ledgerSnapshot(spec), { lang: 'en', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.json.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['考核数据!A5']);
    expect(JSON.stringify(outcome.json).length).toBeLessThan(2_000);
  }, HOSTILE_TIMEOUT);

  it('Excel error values that are formula results, read through the package adapter, are errors at their cells', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of ledgerRows(syntheticLedger(3, 4, 11))) workbook.addWorksheet(name).addRows(rows as ExcelJS.CellValue[][]);
    const data = workbook.getWorksheet('考核数据')!;
    data.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    data.getCell('E4').value = { formula: 'VLOOKUP(A4,Z:Z,2,FALSE)', result: { error: '#N/A' } } as ExcelJS.CellValue;
    data.getCell('F5').value = { formula: '"a"+1', result: { error: '#VALUE!' } } as ExcelJS.CellValue;
    data.getCell('G5').value = { error: '#REF!' } as ExcelJS.CellValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const book = await openWorkbook(bytes);
    const outcome = assess(await book.read((names) => sheetsToRead(names)), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    const cells = outcome.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell}`);
    expect(cells).toEqual(['考核数据!D3', '考核数据!E4', '考核数据!F5', '考核数据!G5']);
    expect(outcome.json.errors.map((e) => e.message).join('\n')).toMatch(/#DIV\/0!/);
  }, HOSTILE_TIMEOUT);

  it('every bad cell is reported, not only the first', () => {
    const spec = syntheticLedger(3, 4, 11);
    spec.units[0].values[0] = { error: '#N/A' };
    spec.units[1].values[2] = Number.NaN;
    spec.units[2].values[3] = new Date(Date.UTC(2018, 0, 1));
    const outcome = assess(ledgerSnapshot(spec), { lang: 'zh', now });
    expect(outcome.issues.filter((i) => i.severity === 'error').map((i) => i.cell)).toEqual(['D3', 'F4', 'G5']);
  });
});

describe('a 40,000-character string anywhere a message quotes the cell', () => {
  const long = `${'龙'.repeat(20_000)}${'x'.repeat(20_000)}`;
  const base = () => ledgerSnapshot(syntheticLedger(3, 4, 11));
  const withSheet = (name: string, rows: CellValue[][]) => {
    const snapshot = base();
    return { sheetNames: [...snapshot.sheetNames, name], sheets: { ...snapshot.sheets, [name]: { name, values: rows, originRow: 0, originCol: 0 } } };
  };
  const withIndicatorCell = (col: number) => {
    const snapshot = base();
    snapshot.sheets['指标设置'].values[2][col] = long;
    return snapshot;
  };

  const CASES: [where: string, build: () => ReturnType<typeof base>, cell: string][] = [
    ['问题清单 单位 (unknown unit)', () => withSheet('问题清单', [['单位', '问题类别', '情况说明'], [long, 2, '说明']]), '问题清单!A2'],
    ['问题清单 问题类别', () => withSheet('问题清单', [['单位', '问题类别', '情况说明'], ['测试000001村', long, '说明']]), '问题清单!B2'],
    ['考核参数 参数 (unknown parameter)', () => withSheet('考核参数', [['参数', '值'], [long, 1]]), '考核参数!A2'],
    ['考核参数 值', () => withSheet('考核参数', [['参数', '值'], ['好等次名额', long]]), '考核参数!B2'],
    ['指标设置 计分方法', () => withIndicatorCell(3), '指标设置!D3'],
    ['指标设置 数据列 (missing column)', () => withIndicatorCell(8), '指标设置!I3'],
    ['指标设置 指标 (given twice)', () => {
      const snapshot = withIndicatorCell(1);
      snapshot.sheets['指标设置'].values[3][1] = long;
      return snapshot;
    }, '指标设置!B4'],
    ['帮扶单位 联点村', () => withSheet('帮扶单位', [['帮扶单位', '联点村', '纳入议事日程'], ['镇财政所', long, '是']]), '帮扶单位!B2'],
  ];

  it.each(CASES)('in %s: an issue at its cell, message short', (_where, build, cell) => {
    const outcome = assess(build(), { lang: 'zh', now });
    const all = [...outcome.json.errors, ...outcome.json.warnings];
    expect(all.map((e) => `${e.sheet}!${e.cell}`)).toContain(cell);
    for (const entry of all) expect(entry.message.length).toBeLessThan(400);
  }, HOSTILE_TIMEOUT);
});

describe('text with 200,000 line breaks in a field Kaohe copies into its sheets', () => {
  const manyLines = '张\n'.repeat(200_000);
  const base = () => {
    const spec = syntheticLedger(3, 4, 11);
    spec.units[0].values[0] = 0; // vetoed (指标01 below 3): on the interview list
    return spec;
  };

  it('in 主要负责人 of a unit on the interview list: assess does not throw', () => {
    const spec = base();
    spec.units[0].person = manyLines;
    let ok: boolean | undefined;
    expect(() => {
      ok = assess(ledgerSnapshot(spec), { lang: 'zh', now }).ok;
    }).not.toThrow();
    expect(ok).toBe(true);
  }, HOSTILE_TIMEOUT);

  it('in a 问题清单 发现来源: assess does not throw', () => {
    const snapshot = ledgerSnapshot(base());
    const problems = { name: '问题清单', values: [['单位', '问题类别', '情况说明', '发现来源'], ['测试000002村', 2, '挪用资金', manyLines]] as CellValue[][], originRow: 0, originCol: 0 };
    const messy = { sheetNames: [...snapshot.sheetNames, '问题清单'], sheets: { ...snapshot.sheets, 问题清单: problems } };
    let ok: boolean | undefined;
    expect(() => {
      ok = assess(messy, { lang: 'zh', now }).ok;
    }).not.toThrow();
    expect(ok).toBe(true);
  }, HOSTILE_TIMEOUT);
});
