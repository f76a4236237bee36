/**
 * The modern bundle of the WPS add-in's entry page: defines window.kaoheWps, which the ES5
 * ribbon callbacks (ribbon.ts) use for 计算排名. That this script ran at all is the
 * feature test for the modern pane (see ribbon.ts).
 *
 * 计算排名 is the same path as in Excel (runAssessmentInExcel over the WPS port) and says
 * the same sentences as Excel's ribbon command (commandSummary / failureSummary).
 */
import { commandSummary, failureSummary } from '../commands/commands';
import type { Lang } from '../core/types';
import { runAssessmentInExcel } from '../io/office';
import { createWpsPort, wpsApplicationOf } from '../io/wps';
import { langFromLocale } from '../taskpane/lang';
import type { CommandReport, KaoheWpsApi } from './ribbon';

/**
 * Runs the assessment in the active WPS workbook and says what happened. Never rejects.
 * @example await computeRankingInWps(window.Application, 'zh', new Date()) // => { title: '考核结果已生成', lines: [...], openPane: false }
 */
export async function computeRankingInWps(scope: unknown, lang: Lang, now: Date): Promise<CommandReport> {
  try {
    const app = wpsApplicationOf(scope);
    if (!app) throw new ReferenceError('Application is not defined (not in WPS 表格)');
    const outcome = await runAssessmentInExcel(createWpsPort(app), { lang, now });
    const content = commandSummary(outcome, lang);
    return { title: content.title, lines: content.lines, openPane: !outcome.ok };
  } catch (error) {
    const content = failureSummary(error, lang);
    return { title: content.title, lines: content.lines, openPane: false };
  }
}

/** The API the ribbon callbacks find on window.kaoheWps. */
export function kaoheWpsApi(scope: unknown, lang: Lang): KaoheWpsApi {
  return {
    lang,
    computeRanking: () => computeRankingInWps(scope, lang, new Date()),
    describe: (error) => {
      const content = failureSummary(error, lang);
      return `${content.title}\n\n${content.lines.join('\n')}`;
    },
  };
}

if (typeof window !== 'undefined') {
  (window as unknown as { kaoheWps: KaoheWpsApi }).kaoheWps = kaoheWpsApi(window, langFromLocale(navigator.language));
}
