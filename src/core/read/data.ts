/**
 * Reads 考核数据 (one row per village/community) into `UnitRow[]`: names, type, person,
 * 是否贫困村, and every indicator's value into one typed `ValueTable` (RULEBOOK §§2, 7;
 * WORKBOOK; issue 10).
 *
 * Only the columns the indicators need are read: other columns (identity numbers, phone
 * numbers …) never reach the input model or any message.
 *
 * A data column may be on 考核数据 or on another sheet with a unit column (joined by unit
 * name); found several times (several assessors) its values are averaged per unit
 * (评分汇总: 平均, or 去掉最高最低 with at least 5 assessors).
 *
 * Each needed (location, reading mode) pair is read once per unit even when several
 * indicators share it, so a bad cell is reported once. Cost: O(units × needed columns);
 * names are joined with Maps. Speed: plain numbers take a fast path straight into the
 * typed value table, and the `display` and `cell` texts of a value are rebuilt from its
 * cell only when asked for (valueTable.ts).
 */
import { maskIdentifiers } from '../privacy';
import { a1, columnLetter } from '../a1';
import type { AggregatePolicy, CellValue, HiddenRowsPolicy, Indicator, MissingPolicy, SheetGrid, UnitRow } from '../types';
import { ValueTable, type Describe } from '../valueTable';
import { cellAt as sharedCellAt, formatAt as sharedFormatAt } from './cells';
import type { IssueList } from './issues';
import { createUnitMatcher, normalizeText, typeFromName } from './normalize';
import { columnSpec, readNumber as sharedReadNumber, type ColumnSpec } from './numbers';
import { MERGE_FILL_LIMIT } from './merges';
import { ColumnFinder, type DataSource, type DataTable } from './sources';
import { findColumn, readTable, type TableHeader, type TableRow } from './table';
import { cellText as sharedCellText, formatNumber, isBlank as sharedIsBlank, parseYesNo as sharedParseYesNo } from './values';

// Bound once: under tsx's CommonJS output every call through an import is a getter call,
// which the per-cell loops below pay millions of times (see score/column.ts).
const readNumber = sharedReadNumber;
const cellText = sharedCellText;
const isBlank = sharedIsBlank;
const parseYesNo = sharedParseYesNo;
const cellAt = sharedCellAt;
const formatAt = sharedFormatAt;

export type { DataTable } from './sources';

/** Header names of the unit column (WORKBOOK `考核数据`, issue 10), most specific first. */
export const UNIT_ALIASES = [
  '单位', '村(社区)', '村(社区)名称', '村(居)', '村(居)名称', '村居', '村名', '村名称', '社区名称', '单位名称',
  '被考核单位', '考核对象', '名称',
];
const TYPE_ALIASES = ['类型', '单位类型', '村(社区)类型'];
const PERSON_ALIASES = ['主要负责人', '负责人'];
const POOR_ALIASES = ['是否贫困村', '贫困村'];

/**
 * Finds the table of 考核数据 (header row holding the unit column). Null when there is none.
 * @example readDataTable(grid)?.keyCol // => 1
 */
export function readDataTable(grid: SheetGrid): DataTable | null {
  return readTable(grid, UNIT_ALIASES, { units: true });
}

/** Reads one data column (at one location) in one mode (yes/no or number with a spec). */
interface ColumnReader {
  header: TableHeader;
  source: number;
  sheet: string;
  yesNo: boolean;
  spec: ColumnSpec;
  /** Plain numbers need no parsing: a count/score column without unit. */
  plain: boolean;
  /** `考核数据!F` — the reference of the column, without the row number. */
  prefix: string;
  /** `F`. */
  letter: string;
  /** A transposed table: the sheet cell is (unit column, item row). */
  transposed: boolean;
}

/** A column of one indicator: one location, or several (assessors, averaged). */
type ColumnPlan = number[];
/** How each indicator gets its value: the numerator's (and denominator's) plan, or null when missing. */
type Plan = { a: ColumnPlan; b: ColumnPlan | null } | null;

/** What reading one (reader, unit) gave. */
const UNREAD = 0;
const OK = 1;
const BLANK = 2;
const FAILED = 3;

/** The sheet reference of a reader's cell in a (1-based) table row. */
function refOf(reader: ColumnReader, rowNumber: number): string {
  return reader.transposed ? `${reader.sheet}!${a1(reader.header.col, rowNumber - 1)}` : reader.prefix + rowNumber;
}

function displayOf(raw: CellValue): string {
  return maskIdentifiers(typeof raw === 'string' ? raw.trim() : cellText(raw));
}

export interface ReadUnitsOptions {
  /** 分类排名: a type that cannot be known is then an error. */
  rankByType?: boolean;
  hiddenRows?: HiddenRowsPolicy;
  aggregate?: AggregatePolicy;
  /** The column finder over 考核数据 (source 0) and the other data sheets. */
  finder?: ColumnFinder;
}

/**
 * Reads the unit rows. `indicators` must have been read against the same finder (missing
 * data columns were reported there; their values are left empty here).
 * @example readUnits(table, '考核数据', indicators, 'error', issues).values.get(0, 0) // => 0.95
 */
export function readUnits(table: DataTable, sheet: string, indicators: Indicator[], missing: MissingPolicy, issues: IssueList, options: ReadUnitsOptions = {}): { units: UnitRow[]; values: ValueTable } {
  const finder = options.finder ?? new ColumnFinder([{ sheet, table }]);
  const sources = finder.sources;
  const hiddenPolicy = options.hiddenRows ?? 'count';
  const readers: ColumnReader[] = [];
  const readerKeys = new Map<string, number>();
  const readerFor = (source: number, header: TableHeader, yesNo: boolean): number => {
    const key = `${source}|${header.col}|${yesNo ? 'y' : 'n'}`;
    let at = readerKeys.get(key);
    if (at === undefined) {
      at = readers.length;
      const letter = columnLetter(header.col);
      const spec = columnSpec(header.raw, header.unit);
      const srcSheet = sources[source].sheet;
      readers.push({
        header, source, sheet: srcSheet, yesNo, spec,
        plain: !yesNo && spec.kind === 'number' && spec.moneyUnit === null,
        prefix: `${srcSheet}!${letter}`, letter,
        transposed: sources[source].table.transposed === true,
      });
      readerKeys.set(key, at);
    }
    return at;
  };
  const averaged: { indicator: Indicator; plan: ColumnPlan }[] = [];
  const plans: Plan[] = indicators.map((ind) => {
    const yesNo = ind.method === 'pass' && ind.target === null && ind.columns.length === 1;
    const planOf = (column: string): ColumnPlan | null => {
      const found = finder.find(column, ind.dimension);
      return found.ok ? found.locations.map((l) => readerFor(l.source, l.header, yesNo)) : null;
    };
    const a = planOf(ind.columns[0]);
    const b = ind.columns.length === 2 ? planOf(ind.columns[1]) : null;
    if (a === null || (ind.columns.length === 2 && b === null)) return null;
    if (a.length > 1) averaged.push({ indicator: ind, plan: a });
    return { a, b };
  });
  for (const { indicator, plan } of averaged) {
    const where = plan.map((r) => `${readers[r].sheet}!${readers[r].letter}（${readers[r].header.raw.trim()}）`).join('、');
    const rule = options.aggregate === 'trimmed' && plan.length >= 5 ? 'trimmed' : 'mean';
    issues.warning(readers[plan[0]].sheet, null, null, rule === 'trimmed' ? 'read.assessors.trimmed' : 'read.assessors.averaged', { indicator: indicator.name, count: plan.length, where });
  }

  const typeCol = findColumn(table, TYPE_ALIASES)?.col ?? null;
  const personCol = findColumn(table, PERSON_ALIASES)?.col ?? null;
  const poorCol = findColumn(table, POOR_ALIASES)?.col ?? null;
  const firstRow = new Map<string, number>();
  const unitRows: { row: TableRow; name: string; key: string }[] = [];

  if (!table.hiddenKnown) issues.warning(sheet, null, null, 'read.hidden.unknown');
  reportSkipped(table, sheet, issues);
  for (const row of table.rows) {
    const nameValue = cellAt(row, table.keyCol);
    if (isBlank(nameValue)) {
      issues.error(sheet, row.row, table.keyCol, 'read.data.nameBlank');
      continue;
    }
    // Names are kept as written (trimmed, line breaks dropped) and compared normalised.
    const name = cellText(nameValue).trim().replace(/[\r\n]+/g, '');
    const key = normalizeText(name);
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.error(sheet, row.row, table.keyCol, 'read.data.duplicate', { name, first: a1(first, table.keyCol) });
      continue;
    }
    firstRow.set(key, row.row);
    if (row.hidden) {
      issues.warning(sheet, row.row, table.keyCol, hiddenPolicy === 'exclude' ? 'read.hidden.excluded' : 'read.hidden.counted', { name, row: row.row + 1 });
      if (hiddenPolicy === 'exclude') continue;
    }
    unitRows.push({ row, name, key });
  }

  // The rows of the other sheets, by unit (only sheets a column is read from).
  const used = new Set(readers.map((r) => r.source));
  const rowsBySource: (TableRow | null)[][] = sources.map(() => []);
  for (const s of used) {
    if (s === 0) continue;
    rowsBySource[s] = joinRows(sources[s], unitRows.map((u) => u.name), hiddenPolicy, issues);
  }

  const unitCount = unitRows.length;
  const units: UnitRow[] = new Array(unitCount);
  // The row of a reader's sheet for a unit.
  const rowAt = (r: number, unit: number): TableRow | null => (readers[r].source === 0 ? unitRows[unit].row : rowsBySource[readers[r].source][unit]);
  // Texts that cannot be rebuilt from one cell per part (assessors aggregated), by table position.
  const texts = new Map<number, [display: string, cell: string]>();
  // The texts of a value, rebuilt on demand from its cell(s).
  const part = (r: number, unit: number): { raw: CellValue; row: number } => {
    const at = rowAt(r, unit);
    return at === null ? { raw: null, row: 0 } : { raw: cellAt(at, readers[r].header.col), row: at.row + 1 };
  };
  const describe: Describe = {
    display: (unit, i) => {
      const plan = plans[i];
      if (plan === null) return '';
      const eager = texts.get(i * unitCount + unit);
      if (eager) return eager[0];
      const a = part(plan.a[0], unit);
      if (plan.b === null) return rowAt(plan.a[0], unit) === null ? '' : displayOf(a.raw);
      return `${displayOf(a.raw)}/${displayOf(part(plan.b[0], unit).raw)}`;
    },
    cell: (unit, i) => {
      const plan = plans[i];
      if (plan === null) return '';
      const eager = texts.get(i * unitCount + unit);
      if (eager) return eager[1];
      const readerA = readers[plan.a[0]];
      const a = part(plan.a[0], unit);
      if (plan.b === null) return rowAt(plan.a[0], unit) === null ? readerA.sheet : refOf(readerA, a.row);
      const readerB = readers[plan.b[0]];
      const b = part(plan.b[0], unit);
      if (readerA.transposed || readerB.transposed) return `${refOf(readerA, a.row)}/${refOf(readerB, b.row).split('!')[1]}`;
      return readerA.sheet === readerB.sheet && a.row === b.row ? `${readerA.prefix}${a.row}/${readerB.letter}${b.row}` : `${readerA.prefix}${a.row}/${readerB.prefix}${b.row}`;
    },
  };
  const values = new ValueTable(unitCount, indicators.length, describe);
  const store = values.value;
  const blanks = values.missing;
  const state = new Uint8Array(readers.length);
  // A tagged array (filled with null, never a double array): a number read as is stays the
  // cell's own boxed number, so neither storing nor reading it allocates.
  const got = new Array<number | null>(readers.length).fill(null) as number[];
  // The unit being read, for the two closures below (made once, not per value).
  let u = 0;
  const rowOf = (r: number): TableRow | null => rowAt(r, u);
  const read = (r: number): number => {
    if (state[r] === UNREAD) {
      const at = rowOf(r);
      state[r] = at === null ? FAILED : readCell(readers[r], at, missing, issues, got, r);
    }
    return state[r];
  };
  const aggregate = options.aggregate ?? 'mean';
  const ctx: ValueContext = { read, got, readers, rowOf, aggregate, issues, blank: false, texts: null };
  // Column by column first, the common case (a plain number in range on 考核数据): what it
  // stores is what the unit-by-unit pass below would; that pass then does only the rest
  // (the cells left NaN: blanks, text, errors, other sheets), with every message.
  const fast = plans.map((plan, i) => (plan !== null && plan.b === null && plan.a.length === 1 ? fastColumn(indicators[i], readers[plan.a[0]], unitRows, store, i * unitCount) : false));
  for (u = 0; u < unitCount; u++) {
    const { row, name, key } = unitRows[u];
    state.fill(UNREAD);
    for (let i = 0; i < indicators.length; i++) {
      const plan = plans[i];
      if (plan === null) continue;
      const stored = store[i * unitCount + u];
      if (fast[i] && stored === stored) continue; // read by fastColumn
      ctx.blank = false;
      ctx.texts = null;
      const value = valueOf(indicators[i], plan, ctx);
      // Straight into the table's columns (see ValueTable.set), the one store per value.
      store[i * unitCount + u] = value === null ? NaN : value;
      if (ctx.blank) blanks[i * unitCount + u] = 1;
      if (ctx.texts !== null) texts.set(i * unitCount + u, ctx.texts);
    }
    units[u] = {
      name,
      type: typeOf(row, typeCol, name, key, table.keyCol, sheet, options.rankByType === true, issues),
      person: personCol === null || isBlank(cellAt(row, personCol)) ? null : maskIdentifiers(cellText(cellAt(row, personCol)).trim()),
      poor: poorOf(row, poorCol, sheet, issues),
      row: row.row + 1,
      nameCell: `${sheet}!${table.transposed ? a1(table.keyCol, row.row) : a1(row.row, table.keyCol)}`,
    };
  }
  if (units.length === 0 && firstRow.size === 0) issues.error(sheet, null, null, 'read.data.noUnits');
  return { units, values };
}

/** Warnings for skipped note/group rows that hold data, and for merges too many to fill. */
function reportSkipped(table: DataTable, sheet: string, issues: IssueList): void {
  if (table.mergesTruncated) issues.warning(sheet, null, null, 'read.merges.truncated', { limit: MERGE_FILL_LIMIT });
  for (const s of table.skipped) {
    if (s.hasData) issues.warning(sheet, s.row, table.keyCol, s.kind === 'group' ? 'read.table.groupData' : 'read.table.noteData', { text: s.text, row: s.row + 1 });
  }
}

/**
 * The rows of another data sheet in the order of `names` (null where the unit is missing:
 * an error naming the sheet). A unit of that sheet not on 考核数据 is an error at its cell.
 */
function joinRows(source: DataSource, names: string[], hiddenPolicy: HiddenRowsPolicy, issues: IssueList): (TableRow | null)[] {
  const { table, sheet } = source;
  const match = createUnitMatcher(names);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  const out: (TableRow | null)[] = new Array<TableRow | null>(names.length).fill(null);
  if (!table.hiddenKnown) issues.warning(sheet, null, null, 'read.hidden.unknown');
  reportSkipped(table, sheet, issues);
  for (const row of table.rows) {
    const value = cellAt(row, table.keyCol);
    if (isBlank(value)) {
      issues.error(sheet, row.row, table.keyCol, 'read.data.nameBlank');
      continue;
    }
    const written = cellText(value).trim();
    if (row.hidden && hiddenPolicy === 'exclude') {
      issues.warning(sheet, row.row, table.keyCol, 'read.hidden.excluded', { name: written, row: row.row + 1 });
      continue;
    }
    const hit = match(written);
    if (!hit.ok) {
      issues.error(sheet, row.row, table.keyCol, 'read.sources.unknownUnit', { name: written, sheet });
      continue;
    }
    const u = index.get(hit.name)!;
    if (out[u] !== null) {
      issues.error(sheet, row.row, table.keyCol, 'read.data.duplicate', { name: written, first: a1(out[u]!.row, table.keyCol) });
      continue;
    }
    if (row.hidden) issues.warning(sheet, row.row, table.keyCol, 'read.hidden.counted', { name: written, row: row.row + 1 });
    out[u] = row;
  }
  out.forEach((row, u) => {
    if (row === null) issues.error(sheet, null, null, 'read.sources.unitMissing', { name: names[u], sheet });
  });
  return out;
}

/**
 * Stores, for each unit, the reader's cell when it is a plain number that needs no parsing
 * and no message (the fast paths of readCell, and 直接 within its points), at
 * `store[offset + u]`; other cells stay NaN for the unit-by-unit pass. Only for 考核数据's
 * own columns (source 0). Returns whether it ran. Cost: O(units).
 */
function fastColumn(ind: Indicator, reader: ColumnReader, unitRows: { row: TableRow }[], store: Float64Array, offset: number): boolean {
  if (reader.source !== 0 || reader.yesNo || reader.spec.moneyUnit !== null) return false;
  const col = reader.header.col;
  const kind = reader.spec.kind;
  let low = reader.plain ? 0 : kind === 'proportion' ? 0 : kind === 'growth' ? -1 : NaN;
  let high = reader.plain ? Infinity : 1;
  if (Number.isNaN(low)) return false;
  if (ind.method === 'direct' && ind.points > 0) {
    low = Math.max(low, 0);
    high = Math.min(high, ind.points);
  }
  const plainRange = reader.plain && !(ind.method === 'direct' && ind.points > 0);
  for (let u = 0; u < unitRows.length; u++) {
    const cells = unitRows[u].row.cells;
    const v = col < cells.length ? cells[col] : null;
    if (typeof v !== 'number') continue;
    if (plainRange ? v >= 0 && v < Infinity : v >= low && v <= high) store[offset + u] = v;
  }
  return true;
}

/** Reads one needed cell into `got[r]`; reports unreadable and blank cells once. Returns OK/BLANK/FAILED. */
function readCell(reader: ColumnReader, row: TableRow, missing: MissingPolicy, issues: IssueList, got: number[], r: number): number {
  const col = reader.header.col;
  const value = cellAt(row, col);
  if (typeof value === 'number' && !reader.yesNo && reader.spec.moneyUnit === null) {
    // Fast paths, same results as readNumber: a plain count/score ≥ 0; a rate already a
    // fraction (0–1, growth −1–1), whatever its number format.
    const kind = reader.spec.kind;
    if (reader.plain ? value >= 0 && value < Infinity : kind === 'proportion' ? value >= 0 && value <= 1 : kind === 'growth' && value >= -1 && value <= 1) {
      got[r] = value;
      return OK;
    }
  }
  if (isBlank(value)) {
    if (missing === 'zero') issues.warning(reader.sheet, row.row, col, 'read.data.missingZero', { column: reader.header.key });
    else issues.error(reader.sheet, row.row, col, 'read.data.missing', { column: reader.header.key });
    return BLANK;
  }
  if (reader.yesNo) {
    const parsed = parseYesNo(value);
    if (!parsed.ok) {
      issues.fail(reader.sheet, row.row, col, parsed);
      return FAILED;
    }
    got[r] = parsed.value ? 1 : 0;
    return OK;
  }
  const parsed = readNumber(value, formatAt(row, col), reader.spec);
  if (!parsed.ok) {
    issues.fail(reader.sheet, row.row, col, parsed);
    return FAILED;
  }
  if (parsed.value === null) return BLANK;
  got[r] = parsed.value;
  return OK;
}

/** Mean, or with 去掉最高最低 and ≥ 5 values the mean without one highest and one lowest. */
export function aggregateScores(values: number[], policy: AggregatePolicy): number {
  if (policy === 'trimmed' && values.length >= 5) {
    const sorted = values.slice().sort((x, y) => x - y);
    const kept = sorted.slice(1, -1);
    return kept.reduce((s, v) => s + v, 0) / kept.length;
  }
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** What reading one unit's values shares between indicators; `blank` and `texts` are set per value. */
interface ValueContext {
  read: (r: number) => number;
  got: number[];
  readers: ColumnReader[];
  rowOf: (r: number) => TableRow | null;
  aggregate: AggregatePolicy;
  issues: IssueList;
  /** Out: the value is missing because a cell was blank (scored 0 under 按0分). */
  blank: boolean;
  /** Out: display and cell when they cannot be rebuilt from one cell per part (assessors). */
  texts: [string, string] | null;
}

/** One column of one unit: a single cell, or the assessors' cells aggregated. */
function columnValue(plan: ColumnPlan, ctx: ValueContext): { value: number | null; blank: boolean; raw: CellValue; reader: ColumnReader; row: number; display?: string; cell?: string } {
  const { read, got, readers, rowOf } = ctx;
  if (plan.length === 1) {
    const r = plan[0];
    const st = read(r);
    const at = rowOf(r);
    const raw = at === null ? null : cellAt(at, readers[r].header.col);
    return { value: st === OK ? got[r] : null, blank: st === BLANK, raw, reader: readers[r], row: at === null ? 0 : at.row + 1 };
  }
  const nums: number[] = [];
  const shown: string[] = [];
  const cells: string[] = [];
  let blank = false;
  let failed = false;
  for (const r of plan) {
    const st = read(r);
    const at = rowOf(r);
    shown.push(at === null ? '' : displayOf(cellAt(at, readers[r].header.col)));
    cells.push(at === null ? readers[r].sheet : refOf(readers[r], at.row + 1));
    if (st === OK) nums.push(got[r]);
    else if (st === BLANK) blank = true;
    else failed = true;
  }
  const value = failed || blank || nums.length === 0 ? null : aggregateScores(nums, ctx.aggregate);
  const result = value === null ? '' : ` → ${formatNumber(value)}`;
  const first = readers[plan[0]];
  return { value, blank, raw: null, reader: first, row: 0, display: `${shown.join('、')}${result}`, cell: cells.join('、') };
}

/**
 * One unit's value for one indicator (A/B divided; 直接 checked against its points); sets
 * `ctx.blank`, and `ctx.texts` when the texts must be kept (assessors). Cost: O(cells read).
 */
function valueOf(ind: Indicator, plan: NonNullable<Plan>, ctx: ValueContext): number | null {
  const { read, got, readers, rowOf, issues } = ctx;
  if (plan.b === null && plan.a.length === 1) {
    // The hot path: one cell.
    const r = plan.a[0];
    const st = read(r);
    const at = rowOf(r);
    if (at === null) return null;
    const value = st === OK ? got[r] : null;
    if (value !== null && ind.method === 'direct' && ind.points > 0 && (value < 0 || value > ind.points)) {
      const reader = readers[r];
      issues.error(reader.sheet, at.row, reader.header.col, 'read.data.directRange', { points: formatNumber(ind.points), found: displayOf(cellAt(at, reader.header.col)) });
    }
    ctx.blank = st === BLANK;
    return value;
  }
  const a = columnValue(plan.a, ctx);
  if (plan.b === null) {
    if (a.value !== null && ind.method === 'direct' && ind.points > 0 && (a.value < 0 || a.value > ind.points)) {
      issues.error(a.reader.sheet, null, null, 'read.data.directRange', { points: formatNumber(ind.points), found: a.display ?? '' });
    }
    ctx.blank = a.blank;
    ctx.texts = [a.display ?? '', a.cell ?? ''];
    return a.value;
  }
  const b = columnValue(plan.b, ctx);
  let value: number | null = null;
  if (a.value !== null && b.value !== null) {
    if (b.value === 0) {
      if (a.value === 0) value = 1;
      else {
        const rb = rowOf(plan.b[0]);
        const shownA = a.display ?? displayOf(a.raw);
        if (rb) issues.error(b.reader.sheet, rb.row, b.reader.header.col, 'read.data.zeroDenominator', { numerator: shownA });
      }
    } else value = a.value / b.value;
  }
  ctx.blank = (a.value === null || b.value === null) && (a.blank || b.blank);
  if (a.display !== undefined || b.display !== undefined) {
    ctx.texts = [`${a.display ?? displayOf(a.raw)}/${b.display ?? displayOf(b.raw)}`, `${a.cell ?? refOf(a.reader, a.row)}/${b.cell ?? refOf(b.reader, b.row)}`];
  }
  return value;
}

/**
 * 类型: as written (a merged cell counts for each row); else the group-title row above
 * (`一、村`); else the name's suffix (…村/村委会 → 村, …社区/居委会 → 社区); else, with
 * 分类排名, an error naming the cell — never a silent 村; without 分类排名, 村 (shown only).
 */
function typeOf(row: TableRow, typeCol: number | null, name: string, key: string, keyCol: number, sheet: string, rankByType: boolean, issues: IssueList): string {
  const written = typeCol === null ? '' : normalizeText(cellText(cellAt(row, typeCol)));
  if (written && !isBlank(written)) return written;
  if (row.group !== null) return row.group;
  const fromName = key.endsWith('社区') ? '社区' : key.endsWith('村') ? '村' : typeFromName(name);
  if (fromName !== null) return fromName;
  if (rankByType) issues.error(sheet, row.row, typeCol ?? keyCol, 'read.data.typeUnknown', { name });
  return '村';
}

/** 是否贫困村: yes/no, blank → null; unreadable → error. */
function poorOf(row: TableRow, poorCol: number | null, sheet: string, issues: IssueList): boolean | null {
  if (poorCol === null) return null;
  const parsed = parseYesNo(cellAt(row, poorCol));
  if (!parsed.ok) {
    issues.fail(sheet, row.row, poorCol, parsed);
    return null;
  }
  return parsed.value;
}
