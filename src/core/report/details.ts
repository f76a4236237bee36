/**
 * The 计算明细 sheet: one row per unit × indicator with the value as read, its cell,
 * the method, the calculation and the score — enough to recompute any score by hand.
 */
import type { AssessmentResult, Indicator, OutCell, OutputSheet } from '../types';
import { resultTitle, scoreCell, tableSheet, textCell } from './layout';
import { methodText } from './words';

export const DETAILS_SHEET = '计算明细';

const HEADERS = ['单位', '维度', '指标', '原始值', '来源单元格', '计分方法', '计算过程', '得分', '分值'];

/**
 * Builds 计算明细, units in result order, indicators in table order. Cost: O(units × indicators).
 * @example detailsSheet(result).rows.length // => 2 + units × indicators
 */
export function detailsSheet(result: AssessmentResult): OutputSheet {
  const byId = new Map<number, Indicator>(result.indicators.map((ind) => [ind.id, ind]));
  const rows: OutCell[][] = [];
  for (let p = 0; p < result.units.length; p++) {
    const unit = result.units[p];
    for (const score of result.scoresOf(p)) {
      const indicator = byId.get(score.indicatorId);
      if (!indicator) continue;
      rows.push([
        textCell(unit.name),
        textCell(indicator.dimension),
        textCell(indicator.name),
        textCell(score.display),
        textCell(score.cell),
        textCell(methodText(indicator)),
        textCell(score.formula),
        scoreCell(score.rounded),
        scoreCell(indicator.points),
      ]);
    }
  }
  return tableSheet({
    name: DETAILS_SHEET,
    title: resultTitle(result.params, '计算明细'),
    headers: HEADERS,
    rows,
    freezeCols: 1,
  });
}
