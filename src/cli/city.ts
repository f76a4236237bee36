/**
 * `city <town1.xlsx> <town2.xlsx> … -o <市汇总.xlsx> [--json] [--include-inconsistent]
 * [--force] [--lang zh|en]` (issue 14, docs/city.md): verify every town, then write one
 * workbook 汇总 / 全部单位 / 约谈汇总 / 帮扶单位汇总.
 *
 * Exit codes: 0 the report was written and every town is consistent; 1 some town is not
 * consistent or cannot be read (the report is still written with the towns it may hold),
 * or nothing was written (two files of the same town and year, no town to include, the
 * output exists without --force, the write failed); 2 usage errors (no -o, -o naming an
 * input, the same file twice, unknown options).
 */
import * as path from 'node:path';
import { planCity, type CityTown, type TownSummary } from '../core/city';
import { t } from '../core/messages';
import type { Lang, Msg } from '../core/types';
import { verifyJson, type VerifyJson } from '../core/verify';
import { newBook, writeBook } from './cityBooks';
import { fileExists, isSameFile } from './files';
import type { CliIo } from './main';
import { parseCityArgs, unverifiedJson, usageText, verifyFile } from './verify';

/** Most workbooks one run takes (each is loaded and recomputed in turn). */
export const MAX_TOWNS = 2000;

export interface CityJson {
  /** The file written, or null when nothing was written. */
  written: string | null;
  /** Every town consistent (and readable). */
  consistent: boolean;
  towns: (Omit<TownSummary, 'file'> & { file: string; verify: VerifyJson })[];
  /** Why nothing was written (e.g. two files of the same town and year). */
  errors: { file: string; message: string }[];
  /** Towns left out or included although inconsistent. */
  notes: { file: string; message: string }[];
}

/** Runs `city`; returns the exit code. */
export async function runCity(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCityArgs(argv, ['--json', '--include-inconsistent', '--force'], true);
  const usage = (error: Msg, lang: Lang) => {
    io.stderr(`${t(error, lang)}\n${usageText(lang)}`);
    return 2;
  };
  if ('error' in parsed) return usage(parsed.error, parsed.lang);
  const { files, output, flags, lang } = parsed;
  const say = (msg: Msg) => t(msg, lang);
  if (output === null) return usage({ code: 'city.missingOutput' }, lang);
  if (files.length > MAX_TOWNS) return usage({ code: 'city.tooMany', params: { max: MAX_TOWNS, count: files.length } }, lang);
  const input = files.find((file) => isSameFile(file, output));
  if (input) return usage({ code: 'city.outputIsInput', params: { file: input } }, lang);
  const twice = files.find((file, i) => files.findIndex((other) => isSameFile(other, file)) !== i);
  if (twice) return usage({ code: 'city.sameFile', params: { file: twice } }, lang);
  const json = flags.has('--json');
  if (!flags.has('--force') && fileExists(output)) {
    io.stderr(say({ code: 'cli.outputExists', params: { file: output } }));
    if (json) io.stdout(JSON.stringify({ written: null, consistent: false, towns: [], errors: [{ file: output, message: say({ code: 'cli.outputExists', params: { file: output } }) }], notes: [] }, null, 2));
    return 1;
  }

  // Verify each town in turn; keep only what the report needs (not the rebuilt sheets).
  const towns: CityTown[] = [];
  const unreadable = new Map<string, string>();
  for (const file of files) {
    const verified = await verifyFile(file, lang, io.now());
    const shown = path.basename(file);
    if ('error' in verified) {
      unreadable.set(shown, say(verified.error));
      towns.push({ file: shown, report: { consistent: false, town: null, year: null, version: null, computedAt: null, differences: [], omitted: 0, warnings: [], outcome: null } });
      continue;
    }
    const { report } = verified;
    if (report.outcome) report.outcome = { ...report.outcome, sheets: [], plan: null };
    towns.push({ file: shown, report });
    if (!json) {
      const line = say({ code: 'city.townLine', params: { status: say({ code: report.consistent ? 'city.status.ok' : 'city.status.bad' }), town: report.town ?? '?', year: report.year ?? '', file: shown } });
      const rendered = verifyJson(report, lang);
      io.stdout([line, ...rendered.differences.map((d) => `    - ${d.message}`), ...(rendered.omitted > 0 ? [`    ${say({ code: 'verify.omitted', params: { count: rendered.omitted } })}`] : [])].join('\n'));
    }
  }

  const plan = planCity(towns, { includeInconsistent: flags.has('--include-inconsistent') });
  const result: CityJson = {
    written: null,
    consistent: towns.every((town) => town.report.consistent),
    towns: plan.towns.map((summary, i) => ({
      ...summary,
      verify: unreadable.has(summary.file) ? unverifiedJson(unreadable.get(summary.file) as string) : verifyJson(towns[i].report, lang),
    })),
    errors: plan.errors.map((e) => ({ file: e.file, message: say(e.message) })),
    notes: plan.notes.map((n) => ({ file: n.file, message: unreadable.get(n.file) ?? say(n.message) })),
  };
  const finish = (code: number) => {
    if (json) io.stdout(JSON.stringify(result, null, 2));
    return code;
  };
  for (const note of result.notes) io.stderr(note.message);
  if (plan.errors.length > 0) {
    for (const e of result.errors) io.stderr(e.message);
    return finish(1);
  }
  if (plan.sheets.length === 0) {
    io.stderr(say({ code: 'city.nothing' }));
    return finish(1);
  }
  const book = newBook();
  await book.apply({ remove: [], add: plan.sheets, renamed: [] });
  const failed = writeBook(book, output);
  if (failed) {
    io.stderr(say(failed));
    result.errors.push({ file: output, message: say(failed) });
    return finish(1);
  }
  result.written = output;
  const included = plan.towns.filter((s) => s.included);
  const done = say({ code: 'city.written', params: { file: output, towns: included.length, units: included.reduce((sum, s) => sum + s.units, 0) } });
  if (json) io.stderr(done);
  else io.stdout(done);
  return finish(result.consistent ? 0 : 1);
}
