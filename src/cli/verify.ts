/**
 * `verify <town.xlsx> [--json] [--lang zh|en]` (issue 14, docs/city.md): recompute a town's
 * workbook from its own inputs and compare with its result sheets. Nothing is written.
 *
 * Exit codes: 0 consistent; 1 not consistent, or the file is missing, unreadable, not an
 * .xlsx or was never computed by Kaohe; 2 usage errors.
 * With --json, stdout holds exactly one JSON document (VerifyJson); everything else goes to stderr.
 */
import { t } from '../core/messages';
import type { Lang, Msg } from '../core/types';
import { verifyJson, verifyWorkbook, type VerifyJson, type VerifyReport } from '../core/verify';
import { openBook } from './cityBooks';
import type { CliIo } from './main';

export interface CityArgs {
  files: string[];
  output: string | null;
  flags: Set<string>;
  lang: Lang;
}

/**
 * Parses the arguments after `verify` or `city`: files, `-o <file>`, `--lang zh|en` and the
 * flags in `allowed`. A usage problem comes back as a message. Cost: O(arguments).
 * @example parseCityArgs(['a.xlsx', '--json'], ['--json']) // => { files: ['a.xlsx'], output: null, flags: Set{'--json'}, lang: 'zh' }
 */
export function parseCityArgs(argv: string[], allowed: string[], withOutput: boolean): CityArgs | { error: Msg; lang: Lang } {
  const args = argv.flatMap((arg) => (/^--[a-z-]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const at = args.indexOf('--lang');
  let lang: Lang = at >= 0 && args[at + 1] === 'en' ? 'en' : 'zh';
  const files: string[] = [];
  const flags = new Set<string>();
  let output: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const takesValue = arg === '--lang' || (withOutput && (arg === '-o' || arg === '--output'));
    if (!takesValue && !allowed.includes(arg)) return { error: { code: 'cli.unknownOption', params: { option: arg } }, lang };
    if (!takesValue) {
      flags.add(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('-') && value !== '-')) return { error: { code: 'cli.missingValue', params: { option: arg } }, lang };
    i++;
    if (arg === '--lang') {
      if (value !== 'zh' && value !== 'en') return { error: { code: 'cli.badLang', params: { lang: value } }, lang };
      lang = value;
    } else output = value;
  }
  if (files.length === 0) return { error: { code: 'cli.missingFile' }, lang };
  return { files, output, flags, lang };
}

/** The usage text of every command (compute/template, then verify/city). */
export function usageText(lang: Lang): string {
  return `${t({ code: 'cli.usage' }, lang)}\n${t({ code: 'verify.usage' }, lang)}`;
}

/** The JSON of a file that could not be verified at all. */
export function unverifiedJson(message: string): VerifyJson {
  return { consistent: false, town: null, year: null, version: null, computedAt: null, differences: [{ sheet: '', cell: '', found: '', expected: '', message }], omitted: 0, warnings: [] };
}

/**
 * Opens and verifies one file. Cost: one load and one recomputation.
 * @example await verifyFile('镇.xlsx', 'zh', new Date()) // => { report: { consistent: true, … } }
 */
export async function verifyFile(file: string, lang: Lang, now: Date): Promise<{ report: VerifyReport } | { error: Msg }> {
  const opened = await openBook(file);
  if ('error' in opened) {
    const { error } = opened;
    // The adapter's sentences do not name the file: say which one.
    if (error.code === 'cli.fileNotFound' || error.code === 'verify.unreadable') return opened;
    return { error: { code: 'verify.unreadable', params: { file, reason: t(error, lang) } } };
  }
  return { report: await verifyWorkbook((pick) => opened.book.read(pick), { lang, now }) };
}

/** The text report of one verification. */
export function verifyText(json: VerifyJson, lang: Lang, file: string): string {
  const town = json.town ?? file;
  const year = json.year ?? '';
  const lines = json.consistent
    ? [t({ code: 'verify.consistent', params: { town, year, version: json.version ?? '?', at: json.computedAt ?? '?' } }, lang)]
    : [t({ code: 'verify.inconsistent', params: { town, year, count: json.differences.length + json.omitted } }, lang), ...json.differences.map((d) => `  - ${d.message}`)];
  if (json.omitted > 0) lines.push(`  ${t({ code: 'verify.omitted', params: { count: json.omitted } }, lang)}`);
  if (json.warnings.length > 0) lines.push(t({ code: 'verify.warnings' }, lang), ...json.warnings.map((w) => `  - ${w.message}`));
  return lines.join('\n');
}

/** Runs `verify`; returns the exit code. */
export async function runVerify(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCityArgs(argv, ['--json'], false);
  if ('error' in parsed) {
    io.stderr(`${t(parsed.error, parsed.lang)}\n${usageText(parsed.lang)}`);
    return 2;
  }
  const { files, flags, lang } = parsed;
  if (files.length > 1) {
    io.stderr(`${t({ code: 'cli.extraArgument', params: { arg: files[1] } }, lang)}\n${usageText(lang)}`);
    return 2;
  }
  const json = flags.has('--json');
  const verified = await verifyFile(files[0], lang, io.now());
  if ('error' in verified) {
    const message = t(verified.error, lang);
    io.stderr(message);
    if (json) io.stdout(JSON.stringify(unverifiedJson(message), null, 2));
    return 1;
  }
  const rendered = verifyJson(verified.report, lang);
  if (json) io.stdout(JSON.stringify(rendered, null, 2));
  else io.stdout(verifyText(rendered, lang, files[0]));
  return rendered.consistent ? 0 : 1;
}
