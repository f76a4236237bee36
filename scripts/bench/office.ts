/**
 * Bench figure 3: the Office.js adapter on the in-memory Excel simulator with a very large
 * sheet — how many `context.sync` calls it makes and how large its largest request and
 * response are, reading a 200,000-row sheet and writing a 200,000-row result sheet.
 */
import { createOfficePort } from '../../src/io/office';
import { DEFAULT_CHUNK_CELLS } from '../../src/io/officeRead';
import { ExcelSimulator } from '../../test/io/simulator/excel-simulator';
import { measureChunkedRead } from '../../test/io/simulator/workbooks';
import { bigResultSheet } from '../../test/helpers/generate';

export interface OfficeFigures {
  phase: 'read' | 'write';
  rows: number;
  columns: number;
  chunkCells: number;
  syncs: number;
  /** ⌈rows × columns / chunkCells⌉: the bands the adapter must send at least. */
  bands: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** Reads a generated `rows × columns` sheet through the port. */
export async function benchOfficeRead(rows: number, columns: number, chunkCells = DEFAULT_CHUNK_CELLS): Promise<OfficeFigures> {
  const figures = await measureChunkedRead(rows, columns, chunkCells);
  return { phase: 'read', rows, columns, chunkCells, bands: Math.ceil((rows * columns) / chunkCells), ...pick(figures) };
}

/** Writes a `rows × columns` result sheet through the port (values, number formats, fills, borders …). */
export async function benchOfficeWrite(rows: number, columns: number, chunkCells = DEFAULT_CHUNK_CELLS): Promise<OfficeFigures> {
  const sim = new ExcelSimulator();
  sim.addSheet('考核数据', [['单位'], ['龙源村']]);
  const uninstall = sim.install();
  try {
    const sheet = bigResultSheet(rows, columns);
    await createOfficePort({ chunkCells }).apply({ remove: [], add: [sheet], renamed: [] });
    const written = sim.valuesOf('考核结果').length;
    if (written !== sheet.rows.length) throw new Error(`the simulator holds ${written} rows, expected ${sheet.rows.length}`);
    return { phase: 'write', rows, columns, chunkCells, bands: Math.ceil(((rows + 2) * columns) / chunkCells), ...pick(sim.stats()) };
  } finally {
    uninstall();
  }
}

function pick(stats: { syncs: number; maxRequestBytes: number; maxResponseBytes: number }) {
  return { syncs: stats.syncs, maxRequestBytes: stats.maxRequestBytes, maxResponseBytes: stats.maxResponseBytes };
}
