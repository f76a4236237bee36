/**
 * The write plan (WORKBOOK "Output sheets"): a sheet Kaohe did not create is never
 * overwritten or deleted; re-running replaces only Kaohe's own sheets.
 *
 * Kaohe records the sheets it made in a very-hidden registry sheet (REGISTRY_SHEET),
 * two columns:
 *
 *   A1 `kaohe-registry`   B1 format version (1)
 *   A2… one sheet name a row
 *
 * Every result sheet also ends with a marker row (SHEET_MARKER in column A, one blank row
 * above it), so that a copy no registry lists — left by a write that failed before the
 * registry was updated — can still be proven Kaohe's and replaced.
 *
 * In Excel the registry is never deleted: its content is rewritten in place (a very-hidden
 * sheet cannot be deleted, and ExcelApi 1.1 cannot un-hide it); writers that rebuild the
 * whole file (CLI, file mode) follow `remove`/`add` as planned. The staged, swap-in-place
 * execution of a plan in a live workbook is src/io/staging.ts.
 *
 * A registry without its marker row is treated as empty (no sheet is trusted as
 * Kaohe's); a listed name that does not look like a Kaohe sheet name
 * (`考核结果`, `考核结果(2)`…) is ignored, so a tampered registry cannot make Kaohe
 * delete a user's sheet.
 */
import { REGISTRY_SHEET } from '../defaults';
import type { CellValue, OutputSheet, SheetGrid, WorkbookSnapshot, WritePlan } from '../types';
import { textCell } from './layout';
import { rowCount, sheetBand } from './rows';

export const REGISTRY_MARKER = 'kaohe-registry';
export const REGISTRY_FORMAT = 1;
/** The text of the marker cell that ends every result sheet (result sheets are always Chinese). */
export const SHEET_MARKER = '本表由 Kaohe（考核）生成，重新计算时整表替换。';

/**
 * True when a row (the last row of a sheet's used range) is Kaohe's marker row.
 * @example isMarkerRow([SHEET_MARKER]) // => true
 */
export function isMarkerRow(row: readonly CellValue[] | undefined): boolean {
  return !!row && cellText(row[0]) === SHEET_MARKER && row.slice(1).every((v) => cellText(v) === '');
}

/**
 * A result sheet with its marker row appended (a blank row, then SHEET_MARKER in column A),
 * after its lazy rows too (they come before the held rows' end).
 * @example withMarker(sheet).rows.at(-1)?.[0].v // => SHEET_MARKER
 */
export function withMarker(sheet: OutputSheet): OutputSheet {
  const count = rowCount(sheet);
  const last = count > 0 ? sheetBand(sheet, count - 1, count)[0] : undefined;
  if (last && isMarkerRow(last.map((cell) => cell.v))) return sheet;
  return { ...sheet, rows: [...sheet.rows, [], [textCell(SHEET_MARKER)]] };
}

const cellText = (v: CellValue | undefined): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

import { isKaoheSheetName } from '../defaults';

export { isKaoheSheetName };

/**
 * The sheet names listed in a registry grid; [] when the grid is absent or has no marker.
 * Cost: O(rows).
 * @example registeredSheets(grid) // => ['考核结果', '计算明细']
 */
export function registeredSheets(grid: SheetGrid | undefined): string[] {
  if (!grid) return [];
  const rows = grid.values;
  const markerAt = rows.findIndex((row) => cellText(row[0]) === REGISTRY_MARKER);
  if (markerAt < 0 || grid.originCol !== 0) return [];
  return rows
    .slice(markerAt + 1)
    .map((row) => cellText(row[0]))
    .filter((name) => name !== '' && isKaoheSheetName(name));
}

/**
 * The registry sheet listing `names`, very hidden.
 * @example registrySheet(['考核结果']).rows[1][0].v // => '考核结果'
 */
export function registrySheet(names: string[]): OutputSheet {
  return {
    name: REGISTRY_SHEET,
    rows: [[textCell(REGISTRY_MARKER), { v: REGISTRY_FORMAT }], ...names.map((name) => [textCell(name)])],
    merges: [],
    widths: [20, 8],
    freezeRows: 0,
    freezeCols: 0,
    headerRows: [],
    print: { landscape: false, fitToWidth: false },
    hidden: true,
  };
}

/** `考核结果` → the first of `考核结果(2)`, `考核结果(3)`… not in `taken`. */
function freeName(wanted: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${wanted}(${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Decides what to remove and what to add. Cost: O(sheets).
 * @example planWrite({ sheetNames: ['考核数据'], sheets: {} }, sheets).remove // => []
 */
export function planWrite(snapshot: WorkbookSnapshot, sheets: OutputSheet[]): WritePlan {
  const existing = new Set(snapshot.sheetNames);
  const registered = registeredSheets(snapshot.sheets[REGISTRY_SHEET]).filter((name) => existing.has(name));
  const remove = [...new Set(registered)];
  // The registry's name is reserved for Kaohe: it is always replaced.
  if (existing.has(REGISTRY_SHEET)) remove.push(REGISTRY_SHEET);

  const removed = new Set(remove);
  const taken = new Set(snapshot.sheetNames.filter((name) => !removed.has(name)));
  const add: OutputSheet[] = [];
  const renamed: WritePlan['renamed'] = [];
  for (const sheet of sheets) {
    const name = taken.has(sheet.name) ? freeName(sheet.name, taken) : sheet.name;
    if (name !== sheet.name) renamed.push({ wanted: sheet.name, actual: name });
    taken.add(name);
    const marked = withMarker(sheet);
    add.push(name === sheet.name ? marked : { ...marked, name });
  }
  add.push(registrySheet(add.map((sheet) => sheet.name)));
  return { remove, add, renamed };
}
