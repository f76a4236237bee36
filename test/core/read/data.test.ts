import { INDICATOR_HEADERS } from '../../../src/core/defaults';
import { issueText } from '../../../src/core/messages';
import { readDataTable, readUnits } from '../../../src/core/read/data';
import { readIndicators } from '../../../src/core/read/indicators';
import { IssueList } from '../../../src/core/read/issues';
import type { CellValue, MissingPolicy } from '../../../src/core/types';
import { grid } from '../../helpers/grid';
import { unitsWithValues } from '../../helpers/input';

type Row = Partial<Record<(typeof INDICATOR_HEADERS)[number], CellValue>>;

const INDICATORS: Row[] = [
  { 维度: '减贫成效', 指标: '减贫计划完成率', 分值: 20, 计分方法: '比例', 目标值: '100%', 数据列: '实际减贫人数/计划减贫人数' },
  { 维度: '精准帮扶', 指标: '群众满意度', 分值: 6, 计分方法: '区间', 目标值: '100%', 下限: '80%' },
  { 维度: '精准帮扶', 指标: '弱势户帮扶', 分值: 3, 计分方法: '达标' },
  { 维度: '扶贫资金', 指标: '资金绩效', 分值: 6, 计分方法: '直接' },
  { 维度: '扶贫资金', 指标: '集体收入', 分值: 4, 计分方法: '相对' },
];

/** Reads a 考核数据 grid with the indicator table above; returns units and rendered issues. */
function read(rows: CellValue[][], missing: MissingPolicy = 'error', indicatorRows = INDICATORS) {
  const issues = new IssueList();
  const table = readDataTable(grid('考核数据', rows))!;
  const indicatorGrid = grid('指标设置', [INDICATOR_HEADERS.slice(), ...indicatorRows.map((r) => INDICATOR_HEADERS.map((h) => r[h] ?? null))]);
  const { indicators } = readIndicators(indicatorGrid, '指标设置', { sheet: '考核数据', headers: table.headers }, issues);
  const units = unitsWithValues(readUnits(table, '考核数据', indicators, missing, issues));
  return { units, indicators, issues: issues.items, texts: issues.items.map((i) => `${i.severity} ${issueText(i, 'zh')}`) };
}

/** A messy ledger: merged title, subtitle, full-width/bracketed/spaced headers, identity columns, 合计 row, footnote. */
const MESSY: CellValue[][] = [
  ['羊楼司镇2018年度村(社区)脱贫攻坚考核数据', null, null, null, null, null, null, null, null, null],
  ['填报单位：镇扶贫办', null, null, null, null, null, null, null, null, null],
  [],
  ['村（社区）', '类型', '主要负责人', '身份证号', '手机号', '实际减贫\n人数', '计划减贫人数', '群众满意度（％）', '弱势户帮扶', '资金绩效', '集体收入（万元）'],
  ['龙源村', null, '李四', '430682197001011234', '13800000000', 12, 10, '95%', '是', 5, '5'],
  ['文白社区', null, '王五', '430682197001015678', '13900000000', 0, 0, 88, '√', '4.5', 20000],
  [null, null, null, null, null, null, null, null, null, null, null],
  ['  梅池 ', '村', '赵六', '430682197001019999', '13700000000', 5, 10, 0.9, 1, 6, '3万元'],
  ['合计', null, null, null, null, 17, 20, null, null, null, null],
  ['注：数据截至2018年12月31日', null, null, null, null, null, null, null, null, null, null],
];

describe('readUnits on a messy ledger', () => {
  const { units, issues } = read(MESSY);

  it('finds the header below title rows and skips blank, 合计 and footnote rows', () => {
    expect(issues).toEqual([]);
    expect(units.map((u) => [u.name, u.type, u.person, u.row, u.nameCell])).toEqual([
      ['龙源村', '村', '李四', 5, '考核数据!A5'],
      ['文白社区', '社区', '王五', 6, '考核数据!A6'],
      ['梅池', '村', '赵六', 8, '考核数据!A8'],
    ]);
  });

  it('reads values: A/B ratios with both cells, rates however written, yes/no, money in 元', () => {
    const [longyuan, wenbai, meichi] = units;
    expect(longyuan.values).toEqual([
      { value: 1.2, display: '12/10', cell: '考核数据!F5/G5', missing: false },
      { value: 0.95, display: '95%', cell: '考核数据!H5', missing: false },
      { value: 1, display: '是', cell: '考核数据!I5', missing: false },
      { value: 5, display: '5', cell: '考核数据!J5', missing: false },
      { value: 50000, display: '5', cell: '考核数据!K5', missing: false },
    ]);
    expect(wenbai.values.map((v) => v.value)).toEqual([1, 0.88, 1, 4.5, 20000 * 10000]);
    expect(meichi.values.map((v) => v.value)).toEqual([0.5, 0.9, 1, 6, 30000]);
  });

  it('never copies columns it does not need (identity and phone numbers)', () => {
    const everything = JSON.stringify({ units, issues });
    expect(everything).not.toContain('430682');
    expect(everything).not.toContain('138000');
  });
});

describe('readUnits: unit names', () => {
  const header: CellValue[] = ['单位', '实际减贫人数', '计划减贫人数', '群众满意度', '弱势户帮扶', '资金绩效', '集体收入'];
  const ok = (name: CellValue): CellValue[] => [name, 1, 1, 0.9, '是', 5, 1];

  it('a blank name with data in the row is an error at the name cell', () => {
    expect(read([header, ok('龙源村'), ok(null)]).texts).toEqual(['error 考核数据!A3：单位名称为空，但该行填有数据']);
  });

  it('duplicate names (after normalising) are errors at each later one, naming the first', () => {
    const { texts, units } = read([header, ok('龙源村'), ok('文白社区'), ok(' 龙源村'), ok('龙源　村')]);
    expect(texts).toEqual([
      'error 考核数据!A4：单位"龙源村"重复（首次出现在 A2）',
      'error 考核数据!A5：单位"龙源　村"重复（首次出现在 A2）',
    ]);
    expect(units.map((u) => u.name)).toEqual(['龙源村', '文白社区']);
  });

  it('no units at all', () => {
    expect(read([header]).texts).toEqual(['error 考核数据：考核数据中没有任何单位']);
  });

  it('类型 and 是否贫困村', () => {
    const { units, texts } = read([
      [...header, '类型', '是否贫困村'],
      [...ok('龙源村'), null, '是'],
      [...ok('文白社区'), null, null],
      [...ok('中洲'), '社区', '否'],
      [...ok('梅池村'), null, '不知道'],
    ]);
    expect(units.map((u) => [u.type, u.poor])).toEqual([['村', true], ['社区', null], ['社区', false], ['村', null]]);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^error 考核数据!I5：/);
  });
});

describe('readUnits: values', () => {
  const header: CellValue[] = ['单位', '实际减贫人数', '计划减贫人数', '群众满意度', '弱势户帮扶', '资金绩效', '集体收入'];

  it('直接 scores outside [0, 分值] are errors at the cell', () => {
    const { texts } = read([header, ['龙源村', 1, 1, 0.9, '是', 7, 1]]);
    expect(texts).toEqual(['error 考核数据!F2：直接打分应在 0–6 分之间，实际为 7']);
  });

  it('A/B: B = 0 gives 1 when A = 0, else an error at the B cell', () => {
    const { texts, units } = read([header, ['龙源村', 0, 0, 0.9, '是', 5, 1], ['文白社区', 3, 0, 0.9, '是', 5, 1]]);
    expect(units[0].values[0].value).toBe(1);
    expect(texts).toEqual(['error 考核数据!C3：分母为 0 而分子为 3，无法计算比率']);
    expect(units[1].values[0].value).toBeNull();
  });

  it('unreadable cells are errors at the cell, reported once even when two indicators share the column', () => {
    const indicators = [...INDICATORS, { 维度: '精准帮扶', 指标: '满意度2', 分值: 1, 计分方法: '比例', 目标值: 1, 数据列: '群众满意度' }];
    const { issues } = read([header, ['龙源村', 1, 1, '九十', '也许', 5, 1]], 'error', indicators);
    expect(issues.map((i) => [i.cell, i.code.split('.')[0]])).toEqual([
      ['D2', 'values'],
      ['E2', 'values'],
    ]);
  });

  it('a proportion above 100% is an error', () => {
    const { issues } = read([header, ['龙源村', 1, 1, 120, '是', 5, 1]]);
    expect(issues.map((i) => [i.severity, i.cell])).toEqual([['error', 'D2']]);
  });

  it('达标 with a target reads a number, not yes/no', () => {
    const indicators = [{ 维度: '甲', 指标: '项目数', 分值: 2, 计分方法: '达标', 目标值: 3 }];
    const { units, texts } = read([['单位', '项目数'], ['龙源村', 4], ['文白', '是']], 'error', indicators);
    expect(units[0].values[0].value).toBe(4);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^error 考核数据!B3：/);
  });
});

describe('missing data policy', () => {
  const rows: CellValue[][] = [
    ['单位', '实际减贫人数', '计划减贫人数', '群众满意度', '弱势户帮扶', '资金绩效', '集体收入'],
    ['龙源村', null, 10, '—', '是', 5, 1],
    ['文白社区', 1, 1, 0.9, '', '/', 1],
  ];

  it('by default every blank that feeds an indicator is an error at its cell', () => {
    expect(read(rows).texts).toEqual([
      'error 考核数据!B2："实际减贫人数"没有数据：空白不能默认按 0 分（确需按 0 分，请在考核参数中设 缺失数据=按0分）',
      'error 考核数据!D2："群众满意度"没有数据：空白不能默认按 0 分（确需按 0 分，请在考核参数中设 缺失数据=按0分）',
      'error 考核数据!E3："弱势户帮扶"没有数据：空白不能默认按 0 分（确需按 0 分，请在考核参数中设 缺失数据=按0分）',
      'error 考核数据!F3："资金绩效"没有数据：空白不能默认按 0 分（确需按 0 分，请在考核参数中设 缺失数据=按0分）',
    ]);
  });

  it('with 按0分: value null, missing true, and a warning naming the cell', () => {
    const { texts, units, issues } = read(rows, 'zero');
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(texts[0]).toBe('warning 考核数据!B2："实际减贫人数"没有数据，按 0 分计（缺失数据=按0分）');
    expect(issueText(issues[0], 'en')).toBe('考核数据!B2: No value for "实际减贫人数": scored as 0 (缺失数据=按0分)');
    expect(units[0].values[0]).toEqual({ value: null, display: '/10', cell: '考核数据!B2/C2', missing: true });
    expect(units[0].values[1]).toMatchObject({ value: null, missing: true });
    expect(units[1].values[2]).toMatchObject({ value: null, missing: true });
    expect(units[1].values[0]).toMatchObject({ value: 1, missing: false });
  });
});
