/**
 * `npm run package -- --base-url https://host/path/ [--officejs global|china|bundled]
 * [--version 1.0.7.0] [--out pkg] [--manifest manifest.xml]`
 *
 * Writes a folder `pkg/kaohe-<version>/` and `pkg/kaohe-<version>.zip` ready to copy onto
 * any static HTTPS server. Every message is printed Chinese first, then English.
 * Exit codes: 0 done; 2 bad input (options, base URL, manifest); 1 build failed.
 */
import { resolve } from 'node:path';
import { t } from '../src/core/messages';
import type { Msg } from '../src/core/types';
import { humanSize } from './package/files';
import { makePackage } from './package/make-package';
import { parsePackageArgs, type PackageOptions } from './package/options';
import { makeWpsPackage } from './package/wps';

/** Both languages of a message, one line each. */
function bilingual(msg: Msg): string {
  return `${t(msg, 'zh')}\n${t(msg, 'en')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parsePackageArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(bilingual({ code: 'package.usage' }));
      process.stdout.write(bilingual({ code: 'package.wps.usage' }));
      return 0;
    }
    for (const problem of parsed.problems) process.stderr.write(bilingual(problem));
    process.stderr.write(bilingual({ code: 'package.usage' }));
    return 2;
  }
  for (const note of parsed.notes) process.stdout.write(bilingual(note));
  if (parsed.options.host === 'wps') return packageWps(parsed.options);

  const outcome = await makePackage(parsed.options, resolve(__dirname, '..'));
  return finish(outcome, (report) => ({
    code: 'package.done',
    params: {
      folder: report.folder,
      folderSize: humanSize(report.folderBytes),
      fileCount: report.fileCount,
      zip: report.zip,
      zipSize: humanSize(report.zipBytes),
      version: report.version,
      officejs: `${parsed.options.officejs} (${report.officejsUrl})`,
    },
  }));
}

/** `--host wps`: the WPS 表格 add-in (scripts/package/wps.ts). */
async function packageWps(options: PackageOptions): Promise<number> {
  const outcome = await makeWpsPackage(options, resolve(__dirname, '..'));
  return finish(outcome, (report) => ({
    code: 'package.wps.done',
    params: { folder: report.folder, fileCount: report.fileCount, folderSize: humanSize(report.folderBytes), version: report.version, baseUrl: options.baseUrl, offline: report.offline },
  }));
}

/** Prints the problems (exit 2 for input, 1 for the build) or the summary (exit 0). */
function finish<R>(outcome: { ok: true; report: R } | { ok: false; kind: 'input' | 'build'; problems: Msg[] }, done: (report: R) => Msg): number {
  if (!outcome.ok) {
    for (const problem of outcome.problems) process.stderr.write(bilingual(problem));
    return outcome.kind === 'input' ? 2 : 1;
  }
  process.stdout.write(bilingual(done(outcome.report)));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
