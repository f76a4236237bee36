import { assess, KAOHE_VERSION } from '../../../src/core/index';
import { ASSISTANCE_HEADERS, DEFAULT_DATA_HEADERS, DEFAULT_INDICATORS, PROBLEM_HEADERS } from '../../../src/core/defaults';
import { templateSheets } from '../../../src/core/report';
import type { OutputSheet, WorkbookSnapshot } from '../../../src/core/types';

/** What an adapter would read back from the template sheets (values only). */
function snapshotOf(sheets: OutputSheet[]): WorkbookSnapshot {
  return {
    sheetNames: sheets.map((s) => s.name),
    sheets: Object.fromEntries(
      sheets.map((s) => [s.name, { name: s.name, values: s.rows.map((r) => r.map((c) => c.v ?? null)), originRow: 0, originCol: 0 }]),
    ),
  };
}

const NOW = new Date('2019-01-05T01:00:00Z');

describe('templateSheets(false)', () => {
  const sheets = templateSheets(false);
  const byName = (name: string) => sheets.find((s) => s.name === name)!;
  const headerOf = (s: OutputSheet) => s.rows[s.headerRows[0] - 1].map((c) => c.v);

  it('holds the five input sheets with their headers and no data', () => {
    expect(sheets.map((s) => s.name)).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
    expect(headerOf(byName('考核数据'))).toEqual(DEFAULT_DATA_HEADERS);
    expect(byName('考核数据').rows).toHaveLength(1);
    expect(headerOf(byName('问题清单'))).toEqual(PROBLEM_HEADERS);
    expect(headerOf(byName('帮扶单位'))).toEqual(ASSISTANCE_HEADERS);
  });

  it('writes the built-in indicators with a notice that the points are an example', () => {
    const sheet = byName('指标设置');
    expect(String(sheet.rows[0][0].v)).toContain('分值仅为示例');
    expect(sheet.rows.slice(2).map((r) => [r[1].v, r[2].v])).toEqual(DEFAULT_INDICATORS.map((r) => [r.指标, r.分值]));
  });

  it('lists every parameter with its default', () => {
    const rows = byName('考核参数').rows.slice(1).map((r) => [r[0].v, r[1].v]);
    expect(rows).toEqual([
      ['镇名', '羊楼司镇'],
      ['考核年度', ''],
      ['考核日期', ''],
      ['整改期限天数', 30],
      ['好等次名额', 3],
      ['一般等次名额', 2],
      ['并列处理', '就高'],
      ['同分排序依据', ''],
      ['分类排名', '否'],
      ['缺失数据', '报错'],
      ['年终折算分值', ''],
      ['正职现场办公次数', 2],
      ['贫困村帮扶资金（万元）', 5],
      ['非贫困村帮扶资金（万元）', 3],
      ['产业发展基地个数', 1],
      ['每月驻村天数', 20],
      ['隐藏行', '计入'],
      ['评分汇总', '平均'],
      ['排名方式', '美式'],
      ['否决单位可评好', '否'],
      ['权重扰动幅度', '10%'],
      ['权重扰动次数', 1000],
    ]);
  });

  it('reads back with the default parameters (nothing given)', () => {
    const outcome = assess(snapshotOf(sheets), { lang: 'zh', now: NOW });
    // An empty 考核数据 cannot be assessed, but 考核参数 must not be the cause.
    expect(outcome.issues.filter((i) => i.sheet === '考核参数')).toEqual([]);
  });
});

describe('the demo workbook', () => {
  const outcome = assess(snapshotOf(templateSheets(true)), { lang: 'zh', now: NOW });

  it('assesses without errors', () => {
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  it('ranks and grades the demo as worked by hand from the rules', () => {
    // Literal values (not a snapshot: \`jest -u\` cannot rewrite them). Grades by RULEBOOK §4
    // from the totals and vetoes: 五爱村 has a 突出问题 → 较差; 好 = the first 3 without a veto
    // (文白社区 vetoed: its place passes down to 黄金村); 一般 = the last 2 of the rest
    // (七里冲村, 梧桐社区); everyone else 较好. 高丰村 and 小港村 are equal on every
    // dimension: both rank 10, the next is 12 (美式排名).
    const rows = outcome.json.units.map((u) => [u.rank, u.name, u.total, u.grade, u.vetoes.map((v) => v.category)]);
    expect(rows).toEqual([
      [1, '文白社区', 98.78, '较好', [5]],
      [2, '龙源村', 98.3, '好', []],
      [3, '梅池村', 97.15, '好', []],
      [4, '黄金村', 95.35, '好', []],
      [5, '大前村', 94.25, '较好', [1]],
      [6, '幸福村', 93.72, '较好', []],
      [7, '中洲社区', 93.03, '较好', [4]],
      [8, '明星村', 92.82, '较好', []],
      [9, '金鸡社区', 92.82, '较好', []],
      [10, '高丰村', 88.67, '较好', []],
      [10, '小港村', 88.67, '较好', []],
      [12, '新和村', 86.7, '较好', []],
      [13, '三港村', 85.75, '较好', [3]],
      [14, '双山村', 84.5, '较好', []],
      [15, '油铺村', 80.67, '较好', []],
      [16, '黄沙村', 78.22, '较好', []],
      [17, '梧桐社区', 73.82, '一般', []],
      [18, '七里冲村', 71.56, '一般', []],
      [19, '五爱村', 71.01, '较差', [2]],
    ]);
  });

  it('梅池村 recomputed by hand (README): 30 + 15 + 18.8 + 13.75 + 9.8 + 5 + 4.8 = 97.15', () => {
    // 减贫成效 20·min(1, 10/10) + 10·clamp01(10%/10%); 精准识别 6 + 4 + 5; 精准帮扶 6 + 6·(96−80)/20 + 3 + 3 + 2;
    // 重点工作 10·7/7 + 5·6/8; 扶贫资金 5.8 + (4 − 2·0); 管理台账 5 − 1·0; 日常管理 2.8 + min(2, 0.5·4)
    const meichi = outcome.json.units.find((u) => u.name === '梅池村')!;
    expect(meichi.dimensions).toEqual({ 减贫成效: 30, 精准识别: 15, 精准帮扶: 18.8, 重点工作: 13.75, 扶贫资金: 9.8, 管理台账: 5, 日常管理: 4.8 });
    expect(meichi.total).toBe(97.15);
  });

  it('exercises what it was designed for', () => {
    const units = outcome.json.units;
    const unit = (name: string) => units.find((u) => u.name === name)!;
    expect(new Set(units.map((u) => u.grade))).toEqual(new Set(['好', '较好', '一般', '较差']));
    expect(new Set(units.flatMap((u) => u.vetoes.map((v) => v.category)))).toEqual(new Set([1, 2, 3, 4, 5]));
    // The tie on total is decided by 减贫成效 (明星村 30 > 金鸡社区 29).
    expect(unit('明星村').total).toBe(unit('金鸡社区').total);
    expect(unit('明星村').rank).toBeLessThan(unit('金鸡社区').rank);
    expect(unit('明星村').dimensions['减贫成效']).toBeGreaterThan(unit('金鸡社区').dimensions['减贫成效']);
    // The unbroken tie shares a rank.
    expect(unit('小港村').dimensions).toEqual(unit('高丰村').dimensions);
    expect(unit('小港村').rank).toBe(unit('高丰村').rank);
    expect(outcome.json.interviews.map((i) => i.unit)).toEqual(['文白社区', '大前村', '中洲社区', '三港村', '五爱村']);
  });

  it('checks the assistance units: failures on different items, one passes, one 不适用', () => {
    const assistance = outcome.json.assistance;
    expect(assistance.map((a) => [a.name, a.passed, a.items.filter((i) => i.passed === false).map((i) => i.item).join(',')])).toEqual([
      ['临湘市财政局', true, ''],
      ['临湘市交通运输局', false, '帮扶资金物资'],
      ['临湘市人民医院', false, '驻村时间'],
      ['临湘市教育局', false, '半年总结'],
      ['临湘市农业农村局', false, '正职现场办公'],
      ['国网临湘市供电公司', true, ''],
    ]);
    expect(assistance[5].items.find((i) => i.item === '资金整合任务')?.passed).toBeNull();
  });

  it('writes all six result sheets and the analyses, and says the data are illustrative', () => {
    expect(outcome.sheets.map((s) => s.name)).toEqual(['考核结果', '稳健性分析', '图表', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明']);
    const about = outcome.sheets.find((s) => s.name === '考核说明')!;
    expect(about.rows.flat().some((c) => String(c.v).startsWith('示例数据，仅供演示'))).toBe(true);
    expect(about.rows.flat().some((c) => c.v === KAOHE_VERSION)).toBe(true);
  });
});
