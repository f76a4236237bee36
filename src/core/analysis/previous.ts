/**
 * 同比 (issue 13 §3): last year's result read from a sheet — Kaohe's own 考核结果, or any
 * sheet with the columns 单位, 排名, 总分, 等次 — and compared with this year's.
 */
import { createUnitMatcher, headerKey, normalizeText } from '../read/normalize';
import { UNIT_ALIASES } from '../read/data';
import { a1 } from '../a1';
import type { AssessmentResult, CellValue, Grade, Issue, SheetGrid, WorkbookSnapshot } from '../types';
import { spearman } from './spearman';

/** The sheet name looked for first. */
export const PREVIOUS_SHEET = '考核结果';
const GRADES: Grade[] = ['好', '较好', '一般', '较差'];
/** Rows searched for the header. */
const HEADER_ROWS = 10;
/** Most units read from last year's sheet. */
export const MAX_PREVIOUS_UNITS = 200_000;

export interface PreviousUnit {
  name: string;
  rank: number;
  total: number;
  grade: Grade;
}

export interface PreviousYear {
  /** Where it was read, e.g. `2017年结果.xlsx`, for the sheets. */
  source: string;
  sheet: string;
  units: PreviousUnit[];
}

export interface UnitChange {
  rank: number;
  grade: Grade;
  total: number;
  /** Last year's rank − this year's: positive = moved up. */
  change: number;
}

export interface YearComparison {
  source: string;
  /** By result position: last year's entry, or null (new unit). */
  units: (UnitChange | null)[];
  spearman: number | null;
  /** Units present in both years. */
  common: number;
  new: string[];
  gone: string[];
  /** Result positions of the units that moved most (largest |change|, at most 5, none unchanged). */
  movers: number[];
  /** Result positions whose grade changed. */
  gradeChanged: number[];
}

const text = (v: CellValue | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const UNIT_KEYS = new Set(UNIT_ALIASES.map((a) => headerKey(a)));

/** Column indices of 单位, 排名, 总分, 等次 in a row, or null. */
function headerColumns(row: CellValue[]): { unit: number; rank: number; total: number; grade: number } | null {
  const cols = { unit: -1, rank: -1, total: -1, grade: -1 };
  row.forEach((cell, c) => {
    const key = headerKey(text(cell));
    if (cols.unit < 0 && UNIT_KEYS.has(key)) cols.unit = c;
    else if (cols.rank < 0 && key === '排名') cols.rank = c;
    else if (cols.total < 0 && key === '总分') cols.total = c;
    else if (cols.grade < 0 && key === '等次') cols.grade = c;
  });
  return cols.unit >= 0 && cols.rank >= 0 && cols.total >= 0 && cols.grade >= 0 ? cols : null;
}

/**
 * Whether a grid looks like a result sheet (has the four columns in its first 10 rows).
 * Cost: O(10 × columns).
 */
export function looksLikeResult(grid: SheetGrid): boolean {
  return grid.values.slice(0, HEADER_ROWS).some((row) => headerColumns(row) !== null);
}

/**
 * The sheet to read last year's result from: `wanted` when given, else 考核结果, else the
 * first sheet that looks like a result. Cost: O(sheets × 10 × columns).
 */
export function pickPreviousSheet(sheets: Record<string, SheetGrid>, order: string[], wanted?: string): string | null {
  if (wanted) return sheets[wanted] ? wanted : null;
  if (sheets[PREVIOUS_SHEET] && looksLikeResult(sheets[PREVIOUS_SHEET])) return PREVIOUS_SHEET;
  return order.find((name) => sheets[name] && looksLikeResult(sheets[name])) ?? null;
}

function asNumber(v: CellValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const s = normalizeText(v);
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  }
  return null;
}

/**
 * Reads last year's units from a result sheet; every unreadable cell is an error naming it.
 * Cost: O(cells). Never throws.
 * @example readPrevious(grid, '2017.xlsx').previous?.units[0] // => { name: '龙源村', rank: 1, total: 96.5, grade: '好' }
 */
export function readPrevious(grid: SheetGrid, source: string): { previous: PreviousYear | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheet = grid.name;
  const error = (r: number, c: number, code: Issue['code'], params: Issue['params']): void => {
    issues.push({ severity: 'error', sheet, cell: a1(grid.originRow + r, grid.originCol + c), code, params });
  };
  if (grid.unreadable) return { previous: null, issues: [{ ...grid.unreadable, severity: 'error', sheet, cell: '' }] };
  const at = grid.values.slice(0, HEADER_ROWS).findIndex((row) => headerColumns(row) !== null);
  if (at < 0) return { previous: null, issues: [{ severity: 'error', sheet, cell: '', code: 'analysis.previous.noHeader' }] };
  const cols = headerColumns(grid.values[at])!;
  const units: PreviousUnit[] = [];
  const seen = new Map<string, number>();
  for (let r = at + 1; r < grid.values.length && units.length < MAX_PREVIOUS_UNITS; r++) {
    const row = grid.values[r] ?? [];
    const name = text(row[cols.unit]).trim();
    if (name === '' || /^(合计|总计)$/.test(normalizeText(name))) continue;
    const rank = asNumber(row[cols.rank]);
    const total = asNumber(row[cols.total]);
    const gradeText = normalizeText(text(row[cols.grade]));
    const grade = GRADES.find((g) => g === gradeText);
    let ok = true;
    if (rank === null || rank < 1 || !Number.isInteger(rank)) {
      error(r, cols.rank, 'analysis.previous.rank', { found: text(row[cols.rank]) });
      ok = false;
    }
    if (total === null) {
      error(r, cols.total, 'analysis.previous.total', { found: text(row[cols.total]) });
      ok = false;
    }
    if (!grade) {
      error(r, cols.grade, 'analysis.previous.grade', { found: text(row[cols.grade]) });
      ok = false;
    }
    const key = normalizeText(name);
    const first = seen.get(key);
    if (first !== undefined) {
      error(r, cols.unit, 'analysis.previous.duplicate', { name, first: a1(grid.originRow + first, grid.originCol + cols.unit) });
      ok = false;
    } else seen.set(key, r);
    if (ok) units.push({ name, rank: rank!, total: total!, grade: grade! });
  }
  if (issues.length > 0) return { previous: null, issues };
  if (units.length === 0) return { previous: null, issues: [{ severity: 'error', sheet, cell: '', code: 'analysis.previous.empty' }] };
  return { previous: { source, sheet, units }, issues };
}

/**
 * Last year's result from a read workbook: the sheet `wanted` (the pane's 上年结果表, a
 * sheet of this year's workbook), or else the one pickPreviousSheet finds (last year's own
 * file). No such sheet is one error `analysis.previous.sheetMissing` (naming `wanted`) or
 * `analysis.previous.noSheet`; the sheet's own errors are readPrevious's. Cost: O(cells of
 * that sheet). Never throws.
 * @example previousFromSnapshot(snapshot, '2017.xlsx').previous?.sheet // => '考核结果'
 */
export function previousFromSnapshot(snapshot: WorkbookSnapshot, source: string, wanted?: string): { previous: PreviousYear | null; issues: Issue[] } {
  const sheet = pickPreviousSheet(snapshot.sheets, snapshot.sheetNames, wanted);
  if (sheet) return readPrevious(snapshot.sheets[sheet], source);
  const issue: Issue = wanted
    ? { severity: 'error', sheet: '', cell: '', code: 'analysis.previous.sheetMissing', params: { sheet: wanted } }
    : { severity: 'error', sheet: '', cell: '', code: 'analysis.previous.noSheet' };
  return { previous: null, issues: [issue] };
}

/**
 * This year against last year. Units are matched by name as the rest of Kaohe matches
 * them (`文白` = `文白社区`). Cost: O(units log units).
 * @example compareYears(result, previous).spearman // => 0.82
 */
export function compareYears(result: AssessmentResult, previous: PreviousYear): YearComparison {
  const lastByName = new Map(previous.units.map((u) => [u.name, u]));
  const match = createUnitMatcher(previous.units.map((u) => u.name));
  const used = new Set<string>();
  const units = result.units.map((unit): UnitChange | null => {
    const hit = match(unit.name);
    if (!hit.ok || used.has(hit.name)) return null;
    used.add(hit.name);
    const last = lastByName.get(hit.name)!;
    return { rank: last.rank, grade: last.grade, total: last.total, change: last.rank - unit.rank };
  });
  const both = units.map((u, k) => (u ? k : -1)).filter((k) => k >= 0);
  const rho = spearman(
    both.map((k) => result.units[k].rank),
    both.map((k) => units[k]!.rank),
  );
  const movers = both
    .filter((k) => units[k]!.change !== 0)
    .sort((a, b) => Math.abs(units[b]!.change) - Math.abs(units[a]!.change) || a - b)
    .slice(0, 5);
  return {
    source: previous.source,
    units,
    spearman: rho,
    common: both.length,
    new: result.units.filter((_, k) => units[k] === null).map((u) => u.name),
    gone: previous.units.filter((u) => !used.has(u.name)).map((u) => u.name),
    movers,
    gradeChanged: both.filter((k) => units[k]!.grade !== result.units[k].grade),
  };
}

/**
 * 名次变化 in words: ↑3, ↓2, 持平, or 新增.
 * @example changeText({ change: -2 }) // => '↓2'
 */
export function changeText(change: UnitChange | null): string {
  if (!change) return '新增';
  if (change.change > 0) return `↑${change.change}`;
  if (change.change < 0) return `↓${-change.change}`;
  return '持平';
}
