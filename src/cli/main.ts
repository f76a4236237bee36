/**
 * Kaohe's command line (WORKBOOK "Command line"), run as `npm run cli -- …`.
 *
 *   compute <in.xlsx> [-o <out.xlsx>] [--json] [--force] [--lang zh|en]
 *   template <out.xlsx> [--demo] [--force]
 *
 * Exit codes: 0 success; 1 input errors, an unreadable or missing input file, an existing
 * output Kaohe did not write (without --force), a failed write (nothing written); 2 usage
 * errors (including an output that is the input itself, by identity).
 * With --json, stdout holds exactly one JSON document on every path (usage and write errors
 * too: the compute document with `errors` filled); everything else goes to stderr.
 * The output is written atomically (cli/files.ts); the input file is only ever read.
 */
import { setFlagsFromString } from 'node:v8';
import { assess, sheetsToRead } from '../core/index';
import type { PreviousYear } from '../core/analysis';
import { issueText, t } from '../core/messages';
import { templateSheets } from '../core/report';
import type { JsonReport, Lang, Msg, WorkbookSnapshot, WritePlan } from '../core/types';
import { newWorkbook, openWorkbook, XlsxError, type XlsxWorkbook } from '../io/xlsx/index';
import { parseArgs, type CliCommand } from './args';
import { writeBook } from './cityBooks';
import { collect, collectIfGrown, enableCollections } from './heap';
import { defaultOutputPath, fileExists, isSameFile, readWorkbookFile } from './files';
import { summaryText } from './summary';
import { runCity } from './city';
import { runVerify, usageText } from './verify';
import { loadPrevious } from './previous';

/** Where the CLI prints; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now: () => Date;
}

const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  now: () => new Date(),
};

/**
 * The JSON document of a run that produced no result: the report's shape, `errors` filled.
 * @example errorDocument('找不到文件').errors[0].message // => '找不到文件'
 */
export function errorDocument(...messages: string[]): JsonReport {
  return { year: null, units: [], interviews: [], assistance: [], warnings: [], errors: messages.map((message) => ({ sheet: '', cell: '', message })) };
}

const jsonText = (doc: unknown): string => JSON.stringify(doc, null, 2);

/**
 * Runs one command and returns the exit code. Never throws for user mistakes.
 * @example await run(['--help']) // => 0
 */
export async function run(argv: string[], io: CliIo = nodeIo): Promise<number> {
  if (argv[0] === 'verify' && !argv.includes('--help') && !argv.includes('-h')) return runVerify(argv.slice(1), io);
  if (argv[0] === 'city' && !argv.includes('--help') && !argv.includes('-h')) return runCity(argv.slice(1), io);
  const parsed = parseArgs(argv);
  const json = parsed.json === true;
  try {
    switch (parsed.kind) {
      case 'usage': {
        const message = t(parsed.error, parsed.lang);
        io.stderr(`${message}\n${usageText(parsed.lang)}`);
        if (json) io.stdout(jsonText(errorDocument(message)));
        return 2;
      }
      case 'help':
        if (json) io.stdout(jsonText({ ...errorDocument(), usage: usageText(parsed.lang) }));
        else io.stdout(usageText(parsed.lang));
        return 0;
      case 'template':
        return await runTemplate(parsed, io);
      case 'compute':
        return await runCompute(parsed, io);
    }
  } catch (err) {
    const message = t({ code: 'files.unexpected', params: { reason: err instanceof Error ? err.message : String(err) } }, parsed.lang);
    io.stderr(err instanceof Error && err.stack ? err.stack : message);
    if (json) io.stdout(jsonText(errorDocument(message)));
    return 1;
  }
}

async function runTemplate(command: Extract<CliCommand, { kind: 'template' }>, io: CliIo): Promise<number> {
  const say = (msg: Msg) => t(msg, command.lang);
  if (!command.force && fileExists(command.output)) {
    io.stderr(say({ code: 'cli.outputExists', params: { file: command.output } }));
    return 1;
  }
  const book = newWorkbook();
  await book.apply({ remove: [], add: templateSheets(command.demo), renamed: [] });
  const failed = writeBook(book, command.output, collectIfGrown);
  if (failed) {
    io.stderr(say(failed));
    return 1;
  }
  io.stderr(say({ code: 'cli.templateWritten', params: { file: command.output } }));
  return 0;
}

async function openInput(file: string): Promise<{ book: XlsxWorkbook } | { error: Msg }> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { error: read.error };
  try {
    return { book: await openWorkbook(read.bytes) };
  } catch (err) {
    return { error: err instanceof XlsxError ? err.msg : { code: 'cli.notXlsx', params: { file } } };
  }
}

/** Whether an existing file may be replaced: Kaohe wrote it (it holds the registry sheet). */
async function writtenByKaohe(file: string): Promise<boolean> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return false;
  try {
    return (await openWorkbook(read.bytes)).writtenByKaohe;
  } catch {
    return false;
  }
}

/** A usage problem with the output name (exit 2), or null. */
function outputNameProblem(input: string, output: string, macroEnabled: boolean): Msg | null {
  if (isSameFile(input, output)) return { code: 'cli.sameAsInput', params: { file: output } };
  if (macroEnabled && !/\.xlsm$/i.test(output)) return { code: 'files.macroExtension', params: { file: output } };
  if (!macroEnabled && /\.xlsm$/i.test(output)) return { code: 'files.plainExtension', params: { file: output } };
  return null;
}

/**
 * Assesses the snapshot and keeps only what the rest of `compute` needs: the plan, and
 * what is printed after the write — the JSON document with --json, else the summary's
 * text. The outcome (results, input, analyses, the JSON document's objects) is not held
 * while the workbook is written, the peak of a large run (at 200,000 units × 40 the JSON
 * document alone is some 200 MB). Null after printing the input errors.
 */
function assessSnapshot(
  snapshot: WorkbookSnapshot,
  command: Extract<CliCommand, { kind: 'compute' }>,
  io: CliIo,
  previous: PreviousYear | null,
): { plan: WritePlan; json: JsonReport | null; summary: string } | null {
  const lang = command.lang;
  const outcome = assess(snapshot, { lang, now: io.now(), previous });
  if (!outcome.ok || !outcome.plan) {
    const errors = outcome.issues.filter((issue) => issue.severity === 'error');
    if (command.json) io.stdout(jsonText(outcome.json));
    else io.stderr([t({ code: 'cli.inputErrors', params: { count: errors.length } }, lang), ...errors.map((e) => `  - ${issueText(e, lang)}`)].join('\n'));
    return null;
  }
  return { plan: outcome.plan, json: command.json ? outcome.json : null, summary: command.json ? '' : summaryText(outcome.json, lang) };
}

async function runCompute(command: Extract<CliCommand, { kind: 'compute' }>, io: CliIo): Promise<number> {
  const lang: Lang = command.lang;
  const say = (msg: Msg) => t(msg, lang);
  const fail = (msg: Msg, code: number, doc?: JsonReport): number => {
    const message = say(msg);
    io.stderr(code === 2 ? `${message}\n${say({ code: 'cli.usage' })}` : message);
    if (command.json) {
      const out = doc ?? errorDocument();
      out.errors.push({ sheet: '', cell: '', message });
      io.stdout(jsonText(out));
    }
    return code;
  };
  if (command.output !== null && isSameFile(command.input, command.output)) return fail({ code: 'cli.sameAsInput', params: { file: command.output } }, 2);
  const opened = await openInput(command.input);
  if ('error' in opened) return fail(opened.error, 1);
  const { book } = opened;
  const output = command.output ?? defaultOutputPath(command.input).replace(/\.xlsx$/i, book.macroEnabled ? '.xlsm' : '.xlsx');
  const nameProblem = outputNameProblem(command.input, output, book.macroEnabled);
  if (nameProblem) return fail(nameProblem, 2);

  let snapshot: WorkbookSnapshot | null = await book.read((names) => sheetsToRead(names));
  const last = command.previous ? await loadPrevious(command.previous, lang, io, command.json) : null;
  if (last && !last.ok) return 1;
  const assessed = assessSnapshot(snapshot, command, io, last ? last.previous : null);
  snapshot = null; // what the result sheets still need of it, they hold
  if (assessed === null) return 1;
  const { plan, json, summary } = assessed;
  if (!command.force && fileExists(output) && !(await writtenByKaohe(output))) {
    return fail({ code: 'files.outputNotKaohe', params: { file: output } }, 1, json ?? undefined);
  }
  // Before the write's peak: the parsed sheets' and the assessment's garbage, and the bytes
  // of an earlier output read to tell whether Kaohe wrote it.
  collect();
  const notices = plan.renamed.map(({ wanted, actual }) => say({ code: 'cli.renamed', params: { wanted, actual } }));
  await book.apply(plan);
  const failed = writeBook(book, output, collectIfGrown);
  if (failed) return fail(failed, 1, json ?? undefined);

  const written = say({ code: 'cli.written', params: { file: output } });
  if (json) {
    io.stdout(jsonText(json));
    io.stderr([...notices, written].join('\n'));
  } else {
    if (notices.length > 0) io.stderr(notices.join('\n'));
    io.stdout([summary, '', written].join('\n'));
  }
  return 0;
}

if (require.main === module) {
  // V8 pretenures the allocation sites of 计算明细's rows and XML (their objects outlive a
  // young-generation collection while a band is written), so their garbage piles up in the
  // old generation until a full collection: at 20,000 units × 40 the write phase took the
  // peak from 344 MB to 603 MB. Without pretenuring it stays at 360 MB (and writes faster).
  setFlagsFromString('--no-allocation-site-pretenuring');
  enableCollections();
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (process.argv.includes('--json')) process.stdout.write(`${jsonText(errorDocument(String(err)))}\n`);
      process.exitCode = 1;
    },
  );
}
