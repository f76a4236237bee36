/**
 * Very large sheets through the Office.js adapter, on the in-memory Excel simulator:
 * a 200,000-row result sheet (what 计算明细 holds for 5,000 units × 40 indicators) must be
 * written in requests of at most 4 MB, and a 200,000-row input read in bands — never a
 * crash (no timing asserts; generous timeouts).
 */
import { createOfficePort, runAssessmentInExcel } from '../../src/io/office';
import { DEFAULT_CHUNK_CELLS } from '../../src/io/officeRead';
import { ExcelSimulator } from '../io/simulator/excel-simulator';
import { bigResultSheet, ledgerRows, syntheticLedger } from '../helpers/generate';

const REQUEST_LIMIT = 4_000_000;
const LARGE_TIMEOUT = 300_000;

async function withSimulator<T>(sim: ExcelSimulator, run: () => Promise<T>): Promise<T> {
  const uninstall = sim.install();
  try {
    return await run();
  } finally {
    uninstall();
  }
}

describe('very large sheets in Excel (simulator)', () => {
  it('writes a 200,000-row result sheet in requests of at most 4 MB', async () => {
    const sim = new ExcelSimulator();
    sim.addSheet('考核数据', [['单位'], ['龙源村']]);
    const sheet = bigResultSheet(200_000, 8);
    await withSimulator(sim, () => createOfficePort().apply({ remove: [], add: [sheet], renamed: [] }));
    expect(sim.valuesOf('考核结果')).toHaveLength(200_002);
    const stats = sim.stats();
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(stats.syncs).toBeGreaterThan(1); // ~20 MB of values cannot go in one request
  }, LARGE_TIMEOUT);

  it('reads a 200,000-row sheet in bands of the chunk size, each response under 4 MB', async () => {
    const sim = new ExcelSimulator();
    sim.addGeneratedSheet('考核数据', 200_000, 8, (row, column) => (row === 0 ? `列${column + 1}` : column === 0 ? `单位${row}村` : row * column));
    const snapshot = await withSimulator(sim, () => createOfficePort().read((names) => names));
    expect(snapshot.sheets['考核数据'].values).toHaveLength(200_000);
    const stats = sim.stats();
    const bands = Math.ceil((200_000 * 8) / DEFAULT_CHUNK_CELLS);
    expect(stats.syncs).toBeGreaterThanOrEqual(bands);
    expect(stats.syncs).toBeLessThanOrEqual(bands + 3);
    expect(stats.maxResponseBytes).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT);
  }, LARGE_TIMEOUT);

  it('one click on 5,000 units × 40 indicators (计算明细: 200,000 rows) completes with requests of at most 4 MB', async () => {
    const sim = new ExcelSimulator();
    for (const [name, rows] of ledgerRows(syntheticLedger(5_000, 40, 1))) sim.addSheet(name, rows as (string | number | null)[][]);
    const outcome = await withSimulator(sim, () => runAssessmentInExcel(createOfficePort(), { lang: 'zh', now: new Date(2019, 0, 5) }));
    expect(outcome.ok).toBe(true);
    expect(sim.valuesOf('计算明细').length).toBeGreaterThan(200_000);
    expect(sim.stats().maxRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT);
  }, LARGE_TIMEOUT);
});
