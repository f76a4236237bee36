/**
 * The PaneHost of the browser file mode: the user opens an .xlsx (or .xlsm), Kaohe reads
 * it in the page with the package adapter (src/io/xlsx), and the download is the input
 * package with every entry as it was plus Kaohe's parts. The adapter is loaded only when
 * a file is opened (its own webpack chunk, `xlsx`). Nothing leaves the computer.
 *
 * Last year's result (同比, issue 13) is a second file, read as `compute --previous` reads
 * it: 考核结果 when the file has it (only that sheet is read), else the first sheet with
 * 单位, 排名, 总分, 等次.
 */
import { assess, sheetsToRead } from '../core';
import { pickPreviousSheet, previousFromSnapshot, PREVIOUS_SHEET, type PreviousYear } from '../core/analysis';
import type { Issue, Lang, Msg } from '../core/types';
import type { XlsxWorkbook } from '../io/xlsx/index';
import { offerDownload, resultFileName } from './download';
import { unexpectedErrorMsg, type Download, type PaneHost, type PreviousFile } from './host';
import { templatePlan } from './templatePlan';

/** The part of the package adapter the file host uses (loaded lazily). */
export interface XlsxModule {
  openWorkbook(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook>;
  newWorkbook(): XlsxWorkbook;
}

export interface FileHostOptions {
  lang: Lang;
  now?: () => Date;
  /** Loads the package adapter; default: a lazy import into the `xlsx` chunk. */
  loadXlsx?: () => Promise<XlsxModule>;
  /** Offers bytes for download; default: a Blob URL and an <a download> click. */
  save?: (bytes: Uint8Array, fileName: string) => Download;
  /** Releases a previous download link; default URL.revokeObjectURL. */
  release?: (url: string) => void;
}

const loadAdapter = (): Promise<XlsxModule> => import(/* webpackChunkName: "xlsx" */ '../io/xlsx/index');

/** Thrown (and worded by describeError) when an action needs a file and none is open. */
export class NoFileOpen extends Error {
  constructor() {
    super('no workbook is open');
    this.name = 'NoFileOpen';
  }
}

/** Thrown (and worded by describeError) when last year's file has errors: nothing is computed. */
export class PreviousUnusable extends Error {
  constructor(readonly fileName: string) {
    super(`last year's result ${fileName} has errors`);
    this.name = 'PreviousUnusable';
  }
}

/** The reader's message for bytes it cannot open (encrypted, .xls, .ods, damaged…), else a generic one. */
function openFailure(err: unknown, name: string): Msg {
  const msg = (err as { msg?: unknown } | null)?.msg;
  return msg && typeof msg === 'object' && 'code' in msg ? (msg as Msg) : { code: 'ui.file.notXlsx', params: { name } };
}

const fileIssue = (msg: Msg): Issue => ({ ...msg, severity: 'error', sheet: '', cell: '' });

/**
 * Reads last year's result from a file's bytes. Cost: one package open and the read of
 * one sheet (考核结果) or, without it, of every sheet. Never throws.
 * @example (await readPreviousFile(adapter, '2017.xlsx', bytes)).ok // => true
 */
export async function readPreviousFile(adapter: XlsxModule, name: string, bytes: ArrayBuffer): Promise<{ file: PreviousFile; previous: PreviousYear | null }> {
  const failed = (sheet: string | null, issues: Issue[]) => ({ file: { ok: false as const, fileName: name, sheet, issues }, previous: null });
  if (!/\.xls[xm]$/i.test(name)) return failed(null, [fileIssue({ code: 'ui.file.wrongType', params: { name } })]);
  let snapshot;
  try {
    const book = await adapter.openWorkbook(bytes);
    snapshot = await book.read((names) => (names.includes(PREVIOUS_SHEET) ? [PREVIOUS_SHEET] : names));
  } catch (err) {
    return failed(null, [fileIssue(openFailure(err, name))]);
  }
  const { previous, issues } = previousFromSnapshot(snapshot, name);
  if (!previous) return failed(pickPreviousSheet(snapshot.sheets, snapshot.sheetNames), issues);
  return { file: { ok: true, fileName: name, sheet: previous.sheet, units: previous.units.length }, previous };
}

/** The template file names offered in file mode. */
export const TEMPLATE_FILE = { blank: '考核模板.xlsx', demo: '考核模板-示例数据.xlsx' } as const;

/**
 * A host that holds the workbook the user opened. Cost of compute: one read of the role
 * sheets, the assessment, one package write to bytes.
 * @example const host = createFileHost({ lang: 'zh' }); await host.openFile!('镇.xlsx', bytes);
 */
export function createFileHost(options: FileHostOptions): PaneHost {
  const { lang } = options;
  const now = options.now ?? (() => new Date());
  const load = options.loadXlsx ?? loadAdapter;
  const save = options.save ?? ((bytes: Uint8Array, fileName: string) => offerDownload(bytes, fileName));
  const release = options.release ?? ((url: string) => URL.revokeObjectURL(url));

  let book: XlsxWorkbook | null = null;
  let fileName = '';
  let lastUrl: string | null = null;
  /** Last year's result file, if the user chose one (kept when another workbook is opened). */
  let lastYear: { file: PreviousFile; previous: PreviousYear | null } | null = null;

  const opened = (): XlsxWorkbook => {
    if (!book) throw new NoFileOpen();
    return book;
  };
  const previousYear = (): PreviousYear | null => {
    if (lastYear && !lastYear.file.ok) throw new PreviousUnusable(lastYear.file.fileName);
    return lastYear?.previous ?? null;
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
      if (!/\.xls[xm]$/i.test(name)) return { ok: false, msg: { code: 'ui.file.wrongType', params: { name } } };
      const adapter = await load();
      try {
        book = await adapter.openWorkbook(bytes);
      } catch (err) {
        // The reader's own words (encrypted, .xls, .ods, damaged…) when it has them.
        return { ok: false, msg: openFailure(err, name) };
      }
      fileName = name;
      return { ok: true, fileName: name };
    },
    openPrevious: async (name, bytes) => {
      lastYear = await readPreviousFile(await load(), name, bytes);
      return lastYear.file;
    },
    clearPrevious: () => {
      lastYear = null;
    },
    listSheets: async () => (book ? (await book.read(() => [])).sheetNames : []),
    check: async (roles) => {
      const previous = previousYear();
      const snapshot = await opened().read((names) => sheetsToRead(names, roles));
      return assess(snapshot, { lang, now: now(), roles, previous });
    },
    compute: async (roles) => {
      const previous = previousYear();
      const input = opened();
      const snapshot = await input.read((names) => sheetsToRead(names, roles));
      const outcome = assess(snapshot, { lang, now: now(), roles, previous });
      if (!outcome.ok || !outcome.plan) return { outcome, download: null };
      // The plan is relative to the file as opened; applying again replaces the previous plan.
      await input.apply(outcome.plan);
      const bytes = await input.toBuffer();
      return { outcome, download: download(bytes, resultFileName(fileName)) };
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
    describeError: (error) => {
      if (error instanceof NoFileOpen) return { code: 'ui.file.none' };
      if (error instanceof PreviousUnusable) return { code: 'ui.previous.unusable', params: { file: error.fileName } };
      return unexpectedErrorMsg(error);
    },
  };
}
