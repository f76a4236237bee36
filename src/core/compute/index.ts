/**
 * compute: from a validated AssessmentInput to an AssessmentResult.
 *
 *   score (scoreUnits) → vetoes → rank → grade → interviews → assistance
 *
 * Each step is a module with one job and trusts a validated input; this file assembles
 * them and builds the result objects.
 */
import type { AssessmentInput, AssessmentResult, Issue, UnitResult } from '../types';
import { checkAssistance } from './assistance';
import { gradeUnits } from './grade';
import { interviewList } from './interviews';
import { rankUnits } from './rank';
import { scoreUnits } from './scoreUnits';
import { UnitResultOf, type UnitRun } from './unitResult';
import { prominentProblems, vetoCollector } from './vetoes';

export { round2 } from './round';
export { formatNumber, formatValue } from './format';
export { addDays } from './dates';
export { ASSISTANCE_ITEMS, checkAssistance, checkAssistanceRow, checkItem } from './assistance';
export { interviewList, interviewReason } from './interviews';
export { gradeUnits, type GradeInput, type Grading } from './grade';
export { rankUnits, tiedWith, type Ranking, type RankInput, type BrokenTie } from './rank';
export { scoreUnits, dimensionsOf, extremesOf, type BlockVisitor, type ScoredUnits } from './scoreUnits';
export { UnitResultOf, type UnitRun } from './unitResult';
export { firstCell, indicatorVeto, problemVeto, prominentProblems, triggersVeto, unitVetoes, vetoCollector } from './vetoes';

/**
 * Computes the whole assessment. Never throws on valid input.
 *
 * Cost: O(units × indicators + units · log units · tie-break dimensions).
 * @example compute(input).units[0] // => { name: '龙源村', rank: 1, total: 96.5, grade: '好', … }
 */
export function compute(input: AssessmentInput): AssessmentResult {
  const { params, indicators, units } = input;
  const vetoFinder = vetoCollector(indicators, units);
  const scored = scoreUnits(indicators, units, vetoFinder.visit);
  const vetoes = vetoFinder.finish(input.problems);
  const prominent = prominentProblems(units, input.problems);
  const names = units.map((unit) => unit.name);

  const ranking = rankUnits({
    names,
    types: units.map((unit) => unit.type),
    total: scored.total,
    dimensionRounded: scored.dimensionRounded,
    dimensions: scored.dimensions,
    tieBreak: params.tieBreak,
    rankByType: params.rankByType,
  });
  const eligible = vetoes.map((list) => list.length === 0);
  const grading = gradeUnits(ranking, {
    names,
    nameCells: units.map((unit) => unit.nameCell),
    eligible,
    prominent,
    goodQuota: params.goodQuota,
    averageQuota: params.averageQuota,
    tieMode: params.tieMode,
    dataSheet: input.roles.data,
  });

  const pointsSum = indicators.reduce((sum, indicator) => sum + indicator.points, 0);
  const conversion = params.conversion !== null && pointsSum > 0 ? params.conversion : null;
  const run: UnitRun = { units, scored, ranking, grading, vetoes, prominent, conversion, pointsSum };
  const results: UnitResult[] = new Array(units.length);
  // In input order (the input's objects are read in the order they sit in memory), each
  // placed at its rank position.
  for (let u = 0; u < units.length; u++) results[ranking.position[u]] = new UnitResultOf(run, u);

  const warnings: Issue[] = [...input.warnings, ...grading.warnings];
  return {
    params,
    indicators,
    dimensions: scored.dimensions,
    units: results,
    interviews: interviewList(results, params.date, params.deadlineDays),
    assistance: checkAssistance(input.assistance, params.assistance),
    warnings,
  };
}
