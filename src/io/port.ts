/**
 * The one workbook port. Each adapter (Office.js for Excel, ExcelJS for the CLI and the
 * browser file mode) implements it; the core never sees which one it is talking to.
 */
import type { WorkbookSnapshot, WritePlan } from '../core/types';

export interface WorkbookPort {
  /**
   * Reads the names of all sheets, then the used ranges (values and number formats) of
   * the sheets that `pick` selects from those names. Office.js: 2 `context.sync` calls
   * (sheet names, used-range sizes) plus one per chunk of values read.
   */
  read(pick: (sheetNames: string[]) => string[]): Promise<WorkbookSnapshot>;
  /**
   * Carries out a write plan: deletes Kaohe's old sheets, adds the new ones (values first,
   * formats after), in one batch. Never touches a sheet the plan does not name.
   */
  apply(plan: WritePlan): Promise<void>;
}

/** What the task pane needs beyond the port, in Excel (file mode implements it as no-ops or by showing the sheet). */
export interface InteractivePort extends WorkbookPort {
  /** Selects a cell (`考核数据`, `F7`) so the user sees it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Makes a sheet the active one. */
  activate(sheet: string): Promise<void>;
}
