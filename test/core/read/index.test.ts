import { DEFAULT_ROLES, INDICATOR_HEADERS } from '../../../src/core/defaults';
import { issueText } from '../../../src/core/messages';
import { readInput } from '../../../src/core/read';
import { unitsWithValues } from '../../helpers/input';
import type { CellValue, Issue, WorkbookSnapshot } from '../../../src/core/types';
import { builtinData, grid, snapshot } from '../../helpers/grid';

const NOW = new Date('2019-01-05T00:00:00Z');
const read = (book: WorkbookSnapshot, roles = DEFAULT_ROLES) => readInput(book, roles, { now: NOW });
const render = (issues: Issue[], lang: 'zh' | 'en') => issues.map((i) => issueText(i, lang));

const FIVE: Record<string, CellValue>[] = [
  { 单位: '龙源村', 产业扶贫项目数: 3 },
  { 单位: '文白社区', 产业扶贫项目数: 4 },
  { 单位: '梅池村', 产业扶贫项目数: 2, 是否贫困村: '否' },
  { 单位: '中洲社区', 产业扶贫项目数: 3 },
  { 单位: '黄金村', 产业扶贫项目数: 3 },
];

describe('readInput with the built-in indicator set', () => {
  const { input, issues } = read(snapshot(builtinData(FIVE)));

  it('reads a small 考核数据 without issues', () => {
    expect(issues).toEqual([]);
    expect(input).not.toBeNull();
    expect(input!.indicatorSource).toBe('builtin');
    expect(input!.indicators).toHaveLength(17);
    expect(unitsWithValues(input!).map((u) => [u.name, u.type, u.poor])).toEqual([
      ['龙源村', '村', true], ['文白社区', '社区', true], ['梅池村', '村', false], ['中洲社区', '社区', true], ['黄金村', '村', true],
    ]);
    expect(unitsWithValues(input!)[0].values).toHaveLength(17);
    expect(input!.problems).toEqual([]);
    expect(input!.assistance).toBeNull();
    expect(input!.params.tieBreak).toEqual(['减贫成效', '精准识别', '精准帮扶', '重点工作', '扶贫资金', '管理台账', '日常管理']);
    expect(input!.roles).toEqual(DEFAULT_ROLES);
    expect(input!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads every value of a unit with its cell', () => {
    const values = unitsWithValues(input!)[0].values;
    expect(values[0]).toEqual({ value: 1, display: '10/10', cell: '考核数据!E3/F3', missing: false });
    expect(values[1]).toEqual({ value: 0.08, display: '8%', cell: '考核数据!G3', missing: false });
    expect(values[7]).toEqual({ value: 1, display: '是', cell: '考核数据!M3', missing: false });
    expect(values.map((v) => v.value)).toEqual([1, 0.08, 0.99, 1, 0.99, 1, 0.95, 1, 1, 1, 7, 3, 5, 0, 1, 2.5, 4]);
  });

  it('puts warnings (A/B above 1, outliers) in input.warnings, sorted', () => {
    const rows = [...FIVE, { 单位: '七里冲村', 实际减贫人数: 13, 产业扶贫项目数: 30 }];
    const { input: withWarnings, issues: found } = read(snapshot(builtinData(rows)));
    expect(found.every((i) => i.severity === 'warning')).toBe(true);
    expect(found.map((i) => i.cell)).toEqual(['E8', 'Q8']);
    expect(withWarnings!.warnings).toEqual(found);
  });
});

describe('readInput: what stops reading', () => {
  it('no 考核数据 sheet: input null, one sheet-level error, other sheets still checked', () => {
    const params = grid('考核参数', [['参数', '值'], ['好等次名额', '三']]);
    const { input, issues } = read(snapshot(params, grid('Sheet1', [['单位']])));
    expect(input).toBeNull();
    expect(render(issues, 'zh')).toEqual([
      '考核参数!B2：参数"好等次名额"应为不小于 0 的整数，实际为"三"',
      '考核数据：找不到"考核数据"工作表：考核数据是必需的',
    ]);
  });

  it('a 考核数据 sheet without a unit column', () => {
    const { input, issues } = read(snapshot(grid('考核数据', [['村', '得分'], ['龙源', 1]])));
    expect(input).toBeNull();
    expect(render(issues, 'en')).toEqual(['考核数据: No unit column in the first 10 rows (expected a header such as 单位, 村(社区)名称 or 被考核单位); headers found: "村"、"得分"、"龙源". Rename the unit column to 单位']);
  });

  it('follows the roles: a data sheet under another name', () => {
    const roles = { ...DEFAULT_ROLES, data: '2018数据' };
    const { input, issues } = read(snapshot(builtinData(FIVE, '2018数据')), roles);
    expect(issues).toEqual([]);
    expect(unitsWithValues(input!)[0].nameCell).toBe('2018数据!A3');
  });
});

/** A workbook with an error on every sheet. */
function brokenBook(): WorkbookSnapshot {
  const indicators = grid('指标设置', [
    INDICATOR_HEADERS.slice(),
    ['减贫成效', '减贫计划完成率', 20, '比例', '100%', null, null, null, '实际减贫人数/计划减贫人数', '100%', '1', null],
    [null, '收入增长率', 10, '排名', null, null, null, null, '人均可支配收入增长率', null, null, null],
    ['精准帮扶', '群众满意度', 6, '区间', '100%', '80%', null, null, null, '90%', '满意', null],
    [null, '帮扶覆盖率', 4, '比例', '100%', null, null, null, null, null, null, null],
  ]);
  const data = grid('考核数据', [
    ['单位', '身份证号', '实际减贫人数', '计划减贫人数', '人均可支配收入增长率（%）', '群众满意度（%）'],
    ['龙源村', '430682197001011234', 10, 10, 5, '九十'],
    ['文白社区', '430682197001015678', 3, 0, 5, 95],
    ['龙源村', '430682197001019999', 10, 10, 5, null],
  ]);
  const params = grid('考核参数', [['参数', '值'], ['并列处理', '随机'], ['同分排序依据', '减贫成效、资金']]);
  const problems = grid('问题清单', [['单位', '问题类别', '情况说明'], ['黄金村', '其他', '…'], ['文白', '资金', '挪用']]);
  const assistance = grid('帮扶单位', [['帮扶单位', '联点村', '帮扶资金（万元）'], ['市财政局', '龙源', null]]);
  return snapshot(data, indicators, params, problems, assistance);
}

describe('readInput collects every error of every sheet, sorted, with sheet and cell', () => {
  const { issues, input } = read(brokenBook());
  const errors = issues.filter((i) => i.severity === 'error');

  it('pins the Chinese texts (in sheet, row, column order)', () => {
    expect(render(errors, 'zh')).toEqual([
      '考核参数!B2：并列处理应为"就高"或"就低"，实际为"随机"',
      '考核参数!B3：同分排序依据中的"资金"不是指标设置中的维度（现有维度：减贫成效、精准帮扶）',
      '指标设置!D3：计分方法应为 比例、区间、达标、扣分、加分、直接 或 相对，实际为"排名"',
      '指标设置!K4：否决类别应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"满意"',
      '指标设置!B5：考核数据中找不到指标"帮扶覆盖率"的数据列"帮扶覆盖率"',
      '考核数据!F2：应为 0–100% 的比率，实际为"九十"',
      '考核数据!D3：分母为 0 而分子为 3，无法计算比率',
      '考核数据!A4：单位"龙源村"重复（首次出现在 A2）',
      '问题清单!A2：单位"黄金村"不是考核数据中的单位',
      '问题清单!B2：问题类别应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"其他"',
      '帮扶单位!C2："帮扶资金物资"没有填写（确需按未达标处理，请在考核参数中设 缺失数据=按0分）',
    ]);
  });

  it('pins the English texts', () => {
    expect(render(errors, 'en')).toEqual([
      '考核参数!B2: 并列处理 (ties) should be 就高 (better grade) or 就低 (worse grade), found "随机"',
      '考核参数!B3: Tie-break "资金" is not a dimension of the indicator table (dimensions: 减贫成效、精准帮扶)',
      '指标设置!D3: The scoring method should be 比例, 区间, 达标, 扣分, 加分, 直接 or 相对, found "排名"',
      '指标设置!K4: 否决类别 should name a veto condition by its number 1–5 or its words (e.g. 减贫计划, 资金, 弄虚作假, 准确率, 违纪违规), found "满意"',
      '指标设置!B5: The data sheet has no column "帮扶覆盖率" for the indicator "帮扶覆盖率"',
      '考核数据!F2: expected a rate between 0 and 100%, found "九十"',
      '考核数据!D3: The denominator is 0 while the numerator is 3: no ratio can be computed',
      '考核数据!A4: The unit "龙源村" appears twice (first at A2)',
      '问题清单!A2: 单位 "黄金村" is not a unit of the assessment data',
      '问题清单!B2: 问题类别 should name a veto condition by its number 1–5 or its words (e.g. 减贫计划, 资金, 弄虚作假, 准确率, 违纪违规), found "其他"',
      '帮扶单位!C2: "帮扶资金物资" is blank (set 缺失数据=按0分 in 考核参数 to count blanks as not met)',
    ]);
  });

  it('also reports the assistance warnings: 13 items without a column, 联点村 poor unknown', () => {
    const warnings = issues.filter((i) => i.severity === 'warning' && i.sheet === '帮扶单位');
    expect(warnings.filter((i) => i.code === 'read.assist.itemMissing')).toHaveLength(13);
    expect(render(warnings.filter((i) => i.code !== 'read.assist.itemMissing'), 'en')).toEqual([
      '帮扶单位!B2: Whether the linked village "龙源村" is a poor village is unknown: assessed as not poor',
    ]);
  });

  it('every issue carries its sheet, and a cell unless it concerns the whole sheet', () => {
    for (const issue of issues) {
      expect(issue.sheet).not.toBe('');
      if (issue.cell === '') expect(['read.assist.itemMissing', 'read.ind.columnMissing']).toContain(issue.code);
    }
  });

  it('never lets identity numbers reach the issues or the input', () => {
    expect(JSON.stringify({ issues, input })).not.toContain('430682');
  });
});

describe('fingerprint', () => {
  const base = () => snapshot(builtinData(FIVE), grid('考核参数', [['参数', '值'], ['镇名', '羊楼司镇']]));
  const fp = (book: WorkbookSnapshot) => read(book).input!.fingerprint;

  it('is stable for the same input', () => expect(fp(base())).toBe(fp(base())));

  it('changes when a role sheet cell, or its format, changes', () => {
    const changed = base();
    changed.sheets['考核数据'].values[2][6] = '9%';
    expect(fp(changed)).not.toBe(fp(base()));
    const formatted = base();
    formatted.sheets['考核参数'].formats = [[null, null], [null, '@']];
    expect(fp(formatted)).not.toBe(fp(base()));
  });

  it('ignores sheets that play no role', () => {
    const other = base();
    other.sheets['Sheet1'] = grid('Sheet1', [['随便']]);
    other.sheetNames.push('Sheet1');
    expect(fp(other)).toBe(fp(base()));
  });
});

describe('missing data policy through 考核参数', () => {
  const rows: Record<string, CellValue>[] = [{ 单位: '龙源村', 群众满意度: null }, { 单位: '文白社区' }];
  it('报错 (default) stops, 按0分 warns', () => {
    expect(read(snapshot(builtinData(rows))).issues.map((i) => [i.severity, i.cell])).toEqual([['error', 'L3']]);
    const zero = read(snapshot(builtinData(rows), grid('考核参数', [['参数', '值'], ['缺失数据', '按0分']])));
    expect(zero.issues.map((i) => [i.severity, i.cell])).toEqual([['warning', 'L3']]);
    expect(unitsWithValues(zero.input!)[0].values[6]).toEqual({ value: null, display: '', cell: '考核数据!L3', missing: true });
    expect(zero.input!.params.given).toEqual(['缺失数据']);
  });
});
