/**
 * The corpus (test/fixtures/corpus, see its README): each file's snapshot, the streaming
 * reader against the ExcelJS adapter it replaces, and the hostile cases generated at run
 * time (200,000 rows, a zip bomb).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, sheetsToRead } from '../../../src/core';
import { t } from '../../../src/core/messages';
import type { CellValue, SheetGrid } from '../../../src/core/types';
import { openWorkbook } from '../../helpers/exceljsSnapshot';
import { XlsxError } from '../../../src/io/xlsx/errors';
import { openPackage } from '../../../src/io/xlsx/package';
import { readSnapshot, readXlsx } from '../../../src/io/xlsx/reader';
import { bigDataWorkbook, zipBombWorkbook } from '../../helpers/bigSheet';
import { cellMap, CORPUS, corpusFile, differences } from './corpusSupport';

const ROLES = ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数'];
const all = (names: string[]): string[] => names;
const DEMO = JSON.parse(readFileSync(join(CORPUS, 'demo.json'), 'utf8')) as { name: string; rows: { v: CellValue }[][] }[];

/** The demo's values of one sheet, A1 → value (blank and '' left out). */
function demoValues(sheet: string): Record<string, CellValue> {
  const grid: SheetGrid = { name: sheet, values: DEMO.find((s) => s.name === sheet)!.rows.map((r) => r.map((c) => (c.v === '' ? null : c.v))), originRow: 0, originCol: 0 };
  return Object.fromEntries([...cellMap(grid)].map(([k, [v]]) => [k, v]));
}

function values(grid: SheetGrid): Record<string, CellValue> {
  return Object.fromEntries([...cellMap(grid)].map(([k, [v]]) => [k, v]));
}

function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof XlsxError) return err.msg.code;
    throw err;
  }
  return 'no error';
}

describe('corpus: every workbook holds the demo input sheets, read right', () => {
  const files = [
    'openpyxl-features.xlsx',
    'openpyxl-1904.xlsx',
    'libreoffice.xlsx',
    'handmade-features.xlsx',
    'handmade-prefixed.xlsx',
    'handmade-closedxml.xlsx',
    'handmade-macro.xlsm',
  ];
  it.each(files)('%s', (file) => {
    const snapshot = readXlsx(corpusFile(file), (names) => names.filter((n) => ROLES.includes(n)));
    expect(snapshot.sheetNames.slice(0, 5)).toEqual(ROLES);
    for (const role of ROLES) {
      const grid = snapshot.sheets[role];
      expect(grid.unreadable).toBeUndefined();
      const expected = demoValues(role);
      if (file === 'openpyxl-1904.xlsx' && role === '考核参数') {
        const at = Object.keys(expected).find((k) => expected[k] === '考核日期')!.replace('A', 'B');
        expected[at] = new Date(Date.UTC(2018, 11, 31));
      }
      expect(values(grid)).toEqual(expected);
    }
  });
});

describe('corpus: the streaming reader hands the core what the ExcelJS adapter did, except where ExcelJS was wrong', () => {
  const cases: [string, Record<string, Record<string, [unknown, unknown]>>][] = [
    ['openpyxl-1904.xlsx', {}],
    // ExcelJS dropped a formula's cached 0
    ['libreoffice.xlsx', { 核对: { B2: [[0, null], null] } }],
    ['handmade-features.xlsx', { 考核数据: { S3: [[0, null], null], T3: [[0, null], null] }, 分析: { B1: [[0, null], null] } }],
    ['handmade-macro.xlsm', {}],
    // ExcelJS read a formula without a cached value as blank
    ['handmade-uncached.xlsx', { 考核数据: { E4: [[{ error: 'F4*1', uncached: true }, null], null] } }],
  ];
  it.each(cases)('%s', async (file, expected) => {
    const bytes = corpusFile(file);
    const ours = readXlsx(bytes, all);
    const theirs = await (await openWorkbook(bytes)).read(all);
    expect(ours.sheetNames).toEqual(theirs.sheetNames);
    const found: Record<string, Record<string, [unknown, unknown]>> = {};
    for (const name of ours.sheetNames) {
      const d = differences(ours.sheets[name], theirs.sheets[name]);
      if (Object.keys(d).length) found[name] = d;
    }
    expect(found).toEqual(expected);
  });

  it('ExcelJS lost the ClosedXML-style sheet.xml entirely; the reader finds it', async () => {
    const bytes = corpusFile('handmade-closedxml.xlsx');
    expect((await (await openWorkbook(bytes)).read(all)).sheetNames).not.toContain('考核数据');
    expect(readXlsx(bytes, all).sheetNames).toContain('考核数据');
  });
});

describe('corpus: the core decides the same on both snapshots, except where ExcelJS misread', () => {
  const now = new Date(Date.UTC(2019, 0, 5));
  const errors = (outcome: ReturnType<typeof assess>): string[] =>
    outcome.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell} ${i.code}`);
  it.each([
    ['openpyxl-1904.xlsx', [], []],
    ['libreoffice.xlsx', [], []],
    ['handmade-macro.xlsm', [], []],
    // cached 0 in 资金问题数/台账缺漏项数: ExcelJS saw blanks, so the run was refused
    ['handmade-features.xlsx', [], ['考核数据!S3 read.data.missing', '考核数据!T3 read.data.missing']],
    // no cached value: now the error says so (open and save in Excel or WPS), not "no data"
    ['handmade-uncached.xlsx', ['考核数据!E4 values.uncachedFormula'], ['考核数据!E4 read.data.missing']],
  ])('%s', async (file, oursExpected, theirsExpected) => {
    const bytes = corpusFile(file);
    const ours = assess(readXlsx(bytes, (n) => sheetsToRead(n)), { lang: 'zh', now });
    const theirs = assess(await (await openWorkbook(bytes)).read((n) => sheetsToRead(n)), { lang: 'zh', now });
    expect(errors(ours)).toEqual(oursExpected);
    expect(errors(theirs)).toEqual(theirsExpected);
    // ExcelJS cannot say which rows are hidden, so its run carries one more warning.
    const blind = (w: { message: string }) => w.message.includes('无法得知本表哪些行被隐藏');
    expect(theirs.json.warnings.filter(blind).length).toBeGreaterThan(0);
    if (oursExpected.length === 0 && theirsExpected.length === 0) {
      expect(ours.json).toEqual({ ...theirs.json, warnings: theirs.json.warnings.filter((w) => !blind(w)) });
    }
  });

  it.each([
    ['openpyxl-features.xlsx', []],
    ['handmade-prefixed.xlsx', []],
    ['handmade-closedxml.xlsx', []],
    ['handmade-total-a1048576.xlsx', []],
    // the stray far cell sits in the unit column's last row: an error naming it, not a crash
    ['handmade-stray-xfd.xlsx', ['考核数据!A1048576 read.data.nameBlank']],
  ])('%s (ExcelJS could not read it or ran out of memory)', (file, expected) => {
    const outcome = assess(readXlsx(corpusFile(file), (n) => sheetsToRead(n)), { lang: 'zh', now });
    expect(errors(outcome)).toEqual(expected);
  });
});

describe('corpus: features of each file', () => {
  it('openpyxl-features: names, print area, table sheet with uncached formulas, notes do not add cells', () => {
    const pkg = openPackage(corpusFile('openpyxl-features.xlsx'));
    expect(pkg.sheets.map((s) => s.name)).toEqual([...ROLES, '汇总表']);
    expect(pkg.definedNames.map((n) => [n.name, n.localSheetId ?? null, n.hidden])).toEqual([
      ['税率', null, false],
      ['单位列表', null, false],
      ['本表合计', 0, false],
      ['隐藏名称', null, true],
      ['_xlnm._FilterDatabase', 0, true],
      ['_xlnm.Print_Area', 0, false],
    ]);
    expect(pkg.definedNames[5].text).toBe("'考核数据'!$A$1:$D$21,'考核数据'!$F$1:$H$21");
    const snapshot = readSnapshot(pkg, all);
    expect(snapshot.sheets['汇总表'].values[1][3]).toEqual({ error: 'IFERROR(表1[[#This Row],[实际减贫人数]]/表1[[#This Row],[计划减贫人数]],0)', uncached: true });
    // the note on the empty Z40 adds no cell
    expect(snapshot.sheets['考核数据'].values.length).toBe(21);
  });

  it('libreoffice: cached values of every type incl. 0, merges, hidden row and column, a hidden sheet', () => {
    const pkg = openPackage(corpusFile('libreoffice.xlsx'));
    expect(pkg.sheets.find((s) => s.name === '隐藏表')?.state).toBe('hidden');
    const grid = readSnapshot(pkg, (n) => n.filter((x) => x === '核对')).sheets['核对'];
    expect(grid.values.slice(0, 3).map((r) => r.slice(0, 7))).toEqual([
      ['标题（合并）'],
      [5, 0, 10, '文白', true, { error: '#DIV/0!' }, '隐藏列'],
      ['隐藏行'],
    ]);
    expect(grid.merges).toEqual(['A1:C1']);
    expect(grid.hiddenRows).toEqual([3]);
    expect(grid.hiddenCols).toEqual([7]);
  });

  it('handmade-features: data descriptors on every entry, a dynamic-array formula, cached 0, non-standard part names', () => {
    const pkg = openPackage(corpusFile('handmade-features.xlsx'));
    expect(pkg.zip.entries.every((e) => (e.flags & 8) === 8)).toBe(true);
    expect(pkg.zip.get('xl/plots/bars.xml')).toBeDefined();
    expect(pkg.zip.get('xl/pictures/town-logo.png')).toBeDefined();
    const snapshot = readSnapshot(pkg, all);
    expect(snapshot.sheets['分析'].values).toEqual([[2, 0], [3], [3]]);
    expect(snapshot.sheets['考核数据'].values[2][18]).toBe(0);
  });

  it('handmade-prefixed (x: everywhere) reads exactly like the same workbook unprefixed', () => {
    const prefixed = readXlsx(corpusFile('handmade-prefixed.xlsx'), all);
    const plain = readXlsx(corpusFile('handmade-macro.xlsm'), all);
    expect(prefixed).toEqual(plain);
  });

  it('handmade-closedxml: 考核数据 lives in xl/sheet.xml', () => {
    const pkg = openPackage(corpusFile('handmade-closedxml.xlsx'));
    expect(pkg.sheets[0]).toMatchObject({ name: '考核数据', part: 'xl/sheet.xml' });
    expect(readSnapshot(pkg, all)).toEqual(readXlsx(corpusFile('handmade-macro.xlsm'), all));
  });

  it('handmade-macro: macro-enabled', () => {
    expect(openPackage(corpusFile('handmade-macro.xlsm')).macroEnabled).toBe(true);
    expect(openPackage(corpusFile('handmade-closedxml.xlsx')).macroEnabled).toBe(false);
  });

  it('openpyxl-1904: the 1904 date system', () => {
    expect(openPackage(corpusFile('openpyxl-1904.xlsx')).date1904).toBe(true);
  });

  it('handmade-stray-xfd: a cell at XFD1048576 costs one row of 16,384 slots; empty rows share one array', () => {
    const grid = readXlsx(corpusFile('handmade-stray-xfd.xlsx'), (n) => n.slice(0, 1)).sheets['考核数据'];
    expect(grid.values.length).toBe(1_048_576);
    expect(grid.values[1_048_575].length).toBe(16_384);
    expect(grid.values[1_048_575][16_383]).toBe('x');
    expect(grid.values[500_000]).toBe(grid.values[21]);
    expect(values(grid).A3).toBe('文白社区');
  });

  it('handmade-total-a1048576: 合计 in the last row', () => {
    const grid = readXlsx(corpusFile('handmade-total-a1048576.xlsx'), (n) => n.slice(0, 1)).sheets['考核数据'];
    expect(grid.values[1_048_575]).toEqual(['合计']);
  });
});

describe('corpus: files that are not .xlsx, each with what to do', () => {
  it.each([
    ['encrypted.xlsx', 'xlsx.encrypted'],
    ['libreoffice.ods', 'xlsx.ods'],
    ['libreoffice.xls', 'xlsx.legacy'],
  ])('%s → %s', (file, code) => {
    expect(thrownCode(() => openPackage(corpusFile(file)))).toBe(code);
  });

  it('the encrypted message in both languages', () => {
    expect(t({ code: 'xlsx.encrypted' }, 'zh')).toBe(
      '工作簿设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中用密码打开，删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并另存为 .xlsx 后再试。',
    );
  });
});

describe('generated at run time: 200,000 rows and a zip bomb', () => {
  it('a 200,000-row 考核数据 is read whole (ragged rows, no limit hit)', () => {
    const bytes = bigDataWorkbook(200_000, 6);
    const grid = readXlsx(bytes, all).sheets['考核数据'];
    expect(grid.unreadable).toBeUndefined();
    expect(grid.values.length).toBe(200_001);
    expect(grid.values[0]).toEqual(['单位', '类型', '主要负责人', '是否贫困村', '实际减贫人数', '计划减贫人数']);
    expect(grid.values[200_000]).toEqual(['第200000村', '村', '张三', '是', (200_001 % 7) + 1, (200_001 % 7) + 1]);
    const limited = readXlsx(bytes, all, { cellsPerSheet: 1_000_000 }).sheets['考核数据'];
    expect(t(limited.unreadable!, 'zh')).toBe('工作表"考核数据"的单元格超过 1,000,000 个（数据量超过上限），未读取。请删除多余的内容后再试。');
    expect(limited.values).toEqual([]);
  }, 600_000);

  it('a zip bomb in 考核数据 stops while inflating and names the sheet', () => {
    const bytes = zipBombWorkbook(40);
    expect(bytes.length).toBeLessThan(100_000);
    const grid = readXlsx(bytes, all).sheets['考核数据'];
    expect(grid.unreadable).toEqual({ code: 'xlsx.sheetBomb', params: { sheet: '考核数据', ratio: 400 } });
    expect(t(grid.unreadable!, 'zh')).toBe('工作表"考核数据"解压后异常膨胀（压缩比超过 400:1），可能是恶意文件，未读取。');
  }, 300_000);
});
