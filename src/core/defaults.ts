/**
 * Built-in defaults: the indicator set used when a workbook has no 指标设置 sheet,
 * the parameter defaults, and the sheet names.
 *
 * The indicator set is kept as the rows of a 指标设置 sheet, so that it goes through the
 * same parser as a user's table and the template writes exactly what the engine uses.
 *
 * ⚠ The points are an EXAMPLE. The measures (羊发〔2018〕7号 四(一)) name the seven
 * dimensions and their contents, not their weights: replace them with the town's
 * official weights by adding a 指标设置 sheet.
 */
import type { AssistanceItemKey, Roles } from './types';

export const DEFAULT_ROLES: Roles = {
  data: '考核数据',
  indicators: '指标设置',
  problems: '问题清单',
  assistance: '帮扶单位',
  params: '考核参数',
};

/** Column headers of 指标设置, in order. */
export const INDICATOR_HEADERS = [
  '维度',
  '指标',
  '分值',
  '计分方法',
  '目标值',
  '下限',
  '每项分值',
  '方向',
  '数据列',
  '否决阈值',
  '否决类别',
  '说明',
] as const;

export interface DefaultIndicatorRow {
  维度: string;
  指标: string;
  分值: number;
  计分方法: string;
  目标值: string;
  下限: string;
  每项分值: string;
  方向: string;
  数据列: string;
  否决阈值: string;
  否决类别: string;
  说明: string;
  /** Clause of the measures this row implements. */
  条款: string;
}

const row = (
  维度: string,
  指标: string,
  分值: number,
  计分方法: string,
  opts: Partial<DefaultIndicatorRow> & { 条款: string; 说明: string },
): DefaultIndicatorRow => ({
  维度,
  指标,
  分值,
  计分方法,
  目标值: '',
  下限: '',
  每项分值: '',
  方向: '正向',
  数据列: '',
  否决阈值: '',
  否决类别: '',
  ...opts,
});

/** 100 points over the seven dimensions 30/15/20/15/10/5/5 — an example to be replaced. */
export const DEFAULT_INDICATORS: DefaultIndicatorRow[] = [
  row('减贫成效', '减贫计划完成率', 20, '比例', {
    目标值: '100%', 数据列: '实际减贫人数/计划减贫人数', 否决阈值: '100%', 否决类别: '1',
    条款: '四(一)1；六、1', 说明: '建档立卡贫困人口年度减贫计划完成情况；未完成计划即触发否决条件1',
  }),
  row('减贫成效', '农村居民人均可支配收入增长率', 10, '区间', {
    目标值: '10%', 下限: '0%', 数据列: '人均可支配收入增长率',
    条款: '四(一)1', 说明: '增长 0% 得 0 分，达到 10% 得满分，其间按比例',
  }),
  row('精准识别', '贫困人口识别准确率', 6, '区间', {
    目标值: '100%', 下限: '90%', 数据列: '识别准确率', 否决阈值: '98%', 否决类别: '4',
    条款: '四(一)2；六、4', 说明: '建档立卡贫困人口识别；低于 98%（漏评率高于 2%）触发否决条件4',
  }),
  row('精准识别', '"五个一批"复核完成率', 4, '比例', {
    目标值: '100%', 数据列: '五个一批复核完成率',
    条款: '四(一)2', 说明: '贫困人口按"五个一批"进行复核的情况',
  }),
  row('精准识别', '贫困人口退出准确率', 5, '区间', {
    目标值: '100%', 下限: '90%', 数据列: '退出准确率', 否决阈值: '98%', 否决类别: '4',
    条款: '四(一)2；六、4', 说明: '低于 98%（错退率高于 2%）触发否决条件4',
  }),
  row('精准帮扶', '驻村帮扶和结对帮扶覆盖率', 6, '比例', {
    目标值: '100%', 数据列: '帮扶覆盖率',
    条款: '四(一)3', 说明: '驻村帮扶和结对帮扶覆盖建档立卡贫困户的比例',
  }),
  row('精准帮扶', '群众满意度', 6, '区间', {
    目标值: '100%', 下限: '80%', 数据列: '群众满意度', 否决阈值: '90%', 否决类别: '4',
    条款: '四(一)3；六、4', 说明: '群众对驻村工作队和帮扶责任人帮扶工作的满意度；低于 90% 触发否决条件4',
  }),
  row('精准帮扶', '弱势贫困户重点帮扶、政策应享尽享', 3, '达标', {
    数据列: '弱势户重点帮扶落实',
    条款: '四(一)3', 说明: '孤、寡、病、残、障等弱势贫困户实行重点帮扶，国家惠民政策多重覆盖、应享尽享（是/否）',
  }),
  row('精准帮扶', '每户脱贫方案制订率', 3, '比例', {
    目标值: '100%', 数据列: '脱贫方案制订率',
    条款: '四(一)3', 说明: '对每一户帮扶对象制订系统的脱贫方案',
  }),
  row('精准帮扶', '预脱贫户到户措施落实率', 2, '比例', {
    目标值: '100%', 数据列: '到户措施落实率',
    条款: '四(一)3', 说明: '对每一户预脱贫户因户制宜采取到户的具体帮扶措施',
  }),
  row('重点工作', '重点工作落实项数', 10, '比例', {
    目标值: '7', 数据列: '重点工作落实项数',
    条款: '四(一)4', 说明: '健康扶贫、教育扶贫、易地扶贫搬迁、金融扶贫、产业扶贫、危房改造、基础设施建设，共 7 项',
  }),
  row('重点工作', '产业扶贫项目数', 5, '相对', {
    数据列: '产业扶贫项目数',
    条款: '四(一)4', 说明: '与项目最多的单位相比，按比例得分',
  }),
  row('扶贫资金', '扶贫资金绩效评价得分', 6, '直接', {
    数据列: '资金绩效评价得分',
    条款: '四(一)5', 说明: '依据财政专项扶贫资金绩效考评办法评定的得分（0–6 分）',
  }),
  row('扶贫资金', '扶贫资金使用监管问题', 4, '扣分', {
    每项分值: '2', 数据列: '资金问题数',
    条款: '四(一)5', 说明: '扶贫资金使用、监管中发现的问题，每个扣 2 分，扣完为止',
  }),
  row('管理台账', '管理台账规范', 5, '扣分', {
    每项分值: '1', 数据列: '台账缺漏项数',
    条款: '四(一)6', 说明: '文件资料、贫困人口、脱贫人口、预脱贫人口四类台账，每处缺漏扣 1 分',
  }),
  row('日常管理', '日常管理评分', 3, '直接', {
    数据列: '日常管理评分',
    条款: '四(一)7', 说明: '目标责任管理、扶贫信息系统管理、扶贫队伍建设（0–3 分）',
  }),
  row('日常管理', '扶贫宣传和信息报送', 2, '加分', {
    每项分值: '0.5', 数据列: '报送信息篇数',
    条款: '四(一)7', 说明: '开展扶贫宣传、报送信息资料，每篇 0.5 分，最高 2 分',
  }),
];

/** Headers of 考核数据 for the built-in set (template), with their units in brackets. */
export const DEFAULT_DATA_HEADERS = [
  '单位',
  '类型',
  '主要负责人',
  '是否贫困村',
  '实际减贫人数',
  '计划减贫人数',
  '人均可支配收入增长率（%）',
  '识别准确率（%）',
  '五个一批复核完成率（%）',
  '退出准确率（%）',
  '帮扶覆盖率（%）',
  '群众满意度（%）',
  '弱势户重点帮扶落实',
  '脱贫方案制订率（%）',
  '到户措施落实率（%）',
  '重点工作落实项数',
  '产业扶贫项目数',
  '资金绩效评价得分',
  '资金问题数',
  '台账缺漏项数',
  '日常管理评分',
  '报送信息篇数',
];

/** Headers of 问题清单. */
export const PROBLEM_HEADERS = ['单位', '问题类别', '情况说明', '发现来源', '发现日期', '突出问题'];

/** The assistance items (RULEBOOK §6) in the order of the measures 四(二) — the JSON item keys. */
export const ASSISTANCE_ITEM_KEYS: readonly AssistanceItemKey[] = [
  '纳入议事日程',
  '成立领导小组',
  '制定实施方案',
  '建立干部联户制度',
  '正职现场办公',
  '帮扶资金物资',
  '产业发展基地',
  '驻村时间',
  '工作规划',
  '半年总结',
  '全年总结',
  '结对帮扶',
  '每户脱贫方案',
  '资金整合任务',
];

/** Headers of 帮扶单位 (the item keys of RULEBOOK §6, monthly stays as 1月…12月). */
export const ASSISTANCE_HEADERS = [
  '帮扶单位',
  '联点村',
  '是否贫困村',
  '纳入议事日程',
  '成立领导小组',
  '制定实施方案',
  '建立干部联户制度',
  '正职现场办公（次）',
  '帮扶资金物资（万元）',
  '产业发展基地（个）',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月驻村天数`),
  '工作规划',
  '半年总结',
  '全年总结',
  '结对帮扶',
  '每户脱贫方案',
  '资金整合任务',
];

/** The veto conditions of the measures 六、1–5, by number. */
export const VETO_CONDITIONS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '未完成年度减贫计划任务',
  2: '违反扶贫资金管理使用规定',
  3: '弄虚作假、搞"数字脱贫"',
  4: '贫困人口识别和退出准确率、帮扶工作群众满意度较低',
  5: '纪检、监察、审计和社会监督发现扶贫领域存在违纪违规问题',
};

/** Names of the sheets Kaohe writes (WORKBOOK "Output sheets"), in tab order. */
export const OUTPUT_SHEETS = ['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明', '稳健性分析', '同比分析', '图表'] as const;

/** The very-hidden sheet in which Kaohe records which sheets it made. */
export const REGISTRY_SHEET = 'Kaohe登记';

/** Prefix of the temporary names under which hosts stage result sheets before the swap (io/staging.ts). */
export const STAGING_PREFIX = 'Kaohe暂存';

/** True for a name Kaohe may have written: an output sheet name, optionally with `(n)` or `(续n)` (a long sheet's continuation). */
export function isKaoheSheetName(name: string): boolean {
  const m = /^(.*?)(\((续)?(\d+)\)_*)?$/.exec(name);
  return m !== null && (OUTPUT_SHEETS as readonly string[]).includes(m[1]);
}

/**
 * True for a staging name (`Kaohe暂存3`).
 * @example isStagingName('Kaohe暂存12') // => true
 * @example isStagingName('Kaohe暂存') // => false
 */
export function isStagingName(name: string): boolean {
  return name.startsWith(STAGING_PREFIX) && /^\d{1,4}$/.test(name.slice(STAGING_PREFIX.length));
}
