/**
 * The ranking inputs of a computed result, in result order (index k = position in
 * `result.units`), so that the analyses can call the real rank and grade functions with
 * changed totals. Only the public UnitResult fields are read.
 */
import { gradeUnits, rankUnits, type GradeInput, type Ranking, type RankInput } from '../compute';
import type { AssessmentResult, Grade } from '../types';

export interface RankContext {
  names: string[];
  types: string[];
  /** Rounded totals. */
  total: Float64Array;
  /** Rounded dimension scores `[k * dimensions.length + d]`. */
  dimensionRounded: Float64Array;
  dimensions: string[];
  /** May be graded 好: keeps eligibility, or 否决单位可评好 is set. */
  mayBeGood: boolean[];
  /** Has a 突出问题 (always 较差). */
  prominent: boolean[];
  grades: Grade[];
  ranks: Int32Array;
  result: AssessmentResult;
}

/** Grade order, best first. */
export const GRADE_ORDER: Grade[] = ['好', '较好', '一般', '较差'];

/**
 * Builds the context. Cost: O(units × dimensions).
 * @example rankContext(result).names[0] // => '文白社区'
 */
export function rankContext(result: AssessmentResult): RankContext {
  const units = result.units;
  const dimensions = result.dimensions;
  const D = dimensions.length;
  const n = units.length;
  const total = new Float64Array(n);
  const dimensionRounded = new Float64Array(n * D);
  const ranks = new Int32Array(n);
  units.forEach((unit, k) => {
    total[k] = unit.total;
    ranks[k] = unit.rank;
    const dims = unit.dimensions;
    for (let d = 0; d < D; d++) dimensionRounded[k * D + d] = dims[dimensions[d]] ?? 0;
  });
  return {
    names: units.map((u) => u.name),
    types: units.map((u) => u.type),
    total,
    dimensionRounded,
    dimensions,
    mayBeGood: units.map((u) => u.eligible || result.params.vetoedMayBeGood),
    prominent: units.map((u) => u.prominent),
    grades: units.map((u) => u.grade),
    ranks,
    result,
  };
}

/** The arrays of a subset of the context's units (by index), for a reduced problem. */
export interface Subset {
  names: string[];
  types: string[];
  total: Float64Array;
  dimensionRounded: Float64Array;
  mayBeGood: boolean[];
  prominent: boolean[];
}

/**
 * Ranks and grades units with the real rank and grade functions and the result's
 * parameters (quotas, ties, tie-breaks, 分类排名 unless `together`). Cost: O(n log n).
 * @example rankAndGrade(ctx, ctx, ctx.total).grading.grades[0] // => '较好'
 */
export function rankAndGrade(ctx: RankContext, units: Subset, total: Float64Array, together = false): { ranking: Ranking; grades: Grade[] } {
  const params = ctx.result.params;
  const rankInput: RankInput = {
    names: units.names,
    types: units.types,
    total,
    dimensionRounded: units.dimensionRounded,
    dimensions: ctx.dimensions,
    tieBreak: params.tieBreak,
    rankByType: together ? false : params.rankByType,
  };
  // 排名方式 (中国式 dense ranks) where the rank step takes it (carryon's RankInput.rankStyle).
  const ranking = rankUnits(Object.assign(rankInput, { rankStyle: params.rankStyle }));
  const gradeInput: GradeInput = {
    names: units.names,
    nameCells: units.names,
    eligible: units.mayBeGood,
    prominent: units.prominent.map((p) => (p ? '!' : null)),
    goodQuota: params.goodQuota,
    averageQuota: params.averageQuota,
    tieMode: params.tieMode,
    dataSheet: '',
  };
  return { ranking, grades: gradeUnits(ranking, gradeInput).grades };
}
