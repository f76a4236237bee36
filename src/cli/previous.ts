/**
 * `compute --previous <last-year-result.xlsx>` (issue 13 §3): reads last year's result —
 * Kaohe's 考核结果, or any sheet with 单位, 排名, 总分, 等次 — from another workbook. A file
 * that cannot be read is an error like an input error: nothing is written, exit code 1.
 */
import path from 'node:path';
import { pickPreviousSheet, PREVIOUS_SHEET, readPrevious, type PreviousYear } from '../core/analysis';
import { issueText, t } from '../core/messages';
import type { Issue, Lang, Msg } from '../core/types';
import { openWorkbook, XlsxError } from '../io/xlsx/index';
import { readWorkbookFile } from './files';
import type { CliIo } from './main';

export type PreviousOutcome = { ok: true; previous: PreviousYear } | { ok: false };

/** Tells the errors on stderr (and as the JSON document with --json). */
function fail(errors: Issue[] | Msg, lang: Lang, io: CliIo, json: boolean): PreviousOutcome {
  const lines = Array.isArray(errors) ? errors.map((e) => issueText(e, lang)) : [t(errors, lang)];
  io.stderr([t({ code: 'cli.previous.failed', params: { count: lines.length } }, lang), ...lines.map((l) => `  - ${l}`)].join('\n'));
  if (json) {
    const list = Array.isArray(errors) ? errors.map((e) => ({ sheet: e.sheet, cell: e.cell, message: issueText(e, lang) })) : [{ sheet: '', cell: '', message: lines[0] }];
    io.stdout(JSON.stringify({ year: null, units: [], interviews: [], assistance: [], warnings: [], errors: list, previous: null }, null, 2));
  }
  return { ok: false };
}

/**
 * Reads last year's result from `file`. Cost: one workbook read (only 考核结果 when it
 * exists). Never throws.
 * @example (await loadPrevious('2017-考核结果.xlsx', 'zh', io, false)).ok // => true
 */
export async function loadPrevious(file: string, lang: Lang, io: CliIo, json: boolean): Promise<PreviousOutcome> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return fail(read.error, lang, io, json);
  let snapshot;
  try {
    const book = await openWorkbook(read.bytes);
    snapshot = await book.read((names: string[]) => (names.includes(PREVIOUS_SHEET) ? [PREVIOUS_SHEET] : names));
  } catch (err) {
    return fail(err instanceof XlsxError ? err.msg : { code: 'cli.notXlsx', params: { file } }, lang, io, json);
  }
  const sheet = pickPreviousSheet(snapshot.sheets, snapshot.sheetNames);
  if (!sheet) return fail({ code: 'analysis.previous.noSheet' }, lang, io, json);
  const { previous, issues } = readPrevious(snapshot.sheets[sheet], path.basename(file));
  if (!previous) return fail(issues, lang, io, json);
  return { ok: true, previous };
}
