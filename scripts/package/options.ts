/**
 * Reads the command line of `npm run package` into options, collecting every problem
 * (errors as data) instead of stopping at the first.
 */
import type { Msg } from '../../src/core/types';
import { normaliseBaseUrl } from './base-url';
import { isOfficeJsChoice, type OfficeJsChoice } from './officejs';
import { parseVersion } from './version';

export interface PackageOptions {
  /** HTTPS folder address, always ending in `/`. */
  baseUrl: string;
  officejs: OfficeJsChoice;
  /** Explicit four-part version, or null for the next counter version. */
  version: string | null;
  /** Output folder for packages (default `pkg`). */
  outDir: string;
  /** Source manifest (default `manifest.xml`). */
  manifestPath: string;
  /** Which add-in: `excel` (default, Office.js) or `wps` (WPS 表格 jsaddon, scripts/package/wps.ts). */
  host?: 'excel' | 'wps';
}

export type OptionsResult =
  | { ok: true; options: PackageOptions; notes: Msg[] }
  | { ok: false; problems: Msg[]; help: boolean };

const VALUE_OPTIONS = ['--base-url', '--officejs', '--version', '--out', '--manifest', '--host'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/**
 * Parses `--name value` and `--name=value` forms. `--help` yields `{ ok: false, help: true }`
 * with no problems. Cost: linear in the arguments.
 * @example parsePackageArgs(['--base-url', 'https://example.org/kaohe/']).ok // => true
 */
export function parsePackageArgs(argv: string[]): OptionsResult {
  const values: Partial<Record<ValueOption, string>> = {};
  const problems: Msg[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') return { ok: false, problems: [], help: true };
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      problems.push({ code: 'package.option.unknown', params: { found: arg } });
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      problems.push({ code: 'package.option.missingValue', params: { option: name } });
      continue;
    }
    if (inline === undefined) index++;
    values[name as ValueOption] = value;
  }

  const notes: Msg[] = [];
  const base = normaliseBaseUrl(values['--base-url']);
  if (base.ok) notes.push(...base.notes);
  else problems.push(base.problem);

  const officejs = values['--officejs'] ?? 'global';
  if (!isOfficeJsChoice(officejs)) problems.push({ code: 'package.officejs.invalid', params: { found: officejs } });

  const version = values['--version'] ?? null;
  if (version !== null && !parseVersion(version)) problems.push({ code: 'package.version.invalid', params: { found: version } });

  const host = values['--host'] ?? 'excel';
  if (host !== 'excel' && host !== 'wps') problems.push({ code: 'package.host.invalid', params: { found: host } });

  if (problems.length > 0 || !base.ok || !isOfficeJsChoice(officejs) || (host !== 'excel' && host !== 'wps')) return { ok: false, problems, help: false };
  return {
    ok: true,
    notes,
    options: {
      baseUrl: base.url,
      officejs,
      version: version === null ? null : version.trim(),
      outDir: values['--out'] ?? 'pkg',
      manifestPath: values['--manifest'] ?? 'manifest.xml',
      host,
    },
  };
}
