/**
 * Bench figure 1b (issue 15 Must 6): numpy doing the core's job on the same input, in the
 * same run — scoring by the seven methods, vetoes, dimension and total sums, rounding,
 * tie-break ranking and grading (scripts/bench/numpy_core.py) — and a check that it
 * reached the same totals, ranks and grades as `compute`.
 *
 * The input goes to python3 as raw little-endian float64 files plus a small JSON in a temp
 * folder; python's time excludes the loading (median of 5 after one warm-up). Without
 * python3 or numpy the figure is `null`, never a crash.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compute, dimensionsOf } from '../../src/core/compute';
import type { AssessmentInput, Grade } from '../../src/core/types';

export interface NumpyFigures {
  /** Median wall time of numpy's job, ms (python's own clock, loading excluded). */
  ms: number;
  /** Units whose rounded total differs from `compute`'s (matched by name). */
  mismatches: number;
  /** Units whose rank differs. */
  rankMismatches: number;
  /** Units whose grade differs. */
  gradeMismatches: number;
  /** numpy's version, as python reports it. */
  numpy: string;
}

/** The grade codes numpy_core.py writes (it grades no 较差: the bench input has no problem list). */
const GRADE_CODES: Grade[] = ['好', '较好', '一般'];

const SCRIPT = path.join(__dirname, 'numpy_core.py');

/**
 * The value matrix, indicator-major (`[i * units + u]`), NaN where a value is missing:
 * the one place that reads the input's value layout. Cost: O(units × indicators).
 * @example valueMatrix(input)[0] // => the first unit's value of the first indicator, e.g. 87
 */
export function valueMatrix(input: AssessmentInput): Float64Array {
  // The value table already has this layout (valueTable.ts).
  return input.values.value;
}

/**
 * What numpy_core.py needs besides the values: each indicator's rule, its dimension's
 * index, the tie-break dimensions (indices, in order), quotas and policies.
 * Cost: O(indicators + tie-break names × dimensions).
 * @example jobSpec(input, 5).tieBreak // => [0, 1, 2, 3, 4, 5, 6]
 */
export function jobSpec(input: AssessmentInput, runs: number): Record<string, unknown> {
  const { dimensions, dimensionOf } = dimensionsOf(input.indicators);
  const { params } = input;
  return {
    units: input.units.length,
    runs,
    dimensions: dimensions.length,
    tieBreak: params.tieBreak.map((name) => dimensions.indexOf(name)).filter((d) => d >= 0),
    indicators: input.indicators.map((indicator, i) => ({
      method: indicator.method,
      points: indicator.points,
      target: indicator.target,
      floor: indicator.floor,
      perItem: indicator.perItem,
      direction: indicator.direction,
      vetoThreshold: indicator.vetoThreshold,
      vetoCategory: indicator.vetoCategory,
      dimensionIndex: dimensionOf[i],
    })),
    goodQuota: params.goodQuota,
    averageQuota: params.averageQuota,
    tieMode: params.tieMode,
    vetoedMayBeGood: params.vetoedMayBeGood,
    rankByType: params.rankByType,
    rankStyle: params.rankStyle,
    problems: input.problems.length,
  };
}

/** A file's bytes in an ArrayBuffer of their own (aligned for a typed-array view). */
async function bytesOf(file: string): Promise<ArrayBuffer> {
  const buffer = await readFile(file);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/** Runs python3 on the script; `null` when there is no python3 on PATH. Rejects with stderr on a crash. */
function runPython(folder: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('python3', [SCRIPT, folder], { maxBuffer: 2 ** 20 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
      else if (error) reject(new Error(`python3 numpy_core.py failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * Times numpy on the core's job for `input` and counts the units where its totals, ranks
 * and grades differ from `compute(input)`'s. `null` when python3 or numpy is missing.
 * Cost: one `compute`, ~40 MB of temp files at 100,000 × 40, python's 6 runs.
 * @example await benchNumpy(syntheticInput(100_000, 40, 20181231)) // => { ms: 86.2, mismatches: 0, … }
 */
export async function benchNumpy(input: AssessmentInput, runs = 5): Promise<NumpyFigures | null> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kaohe-numpy-'));
  try {
    const matrix = valueMatrix(input);
    await writeFile(path.join(folder, 'values.f64'), new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength));
    await writeFile(path.join(folder, 'job.json'), JSON.stringify(jobSpec(input, runs)));
    const stdout = await runPython(folder);
    if (stdout === null) return null;
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms?: number; numpy?: string; unavailable?: string };
    if (report.unavailable !== undefined || report.ms === undefined) return null;

    const totals = new Float64Array(await bytesOf(path.join(folder, 'totals.f64')));
    const ranks = new Int32Array(await bytesOf(path.join(folder, 'ranks.i32')));
    const grades = new Uint8Array(await bytesOf(path.join(folder, 'grades.u8')));
    const positionOf = new Map<string, number>();
    input.units.forEach((unit, u) => positionOf.set(unit.name, u));
    let mismatches = 0;
    let rankMismatches = 0;
    let gradeMismatches = 0;
    for (const unit of compute(input).units) {
      const u = positionOf.get(unit.name) ?? -1;
      if (u < 0 || totals[u] !== unit.total) mismatches++;
      if (u < 0 || ranks[u] !== unit.rank) rankMismatches++;
      if (u < 0 || GRADE_CODES[grades[u]] !== unit.grade) gradeMismatches++;
    }
    return { ms: report.ms, mismatches, rankMismatches, gradeMismatches, numpy: report.numpy ?? '?' };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
