/**
 * Bench figure 1: the compute core (score → veto → rank → grade → interviews) on a
 * pre-built AssessmentInput, against a bare loop that only sums the same values; and,
 * separately, `readInput` on the same data laid out as a 考核数据 sheet.
 */
import { DEFAULT_ROLES } from '../../src/core/defaults';
import { compute } from '../../src/core/compute';
import { readInput } from '../../src/core/read';
import type { AssessmentInput } from '../../src/core/types';
import { syntheticInput, syntheticSnapshot } from '../../test/helpers/generate';
import { medianMs, type TimingOptions } from './measure';

export interface CoreFigures {
  units: number;
  indicators: number;
  coreMs: number;
  bareMs: number;
  readMs: number;
  /** Units that came out of compute (sanity check: equals `units`). */
  computedUnits: number;
}

/**
 * The reference: one pass over every unit's values, summing them, nothing else.
 * @example bareSum(input) // => 123456
 */
export function bareSum(input: AssessmentInput): number {
  let sum = 0;
  const units = input.units;
  for (let u = 0; u < units.length; u++) {
    const values = units[u].values;
    for (let i = 0; i < values.length; i++) sum += values[i].value ?? 0;
  }
  return sum;
}

/**
 * Measures compute, the bare loop and readInput on `units × indicators`.
 * Cost: a few seconds and about 1.5 GB at 100,000 × 40 (the sheet is dropped before the
 * input is built).
 */
export async function benchCore(units: number, indicators: number, timing: TimingOptions): Promise<CoreFigures> {
  const now = new Date(2019, 0, 5, 10, 0, 0);
  let snapshot: ReturnType<typeof syntheticSnapshot> | null = syntheticSnapshot(units, indicators, 20181231);
  const sheet = snapshot;
  const readMs = await medianMs(() => readInput(sheet, DEFAULT_ROLES, { now }).input?.units.length, { warmup: 1, runs: Math.max(1, timing.runs - 2) });
  snapshot = null;

  const input = syntheticInput(units, indicators, 20181231);
  let computedUnits = 0;
  const coreMs = await medianMs(() => {
    const result = compute(input);
    computedUnits = result.units.length;
    return result;
  }, timing);
  const bareMs = await medianMs(() => bareSum(input), { warmup: timing.warmup + 2, runs: timing.runs });
  return { units, indicators, coreMs, bareMs, readMs, computedUnits };
}
