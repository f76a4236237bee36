/**
 * Reads the 考核参数 sheet (two columns 参数 / 值) into `Params`, defaults filled in
 * (RULEBOOK, WORKBOOK "Input sheets"). Unknown names are warnings; unreadable values are
 * errors at the 值 cell saying what was expected; a blank 值 keeps the default.
 *
 * Money thresholds (帮扶资金) are read in 万元, by the same rule as money cells (RULEBOOK §6):
 * a unit in the cell wins (`5万元`, `50000元`), then a unit in the parameter name
 * (`贫困村帮扶资金（万元）`, `…（元）`), else 元 (`50000` → 5 万元). A bare number of at most
 * 1000 with no unit anywhere is read as 元 too, with a warning that it looks like 万元.
 */
import { a1 } from '../a1';
import type { AggregatePolicy, AssistanceThresholds, CellValue, HiddenRowsPolicy, MissingPolicy, Params, RankStyle, SheetGrid, TieMode } from '../types';
import type { MessageCode } from '../messages';
import { cellAt, formatAt, plainNumber, shownText } from './cells';
import type { IssueList } from './issues';
import { normalizeText, splitHeader } from './normalize';
import { findColumn, readTable } from './table';
import { cellText, isBlank, parseDateCell, parseNumberCell, parseYesNo } from './values';

/** The built-in defaults (RULEBOOK: every **default** is a parameter). */
export const DEFAULT_THRESHOLDS: AssistanceThresholds = { visits: 2, fundsPoor: 5, fundsOther: 3, bases: 1, daysPerMonth: 20 };
export const DEFAULT_TOWN = '羊楼司镇';

export type Canonical =
  | '镇名' | '考核年度' | '考核日期' | '整改期限天数' | '好等次名额' | '一般等次名额' | '并列处理'
  | '同分排序依据' | '分类排名' | '缺失数据' | '年终折算分值'
  | '隐藏行' | '评分汇总' | '排名方式' | '否决单位可评好' | '权重扰动幅度' | '权重扰动次数'
  | '现场办公次数' | '贫困村帮扶资金' | '非贫困村帮扶资金' | '产业发展基地数' | '每月驻村天数';

/** Exact names (normalized, quotes dropped) and their canonical parameter. */
const EXACT: [Canonical, string[]][] = [
  ['镇名', ['镇名', '镇', '乡镇', '镇名称', '乡镇名称']],
  ['考核年度', ['考核年度', '年度', '考核年份']],
  ['考核日期', ['考核日期', '日期']],
  ['整改期限天数', ['整改期限天数', '整改期限', '整改天数']],
  ['好等次名额', ['好等次名额', '好等次数', '好等次', '好等次个数']],
  ['一般等次名额', ['一般等次名额', '一般等次数', '一般等次', '一般等次个数']],
  ['并列处理', ['并列处理', '并列', '同分并列处理']],
  ['同分排序依据', ['同分排序依据', '同分排序', '排序依据']],
  ['分类排名', ['分类排名']],
  ['缺失数据', ['缺失数据', '缺失数据处理', '缺失值']],
  ['年终折算分值', ['年终折算分值', '折算分值', '年终折算']],
  ['隐藏行', ['隐藏行', '隐藏行处理', '隐藏的行']],
  ['评分汇总', ['评分汇总', '评分汇总方式', '多人评分', '评委评分汇总']],
  ['排名方式', ['排名方式', '排名方法', '名次方式']],
  ['否决单位可评好', ['否决单位可评好', '被否决单位可评好', '否决单位可评为好']],
  ['权重扰动幅度', ['权重扰动幅度', '扰动幅度']],
  ['权重扰动次数', ['权重扰动次数', '扰动次数']],
];
const EXACT_INDEX = new Map<string, Canonical>(EXACT.flatMap(([canon, names]) => names.map((n) => [n, canon] as [string, Canonical])));

/**
 * Which parameter a 参数 cell names: exact names first, then the keywords of the
 * assistance thresholds (RULEBOOK §6). Null when unknown.
 * @example parameterName('非贫困村帮扶资金（万元）') // => { canonical: '非贫困村帮扶资金', unit: '万元' }
 */
export function parameterName(raw: string): { canonical: Canonical; unit: string | null } | null {
  const { key, unit } = splitHeader(raw);
  const name = normalizeText(key).replace(/["“”'‘’]/g, '');
  const exact = EXACT_INDEX.get(name);
  if (exact) return { canonical: exact, unit };
  const has = (...words: string[]) => words.every((w) => name.includes(w));
  if (has('现场办公')) return { canonical: '现场办公次数', unit };
  if (has('非贫困村', '资金')) return { canonical: '非贫困村帮扶资金', unit };
  if (has('贫困村', '资金')) return { canonical: '贫困村帮扶资金', unit };
  if (has('产业', '基地')) return { canonical: '产业发展基地数', unit };
  if (has('驻村', '天数')) return { canonical: '每月驻村天数', unit };
  return null;
}

/** Splits a 同分排序依据 list on 、，,;；/>→ and spaces. @example splitList('减贫成效>精准识别') // => ['减贫成效','精准识别'] */
export function splitList(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[、,;/>→\s]+/)
    .map((part) => normalizeText(part))
    .filter((part) => part.length > 0);
}

const TIE_WORDS: Record<string, TieMode> = { 就高: 'high', 并列就高: 'high', 取高: 'high', 高: 'high', 就低: 'low', 并列就低: 'low', 取低: 'low', 低: 'low' };
const HIDDEN_WORDS: Record<string, HiddenRowsPolicy> = { 计入: 'count', 计算: 'count', 包括: 'count', 是: 'count', 不计入: 'exclude', 不计算: 'exclude', 排除: 'exclude', 不包括: 'exclude', 否: 'exclude' };
const AGGREGATE_WORDS: Record<string, AggregatePolicy> = { 平均: 'mean', 平均值: 'mean', 平均分: 'mean', 算术平均: 'mean', 去掉最高最低: 'trimmed', 去掉一个最高分和一个最低分: 'trimmed', 去掉最高分和最低分: 'trimmed', 去高去低: 'trimmed', 去掉最高最低分: 'trimmed' };
const RANK_WORDS: Record<string, RankStyle> = { 美式: 'competition', 美式排名: 'competition', 标准: 'competition', 标准排名: 'competition', 中国式: 'dense', 中国式排名: 'dense', 密集: 'dense', 连续: 'dense' };
const MISSING_WORDS: Record<string, MissingPolicy> = {
  报错: 'error', 错误: 'error', 提示错误: 'error',
  按0分: 'zero', 按零分: 'zero', '0分': 'zero', 记0分: 'zero', 计0分: 'zero', 零分: 'zero', 按0分计: 'zero',
};

/**
 * Reads an amount in 万元 (see the module comment for the rule). Null when unreadable.
 * @example moneyInWan('50000', null, null) // => 5
 */
export function moneyInWan(value: CellValue, fmt: string | null, nameUnit: string | null): number | null {
  const unit = nameUnit ? normalizeText(nameUnit) : null;
  const parsed = parseNumberCell(value, fmt, { kind: 'number', money: true, headerUnit: unit });
  return parsed.ok && parsed.value !== null ? parsed.value : null;
}

/**
 * True when a money parameter is a bare number of at most 1000 with no unit in the cell or
 * the name: read as 元 by the rule, but it most likely meant 万元 (a warning says so).
 * @example looksLikeWan(5, null) // => true
 */
export function looksLikeWan(value: CellValue, nameUnit: string | null): boolean {
  if (nameUnit && /元|万/.test(normalizeText(nameUnit))) return false;
  const text = normalizeText(cellText(value));
  if (!/^[0-9.,]+$/.test(text)) return false;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) && n > 0 && n <= 1000;
}

interface Found {
  value: CellValue;
  fmt: string | null;
  row: number;
  col: number;
  unit: string | null;
  name: string;
}

/**
 * Reads 考核参数 (or nothing, when `grid` is undefined) into Params.
 * `dimensions` are the indicator table's dimensions in table order (tie-break default and check).
 * Issues go to `issues`; never throws. Cost: O(cells of the sheet).
 * @example readParams(undefined, '考核参数', ['减贫成效'], new Date('2019-01-05'), issues).year // => 2019
 */
export function readParams(grid: SheetGrid | undefined, sheet: string, dimensions: string[], now: Date, issues: IssueList): Params {
  const found = new Map<Canonical, Found>();
  if (grid) collectParameters(grid, sheet, issues, found);

  const given: string[] = [];
  const bad = (f: Found, code: MessageCode, extra: Record<string, string | number> = {}) =>
    issues.error(sheet, f.row, f.col, code, { name: f.name, found: shownText(f.value), ...extra });
  const take = <T>(canon: Canonical, parse: (f: Found) => T | undefined, fallback: T): T => {
    const f = found.get(canon);
    if (!f) return fallback;
    const v = parse(f);
    if (v === undefined) return fallback;
    given.push(canon);
    return v;
  };
  const whole = (min: number) => (f: Found) => {
    const n = plainNumber(f.value, f.fmt);
    if (n === null || n === undefined || !Number.isInteger(n) || n < min) return void bad(f, 'read.param.wholeNumber', { min });
    return n;
  };
  const money = (f: Found) => {
    const wan = moneyInWan(f.value, f.fmt, f.unit);
    if (wan === null) return void bad(f, 'read.param.money');
    if (looksLikeWan(f.value, f.unit)) {
      issues.warning(sheet, f.row, f.col, 'read.param.moneyBare', { name: f.name, found: shownText(f.value) });
    }
    return wan;
  };
  const words = <T>(table: Record<string, T>, code: MessageCode) => (f: Found): T | undefined =>
    table[normalizeText(cellText(f.value))] ?? void bad(f, code);
  const atLeastZero = (f: Found) => {
    const n = plainNumber(f.value, f.fmt);
    if (n === null || n === undefined || n < 0) return void bad(f, 'read.param.number');
    return n;
  };

  const town = take('镇名', (f) => normalizeText(cellText(f.value)), DEFAULT_TOWN);
  const date = take('考核日期', (f) => {
    const parsed = parseDateCell(f.value);
    if (!parsed.ok || parsed.value === null) return void bad(f, 'read.param.date');
    return parsed.value;
  }, null as string | null);
  const year = take('考核年度', (f) => {
    const n = plainNumber(f.value, f.fmt);
    if (n === null || n === undefined || !Number.isInteger(n) || n < 1900 || n > 2200) return void bad(f, 'read.param.year');
    return n;
  }, date ? Number(date.slice(0, 4)) : now.getFullYear());
  const params: Params = {
    town,
    year,
    date: date ?? `${year}-12-31`,
    deadlineDays: take('整改期限天数', whole(1), 30),
    goodQuota: take('好等次名额', whole(0), 3),
    averageQuota: take('一般等次名额', whole(0), 2),
    tieMode: take('并列处理', words(TIE_WORDS, 'read.param.tieMode'), 'high' as TieMode),
    tieBreak: take('同分排序依据', (f) => tieBreakList(f, sheet, dimensions, issues), dimensions.slice()),
    rankByType: take('分类排名', (f) => {
      const parsed = parseYesNo(f.value);
      return parsed.ok && parsed.value !== null ? parsed.value : void bad(f, 'read.param.yesNo');
    }, false),
    missing: take('缺失数据', words(MISSING_WORDS, 'read.param.missing'), 'error' as MissingPolicy),
    conversion: take('年终折算分值', (f) => {
      const n = plainNumber(f.value, f.fmt);
      return n !== null && n !== undefined && n > 0 ? n : void bad(f, 'read.param.positive');
    }, null as number | null),
    assistance: {
      visits: take('现场办公次数', atLeastZero, DEFAULT_THRESHOLDS.visits),
      fundsPoor: take('贫困村帮扶资金', money, DEFAULT_THRESHOLDS.fundsPoor),
      fundsOther: take('非贫困村帮扶资金', money, DEFAULT_THRESHOLDS.fundsOther),
      bases: take('产业发展基地数', atLeastZero, DEFAULT_THRESHOLDS.bases),
      daysPerMonth: take('每月驻村天数', (f) => {
        const n = plainNumber(f.value, f.fmt);
        return n !== null && n !== undefined && n >= 0 && n <= 31 ? n : void bad(f, 'read.param.days');
      }, DEFAULT_THRESHOLDS.daysPerMonth),
    },
    hiddenRows: take('隐藏行', words(HIDDEN_WORDS, 'read.param.hiddenRows'), 'count' as HiddenRowsPolicy),
    aggregate: take('评分汇总', words(AGGREGATE_WORDS, 'read.param.aggregate'), 'mean' as AggregatePolicy),
    rankStyle: take('排名方式', words(RANK_WORDS, 'read.param.rankStyle'), 'competition' as RankStyle),
    vetoedMayBeGood: take('否决单位可评好', (f) => {
      const parsed = parseYesNo(f.value);
      return parsed.ok && parsed.value !== null ? parsed.value : void bad(f, 'read.param.yesNo');
    }, false),
    robustness: {
      spread: take('权重扰动幅度', (f) => {
        const raw = plainNumber(f.value, f.fmt);
        // `10%` and a %-formatted 0.1 are fractions; a bare 10 means percent points.
        const percent = /%/.test(cellText(f.value)) || (f.fmt ?? '').includes('%');
        const n = raw !== null && raw !== undefined && raw >= 1 && !percent ? raw / 100 : raw;
        return n !== null && n !== undefined && n > 0 && n < 1 ? n : void bad(f, 'read.param.spread');
      }, 0.1),
      runs: take('权重扰动次数', (f) => {
        const n = plainNumber(f.value, f.fmt);
        return n !== null && n !== undefined && Number.isInteger(n) && n >= 1 && n <= 100000 ? n : void bad(f, 'read.param.runs');
      }, 1000),
    },
    given: [],
  };
  const order = new Map<string, number>([...EXACT.map(([c]) => c as string), '现场办公次数', '贫困村帮扶资金', '非贫困村帮扶资金', '产业发展基地数', '每月驻村天数'].map((c, i) => [c, i]));
  params.given = given.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  return params;
}

/** Reads the rows of the sheet into `found` (first occurrence of each parameter). */
function collectParameters(grid: SheetGrid, sheet: string, issues: IssueList, found: Map<Canonical, Found>): void {
  const table = readTable(grid, ['参数', '参数名称', '参数名', '项目']);
  if (!table) {
    issues.error(sheet, null, null, 'read.sheet.noHeader', { column: '参数' });
    return;
  }
  const valueCol = findColumn(table, ['值', '参数值', '取值', '设定值', '数值', '设置'])?.col ?? table.keyCol + 1;
  for (const row of table.rows) {
    const nameCell = cellAt(row, table.keyCol);
    if (isBlank(nameCell)) continue;
    const rawName = cellText(nameCell);
    const named = parameterName(rawName);
    if (!named) {
      issues.warning(sheet, row.row, table.keyCol, 'read.param.unknown', { name: shownText(nameCell) });
      continue;
    }
    const value = cellAt(row, valueCol);
    if (isBlank(value)) continue;
    const previous = found.get(named.canonical);
    if (previous) {
      if (normalizeText(cellText(previous.value)) !== normalizeText(cellText(value))) {
        issues.error(sheet, row.row, table.keyCol, 'read.param.duplicate', { name: named.canonical, first: a1(previous.row, table.keyCol) });
      }
      continue;
    }
    found.set(named.canonical, { value, fmt: formatAt(row, valueCol), row: row.row, col: valueCol, unit: named.unit, name: named.canonical });
  }
}

/** 同分排序依据: every name must be a dimension (error at the 值 cell for each that is not). */
function tieBreakList(f: Found, sheet: string, dimensions: string[], issues: IssueList): string[] | undefined {
  const byKey = new Map(dimensions.map((d) => [normalizeText(d), d]));
  const names = splitList(cellText(f.value));
  const out: string[] = [];
  let ok = true;
  for (const name of names) {
    const dimension = byKey.get(name);
    if (!dimension) {
      ok = false;
      issues.error(sheet, f.row, f.col, 'read.param.tieBreak', { dimension: name, dimensions: dimensions.join('、') });
    } else if (!out.includes(dimension)) out.push(dimension);
  }
  return ok && out.length > 0 ? out : undefined;
}
