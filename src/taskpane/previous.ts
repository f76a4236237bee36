/**
 * The Excel pane's 上年结果表 (issue 13 §3): which sheets of the open workbook are offered
 * as last year's result, and in which order. Chosen by name only, so that listing costs no
 * read; the sheet picked is checked when it is read (check, compute), like a role sheet.
 *
 * Kaohe's own 考核结果 (from an earlier run of this year) is offered last, labelled as
 * such, and never chosen by default: the default is always （无）.
 */
import { DEFAULT_ROLES, REGISTRY_SHEET } from '../core';
import { PREVIOUS_SHEET } from '../core/analysis';
import { isKaoheSheetName, isStagingName } from '../core/defaults';
import type { Roles } from '../core/types';
import { NO_SHEET, ROLE_KEYS } from './roles';

export interface PreviousSheetOption {
  sheet: string;
  /** True for Kaohe's own 考核结果 (this year's earlier run), shown with a note. */
  own: boolean;
}

/** Sheet names that read as a result: `2017考核结果`, `上年排名`, `2017年结果`. */
const RESULT_NAME = /结果|排名|名次/;

/**
 * The sheets offered as last year's result: first those whose name reads as a result,
 * then every other sheet, both in tab order, then Kaohe's own 考核结果 sheets. Role sheets
 * (chosen or of the usual name), Kaohe's other sheets, its registry and staged sheets are
 * not offered. Cost: O(sheets × roles).
 * @example previousSheetOptions(['考核数据', 'Sheet1', '2017考核结果', '考核结果'], roles)
 *   // => [{ sheet: '2017考核结果', own: false }, { sheet: 'Sheet1', own: false }, { sheet: '考核结果', own: true }]
 */
export function previousSheetOptions(sheets: string[], roles: Roles): PreviousSheetOption[] {
  const roleSheets = new Set<string>(ROLE_KEYS.flatMap((role) => [roles[role], DEFAULT_ROLES[role]]).filter((name) => name !== NO_SHEET));
  const named: PreviousSheetOption[] = [];
  const others: PreviousSheetOption[] = [];
  const own: PreviousSheetOption[] = [];
  for (const sheet of sheets) {
    const trimmed = sheet.trim();
    if (roleSheets.has(sheet) || trimmed === REGISTRY_SHEET || isStagingName(sheet)) continue;
    if (isKaoheSheetName(trimmed)) {
      if (trimmed.startsWith(PREVIOUS_SHEET)) own.push({ sheet, own: true });
      continue;
    }
    (RESULT_NAME.test(sheet) ? named : others).push({ sheet, own: false });
  }
  return [...named, ...others, ...own];
}

/**
 * The 上年结果表 in effect: the user's choice while it is still offered (the sheet exists
 * and plays no role), else none. Cost: O(options).
 * @example previousSheetIn([{ sheet: 'Sheet1', own: false }], '2017考核结果') // => ''
 */
export function previousSheetIn(options: PreviousSheetOption[], chosen: string): string {
  return chosen !== NO_SHEET && options.some((option) => option.sheet === chosen) ? chosen : NO_SHEET;
}
