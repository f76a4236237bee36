/**
 * Finding a table in a messy sheet (WORKBOOK "Tolerance", issue 10).
 *
 * - Merged cells are filled first (merges.ts): a value merged over rows or columns is seen
 *   in each covered cell.
 * - The header row is the first row, within the first 10, that holds the key column; when
 *   the key cell is merged down over the next row(s), the lowest of them is the header row.
 *   Without merge information, a next row whose key cell is blank and which holds only
 *   text (two or more cells) is the lower header row too.
 * - Up to two rows right above the header row are group-title rows when, over the table's
 *   columns, they hold two or more different texts (a title merged over the whole table
 *   holds one and is skipped). Each column gets the group titles above it; without merge
 *   information a group title reaches right over blank cells up to the next title.
 * - Below the header, rows are skipped when blank, when they say 合计/总计/小计 in the key
 *   cell or a cell left of it, or when they are note or sign-off rows (see isNoteText);
 *   group-title rows (`一、村`, `（二）社区`, `村（15个）`) set the group of the rows below.
 *
 * Coordinates in the returned table are SHEET coordinates (0-based), not grid ones.
 * Cost: O(cells of the rows read); rows are never padded to the sheet's width.
 * Pure: no Node, DOM or Office.
 */
import type { CellValue, SheetGrid } from '../types';
import { fillMerges } from './merges';
import { headerKey, normalizeText as sharedNormalizeText, splitHeader } from './normalize';
import { cellText as sharedCellText, isBlank as sharedIsBlank } from './values';

// Bound once: under tsx's CommonJS output every call through an import is a getter call,
// which the per-cell loops below pay millions of times (see score/column.ts).
const normalizeText = sharedNormalizeText;
const cellText = sharedCellText;
const isBlank = sharedIsBlank;

export interface TableHeader {
  /** 0-based sheet column. */
  col: number;
  /** The header cell as written. */
  raw: string;
  /** headerKey(raw). */
  key: string;
  /** The trailing bracketed unit, or null. */
  unit: string | null;
  /** Group titles above the header, outermost first, as written (empty when none). */
  groups: string[];
}

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  /** Indexed by 0-based sheet column (columns left of the grid are null); may be shorter than the table. Do not mutate. */
  cells: CellValue[];
  /** Number formats, same indexing as `cells` (null = General). Do not mutate: may be shared between rows. */
  formats: (string | null)[];
  /** True when the host says the row is hidden. */
  hidden: boolean;
  /** The type named by the last group-title row above (`村`, `社区`, …), or null. */
  group: string | null;
}

/** A row below the header that was left out, and why. */
export interface SkippedRow {
  /** 0-based sheet row. */
  row: number;
  kind: 'note' | 'group';
  /** The row's first text, as written (shortened). */
  text: string;
  /** True when cells other than the label hold values (numbers, dates …). */
  hasData: boolean;
}

export interface Table {
  sheet: string;
  /** 0-based sheet row of the (lowest) header row. */
  headerRow: number;
  /** Non-blank header cells, in column order. */
  headers: TableHeader[];
  /** Data rows, top to bottom. */
  rows: TableRow[];
  /** Note, sign-off and group-title rows that were skipped. */
  skipped: SkippedRow[];
  /** True when the host gave no merge information for the sheet. */
  mergesUnknown: boolean;
  /** Hidden rows known: false when the host could not say (`hiddenRows` undefined). */
  hiddenKnown: boolean;
  /** True for a transposed table (units across the columns): rows and columns are swapped. */
  transposed?: boolean;
  /** True when MERGE_FILL_LIMIT stopped filling merged cells. */
  mergesTruncated?: boolean;
}

/** How many rows from the top of the used range may hold the header row. */
const HEADER_SEARCH_ROWS = 10;

const TOTAL_WORDS = ['合计', '总计', '小计'];

/** True when the cell says 合计/总计/小计, alone or at the end (`全镇合计`, `合 计：`). */
function isTotalLabel(v: CellValue | undefined): boolean {
  if (typeof v !== 'string' || v.length > 40) return false;
  const text = normalizeText(v).replace(/:$/, '');
  return TOTAL_WORDS.some((word) => text.endsWith(word));
}

/** A label ending in a colon (`填表人：`, `联系电话：0730-…`): up to 12 characters, then `:`. */
const LABEL = /^[^:]{1,12}:/;
/** 注/备注/说明 at the start (`注 1.`, `备注`). */
const NOTE_START = /^(?:注|备注|说明)(?:[:：.、\d]|$)/;
/** A remark wholly in brackets: `（此表一式两份）`, `(盖章)`, `【说明】`. */
const BRACKETED = /^[(\[【〔][^)\]】〕]*[)\]】〕]$/;
/** Signature and seal words. */
const SIGN_WORDS = /(签字|签名|签章|盖章|公章|印章|制表人|审核人|填表人|填报人)/;

/**
 * A note or sign-off text: a label ending in a colon (`单位负责人：`, `填报日期：2019-01-05`),
 * a text starting with 注/备注/说明, a remark wholly in brackets (`（此表一式两份…）`,
 * `（盖章）`), or one holding signature/seal words (签字, 盖章, 公章, 制表人, 审核人 …).
 * @example isNoteText('联系电话：') // => true
 * @example isNoteText('龙源村') // => false
 */
export function isNoteText(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  const text = normalizeText(v.length > 80 ? v.slice(0, 80) : v);
  if (text === '') return false;
  return LABEL.test(text) || NOTE_START.test(text) || BRACKETED.test(text) || SIGN_WORDS.test(text);
}

/** Chinese or Arabic numbering: `一、`, `（二）`, `(3)`, `第一组`, `1.`. */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|第[一二三四五六七八九十\d]+[组类部分]?[、.:]?|\d{1,2}[、.])/;
/** A count after the group's word: `（15个）`, `(4)`, `共15个`. */
const GROUP_COUNT = /(?:\((?:共)?\d+个?\)|共\d+个|\d+个)$/;

/**
 * The type a group-title cell names (`一、村` → 村, `（二）社区` → 社区, `村（15个）` → 村,
 * `社区居委会` → 社区), or null when the cell is not a group title.
 * @example groupTitle('一、村') // => '村'
 * @example groupTitle('龙源村') // => null
 */
export function groupTitle(v: CellValue | undefined): string | null {
  if (typeof v !== 'string' || v.length > 30) return null;
  const text = normalizeText(v);
  const numbered = NUMBERING.exec(text);
  const rest = (numbered ? text.slice(numbered[0].length) : text).replace(GROUP_COUNT, '').replace(/[:：]$/, '');
  const hasCount = GROUP_COUNT.test(text);
  if (rest === '') return null;
  const type = /(社区|居委会|居民委员会)$/.test(rest) ? '社区' : /村(委会|民委员会)?$/.test(rest) ? '村' : null;
  // Bare words `村`, `社区` (with or without a count), or any numbered title.
  const bare = /^(村|社区|村委会|居委会|社区居委会|行政村|贫困村|非贫困村)$/.test(rest);
  if (numbered) return type ?? rest;
  if (bare || (hasCount && type)) return type;
  return null;
}

function isBlankRow(cells: CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c] ?? null)) return false;
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
      if (typeof cell !== 'string' || cell.length > 60 || isBlank(cell)) continue;
      const rank = aliasKeys.indexOf(headerKey(cell));
      if (rank >= 0 && (best === null || rank < best.rank)) best = { col: c, rank };
    }
    if (best) return { row: r, col: best.col };
  }
  return null;
}

/** True when the row (below a header) looks like a lower header row: key blank, only texts, ≥ 2. */
function isLowerHeaderRow(cells: CellValue[], keyCol: number): boolean {
  if (!isBlank(cells[keyCol] ?? null)) return false;
  let texts = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (isBlank(cell ?? null)) continue;
    if (typeof cell !== 'string' || /^[\d.,%\s-]+$/.test(cell) || isNoteText(cell) || isTotalLabel(cell)) return false;
    texts += 1;
  }
  return texts >= 2;
}

/** Distinct non-blank texts of a row over the given grid columns. */
function distinctTexts(cells: CellValue[], cols: number[]): number {
  const seen = new Set<string>();
  for (const c of cols) {
    const cell = cells[c];
    if (!isBlank(cell ?? null)) seen.add(normalizeText(cellText(cell ?? null)));
  }
  return seen.size;
}

/**
 * Reads the table whose key column is named by one of `keyAliases` (see the module comment
 * for the rules). `opts.units`: a table of units (考核数据 and other data sheets), where
 * group-title rows are recognised and note rows holding data are skipped too (else kept). Returns null when no header row is found.
 * Cost: O(cells of the grid's rows); no row is padded or copied unless merges fill it.
 * Throws: never.
 * @example readTable({ name: 'S', values: [['标题'], ['单位', '得分'], ['文白', 1]], originRow: 0, originCol: 0 }, ['单位'])
 * // => { sheet: 'S', headerRow: 1, keyCol: 0, headers: [...], rows: [{ row: 2, cells: ['文白', 1], … }], … }
 */
export function readTable(grid: SheetGrid, keyAliases: string[], opts: { units?: boolean } = {}): (Table & { keyCol: number }) | null {
  // Group-title rows, and note rows that hold data (skipped with a warning), only in unit
  // tables; elsewhere (参数, 指标, 问题, 帮扶单位) such a row is kept and read as written.
  const units = opts.units === true;
  const aliasKeys = keyAliases.map(headerKey);
  const filled = fillMerges(grid);
  const values = filled.values;
  const found = findHeaderRow(values, aliasKeys);
  if (!found) return null;
  const mergesUnknown = grid.merges === undefined;

  // The lowest header row: the key cell merged down, or (no merge info) a text-only row below.
  let headerRow = found.row;
  const keyText = normalizeText(cellText(values[found.row][found.col] ?? null));
  while (headerRow + 1 < values.length && headerRow - found.row < 2) {
    const next = values[headerRow + 1] ?? [];
    const below = next[found.col];
    if (typeof below === 'string' && normalizeText(below) === keyText) headerRow += 1;
    else if (mergesUnknown && isLowerHeaderRow(next, found.col)) headerRow += 1;
    else break;
  }

  const originRow = grid.originRow;
  const originCol = grid.originCol;
  const headerCells = values[headerRow] ?? [];
  // Without merge information a key cell written only in the upper row is blank below.
  const lowerCells: CellValue[] = headerRow === found.row ? headerCells : headerCells.slice();
  if (headerRow !== found.row) {
    for (let c = 0; c < (values[found.row] ?? []).length; c++) {
      if (isBlank(lowerCells[c] ?? null) && !isBlank(values[found.row][c] ?? null)) lowerCells[c] = values[found.row][c];
    }
  }
  const headerCols: number[] = [];
  for (let c = 0; c < lowerCells.length; c += 1) if (!isBlank(lowerCells[c] ?? null)) headerCols.push(c);

  // Group-title rows: the rows between the found row and the header row, and up to two above.
  const groupRows: number[] = [];
  for (let r = Math.max(0, found.row - 2); r < headerRow; r++) {
    const cells = values[r] ?? [];
    if (r >= found.row || distinctTexts(cells, headerCols) >= 2) groupRows.push(r);
  }
  const groupOf = groupRows.map((r) => {
    const cells = values[r] ?? [];
    const out: string[] = new Array<string>(lowerCells.length).fill('');
    let carry = '';
    for (let c = 0; c < lowerCells.length; c++) {
      const cell = cells[c];
      if (!isBlank(cell ?? null)) carry = cellText(cell ?? null).trim();
      else if (!mergesUnknown) carry = '';
      out[c] = carry;
    }
    return out;
  });

  const headers: TableHeader[] = [];
  for (const c of headerCols) {
    const raw = cellText(lowerCells[c] ?? null);
    const { key, unit } = splitHeader(raw);
    const groups: string[] = [];
    for (const row of groupOf) {
      const title = row[c];
      if (title && headerKey(title) !== key && !groups.includes(title)) groups.push(title);
    }
    headers.push({ col: originCol + c, raw, key, unit, groups });
  }

  const formatsGrid = grid.formats;
  const hidden = new Set<number>(grid.hiddenRows ?? []);
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  const noFormats: (string | null)[] = [];
  let group: string | null = null;
  for (let r = headerRow + 1; r < values.length; r += 1) {
    const gridCells = values[r] ?? [];
    if (gridCells.length === 0 || isBlankRow(gridCells)) continue;
    const sheetRow = originRow + r;
    const key = gridCells[found.col];
    if (isTotalLabel(key) || (isBlank(key ?? null) && leftIsTotal(gridCells, found.col))) continue;
    const first = firstText(gridCells, found.col);
    const title = units ? groupTitle(first) : null;
    if (title !== null && (isBlank(key ?? null) || groupTitle(key) !== null)) {
      group = title;
      skipped.push({ row: sheetRow, kind: 'group', text: shortText(first), hasData: hasValues(gridCells, first) });
      continue;
    }
    if (isNoteRow(gridCells) && (units || !hasValues(gridCells, null))) {
      skipped.push({ row: sheetRow, kind: 'note', text: shortText(firstText(gridCells, gridCells.length)), hasData: hasValues(gridCells, null) });
      continue;
    }
    rows.push({
      row: sheetRow,
      cells: toSheetColumns(gridCells, originCol),
      formats: formatsGrid && formatsGrid[r] ? toSheetColumns(formatsGrid[r], originCol) : noFormats,
      hidden: hidden.has(sheetRow + 1),
      group,
    });
  }

  return {
    sheet: grid.name,
    headerRow: originRow + headerRow,
    headers,
    rows,
    skipped,
    keyCol: originCol + found.col,
    mergesUnknown,
    hiddenKnown: grid.hiddenRows !== undefined,
    mergesTruncated: filled.truncated,
  };
}

/** 合计 written left of the key column (in 序号), the key cell blank. */
function leftIsTotal(cells: CellValue[], keyCol: number): boolean {
  for (let c = 0; c < keyCol && c < cells.length; c++) if (isTotalLabel(cells[c])) return true;
  return false;
}

/** The first non-blank text at or left of `upTo` (the key column), else the first anywhere. */
function firstText(cells: CellValue[], upTo: number): CellValue {
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell === 'string' && !isBlank(cell)) return c <= upTo ? cell : null;
    if (!isBlank(cell ?? null)) return null;
  }
  return null;
}

/** A note row: at least one note text, and every other text cell a note too. */
function isNoteRow(cells: CellValue[]): boolean {
  let found = false;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell !== 'string' || isBlank(cell)) continue;
    if (!isNoteText(cell)) return false;
    found = true;
  }
  return found;
}

/** True when the row holds a value other than `label` and note texts. */
function hasValues(cells: CellValue[], label: CellValue): boolean {
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === label || isBlank(cell ?? null)) continue;
    if (typeof cell === 'string' && (isNoteText(cell) || groupTitle(cell) !== null)) continue;
    return true;
  }
  return false;
}

function shortText(v: CellValue): string {
  const text = cellText(v).trim();
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** A grid row re-indexed by sheet column; the row itself when the grid starts at column A. */
function toSheetColumns<T>(cells: T[], originCol: number): (T | null)[] {
  if (originCol === 0) return cells;
  const out = new Array<T | null>(originCol + cells.length).fill(null);
  for (let c = 0; c < cells.length; c += 1) {
    const value = cells[c];
    out[originCol + c] = value === undefined ? null : value;
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
export function findColumn(table: { headers: TableHeader[] }, aliases: string[], opts?: { contains?: boolean }): TableHeader | null {
  const keys = aliases.map(headerKey).filter((key) => key !== '');
  for (const header of table.headers) if (keys.includes(header.key)) return header;
  if (opts?.contains) {
    for (const header of table.headers) if (keys.some((key) => header.key.includes(key))) return header;
  }
  return null;
}

/** A transposed table is looked for only in grids up to this size (units × items on a page). */
const TRANSPOSE_MAX_ROWS = 1000;
const TRANSPOSE_MAX_COLS = 5000;

/**
 * A transposed table (units across the columns, items down the rows, as some offices print
 * 19 units on one page), recognised when a column among the first 10 holds at least two of
 * `itemKeys` (header keys of the data columns). The units are in the row above the first
 * item with the most texts right of that column. Returns the grid turned round (its
 * `values[i][j]` is the sheet's (j, i); merges already filled; hidden columns become hidden
 * rows), the unit row's header cell set to 单位, or null.
 * Cost: O(cells) of a grid within the size limits above. Throws: never.
 * @example transposeTable(grid, new Set(['完成率', '满意度']))?.grid.values[0] // => ['单位', '龙源村', …]
 */
export function transposeTable(grid: SheetGrid, itemKeys: Set<string>): { grid: SheetGrid; itemCol: number; items: string[] } | null {
  const values = fillMerges(grid).values;
  if (values.length === 0 || values.length > TRANSPOSE_MAX_ROWS) return null;
  let width = 0;
  for (const cells of values) if (cells && cells.length > width) width = cells.length;
  if (width > TRANSPOSE_MAX_COLS) return null;
  let itemCol = -1;
  let firstItem = -1;
  let items: string[] = [];
  for (let c = 0; c < Math.min(10, width) && itemCol < 0; c++) {
    const found: string[] = [];
    let first = -1;
    for (let r = 0; r < values.length; r++) {
      const cell = values[r]?.[c];
      if (typeof cell !== 'string' || cell.length > 60) continue;
      if (itemKeys.has(headerKey(cell))) {
        found.push(cell.trim());
        if (first < 0) first = r;
      }
    }
    if (found.length >= 2) {
      itemCol = c;
      firstItem = first;
      items = found;
    }
  }
  if (itemCol < 0) return null;
  let unitRow = -1;
  let best = 0;
  for (let r = 0; r < firstItem; r++) {
    const cells = values[r] ?? [];
    let texts = 0;
    for (let c = itemCol + 1; c < cells.length; c++) if (typeof cells[c] === 'string' && !isBlank(cells[c])) texts += 1;
    if (texts > best) {
      best = texts;
      unitRow = r;
    }
  }
  if (unitRow < 0) return null;
  const turned: CellValue[][] = [];
  for (let j = 0; j < width; j++) {
    const out: CellValue[] = new Array<CellValue>(values.length).fill(null);
    for (let i = 0; i < values.length; i++) {
      const cell = values[i]?.[j];
      if (cell !== undefined) out[i] = cell;
    }
    turned.push(out);
  }
  turned[itemCol][unitRow] = '单位';
  return {
    grid: {
      name: grid.name,
      values: turned,
      originRow: grid.originCol,
      originCol: grid.originRow,
      merges: grid.merges === undefined ? undefined : [],
      hiddenRows: grid.hiddenCols,
    },
    itemCol: grid.originCol + itemCol,
    items,
  };
}
