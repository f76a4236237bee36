/**
 * Layout helpers shared by every sheet Kaohe writes: cells (text, score, number),
 * the title row, the header row, column widths that fit CJK text, print setup.
 * Pure: builds OutputSheet data, knows nothing of the adapter that writes it.
 */
import { columnLetter } from '../a1';
import type { Grade, LazyRows, OutCell, OutputSheet, Params } from '../types';
import { sheetBands } from './rows';

/** ARGB fills of the grade cells: 好 green, 较好 blue, 一般 yellow, 较差 red. */
export const GRADE_FILLS: Record<Grade, string> = {
  好: 'FFC6EFCE',
  较好: 'FFDDEBF7',
  一般: 'FFFFEB9C',
  较差: 'FFFFC7CE',
};

/** Fill of a failing cell (未达标). */
export const FAIL_FILL = 'FFFFC7CE';

/** Format of every score: two decimals. */
export const SCORE_FORMAT = '0.00';

/** Narrowest and widest column, in characters. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * Literal text: written as a string, number format `@`, never a formula.
 * @example textCell('=1+1') // => { v: '=1+1', text: true, fmt: '@' }
 */
export function textCell(v: string | null | undefined, extra?: Partial<OutCell>): OutCell {
  // No spread without extras: 计算明细 makes four of these a row, 8 million rows at 200,000 units.
  return extra ? { v: v ?? '', text: true, fmt: '@', ...extra } : { v: v ?? '', text: true, fmt: '@' };
}

/**
 * A score shown with two decimals.
 * @example scoreCell(18.5) // => { v: 18.5, fmt: '0.00', align: 'right' }
 */
export function scoreCell(v: number | null, extra?: Partial<OutCell>): OutCell {
  return extra ? { v, fmt: SCORE_FORMAT, align: 'right', ...extra } : { v, fmt: SCORE_FORMAT, align: 'right' };
}

/** A plain number (counts, ranks), General format. */
export function numberCell(v: number | null, extra: Partial<OutCell> = {}): OutCell {
  return { v, align: 'center', ...extra };
}

/**
 * Width of a string in terminal/Excel columns: a CJK or full-width character counts 2.
 * Cost: O(length).
 * @example displayWidth('考核a') // => 5
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Shown text of a cell value, for width estimates. Scores count with their two decimals. */
function shownText(cell: OutCell): string {
  if (cell.v === null || cell.v === undefined) return '';
  if (typeof cell.v === 'number') return cell.fmt === SCORE_FORMAT ? cell.v.toFixed(2) : String(cell.v);
  return cell.v;
}

/**
 * Display width of the widest line of a text (lines split on `\n`).
 * Cost: O(length). @example widestLine('ab\n考核a') // => 5
 */
export function widestLine(text: string): number {
  let widest = 0;
  let width = 0;
  for (const ch of text) {
    if (ch === '\n') {
      if (width > widest) widest = width;
      width = 0;
      continue;
    }
    width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return width > widest ? width : widest;
}

/**
 * Column widths that fit the widest line of each column (title row excluded),
 * clamped to [6, 60] characters, plus a margin of 2. Cost: O(cells), no per-cell arrays
 * (it runs on 计算明细's 200,000 rows).
 */
export function fitWidths(rows: OutCell[][], columns: number, skipRows = 1): number[] {
  const widths = Array.from({ length: columns }, () => MIN_WIDTH);
  widenTo(widths, rows, skipRows);
  return widths;
}

/** Widens `widths` in place to fit `rows` from `skipRows` on (the fitWidths rule). Cost: O(cells). */
function widenTo(widths: number[], rows: OutCell[][], skipRows: number): void {
  const columns = widths.length;
  for (let r = skipRows; r < rows.length; r++) {
    const row = rows[r];
    const end = Math.min(columns, row.length);
    for (let col = 0; col < end; col++) if (widths[col] < MAX_WIDTH) widenToText(widths, col, shownText(row[col]));
  }
}

/**
 * Widens column `col` of `widths` in place to fit a cell showing `shown` (the fitWidths
 * rule), for sheets that fit their lazy rows without building them. Cost: O(length).
 * @example const w = [6]; widenToText(w, 0, '龙源村龙源村'); w // => [14]
 */
export function widenToText(widths: number[], col: number, shown: string): void {
  if (widths[col] >= MAX_WIDTH) return;
  const needed = widestLine(shown) + 2;
  if (needed > widths[col]) widths[col] = Math.min(MAX_WIDTH, needed);
}

/** Points per line of 11-pt text, as Excel lays it out. */
const LINE_POINTS = 15;

/**
 * Row heights for wrapped text: each wrapped cell needs as many lines as its text takes
 * at its column's width (a CJK character counts 2); rows that fit on one line keep the
 * default (null). Cost: O(cells).
 * @example rowHeights([[{ v: '一二三四五六', wrap: true }]], [5]) // => [45]
 */
export function rowHeights(rows: OutCell[][], widths: number[]): (number | null)[] {
  return rows.map((row) => {
    let lines = 1;
    row.forEach((cell, col) => {
      if (!cell.wrap || cell.v === null || cell.v === '') return;
      const room = Math.max(1, (widths[col] ?? MIN_WIDTH) - 1);
      const needed = String(cell.v)
        .split('\n')
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
      lines = Math.max(lines, needed);
    });
    // Excel's row height limit is 409 points; a longer text wraps within (and scrolls in the cell).
    return lines > 1 ? Math.min(MAX_ROW_POINTS, lines * LINE_POINTS) : null;
  });
}

/** Excel's highest row height, in points. */
export const MAX_ROW_POINTS = 409;

/**
 * The title all result sheets share, with an optional role.
 * @example resultTitle({ town: '羊楼司镇', year: 2018 }, '约谈名单') // => '羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果——约谈名单'
 */
export function resultTitle(params: Pick<Params, 'town' | 'year'>, role?: string): string {
  const base = `${params.town}${params.year}年度村(社区)脱贫攻坚工作考核结果`;
  return role ? `${base}——${role}` : base;
}

export interface TableSheetSpec {
  name: string;
  title: string;
  headers: string[];
  rows: OutCell[][];
  /**
   * Rows built on demand after `rows` (计算明细, 考核结果 and 稳健性分析 with many units); the
   * widths fit them too: through `fit` (widenToText on what the cells would show) when
   * given, else read band by band. `wrap`: they wrap text, so their heights are fitted too
   * (one more pass, band by band). `after`: rows held after them (a sheet's closing lines).
   * See LazyRows.
   */
  lazy?: Omit<LazyRows, 'at'> & { fit?: (widths: number[]) => void; wrap?: boolean; after?: OutCell[][] };
  /** Columns frozen on the left (default 0). */
  freezeCols?: number;
  /** Extra merges below the header (A1 ranges). */
  merges?: string[];
}

/**
 * A sheet holding one table: a merged title row, a bold header row, the rows, frozen
 * title + header, widths that fit, A4 landscape fit to width with rows 1–2 repeated.
 * Cost: O(cells); memory O(held cells + one band of the lazy rows).
 * @example tableSheet({ name: 'X', title: 'T', headers: ['单位'], rows: [] }).freezeRows // => 2
 */
export function tableSheet(spec: TableSheetSpec): OutputSheet {
  const columns = spec.headers.length;
  const title: OutCell[] = [textCell(spec.title, { bold: true, align: 'center' })];
  const header: OutCell[] = spec.headers.map((h) => textCell(h, { bold: true, align: 'center', wrap: true }));
  const after = spec.lazy?.after ?? [];
  const rows = [title, header, ...spec.rows, ...after];
  const merges = columns > 1 ? [`A1:${columnLetter(columns - 1)}1`] : [];
  const widths = fitWidths(rows, columns);
  const at = rows.length - after.length;
  const lazy: LazyRows | undefined = spec.lazy
    ? { count: spec.lazy.count, columns: spec.lazy.columns, band: spec.lazy.band, at, ...(spec.lazy.notes ? { notes: spec.lazy.notes } : {}) }
    : undefined;
  const alone = (): LazyRows => ({ ...(lazy as LazyRows), at: 0 });
  if (spec.lazy?.fit) spec.lazy.fit(widths);
  else if (lazy) for (const band of sheetBands({ rows: [], lazy: alone() })) widenTo(widths, band.rows, 0);
  let heights = rowHeights(rows, widths);
  if (lazy && (spec.lazy?.wrap || after.length > 0)) {
    // By sheet row: the held rows before the lazy ones, the lazy rows (fitted when they wrap), the held rows after.
    const middle: (number | null)[] = [];
    if (spec.lazy?.wrap) for (const band of sheetBands({ rows: [], lazy: alone() })) for (const h of rowHeights(band.rows, widths)) middle.push(h);
    else for (let i = 0; i < lazy.count; i++) middle.push(null);
    heights = [...heights.slice(0, at), ...middle, ...heights.slice(at)];
  }
  return {
    name: spec.name,
    rows,
    ...(lazy ? { lazy } : {}),
    merges: [...merges, ...(spec.merges ?? [])],
    widths,
    heights,
    freezeRows: 2,
    freezeCols: spec.freezeCols ?? 0,
    headerRows: [2],
    print: { landscape: true, fitToWidth: true, repeatRows: '1:2' },
  };
}

/**
 * A merge across the whole table on one 1-based sheet row.
 * @example rowMerge(3, 4) // => 'A3:D3'
 */
export function rowMerge(row1: number, columns: number): string {
  return `A${row1}:${columnLetter(Math.max(0, columns - 1))}${row1}`;
}
