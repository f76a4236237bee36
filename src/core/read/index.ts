/**
 * The reading layer: from a WorkbookSnapshot to a validated, normalised AssessmentInput
 * (RULEBOOK §§2, 3, 6, 7; WORKBOOK "Input sheets" and "Tolerance"; issue 10).
 *
 * Order: role sheets found by normalised name → 考核数据's table and the other sheets with
 * a unit column (data on several sheets, assessors) → 指标设置 (or the built-in set)
 * against their headers → 考核参数 (needs the dimensions) → 考核数据 rows → 问题清单 →
 * 帮扶单位 → value checks → fingerprint.
 * Every error and warning is collected (reading never stops at the first) and returned
 * sorted by sheet (role order), row, column.
 */
import { DEFAULT_ROLES, isKaoheSheetName, isStagingName, OUTPUT_SHEETS, REGISTRY_SHEET } from '../defaults';
import { t } from '../messages';
import type { AssessmentInput, Indicator, Issue, Roles, SheetGrid, WorkbookSnapshot } from '../types';
import { readAssistance } from './assistance';
import { checkValues } from './checks';
import { columnLetter } from '../a1';
import { readDataTable, readUnits, type DataTable } from './data';
import { inputFingerprints } from './fingerprint';
import { readIndicators } from './indicators';
import { IssueList, sortIssues } from './issues';
import { createUnitMatcher, findSheetName, headerKey } from './normalize';
import { readParams } from './params';
import { readProblems } from './problems';
import { ColumnFinder, groupKey, groupPoints, type DataSource } from './sources';
import { transposeTable } from './table';
import { cellText, formatNumber, isBlank } from './values';

/** Sheets never searched for data: Kaohe's own result sheets and registry. */
const NOT_DATA = new Set<string>([...OUTPUT_SHEETS, REGISTRY_SHEET]);

/**
 * The role sheets' real names in the workbook (matched after normalisation: `考核数据 `
 * finds 考核数据); a role with no such sheet keeps its name. Cost: O(roles × sheets).
 * @example resolveRoleSheets(['考核数据 '], DEFAULT_ROLES).data // => '考核数据 '
 */
export function resolveRoleSheets(sheetNames: string[], roles: Roles): Roles {
  const find = (name: string) => findSheetName(sheetNames, name) ?? name;
  return { data: find(roles.data), indicators: find(roles.indicators), problems: find(roles.problems), assistance: find(roles.assistance), params: find(roles.params) };
}

/** Sheets that may hold extra data columns: all but the role sheets and Kaohe's own. */
export function candidateDataSheets(sheetNames: string[], roles: Roles): string[] {
  // The sheets named for a role by default (问题清单, 帮扶单位…) are not data either, also when
  // the pane has set that role to another sheet or to none.
  const usual = resolveRoleSheets(sheetNames, DEFAULT_ROLES);
  const roleNames = new Set([roles.data, roles.indicators, roles.problems, roles.assistance, roles.params, usual.data, usual.indicators, usual.problems, usual.assistance, usual.params]);
  // Kaohe's own sheets (also `考核结果(2)`, `计算明细(续2)`) and sheets staged by an earlier,
  // interrupted write (`Kaohe暂存3`) are never data: they would change the fingerprint.
  return sheetNames.filter((name) => !roleNames.has(name) && !NOT_DATA.has(name.trim()) && !isKaoheSheetName(name.trim()) && !isStagingName(name));
}

/** Up to 8 texts of the first rows, for "no header" messages. */
function foundTexts(grid: SheetGrid): string {
  const texts: string[] = [];
  for (let r = 0; r < Math.min(10, grid.values.length) && texts.length < 8; r++) {
    for (const cell of grid.values[r] ?? []) {
      if (texts.length >= 8) break;
      if (typeof cell === 'string' && !isBlank(cell)) texts.push(`"${cellText(cell).trim().slice(0, 20)}"`);
    }
  }
  return texts.length > 0 ? texts.join('、') : '（空）';
}

/**
 * Reads and checks every input sheet. `input` is null only when reading cannot get far
 * enough (no 考核数据 sheet, or no unit column in it); any error in `issues` means the
 * input must not be computed. Never throws on bad input. Cost: O(cells of the sheets read).
 * @example readInput(snapshot, DEFAULT_ROLES, { now: new Date() }).input?.units.length // => 19
 */
export function readInput(snapshot: WorkbookSnapshot, givenRoles: Roles, options: { now: Date }): { input: AssessmentInput | null; issues: Issue[] } {
  const issues = new IssueList();
  const names = snapshot.sheetNames.length > 0 ? snapshot.sheetNames : Object.keys(snapshot.sheets);
  const roles = resolveRoleSheets(names, givenRoles);
  const sheet = (name: string): SheetGrid | undefined => {
    const grid = snapshot.sheets[name];
    if (grid?.unreadable) {
      issues.error(name, null, null, 'read.sheet.unreadable', { sheet: name, reason: t(grid.unreadable, 'zh') });
      return undefined;
    }
    return grid;
  };

  const dataGrid = snapshot.sheets[roles.data];
  const dataReadable = sheet(roles.data);
  let dataTable = dataReadable ? readDataTable(dataReadable) : null;
  if (dataReadable && !dataTable) dataTable = readTransposed(dataReadable, sheet(roles.indicators), roles, issues);
  if (!dataGrid) issues.error(roles.data, null, null, 'read.sheet.missing', { sheet: givenRoles.data });
  else if (dataReadable && !dataTable) issues.error(roles.data, null, null, 'read.sheet.noHeaderFound', { found: foundTexts(dataReadable) });

  // Other sheets with a unit column: data on several sheets, one sheet per assessor.
  const sources: DataSource[] = dataTable ? [{ sheet: roles.data, table: dataTable }] : [];
  if (dataTable) {
    for (const name of candidateDataSheets(names, roles)) {
      const grid = snapshot.sheets[name];
      if (!grid) continue;
      if (grid.unreadable) {
        issues.warning(name, null, null, 'read.sources.unreadable', { sheet: name, reason: t(grid.unreadable, 'zh') });
        continue;
      }
      const table = readDataTable(grid);
      if (table && table.headers.length > 1) sources.push({ sheet: name, table });
    }
  }
  const finder = dataTable ? new ColumnFinder(sources) : null;

  const read = readIndicators(sheet(roles.indicators), roles.indicators, dataTable ? { sheet: roles.data, headers: dataTable.headers, finder: finder! } : null, issues);
  const params = readParams(sheet(roles.params), roles.params, read.dimensions, options.now, issues);
  if (!dataTable) return { input: null, issues: sortIssues(issues.items, roles, names) };
  checkGroupPoints(sources, read.indicators, issues);

  const { units, values } = readUnits(dataTable, roles.data, read.indicators, params.missing, issues, {
    rankByType: params.rankByType,
    hiddenRows: params.hiddenRows,
    aggregate: params.aggregate,
    finder: finder!,
  });
  // Built only when a sheet needs it (names are normalised: costly for a county's units).
  let matcher: ReturnType<typeof createUnitMatcher> | null = null;
  const match: ReturnType<typeof createUnitMatcher> = (name) => (matcher ??= createUnitMatcher(units.map((u) => u.name)))(name);
  const problemsGrid = sheet(roles.problems);
  const problems = problemsGrid ? readProblems(problemsGrid, roles.problems, match, issues) : [];
  const assistanceGrid = sheet(roles.assistance);
  const assistance = assistanceGrid ? readAssistance(assistanceGrid, roles.assistance, units, match, params.missing, issues) : null;
  checkValues(read.indicators, values, issues);

  const sorted = sortIssues(issues.items, roles, names);
  const fingerprints = inputFingerprints(snapshot, roles, DEFAULT_ROLES, sources.slice(1).map((s) => s.sheet));
  const input: AssessmentInput = {
    params,
    indicators: read.indicators,
    indicatorSource: read.source,
    units,
    values,
    problems,
    assistance,
    roles,
    fingerprint: fingerprints.whole,
    sheetFingerprints: fingerprints.sheets,
    warnings: sorted.filter((i) => i.severity === 'warning'),
  };
  return { input, issues: sorted };
}

/**
 * A transposed 考核数据 (units across, items down): recognised by a column holding the data
 * columns' names (of 指标设置, or the built-in set); read turned round, with a warning.
 */
function readTransposed(grid: SheetGrid, indicatorGrid: SheetGrid | undefined, roles: Roles, issues: IssueList): DataTable | null {
  const names = readIndicators(indicatorGrid, roles.indicators, null, new IssueList()).indicators;
  const keys = new Set<string>();
  for (const ind of names) for (const column of ind.columns) keys.add(headerKey(column));
  const turned = transposeTable(grid, keys);
  if (!turned) return null;
  const table = readDataTable(turned.grid);
  if (!table) return null;
  table.transposed = true;
  issues.transposed.add(roles.data);
  issues.warning(roles.data, null, null, 'read.table.transposedHint', { col: columnLetter(turned.itemCol), items: turned.items.slice(0, 3).join('、') });
  return table;
}

/** Points in a group title (`减贫成效（30分）`) compared with the dimension's indicators; a difference is a warning. */
function checkGroupPoints(sources: DataSource[], indicators: Indicator[], issues: IssueList): void {
  const seen = new Set<string>();
  for (const source of sources) {
    for (const header of source.table.headers) {
      for (const title of header.groups) {
        if (seen.has(title)) continue;
        seen.add(title);
        const written = groupPoints(title);
        if (written === null) continue;
        const dimension = groupKey(title);
        const inDimension = indicators.filter((i) => headerKey(i.dimension) === dimension);
        if (inDimension.length === 0) continue;
        const sum = inDimension.reduce((s, i) => s + i.points, 0);
        if (Math.abs(sum - written) > 1e-9) {
          issues.warning(source.sheet, source.table.headerRow - 1, header.col, 'read.header.groupPoints', { group: title, written: formatNumber(written), dimension: inDimension[0].dimension, sum: formatNumber(sum) });
        }
      }
    }
  }
}

export { readParams } from './params';
export { readIndicators, builtinIndicatorGrid, methodOf, directionOf, splitDataColumn } from './indicators';
export { readUnits, readDataTable, UNIT_ALIASES } from './data';
export { readProblems } from './problems';
export { readAssistance, monthOf } from './assistance';
export { checkValues } from './checks';
export { vetoCategory } from './veto';
export { inputFingerprints } from './fingerprint';
export { IssueList, sortIssues } from './issues';
