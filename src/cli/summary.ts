/**
 * The text-mode report of `compute`: ranking table (排名, 单位, 类型, 总分, 等次, 约谈),
 * interview list, assistance failures and warnings — built from the JSON report so the
 * terminal says exactly what --json says.
 */
import { t } from '../core/messages';
import { summarizeReport } from '../core/summary';
import type { MessageCode } from '../core/messages';
import type { JsonReport, Lang } from '../core/types';
import { formatTable } from './table';

/**
 * Renders the summary in a language. Cost: O(units + interviews + assistance + warnings).
 * @example summaryText(report, 'zh').startsWith('考核结果') // => true
 */
export function summaryText(report: JsonReport, lang: Lang): string {
  const say = (code: MessageCode, params?: Record<string, string | number>) => t({ code, params }, lang);
  const table = formatTable(
    ['cli.table.rank', 'cli.table.unit', 'cli.table.type', 'cli.table.total', 'cli.table.grade', 'cli.table.interview'].map((c) =>
      say(c as MessageCode),
    ),
    report.units.map((u) => [String(u.rank), u.name, u.type, u.total.toFixed(2), u.grade, say(u.interview ? 'cli.yes' : 'cli.no')]),
    ['right', 'left', 'left', 'right', 'left', 'left'],
  );
  const summary = summarizeReport(report, report.assistance.length > 0);
  const parts = [say('cli.heading.ranking'), table, '', say('cli.heading.interviews')];
  if (summary.interviews.length === 0) parts.push(say('cli.noInterviews'));
  for (const interview of summary.interviews) {
    parts.push(say('cli.interviewLine', { unit: interview.unit, person: interview.person ?? say('cli.unknownPerson'), deadline: interview.deadline }));
    for (const reason of interview.reasons) parts.push(`  - ${reason}`);
  }
  if (summary.failedAssistance) {
    parts.push('', say('cli.heading.assistance'));
    if (summary.failedAssistance.length === 0) parts.push(say('cli.assistanceAllPassed'));
    for (const unit of summary.failedAssistance) {
      parts.push(lang === 'zh' ? `${unit.name}（${unit.village}）` : `${unit.name} (${unit.village})`);
      for (const item of unit.items) parts.push(`  - ${item.item}${lang === 'zh' ? '：' : ': '}${item.fact}`);
    }
  }
  if (report.warnings.length > 0) {
    parts.push('', say('cli.heading.warnings'));
    for (const warning of report.warnings) parts.push(`  - ${warning.message}`);
  }
  return parts.join('\n');
}
