/**
 * The 计算明细 sheet: one row per unit × indicator with the value as read, its cell,
 * the method, the calculation and the score — enough to recompute any score by hand.
 * From LAZY_DETAIL_ROWS rows on, the rows are built on demand (band by band, from
 * `result.scoresOf`) instead of held: at 200,000 units × 40 indicators they are 8 million
 * rows, 72 million cells.
 */
import type { AssessmentResult, OutCell, OutputSheet } from '../types';
import { resultTitle, scoreCell, tableSheet, textCell, widenToText } from './layout';
import { methodText } from './words';

export const DETAILS_SHEET = '计算明细';

/** From this many rows on (5,000 units × 10 indicators), 计算明细's rows are lazy. */
export const LAZY_DETAIL_ROWS = 50_000;

const HEADERS = ['单位', '维度', '指标', '原始值', '来源单元格', '计分方法', '计算过程', '得分', '分值'];

/**
 * Rows [start, end) of 计算明细's body: row r is indicator r mod n of the unit at position
 * ⌊r / n⌋ (n indicators; `scoresOf` gives every indicator's score). The cells that depend
 * only on the unit or the indicator are shared between rows. Cost: O(rows × columns) plus
 * one `scoresOf` per unit touched.
 * @example detailRows(result)(0, 1)[0][0].v // => the first unit's name
 */
function detailRows(result: AssessmentResult): (start: number, end: number) => OutCell[][] {
  const perUnit = result.indicators.length;
  const fixed = new Map(
    result.indicators.map((ind) => [
      ind.id,
      { dimension: textCell(ind.dimension), name: textCell(ind.name), method: textCell(methodText(ind)), points: scoreCell(ind.points) },
    ]),
  );
  return (start, end) => {
    const rows: OutCell[][] = [];
    let r = start;
    while (r < end) {
      const p = Math.floor(r / perUnit);
      const scores = result.scoresOf(p);
      const unit = textCell(result.units[p].name);
      for (let k = r - p * perUnit; k < perUnit && r < end; k++, r++) {
        const score = scores[k];
        const indicator = fixed.get(score.indicatorId);
        if (!indicator) throw new Error(`计算明细: no indicator ${score.indicatorId}`);
        rows.push([
          unit,
          indicator.dimension,
          indicator.name,
          textCell(score.display),
          textCell(score.cell),
          indicator.method,
          textCell(score.formula),
          scoreCell(score.rounded),
          indicator.points,
        ]);
      }
    }
    return rows;
  };
}


/**
 * Widens `widths` to fit 计算明细's body without building its cells: each unit's name and
 * each indicator's texts once, each score's texts (scores show two decimals). Cost: O(units × indicators), one
 * `scoresOf` per unit.
 */
function fitDetails(result: AssessmentResult, widths: number[]): void {
  for (const ind of result.indicators) {
    widenToText(widths, 1, ind.dimension);
    widenToText(widths, 2, ind.name);
    widenToText(widths, 5, methodText(ind));
    widenToText(widths, 8, ind.points.toFixed(2));
  }
  for (let p = 0; p < result.units.length; p++) {
    widenToText(widths, 0, result.units[p].name);
    for (const score of result.scoresOf(p)) {
      widenToText(widths, 3, score.display);
      widenToText(widths, 4, score.cell);
      widenToText(widths, 6, score.formula);
      widenToText(widths, 7, score.rounded.toFixed(2));
    }
  }
}

/**
 * Builds 计算明细, units in result order, indicators in table order; the rows are lazy
 * from `lazyFrom` rows on (LAZY_DETAIL_ROWS unless told). Cost: O(units × indicators) time,
 * memory O(one band) when lazy.
 * @example detailsSheet(result).rows.length // => 2 + units × indicators (under LAZY_DETAIL_ROWS)
 * @example detailsSheet(result, { lazyFrom: 0 }).lazy?.count // => units × indicators
 */
export function detailsSheet(result: AssessmentResult, options: { lazyFrom?: number } = {}): OutputSheet {
  const count = result.units.length * result.indicators.length;
  const band = detailRows(result);
  const lazy = count >= (options.lazyFrom ?? LAZY_DETAIL_ROWS);
  return tableSheet({
    name: DETAILS_SHEET,
    title: resultTitle(result.params, '计算明细'),
    headers: HEADERS,
    rows: lazy ? [] : band(0, count),
    ...(lazy ? { lazy: { count, columns: HEADERS.length, band, fit: (widths: number[]) => fitDetails(result, widths) } } : {}),
    freezeCols: 1,
  });
}
