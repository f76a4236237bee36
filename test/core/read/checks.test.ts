import { issueText } from '../../../src/core/messages';
import { checkValues, median, medianInPlace } from '../../../src/core/read/checks';
import { IssueList } from '../../../src/core/read/issues';
import type { Indicator, IndicatorValue } from '../../../src/core/types';
import { tableOf } from '../../helpers/values';

const indicator = (over: Partial<Indicator>): Indicator => ({
  id: 0, dimension: '甲', name: '项目数', points: 10, method: 'relative', target: null, floor: null, perItem: null,
  direction: 'up', column: '项目数', columns: ['项目数'], kind: 'number', vetoThreshold: null, vetoCategory: null,
  note: '', source: null, ...over,
});

const units = (values: (number | null)[], cell = (i: number) => `考核数据!D${i + 3}`): IndicatorValue[][] =>
  values.map((value, i) => [{ value, display: String(value ?? ''), cell: cell(i), missing: value === null }]);

function check(ind: Indicator, list: IndicatorValue[][]) {
  const issues = new IssueList();
  checkValues([ind], tableOf(list, 1), issues);
  return issues.items;
}

describe('checkValues', () => {
  it('flags a value far from the others (modified z-score > 3.5), naming value and median', () => {
    const issues = check(indicator({}), units([3, 4, 5, 4, 3, 40]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', sheet: '考核数据', cell: 'D8' });
    expect(issueText(issues[0], 'zh')).toBe('考核数据!D8："项目数"的数值 40 明显偏离其他单位（中位数 4），请核实');
    expect(issueText(issues[0], 'en')).toBe('考核数据!D8: The value 40 for "项目数" is far from the other units (median 4); please check');
  });

  it('shows rates as percent', () => {
    const issues = check(indicator({ kind: 'proportion', name: '满意度' }), units([0.9, 0.92, 0.91, 0.93, 0.9, 0.2]));
    expect(issueText(issues[0], 'zh')).toBe('考核数据!D8："满意度"的数值 20% 明显偏离其他单位（中位数 90.5%），请核实');
  });

  it('does not flag with fewer than 5 values, or values within the bound', () => {
    expect(check(indicator({}), units([1, 1, 1, 100]))).toEqual([]);
    expect(check(indicator({}), units([3, 4, 5, 4, 3, 6, null]))).toEqual([]);
  });

  it('when most units share one value (MAD 0), flags only values 10 times off it, and never around a shared 0', () => {
    expect(check(indicator({}), units([4, 4, 4, 4, 4, 39]))).toEqual([]);
    expect(check(indicator({}), units([4, 4, 4, 4, 4, 0.5])).map((i) => i.cell)).toEqual([]);
    expect(check(indicator({}), units([4, 4, 4, 4, 4, 100])).map((i) => i.cell)).toEqual(['D8']);
    expect(check(indicator({}), units([50000, 50000, 50000, 50000, 50000, 1234])).map((i) => i.cell)).toEqual(['D8']);
    expect(check(indicator({}), units([0, 0, 0, 0, 0, 3]))).toEqual([]);
  });

  it('warns on an A/B ratio above 1 at the A cell', () => {
    const ind = indicator({ name: '减贫计划完成率', columns: ['实际', '计划'], kind: 'proportion' });
    const list = units([1, 1.2], (i) => `考核数据!E${i + 3}/F${i + 3}`);
    list[1][0].display = '12/10';
    const issues = check(ind, list);
    expect(issues.map((i) => [i.cell, issueText(i, 'zh')])).toEqual([
      ['E4', '考核数据!E4："减贫计划完成率"的比率为 120%，超过 100%（12/10）：可能是超额完成，也可能是覆盖数多于实有数，请人工核实。'],
    ]);
  });

  it('median', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('medianInPlace', () => {
  it('agrees with sorting on random data, odd and even lengths, with ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) % 50);
    for (let n = 1; n <= 60; n++) {
      const values = Array.from({ length: n }, random);
      const expected = median([...values].sort((x, y) => x - y));
      expect(medianInPlace(Float64Array.from([...values, 999]), n)).toBe(expected);
    }
  });
});
