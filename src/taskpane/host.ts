/**
 * The pane's one dependency: a PaneHost. The Excel host talks to the open workbook through
 * the Office.js port; the file host works on an .xlsx opened in the browser. App and
 * usePane never ask which one they have beyond `mode` (what to show, not how to do it).
 */
import type { AssessOutcome } from '../core';
import type { Issue, Lang, Msg, Roles } from '../core/types';

export type PaneMode = 'excel' | 'file';

/** A file the browser offers to save; `url` is a Blob URL that stays valid until the next run. */
export interface Download {
  fileName: string;
  url: string;
}

/** What "计算排名" did. */
export interface RunReport {
  outcome: AssessOutcome;
  /** File mode: the result workbook offered for download (null when nothing was written). */
  download: Download | null;
}

/** What "插入模板" did. */
export interface TemplateReport {
  /** Sheets added (Excel) or written into the downloaded template (file mode). */
  added: string[];
  /** Sheets left alone because the workbook has a sheet of that name. */
  skipped: string[];
  /** File mode: the template workbook offered for download. */
  download: Download | null;
}

/** Result of opening a file in file mode: errors as data. */
export type OpenResult = { ok: true; fileName: string } | { ok: false; msg: Msg };

/**
 * Last year's result file as the file host read it. `sheet` is the sheet read (null when
 * the file could not be opened or has no result sheet); `issues` are the reader's own
 * messages, their `sheet`/`cell` in that file. Held until removed: while it has errors,
 * check and compute refuse (nothing is written).
 */
export type PreviousFile = { ok: true; fileName: string; sheet: string; units: number } | { ok: false; fileName: string; sheet: string | null; issues: Issue[] };

export interface PaneHost {
  mode: PaneMode;
  lang: Lang;
  /** Names of all sheets, in tab order ([] in file mode before a file is opened). */
  listSheets(): Promise<string[]>;
  /**
   * Reads and checks the data without writing anything. `previousSheet`: the 上年结果表
   * chosen in the Excel pane (null: none); the file host ignores it and uses its
   * `openPrevious` file instead.
   */
  check(roles: Roles, previousSheet?: string | null): Promise<AssessOutcome>;
  /** Reads, checks and, when there are no errors, writes the result sheets (`previousSheet` as for check). */
  compute(roles: Roles, previousSheet?: string | null): Promise<RunReport>;
  /** Adds the input sheets (empty or with demo data), never over an existing sheet. */
  insertTemplate(demo: boolean): Promise<TemplateReport>;
  /** Shows a cell to the user (Excel: selects it; file mode: nothing to do outside the pane). */
  select(sheet: string, cell: string): Promise<void>;
  /** Makes a sheet the active one (Excel); no-op in file mode. */
  openSheet(name: string): Promise<void>;
  /** File mode only: opens a workbook the user chose. */
  openFile?(name: string, bytes: ArrayBuffer): Promise<OpenResult>;
  /** File mode only: reads last year's result file (replacing any held before). */
  openPrevious?(name: string, bytes: ArrayBuffer): Promise<PreviousFile>;
  /** File mode only: forgets last year's result file. */
  clearPrevious?(): void;
  /** Puts any failure thrown by the methods above into words. Never throws. */
  describeError(error: unknown): Msg;
}

/**
 * The message for a failure nobody anticipated (the detail is cut to 200 characters).
 * @example unexpectedErrorMsg(new Error('boom')) // => { code: 'ui.error.unexpected', params: { detail: 'boom' } }
 */
export function unexpectedErrorMsg(error: unknown): Msg {
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'ui.error.unexpected', params: { detail: detail.slice(0, 200) } };
}
