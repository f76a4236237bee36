/**
 * The JSON additions of issue 13: `units[].robustness`, `toBetter`, `toWorse`, `previous`
 * and the top-level `previous` (null without last year's result). toJson adds them to the
 * unit entries it makes (one object per unit: at 200,000 units a second copy of the
 * entries would be some 100 MB more at the assessment's peak).
 */
import type { Analysis } from '../analysis';
import { round2 } from '../numbers';
import type { JsonReport } from '../types';

/** Round a share to 3 decimals (0.873). */
const share = (x: number): number => Math.round(x * 1000) / 1000;

/** A unit's analysis fields, in the order the JSON document shows them. */
export type UnitAnalysisJson = Pick<JsonReport['units'][number], 'robustness' | 'toBetter' | 'toWorse' | 'previous'>;

/**
 * The analysis fields of the unit at result position `k`. Cost: O(1).
 * @example unitAnalysisJson(analysis, 0).robustness // => { stability: 0.873, ranks: [3, 6] }
 */
export function unitAnalysisJson(analysis: Analysis, k: number): UnitAnalysisJson {
  const years = analysis.years;
  const rob = analysis.robustness.units[k];
  const gap = analysis.gaps[k];
  const last = years ? years.units[k] : null;
  return {
    robustness: analysis.robustness.runs > 0 && rob ? { stability: share(rob.stability), ranks: [rob.ranks[0], rob.ranks[1]] } : null,
    toBetter: gap && gap.toBetter !== null ? round2(gap.toBetter) : null,
    toWorse: gap && gap.toWorse !== null ? round2(gap.toWorse) : null,
    previous: last ? { rank: last.rank, grade: last.grade, total: round2(last.total) } : null,
  };
}

/**
 * The top-level `previous` (null without last year's result). Cost: O(new + gone units).
 */
export function previousJson(analysis: Analysis): JsonReport['previous'] {
  const years = analysis.years;
  return years
    ? { spearman: years.spearman === null ? null : Math.round(years.spearman * 1000) / 1000, common: years.common, new: years.new, gone: years.gone }
    : null;
}
