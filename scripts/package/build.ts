/**
 * Runs the production webpack build for one Office.js choice into a given folder.
 * The only step that starts another process.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface BuildOutcome {
  ok: boolean;
  /** Process exit status (null when killed by a signal). */
  status: number | null;
}

/**
 * `webpack --mode production --env officejs=<choice> --output-path <outDir>`, with webpack's
 * own output passed through to the console (it is the developer-facing log).
 * Cost: one full build, typically 20–60 s. Never throws for a failed build; see `ok`.
 * @example runWebpack('/work/main', 'bundled', 'pkg/kaohe-1.0.1.0').ok // => true
 */
export function runWebpack(projectRoot: string, officejs: string, outDir: string, env: Record<string, string> = {}): BuildOutcome {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [projectRoot] });
  const extra = Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
  const result = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', `officejs=${officejs}`, ...extra, '--output-path', resolve(outDir)],
    { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  return { ok: result.status === 0, status: result.status };
}
