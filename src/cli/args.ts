/**
 * Command-line arguments (WORKBOOK "Command line"), parsed without side effects:
 *
 *   compute <in.xlsx> [-o <out.xlsx>] [--json] [--force] [--lang zh|en] [--previous <last-year-result.xlsx>]
 *   template <out.xlsx> [--demo] [--force] [--lang zh|en]
 *   --help | -h
 *
 * Problems come back as data (a message code), never thrown.
 */
import type { Lang, Msg } from '../core/types';

export type CliCommand =
  | { kind: 'help'; lang: Lang }
  | { kind: 'compute'; input: string; output: string | null; json: boolean; force: boolean; lang: Lang; previous?: string | null }
  | { kind: 'template'; output: string; demo: boolean; force: boolean; lang: Lang };

/** `json`: the arguments asked for --json, so even a usage error is told as one JSON document. */
export type ParsedArgs = (CliCommand | { kind: 'usage'; error: Msg; lang: Lang }) & { json?: boolean };

const OPTIONS: Record<'compute' | 'template', ReadonlySet<string>> = {
  compute: new Set(['-o', '--output', '--json', '--force', '--lang', '--previous']),
  template: new Set(['--demo', '--force', '--lang']),
};

/** `--lang=en` → ['--lang', 'en']; everything else unchanged. */
function splitEquals(argv: string[]): string[] {
  return argv.flatMap((arg) => (/^--[a-z]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
}

/** The language asked for, if it is valid (so a usage error is told in that language). */
function requestedLang(argv: string[]): Lang {
  const at = argv.indexOf('--lang');
  return at >= 0 && argv[at + 1] === 'en' ? 'en' : 'zh';
}

/**
 * Parses argv (without `node` and the script). Cost: O(arguments).
 * @example parseArgs(['compute', 'a.xlsx', '--json']) // => { kind: 'compute', input: 'a.xlsx', output: null, json: true, force: false, lang: 'zh' }
 * @example parseArgs(['frobnicate']).kind // => 'usage'
 */
export function parseArgs(rawArgv: string[]): ParsedArgs {
  const argv = splitEquals(rawArgv);
  const lang = requestedLang(argv);
  const json = argv.includes('--json');
  const usage = (error: Msg): ParsedArgs => ({ kind: 'usage', error, lang, json });
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', lang, json };
  const [command, ...rest] = argv;
  if (command === undefined) return usage({ code: 'cli.noCommand' });
  if (command !== 'compute' && command !== 'template') return usage({ code: 'cli.unknownCommand', params: { command } });

  const allowed = OPTIONS[command];
  const files: string[] = [];
  const flags = new Set<string>();
  let output: string | null = null;
  let previous: string | null = null;
  let chosenLang: Lang = 'zh';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('-') && arg !== '-') {
      if (!allowed.has(arg)) return usage({ code: 'cli.unknownOption', params: { option: arg } });
      if (arg === '-o' || arg === '--output' || arg === '--lang' || arg === '--previous') {
        const value = rest[i + 1];
        if (value === undefined || (value.startsWith('-') && value !== '-')) return usage({ code: 'cli.missingValue', params: { option: arg } });
        i++;
        if (arg === '--lang') {
          if (value !== 'zh' && value !== 'en') return usage({ code: 'cli.badLang', params: { lang: value } });
          chosenLang = value;
        } else if (arg === '--previous') previous = value;
        else output = value;
      } else flags.add(arg);
    } else files.push(arg);
  }
  if (files.length === 0) return usage({ code: 'cli.missingFile' });
  if (files.length > 1) return usage({ code: 'cli.extraArgument', params: { arg: files[1] } });
  if (command === 'compute') {
    return { kind: 'compute', input: files[0], output, json: flags.has('--json'), force: flags.has('--force'), lang: chosenLang, ...(previous !== null ? { previous } : {}) };
  }
  return { kind: 'template', output: files[0], demo: flags.has('--demo'), force: flags.has('--force'), lang: chosenLang };
}
