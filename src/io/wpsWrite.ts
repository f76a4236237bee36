/**
 * Carries out a WritePlan through the WPS 表格 object model as a staged write decided by the
 * host-neutral src/io/staging.ts (the same staging and swap as in Excel), so a failure
 * half-way never leaves the user with old results gone and new ones missing:
 *
 *   stage  delete orphans of interrupted runs (`Kaohe暂存…`), add and write every result
 *          sheet under its staging name, create the registry when there is none;
 *   swap   delete Kaohe's old sheets — with DisplayAlerts off, since WPS asks before deleting
 *          a sheet — rename the staged sheets, rewrite the registry in place (cleared,
 *          written, very hidden again: a very hidden sheet cannot be deleted), activate the
 *          first result sheet.
 *
 * A failure while staging deletes the staged sheets again (`rollBack`) and throws
 * `wps.rolledBack`: the previous results stay. A failure during the swap finishes it
 * (`rollForward`) so the workbook holds the new set; if that fails too, `wps.unfinished`.
 * ScreenUpdating and DisplayAlerts are off for the whole write and restored on every path.
 *
 * Writing one sheet: number formats first (`@` on every text cell, so `=…`, `001`, `+1`
 * stay text), then values in row bands of `Value2`, then fills (Interior.Color is BGR:
 * 0xBBGGRR), bold, wrap, alignment, borders, merges, widths (characters, as the plan
 * has them), row heights, notes (AddComment), frozen panes (on the active window), page
 * setup (A4, landscape, one page wide, title rows; skipped when the printer driver refuses).
 */
import { a1, columnLetter } from '../core/a1';
import { REGISTRY_SHEET } from '../core/defaults';
import { eagerSheet } from '../core/report/rows';
import type { OutCell, OutputSheet, WritePlan } from '../core/types';
import { blockAddress, excelValue, formatBlocks, numberFormatFor, tableBlocks } from './officeWrite';
import { activeWorkbook, sheetNamesOf } from './wpsRead';
import { rollBack, rollForward, stageWrite, type StagedWrite } from './staging';
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

/** Sheet operations on a workbook (new sheets go at the end, before the very hidden registry). */
function sheetOps(book: WpsWorkbook) {
  return {
    names: () => sheetNamesOf(book),
    add: (name: string): WpsWorksheet => {
      const sheets = book.Sheets;
      let after = sheets.Count;
      if (after > 1 && sheets.Item(after).Name === REGISTRY_SHEET) after--;
      const added = sheets.Add(undefined, sheets.Item(after));
      added.Name = name;
      return added;
    },
    remove: (name: string): void => {
      const sheet = book.Sheets.Item(name);
      // WPS (like Excel) refuses to delete a very hidden sheet: make it merely hidden first.
      if (sheet.Visible === XL_SHEET_VERY_HIDDEN) sheet.Visible = XL_SHEET_HIDDEN;
      sheet.Delete();
    },
    rename: (from: string, to: string): void => {
      book.Sheets.Item(from).Name = to;
    },
  };
}

type SheetOps = ReturnType<typeof sheetOps>;

/**
 * Applies a write plan to the active workbook. Synchronous. Throws WpsFailure: the structure
 * is protected, there is no workbook, a final name was just taken by a user's sheet
 * (`ui.office.nameTaken`), or WPS refused (`wps.rolledBack` / `wps.unfinished`).
 * ScreenUpdating and DisplayAlerts are restored on every path.
 */
export function applyPlanWps(app: WpsApplication, plan: WritePlan, options: WpsWriteOptions = {}): void {
  const book = activeWorkbook(app);
  if (book.ProtectStructure) throw new WpsFailure({ code: 'wps.protected' }, 'ProtectStructure', null);
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    stagedWrite(app, book, sheetOps(book), plan, options.bandCells ?? 50_000);
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);

function stagedWrite(app: WpsApplication, book: WpsWorkbook, ops: SheetOps, plan: WritePlan, bandCells: number): void {
  const write = stageWrite({ sheetNames: ops.names(), plan });
  if (write.conflicts.length > 0) throw new WpsFailure({ code: 'ui.office.nameTaken', params: { sheet: write.conflicts[0] } }, 'NameTaken', null);
  try {
    for (const name of write.cleanup) ops.remove(name);
    for (const { staging, sheet } of write.staged) writeSheet(app, ops.add(staging), sheet, bandCells);
    if (write.registry?.create) writeSheet(app, ops.add(REGISTRY_SHEET), write.registry.sheet, bandCells);
  } catch (error) {
    try {
      for (const name of rollBack(ops.names(), write)) ops.remove(name);
    } catch {
      // What is left carries a staging name: the next run deletes it (cleanup).
    }
    throw new WpsFailure({ code: 'wps.rolledBack', params: { reason: reasonOf(error) } }, 'RolledBack', error);
  }
  try {
    swap(book, ops, write.remove, write.staged.map((s) => ({ from: s.staging, to: s.final })), write);
  } catch (error) {
    try {
      const todo = rollForward(ops.names(), write);
      swap(book, ops, todo.remove, todo.rename, write);
    } catch {
      throw new WpsFailure({ code: 'wps.unfinished', params: { reason: reasonOf(error) } }, 'Unfinished', error);
    }
  }
}

/** The swap: old sheets deleted, staged ones renamed, the registry rewritten in place, the first result sheet activated. */
function swap(book: WpsWorkbook, ops: SheetOps, remove: string[], rename: { from: string; to: string }[], write: StagedWrite): void {
  for (const name of remove) ops.remove(name);
  for (const { from, to } of rename) ops.rename(from, to);
  if (write.registry) {
    const registry = book.Sheets.Item(REGISTRY_SHEET);
    registry.UsedRange.Clear();
    const rows = write.registry.rows.map((row) => [excelCell(row[0]), excelCell(row[1])]);
    const range = registry.Range(`A1:B${rows.length}`);
    range.NumberFormat = '@';
    registry.Range('B1').NumberFormat = 'General';
    range.Value2 = rows;
    if (registry.Visible !== XL_SHEET_VERY_HIDDEN) registry.Visible = XL_SHEET_VERY_HIDDEN;
  }
  if (write.activate) book.Sheets.Item(write.activate).Activate();
}

const excelCell = (v: unknown): string | number => (typeof v === 'string' || typeof v === 'number' ? v : '');

function widthOf(sheet: OutputSheet): number {
  let width = 1;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/**
 * Writes one laid-out sheet into a worksheet (see the module comment for the order); a
 * sheet with lazy rows (计算明细) has them built here, for this sheet only.
 */
export function writeSheet(app: WpsApplication, worksheet: WpsWorksheet, laidOut: OutputSheet, bandCells = 50_000): void {
  const sheet = eagerSheet(laidOut);
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
