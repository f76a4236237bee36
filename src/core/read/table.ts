/**
 * Finding a table in a messy sheet (WORKBOOK "Tolerance"): the header row is the first row,
 * within the first 10, that holds the key column; title rows above it are skipped, and so
 * are blank rows, 合计/总计/小计 rows and footnotes below it.
 *
 * Coordinates in the returned table are SHEET coordinates (0-based), not grid ones.
 * Pure: no Node, DOM or Office.
 */
import type { CellValue, SheetGrid } from '../types';
import { headerKey, normalizeText, splitHeader } from './normalize';
import { cellText, isBlank } from './values';

export interface TableHeader {
  /** 0-based sheet column. */
  col: number;
  /** The header cell as written. */
  raw: string;
  /** headerKey(raw). */
  key: string;
  /** The trailing bracketed unit, or null. */
  unit: string | null;
}

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  /** Indexed by 0-based sheet column, padded with null (columns left of the grid are null). Do not mutate: may be the grid's own array. */
  cells: CellValue[];
  /** Number formats, same indexing as `cells` (null = General). Do not mutate: may be shared between rows. */
  formats: (string | null)[];
}

export interface Table {
  sheet: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** Non-blank header cells, in column order. */
  headers: TableHeader[];
  /** Data rows, top to bottom. */
  rows: TableRow[];
}

/** How many rows from the top of the used range may hold the header row. */
const HEADER_SEARCH_ROWS = 10;

const TOTAL_WORDS = ['合计', '总计', '小计'];
/** A footnote: 注/备注/说明/填表/制表/审核/统计, up to 4 more characters (人, 日期, 单位 …), then a colon. */
const FOOTNOTE = /^(?:注|备注|说明|填表|制表|审核|统计)[^:]{0,4}:/;

/** True when the key cell says 合计/总计/小计, alone or at the end (`全镇合计`, `合 计：`). */
function isTotalLabel(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const text = normalizeText(v).replace(/:$/, '');
  return TOTAL_WORDS.some((word) => text.endsWith(word));
}

function isFootnoteText(v: CellValue): boolean {
  return typeof v === 'string' && FOOTNOTE.test(normalizeText(v.slice(0, 40)));
}

/** A footnote row: at least one footnote cell, and every other cell blank or a footnote too. */
function isFootnoteRow(cells: CellValue[]): boolean {
  let found = false;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    if (!isFootnoteText(cell)) return false;
    found = true;
  }
  return found;
}

function isBlankRow(cells: CellValue[]): boolean {
  for (const cell of cells) if (!isBlank(cell)) return false;
  return true;
}

/** The header row (grid index) and key column (grid index), preferring earlier aliases within a row. */
function findHeaderRow(values: CellValue[][], aliasKeys: string[]): { row: number; col: number } | null {
  const limit = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < limit; r += 1) {
    const cells = values[r] ?? [];
    let best: { col: number; rank: number } | null = null;
    for (let c = 0; c < cells.length; c += 1) {
      const cell = cells[c];
      if (isBlank(cell)) continue;
      const rank = aliasKeys.indexOf(headerKey(cellText(cell)));
      if (rank >= 0 && (best === null || rank < best.rank)) best = { col: c, rank };
    }
    if (best) return { row: r, col: best.col };
  }
  return null;
}

/**
 * Reads the table whose key column is named by one of `keyAliases`.
 * The header row is the first row, within the first 10 rows of the used range, holding a
 * cell whose headerKey equals the headerKey of an alias (when one row holds several, the
 * earliest alias wins). Data rows are all later rows except blank rows, rows whose key cell
 * says 合计/总计/小计 (also `全镇合计`), and footnote rows (every non-blank cell starts with
 * 注/备注/说明/填表/制表/审核/统计 … followed by a colon, e.g. `填表人：张三`).
 * Returns null when no header row is found.
 *
 * Cost: O(cells). Rows are copied only when the grid does not start at column A or is ragged.
 * Throws: never.
 * @example readTable({ name: 'S', values: [['标题'], ['单位', '得分'], ['文白', 1]], originRow: 0, originCol: 0 }, ['单位'])
 * // => { sheet: 'S', headerRow: 1, keyCol: 0, headers: [...], rows: [{ row: 2, cells: ['文白', 1], formats: [null, null] }] }
 */
export function readTable(grid: SheetGrid, keyAliases: string[]): (Table & { keyCol: number }) | null {
  const aliasKeys = keyAliases.map(headerKey);
  const values = grid.values;
  const found = findHeaderRow(values, aliasKeys);
  if (!found) return null;

  const originRow = grid.originRow;
  const originCol = grid.originCol;
  let gridWidth = 0;
  for (const cells of values) if (cells && cells.length > gridWidth) gridWidth = cells.length;
  const width = originCol + gridWidth;

  const headers: TableHeader[] = [];
  const headerCells = values[found.row];
  for (let c = 0; c < headerCells.length; c += 1) {
    const cell = headerCells[c];
    if (isBlank(cell)) continue;
    const raw = cellText(cell);
    const { key, unit } = splitHeader(raw);
    headers.push({ col: originCol + c, raw, key, unit });
  }

  const formatsGrid = grid.formats;
  const noFormats: (string | null)[] = new Array<string | null>(width).fill(null);
  const rows: TableRow[] = [];
  for (let r = found.row + 1; r < values.length; r += 1) {
    const gridCells = values[r] ?? [];
    if (isBlankRow(gridCells)) continue;
    if (isTotalLabel(gridCells[found.col] ?? null)) continue;
    if (isFootnoteRow(gridCells)) continue;
    rows.push({
      row: originRow + r,
      cells: toSheetColumns(gridCells, originCol, width, null),
      formats: formatsGrid && formatsGrid[r] ? toSheetColumns(formatsGrid[r], originCol, width, null) : noFormats,
    });
  }

  return {
    sheet: grid.name,
    headerRow: originRow + found.row,
    headers,
    rows,
    keyCol: originCol + found.col,
  };
}

/** A grid row re-indexed by sheet column, padded with `pad`; the row itself when no change is needed. */
function toSheetColumns<T>(cells: T[], originCol: number, width: number, pad: T): T[] {
  if (originCol === 0 && cells.length === width) return cells;
  const out = new Array<T>(width).fill(pad);
  for (let c = 0; c < cells.length; c += 1) {
    const value = cells[c];
    out[originCol + c] = value === undefined ? pad : value;
  }
  return out;
}

/**
 * The first header (in column order) whose key equals the headerKey of one of `aliases`;
 * with `opts.contains`, when no header equals one, the first whose key contains one.
 * Cost: O(headers × aliases). Throws: never.
 * @example findColumn(table, ['群众满意度']) // header '群众满意度（%）' matches
 * @example findColumn(table, ['驻村天数'], { contains: true }) // header '1月驻村天数' matches
 */
export function findColumn(table: Table, aliases: string[], opts?: { contains?: boolean }): TableHeader | null {
  const keys = aliases.map(headerKey).filter((key) => key !== '');
  for (const header of table.headers) if (keys.includes(header.key)) return header;
  if (opts?.contains) {
    for (const header of table.headers) if (keys.some((key) => header.key.includes(key))) return header;
  }
  return null;
}
