/**
 * Every sentence Kaohe shows a person — errors, warnings, veto texts, facts, notes —
 * keyed by code, Chinese and English side by side. The pane, the sheets and the CLI
 * all render through `t()`, so they print the same sentence.
 *
 * Placeholders are `{name}`; values are inserted as given (format numbers before).
 */
import type { Issue, Lang, Msg, MsgParams } from './types';

const catalog = {
  // ── generic ──
  'generic.text': { zh: '{text}', en: '{text}' },
  'generic.location': { zh: '{sheet}!{cell}：{message}', en: '{sheet}!{cell}: {message}' },
  'generic.sheetLocation': { zh: '{sheet}：{message}', en: '{sheet}: {message}' },

  // ── reading: sheets and headers (read/*) ──
  // @section read

  // ── reading: values (read/values.ts) ──
  // @section values

  // ── compute: scoring, vetoes, ranking, grades (compute/*) ──
  // @section compute

  // ── assistance checks (compute/assistance*.ts) ──
  // @section assistance

  // ── output sheets, write plan, CLI (report/*, cli) ──
  // @section report

  // ── task pane and ribbon command (taskpane/*, commands/*) ──
  // @section ui
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof catalog;

/** All codes, for tests that check both languages are filled in. */
export const messageCodes = Object.keys(catalog) as MessageCode[];

function fill(template: string, params: MsgParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/**
 * Renders a message in a language.
 * @example t({ code: 'generic.text', params: { text: '好' } }, 'zh') // => '好'
 */
export function t(msg: Msg, lang: Lang): string {
  const entry = catalog[msg.code];
  return fill(entry[lang], msg.params);
}

/**
 * Renders an issue with its location, e.g. `考核数据!F7：应为 0–100% 的比率，实际为"九十"`.
 */
export function issueText(issue: Issue, lang: Lang): string {
  const message = t(issue, lang);
  if (!issue.sheet) return message;
  if (!issue.cell) return t({ code: 'generic.sheetLocation', params: { sheet: issue.sheet, message } }, lang);
  return t({ code: 'generic.location', params: { sheet: issue.sheet, cell: issue.cell, message } }, lang);
}
