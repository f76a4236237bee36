/**
 * The JSON additions of issue 13: `units[].robustness`, `toBetter`, `toWorse`, `previous`
 * and the top-level `previous` (null without last year's result).
 */
import type { Analysis } from '../analysis';
import { round2 } from '../numbers';
import type { JsonReport } from '../types';

/** Round a share to 3 decimals (0.873). */
const share = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The report with the analysis fields added (units in result order, as `toJson` writes them).
 * Cost: O(units).
 * @example analysisJson(report, analysis).units[0].robustness // => { stability: 0.873, ranks: [3, 6] }
 */
export function analysisJson(report: JsonReport, analysis: Analysis): JsonReport {
  const years = analysis.years;
  const ran = analysis.robustness.runs > 0;
  return {
    ...report,
    units: report.units.map((unit, k) => {
      const rob = analysis.robustness.units[k];
      const gap = analysis.gaps[k];
      const last = years ? years.units[k] : null;
      return {
        ...unit,
        robustness: ran && rob ? { stability: share(rob.stability), ranks: [rob.ranks[0], rob.ranks[1]] } : null,
        toBetter: gap && gap.toBetter !== null ? round2(gap.toBetter) : null,
        toWorse: gap && gap.toWorse !== null ? round2(gap.toWorse) : null,
        previous: last ? { rank: last.rank, grade: last.grade, total: round2(last.total) } : null,
      };
    }),
    previous: years
      ? { spearman: years.spearman === null ? null : Math.round(years.spearman * 1000) / 1000, common: years.common, new: years.new, gone: years.gone }
      : null,
  };
}
