/**
 * Demo data for the 19 units of the measures (三、1): the 4 communities named there and
 * 15 villages named after the 2009 gazetteer (RULEBOOK §1). Names of persons and every
 * figure are invented — 示例数据，仅供演示.
 *
 * Designed with the built-in indicator set so that the result shows (ranks as computed):
 * - every grade: 好 (龙源村, 梅池村, 黄金村), 较好, 一般 (梧桐社区, 七里冲村), 较差 (五爱村);
 * - vetoes 1 (大前村: 7 of 8 planned), 4 from an indicator (中洲社区: 满意度 88%),
 *   2 as a 突出问题 (五爱村, ranked last, so 一般 goes to the two above it),
 *   3 (三港村) and 5 (文白社区) from 问题清单;
 * - a vetoed unit ranked 1st (文白社区): 好 passes down to 黄金村 (4th);
 * - a tie on total (明星村 = 金鸡社区 = 92.82) decided by 减贫成效 (30 > 29);
 * - an unbroken tie (小港村 = 高丰村, identical dimension scores: both 10th), placed away
 *   from the grade boundaries, so it needs no human decision;
 * - messy but valid values: `95%` as text, a full-width `９８`, `5万元`, an over-fulfilled
 *   plan (龙源村 9 of 8: a warning in 数据核验).
 */
import type { AssessmentInput } from '../types';

type Cell = string | number | null;

/** 考核数据 rows, columns as DEFAULT_DATA_HEADERS. */
export const DEMO_DATA_ROWS: Cell[][] = [
  // 单位, 类型, 主要负责人, 是否贫困村, 实际减贫人数, 计划减贫人数, 增长率, 识别, 五个一批, 退出, 覆盖, 满意度, 弱势户, 方案, 到户, 重点工作, 产业项目, 绩效得分, 资金问题, 台账缺漏, 日常管理, 报送篇数
  ['文白社区', '社区', '周建华', '否', 3, 3, 12, 100, 100, 100, 100, 98, '是', 100, 100, 7, 7, 6, 0, 0, 3, 6],
  ['金鸡社区', '社区', '李秀英', '否', 3, 3, 9, 100, 100, 99, 100, 95, '是', 100, 100, 6, 6, 5.5, 0, 1, 3, 4],
  ['中洲社区', '社区', '王志强', '否', 2, 2, 10, 100, 100, 100, 100, 88, '是', 100, 100, 7, 5, 5.5, 0, 0, 2.5, 3],
  ['梧桐社区', '社区', '陈丽', '否', 2, 2, 6, 98.5, 90, 98, 95, 92, '否', 90, 80, 5, 3, 4.5, 1, 2, 2, 2],
  ['龙源村', '村', '刘国平', '是', 9, 8, 11, 100, 100, 100, 100, '95%', '是', 100, 100, 7, 8, 5.8, 0, 0, 3, 5],
  ['梅池村', '村', '张德明', '是', 10, 10, 10, 100, 100, 100, 100, 96, '是', 100, 100, 7, 6, 5.8, 0, 0, 2.8, 4],
  ['黄金村', '村', '杨春生', '否', 8, 8, 10, 100, 100, '９８', 100, 97, '是', 100, 100, 7, 6, 5.5, 0, 1, 3, 4],
  ['幸福村', '村', '赵文军', '否', 7, 7, 9, 100, 100, 100, 100, 95, '是', 100, 95, 6, 6, 5.5, 0, 0, 2.5, 4],
  ['明星村', '村', '黄立新', '否', 6, 6, 10, 100, 95, 100, 100, 94, '是', 100, 100, 6, 5, 5.12, 0, 0, 2.5, 3],
  ['大前村', '村', '吴海涛', '否', 7, 8, 10, 100, 100, 100, 100, 95, '是', 100, 100, 7, 6, 5.5, 0, 0, 3, 4],
  ['小港村', '村', '徐红梅', '否', 6, 6, 8, 99, 100, 100, 100, 94, '是', 100, 100, 6, 4, 5, 0, 1, 2.5, 3],
  ['高丰村', '村', '孙建国', '否', 6, 6, 8, 99, 100, 100, 100, 94, '是', 100, 100, 6, 4, 5, 0, 1, 2.5, 3],
  ['三港村', '村', '胡卫东', '否', 6, 6, 8, 99, 100, 99, 98, 93, '是', 100, 100, 6, 4, 5, 1, 1, 2.5, 3],
  ['新和村', '村', '朱永红', '否', 5, 5, 7, 100, 100, 100, 98, 93, '是', 95, 100, 6, 4, 5, 0, 1, 2, 2],
  ['双山村', '村', '高志刚', '否', 6, 6, 7, 99, 95, 100, 96, 92, '是', 100, 90, 5, 4, 5, 0, 1, 2, 3],
  ['油铺村', '村', '林小平', '否', 5, 5, 7, 99, 95, 99, 95, 92, '是', 95, 90, 5, 3, 5, 1, 1, 2, 2],
  ['黄沙村', '村', '何先锋', '是', 9, 9, 6, 98.5, 90, 99, 95, 91, '是', 90, 90, 5, 3, 4.5, 1, 1, 2, 2],
  ['七里冲村', '村', '罗桂兰', '是', 9, 9, 5, 98.5, 90, 98.5, 92, 91, '否', 90, 85, 5, 2, 4.5, 1, 2, 2, 1],
  ['五爱村', '村', '郑光明', '是', 10, 10, 5, 99, 95, 99, 95, 90, '是', 95, 90, 4, 2, 3.5, 2, 2, 1.5, 2],
];

/** 问题清单 rows, columns as PROBLEM_HEADERS; categories by number and by words. */
export const DEMO_PROBLEM_ROWS: Cell[][] = [
  ['文白社区', 5, '市审计局审计发现2017年度危房改造补助资金发放手续不全，已责令补正', '审计', '2018-10-15', '否'],
  ['三港村', '弄虚作假', '贫困户收入台账与入户核实数据不符，虚增2户贫困户收入', '镇督查组', '2018-11-20', '否'],
  ['五爱村', '资金', '挪用产业扶贫资金12万元用于村部修缮', '纪检监察', '2018-09-05', '是'],
];

const months = (days: (number | null)[]): Cell[] => days;
/** Months 1–3 left blank: not assessed (the measures took effect in March). */
const FULL = [null, null, null, 22, 22, 21, 23, 22, 21, 22, 22, 21];

/** 帮扶单位 rows, columns as ASSISTANCE_HEADERS. */
export const DEMO_ASSISTANCE_ROWS: Cell[][] = [
  ['临湘市财政局', '龙源村', '是', '是', '是', '是', '是', 3, 8, 2, ...months(FULL), '是', '是', '是', '是', '是', '是'],
  ['临湘市交通运输局', '梅池村', '是', '是', '是', '是', '是', 2, 4.5, 1, ...months(FULL), '是', '是', '是', '是', '是', '是'],
  ['临湘市人民医院', '大前村', '否', '是', '是', '是', '是', 2, '50,000元', 1, ...months([null, null, null, 22, 21, 18, 22, 22, 21, 22, 20, 21]), '是', '是', '是', '是', '是', '是'],
  ['临湘市教育局', '小港村', '否', '是', '是', '是', '是', 2, '5万元', 1, ...months(FULL), '是', '否', '是', '是', '是', '是'],
  ['临湘市农业农村局', '五爱村', '是', '是', '是', '是', '是', 1, 6, 1, ...months(FULL), '是', '是', '是', '是', '是', '是'],
  ['国网临湘市供电公司', '高丰村', '否', '是', '是', '是', '是', 2, 3.5, 1, ...months(FULL), '是', '是', '是', '是', '是', '不适用'],
];

/** 考核参数 values of the demo (the others keep their defaults). */
export const DEMO_PARAMS: Record<string, string | number> = {
  镇名: '羊楼司镇',
  考核年度: 2018,
  考核日期: '2018-12-31',
};

/**
 * True when the input looks like the built-in demo: at least 15 of its units carry a
 * demo unit name with the demo's responsible person. Cost: O(units).
 * @example looksLikeDemo(readInput(templateSnapshot(true)).input) // => true
 */
export function looksLikeDemo(input: Pick<AssessmentInput, 'units'>): boolean {
  const demo = new Map(DEMO_DATA_ROWS.map((row) => [row[0], row[2]]));
  const matching = input.units.filter((unit) => unit.person !== null && demo.get(unit.name) === unit.person);
  return matching.length >= 15;
}
