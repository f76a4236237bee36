/**
 * The parameters of 考核参数 as Kaohe writes them (template and 考核说明): canonical
 * name, the value shown, and the sentence that explains it.
 */
import type { MessageCode } from '../messages';
import { formatPercent } from '../numbers';
import type { Params } from '../types';

export interface ParamLine {
  /** Canonical name, as in Params.given (read/params.ts). */
  name: string;
  /** The 参数 cell as the template writes it (the name, with a unit where it helps). */
  label: string;
  /** The value as written in 考核参数 ('' when blank means "use the default"). */
  value: (params: Params) => string | number;
  description: MessageCode;
}

/** Every parameter of WORKBOOK 考核参数, in the order the template writes them. */
export const PARAM_LINES: ParamLine[] = [
  { name: '镇名', label: '镇名', value: (p) => p.town, description: 'report.param.town' },
  { name: '考核年度', label: '考核年度', value: (p) => p.year, description: 'report.param.year' },
  { name: '考核日期', label: '考核日期', value: (p) => p.date, description: 'report.param.date' },
  { name: '整改期限天数', label: '整改期限天数', value: (p) => p.deadlineDays, description: 'report.param.deadlineDays' },
  { name: '好等次名额', label: '好等次名额', value: (p) => p.goodQuota, description: 'report.param.goodQuota' },
  { name: '一般等次名额', label: '一般等次名额', value: (p) => p.averageQuota, description: 'report.param.averageQuota' },
  { name: '并列处理', label: '并列处理', value: (p) => (p.tieMode === 'high' ? '就高' : '就低'), description: 'report.param.tieMode' },
  { name: '同分排序依据', label: '同分排序依据', value: (p) => p.tieBreak.join('、'), description: 'report.param.tieBreak' },
  { name: '分类排名', label: '分类排名', value: (p) => (p.rankByType ? '是' : '否'), description: 'report.param.rankByType' },
  { name: '缺失数据', label: '缺失数据', value: (p) => (p.missing === 'zero' ? '按0分' : '报错'), description: 'report.param.missing' },
  { name: '年终折算分值', label: '年终折算分值', value: (p) => p.conversion ?? '', description: 'report.param.conversion' },
  { name: '现场办公次数', label: '正职现场办公次数', value: (p) => p.assistance.visits, description: 'report.param.visits' },
  { name: '贫困村帮扶资金', label: '贫困村帮扶资金（万元）', value: (p) => p.assistance.fundsPoor, description: 'report.param.fundsPoor' },
  { name: '非贫困村帮扶资金', label: '非贫困村帮扶资金（万元）', value: (p) => p.assistance.fundsOther, description: 'report.param.fundsOther' },
  { name: '产业发展基地数', label: '产业发展基地个数', value: (p) => p.assistance.bases, description: 'report.param.bases' },
  { name: '每月驻村天数', label: '每月驻村天数', value: (p) => p.assistance.daysPerMonth, description: 'report.param.daysPerMonth' },
  { name: '隐藏行', label: '隐藏行', value: (p) => (p.hiddenRows === 'exclude' ? '不计入' : '计入'), description: 'report.param.hiddenRows' },
  { name: '评分汇总', label: '评分汇总', value: (p) => (p.aggregate === 'trimmed' ? '去掉最高最低' : '平均'), description: 'report.param.aggregate' },
  { name: '排名方式', label: '排名方式', value: (p) => (p.rankStyle === 'dense' ? '中国式' : '美式'), description: 'report.param.rankStyle' },
  { name: '否决单位可评好', label: '否决单位可评好', value: (p) => (p.vetoedMayBeGood ? '是' : '否'), description: 'report.param.vetoedMayBeGood' },
  { name: '权重扰动幅度', label: '权重扰动幅度', value: (p) => formatPercent(p.robustness.spread), description: 'report.param.spread' },
  { name: '权重扰动次数', label: '权重扰动次数', value: (p) => p.robustness.runs, description: 'report.param.runs' },
];
