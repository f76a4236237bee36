/**
 * The 帮扶单位考核 sheet (measures 三、2, 四(二), 五(一)): laid out as the report to
 * 市扶贫办 — one row per assistance unit, one column per checked item
 * (`达标：fact`, `未达标：fact` in red, `不适用`), the overall conclusion and the
 * failing items listed.
 */
import { ASSISTANCE_ITEM_KEYS } from '../defaults';
import { t } from '../messages';
import type { AssessmentResult, AssistanceItemKey, AssistanceItemResult, AssistanceResult, OutCell, OutputSheet } from '../types';
import { FAIL_FILL, numberCell, tableSheet, textCell } from './layout';

export const ASSISTANCE_SHEET = '帮扶单位考核';


/**
 * Status word of an item: 达标, 未达标 or 不适用.
 * @example itemStatus({ passed: null }) // => '不适用'
 */
export function itemStatus(item: Pick<AssistanceItemResult, 'passed'>): string {
  if (item.passed === null) return '不适用';
  return item.passed ? '达标' : '未达标';
}

function itemCell(item: AssistanceItemResult | undefined): OutCell {
  if (!item) return textCell('');
  const fact = t(item.fact, 'zh');
  const text = fact ? `${itemStatus(item)}：${fact}` : itemStatus(item);
  return textCell(text, { wrap: true, fill: item.passed === false ? FAIL_FILL : undefined });
}

/** The item columns present in at least one unit, in the order of the measures. */
export function assistanceColumns(units: AssistanceResult[]): AssistanceItemKey[] {
  const present = new Set(units.flatMap((unit) => unit.items.map((item) => item.item)));
  return ASSISTANCE_ITEM_KEYS.filter((key) => present.has(key));
}

/**
 * Builds 帮扶单位考核, or null when the result has no assistance units.
 * Cost: O(units × items).
 */
export function assistanceSheet(result: AssessmentResult): OutputSheet | null {
  if (result.assistance === null) return null;
  const columns = assistanceColumns(result.assistance);
  const rows = result.assistance.map((unit, i) => {
    const byKey = new Map(unit.items.map((item) => [item.item, item]));
    const failing = unit.items.filter((item) => item.passed === false).map((item) => `${item.item}：${t(item.fact, 'zh')}`);
    return [
      numberCell(i + 1),
      textCell(unit.name),
      textCell(unit.village),
      ...columns.map((key) => itemCell(byKey.get(key))),
      textCell(unit.passed ? '达标' : '未达标', { bold: true, align: 'center', fill: unit.passed ? undefined : FAIL_FILL }),
      textCell(failing.join('\n'), { wrap: true }),
    ];
  });
  const sheet = tableSheet({
    name: ASSISTANCE_SHEET,
    title: `${result.params.town}${result.params.year}年度帮扶单位脱贫攻坚工作考核结果——报市扶贫办`,
    headers: ['序号', '帮扶单位', '联点村', ...columns, '综合结论', '未达标事项'],
    rows,
    freezeCols: 2,
  });
  // Item columns hold a status and a fact: keep them readable but not page-wide.
  sheet.widths = sheet.widths.map((w, col) => (col >= 3 && col < 3 + columns.length ? Math.min(w, 22) : w));
  return sheet;
}
