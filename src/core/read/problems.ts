/**
 * Reads 问题清单 (problems found, RULEBOOK §3) into `Problem[]`: each row names a unit of
 * 考核数据 (with or without its 村/社区 suffix), a veto category by number or words, and
 * whether it is a 突出问题. A 发现日期 that is not a date is kept as written (it is only
 * shown, never computed with).
 */
import { maskIdentifiers } from '../privacy';
import { a1 } from '../a1';
import type { Problem, SheetGrid } from '../types';
import { cellAt, shownText } from './cells';
import type { IssueList } from './issues';
import type { createUnitMatcher } from './normalize';
import { findColumn, readTable, type TableRow } from './table';
import { cellText, isBlank, parseDateCell, parseYesNo } from './values';
import { vetoCategory } from './veto';

export type UnitMatcher = ReturnType<typeof createUnitMatcher>;

const COLUMNS = {
  unit: ['单位', '村(社区)', '村名', '单位名称', '村居'],
  category: ['问题类别', '类别', '问题类型', '否决类别'],
  description: ['情况说明', '问题描述', '具体问题', '问题情况', '说明'],
  source: ['发现来源', '来源', '问题来源'],
  date: ['发现日期', '日期', '发现时间'],
  prominent: ['突出问题', '是否突出问题'],
};

/**
 * Resolves a unit name cell against 考核数据; reports unknown/ambiguous names at the cell.
 * Returns the canonical name, or null (reported).
 */
export function resolveUnit(
  match: UnitMatcher,
  value: Parameters<typeof cellText>[0],
  column: string,
  at: { sheet: string; row: number; col: number },
  issues: IssueList,
): string | null {
  if (isBlank(value)) {
    issues.error(at.sheet, at.row, at.col, 'read.cell.required', { column });
    return null;
  }
  const found = match(cellText(value));
  if (found.ok) return found.name;
  if (found.reason === 'ambiguous') {
    issues.error(at.sheet, at.row, at.col, 'read.unit.ambiguous', { column, found: shownText(value), candidates: found.candidates.join('、') });
  } else {
    issues.error(at.sheet, at.row, at.col, 'read.unit.unknown', { column, found: shownText(value) });
  }
  return null;
}

/**
 * Reads 问题清单. `match` resolves unit names of 考核数据. Cost: O(rows).
 * @example readProblems(grid, '问题清单', match, issues)[0].ref // => '问题清单!B3'
 */
export function readProblems(grid: SheetGrid, sheet: string, match: UnitMatcher, issues: IssueList): Problem[] {
  const table = readTable(grid, COLUMNS.unit);
  if (!table) {
    issues.error(sheet, null, null, 'read.sheet.noHeader', { column: '单位' });
    return [];
  }
  const categoryCol = findColumn(table, COLUMNS.category)?.col ?? null;
  if (categoryCol === null) {
    issues.error(sheet, null, null, 'read.column.missing', { column: '问题类别' });
    return [];
  }
  const col = (aliases: string[]) => findColumn(table, aliases)?.col ?? null;
  const descriptionCol = col(COLUMNS.description);
  const sourceCol = col(COLUMNS.source);
  const dateCol = col(COLUMNS.date);
  const prominentCol = col(COLUMNS.prominent);
  const text = (row: TableRow, c: number | null) => (c === null ? '' : cellText(cellAt(row, c)).trim());

  const problems: Problem[] = [];
  for (const row of table.rows) {
    const unit = resolveUnit(match, cellAt(row, table.keyCol), '单位', { sheet, row: row.row, col: table.keyCol }, issues);
    const categoryValue = cellAt(row, categoryCol);
    const category = vetoCategory(categoryValue);
    if (category === null) {
      if (isBlank(categoryValue)) issues.error(sheet, row.row, categoryCol, 'read.cell.required', { column: '问题类别' });
      else issues.error(sheet, row.row, categoryCol, 'read.vetoCategory', { column: '问题类别', found: shownText(categoryValue) });
    }
    let prominent = false;
    if (prominentCol !== null) {
      const parsed = parseYesNo(cellAt(row, prominentCol));
      if (!parsed.ok) issues.fail(sheet, row.row, prominentCol, parsed);
      else prominent = parsed.value === true;
    }
    let date = '';
    if (dateCol !== null) {
      const parsed = parseDateCell(cellAt(row, dateCol));
      date = parsed.ok ? (parsed.value ?? '') : text(row, dateCol);
    }
    if (unit === null || category === null) continue;
    problems.push({
      unit,
      category,
      description: maskIdentifiers(text(row, descriptionCol)),
      source: maskIdentifiers(text(row, sourceCol)),
      date: maskIdentifiers(date),
      prominent,
      row: row.row + 1,
      ref: `${sheet}!${a1(row.row, categoryCol)}`,
    });
  }
  return problems;
}
