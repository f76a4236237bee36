/**
 * The compute core's front door: one call from a workbook snapshot to everything the
 * pane, the ribbon command and the CLI need. Pure: no Office, DOM, React or Node.
 *
 * Pipeline (each step a module with one job):
 *   read (validate + normalise + data checks, errors as data) → compute (score → vetoes →
 *   rank → grade → interviews → assistance) → report (result sheets, write plan, JSON).
 */
import { DEFAULT_ROLES, REGISTRY_SHEET } from './defaults';
import { candidateDataSheets, readInput, resolveRoleSheets } from './read';
import { compute } from './compute';
import { buildResultSheets, planWrite, toJson } from './report';
import { analyse, previousFromSnapshot, type Analysis, type PreviousYear } from './analysis';
import type {
  AssessmentInput,
  AssessmentResult,
  Issue,
  JsonReport,
  Lang,
  OutputSheet,
  Roles,
  WorkbookSnapshot,
  WritePlan,
} from './types';

export * from './types';
export { t, issueText } from './messages';
export { DEFAULT_ROLES, OUTPUT_SHEETS, REGISTRY_SHEET } from './defaults';
export { templateSheets } from './report';
export { summarizeReport, type OutcomeSummary } from './summary';

/** Kaohe's version, written into 考核说明 and the registry sheet. */
export const KAOHE_VERSION = '0.1.0';

export interface AssessOptions {
  lang: Lang;
  /** Time of computation (for 考核说明); pass it in so runs are reproducible. */
  now: Date;
  roles?: Partial<Roles>;
  /** Last year's result (同比), read by the adapter from another file (CLI, the page). */
  previous?: PreviousYear | null;
  /**
   * The pane's 上年结果表: last year's result is this sheet of the snapshot (read it with
   * `sheetsToRead(names, roles, previousSheet)`). Its errors are input errors: nothing is
   * written. Ignored when `previous` is given.
   */
  previousSheet?: string | null;
}

export interface AssessOutcome {
  /** False when the input has errors: nothing may be written. */
  ok: boolean;
  /** Errors and warnings, in sheet/row/column order. */
  issues: Issue[];
  input: AssessmentInput | null;
  result: AssessmentResult | null;
  /** The result sheets under their usual names. */
  sheets: OutputSheet[];
  /** What to write (null when not ok). */
  plan: WritePlan | null;
  json: JsonReport;
  /** Robustness, gaps and year over year (null when not ok). */
  analysis: Analysis | null;
}

/** Resolves the role sheet names, defaults filled in. */
export function resolveRoles(roles?: Partial<Roles>): Roles {
  return { ...DEFAULT_ROLES, ...(roles ?? {}) };
}

/**
 * Which sheets an adapter must load for `assess`: the role sheets (matched by normalised
 * name: `考核数据 ` is 考核数据), Kaohe's registry sheet, and every other sheet except
 * Kaohe's result sheets — a data column named in 指标设置 may be on any sheet with a unit
 * column (data on several sheets, one sheet per assessor). An adapter marks a sheet over
 * its limits `unreadable`: a role sheet is then an error, another sheet is skipped with a
 * warning. `previousSheet` (the pane's 上年结果表) is read too, also when it is one of
 * Kaohe's sheets. Cost: O(sheets).
 * @example sheetsToRead(['考核数据 ', 'Sheet1', '考核结果']) // => ['考核数据 ', 'Sheet1']
 * @example sheetsToRead(['考核数据', '考核结果'], {}, '考核结果') // => ['考核数据', '考核结果']
 */
export function sheetsToRead(sheetNames: string[], roles?: Partial<Roles>, previousSheet?: string | null): string[] {
  const r = resolveRoleSheets(sheetNames, resolveRoles(roles));
  const roleNames = new Set([r.data, r.indicators, r.problems, r.assistance, r.params, REGISTRY_SHEET]);
  const others = new Set(candidateDataSheets(sheetNames, r));
  return sheetNames.filter((name) => roleNames.has(name) || others.has(name) || name === previousSheet);
}

/**
 * Runs the whole assessment on a snapshot.
 * Never throws on bad input: every problem comes back as an Issue with its cell.
 */
export function assess(snapshot: WorkbookSnapshot, options: AssessOptions): AssessOutcome {
  const roles = resolveRoles(options.roles);
  const read = readInput(snapshot, roles, { now: options.now });
  // The 上年结果表's errors come after the input's, with their cells in this workbook.
  const last = options.previous || !options.previousSheet ? null : previousFromSnapshot(snapshot, options.previousSheet, options.previousSheet);
  const readIssues = last ? [...read.issues, ...last.issues] : read.issues;
  const errors = readIssues.filter((i) => i.severity === 'error');
  if (!read.input || errors.length > 0) {
    return {
      ok: false,
      issues: readIssues,
      input: null,
      result: null,
      sheets: [],
      plan: null,
      json: toJson(null, readIssues, options.lang),
      analysis: null,
    };
  }
  const result: AssessmentResult = compute(read.input);
  const issues = result.warnings;
  const analysis = analyse(read.input, result, options.previous ?? last?.previous ?? null);
  const sheets = buildResultSheets(result, read.input, { now: options.now, version: KAOHE_VERSION, analysis });
  const plan = planWrite(snapshot, sheets);
  return {
    ok: true,
    issues,
    input: read.input,
    result,
    sheets,
    plan,
    json: toJson(result, issues, options.lang, analysis),
    analysis,
  };
}
