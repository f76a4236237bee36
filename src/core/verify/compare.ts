/**
 * Compares one result sheet Kaohe wrote (as found in the workbook) with the same sheet
 * rebuilt from a recomputation, row by row matched on key columns (单位, or 帮扶单位 +
 * 联点村…), column by column matched on header text. A deleted, added or moved row is
 * named once instead of shifting every row below it. Pure.
 */
import { a1 } from '../a1';
import type { Msg, OutputSheet, SheetGrid } from '../types';
import { lastCol, lastRow, sameValue, shownFound, shownOut, textAt, valueAt } from './grid';

/** One place where the workbook disagrees with the recomputation. */
export interface Difference {
  /** Sheet name as found in the workbook ('' for the workbook as a whole). */
  sheet: string;
  /** A1 address on that sheet, or '' for the whole sheet. */
  cell: string;
  found: string;
  expected: string;
  message: Msg;
}

/** Most differences kept for one workbook; the rest are counted (bounded output). */
export const MAX_DIFFERENCES = 500;

/** A bounded list of differences: past the limit only the count grows. */
export class DifferenceList {
  readonly items: Difference[] = [];
  dropped = 0;

  add(difference: Difference): void {
    if (this.items.length < MAX_DIFFERENCES) this.items.push(difference);
    else this.dropped++;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }
}

/** How the rows of a table are matched, and which columns the town may fill in afterwards. */
export interface TableKeys {
  keys: string[];
  /** Columns not compared (e.g. 整改情况, filled in by hand after the interview). */
  skip?: string[];
  /**
   * A column showing an input value and the column naming its input cell (计算明细's
   * 原始值 and 来源单元格): a changed value is also reported at that input cell.
   */
  source?: { value: string; cell: string };
  /** 1-based sheet row of the found table's header (default 2, below the title). */
  headerRow?: number;
}

/** `考核数据!D7/E7` → { sheet: '考核数据', cell: 'D7' }; null when not a reference. */
export function sourceRef(text: string): { sheet: string; cell: string } | null {
  const m = /^(.+)!\$?([A-Z]{1,3}\$?\d+)/.exec(text.trim());
  return m ? { sheet: m[1], cell: m[2].replace(/\$/g, '') } : null;
}


function rowKey(texts: string[]): string {
  return texts.join('\u0001');
}

/**
 * Adds every difference between the found sheet and the expected one to `out`.
 * Cost: O(cells of both sheets).
 * @example compareTable(expected, foundGrid, { keys: ['单位'] }, list) // list.items[0].cell => 'H7'
 */
export function compareTable(expected: OutputSheet, found: SheetGrid, spec: TableKeys, out: DifferenceList): void {
  const sheet = found.name;
  const HEADER_ROW = spec.headerRow ?? 2;
  const FIRST_DATA_ROW = HEADER_ROW + 1;
  // Expected rows sit at rows[1] (header) and below; found rows from HEADER_ROW.
  const shift = HEADER_ROW - 2;
  const diff = (cell: string, foundText: string, expectedText: string, message: Msg) =>
    out.add({ sheet, cell, found: foundText, expected: expectedText, message });

  const title = expected.rows[0]?.[0];
  if (title && !sameValue(valueAt(found, 1, 1), title)) {
    const f = textAt(found, 1, 1);
    diff('A1', f, shownOut(title), { code: 'verify.value', params: { column: '标题', found: f, expected: shownOut(title) } });
  }

  // Columns by header text.
  const headers = (expected.rows[1] ?? []).map((cell) => shownOut(cell));
  const foundWidth = lastCol(found);
  const foundCols = new Map<string, number>();
  for (let c = 1; c <= foundWidth; c++) {
    const text = textAt(found, HEADER_ROW, c);
    if (text !== '' && !foundCols.has(text)) foundCols.set(text, c);
  }
  const columnOf: (number | null)[] = headers.map((h) => foundCols.get(h) ?? null);
  headers.forEach((h, i) => {
    if (columnOf[i] === null) diff(a1(HEADER_ROW - 1, i), textAt(found, HEADER_ROW, i + 1), h, { code: 'verify.columnMissing', params: { column: h } });
  });
  const expectedHeaders = new Set(headers);
  for (const [text, c] of foundCols) {
    if (!expectedHeaders.has(text)) diff(a1(HEADER_ROW - 1, c - 1), text, '', { code: 'verify.columnAdded', params: { column: text } });
  }

  const skip = new Set(spec.skip ?? []);
  const keyIndexes = spec.keys.map((k) => headers.indexOf(k)).filter((i) => i >= 0);
  const keyCols = keyIndexes.map((i) => columnOf[i]);
  const keyUsable = keyCols.length > 0 && keyCols.every((c) => c !== null);

  // Found rows by key; rows without a key (the 无需约谈的单位 line) in order.
  const foundByKey = new Map<string, number[]>();
  const foundKeyless: number[] = [];
  const last = lastRow(found);
  for (let r = FIRST_DATA_ROW; r <= last; r++) {
    const keyTexts = keyUsable ? keyCols.map((c) => textAt(found, r, c as number)) : [];
    if (keyUsable && keyTexts.some((t) => t !== '')) {
      const k = rowKey(keyTexts);
      const list = foundByKey.get(k);
      if (list) list.push(r);
      else foundByKey.set(k, [r]);
      continue;
    }
    let blank = true;
    for (let c = 1; c <= foundWidth && blank; c++) if (textAt(found, r, c) !== '') blank = false;
    if (!blank) foundKeyless.push(r);
  }

  const sourceAt = spec.source ? headers.indexOf(spec.source.cell) : -1;
  const compareRow = (expectedRow: number, foundRow: number) => {
    const cells = expected.rows[expectedRow - 1 - shift] ?? [];
    headers.forEach((h, i) => {
      const c = columnOf[i];
      if (c === null || skip.has(h)) return;
      const want = cells[i];
      const got = valueAt(found, foundRow, c);
      if (sameValue(got, want)) return;
      const f = shownFound(got, want);
      const e = shownOut(want);
      diff(a1(foundRow - 1, c - 1), f, e, { code: 'verify.value', params: { column: h, found: f, expected: e } });
      const input = spec.source && h === spec.source.value && sourceAt >= 0 ? sourceRef(shownOut(cells[sourceAt])) : null;
      if (input) {
        out.add({ ...input, found: e, expected: f, message: { code: 'verify.inputCell', params: { ref: `${sheet}!${a1(foundRow - 1, c - 1)}`, found: f, expected: e } } });
      }
    });
  };

  const expectedKeyless: number[] = [];
  const keyLabel = (texts: string[]) => texts.filter((t) => t !== '').join(' / ');
  for (let i = 2; i < expected.rows.length; i++) {
    const row1 = i + 1 + shift;
    const cells = expected.rows[i];
    const keyTexts = keyIndexes.map((k) => shownOut(cells[k]));
    if (!keyUsable || keyTexts.every((t) => t === '')) {
      expectedKeyless.push(row1);
      continue;
    }
    const rows = foundByKey.get(rowKey(keyTexts));
    const foundRow = rows?.shift();
    if (foundRow === undefined) {
      const label = keyLabel(keyTexts);
      diff(a1(row1 - 1, keyIndexes[0]), '', label, { code: 'verify.rowMissing', params: { unit: label, row: row1 } });
      continue;
    }
    compareRow(row1, foundRow);
  }
  for (const [k, rows] of foundByKey) {
    for (const r of rows) {
      const label = keyLabel(k.split('\u0001'));
      diff(a1(r - 1, (keyCols[0] as number) - 1), label, '', { code: 'verify.rowAdded', params: { unit: label } });
    }
  }
  expectedKeyless.forEach((row1, i) => {
    const foundRow = foundKeyless[i];
    if (foundRow === undefined) {
      const e = shownOut(expected.rows[row1 - 1 - shift]?.[0]);
      diff(a1(row1 - 1, 0), '', e, { code: 'verify.rowMissing', params: { unit: e, row: row1 } });
    } else compareRow(row1, foundRow);
  });
  for (const r of foundKeyless.slice(expectedKeyless.length)) {
    const f = textAt(found, r, 1);
    diff(a1(r - 1, 0), f, '', { code: 'verify.rowAdded', params: { unit: f } });
  }
}
