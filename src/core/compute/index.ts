/**
 * compute: from a validated AssessmentInput to an AssessmentResult, in visible steps:
 *
 *   1 score (scoreUnits) → 2 vetoes (unitVetoes, prominentProblems) → 3 rank (rankUnits)
 *   → 4 grade (gradeUnits) [the kernels: gradeAll] → the unit results → 5 interviews
 *   → 6 assistance
 *
 * Each step is a module with one job and trusts a validated input (the data checks ran in
 * read). The kernels work on typed arrays by input position; this file turns them into
 * plain result objects.
 */
import type { AssessmentInput, AssessmentResult, Issue, UnitResult, Veto } from '../types';
import { round2 } from '../numbers';
import { checkAssistance } from './assistance';
import { gradeUnits, type Grading } from './grade';
import { interviewList } from './interviews';
import { rankUnits, type Ranking } from './rank';
import { scoreUnits, type ScoredUnits } from './scoreUnits';
import { prominentProblems, unitVetoes } from './vetoes';

export { addDays } from './dates';
export { checkAssistance, checkAssistanceRow, checkItem } from './assistance';
export { interviewList } from './interviews';
export { gradeUnits, type GradeInput, type Grading } from './grade';
export { rankUnits, type Ranking, type RankInput, type BrokenTie } from './rank';
export { scoreUnits, dimensionsOf, relativeExtremes, type ScoredUnits } from './scoreUnits';
export { firstCell, indicatorVeto, problemVeto, prominentProblems, triggersVeto, unitVetoes } from './vetoes';

/** The kernels' output: every number of the assessment by input position, before the result objects. */
export interface Graded {
  scored: ScoredUnits;
  /** By input position: the unit's vetoes (indicator ones, then problem-list ones). */
  vetoes: Veto[][];
  /** By input position: the reference of the unit's first 突出问题 row, or null. */
  prominent: (string | null)[];
  ranking: Ranking;
  grading: Grading;
}

/**
 * Steps 1–4 of compute — score, vetoes, rank, grade — on typed arrays by input position:
 * the core's kernels, which the bench times against numpy doing the same job.
 * Cost: O(units × indicators + units · log units). Never throws on valid input.
 * @example gradeAll(input).grading.grades[0] // => '较好'
 */
export function gradeAll(input: AssessmentInput): Graded {
  const { params, indicators, units, values, problems } = input;
  const scored = scoreUnits(indicators, values);
  const vetoes = unitVetoes(indicators, units, values, problems);
  const prominent = prominentProblems(units, problems);
  // One pass over the unit objects (three maps read each object three times: at 100,000
  // units each pass misses the cache on most of them).
  const n = units.length;
  const names: string[] = new Array(n);
  const types: string[] = new Array(n);
  const nameCells: string[] = new Array(n);
  for (let u = 0; u < n; u++) {
    const unit = units[u];
    names[u] = unit.name;
    types[u] = unit.type;
    nameCells[u] = unit.nameCell;
  }
  const ranking = rankUnits({
    names,
    types,
    total: scored.total,
    dimensionRounded: scored.dimensionRounded,
    dimensions: scored.dimensions,
    tieBreak: params.tieBreak,
    rankByType: params.rankByType,
    rankStyle: params.rankStyle,
  });
  const grading = gradeUnits(ranking, {
    names,
    nameCells,
    eligible: vetoes.map((list) => list.length === 0),
    prominent,
    goodQuota: params.goodQuota,
    averageQuota: params.averageQuota,
    tieMode: params.tieMode,
    vetoedMayBeGood: params.vetoedMayBeGood,
    dataSheet: input.roles.data,
  });
  return { scored, vetoes, prominent, ranking, grading };
}

/**
 * Computes the whole assessment: the kernels (`gradeAll`), then the plain result objects,
 * 5 interviews and 6 assistance. Never throws on valid input.
 *
 * Cost: O(units × indicators + units · log units · tie-break dimensions).
 * @example compute(input).units[0] // => { name: '龙源村', rank: 1, total: 96.5, grade: '好', … }
 */
export function compute(input: AssessmentInput): AssessmentResult {
  const { params } = input;
  const { scored, vetoes, prominent, ranking, grading } = gradeAll(input);
  const results = unitResults(input, scored, ranking, grading.grades, vetoes, prominent);
  const warnings: Issue[] = [...input.warnings, ...grading.warnings];
  return {
    params,
    indicators: input.indicators,
    dimensions: scored.dimensions,
    units: results,
    scoresOf: (position) => scored.scoresOf(ranking.order[position]),
    notesOf: (position) => grading.notesOf(ranking.order[position]),
    interviews: interviewList(results, params.date, params.deadlineDays),
    assistance: checkAssistance(input.assistance, params.assistance),
    warnings,
  };
}

/**
 * The plain UnitResult objects in result order (`ranking.order`). Cost: O(units × dimensions).
 */
function unitResults(
  input: AssessmentInput,
  scored: ScoredUnits,
  ranking: Ranking,
  grades: UnitResult['grade'][],
  vetoes: UnitResult['vetoes'][],
  prominent: (string | null)[],
): UnitResult[] {
  const { units, params, indicators } = input;
  const pointsSum = indicators.reduce((sum, indicator) => sum + indicator.points, 0);
  const conversion = params.conversion !== null && pointsSum > 0 ? params.conversion : null;
  const { dimensions, dimensionRounded, total, totalExact } = scored;
  const dimensionCount = dimensions.length;
  // Each record is a copy of one template, so all share its shape and the stores below
  // write in place (measured: about twice as fast as adding the keys one by one).
  const template: Record<string, number> = {};
  for (const dimension of dimensions) template[dimension] = 0;
  const results: UnitResult[] = new Array(units.length);
  for (let p = 0; p < units.length; p++) {
    const u = ranking.order[p];
    const row = units[u];
    const record = { ...template };
    for (let d = 0; d < dimensionCount; d++) record[dimensions[d]] = dimensionRounded[u * dimensionCount + d];
    const unitVetoes = vetoes[u];
    results[p] = {
      name: row.name,
      type: row.type,
      person: row.person,
      row: row.row,
      nameCell: row.nameCell,
      rank: ranking.rank[u],
      total: total[u],
      totalExact: totalExact[u],
      converted: conversion === null ? null : round2((totalExact[u] * conversion) / pointsSum),
      dimensions: record,
      grade: grades[u],
      eligible: unitVetoes.length === 0,
      interview: unitVetoes.length > 0,
      prominent: prominent[u] !== null,
      vetoes: unitVetoes,
    };
  }
  return results;
}
