/**
 * Staged writes into a live workbook (Excel through Office.js, WPS through its JS API), so a
 * write cannot half-happen. Host-neutral and pure: an adapter asks this module WHAT to do
 * and only executes it.
 *
 *   1. stage   delete orphans of earlier failed runs (`cleanup`), then write every new
 *              result sheet under a temporary name (`Kaohe暂存1`, `Kaohe暂存2`…), and create
 *              the registry sheet if the workbook has none (marker row only);
 *   2. swap    in ONE request: delete Kaohe's old sheets (`remove`), rename each staged
 *              sheet to its final name, rewrite the registry's content in place (clear
 *              columns A:B, write `registry.rows`), activate the first result sheet.
 *
 * On a failure while staging, `rollBack` names the staged sheets to delete: the previous
 * results stay as they were. On a failure during the swap (the old set may already be
 * partly deleted), `rollForward` names what is left to delete and rename, so the workbook
 * ends with the new set. The registry is never deleted and re-added: a very-hidden registry
 * (which no host lets us delete, and ExcelApi 1.1 cannot un-hide) works on every version.
 *
 * What proves a sheet is Kaohe's: the registry lists it; or its name is a staging name
 * (reserved); or it has a Kaohe result-sheet name and ends with the marker row
 * (`SHEET_MARKER`, see src/core/report/plan.ts) — an unregistered copy left by a failed run
 * of an earlier version. Adapters read the last used row of `markerCandidates(…)` while
 * reading the workbook and add the proven ones to the registry grid with `withProvenSheets`,
 * so the core's planWrite replaces them and reuses their names.
 */
import { isStagingName, STAGING_PREFIX } from '../core/defaults';
import { REGISTRY_SHEET } from '../core/defaults';
import { isKaoheSheetName, registeredSheets, registrySheet, REGISTRY_MARKER, REGISTRY_FORMAT } from '../core/report/plan';
import type { CellValue, OutputSheet, SheetGrid, WritePlan } from '../core/types';

export { isMarkerRow, SHEET_MARKER } from '../core/report/plan';

/** Staging sheet names are this prefix and a number; the prefix is reserved for Kaohe. */
export { STAGING_PREFIX };

/** Most unregistered sheets whose last row an adapter reads to look for the marker. */
export const MAX_MARKER_CANDIDATES = 40;

export { isStagingName };

/**
 * Sheets with a Kaohe result-sheet name that the registry does not list: the adapter reads
 * the last row of each (at most MAX_MARKER_CANDIDATES) to see whether Kaohe made it.
 * Cost: O(sheets).
 * @example markerCandidates(['考核数据', '考核结果', '考核结果(2)'], ['考核结果(2)']) // => ['考核结果']
 */
export function markerCandidates(sheetNames: string[], registered: string[]): string[] {
  const listed = new Set(registered);
  return sheetNames.filter((name) => isKaoheSheetName(name) && !listed.has(name)).slice(0, MAX_MARKER_CANDIDATES);
}

/**
 * The registry grid to hand the core: the registry as read, plus the sheets proven Kaohe's
 * by their marker row. Returns `grid` itself when nothing was proven. Cost: O(rows).
 * @example registeredSheets(withProvenSheets(undefined, ['考核结果'])) // => ['考核结果']
 */
export function withProvenSheets(grid: SheetGrid | undefined, proven: string[]): SheetGrid | undefined {
  if (proven.length === 0) return grid;
  const names = [...new Set([...registeredSheets(grid), ...proven])];
  return { name: REGISTRY_SHEET, values: [[REGISTRY_MARKER, REGISTRY_FORMAT], ...names.map((name) => [name])], originRow: 0, originCol: 0 };
}

/** One new result sheet: written under `staging`, renamed to `final` at the swap. */
export interface StagedSheet {
  staging: string;
  final: string;
  sheet: OutputSheet;
}

/** What an adapter executes for one plan. */
export interface StagedWrite {
  /** Orphans of earlier failed runs (staging names), deleted before anything is added. */
  cleanup: string[];
  /** The new result sheets, in order. */
  staged: StagedSheet[];
  /** Kaohe's old sheets, deleted at the swap (never the registry, never a staging sheet). */
  remove: string[];
  /**
   * The registry: created while staging when missing (`create`, with `sheet`), rewritten in
   * place at the swap with `rows`. Null for a plan without a registry (the input template):
   * the registry is then left as it is.
   */
  registry: { create: boolean; sheet: OutputSheet; rows: CellValue[][] } | null;
  /** The sheet activated after the swap (the first visible result sheet), or null. */
  activate: string | null;
  /**
   * Final names that a sheet Kaohe did not make now holds (the user added it after the
   * plan was made): the adapter must write nothing and say so.
   */
  conflicts: string[];
}

export interface StageInput {
  /** Every sheet of the workbook now, in tab order. */
  sheetNames: string[];
  /** The sheets the registry lists now (`registeredSheets` of the registry grid), plus any proven by their marker. */
  registered?: string[];
  plan: WritePlan;
}

/**
 * Decides staging names, the orphans to clean, the old sheets to delete and the registry's
 * new content. Cost: O(sheets).
 * @example stageWrite({ sheetNames: ['考核数据'], plan }).staged[0] // => { staging: 'Kaohe暂存1', final: '考核结果', sheet }
 */
export function stageWrite(input: StageInput): StagedWrite {
  const { sheetNames, plan } = input;
  const existing = new Set(sheetNames);
  const cleanup = sheetNames.filter(isStagingName);
  const ours = new Set([...plan.remove, ...(input.registered ?? [])]);
  const remove = sheetNames.filter((name) => ours.has(name) && name !== REGISTRY_SHEET && !isStagingName(name));
  const removed = new Set(remove);

  const results = plan.add.filter((sheet) => sheet.name !== REGISTRY_SHEET);
  const withRegistry = results.length < plan.add.length;
  const taken = new Set(sheetNames);
  const staged: StagedSheet[] = [];
  let n = 1;
  for (const sheet of results) {
    while (taken.has(`${STAGING_PREFIX}${n}`) && !cleanup.includes(`${STAGING_PREFIX}${n}`)) n++;
    staged.push({ staging: `${STAGING_PREFIX}${n}`, final: sheet.name, sheet });
    n++;
  }
  const conflicts = results.map((sheet) => sheet.name).filter((name) => existing.has(name) && !removed.has(name));
  const registry = registrySheet(results.map((sheet) => sheet.name));
  const first = results.find((sheet) => !sheet.hidden);
  return {
    cleanup,
    staged,
    remove,
    registry: withRegistry ? { create: !existing.has(REGISTRY_SHEET), sheet: registrySheet([]), rows: registry.rows.map((row) => row.map((cell) => cell.v)) } : null,
    activate: first ? first.name : null,
    conflicts,
  };
}

/**
 * After a failure while staging: the staged sheets that exist and must be deleted. The old
 * results were not touched. Cost: O(sheets).
 * @example rollBack(['考核结果', 'Kaohe暂存1'], write) // => ['Kaohe暂存1']
 */
export function rollBack(sheetNames: string[], write: StagedWrite): string[] {
  const staging = new Set(write.staged.map((s) => s.staging));
  return sheetNames.filter((name) => staging.has(name));
}

/** What is left of a swap that failed part-way. */
export interface SwapRemainder {
  /** Old sheets still there (deleted first). */
  remove: string[];
  /** Staged sheets not yet renamed. */
  rename: { from: string; to: string }[];
}

/**
 * After a failure during the swap (every staged sheet was complete): what is left to do so
 * that the workbook holds the new set. A final name that exists while its staged sheet is
 * still there is the OLD sheet (deletes come before renames). Cost: O(sheets).
 * @example rollForward(['考核结果', 'Kaohe暂存1'], write) // => { remove: ['考核结果'], rename: [{ from: 'Kaohe暂存1', to: '考核结果' }] }
 */
export function rollForward(sheetNames: string[], write: StagedWrite): SwapRemainder {
  const existing = new Set(sheetNames);
  const pending = write.staged.filter((s) => existing.has(s.staging));
  const pendingFinals = new Set(pending.map((s) => s.final));
  const done = new Set(write.staged.filter((s) => !existing.has(s.staging)).map((s) => s.final));
  const remove = write.remove.filter((name) => existing.has(name) && (pendingFinals.has(name) || !done.has(name)));
  return { remove, rename: pending.map((s) => ({ from: s.staging, to: s.final })) };
}
