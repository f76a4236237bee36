/**
 * Carries out a WritePlan through the WPS 表格 object model, with the same staging and swap
 * as in Excel, so a failure half-way never leaves the user with old results gone and new
 * ones missing:
 *
 *   0. leftovers of an interrupted run (sheets named `Kaohe~…`) are deleted;
 *   1. every result sheet is added and written under a temporary name (`Kaohe~1`, …);
 *      any failure here deletes the staged sheets again: the workbook is as it was;
 *   2. Kaohe's old sheets (plan.remove) are deleted — with DisplayAlerts off, since WPS
 *      asks before deleting a sheet; a very hidden sheet is made merely hidden first;
 *   3. the staged sheets are renamed to their final names;
 *   4. the registry sheet is rewritten in place (cleared, written, very hidden again), or
 *      added when there is none;
 *   5. the first result sheet is activated.
 *
 * ScreenUpdating and DisplayAlerts are turned off for the whole write and restored on
 * every path (finally).
 *
 * Writing one sheet: number formats first (`@` on every text cell, so `=…`, `001`, `+1`
 * stay text), then values in row bands of `Value2`, then fills (Interior.Color is BGR:
 * 0xBBGGRR), bold, wrap, alignment, borders, merges, widths (characters, as the plan
 * has them), row heights, frozen panes (on the active window), notes (AddComment),
 * page setup (A4, landscape, one page wide, title rows; skipped when the printer
 * driver refuses).
 *
 * The staging steps are written against `StagingBook` (list, add under a name, delete,
 * rename) so that they can move onto the host-neutral `src/io/staging.ts` as one change.
 */
import { a1, columnLetter } from '../core/a1';
import { REGISTRY_SHEET } from '../core/defaults';
import type { OutCell, OutputSheet, WritePlan } from '../core/types';
import { blockAddress, excelValue, formatBlocks, numberFormatFor, tableBlocks } from './officeWrite';
import { activeWorkbook, sheetNamesOf } from './wpsRead';
import { WpsFailure } from './wpsErrors';
import {
  XL_CONTINUOUS,
  XL_HALIGN_CENTER,
  XL_HALIGN_LEFT,
  XL_HALIGN_RIGHT,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  type WpsApplication,
  type WpsWorkbook,
  type WpsWorksheet,
} from './wpsTypes';

/** Prefix of the temporary names result sheets are written under (never a Kaohe or user sheet name). */
export const STAGING_PREFIX = 'Kaohe~';

export interface WpsWriteOptions {
  /** Most cells per `Value2` write (default 50,000). */
  bandCells?: number;
}

/**
 * ARGB `FFC6EFCE` → the BGR integer `Interior.Color` takes (0xCEEFC6).
 * @example bgrColour('FFFF0000') // => 255 (red)
 */
export function bgrColour(argb: string): number {
  const hex = argb.replace(/^#/, '');
  const rgb = hex.length === 8 ? hex.slice(2) : hex;
  const r = Number.parseInt(rgb.slice(0, 2), 16);
  const g = Number.parseInt(rgb.slice(2, 4), 16);
  const b = Number.parseInt(rgb.slice(4, 6), 16);
  return (b << 16) | (g << 8) | r;
}

const ALIGN: Record<NonNullable<OutCell['align']>, number> = { left: XL_HALIGN_LEFT, center: XL_HALIGN_CENTER, right: XL_HALIGN_RIGHT };

/** Consecutive positions of equal non-null value: one WPS call each. */
export function runsOf(values: (number | null | undefined)[]): { from: number; to: number; value: number }[] {
  const runs: { from: number; to: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined || value <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last.value === value && last.to === index - 1) last.to = index;
    else runs.push({ from: index, to: index, value });
  });
  return runs;
}

/** The four operations staging needs from a host (names are exact; sheets are added at the end). */
export interface StagingBook {
  names(): string[];
  add(name: string): WpsWorksheet;
  remove(name: string): void;
  rename(from: string, to: string): void;
}

function stagingBook(book: WpsWorkbook): StagingBook {
  return {
    names: () => sheetNamesOf(book),
    add: (name) => {
      // At the end, but before the (very hidden) registry, so re-runs keep the tab order.
      const sheets = book.Sheets;
      let after = sheets.Count;
      if (after > 1 && sheets.Item(after).Name === REGISTRY_SHEET) after--;
      const added = sheets.Add(undefined, sheets.Item(after));
      added.Name = name;
      return added;
    },
    remove: (name) => {
      const sheet = book.Sheets.Item(name);
      // WPS (like Excel) refuses to delete a very hidden sheet: make it merely hidden first.
      if (sheet.Visible === XL_SHEET_VERY_HIDDEN) sheet.Visible = XL_SHEET_HIDDEN;
      sheet.Delete();
    },
    rename: (from, to) => {
      book.Sheets.Item(from).Name = to;
    },
  };
}

/**
 * Applies a write plan to the active workbook. Synchronous. Throws WpsFailure when the
 * workbook structure is protected or there is no workbook; WPS exceptions pass through
 * (the port wraps them). ScreenUpdating and DisplayAlerts are restored on every path.
 */
export function applyPlanWps(app: WpsApplication, plan: WritePlan, options: WpsWriteOptions = {}): void {
  const book = activeWorkbook(app);
  if (book.ProtectStructure) throw new WpsFailure({ code: 'wps.protected' }, 'ProtectStructure', null);
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    stageAndSwap(app, book, stagingBook(book), plan, options.bandCells ?? 50_000);
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}

function stageAndSwap(app: WpsApplication, book: WpsWorkbook, staging: StagingBook, plan: WritePlan, bandCells: number): void {
  for (const name of staging.names()) if (name.startsWith(STAGING_PREFIX)) staging.remove(name);

  const results = plan.add.filter((sheet) => sheet.name !== REGISTRY_SHEET);
  const registry = plan.add.find((sheet) => sheet.name === REGISTRY_SHEET);
  const staged: { temp: string; sheet: OutputSheet; worksheet: WpsWorksheet }[] = [];
  try {
    results.forEach((sheet, index) => {
      const temp = `${STAGING_PREFIX}${index + 1}`;
      const worksheet = staging.add(temp);
      staged.push({ temp, sheet, worksheet });
      writeSheet(app, worksheet, sheet, bandCells);
    });
  } catch (error) {
    for (const { temp } of staged.reverse()) {
      try {
        staging.remove(temp);
      } catch {
        // Left for the next run's clean-up (step 0).
      }
    }
    throw error;
  }

  for (const name of plan.remove) if (name !== REGISTRY_SHEET) staging.remove(name);
  for (const { temp, sheet } of staged) staging.rename(temp, sheet.name);

  if (registry) {
    if (staging.names().includes(REGISTRY_SHEET)) {
      const sheet = book.Sheets.Item(REGISTRY_SHEET);
      sheet.UsedRange.Clear();
      writeSheet(app, sheet, registry, bandCells);
    } else {
      writeSheet(app, staging.add(REGISTRY_SHEET), registry, bandCells);
    }
  }
  const first = staged.find(({ sheet }) => !sheet.hidden);
  if (first) first.worksheet.Activate();
}

function widthOf(sheet: OutputSheet): number {
  let width = 1;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/** Writes one laid-out sheet into a worksheet (see the module comment for the order). */
export function writeSheet(app: WpsApplication, worksheet: WpsWorksheet, sheet: OutputSheet, bandCells = 50_000): void {
  const range = (address: string) => worksheet.Range(address);
  for (const block of formatBlocks(sheet.rows, (cell) => {
    const format = numberFormatFor(cell);
    return format === 'General' ? undefined : format;
  })) {
    range(blockAddress(block)).NumberFormat = block.value;
  }

  const width = widthOf(sheet);
  const rowsPerBand = Math.max(1, Math.floor(bandCells / width));
  for (let start = 0; start < sheet.rows.length; start += rowsPerBand) {
    const band = sheet.rows.slice(start, start + rowsPerBand);
    const values = band.map((row) => Array.from({ length: width }, (_, c) => excelValue(row[c])));
    range(`A${start + 1}:${columnLetter(width - 1)}${start + band.length}`).Value2 = values;
  }

  for (const block of formatBlocks(sheet.rows, (cell) => cell.fill)) range(blockAddress(block)).Interior.Color = bgrColour(block.value);
  const headerRows = new Set(sheet.headerRows.map((row1) => row1 - 1));
  const boldRows = sheet.rows.map((row, r) => (headerRows.has(r) ? row.map((cell) => ({ ...cell, bold: true })) : row));
  for (const block of formatBlocks(boldRows, (cell) => cell.bold)) range(blockAddress(block)).Font.Bold = true;
  for (const block of formatBlocks(sheet.rows, (cell) => cell.wrap)) range(blockAddress(block)).WrapText = true;
  for (const block of formatBlocks(sheet.rows, (cell) => cell.align)) range(blockAddress(block)).HorizontalAlignment = ALIGN[block.value];
  for (const table of tableBlocks(sheet)) range(blockAddress(table)).Borders.LineStyle = XL_CONTINUOUS;
  for (const merge of sheet.merges) range(merge).Merge();
  for (const run of runsOf(sheet.widths)) range(`${columnLetter(run.from)}1:${columnLetter(run.to)}1`).ColumnWidth = run.value;
  for (const run of runsOf(sheet.heights ?? [])) range(`A${run.from + 1}:A${run.to + 1}`).RowHeight = run.value;

  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      const note = row[c]?.note;
      if (note) range(a1(r, c)).AddComment(note);
    }
  }

  if (sheet.hidden) {
    worksheet.Visible = XL_SHEET_VERY_HIDDEN;
    return;
  }
  if (sheet.freezeRows > 0 || sheet.freezeCols > 0) {
    // Frozen panes belong to the window: the sheet must be the active one.
    worksheet.Activate();
    const window = app.ActiveWindow;
    if (window) {
      window.FreezePanes = false;
      window.SplitColumn = sheet.freezeCols;
      window.SplitRow = sheet.freezeRows;
      window.FreezePanes = true;
    }
  }
  try {
    const setup = worksheet.PageSetup;
    setup.Orientation = sheet.print.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
    setup.PaperSize = XL_PAPER_A4;
    if (sheet.print.fitToWidth) {
      setup.Zoom = false;
      setup.FitToPagesWide = 1;
      setup.FitToPagesTall = false;
    }
    if (sheet.print.repeatRows) setup.PrintTitleRows = `$${sheet.print.repeatRows.replace(':', ':$')}`;
  } catch {
    // Page setup talks to the printer driver and may fail without one; the results stand without it.
  }
}
