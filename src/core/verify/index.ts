/**
 * Verifying a town's workbook (issue 14): recompute from the workbook's own input sheets
 * with the parameters recorded in its 考核说明, and compare with the result sheets it
 * holds (found through Kaohe's registry). Every difference names its cell. Also checks the
 * inputs' fingerprints against the recorded ones (which input sheet changed) and the
 * Kaohe version (a warning). Nothing is written. Pure: the workbook comes in through a
 * `read(pick)` function (any adapter's WorkbookPort.read).
 *
 * What this proves and what it cannot: docs/city.md.
 */
import { parseA1 } from '../a1';
import { DEFAULT_ROLES, OUTPUT_SHEETS, REGISTRY_SHEET } from '../defaults';
import { assess, KAOHE_VERSION, sheetsToRead, type AssessOutcome } from '../index';
import { issueText } from '../messages';
import { inputFingerprints } from '../read/fingerprint';
import { IssueList, roleOrder } from '../read/issues';
import { parameterName, readParams } from '../read/params';
import { PARAM_LINES } from '../report/params';
import { isKaoheSheetName, isMarkerRow, registeredSheets } from '../report/plan';
import type { CellValue, Issue, Lang, Msg, OutputSheet, Params, Roles, SheetGrid, WorkbookSnapshot } from '../types';
import { lastCol, lastRow, textAt } from './grid';
import { compareTable, DifferenceList, type Difference, type TableKeys } from './compare';
import { readRecord, recordedRoles, recordedTime, type Recorded } from './record';

export type { Difference } from './compare';
export { MAX_DIFFERENCES } from './compare';

export interface VerifyWarning {
  sheet: string;
  cell: string;
  message: Msg;
}

export interface VerifyReport {
  /** True when no difference was found. */
  consistent: boolean;
  /** 镇名 and 考核年度 of the recomputation (or as recorded), null when unknown. */
  town: string | null;
  year: number | null;
  /** Kaohe version and time of computation recorded in 考核说明 (null when absent). */
  version: string | null;
  computedAt: string | null;
  differences: Difference[];
  /** Differences past MAX_DIFFERENCES, counted but not listed. */
  omitted: number;
  warnings: VerifyWarning[];
  /** The recomputation (null when the inputs cannot be computed or it was never computed). */
  outcome: AssessOutcome | null;
}

export type ReadWorkbook = (pick: (sheetNames: string[]) => string[]) => Promise<WorkbookSnapshot>;

export interface VerifyOptions {
  lang: Lang;
  /** Fallback time when 考核说明 records none (only the default year depends on it). */
  now: Date;
}

/** How each compared result sheet's rows are matched. Other result sheets: presence only. */
const TABLES: Record<string, TableKeys> = {
  考核结果: { keys: ['单位'] },
  计算明细: { keys: ['单位', '维度', '指标'], source: { value: '原始值', cell: '来源单元格' } },
  约谈名单: { keys: ['单位'], skip: ['整改情况'] },
  帮扶单位考核: { keys: ['帮扶单位', '联点村'] },
};
const ABOUT = '考核说明';
/** Written only when there are warnings, which depend on how the inputs look today: not checked. */
const UNCHECKED = new Set(['数据核验']);

/**
 * Differences in reading order: the workbook as a whole, the input sheets (role order),
 * then the result sheets in tab order; within a sheet by row, then column. Stable.
 * Cost: O(n log n).
 */
export function sortDifferences(items: Difference[], roles: Roles): Difference[] {
  const inputs = roleOrder(roles);
  const rank = (sheet: string): number => {
    if (sheet === '') return 0;
    const input = inputs.indexOf(sheet);
    if (input >= 0) return 1 + input;
    const output = (OUTPUT_SHEETS as readonly string[]).indexOf(baseSheetName(sheet));
    return 1 + inputs.length + (output >= 0 ? output : OUTPUT_SHEETS.length);
  };
  const keyed = items.map((d, index) => {
    const at = d.cell ? parseA1(d.cell) : null;
    return { d, index, sheet: rank(d.sheet), row: at ? at.row : -1, col: at ? at.col : -1 };
  });
  keyed.sort((x, y) => x.sheet - y.sheet || x.row - y.row || x.col - y.col || x.index - y.index);
  return keyed.map((k) => k.d);
}

/** `考核结果(2)` → `考核结果`. */
export function baseSheetName(name: string): string {
  return name.replace(/\(\d+\)$/, '');
}

/**
 * A 考核参数 grid with the recorded values in place of today's (names matched by their
 * canonical parameter), so the recomputation uses the parameters the computation used.
 * Cost: O(cells of the sheet + recorded lines).
 */
export function recordedParamsGrid(current: SheetGrid | undefined, sheet: string, recorded: Recorded['params']): SheetGrid {
  const wanted = new Map<string, string>();
  for (const line of recorded) {
    const name = parameterName(line.label);
    if (name) wanted.set(name.canonical, line.value);
  }
  const values: CellValue[][] = current ? current.values.map((row) => (row ? row.slice() : [])) : [['参数', '值']];
  const formats = current?.formats?.map((row) => (row ? row.slice() : []));
  const placed = new Set<string>();
  let nameCol = 0;
  values.forEach((row, r) => {
    for (let c = 0; c + 1 <= row.length; c++) {
      const name = typeof row[c] === 'string' ? parameterName(row[c] as string) : null;
      if (!name || !wanted.has(name.canonical)) continue;
      row[c + 1] = wanted.get(name.canonical) ?? '';
      if (formats?.[r]) formats[r][c + 1] = null;
      placed.add(name.canonical);
      nameCol = c;
      break;
    }
  });
  for (const line of recorded) {
    const name = parameterName(line.label);
    if (!name || placed.has(name.canonical)) continue;
    const row: CellValue[] = [];
    row[nameCol] = line.label;
    row[nameCol + 1] = line.value;
    values.push(row);
    placed.add(name.canonical);
  }
  return { name: sheet, values, formats, originRow: current?.originRow ?? 0, originCol: current?.originCol ?? 0 };
}

/** The value 考核说明 would record for each parameter line, by label. */
function paramValues(params: Params): Map<string, string> {
  return new Map(PARAM_LINES.map((line) => [line.label, String(line.value(params))]));
}

function located(sheet: string, cell: string, message: Msg, lang: Lang): string {
  const issue: Issue = { ...message, severity: 'error', sheet, cell };
  return issueText(issue, lang);
}

/**
 * Verifies one workbook. Never throws on bad content: every finding is a difference or a
 * warning. Cost: one recomputation plus O(cells of the result sheets).
 * @example (await verifyWorkbook(book.read, { lang: 'zh', now })).consistent // => true
 */
export async function verifyWorkbook(read: ReadWorkbook, options: VerifyOptions): Promise<VerifyReport> {
  const diffs = new DifferenceList();
  const warnings: VerifyWarning[] = [];
  const report = (outcome: AssessOutcome | null, town: string | null, year: number | null, recorded: Recorded | null): VerifyReport => ({
    consistent: diffs.count === 0,
    town,
    year,
    version: recorded?.version?.value || null,
    computedAt: recorded?.computedAt?.value || null,
    differences: sortDifferences(diffs.items, recorded ? recordedRoles(recorded) : DEFAULT_ROLES),
    omitted: diffs.dropped,
    warnings,
    outcome,
  });

  // 1. Kaohe's own sheets, through the registry.
  const first = await read((names) => names.filter((name) => name === REGISTRY_SHEET || isKaoheSheetName(name)));
  const existing = new Set(first.sheetNames);
  const registered = registeredSheets(first.sheets[REGISTRY_SHEET]).filter((name) => existing.has(name));
  const byName = registered.length > 0;
  const resultName = (base: string): string | undefined =>
    byName ? registered.find((name) => baseSheetName(name) === base) : existing.has(base) ? base : undefined;
  if (!byName) {
    if (!OUTPUT_SHEETS.some((name) => existing.has(name))) {
      diffs.add({ sheet: '', cell: '', found: '', expected: '', message: { code: 'verify.notComputed' } });
      return report(null, null, null, null);
    }
    warnings.push({ sheet: REGISTRY_SHEET, cell: '', message: { code: 'verify.noRegistry' } });
  }

  // 2. What 考核说明 recorded: parameters, roles, time, version, fingerprints.
  const aboutName = resultName(ABOUT);
  const aboutGrid = aboutName ? first.sheets[aboutName] : undefined;
  const recorded = aboutGrid ? readRecord(aboutGrid) : null;
  const roles: Roles = recorded ? recordedRoles(recorded) : { ...DEFAULT_ROLES };
  const now = (recorded && recordedTime(recorded)) ?? options.now;

  // 3. The input sheets, and a recomputation with the recorded parameters.
  const second = await read((names) => sheetsToRead(names, roles));
  const snapshot: WorkbookSnapshot = { sheetNames: second.sheetNames, sheets: { ...first.sheets, ...second.sheets } };
  const useRecorded = recorded !== null && recorded.params.length > 0;
  const recomputeFrom: WorkbookSnapshot = useRecorded
    ? { ...snapshot, sheets: { ...snapshot.sheets, [roles.params]: recordedParamsGrid(snapshot.sheets[roles.params], roles.params, recorded.params) } }
    : snapshot;
  const outcome = assess(recomputeFrom, { lang: options.lang, now, roles });
  const recordedTown = recorded?.params.find((line) => line.label === '镇名')?.value || null;
  const recordedYear = Number(recorded?.params.find((line) => line.label === '考核年度')?.value) || null;

  if (!outcome.ok || !outcome.result) {
    for (const issue of outcome.issues.filter((i) => i.severity === 'error')) {
      diffs.add({ sheet: issue.sheet, cell: issue.cell, found: '', expected: '', message: { code: 'verify.inputError', params: { message: issueText({ ...issue, sheet: '' }, options.lang) } } });
    }
  } else {
    // 3a. Today's 考核参数 against the recorded parameters.
    if (useRecorded) {
      const dimensions = outcome.result.dimensions;
      const today = paramValues(readParams(snapshot.sheets[roles.params], roles.params, dimensions, now, new IssueList()));
      for (const line of recorded.params) {
        const value = today.get(line.label);
        if (value === undefined || value === line.value) continue;
        diffs.add({
          sheet: aboutName as string,
          cell: line.cell,
          found: line.value,
          expected: value,
          message: { code: 'verify.param', params: { name: line.label, found: line.value, expected: value, sheet: roles.params } },
        });
      }
    }
    // 3b. Each result sheet against its recomputation.
    const expectedNames = new Set<string>();
    for (const sheet of outcome.sheets) {
      expectedNames.add(sheet.name);
      if (UNCHECKED.has(sheet.name)) continue;
      const name = resultName(sheet.name);
      const grid = name ? first.sheets[name] : undefined;
      if (!name || !grid) {
        diffs.add({ sheet: sheet.name, cell: '', found: '', expected: '', message: { code: 'verify.sheetMissing' } });
        continue;
      }
      const spec = TABLES[sheet.name];
      // Written sheets end with Kaohe's marker row (plan.ts), which the recomputation has not.
      if (spec) compareTable(sheet, withoutMarker(grid), spec, diffs);
      if (sheet.name === ABOUT) compareIndicatorSection(sheet, grid, diffs);
    }
    for (const name of registered) {
      const base = baseSheetName(name);
      if (!expectedNames.has(base) && !UNCHECKED.has(base)) warnings.push({ sheet: name, cell: '', message: { code: 'verify.extraSheet' } });
    }
  }

  // 4. Fingerprints: the inputs as they are now against those recorded.
  if (!recorded) {
    // With a recomputation, 考核说明's absence is already a sheetMissing difference.
    if (!outcome.ok) diffs.add({ sheet: ABOUT, cell: '', found: '', expected: '', message: { code: 'verify.sheetMissing' } });
    warnings.push({ sheet: ABOUT, cell: '', message: { code: 'verify.noRecord' } });
  } else {
    checkFingerprints(snapshot, roles, recorded, aboutName as string, diffs, warnings);
    const version = recorded.version?.value ?? '';
    if (version !== KAOHE_VERSION) {
      warnings.push({ sheet: aboutName as string, cell: recorded.version?.cell ?? '', message: { code: 'verify.version', params: { found: version || '?', expected: KAOHE_VERSION } } });
    }
  }

  const params = outcome.result?.params;
  return report(outcome.ok ? outcome : null, params?.town ?? recordedTown, params?.year ?? recordedYear, recorded);
}

/**
 * 考核说明's 二、指标设置 table (the indicators the computation used, as shown to a reader)
 * against the recomputation's, matched by 维度 + 指标. Cost: O(indicators).
 */
function compareIndicatorSection(expected: OutputSheet, found: SheetGrid, diffs: DifferenceList): void {
  const isHeader = (a: string, b: string) => a === '维度' && b === '指标';
  const at = expected.rows.findIndex((row) => isHeader(String(row[0]?.v ?? ''), String(row[1]?.v ?? '')));
  if (at < 0) return;
  let end = at + 1;
  while (end < expected.rows.length && expected.rows[end].length > 0) end++;
  const last = lastRow(found);
  let header = 0;
  for (let r = 1; r <= last && header === 0; r++) if (isHeader(textAt(found, r, 1), textAt(found, r, 2))) header = r;
  if (header === 0) {
    diffs.add({ sheet: found.name, cell: '', found: '', expected: '维度', message: { code: 'verify.columnMissing', params: { column: '二、指标设置' } } });
    return;
  }
  const values: CellValue[][] = [];
  const width = lastCol(found);
  for (let r = header; r <= last; r++) {
    let blank = true;
    for (let c = 1; c <= width && blank; c++) if (textAt(found, r, c) !== '') blank = false;
    if (blank) break;
    values.push(found.values[r - 1 - found.originRow] ?? []);
  }
  const section: OutputSheet = { ...expected, rows: [[], ...expected.rows.slice(at, end)] };
  const grid: SheetGrid = { name: found.name, values, originRow: header - 1, originCol: found.originCol };
  compareTable(section, grid, { keys: ['维度', '指标'], headerRow: header }, diffs);
}

function checkFingerprints(snapshot: WorkbookSnapshot, roles: Roles, recorded: Recorded, aboutName: string, diffs: DifferenceList, warnings: VerifyWarning[]): void {
  // Both fingerprints in one pass over the input sheets.
  const { whole, sheets: now } = inputFingerprints(snapshot, roles, DEFAULT_ROLES);
  const wholeChanged = recorded.fingerprint !== null && recorded.fingerprint.value !== whole;
  if (recorded.fingerprint === null) {
    warnings.push({ sheet: aboutName, cell: '', message: { code: 'verify.noFingerprint' } });
  }
  if (recorded.sheets.length === 0) {
    if (wholeChanged && recorded.fingerprint) {
      diffs.add({ sheet: aboutName, cell: recorded.fingerprint.cell, found: recorded.fingerprint.value, expected: whole, message: { code: 'verify.inputsChanged' } });
    }
    return;
  }
  const nowBySheet = new Map(now.map((s) => [s.sheet, s]));
  const recordedSheets = new Set(recorded.sheets.map((s) => s.sheet));
  for (const s of recorded.sheets) {
    const current = nowBySheet.get(s.sheet);
    const where = `${aboutName}!${s.cell}`;
    if (!current) diffs.add({ sheet: s.sheet, cell: '', found: '', expected: s.fingerprint, message: { code: 'verify.inputRemoved', params: { ref: where } } });
    else if (current.fingerprint !== s.fingerprint) {
      diffs.add({ sheet: s.sheet, cell: '', found: current.fingerprint, expected: s.fingerprint, message: { code: 'verify.inputChanged', params: { ref: where } } });
    }
  }
  for (const s of now) {
    if (!recordedSheets.has(s.sheet)) diffs.add({ sheet: s.sheet, cell: '', found: s.fingerprint, expected: '', message: { code: 'verify.inputAdded' } });
  }
}

/** The JSON of `verify` (docs/city.md): messages rendered with their location. */
export interface VerifyJson {
  consistent: boolean;
  town: string | null;
  year: number | null;
  version: string | null;
  computedAt: string | null;
  differences: { sheet: string; cell: string; found: string; expected: string; message: string }[];
  omitted: number;
  warnings: { sheet: string; cell: string; message: string }[];
}

/**
 * Renders a report for the CLI and the page. Cost: O(differences).
 * @example verifyJson(report, 'zh').differences[0].message // => '考核结果!H7：等次为"好"，重新计算为"较好"'
 */
export function verifyJson(report: VerifyReport, lang: Lang): VerifyJson {
  return {
    consistent: report.consistent,
    town: report.town,
    year: report.year,
    version: report.version,
    computedAt: report.computedAt,
    differences: report.differences.map((d) => ({ sheet: d.sheet, cell: d.cell, found: d.found, expected: d.expected, message: located(d.sheet, d.cell, d.message, lang) })),
    omitted: report.omitted,
    warnings: report.warnings.map((w) => ({ sheet: w.sheet, cell: w.cell, message: located(w.sheet, w.cell, w.message, lang) })),
  };
}

/** The grid without Kaohe's trailing marker row and the blank rows before it. */
function withoutMarker(grid: SheetGrid): SheetGrid {
  const rows = grid.values;
  let end = rows.length;
  if (end === 0 || !isMarkerRow(rows[end - 1])) return grid;
  end--;
  while (end > 0 && (rows[end - 1] ?? []).every((v) => v === null || v === undefined || v === '')) end--;
  return { ...grid, values: rows.slice(0, end), formats: grid.formats?.slice(0, end) };
}
