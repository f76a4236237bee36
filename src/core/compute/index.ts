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
import { round2 } from './round';
import { scoreUnits } from './scoreUnits';
import { prominentProblems, unitVetoes } from './vetoes';

export { round2 } from './round';
export { formatNumber, formatValue } from './format';
export { addDays } from './dates';
export { ASSISTANCE_ITEMS, checkAssistance, checkAssistanceRow, checkItem } from './assistance';
export { interviewList, interviewReason } from './interviews';
export { gradeUnits, type GradeInput, type Grading } from './grade';
export { rankUnits, tiedWith, type Ranking, type RankInput, type BrokenTie } from './rank';
export { scoreUnits, dimensionsOf, extremesOf, type ScoredUnits } from './scoreUnits';
export { firstCell, indicatorVeto, problemVeto, prominentProblems, triggersVeto, unitVetoes } from './vetoes';

/**
 * Adds `scores` as an enumerable getter that builds the unit's IndicatorScore objects on
 * first read and keeps them (spreads and JSON see it like a plain property).
 */
function withLazyScores(unit: Omit<UnitResult, 'scores'>, make: () => UnitResult['scores']): UnitResult {
  let cache: UnitResult['scores'] | null = null;
  return Object.defineProperty(unit, 'scores', {
    get: () => (cache ??= make()),
    enumerable: true,
    configurable: true,
  }) as UnitResult;
}

/**
 * Computes the whole assessment. Never throws on valid input.
 *
 * Cost: O(units × indicators + units · log units · tie-break dimensions).
 * @example compute(input).units[0] // => { name: '龙源村', rank: 1, total: 96.5, grade: '好', … }
 */
export function compute(input: AssessmentInput): AssessmentResult {
  const { params, indicators, units } = input;
  const scored = scoreUnits(indicators, units);
  const vetoes = unitVetoes(indicators, units, input.problems);
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
  const { dimensions } = scored;
  const dimensionCount = dimensions.length;

  const results: UnitResult[] = new Array(units.length);
  for (let p = 0; p < ranking.order.length; p++) {
    const u = ranking.order[p];
    const unit = units[u];
    const dimensionScores: Record<string, number> = {};
    for (let d = 0; d < dimensionCount; d++) dimensionScores[dimensions[d]] = scored.dimensionRounded[u * dimensionCount + d];
    results[p] = withLazyScores({
      name: unit.name,
      type: unit.type,
      person: unit.person,
      row: unit.row,
      nameCell: unit.nameCell,
      rank: ranking.rank[u],
      total: scored.total[u],
      totalExact: scored.totalExact[u],
      converted: conversion === null ? null : round2((scored.totalExact[u] * conversion) / pointsSum),
      dimensions: dimensionScores,
      grade: grading.grades[u],
      eligible: eligible[u],
      interview: !eligible[u],
      prominent: prominent[u] !== null,
      vetoes: vetoes[u],
      notes: grading.notes[u],
    }, () => scored.scoresOf(u));
  }

  const warnings: Issue[] = [...input.warnings, ...grading.warnings];
  return {
    params,
    indicators,
    dimensions,
    units: results,
    interviews: interviewList(results, params.date, params.deadlineDays),
    assistance: checkAssistance(input.assistance, params.assistance),
    warnings,
  };
}
