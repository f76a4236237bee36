/**
 * The PaneHost of the browser file mode: the user opens an .xlsx (or .xlsm), Kaohe reads
 * it in the page with the package adapter (src/io/xlsx), and the download is the input
 * package with every entry as it was plus Kaohe's parts. The adapter is loaded only when
 * a file is opened (its own webpack chunk, `xlsx`). Nothing leaves the computer.
 */
import { assess, sheetsToRead } from '../core';
import type { Lang, Msg } from '../core/types';
import type { XlsxWorkbook } from '../io/xlsx/index';
import { offerDownload, resultFileName } from './download';
import { unexpectedErrorMsg, type Download, type PaneHost } from './host';
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

  const opened = (): XlsxWorkbook => {
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
      if (!/\.xls[xm]$/i.test(name)) return { ok: false, msg: { code: 'ui.file.wrongType', params: { name } } };
      const adapter = await load();
      try {
        book = await adapter.openWorkbook(bytes);
      } catch (err) {
        // The reader's own words (encrypted, .xls, .ods, damaged…) when it has them.
        const msg = (err as { msg?: unknown }).msg;
        return { ok: false, msg: msg && typeof msg === 'object' && 'code' in msg ? (msg as Msg) : { code: 'ui.file.notXlsx', params: { name } } };
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
    describeError: (error) => (error instanceof NoFileOpen ? { code: 'ui.file.none' } : unexpectedErrorMsg(error)),
  };
}
