/**
 * What the pane shows after a successful run, distilled from an AssessOutcome: the units
 * graded 好, 一般 and 较差, the interview list, the assistance units that failed, the
 * warning count, and the result sheets under their final names. Pure.
 */
import { summarizeReport, type AssessOutcome } from '../core';
import type { AssistanceItemKey, Grade } from '../core/types';
import { analysisSummary, type AnalysisSummary } from './analysisSummary';

/** The grades the summary names, in the order shown. */
export const SUMMARY_GRADES = ['好', '一般', '较差'] as const satisfies readonly Grade[];
export type SummaryGrade = (typeof SUMMARY_GRADES)[number];

export interface InterviewLine {
  unit: string;
  person: string | null;
  deadline: string;
}

export interface FailedAssistance {
  name: string;
  village: string;
  /** Items not met (an item 不适用 is never listed). */
  items: AssistanceItemKey[];
}

export interface RunSummary {
  /** Unit names per grade, in rank order. */
  byGrade: Record<SummaryGrade, string[]>;
  interviews: InterviewLine[];
  /** Null when the workbook has no 帮扶单位 sheet. */
  failedAssistance: FailedAssistance[] | null;
  warnings: number;
  /** Visible result sheets written, final names, tab order. */
  sheets: string[];
  renamed: { wanted: string; actual: string }[];
  /** The chart, radar and robustness lines (issue 13); null when the outcome has no analysis. */
  analysis: AnalysisSummary | null;
}

/**
 * Summarises a successful outcome; null when the outcome has no result (input errors).
 * Cost: O(units + interviews + assistance items).
 * @example summarize(outcome)?.byGrade.好 // => ['龙源村', '梅池村', '黄金村']
 */
export function summarize(outcome: AssessOutcome): RunSummary | null {
  const result = outcome.result;
  if (!outcome.ok || !result) return null;
  const summary = summarizeReport(outcome.json, result.assistance !== null);
  const byGrade = { 好: summary.byGrade.好, 一般: summary.byGrade.一般, 较差: summary.byGrade.较差 };
  const failedAssistance = summary.failedAssistance?.map((unit) => ({ ...unit, items: unit.items.map((item) => item.item) })) ?? null;
  const plan = outcome.plan;
  return {
    byGrade,
    interviews: summary.interviews.map((iv) => ({ unit: iv.unit, person: iv.person, deadline: iv.deadline })),
    failedAssistance,
    warnings: summary.warnings,
    sheets: plan ? plan.add.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name) : outcome.sheets.map((sheet) => sheet.name),
    renamed: plan ? plan.renamed : [],
    analysis: outcome.analysis ? analysisSummary(result, outcome.analysis) : null,
  };
}
