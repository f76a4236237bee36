/**
 * The ribbon command 计算排名 (ExecuteFunction `computeRanking`, no shared runtime):
 * read → assess → write in one click, then a small dialog tells the user what happened —
 * the grade counts and interviews, or the first input errors with their cells and a hint
 * to open the pane. `event.completed()` is always called, also on failure.
 */
// The ribbon's function file runs in EdgeHTML on retail Office 2016/2019: the ES5 runtime first.
import '../legacy/polyfills';
import '../legacy/zodConfig';
import { issueText, summarizeReport, t, type AssessOutcome } from '../core';
import type { Grade, Lang } from '../core/types';
import { createOfficePort, officeErrorMsg, runAssessmentInExcel } from '../io/office';
import { dialogUrl, type DialogContent } from './dialogContent';

/** Input errors listed in the dialog before "… and N more". */
export const ERRORS_SHOWN = 5;

/**
 * The UI language from Office's display language: English for `en-*`, else Chinese.
 * @example langFromDisplay('en-US') // => 'en'
 * @example langFromDisplay('zh-CN') // => 'zh'
 */
export function langFromDisplay(displayLanguage: string | undefined): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * What the dialog says after a run: counts by grade and interviews, or the first errors.
 * @example commandSummary(outcome, 'zh').title // => '考核结果已生成'
 */
export function commandSummary(outcome: AssessOutcome, lang: Lang): DialogContent {
  const close = t({ code: 'ui.command.close' }, lang);
  if (!outcome.ok || !outcome.result) {
    const errors = outcome.issues.filter((issue) => issue.severity === 'error');
    const lines = [
      t({ code: 'ui.command.errors', params: { count: errors.length } }, lang),
      ...errors.slice(0, ERRORS_SHOWN).map((issue) => issueText(issue, lang)),
    ];
    if (errors.length > ERRORS_SHOWN) lines.push(t({ code: 'ui.command.moreErrors', params: { count: errors.length - ERRORS_SHOWN } }, lang));
    lines.push(t({ code: 'ui.command.openPane' }, lang));
    return { lang, kind: 'errors', title: t({ code: 'ui.command.titleErrors' }, lang), lines, close };
  }
  const summary = summarizeReport(outcome.json, outcome.result.assistance !== null);
  const count = (grade: Grade): number => summary.byGrade[grade].length;
  const lines = [
    t(
      {
        code: 'ui.command.done',
        params: {
          units: summary.units,
          good: count('好'),
          fair: count('较好'),
          average: count('一般'),
          poor: count('较差'),
          interviews: summary.interviews.length,
          sheet: outcome.plan?.add[0]?.name ?? '',
        },
      },
      lang,
    ),
  ];
  for (const renamed of outcome.plan?.renamed ?? []) lines.push(t({ code: 'ui.command.renamed', params: renamed }, lang));
  const warnings = summary.warnings;
  if (warnings > 0) lines.push(t({ code: 'ui.command.warnings', params: { count: warnings } }, lang));
  return { lang, kind: 'done', title: t({ code: 'ui.command.titleDone' }, lang), lines, close };
}

/** What the dialog says when Excel refused (the Office error in our words). */
export function failureSummary(error: unknown, lang: Lang): DialogContent {
  return {
    lang,
    kind: 'failed',
    title: t({ code: 'ui.command.titleFailed' }, lang),
    lines: [t({ code: 'ui.command.failed', params: { reason: t(officeErrorMsg(error), lang) } }, lang)],
    close: t({ code: 'ui.command.close' }, lang),
  };
}

/**
 * How long the summary dialog may stay open before the command gives up on it: Office ends
 * an add-in command after 5 minutes, so a lost dialog event must not keep the button busy.
 */
export const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

/**
 * Opens our dialog page and resolves when the user closes it, when `timeoutMs` has passed
 * (the dialog is then closed), or at once when no dialog can be shown (e.g. another one is
 * open). Never rejects; resolves once.
 */
export function showDialog(url: string, timeoutMs: number = DIALOG_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let dialog: Office.Dialog | null = null;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed.
      }
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    try {
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          finish();
          return;
        }
        dialog = result.value;
        if (done) {
          // Timed out before Office opened it: close it now.
          try {
            dialog.close();
          } catch {
            // Already closed.
          }
          return;
        }
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch {
      finish();
    }
  });
}

/** The page the function file runs in, to place dialog.html beside it. */
function pageAddress(): string {
  return typeof location !== 'undefined' ? location.href : 'https://localhost:3000/commands.html';
}

/**
 * The handler of the 计算排名 button. Cost: 6 syncs for an ordinary workbook, then a dialog
 * (closed after DIALOG_TIMEOUT_MS at the latest).
 * Never throws; calls `event.completed()` exactly once.
 */
export async function computeRanking(event: { completed: () => void }): Promise<void> {
  const lang = langFromDisplay(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  try {
    let content: DialogContent;
    try {
      const outcome = await runAssessmentInExcel(createOfficePort(), { lang, now: new Date() });
      content = commandSummary(outcome, lang);
    } catch (error) {
      content = failureSummary(error, lang);
    }
    await showDialog(dialogUrl(content, pageAddress()));
  } finally {
    event.completed();
  }
}

/** Registers the handler: Office.actions.associate, and a global of the same name for older Office. */
export function registerCommands(): void {
  (globalThis as Record<string, unknown>).computeRanking = computeRanking;
  if (typeof Office === 'undefined') return;
  void Office.onReady(() => {
    if (Office.actions?.associate) Office.actions.associate('computeRanking', computeRanking);
  });
}

registerCommands();
