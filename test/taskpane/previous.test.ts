import { DEFAULT_ROLES } from '../../src/core';
import { previousSheetIn, previousSheetOptions } from '../../src/taskpane/previous';

describe('previousSheetOptions (the Excel pane\'s 上年结果表)', () => {
  it('offers result-like names first, then the other sheets, then Kaohe\'s own 考核结果 last', () => {
    const sheets = ['考核数据', '指标设置', 'Sheet1', '2017考核结果', '考核结果', '计算明细', '上年排名', 'Kaohe登记', 'Kaohe暂存2', '考核结果(2)'];
    expect(previousSheetOptions(sheets, DEFAULT_ROLES)).toEqual([
      { sheet: '2017考核结果', own: false },
      { sheet: '上年排名', own: false },
      { sheet: 'Sheet1', own: false },
      { sheet: '考核结果', own: true },
      { sheet: '考核结果(2)', own: true },
    ]);
  });

  it('leaves out the sheets playing a role, chosen or of the usual name', () => {
    const roles = { ...DEFAULT_ROLES, data: '台账', problems: '' };
    expect(previousSheetOptions(['台账', '考核数据', '问题清单', '2017年结果'], roles)).toEqual([{ sheet: '2017年结果', own: false }]);
  });
});

describe('previousSheetIn', () => {
  const options = previousSheetOptions(['考核数据', 'Sheet1', '2017考核结果'], DEFAULT_ROLES);

  it('keeps a choice while it is offered, else none', () => {
    expect(previousSheetIn(options, '2017考核结果')).toBe('2017考核结果');
    expect(previousSheetIn(options, '2016考核结果')).toBe('');
    expect(previousSheetIn(options, '')).toBe('');
  });

  it('drops a choice once that sheet plays a role', () => {
    const roles = { ...DEFAULT_ROLES, data: 'Sheet1' };
    expect(previousSheetIn(previousSheetOptions(['考核数据', 'Sheet1'], roles), 'Sheet1')).toBe('');
  });
});
