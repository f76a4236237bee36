/**
 * The JSON document of the command line (WORKBOOK "Command line"), field for field and
 * in the order shown there. Sentences are rendered in the chosen language.
 */
import { issueText, t } from '../messages';
import type { AssessmentResult, Issue, JsonReport, Lang } from '../types';
import { round2 } from '../numbers';
import { vetoLine } from './words';
import { previousJson, unitAnalysisJson } from './analysisJson';
import type { Analysis } from '../analysis';

function issueEntry(issue: Issue, lang: Lang): JsonReport['warnings'][number] {
  return { sheet: issue.sheet, cell: issue.cell, message: issueText(issue, lang) };
}

/**
 * Builds the JSON report; with errors (or no result) units, interviews and assistance
 * are empty arrays. Cost: O(units × (dimensions + vetoes) + issues).
 * @example toJson(null, [error], 'zh').errors[0].message // => '考核数据!F7：…'
 */
export function toJson(result: AssessmentResult | null, issues: Issue[], lang: Lang, analysis: Analysis | null = null): JsonReport {
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => issueEntry(i, lang));
  const errors = issues.filter((i) => i.severity === 'error').map((i) => issueEntry(i, lang));
  if (!result || errors.length > 0) {
    return { year: result ? result.params.year : null, units: [], interviews: [], assistance: [], warnings, errors, previous: null };
  }
  const report: JsonReport = {
    year: result.params.year,
    units: result.units.map((unit, k) => ({
      name: unit.name,
      type: unit.type,
      rank: unit.rank,
      total: round2(unit.total),
      converted: unit.converted === null ? null : round2(unit.converted),
      grade: unit.grade,
      eligible: unit.eligible,
      interview: unit.interview,
      vetoes: unit.vetoes.map((veto) => ({ category: veto.category, text: t(veto.text, lang), evidence: veto.evidence })),
      dimensions: Object.fromEntries(result.dimensions.map((dim) => [dim, round2(unit.dimensions[dim] ?? 0)])),
      ...(analysis ? unitAnalysisJson(analysis, k) : {}),
    })),
    interviews: result.interviews.map((interview) => ({
      unit: interview.unit,
      person: interview.person ?? null,
      reasons: interview.vetoes.map((veto) => vetoLine(veto, lang)),
      deadline: interview.deadline,
    })),
    assistance: (result.assistance ?? []).map((unit) => ({
      name: unit.name,
      village: unit.village,
      passed: unit.passed,
      items: unit.items.map((item) => ({ item: item.item, passed: item.passed, fact: t(item.fact, lang) })),
    })),
    warnings,
    errors,
    ...(analysis ? { previous: previousJson(analysis) } : {}),
  };
  return report;
}
