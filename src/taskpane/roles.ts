/**
 * Which sheet plays which role, as the pane's dropdowns hold it. An optional role may be
 * set to "none" (''): the core then treats that sheet as absent (no 指标设置 → the
 * built-in indicator set). The required 考核数据 role always names a sheet, even one that
 * does not exist yet, so that checking reports it as missing.
 */
import { DEFAULT_ROLES } from '../core';
import type { Roles } from '../core/types';

export type RoleKey = keyof Roles;

/** The roles in the order the pane lists them. */
export const ROLE_KEYS: RoleKey[] = ['data', 'indicators', 'problems', 'assistance', 'params'];

/** Roles that may be left without a sheet. */
export const OPTIONAL_ROLES: ReadonlySet<RoleKey> = new Set<RoleKey>(['indicators', 'problems', 'assistance', 'params']);

/** The sheet value meaning "no sheet plays this role". */
export const NO_SHEET = '';

/** Compares sheet names as a person would: no spaces, full-width folded, no case. */
function looseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The sheet that plays a role by default: the sheet of the role's usual name (compared
 * loosely, so ` 考核数据 ` and `考核数据` match), else none ('' for an optional role, the
 * usual name for 考核数据). Cost: O(sheets).
 * @example defaultSheetFor('problems', ['考核数据']) // => ''
 */
export function defaultSheetFor(role: RoleKey, sheetNames: string[]): string {
  const usual = DEFAULT_ROLES[role];
  const exact = sheetNames.find((name) => name === usual);
  const loose = exact ?? sheetNames.find((name) => looseName(name) === looseName(usual));
  if (loose !== undefined) return loose;
  return OPTIONAL_ROLES.has(role) ? NO_SHEET : usual;
}

/**
 * Roles for a workbook's sheets: a choice the user made is kept while its sheet still
 * exists (or it is "none"); every other role gets its default. Cost: O(roles × sheets).
 * @example defaultRoles(['考核数据', '指标设置']) // => { data: '考核数据', indicators: '指标设置', problems: '', assistance: '', params: '' }
 */
export function defaultRoles(sheetNames: string[], chosen: Partial<Roles> = {}): Roles {
  const roles = {} as Roles;
  for (const role of ROLE_KEYS) {
    const previous = chosen[role];
    const keep = previous !== undefined && (sheetNames.includes(previous) || (previous === NO_SHEET && OPTIONAL_ROLES.has(role)));
    roles[role] = keep ? previous : defaultSheetFor(role, sheetNames);
  }
  return roles;
}
