/**
 * Ledgers for the WPS adapter tests, loaded into the WPS simulator: the demo (templateSheets)
 * and the acceptance workbooks (test/acceptance/fixtures), cell for cell as WPS would hold
 * them after opening the .xlsx (dates as serial numbers with their format, error values,
 * merged areas). Test support only.
 */
import { templateSheets } from '../../../src/core';
import type { OutputSheet } from '../../../src/core/types';
import type { InCell, SheetSpec } from '../../acceptance/support/xlsx';
import { serialOf, SimApplication, type SimCell } from './wps-simulator';

/** One acceptance cell as WPS holds it. */
export function simCell(cell: InCell): SimCell | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) return { value: serialOf(cell), format: 'yyyy-mm-dd' };
  if (typeof cell === 'object' && 'excelError' in cell) return { error: cell.excelError };
  if (typeof cell === 'object' && 'numFmt' in cell) {
    const v = cell.v;
    if (v === null) return { format: cell.numFmt };
    return { value: v instanceof Date ? serialOf(v) : v, format: cell.numFmt };
  }
  return { value: cell };
}

/** A simulator holding the acceptance sheets (in order). */
export function simFromSpecs(specs: SheetSpec[]): SimApplication {
  const app = new SimApplication();
  for (const spec of specs) app.addSheet(spec.name, spec.rows.map((row) => row.map(simCell)), { merges: spec.merges });
  return app;
}

/** A simulator holding sheets laid out by the core (values only, as a user's ledger holds them). */
export function simFromSheets(sheets: OutputSheet[] = templateSheets(true)): SimApplication {
  const app = new SimApplication();
  for (const sheet of sheets) app.addSheet(sheet.name, sheet.rows.map((row) => row.map((cell) => (cell.v === null ? null : { value: cell.v, ...(cell.fmt ? { format: cell.fmt } : {}) }))), { merges: sheet.merges });
  return app;
}

/** The demo ledger as SheetSpecs (for writing the same workbook as an .xlsx for the CLI). */
export function demoSpecs(): SheetSpec[] {
  return templateSheets(true).map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) => row.map((cell) => (cell.fmt && typeof cell.v === 'number' ? { v: cell.v, numFmt: cell.fmt } : cell.v))),
    merges: sheet.merges,
  }));
}
