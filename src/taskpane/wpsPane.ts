/**
 * Host detection for the pane inside WPS 表格 (kept apart from environment.ts/host.ts):
 * when the page runs in a WPS task pane, WPS has injected its Application object, and the
 * pane works on the open workbook through the WPS port, exactly as in Excel mode.
 */
import type { Lang } from '../core/types';
import { createWpsPort, wpsApplicationOf } from '../io/wps';
import { createExcelHost } from './excelHost';
import type { PaneHost } from './host';

/**
 * The pane's host in WPS 表格, or null anywhere else (Excel, a browser tab, WPS 文字).
 * @example wpsPaneHost(window, 'zh') ?? hostFor(env)
 */
export function wpsPaneHost(scope: unknown, lang: Lang): PaneHost | null {
  const app = wpsApplicationOf(scope);
  return app ? createExcelHost({ port: createWpsPort(app), lang }) : null;
}
