/**
 * What a workbook's 考核说明 records about its computation: the parameters used, the time
 * of computation, Kaohe's version, the inputs' fingerprint and (since issue 14) one
 * fingerprint per input sheet with the role it played. Read back by label, so it does not
 * depend on row positions. Pure.
 */
import { a1 } from '../a1';
import { DEFAULT_ROLES } from '../defaults';
import { SHEET_FINGERPRINT_LABEL } from '../report/about';
import type { Roles, SheetGrid } from '../types';
import { lastRow, textAt } from './grid';

export interface RecordedLine {
  label: string;
  value: string;
  /** A1 address of the value cell on 考核说明 (`B5`). */
  cell: string;
}

export interface RecordedSheetFingerprint {
  role: string;
  sheet: string;
  fingerprint: string;
  cell: string;
}

export interface Recorded {
  params: RecordedLine[];
  computedAt: RecordedLine | null;
  version: RecordedLine | null;
  fingerprint: RecordedLine | null;
  sheets: RecordedSheetFingerprint[];
}

const ROLE_NAMES = new Set(Object.values(DEFAULT_ROLES));

/**
 * `输入指纹：台账（考核数据）` → { sheet: '台账', role: '考核数据' }; `输入指纹：考核数据` → both 考核数据.
 * Null when the label is not a per-sheet fingerprint.
 */
export function sheetFingerprintLabel(label: string): { sheet: string; role: string } | null {
  if (!label.startsWith(SHEET_FINGERPRINT_LABEL)) return null;
  const rest = label.slice(SHEET_FINGERPRINT_LABEL.length);
  const m = /^(.*)（([^（）]+)）$/.exec(rest);
  if (m && ROLE_NAMES.has(m[2])) return { sheet: m[1], role: m[2] };
  return ROLE_NAMES.has(rest) ? { sheet: rest, role: rest } : null;
}

/**
 * Reads 考核说明. Cost: O(rows).
 * @example readRecord(aboutGrid).version?.value // => '0.1.0'
 */
export function readRecord(grid: SheetGrid): Recorded {
  const recorded: Recorded = { params: [], computedAt: null, version: null, fingerprint: null, sheets: [] };
  const last = lastRow(grid);
  let inParams = false;
  for (let r = 1; r <= last; r++) {
    const label = textAt(grid, r, 1);
    const value = textAt(grid, r, 2);
    const line = { label, value, cell: a1(r - 1, 1) };
    if (label === '参数' && value === '值') {
      inParams = true;
      continue;
    }
    if (inParams) {
      if (label === '') inParams = false;
      else {
        recorded.params.push(line);
        continue;
      }
    }
    if (label === '计算时间') recorded.computedAt = line;
    else if (label === 'Kaohe 版本') recorded.version = line;
    else if (label === '输入指纹（SHA-256）') recorded.fingerprint = line;
    else {
      const named = sheetFingerprintLabel(label);
      if (named) recorded.sheets.push({ ...named, fingerprint: value, cell: line.cell });
    }
  }
  return recorded;
}

/** The roles the computation used, from the per-sheet fingerprints (defaults otherwise). */
export function recordedRoles(recorded: Recorded): Roles {
  const roles: Roles = { ...DEFAULT_ROLES };
  const byDefault = new Map<string, keyof Roles>(Object.entries(DEFAULT_ROLES).map(([key, name]) => [name, key as keyof Roles]));
  for (const s of recorded.sheets) {
    const key = byDefault.get(s.role);
    if (key) roles[key] = s.sheet;
  }
  return roles;
}

/**
 * The time of computation recorded (`2018-12-31T10:00:00+08:00`), or null when absent or
 * unreadable.
 */
export function recordedTime(recorded: Recorded): Date | null {
  const text = recorded.computedAt?.value ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
