/**
 * The PaneHost of the browser file mode: the user opens an .xlsx, Kaohe reads it with
 * ExcelJS in the page, and the result workbook is offered as a download. ExcelJS is loaded
 * only when a file is opened (its own webpack chunk). Nothing leaves the computer.
 */
import { assess, sheetsToRead } from '../core';
import { planWrite } from '../core/report';
import type { Lang } from '../core/types';
import type { ExcelJsWorkbook } from '../io/exceljs';
import { offerDownload, resultFileName } from './download';
import { unexpectedErrorMsg, type Download, type PaneHost } from './host';
import { templatePlan } from './templatePlan';

/** The part of the ExcelJS adapter the file host uses (loaded lazily). */
export interface ExcelJsModule {
  openWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook>;
  newWorkbook(): ExcelJsWorkbook;
}

export interface FileHostOptions {
  lang: Lang;
  now?: () => Date;
  /** Loads the ExcelJS adapter; default: a lazy import into the `exceljs` chunk. */
  loadExcelJs?: () => Promise<ExcelJsModule>;
  /** Offers bytes for download; default: a Blob URL and an <a download> click. */
  save?: (bytes: Uint8Array, fileName: string) => Download;
  /** Releases a previous download link; default URL.revokeObjectURL. */
  release?: (url: string) => void;
}

const loadAdapter = (): Promise<ExcelJsModule> => import(/* webpackChunkName: "exceljs" */ '../io/exceljs');

/** Thrown (and worded by describeError) when an action needs a file and none is open. */
export class NoFileOpen extends Error {
  constructor() {
    super('no workbook is open');
    this.name = 'NoFileOpen';
  }
}

/** The template file names offered in file mode. */
export const TEMPLATE_FILE = { blank: '考核模板.xlsx', demo: '考核模板-示例数据.xlsx' } as const;

/**
 * A host that holds the workbook the user opened. Cost of compute: one ExcelJS read of
 * the role sheets, the assessment, one write to bytes.
 * @example const host = createFileHost({ lang: 'zh' }); await host.openFile!('镇.xlsx', bytes);
 */
export function createFileHost(options: FileHostOptions): PaneHost {
  const { lang } = options;
  const now = options.now ?? (() => new Date());
  const load = options.loadExcelJs ?? loadAdapter;
  const save = options.save ?? ((bytes: Uint8Array, fileName: string) => offerDownload(bytes, fileName));
  const release = options.release ?? ((url: string) => URL.revokeObjectURL(url));

  let book: ExcelJsWorkbook | null = null;
  let fileName = '';
  let lastUrl: string | null = null;

  const opened = (): ExcelJsWorkbook => {
    if (!book) throw new NoFileOpen();
    return book;
  };
  const download = (bytes: Uint8Array, name: string): Download => {
    if (lastUrl) release(lastUrl);
    const link = save(bytes, name);
    lastUrl = link.url;
    return link;
  };

  return {
    mode: 'file',
    lang,
    openFile: async (name, bytes) => {
      if (!/\.xlsx$/i.test(name)) return { ok: false, msg: { code: 'ui.file.wrongType', params: { name } } };
      const adapter = await load();
      try {
        book = await adapter.openWorkbook(bytes);
      } catch {
        return { ok: false, msg: { code: 'ui.file.notXlsx', params: { name } } };
      }
      fileName = name;
      return { ok: true, fileName: name };
    },
    listSheets: async () => (book ? (await book.read(() => [])).sheetNames : []),
    check: async (roles) => {
      const snapshot = await opened().read((names) => sheetsToRead(names, roles));
      return assess(snapshot, { lang, now: now(), roles });
    },
    compute: async (roles) => {
      const input = opened();
      const snapshot = await input.read((names) => sheetsToRead(names, roles));
      const outcome = assess(snapshot, { lang, now: now(), roles });
      if (!outcome.ok || !outcome.plan) return { outcome, download: null, uncarried: [] };
      let target = input;
      let plan = outcome.plan;
      if (input.uncarriable.length > 0) {
        // The writer would drop these parts of the user's file: the results go to a workbook of their own.
        const adapter = await load();
        target = adapter.newWorkbook();
        plan = planWrite({ sheetNames: [], sheets: {} }, outcome.sheets);
      }
      await target.apply(plan);
      const bytes = await target.toBuffer();
      return { outcome: { ...outcome, plan }, download: download(bytes, resultFileName(fileName)), uncarried: input.uncarriable };
    },
    insertTemplate: async (demo) => {
      const adapter = await load();
      const workbook = adapter.newWorkbook();
      const planned = templatePlan([], demo);
      await workbook.apply(planned.plan);
      const link = download(await workbook.toBuffer(), demo ? TEMPLATE_FILE.demo : TEMPLATE_FILE.blank);
      return { added: planned.added, skipped: [], download: link };
    },
    // File mode has no Excel to point at: the pane highlights the issue in its own list.
    select: async () => undefined,
    openSheet: async () => undefined,
    describeError: (error) => (error instanceof NoFileOpen ? { code: 'ui.file.none' } : unexpectedErrorMsg(error)),
  };
}
