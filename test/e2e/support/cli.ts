/**
 * The command line as a user runs it (`npm run cli -- …`), for the reference results the
 * browser and LibreOffice checks are compared with.
 */
import { spawnSync } from 'node:child_process';
import type { JsonReport } from '../../../src/core/types';
import { ROOT } from './paths';

/** Runs `npm run cli -- <args>`; throws with stderr when the exit code is not `expectedExit`. */
function cli(args: string[], expectedExit = 0): string {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== expectedExit) {
    throw new Error(`npm run cli -- ${args.join(' ')}: exit ${run.status}, expected ${expectedExit}\n${run.stderr}`);
  }
  return run.stdout;
}

/**
 * Writes the demo workbook (`template <file> --demo --force`). Cost: ~2 s (tsx start-up).
 * @example makeDemoWorkbook('/tmp/x/demo.xlsx');
 */
export function makeDemoWorkbook(file: string): void {
  cli(['template', file, '--demo', '--force']);
}

/**
 * Computes a workbook with `--json` and returns the report; the result workbook goes to `output`.
 * Throws when the CLI fails or prints something that is not JSON.
 * @example computeJson('/tmp/x/demo.xlsx', '/tmp/x/out.xlsx').units[0].rank // => 1
 */
export function computeJson(input: string, output: string): JsonReport {
  return JSON.parse(cli(['compute', input, '-o', output, '--json'])) as JsonReport;
}
