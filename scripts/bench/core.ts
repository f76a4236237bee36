/**
 * Bench figure 1: the compute core's kernels (score → veto → rank → grade, `gradeAll`) on
 * a pre-built AssessmentInput, against a bare loop that only sums the same values; all of
 * `compute` (plus the plain result objects); and `readInput` on the same data laid out as a
 * 考核数据 sheet.
 */
import { DEFAULT_ROLES } from '../../src/core/defaults';
import { compute, gradeAll } from '../../src/core/compute';
import { readInput } from '../../src/core/read';
import { inputFingerprints } from '../../src/core/read/fingerprint';
import type { AssessmentInput } from '../../src/core/types';
import { syntheticInput, syntheticSnapshot } from '../../test/helpers/generate';
import { medianMs, type TimingOptions } from './measure';

export interface CoreFigures {
  units: number;
  indicators: number;
  /** The kernels: score + veto + rank + grade (`gradeAll`), the job numpy is timed on. */
  coreMs: number;
  /** All of `compute`: the kernels plus the plain result objects, interviews, assistance. */
  computeMs: number;
  bareMs: number;
  readMs: number;
  /** Of `readMs`: the two SHA-256 fingerprints of the role sheets (for 考核说明 and verify), timed alone. */
  fingerprintMs: number;
  /** Units that came out of compute (sanity check: equals `units`). */
  computedUnits: number;
}

/**
 * The reference of issue 15: one pass over every unit's values held as plain JS arrays
 * (one array of numbers per unit, as a hand-written loop would hold them), summing them,
 * nothing else.
 * @example bareSum([[1, 2], [3, null]]) // => 6
 */
export function bareSum(rows: (number | null)[][]): number {
  let sum = 0;
  for (let u = 0; u < rows.length; u++) {
    const values = rows[u];
    for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  }
  return sum;
}

/** The input's values as one plain array per unit (for the bare loop). */
export function valueRows(input: AssessmentInput): (number | null)[][] {
  return input.units.map((_, u) => input.indicators.map((_, i) => input.values.get(u, i)));
}

/**
 * readInput and the fingerprints alone on the sheet form of the same data. In a function
 * of its own so that the 4-million-cell snapshot is garbage once it returns: the kernels
 * are timed, as numpy is, with only their input alive.
 */
async function benchRead(units: number, indicators: number, now: Date, timing: TimingOptions): Promise<{ readMs: number; fingerprintMs: number }> {
  const sheet = syntheticSnapshot(units, indicators, 20181231);
  const runs = { warmup: 1, runs: Math.max(1, timing.runs - 2) };
  const readMs = await medianMs(() => readInput(sheet, DEFAULT_ROLES, { now }).input?.units.length, runs);
  const fingerprintMs = await medianMs(() => inputFingerprints(sheet, DEFAULT_ROLES, DEFAULT_ROLES).whole, runs);
  return { readMs, fingerprintMs };
}

/**
 * Measures compute, the bare loop and readInput on `units × indicators`.
 * Cost: a few seconds and about 1.5 GB at 100,000 × 40 (the sheet is dropped before the
 * input is built).
 */
export async function benchCore(units: number, indicators: number, timing: TimingOptions): Promise<CoreFigures> {
  const now = new Date(2019, 0, 5, 10, 0, 0);
  const { readMs, fingerprintMs } = await benchRead(units, indicators, now, timing);

  const input = syntheticInput(units, indicators, 20181231);
  let computedUnits = 0;
  const coreMs = await medianMs(() => {
    const graded = gradeAll(input);
    computedUnits = graded.grading.grades.length;
    return graded;
  }, timing);
  const computeMs = await medianMs(() => compute(input), timing);
  const rows = valueRows(input);
  const bareMs = await medianMs(() => bareSum(rows), { warmup: timing.warmup + 2, runs: timing.runs });
  return { units, indicators, coreMs, computeMs, bareMs, readMs, fingerprintMs, computedUnits };
}
