import { defaultRoles, defaultSheetFor, NO_SHEET } from '../../src/taskpane/roles';

describe('defaultSheetFor', () => {
  it.each([
    ['data', ['Sheet1', '考核数据'], '考核数据'],
    ['data', ['Sheet1'], '考核数据'], // required: stays on its usual name so checking reports it missing
    ['data', [' 考核 数据 '], ' 考核 数据 '], // loose match: spaces
    ['indicators', ['指标设置'], '指标设置'],
    ['indicators', ['Sheet1'], NO_SHEET],
    ['problems', ['问题清单', '问题清单(2)'], '问题清单'],
    ['params', ['考核参数 '], '考核参数 '],
  ] as const)('%s in %j → %p', (role, sheets, expected) => {
    expect(defaultSheetFor(role, [...sheets])).toBe(expected);
  });
});

describe('defaultRoles', () => {
  const sheets = ['考核数据', '指标设置', '数据2', '问题清单'];

  it('follows the sheet names when nothing was chosen', () => {
    expect(defaultRoles(sheets)).toEqual({ data: '考核数据', indicators: '指标设置', problems: '问题清单', assistance: '', params: '' });
  });

  it('keeps a choice whose sheet exists, and an explicit none for an optional role', () => {
    expect(defaultRoles(sheets, { data: '数据2', indicators: NO_SHEET })).toEqual({
      data: '数据2',
      indicators: '',
      problems: '问题清单',
      assistance: '',
      params: '',
    });
  });

  it('drops a choice whose sheet is gone, and never leaves the data role empty', () => {
    expect(defaultRoles(sheets, { data: NO_SHEET, problems: '已删除' })).toMatchObject({ data: '考核数据', problems: '问题清单' });
  });
});
