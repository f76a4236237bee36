/**
 * Sentences the report builds from result data: a veto in words with its evidence (the
 * one rendering of a veto, for 考核结果, 约谈名单 and the JSON) and a method's Chinese name.
 * Rendered through messages.ts; numbers come from ../numbers.
 */
import { t } from '../messages';
import type { Indicator, Lang, Method, Veto, VetoCategory } from '../types';

/**
 * The veto condition of the measures 六、1–5 in words.
 * @example conditionText(1, 'zh') // => '未完成年度减贫计划任务'
 */
export function conditionText(category: VetoCategory, lang: Lang): string {
  return t({ code: `report.condition.${category}` as const }, lang);
}

/**
 * One veto as a sentence: condition, what happened, evidence.
 * @example vetoLine(veto, 'zh') // => '未完成年度减贫计划任务：…（依据：考核数据!E5/F5）'
 */
export function vetoLine(veto: Pick<Veto, 'category' | 'text' | 'evidence'>, lang: Lang): string {
  return t(
    {
      code: 'report.vetoLine',
      params: { condition: conditionText(veto.category, lang), text: t(veto.text, lang), evidence: veto.evidence },
    },
    lang,
  );
}

const METHOD_NAMES: Record<Method, string> = {
  ratio: '比例',
  range: '区间',
  pass: '达标',
  deduction: '扣分',
  bonus: '加分',
  direct: '直接',
  relative: '相对',
};

/** Methods for which 正向/逆向 changes the formula. */
const DIRECTED: ReadonlySet<Method> = new Set<Method>(['ratio', 'range', 'pass', 'relative']);

/**
 * The 计分方法 as written in 指标设置 (Chinese), with 正向/逆向 where it matters.
 * @example methodText({ method: 'ratio', direction: 'up' }) // => '比例（正向）'
 */
export function methodText(indicator: Pick<Indicator, 'method' | 'direction'>): string {
  const name = METHOD_NAMES[indicator.method];
  if (!DIRECTED.has(indicator.method)) return name;
  return `${name}（${indicator.direction === 'down' ? '逆向' : '正向'}）`;
}

/** The Chinese method name alone (`比例`), as 指标设置 spells it. */
export function methodName(method: Method): string {
  return METHOD_NAMES[method];
}
