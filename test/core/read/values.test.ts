import { issueText, t } from '../../../src/core/messages';
import {
  cellText,
  columnKind,
  formatNumber,
  formatPercent,
  isBlank,
  parseDateCell,
  parseNumberCell,
  parseYesNo,
  type NumberOptions,
  type Parsed,
} from '../../../src/core/read/values';
import type { CellValue } from '../../../src/core/types';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The value of a successful parse; fails the test otherwise. */
function valueOf<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${JSON.stringify(result.params)}`);
  return result.value;
}

describe('cellText', () => {
  it.each<[CellValue, string]>([
    [null, ''],
    ['', ''],
    [' 文白 ', ' 文白 '],
    [95, '95'],
    [0.1 + 0.2, '0.3'],
    [1.1 * 3, '3.3'],
    [-2.5, '-2.5'],
    [1e21, '1e+21'],
    [utc(2018, 12, 31), '2018-12-31'],
    [utc(2019, 1, 5), '2019-01-05'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [{ error: '#N/A' }, '#N/A'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ])('%p → %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe('isBlank', () => {
  it.each<[CellValue, boolean]>([
    [null, true],
    ['', true],
    ['   ', true],
    ['\u3000', true],
    ['\n\t', true],
    ['—', true],
    ['——', true],
    ['-', true],
    ['－', true],
    ['―', true],
    ['/', true],
    ['／', true],
    [' — ', true],
    ['--', true],
    [0, false],
    ['0', false],
    [false, false],
    ['无', false],
    ['-5', false],
    ['文白', false],
    [utc(2018, 1, 1), false],
    [{ error: '#N/A' }, false],
    ['x'.repeat(40000), false],
  ])('%p → %p', (value, expected) => {
    expect(isBlank(value)).toBe(expected);
  });
});

describe('columnKind', () => {
  it.each([
    ['人均可支配收入增长率（%）', 'growth'],
    ['收入增幅', 'growth'],
    ['增速', 'growth'],
    ['群众满意度', 'proportion'],
    ['群众满意度（％）', 'proportion'],
    ['识别准确率', 'proportion'],
    ['帮扶覆盖率', 'proportion'],
    ['五个一批复核完成（%）', 'proportion'],
    ['贫困人口占比', 'proportion'],
    ['比重', 'proportion'],
    ['比例', 'proportion'],
    ['群众认可度', 'proportion'],
    ['产业扶贫项目数', 'number'],
    ['帮扶资金（万元）', 'number'],
    ['实际减贫人数', 'number'],
  ])('%j → %s', (header, kind) => {
    expect(columnKind(header)).toBe(kind);
  });
});

describe('parseNumberCell', () => {
  const number: NumberOptions = { kind: 'number' };
  const proportion: NumberOptions = { kind: 'proportion' };
  const growth: NumberOptions = { kind: 'growth' };
  const money: NumberOptions = { kind: 'number', money: true };

  describe('values that read', () => {
    it.each<[string, CellValue, string | null, NumberOptions, number | null]>([
      // counts and amounts
      ['plain number', 12, null, number, 12],
      ['zero', 0, null, number, 0],
      ['text', '95', null, number, 95],
      ['padded text', ' 12 ', null, number, 12],
      ['thousands separator', '1,234', null, number, 1234],
      ['full-width digits and comma', '１，２３４', null, number, 1234],
      ['decimal text', '3.5', null, number, 3.5],
      ['inner spaces', '1 234', null, number, 1234],
      ['万 in a count', '5万', null, number, 50000],
      ['1.1万 without float noise', '1.1万', null, number, 11000],
      ['header unit after the number', '2次', null, { kind: 'number', headerUnit: '次' }, 2],
      ['percent text in a number column is a fraction', '95%', null, number, 0.95],
      ['negative allowed', -3, null, { kind: 'number', allowNegative: true }, -3],
      ['negative text allowed', '-3', null, { kind: 'number', allowNegative: true }, -3],
      // blanks and no-value marks
      ['null', null, null, number, null],
      ['empty text', '', null, proportion, null],
      ['em dash', '—', null, number, null],
      ['hyphen', '-', null, proportion, null],
      ['slash', '/', null, money, null],
      ['full-width hyphen', '－', null, number, null],
      // rates
      ['%-formatted fraction', 0.95, '0%', proportion, 0.95],
      ['%-formatted 1', 1, '0.00%', proportion, 1],
      ['bare fraction', 0.95, null, proportion, 0.95],
      ['bare 1 is 100%', 1, null, proportion, 1],
      ['percent points', 95, null, proportion, 0.95],
      ['percent points as text', '95', null, proportion, 0.95],
      ['percent text', '95%', null, proportion, 0.95],
      ['full-width percent text', '９５％', null, proportion, 0.95],
      ['percent text with decimals', '98.76%', null, proportion, 0.9876],
      ['percent text 57%', '57%', null, proportion, 0.57],
      ['decimal percent points without float noise', 98.76, null, proportion, 0.9876],
      ['decimal growth points without float noise', 12.3, null, growth, 0.123],
      ['zero percent', '0%', null, proportion, 0],
      ['100 points', 100, null, proportion, 1],
      ['growth fraction', 0.08, null, growth, 0.08],
      ['growth points', 8, null, growth, 0.08],
      ['growth negative points', -3, null, growth, -0.03],
      ['growth negative text', '-3%', null, growth, -0.03],
      ['growth above 100%', '150%', null, growth, 1.5],
      ['growth %-formatted above 100%', 1.5, '0%', growth, 1.5],
      ['growth plus sign', '+5%', null, growth, 0.05],
      // money, result in 万元
      ['5万', '5万', null, money, 5],
      ['5万元', '5万元', null, money, 5],
      ['5.5 万元', '5.5 万元', null, money, 5.5],
      ['50000元', '50000元', null, money, 5],
      ['50,000元', '50,000元', null, money, 5],
      ['bare number is 元', 50000, null, money, 5],
      ['decimal 元 without float noise', 12345.6, null, money, 1.23456],
      ['1.1万 in money', '1.1万', null, money, 1.1],
      ['bare text is 元', '50000', null, money, 5],
      ['header 万元: bare number is 万元', 5, null, { ...money, headerUnit: '万元' }, 5],
      ['header 万元: bare text is 万元', '4.5', null, { ...money, headerUnit: '万元' }, 4.5],
      ['header 元: divided by 10000', 45000, null, { ...money, headerUnit: '元' }, 4.5],
      ['cell unit wins over header', '50000元', null, { ...money, headerUnit: '万元' }, 5],
      ['cell 万 wins over header 元', '5万', null, { ...money, headerUnit: '元' }, 5],
    ])('%s: %p', (_label, value, fmt, opts, expected) => {
      expect(valueOf(parseNumberCell(value, fmt, opts))).toBe(expected);
    });
  });

  describe('values that do not', () => {
    const longText = '九'.repeat(40000);
    it.each<[string, CellValue, string | null, NumberOptions, string, string]>([
      ['Chinese numerals in a rate', '九十', null, proportion, 'values.notRate', '九十'],
      ['words in a count', '很多', null, number, 'values.notNumber', '很多'],
      ['words in a growth rate', '增长较快', null, growth, 'values.notGrowth', '增长较快'],
      ['words in money', '五万', null, money, 'values.notMoney', '五万'],
      ['two numbers', '12/100', null, number, 'values.notNumber', '12/100'],
      ['万 in a rate', '5万', null, proportion, 'values.notRate', '5万'],
      ['proportion above 100% as text', '120%', null, proportion, 'values.rateOutOfRange', '120%'],
      ['proportion above 100% as points', 120, null, proportion, 'values.rateOutOfRange', '120'],
      ['proportion above 100% formatted', 1.2, '0%', proportion, 'values.rateOutOfRange', '120%'],
      ['negative proportion', -0.1, null, proportion, 'values.rateOutOfRange', '-0.1'],
      ['negative count', -1, null, number, 'values.negative', '-1'],
      ['negative count as text', '-1', null, number, 'values.negative', '-1'],
      ['negative money', -50000, null, money, 'values.negative', '-50000'],
      ['Excel error', { error: '#DIV/0!' }, null, proportion, 'values.excelError', '#DIV/0!'],
      ['Excel #N/A', { error: '#N/A' }, null, number, 'values.excelError', '#N/A'],
      ['Date in a number column', utc(2018, 12, 31), null, number, 'values.dateNotNumber', '2018-12-31'],
      ['boolean in a number column', true, null, number, 'values.boolNotNumber', 'TRUE'],
      ['NaN', NaN, null, number, 'values.notFinite', 'NaN'],
      ['Infinity', Infinity, null, proportion, 'values.notFinite', 'Infinity'],
      ['-Infinity', -Infinity, null, growth, 'values.notFinite', '-Infinity'],
      ['overflowing text', '1e999', null, number, 'values.notFinite', '1e999'],
      ['40,000-character text', longText, null, proportion, 'values.notRate', `${'九'.repeat(40)}…`],
    ])('%s', (_label, value, fmt, opts, code, found) => {
      const result = parseNumberCell(value, fmt, opts);
      expect(result).toEqual({ ok: false, code, params: { found } });
    });

    it('never splits a surrogate pair when cutting `found`', () => {
      const text = `${'x'.repeat(39)}😀${'y'.repeat(10)}`;
      const result = parseNumberCell(text, null, number);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.params.found).toBe(`${'x'.repeat(39)}…`);
    });
  });

  it('renders its errors like the WORKBOOK example', () => {
    const result = parseNumberCell('九十', null, { kind: 'proportion' });
    if (result.ok) throw new Error('expected an error');
    const issue = { ...result, severity: 'error' as const, sheet: '考核数据', cell: 'F7' };
    expect(issueText(issue, 'zh')).toBe('考核数据!F7：应为 0–100% 的比率，实际为"九十"');
    expect(issueText(issue, 'en')).toBe('考核数据!F7: expected a rate between 0 and 100%, found "九十"');
  });
});

describe('values messages (zh and en pinned)', () => {
  it.each([
    ['values.notNumber', '很多', '应为数字，实际为"很多"', 'expected a number, found "很多"'],
    ['values.notRate', '九十', '应为 0–100% 的比率，实际为"九十"', 'expected a rate between 0 and 100%, found "九十"'],
    ['values.rateOutOfRange', '120%', '比率应在 0–100% 之间，实际为"120%"', 'a rate must lie between 0 and 100%, found "120%"'],
    ['values.notGrowth', '较快', '应为增长率（如 8% 或 -3%），实际为"较快"', 'expected a growth rate (such as 8% or -3%), found "较快"'],
    ['values.notMoney', '五万', '应为金额（如 5万元 或 50000元），实际为"五万"', 'expected an amount of money (such as 5万元 or 50000元), found "五万"'],
    ['values.negative', '-1', '应为不小于 0 的数，实际为"-1"', 'expected a number of at least 0, found "-1"'],
    ['values.notFinite', 'NaN', '应为有限的数字，实际为"NaN"', 'expected a finite number, found "NaN"'],
    ['values.excelError', '#DIV/0!', '单元格为错误值"#DIV/0!"，请先修正公式或数据', 'the cell holds the error value "#DIV/0!"; fix the formula or data first'],
    ['values.dateNotNumber', '2018-12-31', '应为数字，实际为日期"2018-12-31"', 'expected a number, found the date "2018-12-31"'],
    ['values.boolNotNumber', 'TRUE', '应为数字，实际为逻辑值"TRUE"', 'expected a number, found the logical value "TRUE"'],
    ['values.notYesNo', '也许', '应为"是"或"否"（也可写 有/无、完成/未完成、√/×、1/0），实际为"也许"', 'expected yes or no (是/否, 有/无, 完成/未完成, √/×, 1/0), found "也许"'],
    ['values.notDate', '去年', '应为日期（如 2018-12-31），实际为"去年"', 'expected a date (such as 2018-12-31), found "去年"'],
  ] as const)('%s', (code, found, zh, en) => {
    expect(t({ code, params: { found } }, 'zh')).toBe(zh);
    expect(t({ code, params: { found } }, 'en')).toBe(en);
  });
});

describe('parseYesNo', () => {
  it.each<[CellValue, boolean | null]>([
    ['是', true], ['否', false],
    ['有', true], ['无', false],
    ['完成', true], ['已完成', true], ['未完成', false],
    ['达标', true], ['未达标', false],
    ['√', true], ['×', false],
    ['✓', true], ['✗', false],
    ['✔', true], ['✘', false],
    ['TRUE', true], ['FALSE', false], ['true', true], ['False', false],
    [true, true], [false, false],
    [1, true], [0, false], ['1', true], ['0', false], ['１', true],
    ['Y', true], ['n', false], ['Yes', true], ['NO', false], ['yes', true],
    [' 是 ', true], ['是\n', true],
    [null, null], ['', null], ['—', null], ['/', null],
  ])('%p → %p', (value, expected) => {
    expect(valueOf(parseYesNo(value))).toBe(expected);
  });

  it.each<[CellValue, string, string]>([
    ['也许', 'values.notYesNo', '也许'],
    ['是的吧', 'values.notYesNo', '是的吧'],
    [2, 'values.notYesNo', '2'],
    [0.5, 'values.notYesNo', '0.5'],
    [utc(2018, 1, 1), 'values.notYesNo', '2018-01-01'],
    [{ error: '#REF!' }, 'values.excelError', '#REF!'],
    ['否'.repeat(40000), 'values.notYesNo', `${'否'.repeat(40)}…`],
  ])('%p is an error', (value, code, found) => {
    expect(parseYesNo(value)).toEqual({ ok: false, code, params: { found } });
  });
});

describe('parseDateCell', () => {
  it.each<[CellValue, string | null]>([
    [utc(2018, 12, 31), '2018-12-31'],
    [43465, '2018-12-31'],
    [43465.75, '2018-12-31'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
    [20181231, '2018-12-31'],
    ['2018-12-31', '2018-12-31'],
    ['2018/12/31', '2018-12-31'],
    ['2018.12.31', '2018-12-31'],
    ['2018年12月31日', '2018-12-31'],
    ['2018年1月5日', '2018-01-05'],
    ['2018-1-5', '2018-01-05'],
    ['２０１８年１２月３１日', '2018-12-31'],
    ['  2018-12-31 ', '2018-12-31'],
    ['2018-12-31 00:00:00', '2018-12-31'],
    ['20181231', '2018-12-31'],
    ['2020-02-29', '2020-02-29'],
    [null, null],
    ['', null],
    ['—', null],
  ])('%p → %p', (value, expected) => {
    expect(valueOf(parseDateCell(value))).toBe(expected);
  });

  it.each<[CellValue, string, string]>([
    ['2018-02-30', 'values.notDate', '2018-02-30'],
    ['2019-02-29', 'values.notDate', '2019-02-29'],
    ['2018-13-01', 'values.notDate', '2018-13-01'],
    ['去年年底', 'values.notDate', '去年年底'],
    ['12/31/2018', 'values.notDate', '12/31/2018'],
    [60, 'values.notDate', '60'],
    [0, 'values.notDate', '0'],
    [-5, 'values.notDate', '-5'],
    [NaN, 'values.notDate', 'NaN'],
    [99999999, 'values.notDate', '99999999'],
    [true, 'values.notDate', 'TRUE'],
    [new Date(NaN), 'values.notDate', 'Invalid Date'],
    [{ error: '#VALUE!' }, 'values.excelError', '#VALUE!'],
  ])('%p is an error', (value, code, found) => {
    expect(parseDateCell(value)).toEqual({ ok: false, code, params: { found } });
  });
});

describe('formatNumber / formatPercent', () => {
  it.each<[number, number | undefined, string]>([
    [4.5, undefined, '4.5'],
    [5, undefined, '5'],
    [1 / 3, undefined, '0.33'],
    [2 / 3, undefined, '0.67'],
    [1.005, undefined, '1.01'],
    [-1.005, undefined, '-1.01'],
    [-0.001, undefined, '0'],
    [0.1 + 0.2, undefined, '0.3'],
    [91.25, undefined, '91.25'],
    [1234567.891, undefined, '1234567.89'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [0.123456, 4, '0.1235'],
  ])('formatNumber(%p, %p) → %j', (n, digits, expected) => {
    expect(formatNumber(n, digits)).toBe(expected);
  });

  it.each([
    [0.95, '95%'],
    [0.9876, '98.76%'],
    [1, '100%'],
    [0, '0%'],
    [0.57, '57%'],
    [1.5, '150%'],
    [-0.03, '-3%'],
    [0.123456, '12.35%'],
  ])('formatPercent(%p) → %j', (fraction, expected) => {
    expect(formatPercent(fraction)).toBe(expected);
  });
});

describe('counts written with a counting word', () => {
  test.each([
    ['2次', 2],
    ['1个', 1],
    ['20天', 20],
    ['３户', 3],
  ])('%s in a count column reads as %d', (text, expected) => {
    expect(parseNumberCell(text, null, { kind: 'number' })).toEqual({ ok: true, value: expected });
  });

  it('is not a rate or an amount of money', () => {
    expect(parseNumberCell('95次', null, { kind: 'proportion' }).ok).toBe(false);
    expect(parseNumberCell('5个', null, { kind: 'number', money: true }).ok).toBe(false);
  });
});
