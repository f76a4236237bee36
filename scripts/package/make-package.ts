/**
 * Assembles a deployable package: build → manifest → web.config, README.txt → files.json
 * → zip. Each step is a module of its own; this one only puts them in order and collects
 * what went wrong as messages.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Msg } from '../../src/core/types';
import type { PackageFilesManifest } from '../../src/check/files-manifest';
import { runWebpack } from './build';
import { fileEntries, folderBytes, listFiles } from './files';
import { webConfig } from './iis';
import { rewriteManifest } from './manifest';
import { cspInHtml, OFFICE_JS_DEFAULT_URLS, officeJsUrlInHtml } from './officejs';
import type { PackageOptions } from './options';
import { readmeText } from './readme';
import { nextCounterVersion } from './version';
import { zipFolder } from './zip';

/** The file that remembers the last counter version, inside the output folder. */
export const COUNTER_FILE = 'version-counter.txt';

export interface PackageReport {
  folder: string;
  zip: string;
  version: string;
  fileCount: number;
  folderBytes: number;
  zipBytes: number;
  officejsUrl: string;
}

export type PackageOutcome =
  | { ok: true; report: PackageReport }
  /** `kind: 'input'` → exit 2 (the user can fix the input); `'build'` → exit 1. */
  | { ok: false; kind: 'input' | 'build'; problems: Msg[] };

/** The build step, replaceable in tests; defaults to the real webpack run. */
export type Builder = (projectRoot: string, officejs: string, outDir: string) => { ok: boolean; status: number | null };

/**
 * Makes `<outDir>/kaohe-<version>/` and `<outDir>/kaohe-<version>.zip` for the options.
 * Cost: one webpack build plus hashing and zipping the result.
 * Throws only on file-system failures (disk full, no permission), which are not input problems.
 * @example await makePackage(opts, '/work/main') // => { ok: true, report: { version: '1.0.1.0', … } }
 */
export async function makePackage(
  options: PackageOptions,
  projectRoot: string,
  now: Date = new Date(),
  build: Builder = runWebpack,
): Promise<PackageOutcome> {
  const manifestPath = resolve(projectRoot, options.manifestPath);
  if (!existsSync(manifestPath)) {
    return { ok: false, kind: 'input', problems: [{ code: 'package.manifest.missing', params: { file: manifestPath } }] };
  }
  const sourceManifest = readFileSync(manifestPath, 'utf8');
  const outDir = resolve(projectRoot, options.outDir);
  mkdirSync(outDir, { recursive: true });
  const version = options.version ?? nextVersionIn(outDir, sourceManifest);

  const dry = rewriteManifest(sourceManifest, options.baseUrl, version);
  if (dry.problems.length > 0) return { ok: false, kind: 'input', problems: dry.problems };

  const folder = join(outDir, `kaohe-${version}`);
  const zip = `${folder}.zip`;
  rmSync(folder, { recursive: true, force: true });
  rmSync(zip, { force: true });

  const built = build(projectRoot, options.officejs, folder);
  if (!built.ok) {
    return { ok: false, kind: 'build', problems: [{ code: 'package.build.failed', params: { status: String(built.status) } }] };
  }
  const taskpanePath = join(folder, 'taskpane.html');
  if (!existsSync(taskpanePath)) {
    return { ok: false, kind: 'build', problems: [{ code: 'package.dist.missing', params: { file: 'taskpane.html' } }] };
  }

  for (const name of readdirSync(folder)) {
    if (/^manifest.*\.xml$/i.test(name)) rmSync(join(folder, name));
  }
  writeFileSync(join(folder, 'manifest.xml'), dry.xml, 'utf8');
  const missing = dry.references.filter((reference) => !existsSync(join(folder, ...reference.file.split('/'))));
  if (missing.length > 0) {
    return {
      ok: false,
      kind: 'build',
      problems: missing.map((reference) => ({ code: 'package.manifest.fileMissing', params: reference })),
    };
  }

  const taskpaneHtml = readFileSync(taskpanePath, 'utf8');
  const officejsUrl = officeJsUrlInHtml(taskpaneHtml) ?? OFFICE_JS_DEFAULT_URLS[options.officejs];
  const builtAt = now.toISOString();
  writeFileSync(join(folder, 'web.config'), webConfig(cspInHtml(taskpaneHtml)), 'utf8');
  writeFileSync(
    join(folder, 'README.txt'),
    readmeText({ version, baseUrl: options.baseUrl, officejs: options.officejs, officejsUrl, builtAt }),
    'utf8',
  );

  const paths = listFiles(folder).filter((path) => path !== 'files.json');
  const filesManifest: PackageFilesManifest = {
    name: 'kaohe',
    version,
    builtAt,
    officejs: options.officejs,
    officejsUrl,
    baseUrl: options.baseUrl,
    files: fileEntries(folder, paths),
  };
  writeFileSync(join(folder, 'files.json'), `${JSON.stringify(filesManifest, null, 1)}\n`, 'utf8');

  await zipFolder(folder, zip);
  if (options.version === null) writeFileSync(join(outDir, COUNTER_FILE), `${version.split('.')[2]}\n`, 'utf8');
  return {
    ok: true,
    report: {
      folder,
      zip,
      version,
      fileCount: paths.length + 1,
      folderBytes: folderBytes(folder),
      zipBytes: readFileSync(zip).length,
      officejsUrl,
    },
  };
}

/** The next counter version for the source manifest, from the counter file and the folders in `outDir`. */
function nextVersionIn(outDir: string, sourceManifest: string): string {
  const sourceVersion = /<Version>\s*([^<]*?)\s*<\/Version>/.exec(sourceManifest)?.[1] ?? '1.0.0.0';
  const counterPath = join(outDir, COUNTER_FILE);
  const stored = existsSync(counterPath) ? Number.parseInt(readFileSync(counterPath, 'utf8').trim(), 10) : 0;
  const folders = readdirSync(outDir).filter((name) => name.startsWith('kaohe-'));
  return nextCounterVersion(sourceVersion, Number.isFinite(stored) ? stored : 0, folders.map((name) => name.replace(/\.zip$/, '')));
}
