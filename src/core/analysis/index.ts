/**
 * Beyond the ranking (issue 13): how firm each grade is (稳健性分析), what it would take to
 * move (差距分析), and how this year compares with last (同比). Pure; reads the computed
 * result through its public fields and calls the real rank and grade functions.
 */
import type { AssessmentInput, AssessmentResult } from '../types';
import { rankContext } from './context';
import { gaps, type UnitGap } from './gaps';
import { compareYears, type PreviousYear, type YearComparison } from './previous';
import { robustness, type Robustness } from './robustness';

export { robustness, perturbedScores, runsWithinBudget, ROBUSTNESS_BUDGET, type Robustness, type UnitRobustness } from './robustness';
export { gaps, type UnitGap } from './gaps';
export { rankContext, rankAndGrade, GRADE_ORDER, type RankContext } from './context';
export { seededRandom, ROBUSTNESS_SEED } from './prng';
export { spearman, averageRanks } from './spearman';
export { weightForms, Form, type WeightForms } from './weights';
export {
  changeText,
  compareYears,
  looksLikeResult,
  pickPreviousSheet,
  previousFromSnapshot,
  readPrevious,
  PREVIOUS_SHEET,
  type PreviousUnit,
  type PreviousYear,
  type UnitChange,
  type YearComparison,
} from './previous';

/** Units whose grade holds in fewer runs than this are highlighted and named. */
export const STABILITY_WARN = 0.9;

export interface Analysis {
  robustness: Robustness;
  /** By result position. */
  gaps: UnitGap[];
  /** Null without last year's result. */
  years: YearComparison | null;
}

/**
 * All three analyses of a computed result. Cost: dominated by robustness, about
 * runs × units × indicators (bounded by ROBUSTNESS_BUDGET). Never throws on a valid result.
 * @example analyse(input, result).robustness.units[0].stability // => 0.873
 */
export function analyse(input: AssessmentInput, result: AssessmentResult, previous: PreviousYear | null = null): Analysis {
  const ctx = rankContext(result);
  return {
    robustness: robustness(input, result, ctx),
    gaps: gaps(ctx),
    years: previous ? compareYears(result, previous) : null,
  };
}

/**
 * Result positions of the units whose grade holds in fewer than 90% of runs, in rank order.
 * @example unstableUnits(analysis) // => [3, 4]
 */
export function unstableUnits(analysis: Analysis): number[] {
  return analysis.robustness.units.map((u, k) => (u.stability < STABILITY_WARN ? k : -1)).filter((k) => k >= 0);
}
