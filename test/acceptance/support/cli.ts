/**
 * Runs the command line as a child process, the way the hidden acceptance run does:
 * `tsx src/cli/main.ts compute in.xlsx --json -o out.xlsx`, or through `npm run --silent cli`.
 * Test support only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx src/cli/main.ts <args>` (or `npm run --silent cli -- <args>` with `viaNpm`).
 * Never rejects: the exit code, stdout and stderr come back as data. Cost: ~2–4 s (tsx start-up).
 * @example (await runCli(['compute', 'in.xlsx', '--json'])).code // => 0
 */
export function runCli(args: string[], viaNpm = false): Promise<CliRun> {
  const [command, argv] = viaNpm
    ? ['npm', ['run', '--silent', 'cli', '--', ...args]]
    : [path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('src', 'cli', 'main.ts'), ...args]];
  return new Promise((resolve) => {
    execFile(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A fresh temporary directory for one test file's workbooks.
 * @example tempDir('messy') // => '/tmp/kaohe-acc-messy-XXXXXX'
 */
export function tempDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `kaohe-acc-${label}-`));
}

/** The JSON document of WORKBOOK "Command line", as the tests read it. */
export interface CliJson {
  year: number | null;
  units: {
    name: string;
    type: string;
    rank: number;
    total: number;
    converted: number | null;
    grade: string;
    eligible: boolean;
    interview: boolean;
    vetoes: { category: number; text: string; evidence: string }[];
    dimensions: Record<string, number>;
  }[];
  interviews: { unit: string; person: string | null; reasons: string[]; deadline: string }[];
  assistance: { name: string; village: string; passed: boolean; items: { item: string; passed: boolean | null; fact: string }[] }[];
  warnings: { sheet: string; cell: string; message: string }[];
  errors: { sheet: string; cell: string; message: string }[];
}

/**
 * Parses stdout as the one JSON document it must be; throws with the text when it is not.
 * @example parseJson('{"year":2018}').year // => 2018
 */
export function parseJson(stdout: string): CliJson {
  try {
    return JSON.parse(stdout) as CliJson;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${stdout.slice(0, 2000)}`);
  }
}
