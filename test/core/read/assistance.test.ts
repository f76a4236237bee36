import { issueText } from '../../../src/core/messages';
import { monthOf, readAssistance } from '../../../src/core/read/assistance';
import { IssueList } from '../../../src/core/read/issues';
import { createUnitMatcher } from '../../../src/core/read/normalize';
import type { CellValue, MissingPolicy, UnitRow } from '../../../src/core/types';
import { grid } from '../../helpers/grid';

const unit = (name: string, poor: boolean | null): UnitRow => ({ name, type: '村', person: null, poor, row: 3, nameCell: '考核数据!A3' });
const UNITS = [unit('龙源村', true), unit('文白社区', false), unit('梅池村', null)];

const FULL_HEADER: CellValue[] = [
  '帮扶单位', '联点村', '纳入议事日程', '成立领导小组', '制定实施方案', '建立干部联户制度', '正职现场办公（次）',
  '帮扶资金和物资（万元）', '产业发展基地（个）', '1月驻村天数', '2月驻村天数', '3月驻村天数', '工作规划', '半年总结', '全年总结',
  '结对帮扶', '每户脱贫方案', '资金整合任务',
];

function read(rows: CellValue[][], missing: MissingPolicy = 'error', header = FULL_HEADER) {
  const issues = new IssueList();
  const sheet = grid('帮扶单位', [['帮扶单位考核表'], header, ...rows]);
  const result = readAssistance(sheet, '帮扶单位', UNITS, createUnitMatcher(UNITS.map((u) => u.name)), missing, issues);
  return { rows: result, issues: issues.items, texts: issues.items.map((i) => `${i.severity} ${issueText(i, 'zh')}`) };
}

const yesRow = (name: string, village: string, money: CellValue, months: CellValue[] = [22, 21, 20]): CellValue[] => [
  name, village, '是', '是', '是', '√', 3, money, 1, ...months, '是', '是', '是', '是', '是', '不适用',
];

describe('readAssistance', () => {
  it('reads every item: yes, counts, money in 万元 from the header unit, months, 不适用', () => {
    const { rows, issues } = read([yesRow('市财政局', '龙源', 5, [22, null, 18])]);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ name: '市财政局', village: '龙源村', poor: true, row: 3 });
    expect(Object.keys(row.items)).toEqual([
      '纳入议事日程', '成立领导小组', '制定实施方案', '建立干部联户制度', '正职现场办公', '帮扶资金物资',
      '产业发展基地', '驻村时间', '工作规划', '半年总结', '全年总结', '结对帮扶', '每户脱贫方案', '资金整合任务',
    ]);
    expect(row.items['纳入议事日程']).toEqual({ kind: 'yes', value: true, cell: '帮扶单位!C3' });
    expect(row.items['正职现场办公']).toEqual({ kind: 'count', value: 3, cell: '帮扶单位!G3' });
    expect(row.items['帮扶资金物资']).toEqual({ kind: 'money', wan: 5, cell: '帮扶单位!H3' });
    expect(row.items['驻村时间']).toEqual({
      kind: 'months',
      months: [{ month: 1, days: 22, cell: '帮扶单位!J3' }, { month: 3, days: 18, cell: '帮扶单位!L3' }],
      minimum: null,
      cell: '帮扶单位!J3:L3',
    });
    expect(row.items['资金整合任务']).toEqual({ kind: 'na', cell: '帮扶单位!R3' });
  });

  it.each<[CellValue, number]>([['5万元', 5], ['50000元', 5], ['50,000元', 5], [4.5, 4.5], ['5万', 5]])('money %p → %p 万元', (cell, wan) => {
    const { rows } = read([yesRow('局', '龙源村', cell)]);
    expect(rows[0].items['帮扶资金物资']).toMatchObject({ wan });
  });

  it('a bare amount under a header without a unit is 元', () => {
    const header = FULL_HEADER.map((h) => (h === '帮扶资金和物资（万元）' ? '帮扶资金物资' : h));
    const { rows } = read([yesRow('局', '龙源村', 50000)], 'error', header);
    expect(rows[0].items['帮扶资金物资']).toMatchObject({ wan: 5 });
  });

  it('poor comes from the sheet, else from 考核数据; unknown → not poor with a warning', () => {
    const header = [...FULL_HEADER, '是否贫困村'];
    const { rows, texts } = read([
      [...yesRow('甲', '文白', 3), '是'],
      [...yesRow('乙', '文白', 3), null],
      [...yesRow('丙', '梅池', 3), null],
    ], 'error', header);
    expect(rows.map((r) => r.poor)).toEqual([true, false, false]);
    expect(texts).toEqual(['warning 帮扶单位!B5：不知道联点村"梅池村"是否贫困村，按非贫困村考核']);
  });

  it('unknown 联点村 and bad cells are errors at their cells', () => {
    const bad = yesRow('丁', '黄金村', '很多', [22, 40, 20]);
    bad[2] = '也许';
    const { texts, rows } = read([bad]);
    expect(texts[0]).toBe('error 帮扶单位!B3：联点村"黄金村"不是考核数据中的单位');
    expect(texts[1]).toMatch(/^error 帮扶单位!C3：/);
    expect(texts[2]).toMatch(/^error 帮扶单位!H3：/);
    expect(texts[3]).toBe('error 帮扶单位!K3：驻村天数应在 0–31 之间，实际为"40"');
    expect(texts).toHaveLength(4);
    expect(rows).toEqual([]);
  });

  it('a missing item column is a warning; the item is left out', () => {
    const header = FULL_HEADER.filter((h) => h !== '结对帮扶' && !String(h).includes('月'));
    const row = yesRow('局', '龙源村', 5, []).filter((_, i) => i !== 15);
    const { texts, rows } = read([row], 'error', header);
    expect(texts).toEqual(['warning 帮扶单位：没有"驻村时间"列：该项不考核', 'warning 帮扶单位：没有"结对帮扶"列：该项不考核']);
    expect(rows[0].items['结对帮扶']).toBeUndefined();
    expect(rows[0].items['驻村时间']).toBeUndefined();
  });

  it('one 最少月驻村天数 column instead of months', () => {
    const header = [...FULL_HEADER.filter((h) => !String(h).includes('月')), '最少月驻村天数'];
    const row = [...yesRow('局', '龙源村', 5, []), '21天'];
    const { rows, issues } = read([row], 'error', header);
    expect(issues).toEqual([]);
    expect(rows[0].items['驻村时间']).toEqual({ kind: 'months', months: [], minimum: { days: 21, cell: '帮扶单位!P3' }, cell: '帮扶单位!P3' });
  });

  it('blank items: errors by default, warnings and null values with 按0分; blank 资金整合任务 is 不适用', () => {
    const row = yesRow('局', '龙源村', null);
    row[6] = null;
    row[17] = null;
    expect(read([row]).texts).toEqual([
      'error 帮扶单位!G3："正职现场办公"没有填写（确需按未达标处理，请在考核参数中设 缺失数据=按0分）',
      'error 帮扶单位!H3："帮扶资金物资"没有填写（确需按未达标处理，请在考核参数中设 缺失数据=按0分）',
    ]);
    const zero = read([row], 'zero');
    expect(zero.texts).toEqual([
      'warning 帮扶单位!G3："正职现场办公"没有填写，按未达标计（缺失数据=按0分）',
      'warning 帮扶单位!H3："帮扶资金物资"没有填写，按未达标计（缺失数据=按0分）',
    ]);
    expect(zero.rows[0].items['正职现场办公']).toEqual({ kind: 'count', value: null, cell: '帮扶单位!G3' });
    expect(zero.rows[0].items['帮扶资金物资']).toEqual({ kind: 'money', wan: null, cell: '帮扶单位!H3' });
    expect(zero.rows[0].items['资金整合任务']).toEqual({ kind: 'na', cell: '帮扶单位!R3' });
  });

  it('资金整合任务: yes/no when it says so', () => {
    const row = yesRow('局', '龙源村', 5);
    row[17] = '已完成';
    expect(read([row]).rows[0].items['资金整合任务']).toEqual({ kind: 'yes', value: true, cell: '帮扶单位!R3' });
  });

  it.each([['1月', 1], ['12月驻村天数', 12], ['十一月', 11], ['十月', 10], ['一月驻村', 1], ['月份', null], ['2018年', null]])(
    'monthOf(%s) = %p',
    (header, month) => expect(monthOf(header)).toBe(month),
  );
});
