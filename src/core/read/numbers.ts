/**
 * How the numbers of one data column are read: its kind (rate, growth, plain number) and,
 * for amounts of money, its unit. Indicator targets, floors and veto thresholds are read
 * with the same spec as the column they are compared with, so `98%`, `98` and `0.98` are
 * the same target for a rate column.
 *
 * Money: a column whose header unit is 元 or 万元 is a money column; its values are
 * returned in 元 (AssessmentInput convention) whatever the cell says (`5万` → 50000).
 * A cell with its own money unit in a column without one (`5万元` under `帮扶资金`) is
 * also read as money, in 元.
 */
import type { CellValue, ColumnKind } from '../types';
import { normalizeText } from './normalize';
import { columnKind } from './values';
import { cellText, parseNumberCell, type Parsed } from './values';

export interface ColumnSpec {
  kind: ColumnKind;
  /** 元 or 万元 when the header says so; null otherwise. */
  moneyUnit: '元' | '万元' | null;
  /** The header's bracketed unit as written (normalised), or null. */
  headerUnit: string | null;
}

/**
 * The reading spec of a data column from its raw header (unit included).
 * @example columnSpec('群众满意度（%）') // => { kind: 'proportion', moneyUnit: null, headerUnit: '%' }
 * @example columnSpec('集体经济收入（万元）').moneyUnit // => '万元'
 */
export function columnSpec(rawHeader: string, unit: string | null): ColumnSpec {
  const normalizedUnit = unit === null ? null : normalizeText(unit);
  const moneyUnit = normalizedUnit === '元' || normalizedUnit === '万元' ? normalizedUnit : null;
  return { kind: columnKind(rawHeader), moneyUnit, headerUnit: normalizedUnit };
}

const MONEY_IN_CELL = /[0-9](万元|万|元)$/;

/** 万元 → 元 without float noise (`1.23` → 12300). */
function wanToYuan(wan: number): number {
  return Math.round(wan * 1e8) / 1e4;
}

/**
 * Reads one number cell with a column spec. Value null for a blank / "no value" cell.
 * Errors come back as data (codes of the values section). Cost: O(length of the cell).
 * @example readNumber('95', null, { kind: 'proportion', moneyUnit: null, headerUnit: null }) // => { ok: true, value: 0.95 }
 * @example readNumber('5万', null, { kind: 'number', moneyUnit: '元', headerUnit: '元' }) // => { ok: true, value: 50000 }
 */
export function readNumber(value: CellValue, fmt: string | null, spec: ColumnSpec, allowNegative = false): Parsed<number | null> {
  if (spec.moneyUnit !== null) {
    const parsed = parseNumberCell(value, fmt, { kind: 'number', money: true, headerUnit: spec.moneyUnit, allowNegative });
    return parsed.ok && parsed.value !== null ? { ok: true, value: wanToYuan(parsed.value) } : parsed;
  }
  const parsed = parseNumberCell(value, fmt, { kind: spec.kind, headerUnit: spec.headerUnit, allowNegative });
  if (parsed.ok || spec.kind !== 'number' || typeof value !== 'string') return parsed;
  if (!MONEY_IN_CELL.test(normalizeText(cellText(value)))) return parsed;
  const money = parseNumberCell(value, fmt, { kind: 'number', money: true, allowNegative });
  return money.ok && money.value !== null ? { ok: true, value: wanToYuan(money.value) } : parsed;
}
