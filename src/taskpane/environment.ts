/**
 * Where the pane runs: inside Excel (Office.js loaded and the host is Excel) or in a plain
 * browser tab (file mode). Office.js may be missing (offline page, blocked CDN) or never
 * call back outside Office, so the wait is bounded by a timeout.
 */
import type { Lang } from '../core/types';
import { langFromLocale } from './lang';

export interface PaneEnvironment {
  mode: 'excel' | 'file';
  lang: Lang;
}

/** The part of the Office global the bootstrap uses (tests pass a fake). */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<{ host: unknown; platform: unknown }>;
  HostType: { Excel: unknown };
  context?: { displayLanguage?: string };
}

export interface DetectOptions {
  /** The Office global, or undefined when office.js did not load. */
  office: OfficeLike | undefined;
  /** The browser's language, for file mode. */
  browserLanguage: string | undefined;
  /** How long to wait for Office.onReady, ms. Default 3000. */
  timeoutMs?: number;
}

export const OFFICE_READY_TIMEOUT_MS = 3000;

/**
 * Waits for Office.onReady (bounded) and decides the mode and the language: Excel mode
 * speaks Office's display language, file mode the browser's. Never rejects.
 * @example await detectEnvironment({ office: undefined, browserLanguage: 'en-GB' }) // => { mode: 'file', lang: 'en' }
 */
export function detectEnvironment(options: DetectOptions): Promise<PaneEnvironment> {
  const office = options.office;
  const fileMode: PaneEnvironment = { mode: 'file', lang: langFromLocale(options.browserLanguage) };
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(fileMode);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (env: PaneEnvironment) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(env);
    };
    const timer = setTimeout(() => finish(fileMode), options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS);
    try {
      office.onReady((info) => {
        if (info && info.host === office.HostType.Excel) {
          finish({ mode: 'excel', lang: langFromLocale(office.context?.displayLanguage) });
        } else {
          finish(fileMode);
        }
      });
    } catch {
      finish(fileMode);
    }
  });
}

// ───────────────────────── late Office.js (issue 11, Must 5) ─────────────────────────

/** What the pane shows while it decides: connecting to Excel, then Excel or file mode. */
export type PaneState = { mode: 'connecting'; lang: Lang; slow: boolean } | PaneEnvironment;

/** What Office leaves in a page before Office.js answers (tests pass their own). */
export interface HostSignals {
  /** location.search and location.hash: Office adds `_host_Info=Excel$Win32$16.01$…`. */
  search?: string;
  hash?: string;
  /** window.external: Office's COM bridge in IE11/EdgeHTML webviews offers GetContext. */
  external?: unknown;
  /** window.chrome.webview: the WebView2 host bridge. */
  webview?: unknown;
}

/**
 * True when the page runs inside an Office host, told by what Office puts in the URL or the
 * `window.external` bridge, before Office.js answers. Never throws (IE's COM objects may).
 * @example insideOfficeHost({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' }) // => true
 * @example insideOfficeHost({ search: '' }) // => false
 */
export function insideOfficeHost(signals: HostSignals): boolean {
  try {
    if (/(^|[?&#])_host_Info=/i.test(`${signals.search ?? ''}${signals.hash ?? ''}`)) return true;
    const external = signals.external;
    if (external && typeof external === 'object' && 'GetContext' in (external as object)) return true;
    return !!signals.webview;
  } catch {
    return false;
  }
}

/** After this long without an answer, the connecting state says it is still waiting. */
export const SLOW_CONNECT_MS = 15_000;

export interface WatchOptions extends DetectOptions {
  /** insideOfficeHost(…): wait for Office.onReady as long as it takes. */
  insideOffice: boolean;
}

/**
 * Reports the pane's state as it becomes known, possibly several times: inside Office,
 * `connecting` until Office.onReady answers (no timeout; `slow` after SLOW_CONNECT_MS),
 * then `excel`; outside Office, `file` after `timeoutMs` — and `excel` whenever a late
 * Office.onReady answers for Excel, even after file mode was shown. Never throws.
 * @example watchEnvironment({ office, browserLanguage: 'zh-CN', insideOffice: true }, (state) => render(state));
 */
export function watchEnvironment(options: WatchOptions, onState: (state: PaneState) => void): void {
  const office = options.office;
  const fileMode: PaneEnvironment = { mode: 'file', lang: langFromLocale(options.browserLanguage) };
  const connecting = (slow: boolean): PaneState => ({ mode: 'connecting', lang: fileMode.lang, slow });
  let excel = false;
  let decided = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const show = (state: PaneState): void => {
    try {
      onState(state);
    } catch {
      // A failing renderer must not stop a later switch to Excel.
    }
  };
  const toFile = (): void => {
    if (decided || excel) return;
    decided = true;
    show(fileMode);
  };
  if (!office || typeof office.onReady !== 'function') {
    show(options.insideOffice ? connecting(true) : fileMode);
    return;
  }
  if (options.insideOffice) {
    show(connecting(false));
    timers.push(setTimeout(() => !excel && !decided && show(connecting(true)), SLOW_CONNECT_MS));
  } else {
    timers.push(setTimeout(toFile, options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS));
  }
  try {
    office.onReady((info) => {
      if (excel) return;
      if (info && info.host === office.HostType.Excel) {
        excel = true;
        timers.forEach((timer) => clearTimeout(timer));
        show({ mode: 'excel', lang: langFromLocale(office.context?.displayLanguage) });
      } else {
        timers.forEach((timer) => clearTimeout(timer));
        toFile();
      }
    });
  } catch {
    timers.forEach((timer) => clearTimeout(timer));
    toFile();
  }
}

/** The host signals of this page (the browser's globals), read safely. */
export function pageSignals(): HostSignals {
  try {
    const scope = globalThis as { location?: { search?: string; hash?: string }; external?: unknown; chrome?: { webview?: unknown } };
    return { search: scope.location?.search, hash: scope.location?.hash, external: scope.external, webview: scope.chrome?.webview };
  } catch {
    return {};
  }
}
