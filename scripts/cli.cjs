#!/usr/bin/env node
/**
 * `npm run cli -- …` (and `npm run demo`): Kaohe's command line, src/cli/main.ts, run from
 * one bundle of it and everything it imports. tsx compiled and loaded some 200 modules on
 * every start (1.4 s before the first line of work, most of a 19-unit run); the bundle
 * starts in about 0.3 s. Same code, same output, same exit codes.
 *
 * The bundle is built with esbuild (the bundler tsx itself runs on) on first use, into
 * node_modules/.cache/kaohe/cli.cjs (never committed; `npm ci` clears it), and built again
 * whenever anything under src/, tsconfig.json, package-lock.json or this file is newer than
 * it — so an edited source is never run stale. A build goes to a temporary file renamed into
 * place, so CLI runs started together (tests do) never load half a bundle. Should the build
 * fail, the sources run through tsx as before.
 *
 * `require.main === module` (main.ts runs its command only as the program itself) is made
 * true in the bundle, which this file loads with require.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'src', 'cli', 'main.ts');
const bundle = path.join(root, 'node_modules', '.cache', 'kaohe', 'cli.cjs');

/** Latest modification time under `target` (a file or a folder, recursively); 0 if absent. */
function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, name)));
  return latest;
}

/** True when the bundle exists and nothing it is built from changed since. */
function fresh() {
  const built = newest(bundle);
  if (built === 0) return false;
  return [path.join(root, 'src'), path.join(root, 'tsconfig.json'), path.join(root, 'package-lock.json'), __filename].every((input) => newest(input) <= built);
}

function build() {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'require.main': 'module' },
    logLevel: 'error',
  });
  fs.renameSync(temp, bundle);
}

let ready = fresh();
if (!ready) {
  try {
    build();
    ready = true;
  } catch (error) {
    process.stderr.write(`(kaohe: could not bundle the CLI, running it through tsx: ${String(error && error.message ? error.message : error).split('\n')[0]})\n`);
  }
}
if (ready) require(bundle);
else {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
