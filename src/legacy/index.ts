/**
 * Entry of the legacy bundle (legacy.[hash].js), loaded by detect.js instead of the React
 * pane when the page runs in IE11 (Trident) or EdgeHTML. Compiled to ES5 with core-js
 * polyfills for what it uses (webpack.config.js, layer "legacy").
 *
 * In Excel: shows "正在连接 Excel…" until Office.onReady answers (however late), then the
 * legacy pane over the Office.js port. Outside Office there is no legacy file mode: the page
 * says so. Also exposes `KaoheLegacy.assessJson` (the core alone, for the ES5-engine test).
 */
import './polyfills';
import './zodConfig';
import { assess, t } from '../core';
import type { Lang, WorkbookSnapshot } from '../core/types';
import { createOfficePort, officeErrorMsg } from '../io/office';
import { insideOfficeHost, pageSignals, watchEnvironment, type OfficeLike } from '../taskpane/environment';
import { mountLegacyPane } from './pane';
import { startInWps } from '../wps/legacyPane';

/**
 * The assessment of a snapshot as the CLI's `--json` document (a JSON string). Dates in the
 * snapshot travel as `{ "$date": <ms since 1970> }`.
 * @example KaoheLegacy.assessJson('{"sheetNames":[],"sheets":{}}', 'zh', 1546653600000) // => '{"year":null,…}'
 */
export function assessJson(snapshotJson: string, lang: Lang, nowMs: number): string {
  const snapshot = JSON.parse(snapshotJson, (_key, value: unknown) =>
    value && typeof value === 'object' && typeof (value as { $date?: unknown }).$date === 'number' ? new Date((value as { $date: number }).$date) : value,
  ) as WorkbookSnapshot;
  return JSON.stringify(assess(snapshot, { lang, now: new Date(nowMs) }).json);
}

/** The legacy pane's look: system fonts, one column, large click targets (IE11-safe CSS only). */
const STYLE = [
  '.kaohe-legacy{font-family:"Microsoft YaHei","Segoe UI",sans-serif;font-size:14px;color:#242424;padding:12px;max-width:640px}',
  '.kl-title{font-size:18px;margin:0 0 8px}.kl-note,.kl-hint{color:#616161;font-size:12px}',
  '.kl-roles{border:1px solid #d1d1d1;padding:8px;margin:0 0 12px}.kl-role{display:block;margin:6px 0}',
  '.kl-role span{display:inline-block;width:12em}.kl-role select{min-width:12em;max-width:100%}',
  '.kl-button{padding:6px 16px;margin-right:8px;border:1px solid #8a8a8a;background:#fff;cursor:pointer}',
  '.kl-primary{background:#0f6cbd;color:#fff;border-color:#0f6cbd}.kl-button[disabled]{opacity:.5}',
  '.kl-error{color:#b10e1c}.kl-issue{margin:4px 0}.kl-issue-error strong{color:#b10e1c}.kl-link{color:#0f6cbd}',
].join('');

function addStyle(): void {
  try {
    const style = document.createElement('style');
    style.setAttribute('type', 'text/css');
    style.appendChild(document.createTextNode(STYLE));
    (document.head || document.getElementsByTagName('head')[0]).appendChild(style);
  } catch {
    // Unstyled is still usable.
  }
}

function showText(root: HTMLElement, text: string): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  const p = document.createElement('p');
  p.className = 'kl-status';
  p.setAttribute('role', 'status');
  p.appendChild(document.createTextNode(text));
  root.appendChild(p);
}

/** Starts the legacy pane in `root` (the page's #root). */
export function start(root: HTMLElement): void {
  addStyle();
  if (startInWps(root)) return;
  const office = typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
  watchEnvironment({ office, browserLanguage: navigator.language || (navigator as { userLanguage?: string }).userLanguage, insideOffice: insideOfficeHost(pageSignals()) }, (state) => {
    document.documentElement.setAttribute('lang', state.lang === 'zh' ? 'zh-CN' : 'en');
    if (state.mode === 'connecting') showText(root, t({ code: state.slow ? 'ui.connectingSlow' : 'ui.connecting' }, state.lang));
    else if (state.mode === 'file') showText(root, t({ code: 'ui.legacy.noFileMode' }, state.lang));
    else void mountLegacyPane(root, { port: createOfficePort(), lang: state.lang, describeError: officeErrorMsg }).refresh();
  });
}

const scope = (typeof window !== 'undefined' ? window : {}) as { KaoheLegacy?: unknown };
scope.KaoheLegacy = { assessJson, start };

if (typeof document !== 'undefined') {
  const root = document.getElementById('root');
  if (root) start(root);
}
