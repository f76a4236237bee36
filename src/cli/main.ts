/**
 * Kaohe's command line (WORKBOOK "Command line"), run as `npm run cli -- …`.
 *
 *   compute <in.xlsx> [-o <out.xlsx>] [--json] [--lang zh|en]
 *   template <out.xlsx> [--demo] [--force]
 *
 * Exit codes: 0 success; 1 input errors, an unreadable or missing input file, an existing
 * template file without --force, a failed write (nothing written); 2 usage errors.
 * With --json, stdout holds exactly one JSON document; everything else goes to stderr.
 */
import { assess, sheetsToRead } from '../core/index';
import { issueText, t } from '../core/messages';
import { planWrite, templateSheets } from '../core/report';
import type { Lang, Msg } from '../core/types';
import { newWorkbook, openWorkbook, type ExcelJsWorkbook } from '../io/exceljs';
import { parseArgs, type CliCommand } from './args';
import { defaultOutputPath, fileExists, readWorkbookFile, samePath, writeFileBytes } from './files';
import { summaryText } from './summary';
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
 * Runs one command and returns the exit code. Never throws for user mistakes.
 * @example await run(['--help']) // => 0
 */
export async function run(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'usage':
      io.stderr(`${t(parsed.error, parsed.lang)}\n${t({ code: 'cli.usage' }, parsed.lang)}`);
      return 2;
    case 'help':
      io.stdout(t({ code: 'cli.usage' }, parsed.lang));
      return 0;
    case 'template':
      return runTemplate(parsed, io);
    case 'compute':
      return runCompute(parsed, io);
  }
}

async function runTemplate(command: Extract<CliCommand, { kind: 'template' }>, io: CliIo): Promise<number> {
  const say = (msg: Msg) => t(msg, command.lang);
  if (!command.force && (await fileExists(command.output))) {
    io.stderr(say({ code: 'cli.outputExists', params: { file: command.output } }));
    return 1;
  }
  const book = newWorkbook();
  await book.apply({ remove: [], add: templateSheets(command.demo), renamed: [] });
  const failed = await writeFileBytes(command.output, await book.toBuffer());
  if (failed) {
    io.stderr(say(failed));
    return 1;
  }
  io.stderr(say({ code: 'cli.templateWritten', params: { file: command.output } }));
  return 0;
}

async function openInput(file: string): Promise<{ book: ExcelJsWorkbook } | { error: Msg }> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { error: read.error };
  try {
    return { book: await openWorkbook(read.bytes) };
  } catch {
    return { error: { code: 'cli.notXlsx', params: { file } } };
  }
}

async function runCompute(command: Extract<CliCommand, { kind: 'compute' }>, io: CliIo): Promise<number> {
  const lang: Lang = command.lang;
  const say = (msg: Msg) => t(msg, lang);
  const output = command.output ?? defaultOutputPath(command.input);
  if (samePath(output, command.input)) {
    io.stderr(`${say({ code: 'cli.sameAsInput', params: { file: output } })}\n${say({ code: 'cli.usage' })}`);
    return 2;
  }
  const opened = await openInput(command.input);
  if ('error' in opened) {
    io.stderr(say(opened.error));
    if (command.json) {
      const message = say(opened.error);
      io.stdout(JSON.stringify({ year: null, units: [], interviews: [], assistance: [], warnings: [], errors: [{ sheet: '', cell: '', message }] }, null, 2));
    }
    return 1;
  }
  const { book } = opened;
  const snapshot = await book.read((names) => sheetsToRead(names));
  const last = command.previous ? await loadPrevious(command.previous, lang, io, command.json) : null;
  if (last && !last.ok) return 1;
  const outcome = assess(snapshot, { lang, now: io.now(), previous: last ? last.previous : null });
  if (!outcome.ok || !outcome.plan) {
    const errors = outcome.issues.filter((issue) => issue.severity === 'error');
    if (command.json) io.stdout(JSON.stringify(outcome.json, null, 2));
    else io.stderr([say({ code: 'cli.inputErrors', params: { count: errors.length } }), ...errors.map((e) => `  - ${issueText(e, lang)}`)].join('\n'));
    return 1;
  }

  const json = outcome.json;
  let target = book;
  let plan = outcome.plan;
  const notices: string[] = [];
  if (book.uncarriable.length > 0) {
    target = newWorkbook();
    plan = planWrite({ sheetNames: [], sheets: {} }, outcome.sheets);
    const parts = book.uncarriable.map((kind) => say({ code: `report.part.${kind}` })).join(lang === 'zh' ? '、' : ', ');
    const notice = say({ code: 'cli.uncarriable', params: { parts, file: output } });
    notices.push(notice);
    json.warnings.push({ sheet: '', cell: '', message: notice });
  }
  for (const { wanted, actual } of plan.renamed) notices.push(say({ code: 'cli.renamed', params: { wanted, actual } }));

  await target.apply(plan);
  const failed = await writeFileBytes(output, await target.toBuffer());
  if (failed) {
    io.stderr(say(failed));
    return 1;
  }
  const written = say({ code: 'cli.written', params: { file: output } });
  if (command.json) {
    io.stdout(JSON.stringify(json, null, 2));
    io.stderr([...notices, written].join('\n'));
  } else {
    if (notices.length > 0) io.stderr(notices.join('\n'));
    io.stdout([summaryText(json, lang), '', written].join('\n'));
  }
  return 0;
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
