/**
 * The reading layer: from a WorkbookSnapshot to a validated, normalised AssessmentInput
 * (RULEBOOK §§2, 3, 6, 7; WORKBOOK "Input sheets" and "Tolerance").
 *
 * Order: 指标设置 (or the built-in set) against 考核数据's headers → 考核参数 (needs the
 * dimensions) → 考核数据 rows → 问题清单 → 帮扶单位 → value checks → fingerprint.
 * Every error and warning is collected (reading never stops at the first) and returned
 * sorted by sheet (role order), row, column.
 */
import { DEFAULT_ROLES } from '../defaults';
import type { AssessmentInput, Issue, Roles, WorkbookSnapshot } from '../types';
import { readAssistance } from './assistance';
import { checkValues } from './checks';
import { readDataTable, readUnits } from './data';
import { inputFingerprint, sheetFingerprints } from './fingerprint';
import { readIndicators } from './indicators';
import { IssueList, sortIssues } from './issues';
import { createUnitMatcher } from './normalize';
import { readParams } from './params';
import { readProblems } from './problems';

/**
 * Reads and checks every input sheet. `input` is null only when reading cannot get far
 * enough (no 考核数据 sheet, or no unit column in it); any error in `issues` means the
 * input must not be computed. Never throws on bad input. Cost: O(cells of the role sheets).
 * @example readInput(snapshot, DEFAULT_ROLES, { now: new Date() }).input?.units.length // => 19
 */
export function readInput(snapshot: WorkbookSnapshot, roles: Roles, options: { now: Date }): { input: AssessmentInput | null; issues: Issue[] } {
  const issues = new IssueList();
  const sheet = (name: string) => snapshot.sheets[name];

  const dataGrid = sheet(roles.data);
  const dataTable = dataGrid ? readDataTable(dataGrid) : null;
  if (!dataGrid) issues.error(roles.data, null, null, 'read.sheet.missing', { sheet: roles.data });
  else if (!dataTable) issues.error(roles.data, null, null, 'read.sheet.noHeader', { column: '单位' });

  const read = readIndicators(sheet(roles.indicators), roles.indicators, dataTable ? { sheet: roles.data, headers: dataTable.headers } : null, issues);
  const params = readParams(sheet(roles.params), roles.params, read.dimensions, options.now, issues);
  if (!dataTable) return { input: null, issues: sortIssues(issues.items, roles) };

  const units = readUnits(dataTable, roles.data, read.indicators, params.missing, issues);
  const match = createUnitMatcher(units.map((u) => u.name));
  const problemsGrid = sheet(roles.problems);
  const problems = problemsGrid ? readProblems(problemsGrid, roles.problems, match, issues) : [];
  const assistanceGrid = sheet(roles.assistance);
  const assistance = assistanceGrid ? readAssistance(assistanceGrid, roles.assistance, units, match, params.missing, issues) : null;
  checkValues(read.indicators, units, issues);

  const sorted = sortIssues(issues.items, roles);
  const input: AssessmentInput = {
    params,
    indicators: read.indicators,
    indicatorSource: read.source,
    units,
    problems,
    assistance,
    roles,
    fingerprint: inputFingerprint(snapshot, roles),
    sheetFingerprints: sheetFingerprints(snapshot, roles, DEFAULT_ROLES),
    warnings: sorted.filter((i) => i.severity === 'warning'),
  };
  return { input, issues: sorted };
}

export { readParams } from './params';
export { readIndicators, builtinIndicatorGrid, methodOf, directionOf, splitDataColumn } from './indicators';
export { readUnits, readDataTable, UNIT_ALIASES } from './data';
export { readProblems } from './problems';
export { readAssistance, monthOf } from './assistance';
export { checkValues } from './checks';
export { vetoCategory } from './veto';
export { inputFingerprint } from './fingerprint';
export { IssueList, sortIssues } from './issues';
