/**
 * The outcome of a run in a few lines — who is 好, 较好, 一般, 较差, who is interviewed and
 * why, which assistance units fell short — in one place for every front end: the pane's
 * summary (taskpane/summary.ts), the CLI's text report (cli/summary.ts) and the ribbon
 * command's dialog (commands/commands.ts). Built from the JSON report, so every front end
 * says exactly what `--json` says.
 */
import type { AssistanceItemKey, Grade, JsonReport } from './types';

export interface OutcomeSummary {
  /** Units assessed. */
  units: number;
  /** Unit names per grade, in rank order. */
  byGrade: Record<Grade, string[]>;
  interviews: { unit: string; person: string | null; deadline: string; reasons: string[] }[];
  /** Assistance units with an item not met, with those items; null without a 帮扶单位 sheet. */
  failedAssistance: { name: string; village: string; items: { item: AssistanceItemKey; fact: string }[] }[] | null;
  warnings: number;
  errors: number;
}

/**
 * Summarises a JSON report. `assistanceSheet` says whether the workbook had a 帮扶单位 sheet
 * (the report's empty list cannot tell). Cost: O(units + interviews + assistance items).
 * @example summarizeReport(outcome.json, true).byGrade.好 // => ['龙源村', '梅池村', '黄金村']
 */
export function summarizeReport(report: JsonReport, assistanceSheet: boolean): OutcomeSummary {
  const byGrade: Record<Grade, string[]> = { 好: [], 较好: [], 一般: [], 较差: [] };
  for (const unit of report.units) byGrade[unit.grade].push(unit.name);
  return {
    units: report.units.length,
    byGrade,
    interviews: report.interviews.map(({ unit, person, deadline, reasons }) => ({ unit, person, deadline, reasons })),
    failedAssistance: assistanceSheet
      ? report.assistance
          .filter((unit) => !unit.passed)
          .map((unit) => ({
            name: unit.name,
            village: unit.village,
            items: unit.items.filter((item) => item.passed === false).map(({ item, fact }) => ({ item, fact })),
          }))
      : null,
    warnings: report.warnings.length,
    errors: report.errors.length,
  };
}
