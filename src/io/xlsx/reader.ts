/**
 * The .xlsx reader: package → WorkbookSnapshot, reading only what the core needs.
 *
 * API (stable; only additions):
 * - `readSnapshot(pkg, pick, limits?)` → WorkbookSnapshot: every sheet name in tab order;
 *   for the names `pick` returns, a SheetGrid (values, formats, merges, hiddenRows,
 *   hiddenCols, or `unreadable` with a message naming the sheet). Shared strings and number
 *   formats are read only when a picked sheet exists. Throws XlsxError for package-level
 *   problems (damaged zip entry, shared strings over their limit).
 * - `readXlsx(bytes, pick, limits?)` → openPackage + readSnapshot in one call.
 * Limits: see `DEFAULT_LIMITS` in package.ts (per-call overrides win over the package's).
 */
import type { SheetGrid, WorkbookSnapshot } from '../../core/types';
import { openPackage, type PackageLimits, type XlsxPackage } from './package';
import { readSheet, type SheetContext } from './readSheet';
import { readNumberFormats, readSharedStrings } from './styles';

/**
 * Cost: O(shared strings + styles + picked sheet parts), memory O(cells read).
 * @example readSnapshot(openPackage(bytes), (names) => names.filter((n) => n === '考核数据')).sheets['考核数据'].values[0]
 */
export function readSnapshot(pkg: XlsxPackage, pick: (sheetNames: string[]) => string[], limits: Partial<PackageLimits> = {}): WorkbookSnapshot {
  const all = { ...pkg.limits, ...limits };
  const sheetNames = pkg.sheets.map((s) => s.name);
  const wanted = new Set(pick(sheetNames.slice()));
  const picked = pkg.sheets.filter((s) => wanted.has(s.name));
  const sheets: Record<string, SheetGrid> = {};
  if (picked.length === 0) return { sheetNames, sheets };
  const context: SheetContext = {
    strings: readSharedStrings({ ...pkg, limits: all }),
    formats: readNumberFormats({ ...pkg, limits: all }),
    date1904: pkg.date1904,
    cellLimit: all.cellsPerSheet,
    partLimit: all.largePart,
  };
  for (const sheet of picked) sheets[sheet.name] = readSheet(pkg, sheet, context);
  return { sheetNames, sheets };
}

/** openPackage + readSnapshot. Throws XlsxError like both. */
export function readXlsx(bytes: Uint8Array | ArrayBuffer, pick: (sheetNames: string[]) => string[], limits: Partial<PackageLimits> = {}): WorkbookSnapshot {
  return readSnapshot(openPackage(bytes, limits), pick, limits);
}
