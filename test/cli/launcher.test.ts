/**
 * scripts/cli.cjs, what `npm run cli` runs: it bundles src/cli/main.ts on first use, runs the
 * bundle as the program (main.ts's `require.main === module` holds), rebuilds it when a
 * source is newer and never otherwise, falls back to tsx when it cannot bundle — and the
 * bundled CLI answers exactly as the sources run through tsx do.
 *
 * The build and fallback cases run on a throwaway root (a copy of the launcher, a two-line
 * main.ts, and links to the real esbuild and tsx), so the repository's own bundle is not
 * touched; the last case runs the real CLI both ways on the demo workbook.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function node(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A root with the launcher, a main.ts that prints `label` and its arguments, and the given packages linked in. */
function fakeRoot(label: string, packages: string[]): { root: string; main: string; bundle: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'kaohe-launcher-'));
  mkdirSync(path.join(root, 'scripts'));
  mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules'));
  cpSync(path.join(ROOT, 'scripts', 'cli.cjs'), path.join(root, 'scripts', 'cli.cjs'));
  for (const name of packages) symlinkSync(path.join(ROOT, 'node_modules', name), path.join(root, 'node_modules', name));
  const main = path.join(root, 'src', 'cli', 'main.ts');
  writeMain(main, label, new Date(Date.now() - 60_000));
  return { root, main, bundle: path.join(root, 'node_modules', '.cache', 'kaohe', 'cli.cjs') };
}

function writeMain(file: string, label: string, time: Date): void {
  writeFileSync(file, `const words: string[] = process.argv.slice(2);\nif (require.main === module) process.stdout.write(\`${label} \${words.join(' ')}\\n\`);\n`);
  utimesSync(file, time, time);
}

describe('the CLI launcher (scripts/cli.cjs)', () => {
  it('bundles on first use, runs the bundle as the program, and rebuilds only when a source is newer', () => {
    const { root, main, bundle } = fakeRoot('v1', ['esbuild']);
    expect(node(['scripts/cli.cjs', 'compute', 'a.xlsx'], root)).toEqual({ code: 0, stdout: 'v1 compute a.xlsx\n', stderr: '' });
    const built = statSync(bundle).mtimeMs;
    // Nothing changed: the same bundle, not rebuilt.
    expect(node(['scripts/cli.cjs', '--help'], root).stdout).toBe('v1 --help\n');
    expect(statSync(bundle).mtimeMs).toBe(built);
    // An edited source (newer than the bundle) is never run stale.
    writeMain(main, 'v2', new Date(built + 5_000));
    expect(node(['scripts/cli.cjs', 'x'], root).stdout).toBe('v2 x\n');
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
  });

  it('runs the sources through tsx, and says so, when it cannot bundle (no esbuild)', () => {
    const { root } = fakeRoot('v1', ['tsx']);
    const run = node(['scripts/cli.cjs', 'y'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('v1 y\n');
    expect(run.stderr).toMatch(/^\(kaohe: could not bundle the CLI, running it through tsx: .*esbuild.*\)\n$/);
  });

  it('answers as the sources do: the same JSON, stderr and exit codes for compute, a missing file and a usage error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kaohe-launcher-demo-'));
    const tsx = [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'main.ts')];
    const bundled = [path.join(ROOT, 'scripts', 'cli.cjs')];
    expect(node([...bundled, 'template', 'demo.xlsx', '--demo'], dir).code).toBe(0);
    for (const args of [['compute', 'demo.xlsx', '--json', '-o', 'out.xlsx', '--force'], ['compute', 'missing.xlsx', '--json'], ['compute']]) {
      const viaTsx = node([...tsx, ...args], dir);
      const viaBundle = node([...bundled, ...args], dir);
      expect(viaBundle).toEqual(viaTsx);
    }
    // The compute case did compute (not two equal failures).
    const json = JSON.parse(node([...bundled, 'compute', 'demo.xlsx', '--json', '-o', 'out.xlsx', '--force'], dir).stdout);
    expect([json.units.length, json.units[0].name, json.units[0].total, json.errors]).toEqual([19, '文白社区', 98.78, []]);
  });
});
