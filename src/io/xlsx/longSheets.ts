/**
 * Sheets longer than Excel's 1,048,576 rows (计算明细 for 50,000 units × 40 indicators has
 * two million rows) are split: the first part keeps the name, each further part is named
 * `<name>(续2)`, `<name>(续3)`… and repeats the title and header rows, so every part
 * prints and filters on its own. The continuation sheets are listed in the registry, so a
 * re-run removes them like any other Kaohe sheet. A sheet with lazy rows is split into
 * lazy parts: no part's rows are built before it is written.
 */
import { REGISTRY_SHEET } from '../../core/defaults';
import type { OutputSheet } from '../../core/types';
import { rowCount, sheetBand, sheetColumns, sheetNotesIn } from '../../core/report/rows';
import { MAX_ROWS } from './sheetXml';

/** The name of the k-th part (k ≥ 2). */
export const continuationName = (name: string, k: number): string => `${name}(续${k})`;

function split(sheet: OutputSheet, maxRows: number, taken: Set<string>): OutputSheet[] {
  const head = Math.min(Math.max(0, ...sheet.headerRows, sheet.freezeRows), maxRows - 1);
  const body = maxRows - head;
  const parts: OutputSheet[] = [];
  const headRows = sheetBand(sheet, 0, head);
  const headMerges = sheet.merges.filter((range) => {
    const rows = range.match(/\d+/g)?.map(Number) ?? [];
    return rows.every((r) => r <= head);
  });
  const total = rowCount(sheet);
  const columns = sheetColumns(sheet);
  for (let start = head, k = 1; start < total; start += body, k++) {
    let name = k === 1 ? sheet.name : continuationName(sheet.name, k);
    while (k > 1 && taken.has(name)) name = `${name}_`;
    taken.add(name);
    const end = Math.min(total, start + body);
    const from = start;
    parts.push({
      ...sheet,
      name,
      // A lazy sheet's parts stay lazy: each builds its own rows, the held ones included.
      ...(sheet.lazy
        ? {
            rows: headRows,
            lazy: {
              at: head,
              count: end - from,
              columns,
              band: (s: number, e: number) => sheetBand(sheet, from + s, from + e),
              ...(sheet.lazy.notes ? { notes: (s: number, e: number) => sheetNotesIn(sheet, from + s, from + e) } : {}),
            },
          }
        : { rows: [...headRows, ...sheet.rows.slice(start, end)] }),
      merges: k === 1 ? sheet.merges.filter((range) => (range.match(/\d+/g)?.map(Number) ?? []).every((r) => r <= maxRows)) : headMerges,
      heights: sheet.heights ? [...sheet.heights.slice(0, head), ...sheet.heights.slice(start, start + body)] : undefined,
    });
  }
  return parts;
}

/**
 * The sheets to write, each at most `maxRows` rows, the registry extended with the
 * continuation sheets. Cost: O(held rows) only for sheets that are split.
 * @example expandLongSheets([detail, registry]).map((s) => s.name) // => ['计算明细', '计算明细(续2)', 'Kaohe登记'] for 2,000,002 rows
 */
export function expandLongSheets(sheets: OutputSheet[], existing: string[] = [], maxRows = MAX_ROWS): OutputSheet[] {
  if (sheets.every((s) => rowCount(s) <= maxRows)) return sheets;
  const taken = new Set([...existing, ...sheets.map((s) => s.name)]);
  const out: OutputSheet[] = [];
  const added: string[] = [];
  for (const sheet of sheets) {
    if (rowCount(sheet) <= maxRows) {
      out.push(sheet);
      continue;
    }
    const parts = split(sheet, maxRows, taken);
    out.push(...parts);
    added.push(...parts.slice(1).map((p) => p.name));
  }
  return out.map((sheet) =>
    sheet.name === REGISTRY_SHEET && sheet.hidden
      ? { ...sheet, rows: [...sheet.rows, ...added.map((name) => [{ v: name, text: true, fmt: '@' }])] }
      : sheet,
  );
}
