/**
 * Naming a veto condition (measures 六、1–5) in a cell: 否决类别 in 指标设置 and
 * 问题类别 in 问题清单 (WORKBOOK: "by its number (1–5) or by its words").
 */
import { VETO_CONDITIONS } from '../defaults';
import type { CellValue, VetoCategory } from '../types';
import { normalizeText } from './normalize';
import { cellText } from './values';

const CHINESE_DIGITS: Record<string, VetoCategory> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/**
 * Distinctive words, checked in this order (the first hit wins). 资金 comes last so
 * that "资金问题被审计发现" is still read by its more specific words.
 */
const KEYWORDS: [VetoCategory, string[]][] = [
  [1, ['减贫计划', '减贫任务']],
  [3, ['弄虚作假', '数字脱贫']],
  [4, ['准确率', '满意度']],
  [5, ['违纪违规', '违纪', '纪检', '监察', '审计']],
  [2, ['资金']],
];

const FULL_TEXTS = new Map<string, VetoCategory>(
  (Object.entries(VETO_CONDITIONS) as [string, string][]).map(([n, text]) => [normalizeText(text).replace(/["“”]/g, ''), Number(n) as VetoCategory]),
);

/**
 * Reads a veto category from a cell: a number 1–5 (also `六、1`, `第1条`, `一`), the full
 * text of a condition, or a distinctive part of it. Null when it names none.
 * Cost: O(length of the text).
 * @example vetoCategory('数字脱贫') // => 3
 * @example vetoCategory(4) // => 4
 * @example vetoCategory('其他') // => null
 */
export function vetoCategory(value: CellValue): VetoCategory | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 5 ? (value as VetoCategory) : null;
  const text = normalizeText(cellText(value)).replace(/["“”]/g, '');
  if (!text) return null;
  const numbered = /^(?:第|条件|六、?|六\.)?([1-5一二三四五])(?:条|项|[、.．])?$/.exec(text);
  if (numbered) return CHINESE_DIGITS[numbered[1]] ?? (Number(numbered[1]) as VetoCategory);
  const full = FULL_TEXTS.get(text);
  if (full) return full;
  for (const [category, words] of KEYWORDS) {
    if (words.some((w) => text.includes(w))) return category;
  }
  return null;
}
