import { ASSISTANCE_ITEM_KEYS } from '../../../src/core/defaults';
import { checkAssistance, checkAssistanceRow, checkItem } from '../../../src/core/compute/assistance';
import { t } from '../../../src/core/messages';
import type { AssistanceItemInput, AssistanceItemKey, AssistanceRow } from '../../../src/core/types';
import { makeParams } from '../../helpers/input';

const thresholds = makeParams().assistance;
const poorRow = { poor: true };
const otherRow = { poor: false };

type Case = [AssistanceItemKey, AssistanceItemInput, { poor: boolean | null }, boolean | null, string, string];

const months = (days: (number | null)[]): AssistanceItemInput => ({
  kind: 'months',
  months: days.flatMap((d, i) => (d === null ? [] : [{ month: i + 1, days: d, cell: `M${i + 1}` }])),
  minimum: null,
  cell: 'K5',
});

describe('assistance items: passed and the fact, zh and en', () => {
  test.each<Case>([
    ['纳入议事日程', { kind: 'yes', value: true, cell: 'D5' }, otherRow, true, '是', 'yes'],
    ['成立领导小组', { kind: 'yes', value: false, cell: 'E5' }, otherRow, false, '否', 'no'],
    ['制定实施方案', { kind: 'yes', value: null, cell: 'F5' }, otherRow, false, '空', 'blank'],
    ['正职现场办公', { kind: 'count', value: 3, cell: 'H5' }, otherRow, true, '3 次 ≥ 2 次', '3 visits ≥ 2 visits'],
    ['正职现场办公', { kind: 'count', value: 2, cell: 'H5' }, otherRow, true, '2 次 ≥ 2 次', '2 visits ≥ 2 visits'],
    ['正职现场办公', { kind: 'count', value: 1, cell: 'H5' }, otherRow, false, '1 次 < 2 次', '1 visits < 2 visits'],
    ['正职现场办公', { kind: 'count', value: null, cell: 'H5' }, otherRow, false, '空，应 ≥ 2 次', 'blank; needs ≥ 2 visits'],
    ['帮扶资金物资', { kind: 'money', wan: 4.5, cell: 'I5' }, poorRow, false, '4.5 万元 < 5 万元', '4.5 ×10,000 yuan < 5 ×10,000 yuan'],
    ['帮扶资金物资', { kind: 'money', wan: 5, cell: 'I5' }, poorRow, true, '5 万元 ≥ 5 万元', '5 ×10,000 yuan ≥ 5 ×10,000 yuan'],
    ['帮扶资金物资', { kind: 'money', wan: 4.5, cell: 'I5' }, otherRow, true, '4.5 万元 ≥ 3 万元', '4.5 ×10,000 yuan ≥ 3 ×10,000 yuan'],
    ['帮扶资金物资', { kind: 'money', wan: 0.1 + 0.2, cell: 'I5' }, { poor: null }, false, '0.3 万元 < 3 万元', '0.3 ×10,000 yuan < 3 ×10,000 yuan'],
    ['帮扶资金物资', { kind: 'money', wan: null, cell: 'I5' }, otherRow, false, '空，应 ≥ 3 万元', 'blank; needs ≥ 3 ×10,000 yuan'],
    ['产业发展基地', { kind: 'count', value: 0, cell: 'J5' }, otherRow, false, '0 个 < 1 个', '0 bases < 1 bases'],
    ['产业发展基地', { kind: 'count', value: 2, cell: 'J5' }, otherRow, true, '2 个 ≥ 1 个', '2 bases ≥ 1 bases'],
    ['驻村时间', months([22, 21, 20, null, 25]), otherRow, true, '考核的 4 个月均 ≥ 20 天', 'all 4 assessed months ≥ 20 days'],
    [
      '驻村时间',
      months([22, 21, 18, 20, 20, 20, 15]),
      otherRow,
      false,
      '3月 18 天、7月 15 天，低于 20 天',
      'month 3: 18 days; month 7: 15 days, below 20 days',
    ],
    ['驻村时间', months([]), otherRow, false, '没有任何月份的驻村天数', 'no month has days in the village recorded'],
    [
      '驻村时间',
      { kind: 'months', months: [], minimum: { days: 21, cell: 'L5' }, cell: 'L5' },
      otherRow,
      true,
      '最少月驻村 21 天 ≥ 20 天',
      'fewest days in a month 21 ≥ 20 days',
    ],
    [
      '驻村时间',
      { kind: 'months', months: [], minimum: { days: 19, cell: 'L5' }, cell: 'L5' },
      otherRow,
      false,
      '最少月驻村 19 天 < 20 天',
      'fewest days in a month 19 < 20 days',
    ],
    ['资金整合任务', { kind: 'na', cell: 'Z5' }, otherRow, null, '不适用', 'not applicable'],
    ['资金整合任务', { kind: 'yes', value: true, cell: 'Z5' }, otherRow, true, '是', 'yes'],
  ])('%s %o → %p, %s', (key, item, row, passed, zh, en) => {
    const result = checkItem(key, item, row, thresholds);
    expect(result.item).toBe(key);
    expect(result.passed).toBe(passed);
    expect(t(result.fact, 'zh')).toBe(zh);
    expect(t(result.fact, 'en')).toBe(en);
  });

  test('the cell of a short month is the first short month, otherwise the item', () => {
    expect(checkItem('驻村时间', months([22, 18, 15]), otherRow, thresholds).cell).toBe('M2');
    expect(checkItem('驻村时间', months([22]), otherRow, thresholds).cell).toBe('K5');
  });

  test('thresholds are parameters', () => {
    const custom = { ...thresholds, visits: 4, daysPerMonth: 15 };
    expect(checkItem('正职现场办公', { kind: 'count', value: 3, cell: 'H5' }, otherRow, custom).passed).toBe(false);
    expect(checkItem('驻村时间', months([15, 16]), otherRow, custom).passed).toBe(true);
  });
});

describe('checkAssistanceRow', () => {
  const row: AssistanceRow = {
    name: '市财政局',
    village: '龙源村',
    poor: true,
    row: 5,
    items: {
      资金整合任务: { kind: 'na', cell: 'Z5' },
      帮扶资金物资: { kind: 'money', wan: 6, cell: 'I5' },
      纳入议事日程: { kind: 'yes', value: true, cell: 'D5' },
    },
  };

  test('items in the order of the measures; not-applicable items do not fail the unit', () => {
    const result = checkAssistanceRow(row, thresholds);
    expect(result.items.map((i) => i.item)).toEqual(['纳入议事日程', '帮扶资金物资', '资金整合任务']);
    expect(result).toMatchObject({ name: '市财政局', village: '龙源村', passed: true });
  });

  test('one failing item fails the unit', () => {
    const failing = { ...row, items: { ...row.items, 帮扶资金物资: { kind: 'money', wan: 4.5, cell: 'I5' } as const } };
    expect(checkAssistanceRow(failing, thresholds).passed).toBe(false);
  });

  test('no sheet → null; the order constant matches the measures', () => {
    expect(checkAssistance(null, thresholds)).toBeNull();
    expect(checkAssistance([row], thresholds)).toHaveLength(1);
    expect(ASSISTANCE_ITEM_KEYS).toHaveLength(14);
    expect(ASSISTANCE_ITEM_KEYS[4]).toBe('正职现场办公');
  });
});

describe('funds facts keep small amounts visible', () => {
  it('shows 5 元 as 0.0005 万元, not 0 万元', () => {
    const { checkAtLeast: check } = jest.requireActual('../../../src/core/compute/assistance');
    const { t: render } = jest.requireActual('../../../src/core/messages');
    expect(render(check(0.0005, 3, 'funds', 'G3').fact, 'zh')).toBe('0.0005 万元 < 3 万元');
  });
});
