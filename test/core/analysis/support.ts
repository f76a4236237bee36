/** Snapshots for the analysis tests: the demo workbook and the acceptance tie variants. */
import { assess, type AssessOutcome } from '../../../src/core/index';
import { templateSheets } from '../../../src/core/report';
import type { CellValue, OutputSheet, WorkbookSnapshot } from '../../../src/core/types';
import { tiesSheets, VARIANTS } from '../../acceptance/fixtures/tiesParams';
import type { SheetSpec } from '../../acceptance/support/xlsx';

export const NOW = new Date('2019-01-05T01:00:00Z');

/** What an adapter would read back from sheets Kaohe writes (values only). */
export function snapshotOfSheets(sheets: OutputSheet[]): WorkbookSnapshot {
  return {
    sheetNames: sheets.map((s) => s.name),
    sheets: Object.fromEntries(sheets.map((s) => [s.name, { name: s.name, values: s.rows.map((r) => r.map((c) => c.v ?? null)), originRow: 0, originCol: 0 }])),
  };
}

/** A SheetSpec workbook as an adapter would read it (values and number formats). */
export function snapshotOfSpecs(specs: SheetSpec[]): WorkbookSnapshot {
  const value = (cell: unknown): CellValue => (cell !== null && typeof cell === 'object' && 'v' in cell ? ((cell as { v: CellValue }).v ?? null) : ((cell ?? null) as CellValue));
  const format = (cell: unknown): string | null => (cell !== null && typeof cell === 'object' && 'numFmt' in cell ? String((cell as { numFmt: string }).numFmt) : null);
  return {
    sheetNames: specs.map((s) => s.name),
    sheets: Object.fromEntries(
      specs.map((s) => [s.name, { name: s.name, values: s.rows.map((r) => r.map(value)), formats: s.rows.map((r) => r.map(format)), originRow: 0, originCol: 0 }]),
    ),
  };
}

export function demoOutcome(): AssessOutcome {
  return assess(snapshotOfSheets(templateSheets(true)), { lang: 'zh', now: NOW });
}

/** Every acceptance tie variant, computed. */
export function variantOutcomes(): [string, AssessOutcome][] {
  return VARIANTS.map((v) => [v.label, assess(snapshotOfSpecs(tiesSheets(v.params, v.blankGaofeng, v.problems)), { lang: 'zh', now: NOW })]);
}
