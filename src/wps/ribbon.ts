/**
 * The ribbon callbacks of the WPS add-in (ribbon.xml names them as `ribbon.*`), built as
 * plain ES5 (`ribbon.js`) so the 考核 tab answers in every WPS browser engine.
 *
 *   计算排名       → window.kaoheWps.computeRanking() (the modern bundle, src/wps/main.ts):
 *                    a message box with the result, or — when the input has errors — the
 *                    message box and then the pane, to go through the error list;
 *   打开考核面板   → the task pane (Application.CreateTaskPane), created once and shown again.
 *
 * Which pane: the modern one (taskpane.html, React) when the modern bundle ran in this
 * engine (that it defined window.kaoheWps is the feature test: it parsed and ran), else the
 * legacy ES5 pane when the package has one, else a message that the engine is too old.
 *
 * No imports from the rest of Kaohe: the message catalog's module uses regular-expression
 * syntax that old engines cannot even parse, which would silence every button. The one
 * sentence kept here (OLD_BROWSER) is pinned to the catalog's `wps.pane.oldBrowser` by a test.
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
  /** Set by the package when it ships the legacy ES5 pane (see LEGACY_PANE). */
  kaoheLegacyPane?: string;
  alert(text: string): void;
  location: { href: string };
  navigator?: { language?: string };
  ribbon?: unknown;
}

export const MODERN_PANE = 'taskpane.html';
export const PANE_ID_KEY = 'kaohe_taskpane_id';
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;

/** Shown only when the modern bundle did not run and no legacy pane is packaged. */
export const OLD_BROWSER = {
  zh: '此 WPS 的内置浏览器过旧，无法运行考核面板（WPS {build}）。请升级 WPS，或把台账另存为 .xlsx 后用浏览器文件模式计算。',
  en: 'The browser built into this WPS is too old for the assessment pane (WPS {build}). Update WPS, or save the ledger as .xlsx and use the browser file mode.',
};

/** The folder the entry page was loaded from (ends in `/`). */
export function folderOf(href: string): string {
  const clean = href.split('#')[0].split('?')[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1);
}

/**
 * Which pane page to open, or null when none can run here.
 * @example paneUrl('https://x/kaohe/index.html', true, undefined) // => 'https://x/kaohe/taskpane.html'
 */
export function paneUrl(entryHref: string, modernRan: boolean, legacyPane: string | undefined): string | null {
  if (modernRan) return folderOf(entryHref) + MODERN_PANE;
  if (legacyPane) return folderOf(entryHref) + legacyPane;
  return null;
}

function oldBrowserText(host: RibbonHost): string {
  const language = host.navigator && host.navigator.language ? host.navigator.language : '';
  const text = /^en\b/i.test(language) ? OLD_BROWSER.en : OLD_BROWSER.zh;
  return text.replace('{build}', (host.Application && host.Application.Build) || '?');
}

/** Shows the task pane, creating it the first time. Never throws (a failure becomes a message box). */
export function openPane(host: RibbonHost): void {
  const url = paneUrl(host.location.href, !!host.kaoheWps, host.kaoheLegacyPane);
  if (!url) {
    host.alert(oldBrowserText(host));
    return;
  }
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
    host.alert(host.kaoheWps && host.kaoheWps.lang === 'en' ? 'The assessment pane could not be opened: ' + detail : '无法打开考核面板：' + detail);
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
