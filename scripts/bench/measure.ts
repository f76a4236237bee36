/**
 * Timing and machine facts for the bench: medians over repeated runs after warm-up runs,
 * and a one-line description of the machine. Node only (the bench is a Node script).
 */
import os from 'node:os';

/**
 * Median of a non-empty list of numbers. Cost: O(n log n).
 * @example median([3, 1, 2]) // => 2
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface TimingOptions {
  /** Runs whose time is thrown away (JIT warm-up, caches). */
  warmup: number;
  /** Runs whose median is reported. */
  runs: number;
}

/**
 * Runs `work` `warmup + runs` times and returns the median wall time of the last `runs`
 * in milliseconds. `work`'s result is kept in a sink so the JIT cannot drop the work.
 * @example await medianMs(() => compute(input), { warmup: 1, runs: 5 }) // => 812.4
 */
export async function medianMs(work: () => unknown, options: TimingOptions): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const start = process.hrtime.bigint();
    sink = await work();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= options.warmup) times.push(elapsed);
  }
  return median(times);
}

/** Where results of timed work go, so that it is never optimised away. */
export let sink: unknown = null;

/** The machine the figures were measured on. */
export function machine(): { cpu: string; cores: number; memoryGb: number; node: string; os: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
