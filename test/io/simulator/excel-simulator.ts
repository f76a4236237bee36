/**
 * An in-memory Excel with the subset of the Excel JavaScript API that Kaohe's Office.js
 * adapter uses, enforcing the semantics that make real add-ins fail:
 *
 * - proxies: a property that was not `load()`-ed, or was loaded but not yet synced,
 *   THROWS `PropertyNotLoaded` when read;
 * - batching: writes and method calls are queued and applied, in order, at `context.sync()`;
 *   a failing operation rejects the sync (earlier operations stay applied, as in Excel);
 * - cost: every sync is counted with the byte size of its request (JSON of the queued
 *   operations) and of its response (JSON of the loaded values);
 * - values: a string assigned to a cell that starts with `=` (or `+`, `-`, `@` and is not a
 *   number) becomes a formula that reads back `#NAME?`, and a numeric-looking string becomes a
 *   number — unless the cell's number format is `@` (text), as in Excel;
 * - requirement sets: each API checks the sets configured for the simulated Excel (2016 = ExcelApi
 *   1.1 only … 365), and an unsupported call fails the sync with `ApiNotFound`.
 *
 * Pure TypeScript: no Node, DOM or jest imports, so a browser test page can bundle it.
 *
 * @example
 *   const sim = new ExcelSimulator({ requirements: EXCEL_365 });
 *   sim.addSheet('考核数据', [['单位', '得分'], ['龙源村', 95]]);
 *   const uninstall = sim.install();
 *   await Excel.run(async (context) => { … });
 *   uninstall();
 */
import { a1 } from '../../../src/core/a1';
import { utf8Length as utf8LengthOf } from '../../../src/io/officeWrite';

// ───────────────────────── configuration ─────────────────────────

/** Highest supported version of each requirement set, e.g. `{ ExcelApi: '1.7' }`. */
export type RequirementSets = Record<string, string>;

/** Excel 2016 bought once (MSI / volume licence): ExcelApi 1.1 and DialogApi 1.1 only. */
export const EXCEL_2016: RequirementSets = { ExcelApi: '1.1', DialogApi: '1.1' };
/** Excel 2019 perpetual: ExcelApi up to 1.8. */
export const EXCEL_2019: RequirementSets = { ExcelApi: '1.8', DialogApi: '1.1' };
/** Excel 2021 perpetual: ExcelApi up to 1.14. */
export const EXCEL_2021: RequirementSets = { ExcelApi: '1.14', DialogApi: '1.2' };
/** Microsoft 365 (current channel). */
export const EXCEL_365: RequirementSets = { ExcelApi: '1.20', DialogApi: '1.2' };

/** The browser engine Office uses to show an add-in on a given install. */
export type WebEngine = 'Trident' | 'EdgeHTML' | 'WebView2' | 'Browser';

/** One Excel as offices have it: API level, the engine that shows the pane, whether add-in commands (the ribbon button) appear. */
export interface HostProfile {
  name: string;
  requirements: RequirementSets;
  engine: WebEngine;
  /** True when the manifest's ribbon button is shown (add-in commands). */
  ribbon: boolean;
  /** Office.context.platform / onReady's platform: `PC` or `OfficeOnline` (the web enforces 5 MB a request). */
  platform: 'PC' | 'OfficeOnline' | 'Mac';
}

/** A user agent of each engine, as the pane's detection script sees it. */
export const USER_AGENTS: Record<WebEngine, string> = {
  Trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  EdgeHTML: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  WebView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  Browser: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

/**
 * Installs as offices have them. Volume-licensed (MSI) Office 2016/2019 always uses IE11
 * (Trident) and shows no add-in commands; retail 2016/2019 without the WebView2 runtime uses
 * EdgeHTML (legacy Edge) and shows commands; 2021 and later and Microsoft 365 use WebView2.
 */
export const HOST_PROFILES = {
  excel2016Volume: { name: 'Excel 2016 (volume licence)', requirements: EXCEL_2016, engine: 'Trident', ribbon: false, platform: 'PC' },
  excel2016Retail: { name: 'Excel 2016 (retail, no WebView2)', requirements: EXCEL_2016, engine: 'EdgeHTML', ribbon: true, platform: 'PC' },
  excel2019Volume: { name: 'Excel 2019 (volume licence)', requirements: EXCEL_2019, engine: 'Trident', ribbon: false, platform: 'PC' },
  excel2019Retail: { name: 'Excel 2019 (retail, no WebView2)', requirements: EXCEL_2019, engine: 'EdgeHTML', ribbon: true, platform: 'PC' },
  excel2021: { name: 'Excel 2021', requirements: EXCEL_2021, engine: 'WebView2', ribbon: true, platform: 'PC' },
  excel365: { name: 'Microsoft 365', requirements: EXCEL_365, engine: 'WebView2', ribbon: true, platform: 'PC' },
  excelWeb: { name: 'Excel on the web', requirements: EXCEL_365, engine: 'Browser', ribbon: true, platform: 'OfficeOnline' },
} as const satisfies Record<string, HostProfile>;

/** Excel's limits, enforced as Excel enforces them. */
export const EXCEL_LIMITS = {
  rowHeightPoints: 409,
  /** 255 characters of the default font, in points (7 px a character + 5 px, at 96 dpi). */
  columnWidthPoints: (255 * 7 + 5) * 0.75,
  cellCharacters: 32_767,
  /** Excel on the web: request and response payloads. */
  webPayloadBytes: 5 * 1024 * 1024,
};

/** A failure to inject: the `sync`-th sync from now (1-based) fails — before any of its operations, or at operation `operation` (1-based; earlier ones stay applied). */
export interface InjectedFailure {
  sync: number;
  operation?: number;
  code?: string;
}

export interface SimulatorOptions {
  requirements?: RequirementSets;
  /** A host profile (its requirements apply unless `requirements` is given). */
  profile?: HostProfile;
  /** When true, Office.onReady answers only when the test calls `answerReady()` (a slow or late Office.js). */
  lateReady?: boolean;
  /** Office.context.displayLanguage, default `zh-CN`. */
  displayLanguage?: string;
  /** When true (default), a dialog opened by the add-in is closed by the "user" right after it opens. */
  dialogsCloseThemselves?: boolean;
}

// ───────────────────────── errors ─────────────────────────

/** Looks like `OfficeExtension.Error`: `name`, `code`, `message`, `debugInfo`. */
export class SimulatedOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const fail = (code: string, message: string, where?: string): never => {
  throw new SimulatedOfficeError(code, message, where);
};

// ───────────────────────── workbook model ─────────────────────────

export type SimValue = string | number | boolean;

export interface SimCell {
  value: SimValue;
  /** Set when the cell holds a formula (the value is then its result). */
  formula?: string;
  /** True when `value` is an error such as `#NAME?`. */
  error?: boolean;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface SimBorder {
  address: string;
  side: string;
  style: string;
}

export interface SimPageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/** One worksheet: a sparse grid of cells plus sheet-level settings. */
export class SimSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** 0-based rows and columns the user hid. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly borders: SimBorder[] = [];
  readonly notes = new Map<string, string>();
  frozen: { rows: number; columns: number } | null = null;
  pageLayout: SimPageLayout = {};
  private readonly rows: (SimCell | undefined)[][] = [];
  /** A read-only generated block at A1 (for very large sheets), under the sparse cells. */
  private virtual: { rowCount: number; columnCount: number; value: (row: number, column: number) => SimValue } | null = null;

  constructor(name: string) {
    this.name = name;
  }

  /** The cell at 0-based (row, column), or undefined when it was never written. */
  cell(row: number, column: number): SimCell | undefined {
    const stored = this.rows[row]?.[column];
    if (stored) return stored;
    const v = this.virtual;
    if (v && row < v.rowCount && column < v.columnCount) return { value: v.value(row, column) };
    return undefined;
  }

  /** The cell at (row, column), created when missing. */
  ensure(row: number, column: number): SimCell {
    const line = (this.rows[row] ??= []);
    const existing = line[column] ?? this.cell(row, column);
    const cell: SimCell = existing ? { ...existing } : { value: '' };
    line[column] = cell;
    return cell;
  }

  /** Range.clear at sync: contents, formats or both. */
  clearBox(box: Box, applyTo: 'All' | 'Formats' | 'Contents'): void {
    for (let r = box.r0; r <= Math.min(box.r1, this.rows.length - 1); r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = box.c0; c <= Math.min(box.c1, line.length - 1); c++) {
        const cell = line[c];
        if (!cell) continue;
        if (applyTo !== 'Formats') {
          cell.value = '';
          cell.formula = undefined;
          cell.error = undefined;
        }
        if (applyTo !== 'Contents') {
          cell.numberFormat = undefined;
          cell.fill = undefined;
          cell.bold = undefined;
          cell.wrap = undefined;
          cell.horizontalAlignment = undefined;
        }
      }
    }
  }

  setVirtual(rowCount: number, columnCount: number, value: (row: number, column: number) => SimValue): void {
    this.virtual = { rowCount, columnCount, value };
  }

  /** Bounding box of every cell that holds a value or a format; null when the sheet is empty. */
  usedBox(valuesOnly = false): Box | null {
    let box: Box | null = null;
    const grow = (r: number, c: number): void => {
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else box = { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) };
    };
    if (this.virtual && this.virtual.rowCount > 0 && this.virtual.columnCount > 0) {
      grow(0, 0);
      grow(this.virtual.rowCount - 1, this.virtual.columnCount - 1);
    }
    this.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell) return;
        const hasValue = cell.value !== '';
        const hasFormat = cell.numberFormat !== undefined || cell.fill !== undefined || cell.bold !== undefined || cell.wrap !== undefined;
        if (hasValue || (!valuesOnly && hasFormat)) grow(r, c);
      }),
    );
    return box;
  }
}

// ───────────────────────── addresses ─────────────────────────

const cellName = a1;

function boxName(box: Box): string {
  const start = cellName(box.r0, box.c0);
  return box.r0 === box.r1 && box.c0 === box.c1 ? start : `${start}:${cellName(box.r1, box.c1)}`;
}

function parseCell(text: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(text.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** Parses `B2`, `B2:D9` (optionally `Sheet!B2:D9`) into a box; throws InvalidArgument otherwise. */
function parseBox(address: string): { sheet: string | null; box: Box } {
  let sheet: string | null = null;
  let rest = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    rest = address.slice(bang + 1);
  }
  const [a, b] = rest.split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return fail('InvalidArgument', `The address "${address}" is not valid.`);
  return {
    sheet,
    box: {
      r0: Math.min(start.row, end.row),
      c0: Math.min(start.column, end.column),
      r1: Math.max(start.row, end.row),
      c1: Math.max(start.column, end.column),
    },
  };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ───────────────────────── requirement sets ─────────────────────────

function versionAtLeast(have: string | undefined, need: string): boolean {
  if (have === undefined) return false;
  const [hMajor, hMinor = 0] = have.split('.').map(Number);
  const [nMajor, nMinor = 0] = need.split('.').map(Number);
  return hMajor > nMajor || (hMajor === nMajor && hMinor >= nMinor);
}

// ───────────────────────── the request context ─────────────────────────

/** One queued operation: its wire form (for the request size) and what it does at sync. */
interface Operation {
  wire: unknown;
  /** Requirement set needed: `['ExcelApi', '1.7']`. */
  needs: [string, string];
  run: () => unknown;
}

/** What one `context.sync()` cost. */
export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
}

// The adapter's own counter (no TextEncoder, which jsdom and IE11 lack); the same arithmetic as Excel's UTF-8 payloads.
const utf8Length = utf8LengthOf;

class SimContext {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];

  constructor(readonly sim: ExcelSimulator) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const request = JSON.stringify(batch.map((op) => op.wire));
    const responses: unknown[] = [];
    let failure: unknown = null;
    const injected = this.sim.nextInjected();
    const web = this.sim.platform === 'OfficeOnline';
    if (web && utf8Length(request) > EXCEL_LIMITS.webPayloadBytes) {
      failure = new SimulatedOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    } else if (injected && injected.operation === undefined) {
      failure = new SimulatedOfficeError(injected.code ?? 'GeneralException', 'Injected failure of the whole request.');
    }
    for (let index = 0; index < batch.length && !failure; index++) {
      const op = batch[index];
      try {
        if (injected && injected.operation === index + 1) fail(injected.code ?? 'GeneralException', `Injected failure at operation ${index + 1}.`);
        const [set, version] = op.needs;
        if (!this.sim.supports(set, version)) {
          fail('ApiNotFound', `This API needs ${set} ${version}, which this Excel does not support.`, JSON.stringify(op.wire));
        }
        const result = op.run();
        if (result !== undefined) responses.push(result);
      } catch (error) {
        failure = error;
        break;
      }
    }
    const response = JSON.stringify(responses);
    if (!failure && web && utf8Length(response) > EXCEL_LIMITS.webPayloadBytes) {
      failure = new SimulatedOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    this.sim.recordSync({ operations: batch.length, requestBytes: utf8Length(request), responseBytes: utf8Length(response) });
    // Like Office.js, settle asynchronously.
    await Promise.resolve();
    if (failure) throw failure;
  }
}

// ───────────────────────── proxies ─────────────────────────

/** The base of every proxy: load() queues a read whose result becomes readable after sync. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: SimContext,
    /** How the object is named on the wire (for request sizes and error locations). */
    readonly path: string,
  ) {}

  /** Names and how to read them from the target, for load(). */
  protected abstract readers(): Record<string, [set: string, () => unknown]>;

  load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? '').split(','))
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const readers = this.readers();
    const wanted = names.length > 0 ? names : Object.keys(readers);
    for (const name of wanted) {
      if (!readers[name]) fail('InvalidArgument', `Unknown property "${name}" on ${this.path}.`);
    }
    const needs = wanted.reduce<string>((max, name) => {
      const need = readers[name]?.[0] ?? '1.1';
      return versionAtLeast(max, need) ? max : need;
    }, '1.1');
    this.ctx.enqueue({
      wire: { load: this.path, select: wanted },
      needs: ['ExcelApi', needs],
      run: () => {
        const out: Record<string, unknown> = {};
        for (const name of wanted) {
          const value = this.readItem(name, readers);
          this.loaded.set(name, value);
          out[name] = value instanceof ClientObject ? undefined : value;
        }
        return this.responseOf(out);
      },
    });
    return this;
  }

  /** Reads one property at sync time (collections override this for `items/...`). */
  protected readItem(name: string, readers: Record<string, [string, () => unknown]>): unknown {
    return readers[name][1]();
  }

  /** What goes on the wire for a load (collections override it). */
  protected responseOf(out: Record<string, unknown>): unknown {
    return out;
  }

  /** Reads a loaded property; throws PropertyNotLoaded as Office.js does. */
  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      fail(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.path}.${name}`,
      );
    }
    return this.loaded.get(name) as T;
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Queues a property write or a method call. */
  protected queue(wire: Record<string, unknown>, needs: string, run: () => unknown = () => undefined): void {
    this.ctx.enqueue({ wire: { on: this.path, ...wire }, needs: ['ExcelApi', needs], run });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly comments: CommentCollectionProxy;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.comments = new CommentCollectionProxy(ctx);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  constructor(ctx: SimContext) {
    super(ctx, 'worksheets');
  }

  private itemProperties: string[] = ['name'];

  protected readers(): Record<string, [string, () => unknown]> {
    const properties = this.itemProperties;
    return {
      items: [
        '1.1',
        () =>
          this.ctx.sim.workbookSheets().map((sheet) => {
            const proxy = new WorksheetProxy(this.ctx, () => sheet, `worksheets.getItem(${JSON.stringify(sheet.name)})`);
            proxy.adopt(properties);
            return proxy;
          }),
      ],
    };
  }

  /** Accepts `items/name,items/visibility` (or an array of them); plain `items` loads names. */
  override load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? 'items/name').split(',')).map((n) => n.trim());
    const wanted = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    this.itemProperties = wanted.length > 0 ? wanted : ['name'];
    return super.load('items');
  }

  protected override responseOf(): unknown {
    return this.ctx.sim.workbookSheets().map((sheet) => Object.fromEntries(this.itemProperties.map((p) => [p, (sheet as never)[p]])));
  }

  get items(): WorksheetProxy[] {
    return this.loadedValue<WorksheetProxy[]>('items');
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.sim.sheetOrFail(name), `worksheets.getItem(${JSON.stringify(name)})`);
  }

  add(name?: string): WorksheetProxy {
    let created: SimSheet | null = null;
    const path = `worksheets.add(${JSON.stringify(name ?? '')})`;
    this.queue({ call: 'add', args: [name] }, '1.1', () => {
      created = this.ctx.sim.addSheetInternal(name);
    });
    return new WorksheetProxy(
      this.ctx,
      () => created ?? fail('InvalidObjectPath', 'The sheet has not been added yet (sync first).'),
      path,
    );
  }
}

class WorksheetProxy extends ClientObject {
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly notes: NoteCollectionProxy;

  constructor(
    ctx: SimContext,
    readonly resolve: () => SimSheet,
    path: string,
  ) {
    super(ctx, path);
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
    this.notes = new NoteCollectionProxy(ctx, this);
  }

  protected readers(): Record<string, [string, () => unknown]> {
    return {
      name: ['1.1', () => this.resolve().name],
      visibility: ['1.1', () => this.resolve().visibility],
      position: ['1.1', () => this.ctx.sim.workbookSheets().indexOf(this.resolve())],
    };
  }

  /** Marks properties as loaded right now (used for collection items read in the same sync). */
  adopt(properties: string[]): void {
    const readers = this.readers();
    for (const p of properties) if (readers[p]) this.setLoaded(p, readers[p][1]());
  }

  get name(): string {
    return this.loadedValue<string>('name');
  }

  get visibility(): string {
    return this.loadedValue<string>('visibility');
  }

  set name(value: string) {
    this.queue({ set: 'name', value }, '1.1', () => this.ctx.sim.renameSheetInternal(this.resolve(), value));
  }

  set visibility(value: string) {
    this.queue({ set: 'visibility', value }, '1.2', () => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail('InvalidArgument', `Bad visibility ${value}.`);
      const sheet = this.resolve();
      if (value !== 'Visible' && this.ctx.sim.workbookSheets().filter((s) => s !== sheet && s.visibility === 'Visible').length === 0) {
        fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      }
      sheet.visibility = value as SimSheet['visibility'];
    });
  }

  activate(): void {
    this.queue({ call: 'activate' }, '1.1', () => {
      const sheet = this.resolve();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.sim.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.queue({ call: 'delete' }, '1.1', () => this.ctx.sim.deleteSheetInternal(this.resolve()));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => parseBox(address ?? 'A1:XFD1048576').box, `${this.path}.getRange(${JSON.stringify(address)})`);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const needs = valuesOnly === undefined ? '1.1' : '1.2';
    const range = new RangeProxy(
      this.ctx,
      this,
      () => this.resolve().usedBox(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
      `${this.path}.getUsedRange(${valuesOnly ?? ''})`,
    );
    range.minimumSet = needs;
    return range;
  }
}

class FreezePanesProxy {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  private freeze(wire: string, rows: number, columns: number): void {
    this.ctx.enqueue({
      wire: { on: `${this.sheet.path}.freezePanes`, call: wire, rows, columns },
      needs: ['ExcelApi', '1.7'],
      run: () => {
        this.sheet.resolve().frozen = { rows, columns };
      },
    });
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', count, 0);
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', 0, count);
  }

  freezeAt(frozenRange: string): void {
    const { box } = parseBox(frozenRange);
    this.freeze('freezeAt', box.r1 + 1, box.c1 + 1);
  }
}

class PageLayoutProxy {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  private write(key: keyof SimPageLayout, value: unknown): void {
    this.ctx.enqueue({
      wire: { on: `${this.sheet.path}.pageLayout`, set: key, value },
      needs: ['ExcelApi', '1.9'],
      run: () => {
        (this.sheet.resolve().pageLayout as Record<string, unknown>)[key] = value;
      },
    });
  }

  set orientation(value: string) {
    this.write('orientation', value);
  }

  set paperSize(value: string) {
    this.write('paperSize', value);
  }

  set zoom(value: SimPageLayout['zoom']) {
    this.write('zoom', value);
  }

  setPrintTitleRows(rows: string): void {
    this.write('printTitleRows', rows);
  }
}

class NoteCollectionProxy {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  add(cellAddress: string, content: string): void {
    this.ctx.enqueue({
      wire: { on: `${this.sheet.path}.notes`, call: 'add', cellAddress, content },
      needs: ['ExcelApi', '1.18'],
      run: () => {
        const { box } = parseBox(cellAddress);
        this.sheet.resolve().notes.set(cellName(box.r0, box.c0), content);
      },
    });
  }
}

class CommentCollectionProxy {
  constructor(private readonly ctx: SimContext) {}

  add(cellAddress: string, content: string): void {
    this.ctx.enqueue({
      wire: { on: 'comments', call: 'add', cellAddress, content },
      needs: ['ExcelApi', '1.10'],
      run: () => {
        const { sheet, box } = parseBox(cellAddress);
        if (!sheet) fail('InvalidArgument', 'A comment address must name its sheet.');
        this.ctx.sim.sheetOrFail(sheet as string);
        this.ctx.sim.comments.push({ sheet: sheet as string, cell: cellName(box.r0, box.c0), content });
      },
    });
  }
}

class RangeProxy extends ClientObject {
  readonly format: RangeFormatProxy;
  minimumSet = '1.1';

  constructor(
    ctx: SimContext,
    readonly sheet: WorksheetProxy,
    readonly box: () => Box,
    path: string,
  ) {
    super(ctx, path);
    this.format = new RangeFormatProxy(this);
  }

  /** Resolves the target at sync time. */
  target(): { sheet: SimSheet; box: Box } {
    return { sheet: this.sheet.resolve(), box: this.box() };
  }

  private grid<T>(read: (cell: SimCell | undefined) => T): T[][] {
    const { sheet, box } = this.target();
    const out: T[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const line: T[] = [];
      for (let c = box.c0; c <= box.c1; c++) line.push(read(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  protected readers(): Record<string, [string, () => unknown]> {
    const need = this.minimumSet;
    return {
      values: [need, () => this.grid((cell) => cell?.value ?? '')],
      numberFormat: [need, () => this.grid((cell) => cell?.numberFormat ?? 'General')],
      valueTypes: [
        need,
        () =>
          this.grid((cell) => {
            if (!cell || cell.value === '') return 'Empty';
            if (cell.error) return 'Error';
            return typeof cell.value === 'number' ? 'Double' : typeof cell.value === 'boolean' ? 'Boolean' : 'String';
          }),
      ],
      formulas: [need, () => this.grid((cell) => cell?.formula ?? cell?.value ?? '')],
      address: [need, () => `${quoteSheet(this.target().sheet.name)}!${boxName(this.target().box)}`],
      rowIndex: [need, () => this.box().r0],
      columnIndex: [need, () => this.box().c0],
      rowCount: [need, () => this.box().r1 - this.box().r0 + 1],
      columnCount: [need, () => this.box().c1 - this.box().c0 + 1],
      rowHidden: ['1.2', () => this.allOrNone(this.box().r0, this.box().r1, this.target().sheet.hiddenRows)],
      columnHidden: ['1.2', () => this.allOrNone(this.box().c0, this.box().c1, this.target().sheet.hiddenCols)],
    };
  }

  /** Excel's rowHidden/columnHidden: true when all are hidden, false when none, null when mixed. */
  private allOrNone(from: number, to: number, hidden: Set<number>): boolean | null {
    let count = 0;
    if (hidden.size < to - from + 1) {
      for (const index of hidden) if (index >= from && index <= to) count++;
    } else {
      for (let index = from; index <= to; index++) if (hidden.has(index)) count++;
    }
    return count === 0 ? false : count === to - from + 1 ? true : null;
  }

  get rowHidden(): boolean | null {
    return this.loadedValue('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.loadedValue('columnHidden');
  }

  /** The last row of this range (ExcelApi 1.1). */
  getLastRow(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const box = this.box();
      return { r0: box.r1, c0: box.c0, r1: box.r1, c1: box.c1 };
    }, `${this.path}.getLastRow()`);
  }

  /** One cell of this range, 0-based from its top-left (ExcelApi 1.1). */
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const box = this.box();
      return { r0: box.r0 + row, c0: box.c0 + column, r1: box.r0 + row, c1: box.c0 + column };
    }, `${this.path}.getCell(${row},${column})`);
  }

  /** The merged areas inside this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, box } = this.target();
      const inside = sheet.merges
        .map((address) => parseBox(address).box)
        .filter((m) => m.r0 <= box.r1 && m.r1 >= box.r0 && m.c0 <= box.c1 && m.c1 >= box.c0)
        .map((m) => `${quoteSheet(sheet.name)}!${boxName(m)}`);
      return inside.length > 0 ? inside.join(',') : null;
    });
  }

  /** Clears contents, formats or both (ExcelApi 1.1). */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.queue({ call: 'clear', applyTo }, '1.1', () => {
      const { sheet, box } = this.target();
      sheet.clearBox(box, applyTo);
    });
  }

  get values(): SimValue[][] {
    return this.loadedValue('values');
  }
  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get formulas(): SimValue[][] {
    return this.loadedValue('formulas');
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }

  /** Applies a 2-D array of the range's exact shape, cell by cell. */
  private eachCell<T>(name: string, grid: T[][], apply: (cell: SimCell, value: T) => void): void {
    const { sheet, box } = this.target();
    const rows = box.r1 - box.r0 + 1;
    const columns = box.c1 - box.c0 + 1;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== columns)) {
      fail('InvalidArgument', `The ${name} array does not match the size of the range (${rows}×${columns}).`);
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) apply(sheet.ensure(box.r0 + r, box.c0 + c), grid[r][c]);
  }

  /** As in Excel: `null` in the array leaves that cell unchanged; a text over 32,767 characters is refused. */
  set values(grid: (SimValue | null)[][]) {
    this.queue({ set: 'values', value: grid }, '1.1', () => {
      for (const line of Array.isArray(grid) ? grid : []) {
        for (const value of Array.isArray(line) ? line : []) {
          if (typeof value === 'string' && value.length > EXCEL_LIMITS.cellCharacters) fail('InvalidArgument', 'A cell can hold at most 32,767 characters.');
        }
      }
      this.eachCellOrSkip('values', grid, assignValue);
    });
  }

  /** Like eachCell, but a null value leaves its cell as it is. */
  private eachCellOrSkip<T>(name: string, grid: (T | null)[][], apply: (cell: SimCell, value: T) => void): void {
    const { sheet, box } = this.target();
    this.eachCell(name, grid, () => undefined);
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < grid[r].length; c++) {
        const value = grid[r][c];
        if (value !== null) apply(sheet.ensure(box.r0 + r, box.c0 + c), value);
      }
    }
  }

  set numberFormat(grid: string[][]) {
    this.queue({ set: 'numberFormat', value: grid }, '1.1', () =>
      this.eachCell('numberFormat', grid, (cell, fmt) => {
        cell.numberFormat = fmt === 'General' ? undefined : fmt;
      }),
    );
  }

  merge(across = false): void {
    this.queue({ call: 'merge', across }, '1.2', () => {
      const { sheet, box } = this.target();
      sheet.merges.push(boxName(box));
    });
  }

  select(): void {
    this.queue({ call: 'select' }, '1.1', () => {
      const { sheet, box } = this.target();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'A cell on a hidden sheet cannot be selected.');
      this.ctx.sim.activeSheet = sheet.name;
      this.ctx.sim.selection = { sheet: sheet.name, address: boxName(box) };
    });
  }

  /** For format proxies: apply a change to every cell of the range at sync. */
  forEachCell(apply: (cell: SimCell) => void): void {
    const { sheet, box } = this.target();
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) apply(sheet.ensure(r, c));
  }

  queueOn(wire: Record<string, unknown>, needs: string, run: () => void): void {
    this.queue(wire, needs, run);
  }
}

/** RangeAreas as getMergedAreasOrNullObject returns it: `address` (comma-separated, with sheet) and `isNullObject`. */
class RangeAreasProxy extends ClientObject {
  constructor(
    ctx: SimContext,
    path: string,
    private readonly compute: () => string | null,
  ) {
    super(ctx, path);
  }

  protected readers(): Record<string, [string, () => unknown]> {
    return {
      address: ['1.13', () => this.compute() ?? ''],
      isNullObject: ['1.13', () => this.compute() === null],
      areaCount: ['1.13', () => (this.compute() ?? '').split(',').filter(Boolean).length],
    };
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
}

/** Excel's value assignment: formulas and numbers from strings unless the cell is text (`@`). */
function assignValue(cell: SimCell, value: SimValue): void {
  cell.formula = undefined;
  cell.error = undefined;
  if (typeof value !== 'string' || cell.numberFormat === '@') {
    cell.value = value ?? '';
    return;
  }
  const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) && value.trim() !== '';
  if (numeric) {
    cell.value = Number(value);
    return;
  }
  if (/^[=+\-@]/.test(value) && value.length > 1) {
    cell.formula = value.startsWith('=') ? value : `=${value}`;
    cell.value = '#NAME?';
    cell.error = true;
    return;
  }
  if (ERROR_VALUES.has(value)) {
    cell.value = value;
    cell.error = true;
    return;
  }
  cell.value = value;
}

class RangeFormatProxy {
  readonly fill: { color: string };
  readonly font: { bold: boolean; color: string };
  readonly borders: { getItem: (side: string) => { style: string; color: string; weight: string } };

  constructor(private readonly range: RangeProxy) {
    const set = (name: string, needs: string, apply: (cell: SimCell, value: never) => void) => (value: unknown) =>
      this.range.queueOn({ set: `format.${name}`, value }, needs, () => this.range.forEachCell((cell) => apply(cell, value as never)));
    const setFill = set('fill.color', '1.1', (cell, value: string) => (cell.fill = value));
    const setBold = set('font.bold', '1.1', (cell, value: boolean) => (cell.bold = value));
    this.fill = {
      set color(value: string) {
        setFill(value);
      },
      get color(): string {
        return fail('PropertyNotLoaded', 'format.fill.color was not loaded.');
      },
    };
    this.font = {
      set bold(value: boolean) {
        setBold(value);
      },
      get bold(): boolean {
        return fail('PropertyNotLoaded', 'format.font.bold was not loaded.');
      },
      set color(_value: string) {
        /* font colour is accepted and not tracked */
      },
      get color(): string {
        return fail('PropertyNotLoaded', 'format.font.color was not loaded.');
      },
    };
    const owner = this.range;
    this.borders = {
      getItem: (side: string) => {
        return {
          set style(value: string) {
            owner.queueOn({ set: `format.borders(${side}).style`, value }, '1.1', () => {
              const { sheet, box } = owner.target();
              sheet.borders.push({ address: boxName(box), side, style: value });
            });
          },
          get style(): string {
            return fail('PropertyNotLoaded', 'border style was not loaded.');
          },
          set color(value: string) {
            owner.queueOn({ set: `format.borders(${side}).color`, value }, '1.1', () => undefined);
          },
          get color(): string {
            return fail('PropertyNotLoaded', 'border color was not loaded.');
          },
          set weight(value: string) {
            owner.queueOn({ set: `format.borders(${side}).weight`, value }, '1.1', () => undefined);
          },
          get weight(): string {
            return fail('PropertyNotLoaded', 'border weight was not loaded.');
          },
        };
      },
    };
  }

  set wrapText(value: boolean) {
    this.range.queueOn({ set: 'format.wrapText', value }, '1.1', () => this.range.forEachCell((cell) => (cell.wrap = value)));
  }

  set horizontalAlignment(value: string) {
    this.range.queueOn({ set: 'format.horizontalAlignment', value }, '1.1', () =>
      this.range.forEachCell((cell) => (cell.horizontalAlignment = value)),
    );
  }

  set verticalAlignment(value: string) {
    this.range.queueOn({ set: 'format.verticalAlignment', value }, '1.1', () => undefined);
  }

  set columnWidth(value: number) {
    this.range.queueOn({ set: 'format.columnWidth', value }, '1.2', () => {
      if (!(value >= 0 && value <= EXCEL_LIMITS.columnWidthPoints)) fail('InvalidArgument', 'The column width must be between 0 and 255 characters.');
      const { sheet, box } = this.range.target();
      for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, value);
    });
  }

  set rowHeight(value: number) {
    this.range.queueOn({ set: 'format.rowHeight', value }, '1.2', () => {
      if (!(value >= 0 && value <= EXCEL_LIMITS.rowHeightPoints)) fail('InvalidArgument', 'The row height must be between 0 and 409 points.');
      const { sheet, box } = this.range.target();
      for (let r = box.r0; r <= box.r1; r++) sheet.rowHeights.set(r, value);
    });
  }

  autofitColumns(): void {
    this.range.queueOn({ call: 'format.autofitColumns' }, '1.2', () => undefined);
  }
}

// ───────────────────────── the simulator ─────────────────────────

export interface SimDialog {
  url: string;
  options: unknown;
  closed: boolean;
  /** Fires the "closed by the user" event (12006) as Office does. */
  closeByUser(): void;
  /** Sends a message from the dialog page to the add-in (messageParent). */
  messageParent(message: string): void;
}

export class ExcelSimulator {
  readonly syncs: SyncRecord[] = [];
  readonly comments: { sheet: string; cell: string; content: string }[] = [];
  readonly dialogs: SimDialog[] = [];
  /** Handlers registered with Office.actions.associate. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;
  requirements: RequirementSets;
  displayLanguage: string;
  dialogsCloseThemselves: boolean;
  readonly profile: HostProfile;
  readonly platform: HostProfile['platform'];
  private readonly sheets: SimSheet[] = [];
  private readyCallbacks: (() => void)[] = [];
  private readonly lateReady: boolean;
  private ready = false;
  private failures: InjectedFailure[] = [];
  private syncsSinceInjection = 0;

  constructor(options: SimulatorOptions = {}) {
    this.profile = options.profile ?? HOST_PROFILES.excel365;
    this.platform = this.profile.platform;
    this.lateReady = options.lateReady ?? false;
    this.requirements = options.requirements ?? options.profile?.requirements ?? EXCEL_365;
    this.displayLanguage = options.displayLanguage ?? 'zh-CN';
    this.dialogsCloseThemselves = options.dialogsCloseThemselves ?? true;
  }

  // ── arranging a workbook (test side) ──

  /** Adds a sheet with values from A1; strings starting with `#` that name an error become error cells. */
  addSheet(name: string, rows: (SimValue | null)[][] = [], options: { visibility?: SimSheet['visibility'] } = {}): SimSheet {
    const sheet = this.addSheetInternal(name);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null || value === '') return;
        const cell = sheet.ensure(r, c);
        cell.value = value;
        if (typeof value === 'string' && ERROR_VALUES.has(value)) cell.error = true;
      }),
    );
    if (options.visibility) sheet.visibility = options.visibility;
    return sheet;
  }

  /** Adds a sheet whose A1 block of `rowCount × columnCount` is generated on demand (for huge sheets). */
  addGeneratedSheet(name: string, rowCount: number, columnCount: number, value: (row: number, column: number) => SimValue): SimSheet {
    const sheet = this.addSheetInternal(name);
    sheet.setVirtual(rowCount, columnCount, value);
    return sheet;
  }

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Values of a sheet's used range from A1 (empty cells as ''). */
  valuesOf(name: string): SimValue[][] {
    const sheet = this.sheet(name);
    if (!sheet) return [];
    const box = sheet.usedBox(true);
    if (!box) return [];
    const out: SimValue[][] = [];
    for (let r = 0; r <= box.r1; r++) {
      const line: SimValue[] = [];
      for (let c = 0; c <= box.c1; c++) line.push(sheet.cell(r, c)?.value ?? '');
      out.push(line);
    }
    return out;
  }

  // ── failures ──

  /** Makes a later sync fail (counted from this call). Several may be queued. */
  injectFailure(failure: InjectedFailure): void {
    if (this.failures.length === 0) this.syncsSinceInjection = 0;
    this.failures.push(failure);
  }

  /** Called by each sync: the failure for this sync, if one was injected. */
  nextInjected(): InjectedFailure | undefined {
    if (this.failures.length === 0) return undefined;
    this.syncsSinceInjection++;
    const index = this.failures.findIndex((f) => f.sync === this.syncsSinceInjection);
    if (index < 0) return undefined;
    const [failure] = this.failures.splice(index, 1);
    return failure;
  }

  // ── cost accounting ──

  recordSync(record: SyncRecord): void {
    this.syncs.push(record);
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  /** Sync count and the largest request and response, in bytes. */
  stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number; totalRequestBytes: number; totalResponseBytes: number } {
    return {
      syncs: this.syncs.length,
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
      totalRequestBytes: this.syncs.reduce((sum, s) => sum + s.requestBytes, 0),
      totalResponseBytes: this.syncs.reduce((sum, s) => sum + s.responseBytes, 0),
    };
  }

  // ── requirement sets ──

  supports(set: string, version: string): boolean {
    return versionAtLeast(this.requirements[set], version);
  }

  // ── the API surface ──

  /** Excel.run: one request context, a final sync of anything still queued. */
  async run<T>(batch: (context: SimContext) => Promise<T>): Promise<T> {
    const context = new SimContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }

  /** The `Office` global this simulator answers for. */
  officeGlobal(): Record<string, unknown> {
    // The object below has getters whose own `this` is the object, so the simulator needs a name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const sim = this;
    return {
      HostType: { Excel: 'Excel' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
        const info = { host: 'Excel', platform: sim.platform };
        return new Promise((resolve) => {
          sim.readyCallbacks.push(() => {
            if (callback) callback(info);
            resolve(info);
          });
          if (!sim.lateReady || sim.ready) queueMicrotask(() => sim.fireReady());
        });
      },
      actions: {
        associate(name: string, handler: (event: unknown) => unknown): void {
          sim.actions.set(name, handler);
        },
      },
      context: {
        get displayLanguage(): string {
          return sim.displayLanguage;
        },
        get platform(): string {
          return sim.platform;
        },
        requirements: {
          isSetSupported: (name: string, version?: string): boolean => sim.supports(name, version ?? '1.1'),
        },
        ui: {
          displayDialogAsync: (url: string, options: unknown, callback?: (result: unknown) => void) =>
            sim.openDialog(url, options, typeof options === 'function' ? (options as never) : callback),
          messageParent: () => undefined,
        },
      },
    };
  }

  /** A late Office.js finally answers: every onReady callback runs (and later ones at once). */
  answerReady(): void {
    this.ready = true;
    this.fireReady();
  }

  private fireReady(): void {
    const callbacks = this.readyCallbacks;
    this.readyCallbacks = [];
    for (const callback of callbacks) callback();
  }

  private openDialog(url: string, options: unknown, callback?: (result: unknown) => void): void {
    if (!this.supports('DialogApi', '1.1')) {
      callback?.({ status: 'failed', error: { code: 12005, message: 'The dialog API is not supported.' } });
      return;
    }
    const handlers = new Map<string, ((args: unknown) => void)[]>();
    const fire = (type: string, args: unknown) => (handlers.get(type) ?? []).forEach((h) => h(args));
    const dialog: SimDialog = {
      url,
      options,
      closed: false,
      closeByUser: () => {
        if (dialog.closed) return;
        dialog.closed = true;
        fire('dialogEventReceived', { error: 12006 });
      },
      messageParent: (message: string) => fire('dialogMessageReceived', { message, origin: undefined }),
    };
    this.dialogs.push(dialog);
    const handle = {
      addEventHandler: (type: string, handler: (args: unknown) => void) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
      close: () => {
        dialog.closed = true;
      },
      messageChild: () => undefined,
    };
    queueMicrotask(() => {
      callback?.({ status: 'succeeded', value: handle });
      if (this.dialogsCloseThemselves) setTimeout(() => dialog.closeByUser(), 0);
    });
  }

  /** Installs `Excel`, `Office` and `OfficeExtension` as globals; returns the function that removes them. */
  install(): () => void {
    const scope = globalThis as Record<string, unknown>;
    const saved = { Excel: scope.Excel, Office: scope.Office, OfficeExtension: scope.OfficeExtension };
    scope.Excel = { run: (batch: (context: SimContext) => Promise<unknown>) => this.run(batch) };
    scope.Office = this.officeGlobal();
    scope.OfficeExtension = { Error: SimulatedOfficeError };
    return () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete scope[key];
        else scope[key] = value;
      }
    };
  }

  // ── internals used by the proxies ──

  workbookSheets(): SimSheet[] {
    return this.sheets;
  }

  sheetOrFail(name: string): SimSheet {
    return this.sheet(name) ?? fail('ItemNotFound', `The requested resource doesn't exist: sheet "${name}".`);
  }

  addSheetInternal(name?: string): SimSheet {
    const chosen = name ?? `Sheet${this.sheets.length + 1}`;
    if (chosen.length === 0 || chosen.length > 31 || /[[\]:*?/\\]/.test(chosen) || /^'|'$/.test(chosen)) {
      fail('InvalidArgument', `"${chosen}" is not a valid sheet name.`);
    }
    if (this.sheet(chosen)) fail('ItemAlreadyExists', `A sheet named "${chosen}" already exists.`);
    const sheet = new SimSheet(chosen);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = chosen;
    return sheet;
  }

  renameSheetInternal(sheet: SimSheet, name: string): void {
    if (this.sheets.indexOf(sheet) < 0) fail('ItemNotFound', `The sheet "${sheet.name}" no longer exists.`);
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      fail('InvalidArgument', `"${name}" is not a valid sheet name.`);
    }
    const other = this.sheet(name);
    if (other && other !== sheet) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    if (this.activeSheet === sheet.name) this.activeSheet = name;
    sheet.name = name;
  }

  deleteSheetInternal(sheet: SimSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) fail('ItemNotFound', `The sheet "${sheet.name}" no longer exists.`);
    // As in Excel (office-js#365, by design): a very-hidden sheet must be unhidden before it is deleted.
    if (sheet.visibility === 'VeryHidden') fail('GeneralException', 'There was an internal error while processing the request.');
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      fail('InvalidOperation', 'The last visible sheet cannot be deleted.');
    }
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
  }
}

export type { SimContext };
