/**
 * Building, collecting and ordering reading issues (errors and warnings as data).
 *
 * Every finding of the reading layer is an `Issue` with its sheet and A1 cell
 * (without the sheet; '' for a whole-sheet finding). `IssueList` collects them in
 * any order; `sortIssues` puts them in the order a person reads them:
 * by sheet (role order 考核参数, 指标设置, 考核数据, 问题清单, 帮扶单位), then row, then column.
 */
import { a1, parseA1 } from '../a1';
import type { MessageCode } from '../messages';
import type { Issue, MsgParams, Roles, Severity } from '../types';
import type { ParseFail } from './values';

/** Collects issues for one reading run. Cost: O(1) per issue. */
export class IssueList {
  readonly items: Issue[] = [];
  /** Sheets read as transposed tables: their (row, col) are swapped back to the sheet's. */
  readonly transposed = new Set<string>();

  /**
   * Adds an issue at a 0-based sheet cell (row/col null → whole sheet).
   * @example list.add('error', '考核数据', 6, 5, 'read.data.missing') // cell 'F7'
   */
  add(severity: Severity, sheet: string, row: number | null, col: number | null, code: MessageCode, params?: MsgParams): void {
    const swap = this.transposed.size > 0 && this.transposed.has(sheet);
    const cell = row === null || col === null ? '' : swap ? a1(col, row) : a1(row, col);
    this.items.push(params ? { severity, sheet, cell, code, params } : { severity, sheet, cell, code });
  }

  error(sheet: string, row: number | null, col: number | null, code: MessageCode, params?: MsgParams): void {
    this.add('error', sheet, row, col, code, params);
  }

  warning(sheet: string, row: number | null, col: number | null, code: MessageCode, params?: MsgParams): void {
    this.add('warning', sheet, row, col, code, params);
  }

  /** Turns a failed cell parse (from values.ts) into an error at that cell. */
  fail(sheet: string, row: number, col: number, failure: ParseFail): void {
    this.add('error', sheet, row, col, failure.code, failure.params);
  }

  /** True when at least one error was collected. */
  hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}

/** The role sheets in reading order (the order issues are sorted by). */
export function roleOrder(roles: Roles): string[] {
  return [roles.params, roles.indicators, roles.data, roles.problems, roles.assistance];
}

/**
 * Sorts issues by sheet (role order; other sheets after, in `tabOrder`, else by name), then row, then column;
 * whole-sheet findings first within their sheet. Stable. Cost: O(n log n).
 * @example sortIssues([{…sheet:'考核数据', cell:'B3'}, {…sheet:'考核参数', cell:'B2'}], roles) // 考核参数 first
 */
export function sortIssues(issues: Issue[], roles: Roles, tabOrder: string[] = []): Issue[] {
  const order = roleOrder(roles);
  const tabs = new Map<string, number>();
  tabOrder.forEach((name, i) => tabs.set(name, i));
  const rank = (sheet: string): number => {
    const i = order.indexOf(sheet);
    return i < 0 ? order.length : i;
  };
  const tab = (sheet: string): number => tabs.get(sheet) ?? tabOrder.length;
  const keyed = issues.map((issue, index) => {
    const at = issue.cell ? parseA1(issue.cell) : null;
    return { issue, index, sheet: rank(issue.sheet), row: at ? at.row : -1, col: at ? at.col : -1 };
  });
  keyed.sort(
    (x, y) =>
      x.sheet - y.sheet ||
      (x.sheet === order.length ? tab(x.issue.sheet) - tab(y.issue.sheet) || x.issue.sheet.localeCompare(y.issue.sheet) : 0) ||
      x.row - y.row ||
      x.col - y.col ||
      x.index - y.index,
  );
  return keyed.map((k) => k.issue);
}
