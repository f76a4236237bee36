/**
 * Workbooks for the adapter tests and the bench: the demo ledger (templateSheets(true)),
 * the same grown to N units, and a huge generated sheet; plus functions that run the
 * adapter on them and return what it cost (syncs, request and response bytes).
 * No jest or Node imports: the bench script and a browser page can use it too.
 */
import { templateSheets } from '../../../src/core';
import type { OutputSheet } from '../../../src/core/types';
import { createOfficePort, runAssessmentInExcel } from '../../../src/io/office';
import { ExcelSimulator, EXCEL_365, type RequirementSets, type SimValue } from './excel-simulator';

/** Puts sheets laid out by the core (values only, as a user's ledger holds them) into a simulator. */
export function loadSheets(sim: ExcelSimulator, sheets: OutputSheet[]): void {
  for (const sheet of sheets) sim.addSheet(sheet.name, sheet.rows.map((row) => row.map((cell) => cell.v as SimValue | null)));
}

/**
 * The demo ledger with `units` units in 考核数据: the 19 demo units, then copies of their rows
 * under new names (`测试0020村`…) so the problem list and assistance units still match.
 */
export function demoLedger(units = 19): OutputSheet[] {
  const sheets = templateSheets(true);
  const data = sheets.find((sheet) => sheet.name === '考核数据');
  if (!data || units <= 19) return sheets;
  const headerAt = data.headerRows[0] - 1;
  const demoRows = data.rows.slice(headerAt + 1).filter((row) => row.some((cell) => cell.v !== null && cell.v !== ''));
  const extra = Array.from({ length: units - demoRows.length }, (_, k) => {
    const source = demoRows[k % demoRows.length];
    const name = `测试${String(k + demoRows.length + 1).padStart(4, '0')}村`;
    return source.map((cell, c) => (c === 0 ? { ...cell, v: name } : c === 1 ? { ...cell, v: '村' } : c === 3 ? { ...cell, v: '否' } : cell));
  });
  return sheets.map((sheet) => (sheet === data ? { ...data, rows: [...data.rows, ...extra] } : sheet));
}

/** A simulator holding a ledger, installed as the Excel/Office globals; call `uninstall` after. */
export function simulatedWorkbook(sheets: OutputSheet[], requirements: RequirementSets = EXCEL_365): { sim: ExcelSimulator; uninstall: () => void } {
  const sim = new ExcelSimulator({ requirements });
  loadSheets(sim, sheets);
  return { sim, uninstall: sim.install() };
}

export interface CostFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/**
 * One click (read → assess → write) on the demo ledger grown to `units` units.
 * @example await measureOneClick(1000) // => { syncs: 4, maxRequestBytes: …, maxResponseBytes: … , ok: true }
 */
export async function measureOneClick(units: number, requirements: RequirementSets = EXCEL_365): Promise<CostFigures & { ok: boolean }> {
  const { sim, uninstall } = simulatedWorkbook(demoLedger(units), requirements);
  try {
    const outcome = await runAssessmentInExcel(createOfficePort(), { lang: 'zh', now: new Date(2019, 0, 5, 10, 0, 0) });
    const { syncs, maxRequestBytes, maxResponseBytes } = sim.stats();
    return { ok: outcome.ok, syncs, maxRequestBytes, maxResponseBytes };
  } finally {
    uninstall();
  }
}

/**
 * Reads a generated sheet of `rows × columns` (a unit name, numbers and a rate per row)
 * through the port and reports the cost.
 * @example await measureChunkedRead(200_000, 8) // => { syncs: 48, maxResponseBytes: … }
 */
export async function measureChunkedRead(rows: number, columns: number, chunkCells?: number): Promise<CostFigures & { cellsRead: number }> {
  const sim = new ExcelSimulator();
  sim.addGeneratedSheet('考核数据', rows, columns, (row, column) =>
    row === 0 ? `列${column + 1}` : column === 0 ? `单位${row}村` : column === 1 ? '95%' : (row * 7 + column) % 101,
  );
  const uninstall = sim.install();
  try {
    const snapshot = await createOfficePort({ chunkCells }).read((names) => names);
    const grid = snapshot.sheets['考核数据'];
    const { syncs, maxRequestBytes, maxResponseBytes } = sim.stats();
    return { syncs, maxRequestBytes, maxResponseBytes, cellsRead: grid.values.length * (grid.values[0]?.length ?? 0) };
  } finally {
    uninstall();
  }
}
