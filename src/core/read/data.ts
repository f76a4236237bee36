/**
 * Reads 考核数据 (one row per village/community) into `UnitRow[]`: names, type, person,
 * 是否贫困村, and one `IndicatorValue` per indicator (RULEBOOK §§2, 7; WORKBOOK).
 *
 * Only the columns the indicators need are read: other columns (identity numbers, phone
 * numbers …) never reach the input model or any message.
 *
 * Each needed (column, reading mode) pair is read once per row even when several
 * indicators share it, so a bad cell is reported once. Cost: O(rows × needed columns);
 * duplicate names are found with a Map.
 */
import { maskIdentifiers } from '../privacy';
import { a1, columnLetter } from '../a1';
import type { Indicator, IndicatorValue, MissingPolicy, SheetGrid, UnitRow } from '../types';
import { cellAt, formatAt } from './cells';
import { findDataHeader, headerIndex } from './indicators';
import type { IssueList } from './issues';
import { normalizeText } from './normalize';
import { columnSpec, readNumber, type ColumnSpec } from './numbers';
import { findColumn, readTable, type Table, type TableHeader, type TableRow } from './table';
import { cellText, formatNumber, isBlank, parseYesNo } from './values';

/** Header names of the unit column (WORKBOOK `考核数据`). */
export const UNIT_ALIASES = ['单位', '村(社区)', '村名', '单位名称', '名称', '村居', '村(居)'];
const TYPE_ALIASES = ['类型', '单位类型'];
const PERSON_ALIASES = ['主要负责人', '负责人'];
const POOR_ALIASES = ['是否贫困村', '贫困村'];

export type DataTable = Table & { keyCol: number };

/**
 * Finds the table of 考核数据 (header row holding the unit column). Null when there is none.
 * @example readDataTable(grid)?.keyCol // => 1
 */
export function readDataTable(grid: SheetGrid): DataTable | null {
  return readTable(grid, UNIT_ALIASES);
}

/** What one needed cell holds after reading. */
interface CellRead {
  value: number | null;
  display: string;
  blank: boolean;
  failed: boolean;
}

/** Reads one data column in one mode (yes/no or number with a spec). */
interface ColumnReader {
  header: TableHeader;
  yesNo: boolean;
  spec: ColumnSpec;
  /** `考核数据!F` — the reference of the column, without the row number. */
  prefix: string;
  /** `F`. */
  letter: string;
}

/** How each indicator gets its value: reader indexes for A (and B), or null when a column is missing. */
type Plan = { readers: [number] | [number, number] } | null;

/**
 * Reads the unit rows. `indicators` must have been read against this table's headers
 * (missing data columns were reported there; their values are left empty here).
 * @example readUnits(table, '考核数据', indicators, 'error', issues)[0].values[0].value // => 0.95
 */
export function readUnits(table: DataTable, sheet: string, indicators: Indicator[], missing: MissingPolicy, issues: IssueList): UnitRow[] {
  const index = headerIndex(table.headers);
  const readers: ColumnReader[] = [];
  const readerKeys = new Map<string, number>();
  const readerFor = (header: TableHeader, yesNo: boolean): number => {
    const key = `${header.col}|${yesNo ? 'y' : 'n'}`;
    let at = readerKeys.get(key);
    if (at === undefined) {
      at = readers.length;
      const letter = columnLetter(header.col);
      readers.push({ header, yesNo, spec: columnSpec(header.raw, header.unit), prefix: `${sheet}!${letter}`, letter });
      readerKeys.set(key, at);
    }
    return at;
  };
  const plans: Plan[] = indicators.map((ind) => {
    const headers = ind.columns.map((c) => findDataHeader(index, c));
    if (headers.some((h) => h === null)) return null;
    const yesNo = ind.method === 'pass' && ind.target === null && ind.columns.length === 1;
    return { readers: headers.map((h) => readerFor(h!, yesNo)) as [number] | [number, number] };
  });

  const typeCol = findColumn(table, TYPE_ALIASES)?.col ?? null;
  const personCol = findColumn(table, PERSON_ALIASES)?.col ?? null;
  const poorCol = findColumn(table, POOR_ALIASES)?.col ?? null;
  const firstRow = new Map<string, number>();
  const units: UnitRow[] = [];
  const cache: (CellRead | undefined)[] = new Array(readers.length);

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

    cache.fill(undefined);
    const read = (r: number): CellRead => (cache[r] ??= readCell(readers[r], row, sheet, missing, issues));
    const values: IndicatorValue[] = new Array(indicators.length);
    for (let i = 0; i < indicators.length; i++) values[i] = valueOf(indicators[i], plans[i], read, readers, row, sheet, issues);

    units.push({
      name,
      type: typeOf(row, typeCol, key),
      person: personCol === null || isBlank(cellAt(row, personCol)) ? null : maskIdentifiers(cellText(cellAt(row, personCol)).trim()),
      poor: poorOf(row, poorCol, sheet, issues),
      row: row.row + 1,
      nameCell: `${sheet}!${a1(row.row, table.keyCol)}`,
      values,
    });
  }
  if (units.length === 0 && firstRow.size === 0) issues.error(sheet, null, null, 'read.data.noUnits');
  return units;
}

/** Reads one needed cell; reports unreadable and blank cells once. */
function readCell(reader: ColumnReader, row: TableRow, sheet: string, missing: MissingPolicy, issues: IssueList): CellRead {
  const col = reader.header.col;
  const value = cellAt(row, col);
  const display = maskIdentifiers(typeof value === 'string' ? value.trim() : cellText(value));
  if (isBlank(value)) {
    if (missing === 'zero') issues.warning(sheet, row.row, col, 'read.data.missingZero', { column: reader.header.key });
    else issues.error(sheet, row.row, col, 'read.data.missing', { column: reader.header.key });
    return { value: null, display, blank: true, failed: false };
  }
  if (reader.yesNo) {
    const parsed = parseYesNo(value);
    if (!parsed.ok) {
      issues.fail(sheet, row.row, col, parsed);
      return { value: null, display, blank: false, failed: true };
    }
    return { value: parsed.value ? 1 : 0, display, blank: false, failed: false };
  }
  const parsed = readNumber(value, formatAt(row, col), reader.spec);
  if (!parsed.ok) {
    issues.fail(sheet, row.row, col, parsed);
    return { value: null, display, blank: false, failed: true };
  }
  return { value: parsed.value, display, blank: false, failed: false };
}

const EMPTY: IndicatorValue = { value: null, display: '', cell: '', missing: false };

/** One unit's value for one indicator (A/B divided; 直接 checked against its points). */
function valueOf(
  ind: Indicator,
  plan: Plan,
  read: (r: number) => CellRead,
  readers: ColumnReader[],
  row: TableRow,
  sheet: string,
  issues: IssueList,
): IndicatorValue {
  if (plan === null) return EMPTY;
  const readerA = readers[plan.readers[0]];
  const a = read(plan.readers[0]);
  const rowNumber = String(row.row + 1);
  if (plan.readers.length === 1) {
    if (a.value !== null && ind.method === 'direct' && ind.points > 0 && (a.value < 0 || a.value > ind.points)) {
      issues.error(sheet, row.row, readerA.header.col, 'read.data.directRange', { points: formatNumber(ind.points), found: a.display });
    }
    return { value: a.value, display: a.display, cell: readerA.prefix + rowNumber, missing: a.blank };
  }
  const readerB = readers[plan.readers[1]];
  const b = read(plan.readers[1]);
  const cell = `${readerA.prefix}${rowNumber}/${readerB.letter}${rowNumber}`;
  const display = `${a.display}/${b.display}`;
  if (a.value === null || b.value === null) return { value: null, display, cell, missing: a.blank || b.blank };
  const colB = readerB.header.col;
  if (b.value === 0) {
    if (a.value === 0) return { value: 1, display, cell, missing: false };
    issues.error(sheet, row.row, colB, 'read.data.zeroDenominator', { numerator: a.display });
    return { value: null, display, cell, missing: false };
  }
  return { value: a.value / b.value, display, cell, missing: false };
}

/** 类型 as written; blank or absent → 社区 when the name ends in 社区, else 村. */
function typeOf(row: TableRow, typeCol: number | null, name: string): string {
  const written = typeCol === null ? '' : normalizeText(cellText(cellAt(row, typeCol)));
  if (written && !isBlank(written)) return written;
  return name.endsWith('社区') ? '社区' : '村';
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
