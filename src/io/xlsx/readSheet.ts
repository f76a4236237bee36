/**
 * One worksheet part → SheetGrid, streamed: cells are placed into ragged rows as they are
 * parsed; rows without cells share one frozen empty array; nothing the size of the
 * bounding box is ever allocated.
 *
 * API (stable; only additions):
 * - `readSheet(pkg, sheet, context)` → SheetGrid with values, formats, merges, hiddenRows,
 *   hiddenCols; or a grid with `unreadable` set (part missing, over a limit, beyond row
 *   1,048,576 or column XFD, bad XML, not a worksheet). Never throws for sheet-level
 *   problems; throws XlsxError only for package-level ones it meets (a damaged zip entry).
 * - `SheetContext` { strings, formats, date1904, cellLimit, partLimit }.
 * - `excelToDate(serial, date1904)` — the serial-to-Date rule of the ExcelJS adapter.
 */
import type { CellValue, Msg, SheetGrid } from '../../core/types';
import { XlsxError } from './errors';
import type { SheetInfo, XlsxPackage } from './package';
import type { CellFormats } from './styles';
import { unescapeXstring } from './styles';
import { attr, isMainNs, parsePart, type XmlTag } from './xml';

export interface SheetContext {
  strings: string[];
  formats: CellFormats;
  date1904: boolean;
  /** Most cells (slots) read from the sheet. */
  cellLimit: number;
  /** Largest uncompressed size of the sheet part. */
  partLimit: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const EMPTY: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const EMPTY_FORMATS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/**
 * Serial number → Date, as the ExcelJS adapter did (UTC; 1904 system adds 1462 days).
 * @example excelToDate(43465, false).toISOString() // => '2018-12-31T00:00:00.000Z'
 */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface RowRecord {
  /** 1-based row number. */
  row: number;
  /** 0-based column of values[0]. */
  start: number;
  values: CellValue[];
  formats: (string | null)[] | null;
}

class SheetOverflow {
  constructor(readonly msg: Msg) {}
}

/** Column letters → 0-based index, from `ref` up to the first digit; -1 when malformed. */
function parseRef(ref: string, out: { row: number; col: number }): boolean {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
    if (col > 1e7) return false;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) continue;
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    if (row > 1e10) return false;
  }
  out.col = col - 1;
  out.row = row;
  return true;
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/**
 * Reads one sheet. Cost: O(part size) time; memory O(cells read + rows spanned).
 */
export function readSheet(pkg: XlsxPackage, sheet: SheetInfo, context: SheetContext): SheetGrid {
  const name = sheet.name;
  const unreadable = (msg: Msg): SheetGrid => ({ name, values: [], formats: [], originRow: 0, originCol: 0, unreadable: msg });
  if (sheet.kind === 'chartsheet' || sheet.kind === 'dialogsheet') {
    return unreadable({ code: 'xlsx.notWorksheet', params: { sheet: name } });
  }
  const entry = sheet.part ? pkg.zip.get(sheet.part) : undefined;
  if (!entry) return unreadable({ code: 'xlsx.sheetPartMissing', params: { sheet: name, part: sheet.part ?? sheet.rId } });
  const reader = new SheetReader(name, context);
  try {
    parsePart(pkg.zip, entry, context.partLimit, reader);
  } catch (err) {
    if (err instanceof SheetOverflow) return unreadable(err.msg);
    if (err instanceof XlsxError) {
      const { code, params } = err.msg;
      if (code === 'xlsx.bomb') return unreadable({ code: 'xlsx.sheetBomb', params: { sheet: name, ratio: Number(params?.ratio ?? 0) } });
      if (code === 'xlsx.partTooLarge') {
        return unreadable({ code: 'xlsx.sheetTooLarge', params: { sheet: name, limit: Math.round(context.partLimit / 1048576) } });
      }
      if (code === 'xlsx.badXml' || code === 'xlsx.doctype') {
        return unreadable({ code: 'xlsx.sheetBadXml', params: { sheet: name, detail: String(params?.detail ?? 'DOCTYPE') } });
      }
    }
    throw err;
  }
  try {
    return reader.grid();
  } catch (err) {
    if (err instanceof SheetOverflow) return unreadable(err.msg);
    throw err;
  }
}

const T_NONE = 0;
const T_VALUE = 1;
const T_FORMULA = 2;
const T_INLINE = 3;

/** The streaming state of one sheet: an XmlHandler. */
class SheetReader {
  private readonly rows = new Map<number, RowRecord>();
  private readonly merges: string[] = [];
  private readonly hiddenRows: number[] = [];
  private readonly hiddenCols: number[] = [];
  private readonly visibleRows = new Set<number>();
  private zeroHeight = false;
  private slots = 0;

  private depthSheetData = 0;
  private row: RowRecord | null = null;
  private rowNumber = 0;
  private col = -1;
  // the open cell
  private inCell = false;
  private cellType = '';
  private cellStyle = 0;
  private hasValue = false;
  private hasFormula = false;
  private buffer = '';
  private formula = '';
  private sharedIndex = '';
  private textMode = T_NONE;
  private phonetic = 0;
  private readonly sharedFormulas = new Map<string, string>();
  private readonly ref = { row: 0, col: 0 };

  constructor(
    private readonly name: string,
    private readonly context: SheetContext,
  ) {}

  private overflow(msg: Msg): never {
    throw new SheetOverflow(msg);
  }

  private countSlots(n: number): void {
    this.slots += n;
    if (this.slots > this.context.cellLimit) {
      this.overflow({ code: 'xlsx.tooManyCells', params: { sheet: this.name, limit: this.context.cellLimit.toLocaleString('en-US') } });
    }
  }

  private checkRow(row: number): void {
    if (row > MAX_ROW || row < 1) this.overflow({ code: 'xlsx.tooManyRows', params: { sheet: this.name } });
  }

  open = (tag: XmlTag): void => {
    const local = tag.local;
    if (this.inCell) {
      if (!isMainNs(tag.uri)) return;
      if (local === 'v') {
        this.textMode = T_VALUE;
        this.hasValue = true;
        this.buffer = '';
      } else if (local === 'f') {
        this.textMode = T_FORMULA;
        this.hasFormula = true;
        this.formula = '';
        if (attr(tag, 't') === 'shared') this.sharedIndex = attr(tag, 'si') ?? '';
      } else if (local === 't') {
        if (this.phonetic === 0) {
          this.textMode = T_INLINE;
          this.hasValue = true;
        }
      } else if (local === 'rPh') {
        this.phonetic++;
      }
      return;
    }
    if (local === 'c') {
      if (this.depthSheetData && isMainNs(tag.uri)) this.openCell(tag);
    } else if (local === 'row') {
      if (this.depthSheetData && isMainNs(tag.uri)) this.openRow(tag);
    } else if (!isMainNs(tag.uri)) {
      return;
    } else if (local === 'sheetData') {
      this.depthSheetData++;
    } else if (local === 'mergeCell') {
      const ref = attr(tag, 'ref');
      if (ref) {
        this.countSlots(1);
        this.merges.push(ref.replace(/\$/g, '').toUpperCase());
      }
    } else if (local === 'col') {
      if (isTrue(attr(tag, 'hidden'))) {
        const min = Math.max(1, Number(attr(tag, 'min')) || 1);
        const max = Math.min(MAX_COL, Number(attr(tag, 'max')) || min);
        for (let c = min; c <= max; c++) this.hiddenCols.push(c);
      }
    } else if (local === 'sheetFormatPr') {
      this.zeroHeight = isTrue(attr(tag, 'zeroHeight'));
    }
  };

  private openRow(tag: XmlTag): void {
    const r = attr(tag, 'r');
    this.rowNumber = r !== undefined ? Number(r) : this.rowNumber + 1;
    if (!Number.isInteger(this.rowNumber)) this.overflow({ code: 'xlsx.tooManyRows', params: { sheet: this.name } });
    this.checkRow(this.rowNumber);
    this.col = -1;
    if (isTrue(attr(tag, 'hidden'))) this.hiddenRows.push(this.rowNumber);
    else if (this.zeroHeight) this.visibleRows.add(this.rowNumber);
    this.row = null;
  }

  private openCell(tag: XmlTag): void {
    const r = tag.attributes.r;
    if (r !== undefined && parseRef(r, this.ref)) {
      if (this.ref.row !== 0 && this.ref.row !== this.rowNumber) {
        this.checkRow(this.ref.row);
        this.rowNumber = this.ref.row;
        this.row = null;
      }
      this.col = this.ref.col;
    } else {
      this.col++;
    }
    if (this.col >= MAX_COL) this.overflow({ code: 'xlsx.tooManyCols', params: { sheet: this.name } });
    if (this.col < 0) this.col = 0;
    if (this.rowNumber === 0) this.rowNumber = 1;
    this.inCell = true;
    this.cellType = tag.attributes.t ?? '';
    const s = tag.attributes.s;
    this.cellStyle = s === undefined ? 0 : Number(s) || 0;
    this.hasValue = false;
    this.hasFormula = false;
    this.sharedIndex = '';
    this.buffer = '';
    this.textMode = T_NONE;
    this.phonetic = 0;
  }

  text = (text: string): void => {
    if (this.textMode === T_VALUE || this.textMode === T_INLINE) this.buffer += text;
    else if (this.textMode === T_FORMULA) this.formula += text;
  };

  close = (tag: XmlTag): void => {
    const local = tag.local;
    if (this.inCell) {
      if (local === 'c') {
        this.inCell = false;
        this.closeCell();
      } else if (local === 'v' || local === 'f' || local === 't') {
        this.textMode = T_NONE;
      } else if (local === 'rPh') {
        this.phonetic--;
      }
      return;
    }
    if (local === 'sheetData' && isMainNs(tag.uri)) this.depthSheetData--;
  };

  private cellValue(): CellValue {
    const type = this.cellType;
    // openpyxl writes an uncalculated formula as <f>…</f><v></v>: no cached value either
    const uncached = !this.hasValue || (this.hasFormula && this.buffer === '' && type !== 'str' && type !== 'inlineStr');
    if (uncached) {
      if (!this.hasFormula) return null;
      let formula = this.formula;
      if (this.sharedIndex !== '') {
        if (formula !== '') this.sharedFormulas.set(this.sharedIndex, formula);
        else formula = this.sharedFormulas.get(this.sharedIndex) ?? '';
      }
      return { error: formula, uncached: true };
    }
    if (this.hasFormula && this.sharedIndex !== '' && this.formula !== '') this.sharedFormulas.set(this.sharedIndex, this.formula);
    const text = this.buffer;
    switch (type) {
      case '':
      case 'n': {
        if (text === '') return null;
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        return this.context.formats.dates[this.cellStyle] ? excelToDate(n, this.context.date1904) : n;
      }
      case 's': {
        const s = this.context.strings[Number(text)];
        return s === undefined ? null : s;
      }
      case 'str':
        return unescapeXstring(text);
      case 'inlineStr':
        return unescapeXstring(text);
      case 'b':
        return text === '1' || text === 'true';
      case 'e':
        return { error: text };
      case 'd': {
        if (text === '') return null;
        const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
        const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default:
        return text;
    }
  }

  private closeCell(): void {
    const value = this.cellValue();
    if (value === null) return;
    let rec = this.row;
    if (!rec || rec.row !== this.rowNumber) {
      rec = this.rows.get(this.rowNumber) ?? null;
      if (!rec) {
        rec = { row: this.rowNumber, start: this.col, values: [], formats: null };
        this.rows.set(this.rowNumber, rec);
      }
      this.row = rec;
    }
    const fmt = this.context.formats.codes[this.cellStyle] ?? null;
    const col = this.col;
    const values = rec.values;
    if (values.length === 0) rec.start = col;
    let index = col - rec.start;
    if (index < 0) {
      // a cell left of the row's first one (out of order): shift the row right
      this.countSlots(-index);
      const pad = new Array<CellValue>(-index).fill(null);
      rec.values = pad.concat(values);
      if (rec.formats) rec.formats = (pad as (string | null)[]).concat(rec.formats);
      rec.start = col;
      index = 0;
    }
    const target = rec.values;
    if (index >= target.length) {
      this.countSlots(index - target.length + 1);
      while (target.length < index) {
        target.push(null);
        if (rec.formats) rec.formats.push(null);
      }
      target.push(value);
      if (rec.formats) rec.formats.push(fmt);
      else if (fmt !== null) {
        rec.formats = new Array<string | null>(target.length).fill(null);
        rec.formats[index] = fmt;
      }
    } else {
      target[index] = value;
      if (fmt !== null && !rec.formats) rec.formats = new Array<string | null>(target.length).fill(null);
      if (rec.formats) rec.formats[index] = fmt;
    }
  }

  /** Clears the non-top-left cells of every merge (bounded by the cells read). */
  private clearMerged(): void {
    const ref = { row: 0, col: 0 };
    for (const range of this.merges) {
      const [a, b = a] = range.split(':');
      if (!parseRef(a, ref)) continue;
      const r1 = ref.row;
      const c1 = ref.col;
      if (!parseRef(b, ref)) continue;
      const r2 = Math.min(ref.row, MAX_ROW);
      const c2 = ref.col;
      const height = r2 - r1 + 1;
      if (height <= 0) continue;
      const visit = (rec: RowRecord): void => {
        const from = Math.max(rec.start, c1);
        const to = Math.min(rec.start + rec.values.length - 1, c2);
        for (let c = from; c <= to; c++) {
          if (rec.row === r1 && c === c1) continue;
          rec.values[c - rec.start] = null;
        }
        this.countSlots(1);
      };
      if (height <= this.rows.size) {
        for (let r = r1; r <= r2; r++) {
          const rec = this.rows.get(r);
          this.countSlots(1);
          if (rec) visit(rec);
        }
      } else {
        for (const rec of this.rows.values()) if (rec.row >= r1 && rec.row <= r2) visit(rec);
      }
    }
  }

  /** The finished grid: rows trimmed, origin found, empty rows sharing one array. */
  grid(): SheetGrid {
    this.clearMerged();
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    const kept: RowRecord[] = [];
    for (const rec of this.rows.values()) {
      const v = rec.values;
      let first = 0;
      while (first < v.length && v[first] === null) first++;
      let end = v.length;
      while (end > first && v[end - 1] === null) end--;
      if (end === first) continue;
      if (first > 0 || end < v.length) {
        rec.values = v.slice(first, end);
        if (rec.formats) rec.formats = rec.formats.slice(first, end);
        rec.start += first;
      }
      kept.push(rec);
      if (rec.row < top) top = rec.row;
      if (rec.row > bottom) bottom = rec.row;
      if (rec.start < left) left = rec.start;
    }
    const grid: SheetGrid = {
      name: this.name,
      values: [],
      formats: [],
      originRow: 0,
      originCol: 0,
      merges: this.merges,
      hiddenRows: this.hiddenRows,
      hiddenCols: this.hiddenCols,
    };
    if (kept.length === 0) return grid;
    const height = bottom - top + 1;
    const values = new Array<CellValue[]>(height).fill(EMPTY);
    const formats = new Array<(string | null)[]>(height).fill(EMPTY_FORMATS);
    for (const rec of kept) {
      const shift = rec.start - left;
      const r = rec.row - top;
      if (shift === 0) {
        values[r] = rec.values;
        if (rec.formats) formats[r] = rec.formats;
      } else {
        this.countSlots(shift);
        const pad = new Array<null>(shift).fill(null);
        values[r] = (pad as CellValue[]).concat(rec.values);
        if (rec.formats) formats[r] = (pad as (string | null)[]).concat(rec.formats);
      }
    }
    grid.values = values;
    grid.formats = formats;
    grid.originRow = top - 1;
    grid.originCol = left;
    if (this.zeroHeight) {
      const hidden = new Set(this.hiddenRows);
      for (let r = top; r <= bottom; r++) if (!this.visibleRows.has(r)) hidden.add(r);
      grid.hiddenRows = [...hidden].sort((a, b) => a - b);
    } else if (this.hiddenRows.some((r, i) => i > 0 && r < this.hiddenRows[i - 1])) {
      this.hiddenRows.sort((a, b) => a - b);
    }
    return grid;
  }
}
