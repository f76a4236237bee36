import { issueText } from '../../../src/core/messages';
import { IssueList } from '../../../src/core/read/issues';
import { moneyInWan, parameterName, readParams, splitList } from '../../../src/core/read/params';
import type { CellValue, Params } from '../../../src/core/types';
import { grid } from '../../helpers/grid';

const DIMENSIONS = ['减贫成效', '精准识别', '精准帮扶'];
const NOW = new Date('2019-03-01T08:00:00Z');

/** Reads a 考核参数 sheet (title row, header row, then the given pairs from row 3). */
function read(pairs: [CellValue, CellValue][], dimensions = DIMENSIONS) {
  const issues = new IssueList();
  const sheet = grid('考核参数', [['考核参数设置'], ['参数', '值'], ...pairs]);
  const params = readParams(sheet, '考核参数', dimensions, NOW, issues);
  return { params, issues: issues.items, texts: issues.items.map((i) => `${i.severity} ${i.cell} ${issueText(i, 'zh')}`) };
}

describe('readParams: defaults', () => {
  it('without a sheet, every default (year from now, date 31 Dec, tie-break = dimensions)', () => {
    const issues = new IssueList();
    const params = readParams(undefined, '考核参数', DIMENSIONS, NOW, issues);
    expect(params).toEqual<Params>({
      town: '羊楼司镇', year: 2019, date: '2019-12-31', deadlineDays: 30, goodQuota: 3, averageQuota: 2,
      tieMode: 'high', tieBreak: DIMENSIONS, rankByType: false, missing: 'error', conversion: null,
      assistance: { visits: 2, fundsPoor: 5, fundsOther: 3, bases: 1, daysPerMonth: 20 },
      hiddenRows: 'count', aggregate: 'mean', rankStyle: 'competition', vetoedMayBeGood: false,
      robustness: { spread: 0.1, runs: 1000 }, given: [],
    });
    expect(issues.items).toEqual([]);
  });

  it('a blank value keeps the default and is not "given"', () => {
    const { params, issues } = read([['整改期限天数', null], ['镇名', '  ']]);
    expect(params.deadlineDays).toBe(30);
    expect(params.town).toBe('羊楼司镇');
    expect(params.given).toEqual([]);
    expect(issues).toEqual([]);
  });
});

describe('readParams: every parameter', () => {
  it.each<[string, CellValue, (p: Params) => unknown, unknown]>([
    ['镇名', '  羊楼司镇 ', (p) => p.town, '羊楼司镇'],
    ['考核年度', 2018, (p) => p.year, 2018],
    ['考核年度', '2018年', (p) => p.year, 2018],
    ['考核日期', new Date(Date.UTC(2019, 0, 10)), (p) => p.date, '2019-01-10'],
    ['考核日期', '2018年12月20日', (p) => p.date, '2018-12-20'],
    ['考核日期', 43465, (p) => p.date, '2018-12-31'],
    ['整改期限天数', '45天', (p) => p.deadlineDays, 45],
    ['好等次名额', 4, (p) => p.goodQuota, 4],
    ['"好"等次名额', 0, (p) => p.goodQuota, 0],
    ['一般等次名额', '1', (p) => p.averageQuota, 1],
    ['并列处理', '就低', (p) => p.tieMode, 'low'],
    ['并列处理', '就高', (p) => p.tieMode, 'high'],
    ['同分排序依据', '精准帮扶、减贫成效', (p) => p.tieBreak, ['精准帮扶', '减贫成效']],
    ['同分排序依据', '精准识别 > 精准帮扶→减贫成效', (p) => p.tieBreak, ['精准识别', '精准帮扶', '减贫成效']],
    ['同分排序依据', '精准识别；精准帮扶,减贫成效', (p) => p.tieBreak, ['精准识别', '精准帮扶', '减贫成效']],
    ['分类排名', '是', (p) => p.rankByType, true],
    ['分类排名', '否', (p) => p.rankByType, false],
    ['缺失数据', '按0分', (p) => p.missing, 'zero'],
    ['缺失数据', '按零分', (p) => p.missing, 'zero'],
    ['缺失数据', '记0分', (p) => p.missing, 'zero'],
    ['缺失数据', '报错', (p) => p.missing, 'error'],
    ['年终折算分值', 20, (p) => p.conversion, 20],
    ['单位正职到联点村现场办公次数', 3, (p) => p.assistance.visits, 3],
    ['贫困村帮扶资金（万元）', 6, (p) => p.assistance.fundsPoor, 6],
    ['贫困村帮扶资金', '60000元', (p) => p.assistance.fundsPoor, 6],
    ['贫困村帮扶资金', '6万元', (p) => p.assistance.fundsPoor, 6],
    ['贫困村帮扶资金', 60000, (p) => p.assistance.fundsPoor, 6],
    ['非贫困村帮扶资金（元）', 40000, (p) => p.assistance.fundsOther, 4],
    ['非贫困村帮扶资金', '4万', (p) => p.assistance.fundsOther, 4],
    ['产业发展基地个数', 2, (p) => p.assistance.bases, 2],
    ['工作队员每月驻村天数', '22天', (p) => p.assistance.daysPerMonth, 22],
  ])('%s = %p', (name, value, pick, expected) => {
    const { params, issues } = read([[name, value]]);
    expect(issues).toEqual([]);
    expect(pick(params)).toEqual(expected);
  });

  it('a bare money amount with no unit is 元, with a warning that it looks like 万元', () => {
    const { params, texts } = read([['贫困村帮扶资金', 6]]);
    expect(params.assistance.fundsPoor).toBe(0.0006);
    expect(texts).toEqual(['warning B3 考核参数!B3：参数"贫困村帮扶资金"的值"6"没有写单位，按元计；如果是万元，请写成"6万元"或在参数名中注明（万元）']);
    expect(read([['贫困村帮扶资金', 60000]]).texts).toEqual([]);
  });

  it.each<[string, CellValue, (p: Params) => unknown, unknown]>([
    ['隐藏行', '不计入', (p) => p.hiddenRows, 'exclude'],
    ['隐藏行', '计入', (p) => p.hiddenRows, 'count'],
    ['评分汇总', '去掉最高最低', (p) => p.aggregate, 'trimmed'],
    ['评分汇总', '平均', (p) => p.aggregate, 'mean'],
    ['排名方式', '中国式', (p) => p.rankStyle, 'dense'],
    ['排名方式', '美式', (p) => p.rankStyle, 'competition'],
    ['否决单位可评好', '是', (p) => p.vetoedMayBeGood, true],
    ['权重扰动幅度', '5%', (p) => p.robustness.spread, 0.05],
    ['权重扰动幅度', 20, (p) => p.robustness.spread, 0.2],
    ['权重扰动次数', 200, (p) => p.robustness.runs, 200],
  ])('%s = %p', (name, value, pick, expected) => {
    const { params, issues } = read([[name, value]]);
    expect(issues).toEqual([]);
    expect(pick(params)).toEqual(expected);
  });

  it.each<[string, CellValue, string]>([
    ['隐藏行', '有时', '隐藏行应为"计入"或"不计入"，实际为"有时"'],
    ['排名方式', '德式', '排名方式应为"美式"（1、2、2、4）或"中国式"（1、2、2、3），实际为"德式"'],
    ['权重扰动幅度', '100%', '权重扰动幅度应为 0–100% 之间（不含两端）的比例，如 10%，实际为"100%"'],
    ['权重扰动次数', 0, '权重扰动次数应为 1–100000 的整数，实际为"0"'],
  ])('%s = %p is an error at the value cell', (name, value, message) => {
    expect(read([[name, value]]).texts).toEqual([`error B3 考核参数!B3：${message}`]);
  });

  it('year defaults to the year of the date; the date defaults to 31 Dec of the year', () => {
    expect(read([['考核日期', '2018-12-20']]).params.year).toBe(2018);
    expect(read([['考核年度', 2017]]).params.date).toBe('2017-12-31');
  });

  it('lists the given parameters by canonical name, in catalogue order', () => {
    const { params } = read([['缺失数据', '按0分'], ['镇名', '羊楼司镇'], ['非贫困村帮扶资金', 3], ['年度', 2018]]);
    expect(params.given).toEqual(['镇名', '考核年度', '缺失数据', '非贫困村帮扶资金']);
  });

  it('finds the header row below a title and reads full-width / spaced names', () => {
    const { params } = read([['整改 期限天数（天）', 20], ['考核\n年度', '２０１８']]);
    expect(params.deadlineDays).toBe(20);
    expect(params.year).toBe(2018);
  });
});

describe('readParams: errors at the 值 cell, warnings for unknown names', () => {
  it.each<[string, CellValue, string]>([
    ['考核年度', '二〇一八', 'error B3 考核参数!B3：考核年度应为四位年份（如 2018），实际为"二〇一八"'],
    ['考核日期', '年底', 'error B3 考核参数!B3：考核日期应为日期（如 2018-12-31），实际为"年底"'],
    ['整改期限天数', 0, 'error B3 考核参数!B3：参数"整改期限天数"应为不小于 1 的整数，实际为"0"'],
    ['好等次名额', 2.5, 'error B3 考核参数!B3：参数"好等次名额"应为不小于 0 的整数，实际为"2.5"'],
    ['一般等次名额', '两名', 'error B3 考核参数!B3：参数"一般等次名额"应为不小于 0 的整数，实际为"两名"'],
    ['并列处理', '随机', 'error B3 考核参数!B3：并列处理应为"就高"或"就低"，实际为"随机"'],
    ['分类排名', '也许', 'error B3 考核参数!B3：参数"分类排名"应为"是"或"否"，实际为"也许"'],
    ['缺失数据', '忽略', 'error B3 考核参数!B3：缺失数据应为"报错"或"按0分"，实际为"忽略"'],
    ['年终折算分值', 0, 'error B3 考核参数!B3：参数"年终折算分值"应为大于 0 的数，实际为"0"'],
    ['贫困村帮扶资金', '很多', 'error B3 考核参数!B3：参数"贫困村帮扶资金"应为金额（如 5万元、50000元），实际为"很多"'],
    ['每月驻村天数', 40, 'error B3 考核参数!B3：参数"每月驻村天数"应为 0–31 之间的天数，实际为"40"'],
    ['现场办公次数', -1, 'error B3 考核参数!B3：参数"现场办公次数"应为不小于 0 的数，实际为"-1"'],
    ['奖励金额', 5, 'warning A3 考核参数!A3：未知参数"奖励金额"，已忽略'],
  ])('%s = %p', (name, value, text) => {
    const { texts, params } = read([[name, value]]);
    expect(texts).toEqual([text]);
    expect(params.given).toEqual([]);
  });

  it('同分排序依据: one error per name that is not a dimension, at the 值 cell; default kept', () => {
    const { texts, params } = read([['同分排序依据', '减贫成效、产业发展、资金']]);
    expect(texts).toEqual([
      'error B3 考核参数!B3：同分排序依据中的"产业发展"不是指标设置中的维度（现有维度：减贫成效、精准识别、精准帮扶）',
      'error B3 考核参数!B3：同分排序依据中的"资金"不是指标设置中的维度（现有维度：减贫成效、精准识别、精准帮扶）',
    ]);
    expect(params.tieBreak).toEqual(DIMENSIONS);
  });

  it('a parameter given twice with different values is an error at the second name', () => {
    const { texts, params } = read([['好等次名额', 3], ['好等次名额', 4], ['一般等次名额', 2], ['一般等次名额', '2']]);
    expect(texts).toEqual(['error A4 考核参数!A4：参数"好等次名额"重复且值不同（首次出现在 A3）']);
    expect(params.goodQuota).toBe(3);
  });

  it('a sheet without a 参数 header is a sheet-level error', () => {
    const issues = new IssueList();
    readParams(grid('考核参数', [['镇名', '羊楼司镇']]), '考核参数', DIMENSIONS, NOW, issues);
    expect(issues.items.map((i) => issueText(i, 'en'))).toEqual(['考核参数: No header row in the first 10 rows: expected a column named "参数"']);
  });

  it('renders in English too', () => {
    const issues = read([['并列处理', '随机']]).issues;
    expect(issueText(issues[0], 'en')).toBe('考核参数!B3: 并列处理 (ties) should be 就高 (better grade) or 就低 (worse grade), found "随机"');
  });
});

describe('parameter helpers', () => {
  it.each([
    ['非贫困村帮扶资金（万元）', '非贫困村帮扶资金', '万元'],
    ['贫困村帮扶单位资金标准', '贫困村帮扶资金', null],
    ['支持产业发展基地数', '产业发展基地数', null],
    ['整改期限', '整改期限天数', null],
  ])('parameterName(%s)', (raw, canonical, unit) => {
    expect(parameterName(raw)).toEqual({ canonical, unit });
  });

  it('parameterName of an unknown name is null', () => expect(parameterName('奖金')).toBeNull());

  it.each<[CellValue, string | null, number | null]>([
    [5, null, 0.0005],
    [1000, null, 0.1],
    [50000, null, 5],
    ['5万元', '元', 5],
    [5, '万元', 5],
    [50000, '元', 5],
    ['50,000元', null, 5],
    ['五万', null, null],
  ])('moneyInWan(%p, unit %p) = %p', (value, unit, expected) => {
    expect(moneyInWan(value, null, unit)).toBe(expected);
  });

  it('splitList splits on every separator and drops blanks', () => {
    expect(splitList('甲、乙，丙,丁;戊；己/庚>辛→壬 癸  ')).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']);
  });
});
