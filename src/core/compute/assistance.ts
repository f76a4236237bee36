/**
 * Step 6 of compute: the assistance-unit checklist (RULEBOOK §6, measures 四(二)). Each
 * item present in a row is 达标 / 未达标 (or 不适用) with the fact that decided it; a unit
 * passes only when every applicable item passes.
 */
import { ASSISTANCE_ITEM_KEYS } from '../defaults';
import { t } from '../messages';
import type {
  AssistanceItemInput,
  AssistanceItemKey,
  AssistanceItemResult,
  AssistanceResult,
  AssistanceRow,
  AssistanceThresholds,
  Msg,
} from '../types';
import { formatNumber } from '../numbers';

type Checked = Omit<AssistanceItemResult, 'item'>;

/** A yes item: passes on true; null and false fail. @example checkYes(true, 'F5').fact // => { code: 'assistance.yes' } */
export function checkYes(value: boolean | null, cell: string): Checked {
  const code = value === true ? 'assistance.yes' : value === false ? 'assistance.no' : 'assistance.blank';
  return { passed: value === true, fact: { code }, cell };
}

/** Message codes for a `value ≥ threshold` check in a given unit of measure. */
const COMPARE_CODES = {
  visits: { met: 'assistance.visits.met', short: 'assistance.visits.short', blank: 'assistance.visits.blank' },
  funds: { met: 'assistance.funds.met', short: 'assistance.funds.short', blank: 'assistance.funds.blank' },
  bases: { met: 'assistance.bases.met', short: 'assistance.bases.short', blank: 'assistance.bases.blank' },
  plain: { met: 'assistance.count.met', short: 'assistance.count.short', blank: 'assistance.count.blank' },
} as const;

/**
 * A `value ≥ threshold` item (visits, funds in 万元, bases); blank fails.
 * @example t(checkAtLeast(4.5, 5, 'funds', 'J5').fact, 'zh') // => '4.5 万元 < 5 万元'
 */
export function checkAtLeast(value: number | null, threshold: number, unit: keyof typeof COMPARE_CODES, cell: string): Checked {
  const codes = COMPARE_CODES[unit];
  // 万元 to the 元: four decimals, so that a bare `5` (元) does not read as "0 万元".
  const digits = unit === 'funds' ? 4 : 2;
  const shownThreshold = formatNumber(threshold, digits);
  if (value === null) return { passed: false, fact: { code: codes.blank, params: { threshold: shownThreshold } }, cell };
  const passed = value >= threshold;
  return {
    passed,
    fact: { code: passed ? codes.met : codes.short, params: { value: formatNumber(value, digits), threshold: shownThreshold } },
    cell,
  };
}

/**
 * 驻村时间: every assessed month ≥ `daysPerMonth` (blank months were left out by the
 * reader); with a 最少月驻村天数 column, that minimum decides. No month at all fails
 * (no evidence of any stay). The fact lists the months that fall short, in both languages.
 * @example t(checkMonths(item, 20).fact, 'zh') // => '3月 18 天、7月 15 天，低于 20 天'
 */
export function checkMonths(item: Extract<AssistanceItemInput, { kind: 'months' }>, daysPerMonth: number): Checked {
  const threshold = formatNumber(daysPerMonth);
  if (item.minimum) {
    const passed = item.minimum.days >= daysPerMonth;
    return {
      passed,
      fact: {
        code: passed ? 'assistance.minimum.met' : 'assistance.minimum.short',
        params: { value: formatNumber(item.minimum.days), threshold },
      },
      cell: item.minimum.cell,
    };
  }
  if (item.months.length === 0) return { passed: false, fact: { code: 'assistance.months.none' }, cell: item.cell };
  const short = [...item.months].sort((a, b) => a.month - b.month).filter((m) => m.days < daysPerMonth);
  if (short.length === 0) {
    return { passed: true, fact: { code: 'assistance.months.met', params: { count: item.months.length, threshold } }, cell: item.cell };
  }
  const list = (lang: 'zh' | 'en'): string =>
    short
      .map((m) => t({ code: 'assistance.month', params: { month: m.month, days: formatNumber(m.days) } }, lang))
      .join(t({ code: 'assistance.listSeparator' }, lang));
  return {
    passed: false,
    fact: { code: 'assistance.months.short', params: { shortZh: list('zh'), shortEn: list('en'), threshold } },
    cell: short[0].cell,
  };
}

/** Which `≥` check a count item is. */
function countUnit(key: AssistanceItemKey): keyof typeof COMPARE_CODES {
  if (key === '正职现场办公') return 'visits';
  if (key === '产业发展基地') return 'bases';
  return 'plain';
}

/** The threshold of a count item (1 for a count on an item that has no threshold of its own). */
function countThreshold(key: AssistanceItemKey, thresholds: AssistanceThresholds): number {
  if (key === '正职现场办公') return thresholds.visits;
  if (key === '产业发展基地') return thresholds.bases;
  return 1;
}

/**
 * Checks one item. Cost: O(months). Never throws.
 * @example checkItem('正职现场办公', { kind: 'count', value: 3, cell: 'H5' }, row, thresholds).passed // => true
 */
export function checkItem(
  key: AssistanceItemKey,
  item: AssistanceItemInput,
  row: Pick<AssistanceRow, 'poor'>,
  thresholds: AssistanceThresholds,
): AssistanceItemResult {
  let checked: Checked;
  switch (item.kind) {
    case 'yes':
      checked = checkYes(item.value, item.cell);
      break;
    case 'count':
      checked = checkAtLeast(item.value, countThreshold(key, thresholds), countUnit(key), item.cell);
      break;
    case 'money':
      checked = checkAtLeast(item.wan, row.poor === true ? thresholds.fundsPoor : thresholds.fundsOther, 'funds', item.cell);
      break;
    case 'months':
      checked = checkMonths(item, thresholds.daysPerMonth);
      break;
    case 'na':
      checked = { passed: null, fact: { code: 'assistance.na' } as Msg, cell: item.cell };
      break;
  }
  return { item: key, ...checked };
}

/**
 * Checks one assistance unit: the items present, in the order of the measures.
 * Cost: O(items). Never throws.
 * @example checkAssistanceRow(row, thresholds).passed // => false
 */
export function checkAssistanceRow(row: AssistanceRow, thresholds: AssistanceThresholds): AssistanceResult {
  const items: AssistanceItemResult[] = [];
  for (const key of ASSISTANCE_ITEM_KEYS) {
    const item = row.items[key];
    if (item) items.push(checkItem(key, item, row, thresholds));
  }
  return { name: row.name, village: row.village, passed: items.every((item) => item.passed !== false), items };
}

/**
 * Checks every assistance unit, in row order; null when there is no 帮扶单位 sheet.
 * Cost: O(rows × items).
 */
export function checkAssistance(rows: AssistanceRow[] | null, thresholds: AssistanceThresholds): AssistanceResult[] | null {
  if (rows === null) return null;
  return rows.map((row) => checkAssistanceRow(row, thresholds));
}
