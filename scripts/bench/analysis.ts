/**
 * Bench figure of issue 13: the analyses (robustness with the parameters' runs, gaps) on a
 * pre-built input, against the plain computation of the same input — `compute` alone, and
 * `readInput + compute` from the sheet snapshot (what a run does before the report step).
 * Also the 19-unit demo (1,000 runs), which must feel instant.
 */
import { analyse, gaps, rankContext, robustness } from '../../src/core/analysis';
import { compute } from '../../src/core/compute';
import { DEFAULT_ROLES } from '../../src/core/defaults';
import { assess } from '../../src/core/index';
import { readInput } from '../../src/core/read';
import { templateSheets } from '../../src/core/report';
import { syntheticInput, syntheticSnapshot } from '../../test/helpers/generate';
import { medianMs, type TimingOptions } from './measure';
import { snapshotOfSheets as snapshotOf } from '../../test/core/analysis/support';

export interface AnalysisFigures {
  units: number;
  indicators: number;
  runs: number;
  computeMs: number;
  readComputeMs: number;
  robustnessMs: number;
  gapsMs: number;
  demoMs: number;
}


/** Measures the analyses on `units × indicators` (1,000 runs, 10%). Cost: tens of seconds at 5,000 × 40. */
export async function benchAnalysis(units: number, indicators: number, timing: TimingOptions): Promise<AnalysisFigures> {
  const now = new Date(2019, 0, 5, 10, 0, 0);
  const snapshot = syntheticSnapshot(units, indicators, 20181231);
  const readComputeMs = await medianMs(() => {
    const read = readInput(snapshot, DEFAULT_ROLES, { now });
    return read.input ? compute(read.input).units.length : 0;
  }, timing);
  const input = syntheticInput(units, indicators, 20181231);
  const computeMs = await medianMs(() => compute(input).units.length, timing);
  const result = compute(input);
  const ctx = rankContext(result);
  let runs = 0;
  const robustnessMs = await medianMs(() => {
    const r = robustness(input, result, ctx);
    runs = r.runs;
    return r;
  }, { warmup: 0, runs: Math.max(1, timing.runs - 2) });
  const gapsMs = await medianMs(() => gaps(ctx), { warmup: 0, runs: Math.max(1, timing.runs - 2) });
  const demo = assess(snapshotOf(templateSheets(true)), { lang: 'zh', now });
  const demoMs = await medianMs(() => analyse(demo.input!, demo.result!), timing);
  return { units, indicators, runs, computeMs, readComputeMs, robustnessMs, gapsMs, demoMs };
}
