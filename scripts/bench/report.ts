/**
 * The bench's printed table: one row per figure with its measured value, its goal and
 * PASS/MISS (or ERROR with the failure when a figure could not be measured).
 */
import { formatTable } from '../../src/cli/table';

export type Verdict = 'PASS' | 'MISS' | 'ERROR' | 'INFO';

export interface FigureRow {
  figure: string;
  measured: string;
  goal: string;
  verdict: Verdict;
}

/** `PASS` when `ok`, else `MISS`. */
export function verdict(ok: boolean): Verdict {
  return ok ? 'PASS' : 'MISS';
}

/** A duration for people: `812 ms` or `36.3 s`. */
export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

/** A byte count for people: `3.82 MB` (10^6 bytes, as the Office request limits are stated). */
export function bytes(value: number): string {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} MB` : value >= 1e3 ? `${(value / 1e3).toFixed(1)} kB` : `${value} B`;
}

/** The table as text. */
export function figureTable(rows: FigureRow[]): string {
  return formatTable(
    ['figure', 'measured', 'goal', 'verdict'],
    rows.map((row) => [row.figure, row.measured, row.goal, row.verdict]),
  );
}
