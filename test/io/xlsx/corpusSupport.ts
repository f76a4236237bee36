/** Helpers for the corpus tests: a grid as a map of its non-blank cells, and the corpus files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnLetter } from '../../../src/core/a1';
import type { CellValue, SheetGrid } from '../../../src/core/types';

export const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus');

export function corpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, name)));
}

/** A1 → [value, format] for every non-blank cell (the shape of the grid set aside). */
export function cellMap(grid: SheetGrid): Map<string, [CellValue, string | null]> {
  const out = new Map<string, [CellValue, string | null]>();
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const fmt = grid.formats?.[r]?.[c] ?? null;
      out.set(`${columnLetter(grid.originCol + c)}${grid.originRow + r + 1}`, [v, fmt === 'General' ? null : fmt]);
    });
  });
  return out;
}

/** The cells where two grids differ: A1 → [ours, theirs]. */
export function differences(ours: SheetGrid, theirs: SheetGrid): Record<string, [unknown, unknown]> {
  const a = cellMap(ours);
  const b = cellMap(theirs);
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? null;
    const y = b.get(key) ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out[key] = [x, y];
  }
  return out;
}
