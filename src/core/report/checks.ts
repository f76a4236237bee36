/**
 * The 数据核验 sheet: every warning with its sheet and cell, in Chinese. Written only
 * when there are warnings.
 */
import { issueText } from '../messages';
import type { AssessmentResult, OutputSheet } from '../types';
import { numberCell, resultTitle, tableSheet, textCell } from './layout';

export const CHECKS_SHEET = '数据核验';

/**
 * Builds 数据核验, or null when there is no warning. Cost: O(warnings).
 */
export function checksSheet(result: AssessmentResult): OutputSheet | null {
  if (result.warnings.length === 0) return null;
  return tableSheet({
    name: CHECKS_SHEET,
    title: resultTitle(result.params, '数据核验'),
    headers: ['序号', '工作表', '单元格', '说明'],
    rows: result.warnings.map((issue, i) => [
      numberCell(i + 1),
      textCell(issue.sheet),
      textCell(issue.cell),
      textCell(issueText(issue, 'zh'), { wrap: true }),
    ]),
  });
}
