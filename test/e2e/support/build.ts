/**
 * Builds what the browser tests load: the production pages in dist/ (normally made by
 * `npm test` before jest; built here only when missing) and the Office-mode harness
 * (test/e2e/webpack.harness.js) into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, DIST, ROOT } from './paths';

/** Test files run in parallel workers: one builds dist/, the others wait for it. */
const LOCK = path.join(ROOT, 'test-results', '.dist-build.lock');
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Runs webpack; throws an Error carrying its output when the build fails. */
function webpack(args: string[]): void {
  const run = spawnSync(bin('webpack'), args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`webpack ${args.join(' ')} failed (exit ${run.status}):\n${(run.stdout ?? '').slice(-4000)}\n${(run.stderr ?? '').slice(-4000)}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether dist/ holds a built task pane. */
export function distIsBuilt(): boolean {
  return fs.existsSync(path.join(DIST, 'taskpane.html'));
}

/**
 * Makes sure dist/ holds the production build (`webpack --mode production`, as
 * `npm run build`). Cost: nothing when built; otherwise one build (~30–60 s).
 * Throws when the build fails.
 * @example beforeAll(() => ensureDist(), 300_000);
 */
export async function ensureDist(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    if (distIsBuilt()) return;
    try {
      fs.mkdirSync(LOCK);
    } catch {
      const lock = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!distIsBuilt()) webpack(['--mode', 'production']);
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

/**
 * Builds the Office-mode harness (the Excel simulator as the Office/Excel globals) into
 * `outDir`, and writes `outDir/harness.html`: dist/taskpane.html with Office.js replaced by
 * harness.js, so the production pane bundle runs against the simulator. Cost: one
 * development build (~5–15 s). Throws when the build fails or dist/ lacks the pane.
 * @example buildHarness(dir); await serveStatic([dir, DIST]); page.goto(server.url('harness.html'));
 */
export function buildHarness(outDir: string): void {
  webpack(['--config', path.join(ROOT, 'test', 'e2e', 'webpack.harness.js'), '--env', `out=${outDir}`]);
  const pane = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const officeTag = /<script[^>]*\bsrc=["']?[^"'\s>]*office\.js["']?[^>]*><\/script>/i;
  if (!officeTag.test(pane)) throw new Error('dist/taskpane.html names no office.js script to replace');
  fs.writeFileSync(path.join(outDir, 'harness.html'), pane.replace(officeTag, '<script src="harness.js"></script>'));
}
