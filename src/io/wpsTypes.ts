/**
 * A small typed facade of the WPS 表格 (ET) object model: just the members Kaohe calls.
 *
 * Why not `et-jsapi-declare` (2.5.0, installed as a dev dependency) directly: its index.d.ts
 * declares globals (`Application`, `wps`, a second `confirm`) for every file of a program,
 * so the pane, the CLI and the tests would all see a WPS `Application` that is not there;
 * and its types come from static analysis (`Value2: string | Array<any>`, `MergeCells:
 * boolean`) where the documented behaviour is richer (a scalar for one cell, `null` for a
 * mixed answer). The member names and constants below were checked against its lib.et.d.ts
 * (test/io/wps/declarations.test.ts compiles our facade against it).
 *
 * Everything is synchronous, like VBA: each property read is one call into WPS.
 */

/** XlSheetVisibility: visible, hidden, very hidden (only code can show it again). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

/** XlLineStyle.xlContinuous. */
export const XL_CONTINUOUS = 1;
/** XlHAlign: left, centre, right. */
export const XL_HALIGN_LEFT = -4131;
export const XL_HALIGN_CENTER = -4108;
export const XL_HALIGN_RIGHT = -4152;
/** XlPageOrientation and XlPaperSize. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** Rows/Columns of a range: only the count is used. */
export interface WpsCount {
  readonly Count: number;
}

export interface WpsRange {
  /** One cell: a scalar (undefined when empty). Several: rows of values, `[[…], […]]`. */
  Value2: unknown;
  /** A string when every cell shares the format; null when they differ. */
  NumberFormat: string | null;
  /** 1-based row and column of the range's top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsCount;
  readonly Columns: WpsCount;
  /** `$A$1:$C$4` (absolute) by default; a method in the JS API (a parametrised property in VBA). */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  /** true: every cell lies in a merge; false: none does; null: some do. */
  readonly MergeCells: boolean | null;
  /** The merged area holding the range's top-left cell (the cell itself when not merged). */
  readonly MergeArea: WpsRange;
  /** The whole rows / columns of the range (Ranges themselves). */
  readonly EntireRow: WpsRange;
  readonly EntireColumn: WpsRange;
  /** Of whole rows or columns: true all hidden, false none, null some. */
  Hidden: boolean | null;
  readonly Interior: { Color: number };
  readonly Font: { Bold: boolean | null };
  readonly Borders: { LineStyle: number | null };
  WrapText: boolean | null;
  HorizontalAlignment: number;
  ColumnWidth: number | null;
  RowHeight: number | null;
  Merge(Across?: boolean): void;
  AddComment(Text?: string): unknown;
  Select(): unknown;
  Clear(): unknown;
}

export interface WpsPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface WpsWorksheet {
  Name: string;
  /** XlSheetVisibility (-1, 0, 2). */
  Visible: number;
  readonly UsedRange: WpsRange;
  Range(address: string): WpsRange;
  readonly PageSetup: WpsPageSetup;
  Activate(): unknown;
  Delete(): unknown;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based index or name. Throws when there is no such sheet. */
  Item(index: number | string): WpsWorksheet;
  /** Adds a worksheet before or after a sheet (default: before the active one) and activates it. */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet, Count?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Sheets: WpsSheets;
  /** True when the structure is protected: no sheet may be added, deleted or renamed. */
  readonly ProtectStructure?: boolean;
  /** True for a workbook on the 1904 date system (serial numbers count from 1904-01-01). */
  readonly Date1904?: boolean;
}

export interface WpsWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow?: number;
  ScrollColumn?: number;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition?: number;
  Navigate?(url: string): void;
}

/** The root object WPS injects as `window.Application` (also `window.wps`) into every add-in page. */
export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveWindow?: WpsWindow | null;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  /** e.g. `11.1.0.11720` (WPS's build number). */
  readonly Build?: string;
  readonly Version?: string;
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: number): WpsTaskPane;
  readonly PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}
