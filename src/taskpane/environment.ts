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
