/**
 * Measured (never asserted) durations of the end-to-end runs, kept in
 * test-results/e2e-timings.json so a run's figures can be reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS } from './paths';

const FILE = path.join(RESULTS, 'e2e-timings.json');

/**
 * Records one duration (ms) under a name, keeping the other names' last figures.
 * @example recordTiming('file mode: open → download', 3120);
 */
export function recordTiming(name: string, milliseconds: number): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  let figures: Record<string, { ms: number; at: string }> = {};
  try {
    figures = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch {
    // first run, or a file another run was writing: start afresh
  }
  figures[name] = { ms: Math.round(milliseconds), at: new Date().toISOString() };
  fs.writeFileSync(FILE, `${JSON.stringify(figures, null, 2)}\n`);
}
