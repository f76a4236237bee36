/**
 * The ribbon callbacks of the WPS add-in (ribbon.xml names them as `ribbon.*`), built as
 * plain ES5 (`ribbon.js`) so the 考核 tab answers in every WPS browser engine.
 *
 *   计算排名       → window.kaoheWps.computeRanking() (the modern bundle, src/wps/main.ts):
 *                    a message box with the result, or — when the input has errors — the
 *                    message box and then the pane, to go through the error list;
 *   打开考核面板   → the task pane (Application.CreateTaskPane), created once and shown again.
 *
 * Which pane: taskpane.html, whose first script (src/legacy/detect.js) picks the modern
 * (React) or the legacy (ES5) pane for the engine. The ribbon adds what only it knows: when
 * the modern bundle did not run in this very engine (it did not define window.kaoheWps: it
 * failed to parse or to run), it asks for the legacy pane (`?kaohe-engine=legacy`), even
 * where detect.js's own test would pass (an engine with Promise and Symbol but without
 * newer syntax).
 *
 * No imports from the rest of Kaohe: this file must run in any engine, so it stays tiny
 * (the two sentences below are the only words outside the catalog, pinned to it by a test).
 */

/** What the modern bundle offers the ribbon (src/wps/main.ts). */
export interface KaoheWpsApi {
  /** Runs the assessment on the active workbook; resolves with what to tell the user. */
  computeRanking(): { then(done: (report: CommandReport) => void, failed?: (error: unknown) => void): unknown };
  /** The message box text for a failure nobody anticipated. */
  describe(error: unknown): string;
  lang: 'zh' | 'en';
}

export interface CommandReport {
  title: string;
  lines: string[];
  /** True when the input has errors: open the pane on the error list after the message. */
  openPane: boolean;
}

interface TaskPane {
  ID: number;
  Visible: boolean;
  DockPosition?: number;
}

interface RibbonHost {
  Application?: {
    Build?: string;
    CreateTaskPane?(url: string, title?: string): TaskPane;
    GetTaskPane?(id: number): TaskPane | null;
    PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  };
  kaoheWps?: KaoheWpsApi;
  alert(text: string): void;
  location: { href: string };
  navigator?: { language?: string };
  ribbon?: unknown;
}

export const MODERN_PANE = 'taskpane.html';
export const PANE_ID_KEY = 'kaohe_taskpane_id';
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;

/** The query that makes detect.js pick the legacy pane. */
export const LEGACY_QUERY = '?kaohe-engine=legacy';

/** When the pane cannot be opened (the catalog's `wps.pane.failed`, for engines that cannot load the catalog). */
export const PANE_FAILED = { zh: '无法打开考核面板：{detail}', en: 'The assessment pane could not be opened: {detail}' };

/** The folder the entry page was loaded from (ends in `/`). */
export function folderOf(href: string): string {
  const clean = href.split('#')[0].split('?')[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1);
}

/**
 * The pane page to open: the modern pane when the modern bundle ran here, else the legacy one.
 * @example paneUrl('https://x/kaohe/index.html', true) // => 'https://x/kaohe/taskpane.html'
 * @example paneUrl('https://x/kaohe/index.html', false) // => 'https://x/kaohe/taskpane.html?kaohe-engine=legacy'
 */
export function paneUrl(entryHref: string, modernRan: boolean): string {
  return folderOf(entryHref) + MODERN_PANE + (modernRan ? '' : LEGACY_QUERY);
}

/** Shows the task pane, creating it the first time. Never throws (a failure becomes a message box). */
export function openPane(host: RibbonHost): void {
  const url = paneUrl(host.location.href, !!host.kaoheWps);
  const app = host.Application;
  try {
    if (!app || !app.CreateTaskPane) throw new Error('Application.CreateTaskPane');
    const storage = app.PluginStorage;
    const known = storage ? Number(storage.getItem(PANE_ID_KEY)) : NaN;
    let pane: TaskPane | null = null;
    if (known > 0 && app.GetTaskPane) {
      try {
        pane = app.GetTaskPane(known);
      } catch {
        pane = null;
      }
    }
    if (!pane) {
      pane = app.CreateTaskPane(url, '考核');
      pane.DockPosition = DOCK_RIGHT;
      if (storage) storage.setItem(PANE_ID_KEY, pane.ID);
    }
    pane.Visible = true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const english = host.kaoheWps ? host.kaoheWps.lang === 'en' : !!host.navigator && /^en\b/i.test(host.navigator.language || '');
    host.alert((english ? PANE_FAILED.en : PANE_FAILED.zh).replace('{detail}', detail));
  }
}

/** 计算排名: computes with the modern bundle, or falls back to the pane. Never throws. */
export function computeRanking(host: RibbonHost): void {
  const api = host.kaoheWps;
  if (!api) {
    openPane(host);
    return;
  }
  try {
    api.computeRanking().then(
      (report) => {
        host.alert(report.title + '\n\n' + report.lines.join('\n'));
        if (report.openPane) openPane(host);
      },
      (error) => host.alert(api.describe(error)),
    );
  } catch (error) {
    host.alert(api.describe(error));
  }
}

/** The object ribbon.xml's callbacks are looked up on (`ribbon.OnAction` …). */
export function ribbonCallbacks(host: RibbonHost) {
  return {
    OnAddinLoad: function (_ribbonUI: unknown): boolean {
      return true;
    },
    OnAction: function (control: { Id: string }): void {
      if (control && control.Id === 'kaoheCompute') computeRanking(host);
      else if (control && control.Id === 'kaoheOpenPane') openPane(host);
    },
    GetImage: function (control: { Id: string }): string {
      return control && control.Id === 'kaoheOpenPane' ? 'assets/icon-80.png' : 'assets/icon-64.png';
    },
    OnGetEnabled: function (_control: unknown): boolean {
      return true;
    },
  };
}

declare const window: RibbonHost | undefined;
if (typeof window !== 'undefined') window.ribbon = ribbonCallbacks(window);
