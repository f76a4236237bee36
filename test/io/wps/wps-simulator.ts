/**
 * A WPS 表格 (ET) simulator: the part of the synchronous, VBA-like object model the WPS adapter
 * uses, following the documented behaviour, and throwing where WPS (like Excel's VBA) throws.
 *
 * Documented behaviour it keeps (Kingsoft's ET API reference follows Excel's VBA object model):
 *   - collections are indexed with `.Item()` from 1, or by name (case-insensitively);
 *   - `Range.Value2` is a scalar for one cell (undefined when empty), rows of values for more;
 *     dates come back as serial numbers, error values as their CVErr numbers;
 *   - `NumberFormat`, `MergeCells`, `Hidden`, `Font.Bold`… answer null when the cells differ;
 *   - a string written to a cell that is not text (`@`) is parsed: `=…` becomes a formula,
 *     `001` becomes the number 1; a leading `'` makes it text;
 *   - `Worksheet.Delete()` asks the user unless `Application.DisplayAlerts` is false (here:
 *     the prompt is recorded as blocked and the call throws); a very hidden sheet cannot be
 *     deleted; the last visible sheet cannot be deleted or hidden;
 *   - sheet names: 1–31 characters, none of `: \ / ? * [ ]`, no leading or trailing `'`, unique
 *     ignoring case; adding, deleting or renaming a sheet fails when the workbook structure is protected;
 *   - `Range.Select()` needs its sheet to be the active one; `AddComment` fails on a cell that has one.
 *
 * Not simulated: calculation (a formula cell holds no value), styles beyond the ones we set.
 * Test support only.
 */

export type SimScalar = string | number | boolean;

/** CVErr numbers that `Value2` returns for error values (VBA's CVErr(xlErrDiv0) and so on). */
export const CVERR: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

export interface SimCell {
  value?: SimScalar;
  /** An error value (`#DIV/0!`). */
  error?: string;
  /** A formula without a calculated value. */
  formula?: string;
  format?: string;
  fill?: number;
  bold?: boolean;
  wrap?: boolean;
  align?: number;
  border?: number;
  comment?: string;
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const FORBIDDEN = /[:\\/?*[\]]/;

/** Thrown where WPS throws (the message mimics the COM error text). */
export class WpsSimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WpsSimError';
  }
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** `A1`, `$B$2:C9` → 0-based box; throws on anything else (like WPS's Range("…")). */
export function parseBox(address: string): Box {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m) throw new WpsSimError(`Range("${address}"): 方法 'Range' 作用于对象 '_Worksheet' 时失败`);
  const c0 = colNumber(m[1]) - 1;
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? colNumber(m[3]) - 1 : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const box = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  if (box.r0 < 0 || box.c0 < 0 || box.r1 >= MAX_ROWS || box.c1 >= MAX_COLS) throw new WpsSimError(`Range("${address}") is outside the sheet`);
  return box;
}

const boxAddress = (box: Box): string => {
  const a = `$${colLetters(box.c0 + 1)}$${box.r0 + 1}`;
  return box.r0 === box.r1 && box.c0 === box.c1 ? a : `${a}:$${colLetters(box.c1 + 1)}$${box.r1 + 1}`;
};
/** An object with one property `name` whose reads and writes count as calls. */
function accessor<K extends string, T>(name: K, read: () => T, write: (value: T) => void, count: () => void): Record<K, T> {
  const holder = {} as Record<K, T>;
  Object.defineProperty(holder, name, {
    get: () => {
      count();
      return read();
    },
    set: (value: T) => {
      count();
      write(value);
    },
    enumerable: true,
  });
  return holder;
}

const inside = (r: number, c: number, b: Box) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
const overlaps = (a: Box, b: Box) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

export class SimWorksheet {
  private nameValue: string;
  visibleValue = -1;
  readonly cells = new Map<string, SimCell>();
  readonly merges: Box[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozen: { rows: number; columns: number } | null = null;
  split = { row: 0, column: 0 };
  readonly PageSetup = { Orientation: 1, PaperSize: 9, Zoom: 100 as number | boolean, FitToPagesWide: 1 as number | boolean, FitToPagesTall: 1 as number | boolean, PrintTitleRows: '' };

  constructor(
    readonly book: SimWorkbook,
    name: string,
  ) {
    this.nameValue = name;
  }

  get Name(): string {
    return this.nameValue;
  }

  set Name(value: string) {
    this.book.app.count();
    this.book.assertStructure('rename');
    this.book.assertName(value, this);
    this.nameValue = value;
  }

  get Visible(): number {
    return this.visibleValue;
  }

  set Visible(value: number) {
    this.book.app.count();
    if (![-1, 0, 2].includes(value) && value !== (true as unknown) && value !== (false as unknown)) throw new WpsSimError(`Visible = ${String(value)}: invalid`);
    const v = value === (true as unknown) ? -1 : value === (false as unknown) ? 0 : value;
    if (v !== -1 && this.visibleValue === -1 && this.book.visibleSheets().length === 1) throw new WpsSimError('不能隐藏唯一可见的工作表');
    this.visibleValue = v;
    if (v !== -1 && this.book.active === this) this.book.active = this.book.visibleSheets()[0];
  }

  cell(r: number, c: number): SimCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  ensure(r: number, c: number): SimCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of cells holding a value, a formula, a comment or a format (like Excel's UsedRange). */
  usedBox(valuesOnly = false): Box | null {
    let box: Box | null = null;
    for (const [key, cell] of this.cells) {
      const used = cell.value !== undefined || cell.error !== undefined || cell.formula !== undefined || cell.comment !== undefined;
      const formatted = cell.format !== undefined || cell.fill !== undefined || cell.bold !== undefined || cell.border !== undefined;
      if (!used && (valuesOnly || !formatted)) continue;
      const [r, c] = key.split(',').map(Number);
      box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return box;
  }

  get UsedRange(): SimRange {
    this.book.app.count();
    return new SimRange(this, this.usedBox() ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  Range(address: string): SimRange {
    this.book.app.count();
    return new SimRange(this, parseBox(address));
  }

  Activate(): void {
    this.book.app.count();
    if (this.visibleValue !== -1) throw new WpsSimError(`Activate: the sheet "${this.Name}" is hidden`);
    this.book.active = this;
  }

  Delete(): boolean {
    this.book.app.count();
    this.book.assertStructure('delete');
    if (this.book.app.failNextDelete === this.Name) {
      this.book.app.failNextDelete = null;
      throw new WpsSimError(`Delete "${this.Name}": simulated refusal`);
    }
    if (this.book.app.DisplayAlerts) {
      this.book.app.blockedPrompts.push(`Delete ${this.Name}`);
      throw new WpsSimError(`Delete "${this.Name}": WPS asks "要删除此工作表吗？" — DisplayAlerts is on and nobody can answer`);
    }
    if (this.visibleValue === 2) throw new WpsSimError(`Delete "${this.Name}": 方法 'Delete' 作用于对象 '_Worksheet' 时失败 (very hidden)`);
    if (this.visibleValue === -1 && this.book.visibleSheets().length === 1) throw new WpsSimError('工作簿中至少应含有一张可视工作表');
    this.book.remove(this);
    return true;
  }
}

type Reducer<T> = (cell: SimCell | undefined, r: number, c: number) => T;

export class SimRange {
  constructor(
    readonly sheet: SimWorksheet,
    readonly box: Box,
    /** 'rows' / 'cols' for EntireRow / EntireColumn. */
    readonly kind: 'cells' | 'rows' | 'cols' = 'cells',
  ) {}

  private get app(): SimApplication {
    return this.sheet.book.app;
  }

  private get cellCount(): number {
    return (this.box.r1 - this.box.r0 + 1) * (this.box.c1 - this.box.c0 + 1);
  }

  /** The one answer all cells share, or null (the documented "mixed" answer). Refuses huge scans. */
  private uniform<T>(read: Reducer<T>): T | null {
    if (this.cellCount > 20_000_000) throw new WpsSimError('simulator: refusing to scan more than 20 million cells');
    let first = true;
    let answer: T | null = null;
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      for (let c = this.box.c0; c <= this.box.c1; c++) {
        const v = read(this.sheet.cell(r, c), r, c);
        if (first) {
          answer = v;
          first = false;
        } else if (v !== answer) return null;
      }
    }
    return answer;
  }

  private each(write: (cell: SimCell, r: number, c: number) => void): void {
    if (this.cellCount > 5_000_000) throw new WpsSimError('simulator: refusing to write more than 5 million cells at once');
    for (let r = this.box.r0; r <= this.box.r1; r++) for (let c = this.box.c0; c <= this.box.c1; c++) write(this.sheet.ensure(r, c), r, c);
  }

  get Row(): number {
    return this.box.r0 + 1;
  }

  get Column(): number {
    return this.box.c0 + 1;
  }

  get Rows(): { Count: number } {
    return { Count: this.box.r1 - this.box.r0 + 1 };
  }

  get Columns(): { Count: number } {
    return { Count: this.box.c1 - this.box.c0 + 1 };
  }

  Address(): string {
    this.app.count();
    return boxAddress(this.box);
  }

  private static readValue(cell: SimCell | undefined): SimScalar | undefined {
    if (!cell) return undefined;
    if (cell.error !== undefined) return CVERR[cell.error];
    if (cell.formula !== undefined) return cell.value;
    return cell.value;
  }

  get Value2(): unknown {
    this.app.count();
    if (this.cellCount > 5_000_000) throw new WpsSimError('simulator: Value2 of more than 5 million cells (WPS would run out of memory)');
    this.app.cellsRead += this.cellCount;
    if (this.cellCount === 1) return SimRange.readValue(this.sheet.cell(this.box.r0, this.box.c0));
    const rows: unknown[][] = [];
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      const row: unknown[] = [];
      for (let c = this.box.c0; c <= this.box.c1; c++) row.push(SimRange.readValue(this.sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  set Value2(value: unknown) {
    this.app.count();
    if (Array.isArray(value)) {
      const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
      // Excel and WPS fill the cells beyond a smaller array with #N/A.
      this.each((cell, r, c) => {
        const row = rows[r - this.box.r0];
        if (row === undefined || c - this.box.c0 >= row.length) SimRange.storeError(cell, '#N/A');
        else SimRange.store(cell, row[c - this.box.c0]);
      });
    } else {
      this.each((cell) => SimRange.store(cell, value));
    }
  }

  private static storeError(cell: SimCell, error: string): void {
    delete cell.value;
    delete cell.formula;
    cell.error = error;
  }

  /** What WPS does with a value typed into a cell: text cells keep it, others parse it. */
  private static store(cell: SimCell, value: unknown): void {
    delete cell.error;
    delete cell.formula;
    delete cell.value;
    if (value === undefined || value === null || value === '') return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new WpsSimError('Value2: not a finite number');
      cell.value = value;
      return;
    }
    if (typeof value === 'boolean') {
      cell.value = value;
      return;
    }
    if (typeof value !== 'string') throw new WpsSimError(`Value2: unsupported value ${String(value)}`);
    if (cell.format === '@') {
      cell.value = value;
      return;
    }
    if (value.startsWith("'")) {
      cell.value = value.slice(1);
      return;
    }
    if (value.startsWith('=') && value.length > 1) {
      cell.formula = value;
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) {
      cell.value = Number(value);
      return;
    }
    if (/^(true|false)$/i.test(value)) {
      cell.value = value.toLowerCase() === 'true';
      return;
    }
    cell.value = value;
  }

  get NumberFormat(): string | null {
    this.app.count();
    return this.uniform((cell) => cell?.format ?? 'General');
  }

  set NumberFormat(format: string | null) {
    this.app.count();
    if (typeof format !== 'string') throw new WpsSimError('NumberFormat: expected a string');
    this.each((cell) => {
      cell.format = format;
    });
  }

  get MergeCells(): boolean | null {
    this.app.count();
    return this.uniform((_cell, r, c) => this.sheet.merges.some((m) => inside(r, c, m)));
  }

  get MergeArea(): SimRange {
    this.app.count();
    const found = this.sheet.merges.find((m) => inside(this.box.r0, this.box.c0, m));
    return new SimRange(this.sheet, found ?? { r0: this.box.r0, c0: this.box.c0, r1: this.box.r0, c1: this.box.c0 });
  }

  Merge(): void {
    this.app.count();
    if (this.sheet.merges.some((m) => overlaps(m, this.box))) throw new WpsSimError('Merge: overlaps a merged area (WPS would ask)');
    let others = false;
    for (let r = this.box.r0; r <= this.box.r1; r++) {
      for (let c = this.box.c0; c <= this.box.c1; c++) {
        const cell = this.sheet.cell(r, c);
        if ((r !== this.box.r0 || c !== this.box.c0) && cell && (cell.value !== undefined || cell.formula !== undefined)) others = true;
      }
    }
    if (others && this.app.DisplayAlerts) {
      this.app.blockedPrompts.push(`Merge ${boxAddress(this.box)}`);
      throw new WpsSimError('Merge: WPS asks "合并后只保留左上角的值" — DisplayAlerts is on');
    }
    if (this.box.r0 !== this.box.r1 || this.box.c0 !== this.box.c1) this.sheet.merges.push({ ...this.box });
  }

  get EntireRow(): SimRange {
    return new SimRange(this.sheet, { r0: this.box.r0, c0: 0, r1: this.box.r1, c1: MAX_COLS - 1 }, 'rows');
  }

  get EntireColumn(): SimRange {
    return new SimRange(this.sheet, { r0: 0, c0: this.box.c0, r1: MAX_ROWS - 1, c1: this.box.c1 }, 'cols');
  }

  get Hidden(): boolean | null {
    this.app.count();
    if (this.kind === 'cells') throw new WpsSimError('Hidden: only whole rows or columns can be hidden');
    const [from, to, set] = this.kind === 'rows' ? [this.box.r0, this.box.r1, this.sheet.hiddenRows] : [this.box.c0, this.box.c1, this.sheet.hiddenCols];
    let hidden = 0;
    for (const index of set) if (index >= from && index <= to) hidden++;
    return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
  }

  set Hidden(value: boolean | null) {
    this.app.count();
    if (this.kind === 'cells') throw new WpsSimError('Hidden: only whole rows or columns can be hidden');
    const [from, to, set] = this.kind === 'rows' ? [this.box.r0, this.box.r1, this.sheet.hiddenRows] : [this.box.c0, this.box.c1, this.sheet.hiddenCols];
    for (let i = from; i <= to; i++) {
      if (value) set.add(i);
      else set.delete(i);
    }
  }

  get Interior(): { Color: number } {
    return accessor('Color', () => this.uniform((cell) => cell?.fill ?? 16777215) ?? 0, (color: number) => {
      if (!Number.isInteger(color) || color < 0 || color > 0xffffff) throw new WpsSimError(`Interior.Color = ${color}: expected 0–16777215 (BGR)`);
      this.each((cell) => {
        cell.fill = color;
      });
    }, () => this.app.count());
  }

  get Font(): { Bold: boolean | null } {
    return accessor('Bold', () => this.uniform((cell) => cell?.bold ?? false), (bold: boolean | null) => {
      this.each((cell) => {
        cell.bold = Boolean(bold);
      });
    }, () => this.app.count());
  }

  get Borders(): { LineStyle: number | null } {
    return accessor('LineStyle', () => this.uniform((cell) => cell?.border ?? -4142), (style: number | null) => {
      this.each((cell) => {
        cell.border = style ?? -4142;
      });
    }, () => this.app.count());
  }

  get WrapText(): boolean | null {
    this.app.count();
    return this.uniform((cell) => cell?.wrap ?? false);
  }

  set WrapText(wrap: boolean | null) {
    this.app.count();
    this.each((cell) => {
      cell.wrap = Boolean(wrap);
    });
  }

  get HorizontalAlignment(): number {
    this.app.count();
    return this.uniform((cell) => cell?.align ?? 1) ?? 1;
  }

  set HorizontalAlignment(align: number) {
    this.app.count();
    if (![-4131, -4108, -4152, 1].includes(align)) throw new WpsSimError(`HorizontalAlignment = ${align}: invalid`);
    this.each((cell) => {
      cell.align = align;
    });
  }

  get ColumnWidth(): number | null {
    this.app.count();
    let answer: number | null = null;
    for (let c = this.box.c0; c <= this.box.c1; c++) {
      const w = this.sheet.columnWidths.get(c) ?? 8.38;
      if (c === this.box.c0) answer = w;
      else if (w !== answer) return null;
    }
    return answer;
  }

  set ColumnWidth(width: number | null) {
    this.app.count();
    if (typeof width !== 'number' || width < 0 || width > 255) throw new WpsSimError(`ColumnWidth = ${String(width)}: expected 0–255 characters`);
    for (let c = this.box.c0; c <= this.box.c1; c++) this.sheet.columnWidths.set(c, width);
  }

  get RowHeight(): number | null {
    this.app.count();
    return this.sheet.rowHeights.get(this.box.r0) ?? 13.5;
  }

  set RowHeight(height: number | null) {
    this.app.count();
    if (typeof height !== 'number' || height < 0 || height > 409) throw new WpsSimError(`RowHeight = ${String(height)}: expected 0–409 points`);
    for (let r = this.box.r0; r <= this.box.r1; r++) this.sheet.rowHeights.set(r, height);
  }

  AddComment(text?: string): object {
    this.app.count();
    if (this.cellCount !== 1) throw new WpsSimError('AddComment: only on a single cell');
    const cell = this.sheet.ensure(this.box.r0, this.box.c0);
    if (cell.comment !== undefined) throw new WpsSimError('AddComment: the cell already has a comment');
    cell.comment = text ?? '';
    return {};
  }

  Select(): void {
    this.app.count();
    if (this.sheet.book.active !== this.sheet) throw new WpsSimError("Select: 方法 'Select' 作用于对象 'Range' 时失败 (sheet not active)");
    this.sheet.book.selection = { sheet: this.sheet.Name, address: boxAddress(this.box) };
  }

  Clear(): void {
    this.app.count();
    for (let r = this.box.r0; r <= this.box.r1; r++) for (let c = this.box.c0; c <= this.box.c1; c++) this.sheet.cells.delete(`${r},${c}`);
    for (let i = this.sheet.merges.length - 1; i >= 0; i--) if (overlaps(this.sheet.merges[i], this.box)) this.sheet.merges.splice(i, 1);
  }
}

export class SimWorkbook {
  readonly sheets: SimWorksheet[] = [];
  active: SimWorksheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  ProtectStructure = false;
  readonly Name = '台账.xlsx';
  private added = 0;

  constructor(readonly app: SimApplication) {}

  visibleSheets(): SimWorksheet[] {
    return this.sheets.filter((sheet) => sheet.visibleValue === -1);
  }

  assertStructure(what: string): void {
    if (this.ProtectStructure) throw new WpsSimError(`${what}: 工作簿结构受保护`);
  }

  assertName(name: string, self: SimWorksheet | null): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new WpsSimError(`Name = "${String(name)}": 工作表名称无效`);
    }
    if (this.sheets.some((sheet) => sheet !== self && sheet.Name.toLowerCase() === name.toLowerCase())) throw new WpsSimError(`Name = "${name}": 该名称已被占用`);
  }

  remove(sheet: SimWorksheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.active === sheet) this.active = this.visibleSheets()[0] ?? null;
  }

  readonly Sheets = ((book: SimWorkbook) => ({
    get Count(): number {
      book.app.count();
      return book.sheets.length;
    },
    Item(index: number | string): SimWorksheet {
      book.app.count();
      const found =
        typeof index === 'number'
          ? Number.isInteger(index) && index >= 1
            ? book.sheets[index - 1]
            : undefined
          : book.sheets.find((sheet) => sheet.Name.toLowerCase() === String(index).toLowerCase());
      if (!found) throw new WpsSimError(`Sheets.Item(${JSON.stringify(index)}): 下标越界`);
      return found;
    },
    Add(Before?: SimWorksheet, After?: SimWorksheet): SimWorksheet {
      book.app.count();
      book.assertStructure('add');
      let n = ++book.added;
      while (book.sheets.some((sheet) => sheet.Name.toLowerCase() === `sheet${n}`)) n = ++book.added;
      const sheet = new SimWorksheet(book, `Sheet${n}`);
      const at = After ? book.sheets.indexOf(After) + 1 : Before ? book.sheets.indexOf(Before) : book.active ? book.sheets.indexOf(book.active) : 0;
      book.sheets.splice(Math.max(0, at), 0, sheet);
      book.active = sheet;
      return sheet;
    },
  }))(this);
}

/** The Application root object. `install()` puts it on globalThis.window/Application as WPS does. */
export class SimApplication {
  readonly book: SimWorkbook;
  private screenUpdating = true;
  DisplayAlerts = true;
  /** Prompts a real WPS would have shown and nobody answered (each one also threw). */
  readonly blockedPrompts: string[] = [];
  /** Calls into the object model (property reads and writes, methods). */
  calls = 0;
  cellsRead = 0;
  /** Every value ScreenUpdating was given, in order. */
  readonly screenUpdatingLog: boolean[] = [];
  readonly Build = '11.1.0.11720';
  /** Fails the n-th call from now (to test restoring state on every path); 0 = never. */
  failAfter = 0;
  /** Makes the next Delete() of the sheet of this name fail once (a refusal during the swap). */
  failNextDelete: string | null = null;

  constructor() {
    this.book = new SimWorkbook(this);
  }

  count(): void {
    this.calls++;
    if (this.failAfter > 0 && --this.failAfter === 0) throw new WpsSimError('simulated WPS failure');
  }

  get ActiveWorkbook(): SimWorkbook {
    return this.book;
  }

  get ScreenUpdating(): boolean {
    return this.screenUpdating;
  }

  set ScreenUpdating(value: boolean) {
    this.screenUpdating = Boolean(value);
    this.screenUpdatingLog.push(Boolean(value));
  }

  get ActiveWindow(): { FreezePanes: boolean; SplitRow: number; SplitColumn: number } {
    const sheet = (): SimWorksheet => {
      if (!this.book.active) throw new WpsSimError('ActiveWindow: no active sheet');
      return this.book.active;
    };
    const count = () => this.count();
    const window = {};
    Object.defineProperties(window, {
      FreezePanes: {
        get: () => sheet().frozen !== null,
        set: (on: boolean) => {
          count();
          const s = sheet();
          s.frozen = on && (s.split.row > 0 || s.split.column > 0) ? { rows: s.split.row, columns: s.split.column } : null;
        },
      },
      SplitRow: { get: () => sheet().split.row, set: (row: number) => ((count(), (sheet().split.row = row))) },
      SplitColumn: { get: () => sheet().split.column, set: (column: number) => ((count(), (sheet().split.column = column))) },
    });
    return window as { FreezePanes: boolean; SplitRow: number; SplitColumn: number };
  }

  // ── test helpers (not part of the object model) ──

  /** Adds a sheet with values from A1 (and optional formats, merges, hidden rows, stray cells). */
  addSheet(name: string, rows: (SimScalar | SimCell | null | undefined)[][], options: { merges?: string[]; hiddenRows?: number[]; visible?: number } = {}): SimWorksheet {
    this.book.assertName(name, null);
    const sheet = new SimWorksheet(this.book, name);
    this.book.sheets.push(sheet);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        if (typeof v === 'object') sheet.cells.set(`${r},${c}`, { ...v });
        else sheet.cells.set(`${r},${c}`, { value: v });
      }),
    );
    for (const merge of options.merges ?? []) sheet.merges.push(parseBox(merge));
    for (const row of options.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    if (options.visible !== undefined) sheet.visibleValue = options.visible;
    if (!this.book.active && sheet.visibleValue === -1) this.book.active = sheet;
    return sheet;
  }

  sheet(name: string): SimWorksheet | undefined {
    return this.book.sheets.find((sheet) => sheet.Name === name);
  }

  sheetNames(): string[] {
    return this.book.sheets.map((sheet) => sheet.Name);
  }

  /** Values of a sheet's used range from A1, blanks as null, formulas as their text. */
  valuesOf(name: string): (SimScalar | null)[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const box = sheet.usedBox(true);
    if (!box) return [];
    const rows: (SimScalar | null)[][] = [];
    for (let r = 0; r <= box.r1; r++) {
      const row: (SimScalar | null)[] = [];
      for (let c = 0; c <= box.c1; c++) {
        const cell = sheet.cell(r, c);
        row.push(cell?.formula ?? cell?.error ?? cell?.value ?? null);
      }
      rows.push(row);
    }
    return rows;
  }
}

/** Excel/WPS serial number of a date (days since 1899-12-30, UTC). */
export function serialOf(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}
