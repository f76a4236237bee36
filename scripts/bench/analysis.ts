/**
 * Bench figure of issue 13 (Must 7): robustness with the parameters' runs (1,000, 10%) on a
 * pre-built input, against two measures of the plain computation of the same ledger:
 *
 *   (a) `readInput + compute` from the sheet snapshot — the computation itself;
 *   (b) `assess` end to end without the analyses — what 计算排名 costs a user: read,
 *       compute, the report sheets, the write plan and the JSON (assess's own steps, less
 *       `analyse`).
 *
 * The goal (≤ 5×) is stated on (a): the issue says "the plain computation", and (a) is the
 * stricter denominator (it excludes the report step, which robustness never touches), so a
 * pass on (a) is a pass on (b). Also `compute` alone, gaps, the 19-unit demo (1,000 runs,
 * must feel instant) and robustness runs per second.
 *
 * (a) is measured twice: warm (in this process, each side warmed once, then taking turns:
 * the 2nd to 4th calls), and at the first run in a fresh process (firstRun.ts, bundled as
 * the CLI ships; median of several processes) — what every CLI run and the pane's first
 * 计算排名 meet. Both are reported with the goal; see docs/performance.md.
 */
import { analyse, gaps, rankContext, robustness } from '../../src/core/analysis';
import { compute } from '../../src/core/compute';
import { DEFAULT_ROLES } from '../../src/core/defaults';
import { assess, KAOHE_VERSION } from '../../src/core/index';
import { readInput } from '../../src/core/read';
import { buildResultSheets, planWrite, templateSheets, toJson } from '../../src/core/report';
import type { WorkbookSnapshot } from '../../src/core/types';
import { syntheticInput, syntheticSnapshot } from '../../test/helpers/generate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { interleavedMs, median, medianMs, type TimingOptions } from './measure';
import { snapshotOfSheets as snapshotOf } from '../../test/core/analysis/support';

export interface AnalysisFigures {
  units: number;
  indicators: number;
  runs: number;
  computeMs: number;
  readComputeMs: number;
  /** `assess` without `analyse`: read, compute, report sheets, write plan, JSON. */
  assessPlainMs: number;
  robustnessMs: number;
  gapsMs: number;
  demoMs: number;
}

export interface FirstRunFigures {
  /** Medians over the processes. */
  readComputeMs: number;
  robustnessMs: number;
  /** Each process's robustness ÷ readInput + compute. */
  ratios: number[];
}

/**
 * `processes` fresh processes, each timing the first readInput + compute and the first
 * robustness of `units × indicators` (firstRun.ts, bundled once with esbuild into a
 * temporary folder). Cost: one bundle, then about a second per process at 5,000 × 40.
 * Throws when a process fails.
 */
export function benchFirstRun(units: number, indicators: number, processes: number): FirstRunFigures {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-bench-first-'));
  try {
    const bundle = join(dir, 'firstRun.cjs');
    buildSync({ entryPoints: [join(__dirname, 'firstRun.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    const samples = Array.from({ length: processes }, () => {
      const run = spawnSync(process.execPath, [bundle, String(units), String(indicators)], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`firstRun failed: ${run.stderr}`);
      return JSON.parse(run.stdout) as { readComputeMs: number; robustnessMs: number };
    });
    return {
      readComputeMs: median(samples.map((s) => s.readComputeMs)),
      robustnessMs: median(samples.map((s) => s.robustnessMs)),
      ratios: samples.map((s) => s.robustnessMs / s.readComputeMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `assess` less the analyses (its steps as src/core/index.ts runs them, `analyse` left out).
 * Cost: one readInput + compute + report. Throws when the snapshot does not read.
 */
function assessWithoutAnalyses(snapshot: WorkbookSnapshot, now: Date): number {
  const read = readInput(snapshot, DEFAULT_ROLES, { now });
  if (!read.input) throw new Error('the bench snapshot does not read');
  const result = compute(read.input);
  const sheets = buildResultSheets(result, read.input, { now, version: KAOHE_VERSION, analysis: null });
  const plan = planWrite(snapshot, sheets);
  return plan.add.length + toJson(result, result.warnings, 'zh').units.length;
}

/** Measures the analyses on `units × indicators` (1,000 runs, 10%). Cost: tens of seconds at 5,000 × 40. */
export async function benchAnalysis(units: number, indicators: number, timing: TimingOptions): Promise<AnalysisFigures> {
  const now = new Date(2019, 0, 5, 10, 0, 0);
  const snapshot = syntheticSnapshot(units, indicators, 20181231);
  const input = syntheticInput(units, indicators, 20181231);
  const result = compute(input);
  const ctx = rankContext(result);
  let runs = 0;
  // The goal's two sides take turns (interleavedMs), so a slow spell of the machine does not
  // fall on one side of the ratio only.
  const { readComputeMs, robustnessMs } = await interleavedMs(
    {
      readComputeMs: () => {
        const read = readInput(snapshot, DEFAULT_ROLES, { now });
        return read.input ? compute(read.input).units.length : 0;
      },
      robustnessMs: () => {
        const r = robustness(input, result, ctx);
        runs = r.runs;
        return r;
      },
    },
    timing,
  );
  const assessPlainMs = await medianMs(() => assessWithoutAnalyses(snapshot, now), timing);
  const computeMs = await medianMs(() => compute(input).units.length, timing);
  const gapsMs = await medianMs(() => gaps(ctx), { warmup: 0, runs: Math.max(1, timing.runs - 2) });
  const demo = assess(snapshotOf(templateSheets(true)), { lang: 'zh', now });
  const demoMs = await medianMs(() => analyse(demo.input!, demo.result!), timing);
  return { units, indicators, runs, computeMs, readComputeMs, assessPlainMs, robustnessMs, gapsMs, demoMs };
}
