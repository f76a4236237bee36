/**
 * The WPS 表格 adapter: Kaohe's workbook port over the synchronous ET object model that WPS
 * injects into every add-in page as `window.Application`. The methods return promises only
 * to fit the port; every WPS call inside them is synchronous.
 *
 * Host quirks stay here (and in wpsRead/wpsWrite): 1-based `.Item()`, `Value2` scalars for
 * one cell, null for mixed answers, BGR colours, widths in characters, prompts that need
 * DisplayAlerts off, very hidden sheets that cannot be deleted.
 */
import type { InteractivePort } from './port';
import { withWpsErrors } from './wpsErrors';
import { activeWorkbook, DEFAULT_WPS_READ_LIMITS, readWorkbookWps, type WpsReadLimits } from './wpsRead';
import type { WpsApplication } from './wpsTypes';
import { applyPlanWps } from './wpsWrite';

export { WpsFailure, wpsErrorMsg } from './wpsErrors';

export interface WpsPortOptions {
  limits?: Partial<WpsReadLimits>;
  /** Most cells per `Value2` write (default 50,000). */
  bandCells?: number;
}

/**
 * The port for the workbook active in WPS 表格. Every method rejects with a WpsFailure (an
 * OfficeFailure, worded by officeErrorMsg) when WPS refuses.
 * @example const port = createWpsPort(window.Application); await port.activate('考核结果');
 */
export function createWpsPort(app: WpsApplication, options: WpsPortOptions = {}): InteractivePort {
  const limits = { ...DEFAULT_WPS_READ_LIMITS, ...(options.limits ?? {}) };
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(withWpsErrors(work));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    read: (pick) => run(() => readWorkbookWps(app, pick, limits)),
    apply: (plan) => run(() => applyPlanWps(app, plan, { bandCells: options.bandCells })),
    select: (sheet, cell) =>
      run(() => {
        const worksheet = activeWorkbook(app).Sheets.Item(sheet);
        worksheet.Activate();
        worksheet.Range(cell || 'A1').Select();
      }),
    activate: (sheet) =>
      run(() => {
        activeWorkbook(app).Sheets.Item(sheet).Activate();
      }),
  };
}

/**
 * The WPS 表格 Application of a page, or null outside WPS 表格 (a browser, Excel, WPS 文字).
 * WPS puts the root object on `window.Application` (older builds also on `window.wps`);
 * only the spreadsheet's root has `ActiveWorkbook` (null while no workbook is open).
 * Never throws.
 * @example wpsApplicationOf(window) // => null in a browser
 */
export function wpsApplicationOf(scope: unknown): WpsApplication | null {
  try {
    const holder = scope as { Application?: unknown; wps?: { Application?: unknown; EtApplication?: () => unknown } } | null;
    const candidates = [holder?.Application, holder?.wps?.Application, holder?.wps];
    for (const candidate of candidates) {
      if (candidate && typeof candidate === 'object' && (candidate as { ActiveWorkbook?: unknown }).ActiveWorkbook !== undefined) {
        return candidate as WpsApplication;
      }
    }
  } catch {
    // A host object that throws on access is not one we can use.
  }
  return null;
}
