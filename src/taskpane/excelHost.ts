/**
 * The PaneHost inside Excel: the Office.js port for reading, writing and selecting, and
 * runAssessmentInExcel for "计算排名" (the same path as the ribbon command).
 */
import { assess, sheetsToRead } from '../core';
import type { Lang } from '../core/types';
import { officeErrorMsg, runAssessmentInExcel } from '../io/office';
import type { InteractivePort } from '../io/port';
import type { PaneHost } from './host';
import { templatePlan } from './templatePlan';

export interface ExcelHostOptions {
  port: InteractivePort;
  lang: Lang;
  /** Clock for 考核说明 and deadlines (tests pass a fixed one). */
  now?: () => Date;
}

/**
 * A host over an InteractivePort. Each method is one user action: one read (and at most
 * one write). Office failures reject with OfficeFailure; `describeError` words them.
 * @example const host = createExcelHost({ port: createOfficePort(), lang: 'zh' }); await host.listSheets();
 */
export function createExcelHost(options: ExcelHostOptions): PaneHost {
  const { port, lang } = options;
  const now = options.now ?? (() => new Date());
  const sheetNames = async () => (await port.read(() => [])).sheetNames;
  return {
    mode: 'excel',
    lang,
    listSheets: sheetNames,
    // The 上年结果表 is read in the same port.read as the role sheets; errors in it are input errors.
    check: async (roles, previousSheet) => {
      const snapshot = await port.read((names) => sheetsToRead(names, roles, previousSheet));
      return assess(snapshot, { lang, now: now(), roles, previousSheet });
    },
    compute: async (roles, previousSheet) => ({
      outcome: await runAssessmentInExcel(port, { lang, now: now(), roles, previousSheet }),
      download: null,
    }),
    insertTemplate: async (demo) => {
      const planned = templatePlan(await sheetNames(), demo);
      if (planned.added.length > 0) {
        await port.apply(planned.plan);
        await port.activate(planned.added[0]);
      }
      return { added: planned.added, skipped: planned.skipped, download: null };
    },
    select: (sheet, cell) => port.select(sheet, cell),
    openSheet: (name) => port.activate(name),
    describeError: officeErrorMsg,
  };
}
