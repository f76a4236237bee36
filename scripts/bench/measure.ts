/**
 * Timing and machine facts for the bench: medians over repeated runs after warm-up runs,
 * and a one-line description of the machine. Node only (the bench is a Node script).
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

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

/**
 * Like `medianMs` for several pieces of work whose times are compared as a ratio: each is
 * warmed up on its own (`warmup` untimed runs, as `medianMs` does), then the timed runs
 * take turns — a, b, a, b, … — so that a slow spell of the machine (a shared VM here runs
 * the same code 1.6× slower for seconds at a time) falls on both sides of the ratio
 * instead of on one. Returns each piece's median, by key.
 * @example await interleavedMs({ core: () => compute(input), read: () => readInput(s) }, { warmup: 1, runs: 5 }) // => { core: 240.1, read: 1012.7 }
 */
export async function interleavedMs<K extends string>(works: Record<K, () => unknown>, options: TimingOptions): Promise<Record<K, number>> {
  const keys = Object.keys(works) as K[];
  const times = new Map<K, number[]>(keys.map((key) => [key, []]));
  for (const key of keys) for (let i = 0; i < options.warmup; i++) sink = await works[key]();
  for (let i = 0; i < options.runs; i++) {
    for (const key of keys) {
      const start = process.hrtime.bigint();
      sink = await works[key]();
      times.get(key)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(times.get(key)!)])) as Record<K, number>;
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

/**
 * Runs a child process to its end and times it; rejects with the tail of its stderr when it
 * exits non-zero. `heapMb` sets the child's V8 heap limit (for the input generators, not for
 * the programs whose memory is measured). Returns the wall time in ms and the stderr.
 * @example await timedRun('/usr/bin/true', [], '.') // => { ms: 1.2, stderr: '' }
 */
export function timedRun(command: string, args: string[], cwd: string, heapMb?: number): Promise<{ ms: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const env = heapMb ? { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : process.env;
    execFile(command, args, { cwd, env, maxBuffer: 256 * 2 ** 20 }, (error, _stdout, stderr) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (error) reject(new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed: ${(stderr || error.message).slice(-400)}`));
      else resolve({ ms, stderr });
    });
  });
}

/**
 * The CLI as `npm run cli` runs it (without npm's own start-up): Node on the launcher
 * scripts/cli.cjs, which runs the bundled CLI. Append the CLI's arguments.
 * @example const [command, ...args] = cliCommand(root); await timedRun(command, [...args, 'compute', input], root)
 */
export function cliCommand(root: string): string[] {
  return [process.execPath, path.join(root, 'scripts/cli.cjs')];
}

/** Builds the CLI bundle if it is stale (untimed), so that no timed run pays for the build. */
export async function warmCli(root: string): Promise<void> {
  const [command, ...args] = cliCommand(root);
  await timedRun(command, [...args, '--help'], root);
}
