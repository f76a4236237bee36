import { DEFAULT_ROLES } from '../../../src/core/defaults';
import { IssueList, sortIssues } from '../../../src/core/read/issues';

describe('IssueList and sortIssues', () => {
  it('builds A1 cells ("" for the whole sheet) and sorts by role order, row, column', () => {
    const list = new IssueList();
    list.error('帮扶单位', 2, 1, 'read.data.noUnits');
    list.warning('考核数据', 9, 1, 'read.data.noUnits');
    list.error('考核数据', 2, 27, 'read.data.noUnits');
    list.error('考核数据', 2, 3, 'read.data.noUnits');
    list.error('考核数据', null, null, 'read.data.noUnits');
    list.error('其他', 0, 0, 'read.data.noUnits');
    list.error('考核参数', 4, 1, 'read.data.noUnits');
    list.error('指标设置', 1, 0, 'read.data.noUnits');
    list.error('问题清单', 0, 0, 'read.data.noUnits');
    const sorted = sortIssues(list.items, DEFAULT_ROLES).map((i) => `${i.sheet}!${i.cell}`);
    expect(sorted).toEqual(['考核参数!B5', '指标设置!A2', '考核数据!', '考核数据!D3', '考核数据!AB3', '考核数据!B10', '问题清单!A1', '帮扶单位!B3', '其他!A1']);
    expect(list.hasErrors()).toBe(true);
  });

  it('keeps issues without params free of a params key', () => {
    const list = new IssueList();
    list.warning('考核数据', 0, 0, 'read.data.noUnits');
    expect(list.items[0]).toEqual({ severity: 'warning', sheet: '考核数据', cell: 'A1', code: 'read.data.noUnits' });
    expect(list.hasErrors()).toBe(false);
  });
});
