/**
 * Reads 帮扶单位 (assistance units, RULEBOOK §6) into `AssistanceRow[]`: the unit, its
 * linked village (a unit of 考核数据), whether that village is poor, and one input per
 * checklist item, found by a header that contains the item key (or an alias).
 *
 * A missing item column is a warning (the item is not assessed). A blank item cell is an
 * error, or with 缺失数据=按0分 a warning and a null value (counted as not met); blank
 * months of 驻村时间 are simply not assessed, and a blank 资金整合任务 means 不适用.
 * Cell references are full (`帮扶单位!D5`; months `帮扶单位!K5:V5`).
 */
import { a1 } from '../a1';
import { ASSISTANCE_ITEM_KEYS } from '../defaults';
import type { AssistanceItemInput, AssistanceItemKey, AssistanceRow, MissingPolicy, SheetGrid, UnitRow } from '../types';
import { cellAt, formatAt, shownText } from './cells';
import type { IssueList } from './issues';
import { normalizeText } from './normalize';
import { resolveUnit, type UnitMatcher } from './problems';
import { findColumn, readTable, type Table, type TableHeader, type TableRow } from './table';
import { cellText, isBlank, parseNumberCell, parseYesNo } from './values';

type ItemKind = 'yes' | 'count' | 'money' | 'task';

/** The items of RULEBOOK §6 other than 驻村时间, in matching order, with header aliases. */
const ASSISTANCE_ITEMS: { key: AssistanceItemKey; kind: ItemKind; aliases: string[] }[] = [
  { key: '纳入议事日程', kind: 'yes', aliases: ['纳入议事日程', '议事日程'] },
  { key: '成立领导小组', kind: 'yes', aliases: ['成立领导小组', '领导小组'] },
  { key: '制定实施方案', kind: 'yes', aliases: ['制定实施方案', '实施方案'] },
  { key: '建立干部联户制度', kind: 'yes', aliases: ['建立干部联户制度', '干部联户', '联户制度'] },
  { key: '正职现场办公', kind: 'count', aliases: ['正职现场办公', '现场办公'] },
  { key: '帮扶资金物资', kind: 'money', aliases: ['帮扶资金物资', '帮扶资金和物资', '资金和物资', '资金物资', '帮扶资金'] },
  { key: '产业发展基地', kind: 'count', aliases: ['产业发展基地', '产业基地'] },
  { key: '工作规划', kind: 'yes', aliases: ['工作规划'] },
  { key: '半年总结', kind: 'yes', aliases: ['半年总结', '半年工作总结'] },
  { key: '全年总结', kind: 'yes', aliases: ['全年总结', '年度总结', '全年工作总结'] },
  { key: '结对帮扶', kind: 'yes', aliases: ['结对帮扶'] },
  { key: '每户脱贫方案', kind: 'yes', aliases: ['每户脱贫方案', '脱贫方案'] },
  { key: '资金整合任务', kind: 'task', aliases: ['资金整合任务', '资金整合'] },
];

/** The order of items in a row (RULEBOOK §6 table order). */
const ITEM_ORDER = ASSISTANCE_ITEM_KEYS;

const NOT_APPLICABLE = new Set(['不适用', '无此任务', '无此项', '无任务', 'na', 'n/a']);
const CHINESE_MONTHS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};
const MONTH_HEADER = /^(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月/;
const SINGLE_STAY = ['最少月驻村天数', '驻村天数', '驻村时间', '月驻村天数'];

/**
 * The month (1–12) a header names, or null: `1月`, `12月驻村天数`, `十一月`.
 * @example monthOf('3月驻村天数') // => 3
 */
export function monthOf(key: string): number | null {
  const m = MONTH_HEADER.exec(normalizeText(key));
  if (!m) return null;
  return CHINESE_MONTHS[m[1]] ?? Number(m[1]);
}

/** Finds a header for the aliases among free columns: equal key first, then containing. */
function claim(headers: TableHeader[], aliases: string[], used: Set<number>): TableHeader | null {
  const keys = aliases.map(normalizeText);
  for (const h of headers) if (!used.has(h.col) && keys.includes(h.key)) return h;
  for (const h of headers) if (!used.has(h.col) && keys.some((k) => h.key.includes(k))) return h;
  return null;
}

interface Layout {
  items: { key: AssistanceItemKey; kind: ItemKind; header: TableHeader }[];
  months: { month: number; header: TableHeader }[];
  minimum: TableHeader | null;
}

/** Which column holds which item; a warning per item with no column. */
function layoutOf(table: Table & { keyCol: number }, used: Set<number>, sheet: string, issues: IssueList): Layout {
  const months: Layout['months'] = [];
  for (const h of table.headers) {
    const month = used.has(h.col) ? null : monthOf(h.key);
    if (month !== null) {
      months.push({ month, header: h });
      used.add(h.col);
    }
  }
  const minimum = months.length === 0 ? claim(table.headers, SINGLE_STAY, used) : null;
  if (minimum) used.add(minimum.col);
  const items: Layout['items'] = [];
  for (const item of ASSISTANCE_ITEMS) {
    const header = claim(table.headers, item.aliases, used);
    if (!header) continue;
    used.add(header.col);
    items.push({ key: item.key, kind: item.kind, header });
  }
  const present = new Set<AssistanceItemKey>(items.map((i) => i.key));
  if (months.length > 0 || minimum) present.add('驻村时间');
  for (const key of ITEM_ORDER) if (!present.has(key)) issues.warning(sheet, null, null, 'read.assist.itemMissing', { item: key });
  return { items, months, minimum };
}

/**
 * Reads 帮扶单位. `match` resolves 联点村 against 考核数据; `units` give 是否贫困村 when the
 * sheet has no such column. Cost: O(rows × columns).
 * @example readAssistance(grid, '帮扶单位', units, match, 'error', issues)[0].items['帮扶资金物资'] // => { kind: 'money', wan: 5, cell: '帮扶单位!F3' }
 */
export function readAssistance(
  grid: SheetGrid,
  sheet: string,
  units: UnitRow[],
  match: UnitMatcher,
  missing: MissingPolicy,
  issues: IssueList,
): AssistanceRow[] {
  const table = readTable(grid, ['帮扶单位', '帮扶单位名称', '单位名称']);
  if (!table) {
    issues.error(sheet, null, null, 'read.sheet.noHeader', { column: '帮扶单位' });
    return [];
  }
  const villageCol = findColumn(table, ['联点村', '联系村', '帮扶村', '对口村', '联点村(社区)'])?.col ?? null;
  if (villageCol === null) issues.error(sheet, null, null, 'read.column.missing', { column: '联点村' });
  const poorCol = findColumn(table, ['是否贫困村', '贫困村'])?.col ?? null;
  const used = new Set<number>([table.keyCol, ...(villageCol === null ? [] : [villageCol]), ...(poorCol === null ? [] : [poorCol])]);
  const layout = layoutOf(table, used, sheet, issues);
  const poorByUnit = new Map(units.map((u) => [u.name, u.poor]));

  const rows: AssistanceRow[] = [];
  for (const row of table.rows) {
    const at = (col: number) => ({ sheet, row: row.row, col });
    const nameValue = cellAt(row, table.keyCol);
    if (isBlank(nameValue)) issues.error(sheet, row.row, table.keyCol, 'read.cell.required', { column: '帮扶单位' });
    const village = villageCol === null ? null : resolveUnit(match, cellAt(row, villageCol), '联点村', at(villageCol), issues);
    let poor: boolean | null = null;
    if (poorCol !== null) {
      const parsed = parseYesNo(cellAt(row, poorCol));
      if (!parsed.ok) issues.fail(sheet, row.row, poorCol, parsed);
      else poor = parsed.value;
    }
    if (poor === null && village !== null) poor = poorByUnit.get(village) ?? null;
    if (poor === null && village !== null && villageCol !== null) {
      issues.warning(sheet, row.row, villageCol, 'read.assist.poorUnknown', { village });
      poor = false;
    }
    const found: AssistanceRow['items'] = {};
    const reader = new ItemReader(sheet, row, missing, issues);
    for (const item of layout.items) found[item.key] = reader.item(item.key, item.kind, item.header);
    if (layout.months.length > 0 || layout.minimum) found['驻村时间'] = reader.stays(layout.months, layout.minimum);
    const items: AssistanceRow['items'] = {};
    for (const key of ITEM_ORDER) if (found[key]) items[key] = found[key];
    if (isBlank(nameValue) || village === null) continue;
    rows.push({ name: normalizeText(cellText(nameValue)), village, poor, row: row.row + 1, items });
  }
  return rows;
}

/** Reads the item cells of one row. */
class ItemReader {
  constructor(
    private readonly sheet: string,
    private readonly row: TableRow,
    private readonly missing: MissingPolicy,
    private readonly issues: IssueList,
  ) {}

  private ref(col: number): string {
    return `${this.sheet}!${a1(this.row.row, col)}`;
  }

  /** A blank item cell: error, or with 按0分 a warning (the caller stores null). */
  private blank(key: AssistanceItemKey, col: number): void {
    if (this.missing === 'zero') this.issues.warning(this.sheet, this.row.row, col, 'read.assist.missingZero', { item: key });
    else this.issues.error(this.sheet, this.row.row, col, 'read.assist.missing', { item: key });
  }

  item(key: AssistanceItemKey, kind: ItemKind, header: TableHeader): AssistanceItemInput {
    const col = header.col;
    const value = cellAt(this.row, col);
    const cell = this.ref(col);
    if (kind === 'task') {
      if (isBlank(value) || NOT_APPLICABLE.has(normalizeText(cellText(value)).toLowerCase())) return { kind: 'na', cell };
      return { kind: 'yes', value: this.yes(value, col), cell };
    }
    if (isBlank(value)) {
      this.blank(key, col);
      return kind === 'money' ? { kind: 'money', wan: null, cell } : { kind, value: null, cell };
    }
    if (kind === 'yes') return { kind, value: this.yes(value, col), cell };
    const parsed = parseNumberCell(value, formatAt(this.row, col), { kind: 'number', money: kind === 'money', headerUnit: header.unit });
    if (!parsed.ok) this.issues.fail(this.sheet, this.row.row, col, parsed);
    const n = parsed.ok ? parsed.value : null;
    return kind === 'money' ? { kind: 'money', wan: n, cell } : { kind: 'count', value: n, cell };
  }

  private yes(value: Parameters<typeof parseYesNo>[0], col: number): boolean | null {
    const parsed = parseYesNo(value);
    if (!parsed.ok) {
      this.issues.fail(this.sheet, this.row.row, col, parsed);
      return null;
    }
    return parsed.value;
  }

  /** 驻村时间: monthly columns (blank = not assessed) or one minimum column. */
  stays(months: Layout['months'], minimumHeader: TableHeader | null): AssistanceItemInput {
    const read = (col: number): number | null => {
      const value = cellAt(this.row, col);
      if (isBlank(value)) return null;
      const parsed = parseNumberCell(value, formatAt(this.row, col), { kind: 'number', allowNegative: true, headerUnit: '天' });
      if (!parsed.ok || parsed.value === null || parsed.value < 0 || parsed.value > 31) {
        this.issues.error(this.sheet, this.row.row, col, 'read.assist.days', { found: shownText(value) });
        return null;
      }
      return parsed.value;
    };
    if (minimumHeader) {
      const col = minimumHeader.col;
      const days = read(col);
      if (days === null && isBlank(cellAt(this.row, col))) this.blank('驻村时间', col);
      return { kind: 'months', months: [], minimum: days === null ? null : { days, cell: this.ref(col) }, cell: this.ref(col) };
    }
    const list: { month: number; days: number; cell: string }[] = [];
    for (const { month, header } of months) {
      const days = read(header.col);
      if (days !== null) list.push({ month, days, cell: this.ref(header.col) });
    }
    list.sort((x, y) => x.month - y.month);
    const cols = months.map((m) => m.header.col);
    const first = Math.min(...cols);
    const last = Math.max(...cols);
    const cell = first === last ? this.ref(first) : `${this.ref(first)}:${a1(this.row.row, last)}`;
    return { kind: 'months', months: list, minimum: null, cell };
  }
}
