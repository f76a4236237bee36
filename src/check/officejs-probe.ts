/**
 * Tries to load Office.js into the page with a `<script>` tag and reports whether it came,
 * within a time limit. Browser only (DOM).
 */
import type { Msg } from '../core/types';

export type ProbeResult = { loaded: true } | { loaded: false; reason: Msg };

/**
 * Appends `<script src=url>` to `doc.head` and resolves when it loads (and defines
 * `Office`), fails, or `timeoutMs` passes. Never rejects. Cost: one script download.
 * @example await probeOfficeJs(document, 'office-js/office.js', 10000) // => { loaded: true }
 */
export function probeOfficeJs(doc: Document, url: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ loaded: false, reason: { code: 'check.officejs.reasonTimeout', params: { seconds: Math.round(timeoutMs / 1000) } } }),
      timeoutMs,
    );
    const script = doc.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => {
      const defined = typeof (doc.defaultView as (Window & { Office?: unknown }) | null)?.Office !== 'undefined';
      finish(defined ? { loaded: true } : { loaded: false, reason: { code: 'check.officejs.reasonNoGlobal' } });
    });
    script.addEventListener('error', () => finish({ loaded: false, reason: { code: 'check.officejs.reasonError' } }));
    doc.head.appendChild(script);
  });
}
