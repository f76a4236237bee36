/**
 * The legacy (ES5) pane inside WPS 表格: when taskpane.html runs in a WPS task pane and
 * detect.js picked the legacy bundle, the pane works on the open workbook through the WPS
 * port instead of waiting for Office.js (which WPS does not have).
 */
import { officeErrorMsg } from '../io/officeErrors';
import { createWpsPort, wpsApplicationOf } from '../io/wps';
import { mountLegacyPane } from '../legacy/pane';
import { langFromLocale } from '../taskpane/lang';

/**
 * Mounts the legacy pane over the WPS port when WPS 表格 is the host; false elsewhere.
 * @example if (startInWps(root)) return;
 */
export function startInWps(root: HTMLElement): boolean {
  const app = wpsApplicationOf(typeof window !== 'undefined' ? window : undefined);
  if (!app) return false;
  const language = navigator.language || (navigator as { userLanguage?: string }).userLanguage;
  void mountLegacyPane(root, { port: createWpsPort(app), lang: langFromLocale(language), describeError: officeErrorMsg }).refresh();
  return true;
}
