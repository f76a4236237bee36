/**
 * Office-mode harness: runs before the pane's bundle on harness.html and installs an
 * in-memory Excel (test/io/simulator) holding the demo ledger as the Excel, Office and
 * OfficeExtension globals. The test reads the simulated workbook through
 * `window.kaoheHarness`.
 */
import { ExcelSimulator, EXCEL_365, type SimValue } from '../../io/simulator/excel-simulator';
import { demoLedger, loadSheets } from '../../io/simulator/workbooks';

/** What the browser test can ask the simulated workbook. */
export interface HarnessApi {
  sheetNames(): string[];
  valuesOf(sheet: string): SimValue[][];
  activeSheet(): string;
  selection(): { sheet: string; address: string } | null;
  syncs(): number;
}

const simulator = new ExcelSimulator({ requirements: EXCEL_365, displayLanguage: 'zh-CN' });
loadSheets(simulator, demoLedger());
simulator.install();

const api: HarnessApi = {
  sheetNames: () => simulator.sheetNames(),
  valuesOf: (sheet) => simulator.valuesOf(sheet),
  activeSheet: () => simulator.activeSheet,
  selection: () => simulator.selection,
  syncs: () => simulator.stats().syncs,
};
(window as unknown as { kaoheHarness: HarnessApi }).kaoheHarness = api;
