/**
 * The Office.js adapter: Kaohe's workbook port inside Excel, and the one assessment path
 * (read → assess → write) shared by the task pane button and the ribbon command.
 *
 * Requirement sets (checked at run time with Office.context.requirements.isSetSupported):
 *   ExcelApi 1.1  read, write values/number formats, fills, bold, wrap, borders, select, activate
 *   ExcelApi 1.2  merges, column widths, very-hidden registry sheet
 *   ExcelApi 1.7  frozen header rows
 *   ExcelApi 1.9  page layout (A4 landscape, fit to one page wide, repeated title rows)
 *   ExcelApi 1.10 threaded comments on vetoes (when notes are missing)
 *   ExcelApi 1.18 cell notes on vetoes
 */
import { assess, sheetsToRead, type AssessOutcome } from '../core';
import type { Lang, Roles } from '../core/types';
import { withOfficeErrors } from './officeErrors';
import type { InteractivePort } from './port';
import { DEFAULT_CHUNK_CELLS, readWorkbook } from './officeRead';
import { applyPlan } from './officeWrite';

export { officeErrorMsg, OfficeFailure } from './officeErrors';

export interface OfficePortOptions {
  /** Most cells per read band and per write band (default 35,000: about 3.5 MB a request). */
  chunkCells?: number;
}

/**
 * The port for the workbook open in Excel (uses the global `Excel.run`).
 * Every method throws OfficeFailure, whose message `officeErrorMsg` returns, when Excel refuses.
 * @example const port = createOfficePort(); await port.activate('考核结果');
 */
export function createOfficePort(options: OfficePortOptions = {}): InteractivePort {
  const chunkCells = options.chunkCells ?? DEFAULT_CHUNK_CELLS;
  return {
    read: (pick) => readWorkbook(pick, { chunkCells }),
    apply: (plan) => applyPlan(plan, { chunkCells }),
    select: (sheet, cell) =>
      withOfficeErrors(() =>
        Excel.run(async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(cell || 'A1').select();
          await context.sync();
        }),
      ),
    activate: (sheet) =>
      withOfficeErrors(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem(sheet).activate();
          await context.sync();
        }),
      ),
  };
}

export interface RunAssessmentOptions {
  lang: Lang;
  now: Date;
  roles?: Partial<Roles>;
  /** The pane's 上年结果表 (read, never written; see AssessOptions.previousSheet). */
  previousSheet?: string | null;
}

/**
 * Reads the role sheets, assesses, and writes the result sheets when the input has no
 * errors (nothing is written otherwise). Cost: 3 syncs to read + 3 to write (names, staged
 * sheets, swap) for an ordinary workbook. Input problems come back in the outcome; Office failures throw
 * OfficeFailure.
 * @example const outcome = await runAssessmentInExcel(createOfficePort(), { lang: 'zh', now: new Date() });
 */
export async function runAssessmentInExcel(port: InteractivePort, options: RunAssessmentOptions): Promise<AssessOutcome> {
  const snapshot = await port.read((names) => sheetsToRead(names, options.roles, options.previousSheet));
  const outcome = assess(snapshot, { lang: options.lang, now: options.now, roles: options.roles, previousSheet: options.previousSheet });
  if (outcome.ok && outcome.plan) await port.apply(outcome.plan);
  return outcome;
}
