/**
 * What the pane's chart, radar and robustness lines show (issue 13), distilled from the
 * result and its analysis. Pure.
 */
import { unstableUnits, type Analysis } from '../core/analysis';
import type { AssessmentResult, Grade } from '../core/types';

/** Most bars the pane's chart draws (the sheet 图表 and 稳健性分析 hold every unit). */
export const PANE_CHART_BARS = 60;

export interface ChartBar {
  name: string;
  rank: number;
  total: number;
  grade: Grade;
}

export interface RadarAxis {
  dimension: string;
  /** The dimension's points (sum of its indicators'). */
  max: number;
}

export interface AnalysisSummary {
  /** In rank order, at most PANE_CHART_BARS. */
  bars: ChartBar[];
  /** Units left out of the pane's chart. */
  more: number;
  /** Lowest total graded 好 and highest graded 一般, or null. */
  goodLine: number | null;
  averageLine: number | null;
  /** Names of the units whose grade holds in fewer than 90% of runs, rank order. */
  unstable: string[];
  /** Runs done (0: skipped). */
  runs: number;
  spread: number;
  spearman: number | null;
  hasPrevious: boolean;
  axes: RadarAxis[];
  /** Town average of each dimension (same order as `axes`). */
  average: number[];
  /** Dimension scores of every unit by name. */
  scores: Record<string, number[]>;
  /** Unit names in rank order, for the radar's picker. */
  names: string[];
}

/**
 * @example analysisSummary(result, analysis).unstable // => ['明星村', '金鸡社区']
 * Cost: O(units × dimensions).
 */
export function analysisSummary(result: AssessmentResult, analysis: Analysis): AnalysisSummary {
  const units = result.units;
  const good = units.filter((u) => u.grade === '好').map((u) => u.total);
  const average = units.filter((u) => u.grade === '一般').map((u) => u.total);
  const axes = result.dimensions.map((dimension) => ({
    dimension,
    max: result.indicators.filter((ind) => ind.dimension === dimension).reduce((sum, ind) => sum + ind.points, 0),
  }));
  const scores: Record<string, number[]> = {};
  const sums = axes.map(() => 0);
  for (const unit of units) {
    const row = axes.map((axis) => unit.dimensions[axis.dimension] ?? 0);
    row.forEach((v, d) => (sums[d] += v));
    scores[unit.name] = row;
  }
  return {
    bars: units.slice(0, PANE_CHART_BARS).map((u) => ({ name: u.name, rank: u.rank, total: u.total, grade: u.grade })),
    more: Math.max(0, units.length - PANE_CHART_BARS),
    goodLine: good.length > 0 ? Math.min(...good) : null,
    averageLine: average.length > 0 ? Math.max(...average) : null,
    unstable: unstableUnits(analysis).map((k) => units[k].name),
    runs: analysis.robustness.runs,
    spread: analysis.robustness.spread,
    spearman: analysis.years ? analysis.years.spearman : null,
    hasPrevious: analysis.years !== null,
    axes,
    average: sums.map((s) => (units.length > 0 ? s / units.length : 0)),
    scores,
    names: units.map((u) => u.name),
  };
}
